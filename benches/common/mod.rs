#![allow(dead_code)] // each bench uses a different part
//! Database provisioning shared by the benchmarks: the same server selection as the tests
//! (`DATABASE_URL`, else the harness's throwaway cluster), and one demo database per size,
//! loaded once and reused while it exists.

use customer_success_db::crud::Crud;
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::Server;
use customer_success_db::models::Customer;
use customer_success_db::{connection, migrations};
use diesel::PgConnection;

/// Benchmark sizes in customers; `CSDB_BENCH_SIZES=1000,5000` overrides the default.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    match std::env::var("CSDB_BENCH_SIZES") {
        Ok(s) if !s.trim().is_empty() => s
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("CSDB_BENCH_SIZES: comma-separated numbers")
            })
            .collect(),
        _ => default.to_vec(),
    }
}

pub fn server() -> &'static Server {
    Server::shared().unwrap_or_else(|e| panic!("no PostgreSQL for the benchmarks: {e}"))
}

/// URL of a migrated database holding the demo data of `customers` customers (seed 42).
pub fn demo_database(customers: usize) -> String {
    let url = server()
        .ensure_database(&format!("csdb_bench_{customers}"))
        .expect("bench database");
    let mut conn: PgConnection = connection::connect(&url).expect("connect");
    migrations::run_pending(&mut conn).expect("migrate");
    let present = Customer::count(&mut conn).expect("count");
    if present != customers as i64 {
        assert_eq!(
            present, 0,
            "csdb_bench_{customers} holds other data; drop it"
        );
        eprintln!("loading demo data: {customers} customers…");
        let report = demo::load(&mut conn, &DemoConfig::new(customers, 42), &mut |_| {})
            .expect("load demo data");
        eprintln!(
            "loaded {} rows in {:.1} s ({:.0} rows/s)",
            report.total_rows,
            report.elapsed.as_secs_f64(),
            report.rows_per_second
        );
    }
    url
}

/// The criterion settings of the per-query benchmarks (`dashboards`, `citus`): 30 samples after
/// a 1 s warm-up, 3 s of measurement each.
pub fn per_query_criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
}
