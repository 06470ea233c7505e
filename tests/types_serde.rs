//! Serde behaviour of `customer_success_db::types`: valid JSON round-trips, invalid JSON is
//! rejected with a message that names the kind of value and what is allowed.

use customer_success_db::types::{
    ComponentScore, CustomerTier, HealthScore, LifecycleStage, MetricTrend, Money, NpsScore,
    Probability, RiskLevel, SatisfactionRating, SentimentScore, StringList, TicketPriority,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A model-like struct, as the model layer will use these types.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Customer {
    tier: CustomerTier,
    lifecycle_stage: LifecycleStage,
    health_score: HealthScore,
    churn_probability: Probability,
    contract_value: Money,
    satisfaction_rating: Option<SatisfactionRating>,
    tags: StringList,
}

fn sample() -> Customer {
    Customer {
        tier: CustomerTier::Enterprise,
        lifecycle_stage: LifecycleStage::AtRisk,
        health_score: HealthScore::new(72).unwrap(),
        churn_probability: Probability::new(0.25).unwrap(),
        contract_value: "125000.5".parse().unwrap(),
        satisfaction_rating: None,
        tags: vec!["vip".to_owned(), "q3".to_owned()].into(),
    }
}

/// Deserialises `value` as `T` and returns the error message, failing if it was accepted.
fn rejection<T: for<'de> Deserialize<'de> + std::fmt::Debug>(value: serde_json::Value) -> String {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(accepted) => panic!("{value} was accepted as {accepted:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn struct_round_trips_with_the_documented_json_shape() {
    let customer = sample();
    let json = serde_json::to_value(&customer).unwrap();
    assert_eq!(
        json,
        json!({
            "tier": "enterprise",
            "lifecycle_stage": "at_risk",
            "health_score": 72,
            "churn_probability": 0.25,
            "contract_value": "125000.50",
            "satisfaction_rating": null,
            "tags": ["vip", "q3"],
        })
    );
    let back: Customer = serde_json::from_value(json).unwrap();
    assert_eq!(back, customer);

    let text = serde_json::to_string(&customer).unwrap();
    assert_eq!(serde_json::from_str::<Customer>(&text).unwrap(), customer);
}

#[test]
fn out_of_range_scores_are_rejected_naming_the_kind_and_range() {
    assert_eq!(
        rejection::<HealthScore>(json!(150)),
        "health_score: 150 is out of range (allowed 0 to 100)"
    );
    assert_eq!(
        rejection::<HealthScore>(json!(-1)),
        "health_score: -1 is out of range (allowed 0 to 100)"
    );
    assert_eq!(
        rejection::<HealthScore>(json!(10_000_000_000_i64)),
        "health_score: 10000000000 is out of range (allowed 0 to 100)"
    );
    assert_eq!(
        rejection::<NpsScore>(json!(11)),
        "nps_score: 11 is out of range (allowed 0 to 10)"
    );
    assert_eq!(
        rejection::<SatisfactionRating>(json!(0)),
        "satisfaction_rating: 0 is out of range (allowed 1 to 5)"
    );
    assert_eq!(
        rejection::<Probability>(json!(1.5)),
        "probability: 1.5 is out of range (allowed 0 to 1)"
    );
    assert_eq!(
        rejection::<SentimentScore>(json!(-2)),
        "sentiment_score: -2 is out of range (allowed -1 to 1)"
    );
    assert_eq!(
        rejection::<ComponentScore>(json!(100.5)),
        "component_score: 100.5 is out of range (allowed 0 to 100)"
    );
}

#[test]
fn wrong_json_types_are_rejected_naming_the_kind() {
    let message = rejection::<HealthScore>(json!("50"));
    assert!(message.contains("health_score"), "{message}");
    let message = rejection::<HealthScore>(json!(50.5));
    assert!(message.contains("health_score"), "{message}");
    let message = rejection::<Probability>(json!("0.5"));
    assert!(message.contains("probability"), "{message}");
    let message = rejection::<Money>(json!(true));
    assert!(message.contains("money"), "{message}");
    let message = rejection::<RiskLevel>(json!(3));
    assert!(message.contains("low, medium, high, critical"), "{message}");
    let message = rejection::<StringList>(json!(["ok", 1]));
    assert!(message.contains("string"), "{message}");
}

#[test]
fn errors_inside_a_struct_name_the_kind_of_value() {
    let mut json = serde_json::to_value(sample()).unwrap();
    json["health_score"] = json!(101);
    let message = rejection::<Customer>(json);
    assert!(
        message.contains("health_score: 101 is out of range (allowed 0 to 100)"),
        "{message}"
    );

    let text = r#"{"tier":"platinum","lifecycle_stage":"active","health_score":1,
        "churn_probability":0,"contract_value":"0","satisfaction_rating":null,"tags":[]}"#;
    let message = serde_json::from_str::<Customer>(text)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(r#"unknown value "platinum" in customers.tier"#),
        "{message}"
    );
    assert!(
        message.contains("expected one of starter, standard, professional, enterprise"),
        "{message}"
    );
}

#[test]
fn unknown_enum_strings_are_rejected_listing_the_allowed_values() {
    assert_eq!(
        rejection::<TicketPriority>(json!("urgent")),
        r#"unknown value "urgent" in support_tickets.priority (expected one of P0, P1, P2, P3, P4)"#
    );
    assert_eq!(
        rejection::<MetricTrend>(json!("UP")),
        r#"unknown value "UP" in health_metrics.health_score_trend or engagement_metrics.engagement_trend or usage_analytics.usage_trend (expected one of up, down, flat)"#
    );
}

#[test]
fn every_enum_value_round_trips_as_its_string() {
    for tier in CustomerTier::ALL {
        let json = serde_json::to_value(tier).unwrap();
        assert_eq!(json, json!(tier.as_str()));
        assert_eq!(serde_json::from_value::<CustomerTier>(json).unwrap(), *tier);
    }
    for priority in TicketPriority::ALL {
        let text = serde_json::to_string(priority).unwrap();
        assert_eq!(text, format!("\"{priority}\""));
        assert_eq!(
            serde_json::from_str::<TicketPriority>(&text).unwrap(),
            *priority
        );
    }
}

#[test]
fn non_finite_and_edge_floats() {
    // JSON has no NaN/Infinity literals, so serde_json refuses them before our check runs.
    assert!(serde_json::from_str::<Probability>("NaN").is_err());
    assert_eq!(serde_json::from_str::<Probability>("1").unwrap().get(), 1.0);
    assert_eq!(
        serde_json::from_str::<Probability>("-0.0")
            .unwrap()
            .to_string(),
        "0"
    );
    assert_eq!(
        serde_json::from_str::<SentimentScore>("-1").unwrap().get(),
        -1.0
    );
    assert_eq!(serde_json::to_string(&Probability::MAX).unwrap(), "1.0");
}

#[test]
fn money_accepts_strings_and_numbers_and_serialises_as_a_string() {
    for (input, expected) in [
        (json!("1234.5"), "1234.50"),
        (json!(1234.5), "1234.50"),
        (json!(0.1), "0.10"),
        (json!(42), "42.00"),
        (json!("999999999999.99"), "999999999999.99"),
        (json!("0"), "0.00"),
    ] {
        let money: Money = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(
            serde_json::to_value(&money).unwrap(),
            json!(expected),
            "{input}"
        );
    }
    assert_eq!(
        rejection::<Money>(json!("12.345")),
        "money: 12.345 has too many decimal places (allowed 0 to 999999999999.99 with at most 2 decimal places)"
    );
    assert_eq!(
        rejection::<Money>(json!(-5)),
        "money: -5 is out of range (allowed 0 to 999999999999.99 with at most 2 decimal places)"
    );
    assert_eq!(
        rejection::<Money>(json!("1000000000000")),
        "money: 1000000000000 is out of range (allowed 0 to 999999999999.99 with at most 2 decimal places)"
    );
    assert_eq!(
        rejection::<Money>(json!("lots")),
        r#"money: "lots" is not a number (allowed 0 to 999999999999.99 with at most 2 decimal places)"#
    );
}

#[test]
fn string_list_is_transparent() {
    let tags: StringList = serde_json::from_str(r#"["a","b"]"#).unwrap();
    assert_eq!(&*tags, ["a".to_owned(), "b".to_owned()]);
    assert_eq!(serde_json::to_string(&tags).unwrap(), r#"["a","b"]"#);
    assert!(serde_json::from_str::<StringList>(r#"{"a":1}"#).is_err());
    assert_eq!(serde_json::to_string(&StringList::default()).unwrap(), "[]");
}

#[test]
fn optional_fields_accept_null_and_validate_values() {
    let rating: Option<SatisfactionRating> = serde_json::from_str("null").unwrap();
    assert_eq!(rating, None);
    let rating: Option<SatisfactionRating> = serde_json::from_str("4").unwrap();
    assert_eq!(rating.map(SatisfactionRating::get), Some(4));
    assert!(serde_json::from_str::<Option<SatisfactionRating>>("9").is_err());
}
