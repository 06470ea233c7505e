//! Each dashboard query through the library (Diesel) and, in the same group, the same SQL
//! through the raw `postgres` driver with the statement prepared once: the driver-level floor.
//! Both sides decode into the same typed row structs (validated newtypes and enums), so the
//! ratio is the cost of the library, not of skipping work.
//!
//! `cargo bench --bench dashboards` (sizes: 10,000 and 100,000 customers; override with
//! `CSDB_BENCH_SIZES=1000`). Results and the machine are in `BENCHMARKS.md`.

mod common;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use customer_success_db::crud::Page;
use customer_success_db::queries::{self, *};
use customer_success_db::types::*;
use postgres::types::{FromSql, Type};
use postgres::{Client, NoTls, Row, Statement};

/// Rows a dashboard page shows.
const PAGE: i64 = 100;

/// PostgreSQL `numeric` in binary form (the `postgres` crate has no decoder without extra
/// features): base-10000 digits with a weight and a sign.
struct PgNumeric(BigDecimal);

impl<'a> FromSql<'a> for PgNumeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let word = |i: usize| i16::from_be_bytes([raw[i], raw[i + 1]]);
        let ndigits = word(0) as usize;
        let weight = word(2) as i64;
        let negative = u16::from_be_bytes([raw[4], raw[5]]) == 0x4000;
        let mut unscaled = BigInt::from(0);
        for i in 0..ndigits {
            unscaled = unscaled * 10_000 + BigInt::from(word(8 + 2 * i));
        }
        let exponent = 4 * (weight - ndigits as i64 + 1);
        let value = BigDecimal::new(if negative { -unscaled } else { unscaled }, -exponent);
        Ok(PgNumeric(value))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

fn parse<T: std::str::FromStr>(row: &Row, i: usize) -> T
where
    T::Err: std::fmt::Debug,
{
    row.get::<_, &str>(i).parse().expect("valid enum")
}

struct Raw {
    client: Client,
}

impl Raw {
    fn prepare(&mut self, sql: &str) -> Statement {
        self.client.prepare(sql).expect("prepare")
    }
}

fn bench_size(c: &mut Criterion, customers: usize) {
    let url = common::demo_database(customers);
    let mut conn = customer_success_db::connection::connect(&url).expect("connect");
    let mut raw = Raw {
        client: Client::connect(&url, NoTls).expect("raw connect"),
    };
    let page = Page::first(PAGE);
    let threshold = HealthScore::new(70).expect("valid");
    let levels = vec![RiskLevel::High, RiskLevel::Critical];
    let csm = queries::csm_workload(&mut conn, Page::first(1)).expect("workload")[0]
        .csm_assigned
        .clone()
        .expect("a CSM");

    // 1. Customer health dashboard.
    let mut g = c.benchmark_group("health_dashboard");
    let stmt = raw.prepare(&sql_of(&health_dashboard_query(threshold, page)));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| health_dashboard(&mut conn, threshold, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                // The first page's keyset predicate compares with a key before every row.
                .query(
                    &stmt,
                    &[&70i32, &"active", &i32::MIN, &i64::MIN, &PAGE, &0i64],
                )
                .expect("query")
                .iter()
                .map(|r| HealthDashboardRow {
                    id: r.get(0),
                    client_id: r.get(1),
                    client_name: r.get(2),
                    health_score: HealthScore::new(r.get(3)).expect("valid"),
                    health_trend: parse(r, 4),
                    lifecycle_stage: parse(r, 5),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    // 2. CSM workload.
    let mut g = c.benchmark_group("csm_workload");
    let stmt = raw.prepare(&sql_of(&csm_workload_query(page)));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| csm_workload(&mut conn, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                .query(
                    &stmt,
                    &[&"active", &-i64::MAX, &true, &None::<&str>, &PAGE, &0i64],
                )
                .expect("query")
                .iter()
                .map(|r| CsmWorkloadRow {
                    csm_assigned: r.get(0),
                    customer_count: r.get(1),
                    avg_health: r.get::<_, Option<f64>>(2).unwrap_or(0.0),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    // 3. Renewal pipeline.
    let mut g = c.benchmark_group("renewal_pipeline");
    let stmt = raw.prepare(&sql_of(&renewal_pipeline_query(
        90,
        RenewalStatus::AtRisk,
        page,
    )));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| renewal_pipeline(&mut conn, 90, RenewalStatus::AtRisk, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                .query(
                    &stmt,
                    &[
                        &(Utc::now().date_naive() + chrono::Duration::days(90)),
                        &"at_risk",
                        &customer_success_db::cursor::min_pg_date(),
                        &i64::MIN,
                        &PAGE,
                        &0i64,
                    ],
                )
                .expect("query")
                .iter()
                .map(|r| RenewalPipelineRow {
                    id: r.get(0),
                    client_id: r.get(1),
                    renewal_date: r.get(2),
                    renewal_probability: Probability::new(r.get(3)).expect("valid"),
                    forecasted_arr: Money::new(r.get::<_, PgNumeric>(4).0).expect("valid"),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    // 4. Support SLA monitoring.
    let mut g = c.benchmark_group("sla_monitoring");
    let stmt = raw.prepare(&sql_of(&sla_monitoring_query(page)));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| sla_monitoring(&mut conn, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                .query(
                    &stmt,
                    &[
                        &vec!["open", "in_progress"],
                        &vec!["breached", "at_risk"],
                        &vec!["breached", "at_risk"],
                        &"",
                        &customer_success_db::cursor::min_pg_timestamp(),
                        &i64::MIN,
                        &PAGE,
                        &0i64,
                    ],
                )
                .expect("query")
                .iter()
                .map(|r| SlaMonitorRow {
                    id: r.get(0),
                    ticket_id: r.get(1),
                    client_id: r.get(2),
                    priority: parse(r, 3),
                    created_at: r.get::<_, DateTime<Utc>>(4),
                    first_response_sla_status: parse(r, 5),
                    resolution_sla_status: parse(r, 6),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    // 5. Churn-risk analysis.
    let mut g = c.benchmark_group("churn_risk");
    let stmt = raw.prepare(&sql_of(&churn_risk_query(levels.clone(), page)));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| churn_risk(&mut conn, &levels, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                .query(
                    &stmt,
                    &[
                        &vec!["high", "critical"],
                        &"active",
                        &f64::INFINITY,
                        &i64::MAX,
                        &PAGE,
                        &0i64,
                    ],
                )
                .expect("query")
                .iter()
                .map(|r| ChurnRiskRow {
                    prediction_id: r.get(0),
                    client_id: r.get(1),
                    client_name: r.get(2),
                    health_score: HealthScore::new(r.get(3)).expect("valid"),
                    churn_probability: Probability::new(r.get(4)).expect("valid"),
                    churn_risk_level: parse(r, 5),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();

    // 6. CSM + lifecycle-stage lookup.
    let mut g = c.benchmark_group("csm_customers");
    let stmt = raw.prepare(&sql_of(&csm_customers_query(
        csm.clone(),
        LifecycleStage::Active,
        page,
    )));
    g.bench_with_input(BenchmarkId::new("diesel", customers), &(), |b, _| {
        b.iter(|| csm_customers(&mut conn, &csm, LifecycleStage::Active, page).expect("query"))
    });
    g.bench_with_input(BenchmarkId::new("raw_postgres", customers), &(), |b, _| {
        b.iter(|| {
            raw.client
                .query(&stmt, &[&csm.as_str(), &"active", &i64::MIN, &PAGE, &0i64])
                .expect("query")
                .iter()
                .map(|r| CsmCustomerRow {
                    id: r.get(0),
                    client_id: r.get(1),
                    client_name: r.get(2),
                    health_score: HealthScore::new(r.get(3)).expect("valid"),
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();
}

fn dashboards(c: &mut Criterion) {
    for customers in common::sizes(&[10_000, 100_000]) {
        bench_size(c, customers);
    }
}

criterion_group! {
    name = benches;
    config = common::per_query_criterion();
    targets = dashboards
}
criterion_main!(benches);
