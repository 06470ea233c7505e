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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `plan_id`: SQL `varchar(100)`.
    pub plan_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `plan_name`: SQL `varchar(200)`.
    pub plan_name: String,
    /// `product_tier`: SQL `varchar(50)`.
    pub product_tier: String,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `target_completion_date`: SQL `date`.
    pub target_completion_date: NaiveDate,
    /// `actual_completion_date`: SQL `date`, nullable.
    pub actual_completion_date: Option<NaiveDate>,
    /// `timeline_weeks`: Whole weeks, 0 or more. SQL `integer`.
    pub timeline_weeks: Count,
    /// `customer_goals`: The customer's stated success goals: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    pub customer_goals: Value,
    /// `success_criteria`: Measurable criteria for completing the plan: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    pub success_criteria: Value,
    /// `total_estimated_hours`: Whole hours, 0 or more. SQL `integer`, default `0`.
    pub total_estimated_hours: Count,
    /// `assigned_csm`: SQL `varchar(200)`, nullable.
    pub assigned_csm: Option<String>,
    /// `assigned_implementation_team`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub assigned_implementation_team: StringList,
    /// `status`: One of [`OnboardingStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`.
    pub status: OnboardingStatus,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
    pub completion_percentage: Percentage,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `onboarding_plans`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewOnboardingPlan::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = onboarding_plans, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewOnboardingPlan {
    /// `plan_id`: SQL `varchar(100)`.
    pub plan_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `plan_name`: SQL `varchar(200)`.
    pub plan_name: String,
    /// `product_tier`: SQL `varchar(50)`.
    pub product_tier: String,
    /// `start_date`: SQL `date`.
    pub start_date: NaiveDate,
    /// `target_completion_date`: SQL `date`.
    pub target_completion_date: NaiveDate,
    /// `actual_completion_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_completion_date: Option<NaiveDate>,
    /// `timeline_weeks`: Whole weeks, 0 or more. SQL `integer`.
    pub timeline_weeks: Count,
    /// `customer_goals`: The customer's stated success goals: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    pub customer_goals: Value,
    /// `success_criteria`: Measurable criteria for completing the plan: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    pub success_criteria: Value,
    /// `total_estimated_hours`: Whole hours, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_estimated_hours: Option<Count>,
    /// `assigned_csm`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_csm: Option<String>,
    /// `assigned_implementation_team`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_implementation_team: Option<StringList>,
    /// `status`: One of [`OnboardingStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OnboardingStatus>,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewOnboardingPlan {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewOnboardingPlan::builder`]: with 9 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewOnboardingPlan {
    /// Named-field construction: one setter per column, then [`build`](NewOnboardingPlanBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewOnboardingPlanBuilder {
        NewOnboardingPlanBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewOnboardingPlanBuilder {
        NewOnboardingPlanBuilder {
            plan_id: Some(self.plan_id),
            client_id: Some(self.client_id),
            plan_name: Some(self.plan_name),
            product_tier: Some(self.product_tier),
            start_date: Some(self.start_date),
            target_completion_date: Some(self.target_completion_date),
            actual_completion_date: self.actual_completion_date,
            timeline_weeks: Some(self.timeline_weeks),
            customer_goals: Some(self.customer_goals),
            success_criteria: Some(self.success_criteria),
            total_estimated_hours: self.total_estimated_hours,
            assigned_csm: self.assigned_csm,
            assigned_implementation_team: self.assigned_implementation_team,
            status: self.status,
            completion_percentage: self.completion_percentage,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewOnboardingPlan`] by naming every value; see [`NewOnboardingPlan::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewOnboardingPlanBuilder {
    pub(crate) plan_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) plan_name: Option<String>,
    pub(crate) product_tier: Option<String>,
    pub(crate) start_date: Option<NaiveDate>,
    pub(crate) target_completion_date: Option<NaiveDate>,
    pub(crate) actual_completion_date: Option<NaiveDate>,
    pub(crate) timeline_weeks: Option<Count>,
    pub(crate) customer_goals: Option<Value>,
    pub(crate) success_criteria: Option<Value>,
    pub(crate) total_estimated_hours: Option<Count>,
    pub(crate) assigned_csm: Option<String>,
    pub(crate) assigned_implementation_team: Option<StringList>,
    pub(crate) status: Option<OnboardingStatus>,
    pub(crate) completion_percentage: Option<Percentage>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewOnboardingPlanBuilder {
    /// `plan_id`: SQL `varchar(100)`. Required.
    pub fn plan_id(mut self, value: impl Into<String>) -> Self {
        self.plan_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `plan_name`: SQL `varchar(200)`. Required.
    pub fn plan_name(mut self, value: impl Into<String>) -> Self {
        self.plan_name = Some(value.into());
        self
    }

    /// `product_tier`: SQL `varchar(50)`. Required.
    pub fn product_tier(mut self, value: impl Into<String>) -> Self {
        self.product_tier = Some(value.into());
        self
    }

    /// `start_date`: SQL `date`. Required.
    pub fn start_date(mut self, value: NaiveDate) -> Self {
        self.start_date = Some(value);
        self
    }

    /// `target_completion_date`: SQL `date`. Required.
    pub fn target_completion_date(mut self, value: NaiveDate) -> Self {
        self.target_completion_date = Some(value);
        self
    }

    /// `actual_completion_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn actual_completion_date(mut self, value: NaiveDate) -> Self {
        self.actual_completion_date = Some(value);
        self
    }

    /// `timeline_weeks`: Whole weeks, 0 or more. SQL `integer`. Required.
    pub fn timeline_weeks(mut self, value: Count) -> Self {
        self.timeline_weeks = Some(value);
        self
    }

    /// `customer_goals`: The customer's stated success goals: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`. Required.
    pub fn customer_goals(mut self, value: Value) -> Self {
        self.customer_goals = Some(value);
        self
    }

    /// `success_criteria`: Measurable criteria for completing the plan: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`. Required.
    pub fn success_criteria(mut self, value: Value) -> Self {
        self.success_criteria = Some(value);
        self
    }

    /// `total_estimated_hours`: Whole hours, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn total_estimated_hours(mut self, value: Count) -> Self {
        self.total_estimated_hours = Some(value);
        self
    }

    /// `assigned_csm`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn assigned_csm(mut self, value: impl Into<String>) -> Self {
        self.assigned_csm = Some(value.into());
        self
    }

    /// `assigned_implementation_team`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn assigned_implementation_team(mut self, value: StringList) -> Self {
        self.assigned_implementation_team = Some(value);
        self
    }

    /// `status`: One of [`OnboardingStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: OnboardingStatus) -> Self {
        self.status = Some(value);
        self
    }

    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn completion_percentage(mut self, value: Percentage) -> Self {
        self.completion_percentage = Some(value);
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

    /// The row, once every required column (`plan_id`, `client_id`, `plan_name`, `product_tier`, `start_date`, `target_completion_date`, `timeline_weeks`, `customer_goals`, `success_criteria`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewOnboardingPlan> {
        Ok(NewOnboardingPlan {
            plan_id: crate::models::required(self.plan_id, "plan_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            plan_name: crate::models::required(self.plan_name, "plan_name")?,
            product_tier: crate::models::required(self.product_tier, "product_tier")?,
            start_date: crate::models::required(self.start_date, "start_date")?,
            target_completion_date: crate::models::required(
                self.target_completion_date,
                "target_completion_date",
            )?,
            actual_completion_date: self.actual_completion_date,
            timeline_weeks: crate::models::required(self.timeline_weeks, "timeline_weeks")?,
            customer_goals: crate::models::required(self.customer_goals, "customer_goals")?,
            success_criteria: crate::models::required(self.success_criteria, "success_criteria")?,
            total_estimated_hours: self.total_estimated_hours,
            assigned_csm: self.assigned_csm,
            assigned_implementation_team: self.assigned_implementation_team,
            status: self.status,
            completion_percentage: self.completion_percentage,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `onboarding_plans`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = onboarding_plans, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct OnboardingPlanChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `plan_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_name: Option<String>,
    /// `product_tier`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier: Option<String>,
    /// `start_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// `target_completion_date`: SQL `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_completion_date: Option<NaiveDate>,
    /// `actual_completion_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub actual_completion_date: Option<Option<NaiveDate>>,
    /// `timeline_weeks`: Whole weeks, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_weeks: Option<Count>,
    /// `customer_goals`: The customer's stated success goals: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_goals: Option<Value>,
    /// `success_criteria`: Measurable criteria for completing the plan: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `total_estimated_hours`: Whole hours, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_estimated_hours: Option<Count>,
    /// `assigned_csm`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_csm: Option<Option<String>>,
    /// `assigned_implementation_team`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_implementation_team: Option<StringList>,
    /// `status`: One of [`OnboardingStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OnboardingStatus>,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
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
    conflict = (plan_id, client_id),
    upsert = [
        plan_name,
        product_tier,
        start_date,
        target_completion_date,
        actual_completion_date,
        timeline_weeks,
        customer_goals,
        success_criteria,
        total_estimated_hours,
        assigned_csm,
        assigned_implementation_team,
        status,
        completion_percentage
    ],
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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `milestone_id`: SQL `varchar(100)`.
    pub milestone_id: String,
    /// `plan_id`: SQL `varchar(100)`.
    pub plan_id: String,
    /// `name`: SQL `varchar(200)`.
    pub name: String,
    /// `description`: SQL `text`.
    pub description: String,
    /// `week`: Week of the onboarding timeline (1 is the first week), 0 or more. SQL `integer`.
    pub week: Count,
    /// `sequence_order`: Position among the plan's milestones (1 runs first), 0 or more. SQL `integer`.
    pub sequence_order: Count,
    /// `tasks`: The tasks of the milestone: a non-empty JSON array of `{"task": text, "done": bool}` (a bare string is read as a task not yet done); typed as [`MilestoneTasks`](crate::types::MilestoneTasks). SQL `jsonb`.
    pub tasks: Value,
    /// `success_criteria`: Criteria for completing the milestone: a JSON array of strings (may be empty). SQL `jsonb`, default `'[]'::jsonb`.
    pub success_criteria: Value,
    /// `dependencies`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub dependencies: StringList,
    /// `estimated_hours`: Whole hours, 0 or more. SQL `integer`.
    pub estimated_hours: Count,
    /// `actual_hours`: Whole hours, 0 or more. SQL `integer`, nullable.
    pub actual_hours: Option<Count>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    pub assigned_to: Option<String>,
    /// `due_date`: SQL `date`, nullable.
    pub due_date: Option<NaiveDate>,
    /// `completion_date`: SQL `date`, nullable.
    pub completion_date: Option<NaiveDate>,
    /// `status`: One of [`MilestoneStatus`]'s values (stored as text). SQL `varchar(20)`, default `'not_started'`.
    pub status: MilestoneStatus,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
    pub completion_percentage: Percentage,
    /// `blockers`: What currently blocks progress: a JSON array of strings (empty when nothing does). SQL `jsonb`, default `'[]'::jsonb`.
    pub blockers: Value,
    /// `client_id`: The plan's customer: with `plan_id` a foreign key to the plan's `(plan_id, client_id)`, so it always equals the plan's (schema v2; what Citus places the milestone by). SQL `varchar(100)`.
    pub client_id: String,
}

/// A new row of `onboarding_milestones`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewOnboardingMilestone::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = onboarding_milestones, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewOnboardingMilestone {
    /// `milestone_id`: SQL `varchar(100)`.
    pub milestone_id: String,
    /// `plan_id`: SQL `varchar(100)`.
    pub plan_id: String,
    /// `name`: SQL `varchar(200)`.
    pub name: String,
    /// `description`: SQL `text`.
    pub description: String,
    /// `week`: Week of the onboarding timeline (1 is the first week), 0 or more. SQL `integer`.
    pub week: Count,
    /// `sequence_order`: Position among the plan's milestones (1 runs first), 0 or more. SQL `integer`.
    pub sequence_order: Count,
    /// `tasks`: The tasks of the milestone: a non-empty JSON array of `{"task": text, "done": bool}` (a bare string is read as a task not yet done); typed as [`MilestoneTasks`](crate::types::MilestoneTasks). SQL `jsonb`.
    pub tasks: Value,
    /// `success_criteria`: Criteria for completing the milestone: a JSON array of strings (may be empty). SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `dependencies`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<StringList>,
    /// `estimated_hours`: Whole hours, 0 or more. SQL `integer`.
    pub estimated_hours: Count,
    /// `actual_hours`: Whole hours, 0 or more. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_hours: Option<Count>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `due_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// `completion_date`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<NaiveDate>,
    /// `status`: One of [`MilestoneStatus`]'s values (stored as text). SQL `varchar(20)`, default `'not_started'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MilestoneStatus>,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `blockers`: What currently blocks progress: a JSON array of strings (empty when nothing does). SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `client_id`: The plan's customer: with `plan_id` a foreign key to the plan's `(plan_id, client_id)`, so it always equals the plan's (schema v2; what Citus places the milestone by). SQL `varchar(100)`.
    pub client_id: String,
}

impl NewOnboardingMilestone {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewOnboardingMilestone::builder`]: with 9 positional arguments, two of the same type
    /// can be swapped without a compile error.
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
        client_id: impl Into<String>,
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
            client_id: client_id.into(),
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

impl NewOnboardingMilestone {
    /// Named-field construction: one setter per column, then [`build`](NewOnboardingMilestoneBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewOnboardingMilestoneBuilder {
        NewOnboardingMilestoneBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewOnboardingMilestoneBuilder {
        NewOnboardingMilestoneBuilder {
            milestone_id: Some(self.milestone_id),
            plan_id: Some(self.plan_id),
            name: Some(self.name),
            description: Some(self.description),
            week: Some(self.week),
            sequence_order: Some(self.sequence_order),
            tasks: Some(self.tasks),
            success_criteria: self.success_criteria,
            dependencies: self.dependencies,
            estimated_hours: Some(self.estimated_hours),
            actual_hours: self.actual_hours,
            assigned_to: self.assigned_to,
            due_date: self.due_date,
            completion_date: self.completion_date,
            status: self.status,
            completion_percentage: self.completion_percentage,
            blockers: self.blockers,
            client_id: Some(self.client_id),
        }
    }
}

/// Builds a [`NewOnboardingMilestone`] by naming every value; see [`NewOnboardingMilestone::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewOnboardingMilestoneBuilder {
    pub(crate) milestone_id: Option<String>,
    pub(crate) plan_id: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) week: Option<Count>,
    pub(crate) sequence_order: Option<Count>,
    pub(crate) tasks: Option<Value>,
    pub(crate) success_criteria: Option<Value>,
    pub(crate) dependencies: Option<StringList>,
    pub(crate) estimated_hours: Option<Count>,
    pub(crate) actual_hours: Option<Count>,
    pub(crate) assigned_to: Option<String>,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) completion_date: Option<NaiveDate>,
    pub(crate) status: Option<MilestoneStatus>,
    pub(crate) completion_percentage: Option<Percentage>,
    pub(crate) blockers: Option<Value>,
    pub(crate) client_id: Option<String>,
}

impl NewOnboardingMilestoneBuilder {
    /// `milestone_id`: SQL `varchar(100)`. Required.
    pub fn milestone_id(mut self, value: impl Into<String>) -> Self {
        self.milestone_id = Some(value.into());
        self
    }

    /// `plan_id`: SQL `varchar(100)`. Required.
    pub fn plan_id(mut self, value: impl Into<String>) -> Self {
        self.plan_id = Some(value.into());
        self
    }

    /// `name`: SQL `varchar(200)`. Required.
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// `description`: SQL `text`. Required.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// `week`: Week of the onboarding timeline (1 is the first week), 0 or more. SQL `integer`. Required.
    pub fn week(mut self, value: Count) -> Self {
        self.week = Some(value);
        self
    }

    /// `sequence_order`: Position among the plan's milestones (1 runs first), 0 or more. SQL `integer`. Required.
    pub fn sequence_order(mut self, value: Count) -> Self {
        self.sequence_order = Some(value);
        self
    }

    /// `tasks`: The tasks of the milestone: a non-empty JSON array of `{"task": text, "done": bool}` (a bare string is read as a task not yet done); typed as [`MilestoneTasks`](crate::types::MilestoneTasks). SQL `jsonb`. Required.
    pub fn tasks(mut self, value: Value) -> Self {
        self.tasks = Some(value);
        self
    }

    /// `success_criteria`: Criteria for completing the milestone: a JSON array of strings (may be empty). SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn success_criteria(mut self, value: Value) -> Self {
        self.success_criteria = Some(value);
        self
    }

    /// `dependencies`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn dependencies(mut self, value: StringList) -> Self {
        self.dependencies = Some(value);
        self
    }

    /// `estimated_hours`: Whole hours, 0 or more. SQL `integer`. Required.
    pub fn estimated_hours(mut self, value: Count) -> Self {
        self.estimated_hours = Some(value);
        self
    }

    /// `actual_hours`: Whole hours, 0 or more. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn actual_hours(mut self, value: Count) -> Self {
        self.actual_hours = Some(value);
        self
    }

    /// `assigned_to`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn assigned_to(mut self, value: impl Into<String>) -> Self {
        self.assigned_to = Some(value.into());
        self
    }

    /// `due_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn due_date(mut self, value: NaiveDate) -> Self {
        self.due_date = Some(value);
        self
    }

    /// `completion_date`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn completion_date(mut self, value: NaiveDate) -> Self {
        self.completion_date = Some(value);
        self
    }

    /// `status`: One of [`MilestoneStatus`]'s values (stored as text). SQL `varchar(20)`, default `'not_started'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: MilestoneStatus) -> Self {
        self.status = Some(value);
        self
    }

    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn completion_percentage(mut self, value: Percentage) -> Self {
        self.completion_percentage = Some(value);
        self
    }

    /// `blockers`: What currently blocks progress: a JSON array of strings (empty when nothing does). SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn blockers(mut self, value: Value) -> Self {
        self.blockers = Some(value);
        self
    }

    /// `client_id`: The plan's customer: with `plan_id` a foreign key to the plan's `(plan_id, client_id)`, so it always equals the plan's (schema v2; what Citus places the milestone by). SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// The row, once every required column (`milestone_id`, `plan_id`, `name`, `description`, `week`, `sequence_order`, `tasks`, `estimated_hours`, `client_id`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewOnboardingMilestone> {
        Ok(NewOnboardingMilestone {
            milestone_id: crate::models::required(self.milestone_id, "milestone_id")?,
            plan_id: crate::models::required(self.plan_id, "plan_id")?,
            name: crate::models::required(self.name, "name")?,
            description: crate::models::required(self.description, "description")?,
            week: crate::models::required(self.week, "week")?,
            sequence_order: crate::models::required(self.sequence_order, "sequence_order")?,
            tasks: crate::models::required(self.tasks, "tasks")?,
            success_criteria: self.success_criteria,
            dependencies: self.dependencies,
            estimated_hours: crate::models::required(self.estimated_hours, "estimated_hours")?,
            actual_hours: self.actual_hours,
            assigned_to: self.assigned_to,
            due_date: self.due_date,
            completion_date: self.completion_date,
            status: self.status,
            completion_percentage: self.completion_percentage,
            blockers: self.blockers,
            client_id: crate::models::required(self.client_id, "client_id")?,
        })
    }
}

/// Changes to a row of `onboarding_milestones`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = onboarding_milestones, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct OnboardingMilestoneChanges {
    /// `milestone_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_id: Option<String>,
    /// `plan_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    /// `name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `description`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `week`: Week of the onboarding timeline (1 is the first week), 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<Count>,
    /// `sequence_order`: Position among the plan's milestones (1 runs first), 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_order: Option<Count>,
    /// `tasks`: The tasks of the milestone: a non-empty JSON array of `{"task": text, "done": bool}` (a bare string is read as a task not yet done); typed as [`MilestoneTasks`](crate::types::MilestoneTasks). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Value>,
    /// `success_criteria`: Criteria for completing the milestone: a JSON array of strings (may be empty). SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_criteria: Option<Value>,
    /// `dependencies`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependencies: Option<StringList>,
    /// `estimated_hours`: Whole hours, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_hours: Option<Count>,
    /// `actual_hours`: Whole hours, 0 or more. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub actual_hours: Option<Option<Count>>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `due_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub due_date: Option<Option<NaiveDate>>,
    /// `completion_date`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub completion_date: Option<Option<NaiveDate>>,
    /// `status`: One of [`MilestoneStatus`]'s values (stored as text). SQL `varchar(20)`, default `'not_started'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MilestoneStatus>,
    /// `completion_percentage`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_percentage: Option<Percentage>,
    /// `blockers`: What currently blocks progress: a JSON array of strings (empty when nothing does). SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blockers: Option<Value>,
    /// `client_id`: The plan's customer: with `plan_id` a foreign key to the plan's `(plan_id, client_id)`, so it always equals the plan's (schema v2; what Citus places the milestone by). SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

crate::crud::impl_crud!(
    OnboardingMilestone,
    NewOnboardingMilestone,
    OnboardingMilestoneChanges,
    onboarding_milestones,
    columns = 19,
    client = client_id
);

/// A row of `training_modules`.
///
/// Identified by its business key `module_id` (what foreign keys reference); `id` is the SQL primary key.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[diesel(primary_key(module_id))]
pub struct TrainingModule {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `module_id`: SQL `varchar(100)`.
    pub module_id: String,
    /// `module_name`: SQL `varchar(200)`.
    pub module_name: String,
    /// `module_description`: SQL `text`.
    pub module_description: String,
    /// `format`: One of [`TrainingFormat`]'s values (stored as text). SQL `varchar(50)`.
    pub format: TrainingFormat,
    /// `certification_level`: One of [`CertificationLevel`]'s values (stored as text). SQL `varchar(50)`, default `'basic'`.
    pub certification_level: CertificationLevel,
    /// `duration_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub duration_minutes: Count,
    /// `content_url`: SQL `varchar(500)`, nullable.
    pub content_url: Option<String>,
    /// `prerequisites`: A JSON array of strings. `module_id`s to complete first. SQL `jsonb`, default `'[]'::jsonb`.
    pub prerequisites: StringList,
    /// `learning_objectives`: A JSON array of strings. What a learner can do afterwards; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    pub learning_objectives: StringList,
    /// `topics_covered`: A JSON array of strings. Topics of the module; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    pub topics_covered: StringList,
    /// `assessment_required`: SQL `boolean`, default `true`.
    pub assessment_required: bool,
    /// `passing_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.75`.
    pub passing_score: Percentage,
    /// `certification_awarded`: SQL `varchar(200)`, nullable.
    pub certification_awarded: Option<String>,
    /// `max_attempts`: A count, 0 or more. SQL `integer`, default `3`.
    pub max_attempts: Count,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `training_modules`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewTrainingModule::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTrainingModule {
    /// `module_id`: SQL `varchar(100)`.
    pub module_id: String,
    /// `module_name`: SQL `varchar(200)`.
    pub module_name: String,
    /// `module_description`: SQL `text`.
    pub module_description: String,
    /// `format`: One of [`TrainingFormat`]'s values (stored as text). SQL `varchar(50)`.
    pub format: TrainingFormat,
    /// `certification_level`: One of [`CertificationLevel`]'s values (stored as text). SQL `varchar(50)`, default `'basic'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_level: Option<CertificationLevel>,
    /// `duration_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub duration_minutes: Count,
    /// `content_url`: SQL `varchar(500)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_url: Option<String>,
    /// `prerequisites`: A JSON array of strings. `module_id`s to complete first. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<StringList>,
    /// `learning_objectives`: A JSON array of strings. What a learner can do afterwards; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    pub learning_objectives: StringList,
    /// `topics_covered`: A JSON array of strings. Topics of the module; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    pub topics_covered: StringList,
    /// `assessment_required`: SQL `boolean`, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_required: Option<bool>,
    /// `passing_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.75`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passing_score: Option<Percentage>,
    /// `certification_awarded`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_awarded: Option<String>,
    /// `max_attempts`: A count, 0 or more. SQL `integer`, default `3`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<Count>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewTrainingModule {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewTrainingModule::builder`]: with 7 positional arguments, two of the same type
    /// can be swapped without a compile error.
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

impl NewTrainingModule {
    /// Named-field construction: one setter per column, then [`build`](NewTrainingModuleBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewTrainingModuleBuilder {
        NewTrainingModuleBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewTrainingModuleBuilder {
        NewTrainingModuleBuilder {
            module_id: Some(self.module_id),
            module_name: Some(self.module_name),
            module_description: Some(self.module_description),
            format: Some(self.format),
            certification_level: self.certification_level,
            duration_minutes: Some(self.duration_minutes),
            content_url: self.content_url,
            prerequisites: self.prerequisites,
            learning_objectives: Some(self.learning_objectives),
            topics_covered: Some(self.topics_covered),
            assessment_required: self.assessment_required,
            passing_score: self.passing_score,
            certification_awarded: self.certification_awarded,
            max_attempts: self.max_attempts,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewTrainingModule`] by naming every value; see [`NewTrainingModule::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewTrainingModuleBuilder {
    pub(crate) module_id: Option<String>,
    pub(crate) module_name: Option<String>,
    pub(crate) module_description: Option<String>,
    pub(crate) format: Option<TrainingFormat>,
    pub(crate) certification_level: Option<CertificationLevel>,
    pub(crate) duration_minutes: Option<Count>,
    pub(crate) content_url: Option<String>,
    pub(crate) prerequisites: Option<StringList>,
    pub(crate) learning_objectives: Option<StringList>,
    pub(crate) topics_covered: Option<StringList>,
    pub(crate) assessment_required: Option<bool>,
    pub(crate) passing_score: Option<Percentage>,
    pub(crate) certification_awarded: Option<String>,
    pub(crate) max_attempts: Option<Count>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewTrainingModuleBuilder {
    /// `module_id`: SQL `varchar(100)`. Required.
    pub fn module_id(mut self, value: impl Into<String>) -> Self {
        self.module_id = Some(value.into());
        self
    }

    /// `module_name`: SQL `varchar(200)`. Required.
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.module_name = Some(value.into());
        self
    }

    /// `module_description`: SQL `text`. Required.
    pub fn module_description(mut self, value: impl Into<String>) -> Self {
        self.module_description = Some(value.into());
        self
    }

    /// `format`: One of [`TrainingFormat`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn format(mut self, value: TrainingFormat) -> Self {
        self.format = Some(value);
        self
    }

    /// `certification_level`: One of [`CertificationLevel`]'s values (stored as text). SQL `varchar(50)`, default `'basic'`. Optional: unset, the database default applies.
    pub fn certification_level(mut self, value: CertificationLevel) -> Self {
        self.certification_level = Some(value);
        self
    }

    /// `duration_minutes`: Whole minutes, 0 or more. SQL `integer`. Required.
    pub fn duration_minutes(mut self, value: Count) -> Self {
        self.duration_minutes = Some(value);
        self
    }

    /// `content_url`: SQL `varchar(500)`, nullable. Optional: unset, NULL.
    pub fn content_url(mut self, value: impl Into<String>) -> Self {
        self.content_url = Some(value.into());
        self
    }

    /// `prerequisites`: A JSON array of strings. `module_id`s to complete first. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn prerequisites(mut self, value: StringList) -> Self {
        self.prerequisites = Some(value);
        self
    }

    /// `learning_objectives`: A JSON array of strings. What a learner can do afterwards; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`. Required.
    pub fn learning_objectives(mut self, value: StringList) -> Self {
        self.learning_objectives = Some(value);
        self
    }

    /// `topics_covered`: A JSON array of strings. Topics of the module; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`. Required.
    pub fn topics_covered(mut self, value: StringList) -> Self {
        self.topics_covered = Some(value);
        self
    }

    /// `assessment_required`: SQL `boolean`, default `true`. Optional: unset, the database default applies.
    pub fn assessment_required(mut self, value: bool) -> Self {
        self.assessment_required = Some(value);
        self
    }

    /// `passing_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.75`. Optional: unset, the database default applies.
    pub fn passing_score(mut self, value: Percentage) -> Self {
        self.passing_score = Some(value);
        self
    }

    /// `certification_awarded`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn certification_awarded(mut self, value: impl Into<String>) -> Self {
        self.certification_awarded = Some(value.into());
        self
    }

    /// `max_attempts`: A count, 0 or more. SQL `integer`, default `3`. Optional: unset, the database default applies.
    pub fn max_attempts(mut self, value: Count) -> Self {
        self.max_attempts = Some(value);
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

    /// The row, once every required column (`module_id`, `module_name`, `module_description`, `format`, `duration_minutes`, `learning_objectives`, `topics_covered`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewTrainingModule> {
        Ok(NewTrainingModule {
            module_id: crate::models::required(self.module_id, "module_id")?,
            module_name: crate::models::required(self.module_name, "module_name")?,
            module_description: crate::models::required(
                self.module_description,
                "module_description",
            )?,
            format: crate::models::required(self.format, "format")?,
            certification_level: self.certification_level,
            duration_minutes: crate::models::required(self.duration_minutes, "duration_minutes")?,
            content_url: self.content_url,
            prerequisites: self.prerequisites,
            learning_objectives: crate::models::required(
                self.learning_objectives,
                "learning_objectives",
            )?,
            topics_covered: crate::models::required(self.topics_covered, "topics_covered")?,
            assessment_required: self.assessment_required,
            passing_score: self.passing_score,
            certification_awarded: self.certification_awarded,
            max_attempts: self.max_attempts,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `training_modules`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = training_modules, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TrainingModuleChanges {
    /// `module_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_name: Option<String>,
    /// `module_description`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_description: Option<String>,
    /// `format`: One of [`TrainingFormat`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TrainingFormat>,
    /// `certification_level`: One of [`CertificationLevel`]'s values (stored as text). SQL `varchar(50)`, default `'basic'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_level: Option<CertificationLevel>,
    /// `duration_minutes`: Whole minutes, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<Count>,
    /// `content_url`: SQL `varchar(500)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub content_url: Option<Option<String>>,
    /// `prerequisites`: A JSON array of strings. `module_id`s to complete first. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prerequisites: Option<StringList>,
    /// `learning_objectives`: A JSON array of strings. What a learner can do afterwards; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_objectives: Option<StringList>,
    /// `topics_covered`: A JSON array of strings. Topics of the module; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics_covered: Option<StringList>,
    /// `assessment_required`: SQL `boolean`, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_required: Option<bool>,
    /// `passing_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, default `0.75`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passing_score: Option<Percentage>,
    /// `certification_awarded`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub certification_awarded: Option<Option<String>>,
    /// `max_attempts`: A count, 0 or more. SQL `integer`, default `3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<Count>,
}

crate::crud::impl_crud!(
    TrainingModule,
    NewTrainingModule,
    TrainingModuleChanges,
    training_modules,
    columns = 17,
    key = module_id,
    conflict = (module_id),
    upsert = [
        module_name,
        module_description,
        format,
        certification_level,
        duration_minutes,
        content_url,
        prerequisites,
        learning_objectives,
        topics_covered,
        assessment_required,
        passing_score,
        certification_awarded,
        max_attempts
    ]
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
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `completion_id`: SQL `varchar(100)`.
    pub completion_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `module_id`: SQL `varchar(100)`.
    pub module_id: String,
    /// `user_email`: SQL `varchar(255)`.
    pub user_email: String,
    /// `user_name`: SQL `varchar(200)`.
    pub user_name: String,
    /// `started_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub started_at: DateTime<Utc>,
    /// `completed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub completed_at: Option<DateTime<Utc>>,
    /// `time_spent_minutes`: Whole minutes, 0 or more. SQL `integer`, default `0`.
    pub time_spent_minutes: Count,
    /// `assessment_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, nullable.
    pub assessment_score: Option<Percentage>,
    /// `attempts_used`: A count, 0 or more. SQL `integer`, default `0`.
    pub attempts_used: Count,
    /// `passed`: SQL `boolean`, default `false`.
    pub passed: bool,
    /// `certification_issued`: SQL `boolean`, default `false`.
    pub certification_issued: bool,
    /// `certification_id`: SQL `varchar(100)`, nullable.
    pub certification_id: Option<String>,
    /// `feedback_rating`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    pub feedback_rating: Option<Rating>,
    /// `feedback_comments`: SQL `text`, nullable.
    pub feedback_comments: Option<String>,
}

/// A new row of `training_completions`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewTrainingCompletion::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = training_completions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTrainingCompletion {
    /// `completion_id`: SQL `varchar(100)`.
    pub completion_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `module_id`: SQL `varchar(100)`.
    pub module_id: String,
    /// `user_email`: SQL `varchar(255)`.
    pub user_email: String,
    /// `user_name`: SQL `varchar(200)`.
    pub user_name: String,
    /// `started_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub started_at: DateTime<Utc>,
    /// `completed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// `time_spent_minutes`: Whole minutes, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_minutes: Option<Count>,
    /// `assessment_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_score: Option<Percentage>,
    /// `attempts_used`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_used: Option<Count>,
    /// `passed`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// `certification_issued`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_issued: Option<bool>,
    /// `certification_id`: SQL `varchar(100)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_id: Option<String>,
    /// `feedback_rating`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_rating: Option<Rating>,
    /// `feedback_comments`: SQL `text`, nullable.
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

impl NewTrainingCompletion {
    /// Named-field construction: one setter per column, then [`build`](NewTrainingCompletionBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewTrainingCompletionBuilder {
        NewTrainingCompletionBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewTrainingCompletionBuilder {
        NewTrainingCompletionBuilder {
            completion_id: Some(self.completion_id),
            client_id: Some(self.client_id),
            module_id: Some(self.module_id),
            user_email: Some(self.user_email),
            user_name: Some(self.user_name),
            started_at: Some(self.started_at),
            completed_at: self.completed_at,
            time_spent_minutes: self.time_spent_minutes,
            assessment_score: self.assessment_score,
            attempts_used: self.attempts_used,
            passed: self.passed,
            certification_issued: self.certification_issued,
            certification_id: self.certification_id,
            feedback_rating: self.feedback_rating,
            feedback_comments: self.feedback_comments,
        }
    }
}

/// Builds a [`NewTrainingCompletion`] by naming every value; see [`NewTrainingCompletion::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewTrainingCompletionBuilder {
    pub(crate) completion_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) module_id: Option<String>,
    pub(crate) user_email: Option<String>,
    pub(crate) user_name: Option<String>,
    pub(crate) started_at: Option<DateTime<Utc>>,
    pub(crate) completed_at: Option<DateTime<Utc>>,
    pub(crate) time_spent_minutes: Option<Count>,
    pub(crate) assessment_score: Option<Percentage>,
    pub(crate) attempts_used: Option<Count>,
    pub(crate) passed: Option<bool>,
    pub(crate) certification_issued: Option<bool>,
    pub(crate) certification_id: Option<String>,
    pub(crate) feedback_rating: Option<Rating>,
    pub(crate) feedback_comments: Option<String>,
}

impl NewTrainingCompletionBuilder {
    /// `completion_id`: SQL `varchar(100)`. Required.
    pub fn completion_id(mut self, value: impl Into<String>) -> Self {
        self.completion_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `module_id`: SQL `varchar(100)`. Required.
    pub fn module_id(mut self, value: impl Into<String>) -> Self {
        self.module_id = Some(value.into());
        self
    }

    /// `user_email`: SQL `varchar(255)`. Required.
    pub fn user_email(mut self, value: impl Into<String>) -> Self {
        self.user_email = Some(value.into());
        self
    }

    /// `user_name`: SQL `varchar(200)`. Required.
    pub fn user_name(mut self, value: impl Into<String>) -> Self {
        self.user_name = Some(value.into());
        self
    }

    /// `started_at`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn started_at(mut self, value: DateTime<Utc>) -> Self {
        self.started_at = Some(value);
        self
    }

    /// `completed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn completed_at(mut self, value: DateTime<Utc>) -> Self {
        self.completed_at = Some(value);
        self
    }

    /// `time_spent_minutes`: Whole minutes, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn time_spent_minutes(mut self, value: Count) -> Self {
        self.time_spent_minutes = Some(value);
        self
    }

    /// `assessment_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, nullable. Optional: unset, NULL.
    pub fn assessment_score(mut self, value: Percentage) -> Self {
        self.assessment_score = Some(value);
        self
    }

    /// `attempts_used`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn attempts_used(mut self, value: Count) -> Self {
        self.attempts_used = Some(value);
        self
    }

    /// `passed`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn passed(mut self, value: bool) -> Self {
        self.passed = Some(value);
        self
    }

    /// `certification_issued`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn certification_issued(mut self, value: bool) -> Self {
        self.certification_issued = Some(value);
        self
    }

    /// `certification_id`: SQL `varchar(100)`, nullable. Optional: unset, NULL.
    pub fn certification_id(mut self, value: impl Into<String>) -> Self {
        self.certification_id = Some(value.into());
        self
    }

    /// `feedback_rating`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable. Optional: unset, NULL.
    pub fn feedback_rating(mut self, value: Rating) -> Self {
        self.feedback_rating = Some(value);
        self
    }

    /// `feedback_comments`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn feedback_comments(mut self, value: impl Into<String>) -> Self {
        self.feedback_comments = Some(value.into());
        self
    }

    /// The row, once every required column (`completion_id`, `client_id`, `module_id`, `user_email`, `user_name`, `started_at`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewTrainingCompletion> {
        Ok(NewTrainingCompletion {
            completion_id: crate::models::required(self.completion_id, "completion_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            module_id: crate::models::required(self.module_id, "module_id")?,
            user_email: crate::models::required(self.user_email, "user_email")?,
            user_name: crate::models::required(self.user_name, "user_name")?,
            started_at: crate::models::required(self.started_at, "started_at")?,
            completed_at: self.completed_at,
            time_spent_minutes: self.time_spent_minutes,
            assessment_score: self.assessment_score,
            attempts_used: self.attempts_used,
            passed: self.passed,
            certification_issued: self.certification_issued,
            certification_id: self.certification_id,
            feedback_rating: self.feedback_rating,
            feedback_comments: self.feedback_comments,
        })
    }
}

/// Changes to a row of `training_completions`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = training_completions, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TrainingCompletionChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `module_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_id: Option<String>,
    /// `user_email`: SQL `varchar(255)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_email: Option<String>,
    /// `user_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// `started_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    /// `completed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub completed_at: Option<Option<DateTime<Utc>>>,
    /// `time_spent_minutes`: Whole minutes, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_spent_minutes: Option<Count>,
    /// `assessment_score`: Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction. SQL `double precision`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assessment_score: Option<Option<Percentage>>,
    /// `attempts_used`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_used: Option<Count>,
    /// `passed`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// `certification_issued`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_issued: Option<bool>,
    /// `certification_id`: SQL `varchar(100)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub certification_id: Option<Option<String>>,
    /// `feedback_rating`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub feedback_rating: Option<Option<Rating>>,
    /// `feedback_comments`: SQL `text`, nullable.
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
    conflict = (completion_id, client_id),
    upsert = [
        module_id,
        user_email,
        user_name,
        started_at,
        completed_at,
        time_spent_minutes,
        assessment_score,
        attempts_used,
        passed,
        certification_issued,
        certification_id,
        feedback_rating,
        feedback_comments
    ],
    client = client_id
);
