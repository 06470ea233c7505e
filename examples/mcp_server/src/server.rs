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
//! customer's ticket summary never reads ticket descriptions), with one exception:
//! `customer_tickets` pages through `SupportTicket::list_filtered`, which loads whole rows (at
//! most one page of them) and answers with their summaries. A database or connection failure
//! reaches the client as a generic message with an error id; the details (which may name the
//! host, port or driver) go to the server's log under the same id ([`error_text`]).
//!
//! [`stdio`] wraps the stdio transport so that a line that is not JSON gets a JSON-RPC parse
//! error instead of no answer.

pub mod stdio;

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use customer_success_db::async_pool::AsyncDb;
use customer_success_db::crud::{ByKey, Crud, Page, PageRequest, Paged};
use customer_success_db::cursor::{Cursor, Keyed, MAX_TOKEN_LEN};
use customer_success_db::models::{
    Customer, HealthComponents, HealthScoreRecord, HealthWeights, NewHealthScoreRecord,
    NewNpsResponse, NewSupportTicket, NpsResponse, SupportTicket, SupportTicketChanges,
};
use customer_success_db::ops::{CustomerFilter, TicketFilter};
use customer_success_db::reports::{self, NpsGroup, NpsPeriod, NpsSummaryRow};
use customer_success_db::schema::support_tickets;
use customer_success_db::types::{
    ComponentScore, Count, CustomerStatus, CustomerTier, HealthScore, LifecycleStage,
    NonNegativeF64, NpsCategory, NpsScore, RenewalStatus, RiskLevel, Sentiment, SentimentScore,
    SlaStatus, TicketCategory, TicketPriority, TicketStatus, UnknownValueError,
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
    /// `ticket_id` (`support_tickets.ticket_id`).
    pub const TICKET_ID: usize = 50;
    /// Free text stored in `text` columns (a ticket's `description`, an NPS `reason`): the
    /// columns are unbounded, the server is not. 10,000 characters is a long support request.
    pub const FREE_TEXT: usize = 10_000;
    /// An enum value (priority, category, status, stage, level, sentiment): longer than any
    /// allowed value (their columns are at most `varchar(50)`). Checked before parsing, because
    /// the "unknown value" message quotes the value.
    pub const ENUM_VALUE: usize = 50;
    /// Entries in `churn_risk_list`'s `levels`, and in every list of enum values a filter takes
    /// (`search_customers`' `tier`, `customer_tickets`' `status`, ...).
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
        ("support_tickets", "ticket_id", TICKET_ID),
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

/// Arguments of `nps_summary`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NpsSummaryArgs {
    /// Start of the period, inclusive: a date ("2026-01-01", midnight UTC) or an RFC 3339
    /// timestamp. Default: 90 days before `to`.
    #[serde(default)]
    pub from: Option<String>,
    /// End of the period, exclusive: a date ("2026-04-01" ends the quarter before it) or an
    /// RFC 3339 timestamp. Default: now.
    #[serde(default)]
    pub to: Option<String>,
    /// all (one row), csm (one row per CSM; null: customers without one) or tier (one row per
    /// customer tier). Default all.
    #[serde(default = "default_group_by")]
    pub group_by: String,
    /// Only this customer's answers (`client_id`, at most 100 characters).
    #[serde(default)]
    pub client_id: Option<String>,
}

/// Arguments of `update_ticket_status`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTicketStatusArgs {
    /// The ticket's key (`ticket_id`, at most 50 characters).
    pub ticket_id: String,
    /// The new status: open, in_progress, waiting_on_customer, waiting_on_engineering,
    /// resolved, closed or reopened. resolved and closed stamp `resolved_at` (closed also
    /// `closed_at`) unless already set; any other status clears them.
    pub status: String,
    /// How it was resolved (at most 10,000 characters); replaces the ticket's resolution notes.
    #[serde(default)]
    pub resolution_notes: Option<String>,
}

/// Arguments of `upsert_health_score`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsertHealthScoreArgs {
    /// The customer's business key (`client_id`, at most 100 characters).
    pub client_id: String,
    /// Product usage score, 0 to 100 (weight 0.35).
    pub usage: f64,
    /// Engagement score, 0 to 100 (weight 0.25).
    pub engagement: f64,
    /// Support experience score, 0 to 100 (weight 0.15).
    pub support: f64,
    /// Satisfaction score, 0 to 100 (weight 0.15).
    pub satisfaction: f64,
    /// Payment behaviour score, 0 to 100 (weight 0.10).
    pub payment: f64,
}

/// Arguments of `search_customers`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchCustomersArgs {
    /// Tiers to include (any of starter, standard, professional, enterprise; empty or absent:
    /// any tier).
    #[serde(default)]
    pub tier: Vec<String>,
    /// Statuses to include (any of active, paused, churned, pending; empty: any).
    #[serde(default)]
    pub status: Vec<String>,
    /// Lifecycle stages to include (any of onboarding, active, at_risk, churned, expansion,
    /// renewal; empty: any).
    #[serde(default)]
    pub lifecycle_stage: Vec<String>,
    /// Only the customers of this CSM (exact name, at most 200 characters).
    #[serde(default)]
    pub csm: Option<String>,
    /// Only customers renewing within this many days from today (0 to 3650; overdue renewals
    /// are not included). Not together with `renewal_from` / `renewal_to`.
    #[serde(default)]
    pub renewal_within_days: Option<i64>,
    /// Only customers renewing on or after this day (YYYY-MM-DD).
    #[serde(default)]
    pub renewal_from: Option<String>,
    /// Only customers renewing on or before this day (YYYY-MM-DD).
    #[serde(default)]
    pub renewal_to: Option<String>,
    /// Only customers whose name or company name contains this text, ignoring case (at most
    /// 200 characters; matched literally).
    #[serde(default)]
    pub name: Option<String>,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// Arguments of `customer_tickets`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerTicketsArgs {
    /// The customer's business key (`client_id`, at most 100 characters).
    pub client_id: String,
    /// Statuses to include (any of open, in_progress, waiting_on_customer,
    /// waiting_on_engineering, resolved, closed, reopened; empty or absent: any).
    #[serde(default)]
    pub status: Vec<String>,
    /// Priorities to include (any of P0 to P4; empty: any).
    #[serde(default)]
    pub priority: Vec<String>,
    /// Categories to include (technical_issue, bug_report, feature_request, how_to_question,
    /// account_billing, integration_support, training_request, data_issue, performance, other;
    /// empty: any).
    #[serde(default)]
    pub category: Vec<String>,
    /// Rows to return (1 to 500).
    #[serde(default = "default_limit")]
    pub limit: i64,
    /// Rows to skip, for the next page.
    #[serde(default)]
    pub offset: i64,
    /// Resume after this cursor: the `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

fn default_group_by() -> String {
    NpsGroup::All.to_string()
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

/// A support ticket without its free-text columns (the library's
/// [`reports::TicketSummary`]: its query never reads descriptions or notes).
pub use customer_success_db::reports::TicketSummary;

/// `nps_summary`'s answer.
#[derive(Debug, Serialize)]
pub struct NpsSummary {
    /// The grouping: all, csm or tier.
    pub group_by: NpsGroup,
    /// Start of the period (inclusive).
    pub from: DateTime<Utc>,
    /// End of the period (exclusive).
    pub to: DateTime<Utc>,
    /// The customer the summary is restricted to, if any.
    pub client_id: Option<String>,
    /// One row per group (exactly one for `all`, with `nps: null` when nobody answered).
    pub rows: Vec<NpsSummaryRow>,
}

/// `update_ticket_status`'s answer.
#[derive(Debug, Serialize)]
pub struct TicketStatusUpdate {
    /// The status before the call.
    pub previous_status: TicketStatus,
    /// The ticket as stored now.
    pub ticket: TicketSummary,
    /// When it was resolved (null while not resolved or closed).
    pub resolved_at: Option<DateTime<Utc>>,
    /// When it was closed (null unless closed).
    pub closed_at: Option<DateTime<Utc>>,
    /// Minutes from opening to resolution (null while not resolved or closed).
    pub time_to_resolution_minutes: Option<i32>,
    /// The resolution notes.
    pub resolution_notes: Option<String>,
}

/// `upsert_health_score`'s answer.
#[derive(Debug, Serialize)]
pub struct HealthScoreUpdate {
    /// The customer.
    pub client_id: String,
    /// The customer's health score now (the new assessment's overall score, rounded half up
    /// by the database's trigger).
    pub health_score: HealthScore,
    /// The assessment as stored (one more row of the customer's history).
    pub assessment: HealthScoreRecord,
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
    /// A customer's 360 view: the customer, its latest health score, churn prediction and
    /// renewal forecast, open support tickets (counted by priority, the 20 most urgent
    /// listed), active onboarding plans with milestone progress, active contracts, its last NPS
    /// answer and its NPS over the last 90 days.
    #[tool(annotations(read_only_hint = true))]
    async fn get_customer(&self, Parameters(args): Parameters<GetCustomerArgs>) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            let client_id = args.client_id;
            // Not `db_transaction`: customer_360 opens its own REPEATABLE READ, read-only
            // transaction, which it can only do on a connection outside one.
            self.db_run(move |conn| reports::customer_360(conn, &client_id))
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
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::health_dashboard(conn, threshold, p)
            })
            .await
        };
        reply(outcome.await)
    }

    /// CSM workload: active customers and their average health per customer success manager,
    /// busiest first (a null CSM means unassigned customers).
    #[tool(annotations(read_only_hint = true))]
    async fn csm_workload(&self, Parameters(args): Parameters<PageArgs>) -> CallToolResult {
        let outcome = async {
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::csm_workload(conn, p)
            })
            .await
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
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::renewal_pipeline(conn, within_days, status, p)
            })
            .await
        };
        reply(outcome.await)
    }

    /// Support SLA monitoring: open or in-progress tickets whose first-response SLA is breached
    /// or whose resolution SLA is at risk, most urgent first, then oldest.
    #[tool(annotations(read_only_hint = true))]
    async fn sla_monitoring(&self, Parameters(args): Parameters<PageArgs>) -> CallToolResult {
        let outcome = async {
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::sla_monitoring(conn, p)
            })
            .await
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
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::churn_risk(conn, &levels, p)
            })
            .await
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
            let csm = args.csm;
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                queries::csm_customers(conn, &csm, stage, p)
            })
            .await
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

    /// Finds customers by tier, status, lifecycle stage, CSM, renewal window and name (all
    /// optional, combined with AND), in the order they were created; page on with
    /// `next_cursor`.
    #[tool(annotations(read_only_hint = true))]
    async fn search_customers(
        &self,
        Parameters(args): Parameters<SearchCustomersArgs>,
    ) -> CallToolResult {
        let outcome = async {
            let mut filter = CustomerFilter {
                tier: enum_list::<CustomerTier>(&args.tier, "tier")?,
                status: enum_list::<CustomerStatus>(&args.status, "status")?,
                lifecycle_stage: enum_list::<LifecycleStage>(
                    &args.lifecycle_stage,
                    "lifecycle_stage",
                )?,
                ..Default::default()
            };
            if let Some(csm) = args.csm {
                bounded(&csm, "csm", limits::CSM)?;
                filter.csm_assigned = Some(csm);
            }
            if let Some(name) = args.name {
                bounded(&name, "name", limits::NAME)?;
                filter.name_contains = Some(name);
            }
            match (
                args.renewal_within_days,
                &args.renewal_from,
                &args.renewal_to,
            ) {
                (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                    return Err(
                        "renewal_within_days: give it or renewal_from / renewal_to, \
                                not both"
                            .to_owned(),
                    )
                }
                (Some(days), None, None) => {
                    let days = within_days_arg(days, "renewal_within_days")?;
                    let today = Utc::now().date_naive();
                    filter.renewal_from = Some(today);
                    filter.renewal_to = today.checked_add_days(chrono::Days::new(days.into()));
                }
                (None, from, to) => {
                    filter.renewal_from = from
                        .as_deref()
                        .map(|d| date_arg(d, "renewal_from"))
                        .transpose()?;
                    filter.renewal_to = to
                        .as_deref()
                        .map(|d| date_arg(d, "renewal_to"))
                        .transpose()?;
                }
            }
            self.db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                Customer::search(conn, &filter, p)
            })
            .await
        };
        reply(outcome.await)
    }

    /// A customer's support tickets, optionally only some statuses, priorities and categories
    /// (e.g. status ["open", "in_progress"]), in the order they were opened; page on with
    /// `next_cursor`. Each ticket without its description and notes.
    #[tool(annotations(read_only_hint = true))]
    async fn customer_tickets(
        &self,
        Parameters(args): Parameters<CustomerTicketsArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            let filter = TicketFilter {
                status: enum_list::<TicketStatus>(&args.status, "status")?,
                priority: enum_list::<TicketPriority>(&args.priority, "priority")?,
                category: enum_list::<TicketCategory>(&args.category, "category")?,
            };
            let client_id = args.client_id;
            let tickets = self
                .db_page(args.limit, args.offset, args.cursor, move |conn, p| {
                    // An unknown customer is an error, not an empty list.
                    Customer::get_by_key(conn, &client_id)?;
                    // Whole rows (the library's filtered list, with its cursors); the answer
                    // carries only their summaries.
                    SupportTicket::list_filtered(conn, &client_id, &filter, p)
                })
                .await?;
            Ok(Rows {
                count: tickets.count,
                next_cursor: tickets.next_cursor,
                next_offset: tickets.next_offset,
                rows: tickets.rows.into_iter().map(TicketSummary::from).collect(),
            })
        };
        reply(outcome.await)
    }

    /// NPS summary of a period: answers, promoters (9-10), passives (7-8), detractors (0-6),
    /// NPS (% promoters - % detractors, -100 to 100, one decimal) and average score, for all
    /// customers or one (`client_id`), in one row or one per CSM or tier. Default period: the
    /// last 90 days.
    #[tool(annotations(read_only_hint = true))]
    async fn nps_summary(&self, Parameters(args): Parameters<NpsSummaryArgs>) -> CallToolResult {
        let outcome = async {
            let group_by = enum_arg::<NpsGroup>(&args.group_by, "group_by")?;
            if let Some(client_id) = &args.client_id {
                bounded(client_id, "client_id", limits::CLIENT_ID)?;
            }
            let to = match &args.to {
                Some(raw) => moment_arg(raw, "to")?,
                None => Utc::now(),
            };
            let mut period = match &args.from {
                Some(raw) => NpsPeriod::between(moment_arg(raw, "from")?, to),
                None => NpsPeriod::last_days(to, 90),
            };
            period.client_id = args.client_id;
            let rows = self
                .db_run({
                    let period = period.clone();
                    move |conn| {
                        // An unknown customer is an error, not an empty summary.
                        if let Some(client_id) = &period.client_id {
                            Customer::get_by_key(conn, client_id)?;
                        }
                        reports::nps_summary(conn, &period, group_by)
                    }
                })
                .await?;
            Ok(NpsSummary {
                group_by,
                from: period.from,
                to: period.to,
                client_id: period.client_id,
                rows,
            })
        };
        reply(outcome.await)
    }

    /// Sets a support ticket's status (and optionally its resolution notes). resolved or
    /// closed records when (`resolved_at`, `closed_at`) and the time to resolution, unless
    /// already recorded; reopening clears them. Returns the ticket and its previous status.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true
    ))]
    async fn update_ticket_status(
        &self,
        Parameters(args): Parameters<UpdateTicketStatusArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.ticket_id, "ticket_id", limits::TICKET_ID)?;
            let status = enum_arg::<TicketStatus>(&args.status, "status")?;
            if let Some(notes) = &args.resolution_notes {
                bounded(notes, "resolution_notes", limits::FREE_TEXT)?;
            }
            self.db_transaction(move |conn| {
                set_ticket_status(conn, &args.ticket_id, status, args.resolution_notes)
            })
            .await
        };
        reply(outcome.await)
    }

    /// Records a new health assessment of a customer from its five component scores (0 to
    /// 100 each; weighted usage 0.35, engagement 0.25, support 0.15, satisfaction 0.15,
    /// payment 0.10). The assessment joins the customer's history and becomes its current
    /// health score; returns both.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false
    ))]
    async fn upsert_health_score(
        &self,
        Parameters(args): Parameters<UpsertHealthScoreArgs>,
    ) -> CallToolResult {
        let outcome = async {
            bounded(&args.client_id, "client_id", limits::CLIENT_ID)?;
            let components = HealthComponents {
                usage: component_arg(args.usage, "usage")?,
                engagement: component_arg(args.engagement, "engagement")?,
                support: component_arg(args.support, "support")?,
                satisfaction: component_arg(args.satisfaction, "satisfaction")?,
                payment: component_arg(args.payment, "payment")?,
            };
            let client_id = args.client_id;
            self.db_transaction(move |conn| record_health_score(conn, &client_id, components))
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
                    (e.g. cust-000042). Start with search_customers, csm_workload, \
                    health_dashboard or churn_risk_list to find accounts, then get_customer \
                    for one account (its 360 view) and customer_tickets for its tickets; \
                    nps_summary reports NPS per period, CSM or tier."
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

    /// One page of a list tool's answer: the page from the tool's `limit`, `offset` and
    /// `cursor` (see [`page`]), the list run by `load` on a pooled connection (asked for one
    /// row more than the limit, so the answer knows whether more follow), and `next_cursor`.
    async fn db_page<T, F>(
        &self,
        limit: i64,
        offset: i64,
        cursor: Option<String>,
        load: F,
    ) -> ToolOutcome<Rows<T>>
    where
        F: FnOnce(&mut PgConnection, PageRequest) -> customer_success_db::Result<Vec<T>>
            + Send
            + 'static,
        T: Keyed + Send + 'static,
    {
        let page = page(limit, offset, cursor)?;
        let request = page.clone();
        let rows = self
            .db_run(move |conn| Paged::load(request, |p| load(conn, p)))
            .await?;
        Ok(rows_page(rows, &page))
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

/// `update_ticket_status`'s work, in the tool's transaction: the ticket's row is locked first
/// (so two calls cannot both stamp `resolved_at`), then changed by key in one statement.
fn set_ticket_status(
    conn: &mut PgConnection,
    ticket_id: &str,
    status: TicketStatus,
    resolution_notes: Option<String>,
) -> customer_success_db::Result<TicketStatusUpdate> {
    type Current = (
        TicketStatus,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
        Count,
    );
    let (previous_status, created_at, resolved_at, closed_at, sla_resolution): Current =
        support_tickets::table
            .filter(support_tickets::ticket_id.eq(ticket_id))
            .select((
                support_tickets::status,
                support_tickets::created_at,
                support_tickets::resolved_at,
                support_tickets::closed_at,
                support_tickets::sla_resolution_minutes,
            ))
            .for_update()
            .first(conn)
            .map_err(Error::not_found_as(|| {
                format!("support_tickets with ticket_id = {ticket_id:?}")
            }))?;
    let now = Utc::now();
    let done = matches!(status, TicketStatus::Resolved | TicketStatus::Closed);
    // Resolved (or closed) keeps the first resolution's moment; any other status means the
    // work is not done, so the resolution (and closing) moments no longer hold.
    let resolved = if done {
        resolved_at.or(Some(now))
    } else {
        None
    };
    let closed = if status == TicketStatus::Closed {
        closed_at.or(Some(now))
    } else {
        None
    };
    let minutes = resolved.map(|at| Count::clamped((at - created_at).num_minutes()));
    let changes = SupportTicketChanges {
        status: Some(status),
        resolved_at: Some(resolved),
        closed_at: Some(closed),
        time_to_resolution_minutes: Some(minutes),
        // The stored SLA state follows at once (the dashboards compute it from the clock anyway).
        resolution_sla_status: Some(SlaStatus::at(
            created_at,
            resolved,
            sla_resolution.get(),
            now,
        )),
        resolution_notes: resolution_notes.map(Some),
        ..Default::default()
    };
    let ticket = SupportTicket::update_by_key(conn, ticket_id, &changes)?;
    Ok(TicketStatusUpdate {
        previous_status,
        resolved_at: ticket.resolved_at,
        closed_at: ticket.closed_at,
        time_to_resolution_minutes: ticket.time_to_resolution_minutes.map(|m| m.get()),
        resolution_notes: ticket.resolution_notes.clone(),
        ticket: TicketSummary::from(ticket),
    })
}

/// `upsert_health_score`'s work, in the tool's transaction. Health scores are a history (no
/// business key to upsert on): the new assessment is inserted, and schema v2's trigger makes
/// the customer's `health_score` follow it.
fn record_health_score(
    conn: &mut PgConnection,
    client_id: &str,
    components: HealthComponents,
) -> customer_success_db::Result<HealthScoreUpdate> {
    // Looked up first so that an unknown customer is reported as such rather than as a
    // foreign-key violation.
    Customer::get_by_key(conn, client_id)?;
    let assessment = HealthScoreRecord::create(
        conn,
        &NewHealthScoreRecord::new(client_id, components, HealthWeights::DEFAULT),
    )?;
    let customer = Customer::get_by_key(conn, client_id)?;
    Ok(HealthScoreUpdate {
        client_id: customer.client_id,
        health_score: customer.health_score,
        assessment,
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

/// A component score argument (0 to 100), with the crate's message when out of range.
fn component_arg(raw: f64, arg: &'static str) -> ToolOutcome<ComponentScore> {
    ComponentScore::new(raw).map_err(|e| e.for_field(arg).to_string())
}

/// A moment argument: a date (`2026-01-01`, its midnight UTC) or an RFC 3339 timestamp.
fn moment_arg(raw: &str, arg: &str) -> ToolOutcome<DateTime<Utc>> {
    // Bounded first: the error quotes the value.
    bounded(raw, arg, 64)?;
    if let Ok(date) = raw.parse::<NaiveDate>() {
        return Ok(date.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            format!(
                "{arg}: {raw:?} is not a date (YYYY-MM-DD) or an RFC 3339 timestamp \
                 (2026-01-01T00:00:00Z)"
            )
        })
}

/// A list argument of enum values: at most [`limits::LEVELS`] entries, each one of the enum's.
fn enum_list<T>(raw: &[String], arg: &str) -> ToolOutcome<Vec<T>>
where
    T: FromStr<Err = UnknownValueError>,
{
    if raw.len() > limits::LEVELS {
        return Err(format!(
            "{arg}: {} entries given, at most {} allowed",
            raw.len(),
            limits::LEVELS
        ));
    }
    raw.iter().map(|v| enum_arg::<T>(v, arg)).collect()
}

/// A date argument (`YYYY-MM-DD`).
fn date_arg(raw: &str, arg: &str) -> ToolOutcome<NaiveDate> {
    bounded(raw, arg, 64)?;
    raw.parse::<NaiveDate>()
        .map_err(|_| format!("{arg}: {raw:?} is not a date (YYYY-MM-DD)"))
}

/// A number of days from 0 to 3650.
fn within_days_arg(raw: i64, arg: &str) -> ToolOutcome<u32> {
    const MAX_DAYS: i64 = 3650;
    if (0..=MAX_DAYS).contains(&raw) {
        u32::try_from(raw).map_err(|e| format!("{arg}: {e}"))
    } else {
        Err(format!(
            "{arg}: {raw} is out of range (allowed 0 to {MAX_DAYS})"
        ))
    }
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
        | Error::AmbiguousKey { .. }
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
