-- Issue 22 §3: the city's own words beside what they were read as. Each staged row keeps the text its cells held
-- for the values that are normalised (city, category, status, dates; city and pollutant of an emission row), as
-- typed (a date cell as its ISO date), cut to 500 characters, so that the detail sheets show 已建成 beside 已完成.
ALTER TABLE ra_project_row ADD COLUMN city_written VARCHAR(500);
ALTER TABLE ra_project_row ADD COLUMN category_written VARCHAR(500);
ALTER TABLE ra_project_row ADD COLUMN status_written VARCHAR(500);
ALTER TABLE ra_project_row ADD COLUMN planned_written VARCHAR(500);
ALTER TABLE ra_project_row ADD COLUMN actual_written VARCHAR(500);
ALTER TABLE ra_emission_row ADD COLUMN city_written VARCHAR(500);
ALTER TABLE ra_emission_row ADD COLUMN pollutant_written VARCHAR(500);
