-- The index of migration v2_indexes, as it created it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_churn_predictions_probability ON churn_predictions (customer_status, churn_probability, id) INCLUDE (churn_risk_level, client_id);

DROP INDEX CONCURRENTLY IF EXISTS ix_churn_predictions_level_probability;
