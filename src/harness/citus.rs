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
use super::names::quote_literal;
use super::{establish, execute, sql_error, HarnessError};

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
