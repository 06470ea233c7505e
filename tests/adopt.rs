//! Adopting a database of the original system (Alembic revision 6b022f57af5f): detection, the
//! dry run, a conversion that keeps every row and value, and refusals that change nothing.
//!
//! The legacy database is built from `fixtures/legacy_6b022f57af5f.sql` (the DDL the original
//! system's migration produced) and [`SAMPLE_ROWS`]: three rows in every table, the first with
//! every column set and the lowest allowed scores, the second with NULL in every column the
//! original system allowed it, the third with the highest allowed scores and amounts.
mod common;

use std::collections::BTreeMap;
use std::str::FromStr;
use std::time::{Duration, Instant};

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::{DateTime, NaiveDateTime};
use common::{assert_same_lines, dump, TestDatabase};
use customer_success_db::adopt::{self, AdoptionRefused, AdoptionReport, DatabaseKind, Options};
use customer_success_db::crud::{Crud, Page};
use customer_success_db::models::*;
use customer_success_db::types::Money;
use customer_success_db::{migrations, Error};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use serde_json::{Map, Value};

const LEGACY_DDL: &str = include_str!("fixtures/legacy_6b022f57af5f.sql");

/// A database as the original system left it; with the sample rows when `rows` is true.
fn legacy(rows: bool) -> (TestDatabase, PgConnection) {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    conn.batch_execute(LEGACY_DDL).unwrap();
    if rows {
        conn.batch_execute(SAMPLE_ROWS).unwrap();
    }
    (db, conn)
}

/// The schema of a database migrated to the head of the embedded migrations: what adoption must
/// produce, however many migrations follow the original point.
fn head_schema() -> Vec<String> {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    dump(&mut conn)
}

fn legacy_kind() -> DatabaseKind {
    DatabaseKind::Legacy {
        alembic_revision: adopt::LEGACY_REVISION.to_owned(),
    }
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    text: String,
}

fn texts(conn: &mut PgConnection, sql: &str) -> Vec<String> {
    diesel::sql_query(sql)
        .load::<TextRow>(conn)
        .unwrap()
        .into_iter()
        .map(|r| r.text)
        .collect()
}

/// Every row of every table as JSON text (`row_to_json`, by id), read with the session in UTC.
///
/// `row_to_json` keeps `json` columns as they are stored: converting them (as `to_jsonb` does)
/// would fail on the very values some tests plant.
fn raw_rows(conn: &mut PgConnection) -> BTreeMap<String, Vec<String>> {
    conn.batch_execute("SET TIME ZONE 'UTC'").unwrap();
    let tables = texts(
        conn,
        "SELECT table_name::text AS text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('alembic_version', '__diesel_schema_migrations')
         ORDER BY 1",
    );
    tables
        .into_iter()
        .map(|table| {
            let sql = format!("SELECT row_to_json(t)::text AS text FROM {table} t ORDER BY id");
            let rows = texts(conn, &sql);
            (table, rows)
        })
        .collect()
}

/// [`raw_rows`], parsed.
fn snapshot(conn: &mut PgConnection) -> BTreeMap<String, Vec<Map<String, Value>>> {
    raw_rows(conn)
        .into_iter()
        .map(|(table, rows)| {
            let rows = rows
                .iter()
                .map(|row| match serde_json::from_str(row).unwrap() {
                    Value::Object(map) => map,
                    other => panic!("{table}: not an object: {other}"),
                })
                .collect();
            (table, rows)
        })
        .collect()
}

/// (table, column) -> (type, default expression) of the current schema.
fn columns(conn: &mut PgConnection) -> BTreeMap<(String, String), (String, Option<String>)> {
    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
        #[diesel(sql_type = Text)]
        type_name: String,
        #[diesel(sql_type = Nullable<Text>)]
        default_expr: Option<String>,
    }
    diesel::sql_query(
        "SELECT c.relname::text AS table_name, a.attname::text AS column_name,
                format_type(a.atttypid, a.atttypmod) AS type_name,
                pg_get_expr(d.adbin, d.adrelid) AS default_expr
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
         WHERE n.nspname = 'public' AND c.relkind = 'r'",
    )
    .load::<Col>(conn)
    .unwrap()
    .into_iter()
    .map(|c| ((c.table_name, c.column_name), (c.type_name, c.default_expr)))
    .collect()
}

/// A money amount as PostgreSQL's float8 -> numeric cast and round(.., 2) give it: the double's
/// 15-significant-digit decimal form, rounded half away from zero to cents.
fn expected_cents(before: &Value) -> String {
    let x = before.as_f64().unwrap();
    let decimal = BigDecimal::from_str(&format!("{x:.14e}")).unwrap();
    let cents = decimal
        .with_scale_round(2, RoundingMode::HalfUp)
        .to_string();
    // Spelled with exactly two decimals (BigDecimal may write zero without them).
    format!("{:.2}", cents.parse::<f64>().unwrap())
}

/// Whether `after` (a value of the adopted column of type `ty`) is `before` (the legacy value).
fn same_value(ty: &str, before: &Value, after: &Value) -> bool {
    if before.is_null() || after.is_null() {
        return before == after;
    }
    match ty {
        "numeric(14,2)" => format!("{:.2}", after.as_f64().unwrap()) == expected_cents(before),
        "timestamp with time zone" => {
            let naive =
                NaiveDateTime::parse_from_str(before.as_str().unwrap(), "%Y-%m-%dT%H:%M:%S%.f")
                    .unwrap();
            let instant = DateTime::parse_from_rfc3339(after.as_str().unwrap()).unwrap();
            naive == instant.naive_utc()
        }
        _ => before == after,
    }
}

fn default_value(conn: &mut PgConnection, default: &str, ty: &str) -> Value {
    let text = texts(
        conn,
        &format!("SELECT to_jsonb(({default})::{ty})::text AS text"),
    );
    serde_json::from_str(&text[0]).unwrap()
}

/// The schema as the catalog dump sees it, plus every row.
fn state(conn: &mut PgConnection) -> (Vec<String>, BTreeMap<String, Vec<String>>) {
    (dump(conn), raw_rows(conn))
}

fn count_where(conn: &mut PgConnection, sql: &str) -> i64 {
    texts(conn, &format!("SELECT ({sql})::text AS text"))[0]
        .parse()
        .unwrap()
}

#[test]
fn detect_tells_the_kinds_of_database_apart() {
    let empty = TestDatabase::empty().unwrap();
    let mut conn = empty.connect().unwrap();
    assert_eq!(adopt::detect(&mut conn).unwrap(), DatabaseKind::Empty);

    let current = TestDatabase::new().unwrap();
    let mut conn = current.connect().unwrap();
    assert_eq!(adopt::detect(&mut conn).unwrap(), DatabaseKind::Current);

    let (_legacy, mut conn) = legacy(false);
    assert_eq!(adopt::detect(&mut conn).unwrap(), legacy_kind());

    conn.batch_execute("UPDATE alembic_version SET version_num = 'abc123def456'")
        .unwrap();
    match adopt::detect(&mut conn).unwrap() {
        DatabaseKind::Unknown { reason } => assert!(reason.contains("abc123def456"), "{reason}"),
        other => panic!("another revision is not adoptable: {other:?}"),
    }

    let other = TestDatabase::empty().unwrap();
    let mut conn = other.connect().unwrap();
    conn.batch_execute("CREATE TABLE invoices (id serial PRIMARY KEY)")
        .unwrap();
    match adopt::detect(&mut conn).unwrap() {
        DatabaseKind::Unknown { reason } => assert!(reason.contains("invoices"), "{reason}"),
        other => panic!("another application's database: {other:?}"),
    }
}

#[test]
fn check_is_a_dry_run_that_reports_what_adopt_does() {
    let (_db, mut conn) = legacy(true);
    let before = state(&mut conn);

    let plan = adopt::check(&mut conn).unwrap();
    assert_eq!(plan.kind, legacy_kind());
    assert!(!plan.applied);
    assert!(plan.problems.is_empty(), "{plan}");
    assert!(plan.to_string().contains("can be adopted"), "{plan}");

    let conversions = |from: &str, to: &str| {
        plan.converted_columns
            .iter()
            .filter(|c| c.from == from && c.to == to)
            .count()
    };
    assert_eq!(conversions("integer", "bigint"), 24);
    assert_eq!(conversions("json", "jsonb"), 62);
    assert_eq!(conversions("double precision", "numeric(14,2)"), 9);
    assert_eq!(conversions("timestamp", "timestamptz"), 54);
    assert_eq!(plan.converted_columns.len(), 24 + 62 + 9 + 54);

    // Every column the crate makes NOT NULL holds one NULL (the second sample row).
    assert_eq!(plan.filled_nulls.len(), plan.not_null_set.len());
    assert!(plan.filled_nulls.iter().all(|f| f.rows == 1), "{plan}");
    let industry = plan
        .filled_nulls
        .iter()
        .find(|f| f.table == "customers" && f.column == "industry")
        .unwrap();
    assert_eq!(industry.default, "'Technology'");
    assert_eq!(plan.filled_rows(), plan.filled_nulls.len() as i64);

    let rounded: Vec<(&str, &str, i64)> = plan
        .rounded_money
        .iter()
        .map(|r| (r.table.as_str(), r.column.as_str(), r.rows))
        .collect();
    assert_eq!(
        rounded,
        [
            ("customers", "contract_value", 1),
            ("contracts", "contract_value", 1)
        ]
    );
    assert_eq!(
        plan.rounded_money[1].examples,
        ["id 1: 10.005 -> 10.01".to_owned()]
    );

    let next = |table: &str| {
        plan.identity_restarts
            .iter()
            .find(|r| r.table == table)
            .unwrap()
            .next_id
    };
    assert_eq!(plan.identity_restarts.len(), 24);
    assert_eq!(next("customers"), 6, "after the largest id, 5");
    assert_eq!(
        next("health_scores"),
        5,
        "the legacy sequence had handed out id 4"
    );
    assert_eq!(plan.triggers.len(), 11);
    assert_eq!(
        plan.stamped_migrations.len(),
        common::original_migration_count()
    );
    assert_eq!(
        plan.stamped_migrations.len() + plan.migrated.len(),
        migrations::SQL.len()
    );

    assert_eq!(state(&mut conn), before, "the dry run changed the database");
    assert_eq!(adopt::detect(&mut conn).unwrap(), legacy_kind());

    // The adoption does what the dry run announced.
    let done = adopt::adopt(&mut conn).unwrap();
    assert!(done.applied);
    assert_eq!(done.converted_columns, plan.converted_columns);
    assert_eq!(done.filled_nulls, plan.filled_nulls);
    assert_eq!(done.rounded_money, plan.rounded_money);
    assert_eq!(done.identity_restarts, plan.identity_restarts);
    assert_eq!(done.stamped_migrations, plan.stamped_migrations);
    assert_eq!(done.migrated, plan.migrated);
    assert!(done.tables_locked_ms > 0, "{done}");
    assert!(
        done.to_string().contains("the tables were locked"),
        "{done}"
    );
}

#[test]
fn adopt_converts_the_schema_and_keeps_every_row() {
    let (_db, mut conn) = legacy(true);
    let before = snapshot(&mut conn);
    assert_eq!(before.len(), 24);
    assert!(before.values().all(|rows| rows.len() == 3));

    // Legacy timestamps are UTC whatever the session's time zone.
    conn.batch_execute("SET TIME ZONE 'America/New_York'")
        .unwrap();
    let report = adopt::adopt(&mut conn).unwrap();
    assert!(report.applied, "{report}");
    assert_eq!(report.kind, legacy_kind());
    assert!(report.to_string().contains("adopted"), "{report}");

    // Exactly the schema the migrations create, recorded as migrated.
    assert_same_lines(&dump(&mut conn), &head_schema(), "adopted legacy database");
    assert!(migrations::pending(&mut conn).unwrap().is_empty());
    assert_eq!(
        migrations::applied(&mut conn).unwrap().len(),
        migrations::SQL.len()
    );
    assert!(migrations::run_pending(&mut conn).unwrap().is_empty());
    assert_eq!(adopt::detect(&mut conn).unwrap(), DatabaseKind::Current);

    // Every value survived, converted; NULLs became the column default, as reported.
    let mut after = snapshot(&mut conn);
    // Schema v2, distribution-ready: the portfolio-wide sentiment analyses (no client_id)
    // moved, ids and all, to a table of their own; put them back for the comparison.
    let portfolio = after
        .remove("portfolio_sentiment_analysis")
        .unwrap_or_default();
    assert!(
        !portfolio.is_empty(),
        "the sample has a portfolio-wide analysis"
    );
    let sentiment = after.get_mut("sentiment_analysis").unwrap();
    for mut row in portfolio {
        row.insert("client_id".into(), Value::Null);
        sentiment.push(row);
    }
    sentiment.sort_by_key(|r| r["id"].as_i64());
    // The two children that got their parent's client_id got exactly that.
    for (child, parent, key) in [
        ("ticket_comments", "support_tickets", "ticket_id"),
        ("onboarding_milestones", "onboarding_plans", "plan_id"),
    ] {
        let parents = after[parent].clone();
        for row in after.get_mut(child).unwrap() {
            let p = parents
                .iter()
                .find(|p| p[key] == row[key])
                .unwrap_or_else(|| panic!("{child}: no parent for {row:?}"));
            assert_eq!(row["client_id"], p["client_id"], "{child}: {row:?}");
            row.remove("client_id");
        }
    }
    let types = columns(&mut conn);
    let mut filled: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (table, rows_before) in &before {
        let rows_after = &after[table];
        assert_eq!(rows_before.len(), rows_after.len(), "{table}");
        for (b, a) in rows_before.iter().zip(rows_after) {
            // Schema v2's one new column is derived: a prediction's customer_status is its
            // customer's status, filled in by the migration that adds it.
            let derived = |k: &&String| table == "churn_predictions" && *k == "customer_status";
            if table == "churn_predictions" {
                let customer = after["customers"]
                    .iter()
                    .find(|c| c["client_id"] == a["client_id"])
                    .expect("a prediction's customer");
                assert_eq!(a["customer_status"], customer["status"], "{table}: {a:?}");
            }
            assert_eq!(
                b.keys().collect::<Vec<_>>(),
                a.keys().filter(|k| !derived(k)).collect::<Vec<_>>(),
                "{table}"
            );
            for (column, old) in b {
                let new = &a[column];
                let (ty, default) = &types[&(table.clone(), column.clone())];
                if old.is_null() && !new.is_null() {
                    let default = default.as_deref().unwrap_or_else(|| {
                        panic!("{table}.{column}: NULL became {new} without a default")
                    });
                    let expected = default_value(&mut conn, default, ty);
                    assert!(same_value(ty, &expected, new), "{table}.{column}: {new}");
                    *filled.entry((table.clone(), column.clone())).or_default() += 1;
                } else {
                    assert!(
                        same_value(ty, old, new),
                        "{table}.{column} ({ty}): {old} became {new}"
                    );
                }
            }
        }
    }
    let reported: BTreeMap<(String, String), i64> = report
        .filled_nulls
        .iter()
        .map(|f| ((f.table.clone(), f.column.clone()), f.rows))
        .collect();
    assert_eq!(filled, reported);
    assert_eq!(filled.len(), report.not_null_set.len());

    // The typed models read every row.
    macro_rules! reads_all {
        ($($model:ty),+ $(,)?) => {$(
            let rows = <$model>::list(&mut conn, Page::default())
                .unwrap_or_else(|e| panic!("{}: {e}", stringify!($model)));
            assert_eq!(rows.len(), 3, "{}", stringify!($model));
        )+};
    }
    reads_all!(
        Customer,
        HealthScoreRecord,
        CustomerSegment,
        RiskIndicator,
        ChurnPrediction,
        OnboardingPlan,
        OnboardingMilestone,
        TrainingModule,
        TrainingCompletion,
        SupportTicket,
        TicketComment,
        KnowledgeBaseArticle,
        RenewalForecast,
        Contract,
        ExpansionOpportunity,
        RenewalCampaign,
        CustomerFeedback,
        NpsResponse,
        SurveyTemplate,
        HealthMetric,
        EngagementMetric,
        UsageAnalytics,
        CohortAnalysis,
    );
    // One of the three sample analyses was portfolio-wide (no client_id): it moved.
    assert_eq!(
        SentimentAnalysis::list(&mut conn, Page::default())
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        PortfolioSentimentAnalysis::list(&mut conn, Page::default())
            .unwrap()
            .len(),
        1
    );

    // Spelled out: money to cents, NULLs to defaults, boundaries kept, UTC kept.
    let money = |s: &str| Money::from_str(s).unwrap();
    let first = Customer::get(&mut conn, 1).unwrap();
    assert_eq!(first.contract_value, money("1234.56"));
    assert_eq!(first.health_score.get(), 0);
    assert_eq!(
        first.created_at.to_rfc3339(),
        "2024-01-15T08:30:00+00:00",
        "read as UTC"
    );
    let second = Customer::get(&mut conn, 2).unwrap();
    assert_eq!(second.industry, "Technology");
    assert_eq!(second.health_score.get(), 50);
    assert_eq!(second.contract_value, money("0.00"));
    let third = Customer::get(&mut conn, 5).unwrap();
    assert_eq!(third.contract_value, money("999999999999.99"));
    assert_eq!(third.health_score.get(), 100);
    assert_eq!(
        Contract::get(&mut conn, 1).unwrap().contract_value,
        money("10.01")
    );
    let churn = ChurnPrediction::list(&mut conn, Page::default()).unwrap();
    let probabilities: Vec<f64> = churn.iter().map(|c| c.churn_probability.get()).collect();
    assert_eq!(probabilities, [0.0, 0.5, 1.0]);

    // New rows continue after the old ids (and after ids the legacy sequence handed out).
    let new = Customer::create(
        &mut conn,
        &NewCustomer::new(
            "new-client",
            "New",
            "New Co",
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(new.id, 6);
    conn.batch_execute(
        "INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score,
                                    satisfaction_score, payment_score)
         VALUES ('new-client', 1, 2, 3, 4, 5)",
    )
    .unwrap();
    assert_eq!(
        count_where(&mut conn, "SELECT max(id) FROM health_scores"),
        5
    );
    assert_eq!(
        count_where(&mut conn, "SELECT max(id) FROM cohort_analysis"),
        5
    );
    conn.batch_execute(
        "INSERT INTO cohort_analysis (cohort_id, cohort_name, cohort_definition, cohort_size,
                                      analysis_date, months_since_cohort, retention_by_month,
                                      engagement_by_month, revenue_metrics)
         VALUES ('c-new', 'New', '{}', 1, '2026-01-01', 0, '[]', '[]', '{}')",
    )
    .unwrap();
    assert_eq!(
        count_where(&mut conn, "SELECT max(id) FROM cohort_analysis"),
        6
    );

    // The updated_at triggers work (and were not there while the NULLs were filled).
    conn.batch_execute("UPDATE customers SET client_name = 'Renamed' WHERE id = 1")
        .unwrap();
    assert!(Customer::get(&mut conn, 1).unwrap().updated_at > first.updated_at);
}

#[test]
fn adopt_refuses_rows_the_crate_would_reject_and_changes_nothing() {
    let (_db, mut conn) = legacy(true);
    conn.batch_execute(
        r#"
        ALTER TABLE customers ALTER COLUMN client_name DROP NOT NULL;
        UPDATE customers SET client_name = NULL WHERE id = 1;
        UPDATE customers SET tier = 'platinum' WHERE id = 2;
        UPDATE customers SET contract_value = 'NaN' WHERE id = 5;
        UPDATE contracts SET contract_value = 1e12 WHERE id = 5;
        UPDATE customer_segments SET total_arr = -5.5 WHERE id = 1;
        UPDATE renewal_forecasts SET health_score = 150 WHERE id = 1;
        UPDATE support_tickets SET tags = '{"not": "a list"}' WHERE id = 1;
        UPDATE risk_indicators SET detected_at = 'infinity' WHERE id = 5;
        UPDATE cohort_analysis SET cohort_definition = '{"bad": "nul \u0000 here"}' WHERE id = 1;
        "#,
    )
    .unwrap();
    let before = state(&mut conn);

    let plan = adopt::check(&mut conn).unwrap();
    let mut found: Vec<(String, String, i64)> = plan
        .problems
        .iter()
        .map(|p| {
            (
                p.table.clone(),
                p.column.clone().unwrap_or_default(),
                p.rows,
            )
        })
        .collect();
    found.sort();
    let expected = [
        ("cohort_analysis", "cohort_definition"),
        ("contracts", "contract_value"),
        ("customer_segments", "total_arr"),
        ("customers", "client_name"),
        ("customers", "contract_value"),
        ("customers", "tier"),
        ("renewal_forecasts", "health_score"),
        ("risk_indicators", "detected_at"),
        ("support_tickets", "tags"),
    ]
    .map(|(t, c)| (t.to_owned(), c.to_owned(), 1));
    assert_eq!(found, expected, "{plan}");
    assert_eq!(state(&mut conn), before, "the dry run changed the database");

    let err = adopt::adopt(&mut conn).unwrap_err();
    assert!(matches!(err, Error::Migration { .. }), "{err:?}");
    let message = err.to_string();
    for needle in [
        "customers.tier: 1 row: value outside CustomerTier",
        "customers.client_name: 1 row: NULL in a column the crate requires",
        "id 2: 'platinum'",
        "customers.contract_value",
        "id 5: 'NaN'",
        "customer_segments.total_arr",
        "negative amount",
        "renewal_forecasts.health_score",
        "id 1: '150'",
        "support_tickets.tags",
        "not an array of strings",
        "risk_indicators.detected_at",
        "cohort_analysis.cohort_definition",
        "nothing was changed",
    ] {
        assert!(message.contains(needle), "{needle:?} not in:\n{message}");
    }
    let refused = AdoptionRefused::report_of(&err).expect("the refusal carries its report");
    assert_eq!(refused.problems, plan.problems);
    assert!(!refused.applied);

    assert_eq!(
        state(&mut conn),
        before,
        "a refused adoption changed the database"
    );
    assert_eq!(adopt::detect(&mut conn).unwrap(), legacy_kind());
}

/// Asserts that `check` reports exactly the problems `adopt` refuses with, that one of them is
/// about `table` (and `column`, when given) and says `needle`, and that neither changed the
/// database.
fn check_and_adopt_refuse(
    conn: &mut PgConnection,
    table: &str,
    column: Option<&str>,
    needle: &str,
) -> AdoptionReport {
    let before = state(conn);
    let plan = adopt::check(conn).unwrap();
    assert!(!plan.applied);
    let found = plan.problems.iter().any(|p| {
        p.table == table
            && (column.is_none() || p.column.as_deref() == column)
            && p.to_string().contains(needle)
    });
    assert!(
        found,
        "no problem of {table} {column:?} saying {needle:?}:\n{plan}"
    );
    assert_eq!(state(conn), before, "the dry run changed the database");

    let err = adopt::adopt(conn).unwrap_err();
    assert!(err.to_string().contains(needle), "{err}");
    assert!(err.to_string().contains("nothing was changed"), "{err}");
    let refused = AdoptionRefused::report_of(&err).expect("the refusal carries its report");
    assert_eq!(refused.problems, plan.problems, "check and adopt disagree");
    assert!(!refused.applied);
    assert_eq!(
        state(conn),
        before,
        "a refused adoption changed the database"
    );
    assert_eq!(adopt::detect(conn).unwrap(), legacy_kind());
    plan
}

#[test]
fn values_the_crate_cannot_read_back_are_problems_for_check_and_adopt() {
    let max = chrono::NaiveDate::MAX.format("%Y").to_string();
    let max = max.trim_start_matches('+');
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let cases: Vec<(&str, String, &str, Option<&str>, String)> = vec![
        (
            "a timestamp beyond chrono",
            "UPDATE customers SET created_at = '270000-01-01' WHERE id = 1".to_owned(),
            "customers",
            Some("created_at"),
            format!("timestamp after {max}-12-31"),
        ),
        (
            "a date beyond chrono",
            "UPDATE customers SET contract_start_date = '300000-01-01' WHERE id = 2".to_owned(),
            "customers",
            Some("contract_start_date"),
            format!("date after {max}-12-31"),
        ),
        (
            "JSON nested deeper than serde_json's limit",
            format!("UPDATE cohort_analysis SET cohort_definition = '{deep}' WHERE id = 5"),
            "cohort_analysis",
            None,
            "recursion limit exceeded".to_owned(),
        ),
        (
            "a JSON number beyond f64",
            r#"UPDATE usage_analytics SET api_usage = '{"n": 1e400}' WHERE id = 2"#.to_owned(),
            "usage_analytics",
            None,
            "number out of range".to_owned(),
        ),
        (
            "a JSON number beyond numeric",
            r#"UPDATE usage_analytics SET api_usage = '{"n": 1e200000}' WHERE id = 1"#.to_owned(),
            "usage_analytics",
            Some("api_usage"),
            "value overflows numeric format".to_owned(),
        ),
    ];
    for (what, sql, table, column, needle) in cases {
        let (_db, mut conn) = legacy(true);
        conn.batch_execute(&sql).unwrap();
        let plan = check_and_adopt_refuse(&mut conn, table, column, &needle);
        let problem = plan
            .problems
            .iter()
            .find(|p| p.table == table && p.to_string().contains(&needle))
            .unwrap();
        assert_eq!(problem.rows, 1, "{what}: {problem}");
        assert_eq!(problem.examples.len(), 1, "{what}: {problem}");
    }
}

#[test]
fn check_fails_wherever_adopt_would() {
    // Each of these once passed `check` and then failed `adopt` (or passed both and broke the
    // typed API): `check` now runs the same conversion and rolls it back.
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "a view in another schema uses a converted column",
            "CREATE SCHEMA reporting;
             CREATE VIEW reporting.big_customers AS
                 SELECT client_id, contract_value FROM public.customers;",
            "customers",
            "cannot alter type of a column used by a view or rule",
        ),
        (
            "a rule in another schema reads a converted column",
            "CREATE SCHEMA audit;
             CREATE TABLE audit.log (client_id varchar(100), created timestamp);
             CREATE RULE log_customers AS ON INSERT TO audit.log
                 DO ALSO SELECT created_at FROM public.customers;",
            "customers",
            "cannot alter type of a column used by a view or rule",
        ),
        (
            "JSON beyond numeric's range",
            r#"UPDATE usage_analytics SET api_usage = '{"n": 1e1000000}' WHERE id = 1"#,
            "usage_analytics",
            "value overflows numeric format",
        ),
    ];
    for (what, sql, table, needle) in cases {
        let (_db, mut conn) = legacy(true);
        conn.batch_execute(sql).unwrap();
        let plan = check_and_adopt_refuse(&mut conn, table, None, needle);
        assert!(!plan.problems.is_empty(), "{what}");
    }
}

#[test]
fn schema_differences_from_the_revision_are_refused() {
    let (_db, mut conn) = legacy(true);
    conn.batch_execute(
        "CREATE TABLE notes (id serial PRIMARY KEY, body text);
         ALTER TABLE customers ADD COLUMN nickname text;
         DROP INDEX ix_contracts_end_date;
         ALTER TABLE support_tickets ALTER COLUMN subject TYPE text;
         CREATE VIEW big_customers AS SELECT client_id FROM customers WHERE contract_value > 1000;",
    )
    .unwrap();
    let before = state(&mut conn);

    let plan = adopt::check(&mut conn).unwrap();
    let shown = plan.to_string();
    for needle in [
        "notes: table not part of revision 6b022f57af5f",
        "notes_id_seq: sequence not part of revision",
        "big_customers: view not part of revision",
        "customers.nickname: column not part of revision",
        "contracts: index ix_contracts_end_date missing",
        "support_tickets.subject: type text, expected varchar(500)",
    ] {
        assert!(shown.contains(needle), "{needle:?} not in:\n{shown}");
    }
    assert!(plan.problems.iter().all(|p| p.rows == 0), "{shown}");

    let err = adopt::adopt(&mut conn).unwrap_err();
    assert_eq!(
        AdoptionRefused::report_of(&err).map(|r| &r.problems),
        Some(&plan.problems)
    );
    assert_eq!(state(&mut conn), before);
}

#[test]
fn legacy_server_defaults_and_loose_nullability_are_brought_in_line() {
    // Some deployments of the original system gave columns server defaults or left a required
    // column nullable; adoption replaces the defaults with the crate's and tightens the column.
    let (_db, mut conn) = legacy(true);
    conn.batch_execute(
        "ALTER TABLE customers ALTER COLUMN tier SET DEFAULT 'starter';
         ALTER TABLE customers ALTER COLUMN created_at SET DEFAULT now();
         ALTER TABLE support_tickets ALTER COLUMN tags SET DEFAULT '[]'::json;
         ALTER TABLE contracts ALTER COLUMN contract_value SET DEFAULT 0;
         ALTER TABLE customers ALTER COLUMN client_name DROP NOT NULL;",
    )
    .unwrap();
    let report = adopt::adopt(&mut conn).unwrap();
    assert!(report.applied);
    assert!(report
        .not_null_set
        .iter()
        .any(|c| c.table == "customers" && c.column == "client_name"));
    assert!(!report
        .filled_nulls
        .iter()
        .any(|f| f.column == "client_name"));
    assert_same_lines(
        &dump(&mut conn),
        &head_schema(),
        "adopted with legacy defaults",
    );
}

#[test]
fn empty_and_unknown_databases_are_refused_unchanged() {
    let empty = TestDatabase::empty().unwrap();
    let mut conn = empty.connect().unwrap();
    let err = adopt::adopt(&mut conn).unwrap_err();
    assert!(err.to_string().contains("empty database"), "{err}");
    assert!(err.to_string().contains("run_pending"), "{err}");
    assert!(adopt::check(&mut conn).is_err());
    assert!(dump(&mut conn).is_empty());

    let other = TestDatabase::empty().unwrap();
    let mut conn = other.connect().unwrap();
    conn.batch_execute("CREATE TABLE invoices (id serial PRIMARY KEY, total float8)")
        .unwrap();
    let before = dump(&mut conn);
    let err = adopt::adopt(&mut conn).unwrap_err();
    assert!(err.to_string().contains("invoices"), "{err}");
    assert_eq!(dump(&mut conn), before);

    let (_old, mut conn) = legacy(true);
    conn.batch_execute("UPDATE alembic_version SET version_num = '0123456789ab'")
        .unwrap();
    let before = state(&mut conn);
    let err = adopt::adopt(&mut conn).unwrap_err();
    assert!(err.to_string().contains("0123456789ab"), "{err}");
    assert_eq!(state(&mut conn), before);
}

#[test]
fn current_databases_are_left_alone_so_adopting_twice_is_harmless() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let before = dump(&mut conn);
    let report = adopt::check(&mut conn).unwrap();
    assert_eq!(report.kind, DatabaseKind::Current);
    let report = adopt::adopt(&mut conn).unwrap();
    assert_eq!(report.kind, DatabaseKind::Current);
    assert!(!report.applied);
    assert!(report.converted_columns.is_empty() && report.problems.is_empty());
    assert!(report.to_string().contains("nothing to adopt"), "{report}");
    assert_eq!(dump(&mut conn), before);

    // An original-system database without rows: adopted once, then Current.
    let (_legacy, mut conn) = legacy(false);
    let first: AdoptionReport = adopt::adopt(&mut conn).unwrap();
    assert!(first.applied);
    assert!(first.filled_nulls.is_empty() && first.rounded_money.is_empty());
    assert!(first.identity_restarts.iter().all(|r| r.next_id == 1));
    assert_same_lines(
        &dump(&mut conn),
        &head_schema(),
        "adopted empty legacy database",
    );
    let again = adopt::adopt(&mut conn).unwrap();
    assert_eq!(again.kind, DatabaseKind::Current);
    assert!(!again.applied);
    assert_same_lines(&dump(&mut conn), &head_schema(), "adopted twice");
    let customer = Customer::create(
        &mut conn,
        &NewCustomer::new(
            "first",
            "First",
            "First Co",
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(customer.id, 1);
}

/// The condition on `pg_locks` that matches the migrations' advisory lock.
fn advisory_lock() -> String {
    let key = migrations::ADVISORY_LOCK_KEY;
    format!(
        "locktype = 'advisory' AND classid::int8 = ({key}::int8 >> 32) \
         AND objid::int8 = ({key}::int8 & 4294967295) AND objsubid = 1"
    )
}

/// Polls `pg_locks` until a session of this database waits for (has requested and not been
/// granted) a lock matching `condition`; fails after a deadline.
fn wait_until_waiting(observer: &mut PgConnection, what: &str, condition: &str) {
    let sql = format!(
        "SELECT count(*) FROM pg_locks
         WHERE NOT granted AND database = (SELECT oid FROM pg_database
                                           WHERE datname = current_database())
           AND {condition}"
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while count_where(observer, &sql) == 0 {
        assert!(
            Instant::now() < deadline,
            "no session waited for {what} within 20 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn advisory(conn: &mut PgConnection, function: &str) {
    diesel::sql_query(format!("SELECT {function}($1)"))
        .bind::<diesel::sql_types::BigInt, _>(migrations::ADVISORY_LOCK_KEY)
        .execute(conn)
        .unwrap();
}

#[test]
fn adopt_waits_for_the_migration_lock() {
    let (db, mut holder) = legacy(true);
    advisory(&mut holder, "pg_advisory_lock");
    let url = db.url().to_owned();
    let adopter = std::thread::spawn(move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        adopt::adopt(&mut conn).map(|r| r.applied)
    });
    // The adoption itself is seen waiting for the lock, not merely "not finished yet".
    wait_until_waiting(
        &mut holder,
        "the migrations' advisory lock",
        &advisory_lock(),
    );
    assert!(!adopter.is_finished());
    assert_eq!(adopt::detect(&mut holder).unwrap(), legacy_kind());

    advisory(&mut holder, "pg_advisory_unlock");
    assert!(adopter.join().unwrap().unwrap());
    assert_eq!(adopt::detect(&mut holder).unwrap(), DatabaseKind::Current);
}

/// Runs `operation` on a database of its own while another session holds the migrations'
/// advisory lock: the operation must be seen waiting for that lock and must not have changed
/// the bookkeeping; once the lock is released it completes. Returns what it returned.
fn waits_for_the_migration_lock<T: Send + 'static>(
    db: &TestDatabase,
    operation: fn(&mut PgConnection) -> customer_success_db::Result<T>,
) -> T {
    let mut holder = db.connect().unwrap();
    let applied = migrations::applied(&mut holder).unwrap();
    advisory(&mut holder, "pg_advisory_lock");
    let url = db.url().to_owned();
    let worker = std::thread::spawn(move || {
        let mut conn = PgConnection::establish(&url).unwrap();
        operation(&mut conn)
    });
    // The migrations poll `pg_try_advisory_lock` (a waiter blocked inside a statement would
    // deadlock with a CREATE INDEX CONCURRENTLY of the holder), so the sign of waiting is a
    // backend whose last statement was that poll, not a lock wait in pg_locks.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let polling = diesel::sql_query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() \
             AND pid <> pg_backend_pid() AND query LIKE 'SELECT pg_try_advisory_lock%'",
        )
        .get_result::<N>(&mut holder)
        .unwrap()
        .n;
        if polling > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the operation never tried the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert!(!worker.is_finished());
    assert_eq!(migrations::applied(&mut holder).unwrap(), applied);
    advisory(&mut holder, "pg_advisory_unlock");
    worker.join().unwrap().unwrap()
}

#[test]
fn revert_last_revert_all_and_stamp_all_wait_for_the_migration_lock() {
    let last = migrations::SQL.last().unwrap().version();

    let db = TestDatabase::new().unwrap();
    assert_eq!(
        waits_for_the_migration_lock(&db, migrations::revert_last),
        last
    );
    let mut conn = db.connect().unwrap();
    assert_eq!(migrations::pending(&mut conn).unwrap().len(), 1);

    let db = TestDatabase::new().unwrap();
    let reverted = waits_for_the_migration_lock(&db, migrations::revert_all);
    assert_eq!(reverted.len(), migrations::SQL.len());

    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    diesel::sql_query("DELETE FROM __diesel_schema_migrations WHERE version = $1")
        .bind::<Text, _>(&last)
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        waits_for_the_migration_lock(&db, migrations::stamp_all),
        [last]
    );
}

/// A row of the original system's application, in the legacy column list, with `tier` as
/// given; with the id given, or else the one the column's default (the legacy serial, or after
/// adoption the identity) hands out.
fn legacy_insert(id: Option<i64>, client_id: &str, tier: &str) -> String {
    let (id_column, id_value) = match id {
        Some(id) => ("id, ", format!("{id}, ")),
        None => ("", String::new()),
    };
    format!(
        "INSERT INTO customers ({id_column}client_id, client_name, company_name, tier,
                                lifecycle_stage, contract_start_date, status, created_at,
                                updated_at)
         VALUES ({id_value}'{client_id}', 'Writer', 'Writer Co', '{tier}', 'onboarding',
                 '2024-01-01', 'active', now(), now())"
    )
}

const ADOPT_WAITS_ON_CUSTOMERS: &str = "locktype = 'relation' \
    AND relation = 'public.customers'::regclass AND mode = 'AccessExclusiveLock'";
const WRITER_WAITS_ON_CUSTOMERS: &str = "locktype = 'relation' \
    AND relation = 'public.customers'::regclass AND mode = 'RowExclusiveLock'";

#[test]
fn adoption_locks_out_writers_so_that_what_it_checked_is_what_it_converts() {
    let (db, mut observer) = legacy(true);
    let spawn = |work: fn(&mut PgConnection) -> String| {
        let url = db.url().to_owned();
        std::thread::spawn(move || {
            let mut conn = PgConnection::establish(&url).unwrap();
            work(&mut conn)
        })
    };

    // Round 1: a writer of the original system is half-way through inserting a row the crate
    // would reject when adoption starts. Adoption waits for it, a second writer queues behind
    // adoption, the first commits: adoption sees the row and refuses.
    let mut writer = db.connect().unwrap();
    writer
        .batch_execute(&format!(
            "BEGIN; {}",
            legacy_insert(Some(6), "bad-1", "platinum")
        ))
        .unwrap();
    let adopter = spawn(|conn| match adopt::adopt(conn) {
        Ok(report) => format!("adopted: {report}"),
        Err(e) => e.to_string(),
    });
    wait_until_waiting(
        &mut observer,
        "adopt's lock on customers",
        ADOPT_WAITS_ON_CUSTOMERS,
    );
    let late = spawn(|conn| {
        conn.batch_execute(&legacy_insert(Some(7), "late-1", "standard"))
            .map_or_else(|e| e.to_string(), |()| "inserted".to_owned())
    });
    wait_until_waiting(&mut observer, "the late writer", WRITER_WAITS_ON_CUSTOMERS);
    writer.batch_execute("COMMIT").unwrap();
    let refusal = adopter.join().unwrap();
    assert!(refusal.contains("refusing to adopt"), "{refusal}");
    assert!(refusal.contains("customers.tier: 1 row"), "{refusal}");
    assert!(refusal.contains("'platinum'"), "{refusal}");
    assert_eq!(late.join().unwrap(), "inserted");
    assert_eq!(adopt::detect(&mut observer).unwrap(), legacy_kind());

    // Round 2: the bad row is corrected; a writer again holds an uncommitted row when adoption
    // starts, and a late writer again queues behind adoption. Adoption converts every row it
    // waited for (checked), the late writer's insert lands in the adopted table.
    observer
        .batch_execute("UPDATE customers SET tier = 'enterprise' WHERE client_id = 'bad-1'")
        .unwrap();
    writer
        .batch_execute(&format!(
            "BEGIN; {}",
            legacy_insert(Some(8), "early-2", "starter")
        ))
        .unwrap();
    let adopter = spawn(|conn| match adopt::adopt(conn) {
        Ok(report) => format!(
            "adopted, locked for {} ms: {report}",
            report.tables_locked_ms
        ),
        Err(e) => e.to_string(),
    });
    wait_until_waiting(
        &mut observer,
        "adopt's lock on customers",
        ADOPT_WAITS_ON_CUSTOMERS,
    );
    let late = spawn(|conn| {
        conn.batch_execute(&legacy_insert(None, "late-2", "professional"))
            .map_or_else(|e| e.to_string(), |()| "inserted".to_owned())
    });
    wait_until_waiting(&mut observer, "the late writer", WRITER_WAITS_ON_CUSTOMERS);
    writer.batch_execute("COMMIT").unwrap();
    let adopted = adopter.join().unwrap();
    assert!(adopted.starts_with("adopted"), "{adopted}");
    // Ids 1, 2, 5 from the sample rows, 6 to 8 from the writers (the last one committed while
    // adoption waited): the identity continues at 9, read under the lock.
    assert!(adopted.contains("customers 9"), "{adopted}");
    assert_eq!(late.join().unwrap(), "inserted");
    assert_eq!(adopt::detect(&mut observer).unwrap(), DatabaseKind::Current);

    // Every row reads back through the typed API; the late row, which gave no id, got the next
    // identity value (the legacy serial would have handed out 1, a duplicate), and the next
    // insert succeeds.
    let customers = Customer::list(&mut observer, Page::default()).unwrap();
    let ids: Vec<(i64, String)> = customers
        .iter()
        .map(|c| (c.id, c.client_id.clone()))
        .collect();
    assert_eq!(
        ids.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        [1, 2, 5, 6, 7, 8, 9]
    );
    assert_eq!(ids[6].1, "late-2");
    macro_rules! reads_all {
        ($($model:ty),+ $(,)?) => {$(
            <$model>::list(&mut observer, Page::default())
                .unwrap_or_else(|e| panic!("{}: {e}", stringify!($model)));
        )+};
    }
    reads_all!(
        HealthScoreRecord,
        CustomerSegment,
        RiskIndicator,
        ChurnPrediction,
        OnboardingPlan,
        OnboardingMilestone,
        TrainingModule,
        TrainingCompletion,
        SupportTicket,
        TicketComment,
        KnowledgeBaseArticle,
        RenewalForecast,
        Contract,
        ExpansionOpportunity,
        RenewalCampaign,
        CustomerFeedback,
        NpsResponse,
        SentimentAnalysis,
        SurveyTemplate,
        HealthMetric,
        EngagementMetric,
        UsageAnalytics,
        CohortAnalysis,
    );
    let next = Customer::create(
        &mut observer,
        &NewCustomer::new(
            "after-adoption",
            "After",
            "After Co",
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(next.id, 10);
}

#[test]
fn a_lock_not_granted_in_time_names_its_holder_and_changes_nothing() {
    let (db, mut conn) = legacy(true);
    let before = state(&mut conn);
    let mut writer = db.connect().unwrap();
    let pid = count_where(&mut writer, "SELECT pg_backend_pid()");
    writer
        .batch_execute(
            "SET application_name = 'legacy-writer';
             BEGIN;
             UPDATE customers SET client_name = 'Held' WHERE id = 1;",
        )
        .unwrap();
    let options = Options {
        lock_timeout: Duration::from_millis(300),
    };
    for (what, result) in [
        ("adopt", adopt::adopt_with(&mut conn, &options)),
        ("check", adopt::check_with(&mut conn, &options)),
    ] {
        let message = result.unwrap_err().to_string();
        for needle in [
            "could not take the tables within 300ms",
            "lock timeout",
            &format!("pid {pid}"),
            "application 'legacy-writer'",
            "idle in transaction",
            "RowExclusiveLock on customers",
            "UPDATE customers SET client_name = 'Held' WHERE id = 1",
            "Nothing was changed",
        ] {
            assert!(
                message.contains(needle),
                "{what}: {needle:?} not in {message}"
            );
        }
    }
    writer.batch_execute("ROLLBACK").unwrap();
    assert_eq!(state(&mut conn), before);
    assert_eq!(adopt::detect(&mut conn).unwrap(), legacy_kind());
}

// The sample rows, generated from the schema specification: per table ids 1, 2 and 5 (so the
// identity must continue at 6), except health_scores, whose serial handed out 1 to 4 and whose
// row 4 was deleted again (so it must continue at 5).
// BEGIN GENERATED sample rows
const SAMPLE_ROWS: &str = r#"
INSERT INTO customers (id, client_id, client_name, company_name, industry, tier, lifecycle_stage, contract_value, contract_start_date, contract_end_date, renewal_date, primary_contact_email, primary_contact_name, csm_assigned, health_score, health_trend, last_engagement_date, status, created_at, updated_at) VALUES
    (1, 'client_id-1', 'client_name-1', 'company_name-1', 'industry-1', 'starter', 'onboarding', 1234.5600000001, '2024-01-15', '2024-01-15', '2024-01-15', 'primary_contact_email-1', 'primary_contact_name-1', 'csm_assigned-1', 0, 'improving', '2024-01-15 08:30:00', 'active', '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'client_id-2', 'client_name-2', 'company_name-2', NULL, 'professional', 'churned', NULL, '2024-02-29', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'churned', '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'client_id-3', 'client_name-3', 'company_name-3', 'industry-3', 'enterprise', 'renewal', 999999999999.99, '2025-12-31', '2025-12-31', '2025-12-31', 'primary_contact_email-3', 'primary_contact_name-3', 'csm_assigned-3', 100, 'declining', '2025-06-30 23:59:59.123456', 'pending', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score, satisfaction_score, payment_score, usage_weight, engagement_weight, support_weight, satisfaction_weight, payment_weight, overall_score, created_at, updated_at) VALUES
    ('client_id-1', 0, 0, 0, 0, 0, 0.35, 0.25, 0.15, 0.15, 0.10, 0, '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    ('client_id-2', 50.0, 50.0, 50.0, 50.0, 50.0, NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    ('client_id-3', 100, 100, 100, 100, 100, 0.2, 0.2, 0.2, 0.2, 0.2, 100, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score, satisfaction_score, payment_score, usage_weight, engagement_weight, support_weight, satisfaction_weight, payment_weight, overall_score, created_at, updated_at) VALUES
    ('client_id-1', 0, 0, 0, 0, 0, 0.35, 0.25, 0.15, 0.15, 0.10, 0, '2024-01-15 08:30:00', '2024-01-15 08:30:00');
DELETE FROM health_scores WHERE id = 4;
INSERT INTO customer_segments (id, segment_id, segment_name, segment_type, criteria, characteristics, engagement_strategy, success_metrics, customer_count, total_arr, avg_health_score, created_at, updated_at) VALUES
    (1, 'segment_id-1', 'segment_name-1', 'segment_type-1', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 1234.56, 0, '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'segment_id-2', 'segment_name-2', 'segment_type-2', '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'segment_id-3', 'segment_name-3', 'segment_type-3', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 2147483647, 999999999999.99, 100, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO risk_indicators (id, client_id, indicator_id, indicator_name, category, severity, current_value, threshold_value, description, mitigation_actions, detected_at, resolved_at) VALUES
    (1, 'client_id-1', 'indicator_id-1', 'indicator_name-1', 'category-1', 'low', 0.1, 0.1, 'description-1', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'client_id-2', 'indicator_id-2', 'indicator_name-2', 'category-2', 'high', 12.5, 12.5, 'description-2', NULL, '2024-03-31 01:59:59.999999', NULL),
    (5, 'client_id-3', 'indicator_id-3', 'indicator_name-3', 'category-3', 'critical', 3.75e-5, 3.75e-5, 'It''s O''Brien''s "quoted" note
with a second line', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO churn_predictions (id, client_id, prediction_date, churn_probability, churn_risk_level, confidence_score, contributing_factors, predicted_churn_date, retention_recommendations, model_version) VALUES
    (1, 'client_id-1', '2024-01-15 08:30:00', 0, 'low', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'model_version-1'),
    (2, 'client_id-2', '2024-03-31 01:59:59.999999', 0.5, 'high', 0.5, NULL, NULL, NULL, NULL),
    (5, 'client_id-3', '2025-06-30 23:59:59.123456', 1, 'critical', 1, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-12-31', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'model_version-3');
INSERT INTO onboarding_plans (id, plan_id, client_id, plan_name, product_tier, start_date, target_completion_date, actual_completion_date, timeline_weeks, customer_goals, success_criteria, total_estimated_hours, assigned_csm, assigned_implementation_team, status, completion_percentage, created_at, updated_at) VALUES
    (1, 'plan_id-1', 'client_id-1', 'plan_name-1', 'product_tier-1', '2024-01-15', '2024-01-15', '2024-01-15', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 'assigned_csm-1', '["alpha", "beta"]', 'draft', 0, '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'plan_id-2', 'client_id-2', 'plan_name-2', 'product_tier-2', '2024-02-29', '2024-02-29', NULL, 7, '[{"step": 1}, {"step": 2}]', '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, 'completed', NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'plan_id-3', 'client_id-3', 'plan_name-3', 'product_tier-3', '2025-12-31', '2025-12-31', '2025-12-31', 2147483647, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 2147483647, 'assigned_csm-3', '["gamma", "O''Brien"]', 'cancelled', 100, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO onboarding_milestones (id, milestone_id, plan_id, name, description, week, sequence_order, tasks, success_criteria, dependencies, estimated_hours, actual_hours, assigned_to, due_date, completion_date, status, completion_percentage, blockers) VALUES
    (1, 'milestone_id-1', 'plan_id-1', 'name-1', 'description-1', 0, 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '["alpha", "beta"]', 0, 0, 'assigned_to-1', '2024-01-15', '2024-01-15', 'not_started', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}'),
    (2, 'milestone_id-2', 'plan_id-2', 'name-2', 'description-2', 7, 7, '[{"step": 1}, {"step": 2}]', NULL, NULL, 7, NULL, NULL, NULL, NULL, 'completed', NULL, NULL),
    (5, 'milestone_id-3', 'plan_id-3', 'name-3', 'It''s O''Brien''s "quoted" note
with a second line', 2147483647, 2147483647, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '["gamma", "O''Brien"]', 2147483647, 2147483647, 'assigned_to-3', '2025-12-31', '2025-12-31', 'skipped', 100, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}');
INSERT INTO training_modules (id, module_id, module_name, module_description, format, certification_level, duration_minutes, content_url, prerequisites, learning_objectives, topics_covered, assessment_required, passing_score, certification_awarded, max_attempts, created_at, updated_at) VALUES
    (1, 'module_id-1', 'module_name-1', 'module_description-1', 'live_webinar', 'basic', 0, 'content_url-1', '["alpha", "beta"]', '["alpha", "beta"]', '["alpha", "beta"]', true, 0, 'certification_awarded-1', 0, '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'module_id-2', 'module_name-2', 'module_description-2', 'workshop', NULL, 7, NULL, NULL, '[]', '[]', NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'module_id-3', 'module_name-3', 'It''s O''Brien''s "quoted" note
with a second line', 'documentation', 'expert', 2147483647, 'content_url-3', '["gamma", "O''Brien"]', '["gamma", "O''Brien"]', '["gamma", "O''Brien"]', false, 100, 'certification_awarded-3', 2147483647, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO training_completions (id, completion_id, client_id, module_id, user_email, user_name, started_at, completed_at, time_spent_minutes, assessment_score, attempts_used, passed, certification_issued, certification_id, feedback_rating, feedback_comments) VALUES
    (1, 'completion_id-1', 'client_id-1', 'module_id-1', 'user_email-1', 'user_name-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 0, 0, true, true, 'certification_id-1', 1, 'feedback_comments-1'),
    (2, 'completion_id-2', 'client_id-2', 'module_id-2', 'user_email-2', 'user_name-2', '2024-03-31 01:59:59.999999', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (5, 'completion_id-3', 'client_id-3', 'module_id-3', 'user_email-3', 'user_name-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, 100, 2147483647, false, false, 'certification_id-3', 5, 'It''s O''Brien''s "quoted" note
with a second line');
INSERT INTO support_tickets (id, ticket_id, client_id, subject, description, priority, category, status, requester_email, requester_name, assigned_agent, assigned_team, tags, created_at, updated_at, first_response_at, resolved_at, closed_at, sla_first_response_minutes, sla_resolution_minutes, first_response_sla_status, resolution_sla_status, time_to_first_response_minutes, time_to_resolution_minutes, satisfaction_rating, satisfaction_comment, escalated, escalated_at, escalation_reason, resolution_notes, internal_notes, customer_visible_notes) VALUES
    (1, 'ticket_id-1', 'client_id-1', 'subject-1', 'description-1', 'P0', 'technical_issue', 'open', 'requester_email-1', 'requester_name-1', 'assigned_agent-1', 'assigned_team-1', '["alpha", "beta"]', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 0, 'met', 'met', 0, 0, 1, 'satisfaction_comment-1', true, '2024-01-15 08:30:00', 'escalation_reason-1', 'resolution_notes-1', 'internal_notes-1', 'customer_visible_notes-1'),
    (2, 'ticket_id-2', 'client_id-2', 'subject-2', 'description-2', 'P2', 'integration_support', 'waiting_on_engineering', 'requester_email-2', 'requester_name-2', NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', NULL, NULL, NULL, 7, 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (5, 'ticket_id-3', 'client_id-3', 'subject-3', 'It''s O''Brien''s "quoted" note
with a second line', 'P4', 'other', 'reopened', 'requester_email-3', 'requester_name-3', 'assigned_agent-3', 'assigned_team-3', '["gamma", "O''Brien"]', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, 2147483647, 'not_applicable', 'not_applicable', 2147483647, 2147483647, 5, 'It''s O''Brien''s "quoted" note
with a second line', false, '2025-06-30 23:59:59.123456', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line');
INSERT INTO ticket_comments (id, comment_id, ticket_id, author_email, author_name, author_type, content, is_public, attachments, created_at) VALUES
    (1, 'comment_id-1', 'ticket_id-1', 'author_email-1', 'author_name-1', 'agent', 'content-1', true, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00'),
    (2, 'comment_id-2', 'ticket_id-2', 'author_email-2', 'author_name-2', 'customer', 'content-2', NULL, NULL, '2024-03-31 01:59:59.999999'),
    (5, 'comment_id-3', 'ticket_id-3', 'author_email-3', 'author_name-3', 'system', 'It''s O''Brien''s "quoted" note
with a second line', false, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456');
INSERT INTO knowledge_base_articles (id, article_id, title, summary, content, category, subcategory, tags, status, author, created_at, updated_at, published_at, version, view_count, helpful_votes, not_helpful_votes, helpfulness_score, related_articles, search_keywords, customer_facing, requires_authentication, product_tier_restrictions) VALUES
    (1, 'article_id-1', 'title-1', 'summary-1', 'content-1', 'category-1', 'subcategory-1', '["alpha", "beta"]', 'draft', 'author-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 0, 0, 0, 0, '["alpha", "beta"]', '["alpha", "beta"]', true, true, '["alpha", "beta"]'),
    (2, 'article_id-2', 'title-2', 'summary-2', 'content-2', 'category-2', NULL, '[]', 'published', 'author-2', '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (5, 'article_id-3', 'title-3', 'summary-3', 'It''s O''Brien''s "quoted" note
with a second line', 'category-3', 'subcategory-3', '["gamma", "O''Brien"]', 'archived', 'author-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, 2147483647, 2147483647, 2147483647, 1, '["gamma", "O''Brien"]', '["gamma", "O''Brien"]', false, false, '["gamma", "O''Brien"]');
INSERT INTO renewal_forecasts (id, forecast_id, client_id, contract_id, renewal_date, current_arr, forecasted_arr, renewal_probability, renewal_status, confidence_score, health_score, risk_factors, positive_indicators, expansion_probability, estimated_expansion_value, days_until_renewal, last_csm_touchpoint, next_scheduled_touchpoint, recommended_actions, forecast_created_at, forecast_updated_at, model_version) VALUES
    (1, 'forecast_id-1', 'client_id-1', 'contract_id-1', '2024-01-15', 1234.56, 1234.56, 0, 'on_track', 0, 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 1234.56, 0, '2024-01-15', '2024-01-15', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 'model_version-1'),
    (2, 'forecast_id-2', 'client_id-2', 'contract_id-2', '2024-02-29', 0.30000000000000004, 0.30000000000000004, 0.5, 'won', 0.5, 50, NULL, NULL, NULL, NULL, 7, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', NULL),
    (5, 'forecast_id-3', 'client_id-3', 'contract_id-3', '2025-12-31', 999999999999.99, 999999999999.99, 1, 'churned', 1, 100, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 1, 999999999999.99, 2147483647, '2025-12-31', '2025-12-31', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 'model_version-3');
INSERT INTO contracts (id, contract_id, client_id, contract_type, contract_value, billing_frequency, currency, start_date, end_date, renewal_date, auto_renew, notice_period_days, payment_terms, payment_status, included_users, included_usage, tier, products_included, addons, discount_percentage, discount_reason, signed_by, owner_csm, last_modified, contract_url) VALUES
    (1, 'contract_id-1', 'client_id-1', 'annual', 10.005, 'monthly', 'USD', '2024-01-15', '2024-01-15', '2024-01-15', true, 0, 'payment_terms-1', 'current', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'tier-1', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 'discount_reason-1', 'signed_by-1', 'owner_csm-1', '2024-01-15 08:30:00', 'contract_url-1'),
    (2, 'contract_id-2', 'client_id-2', 'monthly', 0.30000000000000004, 'quarterly', NULL, '2024-02-29', '2024-02-29', '2024-02-29', NULL, NULL, 'payment_terms-2', 'payment_plan', NULL, NULL, 'tier-2', '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', NULL),
    (5, 'contract_id-3', 'client_id-3', 'quarterly', 999999999999.99, 'annual', 'GBP', '2025-12-31', '2025-12-31', '2025-12-31', false, 2147483647, 'payment_terms-3', 'at_risk', 2147483647, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'tier-3', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 100, 'discount_reason-3', 'signed_by-3', 'owner_csm-3', '2025-06-30 23:59:59.123456', 'contract_url-3');
INSERT INTO expansion_opportunities (id, opportunity_id, client_id, opportunity_name, expansion_type, estimated_value, probability, confidence_score, expected_close_date, current_stage, requirements, value_drivers, blockers, champion, decision_makers, competitive_pressure, assigned_to, next_action, next_action_date, created_at, updated_at) VALUES
    (1, 'opportunity_id-1', 'client_id-1', 'opportunity_name-1', 'upsell', 1234.56, 0, 0, '2024-01-15', 'awareness', '["alpha", "beta"]', '["alpha", "beta"]', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'champion-1', '["alpha", "beta"]', 'none', 'assigned_to-1', 'next_action-1', '2024-01-15', '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'opportunity_id-2', 'client_id-2', 'opportunity_name-2', 'usage_expansion', 0.30000000000000004, 0.5, NULL, NULL, 'proposal', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'opportunity_id-3', 'client_id-3', 'opportunity_name-3', 'training', 999999999999.99, 1, 1, '2025-12-31', 'closed', '["gamma", "O''Brien"]', '["gamma", "O''Brien"]', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'champion-3', '["gamma", "O''Brien"]', 'unknown', 'assigned_to-3', 'next_action-3', '2025-12-31', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO renewal_campaigns (id, campaign_id, campaign_name, start_date, end_date, target_renewal_date_range, total_customers, total_arr_at_risk, customers_contacted, customers_committed, customers_at_risk, win_rate, expansion_opportunities_identified, expansion_value_identified, campaign_activities, success_metrics, created_at, updated_at) VALUES
    (1, 'campaign_id-1', 'campaign_name-1', '2024-01-15', '2024-01-15', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 1234.56, 0, 0, 0, 0, 0, 1234.56, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'campaign_id-2', 'campaign_name-2', '2024-02-29', '2024-02-29', '[{"step": 1}, {"step": 2}]', 7, 0.30000000000000004, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'campaign_id-3', 'campaign_name-3', '2025-12-31', '2025-12-31', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 2147483647, 999999999999.99, 2147483647, 2147483647, 2147483647, 1, 2147483647, 999999999999.99, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO customer_feedback (id, feedback_id, client_id, feedback_type, source, submitter_email, submitter_name, title, content, category, subcategory, tags, sentiment, sentiment_score, priority, status, impact_assessment, assigned_to, follow_up_required, follow_up_by, customer_responded, resolution_notes, created_at, updated_at, reviewed_at, resolved_at) VALUES
    (1, 'feedback_id-1', 'client_id-1', 'nps', 'source-1', 'submitter_email-1', 'submitter_name-1', 'title-1', 'content-1', 'category-1', 'subcategory-1', '["alpha", "beta"]', 'very_positive', -1, 'critical', 'new', 'impact_assessment-1', 'assigned_to-1', true, '2024-01-15', true, 'resolution_notes-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'feedback_id-2', 'client_id-2', 'bug_report', 'source-2', 'submitter_email-2', 'submitter_name-2', 'title-2', 'content-2', 'category-2', NULL, NULL, 'neutral', 0.0, 'medium', 'resolved', NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', NULL, NULL),
    (5, 'feedback_id-3', 'client_id-3', 'general', 'source-3', 'submitter_email-3', 'submitter_name-3', 'title-3', 'It''s O''Brien''s "quoted" note
with a second line', 'category-3', 'subcategory-3', '["gamma", "O''Brien"]', 'very_negative', 1, 'low', 'wont_fix', 'It''s O''Brien''s "quoted" note
with a second line', 'assigned_to-3', false, '2025-12-31', false, 'It''s O''Brien''s "quoted" note
with a second line', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO nps_responses (id, response_id, client_id, survey_id, respondent_email, respondent_name, score, category, reason, follow_up_question_1, follow_up_answer_1, follow_up_question_2, follow_up_answer_2, sentiment, sentiment_score, follow_up_required, contacted, survey_sent_at, responded_at, response_time_hours) VALUES
    (1, 'response_id-1', 'client_id-1', 'survey_id-1', 'respondent_email-1', 'respondent_name-1', 0, 'detractor', 'reason-1', 'follow_up_question_1-1', 'follow_up_answer_1-1', 'follow_up_question_2-1', 'follow_up_answer_2-1', 'very_positive', -1, true, true, '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0.1),
    (2, 'response_id-2', 'client_id-2', 'survey_id-2', 'respondent_email-2', 'respondent_name-2', 5, 'detractor', NULL, NULL, NULL, NULL, NULL, 'neutral', 0.0, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', 12.5),
    (5, 'response_id-3', 'client_id-3', 'survey_id-3', 'respondent_email-3', 'respondent_name-3', 10, 'promoter', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'It''s O''Brien''s "quoted" note
with a second line', 'very_negative', 1, false, false, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 3.75e-5);
INSERT INTO sentiment_analysis (id, analysis_id, client_id, period_start, period_end, total_feedback_items, feedback_by_type, overall_sentiment, overall_sentiment_score, sentiment_distribution, sentiment_trend, top_positive_themes, top_negative_themes, action_items, nps_score, csat_score, analyzed_at) VALUES
    (1, 'analysis_id-1', 'client_id-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'very_positive', -1, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'improving', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', -100, 1, '2024-01-15 08:30:00'),
    (2, 'analysis_id-2', NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', 7, '[{"step": 1}, {"step": 2}]', 'neutral', 0.0, '[{"step": 1}, {"step": 2}]', 'declining', NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999'),
    (5, 'analysis_id-3', 'client_id-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'very_negative', 1, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'unknown', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 100, 5, '2025-06-30 23:59:59.123456');
INSERT INTO survey_templates (id, template_id, template_name, template_type, description, questions, targeting, frequency, active, created_at, updated_at) VALUES
    (1, 'template_id-1', 'template_name-1', 'nps', 'description-1', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'one_time', true, '2024-01-15 08:30:00', '2024-01-15 08:30:00'),
    (2, 'template_id-2', 'template_name-2', 'bug_report', 'description-2', '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999'),
    (5, 'template_id-3', 'template_name-3', 'general', 'It''s O''Brien''s "quoted" note
with a second line', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'annual', false, '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456');
INSERT INTO health_metrics (id, client_id, period_start, period_end, overall_health_score, health_score_trend, health_score_change, health_components, component_trends, risk_indicators, positive_indicators, benchmark_comparison, predicted_next_period_score, confidence, created_at) VALUES
    (1, 'client_id-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 'up', -100, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 0, '2024-01-15 08:30:00'),
    (2, 'client_id-2', '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', 50, 'down', 0, '[{"step": 1}, {"step": 2}]', '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, NULL, NULL, '2024-03-31 01:59:59.999999'),
    (5, 'client_id-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 100, 'flat', 100, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 100, 1, '2025-06-30 23:59:59.123456');
INSERT INTO engagement_metrics (id, client_id, period_start, period_end, total_users, active_users, daily_active_users, weekly_active_users, monthly_active_users, activation_rate, engagement_rate, total_logins, avg_logins_per_user, total_session_minutes, avg_session_duration_minutes, total_actions, avg_actions_per_session, feature_adoption, power_users, inactive_users, at_risk_users, engagement_trend, vs_previous_period, created_at) VALUES
    (1, 'client_id-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0, 0.1, 0, 0.1, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, 0, 0, 'up', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00'),
    (2, 'client_id-2', '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', 7, 7, 7, 7, 7, 0.5, 0.5, 7, 12.5, 7, 12.5, 7, 12.5, '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, 'down', NULL, '2024-03-31 01:59:59.999999'),
    (5, 'client_id-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, 2147483647, 2147483647, 2147483647, 2147483647, 1, 1, 2147483647, 3.75e-5, 2147483647, 3.75e-5, 2147483647, 3.75e-5, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 2147483647, 2147483647, 2147483647, 'flat', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456');
INSERT INTO usage_analytics (id, client_id, period_start, period_end, total_usage_events, unique_features_used, total_features_available, feature_utilization_rate, top_features, underutilized_features, new_feature_adoption, usage_by_user_role, integration_usage, api_usage, usage_trend, usage_growth_rate, created_at) VALUES
    (1, 'client_id-1', '2024-01-15 08:30:00', '2024-01-15 08:30:00', 0, 0, 0, 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 'up', 0.1, '2024-01-15 08:30:00'),
    (2, 'client_id-2', '2024-03-31 01:59:59.999999', '2024-03-31 01:59:59.999999', 7, 7, 7, 0.5, '[{"step": 1}, {"step": 2}]', NULL, NULL, NULL, NULL, NULL, 'down', 12.5, '2024-03-31 01:59:59.999999'),
    (5, 'client_id-3', '2025-06-30 23:59:59.123456', '2025-06-30 23:59:59.123456', 2147483647, 2147483647, 2147483647, 1, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 'flat', 3.75e-5, '2025-06-30 23:59:59.123456');
INSERT INTO cohort_analysis (id, cohort_id, cohort_name, cohort_definition, cohort_size, analysis_date, months_since_cohort, retention_by_month, engagement_by_month, revenue_metrics, benchmark_comparison, created_at) VALUES
    (1, 'cohort_id-1', 'cohort_name-1', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', 0, '2024-01-15', 0, '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}', '2024-01-15 08:30:00'),
    (2, 'cohort_id-2', 'cohort_name-2', '[{"step": 1}, {"step": 2}]', 7, '2024-02-29', 7, '[{"step": 1}, {"step": 2}]', '[{"step": 1}, {"step": 2}]', '[{"step": 1}, {"step": 2}]', NULL, '2024-03-31 01:59:59.999999'),
    (5, 'cohort_id-3', 'cohort_name-3', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', 2147483647, '2025-12-31', 2147483647, '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '{"emoji": "\ud83d\ude00", "text": "café", "big": 12345678901234567890}', '2025-06-30 23:59:59.123456');
"#;
// END GENERATED sample rows
