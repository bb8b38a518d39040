package cn.js.reduction.report.data;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.store.ProjectRecord;

/**
 * An accepted project with where it came from, so an auditor can trace every figure to its input row, and the
 * city's own words for what was normalised (已建成 beside 已完成).
 */
public record AcceptedProject(ProjectRecord project, String file, String sheet, int row, WrittenWords written) {

    public AcceptedProject {
        written = written == null ? WrittenWords.NONE : written;
    }

    public AcceptedProject(ProjectRecord project, String file, String sheet, int row) {
        this(project, file, sheet, row, WrittenWords.NONE);
    }
}
