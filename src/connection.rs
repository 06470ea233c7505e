//! Connections and the r2d2 pool.
//!
//! Every function of the crate takes `&mut PgConnection`, so a caller decides where the
//! connection comes from: [`connect`] for a one-off, [`pool`] for a server, a transaction, or a
//! test database of [`crate::harness`].
//!
//! ```no_run
//! use customer_success_db::connection;
//! let pool = connection::pool(&connection::database_url()?)?;
//! let mut conn = pool.get()?;
//! customer_success_db::migrations::run_pending(&mut conn)?;
//! # Ok::<(), customer_success_db::Error>(())
//! ```

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, HandleError, Pool, PooledConnection};
use diesel::{Connection, PgConnection};

use crate::error::{Error, Result};
use crate::url::{redact, scrub_password};

/// A pool of PostgreSQL connections.
pub type PgPool = Pool<ConnectionManager<PgConnection>>;

/// A connection checked out of a [`PgPool`]; derefs to `PgConnection`.
pub type PooledPg = PooledConnection<ConnectionManager<PgConnection>>;

/// The environment variable read by [`database_url`].
pub const DATABASE_URL_VAR: &str = "DATABASE_URL";

/// Reads `DATABASE_URL`.
///
/// # Errors
/// [`Error::Connection`] saying what to set when the variable is missing or empty.
pub fn database_url() -> Result<String> {
    match std::env::var(DATABASE_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => Err(Error::Connection {
            message: format!(
                "{DATABASE_URL_VAR} is not set; set it to a PostgreSQL URL such as \
                 postgres://user:password@localhost:5432/customer_success"
            ),
        }),
    }
}

/// Opens one connection to `url`.
///
/// # Errors
/// [`Error::Connection`] with the server's reason; the password of `url` never appears in it.
pub fn connect(url: &str) -> Result<PgConnection> {
    PgConnection::establish(url).map_err(|e| connection_error(url, &e))
}

/// Opens one connection to the database named by `DATABASE_URL`.
///
/// # Errors
/// As [`database_url`] and [`connect`].
pub fn connect_from_env() -> Result<PgConnection> {
    connect(&database_url()?)
}

fn connection_error(url: &str, e: &dyn std::fmt::Display) -> Error {
    Error::Connection {
        message: format!(
            "{} (url: {})",
            scrub_password(&e.to_string(), url),
            redact(url)
        ),
    }
}

/// Settings of [`pool_with`]. The defaults suit a server: the original system's pool size of 10,
/// a short checkout timeout so a saturated pool fails fast instead of hanging a request, and
/// every connection tested on checkout so one the server dropped is replaced, not handed out.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Maximum number of connections (default 10).
    pub max_size: u32,
    /// Connections kept open while idle (default 1); `None` keeps `max_size` open.
    pub min_idle: Option<u32>,
    /// How long [`PgPool::get`] waits for a connection before failing (default 10 s).
    pub connection_timeout: Duration,
    /// Idle connections above `min_idle` are closed after this long (default 10 min).
    pub idle_timeout: Option<Duration>,
    /// Connections are closed and replaced after this long (default 30 min), so server-side
    /// memory growth and load-balancer changes are picked up.
    pub max_lifetime: Option<Duration>,
    /// Run `SELECT 1` on checkout and replace a connection that fails it (default true).
    pub test_on_check_out: bool,
    /// `statement_timeout` set on every new connection (default none): bounds how long one query
    /// may hold a connection.
    pub statement_timeout: Option<Duration>,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_size: 10,
            min_idle: Some(1),
            connection_timeout: Duration::from_secs(10),
            idle_timeout: Some(Duration::from_secs(600)),
            max_lifetime: Some(Duration::from_secs(1800)),
            test_on_check_out: true,
            statement_timeout: None,
        }
    }
}

/// Builds a pool for `url` with [`PoolOptions::default`].
///
/// # Errors
/// [`Error::Pool`] when the first connection cannot be established within the timeout; the
/// message carries the server's reason without the password.
pub fn pool(url: &str) -> Result<PgPool> {
    pool_with(url, &PoolOptions::default())
}

/// Builds a pool for `url` with the given options.
///
/// # Errors
/// As [`pool`].
pub fn pool_with(url: &str, options: &PoolOptions) -> Result<PgPool> {
    let manager = ConnectionManager::<PgConnection>::new(url);
    let mut builder = Pool::builder()
        .max_size(options.max_size)
        .min_idle(options.min_idle)
        .connection_timeout(options.connection_timeout)
        .idle_timeout(options.idle_timeout)
        .max_lifetime(options.max_lifetime)
        .test_on_check_out(options.test_on_check_out)
        .error_handler(Box::new(ScrubbingErrorHandler {
            url: url.to_owned(),
        }));
    if let Some(timeout) = options.statement_timeout {
        builder = builder.connection_customizer(Box::new(StatementTimeout(timeout)));
    }
    builder.build(manager).map_err(|e| Error::Pool {
        message: format!(
            "{} (url: {})",
            scrub_password(&e.to_string(), url),
            redact(url)
        ),
    })
}

/// r2d2's default handler logs connection errors verbatim; this one removes the password first.
#[derive(Clone)]
struct ScrubbingErrorHandler {
    url: String,
}

impl std::fmt::Debug for ScrubbingErrorHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScrubbingErrorHandler")
            .field("url", &redact(&self.url))
            .finish()
    }
}

impl HandleError<diesel::r2d2::Error> for ScrubbingErrorHandler {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        log::error!(
            "connection pool for {}: {}",
            redact(&self.url),
            scrub_password(&error.to_string(), &self.url)
        );
    }
}

#[derive(Debug)]
struct StatementTimeout(Duration);

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for StatementTimeout {
    fn on_acquire(&self, conn: &mut PgConnection) -> std::result::Result<(), diesel::r2d2::Error> {
        conn.batch_execute(&format!("SET statement_timeout = {}", self.0.as_millis()))
            .map_err(diesel::r2d2::Error::QueryError)
    }
}
