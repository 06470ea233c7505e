-- Schema v2, part 2: the CSM workload dashboard from a summary the database keeps.
--
-- Why: the dashboard (queries::csm_workload) groups every active customer by CSM. Even as an
-- index-only scan of ix_customers_csm_workload that reads all of them: 24-28 ms at 100k demo
-- customers, 111 ms at 1M, and only 1.5-1.8x faster than the original index set's sequential
-- scan. It has one row per CSM (about 50), so the database keeps those rows: the dashboard then
-- reads a table of a few dozen rows, whatever the number of customers.
--
-- What is kept: per CSM (NULL: active customers without one), the number of ACTIVE customers and
-- the sum of their health scores (the dashboard shows only active customers; other statuses are
-- not summarised, so writes to them cost nothing here). The average is health_sum / count.
--
-- How it stays exact: statement-level AFTER INSERT / UPDATE / DELETE triggers on customers with
-- transition tables (one summary change per CSM per statement, so a COPY of 100k customers costs
-- one aggregate, not 100k updates) and an AFTER TRUNCATE trigger. Each statement's changes are
-- netted per CSM first, so an UPDATE that changes neither status, CSM nor score writes nothing.
--
-- Write contention, measured (BENCHMARKS.md, "CSM workload summary: write cost";
-- benches/summary_contention.py): customers.health_score is rewritten by the health-score trigger
-- on every health_scores insert, so every such insert also changes its CSM's summary. With ONE
-- row per CSM, that row's lock is held until the writer commits: concurrent transactions on
-- customers of one CSM queue behind each other, and one long transaction (a nightly job rescoring
-- every customer) blocks every other health-score insert until it commits. So a CSM may have
-- several rows ("slots"), summed on read: a writer updates a slot of its CSM that no other
-- transaction holds (FOR UPDATE SKIP LOCKED; its own are not skipped) or, when every slot is
-- held, inserts a new one. A writer therefore never waits for another one here, and never
-- deadlocks on this table. Slots only multiply while writers of one CSM actually overlap, a slot
-- whose count and sum reach 0 is deleted by the writer that holds it, and
-- csdb_rebuild_csm_workload_summary() (maintenance::refresh_derived_values, `csdb refresh`)
-- folds them back to one row per CSM. Deltas of one statement are applied in CSM order.
CREATE TABLE csm_workload_summary (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    csm_assigned varchar(200),
    customer_count integer NOT NULL,
    health_sum bigint NOT NULL
);

COMMENT ON TABLE csm_workload_summary IS
    'Active customers per CSM and the sum of their health scores, kept by triggers on customers (a CSM may have several rows: sum them); read by the CSM workload dashboard. Derived: never write it.';

-- Applies one CSM's change: to a slot of that CSM no other transaction holds, or to a new one.
CREATE FUNCTION csdb_csm_workload_add(csm varchar, customers_delta integer, health_delta bigint)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    slot bigint;
    remaining_count integer;
    remaining_health bigint;
BEGIN
    SELECT s.id INTO slot
      FROM csm_workload_summary s
     WHERE s.csm_assigned IS NOT DISTINCT FROM csm
     LIMIT 1
       FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
        UPDATE csm_workload_summary s
           SET customer_count = s.customer_count + customers_delta,
               health_sum = s.health_sum + health_delta
         WHERE s.id = slot
        RETURNING s.customer_count, s.health_sum INTO remaining_count, remaining_health;
        IF remaining_count = 0 AND remaining_health = 0 THEN
            DELETE FROM csm_workload_summary s WHERE s.id = slot;
        END IF;
    ELSE
        INSERT INTO csm_workload_summary (csm_assigned, customer_count, health_sum)
        VALUES (csm, customers_delta, health_delta);
    END IF;
END
$$;

-- The statement's net change per CSM, from its transition tables (`new_rows` after, `old_rows`
-- before; only the ones the event has are referenced).
CREATE FUNCTION csdb_csm_workload_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    d record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        FOR d IN
            SELECT n.csm_assigned, count(*)::integer AS customers_delta,
                   sum(n.health_score)::bigint AS health_delta
              FROM new_rows n
             WHERE n.status = 'active'
             GROUP BY n.csm_assigned
             ORDER BY n.csm_assigned NULLS LAST
        LOOP
            PERFORM csdb_csm_workload_add(d.csm_assigned, d.customers_delta, d.health_delta);
        END LOOP;
    ELSIF TG_OP = 'DELETE' THEN
        FOR d IN
            SELECT o.csm_assigned, -count(*)::integer AS customers_delta,
                   -sum(o.health_score)::bigint AS health_delta
              FROM old_rows o
             WHERE o.status = 'active'
             GROUP BY o.csm_assigned
             ORDER BY o.csm_assigned NULLS LAST
        LOOP
            PERFORM csdb_csm_workload_add(d.csm_assigned, d.customers_delta, d.health_delta);
        END LOOP;
    ELSE
        FOR d IN
            SELECT c.csm_assigned, sum(c.n)::integer AS customers_delta,
                   sum(c.h)::bigint AS health_delta
              FROM (
                    SELECT n.csm_assigned, 1 AS n, n.health_score::bigint AS h
                      FROM new_rows n WHERE n.status = 'active'
                    UNION ALL
                    SELECT o.csm_assigned, -1, -o.health_score::bigint
                      FROM old_rows o WHERE o.status = 'active'
                   ) c
             GROUP BY c.csm_assigned
            HAVING sum(c.n) <> 0 OR sum(c.h) <> 0
             ORDER BY c.csm_assigned NULLS LAST
        LOOP
            PERFORM csdb_csm_workload_add(d.csm_assigned, d.customers_delta, d.health_delta);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION csdb_csm_workload_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM csm_workload_summary;
    RETURN NULL;
END
$$;

-- (PostgreSQL allows transition tables only on single-event triggers: one trigger per event.)
CREATE TRIGGER csdb_csm_workload_insert
    AFTER INSERT ON customers REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_csm_workload_sync();
CREATE TRIGGER csdb_csm_workload_update
    AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_csm_workload_sync();
CREATE TRIGGER csdb_csm_workload_delete
    AFTER DELETE ON customers REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_csm_workload_sync();
CREATE TRIGGER csdb_csm_workload_truncate
    AFTER TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION csdb_csm_workload_truncate();

-- Rebuilds the summary from customers: one row per CSM. Returns how many CSMs' stored totals
-- differed from the customers table (0 unless something bypassed the triggers, e.g.
-- session_replication_role = replica or ALTER TABLE ... DISABLE TRIGGER). The EXCLUSIVE lock waits
-- for every transaction that changed the summary to end, and holds back the triggers of new ones
-- until this transaction ends, so what is read from customers is exactly what the summary must
-- hold: the changes of transactions still to commit are applied on top by their triggers.
CREATE FUNCTION csdb_rebuild_csm_workload_summary() RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    drifted bigint;
BEGIN
    LOCK TABLE csm_workload_summary IN EXCLUSIVE MODE;
    -- (A new snapshot per statement, taken after the lock: both statements read the same
    -- summarised state of customers, since no change to it can commit while the lock is held.)
    -- A CSM drifted when its stored totals and the customers' disagree (either side missing
    -- included): the CSMs of the symmetric difference, NULL grouped as one.
    WITH stored AS (
        SELECT s.csm_assigned, sum(s.customer_count)::integer AS customer_count,
               sum(s.health_sum)::bigint AS health_sum
          FROM csm_workload_summary s
         GROUP BY s.csm_assigned
        HAVING sum(s.customer_count) <> 0 OR sum(s.health_sum) <> 0
    ), truth AS (
        SELECT c.csm_assigned, count(*)::integer AS customer_count,
               sum(c.health_score)::bigint AS health_sum
          FROM customers c
         WHERE c.status = 'active'
         GROUP BY c.csm_assigned
    )
    SELECT count(*) INTO drifted
      FROM (SELECT d.csm_assigned
              FROM ((TABLE stored EXCEPT TABLE truth) UNION ALL (TABLE truth EXCEPT TABLE stored)) d
             GROUP BY d.csm_assigned) g;
    DELETE FROM csm_workload_summary;
    INSERT INTO csm_workload_summary (csm_assigned, customer_count, health_sum)
        SELECT c.csm_assigned, count(*)::integer, sum(c.health_score)::bigint
          FROM customers c
         WHERE c.status = 'active'
         GROUP BY c.csm_assigned
         ORDER BY c.csm_assigned NULLS LAST;
    RETURN drifted;
END
$$;

-- Existing customers (a database being upgraded or adopted), after the triggers exist: creating
-- them locked customers against writes until this migration commits, so nothing is missed.
INSERT INTO csm_workload_summary (csm_assigned, customer_count, health_sum)
    SELECT c.csm_assigned, count(*)::integer, sum(c.health_score)::bigint
      FROM customers c
     WHERE c.status = 'active'
     GROUP BY c.csm_assigned
     ORDER BY c.csm_assigned NULLS LAST;
