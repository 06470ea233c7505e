-- Schema v2, part 1: derived values that cannot go stale.
--
-- 1. customers.health_score follows the customer's latest health assessment: after every
--    statement that inserts, updates or deletes health_scores rows, each affected customer's
--    health_score becomes round(overall_score) of its latest row (newest created_at, then
--    highest id) that has an overall score. Statement-level triggers with transition tables
--    make a bulk COPY cost one UPDATE, not one per row. A customer with no assessment keeps
--    the value it was given.
-- 2. SLA states are a function of time: csdb_sla_status() computes one from the ticket's
--    timestamps, its SLA minutes and the moment asked about. The SLA dashboard evaluates it
--    at query time; csdb_refresh_derived_values() (`csdb refresh`) rewrites the stored
--    *_sla_status columns and renewal_forecasts.days_until_renewal for readers that use them.
-- 3. Existing customers' scores are brought up to date once, here (the stored SLA states and
--    days_until_renewal wait for the first refresh: they depend on the clock).

CREATE FUNCTION csdb_sync_customer_health_score() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Transition tables: `changed` holds the rows after (insert/update) or before (delete) the
    -- statement; an update that moves a row to another customer also refreshes the old one.
    IF TG_OP = 'UPDATE' THEN
        UPDATE customers c SET health_score = latest.score
        FROM (
            SELECT DISTINCT ON (h.client_id) h.client_id, round(h.overall_score::numeric)::integer AS score
            FROM health_scores h
            WHERE h.overall_score IS NOT NULL
              AND h.client_id IN (SELECT client_id FROM changed UNION SELECT client_id FROM before_change)
            ORDER BY h.client_id, h.created_at DESC, h.id DESC
        ) latest
        WHERE c.client_id = latest.client_id AND c.health_score IS DISTINCT FROM latest.score;
    ELSE
        UPDATE customers c SET health_score = latest.score
        FROM (
            SELECT DISTINCT ON (h.client_id) h.client_id, round(h.overall_score::numeric)::integer AS score
            FROM health_scores h
            WHERE h.overall_score IS NOT NULL
              AND h.client_id IN (SELECT client_id FROM changed)
            ORDER BY h.client_id, h.created_at DESC, h.id DESC
        ) latest
        WHERE c.client_id = latest.client_id AND c.health_score IS DISTINCT FROM latest.score;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER health_scores_sync_customer_insert
    AFTER INSERT ON health_scores REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_sync_customer_health_score();
CREATE TRIGGER health_scores_sync_customer_update
    AFTER UPDATE ON health_scores REFERENCING OLD TABLE AS before_change NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_sync_customer_health_score();
CREATE TRIGGER health_scores_sync_customer_delete
    AFTER DELETE ON health_scores REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_sync_customer_health_score();

-- The state of one SLA at moment `at`: `finished` is when the work was done (first response or
-- resolution), NULL while pending. Met/breached once finished; while pending: breached past the
-- deadline, at_risk after 75 % of it, not_applicable before (no verdict yet). Pure arithmetic on
-- its arguments (timestamptz differences do not depend on the time zone), hence IMMUTABLE, and
-- a single SQL expression, so the planner inlines it. `SlaStatus::at` is its Rust twin.
CREATE FUNCTION csdb_sla_status(started timestamptz, finished timestamptz, sla_minutes integer, at timestamptz)
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

-- Rewrites every stored derived value that depends on the clock, as of `at`; returns the
-- number of rows changed. Only rows whose stored value differs are written.
CREATE FUNCTION csdb_refresh_derived_values(at timestamptz DEFAULT now()) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    tickets bigint;
    forecasts bigint;
BEGIN
    UPDATE support_tickets SET
        first_response_sla_status = csdb_sla_status(created_at, first_response_at, sla_first_response_minutes, at),
        resolution_sla_status = csdb_sla_status(created_at, resolved_at, sla_resolution_minutes, at)
    WHERE first_response_sla_status IS DISTINCT FROM csdb_sla_status(created_at, first_response_at, sla_first_response_minutes, at)
       OR resolution_sla_status IS DISTINCT FROM csdb_sla_status(created_at, resolved_at, sla_resolution_minutes, at);
    GET DIAGNOSTICS tickets = ROW_COUNT;
    UPDATE renewal_forecasts SET days_until_renewal = renewal_date - (at AT TIME ZONE 'UTC')::date
    WHERE days_until_renewal IS DISTINCT FROM renewal_date - (at AT TIME ZONE 'UTC')::date;
    GET DIAGNOSTICS forecasts = ROW_COUNT;
    RETURN tickets + forecasts;
END
$$;

UPDATE customers c SET health_score = latest.score
FROM (
    SELECT DISTINCT ON (h.client_id) h.client_id, round(h.overall_score::numeric)::integer AS score
    FROM health_scores h
    WHERE h.overall_score IS NOT NULL
    ORDER BY h.client_id, h.created_at DESC, h.id DESC
) latest
WHERE c.client_id = latest.client_id AND c.health_score IS DISTINCT FROM latest.score;
