-- The cells each sheet read was read from (docs/outputs.md, lineage): one row per sheet read, with its header row
-- and the first and last column (0-based) of its header, so that every detail row names its cells (A5:P5) from a
-- fact of its sheet instead of two columns on every staged row.
CREATE TABLE ra_input_sheet (
    run_id       BIGINT       NOT NULL,
    file_name    VARCHAR(500) NOT NULL,
    sheet        VARCHAR(500) NOT NULL,
    header_row   INTEGER      NOT NULL,
    first_column INTEGER      NOT NULL,
    last_column  INTEGER      NOT NULL,
    PRIMARY KEY (run_id, file_name, sheet)
);
