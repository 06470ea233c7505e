DROP FUNCTION IF EXISTS csdb_sla_alarming(timestamptz, timestamptz, integer, timestamptz);
-- csdb_sla_status() as migration v2_derived_values defined it.
CREATE OR REPLACE FUNCTION csdb_sla_status(started timestamptz, finished timestamptz, sla_minutes integer, at timestamptz)
RETURNS varchar(20)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN started IS NULL OR sla_minutes IS NULL THEN 'not_applicable'
        WHEN finished IS NOT NULL THEN
            CASE WHEN extract(epoch FROM finished - started) <= sla_minutes * 60.0 THEN 'met' ELSE 'breached' END
        WHEN extract(epoch FROM at - started) > sla_minutes * 60.0 THEN 'breached'
        WHEN extract(epoch FROM at - started) * 4 > sla_minutes * 60.0 * 3 THEN 'at_risk'
        ELSE 'not_applicable'
    END::varchar(20)
$$;
DROP TRIGGER IF EXISTS csdb_customer_status_to_predictions ON customers;
DROP FUNCTION IF EXISTS csdb_customer_status_to_predictions();
DROP TRIGGER IF EXISTS csdb_churn_prediction_customer_status ON churn_predictions;
DROP FUNCTION IF EXISTS csdb_churn_prediction_customer_status();
ALTER TABLE churn_predictions DROP COLUMN IF EXISTS customer_status;
