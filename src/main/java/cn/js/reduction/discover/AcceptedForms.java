package cn.js.reduction.discover;

import cn.js.reduction.core.FileKind;
import java.util.List;

/**
 * The forms the readers accept besides the template's own, as the template's 填报说明 tells the clerk (and
 * docs/input-format.md tells everyone): one place, beside the readers that accept them, so the two cannot drift.
 */
public final class AcceptedForms {

    private AcceptedForms() {
    }

    /** Lines for a template's guide sheet, in Chinese. */
    public static List<String> lines(FileKind kind) {
        String city = "· 设区市：可填名称（南京、南京市）、代码（320100）或拼音；也可填所辖县（市、区）或市区，如 江阴市、常州市武进区、"
                + "无锡市区、苏州工业园区，按所属设区市计入（提示 CITY_FROM_DISTRICT）。";
        String numbers = "· 数值：可带千位分隔符（1,234.5）、全角数字或末尾单位（12.5吨）；公式以 Excel 保存的计算结果为准，"
                + "程序生成的文件未保存结果时，只引用本行单元格的公式（如 =H5*0.8、=SUM(J5:L5)、本模板设区市一栏的公式）按本行数值计算，"
                + "其余请用 Excel 或 WPS 打开保存后报送。不是规定写法但含义明确的（如 2020年6月、12.5吨、已建成）按含义读取，"
                + "并提示读作什么（VALUE_INTERPRETED）。";
        String rows = "· 合计、小计、汇总、Total 行，填表人、审核人、联系电话、填报日期等表尾，说明、注 等行不计入（计为忽略）；"
                + "合计与明细之和不一致时提示 TOTAL_ROW_DIFFERS。表中不属于模板的列不读取，并在结果中列出（COLUMN_NOT_READ）。";
        if (kind == FileKind.EMISSIONS) {
            return List.of("其他可接受的写法：", city, "· 污染物：VOCs / 挥发性有机物，二氧化硫 / SO2 / SO₂，氮氧化物 / NOx / NOₓ，"
                    + "也可写作 二氧化硫（SO2）；颗粒物等附件2没有减排目标的污染物的行不计入核算（计为忽略，提示 POLLUTANT_NOT_ACCOUNTED）。"
                    + "基准年、核算年排放量列也可写作 2015年排放量、2020年排放量 或 2015年、2020年。",
                    "· 也可按附件2的样式：每个设区市一行，每种污染物一组合并单元格，下分 2015年、2020年 两列（或 2015年、2020年 "
                            + "各一组，下分各污染物）；按每市每种污染物一行读取，某一格有误只退回该污染物，其余照常计入。",
                    "· 排放源类别写「合计」：在本市该污染物各排放源行之下为合计行，不计入；在其之前（或只有这一行）按全部排放源计入，"
                            + "其下各排放源行作为明细不计入。", numbers, rows);
        }
        return List.of("其他可接受的写法：", city,
                "· 进展状态：未开工、未启动；在建、实施中、进行中、在建中、施工中；已完成、已建成、完成、已完工、已投运、已竣工。",
                "· 项目类别：名称、去掉「项目」的名称或代码，也可带所属大类（如 VOCs污染治理项目-源头替代），或按参考数据中的别名"
                        + "（如 建筑工地扬尘治理项目 即 施工工地扬尘治理项目）。",
                "· 日期：2020-06-30、2020/6/30、2020.6.30、2020年6月30日、20200630；2020年6月 为该月最后一天；2020年底、2020年末、"
                        + "年底 为12月31日，2020年上半年 为6月30日，2020年第三季度 为该季度最后一天。",
                numbers, rows);
    }
}
