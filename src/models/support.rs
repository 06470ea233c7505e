//! Support tables: tickets, ticket comments, knowledge-base articles.
//!
//! Generated from the schema specification; see the crate docs for the naming scheme
//! (`Foo` row, `NewFoo` insert, `FooChanges` changeset).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::customer::Customer;
use crate::schema::*;
use crate::types::*;

/// A row of `support_tickets`.
///
/// Identified by its business key `ticket_id` (what foreign keys reference); `id` is the SQL primary key.
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
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
#[diesel(primary_key(ticket_id))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct SupportTicket {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `ticket_id`: SQL `varchar(50)`.
    pub ticket_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `subject`: SQL `varchar(500)`.
    pub subject: String,
    /// `description`: SQL `text`.
    pub description: String,
    /// `priority`: One of [`TicketPriority`]'s values (stored as text). SQL `varchar(10)`.
    pub priority: TicketPriority,
    /// `category`: One of [`TicketCategory`]'s values (stored as text). SQL `varchar(50)`.
    pub category: TicketCategory,
    /// `status`: One of [`TicketStatus`]'s values (stored as text). SQL `varchar(50)`, default `'open'`.
    pub status: TicketStatus,
    /// `requester_email`: SQL `varchar(255)`.
    pub requester_email: String,
    /// `requester_name`: SQL `varchar(200)`.
    pub requester_name: String,
    /// `assigned_agent`: SQL `varchar(255)`, nullable.
    pub assigned_agent: Option<String>,
    /// `assigned_team`: SQL `varchar(100)`, nullable.
    pub assigned_team: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub tags: StringList,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `first_response_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub first_response_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
    /// `closed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub closed_at: Option<DateTime<Utc>>,
    /// `sla_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub sla_first_response_minutes: Count,
    /// `sla_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub sla_resolution_minutes: Count,
    /// `first_response_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`.
    pub first_response_sla_status: SlaStatus,
    /// `resolution_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`.
    pub resolution_sla_status: SlaStatus,
    /// `time_to_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    pub time_to_first_response_minutes: Option<Count>,
    /// `time_to_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    pub time_to_resolution_minutes: Option<Count>,
    /// `satisfaction_rating`: The customer's rating, a whole number from 1 to 5. SQL `integer`, nullable.
    pub satisfaction_rating: Option<SatisfactionRating>,
    /// `satisfaction_comment`: SQL `text`, nullable.
    pub satisfaction_comment: Option<String>,
    /// `escalated`: SQL `boolean`, default `false`.
    pub escalated: bool,
    /// `escalated_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub escalated_at: Option<DateTime<Utc>>,
    /// `escalation_reason`: SQL `text`, nullable.
    pub escalation_reason: Option<String>,
    /// `resolution_notes`: SQL `text`, nullable.
    pub resolution_notes: Option<String>,
    /// `internal_notes`: SQL `text`, nullable.
    pub internal_notes: Option<String>,
    /// `customer_visible_notes`: SQL `text`, nullable.
    pub customer_visible_notes: Option<String>,
}

/// A new row of `support_tickets`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewSupportTicket::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSupportTicket {
    /// `ticket_id`: SQL `varchar(50)`.
    pub ticket_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `subject`: SQL `varchar(500)`.
    pub subject: String,
    /// `description`: SQL `text`.
    pub description: String,
    /// `priority`: One of [`TicketPriority`]'s values (stored as text). SQL `varchar(10)`.
    pub priority: TicketPriority,
    /// `category`: One of [`TicketCategory`]'s values (stored as text). SQL `varchar(50)`.
    pub category: TicketCategory,
    /// `status`: One of [`TicketStatus`]'s values (stored as text). SQL `varchar(50)`, default `'open'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// `requester_email`: SQL `varchar(255)`.
    pub requester_email: String,
    /// `requester_name`: SQL `varchar(200)`.
    pub requester_name: String,
    /// `assigned_agent`: SQL `varchar(255)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_agent: Option<String>,
    /// `assigned_team`: SQL `varchar(100)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_team: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `first_response_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// `closed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    /// `sla_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub sla_first_response_minutes: Count,
    /// `sla_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`.
    pub sla_resolution_minutes: Count,
    /// `first_response_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_sla_status: Option<SlaStatus>,
    /// `resolution_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_sla_status: Option<SlaStatus>,
    /// `time_to_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_to_first_response_minutes: Option<Count>,
    /// `time_to_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_to_resolution_minutes: Option<Count>,
    /// `satisfaction_rating`: The customer's rating, a whole number from 1 to 5. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction_rating: Option<SatisfactionRating>,
    /// `satisfaction_comment`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction_comment: Option<String>,
    /// `escalated`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated: Option<bool>,
    /// `escalated_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_at: Option<DateTime<Utc>>,
    /// `escalation_reason`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation_reason: Option<String>,
    /// `resolution_notes`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_notes: Option<String>,
    /// `internal_notes`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// `customer_visible_notes`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_visible_notes: Option<String>,
}

impl NewSupportTicket {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewSupportTicket::builder`]: with 10 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        ticket_id: impl Into<String>,
        client_id: impl Into<String>,
        subject: impl Into<String>,
        description: impl Into<String>,
        priority: TicketPriority,
        category: TicketCategory,
        requester_email: impl Into<String>,
        requester_name: impl Into<String>,
        sla_first_response_minutes: Count,
        sla_resolution_minutes: Count,
    ) -> Self {
        NewSupportTicket {
            ticket_id: ticket_id.into(),
            client_id: client_id.into(),
            subject: subject.into(),
            description: description.into(),
            priority,
            category,
            requester_email: requester_email.into(),
            requester_name: requester_name.into(),
            sla_first_response_minutes,
            sla_resolution_minutes,
            status: None,
            assigned_agent: None,
            assigned_team: None,
            tags: None,
            created_at: None,
            updated_at: None,
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            first_response_sla_status: None,
            resolution_sla_status: None,
            time_to_first_response_minutes: None,
            time_to_resolution_minutes: None,
            satisfaction_rating: None,
            satisfaction_comment: None,
            escalated: None,
            escalated_at: None,
            escalation_reason: None,
            resolution_notes: None,
            internal_notes: None,
            customer_visible_notes: None,
        }
    }
}

impl NewSupportTicket {
    /// Named-field construction: one setter per column, then [`build`](NewSupportTicketBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewSupportTicketBuilder {
        NewSupportTicketBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewSupportTicketBuilder {
        NewSupportTicketBuilder {
            ticket_id: Some(self.ticket_id),
            client_id: Some(self.client_id),
            subject: Some(self.subject),
            description: Some(self.description),
            priority: Some(self.priority),
            category: Some(self.category),
            status: self.status,
            requester_email: Some(self.requester_email),
            requester_name: Some(self.requester_name),
            assigned_agent: self.assigned_agent,
            assigned_team: self.assigned_team,
            tags: self.tags,
            created_at: self.created_at,
            updated_at: self.updated_at,
            first_response_at: self.first_response_at,
            resolved_at: self.resolved_at,
            closed_at: self.closed_at,
            sla_first_response_minutes: Some(self.sla_first_response_minutes),
            sla_resolution_minutes: Some(self.sla_resolution_minutes),
            first_response_sla_status: self.first_response_sla_status,
            resolution_sla_status: self.resolution_sla_status,
            time_to_first_response_minutes: self.time_to_first_response_minutes,
            time_to_resolution_minutes: self.time_to_resolution_minutes,
            satisfaction_rating: self.satisfaction_rating,
            satisfaction_comment: self.satisfaction_comment,
            escalated: self.escalated,
            escalated_at: self.escalated_at,
            escalation_reason: self.escalation_reason,
            resolution_notes: self.resolution_notes,
            internal_notes: self.internal_notes,
            customer_visible_notes: self.customer_visible_notes,
        }
    }
}

/// Builds a [`NewSupportTicket`] by naming every value; see [`NewSupportTicket::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewSupportTicketBuilder {
    pub(crate) ticket_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) subject: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) priority: Option<TicketPriority>,
    pub(crate) category: Option<TicketCategory>,
    pub(crate) status: Option<TicketStatus>,
    pub(crate) requester_email: Option<String>,
    pub(crate) requester_name: Option<String>,
    pub(crate) assigned_agent: Option<String>,
    pub(crate) assigned_team: Option<String>,
    pub(crate) tags: Option<StringList>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
    pub(crate) first_response_at: Option<DateTime<Utc>>,
    pub(crate) resolved_at: Option<DateTime<Utc>>,
    pub(crate) closed_at: Option<DateTime<Utc>>,
    pub(crate) sla_first_response_minutes: Option<Count>,
    pub(crate) sla_resolution_minutes: Option<Count>,
    pub(crate) first_response_sla_status: Option<SlaStatus>,
    pub(crate) resolution_sla_status: Option<SlaStatus>,
    pub(crate) time_to_first_response_minutes: Option<Count>,
    pub(crate) time_to_resolution_minutes: Option<Count>,
    pub(crate) satisfaction_rating: Option<SatisfactionRating>,
    pub(crate) satisfaction_comment: Option<String>,
    pub(crate) escalated: Option<bool>,
    pub(crate) escalated_at: Option<DateTime<Utc>>,
    pub(crate) escalation_reason: Option<String>,
    pub(crate) resolution_notes: Option<String>,
    pub(crate) internal_notes: Option<String>,
    pub(crate) customer_visible_notes: Option<String>,
}

impl NewSupportTicketBuilder {
    /// `ticket_id`: SQL `varchar(50)`. Required.
    pub fn ticket_id(mut self, value: impl Into<String>) -> Self {
        self.ticket_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `subject`: SQL `varchar(500)`. Required.
    pub fn subject(mut self, value: impl Into<String>) -> Self {
        self.subject = Some(value.into());
        self
    }

    /// `description`: SQL `text`. Required.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// `priority`: One of [`TicketPriority`]'s values (stored as text). SQL `varchar(10)`. Required.
    pub fn priority(mut self, value: TicketPriority) -> Self {
        self.priority = Some(value);
        self
    }

    /// `category`: One of [`TicketCategory`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn category(mut self, value: TicketCategory) -> Self {
        self.category = Some(value);
        self
    }

    /// `status`: One of [`TicketStatus`]'s values (stored as text). SQL `varchar(50)`, default `'open'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: TicketStatus) -> Self {
        self.status = Some(value);
        self
    }

    /// `requester_email`: SQL `varchar(255)`. Required.
    pub fn requester_email(mut self, value: impl Into<String>) -> Self {
        self.requester_email = Some(value.into());
        self
    }

    /// `requester_name`: SQL `varchar(200)`. Required.
    pub fn requester_name(mut self, value: impl Into<String>) -> Self {
        self.requester_name = Some(value.into());
        self
    }

    /// `assigned_agent`: SQL `varchar(255)`, nullable. Optional: unset, NULL.
    pub fn assigned_agent(mut self, value: impl Into<String>) -> Self {
        self.assigned_agent = Some(value.into());
        self
    }

    /// `assigned_team`: SQL `varchar(100)`, nullable. Optional: unset, NULL.
    pub fn assigned_team(mut self, value: impl Into<String>) -> Self {
        self.assigned_team = Some(value.into());
        self
    }

    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn tags(mut self, value: StringList) -> Self {
        self.tags = Some(value);
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

    /// `first_response_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn first_response_at(mut self, value: DateTime<Utc>) -> Self {
        self.first_response_at = Some(value);
        self
    }

    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn resolved_at(mut self, value: DateTime<Utc>) -> Self {
        self.resolved_at = Some(value);
        self
    }

    /// `closed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn closed_at(mut self, value: DateTime<Utc>) -> Self {
        self.closed_at = Some(value);
        self
    }

    /// `sla_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`. Required.
    pub fn sla_first_response_minutes(mut self, value: Count) -> Self {
        self.sla_first_response_minutes = Some(value);
        self
    }

    /// `sla_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`. Required.
    pub fn sla_resolution_minutes(mut self, value: Count) -> Self {
        self.sla_resolution_minutes = Some(value);
        self
    }

    /// `first_response_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`. Optional: unset, the database default applies.
    pub fn first_response_sla_status(mut self, value: SlaStatus) -> Self {
        self.first_response_sla_status = Some(value);
        self
    }

    /// `resolution_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`. Optional: unset, the database default applies.
    pub fn resolution_sla_status(mut self, value: SlaStatus) -> Self {
        self.resolution_sla_status = Some(value);
        self
    }

    /// `time_to_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn time_to_first_response_minutes(mut self, value: Count) -> Self {
        self.time_to_first_response_minutes = Some(value);
        self
    }

    /// `time_to_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn time_to_resolution_minutes(mut self, value: Count) -> Self {
        self.time_to_resolution_minutes = Some(value);
        self
    }

    /// `satisfaction_rating`: The customer's rating, a whole number from 1 to 5. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn satisfaction_rating(mut self, value: SatisfactionRating) -> Self {
        self.satisfaction_rating = Some(value);
        self
    }

    /// `satisfaction_comment`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn satisfaction_comment(mut self, value: impl Into<String>) -> Self {
        self.satisfaction_comment = Some(value.into());
        self
    }

    /// `escalated`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn escalated(mut self, value: bool) -> Self {
        self.escalated = Some(value);
        self
    }

    /// `escalated_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn escalated_at(mut self, value: DateTime<Utc>) -> Self {
        self.escalated_at = Some(value);
        self
    }

    /// `escalation_reason`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn escalation_reason(mut self, value: impl Into<String>) -> Self {
        self.escalation_reason = Some(value.into());
        self
    }

    /// `resolution_notes`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn resolution_notes(mut self, value: impl Into<String>) -> Self {
        self.resolution_notes = Some(value.into());
        self
    }

    /// `internal_notes`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn internal_notes(mut self, value: impl Into<String>) -> Self {
        self.internal_notes = Some(value.into());
        self
    }

    /// `customer_visible_notes`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn customer_visible_notes(mut self, value: impl Into<String>) -> Self {
        self.customer_visible_notes = Some(value.into());
        self
    }

    /// The row, once every required column (`ticket_id`, `client_id`, `subject`, `description`, `priority`, `category`, `requester_email`, `requester_name`, `sla_first_response_minutes`, `sla_resolution_minutes`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewSupportTicket> {
        Ok(NewSupportTicket {
            ticket_id: crate::models::required(self.ticket_id, "ticket_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            subject: crate::models::required(self.subject, "subject")?,
            description: crate::models::required(self.description, "description")?,
            priority: crate::models::required(self.priority, "priority")?,
            category: crate::models::required(self.category, "category")?,
            status: self.status,
            requester_email: crate::models::required(self.requester_email, "requester_email")?,
            requester_name: crate::models::required(self.requester_name, "requester_name")?,
            assigned_agent: self.assigned_agent,
            assigned_team: self.assigned_team,
            tags: self.tags,
            created_at: self.created_at,
            updated_at: self.updated_at,
            first_response_at: self.first_response_at,
            resolved_at: self.resolved_at,
            closed_at: self.closed_at,
            sla_first_response_minutes: crate::models::required(
                self.sla_first_response_minutes,
                "sla_first_response_minutes",
            )?,
            sla_resolution_minutes: crate::models::required(
                self.sla_resolution_minutes,
                "sla_resolution_minutes",
            )?,
            first_response_sla_status: self.first_response_sla_status,
            resolution_sla_status: self.resolution_sla_status,
            time_to_first_response_minutes: self.time_to_first_response_minutes,
            time_to_resolution_minutes: self.time_to_resolution_minutes,
            satisfaction_rating: self.satisfaction_rating,
            satisfaction_comment: self.satisfaction_comment,
            escalated: self.escalated,
            escalated_at: self.escalated_at,
            escalation_reason: self.escalation_reason,
            resolution_notes: self.resolution_notes,
            internal_notes: self.internal_notes,
            customer_visible_notes: self.customer_visible_notes,
        })
    }
}

/// Changes to a row of `support_tickets`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SupportTicketChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `subject`: SQL `varchar(500)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `description`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `priority`: One of [`TicketPriority`]'s values (stored as text). SQL `varchar(10)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<TicketPriority>,
    /// `category`: One of [`TicketCategory`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TicketCategory>,
    /// `status`: One of [`TicketStatus`]'s values (stored as text). SQL `varchar(50)`, default `'open'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// `requester_email`: SQL `varchar(255)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_email: Option<String>,
    /// `requester_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_name: Option<String>,
    /// `assigned_agent`: SQL `varchar(255)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_agent: Option<Option<String>>,
    /// `assigned_team`: SQL `varchar(100)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_team: Option<Option<String>>,
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `first_response_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub first_response_at: Option<Option<DateTime<Utc>>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    /// `closed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub closed_at: Option<Option<DateTime<Utc>>>,
    /// `sla_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_first_response_minutes: Option<Count>,
    /// `sla_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_resolution_minutes: Option<Count>,
    /// `first_response_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_sla_status: Option<SlaStatus>,
    /// `resolution_sla_status`: One of [`SlaStatus`]'s values (stored as text). Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. SQL `varchar(20)`, default `'not_applicable'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_sla_status: Option<SlaStatus>,
    /// `time_to_first_response_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub time_to_first_response_minutes: Option<Option<Count>>,
    /// `time_to_resolution_minutes`: Whole minutes, 0 or more. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub time_to_resolution_minutes: Option<Option<Count>>,
    /// `satisfaction_rating`: The customer's rating, a whole number from 1 to 5. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub satisfaction_rating: Option<Option<SatisfactionRating>>,
    /// `satisfaction_comment`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub satisfaction_comment: Option<Option<String>>,
    /// `escalated`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated: Option<bool>,
    /// `escalated_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub escalated_at: Option<Option<DateTime<Utc>>>,
    /// `escalation_reason`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub escalation_reason: Option<Option<String>>,
    /// `resolution_notes`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolution_notes: Option<Option<String>>,
    /// `internal_notes`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub internal_notes: Option<Option<String>>,
    /// `customer_visible_notes`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub customer_visible_notes: Option<Option<String>>,
}

crate::crud::impl_crud!(
    SupportTicket,
    NewSupportTicket,
    SupportTicketChanges,
    support_tickets,
    columns = 32,
    key = ticket_id,
    conflict = (ticket_id, client_id),
    upsert = [
        subject,
        description,
        priority,
        category,
        status,
        requester_email,
        requester_name,
        assigned_agent,
        assigned_team,
        tags,
        first_response_at,
        resolved_at,
        closed_at,
        sla_first_response_minutes,
        sla_resolution_minutes,
        first_response_sla_status,
        resolution_sla_status,
        time_to_first_response_minutes,
        time_to_resolution_minutes,
        satisfaction_rating,
        satisfaction_comment,
        escalated,
        escalated_at,
        escalation_reason,
        resolution_notes,
        internal_notes,
        customer_visible_notes
    ],
    client = client_id
);

/// A row of `ticket_comments`.
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
#[diesel(table_name = ticket_comments, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(SupportTicket, foreign_key = ticket_id))]
pub struct TicketComment {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `comment_id`: SQL `varchar(50)`.
    pub comment_id: String,
    /// `ticket_id`: SQL `varchar(50)`.
    pub ticket_id: String,
    /// `author_email`: SQL `varchar(255)`.
    pub author_email: String,
    /// `author_name`: SQL `varchar(200)`.
    pub author_name: String,
    /// `author_type`: One of [`AuthorType`]'s values (stored as text). SQL `varchar(20)`.
    pub author_type: AuthorType,
    /// `content`: SQL `text`.
    pub content: String,
    /// `is_public`: SQL `boolean`, default `true`.
    pub is_public: bool,
    /// `attachments`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub attachments: Value,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `client_id`: The ticket's customer: with `ticket_id` a foreign key to the ticket's `(ticket_id, client_id)`, so it always equals the ticket's (schema v2; what Citus places the comment by). SQL `varchar(100)`.
    pub client_id: String,
}

/// A new row of `ticket_comments`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewTicketComment::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = ticket_comments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTicketComment {
    /// `comment_id`: SQL `varchar(50)`.
    pub comment_id: String,
    /// `ticket_id`: SQL `varchar(50)`.
    pub ticket_id: String,
    /// `author_email`: SQL `varchar(255)`.
    pub author_email: String,
    /// `author_name`: SQL `varchar(200)`.
    pub author_name: String,
    /// `author_type`: One of [`AuthorType`]'s values (stored as text). SQL `varchar(20)`.
    pub author_type: AuthorType,
    /// `content`: SQL `text`.
    pub content: String,
    /// `is_public`: SQL `boolean`, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// `attachments`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Value>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `client_id`: The ticket's customer: with `ticket_id` a foreign key to the ticket's `(ticket_id, client_id)`, so it always equals the ticket's (schema v2; what Citus places the comment by). SQL `varchar(100)`.
    pub client_id: String,
}

impl NewTicketComment {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewTicketComment::builder`]: with 7 positional arguments, two of the same type
    /// can be swapped without a compile error.
    pub fn new(
        comment_id: impl Into<String>,
        ticket_id: impl Into<String>,
        author_email: impl Into<String>,
        author_name: impl Into<String>,
        author_type: AuthorType,
        content: impl Into<String>,
        client_id: impl Into<String>,
    ) -> Self {
        NewTicketComment {
            comment_id: comment_id.into(),
            ticket_id: ticket_id.into(),
            author_email: author_email.into(),
            author_name: author_name.into(),
            author_type,
            content: content.into(),
            client_id: client_id.into(),
            is_public: None,
            attachments: None,
            created_at: None,
        }
    }
}

impl NewTicketComment {
    /// Named-field construction: one setter per column, then [`build`](NewTicketCommentBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewTicketCommentBuilder {
        NewTicketCommentBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewTicketCommentBuilder {
        NewTicketCommentBuilder {
            comment_id: Some(self.comment_id),
            ticket_id: Some(self.ticket_id),
            author_email: Some(self.author_email),
            author_name: Some(self.author_name),
            author_type: Some(self.author_type),
            content: Some(self.content),
            is_public: self.is_public,
            attachments: self.attachments,
            created_at: self.created_at,
            client_id: Some(self.client_id),
        }
    }
}

/// Builds a [`NewTicketComment`] by naming every value; see [`NewTicketComment::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewTicketCommentBuilder {
    pub(crate) comment_id: Option<String>,
    pub(crate) ticket_id: Option<String>,
    pub(crate) author_email: Option<String>,
    pub(crate) author_name: Option<String>,
    pub(crate) author_type: Option<AuthorType>,
    pub(crate) content: Option<String>,
    pub(crate) is_public: Option<bool>,
    pub(crate) attachments: Option<Value>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) client_id: Option<String>,
}

impl NewTicketCommentBuilder {
    /// `comment_id`: SQL `varchar(50)`. Required.
    pub fn comment_id(mut self, value: impl Into<String>) -> Self {
        self.comment_id = Some(value.into());
        self
    }

    /// `ticket_id`: SQL `varchar(50)`. Required.
    pub fn ticket_id(mut self, value: impl Into<String>) -> Self {
        self.ticket_id = Some(value.into());
        self
    }

    /// `author_email`: SQL `varchar(255)`. Required.
    pub fn author_email(mut self, value: impl Into<String>) -> Self {
        self.author_email = Some(value.into());
        self
    }

    /// `author_name`: SQL `varchar(200)`. Required.
    pub fn author_name(mut self, value: impl Into<String>) -> Self {
        self.author_name = Some(value.into());
        self
    }

    /// `author_type`: One of [`AuthorType`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn author_type(mut self, value: AuthorType) -> Self {
        self.author_type = Some(value);
        self
    }

    /// `content`: SQL `text`. Required.
    pub fn content(mut self, value: impl Into<String>) -> Self {
        self.content = Some(value.into());
        self
    }

    /// `is_public`: SQL `boolean`, default `true`. Optional: unset, the database default applies.
    pub fn is_public(mut self, value: bool) -> Self {
        self.is_public = Some(value);
        self
    }

    /// `attachments`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn attachments(mut self, value: Value) -> Self {
        self.attachments = Some(value);
        self
    }

    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn created_at(mut self, value: DateTime<Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// `client_id`: The ticket's customer: with `ticket_id` a foreign key to the ticket's `(ticket_id, client_id)`, so it always equals the ticket's (schema v2; what Citus places the comment by). SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// The row, once every required column (`comment_id`, `ticket_id`, `author_email`, `author_name`, `author_type`, `content`, `client_id`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewTicketComment> {
        Ok(NewTicketComment {
            comment_id: crate::models::required(self.comment_id, "comment_id")?,
            ticket_id: crate::models::required(self.ticket_id, "ticket_id")?,
            author_email: crate::models::required(self.author_email, "author_email")?,
            author_name: crate::models::required(self.author_name, "author_name")?,
            author_type: crate::models::required(self.author_type, "author_type")?,
            content: crate::models::required(self.content, "content")?,
            is_public: self.is_public,
            attachments: self.attachments,
            created_at: self.created_at,
            client_id: crate::models::required(self.client_id, "client_id")?,
        })
    }
}

/// Changes to a row of `ticket_comments`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = ticket_comments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TicketCommentChanges {
    /// `ticket_id`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
    /// `author_email`: SQL `varchar(255)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_email: Option<String>,
    /// `author_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    /// `author_type`: One of [`AuthorType`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_type: Option<AuthorType>,
    /// `content`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `is_public`: SQL `boolean`, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// `attachments`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Value>,
    /// `client_id`: The ticket's customer: with `ticket_id` a foreign key to the ticket's `(ticket_id, client_id)`, so it always equals the ticket's (schema v2; what Citus places the comment by). SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
}

crate::crud::impl_crud!(
    TicketComment,
    NewTicketComment,
    TicketCommentChanges,
    ticket_comments,
    columns = 11,
    key = comment_id,
    conflict = (comment_id, client_id),
    upsert = [
        ticket_id,
        author_email,
        author_name,
        author_type,
        content,
        is_public,
        attachments
    ],
    client = client_id
);

/// A row of `knowledge_base_articles`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
pub struct KnowledgeBaseArticle {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `article_id`: SQL `varchar(50)`.
    pub article_id: String,
    /// `title`: SQL `varchar(200)`.
    pub title: String,
    /// `summary`: SQL `varchar(500)`.
    pub summary: String,
    /// `content`: SQL `text`.
    pub content: String,
    /// `category`: SQL `varchar(100)`.
    pub category: String,
    /// `subcategory`: SQL `varchar(100)`, nullable.
    pub subcategory: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`.
    pub tags: StringList,
    /// `status`: One of [`ArticleStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`.
    pub status: ArticleStatus,
    /// `author`: SQL `varchar(200)`.
    pub author: String,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `published_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub published_at: Option<DateTime<Utc>>,
    /// `version`: Revision number of the article, 0 or more. SQL `integer`, default `1`.
    pub version: Count,
    /// `view_count`: A count, 0 or more. SQL `integer`, default `0`.
    pub view_count: Count,
    /// `helpful_votes`: A count, 0 or more. SQL `integer`, default `0`.
    pub helpful_votes: Count,
    /// `not_helpful_votes`: A count, 0 or more. SQL `integer`, default `0`.
    pub not_helpful_votes: Count,
    /// `helpfulness_score`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`.
    pub helpfulness_score: Fraction,
    /// `related_articles`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub related_articles: StringList,
    /// `search_keywords`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub search_keywords: StringList,
    /// `customer_facing`: SQL `boolean`, default `true`.
    pub customer_facing: bool,
    /// `requires_authentication`: SQL `boolean`, default `false`.
    pub requires_authentication: bool,
    /// `product_tier_restrictions`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub product_tier_restrictions: StringList,
}

/// A new row of `knowledge_base_articles`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewKnowledgeBaseArticle::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewKnowledgeBaseArticle {
    /// `article_id`: SQL `varchar(50)`.
    pub article_id: String,
    /// `title`: SQL `varchar(200)`.
    pub title: String,
    /// `summary`: SQL `varchar(500)`.
    pub summary: String,
    /// `content`: SQL `text`.
    pub content: String,
    /// `category`: SQL `varchar(100)`.
    pub category: String,
    /// `subcategory`: SQL `varchar(100)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`.
    pub tags: StringList,
    /// `status`: One of [`ArticleStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
    /// `author`: SQL `varchar(200)`.
    pub author: String,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `published_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<DateTime<Utc>>,
    /// `version`: Revision number of the article, 0 or more. SQL `integer`, default `1`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Count>,
    /// `view_count`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_count: Option<Count>,
    /// `helpful_votes`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_votes: Option<Count>,
    /// `not_helpful_votes`: A count, 0 or more. SQL `integer`, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_helpful_votes: Option<Count>,
    /// `helpfulness_score`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpfulness_score: Option<Fraction>,
    /// `related_articles`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_articles: Option<StringList>,
    /// `search_keywords`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_keywords: Option<StringList>,
    /// `customer_facing`: SQL `boolean`, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_facing: Option<bool>,
    /// `requires_authentication`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_authentication: Option<bool>,
    /// `product_tier_restrictions`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier_restrictions: Option<StringList>,
}

impl NewKnowledgeBaseArticle {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewKnowledgeBaseArticle::builder`]: with 7 positional arguments, two of the same type
    /// can be swapped without a compile error.
    pub fn new(
        article_id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
        content: impl Into<String>,
        category: impl Into<String>,
        tags: StringList,
        author: impl Into<String>,
    ) -> Self {
        NewKnowledgeBaseArticle {
            article_id: article_id.into(),
            title: title.into(),
            summary: summary.into(),
            content: content.into(),
            category: category.into(),
            tags,
            author: author.into(),
            subcategory: None,
            status: None,
            created_at: None,
            updated_at: None,
            published_at: None,
            version: None,
            view_count: None,
            helpful_votes: None,
            not_helpful_votes: None,
            helpfulness_score: None,
            related_articles: None,
            search_keywords: None,
            customer_facing: None,
            requires_authentication: None,
            product_tier_restrictions: None,
        }
    }
}

impl NewKnowledgeBaseArticle {
    /// Named-field construction: one setter per column, then [`build`](NewKnowledgeBaseArticleBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewKnowledgeBaseArticleBuilder {
        NewKnowledgeBaseArticleBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewKnowledgeBaseArticleBuilder {
        NewKnowledgeBaseArticleBuilder {
            article_id: Some(self.article_id),
            title: Some(self.title),
            summary: Some(self.summary),
            content: Some(self.content),
            category: Some(self.category),
            subcategory: self.subcategory,
            tags: Some(self.tags),
            status: self.status,
            author: Some(self.author),
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
            version: self.version,
            view_count: self.view_count,
            helpful_votes: self.helpful_votes,
            not_helpful_votes: self.not_helpful_votes,
            helpfulness_score: self.helpfulness_score,
            related_articles: self.related_articles,
            search_keywords: self.search_keywords,
            customer_facing: self.customer_facing,
            requires_authentication: self.requires_authentication,
            product_tier_restrictions: self.product_tier_restrictions,
        }
    }
}

/// Builds a [`NewKnowledgeBaseArticle`] by naming every value; see [`NewKnowledgeBaseArticle::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewKnowledgeBaseArticleBuilder {
    pub(crate) article_id: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) content: Option<String>,
    pub(crate) category: Option<String>,
    pub(crate) subcategory: Option<String>,
    pub(crate) tags: Option<StringList>,
    pub(crate) status: Option<ArticleStatus>,
    pub(crate) author: Option<String>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
    pub(crate) published_at: Option<DateTime<Utc>>,
    pub(crate) version: Option<Count>,
    pub(crate) view_count: Option<Count>,
    pub(crate) helpful_votes: Option<Count>,
    pub(crate) not_helpful_votes: Option<Count>,
    pub(crate) helpfulness_score: Option<Fraction>,
    pub(crate) related_articles: Option<StringList>,
    pub(crate) search_keywords: Option<StringList>,
    pub(crate) customer_facing: Option<bool>,
    pub(crate) requires_authentication: Option<bool>,
    pub(crate) product_tier_restrictions: Option<StringList>,
}

impl NewKnowledgeBaseArticleBuilder {
    /// `article_id`: SQL `varchar(50)`. Required.
    pub fn article_id(mut self, value: impl Into<String>) -> Self {
        self.article_id = Some(value.into());
        self
    }

    /// `title`: SQL `varchar(200)`. Required.
    pub fn title(mut self, value: impl Into<String>) -> Self {
        self.title = Some(value.into());
        self
    }

    /// `summary`: SQL `varchar(500)`. Required.
    pub fn summary(mut self, value: impl Into<String>) -> Self {
        self.summary = Some(value.into());
        self
    }

    /// `content`: SQL `text`. Required.
    pub fn content(mut self, value: impl Into<String>) -> Self {
        self.content = Some(value.into());
        self
    }

    /// `category`: SQL `varchar(100)`. Required.
    pub fn category(mut self, value: impl Into<String>) -> Self {
        self.category = Some(value.into());
        self
    }

    /// `subcategory`: SQL `varchar(100)`, nullable. Optional: unset, NULL.
    pub fn subcategory(mut self, value: impl Into<String>) -> Self {
        self.subcategory = Some(value.into());
        self
    }

    /// `tags`: A JSON array of strings. SQL `jsonb`. Required.
    pub fn tags(mut self, value: StringList) -> Self {
        self.tags = Some(value);
        self
    }

    /// `status`: One of [`ArticleStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: ArticleStatus) -> Self {
        self.status = Some(value);
        self
    }

    /// `author`: SQL `varchar(200)`. Required.
    pub fn author(mut self, value: impl Into<String>) -> Self {
        self.author = Some(value.into());
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

    /// `published_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn published_at(mut self, value: DateTime<Utc>) -> Self {
        self.published_at = Some(value);
        self
    }

    /// `version`: Revision number of the article, 0 or more. SQL `integer`, default `1`. Optional: unset, the database default applies.
    pub fn version(mut self, value: Count) -> Self {
        self.version = Some(value);
        self
    }

    /// `view_count`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn view_count(mut self, value: Count) -> Self {
        self.view_count = Some(value);
        self
    }

    /// `helpful_votes`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn helpful_votes(mut self, value: Count) -> Self {
        self.helpful_votes = Some(value);
        self
    }

    /// `not_helpful_votes`: A count, 0 or more. SQL `integer`, default `0`. Optional: unset, the database default applies.
    pub fn not_helpful_votes(mut self, value: Count) -> Self {
        self.not_helpful_votes = Some(value);
        self
    }

    /// `helpfulness_score`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`. Optional: unset, the database default applies.
    pub fn helpfulness_score(mut self, value: Fraction) -> Self {
        self.helpfulness_score = Some(value);
        self
    }

    /// `related_articles`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn related_articles(mut self, value: StringList) -> Self {
        self.related_articles = Some(value);
        self
    }

    /// `search_keywords`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn search_keywords(mut self, value: StringList) -> Self {
        self.search_keywords = Some(value);
        self
    }

    /// `customer_facing`: SQL `boolean`, default `true`. Optional: unset, the database default applies.
    pub fn customer_facing(mut self, value: bool) -> Self {
        self.customer_facing = Some(value);
        self
    }

    /// `requires_authentication`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn requires_authentication(mut self, value: bool) -> Self {
        self.requires_authentication = Some(value);
        self
    }

    /// `product_tier_restrictions`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn product_tier_restrictions(mut self, value: StringList) -> Self {
        self.product_tier_restrictions = Some(value);
        self
    }

    /// The row, once every required column (`article_id`, `title`, `summary`, `content`, `category`, `tags`, `author`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewKnowledgeBaseArticle> {
        Ok(NewKnowledgeBaseArticle {
            article_id: crate::models::required(self.article_id, "article_id")?,
            title: crate::models::required(self.title, "title")?,
            summary: crate::models::required(self.summary, "summary")?,
            content: crate::models::required(self.content, "content")?,
            category: crate::models::required(self.category, "category")?,
            subcategory: self.subcategory,
            tags: crate::models::required(self.tags, "tags")?,
            status: self.status,
            author: crate::models::required(self.author, "author")?,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
            version: self.version,
            view_count: self.view_count,
            helpful_votes: self.helpful_votes,
            not_helpful_votes: self.not_helpful_votes,
            helpfulness_score: self.helpfulness_score,
            related_articles: self.related_articles,
            search_keywords: self.search_keywords,
            customer_facing: self.customer_facing,
            requires_authentication: self.requires_authentication,
            product_tier_restrictions: self.product_tier_restrictions,
        })
    }
}

/// Changes to a row of `knowledge_base_articles`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBaseArticleChanges {
    /// `title`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `summary`: SQL `varchar(500)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// `content`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `category`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `subcategory`: SQL `varchar(100)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub subcategory: Option<Option<String>>,
    /// `tags`: A JSON array of strings. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `status`: One of [`ArticleStatus`]'s values (stored as text). SQL `varchar(20)`, default `'draft'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
    /// `author`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `published_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub published_at: Option<Option<DateTime<Utc>>>,
    /// `version`: Revision number of the article, 0 or more. SQL `integer`, default `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Count>,
    /// `view_count`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_count: Option<Count>,
    /// `helpful_votes`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_votes: Option<Count>,
    /// `not_helpful_votes`: A count, 0 or more. SQL `integer`, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_helpful_votes: Option<Count>,
    /// `helpfulness_score`: A fraction from 0 to 1 (0.25 means 25 %), not a percentage. SQL `double precision`, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpfulness_score: Option<Fraction>,
    /// `related_articles`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_articles: Option<StringList>,
    /// `search_keywords`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_keywords: Option<StringList>,
    /// `customer_facing`: SQL `boolean`, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_facing: Option<bool>,
    /// `requires_authentication`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_authentication: Option<bool>,
    /// `product_tier_restrictions`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier_restrictions: Option<StringList>,
}

crate::crud::impl_crud!(
    KnowledgeBaseArticle,
    NewKnowledgeBaseArticle,
    KnowledgeBaseArticleChanges,
    knowledge_base_articles,
    columns = 23,
    key = article_id,
    conflict = (article_id),
    upsert = [
        title,
        summary,
        content,
        category,
        subcategory,
        tags,
        status,
        author,
        published_at,
        version,
        view_count,
        helpful_votes,
        not_helpful_votes,
        helpfulness_score,
        related_articles,
        search_keywords,
        customer_facing,
        requires_authentication,
        product_tier_restrictions
    ]
);
