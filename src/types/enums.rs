//! Enums for the text columns whose values form a closed set.

use std::fmt;
use std::str::FromStr;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::scores::shorten;

/// A string is not one of the values of a closed-set text column.
///
/// Displays as e.g.
/// `unknown value "urgent" in support_tickets.priority (expected one of P0, P1, P2, P3, P4)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown value {value:?} in {columns} (expected one of {expected})",
    columns = self.columns.join(" or "),
    expected = self.expected.join(", ")
)]
pub struct UnknownValueError {
    value: String,
    expected: &'static [&'static str],
    columns: &'static [&'static str],
}

impl UnknownValueError {
    /// Creates an error; `value` is shortened when it is very long.
    pub fn new(
        value: &str,
        expected: &'static [&'static str],
        columns: &'static [&'static str],
    ) -> Self {
        Self {
            value: shorten(value),
            expected,
            columns,
        }
    }

    /// The rejected string (possibly shortened).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Every accepted string, in declaration order.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }

    /// The `table.column`s the enum is stored in.
    pub fn columns(&self) -> &'static [&'static str] {
        self.columns
    }
}

/// Generates a closed-set enum stored as text, with its string, serde and Diesel conversions.
///
/// `default` names the variant matching the column's database default, where it has one.
macro_rules! db_enum {
    (
        $(#[$meta:meta])*
        $name:ident in [$($column:literal),+ $(,)?] $(default $default:ident)? {
            $($variant:ident = $value:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// Stored as text in:
        $(#[doc = concat!("- `", $column, "`")])+
        ///
        /// Serialised (serde) as the same strings; unknown strings are an [`UnknownValueError`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, AsExpression, FromSqlRow)]
        #[diesel(sql_type = Text)]
        pub enum $name {
            $(
                #[doc = concat!("`", $value, "`")]
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// The stored string of every variant, in declaration order.
            pub const VALUES: &'static [&'static str] = &[$($value),+];
            /// The `table.column`s this enum is stored in (named in error messages).
            pub const COLUMNS: &'static [&'static str] = &[$($column),+];

            /// The string stored in the database.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $value,)+
                }
            }
        }

        $(
            impl Default for $name {
                #[doc = concat!("`", stringify!($default), "`, the database default.")]
                fn default() -> Self {
                    Self::$default
                }
            }
        )?

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValueError;

            /// Accepts exactly the stored strings (case-sensitive, no trimming).
            fn from_str(text: &str) -> Result<Self, UnknownValueError> {
                match text {
                    $($value => Ok(Self::$variant),)+
                    _ => Err(UnknownValueError::new(text, Self::VALUES, Self::COLUMNS)),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ValueVisitor;

                impl Visitor<'_> for ValueVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "one of {}", $name::VALUES.join(", "))
                    }

                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$name, E> {
                        text.parse().map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(ValueVisitor)
            }
        }

        impl ToSql<Text, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                from_db_bytes::<Self>(bytes.as_bytes())
            }
        }
    };
}

/// Decodes a text column's raw bytes; kept apart from `FromSql` so it is testable without a
/// server (a `PgValue` cannot be built outside Diesel).
fn from_db_bytes<T>(bytes: &[u8]) -> deserialize::Result<T>
where
    T: FromStr<Err = UnknownValueError>,
{
    let text = std::str::from_utf8(bytes)?;
    Ok(text.parse()?)
}

db_enum! {
    /// A customer's commercial tier.
    CustomerTier in ["customers.tier"] default Standard {
        Starter = "starter",
        Standard = "standard",
        Professional = "professional",
        Enterprise = "enterprise",
    }
}

db_enum! {
    /// Where a customer is in its lifecycle.
    LifecycleStage in ["customers.lifecycle_stage"] default Onboarding {
        Onboarding = "onboarding",
        Active = "active",
        AtRisk = "at_risk",
        Churned = "churned",
        Expansion = "expansion",
        Renewal = "renewal",
    }
}

db_enum! {
    /// Direction of a customer's health score.
    HealthTrend in ["customers.health_trend"] default Stable {
        Improving = "improving",
        Stable = "stable",
        Declining = "declining",
    }
}

db_enum! {
    /// Account status of a customer.
    CustomerStatus in ["customers.status"] default Active {
        Active = "active",
        Paused = "paused",
        Churned = "churned",
        Pending = "pending",
    }
}

db_enum! {
    /// Severity of a risk indicator or churn prediction.
    RiskLevel in ["risk_indicators.severity", "churn_predictions.churn_risk_level"] {
        Low = "low",
        Medium = "medium",
        High = "high",
        Critical = "critical",
    }
}

db_enum! {
    /// Status of an onboarding plan.
    OnboardingStatus in ["onboarding_plans.status"] default Draft {
        Draft = "draft",
        Scheduled = "scheduled",
        InProgress = "in_progress",
        Completed = "completed",
        Delayed = "delayed",
        Cancelled = "cancelled",
    }
}

db_enum! {
    /// Status of an onboarding milestone.
    MilestoneStatus in ["onboarding_milestones.status"] default NotStarted {
        NotStarted = "not_started",
        InProgress = "in_progress",
        Completed = "completed",
        Blocked = "blocked",
        Skipped = "skipped",
    }
}

db_enum! {
    /// How a training module is delivered.
    TrainingFormat in ["training_modules.format"] {
        LiveWebinar = "live_webinar",
        SelfPaced = "self_paced",
        OneOnOne = "one_on_one",
        Workshop = "workshop",
        Video = "video",
        Documentation = "documentation",
    }
}

db_enum! {
    /// Certification level a training module leads to.
    CertificationLevel in ["training_modules.certification_level"] default Basic {
        Basic = "basic",
        Intermediate = "intermediate",
        Advanced = "advanced",
        Expert = "expert",
    }
}

db_enum! {
    /// Priority of a support ticket; `P0` is the most urgent and sorts first.
    #[derive(PartialOrd, Ord)]
    TicketPriority in ["support_tickets.priority"] {
        P0 = "P0",
        P1 = "P1",
        P2 = "P2",
        P3 = "P3",
        P4 = "P4",
    }
}

db_enum! {
    /// What a support ticket is about.
    TicketCategory in ["support_tickets.category"] {
        TechnicalIssue = "technical_issue",
        BugReport = "bug_report",
        FeatureRequest = "feature_request",
        HowToQuestion = "how_to_question",
        AccountBilling = "account_billing",
        IntegrationSupport = "integration_support",
        TrainingRequest = "training_request",
        DataIssue = "data_issue",
        Performance = "performance",
        Other = "other",
    }
}

db_enum! {
    /// Workflow status of a support ticket.
    TicketStatus in ["support_tickets.status"] default Open {
        Open = "open",
        InProgress = "in_progress",
        WaitingOnCustomer = "waiting_on_customer",
        WaitingOnEngineering = "waiting_on_engineering",
        Resolved = "resolved",
        Closed = "closed",
        Reopened = "reopened",
    }
}

db_enum! {
    /// Whether a ticket's first-response or resolution SLA was met.
    SlaStatus in [
        "support_tickets.first_response_sla_status",
        "support_tickets.resolution_sla_status",
    ] default NotApplicable {
        Met = "met",
        AtRisk = "at_risk",
        Breached = "breached",
        NotApplicable = "not_applicable",
    }
}

db_enum! {
    /// Who wrote a ticket comment.
    AuthorType in ["ticket_comments.author_type"] {
        Agent = "agent",
        Customer = "customer",
        System = "system",
    }
}

db_enum! {
    /// Publishing status of a knowledge base article.
    ArticleStatus in ["knowledge_base_articles.status"] default Draft {
        Draft = "draft",
        Review = "review",
        Published = "published",
        Archived = "archived",
    }
}

db_enum! {
    /// Forecast outcome of a renewal.
    RenewalStatus in ["renewal_forecasts.renewal_status"] {
        OnTrack = "on_track",
        AtRisk = "at_risk",
        HighRisk = "high_risk",
        Won = "won",
        Lost = "lost",
        Churned = "churned",
    }
}

db_enum! {
    /// Term structure of a contract.
    ContractType in ["contracts.contract_type"] {
        Annual = "annual",
        MultiYear = "multi_year",
        Monthly = "monthly",
        Quarterly = "quarterly",
    }
}

db_enum! {
    /// How often a contract is billed.
    BillingFrequency in ["contracts.billing_frequency"] {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Annual = "annual",
    }
}

db_enum! {
    /// Payment standing of a contract.
    PaymentStatus in ["contracts.payment_status"] default Current {
        Current = "current",
        Overdue = "overdue",
        PaymentPlan = "payment_plan",
        AtRisk = "at_risk",
    }
}

db_enum! {
    /// Kind of expansion an opportunity represents.
    ExpansionType in ["expansion_opportunities.expansion_type"] {
        Upsell = "upsell",
        CrossSell = "cross_sell",
        UserExpansion = "user_expansion",
        UsageExpansion = "usage_expansion",
        ProfessionalServices = "professional_services",
        Training = "training",
    }
}

db_enum! {
    /// Pipeline stage of an expansion opportunity.
    OpportunityStage in ["expansion_opportunities.current_stage"] {
        Awareness = "awareness",
        Qualification = "qualification",
        Proposal = "proposal",
        Negotiation = "negotiation",
        Closed = "closed",
    }
}

db_enum! {
    /// Competitive pressure on an expansion opportunity.
    CompetitivePressure in ["expansion_opportunities.competitive_pressure"] default Unknown {
        None = "none",
        Low = "low",
        Medium = "medium",
        High = "high",
        Unknown = "unknown",
    }
}

db_enum! {
    /// Kind of customer feedback, or of survey a template produces.
    FeedbackType in ["customer_feedback.feedback_type", "survey_templates.template_type"] {
        Nps = "nps",
        Csat = "csat",
        Ces = "ces",
        FeatureRequest = "feature_request",
        BugReport = "bug_report",
        ProductFeedback = "product_feedback",
        ServiceFeedback = "service_feedback",
        General = "general",
    }
}

db_enum! {
    /// Sentiment of a piece of feedback, an NPS answer or a sentiment report.
    Sentiment in [
        "customer_feedback.sentiment",
        "nps_responses.sentiment",
        "sentiment_analysis.overall_sentiment",
    ] {
        VeryPositive = "very_positive",
        Positive = "positive",
        Neutral = "neutral",
        Negative = "negative",
        VeryNegative = "very_negative",
    }
}

db_enum! {
    /// Priority of a piece of customer feedback.
    FeedbackPriority in ["customer_feedback.priority"] default Medium {
        Critical = "critical",
        High = "high",
        Medium = "medium",
        Low = "low",
    }
}

db_enum! {
    /// Workflow status of a piece of customer feedback.
    FeedbackStatus in ["customer_feedback.status"] default New {
        New = "new",
        Reviewed = "reviewed",
        InProgress = "in_progress",
        Resolved = "resolved",
        Closed = "closed",
        WontFix = "wont_fix",
    }
}

db_enum! {
    /// NPS bucket of an answer; see [`NpsScore::category`](super::NpsScore::category).
    NpsCategory in ["nps_responses.category"] {
        Detractor = "detractor",
        Passive = "passive",
        Promoter = "promoter",
    }
}

db_enum! {
    /// Direction of sentiment over a reporting period.
    SentimentTrend in ["sentiment_analysis.sentiment_trend"] {
        Improving = "improving",
        Stable = "stable",
        Declining = "declining",
        Unknown = "unknown",
    }
}

db_enum! {
    /// How often a survey template is sent.
    SurveyFrequency in ["survey_templates.frequency"] default OneTime {
        OneTime = "one_time",
        Monthly = "monthly",
        Quarterly = "quarterly",
        Annual = "annual",
    }
}

db_enum! {
    /// Direction of an analytics metric over a period.
    MetricTrend in [
        "health_metrics.health_score_trend",
        "engagement_metrics.engagement_trend",
        "usage_analytics.usage_trend",
    ] {
        Up = "up",
        Down = "down",
        Flat = "flat",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives the generic checks below access to the generated associated consts.
    trait Generated:
        Copy + Eq + fmt::Debug + fmt::Display + FromStr<Err = UnknownValueError> + 'static
    {
        const ALL: &'static [Self];
        const VALUES: &'static [&'static str];
        const COLUMNS: &'static [&'static str];
        fn as_str(self) -> &'static str;
    }

    fn check_enum<T: Generated>() {
        assert!(!T::ALL.is_empty());
        assert_eq!(T::ALL.len(), T::VALUES.len());
        assert!(!T::COLUMNS.is_empty());
        for (variant, value) in T::ALL.iter().zip(T::VALUES) {
            assert_eq!(variant.as_str(), *value);
            assert_eq!(variant.to_string(), *value);
            assert_eq!(value.parse::<T>(), Ok(*variant));
            assert_eq!(from_db_bytes::<T>(value.as_bytes()).ok(), Some(*variant));
            // Exact match only: no trimming, no case folding.
            assert!(format!(" {value}").parse::<T>().is_err());
            if value.to_uppercase() != *value {
                assert!(value.to_uppercase().parse::<T>().is_err());
            }
        }
        let unique: std::collections::HashSet<_> = T::VALUES.iter().collect();
        assert_eq!(unique.len(), T::VALUES.len());

        let err = "definitely-not-a-value".parse::<T>().unwrap_err();
        assert_eq!(err.value(), "definitely-not-a-value");
        assert_eq!(err.expected(), T::VALUES);
        assert_eq!(err.columns(), T::COLUMNS);
        let message = err.to_string();
        for part in T::VALUES.iter().chain(T::COLUMNS) {
            assert!(message.contains(part), "{message} lacks {part}");
        }
        assert!(from_db_bytes::<T>(b"definitely-not-a-value").is_err());
        assert!(from_db_bytes::<T>(&[0xff, 0xfe]).is_err());
    }

    macro_rules! check_all {
        ($($ty:ident),+ $(,)?) => {
            $(
                impl Generated for $ty {
                    const ALL: &'static [Self] = $ty::ALL;
                    const VALUES: &'static [&'static str] = $ty::VALUES;
                    const COLUMNS: &'static [&'static str] = $ty::COLUMNS;
                    fn as_str(self) -> &'static str {
                        $ty::as_str(self)
                    }
                }
            )+

            #[test]
            fn every_variant_of_every_enum_round_trips() {
                $(check_enum::<$ty>();)+
            }
        };
    }

    check_all!(
        CustomerTier,
        LifecycleStage,
        HealthTrend,
        CustomerStatus,
        RiskLevel,
        OnboardingStatus,
        MilestoneStatus,
        TrainingFormat,
        CertificationLevel,
        TicketPriority,
        TicketCategory,
        TicketStatus,
        SlaStatus,
        AuthorType,
        ArticleStatus,
        RenewalStatus,
        ContractType,
        BillingFrequency,
        PaymentStatus,
        ExpansionType,
        OpportunityStage,
        CompetitivePressure,
        FeedbackType,
        Sentiment,
        FeedbackPriority,
        FeedbackStatus,
        NpsCategory,
        SentimentTrend,
        SurveyFrequency,
        MetricTrend,
    );

    #[test]
    fn message_names_value_columns_and_expected_values() {
        assert_eq!(
            "urgent".parse::<TicketPriority>().unwrap_err().to_string(),
            r#"unknown value "urgent" in support_tickets.priority (expected one of P0, P1, P2, P3, P4)"#
        );
        assert_eq!(
            "severe".parse::<RiskLevel>().unwrap_err().to_string(),
            r#"unknown value "severe" in risk_indicators.severity or churn_predictions.churn_risk_level (expected one of low, medium, high, critical)"#
        );
    }

    #[test]
    fn defaults_match_the_database_defaults() {
        assert_eq!(CustomerTier::default().as_str(), "standard");
        assert_eq!(LifecycleStage::default().as_str(), "onboarding");
        assert_eq!(HealthTrend::default().as_str(), "stable");
        assert_eq!(CustomerStatus::default().as_str(), "active");
        assert_eq!(OnboardingStatus::default().as_str(), "draft");
        assert_eq!(MilestoneStatus::default().as_str(), "not_started");
        assert_eq!(CertificationLevel::default().as_str(), "basic");
        assert_eq!(TicketStatus::default().as_str(), "open");
        assert_eq!(SlaStatus::default().as_str(), "not_applicable");
        assert_eq!(ArticleStatus::default().as_str(), "draft");
        assert_eq!(PaymentStatus::default().as_str(), "current");
        assert_eq!(CompetitivePressure::default().as_str(), "unknown");
        assert_eq!(FeedbackPriority::default().as_str(), "medium");
        assert_eq!(FeedbackStatus::default().as_str(), "new");
        assert_eq!(SurveyFrequency::default().as_str(), "one_time");
    }

    #[test]
    fn ticket_priority_sorts_most_urgent_first() {
        let mut priorities = vec![
            TicketPriority::P3,
            TicketPriority::P0,
            TicketPriority::P4,
            TicketPriority::P1,
            TicketPriority::P2,
        ];
        priorities.sort();
        assert_eq!(priorities, TicketPriority::ALL);
        assert!(TicketPriority::P0 < TicketPriority::P1);
    }

    #[test]
    fn display_honours_width() {
        assert_eq!(format!("{:>8}|", MetricTrend::Up), "      up|");
    }

    #[test]
    fn long_unknown_values_are_shortened() {
        let err = "x".repeat(100_000).parse::<Sentiment>().unwrap_err();
        assert!(err.to_string().len() < 400);
    }
}
