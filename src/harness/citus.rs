//! The throwaway Citus cluster: a coordinator and [`WORKERS`] workers, each a throwaway cluster
//! of its own (see `cluster.rs`) in a sibling private directory, with Citus preloaded. Nodes
//! reach each other through their unix sockets: a node's `pg_dist_node.nodename` is its socket
//! directory (libpq takes a host that starts with `/` as one), so there is no TCP port to pick
//! and nothing is exposed beyond the server's user.
//!
//! Citus keeps its metadata (`pg_dist_node`, `pg_dist_partition`, ...) per database, and a
//! distributed database is the set of same-named databases on every node. So a Citus database
//! is created on every node under one name, workers first; its template is built the same way
//! (extension everywhere, nodes registered, migrations run on the coordinator), and a test
//! database is a `CREATE DATABASE ... TEMPLATE` on each node, which copies the coordinator's
//! metadata and the workers' shards consistently (tried with distributed tables in the
//! template: the clones route and hold the same rows). Citus 13's
//! `citus.enable_create_database_propagation` is not used: it accepts no template but
//! `template1` ("Only template1 is supported as template parameter for CREATE DATABASE"), so
//! it cannot clone a migrated template, and the extension and node registration would still
//! have to be done per database.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use diesel::sql_types::{BigInt, Integer, Text};
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use super::cluster::{CitusNode, Cluster};
use super::names::{quote_ident, quote_literal};
use super::{establish, execute, sql_error, sweep_leftovers, HarnessError, TestDatabase};

/// Workers of the throwaway Citus cluster. Two is the smallest number at which a multi-shard
/// query fans out to more than one node, and three servers already share two cores.
pub(super) const WORKERS: u8 = 2;

/// The running coordinator and workers, as seen by one process.
pub(super) struct CitusNodes {
    pub(super) coordinator: Cluster,
    pub(super) workers: Vec<Worker>,
}

/// A worker and the idle admin connections to its `postgres` database.
pub(super) struct Worker {
    pub(super) cluster: Cluster,
    pub(super) admin_url: String,
    pub(super) idle: Mutex<Vec<PgConnection>>,
}

impl CitusNodes {
    /// Starts (or joins) every node. Workers come first so that the coordinator, the node
    /// everything else waits for, is the last to start.
    pub(super) fn open() -> Result<CitusNodes, HarnessError> {
        let mut workers = Vec::new();
        for n in 1..=WORKERS {
            let cluster = Cluster::open_citus(CitusNode::Worker(n))?;
            workers.push(Worker {
                admin_url: cluster.url_for("postgres"),
                cluster,
                idle: Mutex::new(Vec::new()),
            });
        }
        let coordinator = Cluster::open_citus(CitusNode::Coordinator)?;
        Ok(CitusNodes {
            coordinator,
            workers,
        })
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

#[derive(QueryableByName)]
struct NodeId {
    #[diesel(sql_type = Integer)]
    #[allow(dead_code)] // only read to make the statement a query
    nodeid: i32,
}

/// Makes `dbname`, which exists on every node, a Citus database: the extension on every node
/// (workers first: registering a worker connects to its database and needs the extension
/// there), then the coordinator's own address and every worker registered in the coordinator's
/// copy, which Citus then syncs to the workers. Each step is idempotent (`IF NOT EXISTS`;
/// `citus_add_node` returns the existing node's id), so this also repairs a half-prepared
/// database.
pub(super) fn prepare_database(nodes: &CitusNodes, dbname: &str) -> Result<(), HarnessError> {
    for worker in &nodes.workers {
        let url = worker.cluster.url_for(dbname);
        let mut conn = establish(&url)?;
        execute(&mut conn, &url, "CREATE EXTENSION IF NOT EXISTS citus")?;
    }
    let url = nodes.coordinator.url_for(dbname);
    let mut conn = establish(&url)?;
    execute(&mut conn, &url, "CREATE EXTENSION IF NOT EXISTS citus")?;
    let sql = format!(
        "SELECT citus_set_coordinator_host({}, {})",
        quote_literal(nodes.coordinator.socket_dir()),
        nodes.coordinator.port()
    );
    execute(&mut conn, &url, &sql)?;
    for worker in &nodes.workers {
        let sql = format!(
            "SELECT citus_add_node({}, {}) AS nodeid",
            quote_literal(worker.cluster.socket_dir()),
            worker.cluster.port()
        );
        diesel::sql_query(&sql)
            .get_result::<NodeId>(&mut conn)
            .map_err(|source| sql_error(&sql, &url, source))?;
    }
    Ok(())
}

/// Waits until nobody is connected to `dbname` on the node `conn` is connected to, terminating
/// whoever is: Citus's maintenance daemon stays connected to every database that has the
/// extension, and coordinator and workers keep connections to each other's copies, and
/// `CREATE DATABASE ... TEMPLATE` refuses a template anyone is connected to. The database must
/// already refuse new connections (`ALLOW_CONNECTIONS false`), or the daemon would come back.
pub(super) fn disconnect_everyone(
    conn: &mut PgConnection,
    url: &str,
    dbname: &str,
) -> Result<(), HarnessError> {
    const TERMINATE: &str = "SELECT count(pg_terminate_backend(pid)) AS count \
                             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()";
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let count = diesel::sql_query(TERMINATE)
            .bind::<Text, _>(dbname)
            .get_result::<Count>(conn)
            .map_err(|source| sql_error(TERMINATE, url, source))?
            .count;
        if count == 0 {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(HarnessError::Citus {
                problem: format!(
                    "{count} sessions stay connected to {dbname} on {} although they were \
                     terminated for 30 s",
                    crate::url::redact(url)
                ),
            });
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A Citus worker beyond the shared cluster's two, for tests that add a node to a cluster
/// (`citus_add_node`, then `citus_rebalance_start`). Started by
/// [`TestDatabase::start_spare_citus_worker`].
///
/// The node is a throwaway cluster like the other workers (Citus preloaded, `wal_level =
/// logical`, unix socket only, run as `postgres` when root, a private directory
/// `<CSDB_HARNESS_DIR>-citus-worker3` or `customer-success-db-citus-worker3-<euid>`, its own
/// supervisor that stops and deletes it a few seconds after the last user exits), and it is
/// shared the same way: concurrent tests each get their own database on it. It holds only the
/// databases of tests that asked for it, and it is **not** registered anywhere: Citus keeps
/// its node list per database, so a test that runs `citus_add_node` in its own database
/// changes nothing for the other tests on the shared cluster.
///
/// Dropping the value drops the test database's copy on this node (the coordinator's and the
/// regular workers' copies go with the [`TestDatabase`]).
pub struct SpareWorker {
    cluster: Cluster,
    dbname: String,
    admin_url: String,
}

impl SpareWorker {
    /// The host to register: the node's socket directory (what `citus_add_node` takes as
    /// `nodename`, like the regular workers' entries in `pg_dist_node`).
    pub fn node_name(&self) -> &str {
        self.cluster.socket_dir()
    }

    /// The port to register with [`SpareWorker::node_name`].
    pub fn node_port(&self) -> u16 {
        self.cluster.port()
    }

    /// `SELECT citus_add_node(<node_name>, <node_port>)`: the statement that makes this node a
    /// worker of the database the statement runs in (on the coordinator).
    pub fn add_node_sql(&self) -> String {
        format!(
            "SELECT citus_add_node({}, {})",
            quote_literal(self.node_name()),
            self.node_port()
        )
    }

    /// The URL of the test database's copy on this node, for looking at the shards that moved
    /// here.
    pub fn url(&self) -> String {
        self.cluster.url_for(&self.dbname)
    }
}

impl std::fmt::Debug for SpareWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpareWorker")
            .field("node_name", &self.node_name())
            .field("node_port", &self.node_port())
            .field("dbname", &self.dbname)
            .finish()
    }
}

impl Drop for SpareWorker {
    fn drop(&mut self) {
        let sql = format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            quote_ident(&self.dbname)
        );
        let dropped = establish(&self.admin_url)
            .and_then(|mut conn| execute(&mut conn, &self.admin_url, &sql));
        // A leftover is swept by the next start of the node (its name carries the dead pid), or
        // goes with the node's directory.
        if let Err(e) = dropped {
            log::warn!(
                "could not drop {} on the spare Citus worker: {e}",
                self.dbname
            );
        }
    }
}

impl TestDatabase {
    /// Starts (or joins) one more Citus worker and creates this database on it, empty, with
    /// the `citus` extension: ready for `citus_add_node` in this database only (run
    /// [`SpareWorker::add_node_sql`] on the coordinator), after which Citus copies the
    /// distributed objects there, and `citus_rebalance_start()` moves shards to it. See
    /// [`SpareWorker`].
    ///
    /// # Errors
    ///
    /// [`HarnessError::Citus`] when this database is not on the throwaway Citus cluster
    /// ([`TestDatabase::new_citus`]); otherwise as starting the cluster and creating a database.
    pub fn start_spare_citus_worker(&self) -> Result<SpareWorker, HarnessError> {
        let super::Kind::Citus(nodes) = &self.server.kind else {
            return Err(HarnessError::Citus {
                problem: format!(
                    "a spare worker joins a database on the Citus cluster \
                     (TestDatabase::new_citus), and {} is not on it",
                    self.name
                ),
            });
        };
        let cluster = Cluster::open_citus(CitusNode::Worker(WORKERS + 1))?;
        let admin_url = cluster.url_for("postgres");
        let mut conn = establish(&admin_url)?;
        // Databases of tests that died before dropping theirs (the node's supervisor deletes
        // the whole node only once nobody uses it).
        let version_num = super::server_version(&mut conn, &admin_url)?;
        sweep_leftovers(&mut conn, &admin_url, version_num);
        // A shard move's target starts a logical-replication apply worker per move, and
        // PostgreSQL's launcher starts them at most once per `wal_retrieve_retry_interval`
        // (5 s by default): most of a small shard group's move was that wait. The spare
        // worker is where moved shards land (and only tests that move shards use it).
        execute(
            &mut conn,
            &admin_url,
            "ALTER SYSTEM SET wal_retrieve_retry_interval = '100ms'",
        )?;
        execute(&mut conn, &admin_url, "SELECT pg_reload_conf()")?;
        let worker = SpareWorker {
            cluster,
            dbname: self.name.clone(),
            admin_url,
        };
        // template0: the node must start without tables; Citus creates what it needs when the
        // node is added (distributed objects, reference tables) and when shards move.
        execute(
            &mut conn,
            &worker.admin_url,
            &format!(
                "CREATE DATABASE {} TEMPLATE template0",
                quote_ident(&self.name)
            ),
        )?;
        let url = worker.url();
        let mut db = establish(&url)?;
        execute(&mut db, &url, "CREATE EXTENSION IF NOT EXISTS citus")?;
        // A clone keeps the template's Citus metadata, including the template's own database
        // as a distributed object (`pg_dist_object`, by oid). `citus_add_node` recreates every
        // distributed object on the new node and fails on a database of that name, which
        // exists on the template's nodes only; the clone's entry names the clone instead, as
        // if it had been created directly.
        let coordinator_url = nodes.coordinator.url_for(&self.name);
        execute(
            &mut establish(&coordinator_url)?,
            &coordinator_url,
            "UPDATE pg_catalog.pg_dist_object \
             SET objid = (SELECT oid FROM pg_database WHERE datname = current_database()) \
             WHERE classid = 'pg_catalog.pg_database'::regclass",
        )?;
        Ok(worker)
    }
}
