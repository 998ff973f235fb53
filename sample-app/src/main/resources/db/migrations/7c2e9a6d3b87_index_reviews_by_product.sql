-- revision: 7c2e9a6d3b87
-- revises: 6b1d8f5c2a76
-- message: index reviews by product
-- create-date: 2026-11-13 10:00:00

-- +upgrade
CREATE INDEX product_reviews_product_idx ON product_reviews (product_id);

-- +downgrade
DROP INDEX product_reviews_product_idx;
