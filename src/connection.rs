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

use crate::error::{
    truncate_for_message, ConnectionFailure, Error, Result, MAX_MESSAGE_CHARS, MAX_VALUE_CHARS,
};
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
/// A URL without a host (`postgresql:///customer_success`) finds the local server's socket the
/// way the platform's `psql` does ([`with_local_socket`]). With the `tracing` feature the
/// connection reports every query to [`crate::trace`].
///
/// # Errors
/// [`Error::Connection`] with the server's reason, at once; the password of `url` never appears
/// in it. [`Error::is_transient`] tells a refused connection (retry) from a wrong password or a
/// malformed URL (don't); the table is in [`crate::error`].
pub fn connect(url: &str) -> Result<PgConnection> {
    let target = with_local_socket(url);
    #[allow(unused_mut)] // mutated only with the `tracing` feature
    let mut conn = PgConnection::establish(&target).map_err(|e| connection_error(url, &e))?;
    #[cfg(feature = "tracing")]
    conn.set_instrumentation(crate::trace::QueryTracer::new());
    Ok(conn)
}

/// The usual directories of a local server's unix socket, searched in this order when a URL
/// names no host: Debian's and Ubuntu's (`/var/run/postgresql`, i.e. `/run/postgresql`), then
/// PostgreSQL's own default (`/tmp`), which the other platforms use.
pub const SOCKET_DIRS: &[&str] = &["/var/run/postgresql", "/run/postgresql", "/tmp"];

/// `url` with the local server's socket directory filled in when it names no host.
///
/// The libpq built into this crate looks for a host-less URL's socket only in its compiled-in
/// directory, whereas the platform's own libpq (what `psql` and `createdb` use) looks where the
/// platform's server listens. This does what the platform's does: when neither the URL
/// (authority, `host=` / `hostaddr=` / `service=` parameter or key/value) nor `PGHOST`,
/// `PGHOSTADDR` or `PGSERVICE` names a host, the first of [`SOCKET_DIRS`] holding the server's socket (`.s.PGSQL.<port>`, port from
/// the URL, `PGPORT` or 5432) is added as `host=`. Anything else is returned unchanged, so libpq
/// still reports a missing server in its own words.
///
/// ```
/// use customer_success_db::connection::with_local_socket_in;
/// let dir = std::env::temp_dir().join(format!("csdb-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join(".s.PGSQL.5432"), "").unwrap();
/// let url = with_local_socket_in("postgresql:///customer_success", &[&dir], None);
/// assert_eq!(url, format!("postgresql:///customer_success?host={}", dir.display()));
/// // A URL with a host is left alone.
/// assert_eq!(with_local_socket_in("postgres://db/cs", &[&dir], None), "postgres://db/cs");
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn with_local_socket(url: &str) -> std::borrow::Cow<'_, str> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if env("PGHOST").is_some() || env("PGHOSTADDR").is_some() || env("PGSERVICE").is_some() {
        return url.into();
    }
    let dirs: Vec<&std::path::Path> = SOCKET_DIRS.iter().map(std::path::Path::new).collect();
    with_local_socket_in(url, &dirs, env("PGPORT").as_deref())
}

/// [`with_local_socket`] with the directories to search and the `PGPORT` value given (it does
/// not read the environment).
pub fn with_local_socket_in<'a>(
    url: &'a str,
    dirs: &[&std::path::Path],
    pgport: Option<&str>,
) -> std::borrow::Cow<'a, str> {
    let Some(target) = crate::url::host_and_port(url) else {
        return url.into();
    };
    if target.host.is_some() {
        return url.into();
    }
    let port = target
        .port
        .or_else(|| pgport.map(str::to_owned))
        .unwrap_or_else(|| "5432".to_owned());
    let Some(dir) = dirs
        .iter()
        .find(|dir| dir.join(format!(".s.PGSQL.{port}")).exists())
    else {
        return url.into();
    };
    let dir = dir.display().to_string();
    if dir.contains(|c: char| c.is_whitespace() || matches!(c, '\'' | '\\' | '&' | '#' | '%')) {
        // Not expressible without quoting; leave it to libpq's own error.
        return url.into();
    }
    if target.is_url {
        // Before a `#fragment`, after any existing query.
        let (body, fragment) = url.split_at(url.find('#').unwrap_or(url.len()));
        let sep = if body.contains('?') { '&' } else { '?' };
        format!("{body}{sep}host={dir}{fragment}").into()
    } else if url.trim().is_empty() {
        format!("host={dir}").into()
    } else {
        format!("{url} host={dir}").into()
    }
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
        message: shown_error(url, e),
    }
}

/// A libpq/r2d2 error text for a message or log line: the password of `url` removed
/// structurally ([`scrub_password`]), libpq's trailing newline gone, the size bounded, and the
/// redacted URL appended.
fn shown_error(url: &str, e: &dyn std::fmt::Display) -> String {
    let text = scrub_password(&e.to_string(), url);
    format!(
        "{} (url: {})",
        truncate_for_message(text.trim_end(), MAX_MESSAGE_CHARS),
        truncate_for_message(&redact(url), MAX_VALUE_CHARS * 4)
    )
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
/// One connection is established first, so a wrong password, a missing database or a malformed
/// URL fails at once as a permanent [`Error::Connection`] instead of after the checkout
/// timeout. A transient failure (nothing listening yet, the server starting up) is retried by
/// the pool until `connection_timeout`, then reported as [`Error::Pool`].
///
/// With the `tracing` feature every pooled connection reports its queries, and the pool its
/// checkouts and timeouts, to [`crate::trace`].
///
/// # Errors
/// [`Error::Connection`] (permanent) or [`Error::Pool`] (transient) as above; the message
/// carries the server's reason without the password.
pub fn pool(url: &str) -> Result<PgPool> {
    pool_with(url, &PoolOptions::default())
}

/// Builds a pool for `url` with the given options.
///
/// # Errors
/// As [`pool`].
pub fn pool_with(url: &str, options: &PoolOptions) -> Result<PgPool> {
    let target = with_local_socket(url).into_owned();
    match PgConnection::establish(&target) {
        Ok(_) => {}
        Err(e) => {
            let err = connection_error(url, &e);
            if !err.is_transient() {
                return Err(err);
            }
        }
    }
    let manager = ConnectionManager::<PgConnection>::new(target);
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
    builder = builder.connection_customizer(Box::new(OnAcquire {
        statement_timeout: options.statement_timeout,
    }));
    #[cfg(feature = "tracing")]
    {
        builder = builder.event_handler(Box::new(crate::trace::PoolEvents));
    }
    builder.build(manager).map_err(|e| {
        let message = shown_error(url, &e);
        match ConnectionFailure::classify(&message) {
            kind if !kind.is_transient() => Error::Connection { message },
            _ => Error::Pool { message },
        }
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
        log::error!("connection pool: {}", shown_error(&self.url, &error));
    }
}

/// Set up every new pooled connection: its `statement_timeout`, and (feature `tracing`) the
/// query tracer.
#[derive(Debug)]
struct OnAcquire {
    statement_timeout: Option<Duration>,
}

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for OnAcquire {
    fn on_acquire(&self, conn: &mut PgConnection) -> std::result::Result<(), diesel::r2d2::Error> {
        #[cfg(feature = "tracing")]
        conn.set_instrumentation(crate::trace::QueryTracer::new());
        if let Some(timeout) = self.statement_timeout {
            conn.batch_execute(&format!("SET statement_timeout = {}", timeout.as_millis()))
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}
