//! The example MCP server (this crate's library), in process: an rmcp client talks to it over an
//! in-memory duplex pipe, against a migrated TestDatabase with demo data. Every tool is called
//! and its answer compared with the crate's own typed API on the same database; bad calls
//! (unknown client, out-of-range score, unknown enum value, missing or misspelt argument) come
//! back as tool errors that say what was wrong, and the server keeps serving.
//!
//! The tests run on tokio's single-threaded runtime, which also carries the server: a tool that
//! blocked the runtime would stall the client and the server alike.

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use customer_success_db::async_pool::{AsyncDb, AsyncOptions};
use customer_success_db::connection;
use customer_success_db::crud::{ByClient, ByKey, Crud, Page};
use customer_success_db::crud::{Latest, Paged};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::{
    Customer, HealthScoreRecord, NewSupportTicket, NpsResponse, SupportTicket,
};
use customer_success_db::ops::{CustomerFilter, TicketFilter};
use customer_success_db::queries;
use customer_success_db::reports::{self, NpsGroup, NpsPeriod};
use customer_success_db::schema::support_tickets;
use customer_success_db::types::{
    Count, HealthScore, LifecycleStage, NpsCategory, NpsScore, RenewalStatus, RiskLevel, SlaStatus,
    TicketCategory, TicketPriority, TicketStatus,
};
use customer_success_db::types::{CustomerStatus, CustomerTier};
use diesel::prelude::*;
use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::{RoleClient, ServiceExt};
use serde_json::{json, Value};

use csdb_mcp_server::CustomerSuccessServer;

/// Demo customers in each test database: enough for every dashboard to return rows.
const CUSTOMERS: usize = 60;

const TOOLS: [&str; 14] = [
    "churn_risk_list",
    "create_support_ticket",
    "csm_customers",
    "csm_workload",
    "customer_tickets",
    "get_customer",
    "health_dashboard",
    "nps_summary",
    "record_nps_response",
    "renewal_pipeline",
    "search_customers",
    "sla_monitoring",
    "update_ticket_status",
    "upsert_health_score",
];

/// A seeded database, the server serving it and a client connected to the server.
struct Fixture {
    db: TestDatabase,
    client: RunningService<RoleClient, ()>,
}

impl Fixture {
    async fn new() -> Fixture {
        let db = TestDatabase::new().expect("test database");
        let mut conn = db.connect().expect("connect");
        demo::load(&mut conn, &DemoConfig::new(CUSTOMERS, 7), &mut |_| {}).expect("demo data");
        let pool = connection::pool(db.url()).expect("pool");
        let server = CustomerSuccessServer::new(AsyncDb::new(pool, AsyncOptions::default()));

        let (server_side, client_side) = tokio::io::duplex(64 * 1024);
        tokio::spawn(async move {
            match server.serve(server_side).await {
                Ok(running) => {
                    let _ = running.waiting().await;
                }
                Err(e) => eprintln!("server failed to start: {e}"),
            }
        });
        let client = ().serve(client_side).await.expect("client connects");
        Fixture { db, client }
    }

    fn conn(&self) -> PgConnection {
        self.db.connect().expect("connect")
    }

    async fn call(&self, tool: &'static str, arguments: Value) -> CallToolResult {
        let Value::Object(arguments) = arguments else {
            panic!("arguments must be a JSON object");
        };
        self.client
            .call_tool(CallToolRequestParams::new(tool).with_arguments(arguments))
            .await
            .unwrap_or_else(|e| panic!("{tool}: protocol error instead of a tool result: {e}"))
    }

    /// Calls a tool that must succeed and returns its JSON.
    async fn ok(&self, tool: &'static str, arguments: Value) -> Value {
        let result = self.call(tool, arguments).await;
        assert_ne!(
            result.is_error,
            Some(true),
            "{tool} failed: {}",
            text(&result)
        );
        let structured = result
            .structured_content
            .clone()
            .unwrap_or_else(|| panic!("{tool}: no structured content"));
        // The text block carries the same JSON, for clients that read only text.
        let from_text: Value = serde_json::from_str(&text(&result)).expect("text is JSON");
        assert_eq!(
            structured, from_text,
            "{tool}: text and structured content differ"
        );
        structured
    }

    /// Calls a tool that must fail and returns the error text.
    async fn err(&self, tool: &'static str, arguments: Value) -> String {
        let result = self.call(tool, arguments).await;
        assert_eq!(
            result.is_error,
            Some(true),
            "{tool} should have failed: {}",
            text(&result)
        );
        text(&result)
    }
}

fn text(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|c| c.as_text())
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first characters of a long text, for assertion messages.
fn short(text: &str) -> String {
    text.chars().take(200).collect()
}

fn rows(value: &Value) -> &Vec<Value> {
    value["rows"].as_array().expect("rows array")
}

fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}

/// A customer with open tickets, and how many it has.
fn customer_with_open_tickets(conn: &mut PgConnection) -> (String, i64) {
    support_tickets::table
        .filter(support_tickets::status.ne_all([TicketStatus::Resolved, TicketStatus::Closed]))
        .group_by(support_tickets::client_id)
        .select((support_tickets::client_id, diesel::dsl::count_star()))
        .order((diesel::dsl::count_star().desc(), support_tickets::client_id))
        .first(conn)
        .expect("the demo data has open tickets")
}

#[tokio::test]
async fn lists_every_tool_with_an_argument_schema() {
    let f = Fixture::new().await;
    let tools = f.client.list_all_tools().await.expect("tools/list");
    let names: BTreeSet<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    assert_eq!(names, BTreeSet::from(TOOLS));
    for tool in &tools {
        assert!(
            tool.description.as_deref().is_some_and(|d| d.len() > 20),
            "{} has no description",
            tool.name
        );
        assert_eq!(tool.input_schema.get("type"), Some(&json!("object")));
    }
    let nps = tools
        .iter()
        .find(|t| t.name == "record_nps_response")
        .expect("record_nps_response");
    let schema = Value::Object((*nps.input_schema).clone());
    assert_eq!(schema["properties"]["score"]["type"], "integer");
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        required,
        BTreeSet::from(["client_id", "score", "respondent_email", "respondent_name"])
    );
    assert_eq!(schema["additionalProperties"], false);
}

#[tokio::test]
async fn get_customer_returns_the_customer_its_health_and_open_tickets() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, open) = customer_with_open_tickets(&mut conn);

    let v = f
        .ok("get_customer", json!({ "client_id": client_id }))
        .await;
    assert_eq!(v["customer"]["client_id"], client_id.as_str());
    let customer =
        customer_success_db::models::Customer::get_by_key(&mut conn, &client_id).expect("customer");
    assert_eq!(v["customer"], json_of(&customer));
    // Exactly the library's customer 360 at the same moment.
    let as_of: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(v["as_of"].clone()).expect("as_of");
    let view = reports::customer_360_as_of(&mut conn, &client_id, as_of).expect("customer 360");
    assert_eq!(v, json_of(&view));
    assert_eq!(v["open_tickets"]["total"], open);
    let shown = v["open_tickets"]["listed"]
        .as_array()
        .expect("open tickets");
    assert_eq!(shown.len() as i64, open.min(20));
    for t in shown {
        assert_eq!(t["client_id"], client_id.as_str());
        assert!(!["resolved", "closed"].contains(&t["status"].as_str().unwrap_or("")));
    }
    let latest_health = customer_success_db::models::HealthScoreRecord::list_by_client(
        &mut conn,
        &client_id,
        Page::first(1000),
    )
    .expect("health scores")
    .into_iter()
    .max_by_key(|h| (h.created_at, h.id));
    assert_eq!(v["latest_health_score"], json_of(&latest_health));
}

#[tokio::test]
async fn the_six_dashboards_match_the_typed_queries() {
    let f = Fixture::new().await;
    let mut conn = f.conn();

    let v = f
        .ok("health_dashboard", json!({ "threshold": 60, "limit": 7 }))
        .await;
    let expected = queries::health_dashboard(
        &mut conn,
        HealthScore::new(60).expect("score"),
        Page::first(7),
    )
    .expect("query");
    assert!(!expected.is_empty());
    assert_eq!(v["rows"], json_of(&expected));
    assert_eq!(v["count"], expected.len());

    let v = f.ok("csm_workload", json!({ "limit": 3 })).await;
    let workload = queries::csm_workload(&mut conn, Page::first(3)).expect("query");
    assert_eq!(v["rows"], json_of(&workload));
    assert_eq!(
        v["next_offset"], 3,
        "a full page says where the next starts"
    );
    // Page two continues where page one stopped.
    let v2 = f
        .ok("csm_workload", json!({ "limit": 3, "offset": 3 }))
        .await;
    assert_eq!(
        v2["rows"],
        json_of(&queries::csm_workload(&mut conn, Page::new(3, 3)).expect("query"))
    );

    let v = f
        .ok(
            "renewal_pipeline",
            json!({ "within_days": 365, "status": "on_track", "limit": 50 }),
        )
        .await;
    let expected =
        queries::renewal_pipeline(&mut conn, 365, RenewalStatus::OnTrack, Page::first(50))
            .expect("query");
    assert!(!expected.is_empty());
    assert_eq!(v["rows"], json_of(&expected));

    let v = f.ok("sla_monitoring", json!({})).await;
    let expected = queries::sla_monitoring(&mut conn, Page::first(20)).expect("query");
    assert!(!expected.is_empty());
    assert_eq!(v["rows"], json_of(&expected));

    // Defaults: high and critical, as the seed document's query.
    let v = f.ok("churn_risk_list", json!({})).await;
    let expected = queries::churn_risk(
        &mut conn,
        &[RiskLevel::High, RiskLevel::Critical],
        Page::first(20),
    )
    .expect("query");
    assert!(!expected.is_empty());
    assert_eq!(v["rows"], json_of(&expected));
    let v = f
        .ok("churn_risk_list", json!({ "levels": ["low"], "limit": 5 }))
        .await;
    // Checked against the typed query and required non-empty, so that the level check below
    // cannot pass on an empty page.
    let expected =
        queries::churn_risk(&mut conn, &[RiskLevel::Low], Page::first(5)).expect("query");
    assert!(!expected.is_empty(), "the demo data has low-risk customers");
    assert_eq!(v["rows"], json_of(&expected));
    assert_eq!(rows(&v).len(), expected.len());
    for row in rows(&v) {
        assert_eq!(row["churn_risk_level"], "low");
    }

    let csm = workload
        .iter()
        .find_map(|r| r.csm_assigned.clone())
        .expect("an assigned CSM");
    let v = f.ok("csm_customers", json!({ "csm": csm })).await;
    let expected = queries::csm_customers(&mut conn, &csm, LifecycleStage::Active, Page::first(20))
        .expect("query");
    assert!(!expected.is_empty());
    assert_eq!(v["rows"], json_of(&expected));
}

/// The list tools' `cursor` argument: following `next_cursor` until it is null walks the whole
/// list in order, no row twice and none missed; refused cursors are tool errors.
#[tokio::test]
async fn list_tools_page_by_cursor() {
    let f = Fixture::new().await;
    let mut conn = f.conn();

    // Every list tool takes a cursor, and says so in its schema.
    let tools = f.client.list_all_tools().await.expect("tools/list");
    for name in [
        "churn_risk_list",
        "csm_customers",
        "csm_workload",
        "customer_tickets",
        "health_dashboard",
        "renewal_pipeline",
        "search_customers",
        "sla_monitoring",
    ] {
        let tool = tools.iter().find(|t| t.name == name).expect(name);
        assert!(
            tool.input_schema["properties"].get("cursor").is_some(),
            "{name} takes no cursor"
        );
    }

    let expected = queries::health_dashboard(
        &mut conn,
        HealthScore::new(90).expect("score"),
        Page::first(1000),
    )
    .expect("query");
    assert!(expected.len() > 8, "{} rows", expected.len());
    let mut walked = Vec::new();
    let mut cursor = Value::Null;
    for _ in 0..1000 {
        let mut args = json!({ "threshold": 90, "limit": 4 });
        if !cursor.is_null() {
            args["cursor"] = cursor.clone();
        }
        let v = f.ok("health_dashboard", args).await;
        walked.extend(rows(&v).iter().cloned());
        assert!(
            v.get("next_cursor").is_some(),
            "next_cursor is always present"
        );
        cursor = v["next_cursor"].clone();
        if cursor.is_null() {
            break;
        }
        assert_eq!(rows(&v).len(), 4, "a page with a next cursor is full");
    }
    assert!(cursor.is_null(), "the walk ended");
    assert_eq!(Value::Array(walked), json_of(&expected));

    // The same walk for the aggregate, whose key includes the CSM-less group.
    let workload = queries::csm_workload(&mut conn, Page::first(1000)).expect("query");
    let mut walked = Vec::new();
    let mut args = json!({ "limit": 2 });
    loop {
        let v = f.ok("csm_workload", args.clone()).await;
        walked.extend(rows(&v).iter().cloned());
        if v["next_cursor"].is_null() {
            break;
        }
        args["cursor"] = v["next_cursor"].clone();
    }
    assert_eq!(Value::Array(walked), json_of(&workload));

    // Refused cursors: garbage, an edited token, one of another tool's list.
    let e = f
        .err("health_dashboard", json!({ "cursor": "garbage!" }))
        .await;
    assert!(
        e.contains("cursor") && e.contains("not a cursor token"),
        "{e}"
    );
    let v = f.ok("csm_workload", json!({ "limit": 1 })).await;
    let token = v["next_cursor"].as_str().expect("a next cursor").to_owned();
    let edited = format!(
        "{}{}",
        &token[..token.len() - 1],
        if token.ends_with('A') { "B" } else { "A" }
    );
    let e = f.err("csm_workload", json!({ "cursor": edited })).await;
    assert!(e.contains("invalid cursor"), "{e}");
    let e = f.err("sla_monitoring", json!({ "cursor": token })).await;
    assert!(
        e.contains("belongs to the list `csm_workload`, not to `sla_monitoring`"),
        "{e}"
    );
    let e = f
        .err("churn_risk_list", json!({ "cursor": "A".repeat(5000) }))
        .await;
    assert!(e.contains("cursor: too long"), "{e}");
    // And the server keeps serving.
    f.ok("sla_monitoring", json!({})).await;
}

#[tokio::test]
async fn record_nps_response_stores_the_derived_category() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, _) = customer_with_open_tickets(&mut conn);

    let v = f
        .ok(
            "record_nps_response",
            json!({
                "client_id": client_id,
                "score": 9,
                "respondent_email": "ada@example.com",
                "respondent_name": "Ada",
                "reason": "The onboarding was excellent",
            }),
        )
        .await;
    assert_eq!(v["category"], "promoter");
    assert_eq!(v["sentiment"], "positive", "derived from the score");
    let response_id = v["response_id"].as_str().expect("response_id");
    let stored = NpsResponse::get_by_key(&mut conn, response_id).expect("stored");
    assert_eq!(stored.client_id, client_id);
    assert_eq!(stored.score, NpsScore::new(9).expect("score"));
    assert_eq!(stored.category, NpsCategory::Promoter);
    assert_eq!(
        stored.reason.as_deref(),
        Some("The onboarding was excellent")
    );

    let v = f
        .ok(
            "record_nps_response",
            json!({
                "client_id": client_id,
                "score": 3,
                "respondent_email": "bob@example.com",
                "respondent_name": "Bob",
                "sentiment": "very_negative",
            }),
        )
        .await;
    let stored =
        NpsResponse::get_by_key(&mut conn, v["response_id"].as_str().expect("id")).expect("stored");
    assert_eq!(stored.category, NpsCategory::Detractor);
    assert_eq!(stored.sentiment.as_str(), "very_negative");
}

#[tokio::test]
async fn create_support_ticket_opens_a_ticket_with_the_priority_sla() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, open_before) = customer_with_open_tickets(&mut conn);

    let v = f
        .ok(
            "create_support_ticket",
            json!({
                "client_id": client_id,
                "subject": "SSO login fails for all users",
                "description": "Since this morning every SSO login returns a 500.",
                "priority": "P1",
                "category": "technical_issue",
                "requester_email": "it@example.com",
                "requester_name": "IT desk",
            }),
        )
        .await;
    let ticket_id = v["ticket_id"].as_str().expect("ticket_id");
    let stored = SupportTicket::get_by_key(&mut conn, ticket_id).expect("stored");
    assert_eq!(stored.client_id, client_id);
    assert_eq!(stored.priority, TicketPriority::P1);
    assert_eq!(stored.category, TicketCategory::TechnicalIssue);
    assert_eq!(stored.status, TicketStatus::Open);
    assert_eq!(
        (
            stored.sla_first_response_minutes.get(),
            stored.sla_resolution_minutes.get()
        ),
        (60, 480)
    );
    assert_eq!(stored.first_response_sla_status, SlaStatus::NotApplicable);

    let v = f
        .ok("get_customer", json!({ "client_id": client_id }))
        .await;
    assert_eq!(v["open_tickets"]["total"], open_before + 1);
}

/// An open ticket of the customer with the most open tickets.
fn an_open_ticket(conn: &mut PgConnection) -> SupportTicket {
    let (client_id, _) = customer_with_open_tickets(conn);
    support_tickets::table
        .filter(support_tickets::client_id.eq(&client_id))
        .filter(support_tickets::status.eq(TicketStatus::Open))
        .order(support_tickets::id)
        .select(SupportTicket::as_select())
        .first(conn)
        .expect("an open ticket")
}

#[tokio::test]
async fn nps_summary_matches_the_library_for_every_grouping() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, _) = customer_with_open_tickets(&mut conn);
    let everything = NpsPeriod::dates(
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
        chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("date"),
    );

    for group in NpsGroup::ALL {
        let v = f
            .ok(
                "nps_summary",
                json!({ "from": "2000-01-01", "to": "2100-01-01T00:00:00Z", "group_by": group.as_str() }),
            )
            .await;
        let expected = reports::nps_summary(&mut conn, &everything, *group).expect("summary");
        assert!(
            expected.iter().map(|r| r.responses).sum::<i64>() > 0,
            "{group}: no answers"
        );
        assert_eq!(v["rows"], json_of(&expected), "{group}");
        assert_eq!(v["group_by"], group.as_str());
        assert_eq!(v["from"], json_of(&everything.from));
    }
    // Grouped per CSM, the rows add up to the total.
    let total = f
        .ok(
            "nps_summary",
            json!({ "from": "2000-01-01", "to": "2100-01-01" }),
        )
        .await;
    let by_csm = f
        .ok(
            "nps_summary",
            json!({ "from": "2000-01-01", "to": "2100-01-01", "group_by": "csm" }),
        )
        .await;
    let sum: i64 = rows(&by_csm)
        .iter()
        .map(|r| r["responses"].as_i64().expect("n"))
        .sum();
    assert_eq!(total["rows"][0]["responses"], sum);

    // One customer; and the default period (the 90 days before now), as the tool reports it.
    let v = f
        .ok(
            "nps_summary",
            json!({ "client_id": client_id, "group_by": "tier" }),
        )
        .await;
    let from: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(v["from"].clone()).expect("from");
    let to: chrono::DateTime<chrono::Utc> = serde_json::from_value(v["to"].clone()).expect("to");
    assert_eq!(to - from, chrono::Duration::days(90));
    let period = NpsPeriod::between(from, to).for_client(client_id.as_str());
    assert_eq!(
        v["rows"],
        json_of(&reports::nps_summary(&mut conn, &period, NpsGroup::Tier).expect("summary"))
    );
    assert_eq!(v["client_id"], client_id.as_str());
}

#[tokio::test]
async fn update_ticket_status_resolves_closes_and_reopens() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let ticket = an_open_ticket(&mut conn);
    let open = |conn: &mut PgConnection| {
        reports::customer_360(conn, &ticket.client_id)
            .expect("360")
            .open_tickets
            .total
    };
    let open_before = open(&mut conn);

    let v = f
        .ok(
            "update_ticket_status",
            json!({ "ticket_id": ticket.ticket_id, "status": "resolved", "resolution_notes": "Restarted the SSO bridge" }),
        )
        .await;
    assert_eq!(v["previous_status"], "open");
    assert_eq!(v["ticket"]["status"], "resolved");
    let stored = SupportTicket::get_by_key(&mut conn, &ticket.ticket_id).expect("ticket");
    assert_eq!(stored.status, TicketStatus::Resolved);
    let resolved_at = stored.resolved_at.expect("resolved_at stamped");
    assert!(stored.closed_at.is_none());
    assert_eq!(v["resolved_at"], json_of(&resolved_at));
    assert_eq!(
        stored
            .time_to_resolution_minutes
            .map(|m| i64::from(m.get())),
        Some((resolved_at - stored.created_at).num_minutes())
    );
    assert_eq!(
        stored.resolution_notes.as_deref(),
        Some("Restarted the SSO bridge")
    );
    assert_ne!(stored.resolution_sla_status, SlaStatus::NotApplicable);
    assert_eq!(open(&mut conn), open_before - 1);

    // Resolving again changes nothing (idempotent): the first resolution's moment stays.
    let again = f
        .ok(
            "update_ticket_status",
            json!({ "ticket_id": ticket.ticket_id, "status": "resolved" }),
        )
        .await;
    assert_eq!(again["previous_status"], "resolved");
    assert_eq!(again["resolved_at"], json_of(&resolved_at));
    assert_eq!(again["resolution_notes"], "Restarted the SSO bridge");

    // Closing keeps resolved_at and stamps closed_at.
    let closed = f
        .ok(
            "update_ticket_status",
            json!({ "ticket_id": ticket.ticket_id, "status": "closed" }),
        )
        .await;
    let stored = SupportTicket::get_by_key(&mut conn, &ticket.ticket_id).expect("ticket");
    assert_eq!(stored.resolved_at, Some(resolved_at));
    assert!(stored.closed_at.is_some());
    assert_eq!(closed["closed_at"], json_of(&stored.closed_at));

    // Reopening clears both: the work is not done.
    let v = f
        .ok(
            "update_ticket_status",
            json!({ "ticket_id": ticket.ticket_id, "status": "reopened" }),
        )
        .await;
    assert_eq!(v["previous_status"], "closed");
    let stored = SupportTicket::get_by_key(&mut conn, &ticket.ticket_id).expect("ticket");
    assert_eq!(stored.status, TicketStatus::Reopened);
    assert!(stored.resolved_at.is_none() && stored.closed_at.is_none());
    assert!(stored.time_to_resolution_minutes.is_none());
    assert_eq!(open(&mut conn), open_before);
}

#[tokio::test]
async fn upsert_health_score_records_an_assessment_that_becomes_the_customers_score() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, _) = customer_with_open_tickets(&mut conn);
    let history_before =
        HealthScoreRecord::list_by_client(&mut conn, &client_id, Page::first(1000))
            .expect("history")
            .len();

    // 80 * 0.35 + 70 * 0.25 + 60 * 0.15 + 50 * 0.15 + 40 * 0.10 = 66.
    let v = f
        .ok(
            "upsert_health_score",
            json!({ "client_id": client_id, "usage": 80, "engagement": 70, "support": 60, "satisfaction": 50, "payment": 40.0 }),
        )
        .await;
    assert_eq!(v["health_score"], 66);
    let overall = v["assessment"]["overall_score"].as_f64().expect("overall");
    assert!((overall - 66.0).abs() < 1e-9, "{overall}");
    let customer = Customer::get_by_key(&mut conn, &client_id).expect("customer");
    assert_eq!(customer.health_score, HealthScore::new(66).expect("score"));
    let latest = HealthScoreRecord::latest_for_client(&mut conn, &client_id)
        .expect("latest")
        .expect("an assessment");
    assert_eq!(v["assessment"], json_of(&latest));
    let history = HealthScoreRecord::list_by_client(&mut conn, &client_id, Page::first(1000))
        .expect("history");
    assert_eq!(history.len(), history_before + 1);

    // A second assessment replaces the score (rounded half up: 72.5 -> 73).
    let v = f
        .ok(
            "upsert_health_score",
            json!({ "client_id": client_id, "usage": 72.5, "engagement": 72.5, "support": 72.5, "satisfaction": 72.5, "payment": 72.5 }),
        )
        .await;
    assert_eq!(v["health_score"], 73);
    let view = f
        .ok("get_customer", json!({ "client_id": client_id }))
        .await;
    assert_eq!(view["customer"]["health_score"], 73);
    assert_eq!(view["latest_health_score"], v["assessment"]);
}

/// Follows `next_cursor` from the first page of `tool` with `args` until it is null; returns
/// every row seen.
async fn walk(f: &Fixture, tool: &'static str, mut args: Value) -> Vec<Value> {
    let mut walked = Vec::new();
    for _ in 0..1000 {
        let v = f.ok(tool, args.clone()).await;
        walked.extend(rows(&v).iter().cloned());
        if v["next_cursor"].is_null() {
            return walked;
        }
        args["cursor"] = v["next_cursor"].clone();
    }
    panic!("{tool}: the walk did not end");
}

#[tokio::test]
async fn search_customers_matches_the_library_filters() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let search = |conn: &mut PgConnection, filter: &CustomerFilter| {
        json_of(&Customer::search(conn, filter, Page::first(1000)).expect("search"))
    };

    // Tier and status.
    let filter = CustomerFilter {
        tier: vec![CustomerTier::Enterprise, CustomerTier::Professional],
        status: vec![CustomerStatus::Active],
        ..Default::default()
    };
    let expected = search(&mut conn, &filter);
    let n = expected.as_array().expect("rows").len();
    assert!(n > 3, "{n} customers: too few for a walk by 3");
    let v = f
        .ok(
            "search_customers",
            json!({ "tier": ["enterprise", "professional"], "status": ["active"], "limit": 500 }),
        )
        .await;
    assert_eq!(v["rows"], expected);
    // The same list, walked 3 at a time by cursor: every row once, in order.
    let walked = walk(
        &f,
        "search_customers",
        json!({ "tier": ["enterprise", "professional"], "status": ["active"], "limit": 3 }),
    )
    .await;
    assert_eq!(Value::Array(walked), expected);

    // A CSM and part of a name, case-insensitively.
    let some: Customer = Customer::list(&mut conn, Page::first(1))
        .expect("list")
        .remove(0);
    let csm = some.csm_assigned.clone().expect("the demo assigns CSMs");
    let part: String = some
        .client_name
        .chars()
        .skip(1)
        .take(4)
        .collect::<String>()
        .to_uppercase();
    let filter = CustomerFilter {
        csm_assigned: Some(csm.clone()),
        name_contains: Some(part.clone()),
        ..Default::default()
    };
    let expected = search(&mut conn, &filter);
    assert!(expected
        .as_array()
        .expect("rows")
        .iter()
        .any(|c| c["client_id"] == some.client_id.as_str()));
    let v = f
        .ok(
            "search_customers",
            json!({ "csm": csm, "name": part, "limit": 500 }),
        )
        .await;
    assert_eq!(v["rows"], expected);

    // A renewal window: explicit dates, and "within N days" from today.
    let today = chrono::Utc::now().date_naive();
    let in_a_year = today + chrono::Days::new(365);
    let filter = CustomerFilter {
        renewal_from: Some(today),
        renewal_to: Some(in_a_year),
        ..Default::default()
    };
    let expected = search(&mut conn, &filter);
    assert!(!expected.as_array().expect("rows").is_empty());
    let v = f
        .ok(
            "search_customers",
            json!({ "renewal_from": today.to_string(), "renewal_to": in_a_year.to_string(), "limit": 500 }),
        )
        .await;
    assert_eq!(v["rows"], expected);
    let v = f
        .ok(
            "search_customers",
            json!({ "renewal_within_days": 365, "limit": 500 }),
        )
        .await;
    assert_eq!(v["rows"], expected);

    // No filter: every customer, by id.
    let v = f.ok("search_customers", json!({ "limit": 500 })).await;
    assert_eq!(rows(&v).len(), CUSTOMERS);
}

#[tokio::test]
async fn customer_tickets_filters_a_customers_tickets() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, open) = customer_with_open_tickets(&mut conn);
    let tickets = |conn: &mut PgConnection, filter: &TicketFilter| {
        let rows = SupportTicket::list_filtered(conn, &client_id, filter, Page::first(1000))
            .expect("tickets");
        json_of(
            &rows
                .into_iter()
                .map(csdb_mcp_server::TicketSummary::from)
                .collect::<Vec<_>>(),
        )
    };

    let all = tickets(&mut conn, &TicketFilter::default());
    let v = f
        .ok(
            "customer_tickets",
            json!({ "client_id": client_id, "limit": 500 }),
        )
        .await;
    assert_eq!(v["rows"], all);
    // No descriptions or notes in the answer.
    assert!(rows(&v).iter().all(|t| t.get("description").is_none()));

    // Not resolved or closed: the open count get_customer reports.
    let not_done = [
        "open",
        "in_progress",
        "waiting_on_customer",
        "waiting_on_engineering",
        "reopened",
    ];
    let v = f
        .ok(
            "customer_tickets",
            json!({ "client_id": client_id, "status": not_done, "limit": 500 }),
        )
        .await;
    assert_eq!(rows(&v).len() as i64, open);
    let filter = TicketFilter {
        status: not_done
            .iter()
            .map(|s| s.parse().expect("status"))
            .collect(),
        ..Default::default()
    };
    assert_eq!(v["rows"], tickets(&mut conn, &filter));

    // Status and priority together, walked one ticket at a time.
    let priorities: Vec<TicketPriority> =
        vec![TicketPriority::P1, TicketPriority::P2, TicketPriority::P3];
    let filter = TicketFilter {
        status: filter.status.clone(),
        priority: priorities.clone(),
        ..Default::default()
    };
    let expected = tickets(&mut conn, &filter);
    let n = expected.as_array().expect("rows").len();
    assert!(n > 1, "{n} tickets: too few for a walk");
    let walked = walk(
        &f,
        "customer_tickets",
        json!({ "client_id": client_id, "status": not_done, "priority": ["P1", "P2", "P3"], "limit": 1 }),
    )
    .await;
    assert_eq!(Value::Array(walked), expected);

    // Paged::load with the library sees the same first page.
    let first = Paged::load(Page::first(2), |p| {
        SupportTicket::list_filtered(&mut conn, &client_id, &TicketFilter::default(), p)
    })
    .expect("page");
    let v = f
        .ok(
            "customer_tickets",
            json!({ "client_id": client_id, "limit": 2 }),
        )
        .await;
    assert_eq!(v["next_cursor"], json_of(&first.next));

    // A cursor of another list is refused.
    let other = f.ok("csm_workload", json!({ "limit": 1 })).await;
    let e = f
        .err(
            "customer_tickets",
            json!({ "client_id": client_id, "cursor": other["next_cursor"] }),
        )
        .await;
    assert!(e.contains("belongs to the list `csm_workload`"), "{e}");
}

#[tokio::test]
async fn bad_arguments_are_tool_errors_that_say_what_is_wrong() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, _) = customer_with_open_tickets(&mut conn);
    let nps_before = NpsResponse::count(&mut conn).expect("count");
    let tickets_before = SupportTicket::count(&mut conn).expect("count");
    let nps = |client: &str, score: Value| {
        json!({
            "client_id": client,
            "score": score,
            "respondent_email": "ada@example.com",
            "respondent_name": "Ada",
        })
    };
    let health = |client: &str, usage: f64| {
        json!({
            "client_id": client,
            "usage": usage,
            "engagement": 50,
            "support": 50,
            "satisfaction": 50,
            "payment": 50,
        })
    };
    let health_before = HealthScoreRecord::count(&mut conn).expect("count");
    let ticket = |client: &str, priority: &str, category: &str| {
        json!({
            "client_id": client,
            "subject": "Export is slow",
            "description": "CSV export takes minutes.",
            "priority": priority,
            "category": category,
            "requester_email": "ops@example.com",
            "requester_name": "Ops",
        })
    };

    // Each bad call, then a good one: the server keeps serving.
    let cases: Vec<(&'static str, Value, Vec<&str>)> = vec![
        // Unknown client.
        (
            "get_customer",
            json!({ "client_id": "no-such-client" }),
            vec!["customers with client_id = \"no-such-client\" not found"],
        ),
        (
            "record_nps_response",
            nps("no-such-client", json!(9)),
            vec!["no-such-client", "not found"],
        ),
        (
            "create_support_ticket",
            ticket("no-such-client", "P2", "performance"),
            vec!["no-such-client", "not found"],
        ),
        // Out-of-range values.
        (
            "record_nps_response",
            nps(&client_id, json!(11)),
            vec!["score: 11 is out of range (allowed 0 to 10)"],
        ),
        (
            "record_nps_response",
            nps(&client_id, json!(-1)),
            vec!["score: -1", "allowed 0 to 10"],
        ),
        (
            "record_nps_response",
            nps(&client_id, json!(1_000_000_000_000_i64)),
            vec!["score: 1000000000000", "allowed 0 to 10"],
        ),
        (
            "health_dashboard",
            json!({ "threshold": 150 }),
            vec!["threshold: 150", "allowed 0 to 100"],
        ),
        (
            "renewal_pipeline",
            json!({ "within_days": -5 }),
            vec!["within_days: -5 is out of range"],
        ),
        // Unknown enum values: the message lists the allowed ones.
        (
            "create_support_ticket",
            ticket(&client_id, "urgent", "performance"),
            vec![
                "priority: unknown value \"urgent\"",
                "expected one of P0, P1, P2, P3, P4",
            ],
        ),
        (
            "create_support_ticket",
            ticket(&client_id, "P2", "complaint"),
            vec!["category: unknown value \"complaint\"", "technical_issue"],
        ),
        (
            "churn_risk_list",
            json!({ "levels": ["high", "severe"] }),
            vec![
                "levels: unknown value \"severe\"",
                "expected one of low, medium, high, critical",
            ],
        ),
        (
            "churn_risk_list",
            json!({ "levels": [] }),
            vec!["levels: give at least one of low, medium, high, critical"],
        ),
        (
            "renewal_pipeline",
            json!({ "status": "likely" }),
            vec!["status: unknown value \"likely\"", "on_track"],
        ),
        (
            "csm_customers",
            json!({ "csm": "Sarah Johnson", "stage": "dormant" }),
            vec!["stage: unknown value \"dormant\"", "onboarding"],
        ),
        // The tools of issue 11: unknown customer or ticket, out-of-range score, unknown
        // enum value, malformed or inverted period.
        (
            "nps_summary",
            json!({ "client_id": "no-such-client" }),
            vec!["customers with client_id = \"no-such-client\" not found"],
        ),
        (
            "nps_summary",
            json!({ "group_by": "weekly" }),
            vec![
                "group_by: unknown value \"weekly\"",
                "expected one of all, csm, tier",
            ],
        ),
        (
            "nps_summary",
            json!({ "from": "last tuesday" }),
            vec!["from: \"last tuesday\" is not a date (YYYY-MM-DD)"],
        ),
        (
            "nps_summary",
            json!({ "from": "2026-04-01", "to": "2026-01-01" }),
            vec![
                "nps_period",
                "from 2026-04-01 00:00:00 UTC after to 2026-01-01 00:00:00 UTC",
            ],
        ),
        (
            "update_ticket_status",
            json!({ "ticket_id": "no-such-ticket", "status": "resolved" }),
            vec!["support_tickets with ticket_id = \"no-such-ticket\" not found"],
        ),
        (
            "update_ticket_status",
            json!({ "ticket_id": "no-such-ticket", "status": "done" }),
            vec!["status: unknown value \"done\"", "waiting_on_customer"],
        ),
        (
            "update_ticket_status",
            json!({ "ticket_id": "t".repeat(51), "status": "resolved" }),
            vec!["ticket_id: too long: 51 characters, at most 50 allowed"],
        ),
        (
            "upsert_health_score",
            health(&client_id, 150.0),
            vec!["usage: 150", "allowed 0 to 100"],
        ),
        (
            "upsert_health_score",
            health(&client_id, -0.5),
            vec!["usage: -0.5", "allowed 0 to 100"],
        ),
        (
            "upsert_health_score",
            health("no-such-client", 50.0),
            vec!["customers with client_id = \"no-such-client\" not found"],
        ),
        (
            "upsert_health_score",
            json!({ "client_id": client_id, "usage": 50 }),
            vec!["missing field `engagement`"],
        ),
        (
            "search_customers",
            json!({ "tier": ["platinum"] }),
            vec![
                "tier: unknown value \"platinum\"",
                "expected one of starter, standard, professional, enterprise",
            ],
        ),
        (
            "search_customers",
            json!({ "renewal_from": "2026-13-01" }),
            vec!["renewal_from: \"2026-13-01\" is not a date (YYYY-MM-DD)"],
        ),
        (
            "search_customers",
            json!({ "renewal_from": "2026-06-01", "renewal_to": "2026-01-01" }),
            vec!["renewal_from: 2026-06-01", "on or before renewal_to"],
        ),
        (
            "search_customers",
            json!({ "renewal_within_days": 30, "renewal_to": "2026-01-01" }),
            vec!["renewal_within_days: give it or renewal_from / renewal_to, not both"],
        ),
        (
            "search_customers",
            json!({ "renewal_within_days": -1 }),
            vec!["renewal_within_days: -1 is out of range (allowed 0 to 3650)"],
        ),
        (
            "search_customers",
            json!({ "cursor": "garbage!" }),
            vec!["cursor", "not a cursor token"],
        ),
        (
            "search_customers",
            json!({ "status": vec!["active"; 17] }),
            vec!["status: 17 entries given, at most 16 allowed"],
        ),
        (
            "search_customers",
            json!({ "name": "n".repeat(201) }),
            vec!["name: too long: 201 characters, at most 200 allowed"],
        ),
        (
            "customer_tickets",
            json!({ "client_id": "no-such-client" }),
            vec!["customers with client_id = \"no-such-client\" not found"],
        ),
        (
            "customer_tickets",
            json!({ "client_id": client_id, "status": ["done"] }),
            vec!["status: unknown value \"done\"", "waiting_on_customer"],
        ),
        (
            "customer_tickets",
            json!({ "client_id": client_id, "priority": ["P9"] }),
            vec!["priority: unknown value \"P9\"", "P0, P1, P2, P3, P4"],
        ),
        (
            "customer_tickets",
            json!({ "client_id": client_id, "cursor": "garbage!" }),
            vec!["cursor", "not a cursor token"],
        ),
        // Missing, mistyped and misspelt arguments.
        ("get_customer", json!({}), vec!["missing field `client_id`"]),
        (
            "record_nps_response",
            json!({ "client_id": client_id, "respondent_email": "a@example.com", "respondent_name": "A" }),
            vec!["missing field `score`"],
        ),
        (
            "record_nps_response",
            nps(&client_id, json!("nine")),
            vec!["invalid type", "expected i64"],
        ),
        ("csm_customers", json!({}), vec!["missing field `csm`"]),
        (
            "health_dashboard",
            json!({ "treshold": 50 }),
            vec!["unknown field `treshold`", "`threshold`"],
        ),
        // Oversize strings: refused before any query, naming the argument and the limit.
        (
            "get_customer",
            json!({ "client_id": "c".repeat(101) }),
            vec!["client_id: too long: 101 characters, at most 100 allowed"],
        ),
        (
            "csm_customers",
            json!({ "csm": "é".repeat(201) }),
            vec!["csm: too long: 201 characters, at most 200 allowed"],
        ),
        (
            "record_nps_response",
            json!({
                "client_id": client_id,
                "score": 9,
                "respondent_email": "ada@example.com",
                "respondent_name": "Ada",
                "reason": "r".repeat(10_001),
            }),
            vec!["reason: too long: 10001 characters, at most 10000 allowed"],
        ),
        (
            "record_nps_response",
            json!({
                "client_id": client_id,
                "score": 9,
                "respondent_email": format!("{}@example.com", "a".repeat(250)),
                "respondent_name": "Ada",
            }),
            vec!["respondent_email: too long: 262 characters, at most 255 allowed"],
        ),
        (
            "record_nps_response",
            json!({
                "client_id": client_id,
                "score": 9,
                "respondent_email": "ada@example.com",
                "respondent_name": "Ada",
                "survey_id": "s".repeat(51),
            }),
            vec!["survey_id: too long: 51 characters, at most 50 allowed"],
        ),
        (
            "create_support_ticket",
            json!({
                "client_id": client_id,
                "subject": "Export is slow",
                "description": "d".repeat(5 * 1024 * 1024),
                "priority": "P2",
                "category": "performance",
                "requester_email": "ops@example.com",
                "requester_name": "Ops",
            }),
            vec!["description: too long: 5242880 characters, at most 10000 allowed"],
        ),
        (
            "create_support_ticket",
            json!({
                "client_id": client_id,
                "subject": "s".repeat(501),
                "description": "CSV export takes minutes.",
                "priority": "P2",
                "category": "performance",
                "requester_email": "ops@example.com",
                "requester_name": "Ops",
            }),
            vec!["subject: too long: 501 characters, at most 500 allowed"],
        ),
        (
            "create_support_ticket",
            json!({
                "client_id": client_id,
                "subject": "Export is slow",
                "description": "CSV export takes minutes.",
                "priority": "P2",
                "category": "performance",
                "requester_email": "ops@example.com",
                "requester_name": "n".repeat(201),
            }),
            vec!["requester_name: too long: 201 characters, at most 200 allowed"],
        ),
        // An enum value is bounded before it is quoted in "unknown value".
        (
            "create_support_ticket",
            ticket(&client_id, &"P".repeat(100_000), "performance"),
            vec!["priority: too long: 100000 characters, at most 50 allowed"],
        ),
        (
            "churn_risk_list",
            json!({ "levels": vec!["high"; 17] }),
            vec!["levels: 17 entries given, at most 16 allowed"],
        ),
    ];
    for (tool, arguments, expected) in cases {
        let message = f.err(tool, arguments.clone()).await;
        for part in expected {
            assert!(
                message.contains(part),
                "{tool} {}: error {message:?} should contain {part:?}",
                short(&arguments.to_string())
            );
        }
        // No error echoes a long argument back.
        assert!(
            message.len() < 500,
            "{tool}: {} bytes of error",
            message.len()
        );
        let v = f
            .ok("get_customer", json!({ "client_id": client_id }))
            .await;
        assert_eq!(v["customer"]["client_id"], client_id.as_str());
    }

    // Nothing was written by the failed calls.
    assert_eq!(NpsResponse::count(&mut conn).expect("count"), nps_before);
    assert_eq!(
        SupportTicket::count(&mut conn).expect("count"),
        tickets_before
    );
    assert_eq!(
        HealthScoreRecord::count(&mut conn).expect("count"),
        health_before
    );

    // An unknown tool is a protocol error (the tool does not exist), not a tool error.
    let unknown = f
        .client
        .call_tool(CallToolRequestParams::new("drop_all_tables"))
        .await;
    assert!(unknown.is_err(), "{unknown:?}");
    let v = f.ok("csm_workload", json!({ "limit": 1 })).await;
    assert_eq!(v["count"], 1);
}

/// Sixteen calls in flight at once, on the single-threaded runtime that also runs the server:
/// they all complete, each with its own answer.
#[tokio::test]
async fn concurrent_calls_are_served_together() {
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (client_id, _) = customer_with_open_tickets(&mut conn);
    let mut calls = tokio::task::JoinSet::new();
    for i in 0..16 {
        let peer = f.client.peer().clone();
        let client_id = client_id.clone();
        calls.spawn(async move {
            let (tool, arguments) = if i % 2 == 0 {
                ("get_customer", json!({ "client_id": client_id }))
            } else {
                ("sla_monitoring", json!({ "limit": 5 }))
            };
            let Value::Object(arguments) = arguments else {
                unreachable!("literal objects")
            };
            let result = peer
                .call_tool(CallToolRequestParams::new(tool).with_arguments(arguments))
                .await
                .expect("tools/call");
            (i, result)
        });
    }
    let mut seen = BTreeSet::new();
    while let Some(joined) = calls.join_next().await {
        let (i, result) = joined.expect("task");
        assert_ne!(result.is_error, Some(true), "{}", text(&result));
        let v = result.structured_content.expect("structured content");
        if i % 2 == 0 {
            assert_eq!(v["customer"]["client_id"], client_id.as_str());
        } else {
            assert!(v["count"].as_u64().is_some_and(|n| n <= 5), "{v}");
        }
        seen.insert(i);
    }
    assert_eq!(seen.len(), 16);
}

/// The smallest server of the README's "Embedding in an MCP server" section, kept here so that
/// the README's code is known to compile and work.
mod readme {
    use customer_success_db::async_pool::AsyncDb;
    use customer_success_db::crud::ByKey;
    use customer_success_db::models::Customer;
    use rmcp::handler::server::{router::tool::ToolRouter, wrapper::Parameters};
    use rmcp::{tool, tool_handler, tool_router, ServerHandler};

    #[derive(serde::Deserialize, schemars::JsonSchema)]
    pub struct CustomerArgs {
        /// The customer's client_id.
        pub client_id: String,
    }

    #[derive(Clone)]
    pub struct Cs {
        db: AsyncDb,
        tool_router: ToolRouter<Self>,
    }

    impl Cs {
        pub fn new(db: AsyncDb) -> Self {
            Cs {
                db,
                tool_router: Self::tool_router(),
            }
        }
    }

    #[tool_router]
    impl Cs {
        /// A customer by client_id.
        #[tool(annotations(read_only_hint = true))]
        async fn get_customer(
            &self,
            Parameters(args): Parameters<CustomerArgs>,
        ) -> Result<String, String> {
            let customer = self
                .db
                .run(move |conn| Customer::get_by_key(conn, &args.client_id))
                .await
                .map_err(|e| e.to_string())?;
            serde_json::to_string(&customer).map_err(|e| e.to_string())
        }
    }

    #[tool_handler(router = self.tool_router)]
    impl ServerHandler for Cs {}
}

#[tokio::test]
async fn the_readme_server_works() {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    demo::load(&mut conn, &DemoConfig::new(3, 1), &mut |_| {}).expect("demo data");
    let pool = connection::pool(db.url()).expect("pool");
    let server = readme::Cs::new(AsyncDb::new(pool, AsyncOptions::default()));
    let (server_side, client_side) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        if let Ok(running) = server.serve(server_side).await {
            let _ = running.waiting().await;
        }
    });
    let client = ().serve(client_side).await.expect("client connects");
    let call = |client_id: &str| {
        let Value::Object(arguments) = json!({ "client_id": client_id }) else {
            unreachable!("a literal object")
        };
        client.call_tool(CallToolRequestParams::new("get_customer").with_arguments(arguments))
    };
    let found = call("cust-000001").await.expect("tools/call");
    assert_ne!(found.is_error, Some(true), "{}", text(&found));
    let customer: Value = serde_json::from_str(&text(&found)).expect("JSON");
    assert_eq!(customer["client_id"], "cust-000001");
    let missing = call("nope").await.expect("tools/call");
    assert_eq!(missing.is_error, Some(true));
    assert!(text(&missing).contains("not found"), "{}", text(&missing));
}

/// Every `varchar` bound the tools check ([`csdb_mcp_server::limits::COLUMNS`]) is the length of
/// the columns it guards in the migrated database, so a schema change cannot leave a tool
/// checking a stale length.
#[test]
fn every_length_limit_is_its_columns_length_in_the_database() {
    #[derive(QueryableByName)]
    struct Length {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        length: Option<i32>,
    }
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    assert!(!csdb_mcp_server::limits::COLUMNS.is_empty());
    for &(table, column, limit) in csdb_mcp_server::limits::COLUMNS {
        let found: Vec<Length> = diesel::sql_query(
            "SELECT character_maximum_length AS length FROM information_schema.columns \
             WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2",
        )
        .bind::<diesel::sql_types::Text, _>(table)
        .bind::<diesel::sql_types::Text, _>(column)
        .load(&mut conn)
        .expect("catalog query");
        assert_eq!(found.len(), 1, "{table}.{column} exists");
        assert_eq!(
            found[0].length,
            i32::try_from(limit).ok(),
            "{table}.{column}: the tool's limit is not the column's length"
        );
    }
}

/// Resident set size of this process, in bytes (Linux: `VmRSS` of /proc/self/status).
fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in kB");
    kib * 1024
}

/// `n` bytes of letters that don't compress (so TOAST stores them at full size, as real text of
/// that size would be), from a fixed-seed xorshift generator.
fn incompressible_text(n: usize, mut seed: u64) -> String {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(b'a' + (seed % 26) as u8)
        })
        .collect()
}

/// The median and the maximum of `calls` sequential `get_customer` calls.
async fn get_customer_latency(f: &Fixture, client_id: &str, calls: usize) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let started = Instant::now();
        let v = f
            .ok("get_customer", json!({ "client_id": client_id }))
            .await;
        times.push(started.elapsed());
        assert_eq!(v["customer"]["client_id"], client_id);
    }
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

/// Issue 10: `get_customer` loaded whole tickets to print a summary, so 5 MB of ticket text made
/// every call read, decode and drop 5 MB (200 calls: 8-9 s, RSS 40 MB -> 400-500 MB). It now
/// selects the summary's columns only: with 5 MiB of open-ticket text on one customer, 200 calls
/// take about as long as on a customer without it, and memory stays flat.
#[tokio::test]
async fn get_customer_stays_fast_and_flat_when_tickets_hold_megabytes_of_text() {
    const CALLS: usize = 200;
    let f = Fixture::new().await;
    let mut conn = f.conn();
    let (big, _) = customer_with_open_tickets(&mut conn);
    // A control customer with its demo tickets only.
    let (control, _): (String, i64) = support_tickets::table
        .filter(support_tickets::client_id.ne(&big))
        .group_by(support_tickets::client_id)
        .select((support_tickets::client_id, diesel::dsl::count_star()))
        .order(support_tickets::client_id)
        .first(&mut conn)
        .expect("another customer with tickets");
    for i in 0..5 {
        let ticket = NewSupportTicket::new(
            format!("tkt-big-{i}"),
            big.clone(),
            format!("Large log attached ({i})"),
            incompressible_text(1024 * 1024, 0x9E37_79B9_7F4A_7C15 + i),
            TicketPriority::P0,
            TicketCategory::TechnicalIssue,
            "ops@example.com".to_owned(),
            "Ops".to_owned(),
            Count::new(15).unwrap(),
            Count::new(240).unwrap(),
        );
        SupportTicket::create(&mut conn, &ticket).expect("big ticket");
    }
    let stored: i64 = support_tickets::table
        .filter(support_tickets::client_id.eq(&big))
        .select(diesel::dsl::sum(diesel::dsl::sql::<
            diesel::sql_types::Integer,
        >("octet_length(description)")))
        .first::<Option<i64>>(&mut conn)
        .expect("sum")
        .unwrap_or(0);
    assert!(stored >= 5 * 1024 * 1024, "{stored} bytes of description");

    // The big tickets are P0, so they are among the shown ones; their summary has no text.
    let v = f.ok("get_customer", json!({ "client_id": big })).await;
    let shown = v["open_tickets"]["listed"]
        .as_array()
        .expect("open tickets");
    assert!(shown.iter().any(|t| t["ticket_id"]
        .as_str()
        .is_some_and(|id| id.starts_with("tkt-big-"))));
    assert!(shown.iter().all(|t| t.get("description").is_none()));
    assert!(
        v.to_string().len() < 64 * 1024,
        "{} bytes",
        v.to_string().len()
    );

    // Warm both up (connections, statement cache, allocator), then measure.
    get_customer_latency(&f, &control, 10).await;
    get_customer_latency(&f, &big, 10).await;
    let (control_median, _) = get_customer_latency(&f, &control, CALLS).await;
    let rss_before = rss_bytes();
    let started = Instant::now();
    let (median, max) = get_customer_latency(&f, &big, CALLS).await;
    let total = started.elapsed();
    let rss_after = rss_bytes();
    let growth = rss_after.saturating_sub(rss_before);
    eprintln!(
        "get_customer x{CALLS} with {stored} bytes of ticket text: total {total:?}, median \
         {median:?}, max {max:?} (control customer: median {control_median:?}); RSS {} -> {} MiB",
        rss_before >> 20,
        rss_after >> 20
    );
    // Loading the descriptions made each call read 5 MiB (tens of ms, growing memory); without
    // them a call costs about what it costs for the control customer.
    assert!(
        median < control_median * 3 + Duration::from_millis(5),
        "median {median:?} vs control {control_median:?}"
    );
    assert!(
        total < Duration::from_secs(10),
        "{CALLS} calls took {total:?}"
    );
    assert!(
        growth < 32 * 1024 * 1024,
        "RSS grew by {} MiB over {CALLS} calls",
        growth >> 20
    );
}

/// Log records captured from every test of this binary (the server logs through `log`, as the
/// binary does to stderr).
fn captured_logs() -> &'static Mutex<Vec<String>> {
    static LOGS: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    struct Capture;
    impl log::Log for Capture {
        fn enabled(&self, _: &log::Metadata) -> bool {
            true
        }
        fn log(&self, record: &log::Record) {
            if let Some(logs) = LOGS.get() {
                logs.lock().unwrap_or_else(|e| e.into_inner()).push(format!(
                    "[{}] {}",
                    record.level(),
                    record.args()
                ));
            }
        }
        fn flush(&self) {}
    }
    LOGS.get_or_init(|| {
        log::set_logger(Box::leak(Box::new(Capture))).expect("the only logger of this test binary");
        log::set_max_level(log::LevelFilter::Info);
        Mutex::new(Vec::new())
    })
}

/// Issue 10: a connection failure reached the client as `connection to server at "127.0.0.1",
/// port 5499 failed: Connection refused`. The client now gets a generic message with an error
/// id; the server's log has the details under the same id.
#[tokio::test]
async fn database_failures_reach_the_client_as_an_error_id_without_internals() {
    let logs = captured_logs();
    // A port nothing listens on.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let url = format!("postgres://csdb_probe:hunter2secret@127.0.0.1:{port}/customer_success");
    let pool = diesel::r2d2::Pool::builder()
        .connection_timeout(Duration::from_millis(500))
        .build_unchecked(diesel::r2d2::ConnectionManager::new(url));
    let server = CustomerSuccessServer::new(AsyncDb::new(pool, AsyncOptions::default()));
    let (server_side, client_side) = tokio::io::duplex(64 * 1024);
    tokio::spawn(async move {
        if let Ok(running) = server.serve(server_side).await {
            let _ = running.waiting().await;
        }
    });
    let client = ().serve(client_side).await.expect("client connects");
    let Value::Object(arguments) = json!({ "client_id": "cust-000001" }) else {
        unreachable!("a literal object")
    };
    let result = client
        .call_tool(CallToolRequestParams::new("get_customer").with_arguments(arguments))
        .await
        .expect("a tool result, not a protocol error");
    assert_eq!(result.is_error, Some(true));
    let message = text(&result);
    let id = message
        .split("error id ")
        .nth(1)
        .and_then(|rest| rest.split([';', ')']).next())
        .unwrap_or_else(|| panic!("no error id in {message:?}"))
        .to_owned();
    assert!(id.starts_with('E') && id.len() > 10, "{id:?}");
    let without_id = message.replace(&id, "");
    for internal in [
        "127.0.0.1",
        &port.to_string(),
        "refused",
        "connection to server",
        "timed out waiting",
        "hunter2secret",
        "csdb_probe",
        "customer_success",
    ] {
        assert!(
            !without_id.contains(internal),
            "the client sees {internal:?}: {message:?}"
        );
    }
    assert!(message.contains("try again later"), "{message:?}");
    // The log has the details under the same id, and still no password.
    let logged: Vec<String> = logs
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|line| line.starts_with("[ERROR]") && line.contains(&id))
        .cloned()
        .collect();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(logged[0].contains(&port.to_string()), "{logged:?}");
    assert!(!logged[0].contains("hunter2secret"), "{logged:?}");
}
