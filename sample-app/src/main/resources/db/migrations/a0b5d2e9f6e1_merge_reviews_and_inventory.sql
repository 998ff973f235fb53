-- revision: a0b5d2e9f6e1
-- revises: 7c2e9a6d3b87, 9e4a1c8f5d09
-- message: merge reviews and inventory
-- create-date: 2026-11-18 08:30:00

-- +upgrade
-- The merge point is where the two features meet: a summary needs both.
CREATE VIEW product_summary AS
SELECT p.id, p.sku, p.name, p.stock, COUNT(r.id) AS review_count
  FROM products p
  LEFT JOIN product_reviews r ON r.product_id = p.id
 GROUP BY p.id, p.sku, p.name, p.stock;

-- +downgrade
DROP VIEW product_summary;
