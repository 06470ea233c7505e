//! One CRUD surface for all 24 tables.
//!
//! [`Crud`] is implemented for every row struct by one macro, so `Customer::get`,
//! `SupportTicket::create_many` and `HealthMetric::list_by_client` behave the same way and map
//! errors the same way. Tables with a business key (`client_id`, `ticket_id`, ...) also get
//! [`ByKey`] (including `update_by_key`, one statement); tables with a `client_id` column get
//! [`ByClient`]; a customer's histories (health scores, churn predictions, renewal forecasts)
//! get [`Latest`]. [`ForClient`] and [`ByClientKey`] read and write one customer's row by
//! `(client_id, id)` and `(client_id, business key)`.
//!
//! ```no_run
//! use customer_success_db::models::{Customer, CustomerChanges, NewCustomer};
//! use customer_success_db::crud::{ByKey, Crud};
//! use customer_success_db::types::CustomerTier;
//! # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
//! let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
//! let acme = Customer::create(conn, &NewCustomer::new("acme", "Acme", "Acme Corp", start))?;
//! let changes = CustomerChanges { tier: Some(CustomerTier::Enterprise), ..Default::default() };
//! let acme = Customer::update(conn, acme.id, &changes)?;
//! assert_eq!(Customer::get_by_key(conn, "acme")?.tier, CustomerTier::Enterprise);
//! // Or by business key, without looking the id up first:
//! let acme = Customer::update_by_key(conn, "acme", &changes)?;
//! # Ok(()) }
//! ```
//!
//! # What each call costs on a Citus cluster
//!
//! On a database distributed by customer ([`crate::distribute`]; SCALING.md has the plan and
//! the measurements), a statement that names its customer (`WHERE client_id = $1 AND …`) is a
//! *router* query: the coordinator sends it as one task to the one worker that holds the
//! customer's shard, and a write is an ordinary single-shard transaction there. A statement
//! without `client_id` *fans out*: one task per shard of the table (`citus.shard_count`, 32 by
//! default; the test cluster has 4), run in parallel, one round trip per shard, on every
//! worker; a write runs on every shard and commits on every worker it reached (two-phase commit),
//! so it is never a single-shard transaction.
//!
//! | by `id` or business key alone: fans out | with the customer: router (1 task) |
//! |---|---|
//! | [`Crud::get`], [`Crud::update`], [`Crud::delete`] | [`ForClient::get_for_client`], [`ForClient::find_for_client`], [`ForClient::update_for_client`], [`ForClient::delete_for_client`] |
//! | [`ByKey::get_by_key`], [`ByKey::find_by_key`] | [`ByClientKey::get_by_client_key`], [`ByClientKey::find_by_client_key`] |
//! | [`ByKey::update_by_key`], [`ByKey::delete_by_key`] (a fan-out read of the key's customer, then a router write) | [`ByClientKey::update_by_client_key`], [`ByClientKey::delete_by_client_key`] |
//!
//! Already router queries: [`ByClient::list_by_client`], [`Latest::latest_for_client`],
//! [`Crud::create`] and [`ByKey::upsert_by_key`] (the row carries its `client_id`), and every
//! `ByKey` method of `Customer` (its business key is `client_id` itself). The catalogue tables
//! without `client_id` are reference tables: a read runs on one node, a write on every copy.
//!
//! Measured on the test cluster (coordinator and 2 workers on one shared 2-core machine, 4
//! shards, release build, 1000 calls each on 1000 tickets of 200 customers): `get` 2.9 ms,
//! `get_for_client` 0.97 ms; `get_by_key` 2.8 ms, `get_by_client_key` 0.92 ms; `update`
//! 3.9 ms, `update_for_client` 1.3 ms. With 32 shards the fan-out costs grow; the router
//! ones do not.
//!
//! On a single server the two forms cost the same: the tables' keys are `(id, client_id)` and
//! `(business key, client_id)` (or the other way round), so one unique index serves `id = $1`
//! and `id = $1 AND client_id = $2` alike: the same index lookup, one bind parameter more
//! (measured, release build, 9000 calls of each on 5000 tickets: median `get` 25.8 µs,
//! `get_for_client` 26.7 µs; `get_by_key` 25.8 µs, `get_by_client_key` 26.1 µs).
//!
//! A business key is unique per customer only (a key that every node can check must include
//! the distribution column), so two customers may both have a ticket `T-1`. The `ByKey` methods
//! of tables with `client_id` then refuse to choose: [`crate::Error::AmbiguousKey`], nothing
//! read or changed.

use diesel::pg::Pg;
use diesel::query_builder::{QueryFragment, QueryId};
use diesel::query_dsl::methods::LoadQuery;
use diesel::PgConnection;
use serde::{Deserialize, Serialize};

pub use crate::cursor::{Cursor, Keyed};
use crate::error::Result;

/// PostgreSQL accepts at most 65 535 bind parameters per statement.
pub const MAX_BIND_PARAMS: usize = 65_535;

/// The largest page [`Page`] allows, so a caller's typo cannot load a whole table.
pub const MAX_PAGE_SIZE: i64 = 10_000;

/// Rows per INSERT statement for a table with `columns` columns, under the bind-parameter limit.
pub const fn chunk_size(columns: usize) -> usize {
    let n = MAX_BIND_PARAMS / if columns == 0 { 1 } else { columns };
    if n == 0 {
        1
    } else {
        n
    }
}

/// Limit and offset of a list query. `limit` is clamped to `1..=MAX_PAGE_SIZE`, `offset` to `>= 0`.
///
/// For keyset paging (page 500 as cheap as page 1) resume after a [`Cursor`] with
/// [`Page::after`], which gives a [`PageRequest`]; every list function takes either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Maximum rows to return.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: i64) -> Self {
        Page { limit, offset: 0 }
    }

    /// `limit` rows after skipping `offset`.
    pub fn new(limit: i64, offset: i64) -> Self {
        Page { limit, offset }
    }

    /// The page after this one.
    pub fn next(self) -> Self {
        Page {
            limit: self.limit,
            offset: self.offset.saturating_add(self.limit),
        }
    }

    /// This page, resumed after `cursor` (the [`Keyed::cursor`] of the last row seen, or
    /// [`Paged::next`]): the list continues with the rows whose key follows the cursor's, and
    /// the offset, if any, counts from there. `None` means "from the start".
    ///
    /// The list checks the cursor when it runs: one from another list, or one whose key does
    /// not fit, is an [`Error::InvalidCursor`](crate::Error::InvalidCursor).
    pub fn after(self, cursor: impl Into<Option<Cursor>>) -> PageRequest {
        PageRequest {
            limit: self.limit,
            offset: self.offset,
            after: cursor.into(),
            probe: false,
        }
    }

    pub(crate) fn clamped(self) -> (i64, i64) {
        (self.limit.clamp(1, MAX_PAGE_SIZE), self.offset.max(0))
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::first(100)
    }
}

/// Which rows of a list to return: a [`Page`] (limit and offset), optionally resumed after a
/// [`Cursor`]. Every dashboard of [`crate::queries`] and every `list*` of [`Crud`] takes
/// `impl Into<PageRequest>`, so a plain [`Page`] still works.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageRequest {
    limit: i64,
    offset: i64,
    #[serde(default)]
    after: Option<Cursor>,
    // Fetch one row more than `limit`, so that `Paged` knows whether there is more.
    #[serde(skip)]
    probe: bool,
}

impl From<Page> for PageRequest {
    fn from(page: Page) -> Self {
        page.after(None)
    }
}

impl PageRequest {
    /// Maximum rows to return (clamped to `1..=MAX_PAGE_SIZE` when run).
    pub fn limit(&self) -> i64 {
        self.limit
    }

    /// Rows to skip (after the cursor, if there is one).
    pub fn offset(&self) -> i64 {
        self.offset
    }

    /// The cursor the page resumes after, if any.
    pub fn cursor(&self) -> Option<&Cursor> {
        self.after.as_ref()
    }

    /// Limit (plus one when probing for more), offset and cursor, as the queries use them.
    pub(crate) fn resolve(self) -> (i64, i64, Option<Cursor>) {
        let (limit, offset) = Page::new(self.limit, self.offset).clamped();
        (limit + i64::from(self.probe), offset, self.after)
    }
}

/// A page of rows with what a caller needs to ask for the next one: [`Paged::load`] fetches
/// one row more than the limit, so `has_more` costs no count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paged<T> {
    /// The rows of this page, in the list's order.
    pub rows: Vec<T>,
    /// The cursor after the last row, when there are more rows (`None` at the end).
    pub next: Option<Cursor>,
    /// Whether rows follow this page.
    pub has_more: bool,
}

impl<T: Keyed> Paged<T> {
    /// Runs `load` (one of the crate's list or dashboard functions, given the page it is
    /// passed) for one more row than `page`'s limit, and returns the page with its next cursor.
    ///
    /// ```no_run
    /// use customer_success_db::crud::{ByClient, Page, Paged};
    /// use customer_success_db::models::SupportTicket;
    /// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
    /// let page = Page::first(20);
    /// let tickets = Paged::load(page, |p| SupportTicket::list_by_client(conn, "acme", p))?;
    /// if let Some(next) = &tickets.next {
    ///     let more = SupportTicket::list_by_client(conn, "acme", page.after(next.clone()))?;
    /// #   let _ = more;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn load(
        page: impl Into<PageRequest>,
        load: impl FnOnce(PageRequest) -> Result<Vec<T>>,
    ) -> Result<Paged<T>> {
        let mut page = page.into();
        let limit = usize::try_from(page.limit.clamp(1, MAX_PAGE_SIZE)).unwrap_or(1);
        page.probe = true;
        let mut rows = load(page)?;
        let has_more = rows.len() > limit;
        rows.truncate(limit);
        let next = if has_more {
            rows.last().map(Keyed::cursor)
        } else {
            None
        };
        Ok(Paged {
            rows,
            next,
            has_more,
        })
    }

    /// The request for the page after this one: `page`'s limit, after [`Paged::next`];
    /// `None` at the end of the list.
    pub fn next_page(&self, page: &PageRequest) -> Option<PageRequest> {
        self.next.clone().map(|cursor| PageRequest {
            limit: page.limit,
            offset: 0,
            after: Some(cursor),
            probe: false,
        })
    }
}

/// Create, read, update, delete and list rows of one table.
pub trait Crud: Sized + Keyed {
    /// The insert struct (`NewFoo`).
    type New;
    /// The changeset struct (`FooChanges`).
    type Changes;
    /// The table's SQL name.
    const TABLE: &'static str;
    /// Number of columns of the table (for chunking bulk inserts).
    const COLUMNS: usize;

    /// Inserts one row and returns it as stored (with defaults filled in). The rules that span
    /// columns ([`Validate`](crate::models::Validate)) are checked first: a row that breaks
    /// one is an [`Error::Validation`](crate::Error::Validation) and is never sent.
    fn create(conn: &mut PgConnection, new: &Self::New) -> Result<Self>;

    /// Inserts many rows in as few statements as the bind-parameter limit allows, in one
    /// transaction (all or nothing), and returns them as stored, in input order.
    fn create_many(conn: &mut PgConnection, new: &[Self::New]) -> Result<Vec<Self>>;

    /// Like [`Crud::create_many`] without reading the rows back: returns how many were inserted.
    fn insert_many(conn: &mut PgConnection, new: &[Self::New]) -> Result<usize>;

    /// The row with this `id`, or [`crate::Error::NotFound`].
    ///
    /// On Citus this fans out: one task per shard, on every worker ([costs](self#what-each-call-costs-on-a-citus-cluster)).
    /// With the row's customer, [`ForClient::get_for_client`] is one task on one worker.
    fn get(conn: &mut PgConnection, id: i64) -> Result<Self>;

    /// Applies `changes` to the row with this `id` and returns the updated row. An empty
    /// changeset changes nothing and returns the row as it is.
    ///
    /// On Citus this fans out: a multi-shard `UPDATE`, one task per shard, committed on every
    /// worker ([costs](self#what-each-call-costs-on-a-citus-cluster)). With the row's customer,
    /// [`ForClient::update_for_client`] is one task on one worker.
    fn update(conn: &mut PgConnection, id: i64, changes: &Self::Changes) -> Result<Self>;

    /// Deletes the row with this `id` (and, through ON DELETE CASCADE, its children).
    /// Returns whether a row was deleted.
    ///
    /// On Citus this fans out: a multi-shard `DELETE`, one task per shard, committed on every
    /// worker ([costs](self#what-each-call-costs-on-a-citus-cluster)). With the row's customer,
    /// [`ForClient::delete_for_client`] is one task on one worker.
    fn delete(conn: &mut PgConnection, id: i64) -> Result<bool>;

    /// Rows ordered by `id`. With a cursor ([`Page::after`], [`Keyed::cursor`] of a row of
    /// this table) the list resumes after that row's `id` (`WHERE id > $1`, one range of the
    /// primary key).
    fn list(conn: &mut PgConnection, page: impl Into<PageRequest>) -> Result<Vec<Self>>;

    /// The query [`Crud::list`] runs, e.g. for [`crate::queries::explain`].
    fn list_query(
        page: impl Into<PageRequest>,
    ) -> impl LoadQuery<'static, PgConnection, Self> + QueryFragment<Pg> + QueryId;

    /// Number of rows in the table.
    fn count(conn: &mut PgConnection) -> Result<i64>;
}

/// Lookup by the table's unique business key (`client_id`, `ticket_id`, `plan_id`, ...).
///
/// On a table with `client_id` a business key is unique per customer only: these methods read
/// at most two rows and refuse a key that two customers use ([`crate::Error::AmbiguousKey`]),
/// and on Citus they fan out to every shard ([costs](self#what-each-call-costs-on-a-citus-cluster)).
/// [`ByClientKey`] names the customer: one task on one worker.
pub trait ByKey: Crud {
    /// The row whose business key is `key`, or [`crate::Error::NotFound`].
    ///
    /// # Errors
    /// [`crate::Error::NotFound`]; [`crate::Error::AmbiguousKey`] when rows of two customers
    /// have this key (see [`ByClientKey::get_by_client_key`]).
    fn get_by_key(conn: &mut PgConnection, key: &str) -> Result<Self>;
    /// The row whose business key is `key`, or `None`.
    ///
    /// # Errors
    /// [`crate::Error::AmbiguousKey`] when rows of two customers have this key (see
    /// [`ByClientKey::find_by_client_key`]).
    fn find_by_key(conn: &mut PgConnection, key: &str) -> Result<Option<Self>>;
    /// Deletes the row whose business key is `key`; returns whether one was deleted.
    ///
    /// On a table with `client_id` (other than `customers`), two statements: which customer's
    /// row has the key (at most two rows read, a fan-out on Citus), then
    /// [`ByClientKey::delete_by_client_key`] (a router query). [`ByClientKey::delete_by_client_key`]
    /// alone is one statement.
    ///
    /// # Errors
    /// [`crate::Error::AmbiguousKey`] when rows of two customers have this key: nothing is
    /// deleted.
    fn delete_by_key(conn: &mut PgConnection, key: &str) -> Result<bool>;
    /// Applies `changes` to the row whose business key is `key` and returns it as stored.
    /// An empty changeset changes nothing and returns the row as it is.
    ///
    /// On a table without `client_id`, and on `customers`, one statement (`UPDATE … WHERE key =
    /// $1 RETURNING *`: no lookup of its `id` first). On the others two: which customer's row
    /// has the key (at most two rows read, a fan-out on Citus), then
    /// [`ByClientKey::update_by_client_key`] (one statement, a router query), which is the
    /// cheaper call when the customer is known.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when no row has that key; [`crate::Error::AmbiguousKey`]
    /// when rows of two customers have it (nothing is changed); the constraint errors of
    /// [`Crud::update`] otherwise.
    fn update_by_key(conn: &mut PgConnection, key: &str, changes: &Self::Changes) -> Result<Self>;

    /// Inserts `new`, or, when a row with its business key exists, makes that row what `new`
    /// describes; returns the row as stored. One statement (`INSERT … ON CONFLICT (key) DO
    /// UPDATE SET col = excluded.col, … RETURNING *`), so two callers upserting one key at
    /// the same time both succeed and leave one row (the later write wins).
    ///
    /// What an update keeps and what it replaces:
    /// - `id` and `created_at` are kept: the row is the same row, created when it was first
    ///   inserted (a `created_at` in `new` applies only when the row is inserted).
    /// - `updated_at` (on the tables that have it) is left to the table's trigger, which sets it
    ///   to the current time when the upsert changes the row, and leaves it alone when `new`
    ///   repeats the stored values.
    /// - Every other column is set from `new`, including the `None` ones: an optional field
    ///   left `None` resets the column to its database default (or NULL), exactly what
    ///   [`Crud::create`] would have stored. To change only some columns, use
    ///   [`ByKey::update_by_key`].
    ///
    /// The checks of [`Crud::create`] run first ([`CheckColumns`](crate::input::CheckColumns),
    /// [`Validate`](crate::models::Validate)): a row that breaks one is never sent.
    ///
    /// ```no_run
    /// use customer_success_db::crud::ByKey;
    /// use customer_success_db::models::{Customer, NewCustomer};
    /// use customer_success_db::types::CustomerTier;
    /// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
    /// let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    /// let new = NewCustomer { tier: Some(CustomerTier::Professional),
    ///     ..NewCustomer::new("acme", "Acme", "Acme Corp", start) };
    /// let first = Customer::upsert_by_key(conn, &new)?;   // inserted
    /// let again = Customer::upsert_by_key(conn, &new)?;   // updated in place
    /// assert_eq!((first.id, first.created_at), (again.id, again.created_at));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::Validation`] / [`crate::Error::InvalidData`] before sending; the
    /// constraint errors of [`Crud::create`] (e.g. [`crate::Error::ForeignKeyViolation`] for an
    /// unknown parent key).
    fn upsert_by_key(conn: &mut PgConnection, new: &Self::New) -> Result<Self>;

    /// [`ByKey::upsert_by_key`] for many rows, in as few statements as the bind-parameter
    /// limit allows, in one transaction (all or nothing); returns the rows as stored, in input
    /// order. A key given twice is an [`crate::Error::Validation`] (PostgreSQL cannot update
    /// one row twice in a statement), checked before anything is sent.
    fn upsert_many(conn: &mut PgConnection, new: &[Self::New]) -> Result<Vec<Self>>;
}

/// Refuses a batch in which a business key appears twice: PostgreSQL would refuse the
/// statement ("ON CONFLICT DO UPDATE command cannot affect row a second time") without naming
/// the key, and which of the two rows should win is the caller's decision.
pub(crate) fn refuse_duplicate_keys<'a>(
    field: &'static str,
    keys: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for key in keys {
        if !seen.insert(key) {
            return Err(crate::types::ValidationError::new(
                field,
                key,
                "each key once per call",
                crate::types::ValidationErrorKind::Duplicate,
            )
            .into());
        }
    }
    Ok(())
}

/// The newest row of a customer's history: its latest health score, churn prediction or renewal
/// forecast. Served by an index in exactly that order (`ix_health_scores_client_latest`,
/// `ix_churn_predictions_client_latest`; a customer's few forecasts are sorted), so it reads
/// one index entry, not the customer's whole history.
pub trait Latest: ByClient {
    /// The customer's newest row (by its time column, then `id`), or `None` when it has none.
    fn latest_for_client(conn: &mut PgConnection, client_id: &str) -> Result<Option<Self>>;
}

macro_rules! impl_latest {
    ($row:ty, $table:ident, $at:ident) => {
        impl Latest for $row {
            fn latest_for_client(conn: &mut PgConnection, client_id: &str) -> Result<Option<Self>> {
                use crate::schema::$table;
                use diesel::prelude::*;
                Ok($table::table
                    .filter($table::client_id.eq(client_id))
                    .order(($table::$at.desc(), $table::id.desc()))
                    .select(<$row>::as_select())
                    .first(conn)
                    .optional()?)
            }
        }
    };
}

// Newest by the time each row describes: when the score was computed, when the prediction was
// made, when the forecast was written.
impl_latest!(crate::models::HealthScoreRecord, health_scores, created_at);
impl_latest!(
    crate::models::ChurnPrediction,
    churn_predictions,
    prediction_date
);
impl_latest!(
    crate::models::RenewalForecast,
    renewal_forecasts,
    forecast_created_at
);

/// Listing by customer, for tables with a `client_id` column.
pub trait ByClient: Crud {
    /// The customer's rows, ordered by `id`. With a cursor ([`Page::after`]) the list resumes
    /// after that row (`WHERE client_id = $1 AND id > $2`: one range of a `(client_id, id)`
    /// index). Its cursors are those of [`Crud::list`] (the same key).
    fn list_by_client(
        conn: &mut PgConnection,
        client_id: &str,
        page: impl Into<PageRequest>,
    ) -> Result<Vec<Self>>;

    /// The query [`ByClient::list_by_client`] runs, e.g. for [`crate::queries::explain`].
    fn list_by_client_query(
        client_id: String,
        page: impl Into<PageRequest>,
    ) -> impl LoadQuery<'static, PgConnection, Self> + QueryFragment<Pg> + QueryId;
}

/// One customer's row by its `id`, for tables with a `client_id` column: the client-scoped
/// twins of [`Crud::get`], [`Crud::update`] and [`Crud::delete`].
///
/// On a Citus cluster each is a router query: one task on the worker that holds the customer's
/// shard (the unscoped ones fan out to every shard, see the
/// [costs](self#what-each-call-costs-on-a-citus-cluster)). On a single server they cost the
/// same as the unscoped ones (one unique index serves both). A row of another customer is not
/// found: the `id` must belong to `client_id`.
///
/// ```no_run
/// use customer_success_db::crud::{Crud, ForClient};
/// use customer_success_db::models::{SupportTicket, SupportTicketChanges};
/// # fn demo(conn: &mut diesel::PgConnection, id: i64) -> customer_success_db::Result<()> {
/// let ticket = SupportTicket::get_for_client(conn, "acme", id)?;
/// let changes = SupportTicketChanges { subject: Some("SSO fails".into()), ..Default::default() };
/// let ticket = SupportTicket::update_for_client(conn, "acme", ticket.id, &changes)?;
/// assert!(SupportTicket::delete_for_client(conn, "acme", ticket.id)?);
/// # Ok(()) }
/// ```
///
/// # Errors
/// Before anything is sent, a blank `client_id` is an [`crate::Error::Validation`] and one
/// longer than the column an [`crate::Error::InvalidData`] naming `table.client_id` (no
/// customer can have either); otherwise as the unscoped method.
pub trait ForClient: ByClient {
    /// The customer's row with this `id`, or [`crate::Error::NotFound`] (also when the row
    /// belongs to another customer).
    fn get_for_client(conn: &mut PgConnection, client_id: &str, id: i64) -> Result<Self>;

    /// The customer's row with this `id`, or `None` (also when the row belongs to another
    /// customer).
    fn find_for_client(conn: &mut PgConnection, client_id: &str, id: i64) -> Result<Option<Self>>;

    /// Applies `changes` to the customer's row with this `id` and returns it as stored (one
    /// statement, `UPDATE … WHERE client_id = $1 AND id = $2 RETURNING *`). An empty
    /// changeset changes nothing and returns the row as it is.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when the customer has no row with this `id`; the constraint
    /// errors of [`Crud::update`].
    fn update_for_client(
        conn: &mut PgConnection,
        client_id: &str,
        id: i64,
        changes: &Self::Changes,
    ) -> Result<Self>;

    /// Deletes the customer's row with this `id` (and, through ON DELETE CASCADE, its
    /// children); returns whether one was deleted (`false` also for another customer's row).
    fn delete_for_client(conn: &mut PgConnection, client_id: &str, id: i64) -> Result<bool>;
}

/// One customer's row by its business key (`ticket_id`, `contract_id`, …), for tables with both
/// a business key and a `client_id`: the client-scoped twins of [`ByKey`]'s methods.
///
/// A business key is unique per customer; with its customer it names exactly one row, so
/// these never return [`crate::Error::AmbiguousKey`]. On a Citus cluster each is a router query
/// (one task on one worker, see the [costs](self#what-each-call-costs-on-a-citus-cluster));
/// on a single server one lookup of the `(business key, client_id)` unique index, as cheap
/// as the unscoped read. `Customer` has no such methods: its business key is `client_id`, and
/// its [`ByKey`] methods are already router queries.
///
/// ```no_run
/// use customer_success_db::crud::ByClientKey;
/// use customer_success_db::models::{SupportTicket, SupportTicketChanges};
/// # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
/// let ticket = SupportTicket::get_by_client_key(conn, "acme", "T-1")?;
/// let changes = SupportTicketChanges { subject: Some("SSO fails".into()), ..Default::default() };
/// SupportTicket::update_by_client_key(conn, "acme", "T-1", &changes)?;
/// # Ok(()) }
/// ```
///
/// # Errors
/// As [`ForClient`]'s for the `client_id`; otherwise as the [`ByKey`] method.
pub trait ByClientKey: ByKey + ByClient {
    /// The customer's row with business key `key`, or [`crate::Error::NotFound`].
    fn get_by_client_key(conn: &mut PgConnection, client_id: &str, key: &str) -> Result<Self>;

    /// The customer's row with business key `key`, or `None`.
    fn find_by_client_key(
        conn: &mut PgConnection,
        client_id: &str,
        key: &str,
    ) -> Result<Option<Self>>;

    /// Applies `changes` to the customer's row with business key `key` and returns it as
    /// stored, in one statement (`UPDATE … WHERE client_id = $1 AND key = $2 RETURNING *`). An
    /// empty changeset changes nothing and returns the row as it is.
    ///
    /// # Errors
    /// [`crate::Error::NotFound`] when the customer has no row with that key; the constraint
    /// errors of [`Crud::update`].
    fn update_by_client_key(
        conn: &mut PgConnection,
        client_id: &str,
        key: &str,
        changes: &Self::Changes,
    ) -> Result<Self>;

    /// Deletes the customer's row with business key `key`; returns whether one was deleted.
    fn delete_by_client_key(conn: &mut PgConnection, client_id: &str, key: &str) -> Result<bool>;
}

/// Checks the `client_id` given to a [`ForClient`] or [`ByClientKey`] method before anything is
/// sent: blank (what `check_client_id_not_blank` forbids) is an [`crate::Error::Validation`],
/// longer than `column` holds an [`crate::Error::InvalidData`] naming it. No customer can have
/// either, so the caller has a bug to hear about rather than a row that is not there.
pub(crate) fn check_client_id(column: &'static str, client_id: &str) -> Result<()> {
    use crate::input::{ColumnValue, Rule, CHECKED_COLUMNS};
    if crate::models::is_blank_key(client_id) {
        return Err(crate::types::ValidationError::new(
            "client_id",
            crate::error::quote_value(client_id),
            "a key with at least one non-whitespace character",
            crate::types::ValidationErrorKind::OutOfRange,
        )
        .into());
    }
    // The widths by column, built once: a scan of the generated list on every call would cost
    // more than the rest of the check.
    static WIDTHS: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    let widths = WIDTHS.get_or_init(|| {
        CHECKED_COLUMNS
            .iter()
            .filter_map(|(c, rule)| match rule {
                Rule::MaxChars(n) => Some((*c, *n)),
                _ => None,
            })
            .collect()
    });
    let width = widths.get(column).copied();
    // Bytes are never fewer than characters: only a long string needs the full check (which
    // wants an owned value).
    if let Some(max) = width.filter(|max| client_id.len() > *max) {
        client_id
            .to_owned()
            .check_value(column, Rule::MaxChars(max))?;
    }
    Ok(())
}

/// The row of an unscoped business-key read: `None`, the one row, or
/// [`crate::Error::AmbiguousKey`] when the query (limited to two rows) found more than one.
pub(crate) fn at_most_one<T>(mut rows: Vec<T>, what: impl FnOnce() -> String) -> Result<Option<T>> {
    if rows.len() > 1 {
        return Err(crate::Error::AmbiguousKey { what: what() });
    }
    Ok(rows.pop())
}

/// `Error::NotFound` for `what`, as the crate's lookups report it.
pub(crate) fn not_found(what: String) -> crate::Error {
    crate::Error::NotFound {
        what,
        source: diesel::result::Error::NotFound,
    }
}

/// The unscoped writes by business key ([`ByKey::update_by_key`], [`ByKey::delete_by_key`]),
/// which differ by table: one statement where the key is unique on its own, a lookup of the
/// key's customer and then a client-scoped write where it is unique per customer only.
pub(crate) trait KeyWrites: Crud {
    fn update_by_key_unscoped(
        conn: &mut PgConnection,
        key: &str,
        changes: &Self::Changes,
    ) -> Result<Self>;
    fn delete_by_key_unscoped(conn: &mut PgConnection, key: &str) -> Result<bool>;
}

/// How a scoped call's value appears in its not-found message: an id as a number, a business key
/// quoted (as the unscoped calls print them).
#[doc(hidden)]
pub trait KeyText {
    /// The value as the message shows it.
    fn key_text(&self) -> String;
}

impl KeyText for i64 {
    fn key_text(&self) -> String {
        self.to_string()
    }
}

impl KeyText for &str {
    fn key_text(&self) -> String {
        crate::error::quote_value(self)
    }
}

/// The client-scoped traits ([`ForClient`], [`ByClientKey`]) and the unscoped key writes
/// ([`KeyWrites`]) of a table, by which of a business key and a `client_id` it has
/// (`impl_crud!` passes them on).
macro_rules! impl_scoped {
    // The plain key writes: the key alone names at most one row.
    (@plain_key_writes $row:ident, $changes:ident, $table:ident, $key:ident) => {
        impl $crate::crud::KeyWrites for $row {
            fn update_by_key_unscoped(
                conn: &mut diesel::PgConnection,
                key: &str,
                changes: &$changes,
            ) -> $crate::Result<Self> {
                use diesel::OptionalEmptyChangesetExtension;
                $crate::input::CheckColumns::check_columns(changes)?;
                let updated = diesel::update($table::table.filter($table::$key.eq(key)))
                    .set(changes)
                    .returning(<$row>::as_returning())
                    .get_result(conn)
                    .optional_empty_changeset()
                    .map_err($crate::Error::not_found_as(|| {
                        format!("{} with {} = {}", stringify!($table), stringify!($key), $crate::error::quote_value(key))
                    }))?;
                match updated {
                    Some(row) => Ok(row),
                    None => <Self as $crate::crud::ByKey>::get_by_key(conn, key),
                }
            }

            fn delete_by_key_unscoped(conn: &mut diesel::PgConnection, key: &str) -> $crate::Result<bool> {
                Ok(diesel::delete($table::table.filter($table::$key.eq(key))).execute(conn)? > 0)
            }
        }
    };

    (@for_client $row:ident, $changes:ident, $table:ident, $client:ident) => {
        $crate::crud::impl_scoped!(@scoped ForClient, get_for_client, find_for_client,
            update_for_client, delete_for_client, $row, $changes, $table, $client, id: i64);
    };

    // The four methods of a client-scoped trait: the row of one customer whose `$col` is the
    // value asked for (`ForClient` by id, `ByClientKey` by business key).
    (@scoped $trait:ident, $get:ident, $find:ident, $update:ident, $delete:ident, $row:ident,
        $changes:ident, $table:ident, $client:ident, $col:ident: $ty:ty) => {
        impl $crate::crud::$trait for $row {
            fn $get(conn: &mut diesel::PgConnection, client_id: &str, $col: $ty) -> $crate::Result<Self> {
                <Self as $crate::crud::$trait>::$find(conn, client_id, $col)?.ok_or_else(|| {
                    $crate::crud::not_found(format!(
                        "{} with {} = {} and {} = {}",
                        stringify!($table),
                        stringify!($client),
                        $crate::error::quote_value(client_id),
                        stringify!($col),
                        $crate::crud::KeyText::key_text(&$col)
                    ))
                })
            }

            fn $find(
                conn: &mut diesel::PgConnection,
                client_id: &str,
                $col: $ty,
            ) -> $crate::Result<Option<Self>> {
                $crate::crud::check_client_id(concat!(stringify!($table), ".", stringify!($client)), client_id)?;
                Ok($table::table
                    .filter($table::$client.eq(client_id))
                    .filter($table::$col.eq($col))
                    .select(<$row>::as_select())
                    .first(conn)
                    .optional()?)
            }

            fn $update(
                conn: &mut diesel::PgConnection,
                client_id: &str,
                $col: $ty,
                changes: &$changes,
            ) -> $crate::Result<Self> {
                use diesel::OptionalEmptyChangesetExtension;
                $crate::crud::check_client_id(concat!(stringify!($table), ".", stringify!($client)), client_id)?;
                $crate::input::CheckColumns::check_columns(changes)?;
                let updated = diesel::update(
                    $table::table
                        .filter($table::$client.eq(client_id))
                        .filter($table::$col.eq($col)),
                )
                .set(changes)
                .returning(<$row>::as_returning())
                .get_result(conn)
                .optional_empty_changeset()
                .map_err($crate::Error::not_found_as(|| {
                    format!(
                        "{} with {} = {} and {} = {}",
                        stringify!($table),
                        stringify!($client),
                        $crate::error::quote_value(client_id),
                        stringify!($col),
                        $crate::crud::KeyText::key_text(&$col)
                    )
                }))?;
                match updated {
                    Some(row) => Ok(row),
                    None => <Self as $crate::crud::$trait>::$get(conn, client_id, $col),
                }
            }

            fn $delete(conn: &mut diesel::PgConnection, client_id: &str, $col: $ty) -> $crate::Result<bool> {
                $crate::crud::check_client_id(concat!(stringify!($table), ".", stringify!($client)), client_id)?;
                Ok(diesel::delete(
                    $table::table
                        .filter($table::$client.eq(client_id))
                        .filter($table::$col.eq($col)),
                )
                .execute(conn)?
                    > 0)
            }
        }
    };

    // `customers`: the business key is the client_id; its ByKey methods are client-scoped.
    ($row:ident, $changes:ident, $table:ident, key = client_id, client = client_id) => {
        $crate::crud::impl_scoped!(@for_client $row, $changes, $table, client_id);
        $crate::crud::impl_scoped!(@plain_key_writes $row, $changes, $table, client_id);
    };

    // A business key unique per customer.
    ($row:ident, $changes:ident, $table:ident, key = $key:ident, client = $client:ident) => {
        $crate::crud::impl_scoped!(@for_client $row, $changes, $table, $client);

        $crate::crud::impl_scoped!(@scoped ByClientKey, get_by_client_key, find_by_client_key,
            update_by_client_key, delete_by_client_key, $row, $changes, $table, $client, $key: &str);

        impl $crate::crud::KeyWrites for $row {
            // Which customer's row has the key, then the client-scoped write: a plain `WHERE
            // key = $1` would change the rows of every customer that has the key.
            fn update_by_key_unscoped(
                conn: &mut diesel::PgConnection,
                key: &str,
                changes: &$changes,
            ) -> $crate::Result<Self> {
                let what = || {
                    format!("{} with {} = {}", stringify!($table), stringify!($key), $crate::error::quote_value(key))
                };
                $crate::input::CheckColumns::check_columns(changes)?;
                let owners = $table::table
                    .filter($table::$key.eq(key))
                    .select($table::$client)
                    .limit(2)
                    .load::<String>(conn)?;
                match $crate::crud::at_most_one(owners, what)? {
                    None => Err($crate::crud::not_found(what())),
                    // Gone since the lookup: not found, as the key was asked for.
                    Some(client_id) => {
                        <Self as $crate::crud::ByClientKey>::update_by_client_key(conn, &client_id, key, changes)
                            .map_err(|e| match e {
                                $crate::Error::NotFound { .. } => $crate::crud::not_found(what()),
                                other => other,
                            })
                    }
                }
            }

            fn delete_by_key_unscoped(conn: &mut diesel::PgConnection, key: &str) -> $crate::Result<bool> {
                let owners = $table::table
                    .filter($table::$key.eq(key))
                    .select($table::$client)
                    .limit(2)
                    .load::<String>(conn)?;
                let what = || {
                    format!("{} with {} = {}", stringify!($table), stringify!($key), $crate::error::quote_value(key))
                };
                match $crate::crud::at_most_one(owners, what)? {
                    None => Ok(false),
                    Some(client_id) => {
                        <Self as $crate::crud::ByClientKey>::delete_by_client_key(conn, &client_id, key)
                    }
                }
            }
        }
    };

    // A catalogue table: its business key is unique on its own.
    ($row:ident, $changes:ident, $table:ident, key = $key:ident) => {
        $crate::crud::impl_scoped!(@plain_key_writes $row, $changes, $table, $key);
    };

    ($row:ident, $changes:ident, $table:ident, client = $client:ident) => {
        $crate::crud::impl_scoped!(@for_client $row, $changes, $table, $client);
    };

    ($row:ident, $changes:ident, $table:ident) => {};
}
pub(crate) use impl_scoped;

/// Implements [`Crud`] (and [`ByKey`] / [`ByClient`] where the table has them) for a row struct.
macro_rules! impl_crud {
    ($row:ident, $new:ident, $changes:ident, $table:ident, columns = $n:expr
        $(, key = $key:ident, conflict = ($($conflict:ident),+), upsert = [$($col:ident),* $(,)?])?
        $(, client = $client:ident)?) => {
        impl $crate::crud::Crud for $row {
            type New = $new;
            type Changes = $changes;
            const TABLE: &'static str = stringify!($table);
            const COLUMNS: usize = $n;

            fn create(conn: &mut diesel::PgConnection, new: &$new) -> $crate::Result<Self> {
                $crate::input::CheckColumns::check_columns(new)?;
                $crate::models::Validate::validate(new)?;
                log::debug!("INSERT INTO {}", stringify!($table));
                Ok(diesel::insert_into($table::table)
                    .values(new)
                    .returning(<$row>::as_returning())
                    .get_result(conn)?)
            }

            fn create_many(conn: &mut diesel::PgConnection, new: &[$new]) -> $crate::Result<Vec<Self>> {
                use diesel::Connection;
                $crate::input::check_rows(new)?;
                new.iter().try_for_each($crate::models::Validate::validate)?;
                conn.transaction(|conn| {
                    let mut out = Vec::with_capacity(new.len());
                    for chunk in new.chunks($crate::crud::chunk_size($n)) {
                        log::debug!("INSERT INTO {} ({} rows)", stringify!($table), chunk.len());
                        out.extend(
                            diesel::insert_into($table::table)
                                .values(chunk)
                                .returning(<$row>::as_returning())
                                .get_results(conn)?,
                        );
                    }
                    // Citus returns a multi-row INSERT's rows grouped by shard, not in VALUES
                    // order. The coordinator draws the identity ids in VALUES order (as a
                    // single server does), so the id order is the input order.
                    out.sort_by_key(|row| row.id);
                    Ok(out)
                })
            }

            fn insert_many(conn: &mut diesel::PgConnection, new: &[$new]) -> $crate::Result<usize> {
                use diesel::Connection;
                $crate::input::check_rows(new)?;
                new.iter().try_for_each($crate::models::Validate::validate)?;
                conn.transaction(|conn| {
                    let mut n = 0;
                    for chunk in new.chunks($crate::crud::chunk_size($n)) {
                        n += diesel::insert_into($table::table).values(chunk).execute(conn)?;
                    }
                    Ok(n)
                })
            }

            fn get(conn: &mut diesel::PgConnection, id: i64) -> $crate::Result<Self> {
                $table::table
                    .filter($table::id.eq(id))
                    .select(<$row>::as_select())
                    .first(conn)
                    .map_err($crate::Error::not_found_as(|| {
                        format!("{} with id = {}", stringify!($table), id)
                    }))
            }

            fn update(conn: &mut diesel::PgConnection, id: i64, changes: &$changes) -> $crate::Result<Self> {
                use diesel::OptionalEmptyChangesetExtension;
                $crate::input::CheckColumns::check_columns(changes)?;
                let updated = diesel::update($table::table.filter($table::id.eq(id)))
                    .set(changes)
                    .returning(<$row>::as_returning())
                    .get_result(conn)
                    .optional_empty_changeset()
                    .map_err($crate::Error::not_found_as(|| {
                        format!("{} with id = {}", stringify!($table), id)
                    }))?;
                match updated {
                    Some(row) => Ok(row),
                    None => Self::get(conn, id),
                }
            }

            fn delete(conn: &mut diesel::PgConnection, id: i64) -> $crate::Result<bool> {
                Ok(diesel::delete($table::table.filter($table::id.eq(id))).execute(conn)? > 0)
            }

            fn list(
                conn: &mut diesel::PgConnection,
                page: impl Into<$crate::crud::PageRequest>,
            ) -> $crate::Result<Vec<Self>> {
                Ok(<Self as $crate::crud::Crud>::list_query(page).load(conn)?)
            }

            fn list_query(
                page: impl Into<$crate::crud::PageRequest>,
            ) -> impl diesel::query_dsl::methods::LoadQuery<'static, diesel::PgConnection, Self>
                   + diesel::query_builder::QueryFragment<diesel::pg::Pg>
                   + diesel::query_builder::QueryId {
                let (limit, offset, after) = page.into().resolve();
                let ((after_id,), refused) =
                    $crate::cursor::resume(after.as_ref(), stringify!($table), (i64::MIN,));
                $table::table
                    .filter($crate::cursor::row_gt(
                        ($table::id,),
                        (diesel::IntoSql::into_sql::<diesel::sql_types::BigInt>(after_id),),
                    ).refusing(refused))
                    .select(<$row>::as_select())
                    .order($table::id.asc())
                    .limit(limit)
                    .offset(offset)
            }

            fn count(conn: &mut diesel::PgConnection) -> $crate::Result<i64> {
                Ok($table::table.count().get_result(conn)?)
            }
        }

        impl $crate::cursor::Keyed for $row {
            /// Resumes [`Crud::list`](crate::crud::Crud::list) (and `list_by_client`) after
            /// this row's `id`.
            fn cursor(&self) -> $crate::cursor::Cursor {
                $crate::cursor::Cursor::of(stringify!($table), &(self.id,))
            }
        }

        $(
        impl $crate::crud::ByKey for $row {
            fn get_by_key(conn: &mut diesel::PgConnection, key: &str) -> $crate::Result<Self> {
                <Self as $crate::crud::ByKey>::find_by_key(conn, key)?.ok_or_else(|| {
                    $crate::crud::not_found(format!(
                        "{} with {} = {}",
                        stringify!($table),
                        stringify!($key),
                        $crate::error::quote_value(key)
                    ))
                })
            }

            fn find_by_key(conn: &mut diesel::PgConnection, key: &str) -> $crate::Result<Option<Self>> {
                // Two rows, not one: where the key is unique per customer only, a second row
                // means the caller must say which customer's (never a silent pick).
                let rows = $table::table
                    .filter($table::$key.eq(key))
                    .select(<$row>::as_select())
                    .limit(2)
                    .load(conn)?;
                $crate::crud::at_most_one(rows, || {
                    format!("{} with {} = {}", stringify!($table), stringify!($key), $crate::error::quote_value(key))
                })
            }

            fn delete_by_key(conn: &mut diesel::PgConnection, key: &str) -> $crate::Result<bool> {
                <Self as $crate::crud::KeyWrites>::delete_by_key_unscoped(conn, key)
            }

            fn update_by_key(
                conn: &mut diesel::PgConnection,
                key: &str,
                changes: &$changes,
            ) -> $crate::Result<Self> {
                <Self as $crate::crud::KeyWrites>::update_by_key_unscoped(conn, key, changes)
            }

            fn upsert_by_key(conn: &mut diesel::PgConnection, new: &$new) -> $crate::Result<Self> {
                $crate::input::CheckColumns::check_columns(new)?;
                $crate::models::Validate::validate(new)?;
                log::debug!("INSERT INTO {} ON CONFLICT ({}) DO UPDATE", stringify!($table), stringify!($($conflict),+));
                Ok(diesel::insert_into($table::table)
                    .values(new)
                    .on_conflict(($($table::$conflict),+))
                    .do_update()
                    .set(($($table::$col.eq(diesel::upsert::excluded($table::$col)),)*))
                    .returning(<$row>::as_returning())
                    .get_result(conn)?)
            }

            fn upsert_many(conn: &mut diesel::PgConnection, new: &[$new]) -> $crate::Result<Vec<Self>> {
                use diesel::Connection;
                $crate::input::check_rows(new)?;
                new.iter().try_for_each($crate::models::Validate::validate)?;
                $crate::crud::refuse_duplicate_keys(stringify!($key), new.iter().map(|n| n.$key.as_str()))?;
                conn.transaction(|conn| {
                    let mut out = Vec::with_capacity(new.len());
                    for chunk in new.chunks($crate::crud::chunk_size($n)) {
                        log::debug!("INSERT INTO {} ON CONFLICT ({} rows)", stringify!($table), chunk.len());
                        out.extend(
                            diesel::insert_into($table::table)
                                .values(chunk)
                                .on_conflict(($($table::$conflict),+))
                                .do_update()
                                .set(($($table::$col.eq(diesel::upsert::excluded($table::$col)),)*))
                                .returning(<$row>::as_returning())
                                .get_results(conn)?,
                        );
                    }
                    // Citus returns the rows grouped by shard, not in VALUES order; an updated
                    // row keeps its old id, so the input order is restored by key (each key is
                    // in the batch once, see above).
                    let position: std::collections::HashMap<&str, usize> =
                        new.iter().enumerate().map(|(i, n)| (n.$key.as_str(), i)).collect();
                    out.sort_by_key(|row| position.get(row.$key.as_str()).copied());
                    Ok(out)
                })
            }
        }
        )?

        $(
        impl $crate::crud::ByClient for $row {
            fn list_by_client(
                conn: &mut diesel::PgConnection,
                client_id: &str,
                page: impl Into<$crate::crud::PageRequest>,
            ) -> $crate::Result<Vec<Self>> {
                Ok(<Self as $crate::crud::ByClient>::list_by_client_query(client_id.to_owned(), page)
                    .load(conn)?)
            }

            fn list_by_client_query(
                client_id: String,
                page: impl Into<$crate::crud::PageRequest>,
            ) -> impl diesel::query_dsl::methods::LoadQuery<'static, diesel::PgConnection, Self>
                   + diesel::query_builder::QueryFragment<diesel::pg::Pg>
                   + diesel::query_builder::QueryId {
                let (limit, offset, after) = page.into().resolve();
                let ((after_id,), refused) =
                    $crate::cursor::resume(after.as_ref(), stringify!($table), (i64::MIN,));
                $table::table
                    .filter($table::$client.eq(client_id))
                    .filter($crate::cursor::row_gt(
                        ($table::id,),
                        (diesel::IntoSql::into_sql::<diesel::sql_types::BigInt>(after_id),),
                    ).refusing(refused))
                    .select(<$row>::as_select())
                    .order($table::id.asc())
                    .limit(limit)
                    .offset(offset)
            }
        }
        )?

        $crate::crud::impl_scoped!($row, $changes, $table $(, key = $key)? $(, client = $client)?);
    };
}
pub(crate) use impl_crud;
