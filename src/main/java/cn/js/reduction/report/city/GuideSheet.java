package cn.js.reduction.report.city;

import cn.js.reduction.core.Severity;
import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.RuleSheet;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.report.workbook.AnnexSheet;
import cn.js.reduction.report.workbook.ChartSheet;
import cn.js.reduction.report.workbook.ListSheets;
import cn.js.reduction.report.workbook.PlanSheet;
import cn.js.reduction.report.workbook.ProjectMatrixSheet;
import cn.js.reduction.report.workbook.ProjectTallySheet;
import cn.js.reduction.report.workbook.ReductionSheet;
import cn.js.reduction.report.workbook.RunSheet;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * 说明, the first sheet of a city's feedback workbook: the city's figures in a few sentences, what each sheet
 * shows, what the colours mean and how to correct and resubmit. Written last (SXSSF lets a sheet be filled
 * after later ones), because it reports the counts of the lists.
 */
public final class GuideSheet {

    public static final String NAME = "说明";

    private GuideSheet() {
    }

    public static void write(SXSSFSheet sheet, WorkbookStyles styles, Scope scope, RunInfo run,
                      List<ProjectTally> projectTallies, List<ReductionTally> reductionTallies,
                      ListSheets.Counts counts) {
        String city = scope.city().name();
        String code = scope.city().code();
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        PrintLayout.narrow(sheet);
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        new RowWriter(title, styles, false).text(city + "市 " + run.year() + "年大气污染防治项目与减排核算 报送反馈",
                Kind.TITLE, Mark.NONE);
        r = line(sheet, styles, r, "运行", "运行编号 " + run.runId() + "，" + Labels.mode(run.mode())
                + (run.mode().isFinal() ? "。" : "；日常核算为临时结果，以年终核算为准。"));
        r++;

        r = section(sheet, styles, r, "本市概况");
        ProjectTally total = projectTallies.stream()
                .filter(t -> code.equals(t.cityCode()) && Category.TOTAL.equals(t.categoryCode()))
                .findFirst().orElse(null);
        if (total != null) {
            r = line(sheet, styles, r, "项目", "计划 " + total.planned() + " 个，报送 " + total.submitted()
                    + " 个（通过校验，计入统计），已完成 " + total.completed() + " 个，在建 " + total.inProgress()
                    + " 个，未开工 " + total.notStarted() + " 个。" + shortfalls(projectTallies, code));
        }
        r = line(sheet, styles, r, "减排", reductions(reductionTallies, code));
        r = line(sheet, styles, r, "退回", counts.rejectedRows() + " 行未通过校验、未计入统计（共 "
                + counts.rejectionReasons() + " 条原因），详见“退回记录”。");
        r = line(sheet, styles, r, "问题", "错误 " + counts.findings().getOrDefault(Severity.ERROR, 0L) + " 条，警告 "
                + counts.findings().getOrDefault(Severity.WARNING, 0L) + " 条，提示 "
                + counts.findings().getOrDefault(Severity.INFO, 0L) + " 条，详见“问题清单”。");
        r++;

        r = section(sheet, styles, r, "各工作表");
        r = line(sheet, styles, r, RunSheet.NAME, "本次核算的运行编号、时间、参数，以及含本市数据的每个报送文件："
                + "SHA-256 指纹（可核对收到的是哪一版文件）、读取、接受、退回、忽略的行数，以及读取的列数和有数据但未读取的列数"
                + "（未读取的列在问题清单中逐列列明）。");
        r = line(sheet, styles, r, ProjectMatrixSheet.NAME, "按附件4的"
                + scope.reference().categories().size() + "类项目，列出本市的计划、报送、完成项目数；合计列为公式。");
        r = line(sheet, styles, r, ReductionSheet.NAME, "对照附件2，本市"
                + scope.reference().pollutants().stream().map(Pollutant::chineseName).collect(Collectors.joining("、"))
                + "的基准年（" + scope.reference().baseYear() + "年）与核算年排放量、"
                + "减排比例、目标和差距，以及已完成项目申报的减排量。");
        r = line(sheet, styles, r, ChartSheet.NAME, "本市三项污染物的实际与目标减排比例、各类项目计划与完成数的柱状图。");
        r = line(sheet, styles, r, ProjectTallySheet.NAME, "与 projects_by_city_category.csv 逐行对应的项目统计：计划、报送、完成、在建、"
                + "未开工、差额、完成率和状态，均为公式。");
        r = line(sheet, styles, r, PlanSheet.NAME, "计划附件1（空气质量目标）和附件3（秋冬季目标）中本市与全省的目标。");
        r = line(sheet, styles, r, AnnexSheet.NAME, "计划附件2、附件4的转录；“项目汇总”“减排核算”的计划数和目标比例由公式从此表查得。");
        r = line(sheet, styles, r, ListSheets.FINDINGS, "本市的全部问题：错误（该行被退回）、警告（该行已计入，请核实）、提示。"
                + "每条注明文件、工作表、行号和单元格。");
        r = line(sheet, styles, r, ListSheets.PROJECTS, "通过校验、计入统计的本市项目，每行注明来源文件、文件SHA-256、工作表和行号；"
                + "汇总表中的报送、完成数和申报减排量按此表计数、求和。");
        r = line(sheet, styles, r, ListSheets.EMISSIONS, "计入统计的本市排放量报表行，每行注明来源；“减排核算”的排放量按此表求和。");
        r = line(sheet, styles, r, ListSheets.REJECTIONS, "未通过校验、未计入统计的行，一行一个原因。");
        r = line(sheet, styles, r, ReturnedRowsSheet.NAME, "被退回或有警告的行，按原报送表的样子返回：出错的单元格标红（错误）或标黄（警告），"
                + "批注说明问题和应填写的内容；A列为原表行号。");
        r = line(sheet, styles, r, RuleSheet.NAME, "各规则编码的含义、级别和示例。");
        r++;

        r = section(sheet, styles, r, "颜色");
        r = line(sheet, styles, r, "红色底纹", "报送数少于计划数；未达到减排目标；错误。", Mark.SHORTFALL);
        r = line(sheet, styles, r, "黄色底纹", "计划外类别报送了项目；项目申报减排量超过核算减排量的"
                + scope.reference().claimRatioLimit().toPlainString() + "倍；警告。", Mark.ATTENTION);
        r = line(sheet, styles, r, "蓝绿色底纹", "报送数多于计划数。", Mark.EXCESS);
        r = line(sheet, styles, r, "紫色底纹", "完成数少于计划数（仅年终核算标注）。", Mark.COMPLETION);
        r = line(sheet, styles, r, "灰色底纹", "无排放数据，无法核算减排比例。", Mark.NO_DATA);
        r++;

        r = section(sheet, styles, r, "如何修改");
        r = line(sheet, styles, r, "1", "打开“退回记录”，按“文件”“工作表”“行号”“单元格”找到原报送表中的单元格；"
                + "行号和单元格与在Excel中看到的一致；点击“单元格”一栏可跳到“原表标注”中标出的该单元格。");
        r = line(sheet, styles, r, "2", "按“说明”一栏改正。同一行有多个原因的，全部改正后该行才计入统计。");
        r = line(sheet, styles, r, "3", "“问题清单”中的警告不影响计入，但请核实（例如统一社会信用代码校验位错误、实际完成时间晚于年末）。");
        r = line(sheet, styles, r, "4", "改正后重新报送整个文件，文件名末尾加报送日期，例如 " + city + "_项目清单_"
                + run.year() + "1215.xlsx。同一城市、同一类型只采用最新报送的文件，旧文件中本市的行不再计入。");
        line(sheet, styles, r, "5", "缺少项目清单或排放量报表的（问题清单中的 MISSING_SUBMISSION），请补报。");
    }

    private static String shortfalls(List<ProjectTally> tallies, String code) {
        List<String> names = new ArrayList<>();
        for (ProjectTally t : tallies) {
            if (code.equals(t.cityCode()) && !Category.TOTAL.equals(t.categoryCode())
                    && t.countStatus() == CountStatus.SHORTFALL) {
                names.add(t.categoryName() + "（少 " + (t.planned() - t.submitted()) + " 个）");
            }
        }
        return names.isEmpty() ? "各类别报送数均不少于计划数。" : "报送少于计划的类别：" + String.join("、", names) + "。";
    }

    private static String reductions(List<ReductionTally> tallies, String code) {
        List<String> parts = new ArrayList<>();
        for (ReductionTally t : tallies) {
            if (!code.equals(t.cityCode())) {
                continue;
            }
            String text = t.pollutant().chineseName() + " " + Labels.reductionStatus(t.status())
                    + (t.restsOn() != null && t.status() == ReductionStatus.INCOMPLETE
                    ? "（据 " + t.restsOn() + " 个设区市的完整数据）" : "");
            if (t.reductionPct() != null && t.targetPct() != null) {
                text += "（减排 " + t.reductionPct().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%，目标 "
                        + t.targetPct().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%）";
            }
            parts.add(text);
        }
        return String.join("；", parts) + "。";
    }

    private static int section(SXSSFSheet sheet, WorkbookStyles styles, int row, String text) {
        new RowWriter(sheet.createRow(row), styles, false).text(text, Kind.TITLE, Mark.NONE);
        return row + 1;
    }

    private static int line(SXSSFSheet sheet, WorkbookStyles styles, int row, String label, String text) {
        return line(sheet, styles, row, label, text, Mark.NONE);
    }

    private static int line(SXSSFSheet sheet, WorkbookStyles styles, int row, String label, String text, Mark mark) {
        new RowWriter(sheet.createRow(row), styles, false).text(label, Kind.LABEL, mark).text(text, Kind.WRAPPED, Mark.NONE);
        return row + 1;
    }
}
