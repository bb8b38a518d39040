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
