#![cfg(feature = "cli")]
//! `csdb demo` and `csdb explain` as processes against real test databases: the demo's summary
//! matches the rows in the database, explain names the six dashboards and changes nothing, and
//! the documented refusals exit with the documented codes.
mod common;

use assert_cmd::Command;
use common::{count, revert_to_original, TestDatabase};
use customer_success_db::demo::DemoData;
use serde_json::Value;

const CUSTOMERS: usize = 50;

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

fn on(db: &TestDatabase, args: &[&str]) -> Run {
    let out = csdb()
        .arg("--database-url")
        .arg(db.url())
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn expect(db: &TestDatabase, args: &[&str], code: i32) -> Run {
    let r = on(db, args);
    assert_eq!(
        r.code, code,
        "csdb {args:?}: exit {}\nstdout:\n{}\nstderr:\n{}",
        r.code, r.stdout, r.stderr
    );
    r
}

fn json(db: &TestDatabase, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let r = expect(db, &all, 0);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("csdb {all:?}: {e}\n{}", r.stdout))
}

/// Rows per table, counted in the database.
fn counts(db: &TestDatabase) -> Vec<(&'static str, i64)> {
    let mut conn = db.connect().unwrap();
    DemoData::TABLES
        .iter()
        .map(|&t| (t, count(&mut conn, t, "")))
        .collect()
}

#[test]
fn demo_loads_what_its_summary_says() {
    let db = TestDatabase::new().unwrap();
    let n = CUSTOMERS.to_string();
    let summary = json(
        &db,
        &[
            "demo",
            "--customers",
            &n,
            "--seed",
            "7",
            "--today",
            "2026-01-15",
        ],
    );
    assert_eq!(summary["customers"], CUSTOMERS);
    assert_eq!(summary["seed"], 7);
    assert_eq!(summary["today"], "2026-01-15");
    let per_table = summary["rows_per_table"].as_object().unwrap();
    assert_eq!(per_table.len(), 25);
    let mut total = 0;
    for (table, in_db) in counts(&db) {
        assert!(in_db > 0, "{table} is empty");
        assert_eq!(per_table[table], in_db, "{table}");
        total += in_db;
    }
    assert_eq!(summary["total_rows"], total);
    assert_eq!(per_table["customers"], CUSTOMERS);
    assert!(summary["seconds"].as_f64().unwrap() > 0.0);
    assert!(summary["rows_per_second"].as_f64().unwrap() > 0.0);

    // A second load is refused before anything is written: the keys would collide.
    let before = counts(&db);
    let r = expect(&db, &["demo", "--customers", &n], 1);
    assert!(r.stderr.contains("demo refused"), "{}", r.stderr);
    assert!(r.stderr.contains("customers"), "{}", r.stderr);
    assert!(r.stderr.contains("Nothing was changed"), "{}", r.stderr);
    assert_eq!(counts(&db), before);
}

#[test]
fn demo_text_output_has_progress_on_stderr_and_a_table_on_stdout() {
    let db = TestDatabase::new().unwrap();
    let r = expect(&db, &["demo", "--customers", "3"], 0);
    // Not a terminal: plain progress lines, no carriage returns.
    assert!(r.stderr.contains("customers 0/3"), "{}", r.stderr);
    assert!(!r.stderr.contains('\r'), "{:?}", r.stderr);
    assert!(r.stderr.contains("rows/s"), "{}", r.stderr);
    assert!(r.stdout.starts_with("TABLE"), "{}", r.stdout);
    assert!(r.stdout.contains("sentiment_analysis"), "{}", r.stdout);
    let today = chrono::Utc::now().date_naive();
    assert!(
        r.stdout
            .contains(&format!("of 3 customers (seed 42, as of {today})")),
        "{}",
        r.stdout
    );
}

#[test]
fn demo_data_loaded_at_the_head_stays_when_going_back_to_the_original_point() {
    // The original index set is what `csdb demo` + `csdb explain` compare v2 against. The demo
    // writes the head's tables (portfolio_sentiment_analysis, client_id on every child), so it
    // refuses an older schema and says why; loaded at the head, its rows survive the way back
    // (every down migration keeps the data).
    let old = TestDatabase::new().unwrap();
    revert_to_original(&mut old.connect().unwrap());
    let r = expect(&old, &["demo", "--customers", "5"], 1);
    assert!(
        r.stderr.contains("portfolio_sentiment_analysis") && r.stderr.contains("csdb upgrade"),
        "{}",
        r.stderr
    );
    let db = TestDatabase::new().unwrap();
    let summary = json(&db, &["demo", "--customers", "5"]);
    assert_eq!(summary["rows_per_table"]["customers"], 5);
    let comments = counts(&db)
        .into_iter()
        .find(|(t, _)| *t == "ticket_comments")
        .unwrap()
        .1;
    let mut conn = db.connect().unwrap();
    revert_to_original(&mut conn);
    assert_eq!(count(&mut conn, "customers", ""), 5);
    assert_eq!(count(&mut conn, "ticket_comments", ""), comments);
}

#[test]
fn demo_refuses_a_database_without_the_schema() {
    let db = TestDatabase::empty().unwrap();
    let r = expect(&db, &["demo", "--customers", "5"], 1);
    assert!(r.stderr.contains("csdb upgrade"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

#[test]
fn demo_usage_errors_exit_2_before_connecting() {
    // An unreachable URL: a usage error must be reported without trying to connect.
    for (args, says) in [
        (&["demo"][..], "needs --customers"),
        (&["demo", "--customers", "0"], "from 1 to 5000000"),
        (&["demo", "--customers", "5000001"], "from 1 to 5000000"),
        (&["demo", "--customers", "ten"], "from 1 to 5000000"),
        (&["demo", "--customers", "5", "--seed", "-3"], "--seed"),
        (
            &["demo", "--customers", "5", "--today", "tomorrow"],
            "--today",
        ),
        (&["explain", "--limit", "0"], "--limit"),
        (
            &["explain", "--customers", "5"],
            "does not take --customers",
        ),
    ] {
        let out = csdb()
            .args(["--database-url", "postgres://nobody@127.0.0.1:1/nothing"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn explain_reports_the_six_dashboards_and_changes_nothing() {
    let db = TestDatabase::new().unwrap();
    json(&db, &["demo", "--customers", &CUSTOMERS.to_string()]);
    let before = counts(&db);
    let report = json(&db, &["explain", "--limit", "20"]);
    assert_eq!(report["limit"], 20);
    let dashboards = report["dashboards"].as_array().unwrap();
    let names: Vec<&str> = dashboards
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "health_dashboard",
            "csm_workload",
            "renewal_pipeline",
            "sla_monitoring",
            "churn_risk",
            "csm_customers"
        ]
    );
    for d in dashboards {
        let name = &d["name"];
        assert!(d["execution_ms"].as_f64().unwrap() >= 0.0, "{name}");
        assert!(d["planning_ms"].as_f64().unwrap() >= 0.0, "{name}");
        let rows = d["rows"].as_u64().unwrap();
        assert!(rows <= 20, "{name}: {rows} rows on a page of 20");
        assert_eq!(d["node_types"][0], "Limit", "{name}");
        assert!(d["plan"][0]["Plan"].is_object(), "{name}");
    }
    // 50 demo customers give the health and CSM workload dashboards something to show.
    assert!(dashboards[0]["rows"].as_u64().unwrap() > 0);
    assert!(dashboards[1]["rows"].as_u64().unwrap() > 0);
    assert_eq!(counts(&db), before);

    let text = expect(&db, &["explain"], 0).stdout;
    assert!(text.starts_with("DASHBOARD"), "{text}");
    assert!(text.contains("First page of 100 rows"), "{text}");
    for name in names {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
}
