package cn.js.reduction.sample;

import java.util.Map;

/**
 * A row to render: the typed record, cell overrides by column key (a deliberate mistake or oddity, written as
 * given; a null value blanks the cell) and, when the row is worth finding, a note about the cell of noteKey.
 */
record Line<T>(T record, Map<String, Object> overrides, String noteKey, String note) {

    static <T> Line<T> plain(T record) {
        return new Line<>(record, Map.of(), null, null);
    }

    static <T> Line<T> odd(T record, String key, Object value, String note) {
        java.util.HashMap<String, Object> o = new java.util.HashMap<>();
        o.put(key, value);
        return new Line<>(record, o, key, note);
    }

    static <T> Line<T> noted(T record, String key, String note) {
        return new Line<>(record, Map.of(), key, note);
    }
}
