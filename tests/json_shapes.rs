//! Typed JSONB shapes (issue 11, item 4): each shape round-trips through PostgreSQL in the
//! column it describes; malformed JSON for a shape is an error naming the field; free-form
//! JSON still stores (the columns stay `serde_json::Value`); the demo data fits the shapes.
mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::TestDatabase;
use customer_success_db::crud::{ByKey, Crud};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::{demo, Error};
use diesel::PgConnection;
use serde_json::{json, Value};

fn customer(conn: &mut PgConnection) {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    Customer::create(conn, &NewCustomer::new("acme", "Acme", "Acme Corp", start)).unwrap();
}

fn count(v: i32) -> Count {
    Count::new(v).unwrap()
}

fn plan(goals: Value, criteria: Value) -> NewOnboardingPlan {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    NewOnboardingPlan::builder()
        .plan_id("onb_acme")
        .client_id("acme")
        .plan_name("Acme onboarding")
        .product_tier("enterprise")
        .start_date(start)
        .target_completion_date(start + Duration::weeks(6))
        .timeline_weeks(count(6))
        .customer_goals(goals)
        .success_criteria(criteria)
        .build()
        .unwrap()
}

fn milestone(id: &str, tasks: Value) -> NewOnboardingMilestone {
    NewOnboardingMilestone::builder()
        .milestone_id(id)
        .plan_id("onb_acme")
        .client_id("acme")
        .name("Kickoff")
        .description("Kickoff and setup")
        .week(count(1))
        .sequence_order(count(1))
        .tasks(tasks)
        .estimated_hours(count(8))
        .build()
        .unwrap()
}

/// The error of reading `value` as `T`: a `Deserialize` error whose path is `path`.
fn bad<T: JsonShape + std::fmt::Debug>(value: Value, path: &str, says: &str) {
    let err = T::from_value(&value).unwrap_err();
    match &err {
        Error::Deserialize { path: p, message } => {
            assert_eq!(p, path, "{value}: {err}");
            assert!(
                message.contains(says),
                "{value}: {message:?} lacks {says:?}"
            );
        }
        other => panic!("{value}: expected Error::Deserialize, got {other:?}"),
    }
}

#[test]
fn each_shape_round_trips_through_its_column() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn);

    // onboarding_plans.customer_goals / success_criteria: TextList.
    let goals = TextList::new(["Automate support workflows", "Train 15 users"]).unwrap();
    let criteria = TextList::new(["All users trained", "Time to first value < 21 days"]).unwrap();
    OnboardingPlan::create(
        &mut conn,
        &plan(goals.to_value(), Value::from(criteria.clone())),
    )
    .unwrap();
    let p = OnboardingPlan::get_by_key(&mut conn, "onb_acme").unwrap();
    assert_eq!(TextList::from_value(&p.customer_goals).unwrap(), goals);
    assert_eq!(shape::<TextList>(&p.success_criteria).unwrap(), criteria);

    // onboarding_milestones.tasks: MilestoneTasks.
    let tasks = MilestoneTasks::new(vec![
        MilestoneTask::new("Kickoff call", true).unwrap(),
        MilestoneTask::new("Provision SSO", false).unwrap(),
    ])
    .unwrap();
    let m = OnboardingMilestone::create(&mut conn, &milestone("M1", tasks.to_value())).unwrap();
    let read = MilestoneTasks::from_value(&m.tasks).unwrap();
    assert_eq!(read, tasks);
    assert_eq!(read.done_fraction().get(), 0.5);
    assert_eq!(
        m.tasks,
        json!([{"task": "Kickoff call", "done": true}, {"task": "Provision SSO", "done": false}])
    );

    // health_metrics.health_components / component_trends.
    let c = |v: f64| ComponentScore::new(v).unwrap();
    let components = HealthComponents {
        usage: c(81.5),
        engagement: c(72.0),
        support: c(90.0),
        satisfaction: c(64.25),
        payment: c(100.0),
    };
    let trends = ComponentTrends {
        usage: ComponentTrend::Up,
        engagement: ComponentTrend::Flat,
        support: ComponentTrend::Down,
        satisfaction: ComponentTrend::Flat,
        payment: ComponentTrend::Up,
    };
    let end = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let h = HealthMetric::create(
        &mut conn,
        &NewHealthMetric::builder()
            .client_id("acme")
            .period_start(end - Duration::days(30))
            .period_end(end)
            .overall_health_score(HealthScore::new(80).unwrap())
            .health_score_trend(MetricTrend::Up)
            .health_score_change(ScoreChange::new(3).unwrap())
            .health_components(components.into())
            .component_trends(trends.into())
            .build()
            .unwrap(),
    )
    .unwrap();
    let h = HealthMetric::get(&mut conn, h.id).unwrap();
    assert_eq!(
        HealthComponents::from_value(&h.health_components).unwrap(),
        components
    );
    assert_eq!(
        ComponentTrends::from_value(&h.component_trends).unwrap(),
        trends
    );

    // engagement_metrics.feature_adoption: FeatureAdoption.
    let f = |v: f64| Fraction::new(v).unwrap();
    let adoption = FeatureAdoption::new([("dashboards", f(0.75)), ("exports", f(0.0))]).unwrap();
    let e = EngagementMetric::create(
        &mut conn,
        &NewEngagementMetric::builder()
            .client_id("acme")
            .period_start(end - Duration::days(30))
            .period_end(end)
            .total_users(count(10))
            .active_users(count(8))
            .daily_active_users(count(3))
            .weekly_active_users(count(6))
            .monthly_active_users(count(8))
            .activation_rate(f(0.8))
            .engagement_rate(f(0.6))
            .total_logins(count(100))
            .avg_logins_per_user(NonNegativeF64::new(10.0).unwrap())
            .total_session_minutes(count(900))
            .avg_session_duration_minutes(NonNegativeF64::new(9.0).unwrap())
            .total_actions(count(2000))
            .avg_actions_per_session(NonNegativeF64::new(20.0).unwrap())
            .feature_adoption(adoption.to_value())
            .engagement_trend(MetricTrend::Flat)
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        FeatureAdoption::from_value(&e.feature_adoption).unwrap(),
        adoption
    );

    // usage_analytics.top_features: TopFeatures.
    let top = TopFeatures(vec![
        TopFeature::new("dashboards", 1200).unwrap(),
        TopFeature::new("exports", 300).unwrap(),
    ]);
    let u = UsageAnalytics::create(
        &mut conn,
        &NewUsageAnalytics::builder()
            .client_id("acme")
            .period_start(end - Duration::days(30))
            .period_end(end)
            .total_usage_events(count(1500))
            .unique_features_used(count(2))
            .total_features_available(count(10))
            .feature_utilization_rate(f(0.2))
            .top_features(top.clone().into())
            .usage_trend(MetricTrend::Up)
            .usage_growth_rate(GrowthRate::new(0.1).unwrap())
            .build()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(TopFeatures::from_value(&u.top_features).unwrap(), top);
}

#[test]
fn malformed_json_is_an_error_naming_the_field() {
    bad::<TextList>(json!([]), ".", "at least one item");
    bad::<TextList>(json!(["ok", "  "]), ".", "item 1");
    bad::<TextList>(json!(["ok", 3]), "[1]", "expected a string");
    bad::<TextList>(json!({"goal": "x"}), ".", "sequence");

    bad::<MilestoneTasks>(json!([]), ".", "at least one task");
    bad::<MilestoneTasks>(
        json!([{"task": "a", "done": "yes"}]),
        "[0].done",
        "expected a boolean",
    );
    bad::<MilestoneTasks>(
        json!(["a", {"task": "b", "don": true}]),
        "[1].don",
        "unknown field `don`",
    );
    bad::<MilestoneTasks>(json!([{"done": true}]), "[0]", "missing field `task`");
    bad::<MilestoneTasks>(json!([7]), "[0]", "a task: a string, or");
    bad::<MilestoneTasks>(json!(["a", ""]), "[1]", "blank");

    let five =
        json!({"usage": 80, "engagement": 70, "support": 60, "satisfaction": 50, "payment": 40});
    assert!(HealthComponents::from_value(&five).is_ok());
    let mut over = five.clone();
    over["support"] = json!(150);
    bad::<HealthComponents>(over, "support", "out of range");
    let mut missing = five.clone();
    missing.as_object_mut().unwrap().remove("payment");
    bad::<HealthComponents>(missing, ".", "missing field `payment`");
    let mut extra = five;
    extra["adoption"] = json!(10);
    bad::<HealthComponents>(extra, "adoption", "unknown field `adoption`");

    bad::<ComponentTrends>(
        json!({"usage": "up", "engagement": "sideways", "support": "up", "satisfaction": "up", "payment": "up"}),
        "engagement",
        "unknown variant `sideways`",
    );

    bad::<FeatureAdoption>(
        json!({"dashboards": 0.5, "exports": 1.5}),
        "exports",
        "out of range",
    );
    bad::<FeatureAdoption>(json!({"": 0.5}), ".", "blank feature name");

    bad::<TopFeatures>(
        json!([{"feature": "a", "events": -1}]),
        "[0].events",
        "invalid value",
    );
    bad::<TopFeatures>(
        json!([{"feature": "a", "events": 1, "rank": 1}]),
        "[0].rank",
        "unknown field `rank`",
    );
    bad::<TopFeatures>(
        json!([{"feature": " ", "events": 1}]),
        "[0]",
        "blank feature name",
    );
}

#[test]
fn free_form_json_still_stores() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn);
    // Shapes the original system never defined, and one a shape type would refuse: the
    // columns are `serde_json::Value`, so they store and load unchanged.
    let odd_goals = json!({"north_star": "activation", "weights": [1, 2.5, null]});
    OnboardingPlan::create(&mut conn, &plan(odd_goals.clone(), json!([]))).unwrap();
    let p = OnboardingPlan::get_by_key(&mut conn, "onb_acme").unwrap();
    assert_eq!(p.customer_goals, odd_goals);
    assert_eq!(p.success_criteria, json!([]));
    assert!(TextList::from_value(&p.customer_goals).is_err());

    let odd_tasks = json!([{"task": "a", "owner": "sam", "due": "2026-01-09"}]);
    let m = OnboardingMilestone::create(&mut conn, &milestone("M1", odd_tasks.clone())).unwrap();
    assert_eq!(
        OnboardingMilestone::get(&mut conn, m.id).unwrap().tasks,
        odd_tasks
    );
}

/// The crate's own demo data writes these columns in the shapes' form.
#[test]
fn demo_data_fits_the_shapes() {
    let data = demo::generate(&demo::DemoConfig::new(30, 7));
    assert!(!data.onboarding_milestones.is_empty() && !data.health_metrics.is_empty());
    for p in &data.onboarding_plans {
        TextList::from_value(&p.customer_goals).unwrap();
        TextList::from_value(&p.success_criteria).unwrap();
    }
    for m in &data.onboarding_milestones {
        MilestoneTasks::from_value(&m.tasks).unwrap();
    }
    for h in &data.health_metrics {
        HealthComponents::from_value(&h.health_components).unwrap();
        ComponentTrends::from_value(&h.component_trends).unwrap();
    }
    for e in &data.engagement_metrics {
        FeatureAdoption::from_value(&e.feature_adoption).unwrap();
    }
    for u in &data.usage_analytics {
        TopFeatures::from_value(&u.top_features).unwrap();
    }
}
