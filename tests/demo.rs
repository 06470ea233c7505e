//! The demo-data generator and loader against a real PostgreSQL: both load methods fill all 24
//! tables with consistent data, the distributions the dashboards rely on hold, and the output is
//! deterministic.
//!
//! `measure_load_methods` (ignored by default) compares COPY and INSERT:
//! `DEMO_SIZES=1000,10000 cargo test --release --test demo -- --ignored --nocapture`.

use std::collections::HashSet;

use customer_success_db::demo::{self, DemoConfig, DemoData, LoadMethod, LoadReport, Progress};
use customer_success_db::harness::TestDatabase;
use customer_success_db::types::*;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

const CUSTOMERS: usize = 200;

fn config(seed: u64, method: LoadMethod) -> DemoConfig {
    DemoConfig {
        customers: CUSTOMERS,
        seed,
        method,
        // Small batches so that the tests also exercise the streaming across batches.
        batch_customers: 64,
        ..DemoConfig::default()
    }
}

/// A fresh migrated database with the demo data of `config` loaded.
fn loaded(config: &DemoConfig) -> (TestDatabase, PgConnection, LoadReport) {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    let mut calls = Vec::new();
    let report = demo::load(&mut conn, config, &mut |p: Progress| calls.push(p)).expect("load");
    check_progress(&calls, &report, config);
    (db, conn, report)
}

fn check_progress(calls: &[Progress], report: &LoadReport, config: &DemoConfig) {
    assert!(!calls.is_empty());
    let last = calls.last().expect("progress");
    assert_eq!(last.rows_loaded, report.total_rows);
    assert_eq!(last.customers_done, config.customers);
    assert_eq!(last.customers_total, config.customers);
    assert!((last.fraction() - 1.0).abs() < 1e-12);
    assert!(calls
        .windows(2)
        .all(|w| w[0].rows_loaded < w[1].rows_loaded));
    assert!(calls
        .windows(2)
        .all(|w| w[0].customers_done <= w[1].customers_done));
    for table in DemoData::TABLES {
        let seen = calls
            .iter()
            .filter(|p| p.table == table)
            .map(|p| p.table_rows)
            .max();
        assert_eq!(seen, Some(report.rows(table)), "{table}");
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .n
}

#[derive(QueryableByName)]
struct Sum {
    #[diesel(sql_type = Text)]
    sum: String,
}

/// One md5 per table over all rows in `id` order (the `id`s included).
fn checksums(conn: &mut PgConnection) -> Vec<(&'static str, String)> {
    DemoData::TABLES
        .iter()
        .map(|&t| {
            let sql = format!(
                "SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) AS sum FROM {t} t"
            );
            let sum = diesel::sql_query(&sql)
                .get_result::<Sum>(conn)
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
                .sum;
            (t, sum)
        })
        .collect()
}

/// Everything a load must guarantee, whatever the method.
fn check_loaded(conn: &mut PgConnection, report: &LoadReport, config: &DemoConfig) {
    // Every table has rows, and exactly as many as reported.
    assert_eq!(report.rows_per_table.len(), 25);
    let mut total = 0;
    for &(table, n) in &report.rows_per_table {
        assert!(n > 0, "{table} is empty");
        let in_db = count(conn, &format!("SELECT count(*) AS n FROM {table}"));
        assert_eq!(in_db, n as i64, "{table}");
        total += n;
    }
    assert_eq!(total, report.total_rows);
    assert!(report.rows_per_second > 0.0);
    assert_eq!(report.rows("customers"), config.customers);

    // Foreign keys, declared or implied by the business keys: no orphans anywhere.
    for child in [
        "health_scores",
        "risk_indicators",
        "churn_predictions",
        "onboarding_plans",
        "training_completions",
        "support_tickets",
        "renewal_forecasts",
        "contracts",
        "expansion_opportunities",
        "customer_feedback",
        "nps_responses",
        "health_metrics",
        "engagement_metrics",
        "usage_analytics",
        "sentiment_analysis",
    ] {
        let orphans = count(
            conn,
            &format!(
                "SELECT count(*) AS n FROM {child} c WHERE c.client_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM customers p WHERE p.client_id = c.client_id)"
            ),
        );
        assert_eq!(orphans, 0, "{child}.client_id");
    }
    for (sql, what) in [
        (
            "SELECT count(*) AS n FROM onboarding_milestones m
             WHERE NOT EXISTS (SELECT 1 FROM onboarding_plans p WHERE p.plan_id = m.plan_id)",
            "onboarding_milestones.plan_id",
        ),
        (
            "SELECT count(*) AS n FROM ticket_comments c
             WHERE NOT EXISTS (SELECT 1 FROM support_tickets t WHERE t.ticket_id = c.ticket_id)",
            "ticket_comments.ticket_id",
        ),
        (
            "SELECT count(*) AS n FROM training_completions c
             WHERE NOT EXISTS (SELECT 1 FROM training_modules m WHERE m.module_id = c.module_id)",
            "training_completions.module_id",
        ),
        (
            "SELECT count(*) AS n FROM renewal_forecasts f
             WHERE NOT EXISTS (SELECT 1 FROM contracts c
                               WHERE c.contract_id = f.contract_id AND c.client_id = f.client_id)",
            "renewal_forecasts.contract_id",
        ),
        // Derived values agree with their sources. Each check counts the rows for which the
        // agreement is not TRUE, so a missing source row or a NULL (whose comparison is NULL,
        // not false) counts as a failure instead of slipping through a `<>`.
        (
            "SELECT count(*) AS n FROM customers c
             LEFT JOIN renewal_forecasts f USING (client_id)
             WHERE (f.renewal_date = c.renewal_date AND f.health_score = c.health_score
                    AND f.days_until_renewal = f.renewal_date - DATE '2026-01-15') IS NOT TRUE",
            "renewal forecast vs customer (every customer has one)",
        ),
        (
            "SELECT count(*) AS n FROM customers c
             LEFT JOIN contracts k ON k.client_id = c.client_id AND k.contract_id LIKE '%-1'
             WHERE (k.contract_value = c.contract_value AND k.renewal_date = c.renewal_date)
                   IS NOT TRUE",
            "current contract vs customer (every customer has one)",
        ),
        (
            "SELECT count(*) AS n FROM customers c
             WHERE (abs(c.health_score - (SELECT h.overall_score FROM health_scores h
                                          WHERE h.client_id = c.client_id
                                          ORDER BY h.created_at DESC, h.id DESC LIMIT 1))
                    <= 0.5000001) IS NOT TRUE",
            "customer health vs latest assessment (every customer has one)",
        ),
        (
            "SELECT count(*) AS n FROM churn_predictions WHERE (churn_risk_level =
               CASE WHEN churn_probability < 0.25 THEN 'low' WHEN churn_probability < 0.5 THEN 'medium'
                    WHEN churn_probability < 0.75 THEN 'high' WHEN churn_probability <= 1 THEN 'critical'
               END) IS NOT TRUE",
            "churn risk level vs probability",
        ),
        (
            "SELECT count(*) AS n FROM (VALUES (1)) one
             LEFT JOIN customer_segments s ON s.segment_id = 'seg-tier-enterprise'
             WHERE (s.customer_count = (SELECT count(*) FROM customers
                                        WHERE tier = 'enterprise' AND status <> 'churned'))
                   IS NOT TRUE",
            "enterprise segment count (the segment exists)",
        ),
        (
            "SELECT count(*) AS n FROM support_tickets
             WHERE (resolved_at IS NOT NULL AND resolved_at < created_at)
                OR (first_response_at IS NOT NULL AND first_response_at < created_at)
                OR (closed_at IS NOT NULL AND closed_at < resolved_at)
                OR updated_at < created_at",
            "ticket timeline",
        ),
        (
            "SELECT count(*) AS n FROM ticket_comments c JOIN support_tickets t USING (ticket_id)
             WHERE c.created_at < t.created_at",
            "comment before its ticket",
        ),
        // Timestamps come from the anchor date, never from the clock.
        (
            "SELECT (SELECT count(*) FROM customers WHERE created_at > TIMESTAMPTZ '2026-01-15 12:00:00+00'
                                                   OR updated_at > TIMESTAMPTZ '2026-01-15 12:00:00+00')
                  + (SELECT count(*) FROM support_tickets WHERE updated_at > TIMESTAMPTZ '2026-01-15 12:00:00+00')
                  + (SELECT count(*) FROM nps_responses WHERE responded_at > TIMESTAMPTZ '2026-01-15 12:00:00+00')
                  AS n",
            "timestamps after the anchor",
        ),
    ] {
        assert_eq!(count(conn, sql), 0, "{what}");
    }

    // Every dashboard filter matches some rows.
    for (sql, what) in [
        (
            "SELECT count(*) AS n FROM customers WHERE status = 'active' AND health_score < 70",
            "active customers with health < 70",
        ),
        (
            "SELECT count(*) AS n FROM renewal_forecasts
             WHERE renewal_status = 'at_risk' AND days_until_renewal BETWEEN 0 AND 90",
            "at-risk renewals within 90 days",
        ),
        (
            "SELECT count(*) AS n FROM support_tickets
             WHERE status IN ('open', 'in_progress') AND first_response_sla_status = 'breached'",
            "open tickets with a breached first-response SLA",
        ),
        (
            "SELECT count(*) AS n FROM support_tickets
             WHERE status IN ('open', 'in_progress') AND resolution_sla_status = 'at_risk'",
            "open tickets with an at-risk resolution SLA",
        ),
        (
            "SELECT count(*) AS n FROM churn_predictions WHERE churn_risk_level IN ('high', 'critical')",
            "high or critical churn risk",
        ),
        (
            "SELECT count(*) AS n FROM customers WHERE csm_assigned IS NULL",
            "unassigned customers",
        ),
    ] {
        assert!(count(conn, sql) > 0, "no rows for: {what}");
    }

    // Rough distributions (the in-memory test checks them tightly on more customers).
    let n = config.customers as f64;
    let share = |conn: &mut PgConnection, sql: &str| count(conn, sql) as f64 / n;
    let active = share(
        conn,
        "SELECT count(*) AS n FROM customers WHERE status = 'active'",
    );
    assert!((0.7..0.9).contains(&active), "active share {active}");
    let csms = count(
        conn,
        "SELECT count(DISTINCT csm_assigned) AS n FROM customers",
    );
    assert!(csms >= 40, "{csms} CSMs");
    let tickets = report.rows("support_tickets") as f64;
    let p0 = count(
        conn,
        "SELECT count(*) AS n FROM support_tickets WHERE priority = 'P0'",
    ) as f64;
    assert!(p0 / tickets < 0.05, "P0 share {}", p0 / tickets);

    // The planner has statistics for the new rows.
    let analyzed = count(
        conn,
        "SELECT count(*) AS n FROM pg_stat_user_tables
         WHERE relname IN ('customers', 'support_tickets', 'usage_analytics')
           AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)",
    );
    assert_eq!(analyzed, 3);
}

#[test]
fn copy_load_is_complete_and_consistent() {
    let config = config(7, LoadMethod::Copy);
    let (_db, mut conn, report) = loaded(&config);
    assert_eq!(report.method, LoadMethod::Copy);
    check_loaded(&mut conn, &report, &config);
}

#[test]
fn insert_load_is_complete_and_consistent() {
    let config = config(7, LoadMethod::Insert);
    let (_db, mut conn, report) = loaded(&config);
    assert_eq!(report.method, LoadMethod::Insert);
    check_loaded(&mut conn, &report, &config);
}

#[test]
fn loads_are_deterministic_and_method_independent() {
    let (_a, mut copy_a, report_a) = loaded(&config(7, LoadMethod::Copy));
    let (_b, mut insert_a, report_b) = loaded(&config(7, LoadMethod::Insert));
    let (_c, mut copy_b, _) = loaded(&config(8, LoadMethod::Copy));
    assert_eq!(report_a.rows_per_table, report_b.rows_per_table);

    let sums_copy = checksums(&mut copy_a);
    let sums_insert = checksums(&mut insert_a);
    assert_eq!(
        sums_copy, sums_insert,
        "same seed, same rows (ids included)"
    );
    let sums_other = checksums(&mut copy_b);
    for ((table, a), (_, b)) in sums_copy.iter().zip(&sums_other) {
        assert_ne!(a, b, "{table}: a different seed gives different rows");
    }
}

#[test]
fn a_failed_load_leaves_nothing_behind() {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    let config = DemoConfig {
        customers: 5,
        ..DemoConfig::default()
    };
    demo::load(&mut conn, &config, &mut |_| {}).expect("first load");
    let before = checksums(&mut conn);
    // The same keys again: the unique constraint stops the load and the transaction rolls back.
    let err = demo::load(&mut conn, &config, &mut |_| {}).expect_err("duplicate keys");
    assert!(
        matches!(err, customer_success_db::Error::UniqueViolation { .. }),
        "{err}"
    );
    assert_eq!(checksums(&mut conn), before);
}

#[test]
fn generation_is_deterministic() {
    let config = DemoConfig {
        customers: 150,
        ..DemoConfig::default()
    };
    let a = demo::generate(&config);
    assert_eq!(a, demo::generate(&config));
    let other = demo::generate(&DemoConfig {
        seed: 43,
        ..config.clone()
    });
    assert_ne!(a.customers, other.customers);
    // The keys depend on the customer number only, the contents on the seed.
    assert_eq!(a.customers[0].client_id, other.customers[0].client_id);
    let longer = demo::generate(&DemoConfig {
        months_of_history: 12,
        ..config
    });
    assert_eq!(longer.customers, a.customers);
    assert!(longer.health_metrics.len() > a.health_metrics.len());
}

#[test]
fn business_keys_are_unique() {
    let data = demo::generate(&DemoConfig {
        customers: 500,
        ..DemoConfig::default()
    });
    fn unique<'a>(what: &str, keys: impl Iterator<Item = &'a String>) {
        let mut seen = HashSet::new();
        for k in keys {
            assert!(seen.insert(k), "{what}: duplicate {k}");
        }
    }
    unique("client_id", data.customers.iter().map(|r| &r.client_id));
    unique("plan_id", data.onboarding_plans.iter().map(|r| &r.plan_id));
    unique(
        "milestone_id",
        data.onboarding_milestones.iter().map(|r| &r.milestone_id),
    );
    unique(
        "module_id",
        data.training_modules.iter().map(|r| &r.module_id),
    );
    unique(
        "completion_id",
        data.training_completions.iter().map(|r| &r.completion_id),
    );
    unique(
        "ticket_id",
        data.support_tickets.iter().map(|r| &r.ticket_id),
    );
    unique(
        "comment_id",
        data.ticket_comments.iter().map(|r| &r.comment_id),
    );
    unique(
        "article_id",
        data.knowledge_base_articles.iter().map(|r| &r.article_id),
    );
    unique(
        "forecast_id",
        data.renewal_forecasts.iter().map(|r| &r.forecast_id),
    );
    unique("contract_id", data.contracts.iter().map(|r| &r.contract_id));
    unique(
        "opportunity_id",
        data.expansion_opportunities
            .iter()
            .map(|r| &r.opportunity_id),
    );
    unique(
        "campaign_id",
        data.renewal_campaigns.iter().map(|r| &r.campaign_id),
    );
    unique(
        "feedback_id",
        data.customer_feedback.iter().map(|r| &r.feedback_id),
    );
    unique(
        "response_id",
        data.nps_responses.iter().map(|r| &r.response_id),
    );
    unique(
        "analysis_id",
        data.sentiment_analysis.iter().map(|r| &r.analysis_id),
    );
    unique(
        "template_id",
        data.survey_templates.iter().map(|r| &r.template_id),
    );
    unique(
        "segment_id",
        data.customer_segments.iter().map(|r| &r.segment_id),
    );
    unique(
        "cohort_id",
        data.cohort_analysis.iter().map(|r| &r.cohort_id),
    );
    assert_eq!(data.customers[41].client_id, "cust-000042");
}

fn share<T>(rows: &[T], pred: impl Fn(&T) -> bool) -> f64 {
    rows.iter().filter(|r| pred(r)).count() as f64 / rows.len().max(1) as f64
}

fn assert_near(what: &str, actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual:.4}, expected {expected} ± {tolerance}"
    );
}

#[test]
fn distributions_match_the_specification() {
    let data = demo::generate(&DemoConfig {
        customers: 4000,
        ..DemoConfig::default()
    });
    let c = &data.customers;
    let tier = |t| move |r: &customer_success_db::models::NewCustomer| r.tier == Some(t);
    assert_near("starter", share(c, tier(CustomerTier::Starter)), 0.40, 0.03);
    assert_near(
        "standard",
        share(c, tier(CustomerTier::Standard)),
        0.30,
        0.03,
    );
    assert_near(
        "professional",
        share(c, tier(CustomerTier::Professional)),
        0.20,
        0.03,
    );
    assert_near(
        "enterprise",
        share(c, tier(CustomerTier::Enterprise)),
        0.10,
        0.02,
    );
    let status = |s| move |r: &customer_success_db::models::NewCustomer| r.status == Some(s);
    assert_near(
        "active",
        share(c, status(CustomerStatus::Active)),
        0.80,
        0.03,
    );
    assert_near(
        "paused",
        share(c, status(CustomerStatus::Paused)),
        0.07,
        0.02,
    );
    assert_near(
        "pending",
        share(c, status(CustomerStatus::Pending)),
        0.05,
        0.02,
    );
    assert_near(
        "churned",
        share(c, status(CustomerStatus::Churned)),
        0.08,
        0.02,
    );
    // Lifecycle follows status.
    assert!(c.iter().all(|r| (r.status == Some(CustomerStatus::Churned))
        == (r.lifecycle_stage == Some(LifecycleStage::Churned))));
    assert!(share(c, |r| r.lifecycle_stage == Some(LifecycleStage::Active)) > 0.5);

    let health: Vec<f64> = c
        .iter()
        .filter_map(|r| r.health_score)
        .map(|h| f64::from(h.get()))
        .collect();
    assert_eq!(health.len(), c.len());
    let mean = health.iter().sum::<f64>() / health.len() as f64;
    let sd =
        (health.iter().map(|h| (h - mean) * (h - mean)).sum::<f64>() / health.len() as f64).sqrt();
    assert_near("health mean", mean, 70.0, 3.0);
    assert_near("health sd", sd, 15.0, 3.0);
    // Trend is correlated with health: decliners are less healthy than improvers.
    let mean_of = |t| {
        let v: Vec<f64> = c
            .iter()
            .filter(|r| r.health_trend == Some(t))
            .filter_map(|r| r.health_score.map(|h| f64::from(h.get())))
            .collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    assert!(mean_of(HealthTrend::Declining) + 5.0 < mean_of(HealthTrend::Improving));

    let csms: HashSet<_> = c.iter().filter_map(|r| r.csm_assigned.as_deref()).collect();
    assert_eq!(csms.len(), 50);
    let unassigned = share(c, |r| r.csm_assigned.is_none());
    assert!(unassigned > 0.0 && unassigned < 0.05, "{unassigned}");

    // Renewal dates spread over the next 12 months.
    let days: Vec<i32> = data
        .renewal_forecasts
        .iter()
        .map(|f| f.days_until_renewal)
        .collect();
    assert!(days.iter().all(|d| (-30..=365).contains(d)));
    assert!(share(&days, |d| *d > 270) > 0.1);
    assert!(share(&days, |d| (0..=90).contains(d)) > 0.15);

    // Churn: high + critical between 10% and 20%, anti-correlated with health.
    let cp = &data.churn_predictions;
    let high = share(cp, |p| {
        matches!(p.churn_risk_level, RiskLevel::High | RiskLevel::Critical)
    });
    assert!((0.10..=0.20).contains(&high), "high+critical {high}");

    // Renewals: mostly on track, about 15% at risk, some high risk.
    let rf = &data.renewal_forecasts;
    let at_risk = share(rf, |f| f.renewal_status == RenewalStatus::AtRisk);
    assert_near("renewal at_risk", at_risk, 0.15, 0.04);
    let high_risk = share(rf, |f| f.renewal_status == RenewalStatus::HighRisk);
    assert!((0.02..0.10).contains(&high_risk), "high_risk {high_risk}");
    assert!(share(rf, |f| f.renewal_status == RenewalStatus::OnTrack) > 0.5);

    // Tickets.
    let t = &data.support_tickets;
    let per_customer = t.len() as f64 / c.len() as f64;
    assert!(
        (2.5..5.0).contains(&per_customer),
        "{per_customer} tickets per customer"
    );
    for (p, expected, tol) in [
        (TicketPriority::P0, 0.02, 0.01),
        (TicketPriority::P1, 0.08, 0.02),
        (TicketPriority::P2, 0.30, 0.03),
        (TicketPriority::P3, 0.40, 0.03),
        (TicketPriority::P4, 0.20, 0.03),
    ] {
        assert_near(p.as_str(), share(t, |r| r.priority == p), expected, tol);
    }
    let open: Vec<_> = t
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                Some(TicketStatus::Open | TicketStatus::InProgress)
            )
        })
        .collect();
    assert_near(
        "open or in progress",
        open.len() as f64 / t.len() as f64,
        0.20,
        0.04,
    );
    let breached = share(&open, |r| {
        r.first_response_sla_status == Some(SlaStatus::Breached)
    });
    assert!(
        (0.04..=0.11).contains(&breached),
        "breached first response {breached}"
    );
    let res_at_risk = share(&open, |r| {
        r.resolution_sla_status == Some(SlaStatus::AtRisk)
    });
    assert_near("resolution at risk", res_at_risk, 0.10, 0.04);
    let comments = data.ticket_comments.len() as f64 / t.len() as f64;
    assert!(
        (1.0..3.0).contains(&comments),
        "{comments} comments per ticket"
    );

    // NPS skewed to 7–10.
    let nps = &data.nps_responses;
    assert!(share(nps, |r| r.score().get() >= 7) > 0.65);
    assert!(share(nps, |r| r.score().get() <= 6) > 0.05);

    // Per-customer counts within the specified ranges.
    let per = |n: usize| n as f64 / c.len() as f64;
    assert!((1.0..=3.0).contains(&per(data.health_scores.len())));
    assert!((0.0..=3.0).contains(&per(data.risk_indicators.len())));
    assert_eq!(data.churn_predictions.len(), c.len());
    assert_eq!(data.onboarding_plans.len(), c.len());
    assert!((3.0..=6.0).contains(&per(data.onboarding_milestones.len())));
    assert_eq!(data.renewal_forecasts.len(), c.len());
    assert!((1.0..=2.0).contains(&per(data.contracts.len())));
    assert!((0.0..=2.0).contains(&per(data.expansion_opportunities.len())));
    assert!((0.0..=3.0).contains(&per(data.customer_feedback.len())));
    assert!((1.0..=3.0).contains(&per(data.nps_responses.len())));
    assert_near(
        "training completions per customer",
        per(data.training_completions.len()),
        2.0,
        0.3,
    );
    // Monthly series: 6 months for every customer that existed then.
    assert!(per(data.health_metrics.len()) > 5.0 && per(data.health_metrics.len()) <= 6.0);
    assert_eq!(data.health_metrics.len(), data.engagement_metrics.len());
    assert_eq!(data.health_metrics.len(), data.usage_analytics.len());

    // Global tables.
    assert_eq!(data.training_modules.len(), 20);
    assert_eq!(data.knowledge_base_articles.len(), 30);
    assert_eq!(data.customer_segments.len(), 8);
    assert_eq!(data.renewal_campaigns.len(), 4);
    assert_eq!(data.survey_templates.len(), 6);
    // Monthly analyses over the whole portfolio, and one per customer with two or more
    // feedback items (about 30% of them).
    assert_eq!(data.portfolio_sentiment_analysis.len(), 12);
    let analysed = per(data.sentiment_analysis.len());
    assert!(analysed > 0.2 && analysed < 0.4, "{analysed}");
    assert_eq!(data.cohort_analysis.len(), 10);
}

/// Ad-hoc comparison of the two load methods (the criterion benchmarks are separate):
/// `DEMO_SIZES=1000,10000 cargo test --release --test demo -- --ignored --nocapture`.
#[test]
#[ignore = "slow; measures COPY vs INSERT"]
fn measure_load_methods() {
    let sizes: Vec<usize> = std::env::var("DEMO_SIZES")
        .unwrap_or_else(|_| "1000,10000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    for customers in sizes {
        for method in [LoadMethod::Copy, LoadMethod::Insert] {
            let db = TestDatabase::new().expect("test database");
            let mut conn = db.connect().expect("connect");
            let config = DemoConfig {
                customers,
                method,
                ..DemoConfig::default()
            };
            let report = demo::load(&mut conn, &config, &mut |_| {}).expect("load");
            let load_only = report.total_rows as f64
                / report
                    .elapsed
                    .saturating_sub(report.generate_wait + report.analyze_elapsed)
                    .as_secs_f64();
            println!(
                "{customers:>7} customers  {report}  [write only: {load_only:.0} rows/s]  peak RSS {}",
                peak_rss()
            );
        }
    }
}

/// The process's peak resident set size (Linux), for the memory notes of the measurement.
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "n/a".to_owned())
}

#[derive(QueryableByName)]
struct TimestampColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

/// The latest value of every `timestamptz` column that records something that has happened,
/// and the columns whose latest value is after `now`.
fn timestamps_after(conn: &mut PgConnection, now: chrono::DateTime<chrono::Utc>) -> Vec<String> {
    let columns: Vec<TimestampColumn> = diesel::sql_query(
        "SELECT table_name::text, column_name::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND data_type = 'timestamp with time zone' \
         ORDER BY table_name, column_name",
    )
    .load(conn)
    .expect("timestamp columns");
    assert!(columns.len() > 30, "{} timestamp columns", columns.len());
    let mut late = Vec::new();
    for c in columns {
        #[derive(QueryableByName)]
        struct Late {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let sql = format!(
            "SELECT count(*) AS n FROM {} WHERE {} > $1",
            c.table_name, c.column_name
        );
        let n = diesel::sql_query(&sql)
            .bind::<diesel::sql_types::Timestamptz, _>(now)
            .get_result::<Late>(conn)
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .n;
        if n > 0 {
            late.push(format!("{}.{} ({n} rows)", c.table_name, c.column_name));
        }
    }
    late
}

/// Issue 11: the quickstart showed tickets "created" hours after the real time, because the
/// demo data's "now" was noon of the day. With `DemoConfig::as_of` nothing is later than the
/// instant given, even just after midnight on the first of a month (when the month's analytics
/// rows are created "today").
#[test]
fn nothing_happens_after_the_configured_now() {
    use chrono::TimeZone;
    for now in [
        chrono::Utc.with_ymd_and_hms(2026, 12, 1, 0, 5, 0).unwrap(),
        chrono::Utc.with_ymd_and_hms(2026, 11, 30, 1, 5, 0).unwrap(),
        DemoConfig::default().now(),
    ] {
        let config = DemoConfig {
            customers: 150,
            ..DemoConfig::as_of(now)
        };
        assert_eq!(config.now(), now);
        let (_db, mut conn, _) = loaded(&config);
        assert_eq!(
            timestamps_after(&mut conn, now),
            Vec::<String>::new(),
            "as of {now}"
        );
        // And "now" is near: the newest open ticket was opened within the last day.
        let recent = count(
            &mut conn,
            &format!(
                "SELECT count(*) AS n FROM support_tickets WHERE created_at > \
                 '{}'::timestamptz - interval '1 day'",
                now.to_rfc3339()
            ),
        );
        assert!(recent > 0, "no ticket in the day before {now}");
    }
}
