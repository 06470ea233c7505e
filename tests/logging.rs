//! "A password never appears in a log line" (README), checked against a real password-protected
//! role and the log output captured by a `log::Log` implementation: the pool's error handler
//! (which logs every failed connection attempt), and the errors' `Display` and `Debug`.
mod password_role;

use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use customer_success_db::connection::{self, PoolOptions};
use customer_success_db::harness::TestDatabase;
use customer_success_db::Error;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

/// Distinctive, and containing the characters that need care in a URL.
const PASSWORD: &str = "Lg-p@ss:w%rd/42";

/// Every log record of the process, formatted as a logger would print it.
struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        self.0.lock().unwrap().push(line);
    }
    fn flush(&self) {}
}

fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<&'static Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(capture).expect("the only logger of this test binary");
        log::set_max_level(log::LevelFilter::Trace);
        capture
    })
}

/// The ways the password could be written: as given, percent-encoded, and each encoded part.
fn spellings() -> Vec<String> {
    vec![PASSWORD.to_owned(), password_role::encode(PASSWORD)]
}

#[test]
fn no_log_line_or_error_shows_the_password() {
    let logs = capture();
    let db = TestDatabase::new().unwrap();
    let url = password_role::password_role(&db, "csdb_pw_logging", PASSWORD);
    assert!(
        url.contains(&password_role::encode(PASSWORD)),
        "the URL carries it"
    );

    // A pool that works, then loses its credentials: every new connection it opens fails, and
    // r2d2 hands each failure to the crate's error handler, which logs it.
    let pool = connection::pool_with(
        &url,
        &PoolOptions {
            max_size: 1,
            min_idle: Some(0),
            connection_timeout: Duration::from_millis(500),
            ..PoolOptions::default()
        },
    )
    .expect("the right password");
    pool.get().unwrap().batch_execute("SELECT 1").unwrap();
    let mut admin = PgConnection::establish(db.server().admin_url()).unwrap();
    admin
        .batch_execute("ALTER ROLE csdb_pw_logging PASSWORD 'changed-elsewhere'")
        .unwrap();
    // The idle connection is still logged in; a new one is needed to hit the new password.
    let held = pool.get().unwrap();
    drop(held);
    let pool2 = connection::pool_with(
        &url,
        &PoolOptions {
            max_size: 1,
            min_idle: Some(0),
            connection_timeout: Duration::from_millis(500),
            ..PoolOptions::default()
        },
    );
    let err = pool2.expect_err("the password was changed");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");

    // Force the first pool to open a connection: close the one it has, then check out.
    admin
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE usename = 'csdb_pw_logging' AND pid <> pg_backend_pid()",
        )
        .unwrap();
    let err: Error = loop {
        // test_on_check_out discards the terminated connection; the new one cannot log in.
        match pool.get() {
            Ok(conn) => drop(conn),
            Err(e) => break e.into(),
        }
    };
    assert!(
        matches!(err, Error::Connection { .. }),
        "a permanent failure behind the pool's timeout: {err:?}"
    );
    assert!(!err.is_transient());

    let lines = logs.0.lock().unwrap().clone();
    let handler_lines: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("connection pool:"))
        .collect();
    assert!(
        handler_lines
            .iter()
            .any(|l| l.contains("password authentication failed")),
        "the pool's error handler logged the failed logins: {lines:#?}"
    );
    assert!(
        handler_lines
            .iter()
            .any(|l| l.contains("csdb_pw_logging:***@")),
        "and named the redacted URL: {handler_lines:#?}"
    );
    let shown = [err.to_string(), format!("{err:?}")];
    for text in lines.iter().chain(shown.iter()) {
        for secret in spellings() {
            assert!(!text.contains(&secret), "password in: {text}");
        }
    }
}
