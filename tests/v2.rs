//! Schema v2, part 1: the database keeps the seed's promises itself.
//!
//! - every `client_id` table cascades from `customers` (18 foreign keys, found in the catalog);
//! - no `double precision` or `numeric` column stores NaN or ±∞ (every column of the catalog);
//! - the rules that span columns agree between Rust ([`Validate`]) and the CHECKs;
//! - derived values cannot go stale (renewal window, SLA states, customer health score, NPS
//!   category);
//! - JSON input is as strict as the types;
//! - a database that breaks the new rules is refused with a report, nothing changed, and
//!   `delete_orphans` repairs what it can.
mod common;

use chrono::{Duration, NaiveDate, Utc};
use common::{count, insert_minimal, TestDatabase};
use customer_success_db::crud::{ByKey, Crud, Page};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::{maintenance, migrations, queries, Error};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::{BigInt, Text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[derive(QueryableByName, Debug, Clone)]
struct ForeignKey {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    child: String,
    #[diesel(sql_type = Text)]
    column: String,
    #[diesel(sql_type = Text)]
    parent: String,
    #[diesel(sql_type = Text)]
    parent_column: String,
    #[diesel(sql_type = Text)]
    on_delete: String,
}

/// Every foreign key of the migrated schema, from the catalog (so a new one cannot be missed).
fn foreign_keys(conn: &mut PgConnection) -> Vec<ForeignKey> {
    diesel::sql_query(
        "SELECT c.conname::text AS name, t.relname::text AS child, a.attname::text AS column,
                p.relname::text AS parent, pa.attname::text AS parent_column,
                c.confdeltype::text AS on_delete
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class p ON p.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
         ORDER BY 2, 3",
    )
    .load(conn)
    .unwrap()
}

/// Inserts a parent row whose key `column` is `key` (and a customer above it, if needed).
fn insert_parent(conn: &mut PgConnection, table: &str, column: &str, key: &str) {
    let quoted = format!("'{key}'");
    match table {
        "customers" | "training_modules" => insert_minimal(conn, table, &[(column, &quoted)]),
        _ => {
            let owner = format!("{key}-owner");
            insert_parent(conn, "customers", "client_id", &owner);
            insert_minimal(
                conn,
                table,
                &[(column, &quoted), ("client_id", &format!("'{owner}'"))],
            )
        }
    }
    .unwrap();
}

/// `insert_minimal` overrides that make a row of `table` pass the v2 rules that `insert_minimal`'s
/// generic values would not (the NPS category must match the score).
fn valid_overrides(table: &str) -> Vec<(&'static str, &'static str)> {
    match table {
        "nps_responses" => vec![("score", "9"), ("category", "'promoter'")],
        _ => vec![],
    }
}

/// Inserts a row of `table` whose `column` is `key`; its other references point at the
/// customer `owner` and the training module `module`, which the caller created.
fn insert_child(
    conn: &mut PgConnection,
    table: &str,
    column: &str,
    key: &str,
    owner: &str,
    module: &str,
) -> QueryResult<()> {
    let (quoted, owner, module) = (
        format!("'{key}'"),
        format!("'{owner}'"),
        format!("'{module}'"),
    );
    let mut overrides = valid_overrides(table);
    overrides.push((column, &quoted));
    if table == "training_completions" {
        for (other, value) in [("client_id", &owner), ("module_id", &module)] {
            if other != column {
                overrides.push((other, value));
            }
        }
    }
    insert_minimal(conn, table, &overrides)
}

#[test]
fn every_client_id_table_has_a_cascading_foreign_key_18_in_all() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let fks = foreign_keys(&mut conn);
    assert_eq!(fks.len(), 18, "{fks:#?}");
    assert!(
        fks.iter().all(|f| f.on_delete == "c"),
        "all ON DELETE CASCADE: {fks:#?}"
    );
    // All 15 tables with a client_id column reference customers.
    let client_tables: Vec<String> = diesel::sql_query(
        "SELECT table_name::text AS name, ''::text AS child, ''::text AS column, ''::text AS parent,
                ''::text AS parent_column, ''::text AS on_delete
         FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'client_id' AND table_name <> 'customers'
         ORDER BY 1",
    )
    .load::<ForeignKey>(&mut conn)
    .unwrap()
    .into_iter()
    .map(|r| r.name)
    .collect();
    // 15 reference customers; the two children that got client_id in v2_distribution_ready
    // reference their parent by (key, client_id), and so customers through it.
    assert_eq!(client_tables.len(), 17);
    for t in &client_tables {
        let through_parent = match t.as_str() {
            "ticket_comments" => Some(("support_tickets", "ticket_id")),
            "onboarding_milestones" => Some(("onboarding_plans", "plan_id")),
            _ => None,
        };
        assert!(
            fks.iter().any(|f| &f.child == t
                && match through_parent {
                    None => f.column == "client_id" && f.parent == "customers",
                    Some((parent, key)) => f.parent == parent && f.column == key,
                }),
            "{t}.client_id has no foreign key to customers"
        );
    }
    assert_eq!(
        count(
            &mut conn,
            "pg_constraint",
            "contype = 'f' AND array_length(conkey, 1) = 2 AND connamespace = 'public'::regnamespace"
        ),
        2,
        "the two composite foreign keys"
    );
    // Every foreign key column has an index whose first column it is (a cascade delete
    // looks the children up by it).
    for f in &fks {
        let n = count(
            &mut conn,
            "pg_indexes",
            &format!(
                "schemaname = 'public' AND tablename = '{}' AND indexdef LIKE '%({}%'",
                f.child, f.column
            ),
        );
        assert!(
            n > 0,
            "{}.{} has no index for the cascade",
            f.child,
            f.column
        );
    }
}

#[test]
fn every_foreign_key_cascades_and_rejects_orphans() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let fks = foreign_keys(&mut conn);
    assert_eq!(fks.len(), 18);
    for (i, f) in fks.iter().enumerate() {
        let (key, owner, module) = (
            format!("fk-{i}"),
            format!("owner-{i}"),
            format!("module-{i}"),
        );
        insert_parent(&mut conn, "customers", "client_id", &owner);
        insert_parent(&mut conn, "training_modules", "module_id", &module);
        if f.parent_column != "client_id" || f.parent != "customers" {
            insert_parent(&mut conn, &f.parent, &f.parent_column, &key);
        } else {
            insert_parent(&mut conn, "customers", "client_id", &key);
        }
        for _ in 0..2 {
            insert_child(&mut conn, &f.child, &f.column, &key, &owner, &module)
                .unwrap_or_else(|e| panic!("{}: {e}", f.name));
        }
        let filter = format!("{} = '{key}'", f.column);
        assert_eq!(count(&mut conn, &f.child, &filter), 2, "{}", f.name);
        conn.batch_execute(&format!(
            "DELETE FROM {} WHERE {} = '{key}'",
            f.parent, f.parent_column
        ))
        .unwrap();
        assert_eq!(
            count(&mut conn, &f.child, &filter),
            0,
            "{}: rows survived deleting their {}",
            f.name,
            f.parent
        );

        // An orphan is refused, naming the constraint.
        let err: Error = insert_child(
            &mut conn,
            &f.child,
            &f.column,
            "no-such-parent",
            &owner,
            &module,
        )
        .expect_err("an orphan was accepted")
        .into();
        match err {
            Error::ForeignKeyViolation {
                constraint, table, ..
            } => {
                assert_eq!(constraint, f.name);
                assert_eq!(table, f.child);
            }
            other => panic!("{}: expected ForeignKeyViolation, got {other:?}", f.name),
        }
    }
}

#[test]
fn deleting_a_customer_leaves_nothing_in_any_of_the_15_tables() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let config = customer_success_db::demo::DemoConfig::new(30, 7);
    customer_success_db::demo::load(&mut conn, &config, &mut |_| {}).unwrap();
    let tables: Vec<String> = foreign_keys(&mut conn)
        .into_iter()
        .filter(|f| f.column == "client_id")
        .map(|f| f.child)
        .collect();
    assert_eq!(tables.len(), 15);
    let victim = Customer::list(&mut conn, Page::first(1)).unwrap().remove(0);
    // Give the customer a row in every table the demo data may have left empty for it.
    insert_parent(&mut conn, "training_modules", "module_id", "victim-module");
    for t in &tables {
        let filter = format!("client_id = '{}'", victim.client_id);
        if count(&mut conn, t, &filter) == 0 {
            insert_child(
                &mut conn,
                t,
                "client_id",
                &victim.client_id,
                "-",
                "victim-module",
            )
            .unwrap();
        }
        assert!(count(&mut conn, t, &filter) > 0, "{t}");
    }
    assert!(Customer::delete(&mut conn, victim.id).unwrap());
    for t in &tables {
        let filter = format!("client_id = '{}'", victim.client_id);
        assert_eq!(
            count(&mut conn, t, &filter),
            0,
            "{t} kept rows of a deleted customer"
        );
    }
    // Other customers' rows are untouched.
    assert!(count(&mut conn, "engagement_metrics", "") > 0);
}

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

/// Every `double precision` and `numeric` column of the schema, from the catalog.
fn float_and_numeric_columns(conn: &mut PgConnection) -> Vec<Column> {
    diesel::sql_query(
        "SELECT table_name::text, column_name::text, data_type::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type IN ('double precision', 'numeric')
         ORDER BY 1, 2",
    )
    .load(conn)
    .unwrap()
}

fn check_violation(result: QueryResult<usize>) -> Option<String> {
    match result {
        Err(DieselError::DatabaseError(DatabaseErrorKind::CheckViolation, info)) => {
            info.constraint_name().map(str::to_owned)
        }
        _ => None,
    }
}

#[test]
fn no_float_or_numeric_column_stores_nan_or_infinity() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let columns = float_and_numeric_columns(&mut conn);
    // 44 floating-point (2 in portfolio_sentiment_analysis) and 9 money columns.
    assert_eq!(
        columns
            .iter()
            .filter(|c| c.data_type == "double precision")
            .count(),
        44
    );
    assert_eq!(
        columns.iter().filter(|c| c.data_type == "numeric").count(),
        9
    );
    insert_parent(&mut conn, "customers", "client_id", "nan-parent");
    insert_parent(&mut conn, "training_modules", "module_id", "nan-module");
    for c in &columns {
        let t = &c.table_name;
        if count(&mut conn, t, "") == 0 {
            let mut overrides = valid_overrides(t);
            let has_client = count(
                &mut conn,
                "information_schema.columns",
                &format!("table_name = '{t}' AND column_name = 'client_id'"),
            ) > 0;
            if has_client && t != "customers" {
                overrides.push(("client_id", "'nan-parent'"));
            }
            match t.as_str() {
                "training_completions" => overrides.push(("module_id", "'nan-module'")),
                "onboarding_milestones" => {
                    insert_minimal(
                        &mut conn,
                        "onboarding_plans",
                        &[("plan_id", "'nan-plan'"), ("client_id", "'nan-parent'")],
                    )
                    .unwrap();
                    overrides.push(("plan_id", "'nan-plan'"));
                }
                _ => {}
            }
            insert_minimal(&mut conn, t, &overrides).unwrap_or_else(|e| panic!("{t}: {e}"));
        }
        for special in ["NaN", "Infinity", "-Infinity"] {
            let result = conn.transaction(|conn| {
                diesel::sql_query(format!("UPDATE {t} SET {} = '{special}'", c.column_name))
                    .execute(conn)
            });
            let shown = format!("{result:?}");
            // numeric(14,2) cannot hold ±Infinity at all (the type refuses before any CHECK);
            // NaN it can, so a CHECK must refuse that.
            if c.data_type == "numeric" && special != "NaN" {
                assert!(
                    shown.contains("numeric field overflow"),
                    "{t}.{}: {shown}",
                    c.column_name
                );
                continue;
            }
            let constraint = check_violation(result).unwrap_or_else(|| {
                panic!(
                    "{t}.{} = {special}: not rejected by a CHECK: {shown}",
                    c.column_name
                )
            });
            assert!(
                constraint.starts_with("check_"),
                "{t}.{}: {constraint}",
                c.column_name
            );
        }
    }
}

#[test]
fn rules_that_span_columns_agree_between_rust_and_the_database() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    Customer::create(conn, &NewCustomer::new("owner", "Owner", "Owner Co", start)).unwrap();

    // Dates: end dates around the start, through the typed API (Rust check) and through plain
    // SQL (database check); the two must agree.
    for offset in -3i64..=3 {
        {
            let end = start + Duration::days(offset);
            let contract = NewContract::new(
                format!("ctr-{}", common::unique()),
                "owner",
                ContractType::Annual,
                Money::from_cents(100).unwrap(),
                BillingFrequency::ALL[0],
                start,
                end,
                end.max(start),
                "net 30",
                "standard",
                serde_json::json!([]),
            );
            let rust = contract.validate();
            let sql = conn.transaction(|c| {
                diesel::sql_query(format!(
                    "INSERT INTO contracts (contract_id, client_id, contract_type, contract_value,
                        billing_frequency, start_date, end_date, renewal_date, payment_terms, tier,
                        products_included)
                     VALUES ('sql-{}', 'owner', 'annual', 1, '{}', '{start}', '{end}', '{}',
                        'net 30', 'standard', '[]')",
                    common::unique(),
                    BillingFrequency::ALL[0].as_str(),
                    end.max(start)
                ))
                .execute(c)
            });
            assert_eq!(
                rust.is_ok(),
                sql.is_ok(),
                "end {end} vs start {start}: {rust:?} / {sql:?}"
            );
            assert_eq!(rust.is_ok(), offset >= 0, "{offset}");
            if let Err(e) = rust {
                assert_eq!(e.field(), "end_date");
                assert_eq!(
                    check_violation(sql).as_deref(),
                    Some("check_end_date_not_before_start_date")
                );
            }
        }
    }

    // Business keys: blank means only the six ASCII whitespace characters, on both sides.
    for key in [
        "",
        " ",
        "\t\n",
        "\u{b}\u{c}\r",
        " a ",
        "\u{a0}",
        "\u{3000}",
        "x",
    ] {
        let rust = NewCustomer::new(key, "n", "c", start).validate();
        let sql = conn.transaction(|c| {
            diesel::sql_query(
                "INSERT INTO customers (client_id, client_name, company_name, contract_start_date)
                 VALUES ($1, 'n', 'c', '2025-01-01')",
            )
            .bind::<Text, _>(key)
            .execute(c)
        });
        assert_eq!(rust.is_ok(), sql.is_ok(), "{key:?}: {rust:?} / {sql:?}");
        assert_eq!(is_blank_key(key), rust.is_err(), "{key:?}");
        if rust.is_err() {
            assert_eq!(
                check_violation(sql).as_deref(),
                Some("check_client_id_not_blank")
            );
        }
    }

    // active_users <= total_users.
    for (active, total) in [(0, 0), (5, 5), (6, 5), (0, 1), (i32::MAX, 0)] {
        let now = Utc::now();
        let m = NewEngagementMetric {
            active_users: Count::new(active).unwrap(),
            total_users: Count::new(total).unwrap(),
            ..engagement_metric("owner", now)
        };
        let rust = m.validate();
        let sql = conn.transaction(|c| {
            EngagementMetric::insert_many(c, std::slice::from_ref(&m)).map(|_| ())
        });
        // insert_many validates first; so send the same row through SQL too.
        let raw = conn.transaction(|c| {
            diesel::sql_query(format!(
                "UPDATE engagement_metrics SET active_users = {active}, total_users = {total}
                 WHERE id = (SELECT min(id) FROM engagement_metrics)"
            ))
            .execute(c)
        });
        assert_eq!(rust.is_ok(), (active <= total), "{active}/{total}");
        assert_eq!(sql.is_ok(), rust.is_ok(), "{active}/{total}");
        if rust.is_err() {
            assert!(matches!(sql, Err(Error::Validation(_))), "{sql:?}");
            if count(conn, "engagement_metrics", "") > 0 {
                assert_eq!(
                    check_violation(raw).as_deref(),
                    Some("check_active_users_within_total")
                );
            }
        }
    }
}

fn engagement_metric(client: &str, now: chrono::DateTime<Utc>) -> NewEngagementMetric {
    let c = |n| Count::new(n).unwrap();
    NewEngagementMetric::new(
        client,
        now - Duration::days(30),
        now,
        c(10),
        c(5),
        c(1),
        c(2),
        c(3),
        Fraction::new(0.5).unwrap(),
        Fraction::new(0.4).unwrap(),
        c(20),
        NonNegativeF64::new(2.0).unwrap(),
        c(100),
        NonNegativeF64::new(5.0).unwrap(),
        c(50),
        NonNegativeF64::new(1.5).unwrap(),
        serde_json::json!({}),
        MetricTrend::ALL[0],
    )
}

#[test]
fn nps_category_cannot_disagree_with_the_score_even_in_plain_sql() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_parent(&mut conn, "customers", "client_id", "c");
    for score in 0..=10 {
        for category in NpsCategory::ALL {
            let expected = NpsScore::new(score).unwrap().category();
            let result = conn.transaction(|c| {
                insert_minimal(
                    c,
                    "nps_responses",
                    &[
                        ("client_id", "'c'"),
                        ("score", &score.to_string()),
                        ("category", &format!("'{}'", category.as_str())),
                        ("sentiment", "'neutral'"),
                    ],
                )
                .map(|()| 1)
            });
            if *category == expected {
                assert!(result.is_ok(), "{score} {category}: {result:?}");
            } else {
                assert_eq!(
                    check_violation(result).as_deref(),
                    Some("check_nps_category_matches_score"),
                    "{score} {category}"
                );
            }
        }
    }
}

#[test]
fn renewal_pipeline_selects_by_date_whatever_days_until_renewal_says() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let today = Utc::now().date_naive();
    Customer::create(
        conn,
        &NewCustomer::new("soon", "Soon", "Soon Co", today - Duration::days(300)),
    )
    .unwrap();
    Customer::create(
        conn,
        &NewCustomer::new("late", "Late", "Late Co", today - Duration::days(300)),
    )
    .unwrap();
    let forecast = |id: &str, client: &str, due: NaiveDate, stored_days: i32| {
        NewRenewalForecast::new(
            id,
            client,
            format!("ctr-{id}"),
            due,
            Money::from_cents(10_000).unwrap(),
            Money::from_cents(11_000).unwrap(),
            Probability::new(0.3).unwrap(),
            RenewalStatus::AtRisk,
            Fraction::new(0.8).unwrap(),
            HealthScore::new(40).unwrap(),
            stored_days,
        )
    };
    // Due in 20 days but stored as 400; due in 400 days but stored as 20.
    RenewalForecast::create(
        conn,
        &forecast("f-soon", "soon", today + Duration::days(20), 400),
    )
    .unwrap();
    RenewalForecast::create(
        conn,
        &forecast("f-late", "late", today + Duration::days(400), 20),
    )
    .unwrap();
    let rows = queries::renewal_pipeline(conn, 90, RenewalStatus::AtRisk, Page::default()).unwrap();
    let clients: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(clients, ["soon"]);

    // `refresh` makes the stored column true again.
    let changed = maintenance::refresh_derived_values(conn).unwrap();
    assert!(changed >= 2, "{changed}");
    assert_eq!(
        RenewalForecast::get_by_key(conn, "f-soon")
            .unwrap()
            .days_until_renewal,
        20
    );
    assert_eq!(
        RenewalForecast::get_by_key(conn, "f-late")
            .unwrap()
            .days_until_renewal,
        400
    );
    assert_eq!(
        maintenance::refresh_derived_values(conn).unwrap(),
        0,
        "a second refresh changes nothing"
    );
}

#[test]
fn sla_monitor_finds_tickets_by_the_clock_whatever_their_stored_status() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let now = Utc::now();
    Customer::create(conn, &NewCustomer::new("c", "C", "C Co", now.date_naive())).unwrap();
    let ticket = |id: &str, age_minutes: i64, sla_fr: i32| NewSupportTicket {
        created_at: Some(now - Duration::minutes(age_minutes)),
        first_response_sla_status: Some(SlaStatus::NotApplicable),
        resolution_sla_status: Some(SlaStatus::NotApplicable),
        ..NewSupportTicket::new(
            id,
            "c",
            "subject",
            "description",
            TicketPriority::P1,
            TicketCategory::TechnicalIssue,
            "r@x.io",
            "R",
            Count::new(sla_fr).unwrap(),
            Count::new(10_000).unwrap(),
        )
    };
    // Hours past its 60-minute first-response SLA, but stored as not_applicable.
    SupportTicket::create(conn, &ticket("late", 180, 60)).unwrap();
    // 50 of 60 minutes gone: at risk.
    SupportTicket::create(conn, &ticket("risky", 50, 60)).unwrap();
    // Fresh: nothing to report.
    SupportTicket::create(conn, &ticket("fresh", 5, 60)).unwrap();
    // Stored as breached, but it was answered in time and is young: not shown.
    let mut answered = ticket("answered", 30, 60);
    answered.first_response_at = Some(now - Duration::minutes(25));
    answered.first_response_sla_status = Some(SlaStatus::Breached);
    SupportTicket::create(conn, &answered).unwrap();

    let rows = queries::sla_monitoring(conn, Page::default()).unwrap();
    let found: Vec<(&str, SlaStatus)> = rows
        .iter()
        .map(|r| (r.ticket_id.as_str(), r.first_response_sla_status))
        .collect();
    assert_eq!(
        found,
        [("late", SlaStatus::Breached), ("risky", SlaStatus::AtRisk)]
    );

    // The Rust twin agrees with the database function.
    for r in &rows {
        let t = SupportTicket::get_by_key(conn, &r.ticket_id).unwrap();
        assert_eq!(
            SlaStatus::at(
                t.created_at,
                t.first_response_at,
                t.sla_first_response_minutes.get(),
                Utc::now()
            ),
            r.first_response_sla_status
        );
    }

    // refresh rewrites the stored columns.
    maintenance::refresh_derived_values(conn).unwrap();
    let mut stored = |id| {
        SupportTicket::get_by_key(conn, id)
            .unwrap()
            .first_response_sla_status
    };
    assert_eq!(stored("late"), SlaStatus::Breached);
    assert_eq!(stored("answered"), SlaStatus::Met);
    assert_eq!(stored("fresh"), SlaStatus::NotApplicable);
}

#[test]
fn sla_status_twin_matches_the_database_function() {
    let db = TestDatabase::new().unwrap();
    let conn = db.connect().unwrap();
    #[derive(QueryableByName)]
    struct S {
        #[diesel(sql_type = Text)]
        s: String,
    }
    let conn = std::cell::RefCell::new(conn);
    let start = Utc::now() - Duration::days(1);
    let mut runner = TestRunner::new(Config {
        cases: 200,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &(
                0i32..500,
                proptest::option::of(-10i64..600_000_000),
                0i64..600_000_000,
            ),
            |(sla, finished_us, now_us)| {
                let finished = finished_us.map(|us| start + Duration::microseconds(us));
                let now = start + Duration::microseconds(now_us);
                let rust = SlaStatus::at(start, finished, sla, now);
                let db: S = diesel::sql_query("SELECT csdb_sla_status($1, $2, $3, $4)::text AS s")
                    .bind::<diesel::sql_types::Timestamptz, _>(start)
                    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>, _>(
                        finished,
                    )
                    .bind::<diesel::sql_types::Integer, _>(sla)
                    .bind::<diesel::sql_types::Timestamptz, _>(now)
                    .get_result(&mut *conn.borrow_mut())
                    .unwrap();
                prop_assert_eq!(rust.as_str(), db.s.as_str());
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn customer_health_score_follows_the_latest_assessment() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let today = Utc::now().date_naive();
    Customer::create(conn, &NewCustomer::new("h", "H", "H Co", today)).unwrap();
    let score =
        |conn: &mut PgConnection| Customer::get_by_key(conn, "h").unwrap().health_score.get();
    let components = |v: f64| HealthComponents {
        usage: ComponentScore::new(v).unwrap(),
        engagement: ComponentScore::new(v).unwrap(),
        support: ComponentScore::new(v).unwrap(),
        satisfaction: ComponentScore::new(v).unwrap(),
        payment: ComponentScore::new(v).unwrap(),
    };
    let record = |v: f64, days_ago: i64| {
        let mut r = NewHealthScoreRecord::new("h", components(v), HealthWeights::DEFAULT);
        r.created_at = Some(Utc::now() - Duration::days(days_ago));
        r
    };
    assert_eq!(score(conn), 50, "the default before any assessment");
    let recent = HealthScoreRecord::create(conn, &record(72.4, 1)).unwrap();
    assert_eq!(score(conn), 72);
    // An older assessment does not override the latest one.
    HealthScoreRecord::create(conn, &record(20.0, 10)).unwrap();
    assert_eq!(score(conn), 72);
    // Bulk inserts (one statement) take the newest of the batch.
    HealthScoreRecord::insert_many(conn, &[record(30.0, 5), record(88.5, 0), record(10.0, 3)])
        .unwrap();
    assert_eq!(
        score(conn),
        89,
        "88.5 rounds half away from zero, like f64::round"
    );
    // Deleting the latest falls back to the one before.
    let latest = HealthScoreRecord::list(conn, Page::default())
        .unwrap()
        .into_iter()
        .max_by_key(|r| r.created_at)
        .unwrap();
    HealthScoreRecord::delete(conn, latest.id).unwrap();
    assert_eq!(score(conn), 72);
    // A recomputed record moves the customer too.
    let w = HealthWeights::new(0.2, 0.2, 0.2, 0.2, 0.2).unwrap();
    HealthScoreRecord::update(
        conn,
        recent.id,
        &HealthScoreRecordChanges::recompute(components(61.0), w),
    )
    .unwrap();
    assert_eq!(score(conn), 61);
    // Deleting the customer with its assessments works (the trigger finds no customer).
    assert!(Customer::delete_by_key(conn, "h").unwrap());
    assert_eq!(count(conn, "health_scores", ""), 0);
}

#[test]
fn json_input_rejects_unknown_and_derived_fields() {
    // A typo is an error, not a silently dropped field.
    let err = serde_json::from_str::<NewSupportTicket>(
        r#"{"ticket_id":"t","client_id":"c","subject":"s","description":"d","priority":"P1",
            "category":"other","requester_email":"e","requester_name":"n",
            "sla_first_response_minutes":60,"sla_resolution_minutes":240,"priorty":"p0"}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("unknown field `priorty`"), "{err}");
    let err = serde_json::from_str::<SupportTicketChanges>(r#"{"priorty":"p0"}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `priorty`"), "{err}");

    // NPS: a score brings its category; an invalid score, or a category alone, is refused.
    let err = serde_json::from_str::<NpsResponseChanges>(r#"{"score": 11}"#).unwrap_err();
    assert!(err.to_string().contains("0 to 10"), "{err}");
    let changes: NpsResponseChanges = serde_json::from_str(r#"{"score": 3}"#).unwrap();
    assert_eq!(
        changes,
        NpsResponseChanges::with_score(NpsScore::new(3).unwrap())
    );
    let err =
        serde_json::from_str::<NpsResponseChanges>(r#"{"category": "promoter"}"#).unwrap_err();
    assert!(err.to_string().contains("derived from score"), "{err}");
    let err = serde_json::from_str::<NpsResponseChanges>(r#"{"score": 3, "category": "promoter"}"#)
        .unwrap_err();
    assert!(err.to_string().contains("category"), "{err}");
    let err = serde_json::from_str::<NpsResponseChanges>(r#"{"scor": 3}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `scor`"), "{err}");

    // Health scores: one component alone cannot be applied (the overall score would need the
    // others); all ten fields recompute the overall score; a wrong overall score is refused.
    let err =
        serde_json::from_str::<HealthScoreRecordChanges>(r#"{"usage_score": 50}"#).unwrap_err();
    assert!(err.to_string().contains("all five"), "{err}");
    let err =
        serde_json::from_str::<HealthScoreRecordChanges>(r#"{"overall_score": 50}"#).unwrap_err();
    assert!(err.to_string().contains("derived"), "{err}");
    let all = r#"{"usage_score": 90, "engagement_score": 80, "support_score": 70,
        "satisfaction_score": 60, "payment_score": 50, "usage_weight": 0.4,
        "engagement_weight": 0.3, "support_weight": 0.15, "satisfaction_weight": 0.1,
        "payment_weight": 0.05"#;
    let changes: HealthScoreRecordChanges = serde_json::from_str(&format!("{all}}}")).unwrap();
    assert_eq!(
        serde_json::to_value(&changes).unwrap()["overall_score"],
        serde_json::json!(79.0)
    );
    let err = serde_json::from_str::<HealthScoreRecordChanges>(&format!(
        r#"{all}, "overall_score": 12}}"#
    ))
    .unwrap_err();
    assert!(err.to_string().contains("weighted sum"), "{err}");
    let err = serde_json::from_str::<HealthScoreRecordChanges>(
        &format!("{all}}}").replace("\"payment_weight\": 0.05", "\"payment_weight\": 0.5"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("sum to 1"), "{err}");
}

#[test]
fn json_changes_with_derived_fields_apply_both_columns() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    Customer::create(
        conn,
        &NewCustomer::new("n", "N", "N Co", Utc::now().date_naive()),
    )
    .unwrap();
    let response = NpsResponse::create(
        conn,
        &NewNpsResponse::new(
            "r1",
            "n",
            "s",
            "e@x.io",
            "E",
            NpsScore::new(10).unwrap(),
            Sentiment::Positive,
            SentimentScore::new(0.9).unwrap(),
            Utc::now(),
            NonNegativeF64::new(2.0).unwrap(),
        ),
    )
    .unwrap();
    let changes: NpsResponseChanges = serde_json::from_str(r#"{"score": 4}"#).unwrap();
    let updated = NpsResponse::update(conn, response.id, &changes).unwrap();
    assert_eq!(
        (updated.score.get(), updated.category),
        (4, NpsCategory::Detractor)
    );
}

/// A database at the original point (the six original migrations) with rows that break v2.
fn original_point_with_bad_rows() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    common::revert_to_original(&mut conn);
    insert_minimal(&mut conn, "customers", &[("client_id", "'alive'")]).unwrap();
    for t in ["engagement_metrics", "usage_analytics", "health_metrics"] {
        insert_minimal(&mut conn, t, &[("client_id", "'ghost'")]).unwrap();
    }
    insert_minimal(&mut conn, "engagement_metrics", &[("client_id", "'ghost'")]).unwrap();
    insert_minimal(
        &mut conn,
        "churn_predictions",
        &[("client_id", "'alive'"), ("confidence_score", "'NaN'")],
    )
    .unwrap();
    (db, conn)
}

#[test]
fn upgrading_a_database_that_breaks_v2_is_refused_with_a_report_and_changes_nothing() {
    let (_db, mut conn) = original_point_with_bad_rows();
    let before = common::dump(&mut conn);
    let err = migrations::run_pending(&mut conn).unwrap_err();
    let text = format!("{err} {err:?}");
    for expected in [
        "engagement_metrics.client_id: 2 row(s) reference no customers row",
        "usage_analytics.client_id: 1 row(s)",
        "health_metrics.client_id: 1 row(s)",
        "churn_predictions.confidence_score (check_confidence_score_range): 1 row(s)",
        "confidence_score=NaN",
        "csdb orphans --delete",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    assert_eq!(
        migrations::applied(&mut conn).unwrap().last(),
        Some(&common::original_head()),
        "no v2 migration recorded"
    );
    assert_eq!(common::dump(&mut conn), before, "schema unchanged");
    assert_eq!(
        count(&mut conn, "engagement_metrics", ""),
        2,
        "no row deleted"
    );

    // The explicit repair: orphans are listed, then deleted in one reported transaction.
    let orphans = maintenance::orphans(&mut conn).unwrap();
    let found: i64 = orphans.iter().map(|o| o.orphan_count).sum();
    assert_eq!(found, 4);
    let deleted = maintenance::delete_orphans(&mut conn).unwrap();
    let summary: Vec<(String, i64)> = deleted
        .iter()
        .map(|d| (d.table.to_string(), d.deleted))
        .collect();
    assert_eq!(
        summary,
        [
            ("engagement_metrics".to_owned(), 2),
            ("health_metrics".to_owned(), 1),
            ("usage_analytics".to_owned(), 1)
        ]
    );
    assert_eq!(deleted[0].sample, ["ghost"]);
    assert!(maintenance::delete_orphans(&mut conn).unwrap().is_empty());

    // Still refused for the NaN, now without the orphans in the report.
    let err = migrations::run_pending(&mut conn).unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(text.contains("check_confidence_score_range"), "{text}");
    assert!(!text.contains("reference no customers row"), "{text}");

    conn.batch_execute("UPDATE churn_predictions SET confidence_score = 0.5")
        .unwrap();
    migrations::run_pending(&mut conn).unwrap();
    common::assert_same_lines(
        &common::dump(&mut conn),
        &common::expected_schema_head(),
        "repaired and upgraded",
    );
}

#[test]
fn the_new_foreign_keys_are_validated_after_being_added_not_valid() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let unvalidated: N = diesel::sql_query(
        "SELECT count(*) AS n FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace AND NOT convalidated",
    )
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(unvalidated.n, 0, "every constraint validated at head");
    // The constraints migration adds them NOT VALID (a short catalog lock), the next one
    // validates them (a lock that lets writes through).
    let sql = migrations::SQL
        .iter()
        .find(|m| m.name.ends_with("_v2_constraints"))
        .unwrap();
    let statements = |text: &str, needle: &str| {
        text.lines()
            .filter(|l| l.starts_with("ALTER TABLE") && l.contains(needle))
            .count()
    };
    assert_eq!(statements(sql.up, "NOT VALID;"), 6 + 126);
    let validate = migrations::SQL
        .iter()
        .find(|m| m.name.ends_with("_v2_validate"))
        .unwrap();
    assert_eq!(statements(validate.up, "VALIDATE CONSTRAINT"), 6 + 126);
}
