-- revision: 3e8a5c2f9d43
-- revises: 2d7f4b1e8c32
-- message: add status to products
-- create-date: 2026-11-05 14:30:00

-- +upgrade
-- Existing rows get the default, so NOT NULL holds from the start.
ALTER TABLE products ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL;

-- +downgrade
ALTER TABLE products DROP COLUMN status;
