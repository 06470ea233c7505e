//! The migrated database is exactly the target schema, and every migration operation works.
mod common;

use common::{
    assert_same_lines, dump, expected_schema, expected_schema_head, revert_to_original,
    TestDatabase,
};
use customer_success_db::migrations;
use diesel::connection::SimpleConnection;

/// The version of the newest migration.
fn head() -> String {
    migrations::SQL.last().unwrap().version()
}

#[test]
fn migrated_database_is_the_v2_head_and_reverts_to_the_original_schema_exactly() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let head = dump(&mut conn);
    assert_same_lines(&head, &expected_schema_head(), "migrated database (head)");
    // Schema v2 adds constraints, functions, triggers, one derived column
    // (churn_predictions.customer_status) and one derived table (csm_workload_summary, 4
    // columns), trades 58 of the original indexes for 10, and (v2_distribution_ready) gives
    // two children a client_id and the portfolio-wide sentiment analyses a table of their own
    // (16 columns, one index on period_start).
    let at_head = |prefix: &str, needle: &str| {
        head.iter()
            .filter(|l| l.starts_with(prefix) && l.contains(needle))
            .count()
    };
    assert_eq!(at_head("table ", ""), 26);
    assert_eq!(at_head("column ", ""), 433 + 4 + 2 + 16);
    assert_eq!(at_head("index ", ""), 134 - 58 + 10 + 1);
    assert_eq!(at_head("constraint ", "FOREIGN KEY"), 18);
    assert_eq!(at_head("constraint ", "ON DELETE CASCADE"), 18);
    // (The portfolio table repeats sentiment_analysis's six CHECKs.)
    assert_eq!(at_head("constraint ", " CHECK "), 12 + 126 + 6);
    assert_eq!(at_head("constraint ", " UNIQUE "), 17 + 1);

    // The original point is still exactly the original system's schema.
    revert_to_original(&mut conn);
    let actual = dump(&mut conn);
    assert_same_lines(&actual, &expected_schema(), "original point");

    // The headline numbers of the original system, counted independently of the fixture.
    let count = |prefix: &str, needle: &str| {
        actual
            .iter()
            .filter(|l| l.starts_with(prefix) && l.contains(needle))
            .count()
    };
    assert_eq!(count("table ", ""), 24);
    assert_eq!(count("column ", ""), 432);
    assert_eq!(count("index ", ""), 134);
    assert_eq!(count("index ", " ix_") + count("index ", ".ix_"), 134);
    assert_eq!(count("constraint ", "FOREIGN KEY"), 12);
    assert_eq!(count("constraint ", "ON DELETE CASCADE"), 12);
    assert_eq!(count("constraint ", " CHECK "), 12);
    assert_eq!(count("constraint ", " UNIQUE "), 17);
    assert_eq!(count("constraint ", "PRIMARY KEY (id)"), 24);
    assert_eq!(
        count("column ", ".id #1 bigint not null identity by default"),
        24
    );
}

#[test]
fn migrations_are_idempotent_and_report_state() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    let names = migrations::embedded_names().unwrap();
    assert_eq!(
        names,
        migrations::SQL.iter().map(|m| m.name).collect::<Vec<_>>(),
        "migrations::SQL must list every embedded migration, in order"
    );
    assert_eq!(migrations::pending(&mut conn).unwrap(), names);
    assert!(migrations::applied(&mut conn).unwrap().is_empty());

    let applied = migrations::run_pending(&mut conn).unwrap();
    assert_eq!(applied.len(), names.len());
    assert_eq!(applied[1], "20240601000001");
    assert!(
        migrations::run_pending(&mut conn).unwrap().is_empty(),
        "second run is a no-op"
    );
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
    assert_eq!(migrations::applied(&mut conn).unwrap(), applied);
    let history = migrations::history(&mut conn).unwrap();
    assert!(history.iter().all(|h| h.applied));
    assert_eq!(history.last().unwrap().version, head());
    assert!(history.iter().any(|h| h.version == common::original_head()));
}

#[test]
fn up_down_up_round_trip_gives_the_identical_schema() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    migrations::run_pending(&mut conn).unwrap();
    let first = dump(&mut conn);

    let reverted = migrations::revert_all(&mut conn).unwrap();
    assert_eq!(reverted.len(), migrations::SQL.len());
    assert_eq!(reverted[0], head(), "newest first");
    assert!(
        dump(&mut conn).is_empty(),
        "revert all leaves an empty public schema"
    );
    assert_eq!(
        common::count(&mut conn, "__diesel_schema_migrations", ""),
        0
    );

    migrations::run_pending(&mut conn).unwrap();
    assert_eq!(dump(&mut conn), first);

    // The seed's "always test rollback": upgrade, downgrade -1, upgrade.
    let last = migrations::revert_last(&mut conn).unwrap();
    assert_eq!(last, head());
    let after_revert = dump(&mut conn);
    // Reverting the newest migration changes the schema (whichever migration it is), and the
    // tables stay.
    assert_ne!(after_revert, first);
    assert!(after_revert.iter().any(|l| l == "table customers"));
    assert_eq!(migrations::pending(&mut conn).unwrap().len(), 1);
    migrations::run_pending(&mut conn).unwrap();
    assert_eq!(dump(&mut conn), first);

    // And every step down to the original point and back up.
    revert_to_original(&mut conn);
    assert_same_lines(
        &dump(&mut conn),
        &expected_schema(),
        "reverted to the original point",
    );
    migrations::run_pending(&mut conn).unwrap();
    assert_eq!(dump(&mut conn), first);
}

#[test]
fn revert_last_on_an_empty_database_is_an_error() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    let err = migrations::revert_last(&mut conn).unwrap_err();
    assert!(
        matches!(err, customer_success_db::Error::Migration { .. }),
        "{err:?}"
    );
}

#[test]
fn concurrent_migrators_serialise_on_the_advisory_lock() {
    let db = TestDatabase::empty().unwrap();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let url = db.url().to_owned();
            std::thread::spawn(move || {
                let mut conn = customer_success_db::connection::connect(&url).unwrap();
                migrations::run_pending(&mut conn).unwrap()
            })
        })
        .collect();
    let applied: Vec<Vec<String>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let total: usize = applied.iter().map(Vec::len).sum();
    assert_eq!(
        total,
        migrations::SQL.len(),
        "each migration applied exactly once: {applied:?}"
    );
    let mut conn = db.connect().unwrap();
    assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "after concurrent migration",
    );
}

#[test]
fn offline_sql_script_builds_the_same_schema_and_is_recognised_as_current() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    // As psql runs it: statement by statement (the index migration's CONCURRENTLY statements
    // cannot share one query string with anything else).
    for statement in migrations::statements(&migrations::upgrade_sql()) {
        conn.batch_execute(statement).unwrap();
    }
    assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "schema from upgrade_sql()",
    );
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
    assert!(migrations::run_pending(&mut conn).unwrap().is_empty());

    for statement in migrations::statements(&migrations::downgrade_sql()) {
        conn.batch_execute(statement).unwrap();
    }
    assert!(dump(&mut conn).is_empty());
    assert_eq!(
        migrations::pending(&mut conn).unwrap().len(),
        migrations::SQL.len()
    );
}

#[test]
fn pending_sql_shows_only_what_is_left() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    assert!(!migrations::pending_sql(&mut conn)
        .unwrap()
        .contains("CREATE TABLE"));
    revert_to_original(&mut conn);
    migrations::revert_last(&mut conn).unwrap();
    let sql = migrations::pending_sql(&mut conn).unwrap();
    assert!(sql.contains("CREATE TABLE usage_analytics"));
    assert!(sql.contains("VALIDATE CONSTRAINT"));
    assert!(!sql.contains("CREATE TABLE customers"));
    for statement in migrations::statements(&sql) {
        conn.batch_execute(statement).unwrap();
    }
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
    assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "after pending_sql",
    );
}

#[test]
fn stamp_marks_everything_applied_without_running_it() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    let stamped = migrations::stamp_all(&mut conn).unwrap();
    assert_eq!(stamped.len(), migrations::SQL.len());
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
    assert!(dump(&mut conn).is_empty(), "stamp runs no migration SQL");
    assert!(
        migrations::stamp_all(&mut conn).unwrap().is_empty(),
        "stamping twice is a no-op"
    );
}
