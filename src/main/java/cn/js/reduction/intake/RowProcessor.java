package cn.js.reduction.intake;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.FileNameCities;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawCell;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Applies the row rules of docs/rules.md to each data row: every row comes out accepted, rejected or ignored. */
public class RowProcessor implements ItemProcessor<SourcedRow, StagedRow> {

    private final RowValidator validator;
    /** file name → the cities its name names (a handful of files per processor) */
    private final Map<String, Set<String>> namedCities = new HashMap<>();
    /** A sheet header laid out like annex 2 → its parts, made once per sheet (a handful per processor). */
    private final Map<Header, List<Header>> partsOf = new java.util.IdentityHashMap<>();

    public RowProcessor(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public StagedRow process(SourcedRow item) {
        Header header = item.header();
        StagedRow staged = switch (header.kind()) {
            case PROJECTS -> {
                Integer idColumn = header.columns().get(Field.PROJECT_ID);
                String idCell = idColumn == null ? null
                        : RawCell.columnName(idColumn) + item.row().rowNumber();
                yield new StagedRow(FileKind.PROJECTS, withNotes(otherCity(
                        validator.validateProject(item.row(), header, item.file(), item.kind()), item), item), idCell);
            }
            case EMISSIONS -> new StagedRow(FileKind.EMISSIONS, emissions(item), null);
        };
        // the sheet's last row: its count of columns not read goes to the store with it, in the same chunk
        return item.columnsNotRead() == null ? staged
                : staged.withSheetEnd(new StagedRow.SheetEnd(item.file(), header.sheet(), item.columnsNotRead()));
    }

    /**
     * The emission rows a sheet row is read as: itself, or for a data row of a sheet laid out like annex 2, one per
     * pollutant, each under its own part of the header (its figures' cells). The sheet's notes go with the first.
     */
    private List<RowOutcome<?>> emissions(SourcedRow item) {
        List<Header> parts = item.kind().isData() && item.header().isWide()
                ? partsOf.computeIfAbsent(item.header(), Header::parts) : List.of(item.header());
        List<RowOutcome<?>> out = new ArrayList<>();
        for (Header part : parts) {
            RowOutcome<?> o = otherCity(validator.validateEmission(item.row(), part, item.file(), item.kind()), item);
            out.add(out.isEmpty() ? withNotes(o, item) : o);
        }
        return out;
    }

    /** The sheet's account findings the row carries (a totals row that differs, the columns not read), after its own. */
    private static <T> RowOutcome<T> withNotes(RowOutcome<T> outcome, SourcedRow item) {
        if (item.notes().isEmpty()) {
            return outcome;
        }
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.addAll(item.notes());
        return outcome.withFindings(findings);
    }

    /**
     * ROW_OF_OTHER_CITY (docs/input-format.md, Resubmission): an accepted row of a city that the file's name does not name is
     * stray, with a warning: it never makes the file a submission of that city, and consolidation decides whether it
     * counts (a project row does; an emission row only where its city has no report of its own).
     */
    private <T> RowOutcome<T> otherCity(RowOutcome<T> outcome, SourcedRow item) {
        if (!outcome.isAccepted() || outcome.cityCode() == null) {
            return outcome;
        }
        Set<String> named = namedCities.computeIfAbsent(item.file(),
                f -> FileNameCities.of(f, validator.reference()));
        if (named.isEmpty() || named.contains(outcome.cityCode())) {
            return outcome;
        }
        Integer column = item.header().columns().get(Field.CITY);
        String cell = column == null ? null : RawCell.columnName(column) + outcome.rowNumber();
        String city = cityName(outcome.cityCode());
        String fileCities = String.join("、", named.stream().map(this::cityName).toList());
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.add(Finding.of(Rule.ROW_OF_OTHER_CITY, outcome.cityCode(), outcome.file(), outcome.sheet(),
                outcome.rowNumber(), cell, column == null ? null : item.row().text(column),
                "第" + outcome.rowNumber() + "行 设区市（" + cell + "）为" + city + "市，但文件名「" + item.file() + "」表明本文件报送的是"
                        + fileCities + "市的数据。该行不替代" + city + "市自己报送的文件（项目行计入" + city + "市；排放量行仅在" + city
                        + "市没有自己的排放量报表时计入）；如不属于" + city + "市，请改正设区市"));
        return outcome.withFindings(findings);
    }

    private String cityName(String code) {
        return validator.reference().city(code).map(c -> c.name()).orElse(code);
    }
}
