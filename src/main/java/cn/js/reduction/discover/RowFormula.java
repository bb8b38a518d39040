package cn.js.reduction.discover;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a formula a workbook stored without its value (openpyxl, web exports write the formula and no cached
 * result), where that can be done with certainty: it refers only to cells of its own row and constants, with
 * + - * / ^, brackets, and SUM over cells or a range of its own row (=H5*0.8, =SUM(J5:L5), =(H5-I5)/10000).
 * Anything else (another row, another sheet, another function, text that is no number) is not evaluated: the row
 * is then rejected with FORMULA_NOT_CALCULATED rather than read as 0.
 *
 * <p>Cells are taken as Excel takes them in arithmetic: a number, blank as 0, a number typed as text as that
 * number; another formula of the row without its value is evaluated in turn (a cycle is not evaluated). The result
 * is at Excel's 15 significant digits.
 */
final class RowFormula {

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final int MAX_FORMULA_CHARS = 1000;

    private final String text;
    private final int rowNumber;
    private final Map<Integer, RawCell> cells;
    private final Map<Integer, String> formulas;
    private final Set<Integer> evaluating;
    private int pos;

    private RowFormula(String text, int rowNumber, Map<Integer, RawCell> cells, Map<Integer, String> formulas,
                       Set<Integer> evaluating) {
        this.text = text;
        this.rowNumber = rowNumber;
        this.cells = cells;
        this.formulas = formulas;
        this.evaluating = evaluating;
    }

    /**
     * The row as read, with each formula stored without a value evaluated where it can be from the row itself
     * (a NUMBER cell in its column) and every such formula kept in {@link RawRow#formulas()}.
     */
    static RawRow withFormulas(String sheet, int rowNumber, List<RawCell> cells, Map<Integer, String> formulas) {
        Map<Integer, RawCell> byColumn = new TreeMap<>();
        for (RawCell c : cells) {
            byColumn.put(c.column(), c);
        }
        Map<Integer, RawCell> evaluated = new TreeMap<>(byColumn);
        for (Map.Entry<Integer, String> f : formulas.entrySet()) {
            evaluate(f.getKey(), rowNumber, byColumn, formulas).ifPresent(v -> evaluated.put(f.getKey(),
                    new RawCell(f.getKey(), RawCell.Type.NUMBER, CellTexts.plainNumber(v))));
        }
        return new RawRow(sheet, rowNumber, new ArrayList<>(evaluated.values()), Set.of(), formulas);
    }

    /**
     * The value of the formula in {@code column}, or empty when it cannot be evaluated from its own row.
     *
     * @param cells    the row's cells with values, by column
     * @param formulas the row's formulas without values, by column (without the leading =)
     */
    static Optional<BigDecimal> evaluate(int column, int rowNumber, Map<Integer, RawCell> cells,
                                         Map<Integer, String> formulas) {
        return evaluate(column, rowNumber, cells, formulas, new HashSet<>());
    }

    private static Optional<BigDecimal> evaluate(int column, int rowNumber, Map<Integer, RawCell> cells,
                                                 Map<Integer, String> formulas, Set<Integer> evaluating) {
        String formula = formulas.get(column);
        if (formula == null || formula.isBlank() || formula.length() > MAX_FORMULA_CHARS || !evaluating.add(column)) {
            return Optional.empty();
        }
        try {
            RowFormula f = new RowFormula(formula.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT),
                    rowNumber, cells, formulas, evaluating);
            BigDecimal value = f.expression();
            if (f.pos != f.text.length()) {
                return Optional.empty();
            }
            return Optional.of(value.round(CellTexts.EXCEL_DIGITS));
        } catch (NotEvaluable | ArithmeticException e) {
            return Optional.empty();
        } finally {
            evaluating.remove(column);
        }
    }

    /** Thrown where the formula leaves what can be evaluated from its own row. */
    private static final class NotEvaluable extends RuntimeException {
        NotEvaluable() {
            super(null, null, false, false);
        }
    }

    private BigDecimal expression() {
        BigDecimal value = term();
        while (pos < text.length() && (peek() == '+' || peek() == '-')) {
            char op = text.charAt(pos++);
            BigDecimal right = term();
            value = op == '+' ? value.add(right, PRECISION) : value.subtract(right, PRECISION);
        }
        return value;
    }

    private BigDecimal term() {
        BigDecimal value = power();
        while (pos < text.length() && (peek() == '*' || peek() == '/')) {
            char op = text.charAt(pos++);
            BigDecimal right = power();
            value = op == '*' ? value.multiply(right, PRECISION) : value.divide(right, PRECISION);
        }
        return value;
    }

    private BigDecimal power() {
        BigDecimal value = unary();
        if (pos < text.length() && peek() == '^') {
            pos++;
            BigDecimal exponent = unary();
            if (exponent.stripTrailingZeros().scale() > 0 || exponent.abs().compareTo(BigDecimal.valueOf(10)) > 0) {
                throw new NotEvaluable(); // only small whole powers are exact
            }
            value = value.pow(exponent.intValue(), PRECISION);
        }
        return value;
    }

    private BigDecimal unary() {
        if (pos < text.length() && (peek() == '-' || peek() == '+')) {
            char op = text.charAt(pos++);
            BigDecimal v = unary();
            return op == '-' ? v.negate() : v;
        }
        return primary();
    }

    private BigDecimal primary() {
        if (pos >= text.length()) {
            throw new NotEvaluable();
        }
        char c = peek();
        if (c == '(') {
            pos++;
            BigDecimal v = expression();
            expect(')');
            return v;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
                pos++;
            }
            if (pos < text.length() && peek() == '%') {
                pos++;
                return new BigDecimal(text.substring(start, pos - 1)).movePointLeft(2);
            }
            return new BigDecimal(text.substring(start, pos));
        }
        if (text.startsWith("SUM(", pos)) {
            pos += 4;
            BigDecimal sum = BigDecimal.ZERO;
            do {
                for (int column : reference(true)) {
                    sum = sum.add(valueOf(column, true), PRECISION);
                }
            } while (pos < text.length() && peek() == ',' && ++pos > 0);
            expect(')');
            return sum;
        }
        List<Integer> columns = reference(false);
        return valueOf(columns.get(0), false);
    }

    /** A cell reference of this row (H5, $H$5), or in SUM a range along it (J5:L5): the columns it names. */
    private List<Integer> reference(boolean rangeAllowed) {
        int first = cellColumn();
        if (rangeAllowed && pos < text.length() && peek() == ':') {
            pos++;
            int last = cellColumn();
            if (last < first || last - first > 1000) {
                throw new NotEvaluable();
            }
            return java.util.stream.IntStream.rangeClosed(first, last).boxed().toList();
        }
        return List.of(first);
    }

    private int cellColumn() {
        int start = pos;
        if (pos < text.length() && peek() == '$') {
            pos++;
        }
        int lettersStart = pos;
        while (pos < text.length() && peek() >= 'A' && peek() <= 'Z') {
            pos++;
        }
        String letters = text.substring(lettersStart, pos);
        if (pos < text.length() && peek() == '$') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && Character.isDigit(peek())) {
            pos++;
        }
        String digits = text.substring(digitsStart, pos);
        if (letters.isEmpty() || letters.length() > 3 || digits.isEmpty() || digits.length() > 7
                || Integer.parseInt(digits) != rowNumber || (pos < text.length() && peek() == '!')) {
            pos = start;
            throw new NotEvaluable(); // another row, a name, a function, a sheet: not this row's arithmetic
        }
        return XlsxRowCursor.columnOf(letters);
    }

    /** A cell's value as Excel's arithmetic takes it (number typed as text included); SUM passes over text. */
    private BigDecimal valueOf(int column, boolean inSum) {
        RawCell cell = cells.get(column);
        if (cell == null) {
            if (formulas.containsKey(column)) {
                return evaluate(column, rowNumber, cells, formulas, evaluating).orElseThrow(NotEvaluable::new);
            }
            return BigDecimal.ZERO;
        }
        if (cell.type() == RawCell.Type.NUMBER) {
            return new BigDecimal(cell.text());
        }
        if (cell.type() == RawCell.Type.TEXT) {
            if (inSum) {
                return BigDecimal.ZERO; // Excel's SUM passes over text in its range, numeric or not
            }
            String plain = CellTexts.plainNumberOrNull(cell.text().strip());
            if (plain != null) {
                return new BigDecimal(plain);
            }
        }
        throw new NotEvaluable();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (pos >= text.length() || peek() != c) {
            throw new NotEvaluable();
        }
        pos++;
    }
}
