-- Issue 16, point 8: an emission report laid out like annex 2 (cities down, each pollutant a group over its two
-- years) is read as one row per city and pollutant, so one sheet row is up to one staged row per pollutant: part_no
-- numbers them (1, 2, 3 … left to right; 0 for every other row). The key becomes (run, file, sheet, row, part), in
-- the vendor migrations V12 (dropping a primary key is written differently in H2 and PostgreSQL). read_cells names
-- the cells such a row was read from (A5,D5,E5), for the detail sheets' lineage; null where the row was read from
-- its sheet's columns first to last.
-- Issue 16, point 11: an ignored row keeps why (合计 (A9), 表尾「填表人：」, 重复的表头 …), on both kinds of row.
ALTER TABLE ra_emission_row ADD COLUMN part_no INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ra_emission_row ADD COLUMN read_cells VARCHAR(200);
ALTER TABLE ra_emission_row ADD COLUMN ignored_why VARCHAR(500);
ALTER TABLE ra_project_row ADD COLUMN ignored_why VARCHAR(500);
