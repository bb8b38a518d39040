package cn.js.reduction.report.data;

import cn.js.reduction.store.ProjectRecord;

/** An accepted project with where it came from, so an auditor can trace every figure to its input row. */
public record AcceptedProject(ProjectRecord project, String file, String sheet, int row) {
}
