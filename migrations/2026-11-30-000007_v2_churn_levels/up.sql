-- Schema v2, part 2: churn risk's LAST page as cheap as its first.
-- Runs outside a transaction (metadata.toml), every statement CONCURRENTLY, like v2_indexes: an
-- online upgrade never blocks writers, and a run that failed half-way is simply run again.
--
-- Why: ix_churn_predictions_probability (customer_status, churn_probability, id) served the first
-- page of queries::churn_risk in probability order, with the risk level filtered from what it
-- read. After the last high/critical prediction of an active customer, though, the scan went on
-- through every remaining active prediction (the low and medium ones) to learn that there was no
-- more: the last keyset page cost 18.6 ms at 100k demo customers, the first 0.35 ms.
--
-- With the level in the index after the status, each level's predictions are their own range in
-- probability order. queries::churn_risk reads one range per risk level (a UNION ALL of four
-- branches, one per RiskLevel variant, each `level = $n AND $requested`: the statement's shape
-- does not depend on which levels are asked for, so it stays one cached prepared statement, and a
-- branch whose level was not asked for is skipped by its one-time filter), each range reading at
-- most the page's rows past the cursor, then merges them. A range ends where its level ends, so
-- the last page reads what the first does.
DO $$
BEGIN
    -- A CONCURRENTLY build that failed leaves an INVALID index behind, which `IF NOT EXISTS`
    -- would keep: drop it so the statement below builds it again.
    IF EXISTS (
        SELECT 1
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema()
           AND NOT i.indisvalid
           AND c.relname = 'ix_churn_predictions_level_probability'
    ) THEN
        DROP INDEX ix_churn_predictions_level_probability;
    END IF;
END
$$;

-- queries::churn_risk: per risk level, the predictions of active customers, most likely to churn
-- first (read backwards), then one customer lookup per row shown (ix_customers_client_summary).
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_churn_predictions_level_probability ON churn_predictions (customer_status, churn_risk_level, churn_probability, id) INCLUDE (client_id);

-- Replaced by the index above (no other query reads predictions in probability order).
DROP INDEX CONCURRENTLY IF EXISTS ix_churn_predictions_probability;
