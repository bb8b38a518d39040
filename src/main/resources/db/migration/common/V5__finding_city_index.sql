-- A city's findings (its feedback workbook, asked once per city of hundreds): by city, and the city-less findings
-- of its files by file, instead of a pass over every finding of the run per city (issue 9).
CREATE INDEX ra_finding_city ON ra_finding (run_id, city_code, file_name);
