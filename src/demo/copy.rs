//! Binary `COPY … FROM STDIN` for the demo rows.
//!
//! Diesel's `copy_from(table).from_insertable(rows)` needs an insert struct whose every field
//! is a plain value: binary COPY has no way to say "DEFAULT", so the `Option` fields of the
//! model's `NewFoo` structs (where `None` means the database default) cannot be copied
//! directly. For each table, [`copy_row!`] declares a borrowing twin of `NewFoo` derived with
//! `treat_none_as_default_value = false`, in which a defaulted column is required and a
//! nullable column stays `Option` (`None` is NULL), and a function that converts a slice of
//! `NewFoo` (without copying any data) and runs the COPY. A defaulted column left `None` is an
//! error; the demo generator sets every column.
//!
//! The field lists mirror the `NewFoo` structs of `src/models` (generated from them). A column
//! added to a model but not here is silently not copied (the database fills in its default or
//! NULL, or rejects the row), so `tests/demo.rs` checks that COPY and INSERT load identical
//! tables.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::ExecuteCopyFromDsl;
use serde_json::Value;

use crate::models::*;
use crate::schema::*;
use crate::types::*;

/// A defaulted column was `None`, which COPY cannot express.
#[derive(Debug, thiserror::Error)]
#[error("COPY into {table} needs every column, but {column} is None (the database default); set it or use LoadMethod::Insert")]
pub(crate) struct MissingColumn {
    table: &'static str,
    column: &'static str,
}

impl From<MissingColumn> for crate::Error {
    fn from(e: MissingColumn) -> Self {
        crate::Error::InvalidData {
            message: e.to_string(),
            source: diesel::result::Error::SerializationError(Box::new(e)),
        }
    }
}

/// Declares the borrowing COPY twin of an insert struct and the function copying a slice of it.
///
/// `required`: non-`Option` fields; `defaulted`: `Option` fields of NOT NULL columns with a
/// default (must be `Some`); `nullable`: `Option` fields of nullable columns.
macro_rules! copy_row {
    ($new:ident => $table:ident {
        required { $($r:ident: $rt:ty),* $(,)? }
        defaulted { $($d:ident: $dt:ty),* $(,)? }
        nullable { $($n:ident: $nt:ty),* $(,)? }
    }) => {
        #[doc = concat!("Copies `rows` into `", stringify!($table), "` with one binary COPY; returns the row count.")]
        pub(crate) fn $table(conn: &mut PgConnection, rows: &[$new]) -> crate::Result<usize> {
            #[derive(Insertable)]
            #[diesel(table_name = $table, treat_none_as_default_value = false)]
            struct Row<'a> {
                $($r: &'a $rt,)*
                $($d: &'a $dt,)*
                $($n: Option<&'a $nt>,)*
            }

            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                out.push(Row {
                    $($r: &row.$r,)*
                    $($d: row.$d.as_ref().ok_or(MissingColumn {
                        table: stringify!($table),
                        column: stringify!($d),
                    })?,)*
                    $($n: row.$n.as_ref(),)*
                });
            }
            log::debug!("COPY {} ({} rows)", stringify!($table), out.len());
            Ok(diesel::copy_from($table::table).from_insertable(out).execute(conn)?)
        }
    };
}

copy_row!(NewHealthMetric => health_metrics {
    required {
        client_id: String, period_start: DateTime<Utc>, period_end: DateTime<Utc>,
        overall_health_score: HealthScore, health_score_trend: MetricTrend,
        health_score_change: ScoreChange, health_components: Value, component_trends: Value,
    }
    defaulted {
        risk_indicators: Value, positive_indicators: Value, benchmark_comparison: Value,
        confidence: Fraction, created_at: DateTime<Utc>,
    }
    nullable { predicted_next_period_score: HealthScore }
});
copy_row!(NewEngagementMetric => engagement_metrics {
    required {
        client_id: String, period_start: DateTime<Utc>, period_end: DateTime<Utc>, total_users: Count,
        active_users: Count, daily_active_users: Count, weekly_active_users: Count,
        monthly_active_users: Count, activation_rate: Fraction, engagement_rate: Fraction, total_logins: Count,
        avg_logins_per_user: NonNegativeF64, total_session_minutes: Count, avg_session_duration_minutes: NonNegativeF64,
        total_actions: Count, avg_actions_per_session: NonNegativeF64, feature_adoption: Value,
        engagement_trend: MetricTrend,
    }
    defaulted {
        power_users: Count, inactive_users: Count, at_risk_users: Count, vs_previous_period: Value,
        created_at: DateTime<Utc>,
    }
    nullable {}
});
copy_row!(NewUsageAnalytics => usage_analytics {
    required {
        client_id: String, period_start: DateTime<Utc>, period_end: DateTime<Utc>,
        total_usage_events: Count, unique_features_used: Count, total_features_available: Count,
        feature_utilization_rate: Fraction, top_features: Value, usage_trend: MetricTrend,
        usage_growth_rate: GrowthRate,
    }
    defaulted {
        underutilized_features: Value, new_feature_adoption: Value, usage_by_user_role: Value,
        integration_usage: Value, api_usage: Value, created_at: DateTime<Utc>,
    }
    nullable {}
});
copy_row!(NewCohortAnalysis => cohort_analysis {
    required {
        cohort_id: String, cohort_name: String, cohort_definition: Value, cohort_size: Count,
        analysis_date: NaiveDate, months_since_cohort: Count, retention_by_month: Value,
        engagement_by_month: Value, revenue_metrics: Value,
    }
    defaulted { benchmark_comparison: Value, created_at: DateTime<Utc> }
    nullable {}
});
copy_row!(NewCustomer => customers {
    required {
        client_id: String, client_name: String, company_name: String,
        contract_start_date: NaiveDate,
    }
    defaulted {
        industry: String, tier: CustomerTier, lifecycle_stage: LifecycleStage,
        contract_value: Money, health_score: HealthScore, health_trend: HealthTrend,
        status: CustomerStatus, created_at: DateTime<Utc>, updated_at: DateTime<Utc>,
    }
    nullable {
        contract_end_date: NaiveDate, renewal_date: NaiveDate, primary_contact_email: String,
        primary_contact_name: String, csm_assigned: String, last_engagement_date: DateTime<Utc>,
    }
});
copy_row!(NewHealthScoreRecord => health_scores {
    required {
        client_id: String, usage_score: ComponentScore, engagement_score: ComponentScore,
        support_score: ComponentScore, satisfaction_score: ComponentScore,
        payment_score: ComponentScore,
    }
    defaulted {
        usage_weight: Fraction, engagement_weight: Fraction, support_weight: Fraction, satisfaction_weight: Fraction,
        payment_weight: Fraction, created_at: DateTime<Utc>, updated_at: DateTime<Utc>,
    }
    nullable { overall_score: ComponentScore }
});
copy_row!(NewCustomerSegment => customer_segments {
    required { segment_id: String, segment_name: String, segment_type: String, criteria: Value }
    defaulted {
        characteristics: Value, engagement_strategy: Value, success_metrics: Value,
        customer_count: Count, total_arr: Money, avg_health_score: ComponentScore, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable {}
});
copy_row!(NewRiskIndicator => risk_indicators {
    required {
        client_id: String, indicator_id: String, indicator_name: String, category: String,
        severity: RiskLevel, current_value: FiniteF64, threshold_value: FiniteF64, description: String,
    }
    defaulted { mitigation_actions: Value, detected_at: DateTime<Utc> }
    nullable { resolved_at: DateTime<Utc> }
});
copy_row!(NewChurnPrediction => churn_predictions {
    required {
        client_id: String, churn_probability: Probability, churn_risk_level: RiskLevel,
        confidence_score: Fraction,
    }
    defaulted {
        prediction_date: DateTime<Utc>, contributing_factors: Value,
        retention_recommendations: Value, model_version: String,
    }
    nullable { predicted_churn_date: NaiveDate }
});
copy_row!(NewCustomerFeedback => customer_feedback {
    required {
        feedback_id: String, client_id: String, feedback_type: FeedbackType, source: String,
        submitter_email: String, submitter_name: String, title: String, content: String,
        category: String, sentiment: Sentiment, sentiment_score: SentimentScore,
    }
    defaulted {
        tags: StringList, priority: FeedbackPriority, status: FeedbackStatus,
        follow_up_required: bool, customer_responded: bool, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable {
        subcategory: String, impact_assessment: String, assigned_to: String,
        follow_up_by: NaiveDate, resolution_notes: String, reviewed_at: DateTime<Utc>,
        resolved_at: DateTime<Utc>,
    }
});
copy_row!(NewNpsResponse => nps_responses {
    required {
        response_id: String, client_id: String, survey_id: String, respondent_email: String,
        respondent_name: String, score: NpsScore, category: NpsCategory, sentiment: Sentiment,
        sentiment_score: SentimentScore, survey_sent_at: DateTime<Utc>, response_time_hours: NonNegativeF64,
    }
    defaulted { follow_up_required: bool, contacted: bool, responded_at: DateTime<Utc> }
    nullable {
        reason: String, follow_up_question_1: String, follow_up_answer_1: String,
        follow_up_question_2: String, follow_up_answer_2: String,
    }
});
copy_row!(NewSentimentAnalysis => sentiment_analysis {
    required {
        analysis_id: String, client_id: String, period_start: DateTime<Utc>, period_end: DateTime<Utc>,
        total_feedback_items: Count, feedback_by_type: Value, overall_sentiment: Sentiment,
        overall_sentiment_score: SentimentScore, sentiment_distribution: Value,
        sentiment_trend: SentimentTrend,
    }
    defaulted {
        top_positive_themes: Value, top_negative_themes: Value, action_items: Value,
        analyzed_at: DateTime<Utc>,
    }
    nullable { nps_score: NetPromoterScore, csat_score: Rating }
});
copy_row!(NewPortfolioSentimentAnalysis => portfolio_sentiment_analysis {
    required {
        analysis_id: String, period_start: DateTime<Utc>, period_end: DateTime<Utc>,
        total_feedback_items: Count, feedback_by_type: Value, overall_sentiment: Sentiment,
        overall_sentiment_score: SentimentScore, sentiment_distribution: Value,
        sentiment_trend: SentimentTrend,
    }
    defaulted {
        top_positive_themes: Value, top_negative_themes: Value, action_items: Value,
        analyzed_at: DateTime<Utc>,
    }
    nullable { nps_score: NetPromoterScore, csat_score: Rating }
});
copy_row!(NewSurveyTemplate => survey_templates {
    required {
        template_id: String, template_name: String, template_type: FeedbackType,
        description: String, questions: Value,
    }
    defaulted {
        targeting: Value, frequency: SurveyFrequency, active: bool, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable {}
});
copy_row!(NewOnboardingPlan => onboarding_plans {
    required {
        plan_id: String, client_id: String, plan_name: String, product_tier: String,
        start_date: NaiveDate, target_completion_date: NaiveDate, timeline_weeks: Count,
        customer_goals: Value, success_criteria: Value,
    }
    defaulted {
        total_estimated_hours: Count, assigned_implementation_team: StringList,
        status: OnboardingStatus, completion_percentage: Percentage, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable { actual_completion_date: NaiveDate, assigned_csm: String }
});
copy_row!(NewOnboardingMilestone => onboarding_milestones {
    required {
        milestone_id: String, plan_id: String, name: String, description: String, week: Count,
        sequence_order: Count, tasks: Value, estimated_hours: Count, client_id: String,
    }
    defaulted {
        success_criteria: Value, dependencies: StringList, status: MilestoneStatus,
        completion_percentage: Percentage, blockers: Value,
    }
    nullable {
        actual_hours: Count, assigned_to: String, due_date: NaiveDate, completion_date: NaiveDate,
    }
});
copy_row!(NewTrainingModule => training_modules {
    required {
        module_id: String, module_name: String, module_description: String, format: TrainingFormat,
        duration_minutes: Count, learning_objectives: StringList, topics_covered: StringList,
    }
    defaulted {
        certification_level: CertificationLevel, prerequisites: StringList,
        assessment_required: bool, passing_score: Percentage, max_attempts: Count, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable { content_url: String, certification_awarded: String }
});
copy_row!(NewTrainingCompletion => training_completions {
    required {
        completion_id: String, client_id: String, module_id: String, user_email: String,
        user_name: String, started_at: DateTime<Utc>,
    }
    defaulted {
        time_spent_minutes: Count, attempts_used: Count, passed: bool, certification_issued: bool,
    }
    nullable {
        completed_at: DateTime<Utc>, assessment_score: Percentage, certification_id: String,
        feedback_rating: Rating, feedback_comments: String,
    }
});
copy_row!(NewRenewalForecast => renewal_forecasts {
    required {
        forecast_id: String, client_id: String, contract_id: String, renewal_date: NaiveDate,
        current_arr: Money, forecasted_arr: Money, renewal_probability: Probability,
        renewal_status: RenewalStatus, confidence_score: Fraction, health_score: HealthScore,
        days_until_renewal: i32,
    }
    defaulted {
        risk_factors: Value, positive_indicators: Value, expansion_probability: Probability,
        estimated_expansion_value: Money, recommended_actions: Value,
        forecast_created_at: DateTime<Utc>, forecast_updated_at: DateTime<Utc>,
        model_version: String,
    }
    nullable { last_csm_touchpoint: NaiveDate, next_scheduled_touchpoint: NaiveDate }
});
copy_row!(NewContract => contracts {
    required {
        contract_id: String, client_id: String, contract_type: ContractType, contract_value: Money,
        billing_frequency: BillingFrequency, start_date: NaiveDate, end_date: NaiveDate,
        renewal_date: NaiveDate, payment_terms: String, tier: String, products_included: Value,
    }
    defaulted {
        currency: String, auto_renew: bool, notice_period_days: Count, payment_status: PaymentStatus,
        included_usage: Value, addons: Value, discount_percentage: Percentage,
        last_modified: DateTime<Utc>,
    }
    nullable {
        included_users: Count, discount_reason: String, signed_by: String, owner_csm: String,
        contract_url: String,
    }
});
copy_row!(NewExpansionOpportunity => expansion_opportunities {
    required {
        opportunity_id: String, client_id: String, opportunity_name: String,
        expansion_type: ExpansionType, estimated_value: Money, probability: Probability,
        current_stage: OpportunityStage,
    }
    defaulted {
        confidence_score: Fraction, requirements: StringList, value_drivers: StringList, blockers: Value,
        decision_makers: StringList, competitive_pressure: CompetitivePressure,
        created_at: DateTime<Utc>, updated_at: DateTime<Utc>,
    }
    nullable {
        expected_close_date: NaiveDate, champion: String, assigned_to: String, next_action: String,
        next_action_date: NaiveDate,
    }
});
copy_row!(NewRenewalCampaign => renewal_campaigns {
    required {
        campaign_id: String, campaign_name: String, start_date: NaiveDate, end_date: NaiveDate,
        target_renewal_date_range: Value, total_customers: Count, total_arr_at_risk: Money,
    }
    defaulted {
        customers_contacted: Count, customers_committed: Count, customers_at_risk: Count, win_rate: Fraction,
        expansion_opportunities_identified: Count, expansion_value_identified: Money,
        campaign_activities: Value, success_metrics: Value, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
    }
    nullable {}
});
copy_row!(NewSupportTicket => support_tickets {
    required {
        ticket_id: String, client_id: String, subject: String, description: String,
        priority: TicketPriority, category: TicketCategory, requester_email: String,
        requester_name: String, sla_first_response_minutes: Count, sla_resolution_minutes: Count,
    }
    defaulted {
        status: TicketStatus, tags: StringList, created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>, first_response_sla_status: SlaStatus,
        resolution_sla_status: SlaStatus, escalated: bool,
    }
    nullable {
        assigned_agent: String, assigned_team: String, first_response_at: DateTime<Utc>,
        resolved_at: DateTime<Utc>, closed_at: DateTime<Utc>, time_to_first_response_minutes: Count,
        time_to_resolution_minutes: Count, satisfaction_rating: SatisfactionRating,
        satisfaction_comment: String, escalated_at: DateTime<Utc>, escalation_reason: String,
        resolution_notes: String, internal_notes: String, customer_visible_notes: String,
    }
});
copy_row!(NewTicketComment => ticket_comments {
    required {
        comment_id: String, ticket_id: String, author_email: String, author_name: String,
        author_type: AuthorType, content: String, client_id: String,
    }
    defaulted { is_public: bool, attachments: Value, created_at: DateTime<Utc> }
    nullable {}
});
copy_row!(NewKnowledgeBaseArticle => knowledge_base_articles {
    required {
        article_id: String, title: String, summary: String, content: String, category: String,
        tags: StringList, author: String,
    }
    defaulted {
        status: ArticleStatus, created_at: DateTime<Utc>, updated_at: DateTime<Utc>, version: Count,
        view_count: Count, helpful_votes: Count, not_helpful_votes: Count, helpfulness_score: Fraction,
        related_articles: StringList, search_keywords: StringList, customer_facing: bool,
        requires_authentication: bool, product_tier_restrictions: StringList,
    }
    nullable { subcategory: String, published_at: DateTime<Utc> }
});
