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

use diesel::connection::{BoxableConnection, SimpleConnection};
use diesel::migration::{Migration, MigrationMetadata, MigrationName, MigrationSource};
use diesel::pg::Pg;
use diesel::{sql_query, PgConnection, QueryResult, RunQueryDsl};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::{Error, Result};

/// Every migration under `migrations/`, compiled into the binary, as a Diesel
/// [`MigrationSource`]: `conn.run_pending_migrations(MIGRATIONS)` works as with
/// [`embed_migrations!`], and [`run_pending`] adds the advisory lock.
pub const MIGRATIONS: Migrations = Migrations(embed_migrations!("migrations"));

/// The crate's embedded migrations (see [`MIGRATIONS`]).
///
/// Diesel's own runner sends a migration's whole `up.sql` as one string, which PostgreSQL runs as
/// one implicit transaction, and `CREATE INDEX CONCURRENTLY` refuses to run in one. So a
/// migration whose `metadata.toml` says `run_in_transaction = false` (schema v2's index
/// migration) is run here one statement at a time; the others run exactly as Diesel runs them.
pub struct Migrations(EmbeddedMigrations);

impl std::fmt::Debug for Migrations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Migrations")
            .field("count", &SQL.len())
            .finish()
    }
}

impl MigrationSource<Pg> for Migrations {
    fn migrations(&self) -> diesel::migration::Result<Vec<Box<dyn Migration<Pg>>>> {
        let embedded = MigrationSource::<Pg>::migrations(&self.0)?;
        Ok(embedded
            .into_iter()
            .map(|m| -> Box<dyn Migration<Pg>> {
                let name = m.name().to_string();
                match SQL.iter().find(|s| s.name == name) {
                    Some(sql) if !m.metadata().run_in_transaction() => {
                        Box::new(StatementByStatement { inner: m, sql })
                    }
                    _ => m,
                }
            })
            .collect())
    }
}

/// A migration that runs outside a transaction, sent one statement at a time.
struct StatementByStatement {
    inner: Box<dyn Migration<Pg>>,
    sql: &'static MigrationSql,
}

impl StatementByStatement {
    fn execute(
        &self,
        conn: &mut dyn BoxableConnection<Pg>,
        script: &str,
    ) -> diesel::migration::Result<()> {
        for statement in statements(script) {
            conn.batch_execute(statement).map_err(|e| {
                let first = statement
                    .lines()
                    .find(|l| !l.trim_start().starts_with("--"))
                    .unwrap_or(statement);
                format!("{}: {e} (statement: {})", self.sql.name, first.trim())
            })?;
        }
        Ok(())
    }
}

impl Migration<Pg> for StatementByStatement {
    fn run(&self, conn: &mut dyn BoxableConnection<Pg>) -> diesel::migration::Result<()> {
        self.execute(conn, self.sql.up)
    }

    fn revert(&self, conn: &mut dyn BoxableConnection<Pg>) -> diesel::migration::Result<()> {
        self.execute(conn, self.sql.down)
    }

    fn metadata(&self) -> &dyn MigrationMetadata {
        self.inner.metadata()
    }

    fn name(&self) -> &dyn MigrationName {
        self.inner.name()
    }
}

/// Splits a script into its statements, each with its leading comments, without the `;`.
/// Understands what the crate's migrations contain: `--` and `/* */` comments, quoted strings
/// and identifiers, and dollar-quoted bodies (`DO $$ ... $$`), whose semicolons do not end a
/// statement. Statements that are only whitespace and comments are left out.
pub fn statements(script: &str) -> Vec<&str> {
    let bytes = script.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    fn push<'a>(text: &'a str, out: &mut Vec<&'a str>) {
        let has_code = text.lines().any(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with("--")
        });
        if has_code {
            out.push(text.trim());
        }
    }
    while i < bytes.len() {
        match bytes[i] {
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = script[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = script[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            quote @ (b'\'' | b'"') => {
                // A doubled quote inside is an escaped quote: skipping to the next quote and
                // going on from there handles it.
                i = script[i + 1..]
                    .find(quote as char)
                    .map_or(bytes.len(), |n| i + 1 + n + 1);
            }
            b'$' => {
                // `$tag$` (tag: letters, digits, `_`) opens a body that the same tag closes; a
                // `$1` parameter is not one.
                let tag_len = script[i + 1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(0);
                let tag_end = i + 1 + tag_len;
                if bytes.get(tag_end) == Some(&b'$')
                    && !script[i + 1..tag_end].starts_with(|c: char| c.is_ascii_digit())
                {
                    let tag = &script[i..=tag_end];
                    i = script[tag_end + 1..]
                        .find(tag)
                        .map_or(bytes.len(), |n| tag_end + 1 + n + tag.len());
                } else {
                    i += 1;
                }
            }
            b';' => {
                push(&script[start..i], &mut out);
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    push(&script[start..], &mut out);
    out
}

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
    /// Whether Diesel runs it in a transaction (`false`: its `metadata.toml` says
    /// `run_in_transaction = false`, and its statements are sent one at a time).
    pub run_in_transaction: bool,
}

impl MigrationSql {
    /// The version Diesel records in `__diesel_schema_migrations` (the name's leading digits).
    pub fn version(&self) -> String {
        let prefix = self.name.split('_').next().unwrap_or(self.name);
        prefix.chars().filter(char::is_ascii_digit).collect()
    }
}

macro_rules! migration_sql {
    ($($name:literal $(($outside:ident))?),* $(,)?) => {
        /// The SQL text of every migration, oldest first. (Diesel's embedded migrations do not
        /// expose their SQL; a test checks that this list and [`MIGRATIONS`] agree.)
        pub const SQL: &[MigrationSql] = &[
            $(MigrationSql {
                name: $name,
                up: include_str!(concat!("../migrations/", $name, "/up.sql")),
                down: include_str!(concat!("../migrations/", $name, "/down.sql")),
                run_in_transaction: migration_sql!(@in_transaction $($outside)?),
            }),*
        ];
    };
    (@in_transaction outside_transaction) => { false };
    (@in_transaction) => { true };
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
    "2026-11-30-000004_v2_query_support",
    "2026-11-30-000005_v2_indexes"(outside_transaction),
    "2026-11-30-000006_v2_csm_summary",
    "2026-11-30-000007_v2_churn_levels"(outside_transaction),
    "2026-11-30-000008_v2_distribution_ready",
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
    /// Waits for the lock by polling `pg_try_advisory_lock` rather than blocking in
    /// `pg_advisory_lock`: a session blocked in a statement holds a snapshot, and
    /// `CREATE INDEX CONCURRENTLY` waits for every older snapshot to go away, so the holder's
    /// concurrent build and a blocked waiter would wait for each other (PostgreSQL reports a
    /// deadlock). Between polls the waiter runs no statement at all.
    fn acquire(conn: &'a mut PgConnection) -> Result<Self> {
        #[derive(diesel::QueryableByName)]
        struct Locked {
            #[diesel(sql_type = diesel::sql_types::Bool)]
            locked: bool,
        }
        let mut pause = std::time::Duration::from_millis(5);
        loop {
            let got: Locked = sql_query("SELECT pg_try_advisory_lock($1) AS locked")
                .bind::<diesel::sql_types::BigInt, _>(ADVISORY_LOCK_KEY)
                .get_result(conn)?;
            if got.locked {
                return Ok(SchemaLock { conn });
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(std::time::Duration::from_millis(200));
        }
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

/// The migration `target` names: its version (`20261130000003`), its full name, or the part of
/// the name after the date (`v2_derived_values`).
///
/// # Errors
/// [`Error::Migration`] listing the known names when nothing (or more than one) matches.
pub fn find(target: &str) -> Result<&'static MigrationSql> {
    let target = target.trim();
    let matches: Vec<&MigrationSql> = SQL
        .iter()
        .filter(|m| {
            m.name == target
                || m.version() == target
                || m.name
                    .split_once('_')
                    .is_some_and(|(_, rest)| rest == target)
        })
        .collect();
    match matches[..] {
        [one] => Ok(one),
        _ => Err(Error::Migration {
            message: format!(
                "no single migration is named {:?}; the migrations are (version and name): {}",
                target,
                SQL.iter()
                    .map(|m| format!("{} {}", m.version(), m.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            source: None,
        }),
    }
}

/// Applies the pending migrations up to and including `target` (`alembic upgrade <rev>`; see
/// [`find`] for how to name it) and returns the versions applied, oldest first. A database
/// already at or past `target` is left as it is (an empty list); going back is
/// [`downgrade_to`]'s job.
///
/// This is how to compare the original index set with schema v2's on one database:
/// `upgrade_to(conn, "v2_derived_values")` stops before the index migration.
///
/// # Errors
/// [`Error::Migration`] for an unknown `target` or a failing migration (the database stays at
/// the last one that succeeded).
pub fn upgrade_to(conn: &mut PgConnection, target: &str) -> Result<Vec<String>> {
    let target = find(target)?.version();
    let lock = SchemaLock::acquire(conn)?;
    let pending = lock
        .conn
        .pending_migrations(MIGRATIONS)
        .map_err(|e| Error::migration("listing pending migrations", e))?;
    let mut done = Vec::new();
    for m in pending
        .iter()
        .filter(|m| m.name().version().to_string() <= target)
    {
        let v = lock
            .conn
            .run_migration(m.as_ref())
            .map_err(|e| Error::migration(format!("running {}", m.name()), e))?;
        done.push(v.to_string());
    }
    Ok(done)
}

/// Reverts the applied migrations newer than `target`, newest first, so that `target` is the
/// newest applied one (`alembic downgrade <rev>`), and returns the versions reverted.
///
/// # Errors
/// [`Error::Migration`] for an unknown `target`, one that is not applied, or a failing revert.
pub fn downgrade_to(conn: &mut PgConnection, target: &str) -> Result<Vec<String>> {
    let target = find(target)?;
    let version = target.version();
    let lock = SchemaLock::acquire(conn)?;
    let applied = applied(lock.conn)?;
    if !applied.contains(&version) {
        return Err(Error::Migration {
            message: format!(
                "{} is not applied to this database, so it cannot be downgraded to it",
                target.name
            ),
            source: None,
        });
    }
    let all = MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map_err(|e| Error::migration("listing embedded migrations", e))?;
    let mut reverted = Vec::new();
    for m in all.iter().rev() {
        let v = m.name().version().to_string();
        if v > version && applied.contains(&v) {
            lock.conn
                .revert_migration(m.as_ref())
                .map_err(|e| Error::migration(format!("reverting {}", m.name()), e))?;
            reverted.push(v);
        }
    }
    Ok(reverted)
}

impl MigrationSql {
    /// Runs `up.sql` inside the caller's transaction, for a caller that already holds the
    /// tables exclusively in it ([`crate::adopt`]). A migration meant to run outside a
    /// transaction is sent statement by statement in its in-transaction form: `CREATE [UNIQUE]
    /// INDEX CONCURRENTLY` and `DROP INDEX CONCURRENTLY` without `CONCURRENTLY`, since a
    /// concurrent build is impossible in a transaction and pointless on locked tables.
    pub(crate) fn run_up_in_transaction(&self, conn: &mut PgConnection) -> QueryResult<()> {
        if self.run_in_transaction {
            return conn.batch_execute(self.up);
        }
        for statement in statements(self.up) {
            conn.batch_execute(&statement.replacen(" INDEX CONCURRENTLY ", " INDEX ", 1))?;
        }
        Ok(())
    }
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
        let bookkeeping = format!(
            "DELETE FROM __diesel_schema_migrations WHERE version = '{}';",
            m.version()
        );
        push_migration(&mut out, "Revert", m, m.down, &bookkeeping);
    }
    out.push_str("COMMIT;\n");
    out
}

/// Appends one migration to a script that runs inside `BEGIN; ... COMMIT;`. A migration that
/// must run outside a transaction ends the script's transaction, runs its statements on their
/// own (psql sends each separately), and opens a new one.
fn push_migration(out: &mut String, verb: &str, m: &MigrationSql, sql: &str, bookkeeping: &str) {
    if m.run_in_transaction {
        out.push_str(&format!("-- {verb} {}\n{}\n", m.name, sql.trim_end()));
        out.push_str(&format!("\n{bookkeeping}\n\n"));
    } else {
        out.push_str(&format!(
            "-- {verb} {} (outside a transaction: CONCURRENTLY)\nCOMMIT;\n\n",
            m.name
        ));
        for statement in statements(sql) {
            out.push_str(statement);
            out.push_str(";\n\n");
        }
        out.push_str(&format!("{bookkeeping}\n\nBEGIN;\n\n"));
    }
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
        let bookkeeping = format!(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('{}');",
            m.version()
        );
        push_migration(&mut out, "Running", m, m.up, &bookkeeping);
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
