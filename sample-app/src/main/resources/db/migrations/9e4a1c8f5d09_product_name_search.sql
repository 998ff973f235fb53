-- revision: 9e4a1c8f5d09
-- revises: 8d3f0b7e4c98
-- message: index product names for case-insensitive search
-- create-date: 2026-11-16 13:10:00

-- +upgrade postgresql
-- PostgreSQL indexes the expression the search uses directly.
CREATE INDEX products_name_lower_idx ON products (LOWER(name) text_pattern_ops);

-- +upgrade h2
-- H2 has no expression indexes, so index a generated column instead.
ALTER TABLE products ADD COLUMN name_lower VARCHAR(200) GENERATED ALWAYS AS (LOWER(name));
CREATE INDEX products_name_lower_idx ON products (name_lower);

-- +downgrade postgresql
DROP INDEX products_name_lower_idx;

-- +downgrade h2
DROP INDEX products_name_lower_idx;
ALTER TABLE products DROP COLUMN name_lower;
