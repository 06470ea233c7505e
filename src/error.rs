//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Error`]. Callers match on the variant to decide
//! what to do (a [`Error::UniqueViolation`] is a conflict to report, a [`Error::Connection`] is
//! worth a retry), and the variant names the constraint, table or field involved. Database errors
//! keep the original [`diesel::result::Error`] as their [`source`](std::error::Error::source).
//!
//! # Which errors are worth a retry
//!
//! [`Error::is_transient`] answers it; [`Error::connection_failure`] says, for connection
//! errors, which of the cases below it is. Connections are established (and a pool's first
//! connection is validated) at once, so a permanent connection error is returned immediately,
//! never after a pool's checkout timeout.
//!
//! | what happened | variant | `is_transient()` | how it is recognised |
//! |---|---|---|---|
//! | malformed URL or connection string (bad port, unknown option, bad `%`-escape) | `Error::Connection` (`ConnectionFailure::InvalidUrl`) | no | libpq rejects it before connecting |
//! | wrong password, unknown role, no `pg_hba.conf` entry (SQLSTATE 28P01, 28000) | `Error::Connection` (`ConnectionFailure::Authentication`) | no | server's FATAL at startup |
//! | database does not exist (3D000) | `Error::Connection` (`ConnectionFailure::DatabaseMissing`) | no | server's FATAL at startup |
//! | `DATABASE_URL` unset | `Error::Connection` (`ConnectionFailure::NotConfigured`) | no | `connection::database_url` |
//! | connection refused, no socket, host unreachable, connect timeout | `Error::Connection` (`ConnectionFailure::Unreachable`) | yes | libpq's socket error |
//! | server starting up or shutting down, too many connections (57P03, 53300) | `Error::Connection` (`ConnectionFailure::ServerUnavailable`) | yes | server's FATAL |
//! | connection reset or lost mid-query, backend terminated (08006, 57P01) | `Error::Connection` (`ConnectionFailure::Lost`) | yes | libpq / Diesel's `ClosedConnection` |
//! | no pooled connection free within the checkout timeout | `Error::Pool` | yes | r2d2 |
//! | the same, when the pool's last attempt failed permanently (password changed since) | `Error::Connection` | no | r2d2's last error |
//! | `statement_timeout` or `lock_timeout` cancelled the query (57014, 55P03) | `Error::Timeout` | yes | server message |
//! | serialization failure (40001) | `Error::Database` | yes | Diesel's `SerializationFailure` |
//! | deadlock detected (40P01) | `Error::Database` | yes | server message |
//! | a value too long for its `varchar(n)`, a date outside PostgreSQL's range | `Error::InvalidData` naming `table.column` | no | checked in Rust before sending |
//! | any other data exception (SQLSTATE class 22) | `Error::InvalidData` | no | server message |
//! | constraint violations | `Error::UniqueViolation`, `ForeignKeyViolation`, `CheckViolation`, `NotNullViolation` | no | SQLSTATE class 23 |
//! | a business key without its customer that matches several customers' rows | `Error::AmbiguousKey` | no | `ByKey` reads at most two rows |
//! | a value rejected by a newtype or enum | `Error::Validation`, `Error::UnknownValue` | no | Rust |
//! | malformed JSON input (`input::from_json`) | `Error::Deserialize` naming the JSON path | no | serde |
//! | a pagination cursor that is malformed, edited, or from another list | `Error::InvalidCursor` | no | `Cursor` parsing; the list's key check before sending |
//!
//! The server's messages are matched in English (libpq's own messages always are; the
//! server's follow its `lc_messages`). A connection failure that matches nothing is
//! [`ConnectionFailure::Other`] and counted as transient, as it was before it was classified.
//!
//! Every message that repeats caller input (a key in [`Error::NotFound`], a value in
//! [`Error::InvalidData`]) is cut to a bounded size by [`truncate_for_message`].

use std::borrow::Cow;

use diesel::result::{DatabaseErrorInformation, DatabaseErrorKind, Error as DieselError};

use crate::types::{UnknownValueError, ValidationError};

/// Shorthand for `Result<T, customer_success_db::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in this crate.
///
/// `Display` and `Debug` are both bounded in size (see [`truncate_for_message`]): an error
/// about a 10 MB value is not a 10 MB log line.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The requested row does not exist.
    #[error("{} not found", truncate_for_message(what, MAX_MESSAGE_CHARS))]
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
    #[error(
        "invalid data for the database: {}",
        truncate_for_message(message, MAX_MESSAGE_CHARS)
    )]
    InvalidData {
        /// What was wrong: `customers.client_id: 150 characters is too long for varchar(100)`
        /// when the crate caught it before sending, else the server's message, e.g.
        /// `date out of range: "…"`.
        message: String,
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },

    /// A business key given without its customer (`ByKey::get_by_key("T-1")`) matches rows of
    /// more than one customer: business keys are unique per customer only (a Citus-ready
    /// schema cannot enforce more). Nothing was read or changed; name the customer with the
    /// [`ByClientKey`](crate::crud::ByClientKey) methods.
    #[error(
        "{} matches rows of more than one customer: name the customer (ByClientKey, e.g. get_by_client_key)",
        truncate_for_message(what, MAX_MESSAGE_CHARS)
    )]
    AmbiguousKey {
        /// What was looked up, e.g. `support_tickets with ticket_id = "T-1"`.
        what: String,
    },

    /// A value was rejected by the crate before it reached the database.
    #[error(transparent)]
    Validation(#[from] ValidationError),

    /// A string is not one of the values of a closed-set column (e.g.
    /// `"urgent".parse::<TicketPriority>()`).
    #[error(transparent)]
    UnknownValue(#[from] UnknownValueError),

    /// A pagination cursor was refused: malformed, edited, or from another list
    /// ([`crate::cursor`]).
    #[error("invalid cursor: {}", truncate_for_message(message, MAX_MESSAGE_CHARS))]
    InvalidCursor {
        /// Why, e.g. "this cursor belongs to the list `churn_risk`, not to `health_dashboard`".
        message: String,
    },

    /// JSON input could not be turned into a model ([`crate::input::from_json`]).
    #[error(
        "invalid JSON at `{path}`: {}",
        truncate_for_message(message, MAX_MESSAGE_CHARS)
    )]
    Deserialize {
        /// Where in the input, e.g. `tickets[3].priority` (`.` for the top level).
        path: String,
        /// What serde reported there.
        message: String,
    },

    /// The connection could not be established or was lost. Whether a retry can help depends
    /// on the cause ([`Error::connection_failure`], table in the [module docs](self)).
    #[error(
        "database connection failed: {}",
        truncate_for_message(message, MAX_MESSAGE_CHARS)
    )]
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

    /// Running, reverting or inspecting migrations failed. The message ends with the cause
    /// (e.g. the SQL error of the failing migration).
    #[error("migration failed: {}", migration_message(message, source.as_deref()))]
    Migration {
        /// What went wrong.
        message: String,
        /// The underlying error, when there is one.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },

    /// [`crate::distribute`] cannot run on this database (no Citus, not the coordinator); the
    /// message says why and what to do.
    #[error("cannot distribute: {message}")]
    Distribution {
        /// Why, and what to do about it.
        message: String,
    },

    /// Any other database error.
    #[error("database error: {}", truncate_for_message(&source.to_string(), MAX_MESSAGE_CHARS))]
    Database {
        /// The underlying Diesel error.
        #[source]
        source: DieselError,
    },
}

/// `{:?}` of `value`, cut to [`MAX_MESSAGE_CHARS`]: the derived `Debug` of a Diesel error
/// repeats the server's message, which can quote a whole input value.
struct BoundedDebug<'a>(&'a dyn std::fmt::Debug);

impl std::fmt::Debug for BoundedDebug<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&truncate_for_message(
            &format!("{:?}", self.0),
            MAX_MESSAGE_CHARS,
        ))
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = |v| BoundedDebug(v);
        match self {
            Error::NotFound { what, source } => f
                .debug_struct("NotFound")
                .field("what", &b(what))
                .field("source", &b(source))
                .finish(),
            Error::UniqueViolation {
                constraint,
                table,
                detail,
                source,
            } => f
                .debug_struct("UniqueViolation")
                .field("constraint", &b(constraint))
                .field("table", &b(table))
                .field("detail", &b(detail))
                .field("source", &b(source))
                .finish(),
            Error::ForeignKeyViolation {
                constraint,
                table,
                detail,
                source,
            } => f
                .debug_struct("ForeignKeyViolation")
                .field("constraint", &b(constraint))
                .field("table", &b(table))
                .field("detail", &b(detail))
                .field("source", &b(source))
                .finish(),
            Error::CheckViolation {
                constraint,
                table,
                source,
            } => f
                .debug_struct("CheckViolation")
                .field("constraint", &b(constraint))
                .field("table", &b(table))
                .field("source", &b(source))
                .finish(),
            Error::NotNullViolation {
                column,
                table,
                source,
            } => f
                .debug_struct("NotNullViolation")
                .field("column", &b(column))
                .field("table", &b(table))
                .field("source", &b(source))
                .finish(),
            Error::InvalidData { message, source } => f
                .debug_struct("InvalidData")
                .field("message", &b(message))
                .field("source", &b(source))
                .finish(),
            Error::AmbiguousKey { what } => f
                .debug_struct("AmbiguousKey")
                .field("what", &b(what))
                .finish(),
            Error::Validation(e) => f.debug_tuple("Validation").field(&b(e)).finish(),
            Error::UnknownValue(e) => f.debug_tuple("UnknownValue").field(&b(e)).finish(),
            Error::InvalidCursor { message } => f
                .debug_struct("InvalidCursor")
                .field("message", &b(message))
                .finish(),
            Error::Deserialize { path, message } => f
                .debug_struct("Deserialize")
                .field("path", &b(path))
                .field("message", &b(message))
                .finish(),
            Error::Connection { message } => f
                .debug_struct("Connection")
                .field("message", &b(message))
                .finish(),
            Error::Pool { message } => f
                .debug_struct("Pool")
                .field("message", &b(message))
                .finish(),
            Error::Timeout { message } => f
                .debug_struct("Timeout")
                .field("message", &b(message))
                .finish(),
            Error::TaskFailed { message } => f
                .debug_struct("TaskFailed")
                .field("message", &b(message))
                .finish(),
            Error::Migration { message, source } => f
                .debug_struct("Migration")
                .field("message", &b(message))
                .field("source", &b(source))
                .finish(),
            Error::Distribution { message } => f
                .debug_struct("Distribution")
                .field("message", &b(message))
                .finish(),
            Error::Database { source } => f
                .debug_struct("Database")
                .field("source", &b(source))
                .finish(),
        }
    }
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

    /// True for errors where retrying the operation later may succeed (lost or refused
    /// connection, pool timeout, statement timeout, serialization failure, deadlock); false for a wrong
    /// password, a malformed URL and bad data. The full table is in the [module docs](self).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Connection { message } => ConnectionFailure::classify(message).is_transient(),
            Error::Pool { message } => {
                // r2d2 reports the last connection error inside its timeout message.
                ConnectionFailure::classify(message).is_transient()
            }
            Error::Timeout { .. } => true,
            Error::Database {
                source: DieselError::DatabaseError(kind, info),
            } => match kind {
                DatabaseErrorKind::SerializationFailure
                | DatabaseErrorKind::ClosedConnection
                | DatabaseErrorKind::UnableToSendCommand => true,
                // A deadlock (40P01) aborts one of the transactions; run again, it usually
                // succeeds. Diesel has no kind for it and does not expose the SQLSTATE, so it
                // is recognised by the server's message, like the other server messages here.
                DatabaseErrorKind::Unknown => info.message().starts_with("deadlock detected"),
                _ => false,
            },
            _ => false,
        }
    }

    /// For [`Error::Connection`] and [`Error::Pool`], which kind of connection failure it is;
    /// `None` for every other variant.
    pub fn connection_failure(&self) -> Option<ConnectionFailure> {
        match self {
            Error::Connection { message } | Error::Pool { message } => {
                Some(ConnectionFailure::classify(message))
            }
            _ => None,
        }
    }

    /// True when the error means the connection is unusable or could not be made (an
    /// [`Error::Connection`], an [`Error::Pool`], or a database error of a closed connection):
    /// what `csdb` reports with exit code 3.
    pub fn is_connection_error(&self) -> bool {
        match self {
            Error::Connection { .. } | Error::Pool { .. } => true,
            Error::Database {
                source: DieselError::DatabaseError(kind, _),
            } => matches!(
                kind,
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand
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
                    _ if is_timeout_message(info.message()) => Error::Timeout {
                        message: info.message().trim_end().to_owned(),
                    },
                    // A backend terminated by an administrator or a shutdown (57P01/57P02)
                    // arrives as an ordinary error on a connection libpq still thinks is open.
                    _ if ConnectionFailure::classify(info.message()) == ConnectionFailure::Lost => {
                        Error::Connection {
                            message: info.message().trim_end().to_owned(),
                        }
                    }
                    _ if is_invalid_data_message(info.message()) => Error::InvalidData {
                        message: truncate_for_message(info.message(), MAX_MESSAGE_CHARS)
                            .into_owned(),
                        source: e,
                    },
                    _ => Error::Database { source: e },
                }
            }
            DieselError::DeserializationError(_) | DieselError::SerializationError(_) => {
                Error::InvalidData {
                    message: truncate_for_message(&with_causes(&e), MAX_MESSAGE_CHARS).into_owned(),
                    source: e,
                }
            }
            // A refused cursor surfaces while the query's SQL is built (`cursor::RowCompare`).
            DieselError::QueryBuilderError(ref inner)
                if inner.downcast_ref::<crate::cursor::CursorError>().is_some() =>
            {
                Error::InvalidCursor {
                    message: inner.to_string(),
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
pub(crate) fn is_invalid_data_message(message: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "value too long for type",
        "numeric field overflow",
        "invalid input syntax",
        "invalid input value",
        "date/time field value out of range",
        "date out of range",
        "timestamp out of range",
        "integer out of range",
        "invalid byte sequence",
        "unsupported Unicode escape sequence",
    ];
    PREFIXES.iter().any(|p| message.starts_with(p))
}

impl From<diesel::r2d2::PoolError> for Error {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        let message = e.to_string();
        // r2d2 waits for the whole checkout timeout even when every attempt fails the same
        // permanent way (the password was changed after the pool was built); the caller must
        // still learn that retrying will not help, so that case is a connection error.
        if !ConnectionFailure::classify(&message).is_transient() {
            return Error::Connection { message };
        }
        Error::Pool { message }
    }
}

/// SQLSTATE 57014 (`statement_timeout`) and 55P03 (`lock_timeout`); a cancellation the user
/// asked for (also 57014) is not a timeout and stays a database error.
pub(crate) fn is_timeout_message(message: &str) -> bool {
    message.starts_with("canceling statement due to statement timeout")
        || message.starts_with("canceling statement due to lock timeout")
}

/// Longest server message or lookup description an error repeats, in characters.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// Longest single input value an error repeats, in characters (see
/// [`ValidationError`]).
pub const MAX_VALUE_CHARS: usize = 64;

/// The one place where text from outside is cut before it is put in an error message or a log
/// line: at most `max_chars` characters, followed by `…` when something was cut (so a 10 MB
/// `client_id` cannot become a 10 MB message).
///
/// ```
/// use customer_success_db::error::truncate_for_message;
/// assert_eq!(truncate_for_message("short", 10), "short");
/// assert_eq!(truncate_for_message("abcdef", 3), "abc…");
/// ```
pub fn truncate_for_message(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// `{:?}` of a caller-supplied value (a key, a name), cut to [`MAX_VALUE_CHARS`]: how
/// [`Error::NotFound`] messages quote the key that was looked up.
pub fn quote_value(value: &str) -> String {
    format!("{:?}", truncate_for_message(value, MAX_VALUE_CHARS))
}

/// The migration message followed by its cause chain, unless the message already says it.
fn migration_message(
    message: &str,
    source: Option<&(dyn std::error::Error + Send + Sync + 'static)>,
) -> String {
    let mut out = message.to_owned();
    if let Some(source) = source {
        let causes = with_causes(source);
        if !causes.is_empty() && !out.contains(&causes) {
            out.push_str(": ");
            out.push_str(&causes);
        }
    }
    truncate_for_message(&out, MAX_MESSAGE_CHARS * 4).into_owned()
}

/// Which kind of connection failure an [`Error::Connection`] or [`Error::Pool`] is (see the
/// table in the [module docs](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConnectionFailure {
    /// The URL or connection string is malformed. Permanent.
    InvalidUrl,
    /// The server rejected the credentials or has no `pg_hba.conf` entry for them. Permanent.
    Authentication,
    /// The database named in the URL does not exist. Permanent.
    DatabaseMissing,
    /// No URL was configured (`DATABASE_URL` unset). Permanent.
    NotConfigured,
    /// Nothing answered: refused, no such socket, host unreachable, connect timeout. Transient.
    Unreachable,
    /// The server is starting up, shutting down or out of connection slots. Transient.
    ServerUnavailable,
    /// An established connection was reset, closed or terminated. Transient.
    Lost,
    /// Anything else (counted as transient).
    Other,
}

impl ConnectionFailure {
    /// Whether retrying later may succeed.
    pub fn is_transient(self) -> bool {
        !matches!(
            self,
            Self::InvalidUrl | Self::Authentication | Self::DatabaseMissing | Self::NotConfigured
        )
    }

    /// Classifies a libpq / server / r2d2 connection message (the table in the
    /// [module docs](self)). Checked in order, so a pool timeout that carries an
    /// authentication failure is an authentication failure.
    pub fn classify(message: &str) -> Self {
        const TABLE: &[(ConnectionFailure, &[&str])] = &[
            (
                ConnectionFailure::NotConfigured,
                &["DATABASE_URL is not set"],
            ),
            (
                ConnectionFailure::Authentication,
                &[
                    "password authentication failed",
                    "authentication failed for user",
                    "no pg_hba.conf entry",
                    "pg_hba.conf rejects connection",
                    "fe_sendauth: no password supplied",
                    "SCRAM authentication",
                    "server requested a cleartext password",
                    "role \"",
                    "must be superuser to connect",
                    "permission denied for database",
                ],
            ),
            (ConnectionFailure::DatabaseMissing, &["database \""]),
            (
                ConnectionFailure::InvalidUrl,
                &[
                    "invalid connection option",
                    "invalid URI",
                    "invalid percent-encoded token",
                    "forbidden value %00",
                    "invalid integer value",
                    "invalid port number",
                    "invalid sslmode value",
                    "invalid value for parameter",
                    "missing \"=\" after",
                    "unterminated quoted string",
                    "end of string reached when looking for matching",
                    "unexpected spaces found in",
                    "invalid IPv6 host address",
                    "could not translate host name",
                    "nul byte found",
                    "missing \"]\"",
                ],
            ),
            (
                ConnectionFailure::ServerUnavailable,
                &[
                    "the database system is starting up",
                    "the database system is shutting down",
                    "the database system is in recovery mode",
                    "the database system is not yet accepting connections",
                    "sorry, too many clients already",
                    "remaining connection slots are reserved",
                ],
            ),
            (
                ConnectionFailure::Lost,
                &[
                    "server closed the connection unexpectedly",
                    "terminating connection due to administrator command",
                    "terminating connection due to idle",
                    "terminating connection because of crash",
                    "connection to server was lost",
                    "Connection reset by peer",
                    "could not receive data from server",
                    "could not send data to server",
                    "no connection to the server",
                    "SSL SYSCALL error",
                    "server conn crashed",
                ],
            ),
            (
                ConnectionFailure::Unreachable,
                &[
                    "Connection refused",
                    "No such file or directory",
                    "No route to host",
                    "Network is unreachable",
                    "timeout expired",
                    "Connection timed out",
                    "could not connect to server",
                ],
            ),
        ];
        // "role "x" does not exist" / "database "x" does not exist": only with the ending.
        for (kind, needles) in TABLE {
            for needle in *needles {
                let hit = match *needle {
                    "role \"" | "database \"" => message
                        .match_indices(needle)
                        .any(|(i, _)| message[i..].contains("does not exist")),
                    _ => message.contains(needle),
                };
                if hit {
                    return *kind;
                }
            }
        }
        ConnectionFailure::Other
    }
}
