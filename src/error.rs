//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Error`]. Callers match on the variant to decide
//! what to do (a [`Error::UniqueViolation`] is a conflict to report, a [`Error::Connection`] is
//! worth a retry), and the variant names the constraint, table or field involved. Database errors
//! keep the original [`diesel::result::Error`] as their [`source`](std::error::Error::source).

use diesel::result::{DatabaseErrorInformation, DatabaseErrorKind, Error as DieselError};

use crate::types::ValidationError;

/// Shorthand for `Result<T, customer_success_db::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The requested row does not exist.
    #[error("{what} not found")]
    NotFound {
        /// What was looked up, e.g. `customers with client_id = "acme"`.
        what: String,
        /// The underlying Diesel error (`NotFound`).
        #[source]
        source: DieselError,
    },

    /// A UNIQUE constraint (or primary key) rejected the row.
    #[error(
        "duplicate value violates unique constraint `{constraint}` on table `{table}`: {detail}"
    )]
    UniqueViolation {
        /// The constraint, e.g. `customers_client_id_key`.
        constraint: String,
        /// The table that holds the constraint.
        table: String,
        /// The server's detail line (which key was duplicated).
        detail: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A FOREIGN KEY constraint rejected the row (its parent does not exist) or a delete.
    #[error("foreign key constraint `{constraint}` on table `{table}` violated: {detail}")]
    ForeignKeyViolation {
        /// The constraint, e.g. `health_scores_client_id_fkey`.
        constraint: String,
        /// The table that holds the constraint.
        table: String,
        /// The server's detail line (which key is missing).
        detail: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A CHECK constraint rejected the row.
    #[error("check constraint `{constraint}` on table `{table}` rejected the row")]
    CheckViolation {
        /// The constraint, e.g. `check_health_score_range`.
        constraint: String,
        /// The table that holds the constraint.
        table: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A NOT NULL column was given NULL.
    #[error("column `{column}` of table `{table}` may not be NULL")]
    NotNullViolation {
        /// The column.
        column: String,
        /// The table.
        table: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A value did not fit its column (e.g. a string longer than `varchar(100)`), or was otherwise
    /// malformed for PostgreSQL (invalid JSON, numeric overflow).
    #[error("invalid data for the database: {message}")]
    InvalidData {
        /// The server's message, e.g. `value too long for type character varying(100)`.
        message: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A value was rejected by the crate before it reached the database.
    #[error(transparent)]
    Validation(#[from] ValidationError),

    /// The connection could not be established or was lost. Worth retrying.
    #[error("database connection failed: {message}")]
    Connection {
        /// What went wrong; never contains a password.
        message: String,
    },

    /// No pooled connection became available in time, or the pool could not be built.
    #[error("connection pool error: {message}")]
    Pool {
        /// What went wrong; never contains a password.
        message: String,
    },

    /// The operation did not finish in the time it was given (e.g. `AsyncDb`'s timeout).
    /// Worth retrying.
    #[error("timed out: {message}")]
    Timeout {
        /// What was being waited for, and whether the work had started.
        message: String,
    },

    /// The task running the database work failed without returning a result (it panicked);
    /// the connection it used is discarded.
    #[error("database task failed: {message}")]
    TaskFailed {
        /// The panic message, when there was one.
        message: String,
    },

    /// Running, reverting or inspecting migrations failed.
    #[error("migration failed: {message}")]
    Migration {
        /// What went wrong.
        message: String,
        /// The underlying error, when there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// Any other database error.
    #[error("database error: {source}")]
    Database {
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },
}

impl Error {
    /// The name of the constraint that rejected the row, for the constraint-violation variants.
    pub fn constraint(&self) -> Option<&str> {
        match self {
            Error::UniqueViolation { constraint, .. }
            | Error::ForeignKeyViolation { constraint, .. }
            | Error::CheckViolation { constraint, .. } => Some(constraint),
            _ => None,
        }
    }

    /// True for errors where retrying the operation later may succeed (lost connection, pool
    /// timeout, serialization failure).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Connection { .. } | Error::Pool { .. } | Error::Timeout { .. } => true,
            Error::Database {
                source: DieselError::DatabaseError(kind, _),
            } => matches!(
                kind,
                DatabaseErrorKind::SerializationFailure
                    | DatabaseErrorKind::ClosedConnection
                    | DatabaseErrorKind::UnableToSendCommand
            ),
            _ => false,
        }
    }

    /// Converts a Diesel `NotFound` into [`Error::NotFound`] naming what was looked up; any other
    /// error converts as usual.
    pub fn not_found_as(what: impl FnOnce() -> String) -> impl FnOnce(DieselError) -> Error {
        move |e| match e {
            DieselError::NotFound => Error::NotFound {
                what: what(),
                source: e,
            },
            other => Error::from(other),
        }
    }

    pub(crate) fn migration(
        message: impl Into<String>,
        source: Box<dyn std::error::Error + Send + Sync>,
    ) -> Self {
        Error::Migration {
            message: message.into(),
            source: Some(source),
        }
    }
}

fn info_strings(info: &(dyn DatabaseErrorInformation + Send + Sync)) -> (String, String) {
    (
        info.constraint_name().unwrap_or("<unknown>").to_owned(),
        info.table_name().unwrap_or("<unknown>").to_owned(),
    )
}

impl From<DieselError> for Error {
    fn from(e: DieselError) -> Self {
        match e {
            DieselError::NotFound => Error::NotFound {
                what: "row".to_owned(),
                source: e,
            },
            DieselError::DatabaseError(kind, ref info) => {
                let (constraint, table) = info_strings(info.as_ref());
                let detail = info.details().unwrap_or_else(|| info.message()).to_owned();
                match kind {
                    DatabaseErrorKind::UniqueViolation => Error::UniqueViolation {
                        constraint,
                        table,
                        detail,
                        source: e,
                    },
                    DatabaseErrorKind::ForeignKeyViolation => Error::ForeignKeyViolation {
                        constraint,
                        table,
                        detail,
                        source: e,
                    },
                    DatabaseErrorKind::CheckViolation => Error::CheckViolation {
                        constraint,
                        table,
                        source: e,
                    },
                    DatabaseErrorKind::NotNullViolation => Error::NotNullViolation {
                        column: info.column_name().unwrap_or("<unknown>").to_owned(),
                        table,
                        source: e,
                    },
                    DatabaseErrorKind::ClosedConnection
                    | DatabaseErrorKind::UnableToSendCommand => Error::Connection {
                        message: info.message().to_owned(),
                    },
                    _ if is_invalid_data_message(info.message()) => Error::InvalidData {
                        message: info.message().to_owned(),
                        source: e,
                    },
                    _ => Error::Database { source: e },
                }
            }
            DieselError::DeserializationError(_) | DieselError::SerializationError(_) => {
                Error::InvalidData {
                    message: with_causes(&e),
                    source: e,
                }
            }
            other => Error::Database { source: other },
        }
    }
}

/// Diesel's deserialization error names only the field (`Error deserializing field
/// 'health_score'`); what was wrong with the value is in its source chain. Callers see both.
fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut message = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        cause = c.source();
    }
    message
}

/// Diesel reports SQLSTATE class 22 (data exception) as `Unknown`; these are the messages of the
/// ones a caller can cause with bad input.
fn is_invalid_data_message(message: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "value too long for type",
        "numeric field overflow",
        "invalid input syntax",
        "invalid input value",
        "date/time field value out of range",
        "integer out of range",
        "invalid byte sequence",
        "unsupported Unicode escape sequence",
    ];
    PREFIXES.iter().any(|p| message.starts_with(p))
}

impl From<diesel::r2d2::PoolError> for Error {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        Error::Pool {
            message: e.to_string(),
        }
    }
}
