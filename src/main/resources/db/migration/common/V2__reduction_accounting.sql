-- Tables of the reduction accounting pipeline. Portable SQL (H2 and PostgreSQL).
-- Every staging and result table is keyed by run_id = the Spring Batch job instance id, so a restarted
-- execution of the same run finds, and never duplicates, what earlier executions committed.

-- Reference data of a plan year, loaded at the start of each run from the versioned reference files.
CREATE TABLE ra_ref_city (
    plan_year    INTEGER      NOT NULL,
    city_code    VARCHAR(6)   NOT NULL,
    city_name    VARCHAR(20)  NOT NULL,
    pinyin       VARCHAR(40)  NOT NULL,
    sort_order   INTEGER      NOT NULL,
    PRIMARY KEY (plan_year, city_code)
);

CREATE TABLE ra_ref_category (
    plan_year     INTEGER      NOT NULL,
    category_code VARCHAR(40)  NOT NULL,
    category_name VARCHAR(100) NOT NULL,
    group_name    VARCHAR(100) NOT NULL,
    sort_order    INTEGER      NOT NULL,
    PRIMARY KEY (plan_year, category_code)
);

-- Annex 4: planned projects per city and category (province 320000 included).
CREATE TABLE ra_ref_plan (
    plan_year     INTEGER     NOT NULL,
    city_code     VARCHAR(6)  NOT NULL,
    category_code VARCHAR(40) NOT NULL,
    planned       INTEGER     NOT NULL,
    PRIMARY KEY (plan_year, city_code, category_code)
);

-- Annex 2: reduction targets in % against the base year (province 320000 included).
CREATE TABLE ra_ref_target (
    plan_year  INTEGER       NOT NULL,
    city_code  VARCHAR(6)    NOT NULL,
    pollutant  VARCHAR(10)   NOT NULL,
    target_pct NUMERIC(9, 4) NOT NULL,
    PRIMARY KEY (plan_year, city_code, pollutant)
);

-- One row per file of the input set, as discovered.
CREATE TABLE ra_input_file (
    run_id       BIGINT       NOT NULL,
    file_name    VARCHAR(500) NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    submitted_at TIMESTAMP    NOT NULL,
    kind         VARCHAR(20),
    sheet_name   VARCHAR(200),
    header_row   INTEGER,
    readable     BOOLEAN      NOT NULL,
    PRIMARY KEY (run_id, file_name)
);

-- Every data row read from a project list: accepted, rejected or ignored (never dropped).
CREATE TABLE ra_project_row (
    run_id             BIGINT       NOT NULL,
    file_name          VARCHAR(500) NOT NULL,
    sheet              VARCHAR(200) NOT NULL,
    row_no             INTEGER      NOT NULL,
    disposition        VARCHAR(10)  NOT NULL,
    superseded         BOOLEAN      DEFAULT FALSE NOT NULL,
    city_code          VARCHAR(6),
    project_id         VARCHAR(200),
    id_cell            VARCHAR(20),
    district           VARCHAR(200),
    project_name       VARCHAR(2000),
    responsible_unit   VARCHAR(500),
    credit_code        VARCHAR(100),
    category_code      VARCHAR(40),
    status             VARCHAR(20),
    counted_status     VARCHAR(20),
    planned_completion DATE,
    actual_completion  DATE,
    investment         NUMERIC(24, 6),
    voc_t              NUMERIC(24, 6),
    so2_t              NUMERIC(24, 6),
    nox_t              NUMERIC(24, 6),
    pm_t               NUMERIC(24, 6),
    remarks            VARCHAR(4000),
    PRIMARY KEY (run_id, file_name, sheet, row_no)
);
CREATE INDEX ra_project_row_city ON ra_project_row (run_id, city_code, category_code);
CREATE INDEX ra_project_row_id ON ra_project_row (run_id, project_id);

-- Every data row read from an emission report.
CREATE TABLE ra_emission_row (
    run_id      BIGINT       NOT NULL,
    file_name   VARCHAR(500) NOT NULL,
    sheet       VARCHAR(200) NOT NULL,
    row_no      INTEGER      NOT NULL,
    disposition VARCHAR(10)  NOT NULL,
    superseded  BOOLEAN      DEFAULT FALSE NOT NULL,
    city_code   VARCHAR(6),
    pollutant   VARCHAR(10),
    sector      VARCHAR(200),
    base_t      NUMERIC(24, 6),
    reporting_t NUMERIC(24, 6),
    remarks     VARCHAR(4000),
    PRIMARY KEY (run_id, file_name, sheet, row_no)
);

-- Findings of every stage. stage + file + sheet + row + ordinal identify one, so a stage that is run again
-- replaces rather than repeats its findings.
CREATE TABLE ra_finding (
    run_id    BIGINT        NOT NULL,
    stage     VARCHAR(20)   NOT NULL,
    file_name VARCHAR(500)  NOT NULL,
    sheet     VARCHAR(200)  NOT NULL,
    row_no    INTEGER       NOT NULL,
    ordinal   INTEGER       NOT NULL,
    severity  VARCHAR(10)   NOT NULL,
    rule      VARCHAR(40)   NOT NULL,
    city_code VARCHAR(6),
    cell      VARCHAR(20),
    cell_value VARCHAR(4000),
    message   VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, stage, file_name, sheet, row_no, ordinal)
);

-- Results of reconciliation: the database's sums; ratios and statuses are derived from them exactly.
CREATE TABLE ra_project_tally (
    run_id        BIGINT      NOT NULL,
    city_code     VARCHAR(6)  NOT NULL,
    category_code VARCHAR(40) NOT NULL,
    planned       INTEGER     NOT NULL,
    submitted     INTEGER     NOT NULL,
    completed     INTEGER     NOT NULL,
    in_progress   INTEGER     NOT NULL,
    not_started   INTEGER     NOT NULL,
    PRIMARY KEY (run_id, city_code, category_code)
);

CREATE TABLE ra_reduction_tally (
    run_id        BIGINT         NOT NULL,
    city_code     VARCHAR(6)     NOT NULL,
    pollutant     VARCHAR(10)    NOT NULL,
    emission_rows INTEGER        NOT NULL,
    base_t        NUMERIC(24, 6),
    reporting_t   NUMERIC(24, 6),
    target_pct    NUMERIC(9, 4),
    claimed_t     NUMERIC(24, 6) NOT NULL,
    PRIMARY KEY (run_id, city_code, pollutant)
);
