package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.core.ProjectStatus;

import cn.js.reduction.reference.Text;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cell values the way people type them into spreadsheets (docs/input-format.md): numbers stored as text, with
 * thousands separators, full-width digits or a trailing unit; dates as Excel dates, Excel serial numbers or
 * text in the usual Chinese forms; statuses in Chinese or as their codes. Numbers are exact (BigDecimal);
 * a double never touches them.
 */
public final class Values {

    /** Dates outside these years are typing errors, not plans (an Excel serial of 4401 is not 1912). */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    // Excel's 1900 date system counts from 1899-12-30 for every serial after its phantom 1900-02-29
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final long FIRST_SERIAL = ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(FIRST_YEAR, 1, 1));
    private static final long LAST_SERIAL = ChronoUnit.DAYS.between(EXCEL_EPOCH, LocalDate.of(LAST_YEAR, 12, 31));

    // a lone dash (- — – ― −, once or twice), slash or 无 is how people leave a cell empty on purpose: Chinese
    // forms mark "none / not applicable" with / or 无 as often as with a dash
    private static final Pattern PLACEHOLDER =
            Pattern.compile("[-\u2012\u2013\u2014\u2015\u2212]{1,2}|[/\\\\]{1,2}|无");
    // sign, digits (grouped by thousands or not), fraction, exponent, then an optional unit without digits
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?"
                    + "([\\p{L}/()\\[\\]【】·]*)");
    private static final Pattern TIME_SUFFIX =
            Pattern.compile("(.*?)(?:\\s+|T)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");
    private static final Pattern FULL_DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})(?:月(?:份|底|末)?)?");
    private static final Pattern NUMERIC_YEAR_MONTH = Pattern.compile("(\\d{4})\\.(\\d{1,2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
    // a totals row's label: 合计, 小计, 总计, 汇总, 全市合计, 总合计, Total, Subtotal, Grand total (case folded by key)
    private static final Pattern TOTAL_LABEL = Pattern.compile(
            "(?:全市|全省|全区|本市|各市|各地|总)?(?:合计|小计|总计|汇总)(?:数|值)?[:：]?|(?:SUB|GRAND)?TOTALS?[:：]?");
    // part of a year as plans write it: 2020年底, 2020年末, 2020年上半年, 2020年第三季度（末）
    private static final Pattern YEAR_PART = Pattern.compile("(\\d{4})年?(底|末|年底|年末|上半年|下半年|全年|年内|内)");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})年?第?([一二三四1-4])季度?(?:末|底)?");
    private static final Pattern BARE_YEAR_PART = Pattern.compile("(?:年底|年末|上半年|下半年|年内|本年底|本年末|今年底|今年年底)");

    private static final Map<String, ProjectStatus> STATUSES = Map.ofEntries(
            Map.entry("未开工", ProjectStatus.NOT_STARTED),
            Map.entry("未启动", ProjectStatus.NOT_STARTED),
            Map.entry("NOTSTARTED", ProjectStatus.NOT_STARTED),
            Map.entry("在建", ProjectStatus.IN_PROGRESS),
            Map.entry("实施中", ProjectStatus.IN_PROGRESS),
            Map.entry("进行中", ProjectStatus.IN_PROGRESS),
            Map.entry("INPROGRESS", ProjectStatus.IN_PROGRESS),
            Map.entry("已完成", ProjectStatus.COMPLETED),
            Map.entry("已建成", ProjectStatus.COMPLETED),
            Map.entry("完成", ProjectStatus.COMPLETED),
            Map.entry("已完工", ProjectStatus.COMPLETED),
            Map.entry("已投运", ProjectStatus.COMPLETED),
            Map.entry("已竣工", ProjectStatus.COMPLETED),
            Map.entry("在建中", ProjectStatus.IN_PROGRESS),
            Map.entry("施工中", ProjectStatus.IN_PROGRESS),
            Map.entry("COMPLETED", ProjectStatus.COMPLETED));

    private Values() {
    }

    /**
     * The outcome of reading one cell: blank (nothing there, or a lone dash), a value, or bad (something is
     * there but it is not what the column needs).
     */
    public record Parsed<T>(State state, T value) {

        public enum State { BLANK, VALUE, BAD }

        public static <T> Parsed<T> blank() {
            return new Parsed<>(State.BLANK, null);
        }

        public static <T> Parsed<T> of(T value) {
            return new Parsed<>(State.VALUE, value);
        }

        public static <T> Parsed<T> bad() {
            return new Parsed<>(State.BAD, null);
        }

        public boolean isBlank() {
            return state == State.BLANK;
        }

        public boolean isBad() {
            return state == State.BAD;
        }

        public boolean isPresent() {
            return state == State.VALUE;
        }
    }

    /** True for a lone dash (-, --, —, ——, –, ―, −, full-width －) typed to mean "nothing here". */
    public static boolean isPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(Text.normalise(text)).matches();
    }

    /** True when the cell holds nothing: absent, white space only, or a lone dash. */
    public static boolean isBlank(RawCell cell) {
        return cell == null || cell.text().isBlank() || isPlaceholder(cell.text());
    }

    /** True when the cell is a formula error (#DIV/0!, #REF!, #N/A …), which is never a usable value. */
    public static boolean isError(RawCell cell) {
        return cell != null && cell.type() == RawCell.Type.ERROR;
    }

    /** The cell's text trimmed, or null when {@link #isBlank blank}. Formula errors come back as their text. */
    public static String text(RawCell cell) {
        return isBlank(cell) ? null : cell.text().strip();
    }

    /**
     * True when the text reads 合计, 小计, 总计, 汇总, 全市合计, Total … (a totals row's label; white space, case and a
     * trailing colon ignored).
     */
    public static boolean isTotalLabel(String text) {
        return text != null && text.length() < 40 && mayBeTotal(text) && TOTAL_LABEL.matcher(Text.key(text)).matches();
    }

    /** A cheap look before normalising: every totals label holds one of these characters (any width, either script). */
    private static boolean mayBeTotal(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("计計总總汇匯TtＴｔ".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A number from a cell: a numeric cell, or text as people type numbers. Dates and booleans are bad. */
    public static Parsed<BigDecimal> number(RawCell cell) {
        if (isBlank(cell)) {
            return Parsed.blank();
        }
        return switch (cell.type()) {
            case NUMBER, TEXT -> number(cell.text());
            case DATE, BOOLEAN, ERROR -> Parsed.bad();
        };
    }

    /**
     * A number as typed: "1,234.5", full-width "１２３", " 12.5 吨", "12.5t", "3.2万元" (the unit is dropped, never
     * used to scale), "-3" (negative numbers are read; the row rules reject them). A lone dash is blank.
     */
    public static Parsed<BigDecimal> number(String text) {
        if (text == null || text.isBlank() || isPlaceholder(text)) {
            return Parsed.blank();
        }
        String s = Text.normalise(text).replace('\u2212', '-');
        if (s.length() > InputLimits.MAX_NUMBER_CHARS) {
            // no figure is typed that long, and the pattern is never run on a huge text; but a number written out
            // (1E+308 in a numeric cell reaches here as 309 digits) is a number, which the row rules find out of range
            return writtenOut(s);
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return Parsed.bad();
        }
        String digits = m.group(1) + m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3));
        try {
            BigDecimal value = new BigDecimal(digits);
            // an exponent (1.2E3 from a program's export) would leave a negative scale: write it out plainly
            return Parsed.of(value.scale() < 0 ? value.setScale(0) : value);
        } catch (NumberFormatException e) {
            return Parsed.bad();
        }
    }

    /**
     * A long text that is a plain decimal number and nothing else (sign, digits, one point), read in one pass;
     * anything else is bad. Zeros after the point that change nothing are dropped first, so "5000.000…" is 5000.
     */
    private static Parsed<BigDecimal> writtenOut(String s) {
        if (s.length() > InputLimits.MAX_CELL_CHARS + 1) {
            return Parsed.bad();
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        int point = -1;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                return Parsed.bad();
            }
        }
        int end = s.length();
        if (point >= 0) {
            while (end > point + 1 && s.charAt(end - 1) == '0') {
                end--;
            }
            if (end == point + 1) {
                end = point;
            }
        }
        try {
            return Parsed.of(new BigDecimal(s.substring(0, end)));
        } catch (NumberFormatException e) { // a sign or a point alone
            return Parsed.bad();
        }
    }

    /**
     * A date from a cell: a date cell; a numeric cell holding an Excel serial (44012 = 2020-06-30), 20200630 or a
     * year.month such as 2020.6; or text as {@link #date(String)} reads it. Years outside 1990..2100 are bad.
     */
    public static Parsed<LocalDate> date(RawCell cell) {
        if (isBlank(cell)) {
            return Parsed.blank();
        }
        return switch (cell.type()) {
            case DATE -> cell.text().length() >= 10 ? isoDate(cell.text().substring(0, 10)) : date(cell.text());
            case NUMBER -> numericDate(cell.text());
            case TEXT -> date(cell.text());
            case BOOLEAN, ERROR -> Parsed.bad();
        };
    }

    /**
     * A date as typed: 2020-06-30, 2020/6/30, 2020.6.30, 2020年6月30日, 20200630, with or without a time
     * (2020-6-30 00:00:00); a year-month (2020年6月, 2020-06, 2020/6, 2020.06) is the last day of that month.
     * An Excel serial number written as text (from a CSV export) is read too.
     */
    public static Parsed<LocalDate> date(String text) {
        if (text == null || text.isBlank() || isPlaceholder(text)) {
            return Parsed.blank();
        }
        String s = Text.halfWidth(text).strip();
        if (s.length() > InputLimits.MAX_DATE_CHARS) {
            // no date is typed that long; the patterns below backtrack, so a long text would cost its square
            return Parsed.bad();
        }
        Matcher time = TIME_SUFFIX.matcher(s);
        if (time.matches()) {
            s = time.group(1);
        }
        s = Text.normalise(s);
        Matcher m;
        if ((m = FULL_DATE.matcher(s)).matches() || (m = COMPACT_DATE.matcher(s)).matches()) {
            return dayOf(m.group(1), m.group(2), m.group(3));
        }
        if ((m = YEAR_MONTH.matcher(s)).matches()) {
            return endOfMonth(m.group(1), m.group(2));
        }
        if (SERIAL.matcher(s).matches()) {
            return serial(new BigDecimal(s));
        }
        if ((m = YEAR_PART.matcher(s)).matches()) {
            // 年底 and 年末 are the year's last day, as is its second half; the first half ends on 30 June
            return dayOf(m.group(1), m.group(2).equals("上半年") ? "6" : "12", m.group(2).equals("上半年") ? "30" : "31");
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int quarter = "一二三四".indexOf(m.group(2)) >= 0 ? "一二三四".indexOf(m.group(2)) + 1
                    : Integer.parseInt(m.group(2));
            return endOfMonth(m.group(1), String.valueOf(quarter * 3));
        }
        return Parsed.bad();
    }

    /**
     * True when the cell names its day literally: a date cell, or a year, month and day written out (2020-06-30,
     * 2020/6/30, 2020年6月30日, 20200630, with or without a time). A year-month, a part of a year, a quarter or a
     * serial number is read as a day it does not name (VALUE_INTERPRETED says which).
     */
    public static boolean namesItsDay(RawCell cell) {
        if (cell == null || cell.type() == RawCell.Type.DATE) {
            return true;
        }
        String s = Text.halfWidth(cell.text()).strip();
        if (s.length() > InputLimits.MAX_DATE_CHARS) {
            return false;
        }
        Matcher time = TIME_SUFFIX.matcher(s);
        s = Text.normalise(time.matches() ? time.group(1) : s);
        return FULL_DATE.matcher(s).matches() || COMPACT_DATE.matcher(s).matches();
    }

    /**
     * A date from a cell, where a part of a year typed without its year (年底, 年末, 上半年) is of the plan year:
     * a plan's list says 年底 for the end of the year it plans.
     */
    public static Parsed<LocalDate> date(RawCell cell, int planYear) {
        if (cell != null && cell.type() == RawCell.Type.TEXT && cell.text().length() < 20
                && BARE_YEAR_PART.matcher(Text.normalise(cell.text())).matches()) {
            return date(planYear + "年" + Text.normalise(cell.text()).replaceFirst("^(?:本年|今年年|今年)", ""));
        }
        return date(cell);
    }

    /**
     * 进展状态 as written: 未开工/未启动, 在建/实施中/进行中, 已完成/已建成/完成, or the codes NOT_STARTED,
     * IN_PROGRESS, COMPLETED in any case; white space and full-width forms ignored.
     */
    public static Optional<ProjectStatus> status(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Text.normalise(text).toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        return Optional.ofNullable(STATUSES.get(key));
    }

    private static Parsed<LocalDate> isoDate(String text) {
        try {
            return inRange(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return date(text);
        }
    }

    /** A numeric cell meant as a date: an Excel serial, yyyyMMdd typed as a number, or yyyy.m typed as one. */
    private static Parsed<LocalDate> numericDate(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return date(text);
        }
        String plain = value.stripTrailingZeros().toPlainString();
        if (plain.matches("\\d{8}")) {
            return date(plain);
        }
        Matcher yearMonth = NUMERIC_YEAR_MONTH.matcher(plain);
        if (yearMonth.matches()) {
            // Excel stores 2020.10 as 2020.1, which cannot be told from January: refuse rather than guess
            return yearMonth.group(2).equals("1") ? Parsed.bad() : endOfMonth(yearMonth.group(1), yearMonth.group(2));
        }
        return serial(value);
    }

    private static Parsed<LocalDate> serial(BigDecimal value) {
        long days = value.longValue(); // the fraction is the time of day
        if (value.signum() < 0 || days < FIRST_SERIAL || days > LAST_SERIAL) {
            return Parsed.bad();
        }
        return Parsed.of(EXCEL_EPOCH.plusDays(days));
    }

    private static Parsed<LocalDate> dayOf(String year, String month, String day) {
        try {
            return inRange(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Parsed.bad();
        }
    }

    private static Parsed<LocalDate> endOfMonth(String year, String month) {
        try {
            return inRange(YearMonth.of(Integer.parseInt(year), Integer.parseInt(month)).atEndOfMonth());
        } catch (DateTimeException e) {
            return Parsed.bad();
        }
    }

    private static Parsed<LocalDate> inRange(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR ? Parsed.of(date) : Parsed.bad();
    }
}
