//! Errors a caller can act on (issue 14): each case checks the variant, `is_transient()`, that
//! the message names the field or column, and that it stays under a size bound.
mod password_role;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use customer_success_db::connection::{self, PoolOptions};
use customer_success_db::crud::{ByKey, Crud};
use customer_success_db::error::ConnectionFailure;
use customer_success_db::harness::TestDatabase;
use customer_success_db::input::{self, Rule, CHECKED_COLUMNS};
use customer_success_db::models::{Customer, CustomerChanges, NewCustomer, NewSupportTicket};
use customer_success_db::types::TicketPriority;
use customer_success_db::url::{redact, scrub_password};
use customer_success_db::{migrations, Error};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Text};

/// Every message in this file must stay under this many bytes, whatever the input's size.
const MAX_MESSAGE_BYTES: usize = 2_000;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
}

/// The checks every case shares: variant (by the caller's `matches!`), transience, the words
/// the message must contain, and its size.
fn assert_error(err: &Error, transient: bool, names: &[&str]) {
    let shown = err.to_string();
    assert_eq!(err.is_transient(), transient, "is_transient of {err:?}");
    for name in names {
        assert!(shown.contains(name), "message names {name:?}: {shown}");
    }
    assert!(
        shown.len() < MAX_MESSAGE_BYTES,
        "message of {} bytes",
        shown.len()
    );
    assert!(
        format!("{err:?}").len() < 4 * MAX_MESSAGE_BYTES,
        "Debug is bounded too"
    );
}

// ---- connection classification ---------------------------------------------------------------

#[test]
fn wrong_password_fails_at_once_and_is_permanent() {
    let db = TestDatabase::new().unwrap();
    let good = password_role::password_role(&db, "csdb_pw_errors", "s3cret-pw");
    let wrong = good.replace("s3cret-pw", "not-the-password");

    let started = Instant::now();
    let err = connection::connect(&wrong)
        .err()
        .expect("wrong password refused");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_eq!(
        err.connection_failure(),
        Some(ConnectionFailure::Authentication)
    );
    assert_error(
        &err,
        false,
        &["password authentication failed", "csdb_pw_errors"],
    );

    // The pool establishes one connection first: no waiting for the checkout timeout.
    let err = connection::pool(&wrong).expect_err("wrong password refused");
    let elapsed = started.elapsed();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_error(&err, false, &["password authentication failed"]);
    assert!(
        elapsed < Duration::from_secs(1),
        "connect + pool took {elapsed:?}"
    );
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains("not-the-password"), "{shown}");
    }
    // And the right password works through the same path.
    let pool = connection::pool(&good).expect("right password");
    pool.get().unwrap().batch_execute("SELECT 1").unwrap();
}

#[test]
fn malformed_urls_fail_at_once_and_are_permanent() {
    for url in [
        "postgres://app:pw@localhost:notaport/db",
        "postgres://app:pw@localhost/db?no_such_option=1",
        "host=localhost port=notaport",
        "postgres://app:p%zzw@localhost/db",
    ] {
        let started = Instant::now();
        let err = connection::connect(url).err().expect("malformed");
        assert!(matches!(err, Error::Connection { .. }), "{url}: {err:?}");
        assert_eq!(
            err.connection_failure(),
            Some(ConnectionFailure::InvalidUrl),
            "{url}: {err}"
        );
        assert_error(&err, false, &["database connection failed"]);
        let err = connection::pool_with(
            url,
            &PoolOptions {
                connection_timeout: Duration::from_secs(5),
                ..PoolOptions::default()
            },
        )
        .expect_err("malformed");
        assert!(matches!(err, Error::Connection { .. }), "{url}: {err:?}");
        assert!(!err.is_transient());
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{url}: {:?}",
            started.elapsed()
        );
    }
    // The bad escape is in the password: libpq quotes it, the message must not.
    let err = connection::connect("postgres://app:p%zzw@localhost/db")
        .err()
        .unwrap();
    assert!(!err.to_string().contains("p%zzw"), "{err}");
}

#[test]
fn missing_database_is_permanent() {
    let db = TestDatabase::new().unwrap();
    let url = db.url().replacen(db.name(), "csdb_no_such_database", 1);
    let err = connection::connect(&url).err().expect("no such database");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_eq!(
        err.connection_failure(),
        Some(ConnectionFailure::DatabaseMissing)
    );
    assert_error(&err, false, &["csdb_no_such_database"]);
}

#[test]
fn refused_connections_are_transient() {
    // Port 1 on loopback: nothing listens, so the connection is refused at once.
    let err = connection::connect("postgres://app:pw@127.0.0.1:1/db?connect_timeout=2")
        .err()
        .expect("refused");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert_eq!(
        err.connection_failure(),
        Some(ConnectionFailure::Unreachable)
    );
    assert_error(&err, true, &["Connection refused", "127.0.0.1:1"]);
}

#[test]
fn a_connection_terminated_mid_session_is_transient() {
    let db = TestDatabase::new().unwrap();
    let mut victim = connection::connect(db.url()).unwrap();
    #[derive(QueryableByName)]
    struct Pid {
        #[diesel(sql_type = Integer)]
        pid: i32,
    }
    let pid = diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(&mut victim)
        .unwrap()
        .pid;
    let mut admin = connection::connect(db.url()).unwrap();
    diesel::sql_query("SELECT pg_terminate_backend($1)")
        .bind::<Integer, _>(pid)
        .execute(&mut admin)
        .unwrap();
    // pg_terminate_backend returns once the signal is sent: poll until the backend is gone.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let left: i64 = diesel::select(diesel::dsl::sql::<BigInt>(&format!(
            "(SELECT count(*) FROM pg_stat_activity WHERE pid = {pid})"
        )))
        .get_result(&mut admin)
        .unwrap();
        if left == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "backend {pid} still there");
        std::thread::sleep(Duration::from_millis(10));
    }
    let err = Customer::count(&mut victim).expect_err("connection is gone");
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert!(err.is_connection_error());
    assert_error(&err, true, &[]);
}

#[test]
fn server_messages_are_classified_as_the_table_says() {
    // libpq's and the server's own wording (PostgreSQL 15); the live cases are tested above.
    let cases = [
        (
            "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  the database system is shutting down",
            ConnectionFailure::ServerUnavailable,
        ),
        (
            "connection to server at \"db\" (10.0.0.1), port 5432 failed: FATAL:  the database system is starting up",
            ConnectionFailure::ServerUnavailable,
        ),
        (
            "FATAL:  sorry, too many clients already",
            ConnectionFailure::ServerUnavailable,
        ),
        (
            "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally",
            ConnectionFailure::Lost,
        ),
        (
            "could not receive data from server: Connection reset by peer",
            ConnectionFailure::Lost,
        ),
        (
            "FATAL:  terminating connection due to administrator command",
            ConnectionFailure::Lost,
        ),
        (
            "FATAL:  no pg_hba.conf entry for host \"10.0.0.2\", user \"app\", database \"cs\", no encryption",
            ConnectionFailure::Authentication,
        ),
        (
            "FATAL:  role \"nobody\" does not exist",
            ConnectionFailure::Authentication,
        ),
        (
            "timed out waiting for connection: connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  password authentication failed for user \"app\"",
            ConnectionFailure::Authentication,
        ),
    ];
    for (message, expected) in cases {
        assert_eq!(ConnectionFailure::classify(message), expected, "{message}");
        let err = Error::Connection {
            message: message.to_owned(),
        };
        assert_eq!(err.is_transient(), expected.is_transient(), "{message}");
    }
    assert!(ConnectionFailure::ServerUnavailable.is_transient());
    assert!(ConnectionFailure::Lost.is_transient());
    assert!(!ConnectionFailure::Authentication.is_transient());
}

// ---- passwords are redacted structurally -----------------------------------------------------

#[test]
fn passwords_are_redacted_structurally_never_by_substring() {
    // The password `postgres`, also the user's and the database's name.
    let url = "postgres://postgres:postgres@127.0.0.1:1/postgres?connect_timeout=2";
    let err = connection::connect(url).err().unwrap();
    let shown = err.to_string();
    assert!(
        shown.contains("(url: postgres://postgres:***@127.0.0.1:1/postgres?connect_timeout=2)"),
        "{shown}"
    );
    assert!(shown.starts_with("database connection failed: "), "{shown}");
    assert_error(&err, true, &["Connection refused"]);

    // The one-letter password `e`: every other `e` stays.
    let url = "postgres://app:e@127.0.0.1:1/db?connect_timeout=2";
    let err = connection::connect(url).err().unwrap();
    let shown = err.to_string();
    assert!(shown.starts_with("database connection failed: "), "{shown}");
    assert!(shown.contains("app:***@127.0.0.1:1/db"), "{shown}");
    assert!(!shown.contains(":e@"), "{shown}");
    assert_eq!(
        scrub_password("database connection failed", url),
        "database connection failed"
    );

    // Passwords containing `@`, `:` and `%40`, written raw and percent-encoded.
    for (url, shown) in [
        (
            "postgres://app:p@ss@db:5432/cs",
            "postgres://app:***@db:5432/cs",
        ),
        ("postgres://app:pa:ss@db/cs", "postgres://app:***@db/cs"),
        ("postgres://app:p%40ss@db/cs", "postgres://app:***@db/cs"),
        (
            "postgres://app:a%40b:c@db/cs?sslmode=disable",
            "postgres://app:***@db/cs?sslmode=disable",
        ),
        (
            "host=db user=app password='p@ss:w%40rd' dbname=cs",
            "host=db user=app password=*** dbname=cs",
        ),
        (
            "postgres://db/cs?user=app&password=p%40ss",
            "postgres://db/cs?user=app&password=***",
        ),
    ] {
        assert_eq!(redact(url), shown, "{url}");
        let message = format!("could not use {url}: Connection refused");
        let scrubbed = scrub_password(&message, url);
        assert_eq!(
            scrubbed,
            format!("could not use {shown}: Connection refused")
        );
    }
}

// ---- migrations -------------------------------------------------------------------------------

#[test]
fn migration_errors_show_their_cause() {
    let db = TestDatabase::empty().unwrap();
    let mut conn = db.connect().unwrap();
    // A table in the way of the first migration that creates it.
    conn.batch_execute("CREATE TABLE customers (x int)")
        .unwrap();
    let err = migrations::run_pending(&mut conn).expect_err("customers exists");
    assert!(matches!(err, Error::Migration { .. }), "{err:?}");
    assert_error(
        &err,
        false,
        &[
            "running pending migrations",
            "relation \"customers\" already exists",
        ],
    );
}

// ---- closed-set values ------------------------------------------------------------------------

fn priority(text: &str) -> customer_success_db::Result<TicketPriority> {
    // The point of the test: `?` converts UnknownValueError into the crate's Error.
    Ok(text.parse::<TicketPriority>()?)
}

#[test]
fn unknown_values_convert_into_the_crate_error() {
    assert_eq!(priority("P1").unwrap(), TicketPriority::P1);
    let err = priority("urgent").unwrap_err();
    assert!(matches!(err, Error::UnknownValue(_)), "{err:?}");
    assert_error(
        &err,
        false,
        &["\"urgent\"", "support_tickets.priority", "P0, P1"],
    );
    let err = priority(&"u".repeat(10_000_000)).unwrap_err();
    assert_error(&err, false, &["support_tickets.priority"]);
}

// ---- timeouts -----------------------------------------------------------------------------------

#[test]
fn statement_timeout_is_a_transient_timeout() {
    let db = TestDatabase::new().unwrap();
    let pool = connection::pool_with(
        db.url(),
        &PoolOptions {
            statement_timeout: Some(Duration::from_millis(50)),
            ..PoolOptions::default()
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    let err: Error = diesel::sql_query("SELECT pg_sleep(5)")
        .execute(&mut *conn)
        .map_err(Error::from)
        .expect_err("cancelled");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_error(&err, true, &["statement timeout"]);
    // A cancellation the user asked for is not a timeout.
    let cancelled: Error = diesel::result::Error::DatabaseError(
        diesel::result::DatabaseErrorKind::Unknown,
        Box::new("canceling statement due to user request".to_owned()),
    )
    .into();
    assert!(matches!(cancelled, Error::Database { .. }), "{cancelled:?}");
}

// ---- dates and lengths checked before sending ----------------------------------------------

#[test]
fn dates_outside_postgres_range_are_invalid_data_naming_the_column() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let new = NewCustomer::new("early", "Early", "Early Ltd", NaiveDate::MIN);
    let err = Customer::create(&mut conn, &new).expect_err("before 4714 BC");
    assert!(matches!(err, Error::InvalidData { .. }), "{err:?}");
    assert_error(
        &err,
        false,
        &["customers.contract_start_date", "4714-11-24 BC"],
    );

    // The boundary, derived from PostgreSQL's documented range (4713 BC = 4714-11-24 BC in
    // the proleptic Gregorian calendar, Julian day 0): the first day is stored, the one before
    // is refused in Rust; and the server itself refuses that day too, so the check is no
    // stricter than the column.
    let first = NaiveDate::from_ymd_opt(-4713, 11, 24).unwrap();
    assert_eq!(input::first_postgres_date(), first);
    let stored = Customer::create(&mut conn, &NewCustomer::new("first", "F", "F", first)).unwrap();
    assert_eq!(stored.contract_start_date, first);
    let before = first.pred_opt().unwrap();
    let err = Customer::create(&mut conn, &NewCustomer::new("before", "B", "B", before))
        .expect_err("one day too early");
    assert_error(&err, false, &["customers.contract_start_date"]);
    let err: Error = diesel::select(diesel::dsl::sql::<Date>("").bind::<Date, _>(before))
        .get_result::<NaiveDate>(&mut conn)
        .map_err(Error::from)
        .expect_err("the server refuses it too");
    assert!(matches!(err, Error::InvalidData { .. }), "{err:?}");
    assert_error(&err, false, &["date out of range"]);

    // Changesets and timestamps are checked the same way.
    let changes = CustomerChanges {
        renewal_date: Some(Some(NaiveDate::MIN)),
        ..Default::default()
    };
    let err = Customer::update(&mut conn, stored.id, &changes).expect_err("out of range");
    assert_error(&err, false, &["customers.renewal_date"]);
    let ts = NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap().and_utc();
    let new = NewCustomer {
        last_engagement_date: Some(ts),
        ..NewCustomer::new("ts", "T", "T", start())
    };
    let err = Customer::create(&mut conn, &new).expect_err("out of range");
    assert_error(&err, false, &["customers.last_engagement_date"]);
}

#[test]
fn varchar_lengths_are_checked_naming_the_column() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    // 100 two-byte characters fit varchar(100): characters are counted, not bytes.
    let fits = "é".repeat(100);
    Customer::create(
        &mut conn,
        &NewCustomer::new(fits.clone(), "A", "A", start()),
    )
    .unwrap();
    assert_eq!(
        Customer::get_by_key(&mut conn, &fits).unwrap().client_id,
        fits
    );

    for (new, column) in [
        (
            NewCustomer::new("x".repeat(101), "A", "A", start()),
            "customers.client_id",
        ),
        (
            NewCustomer::new("b", "A", "c".repeat(201), start()),
            "customers.company_name",
        ),
        (
            NewCustomer {
                industry: Some("i".repeat(101)),
                ..NewCustomer::new("c", "A", "A", start())
            },
            "customers.industry",
        ),
    ] {
        let err = Customer::create(&mut conn, &new).expect_err("too long");
        assert!(matches!(err, Error::InvalidData { .. }), "{err:?}");
        assert_error(&err, false, &[column, "longer than varchar"]);
    }
    // Bulk inserts name the row; a 10 MB value stays out of the message.
    let rows = vec![
        NewCustomer::new("ok", "A", "A", start()),
        NewCustomer::new("y".repeat(10_000_000), "A", "A", start()),
    ];
    let err = Customer::create_many(&mut conn, &rows).expect_err("too long");
    assert_error(&err, false, &["customers.client_id", "row 1 of 2"]);
    assert_eq!(
        Customer::count(&mut conn).unwrap(),
        1,
        "nothing of the batch was inserted"
    );
    let changes = CustomerChanges {
        csm_assigned: Some(Some("z".repeat(201))),
        ..Default::default()
    };
    let err = Customer::update(&mut conn, 1, &changes).expect_err("too long");
    assert_error(&err, false, &["customers.csm_assigned"]);
}

#[test]
fn checked_columns_match_the_live_catalog() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    #[derive(QueryableByName)]
    struct Column {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Text)]
        data_type: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<Integer>)]
        max_len: Option<i32>,
    }
    let catalog: Vec<Column> = diesel::sql_query(
        "SELECT table_name || '.' || column_name AS name, data_type::text AS data_type,
                character_maximum_length AS max_len
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .load(&mut conn)
    .unwrap();
    assert!(
        CHECKED_COLUMNS.len() > 100,
        "{} checked",
        CHECKED_COLUMNS.len()
    );
    for (column, rule) in CHECKED_COLUMNS {
        let live = catalog
            .iter()
            .find(|c| c.name == *column)
            .unwrap_or_else(|| panic!("{column} is not in the database"));
        match rule {
            Rule::MaxChars(n) => {
                assert_eq!(live.data_type, "character varying", "{column}");
                assert_eq!(live.max_len, Some(*n as i32), "{column}");
            }
            Rule::Date => assert_eq!(live.data_type, "date", "{column}"),
            Rule::Timestamp => assert!(live.data_type.starts_with("timestamp"), "{column}"),
        }
    }
}

// ---- serde errors name the field --------------------------------------------------------------

#[test]
fn json_errors_name_the_field_and_path() {
    let customer = |extra: &str| {
        format!(
            r#"{{"client_id":"a","client_name":"A","company_name":"A","contract_start_date":"2025-01-01"{extra}}}"#
        )
    };
    assert!(input::from_json::<NewCustomer>(&customer("")).is_ok());
    for (extra, path, words) in [
        (
            r#","contract_value":"-5""#,
            "contract_value",
            &["out of range"][..],
        ),
        (
            r#","contract_value":"1.005""#,
            "contract_value",
            &["decimal places"][..],
        ),
        (
            r#","renewal_date":"2025-13-01""#,
            "renewal_date",
            &["input is out of range"][..],
        ),
        (
            r#","last_engagement_date":"2025-01""#,
            "last_engagement_date",
            &["premature end of input"][..],
        ),
        (r#","tier":"platinum""#, "tier", &["customers.tier"][..]),
    ] {
        let err = input::from_json::<NewCustomer>(&customer(extra)).unwrap_err();
        let Error::Deserialize { path: at, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(at, path, "{err}");
        assert_error(&err, false, &[&format!("invalid JSON at `{path}`: ")]);
        assert_error(&err, false, words);
    }

    // Nested input: the index and the field.
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Batch {
        tickets: Vec<NewSupportTicket>,
    }
    let ticket = |priority: &str| {
        format!(
            r#"{{"ticket_id":"t","client_id":"a","subject":"s","description":"d","priority":"{priority}",
                "category":"technical_issue","requester_email":"e@x","requester_name":"n",
                "sla_first_response_minutes":60,"sla_resolution_minutes":480}}"#
        )
    };
    let ok = ticket("P1");
    assert!(
        input::from_json::<NewSupportTicket>(&ok).is_ok(),
        "{:?}",
        input::from_json::<NewSupportTicket>(&ok).err()
    );
    let json = format!(
        r#"{{"tickets":[{ok},{ok},{ok},{}]}}"#,
        ticket(&"urgent".repeat(1_000_000))
    );
    let err = input::from_json::<Batch>(&json).unwrap_err();
    let Error::Deserialize { path, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "tickets[3].priority");
    assert_error(
        &err,
        false,
        &["tickets[3].priority", "support_tickets.priority"],
    );

    let err = input::from_json::<NewCustomer>("{} trailing").unwrap_err();
    assert!(matches!(err, Error::Deserialize { .. }), "{err:?}");
}

// ---- echoed input is bounded ------------------------------------------------------------------

#[test]
fn huge_inputs_are_not_echoed_whole() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let huge = "k".repeat(10 * 1024 * 1024);
    let err = Customer::get_by_key(&mut conn, &huge).expect_err("no such customer");
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert_error(
        &err,
        false,
        &["customers with client_id = \"kkkk", "…", "not found"],
    );

    // A server message that quotes the input (invalid integer syntax) is cut as well.
    let err: Error = diesel::sql_query(format!("SELECT '{huge}'::integer"))
        .execute(&mut conn)
        .map_err(Error::from)
        .expect_err("not an integer");
    assert!(matches!(err, Error::InvalidData { .. }), "{err:?}");
    assert_error(&err, false, &["invalid input syntax for type integer"]);

    let err: Error = diesel::sql_query(format!("SELECT no_such_function('{huge}')"))
        .execute(&mut conn)
        .map_err(Error::from)
        .expect_err("no such function");
    assert!(matches!(err, Error::Database { .. }), "{err:?}");
    assert_error(&err, false, &["no_such_function"]);

    let err: Error = huge
        .parse::<customer_success_db::types::Money>()
        .unwrap_err()
        .into();
    assert!(matches!(err, Error::Validation(_)), "{err:?}");
    assert_error(&err, false, &["money"]);
}

// ---- one classification table ---------------------------------------------------------------

#[test]
fn the_readme_and_the_rustdoc_show_the_same_classification_table() {
    let rustdoc: Vec<&str> = include_str!("../src/error.rs")
        .lines()
        .filter_map(|l| l.strip_prefix("//! |"))
        .collect();
    let readme: Vec<&str> = include_str!("../README.md")
        .lines()
        .skip_while(|l| !l.starts_with("| what happened |"))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.strip_prefix('|'))
        .collect();
    assert!(rustdoc.len() > 10, "{rustdoc:?}");
    assert_eq!(
        readme, rustdoc,
        "README.md's error table differs from src/error.rs's"
    );
}

/// Two transactions that lock two customers in opposite orders: PostgreSQL aborts one of them
/// with "deadlock detected" (40P01) after `deadlock_timeout` (1 s by default). That error is
/// worth a retry — `is_transient()` says so, and `serializable_transaction` retries it.
#[test]
fn a_deadlock_is_transient() {
    let db = TestDatabase::new().unwrap();
    let mut setup = db.connect().unwrap();
    for key in ["dl-a", "dl-b"] {
        Customer::create(&mut setup, &NewCustomer::new(key, key, key, start())).unwrap();
    }
    let touch = |conn: &mut PgConnection, key: &str| -> Result<(), Error> {
        Customer::update_by_key(
            conn,
            key,
            &CustomerChanges {
                csm_assigned: Some(Some("deadlock".into())),
                ..Default::default()
            },
        )
        .map(|_| ())
    };
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let run = |first: &'static str, second: &'static str| {
        let (url, barrier) = (db.url().to_owned(), barrier.clone());
        std::thread::spawn(move || {
            let mut conn = connection::connect(&url).unwrap();
            customer_success_db::transaction(&mut conn, |conn| {
                touch(conn, first)?;
                barrier.wait(); // both hold their first lock
                touch(conn, second)
            })
        })
    };
    let (a, b) = (run("dl-a", "dl-b"), run("dl-b", "dl-a"));
    let results = [a.join().unwrap(), b.join().unwrap()];
    let failed: Vec<&Error> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(failed.len(), 1, "exactly one is aborted: {results:?}");
    assert!(
        matches!(failed[0], Error::Database { .. }),
        "{:?}",
        failed[0]
    );
    assert_error(failed[0], true, &["deadlock detected"]);
}
