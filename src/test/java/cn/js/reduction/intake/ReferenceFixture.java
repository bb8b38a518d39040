package cn.js.reduction.intake;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reference data of SPEC §2 (13 cities, 18 categories) for intake tests; annex tables left empty. */
final class ReferenceFixture {

    private ReferenceFixture() {
    }

    static ReferenceData jiangsu2020() {
        List<City> cities = List.of(
                new City("320100", "南京", "Nanjing"), new City("320200", "无锡", "Wuxi"),
                new City("320300", "徐州", "Xuzhou"), new City("320400", "常州", "Changzhou"),
                new City("320500", "苏州", "Suzhou"), new City("320600", "南通", "Nantong"),
                new City("320700", "连云港", "Lianyungang"), new City("320800", "淮安", "Huai'an"),
                new City("320900", "盐城", "Yancheng"), new City("321000", "扬州", "Yangzhou"),
                new City("321100", "镇江", "Zhenjiang"), new City("321200", "泰州", "Taizhou"),
                new City("321300", "宿迁", "Suqian"));
        String[][] annex4 = {
                {"ROLLING", "滚动实施项目", "滚动实施项目"},
                {"INDUSTRY", "产业结构优化调整项目", "产业结构优化调整项目"},
                {"ENERGY_COAL", "煤炭消费总量控制项目", "能源结构调整项目"},
                {"ENERGY_CHP", "热电整合项目", "能源结构调整项目"},
                {"KILN", "工业炉窑整治项目", "工业炉窑整治项目"},
                {"BOILER", "锅炉提标改造项目", "重点行业深度减排项目"},
                {"DEEP_OTHER", "其他重点行业减排项目", "重点行业深度减排项目"},
                {"VOC_SUBST", "VOCs源头替代项目", "VOCs污染治理项目"},
                {"VOC_FUGITIVE", "无组织排放治理项目", "VOCs污染治理项目"},
                {"VOC_UPGRADE", "治污设施升级改造项目", "VOCs污染治理项目"},
                {"VOC_SPRAY", "集中喷涂工程中心建设项目", "VOCs污染治理项目"},
                {"VOC_VAPOR", "油气回收治理改造项目", "VOCs污染治理项目"},
                {"CATERING", "餐饮油烟治理项目", "餐饮油烟治理项目"},
                {"DUST_SITE", "施工工地扬尘治理项目", "扬尘治理项目"},
                {"DUST_WHARF", "码头堆场扬尘治理项目", "扬尘治理项目"},
                {"DUST_YARD", "工业堆场扬尘治理项目", "扬尘治理项目"},
                {"MOBILE_SHORE", "港口岸电系统建设项目", "移动源治理"},
                {"MOBILE_SHIP_RS", "移动源(船舶)排放遥感监测系统项目", "移动源治理"}};
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < annex4.length; i++) {
            categories.add(new Category(annex4[i][0], annex4[i][1], annex4[i][2], i + 1));
        }
        return new ReferenceData(2020, "test", cities, new City(City.PROVINCE_CODE, "全省", "Jiangsu"),
                categories, Map.of(), Map.of(), List.of(), List.of());
    }
}
