//! Schema v2's CSM workload summary (migration `2026-11-30-000006_v2_csm_summary`): the table the
//! CSM workload dashboard reads is kept exact by triggers on `customers`, whatever writes them
//! (single rows, multi-row statements, the health-score trigger, cascades, COPY, TRUNCATE), and
//! concurrent writers of one CSM's customers neither wait for each other nor deadlock.
mod common;

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::TestDatabase;
use customer_success_db::crud::{Page, Paged};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::{maintenance, queries};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};

#[derive(QueryableByName, Debug, Clone, PartialEq)]
struct Group {
    #[diesel(sql_type = Nullable<Text>)]
    csm: Option<String>,
    #[diesel(sql_type = BigInt)]
    customers: i64,
    #[diesel(sql_type = BigInt)]
    health: i64,
}

/// The summary as the dashboard sees it: a CSM's rows summed, CSMs whose rows sum to nothing
/// left out.
fn summary(conn: &mut PgConnection) -> Vec<Group> {
    diesel::sql_query(
        "SELECT csm_assigned AS csm, sum(customer_count)::bigint AS customers,
                sum(health_sum)::bigint AS health
           FROM csm_workload_summary
          GROUP BY csm_assigned
         HAVING sum(customer_count) <> 0 OR sum(health_sum) <> 0
          ORDER BY csm_assigned NULLS LAST",
    )
    .load(conn)
    .unwrap()
}

/// What the summary must hold, straight from the customers.
fn truth(conn: &mut PgConnection) -> Vec<Group> {
    diesel::sql_query(
        "SELECT csm_assigned AS csm, count(*) AS customers, sum(health_score)::bigint AS health
           FROM customers
          WHERE status = 'active'
          GROUP BY csm_assigned
          ORDER BY csm_assigned NULLS LAST",
    )
    .load(conn)
    .unwrap()
}

fn assert_exact(conn: &mut PgConnection, step: &str) {
    let t = truth(conn);
    assert_eq!(summary(conn), t, "after {step}");
}

/// Every page of the dashboard, walked by cursor, against the aggregate over customers in the
/// dashboard's order (count descending, CSM ascending with NULL last) with `AVG`.
fn assert_dashboard(conn: &mut PgConnection, step: &str) {
    #[derive(QueryableByName, Debug)]
    struct Row {
        #[diesel(sql_type = Nullable<Text>)]
        csm: Option<String>,
        #[diesel(sql_type = BigInt)]
        n: i64,
        #[diesel(sql_type = diesel::sql_types::Double)]
        avg: f64,
    }
    let expected: Vec<Row> = diesel::sql_query(
        "SELECT csm_assigned AS csm, count(*) AS n, avg(health_score::float8) AS avg
           FROM customers WHERE status = 'active'
          GROUP BY csm_assigned
          ORDER BY count(*) DESC, csm_assigned ASC NULLS LAST",
    )
    .load(conn)
    .unwrap();
    let mut shown = Vec::new();
    let mut request = Page::first(3).after(None);
    loop {
        let paged = Paged::load(request.clone(), |p| queries::csm_workload(conn, p)).unwrap();
        shown.extend(paged.rows.iter().cloned());
        match paged.next_page(&request) {
            Some(next) => request = next,
            None => break,
        }
    }
    assert_eq!(
        shown.len(),
        expected.len(),
        "after {step}: {shown:?} vs {expected:?}"
    );
    for (s, e) in shown.iter().zip(&expected) {
        assert_eq!(
            (&s.csm_assigned, s.customer_count),
            (&e.csm, e.n),
            "after {step}"
        );
        // The same float: both divide the exact integer sum by the count.
        assert!(
            (s.avg_health - e.avg).abs() <= 1e-9 * e.avg.abs().max(1.0),
            "after {step}: {} vs {}",
            s.avg_health,
            e.avg
        );
    }
}

/// splitmix64: a seeded, reproducible sequence without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const CSMS: [&str; 4] = ["'Ann Lee'", "'Bob Ray'", "'Cy Oh'", "NULL"];
const STATUSES: [&str; 4] = ["'active'", "'active'", "'churned'", "'paused'"];

fn insert_customers(conn: &mut PgConnection, rng: &mut Rng, first: u64, n: u64) {
    let rows: Vec<String> = (first..first + n)
        .map(|i| {
            format!(
                "('sum-{i}', 'Customer {i}', 'Company {i}', DATE '2025-01-01', {}, {}, {})",
                STATUSES[rng.below(4) as usize],
                CSMS[rng.below(4) as usize],
                rng.below(101)
            )
        })
        .collect();
    conn.batch_execute(&format!(
        "INSERT INTO customers (client_id, client_name, company_name, contract_start_date,
                                status, csm_assigned, health_score)
         VALUES {}",
        rows.join(", ")
    ))
    .unwrap();
}

/// A health assessment whose five scores (and so its overall score) are `score`: the
/// health-score trigger then sets the customer's `health_score`.
fn health_score_sql(client: &str, score: u64) -> String {
    format!(
        "INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score,
                                    satisfaction_score, payment_score, overall_score)
         VALUES ('{client}', {score}, {score}, {score}, {score}, {score}, {score})"
    )
}

#[test]
fn the_summary_equals_the_aggregate_after_every_kind_of_write() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;

    // COPY: the demo loader writes customers with COPY in one transaction.
    demo::load(conn, &DemoConfig::new(300, 7), &mut |_| {}).unwrap();
    assert!(!summary(conn).is_empty());
    assert_exact(conn, "the demo load (COPY)");
    assert_dashboard(conn, "the demo load (COPY)");

    let mut rng = Rng(0x5eed_0015);
    let mut next = 0;
    for step in 0..60 {
        let kind = rng.below(9);
        let m = rng.below(5) + 2;
        let r = rng.below(m);
        let what = match kind {
            0 => {
                let n = rng.below(20) + 1;
                insert_customers(conn, &mut rng, next, n);
                next += n;
                format!("inserting {n} customers")
            }
            1 => {
                let s = STATUSES[rng.below(4) as usize];
                conn.batch_execute(&format!(
                    "UPDATE customers SET status = {s} WHERE id % {m} = {r}"
                ))
                .unwrap();
                format!("a status update of every {m}th customer to {s}")
            }
            2 => {
                let c = CSMS[rng.below(4) as usize];
                conn.batch_execute(&format!(
                    "UPDATE customers SET csm_assigned = {c} WHERE id % {m} = {r}"
                ))
                .unwrap();
                format!("reassigning every {m}th customer to {c}")
            }
            3 => {
                conn.batch_execute(&format!(
                    "UPDATE customers SET health_score = (health_score * 7 + {r}) % 101
                      WHERE id % {m} = {r}"
                ))
                .unwrap();
                format!("a direct health-score update of every {m}th customer")
            }
            4 => {
                // Through the health-score trigger: one customer, then a statement for many.
                let client: Option<String> = customers_by_position(conn, rng.below(1000));
                if let Some(client) = client {
                    conn.batch_execute(&health_score_sql(&client, rng.below(101)))
                        .unwrap();
                }
                conn.batch_execute(&format!(
                    "INSERT INTO health_scores (client_id, usage_score, engagement_score,
                         support_score, satisfaction_score, payment_score, overall_score)
                     SELECT client_id, s, s, s, s, s, s
                       FROM (SELECT client_id, ((id * 13 + {r}) % 101)::float8 AS s
                               FROM customers WHERE id % {m} = {r}) x"
                ))
                .unwrap();
                "health assessments (one, then a statement for many)".to_owned()
            }
            5 => {
                // Cascades to the customer's health scores, tickets, predictions, ...
                conn.batch_execute(&format!("DELETE FROM customers WHERE id % {} = {r}", m * 3))
                    .unwrap();
                format!("deleting every {}th customer", m * 3)
            }
            6 => {
                // Several columns and CSMs in one statement, in a transaction with another.
                conn.batch_execute(&format!(
                    "BEGIN;
                     UPDATE customers SET status = CASE WHEN status = 'active' THEN 'paused'
                                                        ELSE 'active' END,
                                          csm_assigned = CASE WHEN csm_assigned IS NULL
                                                              THEN 'Ann Lee' ELSE NULL END,
                                          health_score = 100 - health_score
                      WHERE id % {m} = {r};
                     UPDATE customers SET client_name = client_name || '.' WHERE id % 2 = 0;
                     COMMIT;"
                ))
                .unwrap();
                "a transaction of two multi-column updates".to_owned()
            }
            7 => {
                // A rolled-back transaction leaves no trace.
                conn.batch_execute(&format!(
                    "BEGIN;
                     UPDATE customers SET status = 'churned' WHERE id % {m} = {r};
                     ROLLBACK;"
                ))
                .unwrap();
                "a rolled-back update".to_owned()
            }
            _ => {
                conn.batch_execute(&format!(
                    "UPDATE customers SET csm_assigned = csm_assigned WHERE id % {m} = {r}"
                ))
                .unwrap();
                "an update that changes nothing the summary holds".to_owned()
            }
        };
        assert_exact(conn, &format!("step {step}: {what}"));
        if step % 10 == 0 {
            assert_dashboard(conn, &format!("step {step}: {what}"));
        }
    }
    assert_dashboard(conn, "the random steps");

    // The rebuild finds nothing wrong, and folds the summary to one row per CSM.
    assert_eq!(maintenance::rebuild_csm_workload_summary(conn).unwrap(), 0);
    assert_exact(conn, "the rebuild");

    conn.batch_execute("TRUNCATE customers CASCADE").unwrap();
    assert_eq!(summary(conn), []);
    assert_eq!(
        diesel::sql_query("SELECT count(*) AS customers, 0::bigint AS health, NULL::text AS csm FROM csm_workload_summary")
            .get_result::<Group>(conn)
            .unwrap()
            .customers,
        0
    );
    assert_eq!(queries::csm_workload(conn, Page::first(10)).unwrap(), []);
    insert_customers(conn, &mut rng, 10_000, 5);
    assert_exact(conn, "inserting after TRUNCATE");
}

/// The `k`th customer by id, wrapping around (`None` without customers).
fn customers_by_position(conn: &mut PgConnection, k: u64) -> Option<String> {
    #[derive(QueryableByName)]
    struct C {
        #[diesel(sql_type = Text)]
        client_id: String,
    }
    diesel::sql_query(format!(
        "SELECT client_id FROM customers ORDER BY id
          OFFSET {k} % greatest((SELECT count(*) FROM customers), 1) LIMIT 1"
    ))
    .get_result::<C>(conn)
    .optional()
    .unwrap()
    .map(|c| c.client_id)
}

#[test]
fn a_bypassed_trigger_is_found_and_repaired_by_the_rebuild() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let mut rng = Rng(3);
    insert_customers(conn, &mut rng, 0, 40);
    conn.batch_execute(
        "ALTER TABLE customers DISABLE TRIGGER csdb_csm_workload_update;
         UPDATE customers SET status = 'active', csm_assigned = 'Zed Moe';
         ALTER TABLE customers ENABLE TRIGGER csdb_csm_workload_update;",
    )
    .unwrap();
    assert_ne!(summary(conn), truth(conn));
    // Every CSM's totals are wrong now (the old ones are gone, Zed Moe is new).
    let drifted = maintenance::rebuild_csm_workload_summary(conn).unwrap();
    assert!(drifted >= 2, "{drifted}");
    assert_exact(conn, "the rebuild");
    // refresh_derived_values rebuilds it too (and finds nothing wrong now).
    maintenance::refresh_derived_values(conn).unwrap();
    assert_eq!(maintenance::rebuild_csm_workload_summary(conn).unwrap(), 0);
}

/// Runs `sql` on its own connection in a thread and reports how long it took (or its error).
fn spawn_statement(db: &TestDatabase, sql: String) -> mpsc::Receiver<Result<Duration, String>> {
    let (tx, rx) = mpsc::channel();
    let mut other = db.connect().unwrap();
    thread::spawn(move || {
        let start = Instant::now();
        let r = other
            .batch_execute(&sql)
            .map(|()| start.elapsed())
            .map_err(|e| e.to_string());
        tx.send(r).unwrap();
    });
    rx
}

#[test]
fn concurrent_writers_of_one_csm_neither_wait_nor_deadlock() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    conn.batch_execute(
        "INSERT INTO customers (client_id, client_name, company_name, contract_start_date,
                                status, csm_assigned, health_score)
         SELECT 'cc-' || i, 'C' || i, 'C' || i, DATE '2025-01-01', 'active',
                CASE WHEN i % 2 = 0 THEN 'Ann Lee' ELSE 'Bob Ray' END, 50
           FROM generate_series(1, 8) i",
    )
    .unwrap();
    assert_exact(conn, "the setup");

    // Transaction A changes customers of both CSMs (Ann first, then Bob) and stays open.
    let mut a = db.connect().unwrap();
    a.batch_execute(
        "BEGIN;
         UPDATE customers SET health_score = 90 WHERE client_id IN ('cc-2', 'cc-1');",
    )
    .unwrap();
    // Transaction B, meanwhile: other customers of the same two CSMs, a health assessment
    // through the trigger and a status change, in one transaction. With one summary row per
    // CSM it would wait for A's row locks until A ends; a lock_timeout turns such a wait into
    // an error, so the test fails instead of hanging.
    let rx = spawn_statement(
        &db,
        format!(
            "SET lock_timeout = '3s';
             BEGIN;
             UPDATE customers SET health_score = 10 WHERE client_id IN ('cc-3', 'cc-4');
             {};
             UPDATE customers SET status = 'churned' WHERE client_id = 'cc-6';
             COMMIT;",
            health_score_sql("cc-5", 20)
        ),
    );
    let took = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("B finished")
        .expect("B committed without waiting for A");
    assert!(took < Duration::from_secs(2), "B waited {took:?} for A");
    a.batch_execute("COMMIT").unwrap();
    assert_exact(conn, "both transactions");
    assert_dashboard(conn, "both transactions");

    // Two statements that change the same two CSMs in opposite orders, both open at once.
    let mut a = db.connect().unwrap();
    a.batch_execute(
        "BEGIN;
         UPDATE customers SET csm_assigned = 'Bob Ray' WHERE client_id = 'cc-2';
         UPDATE customers SET csm_assigned = 'Ann Lee' WHERE client_id = 'cc-1';",
    )
    .unwrap();
    let rx = spawn_statement(
        &db,
        "SET lock_timeout = '3s';
         BEGIN;
         UPDATE customers SET csm_assigned = 'Ann Lee' WHERE client_id = 'cc-7';
         UPDATE customers SET csm_assigned = 'Bob Ray' WHERE client_id = 'cc-8';
         COMMIT;"
            .to_owned(),
    );
    rx.recv_timeout(Duration::from_secs(20))
        .expect("B finished")
        .expect("B committed while A held its summary rows");
    a.batch_execute("COMMIT").unwrap();
    assert_exact(conn, "the crossed transactions");

    // Overlapping writers gave a CSM more than one row; the rebuild folds them back to one each.
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let rows = |conn: &mut PgConnection| {
        diesel::sql_query("SELECT count(*) AS n FROM csm_workload_summary")
            .get_result::<N>(conn)
            .unwrap()
            .n
    };
    assert!(rows(conn) > 2, "no extra rows: {}", rows(conn));
    assert_eq!(maintenance::rebuild_csm_workload_summary(conn).unwrap(), 0);
    assert_eq!(rows(conn), 2);
    assert_exact(conn, "the rebuild");
}

#[test]
fn many_concurrent_health_assessments_of_one_csm_all_count() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    conn.batch_execute(
        "INSERT INTO customers (client_id, client_name, company_name, contract_start_date,
                                status, csm_assigned, health_score)
         SELECT 'hc-' || i, 'C' || i, 'C' || i, DATE '2025-01-01', 'active', 'Ann Lee', 50
           FROM generate_series(1, 40) i",
    )
    .unwrap();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let mut c = db.connect().unwrap();
            thread::spawn(move || {
                for k in 0..25 {
                    let client = format!("hc-{}", 1 + (w * 10 + k) % 40);
                    let score = (w * 31 + k * 7) % 101;
                    // Each in a transaction with a pause, so that the writers overlap.
                    c.batch_execute(&format!(
                        "SET lock_timeout = '5s'; BEGIN; {}; SELECT pg_sleep(0.002); COMMIT;",
                        health_score_sql(&client, score as u64)
                    ))
                    .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("a writer failed");
    }
    assert_exact(&mut conn, "100 concurrent health assessments");
}
