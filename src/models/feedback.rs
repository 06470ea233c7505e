//! Feedback tables: customer feedback, NPS responses, sentiment analyses, survey templates.
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

/// A row of `customer_feedback`.
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
#[diesel(table_name = customer_feedback, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct CustomerFeedback {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `feedback_id`: SQL `varchar(50)`.
    pub feedback_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `feedback_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    pub feedback_type: FeedbackType,
    /// `source`: SQL `varchar(100)`.
    pub source: String,
    /// `submitter_email`: SQL `varchar(255)`.
    pub submitter_email: String,
    /// `submitter_name`: SQL `varchar(200)`.
    pub submitter_name: String,
    /// `title`: SQL `varchar(200)`.
    pub title: String,
    /// `content`: SQL `text`.
    pub content: String,
    /// `category`: SQL `varchar(100)`.
    pub category: String,
    /// `subcategory`: SQL `varchar(100)`, nullable.
    pub subcategory: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    pub tags: StringList,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment: Sentiment,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub sentiment_score: SentimentScore,
    /// `priority`: One of [`FeedbackPriority`]'s values (stored as text). SQL `varchar(20)`, default `'medium'`.
    pub priority: FeedbackPriority,
    /// `status`: One of [`FeedbackStatus`]'s values (stored as text). SQL `varchar(20)`, default `'new'`.
    pub status: FeedbackStatus,
    /// `impact_assessment`: SQL `text`, nullable.
    pub impact_assessment: Option<String>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    pub assigned_to: Option<String>,
    /// `follow_up_required`: SQL `boolean`, default `false`.
    pub follow_up_required: bool,
    /// `follow_up_by`: SQL `date`, nullable.
    pub follow_up_by: Option<NaiveDate>,
    /// `customer_responded`: SQL `boolean`, default `false`.
    pub customer_responded: bool,
    /// `resolution_notes`: SQL `text`, nullable.
    pub resolution_notes: Option<String>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `reviewed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// A new row of `customer_feedback`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewCustomerFeedback::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customer_feedback, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomerFeedback {
    /// `feedback_id`: SQL `varchar(50)`.
    pub feedback_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `feedback_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    pub feedback_type: FeedbackType,
    /// `source`: SQL `varchar(100)`.
    pub source: String,
    /// `submitter_email`: SQL `varchar(255)`.
    pub submitter_email: String,
    /// `submitter_name`: SQL `varchar(200)`.
    pub submitter_name: String,
    /// `title`: SQL `varchar(200)`.
    pub title: String,
    /// `content`: SQL `text`.
    pub content: String,
    /// `category`: SQL `varchar(100)`.
    pub category: String,
    /// `subcategory`: SQL `varchar(100)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment: Sentiment,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub sentiment_score: SentimentScore,
    /// `priority`: One of [`FeedbackPriority`]'s values (stored as text). SQL `varchar(20)`, default `'medium'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<FeedbackPriority>,
    /// `status`: One of [`FeedbackStatus`]'s values (stored as text). SQL `varchar(20)`, default `'new'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeedbackStatus>,
    /// `impact_assessment`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_assessment: Option<String>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `follow_up_required`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `follow_up_by`: SQL `date`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_by: Option<NaiveDate>,
    /// `customer_responded`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_responded: Option<bool>,
    /// `resolution_notes`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_notes: Option<String>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `reviewed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl NewCustomerFeedback {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewCustomerFeedback::builder`]: with 11 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        feedback_id: impl Into<String>,
        client_id: impl Into<String>,
        feedback_type: FeedbackType,
        source: impl Into<String>,
        submitter_email: impl Into<String>,
        submitter_name: impl Into<String>,
        title: impl Into<String>,
        content: impl Into<String>,
        category: impl Into<String>,
        sentiment: Sentiment,
        sentiment_score: SentimentScore,
    ) -> Self {
        NewCustomerFeedback {
            feedback_id: feedback_id.into(),
            client_id: client_id.into(),
            feedback_type,
            source: source.into(),
            submitter_email: submitter_email.into(),
            submitter_name: submitter_name.into(),
            title: title.into(),
            content: content.into(),
            category: category.into(),
            sentiment,
            sentiment_score,
            subcategory: None,
            tags: None,
            priority: None,
            status: None,
            impact_assessment: None,
            assigned_to: None,
            follow_up_required: None,
            follow_up_by: None,
            customer_responded: None,
            resolution_notes: None,
            created_at: None,
            updated_at: None,
            reviewed_at: None,
            resolved_at: None,
        }
    }
}

impl NewCustomerFeedback {
    /// Named-field construction: one setter per column, then [`build`](NewCustomerFeedbackBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewCustomerFeedbackBuilder {
        NewCustomerFeedbackBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewCustomerFeedbackBuilder {
        NewCustomerFeedbackBuilder {
            feedback_id: Some(self.feedback_id),
            client_id: Some(self.client_id),
            feedback_type: Some(self.feedback_type),
            source: Some(self.source),
            submitter_email: Some(self.submitter_email),
            submitter_name: Some(self.submitter_name),
            title: Some(self.title),
            content: Some(self.content),
            category: Some(self.category),
            subcategory: self.subcategory,
            tags: self.tags,
            sentiment: Some(self.sentiment),
            sentiment_score: Some(self.sentiment_score),
            priority: self.priority,
            status: self.status,
            impact_assessment: self.impact_assessment,
            assigned_to: self.assigned_to,
            follow_up_required: self.follow_up_required,
            follow_up_by: self.follow_up_by,
            customer_responded: self.customer_responded,
            resolution_notes: self.resolution_notes,
            created_at: self.created_at,
            updated_at: self.updated_at,
            reviewed_at: self.reviewed_at,
            resolved_at: self.resolved_at,
        }
    }
}

/// Builds a [`NewCustomerFeedback`] by naming every value; see [`NewCustomerFeedback::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewCustomerFeedbackBuilder {
    pub(crate) feedback_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) feedback_type: Option<FeedbackType>,
    pub(crate) source: Option<String>,
    pub(crate) submitter_email: Option<String>,
    pub(crate) submitter_name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) content: Option<String>,
    pub(crate) category: Option<String>,
    pub(crate) subcategory: Option<String>,
    pub(crate) tags: Option<StringList>,
    pub(crate) sentiment: Option<Sentiment>,
    pub(crate) sentiment_score: Option<SentimentScore>,
    pub(crate) priority: Option<FeedbackPriority>,
    pub(crate) status: Option<FeedbackStatus>,
    pub(crate) impact_assessment: Option<String>,
    pub(crate) assigned_to: Option<String>,
    pub(crate) follow_up_required: Option<bool>,
    pub(crate) follow_up_by: Option<NaiveDate>,
    pub(crate) customer_responded: Option<bool>,
    pub(crate) resolution_notes: Option<String>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
    pub(crate) reviewed_at: Option<DateTime<Utc>>,
    pub(crate) resolved_at: Option<DateTime<Utc>>,
}

impl NewCustomerFeedbackBuilder {
    /// `feedback_id`: SQL `varchar(50)`. Required.
    pub fn feedback_id(mut self, value: impl Into<String>) -> Self {
        self.feedback_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `feedback_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn feedback_type(mut self, value: FeedbackType) -> Self {
        self.feedback_type = Some(value);
        self
    }

    /// `source`: SQL `varchar(100)`. Required.
    pub fn source(mut self, value: impl Into<String>) -> Self {
        self.source = Some(value.into());
        self
    }

    /// `submitter_email`: SQL `varchar(255)`. Required.
    pub fn submitter_email(mut self, value: impl Into<String>) -> Self {
        self.submitter_email = Some(value.into());
        self
    }

    /// `submitter_name`: SQL `varchar(200)`. Required.
    pub fn submitter_name(mut self, value: impl Into<String>) -> Self {
        self.submitter_name = Some(value.into());
        self
    }

    /// `title`: SQL `varchar(200)`. Required.
    pub fn title(mut self, value: impl Into<String>) -> Self {
        self.title = Some(value.into());
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

    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn tags(mut self, value: StringList) -> Self {
        self.tags = Some(value);
        self
    }

    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn sentiment(mut self, value: Sentiment) -> Self {
        self.sentiment = Some(value);
        self
    }

    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`. Required.
    pub fn sentiment_score(mut self, value: SentimentScore) -> Self {
        self.sentiment_score = Some(value);
        self
    }

    /// `priority`: One of [`FeedbackPriority`]'s values (stored as text). SQL `varchar(20)`, default `'medium'`. Optional: unset, the database default applies.
    pub fn priority(mut self, value: FeedbackPriority) -> Self {
        self.priority = Some(value);
        self
    }

    /// `status`: One of [`FeedbackStatus`]'s values (stored as text). SQL `varchar(20)`, default `'new'`. Optional: unset, the database default applies.
    pub fn status(mut self, value: FeedbackStatus) -> Self {
        self.status = Some(value);
        self
    }

    /// `impact_assessment`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn impact_assessment(mut self, value: impl Into<String>) -> Self {
        self.impact_assessment = Some(value.into());
        self
    }

    /// `assigned_to`: SQL `varchar(200)`, nullable. Optional: unset, NULL.
    pub fn assigned_to(mut self, value: impl Into<String>) -> Self {
        self.assigned_to = Some(value.into());
        self
    }

    /// `follow_up_required`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn follow_up_required(mut self, value: bool) -> Self {
        self.follow_up_required = Some(value);
        self
    }

    /// `follow_up_by`: SQL `date`, nullable. Optional: unset, NULL.
    pub fn follow_up_by(mut self, value: NaiveDate) -> Self {
        self.follow_up_by = Some(value);
        self
    }

    /// `customer_responded`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn customer_responded(mut self, value: bool) -> Self {
        self.customer_responded = Some(value);
        self
    }

    /// `resolution_notes`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn resolution_notes(mut self, value: impl Into<String>) -> Self {
        self.resolution_notes = Some(value.into());
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

    /// `reviewed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn reviewed_at(mut self, value: DateTime<Utc>) -> Self {
        self.reviewed_at = Some(value);
        self
    }

    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable. Optional: unset, NULL.
    pub fn resolved_at(mut self, value: DateTime<Utc>) -> Self {
        self.resolved_at = Some(value);
        self
    }

    /// The row, once every required column (`feedback_id`, `client_id`, `feedback_type`, `source`, `submitter_email`, `submitter_name`, `title`, `content`, `category`, `sentiment`, `sentiment_score`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewCustomerFeedback> {
        Ok(NewCustomerFeedback {
            feedback_id: crate::models::required(self.feedback_id, "feedback_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            feedback_type: crate::models::required(self.feedback_type, "feedback_type")?,
            source: crate::models::required(self.source, "source")?,
            submitter_email: crate::models::required(self.submitter_email, "submitter_email")?,
            submitter_name: crate::models::required(self.submitter_name, "submitter_name")?,
            title: crate::models::required(self.title, "title")?,
            content: crate::models::required(self.content, "content")?,
            category: crate::models::required(self.category, "category")?,
            subcategory: self.subcategory,
            tags: self.tags,
            sentiment: crate::models::required(self.sentiment, "sentiment")?,
            sentiment_score: crate::models::required(self.sentiment_score, "sentiment_score")?,
            priority: self.priority,
            status: self.status,
            impact_assessment: self.impact_assessment,
            assigned_to: self.assigned_to,
            follow_up_required: self.follow_up_required,
            follow_up_by: self.follow_up_by,
            customer_responded: self.customer_responded,
            resolution_notes: self.resolution_notes,
            created_at: self.created_at,
            updated_at: self.updated_at,
            reviewed_at: self.reviewed_at,
            resolved_at: self.resolved_at,
        })
    }
}

/// Changes to a row of `customer_feedback`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customer_feedback, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerFeedbackChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `feedback_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_type: Option<FeedbackType>,
    /// `source`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `submitter_email`: SQL `varchar(255)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_email: Option<String>,
    /// `submitter_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_name: Option<String>,
    /// `title`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
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
    /// `tags`: A JSON array of strings. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_score: Option<SentimentScore>,
    /// `priority`: One of [`FeedbackPriority`]'s values (stored as text). SQL `varchar(20)`, default `'medium'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<FeedbackPriority>,
    /// `status`: One of [`FeedbackStatus`]'s values (stored as text). SQL `varchar(20)`, default `'new'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeedbackStatus>,
    /// `impact_assessment`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub impact_assessment: Option<Option<String>>,
    /// `assigned_to`: SQL `varchar(200)`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `follow_up_required`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `follow_up_by`: SQL `date`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_by: Option<Option<NaiveDate>>,
    /// `customer_responded`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_responded: Option<bool>,
    /// `resolution_notes`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolution_notes: Option<Option<String>>,
    /// `reviewed_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub reviewed_at: Option<Option<DateTime<Utc>>>,
    /// `resolved_at`: A moment in time (stored in UTC). SQL `timestamptz`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolved_at: Option<Option<DateTime<Utc>>>,
}

crate::crud::impl_crud!(
    CustomerFeedback,
    NewCustomerFeedback,
    CustomerFeedbackChanges,
    customer_feedback,
    columns = 26,
    key = feedback_id,
    conflict = (feedback_id, client_id),
    upsert = [
        feedback_type,
        source,
        submitter_email,
        submitter_name,
        title,
        content,
        category,
        subcategory,
        tags,
        sentiment,
        sentiment_score,
        priority,
        status,
        impact_assessment,
        assigned_to,
        follow_up_required,
        follow_up_by,
        customer_responded,
        resolution_notes,
        reviewed_at,
        resolved_at
    ],
    client = client_id
);

/// A row of `nps_responses`.
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
#[diesel(table_name = nps_responses, check_for_backend(diesel::pg::Pg))]
#[diesel(belongs_to(Customer, foreign_key = client_id))]
pub struct NpsResponse {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `response_id`: SQL `varchar(50)`.
    pub response_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `survey_id`: SQL `varchar(50)`.
    pub survey_id: String,
    /// `respondent_email`: SQL `varchar(255)`.
    pub respondent_email: String,
    /// `respondent_name`: SQL `varchar(200)`.
    pub respondent_name: String,
    /// `score`: The answer to "how likely are you to recommend us", 0 to 10. SQL `integer`.
    pub score: NpsScore,
    /// `category`: One of [`NpsCategory`]'s values (stored as text). SQL `varchar(20)`.
    pub category: NpsCategory,
    /// `reason`: SQL `text`, nullable.
    pub reason: Option<String>,
    /// `follow_up_question_1`: SQL `text`, nullable.
    pub follow_up_question_1: Option<String>,
    /// `follow_up_answer_1`: SQL `text`, nullable.
    pub follow_up_answer_1: Option<String>,
    /// `follow_up_question_2`: SQL `text`, nullable.
    pub follow_up_question_2: Option<String>,
    /// `follow_up_answer_2`: SQL `text`, nullable.
    pub follow_up_answer_2: Option<String>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment: Sentiment,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub sentiment_score: SentimentScore,
    /// `follow_up_required`: SQL `boolean`, default `false`.
    pub follow_up_required: bool,
    /// `contacted`: SQL `boolean`, default `false`.
    pub contacted: bool,
    /// `survey_sent_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub survey_sent_at: DateTime<Utc>,
    /// `responded_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub responded_at: DateTime<Utc>,
    /// `response_time_hours`: Hours (fractional), 0 or more. SQL `double precision`.
    pub response_time_hours: NonNegativeF64,
}

/// A new row of `nps_responses`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewNpsResponse::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
///
/// Built with [`NewNpsResponse::new`] or [`NewNpsResponse::builder`], which derive `category`, `score`.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize)]
#[diesel(table_name = nps_responses, check_for_backend(diesel::pg::Pg))]
pub struct NewNpsResponse {
    /// `response_id`: SQL `varchar(50)`.
    pub response_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `survey_id`: SQL `varchar(50)`.
    pub survey_id: String,
    /// `respondent_email`: SQL `varchar(255)`.
    pub respondent_email: String,
    /// `respondent_name`: SQL `varchar(200)`.
    pub respondent_name: String,
    /// `score`: The answer to "how likely are you to recommend us", 0 to 10. SQL `integer`. Derived by the constructor.
    pub(crate) score: NpsScore,
    /// `category`: One of [`NpsCategory`]'s values (stored as text). SQL `varchar(20)`. Derived by the constructor.
    pub(crate) category: NpsCategory,
    /// `reason`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `follow_up_question_1`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_question_1: Option<String>,
    /// `follow_up_answer_1`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_answer_1: Option<String>,
    /// `follow_up_question_2`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_question_2: Option<String>,
    /// `follow_up_answer_2`: SQL `text`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_answer_2: Option<String>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment: Sentiment,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub sentiment_score: SentimentScore,
    /// `follow_up_required`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `contacted`: SQL `boolean`, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub survey_sent_at: DateTime<Utc>,
    /// `responded_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: Hours (fractional), 0 or more. SQL `double precision`.
    pub response_time_hours: NonNegativeF64,
}

impl NewNpsResponse {
    /// Named-field construction: one setter per column, then [`build`](NewNpsResponseBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewNpsResponseBuilder {
        NewNpsResponseBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewNpsResponseBuilder {
        NewNpsResponseBuilder {
            response_id: Some(self.response_id),
            client_id: Some(self.client_id),
            survey_id: Some(self.survey_id),
            respondent_email: Some(self.respondent_email),
            respondent_name: Some(self.respondent_name),
            score: Some(self.score),
            category: Some(self.category),
            reason: self.reason,
            follow_up_question_1: self.follow_up_question_1,
            follow_up_answer_1: self.follow_up_answer_1,
            follow_up_question_2: self.follow_up_question_2,
            follow_up_answer_2: self.follow_up_answer_2,
            sentiment: Some(self.sentiment),
            sentiment_score: Some(self.sentiment_score),
            follow_up_required: self.follow_up_required,
            contacted: self.contacted,
            survey_sent_at: Some(self.survey_sent_at),
            responded_at: self.responded_at,
            response_time_hours: Some(self.response_time_hours),
        }
    }
}

/// Builds a [`NewNpsResponse`] by naming every value; see [`NewNpsResponse::builder`].
///
/// `category`, `score` are set by the derived setters (see the
/// crate's domain rules), which keep them consistent.
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewNpsResponseBuilder {
    pub(crate) response_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) survey_id: Option<String>,
    pub(crate) respondent_email: Option<String>,
    pub(crate) respondent_name: Option<String>,
    pub(crate) score: Option<NpsScore>,
    pub(crate) category: Option<NpsCategory>,
    pub(crate) reason: Option<String>,
    pub(crate) follow_up_question_1: Option<String>,
    pub(crate) follow_up_answer_1: Option<String>,
    pub(crate) follow_up_question_2: Option<String>,
    pub(crate) follow_up_answer_2: Option<String>,
    pub(crate) sentiment: Option<Sentiment>,
    pub(crate) sentiment_score: Option<SentimentScore>,
    pub(crate) follow_up_required: Option<bool>,
    pub(crate) contacted: Option<bool>,
    pub(crate) survey_sent_at: Option<DateTime<Utc>>,
    pub(crate) responded_at: Option<DateTime<Utc>>,
    pub(crate) response_time_hours: Option<NonNegativeF64>,
}

impl NewNpsResponseBuilder {
    /// `response_id`: SQL `varchar(50)`. Required.
    pub fn response_id(mut self, value: impl Into<String>) -> Self {
        self.response_id = Some(value.into());
        self
    }

    /// `client_id`: SQL `varchar(100)`. Required.
    pub fn client_id(mut self, value: impl Into<String>) -> Self {
        self.client_id = Some(value.into());
        self
    }

    /// `survey_id`: SQL `varchar(50)`. Required.
    pub fn survey_id(mut self, value: impl Into<String>) -> Self {
        self.survey_id = Some(value.into());
        self
    }

    /// `respondent_email`: SQL `varchar(255)`. Required.
    pub fn respondent_email(mut self, value: impl Into<String>) -> Self {
        self.respondent_email = Some(value.into());
        self
    }

    /// `respondent_name`: SQL `varchar(200)`. Required.
    pub fn respondent_name(mut self, value: impl Into<String>) -> Self {
        self.respondent_name = Some(value.into());
        self
    }

    /// `reason`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn reason(mut self, value: impl Into<String>) -> Self {
        self.reason = Some(value.into());
        self
    }

    /// `follow_up_question_1`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn follow_up_question_1(mut self, value: impl Into<String>) -> Self {
        self.follow_up_question_1 = Some(value.into());
        self
    }

    /// `follow_up_answer_1`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn follow_up_answer_1(mut self, value: impl Into<String>) -> Self {
        self.follow_up_answer_1 = Some(value.into());
        self
    }

    /// `follow_up_question_2`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn follow_up_question_2(mut self, value: impl Into<String>) -> Self {
        self.follow_up_question_2 = Some(value.into());
        self
    }

    /// `follow_up_answer_2`: SQL `text`, nullable. Optional: unset, NULL.
    pub fn follow_up_answer_2(mut self, value: impl Into<String>) -> Self {
        self.follow_up_answer_2 = Some(value.into());
        self
    }

    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn sentiment(mut self, value: Sentiment) -> Self {
        self.sentiment = Some(value);
        self
    }

    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`. Required.
    pub fn sentiment_score(mut self, value: SentimentScore) -> Self {
        self.sentiment_score = Some(value);
        self
    }

    /// `follow_up_required`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn follow_up_required(mut self, value: bool) -> Self {
        self.follow_up_required = Some(value);
        self
    }

    /// `contacted`: SQL `boolean`, default `false`. Optional: unset, the database default applies.
    pub fn contacted(mut self, value: bool) -> Self {
        self.contacted = Some(value);
        self
    }

    /// `survey_sent_at`: A moment in time (stored in UTC). SQL `timestamptz`. Required.
    pub fn survey_sent_at(mut self, value: DateTime<Utc>) -> Self {
        self.survey_sent_at = Some(value);
        self
    }

    /// `responded_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn responded_at(mut self, value: DateTime<Utc>) -> Self {
        self.responded_at = Some(value);
        self
    }

    /// `response_time_hours`: Hours (fractional), 0 or more. SQL `double precision`. Required.
    pub fn response_time_hours(mut self, value: NonNegativeF64) -> Self {
        self.response_time_hours = Some(value);
        self
    }

    /// The row, once every required column (`response_id`, `client_id`, `survey_id`, `respondent_email`, `respondent_name`, `score`, `category`, `sentiment`, `sentiment_score`, `survey_sent_at`, `response_time_hours`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set, or one whose derived columns
    /// are inconsistent.
    pub fn build(self) -> crate::Result<NewNpsResponse> {
        let row = NewNpsResponse {
            response_id: crate::models::required(self.response_id, "response_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            survey_id: crate::models::required(self.survey_id, "survey_id")?,
            respondent_email: crate::models::required(self.respondent_email, "respondent_email")?,
            respondent_name: crate::models::required(self.respondent_name, "respondent_name")?,
            score: crate::models::required(self.score, "score")?,
            category: crate::models::required(self.category, "category")?,
            reason: self.reason,
            follow_up_question_1: self.follow_up_question_1,
            follow_up_answer_1: self.follow_up_answer_1,
            follow_up_question_2: self.follow_up_question_2,
            follow_up_answer_2: self.follow_up_answer_2,
            sentiment: crate::models::required(self.sentiment, "sentiment")?,
            sentiment_score: crate::models::required(self.sentiment_score, "sentiment_score")?,
            follow_up_required: self.follow_up_required,
            contacted: self.contacted,
            survey_sent_at: crate::models::required(self.survey_sent_at, "survey_sent_at")?,
            responded_at: self.responded_at,
            response_time_hours: crate::models::required(
                self.response_time_hours,
                "response_time_hours",
            )?,
        };
        row.finish_build()
    }
}

/// Changes to a row of `nps_responses`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
///
/// `category`, `score` change only through the constructors below, which keep
/// derived columns consistent.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = nps_responses, check_for_backend(diesel::pg::Pg))]
#[serde(try_from = "NpsResponseChangesInput")]
pub struct NpsResponseChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `survey_id`: SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    /// `respondent_email`: SQL `varchar(255)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_email: Option<String>,
    /// `respondent_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_name: Option<String>,
    /// `score`: The answer to "how likely are you to recommend us", 0 to 10. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) score: Option<NpsScore>,
    /// `category`: One of [`NpsCategory`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) category: Option<NpsCategory>,
    /// `reason`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub reason: Option<Option<String>>,
    /// `follow_up_question_1`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_question_1: Option<Option<String>>,
    /// `follow_up_answer_1`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_answer_1: Option<Option<String>>,
    /// `follow_up_question_2`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_question_2: Option<Option<String>>,
    /// `follow_up_answer_2`: SQL `text`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_answer_2: Option<Option<String>>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_score: Option<SentimentScore>,
    /// `follow_up_required`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `contacted`: SQL `boolean`, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_sent_at: Option<DateTime<Utc>>,
    /// `responded_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: Hours (fractional), 0 or more. SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time_hours: Option<NonNegativeF64>,
}

/// What JSON may say about a `nps_responses` change, before the derived columns are checked
/// (see the `TryFrom` impl of [`NpsResponseChanges`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NpsResponseChangesInput {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default)]
    pub client_id: Option<String>,
    /// `survey_id`: SQL `varchar(50)`.
    #[serde(default)]
    pub survey_id: Option<String>,
    /// `respondent_email`: SQL `varchar(255)`.
    #[serde(default)]
    pub respondent_email: Option<String>,
    /// `respondent_name`: SQL `varchar(200)`.
    #[serde(default)]
    pub respondent_name: Option<String>,
    /// `score`: The answer to "how likely are you to recommend us", 0 to 10. SQL `integer`.
    #[serde(default)]
    pub score: Option<NpsScore>,
    /// `category`: One of [`NpsCategory`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default)]
    pub category: Option<NpsCategory>,
    /// `reason`: SQL `text`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub reason: Option<Option<String>>,
    /// `follow_up_question_1`: SQL `text`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_question_1: Option<Option<String>>,
    /// `follow_up_answer_1`: SQL `text`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_answer_1: Option<Option<String>>,
    /// `follow_up_question_2`: SQL `text`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_question_2: Option<Option<String>>,
    /// `follow_up_answer_2`: SQL `text`, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_answer_2: Option<Option<String>>,
    /// `sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    #[serde(default)]
    pub sentiment_score: Option<SentimentScore>,
    /// `follow_up_required`: SQL `boolean`, default `false`.
    #[serde(default)]
    pub follow_up_required: Option<bool>,
    /// `contacted`: SQL `boolean`, default `false`.
    #[serde(default)]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default)]
    pub survey_sent_at: Option<DateTime<Utc>>,
    /// `responded_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default)]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: Hours (fractional), 0 or more. SQL `double precision`.
    #[serde(default)]
    pub response_time_hours: Option<NonNegativeF64>,
}

impl NpsResponseChangesInput {
    /// Every field moved into a changeset, derived columns unchecked.
    pub(crate) fn into_unchecked(self) -> NpsResponseChanges {
        NpsResponseChanges {
            client_id: self.client_id,
            survey_id: self.survey_id,
            respondent_email: self.respondent_email,
            respondent_name: self.respondent_name,
            score: self.score,
            category: self.category,
            reason: self.reason,
            follow_up_question_1: self.follow_up_question_1,
            follow_up_answer_1: self.follow_up_answer_1,
            follow_up_question_2: self.follow_up_question_2,
            follow_up_answer_2: self.follow_up_answer_2,
            sentiment: self.sentiment,
            sentiment_score: self.sentiment_score,
            follow_up_required: self.follow_up_required,
            contacted: self.contacted,
            survey_sent_at: self.survey_sent_at,
            responded_at: self.responded_at,
            response_time_hours: self.response_time_hours,
        }
    }
}

crate::crud::impl_crud!(
    NpsResponse,
    NewNpsResponse,
    NpsResponseChanges,
    nps_responses,
    columns = 20,
    key = response_id,
    conflict = (response_id, client_id),
    upsert = [
        survey_id,
        respondent_email,
        respondent_name,
        score,
        category,
        reason,
        follow_up_question_1,
        follow_up_answer_1,
        follow_up_question_2,
        follow_up_answer_2,
        sentiment,
        sentiment_score,
        follow_up_required,
        contacted,
        survey_sent_at,
        responded_at,
        response_time_hours
    ],
    client = client_id
);

/// A row of `sentiment_analysis`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
pub struct SentimentAnalysis {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `analysis_id`: SQL `varchar(100)`.
    pub analysis_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub top_positive_themes: Value,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub top_negative_themes: Value,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub action_items: Value,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub analyzed_at: DateTime<Utc>,
}

/// A new row of `sentiment_analysis`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewSentimentAnalysis::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSentimentAnalysis {
    /// `analysis_id`: SQL `varchar(100)`.
    pub analysis_id: String,
    /// `client_id`: SQL `varchar(100)`.
    pub client_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<DateTime<Utc>>,
}

impl NewSentimentAnalysis {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewSentimentAnalysis::builder`]: with 10 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        analysis_id: impl Into<String>,
        client_id: impl Into<String>,
        period_start: DateTime<Utc>,
        period_end: DateTime<Utc>,
        total_feedback_items: Count,
        feedback_by_type: Value,
        overall_sentiment: Sentiment,
        overall_sentiment_score: SentimentScore,
        sentiment_distribution: Value,
        sentiment_trend: SentimentTrend,
    ) -> Self {
        NewSentimentAnalysis {
            analysis_id: analysis_id.into(),
            client_id: client_id.into(),
            period_start,
            period_end,
            total_feedback_items,
            feedback_by_type,
            overall_sentiment,
            overall_sentiment_score,
            sentiment_distribution,
            sentiment_trend,
            top_positive_themes: None,
            top_negative_themes: None,
            action_items: None,
            nps_score: None,
            csat_score: None,
            analyzed_at: None,
        }
    }
}

impl NewSentimentAnalysis {
    /// Named-field construction: one setter per column, then [`build`](NewSentimentAnalysisBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewSentimentAnalysisBuilder {
        NewSentimentAnalysisBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewSentimentAnalysisBuilder {
        NewSentimentAnalysisBuilder {
            analysis_id: Some(self.analysis_id),
            client_id: Some(self.client_id),
            period_start: Some(self.period_start),
            period_end: Some(self.period_end),
            total_feedback_items: Some(self.total_feedback_items),
            feedback_by_type: Some(self.feedback_by_type),
            overall_sentiment: Some(self.overall_sentiment),
            overall_sentiment_score: Some(self.overall_sentiment_score),
            sentiment_distribution: Some(self.sentiment_distribution),
            sentiment_trend: Some(self.sentiment_trend),
            top_positive_themes: self.top_positive_themes,
            top_negative_themes: self.top_negative_themes,
            action_items: self.action_items,
            nps_score: self.nps_score,
            csat_score: self.csat_score,
            analyzed_at: self.analyzed_at,
        }
    }
}

/// Builds a [`NewSentimentAnalysis`] by naming every value; see [`NewSentimentAnalysis::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewSentimentAnalysisBuilder {
    pub(crate) analysis_id: Option<String>,
    pub(crate) client_id: Option<String>,
    pub(crate) period_start: Option<DateTime<Utc>>,
    pub(crate) period_end: Option<DateTime<Utc>>,
    pub(crate) total_feedback_items: Option<Count>,
    pub(crate) feedback_by_type: Option<Value>,
    pub(crate) overall_sentiment: Option<Sentiment>,
    pub(crate) overall_sentiment_score: Option<SentimentScore>,
    pub(crate) sentiment_distribution: Option<Value>,
    pub(crate) sentiment_trend: Option<SentimentTrend>,
    pub(crate) top_positive_themes: Option<Value>,
    pub(crate) top_negative_themes: Option<Value>,
    pub(crate) action_items: Option<Value>,
    pub(crate) nps_score: Option<NetPromoterScore>,
    pub(crate) csat_score: Option<Rating>,
    pub(crate) analyzed_at: Option<DateTime<Utc>>,
}

impl NewSentimentAnalysisBuilder {
    /// `analysis_id`: SQL `varchar(100)`. Required.
    pub fn analysis_id(mut self, value: impl Into<String>) -> Self {
        self.analysis_id = Some(value.into());
        self
    }

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

    /// `total_feedback_items`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_feedback_items(mut self, value: Count) -> Self {
        self.total_feedback_items = Some(value);
        self
    }

    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn feedback_by_type(mut self, value: Value) -> Self {
        self.feedback_by_type = Some(value);
        self
    }

    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn overall_sentiment(mut self, value: Sentiment) -> Self {
        self.overall_sentiment = Some(value);
        self
    }

    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`. Required.
    pub fn overall_sentiment_score(mut self, value: SentimentScore) -> Self {
        self.overall_sentiment_score = Some(value);
        self
    }

    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn sentiment_distribution(mut self, value: Value) -> Self {
        self.sentiment_distribution = Some(value);
        self
    }

    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn sentiment_trend(mut self, value: SentimentTrend) -> Self {
        self.sentiment_trend = Some(value);
        self
    }

    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn top_positive_themes(mut self, value: Value) -> Self {
        self.top_positive_themes = Some(value);
        self
    }

    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn top_negative_themes(mut self, value: Value) -> Self {
        self.top_negative_themes = Some(value);
        self
    }

    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn action_items(mut self, value: Value) -> Self {
        self.action_items = Some(value);
        self
    }

    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn nps_score(mut self, value: NetPromoterScore) -> Self {
        self.nps_score = Some(value);
        self
    }

    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable. Optional: unset, NULL.
    pub fn csat_score(mut self, value: Rating) -> Self {
        self.csat_score = Some(value);
        self
    }

    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn analyzed_at(mut self, value: DateTime<Utc>) -> Self {
        self.analyzed_at = Some(value);
        self
    }

    /// The row, once every required column (`analysis_id`, `client_id`, `period_start`, `period_end`, `total_feedback_items`, `feedback_by_type`, `overall_sentiment`, `overall_sentiment_score`, `sentiment_distribution`, `sentiment_trend`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewSentimentAnalysis> {
        Ok(NewSentimentAnalysis {
            analysis_id: crate::models::required(self.analysis_id, "analysis_id")?,
            client_id: crate::models::required(self.client_id, "client_id")?,
            period_start: crate::models::required(self.period_start, "period_start")?,
            period_end: crate::models::required(self.period_end, "period_end")?,
            total_feedback_items: crate::models::required(
                self.total_feedback_items,
                "total_feedback_items",
            )?,
            feedback_by_type: crate::models::required(self.feedback_by_type, "feedback_by_type")?,
            overall_sentiment: crate::models::required(
                self.overall_sentiment,
                "overall_sentiment",
            )?,
            overall_sentiment_score: crate::models::required(
                self.overall_sentiment_score,
                "overall_sentiment_score",
            )?,
            sentiment_distribution: crate::models::required(
                self.sentiment_distribution,
                "sentiment_distribution",
            )?,
            sentiment_trend: crate::models::required(self.sentiment_trend, "sentiment_trend")?,
            top_positive_themes: self.top_positive_themes,
            top_negative_themes: self.top_negative_themes,
            action_items: self.action_items,
            nps_score: self.nps_score,
            csat_score: self.csat_score,
            analyzed_at: self.analyzed_at,
        })
    }
}

/// Changes to a row of `sentiment_analysis`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SentimentAnalysisChanges {
    /// `client_id`: SQL `varchar(100)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_feedback_items: Option<Count>,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_by_type: Option<Value>,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment: Option<Sentiment>,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment_score: Option<SentimentScore>,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_distribution: Option<Value>,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_trend: Option<SentimentTrend>,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub nps_score: Option<Option<NetPromoterScore>>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub csat_score: Option<Option<Rating>>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<DateTime<Utc>>,
}

crate::crud::impl_crud!(
    SentimentAnalysis,
    NewSentimentAnalysis,
    SentimentAnalysisChanges,
    sentiment_analysis,
    columns = 17,
    key = analysis_id,
    conflict = (analysis_id, client_id),
    upsert = [
        period_start,
        period_end,
        total_feedback_items,
        feedback_by_type,
        overall_sentiment,
        overall_sentiment_score,
        sentiment_distribution,
        sentiment_trend,
        top_positive_themes,
        top_negative_themes,
        action_items,
        nps_score,
        csat_score,
        analyzed_at
    ],
    client = client_id
);

/// A row of `portfolio_sentiment_analysis`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = portfolio_sentiment_analysis, check_for_backend(diesel::pg::Pg))]
pub struct PortfolioSentimentAnalysis {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `analysis_id`: SQL `varchar(100)`.
    pub analysis_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub top_positive_themes: Value,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub top_negative_themes: Value,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    pub action_items: Value,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub analyzed_at: DateTime<Utc>,
}

/// A new row of `portfolio_sentiment_analysis`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewPortfolioSentimentAnalysis::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = portfolio_sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewPortfolioSentimentAnalysis {
    /// `analysis_id`: SQL `varchar(100)`.
    pub analysis_id: String,
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_start: DateTime<Utc>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<DateTime<Utc>>,
}

impl NewPortfolioSentimentAnalysis {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    ///
    /// Prefer [`NewPortfolioSentimentAnalysis::builder`]: with 9 positional arguments, two of the same type
    /// can be swapped without a compile error.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        analysis_id: impl Into<String>,
        period_start: DateTime<Utc>,
        period_end: DateTime<Utc>,
        total_feedback_items: Count,
        feedback_by_type: Value,
        overall_sentiment: Sentiment,
        overall_sentiment_score: SentimentScore,
        sentiment_distribution: Value,
        sentiment_trend: SentimentTrend,
    ) -> Self {
        NewPortfolioSentimentAnalysis {
            analysis_id: analysis_id.into(),
            period_start,
            period_end,
            total_feedback_items,
            feedback_by_type,
            overall_sentiment,
            overall_sentiment_score,
            sentiment_distribution,
            sentiment_trend,
            top_positive_themes: None,
            top_negative_themes: None,
            action_items: None,
            nps_score: None,
            csat_score: None,
            analyzed_at: None,
        }
    }
}

impl NewPortfolioSentimentAnalysis {
    /// Named-field construction: one setter per column, then [`build`](NewPortfolioSentimentAnalysisBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewPortfolioSentimentAnalysisBuilder {
        NewPortfolioSentimentAnalysisBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewPortfolioSentimentAnalysisBuilder {
        NewPortfolioSentimentAnalysisBuilder {
            analysis_id: Some(self.analysis_id),
            period_start: Some(self.period_start),
            period_end: Some(self.period_end),
            total_feedback_items: Some(self.total_feedback_items),
            feedback_by_type: Some(self.feedback_by_type),
            overall_sentiment: Some(self.overall_sentiment),
            overall_sentiment_score: Some(self.overall_sentiment_score),
            sentiment_distribution: Some(self.sentiment_distribution),
            sentiment_trend: Some(self.sentiment_trend),
            top_positive_themes: self.top_positive_themes,
            top_negative_themes: self.top_negative_themes,
            action_items: self.action_items,
            nps_score: self.nps_score,
            csat_score: self.csat_score,
            analyzed_at: self.analyzed_at,
        }
    }
}

/// Builds a [`NewPortfolioSentimentAnalysis`] by naming every value; see [`NewPortfolioSentimentAnalysis::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewPortfolioSentimentAnalysisBuilder {
    pub(crate) analysis_id: Option<String>,
    pub(crate) period_start: Option<DateTime<Utc>>,
    pub(crate) period_end: Option<DateTime<Utc>>,
    pub(crate) total_feedback_items: Option<Count>,
    pub(crate) feedback_by_type: Option<Value>,
    pub(crate) overall_sentiment: Option<Sentiment>,
    pub(crate) overall_sentiment_score: Option<SentimentScore>,
    pub(crate) sentiment_distribution: Option<Value>,
    pub(crate) sentiment_trend: Option<SentimentTrend>,
    pub(crate) top_positive_themes: Option<Value>,
    pub(crate) top_negative_themes: Option<Value>,
    pub(crate) action_items: Option<Value>,
    pub(crate) nps_score: Option<NetPromoterScore>,
    pub(crate) csat_score: Option<Rating>,
    pub(crate) analyzed_at: Option<DateTime<Utc>>,
}

impl NewPortfolioSentimentAnalysisBuilder {
    /// `analysis_id`: SQL `varchar(100)`. Required.
    pub fn analysis_id(mut self, value: impl Into<String>) -> Self {
        self.analysis_id = Some(value.into());
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

    /// `total_feedback_items`: A count, 0 or more. SQL `integer`. Required.
    pub fn total_feedback_items(mut self, value: Count) -> Self {
        self.total_feedback_items = Some(value);
        self
    }

    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn feedback_by_type(mut self, value: Value) -> Self {
        self.feedback_by_type = Some(value);
        self
    }

    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn overall_sentiment(mut self, value: Sentiment) -> Self {
        self.overall_sentiment = Some(value);
        self
    }

    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`. Required.
    pub fn overall_sentiment_score(mut self, value: SentimentScore) -> Self {
        self.overall_sentiment_score = Some(value);
        self
    }

    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`. Required.
    pub fn sentiment_distribution(mut self, value: Value) -> Self {
        self.sentiment_distribution = Some(value);
        self
    }

    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`. Required.
    pub fn sentiment_trend(mut self, value: SentimentTrend) -> Self {
        self.sentiment_trend = Some(value);
        self
    }

    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn top_positive_themes(mut self, value: Value) -> Self {
        self.top_positive_themes = Some(value);
        self
    }

    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn top_negative_themes(mut self, value: Value) -> Self {
        self.top_negative_themes = Some(value);
        self
    }

    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`. Optional: unset, the database default applies.
    pub fn action_items(mut self, value: Value) -> Self {
        self.action_items = Some(value);
        self
    }

    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable. Optional: unset, NULL.
    pub fn nps_score(mut self, value: NetPromoterScore) -> Self {
        self.nps_score = Some(value);
        self
    }

    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable. Optional: unset, NULL.
    pub fn csat_score(mut self, value: Rating) -> Self {
        self.csat_score = Some(value);
        self
    }

    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. Optional: unset, the database default applies.
    pub fn analyzed_at(mut self, value: DateTime<Utc>) -> Self {
        self.analyzed_at = Some(value);
        self
    }

    /// The row, once every required column (`analysis_id`, `period_start`, `period_end`, `total_feedback_items`, `feedback_by_type`, `overall_sentiment`, `overall_sentiment_score`, `sentiment_distribution`, `sentiment_trend`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewPortfolioSentimentAnalysis> {
        Ok(NewPortfolioSentimentAnalysis {
            analysis_id: crate::models::required(self.analysis_id, "analysis_id")?,
            period_start: crate::models::required(self.period_start, "period_start")?,
            period_end: crate::models::required(self.period_end, "period_end")?,
            total_feedback_items: crate::models::required(
                self.total_feedback_items,
                "total_feedback_items",
            )?,
            feedback_by_type: crate::models::required(self.feedback_by_type, "feedback_by_type")?,
            overall_sentiment: crate::models::required(
                self.overall_sentiment,
                "overall_sentiment",
            )?,
            overall_sentiment_score: crate::models::required(
                self.overall_sentiment_score,
                "overall_sentiment_score",
            )?,
            sentiment_distribution: crate::models::required(
                self.sentiment_distribution,
                "sentiment_distribution",
            )?,
            sentiment_trend: crate::models::required(self.sentiment_trend, "sentiment_trend")?,
            top_positive_themes: self.top_positive_themes,
            top_negative_themes: self.top_negative_themes,
            action_items: self.action_items,
            nps_score: self.nps_score,
            csat_score: self.csat_score,
            analyzed_at: self.analyzed_at,
        })
    }
}

/// Changes to a row of `portfolio_sentiment_analysis`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = portfolio_sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct PortfolioSentimentAnalysisChanges {
    /// `period_start`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: A moment in time (stored in UTC). SQL `timestamptz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_feedback_items`: A count, 0 or more. SQL `integer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_feedback_items: Option<Count>,
    /// `feedback_by_type`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_by_type: Option<Value>,
    /// `overall_sentiment`: One of [`Sentiment`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment: Option<Sentiment>,
    /// `overall_sentiment_score`: Sentiment from -1 (negative) through 0 (neutral) to 1 (positive). SQL `double precision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment_score: Option<SentimentScore>,
    /// `sentiment_distribution`: Free-form JSON value: the original system defines no shape for it, so any JSON stores. SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_distribution: Option<Value>,
    /// `sentiment_trend`: One of [`SentimentTrend`]'s values (stored as text). SQL `varchar(20)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_trend: Option<SentimentTrend>,
    /// `top_positive_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: Free-form JSON array: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: Net Promoter Score: % promoters minus % detractors, -100 to 100. SQL `integer`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub nps_score: Option<Option<NetPromoterScore>>,
    /// `csat_score`: A rating from 1 to 5 (fractional averages allowed). SQL `double precision`, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub csat_score: Option<Option<Rating>>,
    /// `analyzed_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<DateTime<Utc>>,
}

crate::crud::impl_crud!(
    PortfolioSentimentAnalysis,
    NewPortfolioSentimentAnalysis,
    PortfolioSentimentAnalysisChanges,
    portfolio_sentiment_analysis,
    columns = 16,
    key = analysis_id,
    conflict = (analysis_id),
    upsert = [
        period_start,
        period_end,
        total_feedback_items,
        feedback_by_type,
        overall_sentiment,
        overall_sentiment_score,
        sentiment_distribution,
        sentiment_trend,
        top_positive_themes,
        top_negative_themes,
        action_items,
        nps_score,
        csat_score,
        analyzed_at
    ]
);

/// A row of `survey_templates`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
pub struct SurveyTemplate {
    /// `id`: SQL `bigint`.
    pub id: i64,
    /// `template_id`: SQL `varchar(100)`.
    pub template_id: String,
    /// `template_name`: SQL `varchar(200)`.
    pub template_name: String,
    /// `template_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    pub template_type: FeedbackType,
    /// `description`: SQL `text`.
    pub description: String,
    /// `questions`: Free-form: the survey questions (a JSON array). SQL `jsonb`.
    pub questions: Value,
    /// `targeting`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    pub targeting: Value,
    /// `frequency`: One of [`SurveyFrequency`]'s values (stored as text). SQL `varchar(50)`, default `'one_time'`.
    pub frequency: SurveyFrequency,
    /// `active`: SQL `boolean`, default `true`.
    pub active: bool,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `survey_templates`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// [`NewSurveyTemplate::builder`] names every value (no positional mix-ups) and reports a missing
/// required column; see the [module docs](crate::models) for an example.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSurveyTemplate {
    /// `template_id`: SQL `varchar(100)`.
    pub template_id: String,
    /// `template_name`: SQL `varchar(200)`.
    pub template_name: String,
    /// `template_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    pub template_type: FeedbackType,
    /// `description`: SQL `text`.
    pub description: String,
    /// `questions`: Free-form: the survey questions (a JSON array). SQL `jsonb`.
    pub questions: Value,
    /// `targeting`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targeting: Option<Value>,
    /// `frequency`: One of [`SurveyFrequency`]'s values (stored as text). SQL `varchar(50)`, default `'one_time'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<SurveyFrequency>,
    /// `active`: SQL `boolean`, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `created_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: A moment in time (stored in UTC). SQL `timestamptz`, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl NewSurveyTemplate {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
    pub fn new(
        template_id: impl Into<String>,
        template_name: impl Into<String>,
        template_type: FeedbackType,
        description: impl Into<String>,
        questions: Value,
    ) -> Self {
        NewSurveyTemplate {
            template_id: template_id.into(),
            template_name: template_name.into(),
            template_type,
            description: description.into(),
            questions,
            targeting: None,
            frequency: None,
            active: None,
            created_at: None,
            updated_at: None,
        }
    }
}

impl NewSurveyTemplate {
    /// Named-field construction: one setter per column, then [`build`](NewSurveyTemplateBuilder::build),
    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.
    /// Optional columns left unset get the database default (or NULL).
    pub fn builder() -> NewSurveyTemplateBuilder {
        NewSurveyTemplateBuilder::default()
    }

    /// A builder holding this row's values: change some with the setters and `build()` again
    /// (what struct update syntax does for the types whose fields are all public).
    pub fn into_builder(self) -> NewSurveyTemplateBuilder {
        NewSurveyTemplateBuilder {
            template_id: Some(self.template_id),
            template_name: Some(self.template_name),
            template_type: Some(self.template_type),
            description: Some(self.description),
            questions: Some(self.questions),
            targeting: self.targeting,
            frequency: self.frequency,
            active: self.active,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Builds a [`NewSurveyTemplate`] by naming every value; see [`NewSurveyTemplate::builder`].
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct NewSurveyTemplateBuilder {
    pub(crate) template_id: Option<String>,
    pub(crate) template_name: Option<String>,
    pub(crate) template_type: Option<FeedbackType>,
    pub(crate) description: Option<String>,
    pub(crate) questions: Option<Value>,
    pub(crate) targeting: Option<Value>,
    pub(crate) frequency: Option<SurveyFrequency>,
    pub(crate) active: Option<bool>,
    pub(crate) created_at: Option<DateTime<Utc>>,
    pub(crate) updated_at: Option<DateTime<Utc>>,
}

impl NewSurveyTemplateBuilder {
    /// `template_id`: SQL `varchar(100)`. Required.
    pub fn template_id(mut self, value: impl Into<String>) -> Self {
        self.template_id = Some(value.into());
        self
    }

    /// `template_name`: SQL `varchar(200)`. Required.
    pub fn template_name(mut self, value: impl Into<String>) -> Self {
        self.template_name = Some(value.into());
        self
    }

    /// `template_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`. Required.
    pub fn template_type(mut self, value: FeedbackType) -> Self {
        self.template_type = Some(value);
        self
    }

    /// `description`: SQL `text`. Required.
    pub fn description(mut self, value: impl Into<String>) -> Self {
        self.description = Some(value.into());
        self
    }

    /// `questions`: Free-form: the survey questions (a JSON array). SQL `jsonb`. Required.
    pub fn questions(mut self, value: Value) -> Self {
        self.questions = Some(value);
        self
    }

    /// `targeting`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`. Optional: unset, the database default applies.
    pub fn targeting(mut self, value: Value) -> Self {
        self.targeting = Some(value);
        self
    }

    /// `frequency`: One of [`SurveyFrequency`]'s values (stored as text). SQL `varchar(50)`, default `'one_time'`. Optional: unset, the database default applies.
    pub fn frequency(mut self, value: SurveyFrequency) -> Self {
        self.frequency = Some(value);
        self
    }

    /// `active`: SQL `boolean`, default `true`. Optional: unset, the database default applies.
    pub fn active(mut self, value: bool) -> Self {
        self.active = Some(value);
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

    /// The row, once every required column (`template_id`, `template_name`, `template_type`, `description`, `questions`) is set.
    ///
    /// # Errors
    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]
    /// naming the first required column that was not set.
    pub fn build(self) -> crate::Result<NewSurveyTemplate> {
        Ok(NewSurveyTemplate {
            template_id: crate::models::required(self.template_id, "template_id")?,
            template_name: crate::models::required(self.template_name, "template_name")?,
            template_type: crate::models::required(self.template_type, "template_type")?,
            description: crate::models::required(self.description, "description")?,
            questions: crate::models::required(self.questions, "questions")?,
            targeting: self.targeting,
            frequency: self.frequency,
            active: self.active,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Changes to a row of `survey_templates`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateChanges {
    /// `template_name`: SQL `varchar(200)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_name: Option<String>,
    /// `template_type`: One of [`FeedbackType`]'s values (stored as text). SQL `varchar(50)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_type: Option<FeedbackType>,
    /// `description`: SQL `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `questions`: Free-form: the survey questions (a JSON array). SQL `jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<Value>,
    /// `targeting`: Free-form JSON object: the original system defines no shape for it, so any JSON stores. SQL `jsonb`, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targeting: Option<Value>,
    /// `frequency`: One of [`SurveyFrequency`]'s values (stored as text). SQL `varchar(50)`, default `'one_time'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<SurveyFrequency>,
    /// `active`: SQL `boolean`, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

crate::crud::impl_crud!(
    SurveyTemplate,
    NewSurveyTemplate,
    SurveyTemplateChanges,
    survey_templates,
    columns = 11,
    key = template_id,
    conflict = (template_id),
    upsert = [
        template_name,
        template_type,
        description,
        questions,
        targeting,
        frequency,
        active
    ]
);
