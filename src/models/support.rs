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
    /// `id`: bigint.
    pub id: i64,
    /// `ticket_id`: varchar(50).
    pub ticket_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `subject`: varchar(500).
    pub subject: String,
    /// `description`: text.
    pub description: String,
    /// `priority`: varchar(10).
    pub priority: TicketPriority,
    /// `category`: varchar(50).
    pub category: TicketCategory,
    /// `status`: varchar(50), default `'open'`.
    pub status: TicketStatus,
    /// `requester_email`: varchar(255).
    pub requester_email: String,
    /// `requester_name`: varchar(200).
    pub requester_name: String,
    /// `assigned_agent`: varchar(255), nullable.
    pub assigned_agent: Option<String>,
    /// `assigned_team`: varchar(100), nullable.
    pub assigned_team: Option<String>,
    /// `tags`: jsonb, default `'[]'::jsonb`.
    pub tags: StringList,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `first_response_at`: timestamptz, nullable.
    pub first_response_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
    /// `closed_at`: timestamptz, nullable.
    pub closed_at: Option<DateTime<Utc>>,
    /// `sla_first_response_minutes`: integer.
    pub sla_first_response_minutes: Count,
    /// `sla_resolution_minutes`: integer.
    pub sla_resolution_minutes: Count,
    /// `first_response_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.
    pub first_response_sla_status: SlaStatus,
    /// `resolution_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.
    pub resolution_sla_status: SlaStatus,
    /// `time_to_first_response_minutes`: integer, nullable.
    pub time_to_first_response_minutes: Option<Count>,
    /// `time_to_resolution_minutes`: integer, nullable.
    pub time_to_resolution_minutes: Option<Count>,
    /// `satisfaction_rating`: integer, nullable.
    pub satisfaction_rating: Option<SatisfactionRating>,
    /// `satisfaction_comment`: text, nullable.
    pub satisfaction_comment: Option<String>,
    /// `escalated`: boolean, default `false`.
    pub escalated: bool,
    /// `escalated_at`: timestamptz, nullable.
    pub escalated_at: Option<DateTime<Utc>>,
    /// `escalation_reason`: text, nullable.
    pub escalation_reason: Option<String>,
    /// `resolution_notes`: text, nullable.
    pub resolution_notes: Option<String>,
    /// `internal_notes`: text, nullable.
    pub internal_notes: Option<String>,
    /// `customer_visible_notes`: text, nullable.
    pub customer_visible_notes: Option<String>,
}

/// A new row of `support_tickets`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSupportTicket {
    /// `ticket_id`: varchar(50).
    pub ticket_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `subject`: varchar(500).
    pub subject: String,
    /// `description`: text.
    pub description: String,
    /// `priority`: varchar(10).
    pub priority: TicketPriority,
    /// `category`: varchar(50).
    pub category: TicketCategory,
    /// `status`: varchar(50), default `'open'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// `requester_email`: varchar(255).
    pub requester_email: String,
    /// `requester_name`: varchar(200).
    pub requester_name: String,
    /// `assigned_agent`: varchar(255), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_agent: Option<String>,
    /// `assigned_team`: varchar(100), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_team: Option<String>,
    /// `tags`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `first_response_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// `closed_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    /// `sla_first_response_minutes`: integer.
    pub sla_first_response_minutes: Count,
    /// `sla_resolution_minutes`: integer.
    pub sla_resolution_minutes: Count,
    /// `first_response_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_sla_status: Option<SlaStatus>,
    /// `resolution_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_sla_status: Option<SlaStatus>,
    /// `time_to_first_response_minutes`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_to_first_response_minutes: Option<Count>,
    /// `time_to_resolution_minutes`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_to_resolution_minutes: Option<Count>,
    /// `satisfaction_rating`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction_rating: Option<SatisfactionRating>,
    /// `satisfaction_comment`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction_comment: Option<String>,
    /// `escalated`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated: Option<bool>,
    /// `escalated_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_at: Option<DateTime<Utc>>,
    /// `escalation_reason`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation_reason: Option<String>,
    /// `resolution_notes`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_notes: Option<String>,
    /// `internal_notes`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_notes: Option<String>,
    /// `customer_visible_notes`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_visible_notes: Option<String>,
}

impl NewSupportTicket {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `support_tickets`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = support_tickets, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SupportTicketChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `subject`: varchar(500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `description`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `priority`: varchar(10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<TicketPriority>,
    /// `category`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TicketCategory>,
    /// `status`: varchar(50), default `'open'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// `requester_email`: varchar(255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_email: Option<String>,
    /// `requester_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_name: Option<String>,
    /// `assigned_agent`: varchar(255), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_agent: Option<Option<String>>,
    /// `assigned_team`: varchar(100), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_team: Option<Option<String>>,
    /// `tags`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `first_response_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub first_response_at: Option<Option<DateTime<Utc>>>,
    /// `resolved_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    /// `closed_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub closed_at: Option<Option<DateTime<Utc>>>,
    /// `sla_first_response_minutes`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_first_response_minutes: Option<Count>,
    /// `sla_resolution_minutes`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_resolution_minutes: Option<Count>,
    /// `first_response_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_sla_status: Option<SlaStatus>,
    /// `resolution_sla_status`: varchar(20), default `'not_applicable'`. Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_sla_status: Option<SlaStatus>,
    /// `time_to_first_response_minutes`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub time_to_first_response_minutes: Option<Option<Count>>,
    /// `time_to_resolution_minutes`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub time_to_resolution_minutes: Option<Option<Count>>,
    /// `satisfaction_rating`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub satisfaction_rating: Option<Option<SatisfactionRating>>,
    /// `satisfaction_comment`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub satisfaction_comment: Option<Option<String>>,
    /// `escalated`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated: Option<bool>,
    /// `escalated_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub escalated_at: Option<Option<DateTime<Utc>>>,
    /// `escalation_reason`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub escalation_reason: Option<Option<String>>,
    /// `resolution_notes`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolution_notes: Option<Option<String>>,
    /// `internal_notes`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub internal_notes: Option<Option<String>>,
    /// `customer_visible_notes`: text, nullable.
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
    /// `id`: bigint.
    pub id: i64,
    /// `comment_id`: varchar(50).
    pub comment_id: String,
    /// `ticket_id`: varchar(50).
    pub ticket_id: String,
    /// `author_email`: varchar(255).
    pub author_email: String,
    /// `author_name`: varchar(200).
    pub author_name: String,
    /// `author_type`: varchar(20).
    pub author_type: AuthorType,
    /// `content`: text.
    pub content: String,
    /// `is_public`: boolean, default `true`.
    pub is_public: bool,
    /// `attachments`: jsonb, default `'[]'::jsonb`.
    pub attachments: Value,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
}

/// A new row of `ticket_comments`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = ticket_comments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewTicketComment {
    /// `comment_id`: varchar(50).
    pub comment_id: String,
    /// `ticket_id`: varchar(50).
    pub ticket_id: String,
    /// `author_email`: varchar(255).
    pub author_email: String,
    /// `author_name`: varchar(200).
    pub author_name: String,
    /// `author_type`: varchar(20).
    pub author_type: AuthorType,
    /// `content`: text.
    pub content: String,
    /// `is_public`: boolean, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// `attachments`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Value>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

impl NewTicketComment {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        comment_id: impl Into<String>,
        ticket_id: impl Into<String>,
        author_email: impl Into<String>,
        author_name: impl Into<String>,
        author_type: AuthorType,
        content: impl Into<String>,
    ) -> Self {
        NewTicketComment {
            comment_id: comment_id.into(),
            ticket_id: ticket_id.into(),
            author_email: author_email.into(),
            author_name: author_name.into(),
            author_type,
            content: content.into(),
            is_public: None,
            attachments: None,
            created_at: None,
        }
    }
}

/// Changes to a row of `ticket_comments`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = ticket_comments, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct TicketCommentChanges {
    /// `ticket_id`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
    /// `author_email`: varchar(255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_email: Option<String>,
    /// `author_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    /// `author_type`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_type: Option<AuthorType>,
    /// `content`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `is_public`: boolean, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    /// `attachments`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Value>,
}

crate::crud::impl_crud!(
    TicketComment,
    NewTicketComment,
    TicketCommentChanges,
    ticket_comments,
    columns = 10,
    key = comment_id
);

/// A row of `knowledge_base_articles`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
pub struct KnowledgeBaseArticle {
    /// `id`: bigint.
    pub id: i64,
    /// `article_id`: varchar(50).
    pub article_id: String,
    /// `title`: varchar(200).
    pub title: String,
    /// `summary`: varchar(500).
    pub summary: String,
    /// `content`: text.
    pub content: String,
    /// `category`: varchar(100).
    pub category: String,
    /// `subcategory`: varchar(100), nullable.
    pub subcategory: Option<String>,
    /// `tags`: jsonb.
    pub tags: StringList,
    /// `status`: varchar(20), default `'draft'`.
    pub status: ArticleStatus,
    /// `author`: varchar(200).
    pub author: String,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `published_at`: timestamptz, nullable.
    pub published_at: Option<DateTime<Utc>>,
    /// `version`: integer, default `1`.
    pub version: Count,
    /// `view_count`: integer, default `0`.
    pub view_count: Count,
    /// `helpful_votes`: integer, default `0`.
    pub helpful_votes: Count,
    /// `not_helpful_votes`: integer, default `0`.
    pub not_helpful_votes: Count,
    /// `helpfulness_score`: double precision, default `0.0`.
    pub helpfulness_score: Fraction,
    /// `related_articles`: jsonb, default `'[]'::jsonb`.
    pub related_articles: StringList,
    /// `search_keywords`: jsonb, default `'[]'::jsonb`.
    pub search_keywords: StringList,
    /// `customer_facing`: boolean, default `true`.
    pub customer_facing: bool,
    /// `requires_authentication`: boolean, default `false`.
    pub requires_authentication: bool,
    /// `product_tier_restrictions`: jsonb, default `'[]'::jsonb`.
    pub product_tier_restrictions: StringList,
}

/// A new row of `knowledge_base_articles`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewKnowledgeBaseArticle {
    /// `article_id`: varchar(50).
    pub article_id: String,
    /// `title`: varchar(200).
    pub title: String,
    /// `summary`: varchar(500).
    pub summary: String,
    /// `content`: text.
    pub content: String,
    /// `category`: varchar(100).
    pub category: String,
    /// `subcategory`: varchar(100), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// `tags`: jsonb.
    pub tags: StringList,
    /// `status`: varchar(20), default `'draft'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
    /// `author`: varchar(200).
    pub author: String,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `published_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<DateTime<Utc>>,
    /// `version`: integer, default `1`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Count>,
    /// `view_count`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_count: Option<Count>,
    /// `helpful_votes`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_votes: Option<Count>,
    /// `not_helpful_votes`: integer, default `0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_helpful_votes: Option<Count>,
    /// `helpfulness_score`: double precision, default `0.0`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpfulness_score: Option<Fraction>,
    /// `related_articles`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_articles: Option<StringList>,
    /// `search_keywords`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_keywords: Option<StringList>,
    /// `customer_facing`: boolean, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_facing: Option<bool>,
    /// `requires_authentication`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_authentication: Option<bool>,
    /// `product_tier_restrictions`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier_restrictions: Option<StringList>,
}

impl NewKnowledgeBaseArticle {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `knowledge_base_articles`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = knowledge_base_articles, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBaseArticleChanges {
    /// `title`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `summary`: varchar(500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// `content`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `category`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `subcategory`: varchar(100), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub subcategory: Option<Option<String>>,
    /// `tags`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `status`: varchar(20), default `'draft'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ArticleStatus>,
    /// `author`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `published_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub published_at: Option<Option<DateTime<Utc>>>,
    /// `version`: integer, default `1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Count>,
    /// `view_count`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_count: Option<Count>,
    /// `helpful_votes`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpful_votes: Option<Count>,
    /// `not_helpful_votes`: integer, default `0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_helpful_votes: Option<Count>,
    /// `helpfulness_score`: double precision, default `0.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpfulness_score: Option<Fraction>,
    /// `related_articles`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_articles: Option<StringList>,
    /// `search_keywords`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_keywords: Option<StringList>,
    /// `customer_facing`: boolean, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_facing: Option<bool>,
    /// `requires_authentication`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_authentication: Option<bool>,
    /// `product_tier_restrictions`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_tier_restrictions: Option<StringList>,
}

crate::crud::impl_crud!(
    KnowledgeBaseArticle,
    NewKnowledgeBaseArticle,
    KnowledgeBaseArticleChanges,
    knowledge_base_articles,
    columns = 23,
    key = article_id
);
