-- Which older file a newer one replaced for a city (issue 17): what the feedback workbook's 前后对比 compares.
-- V8, not V7: another change under way may take V7.
CREATE TABLE ra_supersession (
    run_id     BIGINT       NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    city_code  VARCHAR(6)   NOT NULL,
    older_file VARCHAR(500) NOT NULL,
    newer_file VARCHAR(500) NOT NULL,
    PRIMARY KEY (run_id, kind, city_code, older_file)
);
