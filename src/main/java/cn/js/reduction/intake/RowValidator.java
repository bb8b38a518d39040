package cn.js.reduction.intake;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.RowKind;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Rule;
import cn.js.reduction.discover.Values;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row rules of docs/rules.md: reads one row of a recognised sheet into a record, or says, cell by cell, why it
 * cannot. Every error of a row is reported, not just the first, so that a city fixes a row in one go.
 * Set-based rules (DUPLICATE_PROJECT_ID) and file rules are applied elsewhere.
 *
 * <p>Messages are for the city clerk who typed the row: the row, the column as the template heads it, the cell
 * as Excel shows it, the value as typed and what was expected, in Chinese (the column by its Chinese header, the
 * statuses by their Chinese words); the rule's code is in a column of its own.
 */
public final class RowValidator {



    private final ReferenceData reference;
    private final int year;
    private final LocalDate yearEnd;
    /** The project list's claim columns: one per pollutant of the plan year. */
    private final List<Field> claimFields;

    public RowValidator(ReferenceData reference, int year) {
        this.reference = reference;
        this.year = year;
        this.yearEnd = LocalDate.of(year, 12, 31);
        this.claimFields = Field.claims(reference.claimPollutants());
    }

    /** The reference data the rows are checked against. */
    public ReferenceData reference() {
        return reference;
    }

    /** One row of a 项目清单 below its header. */
    public RowOutcome<ProjectRecord> validateProject(RawRow row, Header header, String file) {
        return validateProject(row, header, file, RowKind.of(row, header));
    }

    /** One row of a 项目清单 below its header, as the sheet's account classified it: only data rows are read. */
    public RowOutcome<ProjectRecord> validateProject(RawRow row, Header header, String file, RowKind kind) {
        requireKind(header, FileKind.PROJECTS);
        if (!kind.isData()) {
            return RowOutcome.ignored(file, row, kind);
        }
        RowCheck check = new RowCheck(row, header, file, year);
        check.formulas();
        check.cityCode = city(check);
        String projectId = check.requiredText(Field.PROJECT_ID);
        String district = check.optionalText(Field.DISTRICT);
        String projectName = check.requiredText(Field.PROJECT_NAME);
        String responsibleUnit = check.requiredText(Field.RESPONSIBLE_UNIT);
        String creditCode = creditCode(check);
        Category category = category(check);
        check.groupCode = category == null ? null : category.code();
        ProjectStatus status = status(check);
        LocalDate planned = check.date(Field.PLANNED_COMPLETION, true);
        LocalDate actual = check.date(Field.ACTUAL_COMPLETION, false);
        ProjectStatus counted = completion(check, status, actual);
        BigDecimal investment = check.number(Field.INVESTMENT, false, null);
        Map<String, BigDecimal> claims = new LinkedHashMap<>();
        for (Field claim : claimFields) {
            claims.put(claim.pollutant().code(), check.number(claim, false, BigDecimal.ZERO));
        }
        String remarks = check.optionalText(Field.REMARKS);
        if (check.hasErrors()) {
            return check.outcome(null);
        }
        return check.outcome(new ProjectRecord(projectId, check.cityCode, district, projectName, responsibleUnit,
                creditCode, category.code(), status, counted, planned, actual, investment, claims, remarks));
    }

    /** One row of a 排放量报表 below its header. */
    public RowOutcome<EmissionRecord> validateEmission(RawRow row, Header header, String file) {
        return validateEmission(row, header, file, RowKind.of(row, header));
    }

    /** One row of a 排放量报表 below its header, as the sheet's account classified it: only data rows are read. */
    public RowOutcome<EmissionRecord> validateEmission(RawRow row, Header header, String file, RowKind kind) {
        requireKind(header, FileKind.EMISSIONS);
        if (!kind.isData()) {
            return RowOutcome.ignored(file, row, kind);
        }
        RowCheck check = new RowCheck(row, header, file, year);
        String notAccounted = untargeted(check);
        if (notAccounted != null) {
            return notAccounted(check, notAccounted);
        }
        check.formulas();
        check.cityCode = city(check);
        Pollutant pollutant = pollutant(check);
        check.groupCode = pollutant == null ? null : pollutant.code();
        String sector = check.optionalText(Field.SECTOR);
        BigDecimal baseT = check.number(Field.BASE_T, true, null);
        BigDecimal reportingT = check.number(Field.REPORTING_T, true, null);
        String remarks = check.optionalText(Field.REMARKS);
        if (check.hasErrors()) {
            return check.outcome(null);
        }
        return check.outcome(new EmissionRecord(check.cityCode, pollutant, sector, baseT, reportingT, remarks));
    }

    private String city(RowCheck check) {
        RawCell cell = check.cell(Field.CITY);
        if (check.missing(Field.CITY, cell)) {
            return null;
        }
        String text = Values.isError(cell) ? null : cell.text();
        java.util.Optional<City> city = reference.findCity(text);
        if (city.isEmpty()) {
            city = reference.findCityFromDistrict(text);
            city.ifPresent(c -> check.add(Rule.CITY_FROM_DISTRICT, Field.CITY, text, check.where(Field.CITY) + "「"
                    + RowCheck.shown(text) + "」是" + c.name() + "市的县（市、区）或市区，按" + c.name() + "市计入"));
        }
        return city.map(City::code).orElseGet(() -> {
            check.bad(Rule.UNKNOWN_CITY, Field.CITY, cell, "不是江苏省的设区市",
                    "应填写" + reference.cities().size() + "个设区市之一，如 南京、南京市、320100 或 Nanjing");
            return null;
        });
    }

    private Category category(RowCheck check) {
        RawCell cell = check.cell(Field.CATEGORY);
        if (check.missing(Field.CATEGORY, cell)) {
            return null;
        }
        java.util.Optional<Category> found = reference.findCategory(Values.isError(cell) ? null : cell.text());
        found.filter(c -> !Text.key(cell.text()).equals(Text.key(c.code())) && !literalName(cell.text(), c.name()))
                .ifPresent(c -> check.interpreted(Field.CATEGORY, cell, c.name()));
        return found.orElseGet(() -> {
            check.bad(Rule.UNKNOWN_CATEGORY, Field.CATEGORY, cell, "不是附件4的项目类别",
                    "应填写" + reference.categories().size() + "类之一的名称或代码，如 锅炉提标改造项目 或 BOILER");
            return null;
        });
    }

    /** The category's own name as written, with or without its 项目 suffix: no interpretation. */
    private static boolean literalName(String text, String name) {
        String key = Text.key(text);
        String own = Text.key(name);
        return key.equals(own) || own.endsWith("项目") && key.equals(own.substring(0, own.length() - 2));
    }

    private ProjectStatus status(RowCheck check) {
        RawCell cell = check.cell(Field.STATUS);
        if (check.missing(Field.STATUS, cell)) {
            return null;
        }
        java.util.Optional<ProjectStatus> found = Values.status(Values.isError(cell) ? null : cell.text());
        found.filter(st -> !Text.key(cell.text()).equals(Text.key(st.chineseName()))
                        && !Text.key(cell.text()).replace("_", "").equals(st.name().replace("_", "")))
                .ifPresent(st -> check.interpreted(Field.STATUS, cell, st.chineseName()));
        return found.orElseGet(() -> {
            check.bad(Rule.UNKNOWN_STATUS, Field.STATUS, cell, "不是有效的进展状态", "应填写 未开工、在建 或 已完成");
            return null;
        });
    }

    /**
     * A row of a pollutant the plan does not account (颗粒物 in an emission report): information the plan has no
     * target for, not a mistake of the clerk. Ignored with an INFO (POLLUTANT_NOT_ACCOUNTED), its city kept where it
     * reads without doubt, never rejected.
     */
    private RowOutcome<EmissionRecord> notAccounted(RowCheck check, String code) {
        RawCell cityCell = check.cell(Field.CITY);
        String cityText = cityCell == null || Values.isError(cityCell) ? null : cityCell.text();
        check.cityCode = reference.findCity(cityText).or(() -> reference.findCityFromDistrict(cityText))
                .map(City::code).orElse(null);
        check.groupCode = code;
        RawCell cell = check.cell(Field.POLLUTANT);
        String name = reference.pollutant(code).map(Pollutant::written).orElse(code);
        check.add(Rule.POLLUTANT_NOT_ACCOUNTED, Field.POLLUTANT, cell.text(), check.where(Field.POLLUTANT) + "「"
                + RowCheck.shown(cell.text()) + "」是" + name + "，附件2没有它的减排目标，本行不计入核算，计为忽略");
        check.why = "附件2没有减排目标的污染物「" + RowCheck.shown(cell.text()) + "」（" + check.reference(Field.POLLUTANT) + "）";
        return check.ignored();
    }

    /**
     * The code of a pollutant the plan year knows but annex 2 sets no target for (颗粒物), named in a row's 污染物
     * cell; null otherwise.
     */
    private String untargeted(RowCheck check) {
        RawCell cell = check.cell(Field.POLLUTANT);
        String text = cell == null || Values.isError(cell) ? null : cell.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = Text.normalise(text).toUpperCase(java.util.Locale.ROOT);
        for (Pollutant p : reference.claimPollutants()) {
            if (!p.targeted() && java.util.stream.Stream.of(p.code(), p.label(), p.chineseName(), p.written())
                    .anyMatch(n -> Text.normalise(n).toUpperCase(java.util.Locale.ROOT).equals(key))) {
                return p.code();
            }
        }
        return null;
    }

    private Pollutant pollutant(RowCheck check) {
        RawCell cell = check.cell(Field.POLLUTANT);
        if (check.missing(Field.POLLUTANT, cell)) {
            return null;
        }
        return reference.findPollutant(Values.isError(cell) ? null : cell.text()).orElseGet(() -> {
            List<Pollutant> all = reference.pollutants();
            check.bad(Rule.UNKNOWN_POLLUTANT, Field.POLLUTANT, cell, "不是核算的污染物",
                    "应填写 " + either(all.stream().map(Pollutant::written).toList(), "、", " 或 "));
            return null;
        });
    }

    /** "a、b 或 c": the names joined, the last one with {@code last}. */
    private static String either(List<String> names, String separator, String last) {
        return names.size() == 1 ? names.get(0)
                : String.join(separator, names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }

    /** Optional; a wrong check digit is only a WARNING (the row is kept, with the code as typed). */
    private String creditCode(RowCheck check) {
        RawCell cell = check.cell(Field.CREDIT_CODE);
        if (Values.isBlank(cell)) {
            return null;
        }
        if (!Values.isError(cell) && check.withinLimit(Field.CREDIT_CODE, cell.text().strip()) == null) {
            return null;
        }
        if (Values.isError(cell) || !CreditCode.isValid(cell.text())) {
            check.bad(Rule.BAD_CREDIT_CODE, Field.CREDIT_CODE, cell, "不是有效的统一社会信用代码",
                    "应为18位且校验位符合 GB 32100-2015，请核对；本行仍予受理");
            return Values.isError(cell) ? null : cell.text().strip();
        }
        return cell.text().strip();
    }

    /**
     * The status the totals count, after the completion rules: a completed project needs its actual completion
     * date; one completed after the plan year counts as in progress this year; a date on a project not
     * completed is suspicious but kept.
     */
    /**
     * A date as the clerk sees it: what they typed, except a bare number, which is a date only to the program
     * (a serial such as 44286 when the cell lost its date format) and is shown as the date it was read as.
     */
    private static String shownDate(RawCell cell, LocalDate read) {
        return cell.type() == RawCell.Type.NUMBER ? read.toString() : cell.text();
    }

    private ProjectStatus completion(RowCheck check, ProjectStatus status, LocalDate actual) {
        if (status == null) {
            return null;
        }
        RawCell cell = check.cell(Field.ACTUAL_COMPLETION);
        if (status == ProjectStatus.COMPLETED && Values.isBlank(cell)) {
            // the column is optional in the header, so a list without it can still hold completed projects
            String what = check.reference(Field.ACTUAL_COMPLETION) == null
                    ? "第" + check.row.rowNumber() + "行 进展状态为「已完成」，但表中没有实际完成时间列，应增加该列并填写实际完成日期，如 2020-06-30"
                    : check.where(Field.ACTUAL_COMPLETION) + "为空，但进展状态为「已完成」，应填写实际完成日期，如 2020-06-30";
            check.add(Rule.COMPLETED_WITHOUT_DATE, Field.ACTUAL_COMPLETION, cell == null ? null : cell.text(),
                    what);
            return null;
        }
        if (actual == null) {
            return status;
        }
        if (status == ProjectStatus.COMPLETED && actual.isAfter(yearEnd)) {
            check.add(Rule.COMPLETION_AFTER_YEAR_END, Field.ACTUAL_COMPLETION, shownDate(cell, actual),
                    check.where(Field.ACTUAL_COMPLETION) + "「" + shownDate(cell, actual) + "」晚于" + year + "年12月31日，本年度按在建项目统计");
            return ProjectStatus.IN_PROGRESS;
        }
        if (status != ProjectStatus.COMPLETED) {
            check.add(Rule.ACTUAL_DATE_NOT_COMPLETED, Field.ACTUAL_COMPLETION, shownDate(cell, actual),
                    check.where(Field.ACTUAL_COMPLETION) + "「" + shownDate(cell, actual) + "」已填写，但进展状态为「"
                            + status.chineseName() + "」，请核对进展状态或删除实际完成时间；本行仍予受理");
        }
        return status;
    }

    private static void requireKind(Header header, FileKind kind) {
        if (header.kind() != kind) {
            throw new IllegalArgumentException("a " + header.kind() + " header cannot validate " + kind + " rows");
        }
    }
}
