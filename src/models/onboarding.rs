//! Onboarding tables: plans, milestones, training modules and completions.
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

/// A row of `onboarding_plans`.
///
/// Identified by its business key `plan_id` (what foreign keys reference); `id` is the SQL primary key.
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
#[diesel(table_name = onboarding_plans, check_for_backend(diesel::pg::Pg))]
#[diesel(primary_key(plan_id))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct OnboardingPlan {
    /// `id`: bigint.
    pub id: i64,
    /// `plan_id`: varchar(100).
    pub plan_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `plan_name`: varchar(200).
    pub plan_name: String,
    /// `product_tier`: varchar(50).
    pub product_tier: String,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `target_completion_date`: date.
    pub target_completion_date: NaiveDate,
    /// `actual_completion_date`: date, nullable.
    pub actual_completion_date: Option<NaiveDate>,
    /// `timeline_weeks`: integer.
    pub timeline_weeks: Count,
    /// `customer_goals`: jsonb.
    pub customer_goals: Value,
    /// `success_criteria`: jsonb.
    pub success_criteria: Value,
    /// `total_estimated_hours`: integer, default `0`.
    pub total_estimated_hours: Count,
    /// `assigned_csm`: varchar(200), nullable.
    pub assigned_csm: Option<String>,
    /// `assigned_implementation_team`: jsonb, default `'[]'::jsonb`.
    pub assigned_implementation_team: StringList,
    /// `status`: varchar(20), default `'draft'`.
    pub status: OnboardingStatus,
    /// `completion_percentage`: double precision, default `0.0`.
    pub completion_percentage: Percentage,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `onboarding_plans`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = onboarding_plans, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewOnboardingPlan {
    /// `plan_id`: varchar(100).
    pub plan_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `plan_name`: varchar(200).
    pub plan_name: String,
    /// `product_tier`: varchar(50).
    pub product_tier: String,
    /// `start_date`: date.
    pub start_date: NaiveDate,
    /// `target_completion_date`: date.
    pub target_completion_date: NaiveDate,
    /// `actual_completion_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_completion_date: Option<NaiveDate>,
    /// `timeline_weeks`: integer.
    pub timeline_weeks: Count,
    /// `customer_goals`: jsonb.
    pub customer_goals: Value,
    /// `success_criteria`: jsonb.
    pub success_criteria: Value,
    /// `total_estimated_hours`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_estimated_hours: Option<Count>,
    /// `assigned_csm`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_csm: Option<String>,
    /// `assigned_implementation_team`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_implementation_team: Option<StringList>,
    /// `status`: varchar(20), default `'draft'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OnboardingStatus>,
    /// `completion_percentage`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewOnboardingPlan {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        plan_id: impl Into<String>,
        client_id: impl Into<String>,
        plan_name: impl Into<String>,
        product_tier: impl Into<String>,
        start_date: NaiveDate,
        target_completion_date: NaiveDate,
        timeline_weeks: Count,
        customer_goals: Value,
        success_criteria: Value,
    ) -> Self {
        NewOnboardingPlan {
            plan_id: plan_id.into(),
            client_id: client_id.into(),
            plan_name: plan_name.into(),
            product_tier: product_tier.into(),
            start_date,
            target_completion_date,
            timeline_weeks,
            customer_goals,
            success_criteria,
            actual_completion_date: None,
            total_estimated_hours: None,
            assigned_csm: None,
            assigned_implementation_team: None,
            status: None,
            completion_percentage: None,
            created_at: None,
            updated_at: None,
        }
    }
}

/// Changes to a row of `onboarding_plans`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = onboarding_plans, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct OnboardingPlanChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `plan_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_name: Option<String>,
    /// `product_tier`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier: Option<String>,
    /// `start_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `target_completion_date`: date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_completion_date: Option<NaiveDate>,
    /// `actual_completion_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub actual_completion_date: Option<Option<NaiveDate>>,
    /// `timeline_weeks`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_weeks: Option<Count>,
    /// `customer_goals`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_goals: Option<Value>,
    /// `success_criteria`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `total_estimated_hours`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_estimated_hours: Option<Count>,
    /// `assigned_csm`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_csm: Option<Option<String>>,
    /// `assigned_implementation_team`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_implementation_team: Option<StringList>,
    /// `status`: varchar(20), default `'draft'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OnboardingStatus>,
    /// `completion_percentage`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
}

crate::crud::impl_crud!(
    OnboardingPlan,
    NewOnboardingPlan,
    OnboardingPlanChanges,
    onboarding_plans,
    columns = 18,
    key = plan_id,
    client = client_id
);

/// A row of `onboarding_milestones`.
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
#[diesel(table_name = onboarding_milestones, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(OnboardingPlan, foreign_key = plan_id))]
pub struct OnboardingMilestone {
    /// `id`: bigint.
    pub id: i64,
    /// `milestone_id`: varchar(100).
    pub milestone_id: String,
    /// `plan_id`: varchar(100).
    pub plan_id: String,
    /// `name`: varchar(200).
    pub name: String,
    /// `description`: text.
    pub description: String,
    /// `week`: integer.
    pub week: Count,
    /// `sequence_order`: integer.
    pub sequence_order: Count,
    /// `tasks`: jsonb.
    pub tasks: Value,
    /// `success_criteria`: jsonb, default `'[]'::jsonb`.
    pub success_criteria: Value,
    /// `dependencies`: jsonb, default `'[]'::jsonb`.
    pub dependencies: StringList,
    /// `estimated_hours`: integer.
    pub estimated_hours: Count,
    /// `actual_hours`: integer, nullable.
    pub actual_hours: Option<Count>,
    /// `assigned_to`: varchar(200), nullable.
    pub assigned_to: Option<String>,
    /// `due_date`: date, nullable.
    pub due_date: Option<NaiveDate>,
    /// `completion_date`: date, nullable.
    pub completion_date: Option<NaiveDate>,
    /// `status`: varchar(20), default `'not_started'`.
    pub status: MilestoneStatus,
    /// `completion_percentage`: double precision, default `0.0`.
    pub completion_percentage: Percentage,
    /// `blockers`: jsonb, default `'[]'::jsonb`.
    pub blockers: Value,
}

/// A new row of `onboarding_milestones`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = onboarding_milestones, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewOnboardingMilestone {
    /// `milestone_id`: varchar(100).
    pub milestone_id: String,
    /// `plan_id`: varchar(100).
    pub plan_id: String,
    /// `name`: varchar(200).
    pub name: String,
    /// `description`: text.
    pub description: String,
    /// `week`: integer.
    pub week: Count,
    /// `sequence_order`: integer.
    pub sequence_order: Count,
    /// `tasks`: jsonb.
    pub tasks: Value,
    /// `success_criteria`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `dependencies`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<StringList>,
    /// `estimated_hours`: integer.
    pub estimated_hours: Count,
    /// `actual_hours`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_hours: Option<Count>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `due_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// `completion_date`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<NaiveDate>,
    /// `status`: varchar(20), default `'not_started'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MilestoneStatus>,
    /// `completion_percentage`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `blockers`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
}

impl NewOnboardingMilestone {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        milestone_id: impl Into<String>,
        plan_id: impl Into<String>,
        name: impl Into<String>,
        description: impl Into<String>,
        week: Count,
        sequence_order: Count,
        tasks: Value,
        estimated_hours: Count,
    ) -> Self {
        NewOnboardingMilestone {
            milestone_id: milestone_id.into(),
            plan_id: plan_id.into(),
            name: name.into(),
            description: description.into(),
            week,
            sequence_order,
            tasks,
            estimated_hours,
            success_criteria: None,
            dependencies: None,
            actual_hours: None,
            assigned_to: None,
            due_date: None,
            completion_date: None,
            status: None,
            completion_percentage: None,
            blockers: None,
        }
    }
}

/// Changes to a row of `onboarding_milestones`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = onboarding_milestones, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct OnboardingMilestoneChanges {
    /// `milestone_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_id: Option<String>,
    /// `plan_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    /// `name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `week`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<Count>,
    /// `sequence_order`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_order: Option<Count>,
    /// `tasks`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Value>,
    /// `success_criteria`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `dependencies`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<StringList>,
    /// `estimated_hours`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_hours: Option<Count>,
    /// `actual_hours`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub actual_hours: Option<Option<Count>>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `due_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub due_date: Option<Option<NaiveDate>>,
    /// `completion_date`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub completion_date: Option<Option<NaiveDate>>,
    /// `status`: varchar(20), default `'not_started'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MilestoneStatus>,
    /// `completion_percentage`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `blockers`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
}

crate::crud::impl_crud!(
    OnboardingMilestone,
    NewOnboardingMilestone,
    OnboardingMilestoneChanges,
    onboarding_milestones,
    columns = 18
);

/// A row of `training_modules`.
///
/// Identified by its business key `module_id` (what foreign keys reference); `id` is the SQL primary key.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[diesel(primary_key(module_id))]
pub struct TrainingModule {
    /// `id`: bigint.
    pub id: i64,
    /// `module_id`: varchar(100).
    pub module_id: String,
    /// `module_name`: varchar(200).
    pub module_name: String,
    /// `module_description`: text.
    pub module_description: String,
    /// `format`: varchar(50).
    pub format: TrainingFormat,
    /// `certification_level`: varchar(50), default `'basic'`.
    pub certification_level: CertificationLevel,
    /// `duration_minutes`: integer.
    pub duration_minutes: Count,
    /// `content_url`: varchar(500), nullable.
    pub content_url: Option<String>,
    /// `prerequisites`: jsonb, default `'[]'::jsonb`.
    pub prerequisites: StringList,
    /// `learning_objectives`: jsonb.
    pub learning_objectives: StringList,
    /// `topics_covered`: jsonb.
    pub topics_covered: StringList,
    /// `assessment_required`: boolean, default `true`.
    pub assessment_required: bool,
    /// `passing_score`: double precision, default `0.75`.
    pub passing_score: Percentage,
    /// `certification_awarded`: varchar(200), nullable.
    pub certification_awarded: Option<String>,
    /// `max_attempts`: integer, default `3`.
    pub max_attempts: Count,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `training_modules`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTrainingModule {
    /// `module_id`: varchar(100).
    pub module_id: String,
    /// `module_name`: varchar(200).
    pub module_name: String,
    /// `module_description`: text.
    pub module_description: String,
    /// `format`: varchar(50).
    pub format: TrainingFormat,
    /// `certification_level`: varchar(50), default `'basic'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_level: Option<CertificationLevel>,
    /// `duration_minutes`: integer.
    pub duration_minutes: Count,
    /// `content_url`: varchar(500), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_url: Option<String>,
    /// `prerequisites`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<StringList>,
    /// `learning_objectives`: jsonb.
    pub learning_objectives: StringList,
    /// `topics_covered`: jsonb.
    pub topics_covered: StringList,
    /// `assessment_required`: boolean, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_required: Option<bool>,
    /// `passing_score`: double precision, default `0.75`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passing_score: Option<Percentage>,
    /// `certification_awarded`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_awarded: Option<String>,
    /// `max_attempts`: integer, default `3`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<Count>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewTrainingModule {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        module_id: impl Into<String>,
        module_name: impl Into<String>,
        module_description: impl Into<String>,
        format: TrainingFormat,
        duration_minutes: Count,
        learning_objectives: StringList,
        topics_covered: StringList,
    ) -> Self {
        NewTrainingModule {
            module_id: module_id.into(),
            module_name: module_name.into(),
            module_description: module_description.into(),
            format,
            duration_minutes,
            learning_objectives,
            topics_covered,
            certification_level: None,
            content_url: None,
            prerequisites: None,
            assessment_required: None,
            passing_score: None,
            certification_awarded: None,
            max_attempts: None,
            created_at: None,
            updated_at: None,
        }
    }
}

/// Changes to a row of `training_modules`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TrainingModuleChanges {
    /// `module_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_name: Option<String>,
    /// `module_description`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_description: Option<String>,
    /// `format`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TrainingFormat>,
    /// `certification_level`: varchar(50), default `'basic'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_level: Option<CertificationLevel>,
    /// `duration_minutes`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<Count>,
    /// `content_url`: varchar(500), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub content_url: Option<Option<String>>,
    /// `prerequisites`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<StringList>,
    /// `learning_objectives`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_objectives: Option<StringList>,
    /// `topics_covered`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics_covered: Option<StringList>,
    /// `assessment_required`: boolean, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_required: Option<bool>,
    /// `passing_score`: double precision, default `0.75`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passing_score: Option<Percentage>,
    /// `certification_awarded`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub certification_awarded: Option<Option<String>>,
    /// `max_attempts`: integer, default `3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<Count>,
}

crate::crud::impl_crud!(
    TrainingModule,
    NewTrainingModule,
    TrainingModuleChanges,
    training_modules,
    columns = 17,
    key = module_id
);

/// A row of `training_completions`.
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
#[diesel(table_name = training_completions, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(TrainingModule, foreign_key = module_id))]
pub struct TrainingCompletion {
    /// `id`: bigint.
    pub id: i64,
    /// `completion_id`: varchar(100).
    pub completion_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `module_id`: varchar(100).
    pub module_id: String,
    /// `user_email`: varchar(255).
    pub user_email: String,
    /// `user_name`: varchar(200).
    pub user_name: String,
    /// `started_at`: timestamptz.
    pub started_at: DateTime<Utc>,
    /// `completed_at`: timestamptz, nullable.
    pub completed_at: Option<DateTime<Utc>>,
    /// `time_spent_minutes`: integer, default `0`.
    pub time_spent_minutes: Count,
    /// `assessment_score`: double precision, nullable.
    pub assessment_score: Option<Percentage>,
    /// `attempts_used`: integer, default `0`.
    pub attempts_used: Count,
    /// `passed`: boolean, default `false`.
    pub passed: bool,
    /// `certification_issued`: boolean, default `false`.
    pub certification_issued: bool,
    /// `certification_id`: varchar(100), nullable.
    pub certification_id: Option<String>,
    /// `feedback_rating`: double precision, nullable.
    pub feedback_rating: Option<Rating>,
    /// `feedback_comments`: text, nullable.
    pub feedback_comments: Option<String>,
}

/// A new row of `training_completions`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = training_completions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTrainingCompletion {
    /// `completion_id`: varchar(100).
    pub completion_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `module_id`: varchar(100).
    pub module_id: String,
    /// `user_email`: varchar(255).
    pub user_email: String,
    /// `user_name`: varchar(200).
    pub user_name: String,
    /// `started_at`: timestamptz.
    pub started_at: DateTime<Utc>,
    /// `completed_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// `time_spent_minutes`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_minutes: Option<Count>,
    /// `assessment_score`: double precision, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_score: Option<Percentage>,
    /// `attempts_used`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_used: Option<Count>,
    /// `passed`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// `certification_issued`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_issued: Option<bool>,
    /// `certification_id`: varchar(100), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_id: Option<String>,
    /// `feedback_rating`: double precision, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_rating: Option<Rating>,
    /// `feedback_comments`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_comments: Option<String>,
}

impl NewTrainingCompletion {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        completion_id: impl Into<String>,
        client_id: impl Into<String>,
        module_id: impl Into<String>,
        user_email: impl Into<String>,
        user_name: impl Into<String>,
        started_at: DateTime<Utc>,
    ) -> Self {
        NewTrainingCompletion {
            completion_id: completion_id.into(),
            client_id: client_id.into(),
            module_id: module_id.into(),
            user_email: user_email.into(),
            user_name: user_name.into(),
            started_at,
            completed_at: None,
            time_spent_minutes: None,
            assessment_score: None,
            attempts_used: None,
            passed: None,
            certification_issued: None,
            certification_id: None,
            feedback_rating: None,
            feedback_comments: None,
        }
    }
}

/// Changes to a row of `training_completions`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = training_completions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TrainingCompletionChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `module_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_id: Option<String>,
    /// `user_email`: varchar(255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<String>,
    /// `user_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// `started_at`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    /// `completed_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub completed_at: Option<Option<DateTime<Utc>>>,
    /// `time_spent_minutes`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_minutes: Option<Count>,
    /// `assessment_score`: double precision, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assessment_score: Option<Option<Percentage>>,
    /// `attempts_used`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_used: Option<Count>,
    /// `passed`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// `certification_issued`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_issued: Option<bool>,
    /// `certification_id`: varchar(100), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub certification_id: Option<Option<String>>,
    /// `feedback_rating`: double precision, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub feedback_rating: Option<Option<Rating>>,
    /// `feedback_comments`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub feedback_comments: Option<Option<String>>,
}

crate::crud::impl_crud!(
    TrainingCompletion,
    NewTrainingCompletion,
    TrainingCompletionChanges,
    training_completions,
    columns = 16,
    key = completion_id,
    client = client_id
);
