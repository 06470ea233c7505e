//! Adding a worker to a distributed database and rebalancing while a writer keeps writing
//! (issue 12: "the rebalance-under-writes test shows every acknowledged write present
//! afterwards").
//!
//! On `common::distributed_db` (coordinator + 2 workers, every table distributed by
//! `client_id`), a writer thread inserts a health score and a support ticket per transaction
//! through the crate's API while the test adds a third worker (the harness's spare worker,
//! registered in this database only), runs `citus_rebalance_start()` and waits for it. Every
//! write whose commit returned `Ok` is "acknowledged" and must be present exactly once
//! afterwards, on the coordinator and in the shards' physical rows on the nodes.
//!
//! Needs Citus (`../shared/citus/install.sh`); without it the test prints a SKIPPED line and
//! passes, unless `CSDB_REQUIRE_CITUS=1`.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use customer_success_db::crud::{ByClient, Crud, Page};
use customer_success_db::models::*;
use customer_success_db::queries;
use customer_success_db::types::*;
use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Integer, Text, Timestamptz};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};

/// Customers the writer cycles through: enough that every shard group gets writes.
const CUSTOMERS: usize = 120;

/// How long the writer runs before the node is added, and after the rebalance finished.
const BEFORE: Duration = Duration::from_millis(1500);
const AFTER: Duration = Duration::from_millis(1500);

/// How long the rebalance may take (about 25 s on the shared 2-core machine).
const REBALANCE_TIMEOUT: Duration = Duration::from_secs(300);

/// Shards per distributed table for this test. The harness's 4 (`citus.shard_count`) would
/// make 4 shard groups over 3 workers, and the rebalancer then moves a single group; 12 groups
/// move 4 of them (an even 4/4/4), so more of the writer's transactions hit moving shards.
const SHARD_COUNT: i32 = 12;

use common::{count_sql as count, lines_sql as lines};

use common::connect_url as connect;

/// The customer a write attempt goes to, and the markers that identify its two rows: the
/// health score's `created_at` and the ticket's `ticket_id`, both unique per attempt.
fn client_of(attempt: u64) -> String {
    format!("rb-{:03}", attempt % CUSTOMERS as u64)
}

fn marker_time(attempt: u64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
        + chrono::Duration::milliseconds(attempt as i64)
}

fn ticket_of(attempt: u64) -> String {
    format!("RB-{attempt:07}")
}

fn score(v: f64) -> ComponentScore {
    ComponentScore::new(v).expect("valid score")
}

/// One write: a health score and a support ticket of one customer, in one transaction (both
/// co-located by `client_id`, so one shard group on one worker).
fn write(conn: &mut PgConnection, attempt: u64) -> customer_success_db::Result<()> {
    let client = client_of(attempt);
    let mut health = NewHealthScoreRecord::new(
        client.clone(),
        HealthComponents {
            usage: score(80.0),
            engagement: score(70.0),
            support: score(60.0),
            satisfaction: score(50.0),
            payment: score((attempt % 100) as f64),
        },
        HealthWeights::DEFAULT,
    );
    health.created_at = Some(marker_time(attempt));
    let ticket = NewSupportTicket::builder()
        .ticket_id(ticket_of(attempt))
        .client_id(client)
        .subject("rebalance")
        .description("written while shards move")
        .priority(TicketPriority::P3)
        .category(TicketCategory::TechnicalIssue)
        .requester_email("ops@example.com")
        .requester_name("Ops")
        .sla_first_response_minutes(Count::new(60).expect("valid"))
        .sla_resolution_minutes(Count::new(480).expect("valid"))
        .build()?;
    conn.transaction(|c| {
        HealthScoreRecord::create(c, &health)?;
        SupportTicket::create(c, &ticket)?;
        Ok(())
    })
}

/// What the writer saw.
#[derive(Default)]
struct WriterLog {
    /// Attempts whose commit returned `Ok`, with the moment it did.
    acknowledged: Vec<(u64, Instant)>,
    /// Attempts that returned an error: they may or may not have committed (an error on
    /// COMMIT is ambiguous), so they are neither required nor forbidden afterwards.
    failed: Vec<(u64, String)>,
    reconnects: u32,
}

/// Writes until `stop`, one attempt after the other; a failed attempt is recorded and the
/// next one (a new attempt with new markers, never the same rows again) follows, after a
/// reconnect when the connection broke and a short pause when the error is transient.
fn writer(url: String, stop: Arc<AtomicBool>) -> WriterLog {
    let mut log = WriterLog::default();
    let mut conn = customer_success_db::connection::connect(&url).expect("writer connects");
    let mut attempt = 0u64;
    while !stop.load(Ordering::Relaxed) {
        match write(&mut conn, attempt) {
            Ok(()) => log.acknowledged.push((attempt, Instant::now())),
            Err(e) => {
                log.failed.push((attempt, e.to_string()));
                if e.is_connection_error() {
                    // Kept broken when the reconnect fails: the next attempt fails the same
                    // way and tries again.
                    if let Ok(new) = customer_success_db::connection::connect(&url) {
                        conn = new;
                        log.reconnects += 1;
                    }
                }
                if e.is_transient() || e.is_connection_error() {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
        attempt += 1;
    }
    log
}

#[derive(QueryableByName)]
struct HealthMarker {
    #[diesel(sql_type = Text)]
    client_id: String,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct Placement {
    #[diesel(sql_type = Text)]
    shard_name: String,
    #[diesel(sql_type = Text)]
    nodename: String,
    #[diesel(sql_type = Integer)]
    nodeport: i32,
}

/// Shard groups (of `customers`, the co-location anchor) per node, e.g. `{dir1: 6, dir2: 6}`.
fn groups_per_node(conn: &mut PgConnection) -> BTreeMap<String, i64> {
    lines(
        conn,
        "SELECT nodename || ' ' || count(*) AS line FROM citus_shards \
         WHERE table_name = 'customers'::regclass GROUP BY nodename ORDER BY 1",
    )
    .into_iter()
    .map(|l| {
        let (node, n) = l.rsplit_once(' ').expect("node and count");
        (node.to_owned(), n.parse().expect("a count"))
    })
    .collect()
}

/// The nodes that serve the task(s) of `plan` (`EXPLAIN (FORMAT JSON)` of a distributed
/// query), and its `Task Count`.
fn tasks(plan: &serde_json::Value) -> (i64, Vec<String>) {
    fn walk(v: &serde_json::Value, count: &mut i64, nodes: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("Task Count", serde_json::Value::Number(n)) => {
                            *count += n.as_i64().unwrap_or_default()
                        }
                        ("Node", serde_json::Value::String(s)) => nodes.push(s.clone()),
                        _ => walk(v, count, nodes),
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for v in items {
                    walk(v, count, nodes);
                }
            }
            _ => {}
        }
    }
    let (mut count, mut nodes) = (0, Vec::new());
    walk(plan, &mut count, &mut nodes);
    (count, nodes)
}

#[derive(QueryableByName)]
struct ShardRange {
    #[diesel(sql_type = BigInt)]
    shardid: i64,
    #[diesel(sql_type = BigInt)]
    lo: i64,
    #[diesel(sql_type = BigInt)]
    hi: i64,
    #[diesel(sql_type = Integer)]
    nodeid: i32,
}

/// Splits every shard group of `customers` (and with it the shards of every co-located
/// table) into `parts` groups of equal hash ranges, on the node it is on.
fn split_shard_groups(conn: &mut PgConnection, parts: i32) {
    let shards = diesel::sql_query(
        "SELECT s.shardid, s.shardminvalue::bigint AS lo, s.shardmaxvalue::bigint AS hi,                 n.nodeid          FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid)          JOIN pg_dist_node n ON n.groupid = p.groupid          WHERE s.logicalrelid = 'customers'::regclass ORDER BY s.shardid",
    )
    .load::<ShardRange>(conn)
    .expect("the shards of customers");
    for s in shards {
        let points: Vec<String> = (1..i64::from(parts))
            .map(|k| format!("'{}'", s.lo + (s.hi - s.lo) / i64::from(parts) * k))
            .collect();
        let nodes = vec![s.nodeid.to_string(); parts as usize];
        let sql = format!(
            "SELECT citus_split_shard_by_split_points({}, ARRAY[{}], ARRAY[{}], 'block_writes')",
            s.shardid,
            points.join(", "),
            nodes.join(", ")
        );
        conn.batch_execute(&sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

#[test]
fn a_third_worker_is_added_and_shards_move_while_a_writer_writes_and_nothing_is_lost() {
    let test = "a_third_worker_is_added_and_shards_move_while_a_writer_writes_and_nothing_is_lost";
    let Some(db) = common::distributed_db(test) else {
        return;
    };
    // Started first: it also lets this database's new sessions move and split shards.
    let spare = db.start_spare_citus_worker().expect("a spare worker");
    let mut conn = db.connect().expect("connect to the coordinator");
    // More shard groups than the harness's default (see SHARD_COUNT), in this database only:
    // each of the 4 groups split in 3 where it is (`alter_distributed_table` would be simpler,
    // but refuses tables with identity columns, and every table has `id` as one).
    split_shard_groups(&mut conn, SHARD_COUNT / 4);
    let before = groups_per_node(&mut conn);
    println!("shard groups before: {before:?}");
    assert_eq!(before.len(), 2, "{before:?}");
    assert_eq!(before.values().sum::<i64>(), i64::from(SHARD_COUNT));

    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let customers: Vec<NewCustomer> = (0..CUSTOMERS as u64)
        .map(|n| NewCustomer::new(client_of(n), format!("RB {n}"), "Rebalance Co", start))
        .collect();
    assert_eq!(
        Customer::insert_many(&mut conn, &customers).expect("customers"),
        CUSTOMERS
    );

    let stop = Arc::new(AtomicBool::new(false));
    let began = Instant::now();
    let handle = {
        let (url, stop) = (db.url().to_owned(), Arc::clone(&stop));
        std::thread::spawn(move || writer(url, stop))
    };
    std::thread::sleep(BEFORE);

    conn.batch_execute(&spare.add_node_sql())
        .expect("citus_add_node");
    let planned = count(
        &mut conn,
        "SELECT count(*) FROM get_rebalance_table_shards_plan()",
    );
    let rebalance_started = Instant::now();
    conn.batch_execute("SELECT citus_rebalance_start()")
        .expect("citus_rebalance_start");
    // Polled rather than `citus_rebalance_wait()`, which would wait forever for a job whose
    // background workers cannot start (e.g. `max_worker_processes` used up by other tests).
    let state = loop {
        let state = lines(
            &mut conn,
            "SELECT state::text AS line FROM citus_rebalance_status()",
        );
        if state.iter().any(|s| s != "scheduled" && s != "running") {
            break state;
        }
        assert!(
            rebalance_started.elapsed() < REBALANCE_TIMEOUT,
            "the rebalance is still {state:?} after {REBALANCE_TIMEOUT:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let rebalance_ended = Instant::now();
    std::thread::sleep(AFTER);
    stop.store(true, Ordering::Relaxed);
    let stopped = Instant::now();
    let log = handle.join().expect("the writer thread");
    let writing = stopped - began;

    // Where the shards are now.
    let after = groups_per_node(&mut conn);
    let on_spare = after.get(spare.node_name()).copied().unwrap_or_default();
    println!("shard groups after: {after:?}");
    assert_eq!(state, ["finished"], "the rebalance job");
    assert_eq!(after.len(), 3, "shard groups on three workers: {after:?}");
    assert!(on_spare > 0, "{after:?}");
    assert_eq!(after.values().sum::<i64>(), i64::from(SHARD_COUNT));
    assert!(
        after.values().max().unwrap() - after.values().min().unwrap() <= 1,
        "balanced: {after:?}"
    );
    let distributed_shards = count(
        &mut conn,
        "SELECT count(*) FROM citus_shards s JOIN pg_dist_partition p ON p.logicalrelid = s.table_name \
         WHERE p.partmethod = 'h'",
    );
    let tables_per_group = distributed_shards / i64::from(SHARD_COUNT);
    let moved_to_spare = count(
        &mut conn,
        &format!(
            "SELECT count(*) FROM citus_shards s JOIN pg_dist_partition p \
             ON p.logicalrelid = s.table_name WHERE p.partmethod = 'h' AND s.nodename = '{}'",
            spare.node_name()
        ),
    );
    // Reference tables get a copy on the new node too.
    let reference_on_spare = count(
        &mut conn,
        &format!(
            "SELECT count(*) FROM citus_shards WHERE citus_table_type = 'reference' \
             AND nodename = '{}'",
            spare.node_name()
        ),
    );
    assert_eq!(
        reference_on_spare,
        customer_success_db::distribute::REFERENCE_TABLES.len() as i64
    );

    // The customers whose rows moved, and the writes acknowledged before, during and after
    // the rebalance (during: for any customer, and for those whose shards were moving).
    let moved_clients: Vec<String> = (0..CUSTOMERS as u64)
        .map(client_of)
        .filter(|client| {
            lines(
                &mut conn,
                &format!(
                    "SELECT nodename AS line FROM citus_shards s \
                     WHERE s.table_name = 'customers'::regclass \
                     AND s.shardid = get_shard_id_for_distribution_column('customers', '{client}')"
                ),
            ) == [spare.node_name()]
        })
        .collect();
    let acks_in = |from: Instant, to: Instant, moved_only: bool| {
        log.acknowledged
            .iter()
            .filter(|(attempt, at)| {
                (from..to).contains(at)
                    && (!moved_only || moved_clients.contains(&client_of(*attempt)))
            })
            .count()
    };
    let before_move = acks_in(began, rebalance_started, false);
    let during = acks_in(rebalance_started, rebalance_ended, false);
    let during_moved = acks_in(rebalance_started, rebalance_ended, true);
    let after_move = acks_in(rebalance_ended, stopped + Duration::from_secs(60), false);
    let rate = |n: usize, from: Instant, to: Instant| n as f64 / (to - from).as_secs_f64();

    // Every acknowledged write is there exactly once; anything else there is a failed attempt
    // that committed after all; a failed attempt is all or nothing.
    let acknowledged: HashMap<u64, Instant> = log.acknowledged.iter().copied().collect();
    let failed: HashMap<u64, &str> = log.failed.iter().map(|(a, e)| (*a, e.as_str())).collect();
    let mut health_seen: HashMap<u64, u32> = HashMap::new();
    let base = marker_time(0);
    for row in diesel::sql_query("SELECT client_id::text, created_at FROM health_scores")
        .load::<HealthMarker>(&mut conn)
        .expect("health scores")
    {
        let attempt = (row.created_at - base).num_milliseconds() as u64;
        assert_eq!(
            row.client_id,
            client_of(attempt),
            "a row of attempt {attempt}"
        );
        *health_seen.entry(attempt).or_default() += 1;
    }
    let mut tickets_seen: HashMap<u64, u32> = HashMap::new();
    for ticket in lines(
        &mut conn,
        "SELECT ticket_id::text AS line FROM support_tickets",
    ) {
        let attempt: u64 = ticket
            .strip_prefix("RB-")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a ticket the writer did not write: {ticket}"));
        *tickets_seen.entry(attempt).or_default() += 1;
    }
    for attempt in acknowledged.keys() {
        assert_eq!(
            health_seen.get(attempt),
            Some(&1),
            "acknowledged health score of attempt {attempt}"
        );
        assert_eq!(
            tickets_seen.get(attempt),
            Some(&1),
            "acknowledged ticket of attempt {attempt}"
        );
    }
    let mut committed_after_error = 0;
    for (attempt, n) in &health_seen {
        if acknowledged.contains_key(attempt) {
            continue;
        }
        let error = failed.get(attempt).unwrap_or_else(|| {
            panic!("attempt {attempt} is stored but was neither acknowledged nor failed")
        });
        assert_eq!(*n, 1, "attempt {attempt} ({error}) stored {n} times");
        committed_after_error += 1;
    }
    for attempt in health_seen.keys().chain(tickets_seen.keys()) {
        assert_eq!(
            health_seen.get(attempt),
            tickets_seen.get(attempt),
            "attempt {attempt}: a transaction half stored"
        );
    }
    let rows = count(&mut conn, "SELECT count(*) FROM health_scores");
    assert_eq!(
        rows,
        (acknowledged.len() + committed_after_error) as i64,
        "health score rows = acknowledged writes (+ failed attempts that committed)"
    );
    assert_eq!(
        count(&mut conn, "SELECT count(*) FROM support_tickets"),
        rows
    );

    // The same rows in the shards themselves: after the moved shards' old copies are cleaned
    // up, each row lives in exactly one physical shard on one node.
    conn.batch_execute("CALL citus_cleanup_orphaned_resources()")
        .expect("clean up the moved shards' old copies");
    // The nodes by their registered name (the socket directory each one listens in).
    let mut node_urls: HashMap<String, String> = HashMap::new();
    for url in db.worker_urls() {
        let dir = lines(
            &mut connect(&url),
            "SELECT current_setting('unix_socket_directories') AS line",
        );
        node_urls.insert(dir[0].clone(), url);
    }
    node_urls.insert(spare.node_name().to_owned(), spare.url());
    let placements = diesel::sql_query(
        "SELECT shard_name::text, nodename, nodeport FROM citus_shards \
         WHERE table_name = 'health_scores'::regclass",
    )
    .load::<Placement>(&mut conn)
    .expect("placements");
    assert_eq!(placements.len(), SHARD_COUNT as usize);
    let mut physical = 0;
    for p in &placements {
        let url = node_urls
            .get(&p.nodename)
            .unwrap_or_else(|| panic!("no URL for node {}:{}", p.nodename, p.nodeport));
        let mut node = connect(url);
        physical += count(&mut node, &format!("SELECT count(*) FROM {}", p.shard_name));
    }
    assert_eq!(physical, rows, "rows in the placements' shards");
    let mut leftover_shards = 0;
    for url in node_urls.values() {
        let mut node = connect(url);
        node.batch_execute("SET citus.override_table_visibility = off")
            .expect("show shards");
        leftover_shards += count(
            &mut node,
            "SELECT count(*) FROM pg_class WHERE relkind = 'r' \
             AND relname LIKE 'health\\_scores\\_%'",
        );
    }
    assert_eq!(
        leftover_shards,
        i64::from(SHARD_COUNT),
        "one shard table per placement, no orphaned copies"
    );

    // A customer whose shard moved is still a router query, now on the new node.
    let moved_client = moved_clients
        .first()
        .cloned()
        .expect("a customer on the new worker");
    for plan in [
        queries::explain(
            &mut conn,
            HealthScoreRecord::list_by_client_query(moved_client.clone(), Page::first(10)),
        )
        .expect("explain a per-customer read")
        .plan,
        queries::explain(
            &mut conn,
            SupportTicket::list_by_client_query(moved_client.clone(), Page::first(10)),
        )
        .expect("explain a per-customer read")
        .plan,
    ] {
        let (task_count, nodes) = tasks(&plan);
        assert_eq!(task_count, 1, "{plan:#}");
        assert_eq!(nodes.len(), 1, "{plan:#}");
        assert!(nodes[0].contains(spare.node_name()), "{plan:#}");
    }
    assert_eq!(
        HealthScoreRecord::list_by_client(&mut conn, &moved_client, Page::first(10_000))
            .expect("read a moved customer")
            .len(),
        health_seen
            .keys()
            .filter(|a| client_of(**a) == moved_client)
            .count()
    );
    // The derived value survived the move: the customer's health score is its latest row's.
    let latest = health_seen
        .keys()
        .filter(|a| client_of(**a) == moved_client)
        .max()
        .expect("the moved customer has scores");
    let customer =
        <Customer as customer_success_db::crud::ByKey>::get_by_key(&mut conn, &moved_client)
            .expect("the moved customer");
    let expected = NewHealthScoreRecord::new(
        moved_client.clone(),
        HealthComponents {
            usage: score(80.0),
            engagement: score(70.0),
            support: score(60.0),
            satisfaction: score(50.0),
            payment: score((latest % 100) as f64),
        },
        HealthWeights::DEFAULT,
    )
    .overall_score()
    .map(|s| (s.get() + 0.5).floor() as i32);
    assert_eq!(Some(customer.health_score.get()), expected);

    let rebalance = rebalance_ended - rebalance_started;
    println!(
        "rebalance: {planned} planned moves, {moved_to_spare} distributed shards \
         ({} shard groups of {tables_per_group} tables) and {reference_on_spare} reference \
         tables now on the new worker, {:.1} s (citus_rebalance_start until the job is finished)",
        on_spare,
        rebalance.as_secs_f64()
    );
    println!(
        "writer: {} acknowledged writes in {:.1} s; {before_move} before the rebalance \
         ({:.0}/s), {during} during it ({:.0}/s; {during_moved} of them to the {} customers \
         whose shards moved), {after_move} after it ({:.0}/s); {} failed attempts \
         ({committed_after_error} of them committed), {} reconnects; {rows} health scores and \
         {rows} tickets stored",
        acknowledged.len(),
        writing.as_secs_f64(),
        rate(before_move, began, rebalance_started),
        rate(during, rebalance_started, rebalance_ended),
        moved_clients.len(),
        rate(after_move, rebalance_ended, stopped),
        log.failed.len(),
        log.reconnects,
    );
    for (attempt, error) in log.failed.iter().take(10) {
        println!("  failed attempt {attempt}: {error}");
    }
    assert!(during > 0, "the writer made progress during the rebalance");
    assert!(
        during_moved > 0,
        "the writer made progress on the moving shards during the rebalance"
    );
    assert!(planned > 0 && moved_to_spare > 0);
}
