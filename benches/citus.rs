//! The same operations on a single PostgreSQL server and on the harness's Citus cluster
//! (coordinator + 2 workers, every table distributed by `client_id`), side by side in one
//! criterion group per operation, on the same demo data: per-customer reads, a per-customer
//! write and the six dashboards. Before measuring, it prints each dashboard's plan on the
//! cluster: a router query (one task on one worker) or a multi-shard one (one task per shard).
//!
//! `cargo bench -p csdb-benches --bench citus` (size: 2,000 customers; override with
//! `CSDB_BENCH_SIZES=5000`). Without Citus installed it says so and measures nothing. Results
//! are in `BENCHMARKS.md` and `SCALING.md`.
//!
//! All three nodes run on one machine here, so the ratio is the cluster's overhead (a hop
//! through the coordinator, planning for shards), not what more machines would add.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Utc;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use customer_success_db::crud::{ByClient, ByKey, Crud, Page};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::{HarnessError, Server, TestDatabase};
use customer_success_db::models::*;
use customer_success_db::queries::{self, *};
use customer_success_db::reports;
use customer_success_db::serde_json::Value;
use customer_success_db::types::*;
use diesel::PgConnection;

/// Rows a dashboard page shows (as in `benches/dashboards.rs`).
const PAGE: i64 = 100;

/// Customers the per-customer operations cycle through (spread over every shard).
const ROTATION: usize = 200;

/// One database loaded with the demo data.
struct Side {
    label: &'static str,
    _db: TestDatabase,
    conn: PgConnection,
}

fn load(label: &'static str, db: TestDatabase, config: &DemoConfig) -> Side {
    let mut conn = customer_success_db::connection::connect(db.url()).expect("connect");
    let report = demo::load(&mut conn, config, &mut |_| {}).expect("load the demo data");
    eprintln!(
        "{label}: loaded {} rows in {:.1} s ({:.0} rows/s)",
        report.total_rows,
        report.elapsed.as_secs_f64(),
        report.rows_per_second
    );
    Side {
        label,
        _db: db,
        conn,
    }
}

/// Task count and the nodes that run the tasks, from a distributed plan
/// (`EXPLAIN (ANALYZE, FORMAT JSON)` on the coordinator); `(0, [])` for a plan Citus did not
/// distribute (a query on local tables only).
fn tasks(plan: &Value) -> (i64, Vec<String>) {
    fn walk(v: &Value, count: &mut i64, nodes: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("Task Count", Value::Number(n)) => *count += n.as_i64().unwrap_or(0),
                        ("Node", Value::String(s)) => nodes.push(s.clone()),
                        _ => walk(v, count, nodes),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, count, nodes)),
            _ => {}
        }
    }
    let (mut count, mut nodes) = (0, Vec::new());
    walk(plan, &mut count, &mut nodes);
    nodes.sort();
    nodes.dedup();
    (count, nodes)
}

/// One line of the plan table: how Citus runs `query` and how long it took once.
fn plan_line(
    conn: &mut PgConnection,
    name: &str,
    query: impl diesel::query_builder::QueryFragment<diesel::pg::Pg> + diesel::query_builder::QueryId,
) {
    let report = queries::explain(conn, query).expect("explain");
    let (count, nodes) = tasks(&report.plan);
    // EXPLAIN ANALYZE details one task of a multi-shard query ("Tasks Shown: One of 4"), so
    // only a router query's node is known.
    let kind = match (count, nodes.as_slice()) {
        (0, _) => "not distributed (coordinator only)".to_owned(),
        (1, [node]) => {
            // "host=/dev/shm/…-citus-worker2 port=5432 dbname=…": the worker's directory.
            let host = node.split_whitespace().next().unwrap_or(node);
            format!(
                "router: 1 task, on {}",
                host.rsplit('-').next().unwrap_or(host)
            )
        }
        (n, _) => format!("multi-shard: {n} tasks"),
    };
    println!(
        "plan on the cluster: {name:<34} {kind:<34} execution {:.2} ms",
        report.execution_ms
    );
}

fn bench_size(c: &mut Criterion, customers: usize) {
    let citus = match Server::shared_citus() {
        Ok(server) => server,
        Err(e @ HarnessError::CitusNotInstalled { .. }) => {
            eprintln!("\n*** SKIPPED benches/citus.rs: {e}\n");
            return;
        }
        Err(e) => panic!("the Citus cluster: {e}"),
    };
    // One configuration for both sides: the same rows, "now" fixed at the start of the run
    // (the SLA and renewal dashboards compare with the clock, so the data is current).
    let config = DemoConfig {
        customers,
        seed: 42,
        ..DemoConfig::as_of(Utc::now())
    };
    let single_db = TestDatabase::new_on(common::server()).expect("a single-node database");
    let citus_db = TestDatabase::new_on(citus).expect("a database on the Citus cluster");
    {
        let mut conn = customer_success_db::connection::connect(citus_db.url()).expect("connect");
        let report = customer_success_db::distribute::distribute(&mut conn).expect("distribute");
        assert!(report.is_complete(), "{report}");
    }
    let mut sides = [
        load("single_node", single_db, &config),
        load("citus_3_nodes", citus_db, &config),
    ];

    let clients: Vec<String> = Customer::list(&mut sides[0].conn, Page::first(ROTATION as i64))
        .expect("customers")
        .into_iter()
        .map(|c| c.client_id)
        .collect();
    let page = Page::first(PAGE);
    let threshold = HealthScore::new(70).expect("valid");
    let levels = vec![RiskLevel::High, RiskLevel::Critical];
    let csm = queries::csm_workload(&mut sides[0].conn, Page::first(1)).expect("workload")[0]
        .csm_assigned
        .clone()
        .expect("a CSM");

    // The plans on the cluster, once.
    {
        let conn = &mut sides[1].conn;
        let one = clients[0].clone();
        plan_line(conn, "customer by client_id", {
            use customer_success_db::schema::customers::dsl::*;
            use diesel::prelude::*;
            customers.filter(client_id.eq(one.clone())).select(id)
        });
        plan_line(
            conn,
            "support tickets of a customer",
            SupportTicket::list_by_client_query(one.clone(), Page::first(20)),
        );
        plan_line(
            conn,
            "health scores of a customer",
            HealthScoreRecord::list_by_client_query(one.clone(), Page::first(20)),
        );
        plan_line(
            conn,
            "health_dashboard",
            health_dashboard_query(threshold, page),
        );
        plan_line(conn, "csm_workload", csm_workload_query(page));
        plan_line(
            conn,
            "renewal_pipeline",
            renewal_pipeline_query(90, RenewalStatus::AtRisk, page),
        );
        plan_line(conn, "sla_monitoring", sla_monitoring_query(page));
        plan_line(conn, "churn_risk", churn_risk_query(levels.clone(), page));
        plan_line(
            conn,
            "csm_customers",
            csm_customers_query(csm.clone(), LifecycleStage::Active, page),
        );
    }

    let next = AtomicUsize::new(0);
    let client = || &clients[next.fetch_add(1, Ordering::Relaxed) % clients.len()];

    // Per-customer reads.
    let mut g = c.benchmark_group("citus_customer_and_tickets");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| {
                let id = client();
                let customer = Customer::get_by_key(&mut side.conn, id).expect("customer");
                let tickets = SupportTicket::list_by_client(&mut side.conn, id, Page::first(20))
                    .expect("tickets");
                (customer, tickets)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("citus_customer_360");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| reports::customer_360(&mut side.conn, client()).expect("customer 360"))
        });
    }
    g.finish();

    // A per-customer write: one health score (its trigger updates the customer's row too).
    let components = HealthComponents {
        usage: ComponentScore::new(80.0).expect("valid"),
        engagement: ComponentScore::new(70.0).expect("valid"),
        support: ComponentScore::new(60.0).expect("valid"),
        satisfaction: ComponentScore::new(50.0).expect("valid"),
        payment: ComponentScore::new(40.0).expect("valid"),
    };
    let mut g = c.benchmark_group("citus_insert_health_score");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| {
                let new =
                    NewHealthScoreRecord::new(client().clone(), components, HealthWeights::DEFAULT);
                HealthScoreRecord::create(&mut side.conn, &new).expect("insert")
            })
        });
    }
    g.finish();

    // The six dashboards.
    let mut g = c.benchmark_group("citus_health_dashboard");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| health_dashboard(&mut side.conn, threshold, page).expect("query"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("citus_csm_workload");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| csm_workload(&mut side.conn, page).expect("query"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("citus_renewal_pipeline");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| {
                renewal_pipeline(&mut side.conn, 90, RenewalStatus::AtRisk, page).expect("query")
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("citus_sla_monitoring");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| sla_monitoring(&mut side.conn, page).expect("query"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("citus_churn_risk");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| churn_risk(&mut side.conn, &levels, page).expect("query"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("citus_csm_customers");
    for side in &mut sides {
        g.bench_with_input(BenchmarkId::new(side.label, customers), &(), |b, _| {
            b.iter(|| {
                csm_customers(&mut side.conn, &csm, LifecycleStage::Active, page).expect("query")
            })
        });
    }
    g.finish();
}

/// Rows per customer of each table in the demo data with 6 and 12 months of history (the
/// generator only, nothing loaded): the inputs of SCALING.md's capacity estimate. A table whose
/// rate doubles with the history is a monthly series; one that stays is a per-customer
/// snapshot (its rows spread over the customer's life, or the last year).
fn print_demo_rates() {
    const CUSTOMERS: usize = 2_000;
    let rates = |months: u32| {
        let config = DemoConfig {
            customers: CUSTOMERS,
            months_of_history: months,
            ..DemoConfig::new(CUSTOMERS, 42)
        };
        demo::generate(&config).row_counts()
    };
    let (six, twelve) = (rates(6), rates(12));
    println!(
        "demo rows per customer ({CUSTOMERS} customers, seed 42): 6 months | 12 months of history"
    );
    let (mut total6, mut total12) = (0.0, 0.0);
    for ((table, a), (_, b)) in six.iter().zip(&twelve) {
        let (a, b) = (*a as f64 / CUSTOMERS as f64, *b as f64 / CUSTOMERS as f64);
        total6 += a;
        total12 += b;
        println!("  {table:<26} {a:>7.2} | {b:>7.2}");
    }
    println!("  {:<26} {total6:>7.2} | {total12:>7.2}", "total");
}

fn citus(c: &mut Criterion) {
    print_demo_rates();
    for customers in common::sizes(&[2_000]) {
        bench_size(c, customers);
    }
}

criterion_group! {
    name = benches;
    config = common::per_query_criterion();
    targets = citus
}
criterion_main!(benches);
