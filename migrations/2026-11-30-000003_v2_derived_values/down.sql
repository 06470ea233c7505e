-- Reverts 2026-11-30-000003_v2_derived_values. (Values it brought up to date stay as they are.)
DROP FUNCTION csdb_refresh_derived_values(timestamptz);
DROP FUNCTION csdb_sla_status(timestamptz, timestamptz, integer, timestamptz);
DROP TRIGGER health_scores_sync_customer_delete ON health_scores;
DROP TRIGGER health_scores_sync_customer_update ON health_scores;
DROP TRIGGER health_scores_sync_customer_insert ON health_scores;
DROP FUNCTION csdb_sync_customer_health_score();
