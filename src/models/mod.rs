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
//! # Building a row: named fields
//!
//! Every insert struct has `NewFoo::builder()`: one setter per column, named after it, so two
//! values of one type cannot change places unnoticed (the positional `NewFoo::new` of
//! `engagement_metrics` takes 18 arguments, nine of them adjacent integers and floats).
//! `build()` returns [`Error::Validation`](crate::Error::Validation) of kind
//! [`Missing`](crate::types::ValidationErrorKind::Missing) naming a required column that was
//! not set; unset optional columns get the database default (or NULL). The column rules
//! ([`Validate`]) run when the row is created, as for every other insert.
//!
//! ```
//! use customer_success_db::models::*;
//! use customer_success_db::types::*;
//!
//! let ticket = NewSupportTicket::builder()
//!     .ticket_id("TCK-1001")
//!     .client_id("acme")
//!     .subject("SSO login fails")
//!     .description("SAML error since the certificate rotation")
//!     .priority(TicketPriority::P1)
//!     .category(TicketCategory::TechnicalIssue)
//!     .requester_email("it@acme.example")
//!     .requester_name("Dana Ops")
//!     .assigned_agent("sam@support.example")
//!     .tags(["sso", "saml"].into_iter().collect())
//!     .sla_first_response_minutes(Count::new(60)?)
//!     .sla_resolution_minutes(Count::new(480)?)
//!     .build()?;
//! assert_eq!(ticket.sla_resolution_minutes.get(), 480);
//!
//! // A required column left out is an error that names it.
//! let err = NewSupportTicket::builder().ticket_id("TCK-1002").build().unwrap_err();
//! assert!(err.to_string().starts_with("client_id: no value given for a required field"));
//! # Ok::<(), customer_success_db::Error>(())
//! ```
//!
//! Where all fields are public, struct update syntax works as well
//! (`NewCustomer { csm_assigned: Some(..), ..NewCustomer::new(..) }`). [`NewNpsResponse`] and
//! [`NewHealthScoreRecord`] keep their derived columns private; their builders set them
//! (`score` sets the category, `components`/`weights` the overall score), and
//! `into_builder()` is their struct update: change some fields of an existing value and
//! `build()` again, which derives the private columns anew.
//!
//! ```
//! use customer_success_db::chrono::Utc;
//! use customer_success_db::models::*;
//! use customer_success_db::types::*;
//!
//! let promoter = NewNpsResponse::builder()
//!     .response_id("NPS-1")
//!     .client_id("acme")
//!     .survey_id("Q4")
//!     .respondent_email("cfo@acme.example")
//!     .respondent_name("Cee Effo")
//!     .score(NpsScore::new(9)?)
//!     .sentiment(Sentiment::Positive)
//!     .sentiment_score(SentimentScore::new(0.6)?)
//!     .survey_sent_at(Utc::now())
//!     .response_time_hours(NonNegativeF64::new(3.5)?)
//!     .build()?;
//! assert_eq!(promoter.category(), NpsCategory::Promoter);
//! let detractor = promoter.into_builder().response_id("NPS-2").score(NpsScore::new(3)?).build()?;
//! assert_eq!(detractor.category(), NpsCategory::Detractor);
//! # Ok::<(), customer_success_db::Error>(())
//! ```
//!
//! Field docs give each column's meaning, unit and range (a `Fraction` is 0 to 1, a
//! `Percentage` 0 to 100, durations say minutes or hours); the `jsonb` columns say what they
//! hold, and where the original system defines the shape a typed reader exists
//! ([`JsonShape`](crate::types::JsonShape)).
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
//! | `portfolio_sentiment_analysis` | [`PortfolioSentimentAnalysis`] | [`NewPortfolioSentimentAnalysis`] | [`PortfolioSentimentAnalysisChanges`] | `analysis_id` |
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
