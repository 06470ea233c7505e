//! Bulk loading of the demo data: rows per second with binary COPY and with multi-row INSERT,
//! side by side, each into a fresh migrated database (provisioning is not timed).
//!
//! `cargo bench --bench bulk_load` (size: 1,000 customers ≈ 43,000 rows per load; override
//! with `CSDB_BENCH_SIZES=500`).
//!
//! `bulk_load_schema` is the cost of the row triggers a Citus coordinator needs: the same COPY
//! into a database at the head (statement triggers keep `customers.health_score` and the CSM
//! workload summary: one statement per statement) and into one that `csdb_prepare_for_citus()`
//! switched to row triggers and the summary view, side by side. (Until migration
//! `v2_distribution_ready` it compared the original point with the head; the demo now writes the
//! head's tables, so it loads into the head only. BENCHMARKS.md keeps that measurement.)

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use customer_success_db::demo::{self, DemoConfig, LoadMethod};
use customer_success_db::harness::TestDatabase;

fn bulk_load(c: &mut Criterion) {
    for customers in common::sizes(&[1_000]) {
        let rows = demo::generate(&DemoConfig::new(customers, 42)).total_rows() as u64;
        let mut g = c.benchmark_group("bulk_load");
        g.throughput(Throughput::Elements(rows));
        for method in [LoadMethod::Copy, LoadMethod::Insert] {
            let config = DemoConfig {
                method,
                ..DemoConfig::new(customers, 42)
            };
            g.bench_with_input(
                BenchmarkId::new(method.to_string(), customers),
                &config,
                |b, config| time_loads(b, config, false),
            );
        }
        g.finish();
    }
}

/// Times `demo::load` of `config` into a fresh database at the head, with `csdb_prepare_for_citus()`
/// run first when `row_triggers`; provisioning and dropping the database are not timed.
fn time_loads(b: &mut criterion::Bencher, config: &DemoConfig, row_triggers: bool) {
    use diesel::connection::SimpleConnection;
    b.iter_batched(
        || {
            let db = TestDatabase::new().expect("test database");
            let mut conn = db.connect().expect("connect");
            if row_triggers {
                conn.batch_execute("SELECT csdb_prepare_for_citus()")
                    .expect("prepare for Citus");
            }
            (db, conn)
        },
        |(db, mut conn)| {
            demo::load(&mut conn, config, &mut |_| {}).expect("load");
            // Returned so that dropping the database is not timed.
            (db, conn)
        },
        BatchSize::PerIteration,
    )
}

fn bulk_load_schema(c: &mut Criterion) {
    for customers in common::sizes(&[1_000]) {
        let config = DemoConfig::new(customers, 42);
        let rows = demo::generate(&config).total_rows() as u64;
        let mut g = c.benchmark_group("bulk_load_schema");
        g.throughput(Throughput::Elements(rows));
        for (label, row_triggers) in [("statement_triggers", false), ("row_triggers", true)] {
            g.bench_with_input(BenchmarkId::new(label, customers), &config, |b, config| {
                time_loads(b, config, row_triggers)
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    targets = bulk_load, bulk_load_schema
}
criterion_main!(benches);
