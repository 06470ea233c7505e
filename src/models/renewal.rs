//! Renewal tables: forecasts, contracts, expansion opportunities, renewal campaigns.
//!
//! Generated from the schema specification; see the crate docs for the naming scheme
//! (`Foo` row, `NewFoo` insert, `FooChanges` changeset).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::customer::Customer;
use crate::schema::*;
use crate::types::*;

/// A row of `renewal_forecasts`.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Queryable,
    Selectable,
    Identifiable,
    Serialize,
    Deserialize,
    Associations,
)]
#[diesel(table_name = renewal_forecasts, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct RenewalForecast {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `forecast_id`: SQL `varchar(100)`.
    pub forecast_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `contract_id`: The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id. SQL `varchar(50)`.
    pub contract_id: String,
    /// `renewal_date`: SQL `date`.
    pub renewal_date: NaiveDate,
    /// `current_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub current_arr: Money,
    /// `forecasted_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub forecasted_arr: Money,
    /// `renewal_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub renewal_probability: Probability,
    /// `renewal_status`: One of [`RenewalStatus`]'s values (stored as text). SQL `varchar(20)`.
    pub renewal_status: RenewalStatus,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    pub confidence_score: Fraction,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    pub health_score: HealthScore,
    /// `risk_factors`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub risk_factors: Value,
    /// `positive_indicators`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub positive_indicators: Value,
    /// `expansion_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`, default `0.0`.
    pub expansion_probability: Probability,
    /// `estimated_expansion_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    pub estimated_expansion_value: Money,
    /// `days_until_renewal`: Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`. SQL `integer`.
    pub days_until_renewal: i32,
    /// `last_csm_touchpoint`: SQL `date`, nullable.
    pub last_csm_touchpoint: Option<NaiveDate>,
    /// `next_scheduled_touchpoint`: SQL `date`, nullable.
    pub next_scheduled_touchpoint: Option<NaiveDate>,
    /// `recommended_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub recommended_actions: Value,
    /// `forecast_created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub forecast_created_at: DateTime<Utc>,
    /// `forecast_updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub forecast_updated_at: DateTime<Utc>,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`.
    pub model_version: String,
}

/// A new row of `renewal_forecasts`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewRenewalForecast::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = renewal_forecasts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRenewalForecast {
    /// `forecast_id`: SQL `varchar(100)`.
    pub forecast_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `contract_id`: The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id. SQL `varchar(50)`.
    pub contract_id: String,
    /// `renewal_date`: SQL `date`.
    pub renewal_date: NaiveDate,
    /// `current_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub current_arr: Money,
    /// `forecasted_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub forecasted_arr: Money,
    /// `renewal_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub renewal_probability: Probability,
    /// `renewal_status`: One of [`RenewalStatus`]'s values (stored as text). SQL `varchar(20)`.
    pub renewal_status: RenewalStatus,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    pub confidence_score: Fraction,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    pub health_score: HealthScore,
    /// `risk_factors`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_factors: Option<Value>,
    /// `positive_indicators`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `expansion_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_probability: Option<Probability>,
    /// `estimated_expansion_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_expansion_value: Option<Money>,
    /// `days_until_renewal`: Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`. SQL `integer`.
    pub days_until_renewal: i32,
    /// `last_csm_touchpoint`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_csm_touchpoint: Option<NaiveDate>,
    /// `next_scheduled_touchpoint`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_scheduled_touchpoint: Option<NaiveDate>,
    /// `recommended_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_actions: Option<Value>,
    /// `forecast_created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_created_at: Option<DateTime<Utc>>,
    /// `forecast_updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_updated_at: Option<DateTime<Utc>>,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
}

impl NewRenewalForecast {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewRenewalForecast::builder`]: with 11 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        forecast_id: impl Into<String>,
        client_id: impl Into<String>,
        contract_id: impl Into<String>,
        renewal_date: NaiveDate,
        current_arr: Money,
        forecasted_arr: Money,
        renewal_probability: Probability,
        renewal_status: RenewalStatus,
        confidence_score: Fraction,
        health_score: HealthScore,
        days_until_renewal: i32,
    ) -> Self {
        NewRenewalForecast {
            forecast_id: forecast_id.into(),
            client_id: client_id.into(),
            contract_id: contract_id.into(),
            renewal_date,
            current_arr,
            forecasted_arr,
            renewal_probability,
            renewal_status,
            confidence_score,
            health_score,
            days_until_renewal,
            risk_factors: None,
            positive_indicators: None,
            expansion_probability: None,
            estimated_expansion_value: None,
            last_csm_touchpoint: None,
            next_scheduled_touchpoint: None,
            recommended_actions: None,
            forecast_created_at: None,
            forecast_updated_at: None,
            model_version: None,
        }
    }
}

impl NewRenewalForecast {
    /// Named-field construction: one setter per column, then [`build`](NewRenewalForecastBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewRenewalForecastBuilder {
        NewRenewalForecastBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewRenewalForecastBuilder {
        NewRenewalForecastBuilder {
            forecast_id: Some(self.forecast_id),
            client_id: Some(self.client_id),
            contract_id: Some(self.contract_id),
            renewal_date: Some(self.renewal_date),
            current_arr: Some(self.current_arr),
            forecasted_arr: Some(self.forecasted_arr),
            renewal_probability: Some(self.renewal_probability),
            renewal_status: Some(self.renewal_status),
            confidence_score: Some(self.confidence_score),
            health_score: Some(self.health_score),
            risk_factors: self.risk_factors,
            positive_indicators: self.positive_indicators,
            expansion_probability: self.expansion_probability,
            estimated_expansion_value: self.estimated_expansion_value,
            days_until_renewal: Some(self.days_until_renewal),
            last_csm_touchpoint: self.last_csm_touchpoint,
            next_scheduled_touchpoint: self.next_scheduled_touchpoint,
            recommended_actions: self.recommended_actions,
            forecast_created_at: self.forecast_created_at,
            forecast_updated_at: self.forecast_updated_at,
            model_version: self.model_version,
        }
    }
}

/// Builds a [`NewRenewalForecast`] by naming every value; see [`NewRenewalForecast::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewRenewalForecastBuilder {
    pub(crate) forecast_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) contract_id: Option<String>,
    pub(crate) renewal_date: Option<NaiveDate>,
    pub(crate) current_arr: Option<Money>,
    pub(crate) forecasted_arr: Option<Money>,
    pub(crate) renewal_probability: Option<Probability>,
    pub(crate) renewal_status: Option<RenewalStatus>,
    pub(crate) confidence_score: Option<Fraction>,
    pub(crate) health_score: Option<HealthScore>,
    pub(crate) risk_factors: Option<Value>,
    pub(crate) positive_indicators: Option<Value>,
    pub(crate) expansion_probability: Option<Probability>,
    pub(crate) estimated_expansion_value: Option<Money>,
    pub(crate) days_until_renewal: Option<i32>,
    pub(crate) last_csm_touchpoint: Option<NaiveDate>,
    pub(crate) next_scheduled_touchpoint: Option<NaiveDate>,
    pub(crate) recommended_actions: Option<Value>,
    pub(crate) forecast_created_at: Option<DateTime<Utc>>,
    pub(crate) forecast_updated_at: Option<DateTime<Utc>>,
    pub(crate) model_version: Option<String>,
}

impl NewRenewalForecastBuilder {
    /// `forecast_id`: SQL `varchar(100)`. Required.
    pub fn forecast_id(mut self, value: impl Into<String>) -> Self {
        self.forecast_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `contract_id`: The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id. SQL `varchar(50)`. Required.
    pub fn contract_id(mut self, value: impl Into<String>) -> Self {
        self.contract_id = Some(value.into());
        self
    }

    /// `renewal_date`: SQL `date`. Required.
    pub fn renewal_date(mut self, value: NaiveDate) -> Self {
        self.renewal_date = Some(value);
        self
    }

    /// `current_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`. Required.
    pub fn current_arr(mut self, value: Money) -> Self {
        self.current_arr = Some(value);
        self
    }

    /// `forecasted_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`. Required.
    pub fn forecasted_arr(mut self, value: Money) -> Self {
        self.forecasted_arr = Some(value);
        self
    }

    /// `renewal_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`. Required.
    pub fn renewal_probability(mut self, value: Probability) -> Self {
        self.renewal_probability = Some(value);
        self
    }

    /// `renewal_status`: One of [`RenewalStatus`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn renewal_status(mut self, value: RenewalStatus) -> Self {
        self.renewal_status = Some(value);
        self
    }

    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`. Required.
    pub fn confidence_score(mut self, value: Fraction) -> Self {
        self.confidence_score = Some(value);
        self
    }

    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`. Required.
    pub fn health_score(mut self, value: HealthScore) -> Self {
        self.health_score = Some(value);
        self
    }

    /// `risk_factors`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn risk_factors(mut self, value: Value) -> Self {
        self.risk_factors = Some(value);
        self
    }

    /// `positive_indicators`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn positive_indicators(mut self, value: Value) -> Self {
        self.positive_indicators = Some(value);
        self
    }

    /// `expansion_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn expansion_probability(mut self, value: Probability) -> Self {
        self.expansion_probability = Some(value);
        self
    }

    /// `estimated_expansion_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. Optional: unset, the database default applies.
    pub fn estimated_expansion_value(mut self, value: Money) -> Self {
        self.estimated_expansion_value = Some(value);
        self
    }

    /// `days_until_renewal`: Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`. SQL `integer`. Required.
    pub fn days_until_renewal(mut self, value: i32) -> Self {
        self.days_until_renewal = Some(value);
        self
    }

    /// `last_csm_touchpoint`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn last_csm_touchpoint(mut self, value: NaiveDate) -> Self {
        self.last_csm_touchpoint = Some(value);
        self
    }

    /// `next_scheduled_touchpoint`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn next_scheduled_touchpoint(mut self, value: NaiveDate) -> Self {
        self.next_scheduled_touchpoint = Some(value);
        self
    }

    /// `recommended_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn recommended_actions(mut self, value: Value) -> Self {
        self.recommended_actions = Some(value);
        self
    }

    /// `forecast_created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn forecast_created_at(mut self, value: DateTime<Utc>) -> Self {
        self.forecast_created_at = Some(value);
        self
    }

    /// `forecast_updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn forecast_updated_at(mut self, value: DateTime<Utc>) -> Self {
        self.forecast_updated_at = Some(value);
        self
    }

    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`. Optional: unset, the database default applies.
    pub fn model_version(mut self, value: impl Into<String>) -> Self {
        self.model_version = Some(value.into());
        self
    }

    /// The row, once every required column (`forecast_id`, `client_id`, `contract_id`, `renewal_date`, `current_arr`, `forecasted_arr`, `renewal_probability`, `renewal_status`, `confidence_score`, `health_score`, `days_until_renewal`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewRenewalForecast> {
        Ok(NewRenewalForecast {
            forecast_id: crate::models::required(self.forecast_id, "forecast_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            contract_id: crate::models::required(self.contract_id, "contract_id")?,
            renewal_date: crate::models::required(self.renewal_date, "renewal_date")?,
            current_arr: crate::models::required(self.current_arr, "current_arr")?,
            forecasted_arr: crate::models::required(self.forecasted_arr, "forecasted_arr")?,
            renewal_probability: crate::models::required(
                self.renewal_probability,
                "renewal_probability",
            )?,
            renewal_status: crate::models::required(self.renewal_status, "renewal_status")?,
            confidence_score: crate::models::required(self.confidence_score, "confidence_score")?,
            health_score: crate::models::required(self.health_score, "health_score")?,
            risk_factors: self.risk_factors,
            positive_indicators: self.positive_indicators,
            expansion_probability: self.expansion_probability,
            estimated_expansion_value: self.estimated_expansion_value,
            days_until_renewal: crate::models::required(
                self.days_until_renewal,
                "days_until_renewal",
            )?,
            last_csm_touchpoint: self.last_csm_touchpoint,
            next_scheduled_touchpoint: self.next_scheduled_touchpoint,
            recommended_actions: self.recommended_actions,
            forecast_created_at: self.forecast_created_at,
            forecast_updated_at: self.forecast_updated_at,
            model_version: self.model_version,
        })
    }
}

/// Changes to a row of `renewal_forecasts`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = renewal_forecasts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RenewalForecastChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `contract_id`: The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id. SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<String>,
    /// `renewal_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `current_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_arr: Option<Money>,
    /// `forecasted_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecasted_arr: Option<Money>,
    /// `renewal_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_probability: Option<Probability>,
    /// `renewal_status`: One of [`RenewalStatus`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_status: Option<RenewalStatus>,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `risk_factors`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_factors: Option<Value>,
    /// `positive_indicators`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `expansion_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_probability: Option<Probability>,
    /// `estimated_expansion_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_expansion_value: Option<Money>,
    /// `days_until_renewal`: Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_until_renewal: Option<i32>,
    /// `last_csm_touchpoint`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub last_csm_touchpoint: Option<Option<NaiveDate>>,
    /// `next_scheduled_touchpoint`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub next_scheduled_touchpoint: Option<Option<NaiveDate>>,
    /// `recommended_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_actions: Option<Value>,
    /// `forecast_created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_created_at: Option<DateTime<Utc>>,
    /// `forecast_updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_updated_at: Option<DateTime<Utc>>,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
}

crate::crud::impl_crud!(
    RenewalForecast,
    NewRenewalForecast,
    RenewalForecastChanges,
    renewal_forecasts,
    columns = 22,
    key = forecast_id,
    conflict = (forecast_id, client_id),
    upsert = [
        contract_id,
        renewal_date,
        current_arr,
        forecasted_arr,
        renewal_probability,
        renewal_status,
        confidence_score,
        health_score,
        risk_factors,
        positive_indicators,
        expansion_probability,
        estimated_expansion_value,
        days_until_renewal,
        last_csm_touchpoint,
        next_scheduled_touchpoint,
        recommended_actions,
        forecast_created_at,
        forecast_updated_at,
        model_version
    ],
    client = client_id
);

/// A row of `contracts`.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Queryable,
    Selectable,
    Identifiable,
    Serialize,
    Deserialize,
    Associations,
)]
#[diesel(table_name = contracts, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct Contract {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `contract_id`: SQL `varchar(50)`.
    pub contract_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `contract_type`: One of [`ContractType`]'s values (stored as text). SQL `varchar(20)`.
    pub contract_type: ContractType,
    /// `contract_value`: An amount of money in the contract's `currency`, 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub contract_value: Money,
    /// `billing_frequency`: One of [`BillingFrequency`]'s values (stored as text). SQL `varchar(20)`.
    pub billing_frequency: BillingFrequency,
    /// `currency`: ISO 4217 code of the currency of this row's money columns (e.g. `USD`). SQL `varchar(3)`, default `'USD'`.
    pub currency: String,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `end_date`: SQL `date`.
    pub end_date: NaiveDate,
    /// `renewal_date`: SQL `date`.
    pub renewal_date: NaiveDate,
    /// `auto_renew`: SQL `boolean`, default `false`.
    pub auto_renew: bool,
    /// `notice_period_days`: Whole days, 0 or more. SQL `integer`, default `30`.
    pub notice_period_days: Count,
    /// `payment_terms`: SQL `varchar(100)`.
    pub payment_terms: String,
    /// `payment_status`: One of [`PaymentStatus`]'s values (stored as text). SQL `varchar(20)`, default `'current'`.
    pub payment_status: PaymentStatus,
    /// `included_users`: A count, 0 or more. SQL `integer`, nullable.
    pub included_users: Option<Count>,
    /// `included_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub included_usage: Value,
    /// `tier`: SQL `varchar(50)`.
    pub tier: String,
    /// `products_included`: Free-form: the products the contract covers (a JSON array). SQL `jsonb`.
    pub products_included: Value,
    /// `addons`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub addons: Value,
    /// `discount_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
    pub discount_percentage: Percentage,
    /// `discount_reason`: SQL `varchar(500)`, nullable.
    pub discount_reason: Option<String>,
    /// `signed_by`: SQL `varchar(200)`, nullable.
    pub signed_by: Option<String>,
    /// `owner_csm`: SQL `varchar(200)`, nullable.
    pub owner_csm: Option<String>,
    /// `last_modified`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub last_modified: DateTime<Utc>,
    /// `contract_url`: SQL `varchar(500)`, nullable.
    pub contract_url: Option<String>,
}

/// A new row of `contracts`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewContract::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = contracts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewContract {
    /// `contract_id`: SQL `varchar(50)`.
    pub contract_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `contract_type`: One of [`ContractType`]'s values (stored as text). SQL `varchar(20)`.
    pub contract_type: ContractType,
    /// `contract_value`: An amount of money in the contract's `currency`, 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub contract_value: Money,
    /// `billing_frequency`: One of [`BillingFrequency`]'s values (stored as text). SQL `varchar(20)`.
    pub billing_frequency: BillingFrequency,
    /// `currency`: ISO 4217 code of the currency of this row's money columns (e.g. `USD`). SQL `varchar(3)`, default `'USD'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `end_date`: SQL `date`.
    pub end_date: NaiveDate,
    /// `renewal_date`: SQL `date`.
    pub renewal_date: NaiveDate,
    /// `auto_renew`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<bool>,
    /// `notice_period_days`: Whole days, 0 or more. SQL `integer`, default `30`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_period_days: Option<Count>,
    /// `payment_terms`: SQL `varchar(100)`.
    pub payment_terms: String,
    /// `payment_status`: One of [`PaymentStatus`]'s values (stored as text). SQL `varchar(20)`, default `'current'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<PaymentStatus>,
    /// `included_users`: A count, 0 or more. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_users: Option<Count>,
    /// `included_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_usage: Option<Value>,
    /// `tier`: SQL `varchar(50)`.
    pub tier: String,
    /// `products_included`: Free-form: the products the contract covers (a JSON array). SQL `jsonb`.
    pub products_included: Value,
    /// `addons`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addons: Option<Value>,
    /// `discount_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percentage: Option<Percentage>,
    /// `discount_reason`: SQL `varchar(500)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_reason: Option<String>,
    /// `signed_by`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// `owner_csm`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_csm: Option<String>,
    /// `last_modified`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
    /// `contract_url`: SQL `varchar(500)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_url: Option<String>,
}

impl NewContract {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewContract::builder`]: with 11 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        contract_id: impl Into<String>,
        client_id: impl Into<String>,
        contract_type: ContractType,
        contract_value: Money,
        billing_frequency: BillingFrequency,
        start_date: NaiveDate,
        end_date: NaiveDate,
        renewal_date: NaiveDate,
        payment_terms: impl Into<String>,
        tier: impl Into<String>,
        products_included: Value,
    ) -> Self {
        NewContract {
            contract_id: contract_id.into(),
            client_id: client_id.into(),
            contract_type,
            contract_value,
            billing_frequency,
            start_date,
            end_date,
            renewal_date,
            payment_terms: payment_terms.into(),
            tier: tier.into(),
            products_included,
            currency: None,
            auto_renew: None,
            notice_period_days: None,
            payment_status: None,
            included_users: None,
            included_usage: None,
            addons: None,
            discount_percentage: None,
            discount_reason: None,
            signed_by: None,
            owner_csm: None,
            last_modified: None,
            contract_url: None,
        }
    }
}

impl NewContract {
    /// Named-field construction: one setter per column, then [`build`](NewContractBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewContractBuilder {
        NewContractBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewContractBuilder {
        NewContractBuilder {
            contract_id: Some(self.contract_id),
            client_id: Some(self.client_id),
            contract_type: Some(self.contract_type),
            contract_value: Some(self.contract_value),
            billing_frequency: Some(self.billing_frequency),
            currency: self.currency,
            start_date: Some(self.start_date),
            end_date: Some(self.end_date),
            renewal_date: Some(self.renewal_date),
            auto_renew: self.auto_renew,
            notice_period_days: self.notice_period_days,
            payment_terms: Some(self.payment_terms),
            payment_status: self.payment_status,
            included_users: self.included_users,
            included_usage: self.included_usage,
            tier: Some(self.tier),
            products_included: Some(self.products_included),
            addons: self.addons,
            discount_percentage: self.discount_percentage,
            discount_reason: self.discount_reason,
            signed_by: self.signed_by,
            owner_csm: self.owner_csm,
            last_modified: self.last_modified,
            contract_url: self.contract_url,
        }
    }
}

/// Builds a [`NewContract`] by naming every value; see [`NewContract::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewContractBuilder {
    pub(crate) contract_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) contract_type: Option<ContractType>,
    pub(crate) contract_value: Option<Money>,
    pub(crate) billing_frequency: Option<BillingFrequency>,
    pub(crate) currency: Option<String>,
    pub(crate) start_date: Option<NaiveDate>,
    pub(crate) end_date: Option<NaiveDate>,
    pub(crate) renewal_date: Option<NaiveDate>,
    pub(crate) auto_renew: Option<bool>,
    pub(crate) notice_period_days: Option<Count>,
    pub(crate) payment_terms: Option<String>,
    pub(crate) payment_status: Option<PaymentStatus>,
    pub(crate) included_users: Option<Count>,
    pub(crate) included_usage: Option<Value>,
    pub(crate) tier: Option<String>,
    pub(crate) products_included: Option<Value>,
    pub(crate) addons: Option<Value>,
    pub(crate) discount_percentage: Option<Percentage>,
    pub(crate) discount_reason: Option<String>,
    pub(crate) signed_by: Option<String>,
    pub(crate) owner_csm: Option<String>,
    pub(crate) last_modified: Option<DateTime<Utc>>,
    pub(crate) contract_url: Option<String>,
}

impl NewContractBuilder {
    /// `contract_id`: SQL `varchar(50)`. Required.
    pub fn contract_id(mut self, value: impl Into<String>) -> Self {
        self.contract_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `contract_type`: One of [`ContractType`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn contract_type(mut self, value: ContractType) -> Self {
        self.contract_type = Some(value);
        self
    }

    /// `contract_value`: An amount of money in the contract's `currency`, 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`. Required.
    pub fn contract_value(mut self, value: Money) -> Self {
        self.contract_value = Some(value);
        self
    }

    /// `billing_frequency`: One of [`BillingFrequency`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn billing_frequency(mut self, value: BillingFrequency) -> Self {
        self.billing_frequency = Some(value);
        self
    }

    /// `currency`: ISO 4217 code of the currency of this row's money columns (e.g. `USD`). SQL `varchar(3)`, default `'USD'`. Optional: unset, the database default applies.
    pub fn currency(mut self, value: impl Into<String>) -> Self {
        self.currency = Some(value.into());
        self
    }

    /// `start_date`: SQL `date`. Required.
    pub fn start_date(mut self, value: NaiveDate) -> Self {
        self.start_date = Some(value);
        self
    }

    /// `end_date`: SQL `date`. Required.
    pub fn end_date(mut self, value: NaiveDate) -> Self {
        self.end_date = Some(value);
        self
    }

    /// `renewal_date`: SQL `date`. Required.
    pub fn renewal_date(mut self, value: NaiveDate) -> Self {
        self.renewal_date = Some(value);
        self
    }

    /// `auto_renew`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn auto_renew(mut self, value: bool) -> Self {
        self.auto_renew = Some(value);
        self
    }

    /// `notice_period_days`: Whole days, 0 or more. SQL `integer`, default `30`. Optional: unset, the database default applies.
    pub fn notice_period_days(mut self, value: Count) -> Self {
        self.notice_period_days = Some(value);
        self
    }

    /// `payment_terms`: SQL `varchar(100)`. Required.
    pub fn payment_terms(mut self, value: impl Into<String>) -> Self {
        self.payment_terms = Some(value.into());
        self
    }

    /// `payment_status`: One of [`PaymentStatus`]'s values (stored as text). SQL `varchar(20)`, default `'current'`. Optional: unset, the database default applies.
    pub fn payment_status(mut self, value: PaymentStatus) -> Self {
        self.payment_status = Some(value);
        self
    }

    /// `included_users`: A count, 0 or more. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn included_users(mut self, value: Count) -> Self {
        self.included_users = Some(value);
        self
    }

    /// `included_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn included_usage(mut self, value: Value) -> Self {
        self.included_usage = Some(value);
        self
    }

    /// `tier`: SQL `varchar(50)`. Required.
    pub fn tier(mut self, value: impl Into<String>) -> Self {
        self.tier = Some(value.into());
        self
    }

    /// `products_included`: Free-form: the products the contract covers (a JSON array). SQL `jsonb`. Required.
    pub fn products_included(mut self, value: Value) -> Self {
        self.products_included = Some(value);
        self
    }

    /// `addons`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn addons(mut self, value: Value) -> Self {
        self.addons = Some(value);
        self
    }

    /// `discount_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn discount_percentage(mut self, value: Percentage) -> Self {
        self.discount_percentage = Some(value);
        self
    }

    /// `discount_reason`: SQL `varchar(500)`, nullable. Optional: unset, NULL.
    pub fn discount_reason(mut self, value: impl Into<String>) -> Self {
        self.discount_reason = Some(value.into());
        self
    }

    /// `signed_by`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn signed_by(mut self, value: impl Into<String>) -> Self {
        self.signed_by = Some(value.into());
        self
    }

    /// `owner_csm`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn owner_csm(mut self, value: impl Into<String>) -> Self {
        self.owner_csm = Some(value.into());
        self
    }

    /// `last_modified`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn last_modified(mut self, value: DateTime<Utc>) -> Self {
        self.last_modified = Some(value);
        self
    }

    /// `contract_url`: SQL `varchar(500)`, nullable. Optional: unset, NULL.
    pub fn contract_url(mut self, value: impl Into<String>) -> Self {
        self.contract_url = Some(value.into());
        self
    }

    /// The row, once every required column (`contract_id`, `client_id`, `contract_type`, `contract_value`, `billing_frequency`, `start_date`, `end_date`, `renewal_date`, `payment_terms`, `tier`, `products_included`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewContract> {
        Ok(NewContract {
            contract_id: crate::models::required(self.contract_id, "contract_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            contract_type: crate::models::required(self.contract_type, "contract_type")?,
            contract_value: crate::models::required(self.contract_value, "contract_value")?,
            billing_frequency: crate::models::required(
                self.billing_frequency,
                "billing_frequency",
            )?,
            currency: self.currency,
            start_date: crate::models::required(self.start_date, "start_date")?,
            end_date: crate::models::required(self.end_date, "end_date")?,
            renewal_date: crate::models::required(self.renewal_date, "renewal_date")?,
            auto_renew: self.auto_renew,
            notice_period_days: self.notice_period_days,
            payment_terms: crate::models::required(self.payment_terms, "payment_terms")?,
            payment_status: self.payment_status,
            included_users: self.included_users,
            included_usage: self.included_usage,
            tier: crate::models::required(self.tier, "tier")?,
            products_included: crate::models::required(
                self.products_included,
                "products_included",
            )?,
            addons: self.addons,
            discount_percentage: self.discount_percentage,
            discount_reason: self.discount_reason,
            signed_by: self.signed_by,
            owner_csm: self.owner_csm,
            last_modified: self.last_modified,
            contract_url: self.contract_url,
        })
    }
}

/// Changes to a row of `contracts`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = contracts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ContractChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `contract_type`: One of [`ContractType`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_type: Option<ContractType>,
    /// `contract_value`: An amount of money in the contract's `currency`, 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `billing_frequency`: One of [`BillingFrequency`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_frequency: Option<BillingFrequency>,
    /// `currency`: ISO 4217 code of the currency of this row's money columns (e.g. `USD`). SQL `varchar(3)`, default `'USD'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `start_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `end_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// `renewal_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `auto_renew`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<bool>,
    /// `notice_period_days`: Whole days, 0 or more. SQL `integer`, default `30`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_period_days: Option<Count>,
    /// `payment_terms`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    /// `payment_status`: One of [`PaymentStatus`]'s values (stored as text). SQL `varchar(20)`, default `'current'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<PaymentStatus>,
    /// `included_users`: A count, 0 or more. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub included_users: Option<Option<Count>>,
    /// `included_usage`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_usage: Option<Value>,
    /// `tier`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// `products_included`: Free-form: the products the contract covers (a JSON array). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products_included: Option<Value>,
    /// `addons`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addons: Option<Value>,
    /// `discount_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percentage: Option<Percentage>,
    /// `discount_reason`: SQL `varchar(500)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub discount_reason: Option<Option<String>>,
    /// `signed_by`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub signed_by: Option<Option<String>>,
    /// `owner_csm`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub owner_csm: Option<Option<String>>,
    /// `last_modified`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
    /// `contract_url`: SQL `varchar(500)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub contract_url: Option<Option<String>>,
}

crate::crud::impl_crud!(
    Contract,
    NewContract,
    ContractChanges,
    contracts,
    columns = 25,
    key = contract_id,
    conflict = (contract_id, client_id),
    upsert = [
        contract_type,
        contract_value,
        billing_frequency,
        currency,
        start_date,
        end_date,
        renewal_date,
        auto_renew,
        notice_period_days,
        payment_terms,
        payment_status,
        included_users,
        included_usage,
        tier,
        products_included,
        addons,
        discount_percentage,
        discount_reason,
        signed_by,
        owner_csm,
        last_modified,
        contract_url
    ],
    client = client_id
);

/// A row of `expansion_opportunities`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
pub struct ExpansionOpportunity {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `opportunity_id`: SQL `varchar(50)`.
    pub opportunity_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `opportunity_name`: SQL `varchar(200)`.
    pub opportunity_name: String,
    /// `expansion_type`: One of [`ExpansionType`]'s values (stored as text). SQL `varchar(50)`.
    pub expansion_type: ExpansionType,
    /// `estimated_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub estimated_value: Money,
    /// `probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub probability: Probability,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.5`.
    pub confidence_score: Fraction,
    /// `expected_close_date`: SQL `date`, nullable.
    pub expected_close_date: Option<NaiveDate>,
    /// `current_stage`: One of [`OpportunityStage`]'s values (stored as text). SQL `varchar(50)`.
    pub current_stage: OpportunityStage,
    /// `requirements`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub requirements: StringList,
    /// `value_drivers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub value_drivers: StringList,
    /// `blockers`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub blockers: Value,
    /// `champion`: SQL `varchar(200)`, nullable.
    pub champion: Option<String>,
    /// `decision_makers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub decision_makers: StringList,
    /// `competitive_pressure`: One of [`CompetitivePressure`]'s values (stored as text). SQL `varchar(20)`, default `'unknown'`.
    pub competitive_pressure: CompetitivePressure,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    pub assigned_to: Option<String>,
    /// `next_action`: SQL `varchar(500)`, nullable.
    pub next_action: Option<String>,
    /// `next_action_date`: SQL `date`, nullable.
    pub next_action_date: Option<NaiveDate>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `expansion_opportunities`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewExpansionOpportunity::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewExpansionOpportunity {
    /// `opportunity_id`: SQL `varchar(50)`.
    pub opportunity_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `opportunity_name`: SQL `varchar(200)`.
    pub opportunity_name: String,
    /// `expansion_type`: One of [`ExpansionType`]'s values (stored as text). SQL `varchar(50)`.
    pub expansion_type: ExpansionType,
    /// `estimated_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub estimated_value: Money,
    /// `probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub probability: Probability,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.5`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `expected_close_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_close_date: Option<NaiveDate>,
    /// `current_stage`: One of [`OpportunityStage`]'s values (stored as text). SQL `varchar(50)`.
    pub current_stage: OpportunityStage,
    /// `requirements`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<StringList>,
    /// `value_drivers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_drivers: Option<StringList>,
    /// `blockers`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `champion`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub champion: Option<String>,
    /// `decision_makers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_makers: Option<StringList>,
    /// `competitive_pressure`: One of [`CompetitivePressure`]'s values (stored as text). SQL `varchar(20)`, default `'unknown'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitive_pressure: Option<CompetitivePressure>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `next_action`: SQL `varchar(500)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action: Option<String>,
    /// `next_action_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action_date: Option<NaiveDate>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewExpansionOpportunity {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewExpansionOpportunity::builder`]: with 7 positional arguments, two of the same type
    /// can be swapped without a compile error.
    pub fn new(
        opportunity_id: impl Into<String>,
        client_id: impl Into<String>,
        opportunity_name: impl Into<String>,
        expansion_type: ExpansionType,
        estimated_value: Money,
        probability: Probability,
        current_stage: OpportunityStage,
    ) -> Self {
        NewExpansionOpportunity {
            opportunity_id: opportunity_id.into(),
            client_id: client_id.into(),
            opportunity_name: opportunity_name.into(),
            expansion_type,
            estimated_value,
            probability,
            current_stage,
            confidence_score: None,
            expected_close_date: None,
            requirements: None,
            value_drivers: None,
            blockers: None,
            champion: None,
            decision_makers: None,
            competitive_pressure: None,
            assigned_to: None,
            next_action: None,
            next_action_date: None,
            created_at: None,
            updated_at: None,
        }
    }
}

impl NewExpansionOpportunity {
    /// Named-field construction: one setter per column, then [`build`](NewExpansionOpportunityBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewExpansionOpportunityBuilder {
        NewExpansionOpportunityBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewExpansionOpportunityBuilder {
        NewExpansionOpportunityBuilder {
            opportunity_id: Some(self.opportunity_id),
            client_id: Some(self.client_id),
            opportunity_name: Some(self.opportunity_name),
            expansion_type: Some(self.expansion_type),
            estimated_value: Some(self.estimated_value),
            probability: Some(self.probability),
            confidence_score: self.confidence_score,
            expected_close_date: self.expected_close_date,
            current_stage: Some(self.current_stage),
            requirements: self.requirements,
            value_drivers: self.value_drivers,
            blockers: self.blockers,
            champion: self.champion,
            decision_makers: self.decision_makers,
            competitive_pressure: self.competitive_pressure,
            assigned_to: self.assigned_to,
            next_action: self.next_action,
            next_action_date: self.next_action_date,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewExpansionOpportunity`] by naming every value; see [`NewExpansionOpportunity::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewExpansionOpportunityBuilder {
    pub(crate) opportunity_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) opportunity_name: Option<String>,
    pub(crate) expansion_type: Option<ExpansionType>,
    pub(crate) estimated_value: Option<Money>,
    pub(crate) probability: Option<Probability>,
    pub(crate) confidence_score: Option<Fraction>,
    pub(crate) expected_close_date: Option<NaiveDate>,
    pub(crate) current_stage: Option<OpportunityStage>,
    pub(crate) requirements: Option<StringList>,
    pub(crate) value_drivers: Option<StringList>,
    pub(crate) blockers: Option<Value>,
    pub(crate) champion: Option<String>,
    pub(crate) decision_makers: Option<StringList>,
    pub(crate) competitive_pressure: Option<CompetitivePressure>,
    pub(crate) assigned_to: Option<String>,
    pub(crate) next_action: Option<String>,
    pub(crate) next_action_date: Option<NaiveDate>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewExpansionOpportunityBuilder {
    /// `opportunity_id`: SQL `varchar(50)`. Required.
    pub fn opportunity_id(mut self, value: impl Into<String>) -> Self {
        self.opportunity_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `opportunity_name`: SQL `varchar(200)`. Required.
    pub fn opportunity_name(mut self, value: impl Into<String>) -> Self {
        self.opportunity_name = Some(value.into());
        self
    }

    /// `expansion_type`: One of [`ExpansionType`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn expansion_type(mut self, value: ExpansionType) -> Self {
        self.expansion_type = Some(value);
        self
    }

    /// `estimated_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`. Required.
    pub fn estimated_value(mut self, value: Money) -> Self {
        self.estimated_value = Some(value);
        self
    }

    /// `probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`. Required.
    pub fn probability(mut self, value: Probability) -> Self {
        self.probability = Some(value);
        self
    }

    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.5`. Optional: unset, the database default applies.
    pub fn confidence_score(mut self, value: Fraction) -> Self {
        self.confidence_score = Some(value);
        self
    }

    /// `expected_close_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn expected_close_date(mut self, value: NaiveDate) -> Self {
        self.expected_close_date = Some(value);
        self
    }

    /// `current_stage`: One of [`OpportunityStage`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn current_stage(mut self, value: OpportunityStage) -> Self {
        self.current_stage = Some(value);
        self
    }

    /// `requirements`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn requirements(mut self, value: StringList) -> Self {
        self.requirements = Some(value);
        self
    }

    /// `value_drivers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn value_drivers(mut self, value: StringList) -> Self {
        self.value_drivers = Some(value);
        self
    }

    /// `blockers`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn blockers(mut self, value: Value) -> Self {
        self.blockers = Some(value);
        self
    }

    /// `champion`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn champion(mut self, value: impl Into<String>) -> Self {
        self.champion = Some(value.into());
        self
    }

    /// `decision_makers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn decision_makers(mut self, value: StringList) -> Self {
        self.decision_makers = Some(value);
        self
    }

    /// `competitive_pressure`: One of [`CompetitivePressure`]'s values (stored as text). SQL `varchar(20)`, default `'unknown'`. Optional: unset, the database default applies.
    pub fn competitive_pressure(mut self, value: CompetitivePressure) -> Self {
        self.competitive_pressure = Some(value);
        self
    }

    /// `assigned_to`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn assigned_to(mut self, value: impl Into<String>) -> Self {
        self.assigned_to = Some(value.into());
        self
    }

    /// `next_action`: SQL `varchar(500)`, nullable. Optional: unset, NULL.
    pub fn next_action(mut self, value: impl Into<String>) -> Self {
        self.next_action = Some(value.into());
        self
    }

    /// `next_action_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn next_action_date(mut self, value: NaiveDate) -> Self {
        self.next_action_date = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn updated_at(mut self, value: DateTime<Utc>) -> Self {
        self.updated_at = Some(value);
        self
    }

    /// The row, once every required column (`opportunity_id`, `client_id`, `opportunity_name`, `expansion_type`, `estimated_value`, `probability`, `current_stage`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewExpansionOpportunity> {
        Ok(NewExpansionOpportunity {
            opportunity_id: crate::models::required(self.opportunity_id, "opportunity_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            opportunity_name: crate::models::required(self.opportunity_name, "opportunity_name")?,
            expansion_type: crate::models::required(self.expansion_type, "expansion_type")?,
            estimated_value: crate::models::required(self.estimated_value, "estimated_value")?,
            probability: crate::models::required(self.probability, "probability")?,
            confidence_score: self.confidence_score,
            expected_close_date: self.expected_close_date,
            current_stage: crate::models::required(self.current_stage, "current_stage")?,
            requirements: self.requirements,
            value_drivers: self.value_drivers,
            blockers: self.blockers,
            champion: self.champion,
            decision_makers: self.decision_makers,
            competitive_pressure: self.competitive_pressure,
            assigned_to: self.assigned_to,
            next_action: self.next_action,
            next_action_date: self.next_action_date,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `expansion_opportunities`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ExpansionOpportunityChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `opportunity_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity_name: Option<String>,
    /// `expansion_type`: One of [`ExpansionType`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_type: Option<ExpansionType>,
    /// `estimated_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_value: Option<Money>,
    /// `probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<Probability>,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`, default `0.5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `expected_close_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub expected_close_date: Option<Option<NaiveDate>>,
    /// `current_stage`: One of [`OpportunityStage`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_stage: Option<OpportunityStage>,
    /// `requirements`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<StringList>,
    /// `value_drivers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_drivers: Option<StringList>,
    /// `blockers`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `champion`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub champion: Option<Option<String>>,
    /// `decision_makers`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_makers: Option<StringList>,
    /// `competitive_pressure`: One of [`CompetitivePressure`]'s values (stored as text). SQL `varchar(20)`, default `'unknown'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitive_pressure: Option<CompetitivePressure>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `next_action`: SQL `varchar(500)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub next_action: Option<Option<String>>,
    /// `next_action_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub next_action_date: Option<Option<NaiveDate>>,
}

crate::crud::impl_crud!(
    ExpansionOpportunity,
    NewExpansionOpportunity,
    ExpansionOpportunityChanges,
    expansion_opportunities,
    columns = 21,
    key = opportunity_id,
    conflict = (opportunity_id, client_id),
    upsert = [
        opportunity_name,
        expansion_type,
        estimated_value,
        probability,
        confidence_score,
        expected_close_date,
        current_stage,
        requirements,
        value_drivers,
        blockers,
        champion,
        decision_makers,
        competitive_pressure,
        assigned_to,
        next_action,
        next_action_date
    ],
    client = client_id
);

/// A row of `renewal_campaigns`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
pub struct RenewalCampaign {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `campaign_id`: SQL `varchar(50)`.
    pub campaign_id: String,
    /// `campaign_name`: SQL `varchar(200)`.
    pub campaign_name: String,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `end_date`: SQL `date`.
    pub end_date: NaiveDate,
    /// `target_renewal_date_range`: Free-form: the renewal dates the campaign targets (e.g. `{"start": "2026-01-01", "end": "2026-03-31"}`). SQL `jsonb`.
    pub target_renewal_date_range: Value,
    /// `total_customers`: A count, 0 or more. SQL `integer`.
    pub total_customers: Count,
    /// `total_arr_at_risk`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub total_arr_at_risk: Money,
    /// `customers_contacted`: A count, 0 or more. SQL `integer`, default `0`.
    pub customers_contacted: Count,
    /// `customers_committed`: A count, 0 or more. SQL `integer`, default `0`.
    pub customers_committed: Count,
    /// `customers_at_risk`: A count, 0 or more. SQL `integer`, default `0`.
    pub customers_at_risk: Count,
    /// `win_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`.
    pub win_rate: Fraction,
    /// `expansion_opportunities_identified`: A count, 0 or more. SQL `integer`, default `0`.
    pub expansion_opportunities_identified: Count,
    /// `expansion_value_identified`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    pub expansion_value_identified: Money,
    /// `campaign_activities`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub campaign_activities: Value,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub success_metrics: Value,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `renewal_campaigns`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewRenewalCampaign::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRenewalCampaign {
    /// `campaign_id`: SQL `varchar(50)`.
    pub campaign_id: String,
    /// `campaign_name`: SQL `varchar(200)`.
    pub campaign_name: String,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `end_date`: SQL `date`.
    pub end_date: NaiveDate,
    /// `target_renewal_date_range`: Free-form: the renewal dates the campaign targets (e.g. `{"start": "2026-01-01", "end": "2026-03-31"}`). SQL `jsonb`.
    pub target_renewal_date_range: Value,
    /// `total_customers`: A count, 0 or more. SQL `integer`.
    pub total_customers: Count,
    /// `total_arr_at_risk`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    pub total_arr_at_risk: Money,
    /// `customers_contacted`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_contacted: Option<Count>,
    /// `customers_committed`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_committed: Option<Count>,
    /// `customers_at_risk`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_at_risk: Option<Count>,
    /// `win_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<Fraction>,
    /// `expansion_opportunities_identified`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_opportunities_identified: Option<Count>,
    /// `expansion_value_identified`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_value_identified: Option<Money>,
    /// `campaign_activities`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_activities: Option<Value>,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewRenewalCampaign {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewRenewalCampaign::builder`]: with 7 positional arguments, two of the same type
    /// can be swapped without a compile error.
    pub fn new(
        campaign_id: impl Into<String>,
        campaign_name: impl Into<String>,
        start_date: NaiveDate,
        end_date: NaiveDate,
        target_renewal_date_range: Value,
        total_customers: Count,
        total_arr_at_risk: Money,
    ) -> Self {
        NewRenewalCampaign {
            campaign_id: campaign_id.into(),
            campaign_name: campaign_name.into(),
            start_date,
            end_date,
            target_renewal_date_range,
            total_customers,
            total_arr_at_risk,
            customers_contacted: None,
            customers_committed: None,
            customers_at_risk: None,
            win_rate: None,
            expansion_opportunities_identified: None,
            expansion_value_identified: None,
            campaign_activities: None,
            success_metrics: None,
            created_at: None,
            updated_at: None,
        }
    }
}

impl NewRenewalCampaign {
    /// Named-field construction: one setter per column, then [`build`](NewRenewalCampaignBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewRenewalCampaignBuilder {
        NewRenewalCampaignBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewRenewalCampaignBuilder {
        NewRenewalCampaignBuilder {
            campaign_id: Some(self.campaign_id),
            campaign_name: Some(self.campaign_name),
            start_date: Some(self.start_date),
            end_date: Some(self.end_date),
            target_renewal_date_range: Some(self.target_renewal_date_range),
            total_customers: Some(self.total_customers),
            total_arr_at_risk: Some(self.total_arr_at_risk),
            customers_contacted: self.customers_contacted,
            customers_committed: self.customers_committed,
            customers_at_risk: self.customers_at_risk,
            win_rate: self.win_rate,
            expansion_opportunities_identified: self.expansion_opportunities_identified,
            expansion_value_identified: self.expansion_value_identified,
            campaign_activities: self.campaign_activities,
            success_metrics: self.success_metrics,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewRenewalCampaign`] by naming every value; see [`NewRenewalCampaign::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewRenewalCampaignBuilder {
    pub(crate) campaign_id: Option<String>,
    pub(crate) campaign_name: Option<String>,
    pub(crate) start_date: Option<NaiveDate>,
    pub(crate) end_date: Option<NaiveDate>,
    pub(crate) target_renewal_date_range: Option<Value>,
    pub(crate) total_customers: Option<Count>,
    pub(crate) total_arr_at_risk: Option<Money>,
    pub(crate) customers_contacted: Option<Count>,
    pub(crate) customers_committed: Option<Count>,
    pub(crate) customers_at_risk: Option<Count>,
    pub(crate) win_rate: Option<Fraction>,
    pub(crate) expansion_opportunities_identified: Option<Count>,
    pub(crate) expansion_value_identified: Option<Money>,
    pub(crate) campaign_activities: Option<Value>,
    pub(crate) success_metrics: Option<Value>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewRenewalCampaignBuilder {
    /// `campaign_id`: SQL `varchar(50)`. Required.
    pub fn campaign_id(mut self, value: impl Into<String>) -> Self {
        self.campaign_id = Some(value.into());
        self
    }

    /// `campaign_name`: SQL `varchar(200)`. Required.
    pub fn campaign_name(mut self, value: impl Into<String>) -> Self {
        self.campaign_name = Some(value.into());
        self
    }

    /// `start_date`: SQL `date`. Required.
    pub fn start_date(mut self, value: NaiveDate) -> Self {
        self.start_date = Some(value);
        self
    }

    /// `end_date`: SQL `date`. Required.
    pub fn end_date(mut self, value: NaiveDate) -> Self {
        self.end_date = Some(value);
        self
    }

    /// `target_renewal_date_range`: Free-form: the renewal dates the campaign targets (e.g. `{"start": "2026-01-01", "end": "2026-03-31"}`). SQL `jsonb`. Required.
    pub fn target_renewal_date_range(mut self, value: Value) -> Self {
        self.target_renewal_date_range = Some(value);
        self
    }

    /// `total_customers`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_customers(mut self, value: Count) -> Self {
        self.total_customers = Some(value);
        self
    }

    /// `total_arr_at_risk`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`. Required.
    pub fn total_arr_at_risk(mut self, value: Money) -> Self {
        self.total_arr_at_risk = Some(value);
        self
    }

    /// `customers_contacted`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn customers_contacted(mut self, value: Count) -> Self {
        self.customers_contacted = Some(value);
        self
    }

    /// `customers_committed`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn customers_committed(mut self, value: Count) -> Self {
        self.customers_committed = Some(value);
        self
    }

    /// `customers_at_risk`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn customers_at_risk(mut self, value: Count) -> Self {
        self.customers_at_risk = Some(value);
        self
    }

    /// `win_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn win_rate(mut self, value: Fraction) -> Self {
        self.win_rate = Some(value);
        self
    }

    /// `expansion_opportunities_identified`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn expansion_opportunities_identified(mut self, value: Count) -> Self {
        self.expansion_opportunities_identified = Some(value);
        self
    }

    /// `expansion_value_identified`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. Optional: unset, the database default applies.
    pub fn expansion_value_identified(mut self, value: Money) -> Self {
        self.expansion_value_identified = Some(value);
        self
    }

    /// `campaign_activities`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn campaign_activities(mut self, value: Value) -> Self {
        self.campaign_activities = Some(value);
        self
    }

    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn success_metrics(mut self, value: Value) -> Self {
        self.success_metrics = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn updated_at(mut self, value: DateTime<Utc>) -> Self {
        self.updated_at = Some(value);
        self
    }

    /// The row, once every required column (`campaign_id`, `campaign_name`, `start_date`, `end_date`, `target_renewal_date_range`, `total_customers`, `total_arr_at_risk`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewRenewalCampaign> {
        Ok(NewRenewalCampaign {
            campaign_id: crate::models::required(self.campaign_id, "campaign_id")?,
            campaign_name: crate::models::required(self.campaign_name, "campaign_name")?,
            start_date: crate::models::required(self.start_date, "start_date")?,
            end_date: crate::models::required(self.end_date, "end_date")?,
            target_renewal_date_range: crate::models::required(
                self.target_renewal_date_range,
                "target_renewal_date_range",
            )?,
            total_customers: crate::models::required(self.total_customers, "total_customers")?,
            total_arr_at_risk: crate::models::required(
                self.total_arr_at_risk,
                "total_arr_at_risk",
            )?,
            customers_contacted: self.customers_contacted,
            customers_committed: self.customers_committed,
            customers_at_risk: self.customers_at_risk,
            win_rate: self.win_rate,
            expansion_opportunities_identified: self.expansion_opportunities_identified,
            expansion_value_identified: self.expansion_value_identified,
            campaign_activities: self.campaign_activities,
            success_metrics: self.success_metrics,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `renewal_campaigns`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RenewalCampaignChanges {
    /// `campaign_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    /// `start_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `end_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// `target_renewal_date_range`: Free-form: the renewal dates the campaign targets (e.g. `{"start": "2026-01-01", "end": "2026-03-31"}`). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_renewal_date_range: Option<Value>,
    /// `total_customers`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_customers: Option<Count>,
    /// `total_arr_at_risk`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr_at_risk: Option<Money>,
    /// `customers_contacted`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_contacted: Option<Count>,
    /// `customers_committed`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_committed: Option<Count>,
    /// `customers_at_risk`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_at_risk: Option<Count>,
    /// `win_rate`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<Fraction>,
    /// `expansion_opportunities_identified`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_opportunities_identified: Option<Count>,
    /// `expansion_value_identified`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_value_identified: Option<Money>,
    /// `campaign_activities`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_activities: Option<Value>,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
}

crate::crud::impl_crud!(
    RenewalCampaign,
    NewRenewalCampaign,
    RenewalCampaignChanges,
    renewal_campaigns,
    columns = 18,
    key = campaign_id,
    conflict = (campaign_id),
    upsert = [
        campaign_name,
        start_date,
        end_date,
        target_renewal_date_range,
        total_customers,
        total_arr_at_risk,
        customers_contacted,
        customers_committed,
        customers_at_risk,
        win_rate,
        expansion_opportunities_identified,
        expansion_value_identified,
        campaign_activities,
        success_metrics
    ]
);
