package cn.js.reduction.report.sheet;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.RunMode;
import cn.js.reduction.core.Severity;
import cn.js.reduction.reconcile.CompletionStatus;
import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;

/** The Chinese words the workbooks show for the codes the CSVs carry. */
public final class Labels {

    private Labels() {
    }

    /** The run's parameters by their Chinese names (运行信息); a parameter not named here keeps its key. */
    private static final java.util.Map<String, String> PARAMETERS = java.util.Map.ofEntries(
            java.util.Map.entry("year", "核算年度"), java.util.Map.entry("mode", "运行模式"),
            java.util.Map.entry("inputFingerprint", "输入文件指纹"), java.util.Map.entry("referenceVersion", "基准数据版本"),
            java.util.Map.entry("referenceSha256", "基准数据 SHA-256"), java.util.Map.entry("programVersion", "软件版本"),
            java.util.Map.entry("input", "输入文件夹"), java.util.Map.entry("output", "输出文件夹"),
            java.util.Map.entry("attempt", "第几次运行"), java.util.Map.entry("rerunReason", "重新运行的原因"),
            java.util.Map.entry("repeats", "重新运行所重复的运行"),
            java.util.Map.entry("runNumber", "运行序号"), java.util.Map.entry("jobExecutionId", "作业执行编号"));

    /** A run parameter's label as a person reads it: 输入文件指纹 for inputFingerprint. */
    public static String parameter(String key) {
        return PARAMETERS.getOrDefault(key, key);
    }

    public static String mode(RunMode mode) {
        if (mode == null) {
            return "";
        }
        return switch (mode) {
            case NIGHTLY -> "日常核算（nightly，临时结果）";
            case FINAL -> "年终核算（final，正式结果）";
        };
    }

    public static String severity(Severity severity) {
        if (severity == null) {
            return "";
        }
        return switch (severity) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    public static String reductionStatus(ReductionStatus status) {
        return switch (status) {
            case MET -> "达标";
            case NOT_MET -> "未达标";
            case NO_DATA -> "无数据";
            case INCOMPLETE -> "不完整";
        };
    }

    public static String countStatus(CountStatus status) {
        return switch (status) {
            case OK -> "相符";
            case SHORTFALL -> "少于计划";
            case EXCESS -> "多于计划";
            case UNPLANNED -> "计划外";
        };
    }

    public static String completionStatus(CompletionStatus status) {
        return switch (status) {
            case MET -> "完成";
            case NOT_MET -> "未完成";
        };
    }

    public static String fileKind(String kind) {
        if (kind == null) {
            return "无法识别";
        }
        for (FileKind k : FileKind.values()) {
            if (k.name().equals(kind)) {
                return k.title();
            }
        }
        return kind;
    }

    /** 南京 for 320100; the code itself when the reference data does not know it; "" for null. */
    public static String cityName(ReferenceData reference, String code) {
        if (code == null) {
            return "";
        }
        return reference.city(code).map(City::name).orElse(code);
    }

    /** City names joined with 、 in annex order, whatever order they came in, so reruns read the same. */
    public static String cityNames(ReferenceData reference, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (City c : reference.cities()) {
            if (codes.contains(c.code())) {
                names.add(c.name());
            }
        }
        if (codes.contains(reference.province().code())) {
            names.add(reference.province().name());
        }
        codes.stream().filter(code -> reference.city(code).isEmpty()).sorted().forEach(names::add);
        return String.join("、", names);
    }
}
