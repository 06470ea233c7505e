//! The dashboard queries return exactly the rows the seed document's SQL describes, in its
//! order, and the EXPLAIN helper reports plans and indexes.
mod common;

use common::{insert_minimal, TestDatabase};
use customer_success_db::crud::Page;
use customer_success_db::queries;
use customer_success_db::types::*;
use diesel::connection::SimpleConnection;
use diesel::PgConnection;

fn customer(conn: &mut PgConnection, id: &str, health: i32, status: &str, csm: &str, stage: &str) {
    let csm = if csm.is_empty() {
        "NULL".to_owned()
    } else {
        format!("'{csm}'")
    };
    insert_minimal(
        conn,
        "customers",
        &[
            ("client_id", &format!("'{id}'")),
            ("client_name", &format!("'Name {id}'")),
            ("health_score", &health.to_string()),
            ("status", &format!("'{status}'")),
            ("csm_assigned", &csm),
            ("lifecycle_stage", &format!("'{stage}'")),
        ],
    )
    .unwrap();
}

fn fixture(conn: &mut PgConnection) {
    customer(conn, "a", 40, "active", "Sarah Johnson", "active");
    customer(conn, "b", 69, "active", "Sarah Johnson", "at_risk");
    customer(conn, "c", 70, "active", "Bob Lee", "active");
    customer(conn, "d", 10, "paused", "Bob Lee", "active");
    customer(conn, "e", 90, "active", "", "active");
    customer(conn, "f", 5, "active", "Sarah Johnson", "active");
}

#[test]
fn dashboards_return_the_seed_queries_rows_in_order() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    fixture(conn);

    // 1. health < 70 and active, by health ascending.
    let rows =
        queries::health_dashboard(conn, HealthScore::new(70).unwrap(), Page::default()).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(ids, ["f", "a", "b"]);
    assert_eq!(rows[1].client_name, "Name a");
    assert_eq!(rows[2].lifecycle_stage, LifecycleStage::AtRisk);
    // Paging: the second page of size 2 holds the third row only.
    let page2 =
        queries::health_dashboard(conn, HealthScore::new(70).unwrap(), Page::new(2, 2)).unwrap();
    assert_eq!(page2.len(), 1);
    assert_eq!(page2[0].client_id, "b");

    // 2. Active customers per CSM with average health.
    let rows = queries::csm_workload(conn, Page::default()).unwrap();
    let sarah = rows
        .iter()
        .find(|r| r.csm_assigned.as_deref() == Some("Sarah Johnson"))
        .unwrap();
    assert_eq!(sarah.customer_count, 3);
    assert!((sarah.avg_health - (40.0 + 69.0 + 5.0) / 3.0).abs() < 1e-9);
    let bob = rows
        .iter()
        .find(|r| r.csm_assigned.as_deref() == Some("Bob Lee"))
        .unwrap();
    assert_eq!(bob.customer_count, 1, "the paused customer is not counted");
    assert!(rows
        .iter()
        .any(|r| r.csm_assigned.is_none() && r.customer_count == 1));
    assert_eq!(
        rows[0].csm_assigned.as_deref(),
        Some("Sarah Johnson"),
        "busiest first"
    );

    // 3. Renewals within 90 days and at risk, by renewal date (schema v2: the date relative to
    // today decides, so the stored days agree with the dates here).
    let today = chrono::Utc::now().date_naive();
    for (id, client, days, status) in [
        ("r1", "a", 30, "at_risk"),
        ("r2", "b", 10, "at_risk"),
        ("r3", "c", 91, "at_risk"),
        ("r4", "e", 5, "on_track"),
    ] {
        let date = today + chrono::Duration::days(days);
        insert_minimal(
            conn,
            "renewal_forecasts",
            &[
                ("forecast_id", &format!("'{id}'")),
                ("client_id", &format!("'{client}'")),
                ("days_until_renewal", &days.to_string()),
                ("renewal_status", &format!("'{status}'")),
                ("renewal_date", &format!("'{date}'")),
                ("renewal_probability", "0.4"),
                ("forecasted_arr", "1000.50"),
                ("current_arr", "1000"),
                ("health_score", "50"),
            ],
        )
        .unwrap();
    }
    let rows = queries::renewal_pipeline(conn, 90, RenewalStatus::AtRisk, Page::default()).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(rows[0].forecasted_arr.to_string(), "1000.50");
    assert_eq!(rows[0].renewal_probability.get(), 0.4);

    // 4. Open/in-progress tickets with breached first response or at-risk resolution,
    //    by priority then age.
    for (id, prio, status, first, resolution, created) in [
        ("t1", "P2", "open", "breached", "met", "2026-01-02"),
        ("t2", "P0", "in_progress", "met", "at_risk", "2026-01-03"),
        ("t3", "P2", "open", "breached", "met", "2026-01-01"),
        ("t4", "P1", "resolved", "breached", "at_risk", "2026-01-01"),
        ("t5", "P1", "open", "met", "met", "2026-01-01"),
        (
            "t6",
            "P3",
            "waiting_on_customer",
            "breached",
            "at_risk",
            "2026-01-01",
        ),
    ] {
        insert_minimal(
            conn,
            "support_tickets",
            &[
                ("ticket_id", &format!("'{id}'")),
                ("client_id", "'a'"),
                ("priority", &format!("'{prio}'")),
                ("status", &format!("'{status}'")),
                ("first_response_sla_status", &format!("'{first}'")),
                ("resolution_sla_status", &format!("'{resolution}'")),
                ("created_at", &format!("'{created}T00:00:00Z'")),
            ],
        )
        .unwrap();
    }
    let rows = queries::sla_monitoring(conn, Page::default()).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.ticket_id.as_str()).collect();
    // Schema v2 computes the states from the clock: every ticket here is months past its SLA
    // with no response, so t5 shows although its stored states say "met"; the resolved (t4)
    // and waiting (t6) tickets do not.
    assert_eq!(ids, ["t2", "t5", "t3", "t1"]);
    assert!(rows
        .iter()
        .all(|r| r.first_response_sla_status == SlaStatus::Breached));
    assert_eq!(rows[0].priority, TicketPriority::P0);
    assert_eq!(rows[1].first_response_sla_status, SlaStatus::Breached);

    // 5. Active customers joined with high/critical churn predictions, most likely first.
    for (client, p, level) in [
        ("a", 0.9, "critical"),
        ("b", 0.6, "high"),
        ("d", 0.99, "critical"),
        ("c", 0.3, "medium"),
    ] {
        insert_minimal(
            conn,
            "churn_predictions",
            &[
                ("client_id", &format!("'{client}'")),
                ("churn_probability", &p.to_string()),
                ("churn_risk_level", &format!("'{level}'")),
            ],
        )
        .unwrap();
    }
    let rows = queries::churn_risk(
        conn,
        &[RiskLevel::High, RiskLevel::Critical],
        Page::default(),
    )
    .unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(ids, ["a", "b"], "paused d and medium c are excluded");
    assert_eq!(rows[0].churn_risk_level, RiskLevel::Critical);
    assert_eq!(rows[0].health_score.get(), 40);
    let only_medium = queries::churn_risk(conn, &[RiskLevel::Medium], Page::default()).unwrap();
    assert_eq!(only_medium.len(), 1);

    // 6. The CSM + lifecycle-stage lookup.
    let rows = queries::csm_customers(
        conn,
        "Sarah Johnson",
        LifecycleStage::Active,
        Page::default(),
    )
    .unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.client_id.as_str()).collect();
    assert_eq!(ids, ["a", "f"]);
    assert!(
        queries::csm_customers(conn, "Nobody", LifecycleStage::Active, Page::default())
            .unwrap()
            .is_empty()
    );
}

/// Every `Index Name` anywhere in a plan (first occurrence, in plan order), found independently
/// of `queries::explain`'s walk.
fn index_names_in(plan: &serde_json::Value, out: &mut Vec<String>) {
    match plan {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("Index Name", Some(name)) if !out.iter().any(|n| n == name) => {
                        out.push(name.to_owned())
                    }
                    ("Index Name", _) => {}
                    _ => index_names_in(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| index_names_in(v, out)),
        _ => {}
    }
}

#[test]
fn explain_reports_the_plan_timings_and_indexes() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    fixture(&mut conn);
    let query = || {
        queries::csm_customers_query(
            "Sarah Johnson".into(),
            LifecycleStage::Active,
            Page::first(10),
        )
    };

    // On six rows the planner may pick either a table or an index scan, so each case is forced:
    // first index scans only (the report must name the indexes the plan reads) ...
    conn.batch_execute("SET enable_seqscan = off; SET enable_bitmapscan = off")
        .unwrap();
    let report = queries::explain(&mut conn, query()).unwrap();
    let top = &report.plan[0];
    assert!(top["Plan"]["Node Type"].is_string(), "{}", report.plan);
    // The timings are PostgreSQL's own figures, not a default standing in for a missing key.
    assert_eq!(
        Some(report.execution_ms),
        top["Execution Time"].as_f64(),
        "{}",
        report.plan
    );
    assert_eq!(
        Some(report.planning_ms),
        top["Planning Time"].as_f64(),
        "{}",
        report.plan
    );
    assert!(report.execution_ms > 0.0, "{}", report.plan);
    let mut in_plan = Vec::new();
    index_names_in(&report.plan, &mut in_plan);
    assert!(
        !in_plan.is_empty(),
        "an index scan was forced: {}",
        report.plan
    );
    assert_eq!(report.indexes, in_plan, "{}", report.plan);
    for ix in &in_plan {
        assert!(report.uses_index(ix), "{ix}");
    }
    assert!(!report.uses_index("ix_customers_no_such_index"));
    assert!(
        report
            .node_types
            .iter()
            .any(|t| t == "Index Scan" || t == "Index Only Scan"),
        "{:?}",
        report.node_types
    );

    // ... then no index at all: the report must name none.
    conn.batch_execute(
        "RESET enable_seqscan; RESET enable_bitmapscan;
         SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off",
    )
    .unwrap();
    let report = queries::explain(&mut conn, query()).unwrap();
    assert!(report.indexes.is_empty(), "{}", report.plan);
    assert!(!report.uses_index(&in_plan[0]));
    assert!(
        report.node_types.iter().any(|t| t == "Seq Scan"),
        "{:?}",
        report.node_types
    );

    let sql = queries::sql_of(&queries::health_dashboard_query(
        HealthScore::new(70).unwrap(),
        Page::first(5),
    ));
    assert!(sql.starts_with("SELECT"), "{sql}");
    assert!(sql.contains("\"customers\".\"health_score\" < $1"), "{sql}");
}
