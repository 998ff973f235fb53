-- revision: 8d3f0b7e4c98
-- revises: 5a0c7e4b1f65
-- message: add stock to products
-- create-date: 2026-11-12 15:20:00

-- +upgrade
-- Feature branch "inventory", developed alongside "reviews" (see 6b1d8f5c2a76).
ALTER TABLE products ADD COLUMN stock INT DEFAULT 0 NOT NULL;
UPDATE products SET stock = 25;

-- +downgrade
ALTER TABLE products DROP COLUMN stock;
