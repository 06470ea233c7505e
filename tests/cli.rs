#![cfg(feature = "cli")]
//! The `csdb` binary, run as a process against real test databases: every subcommand, its exit
//! codes, its JSON output and its error messages.
mod common;

use assert_cmd::Command;
use common::{assert_same_lines, dump, expected_schema_head, insert_minimal, TestDatabase};
use customer_success_db::adopt::{self, DatabaseKind};
use customer_success_db::maintenance::Table;
use customer_success_db::migrations;
use customer_success_db::url::redact;
use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{PgConnection, QueryableByName, RunQueryDsl};
use serde_json::Value;

/// The DDL of the original system's only Alembic revision (see tests/adopt.rs).
const LEGACY_DDL: &str = include_str!("fixtures/legacy_6b022f57af5f.sql");

/// The binary with a clean environment: no `DATABASE_URL` leaking in from the developer's shell.
fn csdb() -> Command {
    let mut cmd = Command::cargo_bin("csdb").unwrap();
    cmd.env_remove("DATABASE_URL");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `csdb --database-url <db> <args>`.
fn on(db: &TestDatabase, args: &[&str]) -> Run {
    run(csdb().arg("--database-url").arg(db.url()).args(args))
}

/// Like [`on`], expecting exit code `code`; returns stdout.
fn expect(db: &TestDatabase, args: &[&str], code: i32) -> String {
    let r = on(db, args);
    assert_eq!(
        r.code, code,
        "csdb {args:?}: exit {}\nstdout:\n{}\nstderr:\n{}",
        r.code, r.stdout, r.stderr
    );
    r.stdout
}

/// `csdb --json <args>`, parsed.
fn json(db: &TestDatabase, args: &[&str], code: i32) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let stdout = expect(db, &all, code);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("csdb {all:?}: {e}\n{stdout}"))
}

fn head_version() -> String {
    migrations::SQL.last().unwrap().version()
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    for flag in ["--help", "-h", "help"] {
        let r = run(csdb().arg(flag));
        assert_eq!(r.code, 0, "{flag}");
        for word in [
            "upgrade",
            "--sql",
            "current",
            "history",
            "downgrade",
            "base --yes",
            "stamp",
            "adopt [--check]",
            "6b022f57af5f",
            "analyze",
            "vacuum",
            "reindex",
            "index-usage",
            "table-sizes",
            "index-sizes",
            "redundant-indexes",
            "slow-queries",
            "orphans",
            "doctor",
            "--database-url",
            "DATABASE_URL",
            "--json",
            "Exit codes",
            "3  cannot connect",
        ] {
            assert!(r.stdout.contains(word), "help lacks {word:?}");
        }
    }
    let r = run(csdb().arg("--version"));
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("csdb "));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["--frobnicate", "doctor"],
        &[],
        &["reindex"],
        &["history", "extra"],
        &["doctor", "--yes"],
        &["downgrade", "--sql"],
        &["adopt", "head"],
        &["doctor", "--check"],
    ] {
        let r = run(csdb().args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?} printed {}", r.stdout);
        assert!(r.stderr.contains("csdb --help"), "{args:?}: {}", r.stderr);
    }
    let r = run(csdb().arg("frobnicate"));
    assert!(
        r.stderr.contains("unknown command \"frobnicate\""),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_table_names_exit_2_and_list_the_valid_ones() {
    for args in [
        &["reindex", "custmers"][..],
        &["analyze", "nope"],
        &["vacuum", "Customers"],
    ] {
        // Checked before any connection: no database is needed to be told.
        let r = run(csdb().args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        for t in Table::ALL {
            assert!(
                r.stderr.contains(t.name()),
                "{} not listed: {}",
                t,
                r.stderr
            );
        }
    }
}

#[test]
fn a_missing_database_url_says_to_set_it() {
    let r = run(csdb().arg("current"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("set DATABASE_URL"), "{}", r.stderr);
    assert!(r.stderr.contains("--database-url"), "{}", r.stderr);
}

#[test]
fn an_unreachable_database_exits_3_without_showing_the_password() {
    let url = "postgres://u:secret@127.0.0.1:1/x";
    for args in [
        &["current"][..],
        &["orphans"],
        &["vacuum", "customers"],
        &["adopt"],
        &["adopt", "--check"],
    ] {
        let r = run(csdb().arg("--database-url").arg(url).args(args));
        assert_eq!(r.code, 3, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("cannot connect"), "{}", r.stderr);
        assert!(r.stderr.contains("u:***@127.0.0.1:1"), "{}", r.stderr);
        assert!(!r.stderr.contains("secret") && !r.stdout.contains("secret"));
    }
    // Through the environment as well.
    let r = run(csdb().env("DATABASE_URL", url).arg("history"));
    assert_eq!(r.code, 3);
    assert!(!r.stderr.contains("secret"), "{}", r.stderr);

    // The doctor still prints its checklist, with the connection as a FAIL.
    let r = run(csdb().arg("--database-url").arg(url).arg("doctor"));
    assert_eq!(r.code, 3);
    assert!(r.stdout.contains("[FAIL] connection"), "{}", r.stdout);
    assert!(!r.stdout.contains("secret") && !r.stderr.contains("secret"));
    let r = run(csdb().args(["--json", "--database-url", url, "doctor"]));
    assert_eq!(r.code, 3);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["healthy"], false);
    assert_eq!(doc["checks"][0]["status"], "FAIL");
    assert!(!r.stdout.contains("secret"));

    // A URL mistakenly given as an argument is not echoed with its password either.
    let r = run(csdb().args(["upgrade", url]));
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("secret"), "{}", r.stderr);
}

#[test]
fn upgrade_sql_prints_the_whole_schema_without_a_database() {
    let r = run(csdb().args(["upgrade", "--sql"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for t in Table::ALL {
        assert!(
            r.stdout.contains(&format!("CREATE TABLE {} (", t.name())),
            "no CREATE TABLE for {t}"
        );
    }
    assert!(r.stdout.starts_with("BEGIN;") && r.stdout.trim_end().ends_with("COMMIT;"));
    assert_eq!(r.stdout, migrations::upgrade_sql());

    let r = run(csdb().args(["--json", "upgrade", "head", "--sql"]));
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        doc["sql"].as_str(),
        Some(migrations::upgrade_sql().as_str())
    );

    let r = run(csdb().args(["downgrade", "base", "--sql"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, migrations::downgrade_sql());
}

#[test]
fn migration_commands_walk_the_whole_lifecycle() {
    let db = TestDatabase::empty().unwrap();
    let head = head_version();

    let out = expect(&db, &["current"], 0);
    assert!(out.contains("no migration applied"), "{out}");

    let out = expect(&db, &["upgrade"], 0);
    assert!(
        out.contains(&format!("applied {} migrations", migrations::SQL.len())),
        "{out}"
    );
    assert!(expect(&db, &["upgrade", "head"], 0).contains("nothing to apply"));

    let out = expect(&db, &["current"], 0);
    assert!(out.starts_with(&head) && out.contains("(head)"), "{out}");
    let doc = json(&db, &["current"], 0);
    assert_eq!(doc["current"]["version"], head.as_str());
    assert_eq!(doc["at_head"], true);

    let out = expect(&db, &["downgrade"], 0);
    assert!(
        out.contains(&format!("reverted 1 migration:\n  {head}")),
        "{out}"
    );
    let out = expect(&db, &["history"], 0);
    assert!(out.contains("1 pending"), "{out}");
    assert!(
        out.contains("pending") && out.contains("applied (current)"),
        "{out}"
    );
    let history = json(&db, &["history"], 0);
    let rows = history.as_array().unwrap();
    assert_eq!(rows.len(), migrations::SQL.len());
    let pending: Vec<&Value> = rows.iter().filter(|m| m["applied"] == false).collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0]["version"], head.as_str());
    assert!(expect(&db, &["current"], 0).contains("1 migration behind head"));

    // `downgrade -1` is the same as `downgrade`.
    expect(&db, &["upgrade"], 0);
    expect(&db, &["downgrade", "-1"], 0);
    expect(&db, &["upgrade"], 0);

    // Reverting everything needs --yes, and nothing happens without it.
    for args in [&["downgrade", "base"][..], &["downgrade", "--base"]] {
        let r = on(&db, args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    }
    assert_eq!(json(&db, &["current"], 0)["at_head"], true);

    let doc = json(&db, &["downgrade", "base", "--yes"], 0);
    assert_eq!(
        doc["reverted"].as_array().unwrap().len(),
        migrations::SQL.len()
    );
    assert!(doc["current"].is_null());
    let history = json(&db, &["history"], 0);
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), migrations::SQL.len());
    assert!(history.iter().all(|m| m["applied"] == false), "{history:?}");

    // Nothing is applied, so reverting fails: exit 1 with the reason.
    let r = on(&db, &["downgrade"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("downgrade failed"), "{}", r.stderr);

    // stamp records everything as applied without running it.
    let doc = json(&db, &["stamp"], 0);
    assert_eq!(
        doc["stamped"].as_array().unwrap().len(),
        migrations::SQL.len()
    );
    assert!(expect(&db, &["stamp", "head"], 0).contains("nothing to stamp"));
    assert_eq!(
        json(&db, &["current"], 0)["current"]["version"],
        head.as_str()
    );
}

#[test]
fn maintenance_commands_run() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_minimal(&mut conn, "customers", &[("client_id", "'acme'")]).unwrap();

    for (args, statement) in [
        (&["analyze"][..], "ANALYZE: done"),
        (&["analyze", "customers"], "ANALYZE \"customers\": done"),
        (&["vacuum"], "VACUUM (ANALYZE): done"),
        (
            &["vacuum", "health_scores"],
            "VACUUM (ANALYZE) \"health_scores\": done",
        ),
        (
            &["reindex", "customers"],
            "REINDEX TABLE \"customers\": done",
        ),
    ] {
        let out = expect(&db, args, 0);
        assert!(out.starts_with(statement), "{args:?}: {out}");
    }
    let doc = json(&db, &["vacuum", "customers"], 0);
    assert_eq!(doc["operation"], "VACUUM ANALYZE");
    assert_eq!(doc["table"], "customers");
    assert!(doc["elapsed_ms"].is_u64());
}

#[test]
fn diagnostic_commands_print_tables_and_json() {
    let db = TestDatabase::new().unwrap();
    // The original index set, which has redundant indexes to report (schema v2 dropped them).
    migrations::downgrade_to(&mut db.connect().unwrap(), "v2_query_support").unwrap();

    let out = expect(&db, &["index-usage"], 0);
    assert!(
        out.starts_with("TABLE") && out.contains("ix_customers_tier"),
        "{out}"
    );
    assert!(out.contains("never scanned"), "{out}");
    let doc = json(&db, &["index-usage"], 0);
    let usage = doc.as_array().unwrap();
    assert!(!usage.is_empty(), "{doc}");
    assert!(usage.iter().all(|u| u["scans"].is_i64()), "{doc}");

    let out = expect(&db, &["table-sizes"], 0);
    // (Schema v2's summary table is newer than the original index set this test went back to.)
    for t in Table::ALL.iter().filter(|t| {
        !matches!(
            t,
            Table::CsmWorkloadSummary | Table::PortfolioSentimentAnalysis
        )
    }) {
        assert!(out.contains(t.name()), "{t} missing from table-sizes");
    }
    let doc = json(&db, &["table-sizes"], 0);
    // Largest first; each size must be there (a renamed key would make both sides None).
    let sizes: Vec<i64> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            t["total_bytes"]
                .as_i64()
                .unwrap_or_else(|| panic!("no total_bytes: {t}"))
        })
        .collect();
    // Every table of the crate (but the two newer than the index set this test went back to,
    // see above), plus Diesel's bookkeeping table.
    assert!(sizes.len() > Table::ALL.len() - 2, "{doc}");
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");

    let out = expect(&db, &["index-sizes"], 0);
    assert!(out.contains("ix_customers_client_id_created_at"), "{out}");
    let doc = json(&db, &["index-sizes"], 0);
    assert!(doc[0]["bytes"].is_i64() && doc[0]["pretty"].is_string());

    let out = expect(&db, &["redundant-indexes"], 0);
    assert!(out.contains("ix_risk_indicators_detected"), "{out}");
    assert!(out.contains("Nothing was dropped"), "{out}");
    let doc = json(&db, &["redundant-indexes"], 0);
    let ix = doc
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["index"] == "ix_customers_client_id")
        .unwrap();
    assert_eq!(ix["covered_by"], "customers_client_id_key");
    assert_eq!(ix["kind"], "duplicates_constraint");

    let out = expect(&db, &["slow-queries"], 0);
    assert!(out.contains("log_min_duration_statement"), "{out}");
    let doc = json(&db, &["slow-queries"], 0);
    assert_eq!(doc["recommended_ms"], 1000);
    assert!(doc["enabled"].is_boolean() && doc["raw"].is_string());

    let out = expect(&db, &["orphans"], 0);
    assert!(out.contains("no orphaned rows in 18 references"), "{out}");
    let doc = json(&db, &["orphans"], 0);
    assert_eq!(doc.as_array().unwrap().len(), 18);
}

#[test]
fn orphans_and_doctor_turn_unhealthy_on_orphaned_rows() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_minimal(&mut conn, "customers", &[("client_id", "'acme'")]).unwrap();

    let out = expect(&db, &["doctor"], 0);
    assert!(out.contains("[OK]   connection"), "{out}");
    assert!(out.contains("[OK]   migrations"), "{out}");
    assert!(out.contains("[OK]   orphans"), "{out}");
    // Schema v2's index diet left no redundant index, and no build is left invalid.
    assert!(out.contains("[OK]   redundant indexes"), "{out}");
    assert!(out.contains("[OK]   invalid indexes"), "{out}");
    assert!(out.contains("verdict: healthy"), "{out}");
    assert!(
        out.starts_with(&format!("csdb doctor: {}\n", redact(db.url()))),
        "{out}"
    );

    // At the head every client_id has a foreign key: orphans appear only when triggers are off,
    // as in a restore with session_replication_role = replica.
    conn.batch_execute("SET session_replication_role = replica")
        .unwrap();
    insert_minimal(
        &mut conn,
        "health_metrics",
        &[("client_id", "'ghost-client'")],
    )
    .unwrap();
    conn.batch_execute("RESET session_replication_role")
        .unwrap();
    let out = expect(&db, &["orphans"], 1);
    assert!(out.contains("ghost-client"), "{out}");
    assert!(
        out.contains("1 orphaned row in 1 of 18 references"),
        "{out}"
    );
    let doc = json(&db, &["orphans"], 1);
    let hm = doc
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["table"] == "health_metrics")
        .unwrap();
    assert_eq!(hm["orphan_count"], 1);
    // Schema v2 gave the column its foreign key; the orphan came in with triggers off.
    assert_eq!(hm["has_foreign_key"], true);
    assert_eq!(hm["sample"][0], "ghost-client");

    let out = expect(&db, &["doctor"], 1);
    assert!(out.contains("[FAIL] orphans"), "{out}");
    assert!(out.contains("health_metrics.client_id"), "{out}");
    assert!(out.contains("verdict: UNHEALTHY: 1 failure"), "{out}");
    let doc = json(&db, &["doctor"], 1);
    assert_eq!(doc["healthy"], false);
    assert_eq!(doc["failures"], 1);
    let names: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "connection",
            "migrations",
            "orphans",
            "redundant indexes",
            "invalid indexes",
            "slow-query logging"
        ]
    );
    assert!(doc["server_version"].is_string());
}

#[test]
fn doctor_fails_on_pending_migrations_without_changing_the_database() {
    let db = TestDatabase::empty().unwrap();
    let out = expect(&db, &["doctor"], 1);
    assert!(out.contains("[FAIL] migrations"), "{out}");
    assert!(out.contains("csdb upgrade"), "{out}");
    assert!(
        out.contains("[WARN] orphans") && out.contains("not checked"),
        "{out}"
    );

    // Read-only: not even Diesel's bookkeeping table was created.
    let mut conn = db.connect().unwrap();
    assert_eq!(
        common::count(
            &mut conn,
            "pg_tables",
            "tablename = '__diesel_schema_migrations'"
        ),
        0
    );

    // Partly migrated: the pending ones are named.
    expect(&db, &["upgrade"], 0);
    expect(&db, &["downgrade"], 0);
    let doc = json(&db, &["doctor"], 1);
    let migrations_check = &doc["checks"][1];
    assert_eq!(migrations_check["status"], "FAIL");
    let detail = migrations_check["detail"].as_str().unwrap();
    let last = migrations::SQL.last().unwrap().name;
    assert!(
        detail.contains("1 migration pending") && detail.contains(last),
        "{detail}"
    );
}

/// A database as the original system left it (Alembic revision 6b022f57af5f), with one customer
/// whose industry, health_score and health_trend are NULL (the crate makes them NOT NULL with a
/// default, e.g. 'Technology') and whose contract value is float noise (rounded to cents).
fn legacy() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    conn.batch_execute(LEGACY_DDL).unwrap();
    conn.batch_execute(
        "INSERT INTO customers (client_id, client_name, company_name, industry, tier,
                                lifecycle_stage, contract_value, contract_start_date, status,
                                created_at, updated_at)
         VALUES ('acme', 'Acme', 'Acme Inc.', NULL, 'starter', 'onboarding', 1234.5600000001,
                 '2024-01-15', 'active', '2024-01-15 08:30:00', '2024-01-15 08:30:00')",
    )
    .unwrap();
    (db, conn)
}

fn is_legacy(conn: &mut PgConnection) -> bool {
    matches!(adopt::detect(conn).unwrap(), DatabaseKind::Legacy { .. })
}

/// The schema and every customer row, to tell whether anything changed.
fn state(conn: &mut PgConnection) -> (Vec<String>, Vec<String>) {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        row: String,
    }
    let rows = diesel::sql_query("SELECT row_to_json(c)::text AS row FROM customers c ORDER BY id")
        .load::<Row>(conn)
        .unwrap()
        .into_iter()
        .map(|r| r.row)
        .collect();
    (dump(conn), rows)
}

fn has_table(conn: &mut PgConnection, name: &str) -> bool {
    common::count(conn, "pg_tables", &format!("tablename = '{name}'")) == 1
}

#[test]
fn adopt_check_reports_what_adopt_would_do_and_changes_nothing() {
    let (db, mut conn) = legacy();
    let before = state(&mut conn);

    let out = expect(&db, &["adopt", "--check"], 0);
    for needle in [
        "Alembic revision 6b022f57af5f) can be adopted",
        "integer -> bigint",
        "json -> jsonb",
        "customers.industry: 1 row -> 'Technology'",
        "customers.contract_value: 1 row, e.g. id 1: 1234.5600000001 -> 1234.56",
        "customers 2",
        &format!(
            "{} migrations as applied",
            common::original_migration_count()
        ),
        &format!(
            "{} later migrations",
            migrations::SQL.len() - common::original_migration_count()
        ),
        "Nothing was changed (dry run)",
    ] {
        assert!(out.contains(needle), "{needle:?} not in:\n{out}");
    }

    let doc = json(&db, &["adopt", "--check"], 0);
    assert_eq!(doc["dry_run"], true);
    assert_eq!(doc["applied"], false);
    assert_eq!(doc["kind"]["type"], "legacy");
    assert_eq!(doc["kind"]["alembic_revision"], adopt::LEGACY_REVISION);
    assert_eq!(doc["problems"].as_array().unwrap().len(), 0);
    assert_eq!(doc["filled_nulls"][0]["column"], "industry");
    assert_eq!(doc["filled_nulls"][0]["rows"], 1);
    assert_eq!(
        doc["stamped_migrations"].as_array().unwrap().len(),
        common::original_migration_count()
    );

    // Still the original system's database, untouched.
    assert!(has_table(&mut conn, "alembic_version"));
    assert!(!has_table(&mut conn, "__diesel_schema_migrations"));
    assert!(is_legacy(&mut conn));
    assert_eq!(state(&mut conn), before, "the dry run changed the database");

    // The doctor points at adoption instead of `csdb upgrade`.
    let out = expect(&db, &["doctor"], 1);
    assert!(out.contains("[FAIL] migrations"), "{out}");
    assert!(out.contains("run `csdb adopt --check`"), "{out}");

    // Migration commands refuse: even reading the migration state would create Diesel's
    // bookkeeping table, and the database would no longer be adoptable.
    for args in [&["current"][..], &["history"], &["upgrade"], &["stamp"]] {
        let r = on(&db, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("csdb adopt --check"), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?} printed {}", r.stdout);
    }
    assert!(!has_table(&mut conn, "__diesel_schema_migrations"));
    assert!(is_legacy(&mut conn));
    assert_eq!(state(&mut conn), before);
}

#[test]
fn adopt_converts_a_legacy_database_once() {
    let (db, mut conn) = legacy();
    let head = head_version();

    let out = expect(&db, &["adopt"], 0);
    for needle in [
        "adopted a database of the original system (Alembic revision 6b022f57af5f)",
        "converted ",
        "filled 3 NULLs with the column's default",
        "customers.industry: 1 row -> 'Technology'",
        "rounded money to cents",
        "restarted the identities at",
        "customers 2",
        &format!(
            "recorded {} migrations as applied",
            common::original_migration_count()
        ),
        &format!(
            "ran the {} later migrations since",
            migrations::SQL.len() - common::original_migration_count()
        ),
        &format!("now at {} (head)", migrations::SQL.last().unwrap().name),
    ] {
        assert!(out.contains(needle), "{needle:?} not in:\n{out}");
    }
    assert!(!has_table(&mut conn, "alembic_version"));
    assert_same_lines(
        &dump(&mut conn),
        &expected_schema_head(),
        "after csdb adopt",
    );

    let out = expect(&db, &["current"], 0);
    assert!(out.starts_with(&head) && out.contains("(head)"), "{out}");
    let doc = json(&db, &["current"], 0);
    assert_eq!(doc["current"]["version"], head.as_str());
    assert_eq!(doc["at_head"], true);

    // Adopting again is harmless.
    let out = expect(&db, &["adopt"], 0);
    assert!(out.starts_with("nothing to do"), "{out}");
    let out = expect(&db, &["adopt", "--check"], 0);
    assert!(out.starts_with("nothing to adopt"), "{out}");
    let doc = json(&db, &["adopt"], 0);
    assert_eq!(doc["kind"]["type"], "current");
    assert_eq!(doc["applied"], false);

    let out = expect(&db, &["doctor"], 0);
    assert!(out.contains("[OK]   migrations"), "{out}");
}

#[test]
fn adopt_refuses_a_bad_row_and_changes_nothing() {
    let (db, mut conn) = legacy();
    conn.batch_execute("UPDATE customers SET tier = 'platinum'")
        .unwrap();
    let before = state(&mut conn);

    let out = expect(&db, &["adopt", "--check"], 1);
    assert!(out.contains("cannot be adopted, 1 problem"), "{out}");
    assert!(
        out.contains("customers.tier") && out.contains("platinum"),
        "{out}"
    );
    let doc = json(&db, &["adopt", "--check"], 1);
    assert_eq!(doc["problems"][0]["table"], "customers");
    assert_eq!(doc["problems"][0]["column"], "tier");

    let r = on(&db, &["adopt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    for needle in [
        "adopt refused",
        "customers.tier: 1 row: value outside CustomerTier",
        "platinum",
        "Nothing was changed",
        "correct or delete the rows",
        "csdb adopt --check",
    ] {
        assert!(
            r.stderr.contains(needle),
            "{needle:?} not in:\n{}",
            r.stderr
        );
    }
    let doc = json(&db, &["adopt"], 1);
    assert_eq!(doc["dry_run"], false);
    assert_eq!(doc["applied"], false);
    assert_eq!(doc["problems"][0]["column"], "tier");

    assert!(has_table(&mut conn, "alembic_version"));
    assert!(is_legacy(&mut conn));
    assert_eq!(
        state(&mut conn),
        before,
        "a refused adoption changed the database"
    );

    // Once the row is fixed, adoption goes through.
    conn.batch_execute("UPDATE customers SET tier = 'enterprise'")
        .unwrap();
    expect(&db, &["adopt"], 0);
    assert!(!is_legacy(&mut conn));
}

#[test]
fn adopt_refuses_databases_it_cannot_adopt() {
    let db = TestDatabase::empty().unwrap();
    for args in [&["adopt"][..], &["adopt", "--check"]] {
        let r = on(&db, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("the database is empty"), "{}", r.stderr);
        assert!(r.stderr.contains("csdb upgrade"), "{}", r.stderr);
    }

    let mut conn = db.connect().unwrap();
    conn.batch_execute("CREATE TABLE invoices (id serial PRIMARY KEY)")
        .unwrap();
    let r = on(&db, &["adopt", "--check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("invoices") && r.stderr.contains("Nothing was changed"),
        "{}",
        r.stderr
    );
    assert!(has_table(&mut conn, "invoices"));
}

#[test]
fn distribute_is_refused_on_a_server_without_citus() {
    let db = TestDatabase::new().unwrap();
    for args in [&["distribute"][..], &["distribute", "--check"]] {
        let r = on(&db, args);
        assert_eq!(r.code, 1, "csdb {args:?}: {}{}", r.stdout, r.stderr);
        // Which of the two refusals depends on whether Citus is installed on this machine
        // (CI installs it): either way the message says what is missing and what to do.
        assert!(
            r.stderr
                .contains("cannot distribute: this server has no Citus")
                || r.stderr.contains(
                    "cannot distribute: the citus extension is not created in this database"
                ),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("shared_preload_libraries = 'citus'"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn distribute_on_a_citus_coordinator_reports_then_converts_once() {
    let Some(db) = common::citus_db("distribute_on_a_citus_coordinator_reports_then_converts_once")
    else {
        return;
    };
    // The schema before v2_distribution_ready: every blocked table is listed with its reasons,
    // and the command exits 1 (work is left); --check converts nothing.
    let mut conn = db.connect().unwrap();
    common::revert_distribution_ready(&mut conn);
    let checked = json(&db, &["distribute", "--check"], 1);
    let blocked: Vec<&str> = checked["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["table"].as_str().unwrap())
        .collect();
    assert!(blocked.contains(&"customers"), "{checked}");
    let human = expect(&db, &["distribute", "--check"], 1);
    assert!(human.contains("nothing was changed"), "{human}");
    assert!(
        human.contains("customers_pkey PRIMARY KEY (id) does not include client_id"),
        "{human}"
    );
    // Migrated to the head again (distribution-ready): everything is converted, exit 0; a
    // second run finds everything done and changes nothing.
    customer_success_db::migrations::run_pending(&mut conn).unwrap();
    let first = json(&db, &["distribute"], 0);
    let converted = first["distributed"].as_array().unwrap().len()
        + first["reference"].as_array().unwrap().len();
    assert_eq!(converted, 25, "{first}");
    let again = json(&db, &["distribute"], 0);
    assert_eq!(again["distributed"], serde_json::json!([]), "{again}");
    assert_eq!(again["reference"], serde_json::json!([]), "{again}");
    assert_eq!(again["already"].as_array().unwrap().len(), 25, "{again}");
}
