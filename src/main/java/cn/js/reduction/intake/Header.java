package cn.js.reduction.intake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A recognised header: what kind of submission the sheet holds and where each column is.
 *
 * @param kind            the kind the header names
 * @param sheet           the sheet it was found on
 * @param headerRowNumber the 1-based row number of the last header row; data starts below it
 * @param columns         the 0-based column of each field found
 * @param missingRequired the required fields of the kind that no column names, in the SPEC's order
 */
public record Header(FileKind kind, String sheet, int headerRowNumber, Map<Field, Integer> columns,
                     List<Field> missingRequired) {

    public Header {
        columns = columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(columns));
        missingRequired = List.copyOf(missingRequired);
    }

    /** The 0-based column of a field, or null when the header has no such column. */
    public Integer column(Field field) {
        return columns.get(field);
    }

    /** True when every required column is there, i.e. the file's rows can be validated. */
    public boolean isComplete() {
        return missingRequired.isEmpty();
    }

    /**
     * The MISSING_COLUMN finding for this header, naming every missing column, or empty when none is missing.
     * The file is then skipped (SPEC §4); the finding points at the header row.
     */
    public Optional<Finding> missingColumnFinding(String file) {
        if (missingRequired.isEmpty()) {
            return Optional.empty();
        }
        String names = missingRequired.stream().map(Field::label).collect(Collectors.joining("、"));
        String message = "工作表「" + sheet + "」第" + headerRowNumber + "行的" + kind.title() + "表头缺少必需的列："
                + names + "。请按模板补齐这些列后重新报送，本文件未予处理"
                + " | missing required columns: "
                + missingRequired.stream().map(Field::key).collect(Collectors.joining(", "));
        return Optional.of(Finding.of(Rule.MISSING_COLUMN, null, file, sheet, headerRowNumber, null, names,
                message));
    }
}
