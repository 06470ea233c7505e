//! Bulk loading of the demo data: rows per second with binary COPY and with multi-row INSERT,
//! side by side, each into a fresh migrated database (provisioning is not timed).
//!
//! `cargo bench --bench bulk_load` (size: 1,000 customers ≈ 55,000 rows per load; override
//! with `CSDB_BENCH_SIZES=500`).

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
                |b, config| {
                    b.iter_batched(
                        || {
                            let db = TestDatabase::new().expect("test database");
                            let conn = db.connect().expect("connect");
                            (db, conn)
                        },
                        |(db, mut conn)| {
                            demo::load(&mut conn, config, &mut |_| {}).expect("load");
                            // Returned so that dropping the database is not timed.
                            (db, conn)
                        },
                        BatchSize::PerIteration,
                    )
                },
            );
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
    targets = bulk_load
}
criterion_main!(benches);
