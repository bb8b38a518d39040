-- The emission row's key with its part (common/V11): one sheet row laid out like annex 2 is a row per pollutant.
ALTER TABLE ra_emission_row DROP PRIMARY KEY;
ALTER TABLE ra_emission_row ADD PRIMARY KEY (run_id, file_name, sheet, row_no, part_no);
