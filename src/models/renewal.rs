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
    /// `id`: bigint.
    pub id: i64,
    /// `forecast_id`: varchar(100).
    pub forecast_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `contract_id`: varchar(50). The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id.
    pub contract_id: String,
    /// `renewal_date`: date.
    pub renewal_date: NaiveDate,
    /// `current_arr`: numeric(14,2).
    pub current_arr: Money,
    /// `forecasted_arr`: numeric(14,2).
    pub forecasted_arr: Money,
    /// `renewal_probability`: double precision.
    pub renewal_probability: Probability,
    /// `renewal_status`: varchar(20).
    pub renewal_status: RenewalStatus,
    /// `confidence_score`: double precision.
    pub confidence_score: Fraction,
    /// `health_score`: integer.
    pub health_score: HealthScore,
    /// `risk_factors`: jsonb, default `'[]'::jsonb`.
    pub risk_factors: Value,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`.
    pub positive_indicators: Value,
    /// `expansion_probability`: double precision, default `0.0`.
    pub expansion_probability: Probability,
    /// `estimated_expansion_value`: numeric(14,2), default `0`.
    pub estimated_expansion_value: Money,
    /// `days_until_renewal`: integer. Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`.
    pub days_until_renewal: i32,
    /// `last_csm_touchpoint`: date, nullable.
    pub last_csm_touchpoint: Option<NaiveDate>,
    /// `next_scheduled_touchpoint`: date, nullable.
    pub next_scheduled_touchpoint: Option<NaiveDate>,
    /// `recommended_actions`: jsonb, default `'[]'::jsonb`.
    pub recommended_actions: Value,
    /// `forecast_created_at`: timestamptz, default `now()`.
    pub forecast_created_at: DateTime<Utc>,
    /// `forecast_updated_at`: timestamptz, default `now()`.
    pub forecast_updated_at: DateTime<Utc>,
    /// `model_version`: varchar(20), default `'v1.0.0'`.
    pub model_version: String,
}

/// A new row of `renewal_forecasts`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = renewal_forecasts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRenewalForecast {
    /// `forecast_id`: varchar(100).
    pub forecast_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `contract_id`: varchar(50). The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id.
    pub contract_id: String,
    /// `renewal_date`: date.
    pub renewal_date: NaiveDate,
    /// `current_arr`: numeric(14,2).
    pub current_arr: Money,
    /// `forecasted_arr`: numeric(14,2).
    pub forecasted_arr: Money,
    /// `renewal_probability`: double precision.
    pub renewal_probability: Probability,
    /// `renewal_status`: varchar(20).
    pub renewal_status: RenewalStatus,
    /// `confidence_score`: double precision.
    pub confidence_score: Fraction,
    /// `health_score`: integer.
    pub health_score: HealthScore,
    /// `risk_factors`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_factors: Option<Value>,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `expansion_probability`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_probability: Option<Probability>,
    /// `estimated_expansion_value`: numeric(14,2), default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_expansion_value: Option<Money>,
    /// `days_until_renewal`: integer. Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`.
    pub days_until_renewal: i32,
    /// `last_csm_touchpoint`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_csm_touchpoint: Option<NaiveDate>,
    /// `next_scheduled_touchpoint`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_scheduled_touchpoint: Option<NaiveDate>,
    /// `recommended_actions`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_actions: Option<Value>,
    /// `forecast_created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_created_at: Option<DateTime<Utc>>,
    /// `forecast_updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_updated_at: Option<DateTime<Utc>>,
    /// `model_version`: varchar(20), default `'v1.0.0'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
}

impl NewRenewalForecast {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `renewal_forecasts`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = renewal_forecasts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RenewalForecastChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `contract_id`: varchar(50). The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_id: Option<String>,
    /// `renewal_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `current_arr`: numeric(14,2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_arr: Option<Money>,
    /// `forecasted_arr`: numeric(14,2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecasted_arr: Option<Money>,
    /// `renewal_probability`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_probability: Option<Probability>,
    /// `renewal_status`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_status: Option<RenewalStatus>,
    /// `confidence_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `health_score`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `risk_factors`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_factors: Option<Value>,
    /// `positive_indicators`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_indicators: Option<Value>,
    /// `expansion_probability`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_probability: Option<Probability>,
    /// `estimated_expansion_value`: numeric(14,2), default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_expansion_value: Option<Money>,
    /// `days_until_renewal`: integer. Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_until_renewal: Option<i32>,
    /// `last_csm_touchpoint`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub last_csm_touchpoint: Option<Option<NaiveDate>>,
    /// `next_scheduled_touchpoint`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub next_scheduled_touchpoint: Option<Option<NaiveDate>>,
    /// `recommended_actions`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_actions: Option<Value>,
    /// `forecast_created_at`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_created_at: Option<DateTime<Utc>>,
    /// `forecast_updated_at`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast_updated_at: Option<DateTime<Utc>>,
    /// `model_version`: varchar(20), default `'v1.0.0'`.
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
    /// `id`: bigint.
    pub id: i64,
    /// `contract_id`: varchar(50).
    pub contract_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `contract_type`: varchar(20).
    pub contract_type: ContractType,
    /// `contract_value`: numeric(14,2).
    pub contract_value: Money,
    /// `billing_frequency`: varchar(20).
    pub billing_frequency: BillingFrequency,
    /// `currency`: varchar(3), default `'USD'`.
    pub currency: String,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `end_date`: date.
    pub end_date: NaiveDate,
    /// `renewal_date`: date.
    pub renewal_date: NaiveDate,
    /// `auto_renew`: boolean, default `false`.
    pub auto_renew: bool,
    /// `notice_period_days`: integer, default `30`.
    pub notice_period_days: Count,
    /// `payment_terms`: varchar(100).
    pub payment_terms: String,
    /// `payment_status`: varchar(20), default `'current'`.
    pub payment_status: PaymentStatus,
    /// `included_users`: integer, nullable.
    pub included_users: Option<Count>,
    /// `included_usage`: jsonb, default `'{}'::jsonb`.
    pub included_usage: Value,
    /// `tier`: varchar(50).
    pub tier: String,
    /// `products_included`: jsonb.
    pub products_included: Value,
    /// `addons`: jsonb, default `'[]'::jsonb`.
    pub addons: Value,
    /// `discount_percentage`: double precision, default `0.0`.
    pub discount_percentage: Percentage,
    /// `discount_reason`: varchar(500), nullable.
    pub discount_reason: Option<String>,
    /// `signed_by`: varchar(200), nullable.
    pub signed_by: Option<String>,
    /// `owner_csm`: varchar(200), nullable.
    pub owner_csm: Option<String>,
    /// `last_modified`: timestamptz, default `now()`.
    pub last_modified: DateTime<Utc>,
    /// `contract_url`: varchar(500), nullable.
    pub contract_url: Option<String>,
}

/// A new row of `contracts`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = contracts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewContract {
    /// `contract_id`: varchar(50).
    pub contract_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `contract_type`: varchar(20).
    pub contract_type: ContractType,
    /// `contract_value`: numeric(14,2).
    pub contract_value: Money,
    /// `billing_frequency`: varchar(20).
    pub billing_frequency: BillingFrequency,
    /// `currency`: varchar(3), default `'USD'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `end_date`: date.
    pub end_date: NaiveDate,
    /// `renewal_date`: date.
    pub renewal_date: NaiveDate,
    /// `auto_renew`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<bool>,
    /// `notice_period_days`: integer, default `30`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_period_days: Option<Count>,
    /// `payment_terms`: varchar(100).
    pub payment_terms: String,
    /// `payment_status`: varchar(20), default `'current'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<PaymentStatus>,
    /// `included_users`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_users: Option<Count>,
    /// `included_usage`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_usage: Option<Value>,
    /// `tier`: varchar(50).
    pub tier: String,
    /// `products_included`: jsonb.
    pub products_included: Value,
    /// `addons`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addons: Option<Value>,
    /// `discount_percentage`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percentage: Option<Percentage>,
    /// `discount_reason`: varchar(500), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_reason: Option<String>,
    /// `signed_by`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// `owner_csm`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_csm: Option<String>,
    /// `last_modified`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
    /// `contract_url`: varchar(500), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_url: Option<String>,
}

impl NewContract {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `contracts`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = contracts, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ContractChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `contract_type`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_type: Option<ContractType>,
    /// `contract_value`: numeric(14,2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `billing_frequency`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_frequency: Option<BillingFrequency>,
    /// `currency`: varchar(3), default `'USD'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `start_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `end_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// `renewal_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `auto_renew`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<bool>,
    /// `notice_period_days`: integer, default `30`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_period_days: Option<Count>,
    /// `payment_terms`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<String>,
    /// `payment_status`: varchar(20), default `'current'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<PaymentStatus>,
    /// `included_users`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub included_users: Option<Option<Count>>,
    /// `included_usage`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub included_usage: Option<Value>,
    /// `tier`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// `products_included`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products_included: Option<Value>,
    /// `addons`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addons: Option<Value>,
    /// `discount_percentage`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percentage: Option<Percentage>,
    /// `discount_reason`: varchar(500), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub discount_reason: Option<Option<String>>,
    /// `signed_by`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub signed_by: Option<Option<String>>,
    /// `owner_csm`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub owner_csm: Option<Option<String>>,
    /// `last_modified`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
    /// `contract_url`: varchar(500), nullable.
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
    client = client_id
);

/// A row of `expansion_opportunities`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
pub struct ExpansionOpportunity {
    /// `id`: bigint.
    pub id: i64,
    /// `opportunity_id`: varchar(50).
    pub opportunity_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `opportunity_name`: varchar(200).
    pub opportunity_name: String,
    /// `expansion_type`: varchar(50).
    pub expansion_type: ExpansionType,
    /// `estimated_value`: numeric(14,2).
    pub estimated_value: Money,
    /// `probability`: double precision.
    pub probability: Probability,
    /// `confidence_score`: double precision, default `0.5`.
    pub confidence_score: Fraction,
    /// `expected_close_date`: date, nullable.
    pub expected_close_date: Option<NaiveDate>,
    /// `current_stage`: varchar(50).
    pub current_stage: OpportunityStage,
    /// `requirements`: jsonb, default `'[]'::jsonb`.
    pub requirements: StringList,
    /// `value_drivers`: jsonb, default `'[]'::jsonb`.
    pub value_drivers: StringList,
    /// `blockers`: jsonb, default `'[]'::jsonb`.
    pub blockers: Value,
    /// `champion`: varchar(200), nullable.
    pub champion: Option<String>,
    /// `decision_makers`: jsonb, default `'[]'::jsonb`.
    pub decision_makers: StringList,
    /// `competitive_pressure`: varchar(20), default `'unknown'`.
    pub competitive_pressure: CompetitivePressure,
    /// `assigned_to`: varchar(200), nullable.
    pub assigned_to: Option<String>,
    /// `next_action`: varchar(500), nullable.
    pub next_action: Option<String>,
    /// `next_action_date`: date, nullable.
    pub next_action_date: Option<NaiveDate>,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `expansion_opportunities`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewExpansionOpportunity {
    /// `opportunity_id`: varchar(50).
    pub opportunity_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `opportunity_name`: varchar(200).
    pub opportunity_name: String,
    /// `expansion_type`: varchar(50).
    pub expansion_type: ExpansionType,
    /// `estimated_value`: numeric(14,2).
    pub estimated_value: Money,
    /// `probability`: double precision.
    pub probability: Probability,
    /// `confidence_score`: double precision, default `0.5`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `expected_close_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_close_date: Option<NaiveDate>,
    /// `current_stage`: varchar(50).
    pub current_stage: OpportunityStage,
    /// `requirements`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<StringList>,
    /// `value_drivers`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_drivers: Option<StringList>,
    /// `blockers`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `champion`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub champion: Option<String>,
    /// `decision_makers`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_makers: Option<StringList>,
    /// `competitive_pressure`: varchar(20), default `'unknown'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitive_pressure: Option<CompetitivePressure>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `next_action`: varchar(500), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action: Option<String>,
    /// `next_action_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_action_date: Option<NaiveDate>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewExpansionOpportunity {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `expansion_opportunities`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = expansion_opportunities, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ExpansionOpportunityChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `opportunity_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity_name: Option<String>,
    /// `expansion_type`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_type: Option<ExpansionType>,
    /// `estimated_value`: numeric(14,2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_value: Option<Money>,
    /// `probability`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<Probability>,
    /// `confidence_score`: double precision, default `0.5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `expected_close_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub expected_close_date: Option<Option<NaiveDate>>,
    /// `current_stage`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_stage: Option<OpportunityStage>,
    /// `requirements`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<StringList>,
    /// `value_drivers`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_drivers: Option<StringList>,
    /// `blockers`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `champion`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub champion: Option<Option<String>>,
    /// `decision_makers`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_makers: Option<StringList>,
    /// `competitive_pressure`: varchar(20), default `'unknown'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competitive_pressure: Option<CompetitivePressure>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `next_action`: varchar(500), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub next_action: Option<Option<String>>,
    /// `next_action_date`: date, nullable.
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
    client = client_id
);

/// A row of `renewal_campaigns`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
pub struct RenewalCampaign {
    /// `id`: bigint.
    pub id: i64,
    /// `campaign_id`: varchar(50).
    pub campaign_id: String,
    /// `campaign_name`: varchar(200).
    pub campaign_name: String,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `end_date`: date.
    pub end_date: NaiveDate,
    /// `target_renewal_date_range`: jsonb.
    pub target_renewal_date_range: Value,
    /// `total_customers`: integer.
    pub total_customers: Count,
    /// `total_arr_at_risk`: numeric(14,2).
    pub total_arr_at_risk: Money,
    /// `customers_contacted`: integer, default `0`.
    pub customers_contacted: Count,
    /// `customers_committed`: integer, default `0`.
    pub customers_committed: Count,
    /// `customers_at_risk`: integer, default `0`.
    pub customers_at_risk: Count,
    /// `win_rate`: double precision, default `0.0`.
    pub win_rate: Fraction,
    /// `expansion_opportunities_identified`: integer, default `0`.
    pub expansion_opportunities_identified: Count,
    /// `expansion_value_identified`: numeric(14,2), default `0`.
    pub expansion_value_identified: Money,
    /// `campaign_activities`: jsonb, default `'[]'::jsonb`.
    pub campaign_activities: Value,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`.
    pub success_metrics: Value,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `renewal_campaigns`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRenewalCampaign {
    /// `campaign_id`: varchar(50).
    pub campaign_id: String,
    /// `campaign_name`: varchar(200).
    pub campaign_name: String,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `end_date`: date.
    pub end_date: NaiveDate,
    /// `target_renewal_date_range`: jsonb.
    pub target_renewal_date_range: Value,
    /// `total_customers`: integer.
    pub total_customers: Count,
    /// `total_arr_at_risk`: numeric(14,2).
    pub total_arr_at_risk: Money,
    /// `customers_contacted`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_contacted: Option<Count>,
    /// `customers_committed`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_committed: Option<Count>,
    /// `customers_at_risk`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_at_risk: Option<Count>,
    /// `win_rate`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<Fraction>,
    /// `expansion_opportunities_identified`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_opportunities_identified: Option<Count>,
    /// `expansion_value_identified`: numeric(14,2), default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_value_identified: Option<Money>,
    /// `campaign_activities`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_activities: Option<Value>,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewRenewalCampaign {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `renewal_campaigns`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = renewal_campaigns, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RenewalCampaignChanges {
    /// `campaign_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    /// `start_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `end_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// `target_renewal_date_range`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_renewal_date_range: Option<Value>,
    /// `total_customers`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_customers: Option<Count>,
    /// `total_arr_at_risk`: numeric(14,2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr_at_risk: Option<Money>,
    /// `customers_contacted`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_contacted: Option<Count>,
    /// `customers_committed`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_committed: Option<Count>,
    /// `customers_at_risk`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_at_risk: Option<Count>,
    /// `win_rate`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<Fraction>,
    /// `expansion_opportunities_identified`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_opportunities_identified: Option<Count>,
    /// `expansion_value_identified`: numeric(14,2), default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion_value_identified: Option<Money>,
    /// `campaign_activities`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_activities: Option<Value>,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
}

crate::crud::impl_crud!(
    RenewalCampaign,
    NewRenewalCampaign,
    RenewalCampaignChanges,
    renewal_campaigns,
    columns = 18,
    key = campaign_id
);
