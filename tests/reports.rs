//! `reports::nps_summary` against hand-computed numbers (category boundaries 6/7 and 8/9, the
//! period's edges, a customer without a CSM, empty and inverted periods) and
//! `reports::customer_360` (every part, one snapshot in a fixed number of queries, nesting in a
//! caller's transaction, NotFound), on real PostgreSQL.
mod common;

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::{insert_minimal, TestDatabase};
use customer_success_db::crud::Crud;
use customer_success_db::models::{Customer, NewCustomer, NewNpsResponse, NpsResponse};
use customer_success_db::reports::{self, NpsGroup, NpsPeriod, NpsSummaryRow};
use customer_success_db::types::{
    CustomerTier, NonNegativeF64, NpsScore, Sentiment, SentimentScore, TicketPriority,
};
use customer_success_db::Error;
use diesel::connection::TransactionManager;
use diesel::connection::{AnsiTransactionManager, Instrumentation, InstrumentationEvent};
use diesel::{Connection, PgConnection};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn customer(conn: &mut PgConnection, key: &str, csm: Option<&str>, tier: CustomerTier) {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    Customer::create(
        conn,
        &NewCustomer {
            csm_assigned: csm.map(str::to_owned),
            tier: Some(tier),
            ..NewCustomer::new(key, key, key, start)
        },
    )
    .unwrap();
}

fn answer(conn: &mut PgConnection, client: &str, score: i32, responded_at: DateTime<Utc>) {
    let n = common::unique();
    let mut r = NewNpsResponse::new(
        format!("nps-{n}"),
        client,
        "q1",
        "a@example.com",
        "A",
        NpsScore::new(score).unwrap(),
        Sentiment::Neutral,
        SentimentScore::new(0.0).unwrap(),
        responded_at - Duration::hours(1),
        NonNegativeF64::new(1.0).unwrap(),
    );
    r.responded_at = Some(responded_at);
    NpsResponse::create(conn, &r).unwrap();
}

fn row(
    group: Option<&str>,
    counts: [i64; 4],
    nps: Option<f64>,
    average_score: Option<f64>,
) -> NpsSummaryRow {
    let [responses, promoters, passives, detractors] = counts;
    NpsSummaryRow {
        group: group.map(str::to_owned),
        responses,
        promoters,
        passives,
        detractors,
        nps,
        average_score,
    }
}

/// Four customers (two of Alice's, one of Bob's, one without a CSM) and nine answers in Q1 2026,
/// with scores at both category boundaries, plus three just outside or on the period's edges.
fn nps_fixture(conn: &mut PgConnection) {
    customer(conn, "a1", Some("Alice"), CustomerTier::Enterprise);
    customer(conn, "a2", Some("Alice"), CustomerTier::Standard);
    customer(conn, "b1", Some("Bob"), CustomerTier::Standard);
    customer(conn, "n1", None, CustomerTier::Starter);
    // On `from` exactly: counted.
    answer(conn, "a1", 6, at("2026-01-01T00:00:00Z"));
    answer(conn, "a1", 10, at("2026-02-01T10:00:00Z"));
    answer(conn, "a1", 9, at("2026-02-02T10:00:00Z"));
    answer(conn, "a2", 8, at("2026-02-03T10:00:00Z"));
    answer(conn, "a2", 7, at("2026-02-04T10:00:00Z"));
    answer(conn, "b1", 9, at("2026-02-05T10:00:00Z"));
    answer(conn, "b1", 0, at("2026-02-06T10:00:00Z"));
    answer(conn, "b1", 10, at("2026-03-31T23:59:59Z"));
    answer(conn, "n1", 6, at("2026-03-01T10:00:00Z"));
    // Outside: just before `from`, and on `to` (exclusive).
    answer(conn, "a1", 10, at("2025-12-31T23:59:59Z"));
    answer(conn, "a1", 0, at("2026-04-01T00:00:00Z"));
    answer(conn, "n1", 0, at("2026-04-01T00:00:00Z"));
}

fn q1() -> NpsPeriod {
    NpsPeriod::dates(
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    )
}

#[test]
fn nps_summary_matches_hand_computed_numbers() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    nps_fixture(&mut conn);

    // 9 answers: promoters 10, 9, 9, 10; passives 8, 7; detractors 6, 0, 6.
    // NPS = (4 - 3) / 9 = 11.11 % -> 11.1; mean 65 / 9 = 7.22.
    let all = reports::nps_summary(&mut conn, &q1(), NpsGroup::All).unwrap();
    assert_eq!(all, vec![row(None, [9, 4, 2, 3], Some(11.1), Some(7.22))]);

    // Alice: 6, 10, 9, 8, 7 -> (2 - 1) / 5 = 20; mean 8. Bob: 9, 0, 10 -> (2 - 1) / 3 = 33.3;
    // mean 19 / 3 = 6.33. No CSM: 6 -> -100. Ordered by name, no CSM last.
    let by_csm = reports::nps_summary(&mut conn, &q1(), NpsGroup::Csm).unwrap();
    assert_eq!(
        by_csm,
        vec![
            row(Some("Alice"), [5, 2, 2, 1], Some(20.0), Some(8.0)),
            row(Some("Bob"), [3, 2, 0, 1], Some(33.3), Some(6.33)),
            row(None, [1, 0, 0, 1], Some(-100.0), Some(6.0)),
        ]
    );

    // enterprise (a1): 6, 10, 9 -> 33.3, mean 8.33; standard (a2, b1): 8, 7, 9, 0, 10 -> 20,
    // mean 6.8; starter (n1): 6 -> -100.
    let by_tier = reports::nps_summary(&mut conn, &q1(), NpsGroup::Tier).unwrap();
    assert_eq!(
        by_tier,
        vec![
            row(Some("enterprise"), [3, 2, 0, 1], Some(33.3), Some(8.33)),
            row(Some("standard"), [5, 2, 2, 1], Some(20.0), Some(6.8)),
            row(Some("starter"), [1, 0, 0, 1], Some(-100.0), Some(6.0)),
        ]
    );

    // One customer: b1 -> 9, 0, 10; grouped, only its CSM's row.
    let b1 = q1().for_client("b1");
    assert_eq!(
        reports::nps_summary(&mut conn, &b1, NpsGroup::All).unwrap(),
        vec![row(None, [3, 2, 0, 1], Some(33.3), Some(6.33))]
    );
    assert_eq!(
        reports::nps_summary(&mut conn, &b1, NpsGroup::Csm).unwrap(),
        vec![row(Some("Bob"), [3, 2, 0, 1], Some(33.3), Some(6.33))]
    );
    // Feb 1-3 (to Feb 4, exclusive): 10, 9, 8 -> two promoters of three, 66.67 -> 66.7.
    let feb = NpsPeriod::between(at("2026-02-01T00:00:00Z"), at("2026-02-04T00:00:00Z"));
    assert_eq!(
        reports::nps_summary(&mut conn, &feb, NpsGroup::All).unwrap(),
        vec![row(None, [3, 2, 1, 0], Some(66.7), Some(9.0))]
    );
    let a1_q1 = q1().for_client("a1");
    assert_eq!(
        reports::nps_summary(&mut conn, &a1_q1, NpsGroup::Tier).unwrap(),
        vec![row(
            Some("enterprise"),
            [3, 2, 0, 1],
            Some(33.3),
            Some(8.33)
        )]
    );
    // An unknown customer has simply no answers.
    assert_eq!(
        reports::nps_summary(&mut conn, &q1().for_client("nobody"), NpsGroup::All).unwrap(),
        vec![row(None, [0, 0, 0, 0], None, None)]
    );
}

#[test]
fn nps_summary_of_an_empty_period_and_an_inverted_one() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    nps_fixture(&mut conn);

    // A period without answers, and an empty one (from == to): one row of zeros, NPS None.
    let empty = NpsPeriod::dates(
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2020, 2, 1).unwrap(),
    );
    let instant = NpsPeriod::between(at("2026-02-01T10:00:00Z"), at("2026-02-01T10:00:00Z"));
    for period in [&empty, &instant] {
        assert_eq!(
            reports::nps_summary(&mut conn, period, NpsGroup::All).unwrap(),
            vec![row(None, [0, 0, 0, 0], None, None)]
        );
        // Grouped: no group answered.
        for group in [NpsGroup::Csm, NpsGroup::Tier] {
            assert_eq!(
                reports::nps_summary(&mut conn, period, group).unwrap(),
                vec![]
            );
        }
    }

    // Inverted: a validation error naming the period, for every grouping.
    let inverted = NpsPeriod::between(at("2026-04-01T00:00:00Z"), at("2026-01-01T00:00:00Z"));
    for group in NpsGroup::ALL {
        let e = reports::nps_summary(&mut conn, &inverted, *group).unwrap_err();
        assert!(matches!(e, Error::Validation(_)), "{e:?}");
        assert!(e.to_string().contains("nps_period"), "{e}");
    }
}

#[test]
fn nps_group_parses_its_names_and_refuses_others() {
    for g in NpsGroup::ALL {
        assert_eq!(g.as_str().parse::<NpsGroup>().unwrap(), *g);
    }
    let e = "per_csm".parse::<NpsGroup>().unwrap_err();
    assert!(e.to_string().contains("all, csm, tier"), "{e}");
}

#[test]
fn nps_summary_query_explains() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    nps_fixture(&mut conn);
    for group in NpsGroup::ALL {
        let report = customer_success_db::queries::explain(
            &mut conn,
            reports::nps_summary_query(&q1(), *group),
        )
        .unwrap();
        assert!(!report.node_types.is_empty(), "{group}: {report:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Customer 360
// ---------------------------------------------------------------------------------------------

const NOW: &str = "2026-06-15T12:00:00Z";

fn quoted(s: &str) -> String {
    format!("'{s}'")
}

fn ticket(conn: &mut PgConnection, client: &str, priority: &str, status: &str, created: &str) {
    let key = format!("t-{}", common::unique());
    insert_minimal(
        conn,
        "support_tickets",
        &[
            ("ticket_id", &quoted(&key)),
            ("client_id", &quoted(client)),
            ("priority", &quoted(priority)),
            ("category", "'technical_issue'"),
            ("status", &quoted(status)),
            ("created_at", &quoted(created)),
            (
                "subject",
                &quoted(&format!("{priority} {status} {created}")),
            ),
        ],
    )
    .unwrap();
}

fn plan(conn: &mut PgConnection, client: &str, plan_id: &str, status: &str, start: &str) {
    insert_minimal(
        conn,
        "onboarding_plans",
        &[
            ("plan_id", &quoted(plan_id)),
            ("client_id", &quoted(client)),
            ("status", &quoted(status)),
            ("start_date", &quoted(start)),
            ("target_completion_date", "'2026-12-31'"),
        ],
    )
    .unwrap();
}

fn milestone(conn: &mut PgConnection, plan_id: &str, status: &str) {
    insert_minimal(
        conn,
        "onboarding_milestones",
        &[
            ("milestone_id", &quoted(&format!("m-{}", common::unique()))),
            ("plan_id", &quoted(plan_id)),
            ("status", &quoted(status)),
        ],
    )
    .unwrap();
}

fn contract(conn: &mut PgConnection, client: &str, key: &str, start: &str, end: &str) {
    insert_minimal(
        conn,
        "contracts",
        &[
            ("contract_id", &quoted(key)),
            ("client_id", &quoted(client)),
            ("contract_type", "'annual'"),
            ("billing_frequency", "'annual'"),
            ("start_date", &quoted(start)),
            ("end_date", &quoted(end)),
            ("renewal_date", &quoted(end)),
        ],
    )
    .unwrap();
}

/// Customer `acme` with a bit of everything, and `globex` with rows that must not show up in
/// acme's view.
fn fixture_360(conn: &mut PgConnection) {
    customer(conn, "acme", Some("Alice"), CustomerTier::Enterprise);
    customer(conn, "globex", Some("Bob"), CustomerTier::Standard);
    for client in ["acme", "globex"] {
        for day in ["2026-05-01", "2026-06-01"] {
            let c = quoted(client);
            let t = quoted(&format!("{day} 12:00+00"));
            insert_minimal(
                conn,
                "health_scores",
                &[("client_id", &c), ("created_at", &t)],
            )
            .unwrap();
            insert_minimal(
                conn,
                "churn_predictions",
                &[
                    ("client_id", &c),
                    ("prediction_date", &t),
                    ("churn_risk_level", "'high'"),
                ],
            )
            .unwrap();
            insert_minimal(
                conn,
                "renewal_forecasts",
                &[
                    ("client_id", &c),
                    ("forecast_created_at", &t),
                    ("renewal_status", "'at_risk'"),
                ],
            )
            .unwrap();
        }
    }
    // Open: two P1 (the newer listed first), one P3, one waiting on the customer (P2); not
    // open: a resolved P0 and a closed P1.
    ticket(conn, "acme", "P1", "open", "2026-06-01 08:00+00");
    ticket(conn, "acme", "P1", "in_progress", "2026-06-10 08:00+00");
    ticket(conn, "acme", "P3", "reopened", "2026-06-12 08:00+00");
    ticket(
        conn,
        "acme",
        "P2",
        "waiting_on_customer",
        "2026-05-12 08:00+00",
    );
    ticket(conn, "acme", "P0", "resolved", "2026-06-13 08:00+00");
    ticket(conn, "acme", "P1", "closed", "2026-06-14 08:00+00");
    ticket(conn, "globex", "P0", "open", "2026-06-14 08:00+00");
    // Plans: in progress with 3 milestones (1 completed), a draft without milestones, a
    // completed one (not active).
    plan(conn, "acme", "plan-ip", "in_progress", "2026-03-01");
    milestone(conn, "plan-ip", "completed");
    milestone(conn, "plan-ip", "in_progress");
    milestone(conn, "plan-ip", "not_started");
    plan(conn, "acme", "plan-draft", "draft", "2026-07-01");
    plan(conn, "acme", "plan-done", "completed", "2025-01-01");
    milestone(conn, "plan-done", "completed");
    plan(conn, "globex", "plan-globex", "in_progress", "2026-01-01");
    // Contracts: one running, one ending on the day (still running), one expired, one future.
    contract(conn, "acme", "c-running", "2026-01-01", "2026-12-31");
    contract(conn, "acme", "c-ends-today", "2025-06-15", "2026-06-15");
    contract(conn, "acme", "c-expired", "2025-01-01", "2025-12-31");
    contract(conn, "acme", "c-future", "2027-01-01", "2027-12-31");
    contract(conn, "globex", "c-globex", "2026-01-01", "2026-12-31");
    // NPS: 100 days ago (outside the 90 days), 10 and 5 days ago; globex answered later.
    let now = at(NOW);
    answer(conn, "acme", 0, now - Duration::days(100));
    answer(conn, "acme", 10, now - Duration::days(10));
    answer(conn, "acme", 8, now - Duration::days(5));
    answer(conn, "globex", 3, now - Duration::days(1));
}

/// Records the SQL of every statement the connection starts.
fn record_statements(conn: &mut PgConnection) -> Arc<Mutex<Vec<String>>> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            sink.lock().unwrap().push(query.to_string());
        }
    });
    seen
}

fn depth(conn: &mut PgConnection) -> Option<std::num::NonZeroU32> {
    AnsiTransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()
        .unwrap()
}

#[test]
fn customer_360_has_every_part_of_one_customer() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    fixture_360(&mut conn);

    let seen = record_statements(&mut conn);
    let view = reports::customer_360_as_of(&mut conn, "acme", at(NOW)).unwrap();
    let statements = std::mem::take(&mut *seen.lock().unwrap());
    conn.set_instrumentation(None::<Box<dyn Instrumentation>>);

    // One REPEATABLE READ, READ ONLY transaction around exactly 10 queries.
    assert!(
        statements[0].contains("REPEATABLE READ") && statements[0].contains("READ ONLY"),
        "{statements:#?}"
    );
    assert_eq!(
        statements.last().map(String::as_str),
        Some("COMMIT"),
        "{statements:#?}"
    );
    assert_eq!(statements.len(), 12, "{statements:#?}");
    assert_eq!(depth(&mut conn), None);

    assert_eq!(view.as_of, at(NOW));
    assert_eq!(view.customer.client_id, "acme");
    let day = |t: DateTime<Utc>| t.date_naive().to_string();
    let health = view.latest_health_score.as_ref().unwrap();
    assert_eq!(
        (health.client_id.as_str(), day(health.created_at)),
        ("acme", "2026-06-01".into())
    );
    let churn = view.latest_churn_prediction.as_ref().unwrap();
    assert_eq!(
        (churn.client_id.as_str(), day(churn.prediction_date)),
        ("acme", "2026-06-01".into())
    );
    let forecast = view.latest_renewal_forecast.as_ref().unwrap();
    assert_eq!(
        (
            forecast.client_id.as_str(),
            day(forecast.forecast_created_at)
        ),
        ("acme", "2026-06-01".into())
    );

    let open = &view.open_tickets;
    assert_eq!(open.total, 4);
    let counts: Vec<(TicketPriority, i64)> = open
        .by_priority
        .iter()
        .map(|c| (c.priority, c.count))
        .collect();
    assert_eq!(
        counts,
        vec![
            (TicketPriority::P0, 0),
            (TicketPriority::P1, 2),
            (TicketPriority::P2, 1),
            (TicketPriority::P3, 1),
            (TicketPriority::P4, 0),
        ]
    );
    let listed: Vec<&str> = open.listed.iter().map(|t| t.subject.as_str()).collect();
    assert_eq!(
        listed,
        vec![
            "P1 in_progress 2026-06-10 08:00+00",
            "P1 open 2026-06-01 08:00+00",
            "P2 waiting_on_customer 2026-05-12 08:00+00",
            "P3 reopened 2026-06-12 08:00+00",
        ]
    );

    let plans: Vec<(&str, i64, i64)> = view
        .active_onboarding
        .iter()
        .map(|p| {
            (
                p.plan.plan_id.as_str(),
                p.milestones,
                p.milestones_completed,
            )
        })
        .collect();
    assert_eq!(plans, vec![("plan-ip", 3, 1), ("plan-draft", 0, 0)]);

    let contracts: Vec<&str> = view
        .active_contracts
        .iter()
        .map(|c| c.contract_id.as_str())
        .collect();
    assert_eq!(contracts, vec!["c-ends-today", "c-running"]);

    let last = view.last_nps_response.as_ref().unwrap();
    assert_eq!((last.client_id.as_str(), last.score.get()), ("acme", 8));
    // 10 and 8 within 90 days (the 0 is 100 days old): 1 promoter, 1 passive -> 50.
    assert_eq!(
        view.nps_last_90_days,
        row(None, [2, 1, 1, 0], Some(50.0), Some(9.0))
    );

    // Serializes (the MCP server returns it as JSON).
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["open_tickets"]["total"], 4);
    assert_eq!(json["nps_last_90_days"]["nps"], 50.0);
}

#[test]
fn customer_360_of_a_bare_customer_and_of_an_unknown_one() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "bare", None, CustomerTier::Starter);

    let view = reports::customer_360(&mut conn, "bare").unwrap();
    assert!(view.latest_health_score.is_none());
    assert!(view.latest_churn_prediction.is_none());
    assert!(view.latest_renewal_forecast.is_none());
    assert_eq!(view.open_tickets.total, 0);
    assert_eq!(view.open_tickets.by_priority.len(), 5);
    assert!(view.open_tickets.listed.is_empty());
    assert!(view.active_onboarding.is_empty() && view.active_contracts.is_empty());
    assert!(view.last_nps_response.is_none());
    assert_eq!(view.nps_last_90_days, row(None, [0, 0, 0, 0], None, None));

    let e = reports::customer_360(&mut conn, "nobody").unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    assert!(e.to_string().contains("nobody"), "{e}");
    // The failed call's transaction is over: the connection is usable.
    assert_eq!(depth(&mut conn), None);
    assert!(reports::customer_360(&mut conn, "bare").is_ok());
}

#[test]
fn customer_360_nests_in_a_callers_transaction() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    fixture_360(&mut conn);

    conn.transaction(|conn| {
        // The caller's uncommitted ticket is part of the view: same transaction.
        ticket(conn, "acme", "P4", "open", "2026-06-15 09:00+00");
        let seen = record_statements(conn);
        let view = reports::customer_360_as_of(conn, "acme", at(NOW))?;
        let statements = std::mem::take(&mut *seen.lock().unwrap());
        conn.set_instrumentation(None::<Box<dyn Instrumentation>>);
        assert_eq!(view.open_tickets.total, 5);
        // A savepoint, not a second BEGIN (which PostgreSQL would refuse with a warning).
        assert!(statements[0].starts_with("SAVEPOINT"), "{statements:#?}");
        assert!(
            statements.last().unwrap().starts_with("RELEASE SAVEPOINT"),
            "{statements:#?}"
        );
        assert_eq!(depth(conn).map(|d| d.get()), Some(1));

        // An error inside rolls back to its savepoint only: the caller's transaction goes on.
        let e = reports::customer_360(conn, "nobody").unwrap_err();
        assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
        assert_eq!(depth(conn).map(|d| d.get()), Some(1));
        ticket(conn, "acme", "P4", "open", "2026-06-15 10:00+00");
        Ok::<_, Error>(())
    })
    .unwrap();

    // Both of the caller's tickets were committed.
    let view = reports::customer_360_as_of(&mut conn, "acme", at(NOW)).unwrap();
    assert_eq!(view.open_tickets.total, 6);
    assert_eq!(view.open_tickets.by_priority[4].count, 2);
}
