//! Routine maintenance and diagnostics: the "Performance" and "Troubleshooting" sections of the
//! original system's operations guide, as typed functions.
//!
//! | operations guide | this module |
//! |---|---|
//! | `ANALYZE customers;` | [`analyze`]`(conn, Some(Table::Customers))` |
//! | `VACUUM ANALYZE;` | [`vacuum_analyze`]`(conn, None)` |
//! | `REINDEX TABLE customers;` | [`reindex_table`]`(conn, Table::Customers)` |
//! | `log_min_duration_statement = 1000` | [`slow_query_threshold`] |
//! | `pg_stat_user_indexes … ORDER BY idx_scan` | [`index_usage`] |
//! | `pg_total_relation_size` per table | [`table_sizes`] |
//! | `pg_relation_size` per index | [`index_sizes`] |
//! | duplicate / overlapping indexes | [`redundant_indexes`] |
//! | `… WHERE client_id NOT IN (SELECT client_id FROM customers)` | [`orphans`] |
//!
//! Every function reports; none drops or changes anything but planner statistics, dead rows and
//! index contents. Every result type serializes (serde) for JSON output and MCP tools.
//!
//! Table names given by a caller are accepted only as a [`Table`], which can be built only from
//! the schema's 25 table names ([`Table::parse`]); they are still quoted as identifiers when put
//! into SQL. The catalog queries look at the connection's current schema (`public` unless the
//! `search_path` says otherwise), which is where the migrations create the tables.
//!
//! ```no_run
//! use customer_success_db::{connection, maintenance::{self, Table}};
//! let mut conn = connection::connect_from_env()?;
//! maintenance::vacuum_analyze(&mut conn, Some(Table::parse("customers")?))?;
//! for orphan in maintenance::orphans(&mut conn)?.iter().filter(|o| o.orphan_count > 0) {
//!     println!("{}.{}: {} orphaned rows, e.g. {:?}", orphan.table, orphan.column,
//!              orphan.orphan_count, orphan.sample);
//! }
//! # Ok::<(), customer_success_db::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;
use std::time::Instant;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::sql_types::{Array, BigInt, Bool, Nullable, Text};
use diesel::{sql_query, PgConnection, QueryableByName, RunQueryDsl};
use serde::{Serialize, Serializer};

use crate::error::{Error, Result};
use crate::types::{ValidationError, ValidationErrorKind};

/// Declares [`Table`] from `Variant => table_name` pairs (alphabetical), and proves at compile
/// time that every name is a table of [`crate::schema`].
macro_rules! tables {
    ($($variant:ident => $name:ident),+ $(,)?) => {
        /// One of the schema's 25 tables (the original system's 24 and schema v2's
        /// `csm_workload_summary`): the only way a caller-supplied table name reaches SQL.
        ///
        /// Build one from text with [`Table::parse`] (or `str::parse`); serializes as its name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Table {
            $(
                #[doc = concat!("`", stringify!($name), "`")]
                $variant,
            )+
        }

        impl Table {
            /// Every table, in alphabetical order.
            pub const ALL: &'static [Table] = &[$(Table::$variant),+];

            /// The table's name in the database, e.g. `customers`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Table::$variant => stringify!($name),)+
                }
            }
        }

        /// The names [`Table::parse`] accepts, for its error message.
        const TABLE_NAMES: &str = concat!("one of ", tables!(@join $($name),+));

        // Fails to compile if a name above is not a table of `crate::schema`, so this list cannot
        // drift from the schema.
        const _: () = {
            $(let _ = crate::schema::$name::table;)+
        };
    };
    (@join $first:ident $(, $rest:ident)*) => {
        concat!(stringify!($first) $(, ", ", stringify!($rest))*)
    };
}

tables!(
    ChurnPredictions => churn_predictions,
    CohortAnalysis => cohort_analysis,
    Contracts => contracts,
    CsmWorkloadSummary => csm_workload_summary,
    CustomerFeedback => customer_feedback,
    CustomerSegments => customer_segments,
    Customers => customers,
    EngagementMetrics => engagement_metrics,
    ExpansionOpportunities => expansion_opportunities,
    HealthMetrics => health_metrics,
    HealthScores => health_scores,
    KnowledgeBaseArticles => knowledge_base_articles,
    NpsResponses => nps_responses,
    OnboardingMilestones => onboarding_milestones,
    OnboardingPlans => onboarding_plans,
    PortfolioSentimentAnalysis => portfolio_sentiment_analysis,
    RenewalCampaigns => renewal_campaigns,
    RenewalForecasts => renewal_forecasts,
    RiskIndicators => risk_indicators,
    SentimentAnalysis => sentiment_analysis,
    SupportTickets => support_tickets,
    SurveyTemplates => survey_templates,
    TicketComments => ticket_comments,
    TrainingCompletions => training_completions,
    TrainingModules => training_modules,
    UsageAnalytics => usage_analytics,
);

impl Table {
    /// The table named `name` (exact, lower-case, unqualified).
    ///
    /// # Errors
    /// [`Error::Validation`] for any other text; the message lists every valid name.
    ///
    /// ```
    /// use customer_success_db::maintenance::Table;
    /// assert_eq!(Table::parse("customers")?, Table::Customers);
    /// let err = Table::parse("customer").unwrap_err().to_string();
    /// assert!(err.contains("\"customer\"") && err.contains("health_scores"));
    /// # Ok::<(), customer_success_db::Error>(())
    /// ```
    pub fn parse(name: &str) -> Result<Table> {
        Table::ALL
            .iter()
            .copied()
            .find(|t| t.name() == name)
            .ok_or_else(|| {
                // Quoted (and escaped by `{:?}`) so that odd input such as an empty string or a
                // control character is visible, and cannot be mistaken for a table name.
                Error::Validation(ValidationError::new(
                    "table",
                    format!("{name:?}"),
                    TABLE_NAMES,
                    ValidationErrorKind::UnknownName,
                ))
            })
    }

    /// The name quoted as an SQL identifier, ready to be put into a statement.
    fn quoted(self) -> String {
        quote_ident(self.name())
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Table {
    type Err = Error;

    fn from_str(s: &str) -> Result<Table> {
        Table::parse(s)
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// `name` as a double-quoted SQL identifier (embedded quotes doubled), so that even a name that
/// is a keyword or contains odd characters is taken literally.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

// ---------------------------------------------------------------------------------------------
// ANALYZE, VACUUM, REINDEX
// ---------------------------------------------------------------------------------------------

/// What [`analyze`], [`vacuum_analyze`] or [`reindex_table`] ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaintenanceRun {
    /// `ANALYZE`, `VACUUM ANALYZE` or `REINDEX`.
    pub operation: &'static str,
    /// The table, or `None` for every table of the database.
    pub table: Option<Table>,
    /// The exact statement sent to the server.
    pub statement: String,
    /// How long the statement took, in milliseconds, as measured by the client.
    pub elapsed_ms: u64,
}

fn run_maintenance(
    conn: &mut PgConnection,
    operation: &'static str,
    table: Option<Table>,
    statement: String,
) -> Result<MaintenanceRun> {
    let started = Instant::now();
    log::info!("running {statement}");
    conn.batch_execute(&statement)?;
    Ok(MaintenanceRun {
        operation,
        table,
        statement,
        elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

/// Refreshes the planner's statistics (`ANALYZE`) of one table, or of every table the user may
/// analyze when `table` is `None`. Worth running after a bulk load, before the planner has seen
/// the new data. Takes only a lock that lets reads and writes go on.
///
/// # Errors
/// [`Error::Database`] (or [`Error::Connection`]) when the server rejects or loses the command.
pub fn analyze(conn: &mut PgConnection, table: Option<Table>) -> Result<MaintenanceRun> {
    let statement = match table {
        Some(t) => format!("ANALYZE {}", t.quoted()),
        None => "ANALYZE".to_owned(),
    };
    run_maintenance(conn, "ANALYZE", table, statement)
}

/// Reclaims dead rows and refreshes statistics (`VACUUM ANALYZE`) of one table, or of every table
/// the user may vacuum when `table` is `None`. A plain VACUUM (not `FULL`): reads and writes go
/// on meanwhile, and the space is kept for reuse rather than returned to the operating system.
///
/// PostgreSQL refuses VACUUM inside a transaction block, so it is sent as a single statement on
/// its own (never batched with another, which would make an implicit transaction), and a
/// connection inside a Diesel transaction is refused up front.
///
/// # Errors
/// [`Error::Database`] when `conn` is inside a transaction (saying so) or the server rejects the
/// command.
pub fn vacuum_analyze(conn: &mut PgConnection, table: Option<Table>) -> Result<MaintenanceRun> {
    let depth = AnsiTransactionManager::transaction_manager_status_mut(conn).transaction_depth()?;
    if depth.is_some() {
        // Without this check the server's "cannot run inside a transaction block" would also
        // abort the caller's transaction; refusing here leaves it intact.
        return Err(Error::Database {
            source: diesel::result::Error::QueryBuilderError(
                "VACUUM cannot run inside a transaction: call vacuum_analyze on a connection \
                 that is not inside `transaction`/`begin_test_transaction`"
                    .into(),
            ),
        });
    }
    let statement = match table {
        Some(t) => format!("VACUUM (ANALYZE) {}", t.quoted()),
        None => "VACUUM (ANALYZE)".to_owned(),
    };
    run_maintenance(conn, "VACUUM ANALYZE", table, statement)
}

/// Rebuilds every index of `table` (`REINDEX TABLE`), e.g. after heavy updates bloated them.
///
/// The table's writes, and reads that would use its indexes, wait until it finishes: run it in a
/// quiet period (or use `REINDEX TABLE CONCURRENTLY` by hand on a busy server).
///
/// # Errors
/// [`Error::Database`] when the server rejects the command (e.g. the user does not own the
/// table).
pub fn reindex_table(conn: &mut PgConnection, table: Table) -> Result<MaintenanceRun> {
    let statement = format!("REINDEX TABLE {}", table.quoted());
    run_maintenance(conn, "REINDEX", Some(table), statement)
}

// ---------------------------------------------------------------------------------------------
// Index usage and sizes
// ---------------------------------------------------------------------------------------------

/// One index's usage since the server's statistics were last reset.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName, Serialize)]
pub struct IndexUsage {
    /// The indexed table.
    #[diesel(sql_type = Text)]
    pub table: String,
    /// The index.
    #[diesel(sql_type = Text)]
    pub index: String,
    /// How many index scans have used it (`pg_stat_user_indexes.idx_scan`).
    #[diesel(sql_type = BigInt)]
    pub scans: i64,
    /// Its size on disk, in bytes.
    #[diesel(sql_type = BigInt)]
    pub size_bytes: i64,
    /// Never scanned: a candidate for removal, unless it enforces a constraint.
    #[diesel(sql_type = Bool)]
    pub unused: bool,
    /// It enforces a primary key, unique or exclusion constraint, so it is needed even when it is
    /// never scanned.
    #[diesel(sql_type = Bool)]
    pub backs_constraint: bool,
}

/// Every index of the schema with its scan count, unused (`idx_scan = 0`) first.
///
/// The counts are cumulative since the statistics were last reset (`pg_stat_reset`) and are only
/// meaningful on a server that has seen representative traffic; a replica keeps its own.
///
/// # Errors
/// [`Error::Database`] when the statistics views cannot be read.
pub fn index_usage(conn: &mut PgConnection) -> Result<Vec<IndexUsage>> {
    // The guide's query names the columns `tablename`/`indexname`; the view's real columns are
    // `relname`/`indexrelname`.
    Ok(sql_query(
        "SELECT s.relname::text AS \"table\",
                s.indexrelname::text AS \"index\",
                COALESCE(s.idx_scan, 0)::bigint AS scans,
                pg_relation_size(s.indexrelid)::bigint AS size_bytes,
                COALESCE(s.idx_scan, 0) = 0 AS unused,
                EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conindid = s.indexrelid AND c.contype IN ('p', 'u', 'x'))
                    AS backs_constraint
         FROM pg_stat_user_indexes s
         WHERE s.schemaname = current_schema()
         ORDER BY COALESCE(s.idx_scan, 0) ASC, s.relname, s.indexrelname",
    )
    .load(conn)?)
}

/// One table's size.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName, Serialize)]
pub struct TableSize {
    /// The table.
    #[diesel(sql_type = Text)]
    pub table: String,
    /// Table, indexes and TOAST together (`pg_total_relation_size`), in bytes.
    #[diesel(sql_type = BigInt)]
    pub total_bytes: i64,
    /// `total_bytes` as PostgreSQL prints it (`pg_size_pretty`), e.g. `48 kB`.
    #[diesel(sql_type = Text)]
    pub pretty: String,
    /// The planner's row estimate (`pg_class.reltuples`); `None` until the table has been
    /// vacuumed or analyzed.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub rows_estimate: Option<i64>,
}

/// Every table of the schema with its total size, largest first.
///
/// # Errors
/// [`Error::Database`] when the catalog cannot be read.
pub fn table_sizes(conn: &mut PgConnection) -> Result<Vec<TableSize>> {
    // By OID rather than by `schemaname || '.' || tablename` as in the guide: the concatenation
    // breaks for names that need quoting.
    Ok(sql_query(
        "SELECT c.relname::text AS \"table\",
                pg_total_relation_size(c.oid)::bigint AS total_bytes,
                pg_size_pretty(pg_total_relation_size(c.oid)) AS pretty,
                CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END AS rows_estimate
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
         ORDER BY total_bytes DESC, c.relname",
    )
    .load(conn)?)
}

/// One index's size.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName, Serialize)]
pub struct IndexSize {
    /// The indexed table.
    #[diesel(sql_type = Text)]
    pub table: String,
    /// The index.
    #[diesel(sql_type = Text)]
    pub index: String,
    /// Its size on disk (`pg_relation_size`), in bytes.
    #[diesel(sql_type = BigInt)]
    pub bytes: i64,
    /// `bytes` as PostgreSQL prints it, e.g. `16 kB`.
    #[diesel(sql_type = Text)]
    pub pretty: String,
}

/// Every index of the schema with its size, largest first.
///
/// # Errors
/// [`Error::Database`] when the catalog cannot be read.
pub fn index_sizes(conn: &mut PgConnection) -> Result<Vec<IndexSize>> {
    Ok(sql_query(
        "SELECT t.relname::text AS \"table\",
                i.relname::text AS \"index\",
                pg_relation_size(i.oid)::bigint AS bytes,
                pg_size_pretty(pg_relation_size(i.oid)) AS pretty
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = current_schema()
         ORDER BY bytes DESC, t.relname, i.relname",
    )
    .load(conn)?)
}

// ---------------------------------------------------------------------------------------------
// Redundant indexes
// ---------------------------------------------------------------------------------------------

/// Why an index is redundant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Redundancy {
    /// Same columns as the index of a primary key or unique constraint.
    DuplicatesConstraint,
    /// Same columns as another index.
    Duplicate,
    /// Its columns are the leading columns of a longer btree index, which serves the same
    /// lookups.
    Prefix,
}

/// An index that another index makes unnecessary. Reported only; nothing is dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RedundantIndex {
    /// The table.
    pub table: String,
    /// The redundant index.
    pub index: String,
    /// Its key columns, in order.
    pub columns: Vec<String>,
    /// The index that covers it.
    pub covered_by: String,
    /// The kind of redundancy.
    pub kind: Redundancy,
    /// A sentence saying why, naming the constraint involved and any other covering index.
    pub reason: String,
    /// Its size on disk, in bytes: what dropping it would save.
    pub size_bytes: i64,
}

/// The catalog facts about one index that [`redundant_indexes`] compares.
#[derive(Debug, QueryableByName)]
struct IndexDefinition {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    index_name: String,
    /// Only btree, valid, non-partial, non-expression indexes take part.
    #[diesel(sql_type = Bool)]
    comparable: bool,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    #[diesel(sql_type = Bool)]
    is_primary: bool,
    /// INCLUDE columns make an index serve index-only scans another cannot, so such an index is
    /// never reported (it may still cover others).
    #[diesel(sql_type = Bool)]
    has_include: bool,
    #[diesel(sql_type = Nullable<Text>)]
    constraint_name: Option<String>,
    #[diesel(sql_type = Array<Text>)]
    columns: Vec<String>,
    /// Per key column: attribute number, operator class, collation and ASC/DESC/NULLS options,
    /// so that e.g. a `text_pattern_ops` index is not taken for a plain one on the same column.
    #[diesel(sql_type = Array<Text>)]
    key_signature: Vec<String>,
    #[diesel(sql_type = BigInt)]
    size_bytes: i64,
}

impl IndexDefinition {
    /// Lower is more worth keeping: primary key, then other constraints, then plain unique
    /// indexes, then the rest.
    fn keep_rank(&self) -> u8 {
        if self.is_primary {
            0
        } else if self.constraint_name.is_some() {
            1
        } else if self.is_unique {
            2
        } else {
            3
        }
    }

    fn keep_order(&self) -> (u8, &str) {
        (self.keep_rank(), &self.index_name)
    }

    /// How a reason names this index: by its constraint when it backs one (PostgreSQL names
    /// such an index after the constraint, so naming both would repeat the name).
    fn describe(&self) -> String {
        let kind = if self.is_primary {
            "primary key"
        } else if self.is_unique {
            "unique constraint"
        } else {
            "exclusion constraint"
        };
        match &self.constraint_name {
            Some(c) if *c == self.index_name => format!("{kind} {c}"),
            Some(c) => format!("{} (the index of {kind} {c})", self.index_name),
            None if self.is_unique => format!("unique index {}", self.index_name),
            None => self.index_name.clone(),
        }
    }
}

/// An index PostgreSQL keeps but no query can use: what an interrupted or failed
/// `CREATE INDEX CONCURRENTLY` (or `REINDEX CONCURRENTLY`) leaves behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvalidIndex {
    /// The table.
    pub table: String,
    /// The index.
    pub index: String,
    /// Its size on disk: every write to the table still maintains it.
    pub size_bytes: i64,
}

/// The invalid indexes of the current schema, by table and index name. Each still costs every
/// write to its table and serves no query. One the crate's index migration creates is rebuilt
/// by running the migrations again (`csdb upgrade`); any other is dropped with
/// `DROP INDEX CONCURRENTLY`.
///
/// # Errors
/// [`Error::Database`] when the catalog cannot be read.
pub fn invalid_indexes(conn: &mut PgConnection) -> Result<Vec<InvalidIndex>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        index_name: String,
        #[diesel(sql_type = BigInt)]
        size_bytes: i64,
    }
    let rows: Vec<Row> = sql_query(
        "SELECT t.relname::text AS table_name, i.relname::text AS index_name,
                pg_relation_size(i.oid)::bigint AS size_bytes
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = current_schema() AND NOT x.indisvalid
         ORDER BY t.relname, i.relname",
    )
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| InvalidIndex {
            table: r.table_name,
            index: r.index_name,
            size_bytes: r.size_bytes,
        })
        .collect())
}

/// Indexes made unnecessary by another index of the same table, by table and index name.
///
/// Considers valid, non-partial, non-expression btree indexes. An index is redundant when
/// - its key columns (with operator classes, collations and sort orders) are identical to
///   another's: of such a pair, the one kept is the one backing a primary key or constraint,
///   else a unique one, else the one whose name sorts first; the other is reported, against
///   the kept one (with three or more identical indexes, all but the kept one are reported); or
/// - it is not unique and its key columns are a leading prefix of a longer index's (a unique
///   index is kept: it enforces something the longer one does not).
///
/// Each redundant index is reported once, with the strongest reason (identical to a
/// constraint's index, then identical, then prefix); the `reason` also names a longer index it
/// is a prefix of. Indexes with INCLUDE columns are never reported.
///
/// # Errors
/// [`Error::Database`] when the catalog cannot be read.
pub fn redundant_indexes(conn: &mut PgConnection) -> Result<Vec<RedundantIndex>> {
    let indexes: Vec<IndexDefinition> = sql_query(
        "SELECT t.relname::text AS table_name,
                i.relname::text AS index_name,
                (am.amname = 'btree' AND x.indisvalid AND x.indisready AND x.indislive
                 AND x.indpred IS NULL AND x.indexprs IS NULL) AS comparable,
                x.indisunique AS is_unique,
                x.indisprimary AS is_primary,
                x.indnatts > x.indnkeyatts AS has_include,
                con.conname::text AS constraint_name,
                ARRAY(SELECT COALESCE(a.attname::text, '?')
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                      LEFT JOIN pg_attribute a
                             ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                      WHERE k.ord <= x.indnkeyatts
                      ORDER BY k.ord) AS columns,
                ARRAY(SELECT concat_ws('/', k.attnum, k.opclass, k.coll, k.opt)
                      FROM unnest(x.indkey::int2[], x.indclass::oid[], x.indcollation::oid[],
                                  x.indoption::int2[])
                           WITH ORDINALITY AS k(attnum, opclass, coll, opt, ord)
                      WHERE k.ord <= x.indnkeyatts
                      ORDER BY k.ord) AS key_signature,
                pg_relation_size(i.oid)::bigint AS size_bytes
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_am am ON am.oid = i.relam
         LEFT JOIN pg_constraint con
                ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
               AND con.contype IN ('p', 'u', 'x')
         WHERE n.nspname = current_schema()
         ORDER BY t.relname, i.relname",
    )
    .load(conn)?;
    Ok(find_redundant(&indexes))
}

fn find_redundant(indexes: &[IndexDefinition]) -> Vec<RedundantIndex> {
    let comparable: Vec<&IndexDefinition> = indexes
        .iter()
        .filter(|i| i.comparable && !i.key_signature.is_empty())
        .collect();
    let same_table = |a: &IndexDefinition, b: &IndexDefinition| {
        a.table_name == b.table_name && a.index_name != b.index_name
    };

    // First the identical pairs, so the prefix rule can prefer covering indexes that stay.
    let mut duplicate_of: Vec<(&IndexDefinition, &IndexDefinition)> = Vec::new();
    for &a in &comparable {
        if a.has_include {
            continue;
        }
        let kept = comparable
            .iter()
            .copied()
            .filter(|b| same_table(a, b) && b.key_signature == a.key_signature)
            .filter(|b| b.keep_order() < a.keep_order())
            .min_by(|x, y| x.keep_order().cmp(&y.keep_order()));
        if let Some(b) = kept {
            duplicate_of.push((a, b));
        }
    }
    let is_dropped = |name: &str, table: &str| {
        duplicate_of
            .iter()
            .any(|(a, _)| a.index_name == name && a.table_name == table)
    };

    let mut out = Vec::new();
    for &a in &comparable {
        if a.has_include {
            continue;
        }
        // A longer index whose leading columns are exactly `a`'s; prefer one that is itself kept,
        // then the shortest, then by name.
        let longer = if a.keep_rank() == 3 {
            comparable
                .iter()
                .copied()
                .filter(|b| {
                    same_table(a, b)
                        && b.key_signature.len() > a.key_signature.len()
                        && b.key_signature.starts_with(&a.key_signature)
                })
                .min_by_key(|b| {
                    (
                        is_dropped(&b.index_name, &b.table_name),
                        b.key_signature.len(),
                        b.index_name.as_str(),
                    )
                })
        } else {
            None
        };
        let duplicate = duplicate_of
            .iter()
            .find(|(d, _)| std::ptr::eq(*d, a))
            .map(|(_, b)| *b);

        let (covered_by, kind, mut reason) = match (duplicate, longer) {
            (Some(b), _) => {
                let kind = if b.constraint_name.is_some() {
                    Redundancy::DuplicatesConstraint
                } else {
                    Redundancy::Duplicate
                };
                (b, kind, format!("same columns as {}", b.describe()))
            }
            (None, Some(b)) => (
                b,
                Redundancy::Prefix,
                format!(
                    "a leading prefix of {} ({})",
                    b.describe(),
                    b.columns.join(", ")
                ),
            ),
            (None, None) => continue,
        };
        if let (Some(_), Some(b)) = (duplicate, longer) {
            reason.push_str(&format!(
                "; also a leading prefix of {} ({})",
                b.index_name,
                b.columns.join(", ")
            ));
        }
        if let Some(c) = &a.constraint_name {
            // Dropping it would mean dropping the constraint: say so, so nobody tries DROP INDEX.
            reason.push_str(&format!("; it backs constraint {c}"));
        }
        out.push(RedundantIndex {
            table: a.table_name.clone(),
            index: a.index_name.clone(),
            columns: a.columns.clone(),
            covered_by: covered_by.index_name.clone(),
            kind,
            reason,
            size_bytes: a.size_bytes,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Slow-query logging
// ---------------------------------------------------------------------------------------------

/// The guide's recommended `log_min_duration_statement`: log every statement slower than 1 s.
pub const RECOMMENDED_SLOW_QUERY_MS: i64 = 1000;

/// The server's slow-query logging setting (`log_min_duration_statement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlowQueryLogging {
    /// Statements slower than this many milliseconds are logged; `None` when logging is disabled
    /// (`-1`); `Some(0)` logs every statement.
    pub log_min_duration_statement_ms: Option<i64>,
    /// The setting as `SHOW` prints it, e.g. `1s`, `250ms` or `-1`.
    pub raw: String,
}

impl SlowQueryLogging {
    /// Whether slow statements are logged at all.
    pub fn is_enabled(&self) -> bool {
        self.log_min_duration_statement_ms.is_some()
    }
}

/// Reads `log_min_duration_statement`.
///
/// To enable it as the guide recommends (superuser): `ALTER SYSTEM SET
/// log_min_duration_statement = 1000; SELECT pg_reload_conf();`, or for one database:
/// `ALTER DATABASE … SET log_min_duration_statement = 1000;`.
///
/// # Errors
/// [`Error::Database`] when the setting cannot be read.
pub fn slow_query_threshold(conn: &mut PgConnection) -> Result<SlowQueryLogging> {
    #[derive(QueryableByName)]
    struct Setting {
        // pg_settings reports the value in the setting's unit, milliseconds, whatever unit it
        // was written with.
        #[diesel(sql_type = BigInt)]
        ms: i64,
        #[diesel(sql_type = Text)]
        raw: String,
    }
    let s: Setting = sql_query(
        "SELECT setting::bigint AS ms, current_setting('log_min_duration_statement') AS raw
         FROM pg_settings WHERE name = 'log_min_duration_statement'",
    )
    .get_result(conn)?;
    Ok(SlowQueryLogging {
        log_min_duration_statement_ms: (s.ms >= 0).then_some(s.ms),
        raw: s.raw,
    })
}

// ---------------------------------------------------------------------------------------------
// Orphaned rows
// ---------------------------------------------------------------------------------------------

/// How many orphaned values [`OrphanReport::sample`] shows at most.
pub const ORPHAN_SAMPLE_SIZE: i64 = 10;

/// A column that refers to a parent table's business key, with or without a foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The child table.
    pub table: Table,
    /// Its referring column.
    pub column: &'static str,
    /// The parent table.
    pub parent: Table,
    /// The parent's key column.
    pub parent_column: &'static str,
}

/// Declares [`REFERENCES`], proving at compile time that every column exists in
/// [`crate::schema`].
macro_rules! references {
    ($($child:ident . $column:ident -> $parent:ident . $parent_column:ident: $t:ident -> $p:ident),+ $(,)?) => {
        /// Every reference [`orphans`] checks: the `client_id` column of every table that has
        /// one, foreign key or not, and the `plan_id`, `module_id` and `ticket_id` children.
        pub const REFERENCES: &[Reference] = &[
            $(Reference {
                table: Table::$t,
                column: stringify!($column),
                parent: Table::$p,
                parent_column: stringify!($parent_column),
            }),+
        ];

        const _: () = {
            $(
                let _ = crate::schema::$child::$column;
                let _ = crate::schema::$parent::$parent_column;
            )+
        };
    };
}

references!(
    churn_predictions.client_id -> customers.client_id: ChurnPredictions -> Customers,
    contracts.client_id -> customers.client_id: Contracts -> Customers,
    customer_feedback.client_id -> customers.client_id: CustomerFeedback -> Customers,
    engagement_metrics.client_id -> customers.client_id: EngagementMetrics -> Customers,
    expansion_opportunities.client_id -> customers.client_id: ExpansionOpportunities -> Customers,
    health_metrics.client_id -> customers.client_id: HealthMetrics -> Customers,
    health_scores.client_id -> customers.client_id: HealthScores -> Customers,
    nps_responses.client_id -> customers.client_id: NpsResponses -> Customers,
    onboarding_plans.client_id -> customers.client_id: OnboardingPlans -> Customers,
    renewal_forecasts.client_id -> customers.client_id: RenewalForecasts -> Customers,
    risk_indicators.client_id -> customers.client_id: RiskIndicators -> Customers,
    sentiment_analysis.client_id -> customers.client_id: SentimentAnalysis -> Customers,
    support_tickets.client_id -> customers.client_id: SupportTickets -> Customers,
    training_completions.client_id -> customers.client_id: TrainingCompletions -> Customers,
    usage_analytics.client_id -> customers.client_id: UsageAnalytics -> Customers,
    onboarding_milestones.plan_id -> onboarding_plans.plan_id: OnboardingMilestones -> OnboardingPlans,
    training_completions.module_id -> training_modules.module_id: TrainingCompletions -> TrainingModules,
    ticket_comments.ticket_id -> support_tickets.ticket_id: TicketComments -> SupportTickets,
);

/// The result of checking one [`Reference`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrphanReport {
    /// The child table.
    pub table: Table,
    /// Its referring column.
    pub column: String,
    /// What it refers to, e.g. `customers.client_id`.
    pub references: String,
    /// Whether a validated foreign key guards the column (orphans can then appear only if
    /// triggers were disabled, e.g. by a restore with `session_replication_role = replica`).
    pub has_foreign_key: bool,
    /// Rows whose value has no parent row. NULL is not an orphan.
    pub orphan_count: i64,
    /// Up to [`ORPHAN_SAMPLE_SIZE`] distinct orphaned values, sorted.
    pub sample: Vec<String>,
}

/// Rows whose `client_id` (or `plan_id`, `module_id`, `ticket_id`) names no parent row, for
/// every entry of [`REFERENCES`], in that order; entries with no orphans are included with a
/// count of 0.
///
/// At the original point six `client_id` columns have no foreign key (`health_metrics`,
/// `engagement_metrics`, `usage_analytics`, `expansion_opportunities`, `training_completions`,
/// `sentiment_analysis`), so nothing but this check finds their orphans; schema v2 adds those
/// foreign keys and refuses to while orphans exist ([`delete_orphans`] removes them). At the head,
/// orphans can only appear if triggers were disabled (e.g. a restore with
/// `session_replication_role = replica`). Uses `NOT EXISTS` rather than the guide's
/// `NOT IN`: `NOT IN` returns nothing at all once the subquery yields a NULL, and cannot use an
/// anti-join.
///
/// # Errors
/// [`Error::Database`] when a table is missing (the schema is not fully migrated) or cannot be
/// read.
pub fn orphans(conn: &mut PgConnection) -> Result<Vec<OrphanReport>> {
    #[derive(QueryableByName)]
    struct ForeignKey {
        #[diesel(sql_type = Text)]
        table_name: String,
        #[diesel(sql_type = Text)]
        column_name: String,
        #[diesel(sql_type = Text)]
        parent_name: String,
    }
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = BigInt)]
        orphan_count: i64,
        #[diesel(sql_type = Array<Text>)]
        sample: Vec<String>,
    }

    let foreign_keys: Vec<ForeignKey> = sql_query(
        "SELECT t.relname::text AS table_name, a.attname::text AS column_name,
                p.relname::text AS parent_name
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class p ON p.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.convalidated
           AND n.nspname = current_schema()",
    )
    .load(conn)?;

    let mut out = Vec::with_capacity(REFERENCES.len());
    for r in REFERENCES {
        // Every identifier comes from `REFERENCES`, which is checked against the schema at
        // compile time; quoting is for robustness, not safety.
        let (child, column) = (r.table.quoted(), quote_ident(r.column));
        let orphaned = orphan_condition(conn, r)?;
        let found: Found = sql_query(format!(
            "WITH orphaned AS MATERIALIZED (
                 SELECT c.{column}::text AS value FROM {child} c WHERE {orphaned}
             )
             SELECT (SELECT count(*) FROM orphaned)::bigint AS orphan_count,
                    ARRAY(SELECT DISTINCT value FROM orphaned ORDER BY value LIMIT {ORPHAN_SAMPLE_SIZE})
                        AS sample"
        ))
        .get_result(conn)?;
        out.push(OrphanReport {
            table: r.table,
            column: r.column.to_owned(),
            references: format!("{}.{}", r.parent, r.parent_column),
            has_foreign_key: foreign_keys.iter().any(|fk| {
                fk.table_name == r.table.name()
                    && fk.column_name == r.column
                    && fk.parent_name == r.parent.name()
            }),
            orphan_count: found.orphan_count,
            sample: found.sample,
        });
    }
    Ok(out)
}

/// The WHERE condition (child aliased `c`) of a row of `r.table` whose reference `r` finds no
/// parent. When both tables carry `client_id` and the reference is another key (a comment's
/// ticket, a milestone's plan), the parent must also be the same customer's, as schema v2's
/// composite foreign keys say; that also keeps the check a join on the distribution column,
/// which Citus requires. Older schemas, where the child has no `client_id` yet, get the
/// single-column check.
fn orphan_condition(conn: &mut PgConnection, r: &Reference) -> Result<String> {
    #[derive(QueryableByName)]
    struct Both {
        #[diesel(sql_type = BigInt)]
        tables: i64,
    }
    let column = quote_ident(r.column);
    let (parent, parent_column) = (r.parent.quoted(), quote_ident(r.parent_column));
    let same_customer = r.column != "client_id"
        && sql_query(
            "SELECT count(DISTINCT c.relname) AS tables FROM pg_attribute a \
             JOIN pg_class c ON c.oid = a.attrelid \
             WHERE c.relnamespace = current_schema()::regnamespace \
               AND a.attname = 'client_id' AND NOT a.attisdropped AND c.relname IN ($1, $2)",
        )
        .bind::<Text, _>(r.table.name())
        .bind::<Text, _>(r.parent.name())
        .get_result::<Both>(conn)?
        .tables
            == 2;
    let and_customer = if same_customer {
        " AND p.client_id = c.client_id"
    } else {
        ""
    };
    Ok(format!(
        "c.{column} IS NOT NULL AND NOT EXISTS \
         (SELECT 1 FROM {parent} p WHERE p.{parent_column} = c.{column}{and_customer})"
    ))
}

/// What [`delete_orphans`] removed for one [`Reference`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeletedOrphans {
    /// The child table.
    pub table: Table,
    /// Its referring column.
    pub column: String,
    /// What it refers to, e.g. `customers.client_id`.
    pub references: String,
    /// Rows deleted from `table` (not counting rows their own foreign keys cascaded to).
    pub deleted: i64,
    /// Up to [`ORPHAN_SAMPLE_SIZE`] distinct deleted values, sorted.
    pub sample: Vec<String>,
}

/// Deletes every orphaned row [`orphans`] would report, in one transaction (all or nothing),
/// and returns what was removed for each [`Reference`] that had orphans.
///
/// This is the explicit repair before upgrading a database that holds orphans (an adopted one,
/// or one restored with triggers disabled) to schema v2, whose migration refuses to add the
/// missing foreign keys over orphans rather than delete anything silently. References are
/// handled in [`REFERENCES`] order, customers' children before their own children, so a
/// deleted orphan plan takes its milestones along through the cascade and they are not
/// counted again.
///
/// # Errors
/// [`Error::Database`] when a table is missing or a row cannot be deleted; nothing is deleted
/// then.
pub fn delete_orphans(conn: &mut PgConnection) -> Result<Vec<DeletedOrphans>> {
    #[derive(QueryableByName)]
    struct Deleted {
        #[diesel(sql_type = BigInt)]
        deleted: i64,
        #[diesel(sql_type = Array<Text>)]
        sample: Vec<String>,
    }
    use diesel::Connection;
    conn.transaction(|conn| {
        let mut out = Vec::new();
        for r in REFERENCES {
            // Identifiers come from `REFERENCES`, checked against the schema at compile time.
            let (child, column) = (r.table.quoted(), quote_ident(r.column));
            let orphaned = orphan_condition(conn, r)?;
            let found: Deleted = sql_query(format!(
                "WITH gone AS (
                     DELETE FROM {child} c WHERE {orphaned}
                     RETURNING c.{column}::text AS value
                 )
                 SELECT (SELECT count(*) FROM gone)::bigint AS deleted,
                        ARRAY(SELECT DISTINCT value FROM gone ORDER BY value LIMIT {ORPHAN_SAMPLE_SIZE})
                            AS sample"
            ))
            .get_result(conn)?;
            if found.deleted > 0 {
                log::warn!(
                    "deleted {} orphaned rows from {} ({} -> {}.{})",
                    found.deleted,
                    r.table,
                    r.column,
                    r.parent,
                    r.parent_column
                );
                out.push(DeletedOrphans {
                    table: r.table,
                    column: r.column.to_owned(),
                    references: format!("{}.{}", r.parent, r.parent_column),
                    deleted: found.deleted,
                    sample: found.sample,
                });
            }
        }
        Ok(out)
    })
}

// ---------------------------------------------------------------------------------------------
// Derived values
// ---------------------------------------------------------------------------------------------

/// Rewrites the stored values that depend on the clock, as of now: both `*_sla_status`
/// columns of every support ticket (from its timestamps and SLA minutes, as
/// [`SlaStatus::at`](crate::types::SlaStatus::at) computes them) and
/// `renewal_forecasts.days_until_renewal` (days from today, UTC). Only rows whose stored value
/// differs are written. It also rebuilds the CSM workload summary
/// ([`rebuild_csm_workload_summary`]). Returns how many rows changed, plus the number of CSMs
/// whose summary was wrong (0 unless its triggers were bypassed).
///
/// The dashboards of [`crate::queries`] compute these at query time and do not need it; run it
/// (e.g. `csdb refresh` from cron, hourly) for readers that use the stored columns. Schema v2's
/// `csdb_refresh_derived_values()` SQL function does the work, so plain-SQL clients can call it
/// too.
pub fn refresh_derived_values(conn: &mut PgConnection) -> Result<i64> {
    #[derive(QueryableByName)]
    struct Changed {
        #[diesel(sql_type = BigInt)]
        changed: i64,
    }
    let r: Changed =
        sql_query("SELECT csdb_refresh_derived_values() AS changed").get_result(conn)?;
    Ok(r.changed + rebuild_csm_workload_summary(conn)?)
}

/// Rebuilds `csm_workload_summary` (schema v2: per CSM, the number of active customers and the
/// sum of their health scores, which [`crate::queries::csm_workload`] reads) from `customers`,
/// one row per CSM. Returns how many CSMs' stored totals differed from `customers` before.
///
/// Triggers on `customers` keep the summary exact, so the count is 0 unless they were bypassed
/// (`session_replication_role = replica`, `ALTER TABLE … DISABLE TRIGGER`). What the rebuild is
/// for is folding the extra rows a CSM gets while concurrent writers change its customers (so
/// that none waits for another) back into one. It reads every active customer (about as long as
/// the dashboard took before the summary: 25 ms at 100k customers) and holds back, meanwhile,
/// writers whose changes would alter the summary; readers are not blocked. The SQL function
/// `csdb_rebuild_csm_workload_summary()` does the work.
pub fn rebuild_csm_workload_summary(conn: &mut PgConnection) -> Result<i64> {
    #[derive(QueryableByName)]
    struct Drifted {
        #[diesel(sql_type = BigInt)]
        drifted: i64,
    }
    let r: Drifted =
        sql_query("SELECT csdb_rebuild_csm_workload_summary() AS drifted").get_result(conn)?;
    Ok(r.drifted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_and_others_are_rejected() {
        assert_eq!(Table::ALL.len(), 26);
        for t in Table::ALL {
            assert_eq!(Table::parse(t.name()).ok(), Some(*t));
            assert!(TABLE_NAMES.contains(t.name()));
        }
        let mut sorted = Table::ALL.to_vec();
        sorted.sort_by_key(|t| t.name());
        assert_eq!(sorted, Table::ALL);
        for bad in [
            "",
            "Customers",
            "customers;",
            "public.customers",
            "\"customers\"",
        ] {
            let err = Table::parse(bad)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.contains("one of churn_predictions, "), "{err}");
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
    }

    #[test]
    fn identifiers_are_quoted() {
        assert_eq!(quote_ident("customers"), "\"customers\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(Table::Customers.quoted(), "\"customers\"");
    }

    fn ix(
        table: &str,
        name: &str,
        cols: &[&str],
        unique: bool,
        constraint: Option<&str>,
    ) -> IndexDefinition {
        IndexDefinition {
            table_name: table.into(),
            index_name: name.into(),
            comparable: true,
            is_unique: unique,
            is_primary: constraint.is_some_and(|c| c.ends_with("_pkey")),
            has_include: false,
            constraint_name: constraint.map(Into::into),
            columns: cols.iter().map(|c| (*c).to_owned()).collect(),
            key_signature: cols.iter().map(|c| format!("{c}/1/0/0")).collect(),
            size_bytes: 8192,
        }
    }

    #[test]
    fn redundancy_rules() {
        let found = find_redundant(&[
            ix("t", "t_pkey", &["id"], true, Some("t_pkey")),
            ix("t", "t_k_key", &["k"], true, Some("t_k_key")),
            ix("t", "ix_t_k", &["k"], false, None),
            ix("t", "ix_t_k_at", &["k", "at"], false, None),
            ix("t", "ix_t_b", &["b"], false, None),
            ix("t", "ix_t_a", &["b"], false, None),
            ix("t", "ix_t_u", &["u"], true, None),
            ix("t", "ix_t_u_v", &["u", "v"], false, None),
            ix("u", "ix_u_b", &["b"], false, None),
        ]);
        let got: Vec<_> = found
            .iter()
            .map(|r| (r.index.as_str(), r.covered_by.as_str(), r.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("ix_t_k", "t_k_key", Redundancy::DuplicatesConstraint),
                ("ix_t_b", "ix_t_a", Redundancy::Duplicate),
            ]
        );
        assert!(found[0]
            .reason
            .contains("also a leading prefix of ix_t_k_at"));
        // A unique index that is a prefix is kept; so are indexes of other tables.
        assert!(!got.iter().any(|(i, _, _)| *i == "ix_t_u" || *i == "ix_u_b"));
    }

    #[test]
    fn prefix_prefers_a_covering_index_that_is_kept() {
        let found = find_redundant(&[
            ix("t", "ix_a", &["a"], false, None),
            ix("t", "ix_a_b", &["a", "b"], false, None),
            ix("t", "ix_a_b2", &["a", "b"], false, None),
        ]);
        let got: Vec<_> = found
            .iter()
            .map(|r| (r.index.as_str(), r.covered_by.as_str(), r.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("ix_a", "ix_a_b", Redundancy::Prefix),
                ("ix_a_b2", "ix_a_b", Redundancy::Duplicate),
            ]
        );
    }
}
