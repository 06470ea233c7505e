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

#[tokio::test]
async fn timeout_while_running_returns_a_pool_error() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(
        &db,
        2,
        AsyncOptions {
            timeout: Duration::from_millis(200),
            ..AsyncOptions::default()
        },
    );
    let started = Instant::now();
    let err = adb
        .run(|conn| sleep_query(conn, 1.0))
        .await
        .expect_err("times out");
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "returned at the timeout, not after the query: {:?}",
        started.elapsed()
    );
    let Error::Timeout { message } = &err else {
        panic!("expected Error::Timeout, got {err:?}");
    };
    assert!(message.starts_with("timed out after 200ms"), "{message}");
    assert!(message.contains("may still complete"), "{message}");
    assert!(err.is_transient());
}

#[tokio::test]
async fn timeout_while_waiting_for_a_slot_runs_nothing() {
    let db = TestDatabase::new().expect("test database");
    let adb = async_db(
        &db,
        2,
        AsyncOptions {
            max_concurrency: Some(1),
            timeout: Duration::from_millis(800),
        },
    );
    let busy = {
        let adb = adb.clone();
        tokio::spawn(async move { adb.run(|conn| sleep_query(conn, 0.3)).await })
    };
    // Let the first call take the only slot.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let ran = Arc::new(AtomicBool::new(false));
    let flag = ran.clone();
    let waiting = {
        let adb = adb.clone();
        async move {
            adb.run(move |conn| {
                flag.store(true, Ordering::SeqCst);
                sleep_query(conn, 1.5)
            })
            .await
        }
    };
    // The second call gets the slot at ~0.3 s and times out at ~0.85 s while running; a third,
    // queued behind it, cannot get the slot before its deadline and must never run.
    let never = Arc::new(AtomicBool::new(false));
    let never_flag = never.clone();
    let starved = {
        let adb = AsyncDb::clone(&adb);
        async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            adb.run(move |_| {
                never_flag.store(true, Ordering::SeqCst);
                Ok(())
            })
            .await
        }
    };
    let (waited, starved) = tokio::join!(waiting, starved);
    busy.await.expect("task").expect("first call");
    let waited = waited.expect_err("second call times out");
    assert!(
        waited
            .to_string()
            .contains("timed out after 800ms while the database work was running"),
        "{waited}"
    );
    let starved = starved.expect_err("third call times out");
    assert!(
        starved
            .to_string()
            .contains("waiting for one of 1 database slots; nothing was run"),
        "{starved}"
    );
    // Give a wrongly scheduled closure time to show itself.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(ran.load(Ordering::SeqCst), "the second call had started");
    assert!(!never.load(Ordering::SeqCst), "the third call never ran");
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
