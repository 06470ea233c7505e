//! Schema v2, part 2: the index migration runs outside a transaction (CREATE/DROP INDEX
//! CONCURRENTLY), so upgrading a live database blocks no writer; a failed concurrent build is
//! cleaned up by the next run; `upgrade_to`/`downgrade_to` move between the original index set
//! and v2's; churn_predictions.customer_status follows its customer.
mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{dump, expected_schema_head, index_names, insert_minimal, unique, TestDatabase};
use customer_success_db::migrations;
use customer_success_db::Error;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};

/// The last migration before the index migration: schema v2 with the original index set.
const BEFORE_INDEXES: &str = "v2_query_support";
const INDEXES: &str = "v2_indexes";

/// The versions of the migrations after `name`, oldest first (the index migration and whatever
/// later migrations the head has).
fn versions_after(name: &str) -> Vec<String> {
    let target = migrations::find(name).unwrap().name;
    let at = migrations::SQL
        .iter()
        .position(|m| m.name == target)
        .unwrap();
    migrations::SQL[at + 1..]
        .iter()
        .map(|m| m.version())
        .collect()
}

#[derive(QueryableByName, Debug)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn index_is_valid(conn: &mut PgConnection, name: &str) -> Option<bool> {
    #[derive(QueryableByName)]
    struct Valid {
        #[diesel(sql_type = Bool)]
        valid: bool,
    }
    diesel::sql_query(
        "SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE c.relname = $1",
    )
    .bind::<Text, _>(name)
    .get_result::<Valid>(conn)
    .optional()
    .unwrap()
    .map(|v| v.valid)
}

#[test]
fn the_index_migration_is_marked_to_run_outside_a_transaction_and_the_rest_inside() {
    use diesel::migration::MigrationSource;
    let embedded = MigrationSource::<diesel::pg::Pg>::migrations(&migrations::MIGRATIONS).unwrap();
    assert_eq!(embedded.len(), migrations::SQL.len());
    for (m, sql) in embedded.iter().zip(migrations::SQL) {
        assert_eq!(m.name().to_string(), sql.name);
        assert_eq!(
            m.metadata().run_in_transaction(),
            sql.run_in_transaction,
            "{}: metadata.toml and the migration_sql! list disagree",
            sql.name
        );
        // Every statement of a migration that runs outside a transaction is one that may.
        if !sql.run_in_transaction {
            for statement in migrations::statements(sql.up)
                .into_iter()
                .chain(migrations::statements(sql.down))
            {
                let code: String = statement
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("--"))
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(
                    code.starts_with("DO $$")
                        || code.contains("INDEX CONCURRENTLY IF NOT EXISTS")
                        || code.contains("INDEX CONCURRENTLY IF EXISTS"),
                    "{}: a statement that is neither CONCURRENTLY nor the cleanup: {code}",
                    sql.name
                );
            }
        }
    }
    let indexes = migrations::find(INDEXES).unwrap();
    assert!(!indexes.run_in_transaction);
    assert!(migrations::find(BEFORE_INDEXES).unwrap().run_in_transaction);
}

#[test]
fn statements_split_on_semicolons_outside_quotes_comments_and_dollar_bodies() {
    let script = "-- one; still a comment\nCREATE INDEX a ON t (x);\n\n\
                  DO $$ BEGIN PERFORM 1; PERFORM 'x;y'; END $$;\n\
                  SELECT 'it''s; fine', \"odd;name\" FROM t WHERE y = $1; /* c; */ \
                  DO $body$ SELECT ';' $body$;\n-- trailing comment only\n";
    let s = migrations::statements(script);
    assert_eq!(
        s,
        [
            "-- one; still a comment\nCREATE INDEX a ON t (x)",
            "DO $$ BEGIN PERFORM 1; PERFORM 'x;y'; END $$",
            "SELECT 'it''s; fine', \"odd;name\" FROM t WHERE y = $1",
            "/* c; */ DO $body$ SELECT ';' $body$",
        ]
    );
    assert!(migrations::statements("  -- nothing\n\n").is_empty());
}

#[test]
fn upgrade_to_and_downgrade_to_move_between_the_original_index_set_and_v2() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    let applied = migrations::upgrade_to(&mut conn, BEFORE_INDEXES).unwrap();
    assert_eq!(
        applied.last().unwrap(),
        &migrations::find(BEFORE_INDEXES).unwrap().version()
    );
    assert_eq!(
        migrations::pending(&mut conn).unwrap()[0],
        migrations::find(INDEXES).unwrap().name
    );
    let original = index_names(&mut conn);
    assert!(original
        .iter()
        .any(|i| i == "ix_support_tickets_priority_created"));
    assert!(!original.iter().any(|i| i == "ix_support_tickets_sla_open"));
    // Already there: nothing to do.
    assert!(migrations::upgrade_to(&mut conn, BEFORE_INDEXES)
        .unwrap()
        .is_empty());

    // The full version and the full name name the same migration.
    let head = migrations::SQL.last().unwrap();
    assert_eq!(
        migrations::upgrade_to(&mut conn, &head.version()).unwrap(),
        versions_after(BEFORE_INDEXES)
    );
    let v2 = index_names(&mut conn);
    assert!(v2.iter().any(|i| i == "ix_support_tickets_sla_open"));
    assert!(!v2
        .iter()
        .any(|i| i == "ix_support_tickets_priority_created"));
    common::assert_same_lines(&dump(&mut conn), &expected_schema_head(), "upgrade_to head");

    // And back: exactly the original index set again. (A date alone names nothing.)
    assert!(migrations::downgrade_to(&mut conn, head.name.split_once('_').unwrap().0).is_err());
    let reverted = migrations::downgrade_to(&mut conn, BEFORE_INDEXES).unwrap();
    let mut newest_first = versions_after(BEFORE_INDEXES);
    newest_first.reverse();
    assert_eq!(reverted, newest_first);
    assert_eq!(index_names(&mut conn), original);
}

#[test]
fn unknown_or_unapplied_targets_are_clear_errors_that_change_nothing() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    migrations::upgrade_to(&mut conn, "v2_constraints").unwrap();
    let before = migrations::applied(&mut conn).unwrap();

    let e = migrations::upgrade_to(&mut conn, "v9_nonsense").unwrap_err();
    assert!(matches!(e, Error::Migration { .. }), "{e:?}");
    let text = e.to_string();
    assert!(text.contains("v9_nonsense"), "{text}");
    assert!(
        text.contains("2026-11-30-000005_v2_indexes"),
        "lists the names: {text}"
    );

    let e = migrations::downgrade_to(&mut conn, INDEXES).unwrap_err();
    assert!(e.to_string().contains("is not applied"), "{e}");
    assert_eq!(migrations::applied(&mut conn).unwrap(), before);
}

#[test]
fn a_failed_concurrent_build_left_invalid_is_rebuilt_by_the_next_run() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    migrations::upgrade_to(&mut conn, BEFORE_INDEXES).unwrap();
    // Two customers with the same CSM and stage, so a UNIQUE concurrent build fails and leaves
    // an INVALID index under the name the migration is about to create.
    for _ in 0..2 {
        let key = format!("'inv-{}'", unique());
        insert_minimal(
            &mut conn,
            "customers",
            &[("client_id", &key), ("csm_assigned", "'Pat'")],
        )
        .unwrap();
    }
    let failed = conn.batch_execute(
        "CREATE UNIQUE INDEX CONCURRENTLY ix_customers_csm_stage ON customers (csm_assigned)",
    );
    assert!(failed.is_err(), "the unique build must fail on duplicates");
    assert_eq!(
        index_is_valid(&mut conn, "ix_customers_csm_stage"),
        Some(false),
        "PostgreSQL leaves the failed build behind, INVALID"
    );

    migrations::run_pending(&mut conn).unwrap();
    assert_eq!(
        index_is_valid(&mut conn, "ix_customers_csm_stage"),
        Some(true)
    );
    common::assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "after rebuilding the invalid index",
    );
}

#[test]
fn the_offline_script_runs_the_index_migration_outside_its_transaction() {
    let script = migrations::upgrade_sql();
    let at = script
        .find("-- Running 2026-11-30-000005_v2_indexes")
        .unwrap();
    let tail = &script[at..];
    // Up to the next migration's section.
    let tail = &tail[..tail[1..].find("-- Running ").map_or(tail.len(), |i| i + 1)];
    let commit = tail.find("\nCOMMIT;\n").unwrap();
    let begin = tail.find("\nBEGIN;\n").unwrap();
    assert!(
        commit < tail.find("INDEX CONCURRENTLY").unwrap(),
        "closes the transaction first"
    );
    assert!(
        tail.rfind("INDEX CONCURRENTLY").unwrap() < begin,
        "and reopens it after"
    );
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    // psql sends the statements one by one; so does this.
    for statement in migrations::statements(&script) {
        conn.batch_execute(statement)
            .unwrap_or_else(|e| panic!("{e}: {statement}"));
    }
    common::assert_same_lines(&dump(&mut conn), &expected_schema_head(), "upgrade_sql()");
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
}

/// The upgrade of a live database: a writer inserts tickets (the table that gains and loses the
/// most indexes) every few milliseconds while the index migration runs, and another session
/// holds a write transaction open for 3 s meanwhile. A plain CREATE INDEX would queue behind that
/// transaction and every later writer behind it; CONCURRENTLY waits for it without blocking
/// anyone.
#[test]
fn upgrading_a_live_database_blocks_no_writer_and_loses_no_write() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    migrations::upgrade_to(&mut conn, BEFORE_INDEXES).unwrap();
    let customer = format!("live-{}", unique());
    insert_minimal(
        &mut conn,
        "customers",
        &[("client_id", &format!("'{customer}'"))],
    )
    .unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let url = db.url().to_owned();
        let stop = Arc::clone(&stop);
        let customer = customer.clone();
        std::thread::spawn(move || {
            let mut conn: PgConnection = PgConnection::establish(&url).unwrap();
            let mut acknowledged = Vec::new();
            let mut slowest = Duration::ZERO;
            let mut n = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let ticket = format!("{customer}-t{n}");
                let started = Instant::now();
                insert_minimal(
                    &mut conn,
                    "support_tickets",
                    &[
                        ("ticket_id", &format!("'{ticket}'")),
                        ("client_id", &format!("'{customer}'")),
                        ("priority", "'high'"),
                        ("status", "'open'"),
                    ],
                )
                .unwrap();
                slowest = slowest.max(started.elapsed());
                acknowledged.push(ticket);
                n += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            (acknowledged, slowest)
        })
    };
    let long_transaction = {
        let url = db.url().to_owned();
        let customer = customer.clone();
        std::thread::spawn(move || {
            let mut conn: PgConnection = PgConnection::establish(&url).unwrap();
            conn.batch_execute("BEGIN").unwrap();
            insert_minimal(
                &mut conn,
                "support_tickets",
                &[
                    ("ticket_id", &format!("'{customer}-long'")),
                    ("client_id", &format!("'{customer}'")),
                ],
            )
            .unwrap();
            conn.batch_execute("SELECT pg_sleep(3); COMMIT").unwrap();
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let upgraded = Instant::now();
    let applied = migrations::run_pending(&mut conn).unwrap();
    let upgrade_took = upgraded.elapsed();
    long_transaction.join().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stop.store(true, Ordering::Relaxed);
    let (acknowledged, slowest) = writer.join().unwrap();

    assert_eq!(applied, versions_after(BEFORE_INDEXES));
    // The upgrade had to wait for the long transaction, so it overlapped it and the writer.
    assert!(
        upgrade_took > Duration::from_secs(1),
        "the upgrade did not overlap the long transaction ({upgrade_took:?})"
    );
    assert!(
        slowest < Duration::from_secs(1),
        "a write waited {slowest:?} during the upgrade"
    );
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let stored =
        diesel::sql_query("SELECT count(*) AS n FROM support_tickets WHERE ticket_id = ANY($1)")
            .bind::<diesel::sql_types::Array<Text>, _>(&acknowledged)
            .get_result::<N>(&mut conn)
            .unwrap()
            .n;
    assert!(
        acknowledged.len() > 50,
        "the writer ran ({} writes)",
        acknowledged.len()
    );
    assert_eq!(
        stored,
        acknowledged.len() as i64,
        "every acknowledged write is stored"
    );
    common::assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "after the live upgrade",
    );
}

/// Every foreign key keeps an index that leads with its columns: a cascade delete from the parent
/// finds the children through it (the diet must not take that away).
#[test]
fn every_foreign_key_column_leads_an_index_at_head() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let unindexed = diesel::sql_query(
        "SELECT conrelid::regclass::text || '(' || a.attname || ')' AS name \
           FROM pg_constraint c \
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
          WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace \
            AND NOT EXISTS (SELECT 1 FROM pg_index i \
                             WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])",
    )
    .load::<Name>(&mut conn)
    .unwrap();
    assert!(unindexed.is_empty(), "{unindexed:?}");
}

#[test]
fn a_prediction_carries_its_customers_status_whatever_is_written() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let customer = format!("cs-{}", unique());
    insert_minimal(
        &mut conn,
        "customers",
        &[("client_id", &format!("'{customer}'"))],
    )
    .unwrap();
    let status = |conn: &mut PgConnection| -> Vec<String> {
        diesel::sql_query(
            "SELECT customer_status AS name FROM churn_predictions WHERE client_id = $1 ORDER BY id",
        )
        .bind::<Text, _>(&customer)
        .load::<Name>(conn)
        .unwrap()
        .into_iter()
        .map(|n| n.name)
        .collect()
    };
    let predict = |conn: &mut PgConnection, written: &str| {
        insert_minimal(
            conn,
            "churn_predictions",
            &[
                ("client_id", &format!("'{customer}'")),
                ("churn_probability", "0.9"),
                ("churn_risk_level", "'high'"),
                ("customer_status", &format!("'{written}'")),
            ],
        )
    };
    predict(&mut conn, "active").unwrap();
    conn.batch_execute(&format!(
        "UPDATE customers SET status = 'at_risk' WHERE client_id = '{customer}'"
    ))
    .unwrap();
    assert_eq!(status(&mut conn), ["at_risk"]);
    // A value written directly is replaced by the customer's.
    predict(&mut conn, "churned").unwrap();
    conn.batch_execute(&format!(
        "UPDATE churn_predictions SET customer_status = 'bogus' WHERE client_id = '{customer}'"
    ))
    .unwrap();
    assert_eq!(status(&mut conn), ["at_risk", "at_risk"]);
    // A status change in a multi-row UPDATE reaches every prediction.
    conn.batch_execute(&format!(
        "UPDATE customers SET status = 'churned' WHERE client_id IN ('{customer}', 'nobody')"
    ))
    .unwrap();
    assert_eq!(status(&mut conn), ["churned", "churned"]);

    // A prediction for no customer is still the foreign key's error, not a NULL's.
    let e = Error::from(
        insert_minimal(
            &mut conn,
            "churn_predictions",
            &[("client_id", "'no-such-customer'")],
        )
        .unwrap_err(),
    );
    assert!(matches!(e, Error::ForeignKeyViolation { .. }), "{e:?}");
}

/// `csdb_sla_alarming` is exactly "`csdb_sla_status` is breached or at risk", over a grid that
/// covers every branch and boundary (to the second, around 75 % and 100 % of the SLA), NULLs
/// included.
#[test]
fn sla_alarming_is_exactly_breached_or_at_risk() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    #[derive(QueryableByName)]
    struct Counts {
        #[diesel(sql_type = BigInt)]
        cases: i64,
        #[diesel(sql_type = BigInt)]
        alarming: i64,
        #[diesel(sql_type = BigInt)]
        mismatches: i64,
    }
    let c: Counts = diesel::sql_query(
        "WITH grid AS (
             SELECT s AS started, f AS finished, m AS sla, a AS at
               FROM (VALUES (NULL::timestamptz), ('2026-01-01 00:00:00+00')) AS st(s)
         CROSS JOIN (VALUES (NULL::integer), (0), (1), (4), (60)) AS sl(m)
         CROSS JOIN LATERAL (SELECT NULL::timestamptz AS f
                             UNION ALL
                             SELECT s + k * interval '15 seconds'
                               FROM generate_series(-2, 20) k) AS fi
         CROSS JOIN LATERAL (SELECT s + k * interval '15 seconds' AS a
                               FROM generate_series(-2, 20) k
                             UNION ALL SELECT NULL) AS at_)
         SELECT count(*) AS cases,
                count(*) FILTER (WHERE csdb_sla_alarming(started, finished, sla, at)) AS alarming,
                count(*) FILTER (WHERE csdb_sla_alarming(started, finished, sla, at)
                    IS DISTINCT FROM
                    coalesce(csdb_sla_status(started, finished, sla, at)
                             IN ('breached', 'at_risk'), false)) AS mismatches
           FROM grid",
    )
    .get_result(&mut conn)
    .unwrap();
    assert!(
        c.cases > 1000 && c.alarming > 100,
        "{} cases, {} alarming",
        c.cases,
        c.alarming
    );
    assert_eq!(c.mismatches, 0);
}
