package cn.js.reduction.discover;

import static cn.js.reduction.discover.FormulaValues.compare;
import static cn.js.reduction.discover.FormulaValues.logical;
import static cn.js.reduction.discover.FormulaValues.number;
import static cn.js.reduction.discover.FormulaValues.text;

import cn.js.reduction.discover.FormulaParser.Binary;
import cn.js.reduction.discover.FormulaParser.Bool;
import cn.js.reduction.discover.FormulaParser.Call;
import cn.js.reduction.discover.FormulaParser.Node;
import cn.js.reduction.discover.FormulaParser.NotEvaluable;
import cn.js.reduction.discover.FormulaParser.Num;
import cn.js.reduction.discover.FormulaParser.Range;
import cn.js.reduction.discover.FormulaParser.Ref;
import cn.js.reduction.discover.FormulaParser.Str;
import cn.js.reduction.discover.FormulaParser.Unary;
import cn.js.reduction.discover.FormulaValues.Blank;
import cn.js.reduction.discover.FormulaValues.Logical;
import cn.js.reduction.discover.FormulaValues.Number;
import cn.js.reduction.discover.FormulaValues.Text;
import cn.js.reduction.discover.FormulaValues.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Evaluates a formula a workbook stored without its value (openpyxl, web exports and a template filled by a
 * program write the formula and no cached result), where that can be done with certainty: it refers only to
 * cells of its own row and constants, with + - * / ^ &amp;, comparisons, brackets, "text", and SUM, COUNT, COUNTA,
 * IF, AND, OR, NOT over cells or ranges of its own row: =H5*0.8, =SUM(J5:L5), and the template's own
 * =IF(COUNTA(A5,C5:P5)=0,"","盐城"). Anything else (another row, another sheet, another function) is not
 * evaluated: the row is then rejected with FORMULA_NOT_CALCULATED rather than read as 0 or blank.
 *
 * <p>Cells are taken as Excel takes them: in arithmetic a number, blank as 0, a number typed as text as that
 * number, TRUE as 1; in a comparison blank as 0 or "" (whichever the other side is), text without regard to
 * case; another formula of the row without its value is evaluated in turn (a cycle is not evaluated). A number
 * is at Excel's 15 significant digits.
 */
final class RowFormula {

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final int MAX_FORMULA_CHARS = 1000;

    private final int rowNumber;
    private final Map<Integer, RawCell> cells;
    private final Map<Integer, String> formulas;
    private final Set<Integer> evaluating;

    private RowFormula(int rowNumber, Map<Integer, RawCell> cells, Map<Integer, String> formulas,
                       Set<Integer> evaluating) {
        this.rowNumber = rowNumber;
        this.cells = cells;
        this.formulas = formulas;
        this.evaluating = evaluating;
    }

    /**
     * The row as read, each formula stored without a value evaluated where it can be from the row itself. A
     * figure computed is a NUMBER cell and its formula stays in {@link RawRow#formulas()} (FORMULA_EVALUATED
     * says so: the accounting rests on a number the file did not store); a text or TRUE/FALSE is what Excel
     * shows in the cell and is read as such, an empty text as a blank cell; a formula that cannot be evaluated
     * stays in {@link RawRow#formulas()} without a cell (FORMULA_NOT_CALCULATED).
     */
    static RawRow withFormulas(String sheet, int rowNumber, List<RawCell> cells, Map<Integer, String> formulas) {
        return withFormulas(sheet, rowNumber, cells, formulas, Set.of());
    }

    /**
     * @param storedEmpty columns whose formula the file stored with an empty result that may be right (an .xls
     *                    formula that can give an empty text): blank where the formula cannot be evaluated
     */
    static RawRow withFormulas(String sheet, int rowNumber, List<RawCell> cells, Map<Integer, String> formulas,
                               Set<Integer> storedEmpty) {
        Map<Integer, RawCell> byColumn = new TreeMap<>();
        for (RawCell c : cells) {
            byColumn.put(c.column(), c);
        }
        Map<Integer, RawCell> evaluated = new TreeMap<>(byColumn);
        Map<Integer, String> unstored = new TreeMap<>();
        for (Map.Entry<Integer, String> f : formulas.entrySet()) {
            int column = f.getKey();
            Optional<Value> value = value(column, rowNumber, byColumn, formulas);
            if (value.isEmpty()) {
                if (!storedEmpty.contains(column)) {
                    unstored.put(column, f.getValue());
                }
            } else if (value.get() instanceof Number n) {
                evaluated.put(column, new RawCell(column, RawCell.Type.NUMBER, CellTexts.plainNumber(n.value())));
                unstored.put(column, f.getValue());
            } else if (value.get() instanceof Text t && !t.value().isEmpty()) {
                evaluated.put(column, new RawCell(column, RawCell.Type.TEXT, t.value()));
            } else if (value.get() instanceof Logical l) {
                evaluated.put(column, new RawCell(column, RawCell.Type.BOOLEAN, l.value() ? "TRUE" : "FALSE"));
            }
        }
        return new RawRow(sheet, rowNumber, new ArrayList<>(evaluated.values()), Set.of(), unstored);
    }

    /** The number the formula in {@code column} gives, or empty when it gives none or cannot be evaluated. */
    static Optional<BigDecimal> evaluate(int column, int rowNumber, Map<Integer, RawCell> cells,
                                         Map<Integer, String> formulas) {
        return value(column, rowNumber, cells, formulas)
                .filter(v -> v instanceof Number).map(v -> ((Number) v).value());
    }

    /** What the formula in {@code column} gives, or empty when it cannot be evaluated from its own row. */
    static Optional<Value> value(int column, int rowNumber, Map<Integer, RawCell> cells,
                                 Map<Integer, String> formulas) {
        return new RowFormula(rowNumber, cells, formulas, new HashSet<>()).value(column);
    }

    private Optional<Value> value(int column) {
        String formula = formulas.get(column);
        if (formula == null || formula.isBlank() || formula.length() > MAX_FORMULA_CHARS || !evaluating.add(column)) {
            return Optional.empty();
        }
        try {
            Value v = eval(FormulaParser.parse(formula, rowNumber));
            if (v == Blank.BLANK) {
                v = new Number(BigDecimal.ZERO); // =H5 of a blank H5 shows 0
            }
            return Optional.of(v instanceof Number n ? new Number(n.value().round(CellTexts.EXCEL_DIGITS)) : v);
        } catch (NotEvaluable | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        } finally {
            evaluating.remove(column);
        }
    }

    private Value eval(Node node) {
        if (node instanceof Num n) {
            return new Number(n.value());
        }
        if (node instanceof Str s) {
            return new Text(s.value());
        }
        if (node instanceof Bool b) {
            return new Logical(b.value());
        }
        if (node instanceof Ref r) {
            return cell(r.column());
        }
        if (node instanceof Unary u) {
            BigDecimal v = number(eval(u.operand()));
            return new Number(u.op() == '-' ? v.negate() : v);
        }
        if (node instanceof Binary b) {
            return binary(b);
        }
        if (node instanceof Call c) {
            return call(c);
        }
        throw new NotEvaluable(); // a range only as a function's argument
    }

    private Value binary(Binary b) {
        Value left = eval(b.left());
        Value right = eval(b.right());
        return switch (b.op()) {
            case "&" -> new Text(text(left) + text(right));
            case "+" -> new Number(number(left).add(number(right), PRECISION));
            case "-" -> new Number(number(left).subtract(number(right), PRECISION));
            case "*" -> new Number(number(left).multiply(number(right), PRECISION));
            case "/" -> new Number(number(left).divide(number(right), PRECISION));
            case "^" -> {
                BigDecimal exponent = number(right);
                if (exponent.stripTrailingZeros().scale() > 0 || exponent.abs().compareTo(BigDecimal.TEN) > 0) {
                    throw new NotEvaluable(); // only small whole powers are exact
                }
                yield new Number(number(left).pow(exponent.intValueExact(), PRECISION));
            }
            default -> {
                int c = compare(left, right);
                yield new Logical(switch (b.op()) {
                    case "=" -> c == 0;
                    case "<>" -> c != 0;
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                });
            }
        };
    }

    private Value call(Call c) {
        List<Node> args = c.args();
        return switch (c.name()) {
            case "IF" -> {
                if (args.size() < 2 || args.size() > 3) {
                    throw new NotEvaluable();
                }
                // only the branch taken is evaluated, as in Excel
                if (logical(eval(args.get(0)))) {
                    yield eval(args.get(1));
                }
                yield args.size() == 3 ? eval(args.get(2)) : new Logical(false);
            }
            case "AND", "OR" -> {
                if (args.isEmpty()) {
                    throw new NotEvaluable();
                }
                boolean and = c.name().equals("AND");
                boolean result = and;
                for (Node a : args) {
                    boolean v = logical(eval(a));
                    result = and ? result && v : result || v;
                }
                yield new Logical(result);
            }
            case "NOT" -> {
                if (args.size() != 1) {
                    throw new NotEvaluable();
                }
                yield new Logical(!logical(eval(args.get(0))));
            }
            case "SUM" -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (Value v : spread(args)) {
                    if (v instanceof Number n) {
                        sum = sum.add(n.value(), PRECISION); // SUM passes over text and TRUE/FALSE in its ranges
                    }
                }
                yield new Number(sum);
            }
            case "COUNT" -> new Number(BigDecimal.valueOf(spread(args).stream().filter(v -> v instanceof Number).count()));
            case "COUNTA" -> new Number(BigDecimal.valueOf(counta(args)));
            default -> throw new NotEvaluable();
        };
    }

    /**
     * COUNTA: the cells of its ranges that hold anything, a formula included (even one that shows nothing), and
     * each other argument. A formula's own cell among them is a circular reference, not evaluated.
     */
    private long counta(List<Node> args) {
        if (args.isEmpty()) {
            throw new NotEvaluable();
        }
        long count = 0;
        for (Node a : args) {
            List<Integer> columns = columns(a);
            if (columns == null) {
                eval(a);
                count++;
                continue;
            }
            for (int column : columns) {
                if (evaluating.contains(column)) {
                    throw new NotEvaluable();
                }
                RawCell cell = cells.get(column);
                if (cell != null && !cell.text().isEmpty() || formulas.containsKey(column)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The values of a function's arguments, ranges and references spread into their cells (blanks left out). */
    private List<Value> spread(List<Node> args) {
        if (args.isEmpty()) {
            throw new NotEvaluable();
        }
        List<Value> values = new ArrayList<>();
        for (Node a : args) {
            List<Integer> columns = columns(a);
            if (columns == null) {
                Value v = eval(a);
                // a constant or expression argument counts as Excel converts it: "5" is 5, TRUE is 1
                values.add(v instanceof Number ? v : new Number(number(v)));
                continue;
            }
            for (int column : columns) {
                Value v = cell(column);
                if (v != Blank.BLANK) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /** The columns a reference or range names, or null for any other argument. */
    private static List<Integer> columns(Node a) {
        if (a instanceof Ref r) {
            return List.of(r.column());
        }
        if (a instanceof Range r) {
            return IntStream.rangeClosed(r.first(), r.last()).boxed().toList();
        }
        return null;
    }

    /** A cell of the row as a formula sees it. */
    private Value cell(int column) {
        RawCell cell = cells.get(column);
        if (cell == null) {
            if (formulas.containsKey(column)) {
                Value v = value(column).orElseThrow(NotEvaluable::new);
                return v;
            }
            return Blank.BLANK;
        }
        return switch (cell.type()) {
            case NUMBER -> new Number(new BigDecimal(cell.text()));
            case TEXT -> cell.text().isEmpty() ? Blank.BLANK : new Text(cell.text());
            case BOOLEAN -> new Logical("TRUE".equals(cell.text()));
            case DATE, ERROR -> throw new NotEvaluable(); // a date's serial, an error: not evaluated here
        };
    }

}
