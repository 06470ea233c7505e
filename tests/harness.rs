//! Tests of `customer_success_db::harness` against real PostgreSQL: the throwaway cluster when
//! `DATABASE_URL` is unset, that server otherwise. The multi-process tests always use throwaway
//! clusters of their own (in directories of their own), since what they check is how processes
//! share, stop and recover such a cluster.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use customer_success_db::harness::{template_name, HarnessError, Server, TestDatabase};
use customer_success_db::migrations::MIGRATIONS;
use customer_success_db::url::redact;
use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use diesel_migrations::MigrationHarness;

/// Tells the test binary, re-run as a child process, what the child should do.
const CHILD_ENV: &str = "CSDB_HARNESS_TEST_CHILD";
/// Marks the line a child prints for its parent.
const CHILD_LINE: &str = "CSDB_CHILD";

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

fn public_tables(conn: &mut PgConnection) -> Vec<String> {
    let mut names: Vec<String> = diesel::sql_query(
        "SELECT table_name::text AS name FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
         AND table_name <> '__diesel_schema_migrations' ORDER BY 1",
    )
    .load::<Name>(conn)
    .expect("list tables")
    .into_iter()
    .map(|n| n.name)
    .collect();
    names.sort();
    names
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .count
}

fn database_exists(server: &Server, name: &str) -> bool {
    let mut admin = PgConnection::establish(server.admin_url()).expect("admin connection");
    let n = diesel::sql_query("SELECT count(*) AS count FROM pg_database WHERE datname = $1")
        .bind::<Text, _>(name)
        .get_result::<Count>(&mut admin)
        .expect("query pg_database")
        .count;
    n == 1
}

#[test]
fn new_database_has_every_migration_applied() {
    let db = TestDatabase::new().expect("TestDatabase::new");
    let mut conn = db.connect().expect("connect");
    let tables = public_tables(&mut conn);
    assert!(
        tables.len() >= 24,
        "expected the 24-table schema, got {}: {tables:?}",
        tables.len()
    );
    for table in ["customers", "__diesel_schema_migrations"] {
        let n = count(
            &mut conn,
            &format!("SELECT count(*) AS count FROM information_schema.tables WHERE table_name = '{table}'"),
        );
        assert_eq!(n, 1, "table {table} is missing");
    }
    let migrations = MigrationSource::<Pg>::migrations(&MIGRATIONS).expect("embedded migrations");
    let applied = count(
        &mut conn,
        "SELECT count(*) AS count FROM __diesel_schema_migrations",
    );
    assert_eq!(applied, migrations.len() as i64);
    assert!(
        !conn
            .has_pending_migration(MIGRATIONS)
            .expect("pending check"),
        "the clone has pending migrations"
    );

    // The clone must be exactly what running the migrations gives.
    let direct = TestDatabase::empty().expect("TestDatabase::empty");
    let mut direct_conn = direct.connect().expect("connect");
    direct_conn
        .run_pending_migrations(MIGRATIONS)
        .expect("migrate the empty database");
    assert_eq!(public_tables(&mut direct_conn), tables);
}

#[test]
fn empty_database_has_no_tables() {
    let db = TestDatabase::empty().expect("TestDatabase::empty");
    let mut conn = db.connect().expect("connect");
    let n = count(
        &mut conn,
        "SELECT count(*) AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    assert_eq!(n, 0);
    assert!(conn
        .has_pending_migration(MIGRATIONS)
        .expect("pending check"));
}

#[test]
fn test_databases_are_isolated() {
    let a = TestDatabase::new().expect("first database");
    let b = TestDatabase::new().expect("second database");
    assert_ne!(a.name(), b.name());
    assert_ne!(a.url(), b.url());
    let mut ca = a.connect().expect("connect a");
    let mut cb = b.connect().expect("connect b");
    for conn in [&mut ca, &mut cb] {
        diesel::sql_query("CREATE TABLE harness_probe (id int)")
            .execute(conn)
            .expect("create probe table");
    }
    diesel::sql_query("INSERT INTO harness_probe VALUES (1)")
        .execute(&mut ca)
        .expect("insert");
    assert_eq!(
        count(&mut ca, "SELECT count(*) AS count FROM harness_probe"),
        1
    );
    assert_eq!(
        count(&mut cb, "SELECT count(*) AS count FROM harness_probe"),
        0
    );
}

#[test]
fn drop_removes_the_database_even_with_open_connections() {
    let db = TestDatabase::new().expect("TestDatabase::new");
    let name = db.name().to_owned();
    let server = db.server();
    // Left open on purpose: DROP ... WITH (FORCE) must disconnect it.
    let mut conn = db.connect().expect("connect");
    assert_eq!(count(&mut conn, "SELECT 1::bigint AS count"), 1);
    assert!(database_exists(server, &name), "{name} should exist");
    drop(db);
    assert!(!database_exists(server, &name), "{name} survived its drop");
    assert!(
        diesel::sql_query("SELECT 1").execute(&mut conn).is_err(),
        "the connection to the dropped database still works"
    );
}

#[test]
fn many_threads_create_databases_in_parallel() {
    let handles: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(|| {
                let db = TestDatabase::new()?;
                let mut conn = db.connect()?;
                let current: Name = diesel::sql_query("SELECT current_database()::text AS name")
                    .get_result(&mut conn)
                    .expect("current_database");
                assert_eq!(current.name, db.name());
                assert!(public_tables(&mut conn).len() >= 24);
                Ok::<String, HarnessError>(db.name().to_owned())
            })
        })
        .collect();
    let names: HashSet<String> = handles
        .into_iter()
        .map(|h| {
            h.join()
                .expect("thread panicked")
                .expect("TestDatabase::new")
        })
        .collect();
    assert_eq!(names.len(), 8, "names were not unique: {names:?}");
}

#[test]
fn a_template_dropped_behind_the_harness_is_rebuilt() {
    // Dropping the template would pull it from under every other test cloning it at the same
    // time, so this runs in a child process on a throwaway cluster of its own.
    let dir = scratch_dir("template");
    let line = child_line(
        &child("rebuild", "CSDB_HARNESS_DIR", &dir)
            .output()
            .expect("run the child"),
    );
    assert_eq!(line, "rebuilt");
    wait_for(
        "the private directory to disappear",
        Duration::from_secs(20),
        || !dir.exists(),
    );
}

/// The child side of [`a_template_dropped_behind_the_harness_is_rebuilt`], on its private
/// cluster.
fn drop_the_template_and_clone_again() {
    let first = TestDatabase::new().expect("TestDatabase::new");
    let server = first.server();
    assert!(
        server.is_throwaway(),
        "the child must use a private cluster"
    );
    let template = template_name();
    assert!(
        database_exists(server, &template),
        "{template} should exist"
    );
    let mut admin = PgConnection::establish(server.admin_url()).expect("admin connection");
    for sql in [
        format!("ALTER DATABASE \"{template}\" WITH IS_TEMPLATE false"),
        format!("DROP DATABASE \"{template}\" WITH (FORCE)"),
    ] {
        diesel::sql_query(&sql).execute(&mut admin).expect(&sql);
    }
    assert!(!database_exists(server, &template));
    let second = TestDatabase::new().expect("TestDatabase::new after the template was dropped");
    let mut conn = second.connect().expect("connect");
    assert!(public_tables(&mut conn).len() >= 24);
    assert!(
        database_exists(server, &template),
        "{template} was not rebuilt"
    );
    println!("{CHILD_LINE} rebuilt");
}

#[test]
fn ensure_database_is_idempotent_and_validates_names() {
    let server = Server::shared().expect("server");
    let name = format!("csdb_ensure_probe_{}", std::process::id());
    let urls: Vec<String> = (0..4)
        .map(|_| {
            let name = name.clone();
            std::thread::spawn(move || server.ensure_database(&name))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| h.join().expect("thread panicked").expect("ensure_database"))
        .collect();
    assert!(urls.iter().all(|u| u == &server.url_for(&name)));
    let mut conn = PgConnection::establish(&urls[0]).expect("connect to the ensured database");
    let current: Name = diesel::sql_query("SELECT current_database()::text AS name")
        .get_result(&mut conn)
        .expect("current_database");
    assert_eq!(current.name, name);
    drop(conn);
    let mut admin = PgConnection::establish(server.admin_url()).expect("admin connection");
    diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .execute(&mut admin)
        .expect("clean up");

    for bad in ["", "has-dash", "quote\"", "semi;colon", &"x".repeat(64)] {
        match server.ensure_database(bad) {
            Err(HarnessError::InvalidDatabaseName { .. }) => {}
            other => panic!("{bad:?} was not rejected: {other:?}"),
        }
    }
}

#[test]
fn debug_output_and_errors_redact_passwords() {
    let server = Server::shared().expect("server");
    let db = TestDatabase::new().expect("TestDatabase::new");
    let shown = format!("{server:?} {db:?}");
    assert!(shown.contains(&redact(server.admin_url())), "{shown}");
    assert!(shown.contains(db.name()), "{shown}");
    // A connection error names the URL, redacted: make one by dropping the database behind
    // the TestDatabase's back.
    let mut admin = PgConnection::establish(server.admin_url()).expect("admin connection");
    diesel::sql_query(format!("DROP DATABASE \"{}\" WITH (FORCE)", db.name()))
        .execute(&mut admin)
        .expect("drop behind the harness's back");
    let Err(err) = db.connect() else {
        panic!("connecting to a dropped database must fail");
    };
    let message = err.to_string();
    assert!(message.contains(db.name()), "{message}");
    assert!(message.contains(&redact(db.url())), "{message}");
    if let Some(password) = password_of(server.admin_url()) {
        assert!(!shown.contains(&format!(":{password}@")), "{shown}");
        assert!(!message.contains(&format!(":{password}@")), "{message}");
    }
    if server.is_throwaway() {
        let dir = server
            .cluster_dir()
            .expect("throwaway server has a directory");
        assert!(db.url().contains("host="), "{}", db.url());
        assert!(dir.join("data/PG_VERSION").exists());
    } else {
        assert!(server.cluster_dir().is_none());
    }
}

fn password_of(url: &str) -> Option<String> {
    let rest = &url[url.find("://")? + 3..];
    let authority = &rest[..rest.find(['/', '?']).unwrap_or(rest.len())];
    let userinfo = &authority[..authority.rfind('@')?];
    Some(userinfo.split_once(':')?.1.to_owned()).filter(|p| !p.is_empty())
}

// ---------------------------------------------------------------------------------------------
// Multi-process behaviour. The test binary re-runs itself as child processes that execute
// `child_process` below, each in the role named by CHILD_ENV.

/// The child side. Ignored in normal runs (it does nothing without CHILD_ENV); the parents run
/// it with `--ignored --exact`.
#[test]
#[ignore = "run as a child process by the multi-process tests"]
fn child_process() {
    let Ok(role) = std::env::var(CHILD_ENV) else {
        return;
    };
    match role.as_str() {
        // Use the shared server, report which server it was, and stay until the parent closes
        // stdin (at once when stdin is /dev/null), so that siblings can be made to overlap.
        "report" | "hold" => {
            let db = TestDatabase::new().expect("TestDatabase::new in child");
            let mut conn = db.connect().expect("connect in child");
            let start: Name = diesel::sql_query(
                "SELECT pg_postmaster_start_time()::text || ' ' || current_setting('data_directory') AS name",
            )
            .get_result(&mut conn)
            .expect("query postmaster");
            println!("{CHILD_LINE} {}", start.name);
            if role == "hold" {
                // Killed by the parent; should the parent die first, leave soon after it.
                let parent = std::os::unix::process::parent_id();
                let start = Instant::now();
                while std::os::unix::process::parent_id() == parent
                    && start.elapsed() < Duration::from_secs(60)
                {
                    std::thread::sleep(Duration::from_millis(100));
                }
            } else {
                let mut rest = String::new();
                let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut rest);
            }
        }
        // Use the persistent cluster; report whether the probe database existed already.
        "keep" => {
            let server = Server::shared_persistent().expect("shared_persistent in child");
            assert!(server.is_throwaway());
            let existed = database_exists(server, "csdb_keep_probe");
            let url = server
                .ensure_database("csdb_keep_probe")
                .expect("ensure_database");
            PgConnection::establish(&url).expect("connect to the kept database");
            println!("{CHILD_LINE} existed={existed}");
        }
        "rebuild" => drop_the_template_and_clone_again(),
        other => panic!("unknown child role {other}"),
    }
}

fn child(role: &str, dir_var: &str, dir: &Path) -> Command {
    let exe = std::env::current_exe().expect("current_exe");
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        "child_process",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_ENV, role)
    .env(dir_var, dir)
    .env_remove("DATABASE_URL")
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    cmd
}

fn child_line(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(after_marker)
        .unwrap_or_else(|| panic!("no {CHILD_LINE} line in:\n{stdout}"))
        .trim()
        .to_owned()
}

/// What follows the marker (libtest may print `test child_process ... ` before it).
fn after_marker(line: &str) -> Option<&str> {
    line.find(CHILD_LINE).map(|i| &line[i + CHILD_LINE.len()..])
}

/// Reads a child's stdout up to its report line and returns what follows the marker.
fn reported_line(reader: &mut impl BufRead) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).expect("read child stdout");
        assert!(n > 0, "the child exited without reporting");
        if let Some(rest) = after_marker(&line) {
            return rest.trim().to_owned();
        }
    }
}

/// The shared memory a running postmaster has attached, from /proc/<pid>/maps: the names of
/// its POSIX segments (`PostgreSQL.<n>` in /dev/shm) and the keys of its System V segments.
#[derive(Debug, Default)]
struct SharedMemory {
    posix: Vec<String>,
    sysv_keys: Vec<u64>,
}

fn shared_memory_of(pid: i32) -> SharedMemory {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).expect("read maps");
    let mut found = SharedMemory::default();
    for line in maps.lines() {
        let Some(path) = line.split_whitespace().nth(5) else {
            continue;
        };
        if let Some(name) = path.strip_prefix("/dev/shm/") {
            if name.starts_with("PostgreSQL.") && !found.posix.iter().any(|n| n == name) {
                found.posix.push(name.to_owned());
            }
        } else if let Some(key) = path.strip_prefix("/SYSV") {
            let key = u64::from_str_radix(key, 16).expect("SYSV key");
            if key != 0 && !found.sysv_keys.contains(&key) {
                found.sysv_keys.push(key);
            }
        }
    }
    found
}

/// What of the cluster in `dir` (with the shared memory `shm`) still exists: its directory,
/// processes working in it (every PostgreSQL process has its data directory as working
/// directory), and its shared-memory segments.
fn leftovers(dir: &Path, shm: &SharedMemory) -> Vec<String> {
    let mut left = Vec::new();
    if dir.exists() {
        left.push(format!("directory {}", dir.display()));
    }
    let prefix = dir.display().to_string();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cwd = std::fs::read_link(entry.path().join("cwd"))
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        if cwd.starts_with(&prefix) {
            let comm = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
            left.push(format!("process {pid} ({}) in {cwd}", comm.trim()));
        }
    }
    for name in &shm.posix {
        if Path::new("/dev/shm").join(name).exists() {
            left.push(format!("POSIX shared memory /dev/shm/{name}"));
        }
    }
    let sysv = std::fs::read_to_string("/proc/sysvipc/shm").unwrap_or_default();
    for line in sysv.lines().skip(1) {
        let key: Option<i64> = line.split_whitespace().next().and_then(|k| k.parse().ok());
        // /proc shows the key as a signed 32-bit number.
        if let Some(key) = key.map(|k| k as i32 as u32 as u64) {
            if shm.sysv_keys.contains(&key) {
                left.push(format!("System V shared memory key {key:#x}"));
            }
        }
    }
    left
}

/// Waits until nothing of the cluster in `dir` is left; fails naming what is.
fn wait_until_nothing_is_left(dir: &Path, shm: &SharedMemory) {
    let start = Instant::now();
    loop {
        let left = leftovers(dir, shm);
        if left.is_empty() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "left behind 30 s after the last user exited: {left:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A holder child on the cluster in `dir`: returns it, what it reported, and the postmaster's
/// pid and shared memory (asserted to be non-empty, so the checks below can fail).
fn start_holder(dir: &Path) -> (Child, String, i32, SharedMemory) {
    let mut holder = child("hold", "CSDB_HARNESS_DIR", dir)
        .spawn()
        .expect("spawn holder");
    let mut stdout = BufReader::new(holder.stdout.take().expect("holder stdout"));
    let first = reported_line(&mut stdout);
    // Keep draining the holder's output so that it never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut rest);
    });
    let postmaster = read_pid(&dir.join("data/postmaster.pid")).expect("postmaster.pid");
    let shm = shared_memory_of(postmaster);
    assert!(
        !shm.posix.is_empty() && !shm.sysv_keys.is_empty(),
        "the postmaster maps no shared memory: {shm:?}"
    );
    (holder, first, postmaster, shm)
}

fn sigkill(pid: i32) {
    // SAFETY: kill has no memory-safety preconditions.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0, "kill {pid}");
}

fn wait_until_dead(pid: i32) {
    wait_for(
        &format!("process {pid} to die"),
        Duration::from_secs(10),
        || {
            // A zombie still has /proc/<pid>, but its state is Z.
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .map_or(true, |stat| stat.split_whitespace().nth(2) == Some("Z"))
        },
    );
}

#[test]
fn killing_the_supervisor_leaves_nothing_after_the_next_run() {
    let dir = scratch_dir("killsup");
    let (mut holder, first, _postmaster, shm) = start_holder(&dir);
    let supervisor = read_pid(&dir.join("supervisor.pid")).expect("supervisor.pid");
    sigkill(supervisor);
    wait_until_dead(supervisor);
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap the holder");
    // The next run finds the server still up, uses it, and replaces the supervisor.
    let second = child_line(
        &child("report", "CSDB_HARNESS_DIR", &dir)
            .output()
            .expect("next run"),
    );
    assert_eq!(
        first, second,
        "the next run did not reuse the running server"
    );
    wait_until_nothing_is_left(&dir, &shm);
}

#[test]
fn killing_the_postmaster_leaves_nothing_after_the_next_run() {
    let dir = scratch_dir("killpm");
    let (mut holder, first, postmaster, shm) = start_holder(&dir);
    sigkill(postmaster);
    wait_until_dead(postmaster);
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap the holder");
    // The next run comes before the supervisor's idle time is up: it must release the killed
    // server's shared memory before it starts afresh.
    let second = child_line(
        &child("report", "CSDB_HARNESS_DIR", &dir)
            .output()
            .expect("next run"),
    );
    assert_ne!(first, second, "the next run did not start a new server");
    wait_until_nothing_is_left(&dir, &shm);
}

#[test]
fn killing_the_postmaster_leaves_nothing_once_the_last_user_exits() {
    let dir = scratch_dir("killpm2");
    let (mut holder, _first, postmaster, shm) = start_holder(&dir);
    sigkill(postmaster);
    wait_until_dead(postmaster);
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap the holder");
    // No next run: the supervisor notices the idle, finds the server dead, and cleans up.
    wait_until_nothing_is_left(&dir, &shm);
}

#[test]
fn killing_a_user_leaves_nothing_once_it_was_the_last() {
    let dir = scratch_dir("killuser");
    let (mut holder, _first, _postmaster, shm) = start_holder(&dir);
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap the holder");
    wait_until_nothing_is_left(&dir, &shm);
}

/// A directory of its own for one multi-process test, in the temp dir like the real one.
fn scratch_dir(test: &str) -> PathBuf {
    sweep_stale_scratch_dirs();
    let dir = std::env::temp_dir().join(format!("csdb-harness-{test}-{}", std::process::id()));
    assert!(!dir.exists(), "{} exists already", dir.display());
    dir
}

/// Removes the scratch clusters of test processes that were killed in the middle of a
/// multi-process test. The harness recovers from such a kill when the same directory is used
/// again, but these directories are named after the dead process and never are; and the
/// SIGKILL test kills the supervisor on purpose. A directory is only touched when its test
/// process is gone and neither a supervisor nor a user holds its locks.
fn sweep_stale_scratch_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("csdb-harness-") else {
            continue;
        };
        let Some(pid) = rest.rsplit('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let dir = entry.path();
        let unlocked =
            |file: &str| std::fs::File::open(dir.join(file)).is_ok_and(|f| f.try_lock().is_ok());
        if !unlocked("supervisor.lock") || !unlocked("users.lock") {
            continue;
        }
        let postmaster = read_pid(&dir.join("data/postmaster.pid")).filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == "postgres")
        });
        if let Some(pid) = postmaster {
            // SIGQUIT is PostgreSQL's immediate shutdown.
            // SAFETY: kill has no memory-safety preconditions.
            if unsafe { libc::kill(pid, libc::SIGQUIT) } == 0 {
                let gone = || !Path::new(&format!("/proc/{pid}")).exists();
                let start = Instant::now();
                while !gone() && start.elapsed() < Duration::from_secs(10) {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn wait_for(what: &str, timeout: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path)
        .ok()?
        .lines()
        .next()?
        .trim()
        .parse()
        .ok()
}

#[test]
fn parallel_processes_share_one_server_which_is_removed_after_the_last() {
    const CHILDREN: usize = 6;
    let dir = scratch_dir("share");
    let mut children: Vec<Child> = (0..CHILDREN)
        .map(|_| {
            child("report", "CSDB_HARNESS_DIR", &dir)
                .stdin(Stdio::piped())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    // Every child reports while all of them are still connected (each waits for its stdin to
    // close), so they overlap for certain rather than by timing.
    let mut readers = Vec::new();
    let mut lines = Vec::new();
    for c in &mut children {
        let mut reader = BufReader::new(c.stdout.take().expect("child stdout"));
        lines.push(reported_line(&mut reader));
        readers.push(reader);
    }
    for (mut c, mut reader) in children.into_iter().zip(readers) {
        drop(c.stdin.take());
        // Read to the end: a closed pipe would fail the child's last messages.
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut reader, &mut rest);
        let status = c.wait().expect("wait for child");
        assert!(status.success(), "child failed: {status}\n{rest}");
    }
    let distinct: HashSet<&String> = lines.iter().collect();
    assert_eq!(
        distinct.len(),
        1,
        "the children saw different servers (postmaster start time, data directory): {lines:?}"
    );
    assert!(
        lines[0].contains(&dir.join("data").display().to_string()),
        "{lines:?} is not the cluster in {}",
        dir.display()
    );
    // The supervisor waits ~5 s without users, then stops the server and removes everything.
    wait_for(
        "the private directory to disappear",
        Duration::from_secs(20),
        || !dir.exists(),
    );
}

#[test]
fn a_run_after_a_sigkilled_one_recovers() {
    let dir = scratch_dir("sigkill");
    let (mut holder, first, postmaster, shm) = start_holder(&dir);
    // Kill everything but leftovers: the test process, the supervisor and the server itself,
    // as a machine-wide OOM kill or a `kill -9` of the process group would.
    let supervisor = read_pid(&dir.join("supervisor.pid")).expect("supervisor.pid");
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap the holder");
    for pid in [supervisor, postmaster] {
        sigkill(pid);
    }
    wait_until_dead(postmaster);
    assert!(
        dir.join("data/postmaster.pid").exists(),
        "expected a stale postmaster.pid"
    );

    let output = child("report", "CSDB_HARNESS_DIR", &dir)
        .output()
        .expect("run the next child");
    let second = child_line(&output);
    assert_ne!(first, second, "the second run did not start a new server");
    wait_until_nothing_is_left(&dir, &shm);
}

#[test]
fn persistent_cluster_keeps_its_data_between_runs() {
    let dir = scratch_dir("keep");
    let stopped = |dir: &Path| {
        !dir.join("data/postmaster.pid").exists() && !dir.join("supervisor.pid").exists()
    };
    let first = child_line(
        &child("keep", "CSDB_HARNESS_KEEP_DIR", &dir)
            .output()
            .expect("first run"),
    );
    assert_eq!(first, "existed=false");
    wait_for("the kept server to stop", Duration::from_secs(20), || {
        stopped(&dir)
    });
    assert!(
        dir.join("data/PG_VERSION").exists(),
        "the kept data directory is gone"
    );

    let second = child_line(
        &child("keep", "CSDB_HARNESS_KEEP_DIR", &dir)
            .output()
            .expect("second run"),
    );
    assert_eq!(second, "existed=true", "the database did not survive");
    wait_for("the kept server to stop", Duration::from_secs(20), || {
        stopped(&dir)
    });
    std::fs::remove_dir_all(&dir).expect("remove the kept cluster");
}
