//! The dashboard queries of the original system's "Query Performance Tips", typed.
//!
//! Each dashboard has a query builder (`*_query`, usable with [`explain`]) and a function that
//! runs it. Parameters are typed (thresholds as [`HealthScore`], levels as enums) and every
//! result row is a struct that serializes for MCP tools. Every ordering ends with a unique
//! column, so pages never overlap or skip. Results are paged with a [`Page`](crate::crud::Page) (limit + offset)
//! or, so that page 500 costs what page 1 costs, resumed after a [`Cursor`]
//! ([`Page::after`](crate::crud::Page::after), each row's [`Keyed::cursor`], [`Paged`](crate::crud::Paged)). The
//! keyset predicate is one row comparison on the ordering's columns
//! ([`cursor::row_gt`]), present on every page (the first page compares with
//! a key before every row), so each dashboard is one prepared statement:
//!
//! | dashboard | order | keyset predicate |
//! |---|---|---|
//! | health | `health_score, id` | `(health_score, id) > ($1, $2)` |
//! | CSM workload | `count DESC, csm_assigned` (NULL last) | `HAVING (-count, csm_assigned IS NULL, csm_assigned) > ($1, $2, $3)` |
//! | renewal pipeline | `renewal_date, id` | `(renewal_date, id) > ($1, $2)` |
//! | SLA monitoring | `priority, created_at, id` | `(priority, created_at, id) > ($1, $2, $3)` |
//! | churn risk | `churn_probability DESC, churn_predictions.id DESC` | `(churn_probability, id) < ($1, $2)` |
//! | CSM + lifecycle | `id` | `(id) > ($1)` |
//!
//! Schema v2 designs one index per dashboard from these orderings (migration
//! `2026-11-30-000005_v2_indexes`); `tests/index_usage.rs` pins the plans:
//!
//! | dashboard | function | index the seed document claims | schema v2's index, and the plan of the first page |
//! |---|---|---|---|
//! | customer health | [`health_dashboard`] | `ix_customers_health_score_status` | `ix_customers_health_dashboard (status, health_score, id) INCLUDE (…)`: index-only range scan |
//! | CSM workload | [`csm_workload`] | `ix_customers_csm_assigned`, `ix_customers_status` | no index: the summary table `csm_workload_summary` the database keeps per CSM (migration `2026-11-30-000006_v2_csm_summary`), a few dozen rows whatever the number of customers |
//! | renewal pipeline | [`renewal_pipeline`] | `ix_renewal_forecasts_status_days` (v2 selects by `renewal_date`) | `ix_renewal_forecasts_pipeline (renewal_status, renewal_date, id) INCLUDE (…)`: index-only range scan |
//! | support SLA monitoring | [`sla_monitoring`] | `ix_support_tickets_priority_created` | `ix_support_tickets_sla_open (priority, created_at, id) INCLUDE (…) WHERE status IN ('open', 'in_progress')`: index-only scan of open tickets |
//! | churn-risk analysis | [`churn_risk`] | `ix_churn_predictions_risk_level`, `ix_customers_status` | one range per risk level of `ix_churn_predictions_level_probability (customer_status, churn_risk_level, churn_probability, id) INCLUDE (client_id)` read backwards (migration `2026-11-30-000007_v2_churn_levels`), merged, then `ix_customers_client_summary` per row |
//! | CSM + lifecycle lookup | [`csm_customers`] | `ix_customers_csm_lifecycle` | `ix_customers_csm_stage (csm_assigned, lifecycle_stage, id) INCLUDE (…)`: index-only range scan |
//!
//! `BENCHMARKS.md` records which index PostgreSQL actually picks on realistic data, and why.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::sum;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::query_dsl::methods::LoadQuery;
use diesel::query_dsl::positional_order_dsl::{OrderColumn, PositionalOrderDsl};
use diesel::sql_types::{BigInt, Bool, Date, Double, Integer, Nullable, Text, Timestamptz};
use diesel::IntoSql;
use serde::Serialize;

use crate::crud::PageRequest;
use crate::cursor::{self, resume, row_gt, row_lt, Cursor, Keyed, Negated};
use crate::error::Result;
use crate::schema::{churn_predictions, customers, renewal_forecasts, support_tickets};
use crate::types::{
    CustomerStatus, HealthScore, HealthTrend, LifecycleStage, Money, Probability, RenewalStatus,
    RiskLevel, SlaStatus, TicketPriority, TicketStatus,
};

/// A row of the customer health dashboard.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = customers, check_for_backend(Pg))]
pub struct HealthDashboardRow {
    /// The customer's row id (`customers.id`; the ordering's tie-breaker).
    pub id: i64,
    /// The customer.
    pub client_id: String,
    /// Its name.
    pub client_name: String,
    /// Current health score.
    pub health_score: HealthScore,
    /// Direction of the health score.
    pub health_trend: HealthTrend,
    /// Lifecycle stage.
    pub lifecycle_stage: LifecycleStage,
}

const HEALTH: &str = "health_dashboard";

impl Keyed for HealthDashboardRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(HEALTH, &(self.health_score.get(), self.id))
    }
}

/// Active customers whose health score is below `threshold`, least healthy first (ordered by
/// `(health_score, id)`).
pub fn health_dashboard_query(
    threshold: HealthScore,
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, HealthDashboardRow> + QueryFragment<Pg> + QueryId {
    let (limit, offset, after) = page.into().resolve();
    let ((score, id), refused) = resume(after.as_ref(), HEALTH, (i32::MIN, i64::MIN));
    customers::table
        .filter(customers::health_score.lt(threshold))
        .filter(customers::status.eq(CustomerStatus::Active))
        .filter(
            row_gt(
                (customers::health_score, customers::id),
                (score.into_sql::<Integer>(), id.into_sql::<BigInt>()),
            )
            .refusing(refused),
        )
        .order((customers::health_score.asc(), customers::id.asc()))
        .select(HealthDashboardRow::as_select())
        .limit(limit)
        .offset(offset)
}

/// Runs [`health_dashboard_query`].
pub fn health_dashboard(
    conn: &mut PgConnection,
    threshold: HealthScore,
    page: impl Into<PageRequest>,
) -> Result<Vec<HealthDashboardRow>> {
    Ok(health_dashboard_query(threshold, page).load(conn)?)
}

/// A row of the CSM workload dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsmWorkloadRow {
    /// The CSM (`None`: active customers without one).
    pub csm_assigned: Option<String>,
    /// Active customers assigned.
    pub customer_count: i64,
    /// Their average health score.
    pub avg_health: f64,
}

type CsmWorkloadTuple = (Option<String>, i64, Option<f64>);

const WORKLOAD: &str = "csm_workload";

impl Keyed for CsmWorkloadRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(WORKLOAD, &(self.customer_count, self.csm_assigned.clone()))
    }
}

diesel::define_sql_function! {
    /// PostgreSQL's `float8(numeric)` cast: a sum of health scores (`sum(bigint)` is `numeric`)
    /// as `float8`, exact below 2^53. An average health score needs no arbitrary precision. (A
    /// SQL function keeps the query's static id, so Diesel caches its prepared statement; a raw
    /// SQL fragment would be parsed and planned again on every call.)
    #[sql_name = "float8"]
    fn numeric_float8(x: diesel::sql_types::Nullable<diesel::sql_types::Numeric>) -> diesel::sql_types::Nullable<diesel::sql_types::Double>;
}

diesel::define_sql_function! {
    /// PostgreSQL's `float8(bigint)` cast (a customer count as the divisor of an average).
    #[sql_name = "float8"]
    fn bigint_float8(x: diesel::sql_types::Nullable<diesel::sql_types::BigInt>) -> diesel::sql_types::Nullable<diesel::sql_types::Double>;
}

/// Active customers and their average health per CSM, busiest first (ordered by
/// `(count DESC, csm_assigned ASC)`, the group without a CSM last among equal counts).
///
/// Schema v2 reads the summary the database keeps (`csm_workload_summary`, migration
/// `2026-11-30-000006_v2_csm_summary`: per CSM, the number of active customers and the sum of
/// their health scores, kept exact by triggers on `customers`), not the customers themselves: a
/// few dozen rows whatever the number of customers. A CSM may have several summary rows (so that
/// concurrent writers never wait for each other), hence the `GROUP BY`; the average is
/// `health_sum / count`, exactly what `AVG` over the customers gives.
///
/// The keyset predicate is in `HAVING`: `(-count, csm_assigned IS NULL, csm_assigned) >
/// ($1, $2, $3)`, one row comparison in the order's direction (negating the descending count;
/// the `IS NULL` column puts the NULL group last, as `ORDER BY … ASC` does, and means the NULL
/// itself is never compared).
pub fn csm_workload_query(
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, CsmWorkloadTuple> + QueryFragment<Pg> + QueryId {
    use crate::schema::csm_workload_summary as s;
    let (limit, offset, after) = page.into().resolve();
    // The start key: a count above every group's, so `-count > -i64::MAX` keeps them all.
    let ((count, csm), refused) = resume(after.as_ref(), WORKLOAD, (i64::MAX, None::<String>));
    // sum(integer) is bigint; a CSM's rows always add up to at least one customer (HAVING).
    let customer_count = sum(s::customer_count).assume_not_null();
    s::table
        .group_by(s::csm_assigned)
        .select((
            s::csm_assigned,
            customer_count,
            numeric_float8(sum(s::health_sum)) / bigint_float8(sum(s::customer_count)),
        ))
        // Rows of a CSM whose customers all left or changed status may remain until the next
        // rebuild (csdb refresh), summing to nothing.
        .having(customer_count.gt(0))
        .having(
            row_gt(
                (
                    Negated(customer_count),
                    s::csm_assigned.is_null(),
                    s::csm_assigned,
                ),
                (
                    // A forged count of i64::MIN (no group has fewer) saturates to "no group".
                    count.saturating_neg().into_sql::<BigInt>(),
                    csm.is_none().into_sql::<Bool>(),
                    csm.into_sql::<Nullable<Text>>(),
                ),
            )
            .refusing(refused),
        )
        .order((customer_count.desc(), s::csm_assigned.asc()))
        .limit(limit)
        .offset(offset)
}

/// Runs [`csm_workload_query`].
pub fn csm_workload(
    conn: &mut PgConnection,
    page: impl Into<PageRequest>,
) -> Result<Vec<CsmWorkloadRow>> {
    let rows: Vec<CsmWorkloadTuple> = csm_workload_query(page).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(csm_assigned, customer_count, avg)| CsmWorkloadRow {
            csm_assigned,
            customer_count,
            // Every group has at least one customer, so the average is never NULL.
            avg_health: avg.unwrap_or(0.0),
        })
        .collect())
}

/// A row of the renewal pipeline.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = renewal_forecasts, check_for_backend(Pg))]
pub struct RenewalPipelineRow {
    /// The forecast's row id (`renewal_forecasts.id`; the ordering's tie-breaker).
    pub id: i64,
    /// The customer.
    pub client_id: String,
    /// When the contract renews.
    pub renewal_date: NaiveDate,
    /// Predicted probability of renewal.
    pub renewal_probability: Probability,
    /// Forecast ARR.
    pub forecasted_arr: Money,
}

const RENEWAL: &str = "renewal_pipeline";

impl Keyed for RenewalPipelineRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(RENEWAL, &(self.renewal_date, self.id))
    }
}

/// Renewals due within `within_days` days of today (UTC), overdue ones included, whose status is
/// `status` (the seed: `at_risk`), soonest first (ordered by `(renewal_date, id)`).
///
/// Schema v2: selects by `renewal_date`, not by the stored `days_until_renewal`, which is a
/// snapshot taken when the forecast was written and goes stale a day later (`csdb refresh`
/// rewrites it for readers that use it).
pub fn renewal_pipeline_query(
    within_days: i32,
    status: RenewalStatus,
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, RenewalPipelineRow> + QueryFragment<Pg> + QueryId {
    renewal_pipeline_as_of_query(Utc::now().date_naive(), within_days, status, page)
}

/// [`renewal_pipeline_query`] as seen on `today`: renewals due on or before
/// `today + within_days`.
pub fn renewal_pipeline_as_of_query(
    today: NaiveDate,
    within_days: i32,
    status: RenewalStatus,
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, RenewalPipelineRow> + QueryFragment<Pg> + QueryId {
    let (limit, offset, after) = page.into().resolve();
    let ((date, id), refused) = resume(after.as_ref(), RENEWAL, (cursor::min_pg_date(), i64::MIN));
    // A window past chrono's range (absurd `within_days`) means "every date".
    let last_day = today
        .checked_add_signed(chrono::Duration::days(i64::from(within_days)))
        .unwrap_or(if within_days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        });
    renewal_forecasts::table
        .filter(renewal_forecasts::renewal_date.le(last_day))
        .filter(renewal_forecasts::renewal_status.eq(status))
        .filter(
            row_gt(
                (renewal_forecasts::renewal_date, renewal_forecasts::id),
                (date.into_sql::<Date>(), id.into_sql::<BigInt>()),
            )
            .refusing(refused),
        )
        .order((
            renewal_forecasts::renewal_date.asc(),
            renewal_forecasts::id.asc(),
        ))
        .select(RenewalPipelineRow::as_select())
        .limit(limit)
        .offset(offset)
}

/// Runs [`renewal_pipeline_query`].
pub fn renewal_pipeline(
    conn: &mut PgConnection,
    within_days: i32,
    status: RenewalStatus,
    page: impl Into<PageRequest>,
) -> Result<Vec<RenewalPipelineRow>> {
    Ok(renewal_pipeline_query(within_days, status, page).load(conn)?)
}

diesel::define_sql_function! {
    /// The database's `csdb_sla_status(started, finished, sla_minutes, at)` (schema v2): the
    /// state of one SLA at moment `at`; [`SlaStatus::at`] is its Rust twin.
    fn csdb_sla_status(
        started: diesel::sql_types::Timestamptz,
        finished: diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        sla_minutes: diesel::sql_types::Integer,
        at: diesel::sql_types::Timestamptz,
    ) -> diesel::sql_types::Varchar;
}

diesel::define_sql_function! {
    /// The database's `csdb_sla_alarming(started, finished, sla_minutes, at)` (schema v2): true
    /// exactly when `csdb_sla_status` is `breached` or `at_risk`, without building the status
    /// text (the SLA monitor evaluates it for every open ticket it walks).
    fn csdb_sla_alarming(
        started: diesel::sql_types::Timestamptz,
        finished: diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        sla_minutes: diesel::sql_types::Integer,
        at: diesel::sql_types::Timestamptz,
    ) -> diesel::sql_types::Bool;
}

/// A row of the support SLA monitor.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = support_tickets, check_for_backend(Pg))]
pub struct SlaMonitorRow {
    /// The ticket's row id (`support_tickets.id`; the ordering's tie-breaker).
    pub id: i64,
    /// The ticket.
    pub ticket_id: String,
    /// The customer.
    pub client_id: String,
    /// Its priority.
    pub priority: TicketPriority,
    /// When it was opened.
    pub created_at: DateTime<Utc>,
    /// First-response SLA state now (computed, not the stored column).
    #[diesel(select_expression = csdb_sla_status(
        support_tickets::created_at,
        support_tickets::first_response_at,
        support_tickets::sla_first_response_minutes,
        diesel::dsl::now,
    ))]
    #[diesel(select_expression_type = csdb_sla_status<
        support_tickets::created_at,
        support_tickets::first_response_at,
        support_tickets::sla_first_response_minutes,
        diesel::dsl::now,
    >)]
    pub first_response_sla_status: SlaStatus,
    /// Resolution SLA state now (computed, not the stored column).
    #[diesel(select_expression = csdb_sla_status(
        support_tickets::created_at,
        support_tickets::resolved_at,
        support_tickets::sla_resolution_minutes,
        diesel::dsl::now,
    ))]
    #[diesel(select_expression_type = csdb_sla_status<
        support_tickets::created_at,
        support_tickets::resolved_at,
        support_tickets::sla_resolution_minutes,
        diesel::dsl::now,
    >)]
    pub resolution_sla_status: SlaStatus,
}

const SLA: &str = "sla_monitoring";

impl Keyed for SlaMonitorRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(
            SLA,
            &(self.priority.as_str().to_owned(), self.created_at, self.id),
        )
    }
}

/// Open or in-progress tickets whose first-response or resolution SLA is breached or at risk
/// now, most urgent priority first, then oldest first (ordered by `(priority, created_at, id)`).
///
/// Schema v2: the states are computed from each ticket's `created_at`, SLA minutes and
/// response/resolution timestamps at query time (`csdb_sla_status(…, now())`), so a ticket
/// whose stored `*_sla_status` is stale still shows. (The seed's query read the stored columns
/// and asked for "first response breached or resolution at risk"; a breached resolution is
/// shown too, since it is worse than one at risk.)
pub fn sla_monitoring_query(
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, SlaMonitorRow> + QueryFragment<Pg> + QueryId {
    let (limit, offset, after) = page.into().resolve();
    // The start key: "" sorts before every priority (P0 … P4) in any collation.
    let ((priority, created_at, id), refused) = resume(
        after.as_ref(),
        SLA,
        (String::new(), cursor::min_pg_timestamp(), i64::MIN),
    );
    // "Breached or at risk", as the boolean twin of csdb_sla_status (cheaper per ticket).
    support_tickets::table
        .filter(support_tickets::status.eq_any([TicketStatus::Open, TicketStatus::InProgress]))
        .filter(
            csdb_sla_alarming(
                support_tickets::created_at,
                support_tickets::first_response_at,
                support_tickets::sla_first_response_minutes,
                diesel::dsl::now,
            )
            .or(csdb_sla_alarming(
                support_tickets::created_at,
                support_tickets::resolved_at,
                support_tickets::sla_resolution_minutes,
                diesel::dsl::now,
            )),
        )
        .filter(
            row_gt(
                (
                    support_tickets::priority,
                    support_tickets::created_at,
                    support_tickets::id,
                ),
                (
                    priority.into_sql::<Text>(),
                    created_at.into_sql::<Timestamptz>(),
                    id.into_sql::<BigInt>(),
                ),
            )
            .refusing(refused),
        )
        .order((
            support_tickets::priority.asc(),
            support_tickets::created_at.asc(),
            support_tickets::id.asc(),
        ))
        .select(SlaMonitorRow::as_select())
        .limit(limit)
        .offset(offset)
}

/// Runs [`sla_monitoring_query`].
pub fn sla_monitoring(
    conn: &mut PgConnection,
    page: impl Into<PageRequest>,
) -> Result<Vec<SlaMonitorRow>> {
    Ok(sla_monitoring_query(page).load(conn)?)
}

/// A row of the churn-risk analysis.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = customers, check_for_backend(Pg))]
pub struct ChurnRiskRow {
    /// The prediction's row id (`churn_predictions.id`; the ordering's tie-breaker).
    #[diesel(select_expression = churn_predictions::id)]
    pub prediction_id: i64,
    /// The customer.
    pub client_id: String,
    /// Its name.
    pub client_name: String,
    /// Its health score.
    pub health_score: HealthScore,
    /// Predicted churn probability.
    #[diesel(select_expression = churn_predictions::churn_probability)]
    pub churn_probability: Probability,
    /// Predicted risk level.
    #[diesel(select_expression = churn_predictions::churn_risk_level)]
    pub churn_risk_level: RiskLevel,
}

const CHURN: &str = "churn_risk";

impl Keyed for ChurnRiskRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(CHURN, &(self.churn_probability.get(), self.prediction_id))
    }
}

/// Active customers with a churn prediction at one of `levels` (the seed: high and critical),
/// most likely to churn first. A customer with several such predictions appears once per
/// prediction, as in the original query.
///
/// Ordered by `(churn_probability DESC, churn_predictions.id DESC)`: both descending, so that
/// one row comparison, `(churn_probability, id) < ($1, $2)`, resumes after a cursor.
///
/// Schema v2 (migration `2026-11-30-000007_v2_churn_levels`): one branch per [`RiskLevel`]
/// variant, combined with `UNION ALL` and sorted again. Each branch reads one range of
/// `ix_churn_predictions_level_probability (customer_status, churn_risk_level,
/// churn_probability, id)` in the dashboard's order and stops after `limit + offset` rows, so
/// no page reads more than the levels asked for hold past its cursor; filtering the levels from
/// a scan in probability order instead made the last page walk every remaining prediction. Each
/// branch also has `AND $n`, a bound "was this level asked for": the SQL is the same whatever
/// `levels` holds (one prepared statement), and PostgreSQL skips a branch whose flag is false
/// without reading anything (a one-time filter).
pub fn churn_risk_query(
    levels: Vec<RiskLevel>,
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, ChurnRiskRow> + QueryFragment<Pg> + QueryId {
    let (limit, offset, after) = page.into().resolve();
    let ((probability, id), refused) = resume(after.as_ref(), CHURN, (f64::INFINITY, i64::MAX));
    // Each branch must yield every row the combined page may take from it.
    let branch_limit = limit.saturating_add(offset);
    let branch = |level: RiskLevel| {
        customers::table
            .inner_join(churn_predictions::table)
            .filter(churn_predictions::churn_risk_level.eq(level))
            .filter(levels.contains(&level).into_sql::<Bool>())
            .filter(customers::status.eq(CustomerStatus::Active))
            // The same condition, as the database keeps it on the prediction (schema v2): what
            // lets the index serve the page without looking up the customers of the many
            // high-risk predictions whose customer already left.
            .filter(churn_predictions::customer_status.eq(CustomerStatus::Active))
            .filter(
                row_lt(
                    (churn_predictions::churn_probability, churn_predictions::id),
                    (probability.into_sql::<Double>(), id.into_sql::<BigInt>()),
                )
                .refusing(refused.clone()),
            )
            .order((
                churn_predictions::churn_probability.desc(),
                churn_predictions::id.desc(),
            ))
            .select(ChurnRiskRow::as_select())
            .limit(branch_limit)
    };
    // Every variant, so that the statement's shape is fixed (a test checks that ALL has four).
    let [low, medium, high, critical] = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ];
    branch(critical)
        .union_all(branch(high))
        .union_all(branch(medium))
        .union_all(branch(low))
        // By position (Diesel orders a combination only so): churn_probability (5th column of
        // ChurnRiskRow), then the prediction id (1st), both descending.
        .positional_order_by((OrderColumn::from(5).desc(), OrderColumn::from(1).desc()))
        .limit(limit)
        .offset(offset)
}

/// Runs [`churn_risk_query`].
pub fn churn_risk(
    conn: &mut PgConnection,
    levels: &[RiskLevel],
    page: impl Into<PageRequest>,
) -> Result<Vec<ChurnRiskRow>> {
    Ok(churn_risk_query(levels.to_vec(), page).load(conn)?)
}

/// A row of the CSM + lifecycle-stage lookup.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = customers, check_for_backend(Pg))]
pub struct CsmCustomerRow {
    /// The customer's row id (`customers.id`; the ordering).
    pub id: i64,
    /// The customer.
    pub client_id: String,
    /// Its name.
    pub client_name: String,
    /// Its health score.
    pub health_score: HealthScore,
}

const CSM_CUSTOMERS: &str = "csm_customers";

impl Keyed for CsmCustomerRow {
    fn cursor(&self) -> Cursor {
        Cursor::of(CSM_CUSTOMERS, &(self.id,))
    }
}

/// The customers of one CSM in one lifecycle stage (the seed's EXPLAIN example), ordered by
/// `id`.
pub fn csm_customers_query(
    csm: String,
    stage: LifecycleStage,
    page: impl Into<PageRequest>,
) -> impl LoadQuery<'static, PgConnection, CsmCustomerRow> + QueryFragment<Pg> + QueryId {
    let (limit, offset, after) = page.into().resolve();
    let ((id,), refused) = resume(after.as_ref(), CSM_CUSTOMERS, (i64::MIN,));
    customers::table
        .filter(customers::csm_assigned.eq(csm))
        .filter(customers::lifecycle_stage.eq(stage))
        .filter(row_gt((customers::id,), (id.into_sql::<BigInt>(),)).refusing(refused))
        .order(customers::id.asc())
        .select(CsmCustomerRow::as_select())
        .limit(limit)
        .offset(offset)
}

/// Runs [`csm_customers_query`].
pub fn csm_customers(
    conn: &mut PgConnection,
    csm: &str,
    stage: LifecycleStage,
    page: impl Into<PageRequest>,
) -> Result<Vec<CsmCustomerRow>> {
    Ok(csm_customers_query(csm.to_owned(), stage, page).load(conn)?)
}

/// What `EXPLAIN (ANALYZE, FORMAT JSON)` said about a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainReport {
    /// The whole plan as PostgreSQL returned it.
    pub plan: serde_json::Value,
    /// `Planning Time` in milliseconds.
    pub planning_ms: f64,
    /// `Execution Time` in milliseconds.
    pub execution_ms: f64,
    /// Every index the plan reads, in plan order, without duplicates.
    pub indexes: Vec<String>,
    /// Every node type of the plan (e.g. `Index Scan`, `Bitmap Heap Scan`, `Seq Scan`).
    pub node_types: Vec<String>,
    /// Every `Index Cond` of the plan, in plan order: what an index scan's range is bounded by
    /// (e.g. whether a keyset cursor's row comparison is part of the range or a filter).
    pub index_conditions: Vec<String>,
}

impl ExplainReport {
    /// Whether the plan reads `index`.
    pub fn uses_index(&self, index: &str) -> bool {
        self.indexes.iter().any(|i| i == index)
    }
}

/// Wraps a query in `EXPLAIN (ANALYZE, FORMAT JSON)`.
#[derive(Debug, Clone, Copy)]
struct Explain<Q>(Q);

impl<Q> QueryId for Explain<Q> {
    type QueryId = ();
    // The wrapped query may have binds whose values change the plan; never cache.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> Query for Explain<Q> {
    type SqlType = diesel::sql_types::Json;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Explain<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("EXPLAIN (ANALYZE, FORMAT JSON) ");
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> RunQueryDsl<PgConnection> for Explain<Q> {}

/// Runs `query` under `EXPLAIN (ANALYZE, FORMAT JSON)` (so it really executes) and returns the
/// plan, its timings and the indexes it used.
///
/// ```no_run
/// use customer_success_db::{crud::Page, queries, types::HealthScore};
/// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
/// let q = queries::health_dashboard_query(HealthScore::new(70)?, Page::first(50));
/// let report = queries::explain(conn, q)?;
/// println!("{:.2} ms using {:?}", report.execution_ms, report.indexes);
/// # Ok(()) }
/// ```
pub fn explain<Q>(conn: &mut PgConnection, query: Q) -> Result<ExplainReport>
where
    Q: QueryFragment<Pg> + QueryId,
{
    let plan: serde_json::Value = Explain(query).get_result(conn)?;
    Ok(report_from_plan(plan))
}

fn report_from_plan(plan: serde_json::Value) -> ExplainReport {
    let top = plan.get(0).cloned().unwrap_or(serde_json::Value::Null);
    let ms = |key: &str| {
        top.get(key)
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(0.0)
    };
    let mut report = ExplainReport {
        planning_ms: ms("Planning Time"),
        execution_ms: ms("Execution Time"),
        indexes: Vec::new(),
        node_types: Vec::new(),
        index_conditions: Vec::new(),
        plan: serde_json::Value::Null,
    };
    if let Some(root) = top.get("Plan") {
        walk_plan(root, &mut report);
    }
    report.plan = plan;
    report
}

fn walk_plan(node: &serde_json::Value, report: &mut ExplainReport) {
    let text = |key: &str| node.get(key).and_then(|v| v.as_str());
    if let Some(t) = text("Node Type") {
        report.node_types.push(t.to_owned());
    }
    if let Some(i) = text("Index Name") {
        if !report.indexes.iter().any(|x| x == i) {
            report.indexes.push(i.to_owned());
        }
    }
    if let Some(c) = text("Index Cond") {
        report.index_conditions.push(c.to_owned());
    }
    if let Some(children) = node.get("Plans").and_then(|v| v.as_array()) {
        for child in children {
            walk_plan(child, report);
        }
    }
}

/// The SQL text (with `$n` placeholders) of a query, e.g. to run the same statement through
/// another driver or to log it.
pub fn sql_of<Q: QueryFragment<Pg>>(query: &Q) -> String {
    let full = diesel::debug_query::<Pg, _>(query).to_string();
    match full.rfind(" -- binds: ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}
