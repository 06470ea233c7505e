//! The tools of the example MCP server (`src/main.rs` serves them on stdio): their arguments and
//! the database work behind them. The crate's library, so that `tests/mcp.rs` can serve exactly
//! this server to an in-process client.
//!
//! Every tool validates its arguments with the crate's own types (`HealthScore`, `NpsScore`,
//! `TicketPriority`, ...), so a bad argument is answered with the crate's message (what was
//! wrong and what is allowed) as a tool error, and runs its database work through
//! [`AsyncDb`], so no tool call blocks the async runtime that serves the protocol.
//!
//! Inputs are bounded before any query: every string argument is checked against the length of
//! the column it is stored in or compared with ([`limits`], from the schema), free text against
//! [`limits::FREE_TEXT`], lists and pages against fixed maxima; the message names the argument
//! and the limit and never echoes the value. Tools select only the columns they return (a
//! customer's ticket summary never reads ticket descriptions). A database or connection failure
//! reaches the client as a generic message with an error id; the details (which may name the
//! host, port or driver) go to the server's log under the same id ([`error_text`]).
//!
//! [`stdio`] wraps the stdio transport so that a line that is not JSON gets a JSON-RPC parse
//! error instead of no answer.

pub mod stdio;

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Utc;
use customer_success_db::async_pool::AsyncDb;
use customer_success_db::crud::{ByKey, Crud, Page, PageRequest, Paged};
use customer_success_db::cursor::{Cursor, MAX_TOKEN_LEN};
use customer_success_db::models::{
    ChurnPrediction, Customer, HealthScoreRecord, NewNpsResponse, NewSupportTicket, NpsResponse,
    SupportTicket,
};
use customer_success_db::schema::{churn_predictions, health_scores, support_tickets};
use customer_success_db::types::{
    Count, HealthScore, LifecycleStage, NonNegativeF64, NpsCategory, NpsScore, RenewalStatus,
    RiskLevel, Sentiment, SentimentScore, SlaStatus, TicketCategory, TicketPriority, TicketStatus,
};
use customer_success_db::{queries, Error};
use diesel::prelude::*;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock};
use rmcp::{tool, tool_handler, tool_router, ServerHandler};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Default page size of the list tools: enough for a conversation, small enough for a model's
/// context.
const DEFAULT_LIMIT: i64 = 20;
/// Largest page a tool returns; larger requests are clamped (use `next_cursor` to page on).
const MAX_LIMIT: i64 = 500;
/// Open tickets shown by `get_customer`.
const OPEN_TICKETS_SHOWN: i64 = 20;
/// Largest `offset` a list tool accepts (larger ones are clamped): far beyond any table, and
/// small enough that `offset + limit` cannot overflow.
const MAX_OFFSET: i64 = 1_000_000_000;

/// The bounds every tool checks its string arguments against before any query.
///
/// The `varchar(n)` lengths are those of the columns the argument is stored in or compared with,
/// from the schema (`tools/codegen/spec/schema.json`); `tests/mcp.rs` checks each against the
/// migrated database's catalog ([`limits::COLUMNS`]). PostgreSQL counts `varchar` lengths in
/// characters, and so do these checks.
pub mod limits {
    /// `client_id` (`customers.client_id` and the `client_id` of every other table).
    pub const CLIENT_ID: usize = 100;
    /// `csm` (`customers.csm_assigned`).
    pub const CSM: usize = 200;
    /// `survey_id` (`nps_responses.survey_id`).
    pub const SURVEY_ID: usize = 50;
    /// `respondent_email`, `requester_email`.
    pub const EMAIL: usize = 255;
    /// `respondent_name`, `requester_name`.
    pub const NAME: usize = 200;
    /// `subject` (`support_tickets.subject`).
    pub const SUBJECT: usize = 500;
    /// Free text stored in `text` columns (a ticket's `description`, an NPS `reason`): the
    /// columns are unbounded, the server is not. 10,000 characters is a long support request.
    pub const FREE_TEXT: usize = 10_000;
    /// An enum value (priority, category, status, stage, level, sentiment): longer than any
    /// allowed value (their columns are at most `varchar(50)`). Checked before parsing, because
    /// the "unknown value" message quotes the value.
    pub const ENUM_VALUE: usize = 50;
    /// Entries in `churn_risk_list`'s `levels`.
    pub const LEVELS: usize = 16;

    /// Each `varchar` bound above with the columns it guards: `(table, column, length)`.
    pub const COLUMNS: &[(&str, &str, usize)] = &[
        ("customers", "client_id", CLIENT_ID),
        ("nps_responses", "client_id", CLIENT_ID),
        ("support_tickets", "client_id", CLIENT_ID),
        ("customers", "csm_assigned", CSM),
        ("nps_responses", "survey_id", SURVEY_ID),
        ("nps_responses", "respondent_email", EMAIL),
        ("support_tickets", "requester_email", EMAIL),
        ("nps_responses", "respondent_name", NAME),
        ("support_tickets", "requester_name", NAME),
        ("support_tickets", "subject", SUBJECT),
    ];
}

/// The MCP server: one tool per question an account manager asks of the Customer Success
/// database. Cheap to clone (the database handle is shared).
#[derive(Clone)]
pub struct CustomerSuccessServer {
    db: AsyncDb,
    tool_router: ToolRouter<Self>,
}

impl CustomerSuccessServer {
    /// A server whose tools run against `db`.
    pub fn new(db: AsyncDb) -> Self {
        CustomerSuccessServer {
            db,
            tool_router: Self::tool_router(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tool arguments. Plain JSON types (strings, integers) so that the schema a client sees is
// simple; the tools convert them with the crate's newtypes and `FromStr`, whose errors say what
// is allowed. `deny_unknown_fields` turns a misspelt argument into an error instead of a silently
// applied default.
// ---------------------------------------------------------------------------------------------

/// Arguments of `get_customer`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetCustomerArgs {
    /// The customer's business key (`client_id`, at most 100 characters), e.g. "cust-000042".
    pub client_id: String,
}

/// Arguments of `health_dashboard`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HealthDashboardArgs {
    /// Show active customers whose health score is below this (0 to 100).
    #[serde(default = "default_threshold")]
    pub threshold: i64,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page (stable and as cheap
    /// as the first page, unlike a large offset).
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of the dashboards that take only a page.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageArgs {
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page (stable and as cheap
    /// as the first page, unlike a large offset).
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of `renewal_pipeline`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewalPipelineArgs {
    /// Renewals due within this many days (0 to 3650).
    #[serde(default = "default_within_days")]
    pub within_days: i64,
    /// Renewal status: on_track, at_risk, high_risk, won, lost or churned.
    #[serde(default = "default_renewal_status")]
    pub status: String,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page (stable and as cheap
    /// as the first page, unlike a large offset).
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of `churn_risk_list`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChurnRiskArgs {
    /// Predicted risk levels to include (1 to 16 entries): any of low, medium, high, critical.
    #[serde(default = "default_levels")]
    pub levels: Vec<String>,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page (stable and as cheap
    /// as the first page, unlike a large offset).
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of `csm_customers`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CsmCustomersArgs {
    /// The CSM's name exactly as assigned (at most 200 characters), e.g. "Sarah Johnson" (see
    /// `csm_workload`).
    pub csm: String,
    /// Lifecycle stage: onboarding, active, at_risk, churned, expansion or renewal.
    #[serde(default = "default_stage")]
    pub stage: String,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page (stable and as cheap
    /// as the first page, unlike a large offset).
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of `record_nps_response`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordNpsArgs {
    /// The customer's business key (`client_id`, at most 100 characters).
    pub client_id: String,
    /// "How likely are you to recommend us?", 0 to 10. The category (detractor 0-6, passive
    /// 7-8, promoter 9-10) is derived from it.
    pub score: i64,
    /// Who answered (at most 255 characters).
    pub respondent_email: String,
    /// Their name (at most 200 characters).
    pub respondent_name: String,
    /// Why they gave that score, in their words (at most 10,000 characters).
    #[serde(default)]
    pub reason: Option<String>,
    /// The survey the answer belongs to (default "mcp"; at most 50 characters).
    #[serde(default)]
    pub survey_id: Option<String>,
    /// very_positive, positive, neutral, negative or very_negative; derived from the score when
    /// omitted.
    #[serde(default)]
    pub sentiment: Option<String>,
}

/// Arguments of `create_support_ticket`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTicketArgs {
    /// The customer's business key (`client_id`, at most 100 characters).
    pub client_id: String,
    /// One-line summary (at most 500 characters).
    pub subject: String,
    /// What happened (at most 10,000 characters).
    pub description: String,
    /// P0 (most urgent) to P4. Sets the SLA: P0 15 min first response / 4 h resolution, P1
    /// 1 h / 8 h, P2 4 h / 24 h, P3 8 h / 3 days, P4 24 h / 7 days.
    pub priority: String,
    /// technical_issue, bug_report, feature_request, how_to_question, account_billing,
    /// integration_support, training_request, data_issue, performance or other.
    pub category: String,
    /// Who reported it (at most 255 characters).
    pub requester_email: String,
    /// Their name (at most 200 characters).
    pub requester_name: String,
}

fn default_threshold() -> i64 {
    70
}
fn default_limit() -> i64 {
    DEFAULT_LIMIT
}
fn default_within_days() -> i64 {
    90
}
fn default_renewal_status() -> String {
    RenewalStatus::AtRisk.to_string()
}
fn default_levels() -> Vec<String> {
    vec![RiskLevel::High.to_string(), RiskLevel::Critical.to_string()]
}
fn default_stage() -> String {
    LifecycleStage::Active.to_string()
}

// ---------------------------------------------------------------------------------------------
// Results.
// ---------------------------------------------------------------------------------------------

/// `get_customer`'s answer.
#[derive(Debug, Serialize)]
pub struct CustomerOverview {
    /// The customer row.
    pub customer: Customer,
    /// The most recent health assessment, if any.
    pub latest_health_score: Option<HealthScoreRecord>,
    /// The most recent churn prediction, if any.
    pub latest_churn_prediction: Option<ChurnPrediction>,
    /// Number of tickets not resolved or closed.
    pub open_ticket_count: i64,
    /// The most urgent of them (at most 20), most urgent and newest first.
    pub open_tickets: Vec<TicketSummary>,
}

/// A support ticket without its free-text and bookkeeping columns. Loaded with
/// `TicketSummary::as_select()`, so the query names exactly these columns: the ticket's
/// description, notes and comments (unbounded `text`) are never read.
#[derive(Debug, Serialize, Queryable, Selectable)]
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
pub struct TicketSummary {
    /// The ticket's key.
    pub ticket_id: String,
    /// The customer.
    pub client_id: String,
    /// One-line summary.
    pub subject: String,
    /// Priority.
    pub priority: TicketPriority,
    /// Category.
    pub category: TicketCategory,
    /// Status.
    pub status: TicketStatus,
    /// Assigned agent, if any.
    pub assigned_agent: Option<String>,
    /// Opened at.
    pub created_at: chrono::DateTime<Utc>,
    /// First-response SLA, minutes.
    pub sla_first_response_minutes: i32,
    /// Resolution SLA, minutes.
    pub sla_resolution_minutes: i32,
    /// First-response SLA state.
    pub first_response_sla_status: SlaStatus,
    /// Resolution SLA state.
    pub resolution_sla_status: SlaStatus,
}

impl From<SupportTicket> for TicketSummary {
    fn from(t: SupportTicket) -> Self {
        TicketSummary {
            ticket_id: t.ticket_id,
            client_id: t.client_id,
            subject: t.subject,
            priority: t.priority,
            category: t.category,
            status: t.status,
            assigned_agent: t.assigned_agent,
            created_at: t.created_at,
            sla_first_response_minutes: t.sla_first_response_minutes.get(),
            sla_resolution_minutes: t.sla_resolution_minutes.get(),
            first_response_sla_status: t.first_response_sla_status,
            resolution_sla_status: t.resolution_sla_status,
        }
    }
}

/// A page of dashboard rows.
#[derive(Debug, Serialize)]
pub struct Rows<T> {
    /// Rows on this page.
    pub count: usize,
    /// The cursor to pass for the next page; null on the last page.
    pub next_cursor: Option<Cursor>,
    /// The offset to pass for the next page, when paging by offset; absent on the last page
    /// and when the page was asked for by cursor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<i64>,
    /// The rows.
    pub rows: Vec<T>,
}

/// A tool's outcome before it becomes a `CallToolResult`: the error is the text the client sees.
type ToolOutcome<T> = Result<T, String>;

// ---------------------------------------------------------------------------------------------
// The tools.
// ---------------------------------------------------------------------------------------------

#[tool_router]
impl CustomerSuccessServer {
    /// A customer with its latest health score, latest churn prediction and open support
    /// tickets.
    #[tool(annotations(read_only_hint = true))]
    async fn get_customer(&self, Parameters(args): Parameters<GetCustomerArgs>) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            let client_id = args.client_id;
            self.db_run(move |conn| customer_overview(conn, &client_id))
                .await
        };
        reply(outcome.await)
    }

    /// Customer health dashboard: active customers whose health score is below `threshold`,
    /// least healthy first.
    #[tool(annotations(read_only_hint = true))]
    async fn health_dashboard(
        &self,
        Parameters(args): Parameters<HealthDashboardArgs>,
    ) -> CallToolResult {
        let outcome = async {
            let threshold = int_newtype::<HealthScore>(args.threshold, "threshold")?;
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let rows = self
                .db_run(move |conn| {
                    Paged::load(request, |p| queries::health_dashboard(conn, threshold, p))
                })
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// CSM workload: active customers and their average health per customer success manager,
    /// busiest first (a null CSM means unassigned customers).
    #[tool(annotations(read_only_hint = true))]
    async fn csm_workload(&self, Parameters(args): Parameters<PageArgs>) -> CallToolResult {
        let outcome = async {
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let rows = self
                .db_run(move |conn| Paged::load(request, |p| queries::csm_workload(conn, p)))
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// Renewal pipeline: renewals due within `within_days` days with the given status (default
    /// at_risk), soonest first, with renewal probability and forecast ARR.
    #[tool(annotations(read_only_hint = true))]
    async fn renewal_pipeline(
        &self,
        Parameters(args): Parameters<RenewalPipelineArgs>,
    ) -> CallToolResult {
        let outcome = async {
            let within_days = within_days(args.within_days)?;
            let status = enum_arg::<RenewalStatus>(&args.status, "status")?;
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let rows = self
                .db_run(move |conn| {
                    Paged::load(request, |p| {
                        queries::renewal_pipeline(conn, within_days, status, p)
                    })
                })
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// Support SLA monitoring: open or in-progress tickets whose first-response SLA is breached
    /// or whose resolution SLA is at risk, most urgent first, then oldest.
    #[tool(annotations(read_only_hint = true))]
    async fn sla_monitoring(&self, Parameters(args): Parameters<PageArgs>) -> CallToolResult {
        let outcome = async {
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let rows = self
                .db_run(move |conn| Paged::load(request, |p| queries::sla_monitoring(conn, p)))
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// Churn-risk list: active customers with a churn prediction at one of `levels` (default
    /// high and critical), most likely to churn first.
    #[tool(annotations(read_only_hint = true))]
    async fn churn_risk_list(&self, Parameters(args): Parameters<ChurnRiskArgs>) -> CallToolResult {
        let outcome = async {
            if args.levels.is_empty() {
                return Err(format!(
                    "levels: give at least one of {}",
                    RiskLevel::VALUES.join(", ")
                ));
            }
            if args.levels.len() > limits::LEVELS {
                return Err(format!(
                    "levels: {} entries given, at most {} allowed",
                    args.levels.len(),
                    limits::LEVELS
                ));
            }
            let levels = args
                .levels
                .iter()
                .map(|l| enum_arg::<RiskLevel>(l, "levels"))
                .collect::<ToolOutcome<Vec<_>>>()?;
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let rows = self
                .db_run(move |conn| Paged::load(request, |p| queries::churn_risk(conn, &levels, p)))
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// The customers of one CSM in one lifecycle stage (default active), with their health.
    #[tool(annotations(read_only_hint = true))]
    async fn csm_customers(
        &self,
        Parameters(args): Parameters<CsmCustomersArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.csm, "csm", limits::CSM)?;
            let stage = enum_arg::<LifecycleStage>(&args.stage, "stage")?;
            let page = page(args.limit, args.offset, args.cursor)?;
            let request = page.clone();
            let csm = args.csm;
            let rows = self
                .db_run(move |conn| {
                    Paged::load(request, |p| queries::csm_customers(conn, &csm, stage, p))
                })
                .await?;
            Ok(rows_page(rows, &page))
        };
        reply(outcome.await)
    }

    /// Records a customer's answer to an NPS survey. The category (promoter, passive,
    /// detractor) is derived from the score; returns the stored response.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false
    ))]
    async fn record_nps_response(
        &self,
        Parameters(args): Parameters<RecordNpsArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            bounded(&args.respondent_email, "respondent_email", limits::EMAIL)?;
            bounded(&args.respondent_name, "respondent_name", limits::NAME)?;
            if let Some(survey_id) = &args.survey_id {
                bounded(survey_id, "survey_id", limits::SURVEY_ID)?;
            }
            if let Some(reason) = &args.reason {
                bounded(reason, "reason", limits::FREE_TEXT)?;
            }
            let score = int_newtype::<NpsScore>(args.score, "score")?;
            let sentiment = match &args.sentiment {
                Some(s) => enum_arg::<Sentiment>(s, "sentiment")?,
                None => sentiment_of(score.category()),
            };
            let sentiment_score =
                SentimentScore::new(sentiment_score_of(sentiment)).map_err(|e| e.to_string())?;
            let mut response = NewNpsResponse::new(
                unique_key("nps-mcp"),
                args.client_id,
                args.survey_id.unwrap_or_else(|| "mcp".to_owned()),
                args.respondent_email,
                args.respondent_name,
                score,
                sentiment,
                sentiment_score,
                Utc::now(),
                NonNegativeF64::MIN,
            );
            response.reason = args.reason;
            self.db_transaction(move |conn| {
                // Looked up first so that an unknown customer is reported as such rather than
                // as a foreign-key violation.
                Customer::get_by_key(conn, &response.client_id)?;
                NpsResponse::create(conn, &response)
            })
            .await
        };
        reply(outcome.await)
    }

    /// Opens a support ticket for a customer, with the SLA of its priority; returns the ticket.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false
    ))]
    async fn create_support_ticket(
        &self,
        Parameters(args): Parameters<CreateTicketArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            bounded(&args.subject, "subject", limits::SUBJECT)?;
            bounded(&args.description, "description", limits::FREE_TEXT)?;
            bounded(&args.requester_email, "requester_email", limits::EMAIL)?;
            bounded(&args.requester_name, "requester_name", limits::NAME)?;
            let priority = enum_arg::<TicketPriority>(&args.priority, "priority")?;
            let category = enum_arg::<TicketCategory>(&args.category, "category")?;
            if args.subject.trim().is_empty() {
                return Err("subject: must not be empty".to_owned());
            }
            let (first_response, resolution) = sla_minutes(priority);
            let ticket = NewSupportTicket::new(
                unique_key("tkt-mcp"),
                args.client_id,
                args.subject,
                args.description,
                priority,
                category,
                args.requester_email,
                args.requester_name,
                Count::clamped(first_response.into()),
                Count::clamped(resolution.into()),
            );
            self.db_transaction(move |conn| {
                Customer::get_by_key(conn, &ticket.client_id)?;
                SupportTicket::create(conn, &ticket).map(TicketSummary::from)
            })
            .await
        };
        reply(outcome.await)
    }
}

#[tool_handler(
    router = self.tool_router,
    name = "customer-success",
    instructions = "Customer Success data: customers, health scores, churn predictions, \
                    renewals, support tickets and NPS. Customers are identified by client_id \
                    (e.g. cust-000042). Start with csm_workload, health_dashboard or \
                    churn_risk_list to find accounts, then get_customer for one account."
)]
impl ServerHandler for CustomerSuccessServer {}

impl CustomerSuccessServer {
    /// Runs database work off the async runtime; the error is the text a client sees.
    async fn db_run<T, F>(&self, f: F) -> ToolOutcome<T>
    where
        F: FnOnce(&mut PgConnection) -> customer_success_db::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db.run(f).await.map_err(|e| error_text(&e))
    }

    /// As [`Self::db_run`], in a transaction.
    async fn db_transaction<T, F>(&self, f: F) -> ToolOutcome<T>
    where
        F: FnOnce(&mut PgConnection) -> customer_success_db::Result<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db.transaction(f).await.map_err(|e| error_text(&e))
    }
}

// ---------------------------------------------------------------------------------------------
// Database work (runs on tokio's blocking pool through AsyncDb).
// ---------------------------------------------------------------------------------------------

fn customer_overview(
    conn: &mut PgConnection,
    client_id: &str,
) -> customer_success_db::Result<CustomerOverview> {
    let customer = Customer::get_by_key(conn, client_id)?;
    let latest_health_score = health_scores::table
        .filter(health_scores::client_id.eq(client_id))
        .order((health_scores::created_at.desc(), health_scores::id.desc()))
        .select(HealthScoreRecord::as_select())
        .first(conn)
        .optional()?;
    let latest_churn_prediction = churn_predictions::table
        .filter(churn_predictions::client_id.eq(client_id))
        .order((
            churn_predictions::prediction_date.desc(),
            churn_predictions::id.desc(),
        ))
        .select(ChurnPrediction::as_select())
        .first(conn)
        .optional()?;
    let open = || {
        support_tickets::table
            .filter(support_tickets::client_id.eq(client_id))
            .filter(support_tickets::status.ne_all([TicketStatus::Resolved, TicketStatus::Closed]))
    };
    let open_ticket_count = open().count().get_result(conn)?;
    let open_tickets = open()
        .order((
            support_tickets::priority.asc(),
            support_tickets::created_at.desc(),
            support_tickets::id.desc(),
        ))
        .limit(OPEN_TICKETS_SHOWN)
        // Only the summary's columns: a customer's tickets may hold megabytes of description.
        .select(TicketSummary::as_select())
        .load(conn)?;
    Ok(CustomerOverview {
        customer,
        latest_health_score,
        latest_churn_prediction,
        open_ticket_count,
        open_tickets,
    })
}

// ---------------------------------------------------------------------------------------------
// Argument conversion and replies.
// ---------------------------------------------------------------------------------------------

/// A page from the tool's `limit`/`offset`, clamped to `1..=MAX_LIMIT` and `0..=MAX_OFFSET`
/// rather than rejected: a model asking for "all" should get a page, not an error. A `cursor`
/// must be a token this server returned: a malformed or edited one is a tool error here, one
/// from another tool when the query runs.
fn page(limit: i64, offset: i64, cursor: Option<String>) -> ToolOutcome<PageRequest> {
    let cursor = match cursor {
        Some(token) => {
            bounded(&token, "cursor", MAX_TOKEN_LEN)?;
            Some(
                token
                    .parse::<Cursor>()
                    .map_err(|e| format!("cursor: {e}"))?,
            )
        }
        None => None,
    };
    Ok(Page::new(limit.clamp(1, MAX_LIMIT), offset.clamp(0, MAX_OFFSET)).after(cursor))
}

/// Refuses a string argument longer than `max` characters (PostgreSQL's unit for `varchar(n)`),
/// naming the argument and the limit. The value itself is never echoed: it may be megabytes.
fn bounded(value: &str, arg: &str, max: usize) -> ToolOutcome<()> {
    // Cheap for short values; a long one is counted once (bounded by the transport's line limit).
    let length = value.chars().count();
    if length > max {
        Err(format!(
            "{arg}: too long: {length} characters, at most {max} allowed"
        ))
    } else {
        Ok(())
    }
}

/// Wraps a page of rows with the cursor (and, when paging by offset, the offset) of the next
/// page, when there is one.
fn rows_page<T>(paged: Paged<T>, page: &PageRequest) -> Rows<T> {
    let next_offset = (paged.has_more && page.cursor().is_none())
        .then(|| Page::new(page.limit(), page.offset()).next().offset);
    Rows {
        count: paged.rows.len(),
        next_cursor: paged.next,
        next_offset,
        rows: paged.rows,
    }
}

/// An integer argument as one of the crate's range newtypes. Parsed from its decimal text so
/// that values beyond `i32` are reported by the newtype itself ("out of range (allowed 0 to
/// 10)") instead of failing a conversion first.
fn int_newtype<T>(raw: i64, arg: &'static str) -> ToolOutcome<T>
where
    T: FromStr<Err = customer_success_db::types::ValidationError>,
{
    raw.to_string()
        .parse::<T>()
        .map_err(|e| e.for_field(arg).to_string())
}

/// A string argument as one of the crate's enums; the message lists the allowed values.
fn enum_arg<T>(raw: &str, arg: &str) -> ToolOutcome<T>
where
    T: FromStr<Err = customer_success_db::types::UnknownValueError>,
{
    // Bounded first: the "unknown value" message quotes the value.
    bounded(raw, arg, limits::ENUM_VALUE)?;
    raw.parse::<T>().map_err(|e| format!("{arg}: {e}"))
}

fn within_days(raw: i64) -> ToolOutcome<i32> {
    const MAX_DAYS: i64 = 3650;
    if (0..=MAX_DAYS).contains(&raw) {
        // In range, so the conversion cannot fail; mapped anyway instead of unwrapped.
        i32::try_from(raw).map_err(|e| format!("within_days: {e}"))
    } else {
        Err(format!(
            "within_days: {raw} is out of range (allowed 0 to {MAX_DAYS})"
        ))
    }
}

/// The sentiment recorded when the caller gives none: what the category usually means.
fn sentiment_of(category: NpsCategory) -> Sentiment {
    match category {
        NpsCategory::Promoter => Sentiment::Positive,
        NpsCategory::Passive => Sentiment::Neutral,
        NpsCategory::Detractor => Sentiment::Negative,
    }
}

fn sentiment_score_of(sentiment: Sentiment) -> f64 {
    match sentiment {
        Sentiment::VeryPositive => 0.9,
        Sentiment::Positive => 0.6,
        Sentiment::Neutral => 0.0,
        Sentiment::Negative => -0.6,
        Sentiment::VeryNegative => -0.9,
    }
}

/// First-response and resolution SLA in minutes per priority (the demo data's policy).
fn sla_minutes(priority: TicketPriority) -> (i32, i32) {
    match priority {
        TicketPriority::P0 => (15, 240),
        TicketPriority::P1 => (60, 480),
        TicketPriority::P2 => (240, 1440),
        TicketPriority::P3 => (480, 4320),
        TicketPriority::P4 => (1440, 10080),
    }
}

/// A key for a row created by a tool: the prefix, the time in microseconds and a per-process
/// counter (two calls in the same microsecond still differ). Well under the 50-character
/// columns.
fn unique_key(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{}-{n}", Utc::now().timestamp_micros())
}

/// The text a client sees for a crate error.
///
/// Errors about the request itself (a row not found, a constraint or validation rule it broke, a
/// value that does not fit its column) are the crate's messages, which name the row, constraint
/// or field and never contain a password: the client can act on them. Any other error
/// (connection, pool, timeout, a failed task, an unexpected database error, and variants added
/// to the crate later) may carry the host, port, socket path or driver text: the client gets a
/// generic message with an error id, and the server's log (stderr) the whole error under the
/// same id.
pub fn error_text(e: &Error) -> String {
    match e {
        Error::NotFound { .. }
        | Error::UniqueViolation { .. }
        | Error::ForeignKeyViolation { .. }
        | Error::CheckViolation { .. }
        | Error::NotNullViolation { .. }
        | Error::InvalidData { .. }
        | Error::InvalidCursor { .. }
        | Error::Validation(_) => e.to_string(),
        _ => {
            let id = error_id();
            let mut details = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                details.push_str(": ");
                details.push_str(&s.to_string());
                source = s.source();
            }
            // The place for the crate's `tracing` feature: once the server logs through it, this
            // becomes an error event on the tool call's span, still carrying the id.
            log::error!("error id {id}: {details}");
            let what = if e.is_transient() {
                "the database is unavailable at the moment; try again later"
            } else {
                "internal error: the database request failed"
            };
            format!("{what} (error id {id}; the server's log has the details)")
        }
    }
}

/// An id for one failed call, unique within the server's log: the time to the second and a
/// per-process counter, e.g. `E20261130T021530-7`.
fn error_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("E{}-{n}", Utc::now().format("%Y%m%dT%H%M%S"))
}

/// The tool result: the value as JSON (structured content plus the same JSON as text, for
/// clients that read only text), or a tool error (`is_error: true`) with the message.
fn reply<T: Serialize>(outcome: ToolOutcome<T>) -> CallToolResult {
    let value = outcome.and_then(|v| {
        serde_json::to_value(v).map_err(|e| format!("could not encode the result: {e}"))
    });
    match value {
        Ok(v) => CallToolResult::structured(v),
        Err(message) => {
            log::info!("tool error: {message}");
            CallToolResult::error(vec![ContentBlock::text(message)])
        }
    }
}
