//! The example MCP server (this crate's library), in process: an rmcp client talks to it over an
//! in-memory duplex pipe, against a migrated TestDatabase with demo data. Every tool is called
//! and its answer compared with the crate's own typed API on the same database; bad calls
//! (unknown client, out-of-range score, unknown enum value, missing or misspelt argument) come
//! back as tool errors that say what was wrong, and the server keeps serving.
//!
//! The tests run on tokio's single-threaded runtime, which also carries the server: a tool that
//! blocked the runtime would stall the client and the server alike.

use std::collections::BTreeSet;

use customer_success_db::async_pool::{AsyncDb, AsyncOptions};
use customer_success_db::connection;
use customer_success_db::crud::{ByClient, ByKey, Crud, Page};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::{NpsResponse, SupportTicket};
use customer_success_db::queries;
use customer_success_db::schema::support_tickets;
use customer_success_db::types::{
    HealthScore, LifecycleStage, NpsCategory, NpsScore, RenewalStatus, RiskLevel, SlaStatus,
    TicketCategory, TicketPriority, TicketStatus,
};
use diesel::prelude::*;
use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::{RoleClient, ServiceExt};
use serde_json::{json, Value};

use csdb_mcp_server::CustomerSuccessServer;

/// Demo customers in each test database: enough for every dashboard to return rows.
const CUSTOMERS: usize = 60;

const TOOLS: [&str; 9] = [
    "churn_risk_list",
    "create_support_ticket",
    "csm_customers",
    "csm_workload",
    "get_customer",
    "health_dashboard",
    "record_nps_response",
    "renewal_pipeline",
    "sla_monitoring",
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
    assert_eq!(v["open_ticket_count"], open);
    let shown = v["open_tickets"].as_array().expect("open tickets");
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
            stored.sla_first_response_minutes,
            stored.sla_resolution_minutes
        ),
        (60, 480)
    );
    assert_eq!(stored.first_response_sla_status, SlaStatus::NotApplicable);

    let v = f
        .ok("get_customer", json!({ "client_id": client_id }))
        .await;
    assert_eq!(v["open_ticket_count"], open_before + 1);
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
    ];
    for (tool, arguments, expected) in cases {
        let message = f.err(tool, arguments.clone()).await;
        for part in expected {
            assert!(
                message.contains(part),
                "{tool} {arguments}: error {message:?} should contain {part:?}"
            );
        }
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
