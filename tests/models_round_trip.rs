//! Every table through its typed structs: insert with every column populated and with every
//! nullable column NULL, read back equal, update through the changeset, delete.
//! (Generated from the schema specification.)
#![allow(clippy::field_reassign_with_default)]
mod common;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::TestDatabase;
use customer_success_db::crud::{ByClient, ByKey, Crud, Page};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::Error;
use diesel::PgConnection;

const CLIENT: &str = "cust-1";
const PLAN: &str = "plan-1";
const MODULE: &str = "module-1";
const TICKET: &str = "ticket-1";

/// A string of exactly `len` characters (multi-byte ones included: varchar counts characters).
fn fill(prefix: &str, len: usize, variant: usize) -> String {
    let mut s = format!("{prefix}-{variant}-{}-", common::unique());
    while s.chars().count() < len {
        s.push(if s.len() % 2 == 0 { 'ü' } else { 'x' });
    }
    s.chars().take(len).collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
/// PostgreSQL keeps microseconds; a value with nanoseconds would not round-trip.
fn ts(variant: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 12, 30, 45).unwrap()
        + chrono::Duration::microseconds(123_456 + variant)
}
fn money(s: &str) -> Money {
    s.parse().unwrap()
}
fn json_sample(variant: i64) -> serde_json::Value {
    serde_json::json!({"k": [1, "two", {"three": 3.5}], "unicode": "ü", "v": variant})
}

fn parents(conn: &mut PgConnection) {
    Customer::create(
        conn,
        &NewCustomer::new(CLIENT, "Client", "Client Co", date(2024, 1, 1)),
    )
    .unwrap();
    let plan = NewOnboardingPlan::new(
        PLAN,
        CLIENT,
        "Plan",
        "enterprise",
        date(2024, 1, 1),
        date(2024, 3, 1),
        Count::new(8).unwrap(),
        json_sample(0),
        json_sample(0),
    );
    OnboardingPlan::create(conn, &plan).unwrap();
    let module = NewTrainingModule::new(
        MODULE,
        "Module",
        "About",
        TrainingFormat::Video,
        Count::new(30).unwrap(),
        StringList::default(),
        StringList::default(),
    );
    TrainingModule::create(conn, &module).unwrap();
    let ticket = NewSupportTicket::new(
        TICKET,
        CLIENT,
        "Subject",
        "Body",
        TicketPriority::P1,
        TicketCategory::Other,
        "r@x.io",
        "R",
        Count::new(60).unwrap(),
        Count::new(240).unwrap(),
    );
    SupportTicket::create(conn, &ticket).unwrap();
}

#[test]
fn customers_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewCustomer::new(
        fill("client_id", 100, 0),
        fill("client_name", 200, 0),
        fill("company_name", 200, 0),
        date(2025, 3, 9),
    );
    let mut full = base.clone();
    full.industry = Some(fill("industry", 100, 0));
    full.tier = Some(CustomerTier::ALL[5 % CustomerTier::ALL.len()]);
    full.lifecycle_stage = Some(LifecycleStage::ALL[6 % LifecycleStage::ALL.len()]);
    full.contract_value = Some(money("13045.67"));
    full.contract_end_date = Some(date(2025, 3, 10));
    full.renewal_date = Some(date(2025, 3, 11));
    full.primary_contact_email = Some(fill("primary_contact_email", 255, 0));
    full.primary_contact_name = Some(fill("primary_contact_name", 200, 0));
    full.csm_assigned = Some(fill("csm_assigned", 200, 0));
    full.health_score = Some(HealthScore::new(54).unwrap());
    full.health_trend = Some(HealthTrend::ALL[15 % HealthTrend::ALL.len()]);
    full.last_engagement_date = Some(ts(16000));
    full.status = Some(CustomerStatus::ALL[17 % CustomerStatus::ALL.len()]);
    full.created_at = Some(ts(18000));
    full.updated_at = Some(ts(19000));
    let row = Customer::create(conn, &full).unwrap();
    assert_eq!(Customer::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "customers.client_id");
    assert_eq!(row.client_name, full.client_name, "customers.client_name");
    assert_eq!(
        row.company_name, full.company_name,
        "customers.company_name"
    );
    assert_eq!(
        Some(row.industry.clone()),
        full.industry,
        "customers.industry"
    );
    assert_eq!(Some(row.tier), full.tier, "customers.tier");
    assert_eq!(
        Some(row.lifecycle_stage),
        full.lifecycle_stage,
        "customers.lifecycle_stage"
    );
    assert_eq!(
        Some(row.contract_value.clone()),
        full.contract_value,
        "customers.contract_value"
    );
    assert_eq!(
        row.contract_start_date, full.contract_start_date,
        "customers.contract_start_date"
    );
    assert_eq!(
        row.contract_end_date, full.contract_end_date,
        "customers.contract_end_date"
    );
    assert_eq!(
        row.renewal_date, full.renewal_date,
        "customers.renewal_date"
    );
    assert_eq!(
        row.primary_contact_email, full.primary_contact_email,
        "customers.primary_contact_email"
    );
    assert_eq!(
        row.primary_contact_name, full.primary_contact_name,
        "customers.primary_contact_name"
    );
    assert_eq!(
        row.csm_assigned, full.csm_assigned,
        "customers.csm_assigned"
    );
    assert_eq!(
        Some(row.health_score),
        full.health_score,
        "customers.health_score"
    );
    assert_eq!(
        Some(row.health_trend),
        full.health_trend,
        "customers.health_trend"
    );
    assert_eq!(
        row.last_engagement_date, full.last_engagement_date,
        "customers.last_engagement_date"
    );
    assert_eq!(Some(row.status), full.status, "customers.status");
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "customers.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "customers.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<Customer>(&json).unwrap(), row);
    let minimal = Customer::create(
        conn,
        &NewCustomer::new(
            fill("client_id", 100, 1),
            fill("client_name", 200, 1),
            fill("company_name", 200, 1),
            date(2025, 3, 10),
        ),
    )
    .unwrap();
    assert_eq!(Customer::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.contract_end_date, None,
        "customers.contract_end_date"
    );
    assert_eq!(minimal.renewal_date, None, "customers.renewal_date");
    assert_eq!(
        minimal.primary_contact_email, None,
        "customers.primary_contact_email"
    );
    assert_eq!(
        minimal.primary_contact_name, None,
        "customers.primary_contact_name"
    );
    assert_eq!(minimal.csm_assigned, None, "customers.csm_assigned");
    assert_eq!(
        minimal.last_engagement_date, None,
        "customers.last_engagement_date"
    );
    let mut changes = CustomerChanges::default();
    changes.client_name = Some(fill("client_name", 200, 1));
    changes.company_name = Some(fill("company_name", 200, 1));
    changes.contract_end_date = Some(None);
    let updated = Customer::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.client_name.clone()),
        changes.client_name,
        "customers.client_name updated"
    );
    assert_eq!(
        Some(updated.company_name.clone()),
        changes.company_name,
        "customers.company_name updated"
    );
    assert_eq!(
        updated.contract_end_date, None,
        "customers.contract_end_date set NULL"
    );
    assert_eq!(
        updated.industry, row.industry,
        "customers.industry left alone"
    );
    assert_eq!(updated.tier, row.tier, "customers.tier left alone");
    assert_eq!(
        updated.lifecycle_stage, row.lifecycle_stage,
        "customers.lifecycle_stage left alone"
    );
    assert_eq!(
        Customer::update(conn, row.id, &CustomerChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.client_id.clone();
    assert_eq!(Customer::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(Customer::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        Customer::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        Customer::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        Customer::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        0
    );
    assert_eq!(
        Customer::list(conn, Page::default()).unwrap().len() as i64,
        Customer::count(conn).unwrap()
    );
    assert!(Customer::delete(conn, row.id).unwrap());
    assert!(!Customer::delete(conn, row.id).unwrap());
    match Customer::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("customers")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Customer::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn health_scores_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewHealthScoreRecord::new(
        CLIENT,
        HealthComponents {
            usage: ComponentScore::new(90.0).unwrap(),
            engagement: ComponentScore::new(80.0).unwrap(),
            support: ComponentScore::new(70.0).unwrap(),
            satisfaction: ComponentScore::new(60.0).unwrap(),
            payment: ComponentScore::new(50.0).unwrap(),
        },
        HealthWeights::new(0.4, 0.3, 0.15, 0.1, 0.05).unwrap(),
    );
    let mut full = base.clone();
    full.created_at = Some(ts(13000));
    full.updated_at = Some(ts(14000));
    let row = HealthScoreRecord::create(conn, &full).unwrap();
    assert_eq!(HealthScoreRecord::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "health_scores.client_id");
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "health_scores.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "health_scores.updated_at"
    );
    assert_eq!(row.usage_score.get(), 90.0, "health_scores.usage_score");
    assert_eq!(
        row.engagement_score.get(),
        80.0,
        "health_scores.engagement_score"
    );
    assert_eq!(row.support_score.get(), 70.0, "health_scores.support_score");
    assert_eq!(
        row.satisfaction_score.get(),
        60.0,
        "health_scores.satisfaction_score"
    );
    assert_eq!(row.payment_score.get(), 50.0, "health_scores.payment_score");
    assert_eq!(row.usage_weight.get(), 0.4, "health_scores.usage_weight");
    assert_eq!(
        row.engagement_weight.get(),
        0.3,
        "health_scores.engagement_weight"
    );
    assert_eq!(
        row.support_weight.get(),
        0.15,
        "health_scores.support_weight"
    );
    assert_eq!(
        row.satisfaction_weight.get(),
        0.1,
        "health_scores.satisfaction_weight"
    );
    assert_eq!(
        row.payment_weight.get(),
        0.05,
        "health_scores.payment_weight"
    );
    assert_eq!(row.overall_score, full.overall_score());
    assert!((row.overall_score.unwrap().get() - 79.0).abs() < 1e-9);
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<HealthScoreRecord>(&json).unwrap(),
        row
    );
    let minimal = HealthScoreRecord::create(
        conn,
        &NewHealthScoreRecord::new(
            CLIENT,
            HealthComponents {
                usage: ComponentScore::new(90.0).unwrap(),
                engagement: ComponentScore::new(80.0).unwrap(),
                support: ComponentScore::new(70.0).unwrap(),
                satisfaction: ComponentScore::new(60.0).unwrap(),
                payment: ComponentScore::new(50.0).unwrap(),
            },
            HealthWeights::new(0.4, 0.3, 0.15, 0.1, 0.05).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(HealthScoreRecord::get(conn, minimal.id).unwrap(), minimal);
    let changes = HealthScoreRecordChanges::default();
    let updated = HealthScoreRecord::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        HealthScoreRecord::update(conn, row.id, &HealthScoreRecordChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let w = HealthWeights::new(0.1, 0.2, 0.3, 0.25, 0.15).unwrap();
    let re = HealthScoreRecord::update(
        conn,
        row.id,
        &HealthScoreRecordChanges::recompute(row.components(), w),
    )
    .unwrap();
    assert!((re.overall_score.unwrap().get() - 68.5).abs() < 1e-9);
    assert_eq!(re.weights().unwrap(), w);
    assert_eq!(re.components(), row.components());
    assert_eq!(
        HealthScoreRecord::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        HealthScoreRecord::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        HealthScoreRecord::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        HealthScoreRecord::count(conn).unwrap()
    );
    assert!(HealthScoreRecord::delete(conn, row.id).unwrap());
    assert!(!HealthScoreRecord::delete(conn, row.id).unwrap());
    match HealthScoreRecord::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("health_scores")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        HealthScoreRecord::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn customer_segments_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewCustomerSegment::new(
        fill("segment_id", 100, 0),
        fill("segment_name", 200, 0),
        fill("segment_type", 50, 0),
        json_sample(4),
    );
    let mut full = base.clone();
    full.characteristics = Some(json_sample(5));
    full.engagement_strategy = Some(json_sample(6));
    full.success_metrics = Some(json_sample(7));
    full.customer_count = Some(Count::new(15).unwrap());
    full.total_arr = Some(money("13245.67"));
    full.avg_health_score = Some(ComponentScore::new(60.5).unwrap());
    full.created_at = Some(ts(11000));
    full.updated_at = Some(ts(12000));
    let row = CustomerSegment::create(conn, &full).unwrap();
    assert_eq!(CustomerSegment::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.segment_id, full.segment_id,
        "customer_segments.segment_id"
    );
    assert_eq!(
        row.segment_name, full.segment_name,
        "customer_segments.segment_name"
    );
    assert_eq!(
        row.segment_type, full.segment_type,
        "customer_segments.segment_type"
    );
    assert_eq!(row.criteria, full.criteria, "customer_segments.criteria");
    assert_eq!(
        Some(row.characteristics.clone()),
        full.characteristics,
        "customer_segments.characteristics"
    );
    assert_eq!(
        Some(row.engagement_strategy.clone()),
        full.engagement_strategy,
        "customer_segments.engagement_strategy"
    );
    assert_eq!(
        Some(row.success_metrics.clone()),
        full.success_metrics,
        "customer_segments.success_metrics"
    );
    assert_eq!(
        Some(row.customer_count),
        full.customer_count,
        "customer_segments.customer_count"
    );
    assert_eq!(
        Some(row.total_arr.clone()),
        full.total_arr,
        "customer_segments.total_arr"
    );
    assert_eq!(
        Some(row.avg_health_score),
        full.avg_health_score,
        "customer_segments.avg_health_score"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "customer_segments.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "customer_segments.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<CustomerSegment>(&json).unwrap(), row);
    let minimal = CustomerSegment::create(
        conn,
        &NewCustomerSegment::new(
            fill("segment_id", 100, 1),
            fill("segment_name", 200, 1),
            fill("segment_type", 50, 1),
            json_sample(104),
        ),
    )
    .unwrap();
    assert_eq!(CustomerSegment::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = CustomerSegmentChanges::default();
    changes.segment_name = Some(fill("segment_name", 200, 1));
    changes.segment_type = Some(fill("segment_type", 50, 1));
    let updated = CustomerSegment::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.segment_name.clone()),
        changes.segment_name,
        "customer_segments.segment_name updated"
    );
    assert_eq!(
        Some(updated.segment_type.clone()),
        changes.segment_type,
        "customer_segments.segment_type updated"
    );
    assert_eq!(
        updated.criteria, row.criteria,
        "customer_segments.criteria left alone"
    );
    assert_eq!(
        updated.characteristics, row.characteristics,
        "customer_segments.characteristics left alone"
    );
    assert_eq!(
        updated.engagement_strategy, row.engagement_strategy,
        "customer_segments.engagement_strategy left alone"
    );
    assert_eq!(
        CustomerSegment::update(conn, row.id, &CustomerSegmentChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.segment_id.clone();
    assert_eq!(CustomerSegment::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(CustomerSegment::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        CustomerSegment::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        CustomerSegment::list(conn, Page::default()).unwrap().len() as i64,
        CustomerSegment::count(conn).unwrap()
    );
    assert!(CustomerSegment::delete(conn, row.id).unwrap());
    assert!(!CustomerSegment::delete(conn, row.id).unwrap());
    match CustomerSegment::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("customer_segments")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        CustomerSegment::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn risk_indicators_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewRiskIndicator::new(
        CLIENT.to_owned(),
        fill("indicator_id", 100, 0),
        fill("indicator_name", 200, 0),
        fill("category", 50, 0),
        RiskLevel::ALL[5 % RiskLevel::ALL.len()],
        FiniteF64::new(-9.25).unwrap(),
        FiniteF64::new(-10.25).unwrap(),
        fill("description", 300, 0),
    );
    let mut full = base.clone();
    full.mitigation_actions = Some(json_sample(9));
    full.detected_at = Some(ts(10000));
    full.resolved_at = Some(ts(11000));
    let row = RiskIndicator::create(conn, &full).unwrap();
    assert_eq!(RiskIndicator::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "risk_indicators.client_id");
    assert_eq!(
        row.indicator_id, full.indicator_id,
        "risk_indicators.indicator_id"
    );
    assert_eq!(
        row.indicator_name, full.indicator_name,
        "risk_indicators.indicator_name"
    );
    assert_eq!(row.category, full.category, "risk_indicators.category");
    assert_eq!(row.severity, full.severity, "risk_indicators.severity");
    assert_eq!(
        row.current_value, full.current_value,
        "risk_indicators.current_value"
    );
    assert_eq!(
        row.threshold_value, full.threshold_value,
        "risk_indicators.threshold_value"
    );
    assert_eq!(
        row.description, full.description,
        "risk_indicators.description"
    );
    assert_eq!(
        Some(row.mitigation_actions.clone()),
        full.mitigation_actions,
        "risk_indicators.mitigation_actions"
    );
    assert_eq!(
        Some(row.detected_at),
        full.detected_at,
        "risk_indicators.detected_at"
    );
    assert_eq!(
        row.resolved_at, full.resolved_at,
        "risk_indicators.resolved_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<RiskIndicator>(&json).unwrap(), row);
    let minimal = RiskIndicator::create(
        conn,
        &NewRiskIndicator::new(
            CLIENT.to_owned(),
            fill("indicator_id", 100, 1),
            fill("indicator_name", 200, 1),
            fill("category", 50, 1),
            RiskLevel::ALL[6 % RiskLevel::ALL.len()],
            FiniteF64::new(-10.25).unwrap(),
            FiniteF64::new(-11.25).unwrap(),
            fill("description", 300, 1),
        ),
    )
    .unwrap();
    assert_eq!(RiskIndicator::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.resolved_at, None, "risk_indicators.resolved_at");
    let mut changes = RiskIndicatorChanges::default();
    changes.indicator_id = Some(fill("indicator_id", 100, 1));
    changes.indicator_name = Some(fill("indicator_name", 200, 1));
    changes.resolved_at = Some(None);
    let updated = RiskIndicator::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.indicator_id.clone()),
        changes.indicator_id,
        "risk_indicators.indicator_id updated"
    );
    assert_eq!(
        Some(updated.indicator_name.clone()),
        changes.indicator_name,
        "risk_indicators.indicator_name updated"
    );
    assert_eq!(
        updated.resolved_at, None,
        "risk_indicators.resolved_at set NULL"
    );
    assert_eq!(
        updated.category, row.category,
        "risk_indicators.category left alone"
    );
    assert_eq!(
        updated.severity, row.severity,
        "risk_indicators.severity left alone"
    );
    assert_eq!(
        updated.current_value, row.current_value,
        "risk_indicators.current_value left alone"
    );
    assert_eq!(
        RiskIndicator::update(conn, row.id, &RiskIndicatorChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        RiskIndicator::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        RiskIndicator::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        RiskIndicator::list(conn, Page::default()).unwrap().len() as i64,
        RiskIndicator::count(conn).unwrap()
    );
    assert!(RiskIndicator::delete(conn, row.id).unwrap());
    assert!(!RiskIndicator::delete(conn, row.id).unwrap());
    match RiskIndicator::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("risk_indicators")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        RiskIndicator::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn churn_predictions_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewChurnPrediction::new(
        CLIENT.to_owned(),
        Probability::new(0.13).unwrap(),
        RiskLevel::ALL[4 % RiskLevel::ALL.len()],
        Fraction::new(0.35).unwrap(),
    );
    let mut full = base.clone();
    full.prediction_date = Some(ts(2000));
    full.contributing_factors = Some(json_sample(6));
    full.predicted_churn_date = Some(date(2025, 3, 8));
    full.retention_recommendations = Some(json_sample(8));
    full.model_version = Some(fill("model_version", 20, 0));
    let row = ChurnPrediction::create(conn, &full).unwrap();
    assert_eq!(ChurnPrediction::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "churn_predictions.client_id");
    assert_eq!(
        Some(row.prediction_date),
        full.prediction_date,
        "churn_predictions.prediction_date"
    );
    assert_eq!(
        row.churn_probability, full.churn_probability,
        "churn_predictions.churn_probability"
    );
    assert_eq!(
        row.churn_risk_level, full.churn_risk_level,
        "churn_predictions.churn_risk_level"
    );
    assert_eq!(
        row.confidence_score, full.confidence_score,
        "churn_predictions.confidence_score"
    );
    assert_eq!(
        Some(row.contributing_factors.clone()),
        full.contributing_factors,
        "churn_predictions.contributing_factors"
    );
    assert_eq!(
        row.predicted_churn_date, full.predicted_churn_date,
        "churn_predictions.predicted_churn_date"
    );
    assert_eq!(
        Some(row.retention_recommendations.clone()),
        full.retention_recommendations,
        "churn_predictions.retention_recommendations"
    );
    assert_eq!(
        Some(row.model_version.clone()),
        full.model_version,
        "churn_predictions.model_version"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<ChurnPrediction>(&json).unwrap(), row);
    let minimal = ChurnPrediction::create(
        conn,
        &NewChurnPrediction::new(
            CLIENT.to_owned(),
            Probability::new(0.23).unwrap(),
            RiskLevel::ALL[5 % RiskLevel::ALL.len()],
            Fraction::new(0.44999999999999996).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(ChurnPrediction::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.predicted_churn_date, None,
        "churn_predictions.predicted_churn_date"
    );
    let mut changes = ChurnPredictionChanges::default();
    changes.prediction_date = Some(ts(2001));
    changes.churn_probability = Some(Probability::new(0.23).unwrap());
    changes.predicted_churn_date = Some(None);
    let updated = ChurnPrediction::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.prediction_date),
        changes.prediction_date,
        "churn_predictions.prediction_date updated"
    );
    assert_eq!(
        Some(updated.churn_probability),
        changes.churn_probability,
        "churn_predictions.churn_probability updated"
    );
    assert_eq!(
        updated.predicted_churn_date, None,
        "churn_predictions.predicted_churn_date set NULL"
    );
    assert_eq!(
        updated.churn_risk_level, row.churn_risk_level,
        "churn_predictions.churn_risk_level left alone"
    );
    assert_eq!(
        updated.confidence_score, row.confidence_score,
        "churn_predictions.confidence_score left alone"
    );
    assert_eq!(
        updated.contributing_factors, row.contributing_factors,
        "churn_predictions.contributing_factors left alone"
    );
    assert_eq!(
        ChurnPrediction::update(conn, row.id, &ChurnPredictionChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        ChurnPrediction::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ChurnPrediction::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ChurnPrediction::list(conn, Page::default()).unwrap().len() as i64,
        ChurnPrediction::count(conn).unwrap()
    );
    assert!(ChurnPrediction::delete(conn, row.id).unwrap());
    assert!(!ChurnPrediction::delete(conn, row.id).unwrap());
    match ChurnPrediction::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("churn_predictions")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        ChurnPrediction::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn onboarding_plans_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewOnboardingPlan::new(
        fill("plan_id", 100, 0),
        CLIENT.to_owned(),
        fill("plan_name", 200, 0),
        fill("product_tier", 50, 0),
        date(2025, 3, 6),
        date(2025, 3, 7),
        Count::new(15).unwrap(),
        json_sample(9),
        json_sample(10),
    );
    let mut full = base.clone();
    full.actual_completion_date = Some(date(2025, 3, 8));
    full.total_estimated_hours = Some(Count::new(18).unwrap());
    full.assigned_csm = Some(fill("assigned_csm", 200, 0));
    full.assigned_implementation_team = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "assigned_implementation_team-0".to_owned(),
    ]));
    full.status = Some(OnboardingStatus::ALL[14 % OnboardingStatus::ALL.len()]);
    full.completion_percentage = Some(Percentage::new(25.5).unwrap());
    full.created_at = Some(ts(16000));
    full.updated_at = Some(ts(17000));
    let row = OnboardingPlan::create(conn, &full).unwrap();
    assert_eq!(OnboardingPlan::get(conn, row.id).unwrap(), row);
    assert_eq!(row.plan_id, full.plan_id, "onboarding_plans.plan_id");
    assert_eq!(row.client_id, full.client_id, "onboarding_plans.client_id");
    assert_eq!(row.plan_name, full.plan_name, "onboarding_plans.plan_name");
    assert_eq!(
        row.product_tier, full.product_tier,
        "onboarding_plans.product_tier"
    );
    assert_eq!(
        row.start_date, full.start_date,
        "onboarding_plans.start_date"
    );
    assert_eq!(
        row.target_completion_date, full.target_completion_date,
        "onboarding_plans.target_completion_date"
    );
    assert_eq!(
        row.actual_completion_date, full.actual_completion_date,
        "onboarding_plans.actual_completion_date"
    );
    assert_eq!(
        row.timeline_weeks, full.timeline_weeks,
        "onboarding_plans.timeline_weeks"
    );
    assert_eq!(
        row.customer_goals, full.customer_goals,
        "onboarding_plans.customer_goals"
    );
    assert_eq!(
        row.success_criteria, full.success_criteria,
        "onboarding_plans.success_criteria"
    );
    assert_eq!(
        Some(row.total_estimated_hours),
        full.total_estimated_hours,
        "onboarding_plans.total_estimated_hours"
    );
    assert_eq!(
        row.assigned_csm, full.assigned_csm,
        "onboarding_plans.assigned_csm"
    );
    assert_eq!(
        Some(row.assigned_implementation_team.clone()),
        full.assigned_implementation_team,
        "onboarding_plans.assigned_implementation_team"
    );
    assert_eq!(Some(row.status), full.status, "onboarding_plans.status");
    assert_eq!(
        Some(row.completion_percentage),
        full.completion_percentage,
        "onboarding_plans.completion_percentage"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "onboarding_plans.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "onboarding_plans.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<OnboardingPlan>(&json).unwrap(), row);
    let minimal = OnboardingPlan::create(
        conn,
        &NewOnboardingPlan::new(
            fill("plan_id", 100, 1),
            CLIENT.to_owned(),
            fill("plan_name", 200, 1),
            fill("product_tier", 50, 1),
            date(2025, 3, 7),
            date(2025, 3, 8),
            Count::new(16).unwrap(),
            json_sample(109),
            json_sample(110),
        ),
    )
    .unwrap();
    assert_eq!(OnboardingPlan::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.actual_completion_date, None,
        "onboarding_plans.actual_completion_date"
    );
    assert_eq!(minimal.assigned_csm, None, "onboarding_plans.assigned_csm");
    let mut changes = OnboardingPlanChanges::default();
    changes.plan_name = Some(fill("plan_name", 200, 1));
    changes.product_tier = Some(fill("product_tier", 50, 1));
    changes.actual_completion_date = Some(None);
    let updated = OnboardingPlan::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.plan_name.clone()),
        changes.plan_name,
        "onboarding_plans.plan_name updated"
    );
    assert_eq!(
        Some(updated.product_tier.clone()),
        changes.product_tier,
        "onboarding_plans.product_tier updated"
    );
    assert_eq!(
        updated.actual_completion_date, None,
        "onboarding_plans.actual_completion_date set NULL"
    );
    assert_eq!(
        updated.start_date, row.start_date,
        "onboarding_plans.start_date left alone"
    );
    assert_eq!(
        updated.target_completion_date, row.target_completion_date,
        "onboarding_plans.target_completion_date left alone"
    );
    assert_eq!(
        updated.timeline_weeks, row.timeline_weeks,
        "onboarding_plans.timeline_weeks left alone"
    );
    assert_eq!(
        OnboardingPlan::update(conn, row.id, &OnboardingPlanChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.plan_id.clone();
    assert_eq!(OnboardingPlan::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(OnboardingPlan::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        OnboardingPlan::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        OnboardingPlan::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        OnboardingPlan::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        OnboardingPlan::list(conn, Page::default()).unwrap().len() as i64,
        OnboardingPlan::count(conn).unwrap()
    );
    assert!(OnboardingPlan::delete(conn, row.id).unwrap());
    assert!(!OnboardingPlan::delete(conn, row.id).unwrap());
    match OnboardingPlan::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("onboarding_plans")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        OnboardingPlan::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn onboarding_milestones_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewOnboardingMilestone::new(
        fill("milestone_id", 100, 0),
        PLAN.to_owned(),
        fill("name", 200, 0),
        fill("description", 300, 0),
        Count::new(12).unwrap(),
        Count::new(13).unwrap(),
        json_sample(7),
        Count::new(17).unwrap(),
        CLIENT.to_owned(),
    );
    let mut full = base.clone();
    full.success_criteria = Some(json_sample(8));
    full.dependencies = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "dependencies-0".to_owned(),
    ]));
    full.actual_hours = Some(Count::new(18).unwrap());
    full.assigned_to = Some(fill("assigned_to", 200, 0));
    full.due_date = Some(date(2025, 3, 14));
    full.completion_date = Some(date(2025, 3, 15));
    full.status = Some(MilestoneStatus::ALL[15 % MilestoneStatus::ALL.len()]);
    full.completion_percentage = Some(Percentage::new(26.5).unwrap());
    full.blockers = Some(json_sample(17));
    let row = OnboardingMilestone::create(conn, &full).unwrap();
    assert_eq!(OnboardingMilestone::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.milestone_id, full.milestone_id,
        "onboarding_milestones.milestone_id"
    );
    assert_eq!(row.plan_id, full.plan_id, "onboarding_milestones.plan_id");
    assert_eq!(row.name, full.name, "onboarding_milestones.name");
    assert_eq!(
        row.description, full.description,
        "onboarding_milestones.description"
    );
    assert_eq!(row.week, full.week, "onboarding_milestones.week");
    assert_eq!(
        row.sequence_order, full.sequence_order,
        "onboarding_milestones.sequence_order"
    );
    assert_eq!(row.tasks, full.tasks, "onboarding_milestones.tasks");
    assert_eq!(
        Some(row.success_criteria.clone()),
        full.success_criteria,
        "onboarding_milestones.success_criteria"
    );
    assert_eq!(
        Some(row.dependencies.clone()),
        full.dependencies,
        "onboarding_milestones.dependencies"
    );
    assert_eq!(
        row.estimated_hours, full.estimated_hours,
        "onboarding_milestones.estimated_hours"
    );
    assert_eq!(
        row.actual_hours, full.actual_hours,
        "onboarding_milestones.actual_hours"
    );
    assert_eq!(
        row.assigned_to, full.assigned_to,
        "onboarding_milestones.assigned_to"
    );
    assert_eq!(
        row.due_date, full.due_date,
        "onboarding_milestones.due_date"
    );
    assert_eq!(
        row.completion_date, full.completion_date,
        "onboarding_milestones.completion_date"
    );
    assert_eq!(
        Some(row.status),
        full.status,
        "onboarding_milestones.status"
    );
    assert_eq!(
        Some(row.completion_percentage),
        full.completion_percentage,
        "onboarding_milestones.completion_percentage"
    );
    assert_eq!(
        Some(row.blockers.clone()),
        full.blockers,
        "onboarding_milestones.blockers"
    );
    assert_eq!(
        row.client_id, full.client_id,
        "onboarding_milestones.client_id"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<OnboardingMilestone>(&json).unwrap(),
        row
    );
    let minimal = OnboardingMilestone::create(
        conn,
        &NewOnboardingMilestone::new(
            fill("milestone_id", 100, 1),
            PLAN.to_owned(),
            fill("name", 200, 1),
            fill("description", 300, 1),
            Count::new(13).unwrap(),
            Count::new(14).unwrap(),
            json_sample(107),
            Count::new(18).unwrap(),
            CLIENT.to_owned(),
        ),
    )
    .unwrap();
    assert_eq!(OnboardingMilestone::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.actual_hours, None,
        "onboarding_milestones.actual_hours"
    );
    assert_eq!(
        minimal.assigned_to, None,
        "onboarding_milestones.assigned_to"
    );
    assert_eq!(minimal.due_date, None, "onboarding_milestones.due_date");
    assert_eq!(
        minimal.completion_date, None,
        "onboarding_milestones.completion_date"
    );
    let mut changes = OnboardingMilestoneChanges::default();
    changes.milestone_id = Some(fill("milestone_id", 100, 1));
    changes.name = Some(fill("name", 200, 1));
    changes.actual_hours = Some(None);
    let updated = OnboardingMilestone::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.milestone_id.clone()),
        changes.milestone_id,
        "onboarding_milestones.milestone_id updated"
    );
    assert_eq!(
        Some(updated.name.clone()),
        changes.name,
        "onboarding_milestones.name updated"
    );
    assert_eq!(
        updated.actual_hours, None,
        "onboarding_milestones.actual_hours set NULL"
    );
    assert_eq!(
        updated.description, row.description,
        "onboarding_milestones.description left alone"
    );
    assert_eq!(
        updated.week, row.week,
        "onboarding_milestones.week left alone"
    );
    assert_eq!(
        updated.sequence_order, row.sequence_order,
        "onboarding_milestones.sequence_order left alone"
    );
    assert_eq!(
        OnboardingMilestone::update(conn, row.id, &OnboardingMilestoneChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        OnboardingMilestone::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        OnboardingMilestone::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        OnboardingMilestone::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        OnboardingMilestone::count(conn).unwrap()
    );
    assert!(OnboardingMilestone::delete(conn, row.id).unwrap());
    assert!(!OnboardingMilestone::delete(conn, row.id).unwrap());
    match OnboardingMilestone::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("onboarding_milestones")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        OnboardingMilestone::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn training_modules_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewTrainingModule::new(
        fill("module_id", 100, 0),
        fill("module_name", 200, 0),
        fill("module_description", 300, 0),
        TrainingFormat::ALL[4 % TrainingFormat::ALL.len()],
        Count::new(13).unwrap(),
        StringList::from(vec![
            "alpha".to_owned(),
            "beta ü".to_owned(),
            "learning_objectives-0".to_owned(),
        ]),
        StringList::from(vec![
            "alpha".to_owned(),
            "beta ü".to_owned(),
            "topics_covered-0".to_owned(),
        ]),
    );
    let mut full = base.clone();
    full.certification_level = Some(CertificationLevel::ALL[5 % CertificationLevel::ALL.len()]);
    full.content_url = Some(fill("content_url", 500, 0));
    full.prerequisites = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "prerequisites-0".to_owned(),
    ]));
    full.assessment_required = Some(false);
    full.passing_score = Some(Percentage::new(22.5).unwrap());
    full.certification_awarded = Some(fill("certification_awarded", 200, 0));
    full.max_attempts = Some(Count::new(21).unwrap());
    full.created_at = Some(ts(15000));
    full.updated_at = Some(ts(16000));
    let row = TrainingModule::create(conn, &full).unwrap();
    assert_eq!(TrainingModule::get(conn, row.id).unwrap(), row);
    assert_eq!(row.module_id, full.module_id, "training_modules.module_id");
    assert_eq!(
        row.module_name, full.module_name,
        "training_modules.module_name"
    );
    assert_eq!(
        row.module_description, full.module_description,
        "training_modules.module_description"
    );
    assert_eq!(row.format, full.format, "training_modules.format");
    assert_eq!(
        Some(row.certification_level),
        full.certification_level,
        "training_modules.certification_level"
    );
    assert_eq!(
        row.duration_minutes, full.duration_minutes,
        "training_modules.duration_minutes"
    );
    assert_eq!(
        row.content_url, full.content_url,
        "training_modules.content_url"
    );
    assert_eq!(
        Some(row.prerequisites.clone()),
        full.prerequisites,
        "training_modules.prerequisites"
    );
    assert_eq!(
        row.learning_objectives, full.learning_objectives,
        "training_modules.learning_objectives"
    );
    assert_eq!(
        row.topics_covered, full.topics_covered,
        "training_modules.topics_covered"
    );
    assert_eq!(
        Some(row.assessment_required),
        full.assessment_required,
        "training_modules.assessment_required"
    );
    assert_eq!(
        Some(row.passing_score),
        full.passing_score,
        "training_modules.passing_score"
    );
    assert_eq!(
        row.certification_awarded, full.certification_awarded,
        "training_modules.certification_awarded"
    );
    assert_eq!(
        Some(row.max_attempts),
        full.max_attempts,
        "training_modules.max_attempts"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "training_modules.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "training_modules.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<TrainingModule>(&json).unwrap(), row);
    let minimal = TrainingModule::create(
        conn,
        &NewTrainingModule::new(
            fill("module_id", 100, 1),
            fill("module_name", 200, 1),
            fill("module_description", 300, 1),
            TrainingFormat::ALL[5 % TrainingFormat::ALL.len()],
            Count::new(14).unwrap(),
            StringList::from(vec![
                "alpha".to_owned(),
                "beta ü".to_owned(),
                "learning_objectives-1".to_owned(),
            ]),
            StringList::from(vec![
                "alpha".to_owned(),
                "beta ü".to_owned(),
                "topics_covered-1".to_owned(),
            ]),
        ),
    )
    .unwrap();
    assert_eq!(TrainingModule::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.content_url, None, "training_modules.content_url");
    assert_eq!(
        minimal.certification_awarded, None,
        "training_modules.certification_awarded"
    );
    let mut changes = TrainingModuleChanges::default();
    changes.module_name = Some(fill("module_name", 200, 1));
    changes.module_description = Some(fill("module_description", 300, 1));
    changes.content_url = Some(None);
    let updated = TrainingModule::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.module_name.clone()),
        changes.module_name,
        "training_modules.module_name updated"
    );
    assert_eq!(
        Some(updated.module_description.clone()),
        changes.module_description,
        "training_modules.module_description updated"
    );
    assert_eq!(
        updated.content_url, None,
        "training_modules.content_url set NULL"
    );
    assert_eq!(
        updated.format, row.format,
        "training_modules.format left alone"
    );
    assert_eq!(
        updated.certification_level, row.certification_level,
        "training_modules.certification_level left alone"
    );
    assert_eq!(
        updated.duration_minutes, row.duration_minutes,
        "training_modules.duration_minutes left alone"
    );
    assert_eq!(
        TrainingModule::update(conn, row.id, &TrainingModuleChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.module_id.clone();
    assert_eq!(TrainingModule::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(TrainingModule::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        TrainingModule::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        TrainingModule::list(conn, Page::default()).unwrap().len() as i64,
        TrainingModule::count(conn).unwrap()
    );
    assert!(TrainingModule::delete(conn, row.id).unwrap());
    assert!(!TrainingModule::delete(conn, row.id).unwrap());
    match TrainingModule::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("training_modules")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        TrainingModule::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn training_completions_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewTrainingCompletion::new(
        fill("completion_id", 100, 0),
        CLIENT.to_owned(),
        MODULE.to_owned(),
        fill("user_email", 255, 0),
        fill("user_name", 200, 0),
        ts(6000),
    );
    let mut full = base.clone();
    full.completed_at = Some(ts(7000));
    full.time_spent_minutes = Some(Count::new(15).unwrap());
    full.assessment_score = Some(Percentage::new(19.5).unwrap());
    full.attempts_used = Some(Count::new(17).unwrap());
    full.passed = Some(true);
    full.certification_issued = Some(true);
    full.certification_id = Some(fill("certification_id", 100, 0));
    full.feedback_rating = Some(Rating::new(2.4).unwrap());
    full.feedback_comments = Some(fill("feedback_comments", 300, 0));
    let row = TrainingCompletion::create(conn, &full).unwrap();
    assert_eq!(TrainingCompletion::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.completion_id, full.completion_id,
        "training_completions.completion_id"
    );
    assert_eq!(
        row.client_id, full.client_id,
        "training_completions.client_id"
    );
    assert_eq!(
        row.module_id, full.module_id,
        "training_completions.module_id"
    );
    assert_eq!(
        row.user_email, full.user_email,
        "training_completions.user_email"
    );
    assert_eq!(
        row.user_name, full.user_name,
        "training_completions.user_name"
    );
    assert_eq!(
        row.started_at, full.started_at,
        "training_completions.started_at"
    );
    assert_eq!(
        row.completed_at, full.completed_at,
        "training_completions.completed_at"
    );
    assert_eq!(
        Some(row.time_spent_minutes),
        full.time_spent_minutes,
        "training_completions.time_spent_minutes"
    );
    assert_eq!(
        row.assessment_score, full.assessment_score,
        "training_completions.assessment_score"
    );
    assert_eq!(
        Some(row.attempts_used),
        full.attempts_used,
        "training_completions.attempts_used"
    );
    assert_eq!(Some(row.passed), full.passed, "training_completions.passed");
    assert_eq!(
        Some(row.certification_issued),
        full.certification_issued,
        "training_completions.certification_issued"
    );
    assert_eq!(
        row.certification_id, full.certification_id,
        "training_completions.certification_id"
    );
    assert_eq!(
        row.feedback_rating, full.feedback_rating,
        "training_completions.feedback_rating"
    );
    assert_eq!(
        row.feedback_comments, full.feedback_comments,
        "training_completions.feedback_comments"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<TrainingCompletion>(&json).unwrap(),
        row
    );
    let minimal = TrainingCompletion::create(
        conn,
        &NewTrainingCompletion::new(
            fill("completion_id", 100, 1),
            CLIENT.to_owned(),
            MODULE.to_owned(),
            fill("user_email", 255, 1),
            fill("user_name", 200, 1),
            ts(6001),
        ),
    )
    .unwrap();
    assert_eq!(TrainingCompletion::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.completed_at, None,
        "training_completions.completed_at"
    );
    assert_eq!(
        minimal.assessment_score, None,
        "training_completions.assessment_score"
    );
    assert_eq!(
        minimal.certification_id, None,
        "training_completions.certification_id"
    );
    assert_eq!(
        minimal.feedback_rating, None,
        "training_completions.feedback_rating"
    );
    assert_eq!(
        minimal.feedback_comments, None,
        "training_completions.feedback_comments"
    );
    let mut changes = TrainingCompletionChanges::default();
    changes.user_email = Some(fill("user_email", 255, 1));
    changes.user_name = Some(fill("user_name", 200, 1));
    changes.completed_at = Some(None);
    let updated = TrainingCompletion::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.user_email.clone()),
        changes.user_email,
        "training_completions.user_email updated"
    );
    assert_eq!(
        Some(updated.user_name.clone()),
        changes.user_name,
        "training_completions.user_name updated"
    );
    assert_eq!(
        updated.completed_at, None,
        "training_completions.completed_at set NULL"
    );
    assert_eq!(
        updated.started_at, row.started_at,
        "training_completions.started_at left alone"
    );
    assert_eq!(
        updated.time_spent_minutes, row.time_spent_minutes,
        "training_completions.time_spent_minutes left alone"
    );
    assert_eq!(
        updated.assessment_score, row.assessment_score,
        "training_completions.assessment_score left alone"
    );
    assert_eq!(
        TrainingCompletion::update(conn, row.id, &TrainingCompletionChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.completion_id.clone();
    assert_eq!(
        TrainingCompletion::get_by_key(conn, &key).unwrap().id,
        row.id
    );
    assert!(TrainingCompletion::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        TrainingCompletion::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        TrainingCompletion::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        TrainingCompletion::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        TrainingCompletion::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        TrainingCompletion::count(conn).unwrap()
    );
    assert!(TrainingCompletion::delete(conn, row.id).unwrap());
    assert!(!TrainingCompletion::delete(conn, row.id).unwrap());
    match TrainingCompletion::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("training_completions")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        TrainingCompletion::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn support_tickets_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewSupportTicket::new(
        fill("ticket_id", 50, 0),
        CLIENT.to_owned(),
        fill("subject", 500, 0),
        fill("description", 300, 0),
        TicketPriority::ALL[5 % TicketPriority::ALL.len()],
        TicketCategory::ALL[6 % TicketCategory::ALL.len()],
        fill("requester_email", 255, 0),
        fill("requester_name", 200, 0),
        Count::new(25).unwrap(),
        Count::new(26).unwrap(),
    );
    let mut full = base.clone();
    full.status = Some(TicketStatus::ALL[7 % TicketStatus::ALL.len()]);
    full.assigned_agent = Some(fill("assigned_agent", 255, 0));
    full.assigned_team = Some(fill("assigned_team", 100, 0));
    full.tags = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "tags-0".to_owned(),
    ]));
    full.created_at = Some(ts(13000));
    full.updated_at = Some(ts(14000));
    full.first_response_at = Some(ts(15000));
    full.resolved_at = Some(ts(16000));
    full.closed_at = Some(ts(17000));
    full.first_response_sla_status = Some(SlaStatus::ALL[20 % SlaStatus::ALL.len()]);
    full.resolution_sla_status = Some(SlaStatus::ALL[21 % SlaStatus::ALL.len()]);
    full.time_to_first_response_minutes = Some(Count::new(29).unwrap());
    full.time_to_resolution_minutes = Some(Count::new(30).unwrap());
    full.satisfaction_rating = Some(SatisfactionRating::new(4).unwrap());
    full.satisfaction_comment = Some(fill("satisfaction_comment", 300, 0));
    full.escalated = Some(true);
    full.escalated_at = Some(ts(27000));
    full.escalation_reason = Some(fill("escalation_reason", 300, 0));
    full.resolution_notes = Some(fill("resolution_notes", 300, 0));
    full.internal_notes = Some(fill("internal_notes", 300, 0));
    full.customer_visible_notes = Some(fill("customer_visible_notes", 300, 0));
    let row = SupportTicket::create(conn, &full).unwrap();
    assert_eq!(SupportTicket::get(conn, row.id).unwrap(), row);
    assert_eq!(row.ticket_id, full.ticket_id, "support_tickets.ticket_id");
    assert_eq!(row.client_id, full.client_id, "support_tickets.client_id");
    assert_eq!(row.subject, full.subject, "support_tickets.subject");
    assert_eq!(
        row.description, full.description,
        "support_tickets.description"
    );
    assert_eq!(row.priority, full.priority, "support_tickets.priority");
    assert_eq!(row.category, full.category, "support_tickets.category");
    assert_eq!(Some(row.status), full.status, "support_tickets.status");
    assert_eq!(
        row.requester_email, full.requester_email,
        "support_tickets.requester_email"
    );
    assert_eq!(
        row.requester_name, full.requester_name,
        "support_tickets.requester_name"
    );
    assert_eq!(
        row.assigned_agent, full.assigned_agent,
        "support_tickets.assigned_agent"
    );
    assert_eq!(
        row.assigned_team, full.assigned_team,
        "support_tickets.assigned_team"
    );
    assert_eq!(Some(row.tags.clone()), full.tags, "support_tickets.tags");
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "support_tickets.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "support_tickets.updated_at"
    );
    assert_eq!(
        row.first_response_at, full.first_response_at,
        "support_tickets.first_response_at"
    );
    assert_eq!(
        row.resolved_at, full.resolved_at,
        "support_tickets.resolved_at"
    );
    assert_eq!(row.closed_at, full.closed_at, "support_tickets.closed_at");
    assert_eq!(
        row.sla_first_response_minutes, full.sla_first_response_minutes,
        "support_tickets.sla_first_response_minutes"
    );
    assert_eq!(
        row.sla_resolution_minutes, full.sla_resolution_minutes,
        "support_tickets.sla_resolution_minutes"
    );
    assert_eq!(
        Some(row.first_response_sla_status),
        full.first_response_sla_status,
        "support_tickets.first_response_sla_status"
    );
    assert_eq!(
        Some(row.resolution_sla_status),
        full.resolution_sla_status,
        "support_tickets.resolution_sla_status"
    );
    assert_eq!(
        row.time_to_first_response_minutes, full.time_to_first_response_minutes,
        "support_tickets.time_to_first_response_minutes"
    );
    assert_eq!(
        row.time_to_resolution_minutes, full.time_to_resolution_minutes,
        "support_tickets.time_to_resolution_minutes"
    );
    assert_eq!(
        row.satisfaction_rating, full.satisfaction_rating,
        "support_tickets.satisfaction_rating"
    );
    assert_eq!(
        row.satisfaction_comment, full.satisfaction_comment,
        "support_tickets.satisfaction_comment"
    );
    assert_eq!(
        Some(row.escalated),
        full.escalated,
        "support_tickets.escalated"
    );
    assert_eq!(
        row.escalated_at, full.escalated_at,
        "support_tickets.escalated_at"
    );
    assert_eq!(
        row.escalation_reason, full.escalation_reason,
        "support_tickets.escalation_reason"
    );
    assert_eq!(
        row.resolution_notes, full.resolution_notes,
        "support_tickets.resolution_notes"
    );
    assert_eq!(
        row.internal_notes, full.internal_notes,
        "support_tickets.internal_notes"
    );
    assert_eq!(
        row.customer_visible_notes, full.customer_visible_notes,
        "support_tickets.customer_visible_notes"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<SupportTicket>(&json).unwrap(), row);
    let minimal = SupportTicket::create(
        conn,
        &NewSupportTicket::new(
            fill("ticket_id", 50, 1),
            CLIENT.to_owned(),
            fill("subject", 500, 1),
            fill("description", 300, 1),
            TicketPriority::ALL[6 % TicketPriority::ALL.len()],
            TicketCategory::ALL[7 % TicketCategory::ALL.len()],
            fill("requester_email", 255, 1),
            fill("requester_name", 200, 1),
            Count::new(26).unwrap(),
            Count::new(27).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(SupportTicket::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.assigned_agent, None,
        "support_tickets.assigned_agent"
    );
    assert_eq!(minimal.assigned_team, None, "support_tickets.assigned_team");
    assert_eq!(
        minimal.first_response_at, None,
        "support_tickets.first_response_at"
    );
    assert_eq!(minimal.resolved_at, None, "support_tickets.resolved_at");
    assert_eq!(minimal.closed_at, None, "support_tickets.closed_at");
    assert_eq!(
        minimal.time_to_first_response_minutes, None,
        "support_tickets.time_to_first_response_minutes"
    );
    assert_eq!(
        minimal.time_to_resolution_minutes, None,
        "support_tickets.time_to_resolution_minutes"
    );
    assert_eq!(
        minimal.satisfaction_rating, None,
        "support_tickets.satisfaction_rating"
    );
    assert_eq!(
        minimal.satisfaction_comment, None,
        "support_tickets.satisfaction_comment"
    );
    assert_eq!(minimal.escalated_at, None, "support_tickets.escalated_at");
    assert_eq!(
        minimal.escalation_reason, None,
        "support_tickets.escalation_reason"
    );
    assert_eq!(
        minimal.resolution_notes, None,
        "support_tickets.resolution_notes"
    );
    assert_eq!(
        minimal.internal_notes, None,
        "support_tickets.internal_notes"
    );
    assert_eq!(
        minimal.customer_visible_notes, None,
        "support_tickets.customer_visible_notes"
    );
    let mut changes = SupportTicketChanges::default();
    changes.subject = Some(fill("subject", 500, 1));
    changes.description = Some(fill("description", 300, 1));
    changes.assigned_agent = Some(None);
    let updated = SupportTicket::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.subject.clone()),
        changes.subject,
        "support_tickets.subject updated"
    );
    assert_eq!(
        Some(updated.description.clone()),
        changes.description,
        "support_tickets.description updated"
    );
    assert_eq!(
        updated.assigned_agent, None,
        "support_tickets.assigned_agent set NULL"
    );
    assert_eq!(
        updated.priority, row.priority,
        "support_tickets.priority left alone"
    );
    assert_eq!(
        updated.category, row.category,
        "support_tickets.category left alone"
    );
    assert_eq!(
        updated.status, row.status,
        "support_tickets.status left alone"
    );
    assert_eq!(
        SupportTicket::update(conn, row.id, &SupportTicketChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.ticket_id.clone();
    assert_eq!(SupportTicket::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(SupportTicket::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        SupportTicket::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        SupportTicket::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        SupportTicket::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        SupportTicket::list(conn, Page::default()).unwrap().len() as i64,
        SupportTicket::count(conn).unwrap()
    );
    assert!(SupportTicket::delete(conn, row.id).unwrap());
    assert!(!SupportTicket::delete(conn, row.id).unwrap());
    match SupportTicket::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("support_tickets")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        SupportTicket::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn ticket_comments_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewTicketComment::new(
        fill("comment_id", 50, 0),
        TICKET.to_owned(),
        fill("author_email", 255, 0),
        fill("author_name", 200, 0),
        AuthorType::ALL[5 % AuthorType::ALL.len()],
        fill("content", 300, 0),
        CLIENT.to_owned(),
    );
    let mut full = base.clone();
    full.is_public = Some(false);
    full.attachments = Some(json_sample(8));
    full.created_at = Some(ts(9000));
    let row = TicketComment::create(conn, &full).unwrap();
    assert_eq!(TicketComment::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.comment_id, full.comment_id,
        "ticket_comments.comment_id"
    );
    assert_eq!(row.ticket_id, full.ticket_id, "ticket_comments.ticket_id");
    assert_eq!(
        row.author_email, full.author_email,
        "ticket_comments.author_email"
    );
    assert_eq!(
        row.author_name, full.author_name,
        "ticket_comments.author_name"
    );
    assert_eq!(
        row.author_type, full.author_type,
        "ticket_comments.author_type"
    );
    assert_eq!(row.content, full.content, "ticket_comments.content");
    assert_eq!(
        Some(row.is_public),
        full.is_public,
        "ticket_comments.is_public"
    );
    assert_eq!(
        Some(row.attachments.clone()),
        full.attachments,
        "ticket_comments.attachments"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "ticket_comments.created_at"
    );
    assert_eq!(row.client_id, full.client_id, "ticket_comments.client_id");
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<TicketComment>(&json).unwrap(), row);
    let minimal = TicketComment::create(
        conn,
        &NewTicketComment::new(
            fill("comment_id", 50, 1),
            TICKET.to_owned(),
            fill("author_email", 255, 1),
            fill("author_name", 200, 1),
            AuthorType::ALL[6 % AuthorType::ALL.len()],
            fill("content", 300, 1),
            CLIENT.to_owned(),
        ),
    )
    .unwrap();
    assert_eq!(TicketComment::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = TicketCommentChanges::default();
    changes.author_email = Some(fill("author_email", 255, 1));
    changes.author_name = Some(fill("author_name", 200, 1));
    let updated = TicketComment::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.author_email.clone()),
        changes.author_email,
        "ticket_comments.author_email updated"
    );
    assert_eq!(
        Some(updated.author_name.clone()),
        changes.author_name,
        "ticket_comments.author_name updated"
    );
    assert_eq!(
        updated.author_type, row.author_type,
        "ticket_comments.author_type left alone"
    );
    assert_eq!(
        updated.content, row.content,
        "ticket_comments.content left alone"
    );
    assert_eq!(
        updated.is_public, row.is_public,
        "ticket_comments.is_public left alone"
    );
    assert_eq!(
        TicketComment::update(conn, row.id, &TicketCommentChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.comment_id.clone();
    assert_eq!(TicketComment::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(TicketComment::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        TicketComment::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        TicketComment::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        TicketComment::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        TicketComment::list(conn, Page::default()).unwrap().len() as i64,
        TicketComment::count(conn).unwrap()
    );
    assert!(TicketComment::delete(conn, row.id).unwrap());
    assert!(!TicketComment::delete(conn, row.id).unwrap());
    match TicketComment::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("ticket_comments")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        TicketComment::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn knowledge_base_articles_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewKnowledgeBaseArticle::new(
        fill("article_id", 50, 0),
        fill("title", 200, 0),
        fill("summary", 500, 0),
        fill("content", 300, 0),
        fill("category", 100, 0),
        StringList::from(vec![
            "alpha".to_owned(),
            "beta ü".to_owned(),
            "tags-0".to_owned(),
        ]),
        fill("author", 200, 0),
    );
    let mut full = base.clone();
    full.subcategory = Some(fill("subcategory", 100, 0));
    full.status = Some(ArticleStatus::ALL[8 % ArticleStatus::ALL.len()]);
    full.created_at = Some(ts(10000));
    full.updated_at = Some(ts(11000));
    full.published_at = Some(ts(12000));
    full.version = Some(Count::new(20).unwrap());
    full.view_count = Some(Count::new(21).unwrap());
    full.helpful_votes = Some(Count::new(22).unwrap());
    full.not_helpful_votes = Some(Count::new(23).unwrap());
    full.helpfulness_score = Some(Fraction::new(0.47).unwrap());
    full.related_articles = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "related_articles-0".to_owned(),
    ]));
    full.search_keywords = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "search_keywords-0".to_owned(),
    ]));
    full.customer_facing = Some(false);
    full.requires_authentication = Some(true);
    full.product_tier_restrictions = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "product_tier_restrictions-0".to_owned(),
    ]));
    let row = KnowledgeBaseArticle::create(conn, &full).unwrap();
    assert_eq!(KnowledgeBaseArticle::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.article_id, full.article_id,
        "knowledge_base_articles.article_id"
    );
    assert_eq!(row.title, full.title, "knowledge_base_articles.title");
    assert_eq!(row.summary, full.summary, "knowledge_base_articles.summary");
    assert_eq!(row.content, full.content, "knowledge_base_articles.content");
    assert_eq!(
        row.category, full.category,
        "knowledge_base_articles.category"
    );
    assert_eq!(
        row.subcategory, full.subcategory,
        "knowledge_base_articles.subcategory"
    );
    assert_eq!(row.tags, full.tags, "knowledge_base_articles.tags");
    assert_eq!(
        Some(row.status),
        full.status,
        "knowledge_base_articles.status"
    );
    assert_eq!(row.author, full.author, "knowledge_base_articles.author");
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "knowledge_base_articles.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "knowledge_base_articles.updated_at"
    );
    assert_eq!(
        row.published_at, full.published_at,
        "knowledge_base_articles.published_at"
    );
    assert_eq!(
        Some(row.version),
        full.version,
        "knowledge_base_articles.version"
    );
    assert_eq!(
        Some(row.view_count),
        full.view_count,
        "knowledge_base_articles.view_count"
    );
    assert_eq!(
        Some(row.helpful_votes),
        full.helpful_votes,
        "knowledge_base_articles.helpful_votes"
    );
    assert_eq!(
        Some(row.not_helpful_votes),
        full.not_helpful_votes,
        "knowledge_base_articles.not_helpful_votes"
    );
    assert_eq!(
        Some(row.helpfulness_score),
        full.helpfulness_score,
        "knowledge_base_articles.helpfulness_score"
    );
    assert_eq!(
        Some(row.related_articles.clone()),
        full.related_articles,
        "knowledge_base_articles.related_articles"
    );
    assert_eq!(
        Some(row.search_keywords.clone()),
        full.search_keywords,
        "knowledge_base_articles.search_keywords"
    );
    assert_eq!(
        Some(row.customer_facing),
        full.customer_facing,
        "knowledge_base_articles.customer_facing"
    );
    assert_eq!(
        Some(row.requires_authentication),
        full.requires_authentication,
        "knowledge_base_articles.requires_authentication"
    );
    assert_eq!(
        Some(row.product_tier_restrictions.clone()),
        full.product_tier_restrictions,
        "knowledge_base_articles.product_tier_restrictions"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<KnowledgeBaseArticle>(&json).unwrap(),
        row
    );
    let minimal = KnowledgeBaseArticle::create(
        conn,
        &NewKnowledgeBaseArticle::new(
            fill("article_id", 50, 1),
            fill("title", 200, 1),
            fill("summary", 500, 1),
            fill("content", 300, 1),
            fill("category", 100, 1),
            StringList::from(vec![
                "alpha".to_owned(),
                "beta ü".to_owned(),
                "tags-1".to_owned(),
            ]),
            fill("author", 200, 1),
        ),
    )
    .unwrap();
    assert_eq!(
        KnowledgeBaseArticle::get(conn, minimal.id).unwrap(),
        minimal
    );
    assert_eq!(
        minimal.subcategory, None,
        "knowledge_base_articles.subcategory"
    );
    assert_eq!(
        minimal.published_at, None,
        "knowledge_base_articles.published_at"
    );
    let mut changes = KnowledgeBaseArticleChanges::default();
    changes.title = Some(fill("title", 200, 1));
    changes.summary = Some(fill("summary", 500, 1));
    changes.subcategory = Some(None);
    let updated = KnowledgeBaseArticle::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.title.clone()),
        changes.title,
        "knowledge_base_articles.title updated"
    );
    assert_eq!(
        Some(updated.summary.clone()),
        changes.summary,
        "knowledge_base_articles.summary updated"
    );
    assert_eq!(
        updated.subcategory, None,
        "knowledge_base_articles.subcategory set NULL"
    );
    assert_eq!(
        updated.content, row.content,
        "knowledge_base_articles.content left alone"
    );
    assert_eq!(
        updated.category, row.category,
        "knowledge_base_articles.category left alone"
    );
    assert_eq!(
        updated.tags, row.tags,
        "knowledge_base_articles.tags left alone"
    );
    assert_eq!(
        KnowledgeBaseArticle::update(conn, row.id, &KnowledgeBaseArticleChanges::default())
            .unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.article_id.clone();
    assert_eq!(
        KnowledgeBaseArticle::get_by_key(conn, &key).unwrap().id,
        row.id
    );
    assert!(KnowledgeBaseArticle::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        KnowledgeBaseArticle::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        KnowledgeBaseArticle::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        KnowledgeBaseArticle::count(conn).unwrap()
    );
    assert!(KnowledgeBaseArticle::delete(conn, row.id).unwrap());
    assert!(!KnowledgeBaseArticle::delete(conn, row.id).unwrap());
    match KnowledgeBaseArticle::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("knowledge_base_articles")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        KnowledgeBaseArticle::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn renewal_forecasts_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewRenewalForecast::new(
        fill("forecast_id", 100, 0),
        CLIENT.to_owned(),
        fill("contract_id", 50, 0),
        date(2025, 3, 5),
        money("12845.67"),
        money("12945.67"),
        Probability::new(0.17).unwrap(),
        RenewalStatus::ALL[8 % RenewalStatus::ALL.len()],
        Fraction::new(0.39).unwrap(),
        HealthScore::new(50).unwrap(),
        22,
    );
    let mut full = base.clone();
    full.risk_factors = Some(json_sample(11));
    full.positive_indicators = Some(json_sample(12));
    full.expansion_probability = Some(Probability::new(0.23).unwrap());
    full.estimated_expansion_value = Some(money("13745.67"));
    full.last_csm_touchpoint = Some(date(2025, 3, 17));
    full.next_scheduled_touchpoint = Some(date(2025, 3, 18));
    full.recommended_actions = Some(json_sample(18));
    full.forecast_created_at = Some(ts(19000));
    full.forecast_updated_at = Some(ts(20000));
    full.model_version = Some(fill("model_version", 20, 0));
    let row = RenewalForecast::create(conn, &full).unwrap();
    assert_eq!(RenewalForecast::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.forecast_id, full.forecast_id,
        "renewal_forecasts.forecast_id"
    );
    assert_eq!(row.client_id, full.client_id, "renewal_forecasts.client_id");
    assert_eq!(
        row.contract_id, full.contract_id,
        "renewal_forecasts.contract_id"
    );
    assert_eq!(
        row.renewal_date, full.renewal_date,
        "renewal_forecasts.renewal_date"
    );
    assert_eq!(
        row.current_arr, full.current_arr,
        "renewal_forecasts.current_arr"
    );
    assert_eq!(
        row.forecasted_arr, full.forecasted_arr,
        "renewal_forecasts.forecasted_arr"
    );
    assert_eq!(
        row.renewal_probability, full.renewal_probability,
        "renewal_forecasts.renewal_probability"
    );
    assert_eq!(
        row.renewal_status, full.renewal_status,
        "renewal_forecasts.renewal_status"
    );
    assert_eq!(
        row.confidence_score, full.confidence_score,
        "renewal_forecasts.confidence_score"
    );
    assert_eq!(
        row.health_score, full.health_score,
        "renewal_forecasts.health_score"
    );
    assert_eq!(
        Some(row.risk_factors.clone()),
        full.risk_factors,
        "renewal_forecasts.risk_factors"
    );
    assert_eq!(
        Some(row.positive_indicators.clone()),
        full.positive_indicators,
        "renewal_forecasts.positive_indicators"
    );
    assert_eq!(
        Some(row.expansion_probability),
        full.expansion_probability,
        "renewal_forecasts.expansion_probability"
    );
    assert_eq!(
        Some(row.estimated_expansion_value.clone()),
        full.estimated_expansion_value,
        "renewal_forecasts.estimated_expansion_value"
    );
    assert_eq!(
        row.days_until_renewal, full.days_until_renewal,
        "renewal_forecasts.days_until_renewal"
    );
    assert_eq!(
        row.last_csm_touchpoint, full.last_csm_touchpoint,
        "renewal_forecasts.last_csm_touchpoint"
    );
    assert_eq!(
        row.next_scheduled_touchpoint, full.next_scheduled_touchpoint,
        "renewal_forecasts.next_scheduled_touchpoint"
    );
    assert_eq!(
        Some(row.recommended_actions.clone()),
        full.recommended_actions,
        "renewal_forecasts.recommended_actions"
    );
    assert_eq!(
        Some(row.forecast_created_at),
        full.forecast_created_at,
        "renewal_forecasts.forecast_created_at"
    );
    assert_eq!(
        Some(row.forecast_updated_at),
        full.forecast_updated_at,
        "renewal_forecasts.forecast_updated_at"
    );
    assert_eq!(
        Some(row.model_version.clone()),
        full.model_version,
        "renewal_forecasts.model_version"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<RenewalForecast>(&json).unwrap(), row);
    let minimal = RenewalForecast::create(
        conn,
        &NewRenewalForecast::new(
            fill("forecast_id", 100, 1),
            CLIENT.to_owned(),
            fill("contract_id", 50, 1),
            date(2025, 3, 6),
            money("12846.67"),
            money("12946.67"),
            Probability::new(0.27).unwrap(),
            RenewalStatus::ALL[9 % RenewalStatus::ALL.len()],
            Fraction::new(0.49).unwrap(),
            HealthScore::new(51).unwrap(),
            23,
        ),
    )
    .unwrap();
    assert_eq!(RenewalForecast::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.last_csm_touchpoint, None,
        "renewal_forecasts.last_csm_touchpoint"
    );
    assert_eq!(
        minimal.next_scheduled_touchpoint, None,
        "renewal_forecasts.next_scheduled_touchpoint"
    );
    let mut changes = RenewalForecastChanges::default();
    changes.contract_id = Some(fill("contract_id", 50, 1));
    changes.renewal_date = Some(date(2025, 3, 6));
    changes.last_csm_touchpoint = Some(None);
    let updated = RenewalForecast::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.contract_id.clone()),
        changes.contract_id,
        "renewal_forecasts.contract_id updated"
    );
    assert_eq!(
        Some(updated.renewal_date),
        changes.renewal_date,
        "renewal_forecasts.renewal_date updated"
    );
    assert_eq!(
        updated.last_csm_touchpoint, None,
        "renewal_forecasts.last_csm_touchpoint set NULL"
    );
    assert_eq!(
        updated.current_arr, row.current_arr,
        "renewal_forecasts.current_arr left alone"
    );
    assert_eq!(
        updated.forecasted_arr, row.forecasted_arr,
        "renewal_forecasts.forecasted_arr left alone"
    );
    assert_eq!(
        updated.renewal_probability, row.renewal_probability,
        "renewal_forecasts.renewal_probability left alone"
    );
    assert_eq!(
        RenewalForecast::update(conn, row.id, &RenewalForecastChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.forecast_id.clone();
    assert_eq!(RenewalForecast::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(RenewalForecast::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        RenewalForecast::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        RenewalForecast::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        RenewalForecast::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        RenewalForecast::list(conn, Page::default()).unwrap().len() as i64,
        RenewalForecast::count(conn).unwrap()
    );
    assert!(RenewalForecast::delete(conn, row.id).unwrap());
    assert!(!RenewalForecast::delete(conn, row.id).unwrap());
    match RenewalForecast::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("renewal_forecasts")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        RenewalForecast::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn contracts_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewContract::new(
        fill("contract_id", 50, 0),
        CLIENT.to_owned(),
        ContractType::ALL[3 % ContractType::ALL.len()],
        money("12745.67"),
        BillingFrequency::ALL[5 % BillingFrequency::ALL.len()],
        date(2025, 3, 8),
        date(2025, 3, 9),
        date(2025, 3, 10),
        fill("payment_terms", 100, 0),
        fill("tier", 50, 0),
        json_sample(17),
    );
    let mut full = base.clone();
    full.currency = Some(fill("currency", 3, 0));
    full.auto_renew = Some(true);
    full.notice_period_days = Some(Count::new(18).unwrap());
    full.payment_status = Some(PaymentStatus::ALL[13 % PaymentStatus::ALL.len()]);
    full.included_users = Some(Count::new(21).unwrap());
    full.included_usage = Some(json_sample(15));
    full.addons = Some(json_sample(18));
    full.discount_percentage = Some(Percentage::new(29.5).unwrap());
    full.discount_reason = Some(fill("discount_reason", 500, 0));
    full.signed_by = Some(fill("signed_by", 200, 0));
    full.owner_csm = Some(fill("owner_csm", 200, 0));
    full.last_modified = Some(ts(23000));
    full.contract_url = Some(fill("contract_url", 500, 0));
    let row = Contract::create(conn, &full).unwrap();
    assert_eq!(Contract::get(conn, row.id).unwrap(), row);
    assert_eq!(row.contract_id, full.contract_id, "contracts.contract_id");
    assert_eq!(row.client_id, full.client_id, "contracts.client_id");
    assert_eq!(
        row.contract_type, full.contract_type,
        "contracts.contract_type"
    );
    assert_eq!(
        row.contract_value, full.contract_value,
        "contracts.contract_value"
    );
    assert_eq!(
        row.billing_frequency, full.billing_frequency,
        "contracts.billing_frequency"
    );
    assert_eq!(
        Some(row.currency.clone()),
        full.currency,
        "contracts.currency"
    );
    assert_eq!(row.start_date, full.start_date, "contracts.start_date");
    assert_eq!(row.end_date, full.end_date, "contracts.end_date");
    assert_eq!(
        row.renewal_date, full.renewal_date,
        "contracts.renewal_date"
    );
    assert_eq!(
        Some(row.auto_renew),
        full.auto_renew,
        "contracts.auto_renew"
    );
    assert_eq!(
        Some(row.notice_period_days),
        full.notice_period_days,
        "contracts.notice_period_days"
    );
    assert_eq!(
        row.payment_terms, full.payment_terms,
        "contracts.payment_terms"
    );
    assert_eq!(
        Some(row.payment_status),
        full.payment_status,
        "contracts.payment_status"
    );
    assert_eq!(
        row.included_users, full.included_users,
        "contracts.included_users"
    );
    assert_eq!(
        Some(row.included_usage.clone()),
        full.included_usage,
        "contracts.included_usage"
    );
    assert_eq!(row.tier, full.tier, "contracts.tier");
    assert_eq!(
        row.products_included, full.products_included,
        "contracts.products_included"
    );
    assert_eq!(Some(row.addons.clone()), full.addons, "contracts.addons");
    assert_eq!(
        Some(row.discount_percentage),
        full.discount_percentage,
        "contracts.discount_percentage"
    );
    assert_eq!(
        row.discount_reason, full.discount_reason,
        "contracts.discount_reason"
    );
    assert_eq!(row.signed_by, full.signed_by, "contracts.signed_by");
    assert_eq!(row.owner_csm, full.owner_csm, "contracts.owner_csm");
    assert_eq!(
        Some(row.last_modified),
        full.last_modified,
        "contracts.last_modified"
    );
    assert_eq!(
        row.contract_url, full.contract_url,
        "contracts.contract_url"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<Contract>(&json).unwrap(), row);
    let minimal = Contract::create(
        conn,
        &NewContract::new(
            fill("contract_id", 50, 1),
            CLIENT.to_owned(),
            ContractType::ALL[4 % ContractType::ALL.len()],
            money("12746.67"),
            BillingFrequency::ALL[6 % BillingFrequency::ALL.len()],
            date(2025, 3, 9),
            date(2025, 3, 10),
            date(2025, 3, 11),
            fill("payment_terms", 100, 1),
            fill("tier", 50, 1),
            json_sample(117),
        ),
    )
    .unwrap();
    assert_eq!(Contract::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.included_users, None, "contracts.included_users");
    assert_eq!(minimal.discount_reason, None, "contracts.discount_reason");
    assert_eq!(minimal.signed_by, None, "contracts.signed_by");
    assert_eq!(minimal.owner_csm, None, "contracts.owner_csm");
    assert_eq!(minimal.contract_url, None, "contracts.contract_url");
    let mut changes = ContractChanges::default();
    changes.contract_type = Some(ContractType::ALL[4 % ContractType::ALL.len()]);
    changes.contract_value = Some(money("12746.67"));
    changes.included_users = Some(None);
    let updated = Contract::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.contract_type),
        changes.contract_type,
        "contracts.contract_type updated"
    );
    assert_eq!(
        Some(updated.contract_value.clone()),
        changes.contract_value,
        "contracts.contract_value updated"
    );
    assert_eq!(
        updated.included_users, None,
        "contracts.included_users set NULL"
    );
    assert_eq!(
        updated.billing_frequency, row.billing_frequency,
        "contracts.billing_frequency left alone"
    );
    assert_eq!(
        updated.currency, row.currency,
        "contracts.currency left alone"
    );
    assert_eq!(
        updated.start_date, row.start_date,
        "contracts.start_date left alone"
    );
    assert_eq!(
        Contract::update(conn, row.id, &ContractChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.contract_id.clone();
    assert_eq!(Contract::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(Contract::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        Contract::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        Contract::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        Contract::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        Contract::list(conn, Page::default()).unwrap().len() as i64,
        Contract::count(conn).unwrap()
    );
    assert!(Contract::delete(conn, row.id).unwrap());
    assert!(!Contract::delete(conn, row.id).unwrap());
    match Contract::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("contracts")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Contract::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn expansion_opportunities_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewExpansionOpportunity::new(
        fill("opportunity_id", 50, 0),
        CLIENT.to_owned(),
        fill("opportunity_name", 200, 0),
        ExpansionType::ALL[4 % ExpansionType::ALL.len()],
        money("12845.67"),
        Probability::new(0.16).unwrap(),
        OpportunityStage::ALL[9 % OpportunityStage::ALL.len()],
    );
    let mut full = base.clone();
    full.confidence_score = Some(Fraction::new(0.37).unwrap());
    full.expected_close_date = Some(date(2025, 3, 9));
    full.requirements = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "requirements-0".to_owned(),
    ]));
    full.value_drivers = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "value_drivers-0".to_owned(),
    ]));
    full.blockers = Some(json_sample(12));
    full.champion = Some(fill("champion", 200, 0));
    full.decision_makers = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "decision_makers-0".to_owned(),
    ]));
    full.competitive_pressure = Some(CompetitivePressure::ALL[15 % CompetitivePressure::ALL.len()]);
    full.assigned_to = Some(fill("assigned_to", 200, 0));
    full.next_action = Some(fill("next_action", 500, 0));
    full.next_action_date = Some(date(2025, 3, 19));
    full.created_at = Some(ts(19000));
    full.updated_at = Some(ts(20000));
    let row = ExpansionOpportunity::create(conn, &full).unwrap();
    assert_eq!(ExpansionOpportunity::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.opportunity_id, full.opportunity_id,
        "expansion_opportunities.opportunity_id"
    );
    assert_eq!(
        row.client_id, full.client_id,
        "expansion_opportunities.client_id"
    );
    assert_eq!(
        row.opportunity_name, full.opportunity_name,
        "expansion_opportunities.opportunity_name"
    );
    assert_eq!(
        row.expansion_type, full.expansion_type,
        "expansion_opportunities.expansion_type"
    );
    assert_eq!(
        row.estimated_value, full.estimated_value,
        "expansion_opportunities.estimated_value"
    );
    assert_eq!(
        row.probability, full.probability,
        "expansion_opportunities.probability"
    );
    assert_eq!(
        Some(row.confidence_score),
        full.confidence_score,
        "expansion_opportunities.confidence_score"
    );
    assert_eq!(
        row.expected_close_date, full.expected_close_date,
        "expansion_opportunities.expected_close_date"
    );
    assert_eq!(
        row.current_stage, full.current_stage,
        "expansion_opportunities.current_stage"
    );
    assert_eq!(
        Some(row.requirements.clone()),
        full.requirements,
        "expansion_opportunities.requirements"
    );
    assert_eq!(
        Some(row.value_drivers.clone()),
        full.value_drivers,
        "expansion_opportunities.value_drivers"
    );
    assert_eq!(
        Some(row.blockers.clone()),
        full.blockers,
        "expansion_opportunities.blockers"
    );
    assert_eq!(
        row.champion, full.champion,
        "expansion_opportunities.champion"
    );
    assert_eq!(
        Some(row.decision_makers.clone()),
        full.decision_makers,
        "expansion_opportunities.decision_makers"
    );
    assert_eq!(
        Some(row.competitive_pressure),
        full.competitive_pressure,
        "expansion_opportunities.competitive_pressure"
    );
    assert_eq!(
        row.assigned_to, full.assigned_to,
        "expansion_opportunities.assigned_to"
    );
    assert_eq!(
        row.next_action, full.next_action,
        "expansion_opportunities.next_action"
    );
    assert_eq!(
        row.next_action_date, full.next_action_date,
        "expansion_opportunities.next_action_date"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "expansion_opportunities.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "expansion_opportunities.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<ExpansionOpportunity>(&json).unwrap(),
        row
    );
    let minimal = ExpansionOpportunity::create(
        conn,
        &NewExpansionOpportunity::new(
            fill("opportunity_id", 50, 1),
            CLIENT.to_owned(),
            fill("opportunity_name", 200, 1),
            ExpansionType::ALL[5 % ExpansionType::ALL.len()],
            money("12846.67"),
            Probability::new(0.26).unwrap(),
            OpportunityStage::ALL[10 % OpportunityStage::ALL.len()],
        ),
    )
    .unwrap();
    assert_eq!(
        ExpansionOpportunity::get(conn, minimal.id).unwrap(),
        minimal
    );
    assert_eq!(
        minimal.expected_close_date, None,
        "expansion_opportunities.expected_close_date"
    );
    assert_eq!(minimal.champion, None, "expansion_opportunities.champion");
    assert_eq!(
        minimal.assigned_to, None,
        "expansion_opportunities.assigned_to"
    );
    assert_eq!(
        minimal.next_action, None,
        "expansion_opportunities.next_action"
    );
    assert_eq!(
        minimal.next_action_date, None,
        "expansion_opportunities.next_action_date"
    );
    let mut changes = ExpansionOpportunityChanges::default();
    changes.opportunity_name = Some(fill("opportunity_name", 200, 1));
    changes.expansion_type = Some(ExpansionType::ALL[5 % ExpansionType::ALL.len()]);
    changes.expected_close_date = Some(None);
    let updated = ExpansionOpportunity::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.opportunity_name.clone()),
        changes.opportunity_name,
        "expansion_opportunities.opportunity_name updated"
    );
    assert_eq!(
        Some(updated.expansion_type),
        changes.expansion_type,
        "expansion_opportunities.expansion_type updated"
    );
    assert_eq!(
        updated.expected_close_date, None,
        "expansion_opportunities.expected_close_date set NULL"
    );
    assert_eq!(
        updated.estimated_value, row.estimated_value,
        "expansion_opportunities.estimated_value left alone"
    );
    assert_eq!(
        updated.probability, row.probability,
        "expansion_opportunities.probability left alone"
    );
    assert_eq!(
        updated.confidence_score, row.confidence_score,
        "expansion_opportunities.confidence_score left alone"
    );
    assert_eq!(
        ExpansionOpportunity::update(conn, row.id, &ExpansionOpportunityChanges::default())
            .unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.opportunity_id.clone();
    assert_eq!(
        ExpansionOpportunity::get_by_key(conn, &key).unwrap().id,
        row.id
    );
    assert!(ExpansionOpportunity::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        ExpansionOpportunity::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        ExpansionOpportunity::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ExpansionOpportunity::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        ExpansionOpportunity::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        ExpansionOpportunity::count(conn).unwrap()
    );
    assert!(ExpansionOpportunity::delete(conn, row.id).unwrap());
    assert!(!ExpansionOpportunity::delete(conn, row.id).unwrap());
    match ExpansionOpportunity::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("expansion_opportunities")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        ExpansionOpportunity::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn renewal_campaigns_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewRenewalCampaign::new(
        fill("campaign_id", 50, 0),
        fill("campaign_name", 200, 0),
        date(2025, 3, 4),
        date(2025, 3, 5),
        json_sample(5),
        Count::new(13).unwrap(),
        money("13045.67"),
    );
    let mut full = base.clone();
    full.customers_contacted = Some(Count::new(15).unwrap());
    full.customers_committed = Some(Count::new(16).unwrap());
    full.customers_at_risk = Some(Count::new(17).unwrap());
    full.win_rate = Some(Fraction::new(0.41).unwrap());
    full.expansion_opportunities_identified = Some(Count::new(19).unwrap());
    full.expansion_value_identified = Some(money("13645.67"));
    full.campaign_activities = Some(json_sample(14));
    full.success_metrics = Some(json_sample(15));
    full.created_at = Some(ts(16000));
    full.updated_at = Some(ts(17000));
    let row = RenewalCampaign::create(conn, &full).unwrap();
    assert_eq!(RenewalCampaign::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.campaign_id, full.campaign_id,
        "renewal_campaigns.campaign_id"
    );
    assert_eq!(
        row.campaign_name, full.campaign_name,
        "renewal_campaigns.campaign_name"
    );
    assert_eq!(
        row.start_date, full.start_date,
        "renewal_campaigns.start_date"
    );
    assert_eq!(row.end_date, full.end_date, "renewal_campaigns.end_date");
    assert_eq!(
        row.target_renewal_date_range, full.target_renewal_date_range,
        "renewal_campaigns.target_renewal_date_range"
    );
    assert_eq!(
        row.total_customers, full.total_customers,
        "renewal_campaigns.total_customers"
    );
    assert_eq!(
        row.total_arr_at_risk, full.total_arr_at_risk,
        "renewal_campaigns.total_arr_at_risk"
    );
    assert_eq!(
        Some(row.customers_contacted),
        full.customers_contacted,
        "renewal_campaigns.customers_contacted"
    );
    assert_eq!(
        Some(row.customers_committed),
        full.customers_committed,
        "renewal_campaigns.customers_committed"
    );
    assert_eq!(
        Some(row.customers_at_risk),
        full.customers_at_risk,
        "renewal_campaigns.customers_at_risk"
    );
    assert_eq!(
        Some(row.win_rate),
        full.win_rate,
        "renewal_campaigns.win_rate"
    );
    assert_eq!(
        Some(row.expansion_opportunities_identified),
        full.expansion_opportunities_identified,
        "renewal_campaigns.expansion_opportunities_identified"
    );
    assert_eq!(
        Some(row.expansion_value_identified.clone()),
        full.expansion_value_identified,
        "renewal_campaigns.expansion_value_identified"
    );
    assert_eq!(
        Some(row.campaign_activities.clone()),
        full.campaign_activities,
        "renewal_campaigns.campaign_activities"
    );
    assert_eq!(
        Some(row.success_metrics.clone()),
        full.success_metrics,
        "renewal_campaigns.success_metrics"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "renewal_campaigns.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "renewal_campaigns.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<RenewalCampaign>(&json).unwrap(), row);
    let minimal = RenewalCampaign::create(
        conn,
        &NewRenewalCampaign::new(
            fill("campaign_id", 50, 1),
            fill("campaign_name", 200, 1),
            date(2025, 3, 5),
            date(2025, 3, 6),
            json_sample(105),
            Count::new(14).unwrap(),
            money("13046.67"),
        ),
    )
    .unwrap();
    assert_eq!(RenewalCampaign::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = RenewalCampaignChanges::default();
    changes.campaign_name = Some(fill("campaign_name", 200, 1));
    changes.start_date = Some(date(2025, 3, 5));
    let updated = RenewalCampaign::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.campaign_name.clone()),
        changes.campaign_name,
        "renewal_campaigns.campaign_name updated"
    );
    assert_eq!(
        Some(updated.start_date),
        changes.start_date,
        "renewal_campaigns.start_date updated"
    );
    assert_eq!(
        updated.end_date, row.end_date,
        "renewal_campaigns.end_date left alone"
    );
    assert_eq!(
        updated.target_renewal_date_range, row.target_renewal_date_range,
        "renewal_campaigns.target_renewal_date_range left alone"
    );
    assert_eq!(
        updated.total_customers, row.total_customers,
        "renewal_campaigns.total_customers left alone"
    );
    assert_eq!(
        RenewalCampaign::update(conn, row.id, &RenewalCampaignChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.campaign_id.clone();
    assert_eq!(RenewalCampaign::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(RenewalCampaign::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        RenewalCampaign::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        RenewalCampaign::list(conn, Page::default()).unwrap().len() as i64,
        RenewalCampaign::count(conn).unwrap()
    );
    assert!(RenewalCampaign::delete(conn, row.id).unwrap());
    assert!(!RenewalCampaign::delete(conn, row.id).unwrap());
    match RenewalCampaign::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("renewal_campaigns")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        RenewalCampaign::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn customer_feedback_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewCustomerFeedback::new(
        fill("feedback_id", 50, 0),
        CLIENT.to_owned(),
        FeedbackType::ALL[3 % FeedbackType::ALL.len()],
        fill("source", 100, 0),
        fill("submitter_email", 255, 0),
        fill("submitter_name", 200, 0),
        fill("title", 200, 0),
        fill("content", 300, 0),
        fill("category", 100, 0),
        Sentiment::ALL[12 % Sentiment::ALL.len()],
        SentimentScore::new(-0.37).unwrap(),
    );
    let mut full = base.clone();
    full.subcategory = Some(fill("subcategory", 100, 0));
    full.tags = Some(StringList::from(vec![
        "alpha".to_owned(),
        "beta ü".to_owned(),
        "tags-0".to_owned(),
    ]));
    full.priority = Some(FeedbackPriority::ALL[14 % FeedbackPriority::ALL.len()]);
    full.status = Some(FeedbackStatus::ALL[15 % FeedbackStatus::ALL.len()]);
    full.impact_assessment = Some(fill("impact_assessment", 300, 0));
    full.assigned_to = Some(fill("assigned_to", 200, 0));
    full.follow_up_required = Some(true);
    full.follow_up_by = Some(date(2025, 3, 20));
    full.customer_responded = Some(true);
    full.resolution_notes = Some(fill("resolution_notes", 300, 0));
    full.created_at = Some(ts(22000));
    full.updated_at = Some(ts(23000));
    full.reviewed_at = Some(ts(24000));
    full.resolved_at = Some(ts(25000));
    let row = CustomerFeedback::create(conn, &full).unwrap();
    assert_eq!(CustomerFeedback::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.feedback_id, full.feedback_id,
        "customer_feedback.feedback_id"
    );
    assert_eq!(row.client_id, full.client_id, "customer_feedback.client_id");
    assert_eq!(
        row.feedback_type, full.feedback_type,
        "customer_feedback.feedback_type"
    );
    assert_eq!(row.source, full.source, "customer_feedback.source");
    assert_eq!(
        row.submitter_email, full.submitter_email,
        "customer_feedback.submitter_email"
    );
    assert_eq!(
        row.submitter_name, full.submitter_name,
        "customer_feedback.submitter_name"
    );
    assert_eq!(row.title, full.title, "customer_feedback.title");
    assert_eq!(row.content, full.content, "customer_feedback.content");
    assert_eq!(row.category, full.category, "customer_feedback.category");
    assert_eq!(
        row.subcategory, full.subcategory,
        "customer_feedback.subcategory"
    );
    assert_eq!(Some(row.tags.clone()), full.tags, "customer_feedback.tags");
    assert_eq!(row.sentiment, full.sentiment, "customer_feedback.sentiment");
    assert_eq!(
        row.sentiment_score, full.sentiment_score,
        "customer_feedback.sentiment_score"
    );
    assert_eq!(
        Some(row.priority),
        full.priority,
        "customer_feedback.priority"
    );
    assert_eq!(Some(row.status), full.status, "customer_feedback.status");
    assert_eq!(
        row.impact_assessment, full.impact_assessment,
        "customer_feedback.impact_assessment"
    );
    assert_eq!(
        row.assigned_to, full.assigned_to,
        "customer_feedback.assigned_to"
    );
    assert_eq!(
        Some(row.follow_up_required),
        full.follow_up_required,
        "customer_feedback.follow_up_required"
    );
    assert_eq!(
        row.follow_up_by, full.follow_up_by,
        "customer_feedback.follow_up_by"
    );
    assert_eq!(
        Some(row.customer_responded),
        full.customer_responded,
        "customer_feedback.customer_responded"
    );
    assert_eq!(
        row.resolution_notes, full.resolution_notes,
        "customer_feedback.resolution_notes"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "customer_feedback.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "customer_feedback.updated_at"
    );
    assert_eq!(
        row.reviewed_at, full.reviewed_at,
        "customer_feedback.reviewed_at"
    );
    assert_eq!(
        row.resolved_at, full.resolved_at,
        "customer_feedback.resolved_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<CustomerFeedback>(&json).unwrap(),
        row
    );
    let minimal = CustomerFeedback::create(
        conn,
        &NewCustomerFeedback::new(
            fill("feedback_id", 50, 1),
            CLIENT.to_owned(),
            FeedbackType::ALL[4 % FeedbackType::ALL.len()],
            fill("source", 100, 1),
            fill("submitter_email", 255, 1),
            fill("submitter_name", 200, 1),
            fill("title", 200, 1),
            fill("content", 300, 1),
            fill("category", 100, 1),
            Sentiment::ALL[13 % Sentiment::ALL.len()],
            SentimentScore::new(-0.47).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(CustomerFeedback::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.subcategory, None, "customer_feedback.subcategory");
    assert_eq!(
        minimal.impact_assessment, None,
        "customer_feedback.impact_assessment"
    );
    assert_eq!(minimal.assigned_to, None, "customer_feedback.assigned_to");
    assert_eq!(minimal.follow_up_by, None, "customer_feedback.follow_up_by");
    assert_eq!(
        minimal.resolution_notes, None,
        "customer_feedback.resolution_notes"
    );
    assert_eq!(minimal.reviewed_at, None, "customer_feedback.reviewed_at");
    assert_eq!(minimal.resolved_at, None, "customer_feedback.resolved_at");
    let mut changes = CustomerFeedbackChanges::default();
    changes.feedback_type = Some(FeedbackType::ALL[4 % FeedbackType::ALL.len()]);
    changes.source = Some(fill("source", 100, 1));
    changes.subcategory = Some(None);
    let updated = CustomerFeedback::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.feedback_type),
        changes.feedback_type,
        "customer_feedback.feedback_type updated"
    );
    assert_eq!(
        Some(updated.source.clone()),
        changes.source,
        "customer_feedback.source updated"
    );
    assert_eq!(
        updated.subcategory, None,
        "customer_feedback.subcategory set NULL"
    );
    assert_eq!(
        updated.submitter_email, row.submitter_email,
        "customer_feedback.submitter_email left alone"
    );
    assert_eq!(
        updated.submitter_name, row.submitter_name,
        "customer_feedback.submitter_name left alone"
    );
    assert_eq!(
        updated.title, row.title,
        "customer_feedback.title left alone"
    );
    assert_eq!(
        CustomerFeedback::update(conn, row.id, &CustomerFeedbackChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.feedback_id.clone();
    assert_eq!(CustomerFeedback::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(CustomerFeedback::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        CustomerFeedback::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        CustomerFeedback::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        CustomerFeedback::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        CustomerFeedback::list(conn, Page::default()).unwrap().len() as i64,
        CustomerFeedback::count(conn).unwrap()
    );
    assert!(CustomerFeedback::delete(conn, row.id).unwrap());
    assert!(!CustomerFeedback::delete(conn, row.id).unwrap());
    match CustomerFeedback::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("customer_feedback")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        CustomerFeedback::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn nps_responses_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewNpsResponse::new(
        fill("response_id", 50, 0),
        CLIENT.to_owned(),
        fill("survey_id", 50, 0),
        fill("respondent_email", 255, 0),
        fill("respondent_name", 200, 0),
        NpsScore::new(9).unwrap(),
        Sentiment::Positive,
        SentimentScore::new(0.5).unwrap(),
        ts(0),
        NonNegativeF64::new(1.5).unwrap(),
    );
    let mut full = base.clone();
    full.reason = Some(fill("reason", 300, 0));
    full.follow_up_question_1 = Some(fill("follow_up_question_1", 300, 0));
    full.follow_up_answer_1 = Some(fill("follow_up_answer_1", 300, 0));
    full.follow_up_question_2 = Some(fill("follow_up_question_2", 300, 0));
    full.follow_up_answer_2 = Some(fill("follow_up_answer_2", 300, 0));
    full.follow_up_required = Some(true);
    full.contacted = Some(true);
    full.responded_at = Some(ts(18000));
    let row = NpsResponse::create(conn, &full).unwrap();
    assert_eq!(NpsResponse::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.response_id, full.response_id,
        "nps_responses.response_id"
    );
    assert_eq!(row.client_id, full.client_id, "nps_responses.client_id");
    assert_eq!(row.survey_id, full.survey_id, "nps_responses.survey_id");
    assert_eq!(
        row.respondent_email, full.respondent_email,
        "nps_responses.respondent_email"
    );
    assert_eq!(
        row.respondent_name, full.respondent_name,
        "nps_responses.respondent_name"
    );
    assert_eq!(row.reason, full.reason, "nps_responses.reason");
    assert_eq!(
        row.follow_up_question_1, full.follow_up_question_1,
        "nps_responses.follow_up_question_1"
    );
    assert_eq!(
        row.follow_up_answer_1, full.follow_up_answer_1,
        "nps_responses.follow_up_answer_1"
    );
    assert_eq!(
        row.follow_up_question_2, full.follow_up_question_2,
        "nps_responses.follow_up_question_2"
    );
    assert_eq!(
        row.follow_up_answer_2, full.follow_up_answer_2,
        "nps_responses.follow_up_answer_2"
    );
    assert_eq!(row.sentiment, full.sentiment, "nps_responses.sentiment");
    assert_eq!(
        row.sentiment_score, full.sentiment_score,
        "nps_responses.sentiment_score"
    );
    assert_eq!(
        Some(row.follow_up_required),
        full.follow_up_required,
        "nps_responses.follow_up_required"
    );
    assert_eq!(
        Some(row.contacted),
        full.contacted,
        "nps_responses.contacted"
    );
    assert_eq!(
        row.survey_sent_at, full.survey_sent_at,
        "nps_responses.survey_sent_at"
    );
    assert_eq!(
        Some(row.responded_at),
        full.responded_at,
        "nps_responses.responded_at"
    );
    assert_eq!(
        row.response_time_hours, full.response_time_hours,
        "nps_responses.response_time_hours"
    );
    assert_eq!(row.score, full.score());
    assert_eq!(row.category, NpsCategory::Promoter);
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<NpsResponse>(&json).unwrap(), row);
    let minimal = NpsResponse::create(
        conn,
        &NewNpsResponse::new(
            fill("response_id", 50, 1),
            CLIENT.to_owned(),
            fill("survey_id", 50, 1),
            fill("respondent_email", 255, 1),
            fill("respondent_name", 200, 1),
            NpsScore::new(8).unwrap(),
            Sentiment::Positive,
            SentimentScore::new(0.5).unwrap(),
            ts(0),
            NonNegativeF64::new(1.5).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(NpsResponse::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.reason, None, "nps_responses.reason");
    assert_eq!(
        minimal.follow_up_question_1, None,
        "nps_responses.follow_up_question_1"
    );
    assert_eq!(
        minimal.follow_up_answer_1, None,
        "nps_responses.follow_up_answer_1"
    );
    assert_eq!(
        minimal.follow_up_question_2, None,
        "nps_responses.follow_up_question_2"
    );
    assert_eq!(
        minimal.follow_up_answer_2, None,
        "nps_responses.follow_up_answer_2"
    );
    let mut changes = NpsResponseChanges::default();
    changes.survey_id = Some(fill("survey_id", 50, 1));
    changes.respondent_email = Some(fill("respondent_email", 255, 1));
    changes.reason = Some(None);
    let updated = NpsResponse::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.survey_id.clone()),
        changes.survey_id,
        "nps_responses.survey_id updated"
    );
    assert_eq!(
        Some(updated.respondent_email.clone()),
        changes.respondent_email,
        "nps_responses.respondent_email updated"
    );
    assert_eq!(updated.reason, None, "nps_responses.reason set NULL");
    assert_eq!(
        updated.respondent_name, row.respondent_name,
        "nps_responses.respondent_name left alone"
    );
    assert_eq!(
        updated.follow_up_question_1, row.follow_up_question_1,
        "nps_responses.follow_up_question_1 left alone"
    );
    assert_eq!(
        updated.follow_up_answer_1, row.follow_up_answer_1,
        "nps_responses.follow_up_answer_1 left alone"
    );
    assert_eq!(
        NpsResponse::update(conn, row.id, &NpsResponseChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let rescored = NpsResponse::update(
        conn,
        row.id,
        &NpsResponseChanges::with_score(NpsScore::new(2).unwrap()),
    )
    .unwrap();
    assert_eq!(rescored.category, NpsCategory::Detractor);
    let key = row.response_id.clone();
    assert_eq!(NpsResponse::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(NpsResponse::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        NpsResponse::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        NpsResponse::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        NpsResponse::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        NpsResponse::list(conn, Page::default()).unwrap().len() as i64,
        NpsResponse::count(conn).unwrap()
    );
    assert!(NpsResponse::delete(conn, row.id).unwrap());
    assert!(!NpsResponse::delete(conn, row.id).unwrap());
    match NpsResponse::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("nps_responses")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        NpsResponse::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn sentiment_analysis_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewSentimentAnalysis::new(
        fill("analysis_id", 100, 0),
        CLIENT.to_owned(),
        ts(3000),
        ts(4000),
        Count::new(12).unwrap(),
        json_sample(6),
        Sentiment::ALL[7 % Sentiment::ALL.len()],
        SentimentScore::new(-0.42).unwrap(),
        json_sample(9),
        SentimentTrend::ALL[10 % SentimentTrend::ALL.len()],
    );
    let mut full = base.clone();
    full.top_positive_themes = Some(json_sample(11));
    full.top_negative_themes = Some(json_sample(12));
    full.action_items = Some(json_sample(13));
    full.nps_score = Some(NetPromoterScore::new(24).unwrap());
    full.csat_score = Some(Rating::new(2.5).unwrap());
    full.analyzed_at = Some(ts(16000));
    let row = SentimentAnalysis::create(conn, &full).unwrap();
    assert_eq!(SentimentAnalysis::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.analysis_id, full.analysis_id,
        "sentiment_analysis.analysis_id"
    );
    assert_eq!(
        row.client_id, full.client_id,
        "sentiment_analysis.client_id"
    );
    assert_eq!(
        row.period_start, full.period_start,
        "sentiment_analysis.period_start"
    );
    assert_eq!(
        row.period_end, full.period_end,
        "sentiment_analysis.period_end"
    );
    assert_eq!(
        row.total_feedback_items, full.total_feedback_items,
        "sentiment_analysis.total_feedback_items"
    );
    assert_eq!(
        row.feedback_by_type, full.feedback_by_type,
        "sentiment_analysis.feedback_by_type"
    );
    assert_eq!(
        row.overall_sentiment, full.overall_sentiment,
        "sentiment_analysis.overall_sentiment"
    );
    assert_eq!(
        row.overall_sentiment_score, full.overall_sentiment_score,
        "sentiment_analysis.overall_sentiment_score"
    );
    assert_eq!(
        row.sentiment_distribution, full.sentiment_distribution,
        "sentiment_analysis.sentiment_distribution"
    );
    assert_eq!(
        row.sentiment_trend, full.sentiment_trend,
        "sentiment_analysis.sentiment_trend"
    );
    assert_eq!(
        Some(row.top_positive_themes.clone()),
        full.top_positive_themes,
        "sentiment_analysis.top_positive_themes"
    );
    assert_eq!(
        Some(row.top_negative_themes.clone()),
        full.top_negative_themes,
        "sentiment_analysis.top_negative_themes"
    );
    assert_eq!(
        Some(row.action_items.clone()),
        full.action_items,
        "sentiment_analysis.action_items"
    );
    assert_eq!(
        row.nps_score, full.nps_score,
        "sentiment_analysis.nps_score"
    );
    assert_eq!(
        row.csat_score, full.csat_score,
        "sentiment_analysis.csat_score"
    );
    assert_eq!(
        Some(row.analyzed_at),
        full.analyzed_at,
        "sentiment_analysis.analyzed_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<SentimentAnalysis>(&json).unwrap(),
        row
    );
    let minimal = SentimentAnalysis::create(
        conn,
        &NewSentimentAnalysis::new(
            fill("analysis_id", 100, 1),
            CLIENT.to_owned(),
            ts(3001),
            ts(4001),
            Count::new(13).unwrap(),
            json_sample(106),
            Sentiment::ALL[8 % Sentiment::ALL.len()],
            SentimentScore::new(-0.52).unwrap(),
            json_sample(109),
            SentimentTrend::ALL[11 % SentimentTrend::ALL.len()],
        ),
    )
    .unwrap();
    assert_eq!(SentimentAnalysis::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(minimal.nps_score, None, "sentiment_analysis.nps_score");
    assert_eq!(minimal.csat_score, None, "sentiment_analysis.csat_score");
    let mut changes = SentimentAnalysisChanges::default();
    changes.period_start = Some(ts(3001));
    changes.period_end = Some(ts(4001));
    changes.nps_score = Some(None);
    let updated = SentimentAnalysis::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.period_start),
        changes.period_start,
        "sentiment_analysis.period_start updated"
    );
    assert_eq!(
        Some(updated.period_end),
        changes.period_end,
        "sentiment_analysis.period_end updated"
    );
    assert_eq!(
        updated.nps_score, None,
        "sentiment_analysis.nps_score set NULL"
    );
    assert_eq!(
        updated.total_feedback_items, row.total_feedback_items,
        "sentiment_analysis.total_feedback_items left alone"
    );
    assert_eq!(
        updated.feedback_by_type, row.feedback_by_type,
        "sentiment_analysis.feedback_by_type left alone"
    );
    assert_eq!(
        updated.overall_sentiment, row.overall_sentiment,
        "sentiment_analysis.overall_sentiment left alone"
    );
    assert_eq!(
        SentimentAnalysis::update(conn, row.id, &SentimentAnalysisChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.analysis_id.clone();
    assert_eq!(
        SentimentAnalysis::get_by_key(conn, &key).unwrap().id,
        row.id
    );
    assert!(SentimentAnalysis::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        SentimentAnalysis::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        SentimentAnalysis::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        SentimentAnalysis::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        SentimentAnalysis::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        SentimentAnalysis::count(conn).unwrap()
    );
    assert!(SentimentAnalysis::delete(conn, row.id).unwrap());
    assert!(!SentimentAnalysis::delete(conn, row.id).unwrap());
    match SentimentAnalysis::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("sentiment_analysis")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        SentimentAnalysis::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn portfolio_sentiment_analysis_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewPortfolioSentimentAnalysis::new(
        fill("analysis_id", 100, 0),
        ts(2000),
        ts(3000),
        Count::new(11).unwrap(),
        json_sample(5),
        Sentiment::ALL[6 % Sentiment::ALL.len()],
        SentimentScore::new(-0.43).unwrap(),
        json_sample(8),
        SentimentTrend::ALL[9 % SentimentTrend::ALL.len()],
    );
    let mut full = base.clone();
    full.top_positive_themes = Some(json_sample(10));
    full.top_negative_themes = Some(json_sample(11));
    full.action_items = Some(json_sample(12));
    full.nps_score = Some(NetPromoterScore::new(23).unwrap());
    full.csat_score = Some(Rating::new(2.4).unwrap());
    full.analyzed_at = Some(ts(15000));
    let row = PortfolioSentimentAnalysis::create(conn, &full).unwrap();
    assert_eq!(PortfolioSentimentAnalysis::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.analysis_id, full.analysis_id,
        "portfolio_sentiment_analysis.analysis_id"
    );
    assert_eq!(
        row.period_start, full.period_start,
        "portfolio_sentiment_analysis.period_start"
    );
    assert_eq!(
        row.period_end, full.period_end,
        "portfolio_sentiment_analysis.period_end"
    );
    assert_eq!(
        row.total_feedback_items, full.total_feedback_items,
        "portfolio_sentiment_analysis.total_feedback_items"
    );
    assert_eq!(
        row.feedback_by_type, full.feedback_by_type,
        "portfolio_sentiment_analysis.feedback_by_type"
    );
    assert_eq!(
        row.overall_sentiment, full.overall_sentiment,
        "portfolio_sentiment_analysis.overall_sentiment"
    );
    assert_eq!(
        row.overall_sentiment_score, full.overall_sentiment_score,
        "portfolio_sentiment_analysis.overall_sentiment_score"
    );
    assert_eq!(
        row.sentiment_distribution, full.sentiment_distribution,
        "portfolio_sentiment_analysis.sentiment_distribution"
    );
    assert_eq!(
        row.sentiment_trend, full.sentiment_trend,
        "portfolio_sentiment_analysis.sentiment_trend"
    );
    assert_eq!(
        Some(row.top_positive_themes.clone()),
        full.top_positive_themes,
        "portfolio_sentiment_analysis.top_positive_themes"
    );
    assert_eq!(
        Some(row.top_negative_themes.clone()),
        full.top_negative_themes,
        "portfolio_sentiment_analysis.top_negative_themes"
    );
    assert_eq!(
        Some(row.action_items.clone()),
        full.action_items,
        "portfolio_sentiment_analysis.action_items"
    );
    assert_eq!(
        row.nps_score, full.nps_score,
        "portfolio_sentiment_analysis.nps_score"
    );
    assert_eq!(
        row.csat_score, full.csat_score,
        "portfolio_sentiment_analysis.csat_score"
    );
    assert_eq!(
        Some(row.analyzed_at),
        full.analyzed_at,
        "portfolio_sentiment_analysis.analyzed_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<PortfolioSentimentAnalysis>(&json).unwrap(),
        row
    );
    let minimal = PortfolioSentimentAnalysis::create(
        conn,
        &NewPortfolioSentimentAnalysis::new(
            fill("analysis_id", 100, 1),
            ts(2001),
            ts(3001),
            Count::new(12).unwrap(),
            json_sample(105),
            Sentiment::ALL[7 % Sentiment::ALL.len()],
            SentimentScore::new(-0.53).unwrap(),
            json_sample(108),
            SentimentTrend::ALL[10 % SentimentTrend::ALL.len()],
        ),
    )
    .unwrap();
    assert_eq!(
        PortfolioSentimentAnalysis::get(conn, minimal.id).unwrap(),
        minimal
    );
    assert_eq!(
        minimal.nps_score, None,
        "portfolio_sentiment_analysis.nps_score"
    );
    assert_eq!(
        minimal.csat_score, None,
        "portfolio_sentiment_analysis.csat_score"
    );
    let mut changes = PortfolioSentimentAnalysisChanges::default();
    changes.period_start = Some(ts(2001));
    changes.period_end = Some(ts(3001));
    changes.nps_score = Some(None);
    let updated = PortfolioSentimentAnalysis::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.period_start),
        changes.period_start,
        "portfolio_sentiment_analysis.period_start updated"
    );
    assert_eq!(
        Some(updated.period_end),
        changes.period_end,
        "portfolio_sentiment_analysis.period_end updated"
    );
    assert_eq!(
        updated.nps_score, None,
        "portfolio_sentiment_analysis.nps_score set NULL"
    );
    assert_eq!(
        updated.total_feedback_items, row.total_feedback_items,
        "portfolio_sentiment_analysis.total_feedback_items left alone"
    );
    assert_eq!(
        updated.feedback_by_type, row.feedback_by_type,
        "portfolio_sentiment_analysis.feedback_by_type left alone"
    );
    assert_eq!(
        updated.overall_sentiment, row.overall_sentiment,
        "portfolio_sentiment_analysis.overall_sentiment left alone"
    );
    assert_eq!(
        PortfolioSentimentAnalysis::update(
            conn,
            row.id,
            &PortfolioSentimentAnalysisChanges::default()
        )
        .unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.analysis_id.clone();
    assert_eq!(
        PortfolioSentimentAnalysis::get_by_key(conn, &key)
            .unwrap()
            .id,
        row.id
    );
    assert!(PortfolioSentimentAnalysis::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        PortfolioSentimentAnalysis::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        PortfolioSentimentAnalysis::list(conn, Page::default())
            .unwrap()
            .len() as i64,
        PortfolioSentimentAnalysis::count(conn).unwrap()
    );
    assert!(PortfolioSentimentAnalysis::delete(conn, row.id).unwrap());
    assert!(!PortfolioSentimentAnalysis::delete(conn, row.id).unwrap());
    match PortfolioSentimentAnalysis::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("portfolio_sentiment_analysis")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        PortfolioSentimentAnalysis::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn survey_templates_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewSurveyTemplate::new(
        fill("template_id", 100, 0),
        fill("template_name", 200, 0),
        FeedbackType::ALL[3 % FeedbackType::ALL.len()],
        fill("description", 300, 0),
        json_sample(5),
    );
    let mut full = base.clone();
    full.targeting = Some(json_sample(6));
    full.frequency = Some(SurveyFrequency::ALL[7 % SurveyFrequency::ALL.len()]);
    full.active = Some(false);
    full.created_at = Some(ts(9000));
    full.updated_at = Some(ts(10000));
    let row = SurveyTemplate::create(conn, &full).unwrap();
    assert_eq!(SurveyTemplate::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.template_id, full.template_id,
        "survey_templates.template_id"
    );
    assert_eq!(
        row.template_name, full.template_name,
        "survey_templates.template_name"
    );
    assert_eq!(
        row.template_type, full.template_type,
        "survey_templates.template_type"
    );
    assert_eq!(
        row.description, full.description,
        "survey_templates.description"
    );
    assert_eq!(row.questions, full.questions, "survey_templates.questions");
    assert_eq!(
        Some(row.targeting.clone()),
        full.targeting,
        "survey_templates.targeting"
    );
    assert_eq!(
        Some(row.frequency),
        full.frequency,
        "survey_templates.frequency"
    );
    assert_eq!(Some(row.active), full.active, "survey_templates.active");
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "survey_templates.created_at"
    );
    assert_eq!(
        Some(row.updated_at),
        full.updated_at,
        "survey_templates.updated_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<SurveyTemplate>(&json).unwrap(), row);
    let minimal = SurveyTemplate::create(
        conn,
        &NewSurveyTemplate::new(
            fill("template_id", 100, 1),
            fill("template_name", 200, 1),
            FeedbackType::ALL[4 % FeedbackType::ALL.len()],
            fill("description", 300, 1),
            json_sample(105),
        ),
    )
    .unwrap();
    assert_eq!(SurveyTemplate::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = SurveyTemplateChanges::default();
    changes.template_name = Some(fill("template_name", 200, 1));
    changes.template_type = Some(FeedbackType::ALL[4 % FeedbackType::ALL.len()]);
    let updated = SurveyTemplate::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.template_name.clone()),
        changes.template_name,
        "survey_templates.template_name updated"
    );
    assert_eq!(
        Some(updated.template_type),
        changes.template_type,
        "survey_templates.template_type updated"
    );
    assert_eq!(
        updated.description, row.description,
        "survey_templates.description left alone"
    );
    assert_eq!(
        updated.questions, row.questions,
        "survey_templates.questions left alone"
    );
    assert_eq!(
        updated.targeting, row.targeting,
        "survey_templates.targeting left alone"
    );
    assert_eq!(
        SurveyTemplate::update(conn, row.id, &SurveyTemplateChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.template_id.clone();
    assert_eq!(SurveyTemplate::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(SurveyTemplate::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        SurveyTemplate::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        SurveyTemplate::list(conn, Page::default()).unwrap().len() as i64,
        SurveyTemplate::count(conn).unwrap()
    );
    assert!(SurveyTemplate::delete(conn, row.id).unwrap());
    assert!(!SurveyTemplate::delete(conn, row.id).unwrap());
    match SurveyTemplate::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("survey_templates")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        SurveyTemplate::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn health_metrics_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewHealthMetric::new(
        CLIENT.to_owned(),
        ts(2000),
        ts(3000),
        HealthScore::new(44).unwrap(),
        MetricTrend::ALL[5 % MetricTrend::ALL.len()],
        ScoreChange::new(-11).unwrap(),
        json_sample(7),
        json_sample(8),
    );
    let mut full = base.clone();
    full.risk_indicators = Some(json_sample(9));
    full.positive_indicators = Some(json_sample(10));
    full.benchmark_comparison = Some(json_sample(11));
    full.predicted_next_period_score = Some(HealthScore::new(52).unwrap());
    full.confidence = Some(Fraction::new(0.43).unwrap());
    full.created_at = Some(ts(14000));
    let row = HealthMetric::create(conn, &full).unwrap();
    assert_eq!(HealthMetric::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "health_metrics.client_id");
    assert_eq!(
        row.period_start, full.period_start,
        "health_metrics.period_start"
    );
    assert_eq!(row.period_end, full.period_end, "health_metrics.period_end");
    assert_eq!(
        row.overall_health_score, full.overall_health_score,
        "health_metrics.overall_health_score"
    );
    assert_eq!(
        row.health_score_trend, full.health_score_trend,
        "health_metrics.health_score_trend"
    );
    assert_eq!(
        row.health_score_change, full.health_score_change,
        "health_metrics.health_score_change"
    );
    assert_eq!(
        row.health_components, full.health_components,
        "health_metrics.health_components"
    );
    assert_eq!(
        row.component_trends, full.component_trends,
        "health_metrics.component_trends"
    );
    assert_eq!(
        Some(row.risk_indicators.clone()),
        full.risk_indicators,
        "health_metrics.risk_indicators"
    );
    assert_eq!(
        Some(row.positive_indicators.clone()),
        full.positive_indicators,
        "health_metrics.positive_indicators"
    );
    assert_eq!(
        Some(row.benchmark_comparison.clone()),
        full.benchmark_comparison,
        "health_metrics.benchmark_comparison"
    );
    assert_eq!(
        row.predicted_next_period_score, full.predicted_next_period_score,
        "health_metrics.predicted_next_period_score"
    );
    assert_eq!(
        Some(row.confidence),
        full.confidence,
        "health_metrics.confidence"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "health_metrics.created_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<HealthMetric>(&json).unwrap(), row);
    let minimal = HealthMetric::create(
        conn,
        &NewHealthMetric::new(
            CLIENT.to_owned(),
            ts(2001),
            ts(3001),
            HealthScore::new(45).unwrap(),
            MetricTrend::ALL[6 % MetricTrend::ALL.len()],
            ScoreChange::new(-12).unwrap(),
            json_sample(107),
            json_sample(108),
        ),
    )
    .unwrap();
    assert_eq!(HealthMetric::get(conn, minimal.id).unwrap(), minimal);
    assert_eq!(
        minimal.predicted_next_period_score, None,
        "health_metrics.predicted_next_period_score"
    );
    let mut changes = HealthMetricChanges::default();
    changes.period_start = Some(ts(2001));
    changes.period_end = Some(ts(3001));
    changes.predicted_next_period_score = Some(None);
    let updated = HealthMetric::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.period_start),
        changes.period_start,
        "health_metrics.period_start updated"
    );
    assert_eq!(
        Some(updated.period_end),
        changes.period_end,
        "health_metrics.period_end updated"
    );
    assert_eq!(
        updated.predicted_next_period_score, None,
        "health_metrics.predicted_next_period_score set NULL"
    );
    assert_eq!(
        updated.overall_health_score, row.overall_health_score,
        "health_metrics.overall_health_score left alone"
    );
    assert_eq!(
        updated.health_score_trend, row.health_score_trend,
        "health_metrics.health_score_trend left alone"
    );
    assert_eq!(
        updated.health_score_change, row.health_score_change,
        "health_metrics.health_score_change left alone"
    );
    assert_eq!(
        HealthMetric::update(conn, row.id, &HealthMetricChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        HealthMetric::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        HealthMetric::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        HealthMetric::list(conn, Page::default()).unwrap().len() as i64,
        HealthMetric::count(conn).unwrap()
    );
    assert!(HealthMetric::delete(conn, row.id).unwrap());
    assert!(!HealthMetric::delete(conn, row.id).unwrap());
    match HealthMetric::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("health_metrics")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        HealthMetric::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn engagement_metrics_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewEngagementMetric::new(
        CLIENT.to_owned(),
        ts(2000),
        ts(3000),
        Count::new(11).unwrap(),
        Count::new(3).unwrap(),
        Count::new(13).unwrap(),
        Count::new(14).unwrap(),
        Count::new(15).unwrap(),
        Fraction::new(0.39).unwrap(),
        Fraction::new(0.4).unwrap(),
        Count::new(18).unwrap(),
        NonNegativeF64::new(15.25).unwrap(),
        Count::new(20).unwrap(),
        NonNegativeF64::new(17.25).unwrap(),
        Count::new(22).unwrap(),
        NonNegativeF64::new(19.25).unwrap(),
        json_sample(17),
        MetricTrend::ALL[21 % MetricTrend::ALL.len()],
    );
    let mut full = base.clone();
    full.power_users = Some(Count::new(25).unwrap());
    full.inactive_users = Some(Count::new(26).unwrap());
    full.at_risk_users = Some(Count::new(27).unwrap());
    full.vs_previous_period = Some(json_sample(22));
    full.created_at = Some(ts(23000));
    let row = EngagementMetric::create(conn, &full).unwrap();
    assert_eq!(EngagementMetric::get(conn, row.id).unwrap(), row);
    assert_eq!(
        row.client_id, full.client_id,
        "engagement_metrics.client_id"
    );
    assert_eq!(
        row.period_start, full.period_start,
        "engagement_metrics.period_start"
    );
    assert_eq!(
        row.period_end, full.period_end,
        "engagement_metrics.period_end"
    );
    assert_eq!(
        row.total_users, full.total_users,
        "engagement_metrics.total_users"
    );
    assert_eq!(
        row.active_users, full.active_users,
        "engagement_metrics.active_users"
    );
    assert_eq!(
        row.daily_active_users, full.daily_active_users,
        "engagement_metrics.daily_active_users"
    );
    assert_eq!(
        row.weekly_active_users, full.weekly_active_users,
        "engagement_metrics.weekly_active_users"
    );
    assert_eq!(
        row.monthly_active_users, full.monthly_active_users,
        "engagement_metrics.monthly_active_users"
    );
    assert_eq!(
        row.activation_rate, full.activation_rate,
        "engagement_metrics.activation_rate"
    );
    assert_eq!(
        row.engagement_rate, full.engagement_rate,
        "engagement_metrics.engagement_rate"
    );
    assert_eq!(
        row.total_logins, full.total_logins,
        "engagement_metrics.total_logins"
    );
    assert_eq!(
        row.avg_logins_per_user, full.avg_logins_per_user,
        "engagement_metrics.avg_logins_per_user"
    );
    assert_eq!(
        row.total_session_minutes, full.total_session_minutes,
        "engagement_metrics.total_session_minutes"
    );
    assert_eq!(
        row.avg_session_duration_minutes, full.avg_session_duration_minutes,
        "engagement_metrics.avg_session_duration_minutes"
    );
    assert_eq!(
        row.total_actions, full.total_actions,
        "engagement_metrics.total_actions"
    );
    assert_eq!(
        row.avg_actions_per_session, full.avg_actions_per_session,
        "engagement_metrics.avg_actions_per_session"
    );
    assert_eq!(
        row.feature_adoption, full.feature_adoption,
        "engagement_metrics.feature_adoption"
    );
    assert_eq!(
        Some(row.power_users),
        full.power_users,
        "engagement_metrics.power_users"
    );
    assert_eq!(
        Some(row.inactive_users),
        full.inactive_users,
        "engagement_metrics.inactive_users"
    );
    assert_eq!(
        Some(row.at_risk_users),
        full.at_risk_users,
        "engagement_metrics.at_risk_users"
    );
    assert_eq!(
        row.engagement_trend, full.engagement_trend,
        "engagement_metrics.engagement_trend"
    );
    assert_eq!(
        Some(row.vs_previous_period.clone()),
        full.vs_previous_period,
        "engagement_metrics.vs_previous_period"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "engagement_metrics.created_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(
        serde_json::from_str::<EngagementMetric>(&json).unwrap(),
        row
    );
    let minimal = EngagementMetric::create(
        conn,
        &NewEngagementMetric::new(
            CLIENT.to_owned(),
            ts(2001),
            ts(3001),
            Count::new(12).unwrap(),
            Count::new(4).unwrap(),
            Count::new(14).unwrap(),
            Count::new(15).unwrap(),
            Count::new(16).unwrap(),
            Fraction::new(0.49).unwrap(),
            Fraction::new(0.5).unwrap(),
            Count::new(19).unwrap(),
            NonNegativeF64::new(16.25).unwrap(),
            Count::new(21).unwrap(),
            NonNegativeF64::new(18.25).unwrap(),
            Count::new(23).unwrap(),
            NonNegativeF64::new(20.25).unwrap(),
            json_sample(117),
            MetricTrend::ALL[22 % MetricTrend::ALL.len()],
        ),
    )
    .unwrap();
    assert_eq!(EngagementMetric::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = EngagementMetricChanges::default();
    changes.period_start = Some(ts(2001));
    changes.period_end = Some(ts(3001));
    let updated = EngagementMetric::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.period_start),
        changes.period_start,
        "engagement_metrics.period_start updated"
    );
    assert_eq!(
        Some(updated.period_end),
        changes.period_end,
        "engagement_metrics.period_end updated"
    );
    assert_eq!(
        updated.total_users, row.total_users,
        "engagement_metrics.total_users left alone"
    );
    assert_eq!(
        updated.active_users, row.active_users,
        "engagement_metrics.active_users left alone"
    );
    assert_eq!(
        updated.daily_active_users, row.daily_active_users,
        "engagement_metrics.daily_active_users left alone"
    );
    assert_eq!(
        EngagementMetric::update(conn, row.id, &EngagementMetricChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        EngagementMetric::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        EngagementMetric::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        EngagementMetric::list(conn, Page::default()).unwrap().len() as i64,
        EngagementMetric::count(conn).unwrap()
    );
    assert!(EngagementMetric::delete(conn, row.id).unwrap());
    assert!(!EngagementMetric::delete(conn, row.id).unwrap());
    match EngagementMetric::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("engagement_metrics")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        EngagementMetric::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn usage_analytics_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewUsageAnalytics::new(
        CLIENT.to_owned(),
        ts(2000),
        ts(3000),
        Count::new(11).unwrap(),
        Count::new(12).unwrap(),
        Count::new(13).unwrap(),
        Fraction::new(0.37).unwrap(),
        json_sample(8),
        MetricTrend::ALL[14 % MetricTrend::ALL.len()],
        GrowthRate::new(0.25).unwrap(),
    );
    let mut full = base.clone();
    full.underutilized_features = Some(json_sample(9));
    full.new_feature_adoption = Some(json_sample(10));
    full.usage_by_user_role = Some(json_sample(11));
    full.integration_usage = Some(json_sample(12));
    full.api_usage = Some(json_sample(13));
    full.created_at = Some(ts(16000));
    let row = UsageAnalytics::create(conn, &full).unwrap();
    assert_eq!(UsageAnalytics::get(conn, row.id).unwrap(), row);
    assert_eq!(row.client_id, full.client_id, "usage_analytics.client_id");
    assert_eq!(
        row.period_start, full.period_start,
        "usage_analytics.period_start"
    );
    assert_eq!(
        row.period_end, full.period_end,
        "usage_analytics.period_end"
    );
    assert_eq!(
        row.total_usage_events, full.total_usage_events,
        "usage_analytics.total_usage_events"
    );
    assert_eq!(
        row.unique_features_used, full.unique_features_used,
        "usage_analytics.unique_features_used"
    );
    assert_eq!(
        row.total_features_available, full.total_features_available,
        "usage_analytics.total_features_available"
    );
    assert_eq!(
        row.feature_utilization_rate, full.feature_utilization_rate,
        "usage_analytics.feature_utilization_rate"
    );
    assert_eq!(
        row.top_features, full.top_features,
        "usage_analytics.top_features"
    );
    assert_eq!(
        Some(row.underutilized_features.clone()),
        full.underutilized_features,
        "usage_analytics.underutilized_features"
    );
    assert_eq!(
        Some(row.new_feature_adoption.clone()),
        full.new_feature_adoption,
        "usage_analytics.new_feature_adoption"
    );
    assert_eq!(
        Some(row.usage_by_user_role.clone()),
        full.usage_by_user_role,
        "usage_analytics.usage_by_user_role"
    );
    assert_eq!(
        Some(row.integration_usage.clone()),
        full.integration_usage,
        "usage_analytics.integration_usage"
    );
    assert_eq!(
        Some(row.api_usage.clone()),
        full.api_usage,
        "usage_analytics.api_usage"
    );
    assert_eq!(
        row.usage_trend, full.usage_trend,
        "usage_analytics.usage_trend"
    );
    assert_eq!(
        row.usage_growth_rate, full.usage_growth_rate,
        "usage_analytics.usage_growth_rate"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "usage_analytics.created_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<UsageAnalytics>(&json).unwrap(), row);
    let minimal = UsageAnalytics::create(
        conn,
        &NewUsageAnalytics::new(
            CLIENT.to_owned(),
            ts(2001),
            ts(3001),
            Count::new(12).unwrap(),
            Count::new(13).unwrap(),
            Count::new(14).unwrap(),
            Fraction::new(0.47).unwrap(),
            json_sample(108),
            MetricTrend::ALL[15 % MetricTrend::ALL.len()],
            GrowthRate::new(0.35).unwrap(),
        ),
    )
    .unwrap();
    assert_eq!(UsageAnalytics::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = UsageAnalyticsChanges::default();
    changes.period_start = Some(ts(2001));
    changes.period_end = Some(ts(3001));
    let updated = UsageAnalytics::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.period_start),
        changes.period_start,
        "usage_analytics.period_start updated"
    );
    assert_eq!(
        Some(updated.period_end),
        changes.period_end,
        "usage_analytics.period_end updated"
    );
    assert_eq!(
        updated.total_usage_events, row.total_usage_events,
        "usage_analytics.total_usage_events left alone"
    );
    assert_eq!(
        updated.unique_features_used, row.unique_features_used,
        "usage_analytics.unique_features_used left alone"
    );
    assert_eq!(
        updated.total_features_available, row.total_features_available,
        "usage_analytics.total_features_available left alone"
    );
    assert_eq!(
        UsageAnalytics::update(conn, row.id, &UsageAnalyticsChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    assert_eq!(
        UsageAnalytics::list_by_client(conn, CLIENT, Page::first(10))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        UsageAnalytics::list_by_client(conn, CLIENT, Page::new(1, 1))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        UsageAnalytics::list(conn, Page::default()).unwrap().len() as i64,
        UsageAnalytics::count(conn).unwrap()
    );
    assert!(UsageAnalytics::delete(conn, row.id).unwrap());
    assert!(!UsageAnalytics::delete(conn, row.id).unwrap());
    match UsageAnalytics::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("usage_analytics")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        UsageAnalytics::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn cohort_analysis_round_trip() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    parents(conn);
    let base = NewCohortAnalysis::new(
        fill("cohort_id", 100, 0),
        fill("cohort_name", 200, 0),
        json_sample(3),
        Count::new(11).unwrap(),
        date(2025, 3, 6),
        Count::new(13).unwrap(),
        json_sample(7),
        json_sample(8),
        json_sample(9),
    );
    let mut full = base.clone();
    full.benchmark_comparison = Some(json_sample(10));
    full.created_at = Some(ts(11000));
    let row = CohortAnalysis::create(conn, &full).unwrap();
    assert_eq!(CohortAnalysis::get(conn, row.id).unwrap(), row);
    assert_eq!(row.cohort_id, full.cohort_id, "cohort_analysis.cohort_id");
    assert_eq!(
        row.cohort_name, full.cohort_name,
        "cohort_analysis.cohort_name"
    );
    assert_eq!(
        row.cohort_definition, full.cohort_definition,
        "cohort_analysis.cohort_definition"
    );
    assert_eq!(
        row.cohort_size, full.cohort_size,
        "cohort_analysis.cohort_size"
    );
    assert_eq!(
        row.analysis_date, full.analysis_date,
        "cohort_analysis.analysis_date"
    );
    assert_eq!(
        row.months_since_cohort, full.months_since_cohort,
        "cohort_analysis.months_since_cohort"
    );
    assert_eq!(
        row.retention_by_month, full.retention_by_month,
        "cohort_analysis.retention_by_month"
    );
    assert_eq!(
        row.engagement_by_month, full.engagement_by_month,
        "cohort_analysis.engagement_by_month"
    );
    assert_eq!(
        row.revenue_metrics, full.revenue_metrics,
        "cohort_analysis.revenue_metrics"
    );
    assert_eq!(
        Some(row.benchmark_comparison.clone()),
        full.benchmark_comparison,
        "cohort_analysis.benchmark_comparison"
    );
    assert_eq!(
        Some(row.created_at),
        full.created_at,
        "cohort_analysis.created_at"
    );
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(serde_json::from_str::<CohortAnalysis>(&json).unwrap(), row);
    let minimal = CohortAnalysis::create(
        conn,
        &NewCohortAnalysis::new(
            fill("cohort_id", 100, 1),
            fill("cohort_name", 200, 1),
            json_sample(103),
            Count::new(12).unwrap(),
            date(2025, 3, 7),
            Count::new(14).unwrap(),
            json_sample(107),
            json_sample(108),
            json_sample(109),
        ),
    )
    .unwrap();
    assert_eq!(CohortAnalysis::get(conn, minimal.id).unwrap(), minimal);
    let mut changes = CohortAnalysisChanges::default();
    changes.cohort_name = Some(fill("cohort_name", 200, 1));
    changes.cohort_definition = Some(json_sample(103));
    let updated = CohortAnalysis::update(conn, row.id, &changes).unwrap();
    assert_eq!(
        Some(updated.cohort_name.clone()),
        changes.cohort_name,
        "cohort_analysis.cohort_name updated"
    );
    assert_eq!(
        Some(updated.cohort_definition.clone()),
        changes.cohort_definition,
        "cohort_analysis.cohort_definition updated"
    );
    assert_eq!(
        updated.cohort_size, row.cohort_size,
        "cohort_analysis.cohort_size left alone"
    );
    assert_eq!(
        updated.analysis_date, row.analysis_date,
        "cohort_analysis.analysis_date left alone"
    );
    assert_eq!(
        updated.months_since_cohort, row.months_since_cohort,
        "cohort_analysis.months_since_cohort left alone"
    );
    assert_eq!(
        CohortAnalysis::update(conn, row.id, &CohortAnalysisChanges::default()).unwrap(),
        updated,
        "empty changeset"
    );
    let key = row.cohort_id.clone();
    assert_eq!(CohortAnalysis::get_by_key(conn, &key).unwrap().id, row.id);
    assert!(CohortAnalysis::find_by_key(conn, "no-such-key")
        .unwrap()
        .is_none());
    assert!(matches!(
        CohortAnalysis::get_by_key(conn, "no-such-key"),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        CohortAnalysis::list(conn, Page::default()).unwrap().len() as i64,
        CohortAnalysis::count(conn).unwrap()
    );
    assert!(CohortAnalysis::delete(conn, row.id).unwrap());
    assert!(!CohortAnalysis::delete(conn, row.id).unwrap());
    match CohortAnalysis::get(conn, row.id) {
        Err(Error::NotFound { what, .. }) => assert!(what.contains("cohort_analysis")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        CohortAnalysis::update(conn, row.id, &changes),
        Err(Error::NotFound { .. })
    ));
}
