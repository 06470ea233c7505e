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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `overall_health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    pub overall_health_score: HealthScore,
    /// `health_score_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub health_score_trend: MetricTrend,
    /// `health_score_change`: Change of the score since the previous period, in points, -100 to 100. SQL `integer`.
    pub health_score_change: ScoreChange,
    /// `health_components`: The five component scores of the period: `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100; typed as [`HealthComponents`](crate::models::HealthComponents). SQL `jsonb`.
    pub health_components: Value,
    /// `component_trends`: The direction of each component over the period: `{"usage": "up" | "flat" | "down", …}` for the same five components; typed as [`ComponentTrends`](crate::types::ComponentTrends). SQL `jsonb`.
    pub component_trends: Value,
    /// `risk_indicators`: Risk signals seen in the period (e.g. `"declining_usage"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub risk_indicators: Value,
    /// `positive_indicators`: Positive signals seen in the period (e.g. `"executive_sponsor"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub positive_indicators: Value,
    /// `benchmark_comparison`: Free-form comparison with peers (e.g. `{"tier_average": 70.5, "percentile": 62}`). SQL `jsonb`, default `'{}'::jsonb`.
    pub benchmark_comparison: Value,
    /// `predicted_next_period_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`, nullable.
    pub predicted_next_period_score: Option<HealthScore>,
    /// `confidence`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.0`.
    pub confidence: Fraction,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `health_metrics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewHealthMetric::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = health_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewHealthMetric {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `overall_health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    pub overall_health_score: HealthScore,
    /// `health_score_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub health_score_trend: MetricTrend,
    /// `health_score_change`: Change of the score since the previous period, in points, -100 to 100. SQL `integer`.
    pub health_score_change: ScoreChange,
    /// `health_components`: The five component scores of the period: `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100; typed as [`HealthComponents`](crate::models::HealthComponents). SQL `jsonb`.
    pub health_components: Value,
    /// `component_trends`: The direction of each component over the period: `{"usage": "up" | "flat" | "down", …}` for the same five components; typed as [`ComponentTrends`](crate::types::ComponentTrends). SQL `jsonb`.
    pub component_trends: Value,
    /// `risk_indicators`: Risk signals seen in the period (e.g. `"declining_usage"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_indicators: Option<Value>,
    /// `positive_indicators`: Positive signals seen in the period (e.g. `"executive_sponsor"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `benchmark_comparison`: Free-form comparison with peers (e.g. `{"tier_average": 70.5, "percentile": 62}`). SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `predicted_next_period_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_next_period_score: Option<HealthScore>,
    /// `confidence`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Fraction>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewHealthMetric {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewHealthMetric::builder`]: with 8 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewHealthMetric {
    /// Named-field construction: one setter per column, then [`build`](NewHealthMetricBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewHealthMetricBuilder {
        NewHealthMetricBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewHealthMetricBuilder {
        NewHealthMetricBuilder {
            client_id: Some(self.client_id),
            period_start: Some(self.period_start),
            period_end: Some(self.period_end),
            overall_health_score: Some(self.overall_health_score),
            health_score_trend: Some(self.health_score_trend),
            health_score_change: Some(self.health_score_change),
            health_components: Some(self.health_components),
            component_trends: Some(self.component_trends),
            risk_indicators: self.risk_indicators,
            positive_indicators: self.positive_indicators,
            benchmark_comparison: self.benchmark_comparison,
            predicted_next_period_score: self.predicted_next_period_score,
            confidence: self.confidence,
            created_at: self.created_at,
        }
    }
}

/// Builds a [`NewHealthMetric`] by naming every value; see [`NewHealthMetric::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewHealthMetricBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) period_start: Option<DateTime<Utc>>,
    pub(crate) period_end: Option<DateTime<Utc>>,
    pub(crate) overall_health_score: Option<HealthScore>,
    pub(crate) health_score_trend: Option<MetricTrend>,
    pub(crate) health_score_change: Option<ScoreChange>,
    pub(crate) health_components: Option<Value>,
    pub(crate) component_trends: Option<Value>,
    pub(crate) risk_indicators: Option<Value>,
    pub(crate) positive_indicators: Option<Value>,
    pub(crate) benchmark_comparison: Option<Value>,
    pub(crate) predicted_next_period_score: Option<HealthScore>,
    pub(crate) confidence: Option<Fraction>,
    pub(crate) created_at: Option<DateTime<Utc>>,
}

impl NewHealthMetricBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_start(mut self, value: DateTime<Utc>) -> Self {
        self.period_start = Some(value);
        self
    }

    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_end(mut self, value: DateTime<Utc>) -> Self {
        self.period_end = Some(value);
        self
    }

    /// `overall_health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`. Required.
    pub fn overall_health_score(mut self, value: HealthScore) -> Self {
        self.overall_health_score = Some(value);
        self
    }

    /// `health_score_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`. Required.
    pub fn health_score_trend(mut self, value: MetricTrend) -> Self {
        self.health_score_trend = Some(value);
        self
    }

    /// `health_score_change`: Change of the score since the previous period, in points, -100 to 100. SQL `integer`. Required.
    pub fn health_score_change(mut self, value: ScoreChange) -> Self {
        self.health_score_change = Some(value);
        self
    }

    /// `health_components`: The five component scores of the period: `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100; typed as [`HealthComponents`](crate::models::HealthComponents). SQL `jsonb`. Required.
    pub fn health_components(mut self, value: Value) -> Self {
        self.health_components = Some(value);
        self
    }

    /// `component_trends`: The direction of each component over the period: `{"usage": "up" | "flat" | "down", …}` for the same five components; typed as [`ComponentTrends`](crate::types::ComponentTrends). SQL `jsonb`. Required.
    pub fn component_trends(mut self, value: Value) -> Self {
        self.component_trends = Some(value);
        self
    }

    /// `risk_indicators`: Risk signals seen in the period (e.g. `"declining_usage"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn risk_indicators(mut self, value: Value) -> Self {
        self.risk_indicators = Some(value);
        self
    }

    /// `positive_indicators`: Positive signals seen in the period (e.g. `"executive_sponsor"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn positive_indicators(mut self, value: Value) -> Self {
        self.positive_indicators = Some(value);
        self
    }

    /// `benchmark_comparison`: Free-form comparison with peers (e.g. `{"tier_average": 70.5, "percentile": 62}`). SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn benchmark_comparison(mut self, value: Value) -> Self {
        self.benchmark_comparison = Some(value);
        self
    }

    /// `predicted_next_period_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`, nullable. Optional: unset, NULL.
    pub fn predicted_next_period_score(mut self, value: HealthScore) -> Self {
        self.predicted_next_period_score = Some(value);
        self
    }

    /// `confidence`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn confidence(mut self, value: Fraction) -> Self {
        self.confidence = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// The row, once every required column (`client_id`, `period_start`, `period_end`, `overall_health_score`, `health_score_trend`, `health_score_change`, `health_components`, `component_trends`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewHealthMetric> {
        Ok(NewHealthMetric {
            client_id: crate::models::required(self.client_id, "client_id")?,
            period_start: crate::models::required(self.period_start, "period_start")?,
            period_end: crate::models::required(self.period_end, "period_end")?,
            overall_health_score: crate::models::required(
                self.overall_health_score,
                "overall_health_score",
            )?,
            health_score_trend: crate::models::required(
                self.health_score_trend,
                "health_score_trend",
            )?,
            health_score_change: crate::models::required(
                self.health_score_change,
                "health_score_change",
            )?,
            health_components: crate::models::required(
                self.health_components,
                "health_components",
            )?,
            component_trends: crate::models::required(self.component_trends, "component_trends")?,
            risk_indicators: self.risk_indicators,
            positive_indicators: self.positive_indicators,
            benchmark_comparison: self.benchmark_comparison,
            predicted_next_period_score: self.predicted_next_period_score,
            confidence: self.confidence,
            created_at: self.created_at,
        })
    }
}

/// Changes to a row of `health_metrics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = health_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct HealthMetricChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `overall_health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_health_score: Option<HealthScore>,
    /// `health_score_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score_trend: Option<MetricTrend>,
    /// `health_score_change`: Change of the score since the previous period, in points, -100 to 100. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score_change: Option<ScoreChange>,
    /// `health_components`: The five component scores of the period: `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100; typed as [`HealthComponents`](crate::models::HealthComponents). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_components: Option<Value>,
    /// `component_trends`: The direction of each component over the period: `{"usage": "up" | "flat" | "down", …}` for the same five components; typed as [`ComponentTrends`](crate::types::ComponentTrends). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_trends: Option<Value>,
    /// `risk_indicators`: Risk signals seen in the period (e.g. `"declining_usage"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_indicators: Option<Value>,
    /// `positive_indicators`: Positive signals seen in the period (e.g. `"executive_sponsor"`): a JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `benchmark_comparison`: Free-form comparison with peers (e.g. `{"tier_average": 70.5, "percentile": 62}`). SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `predicted_next_period_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub predicted_next_period_score: Option<Option<HealthScore>>,
    /// `confidence`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.0`.
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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_users`: A count, 0 or more. SQL `integer`.
    pub total_users: Count,
    /// `active_users`: A count, 0 or more. SQL `integer`.
    pub active_users: Count,
    /// `daily_active_users`: A count, 0 or more. SQL `integer`.
    pub daily_active_users: Count,
    /// `weekly_active_users`: A count, 0 or more. SQL `integer`.
    pub weekly_active_users: Count,
    /// `monthly_active_users`: A count, 0 or more. SQL `integer`.
    pub monthly_active_users: Count,
    /// `activation_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub activation_rate: Fraction,
    /// `engagement_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub engagement_rate: Fraction,
    /// `total_logins`: A count, 0 or more. SQL `integer`.
    pub total_logins: Count,
    /// `avg_logins_per_user`: An average, 0 or more. SQL `double precision`.
    pub avg_logins_per_user: NonNegativeF64,
    /// `total_session_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub total_session_minutes: Count,
    /// `avg_session_duration_minutes`: Minutes (fractional), 0 or more. SQL `double precision`.
    pub avg_session_duration_minutes: NonNegativeF64,
    /// `total_actions`: A count, 0 or more. SQL `integer`.
    pub total_actions: Count,
    /// `avg_actions_per_session`: An average, 0 or more. SQL `double precision`.
    pub avg_actions_per_session: NonNegativeF64,
    /// `feature_adoption`: Share of active users using each feature: a JSON object of feature name to a fraction 0 to 1; typed as [`FeatureAdoption`](crate::types::FeatureAdoption). SQL `jsonb`.
    pub feature_adoption: Value,
    /// `power_users`: A count, 0 or more. SQL `integer`, default `0`.
    pub power_users: Count,
    /// `inactive_users`: A count, 0 or more. SQL `integer`, default `0`.
    pub inactive_users: Count,
    /// `at_risk_users`: A count, 0 or more. SQL `integer`, default `0`.
    pub at_risk_users: Count,
    /// `engagement_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub engagement_trend: MetricTrend,
    /// `vs_previous_period`: Free-form changes against the previous period (e.g. `{"active_users_change_pct": 4.2}`, percent). SQL `jsonb`, default `'{}'::jsonb`.
    pub vs_previous_period: Value,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `engagement_metrics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewEngagementMetric::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = engagement_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewEngagementMetric {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_users`: A count, 0 or more. SQL `integer`.
    pub total_users: Count,
    /// `active_users`: A count, 0 or more. SQL `integer`.
    pub active_users: Count,
    /// `daily_active_users`: A count, 0 or more. SQL `integer`.
    pub daily_active_users: Count,
    /// `weekly_active_users`: A count, 0 or more. SQL `integer`.
    pub weekly_active_users: Count,
    /// `monthly_active_users`: A count, 0 or more. SQL `integer`.
    pub monthly_active_users: Count,
    /// `activation_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub activation_rate: Fraction,
    /// `engagement_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub engagement_rate: Fraction,
    /// `total_logins`: A count, 0 or more. SQL `integer`.
    pub total_logins: Count,
    /// `avg_logins_per_user`: An average, 0 or more. SQL `double precision`.
    pub avg_logins_per_user: NonNegativeF64,
    /// `total_session_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub total_session_minutes: Count,
    /// `avg_session_duration_minutes`: Minutes (fractional), 0 or more. SQL `double precision`.
    pub avg_session_duration_minutes: NonNegativeF64,
    /// `total_actions`: A count, 0 or more. SQL `integer`.
    pub total_actions: Count,
    /// `avg_actions_per_session`: An average, 0 or more. SQL `double precision`.
    pub avg_actions_per_session: NonNegativeF64,
    /// `feature_adoption`: Share of active users using each feature: a JSON object of feature name to a fraction 0 to 1; typed as [`FeatureAdoption`](crate::types::FeatureAdoption). SQL `jsonb`.
    pub feature_adoption: Value,
    /// `power_users`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_users: Option<Count>,
    /// `inactive_users`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_users: Option<Count>,
    /// `at_risk_users`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk_users: Option<Count>,
    /// `engagement_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub engagement_trend: MetricTrend,
    /// `vs_previous_period`: Free-form changes against the previous period (e.g. `{"active_users_change_pct": 4.2}`, percent). SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vs_previous_period: Option<Value>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewEngagementMetric {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewEngagementMetric::builder`]: with 18 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewEngagementMetric {
    /// Named-field construction: one setter per column, then [`build`](NewEngagementMetricBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewEngagementMetricBuilder {
        NewEngagementMetricBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewEngagementMetricBuilder {
        NewEngagementMetricBuilder {
            client_id: Some(self.client_id),
            period_start: Some(self.period_start),
            period_end: Some(self.period_end),
            total_users: Some(self.total_users),
            active_users: Some(self.active_users),
            daily_active_users: Some(self.daily_active_users),
            weekly_active_users: Some(self.weekly_active_users),
            monthly_active_users: Some(self.monthly_active_users),
            activation_rate: Some(self.activation_rate),
            engagement_rate: Some(self.engagement_rate),
            total_logins: Some(self.total_logins),
            avg_logins_per_user: Some(self.avg_logins_per_user),
            total_session_minutes: Some(self.total_session_minutes),
            avg_session_duration_minutes: Some(self.avg_session_duration_minutes),
            total_actions: Some(self.total_actions),
            avg_actions_per_session: Some(self.avg_actions_per_session),
            feature_adoption: Some(self.feature_adoption),
            power_users: self.power_users,
            inactive_users: self.inactive_users,
            at_risk_users: self.at_risk_users,
            engagement_trend: Some(self.engagement_trend),
            vs_previous_period: self.vs_previous_period,
            created_at: self.created_at,
        }
    }
}

/// Builds a [`NewEngagementMetric`] by naming every value; see [`NewEngagementMetric::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewEngagementMetricBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) period_start: Option<DateTime<Utc>>,
    pub(crate) period_end: Option<DateTime<Utc>>,
    pub(crate) total_users: Option<Count>,
    pub(crate) active_users: Option<Count>,
    pub(crate) daily_active_users: Option<Count>,
    pub(crate) weekly_active_users: Option<Count>,
    pub(crate) monthly_active_users: Option<Count>,
    pub(crate) activation_rate: Option<Fraction>,
    pub(crate) engagement_rate: Option<Fraction>,
    pub(crate) total_logins: Option<Count>,
    pub(crate) avg_logins_per_user: Option<NonNegativeF64>,
    pub(crate) total_session_minutes: Option<Count>,
    pub(crate) avg_session_duration_minutes: Option<NonNegativeF64>,
    pub(crate) total_actions: Option<Count>,
    pub(crate) avg_actions_per_session: Option<NonNegativeF64>,
    pub(crate) feature_adoption: Option<Value>,
    pub(crate) power_users: Option<Count>,
    pub(crate) inactive_users: Option<Count>,
    pub(crate) at_risk_users: Option<Count>,
    pub(crate) engagement_trend: Option<MetricTrend>,
    pub(crate) vs_previous_period: Option<Value>,
    pub(crate) created_at: Option<DateTime<Utc>>,
}

impl NewEngagementMetricBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_start(mut self, value: DateTime<Utc>) -> Self {
        self.period_start = Some(value);
        self
    }

    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_end(mut self, value: DateTime<Utc>) -> Self {
        self.period_end = Some(value);
        self
    }

    /// `total_users`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_users(mut self, value: Count) -> Self {
        self.total_users = Some(value);
        self
    }

    /// `active_users`: A count, 0 or more. SQL `integer`. Required.
    pub fn active_users(mut self, value: Count) -> Self {
        self.active_users = Some(value);
        self
    }

    /// `daily_active_users`: A count, 0 or more. SQL `integer`. Required.
    pub fn daily_active_users(mut self, value: Count) -> Self {
        self.daily_active_users = Some(value);
        self
    }

    /// `weekly_active_users`: A count, 0 or more. SQL `integer`. Required.
    pub fn weekly_active_users(mut self, value: Count) -> Self {
        self.weekly_active_users = Some(value);
        self
    }

    /// `monthly_active_users`: A count, 0 or more. SQL `integer`. Required.
    pub fn monthly_active_users(mut self, value: Count) -> Self {
        self.monthly_active_users = Some(value);
        self
    }

    /// `activation_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`. Required.
    pub fn activation_rate(mut self, value: Fraction) -> Self {
        self.activation_rate = Some(value);
        self
    }

    /// `engagement_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`. Required.
    pub fn engagement_rate(mut self, value: Fraction) -> Self {
        self.engagement_rate = Some(value);
        self
    }

    /// `total_logins`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_logins(mut self, value: Count) -> Self {
        self.total_logins = Some(value);
        self
    }

    /// `avg_logins_per_user`: An average, 0 or more. SQL `double precision`. Required.
    pub fn avg_logins_per_user(mut self, value: NonNegativeF64) -> Self {
        self.avg_logins_per_user = Some(value);
        self
    }

    /// `total_session_minutes`: Whole minutes, 0 or more. SQL `integer`. Required.
    pub fn total_session_minutes(mut self, value: Count) -> Self {
        self.total_session_minutes = Some(value);
        self
    }

    /// `avg_session_duration_minutes`: Minutes (fractional), 0 or more. SQL `double precision`. Required.
    pub fn avg_session_duration_minutes(mut self, value: NonNegativeF64) -> Self {
        self.avg_session_duration_minutes = Some(value);
        self
    }

    /// `total_actions`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_actions(mut self, value: Count) -> Self {
        self.total_actions = Some(value);
        self
    }

    /// `avg_actions_per_session`: An average, 0 or more. SQL `double precision`. Required.
    pub fn avg_actions_per_session(mut self, value: NonNegativeF64) -> Self {
        self.avg_actions_per_session = Some(value);
        self
    }

    /// `feature_adoption`: Share of active users using each feature: a JSON object of feature name to a fraction 0 to 1; typed as [`FeatureAdoption`](crate::types::FeatureAdoption). SQL `jsonb`. Required.
    pub fn feature_adoption(mut self, value: Value) -> Self {
        self.feature_adoption = Some(value);
        self
    }

    /// `power_users`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn power_users(mut self, value: Count) -> Self {
        self.power_users = Some(value);
        self
    }

    /// `inactive_users`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn inactive_users(mut self, value: Count) -> Self {
        self.inactive_users = Some(value);
        self
    }

    /// `at_risk_users`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn at_risk_users(mut self, value: Count) -> Self {
        self.at_risk_users = Some(value);
        self
    }

    /// `engagement_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`. Required.
    pub fn engagement_trend(mut self, value: MetricTrend) -> Self {
        self.engagement_trend = Some(value);
        self
    }

    /// `vs_previous_period`: Free-form changes against the previous period (e.g. `{"active_users_change_pct": 4.2}`, percent). SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn vs_previous_period(mut self, value: Value) -> Self {
        self.vs_previous_period = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// The row, once every required column (`client_id`, `period_start`, `period_end`, `total_users`, `active_users`, `daily_active_users`, `weekly_active_users`, `monthly_active_users`, `activation_rate`, `engagement_rate`, `total_logins`, `avg_logins_per_user`, `total_session_minutes`, `avg_session_duration_minutes`, `total_actions`, `avg_actions_per_session`, `feature_adoption`, `engagement_trend`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewEngagementMetric> {
        Ok(NewEngagementMetric {
            client_id: crate::models::required(self.client_id, "client_id")?,
            period_start: crate::models::required(self.period_start, "period_start")?,
            period_end: crate::models::required(self.period_end, "period_end")?,
            total_users: crate::models::required(self.total_users, "total_users")?,
            active_users: crate::models::required(self.active_users, "active_users")?,
            daily_active_users: crate::models::required(
                self.daily_active_users,
                "daily_active_users",
            )?,
            weekly_active_users: crate::models::required(
                self.weekly_active_users,
                "weekly_active_users",
            )?,
            monthly_active_users: crate::models::required(
                self.monthly_active_users,
                "monthly_active_users",
            )?,
            activation_rate: crate::models::required(self.activation_rate, "activation_rate")?,
            engagement_rate: crate::models::required(self.engagement_rate, "engagement_rate")?,
            total_logins: crate::models::required(self.total_logins, "total_logins")?,
            avg_logins_per_user: crate::models::required(
                self.avg_logins_per_user,
                "avg_logins_per_user",
            )?,
            total_session_minutes: crate::models::required(
                self.total_session_minutes,
                "total_session_minutes",
            )?,
            avg_session_duration_minutes: crate::models::required(
                self.avg_session_duration_minutes,
                "avg_session_duration_minutes",
            )?,
            total_actions: crate::models::required(self.total_actions, "total_actions")?,
            avg_actions_per_session: crate::models::required(
                self.avg_actions_per_session,
                "avg_actions_per_session",
            )?,
            feature_adoption: crate::models::required(self.feature_adoption, "feature_adoption")?,
            power_users: self.power_users,
            inactive_users: self.inactive_users,
            at_risk_users: self.at_risk_users,
            engagement_trend: crate::models::required(self.engagement_trend, "engagement_trend")?,
            vs_previous_period: self.vs_previous_period,
            created_at: self.created_at,
        })
    }
}

/// Changes to a row of `engagement_metrics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = engagement_metrics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct EngagementMetricChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_users`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_users: Option<Count>,
    /// `active_users`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_users: Option<Count>,
    /// `daily_active_users`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_active_users: Option<Count>,
    /// `weekly_active_users`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_active_users: Option<Count>,
    /// `monthly_active_users`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_active_users: Option<Count>,
    /// `activation_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_rate: Option<Fraction>,
    /// `engagement_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_rate: Option<Fraction>,
    /// `total_logins`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_logins: Option<Count>,
    /// `avg_logins_per_user`: An average, 0 or more. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_logins_per_user: Option<NonNegativeF64>,
    /// `total_session_minutes`: Whole minutes, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_session_minutes: Option<Count>,
    /// `avg_session_duration_minutes`: Minutes (fractional), 0 or more. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_session_duration_minutes: Option<NonNegativeF64>,
    /// `total_actions`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_actions: Option<Count>,
    /// `avg_actions_per_session`: An average, 0 or more. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_actions_per_session: Option<NonNegativeF64>,
    /// `feature_adoption`: Share of active users using each feature: a JSON object of feature name to a fraction 0 to 1; typed as [`FeatureAdoption`](crate::types::FeatureAdoption). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_adoption: Option<Value>,
    /// `power_users`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_users: Option<Count>,
    /// `inactive_users`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactive_users: Option<Count>,
    /// `at_risk_users`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk_users: Option<Count>,
    /// `engagement_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_trend: Option<MetricTrend>,
    /// `vs_previous_period`: Free-form changes against the previous period (e.g. `{"active_users_change_pct": 4.2}`, percent). SQL `jsonb`, default `'{}'::jsonb`.
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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_usage_events`: A count, 0 or more. SQL `integer`.
    pub total_usage_events: Count,
    /// `unique_features_used`: A count, 0 or more. SQL `integer`.
    pub unique_features_used: Count,
    /// `total_features_available`: A count, 0 or more. SQL `integer`.
    pub total_features_available: Count,
    /// `feature_utilization_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub feature_utilization_rate: Fraction,
    /// `top_features`: The most used features: a JSON array of `{"feature": name, "events": count}`; typed as [`TopFeatures`](crate::types::TopFeatures). SQL `jsonb`.
    pub top_features: Value,
    /// `underutilized_features`: Features the customer pays for and barely uses: a JSON array of names. SQL `jsonb`, default `'[]'::jsonb`.
    pub underutilized_features: Value,
    /// `new_feature_adoption`: Free-form: feature name to the fraction (0 to 1) of users who tried it. SQL `jsonb`, default `'{}'::jsonb`.
    pub new_feature_adoption: Value,
    /// `usage_by_user_role`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub usage_by_user_role: Value,
    /// `integration_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub integration_usage: Value,
    /// `api_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub api_usage: Value,
    /// `usage_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub usage_trend: MetricTrend,
    /// `usage_growth_rate`: Growth since the previous period as a fraction, -1 (all gone) or more (0.1 means +10 %). SQL `double precision`.
    pub usage_growth_rate: GrowthRate,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `usage_analytics`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewUsageAnalytics::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = usage_analytics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewUsageAnalytics {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_usage_events`: A count, 0 or more. SQL `integer`.
    pub total_usage_events: Count,
    /// `unique_features_used`: A count, 0 or more. SQL `integer`.
    pub unique_features_used: Count,
    /// `total_features_available`: A count, 0 or more. SQL `integer`.
    pub total_features_available: Count,
    /// `feature_utilization_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    pub feature_utilization_rate: Fraction,
    /// `top_features`: The most used features: a JSON array of `{"feature": name, "events": count}`; typed as [`TopFeatures`](crate::types::TopFeatures). SQL `jsonb`.
    pub top_features: Value,
    /// `underutilized_features`: Features the customer pays for and barely uses: a JSON array of names. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underutilized_features: Option<Value>,
    /// `new_feature_adoption`: Free-form: feature name to the fraction (0 to 1) of users who tried it. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_feature_adoption: Option<Value>,
    /// `usage_by_user_role`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_by_user_role: Option<Value>,
    /// `integration_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_usage: Option<Value>,
    /// `api_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_usage: Option<Value>,
    /// `usage_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    pub usage_trend: MetricTrend,
    /// `usage_growth_rate`: Growth since the previous period as a fraction, -1 (all gone) or more (0.1 means +10 %). SQL `double precision`.
    pub usage_growth_rate: GrowthRate,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewUsageAnalytics {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewUsageAnalytics::builder`]: with 10 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewUsageAnalytics {
    /// Named-field construction: one setter per column, then [`build`](NewUsageAnalyticsBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewUsageAnalyticsBuilder {
        NewUsageAnalyticsBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewUsageAnalyticsBuilder {
        NewUsageAnalyticsBuilder {
            client_id: Some(self.client_id),
            period_start: Some(self.period_start),
            period_end: Some(self.period_end),
            total_usage_events: Some(self.total_usage_events),
            unique_features_used: Some(self.unique_features_used),
            total_features_available: Some(self.total_features_available),
            feature_utilization_rate: Some(self.feature_utilization_rate),
            top_features: Some(self.top_features),
            underutilized_features: self.underutilized_features,
            new_feature_adoption: self.new_feature_adoption,
            usage_by_user_role: self.usage_by_user_role,
            integration_usage: self.integration_usage,
            api_usage: self.api_usage,
            usage_trend: Some(self.usage_trend),
            usage_growth_rate: Some(self.usage_growth_rate),
            created_at: self.created_at,
        }
    }
}

/// Builds a [`NewUsageAnalytics`] by naming every value; see [`NewUsageAnalytics::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewUsageAnalyticsBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) period_start: Option<DateTime<Utc>>,
    pub(crate) period_end: Option<DateTime<Utc>>,
    pub(crate) total_usage_events: Option<Count>,
    pub(crate) unique_features_used: Option<Count>,
    pub(crate) total_features_available: Option<Count>,
    pub(crate) feature_utilization_rate: Option<Fraction>,
    pub(crate) top_features: Option<Value>,
    pub(crate) underutilized_features: Option<Value>,
    pub(crate) new_feature_adoption: Option<Value>,
    pub(crate) usage_by_user_role: Option<Value>,
    pub(crate) integration_usage: Option<Value>,
    pub(crate) api_usage: Option<Value>,
    pub(crate) usage_trend: Option<MetricTrend>,
    pub(crate) usage_growth_rate: Option<GrowthRate>,
    pub(crate) created_at: Option<DateTime<Utc>>,
}

impl NewUsageAnalyticsBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_start(mut self, value: DateTime<Utc>) -> Self {
        self.period_start = Some(value);
        self
    }

    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn period_end(mut self, value: DateTime<Utc>) -> Self {
        self.period_end = Some(value);
        self
    }

    /// `total_usage_events`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_usage_events(mut self, value: Count) -> Self {
        self.total_usage_events = Some(value);
        self
    }

    /// `unique_features_used`: A count, 0 or more. SQL `integer`. Required.
    pub fn unique_features_used(mut self, value: Count) -> Self {
        self.unique_features_used = Some(value);
        self
    }

    /// `total_features_available`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_features_available(mut self, value: Count) -> Self {
        self.total_features_available = Some(value);
        self
    }

    /// `feature_utilization_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`. Required.
    pub fn feature_utilization_rate(mut self, value: Fraction) -> Self {
        self.feature_utilization_rate = Some(value);
        self
    }

    /// `top_features`: The most used features: a JSON array of `{"feature": name, "events": count}`; typed as [`TopFeatures`](crate::types::TopFeatures). SQL `jsonb`. Required.
    pub fn top_features(mut self, value: Value) -> Self {
        self.top_features = Some(value);
        self
    }

    /// `underutilized_features`: Features the customer pays for and barely uses: a JSON array of names. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn underutilized_features(mut self, value: Value) -> Self {
        self.underutilized_features = Some(value);
        self
    }

    /// `new_feature_adoption`: Free-form: feature name to the fraction (0 to 1) of users who tried it. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn new_feature_adoption(mut self, value: Value) -> Self {
        self.new_feature_adoption = Some(value);
        self
    }

    /// `usage_by_user_role`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn usage_by_user_role(mut self, value: Value) -> Self {
        self.usage_by_user_role = Some(value);
        self
    }

    /// `integration_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn integration_usage(mut self, value: Value) -> Self {
        self.integration_usage = Some(value);
        self
    }

    /// `api_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn api_usage(mut self, value: Value) -> Self {
        self.api_usage = Some(value);
        self
    }

    /// `usage_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`. Required.
    pub fn usage_trend(mut self, value: MetricTrend) -> Self {
        self.usage_trend = Some(value);
        self
    }

    /// `usage_growth_rate`: Growth since the previous period as a fraction, -1 (all gone) or more (0.1 means +10 %). SQL `double precision`. Required.
    pub fn usage_growth_rate(mut self, value: GrowthRate) -> Self {
        self.usage_growth_rate = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// The row, once every required column (`client_id`, `period_start`, `period_end`, `total_usage_events`, `unique_features_used`, `total_features_available`, `feature_utilization_rate`, `top_features`, `usage_trend`, `usage_growth_rate`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewUsageAnalytics> {
        Ok(NewUsageAnalytics {
            client_id: crate::models::required(self.client_id, "client_id")?,
            period_start: crate::models::required(self.period_start, "period_start")?,
            period_end: crate::models::required(self.period_end, "period_end")?,
            total_usage_events: crate::models::required(
                self.total_usage_events,
                "total_usage_events",
            )?,
            unique_features_used: crate::models::required(
                self.unique_features_used,
                "unique_features_used",
            )?,
            total_features_available: crate::models::required(
                self.total_features_available,
                "total_features_available",
            )?,
            feature_utilization_rate: crate::models::required(
                self.feature_utilization_rate,
                "feature_utilization_rate",
            )?,
            top_features: crate::models::required(self.top_features, "top_features")?,
            underutilized_features: self.underutilized_features,
            new_feature_adoption: self.new_feature_adoption,
            usage_by_user_role: self.usage_by_user_role,
            integration_usage: self.integration_usage,
            api_usage: self.api_usage,
            usage_trend: crate::models::required(self.usage_trend, "usage_trend")?,
            usage_growth_rate: crate::models::required(
                self.usage_growth_rate,
                "usage_growth_rate",
            )?,
            created_at: self.created_at,
        })
    }
}

/// Changes to a row of `usage_analytics`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = usage_analytics, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct UsageAnalyticsChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_usage_events`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_usage_events: Option<Count>,
    /// `unique_features_used`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_features_used: Option<Count>,
    /// `total_features_available`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_features_available: Option<Count>,
    /// `feature_utilization_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_utilization_rate: Option<Fraction>,
    /// `top_features`: The most used features: a JSON array of `{"feature": name, "events": count}`; typed as [`TopFeatures`](crate::types::TopFeatures). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_features: Option<Value>,
    /// `underutilized_features`: Features the customer pays for and barely uses: a JSON array of names. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underutilized_features: Option<Value>,
    /// `new_feature_adoption`: Free-form: feature name to the fraction (0 to 1) of users who tried it. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_feature_adoption: Option<Value>,
    /// `usage_by_user_role`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_by_user_role: Option<Value>,
    /// `integration_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_usage: Option<Value>,
    /// `api_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_usage: Option<Value>,
    /// `usage_trend`: One of [`MetricTrend`]'s values (stored as text). SQL `varchar(10)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_trend: Option<MetricTrend>,
    /// `usage_growth_rate`: Growth since the previous period as a fraction, -1 (all gone) or more (0.1 means +10 %). SQL `double precision`.
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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `cohort_id`: SQL `varchar(100)`.
    pub cohort_id: String,
    /// `cohort_name`: SQL `varchar(200)`.
    pub cohort_name: String,
    /// `cohort_definition`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub cohort_definition: Value,
    /// `cohort_size`: A count, 0 or more. SQL `integer`.
    pub cohort_size: Count,
    /// `analysis_date`: SQL `date`.
    pub analysis_date: NaiveDate,
    /// `months_since_cohort`: Whole months since the cohort started, 0 or more. SQL `integer`.
    pub months_since_cohort: Count,
    /// `retention_by_month`: Free-form: months since the cohort started to the fraction (0 to 1) of customers retained. SQL `jsonb`.
    pub retention_by_month: Value,
    /// `engagement_by_month`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub engagement_by_month: Value,
    /// `revenue_metrics`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub revenue_metrics: Value,
    /// `benchmark_comparison`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub benchmark_comparison: Value,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `cohort_analysis`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewCohortAnalysis::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = cohort_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCohortAnalysis {
    /// `cohort_id`: SQL `varchar(100)`.
    pub cohort_id: String,
    /// `cohort_name`: SQL `varchar(200)`.
    pub cohort_name: String,
    /// `cohort_definition`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub cohort_definition: Value,
    /// `cohort_size`: A count, 0 or more. SQL `integer`.
    pub cohort_size: Count,
    /// `analysis_date`: SQL `date`.
    pub analysis_date: NaiveDate,
    /// `months_since_cohort`: Whole months since the cohort started, 0 or more. SQL `integer`.
    pub months_since_cohort: Count,
    /// `retention_by_month`: Free-form: months since the cohort started to the fraction (0 to 1) of customers retained. SQL `jsonb`.
    pub retention_by_month: Value,
    /// `engagement_by_month`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub engagement_by_month: Value,
    /// `revenue_metrics`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub revenue_metrics: Value,
    /// `benchmark_comparison`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewCohortAnalysis {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewCohortAnalysis::builder`]: with 9 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewCohortAnalysis {
    /// Named-field construction: one setter per column, then [`build`](NewCohortAnalysisBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewCohortAnalysisBuilder {
        NewCohortAnalysisBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewCohortAnalysisBuilder {
        NewCohortAnalysisBuilder {
            cohort_id: Some(self.cohort_id),
            cohort_name: Some(self.cohort_name),
            cohort_definition: Some(self.cohort_definition),
            cohort_size: Some(self.cohort_size),
            analysis_date: Some(self.analysis_date),
            months_since_cohort: Some(self.months_since_cohort),
            retention_by_month: Some(self.retention_by_month),
            engagement_by_month: Some(self.engagement_by_month),
            revenue_metrics: Some(self.revenue_metrics),
            benchmark_comparison: self.benchmark_comparison,
            created_at: self.created_at,
        }
    }
}

/// Builds a [`NewCohortAnalysis`] by naming every value; see [`NewCohortAnalysis::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewCohortAnalysisBuilder {
    pub(crate) cohort_id: Option<String>,
    pub(crate) cohort_name: Option<String>,
    pub(crate) cohort_definition: Option<Value>,
    pub(crate) cohort_size: Option<Count>,
    pub(crate) analysis_date: Option<NaiveDate>,
    pub(crate) months_since_cohort: Option<Count>,
    pub(crate) retention_by_month: Option<Value>,
    pub(crate) engagement_by_month: Option<Value>,
    pub(crate) revenue_metrics: Option<Value>,
    pub(crate) benchmark_comparison: Option<Value>,
    pub(crate) created_at: Option<DateTime<Utc>>,
}

impl NewCohortAnalysisBuilder {
    /// `cohort_id`: SQL `varchar(100)`. Required.
    pub fn cohort_id(mut self, value: impl Into<String>) -> Self {
        self.cohort_id = Some(value.into());
        self
    }

    /// `cohort_name`: SQL `varchar(200)`. Required.
    pub fn cohort_name(mut self, value: impl Into<String>) -> Self {
        self.cohort_name = Some(value.into());
        self
    }

    /// `cohort_definition`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn cohort_definition(mut self, value: Value) -> Self {
        self.cohort_definition = Some(value);
        self
    }

    /// `cohort_size`: A count, 0 or more. SQL `integer`. Required.
    pub fn cohort_size(mut self, value: Count) -> Self {
        self.cohort_size = Some(value);
        self
    }

    /// `analysis_date`: SQL `date`. Required.
    pub fn analysis_date(mut self, value: NaiveDate) -> Self {
        self.analysis_date = Some(value);
        self
    }

    /// `months_since_cohort`: Whole months since the cohort started, 0 or more. SQL `integer`. Required.
    pub fn months_since_cohort(mut self, value: Count) -> Self {
        self.months_since_cohort = Some(value);
        self
    }

    /// `retention_by_month`: Free-form: months since the cohort started to the fraction (0 to 1) of customers retained. SQL `jsonb`. Required.
    pub fn retention_by_month(mut self, value: Value) -> Self {
        self.retention_by_month = Some(value);
        self
    }

    /// `engagement_by_month`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn engagement_by_month(mut self, value: Value) -> Self {
        self.engagement_by_month = Some(value);
        self
    }

    /// `revenue_metrics`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn revenue_metrics(mut self, value: Value) -> Self {
        self.revenue_metrics = Some(value);
        self
    }

    /// `benchmark_comparison`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn benchmark_comparison(mut self, value: Value) -> Self {
        self.benchmark_comparison = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// The row, once every required column (`cohort_id`, `cohort_name`, `cohort_definition`, `cohort_size`, `analysis_date`, `months_since_cohort`, `retention_by_month`, `engagement_by_month`, `revenue_metrics`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewCohortAnalysis> {
        Ok(NewCohortAnalysis {
            cohort_id: crate::models::required(self.cohort_id, "cohort_id")?,
            cohort_name: crate::models::required(self.cohort_name, "cohort_name")?,
            cohort_definition: crate::models::required(
                self.cohort_definition,
                "cohort_definition",
            )?,
            cohort_size: crate::models::required(self.cohort_size, "cohort_size")?,
            analysis_date: crate::models::required(self.analysis_date, "analysis_date")?,
            months_since_cohort: crate::models::required(
                self.months_since_cohort,
                "months_since_cohort",
            )?,
            retention_by_month: crate::models::required(
                self.retention_by_month,
                "retention_by_month",
            )?,
            engagement_by_month: crate::models::required(
                self.engagement_by_month,
                "engagement_by_month",
            )?,
            revenue_metrics: crate::models::required(self.revenue_metrics, "revenue_metrics")?,
            benchmark_comparison: self.benchmark_comparison,
            created_at: self.created_at,
        })
    }
}

/// Changes to a row of `cohort_analysis`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = cohort_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CohortAnalysisChanges {
    /// `cohort_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_name: Option<String>,
    /// `cohort_definition`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_definition: Option<Value>,
    /// `cohort_size`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_size: Option<Count>,
    /// `analysis_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis_date: Option<NaiveDate>,
    /// `months_since_cohort`: Whole months since the cohort started, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_since_cohort: Option<Count>,
    /// `retention_by_month`: Free-form: months since the cohort started to the fraction (0 to 1) of customers retained. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_by_month: Option<Value>,
    /// `engagement_by_month`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_by_month: Option<Value>,
    /// `revenue_metrics`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_metrics: Option<Value>,
    /// `benchmark_comparison`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_comparison: Option<Value>,
}

crate::crud::impl_crud!(
    CohortAnalysis,
    NewCohortAnalysis,
    CohortAnalysisChanges,
    cohort_analysis,
    columns = 12,
    key = cohort_id,
    conflict = (cohort_id),
    upsert = [
        cohort_name,
        cohort_definition,
        cohort_size,
        analysis_date,
        months_since_cohort,
        retention_by_month,
        engagement_by_month,
        revenue_metrics,
        benchmark_comparison
    ]
);
