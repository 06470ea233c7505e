//! The validated newtypes of `customer_success_db::types` accept exactly the values that the
//! CHECK constraints of the columns they guard accept.
//!
//! For every newtype and every CHECK column it guards, each value (fixed boundary values first,
//! then random ones from proptest) is given both to the Rust validator (`TryFrom`) and, as a raw
//! SQL literal, to an INSERT into a real database, and the two must agree. Each INSERT runs in
//! its own transaction so that a rejected row does not abort the connection; the value the
//! database stored is read back, so an accepted value must also arrive unchanged.
//!
//! The second half checks that a bad value already in the database (in a column without a
//! CHECK, or an unknown enum string) is an error when read through the typed models, not a
//! panic and not a silently wrong value.
mod common;

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::str::FromStr;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::BigDecimal;
use common::{insert_minimal, TestDatabase};
use customer_success_db::crud::Crud;
use customer_success_db::models::{Customer, HealthScoreRecord, RenewalForecast, SupportTicket};
use customer_success_db::types::{
    BillingFrequency, ComponentScore, ContractType, Count, ExpansionType, FeedbackType, FiniteF64,
    Fraction, GrowthRate, HealthScore, Money, NetPromoterScore, NonNegativeF64, NpsScore,
    OpportunityStage, Percentage, Probability, Rating, RenewalStatus, RiskLevel,
    SatisfactionRating, ScoreChange, Sentiment, SentimentScore, TicketCategory, TicketPriority,
    ValidationError, ValidationErrorKind,
};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::{BigInt as SqlBigInt, Double, Integer, Text};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Random cases per property (on top of the fixed boundary values, which always run).
const CASES: u32 = 64;

/// The customer every child row belongs to.
const PARENT: &str = "parent";
/// The onboarding plan (of `PARENT`) every milestone belongs to.
const PARENT_PLAN: &str = "parent-plan";
/// The training module every completion is of.
const PARENT_MODULE: &str = "parent-module";

fn config() -> Config {
    Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A column guarded by a CHECK constraint.
#[derive(Debug, Clone, Copy)]
struct Guarded {
    table: &'static str,
    column: &'static str,
    /// The constraint that must be the one rejecting a bad value (so that an unrelated failure
    /// of the INSERT cannot pass for a rejection).
    constraint: &'static str,
}

const HEALTH_SCORE: [Guarded; 1] = [Guarded {
    table: "customers",
    column: "health_score",
    constraint: "check_health_score_range",
}];

const SATISFACTION_RATING: [Guarded; 1] = [Guarded {
    table: "support_tickets",
    column: "satisfaction_rating",
    constraint: "check_satisfaction_range",
}];

const NPS_SCORE: [Guarded; 1] = [Guarded {
    table: "nps_responses",
    column: "score",
    constraint: "check_nps_score_range",
}];

const COMPONENT_SCORE: [Guarded; 2] = [
    Guarded {
        table: "health_scores",
        column: "usage_score",
        constraint: "check_usage_score_range",
    },
    Guarded {
        table: "health_scores",
        column: "engagement_score",
        constraint: "check_engagement_score_range",
    },
];

const PROBABILITY: [Guarded; 3] = [
    Guarded {
        table: "churn_predictions",
        column: "churn_probability",
        constraint: "check_churn_probability_range",
    },
    Guarded {
        table: "renewal_forecasts",
        column: "renewal_probability",
        constraint: "check_renewal_probability_range",
    },
    Guarded {
        table: "expansion_opportunities",
        column: "probability",
        constraint: "check_probability_range",
    },
];

const SENTIMENT_SCORE: [Guarded; 2] = [
    Guarded {
        table: "customer_feedback",
        column: "sentiment_score",
        constraint: "check_sentiment_score_range",
    },
    Guarded {
        table: "nps_responses",
        column: "sentiment_score",
        constraint: "check_nps_sentiment_range",
    },
];

// Schema v2 (tools/codegen/gen_v2.py): every further range-checked column, with the newtype
// that guards it. Where two constraints can be the first to reject a value (PostgreSQL checks
// them in name order), both are listed, separated by `|`.
const V2_COMPONENT_SCORE: [Guarded; 5] = [
    Guarded {
        table: "health_scores",
        column: "support_score",
        constraint: "check_support_score_range",
    },
    Guarded {
        table: "health_scores",
        column: "satisfaction_score",
        constraint: "check_satisfaction_score_range",
    },
    Guarded {
        table: "health_scores",
        column: "payment_score",
        constraint: "check_payment_score_range",
    },
    Guarded {
        table: "health_scores",
        column: "overall_score",
        constraint: "check_overall_score_range|check_overall_score_is_weighted_sum",
    },
    Guarded {
        table: "customer_segments",
        column: "avg_health_score",
        constraint: "check_avg_health_score_range",
    },
];

const V2_COUNT: [Guarded; 43] = [
    Guarded {
        table: "customer_segments",
        column: "customer_count",
        constraint: "check_customer_count_non_negative",
    },
    Guarded {
        table: "onboarding_plans",
        column: "timeline_weeks",
        constraint: "check_timeline_weeks_non_negative",
    },
    Guarded {
        table: "onboarding_plans",
        column: "total_estimated_hours",
        constraint: "check_total_estimated_hours_non_negative",
    },
    Guarded {
        table: "onboarding_milestones",
        column: "week",
        constraint: "check_week_non_negative",
    },
    Guarded {
        table: "onboarding_milestones",
        column: "sequence_order",
        constraint: "check_sequence_order_non_negative",
    },
    Guarded {
        table: "onboarding_milestones",
        column: "estimated_hours",
        constraint: "check_estimated_hours_non_negative",
    },
    Guarded {
        table: "onboarding_milestones",
        column: "actual_hours",
        constraint: "check_actual_hours_non_negative",
    },
    Guarded {
        table: "training_modules",
        column: "duration_minutes",
        constraint: "check_duration_minutes_non_negative",
    },
    Guarded {
        table: "training_modules",
        column: "max_attempts",
        constraint: "check_max_attempts_non_negative",
    },
    Guarded {
        table: "training_completions",
        column: "time_spent_minutes",
        constraint: "check_time_spent_minutes_non_negative",
    },
    Guarded {
        table: "training_completions",
        column: "attempts_used",
        constraint: "check_attempts_used_non_negative",
    },
    Guarded {
        table: "support_tickets",
        column: "sla_first_response_minutes",
        constraint: "check_sla_first_response_minutes_non_negative",
    },
    Guarded {
        table: "support_tickets",
        column: "sla_resolution_minutes",
        constraint: "check_sla_resolution_minutes_non_negative",
    },
    Guarded {
        table: "support_tickets",
        column: "time_to_first_response_minutes",
        constraint: "check_time_to_first_response_minutes_non_negative",
    },
    Guarded {
        table: "support_tickets",
        column: "time_to_resolution_minutes",
        constraint: "check_time_to_resolution_minutes_non_negative",
    },
    Guarded {
        table: "knowledge_base_articles",
        column: "version",
        constraint: "check_version_non_negative",
    },
    Guarded {
        table: "knowledge_base_articles",
        column: "view_count",
        constraint: "check_view_count_non_negative",
    },
    Guarded {
        table: "knowledge_base_articles",
        column: "helpful_votes",
        constraint: "check_helpful_votes_non_negative",
    },
    Guarded {
        table: "knowledge_base_articles",
        column: "not_helpful_votes",
        constraint: "check_not_helpful_votes_non_negative",
    },
    Guarded {
        table: "contracts",
        column: "notice_period_days",
        constraint: "check_notice_period_days_non_negative",
    },
    Guarded {
        table: "contracts",
        column: "included_users",
        constraint: "check_included_users_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "total_customers",
        constraint: "check_total_customers_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "customers_contacted",
        constraint: "check_customers_contacted_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "customers_committed",
        constraint: "check_customers_committed_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "customers_at_risk",
        constraint: "check_customers_at_risk_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "expansion_opportunities_identified",
        constraint: "check_expansion_opportunities_identified_non_negative",
    },
    Guarded {
        table: "sentiment_analysis",
        column: "total_feedback_items",
        constraint: "check_total_feedback_items_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "total_users",
        constraint: "check_total_users_non_negative|check_active_users_within_total",
    },
    Guarded {
        table: "engagement_metrics",
        column: "active_users",
        constraint: "check_active_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "daily_active_users",
        constraint: "check_daily_active_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "weekly_active_users",
        constraint: "check_weekly_active_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "monthly_active_users",
        constraint: "check_monthly_active_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "total_logins",
        constraint: "check_total_logins_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "total_session_minutes",
        constraint: "check_total_session_minutes_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "total_actions",
        constraint: "check_total_actions_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "power_users",
        constraint: "check_power_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "inactive_users",
        constraint: "check_inactive_users_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "at_risk_users",
        constraint: "check_at_risk_users_non_negative",
    },
    Guarded {
        table: "usage_analytics",
        column: "total_usage_events",
        constraint: "check_total_usage_events_non_negative",
    },
    Guarded {
        table: "usage_analytics",
        column: "unique_features_used",
        constraint: "check_unique_features_used_non_negative",
    },
    Guarded {
        table: "usage_analytics",
        column: "total_features_available",
        constraint: "check_total_features_available_non_negative",
    },
    Guarded {
        table: "cohort_analysis",
        column: "cohort_size",
        constraint: "check_cohort_size_non_negative",
    },
    Guarded {
        table: "cohort_analysis",
        column: "months_since_cohort",
        constraint: "check_months_since_cohort_non_negative",
    },
];

const V2_FINITE: [Guarded; 2] = [
    Guarded {
        table: "risk_indicators",
        column: "current_value",
        constraint: "check_current_value_finite",
    },
    Guarded {
        table: "risk_indicators",
        column: "threshold_value",
        constraint: "check_threshold_value_finite",
    },
];

const V2_FRACTION: [Guarded; 14] = [
    Guarded {
        table: "health_scores",
        column: "usage_weight",
        constraint: "check_usage_weight_range",
    },
    Guarded {
        table: "health_scores",
        column: "engagement_weight",
        constraint: "check_engagement_weight_range",
    },
    Guarded {
        table: "health_scores",
        column: "support_weight",
        constraint: "check_support_weight_range",
    },
    Guarded {
        table: "health_scores",
        column: "satisfaction_weight",
        constraint: "check_satisfaction_weight_range",
    },
    Guarded {
        table: "health_scores",
        column: "payment_weight",
        constraint: "check_payment_weight_range",
    },
    Guarded {
        table: "churn_predictions",
        column: "confidence_score",
        constraint: "check_confidence_score_range",
    },
    Guarded {
        table: "knowledge_base_articles",
        column: "helpfulness_score",
        constraint: "check_helpfulness_score_range",
    },
    Guarded {
        table: "renewal_forecasts",
        column: "confidence_score",
        constraint: "check_confidence_score_range",
    },
    Guarded {
        table: "expansion_opportunities",
        column: "confidence_score",
        constraint: "check_confidence_score_range",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "win_rate",
        constraint: "check_win_rate_range",
    },
    Guarded {
        table: "health_metrics",
        column: "confidence",
        constraint: "check_confidence_range",
    },
    Guarded {
        table: "engagement_metrics",
        column: "activation_rate",
        constraint: "check_activation_rate_range",
    },
    Guarded {
        table: "engagement_metrics",
        column: "engagement_rate",
        constraint: "check_engagement_rate_range",
    },
    Guarded {
        table: "usage_analytics",
        column: "feature_utilization_rate",
        constraint: "check_feature_utilization_rate_range",
    },
];

const V2_GROWTH_RATE: [Guarded; 1] = [Guarded {
    table: "usage_analytics",
    column: "usage_growth_rate",
    constraint: "check_usage_growth_rate_range",
}];

const V2_HEALTH_SCORE: [Guarded; 3] = [
    Guarded {
        table: "renewal_forecasts",
        column: "health_score",
        constraint: "check_health_score_range",
    },
    Guarded {
        table: "health_metrics",
        column: "overall_health_score",
        constraint: "check_overall_health_score_range",
    },
    Guarded {
        table: "health_metrics",
        column: "predicted_next_period_score",
        constraint: "check_predicted_next_period_score_range",
    },
];

const V2_MONEY: [Guarded; 9] = [
    Guarded {
        table: "customers",
        column: "contract_value",
        constraint: "check_contract_value_finite|check_contract_value_positive",
    },
    Guarded {
        table: "customer_segments",
        column: "total_arr",
        constraint: "check_total_arr_non_negative",
    },
    Guarded {
        table: "renewal_forecasts",
        column: "current_arr",
        constraint: "check_current_arr_non_negative",
    },
    Guarded {
        table: "renewal_forecasts",
        column: "forecasted_arr",
        constraint: "check_forecasted_arr_non_negative",
    },
    Guarded {
        table: "renewal_forecasts",
        column: "estimated_expansion_value",
        constraint: "check_estimated_expansion_value_non_negative",
    },
    Guarded {
        table: "contracts",
        column: "contract_value",
        constraint: "check_contract_value_finite|check_contract_value_positive",
    },
    Guarded {
        table: "expansion_opportunities",
        column: "estimated_value",
        constraint: "check_estimated_value_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "total_arr_at_risk",
        constraint: "check_total_arr_at_risk_non_negative",
    },
    Guarded {
        table: "renewal_campaigns",
        column: "expansion_value_identified",
        constraint: "check_expansion_value_identified_non_negative",
    },
];

const V2_NET_PROMOTER_SCORE: [Guarded; 1] = [Guarded {
    table: "sentiment_analysis",
    column: "nps_score",
    constraint: "check_nps_score_range",
}];

const V2_NON_NEGATIVE: [Guarded; 4] = [
    Guarded {
        table: "nps_responses",
        column: "response_time_hours",
        constraint: "check_response_time_hours_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "avg_logins_per_user",
        constraint: "check_avg_logins_per_user_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "avg_session_duration_minutes",
        constraint: "check_avg_session_duration_minutes_non_negative",
    },
    Guarded {
        table: "engagement_metrics",
        column: "avg_actions_per_session",
        constraint: "check_avg_actions_per_session_non_negative",
    },
];

const V2_PERCENTAGE: [Guarded; 5] = [
    Guarded {
        table: "onboarding_plans",
        column: "completion_percentage",
        constraint: "check_completion_percentage_range",
    },
    Guarded {
        table: "onboarding_milestones",
        column: "completion_percentage",
        constraint: "check_completion_percentage_range",
    },
    Guarded {
        table: "training_modules",
        column: "passing_score",
        constraint: "check_passing_score_range",
    },
    Guarded {
        table: "training_completions",
        column: "assessment_score",
        constraint: "check_assessment_score_range",
    },
    Guarded {
        table: "contracts",
        column: "discount_percentage",
        constraint: "check_discount_percentage_range",
    },
];

const V2_PROBABILITY: [Guarded; 1] = [Guarded {
    table: "renewal_forecasts",
    column: "expansion_probability",
    constraint: "check_expansion_probability_range",
}];

const V2_RATING: [Guarded; 2] = [
    Guarded {
        table: "training_completions",
        column: "feedback_rating",
        constraint: "check_feedback_rating_range",
    },
    Guarded {
        table: "sentiment_analysis",
        column: "csat_score",
        constraint: "check_csat_score_range",
    },
];

const V2_SCORE_CHANGE: [Guarded; 1] = [Guarded {
    table: "health_metrics",
    column: "health_score_change",
    constraint: "check_health_score_change_range",
}];

const V2_SENTIMENT_SCORE: [Guarded; 1] = [Guarded {
    table: "sentiment_analysis",
    column: "overall_sentiment_score",
    constraint: "check_overall_sentiment_score_range",
}];

fn quoted(text: &str) -> String {
    format!("'{text}'")
}

/// Overrides every row of `table` needs besides the column under test: its parent customer,
/// and valid values for the short enum columns (`insert_minimal`'s generated text would not
/// fit `varchar(10)`/`varchar(20)` once its counter grows).
fn base_overrides(table: &str) -> Vec<(&'static str, String)> {
    let mut overrides = Vec::new();
    // Schema v2's rules that span columns, kept out of the way of the column under test.
    match table {
        "nps_responses" => {
            overrides.push(("score", "9".to_owned()));
        }
        "engagement_metrics" => {
            overrides.push(("active_users", "0".to_owned()));
            overrides.push(("total_users", "2147483647".to_owned()));
        }
        _ => {}
    }
    // Tables without a client_id column, and the other parents some tables need.
    const NO_CLIENT: &[&str] = &[
        "customers",
        "customer_segments",
        "knowledge_base_articles",
        "training_modules",
        "renewal_campaigns",
        "survey_templates",
        "cohort_analysis",
        "onboarding_milestones",
        "ticket_comments",
    ];
    if !NO_CLIENT.contains(&table) {
        overrides.push(("client_id", quoted(PARENT)));
    }
    match table {
        "onboarding_milestones" => overrides.push(("plan_id", quoted(PARENT_PLAN))),
        "training_completions" => overrides.push(("module_id", quoted(PARENT_MODULE))),
        _ => {}
    }
    let enums: &[(&'static str, &str)] = match table {
        "churn_predictions" => &[("churn_risk_level", RiskLevel::VALUES[0])],
        "renewal_forecasts" => &[("renewal_status", RenewalStatus::VALUES[0])],
        "expansion_opportunities" => &[
            ("expansion_type", ExpansionType::VALUES[0]),
            ("current_stage", OpportunityStage::VALUES[0]),
        ],
        "contracts" => &[
            ("contract_type", ContractType::VALUES[0]),
            ("billing_frequency", BillingFrequency::VALUES[0]),
        ],
        "customer_feedback" => &[
            ("feedback_type", FeedbackType::VALUES[0]),
            ("sentiment", Sentiment::VALUES[0]),
        ],
        "nps_responses" => &[
            ("category", "promoter"),
            ("sentiment", Sentiment::VALUES[0]),
        ],
        "support_tickets" => &[
            ("priority", TicketPriority::VALUES[0]),
            ("category", TicketCategory::VALUES[0]),
        ],
        _ => &[],
    };
    overrides.extend(enums.iter().map(|(column, value)| (*column, quoted(value))));
    overrides
}

/// A fresh database with the parent customer every child row refers to.
fn database() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    insert_minimal(&mut conn, "customers", &[("client_id", &quoted(PARENT))])
        .expect("parent customer");
    insert_minimal(
        &mut conn,
        "onboarding_plans",
        &[
            ("plan_id", &quoted(PARENT_PLAN)),
            ("client_id", &quoted(PARENT)),
        ],
    )
    .expect("parent plan");
    insert_minimal(
        &mut conn,
        "training_modules",
        &[("module_id", &quoted(PARENT_MODULE))],
    )
    .expect("parent module");
    (db, conn)
}

#[derive(QueryableByName)]
struct IntValue {
    #[diesel(sql_type = Integer)]
    v: i32,
}

#[derive(QueryableByName)]
struct FloatValue {
    #[diesel(sql_type = Double)]
    v: f64,
}

#[derive(QueryableByName)]
struct TextValue {
    #[diesel(sql_type = Text)]
    v: String,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = SqlBigInt)]
    id: i64,
}

/// `SELECT <expr> AS v` from the row of `g.table` inserted last.
fn last_value(g: Guarded, cast: &str) -> String {
    format!(
        "SELECT {}{cast} AS v FROM {} ORDER BY id DESC LIMIT 1",
        g.column, g.table
    )
}

fn read_int(conn: &mut PgConnection, g: Guarded) -> QueryResult<i32> {
    diesel::sql_query(last_value(g, ""))
        .get_result::<IntValue>(conn)
        .map(|r| r.v)
}

fn read_float(conn: &mut PgConnection, g: Guarded) -> QueryResult<f64> {
    diesel::sql_query(last_value(g, ""))
        .get_result::<FloatValue>(conn)
        .map(|r| r.v)
}

/// Numeric columns are read back as text, the database's own exact spelling (`12.50`).
fn read_text(conn: &mut PgConnection, g: Guarded) -> QueryResult<String> {
    diesel::sql_query(last_value(g, "::text"))
        .get_result::<TextValue>(conn)
        .map(|r| r.v)
}

/// Inserts one row whose `g.column` is the SQL `literal`, in its own transaction, and returns
/// the value the database stored: `Ok(Some(stored))` if the row went in, `Ok(None)` if the CHECK
/// constraint `g.constraint` rejected it (or, with `overflow_rejects`, the column type
/// overflowed). Any other error means the test itself is broken and fails the case.
fn try_store<T>(
    conn: &mut PgConnection,
    g: Guarded,
    literal: &str,
    overflow_rejects: bool,
    read: fn(&mut PgConnection, Guarded) -> QueryResult<T>,
) -> Result<Option<T>, TestCaseError> {
    // The value under test first (`insert_minimal` takes the first override of a column), then
    // what the v2 rules that span columns need for it to be judged on its own range.
    let mut overrides = vec![(g.column, literal.to_owned())];
    let in_range = |lo: &str, hi: &str| format!("(({literal}) BETWEEN {lo} AND {hi})");
    match (g.table, g.column) {
        ("nps_responses", "score") => overrides.push((
            "category",
            format!(
                "(CASE WHEN ({literal}) >= 9 THEN 'promoter' WHEN ({literal}) >= 7 THEN 'passive' \
                 ELSE 'detractor' END)"
            ),
        )),
        ("health_scores", weight) if weight.ends_with("_weight") => {
            // The weights must sum to 1: one partner takes the rest, the others are 0.
            let partner = if weight == "usage_weight" {
                "engagement_weight"
            } else {
                "usage_weight"
            };
            for w in [
                "usage_weight",
                "engagement_weight",
                "support_weight",
                "satisfaction_weight",
                "payment_weight",
            ] {
                if w == weight {
                    continue;
                }
                let value = if w == partner {
                    format!(
                        "(CASE WHEN {} THEN 1 - ({literal}) ELSE 0 END)",
                        in_range("0", "1")
                    )
                } else {
                    "0".to_owned()
                };
                overrides.push((w, value));
            }
        }
        ("health_scores", "overall_score") => {
            // The overall score must be the weighted sum: make every component that value.
            for c in [
                "usage_score",
                "engagement_score",
                "support_score",
                "satisfaction_score",
                "payment_score",
            ] {
                overrides.push((
                    c,
                    format!(
                        "(CASE WHEN {} THEN ({literal}) ELSE 50 END)",
                        in_range("0", "100")
                    ),
                ));
            }
        }
        _ => {}
    }
    overrides.extend(base_overrides(g.table));
    let overrides: Vec<(&str, &str)> = overrides.iter().map(|(c, v)| (*c, v.as_str())).collect();
    let result = conn.transaction(|c| {
        insert_minimal(c, g.table, &overrides)?;
        read(c, g)
    });
    match result {
        Ok(stored) => Ok(Some(stored)),
        Err(DieselError::DatabaseError(DatabaseErrorKind::CheckViolation, info))
            if info
                .constraint_name()
                .is_some_and(|name| g.constraint.split('|').any(|c| c == name)) =>
        {
            Ok(None)
        }
        Err(DieselError::DatabaseError(_, info))
            if overflow_rejects && info.message().starts_with("numeric field overflow") =>
        {
            Ok(None)
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "{}.{} = {literal}: unexpected database error: {other}",
            g.table, g.column
        ))),
    }
}

/// Rust accepts `raw` exactly when every guarded integer column does, and stores it unchanged.
fn int_agrees<N>(
    conn: &mut PgConnection,
    columns: &[Guarded],
    raw: i32,
) -> Result<bool, TestCaseError>
where
    N: TryFrom<i32, Error = ValidationError> + Copy + Debug,
    i32: From<N>,
{
    let rust = N::try_from(raw);
    for &g in columns {
        let db = try_store(conn, g, &format!("'{raw}'::integer"), false, read_int)?;
        prop_assert_eq!(
            rust.is_ok(),
            db.is_some(),
            "{}.{} = {}: Rust gave {:?}, the database stored {:?}",
            g.table,
            g.column,
            raw,
            rust,
            db
        );
        if let Some(stored) = db {
            prop_assert_eq!(stored, raw);
        }
    }
    match &rust {
        Ok(value) => prop_assert_eq!(i32::from(*value), raw),
        Err(err) => {
            prop_assert_eq!(err.kind(), ValidationErrorKind::OutOfRange);
            prop_assert_eq!(err.value(), raw.to_string());
        }
    }
    Ok(rust.is_ok())
}

/// A `double precision` literal that reads back as exactly `raw`: Rust's `{:e}` is the shortest
/// spelling that round-trips, and PostgreSQL parses it with correct rounding.
fn float_literal(raw: f64) -> String {
    if raw.is_nan() {
        "'NaN'::float8".to_owned()
    } else if raw == f64::INFINITY {
        "'Infinity'::float8".to_owned()
    } else if raw == f64::NEG_INFINITY {
        "'-Infinity'::float8".to_owned()
    } else {
        format!("'{raw:e}'::float8")
    }
}

/// Rust accepts `raw` exactly when every guarded double column does.
fn float_agrees<N>(
    conn: &mut PgConnection,
    columns: &[Guarded],
    raw: f64,
) -> Result<bool, TestCaseError>
where
    N: TryFrom<f64, Error = ValidationError> + Copy + Debug,
    f64: From<N>,
{
    let rust = N::try_from(raw);
    for &g in columns {
        let db = try_store(conn, g, &float_literal(raw), false, read_float)?;
        prop_assert_eq!(
            rust.is_ok(),
            db.is_some(),
            "{}.{} = {:e}: Rust gave {:?}, the database stored {:?}",
            g.table,
            g.column,
            raw,
            rust,
            db
        );
        if let Some(stored) = db {
            // Bit for bit (so -0.0 stays -0.0): the literal reached the database exactly.
            prop_assert_eq!(
                stored.to_bits(),
                raw.to_bits(),
                "{:e} stored as {:e}",
                raw,
                stored
            );
        }
    }
    match &rust {
        // Numerically equal; Rust normalises -0.0 to 0.0 (which compares equal).
        Ok(value) => prop_assert_eq!(f64::from(*value), raw),
        Err(err) if raw.is_finite() => {
            prop_assert_eq!(err.kind(), ValidationErrorKind::OutOfRange)
        }
        Err(err) => prop_assert_eq!(err.kind(), ValidationErrorKind::NotFinite),
    }
    Ok(rust.is_ok())
}

/// `Money` accepts `raw` exactly when every guarded numeric(14,2) column stores it *unchanged*.
///
/// Merely "accepted by the database" is not the right oracle for Money: the CHECK is only
/// `contract_value >= 0`, but the column type `numeric(14,2)` silently rounds a third decimal
/// place (`1.005` is stored as `1.01`, `-0.001` as `0.00`, which then even passes the CHECK)
/// and fails with "numeric field overflow" from 10^12 on. Money rejects all of these up front
/// (more than 2 decimals, >= 10^12, negative), so the property is: Rust accepts <=> the database
/// accepts AND reads back the same number. Where both accept, the database's spelling must also
/// equal Money's `Display` (two decimals, e.g. `12.50`).
fn money_agrees(
    conn: &mut PgConnection,
    columns: &[Guarded],
    raw: &BigDecimal,
) -> Result<bool, TestCaseError> {
    let rust = Money::try_from(raw.clone());
    let text = raw.to_plain_string();
    // The text path (FromStr, as for JSON strings and user input) agrees with TryFrom (the
    // rejected value may be spelt differently in the error, e.g. `1e+20`, hence only the kind).
    prop_assert_eq!(
        Money::from_str(&text).map_err(|e| e.kind()),
        rust.clone().map_err(|e| e.kind()),
        "FromStr({})",
        text
    );
    for &g in columns {
        let db = try_store(conn, g, &format!("'{text}'::numeric"), true, read_text)?;
        let stored_exactly = match &db {
            Some(stored) => {
                let stored_value = BigDecimal::from_str(stored)
                    .map_err(|e| TestCaseError::fail(format!("{stored}: {e}")))?;
                stored_value == *raw
            }
            None => false,
        };
        prop_assert_eq!(
            rust.is_ok(),
            stored_exactly,
            "{}.{} = {}: Rust gave {:?}, the database stored {:?}",
            g.table,
            g.column,
            text,
            rust,
            db
        );
        if let (Ok(money), Some(stored)) = (&rust, &db) {
            prop_assert_eq!(&money.to_string(), stored);
        }
    }
    Ok(rust.is_ok())
}

/// Runs `test` on `CASES` random values of `strategy`, panicking with the minimal failing input.
/// Runs `test` (which returns whether the value was valid) on `CASES` random values of
/// `strategy`, panicking with the minimal failing input; also fails when the random values were
/// all valid or all invalid, since then only one side of the bounds was exercised.
fn run_property<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<bool, TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let valid = Cell::new(0_u32);
    let invalid = Cell::new(0_u32);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |value| {
        let counter = if test(value)? { &valid } else { &invalid };
        counter.set(counter.get() + 1);
        Ok(())
    });
    if let Err(err) = result {
        panic!("{name}: {err}");
    }
    assert!(
        valid.get() > 0 && invalid.get() > 0,
        "{name}: {} valid and {} invalid random values",
        valid.get(),
        invalid.get()
    );
}

/// Checks one fixed value, panicking with a readable message on disagreement.
fn check_fixed<V: Debug>(name: &str, value: V, result: Result<bool, TestCaseError>) {
    if let Err(err) = result {
        panic!("{name}, boundary value {value:?}: {err}");
    }
}

/// Fixed values: the bounds, one past them, zero, and the extremes of `i32`.
fn int_boundaries(min: i32, max: i32) -> Vec<i32> {
    vec![
        min,
        max,
        min.saturating_sub(1),
        max.saturating_add(1),
        min.saturating_add(1),
        max.saturating_sub(1),
        0,
        -1,
        1,
        i32::MIN,
        i32::MAX,
    ]
}

/// Anything at all, and values near the allowed range (most of `i32` is far outside it).
fn int_values(min: i32, max: i32) -> impl Strategy<Value = i32> {
    prop_oneof![
        any::<i32>(),
        min.saturating_sub(20)..=max.saturating_add(20)
    ]
}

fn int_property<N>(name: &str, columns: &[Guarded], min: i32, max: i32)
where
    N: TryFrom<i32, Error = ValidationError> + Copy + Debug,
    i32: From<N>,
{
    let (_db, conn) = database();
    let conn = RefCell::new(conn);
    for raw in int_boundaries(min, max) {
        check_fixed(
            name,
            raw,
            int_agrees::<N>(&mut conn.borrow_mut(), columns, raw),
        );
    }
    run_property(name, int_values(min, max), |raw| {
        int_agrees::<N>(&mut conn.borrow_mut(), columns, raw)
    });
}

/// `x` moved by `steps` representable doubles (up for positive `steps`).
fn ulps(x: f64, steps: i32) -> f64 {
    (0..steps.unsigned_abs()).fold(x, |x, _| {
        if steps > 0 {
            x.next_up()
        } else {
            x.next_down()
        }
    })
}

/// Fixed values: the bounds, the next doubles on both sides of them, tiny epsilons, zero of
/// both signs, the non-finite values, subnormals and the extremes of `f64`.
fn float_boundaries(min: f64, max: f64) -> Vec<f64> {
    let mut values = vec![
        min,
        max,
        min.next_down(),
        min.next_up(),
        max.next_down(),
        max.next_up(),
        min - 1e-9,
        min + 1e-9,
        max - 1e-9,
        max + 1e-9,
        min - 1.0,
        max + 1.0,
        (min + max) / 2.0,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        // The smallest subnormals.
        f64::from_bits(1),
        -f64::from_bits(1),
        f64::EPSILON,
        -f64::EPSILON,
        1e300,
        -1e300,
        f64::MAX,
        f64::MIN,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    values.extend([-1.0, 1.0, 100.0, -100.0]);
    values
}

/// Anything at all (including NaN, infinities, subnormals), values spread around the range, and
/// values a few representable doubles away from a bound.
fn float_values(min: f64, max: f64) -> impl Strategy<Value = f64> {
    // For unbounded types (up to ±f64::MAX) the spread is capped so the range stays finite.
    let span = (max - min).min(1e6);
    let (lo, hi) = ((min - span).max(f64::MIN), (max + span).min(f64::MAX));
    prop_oneof![
        proptest::num::f64::ANY,
        lo..hi,
        (prop::sample::select(vec![min, max]), -8i32..=8).prop_map(|(bound, k)| ulps(bound, k)),
    ]
}

fn float_property<N>(name: &str, columns: &[Guarded], min: f64, max: f64)
where
    N: TryFrom<f64, Error = ValidationError> + Copy + Debug,
    f64: From<N>,
{
    let (_db, conn) = database();
    let conn = RefCell::new(conn);
    for raw in float_boundaries(min, max) {
        check_fixed(
            name,
            raw,
            float_agrees::<N>(&mut conn.borrow_mut(), columns, raw),
        );
    }
    run_property(name, float_values(min, max), |raw| {
        float_agrees::<N>(&mut conn.borrow_mut(), columns, raw)
    });
}

#[test]
fn health_score_matches_its_check() {
    int_property::<HealthScore>("HealthScore", &HEALTH_SCORE, 0, 100);
}

#[test]
fn satisfaction_rating_matches_its_check() {
    int_property::<SatisfactionRating>("SatisfactionRating", &SATISFACTION_RATING, 1, 5);
}

#[test]
fn nps_score_matches_its_check() {
    int_property::<NpsScore>("NpsScore", &NPS_SCORE, 0, 10);
}

#[test]
fn component_score_matches_its_checks() {
    float_property::<ComponentScore>("ComponentScore", &COMPONENT_SCORE, 0.0, 100.0);
}

#[test]
fn probability_matches_its_checks() {
    float_property::<Probability>("Probability", &PROBABILITY, 0.0, 1.0);
}

#[test]
fn sentiment_score_matches_its_checks() {
    float_property::<SentimentScore>("SentimentScore", &SENTIMENT_SCORE, -1.0, 1.0);
}

#[test]
fn v2_health_score_columns_match_their_checks() {
    int_property::<HealthScore>("HealthScore (v2)", &V2_HEALTH_SCORE, 0, 100);
}

#[test]
fn count_matches_its_checks() {
    int_property::<Count>("Count", &V2_COUNT, 0, i32::MAX);
}

#[test]
fn score_change_matches_its_check() {
    int_property::<ScoreChange>("ScoreChange", &V2_SCORE_CHANGE, -100, 100);
}

#[test]
fn net_promoter_score_matches_its_check() {
    int_property::<NetPromoterScore>("NetPromoterScore", &V2_NET_PROMOTER_SCORE, -100, 100);
}

#[test]
fn v2_component_score_columns_match_their_checks() {
    float_property::<ComponentScore>("ComponentScore (v2)", &V2_COMPONENT_SCORE, 0.0, 100.0);
}

#[test]
fn v2_probability_and_sentiment_columns_match_their_checks() {
    float_property::<Probability>("Probability (v2)", &V2_PROBABILITY, 0.0, 1.0);
    float_property::<SentimentScore>("SentimentScore (v2)", &V2_SENTIMENT_SCORE, -1.0, 1.0);
}

#[test]
fn fraction_matches_its_checks() {
    float_property::<Fraction>("Fraction", &V2_FRACTION, 0.0, 1.0);
}

#[test]
fn percentage_matches_its_checks() {
    float_property::<Percentage>("Percentage", &V2_PERCENTAGE, 0.0, 100.0);
}

#[test]
fn rating_matches_its_checks() {
    float_property::<Rating>("Rating", &V2_RATING, 1.0, 5.0);
}

#[test]
fn non_negative_matches_its_checks() {
    float_property::<NonNegativeF64>("NonNegativeF64", &V2_NON_NEGATIVE, 0.0, f64::MAX);
}

#[test]
fn finite_matches_its_checks() {
    float_property::<FiniteF64>("FiniteF64", &V2_FINITE, f64::MIN, f64::MAX);
}

#[test]
fn growth_rate_matches_its_check() {
    float_property::<GrowthRate>("GrowthRate", &V2_GROWTH_RATE, -1.0, f64::MAX);
}

fn decimal(text: &str) -> BigDecimal {
    BigDecimal::from_str(text).unwrap()
}

/// Fixed amounts: the bounds, one cent outside them, amounts the column would round (up, down,
/// to zero, and over 10^12), trailing zeros, exponents and negative zero.
const MONEY_BOUNDARIES: &[&str] = &[
    "0",
    "0.00",
    "-0",
    "0.01",
    "-0.01",
    "0.1",
    "1",
    "12.500",
    "1234.56",
    "999999999999.99",
    "999999999999.990",
    "999999999999.994",
    "999999999999.995",
    "999999999999.999",
    "1000000000000",
    "1000000000000.00",
    "1e12",
    "1e13",
    "1e20",
    "1.005",
    "1.004",
    "0.001",
    "0.005",
    "0.004",
    "-0.001",
    "-0.005",
    "-0.004",
    "1e-9",
    "-1e-9",
    "5e2",
    "12345e-2",
    "12345e-3",
    "-1000000000000",
];

/// Cent amounts across the whole range, arbitrary mantissas at various scales (negative,
/// fractional, huge), and amounts just around 0 and 10^12 with up to four decimals.
fn money_values() -> impl Strategy<Value = BigDecimal> {
    let limit = BigDecimal::from(1_000_000_000_000_i64);
    prop_oneof![
        (0_i64..100_000_000_000_000).prop_map(|cents| BigDecimal::new(cents.into(), 2)),
        (any::<i64>(), -6_i64..=6).prop_map(|(m, scale)| BigDecimal::new(BigInt::from(m), scale)),
        (-20_000_i64..=20_000, 0_i64..=4).prop_map(|(m, scale)| BigDecimal::new(m.into(), scale)),
        (-20_000_i64..=20_000, 0_i64..=4)
            .prop_map(move |(m, scale)| &limit + BigDecimal::new(m.into(), scale)),
    ]
}

#[test]
fn money_matches_its_checks_and_column_type() {
    let (_db, conn) = database();
    let conn = RefCell::new(conn);
    for text in MONEY_BOUNDARIES {
        let raw = decimal(text);
        check_fixed(
            "Money",
            text,
            money_agrees(&mut conn.borrow_mut(), &V2_MONEY, &raw),
        );
    }
    run_property("Money", money_values(), |raw| {
        money_agrees(&mut conn.borrow_mut(), &V2_MONEY, &raw)
    });
}

/// `numeric` has a NaN, which sorts above every number, so the original schema's
/// `CHECK (contract_value >= 0)` lets it through: at the original point the database accepts a
/// value `Money` cannot even represent, and reading such a row must then be an error, not a
/// panic. Schema v2's `check_contract_value_finite` closes the hole.
#[test]
fn numeric_nan_is_rejected_at_head_and_unreadable_at_the_original_point() {
    let (_db, mut conn) = database();
    assert!(Money::from_str("NaN").is_err());
    let nan = [
        ("client_id", "'nan-value'"),
        ("contract_value", "'NaN'::numeric"),
    ];
    let err = conn
        .transaction(|c| insert_minimal(c, "customers", &nan))
        .expect_err("schema v2 accepts numeric NaN");
    match err {
        DieselError::DatabaseError(DatabaseErrorKind::CheckViolation, info) => {
            assert_eq!(info.constraint_name(), Some("check_contract_value_finite"));
        }
        other => panic!("expected a check violation, got {other:?}"),
    }

    common::revert_to_original(&mut conn);
    insert_minimal(&mut conn, "customers", &nan)
        .expect("the original CHECK `contract_value >= 0` accepts numeric NaN");
    let id = id_where(&mut conn, "customers", "client_id = 'nan-value'");
    let err = Customer::get(&mut conn, id).expect_err("a NaN contract_value must not load");
    assert_load_error(&err, "contract_value", &["NaN"]);

    // Infinity does not fit numeric(14,2) at all.
    for literal in ["'Infinity'::numeric", "'-Infinity'::numeric"] {
        let result =
            conn.transaction(|c| insert_minimal(c, "customers", &[("contract_value", literal)]));
        assert!(result.is_err(), "{literal} was accepted");
    }
}

/// Asserts that a load error names `field` itself and, somewhere in its cause chain, every one
/// of `details` (the bad value, the allowed range).
///
/// The details are looked for in the whole chain, as a log showing causes prints it: the
/// crate's `Error` currently displays only Diesel's top-level text ("Error deserializing field
/// 'health_score'"), while the validation message is its `source()`.
fn assert_load_error(err: &customer_success_db::Error, field: &str, details: &[&str]) {
    let top = err.to_string();
    assert!(top.contains(field), "{field:?} missing from {top:?}");
    let mut chain = top;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    for part in details {
        assert!(chain.contains(part), "{part:?} missing from {chain:?}");
    }
}

fn id_where(conn: &mut PgConnection, table: &str, filter: &str) -> i64 {
    diesel::sql_query(format!("SELECT id FROM {table} WHERE {filter}"))
        .get_result::<Id>(conn)
        .unwrap_or_else(|e| panic!("{table} WHERE {filter}: {e}"))
        .id
}

fn renewal_forecast_with_health_score(conn: &mut PgConnection, key: &str, score: &str) -> i64 {
    let mut overrides = base_overrides("renewal_forecasts");
    overrides.push(("forecast_id", quoted(key)));
    overrides.push(("health_score", score.to_owned()));
    let overrides: Vec<(&str, &str)> = overrides.iter().map(|(c, v)| (*c, v.as_str())).collect();
    insert_minimal(conn, "renewal_forecasts", &overrides).unwrap();
    id_where(conn, "renewal_forecasts", &format!("forecast_id = '{key}'"))
}

/// `renewal_forecasts.health_score` has no CHECK, but its model field is a `HealthScore`.
#[test]
fn out_of_range_health_score_without_a_check_is_a_load_error() {
    let (_db, mut conn) = database();
    // Schema v2 adds the CHECK; at the original point (a database adopted but not upgraded,
    // or read by an older binary) only the type guards the column.
    common::revert_to_original(&mut conn);
    let good = renewal_forecast_with_health_score(&mut conn, "F-good", "100");
    assert_eq!(
        RenewalForecast::get(&mut conn, good).unwrap().health_score,
        HealthScore::MAX
    );

    let bad = renewal_forecast_with_health_score(&mut conn, "F-bad", "150");
    let err = RenewalForecast::get(&mut conn, bad).expect_err("health_score 150 must not load");
    assert_load_error(&err, "health_score", &["health_score: 150", "0 to 100"]);
    // A list that contains the bad row fails as a whole instead of skipping or clamping it.
    assert!(RenewalForecast::list(&mut conn, customer_success_db::crud::Page::default()).is_err());
}

/// `health_scores.support_score` has no CHECK, but its model field is a `ComponentScore`.
#[test]
fn out_of_range_component_score_without_a_check_is_a_load_error() {
    let (_db, mut conn) = database();
    common::revert_to_original(&mut conn);
    let mut load = |value: &str| {
        insert_minimal(
            &mut conn,
            "health_scores",
            &[("client_id", &quoted(PARENT)), ("support_score", value)],
        )
        .unwrap();
        let id = id_where(
            &mut conn,
            "health_scores",
            "id = (SELECT max(id) FROM health_scores)",
        );
        HealthScoreRecord::get(&mut conn, id)
    };

    let good = load("100").unwrap();
    assert_eq!(f64::from(good.support_score), 100.0);

    for (value, expected) in [
        ("150", ["150 is out of range", "0 to 100"]),
        ("-0.5", ["-0.5 is out of range", "0 to 100"]),
        ("'NaN'::float8", ["NaN is not a finite number", "0 to 100"]),
    ] {
        let err = load(value).expect_err("an invalid support_score must not load");
        assert_load_error(&err, "support_score", &expected);
    }
}

/// An unknown string in a closed-set text column names the column and the value.
#[test]
fn unknown_enum_string_is_a_load_error_naming_column_and_value() {
    let (_db, mut conn) = database();
    let mut insert = |key: &str, priority: &str| {
        insert_minimal(
            &mut conn,
            "support_tickets",
            &[
                ("client_id", &quoted(PARENT)),
                ("ticket_id", &quoted(key)),
                ("priority", &quoted(priority)),
                ("category", &quoted(TicketCategory::VALUES[0])),
            ],
        )
        .unwrap();
        id_where(
            &mut conn,
            "support_tickets",
            &format!("ticket_id = '{key}'"),
        )
    };
    let good = insert("T-good", "P1");
    let bad = insert("T-bad", "urgent");

    assert_eq!(
        SupportTicket::get(&mut conn, good).unwrap().priority,
        TicketPriority::P1
    );
    let err = SupportTicket::get(&mut conn, bad).expect_err("priority 'urgent' must not load");
    assert_load_error(
        &err,
        "priority",
        &["\"urgent\"", "support_tickets.priority"],
    );
}
