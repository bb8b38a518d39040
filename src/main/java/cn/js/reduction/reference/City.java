package cn.js.reduction.reference;

/**
 * A prefecture-level city of Jiangsu (or the province itself, code 320000), coded per GB/T 2260.
 *
 * @param code   six-digit GB/T 2260 code, e.g. 320100
 * @param name   Chinese short name without 市, e.g. 南京
 * @param pinyin pinyin name as written in English, e.g. Nanjing
 */
public record City(String code, String name, String pinyin) {

    public static final String PROVINCE_CODE = "320000";

    public boolean isProvince() {
        return PROVINCE_CODE.equals(code);
    }
}
