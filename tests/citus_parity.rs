//! Parity of a distributed database with a single server (issue 12, first "Done when" item):
//! the same demo data (fixed seed, fixed "today") in a single-node test database and in a
//! migrated and distributed database on the harness's Citus cluster, then
//!
//! - every model through the crate: `create_many` of the generated rows of all 24 tables, and
//!   the rows as stored, read back with `Crud::list`, equal to what was inserted and identical
//!   on both;
//! - a few hundred customers of demo data loaded with `demo::load` (COPY), every table read
//!   back through the crate identical;
//! - a cascade (deleting one customer): the row count of every table, before and after,
//!   identical on both;
//! - the six dashboards of `queries`, `reports::nps_summary` (three groupings) and
//!   `reports::customer_360_as_of`: identical results, compared as JSON.
//!
//! Without Citus each test prints a loud SKIPPED line and passes, unless `CSDB_REQUIRE_CITUS=1`.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use common::TestDatabase;
use customer_success_db::crud::{ByKey, Crud, Page, Paged};
use customer_success_db::demo::{self, DemoConfig, DemoData};
use customer_success_db::models::*;
use customer_success_db::queries;
use customer_success_db::reports::{self, NpsGroup, NpsPeriod};
use customer_success_db::types::*;
use diesel::PgConnection;
use serde::Serialize;
use serde_json::Value;

/// The two databases of a comparison: a single server's and the Citus coordinator's.
struct Pair {
    _single: TestDatabase,
    _citus: TestDatabase,
    single: PgConnection,
    citus: PgConnection,
}

impl Pair {
    fn new(test: &str) -> Option<Pair> {
        let citus_db = common::distributed_db(test)?;
        let single_db = TestDatabase::new().expect("single-node test database");
        Some(Pair {
            single: single_db.connect().expect("connect to the single server"),
            citus: citus_db.connect().expect("connect to the coordinator"),
            _single: single_db,
            _citus: citus_db,
        })
    }

    /// Runs `f` on both databases and asserts that the results, as JSON, are identical;
    /// returns the single server's.
    fn same<T: Serialize>(
        &mut self,
        what: &str,
        mut f: impl FnMut(&mut PgConnection) -> customer_success_db::Result<T>,
    ) -> Value {
        let single = json(f(&mut self.single).unwrap_or_else(|e| panic!("{what}, single: {e}")));
        let citus = json(f(&mut self.citus).unwrap_or_else(|e| panic!("{what}, Citus: {e}")));
        assert_same(what, &single, &citus);
        match &single {
            Value::Array(rows) => println!("{what}: {} rows, identical", rows.len()),
            _ => println!("{what}: identical"),
        }
        single
    }
}

fn json(value: impl Serialize) -> Value {
    serde_json::to_value(value).expect("serialize")
}

/// Equal, or a failure that shows the first difference rather than two huge documents.
fn assert_same(what: &str, single: &Value, citus: &Value) {
    if single == citus {
        return;
    }
    if let (Value::Array(a), Value::Array(b)) = (single, citus) {
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            if x == y {
                continue;
            }
            // Name the fields that differ (rows are objects), then show the whole rows.
            let fields: Vec<String> = match (x, y) {
                (Value::Object(x), Value::Object(y)) => x
                    .iter()
                    .filter(|(k, v)| y.get(k.as_str()) != Some(v))
                    .map(|(k, v)| format!("{k}: {v} (single) vs {} (Citus)", y[k.as_str()]))
                    .collect(),
                _ => Vec::new(),
            };
            panic!("{what}: element {i} differs: {fields:?}\nsingle: {x}\nCitus:  {y}");
        }
        panic!(
            "{what}: {} rows on the single server, {} on Citus",
            a.len(),
            b.len()
        );
    }
    panic!("{what}: differs\nsingle: {single}\nCitus:  {citus}");
}

/// Every row of `T` through the crate (`Crud::list`, keyset pages of 1000), in `id` order.
fn all_rows<T: Crud + Serialize>(conn: &mut PgConnection) -> customer_success_db::Result<Vec<T>> {
    let mut rows = Vec::new();
    let mut page = Page::first(1000).after(None);
    loop {
        let part = Paged::load(page.clone(), |p| T::list(conn, p))?;
        let next = part.next_page(&page);
        rows.extend(part.rows);
        match next {
            Some(n) => page = n,
            None => return Ok(rows),
        }
    }
}

/// Calls `$m!` with the 25 tables as `table: Row`, parents before children (the demo's
/// loading order).
macro_rules! tables {
    ($m:ident, $($arg:tt)*) => {
        $m!($($arg)*;
            customers: Customer,
            training_modules: TrainingModule,
            knowledge_base_articles: KnowledgeBaseArticle,
            survey_templates: SurveyTemplate,
            health_scores: HealthScoreRecord,
            risk_indicators: RiskIndicator,
            churn_predictions: ChurnPrediction,
            onboarding_plans: OnboardingPlan,
            onboarding_milestones: OnboardingMilestone,
            training_completions: TrainingCompletion,
            support_tickets: SupportTicket,
            ticket_comments: TicketComment,
            contracts: Contract,
            renewal_forecasts: RenewalForecast,
            expansion_opportunities: ExpansionOpportunity,
            customer_feedback: CustomerFeedback,
            nps_responses: NpsResponse,
            health_metrics: HealthMetric,
            engagement_metrics: EngagementMetric,
            usage_analytics: UsageAnalytics,
            customer_segments: CustomerSegment,
            renewal_campaigns: RenewalCampaign,
            cohort_analysis: CohortAnalysis,
            sentiment_analysis: SentimentAnalysis,
            portfolio_sentiment_analysis: PortfolioSentimentAnalysis,
        )
    };
}

/// Every table read through the crate, identical on both.
macro_rules! same_tables {
    ($pair:expr; $($table:ident: $row:ty,)+) => {
        $( $pair.same(concat!(stringify!($table), ", every row"), all_rows::<$row>); )+
    };
}

/// `create_many` of the generated rows, on both, then the stored rows read back.
macro_rules! round_trip {
    ($pair:expr, $data:expr; $($table:ident: $row:ty,)+) => {
        $(
            let new = &$data.$table;
            let what = concat!(stringify!($table), ", create_many");
            let created = $pair.same(what, |c| <$row>::create_many(c, new));
            assert_eq!(
                created.as_array().map(Vec::len),
                Some(new.len()),
                "{what}: every row stored"
            );
            let read = $pair.same(
                concat!(stringify!($table), ", read back"),
                all_rows::<$row>,
            );
            assert_eq!(read, created, "{what}: read back as created");
        )+
    };
}

/// The row count of every table, in loading order.
macro_rules! counts {
    ($conn:expr; $($table:ident: $row:ty,)+) => {
        vec![$((stringify!($table), <$row>::count($conn).expect("count")),)+]
    };
}

/// A few hundred customers (the test data of "Done when"), as of the demo's fixed day: the
/// data never depends on the clock, and "now" (the SLA monitor's) is long after it, so every
/// state computed against `now()` is settled.
fn config(customers: usize) -> DemoConfig {
    DemoConfig {
        customers,
        seed: 12,
        ..DemoConfig::default()
    }
}

fn today() -> NaiveDate {
    DemoConfig::DEFAULT_TODAY
}

fn now() -> DateTime<Utc> {
    config(1).now()
}

#[test]
fn every_model_round_trips_through_the_crate_identically_on_citus() {
    let Some(mut pair) =
        Pair::new("every_model_round_trips_through_the_crate_identically_on_citus")
    else {
        return;
    };
    let data: DemoData = demo::generate(&config(20));
    for (table, n) in data.row_counts() {
        assert!(n > 0, "the generated data has {table} rows");
    }
    tables!(round_trip, pair, data);
}

#[test]
fn the_demo_data_dashboards_reports_and_a_cascade_agree_with_a_single_server() {
    let Some(mut pair) =
        Pair::new("the_demo_data_dashboards_reports_and_a_cascade_agree_with_a_single_server")
    else {
        return;
    };
    let config = config(300);
    let load = |conn: &mut PgConnection| demo::load(conn, &config, &mut |_| {});
    let single = load(&mut pair.single).expect("demo load, single server");
    let citus = load(&mut pair.citus).expect("demo load, Citus");
    for table in DemoData::TABLES {
        assert_eq!(single.rows(table), citus.rows(table), "{table} rows loaded");
        assert!(single.rows(table) > 0, "{table} has demo rows");
    }

    // Every table, through the crate.
    tables!(same_tables, pair);

    // The six dashboards, every page they have (keyset pages of 50).
    fn pages<T: customer_success_db::crud::Keyed + Serialize>(
        conn: &mut PgConnection,
        mut load: impl FnMut(
            &mut PgConnection,
            customer_success_db::crud::PageRequest,
        ) -> customer_success_db::Result<Vec<T>>,
    ) -> customer_success_db::Result<Vec<T>> {
        let mut rows = Vec::new();
        let mut page = Page::first(50).after(None);
        loop {
            let part = Paged::load(page.clone(), |p| load(conn, p))?;
            let next = part.next_page(&page);
            rows.extend(part.rows);
            match next {
                Some(n) => page = n,
                None => return Ok(rows),
            }
        }
    }
    fn nonempty(what: &str, v: Value) {
        assert!(
            v.as_array().is_some_and(|r| !r.is_empty()),
            "{what} is empty: the comparison would prove nothing"
        );
    }
    for threshold in [55, 70] {
        let t = HealthScore::new(threshold).unwrap();
        let v = pair.same(&format!("health_dashboard({threshold})"), |c| {
            pages(c, |c, p| queries::health_dashboard(c, t, p))
        });
        nonempty("health_dashboard", v);
    }
    let v = pair.same("csm_workload", |c| pages(c, queries::csm_workload));
    nonempty("csm_workload", v);
    for status in [RenewalStatus::OnTrack, RenewalStatus::AtRisk] {
        let v = pair.same(&format!("renewal_pipeline({status:?})"), |c| {
            pages(c, |c, p| {
                use diesel::RunQueryDsl;
                Ok(queries::renewal_pipeline_as_of_query(today(), 120, status, p).load(c)?)
            })
        });
        nonempty("renewal_pipeline", v);
    }
    let v = pair.same("sla_monitoring", |c| pages(c, queries::sla_monitoring));
    nonempty("sla_monitoring", v);
    let v = pair.same("churn_risk(high, critical)", |c| {
        pages(c, |c, p| {
            queries::churn_risk(c, &[RiskLevel::High, RiskLevel::Critical], p)
        })
    });
    nonempty("churn_risk", v);
    // The CSM of the first customer that has one, in every lifecycle stage.
    let csm = Customer::list(&mut pair.single, Page::first(50))
        .unwrap()
        .into_iter()
        .find_map(|c| c.csm_assigned)
        .expect("a customer with a CSM");
    let mut csm_rows = 0;
    for stage in LifecycleStage::ALL {
        let v = pair.same(&format!("csm_customers({csm}, {stage:?})"), |c| {
            pages(c, |c, p| queries::csm_customers(c, &csm, *stage, p))
        });
        csm_rows += v.as_array().map_or(0, Vec::len);
    }
    assert!(csm_rows > 0, "{csm} has customers");

    // NPS, every grouping, over the whole history and over the last 90 days.
    for period in [
        NpsPeriod::dates(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), today()),
        NpsPeriod::last_days(now(), 90),
    ] {
        for group in [NpsGroup::All, NpsGroup::Csm, NpsGroup::Tier] {
            let v = pair.same(&format!("nps_summary({group:?}, {period:?})"), |c| {
                reports::nps_summary(c, &period, group)
            });
            nonempty("nps_summary", v);
        }
    }

    // The customer 360 of customers with open tickets, onboarding and renewals.
    let clients: Vec<String> = Customer::list(&mut pair.single, Page::first(300))
        .unwrap()
        .into_iter()
        .map(|c| c.client_id)
        .step_by(37)
        .collect();
    assert!(clients.len() >= 5, "{clients:?}");
    for client in &clients {
        pair.same(&format!("customer_360({client})"), |c| {
            reports::customer_360_as_of(c, client, now())
        });
    }

    // A cascade: one customer deleted, the count of every table before and after identical.
    let victim = clients[1].clone();
    let before = pair.same("row counts before the cascade", |c| Ok(tables!(counts, c)));
    pair.same(&format!("delete {victim}"), |c| {
        Customer::delete_by_key(c, &victim)
    });
    let after = pair.same("row counts after the cascade", |c| Ok(tables!(counts, c)));
    assert_ne!(before, after, "the cascade deleted rows");
    for (table, gone) in [
        ("customers", 1),
        ("churn_predictions", 1),
        ("onboarding_plans", 1),
    ] {
        let n = |v: &Value| {
            v.as_array()
                .unwrap()
                .iter()
                .find(|p| p[0] == table)
                .map(|p| p[1].as_i64().unwrap())
                .unwrap()
        };
        assert_eq!(n(&before) - n(&after), gone, "{table}");
    }
    assert!(Customer::find_by_key(&mut pair.citus, &victim)
        .unwrap()
        .is_none());
}

#[test]
fn create_many_and_upsert_many_return_rows_in_input_order_on_citus() {
    let Some(mut pair) =
        Pair::new("create_many_and_upsert_many_return_rows_in_input_order_on_citus")
    else {
        return;
    };
    let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    // Enough customers to land on every shard; given in an order that is neither the keys' nor
    // the shards'.
    let keys: Vec<String> = (0..24).map(|i| format!("c{:02}", (i * 7) % 24)).collect();
    let new: Vec<NewCustomer> = keys
        .iter()
        .map(|k| NewCustomer::new(k.as_str(), k.as_str(), "Co", day))
        .collect();
    for conn in [&mut pair.single, &mut pair.citus] {
        let created = Customer::create_many(conn, &new).unwrap();
        let got: Vec<&str> = created.iter().map(|c| c.client_id.as_str()).collect();
        assert_eq!(got, keys, "create_many: rows in input order");
        let ids: Vec<i64> = created.iter().map(|c| c.id).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");

        // Upserts: the existing rows keep their ids, so the input order is not the id order.
        let mut again = new.clone();
        again.reverse();
        again.push(NewCustomer::new("c99", "new", "Co", day));
        let upserted = Customer::upsert_many(conn, &again).unwrap();
        let got: Vec<&str> = upserted.iter().map(|c| c.client_id.as_str()).collect();
        let want: Vec<&str> = again.iter().map(|c| c.client_id.as_str()).collect();
        assert_eq!(got, want, "upsert_many: rows in input order");
    }
}
