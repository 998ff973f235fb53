-- revision: 3c4d5e6f7081
-- revises: 2b3c4d5e6f70
-- message: seed data_products
-- create-date: 2026-11-21 11:00:00

-- +upgrade
INSERT INTO data_products (id, name, status) VALUES (1, 'orders', 'published');
INSERT INTO data_products (id, name) VALUES (2, 'customers');

-- +downgrade
DELETE FROM data_products WHERE id IN (1, 2);
