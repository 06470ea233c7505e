-- Reverts 2024-06-01-000001_create_customer_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE churn_predictions;
DROP TABLE risk_indicators;
DROP TABLE customer_segments;
DROP TABLE health_scores;
DROP TABLE customers;
