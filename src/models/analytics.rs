//! Analytics tables: health, engagement and usage metrics, cohort analyses.
//!
//! Generated from the schema specification; see the crate docs for the naming scheme
//! (`Foo` row, `NewFoo` insert, `FooChanges` changeset).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::schema::*;
use crate::types::*;

/// A row of `health_metrics`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = health_metrics, check_for_backend(diesel::pg::Pg))]
pub struct HealthMetric {
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `overall_health_score`: integer.
    pub overall_health_score: HealthScore,
    /// `health_score_trend`: varchar(10).
    pub health_score_trend: MetricTrend,
    /// `health_score_change`: integer.
    pub health_score_change: ScoreChange,
    /// `health_components`: jsonb.
    pub health_components: Value,
    /// `component_trends`: jsonb.
    pub component_trends: Value,
    /// `risk_indicators`: jsonb, default `'[]'::jsonb`.
    pub risk_indicators: Value,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`.
    pub positive_indicators: Value,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`.
    pub benchmark_comparison: Value,
    /// `predicted_next_period_score`: integer, nullable.
    pub predicted_next_period_score: Option<HealthScore>,
    /// `confidence`: double precision, default `0.0`.
    pub confidence: Fraction,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `health_metrics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = health_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewHealthMetric {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `overall_health_score`: integer.
    pub overall_health_score: HealthScore,
    /// `health_score_trend`: varchar(10).
    pub health_score_trend: MetricTrend,
    /// `health_score_change`: integer.
    pub health_score_change: ScoreChange,
    /// `health_components`: jsonb.
    pub health_components: Value,
    /// `component_trends`: jsonb.
    pub component_trends: Value,
    /// `risk_indicators`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_indicators: Option<Value>,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `predicted_next_period_score`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_next_period_score: Option<HealthScore>,
    /// `confidence`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Fraction>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewHealthMetric {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        client_id: impl Into<String>,
        period_start: DateTime<Utc>,
        period_end: DateTime<Utc>,
        overall_health_score: HealthScore,
        health_score_trend: MetricTrend,
        health_score_change: ScoreChange,
        health_components: Value,
        component_trends: Value,
    ) -> Self {
        NewHealthMetric {
            client_id: client_id.into(),
            period_start,
            period_end,
            overall_health_score,
            health_score_trend,
            health_score_change,
            health_components,
            component_trends,
            risk_indicators: None,
            positive_indicators: None,
            benchmark_comparison: None,
            predicted_next_period_score: None,
            confidence: None,
            created_at: None,
        }
    }
}

/// Changes to a row of `health_metrics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = health_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct HealthMetricChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `overall_health_score`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_health_score: Option<HealthScore>,
    /// `health_score_trend`: varchar(10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score_trend: Option<MetricTrend>,
    /// `health_score_change`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score_change: Option<ScoreChange>,
    /// `health_components`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_components: Option<Value>,
    /// `component_trends`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_trends: Option<Value>,
    /// `risk_indicators`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_indicators: Option<Value>,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `predicted_next_period_score`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub predicted_next_period_score: Option<Option<HealthScore>>,
    /// `confidence`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Fraction>,
}

crate::crud::impl_crud!(
    HealthMetric,
    NewHealthMetric,
    HealthMetricChanges,
    health_metrics,
    columns = 15,
    client = client_id
);

/// A row of `engagement_metrics`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = engagement_metrics, check_for_backend(diesel::pg::Pg))]
pub struct EngagementMetric {
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_users`: integer.
    pub total_users: Count,
    /// `active_users`: integer.
    pub active_users: Count,
    /// `daily_active_users`: integer.
    pub daily_active_users: Count,
    /// `weekly_active_users`: integer.
    pub weekly_active_users: Count,
    /// `monthly_active_users`: integer.
    pub monthly_active_users: Count,
    /// `activation_rate`: double precision.
    pub activation_rate: Fraction,
    /// `engagement_rate`: double precision.
    pub engagement_rate: Fraction,
    /// `total_logins`: integer.
    pub total_logins: Count,
    /// `avg_logins_per_user`: double precision.
    pub avg_logins_per_user: NonNegativeF64,
    /// `total_session_minutes`: integer.
    pub total_session_minutes: Count,
    /// `avg_session_duration_minutes`: double precision.
    pub avg_session_duration_minutes: NonNegativeF64,
    /// `total_actions`: integer.
    pub total_actions: Count,
    /// `avg_actions_per_session`: double precision.
    pub avg_actions_per_session: NonNegativeF64,
    /// `feature_adoption`: jsonb.
    pub feature_adoption: Value,
    /// `power_users`: integer, default `0`.
    pub power_users: Count,
    /// `inactive_users`: integer, default `0`.
    pub inactive_users: Count,
    /// `at_risk_users`: integer, default `0`.
    pub at_risk_users: Count,
    /// `engagement_trend`: varchar(10).
    pub engagement_trend: MetricTrend,
    /// `vs_previous_period`: jsonb, default `'{}'::jsonb`.
    pub vs_previous_period: Value,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `engagement_metrics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = engagement_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewEngagementMetric {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_users`: integer.
    pub total_users: Count,
    /// `active_users`: integer.
    pub active_users: Count,
    /// `daily_active_users`: integer.
    pub daily_active_users: Count,
    /// `weekly_active_users`: integer.
    pub weekly_active_users: Count,
    /// `monthly_active_users`: integer.
    pub monthly_active_users: Count,
    /// `activation_rate`: double precision.
    pub activation_rate: Fraction,
    /// `engagement_rate`: double precision.
    pub engagement_rate: Fraction,
    /// `total_logins`: integer.
    pub total_logins: Count,
    /// `avg_logins_per_user`: double precision.
    pub avg_logins_per_user: NonNegativeF64,
    /// `total_session_minutes`: integer.
    pub total_session_minutes: Count,
    /// `avg_session_duration_minutes`: double precision.
    pub avg_session_duration_minutes: NonNegativeF64,
    /// `total_actions`: integer.
    pub total_actions: Count,
    /// `avg_actions_per_session`: double precision.
    pub avg_actions_per_session: NonNegativeF64,
    /// `feature_adoption`: jsonb.
    pub feature_adoption: Value,
    /// `power_users`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_users: Option<Count>,
    /// `inactive_users`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_users: Option<Count>,
    /// `at_risk_users`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk_users: Option<Count>,
    /// `engagement_trend`: varchar(10).
    pub engagement_trend: MetricTrend,
    /// `vs_previous_period`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vs_previous_period: Option<Value>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewEngagementMetric {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        client_id: impl Into<String>,
        period_start: DateTime<Utc>,
        period_end: DateTime<Utc>,
        total_users: Count,
        active_users: Count,
        daily_active_users: Count,
        weekly_active_users: Count,
        monthly_active_users: Count,
        activation_rate: Fraction,
        engagement_rate: Fraction,
        total_logins: Count,
        avg_logins_per_user: NonNegativeF64,
        total_session_minutes: Count,
        avg_session_duration_minutes: NonNegativeF64,
        total_actions: Count,
        avg_actions_per_session: NonNegativeF64,
        feature_adoption: Value,
        engagement_trend: MetricTrend,
    ) -> Self {
        NewEngagementMetric {
            client_id: client_id.into(),
            period_start,
            period_end,
            total_users,
            active_users,
            daily_active_users,
            weekly_active_users,
            monthly_active_users,
            activation_rate,
            engagement_rate,
            total_logins,
            avg_logins_per_user,
            total_session_minutes,
            avg_session_duration_minutes,
            total_actions,
            avg_actions_per_session,
            feature_adoption,
            engagement_trend,
            power_users: None,
            inactive_users: None,
            at_risk_users: None,
            vs_previous_period: None,
            created_at: None,
        }
    }
}

/// Changes to a row of `engagement_metrics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = engagement_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct EngagementMetricChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_users`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_users: Option<Count>,
    /// `active_users`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_users: Option<Count>,
    /// `daily_active_users`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_active_users: Option<Count>,
    /// `weekly_active_users`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_active_users: Option<Count>,
    /// `monthly_active_users`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_active_users: Option<Count>,
    /// `activation_rate`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_rate: Option<Fraction>,
    /// `engagement_rate`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_rate: Option<Fraction>,
    /// `total_logins`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_logins: Option<Count>,
    /// `avg_logins_per_user`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_logins_per_user: Option<NonNegativeF64>,
    /// `total_session_minutes`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_session_minutes: Option<Count>,
    /// `avg_session_duration_minutes`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_session_duration_minutes: Option<NonNegativeF64>,
    /// `total_actions`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_actions: Option<Count>,
    /// `avg_actions_per_session`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_actions_per_session: Option<NonNegativeF64>,
    /// `feature_adoption`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_adoption: Option<Value>,
    /// `power_users`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_users: Option<Count>,
    /// `inactive_users`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_users: Option<Count>,
    /// `at_risk_users`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk_users: Option<Count>,
    /// `engagement_trend`: varchar(10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_trend: Option<MetricTrend>,
    /// `vs_previous_period`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vs_previous_period: Option<Value>,
}

crate::crud::impl_crud!(
    EngagementMetric,
    NewEngagementMetric,
    EngagementMetricChanges,
    engagement_metrics,
    columns = 24,
    client = client_id
);

/// A row of `usage_analytics`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = usage_analytics, check_for_backend(diesel::pg::Pg))]
pub struct UsageAnalytics {
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_usage_events`: integer.
    pub total_usage_events: Count,
    /// `unique_features_used`: integer.
    pub unique_features_used: Count,
    /// `total_features_available`: integer.
    pub total_features_available: Count,
    /// `feature_utilization_rate`: double precision.
    pub feature_utilization_rate: Fraction,
    /// `top_features`: jsonb.
    pub top_features: Value,
    /// `underutilized_features`: jsonb, default `'[]'::jsonb`.
    pub underutilized_features: Value,
    /// `new_feature_adoption`: jsonb, default `'{}'::jsonb`.
    pub new_feature_adoption: Value,
    /// `usage_by_user_role`: jsonb, default `'{}'::jsonb`.
    pub usage_by_user_role: Value,
    /// `integration_usage`: jsonb, default `'{}'::jsonb`.
    pub integration_usage: Value,
    /// `api_usage`: jsonb, default `'{}'::jsonb`.
    pub api_usage: Value,
    /// `usage_trend`: varchar(10).
    pub usage_trend: MetricTrend,
    /// `usage_growth_rate`: double precision.
    pub usage_growth_rate: GrowthRate,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `usage_analytics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = usage_analytics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewUsageAnalytics {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_usage_events`: integer.
    pub total_usage_events: Count,
    /// `unique_features_used`: integer.
    pub unique_features_used: Count,
    /// `total_features_available`: integer.
    pub total_features_available: Count,
    /// `feature_utilization_rate`: double precision.
    pub feature_utilization_rate: Fraction,
    /// `top_features`: jsonb.
    pub top_features: Value,
    /// `underutilized_features`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underutilized_features: Option<Value>,
    /// `new_feature_adoption`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_feature_adoption: Option<Value>,
    /// `usage_by_user_role`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_by_user_role: Option<Value>,
    /// `integration_usage`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_usage: Option<Value>,
    /// `api_usage`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_usage: Option<Value>,
    /// `usage_trend`: varchar(10).
    pub usage_trend: MetricTrend,
    /// `usage_growth_rate`: double precision.
    pub usage_growth_rate: GrowthRate,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewUsageAnalytics {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        client_id: impl Into<String>,
        period_start: DateTime<Utc>,
        period_end: DateTime<Utc>,
        total_usage_events: Count,
        unique_features_used: Count,
        total_features_available: Count,
        feature_utilization_rate: Fraction,
        top_features: Value,
        usage_trend: MetricTrend,
        usage_growth_rate: GrowthRate,
    ) -> Self {
        NewUsageAnalytics {
            client_id: client_id.into(),
            period_start,
            period_end,
            total_usage_events,
            unique_features_used,
            total_features_available,
            feature_utilization_rate,
            top_features,
            usage_trend,
            usage_growth_rate,
            underutilized_features: None,
            new_feature_adoption: None,
            usage_by_user_role: None,
            integration_usage: None,
            api_usage: None,
            created_at: None,
        }
    }
}

/// Changes to a row of `usage_analytics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = usage_analytics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct UsageAnalyticsChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_usage_events`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_usage_events: Option<Count>,
    /// `unique_features_used`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_features_used: Option<Count>,
    /// `total_features_available`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_features_available: Option<Count>,
    /// `feature_utilization_rate`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_utilization_rate: Option<Fraction>,
    /// `top_features`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_features: Option<Value>,
    /// `underutilized_features`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underutilized_features: Option<Value>,
    /// `new_feature_adoption`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_feature_adoption: Option<Value>,
    /// `usage_by_user_role`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_by_user_role: Option<Value>,
    /// `integration_usage`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_usage: Option<Value>,
    /// `api_usage`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_usage: Option<Value>,
    /// `usage_trend`: varchar(10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_trend: Option<MetricTrend>,
    /// `usage_growth_rate`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_growth_rate: Option<GrowthRate>,
}

crate::crud::impl_crud!(
    UsageAnalytics,
    NewUsageAnalytics,
    UsageAnalyticsChanges,
    usage_analytics,
    columns = 17,
    client = client_id
);

/// A row of `cohort_analysis`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = cohort_analysis, check_for_backend(diesel::pg::Pg))]
pub struct CohortAnalysis {
    /// `id`: bigint.
    pub id: i64,
    /// `cohort_id`: varchar(100).
    pub cohort_id: String,
    /// `cohort_name`: varchar(200).
    pub cohort_name: String,
    /// `cohort_definition`: jsonb.
    pub cohort_definition: Value,
    /// `cohort_size`: integer.
    pub cohort_size: Count,
    /// `analysis_date`: date.
    pub analysis_date: NaiveDate,
    /// `months_since_cohort`: integer.
    pub months_since_cohort: Count,
    /// `retention_by_month`: jsonb.
    pub retention_by_month: Value,
    /// `engagement_by_month`: jsonb.
    pub engagement_by_month: Value,
    /// `revenue_metrics`: jsonb.
    pub revenue_metrics: Value,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`.
    pub benchmark_comparison: Value,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `cohort_analysis`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = cohort_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCohortAnalysis {
    /// `cohort_id`: varchar(100).
    pub cohort_id: String,
    /// `cohort_name`: varchar(200).
    pub cohort_name: String,
    /// `cohort_definition`: jsonb.
    pub cohort_definition: Value,
    /// `cohort_size`: integer.
    pub cohort_size: Count,
    /// `analysis_date`: date.
    pub analysis_date: NaiveDate,
    /// `months_since_cohort`: integer.
    pub months_since_cohort: Count,
    /// `retention_by_month`: jsonb.
    pub retention_by_month: Value,
    /// `engagement_by_month`: jsonb.
    pub engagement_by_month: Value,
    /// `revenue_metrics`: jsonb.
    pub revenue_metrics: Value,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewCohortAnalysis {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        cohort_id: impl Into<String>,
        cohort_name: impl Into<String>,
        cohort_definition: Value,
        cohort_size: Count,
        analysis_date: NaiveDate,
        months_since_cohort: Count,
        retention_by_month: Value,
        engagement_by_month: Value,
        revenue_metrics: Value,
    ) -> Self {
        NewCohortAnalysis {
            cohort_id: cohort_id.into(),
            cohort_name: cohort_name.into(),
            cohort_definition,
            cohort_size,
            analysis_date,
            months_since_cohort,
            retention_by_month,
            engagement_by_month,
            revenue_metrics,
            benchmark_comparison: None,
            created_at: None,
        }
    }
}

/// Changes to a row of `cohort_analysis`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = cohort_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CohortAnalysisChanges {
    /// `cohort_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_name: Option<String>,
    /// `cohort_definition`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_definition: Option<Value>,
    /// `cohort_size`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_size: Option<Count>,
    /// `analysis_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_date: Option<NaiveDate>,
    /// `months_since_cohort`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_since_cohort: Option<Count>,
    /// `retention_by_month`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_by_month: Option<Value>,
    /// `engagement_by_month`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_by_month: Option<Value>,
    /// `revenue_metrics`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_metrics: Option<Value>,
    /// `benchmark_comparison`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
}

crate::crud::impl_crud!(
    CohortAnalysis,
    NewCohortAnalysis,
    CohortAnalysisChanges,
    cohort_analysis,
    columns = 12,
    key = cohort_id
);
