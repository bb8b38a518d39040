package cn.js.reduction.store;

/**
 * What the staged row tables (ra_project_row, ra_emission_row) share: the one definition of a row that counts.
 */
public final class StagedRows {

    /**
     * A row that counts: accepted at intake and not superseded by a newer submission of its city. Unqualified
     * columns, so a query using it reads it in the scope of one staged row table (or a join where only that
     * table has these columns). Every figure that counts rows uses this, nothing else.
     */
    public static final String COUNTED = "disposition = 'ACCEPTED' AND NOT superseded";

    private StagedRows() {
    }
}
