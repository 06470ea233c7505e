//! `csdb` exits 3 ("cannot connect, or the connection was lost") when its connection is lost in
//! the middle of a command, whichever command: the command is made to wait on a lock this test
//! holds, its backend is terminated while it waits, and the exit code is checked.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use customer_success_db::harness::TestDatabase;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Integer;

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

/// Runs `csdb <args>` against `db` while holding an exclusive lock on `customers`, terminates
/// the csdb backend once it waits for that lock, and returns the exit code and stderr.
fn exit_code_when_lost(db: &TestDatabase, args: &[&str]) -> (i32, String) {
    let mut holder = db.connect().unwrap();
    holder
        .batch_execute("BEGIN; LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_csdb"))
        .args(args)
        .env("DATABASE_URL", db.url())
        .env("PGAPPNAME", "csdb_exit_test")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut admin = db.connect().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let pid = loop {
        let waiting: Vec<Pid> = diesel::sql_query(
            "SELECT pid FROM pg_stat_activity
             WHERE application_name = 'csdb_exit_test' AND wait_event_type = 'Lock'",
        )
        .load(&mut admin)
        .unwrap();
        if let Some(p) = waiting.first() {
            break p.pid;
        }
        assert!(
            Instant::now() < deadline,
            "csdb {args:?} never waited for the lock"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    diesel::sql_query("SELECT pg_terminate_backend($1)")
        .bind::<Integer, _>(pid)
        .execute(&mut admin)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    holder.batch_execute("ROLLBACK").unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_connection_lost_mid_command_exits_3() {
    let db = TestDatabase::new().unwrap();
    for args in [
        &["analyze", "customers"][..],
        &["doctor"][..],
        &["orphans"][..],
    ] {
        let (code, stderr) = exit_code_when_lost(&db, args);
        assert_eq!(code, 3, "csdb {args:?}: {stderr}");
        assert!(
            stderr.contains("connection"),
            "csdb {args:?} says why: {stderr}"
        );
        assert!(
            !stderr.contains("need a user that owns the tables"),
            "no unrelated hint: {stderr}"
        );
    }
}
