DROP TRIGGER IF EXISTS csdb_customer_status_to_predictions ON customers;
DROP FUNCTION IF EXISTS csdb_customer_status_to_predictions();
DROP TRIGGER IF EXISTS csdb_churn_prediction_customer_status ON churn_predictions;
DROP FUNCTION IF EXISTS csdb_churn_prediction_customer_status();
ALTER TABLE churn_predictions DROP COLUMN IF EXISTS customer_status;
