//! PostgreSQL databases for tests and examples, with no setup.
//!
//! ```no_run
//! use customer_success_db::harness::TestDatabase;
//! use diesel::RunQueryDsl;
//!
//! let db = TestDatabase::new()?; // a fresh database with every migration applied
//! let mut conn = db.connect()?;
//! diesel::sql_query("SELECT 1").execute(&mut conn)?;
//! // Dropping `db` drops the database.
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Where the server comes from
//!
//! * If `DATABASE_URL` is set (and not empty), that server is used. The URL may name any
//!   database on it; the harness connects there to create and drop databases of its own, so the
//!   user needs the `CREATEDB` privilege.
//! * Otherwise the harness runs a **throwaway cluster**. It finds the PostgreSQL server binaries
//!   (`pg_config --bindir`, then `PATH`, then the newest `/usr/lib/postgresql/*/bin`), runs
//!   `initdb` in a private directory and starts a server that listens only on a unix socket in
//!   that directory (no TCP, so no port conflicts and no exposure to other users). The server
//!   runs with `fsync` off. PostgreSQL refuses to run as root, so root runs the cluster as the
//!   `postgres` system user.
//!
//! The private directory is `customer-success-db-pg-<euid>` under `/dev/shm` when that is a
//! tmpfs with at least 1 GiB free and `TMPDIR` is not set. PostgreSQL creates a database as about
//! 300 files, and on slow disks that makes each `CREATE DATABASE` cost 100-300 ms instead of
//! about 10. Otherwise the directory goes under [`std::env::temp_dir`]. `CSDB_HARNESS_DIR` names
//! another directory (it must be new, empty or one the harness made).
//!
//! # Sharing and clean-up
//!
//! Every process of a test run (each test binary of `cargo test`, each test of `cargo nextest`)
//! shares the one throwaway server. The first process to arrive starts it, under an exclusive
//! lock on `setup.lock`. Every user holds a shared lock on `users.lock` for as long as it lives;
//! the kernel drops that lock when the process exits, however it exits.
//!
//! A detached supervisor (a `sh` loop using `flock(1)`, in a session of its own) checks once a
//! second, under `setup.lock`, whether anyone still holds `users.lock`. After about five seconds
//! with no users it stops the server and deletes the directory. That pause lets the next test
//! binary of the same `cargo test` reuse the server instead of restarting it. Nothing is left
//! behind, even when test processes crash or are killed. A run that finds the remains of a
//! killed run (a dead server with a stale `postmaster.pid`, a dead supervisor) wipes them and
//! starts afresh; a server killed with SIGKILL leaves its shared memory (a System V segment and
//! `/dev/shm/PostgreSQL.*`) behind, so before wiping, the next run (or the supervisor, when no
//! run comes) starts PostgreSQL once more on the old data directory, which removes exactly
//! that cluster's segments, and stops it again.
//!
//! [`Server::shared_persistent`] is the same with a directory that survives:
//! `customer-success-db-keep-<euid>` under [`std::env::temp_dir`], or `CSDB_HARNESS_KEEP_DIR`.
//! The supervisor stops the server but keeps the data, and the next call starts it again.
//!
//! # Test databases
//!
//! [`TestDatabase::new`] clones a template database that has every migration applied
//! (`CREATE DATABASE ... TEMPLATE`), which takes milliseconds instead of re-running the
//! migrations. The template, `csdb_template_<hash>`, is built once per server; its name changes
//! whenever the crate version or a file under `migrations/` changes. Test databases are dropped
//! when the [`TestDatabase`] is dropped; those of processes that died before dropping them are
//! swept from the throwaway server the next time a process starts using it.

mod citus;
mod cluster;
mod error;
mod names;

use std::fmt;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Instant;

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::{Bool, Integer, Text};
use diesel::{Connection, OptionalExtension, PgConnection, QueryableByName, RunQueryDsl};
use diesel_migrations::MigrationHarness;

use crate::url::redact;

pub use citus::SpareWorker;
pub use error::HarnessError;

use citus::CitusNodes;
use cluster::Cluster;
use names::{quote_ident, test_name_pid, unique_test_name, validate_database_name};

/// Serialises template builders across processes: "csdbtmpl" in ASCII (distinct from the
/// migrations module's key, so building a template never waits for an unrelated migration).
const TEMPLATE_LOCK_KEY: i64 = 0x6373_6462_746d_706c;

/// Idle admin connections kept per server. Creating and dropping a database takes one each;
/// reusing them saves a connection set-up (and, on a TCP server, an authentication) per test.
const MAX_IDLE_ADMIN_CONNECTIONS: usize = 8;

/// The name of the migrated template database that [`TestDatabase::new`] clones:
/// `csdb_template_<hash>`, where the hash covers the crate version and every file under
/// `migrations/` (or, where the source tree is not around, the embedded migrations' names).
///
/// Templates of other versions are left alone: another checkout may still be using them.
pub fn template_name() -> String {
    names::template_name()
}

/// A PostgreSQL server the harness can create databases on: the one `DATABASE_URL` names, or
/// the throwaway cluster.
///
/// Obtained with [`Server::shared`] or [`Server::shared_persistent`]; both return a process-wide
/// instance that lives until the process exits.
pub struct Server {
    kind: Kind,
    /// Where CREATE/DROP DATABASE are run: `DATABASE_URL`, or the cluster's `postgres` database.
    admin_url: String,
    /// `server_version_num`, e.g. 150018.
    version_num: i32,
    idle: Mutex<Vec<PgConnection>>,
    /// The migrated template's name once this process has made sure it exists.
    template: Mutex<Option<String>>,
}

enum Kind {
    DatabaseUrl,
    Throwaway(Cluster),
    /// The throwaway Citus cluster; the server's URLs are the coordinator's.
    Citus(CitusNodes),
}

/// One process-wide [`Server`], opened on first use. A failure is remembered, so that a suite of
/// many tests does not retry a slow, failing server start in every one of them.
struct Slot {
    server: OnceLock<Server>,
    failure: Mutex<Option<String>>,
}

impl Slot {
    const fn new() -> Slot {
        Slot {
            server: OnceLock::new(),
            failure: Mutex::new(None),
        }
    }

    fn get_or_open(
        &'static self,
        open: impl FnOnce() -> Result<Server, HarnessError>,
    ) -> Result<&'static Server, HarnessError> {
        if let Some(server) = self.server.get() {
            return Ok(server);
        }
        // Held while opening, so that concurrent first calls wait for one start instead of
        // racing (the file locks would serialise them anyway, but more slowly).
        let mut failure = lock(&self.failure);
        if let Some(server) = self.server.get() {
            return Ok(server);
        }
        if let Some(message) = failure.as_ref() {
            return Err(HarnessError::Earlier {
                message: message.clone(),
            });
        }
        match open() {
            Ok(server) => Ok(self.server.get_or_init(|| server)),
            Err(e) => {
                *failure = Some(e.to_string());
                Err(e)
            }
        }
    }
}

static DATABASE_URL_SERVER: Slot = Slot::new();
static THROWAWAY: Slot = Slot::new();
static PERSISTENT: Slot = Slot::new();
static CITUS: Slot = Slot::new();

fn database_url() -> Option<String> {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|url| !url.trim().is_empty())
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // The data behind these mutexes stays consistent even if a holder panicked.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Where [`app_database`] found the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppDatabaseSource {
    /// `DATABASE_URL`, used as it is.
    DatabaseUrl,
    /// A database on the shared throwaway server, gone once no process uses the server.
    Throwaway,
    /// A database on the throwaway server whose data is kept for the next run.
    ThrowawayKept,
}

/// The database of an application that should work on a fresh machine (the quickstart, the
/// MCP example, a user's own tool): `DATABASE_URL` when it is set, used as it is; otherwise
/// database `name` on the shared throwaway server ([`Server::shared_persistent`] when `keep`),
/// created if missing. Returns its URL and where it came from.
///
/// # Errors
///
/// As [`Server::shared`], and when `name` is not a valid database name.
pub fn app_database(name: &str, keep: bool) -> Result<(String, AppDatabaseSource), HarnessError> {
    if let Some(url) = database_url() {
        return Ok((url, AppDatabaseSource::DatabaseUrl));
    }
    let (server, source) = if keep {
        (
            Server::shared_persistent()?,
            AppDatabaseSource::ThrowawayKept,
        )
    } else {
        (Server::shared()?, AppDatabaseSource::Throwaway)
    };
    Ok((server.ensure_database(name)?, source))
}

impl Server {
    /// The server tests should use: the one `DATABASE_URL` names if it is set and not empty
    /// (any database on that server; the harness creates and drops its own databases there),
    /// otherwise the shared throwaway cluster, started if needed.
    ///
    /// The result is a process-wide singleton, so calling this from many test threads is cheap.
    /// The throwaway server stays up while any process uses it and is stopped and deleted a few
    /// seconds after the last one exits.
    ///
    /// # Errors
    ///
    /// When no server can be found or started; the message says what to install or set. A
    /// failure is remembered: later calls in the same process return
    /// [`HarnessError::Earlier`] at once.
    pub fn shared() -> Result<&'static Server, HarnessError> {
        match database_url() {
            Some(url) => DATABASE_URL_SERVER.get_or_open(|| Server::open_database_url(url)),
            None => THROWAWAY.get_or_open(|| Server::open_throwaway(false)),
        }
    }

    /// Like [`Server::shared`], but the throwaway cluster's data survives: it lives in
    /// `customer-success-db-keep-<euid>/` under [`std::env::temp_dir`] (or in
    /// `CSDB_HARNESS_KEEP_DIR`) and is reused by the next call, in this or a later run. The server is still stopped once no process uses it. `DATABASE_URL`, when set,
    /// still wins.
    ///
    /// # Errors
    ///
    /// As [`Server::shared`]; also when a kept cluster can no longer be started (e.g. after a
    /// PostgreSQL major upgrade), with a hint to delete its directory.
    pub fn shared_persistent() -> Result<&'static Server, HarnessError> {
        match database_url() {
            Some(url) => DATABASE_URL_SERVER.get_or_open(|| Server::open_database_url(url)),
            None => PERSISTENT.get_or_open(|| Server::open_throwaway(true)),
        }
    }

    /// The shared throwaway **Citus** cluster: a coordinator and two workers, three throwaway
    /// clusters started like [`Server::shared`]'s (in sibling directories,
    /// `<CSDB_HARNESS_DIR>-citus-coordinator`, `-citus-worker1`, `-citus-worker2`, or
    /// `customer-success-db-citus-<node>-<euid>`) with `shared_preload_libraries = 'citus'`,
    /// `wal_level = logical` (shard moves) and `citus.shard_count = 4`. The nodes talk over
    /// their unix sockets. `DATABASE_URL` is not consulted: it names one server, not a cluster.
    ///
    /// The server's URLs ([`Server::url_for`], [`TestDatabase::url`]) are the coordinator's;
    /// every database the harness creates here exists on every node with the `citus` extension
    /// and the workers registered, ready for `create_distributed_table`.
    ///
    /// # Errors
    ///
    /// [`HarnessError::CitusNotInstalled`] when the PostgreSQL installation has no `citus.so`
    /// (install it with `../shared/citus/install.sh`); otherwise as [`Server::shared`].
    pub fn shared_citus() -> Result<&'static Server, HarnessError> {
        CITUS.get_or_open(Server::open_citus)
    }

    fn open_citus() -> Result<Server, HarnessError> {
        let nodes = CitusNodes::open()?;
        let admin_url = nodes.coordinator.url_for("postgres");
        let mut conn = establish(&admin_url)?;
        let version_num = server_version(&mut conn, &admin_url)?;
        sweep_leftovers(&mut conn, &admin_url, version_num);
        for worker in &nodes.workers {
            let mut worker_conn = establish(&worker.admin_url)?;
            sweep_leftovers(&mut worker_conn, &worker.admin_url, version_num);
            lock(&worker.idle).push(worker_conn);
        }
        Ok(Server {
            kind: Kind::Citus(nodes),
            admin_url,
            version_num,
            idle: Mutex::new(vec![conn]),
            template: Mutex::new(None),
        })
    }

    fn open_database_url(url: String) -> Result<Server, HarnessError> {
        let mut conn = PgConnection::establish(&url).map_err(|source| HarnessError::Connect {
            url: redact(&url),
            source,
            hint: "\ncheck that the server is running and that DATABASE_URL is right, or unset \
                   DATABASE_URL to use a throwaway cluster"
                .into(),
        })?;
        let version_num = server_version(&mut conn, &url)?;
        Ok(Server {
            kind: Kind::DatabaseUrl,
            admin_url: url,
            version_num,
            idle: Mutex::new(vec![conn]),
            template: Mutex::new(None),
        })
    }

    fn open_throwaway(persistent: bool) -> Result<Server, HarnessError> {
        let cluster = Cluster::open(persistent)?;
        let admin_url = cluster.url_for("postgres");
        let mut conn = establish(&admin_url)?;
        let version_num = server_version(&mut conn, &admin_url)?;
        sweep_leftovers(&mut conn, &admin_url, version_num);
        Ok(Server {
            kind: Kind::Throwaway(cluster),
            admin_url,
            version_num,
            idle: Mutex::new(vec![conn]),
            template: Mutex::new(None),
        })
    }

    /// The URL of database `dbname` on this server (whether or not it exists).
    ///
    /// For the throwaway cluster this is a unix-socket URL such as
    /// `postgres://postgres@/dbname?host=/dev/shm/customer-success-db-pg-1000&port=5432`, which
    /// libpq (Diesel, `psql`) and the `postgres` crate all accept. For a `DATABASE_URL` server it
    /// is that URL with the database replaced, credentials and parameters kept: show it only
    /// through [`crate::url::redact`].
    pub fn url_for(&self, dbname: &str) -> String {
        match &self.kind {
            Kind::DatabaseUrl => names::with_database(&self.admin_url, dbname),
            Kind::Throwaway(cluster) => cluster.url_for(dbname),
            Kind::Citus(nodes) => nodes.coordinator.url_for(dbname),
        }
    }

    /// Whether this is the throwaway Citus cluster ([`Server::shared_citus`]).
    pub fn is_citus(&self) -> bool {
        matches!(self.kind, Kind::Citus(_))
    }

    /// The URLs of database `dbname` on the Citus cluster's workers, in node order (empty for a
    /// single server). For looking at shards where they live; applications connect to the
    /// coordinator only.
    pub fn worker_urls(&self, dbname: &str) -> Vec<String> {
        match &self.kind {
            Kind::Citus(nodes) => nodes
                .workers
                .iter()
                .map(|w| w.cluster.url_for(dbname))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The URL the harness connects to for administration (`CREATE`/`DROP DATABASE`):
    /// `DATABASE_URL` itself, or the throwaway cluster's `postgres` database.
    pub fn admin_url(&self) -> &str {
        &self.admin_url
    }

    /// Whether this is a throwaway cluster (the plain one or the Citus one), as opposed to the
    /// `DATABASE_URL` server.
    pub fn is_throwaway(&self) -> bool {
        matches!(self.kind, Kind::Throwaway(_) | Kind::Citus(_))
    }

    /// The throwaway cluster's private directory (data directory `data/`, log `server.log`,
    /// socket; the coordinator's for the Citus cluster); `None` for a `DATABASE_URL` server.
    pub fn cluster_dir(&self) -> Option<&Path> {
        match &self.kind {
            Kind::DatabaseUrl => None,
            Kind::Throwaway(cluster) => Some(cluster.dir()),
            Kind::Citus(nodes) => Some(nodes.coordinator.dir()),
        }
    }

    /// The server's `server_version_num`, e.g. `150018` for 15.18.
    pub fn version_num(&self) -> i32 {
        self.version_num
    }

    /// Creates database `dbname` unless it exists, and returns its URL. Safe to call from
    /// several processes at once: a database created by another caller between the check and
    /// the `CREATE` counts as existing. No migrations are applied.
    ///
    /// # Errors
    ///
    /// [`HarnessError::InvalidDatabaseName`] unless `dbname` is 1 to 63 ASCII letters, digits
    /// or underscores; otherwise when the server refuses (e.g. the user lacks `CREATEDB`).
    pub fn ensure_database(&self, dbname: &str) -> Result<String, HarnessError> {
        validate_database_name(dbname)?;
        let create = |conn: &mut PgConnection, url: &str| {
            if database_info(conn, url, dbname)?.is_some() {
                return Ok(());
            }
            let sql = format!("CREATE DATABASE {}", quote_ident(dbname));
            match execute(conn, url, &sql) {
                Ok(_) => {
                    log::info!("created database {dbname} on {}", redact(url));
                    Ok(())
                }
                // Lost a race with another creator: the database exists, which is all we want.
                Err(_) if database_info(conn, url, dbname)?.is_some() => Ok(()),
                Err(e) => Err(self.with_privilege_hint(e)),
            }
        };
        // Workers first (on the Citus cluster): the coordinator's copy is the one applications
        // use, so it is the last to appear.
        self.on_every_node(create)?;
        if let Kind::Citus(nodes) = &self.kind {
            citus::prepare_database(nodes, dbname)?;
        }
        Ok(self.url_for(dbname))
    }

    /// Runs `f` on an admin connection, reusing an idle one when possible. A connection that
    /// saw an error is not reused (it may be broken); a reused one that turns out to have been
    /// closed (a `DATABASE_URL` server restarted) is replaced once.
    fn with_admin<T>(
        &self,
        f: impl FnMut(&mut PgConnection, &str) -> Result<T, HarnessError>,
    ) -> Result<T, HarnessError> {
        with_admin_on(&self.admin_url, &self.idle, f)
    }

    /// Runs `f` on the admin connection of every node: the Citus workers in order, then the
    /// coordinator (or the one server). Stops at the first error.
    fn on_every_node(
        &self,
        mut f: impl FnMut(&mut PgConnection, &str) -> Result<(), HarnessError>,
    ) -> Result<(), HarnessError> {
        if let Kind::Citus(nodes) = &self.kind {
            for worker in &nodes.workers {
                with_admin_on(&worker.admin_url, &worker.idle, &mut f)?;
            }
        }
        self.with_admin(f)
    }

    fn with_privilege_hint(&self, error: HarnessError) -> HarnessError {
        match error {
            HarnessError::Sql {
                statement,
                url,
                source,
                hint,
            } if matches!(self.kind, Kind::DatabaseUrl)
                && source.to_string().contains("permission denied") =>
            {
                HarnessError::Sql {
                    statement,
                    url,
                    source,
                    hint: format!(
                        "{hint}\nthe DATABASE_URL user needs the CREATEDB privilege (`ALTER ROLE \
                         <user> CREATEDB` as a superuser), or unset DATABASE_URL to use a \
                         throwaway cluster"
                    ),
                }
            }
            other => other,
        }
    }

    /// The migrated template's name, building the template first if this server lacks it.
    fn template(&self) -> Result<String, HarnessError> {
        // Held during the build so that this process's other threads wait for it rather than
        // queueing on the advisory lock with connections of their own.
        let mut known = lock(&self.template);
        if let Some(name) = known.as_ref() {
            return Ok(name.clone());
        }
        let name = names::template_name();
        self.build_template(&name)?;
        *known = Some(name.clone());
        Ok(name)
    }

    /// A connection of the server's own holding the advisory lock that serialises template
    /// builds between processes: dropping the connection releases it, whatever happens.
    fn lock_templates(&self) -> Result<PgConnection, HarnessError> {
        let url = self.admin_url.as_str();
        let mut conn = establish(url)?;
        execute(
            &mut conn,
            url,
            &format!("SELECT pg_advisory_lock({TEMPLATE_LOCK_KEY})"),
        )?;
        Ok(conn)
    }

    fn build_template(&self, name: &str) -> Result<(), HarnessError> {
        if let Kind::Citus(nodes) = &self.kind {
            return self.build_citus_template(nodes, name);
        }
        let url = self.admin_url.as_str();
        let mut conn = self.lock_templates()?;
        if let Some(info) = database_info(&mut conn, url, name)? {
            // Only a complete template is ever renamed to this name; if the marking below was
            // interrupted, finish it.
            if !info.datistemplate || info.datallowconn {
                mark_template(&mut conn, url, name)?;
            }
            return Ok(());
        }
        let started = Instant::now();
        // Built under another name and renamed when complete, so that an interrupted build
        // (a killed process) is never mistaken for a template.
        let building = format!("{name}_wip");
        execute(&mut conn, url, &self.drop_sql(&building))?;
        execute(
            &mut conn,
            url,
            &format!(
                "CREATE DATABASE {} TEMPLATE template0",
                quote_ident(&building)
            ),
        )
        .map_err(|e| self.with_privilege_hint(e))?;
        let building_url = self.url_for(&building);
        let migrated = establish(&building_url).and_then(|mut target| {
            target
                .run_pending_migrations(crate::migrations::MIGRATIONS)
                .map(drop)
                .map_err(|e| HarnessError::Migration {
                    url: redact(&building_url),
                    message: e.to_string(),
                })
        });
        if let Err(e) = migrated {
            if let Err(cleanup) = execute(&mut conn, url, &self.drop_sql(&building)) {
                log::warn!("could not drop the unfinished template {building}: {cleanup}");
            }
            return Err(e);
        }
        execute(
            &mut conn,
            url,
            &format!(
                "ALTER DATABASE {} RENAME TO {}",
                quote_ident(&building),
                quote_ident(name)
            ),
        )?;
        mark_template(&mut conn, url, name)?;
        log::info!(
            "built template database {name} on {} in {:?}",
            redact(url),
            started.elapsed()
        );
        Ok(())
    }

    /// `DROP DATABASE` that also disconnects whoever is still connected (a test's own pool).
    fn drop_sql(&self, name: &str) -> String {
        if self.version_num >= 130_000 {
            format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(name))
        } else {
            format!("DROP DATABASE IF EXISTS {}", quote_ident(name))
        }
    }

    /// The Citus template: database `name` on every node, with the extension everywhere, the
    /// workers registered and the migrations run on the coordinator (the tables stay local:
    /// distributing them is what the tests on this cluster are about).
    ///
    /// Complete means "a template on every node"; the coordinator's copy is marked last, so a
    /// build interrupted half-way (or a worker that was restarted empty while the coordinator
    /// lived on) is seen as incomplete, dropped everywhere and built again. There is no
    /// build-then-rename as on a single server: renaming would need every node's copy free of
    /// Citus's own connections twice instead of once.
    fn build_citus_template(&self, nodes: &CitusNodes, name: &str) -> Result<(), HarnessError> {
        // Held until this function returns.
        let _lock = self.lock_templates()?;
        let mut complete = true;
        self.on_every_node(|conn, url| {
            let info = database_info(conn, url, name)?;
            complete &= info.is_some_and(|info| info.datistemplate && !info.datallowconn);
            Ok(())
        })?;
        if complete {
            return Ok(());
        }
        let started = Instant::now();
        let drop_sql = self.drop_sql(name);
        self.on_every_node(|conn, url| {
            if database_info(conn, url, name)?.is_some() {
                // A template cannot be dropped; an unfinished one may already be marked.
                execute(
                    conn,
                    url,
                    &format!("ALTER DATABASE {} IS_TEMPLATE false", quote_ident(name)),
                )?;
            }
            execute(conn, url, &drop_sql)?;
            execute(
                conn,
                url,
                &format!("CREATE DATABASE {} TEMPLATE template0", quote_ident(name)),
            )
            .map(drop)
        })?;
        citus::prepare_database(nodes, name)?;
        let coordinator_url = self.url_for(name);
        let mut target = establish(&coordinator_url)?;
        target
            .run_pending_migrations(crate::migrations::MIGRATIONS)
            .map_err(|e| HarnessError::Migration {
                url: redact(&coordinator_url),
                message: e.to_string(),
            })?;
        drop(target);
        // Coordinator first: its maintenance daemon holds connections to the workers' copies.
        // The coordinator's copy is marked first too, but that is harmless: `complete` above
        // also requires every worker's copy to be a template.
        let seal = |conn: &mut PgConnection, url: &str| {
            mark_template(conn, url, name)?;
            citus::disconnect_everyone(conn, url, name)
        };
        self.with_admin(seal)?;
        for worker in &nodes.workers {
            with_admin_on(&worker.admin_url, &worker.idle, seal)?;
        }
        log::info!(
            "built Citus template database {name} on the coordinator and {} workers in {:?}",
            nodes.workers.len(),
            started.elapsed()
        );
        Ok(())
    }

    fn drop_database(&self, name: &str) -> Result<(), HarnessError> {
        let result = self.drop_database_on_coordinator(name);
        if let Kind::Citus(nodes) = &self.kind {
            // Every node, even after a failure: each copy left behind is swept separately.
            let sql = self.drop_sql(name);
            let mut first_error = result.err();
            for worker in &nodes.workers {
                if let Err(e) = with_admin_on(&worker.admin_url, &worker.idle, |conn, url| {
                    execute(conn, url, &sql).map(drop)
                }) {
                    first_error.get_or_insert(e);
                }
            }
            return first_error.map_or(Ok(()), Err);
        }
        result
    }

    fn drop_database_on_coordinator(&self, name: &str) -> Result<(), HarnessError> {
        self.with_admin(|conn, url| {
            if self.version_num < 130_000 {
                // No WITH (FORCE) before PostgreSQL 13: disconnect the stragglers by hand.
                diesel::sql_query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE datname = $1 AND pid <> pg_backend_pid()",
                )
                .bind::<Text, _>(name)
                .execute(conn)
                .map_err(|source| sql_error("SELECT pg_terminate_backend(...)", url, source))?;
            }
            execute(conn, url, &self.drop_sql(name)).map(drop)
        })
    }

    /// `CREATE DATABASE` options for cloning the template.
    ///
    /// Measured with PostgreSQL 15 and this crate's 24-table template (about 300 files, 10 MB).
    /// On the throwaway cluster (fsync off, tmpfs) FILE_COPY takes 10 ms per clone and the
    /// default WAL_LOG takes 21 ms, because WAL_LOG writes the whole template to the WAL
    /// first. On a regular server (fsync on, disk) both take 400-500 ms, and dropping a
    /// FILE_COPY clone costs 36 ms against 10. FILE_COPY also forces two checkpoints per
    /// clone, which would disturb a server that others use, so WAL_LOG stays there.
    fn clone_options(&self) -> &'static str {
        if self.is_throwaway() && self.version_num >= 150_000 {
            " STRATEGY = FILE_COPY"
        } else {
            ""
        }
    }
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Server");
        match &self.kind {
            Kind::DatabaseUrl => s.field("source", &"DATABASE_URL"),
            Kind::Throwaway(cluster) => s
                .field(
                    "source",
                    &if cluster.is_persistent() {
                        "persistent throwaway cluster"
                    } else {
                        "throwaway cluster"
                    },
                )
                .field("dir", &cluster.dir()),
            Kind::Citus(nodes) => s
                .field("source", &"throwaway Citus cluster")
                .field("coordinator_dir", &nodes.coordinator.dir())
                .field("workers", &nodes.workers.len()),
        };
        s.field("admin_url", &redact(&self.admin_url))
            .field("version_num", &self.version_num)
            .finish_non_exhaustive()
    }
}

/// A database of its own for one test, dropped (`DROP DATABASE ... WITH (FORCE)`, which also
/// closes connections still open to it) when this value is dropped.
pub struct TestDatabase {
    server: &'static Server,
    name: String,
    url: String,
}

impl TestDatabase {
    /// A fresh database with every migration applied, on [`Server::shared`]: a clone of the
    /// migrated template, so it takes milliseconds.
    ///
    /// # Errors
    ///
    /// When no server is available, the template cannot be built (a failing migration) or the
    /// server refuses to create the database.
    pub fn new() -> Result<TestDatabase, HarnessError> {
        TestDatabase::new_on(Server::shared()?)
    }

    /// A fresh, EMPTY database (no migrations, not even Diesel's bookkeeping table), for tests of
    /// the migration machinery itself.
    ///
    /// # Errors
    ///
    /// When no server is available or it refuses to create the database.
    pub fn empty() -> Result<TestDatabase, HarnessError> {
        TestDatabase::empty_on(Server::shared()?)
    }

    /// A fresh database with every migration applied on the throwaway Citus cluster
    /// ([`Server::shared_citus`]): a copy on the coordinator and on each worker, with the
    /// `citus` extension and the workers registered; the tables are still local to the
    /// coordinator (nothing is distributed yet). Connect to it through [`TestDatabase::url`]
    /// (the coordinator); [`TestDatabase::worker_urls`] reach the workers' copies.
    ///
    /// # Errors
    ///
    /// [`HarnessError::CitusNotInstalled`] without `citus.so`; otherwise as
    /// [`TestDatabase::new`].
    pub fn new_citus() -> Result<TestDatabase, HarnessError> {
        TestDatabase::new_on(Server::shared_citus()?)
    }

    /// Like [`TestDatabase::new`], on the given server (e.g. [`Server::shared_persistent`]).
    ///
    /// # Errors
    ///
    /// As [`TestDatabase::new`].
    pub fn new_on(server: &'static Server) -> Result<TestDatabase, HarnessError> {
        let clone = |template: &str| {
            TestDatabase::create(
                server,
                &format!(
                    "TEMPLATE {}{}",
                    quote_ident(template),
                    server.clone_options()
                ),
            )
        };
        let template = server.template()?;
        match clone(&template) {
            // The template this process remembers was dropped behind its back (by hand, or by
            // a DATABASE_URL server being reset): build it again, once.
            Err(HarnessError::Sql { source, .. })
                if source.to_string().contains("does not exist") =>
            {
                *lock(&server.template) = None;
                clone(&server.template()?)
            }
            other => other,
        }
    }

    /// Like [`TestDatabase::empty`], on the given server.
    ///
    /// # Errors
    ///
    /// As [`TestDatabase::empty`].
    pub fn empty_on(server: &'static Server) -> Result<TestDatabase, HarnessError> {
        // template0 rather than the default template1, which a DATABASE_URL server may have
        // filled with extensions or tables.
        TestDatabase::create(server, "TEMPLATE template0")
    }

    fn create(server: &'static Server, options: &str) -> Result<TestDatabase, HarnessError> {
        let name = unique_test_name();
        let sql = format!("CREATE DATABASE {} {options}", quote_ident(&name));
        let created = server
            .on_every_node(|conn, url| execute(conn, url, &sql).map(drop))
            .map_err(|e| server.with_privilege_hint(e));
        if let Err(e) = created {
            if server.is_citus() {
                // The copies on the nodes that did create it.
                if let Err(cleanup) = server.drop_database(&name) {
                    log::warn!("could not drop the half-created database {name}: {cleanup}");
                }
            }
            return Err(e);
        }
        Ok(TestDatabase {
            url: server.url_for(&name),
            server,
            name,
        })
    }

    /// The database's URL (contains the `DATABASE_URL` password, if any: show it only through
    /// [`crate::url::redact`]).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The database's name, `csdb_test_<pid>_<n>_<nanos>`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The server the database lives on.
    pub fn server(&self) -> &'static Server {
        self.server
    }

    /// The URLs of this database's copies on the Citus workers (empty on a single server).
    pub fn worker_urls(&self) -> Vec<String> {
        self.server.worker_urls(&self.name)
    }

    /// A new connection to the database.
    ///
    /// # Errors
    ///
    /// When the server refuses the connection (e.g. it has no free connection slots).
    pub fn connect(&self) -> Result<PgConnection, HarnessError> {
        establish(&self.url)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // A failed drop must not turn into a panic inside another panic's unwinding; the
        // database is swept later instead.
        if let Err(e) = self.server.drop_database(&self.name) {
            log::warn!("could not drop test database {}: {e}", self.name);
        }
    }
}

impl fmt::Debug for TestDatabase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestDatabase")
            .field("name", &self.name)
            .field("url", &redact(&self.url))
            .finish_non_exhaustive()
    }
}

#[derive(QueryableByName)]
struct DatabaseInfo {
    #[diesel(sql_type = Bool)]
    datistemplate: bool,
    #[diesel(sql_type = Bool)]
    datallowconn: bool,
}

#[derive(QueryableByName)]
struct DatabaseName {
    #[diesel(sql_type = Text)]
    datname: String,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Integer)]
    version: i32,
}

fn establish(url: &str) -> Result<PgConnection, HarnessError> {
    PgConnection::establish(url).map_err(|source| HarnessError::Connect {
        url: redact(url),
        source,
        hint: String::new(),
    })
}

fn sql_error(statement: &str, url: &str, source: DieselError) -> HarnessError {
    HarnessError::Sql {
        statement: statement.to_owned(),
        url: redact(url),
        source,
        hint: String::new(),
    }
}

fn execute(conn: &mut PgConnection, url: &str, sql: &str) -> Result<usize, HarnessError> {
    diesel::sql_query(sql)
        .execute(conn)
        .map_err(|source| sql_error(sql, url, source))
}

fn is_closed_connection<T>(result: &Result<T, HarnessError>) -> bool {
    matches!(
        result,
        Err(HarnessError::Sql {
            source: DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _),
            ..
        })
    )
}

fn server_version(conn: &mut PgConnection, url: &str) -> Result<i32, HarnessError> {
    const SQL: &str = "SELECT current_setting('server_version_num')::int AS version";
    diesel::sql_query(SQL)
        .get_result::<Version>(conn)
        .map(|v| v.version)
        .map_err(|source| sql_error(SQL, url, source))
}

fn database_info(
    conn: &mut PgConnection,
    url: &str,
    name: &str,
) -> Result<Option<DatabaseInfo>, HarnessError> {
    const SQL: &str = "SELECT datistemplate, datallowconn FROM pg_database WHERE datname = $1";
    diesel::sql_query(SQL)
        .bind::<Text, _>(name)
        .get_result::<DatabaseInfo>(conn)
        .optional()
        .map_err(|source| sql_error(SQL, url, source))
}

/// [`Server::with_admin`] for the server whose admin URL and idle connections are given.
fn with_admin_on<T>(
    admin_url: &str,
    idle: &Mutex<Vec<PgConnection>>,
    mut f: impl FnMut(&mut PgConnection, &str) -> Result<T, HarnessError>,
) -> Result<T, HarnessError> {
    let pooled = lock(idle).pop();
    let reused = pooled.is_some();
    let mut conn = match pooled {
        Some(conn) => conn,
        None => establish(admin_url)?,
    };
    let mut result = f(&mut conn, admin_url);
    if reused && is_closed_connection(&result) {
        conn = establish(admin_url)?;
        result = f(&mut conn, admin_url);
    }
    if result.is_ok() {
        let mut idle = lock(idle);
        if idle.len() < MAX_IDLE_ADMIN_CONNECTIONS {
            idle.push(conn);
        }
    }
    result
}

/// Marks a finished template: IS_TEMPLATE lets any user clone it and protects it from DROP;
/// no connections means no session can ever block a clone ("source database is being accessed
/// by other users") or change it.
fn mark_template(conn: &mut PgConnection, url: &str, name: &str) -> Result<(), HarnessError> {
    execute(
        conn,
        url,
        &format!(
            "ALTER DATABASE {} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
            quote_ident(name)
        ),
    )
    .map(drop)
}

/// Drops the test databases of processes that no longer exist (killed, or exited without
/// dropping them). Only on the throwaway cluster: all its users are local, so a pid that is not
/// in /proc is dead, whereas a `DATABASE_URL` server may be shared with other machines. Failures
/// are only logged: leftovers cost disk space, not correctness.
fn sweep_leftovers(conn: &mut PgConnection, url: &str, version_num: i32) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let pattern = format!("{}%", names::TEST_PREFIX.replace('_', "\\_"));
    const SQL: &str = "SELECT datname::text AS datname FROM pg_database WHERE datname LIKE $1";
    let rows = match diesel::sql_query(SQL)
        .bind::<Text, _>(&pattern)
        .load::<DatabaseName>(conn)
    {
        Ok(rows) => rows,
        Err(e) => {
            log::warn!(
                "could not list leftover test databases: {}",
                sql_error(SQL, url, e)
            );
            return;
        }
    };
    for DatabaseName { datname } in rows {
        let Some(pid) = test_name_pid(&datname) else {
            continue;
        };
        if pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        let sql = if version_num >= 130_000 {
            format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                quote_ident(&datname)
            )
        } else {
            format!("DROP DATABASE IF EXISTS {}", quote_ident(&datname))
        };
        match execute(conn, url, &sql) {
            Ok(_) => log::info!("dropped {datname}, left behind by dead process {pid}"),
            Err(e) => log::warn!("could not drop leftover test database: {e}"),
        }
    }
}
