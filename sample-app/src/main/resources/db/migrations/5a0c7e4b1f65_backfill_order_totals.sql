-- revision: 5a0c7e4b1f65
-- revises: 4f9b6d3a0e54
-- message: store order totals and backfill them
-- create-date: 2026-11-09 16:45:00

-- +upgrade
-- A data migration: add the column nullable, fill it from the prices, then require it.
ALTER TABLE orders ADD COLUMN total_cents BIGINT;

UPDATE orders
   SET total_cents = quantity * (SELECT p.price_cents FROM products p WHERE p.id = orders.product_id)
 WHERE total_cents IS NULL;

ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL;

-- +downgrade
ALTER TABLE orders DROP COLUMN total_cents;
