package cn.js.reduction.store;

import cn.js.reduction.core.ProjectStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Puts a project's rows of the claim join back together as one record. */
final class ProjectAssembler {
    private final List<String> claimed;
    private final Consumer<StagedRowStore.CountedProject> action;
    private ResultRow current;
    private final Map<String, BigDecimal> claims = new HashMap<>();

    private record ResultRow(String projectId, String cityCode, String district, String projectName,
                             String responsibleUnit, String creditCode, String categoryCode, String status,
                             String countedStatus, LocalDate planned, LocalDate actual, BigDecimal investment,
                             String remarks, String fileName, String sheet, int rowNo,
                             WrittenWords written) {
    }

    ProjectAssembler(List<String> claimed, Consumer<StagedRowStore.CountedProject> action) {
        this.claimed = claimed;
        this.action = action;
    }

    void add(ResultSet rs) throws SQLException {
        String fileName = rs.getString("file_name");
        String sheet = rs.getString("sheet");
        int rowNo = rs.getInt("row_no");
        if (current == null || current.rowNo() != rowNo || !current.fileName().equals(fileName)
                || !current.sheet().equals(sheet)) {
            flush();
            current = new ResultRow(rs.getString("project_id"), rs.getString("city_code"),
                    rs.getString("district"), rs.getString("project_name"), rs.getString("responsible_unit"),
                    rs.getString("credit_code"), rs.getString("category_code"), rs.getString("status"),
                    rs.getString("counted_status"), StagedRowStore.localDate(rs.getDate("planned_completion")),
                    StagedRowStore.localDate(rs.getDate("actual_completion")), rs.getBigDecimal("investment"),
                    rs.getString("remarks"), fileName, sheet, rowNo, new WrittenWords(
                            rs.getString("city_written"), rs.getString("category_written"), rs.getString("status_written"),
                            rs.getString("planned_written"), rs.getString("actual_written")));
        }
        String pollutant = rs.getString("pollutant");
        if (pollutant != null) {
            claims.put(pollutant, rs.getBigDecimal("claimed_t"));
        }
    }

    void flush() {
        if (current == null) {
            return;
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (String code : claimed) {
            ordered.put(code, claims.getOrDefault(code, BigDecimal.ZERO));
        }
        ResultRow r = current;
        action.accept(new StagedRowStore.CountedProject(new ProjectRecord(r.projectId(), r.cityCode(), r.district(),
                r.projectName(), r.responsibleUnit(), r.creditCode(), r.categoryCode(),
                ProjectStatus.valueOf(r.status()), ProjectStatus.valueOf(r.countedStatus()), r.planned(),
                r.actual(), r.investment(), ordered, r.remarks()), r.fileName(), r.sheet(), r.rowNo(), r.written()));
        current = null;
        claims.clear();
    }
}
