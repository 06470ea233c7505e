//! Input checks that name the field: column sizes and date ranges checked in Rust before a row
//! is sent, and JSON deserialisation that reports where in the input it failed.
//!
//! PostgreSQL's own messages for these cases name no column (`value too long for type character
//! varying(100)`, `date out of range`), and `customers` alone has four `varchar(100)`-or-shorter
//! text columns. So every insert and update of [`crate::crud`] first runs
//! [`CheckColumns::check_columns`] on its input, and a failure is an
//! [`Error::InvalidData`] whose message starts with `table.column`:
//!
//! ```text
//! invalid data for the database: customers.client_id: 101 characters, longer than varchar(100)
//! ```
//!
//! The checks are generated (`tools/codegen/gen_checks.py`, into `src/input/columns.rs`) from
//! the migrations' column types and the models' fields, and `tests/errors.rs` compares them with
//! the live catalog.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::result::Error as DieselError;
use serde::de::DeserializeOwned;

use crate::error::{truncate_for_message, Error, Result, MAX_MESSAGE_CHARS};

mod columns;

pub use columns::CHECKED_COLUMNS;

/// What a checked column accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `varchar(n)`: at most `n` characters (not bytes).
    MaxChars(usize),
    /// `date`: from 4714-11-24 BC (PostgreSQL's first day) on; chrono's last day is within range.
    Date,
    /// `timestamp` / `timestamptz`: the same first day as `date`.
    Timestamp,
}

/// The first day PostgreSQL's `date` and `timestamp` types hold: 4714-11-24 BC (Julian day 0),
/// year -4713 in chrono's astronomical numbering. Their last days (5874897 AD, 294276 AD) are
/// after chrono's last (262142 AD), so only this end needs a check.
pub fn first_postgres_date() -> NaiveDate {
    // A constant date that chrono represents; `expect` cannot fire.
    NaiveDate::from_ymd_opt(-4713, 11, 24).expect("4714-11-24 BC is a valid chrono date")
}

/// A value that does not fit its column; converts into [`Error::InvalidData`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{column}: {problem}")]
pub struct ColumnError {
    column: &'static str,
    problem: String,
}

impl ColumnError {
    /// The column, as `table.column`.
    pub fn column(&self) -> &'static str {
        self.column
    }

    /// What was wrong with the value.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

impl From<ColumnError> for Error {
    fn from(e: ColumnError) -> Self {
        Error::InvalidData {
            message: e.to_string(),
            source: DieselError::SerializationError(Box::new(e)),
        }
    }
}

/// Checks every string and date field of an insert or changeset struct against its column.
/// Implemented (by generated code) for every `NewFoo` and `FooChanges`.
pub trait CheckColumns {
    /// `Ok` when every field fits its column.
    ///
    /// # Errors
    /// The first field that does not, naming its `table.column`.
    fn check_columns(&self) -> std::result::Result<(), ColumnError>;
}

/// Runs [`CheckColumns`] on each of `rows`, naming the row of a bulk insert that fails.
pub(crate) fn check_rows<T: CheckColumns>(rows: &[T]) -> Result<()> {
    for (i, row) in rows.iter().enumerate() {
        row.check_columns().map_err(|e| {
            if rows.len() == 1 {
                e
            } else {
                ColumnError {
                    column: e.column,
                    problem: format!("{} (row {i} of {})", e.problem, rows.len()),
                }
            }
        })?;
    }
    Ok(())
}

/// A field value the generated checks can look at.
pub(crate) trait ColumnValue {
    fn check_value(&self, column: &'static str, rule: Rule)
        -> std::result::Result<(), ColumnError>;
}

impl ColumnValue for String {
    fn check_value(
        &self,
        column: &'static str,
        rule: Rule,
    ) -> std::result::Result<(), ColumnError> {
        let Rule::MaxChars(max) = rule else {
            return Ok(());
        };
        // Bytes are never fewer than characters: the count is needed only for long strings.
        if self.len() <= max {
            return Ok(());
        }
        let chars = self.chars().count();
        if chars <= max {
            return Ok(());
        }
        Err(ColumnError {
            column,
            problem: format!("{chars} characters, longer than varchar({max})"),
        })
    }
}

fn check_day(
    column: &'static str,
    day: NaiveDate,
    shown: &dyn fmt::Display,
) -> std::result::Result<(), ColumnError> {
    if day >= first_postgres_date() {
        return Ok(());
    }
    Err(ColumnError {
        column,
        problem: format!(
            "{} is before 4714-11-24 BC, the first day PostgreSQL can store",
            truncate_for_message(&shown.to_string(), 64)
        ),
    })
}

impl ColumnValue for NaiveDate {
    fn check_value(&self, column: &'static str, _: Rule) -> std::result::Result<(), ColumnError> {
        check_day(column, *self, self)
    }
}

impl ColumnValue for NaiveDateTime {
    fn check_value(&self, column: &'static str, _: Rule) -> std::result::Result<(), ColumnError> {
        check_day(column, self.date(), self)
    }
}

impl ColumnValue for DateTime<Utc> {
    fn check_value(&self, column: &'static str, _: Rule) -> std::result::Result<(), ColumnError> {
        check_day(column, self.date_naive(), self)
    }
}

impl<T: ColumnValue> ColumnValue for Option<T> {
    fn check_value(
        &self,
        column: &'static str,
        rule: Rule,
    ) -> std::result::Result<(), ColumnError> {
        match self {
            Some(value) => value.check_value(column, rule),
            None => Ok(()),
        }
    }
}

/// Deserialises a model (or anything else) from JSON, naming where a failure is: the message
/// of the [`Error::Deserialize`] carries the path, e.g. `tickets[3].priority` or
/// `contract_value`, which serde_json alone does not report.
///
/// ```
/// use customer_success_db::{input::from_json, models::NewCustomer, Error};
/// let err = from_json::<NewCustomer>(
///     r#"{"client_id":"a","client_name":"A","company_name":"A",
///         "contract_start_date":"2025-01-01","contract_value":"-5"}"#,
/// )
/// .unwrap_err();
/// let Error::Deserialize { path, .. } = &err else { panic!("{err:?}") };
/// assert_eq!(path, "contract_value");
/// assert!(err.to_string().starts_with("invalid JSON at `contract_value`: "));
/// ```
///
/// # Errors
/// [`Error::Deserialize`] with the path and serde's message (bounded in size).
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut *de).map_err(path_error)?;
    // Trailing characters after the value are an error too, as in `serde_json::from_str`.
    de.end().map_err(|e| Error::Deserialize {
        path: ".".to_owned(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Like [`from_json`], from an already parsed [`serde_json::Value`] (what an MCP server's
/// arguments arrive as).
///
/// # Errors
/// As [`from_json`].
pub fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(path_error)
}

fn path_error(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = e.path().to_string();
    Error::Deserialize {
        path: truncate_for_message(&path, MAX_MESSAGE_CHARS / 4).into_owned(),
        message: truncate_for_message(&e.into_inner().to_string(), MAX_MESSAGE_CHARS).into_owned(),
    }
}
