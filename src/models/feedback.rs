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
    /// `id`: bigint.
    pub id: i64,
    /// `feedback_id`: varchar(50).
    pub feedback_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `feedback_type`: varchar(50).
    pub feedback_type: FeedbackType,
    /// `source`: varchar(100).
    pub source: String,
    /// `submitter_email`: varchar(255).
    pub submitter_email: String,
    /// `submitter_name`: varchar(200).
    pub submitter_name: String,
    /// `title`: varchar(200).
    pub title: String,
    /// `content`: text.
    pub content: String,
    /// `category`: varchar(100).
    pub category: String,
    /// `subcategory`: varchar(100), nullable.
    pub subcategory: Option<String>,
    /// `tags`: jsonb, default `'[]'::jsonb`.
    pub tags: StringList,
    /// `sentiment`: varchar(20).
    pub sentiment: Sentiment,
    /// `sentiment_score`: double precision.
    pub sentiment_score: SentimentScore,
    /// `priority`: varchar(20), default `'medium'`.
    pub priority: FeedbackPriority,
    /// `status`: varchar(20), default `'new'`.
    pub status: FeedbackStatus,
    /// `impact_assessment`: text, nullable.
    pub impact_assessment: Option<String>,
    /// `assigned_to`: varchar(200), nullable.
    pub assigned_to: Option<String>,
    /// `follow_up_required`: boolean, default `false`.
    pub follow_up_required: bool,
    /// `follow_up_by`: date, nullable.
    pub follow_up_by: Option<NaiveDate>,
    /// `customer_responded`: boolean, default `false`.
    pub customer_responded: bool,
    /// `resolution_notes`: text, nullable.
    pub resolution_notes: Option<String>,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
    /// `reviewed_at`: timestamptz, nullable.
    pub reviewed_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// A new row of `customer_feedback`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = customer_feedback, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewCustomerFeedback {
    /// `feedback_id`: varchar(50).
    pub feedback_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `feedback_type`: varchar(50).
    pub feedback_type: FeedbackType,
    /// `source`: varchar(100).
    pub source: String,
    /// `submitter_email`: varchar(255).
    pub submitter_email: String,
    /// `submitter_name`: varchar(200).
    pub submitter_name: String,
    /// `title`: varchar(200).
    pub title: String,
    /// `content`: text.
    pub content: String,
    /// `category`: varchar(100).
    pub category: String,
    /// `subcategory`: varchar(100), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// `tags`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `sentiment`: varchar(20).
    pub sentiment: Sentiment,
    /// `sentiment_score`: double precision.
    pub sentiment_score: SentimentScore,
    /// `priority`: varchar(20), default `'medium'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<FeedbackPriority>,
    /// `status`: varchar(20), default `'new'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeedbackStatus>,
    /// `impact_assessment`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact_assessment: Option<String>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// `follow_up_required`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `follow_up_by`: date, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_by: Option<NaiveDate>,
    /// `customer_responded`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_responded: Option<bool>,
    /// `resolution_notes`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_notes: Option<String>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
    /// `reviewed_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<DateTime<Utc>>,
    /// `resolved_at`: timestamptz, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

impl NewCustomerFeedback {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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

/// Changes to a row of `customer_feedback`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = customer_feedback, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct CustomerFeedbackChanges {
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `feedback_type`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_type: Option<FeedbackType>,
    /// `source`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `submitter_email`: varchar(255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_email: Option<String>,
    /// `submitter_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitter_name: Option<String>,
    /// `title`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
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
    /// `tags`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<StringList>,
    /// `sentiment`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_score: Option<SentimentScore>,
    /// `priority`: varchar(20), default `'medium'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<FeedbackPriority>,
    /// `status`: varchar(20), default `'new'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeedbackStatus>,
    /// `impact_assessment`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub impact_assessment: Option<Option<String>>,
    /// `assigned_to`: varchar(200), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub assigned_to: Option<Option<String>>,
    /// `follow_up_required`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `follow_up_by`: date, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_by: Option<Option<NaiveDate>>,
    /// `customer_responded`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_responded: Option<bool>,
    /// `resolution_notes`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub resolution_notes: Option<Option<String>>,
    /// `reviewed_at`: timestamptz, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub reviewed_at: Option<Option<DateTime<Utc>>>,
    /// `resolved_at`: timestamptz, nullable.
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
    /// `id`: bigint.
    pub id: i64,
    /// `response_id`: varchar(50).
    pub response_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `survey_id`: varchar(50).
    pub survey_id: String,
    /// `respondent_email`: varchar(255).
    pub respondent_email: String,
    /// `respondent_name`: varchar(200).
    pub respondent_name: String,
    /// `score`: integer.
    pub score: NpsScore,
    /// `category`: varchar(20).
    pub category: NpsCategory,
    /// `reason`: text, nullable.
    pub reason: Option<String>,
    /// `follow_up_question_1`: text, nullable.
    pub follow_up_question_1: Option<String>,
    /// `follow_up_answer_1`: text, nullable.
    pub follow_up_answer_1: Option<String>,
    /// `follow_up_question_2`: text, nullable.
    pub follow_up_question_2: Option<String>,
    /// `follow_up_answer_2`: text, nullable.
    pub follow_up_answer_2: Option<String>,
    /// `sentiment`: varchar(20).
    pub sentiment: Sentiment,
    /// `sentiment_score`: double precision.
    pub sentiment_score: SentimentScore,
    /// `follow_up_required`: boolean, default `false`.
    pub follow_up_required: bool,
    /// `contacted`: boolean, default `false`.
    pub contacted: bool,
    /// `survey_sent_at`: timestamptz.
    pub survey_sent_at: DateTime<Utc>,
    /// `responded_at`: timestamptz, default `now()`.
    pub responded_at: DateTime<Utc>,
    /// `response_time_hours`: double precision.
    pub response_time_hours: NonNegativeF64,
}

/// A new row of `nps_responses`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
///
/// Built with [`NewNpsResponse::new`], which derives `category`, `score`.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize)]
#[diesel(table_name = nps_responses, check_for_backend(diesel::pg::Pg))]
pub struct NewNpsResponse {
    /// `response_id`: varchar(50).
    pub response_id: String,
    /// `client_id`: varchar(100).
    pub client_id: String,
    /// `survey_id`: varchar(50).
    pub survey_id: String,
    /// `respondent_email`: varchar(255).
    pub respondent_email: String,
    /// `respondent_name`: varchar(200).
    pub respondent_name: String,
    /// `score`: integer. Derived by the constructor.
    pub(crate) score: NpsScore,
    /// `category`: varchar(20). Derived by the constructor.
    pub(crate) category: NpsCategory,
    /// `reason`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `follow_up_question_1`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_question_1: Option<String>,
    /// `follow_up_answer_1`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_answer_1: Option<String>,
    /// `follow_up_question_2`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_question_2: Option<String>,
    /// `follow_up_answer_2`: text, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_answer_2: Option<String>,
    /// `sentiment`: varchar(20).
    pub sentiment: Sentiment,
    /// `sentiment_score`: double precision.
    pub sentiment_score: SentimentScore,
    /// `follow_up_required`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `contacted`: boolean, default `false`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: timestamptz.
    pub survey_sent_at: DateTime<Utc>,
    /// `responded_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: double precision.
    pub response_time_hours: NonNegativeF64,
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
    /// `client_id`: varchar(100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `survey_id`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_id: Option<String>,
    /// `respondent_email`: varchar(255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_email: Option<String>,
    /// `respondent_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent_name: Option<String>,
    /// `score`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) score: Option<NpsScore>,
    /// `category`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) category: Option<NpsCategory>,
    /// `reason`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub reason: Option<Option<String>>,
    /// `follow_up_question_1`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_question_1: Option<Option<String>>,
    /// `follow_up_answer_1`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_answer_1: Option<Option<String>>,
    /// `follow_up_question_2`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_question_2: Option<Option<String>>,
    /// `follow_up_answer_2`: text, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub follow_up_answer_2: Option<Option<String>>,
    /// `sentiment`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_score: Option<SentimentScore>,
    /// `follow_up_required`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_required: Option<bool>,
    /// `contacted`: boolean, default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_sent_at: Option<DateTime<Utc>>,
    /// `responded_at`: timestamptz, default `now()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time_hours: Option<NonNegativeF64>,
}

/// What JSON may say about a `nps_responses` change, before the derived columns are checked
/// (see the `TryFrom` impl of [`NpsResponseChanges`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NpsResponseChangesInput {
    /// `client_id`: varchar(100).
    #[serde(default)]
    pub client_id: Option<String>,
    /// `survey_id`: varchar(50).
    #[serde(default)]
    pub survey_id: Option<String>,
    /// `respondent_email`: varchar(255).
    #[serde(default)]
    pub respondent_email: Option<String>,
    /// `respondent_name`: varchar(200).
    #[serde(default)]
    pub respondent_name: Option<String>,
    /// `score`: integer.
    #[serde(default)]
    pub score: Option<NpsScore>,
    /// `category`: varchar(20).
    #[serde(default)]
    pub category: Option<NpsCategory>,
    /// `reason`: text, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub reason: Option<Option<String>>,
    /// `follow_up_question_1`: text, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_question_1: Option<Option<String>>,
    /// `follow_up_answer_1`: text, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_answer_1: Option<Option<String>>,
    /// `follow_up_question_2`: text, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_question_2: Option<Option<String>>,
    /// `follow_up_answer_2`: text, nullable.
    #[serde(default, with = "crate::models::double_option")]
    pub follow_up_answer_2: Option<Option<String>>,
    /// `sentiment`: varchar(20).
    #[serde(default)]
    pub sentiment: Option<Sentiment>,
    /// `sentiment_score`: double precision.
    #[serde(default)]
    pub sentiment_score: Option<SentimentScore>,
    /// `follow_up_required`: boolean, default `false`.
    #[serde(default)]
    pub follow_up_required: Option<bool>,
    /// `contacted`: boolean, default `false`.
    #[serde(default)]
    pub contacted: Option<bool>,
    /// `survey_sent_at`: timestamptz.
    #[serde(default)]
    pub survey_sent_at: Option<DateTime<Utc>>,
    /// `responded_at`: timestamptz, default `now()`.
    #[serde(default)]
    pub responded_at: Option<DateTime<Utc>>,
    /// `response_time_hours`: double precision.
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
    client = client_id
);

/// A row of `sentiment_analysis`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
pub struct SentimentAnalysis {
    /// `id`: bigint.
    pub id: i64,
    /// `analysis_id`: varchar(100).
    pub analysis_id: String,
    /// `client_id`: varchar(100), nullable.
    pub client_id: Option<String>,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: integer.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: jsonb.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: varchar(20).
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: double precision.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: jsonb.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: varchar(20).
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: jsonb, default `'[]'::jsonb`.
    pub top_positive_themes: Value,
    /// `top_negative_themes`: jsonb, default `'[]'::jsonb`.
    pub top_negative_themes: Value,
    /// `action_items`: jsonb, default `'[]'::jsonb`.
    pub action_items: Value,
    /// `nps_score`: integer, nullable.
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: double precision, nullable.
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: timestamptz, default `now()`.
    pub analyzed_at: DateTime<Utc>,
}

/// A new row of `sentiment_analysis`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSentimentAnalysis {
    /// `analysis_id`: varchar(100).
    pub analysis_id: String,
    /// `client_id`: varchar(100), nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// `period_start`: timestamptz.
    pub period_start: DateTime<Utc>,
    /// `period_end`: timestamptz.
    pub period_end: DateTime<Utc>,
    /// `total_feedback_items`: integer.
    pub total_feedback_items: Count,
    /// `feedback_by_type`: jsonb.
    pub feedback_by_type: Value,
    /// `overall_sentiment`: varchar(20).
    pub overall_sentiment: Sentiment,
    /// `overall_sentiment_score`: double precision.
    pub overall_sentiment_score: SentimentScore,
    /// `sentiment_distribution`: jsonb.
    pub sentiment_distribution: Value,
    /// `sentiment_trend`: varchar(20).
    pub sentiment_trend: SentimentTrend,
    /// `top_positive_themes`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: jsonb, default `'[]'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: integer, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps_score: Option<NetPromoterScore>,
    /// `csat_score`: double precision, nullable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat_score: Option<Rating>,
    /// `analyzed_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<DateTime<Utc>>,
}

impl NewSentimentAnalysis {
    /// A new row with every required column; the optional ones start as `None` (database
    /// default or NULL) and can be set with struct update syntax.
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
        NewSentimentAnalysis {
            analysis_id: analysis_id.into(),
            period_start,
            period_end,
            total_feedback_items,
            feedback_by_type,
            overall_sentiment,
            overall_sentiment_score,
            sentiment_distribution,
            sentiment_trend,
            client_id: None,
            top_positive_themes: None,
            top_negative_themes: None,
            action_items: None,
            nps_score: None,
            csat_score: None,
            analyzed_at: None,
        }
    }
}

/// Changes to a row of `sentiment_analysis`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = sentiment_analysis, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SentimentAnalysisChanges {
    /// `client_id`: varchar(100), nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub client_id: Option<Option<String>>,
    /// `period_start`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<DateTime<Utc>>,
    /// `period_end`: timestamptz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<DateTime<Utc>>,
    /// `total_feedback_items`: integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_feedback_items: Option<Count>,
    /// `feedback_by_type`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_by_type: Option<Value>,
    /// `overall_sentiment`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment: Option<Sentiment>,
    /// `overall_sentiment_score`: double precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_sentiment_score: Option<SentimentScore>,
    /// `sentiment_distribution`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_distribution: Option<Value>,
    /// `sentiment_trend`: varchar(20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment_trend: Option<SentimentTrend>,
    /// `top_positive_themes`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_positive_themes: Option<Value>,
    /// `top_negative_themes`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_negative_themes: Option<Value>,
    /// `action_items`: jsonb, default `'[]'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_items: Option<Value>,
    /// `nps_score`: integer, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub nps_score: Option<Option<NetPromoterScore>>,
    /// `csat_score`: double precision, nullable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::models::double_option"
    )]
    pub csat_score: Option<Option<Rating>>,
    /// `analyzed_at`: timestamptz, default `now()`.
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
    client = client_id
);

/// A row of `survey_templates`.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
pub struct SurveyTemplate {
    /// `id`: bigint.
    pub id: i64,
    /// `template_id`: varchar(100).
    pub template_id: String,
    /// `template_name`: varchar(200).
    pub template_name: String,
    /// `template_type`: varchar(50).
    pub template_type: FeedbackType,
    /// `description`: text.
    pub description: String,
    /// `questions`: jsonb.
    pub questions: Value,
    /// `targeting`: jsonb, default `'{}'::jsonb`.
    pub targeting: Value,
    /// `frequency`: varchar(50), default `'one_time'`.
    pub frequency: SurveyFrequency,
    /// `active`: boolean, default `true`.
    pub active: bool,
    /// `created_at`: timestamptz, default `now()`.
    pub created_at: DateTime<Utc>,
    /// `updated_at`: timestamptz, default `now()`.
    pub updated_at: DateTime<Utc>,
}

/// A new row of `survey_templates`. Columns with a database default are `Option`: `None` lets the
/// database fill them in.
#[derive(Debug, Clone, PartialEq, Insertable, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct NewSurveyTemplate {
    /// `template_id`: varchar(100).
    pub template_id: String,
    /// `template_name`: varchar(200).
    pub template_name: String,
    /// `template_type`: varchar(50).
    pub template_type: FeedbackType,
    /// `description`: text.
    pub description: String,
    /// `questions`: jsonb.
    pub questions: Value,
    /// `targeting`: jsonb, default `'{}'::jsonb`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targeting: Option<Value>,
    /// `frequency`: varchar(50), default `'one_time'`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<SurveyFrequency>,
    /// `active`: boolean, default `true`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `created_at`: timestamptz, default `now()`. `None`: the database default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// `updated_at`: timestamptz, default `now()`. `None`: the database default.
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

/// Changes to a row of `survey_templates`: `None` leaves a column alone; for nullable columns
/// `Some(None)` sets NULL. The id, the business key and the timestamps the database
/// maintains are not part of it.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]
#[diesel(table_name = survey_templates, check_for_backend(diesel::pg::Pg))]
#[serde(deny_unknown_fields)]
pub struct SurveyTemplateChanges {
    /// `template_name`: varchar(200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_name: Option<String>,
    /// `template_type`: varchar(50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_type: Option<FeedbackType>,
    /// `description`: text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `questions`: jsonb.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions: Option<Value>,
    /// `targeting`: jsonb, default `'{}'::jsonb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targeting: Option<Value>,
    /// `frequency`: varchar(50), default `'one_time'`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<SurveyFrequency>,
    /// `active`: boolean, default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

crate::crud::impl_crud!(
    SurveyTemplate,
    NewSurveyTemplate,
    SurveyTemplateChanges,
    survey_templates,
    columns = 11,
    key = template_id
);
