package cn.js.reduction.report.changes;

import java.util.List;

/**
 * One project whose presence, status or figures changed since the previous complete run, joined on project_id
 * (accepted_projects.csv of both runs): what a count hides when two changes cancel out in it.
 *
 * @param projectId    the project's 项目编号, as accepted_projects.csv writes it
 * @param cityCode     its city now (before, for a withdrawn project)
 * @param categoryCode its category now (before, for a withdrawn project)
 * @param column       {@link #ADDED}, {@link #WITHDRAWN} or the column of accepted_projects.csv that changed
 * @param previous     the previous run's value; for a withdrawn project, where it was read from
 * @param current      this run's value; for an added project, where it was read from
 */
public record ProjectChange(String projectId, String cityCode, String categoryCode, String column, String previous,
                            String current) {

    public static final String ADDED = "added";
    public static final String WITHDRAWN = "withdrawn";
    public static final String STATUS = "status";

    /** Statuses from the furthest along to the least: a move down the list is for the worse. */
    private static final List<String> PROGRESS = List.of("COMPLETED", "IN_PROGRESS", "NOT_STARTED");

    /** The project's own status moved back: COMPLETED → IN_PROGRESS, IN_PROGRESS → NOT_STARTED and the like. */
    public boolean isWorse() {
        int before = PROGRESS.indexOf(previous);
        // a status that is not one of ours (blank, another release's word) is no evidence of a step back
        return STATUS.equals(column) && before >= 0 && PROGRESS.indexOf(current) > before;
    }

    public boolean isPresence() {
        return ADDED.equals(column) || WITHDRAWN.equals(column);
    }

    /** Worse statuses first, then withdrawn projects (they lower the counts), then the rest. */
    int order() {
        return isWorse() ? 0 : WITHDRAWN.equals(column) ? 1 : 2;
    }
}
