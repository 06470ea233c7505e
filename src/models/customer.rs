//! Customer tables: customers, health scores, segments, risk indicators, churn predictions.
//!
//! Generated from the schema specification; see the crate docs for the naming scheme
//! (`Foo` row, `NewFoo` insert, `FooChanges` changeset).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::schema::*;
use crate::types::*;

/// A row of `customers`.
///
/// Identified by its business key `client_id` (what foreign keys reference); `id` is the SQL primary key.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = customers, check_for_backend(diesel::pg::Pg))]
#[diesel(primary_key(client_id))]
pub struct Customer {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `client_name`: SQL `varchar(200)`.
    pub client_name: String,
    /// `company_name`: SQL `varchar(200)`.
    pub company_name: String,
    /// `industry`: SQL `varchar(100)`, default `'Technology'`.
    pub industry: String,
    /// `tier`: One of [`CustomerTier`]'s values (stored as text). SQL `varchar(50)`, default `'standard'`.
    pub tier: CustomerTier,
    /// `lifecycle_stage`: One of [`LifecycleStage`]'s values (stored as text). SQL `varchar(50)`, default `'onboarding'`.
    pub lifecycle_stage: LifecycleStage,
    /// `contract_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    pub contract_value: Money,
    /// `contract_start_date`: SQL `date`.
    pub contract_start_date: NaiveDate,
    /// `contract_end_date`: SQL `date`, nullable.
    pub contract_end_date: Option<NaiveDate>,
    /// `renewal_date`: SQL `date`, nullable.
    pub renewal_date: Option<NaiveDate>,
    /// `primary_contact_email`: SQL `varchar(255)`, nullable.
    pub primary_contact_email: Option<String>,
    /// `primary_contact_name`: SQL `varchar(200)`, nullable.
    pub primary_contact_name: Option<String>,
    /// `csm_assigned`: SQL `varchar(200)`, nullable.
    pub csm_assigned: Option<String>,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given. SQL `integer`, default `50`.
    pub health_score: HealthScore,
    /// `health_trend`: One of [`HealthTrend`]'s values (stored as text). SQL `varchar(20)`, default `'stable'`.
    pub health_trend: HealthTrend,
    /// `last_engagement_date`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub last_engagement_date: Option<DateTime<Utc>>,
    /// `status`: One of [`CustomerStatus`]'s values (stored as text). SQL `varchar(20)`, default `'active'`.
    pub status: CustomerStatus,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `customers`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewCustomer::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customers, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomer {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `client_name`: SQL `varchar(200)`.
    pub client_name: String,
    /// `company_name`: SQL `varchar(200)`.
    pub company_name: String,
    /// `industry`: SQL `varchar(100)`, default `'Technology'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `tier`: One of [`CustomerTier`]'s values (stored as text). SQL `varchar(50)`, default `'standard'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// `lifecycle_stage`: One of [`LifecycleStage`]'s values (stored as text). SQL `varchar(50)`, default `'onboarding'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_stage: Option<LifecycleStage>,
    /// `contract_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `contract_start_date`: SQL `date`.
    pub contract_start_date: NaiveDate,
    /// `contract_end_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_end_date: Option<NaiveDate>,
    /// `renewal_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `primary_contact_email`: SQL `varchar(255)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_email: Option<String>,
    /// `primary_contact_name`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_name: Option<String>,
    /// `csm_assigned`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csm_assigned: Option<String>,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given. SQL `integer`, default `50`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `health_trend`: One of [`HealthTrend`]'s values (stored as text). SQL `varchar(20)`, default `'stable'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_trend: Option<HealthTrend>,
    /// `last_engagement_date`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_engagement_date: Option<DateTime<Utc>>,
    /// `status`: One of [`CustomerStatus`]'s values (stored as text). SQL `varchar(20)`, default `'active'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CustomerStatus>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewCustomer {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        client_id: impl Into<String>,
        client_name: impl Into<String>,
        company_name: impl Into<String>,
        contract_start_date: NaiveDate,
    ) -> Self {
        NewCustomer {
            client_id: client_id.into(),
            client_name: client_name.into(),
            company_name: company_name.into(),
            contract_start_date,
            industry: None,
            tier: None,
            lifecycle_stage: None,
            contract_value: None,
            contract_end_date: None,
            renewal_date: None,
            primary_contact_email: None,
            primary_contact_name: None,
            csm_assigned: None,
            health_score: None,
            health_trend: None,
            last_engagement_date: None,
            status: None,
            created_at: None,
            updated_at: None,
        }
    }
}

impl NewCustomer {
    /// Named-field construction: one setter per column, then [`build`](NewCustomerBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewCustomerBuilder {
        NewCustomerBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewCustomerBuilder {
        NewCustomerBuilder {
            client_id: Some(self.client_id),
            client_name: Some(self.client_name),
            company_name: Some(self.company_name),
            industry: self.industry,
            tier: self.tier,
            lifecycle_stage: self.lifecycle_stage,
            contract_value: self.contract_value,
            contract_start_date: Some(self.contract_start_date),
            contract_end_date: self.contract_end_date,
            renewal_date: self.renewal_date,
            primary_contact_email: self.primary_contact_email,
            primary_contact_name: self.primary_contact_name,
            csm_assigned: self.csm_assigned,
            health_score: self.health_score,
            health_trend: self.health_trend,
            last_engagement_date: self.last_engagement_date,
            status: self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewCustomer`] by naming every value; see [`NewCustomer::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewCustomerBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) client_name: Option<String>,
    pub(crate) company_name: Option<String>,
    pub(crate) industry: Option<String>,
    pub(crate) tier: Option<CustomerTier>,
    pub(crate) lifecycle_stage: Option<LifecycleStage>,
    pub(crate) contract_value: Option<Money>,
    pub(crate) contract_start_date: Option<NaiveDate>,
    pub(crate) contract_end_date: Option<NaiveDate>,
    pub(crate) renewal_date: Option<NaiveDate>,
    pub(crate) primary_contact_email: Option<String>,
    pub(crate) primary_contact_name: Option<String>,
    pub(crate) csm_assigned: Option<String>,
    pub(crate) health_score: Option<HealthScore>,
    pub(crate) health_trend: Option<HealthTrend>,
    pub(crate) last_engagement_date: Option<DateTime<Utc>>,
    pub(crate) status: Option<CustomerStatus>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewCustomerBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `client_name`: SQL `varchar(200)`. Required.
    pub fn client_name(mut self, value: impl Into<String>) -> Self {
        self.client_name = Some(value.into());
        self
    }

    /// `company_name`: SQL `varchar(200)`. Required.
    pub fn company_name(mut self, value: impl Into<String>) -> Self {
        self.company_name = Some(value.into());
        self
    }

    /// `industry`: SQL `varchar(100)`, default `'Technology'`. Optional: unset, the database default applies.
    pub fn industry(mut self, value: impl Into<String>) -> Self {
        self.industry = Some(value.into());
        self
    }

    /// `tier`: One of [`CustomerTier`]'s values (stored as text). SQL `varchar(50)`, default `'standard'`. Optional: unset, the database default applies.
    pub fn tier(mut self, value: CustomerTier) -> Self {
        self.tier = Some(value);
        self
    }

    /// `lifecycle_stage`: One of [`LifecycleStage`]'s values (stored as text). SQL `varchar(50)`, default `'onboarding'`. Optional: unset, the database default applies.
    pub fn lifecycle_stage(mut self, value: LifecycleStage) -> Self {
        self.lifecycle_stage = Some(value);
        self
    }

    /// `contract_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. Optional: unset, the database default applies.
    pub fn contract_value(mut self, value: Money) -> Self {
        self.contract_value = Some(value);
        self
    }

    /// `contract_start_date`: SQL `date`. Required.
    pub fn contract_start_date(mut self, value: NaiveDate) -> Self {
        self.contract_start_date = Some(value);
        self
    }

    /// `contract_end_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn contract_end_date(mut self, value: NaiveDate) -> Self {
        self.contract_end_date = Some(value);
        self
    }

    /// `renewal_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn renewal_date(mut self, value: NaiveDate) -> Self {
        self.renewal_date = Some(value);
        self
    }

    /// `primary_contact_email`: SQL `varchar(255)`, nullable. Optional: unset, NULL.
    pub fn primary_contact_email(mut self, value: impl Into<String>) -> Self {
        self.primary_contact_email = Some(value.into());
        self
    }

    /// `primary_contact_name`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn primary_contact_name(mut self, value: impl Into<String>) -> Self {
        self.primary_contact_name = Some(value.into());
        self
    }

    /// `csm_assigned`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn csm_assigned(mut self, value: impl Into<String>) -> Self {
        self.csm_assigned = Some(value.into());
        self
    }

    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given. SQL `integer`, default `50`. Optional: unset, the database default applies.
    pub fn health_score(mut self, value: HealthScore) -> Self {
        self.health_score = Some(value);
        self
    }

    /// `health_trend`: One of [`HealthTrend`]'s values (stored as text). SQL `varchar(20)`, default `'stable'`. Optional: unset, the database default applies.
    pub fn health_trend(mut self, value: HealthTrend) -> Self {
        self.health_trend = Some(value);
        self
    }

    /// `last_engagement_date`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn last_engagement_date(mut self, value: DateTime<Utc>) -> Self {
        self.last_engagement_date = Some(value);
        self
    }

    /// `status`: One of [`CustomerStatus`]'s values (stored as text). SQL `varchar(20)`, default `'active'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: CustomerStatus) -> Self {
        self.status = Some(value);
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

    /// The row, once every required column (`client_id`, `client_name`, `company_name`, `contract_start_date`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewCustomer> {
        Ok(NewCustomer {
            client_id: crate::models::required(self.client_id, "client_id")?,
            client_name: crate::models::required(self.client_name, "client_name")?,
            company_name: crate::models::required(self.company_name, "company_name")?,
            industry: self.industry,
            tier: self.tier,
            lifecycle_stage: self.lifecycle_stage,
            contract_value: self.contract_value,
            contract_start_date: crate::models::required(
                self.contract_start_date,
                "contract_start_date",
            )?,
            contract_end_date: self.contract_end_date,
            renewal_date: self.renewal_date,
            primary_contact_email: self.primary_contact_email,
            primary_contact_name: self.primary_contact_name,
            csm_assigned: self.csm_assigned,
            health_score: self.health_score,
            health_trend: self.health_trend,
            last_engagement_date: self.last_engagement_date,
            status: self.status,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `customers`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customers, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerChanges {
    /// `client_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// `company_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// `industry`: SQL `varchar(100)`, default `'Technology'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `tier`: One of [`CustomerTier`]'s values (stored as text). SQL `varchar(50)`, default `'standard'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// `lifecycle_stage`: One of [`LifecycleStage`]'s values (stored as text). SQL `varchar(50)`, default `'onboarding'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_stage: Option<LifecycleStage>,
    /// `contract_value`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `contract_start_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<NaiveDate>,
    /// `contract_end_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub contract_end_date: Option<Option<NaiveDate>>,
    /// `renewal_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub renewal_date: Option<Option<NaiveDate>>,
    /// `primary_contact_email`: SQL `varchar(255)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub primary_contact_email: Option<Option<String>>,
    /// `primary_contact_name`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub primary_contact_name: Option<Option<String>>,
    /// `csm_assigned`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub csm_assigned: Option<Option<String>>,
    /// `health_score`: A whole-number health score from 0 (worst) to 100 (best). Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given. SQL `integer`, default `50`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `health_trend`: One of [`HealthTrend`]'s values (stored as text). SQL `varchar(20)`, default `'stable'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_trend: Option<HealthTrend>,
    /// `last_engagement_date`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub last_engagement_date: Option<Option<DateTime<Utc>>>,
    /// `status`: One of [`CustomerStatus`]'s values (stored as text). SQL `varchar(20)`, default `'active'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CustomerStatus>,
}

crate::crud::impl_crud!(
    Customer,
    NewCustomer,
    CustomerChanges,
    customers,
    columns = 20,
    key = client_id,
    conflict = (client_id),
    upsert = [
        client_name,
        company_name,
        industry,
        tier,
        lifecycle_stage,
        contract_value,
        contract_start_date,
        contract_end_date,
        renewal_date,
        primary_contact_email,
        primary_contact_name,
        csm_assigned,
        health_score,
        health_trend,
        last_engagement_date,
        status
    ],
    client = client_id
);

/// A row of `health_scores`.
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
#[diesel(table_name = health_scores, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct HealthScoreRecord {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `usage_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    pub usage_score: ComponentScore,
    /// `engagement_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    pub engagement_score: ComponentScore,
    /// `support_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    pub support_score: ComponentScore,
    /// `satisfaction_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    pub satisfaction_score: ComponentScore,
    /// `payment_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    pub payment_score: ComponentScore,
    /// `usage_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.35`.
    pub usage_weight: Fraction,
    /// `engagement_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.25`.
    pub engagement_weight: Fraction,
    /// `support_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    pub support_weight: Fraction,
    /// `satisfaction_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    pub satisfaction_weight: Fraction,
    /// `payment_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.10`.
    pub payment_weight: Fraction,
    /// `overall_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, nullable.
    pub overall_score: Option<ComponentScore>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `health_scores`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewHealthScoreRecord::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
///
/// Built with [`NewHealthScoreRecord::new`] or [`NewHealthScoreRecord::builder`], which derive `engagement_score`, `engagement_weight`, `overall_score`, `payment_score`, `payment_weight`, `satisfaction_score`, `satisfaction_weight`, `support_score`, `support_weight`, `usage_score`, `usage_weight`.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize)]
#[diesel(table_name = health_scores, check_for_backend(diesel::pg::Pg))]
pub struct NewHealthScoreRecord {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `usage_score`: A score from 0 (worst) to 100 (best). SQL `double precision`. Derived by the constructor.
    pub(crate) usage_score: ComponentScore,
    /// `engagement_score`: A score from 0 (worst) to 100 (best). SQL `double precision`. Derived by the constructor.
    pub(crate) engagement_score: ComponentScore,
    /// `support_score`: A score from 0 (worst) to 100 (best). SQL `double precision`. Derived by the constructor.
    pub(crate) support_score: ComponentScore,
    /// `satisfaction_score`: A score from 0 (worst) to 100 (best). SQL `double precision`. Derived by the constructor.
    pub(crate) satisfaction_score: ComponentScore,
    /// `payment_score`: A score from 0 (worst) to 100 (best). SQL `double precision`. Derived by the constructor.
    pub(crate) payment_score: ComponentScore,
    /// `usage_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.35`. `None`: the database default. Derived by the constructor.
    pub(crate) usage_weight: Option<Fraction>,
    /// `engagement_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.25`. `None`: the database default. Derived by the constructor.
    pub(crate) engagement_weight: Option<Fraction>,
    /// `support_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`. `None`: the database default. Derived by the constructor.
    pub(crate) support_weight: Option<Fraction>,
    /// `satisfaction_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`. `None`: the database default. Derived by the constructor.
    pub(crate) satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.10`. `None`: the database default. Derived by the constructor.
    pub(crate) payment_weight: Option<Fraction>,
    /// `overall_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, nullable. Derived by the constructor.
    pub(crate) overall_score: Option<ComponentScore>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewHealthScoreRecord {
    /// Named-field construction: one setter per column, then [`build`](NewHealthScoreRecordBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewHealthScoreRecordBuilder {
        NewHealthScoreRecordBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewHealthScoreRecordBuilder {
        NewHealthScoreRecordBuilder {
            client_id: Some(self.client_id),
            usage_score: Some(self.usage_score),
            engagement_score: Some(self.engagement_score),
            support_score: Some(self.support_score),
            satisfaction_score: Some(self.satisfaction_score),
            payment_score: Some(self.payment_score),
            usage_weight: self.usage_weight,
            engagement_weight: self.engagement_weight,
            support_weight: self.support_weight,
            satisfaction_weight: self.satisfaction_weight,
            payment_weight: self.payment_weight,
            overall_score: self.overall_score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewHealthScoreRecord`] by naming every value; see [`NewHealthScoreRecord::builder`].
///
/// `engagement_score`, `engagement_weight`, `overall_score`, `payment_score`, `payment_weight`, `satisfaction_score`, `satisfaction_weight`, `support_score`, `support_weight`, `usage_score`, `usage_weight` are set by the derived setters (see the
/// crate's domain rules), which keep them consistent.
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewHealthScoreRecordBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) usage_score: Option<ComponentScore>,
    pub(crate) engagement_score: Option<ComponentScore>,
    pub(crate) support_score: Option<ComponentScore>,
    pub(crate) satisfaction_score: Option<ComponentScore>,
    pub(crate) payment_score: Option<ComponentScore>,
    pub(crate) usage_weight: Option<Fraction>,
    pub(crate) engagement_weight: Option<Fraction>,
    pub(crate) support_weight: Option<Fraction>,
    pub(crate) satisfaction_weight: Option<Fraction>,
    pub(crate) payment_weight: Option<Fraction>,
    pub(crate) overall_score: Option<ComponentScore>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewHealthScoreRecordBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
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

    /// The row, once every required column (`client_id`, `usage_score`, `engagement_score`, `support_score`, `satisfaction_score`, `payment_score`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set, or one whose derived columns
    /// are inconsistent.
    pub fn build(self) -> crate::Result<NewHealthScoreRecord> {
        let row = NewHealthScoreRecord {
            client_id: crate::models::required(self.client_id, "client_id")?,
            usage_score: crate::models::required(self.usage_score, "usage_score")?,
            engagement_score: crate::models::required(self.engagement_score, "engagement_score")?,
            support_score: crate::models::required(self.support_score, "support_score")?,
            satisfaction_score: crate::models::required(
                self.satisfaction_score,
                "satisfaction_score",
            )?,
            payment_score: crate::models::required(self.payment_score, "payment_score")?,
            usage_weight: self.usage_weight,
            engagement_weight: self.engagement_weight,
            support_weight: self.support_weight,
            satisfaction_weight: self.satisfaction_weight,
            payment_weight: self.payment_weight,
            overall_score: self.overall_score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        row.finish_build()
    }
}

/// Changes to a row of `health_scores`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
///
/// `engagement_score`, `engagement_weight`, `overall_score`, `payment_score`, `payment_weight`, `satisfaction_score`, `satisfaction_weight`, `support_score`, `support_weight`, `usage_score`, `usage_weight` change only through the constructors below, which keep
/// derived columns consistent.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = health_scores, check_for_backend(diesel::pg::Pg))]
#[serde(try_from = "HealthScoreRecordChangesInput")]
pub struct HealthScoreRecordChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `usage_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) usage_score: Option<ComponentScore>,
    /// `engagement_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) engagement_score: Option<ComponentScore>,
    /// `support_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) support_score: Option<ComponentScore>,
    /// `satisfaction_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) satisfaction_score: Option<ComponentScore>,
    /// `payment_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) payment_score: Option<ComponentScore>,
    /// `usage_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.35`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) usage_weight: Option<Fraction>,
    /// `engagement_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.25`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) engagement_weight: Option<Fraction>,
    /// `support_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) support_weight: Option<Fraction>,
    /// `satisfaction_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.10`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) payment_weight: Option<Fraction>,
    /// `overall_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub(crate) overall_score: Option<Option<ComponentScore>>,
}

/// What JSON may say about a `health_scores` change, before the derived columns are checked
/// (see the `TryFrom` impl of [`HealthScoreRecordChanges`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthScoreRecordChangesInput {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default)]
    pub client_id: Option<String>,
    /// `usage_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default)]
    pub usage_score: Option<ComponentScore>,
    /// `engagement_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default)]
    pub engagement_score: Option<ComponentScore>,
    /// `support_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default)]
    pub support_score: Option<ComponentScore>,
    /// `satisfaction_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default)]
    pub satisfaction_score: Option<ComponentScore>,
    /// `payment_score`: A score from 0 (worst) to 100 (best). SQL `double precision`.
    #[serde(default)]
    pub payment_score: Option<ComponentScore>,
    /// `usage_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.35`.
    #[serde(default)]
    pub usage_weight: Option<Fraction>,
    /// `engagement_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.25`.
    #[serde(default)]
    pub engagement_weight: Option<Fraction>,
    /// `support_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    #[serde(default)]
    pub support_weight: Option<Fraction>,
    /// `satisfaction_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.15`.
    #[serde(default)]
    pub satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1. SQL `double precision`, default `0.10`.
    #[serde(default)]
    pub payment_weight: Option<Fraction>,
    /// `overall_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub overall_score: Option<Option<ComponentScore>>,
}

impl HealthScoreRecordChangesInput {
    /// Every field moved into a changeset, derived columns unchecked.
    pub(crate) fn into_unchecked(self) -> HealthScoreRecordChanges {
        HealthScoreRecordChanges {
            client_id: self.client_id,
            usage_score: self.usage_score,
            engagement_score: self.engagement_score,
            support_score: self.support_score,
            satisfaction_score: self.satisfaction_score,
            payment_score: self.payment_score,
            usage_weight: self.usage_weight,
            engagement_weight: self.engagement_weight,
            support_weight: self.support_weight,
            satisfaction_weight: self.satisfaction_weight,
            payment_weight: self.payment_weight,
            overall_score: self.overall_score,
        }
    }
}

crate::crud::impl_crud!(
    HealthScoreRecord,
    NewHealthScoreRecord,
    HealthScoreRecordChanges,
    health_scores,
    columns = 15,
    client = client_id
);

/// A row of `customer_segments`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = customer_segments, check_for_backend(diesel::pg::Pg))]
pub struct CustomerSegment {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `segment_id`: SQL `varchar(100)`.
    pub segment_id: String,
    /// `segment_name`: SQL `varchar(200)`.
    pub segment_name: String,
    /// `segment_type`: SQL `varchar(50)`.
    pub segment_type: String,
    /// `criteria`: Free-form rules that put a customer in the segment (e.g. `{"tier": ["enterprise"]}`). SQL `jsonb`.
    pub criteria: Value,
    /// `characteristics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub characteristics: Value,
    /// `engagement_strategy`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub engagement_strategy: Value,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub success_metrics: Value,
    /// `customer_count`: A count, 0 or more. SQL `integer`, default `0`.
    pub customer_count: Count,
    /// `total_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    pub total_arr: Money,
    /// `avg_health_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, default `50.0`.
    pub avg_health_score: ComponentScore,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `customer_segments`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewCustomerSegment::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customer_segments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomerSegment {
    /// `segment_id`: SQL `varchar(100)`.
    pub segment_id: String,
    /// `segment_name`: SQL `varchar(200)`.
    pub segment_name: String,
    /// `segment_type`: SQL `varchar(50)`.
    pub segment_type: String,
    /// `criteria`: Free-form rules that put a customer in the segment (e.g. `{"tier": ["enterprise"]}`). SQL `jsonb`.
    pub criteria: Value,
    /// `characteristics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characteristics: Option<Value>,
    /// `engagement_strategy`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_strategy: Option<Value>,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `customer_count`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_count: Option<Count>,
    /// `total_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr: Option<Money>,
    /// `avg_health_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, default `50.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_health_score: Option<ComponentScore>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewCustomerSegment {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        segment_id: impl Into<String>,
        segment_name: impl Into<String>,
        segment_type: impl Into<String>,
        criteria: Value,
    ) -> Self {
        NewCustomerSegment {
            segment_id: segment_id.into(),
            segment_name: segment_name.into(),
            segment_type: segment_type.into(),
            criteria,
            characteristics: None,
            engagement_strategy: None,
            success_metrics: None,
            customer_count: None,
            total_arr: None,
            avg_health_score: None,
            created_at: None,
            updated_at: None,
        }
    }
}

impl NewCustomerSegment {
    /// Named-field construction: one setter per column, then [`build`](NewCustomerSegmentBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewCustomerSegmentBuilder {
        NewCustomerSegmentBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewCustomerSegmentBuilder {
        NewCustomerSegmentBuilder {
            segment_id: Some(self.segment_id),
            segment_name: Some(self.segment_name),
            segment_type: Some(self.segment_type),
            criteria: Some(self.criteria),
            characteristics: self.characteristics,
            engagement_strategy: self.engagement_strategy,
            success_metrics: self.success_metrics,
            customer_count: self.customer_count,
            total_arr: self.total_arr,
            avg_health_score: self.avg_health_score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewCustomerSegment`] by naming every value; see [`NewCustomerSegment::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewCustomerSegmentBuilder {
    pub(crate) segment_id: Option<String>,
    pub(crate) segment_name: Option<String>,
    pub(crate) segment_type: Option<String>,
    pub(crate) criteria: Option<Value>,
    pub(crate) characteristics: Option<Value>,
    pub(crate) engagement_strategy: Option<Value>,
    pub(crate) success_metrics: Option<Value>,
    pub(crate) customer_count: Option<Count>,
    pub(crate) total_arr: Option<Money>,
    pub(crate) avg_health_score: Option<ComponentScore>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewCustomerSegmentBuilder {
    /// `segment_id`: SQL `varchar(100)`. Required.
    pub fn segment_id(mut self, value: impl Into<String>) -> Self {
        self.segment_id = Some(value.into());
        self
    }

    /// `segment_name`: SQL `varchar(200)`. Required.
    pub fn segment_name(mut self, value: impl Into<String>) -> Self {
        self.segment_name = Some(value.into());
        self
    }

    /// `segment_type`: SQL `varchar(50)`. Required.
    pub fn segment_type(mut self, value: impl Into<String>) -> Self {
        self.segment_type = Some(value.into());
        self
    }

    /// `criteria`: Free-form rules that put a customer in the segment (e.g. `{"tier": ["enterprise"]}`). SQL `jsonb`. Required.
    pub fn criteria(mut self, value: Value) -> Self {
        self.criteria = Some(value);
        self
    }

    /// `characteristics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn characteristics(mut self, value: Value) -> Self {
        self.characteristics = Some(value);
        self
    }

    /// `engagement_strategy`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn engagement_strategy(mut self, value: Value) -> Self {
        self.engagement_strategy = Some(value);
        self
    }

    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn success_metrics(mut self, value: Value) -> Self {
        self.success_metrics = Some(value);
        self
    }

    /// `customer_count`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn customer_count(mut self, value: Count) -> Self {
        self.customer_count = Some(value);
        self
    }

    /// `total_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`. Optional: unset, the database default applies.
    pub fn total_arr(mut self, value: Money) -> Self {
        self.total_arr = Some(value);
        self
    }

    /// `avg_health_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, default `50.0`. Optional: unset, the database default applies.
    pub fn avg_health_score(mut self, value: ComponentScore) -> Self {
        self.avg_health_score = Some(value);
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

    /// The row, once every required column (`segment_id`, `segment_name`, `segment_type`, `criteria`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewCustomerSegment> {
        Ok(NewCustomerSegment {
            segment_id: crate::models::required(self.segment_id, "segment_id")?,
            segment_name: crate::models::required(self.segment_name, "segment_name")?,
            segment_type: crate::models::required(self.segment_type, "segment_type")?,
            criteria: crate::models::required(self.criteria, "criteria")?,
            characteristics: self.characteristics,
            engagement_strategy: self.engagement_strategy,
            success_metrics: self.success_metrics,
            customer_count: self.customer_count,
            total_arr: self.total_arr,
            avg_health_score: self.avg_health_score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `customer_segments`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customer_segments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerSegmentChanges {
    /// `segment_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_name: Option<String>,
    /// `segment_type`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_type: Option<String>,
    /// `criteria`: Free-form rules that put a customer in the segment (e.g. `{"tier": ["enterprise"]}`). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Value>,
    /// `characteristics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characteristics: Option<Value>,
    /// `engagement_strategy`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_strategy: Option<Value>,
    /// `success_metrics`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `customer_count`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_count: Option<Count>,
    /// `total_arr`: An amount of money (the schema stores no currency: the account's), 0 to 999 999 999 999.99, at most 2 decimals. SQL `numeric(14,2)`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr: Option<Money>,
    /// `avg_health_score`: A score from 0 (worst) to 100 (best). SQL `double precision`, default `50.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_health_score: Option<ComponentScore>,
}

crate::crud::impl_crud!(
    CustomerSegment,
    NewCustomerSegment,
    CustomerSegmentChanges,
    customer_segments,
    columns = 13,
    key = segment_id,
    conflict = (segment_id),
    upsert = [
        segment_name,
        segment_type,
        criteria,
        characteristics,
        engagement_strategy,
        success_metrics,
        customer_count,
        total_arr,
        avg_health_score
    ]
);

/// A row of `risk_indicators`.
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
#[diesel(table_name = risk_indicators, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct RiskIndicator {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `indicator_id`: SQL `varchar(100)`.
    pub indicator_id: String,
    /// `indicator_name`: SQL `varchar(200)`.
    pub indicator_name: String,
    /// `category`: SQL `varchar(50)`.
    pub category: String,
    /// `severity`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    pub severity: RiskLevel,
    /// `current_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    pub current_value: FiniteF64,
    /// `threshold_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    pub threshold_value: FiniteF64,
    /// `description`: SQL `text`.
    pub description: String,
    /// `mitigation_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub mitigation_actions: Value,
    /// `detected_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub detected_at: DateTime<Utc>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// A new row of `risk_indicators`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewRiskIndicator::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = risk_indicators, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRiskIndicator {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `indicator_id`: SQL `varchar(100)`.
    pub indicator_id: String,
    /// `indicator_name`: SQL `varchar(200)`.
    pub indicator_name: String,
    /// `category`: SQL `varchar(50)`.
    pub category: String,
    /// `severity`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    pub severity: RiskLevel,
    /// `current_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    pub current_value: FiniteF64,
    /// `threshold_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    pub threshold_value: FiniteF64,
    /// `description`: SQL `text`.
    pub description: String,
    /// `mitigation_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation_actions: Option<Value>,
    /// `detected_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl NewRiskIndicator {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewRiskIndicator::builder`]: with 8 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        client_id: impl Into<String>,
        indicator_id: impl Into<String>,
        indicator_name: impl Into<String>,
        category: impl Into<String>,
        severity: RiskLevel,
        current_value: FiniteF64,
        threshold_value: FiniteF64,
        description: impl Into<String>,
    ) -> Self {
        NewRiskIndicator {
            client_id: client_id.into(),
            indicator_id: indicator_id.into(),
            indicator_name: indicator_name.into(),
            category: category.into(),
            severity,
            current_value,
            threshold_value,
            description: description.into(),
            mitigation_actions: None,
            detected_at: None,
            resolved_at: None,
        }
    }
}

impl NewRiskIndicator {
    /// Named-field construction: one setter per column, then [`build`](NewRiskIndicatorBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewRiskIndicatorBuilder {
        NewRiskIndicatorBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewRiskIndicatorBuilder {
        NewRiskIndicatorBuilder {
            client_id: Some(self.client_id),
            indicator_id: Some(self.indicator_id),
            indicator_name: Some(self.indicator_name),
            category: Some(self.category),
            severity: Some(self.severity),
            current_value: Some(self.current_value),
            threshold_value: Some(self.threshold_value),
            description: Some(self.description),
            mitigation_actions: self.mitigation_actions,
            detected_at: self.detected_at,
            resolved_at: self.resolved_at,
        }
    }
}

/// Builds a [`NewRiskIndicator`] by naming every value; see [`NewRiskIndicator::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewRiskIndicatorBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) indicator_id: Option<String>,
    pub(crate) indicator_name: Option<String>,
    pub(crate) category: Option<String>,
    pub(crate) severity: Option<RiskLevel>,
    pub(crate) current_value: Option<FiniteF64>,
    pub(crate) threshold_value: Option<FiniteF64>,
    pub(crate) description: Option<String>,
    pub(crate) mitigation_actions: Option<Value>,
    pub(crate) detected_at: Option<DateTime<Utc>>,
    pub(crate) resolved_at: Option<DateTime<Utc>>,
}

impl NewRiskIndicatorBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `indicator_id`: SQL `varchar(100)`. Required.
    pub fn indicator_id(mut self, value: impl Into<String>) -> Self {
        self.indicator_id = Some(value.into());
        self
    }

    /// `indicator_name`: SQL `varchar(200)`. Required.
    pub fn indicator_name(mut self, value: impl Into<String>) -> Self {
        self.indicator_name = Some(value.into());
        self
    }

    /// `category`: SQL `varchar(50)`. Required.
    pub fn category(mut self, value: impl Into<String>) -> Self {
        self.category = Some(value.into());
        self
    }

    /// `severity`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn severity(mut self, value: RiskLevel) -> Self {
        self.severity = Some(value);
        self
    }

    /// `current_value`: Any finite number, in the indicator's own unit. SQL `double precision`. Required.
    pub fn current_value(mut self, value: FiniteF64) -> Self {
        self.current_value = Some(value);
        self
    }

    /// `threshold_value`: Any finite number, in the indicator's own unit. SQL `double precision`. Required.
    pub fn threshold_value(mut self, value: FiniteF64) -> Self {
        self.threshold_value = Some(value);
        self
    }

    /// `description`: SQL `text`. Required.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// `mitigation_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn mitigation_actions(mut self, value: Value) -> Self {
        self.mitigation_actions = Some(value);
        self
    }

    /// `detected_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn detected_at(mut self, value: DateTime<Utc>) -> Self {
        self.detected_at = Some(value);
        self
    }

    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn resolved_at(mut self, value: DateTime<Utc>) -> Self {
        self.resolved_at = Some(value);
        self
    }

    /// The row, once every required column (`client_id`, `indicator_id`, `indicator_name`, `category`, `severity`, `current_value`, `threshold_value`, `description`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewRiskIndicator> {
        Ok(NewRiskIndicator {
            client_id: crate::models::required(self.client_id, "client_id")?,
            indicator_id: crate::models::required(self.indicator_id, "indicator_id")?,
            indicator_name: crate::models::required(self.indicator_name, "indicator_name")?,
            category: crate::models::required(self.category, "category")?,
            severity: crate::models::required(self.severity, "severity")?,
            current_value: crate::models::required(self.current_value, "current_value")?,
            threshold_value: crate::models::required(self.threshold_value, "threshold_value")?,
            description: crate::models::required(self.description, "description")?,
            mitigation_actions: self.mitigation_actions,
            detected_at: self.detected_at,
            resolved_at: self.resolved_at,
        })
    }
}

/// Changes to a row of `risk_indicators`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = risk_indicators, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RiskIndicatorChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `indicator_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_id: Option<String>,
    /// `indicator_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_name: Option<String>,
    /// `category`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `severity`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<RiskLevel>,
    /// `current_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_value: Option<FiniteF64>,
    /// `threshold_value`: Any finite number, in the indicator's own unit. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_value: Option<FiniteF64>,
    /// `description`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `mitigation_actions`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation_actions: Option<Value>,
    /// `detected_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolved_at: Option<Option<DateTime<Utc>>>,
}

crate::crud::impl_crud!(
    RiskIndicator,
    NewRiskIndicator,
    RiskIndicatorChanges,
    risk_indicators,
    columns = 12,
    client = client_id
);

/// A row of `churn_predictions`.
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
#[diesel(table_name = churn_predictions, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct ChurnPrediction {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `prediction_date`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub prediction_date: DateTime<Utc>,
    /// `churn_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub churn_probability: Probability,
    /// `churn_risk_level`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    pub churn_risk_level: RiskLevel,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    pub confidence_score: Fraction,
    /// `contributing_factors`: Free-form: what drove the prediction (a JSON array). SQL `jsonb`, default `'[]'::jsonb`.
    pub contributing_factors: Value,
    /// `predicted_churn_date`: SQL `date`, nullable.
    pub predicted_churn_date: Option<NaiveDate>,
    /// `retention_recommendations`: Free-form: recommended retention actions (a JSON array). SQL `jsonb`, default `'[]'::jsonb`.
    pub retention_recommendations: Value,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`.
    pub model_version: String,
}

/// A new row of `churn_predictions`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewChurnPrediction::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = churn_predictions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewChurnPrediction {
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `prediction_date`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction_date: Option<DateTime<Utc>>,
    /// `churn_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    pub churn_probability: Probability,
    /// `churn_risk_level`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    pub churn_risk_level: RiskLevel,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    pub confidence_score: Fraction,
    /// `contributing_factors`: Free-form: what drove the prediction (a JSON array). SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_factors: Option<Value>,
    /// `predicted_churn_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_churn_date: Option<NaiveDate>,
    /// `retention_recommendations`: Free-form: recommended retention actions (a JSON array). SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_recommendations: Option<Value>,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
}

impl NewChurnPrediction {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        client_id: impl Into<String>,
        churn_probability: Probability,
        churn_risk_level: RiskLevel,
        confidence_score: Fraction,
    ) -> Self {
        NewChurnPrediction {
            client_id: client_id.into(),
            churn_probability,
            churn_risk_level,
            confidence_score,
            prediction_date: None,
            contributing_factors: None,
            predicted_churn_date: None,
            retention_recommendations: None,
            model_version: None,
        }
    }
}

impl NewChurnPrediction {
    /// Named-field construction: one setter per column, then [`build`](NewChurnPredictionBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewChurnPredictionBuilder {
        NewChurnPredictionBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewChurnPredictionBuilder {
        NewChurnPredictionBuilder {
            client_id: Some(self.client_id),
            prediction_date: self.prediction_date,
            churn_probability: Some(self.churn_probability),
            churn_risk_level: Some(self.churn_risk_level),
            confidence_score: Some(self.confidence_score),
            contributing_factors: self.contributing_factors,
            predicted_churn_date: self.predicted_churn_date,
            retention_recommendations: self.retention_recommendations,
            model_version: self.model_version,
        }
    }
}

/// Builds a [`NewChurnPrediction`] by naming every value; see [`NewChurnPrediction::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewChurnPredictionBuilder {
    pub(crate) client_id: Option<String>,
    pub(crate) prediction_date: Option<DateTime<Utc>>,
    pub(crate) churn_probability: Option<Probability>,
    pub(crate) churn_risk_level: Option<RiskLevel>,
    pub(crate) confidence_score: Option<Fraction>,
    pub(crate) contributing_factors: Option<Value>,
    pub(crate) predicted_churn_date: Option<NaiveDate>,
    pub(crate) retention_recommendations: Option<Value>,
    pub(crate) model_version: Option<String>,
}

impl NewChurnPredictionBuilder {
    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `prediction_date`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn prediction_date(mut self, value: DateTime<Utc>) -> Self {
        self.prediction_date = Some(value);
        self
    }

    /// `churn_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`. Required.
    pub fn churn_probability(mut self, value: Probability) -> Self {
        self.churn_probability = Some(value);
        self
    }

    /// `churn_risk_level`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn churn_risk_level(mut self, value: RiskLevel) -> Self {
        self.churn_risk_level = Some(value);
        self
    }

    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`. Required.
    pub fn confidence_score(mut self, value: Fraction) -> Self {
        self.confidence_score = Some(value);
        self
    }

    /// `contributing_factors`: Free-form: what drove the prediction (a JSON array). SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn contributing_factors(mut self, value: Value) -> Self {
        self.contributing_factors = Some(value);
        self
    }

    /// `predicted_churn_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn predicted_churn_date(mut self, value: NaiveDate) -> Self {
        self.predicted_churn_date = Some(value);
        self
    }

    /// `retention_recommendations`: Free-form: recommended retention actions (a JSON array). SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn retention_recommendations(mut self, value: Value) -> Self {
        self.retention_recommendations = Some(value);
        self
    }

    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`. Optional: unset, the database default applies.
    pub fn model_version(mut self, value: impl Into<String>) -> Self {
        self.model_version = Some(value.into());
        self
    }

    /// The row, once every required column (`client_id`, `churn_probability`, `churn_risk_level`, `confidence_score`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewChurnPrediction> {
        Ok(NewChurnPrediction {
            client_id: crate::models::required(self.client_id, "client_id")?,
            prediction_date: self.prediction_date,
            churn_probability: crate::models::required(
                self.churn_probability,
                "churn_probability",
            )?,
            churn_risk_level: crate::models::required(self.churn_risk_level, "churn_risk_level")?,
            confidence_score: crate::models::required(self.confidence_score, "confidence_score")?,
            contributing_factors: self.contributing_factors,
            predicted_churn_date: self.predicted_churn_date,
            retention_recommendations: self.retention_recommendations,
            model_version: self.model_version,
        })
    }
}

/// Changes to a row of `churn_predictions`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = churn_predictions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ChurnPredictionChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `prediction_date`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction_date: Option<DateTime<Utc>>,
    /// `churn_probability`: A probability from 0 to 1 (0.8 means 80 %). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub churn_probability: Option<Probability>,
    /// `churn_risk_level`: One of [`RiskLevel`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub churn_risk_level: Option<RiskLevel>,
    /// `confidence_score`: Confidence in the estimate, a fraction from 0 (none) to 1 (certain). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `contributing_factors`: Free-form: what drove the prediction (a JSON array). SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_factors: Option<Value>,
    /// `predicted_churn_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub predicted_churn_date: Option<Option<NaiveDate>>,
    /// `retention_recommendations`: Free-form: recommended retention actions (a JSON array). SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_recommendations: Option<Value>,
    /// `model_version`: SQL `varchar(20)`, default `'v1.0.0'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_version: Option<String>,
}

crate::crud::impl_crud!(
    ChurnPrediction,
    NewChurnPrediction,
    ChurnPredictionChanges,
    churn_predictions,
    columns = 10,
    client = client_id
);
