package cn.js.reduction.discover;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cities a file's name names (docs/input-format.md, Resubmission): 南京_项目清单.xlsx, 南京市2020年项目清单.xlsx,
 * nanjing_projects_20201215.csv, Nanjing-Shi.xls, 320100_排放量报表.xlsx all name 南京 (320100); 全省_排放量报表.xlsx
 * names none. A file whose name names cities submits only for those of them; one whose name names none, for
 * every city it has accepted rows of.
 *
 * <p>The name is cut into words at every character that is neither a letter nor a digit (_ - . space brackets
 * and the like) and where a run of Chinese characters, Latin letters or digits changes into another. A Latin word
 * names a city only when the whole word is the city's pinyin (with or without "shi", in any case, as
 * {@link ReferenceData#findCity} matches it), or a camel-case part of it is (NanjingProjects); so
 * {@code wuxiang} does not name 无锡 (Wuxi). A run of digits names a city only when it is the city's code
 * exactly (a date such as 20201215 names none). Chinese is written without spaces, so a run of Chinese
 * characters names every city whose name it contains.
 */
public final class FileNameCities {

    private FileNameCities() {
    }

    /** The codes of the cities the file name names, sorted; empty when it names none. */
    public static Set<String> of(String fileName, ReferenceData reference) {
        Set<String> codes = new TreeSet<>();
        for (String word : words(fileName)) {
            char first = word.charAt(0);
            if (isHan(first)) {
                for (City city : reference.cities()) {
                    if (word.contains(city.name())) {
                        codes.add(city.code());
                    }
                }
            } else {
                List<String> candidates = new ArrayList<>();
                candidates.add(word);
                if (isLatin(first)) {
                    candidates.addAll(camelParts(word));
                }
                for (String candidate : candidates) {
                    reference.findCity(candidate).ifPresent(c -> codes.add(c.code()));
                }
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    /** Runs of Chinese characters, of Latin letters (with the apostrophe of Huai'an) and of digits. */
    static List<String> words(String fileName) {
        List<String> words = new ArrayList<>();
        if (fileName == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        int kind = 0;
        for (int i = 0; i < fileName.length(); i++) {
            char c = Text.halfWidth(fileName.charAt(i));
            boolean apostrophe = (c == '\'' || c == '\u2019') && kind == 2;
            int k = isHan(c) ? 1 : isLatin(c) || apostrophe ? 2 : c >= '0' && c <= '9' ? 3 : 0;
            if (k != kind && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            kind = k;
            if (k != 0) {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** NanjingProjects → Nanjing, Projects; an all-capital or all-small word has no parts. */
    private static List<String> camelParts(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
                parts.add(word.substring(start, i));
                start = i;
            }
        }
        if (start > 0) {
            parts.add(word.substring(start));
        }
        return parts;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
