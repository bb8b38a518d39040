package cn.js.reduction.discover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the formulas {@link RowFormula} can evaluate into a tree, with Excel's precedence: comparison (= &lt;&gt;
 * &lt; &gt; &lt;= &gt;=), then &amp;, then + -, then * /, then ^, then a sign; numbers (with %), "text", TRUE and
 * FALSE, references to cells of the formula's own row (H5, $H$5) and ranges along it (J5:L5), function calls.
 * Anything else (another row, another sheet, a defined name, an array) is not parsed: {@link NotEvaluable}.
 */
final class FormulaParser {

    /** Thrown where the formula leaves what can be evaluated from its own row. */
    static final class NotEvaluable extends RuntimeException {
        NotEvaluable() {
            super(null, null, false, false);
        }
    }

    sealed interface Node permits Num, Str, Bool, Ref, Range, Unary, Binary, Call {
    }

    record Num(BigDecimal value) implements Node {
    }

    record Str(String value) implements Node {
    }

    record Bool(boolean value) implements Node {
    }

    /** One cell of the row, by its 0-based column. */
    record Ref(int column) implements Node {
    }

    /** Cells of the row from one column to another, both included. */
    record Range(int first, int last) implements Node {
    }

    record Unary(char op, Node operand) implements Node {
    }

    record Binary(String op, Node left, Node right) implements Node {
    }

    record Call(String name, List<Node> args) implements Node {
    }

    private static final int MAX_DEPTH = 64;

    private final String text;
    private final int rowNumber;
    private int pos;
    private int depth;

    private FormulaParser(String text, int rowNumber) {
        this.text = text;
        this.rowNumber = rowNumber;
    }

    /** The formula (without its leading =) as a tree, or NotEvaluable. */
    static Node parse(String formula, int rowNumber) {
        FormulaParser p = new FormulaParser(formula, rowNumber);
        Node node = p.comparison();
        p.skipSpace();
        if (p.pos != p.text.length()) {
            throw new NotEvaluable();
        }
        return node;
    }

    private Node comparison() {
        Node left = concatenation();
        while (true) {
            skipSpace();
            String op = text.startsWith("<=", pos) || text.startsWith(">=", pos) || text.startsWith("<>", pos)
                    ? text.substring(pos, pos + 2)
                    : pos < text.length() && "=<>".indexOf(text.charAt(pos)) >= 0 ? text.substring(pos, pos + 1) : null;
            if (op == null) {
                return left;
            }
            pos += op.length();
            left = new Binary(op, left, concatenation());
        }
    }

    private Node concatenation() {
        Node left = additive();
        while (at('&')) {
            pos++;
            left = new Binary("&", left, additive());
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (at('+') || at('-')) {
            String op = String.valueOf(text.charAt(pos++));
            left = new Binary(op, left, multiplicative());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = power();
        while (at('*') || at('/')) {
            String op = String.valueOf(text.charAt(pos++));
            left = new Binary(op, left, power());
        }
        return left;
    }

    private Node power() {
        Node left = unary();
        while (at('^')) {
            pos++;
            left = new Binary("^", left, unary());
        }
        return left;
    }

    private Node unary() {
        if (at('-') || at('+')) {
            char op = text.charAt(pos++);
            return new Unary(op, unary());
        }
        Node p = primary();
        if (at('%')) {
            pos++;
            return new Binary("/", p, new Num(BigDecimal.valueOf(100)));
        }
        return p;
    }

    private Node primary() {
        if (++depth > MAX_DEPTH) {
            throw new NotEvaluable();
        }
        try {
            skipSpace();
            if (pos >= text.length()) {
                throw new NotEvaluable();
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = comparison();
                expect(')');
                return inner;
            }
            if (c == '"') {
                return string();
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Num(new BigDecimal(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new NotEvaluable();
                }
            }
            return nameOrReference();
        } finally {
            depth--;
        }
    }

    /** "text", with "" inside for a quote. */
    private Node string() {
        StringBuilder s = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new NotEvaluable();
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    s.append('"');
                    pos++;
                    continue;
                }
                return new Str(s.toString());
            }
            s.append(c);
        }
    }

    /** A function call, TRUE/FALSE, or a cell of the row (a range only as a function's argument). */
    private Node nameOrReference() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '$'
                || text.charAt(pos) == '.' || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos).toUpperCase(Locale.ROOT);
        if (word.isEmpty() || at('!')) {
            throw new NotEvaluable(); // another sheet, or nothing this parser knows
        }
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            String name = word.startsWith("_XLFN.") ? word.substring(6) : word;
            List<Node> args = new ArrayList<>();
            if (!at(')')) {
                do {
                    if (at(',')) {
                        pos++;
                    }
                    args.add(argument());
                } while (at(','));
            }
            expect(')');
            return new Call(name, args);
        }
        if (word.equals("TRUE") || word.equals("FALSE")) {
            return new Bool(word.equals("TRUE"));
        }
        int first = cellColumn(word);
        if (at(':')) {
            pos++;
            skipSpace();
            int s = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '$')) {
                pos++;
            }
            int last = cellColumn(text.substring(s, pos).toUpperCase(Locale.ROOT));
            if (last < first || last - first > 1000) {
                throw new NotEvaluable();
            }
            return new Range(first, last);
        }
        return new Ref(first);
    }

    private Node argument() {
        return comparison();
    }

    /** The 0-based column of a reference to a cell of this row (H5, $H$5); NotEvaluable for anything else. */
    private int cellColumn(String word) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$?([A-Z]{1,3})\\$?([0-9]{1,7})").matcher(word);
        if (!m.matches() || Integer.parseInt(m.group(2)) != rowNumber) {
            throw new NotEvaluable(); // another row, a name: not this row's
        }
        return XlsxRowCursor.columnOf(m.group(1));
    }

    private boolean at(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        if (!at(c)) {
            throw new NotEvaluable();
        }
        pos++;
    }
}
