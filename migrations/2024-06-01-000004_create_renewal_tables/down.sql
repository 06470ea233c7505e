-- Reverts 2024-06-01-000004_create_renewal_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE renewal_campaigns;
DROP TABLE expansion_opportunities;
DROP TABLE contracts;
DROP TABLE renewal_forecasts;
