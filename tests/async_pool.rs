//! `AsyncDb` (feature `async`): results and errors pass through, the concurrency bound and the
//! timeout hold, a panic becomes an error, and the runtime keeps running other tasks while a
//! query runs.

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use customer_success_db::async_pool::{AsyncDb, AsyncOptions};
use customer_success_db::connection::{self, PoolOptions};
use customer_success_db::crud::{ByKey, Crud};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::{Customer, NewCustomer};
use customer_success_db::Error;
use diesel::{PgConnection, RunQueryDsl};

fn async_db(db: &TestDatabase, pool_size: u32, options: AsyncOptions) -> AsyncDb {
    let pool = connection::pool_with(
        db.url(),
        &PoolOptions {
            max_size: pool_size,
            min_idle: Some(0),
            ..PoolOptions::default()
        },
    )
    .expect("pool");
    AsyncDb::new(pool, options)
}

fn sleep_query(conn: &mut PgConnection, seconds: f64) -> customer_success_db::Result<()> {
    diesel::sql_query(format!("SELECT pg_sleep({seconds})")).execute(conn)?;
    Ok(())
}

fn new_customer(key: &str) -> NewCustomer {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date");
    NewCustomer::new(key, "Acme", "Acme Corporation", start)
}

#[tokio::test]
async fn results_and_errors_pass_through() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(&db, 2, AsyncOptions::default());
    assert_eq!(adb.max_concurrency(), 2, "defaults to the pool size");

    let created = adb
        .run(|conn| Customer::create(conn, &new_customer("acme")))
        .await
        .expect("create");
    assert_eq!(created.client_id, "acme");
    assert_eq!(adb.run(Customer::count).await.expect("count"), 1);

    let missing = adb
        .run(|conn| Customer::get_by_key(conn, "nope"))
        .await
        .expect_err("unknown key");
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
    assert!(missing.to_string().contains("\"nope\""), "{missing}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrency_is_bounded() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(
        &db,
        6,
        AsyncOptions {
            max_concurrency: Some(2),
            ..AsyncOptions::default()
        },
    );
    assert_eq!(adb.max_concurrency(), 2);
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let calls: Vec<_> = (0..6)
        .map(|_| {
            let (adb, running, peak) = (adb.clone(), running.clone(), peak.clone());
            tokio::spawn(async move {
                adb.run(move |conn| {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    let slept = sleep_query(conn, 0.2);
                    running.fetch_sub(1, Ordering::SeqCst);
                    slept
                })
                .await
            })
        })
        .collect();
    for call in calls {
        call.await.expect("task").expect("query");
    }
    assert_eq!(peak.load(Ordering::SeqCst), 2, "at most 2 closures at once");
    // 6 calls of 0.2 s, 2 at a time: 3 rounds.
    assert!(
        started.elapsed() >= Duration::from_millis(590),
        "{:?}",
        started.elapsed()
    );
}

/// A closure for [`AsyncDb::run`] that takes a connection, says (on `started`) that it runs, then
/// blocks its thread until the test sends on the returned sender, so the test decides when the
/// work ends instead of guessing durations. It gives up after a minute so that a broken test
/// fails instead of hanging. `finished` is set when it returns.
fn held_work(
    started: std::sync::mpsc::Sender<()>,
    finished: Arc<AtomicBool>,
) -> (
    std::sync::mpsc::Sender<()>,
    impl FnOnce(&mut PgConnection) -> customer_success_db::Result<()> + Send + 'static,
) {
    let (release, released) = std::sync::mpsc::channel::<()>();
    let work = move |conn: &mut PgConnection| {
        diesel::sql_query("SELECT 1").execute(conn)?;
        started.send(()).expect("test is listening");
        released
            .recv_timeout(Duration::from_secs(60))
            .expect("the test released the work");
        finished.store(true, Ordering::SeqCst);
        Ok(())
    };
    (release, work)
}

/// Waits, off the runtime's threads, for `rx` to receive (with a deadline).
async fn received(rx: std::sync::mpsc::Receiver<()>, what: &'static str) {
    tokio::task::spawn_blocking(move || {
        rx.recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("{what}: {e}"))
    })
    .await
    .expect("waiter");
}

#[tokio::test]
async fn timeout_while_running_returns_a_pool_error() {
    let db = TestDatabase::new().expect("test database");
    // The timeout only has to outlast the start of a blocking thread; the work's own length is
    // decided by the test, not by timing.
    let adb = async_db(
        &db,
        2,
        AsyncOptions {
            timeout: Duration::from_millis(500),
            ..AsyncOptions::default()
        },
    );
    let (started_tx, started) = std::sync::mpsc::channel();
    let finished = Arc::new(AtomicBool::new(false));
    let (release, work) = held_work(started_tx, finished.clone());
    let begun = Instant::now();
    let err = adb.run(work).await.expect_err("times out");
    // The work cannot end before it is released below: the call returned at its timeout,
    // without waiting for the work.
    assert!(
        !finished.load(Ordering::SeqCst),
        "returned only after the work"
    );
    assert!(
        begun.elapsed() >= Duration::from_millis(500),
        "{:?}",
        begun.elapsed()
    );
    let Error::Timeout { message } = &err else {
        panic!("expected Error::Timeout, got {err:?}");
    };
    assert!(message.starts_with("timed out after 500ms"), "{message}");
    assert!(message.contains("may still complete"), "{message}");
    assert!(err.is_transient());

    // "May still complete": released, the abandoned work runs to its end.
    received(started, "the work started").await;
    release.send(()).expect("work is waiting");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !finished.load(Ordering::SeqCst) {
        assert!(
            Instant::now() < deadline,
            "the released work never finished"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeout_while_waiting_for_a_slot_runs_nothing() {
    let db = TestDatabase::new().expect("test database");
    // Generous: the deadlines below only have to outlast a loaded machine's scheduling, since
    // every hand-over is signalled rather than timed.
    let timeout = Duration::from_secs(2);
    let adb = async_db(
        &db,
        2,
        AsyncOptions {
            max_concurrency: Some(1),
            timeout,
        },
    );

    // 1. A first call takes the only slot and holds it until released.
    let (first_started_tx, first_started) = std::sync::mpsc::channel();
    let (release_first, first_work) = held_work(first_started_tx, Arc::new(AtomicBool::new(false)));
    let first = {
        let adb = adb.clone();
        tokio::spawn(async move { adb.run(first_work).await })
    };
    received(first_started, "the first call started").await;

    // 2. A second call, then a third, queue for the slot, in that order: polling each once
    //    enqueues it on the (first-in, first-out) semaphore.
    let (second_started_tx, second_started) = std::sync::mpsc::channel();
    let second_finished = Arc::new(AtomicBool::new(false));
    let (release_second, second_work) = held_work(second_started_tx, second_finished.clone());
    let mut second = pin!(adb.run(second_work));
    let third_ran = Arc::new(AtomicBool::new(false));
    let flag = third_ran.clone();
    let mut third = pin!(adb.run(move |_| {
        flag.store(true, Ordering::SeqCst);
        Ok(())
    }));
    std::future::poll_fn(|cx| {
        assert!(second.as_mut().poll(cx).is_pending(), "the slot is taken");
        assert!(third.as_mut().poll(cx).is_pending(), "the slot is taken");
        Poll::Ready(())
    })
    .await;

    // 3. The first call ends: the slot passes to the second call, which starts its work and
    //    holds the slot past both deadlines; the third never gets it.
    release_first.send(()).expect("first work is waiting");
    first.await.expect("task").expect("first call");
    let (second, third) = tokio::join!(second, third);
    let second = second.expect_err("second call times out");
    assert!(
        second.to_string().contains(&format!(
            "timed out after {timeout:?} while the database work was running"
        )),
        "{second}"
    );
    let third = third.expect_err("third call times out");
    assert!(
        third
            .to_string()
            .contains("waiting for one of 1 database slots; nothing was run"),
        "{third}"
    );

    // 4. The second call's work ends and frees the slot. A fourth call then gets it; had the
    //    third call's work been queued anyway, it would have had the slot first (first in,
    //    first out), so once the fourth call is done the third would have shown itself.
    received(second_started, "the second call's work started").await;
    release_second.send(()).expect("second work is waiting");
    adb.run(|_| Ok(())).await.expect("the slot is free again");
    assert!(second_finished.load(Ordering::SeqCst));
    assert!(
        !third_ran.load(Ordering::SeqCst),
        "the third call never ran"
    );
}

#[tokio::test]
async fn a_panic_becomes_an_error_and_the_pool_keeps_working() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(&db, 1, AsyncOptions::default());
    let err = adb
        .run(|_| -> customer_success_db::Result<()> { panic!("boom in the closure") })
        .await
        .expect_err("panic is an error");
    let Error::TaskFailed { message } = &err else {
        panic!("expected Error::TaskFailed, got {err:?}");
    };
    assert_eq!(message, "panicked: boom in the closure");
    assert!(!err.is_transient());

    // A transaction that panics half-way leaves nothing behind, and the (single) pool slot
    // is usable again: the broken connection was replaced.
    let err = adb
        .transaction(|conn| -> customer_success_db::Result<()> {
            Customer::create(conn, &new_customer("half-way"))?;
            panic!("after the insert")
        })
        .await
        .expect_err("panic is an error");
    assert!(err.to_string().contains("after the insert"), "{err}");
    let found = adb
        .run(|conn| Customer::find_by_key(conn, "half-way"))
        .await
        .expect("query after the panic");
    assert_eq!(found, None, "the panicking transaction was rolled back");
}

#[tokio::test]
async fn transaction_commits_on_ok_and_rolls_back_on_err() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(&db, 2, AsyncOptions::default());
    adb.transaction(|conn| Customer::create(conn, &new_customer("kept")))
        .await
        .expect("commit");
    let err = adb
        .transaction(|conn| -> customer_success_db::Result<()> {
            Customer::create(conn, &new_customer("dropped"))?;
            Customer::get_by_key(conn, "nope").map(drop)
        })
        .await
        .expect_err("the closure's error");
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let keys = adb
        .run(|conn| {
            Ok((
                Customer::find_by_key(conn, "kept")?.is_some(),
                Customer::find_by_key(conn, "dropped")?.is_some(),
            ))
        })
        .await
        .expect("query");
    assert_eq!(keys, (true, false));
}

/// The point of the module: on a single-threaded runtime, another task keeps running while a
/// half-second query runs. A query run directly on the runtime's thread would let it tick
/// not at all.
#[tokio::test(flavor = "current_thread")]
async fn the_runtime_stays_responsive_during_a_query() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(&db, 1, AsyncOptions::default());
    let ticks = Arc::new(AtomicUsize::new(0));
    let ticker = {
        let ticks = ticks.clone();
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(Duration::from_millis(10));
            loop {
                interval.tick().await;
                ticks.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    let started = Instant::now();
    adb.run(|conn| sleep_query(conn, 0.5)).await.expect("query");
    let elapsed = started.elapsed();
    ticker.abort();
    let ticks = ticks.load(Ordering::SeqCst);
    assert!(elapsed >= Duration::from_millis(500), "{elapsed:?}");
    // 50 ticks would be perfect; leave room for a loaded machine.
    assert!(ticks >= 20, "only {ticks} ticks in {elapsed:?}");
}

#[test]
fn outside_a_tokio_runtime_run_is_an_error_not_a_panic() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(&db, 1, AsyncOptions::default());
    let mut call = pin!(adb.run(Customer::count));
    // Polled by hand, with no runtime around: the first poll must already give the answer.
    let mut cx = Context::from_waker(Waker::noop());
    match call.as_mut().poll(&mut cx) {
        Poll::Ready(Err(Error::Pool { message })) => {
            assert!(message.contains("needs a tokio runtime"), "{message}")
        }
        Poll::Ready(other) => panic!("expected Error::Pool, got {other:?}"),
        Poll::Pending => panic!("expected an immediate error"),
    }
}
