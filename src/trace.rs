//! (feature `tracing`) What a server embedding the crate needs to see in its traces: one span
//! per query, a warning for a slow one, and the pool's waits and timeouts.
//!
//! Connections from [`crate::connection::connect`] and every connection of a
//! [`crate::connection::pool`] report through [`QueryTracer`] (Diesel's instrumentation hook);
//! a pool also reports through [`PoolEvents`] (r2d2's event hook). Nothing is printed unless the
//! application installs a `tracing` subscriber, e.g. `tracing_subscriber::fmt().init()`.
//!
//! | target | level | what | fields |
//! |---|---|---|---|
//! | `customer_success_db::query` | INFO span `db.query` | one query, from send to result | `db.system`, `db.statement` (SQL with `$1` placeholders, never the bind values), `duration_ms`, `error.class` (e.g. `unique_violation`, `timeout`, `connection`; empty on success) |
//! | `customer_success_db::query` | DEBUG event in that span | the query finished | `duration_ms` |
//! | `customer_success_db::slow_query` | WARN event in that span | the query took at least [`slow_query_threshold`] | `duration_ms`, `threshold_ms`, `db.statement` |
//! | `customer_success_db::query` | DEBUG event | transaction begin / commit / rollback | `depth` |
//! | `customer_success_db::pool` | DEBUG event | a connection checked out / in | `connection_id`, `wait_ms` / `held_ms` |
//! | `customer_success_db::pool` | WARN event | a checkout timed out | `timeout_ms` |
//! | `customer_success_db::pool` | DEBUG event | a connection opened / closed | `connection_id` |
//!
//! Diesel's hook does not report row counts, so the spans carry none. Connection URLs (and
//! with them passwords) are never recorded: the hook's connection events are ignored.
//!
//! ```no_run
//! use std::time::Duration;
//! use customer_success_db::{connection, trace};
//! trace::set_slow_query_threshold(Duration::from_millis(200)); // default 500 ms
//! let pool = connection::pool(&connection::database_url()?)?;     // traced from here on
//! # Ok::<(), customer_success_db::Error>(())
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::connection::{DebugQuery, Instrumentation, InstrumentationEvent};
use diesel::r2d2::event::{
    AcquireEvent, CheckinEvent, CheckoutEvent, HandleEvent, ReleaseEvent, TimeoutEvent,
};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use tracing::field::Empty;

use crate::error::{truncate_for_message, ConnectionFailure};

/// Longest SQL text a span or warning records, in characters.
const MAX_SQL_CHARS: usize = 4000;

static SLOW_QUERY_MS: AtomicU64 = AtomicU64::new(500);

/// Sets the duration from which a query is logged as a warning (target
/// `customer_success_db::slow_query`), for every traced connection; default 500 ms.
pub fn set_slow_query_threshold(threshold: Duration) {
    let ms = u64::try_from(threshold.as_millis()).unwrap_or(u64::MAX);
    SLOW_QUERY_MS.store(ms, Ordering::Relaxed);
}

/// The current slow-query threshold.
pub fn slow_query_threshold() -> Duration {
    Duration::from_millis(SLOW_QUERY_MS.load(Ordering::Relaxed))
}

/// Diesel instrumentation that opens one `tracing` span per query. Installed on the crate's
/// connections automatically; install it on others with
/// `conn.set_instrumentation(QueryTracer::new())`.
#[derive(Debug, Default)]
pub struct QueryTracer {
    running: Option<(tracing::Span, Instant)>,
}

impl QueryTracer {
    /// A tracer for one connection.
    pub fn new() -> Self {
        Self::default()
    }
}

/// The SQL of a query without its bind values: Diesel's `Display` appends them after
/// ` -- binds: `, and they are caller data (names, e-mail addresses) that must not reach traces.
fn sql_text(query: &dyn DebugQuery) -> String {
    let text = query.to_string();
    let sql = match text.find(" -- binds: ") {
        Some(cut) => &text[..cut],
        None => &text,
    };
    truncate_for_message(sql, MAX_SQL_CHARS).into_owned()
}

/// A short, stable name of what went wrong, for `error.class`.
pub fn error_class(error: &DieselError) -> &'static str {
    match error {
        DieselError::NotFound => "not_found",
        DieselError::DatabaseError(kind, info) => match kind {
            DatabaseErrorKind::UniqueViolation => "unique_violation",
            DatabaseErrorKind::ForeignKeyViolation => "foreign_key_violation",
            DatabaseErrorKind::CheckViolation => "check_violation",
            DatabaseErrorKind::NotNullViolation => "not_null_violation",
            DatabaseErrorKind::SerializationFailure => "serialization_failure",
            DatabaseErrorKind::ReadOnlyTransaction => "read_only_transaction",
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand => {
                "connection"
            }
            _ if crate::error::is_timeout_message(info.message()) => "timeout",
            _ if ConnectionFailure::classify(info.message()) == ConnectionFailure::Lost => {
                "connection"
            }
            _ if crate::error::is_invalid_data_message(info.message()) => "invalid_data",
            _ => "database",
        },
        DieselError::DeserializationError(_) | DieselError::SerializationError(_) => "invalid_data",
        DieselError::RollbackTransaction => "rollback",
        _ => "other",
    }
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

impl Instrumentation for QueryTracer {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartQuery { query, .. } => {
                let span = tracing::info_span!(
                    target: "customer_success_db::query",
                    "db.query",
                    db.system = "postgresql",
                    db.statement = Empty,
                    duration_ms = Empty,
                    error.class = Empty,
                );
                // Rendering the SQL walks the query's AST: only when someone listens.
                if !span.is_disabled() {
                    span.record("db.statement", sql_text(query).as_str());
                }
                self.running = Some((span, Instant::now()));
            }
            InstrumentationEvent::FinishQuery { query, error, .. } => {
                let Some((span, started)) = self.running.take() else {
                    return;
                };
                let elapsed = started.elapsed();
                let duration_ms = millis(elapsed);
                span.record("duration_ms", duration_ms);
                if let Some(error) = error {
                    span.record("error.class", error_class(error));
                }
                let threshold = slow_query_threshold();
                span.in_scope(|| {
                    if elapsed >= threshold {
                        tracing::warn!(
                            target: "customer_success_db::slow_query",
                            duration_ms,
                            threshold_ms = millis(threshold),
                            db.statement = sql_text(query).as_str(),
                            "slow query"
                        );
                    } else {
                        tracing::debug!(
                            target: "customer_success_db::query",
                            duration_ms,
                            "query finished"
                        );
                    }
                });
            }
            InstrumentationEvent::BeginTransaction { depth, .. } => {
                tracing::debug!(target: "customer_success_db::query", depth = depth.get(), "begin");
            }
            InstrumentationEvent::CommitTransaction { depth, .. } => {
                tracing::debug!(target: "customer_success_db::query", depth = depth.get(), "commit");
            }
            InstrumentationEvent::RollbackTransaction { depth, .. } => {
                tracing::debug!(target: "customer_success_db::query", depth = depth.get(), "rollback");
            }
            // The connection events carry the URL, password included: never recorded.
            _ => {}
        }
    }
}

/// r2d2 event handler that reports checkouts (with their wait), timeouts and connection
/// churn. Installed on [`crate::connection::pool`]'s pools.
#[derive(Debug, Default, Clone, Copy)]
pub struct PoolEvents;

impl HandleEvent for PoolEvents {
    fn handle_acquire(&self, event: AcquireEvent) {
        tracing::debug!(
            target: "customer_success_db::pool",
            connection_id = event.connection_id(),
            "connection opened"
        );
    }

    fn handle_release(&self, event: ReleaseEvent) {
        tracing::debug!(
            target: "customer_success_db::pool",
            connection_id = event.connection_id(),
            age_ms = millis(event.age()),
            "connection closed"
        );
    }

    fn handle_checkout(&self, event: CheckoutEvent) {
        tracing::debug!(
            target: "customer_success_db::pool",
            connection_id = event.connection_id(),
            wait_ms = millis(event.duration()),
            "connection checked out"
        );
    }

    fn handle_timeout(&self, event: TimeoutEvent) {
        tracing::warn!(
            target: "customer_success_db::pool",
            timeout_ms = millis(event.timeout()),
            "no pooled connection became free in time"
        );
    }

    fn handle_checkin(&self, event: CheckinEvent) {
        tracing::debug!(
            target: "customer_success_db::pool",
            connection_id = event.connection_id(),
            held_ms = millis(event.duration()),
            "connection checked in"
        );
    }
}
