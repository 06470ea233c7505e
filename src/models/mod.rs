//! Typed models of all 24 tables.
//!
//! Each table has three structs, following crates.io and Lemmy:
//! a row struct `Foo` (`Queryable`, `Selectable` checked against the schema at compile time,
//! `Identifiable`, serde), an insert struct `NewFoo` (`Insertable`; `NewFoo::new` takes the
//! required columns, the rest default to the database's own defaults) and a changeset
//! `FooChanges` (`AsChangeset`; `None` leaves a column alone, and for nullable columns
//! `Some(None)` sets NULL). The 12 foreign keys are `Associations`, so
//! `HealthScoreRecord::belonging_to(&customer)` works. All of them get the same CRUD surface
//! from [`crate::crud`].
//!
//! Two tables carry derived values that a caller cannot set directly:
//! `health_scores.overall_score` is computed from the five component scores and their weights
//! ([`NewHealthScoreRecord::new`], [`HealthScoreRecordChanges::recompute`]), and
//! `nps_responses.category` always follows the score ([`NewNpsResponse::new`],
//! [`NpsResponseChanges::set_score`]).
//!
//! | table | row | insert | changes | business key |
//! |---|---|---|---|---|
//! | `customers` | [`Customer`] | [`NewCustomer`] | [`CustomerChanges`] | `client_id` |
//! | `health_scores` | [`HealthScoreRecord`] | [`NewHealthScoreRecord`] | [`HealthScoreRecordChanges`] | - |
//! | `customer_segments` | [`CustomerSegment`] | [`NewCustomerSegment`] | [`CustomerSegmentChanges`] | `segment_id` |
//! | `risk_indicators` | [`RiskIndicator`] | [`NewRiskIndicator`] | [`RiskIndicatorChanges`] | - |
//! | `churn_predictions` | [`ChurnPrediction`] | [`NewChurnPrediction`] | [`ChurnPredictionChanges`] | - |
//! | `onboarding_plans` | [`OnboardingPlan`] | [`NewOnboardingPlan`] | [`OnboardingPlanChanges`] | `plan_id` |
//! | `onboarding_milestones` | [`OnboardingMilestone`] | [`NewOnboardingMilestone`] | [`OnboardingMilestoneChanges`] | - |
//! | `training_modules` | [`TrainingModule`] | [`NewTrainingModule`] | [`TrainingModuleChanges`] | `module_id` |
//! | `training_completions` | [`TrainingCompletion`] | [`NewTrainingCompletion`] | [`TrainingCompletionChanges`] | `completion_id` |
//! | `support_tickets` | [`SupportTicket`] | [`NewSupportTicket`] | [`SupportTicketChanges`] | `ticket_id` |
//! | `ticket_comments` | [`TicketComment`] | [`NewTicketComment`] | [`TicketCommentChanges`] | `comment_id` |
//! | `knowledge_base_articles` | [`KnowledgeBaseArticle`] | [`NewKnowledgeBaseArticle`] | [`KnowledgeBaseArticleChanges`] | `article_id` |
//! | `renewal_forecasts` | [`RenewalForecast`] | [`NewRenewalForecast`] | [`RenewalForecastChanges`] | `forecast_id` |
//! | `contracts` | [`Contract`] | [`NewContract`] | [`ContractChanges`] | `contract_id` |
//! | `expansion_opportunities` | [`ExpansionOpportunity`] | [`NewExpansionOpportunity`] | [`ExpansionOpportunityChanges`] | `opportunity_id` |
//! | `renewal_campaigns` | [`RenewalCampaign`] | [`NewRenewalCampaign`] | [`RenewalCampaignChanges`] | `campaign_id` |
//! | `customer_feedback` | [`CustomerFeedback`] | [`NewCustomerFeedback`] | [`CustomerFeedbackChanges`] | `feedback_id` |
//! | `nps_responses` | [`NpsResponse`] | [`NewNpsResponse`] | [`NpsResponseChanges`] | `response_id` |
//! | `sentiment_analysis` | [`SentimentAnalysis`] | [`NewSentimentAnalysis`] | [`SentimentAnalysisChanges`] | `analysis_id` |
//! | `survey_templates` | [`SurveyTemplate`] | [`NewSurveyTemplate`] | [`SurveyTemplateChanges`] | `template_id` |
//! | `health_metrics` | [`HealthMetric`] | [`NewHealthMetric`] | [`HealthMetricChanges`] | - |
//! | `engagement_metrics` | [`EngagementMetric`] | [`NewEngagementMetric`] | [`EngagementMetricChanges`] | - |
//! | `usage_analytics` | [`UsageAnalytics`] | [`NewUsageAnalytics`] | [`UsageAnalyticsChanges`] | - |
//! | `cohort_analysis` | [`CohortAnalysis`] | [`NewCohortAnalysis`] | [`CohortAnalysisChanges`] | `cohort_id` |

mod analytics;
mod customer;
mod domain;
mod feedback;
mod onboarding;
mod renewal;
mod rules;
mod support;

pub use analytics::*;
pub use customer::*;
pub use domain::*;
pub use feedback::*;
pub use onboarding::*;
pub use renewal::*;
pub use rules::{is_blank_key, Validate};
pub use support::*;

/// A required column of a `New*` builder, or the error that names it.
pub(crate) fn required<T>(value: Option<T>, field: &'static str) -> crate::Result<T> {
    value.ok_or_else(|| {
        crate::types::ValidationError::new(
            field,
            "no value",
            "a value: the column is required",
            crate::types::ValidationErrorKind::Missing,
        )
        .into()
    })
}

/// serde for the `Option<Option<T>>` fields of changesets: an absent field is `None` (leave
/// alone), `null` is `Some(None)` (set NULL), a value is `Some(Some(v))`.
pub(crate) mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            // Skipped by `skip_serializing_if`; kept total for completeness.
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}
