//! The operations a Customer Success application needs beyond [`crate::crud`]: a parent's
//! children, filtered lists of tickets and customers, and transactions that return the crate's
//! [`Error`].
//!
//! Like the rest of the crate, every function takes `&mut PgConnection` (a pooled connection,
//! one inside the caller's transaction, a test database's), is written in Diesel's typed DSL,
//! and each list has a `*_query` twin that returns the query it runs, for
//! [`queries::explain`](crate::queries::explain).
//!
//! Every list here is ordered by the table's `id` and resumes after a cursor of that table
//! (the rows' own [`Keyed::cursor`](crate::cursor::Keyed::cursor), as for
//! [`Crud::list`](crate::crud::Crud::list)), so each works with
//! [`Paged::load`](crate::crud::Paged::load):
//!
//! | list | filter | index it is served by (schema v2) |
//! |---|---|---|
//! | [`OnboardingMilestone::list_for_plan`] | `plan_id = $1` | `ix_onboarding_milestones_plan_status (plan_id, status)` |
//! | [`TicketComment::list_for_ticket`] | `ticket_id = $1` | `ix_ticket_comments_ticket_created (ticket_id, created_at)` |
//! | [`TrainingCompletion::list_for_module`] | `module_id = $1` | `ix_training_completions_module_completed (module_id, completed_at)`; for a module with many completions, the primary key in `id` order |
//! | [`SupportTicket::list_filtered`] | `client_id = $1`, status / priority / category | `ix_support_tickets_client_keyset (client_id, id)` |
//! | [`Customer::search`] | tier, status, stage, CSM, renewal window, name | see [`CustomerFilter`] |
//!
//! A parent that does not exist has no children: the children lists return an empty list for
//! an unknown parent key (one statement, no lookup of the parent first), as
//! [`ByClient::list_by_client`](crate::crud::ByClient::list_by_client) does for an unknown
//! customer. Use [`ByKey::find_by_key`](crate::crud::ByKey::find_by_key) on the parent when the
//! difference matters.
//!
//! ```no_run
//! use customer_success_db::crud::{Page, Paged};
//! use customer_success_db::models::SupportTicket;
//! use customer_success_db::ops::TicketFilter;
//! use customer_success_db::types::{TicketPriority, TicketStatus};
//! # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
//! let urgent_open = TicketFilter {
//!     status: vec![TicketStatus::Open, TicketStatus::InProgress],
//!     priority: vec![TicketPriority::P1],
//!     ..Default::default()
//! };
//! let page = Page::first(20);
//! let tickets = Paged::load(page, |p| SupportTicket::list_filtered(conn, "acme", &urgent_open, p))?;
//! # let _ = tickets;
//! # Ok(()) }
//! ```

use chrono::NaiveDate;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{QueryFragment, QueryId};
use diesel::query_dsl::methods::LoadQuery;
use diesel::sql_types::BigInt;
use diesel::IntoSql;
use serde::{Deserialize, Serialize};

use crate::crud::PageRequest;
use crate::cursor::{resume, row_gt};
use crate::error::{Error, Result};
use crate::input::{ColumnValue, Rule};
use crate::models::{
    Customer, OnboardingMilestone, SupportTicket, TicketComment, TrainingCompletion,
};
use crate::schema::{
    customers, onboarding_milestones, support_tickets, ticket_comments, training_completions,
};
use crate::types::{
    CustomerStatus, CustomerTier, LifecycleStage, TicketCategory, TicketPriority, TicketStatus,
    ValidationError, ValidationErrorKind,
};

// ---------------------------------------------------------------------------------------------
// Transactions.
// ---------------------------------------------------------------------------------------------

/// Runs `f` in a transaction and returns its result: committed when `f` returns `Ok`, rolled
/// back when it returns `Err` (or panics). Inside a transaction the caller already opened, it
/// is a savepoint, so it nests.
///
/// The same as Diesel's `conn.transaction(f)`, with the error type fixed to the crate's
/// [`Error`], so a closure that ends in `Ok(x)` needs no type annotation:
///
/// ```no_run
/// use customer_success_db::crud::{ByKey, Crud};
/// use customer_success_db::models::{Customer, CustomerChanges};
/// use customer_success_db::types::CustomerTier;
/// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
/// let id = customer_success_db::transaction(conn, |conn| {
///     let acme = Customer::get_by_key(conn, "acme")?;
///     let changes = CustomerChanges { tier: Some(CustomerTier::Enterprise), ..Default::default() };
///     Customer::update(conn, acme.id, &changes)?;
///     Ok(acme.id)
/// })?;
/// # let _ = id;
/// # Ok(()) }
/// ```
pub fn transaction<T, F>(conn: &mut PgConnection, f: F) -> Result<T>
where
    F: FnOnce(&mut PgConnection) -> Result<T>,
{
    conn.transaction(f)
}

/// The attempts [`serializable_transaction`] makes when given `None`.
pub const DEFAULT_TRANSACTION_ATTEMPTS: u32 = 3;

/// Runs `f` in a `SERIALIZABLE` transaction, and runs it again (from the start, in a new
/// transaction) when the transaction fails in a way worth a retry: a serialization failure
/// (SQLSTATE 40001), a deadlock (40P01), or a `statement_timeout` / `lock_timeout` — the
/// errors for which
/// [`Error::is_transient`] is true, except a lost connection, which a retry on the same
/// connection cannot cure. At most `attempts` runs in all (`None`:
/// [`DEFAULT_TRANSACTION_ATTEMPTS`]; `Some(0)` is treated as 1); the last error is returned
/// when every attempt failed. `f` may run more than once, so it must not have effects outside
/// the database that a rolled-back attempt would leave behind.
///
/// `SERIALIZABLE` makes PostgreSQL refuse to commit a transaction whose reads another
/// concurrent transaction invalidated, instead of letting it commit an anomaly; retrying is
/// the documented answer.
///
/// # Errors
/// The error of the last attempt; `f`'s own errors that are not worth a retry (a
/// [`Error::NotFound`], a constraint violation, …) at once. Called on a connection that is
/// already inside a transaction, it cannot begin a new one (PostgreSQL sets the isolation
/// level at the start of the outermost transaction, and a failed serializable transaction
/// must be rolled back as a whole): that is an [`Error::Database`] (Diesel's
/// `AlreadyInTransaction`) and `f` is not run.
pub fn serializable_transaction<T, F>(
    conn: &mut PgConnection,
    attempts: Option<u32>,
    mut f: F,
) -> Result<T>
where
    F: FnMut(&mut PgConnection) -> Result<T>,
{
    let attempts = attempts.unwrap_or(DEFAULT_TRANSACTION_ATTEMPTS).max(1);
    let mut attempt = 1;
    loop {
        match conn.build_transaction().serializable().run(&mut f) {
            Ok(value) => return Ok(value),
            Err(e) if attempt < attempts && worth_retrying(&e) => {
                log::debug!("serializable transaction: attempt {attempt} of {attempts} failed ({e}); retrying");
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Whether a transaction that failed with `e` may succeed when run again on the same
/// connection.
fn worth_retrying(e: &Error) -> bool {
    e.is_transient() && !e.is_connection_error()
}

// ---------------------------------------------------------------------------------------------
// Children of a parent.
// ---------------------------------------------------------------------------------------------

/// An inherent `list_for_<parent>` and its `*_query` twin for a child table whose rows name
/// their parent by its business key.
macro_rules! children {
    ($row:ident, $table:ident, $fk:ident, $list:ident, $query:ident, $parent:literal, $served:literal) => {
        impl $row {
            #[doc = concat!("The rows of `", stringify!($table), "` whose `", stringify!($fk), "` is `",
                stringify!($fk), "` (the children of one ", $parent, "), ordered by `id` (the order they were added).")]
            ///
            /// With a cursor ([`Page::after`](crate::crud::Page::after), a row's
            /// [`Keyed::cursor`](crate::cursor::Keyed::cursor), [`Paged`](crate::crud::Paged))
            /// the list resumes after that row. A parent key that does not exist is an empty
            /// list, not an error (see the [module docs](crate::ops)).
            ///
            #[doc = $served]
            pub fn $list(
                conn: &mut PgConnection,
                $fk: &str,
                page: impl Into<PageRequest>,
            ) -> Result<Vec<Self>> {
                Ok(Self::$query($fk.to_owned(), page).load(conn)?)
            }

            #[doc = concat!("The query [`", stringify!($row), "::", stringify!($list),
                "`] runs, e.g. for [`queries::explain`](crate::queries::explain).")]
            pub fn $query(
                $fk: String,
                page: impl Into<PageRequest>,
            ) -> impl LoadQuery<'static, PgConnection, Self> + QueryFragment<Pg> + QueryId {
                let (limit, offset, after) = page.into().resolve();
                let ((after_id,), refused) =
                    resume(after.as_ref(), stringify!($table), (i64::MIN,));
                $table::table
                    .filter($table::$fk.eq($fk))
                    .filter(
                        row_gt(($table::id,), (after_id.into_sql::<BigInt>(),)).refusing(refused),
                    )
                    .select(<$row>::as_select())
                    .order($table::id.asc())
                    .limit(limit)
                    .offset(offset)
            }
        }
    };
}

children!(
    OnboardingMilestone,
    onboarding_milestones,
    plan_id,
    list_for_plan,
    list_for_plan_query,
    "onboarding plan",
    "Served by `ix_onboarding_milestones_plan_status (plan_id, status)`: the plan's few \
     milestones, sorted by `id`."
);
children!(
    TicketComment,
    ticket_comments,
    ticket_id,
    list_for_ticket,
    list_for_ticket_query,
    "support ticket",
    "Served by `ix_ticket_comments_ticket_created (ticket_id, created_at)`: the ticket's \
     comments, sorted by `id`."
);
children!(
    TrainingCompletion,
    training_completions,
    module_id,
    list_for_module,
    list_for_module_query,
    "training module",
    "Served by `ix_training_completions_module_completed (module_id, completed_at)` when the \
     module has few completions. A popular module can have thousands; PostgreSQL then walks \
     the primary key in `id` order from the cursor and stops after one page, which is cheaper \
     than sorting them all (`tests/ops.rs` pins both plans)."
);

// ---------------------------------------------------------------------------------------------
// Filters.
// ---------------------------------------------------------------------------------------------

/// Which of a customer's tickets [`SupportTicket::list_filtered`] returns. Each list is a set
/// of accepted values; an empty list accepts any value. The conditions combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TicketFilter {
    /// Ticket statuses to include (empty: any).
    pub status: Vec<TicketStatus>,
    /// Priorities to include (empty: any).
    pub priority: Vec<TicketPriority>,
    /// Categories to include (empty: any).
    pub category: Vec<TicketCategory>,
}

impl SupportTicket {
    /// The customer's tickets that pass `filter`, ordered by `id` (the order they were
    /// opened). With a cursor ([`Page::after`](crate::crud::Page::after), a ticket's
    /// [`Keyed::cursor`](crate::cursor::Keyed::cursor)) the list resumes after that ticket;
    /// its cursors are those of [`Crud::list`](crate::crud::Crud::list) and `list_by_client`.
    ///
    /// One range of `ix_support_tickets_client_keyset (client_id, id)`: the customer's tickets
    /// in `id` order, from the cursor on, with the status / priority / category conditions
    /// checked on each (a customer has few tickets next to the whole table). An unknown
    /// customer has no tickets (an empty list).
    pub fn list_filtered(
        conn: &mut PgConnection,
        client_id: &str,
        filter: &TicketFilter,
        page: impl Into<PageRequest>,
    ) -> Result<Vec<Self>> {
        Ok(Self::list_filtered_query(client_id.to_owned(), filter, page).load(conn)?)
    }

    /// The query [`SupportTicket::list_filtered`] runs (a boxed query: its SQL depends on
    /// which conditions `filter` has), e.g. for [`queries::explain`](crate::queries::explain).
    pub fn list_filtered_query(
        client_id: String,
        filter: &TicketFilter,
        page: impl Into<PageRequest>,
    ) -> impl LoadQuery<'static, PgConnection, Self> + QueryFragment<Pg> + QueryId {
        let (limit, offset, after) = page.into().resolve();
        let ((after_id,), refused) = resume(after.as_ref(), "support_tickets", (i64::MIN,));
        // One value is `col = $1`, which an index can return in order; several are
        // `col = ANY($1)`, one array parameter however many values the caller lists.
        let mut query = support_tickets::table
            .filter(support_tickets::client_id.eq(client_id))
            .select(SupportTicket::as_select())
            .into_boxed::<Pg>();
        query = match filter.status.as_slice() {
            [] => query,
            [one] => query.filter(support_tickets::status.eq(*one)),
            many => query.filter(support_tickets::status.eq_any(many.to_vec())),
        };
        query = match filter.priority.as_slice() {
            [] => query,
            [one] => query.filter(support_tickets::priority.eq(*one)),
            many => query.filter(support_tickets::priority.eq_any(many.to_vec())),
        };
        query = match filter.category.as_slice() {
            [] => query,
            [one] => query.filter(support_tickets::category.eq(*one)),
            many => query.filter(support_tickets::category.eq_any(many.to_vec())),
        };
        query
            .filter(
                row_gt((support_tickets::id,), (after_id.into_sql::<BigInt>(),)).refusing(refused),
            )
            .order(support_tickets::id.asc())
            .limit(limit)
            .offset(offset)
    }
}

/// Which customers [`Customer::search`] returns. Every condition is optional (an empty list or
/// `None` accepts any value); they combine with AND.
///
/// The index each condition lets PostgreSQL use. The planner picks by the statistics: a
/// condition many customers meet (the busiest CSM's hundreds, the 80% who are active) is read
/// faster from the primary key in `id` order, stopping after one page, than from its own index
/// and then sorted; `tests/ops.rs` pins both plans on 5,000 demo customers.
///
/// | condition | index when few customers match |
/// |---|---|
/// | `csm_assigned` (with or without `lifecycle_stage`) | `ix_customers_csm_stage (csm_assigned, lifecycle_stage, id)` |
/// | `status` | `ix_customers_csm_workload (status, csm_assigned)` or `ix_customers_health_dashboard (status, health_score, id)` (both lead with `status`) |
/// | `tier` | `ix_customers_tier (tier)` |
/// | `lifecycle_stage` | `ix_customers_lifecycle_stage (lifecycle_stage)` |
/// | `renewal_from` / `renewal_to` | `ix_customers_renewal_date (renewal_date)` |
/// | `name_contains` | none: a substring match reads every customer (a trigram index would serve it; the schema has none) |
/// | none, or a condition most customers meet | the primary key, in `id` order |
///
/// One value in a list is sent as `col = $1`, several as `col = ANY($1)` (one array
/// parameter, however many values).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomerFilter {
    /// Tiers to include (empty: any).
    pub tier: Vec<CustomerTier>,
    /// Statuses to include (empty: any).
    pub status: Vec<CustomerStatus>,
    /// Lifecycle stages to include (empty: any).
    pub lifecycle_stage: Vec<LifecycleStage>,
    /// Only the customers of this CSM (`csm_assigned`, exact match).
    pub csm_assigned: Option<String>,
    /// Only customers renewing on or after this day (`renewal_date >= renewal_from`; customers
    /// without a renewal date never match a renewal window).
    pub renewal_from: Option<NaiveDate>,
    /// Only customers renewing on or before this day (`renewal_date <= renewal_to`).
    pub renewal_to: Option<NaiveDate>,
    /// Only customers whose `client_name` or `company_name` contains this text, ignoring case
    /// (`ILIKE`). The text is matched literally: `%`, `_` and `\` in it are not wildcards.
    pub name_contains: Option<String>,
}

/// The longest `name_contains` [`Customer::search`] accepts: the longest name it could match
/// (`client_name` and `company_name` are `varchar(200)`).
pub const MAX_NAME_SEARCH_CHARS: usize = 200;

impl CustomerFilter {
    /// Checks the filter as [`Customer::search`] does before sending anything.
    ///
    /// # Errors
    /// [`Error::Validation`] for an inverted renewal window (`renewal_from` after
    /// `renewal_to`); [`Error::InvalidData`] for a `csm_assigned` longer than its column or a
    /// `name_contains` longer than [`MAX_NAME_SEARCH_CHARS`], or a date PostgreSQL cannot store.
    pub fn validate(&self) -> Result<()> {
        if let (Some(from), Some(to)) = (self.renewal_from, self.renewal_to) {
            if from > to {
                return Err(ValidationError::new(
                    "renewal_from",
                    from,
                    "a day on or before renewal_to",
                    ValidationErrorKind::OutOfRange,
                )
                .into());
            }
        }
        // The column checks of every insert and update: the same limits, the same messages.
        self.csm_assigned
            .check_value("CustomerFilter.csm_assigned", Rule::MaxChars(200))?;
        self.renewal_from
            .check_value("CustomerFilter.renewal_from", Rule::Date)?;
        self.renewal_to
            .check_value("CustomerFilter.renewal_to", Rule::Date)?;
        self.name_contains.check_value(
            "CustomerFilter.name_contains",
            Rule::MaxChars(MAX_NAME_SEARCH_CHARS),
        )?;
        Ok(())
    }
}

/// `text` as a LIKE pattern that matches it literally anywhere: `%text%` with PostgreSQL's
/// default escape character, `\`, before every `\`, `%` and `_` of the text.
pub fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Customer {
    /// The customers that pass `filter`, ordered by `id`. With a cursor
    /// ([`Page::after`](crate::crud::Page::after), a customer's
    /// [`Keyed::cursor`](crate::cursor::Keyed::cursor)) the list resumes after that customer;
    /// its cursors are those of [`Crud::list`](crate::crud::Crud::list). Which index each
    /// condition can use: [`CustomerFilter`].
    ///
    /// ```no_run
    /// use customer_success_db::crud::Page;
    /// use customer_success_db::models::Customer;
    /// use customer_success_db::ops::CustomerFilter;
    /// use customer_success_db::types::CustomerStatus;
    /// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
    /// let today = chrono::Utc::now().date_naive();
    /// let renewing = CustomerFilter {
    ///     status: vec![CustomerStatus::Active],
    ///     renewal_from: Some(today),
    ///     renewal_to: Some(today + chrono::Days::new(90)),
    ///     name_contains: Some("acme".into()),
    ///     ..Default::default()
    /// };
    /// for c in Customer::search(conn, &renewing, Page::first(50))? {
    ///     println!("{} renews {:?}", c.client_name, c.renewal_date);
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// Those of [`CustomerFilter::validate`], before anything is sent;
    /// [`Error::InvalidCursor`] for a cursor of another list.
    pub fn search(
        conn: &mut PgConnection,
        filter: &CustomerFilter,
        page: impl Into<PageRequest>,
    ) -> Result<Vec<Self>> {
        Ok(Self::search_query(filter, page)?.load(conn)?)
    }

    /// The query [`Customer::search`] runs (a boxed query: its SQL depends on which conditions
    /// `filter` has), e.g. for [`queries::explain`](crate::queries::explain).
    ///
    /// # Errors
    /// Those of [`CustomerFilter::validate`].
    pub fn search_query(
        filter: &CustomerFilter,
        page: impl Into<PageRequest>,
    ) -> Result<impl LoadQuery<'static, PgConnection, Self> + QueryFragment<Pg> + QueryId> {
        filter.validate()?;
        let (limit, offset, after) = page.into().resolve();
        let ((after_id,), refused) = resume(after.as_ref(), "customers", (i64::MIN,));
        // As in `list_filtered_query`: one value is `col = $1` (an index can return it in
        // order), several `col = ANY($1)`.
        let mut query = customers::table
            .select(Customer::as_select())
            .into_boxed::<Pg>();
        query = match filter.tier.as_slice() {
            [] => query,
            [one] => query.filter(customers::tier.eq(*one)),
            many => query.filter(customers::tier.eq_any(many.to_vec())),
        };
        query = match filter.status.as_slice() {
            [] => query,
            [one] => query.filter(customers::status.eq(*one)),
            many => query.filter(customers::status.eq_any(many.to_vec())),
        };
        query = match filter.lifecycle_stage.as_slice() {
            [] => query,
            [one] => query.filter(customers::lifecycle_stage.eq(*one)),
            many => query.filter(customers::lifecycle_stage.eq_any(many.to_vec())),
        };
        if let Some(csm) = &filter.csm_assigned {
            query = query.filter(customers::csm_assigned.eq(csm.clone()));
        }
        if let Some(from) = filter.renewal_from {
            query = query.filter(customers::renewal_date.ge(from));
        }
        if let Some(to) = filter.renewal_to {
            query = query.filter(customers::renewal_date.le(to));
        }
        if let Some(text) = &filter.name_contains {
            let pattern = contains_pattern(text);
            query = query.filter(
                customers::client_name
                    .ilike(pattern.clone())
                    .or(customers::company_name.ilike(pattern)),
            );
        }
        Ok(query
            .filter(row_gt((customers::id,), (after_id.into_sql::<BigInt>(),)).refusing(refused))
            .order(customers::id.asc())
            .limit(limit)
            .offset(offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_pattern_escapes_wildcards() {
        assert_eq!(contains_pattern("acme"), "%acme%");
        assert_eq!(contains_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(contains_pattern(""), "%%");
    }

    #[test]
    fn an_inverted_window_and_oversize_text_are_refused() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let inverted = CustomerFilter {
            renewal_from: Some(day(2)),
            renewal_to: Some(day(1)),
            ..Default::default()
        };
        assert!(matches!(inverted.validate(), Err(Error::Validation(_))));
        let one_day = CustomerFilter {
            renewal_from: Some(day(1)),
            renewal_to: Some(day(1)),
            ..Default::default()
        };
        assert!(one_day.validate().is_ok());
        let long = CustomerFilter {
            name_contains: Some("é".repeat(MAX_NAME_SEARCH_CHARS + 1)),
            ..Default::default()
        };
        let e = long.validate().unwrap_err();
        assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
        assert!(e.to_string().contains("name_contains"), "{e}");
        let fits = CustomerFilter {
            name_contains: Some("é".repeat(MAX_NAME_SEARCH_CHARS)),
            ..Default::default()
        };
        assert!(fits.validate().is_ok());
    }
}
