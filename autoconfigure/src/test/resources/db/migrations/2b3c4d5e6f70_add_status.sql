-- revision: 2b3c4d5e6f70
-- revises: 1a2b3c4d5e6f
-- message: add status to data_products
-- branch-labels: catalog
-- create-date: 2026-11-21 10:30:00

-- +upgrade
ALTER TABLE data_products ADD COLUMN status VARCHAR(20) DEFAULT 'draft' NOT NULL;

-- +downgrade
ALTER TABLE data_products DROP COLUMN status;
