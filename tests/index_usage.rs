//! Which index each dashboard query really uses, on demo data of realistic size and
//! selectivity after ANALYZE: schema v2's indexes, designed from these queries (migration
//! `2026-11-30-000005_v2_indexes`, and `…000007_v2_churn_levels`; the CSM workload reads the summary
//! of `…000006_v2_csm_summary`), serve each first page, and a keyset page deep into the
//! results uses the same plan with the cursor as part of the index condition. Timings are
//! benchmarks (`BENCHMARKS.md`, `csdb explain`), not assertions.
mod common;

use common::TestDatabase;
use customer_success_db::crud::{ByClient, Crud, Page, Paged};
use customer_success_db::cursor::Keyed;
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::models::SupportTicket;
use customer_success_db::queries::{self, ExplainReport};
use customer_success_db::types::*;

/// Large enough that the planner's choices are those of a real installation (sequential scans
/// stop being cheapest for selective predicates), small enough for CI.
const CUSTOMERS: usize = 5_000;

fn show(name: &str, r: &ExplainReport) {
    eprintln!(
        "{name}: indexes {:?} nodes {:?} ({:.2} ms)",
        r.indexes, r.node_types, r.execution_ms
    );
}

/// The index conditions of every node of the plan, one per line.
fn index_conds(r: &ExplainReport) -> String {
    r.index_conditions.join("\n")
}

/// Every table a plan reads (`Relation Name` of its nodes), without duplicates.
fn relations(r: &ExplainReport) -> Vec<String> {
    fn walk(node: &serde_json::Value, out: &mut Vec<String>) {
        if let Some(t) = node.get("Relation Name").and_then(|v| v.as_str()) {
            if !out.iter().any(|x| x == t) {
                out.push(t.to_owned());
            }
        }
        for child in node
            .get("Plans")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    if let Some(root) = r.plan.pointer("/0/Plan") {
        walk(root, &mut out);
    }
    out
}

/// How many entries the scans of `index` returned in all (`Actual Rows` × `Actual Loops`).
fn index_rows(r: &ExplainReport, index: &str) -> i64 {
    fn walk(node: &serde_json::Value, index: &str) -> i64 {
        let own = if node.get("Index Name").and_then(|v| v.as_str()) == Some(index) {
            let rows = node
                .get("Actual Rows")
                .and_then(|v| v.as_i64())
                .unwrap_or(0);
            let loops = node
                .get("Actual Loops")
                .and_then(|v| v.as_i64())
                .unwrap_or(0);
            rows * loops
        } else {
            0
        };
        own + node
            .get("Plans")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .map(|child| walk(child, index))
            .sum::<i64>()
    }
    r.plan
        .pointer("/0/Plan")
        .map_or(0, |root| walk(root, index))
}

fn has_node(r: &ExplainReport, node: &str) -> bool {
    r.node_types.iter().any(|n| n == node)
}

#[test]
fn dashboards_use_the_indexes_designed_for_them() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    demo::load(conn, &DemoConfig::new(CUSTOMERS, 42), &mut |_| {}).unwrap();
    // The loader ends with ANALYZE; VACUUM sets the visibility map that index-only scans need.
    common::vacuum_analyze_all_visible(conn);
    let page = Page::first(100);

    // 1. Health: one range of the (status, health_score, id) index, no sort, no heap.
    let threshold = HealthScore::new(70).unwrap();
    let r = queries::explain(conn, queries::health_dashboard_query(threshold, page)).unwrap();
    show("health_dashboard", &r);
    assert_eq!(r.indexes, ["ix_customers_health_dashboard"]);
    assert!(
        has_node(&r, "Index Only Scan") && !has_node(&r, "Sort"),
        "{r:?}"
    );

    // 2. CSM workload: the summary the database keeps (a few rows per CSM), never the customers.
    let r = queries::explain(conn, queries::csm_workload_query(page)).unwrap();
    show("csm_workload", &r);
    assert_eq!(relations(&r), ["csm_workload_summary"], "{r:?}");

    // 3. Renewal pipeline: status equality, date range and order from one index.
    let r = queries::explain(
        conn,
        queries::renewal_pipeline_query(90, RenewalStatus::AtRisk, page),
    )
    .unwrap();
    show("renewal_pipeline", &r);
    assert_eq!(r.indexes, ["ix_renewal_forecasts_pipeline"]);
    assert!(!has_node(&r, "Sort"), "{r:?}");

    // 4. SLA: the partial index holds only open and in-progress tickets, in the dashboard's
    //    order, with the columns the SLA states are computed from.
    let r = queries::explain(conn, queries::sla_monitoring_query(page)).unwrap();
    show("sla_monitoring", &r);
    assert_eq!(r.indexes, ["ix_support_tickets_sla_open"]);
    assert!(
        has_node(&r, "Index Only Scan") && !has_node(&r, "Sort"),
        "{r:?}"
    );

    // 5. Churn risk: per risk level, active customers' predictions by probability (the status
    //    the database keeps on the prediction), then one covering lookup per row shown; the
    //    branches are merged by a sort of at most (limit + offset) rows each.
    let levels = vec![RiskLevel::High, RiskLevel::Critical];
    let r = queries::explain(conn, queries::churn_risk_query(levels.clone(), page)).unwrap();
    show("churn_risk", &r);
    // The lookup is the covering `ix_customers_client_summary`, index-only: this needs the
    // visibility map that `vacuum_analyze_all_visible` waits for (with pages not all-visible,
    // the unique key's index costs the same and may be chosen).
    assert_eq!(
        r.indexes,
        [
            "ix_churn_predictions_level_probability",
            "ix_customers_client_summary"
        ],
        "{r:?}"
    );
    assert!(
        has_node(&r, "Nested Loop")
            && (has_node(&r, "Merge Append") || has_node(&r, "Append"))
            && !has_node(&r, "Seq Scan"),
        "{r:?}"
    );
    // Only the branches of the levels asked for read anything, at most a page each.
    let read = index_rows(&r, "ix_churn_predictions_level_probability");
    assert!(
        (100..=200).contains(&read),
        "read {read} index entries: {r:?}"
    );

    // 6. CSM + lifecycle: one range of (csm_assigned, lifecycle_stage, id).
    let csm = queries::csm_workload(conn, Page::first(1)).unwrap()[0]
        .csm_assigned
        .clone()
        .unwrap();
    let r = queries::explain(
        conn,
        queries::csm_customers_query(csm.clone(), LifecycleStage::Active, page),
    )
    .unwrap();
    show("csm_customers", &r);
    assert_eq!(r.indexes, ["ix_customers_csm_stage"]);
    assert!(has_node(&r, "Index Only Scan"), "{r:?}");

    // Deep pages: walked by cursor, the 20th page of 10 has the same plan as the first, and
    // the cursor is part of the index condition (so it costs what the first page costs).
    let small = Page::first(10);
    let mut request = small.after(None);
    for _ in 0..19 {
        let rows = queries::health_dashboard(conn, threshold, request.clone()).unwrap();
        let last = rows
            .last()
            .expect("the health dashboard has 20 pages of 10");
        request = small.after(last.cursor());
    }
    let r = queries::explain(conn, queries::health_dashboard_query(threshold, request)).unwrap();
    show("health_dashboard page 20", &r);
    assert_eq!(r.indexes, ["ix_customers_health_dashboard"]);
    assert!(
        index_conds(&r).contains("ROW(health_score, id) > ROW("),
        "{}",
        index_conds(&r)
    );

    let mut request = small.after(None);
    for _ in 0..19 {
        let paged = Paged::load(request.clone(), |p| queries::sla_monitoring(conn, p)).unwrap();
        request = paged.next_page(&request).expect("20 pages of SLA alarms");
    }
    let r = queries::explain(conn, queries::sla_monitoring_query(request)).unwrap();
    show("sla_monitoring page 20", &r);
    assert_eq!(r.indexes, ["ix_support_tickets_sla_open"]);
    assert!(
        index_conds(&r).contains("ROW(priority, created_at, id) > ROW("),
        "{}",
        index_conds(&r)
    );

    let rows = queries::churn_risk(conn, &levels, Page::first(50)).unwrap();
    let r = queries::explain(
        conn,
        queries::churn_risk_query(levels.clone(), small.after(rows.last().unwrap().cursor())),
    )
    .unwrap();
    show("churn_risk page 6", &r);
    assert_eq!(r.indexes[0], "ix_churn_predictions_level_probability");
    assert!(
        index_conds(&r).contains("ROW(churn_probability, id) < ROW("),
        "{}",
        index_conds(&r)
    );

    // The LAST page reads no more than a page's worth per level asked for: each level's
    // range ends where the level does (filtering the levels from one scan in probability
    // order made the last page read every remaining active prediction).
    let mut request = small.after(None);
    let mut pages = 0;
    loop {
        let paged =
            Paged::load(request.clone(), |p| queries::churn_risk(conn, &levels, p)).unwrap();
        match paged.next_page(&request) {
            Some(next) => request = next,
            None => break,
        }
        pages += 1;
    }
    assert!(pages > 5, "{pages} pages of churn risk");
    let r = queries::explain(conn, queries::churn_risk_query(levels.clone(), request)).unwrap();
    show("churn_risk last page", &r);
    assert_eq!(r.indexes[0], "ix_churn_predictions_level_probability");
    let read = index_rows(&r, "ix_churn_predictions_level_probability");
    assert!(
        read <= 2 * 10,
        "the last page read {read} index entries: {r:?}"
    );

    // A customer's tickets: the (client_id, status, id) index.
    let ticket = SupportTicket::list(conn, Page::first(1)).unwrap().remove(0);
    let r = queries::explain(
        conn,
        SupportTicket::list_by_client_query(ticket.client_id.clone(), Page::first(100)),
    )
    .unwrap();
    show("support_tickets list_by_client", &r);
    assert_eq!(r.indexes, ["ix_support_tickets_client_keyset"]);
}
