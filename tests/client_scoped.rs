//! The client-scoped CRUD variants (`ForClient`: by `(client_id, id)`; `ByClientKey`: by
//! `(client_id, business key)`), on every table that has them, against real PostgreSQL: each
//! finds, updates and deletes the right row, another customer's row is not found, and a
//! `client_id` no customer can have is refused before anything is sent. The unscoped by-key
//! writes, which now look up the key's customer first, are checked on the same data.
//!
//! On the harness's Citus cluster (`common::distributed_db`), the statements the crate really
//! sends (captured through Diesel's instrumentation, the same text `debug_query` prints) are
//! EXPLAINed: a scoped read or write is one task on one worker, the unscoped one a task per
//! shard. That is issue 12's "EXPLAIN of a per-customer read and write shows a single task on
//! one worker".

mod common;

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use common::TestDatabase;
use customer_success_db::crud::{ByClientKey, ByKey, Crud, ForClient};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::Error;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};

#[derive(QueryableByName)]
struct Owned {
    #[diesel(sql_type = Text)]
    client_id: String,
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The first row (by `id`) of `table` that has a customer, with its business key (`key_column`,
/// or its id when the table has none).
fn first_owned_row(conn: &mut PgConnection, table: &str, key_column: Option<&str>) -> Owned {
    let key = key_column.unwrap_or("id");
    let sql = format!(
        "SELECT client_id::text AS client_id, {key}::text AS key, id FROM {table} \
         WHERE client_id IS NOT NULL ORDER BY id LIMIT 1"
    );
    diesel::sql_query(&sql)
        .get_result(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A customer other than `client_id` (the demo data has several).
fn other_customer(conn: &mut PgConnection, client_id: &str) -> String {
    #[derive(QueryableByName)]
    struct C {
        #[diesel(sql_type = Text)]
        client_id: String,
    }
    diesel::sql_query(
        "SELECT client_id FROM customers WHERE client_id <> $1 ORDER BY id DESC LIMIT 1",
    )
    .bind::<Text, _>(client_id)
    .get_result::<C>(conn)
    .expect("another customer")
    .client_id
}

/// Runs `check` in a transaction that is rolled back, so that its deletes (and their
/// cascades) leave the demo data whole for the next table.
fn rolled_back(conn: &mut PgConnection, check: impl FnOnce(&mut PgConnection)) {
    let _ = conn.transaction::<(), diesel::result::Error, _>(|conn| {
        check(conn);
        Err(diesel::result::Error::RollbackTransaction)
    });
}

fn demo_db() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    demo::load(&mut conn, &DemoConfig::new(12, 12), &mut |_| {}).expect("demo load");
    (db, conn)
}

fn assert_not_found(result: Result<impl Debug, Error>, table: &str, needles: &[&str]) {
    match result {
        Err(Error::NotFound { what, .. }) => {
            assert!(what.starts_with(table), "{what}");
            for n in needles {
                assert!(what.contains(n), "{what} should name {n}");
            }
        }
        other => panic!("{table}: expected NotFound, got {other:?}"),
    }
}

/// What every `ForClient` method answers for a `client_id` no customer can have.
fn assert_refused<T: ForClient + Debug>(conn: &mut PgConnection, id: i64)
where
    T::Changes: Default,
{
    let table = T::TABLE;
    let column = format!("{table}.client_id");
    let too_long = "c".repeat(101);
    for bad in ["", "  \t\n"] {
        let results: Vec<Result<(), Error>> = vec![
            T::get_for_client(conn, bad, id).map(drop),
            T::find_for_client(conn, bad, id).map(drop),
            T::update_for_client(conn, bad, id, &T::Changes::default()).map(drop),
            T::delete_for_client(conn, bad, id).map(drop),
        ];
        for r in results {
            match r {
                Err(Error::Validation(e)) => assert!(e.to_string().contains("client_id"), "{e}"),
                other => panic!("{table} with client_id {bad:?}: {other:?}"),
            }
        }
    }
    let results: Vec<Result<(), Error>> = vec![
        T::get_for_client(conn, &too_long, id).map(drop),
        T::find_for_client(conn, &too_long, id).map(drop),
        T::update_for_client(conn, &too_long, id, &T::Changes::default()).map(drop),
        T::delete_for_client(conn, &too_long, id).map(drop),
    ];
    for r in results {
        match r {
            Err(e @ Error::InvalidData { .. }) => {
                let text = e.to_string();
                assert!(text.contains(&column), "{text}");
                assert!(text.contains("101 characters"), "{text}");
            }
            other => panic!("{table} with a 101-character client_id: {other:?}"),
        }
    }
}

/// `ForClient` on `T`'s first row with a customer: the right row, and nothing of another
/// customer's.
fn check_for_client<T>(conn: &mut PgConnection)
where
    T: ForClient + PartialEq + Debug,
    T::Changes: Default,
{
    let table = T::TABLE;
    let row = first_owned_row(conn, table, None);
    let (client, id) = (row.client_id.as_str(), row.id);
    let other = other_customer(conn, client);
    let stored = T::get(conn, id).unwrap();

    assert_eq!(
        T::get_for_client(conn, client, id).unwrap(),
        stored,
        "{table}"
    );
    assert_eq!(
        T::find_for_client(conn, client, id).unwrap().as_ref(),
        Some(&stored),
        "{table}"
    );
    // An empty changeset: the row as it is.
    assert_eq!(
        T::update_for_client(conn, client, id, &T::Changes::default()).unwrap(),
        stored,
        "{table}"
    );

    // The id of another customer's row: not found, whatever the method.
    let id_text = id.to_string();
    assert_not_found(
        T::get_for_client(conn, &other, id),
        table,
        &[&other, &id_text],
    );
    assert_eq!(
        T::find_for_client(conn, &other, id).unwrap(),
        None,
        "{table}"
    );
    assert_not_found(
        T::update_for_client(conn, &other, id, &T::Changes::default()),
        table,
        &[&other],
    );
    assert!(!T::delete_for_client(conn, &other, id).unwrap(), "{table}");
    assert_eq!(T::get(conn, id).unwrap(), stored, "{table}: still there");
    // No such id at all.
    assert_not_found(T::get_for_client(conn, client, -1), table, &[client]);

    assert_refused::<T>(conn, id);

    assert!(T::delete_for_client(conn, client, id).unwrap(), "{table}");
    assert!(!T::delete_for_client(conn, client, id).unwrap(), "{table}");
    assert_eq!(
        T::find_for_client(conn, client, id).unwrap(),
        None,
        "{table}"
    );
    assert_not_found(T::get(conn, id), table, &[]);
}

/// `ByClientKey` on `T`'s first row with a customer, by its business key `key_column`.
fn check_by_client_key<T>(conn: &mut PgConnection, key_column: &str)
where
    T: ByClientKey + PartialEq + Debug,
    T::Changes: Default,
{
    let table = T::TABLE;
    let row = first_owned_row(conn, table, Some(key_column));
    let (client, key) = (row.client_id.as_str(), row.key.as_str());
    let other = other_customer(conn, client);
    let stored = T::get_by_key(conn, key).unwrap();
    assert_eq!(T::get(conn, row.id).unwrap(), stored);

    assert_eq!(
        T::get_by_client_key(conn, client, key).unwrap(),
        stored,
        "{table}"
    );
    assert_eq!(
        T::find_by_client_key(conn, client, key).unwrap().as_ref(),
        Some(&stored),
        "{table}"
    );
    assert_eq!(
        T::update_by_client_key(conn, client, key, &T::Changes::default()).unwrap(),
        stored,
        "{table}"
    );

    assert_not_found(
        T::get_by_client_key(conn, &other, key),
        table,
        &[&other, key, key_column],
    );
    assert_eq!(T::find_by_client_key(conn, &other, key).unwrap(), None);
    assert_not_found(
        T::update_by_client_key(conn, &other, key, &T::Changes::default()),
        table,
        &[&other, key],
    );
    assert!(
        !T::delete_by_client_key(conn, &other, key).unwrap(),
        "{table}"
    );
    assert_eq!(
        T::get_by_key(conn, key).unwrap(),
        stored,
        "{table}: still there"
    );
    assert_not_found(
        T::get_by_client_key(conn, client, "no-such-key"),
        table,
        &["no-such-key"],
    );

    for bad in ["", " "] {
        let results: Vec<Result<(), Error>> = vec![
            T::get_by_client_key(conn, bad, key).map(drop),
            T::find_by_client_key(conn, bad, key).map(drop),
            T::update_by_client_key(conn, bad, key, &T::Changes::default()).map(drop),
            T::delete_by_client_key(conn, bad, key).map(drop),
        ];
        for r in results {
            assert!(matches!(r, Err(Error::Validation(_))), "{table}: {r:?}");
        }
    }
    let too_long = "c".repeat(101);
    let r = T::find_by_client_key(conn, &too_long, key);
    assert!(
        matches!(r, Err(Error::InvalidData { .. })),
        "{table}: {r:?}"
    );

    assert!(
        T::delete_by_client_key(conn, client, key).unwrap(),
        "{table}"
    );
    assert!(
        !T::delete_by_client_key(conn, client, key).unwrap(),
        "{table}"
    );
    assert_eq!(T::find_by_key(conn, key).unwrap(), None, "{table}");
}

/// The unscoped by-key writes of a table whose key is unique per customer (they look up the
/// key's customer, then write client-scoped): the same answers as before.
fn check_unscoped_key_writes<T>(conn: &mut PgConnection, key_column: &str)
where
    T: ByClientKey + PartialEq + Debug,
    T::Changes: Default,
{
    let table = T::TABLE;
    let row = first_owned_row(conn, table, Some(key_column));
    let stored = T::get_by_key(conn, &row.key).unwrap();
    assert_eq!(
        T::update_by_key(conn, &row.key, &T::Changes::default()).unwrap(),
        stored,
        "{table}"
    );
    assert_not_found(
        T::update_by_key(conn, "no-such-key", &T::Changes::default()),
        table,
        &[key_column, "no-such-key"],
    );
    assert!(!T::delete_by_key(conn, "no-such-key").unwrap(), "{table}");
    assert!(T::delete_by_key(conn, &row.key).unwrap(), "{table}");
    assert!(!T::delete_by_key(conn, &row.key).unwrap(), "{table}");
    assert_eq!(T::find_by_key(conn, &row.key).unwrap(), None, "{table}");
}

macro_rules! for_client_tables {
    ($conn:expr, $($row:ty),+ $(,)?) => {
        $( rolled_back($conn, |c| check_for_client::<$row>(c)); )+
    };
}

macro_rules! by_client_key_tables {
    ($conn:expr, $($row:ty: $key:literal),+ $(,)?) => {
        $(
            rolled_back($conn, |c| check_by_client_key::<$row>(c, $key));
            rolled_back($conn, |c| check_unscoped_key_writes::<$row>(c, $key));
        )+
    };
}

#[test]
fn for_client_reads_updates_and_deletes_the_customers_row_only_on_every_table() {
    let (_db, mut conn) = demo_db();
    let conn = &mut conn;
    for_client_tables!(
        conn,
        Customer,
        HealthScoreRecord,
        RiskIndicator,
        ChurnPrediction,
        OnboardingPlan,
        TrainingCompletion,
        SupportTicket,
        Contract,
        RenewalForecast,
        ExpansionOpportunity,
        CustomerFeedback,
        NpsResponse,
        SentimentAnalysis,
        HealthMetric,
        EngagementMetric,
        UsageAnalytics,
        OnboardingMilestone,
        TicketComment,
    );
}

#[test]
fn by_client_key_reads_updates_and_deletes_the_customers_row_only_on_every_table() {
    let (_db, mut conn) = demo_db();
    let conn = &mut conn;
    by_client_key_tables!(
        conn,
        OnboardingPlan: "plan_id",
        TrainingCompletion: "completion_id",
        SupportTicket: "ticket_id",
        Contract: "contract_id",
        RenewalForecast: "forecast_id",
        ExpansionOpportunity: "opportunity_id",
        CustomerFeedback: "feedback_id",
        NpsResponse: "response_id",
        SentimentAnalysis: "analysis_id",
        TicketComment: "comment_id",
    );
}

#[test]
fn scoped_updates_change_only_the_named_customers_row() {
    let (_db, mut conn) = demo_db();
    let conn = &mut conn;
    let row = first_owned_row(conn, "support_tickets", Some("ticket_id"));
    let other = other_customer(conn, &row.client_id);
    let before = SupportTicket::get(conn, row.id).unwrap();
    let changes = SupportTicketChanges {
        subject: Some("Scoped by id".into()),
        ..Default::default()
    };

    // The wrong customer: not found, nothing changed.
    assert_not_found(
        SupportTicket::update_for_client(conn, &other, row.id, &changes),
        "support_tickets",
        &[&other],
    );
    assert_eq!(SupportTicket::get(conn, row.id).unwrap(), before);

    let after = SupportTicket::update_for_client(conn, &row.client_id, row.id, &changes).unwrap();
    assert_eq!(after.id, before.id);
    assert_eq!(after.subject, "Scoped by id");
    assert_eq!(SupportTicket::get(conn, row.id).unwrap(), after);

    let changes = SupportTicketChanges {
        subject: Some("Scoped by key".into()),
        ..Default::default()
    };
    assert_not_found(
        SupportTicket::update_by_client_key(conn, &other, &row.key, &changes),
        "support_tickets",
        &[&other, &row.key],
    );
    let after =
        SupportTicket::update_by_client_key(conn, &row.client_id, &row.key, &changes).unwrap();
    assert_eq!(
        (after.id, after.subject.as_str()),
        (row.id, "Scoped by key")
    );

    // The unscoped update by key reaches the same row (through the key's customer).
    let changes = SupportTicketChanges {
        subject: Some("Unscoped by key".into()),
        ..Default::default()
    };
    let after = SupportTicket::update_by_key(conn, &row.key, &changes).unwrap();
    assert_eq!(
        (after.id, after.subject.as_str()),
        (row.id, "Unscoped by key")
    );

    // A changeset that does not fit is refused before anything is sent.
    let too_long = SupportTicketChanges {
        subject: Some("s".repeat(501)),
        ..Default::default()
    };
    for r in [
        SupportTicket::update_for_client(conn, &row.client_id, row.id, &too_long),
        SupportTicket::update_by_client_key(conn, &row.client_id, &row.key, &too_long),
    ] {
        match r {
            Err(e @ Error::InvalidData { .. }) => {
                assert!(e.to_string().contains("support_tickets.subject"), "{e}")
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(SupportTicket::get(conn, row.id).unwrap(), after);

    // Customer: by id, scoped by its own client_id; a row of another customer is not found.
    let acme = Customer::get_by_key(conn, &row.client_id).unwrap();
    let changes = CustomerChanges {
        tier: Some(CustomerTier::Enterprise),
        ..Default::default()
    };
    assert_not_found(
        Customer::update_for_client(conn, &other, acme.id, &changes),
        "customers",
        &[&other],
    );
    let updated = Customer::update_for_client(conn, &row.client_id, acme.id, &changes).unwrap();
    assert_eq!(updated.tier, CustomerTier::Enterprise);
}

#[test]
fn a_client_id_the_server_cannot_take_is_invalid_data() {
    let (_db, mut conn) = demo_db();
    // A NUL byte passes the crate's checks (the column has room) and PostgreSQL refuses it:
    // the crate's error for bad data, not a panic or a generic database error.
    let r = SupportTicket::find_for_client(&mut conn, "acme\0", 1);
    assert!(matches!(r, Err(Error::InvalidData { .. })), "{r:?}");
    let r = SupportTicket::find_by_client_key(&mut conn, "acme\0", "T-1");
    assert!(matches!(r, Err(Error::InvalidData { .. })), "{r:?}");
    // 100 characters fit: an ordinary "not found".
    let fits = "é".repeat(100);
    assert_eq!(
        SupportTicket::find_for_client(&mut conn, &fits, 1).unwrap(),
        None
    );
}

// ---- on the Citus cluster: one task for the scoped calls, one per shard for the others ----

/// Every statement `conn` sends while `run` runs, as Diesel's `debug_query` prints it
/// (`SQL -- binds: [...]`), captured through the connection's instrumentation.
fn statements_of(conn: &mut PgConnection, run: impl FnOnce(&mut PgConnection)) -> Vec<String> {
    let sent = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&sent);
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            sink.lock().unwrap().push(query.to_string());
        }
    });
    run(conn);
    conn.set_instrumentation(NoInstrumentation);
    let sent = sent.lock().unwrap().clone();
    sent
}

struct NoInstrumentation;

impl Instrumentation for NoInstrumentation {
    fn on_connection_event(&mut self, _: InstrumentationEvent<'_>) {}
}

#[derive(QueryableByName)]
struct PlanLine {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    line: String,
}

/// `EXPLAIN (COSTS OFF)` of a statement captured by [`statements_of`], with its binds (the
/// test's binds are strings and integers, which `debug_query` prints as JSON would).
fn explain_sent(conn: &mut PgConnection, statement: &str) -> Vec<String> {
    let (sql, binds) = statement
        .rsplit_once(" -- binds: ")
        .unwrap_or_else(|| panic!("no binds in {statement}"));
    let binds: Vec<serde_json::Value> =
        serde_json::from_str(binds).unwrap_or_else(|e| panic!("binds of {statement}: {e}"));
    let mut query = diesel::sql_query(format!("EXPLAIN (COSTS OFF) {sql}")).into_boxed();
    for b in binds {
        query = match b {
            serde_json::Value::String(s) => query.bind::<Text, _>(s),
            serde_json::Value::Number(n) => query.bind::<BigInt, _>(n.as_i64().expect("i64")),
            other => panic!("unexpected bind {other} in {statement}"),
        };
    }
    query
        .load::<PlanLine>(conn)
        .unwrap_or_else(|e| panic!("EXPLAIN {sql}: {e}"))
        .into_iter()
        .map(|l| l.line)
        .collect()
}

/// The task count of a Citus plan and the number of worker nodes its tasks show.
fn tasks(plan: &[String]) -> (i64, usize) {
    let count = plan
        .iter()
        .find_map(|l| l.trim().strip_prefix("Task Count: "))
        .unwrap_or_else(|| panic!("not a Citus plan:\n{}", plan.join("\n")))
        .parse()
        .expect("a task count");
    let nodes = plan
        .iter()
        .filter(|l| l.trim().starts_with("Node: "))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    (count, nodes)
}

#[test]
fn on_citus_a_customers_read_and_write_is_one_task_on_one_worker_and_the_unscoped_fan_out() {
    let Some(db) = common::distributed_db(
        "on_citus_a_customers_read_and_write_is_one_task_on_one_worker_and_the_unscoped_fan_out",
    ) else {
        return;
    };
    let mut conn = db.connect().expect("connect to the coordinator");
    let conn = &mut conn;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    Customer::create(conn, &NewCustomer::new("acme", "Acme", "Acme Corp", day)).unwrap();
    Customer::create(conn, &NewCustomer::new("globex", "Globex", "Globex", day)).unwrap();
    let count = |v| Count::new(v).unwrap();
    let ticket = SupportTicket::create(
        conn,
        &NewSupportTicket::new(
            "T-1",
            "acme",
            "SSO fails",
            "since 9:00",
            TicketPriority::P1,
            TicketCategory::TechnicalIssue,
            "it@acme.example",
            "Dana",
            count(60),
            count(480),
        ),
    )
    .unwrap();

    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let shards = diesel::sql_query(
        "SELECT count(*) AS n FROM pg_dist_shard WHERE logicalrelid = 'support_tickets'::regclass",
    )
    .get_result::<N>(conn)
    .unwrap()
    .n;
    assert!(shards > 1, "support_tickets has {shards} shards");

    let changes = SupportTicketChanges {
        subject: Some("SSO fails for the EU tenant".into()),
        ..Default::default()
    };
    let id = ticket.id;
    type Call<'a> = Box<dyn FnOnce(&mut PgConnection) + 'a>;
    // (what, the call, the task count of each statement it sends)
    let cases: Vec<(&str, Call, Vec<i64>)> =
        vec![
        (
            "ForClient::get_for_client",
            Box::new(|c| assert_eq!(SupportTicket::get_for_client(c, "acme", id).unwrap().id, id)),
            vec![1],
        ),
        (
            "ByClientKey::get_by_client_key",
            Box::new(|c| {
                assert_eq!(SupportTicket::get_by_client_key(c, "acme", "T-1").unwrap().id, id)
            }),
            vec![1],
        ),
        (
            "ForClient::update_for_client",
            Box::new(|c| {
                SupportTicket::update_for_client(c, "acme", id, &changes).unwrap();
            }),
            vec![1],
        ),
        (
            "ByClientKey::update_by_client_key",
            Box::new(|c| {
                SupportTicket::update_by_client_key(c, "acme", "T-1", &changes).unwrap();
            }),
            vec![1],
        ),
        (
            "ForClient::delete_for_client (another customer's id: nothing deleted)",
            Box::new(|c| assert!(!SupportTicket::delete_for_client(c, "globex", id).unwrap())),
            vec![1],
        ),
        (
            "Crud::get",
            Box::new(|c| assert_eq!(SupportTicket::get(c, id).unwrap().id, id)),
            vec![shards],
        ),
        (
            "ByKey::get_by_key",
            Box::new(|c| assert_eq!(SupportTicket::get_by_key(c, "T-1").unwrap().id, id)),
            vec![shards],
        ),
        (
            "Crud::update",
            Box::new(|c| {
                SupportTicket::update(c, id, &changes).unwrap();
            }),
            vec![shards],
        ),
        (
            "Crud::delete (no such id)",
            Box::new(|c| assert!(!SupportTicket::delete(c, -1).unwrap())),
            vec![shards],
        ),
        (
            "ByKey::update_by_key (a fan-out lookup of the key's customer, then a router write)",
            Box::new(|c| {
                SupportTicket::update_by_key(c, "T-1", &changes).unwrap();
            }),
            vec![shards, 1],
        ),
    ];
    for (what, call, expected) in cases {
        let sent = statements_of(conn, call);
        assert_eq!(sent.len(), expected.len(), "{what} sent {sent:#?}");
        for (statement, want) in sent.iter().zip(expected) {
            let plan = explain_sent(conn, statement);
            let (count, nodes) = tasks(&plan);
            let from = statement.find(" FROM ").unwrap_or(0);
            println!(
                "{what}: Task Count {count}\n  {}…{}",
                &statement[..statement.len().min(40)],
                &statement[from..statement.len().min(from + 160)]
            );
            assert_eq!(count, want, "{what}: {statement}\n{}", plan.join("\n"));
            if want == 1 {
                assert_eq!(nodes, 1, "{what}: one worker\n{}", plan.join("\n"));
                assert!(
                    plan.iter().any(|l| l.contains("Tasks Shown: All")),
                    "{}",
                    plan.join("\n")
                );
            }
        }
    }
}

// ---- a business key two customers share (unique per customer only) ----

/// Two customers with a ticket `T-1` each: the unscoped by-key calls refuse to choose, the
/// scoped ones reach exactly their customer's row.
fn check_shared_key(conn: &mut PgConnection) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let count = |v| Count::new(v).unwrap();
    let mut tickets = Vec::new();
    for client in ["acme", "globex"] {
        Customer::create(conn, &NewCustomer::new(client, client, "Co", day)).unwrap();
        tickets.push(
            SupportTicket::create(
                conn,
                &NewSupportTicket::new(
                    "T-1",
                    client,
                    format!("{client}'s ticket"),
                    "body",
                    TicketPriority::P2,
                    TicketCategory::Other,
                    "r@x.io",
                    "R",
                    count(60),
                    count(480),
                ),
            )
            .unwrap(),
        );
    }
    let ambiguous = |r: Result<(), Error>| match r {
        Err(e @ Error::AmbiguousKey { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains("support_tickets with ticket_id = \"T-1\"")
                    && text.contains("more than one customer"),
                "{text}"
            );
        }
        other => panic!("expected AmbiguousKey, got {other:?}"),
    };
    let changes = SupportTicketChanges {
        subject: Some("changed".into()),
        ..Default::default()
    };
    ambiguous(SupportTicket::get_by_key(conn, "T-1").map(drop));
    ambiguous(SupportTicket::find_by_key(conn, "T-1").map(drop));
    ambiguous(SupportTicket::update_by_key(conn, "T-1", &changes).map(drop));
    ambiguous(
        SupportTicket::update_by_key(conn, "T-1", &SupportTicketChanges::default()).map(drop),
    );
    ambiguous(SupportTicket::delete_by_key(conn, "T-1").map(drop));
    // Nothing was changed or deleted.
    for t in &tickets {
        assert_eq!(&SupportTicket::get(conn, t.id).unwrap(), t);
    }

    // With the customer: exactly that row.
    for t in &tickets {
        assert_eq!(
            &SupportTicket::get_by_client_key(conn, &t.client_id, "T-1").unwrap(),
            t
        );
    }
    let acme = SupportTicket::update_by_client_key(conn, "acme", "T-1", &changes).unwrap();
    assert_eq!((acme.id, acme.subject.as_str()), (tickets[0].id, "changed"));
    assert_eq!(SupportTicket::get(conn, tickets[1].id).unwrap(), tickets[1]);
    assert!(SupportTicket::delete_by_client_key(conn, "globex", "T-1").unwrap());
    assert_eq!(
        SupportTicket::find_for_client(conn, "globex", tickets[1].id).unwrap(),
        None
    );
    // One row left: the unscoped read finds it again.
    assert_eq!(SupportTicket::get_by_key(conn, "T-1").unwrap(), acme);
}

#[test]
fn a_business_key_two_customers_share_is_refused_without_the_customer() {
    let db = TestDatabase::new().expect("test database");
    check_shared_key(&mut db.connect().expect("connect"));
}

#[test]
fn a_business_key_two_customers_share_is_refused_without_the_customer_on_citus() {
    let Some(db) = common::distributed_db(
        "a_business_key_two_customers_share_is_refused_without_the_customer_on_citus",
    ) else {
        return;
    };
    check_shared_key(&mut db.connect().expect("connect to the coordinator"));
}
