package cn.js.reduction.store;

/**
 * The city's own words for the values a row's rules normalise, as its cells held them (a date cell as its ISO
 * date), null where blank: staged beside the normalised value (已建成 beside COMPLETED), so that an auditor
 * tracing a row back finds the word the file has. {@code group} is the category of a project row, the
 * pollutant of an emission row; the dates are a project row's.
 */
public record WrittenWords(String city, String group, String status, String planned, String actual) {
    public static final WrittenWords NONE = new WrittenWords(null, null, null, null, null);
    /** What a staging column holds of a written word (V10__written_words.sql). */
    public static final int MAX_CHARS = 500;
}
