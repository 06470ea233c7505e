//! Tests on the harness's throwaway Citus cluster (a coordinator and two workers, see
//! `harness::Server::shared_citus`).
//!
//! They need Citus installed into the PostgreSQL the harness uses (`../shared/citus/install.sh`).
//! Without it each test prints a loud SKIPPED line and passes, unless `CSDB_REQUIRE_CITUS=1`
//! (set by `.ci/run`, which installs Citus first): then a missing Citus fails every test.

mod common;

use common::{citus_db, TestDatabase};
use customer_success_db::harness::Server;
use diesel::connection::SimpleConnection;
use diesel::sql_types::Text;
use diesel::{PgConnection, QueryableByName, RunQueryDsl};

use common::{count_sql as count, lines_sql as lines};

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

fn explain(conn: &mut PgConnection, query: &str) -> Vec<String> {
    let sql = format!("EXPLAIN (COSTS OFF) {query}");
    diesel::sql_query(&sql)
        .load::<PlanLine>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|l| l.line)
        .collect()
}

use common::connect_url as connect;

#[test]
fn the_cluster_is_a_coordinator_with_two_active_workers() {
    let Some(db) = citus_db("the_cluster_is_a_coordinator_with_two_active_workers") else {
        return;
    };
    let server = db.server();
    assert!(server.is_citus() && server.is_throwaway(), "{server:?}");
    let mut conn = db.connect().expect("connect");
    let version = lines(&mut conn, "SELECT citus_version() AS line");
    assert!(version[0].starts_with("Citus 13."), "{version:?}");
    let workers = lines(
        &mut conn,
        "SELECT node_name || ':' || node_port AS line FROM citus_get_active_worker_nodes() \
         ORDER BY 1",
    );
    let worker_urls = db.worker_urls();
    assert_eq!(workers.len(), 2, "{workers:?}");
    assert_eq!(worker_urls.len(), 2);
    // The workers are registered by their socket directories, which the worker URLs name.
    for (worker, url) in workers.iter().zip(&worker_urls) {
        let dir = worker.rsplit_once(':').expect("host:port").0;
        assert!(dir.starts_with('/'), "not a socket directory: {worker}");
        assert!(url.contains(dir), "{url} is not on {dir}");
    }
    // The coordinator is registered too (group 0), so that Citus can plan on it.
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM pg_dist_node WHERE groupid = 0 AND nodename LIKE '/%'"
        ),
        1
    );
    // Each worker's copy of the database has the extension and the synced metadata.
    for url in &worker_urls {
        let mut worker = connect(url);
        assert_eq!(
            count(
                &mut worker,
                "SELECT count(*) FROM pg_extension WHERE extname = 'citus'"
            ),
            1
        );
        assert_eq!(count(&mut worker, "SELECT count(*) FROM pg_dist_node"), 3);
    }
}

#[test]
fn the_coordinator_has_the_migrated_schema_and_the_workers_do_not() {
    let Some(db) = citus_db("the_coordinator_has_the_migrated_schema_and_the_workers_do_not")
    else {
        return;
    };
    let mut conn = db.connect().expect("connect");
    // The same catalogue as a single node at the head of the migrations, plus the two views
    // the extension itself creates in `public`.
    let mut got = common::dump(&mut conn);
    let citus_views = ["table citus_schemas", "table citus_tables"];
    for view in citus_views {
        let at = got.iter().position(|l| l == view);
        assert!(at.is_some(), "the citus extension no longer makes {view}");
        got.remove(at.unwrap_or_default());
    }
    let expected = common::expected_schema_head();
    let extra: Vec<&String> = got.iter().filter(|l| !expected.contains(l)).collect();
    let missing: Vec<&String> = expected.iter().filter(|l| !got.contains(l)).collect();
    assert!(
        extra.is_empty() && missing.is_empty(),
        "extra: {extra:#?}\nmissing: {missing:#?}"
    );
    assert_eq!(got.len(), expected.len());
    for url in db.worker_urls() {
        let mut worker = connect(&url);
        assert_eq!(
            count(
                &mut worker,
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
            ),
            0,
            "nothing is distributed yet, so the workers hold no tables"
        );
    }
}

#[test]
fn a_distributed_table_is_sharded_over_both_workers_and_routed_by_tenant() {
    let Some(db) =
        citus_db("a_distributed_table_is_sharded_over_both_workers_and_routed_by_tenant")
    else {
        return;
    };
    let mut conn = db.connect().expect("connect");
    conn.batch_execute(
        "CREATE TABLE tenant_rows (client_id text NOT NULL, n int NOT NULL, \
                                   PRIMARY KEY (client_id, n));
         SELECT create_distributed_table('tenant_rows', 'client_id');
         INSERT INTO tenant_rows SELECT 'c' || (g % 50), g FROM generate_series(1, 1000) g;",
    )
    .expect("distribute and fill");
    assert_eq!(count(&mut conn, "SELECT count(*) FROM tenant_rows"), 1000);
    // citus.shard_count = 4 on the harness's coordinator: two shards per worker.
    let placements = lines(
        &mut conn,
        "SELECT nodename || ' ' || count(*) AS line FROM citus_shards \
         WHERE table_name = 'tenant_rows'::regclass GROUP BY nodename ORDER BY 1",
    );
    assert_eq!(placements.len(), 2, "{placements:?}");
    assert!(
        placements.iter().all(|p| p.ends_with(" 2")),
        "{placements:?}"
    );
    // The rows really live on the workers, and every row exactly once.
    let mut on_workers = 0;
    for url in db.worker_urls() {
        let mut worker = connect(&url);
        // Citus hides shards from the catalogue queries of ordinary sessions on a worker.
        worker
            .batch_execute("SET citus.override_table_visibility = off")
            .expect("show shards");
        let shards = lines(
            &mut worker,
            "SELECT relname::text AS line FROM pg_class \
             WHERE relname LIKE 'tenant\\_rows\\_%' AND relkind = 'r'",
        );
        assert_eq!(shards.len(), 2, "{shards:?}");
        for shard in shards {
            on_workers += count(&mut worker, &format!("SELECT count(*) FROM {shard}"));
        }
    }
    assert_eq!(on_workers, 1000);
    // One tenant's read is a router query: one task on one node.
    let plan = explain(
        &mut conn,
        "SELECT * FROM tenant_rows WHERE client_id = 'c7'",
    );
    assert!(
        plan.iter().any(|l| l.contains("Task Count: 1")),
        "{plan:#?}"
    );
    // A cross-tenant aggregate fans out to every shard.
    let plan = explain(&mut conn, "SELECT count(*) FROM tenant_rows");
    assert!(
        plan.iter().any(|l| l.contains("Task Count: 4")),
        "{plan:#?}"
    );
}

#[test]
fn test_databases_are_independent_and_dropped_on_every_node() {
    let Some(first) = citus_db("test_databases_are_independent_and_dropped_on_every_node") else {
        return;
    };
    let second = TestDatabase::new_on(first.server()).expect("second database");
    let mut conn = first.connect().expect("connect");
    conn.batch_execute(
        "CREATE TABLE only_here (client_id text PRIMARY KEY);
         SELECT create_distributed_table('only_here', 'client_id');",
    )
    .expect("distribute in the first database");
    let mut other = second.connect().expect("connect");
    assert_eq!(
        count(
            &mut other,
            "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text = 'only_here'"
        ),
        0
    );
    let name = first.name().to_owned();
    let server: &Server = first.server();
    let mut nodes = vec![server.admin_url().to_owned()];
    nodes.extend(server.worker_urls("postgres"));
    drop(conn);
    drop(first);
    for url in nodes {
        let mut admin = connect(&url);
        assert_eq!(
            count(
                &mut admin,
                &format!("SELECT count(*) FROM pg_database WHERE datname = '{name}'")
            ),
            0,
            "{name} is left on a node"
        );
    }
}

// ---- distribute ----

use customer_success_db::distribute::{self, DISTRIBUTED_TABLES, REFERENCE_TABLES};
use customer_success_db::Error;

fn citus_tables(conn: &mut PgConnection) -> Vec<String> {
    lines(
        conn,
        "SELECT logicalrelid::text || ' ' || partmethod::text || repmodel::text AS line \
         FROM pg_dist_partition ORDER BY 1",
    )
}

#[test]
fn distribute_refuses_a_database_without_citus() {
    // The plain throwaway server: Citus may be installed there, but not created in the database.
    let db = TestDatabase::new().expect("database");
    let mut conn = db.connect().expect("connect");
    for result in [
        distribute::distribute(&mut conn),
        distribute::check(&mut conn),
    ] {
        match result {
            Err(Error::Distribution { message }) => {
                assert!(message.contains("citus"), "{message}");
                assert!(
                    message.contains("CREATE EXTENSION citus") || message.contains("no Citus"),
                    "{message}"
                );
            }
            other => panic!("expected Error::Distribution, got {other:?}"),
        }
    }
}

#[test]
fn distribute_reports_every_blocker_of_an_older_schema_and_converts_what_is_ready() {
    let Some(db) =
        citus_db("distribute_reports_every_blocker_of_an_older_schema_and_converts_what_is_ready")
    else {
        return;
    };
    let mut conn = db.connect().expect("connect");
    // The schema before v2_distribution_ready: keys without client_id, statement triggers, no
    // client_id on two children, portfolio rows in sentiment_analysis.
    common::revert_distribution_ready(&mut conn);
    let dry = distribute::check(&mut conn).expect("check");
    assert!(citus_tables(&mut conn).is_empty(), "check changed nothing");
    let report = distribute::distribute(&mut conn).expect("distribute");
    println!("{report}");
    assert_eq!(dry, report, "check foresees exactly what distribute does");
    assert!(report.citus_version.starts_with("Citus 13."), "{report}");
    assert_eq!(report.workers, 2);
    assert!(
        report.prepared.is_empty(),
        "no csdb_prepare_for_citus() before v2_distribution_ready"
    );
    // The customers group cannot be distributed...
    assert!(report.distributed.is_empty(), "{report}");
    assert!(!report.is_complete());
    let customers = report.reasons("customers").expect("customers blocked");
    assert!(
        customers
            .iter()
            .any(|r| r.contains("customers_pkey PRIMARY KEY (id) does not include client_id")),
        "{customers:#?}"
    );
    assert!(
        customers.iter().any(|r| r.contains("transition tables")),
        "{customers:#?}"
    );
    let comments = report.reasons("ticket_comments").expect("comments blocked");
    assert!(
        comments.iter().any(|r| r.contains("no client_id column")),
        "{comments:#?}"
    );
    let sentiment = report
        .reasons("sentiment_analysis")
        .expect("sentiment blocked");
    assert!(
        sentiment
            .iter()
            .any(|r| r.contains("client_id may be NULL")),
        "{sentiment:#?}"
    );
    // ... training_modules is referenced from a table that stays local, the portfolio table
    // does not exist yet, and the other catalogues become reference tables (their
    // set_updated_at row triggers are accepted).
    let modules = report.reasons("training_modules").expect("modules blocked");
    assert!(
        modules
            .iter()
            .any(|r| r.contains("referenced by training_completions")),
        "{modules:#?}"
    );
    assert!(report
        .reasons("portfolio_sentiment_analysis")
        .is_some_and(|r| r.iter().any(|r| r.contains("does not exist"))));
    let ready = [
        "cohort_analysis",
        "customer_segments",
        "knowledge_base_articles",
        "renewal_campaigns",
        "survey_templates",
    ];
    assert_eq!(report.reference, ready);
    assert_eq!(
        report.blocked.len(),
        DISTRIBUTED_TABLES.len() + REFERENCE_TABLES.len() - ready.len()
    );
    assert!(report
        .local
        .contains(&"__diesel_schema_migrations".to_owned()));
    let nt: Vec<String> = ready.iter().map(|t| format!("{t} nt")).collect();
    assert_eq!(citus_tables(&mut conn), nt);
    // Idempotent: the second run finds it done and changes nothing.
    let again = distribute::distribute(&mut conn).expect("distribute again");
    assert_eq!(again.already, ready);
    assert!(again.reference.is_empty() && again.distributed.is_empty());
    assert_eq!(again.blocked, report.blocked);
    assert_eq!(citus_tables(&mut conn), nt);
}

#[test]
fn the_schema_at_the_head_distributes_every_table() {
    let Some(db) = citus_db("the_schema_at_the_head_distributes_every_table") else {
        return;
    };
    let mut conn = db.connect().expect("connect");
    let report = distribute::distribute(&mut conn).expect("distribute");
    println!("{report}");
    assert!(report.is_complete(), "{report}");
    assert!(
        report
            .prepared
            .iter()
            .any(|p| p.contains("csm_workload_summary by a view")),
        "{report}"
    );
    assert_eq!(report.distributed, DISTRIBUTED_TABLES);
    assert_eq!(report.reference, REFERENCE_TABLES);
    let tables = citus_tables(&mut conn);
    assert_eq!(
        tables.iter().filter(|t| t.ends_with(" hs")).count(),
        DISTRIBUTED_TABLES.len(),
        "{tables:#?}"
    );
    assert_eq!(
        tables.iter().filter(|t| t.ends_with(" nt")).count(),
        REFERENCE_TABLES.len(),
        "{tables:#?}"
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'"
        ),
        1,
        "every distributed table is co-located with customers"
    );
    // The foreign key to the new reference table was re-created.
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM pg_constraint \
             WHERE conname = 'training_completions_module_id_fkey'"
        ),
        1
    );
    let again = distribute::distribute(&mut conn).expect("distribute again");
    assert!(again.distributed.is_empty() && again.reference.is_empty());
    assert_eq!(
        again.already.len(),
        DISTRIBUTED_TABLES.len() + REFERENCE_TABLES.len()
    );

    // A fresh session (no Citus settings of distribute's transaction): derived values,
    // updated_at, routing and cascades.
    drop(conn);
    let mut conn = db.connect().expect("connect");
    conn.batch_execute(
        "INSERT INTO customers (client_id, client_name, company_name, contract_start_date, \
                                status, csm_assigned, updated_at) \
         VALUES ('c1', 'C1', 'Co', '2025-01-01', 'active', 'ann', '2020-01-01'), \
                ('c2', 'C2', 'Co', '2025-01-01', 'active', 'bob', '2020-01-01');
         INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score, \
                                    satisfaction_score, payment_score, overall_score) \
         VALUES ('c1', 90, 80, 70, 60, 50, 76);
         INSERT INTO churn_predictions (client_id, churn_probability, churn_risk_level, \
                                        confidence_score) VALUES ('c1', 0.5, 'medium', 0.7);
         UPDATE customers SET status = 'churned' WHERE client_id = 'c1';",
    )
    .expect("writes on the distributed tables");
    assert_eq!(
        lines(
            &mut conn,
            "SELECT health_score::text || ' ' || (updated_at > '2020-01-01')::text AS line \
             FROM customers WHERE client_id = 'c1'"
        ),
        ["76 true"],
        "the health-score trigger and updated_at ran on the shard"
    );
    assert_eq!(
        lines(
            &mut conn,
            "SELECT customer_status::text AS line FROM churn_predictions"
        ),
        ["churned"]
    );
    let read = explain(
        &mut conn,
        "SELECT * FROM support_tickets WHERE client_id = 'c1'",
    );
    assert!(
        read.iter().any(|l| l.contains("Task Count: 1")),
        "{read:#?}"
    );
    let write = explain(
        &mut conn,
        "UPDATE customers SET tier = 'enterprise' WHERE client_id = 'c1'",
    );
    assert!(
        write.iter().any(|l| l.contains("Task Count: 1")),
        "{write:#?}"
    );
    conn.batch_execute("DELETE FROM customers WHERE client_id = 'c1'")
        .expect("cascade");
    assert_eq!(count(&mut conn, "SELECT count(*) FROM health_scores"), 0);
    assert_eq!(
        count(&mut conn, "SELECT count(*) FROM churn_predictions"),
        0
    );
    assert_eq!(count(&mut conn, "SELECT count(*) FROM customers"), 1);
}

// ---- the template on every node ----

/// Tells the test binary, re-run as a child process, to run the child side of a test.
const CHILD_ENV: &str = "CSDB_CITUS_TEST_CHILD";

#[test]
fn a_worker_that_lost_the_template_gets_it_rebuilt() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return drop_a_workers_template_and_clone_again();
    }
    let Some(db) = citus_db("a_worker_that_lost_the_template_gets_it_rebuilt") else {
        return;
    };
    drop(db);
    // Dropping the template would pull it from under every other test cloning it at the same
    // time, so the child runs on a Citus cluster of its own.
    let dir = std::env::temp_dir().join(format!("csdb-citus-rebuild-{}", std::process::id()));
    let output = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "a_worker_that_lost_the_template_gets_it_rebuilt",
            "--nocapture",
        ])
        .env(CHILD_ENV, "1")
        .env("CSDB_HARNESS_DIR", &dir)
        .output()
        .expect("run the child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("CSDB_CHILD rebuilt"),
        "child failed: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    // Its three nodes are stopped and deleted once it has exited.
    let nodes: Vec<std::path::PathBuf> = ["coordinator", "worker1", "worker2"]
        .iter()
        .map(|node| {
            let mut path = dir.clone().into_os_string();
            path.push(format!("-citus-{node}"));
            path.into()
        })
        .collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while nodes.iter().any(|n| n.exists()) {
        assert!(
            std::time::Instant::now() < deadline,
            "still there after 30 s: {nodes:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// The child side of [`a_worker_that_lost_the_template_gets_it_rebuilt`].
fn drop_a_workers_template_and_clone_again() {
    let first = TestDatabase::new_citus().expect("TestDatabase::new_citus");
    let server = first.server();
    assert!(
        server
            .cluster_dir()
            .is_some_and(|d| d.to_string_lossy().contains("csdb-citus-rebuild-")),
        "the child must use a cluster of its own: {server:?}"
    );
    let template = customer_success_db::harness::template_name();
    let worker = &server.worker_urls("postgres")[0];
    let exists = |url: &str| {
        count(
            &mut connect(url),
            &format!("SELECT count(*) FROM pg_database WHERE datname = '{template}'"),
        ) == 1
    };
    assert!(exists(worker), "{template} should exist on worker 1");
    let mut admin = connect(worker);
    // Two statements: DROP DATABASE refuses to run in the implicit transaction of a batch.
    for sql in [
        format!("ALTER DATABASE \"{template}\" WITH IS_TEMPLATE false"),
        format!("DROP DATABASE \"{template}\" WITH (FORCE)"),
    ] {
        admin.batch_execute(&sql).expect(&sql);
    }
    assert!(!exists(worker));
    let second = TestDatabase::new_citus().expect("new_citus after a worker lost the template");
    assert!(exists(worker), "{template} was not rebuilt on worker 1");
    let mut conn = second.connect().expect("connect");
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) FROM citus_get_active_worker_nodes()"
        ),
        2
    );
    conn.batch_execute(
        "CREATE TABLE rebuilt (client_id text PRIMARY KEY);
         SELECT create_distributed_table('rebuilt', 'client_id');
         INSERT INTO rebuilt SELECT 'c' || g FROM generate_series(1, 20) g;",
    )
    .expect("distribute in a clone of the rebuilt template");
    assert_eq!(count(&mut conn, "SELECT count(*) FROM rebuilt"), 20);
    println!("CSDB_CHILD rebuilt");
}

// ---- maintenance and the derived values on a distributed database ----

/// `csm_workload` and `refresh_derived_values` on the coordinator give what they give on one
/// server for the same demo data, and the other maintenance calls run there.
#[test]
fn maintenance_and_derived_values_work_distributed_as_on_one_server() {
    use customer_success_db::crud::{ByKey, Crud, Page};
    use customer_success_db::demo::{self, DemoConfig};
    use customer_success_db::maintenance;
    use customer_success_db::models::{Customer, CustomerChanges, NewHealthScoreRecord};
    use customer_success_db::models::{HealthComponents, HealthWeights};
    use customer_success_db::queries;
    use customer_success_db::types::{ComponentScore, CustomerStatus};

    let Some(cluster) =
        common::distributed_db("maintenance_and_derived_values_work_distributed_as_on_one_server")
    else {
        return;
    };
    let single = TestDatabase::new().expect("single-node database");
    let config = DemoConfig::new(60, 3);
    let mut c = cluster.connect().expect("connect to the coordinator");
    let mut s = single.connect().expect("connect");
    for conn in [&mut c, &mut s] {
        demo::load(conn, &config, &mut |_| {}).expect("demo load");
    }
    let workload = |conn: &mut PgConnection| {
        serde_json::to_value(queries::csm_workload(conn, Page::first(100)).unwrap()).unwrap()
    };
    assert_eq!(
        workload(&mut c),
        workload(&mut s),
        "CSM workload after the load"
    );

    // Writes that move the derived values: a new health score (customers.health_score), a
    // churned customer (churn_predictions.customer_status and the workload).
    let first = Customer::list(&mut s, Page::first(1)).unwrap().remove(0);
    let twelve = ComponentScore::new(12.0).unwrap();
    let components = HealthComponents {
        usage: twelve,
        engagement: twelve,
        support: twelve,
        satisfaction: twelve,
        payment: twelve,
    };
    for conn in [&mut c, &mut s] {
        customer_success_db::models::HealthScoreRecord::create(
            conn,
            &NewHealthScoreRecord::new(first.client_id.clone(), components, HealthWeights::DEFAULT),
        )
        .unwrap();
        Customer::update_by_key(
            conn,
            &first.client_id,
            &CustomerChanges {
                status: Some(CustomerStatus::Churned),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let derived = |conn: &mut PgConnection| {
        lines(
            conn,
            &format!(
                "SELECT c.health_score::text || ' ' || c.status || ' ' || \
                 coalesce(string_agg(DISTINCT p.customer_status, ','), '-') AS line \
                 FROM customers c LEFT JOIN churn_predictions p USING (client_id) \
                 WHERE c.client_id = '{}' GROUP BY c.health_score, c.status",
                first.client_id
            ),
        )
    };
    assert_eq!(derived(&mut c), derived(&mut s));
    assert!(
        derived(&mut c)[0].starts_with("12 churned"),
        "{:?}",
        derived(&mut c)
    );
    assert_eq!(
        workload(&mut c),
        workload(&mut s),
        "CSM workload after the writes"
    );

    // Maintenance: the same rows refreshed, nothing to rebuild on Citus (the summary is a view
    // there), no orphans, statistics refreshed.
    let refreshed_single = maintenance::refresh_derived_values(&mut s).unwrap();
    let refreshed_cluster = maintenance::refresh_derived_values(&mut c).unwrap();
    assert_eq!(refreshed_cluster, refreshed_single);
    assert_eq!(
        maintenance::rebuild_csm_workload_summary(&mut c).unwrap(),
        0
    );
    assert!(maintenance::orphans(&mut c)
        .unwrap()
        .iter()
        .all(|o| o.orphan_count == 0));
    maintenance::analyze(&mut c, None).expect("ANALYZE on the coordinator");
    maintenance::vacuum_analyze(&mut c, None).expect("VACUUM ANALYZE on the coordinator");
}
