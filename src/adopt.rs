//! Adopting a database created by the original system.
//!
//! The original Python system (SQLAlchemy, Alembic revision [`LEGACY_REVISION`]) created the same
//! 24 tables, indexes and constraints as this crate's migrations, but with older column types:
//! `json` instead of `jsonb`, money as `double precision` instead of `numeric(14,2)`, `timestamp`
//! without time zone instead of `timestamptz`, `serial` (`integer`) ids instead of `bigint`
//! identities, and, because SQLAlchemy's `default=` is applied by the client, no server defaults
//! and nullable columns where this crate has `NOT NULL DEFAULT ...`.
//!
//! [`detect`] tells such a database apart from an empty one, one managed by this crate and
//! anything else. [`check`] is a dry run: it reports what [`adopt`] would do and every row the
//! crate could not accept, and changes nothing. [`adopt`] converts the database to exactly the
//! schema the migrations create and records every migration as applied, so
//! [`migrations::run_pending`] finds nothing to do and the typed models read every row.
//!
//! ```no_run
//! use customer_success_db::{adopt, connection};
//! let mut conn = connection::connect_from_env()?;
//! let plan = adopt::check(&mut conn)?;
//! println!("{plan}");
//! if plan.problems.is_empty() {
//!     let done = adopt::adopt(&mut conn)?;
//!     println!("{done}");
//! }
//! # Ok::<(), customer_success_db::Error>(())
//! ```
//!
//! # What adoption does
//!
//! In **one transaction**, holding the migrations' advisory lock
//! ([`migrations::ADVISORY_LOCK_KEY`]) so that no migration runs at the same time:
//!
//! 1. locks all 24 tables (and `alembic_version`) in `ACCESS EXCLUSIVE` mode, **before** looking
//!    at them, so that no other session can write (or read) a row between the checks and the
//!    conversion: what was checked is what is converted, and the identities continue after the
//!    ids that really exist. Each lock is waited for at most [`Options::lock_timeout`]; when it
//!    runs out, the error names the sessions holding conflicting locks (pid, application name,
//!    state and query, from `pg_locks` and `pg_stat_activity`);
//! 2. checks the database (the same checks as [`check`]) and refuses, changing nothing, if
//!    there is any problem;
//! 3. per table: fills the NULLs of every column the crate makes `NOT NULL` with that column's
//!    default; converts `json` → `jsonb`, money → `numeric(14,2)` (rounded to cents), `timestamp`
//!    → `timestamptz` (read as UTC), `integer` id → `bigint` identity; sets the crate's server
//!    defaults and `NOT NULL`; re-creates the CHECK constraints for the new types; and starts the
//!    identity after the existing ids;
//! 4. installs Diesel's `updated_at` helpers and triggers and the table comments, exactly as the
//!    migrations up to [`ORIGINAL_POINT`] do, drops `alembic_version` and records those
//!    migrations as applied in `__diesel_schema_migrations`;
//! 5. runs every later migration (the crate's schema changes since the original system), so the
//!    database ends at the head of the embedded migrations;
//! 6. reads every row of every table back through the crate's typed models: a row they cannot
//!    read (a JSON number beyond `f64`, JSON nested deeper than `serde_json`'s limit, a value a
//!    newtype rejects) is a problem, and the adoption is refused.
//!
//! A failure at any step rolls the whole transaction back: the database is either adopted or
//! unchanged. [`check`] runs exactly the same steps and always rolls back, so a `check` without
//! problems means [`adopt`] succeeds on the same data, and a failing step (a view in another
//! schema that uses a converted column, a migration whose new constraint the data violates) is
//! reported by `check` as a problem.
//!
//! **Adoption blocks the database's other users for its duration**, writers and readers of the
//! 24 tables alike (so does [`check`], which converts and rolls back): run it when the original
//! system is stopped, or at least quiet. [`AdoptionReport::tables_locked_ms`] says how long the
//! tables were locked.
//!
//! # Decisions
//!
//! * **Money is rounded to cents.** A `double precision` amount is converted through its
//!   15-significant-digit decimal form (PostgreSQL's `float8` → `numeric` cast), so float noise
//!   such as `1234.5600000001` or `0.30000000000000004` disappears, and then rounded half away
//!   from zero to two decimals. The original system computed with floats, so sub-cent digits are
//!   artefacts of that, not amounts anyone meant; refusing them would make almost every real
//!   database unadoptable. Each column whose values change is listed in
//!   [`AdoptionReport::rounded_money`] with examples. NaN, ±infinity, amounts that are negative
//!   after rounding ([`Money`](crate::types::Money) rejects them) and amounts of 10¹² or more
//!   (`numeric(14,2)` overflow) are problems.
//! * **NULLs in columns the crate makes `NOT NULL` become the column's default** (the value the
//!   original system's client-side default would have written), counted per column in
//!   [`AdoptionReport::filled_nulls`]. A NULL in a `NOT NULL` column without a default is a
//!   problem. `updated_at` is not touched by the fill: the triggers are installed afterwards.
//! * **Timestamps are UTC.** The original system wrote `datetime.utcnow()`, so `timestamp`
//!   values become `timestamptz` with `AT TIME ZONE 'UTC'`, whatever the session's `TimeZone`.
//! * **Ids are never reused.** The identity continues at the larger of `max(id) + 1` and the
//!   legacy sequence's next value, so the ids of rows deleted in the original system are not
//!   handed out again ([`AdoptionReport::identity_restarts`]).
//! * **JSON keeps its meaning, not its spelling.** `jsonb` normalises whitespace and key order and
//!   keeps the last of duplicate keys, which is also what the original system's `json.loads` saw.
//!   Text `jsonb` cannot hold (`\u0000`, unpaired UTF-16 surrogates) is a problem.
//! * **Rows the crate would reject are problems:** a value outside a closed-set column's enum, a
//!   score outside its newtype's range, a `StringList` column that is not an array of strings, an
//!   infinite date or timestamp (chrono cannot represent it), and the money cases above.
//! * **The schema must be exactly that of the revision.** Another table, view, sequence, trigger,
//!   function or type in `public`, or a column, index or constraint that differs, is a problem:
//!   the result must be exactly the crate's schema, and guessing what to do with an unknown
//!   object could lose data. Server defaults a legacy column may have are replaced by the crate's.

use std::fmt;
use std::time::{Duration, Instant};

use chrono::Datelike;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text};
use diesel::{
    sql_query, Connection, ExpressionMethods, PgConnection, QueryDsl, QueryableByName, RunQueryDsl,
    SelectableHelper,
};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::migrations;
use crate::types::{
    ArticleStatus, AuthorType, BillingFrequency, CertificationLevel, CompetitivePressure,
    ComponentScore, ContractType, CustomerStatus, CustomerTier, ExpansionType, FeedbackPriority,
    FeedbackStatus, FeedbackType, HealthScore, HealthTrend, LifecycleStage, MetricTrend,
    MilestoneStatus, NpsCategory, NpsScore, OnboardingStatus, OpportunityStage, PaymentStatus,
    Probability, RenewalStatus, RiskLevel, SatisfactionRating, Sentiment, SentimentScore,
    SentimentTrend, SlaStatus, SurveyFrequency, TicketCategory, TicketPriority, TicketStatus,
    TrainingFormat,
};

/// The only Alembic revision of the original system, recorded in its `alembic_version` table.
pub const LEGACY_REVISION: &str = "6b022f57af5f";

/// The last migration whose schema the original system's revision corresponds to: adoption
/// converts a legacy database to the schema of the migrations up to and including this one,
/// records them as applied, and then runs every later migration.
pub const ORIGINAL_POINT: &str = "2024-06-01-000006_create_analytics_tables";

/// How long [`adopt`] and [`check`] wait for each lock by default (see [`Options`]).
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// How [`adopt_with`] and [`check_with`] run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How long to wait for each lock (the migrations' advisory lock, the tables) before giving
    /// up with an error that names who holds it. PostgreSQL's `lock_timeout`, set for the
    /// adoption's transaction only; zero waits forever.
    pub lock_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lock_timeout: DEFAULT_LOCK_TIMEOUT,
        }
    }
}

/// The table in which the original system's Alembic records its revision.
const ALEMBIC_TABLE: &str = "alembic_version";

/// Diesel's bookkeeping table (see [`migrations::stamp_all`]).
const BOOKKEEPING_TABLE: &str = "__diesel_schema_migrations";

/// How many offending rows a problem shows as examples.
const MAX_EXAMPLES: i64 = 3;

/// How many characters of a value an example shows.
const MAX_EXAMPLE_CHARS: usize = 60;

/// What kind of database a connection points at, as far as this crate is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DatabaseKind {
    /// No tables, views or sequences in schema `public`: [`migrations::run_pending`] creates the
    /// schema; there is nothing to adopt.
    Empty,
    /// Managed by this crate's migrations (`__diesel_schema_migrations` exists);
    /// [`migrations::pending`] tells whether it is up to date.
    Current,
    /// Created by the original system: `alembic_version` holds [`LEGACY_REVISION`].
    Legacy {
        /// The revision found in `alembic_version`.
        alembic_revision: String,
    },
    /// Anything else: another Alembic revision, another application's tables, or both
    /// bookkeeping tables at once. Adoption refuses it.
    Unknown {
        /// Why the database was not recognised.
        reason: String,
    },
}

impl fmt::Display for DatabaseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseKind::Empty => f.write_str("an empty database"),
            DatabaseKind::Current => f.write_str("a database managed by this crate's migrations"),
            DatabaseKind::Legacy { alembic_revision } => write!(
                f,
                "a database of the original system (Alembic revision {alembic_revision})"
            ),
            DatabaseKind::Unknown { reason } => write!(f, "an unrecognised database: {reason}"),
        }
    }
}

/// A column whose type adoption changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConvertedColumn {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// The legacy type, e.g. `json`.
    pub from: String,
    /// The crate's type, e.g. `jsonb`.
    pub to: String,
}

/// A server default adoption sets (the legacy database has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnDefault {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// The default expression, as in the migrations, e.g. `'[]'::jsonb`.
    pub default: String,
}

/// A column that adoption makes `NOT NULL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRef {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
}

/// NULLs replaced by the column's default because the crate makes the column `NOT NULL`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilledNulls {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// How many rows held NULL (and now hold the default).
    pub rows: i64,
    /// The default written, as in the migrations, e.g. `'Technology'`.
    pub default: String,
}

/// Money values that rounding to cents changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundedMoney {
    /// The table.
    pub table: String,
    /// The column.
    pub column: String,
    /// How many rows change.
    pub rows: i64,
    /// A few of them, e.g. `id 7: 1234.565 -> 1234.57`.
    pub examples: Vec<String>,
}

/// Where a table's identity continues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityRestart {
    /// The table.
    pub table: String,
    /// The id the next insert gets.
    pub next_id: i64,
}

/// Something that keeps a database from being adopted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The table concerned, or `public` for an object outside any table (a function, a type).
    pub table: String,
    /// The column concerned, when there is one.
    pub column: Option<String>,
    /// How many rows are affected; 0 for a difference in the schema itself.
    pub rows: i64,
    /// What is wrong, e.g. `value outside CustomerTier (starter, standard, ...)`.
    pub what: String,
    /// A few offending rows, e.g. `id 3: "platinum"`.
    pub examples: Vec<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.table)?;
        if let Some(column) = &self.column {
            write!(f, ".{column}")?;
        }
        if self.rows > 0 {
            write!(f, ": {} {}", self.rows, plural(self.rows, "row", "rows"))?;
        }
        write!(f, ": {}", self.what)?;
        if !self.examples.is_empty() {
            write!(f, "; e.g. {}", self.examples.join(", "))?;
        }
        Ok(())
    }
}

/// What [`check`] found and [`adopt`] would do (or, from [`adopt`], did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdoptionReport {
    /// What [`detect`] found.
    pub kind: DatabaseKind,
    /// Whether the database was converted (only [`adopt`] of a legacy database sets this).
    pub applied: bool,
    /// Columns whose type changes.
    pub converted_columns: Vec<ConvertedColumn>,
    /// Server defaults set.
    pub defaults_set: Vec<ColumnDefault>,
    /// Columns made `NOT NULL`.
    pub not_null_set: Vec<ColumnRef>,
    /// NULLs replaced by the column default, per column (only columns that had some).
    pub filled_nulls: Vec<FilledNulls>,
    /// Money values changed by rounding to cents, per column (only columns that had some).
    pub rounded_money: Vec<RoundedMoney>,
    /// Where each table's ids continue.
    pub identity_restarts: Vec<IdentityRestart>,
    /// Tables that get the `set_updated_at` trigger.
    pub triggers: Vec<String>,
    /// Migration versions recorded as applied: those up to [`ORIGINAL_POINT`], whose schema
    /// the conversion produces.
    pub stamped_migrations: Vec<String>,
    /// Migration versions run after the conversion (those after [`ORIGINAL_POINT`]).
    pub migrated: Vec<String>,
    /// Why the database cannot be adopted; adoption happens only when this is empty.
    pub problems: Vec<Problem>,
    /// How long the tables were locked, in milliseconds: from the lock request to the end of
    /// the transaction (commit, or the rollback of a refusal or of [`check`]). Other sessions
    /// could neither write nor read them meanwhile. 0 when nothing was locked.
    pub tables_locked_ms: u64,
}

impl AdoptionReport {
    fn new(kind: DatabaseKind) -> Self {
        AdoptionReport {
            kind,
            applied: false,
            converted_columns: Vec::new(),
            defaults_set: Vec::new(),
            not_null_set: Vec::new(),
            filled_nulls: Vec::new(),
            rounded_money: Vec::new(),
            identity_restarts: Vec::new(),
            triggers: Vec::new(),
            stamped_migrations: Vec::new(),
            migrated: Vec::new(),
            problems: Vec::new(),
            tables_locked_ms: 0,
        }
    }

    /// The total number of NULLs filled with defaults.
    pub fn filled_rows(&self) -> i64 {
        self.filled_nulls.iter().map(|f| f.rows).sum()
    }
}

impl fmt::Display for AdoptionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let legacy = matches!(self.kind, DatabaseKind::Legacy { .. });
        let state = if !legacy {
            "nothing to adopt"
        } else if self.applied {
            "adopted"
        } else if self.problems.is_empty() {
            "can be adopted"
        } else {
            "cannot be adopted"
        };
        writeln!(f, "{}: {state}", capitalised(&self.kind.to_string()))?;
        if !legacy {
            return Ok(());
        }
        if !self.problems.is_empty() {
            let n = self.problems.len() as i64;
            writeln!(f, "{n} {}:", plural(n, "problem", "problems"))?;
            for p in &self.problems {
                writeln!(f, "  {p}")?;
            }
            return Ok(());
        }
        let (convert, set, fill) = if self.applied {
            ("converted", "set", "filled")
        } else {
            ("converts", "sets", "to fill")
        };
        writeln!(
            f,
            "  {convert} {} columns, {set} {} defaults and {} NOT NULL constraints",
            self.converted_columns.len(),
            self.defaults_set.len(),
            self.not_null_set.len()
        )?;
        if self.filled_nulls.is_empty() {
            writeln!(f, "  no NULLs to fill")?;
        } else {
            writeln!(f, "  NULLs {fill} with the column default:")?;
            for n in &self.filled_nulls {
                let rows = plural(n.rows, "row", "rows");
                writeln!(
                    f,
                    "    {}.{}: {} {rows} -> {}",
                    n.table, n.column, n.rows, n.default
                )?;
            }
        }
        for r in &self.rounded_money {
            let rows = plural(r.rows, "row", "rows");
            writeln!(
                f,
                "  {}.{}: {} {rows} rounded to cents, e.g. {}",
                r.table,
                r.column,
                r.rows,
                r.examples.join(", ")
            )?;
        }
        let ids: Vec<String> = self
            .identity_restarts
            .iter()
            .map(|i| format!("{} {}", i.table, i.next_id))
            .collect();
        writeln!(f, "  next ids: {}", ids.join(", "))?;
        writeln!(
            f,
            "  updated_at triggers on {} tables; {} migrations recorded as applied, {} run",
            self.triggers.len(),
            self.stamped_migrations.len(),
            self.migrated.len()
        )?;
        writeln!(
            f,
            "  the tables were locked (no other session could write or read them) for {} ms",
            self.tables_locked_ms
        )
    }
}

/// The error source of an [`adopt`] that refused a database with problems; carries the report.
///
/// ```no_run
/// # use customer_success_db::adopt;
/// # fn demo(conn: &mut diesel::PgConnection) {
/// if let Err(e) = adopt::adopt(conn) {
///     if let Some(report) = adopt::AdoptionRefused::report_of(&e) {
///         for p in &report.problems {
///             eprintln!("{p}");
///         }
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct AdoptionRefused {
    /// The dry-run report, with at least one problem.
    pub report: AdoptionReport,
}

impl AdoptionRefused {
    /// The report of a refused adoption, if `error` is one.
    pub fn report_of(error: &Error) -> Option<&AdoptionReport> {
        let source = std::error::Error::source(error)?;
        source
            .downcast_ref::<AdoptionRefused>()
            .map(|refused| &refused.report)
    }
}

impl fmt::Display for AdoptionRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.report.problems.len() as i64;
        write!(
            f,
            "refusing to adopt {}: {n} {} (nothing was changed)",
            self.report.kind,
            plural(n, "problem", "problems")
        )?;
        for p in &self.report.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AdoptionRefused {}

/// Classifies the database `conn` points at. Reads only the catalog and `alembic_version`.
///
/// # Errors
/// [`Error::Database`] (or another database variant) when the catalog cannot be read.
pub fn detect(conn: &mut PgConnection) -> Result<DatabaseKind> {
    let relations = relations(conn)?;
    let has = |name: &str| relations.iter().any(|r| r.name == name);
    match (has(BOOKKEEPING_TABLE), has(ALEMBIC_TABLE)) {
        (true, true) => Ok(DatabaseKind::Unknown {
            reason: format!(
                "it has both {ALEMBIC_TABLE} and {BOOKKEEPING_TABLE}: it looks half adopted"
            ),
        }),
        (true, false) => Ok(DatabaseKind::Current),
        (false, true) => alembic_kind(conn),
        (false, false) if relations.is_empty() => Ok(DatabaseKind::Empty),
        (false, false) => {
            let names: Vec<&str> = relations.iter().take(5).map(|r| r.name.as_str()).collect();
            Ok(DatabaseKind::Unknown {
                reason: format!(
                    "schema public holds {} {} ({}{}) but neither {ALEMBIC_TABLE} nor {BOOKKEEPING_TABLE}",
                    relations.len(),
                    plural(relations.len() as i64, "relation", "relations"),
                    names.join(", "),
                    if relations.len() > names.len() { ", ..." } else { "" }
                ),
            })
        }
    }
}

/// Dry run of [`adopt`]: what it would convert, fill and restart, and every problem that would
/// make it refuse. Runs the real adoption (with [`Options::default`]) in a transaction (a
/// savepoint inside a caller's transaction) that it always rolls back, so it changes nothing,
/// and a report without problems means [`adopt`] succeeds on the same data. It takes the same
/// locks as [`adopt`], for as long.
///
/// A database managed by this crate gives a report with nothing to do.
///
/// # Errors
/// [`Error::Migration`] for an empty or unrecognised database (nothing to adopt), or when a lock
/// is not granted within the timeout (naming who holds it); a database error when the catalog
/// or the data cannot be read.
pub fn check(conn: &mut PgConnection) -> Result<AdoptionReport> {
    check_with(conn, &Options::default())
}

/// [`check`] with the given [`Options`].
///
/// # Errors
/// As [`check`].
pub fn check_with(conn: &mut PgConnection, options: &Options) -> Result<AdoptionReport> {
    AnsiTransactionManager::begin_transaction(conn)?;
    let mut locked = None;
    let result = attempt(conn, options, &mut locked);
    // Always rolled back: the dry run converts for real to find out whether it works.
    let rolled_back = AnsiTransactionManager::rollback_transaction(conn);
    let mut report = result?;
    rolled_back?;
    report.applied = false;
    report.tables_locked_ms = elapsed_ms(locked);
    Ok(report)
}

/// Converts a database of the original system into one managed by this crate, in one transaction
/// (see the [module documentation](self)), and returns what it did. Uses [`Options::default`].
///
/// A database already managed by this crate is left alone: the report says so and `applied` is
/// false, so adopting twice is harmless.
///
/// # Errors
/// * [`Error::Migration`] with an [`AdoptionRefused`] source (see
///   [`AdoptionRefused::report_of`]) when the checks find problems, or a step of the conversion
///   or the read-back fails; its message lists them. The database is unchanged.
/// * [`Error::Migration`] for an empty or unrecognised database, or when a lock is not granted
///   within the timeout (naming who holds it); the database is unchanged.
pub fn adopt(conn: &mut PgConnection) -> Result<AdoptionReport> {
    adopt_with(conn, &Options::default())
}

/// [`adopt`] with the given [`Options`].
///
/// # Errors
/// As [`adopt`].
pub fn adopt_with(conn: &mut PgConnection, options: &Options) -> Result<AdoptionReport> {
    let mut locked = None;
    let result = conn.transaction(|conn| {
        let mut report = attempt(conn, options, &mut locked)?;
        if !report.problems.is_empty() {
            // Rolled back: whatever ran of the conversion is undone.
            report.applied = false;
            let message = AdoptionRefused {
                report: report.clone(),
            }
            .to_string();
            return Err(Error::Migration {
                message,
                source: Some(Box::new(AdoptionRefused { report })),
            });
        }
        Ok(report)
    });
    let locked_ms = elapsed_ms(locked);
    match result {
        Ok(mut report) => {
            report.tables_locked_ms = locked_ms;
            Ok(report)
        }
        Err(Error::Migration {
            message,
            source: Some(source),
        }) => match source.downcast::<AdoptionRefused>() {
            Ok(mut refused) => {
                refused.report.tables_locked_ms = locked_ms;
                Err(Error::Migration {
                    message,
                    source: Some(refused),
                })
            }
            Err(source) => Err(Error::Migration {
                message,
                source: Some(source),
            }),
        },
        Err(e) => Err(e),
    }
}

fn elapsed_ms(since: Option<Instant>) -> u64 {
    since.map_or(0, |t| {
        u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX)
    })
}

/// The adoption itself, inside the caller's transaction (which [`check`] rolls back and
/// [`adopt`] commits when there is no problem). Sets `locked` when it asks for the table locks.
fn attempt(
    conn: &mut PgConnection,
    options: &Options,
    locked: &mut Option<Instant>,
) -> Result<AdoptionReport> {
    // Local to the transaction: a lock that is not granted in time fails the statement, and the
    // error then names the holders instead of leaving the caller waiting with no clue.
    conn.batch_execute(&format!(
        "SET LOCAL lock_timeout = {}",
        options.lock_timeout.as_millis().min(i32::MAX as u128)
    ))?;
    // The same lock as every migration operation, for the whole transaction: a concurrent
    // `run_pending` waits, then finds the schema current.
    take_lock(
        conn,
        &format!(
            "SELECT pg_advisory_xact_lock({})",
            migrations::ADVISORY_LOCK_KEY
        ),
        "the migrations' advisory lock",
        &[],
        options,
    )?;
    let kind = detect(conn)?;
    if let DatabaseKind::Legacy { .. } = kind {
        // Locked before anything is read: a row written between the checks and the conversion
        // would be converted unchecked, and the identities would restart below its id.
        let existing: Vec<String> = relations(conn)?
            .into_iter()
            .filter(|r| {
                r.kind == "r"
                    && (r.name == ALEMBIC_TABLE || TABLES.iter().any(|t| t.name == r.name))
            })
            .map(|r| r.name)
            .collect();
        if !existing.is_empty() {
            *locked = Some(Instant::now());
            let list: Vec<String> = existing.iter().map(|t| format!("public.{t}")).collect();
            take_lock(
                conn,
                &format!("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE", list.join(", ")),
                "the tables",
                &existing,
                options,
            )?;
        }
    }
    let Survey { mut report, plan } = survey(conn, kind)?;
    let Some(plan) = plan else {
        return Ok(report);
    };
    // In a savepoint: a step that fails becomes a problem in the report, so that `check` can
    // report it and `adopt` refuses with the same report.
    let outcome = conn.transaction(|conn| {
        execute(conn, &plan, &mut report)?;
        run_later_migrations(conn, &mut report)?;
        read_back(conn, &mut report)?;
        Ok::<_, StepFailed>(())
    });
    match outcome {
        Ok(()) => report.applied = true,
        Err(failed) if !failed.problems.is_empty() => report.problems.extend(failed.problems),
        Err(failed) => report.problems.push(Problem {
            table: failed.table,
            column: None,
            rows: 0,
            what: failed.what,
            examples: Vec::new(),
        }),
    }
    Ok(report)
}

/// A step of the conversion that failed, as a problem of the table concerned (or, when the
/// failure lists them, as several).
#[derive(Debug)]
struct StepFailed {
    table: String,
    what: String,
    problems: Vec<Problem>,
}

/// Runs the migrations after [`ORIGINAL_POINT`] on the converted database, each in a savepoint
/// and recorded as Diesel records it (what `run_pending` does, but keeping the server's error
/// whole: a migration that finds rows breaking its rules lists them in the DETAIL, one per
/// line, and each becomes a problem of its own table).
fn run_later_migrations(
    conn: &mut PgConnection,
    report: &mut AdoptionReport,
) -> std::result::Result<(), StepFailed> {
    let (_, later) = original_and_later()?;
    report.migrated.clear();
    for m in later {
        let ran = conn.transaction(|conn| {
            // The index migration runs CONCURRENTLY on a live database; here the tables are
            // locked and the conversion is one transaction, so it runs as plain DDL.
            m.run_up_in_transaction(conn)?;
            sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ($1)")
                .bind::<Text, _>(m.version())
                .execute(conn)?;
            Ok::<_, diesel::result::Error>(())
        });
        if let Err(e) = ran {
            // The first line: a violation report repeats its details after it, and those become
            // the problems below.
            let first = e.to_string();
            let first = first.lines().next().unwrap_or_default();
            let what = format!(
                "migration {} fails on the converted database: {first}",
                m.name
            );
            let details = match &e {
                diesel::result::Error::DatabaseError(_, info) => {
                    info.details().unwrap_or("").to_owned()
                }
                _ => String::new(),
            };
            return Err(StepFailed {
                table: "public".to_owned(),
                problems: details
                    .lines()
                    .filter(|line| !line.trim().is_empty())
                    .map(|line| detail_problem(line, m.name))
                    .collect(),
                what,
            });
        }
        report.migrated.push(m.version());
    }
    Ok(())
}

/// One line of a migration's violation report, e.g. `customers.tier (check_tier): 2 row(s)
/// violate ...`, as a problem of that table and column.
fn detail_problem(line: &str, migration: &str) -> Problem {
    let line = line.trim();
    let head = line.split([' ', ':']).next().unwrap_or("");
    let (table, column) = match head.split_once('.') {
        Some((table, column)) => (table, Some(column.split('/').next().unwrap_or(column))),
        None => ("public", None),
    };
    let known = TABLES.iter().any(|t| t.name == table);
    let rows = line
        .split_once(": ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Problem {
        table: if known { table } else { "public" }.to_owned(),
        column: column.filter(|_| known).map(str::to_owned),
        rows,
        what: format!("{line} (found by migration {migration})"),
        examples: Vec::new(),
    }
}

impl From<diesel::result::Error> for StepFailed {
    fn from(e: diesel::result::Error) -> Self {
        StepFailed {
            table: "public".to_owned(),
            what: format!("the conversion fails: {e}"),
            problems: Vec::new(),
        }
    }
}

impl From<Error> for StepFailed {
    fn from(e: Error) -> Self {
        StepFailed {
            table: "public".to_owned(),
            what: format!("the conversion fails: {e}"),
            problems: Vec::new(),
        }
    }
}

/// Runs `sql`, which takes a lock, in a savepoint; when it fails (the lock timeout ran out),
/// the error names the sessions that hold conflicting locks on `tables` or the migrations'
/// advisory lock.
fn take_lock(
    conn: &mut PgConnection,
    sql: &str,
    what: &str,
    tables: &[String],
    options: &Options,
) -> Result<()> {
    let taken = conn.transaction(|conn| conn.batch_execute(sql));
    let Err(e) = taken else {
        return Ok(());
    };
    let holders = lock_holders(conn, tables).unwrap_or_else(|read| {
        vec![format!(
            "(the sessions holding it could not be listed: {read})"
        )]
    });
    let holders = if holders.is_empty() {
        "no session holds it any more; try again".to_owned()
    } else {
        format!("held by {}", holders.join("; "))
    };
    Err(Error::migration(
        format!(
            "adopting the legacy database: could not take {what} within {:?} ({e}): {holders}. \
             Nothing was changed. Adoption locks every table of the original system for its \
             duration: stop the original system's writers (or wait for them), then try again",
            options.lock_timeout
        ),
        Box::new(e),
    ))
}

/// The other sessions holding a lock on one of `tables` (of schema `public`) or on the
/// migrations' advisory lock, one line each: pid, application, state, locks and query.
fn lock_holders(conn: &mut PgConnection, tables: &[String]) -> Result<Vec<String>> {
    #[derive(QueryableByName)]
    struct Holder {
        #[diesel(sql_type = Text)]
        line: String,
    }
    let key = migrations::ADVISORY_LOCK_KEY;
    let rows: Vec<Holder> = sql_query(format!(
        "SELECT format('pid %s (application %L, user %L, %s) holding %s; its query: %s',
                       a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
                       coalesce(a.state, 'unknown state'),
                       string_agg(DISTINCT l.mode || ' on ' ||
                                  coalesce(c.relname::text, 'the migrations'' advisory lock'),
                                  ', '),
                       coalesce(left(regexp_replace(a.query, '[[:space:]]+', ' ', 'g'), 200), '')) AS line
         FROM pg_locks l
         JOIN pg_stat_activity a ON a.pid = l.pid
         LEFT JOIN pg_class c ON l.locktype = 'relation' AND c.oid = l.relation
         WHERE l.granted AND l.pid <> pg_backend_pid()
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND ((l.locktype = 'relation' AND c.relnamespace = 'public'::regnamespace
                 AND c.relname = ANY($1))
             OR (l.locktype = 'advisory' AND l.classid::int8 = ({key}::int8 >> 32)
                 AND l.objid::int8 = ({key}::int8 & 4294967295) AND l.objsubid = 1))
         GROUP BY a.pid, a.application_name, a.usename, a.state, a.query
         ORDER BY a.pid"
    ))
    .bind::<Array<Text>, _>(tables)
    .load(conn)?;
    Ok(rows.into_iter().map(|h| h.line).collect())
}

// ---------------------------------------------------------------------------------------------
// Detection

#[derive(QueryableByName)]
struct Relation {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    kind: String,
}

/// Tables, views, foreign tables and sequences of schema `public`.
fn relations(conn: &mut PgConnection) -> Result<Vec<Relation>> {
    Ok(sql_query(
        "SELECT c.relname::text AS name, c.relkind::text AS kind
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
         ORDER BY 1",
    )
    .load(conn)?)
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn alembic_kind(conn: &mut PgConnection) -> Result<DatabaseKind> {
    // Looked up in the catalog first: selecting a missing column would abort the caller's
    // transaction instead of just classifying the database.
    let has_column = sql_query(
        "SELECT count(*) AS n FROM pg_attribute
         WHERE attrelid = 'public.alembic_version'::regclass AND attname = 'version_num'
           AND attnum > 0 AND NOT attisdropped",
    )
    .get_result::<Count>(conn)?
    .n;
    if has_column != 1 {
        return Ok(DatabaseKind::Unknown {
            reason: format!("{ALEMBIC_TABLE} has no version_num column"),
        });
    }
    let revisions: Vec<String> =
        sql_query("SELECT version_num::text AS name FROM public.alembic_version ORDER BY 1")
            .load::<Name>(conn)?
            .into_iter()
            .map(|r| r.name)
            .collect();
    Ok(match revisions.as_slice() {
        [only] if only == LEGACY_REVISION => DatabaseKind::Legacy {
            alembic_revision: only.clone(),
        },
        [] => DatabaseKind::Unknown {
            reason: format!("{ALEMBIC_TABLE} is empty (no Alembic revision applied)"),
        },
        [other] => DatabaseKind::Unknown {
            reason: format!(
                "Alembic revision {other}; only revision {LEGACY_REVISION} can be adopted \
                 (bring the database to it with the original system first)"
            ),
        },
        several => DatabaseKind::Unknown {
            reason: format!(
                "{ALEMBIC_TABLE} holds several revisions ({})",
                several.join(", ")
            ),
        },
    })
}

// ---------------------------------------------------------------------------------------------
// Checking

/// The report and, for a legacy database without problems, what to execute.
struct Survey {
    report: AdoptionReport,
    plan: Option<Vec<TablePlan>>,
}

/// What to do to one table, worked out from the catalog and the data.
struct TablePlan {
    table: &'static Table,
    /// Columns that have a server default now (dropped before their type changes).
    defaults_to_drop: Vec<&'static str>,
    /// CHECK constraints present now (dropped and re-created for the new types).
    checks_to_drop: Vec<&'static str>,
    /// Whether the legacy `<table>_id_seq` exists (replaced by the identity's own sequence).
    drop_sequence: bool,
    /// Columns to make NOT NULL.
    not_null: Vec<&'static Column>,
    /// Columns with NULLs to fill.
    fills: Vec<&'static Column>,
    next_id: i64,
}

fn refuse_kind(kind: &DatabaseKind) -> Error {
    let hint = match kind {
        DatabaseKind::Empty => "; create the schema with migrations::run_pending instead",
        _ => "",
    };
    Error::Migration {
        message: format!("refusing to adopt {kind}{hint}"),
        source: None,
    }
}

fn survey(conn: &mut PgConnection, kind: DatabaseKind) -> Result<Survey> {
    match kind {
        DatabaseKind::Legacy { .. } => {}
        DatabaseKind::Current => {
            return Ok(Survey {
                report: AdoptionReport::new(kind),
                plan: None,
            })
        }
        DatabaseKind::Empty | DatabaseKind::Unknown { .. } => return Err(refuse_kind(&kind)),
    }
    let mut report = AdoptionReport::new(kind);
    let catalog = Catalog::read(conn)?;
    report.problems = catalog.differences();
    if !report.problems.is_empty() {
        // The data checks assume the legacy schema; on another one they could fail.
        return Ok(Survey { report, plan: None });
    }
    let mut plans = Vec::new();
    create_probe_functions(conn)?;
    for table in TABLES {
        plans.push(plan_table(conn, table, &catalog, &mut report)?);
    }
    drop_probe_functions(conn)?;
    report.triggers = trigger_tables().into_iter().map(str::to_owned).collect();
    let (original, later) = original_and_later().map_err(|f| Error::Migration {
        message: f.what,
        source: None,
    })?;
    report.stamped_migrations = original.iter().map(|m| m.version()).collect();
    report.migrated = later.iter().map(|m| m.version()).collect();
    let plan = report.problems.is_empty().then_some(plans);
    Ok(Survey { report, plan })
}

/// A row-level condition counted in one pass over a table.
struct Probe {
    column: &'static Column,
    /// SQL condition true for the rows concerned.
    condition: String,
    /// SQL text shown for an example row.
    shown: String,
    kind: ProbeKind,
}

enum ProbeKind {
    Problem(String),
    Fill,
    Round,
}

fn plan_table(
    conn: &mut PgConnection,
    table: &'static Table,
    catalog: &Catalog,
    report: &mut AdoptionReport,
) -> Result<TablePlan> {
    let name = table.name;
    let mut plan = TablePlan {
        table,
        defaults_to_drop: Vec::new(),
        checks_to_drop: Vec::new(),
        drop_sequence: catalog.has_relation(&format!("{name}_id_seq"), "S"),
        not_null: Vec::new(),
        fills: Vec::new(),
        next_id: 1,
    };
    for &(check, _) in table.checks {
        if catalog.constraint(name, check).is_some() {
            plan.checks_to_drop.push(check);
        }
    }
    let mut probes = Vec::new();
    for column in table.columns {
        let actual = catalog.column(name, column.name);
        if actual.is_some_and(|a| a.default_expr.is_some()) {
            plan.defaults_to_drop.push(column.name);
        }
        let nullable_now = actual.is_some_and(|a| !a.not_null);
        if column.ty() != column.legacy() {
            report.converted_columns.push(ConvertedColumn {
                table: name.to_owned(),
                column: column.name.to_owned(),
                from: column.legacy().to_owned(),
                to: column.ty().to_owned(),
            });
        }
        if let Some(default) = column.default {
            report.defaults_set.push(ColumnDefault {
                table: name.to_owned(),
                column: column.name.to_owned(),
                default: default.to_owned(),
            });
        }
        if !column.nullable() && nullable_now {
            plan.not_null.push(column);
            report.not_null_set.push(ColumnRef {
                table: name.to_owned(),
                column: column.name.to_owned(),
            });
            let kind = match column.default {
                Some(_) => ProbeKind::Fill,
                None => ProbeKind::Problem(
                    "NULL in a column the crate requires (NOT NULL, and no default to fill in)"
                        .to_owned(),
                ),
            };
            probes.push(Probe {
                column,
                condition: format!("{} IS NULL", column.name),
                shown: "NULL".to_owned(),
                kind,
            });
        }
        probes.extend(column_probes(column));
    }

    let counts = count_probes(conn, name, &probes)?;
    for (probe, rows) in probes.iter().zip(counts) {
        if rows == 0 {
            continue;
        }
        let column = probe.column.name.to_owned();
        match &probe.kind {
            ProbeKind::Fill => {
                plan.fills.push(probe.column);
                report.filled_nulls.push(FilledNulls {
                    table: name.to_owned(),
                    column,
                    rows,
                    default: probe.column.default.unwrap_or_default().to_owned(),
                });
            }
            ProbeKind::Round => report.rounded_money.push(RoundedMoney {
                table: name.to_owned(),
                column,
                rows,
                examples: examples(conn, name, probe)?,
            }),
            ProbeKind::Problem(what) => report.problems.push(Problem {
                table: name.to_owned(),
                column: Some(column),
                rows,
                what: what.clone(),
                examples: examples(conn, name, probe)?,
            }),
        }
    }

    let legacy_next = if plan.drop_sequence {
        format!("(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {name}_id_seq)")
    } else {
        "1".to_owned()
    };
    plan.next_id = sql_query(format!(
        "SELECT GREATEST(COALESCE(max(id)::int8, 0) + 1, {legacy_next})::int8 AS n FROM {name}"
    ))
    .get_result::<Count>(conn)?
    .n;
    report.identity_restarts.push(IdentityRestart {
        table: name.to_owned(),
        next_id: plan.next_id,
    });
    Ok(plan)
}

/// The checks of one column's values against what the crate's types accept.
fn column_probes(column: &'static Column) -> Vec<Probe> {
    let c = column.name;
    let mut probes = Vec::new();
    let mut tried = Vec::new();
    let mut problem = |condition: String, what: String| {
        probes.push(Probe {
            column,
            condition,
            shown: format!("{c}::text"),
            kind: ProbeKind::Problem(what),
        })
    };
    match column.legacy() {
        "json" => {
            // After dropping escaped backslashes and valid surrogate pairs, any `\u0000` or
            // surrogate escape left is one `jsonb` rejects (and would abort the conversion).
            let escapes = format!(
                r"regexp_replace(regexp_replace({c}::text, '\\\\', '', 'g'), '{pair}', '', 'g') ~ '\\u(0000|[dD][89a-fA-F])'",
                pair = r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}",
            );
            problem(
                escapes.clone(),
                r"JSON text jsonb cannot store (\u0000 or an unpaired UTF-16 surrogate)".to_owned(),
            );
            // Anything else the cast refuses (a number beyond numeric's range such as
            // 1e200000), found by trying the cast row by row; the example shows the server's
            // reason.
            tried.push(Probe {
                column,
                condition: format!("NOT ({escapes}) AND {JSONB_ERROR}({c}) IS NOT NULL"),
                shown: format!("{JSONB_ERROR}({c})"),
                kind: ProbeKind::Problem("JSON that jsonb cannot store".to_owned()),
            });
        }
        "timestamp" | "date" => {
            let legacy = column.legacy();
            problem(
                format!("NOT isfinite({c})"),
                "infinite date or timestamp, which the crate's chrono types cannot represent"
                    .to_owned(),
            );
            // PostgreSQL goes up to the year 294276 (timestamps) or 5874897 (dates); chrono
            // only to 262142. (Its lower limit is far below PostgreSQL's, 4713 BC.)
            let max = chrono::NaiveDate::MAX;
            problem(
                format!(
                    "isfinite({c}) AND {c} > '{:04}-{:02}-{:02} 23:59:59.999999'::timestamp",
                    max.year(),
                    max.month(),
                    max.day()
                ),
                format!(
                    "{legacy} after {:04}-{:02}-{:02}, the latest the crate's chrono types can \
                     represent",
                    max.year(),
                    max.month(),
                    max.day()
                ),
            );
        }
        _ => {}
    }
    match column.rule {
        Rule::None => {}
        Rule::Enum { name, values } => {
            let list: Vec<String> = values.iter().map(|v| sql_literal(v)).collect();
            problem(
                format!("{c} NOT IN ({})", list.join(", ")),
                format!("value outside {name} ({})", values.join(", ")),
            );
        }
        Rule::Int {
            name,
            min,
            max,
            allowed,
        } => problem(
            format!("{c} < {min} OR {c} > {max}"),
            format!("value outside {name} ({allowed})"),
        ),
        Rule::Float {
            name,
            min,
            max,
            allowed,
        } => problem(
            // NaN compares greater than every number in PostgreSQL, so it fails `<= max`.
            format!("NOT ({c} >= ({min:?})::float8 AND {c} <= ({max:?})::float8)"),
            format!("value outside {name} ({allowed}, finite)"),
        ),
        Rule::StringList => problem(
            // The CASE keeps json_array_elements away from non-arrays, where it would fail.
            format!(
                "CASE WHEN json_typeof({c}) = 'array' \
                 THEN EXISTS (SELECT 1 FROM json_array_elements({c}) AS e(v) \
                              WHERE json_typeof(e.v) <> 'string') \
                 ELSE {c} IS NOT NULL END"
            ),
            "JSON that is not an array of strings (the crate reads it as a StringList)".to_owned(),
        ),
        Rule::Money => {
            let finite = format!("abs({c}) < 'Infinity'::float8");
            let cents = format!("round({c}::numeric, 2)");
            problem(
                format!("NOT ({finite})"),
                "NaN or infinite amount, which numeric(14,2) cannot hold".to_owned(),
            );
            problem(
                format!("{finite} AND {cents} < 0"),
                "negative amount (Money allows 0 to 999999999999.99)".to_owned(),
            );
            problem(
                format!("{finite} AND {cents} > 999999999999.99"),
                "amount of 10^12 or more, which overflows numeric(14,2)".to_owned(),
            );
            probes.push(Probe {
                column,
                condition: format!("{finite} AND {cents} <> {c}::numeric"),
                shown: format!("{c}::text || ' -> ' || {cents}::text"),
                kind: ProbeKind::Round,
            });
        }
    }
    probes.extend(tried);
    probes
}

/// A function of the session's temporary schema, for the duration of the checks: the error
/// message of casting a `json` value to `jsonb`, or NULL when the cast works.
const JSONB_ERROR: &str = "pg_temp.csdb_adopt_jsonb_error";

fn create_probe_functions(conn: &mut PgConnection) -> Result<()> {
    conn.batch_execute(&format!(
        "CREATE OR REPLACE FUNCTION {JSONB_ERROR}(value json) RETURNS text
         LANGUAGE plpgsql AS $csdb$
         BEGIN
             PERFORM value::jsonb;
             RETURN NULL;
         EXCEPTION WHEN others THEN
             RETURN SQLERRM;
         END
         $csdb$"
    ))?;
    Ok(())
}

fn drop_probe_functions(conn: &mut PgConnection) -> Result<()> {
    conn.batch_execute(&format!("DROP FUNCTION IF EXISTS {JSONB_ERROR}(json)"))?;
    Ok(())
}

/// Counts the rows of every probe in one scan of the table.
fn count_probes(conn: &mut PgConnection, table: &str, probes: &[Probe]) -> Result<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Counts {
        #[diesel(sql_type = Array<BigInt>)]
        counts: Vec<i64>,
    }
    if probes.is_empty() {
        return Ok(Vec::new());
    }
    let filters: Vec<String> = probes
        .iter()
        .map(|p| format!("count(*) FILTER (WHERE {})", p.condition))
        .collect();
    let counts = sql_query(format!(
        "SELECT ARRAY[{}]::int8[] AS counts FROM {table}",
        filters.join(", ")
    ))
    .get_result::<Counts>(conn)?
    .counts;
    if counts.len() != probes.len() {
        return Err(Error::Migration {
            message: format!("checking {table}: expected {} counts", probes.len()),
            source: None,
        });
    }
    Ok(counts)
}

fn examples(conn: &mut PgConnection, table: &str, probe: &Probe) -> Result<Vec<String>> {
    #[derive(QueryableByName)]
    struct Example {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Nullable<Text>)]
        shown: Option<String>,
    }
    let rows: Vec<Example> = sql_query(format!(
        "SELECT id::int8 AS id, ({})::text AS shown FROM {table} WHERE {} ORDER BY id LIMIT {MAX_EXAMPLES}",
        probe.shown, probe.condition
    ))
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let shown = r.shown.unwrap_or_else(|| "NULL".to_owned());
            match probe.kind {
                // A rounding example is already "old -> new"; quotes would only clutter it.
                ProbeKind::Round => format!("id {}: {}", r.id, shorten(&shown)),
                _ => format!("id {}: '{}'", r.id, shorten(&shown)),
            }
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The catalog of a legacy database, compared with the revision's schema

#[derive(QueryableByName)]
struct CatalogColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Integer)]
    position: i32,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    type_name: String,
    #[diesel(sql_type = Bool)]
    not_null: bool,
    #[diesel(sql_type = Nullable<Text>)]
    default_expr: Option<String>,
    #[diesel(sql_type = Bool)]
    special: bool,
}

#[derive(QueryableByName)]
struct CatalogObject {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    definition: String,
}

struct Catalog {
    relations: Vec<Relation>,
    columns: Vec<CatalogColumn>,
    /// Constraints (kind = contype), indexes that back no constraint (kind `index`), triggers
    /// (`trigger`), functions (`function`) and types (`type`).
    objects: Vec<CatalogObject>,
}

impl Catalog {
    fn read(conn: &mut PgConnection) -> Result<Catalog> {
        let relations = relations(conn)?;
        let columns = sql_query(
            "SELECT c.relname::text AS table_name, a.attnum::int AS position,
                    a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type_name,
                    a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
                    (a.attidentity <> '' OR a.attgenerated <> '') AS special
             FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
             ORDER BY 1, 2",
        )
        .load(conn)?;
        let objects = sql_query(
            "WITH rels AS (
                 SELECT c.oid, c.relname FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p'))
             SELECT r.relname::text AS table_name, con.conname::text AS name,
                    con.contype::text AS kind, pg_get_constraintdef(con.oid) AS definition
             FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
             UNION ALL
             SELECT r.relname::text, i.relname::text, 'index',
                    regexp_replace(pg_get_indexdef(i.oid), '^.* USING ', 'USING ')
             FROM pg_index x JOIN rels r ON r.oid = x.indrelid
             JOIN pg_class i ON i.oid = x.indexrelid
             WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con
                               WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid)
             UNION ALL
             SELECT r.relname::text, t.tgname::text, 'trigger', ''
             FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
             UNION ALL
             SELECT 'public', format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)),
                    'function', ''
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public'
             UNION ALL
             SELECT 'public', t.typname::text, 'type', ''
             FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c', 'r', 'm')
               AND t.typrelid = 0
             ORDER BY 1, 2",
        )
        .load(conn)?;
        Ok(Catalog {
            relations,
            columns,
            objects,
        })
    }

    fn has_relation(&self, name: &str, kind: &str) -> bool {
        self.relations
            .iter()
            .any(|r| r.name == name && r.kind == kind)
    }

    fn column(&self, table: &str, column: &str) -> Option<&CatalogColumn> {
        self.columns
            .iter()
            .find(|c| c.table_name == table && c.name == column)
    }

    fn constraint(&self, table: &str, name: &str) -> Option<&CatalogObject> {
        self.objects
            .iter()
            .find(|o| o.table_name == table && o.name == name && o.kind != "index")
    }

    /// Everything in schema `public` that is not exactly as revision 6b022f57af5f created it.
    fn differences(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut schema_problem = |table: &str, column: Option<&str>, what: String| {
            problems.push(Problem {
                table: table.to_owned(),
                column: column.map(str::to_owned),
                rows: 0,
                what,
                examples: Vec::new(),
            })
        };
        let not_in_revision = format!("not part of revision {LEGACY_REVISION}");

        for r in &self.relations {
            let known_table = r.kind == "r"
                && (r.name == ALEMBIC_TABLE || TABLES.iter().any(|t| t.name == r.name));
            let known_sequence = r.kind == "S"
                && TABLES
                    .iter()
                    .any(|t| r.name.strip_suffix("_id_seq") == Some(t.name));
            if !known_table && !known_sequence {
                let what = match r.kind.as_str() {
                    "S" => "sequence",
                    "v" => "view",
                    "m" => "materialized view",
                    "f" => "foreign table",
                    "p" => "partitioned table",
                    _ => "table",
                };
                schema_problem(&r.name, None, format!("{what} {not_in_revision}"));
            }
        }

        for table in TABLES {
            let name = table.name;
            if !self.has_relation(name, "r") {
                schema_problem(name, None, "table missing".to_owned());
                continue;
            }
            let actual: Vec<&CatalogColumn> = self
                .columns
                .iter()
                .filter(|c| c.table_name == name)
                .collect();
            for (i, column) in table.columns.iter().enumerate() {
                let position = i as i32 + 1;
                let Some(a) = actual.iter().find(|a| a.name == column.name) else {
                    schema_problem(name, Some(column.name), "column missing".to_owned());
                    continue;
                };
                if a.type_name != pg_type_name(column.legacy()) {
                    schema_problem(
                        name,
                        Some(column.name),
                        format!("type {}, expected {}", a.type_name, column.legacy()),
                    );
                }
                if a.position != position {
                    // The schema comparison includes column positions; a dropped or re-added
                    // column shifts them, and ALTER TABLE cannot move columns back.
                    schema_problem(
                        name,
                        Some(column.name),
                        format!("column number {}, expected {position}", a.position),
                    );
                }
                if a.special {
                    schema_problem(
                        name,
                        Some(column.name),
                        "identity or generated column".to_owned(),
                    );
                }
                if a.not_null && column.nullable() {
                    schema_problem(
                        name,
                        Some(column.name),
                        "NOT NULL, but the crate allows NULL".to_owned(),
                    );
                }
            }
            for a in actual {
                if !table.columns.iter().any(|c| c.name == a.name) {
                    schema_problem(name, Some(&a.name), format!("column {not_in_revision}"));
                }
            }

            let expected = expected_objects(table);
            for (object, kind, definition) in &expected {
                let found = self
                    .objects
                    .iter()
                    .find(|o| o.table_name == name && &o.name == object);
                match found {
                    // A missing CHECK is simply created; the data checks already cover it.
                    None if kind == "c" => {}
                    None => schema_problem(name, None, format!("{} {object} missing", label(kind))),
                    Some(o) if &o.kind != kind => schema_problem(
                        name,
                        None,
                        format!(
                            "{object} is a {}, expected a {}",
                            label(&o.kind),
                            label(kind)
                        ),
                    ),
                    Some(o) if kind != "c" && &o.definition != definition => schema_problem(
                        name,
                        None,
                        format!(
                            "{} {object} is {}, expected {definition}",
                            label(kind),
                            o.definition
                        ),
                    ),
                    Some(_) => {}
                }
            }
            for o in self.objects.iter().filter(|o| o.table_name == name) {
                if !expected.iter().any(|(object, _, _)| object == &o.name) {
                    schema_problem(
                        name,
                        None,
                        format!("{} {} {not_in_revision}", label(&o.kind), o.name),
                    );
                }
            }
        }

        for o in &self.objects {
            let outside_tables = o.table_name == "public";
            let diesel_helper = o.kind == "function"
                && (o.name == "diesel_manage_updated_at(_tbl regclass)"
                    || o.name == "diesel_set_updated_at()");
            if outside_tables && !diesel_helper {
                schema_problem(
                    "public",
                    None,
                    format!("{} {} {not_in_revision}", label(&o.kind), o.name),
                );
            }
        }
        problems
    }
}

/// The constraints and indexes of a table in revision 6b022f57af5f: (name, kind, definition).
fn expected_objects(table: &Table) -> Vec<(String, String, String)> {
    let name = table.name;
    let mut objects = vec![(
        format!("{name}_pkey"),
        "p".to_owned(),
        "PRIMARY KEY (id)".to_owned(),
    )];
    for unique in table.unique {
        objects.push((
            format!("{name}_{unique}_key"),
            "u".to_owned(),
            format!("UNIQUE ({unique})"),
        ));
    }
    for (column, references) in table.foreign_keys {
        objects.push((
            format!("{name}_{column}_fkey"),
            "f".to_owned(),
            format!("FOREIGN KEY ({column}) REFERENCES {references} ON DELETE CASCADE"),
        ));
    }
    for (check, _) in table.checks {
        objects.push(((*check).to_owned(), "c".to_owned(), String::new()));
    }
    for (index, columns) in table.indexes {
        objects.push((
            (*index).to_owned(),
            "index".to_owned(),
            format!("USING btree ({columns})"),
        ));
    }
    objects
}

fn label(kind: &str) -> &'static str {
    match kind {
        "p" => "primary key",
        "u" => "unique constraint",
        "f" => "foreign key",
        "c" => "check constraint",
        "x" => "exclusion constraint",
        "t" => "constraint trigger",
        "index" => "index",
        "trigger" => "trigger",
        "function" => "function",
        "type" => "type",
        _ => "constraint",
    }
}

/// `format_type` spelling of a type as the spec writes it.
fn pg_type_name(ty: &str) -> String {
    if let Some(length) = ty.strip_prefix("varchar") {
        return format!("character varying{length}");
    }
    match ty {
        "timestamp" => "timestamp without time zone",
        "timestamptz" => "timestamp with time zone",
        other => other,
    }
    .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Conversion

fn execute(
    conn: &mut PgConnection,
    plan: &[TablePlan],
    report: &mut AdoptionReport,
) -> std::result::Result<(), StepFailed> {
    for table_plan in plan {
        convert_table(conn, table_plan)?;
    }

    let (original, _) = original_and_later()?;
    let setup = original
        .iter()
        .find(|m| m.name.ends_with("_diesel_initial_setup"))
        .ok_or_else(|| StepFailed {
            table: "public".to_owned(),
            what: "the crate has no diesel_initial_setup migration".to_owned(),
            problems: Vec::new(),
        })?;
    conn.batch_execute(setup.up)
        .map_err(|e| step_failed("public", "installing Diesel's updated_at helpers", e))?;
    // The trigger and comment statements are taken from the migrations themselves, so the
    // result cannot drift from what `run_pending` creates.
    for statement in migration_statements() {
        conn.batch_execute(statement)
            .map_err(|e| step_failed("public", &format!("running `{statement}`"), e))?;
    }

    conn.batch_execute(&format!("DROP TABLE {ALEMBIC_TABLE}"))
        .map_err(|e| step_failed(ALEMBIC_TABLE, "dropping alembic_version", e))?;
    // Only the migrations whose schema the conversion produced; the later ones then run for
    // real. (The same table definition as Diesel's own.)
    conn.batch_execute(
        "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
             version VARCHAR(50) PRIMARY KEY NOT NULL,
             run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    )
    .map_err(|e| step_failed("public", "creating __diesel_schema_migrations", e))?;
    report.stamped_migrations.clear();
    for m in original {
        sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ($1)")
            .bind::<Text, _>(m.version())
            .execute(conn)
            .map_err(|e| step_failed("public", &format!("recording {}", m.name), e))?;
        report.stamped_migrations.push(m.version());
    }
    Ok(())
}

/// The embedded migrations up to and including [`ORIGINAL_POINT`], and those after it.
fn original_and_later() -> std::result::Result<
    (
        &'static [migrations::MigrationSql],
        &'static [migrations::MigrationSql],
    ),
    StepFailed,
> {
    let point = migrations::SQL
        .iter()
        .position(|m| m.name == ORIGINAL_POINT)
        .ok_or_else(|| StepFailed {
            table: "public".to_owned(),
            what: format!("the crate has no migration {ORIGINAL_POINT}"),
            problems: Vec::new(),
        })?;
    Ok(migrations::SQL.split_at(point + 1))
}

fn convert_table(conn: &mut PgConnection, plan: &TablePlan) -> std::result::Result<(), StepFailed> {
    let table = plan.table;
    let name = table.name;
    let fail = |what: &str| {
        let what = what.to_owned();
        move |e: diesel::result::Error| step_failed(name, &what, e)
    };

    // Defaults go first: the serial default holds the legacy sequence, and a default of the old
    // type would not survive the type change. Legacy CHECKs are written for the old types.
    let mut drops: Vec<String> = plan
        .defaults_to_drop
        .iter()
        .map(|c| format!("ALTER COLUMN {c} DROP DEFAULT"))
        .collect();
    drops.extend(
        plan.checks_to_drop
            .iter()
            .map(|c| format!("DROP CONSTRAINT {c}")),
    );
    if !drops.is_empty() {
        conn.batch_execute(&format!("ALTER TABLE {name} {}", drops.join(", ")))
            .map_err(fail("dropping legacy defaults and checks"))?;
    }
    if plan.drop_sequence {
        // The identity creates its own `<table>_id_seq`, as the migrations' tables have.
        conn.batch_execute(&format!("DROP SEQUENCE {name}_id_seq"))
            .map_err(fail("dropping the serial sequence"))?;
    }

    // Filled before the conversion, in the legacy types, so that the table rewrite of the
    // conversion below also drops the old row versions this UPDATE leaves behind.
    if !plan.fills.is_empty() {
        let sets: Vec<String> = plan
            .fills
            .iter()
            .map(|c| format!("{0} = COALESCE({0}, {1})", c.name, legacy_default(c)))
            .collect();
        let nulls: Vec<String> = plan
            .fills
            .iter()
            .map(|c| format!("{} IS NULL", c.name))
            .collect();
        conn.batch_execute(&format!(
            "UPDATE {name} SET {} WHERE {}",
            sets.join(", "),
            nulls.join(" OR ")
        ))
        .map_err(fail("filling NULLs with defaults"))?;
    }

    // One ALTER TABLE, so the table is rewritten (and NOT NULL and the CHECKs verified) once.
    let mut changes = Vec::new();
    for column in table.columns {
        if column.ty() != column.legacy() {
            changes.push(conversion(column).map_err(|e| StepFailed {
                table: name.to_owned(),
                what: e.to_string(),
                problems: Vec::new(),
            })?);
        }
    }
    for column in table.columns {
        if let Some(default) = column.default {
            changes.push(format!(
                "ALTER COLUMN {} SET DEFAULT {default}",
                column.name
            ));
        }
    }
    for column in &plan.not_null {
        changes.push(format!("ALTER COLUMN {} SET NOT NULL", column.name));
    }
    for (check, expression) in table.checks {
        changes.push(format!("ADD CONSTRAINT {check} CHECK ({expression})"));
    }
    changes.push("ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY".to_owned());
    conn.batch_execute(&format!("ALTER TABLE {name} {}", changes.join(", ")))
        .map_err(fail("converting the columns"))?;

    sql_query(format!(
        "SELECT setval(pg_get_serial_sequence('{name}', 'id'), $1, false)"
    ))
    .bind::<BigInt, _>(plan.next_id)
    .execute(conn)
    .map_err(fail("restarting the identity"))?;
    Ok(())
}

/// Reads every row of every table through the crate's typed models, as the application will:
/// a row they cannot read (a JSON number beyond `f64`, JSON nested deeper than `serde_json`'s
/// recursion limit, a value a newtype rejects) is a problem naming its table and ids.
fn read_back(
    conn: &mut PgConnection,
    report: &mut AdoptionReport,
) -> std::result::Result<(), StepFailed> {
    use crate::models::*;
    use crate::schema;

    /// Rows read per query.
    const BATCH: i64 = 5_000;

    // Keyset pagination (by id) so that a large table is read in one pass.
    macro_rules! read_all {
        ($($model:ty => $table:ident),+ $(,)?) => {$({
            let mut after = i64::MIN;
            let mut failed: Vec<(i64, String)> = Vec::new();
            let mut total_failed = 0_i64;
            loop {
                let ids: Vec<i64> = schema::$table::table
                    .select(schema::$table::id)
                    .filter(schema::$table::id.gt(after))
                    .order(schema::$table::id.asc())
                    .limit(BATCH)
                    .load(conn)?;
                let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
                    break;
                };
                let batch = schema::$table::table
                    .filter(schema::$table::id.between(first, last))
                    .select(<$model>::as_select())
                    .load::<$model>(conn);
                if batch.is_err() {
                    // Which rows: one by one.
                    for &id in &ids {
                        let row = schema::$table::table
                            .filter(schema::$table::id.eq(id))
                            .select(<$model>::as_select())
                            .first::<$model>(conn);
                        if let Err(e) = row {
                            total_failed += 1;
                            if failed.len() < MAX_EXAMPLES as usize {
                                let mut why = error_chain(&e);
                                if let Some(json) = json_reason(conn, stringify!($table), id)? {
                                    why.push_str(&format!(" ({json})"));
                                }
                                failed.push((id, why));
                            }
                        }
                    }
                }
                after = last;
            }
            if total_failed > 0 {
                report.problems.push(Problem {
                    table: stringify!($table).to_owned(),
                    column: None,
                    rows: total_failed,
                    what: format!(
                        "rows the crate cannot read back after the conversion ({}): {}",
                        stringify!($model),
                        failed[0].1
                    ),
                    examples: failed.iter().map(|(id, _)| format!("id {id}")).collect(),
                });
            }
        })+};
    }
    read_all!(
        Customer => customers,
        HealthScoreRecord => health_scores,
        CustomerSegment => customer_segments,
        RiskIndicator => risk_indicators,
        ChurnPrediction => churn_predictions,
        OnboardingPlan => onboarding_plans,
        OnboardingMilestone => onboarding_milestones,
        TrainingModule => training_modules,
        TrainingCompletion => training_completions,
        SupportTicket => support_tickets,
        TicketComment => ticket_comments,
        KnowledgeBaseArticle => knowledge_base_articles,
        RenewalForecast => renewal_forecasts,
        Contract => contracts,
        ExpansionOpportunity => expansion_opportunities,
        RenewalCampaign => renewal_campaigns,
        CustomerFeedback => customer_feedback,
        NpsResponse => nps_responses,
        SentimentAnalysis => sentiment_analysis,
        SurveyTemplate => survey_templates,
        HealthMetric => health_metrics,
        EngagementMetric => engagement_metrics,
        UsageAnalytics => usage_analytics,
        CohortAnalysis => cohort_analysis,
    );
    Ok(())
}

/// Why `serde_json` rejects a `jsonb` value of row `id` of `table`, e.g. `criteria: recursion
/// limit exceeded at line 1 column 129`: Diesel reports only "Invalid Json".
fn json_reason(
    conn: &mut PgConnection,
    table: &str,
    id: i64,
) -> std::result::Result<Option<String>, StepFailed> {
    #[derive(QueryableByName)]
    struct Json {
        #[diesel(sql_type = Nullable<Text>)]
        text: Option<String>,
    }
    let Some(spec) = TABLES.iter().find(|t| t.name == table) else {
        return Ok(None);
    };
    for column in spec.columns.iter().filter(|c| c.ty() == "jsonb") {
        let value = sql_query(format!(
            "SELECT {}::text AS text FROM {table} WHERE id = $1",
            column.name
        ))
        .bind::<BigInt, _>(id)
        .get_result::<Json>(conn)?;
        if let Some(text) = value.text {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
                return Ok(Some(format!("{}: {e}", column.name)));
            }
        }
    }
    Ok(None)
}

/// An error and its sources, e.g. `Error deserializing field 'criteria': recursion limit
/// exceeded at line 1 column 129`: Diesel's own message names only the field.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        let part = e.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = e.source();
    }
    text
}

/// The ALTER COLUMN ... TYPE clause taking a legacy column to the crate's type.
fn conversion(column: &Column) -> Result<String> {
    let c = column.name;
    let clause = match (column.legacy(), column.ty()) {
        ("integer", "bigint") => format!("ALTER COLUMN {c} TYPE bigint"),
        ("json", "jsonb") => format!("ALTER COLUMN {c} TYPE jsonb USING {c}::jsonb"),
        ("double precision", "numeric(14,2)") => {
            format!("ALTER COLUMN {c} TYPE numeric(14,2) USING round({c}::numeric, 2)")
        }
        ("timestamp", "timestamptz") => {
            format!("ALTER COLUMN {c} TYPE timestamptz USING {c} AT TIME ZONE 'UTC'")
        }
        (from, to) => {
            return Err(Error::Migration {
                message: format!("no conversion of {c} from {from} to {to}"),
                source: None,
            })
        }
    };
    Ok(clause)
}

/// The column's default as a value of its legacy type (the fill runs before the conversion).
fn legacy_default(column: &Column) -> String {
    let default = column.default.unwrap_or("NULL");
    match column.legacy() {
        // A time default such as now() is an instant; the legacy column holds UTC wall time.
        "timestamp" => format!("(({default})::timestamptz AT TIME ZONE 'UTC')"),
        legacy => format!("({default})::{legacy}"),
    }
}

/// The `SELECT diesel_manage_updated_at(...)` and `COMMENT ON` statements of the migrations.
fn migration_statements() -> Vec<&'static str> {
    let original = original_and_later().map_or(&[][..], |(original, _)| original);
    original
        .iter()
        .filter(|m| !m.name.ends_with("_diesel_initial_setup"))
        .flat_map(|m| m.up.lines())
        .map(str::trim)
        .filter(|l| {
            (l.starts_with("SELECT diesel_manage_updated_at(") || l.starts_with("COMMENT ON "))
                && l.ends_with(';')
        })
        .collect()
}

/// The tables the migrations give an `updated_at` trigger.
fn trigger_tables() -> Vec<&'static str> {
    migration_statements()
        .into_iter()
        .filter_map(|l| l.strip_prefix("SELECT diesel_manage_updated_at('"))
        .filter_map(|l| l.strip_suffix("');"))
        .collect()
}

fn step_failed(table: &str, what: &str, e: diesel::result::Error) -> StepFailed {
    // The server's message goes into ours too: it is what tells an operator which value or
    // object is in the way.
    StepFailed {
        table: table.to_owned(),
        what: format!("the conversion fails: {what}: {e}"),
        problems: Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `text` cut to [`MAX_EXAMPLE_CHARS`] and on one line, so that a report stays readable.
fn shorten(text: &str) -> String {
    let mut shown = String::new();
    for (i, ch) in text.chars().enumerate() {
        if i == MAX_EXAMPLE_CHARS {
            shown.push_str("...");
            break;
        }
        if ch.is_control() {
            shown.extend(ch.escape_default());
        } else {
            shown.push(ch);
        }
    }
    shown
}

fn plural(n: i64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// The schema: the crate's target and the legacy revision, per column

/// One table of the schema.
struct Table {
    name: &'static str,
    columns: &'static [Column],
    /// Columns with a UNIQUE constraint `<table>_<column>_key`.
    unique: &'static [&'static str],
    /// (column, `table(column)` referenced), all ON DELETE CASCADE, named `<table>_<column>_fkey`.
    foreign_keys: &'static [(&'static str, &'static str)],
    /// (name, expression) of the CHECK constraints.
    checks: &'static [(&'static str, &'static str)],
    /// (name, columns) of the btree indexes.
    indexes: &'static [(&'static str, &'static str)],
}

/// One column: the crate's type and the legacy one, each with a `?` suffix when nullable.
struct Column {
    name: &'static str,
    ty: &'static str,
    legacy: &'static str,
    default: Option<&'static str>,
    rule: Rule,
}

impl Column {
    fn ty(&self) -> &'static str {
        self.ty.trim_end_matches('?')
    }

    fn nullable(&self) -> bool {
        self.ty.ends_with('?')
    }

    fn legacy(&self) -> &'static str {
        self.legacy.trim_end_matches('?')
    }
}

const fn col(
    name: &'static str,
    ty: &'static str,
    legacy: &'static str,
    default: Option<&'static str>,
    rule: Rule,
) -> Column {
    Column {
        name,
        ty,
        legacy,
        default,
        rule,
    }
}

/// What the crate's type for a column accepts beyond what PostgreSQL does.
#[derive(Clone, Copy)]
enum Rule {
    None,
    /// A closed-set text column read as an enum of [`crate::types`].
    Enum {
        name: &'static str,
        values: &'static [&'static str],
    },
    /// An integer newtype's range.
    Int {
        name: &'static str,
        min: i32,
        max: i32,
        allowed: &'static str,
    },
    /// A floating-point newtype's range (which also excludes NaN and infinities).
    Float {
        name: &'static str,
        min: f64,
        max: f64,
        allowed: &'static str,
    },
    /// [`Money`](crate::types::Money): 0 to 999999999999.99.
    Money,
    /// [`StringList`](crate::types::StringList): a JSON array of strings.
    StringList,
}

macro_rules! enumeration {
    ($t:ident) => {
        Rule::Enum {
            name: stringify!($t),
            values: $t::VALUES,
        }
    };
}

macro_rules! int {
    ($t:ident) => {
        Rule::Int {
            name: stringify!($t),
            min: $t::MIN.get(),
            max: $t::MAX.get(),
            allowed: $t::ALLOWED,
        }
    };
}

macro_rules! float {
    ($t:ident) => {
        Rule::Float {
            name: stringify!($t),
            min: $t::MIN.get(),
            max: $t::MAX.get(),
            allowed: $t::ALLOWED,
        }
    };
}

// ---- generated from the schema specification: begin
/// The 24 tables of the crate's schema with what the legacy database holds, in creation order
/// (parents before children). Generated from the schema specification (`schema.json`: each
/// column's `type`, `nullable`, `default`, `legacy_type` and `legacy_nullable`; each table's keys,
/// checks and indexes), with each column's rule taken from the type its row struct in
/// [`crate::models`] reads it as. The adoption tests compare the result with the migrations.
#[rustfmt::skip]
const TABLES: &[Table] = &[
    Table {
        name: "customers",
        columns: &[
            col("id",                    "bigint",           "integer",            None,                     Rule::None),
            col("client_id",             "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("client_name",           "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("company_name",          "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("industry",              "varchar(100)",     "varchar(100)?",      Some("'Technology'"),     Rule::None),
            col("tier",                  "varchar(50)",      "varchar(50)",        Some("'standard'"),       enumeration!(CustomerTier)),
            col("lifecycle_stage",       "varchar(50)",      "varchar(50)",        Some("'onboarding'"),     enumeration!(LifecycleStage)),
            col("contract_value",        "numeric(14,2)",    "double precision?",  Some("0"),                Rule::Money),
            col("contract_start_date",   "date",             "date",               None,                     Rule::None),
            col("contract_end_date",     "date?",            "date?",              None,                     Rule::None),
            col("renewal_date",          "date?",            "date?",              None,                     Rule::None),
            col("primary_contact_email", "varchar(255)?",    "varchar(255)?",      None,                     Rule::None),
            col("primary_contact_name",  "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("csm_assigned",          "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("health_score",          "integer",          "integer?",           Some("50"),               int!(HealthScore)),
            col("health_trend",          "varchar(20)",      "varchar(20)?",       Some("'stable'"),         enumeration!(HealthTrend)),
            col("last_engagement_date",  "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("status",                "varchar(20)",      "varchar(20)",        Some("'active'"),         enumeration!(CustomerStatus)),
            col("created_at",            "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",            "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["client_id"],
        foreign_keys: &[],
        checks: &[
            ("check_health_score_range", "health_score >= 0 AND health_score <= 100"),
            ("check_contract_value_positive", "contract_value >= 0"),
        ],
        indexes: &[
            ("ix_customers_client_id", "client_id"),
            ("ix_customers_tier", "tier"),
            ("ix_customers_lifecycle_stage", "lifecycle_stage"),
            ("ix_customers_contract_start_date", "contract_start_date"),
            ("ix_customers_renewal_date", "renewal_date"),
            ("ix_customers_csm_assigned", "csm_assigned"),
            ("ix_customers_health_score", "health_score"),
            ("ix_customers_last_engagement_date", "last_engagement_date"),
            ("ix_customers_status", "status"),
            ("ix_customers_created_at", "created_at"),
            ("ix_customers_client_id_created_at", "client_id, created_at"),
            ("ix_customers_health_score_status", "health_score, status"),
            ("ix_customers_csm_lifecycle", "csm_assigned, lifecycle_stage"),
        ],
    },
    Table {
        name: "health_scores",
        columns: &[
            col("id",                  "bigint",           "integer",            None,                     Rule::None),
            col("client_id",           "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("usage_score",         "double precision", "double precision",   None,                     float!(ComponentScore)),
            col("engagement_score",    "double precision", "double precision",   None,                     float!(ComponentScore)),
            col("support_score",       "double precision", "double precision",   None,                     float!(ComponentScore)),
            col("satisfaction_score",  "double precision", "double precision",   None,                     float!(ComponentScore)),
            col("payment_score",       "double precision", "double precision",   None,                     float!(ComponentScore)),
            col("usage_weight",        "double precision", "double precision?",  Some("0.35"),             Rule::None),
            col("engagement_weight",   "double precision", "double precision?",  Some("0.25"),             Rule::None),
            col("support_weight",      "double precision", "double precision?",  Some("0.15"),             Rule::None),
            col("satisfaction_weight", "double precision", "double precision?",  Some("0.15"),             Rule::None),
            col("payment_weight",      "double precision", "double precision?",  Some("0.10"),             Rule::None),
            col("overall_score",       "double precision?", "double precision?",  None,                     float!(ComponentScore)),
            col("created_at",          "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",          "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &[],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_usage_score_range", "usage_score >= 0 AND usage_score <= 100"),
            ("check_engagement_score_range", "engagement_score >= 0 AND engagement_score <= 100"),
        ],
        indexes: &[
            ("ix_health_scores_client_id", "client_id"),
            ("ix_health_scores_created_at", "created_at"),
            ("ix_health_scores_client_created", "client_id, created_at"),
        ],
    },
    Table {
        name: "customer_segments",
        columns: &[
            col("id",                  "bigint",           "integer",            None,                     Rule::None),
            col("segment_id",          "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("segment_name",        "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("segment_type",        "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("criteria",            "jsonb",            "json",               None,                     Rule::None),
            col("characteristics",     "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("engagement_strategy", "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("success_metrics",     "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("customer_count",      "integer",          "integer?",           Some("0"),                Rule::None),
            col("total_arr",           "numeric(14,2)",    "double precision?",  Some("0"),                Rule::Money),
            col("avg_health_score",    "double precision", "double precision?",  Some("50.0"),             Rule::None),
            col("created_at",          "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",          "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["segment_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_customer_segments_segment_id", "segment_id"),
            ("ix_customer_segments_segment_type", "segment_type"),
        ],
    },
    Table {
        name: "risk_indicators",
        columns: &[
            col("id",                 "bigint",           "integer",            None,                     Rule::None),
            col("client_id",          "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("indicator_id",       "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("indicator_name",     "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("category",           "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("severity",           "varchar(20)",      "varchar(20)",        None,                     enumeration!(RiskLevel)),
            col("current_value",      "double precision", "double precision",   None,                     Rule::None),
            col("threshold_value",    "double precision", "double precision",   None,                     Rule::None),
            col("description",        "text",             "text",               None,                     Rule::None),
            col("mitigation_actions", "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("detected_at",        "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("resolved_at",        "timestamptz?",     "timestamp?",         None,                     Rule::None),
        ],
        unique: &[],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[],
        indexes: &[
            ("ix_risk_indicators_client_id", "client_id"),
            ("ix_risk_indicators_category", "category"),
            ("ix_risk_indicators_severity", "severity"),
            ("ix_risk_indicators_detected_at", "detected_at"),
            ("ix_risk_indicators_client_severity", "client_id, severity"),
            ("ix_risk_indicators_detected", "detected_at"),
        ],
    },
    Table {
        name: "churn_predictions",
        columns: &[
            col("id",                        "bigint",           "integer",            None,                     Rule::None),
            col("client_id",                 "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("prediction_date",           "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("churn_probability",         "double precision", "double precision",   None,                     float!(Probability)),
            col("churn_risk_level",          "varchar(20)",      "varchar(20)",        None,                     enumeration!(RiskLevel)),
            col("confidence_score",          "double precision", "double precision",   None,                     Rule::None),
            col("contributing_factors",      "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("predicted_churn_date",      "date?",            "date?",              None,                     Rule::None),
            col("retention_recommendations", "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("model_version",             "varchar(20)",      "varchar(20)?",       Some("'v1.0.0'"),         Rule::None),
        ],
        unique: &[],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_churn_probability_range", "churn_probability >= 0 AND churn_probability <= 1"),
        ],
        indexes: &[
            ("ix_churn_predictions_client_id", "client_id"),
            ("ix_churn_predictions_prediction_date", "prediction_date"),
            ("ix_churn_predictions_churn_risk_level", "churn_risk_level"),
            ("ix_churn_predictions_client_date", "client_id, prediction_date"),
            ("ix_churn_predictions_risk_level", "churn_risk_level"),
        ],
    },
    Table {
        name: "onboarding_plans",
        columns: &[
            col("id",                           "bigint",           "integer",            None,                     Rule::None),
            col("plan_id",                      "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("client_id",                    "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("plan_name",                    "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("product_tier",                 "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("start_date",                   "date",             "date",               None,                     Rule::None),
            col("target_completion_date",       "date",             "date",               None,                     Rule::None),
            col("actual_completion_date",       "date?",            "date?",              None,                     Rule::None),
            col("timeline_weeks",               "integer",          "integer",            None,                     Rule::None),
            col("customer_goals",               "jsonb",            "json",               None,                     Rule::None),
            col("success_criteria",             "jsonb",            "json",               None,                     Rule::None),
            col("total_estimated_hours",        "integer",          "integer?",           Some("0"),                Rule::None),
            col("assigned_csm",                 "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("assigned_implementation_team", "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("status",                       "varchar(20)",      "varchar(20)",        Some("'draft'"),          enumeration!(OnboardingStatus)),
            col("completion_percentage",        "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("created_at",                   "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",                   "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["plan_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[],
        indexes: &[
            ("ix_onboarding_plans_plan_id", "plan_id"),
            ("ix_onboarding_plans_client_id", "client_id"),
            ("ix_onboarding_plans_start_date", "start_date"),
            ("ix_onboarding_plans_assigned_csm", "assigned_csm"),
            ("ix_onboarding_plans_status", "status"),
            ("ix_onboarding_plans_client_status", "client_id, status"),
        ],
    },
    Table {
        name: "onboarding_milestones",
        columns: &[
            col("id",                    "bigint",           "integer",            None,                     Rule::None),
            col("milestone_id",          "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("plan_id",               "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("name",                  "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("description",           "text",             "text",               None,                     Rule::None),
            col("week",                  "integer",          "integer",            None,                     Rule::None),
            col("sequence_order",        "integer",          "integer",            None,                     Rule::None),
            col("tasks",                 "jsonb",            "json",               None,                     Rule::None),
            col("success_criteria",      "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("dependencies",          "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("estimated_hours",       "integer",          "integer",            None,                     Rule::None),
            col("actual_hours",          "integer?",         "integer?",           None,                     Rule::None),
            col("assigned_to",           "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("due_date",              "date?",            "date?",              None,                     Rule::None),
            col("completion_date",       "date?",            "date?",              None,                     Rule::None),
            col("status",                "varchar(20)",      "varchar(20)",        Some("'not_started'"),    enumeration!(MilestoneStatus)),
            col("completion_percentage", "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("blockers",              "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
        ],
        unique: &[],
        foreign_keys: &[("plan_id", "onboarding_plans(plan_id)")],
        checks: &[],
        indexes: &[
            ("ix_onboarding_milestones_plan_id", "plan_id"),
            ("ix_onboarding_milestones_assigned_to", "assigned_to"),
            ("ix_onboarding_milestones_due_date", "due_date"),
            ("ix_onboarding_milestones_status", "status"),
            ("ix_onboarding_milestones_plan_status", "plan_id, status"),
        ],
    },
    Table {
        name: "training_modules",
        columns: &[
            col("id",                    "bigint",           "integer",            None,                     Rule::None),
            col("module_id",             "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("module_name",           "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("module_description",    "text",             "text",               None,                     Rule::None),
            col("format",                "varchar(50)",      "varchar(50)",        None,                     enumeration!(TrainingFormat)),
            col("certification_level",   "varchar(50)",      "varchar(50)?",       Some("'basic'"),          enumeration!(CertificationLevel)),
            col("duration_minutes",      "integer",          "integer",            None,                     Rule::None),
            col("content_url",           "varchar(500)?",    "varchar(500)?",      None,                     Rule::None),
            col("prerequisites",         "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("learning_objectives",   "jsonb",            "json",               None,                     Rule::StringList),
            col("topics_covered",        "jsonb",            "json",               None,                     Rule::StringList),
            col("assessment_required",   "boolean",          "boolean?",           Some("true"),             Rule::None),
            col("passing_score",         "double precision", "double precision?",  Some("0.75"),             Rule::None),
            col("certification_awarded", "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("max_attempts",          "integer",          "integer?",           Some("3"),                Rule::None),
            col("created_at",            "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",            "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["module_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_training_modules_module_id", "module_id"),
        ],
    },
    Table {
        name: "training_completions",
        columns: &[
            col("id",                   "bigint",           "integer",            None,                     Rule::None),
            col("completion_id",        "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("client_id",            "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("module_id",            "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("user_email",           "varchar(255)",     "varchar(255)",       None,                     Rule::None),
            col("user_name",            "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("started_at",           "timestamptz",      "timestamp",          None,                     Rule::None),
            col("completed_at",         "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("time_spent_minutes",   "integer",          "integer?",           Some("0"),                Rule::None),
            col("assessment_score",     "double precision?", "double precision?",  None,                     Rule::None),
            col("attempts_used",        "integer",          "integer?",           Some("0"),                Rule::None),
            col("passed",               "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("certification_issued", "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("certification_id",     "varchar(100)?",    "varchar(100)?",      None,                     Rule::None),
            col("feedback_rating",      "double precision?", "double precision?",  None,                     Rule::None),
            col("feedback_comments",    "text?",            "text?",              None,                     Rule::None),
        ],
        unique: &["completion_id"],
        foreign_keys: &[("module_id", "training_modules(module_id)")],
        checks: &[],
        indexes: &[
            ("ix_training_completions_completion_id", "completion_id"),
            ("ix_training_completions_client_id", "client_id"),
            ("ix_training_completions_module_id", "module_id"),
            ("ix_training_completions_user_email", "user_email"),
            ("ix_training_completions_started_at", "started_at"),
            ("ix_training_completions_client_user", "client_id, user_email"),
            ("ix_training_completions_module_completed", "module_id, completed_at"),
        ],
    },
    Table {
        name: "support_tickets",
        columns: &[
            col("id",                             "bigint",           "integer",            None,                     Rule::None),
            col("ticket_id",                      "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("client_id",                      "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("subject",                        "varchar(500)",     "varchar(500)",       None,                     Rule::None),
            col("description",                    "text",             "text",               None,                     Rule::None),
            col("priority",                       "varchar(10)",      "varchar(10)",        None,                     enumeration!(TicketPriority)),
            col("category",                       "varchar(50)",      "varchar(50)",        None,                     enumeration!(TicketCategory)),
            col("status",                         "varchar(50)",      "varchar(50)",        Some("'open'"),           enumeration!(TicketStatus)),
            col("requester_email",                "varchar(255)",     "varchar(255)",       None,                     Rule::None),
            col("requester_name",                 "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("assigned_agent",                 "varchar(255)?",    "varchar(255)?",      None,                     Rule::None),
            col("assigned_team",                  "varchar(100)?",    "varchar(100)?",      None,                     Rule::None),
            col("tags",                           "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("created_at",                     "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",                     "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("first_response_at",              "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("resolved_at",                    "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("closed_at",                      "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("sla_first_response_minutes",     "integer",          "integer",            None,                     Rule::None),
            col("sla_resolution_minutes",         "integer",          "integer",            None,                     Rule::None),
            col("first_response_sla_status",      "varchar(20)",      "varchar(20)?",       Some("'not_applicable'"), enumeration!(SlaStatus)),
            col("resolution_sla_status",          "varchar(20)",      "varchar(20)?",       Some("'not_applicable'"), enumeration!(SlaStatus)),
            col("time_to_first_response_minutes", "integer?",         "integer?",           None,                     Rule::None),
            col("time_to_resolution_minutes",     "integer?",         "integer?",           None,                     Rule::None),
            col("satisfaction_rating",            "integer?",         "integer?",           None,                     int!(SatisfactionRating)),
            col("satisfaction_comment",           "text?",            "text?",              None,                     Rule::None),
            col("escalated",                      "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("escalated_at",                   "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("escalation_reason",              "text?",            "text?",              None,                     Rule::None),
            col("resolution_notes",               "text?",            "text?",              None,                     Rule::None),
            col("internal_notes",                 "text?",            "text?",              None,                     Rule::None),
            col("customer_visible_notes",         "text?",            "text?",              None,                     Rule::None),
        ],
        unique: &["ticket_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_satisfaction_range", "satisfaction_rating >= 1 AND satisfaction_rating <= 5"),
        ],
        indexes: &[
            ("ix_support_tickets_ticket_id", "ticket_id"),
            ("ix_support_tickets_client_id", "client_id"),
            ("ix_support_tickets_priority", "priority"),
            ("ix_support_tickets_category", "category"),
            ("ix_support_tickets_status", "status"),
            ("ix_support_tickets_assigned_agent", "assigned_agent"),
            ("ix_support_tickets_assigned_team", "assigned_team"),
            ("ix_support_tickets_created_at", "created_at"),
            ("ix_support_tickets_resolved_at", "resolved_at"),
            ("ix_support_tickets_escalated", "escalated"),
            ("ix_support_tickets_client_status", "client_id, status"),
            ("ix_support_tickets_priority_created", "priority, created_at"),
            ("ix_support_tickets_assigned_status", "assigned_agent, status"),
        ],
    },
    Table {
        name: "ticket_comments",
        columns: &[
            col("id",           "bigint",           "integer",            None,                     Rule::None),
            col("comment_id",   "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("ticket_id",    "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("author_email", "varchar(255)",     "varchar(255)",       None,                     Rule::None),
            col("author_name",  "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("author_type",  "varchar(20)",      "varchar(20)",        None,                     enumeration!(AuthorType)),
            col("content",      "text",             "text",               None,                     Rule::None),
            col("is_public",    "boolean",          "boolean?",           Some("true"),             Rule::None),
            col("attachments",  "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("created_at",   "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["comment_id"],
        foreign_keys: &[("ticket_id", "support_tickets(ticket_id)")],
        checks: &[],
        indexes: &[
            ("ix_ticket_comments_comment_id", "comment_id"),
            ("ix_ticket_comments_ticket_id", "ticket_id"),
            ("ix_ticket_comments_created_at", "created_at"),
            ("ix_ticket_comments_ticket_created", "ticket_id, created_at"),
        ],
    },
    Table {
        name: "knowledge_base_articles",
        columns: &[
            col("id",                        "bigint",           "integer",            None,                     Rule::None),
            col("article_id",                "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("title",                     "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("summary",                   "varchar(500)",     "varchar(500)",       None,                     Rule::None),
            col("content",                   "text",             "text",               None,                     Rule::None),
            col("category",                  "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("subcategory",               "varchar(100)?",    "varchar(100)?",      None,                     Rule::None),
            col("tags",                      "jsonb",            "json",               None,                     Rule::StringList),
            col("status",                    "varchar(20)",      "varchar(20)",        Some("'draft'"),          enumeration!(ArticleStatus)),
            col("author",                    "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("created_at",                "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",                "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("published_at",              "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("version",                   "integer",          "integer?",           Some("1"),                Rule::None),
            col("view_count",                "integer",          "integer?",           Some("0"),                Rule::None),
            col("helpful_votes",             "integer",          "integer?",           Some("0"),                Rule::None),
            col("not_helpful_votes",         "integer",          "integer?",           Some("0"),                Rule::None),
            col("helpfulness_score",         "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("related_articles",          "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("search_keywords",           "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("customer_facing",           "boolean",          "boolean?",           Some("true"),             Rule::None),
            col("requires_authentication",   "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("product_tier_restrictions", "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
        ],
        unique: &["article_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_kb_articles_article_id", "article_id"),
            ("ix_kb_articles_category", "category"),
            ("ix_kb_articles_subcategory", "subcategory"),
            ("ix_kb_articles_status", "status"),
            ("ix_kb_articles_published_at", "published_at"),
            ("ix_kb_articles_category_status", "category, status"),
            ("ix_kb_articles_published", "published_at"),
        ],
    },
    Table {
        name: "renewal_forecasts",
        columns: &[
            col("id",                        "bigint",           "integer",            None,                     Rule::None),
            col("forecast_id",               "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("client_id",                 "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("contract_id",               "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("renewal_date",              "date",             "date",               None,                     Rule::None),
            col("current_arr",               "numeric(14,2)",    "double precision",   None,                     Rule::Money),
            col("forecasted_arr",            "numeric(14,2)",    "double precision",   None,                     Rule::Money),
            col("renewal_probability",       "double precision", "double precision",   None,                     float!(Probability)),
            col("renewal_status",            "varchar(20)",      "varchar(20)",        None,                     enumeration!(RenewalStatus)),
            col("confidence_score",          "double precision", "double precision",   None,                     Rule::None),
            col("health_score",              "integer",          "integer",            None,                     int!(HealthScore)),
            col("risk_factors",              "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("positive_indicators",       "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("expansion_probability",     "double precision", "double precision?",  Some("0.0"),              float!(Probability)),
            col("estimated_expansion_value", "numeric(14,2)",    "double precision?",  Some("0"),                Rule::Money),
            col("days_until_renewal",        "integer",          "integer",            None,                     Rule::None),
            col("last_csm_touchpoint",       "date?",            "date?",              None,                     Rule::None),
            col("next_scheduled_touchpoint", "date?",            "date?",              None,                     Rule::None),
            col("recommended_actions",       "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("forecast_created_at",       "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("forecast_updated_at",       "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("model_version",             "varchar(20)",      "varchar(20)?",       Some("'v1.0.0'"),         Rule::None),
        ],
        unique: &["forecast_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_renewal_probability_range", "renewal_probability >= 0 AND renewal_probability <= 1"),
        ],
        indexes: &[
            ("ix_renewal_forecasts_forecast_id", "forecast_id"),
            ("ix_renewal_forecasts_client_id", "client_id"),
            ("ix_renewal_forecasts_renewal_date", "renewal_date"),
            ("ix_renewal_forecasts_renewal_status", "renewal_status"),
            ("ix_renewal_forecasts_days_until_renewal", "days_until_renewal"),
            ("ix_renewal_forecasts_client_date", "client_id, renewal_date"),
            ("ix_renewal_forecasts_status_days", "renewal_status, days_until_renewal"),
        ],
    },
    Table {
        name: "contracts",
        columns: &[
            col("id",                  "bigint",           "integer",            None,                     Rule::None),
            col("contract_id",         "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("client_id",           "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("contract_type",       "varchar(20)",      "varchar(20)",        None,                     enumeration!(ContractType)),
            col("contract_value",      "numeric(14,2)",    "double precision",   None,                     Rule::Money),
            col("billing_frequency",   "varchar(20)",      "varchar(20)",        None,                     enumeration!(BillingFrequency)),
            col("currency",            "varchar(3)",       "varchar(3)?",        Some("'USD'"),            Rule::None),
            col("start_date",          "date",             "date",               None,                     Rule::None),
            col("end_date",            "date",             "date",               None,                     Rule::None),
            col("renewal_date",        "date",             "date",               None,                     Rule::None),
            col("auto_renew",          "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("notice_period_days",  "integer",          "integer?",           Some("30"),               Rule::None),
            col("payment_terms",       "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("payment_status",      "varchar(20)",      "varchar(20)",        Some("'current'"),        enumeration!(PaymentStatus)),
            col("included_users",      "integer?",         "integer?",           None,                     Rule::None),
            col("included_usage",      "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("tier",                "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("products_included",   "jsonb",            "json",               None,                     Rule::None),
            col("addons",              "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("discount_percentage", "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("discount_reason",     "varchar(500)?",    "varchar(500)?",      None,                     Rule::None),
            col("signed_by",           "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("owner_csm",           "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("last_modified",       "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("contract_url",        "varchar(500)?",    "varchar(500)?",      None,                     Rule::None),
        ],
        unique: &["contract_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_contract_value_positive", "contract_value >= 0"),
        ],
        indexes: &[
            ("ix_contracts_contract_id", "contract_id"),
            ("ix_contracts_client_id", "client_id"),
            ("ix_contracts_start_date", "start_date"),
            ("ix_contracts_end_date", "end_date"),
            ("ix_contracts_renewal_date", "renewal_date"),
            ("ix_contracts_payment_status", "payment_status"),
            ("ix_contracts_owner_csm", "owner_csm"),
            ("ix_contracts_client_status", "client_id, payment_status"),
        ],
    },
    Table {
        name: "expansion_opportunities",
        columns: &[
            col("id",                   "bigint",           "integer",            None,                     Rule::None),
            col("opportunity_id",       "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("client_id",            "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("opportunity_name",     "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("expansion_type",       "varchar(50)",      "varchar(50)",        None,                     enumeration!(ExpansionType)),
            col("estimated_value",      "numeric(14,2)",    "double precision",   None,                     Rule::Money),
            col("probability",          "double precision", "double precision",   None,                     float!(Probability)),
            col("confidence_score",     "double precision", "double precision?",  Some("0.5"),              Rule::None),
            col("expected_close_date",  "date?",            "date?",              None,                     Rule::None),
            col("current_stage",        "varchar(50)",      "varchar(50)",        None,                     enumeration!(OpportunityStage)),
            col("requirements",         "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("value_drivers",        "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("blockers",             "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("champion",             "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("decision_makers",      "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("competitive_pressure", "varchar(20)",      "varchar(20)?",       Some("'unknown'"),        enumeration!(CompetitivePressure)),
            col("assigned_to",          "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("next_action",          "varchar(500)?",    "varchar(500)?",      None,                     Rule::None),
            col("next_action_date",     "date?",            "date?",              None,                     Rule::None),
            col("created_at",           "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",           "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["opportunity_id"],
        foreign_keys: &[],
        checks: &[
            ("check_probability_range", "probability >= 0 AND probability <= 1"),
        ],
        indexes: &[
            ("ix_expansion_opportunities_opportunity_id", "opportunity_id"),
            ("ix_expansion_opportunities_client_id", "client_id"),
            ("ix_expansion_opportunities_expansion_type", "expansion_type"),
            ("ix_expansion_opportunities_expected_close_date", "expected_close_date"),
            ("ix_expansion_opportunities_current_stage", "current_stage"),
            ("ix_expansion_opportunities_assigned_to", "assigned_to"),
            ("ix_expansion_opportunities_client_stage", "client_id, current_stage"),
            ("ix_expansion_opportunities_close_date", "expected_close_date"),
        ],
    },
    Table {
        name: "renewal_campaigns",
        columns: &[
            col("id",                                 "bigint",           "integer",            None,                     Rule::None),
            col("campaign_id",                        "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("campaign_name",                      "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("start_date",                         "date",             "date",               None,                     Rule::None),
            col("end_date",                           "date",             "date",               None,                     Rule::None),
            col("target_renewal_date_range",          "jsonb",            "json",               None,                     Rule::None),
            col("total_customers",                    "integer",          "integer",            None,                     Rule::None),
            col("total_arr_at_risk",                  "numeric(14,2)",    "double precision",   None,                     Rule::Money),
            col("customers_contacted",                "integer",          "integer?",           Some("0"),                Rule::None),
            col("customers_committed",                "integer",          "integer?",           Some("0"),                Rule::None),
            col("customers_at_risk",                  "integer",          "integer?",           Some("0"),                Rule::None),
            col("win_rate",                           "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("expansion_opportunities_identified", "integer",          "integer?",           Some("0"),                Rule::None),
            col("expansion_value_identified",         "numeric(14,2)",    "double precision?",  Some("0"),                Rule::Money),
            col("campaign_activities",                "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("success_metrics",                    "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("created_at",                         "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",                         "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["campaign_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_renewal_campaigns_campaign_id", "campaign_id"),
            ("ix_renewal_campaigns_start_date", "start_date"),
        ],
    },
    Table {
        name: "customer_feedback",
        columns: &[
            col("id",                 "bigint",           "integer",            None,                     Rule::None),
            col("feedback_id",        "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("client_id",          "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("feedback_type",      "varchar(50)",      "varchar(50)",        None,                     enumeration!(FeedbackType)),
            col("source",             "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("submitter_email",    "varchar(255)",     "varchar(255)",       None,                     Rule::None),
            col("submitter_name",     "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("title",              "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("content",            "text",             "text",               None,                     Rule::None),
            col("category",           "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("subcategory",        "varchar(100)?",    "varchar(100)?",      None,                     Rule::None),
            col("tags",               "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::StringList),
            col("sentiment",          "varchar(20)",      "varchar(20)",        None,                     enumeration!(Sentiment)),
            col("sentiment_score",    "double precision", "double precision",   None,                     float!(SentimentScore)),
            col("priority",           "varchar(20)",      "varchar(20)",        Some("'medium'"),         enumeration!(FeedbackPriority)),
            col("status",             "varchar(20)",      "varchar(20)",        Some("'new'"),            enumeration!(FeedbackStatus)),
            col("impact_assessment",  "text?",            "text?",              None,                     Rule::None),
            col("assigned_to",        "varchar(200)?",    "varchar(200)?",      None,                     Rule::None),
            col("follow_up_required", "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("follow_up_by",       "date?",            "date?",              None,                     Rule::None),
            col("customer_responded", "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("resolution_notes",   "text?",            "text?",              None,                     Rule::None),
            col("created_at",         "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",         "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("reviewed_at",        "timestamptz?",     "timestamp?",         None,                     Rule::None),
            col("resolved_at",        "timestamptz?",     "timestamp?",         None,                     Rule::None),
        ],
        unique: &["feedback_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_sentiment_score_range", "sentiment_score >= -1 AND sentiment_score <= 1"),
        ],
        indexes: &[
            ("ix_customer_feedback_feedback_id", "feedback_id"),
            ("ix_customer_feedback_client_id", "client_id"),
            ("ix_customer_feedback_feedback_type", "feedback_type"),
            ("ix_customer_feedback_category", "category"),
            ("ix_customer_feedback_sentiment", "sentiment"),
            ("ix_customer_feedback_priority", "priority"),
            ("ix_customer_feedback_status", "status"),
            ("ix_customer_feedback_assigned_to", "assigned_to"),
            ("ix_customer_feedback_created_at", "created_at"),
            ("ix_customer_feedback_client_status", "client_id, status"),
            ("ix_customer_feedback_sentiment_created", "sentiment, created_at"),
            ("ix_customer_feedback_priority_status", "priority, status"),
        ],
    },
    Table {
        name: "nps_responses",
        columns: &[
            col("id",                   "bigint",           "integer",            None,                     Rule::None),
            col("response_id",          "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("client_id",            "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("survey_id",            "varchar(50)",      "varchar(50)",        None,                     Rule::None),
            col("respondent_email",     "varchar(255)",     "varchar(255)",       None,                     Rule::None),
            col("respondent_name",      "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("score",                "integer",          "integer",            None,                     int!(NpsScore)),
            col("category",             "varchar(20)",      "varchar(20)",        None,                     enumeration!(NpsCategory)),
            col("reason",               "text?",            "text?",              None,                     Rule::None),
            col("follow_up_question_1", "text?",            "text?",              None,                     Rule::None),
            col("follow_up_answer_1",   "text?",            "text?",              None,                     Rule::None),
            col("follow_up_question_2", "text?",            "text?",              None,                     Rule::None),
            col("follow_up_answer_2",   "text?",            "text?",              None,                     Rule::None),
            col("sentiment",            "varchar(20)",      "varchar(20)",        None,                     enumeration!(Sentiment)),
            col("sentiment_score",      "double precision", "double precision",   None,                     float!(SentimentScore)),
            col("follow_up_required",   "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("contacted",            "boolean",          "boolean?",           Some("false"),            Rule::None),
            col("survey_sent_at",       "timestamptz",      "timestamp",          None,                     Rule::None),
            col("responded_at",         "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("response_time_hours",  "double precision", "double precision",   None,                     Rule::None),
        ],
        unique: &["response_id"],
        foreign_keys: &[("client_id", "customers(client_id)")],
        checks: &[
            ("check_nps_score_range", "score >= 0 AND score <= 10"),
            ("check_nps_sentiment_range", "sentiment_score >= -1 AND sentiment_score <= 1"),
        ],
        indexes: &[
            ("ix_nps_responses_response_id", "response_id"),
            ("ix_nps_responses_client_id", "client_id"),
            ("ix_nps_responses_survey_id", "survey_id"),
            ("ix_nps_responses_category", "category"),
            ("ix_nps_responses_responded_at", "responded_at"),
            ("ix_nps_responses_client_score", "client_id, score"),
            ("ix_nps_responses_survey_category", "survey_id, category"),
        ],
    },
    Table {
        name: "sentiment_analysis",
        columns: &[
            col("id",                      "bigint",           "integer",            None,                     Rule::None),
            col("analysis_id",             "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("client_id",               "varchar(100)?",    "varchar(100)?",      None,                     Rule::None),
            col("period_start",            "timestamptz",      "timestamp",          None,                     Rule::None),
            col("period_end",              "timestamptz",      "timestamp",          None,                     Rule::None),
            col("total_feedback_items",    "integer",          "integer",            None,                     Rule::None),
            col("feedback_by_type",        "jsonb",            "json",               None,                     Rule::None),
            col("overall_sentiment",       "varchar(20)",      "varchar(20)",        None,                     enumeration!(Sentiment)),
            col("overall_sentiment_score", "double precision", "double precision",   None,                     float!(SentimentScore)),
            col("sentiment_distribution",  "jsonb",            "json",               None,                     Rule::None),
            col("sentiment_trend",         "varchar(20)",      "varchar(20)",        None,                     enumeration!(SentimentTrend)),
            col("top_positive_themes",     "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("top_negative_themes",     "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("action_items",            "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("nps_score",               "integer?",         "integer?",           None,                     Rule::None),
            col("csat_score",              "double precision?", "double precision?",  None,                     Rule::None),
            col("analyzed_at",             "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["analysis_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_sentiment_analysis_analysis_id", "analysis_id"),
            ("ix_sentiment_analysis_client_id", "client_id"),
            ("ix_sentiment_analysis_period_start", "period_start"),
            ("ix_sentiment_analysis_client_period", "client_id, period_start"),
        ],
    },
    Table {
        name: "survey_templates",
        columns: &[
            col("id",            "bigint",           "integer",            None,                     Rule::None),
            col("template_id",   "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("template_name", "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("template_type", "varchar(50)",      "varchar(50)",        None,                     enumeration!(FeedbackType)),
            col("description",   "text",             "text",               None,                     Rule::None),
            col("questions",     "jsonb",            "json",               None,                     Rule::None),
            col("targeting",     "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("frequency",     "varchar(50)",      "varchar(50)?",       Some("'one_time'"),       enumeration!(SurveyFrequency)),
            col("active",        "boolean",          "boolean?",           Some("true"),             Rule::None),
            col("created_at",    "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
            col("updated_at",    "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["template_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_survey_templates_template_id", "template_id"),
            ("ix_survey_templates_template_type", "template_type"),
            ("ix_survey_templates_active", "active"),
        ],
    },
    Table {
        name: "health_metrics",
        columns: &[
            col("id",                          "bigint",           "integer",            None,                     Rule::None),
            col("client_id",                   "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("period_start",                "timestamptz",      "timestamp",          None,                     Rule::None),
            col("period_end",                  "timestamptz",      "timestamp",          None,                     Rule::None),
            col("overall_health_score",        "integer",          "integer",            None,                     int!(HealthScore)),
            col("health_score_trend",          "varchar(10)",      "varchar(10)",        None,                     enumeration!(MetricTrend)),
            col("health_score_change",         "integer",          "integer",            None,                     Rule::None),
            col("health_components",           "jsonb",            "json",               None,                     Rule::None),
            col("component_trends",            "jsonb",            "json",               None,                     Rule::None),
            col("risk_indicators",             "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("positive_indicators",         "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("benchmark_comparison",        "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("predicted_next_period_score", "integer?",         "integer?",           None,                     int!(HealthScore)),
            col("confidence",                  "double precision", "double precision?",  Some("0.0"),              Rule::None),
            col("created_at",                  "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &[],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_health_metrics_client_id", "client_id"),
            ("ix_health_metrics_period_start", "period_start"),
            ("ix_health_metrics_client_period", "client_id, period_start"),
        ],
    },
    Table {
        name: "engagement_metrics",
        columns: &[
            col("id",                           "bigint",           "integer",            None,                     Rule::None),
            col("client_id",                    "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("period_start",                 "timestamptz",      "timestamp",          None,                     Rule::None),
            col("period_end",                   "timestamptz",      "timestamp",          None,                     Rule::None),
            col("total_users",                  "integer",          "integer",            None,                     Rule::None),
            col("active_users",                 "integer",          "integer",            None,                     Rule::None),
            col("daily_active_users",           "integer",          "integer",            None,                     Rule::None),
            col("weekly_active_users",          "integer",          "integer",            None,                     Rule::None),
            col("monthly_active_users",         "integer",          "integer",            None,                     Rule::None),
            col("activation_rate",              "double precision", "double precision",   None,                     Rule::None),
            col("engagement_rate",              "double precision", "double precision",   None,                     Rule::None),
            col("total_logins",                 "integer",          "integer",            None,                     Rule::None),
            col("avg_logins_per_user",          "double precision", "double precision",   None,                     Rule::None),
            col("total_session_minutes",        "integer",          "integer",            None,                     Rule::None),
            col("avg_session_duration_minutes", "double precision", "double precision",   None,                     Rule::None),
            col("total_actions",                "integer",          "integer",            None,                     Rule::None),
            col("avg_actions_per_session",      "double precision", "double precision",   None,                     Rule::None),
            col("feature_adoption",             "jsonb",            "json",               None,                     Rule::None),
            col("power_users",                  "integer",          "integer?",           Some("0"),                Rule::None),
            col("inactive_users",               "integer",          "integer?",           Some("0"),                Rule::None),
            col("at_risk_users",                "integer",          "integer?",           Some("0"),                Rule::None),
            col("engagement_trend",             "varchar(10)",      "varchar(10)",        None,                     enumeration!(MetricTrend)),
            col("vs_previous_period",           "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("created_at",                   "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &[],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_engagement_metrics_client_id", "client_id"),
            ("ix_engagement_metrics_period_start", "period_start"),
            ("ix_engagement_metrics_client_period", "client_id, period_start"),
        ],
    },
    Table {
        name: "usage_analytics",
        columns: &[
            col("id",                       "bigint",           "integer",            None,                     Rule::None),
            col("client_id",                "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("period_start",             "timestamptz",      "timestamp",          None,                     Rule::None),
            col("period_end",               "timestamptz",      "timestamp",          None,                     Rule::None),
            col("total_usage_events",       "integer",          "integer",            None,                     Rule::None),
            col("unique_features_used",     "integer",          "integer",            None,                     Rule::None),
            col("total_features_available", "integer",          "integer",            None,                     Rule::None),
            col("feature_utilization_rate", "double precision", "double precision",   None,                     Rule::None),
            col("top_features",             "jsonb",            "json",               None,                     Rule::None),
            col("underutilized_features",   "jsonb",            "json?",              Some("'[]'::jsonb"),      Rule::None),
            col("new_feature_adoption",     "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("usage_by_user_role",       "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("integration_usage",        "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("api_usage",                "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("usage_trend",              "varchar(10)",      "varchar(10)",        None,                     enumeration!(MetricTrend)),
            col("usage_growth_rate",        "double precision", "double precision",   None,                     Rule::None),
            col("created_at",               "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &[],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_usage_analytics_client_id", "client_id"),
            ("ix_usage_analytics_period_start", "period_start"),
            ("ix_usage_analytics_client_period", "client_id, period_start"),
        ],
    },
    Table {
        name: "cohort_analysis",
        columns: &[
            col("id",                   "bigint",           "integer",            None,                     Rule::None),
            col("cohort_id",            "varchar(100)",     "varchar(100)",       None,                     Rule::None),
            col("cohort_name",          "varchar(200)",     "varchar(200)",       None,                     Rule::None),
            col("cohort_definition",    "jsonb",            "json",               None,                     Rule::None),
            col("cohort_size",          "integer",          "integer",            None,                     Rule::None),
            col("analysis_date",        "date",             "date",               None,                     Rule::None),
            col("months_since_cohort",  "integer",          "integer",            None,                     Rule::None),
            col("retention_by_month",   "jsonb",            "json",               None,                     Rule::None),
            col("engagement_by_month",  "jsonb",            "json",               None,                     Rule::None),
            col("revenue_metrics",      "jsonb",            "json",               None,                     Rule::None),
            col("benchmark_comparison", "jsonb",            "json?",              Some("'{}'::jsonb"),      Rule::None),
            col("created_at",           "timestamptz",      "timestamp",          Some("now()"),            Rule::None),
        ],
        unique: &["cohort_id"],
        foreign_keys: &[],
        checks: &[],
        indexes: &[
            ("ix_cohort_analysis_cohort_id", "cohort_id"),
            ("ix_cohort_analysis_analysis_date", "analysis_date"),
        ],
    },
];
// ---- generated from the schema specification: end

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_change_has_a_conversion() {
        for table in TABLES {
            for column in table.columns {
                if column.ty() != column.legacy() {
                    assert!(conversion(column).is_ok(), "{}.{}", table.name, column.name);
                }
            }
        }
    }

    #[test]
    fn the_table_matches_the_schema_totals() {
        assert_eq!(TABLES.len(), 24);
        let columns: usize = TABLES.iter().map(|t| t.columns.len()).sum();
        assert_eq!(columns, 432);
        let count = |f: fn(&Table) -> usize| TABLES.iter().map(f).sum::<usize>();
        assert_eq!(count(|t| t.indexes.len()), 134);
        assert_eq!(count(|t| t.foreign_keys.len()), 12);
        assert_eq!(count(|t| t.checks.len()), 12);
        assert_eq!(count(|t| t.unique.len()), 17);
        for table in TABLES {
            assert_eq!(table.columns[0].name, "id", "{}", table.name);
            assert_eq!(table.columns[0].ty(), "bigint", "{}", table.name);
        }
    }

    #[test]
    fn columns_the_crate_makes_not_null_have_a_default_or_were_not_null() {
        for table in TABLES {
            for c in table.columns {
                let legacy_nullable = c.legacy.ends_with('?');
                if !c.nullable() && legacy_nullable {
                    assert!(c.default.is_some(), "{}.{}", table.name, c.name);
                }
                assert!(
                    !c.nullable() || legacy_nullable,
                    "{}.{}",
                    table.name,
                    c.name
                );
            }
        }
    }

    #[test]
    fn enum_defaults_are_allowed_values() {
        for table in TABLES {
            for c in table.columns {
                if let (Rule::Enum { values, .. }, Some(default)) = (c.rule, c.default) {
                    assert!(values.contains(&default.trim_matches('\'')), "{}", c.name);
                }
            }
        }
    }

    #[test]
    fn triggers_and_comments_come_from_the_migrations() {
        assert_eq!(trigger_tables().len(), 11);
        assert!(trigger_tables().contains(&"customers"));
        let comments = migration_statements()
            .iter()
            .filter(|s| s.starts_with("COMMENT ON TABLE"))
            .count();
        assert_eq!(comments, 24);
    }

    #[test]
    fn legacy_defaults_are_cast_to_the_legacy_type() {
        let c = col(
            "tags",
            "jsonb",
            "json?",
            Some("'[]'::jsonb"),
            Rule::StringList,
        );
        assert_eq!(legacy_default(&c), "('[]'::jsonb)::json");
        let t = col("at", "timestamptz", "timestamp?", Some("now()"), Rule::None);
        assert_eq!(
            legacy_default(&t),
            "((now())::timestamptz AT TIME ZONE 'UTC')"
        );
    }

    #[test]
    fn type_names_are_spelled_like_format_type() {
        assert_eq!(pg_type_name("varchar(100)"), "character varying(100)");
        assert_eq!(pg_type_name("timestamp"), "timestamp without time zone");
        assert_eq!(pg_type_name("json"), "json");
    }

    #[test]
    fn examples_stay_on_one_short_line() {
        assert_eq!(shorten("two\nlines\t"), "two\\nlines\\t");
        let long = "x".repeat(100);
        assert_eq!(
            shorten(&long),
            format!("{}...", "x".repeat(MAX_EXAMPLE_CHARS))
        );
        assert_eq!(shorten("café"), "café");
    }

    #[test]
    fn a_migration_violation_line_becomes_a_problem_of_its_table() {
        let p = detail_problem(
            "health_scores.usage_weight (check_usage_weight_range): 2 row(s) violate `x`, e.g. id 3",
            "2026-01-01-000001_v2",
        );
        assert_eq!(p.table, "health_scores");
        assert_eq!(p.column.as_deref(), Some("usage_weight"));
        assert_eq!(p.rows, 2);
        assert!(
            p.what.contains("found by migration 2026-01-01-000001_v2"),
            "{p}"
        );
        let p = detail_problem(
            "renewal_forecasts.client_id/contract_id: 1 row(s) reference",
            "m",
        );
        assert_eq!(
            (p.table.as_str(), p.column.as_deref(), p.rows),
            ("renewal_forecasts", Some("client_id"), 1)
        );
        let p = detail_problem("something else entirely", "m");
        assert_eq!((p.table.as_str(), p.column, p.rows), ("public", None, 0));
    }

    #[test]
    fn problems_display_table_column_rows_and_examples() {
        let p = Problem {
            table: "customers".to_owned(),
            column: Some("tier".to_owned()),
            rows: 1,
            what: "value outside CustomerTier".to_owned(),
            examples: vec!["id 3: \"platinum\"".to_owned()],
        };
        assert_eq!(
            p.to_string(),
            "customers.tier: 1 row: value outside CustomerTier; e.g. id 3: \"platinum\""
        );
    }
}
