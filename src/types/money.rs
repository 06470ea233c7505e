//! [`Money`]: a non-negative amount that fits a `numeric(14,2)` column exactly.

use std::fmt;
use std::str::FromStr;

use bigdecimal::num_bigint::Sign;
use bigdecimal::{BigDecimal, Zero};
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Numeric;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::scores::{ValidationError, ValidationErrorKind};

/// Decimal places a `numeric(14,2)` column keeps.
const SCALE: i64 = 2;
/// Digits before the decimal point a `numeric(14,2)` column keeps (14 - 2).
const INTEGER_DIGITS: i128 = 12;

/// A non-negative amount of money as stored in the `numeric(14,2)` columns
/// (`customers.contract_value`, `contracts.contract_value`, ARR and value columns).
///
/// Allowed: from 0 to 999 999 999 999.99 with at most two decimal places. PostgreSQL would
/// silently round a third decimal place and fail on 10¹² or more, so both are rejected here
/// instead; the sign mirrors `CHECK (contract_value >= 0)`. Trailing zeros are not decimal
/// places (`12.500` is accepted), and every value is kept at exactly two decimal places, the
/// way the database returns it, so `Display` prints `1234.50`.
///
/// # Serde
///
/// Serialises as a JSON **string** (`"1234.50"`), which is what `bigdecimal`'s own serde
/// support does by default and keeps every cent exact for JavaScript clients. Deserialising
/// accepts a string (`"1234.5"`) or a JSON number (`1234.5`); a number is taken by its shortest
/// decimal spelling rather than its binary expansion, so `0.1` means ten cents and not
/// `0.1000000000000000055…`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, AsExpression, FromSqlRow)]
#[diesel(sql_type = Numeric)]
pub struct Money(BigDecimal);

impl Money {
    /// The name used for this kind of value in [`ValidationError`]s.
    pub const FIELD: &'static str = "money";
    /// The allowed values as text, as shown in [`ValidationError`]s.
    pub const ALLOWED: &'static str = "0 to 999999999999.99 with at most 2 decimal places";

    /// Validates `value`; same as `TryFrom<BigDecimal>`.
    pub fn new(value: BigDecimal) -> Result<Self, ValidationError> {
        validate(&value).map(Self)
    }

    /// An amount given in cents, e.g. `Money::from_cents(123_450)` is `1234.50`.
    pub fn from_cents(cents: i64) -> Result<Self, ValidationError> {
        Self::new(BigDecimal::new(cents.into(), SCALE))
    }

    /// Zero, the database default of `customers.contract_value`.
    pub fn zero() -> Self {
        Self(BigDecimal::new(0.into(), SCALE))
    }

    /// The largest storable amount, 999 999 999 999.99.
    pub fn max_value() -> Self {
        Self(BigDecimal::new(99_999_999_999_999_i64.into(), SCALE))
    }

    /// The amount, always with exactly two decimal places.
    pub fn get(&self) -> &BigDecimal {
        &self.0
    }

    /// The amount, always with exactly two decimal places.
    pub fn into_inner(self) -> BigDecimal {
        self.0
    }
}

/// Checks `value` and returns it at scale 2.
///
/// Written against the (digits, scale) representation rather than by comparing with 10¹² or
/// rescaling first: a `BigDecimal` parsed from untrusted text such as `1e-999999999` has a tiny
/// digit count but a huge scale, and naive rescaling would allocate a billion digits.
fn validate(value: &BigDecimal) -> Result<BigDecimal, ValidationError> {
    let error = |kind| ValidationError::new(Money::FIELD, value, Money::ALLOWED, kind);

    // Zero first: it may carry any scale or a sign in its text ("-0", "0e-5000") yet is valid.
    if value.is_zero() {
        return Ok(Money::zero().0);
    }
    if value.sign() == Sign::Minus {
        return Err(error(ValidationErrorKind::OutOfRange));
    }
    // value = m·10^(-scale) with 10^(digits-1) <= m < 10^digits, so
    // 10^(digits-1-scale) <= value < 10^(digits-scale): below 10^12 iff digits - scale <= 12.
    let digits = i128::from(value.digits());
    let scale = i128::from(value.fractional_digit_count());
    if digits - scale > INTEGER_DIGITS {
        return Err(error(ValidationErrorKind::OutOfRange));
    }
    let excess = scale - i128::from(SCALE);
    if excess > 0 {
        // m can end in `excess` zeros only if it has more digits than that; this also bounds
        // the rescaling below by the length of the input.
        if excess >= digits {
            return Err(error(ValidationErrorKind::TooManyDecimalPlaces));
        }
        let truncated = value.with_scale(SCALE);
        if truncated != *value {
            return Err(error(ValidationErrorKind::TooManyDecimalPlaces));
        }
        return Ok(truncated);
    }
    // Here scale <= 2 and digits >= 1 with digits - scale <= 12, so at most 13 zeros are added.
    Ok(value.with_scale(SCALE))
}

impl Default for Money {
    /// Zero, matching the `DEFAULT 0` of the money columns.
    fn default() -> Self {
        Self::zero()
    }
}

impl TryFrom<BigDecimal> for Money {
    type Error = ValidationError;

    fn try_from(value: BigDecimal) -> Result<Self, ValidationError> {
        Self::new(value)
    }
}

impl From<Money> for BigDecimal {
    fn from(value: Money) -> BigDecimal {
        value.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Plain notation on purpose: BigDecimal's Display may switch to exponent notation.
        f.pad(&self.0.to_plain_string())
    }
}

impl fmt::Debug for Money {
    /// `Money(1234.50)`: BigDecimal's own Debug shows internal base-2³² digits, useless in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Money")
            .field(&format_args!("{}", self.0.to_plain_string()))
            .finish()
    }
}

impl FromStr for Money {
    type Err = ValidationError;

    /// Parses a decimal such as `1234.5` (no surrounding whitespace) and validates it.
    fn from_str(text: &str) -> Result<Self, ValidationError> {
        match BigDecimal::from_str(text) {
            Ok(value) => Self::new(value),
            Err(_) => Err(ValidationError::new(
                Money::FIELD,
                text,
                Money::ALLOWED,
                ValidationErrorKind::NotANumber,
            )),
        }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.to_plain_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;

        impl Visitor<'_> for MoneyVisitor {
            type Value = Money;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("money as a decimal string or number from ")?;
                f.write_str(Money::ALLOWED)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Money, E> {
                text.parse().map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, raw: i64) -> Result<Money, E> {
                Money::new(raw.into()).map_err(E::custom)
            }

            fn visit_u64<E: de::Error>(self, raw: u64) -> Result<Money, E> {
                Money::new(raw.into()).map_err(E::custom)
            }

            fn visit_f64<E: de::Error>(self, raw: f64) -> Result<Money, E> {
                if !raw.is_finite() {
                    return Err(E::custom(ValidationError::new(
                        Money::FIELD,
                        raw,
                        Money::ALLOWED,
                        ValidationErrorKind::NotFinite,
                    )));
                }
                // f64's Display is the shortest text that reads back to the same float and
                // never uses exponent notation, so it is what the sender most likely wrote.
                raw.to_string().parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(MoneyVisitor)
    }
}

impl ToSql<Numeric, Pg> for Money {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <BigDecimal as ToSql<Numeric, Pg>>::to_sql(&self.0, out)
    }
}

impl FromSql<Numeric, Pg> for Money {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        let raw = <BigDecimal as FromSql<Numeric, Pg>>::from_sql(bytes)?;
        Ok(Self::new(raw)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Result<Money, ValidationError> {
        text.parse()
    }

    fn kind(text: &str) -> Option<ValidationErrorKind> {
        money(text).err().map(|err| err.kind())
    }

    #[test]
    fn accepts_the_whole_range() {
        assert_eq!(money("0").unwrap().to_string(), "0.00");
        assert_eq!(money("0.01").unwrap().to_string(), "0.01");
        assert_eq!(money("1234.5").unwrap().to_string(), "1234.50");
        assert_eq!(money("999999999999.99").unwrap(), Money::max_value());
        assert_eq!(Money::max_value().to_string(), "999999999999.99");
        assert_eq!(
            money("100000000000").unwrap().to_string(),
            "100000000000.00"
        );
    }

    #[test]
    fn keeps_exactly_two_decimal_places() {
        for text in ["7", "7.0", "7.00", "7.000000", "0.7e1", "700e-2"] {
            let value = money(text).unwrap();
            assert_eq!(value.get().fractional_digit_count(), 2, "{text}");
            assert_eq!(value.to_string(), "7.00", "{text}");
        }
    }

    #[test]
    fn zero_in_any_spelling_is_zero() {
        for text in ["0", "-0", "0.000000", "0e-999999999", "0e999999999", "-0.0"] {
            assert_eq!(money(text), Ok(Money::zero()), "{text}");
        }
        assert_eq!(Money::default(), Money::zero());
    }

    #[test]
    fn rejects_negative_amounts() {
        assert_eq!(kind("-0.01"), Some(ValidationErrorKind::OutOfRange));
        assert_eq!(kind("-1e-999999999"), Some(ValidationErrorKind::OutOfRange));
        assert_eq!(
            money("-5").unwrap_err().to_string(),
            "money: -5 is out of range (allowed 0 to 999999999999.99 with at most 2 decimal places)"
        );
    }

    #[test]
    fn rejects_what_the_column_would_overflow() {
        assert_eq!(kind("1000000000000"), Some(ValidationErrorKind::OutOfRange));
        assert_eq!(
            kind("1000000000000.00"),
            Some(ValidationErrorKind::OutOfRange)
        );
        assert_eq!(kind("1e12"), Some(ValidationErrorKind::OutOfRange));
        assert_eq!(kind("1e999999999"), Some(ValidationErrorKind::OutOfRange));
        assert!(money("999999999999.999").is_err());
    }

    #[test]
    fn rejects_what_the_column_would_round() {
        assert_eq!(
            kind("0.001"),
            Some(ValidationErrorKind::TooManyDecimalPlaces)
        );
        assert_eq!(
            kind("1.005"),
            Some(ValidationErrorKind::TooManyDecimalPlaces)
        );
        assert_eq!(
            kind("12.3450001"),
            Some(ValidationErrorKind::TooManyDecimalPlaces)
        );
        assert_eq!(
            kind("1e-999999999"),
            Some(ValidationErrorKind::TooManyDecimalPlaces)
        );
        assert_eq!(
            money("1.005").unwrap_err().to_string(),
            "money: 1.005 has too many decimal places (allowed 0 to 999999999999.99 with at most 2 decimal places)"
        );
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(kind("twelve"), Some(ValidationErrorKind::NotANumber));
        assert_eq!(kind(""), Some(ValidationErrorKind::NotANumber));
        assert_eq!(kind("NaN"), Some(ValidationErrorKind::NotANumber));
    }

    #[test]
    fn from_cents() {
        assert_eq!(Money::from_cents(123_450).unwrap().to_string(), "1234.50");
        assert_eq!(Money::from_cents(0), Ok(Money::zero()));
        assert!(Money::from_cents(-1).is_err());
        assert_eq!(
            Money::from_cents(99_999_999_999_999),
            Ok(Money::max_value())
        );
        assert!(Money::from_cents(100_000_000_000_000).is_err());
    }

    #[test]
    fn display_round_trips_through_from_str() {
        for text in ["0.00", "0.01", "0.10", "1.00", "1234.56", "999999999999.99"] {
            let value = money(text).unwrap();
            assert_eq!(value.to_string(), text);
            assert_eq!(money(&value.to_string()), Ok(value));
        }
    }

    #[test]
    fn debug_shows_the_amount() {
        assert_eq!(format!("{:?}", money("1234.5").unwrap()), "Money(1234.50)");
    }

    #[test]
    fn ordering_is_numeric() {
        assert!(money("9.99").unwrap() < money("10").unwrap());
        assert!(Money::zero() < Money::max_value());
    }

    proptest::proptest! {
        #[test]
        fn every_cent_amount_round_trips(cents in 0_i64..100_000_000_000_000) {
            let value = Money::from_cents(cents).unwrap();
            proptest::prop_assert_eq!(money(&value.to_string()), Ok(value.clone()));
            let json = serde_json::to_string(&value).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), value);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "[-+0-9.eE]{0,40}") {
            if let Ok(value) = money(&text) {
                proptest::prop_assert_eq!(value.get().fractional_digit_count(), 2);
                proptest::prop_assert!(value <= Money::max_value());
            }
        }
    }
}
