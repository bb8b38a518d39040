package cn.js.reduction.report.data;

import cn.js.reduction.store.ProjectRecord;
import cn.js.reduction.store.StagedRowStore;

/**
 * An accepted project with where it came from, so an auditor can trace every figure to its input row, and the
 * city's own words for what was normalised (已建成 beside 已完成).
 */
public record AcceptedProject(ProjectRecord project, String file, String sheet, int row, StagedRowStore.Written written) {

    public AcceptedProject {
        written = written == null ? StagedRowStore.Written.NONE : written;
    }

    public AcceptedProject(ProjectRecord project, String file, String sheet, int row) {
        this(project, file, sheet, row, StagedRowStore.Written.NONE);
    }
}
