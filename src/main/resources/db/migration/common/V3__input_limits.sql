-- Limits of the input (README): a sheet's name is as long as its file's name for a CSV (the file name without
-- its extension, up to 255 characters on common file systems), so every sheet column holds what a file name
-- column holds. Text and figures are checked against the other columns by the row rules before staging.
ALTER TABLE ra_input_file ALTER COLUMN sheet_name SET DATA TYPE VARCHAR(500);
ALTER TABLE ra_project_row ALTER COLUMN sheet SET DATA TYPE VARCHAR(500);
ALTER TABLE ra_emission_row ALTER COLUMN sheet SET DATA TYPE VARCHAR(500);
ALTER TABLE ra_finding ALTER COLUMN sheet SET DATA TYPE VARCHAR(500);
