//! The schema's migrations, embedded in the library at compile time, and the operations the
//! original system ran through Alembic.
//!
//! | Alembic | this crate |
//! |---|---|
//! | `alembic upgrade head` | [`run_pending`] |
//! | `alembic upgrade head --sql` | [`upgrade_sql`] (offline) or [`pending_sql`] (against a database) |
//! | `alembic current` | [`applied`] (last element) |
//! | `alembic history` | [`history`] |
//! | `alembic downgrade -1` | [`revert_last`] |
//! | `alembic downgrade base` | [`revert_all`] |
//! | `alembic stamp head` | [`stamp_all`] |
//!
//! Every operation that changes the schema holds a PostgreSQL advisory lock for its duration, so
//! two processes migrating the same database at once run one after the other: the second finds
//! nothing pending.

use diesel::connection::SimpleConnection;
use diesel::migration::{Migration, MigrationSource};
use diesel::pg::Pg;
use diesel::{sql_query, PgConnection, RunQueryDsl};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::{Error, Result};

/// Every migration under `migrations/`, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The advisory-lock key that serialises schema changes ("csdbmigr" in ASCII).
pub const ADVISORY_LOCK_KEY: i64 = 0x6373_6462_6d69_6772;

/// The SQL of one migration, as shipped in the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MigrationSql {
    /// The directory name, e.g. `2024-06-01-000001_create_customer_tables`.
    pub name: &'static str,
    /// The contents of `up.sql`.
    pub up: &'static str,
    /// The contents of `down.sql`.
    pub down: &'static str,
}

impl MigrationSql {
    /// The version Diesel records in `__diesel_schema_migrations` (the name's leading digits).
    pub fn version(&self) -> String {
        let prefix = self.name.split('_').next().unwrap_or(self.name);
        prefix.chars().filter(char::is_ascii_digit).collect()
    }
}

macro_rules! migration_sql {
    ($($name:literal),* $(,)?) => {
        /// The SQL text of every migration, oldest first. (Diesel's embedded migrations do not
        /// expose their SQL; a test checks that this list and [`MIGRATIONS`] agree.)
        pub const SQL: &[MigrationSql] = &[
            $(MigrationSql {
                name: $name,
                up: include_str!(concat!("../migrations/", $name, "/up.sql")),
                down: include_str!(concat!("../migrations/", $name, "/down.sql")),
            }),*
        ];
    };
}

migration_sql!(
    "00000000000000_diesel_initial_setup",
    "2024-06-01-000001_create_customer_tables",
    "2024-06-01-000002_create_onboarding_tables",
    "2024-06-01-000003_create_support_tables",
    "2024-06-01-000004_create_renewal_tables",
    "2024-06-01-000005_create_feedback_tables",
    "2024-06-01-000006_create_analytics_tables",
    "2026-11-30-000001_v2_constraints",
    "2026-11-30-000002_v2_validate",
    "2026-11-30-000003_v2_derived_values",
);

/// One line of [`history`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MigrationStatus {
    /// The version, e.g. `20240601000001`.
    pub version: String,
    /// The full name, e.g. `2024-06-01-000001_create_customer_tables`.
    pub name: String,
    /// Whether the database records it as applied.
    pub applied: bool,
}

/// Holds the advisory lock for as long as it lives; releasing it on drop keeps the lock from
/// outliving an early return.
struct SchemaLock<'a> {
    conn: &'a mut PgConnection,
}

impl<'a> SchemaLock<'a> {
    fn acquire(conn: &'a mut PgConnection) -> Result<Self> {
        sql_query("SELECT pg_advisory_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(ADVISORY_LOCK_KEY)
            .execute(conn)?;
        Ok(SchemaLock { conn })
    }
}

impl Drop for SchemaLock<'_> {
    fn drop(&mut self) {
        // If the connection is broken the server has already released the session lock.
        let _ = sql_query("SELECT pg_advisory_unlock($1)")
            .bind::<diesel::sql_types::BigInt, _>(ADVISORY_LOCK_KEY)
            .execute(self.conn);
    }
}

fn versions(v: Vec<diesel::migration::MigrationVersion<'_>>) -> Vec<String> {
    v.into_iter().map(|v| v.to_string()).collect()
}

/// Applies every pending migration (`alembic upgrade head`) and returns the versions it applied,
/// oldest first. Applying twice is a no-op.
///
/// # Errors
/// [`Error::Migration`] naming the failing migration; each migration runs in its own
/// transaction, so a failure leaves the database at the last successful one.
pub fn run_pending(conn: &mut PgConnection) -> Result<Vec<String>> {
    let lock = SchemaLock::acquire(conn)?;
    let applied = lock
        .conn
        .run_pending_migrations(MIGRATIONS)
        .map_err(|e| Error::migration("running pending migrations", e))?;
    Ok(versions(applied))
}

/// Reverts the most recently applied migration (`alembic downgrade -1`) and returns its version.
///
/// # Errors
/// [`Error::Migration`] when nothing is applied or the `down.sql` fails.
pub fn revert_last(conn: &mut PgConnection) -> Result<String> {
    let lock = SchemaLock::acquire(conn)?;
    let v = lock
        .conn
        .revert_last_migration(MIGRATIONS)
        .map_err(|e| Error::migration("reverting the last migration", e))?;
    Ok(v.to_string())
}

/// Reverts every applied migration (`alembic downgrade base`), newest first, and returns the
/// versions reverted. Afterwards the `public` schema holds only Diesel's bookkeeping table.
///
/// # Errors
/// [`Error::Migration`] when a `down.sql` fails.
pub fn revert_all(conn: &mut PgConnection) -> Result<Vec<String>> {
    let lock = SchemaLock::acquire(conn)?;
    let reverted = lock
        .conn
        .revert_all_migrations(MIGRATIONS)
        .map_err(|e| Error::migration("reverting all migrations", e))?;
    Ok(versions(reverted))
}

/// The versions recorded as applied, oldest first (`alembic current` is the last one).
///
/// # Errors
/// [`Error::Migration`] when the bookkeeping table cannot be read.
pub fn applied(conn: &mut PgConnection) -> Result<Vec<String>> {
    let mut v = versions(
        conn.applied_migrations()
            .map_err(|e| Error::migration("reading applied migrations", e))?,
    );
    v.sort();
    Ok(v)
}

/// The migrations not yet applied, oldest first, by name.
///
/// # Errors
/// [`Error::Migration`] when the bookkeeping table cannot be read.
pub fn pending(conn: &mut PgConnection) -> Result<Vec<String>> {
    let pending = conn
        .pending_migrations(MIGRATIONS)
        .map_err(|e| Error::migration("listing pending migrations", e))?;
    Ok(pending.iter().map(|m| m.name().to_string()).collect())
}

/// Every migration with whether it is applied, oldest first (`alembic history`).
///
/// # Errors
/// [`Error::Migration`] when the bookkeeping table cannot be read.
pub fn history(conn: &mut PgConnection) -> Result<Vec<MigrationStatus>> {
    let applied = applied(conn)?;
    Ok(SQL
        .iter()
        .map(|m| {
            let version = m.version();
            MigrationStatus {
                applied: applied.contains(&version),
                version,
                name: m.name.to_owned(),
            }
        })
        .collect())
}

/// The SQL the pending migrations of this database would run, in order, each followed by the
/// bookkeeping `INSERT` Diesel performs (`alembic upgrade head --sql` against a database); only
/// a comment when nothing is pending.
///
/// # Errors
/// [`Error::Migration`] when the bookkeeping table cannot be read.
pub fn pending_sql(conn: &mut PgConnection) -> Result<String> {
    let pending = pending(conn)?;
    if pending.is_empty() {
        return Ok("-- The database is up to date: no pending migrations.\n".to_owned());
    }
    Ok(render_upgrade(
        SQL.iter().filter(|m| pending.iter().any(|p| p == m.name)),
    ))
}

/// The SQL that upgrades an empty database to the current schema, as one script (the offline
/// `alembic upgrade head --sql`). Running it with `psql` gives the same schema as
/// [`run_pending`], including Diesel's bookkeeping table.
pub fn upgrade_sql() -> String {
    render_upgrade(SQL.iter())
}

/// The SQL that reverts every migration, newest first (the offline `alembic downgrade base --sql`).
pub fn downgrade_sql() -> String {
    let mut out = String::from("BEGIN;\n\n");
    for m in SQL.iter().rev() {
        out.push_str(&format!("-- Revert {}\n{}\n", m.name, m.down.trim_end()));
        out.push_str(&format!(
            "\nDELETE FROM __diesel_schema_migrations WHERE version = '{}';\n\n",
            m.version()
        ));
    }
    out.push_str("COMMIT;\n");
    out
}

fn render_upgrade<'a>(migrations: impl Iterator<Item = &'a MigrationSql>) -> String {
    // The same bookkeeping table Diesel creates, so a database migrated by this script is
    // recognised as up to date by `run_pending`.
    let mut out = String::from(
        "BEGIN;\n\nCREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\n    \
         version VARCHAR(50) PRIMARY KEY NOT NULL,\n    \
         run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n\n",
    );
    for m in migrations {
        out.push_str(&format!("-- Running {}\n{}\n", m.name, m.up.trim_end()));
        out.push_str(&format!(
            "\nINSERT INTO __diesel_schema_migrations (version) VALUES ('{}');\n\n",
            m.version()
        ));
    }
    out.push_str("COMMIT;\n");
    out
}

/// Records every migration as applied without running it (`alembic stamp head`): for a database
/// whose schema is already current, e.g. one created from [`upgrade_sql`] by hand.
///
/// # Errors
/// [`Error::Migration`] when the bookkeeping table cannot be written.
pub fn stamp_all(conn: &mut PgConnection) -> Result<Vec<String>> {
    let lock = SchemaLock::acquire(conn)?;
    lock.conn
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
                 version VARCHAR(50) PRIMARY KEY NOT NULL,
                 run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .map_err(|e| Error::migration("creating the bookkeeping table", Box::new(e)))?;
    let mut stamped = Vec::new();
    for m in SQL {
        let n = sql_query(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ($1) ON CONFLICT DO NOTHING",
        )
        .bind::<diesel::sql_types::Text, _>(m.version())
        .execute(lock.conn)
        .map_err(|e| Error::migration(format!("stamping {}", m.name), Box::new(e)))?;
        if n == 1 {
            stamped.push(m.version());
        }
    }
    Ok(stamped)
}

/// The names of the embedded migrations, oldest first (from [`MIGRATIONS`] itself).
///
/// # Errors
/// [`Error::Migration`] if the embedded set cannot be listed (not expected in practice).
pub fn embedded_names() -> Result<Vec<String>> {
    let migrations: Vec<Box<dyn Migration<Pg>>> = MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map_err(|e| Error::migration("listing embedded migrations", e))?;
    Ok(migrations.iter().map(|m| m.name().to_string()).collect())
}
