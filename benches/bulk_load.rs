//! Bulk loading of the demo data: rows per second with binary COPY and with multi-row INSERT,
//! side by side, each into a fresh migrated database (provisioning is not timed).
//!
//! `cargo bench --bench bulk_load` (size: 1,000 customers ≈ 43,000 rows per load; override
//! with `CSDB_BENCH_SIZES=500`).
//!
//! `bulk_load_schema` is the cost of schema v2's constraints and triggers: the same COPY into a
//! database at the original point (the six original migrations) and at the head, side by side.

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

/// The version of the original system's last migration.
const ORIGINAL_HEAD: &str = "20240601000006";

/// Times `demo::load` of `config` into a fresh database, at the head or (with `original`)
/// reverted to the original point; provisioning and dropping the database are not timed.
fn time_loads(b: &mut criterion::Bencher, config: &DemoConfig, original: bool) {
    use customer_success_db::migrations;
    b.iter_batched(
        || {
            let db = TestDatabase::new().expect("test database");
            let mut conn = db.connect().expect("connect");
            while original
                && migrations::applied(&mut conn)
                    .expect("applied")
                    .last()
                    .map(String::as_str)
                    != Some(ORIGINAL_HEAD)
            {
                migrations::revert_last(&mut conn).expect("revert");
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
        for (label, original) in [("original", true), ("v2", false)] {
            g.bench_with_input(BenchmarkId::new(label, customers), &config, |b, config| {
                time_loads(b, config, original)
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
