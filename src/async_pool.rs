//! Using the crate from async code (feature `async`) without blocking the runtime.
//!
//! Diesel's `PgConnection` is synchronous: every query blocks the calling thread until
//! PostgreSQL answers. Called directly from an async task, that blocks a tokio worker thread,
//! and every other task scheduled on that worker (other requests, timers, the protocol loop of
//! an MCP server) stalls until the query returns; on a `current_thread` runtime the whole
//! program stalls. [`AsyncDb`] instead runs each closure with a pooled connection on tokio's
//! blocking thread pool ([`tokio::task::spawn_blocking`]) and awaits its result, so the async
//! side only ever waits, never blocks.
//!
//! Two limits keep that well-behaved under load:
//!
//! - **Concurrency.** At most [`AsyncOptions::max_concurrency`] closures run at once (default:
//!   the pool's size), enforced by a [`tokio::sync::Semaphore`]. Callers beyond that wait as
//!   cheap async tasks. Without the bound every call would occupy a blocking thread (tokio allows
//!   512) that then sits in the pool's own checkout wait, and a burst would turn into hundreds of
//!   parked threads and checkout time-outs.
//! - **Time.** Each call is given [`AsyncOptions::timeout`] (default 30 s) covering the wait for a
//!   slot, the connection checkout and the closure. When it runs out the call returns
//!   [`Error::Timeout`] whose message starts with `timed out after` and says whether the work had
//!   started; [`Error::is_transient`] is true for it. A closure that had already started cannot
//!   be stopped from the outside (it is a synchronous function on another thread): it runs to
//!   completion and keeps its slot until then, so the concurrency bound stays true. To bound the
//!   query itself, set [`PoolOptions::statement_timeout`](crate::connection::PoolOptions) too.
//!   A closure that had not started when the time ran out is never run.
//!
//! A panic inside the closure does not take the runtime down: it is caught by the blocking task
//! and returned as [`Error::TaskFailed`] with a message starting `panicked`. The connection the
//! closure was using is not reused, whatever state
//! the panic left it in (an open transaction, say): Diesel's pool manager treats a connection
//! dropped during a panic as broken, and the pool closes it.
//!
//! The runtime must have its timer enabled (`#[tokio::main]` and
//! `Builder::enable_all()` do that).
//!
//! ```no_run
//! use customer_success_db::async_pool::{AsyncDb, AsyncOptions};
//! use customer_success_db::crud::{ByKey, Crud};
//! use customer_success_db::{connection, models::Customer};
//!
//! # async fn demo() -> customer_success_db::Result<()> {
//! let pool = connection::pool(&connection::database_url()?)?;
//! let db = AsyncDb::new(pool, AsyncOptions::default());
//! let n = db.run(Customer::count).await?;
//! let acme = db.run(|conn| Customer::get_by_key(conn, "acme")).await?;
//! # let _ = (n, acme);
//! # Ok(()) }
//! ```

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::{Connection, PgConnection};
use tokio::runtime::Handle;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::connection::PgPool;
use crate::error::{Error, Result};

/// Settings of [`AsyncDb`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsyncOptions {
    /// Most closures running at once; `None` (the default) uses the pool's `max_size`, so every
    /// running closure can have a connection without waiting in the pool. Values below 1 are
    /// treated as 1.
    pub max_concurrency: Option<usize>,
    /// Time allowed for one call: waiting for a slot, checking out a connection and running the
    /// closure (default 30 s).
    pub timeout: Duration,
}

impl Default for AsyncOptions {
    fn default() -> Self {
        AsyncOptions {
            max_concurrency: None,
            timeout: Duration::from_secs(30),
        }
    }
}

/// An async handle over a [`PgPool`]: see the [module documentation](self).
///
/// Cheap to clone (the pool and the semaphore are shared), so each task or request handler can
/// keep its own copy.
#[derive(Clone)]
pub struct AsyncDb {
    pool: PgPool,
    permits: Arc<Semaphore>,
    max_concurrency: usize,
    timeout: Duration,
}

impl fmt::Debug for AsyncDb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncDb")
            .field("max_concurrency", &self.max_concurrency)
            .field("available", &self.permits.available_permits())
            .field("timeout", &self.timeout)
            .field("pool", &self.pool.state())
            .finish()
    }
}

/// What a spawned closure is doing, shared between the caller and the blocking task so that a
/// timed-out caller can tell (and decide) whether the work ran.
const PENDING: u8 = 0;
const RUNNING: u8 = 1;
const ABANDONED: u8 = 2;

impl AsyncDb {
    /// Wraps `pool`. Needs no runtime; the calls do.
    pub fn new(pool: PgPool, options: AsyncOptions) -> Self {
        let max_concurrency = options
            .max_concurrency
            .unwrap_or(pool.max_size() as usize)
            .clamp(1, Semaphore::MAX_PERMITS);
        AsyncDb {
            pool,
            permits: Arc::new(Semaphore::new(max_concurrency)),
            max_concurrency,
            timeout: options.timeout,
        }
    }

    /// The pool behind this handle, e.g. for synchronous start-up work.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The bound on closures running at once.
    pub fn max_concurrency(&self) -> usize {
        self.max_concurrency
    }

    /// The time allowed for one call.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Runs `f` with a pooled connection on tokio's blocking pool and returns its result.
    ///
    /// # Errors
    ///
    /// Whatever `f` returns; [`Error::Pool`] when no connection could be checked out or there is
    /// no tokio runtime to run it on; [`Error::Timeout`] when the
    /// [timeout](AsyncOptions::timeout) ran out; [`Error::TaskFailed`] when `f` panicked.
    pub async fn run<T, F>(&self, f: F) -> Result<T>
    where
        F: FnOnce(&mut PgConnection) -> Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let deadline = Instant::now() + self.timeout;
        // Checked before waiting, so a caller outside tokio gets an error instead of the panic
        // `spawn_blocking` would raise.
        let runtime = Handle::try_current().map_err(|e| Error::Pool {
            message: format!("AsyncDb needs a tokio runtime: {e}"),
        })?;

        let permit =
            match tokio::time::timeout_at(deadline, self.permits.clone().acquire_owned()).await {
                Ok(Ok(permit)) => permit,
                // The semaphore is never closed; handled anyway rather than unwrapped.
                Ok(Err(_)) => {
                    return Err(Error::Pool {
                        message: "the database slots were closed".to_owned(),
                    })
                }
                Err(_) => {
                    return Err(self.timed_out(format!(
                        "waiting for one of {} database slots; nothing was run",
                        self.max_concurrency
                    )))
                }
            };

        let state = Arc::new(AtomicU8::new(PENDING));
        let task_state = Arc::clone(&state);
        let pool = self.pool.clone();
        let task = runtime.spawn_blocking(move || {
            // Held until the closure returns, even when the caller has given up waiting: the
            // thread is busy until then, and the bound must count it.
            let _permit = permit;
            if task_state
                .compare_exchange(PENDING, RUNNING, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                // The caller timed out before a blocking thread picked this up: don't start
                // work whose result nobody will see (a write would happen unreported).
                return None;
            }
            Some(
                pool.get()
                    .map_err(Error::from)
                    .and_then(|mut conn| f(&mut conn)),
            )
        });

        match tokio::time::timeout_at(deadline, task).await {
            Ok(Ok(Some(result))) => result,
            // Only returned after ABANDONED was set, which happens below once we stop waiting.
            Ok(Ok(None)) => {
                Err(self.timed_out("before the database work started; nothing was run"))
            }
            Ok(Err(join_error)) => Err(join_failure(join_error)),
            Err(_) => {
                let never_started = state
                    .compare_exchange(PENDING, ABANDONED, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok();
                Err(self.timed_out(if never_started {
                    "before the database work started; nothing was run"
                } else {
                    "while the database work was running; it continues in the background and \
                     may still complete"
                }))
            }
        }
    }

    /// Like [`AsyncDb::run`], with `f` inside a database transaction: committed when `f` returns
    /// `Ok`, rolled back when it returns `Err` or panics.
    ///
    /// # Errors
    ///
    /// As [`AsyncDb::run`]; also the error of a failed `COMMIT`.
    pub async fn transaction<T, F>(&self, f: F) -> Result<T>
    where
        F: FnOnce(&mut PgConnection) -> Result<T> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| conn.transaction(f)).await
    }

    fn timed_out(&self, what: impl fmt::Display) -> Error {
        Error::Timeout {
            message: format!("timed out after {:?} {what}", self.timeout),
        }
    }
}

/// Maps a failed blocking task to the crate's error, keeping a panic's message.
fn join_failure(error: tokio::task::JoinError) -> Error {
    if !error.is_panic() {
        return Error::TaskFailed {
            message: format!("did not complete: {error}"),
        };
    }
    let payload = error.into_panic();
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned());
    Error::TaskFailed {
        message: format!("panicked: {message}"),
    }
}
