-- Schema v2, part 2: what the dashboards' new indexes need from the schema (migration
-- v2_indexes follows): churn_predictions.customer_status, the status of the prediction's
-- customer, kept equal to customers.status by the database; and a faster csdb_sla_status().
--
-- Why: the churn-risk dashboard lists the predictions of ACTIVE customers, most likely to churn
-- first. Most high-risk predictions belong to customers who have already churned, so a scan in
-- probability order had to look up thousands of customers to find one page of active ones (at
-- 100k demo customers: 3,104 lookups for 100 rows, 33 ms). With the status on the prediction, an
-- index on (customer_status, churn_probability, id) serves the page directly (migration
-- v2_indexes). It is a derived value, so no writer maintains it: the triggers below do, and any
-- value written to it is replaced.

ALTER TABLE churn_predictions
    ADD COLUMN customer_status varchar(20) NOT NULL DEFAULT 'active';

COMMENT ON COLUMN churn_predictions.customer_status IS
    'The status of the prediction''s customer (customers.status), kept equal to it by the database (triggers); a value written here is replaced.';

UPDATE churn_predictions p
   SET customer_status = c.status
  FROM customers c
 WHERE c.client_id = p.client_id
   AND p.customer_status IS DISTINCT FROM c.status;

-- A new or re-pointed prediction takes its customer's status. (No customer: the value stays the
-- default, and the foreign key then rejects the row with its own, clearer error.)
CREATE FUNCTION csdb_churn_prediction_customer_status() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    current_status varchar(20);
BEGIN
    SELECT c.status INTO current_status FROM customers c WHERE c.client_id = NEW.client_id;
    IF FOUND THEN
        NEW.customer_status := current_status;
    ELSIF TG_OP = 'UPDATE' THEN
        NEW.customer_status := OLD.customer_status;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER csdb_churn_prediction_customer_status
    BEFORE INSERT OR UPDATE OF client_id, customer_status ON churn_predictions
    FOR EACH ROW EXECUTE FUNCTION csdb_churn_prediction_customer_status();

-- A customer whose status changes passes it to its predictions: one statement per UPDATE of
-- customers, whatever its size (transition tables; PostgreSQL does not allow them together with
-- an `UPDATE OF status` column list, hence the comparison of old and new rows).
CREATE FUNCTION csdb_customer_status_to_predictions() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE churn_predictions p
       SET customer_status = n.status
      FROM new_rows n
      JOIN old_rows o ON o.id = n.id
     WHERE n.status IS DISTINCT FROM o.status
       AND p.client_id = n.client_id
       AND p.customer_status IS DISTINCT FROM n.status;
    RETURN NULL;
END
$$;

CREATE TRIGGER csdb_customer_status_to_predictions
    AFTER UPDATE ON customers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_customer_status_to_predictions();

-- The SLA monitor evaluates csdb_sla_status() for every open ticket it walks. The same rules in
-- interval arithmetic instead of numeric seconds: identical results (both are exact to the
-- microsecond; the Rust twin `SlaStatus::at` is checked against this function by a property
-- test), about twice as fast (counting the alarming open tickets of 100k demo customers: 50 ms
-- instead of 110 ms).
CREATE OR REPLACE FUNCTION csdb_sla_status(started timestamptz, finished timestamptz, sla_minutes integer, at timestamptz)
RETURNS varchar(20)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN started IS NULL OR sla_minutes IS NULL THEN 'not_applicable'
        WHEN finished IS NOT NULL THEN
            CASE WHEN finished - started <= sla_minutes * interval '1 minute' THEN 'met' ELSE 'breached' END
        WHEN at - started > sla_minutes * interval '1 minute' THEN 'breached'
        WHEN (at - started) * 4 > sla_minutes * interval '3 minutes' THEN 'at_risk'
        ELSE 'not_applicable'
    END::varchar(20)
$$;

-- Whether an SLA needs attention at `at`: exactly when csdb_sla_status() is 'breached' or
-- 'at_risk' (a test compares the two over a grid of values, NULLs included), as a boolean. The
-- SLA monitor filters with it: no status text is built and compared for each ticket it walks.
CREATE FUNCTION csdb_sla_alarming(started timestamptz, finished timestamptz, sla_minutes integer, at timestamptz)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- IS TRUE: never NULL (an unknown `at` is not alarming, as csdb_sla_status says
    -- 'not_applicable').
    SELECT (started IS NOT NULL AND sla_minutes IS NOT NULL AND CASE
        WHEN finished IS NOT NULL THEN finished - started > sla_minutes * interval '1 minute'
        ELSE (at - started) * 4 > sla_minutes * interval '3 minutes'
    END) IS TRUE
$$;
