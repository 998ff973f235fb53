-- revision: 1a2b3c4d5e6f
-- revises: base
-- message: create data_products
-- create-date: 2026-11-21 10:00:00

-- +upgrade
CREATE TABLE data_products (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

-- +downgrade
DROP TABLE data_products;
