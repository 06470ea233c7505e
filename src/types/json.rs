//! [`StringList`]: a typed view of the `jsonb` columns that hold a list of strings.

use std::io::Write;
use std::ops::Deref;

use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::expression::AsExpression;
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Jsonb;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A `jsonb` column holding a JSON array of strings, such as `support_tickets.tags`,
/// `onboarding_milestones.dependencies` or `knowledge_base_articles.search_keywords`.
///
/// Serialises exactly like the `Vec<String>` inside it. Reading a row whose JSON is not an
/// array of strings is a deserialization error that says what was found instead.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
)]
#[serde(transparent)]
#[diesel(sql_type = Jsonb)]
pub struct StringList(pub Vec<String>);

/// A JSON value is not an array of strings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a JSON array of strings, found {found}")]
pub struct NotAStringListError {
    // Only the JSON kind and position are kept: the offending value may be large or private.
    found: String,
}

impl NotAStringListError {
    /// What was found instead, e.g. `an object` or `a number at index 2`.
    pub fn found(&self) -> &str {
        &self.found
    }
}

/// The JSON kind of `value` with its article, for error messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl StringList {
    /// An empty list.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// The strings.
    pub fn into_inner(self) -> Vec<String> {
        self.0
    }

    /// Writes the PostgreSQL binary `jsonb` form: a version byte (1) followed by JSON text.
    fn write_jsonb(&self, mut out: impl Write) -> serialize::Result {
        out.write_all(&[1])?;
        serde_json::to_writer(out, &self.0)?;
        Ok(IsNull::No)
    }

    /// Reads the PostgreSQL binary `jsonb` form; apart from `FromSql` so it is testable without
    /// a server (a `PgValue` cannot be built outside Diesel).
    fn from_jsonb_bytes(bytes: &[u8]) -> deserialize::Result<Self> {
        let json = match bytes.split_first() {
            Some((&1, json)) => json,
            Some((version, _)) => {
                return Err(format!("unsupported jsonb format version {version}").into())
            }
            None => return Err("empty jsonb value".into()),
        };
        let value: Value = serde_json::from_slice(json)?;
        Ok(Self::try_from(value)?)
    }
}

impl TryFrom<Value> for StringList {
    type Error = NotAStringListError;

    fn try_from(value: Value) -> Result<Self, NotAStringListError> {
        let items = match value {
            Value::Array(items) => items,
            other => {
                return Err(NotAStringListError {
                    found: kind_of(&other).to_owned(),
                })
            }
        };
        items
            .into_iter()
            .enumerate()
            .map(|(index, item)| match item {
                Value::String(text) => Ok(text),
                other => Err(NotAStringListError {
                    found: format!("{} at index {index}", kind_of(&other)),
                }),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }
}

impl From<StringList> for Value {
    fn from(list: StringList) -> Value {
        Value::Array(list.0.into_iter().map(Value::String).collect())
    }
}

impl From<Vec<String>> for StringList {
    fn from(items: Vec<String>) -> Self {
        Self(items)
    }
}

impl From<StringList> for Vec<String> {
    fn from(list: StringList) -> Vec<String> {
        list.0
    }
}

impl<S: Into<String>> FromIterator<S> for StringList {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        Self(iter.into_iter().map(Into::into).collect())
    }
}

impl IntoIterator for StringList {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a StringList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Deref for StringList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl ToSql<Jsonb, Pg> for StringList {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        self.write_jsonb(out)
    }
}

impl FromSql<Jsonb, Pg> for StringList {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        Self::from_jsonb_bytes(bytes.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list(items: &[&str]) -> StringList {
        items.iter().copied().collect()
    }

    #[test]
    fn jsonb_bytes_round_trip() {
        for original in [list(&[]), list(&["a"]), list(&["x", "ü", "quote\"d", ""])] {
            let mut bytes = Vec::new();
            assert!(matches!(original.write_jsonb(&mut bytes), Ok(IsNull::No)));
            assert_eq!(bytes.first(), Some(&1));
            let read = StringList::from_jsonb_bytes(&bytes).unwrap();
            assert_eq!(read, original);
        }
    }

    #[test]
    fn wrong_shapes_are_errors() {
        let cases = [
            (json!({"a": 1}), "an object"),
            (json!("tag"), "a string"),
            (json!(null), "null"),
            (json!(["ok", 5]), "a number at index 1"),
            (json!(["ok", ["nested"]]), "an array at index 1"),
        ];
        for (value, found) in cases {
            let err = StringList::try_from(value).unwrap_err();
            assert_eq!(err.found(), found);
            assert_eq!(
                err.to_string(),
                format!("expected a JSON array of strings, found {found}")
            );
        }
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        for bytes in [
            &b""[..],
            b"\x02[]",
            b"\x01",
            b"\x01[",
            b"\x01{}",
            b"\x01[1]",
        ] {
            assert!(StringList::from_jsonb_bytes(bytes).is_err(), "{bytes:?}");
        }
        let err = StringList::from_jsonb_bytes(b"\x01{\"a\":1}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected a JSON array of strings, found an object"
        );
    }

    #[test]
    fn conversions() {
        let tags = list(&["a", "b"]);
        assert_eq!(tags.len(), 2);
        assert_eq!(tags.first().map(String::as_str), Some("a"));
        assert_eq!(Value::from(tags.clone()), json!(["a", "b"]));
        assert_eq!(StringList::from(vec!["a".to_owned(), "b".to_owned()]), tags);
        assert_eq!(Vec::from(tags.clone()), vec!["a", "b"]);
        assert_eq!((&tags).into_iter().count(), 2);
        assert_eq!(StringList::default(), StringList::new());
        assert!(StringList::default().is_empty());
    }
}
