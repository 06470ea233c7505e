//! Range-checked numeric newtypes mirroring the database's CHECK constraints, and the
//! [`ValidationError`] shared by every newtype of this module (and by [`Money`](super::Money)).

use std::borrow::Cow;
use std::fmt;
use std::num::IntErrorKind;
use std::str::FromStr;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::{Double, Integer};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::enums::NpsCategory;

/// Longest piece of caller-supplied text an error message repeats; text from outside can be
/// arbitrarily long and would otherwise end up verbatim in logs.
const MAX_SHOWN_CHARS: usize = 64;

/// Shortens `text` to at most [`MAX_SHOWN_CHARS`] characters (on a character boundary).
pub(crate) fn shorten(text: &str) -> String {
    crate::error::truncate_for_message(text, MAX_SHOWN_CHARS).into_owned()
}

/// What exactly was wrong with a value rejected by [`ValidationError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValidationErrorKind {
    /// The number lies outside the allowed range.
    OutOfRange,
    /// The number is NaN or infinite.
    NotFinite,
    /// The amount has more decimal places than the column stores.
    TooManyDecimalPlaces,
    /// The text could not be parsed as a number at all.
    NotANumber,
    /// The name is not one of a closed set (e.g. a table name given by a caller).
    UnknownName,
    /// A required field was never given a value (a `New*` builder's `build()`).
    Missing,
    /// A value that must be unique appears more than once (a business key given twice to
    /// `ByKey::upsert_many`).
    Duplicate,
}

impl ValidationErrorKind {
    fn problem(self) -> &'static str {
        match self {
            Self::OutOfRange => "is out of range",
            Self::NotFinite => "is not a finite number",
            Self::TooManyDecimalPlaces => "has too many decimal places",
            Self::NotANumber => "is not a number",
            Self::UnknownName => "is not a known name",
            Self::Missing => "given for a required field",
            Self::Duplicate => "appears more than once",
        }
    }
}

/// A value was rejected because the database's CHECK constraint (or column type) would reject
/// or silently alter it.
///
/// Displays as `<field>: <value> <problem> (allowed <range>)`, e.g.
/// `health_score: 150 is out of range (allowed 0 to 100)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {shown} {problem} (allowed {allowed})", shown = self.shown_value(), problem = self.kind.problem())]
pub struct ValidationError {
    field: &'static str,
    value: String,
    allowed: &'static str,
    kind: ValidationErrorKind,
}

impl ValidationError {
    /// Creates an error; `value` is shortened when it is very long.
    pub fn new(
        field: &'static str,
        value: impl fmt::Display,
        allowed: &'static str,
        kind: ValidationErrorKind,
    ) -> Self {
        Self {
            field,
            value: shorten(&value.to_string()),
            allowed,
            kind,
        }
    }

    /// Re-labels the error with a more specific name, typically the exact column
    /// (`"churn_probability"` instead of the generic `"probability"`).
    #[must_use]
    pub fn for_field(mut self, field: &'static str) -> Self {
        self.field = field;
        self
    }

    /// The name of the kind of value (or, after [`for_field`](Self::for_field), the column).
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// The rejected value as text (possibly shortened).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The allowed range as text, e.g. `0 to 100`.
    pub fn allowed(&self) -> &'static str {
        self.allowed
    }

    /// What was wrong with the value.
    pub fn kind(&self) -> ValidationErrorKind {
        self.kind
    }

    /// Unparsable text is quoted so that it cannot be mistaken for a number in the message.
    fn shown_value(&self) -> Cow<'_, str> {
        match self.kind {
            ValidationErrorKind::NotANumber => Cow::Owned(format!("{:?}", self.value)),
            _ => Cow::Borrowed(&self.value),
        }
    }
}

/// Checks an integer of any width against `min..=max`; taking `i128` lets one helper serve
/// `i32` callers as well as serde's `i64`/`u64` without a lossy cast.
fn check_int(
    field: &'static str,
    allowed: &'static str,
    min: i32,
    max: i32,
    raw: i128,
) -> Result<i32, ValidationError> {
    i32::try_from(raw)
        .ok()
        .filter(|value| (min..=max).contains(value))
        .ok_or_else(|| ValidationError::new(field, raw, allowed, ValidationErrorKind::OutOfRange))
}

/// Checks a float against `min..=max`, rejecting NaN and infinities explicitly so the message
/// says why, and normalising `-0.0` to `0.0` so that it displays and serialises as `0`.
fn check_float(
    field: &'static str,
    allowed: &'static str,
    min: f64,
    max: f64,
    raw: f64,
) -> Result<f64, ValidationError> {
    if !raw.is_finite() {
        return Err(ValidationError::new(
            field,
            raw,
            allowed,
            ValidationErrorKind::NotFinite,
        ));
    }
    if raw < min || raw > max {
        return Err(ValidationError::new(
            field,
            raw,
            allowed,
            ValidationErrorKind::OutOfRange,
        ));
    }
    // Adding +0.0 maps -0.0 to +0.0 and leaves every other finite value unchanged.
    Ok(raw + 0.0)
}

fn parse_int(
    field: &'static str,
    allowed: &'static str,
    min: i32,
    max: i32,
    text: &str,
) -> Result<i32, ValidationError> {
    match text.parse::<i128>() {
        Ok(raw) => check_int(field, allowed, min, max, raw),
        Err(err) => {
            let kind = match err.kind() {
                // Still a well-formed integer, merely a huge one.
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                    ValidationErrorKind::OutOfRange
                }
                _ => ValidationErrorKind::NotANumber,
            };
            Err(ValidationError::new(field, text, allowed, kind))
        }
    }
}

fn parse_float(
    field: &'static str,
    allowed: &'static str,
    min: f64,
    max: f64,
    text: &str,
) -> Result<f64, ValidationError> {
    match text.parse::<f64>() {
        Ok(raw) => check_float(field, allowed, min, max, raw),
        Err(_) => Err(ValidationError::new(
            field,
            text,
            allowed,
            ValidationErrorKind::NotANumber,
        )),
    }
}

/// Generates a range-checked `i32` newtype stored in an `integer` column.
macro_rules! int_newtype {
    (
        $(#[$meta:meta])*
        $name:ident {
            field: $field:literal,
            min: $min:expr,
            max: $max:expr,
            allowed: $allowed:literal $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("Allowed values: ", $allowed, " (inclusive). Stored as SQL `integer`; ")]
        /// reading an out-of-range row from the database is a deserialization error.
        /// Serialises as a bare JSON number; deserialising validates.
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, AsExpression, FromSqlRow,
        )]
        #[diesel(sql_type = Integer)]
        pub struct $name(i32);

        impl $name {
            /// The smallest allowed value.
            pub const MIN: Self = Self($min);
            /// The largest allowed value.
            pub const MAX: Self = Self($max);
            /// The name used for this kind of value in [`ValidationError`]s.
            pub const FIELD: &'static str = $field;
            /// The allowed range as text, as shown in [`ValidationError`]s.
            pub const ALLOWED: &'static str = $allowed;

            #[doc = concat!("Validates `raw` (", $allowed, "); same as `TryFrom<i32>`.")]
            pub fn new(raw: i32) -> Result<Self, ValidationError> {
                check_int($field, $allowed, $min, $max, i128::from(raw)).map(Self)
            }

            /// The raw value.
            pub const fn get(self) -> i32 {
                self.0
            }

            /// The nearest allowed value: `raw` itself when it is allowed, else the bound it
            /// lies beyond. For values computed by the caller (averages, differences) that
            /// must be stored whatever they come to; [`new`](Self::new) is for input.
            pub fn clamped(raw: i64) -> Self {
                Self(raw.clamp(i64::from($min), i64::from($max)) as i32)
            }
        }

        impl TryFrom<i32> for $name {
            type Error = ValidationError;

            fn try_from(raw: i32) -> Result<Self, ValidationError> {
                Self::new(raw)
            }
        }

        impl From<$name> for i32 {
            fn from(value: $name) -> i32 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = ValidationError;

            /// Parses a decimal integer (no surrounding whitespace) and validates it.
            fn from_str(text: &str) -> Result<Self, ValidationError> {
                parse_int($field, $allowed, $min, $max, text).map(Self)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct RangeVisitor;

                impl Visitor<'_> for RangeVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!($field, " as an integer from ", $allowed))
                    }

                    fn visit_i64<E: de::Error>(self, raw: i64) -> Result<$name, E> {
                        check_int($field, $allowed, $min, $max, i128::from(raw))
                            .map($name)
                            .map_err(E::custom)
                    }

                    fn visit_u64<E: de::Error>(self, raw: u64) -> Result<$name, E> {
                        check_int($field, $allowed, $min, $max, i128::from(raw))
                            .map($name)
                            .map_err(E::custom)
                    }

                    fn visit_i128<E: de::Error>(self, raw: i128) -> Result<$name, E> {
                        check_int($field, $allowed, $min, $max, raw)
                            .map($name)
                            .map_err(E::custom)
                    }
                }

                deserializer.deserialize_i32(RangeVisitor)
            }
        }

        impl ToSql<Integer, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <i32 as ToSql<Integer, Pg>>::to_sql(&self.0, out)
            }
        }

        impl FromSql<Integer, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                let raw = <i32 as FromSql<Integer, Pg>>::from_sql(bytes)?;
                Ok(Self::new(raw)?)
            }
        }
    };
}

/// Generates a range-checked, finite `f64` newtype stored in a `double precision` column.
macro_rules! float_newtype {
    (
        $(#[$meta:meta])*
        $name:ident {
            field: $field:literal,
            min: $min:expr,
            max: $max:expr,
            allowed: $allowed:literal $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        #[doc = concat!("Allowed values: finite numbers from ", $allowed, " (inclusive); NaN and")]
        /// ±∞ are rejected like PostgreSQL's CHECK rejects them, and `-0.0` is stored as `0.0`.
        /// Stored as SQL `double precision`; reading an invalid row from the database is a
        /// deserialization error. Serialises as a bare JSON number; deserialising validates.
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, AsExpression, FromSqlRow)]
        #[diesel(sql_type = Double)]
        pub struct $name(f64);

        impl $name {
            /// The smallest allowed value.
            pub const MIN: Self = Self($min);
            /// The largest allowed value.
            pub const MAX: Self = Self($max);
            /// The name used for this kind of value in [`ValidationError`]s.
            pub const FIELD: &'static str = $field;
            /// The allowed range as text, as shown in [`ValidationError`]s.
            pub const ALLOWED: &'static str = $allowed;

            #[doc = concat!("Validates `raw` (finite, ", $allowed, "); same as `TryFrom<f64>`.")]
            pub fn new(raw: f64) -> Result<Self, ValidationError> {
                check_float($field, $allowed, $min, $max, raw).map(Self)
            }

            /// The raw value.
            pub const fn get(self) -> f64 {
                self.0
            }

            /// The nearest allowed value: `raw` itself when it is allowed, else the bound it
            /// lies beyond (NaN becomes [`MIN`](Self::MIN)). For values computed by the
            /// caller that must be stored whatever they come to; [`new`](Self::new) is for
            /// input.
            pub fn clamped(raw: f64) -> Self {
                if raw.is_nan() {
                    Self::MIN
                } else {
                    // Adding +0.0 maps -0.0 to +0.0, as `new` does.
                    Self(raw.clamp($min, $max) + 0.0)
                }
            }
        }

        impl TryFrom<f64> for $name {
            type Error = ValidationError;

            fn try_from(raw: f64) -> Result<Self, ValidationError> {
                Self::new(raw)
            }
        }

        impl From<$name> for f64 {
            fn from(value: $name) -> f64 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = ValidationError;

            /// Parses with `f64`'s grammar (no surrounding whitespace) and validates.
            fn from_str(text: &str) -> Result<Self, ValidationError> {
                parse_float($field, $allowed, $min, $max, text).map(Self)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_f64(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct RangeVisitor;

                impl Visitor<'_> for RangeVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!($field, " as a number from ", $allowed))
                    }

                    fn visit_f64<E: de::Error>(self, raw: f64) -> Result<$name, E> {
                        check_float($field, $allowed, $min, $max, raw)
                            .map($name)
                            .map_err(E::custom)
                    }

                    // JSON integers such as `1` arrive here; anything large enough to lose
                    // precision as f64 is far outside every range anyway.
                    fn visit_i64<E: de::Error>(self, raw: i64) -> Result<$name, E> {
                        self.visit_f64(raw as f64)
                    }

                    fn visit_u64<E: de::Error>(self, raw: u64) -> Result<$name, E> {
                        self.visit_f64(raw as f64)
                    }
                }

                deserializer.deserialize_f64(RangeVisitor)
            }
        }

        impl ToSql<Double, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <f64 as ToSql<Double, Pg>>::to_sql(&self.0, out)
            }
        }

        impl FromSql<Double, Pg> for $name {
            fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
                let raw = <f64 as FromSql<Double, Pg>>::from_sql(bytes)?;
                Ok(Self::new(raw)?)
            }
        }
    };
}

int_newtype! {
    /// A customer's overall health score (`customers.health_score`, CHECK 0–100).
    HealthScore {
        field: "health_score",
        min: 0,
        max: 100,
        allowed: "0 to 100",
    }
}

int_newtype! {
    /// A support ticket's satisfaction rating (`support_tickets.satisfaction_rating`, CHECK 1–5).
    SatisfactionRating {
        field: "satisfaction_rating",
        min: 1,
        max: 5,
        allowed: "1 to 5",
    }
}

int_newtype! {
    /// A Net Promoter Score answer (`nps_responses.score`, CHECK 0–10).
    NpsScore {
        field: "nps_score",
        min: 0,
        max: 10,
        allowed: "0 to 10",
    }
}

impl NpsScore {
    /// The NPS bucket of this answer: 0–6 detractor, 7–8 passive, 9–10 promoter.
    pub const fn category(self) -> NpsCategory {
        match self.0 {
            // The invariant keeps the value within 0..=10, so everything above 8 is 9 or 10.
            ..=6 => NpsCategory::Detractor,
            7 | 8 => NpsCategory::Passive,
            _ => NpsCategory::Promoter,
        }
    }
}

float_newtype! {
    /// One component of a health score breakdown (`health_scores.usage_score`,
    /// `health_scores.engagement_score`, CHECK 0–100).
    ComponentScore {
        field: "component_score",
        min: 0.0,
        max: 100.0,
        allowed: "0 to 100",
    }
}

float_newtype! {
    /// A probability (`churn_predictions.churn_probability`,
    /// `renewal_forecasts.renewal_probability`, `expansion_opportunities.probability`, CHECK 0–1).
    Probability {
        field: "probability",
        min: 0.0,
        max: 1.0,
        allowed: "0 to 1",
    }
}

float_newtype! {
    /// A sentiment score from very negative to very positive (`customer_feedback.sentiment_score`,
    /// `nps_responses.sentiment_score`, CHECK -1–1).
    SentimentScore {
        field: "sentiment_score",
        min: -1.0,
        max: 1.0,
        allowed: "-1 to 1",
    }
}

int_newtype! {
    /// A count or a duration in whole units that cannot be negative: users, logins, actions,
    /// votes, attempts, minutes, hours, weeks, days (schema v2: `check_<column>_non_negative`
    /// on every such column; the full list is in the [module docs](super)).
    Count {
        field: "count",
        min: 0,
        max: i32::MAX,
        allowed: "0 or more",
    }
}

int_newtype! {
    /// A change of a 0–100 health score between two periods
    /// (`health_metrics.health_score_change`, CHECK −100–100).
    ScoreChange {
        field: "score_change",
        min: -100,
        max: 100,
        allowed: "-100 to 100",
    }
}

int_newtype! {
    /// A Net Promoter Score over many answers: % promoters − % detractors
    /// (`sentiment_analysis.nps_score`, CHECK −100–100).
    NetPromoterScore {
        field: "nps_score",
        min: -100,
        max: 100,
        allowed: "-100 to 100",
    }
}

float_newtype! {
    /// A share of a whole, as a fraction: rates (`activation_rate`, `engagement_rate`,
    /// `feature_utilization_rate`, `win_rate`, `helpfulness_score`), model confidences
    /// (`confidence_score`, `confidence`) and health weights (CHECK 0–1). `0.25` means 25 %.
    Fraction {
        field: "fraction",
        min: 0.0,
        max: 1.0,
        allowed: "0 to 1",
    }
}

float_newtype! {
    /// A percentage (`completion_percentage`, `discount_percentage`) or a 0–100 test score
    /// (`passing_score`, `assessment_score`) (CHECK 0–100). `25.0` means 25 %.
    Percentage {
        field: "percentage",
        min: 0.0,
        max: 100.0,
        allowed: "0 to 100",
    }
}

float_newtype! {
    /// An average of 1–5 star ratings (`training_completions.feedback_rating`,
    /// `sentiment_analysis.csat_score`, CHECK 1–5).
    Rating {
        field: "rating",
        min: 1.0,
        max: 5.0,
        allowed: "1 to 5",
    }
}

float_newtype! {
    /// A finite measurement that cannot be negative: hours, per-user and per-session averages
    /// (`response_time_hours`, `avg_logins_per_user`, `avg_session_duration_minutes`,
    /// `avg_actions_per_session`; CHECK `>= 0 AND < 'Infinity'`).
    NonNegativeF64 {
        field: "value",
        min: 0.0,
        max: f64::MAX,
        allowed: "0 or more",
    }
}

float_newtype! {
    /// Any finite number, such as a risk indicator's measured value and threshold, whose sign
    /// depends on the metric (`risk_indicators.current_value`, `threshold_value`; CHECK
    /// `> '-Infinity' AND < 'Infinity'`, which also rejects NaN).
    FiniteF64 {
        field: "value",
        min: f64::MIN,
        max: f64::MAX,
        allowed: "any finite number",
    }
}

float_newtype! {
    /// A relative change from the previous period as a fraction: `-0.25` is down 25 %, `1.0`
    /// doubled; cannot fall below −1 (down 100 %) (`usage_analytics.usage_growth_rate`, CHECK
    /// `>= -1 AND < 'Infinity'`).
    GrowthRate {
        field: "growth_rate",
        min: -1.0,
        max: f64::MAX,
        allowed: "-1 or more",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_newtype_boundaries() {
        assert!(Count::new(0).is_ok() && Count::new(i32::MAX).is_ok() && Count::new(-1).is_err());
        assert!(ScoreChange::new(-100).is_ok() && ScoreChange::new(101).is_err());
        assert!(NetPromoterScore::new(100).is_ok() && NetPromoterScore::new(-101).is_err());
        assert!(Fraction::new(1.0).is_ok() && Fraction::new(1.0 + f64::EPSILON).is_err());
        assert!(Percentage::new(100.0).is_ok() && Percentage::new(-0.1).is_err());
        assert!(Rating::new(1.0).is_ok() && Rating::new(0.999).is_err());
        assert!(NonNegativeF64::new(f64::MAX).is_ok() && NonNegativeF64::new(-1e-300).is_err());
        assert!(FiniteF64::new(f64::MIN).is_ok() && FiniteF64::new(f64::INFINITY).is_err());
        assert!(GrowthRate::new(-1.0).is_ok() && GrowthRate::new(-1.000_001).is_err());
        for raw in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(NonNegativeF64::new(raw).is_err());
            assert!(FiniteF64::new(raw).is_err());
            assert!(GrowthRate::new(raw).is_err());
        }
    }

    #[test]
    fn clamped_takes_the_nearest_allowed_value() {
        assert_eq!(Count::clamped(-5).get(), 0);
        assert_eq!(Count::clamped(i64::MAX).get(), i32::MAX);
        assert_eq!(HealthScore::clamped(42).get(), 42);
        assert_eq!(Fraction::clamped(f64::NAN).get(), 0.0);
        assert_eq!(Fraction::clamped(2.0).get(), 1.0);
        assert_eq!(Fraction::clamped(f64::NEG_INFINITY).get(), 0.0);
        assert!(Fraction::clamped(-0.0).get().is_sign_positive());
        assert_eq!(NonNegativeF64::clamped(f64::INFINITY).get(), f64::MAX);
    }

    #[test]
    fn health_score_boundaries() {
        assert_eq!(HealthScore::new(0).map(HealthScore::get), Ok(0));
        assert_eq!(HealthScore::new(100).map(HealthScore::get), Ok(100));
        assert!(HealthScore::new(-1).is_err());
        assert!(HealthScore::new(101).is_err());
        assert!(HealthScore::new(i32::MIN).is_err());
        assert!(HealthScore::new(i32::MAX).is_err());
        assert_eq!(HealthScore::MIN.get(), 0);
        assert_eq!(HealthScore::MAX.get(), 100);
    }

    #[test]
    fn satisfaction_rating_boundaries() {
        assert!(SatisfactionRating::new(0).is_err());
        assert_eq!(SatisfactionRating::new(1).map(i32::from), Ok(1));
        assert_eq!(SatisfactionRating::new(5).map(i32::from), Ok(5));
        assert!(SatisfactionRating::new(6).is_err());
    }

    #[test]
    fn nps_score_boundaries() {
        assert!(NpsScore::new(-1).is_err());
        assert!(NpsScore::new(0).is_ok());
        assert!(NpsScore::new(10).is_ok());
        assert!(NpsScore::new(11).is_err());
    }

    #[test]
    fn nps_category_for_every_score() {
        let expected = [
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Detractor,
            NpsCategory::Passive,
            NpsCategory::Passive,
            NpsCategory::Promoter,
            NpsCategory::Promoter,
        ];
        for (raw, category) in (0..=10).zip(expected) {
            assert_eq!(NpsScore::new(raw).map(NpsScore::category), Ok(category));
        }
    }

    #[test]
    fn error_message_names_field_value_and_range() {
        let err = HealthScore::new(150).unwrap_err();
        assert_eq!(
            err.to_string(),
            "health_score: 150 is out of range (allowed 0 to 100)"
        );
        assert_eq!(err.field(), "health_score");
        assert_eq!(err.value(), "150");
        assert_eq!(err.allowed(), "0 to 100");
        assert_eq!(err.kind(), ValidationErrorKind::OutOfRange);
    }

    #[test]
    fn for_field_relabels() {
        let err = Probability::new(1.5)
            .unwrap_err()
            .for_field("churn_probability");
        assert_eq!(err.field(), "churn_probability");
        assert_eq!(
            err.to_string(),
            "churn_probability: 1.5 is out of range (allowed 0 to 1)"
        );
    }

    #[test]
    fn float_boundaries() {
        assert!(ComponentScore::new(0.0).is_ok());
        assert!(ComponentScore::new(100.0).is_ok());
        assert!(ComponentScore::new(-f64::MIN_POSITIVE).is_err());
        assert!(ComponentScore::new(100.000_000_000_1).is_err());
        assert!(Probability::new(0.0).is_ok());
        assert!(Probability::new(1.0).is_ok());
        assert!(Probability::new(1.0 + f64::EPSILON).is_err());
        assert!(Probability::new(-1e-300).is_err());
        assert!(SentimentScore::new(-1.0).is_ok());
        assert!(SentimentScore::new(1.0).is_ok());
        assert!(SentimentScore::new(-1.000_000_1).is_err());
        assert!(SentimentScore::new(1.000_000_1).is_err());
    }

    #[test]
    fn non_finite_floats_are_rejected() {
        for raw in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let errs = [
                ComponentScore::new(raw).unwrap_err(),
                Probability::new(raw).unwrap_err(),
                SentimentScore::new(raw).unwrap_err(),
            ];
            for err in errs {
                assert_eq!(err.kind(), ValidationErrorKind::NotFinite);
            }
        }
        assert_eq!(
            Probability::new(f64::NAN).unwrap_err().to_string(),
            "probability: NaN is not a finite number (allowed 0 to 1)"
        );
    }

    #[test]
    fn negative_zero_is_accepted_as_zero() {
        for value in [
            Probability::new(-0.0).map(f64::from),
            ComponentScore::new(-0.0).map(f64::from),
            SentimentScore::new(-0.0).map(f64::from),
        ] {
            let raw = value.unwrap();
            assert_eq!(raw, 0.0);
            assert!(raw.is_sign_positive());
        }
        assert_eq!(Probability::new(-0.0).unwrap().to_string(), "0");
    }

    #[test]
    fn from_str_parses_then_validates() {
        assert_eq!("42".parse::<HealthScore>().map(HealthScore::get), Ok(42));
        assert_eq!(
            "101".parse::<HealthScore>().unwrap_err().kind(),
            ValidationErrorKind::OutOfRange
        );
        assert_eq!(
            "99999999999999999999999"
                .parse::<HealthScore>()
                .unwrap_err()
                .kind(),
            ValidationErrorKind::OutOfRange
        );
        let err = "abc".parse::<NpsScore>().unwrap_err();
        assert_eq!(err.kind(), ValidationErrorKind::NotANumber);
        assert_eq!(
            err.to_string(),
            "nps_score: \"abc\" is not a number (allowed 0 to 10)"
        );
        assert_eq!(
            "0.25".parse::<Probability>().map(Probability::get),
            Ok(0.25)
        );
        assert_eq!(
            "NaN".parse::<Probability>().unwrap_err().kind(),
            ValidationErrorKind::NotFinite
        );
        assert_eq!(
            "-inf".parse::<SentimentScore>().unwrap_err().kind(),
            ValidationErrorKind::NotFinite
        );
        assert_eq!(
            "".parse::<ComponentScore>().unwrap_err().kind(),
            ValidationErrorKind::NotANumber
        );
    }

    #[test]
    fn display_round_trips_through_from_str() {
        for raw in 0..=100 {
            let score = HealthScore::new(raw).unwrap();
            assert_eq!(score.to_string().parse::<HealthScore>(), Ok(score));
        }
        for raw in [-1.0, -0.5, 0.0, 0.1, 1.0 / 3.0, 1.0] {
            let score = SentimentScore::new(raw).unwrap();
            assert_eq!(score.to_string().parse::<SentimentScore>(), Ok(score));
        }
    }

    #[test]
    fn long_garbage_is_shortened_in_errors() {
        let garbage = "é".repeat(10_000);
        let err = garbage.parse::<HealthScore>().unwrap_err();
        assert_eq!(err.value().chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(err.to_string().len() < 300);
    }

    #[test]
    fn ordering_follows_the_raw_value() {
        assert!(HealthScore::new(10).unwrap() < HealthScore::new(90).unwrap());
        assert!(Probability::new(0.1).unwrap() < Probability::new(0.9).unwrap());
    }

    proptest::proptest! {
        #[test]
        fn integer_validity_matches_the_check(raw in proptest::num::i32::ANY) {
            proptest::prop_assert_eq!(HealthScore::new(raw).is_ok(), (0..=100).contains(&raw));
            proptest::prop_assert_eq!(NpsScore::new(raw).is_ok(), (0..=10).contains(&raw));
            proptest::prop_assert_eq!(SatisfactionRating::new(raw).is_ok(), (1..=5).contains(&raw));
        }

        #[test]
        fn float_validity_matches_the_check(raw in proptest::num::f64::ANY) {
            // PostgreSQL sorts NaN above every number, so `raw >= 0 AND raw <= 1` fails for NaN
            // there too; only finite values can pass both bounds.
            let in_range = |min: f64, max: f64| raw.is_finite() && raw >= min && raw <= max;
            proptest::prop_assert_eq!(Probability::new(raw).is_ok(), in_range(0.0, 1.0));
            proptest::prop_assert_eq!(ComponentScore::new(raw).is_ok(), in_range(0.0, 100.0));
            proptest::prop_assert_eq!(SentimentScore::new(raw).is_ok(), in_range(-1.0, 1.0));
        }
    }
}
