//! Constructors that cannot be misordered (issue 11, item 3): the issue's "realistic ticket"
//! and "engagement metric" written with the generated builders, inserted into PostgreSQL and
//! read back, with every adjacent value of one type distinct so a swap shows; a missing
//! required field is a clear error; the builders of the two tables with derived columns keep
//! them derived.
mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::TestDatabase;
use customer_success_db::crud::{ByKey, Crud};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::Error;
use diesel::PgConnection;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, h, m, 0).unwrap()
}

fn customer(conn: &mut PgConnection, key: &str) {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    Customer::create(conn, &NewCustomer::new(key, "Acme", "Acme Corp", start)).unwrap();
}

fn count(v: i32) -> Count {
    Count::new(v).unwrap()
}

fn fraction(v: f64) -> Fraction {
    Fraction::new(v).unwrap()
}

fn non_negative(v: f64) -> NonNegativeF64 {
    NonNegativeF64::new(v).unwrap()
}

/// The issue's realistic ticket: priority, category, SLA minutes, assigned agent, timestamps,
/// tags, in one expression that names every value.
fn realistic_ticket() -> NewSupportTicketBuilder {
    NewSupportTicket::builder()
        .ticket_id("TCK-1001")
        .client_id("acme")
        .subject("SSO login fails for the EU tenant")
        .description("Since the certificate rotation users get a SAML error.")
        .priority(TicketPriority::P1)
        .category(TicketCategory::TechnicalIssue)
        .status(TicketStatus::InProgress)
        .requester_email("it@acme.example")
        .requester_name("Dana Ops")
        .assigned_agent("sam@support.example")
        .assigned_team("identity")
        .tags(["sso", "saml", "eu"].into_iter().collect())
        .created_at(at(9, 0))
        .first_response_at(at(9, 42))
        .sla_first_response_minutes(count(60))
        .sla_resolution_minutes(count(480))
        .time_to_first_response_minutes(count(42))
        .escalated(true)
        .escalated_at(at(10, 0))
        .escalation_reason("enterprise customer blocked")
}

#[test]
fn realistic_ticket_lands_in_the_right_columns() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "acme");

    let new = realistic_ticket().build().unwrap();
    SupportTicket::create(&mut conn, &new).unwrap();
    let t = SupportTicket::get_by_key(&mut conn, "TCK-1001").unwrap();

    assert_eq!(t.client_id, "acme");
    assert_eq!(t.subject, "SSO login fails for the EU tenant");
    assert_eq!(
        t.description,
        "Since the certificate rotation users get a SAML error."
    );
    assert_eq!(t.priority, TicketPriority::P1);
    assert_eq!(t.category, TicketCategory::TechnicalIssue);
    assert_eq!(t.status, TicketStatus::InProgress);
    assert_eq!(t.requester_email, "it@acme.example");
    assert_eq!(t.requester_name, "Dana Ops");
    assert_eq!(t.assigned_agent.as_deref(), Some("sam@support.example"));
    assert_eq!(t.assigned_team.as_deref(), Some("identity"));
    assert_eq!(t.tags.to_vec(), ["sso", "saml", "eu"]);
    assert_eq!(t.created_at, at(9, 0));
    assert_eq!(t.first_response_at, Some(at(9, 42)));
    // The two SLA integers side by side, the ones the positional `new` let a caller swap.
    assert_eq!(t.sla_first_response_minutes.get(), 60);
    assert_eq!(t.sla_resolution_minutes.get(), 480);
    assert_eq!(t.time_to_first_response_minutes.map(Count::get), Some(42));
    assert_eq!(t.time_to_resolution_minutes, None);
    assert!(t.escalated);
    assert_eq!(t.escalated_at, Some(at(10, 0)));
    assert_eq!(
        t.escalation_reason.as_deref(),
        Some("enterprise customer blocked")
    );
    // Unset optional columns got the database's defaults / NULL.
    assert_eq!(t.resolved_at, None);
    assert_eq!(t.satisfaction_rating, None);

    // The builder and the positional constructor build the same row.
    #[allow(clippy::redundant_clone)]
    let positional = NewSupportTicket {
        status: Some(TicketStatus::InProgress),
        assigned_agent: Some("sam@support.example".into()),
        assigned_team: Some("identity".into()),
        tags: Some(["sso", "saml", "eu"].into_iter().collect()),
        created_at: Some(at(9, 0)),
        first_response_at: Some(at(9, 42)),
        time_to_first_response_minutes: Some(count(42)),
        escalated: Some(true),
        escalated_at: Some(at(10, 0)),
        escalation_reason: Some("enterprise customer blocked".into()),
        ..NewSupportTicket::new(
            "TCK-1001",
            "acme",
            "SSO login fails for the EU tenant",
            "Since the certificate rotation users get a SAML error.",
            TicketPriority::P1,
            TicketCategory::TechnicalIssue,
            "it@acme.example",
            "Dana Ops",
            count(60),
            count(480),
        )
    };
    assert_eq!(positional, new);
}

#[test]
fn engagement_metric_lands_in_the_right_columns() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "acme");
    let start = at(0, 0) - Duration::days(30);

    // Nine consecutive integer and float columns, every value different.
    let new = NewEngagementMetric::builder()
        .client_id("acme")
        .period_start(start)
        .period_end(at(0, 0))
        .total_users(count(500))
        .active_users(count(400))
        .daily_active_users(count(150))
        .weekly_active_users(count(300))
        .monthly_active_users(count(380))
        .activation_rate(fraction(0.8))
        .engagement_rate(fraction(0.65))
        .total_logins(count(9_000))
        .avg_logins_per_user(non_negative(22.5))
        .total_session_minutes(count(54_000))
        .avg_session_duration_minutes(non_negative(18.25))
        .total_actions(count(120_000))
        .avg_actions_per_session(non_negative(13.5))
        .feature_adoption(serde_json::json!({"dashboards": 0.7, "exports": 0.2}))
        .power_users(count(40))
        .inactive_users(count(100))
        .at_risk_users(count(25))
        .engagement_trend(MetricTrend::Up)
        .build()
        .unwrap();
    let row = EngagementMetric::create(&mut conn, &new).unwrap();
    let m = EngagementMetric::get(&mut conn, row.id).unwrap();

    assert_eq!(m.client_id, "acme");
    assert_eq!((m.period_start, m.period_end), (start, at(0, 0)));
    let ints = [
        m.total_users,
        m.active_users,
        m.daily_active_users,
        m.weekly_active_users,
        m.monthly_active_users,
        m.total_logins,
        m.total_session_minutes,
        m.total_actions,
    ]
    .map(Count::get);
    assert_eq!(ints, [500, 400, 150, 300, 380, 9_000, 54_000, 120_000]);
    assert_eq!(m.activation_rate.get(), 0.8);
    assert_eq!(m.engagement_rate.get(), 0.65);
    assert_eq!(m.avg_logins_per_user.get(), 22.5);
    assert_eq!(m.avg_session_duration_minutes.get(), 18.25);
    assert_eq!(m.avg_actions_per_session.get(), 13.5);
    assert_eq!(
        [m.power_users, m.inactive_users, m.at_risk_users].map(Count::get),
        [40, 100, 25]
    );
    assert_eq!(m.engagement_trend, MetricTrend::Up);
    assert_eq!(
        m.feature_adoption,
        serde_json::json!({"dashboards": 0.7, "exports": 0.2})
    );
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    // Everything but `sla_resolution_minutes`.
    let partial = NewSupportTicket::builder()
        .ticket_id("TCK-1")
        .client_id("acme")
        .subject("s")
        .description("d")
        .priority(TicketPriority::P2)
        .category(TicketCategory::AccountBilling)
        .requester_email("a@b.example")
        .requester_name("A")
        .sla_first_response_minutes(count(60));
    let err = partial.clone().build().unwrap_err();
    let Error::Validation(v) = &err else {
        panic!("expected a validation error, got {err:?}")
    };
    assert_eq!(v.field(), "sla_resolution_minutes");
    assert_eq!(v.kind(), ValidationErrorKind::Missing);
    assert_eq!(
        err.to_string(),
        "sla_resolution_minutes: no value given for a required field (allowed a value: the column is required)"
    );
    assert!(partial.sla_resolution_minutes(count(240)).build().is_ok());

    // An empty builder names the first required column.
    let err = NewEngagementMetric::builder().build().unwrap_err();
    assert!(
        matches!(&err, Error::Validation(v) if v.field() == "client_id"),
        "{err:?}"
    );
}

#[test]
fn derived_columns_stay_derived_through_the_builders() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "acme");

    // NPS: the category follows the score, also after `into_builder` changes the score.
    let promoter = NewNpsResponse::builder()
        .response_id("NPS-1")
        .client_id("acme")
        .survey_id("Q4")
        .respondent_email("cfo@acme.example")
        .respondent_name("Cee Effo")
        .score(NpsScore::new(9).unwrap())
        .sentiment(Sentiment::Positive)
        .sentiment_score(SentimentScore::new(0.6).unwrap())
        .survey_sent_at(at(8, 0))
        .response_time_hours(non_negative(3.5))
        .reason("fast support")
        .build()
        .unwrap();
    assert_eq!(promoter.category(), NpsCategory::Promoter);
    // Struct update's equivalent for a type with private fields.
    let detractor = promoter
        .clone()
        .into_builder()
        .response_id("NPS-2")
        .score(NpsScore::new(3).unwrap())
        .build()
        .unwrap();
    assert_eq!(detractor.category(), NpsCategory::Detractor);
    NpsResponse::create(&mut conn, &promoter).unwrap();
    let d = NpsResponse::create(&mut conn, &detractor).unwrap();
    assert_eq!((d.score.get(), d.category), (3, NpsCategory::Detractor));
    assert_eq!(d.reason.as_deref(), Some("fast support"));
    assert_eq!(d.response_time_hours.get(), 3.5);
    let err = NewNpsResponse::builder()
        .response_id("NPS-3")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Validation(v) if v.field() == "client_id"),
        "{err:?}"
    );

    // Health score: the overall score is computed from the components and the weights (the
    // defaults when none are given), and recomputed when a rebuilt row changes them.
    let c = |v: f64| ComponentScore::new(v).unwrap();
    let components = HealthComponents {
        usage: c(90.0),
        engagement: c(80.0),
        support: c(70.0),
        satisfaction: c(60.0),
        payment: c(50.0),
    };
    let default_weights = NewHealthScoreRecord::builder()
        .client_id("acme")
        .components(components)
        .build()
        .unwrap();
    assert_eq!(
        default_weights,
        NewHealthScoreRecord::new("acme", components, HealthWeights::DEFAULT)
    );
    let usage_only = default_weights
        .into_builder()
        .weights(HealthWeights::new(1.0, 0.0, 0.0, 0.0, 0.0).unwrap())
        .build()
        .unwrap();
    assert_eq!(
        usage_only.overall_score().map(ComponentScore::get),
        Some(90.0)
    );
    let row = HealthScoreRecord::create(&mut conn, &usage_only).unwrap();
    assert_eq!(row.overall_score.map(ComponentScore::get), Some(90.0));
    assert_eq!(
        [row.usage_score, row.engagement_score, row.support_score].map(ComponentScore::get),
        [90.0, 80.0, 70.0]
    );
    let err = NewHealthScoreRecord::builder()
        .client_id("acme")
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Validation(v) if v.field() == "usage_score" && v.kind() == ValidationErrorKind::Missing),
        "{err:?}"
    );
}
