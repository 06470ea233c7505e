//! Connections and the pool: errors never show a password, and a connection the server dropped
//! is replaced rather than handed out.
mod common;

use std::time::{Duration, Instant};

use common::TestDatabase;
use customer_success_db::connection::{self, PoolOptions};
use customer_success_db::Error;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer};

const SECRET: &str = "hunter2-very-secret";

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

fn backend_pid(conn: &mut PgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .unwrap()
        .pid
}

/// Whether a server process with this pid still shows in `pg_stat_activity`.
fn backend_alive(conn: &mut PgConnection, pid: i32) -> bool {
    #[derive(QueryableByName)]
    struct Alive {
        #[diesel(sql_type = Bool)]
        alive: bool,
    }
    diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1) AS alive")
        .bind::<Integer, _>(pid)
        .get_result::<Alive>(conn)
        .unwrap()
        .alive
}

#[test]
fn connection_errors_never_contain_the_password() {
    // Port 1 on loopback: nothing listens there, so this fails fast and deterministically.
    let url = format!("postgres://app:{SECRET}@127.0.0.1:1/customer_success?connect_timeout=2");
    let err = connection::connect(&url)
        .err()
        .expect("nothing listens on port 1");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(SECRET), "password leaked: {shown}");
        assert!(
            shown.contains("app:***@127.0.0.1:1"),
            "names the redacted target: {shown}"
        );
    }
    assert!(err.is_transient());

    let options = PoolOptions {
        connection_timeout: Duration::from_secs(1),
        ..PoolOptions::default()
    };
    let err = connection::pool_with(&url, &options).expect_err("pool cannot connect");
    assert!(matches!(err, Error::Pool { .. }), "{err:?}");
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(SECRET), "password leaked: {shown}");
    }
}

#[test]
fn query_string_passwords_are_hidden_too() {
    let url = format!("postgres://127.0.0.1:1/db?password={SECRET}&connect_timeout=2");
    let err = connection::connect(&url).err().unwrap();
    assert!(!format!("{err} {err:?}").contains(SECRET));
}

#[test]
fn pool_defaults_match_the_original_system() {
    let o = PoolOptions::default();
    assert_eq!(o.max_size, 10);
    assert!(o.test_on_check_out);
    assert!(o.connection_timeout <= Duration::from_secs(30));
}

#[test]
fn pool_replaces_a_connection_the_server_dropped() {
    let db = TestDatabase::new().unwrap();
    let pool = connection::pool_with(
        db.url(),
        &PoolOptions {
            max_size: 1,
            min_idle: Some(1),
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let first_pid = {
        let mut conn = pool.get().unwrap();
        backend_pid(&mut conn)
    };
    // Kill the pooled connection's backend from outside, as a server restart or an admin would.
    let mut admin = db.connect().unwrap();
    diesel::sql_query(format!("SELECT pg_terminate_backend({first_pid})"))
        .execute(&mut admin)
        .unwrap();
    // pg_terminate_backend only signals the backend; wait until it is gone (it has then sent
    // its FATAL message and closed the session), so that the pool's check-out meets a dead
    // connection for certain rather than by timing.
    let deadline = Instant::now() + Duration::from_secs(30);
    while backend_alive(&mut admin, first_pid) {
        assert!(
            Instant::now() < deadline,
            "backend {first_pid} still running 30 s after pg_terminate_backend"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    let mut conn = pool.get().expect("pool hands out a working connection");
    let second_pid = backend_pid(&mut conn);
    assert_ne!(first_pid, second_pid, "the dead connection was replaced");
}

#[test]
fn statement_timeout_option_is_applied_to_every_connection() {
    let db = TestDatabase::new().unwrap();
    let pool = connection::pool_with(
        db.url(),
        &PoolOptions {
            statement_timeout: Some(Duration::from_millis(100)),
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    let err: Error = diesel::sql_query("SELECT pg_sleep(2)")
        .execute(&mut conn)
        .unwrap_err()
        .into();
    assert!(err.to_string().contains("statement timeout"), "{err}");
}

#[test]
fn pool_debug_output_hides_the_password() {
    let db = TestDatabase::new().unwrap();
    let pool = connection::pool(db.url()).unwrap();
    assert!(!format!("{pool:?}").contains("password"));
    let mut conn = pool.get().unwrap();
    assert!(backend_pid(&mut conn) > 0);
}
