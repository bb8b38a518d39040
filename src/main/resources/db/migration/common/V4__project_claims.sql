-- A project's claimed reductions, one row per pollutant it claims (docs/outputs.md): the pollutants are the plan
-- year's reference data (pollutants.csv), so adding one is a data change, not a new column. Only claims other
-- than 0 are staged; a pollutant a row does not claim counts as 0. Keyed like the project row it belongs to.
CREATE TABLE ra_project_claim (
    run_id    BIGINT         NOT NULL,
    file_name VARCHAR(500)   NOT NULL,
    sheet     VARCHAR(500)   NOT NULL,
    row_no    INTEGER        NOT NULL,
    pollutant VARCHAR(10)    NOT NULL,
    claimed_t NUMERIC(24, 6) NOT NULL,
    PRIMARY KEY (run_id, file_name, sheet, row_no, pollutant)
);

-- the claims staged before, one column per pollutant, moved over so that a run recorded earlier can still be
-- restarted or reported
INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)
SELECT run_id, file_name, sheet, row_no, 'VOCS', voc_t FROM ra_project_row WHERE voc_t IS NOT NULL AND voc_t <> 0;
INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)
SELECT run_id, file_name, sheet, row_no, 'SO2', so2_t FROM ra_project_row WHERE so2_t IS NOT NULL AND so2_t <> 0;
INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)
SELECT run_id, file_name, sheet, row_no, 'NOX', nox_t FROM ra_project_row WHERE nox_t IS NOT NULL AND nox_t <> 0;
INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)
SELECT run_id, file_name, sheet, row_no, 'PM', pm_t FROM ra_project_row WHERE pm_t IS NOT NULL AND pm_t <> 0;

ALTER TABLE ra_project_row DROP COLUMN voc_t;
ALTER TABLE ra_project_row DROP COLUMN so2_t;
ALTER TABLE ra_project_row DROP COLUMN nox_t;
ALTER TABLE ra_project_row DROP COLUMN pm_t;
