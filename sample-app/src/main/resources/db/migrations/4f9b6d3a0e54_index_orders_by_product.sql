-- revision: 4f9b6d3a0e54
-- revises: 3e8a5c2f9d43
-- message: index orders by product
-- create-date: 2026-11-06 11:00:00

-- +upgrade
CREATE INDEX orders_product_idx ON orders (product_id);

-- +downgrade
DROP INDEX orders_product_idx;
