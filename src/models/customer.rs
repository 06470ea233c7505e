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
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `client_name`: varchar(200).
    pub client_name: String,
    /// `company_name`: varchar(200).
    pub company_name: String,
    /// `industry`: varchar(100), default `'Technology'`.
    pub industry: String,
    /// `tier`: varchar(50), default `'standard'`.
    pub tier: CustomerTier,
    /// `lifecycle_stage`: varchar(50), default `'onboarding'`.
    pub lifecycle_stage: LifecycleStage,
    /// `contract_value`: numeric(14,2), default `0`.
    pub contract_value: Money,
    /// `contract_start_date`: date.
    pub contract_start_date: NaiveDate,
    /// `contract_end_date`: date, nullable.
    pub contract_end_date: Option<NaiveDate>,
    /// `renewal_date`: date, nullable.
    pub renewal_date: Option<NaiveDate>,
    /// `primary_contact_email`: varchar(255), nullable.
    pub primary_contact_email: Option<String>,
    /// `primary_contact_name`: varchar(200), nullable.
    pub primary_contact_name: Option<String>,
    /// `csm_assigned`: varchar(200), nullable.
    pub csm_assigned: Option<String>,
    /// `health_score`: integer, default `50`. Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given.
    pub health_score: HealthScore,
    /// `health_trend`: varchar(20), default `'stable'`.
    pub health_trend: HealthTrend,
    /// `last_engagement_date`: timestamptz, nullable.
    pub last_engagement_date: Option<DateTime<Utc>>,
    /// `status`: varchar(20), default `'active'`.
    pub status: CustomerStatus,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `customers`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customers, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomer {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `client_name`: varchar(200).
    pub client_name: String,
    /// `company_name`: varchar(200).
    pub company_name: String,
    /// `industry`: varchar(100), default `'Technology'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `tier`: varchar(50), default `'standard'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// `lifecycle_stage`: varchar(50), default `'onboarding'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_stage: Option<LifecycleStage>,
    /// `contract_value`: numeric(14,2), default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `contract_start_date`: date.
    pub contract_start_date: NaiveDate,
    /// `contract_end_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_end_date: Option<NaiveDate>,
    /// `renewal_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_date: Option<NaiveDate>,
    /// `primary_contact_email`: varchar(255), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_email: Option<String>,
    /// `primary_contact_name`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact_name: Option<String>,
    /// `csm_assigned`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csm_assigned: Option<String>,
    /// `health_score`: integer, default `50`. Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `health_trend`: varchar(20), default `'stable'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_trend: Option<HealthTrend>,
    /// `last_engagement_date`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_engagement_date: Option<DateTime<Utc>>,
    /// `status`: varchar(20), default `'active'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CustomerStatus>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
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

/// Changes to a row of `customers`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customers, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerChanges {
    /// `client_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// `company_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// `industry`: varchar(100), default `'Technology'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// `tier`: varchar(50), default `'standard'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// `lifecycle_stage`: varchar(50), default `'onboarding'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle_stage: Option<LifecycleStage>,
    /// `contract_value`: numeric(14,2), default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_value: Option<Money>,
    /// `contract_start_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_start_date: Option<NaiveDate>,
    /// `contract_end_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub contract_end_date: Option<Option<NaiveDate>>,
    /// `renewal_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub renewal_date: Option<Option<NaiveDate>>,
    /// `primary_contact_email`: varchar(255), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub primary_contact_email: Option<Option<String>>,
    /// `primary_contact_name`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub primary_contact_name: Option<Option<String>>,
    /// `csm_assigned`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub csm_assigned: Option<Option<String>>,
    /// `health_score`: integer, default `50`. Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_score: Option<HealthScore>,
    /// `health_trend`: varchar(20), default `'stable'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_trend: Option<HealthTrend>,
    /// `last_engagement_date`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub last_engagement_date: Option<Option<DateTime<Utc>>>,
    /// `status`: varchar(20), default `'active'`.
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
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `usage_score`: double precision.
    pub usage_score: ComponentScore,
    /// `engagement_score`: double precision.
    pub engagement_score: ComponentScore,
    /// `support_score`: double precision.
    pub support_score: ComponentScore,
    /// `satisfaction_score`: double precision.
    pub satisfaction_score: ComponentScore,
    /// `payment_score`: double precision.
    pub payment_score: ComponentScore,
    /// `usage_weight`: double precision, default `0.35`.
    pub usage_weight: Fraction,
    /// `engagement_weight`: double precision, default `0.25`.
    pub engagement_weight: Fraction,
    /// `support_weight`: double precision, default `0.15`.
    pub support_weight: Fraction,
    /// `satisfaction_weight`: double precision, default `0.15`.
    pub satisfaction_weight: Fraction,
    /// `payment_weight`: double precision, default `0.10`.
    pub payment_weight: Fraction,
    /// `overall_score`: double precision, nullable.
    pub overall_score: Option<ComponentScore>,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `health_scores`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// Built with [`NewHealthScoreRecord::new`], which derives `engagement_score`, `engagement_weight`, `overall_score`, `payment_score`, `payment_weight`, `satisfaction_score`, `satisfaction_weight`, `support_score`, `support_weight`, `usage_score`, `usage_weight`.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize)]
#[diesel(table_name = health_scores, check_for_backend(diesel::pg::Pg))]
pub struct NewHealthScoreRecord {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `usage_score`: double precision. Derived by the constructor.
    pub(crate) usage_score: ComponentScore,
    /// `engagement_score`: double precision. Derived by the constructor.
    pub(crate) engagement_score: ComponentScore,
    /// `support_score`: double precision. Derived by the constructor.
    pub(crate) support_score: ComponentScore,
    /// `satisfaction_score`: double precision. Derived by the constructor.
    pub(crate) satisfaction_score: ComponentScore,
    /// `payment_score`: double precision. Derived by the constructor.
    pub(crate) payment_score: ComponentScore,
    /// `usage_weight`: double precision, default `0.35`. `None`: the database default. Derived by the constructor.
    pub(crate) usage_weight: Option<Fraction>,
    /// `engagement_weight`: double precision, default `0.25`. `None`: the database default. Derived by the constructor.
    pub(crate) engagement_weight: Option<Fraction>,
    /// `support_weight`: double precision, default `0.15`. `None`: the database default. Derived by the constructor.
    pub(crate) support_weight: Option<Fraction>,
    /// `satisfaction_weight`: double precision, default `0.15`. `None`: the database default. Derived by the constructor.
    pub(crate) satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: double precision, default `0.10`. `None`: the database default. Derived by the constructor.
    pub(crate) payment_weight: Option<Fraction>,
    /// `overall_score`: double precision, nullable. Derived by the constructor.
    pub(crate) overall_score: Option<ComponentScore>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
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
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `usage_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) usage_score: Option<ComponentScore>,
    /// `engagement_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) engagement_score: Option<ComponentScore>,
    /// `support_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) support_score: Option<ComponentScore>,
    /// `satisfaction_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) satisfaction_score: Option<ComponentScore>,
    /// `payment_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) payment_score: Option<ComponentScore>,
    /// `usage_weight`: double precision, default `0.35`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) usage_weight: Option<Fraction>,
    /// `engagement_weight`: double precision, default `0.25`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) engagement_weight: Option<Fraction>,
    /// `support_weight`: double precision, default `0.15`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) support_weight: Option<Fraction>,
    /// `satisfaction_weight`: double precision, default `0.15`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: double precision, default `0.10`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) payment_weight: Option<Fraction>,
    /// `overall_score`: double precision, nullable.
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
    /// `client_id`: varchar(100).
    #[serde(default)]
    pub client_id: Option<String>,
    /// `usage_score`: double precision.
    #[serde(default)]
    pub usage_score: Option<ComponentScore>,
    /// `engagement_score`: double precision.
    #[serde(default)]
    pub engagement_score: Option<ComponentScore>,
    /// `support_score`: double precision.
    #[serde(default)]
    pub support_score: Option<ComponentScore>,
    /// `satisfaction_score`: double precision.
    #[serde(default)]
    pub satisfaction_score: Option<ComponentScore>,
    /// `payment_score`: double precision.
    #[serde(default)]
    pub payment_score: Option<ComponentScore>,
    /// `usage_weight`: double precision, default `0.35`.
    #[serde(default)]
    pub usage_weight: Option<Fraction>,
    /// `engagement_weight`: double precision, default `0.25`.
    #[serde(default)]
    pub engagement_weight: Option<Fraction>,
    /// `support_weight`: double precision, default `0.15`.
    #[serde(default)]
    pub support_weight: Option<Fraction>,
    /// `satisfaction_weight`: double precision, default `0.15`.
    #[serde(default)]
    pub satisfaction_weight: Option<Fraction>,
    /// `payment_weight`: double precision, default `0.10`.
    #[serde(default)]
    pub payment_weight: Option<Fraction>,
    /// `overall_score`: double precision, nullable.
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
    /// `id`: bigint.
    pub id: i64,
    /// `segment_id`: varchar(100).
    pub segment_id: String,
    /// `segment_name`: varchar(200).
    pub segment_name: String,
    /// `segment_type`: varchar(50).
    pub segment_type: String,
    /// `criteria`: jsonb.
    pub criteria: Value,
    /// `characteristics`: jsonb, default `'{}'::jsonb`.
    pub characteristics: Value,
    /// `engagement_strategy`: jsonb, default `'{}'::jsonb`.
    pub engagement_strategy: Value,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`.
    pub success_metrics: Value,
    /// `customer_count`: integer, default `0`.
    pub customer_count: Count,
    /// `total_arr`: numeric(14,2), default `0`.
    pub total_arr: Money,
    /// `avg_health_score`: double precision, default `50.0`.
    pub avg_health_score: ComponentScore,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `customer_segments`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customer_segments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomerSegment {
    /// `segment_id`: varchar(100).
    pub segment_id: String,
    /// `segment_name`: varchar(200).
    pub segment_name: String,
    /// `segment_type`: varchar(50).
    pub segment_type: String,
    /// `criteria`: jsonb.
    pub criteria: Value,
    /// `characteristics`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characteristics: Option<Value>,
    /// `engagement_strategy`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_strategy: Option<Value>,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `customer_count`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_count: Option<Count>,
    /// `total_arr`: numeric(14,2), default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr: Option<Money>,
    /// `avg_health_score`: double precision, default `50.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_health_score: Option<ComponentScore>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
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

/// Changes to a row of `customer_segments`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customer_segments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerSegmentChanges {
    /// `segment_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_name: Option<String>,
    /// `segment_type`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_type: Option<String>,
    /// `criteria`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Value>,
    /// `characteristics`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub characteristics: Option<Value>,
    /// `engagement_strategy`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_strategy: Option<Value>,
    /// `success_metrics`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_metrics: Option<Value>,
    /// `customer_count`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_count: Option<Count>,
    /// `total_arr`: numeric(14,2), default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_arr: Option<Money>,
    /// `avg_health_score`: double precision, default `50.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_health_score: Option<ComponentScore>,
}

crate::crud::impl_crud!(
    CustomerSegment,
    NewCustomerSegment,
    CustomerSegmentChanges,
    customer_segments,
    columns = 13,
    key = segment_id
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
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `indicator_id`: varchar(100).
    pub indicator_id: String,
    /// `indicator_name`: varchar(200).
    pub indicator_name: String,
    /// `category`: varchar(50).
    pub category: String,
    /// `severity`: varchar(20).
    pub severity: RiskLevel,
    /// `current_value`: double precision.
    pub current_value: FiniteF64,
    /// `threshold_value`: double precision.
    pub threshold_value: FiniteF64,
    /// `description`: text.
    pub description: String,
    /// `mitigation_actions`: jsonb, default `'[]'::jsonb`.
    pub mitigation_actions: Value,
    /// `detected_at`: timestamptz, default `now()`.
    pub detected_at: DateTime<Utc>,
    /// `resolved_at`: timestamptz, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// A new row of `risk_indicators`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = risk_indicators, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewRiskIndicator {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `indicator_id`: varchar(100).
    pub indicator_id: String,
    /// `indicator_name`: varchar(200).
    pub indicator_name: String,
    /// `category`: varchar(50).
    pub category: String,
    /// `severity`: varchar(20).
    pub severity: RiskLevel,
    /// `current_value`: double precision.
    pub current_value: FiniteF64,
    /// `threshold_value`: double precision.
    pub threshold_value: FiniteF64,
    /// `description`: text.
    pub description: String,
    /// `mitigation_actions`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation_actions: Option<Value>,
    /// `detected_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl NewRiskIndicator {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `risk_indicators`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = risk_indicators, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct RiskIndicatorChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `indicator_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_id: Option<String>,
    /// `indicator_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator_name: Option<String>,
    /// `category`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `severity`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<RiskLevel>,
    /// `current_value`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_value: Option<FiniteF64>,
    /// `threshold_value`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_value: Option<FiniteF64>,
    /// `description`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `mitigation_actions`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation_actions: Option<Value>,
    /// `detected_at`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detected_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
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
    /// `id`: bigint.
    pub id: i64,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `prediction_date`: timestamptz, default `now()`.
    pub prediction_date: DateTime<Utc>,
    /// `churn_probability`: double precision.
    pub churn_probability: Probability,
    /// `churn_risk_level`: varchar(20).
    pub churn_risk_level: RiskLevel,
    /// `confidence_score`: double precision.
    pub confidence_score: Fraction,
    /// `contributing_factors`: jsonb, default `'[]'::jsonb`.
    pub contributing_factors: Value,
    /// `predicted_churn_date`: date, nullable.
    pub predicted_churn_date: Option<NaiveDate>,
    /// `retention_recommendations`: jsonb, default `'[]'::jsonb`.
    pub retention_recommendations: Value,
    /// `model_version`: varchar(20), default `'v1.0.0'`.
    pub model_version: String,
}

/// A new row of `churn_predictions`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = churn_predictions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewChurnPrediction {
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `prediction_date`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction_date: Option<DateTime<Utc>>,
    /// `churn_probability`: double precision.
    pub churn_probability: Probability,
    /// `churn_risk_level`: varchar(20).
    pub churn_risk_level: RiskLevel,
    /// `confidence_score`: double precision.
    pub confidence_score: Fraction,
    /// `contributing_factors`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_factors: Option<Value>,
    /// `predicted_churn_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicted_churn_date: Option<NaiveDate>,
    /// `retention_recommendations`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_recommendations: Option<Value>,
    /// `model_version`: varchar(20), default `'v1.0.0'`. `None`: the database default.
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

/// Changes to a row of `churn_predictions`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = churn_predictions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct ChurnPredictionChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `prediction_date`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction_date: Option<DateTime<Utc>>,
    /// `churn_probability`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub churn_probability: Option<Probability>,
    /// `churn_risk_level`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub churn_risk_level: Option<RiskLevel>,
    /// `confidence_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_score: Option<Fraction>,
    /// `contributing_factors`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_factors: Option<Value>,
    /// `predicted_churn_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub predicted_churn_date: Option<Option<NaiveDate>>,
    /// `retention_recommendations`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_recommendations: Option<Value>,
    /// `model_version`: varchar(20), default `'v1.0.0'`.
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
