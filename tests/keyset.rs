//! Keyset pagination (`crud::Page::after`, `cursor::Cursor`): walking every dashboard and list
//! page by page with cursors returns exactly the rows of one big offset query, in the same
//! order (no overlap, no gap), with many ties on the leading key; refused cursors are the
//! documented error; the keyset predicate is an index condition.
mod common;

use std::fmt::Debug;

use common::{insert_minimal, TestDatabase};
use customer_success_db::crud::{ByClient, Crud, Page, PageRequest, Paged, MAX_PAGE_SIZE};
use customer_success_db::cursor::{Cursor, Keyed};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::models::{Customer, SupportTicket};
use customer_success_db::queries::{self, ExplainReport};
use customer_success_db::types::*;
use customer_success_db::{Error, Result};
use diesel::connection::SimpleConnection;
use diesel::PgConnection;

/// Demo data with ties forced on every leading key.
fn database() -> (TestDatabase, PgConnection) {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    demo::load(&mut conn, &DemoConfig::new(300, 7), &mut |_| {}).unwrap();
    conn.batch_execute(
        "-- A third of the customers share one health score.
         UPDATE customers SET health_score = 42 WHERE id % 3 = 0;
         -- Half the renewals fall on one day.
         UPDATE renewal_forecasts SET renewal_date = CURRENT_DATE + 10 WHERE id % 2 = 0;
         -- Tickets opened on the same second, many per priority.
         UPDATE support_tickets SET created_at = date_trunc('day', created_at);
         -- Probabilities on a 0.1 grid: each shared by many predictions.
         UPDATE churn_predictions SET churn_probability = floor(churn_probability * 10) / 10;
         -- CSM workload: three groups of exactly three active customers, one of them the
         -- customers without a CSM (which sorts last among them).
         UPDATE customers SET csm_assigned = 'Tie Zeta' WHERE csm_assigned IS NULL;",
    )
    .unwrap();
    for (i, csm) in ["'Tie Alpha'", "'Tie Beta'", "NULL"].iter().enumerate() {
        for j in 0..3 {
            insert_minimal(
                &mut conn,
                "customers",
                &[
                    ("client_id", &format!("'tie-{i}-{j}'")),
                    ("status", "'active'"),
                    ("csm_assigned", csm),
                    ("health_score", "42"),
                ],
            )
            .unwrap();
        }
    }
    conn.batch_execute("ANALYZE").unwrap();
    (db, conn)
}

/// Walks a list with `Paged::load` (limit + 1, next cursor) until its end.
fn walk_paged<T, F>(limit: i64, mut list: F) -> Vec<T>
where
    T: Keyed + Clone,
    F: FnMut(PageRequest) -> Result<Vec<T>>,
{
    let mut page: PageRequest = Page::first(limit).into();
    let mut out = Vec::new();
    for _ in 0..100_000 {
        let paged = Paged::load(page.clone(), &mut list).unwrap();
        assert!(paged.rows.len() as i64 <= limit);
        assert_eq!(paged.has_more, paged.next.is_some());
        if paged.has_more {
            assert_eq!(paged.rows.len() as i64, limit, "a short page claims more");
        }
        out.extend(paged.rows.iter().cloned());
        match paged.next_page(&page) {
            Some(next) => page = next,
            None => return out,
        }
    }
    panic!("the walk does not end");
}

/// Walks a list by resuming after the last row's own cursor until a page comes back empty.
fn walk_plain<T, F>(limit: i64, mut list: F) -> Vec<T>
where
    T: Keyed + Clone,
    F: FnMut(PageRequest) -> Result<Vec<T>>,
{
    let mut after: Option<Cursor> = None;
    let mut out = Vec::new();
    for _ in 0..100_000 {
        let rows = list(Page::first(limit).after(after.clone())).unwrap();
        let Some(last) = rows.last() else {
            return out;
        };
        // Through the token, as a client would send it back.
        after = Some(last.cursor().to_string().parse().unwrap());
        out.extend(rows);
    }
    panic!("the walk does not end");
}

/// Both walks, at two page sizes, equal the one big offset query; returns that.
fn assert_walks<T, F>(what: &str, mut list: F) -> Vec<T>
where
    T: Keyed + Clone + PartialEq + Debug,
    F: FnMut(PageRequest) -> Result<Vec<T>>,
{
    let all = list(Page::first(MAX_PAGE_SIZE).into()).unwrap();
    assert!(
        all.len() > 3 && (all.len() as i64) < MAX_PAGE_SIZE,
        "{what}: {} rows is no test",
        all.len()
    );
    for limit in [1, 7, 50] {
        assert_eq!(
            walk_paged(limit, &mut list),
            all,
            "{what}: paged walk, limit {limit}"
        );
        assert_eq!(
            walk_plain(limit, &mut list),
            all,
            "{what}: plain walk, limit {limit}"
        );
    }
    // Offset paging still agrees too.
    let second = list(Page::new(2, 2).into()).unwrap();
    assert_eq!(second, all[2..4], "{what}: offset page");
    all
}

/// How many rows share their leading key with the row before (ties a keyset must split).
fn ties<T, K: PartialEq>(rows: &[T], key: impl Fn(&T) -> K) -> usize {
    rows.windows(2).filter(|w| key(&w[0]) == key(&w[1])).count()
}

#[test]
fn every_list_walks_by_cursor_exactly_like_one_offset_query() {
    let (_db, mut conn) = database();
    let conn = &mut conn;

    let threshold = HealthScore::new(100).unwrap();
    let rows = assert_walks("health_dashboard", |p| {
        queries::health_dashboard(conn, threshold, p)
    });
    assert!(ties(&rows, |r| r.health_score) > 50, "health: too few ties");

    let rows = assert_walks("csm_workload", |p| queries::csm_workload(conn, p));
    // Groups tied at three customers (ours and the demo's), the CSM-less one last among them.
    let threes: Vec<Option<&str>> = rows
        .iter()
        .filter(|r| r.customer_count == 3)
        .map(|r| r.csm_assigned.as_deref())
        .collect();
    assert!(
        threes.len() > 3 && threes.last() == Some(&None),
        "{threes:?}"
    );
    assert!(threes.contains(&Some("Tie Alpha")) && threes.contains(&Some("Tie Beta")));

    let status = [
        RenewalStatus::OnTrack,
        RenewalStatus::AtRisk,
        RenewalStatus::HighRisk,
    ]
    .into_iter()
    .max_by_key(|s| {
        queries::renewal_pipeline(conn, 3650, *s, Page::first(MAX_PAGE_SIZE))
            .unwrap()
            .len()
    })
    .unwrap();
    let rows = assert_walks("renewal_pipeline", |p| {
        queries::renewal_pipeline(conn, 3650, status, p)
    });
    assert!(
        ties(&rows, |r| r.renewal_date) > 10,
        "renewal: too few ties"
    );

    let rows = assert_walks("sla_monitoring", |p| queries::sla_monitoring(conn, p));
    assert!(
        ties(&rows, |r| (r.priority, r.created_at)) > 5,
        "sla: too few ties"
    );

    let levels = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ];
    let rows = assert_walks("churn_risk", |p| queries::churn_risk(conn, &levels, p));
    assert!(
        ties(&rows, |r| r.churn_probability) > 50,
        "churn: too few ties"
    );
    // The new tie-breaker: id descending within one probability.
    assert!(rows
        .windows(2)
        .all(|w| w[0].churn_probability > w[1].churn_probability
            || (w[0].churn_probability == w[1].churn_probability
                && w[0].prediction_id > w[1].prediction_id)));

    let csm = queries::csm_workload(conn, Page::first(1)).unwrap()[0]
        .csm_assigned
        .clone()
        .unwrap();
    let rows = assert_walks("csm_customers", |p| {
        queries::csm_customers(conn, &csm, LifecycleStage::Active, p)
    });
    assert!(rows.len() > 7, "{csm} has {} customers", rows.len());

    // Crud::list; the tickets walked by 500s reach every ticket in id order.
    assert_walks("Customer::list", |p| Customer::list(conn, p));
    let tickets = walk_paged(500, |p| SupportTicket::list(conn, p));
    assert_eq!(tickets.len() as i64, SupportTicket::count(conn).unwrap());
    assert!(tickets.windows(2).all(|w| w[0].id < w[1].id));

    // list_by_client: the customer with the most tickets.
    let client = most_rows(conn, "support_tickets");
    assert_walks("SupportTicket::list_by_client", |p| {
        SupportTicket::list_by_client(conn, &client, p)
    });
}

fn most_rows(conn: &mut PgConnection, table: &str) -> String {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct C {
        #[diesel(sql_type = diesel::sql_types::Text)]
        client_id: String,
    }
    diesel::sql_query(format!(
        "SELECT client_id FROM {table} GROUP BY client_id ORDER BY count(*) DESC, client_id LIMIT 1"
    ))
    .get_result::<C>(conn)
    .unwrap()
    .client_id
}

fn assert_invalid_cursor<T: Debug>(r: Result<T>, needle: &str) {
    match r {
        Err(Error::InvalidCursor { message }) => {
            assert!(message.contains(needle), "{message:?} lacks {needle:?}")
        }
        other => panic!("expected InvalidCursor containing {needle:?}, got {other:?}"),
    }
}

#[test]
fn refused_cursors_are_the_documented_error() {
    let (_db, mut conn) = database();
    let conn = &mut conn;
    let threshold = HealthScore::new(100).unwrap();
    let health = queries::health_dashboard(conn, threshold, Page::first(3)).unwrap()[2].cursor();
    assert_eq!(health.list(), "health_dashboard");

    // A cursor of another list, at run time: the list's name in the message.
    let levels = [RiskLevel::High];
    assert_invalid_cursor(
        queries::churn_risk(conn, &levels, Page::first(5).after(health.clone())),
        "belongs to the list `health_dashboard`, not to `churn_risk`",
    );
    assert_invalid_cursor(
        queries::csm_workload(conn, Page::first(5).after(health.clone())),
        "not to `csm_workload`",
    );
    let customer = Customer::list(conn, Page::first(1)).unwrap()[0].cursor();
    assert_eq!(customer.list(), "customers");
    assert_invalid_cursor(
        SupportTicket::list(conn, Page::first(5).after(customer.clone())),
        "not to `support_tickets`",
    );
    assert_invalid_cursor(
        SupportTicket::list_by_client(conn, "x", Page::first(5).after(customer.clone())),
        "not to `support_tickets`",
    );
    // Same list name, same key shape: accepted (Crud::list and list_by_client share cursors).
    Customer::list_by_client(conn, "x", Page::first(5).after(customer)).unwrap();
    // EXPLAIN of a query with a refused cursor refuses too (nothing reaches the server).
    let workload = queries::csm_workload(conn, Page::first(1)).unwrap()[0].cursor();
    assert_invalid_cursor(
        queries::explain(
            conn,
            queries::health_dashboard_query(threshold, Page::first(5).after(workload)),
        ),
        "not to `health_dashboard`",
    );
    // The connection is still usable afterwards.
    queries::health_dashboard(conn, threshold, Page::first(1)).unwrap();

    // Garbage, tampered and truncated tokens, when parsed.
    let token = health.to_string();
    for bad in [
        "garbage!".to_owned(),
        String::new(),
        "AAAA".to_owned(),
        token[..token.len() - 2].to_owned(),
        format!("{token}A"),
        {
            let mut t = token.clone().into_bytes();
            t[5] = if t[5] == b'a' { b'b' } else { b'a' };
            String::from_utf8(t).unwrap()
        },
        "A".repeat(5000),
    ] {
        match bad.parse::<Cursor>() {
            Err(Error::InvalidCursor { .. }) => {}
            other => panic!("{bad:?}: expected InvalidCursor, got {other:?}"),
        }
        // Through serde, as an MCP argument would arrive: a serde error naming the cursor.
        let e =
            serde_json::from_value::<Cursor>(serde_json::Value::String(bad.clone())).unwrap_err();
        assert!(e.to_string().contains("invalid cursor"), "{e}");
    }
    assert!(serde_json::from_str::<Cursor>("42").is_err());
}

#[test]
fn cursors_survive_a_serde_round_trip() {
    let (_db, mut conn) = database();
    let conn = &mut conn;
    // Each list's cursor (dates, timestamps, floats, NULL and non-ASCII text among them).
    let threshold = HealthScore::new(100).unwrap();
    let levels = [RiskLevel::High, RiskLevel::Critical];
    let workload = queries::csm_workload(conn, Page::first(100)).unwrap();
    let cursors: Vec<Cursor> = vec![
        queries::health_dashboard(conn, threshold, Page::first(4)).unwrap()[3].cursor(),
        workload[2].cursor(),
        workload
            .iter()
            .find(|r| r.csm_assigned.is_none())
            .unwrap()
            .cursor(),
        queries::sla_monitoring(conn, Page::first(4)).unwrap()[3].cursor(),
        queries::churn_risk(conn, &levels, Page::first(4)).unwrap()[3].cursor(),
        queries::renewal_pipeline(conn, 3650, RenewalStatus::OnTrack, Page::first(4)).unwrap()[3]
            .cursor(),
        Customer::list(conn, Page::first(4)).unwrap()[3].cursor(),
    ];
    for c in cursors {
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.starts_with('"') && json.len() < 200, "{json}");
        let back: Cursor = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.to_string().parse::<Cursor>().unwrap(), c);
    }
    // A page request (limit, offset, cursor) round-trips as well, and resumes the same way.
    let page = Page::first(5)
        .after(queries::health_dashboard(conn, threshold, Page::first(10)).unwrap()[9].cursor());
    let back: PageRequest = serde_json::from_str(&serde_json::to_string(&page).unwrap()).unwrap();
    assert_eq!(back, page);
    assert_eq!(
        queries::health_dashboard(conn, threshold, back).unwrap(),
        queries::health_dashboard(conn, threshold, Page::new(5, 10)).unwrap()
    );
}

/// Whether some node of the plan has an `Index Cond` containing `needle`.
fn index_cond_contains(report: &ExplainReport, needle: &str) -> bool {
    report.index_conditions.iter().any(|c| c.contains(needle))
}

#[test]
fn the_keyset_predicate_is_an_index_condition() {
    let (_db, mut conn) = database();
    let conn = &mut conn;
    // Schema v2's indexes follow the orderings (migration v2_indexes). At this test's size a
    // sequential scan and a sort are cheapest, so they are disabled: the claim is that the row
    // comparison *is* a single index range on those indexes, not which plan wins on 300
    // customers (tests/index_usage.rs pins the plans on realistic data).
    conn.batch_execute(
        "ANALYZE;
         SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off;",
    )
    .unwrap();

    let threshold = HealthScore::new(70).unwrap();
    let after = queries::health_dashboard(conn, threshold, Page::first(40)).unwrap()[39].cursor();
    let r = queries::explain(
        conn,
        queries::health_dashboard_query(threshold, Page::first(20).after(after)),
    )
    .unwrap();
    eprintln!("health: {}", r.plan);
    assert!(
        r.uses_index("ix_customers_health_dashboard"),
        "{:?}",
        r.indexes
    );
    assert!(
        index_cond_contains(&r, "ROW(health_score, id) > ROW("),
        "the row comparison is not an index condition: {}",
        r.plan
    );

    let client = most_rows(conn, "support_tickets");
    let after = SupportTicket::list_by_client(conn, &client, Page::first(2)).unwrap()[1].cursor();
    let r = queries::explain(
        conn,
        SupportTicket::list_by_client_query(client.clone(), Page::first(20).after(after)),
    )
    .unwrap();
    eprintln!("list_by_client: {}", r.plan);
    assert!(
        r.uses_index("ix_support_tickets_client_keyset"),
        "{:?}",
        r.indexes
    );
    assert!(index_cond_contains(&r, "client_id"), "{}", r.plan);
    assert!(index_cond_contains(&r, "id >"), "{}", r.plan);
}
