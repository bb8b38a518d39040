package cn.js.reduction.sample;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A city as the sample needs it: its real districts, its row of annex 4 (planned projects per category) and of
 * annex 2 (reduction targets, %), transcribed from the seed, and a plausible 2015 emission base in tonnes
 * (VOCs, SO2, NOx). The annexes are copied here on purpose: the generator must not lean on the product's
 * reference loader, which is what the sample is meant to test.
 */
record SampleCity(String code, String name, String pinyin, List<String> districts, int[] planned,
                  BigDecimal[] targetPct, int[] base2015) {

    /** Pollutant order of {@link #targetPct} and {@link #base2015}: annex 2's column order. */
    static final List<String> POLLUTANTS = List.of("VOCS", "SO2", "NOX");

    static final List<SampleCity> ALL = List.of(
            of("320100", "南京", "Nanjing", "玄武区 秦淮区 建邺区 鼓楼区 浦口区 栖霞区 雨花台区 江宁区 六合区 溧水区 高淳区",
                    "6 - - - 3 24 7 - 53 57 - 99 13 39 1 7 6 7 = 322", "28.0 24.1 24.4", "135000 62000 98000"),
            of("320200", "无锡", "Wuxi", "梁溪区 锡山区 惠山区 滨湖区 新吴区 江阴市 宜兴市",
                    "23 - 3 3 130 26 1 3 8 34 - 6 53 10 - - 4 4 = 308", "22.0 26.0 23.0", "118000 56000 72000"),
            of("320300", "徐州", "Xuzhou", "鼓楼区 云龙区 贾汪区 泉山区 铜山区 丰县 沛县 睢宁县 新沂市 邳州市",
                    "5 8 - - 2 1 5 1 10 66 - 1 - 4 7 - 3 1 = 114", "28.0 25.0 22.0", "88000 92000 112000"),
            of("320400", "常州", "Changzhou", "天宁区 钟楼区 新北区 武进区 金坛区 溧阳市",
                    "2 45 - - 24 90 8 7 46 10 - - 14 - 3 3 83 - = 335", "28.0 26.0 22.0", "96000 41000 56000"),
            of("320500", "苏州", "Suzhou", "姑苏区 虎丘区 吴中区 相城区 吴江区 常熟市 张家港市 昆山市 太仓市",
                    "- - - - 155 85 - 2 114 148 - 10 - - 14 - 4 4 = 536", "22.0 25.0 22.0", "258000 101000 163000"),
            of("320600", "南通", "Nantong", "崇川区 港闸区 通州区 海门市 如东县 启东市 如皋市 海安市",
                    "1 13 2 1 30 90 - 12 11 74 1 35 20 - 4 1 6 - = 301", "24.0 27.0 22.0", "121000 54000 81000"),
            of("320700", "连云港", "Lianyungang", "连云区 海州区 赣榆区 东海县 灌云县 灌南县",
                    "- 11 - - 10 55 6 16 28 6 1 7 8 218 10 1 1 - = 378", "26.0 26.8 24.0", "58000 36000 49000"),
            of("320800", "淮安", "Huai'an", "淮安区 淮阴区 清江浦区 洪泽区 涟水县 盱眙县 金湖县",
                    "- 6 16 2 11 20 1 16 15 7 1 5 27 304 10 3 4 1 = 449", "26.0 24.6 21.7", "54000 31000 46000"),
            of("320900", "盐城", "Yancheng", "亭湖区 盐都区 大丰区 响水县 滨海县 阜宁县 射阳县 建湖县 东台市",
                    "2 3 1 - 40 8 3 6 4 19 1 5 12 139 49 4 4 - = 300", "24.0 29.4 22.0", "69000 47000 72000"),
            of("321000", "扬州", "Yangzhou", "广陵区 邗江区 江都区 宝应县 仪征市 高邮市",
                    "- - - - 64 290 - 12 32 36 1 4 7 37 5 3 15 - = 506", "28.0 25.0 22.0", "71000 31000 44000"),
            of("321100", "镇江", "Zhenjiang", "京口区 润州区 丹徒区 丹阳市 扬中市 句容市",
                    "1 15 1 - 6 39 6 12 2 16 - 6 - 235 4 - 1 3 = 347", "28.0 24.0 21.5", "62000 42000 57000"),
            of("321200", "泰州", "Taizhou", "海陵区 高港区 姜堰区 兴化市 靖江市 泰兴市",
                    "1 1 - - 30 22 1 - 9 16 1 16 35 55 3 - 5 5 = 200", "26.0 24.8 22.1", "76000 35000 51000"),
            of("321300", "宿迁", "Suqian", "宿城区 宿豫区 沭阳县 泗阳县 泗洪县",
                    "- - - - 1 32 2 5 283 2 1 2 27 78 1 4 1 - = 439", "28.0 25.9 23.7", "44000 21000 36000"));

    /** Annex 4's 全省 row: the check that the transcription above is complete. */
    static final int PROVINCE_PLANNED = 4535;

    static SampleCity byName(String name) {
        return ALL.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow();
    }

    int planned(SampleCategory category) {
        return planned[category.ordinal()];
    }

    String nameWithShi() {
        return name + "市";
    }

    private static SampleCity of(String code, String name, String pinyin, String districts, String annex4,
                                 String annex2, String base) {
        String[] parts = annex4.split(" = ");
        String[] cells = parts[0].split(" ");
        int[] planned = new int[cells.length];
        for (int i = 0; i < cells.length; i++) {
            planned[i] = cells[i].equals("-") ? 0 : Integer.parseInt(cells[i]);
        }
        if (planned.length != SampleCategory.values().length
                || Arrays.stream(planned).sum() != Integer.parseInt(parts[1])) {
            throw new IllegalStateException("annex 4 row of " + name + " does not add up to its 合计");
        }
        BigDecimal[] targets = Arrays.stream(annex2.split(" ")).map(BigDecimal::new).toArray(BigDecimal[]::new);
        int[] bases = Arrays.stream(base.split(" ")).mapToInt(Integer::parseInt).toArray();
        return new SampleCity(code, name, pinyin, List.of(districts.split(" ")), planned, targets, bases);
    }
}
