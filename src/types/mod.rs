//! Domain types that make invalid column values unrepresentable.
//!
//! Every CHECK constraint of the schema has a newtype twin here, and every text column with a
//! closed set of values has an enum, so a bad value is rejected in Rust, with a message naming
//! the kind of value and what is allowed, before it reaches PostgreSQL. The same checks run
//! again when a row is read ([`FromSql`](diesel::deserialize::FromSql)), so a bad row already in
//! the database surfaces as a deserialization error instead of a panic or a silently wrong
//! value, and when JSON is deserialised.
//!
//! All of them implement Diesel's `AsExpression`/`FromSqlRow` for their SQL type (also for the
//! `Nullable` form, so `Option<HealthScore>` fits a `Nullable<Integer>` column), `Display`,
//! `FromStr` and serde.
//!
//! # Newtypes
//!
//! Every rule here is also a named CHECK constraint (the original schema's 12, and schema v2's,
//! see the crate docs), and `tests/newtypes_vs_checks.rs` proves each type accepts exactly what
//! its constraints accept, NaN, ±∞ and the boundaries included.
//!
//! | type | SQL type | allowed | columns it guards |
//! |---|---|---|---|
//! | [`HealthScore`] | `integer` | 0 to 100 | `customers.health_score`, `renewal_forecasts.health_score`, `health_metrics.overall_health_score`, `health_metrics.predicted_next_period_score` |
//! | [`ComponentScore`] | `double precision` | 0 to 100, finite | the five `health_scores.*_score` components, `health_scores.overall_score`, `customer_segments.avg_health_score` |
//! | [`Probability`] | `double precision` | 0 to 1, finite | `churn_predictions.churn_probability`, `renewal_forecasts.renewal_probability`, `renewal_forecasts.expansion_probability`, `expansion_opportunities.probability` |
//! | [`Fraction`] | `double precision` | 0 to 1, finite | rates (`engagement_metrics.activation_rate`, `engagement_rate`, `usage_analytics.feature_utilization_rate`, `renewal_campaigns.win_rate`, `knowledge_base_articles.helpfulness_score`), confidences (`churn_predictions`, `renewal_forecasts`, `expansion_opportunities.confidence_score`, `health_metrics.confidence`), the five `health_scores.*_weight` |
//! | [`Percentage`] | `double precision` | 0 to 100, finite | `onboarding_plans.completion_percentage`, `onboarding_milestones.completion_percentage`, `contracts.discount_percentage`, `training_modules.passing_score`, `training_completions.assessment_score` |
//! | [`Rating`] | `double precision` | 1 to 5, finite | `training_completions.feedback_rating`, `sentiment_analysis.csat_score` |
//! | [`SentimentScore`] | `double precision` | -1 to 1, finite | `customer_feedback.sentiment_score`, `nps_responses.sentiment_score`, `sentiment_analysis.overall_sentiment_score` |
//! | [`NonNegativeF64`] | `double precision` | 0 or more, finite | `nps_responses.response_time_hours`, `engagement_metrics.avg_logins_per_user`, `avg_session_duration_minutes`, `avg_actions_per_session` |
//! | [`GrowthRate`] | `double precision` | -1 or more, finite | `usage_analytics.usage_growth_rate` |
//! | [`FiniteF64`] | `double precision` | any finite number | `risk_indicators.current_value`, `risk_indicators.threshold_value` |
//! | [`SatisfactionRating`] | `integer` | 1 to 5 | `support_tickets.satisfaction_rating` |
//! | [`NpsScore`] | `integer` | 0 to 10 | `nps_responses.score` |
//! | [`NetPromoterScore`] | `integer` | -100 to 100 | `sentiment_analysis.nps_score` |
//! | [`ScoreChange`] | `integer` | -100 to 100 | `health_metrics.health_score_change` |
//! | [`Count`] | `integer` | 0 or more | every count, and every duration in whole minutes, hours, weeks or days: `customer_segments.customer_count`; `onboarding_plans.timeline_weeks`, `total_estimated_hours`; `onboarding_milestones.week`, `sequence_order`, `estimated_hours`, `actual_hours`; `training_modules.duration_minutes`, `max_attempts`; `training_completions.time_spent_minutes`, `attempts_used`; `support_tickets.sla_first_response_minutes`, `sla_resolution_minutes`, `time_to_first_response_minutes`, `time_to_resolution_minutes`; `knowledge_base_articles.version`, `view_count`, `helpful_votes`, `not_helpful_votes`; `contracts.notice_period_days`, `included_users`; `renewal_campaigns.total_customers`, `customers_contacted`, `customers_committed`, `customers_at_risk`, `expansion_opportunities_identified`; `sentiment_analysis.total_feedback_items`; the 13 user, login, minute and action counts of `engagement_metrics`; `usage_analytics.total_usage_events`, `unique_features_used`, `total_features_available`; `cohort_analysis.cohort_size`, `months_since_cohort` |
//! | [`Money`] | `numeric(14,2)` | 0 to 999999999999.99, at most 2 decimals, not NaN | all 9 money columns (`contract_value` ×2, `total_arr`, `current_arr`, `forecasted_arr`, `estimated_expansion_value`, `estimated_value`, `total_arr_at_risk`, `expansion_value_identified`) |
//!
//! `renewal_forecasts.days_until_renewal` is the one integer left unconstrained: a renewal can
//! be overdue (negative days). Rules that span columns (ordered date ranges, `active_users ≤
//! total_users`, non-blank business keys, weights summing to 1, the weighted overall score, the
//! NPS category) are checked in Rust by [`Validate`](crate::models::Validate) before every
//! insert and by the database on every write.
//!
//! Violations are reported as [`ValidationError`], whose [`for_field`](ValidationError::for_field)
//! lets a caller name the exact column. [`Money`] serialises as a JSON string (`"1234.50"`).
//!
//! # Enums (stored as `text`/`varchar`)
//!
//! | type | columns | database default |
//! |---|---|---|
//! | [`CustomerTier`] | `customers.tier` | `standard` |
//! | [`LifecycleStage`] | `customers.lifecycle_stage` | `onboarding` |
//! | [`HealthTrend`] | `customers.health_trend` | `stable` |
//! | [`CustomerStatus`] | `customers.status` | `active` |
//! | [`RiskLevel`] | `risk_indicators.severity`, `churn_predictions.churn_risk_level` | |
//! | [`OnboardingStatus`] | `onboarding_plans.status` | `draft` |
//! | [`MilestoneStatus`] | `onboarding_milestones.status` | `not_started` |
//! | [`TrainingFormat`] | `training_modules.format` | |
//! | [`CertificationLevel`] | `training_modules.certification_level` | `basic` |
//! | [`TicketPriority`] | `support_tickets.priority` | |
//! | [`TicketCategory`] | `support_tickets.category` | |
//! | [`TicketStatus`] | `support_tickets.status` | `open` |
//! | [`SlaStatus`] | `support_tickets.first_response_sla_status`, `support_tickets.resolution_sla_status` | `not_applicable` |
//! | [`AuthorType`] | `ticket_comments.author_type` | |
//! | [`ArticleStatus`] | `knowledge_base_articles.status` | `draft` |
//! | [`RenewalStatus`] | `renewal_forecasts.renewal_status` | |
//! | [`ContractType`] | `contracts.contract_type` | |
//! | [`BillingFrequency`] | `contracts.billing_frequency` | |
//! | [`PaymentStatus`] | `contracts.payment_status` | `current` |
//! | [`ExpansionType`] | `expansion_opportunities.expansion_type` | |
//! | [`OpportunityStage`] | `expansion_opportunities.current_stage` | |
//! | [`CompetitivePressure`] | `expansion_opportunities.competitive_pressure` | `unknown` |
//! | [`FeedbackType`] | `customer_feedback.feedback_type`, `survey_templates.template_type` | |
//! | [`Sentiment`] | `customer_feedback.sentiment`, `nps_responses.sentiment`, `sentiment_analysis.overall_sentiment` | |
//! | [`FeedbackPriority`] | `customer_feedback.priority` | `medium` |
//! | [`FeedbackStatus`] | `customer_feedback.status` | `new` |
//! | [`NpsCategory`] | `nps_responses.category` | |
//! | [`SentimentTrend`] | `sentiment_analysis.sentiment_trend` | |
//! | [`SurveyFrequency`] | `survey_templates.frequency` | `one_time` |
//! | [`MetricTrend`] | `health_metrics.health_score_trend`, `engagement_metrics.engagement_trend`, `usage_analytics.usage_trend` | |
//!
//! Each enum has `ALL`, `VALUES`, `COLUMNS` and `as_str()`, and implements `Default` exactly
//! where its column has a database default. Unknown strings are reported as
//! [`UnknownValueError`], naming the value, the column(s) and the allowed values.
//!
//! # JSON
//!
//! | type | SQL type | shape |
//! |---|---|---|
//! | [`StringList`] | `jsonb` | array of strings (tags, keywords, dependencies, …); other shapes are [`NotAStringListError`] |
//!
//! The other `jsonb` columns are [`serde_json::Value`] in the models, so any JSON stores; where
//! the original system defines their shape, a [`JsonShape`] type reads and validates it
//! ([`TextList`], [`MilestoneTasks`], [`HealthComponents`](crate::models::HealthComponents),
//! [`ComponentTrends`], [`FeatureAdoption`], [`TopFeatures`]; the table in `shapes` lists
//! the columns), and each column's rustdoc describes what it holds.

mod enums;
mod json;
mod money;
mod scores;
mod shapes;

pub use enums::{
    ArticleStatus, AuthorType, BillingFrequency, CertificationLevel, CompetitivePressure,
    ContractType, CustomerStatus, CustomerTier, ExpansionType, FeedbackPriority, FeedbackStatus,
    FeedbackType, HealthTrend, LifecycleStage, MetricTrend, MilestoneStatus, NpsCategory,
    OnboardingStatus, OpportunityStage, PaymentStatus, RenewalStatus, RiskLevel, Sentiment,
    SentimentTrend, SlaStatus, SurveyFrequency, TicketCategory, TicketPriority, TicketStatus,
    TrainingFormat, UnknownValueError,
};
pub use json::{NotAStringListError, StringList};
pub use money::Money;
pub use scores::{
    ComponentScore, Count, FiniteF64, Fraction, GrowthRate, HealthScore, NetPromoterScore,
    NonNegativeF64, NpsScore, Percentage, Probability, Rating, SatisfactionRating, ScoreChange,
    SentimentScore, ValidationError, ValidationErrorKind,
};
pub use shapes::{
    shape, ComponentTrend, ComponentTrends, FeatureAdoption, JsonShape, MilestoneTask,
    MilestoneTasks, TextList, TopFeature, TopFeatures,
};

/// Compile-time proof that the types fit Diesel's derives and query DSL the way the model layer
/// uses them, including nullable columns.
#[cfg(test)]
mod diesel_fit {
    use super::*;
    use diesel::pg::Pg;
    use diesel::prelude::*;

    diesel::table! {
        fit (id) {
            id -> BigInt,
            health_score -> Integer,
            predicted_score -> Nullable<Integer>,
            churn_probability -> Double,
            sentiment_score -> Nullable<Double>,
            contract_value -> Numeric,
            estimated_value -> Nullable<Numeric>,
            priority -> Varchar,
            sla_status -> Nullable<Text>,
            tags -> Jsonb,
            blockers -> Nullable<Jsonb>,
        }
    }

    #[derive(Debug, Queryable, Selectable, Insertable, AsChangeset)]
    #[diesel(table_name = fit, check_for_backend(Pg))]
    #[allow(dead_code)]
    struct Fit {
        id: i64,
        health_score: HealthScore,
        predicted_score: Option<HealthScore>,
        churn_probability: Probability,
        sentiment_score: Option<SentimentScore>,
        contract_value: Money,
        estimated_value: Option<Money>,
        priority: TicketPriority,
        sla_status: Option<SlaStatus>,
        tags: StringList,
        blockers: Option<StringList>,
    }

    #[test]
    fn types_work_in_derives_and_filters() {
        let row = Fit {
            id: 1,
            health_score: HealthScore::MAX,
            predicted_score: None,
            churn_probability: Probability::MIN,
            sentiment_score: SentimentScore::new(-0.5).ok(),
            contract_value: Money::zero(),
            estimated_value: None,
            priority: TicketPriority::P0,
            sla_status: Some(SlaStatus::default()),
            tags: StringList::default(),
            blockers: None,
        };
        let insert = diesel::insert_into(fit::table).values(&row);
        let sql = diesel::debug_query::<Pg, _>(&insert).to_string();
        assert!(sql.contains("INSERT INTO \"fit\""), "{sql}");

        let update = diesel::update(fit::table.find(1)).set(&row);
        let sql = diesel::debug_query::<Pg, _>(&update).to_string();
        assert!(sql.contains("UPDATE \"fit\""), "{sql}");

        let query = fit::table
            .filter(fit::priority.eq(TicketPriority::P1))
            .filter(fit::health_score.ge(HealthScore::MIN))
            .filter(fit::sla_status.eq(SlaStatus::Breached))
            .filter(fit::predicted_score.is_not_null())
            .select(Fit::as_select());
        let sql = diesel::debug_query::<Pg, _>(&query).to_string();
        assert!(sql.contains("\"fit\".\"priority\" = $1"), "{sql}");
    }
}
