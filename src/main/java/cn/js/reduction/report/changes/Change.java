package cn.js.reduction.report.changes;

import java.util.List;

/**
 * One value that differs from the previous complete run: a row of changes.csv (docs/outputs.md), its values
 * exactly as the two runs' CSVs hold them.
 *
 * @param scope    {@link #CATEGORY}, {@link #POLLUTANT} or {@link #FILE}
 * @param cityCode the city (320000 for the province); for a file, its cities' codes joined by ';'
 * @param city     the city's name; for a file, its cities' names joined by '、'
 * @param item     the category code, the pollutant code or the file name
 * @param column   the column of projects_by_city_category.csv or reductions_by_city_pollutant.csv; sha256 for a file
 * @param previous the previous run's value; empty where it had none (a file added)
 * @param current  this run's value; empty where it has none (a file removed)
 */
public record Change(String scope, String cityCode, String city, String item, String column, String previous,
                     String current) {

    public static final String CATEGORY = "category";
    public static final String POLLUTANT = "pollutant";
    public static final String FILE = "file";

    /** The columns whose values are statuses: a change of one can be for the worse. */
    private static final List<String> STATUS_COLUMNS = List.of("count_status", "completion_status", "status");

    /** Statuses from best to worst; a status not listed is ranked with the worst. */
    private static final List<String> RANK = List.of("MET", "OK", "INCOMPLETE", "EXCESS", "UNPLANNED", "SHORTFALL",
            "NOT_MET", "NO_DATA");

    public boolean isStatus() {
        return !FILE.equals(scope) && STATUS_COLUMNS.contains(column);
    }

    /** A status that got worse: MET → NOT_MET, OK → SHORTFALL, NOT_MET → NO_DATA and the like. */
    public boolean isWorse() {
        return isStatus() && rank(current) > rank(previous);
    }

    /** A file's change in words: 新增, 撤回 or 替换 (a new file under the same name). */
    public String fileChange() {
        return previous.isEmpty() ? "新增" : current.isEmpty() ? "撤回" : "替换";
    }

    private static int rank(String status) {
        int i = RANK.indexOf(status);
        return i < 0 ? RANK.size() : i;
    }
}
