//! Reports that read several tables at once: the NPS summary of a period and the customer 360
//! (one call for what an account manager's screen shows about one customer).
//!
//! ```no_run
//! use customer_success_db::chrono::NaiveDate;
//! use customer_success_db::reports::{self, NpsGroup, NpsPeriod};
//! # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
//! let q1 = NpsPeriod::dates(
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
//!     NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),    // exclusive: Q1 is [Jan 1, Apr 1)
//! );
//! for row in reports::nps_summary(conn, &q1, NpsGroup::Csm)? {
//!     println!("{:?}: NPS {:?} over {} answers", row.group, row.nps, row.responses);
//! }
//! let acme = reports::customer_360(conn, "acme")?;
//! println!("{} open tickets", acme.open_tickets.total);
//! # Ok(()) }
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::dsl::{count, count_star, sum};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::methods::LoadQuery;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use diesel::IntoSql;
use serde::{Deserialize, Serialize};

use crate::crud::{ByKey, Latest};
use crate::error::Result;
use crate::models::{
    ChurnPrediction, Contract, Customer, HealthScoreRecord, NpsResponse, OnboardingPlan,
    RenewalForecast,
};
use crate::schema::{
    contracts, customers, nps_responses, onboarding_milestones, onboarding_plans, support_tickets,
};
use crate::types::{
    MilestoneStatus, NpsCategory, OnboardingStatus, SlaStatus, TicketCategory, TicketPriority,
    TicketStatus, UnknownValueError, ValidationError, ValidationErrorKind,
};

// ---------------------------------------------------------------------------------------------
// NPS summary
// ---------------------------------------------------------------------------------------------

/// Which NPS answers [`nps_summary`] counts: those answered (`nps_responses.responded_at`) in
/// the half-open interval `[from, to)`, optionally of one customer only.
///
/// Half-open, so consecutive periods (months, quarters) never count an answer twice:
/// `NpsPeriod::dates(Jan 1, Apr 1)` is Q1. `from == to` is an empty period (a summary of 0
/// answers); `from > to` is refused with [`Error::Validation`](crate::Error::Validation) when the
/// summary runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsPeriod {
    /// First moment counted (inclusive).
    pub from: DateTime<Utc>,
    /// End of the period (exclusive).
    pub to: DateTime<Utc>,
    /// Only this customer's answers (`client_id`); `None`: every customer's.
    #[serde(default)]
    pub client_id: Option<String>,
}

impl NpsPeriod {
    /// The answers given in `[from, to)`, of every customer.
    pub fn between(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        NpsPeriod {
            from,
            to,
            client_id: None,
        }
    }

    /// The answers given from the start of day `from` (UTC) up to, not including, the start of
    /// day `to`: `dates(2026-01-01, 2026-04-01)` is the first quarter of 2026.
    pub fn dates(from: NaiveDate, to: NaiveDate) -> Self {
        let midnight = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
        NpsPeriod::between(midnight(from), midnight(to))
    }

    /// The `days` days before `now`: `[now - days, now)`. Negative `days` count as 0; a window
    /// past chrono's range starts at its earliest moment.
    pub fn last_days(now: DateTime<Utc>, days: i64) -> Self {
        let from = Duration::try_days(days.max(0))
            .and_then(|d| now.checked_sub_signed(d))
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        NpsPeriod::between(from, now)
    }

    /// The same period, for one customer's answers only.
    pub fn for_client(mut self, client_id: impl Into<String>) -> Self {
        self.client_id = Some(client_id.into());
        self
    }

    fn check(&self) -> std::result::Result<(), ValidationError> {
        if self.from > self.to {
            return Err(ValidationError::new(
                "nps_period",
                format!("from {} after to {}", self.from, self.to),
                "a period whose `from` is not after its `to`",
                ValidationErrorKind::OutOfRange,
            ));
        }
        Ok(())
    }
}

/// How [`nps_summary`] groups the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NpsGroup {
    /// One row for all answers of the period.
    #[default]
    All,
    /// One row per CSM of the answering customer (`customers.csm_assigned`; `None`: customers
    /// without a CSM).
    Csm,
    /// One row per tier of the answering customer (`customers.tier`).
    Tier,
}

impl NpsGroup {
    /// Every grouping, in declaration order.
    pub const ALL: &'static [NpsGroup] = &[NpsGroup::All, NpsGroup::Csm, NpsGroup::Tier];
    /// The name of every grouping (what [`FromStr`] accepts), in declaration order.
    pub const VALUES: &'static [&'static str] = &["all", "csm", "tier"];

    /// The grouping's name: `all`, `csm` or `tier`.
    pub const fn as_str(self) -> &'static str {
        match self {
            NpsGroup::All => "all",
            NpsGroup::Csm => "csm",
            NpsGroup::Tier => "tier",
        }
    }
}

impl fmt::Display for NpsGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for NpsGroup {
    type Err = UnknownValueError;

    /// Accepts exactly `all`, `csm` and `tier`.
    fn from_str(text: &str) -> std::result::Result<Self, UnknownValueError> {
        match text {
            "all" => Ok(NpsGroup::All),
            "csm" => Ok(NpsGroup::Csm),
            "tier" => Ok(NpsGroup::Tier),
            _ => Err(UnknownValueError::new(
                text,
                Self::VALUES,
                &["the NPS summary's grouping"],
            )),
        }
    }
}

/// One row of [`nps_summary`]: the answers of one group in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsSummaryRow {
    /// The group: `None` for [`NpsGroup::All`]; the CSM's name for [`NpsGroup::Csm`] (`None`
    /// for customers without a CSM); the tier's value (`enterprise`, …) for [`NpsGroup::Tier`].
    pub group: Option<String>,
    /// Answers counted.
    pub responses: i64,
    /// Answers scoring 9 or 10.
    pub promoters: i64,
    /// Answers scoring 7 or 8.
    pub passives: i64,
    /// Answers scoring 0 to 6.
    pub detractors: i64,
    /// The Net Promoter Score: % promoters − % detractors, from −100 to 100, rounded to one
    /// decimal (half away from zero: 1 promoter, 2 passives = 33.3; 2 of 3 = 66.7). `None`
    /// when there are no answers (not 0: "no data" is not "neutral").
    pub nps: Option<f64>,
    /// The mean score (0 to 10) rounded to two decimals; `None` when there are no answers.
    pub average_score: Option<f64>,
}

impl NpsSummaryRow {
    /// A row from the exact counts: the percentages and the mean are computed here, from
    /// integers, so that SQL's numeric formatting plays no part in the rounding.
    fn from_counts(
        group: Option<String>,
        responses: i64,
        promoters: i64,
        passives: i64,
        detractors: i64,
        score_sum: Option<i64>,
    ) -> Self {
        let (nps, average_score) = if responses > 0 {
            let n = responses as f64;
            let nps = ((promoters - detractors) as f64 * 1000.0 / n).round() / 10.0;
            let avg = (score_sum.unwrap_or(0) as f64 * 100.0 / n).round() / 100.0;
            (Some(nps), Some(avg))
        } else {
            (None, None)
        };
        NpsSummaryRow {
            group,
            responses,
            promoters,
            passives,
            detractors,
            nps,
            average_score,
        }
    }
}

/// The SQL row of every grouping: group, answers, promoters, passives, detractors, sum of
/// scores.
type NpsSqlRow = (
    Nullable<Text>,
    BigInt,
    BigInt,
    BigInt,
    BigInt,
    Nullable<BigInt>,
);
type NpsTuple = (Option<String>, i64, i64, i64, i64, Option<i64>);

/// The answers of the period: `responded_at` in `[from, to)` and, when the period names one,
/// of that customer. `client_id = $3 OR $4` with `$4` true means "every customer"; the query
/// is never a cached prepared statement (see [`nps_summary_query`]), so PostgreSQL plans it with
/// the values and drops the branch that does not apply.
macro_rules! nps_filter {
    ($source:expr, $period:expr) => {{
        let every_client = $period.client_id.is_none();
        let client = $period.client_id.clone().unwrap_or_default();
        $source
            .filter(nps_responses::responded_at.ge($period.from))
            .filter(nps_responses::responded_at.lt($period.to))
            .filter(
                nps_responses::client_id
                    .eq(client)
                    .or(every_client.into_sql::<Bool>()),
            )
    }};
}

/// `count(id) FILTER (WHERE category = $1)`: the stored category, which schema v2's
/// `check_nps_category_matches_score` keeps equal to the score's (promoter 9–10, passive 7–8,
/// detractor 0–6), so counting it is counting score ranges.
macro_rules! nps_counts {
    () => {
        (
            count_star(),
            count(nps_responses::id)
                .aggregate_filter(nps_responses::category.eq(NpsCategory::Promoter)),
            count(nps_responses::id)
                .aggregate_filter(nps_responses::category.eq(NpsCategory::Passive)),
            count(nps_responses::id)
                .aggregate_filter(nps_responses::category.eq(NpsCategory::Detractor)),
            sum(nps_responses::score),
        )
    };
}

fn nps_all_query(
    period: &NpsPeriod,
) -> impl Query<SqlType = NpsSqlRow> + QueryFragment<Pg> + Send + 'static {
    let (responses, promoters, passives, detractors, score_sum) = nps_counts!();
    nps_filter!(nps_responses::table, period).select((
        None::<String>.into_sql::<Nullable<Text>>(),
        responses,
        promoters,
        passives,
        detractors,
        score_sum,
    ))
}

fn nps_by_csm_query(
    period: &NpsPeriod,
) -> impl Query<SqlType = NpsSqlRow> + QueryFragment<Pg> + Send + 'static {
    let (responses, promoters, passives, detractors, score_sum) = nps_counts!();
    nps_filter!(nps_responses::table.inner_join(customers::table), period)
        .group_by(customers::csm_assigned)
        .select((
            customers::csm_assigned,
            responses,
            promoters,
            passives,
            detractors,
            score_sum,
        ))
        .order(customers::csm_assigned.asc().nulls_last())
}

fn nps_by_tier_query(
    period: &NpsPeriod,
) -> impl Query<SqlType = NpsSqlRow> + QueryFragment<Pg> + Send + 'static {
    let (responses, promoters, passives, detractors, score_sum) = nps_counts!();
    nps_filter!(nps_responses::table.inner_join(customers::table), period)
        .group_by(customers::tier)
        .select((
            customers::tier.nullable(),
            responses,
            promoters,
            passives,
            detractors,
            score_sum,
        ))
        .order(customers::tier.asc())
}

/// One of three queries with the same row type, chosen at run time (the groupings of
/// [`nps_summary_query`]).
#[derive(Debug, Clone)]
enum OneOf3<A, B, C> {
    A(A),
    B(B),
    C(C),
}

impl<A, B, C> QueryId for OneOf3<A, B, C> {
    type QueryId = ();
    // Which query it is is known only at run time; the statement is prepared per call.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<A, B, C> Query for OneOf3<A, B, C>
where
    A: Query,
    B: Query<SqlType = A::SqlType>,
    C: Query<SqlType = A::SqlType>,
{
    type SqlType = A::SqlType;
}

impl<A, B, C> QueryFragment<Pg> for OneOf3<A, B, C>
where
    A: QueryFragment<Pg>,
    B: QueryFragment<Pg>,
    C: QueryFragment<Pg>,
{
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        match self {
            OneOf3::A(q) => q.walk_ast(out),
            OneOf3::B(q) => q.walk_ast(out),
            OneOf3::C(q) => q.walk_ast(out),
        }
    }
}

impl<A, B, C> RunQueryDsl<PgConnection> for OneOf3<A, B, C> {}

/// The query [`nps_summary`] runs, e.g. for [`crate::queries::explain`]. Its rows are
/// `(group, answers, promoters, passives, detractors, sum of scores)`.
///
/// One aggregate over `nps_responses` (range of `ix_nps_responses_responded_at`), joined to
/// `customers` when grouped. The grouping is chosen at run time, so the statement is not one
/// of Diesel's cached prepared statements; a report runs rarely, and PostgreSQL then plans it
/// with the actual period and customer.
pub fn nps_summary_query(
    period: &NpsPeriod,
    group: NpsGroup,
) -> impl LoadQuery<'static, PgConnection, NpsTuple> + QueryFragment<Pg> + QueryId {
    match group {
        NpsGroup::All => OneOf3::A(nps_all_query(period)),
        NpsGroup::Csm => OneOf3::B(nps_by_csm_query(period)),
        NpsGroup::Tier => OneOf3::C(nps_by_tier_query(period)),
    }
}

/// The NPS of the answers given in `period`, in one row ([`NpsGroup::All`]) or one row per CSM
/// or tier of the answering customers (ordered by CSM name, customers without a CSM last; by
/// tier value).
///
/// [`NpsGroup::All`] always returns exactly one row, with 0 answers and `nps: None` for an
/// empty period; a grouped summary of an empty period has no rows (no group answered).
///
/// # Errors
/// [`Error::Validation`](crate::Error::Validation) when `period.from` is after `period.to`
/// (nothing is sent); database errors otherwise.
pub fn nps_summary(
    conn: &mut PgConnection,
    period: &NpsPeriod,
    group: NpsGroup,
) -> Result<Vec<NpsSummaryRow>> {
    period.check()?;
    let rows: Vec<NpsTuple> = nps_summary_query(period, group).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(g, n, p, pa, d, s)| NpsSummaryRow::from_counts(g, n, p, pa, d, s))
        .collect())
}

/// The one row of [`nps_summary`] with [`NpsGroup::All`].
fn nps_total(conn: &mut PgConnection, period: &NpsPeriod) -> Result<NpsSummaryRow> {
    let (g, n, p, pa, d, s): NpsTuple =
        nps_summary_query(period, NpsGroup::All).get_result(conn)?;
    Ok(NpsSummaryRow::from_counts(g, n, p, pa, d, s))
}

// ---------------------------------------------------------------------------------------------
// Customer 360
// ---------------------------------------------------------------------------------------------

/// Open tickets listed by [`customer_360`] (most urgent, then newest, first).
pub const OPEN_TICKETS_LISTED: i64 = 20;

/// How far back [`Customer360::nps_last_90_days`] looks.
pub const NPS_WINDOW_DAYS: i64 = 90;

/// A support ticket without its free-text and bookkeeping columns. Loaded with
/// `TicketSummary::as_select()`, so the query names exactly these columns: the ticket's
/// description, notes and comments (unbounded `text`) are never read.
#[derive(Debug, Clone, PartialEq, Serialize, Queryable, Selectable)]
#[diesel(table_name = support_tickets, check_for_backend(Pg))]
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
    pub created_at: DateTime<Utc>,
    /// First-response SLA, minutes.
    pub sla_first_response_minutes: i32,
    /// Resolution SLA, minutes.
    pub sla_resolution_minutes: i32,
    /// First-response SLA state as stored (refreshed by `csdb refresh`).
    pub first_response_sla_status: SlaStatus,
    /// Resolution SLA state as stored (refreshed by `csdb refresh`).
    pub resolution_sla_status: SlaStatus,
}

impl From<crate::models::SupportTicket> for TicketSummary {
    fn from(t: crate::models::SupportTicket) -> Self {
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

/// Open tickets of one priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PriorityCount {
    /// The priority.
    pub priority: TicketPriority,
    /// Open tickets with it.
    pub count: i64,
}

/// A customer's open tickets (every status but `resolved` and `closed`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenTickets {
    /// How many.
    pub total: i64,
    /// How many per priority: all five priorities, P0 first, zeros included.
    pub by_priority: Vec<PriorityCount>,
    /// The first [`OPEN_TICKETS_LISTED`] of them, most urgent first, then newest.
    pub listed: Vec<TicketSummary>,
}

/// An onboarding plan in progress with how far its milestones are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OnboardingProgress {
    /// The plan.
    pub plan: OnboardingPlan,
    /// Its milestones.
    pub milestones: i64,
    /// Those completed.
    pub milestones_completed: i64,
}

/// Everything an account manager's screen shows about one customer, read at one moment:
/// see [`customer_360`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Customer360 {
    /// The moment the view describes ("now" for [`customer_360`]): the 90-day NPS window
    /// ends and the active contracts are those running on its date (UTC).
    pub as_of: DateTime<Utc>,
    /// The customer row.
    pub customer: Customer,
    /// The newest health assessment, if any ([`Latest`]).
    pub latest_health_score: Option<HealthScoreRecord>,
    /// The newest churn prediction, if any.
    pub latest_churn_prediction: Option<ChurnPrediction>,
    /// The newest renewal forecast, if any.
    pub latest_renewal_forecast: Option<RenewalForecast>,
    /// Open support tickets.
    pub open_tickets: OpenTickets,
    /// Onboarding plans not completed or cancelled (draft, scheduled, in progress, delayed),
    /// oldest start first.
    pub active_onboarding: Vec<OnboardingProgress>,
    /// Contracts running on `as_of`'s date (`start_date <= date <= end_date`), ending soonest
    /// first.
    pub active_contracts: Vec<Contract>,
    /// The customer's newest NPS answer (by `responded_at`), if any.
    pub last_nps_response: Option<NpsResponse>,
    /// The customer's NPS over the [`NPS_WINDOW_DAYS`] days before `as_of`.
    pub nps_last_90_days: NpsSummaryRow,
}

/// The customer 360 of `client_id` as of now: see [`customer_360_as_of`].
pub fn customer_360(conn: &mut PgConnection, client_id: &str) -> Result<Customer360> {
    customer_360_as_of(conn, client_id, Utc::now())
}

/// Everything about one customer as of `as_of`, in 10 queries: the customer, its latest
/// health score, churn prediction and renewal forecast, open tickets counted by priority and
/// the first [`OPEN_TICKETS_LISTED`] of them, active onboarding plans with milestone progress
/// (one aggregate), active contracts, the last NPS answer and the NPS of the 90 days before
/// `as_of`.
///
/// The parts agree with each other: on a connection outside any transaction they run in one
/// `REPEATABLE READ, READ ONLY` transaction (one snapshot: a ticket closed meanwhile is not
/// counted open in one part and missing from the list in another). Inside a caller's
/// transaction they run in a savepoint, under the caller's isolation level (PostgreSQL fixes
/// it at the transaction's start): open the transaction with `build_transaction()
/// .repeatable_read()` for the same guarantee. An error rolls back to the savepoint, so the
/// caller's transaction stays usable.
///
/// # Errors
/// [`Error::NotFound`](crate::Error::NotFound) for an unknown `client_id`; database errors
/// otherwise.
pub fn customer_360_as_of(
    conn: &mut PgConnection,
    client_id: &str,
    as_of: DateTime<Utc>,
) -> Result<Customer360> {
    let in_transaction = AnsiTransactionManager::transaction_manager_status_mut(conn)
        .transaction_depth()?
        .is_some();
    if in_transaction {
        conn.transaction(|conn| customer_360_parts(conn, client_id, as_of))
    } else {
        conn.build_transaction()
            .repeatable_read()
            .read_only()
            .run(|conn| customer_360_parts(conn, client_id, as_of))
    }
}

fn customer_360_parts(
    conn: &mut PgConnection,
    client_id: &str,
    as_of: DateTime<Utc>,
) -> Result<Customer360> {
    let customer = Customer::get_by_key(conn, client_id)?;
    let latest_health_score = HealthScoreRecord::latest_for_client(conn, client_id)?;
    let latest_churn_prediction = ChurnPrediction::latest_for_client(conn, client_id)?;
    let latest_renewal_forecast = RenewalForecast::latest_for_client(conn, client_id)?;
    let open_tickets = open_tickets(conn, client_id)?;
    let active_onboarding = active_onboarding(conn, client_id)?;
    let today = as_of.date_naive();
    let active_contracts = contracts::table
        .filter(contracts::client_id.eq(client_id))
        .filter(contracts::start_date.le(today))
        .filter(contracts::end_date.ge(today))
        .order((contracts::end_date.asc(), contracts::id.asc()))
        .select(Contract::as_select())
        .load(conn)?;
    let last_nps_response = nps_responses::table
        .filter(nps_responses::client_id.eq(client_id))
        .order((nps_responses::responded_at.desc(), nps_responses::id.desc()))
        .select(NpsResponse::as_select())
        .first(conn)
        .optional()?;
    let nps_last_90_days = nps_total(
        conn,
        &NpsPeriod::last_days(as_of, NPS_WINDOW_DAYS).for_client(client_id),
    )?;
    Ok(Customer360 {
        as_of,
        customer,
        latest_health_score,
        latest_churn_prediction,
        latest_renewal_forecast,
        open_tickets,
        active_onboarding,
        active_contracts,
        last_nps_response,
        nps_last_90_days,
    })
}

/// Two queries: the counts per priority, and the listed tickets.
fn open_tickets(conn: &mut PgConnection, client_id: &str) -> Result<OpenTickets> {
    let open = || {
        support_tickets::table
            .filter(support_tickets::client_id.eq(client_id.to_owned()))
            .filter(support_tickets::status.ne_all([TicketStatus::Resolved, TicketStatus::Closed]))
    };
    let counts: Vec<(TicketPriority, i64)> = open()
        .group_by(support_tickets::priority)
        .select((support_tickets::priority, count_star()))
        .load(conn)?;
    let by_priority: Vec<PriorityCount> = TicketPriority::ALL
        .iter()
        .map(|&priority| PriorityCount {
            priority,
            count: counts
                .iter()
                .find(|(p, _)| *p == priority)
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let listed = open()
        .order((
            support_tickets::priority.asc(),
            support_tickets::created_at.desc(),
            support_tickets::id.desc(),
        ))
        .limit(OPEN_TICKETS_LISTED)
        // Only the summary's columns: a customer's tickets may hold megabytes of description.
        .select(TicketSummary::as_select())
        .load(conn)?;
    Ok(OpenTickets {
        total: by_priority.iter().map(|c| c.count).sum(),
        by_priority,
        listed,
    })
}

/// One query: the active plans, each with its milestone counts (a LEFT JOIN, so a plan without
/// milestones is listed with 0 of 0).
fn active_onboarding(conn: &mut PgConnection, client_id: &str) -> Result<Vec<OnboardingProgress>> {
    let rows: Vec<(OnboardingPlan, i64, i64)> = onboarding_plans::table
        // Both columns of the foreign key: a plan_id is unique per customer only.
        .left_join(
            onboarding_milestones::table.on(onboarding_milestones::plan_id
                .eq(onboarding_plans::plan_id)
                .and(onboarding_milestones::client_id.eq(onboarding_plans::client_id))),
        )
        .filter(onboarding_plans::client_id.eq(client_id))
        .filter(
            onboarding_plans::status
                .ne_all([OnboardingStatus::Completed, OnboardingStatus::Cancelled]),
        )
        // `(id, client_id)` is the SQL primary key, which lets PostgreSQL accept the plan's
        // other columns; `plan_id` is the key `schema.rs` declares, which lets Diesel accept them.
        .group_by((
            onboarding_plans::id,
            onboarding_plans::client_id,
            onboarding_plans::plan_id,
        ))
        .select((
            OnboardingPlan::as_select(),
            count(onboarding_milestones::id.nullable()),
            count(onboarding_milestones::id.nullable()).aggregate_filter(
                onboarding_milestones::status
                    .nullable()
                    .eq(MilestoneStatus::Completed)
                    .assume_not_null(),
            ),
        ))
        .order((
            onboarding_plans::start_date.asc(),
            onboarding_plans::plan_id.asc(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(plan, milestones, milestones_completed)| OnboardingProgress {
                plan,
                milestones,
                milestones_completed,
            },
        )
        .collect())
}
