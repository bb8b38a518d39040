package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A formula stored without its value reads as Excel would show it, where it refers only to its own row (issue 16
 * point 2, issue 22 §3): arithmetic, SUM, and the IF / COUNTA / comparison / text formulas a template or a
 * clerk's script writes; anything else is not evaluated (the row then says FORMULA_NOT_CALCULATED).
 */
class RowFormulaTest {

    /** Row 5: A5 NJ-1, C5 项目, D5 100 (a number), E5 "12.5" (a number typed as text), F5 blank, G5 TRUE. */
    private static RawRow row(String formula) {
        List<RawCell> cells = List.of(new RawCell(0, RawCell.Type.TEXT, "NJ-1"), new RawCell(2, RawCell.Type.TEXT, "项目"),
                new RawCell(3, RawCell.Type.NUMBER, "100"), new RawCell(4, RawCell.Type.TEXT, "12.5"),
                new RawCell(6, RawCell.Type.BOOLEAN, "TRUE"));
        return RowFormula.withFormulas("s", 5, cells, Map.of(1, formula));
    }

    @ParameterizedTest(name = "={0} shows {1}")
    @CsvSource(delimiter = '|', value = {
        // the template's own 设区市 cell: 盐城 once anything else of the row is filled, nothing on an empty row
        "IF(COUNTA(A5:A5,C5:P5)=0,\"\",\"盐城\")|TEXT|盐城",
        "IF(COUNTA(F5,H5:P5)=0,\"\",\"盐城\")|BLANK|",
        "IF(D5>50,\"大\",\"小\")|TEXT|大",
        "IF(AND(D5>=100,G5),D5*2,0)|NUMBER|200",
        "IF(OR(F5=\"\",F5=0),\"空\",\"有\")|TEXT|空",
        "NOT(G5)|BOOLEAN|FALSE",
        "A5&\"-\"&D5|TEXT|NJ-1-100",
        "IF(A5=\"nj-1\",1,2)|NUMBER|1",
        "D5*0.8+E5|NUMBER|92.5",
        "SUM(C5:E5)|NUMBER|100",
        "COUNT(C5:G5)|NUMBER|1",
        "COUNTA(C5:G5)|NUMBER|4",
        "IF(C5>0,1,2)|NUMBER|1",
        "F5|NUMBER|0",
        "-2^2|NUMBER|4",
        "50%*D5|NUMBER|50",
    })
    void evaluatedFromItsOwnRow(String formula, String type, String shown) {
        RawRow row = row(formula);
        RawCell cell = row.cell(1);
        if (type.equals("BLANK")) {
            assertThat(cell).isNull();
            assertThat(row.formulas()).as("a formula that shows nothing is an empty cell").isEmpty();
            return;
        }
        assertThat(cell).isNotNull();
        assertThat(cell.type()).isEqualTo(RawCell.Type.valueOf(type));
        assertThat(cell.text()).isEqualTo(shown);
        // only a figure computed stays among the formulas, for FORMULA_EVALUATED to say so
        assertThat(row.formulas().containsKey(1)).isEqualTo(type.equals("NUMBER"));
    }

    @ParameterizedTest(name = "={0} is not evaluated")
    @CsvSource(delimiter = '|', value = {
        "VLOOKUP(A5,Sheet2!A:B,2,0)", "D4*2", "Sheet2!D5", "IF(C5,1,2)", "COUNTA(B5)", "COUNT(A5:G5)", "D5+C5", "ROUND(D5/3,2)",
        "IF(D5>0,\"a\"", "\"unterminated", "SUM(D5:B5)", "myName*2", "D5^0.5",
    })
    void notEvaluatedStaysAFormulaWithoutACell(String formula) {
        RawRow row = row(formula);
        assertThat(row.cell(1)).isNull();
        assertThat(row.formula(1)).isEqualTo(formula);
    }
}
