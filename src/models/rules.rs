//! The schema v2 rules that span columns, checked in Rust before a row is sent.
//!
//! Single-column ranges are the newtypes' job (`Count`, `Fraction`, …); what one value alone
//! cannot know is here: business keys that are not blank, date ranges in order, `active_users ≤
//! total_users`, and the derived columns of health scores and NPS answers. Each rule is also a
//! named CHECK constraint (`tools/codegen/gen_v2.py`), so rows written by other clients obey it
//! too; `tests/v2.rs` proves the two sides agree.
//!
//! [`Crud::create`](crate::crud::Crud::create), `create_many` and `insert_many` call
//! [`Validate::validate`] first. Changesets are not checked here: whether a new end date is
//! before the stored start date depends on the row, so the database's CHECK answers that (as
//! [`Error::CheckViolation`](crate::Error::CheckViolation), naming the constraint).

use std::fmt::Display;

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::types::{ValidationError, ValidationErrorKind};

/// The characters `check_*_not_blank` does not count: the six ASCII whitespace characters, the
/// same set as its regular expression `key ~ '[^ \t\n\r\f\v]'` (a fixed set, so the answer
/// cannot depend on the database's locale).
const BLANK: &[char] = &[' ', '\t', '\n', '\r', '\x0c', '\x0b'];

/// Whether `key` is empty or only whitespace, exactly as `check_<key>_not_blank` sees it.
pub fn is_blank_key(key: &str) -> bool {
    key.trim_matches(BLANK).is_empty()
}

/// Rules that span columns of one row: non-blank business keys, date ranges in order,
/// `active_users ≤ total_users`, and the derived columns of health scores and NPS answers. Each
/// is also a named CHECK constraint, so rows written by other clients obey it too.
/// [`Crud::create`](crate::crud::Crud::create), `create_many` and `insert_many` call it first;
/// changesets are left to the database, since a rule may involve a column the change keeps.
pub trait Validate {
    /// `Ok` when the row keeps every such rule; otherwise the first rule it breaks, naming the
    /// column.
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

fn key(field: &'static str, value: &str) -> Result<(), ValidationError> {
    if is_blank_key(value) {
        Err(ValidationError::new(
            field,
            format!("{value:?}"),
            "a key with at least one non-whitespace character",
            ValidationErrorKind::OutOfRange,
        ))
    } else {
        Ok(())
    }
}

/// `end >= start` when both are known (NULL passes a CHECK, so `None` passes here).
fn ordered<T: PartialOrd + Display>(
    field: &'static str,
    allowed: &'static str,
    start: impl Into<Option<T>>,
    end: impl Into<Option<T>>,
) -> Result<(), ValidationError> {
    match (start.into(), end.into()) {
        (Some(start), Some(end)) if end < start => Err(ValidationError::new(
            field,
            format!("{end} (before {start})"),
            allowed,
            ValidationErrorKind::OutOfRange,
        )),
        _ => Ok(()),
    }
}

macro_rules! validate {
    ($($new:ident $(($row:ident) $body:block)?;)*) => {
        $(
            impl Validate for $new {
                $(
                    fn validate(&self) -> Result<(), ValidationError> {
                        let $row = self;
                        $body
                        Ok(())
                    }
                )?
            }
        )*
    };
}

validate! {
    NewCustomer(row) {
        key("client_id", &row.client_id)?;
        ordered::<NaiveDate>("contract_end_date", "on or after contract_start_date", row.contract_start_date, row.contract_end_date)?;
        ordered::<NaiveDate>("renewal_date", "on or after contract_start_date", row.contract_start_date, row.renewal_date)?;
    };
    NewHealthScoreRecord(row) {
        row.check_derived()?;
    };
    NewCustomerSegment(row) {
        key("segment_id", &row.segment_id)?;
    };
    NewRiskIndicator(row) {
        ordered::<DateTime<Utc>>("resolved_at", "on or after detected_at", row.detected_at, row.resolved_at)?;
    };
    NewChurnPrediction;
    NewOnboardingPlan(row) {
        key("plan_id", &row.plan_id)?;
        ordered::<NaiveDate>("target_completion_date", "on or after start_date", row.start_date, row.target_completion_date)?;
        ordered::<NaiveDate>("actual_completion_date", "on or after start_date", row.start_date, row.actual_completion_date)?;
    };
    NewOnboardingMilestone;
    NewTrainingModule(row) {
        key("module_id", &row.module_id)?;
    };
    NewTrainingCompletion(row) {
        key("completion_id", &row.completion_id)?;
        ordered::<DateTime<Utc>>("completed_at", "on or after started_at", row.started_at, row.completed_at)?;
    };
    NewSupportTicket(row) {
        key("ticket_id", &row.ticket_id)?;
    };
    NewTicketComment(row) {
        key("comment_id", &row.comment_id)?;
    };
    NewKnowledgeBaseArticle(row) {
        key("article_id", &row.article_id)?;
    };
    NewRenewalForecast(row) {
        key("forecast_id", &row.forecast_id)?;
    };
    NewContract(row) {
        key("contract_id", &row.contract_id)?;
        ordered::<NaiveDate>("end_date", "on or after start_date", row.start_date, row.end_date)?;
        ordered::<NaiveDate>("renewal_date", "on or after start_date", row.start_date, row.renewal_date)?;
    };
    NewExpansionOpportunity(row) {
        key("opportunity_id", &row.opportunity_id)?;
    };
    NewRenewalCampaign(row) {
        key("campaign_id", &row.campaign_id)?;
        ordered::<NaiveDate>("end_date", "on or after start_date", row.start_date, row.end_date)?;
    };
    NewCustomerFeedback(row) {
        key("feedback_id", &row.feedback_id)?;
    };
    NewNpsResponse(row) {
        key("response_id", &row.response_id)?;
        row.check_derived()?;
    };
    NewSentimentAnalysis(row) {
        key("analysis_id", &row.analysis_id)?;
        ordered::<DateTime<Utc>>("period_end", "on or after period_start", row.period_start, row.period_end)?;
    };
    NewPortfolioSentimentAnalysis(row) {
        key("analysis_id", &row.analysis_id)?;
        ordered::<DateTime<Utc>>("period_end", "on or after period_start", row.period_start, row.period_end)?;
    };
    NewSurveyTemplate(row) {
        key("template_id", &row.template_id)?;
    };
    NewHealthMetric(row) {
        ordered::<DateTime<Utc>>("period_end", "on or after period_start", row.period_start, row.period_end)?;
    };
    NewEngagementMetric(row) {
        ordered::<DateTime<Utc>>("period_end", "on or after period_start", row.period_start, row.period_end)?;
        if row.active_users > row.total_users {
            return Err(ValidationError::new(
                "active_users",
                format!("{} (of {} total_users)", row.active_users, row.total_users),
                "at most total_users",
                ValidationErrorKind::OutOfRange,
            ));
        }
    };
    NewUsageAnalytics(row) {
        ordered::<DateTime<Utc>>("period_end", "on or after period_start", row.period_start, row.period_end)?;
    };
    NewCohortAnalysis(row) {
        key("cohort_id", &row.cohort_id)?;
    };
}
