//! `csdb explain [--limit N]`: each of the six dashboards under `EXPLAIN ANALYZE` (the seed's
//! "EXPLAIN ANALYZE examples" as a command), read-only.
//!
//! The dashboards are one list of [`Dashboard`] entries (name, parameters, closure), so another
//! page selection (a page number, a keyset cursor) is one more argument to the closures.

use chrono::Utc;
use customer_success_db::crud::{Page, PageRequest};
use customer_success_db::cursor::{Cursor, Keyed};
use customer_success_db::queries::{self, ExplainReport};
use customer_success_db::types::{HealthScore, LifecycleStage, RenewalStatus, RiskLevel};
use customer_success_db::Result;
use diesel::PgConnection;
use serde::Serialize;
use serde_json::json;

use super::render::{table, Align};
use super::{failure, Failure, Output};
use crate::args::Command;

/// The health dashboard's threshold (quickstart and MCP server default).
const HEALTH_THRESHOLD: i32 = 70;
/// The renewal pipeline's window in days (quickstart and MCP server default).
const RENEWAL_WITHIN_DAYS: i32 = 90;
/// The CSM looked up when no active customer has one (the quickstart's fallback).
const FALLBACK_CSM: &str = "Sarah Johnson";

type Explainer = Box<dyn Fn(&mut PgConnection, PageRequest) -> Result<ExplainReport>>;
/// Loads a page and returns the cursor after its last row (`None`: the page is empty).
type Walker = Box<dyn Fn(&mut PgConnection, PageRequest) -> Result<Option<Cursor>>>;

fn last_cursor<T: Keyed>(rows: Vec<T>) -> Option<Cursor> {
    rows.last().map(Keyed::cursor)
}

/// One dashboard: its name (the library function's), the parameters used, and how to explain
/// its query for a page.
struct Dashboard {
    name: &'static str,
    parameters: String,
    explain: Explainer,
    walk: Walker,
}

/// The six dashboards with the quickstart's parameters. `csm` is the CSM of the CSM + lifecycle
/// lookup (the busiest one, as in the quickstart).
fn dashboards(csm: String) -> Result<Vec<Dashboard>> {
    let threshold = HealthScore::new(HEALTH_THRESHOLD)?;
    // The pipeline as of today, pinned once so that every run of the closure explains the same
    // query (the library's `renewal_pipeline_query` reads the clock itself).
    let today = Utc::now().date_naive();
    let levels = vec![RiskLevel::High, RiskLevel::Critical];
    Ok(vec![
        Dashboard {
            name: "health_dashboard",
            parameters: format!("health_score < {HEALTH_THRESHOLD}, status active"),
            explain: Box::new(move |conn, page| {
                queries::explain(conn, queries::health_dashboard_query(threshold, page))
            }),
            walk: Box::new(move |conn, page| {
                queries::health_dashboard(conn, threshold, page).map(last_cursor)
            }),
        },
        Dashboard {
            name: "csm_workload",
            parameters: "status active, grouped by CSM".into(),
            explain: Box::new(|conn, page| {
                queries::explain(conn, queries::csm_workload_query(page))
            }),
            walk: Box::new(|conn, page| queries::csm_workload(conn, page).map(last_cursor)),
        },
        Dashboard {
            name: "renewal_pipeline",
            parameters: format!(
                "renewal_date <= {today} + {RENEWAL_WITHIN_DAYS} days, status {}",
                RenewalStatus::AtRisk
            ),
            explain: Box::new(move |conn, page| {
                queries::explain(
                    conn,
                    queries::renewal_pipeline_as_of_query(
                        today,
                        RENEWAL_WITHIN_DAYS,
                        RenewalStatus::AtRisk,
                        page,
                    ),
                )
            }),
            walk: Box::new(move |conn, page| {
                use diesel::RunQueryDsl;
                queries::renewal_pipeline_as_of_query(
                    today,
                    RENEWAL_WITHIN_DAYS,
                    RenewalStatus::AtRisk,
                    page,
                )
                .load(conn)
                .map(last_cursor)
                .map_err(Into::into)
            }),
        },
        Dashboard {
            name: "sla_monitoring",
            parameters: "open or in progress, an SLA breached or at risk now".into(),
            explain: Box::new(|conn, page| {
                queries::explain(conn, queries::sla_monitoring_query(page))
            }),
            walk: Box::new(|conn, page| queries::sla_monitoring(conn, page).map(last_cursor)),
        },
        Dashboard {
            name: "churn_risk",
            parameters: format!(
                "churn risk level {} or {}, status active",
                RiskLevel::High,
                RiskLevel::Critical
            ),
            explain: Box::new({
                let levels = levels.clone();
                move |conn, page| {
                    queries::explain(conn, queries::churn_risk_query(levels.clone(), page))
                }
            }),
            walk: Box::new(move |conn, page| {
                queries::churn_risk(conn, &levels, page).map(last_cursor)
            }),
        },
        Dashboard {
            name: "csm_customers",
            parameters: format!(
                "csm_assigned = {csm:?}, lifecycle stage {}",
                LifecycleStage::Active
            ),
            explain: Box::new({
                let csm = csm.clone();
                move |conn, page| {
                    queries::explain(
                        conn,
                        queries::csm_customers_query(csm.clone(), LifecycleStage::Active, page),
                    )
                }
            }),
            walk: Box::new(move |conn, page| {
                queries::csm_customers(conn, &csm, LifecycleStage::Active, page).map(last_cursor)
            }),
        },
    ])
}

/// One dashboard's result.
#[derive(Serialize)]
struct Explained {
    name: &'static str,
    parameters: String,
    /// The keyset page explained: the one asked for, or the last one if there are fewer.
    page: u32,
    execution_ms: f64,
    planning_ms: f64,
    /// Rows the query returned (the top plan node's actual rows).
    rows: Option<u64>,
    indexes: Vec<String>,
    node_types: Vec<String>,
    plan: serde_json::Value,
}

/// Explains every dashboard with the first page of `limit` rows.
pub fn run(
    conn: &mut PgConnection,
    command: &Command,
    limit: i64,
    page_number: u32,
    url: &str,
) -> std::result::Result<Output, Failure> {
    let page = Page::first(limit);
    // A read-only transaction: EXPLAIN ANALYZE executes the queries, and this makes sure that
    // nothing they do (now or after a future change) can write.
    let results = conn
        .build_transaction()
        .read_only()
        .run(|conn| explain_all(conn, page, page_number))
        .map_err(|e| failure(command, &e, url))?;
    Ok(render(limit, page_number, &results))
}

fn explain_all(conn: &mut PgConnection, page: Page, page_number: u32) -> Result<Vec<Explained>> {
    let csm = queries::csm_workload(conn, Page::first(1))?
        .into_iter()
        .find_map(|r| r.csm_assigned)
        .unwrap_or_else(|| FALLBACK_CSM.to_owned());
    let mut out = Vec::new();
    for d in dashboards(csm)? {
        // Walk to the page asked for, cursor by cursor (each step is itself a keyset page);
        // stop at the last non-empty page.
        let mut request = page.after(None);
        let mut reached = 1;
        if page_number > 1 {
            // The cursor after the current page; `None` once a page is empty.
            let mut after_current = (d.walk)(conn, request.clone())?;
            while reached < page_number {
                let Some(cursor) = after_current else { break };
                let next = page.after(cursor);
                let after_next = (d.walk)(conn, next.clone())?;
                if after_next.is_none() {
                    break; // the next page is empty: this is the last one
                }
                request = next;
                after_current = after_next;
                reached += 1;
            }
        }
        let report = (d.explain)(conn, request)?;
        // Absent only if the plan's root never ran, which EXPLAIN ANALYZE of a SELECT rules out;
        // shown as null / "-" rather than a made-up 0.
        let rows = report
            .plan
            .pointer("/0/Plan/Actual Rows")
            .and_then(serde_json::Value::as_u64);
        out.push(Explained {
            name: d.name,
            parameters: d.parameters,
            page: reached,
            execution_ms: report.execution_ms,
            planning_ms: report.planning_ms,
            rows,
            indexes: report.indexes,
            node_types: report.node_types,
            plan: report.plan,
        });
    }
    Ok(out)
}

fn render(limit: i64, page_number: u32, results: &[Explained]) -> Output {
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| {
            vec![
                r.name.to_owned(),
                format!("{:.3}", r.execution_ms),
                format!("{:.3}", r.planning_ms),
                r.rows.map_or_else(|| "-".to_owned(), |n| n.to_string()),
                if r.indexes.is_empty() {
                    "-".to_owned()
                } else {
                    r.indexes.join(", ")
                },
                dedup(&r.node_types).join(", "),
            ]
        })
        .collect();
    let mut human = table(
        &[
            ("DASHBOARD", Align::Left),
            ("EXEC MS", Align::Right),
            ("PLAN MS", Align::Right),
            ("ROWS", Align::Right),
            ("INDEXES", Align::Left),
            ("NODE TYPES", Align::Left),
        ],
        &rows,
    );
    if page_number == 1 {
        human.push_str(&format!(
            "\nFirst page of {limit} rows, EXPLAIN ANALYZE in a read-only transaction. \
             Parameters:\n"
        ));
    } else {
        human.push_str(&format!(
            "\nKeyset page {page_number} of {limit} rows (reached by cursor; a dashboard with \
             fewer pages shows its last one), EXPLAIN ANALYZE in a read-only transaction. \
             Parameters:\n"
        ));
    }
    for r in results {
        human.push_str(&format!(
            "  {} (page {}): {}\n",
            r.name, r.page, r.parameters
        ));
    }
    human.push_str("`csdb --json explain` adds each full plan.\n");
    Output::ok(
        human,
        json!({ "limit": limit, "page": page_number, "dashboards": results }),
    )
}

/// Node types in plan order without repeats, for the one-line summary.
fn dedup(types: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in types {
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    out
}
