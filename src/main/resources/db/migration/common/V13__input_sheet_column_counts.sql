-- How many columns each sheet read had read and not read (docs/outputs.md, 运行信息): columns_read, the columns
-- mapped to a field (written by discovery with the sheet's header); columns_not_read, the columns that held data in
-- the sheet's data rows but were not read, each of which has its COLUMN_NOT_READ finding (written by intake with the
-- sheet's last row, in the same transaction, and set again, never added to, when a restarted file is read again).
-- Not in files.csv: SPEC §6 fixes its columns.
ALTER TABLE ra_input_sheet ADD COLUMN columns_read INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE ra_input_sheet ADD COLUMN columns_not_read INTEGER DEFAULT 0 NOT NULL;
