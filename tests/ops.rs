//! The operations of issue 11, item 1, against real PostgreSQL: upsert on the business key,
//! a parent's children, ticket and customer filters (walked page by page with rows inserted
//! between pages), the indexes those lists use, and the transaction helpers.
mod common;

use std::collections::HashSet;
use std::sync::{mpsc, Arc, Barrier};

use chrono::{Days, NaiveDate};
use common::TestDatabase;
use customer_success_db::crud::{ByClient, ByKey, Crud, Page, PageRequest, Paged};
use customer_success_db::cursor::Keyed;
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::models::*;
use customer_success_db::ops::{CustomerFilter, TicketFilter};
use customer_success_db::queries::{self, ExplainReport};
use customer_success_db::schema::{customers, training_completions};
use customer_success_db::types::*;
use customer_success_db::{serializable_transaction, transaction, Error};
use diesel::connection::SimpleConnection;
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::{Connection, PgConnection};
use serde_json::json;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn new_customer(key: &str) -> NewCustomer {
    NewCustomer::new(
        key,
        format!("{key} name"),
        format!("{key} Inc"),
        day(2025, 1, 1),
    )
}

fn new_ticket(
    key: &str,
    client: &str,
    status: TicketStatus,
    priority: TicketPriority,
) -> NewSupportTicket {
    NewSupportTicket::builder()
        .ticket_id(key)
        .client_id(client)
        .subject(format!("subject of {key}"))
        .description("what happened")
        .priority(priority)
        .category(TicketCategory::TechnicalIssue)
        .requester_email("ops@example.com")
        .requester_name("Ops")
        .status(status)
        .sla_first_response_minutes(Count::new(60).unwrap())
        .sla_resolution_minutes(Count::new(480).unwrap())
        .build()
        .unwrap()
}

/// Walks a list with `Paged::load`, calling `between` after each page; returns the rows in the
/// order seen and the number of pages.
fn walk<T: Keyed + Clone>(
    conn: &mut PgConnection,
    limit: i64,
    mut load: impl FnMut(&mut PgConnection, PageRequest) -> customer_success_db::Result<Vec<T>>,
    mut between: impl FnMut(&mut PgConnection, usize),
) -> (Vec<T>, usize) {
    let mut request = Page::first(limit).after(None);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let paged = Paged::load(request.clone(), |p| load(conn, p)).unwrap();
        assert!(paged.rows.len() <= limit as usize);
        pages += 1;
        seen.extend(paged.rows.iter().cloned());
        between(conn, pages);
        match paged.next_page(&request) {
            Some(next) => request = next,
            None => break,
        }
        assert!(pages < 1_000, "the walk does not end");
    }
    (seen, pages)
}

fn assert_unique(ids: &[i64]) {
    let set: HashSet<_> = ids.iter().collect();
    assert_eq!(set.len(), ids.len(), "duplicates in {ids:?}");
}

// ---------------------------------------------------------------------------------------------
// Upsert.
// ---------------------------------------------------------------------------------------------

#[test]
fn upsert_inserts_then_updates_in_place_keeping_id_and_created_at() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;

    let first = NewCustomer {
        tier: Some(CustomerTier::Starter),
        industry: Some("Retail".into()),
        csm_assigned: Some("Ana".into()),
        ..new_customer("acme")
    };
    let inserted = Customer::upsert_by_key(conn, &first).unwrap();
    assert_eq!(inserted.tier, CustomerTier::Starter);
    assert_eq!(inserted.industry, "Retail");
    assert_eq!(Customer::count(conn).unwrap(), 1);

    // The second upsert of the key updates that row: every insert column from the new value
    // (an optional one left `None` goes back to its default), id and created_at kept, and
    // updated_at moved on by the trigger.
    conn.batch_execute("SELECT pg_sleep(0.01)").unwrap();
    let second = NewCustomer {
        client_name: "Acme Renamed".into(),
        tier: Some(CustomerTier::Enterprise),
        renewal_date: Some(day(2026, 6, 30)),
        created_at: Some(day(2020, 1, 1).and_hms_opt(0, 0, 0).unwrap().and_utc()),
        ..new_customer("acme")
    };
    let updated = Customer::upsert_by_key(conn, &second).unwrap();
    assert_eq!(updated.id, inserted.id);
    assert_eq!(updated.created_at, inserted.created_at);
    assert!(updated.updated_at > inserted.updated_at, "{updated:?}");
    assert_eq!(updated.client_name, "Acme Renamed");
    assert_eq!(updated.tier, CustomerTier::Enterprise);
    assert_eq!(updated.renewal_date, Some(day(2026, 6, 30)));
    assert_eq!(updated.industry, "Technology", "None resets to the default");
    assert_eq!(updated.csm_assigned, None, "None resets a nullable column");
    assert_eq!(Customer::count(conn).unwrap(), 1);
    assert_eq!(Customer::get_by_key(conn, "acme").unwrap(), updated);

    // Repeating the stored values changes nothing, not even updated_at.
    let again = Customer::upsert_by_key(conn, &second).unwrap();
    assert_eq!(again, updated);

    // A child table: a ticket upserted by ticket_id.
    let t = new_ticket("T-1", "acme", TicketStatus::Open, TicketPriority::P2);
    let t1 = SupportTicket::upsert_by_key(conn, &t).unwrap();
    let t = new_ticket("T-1", "acme", TicketStatus::Resolved, TicketPriority::P1);
    let t2 = SupportTicket::upsert_by_key(conn, &t).unwrap();
    assert_eq!((t2.id, t2.created_at), (t1.id, t1.created_at));
    assert_eq!(
        (t2.status, t2.priority),
        (TicketStatus::Resolved, TicketPriority::P1)
    );
    assert_eq!(SupportTicket::count(conn).unwrap(), 1);
}

#[test]
fn upsert_refuses_bad_input_before_sending_and_names_an_unknown_parent() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    Customer::create(conn, &new_customer("acme")).unwrap();
    let before = Customer::get_by_key(conn, "acme").unwrap();

    // Oversize text: InvalidData naming the column, nothing sent.
    let too_long = NewCustomer {
        client_name: "x".repeat(201),
        ..new_customer("acme")
    };
    let e = Customer::upsert_by_key(conn, &too_long).unwrap_err();
    assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
    assert!(e.to_string().contains("customers.client_name"), "{e}");
    // A rule across columns (Validate): renewal before the contract starts.
    let inverted = NewCustomer {
        renewal_date: Some(day(2024, 1, 1)),
        ..new_customer("acme")
    };
    let e = Customer::upsert_by_key(conn, &inverted).unwrap_err();
    assert!(matches!(e, Error::Validation(_)), "{e:?}");
    // A blank key.
    let e = Customer::upsert_by_key(conn, &new_customer(" ")).unwrap_err();
    assert!(matches!(e, Error::Validation(_)), "{e:?}");
    assert_eq!(Customer::get_by_key(conn, "acme").unwrap(), before);
    assert_eq!(Customer::count(conn).unwrap(), 1);

    // A ticket of a customer that does not exist: the crate's foreign-key error.
    let orphan = new_ticket("T-9", "nobody", TicketStatus::Open, TicketPriority::P3);
    let e = SupportTicket::upsert_by_key(conn, &orphan).unwrap_err();
    assert!(matches!(e, Error::ForeignKeyViolation { .. }), "{e:?}");
    assert!(e.constraint().unwrap().contains("client_id"), "{e:?}");
    assert_eq!(SupportTicket::count(conn).unwrap(), 0);
}

#[test]
fn concurrent_upserts_of_one_key_both_succeed_and_leave_one_row() {
    let db = TestDatabase::new().unwrap();
    let rounds = 20;
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|who| {
            let mut conn = db.connect().unwrap();
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for i in 0..rounds {
                    let new = NewCustomer {
                        client_name: format!("{who} {i}"),
                        ..new_customer("contested")
                    };
                    barrier.wait();
                    ids.push(Customer::upsert_by_key(&mut conn, &new).unwrap().id);
                }
                ids
            })
        })
        .collect();
    let ids: Vec<Vec<i64>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let mut conn = db.connect().unwrap();
    let row = Customer::get_by_key(&mut conn, "contested").unwrap();
    assert_eq!(Customer::count(&mut conn).unwrap(), 1);
    // Both sides always got the one row back.
    assert!(ids.iter().flatten().all(|&id| id == row.id), "{ids:?}");
    assert_eq!(ids.iter().flatten().count(), 2 * rounds);
    assert!(
        row.client_name.ends_with(&format!(" {}", rounds - 1)),
        "{row:?}"
    );
}

#[test]
fn upsert_many_is_in_input_order_all_or_nothing_and_refuses_a_repeated_key() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let existing = Customer::create(conn, &new_customer("b")).unwrap();

    let rows = vec![
        new_customer("c"),
        NewCustomer {
            tier: Some(CustomerTier::Professional),
            ..new_customer("b")
        },
        new_customer("a"),
    ];
    let out = Customer::upsert_many(conn, &rows).unwrap();
    let keys: Vec<_> = out.iter().map(|c| c.client_id.as_str()).collect();
    assert_eq!(keys, ["c", "b", "a"]);
    assert_eq!(out[1].id, existing.id);
    assert_eq!(out[1].tier, CustomerTier::Professional);
    assert_eq!(Customer::count(conn).unwrap(), 3);

    // A key twice: refused before sending (PostgreSQL cannot update one row twice).
    let twice = vec![new_customer("d"), new_customer("d")];
    let e = Customer::upsert_many(conn, &twice).unwrap_err();
    match &e {
        Error::Validation(v) => {
            assert_eq!(v.field(), "client_id");
            assert_eq!(v.kind(), ValidationErrorKind::Duplicate);
        }
        other => panic!("{other:?}"),
    }
    // One bad row (unknown customer) rolls the whole batch back.
    let tickets = vec![
        new_ticket("T-1", "a", TicketStatus::Open, TicketPriority::P1),
        new_ticket("T-2", "nobody", TicketStatus::Open, TicketPriority::P1),
    ];
    let e = SupportTicket::upsert_many(conn, &tickets).unwrap_err();
    assert!(matches!(e, Error::ForeignKeyViolation { .. }), "{e:?}");
    assert_eq!(SupportTicket::count(conn).unwrap(), 0);
    assert_eq!(Customer::count(conn).unwrap(), 3);
    assert!(Customer::upsert_many(conn, &[]).unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Children.
// ---------------------------------------------------------------------------------------------

#[test]
fn children_lists_are_exactly_the_parents_rows_page_by_page() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    demo::load(conn, &DemoConfig::new(40, 11), &mut |_| {}).unwrap();

    // Milestones of the plan with the most of them.
    let all = OnboardingMilestone::list(conn, Page::first(10_000)).unwrap();
    let plan = most_common(all.iter().map(|m| m.plan_id.clone()));
    let client = all
        .iter()
        .find(|m| m.plan_id == plan)
        .map(|m| m.client_id.clone())
        .unwrap();
    let mut n = 0;
    let (seen, pages) = walk(
        conn,
        2,
        |c, p| OnboardingMilestone::list_for_plan(c, &plan, p),
        |c, page| {
            if page <= 2 {
                // Added between pages: its id follows the cursor, so a later page has it.
                n += 1;
                let m = NewOnboardingMilestone::builder()
                    .milestone_id(format!("M-NEW-{n}"))
                    .plan_id(plan.clone())
                    .client_id(client.clone())
                    .name("Added later")
                    .description("inserted between pages")
                    .week(Count::new(9).unwrap())
                    .sequence_order(Count::new(99).unwrap())
                    .tasks(json!([]))
                    .estimated_hours(Count::new(1).unwrap())
                    .build()
                    .unwrap();
                OnboardingMilestone::create(c, &m).unwrap();
            }
        },
    );
    let all = OnboardingMilestone::list(conn, Page::first(10_000)).unwrap();
    let expected: Vec<i64> = all
        .iter()
        .filter(|m| m.plan_id == plan)
        .map(|m| m.id)
        .collect();
    let ids: Vec<i64> = seen.iter().map(|m| m.id).collect();
    assert_unique(&ids);
    assert_eq!(ids, expected);
    assert!(
        pages >= 3 && expected.len() >= 5,
        "{pages} pages, {expected:?}"
    );
    assert!(seen.iter().any(|m| m.milestone_id == "M-NEW-2"));

    // Comments of the ticket with the most comments.
    let all = TicketComment::list(conn, Page::first(10_000)).unwrap();
    let ticket = most_common(all.iter().map(|c| c.ticket_id.clone()));
    let (seen, _) = walk(
        conn,
        1,
        |c, p| TicketComment::list_for_ticket(c, &ticket, p),
        |_, _| {},
    );
    let expected: Vec<i64> = all
        .iter()
        .filter(|c| c.ticket_id == ticket)
        .map(|c| c.id)
        .collect();
    assert!(expected.len() >= 2, "{expected:?}");
    assert_eq!(seen.iter().map(|c| c.id).collect::<Vec<_>>(), expected);

    // Completions of the module with the most completions.
    let all = TrainingCompletion::list(conn, Page::first(10_000)).unwrap();
    let module = most_common(all.iter().map(|c| c.module_id.clone()));
    let (seen, _) = walk(
        conn,
        3,
        |c, p| TrainingCompletion::list_for_module(c, &module, p),
        |_, _| {},
    );
    let expected: Vec<i64> = all
        .iter()
        .filter(|c| c.module_id == module)
        .map(|c| c.id)
        .collect();
    assert!(expected.len() >= 4, "{expected:?}");
    assert_eq!(seen.iter().map(|c| c.id).collect::<Vec<_>>(), expected);

    // An unknown parent has no children (not an error).
    assert!(
        OnboardingMilestone::list_for_plan(conn, "no-such-plan", Page::default())
            .unwrap()
            .is_empty()
    );
    assert!(
        TicketComment::list_for_ticket(conn, "no-such-ticket", Page::default())
            .unwrap()
            .is_empty()
    );
    assert!(
        TrainingCompletion::list_for_module(conn, "no-such-module", Page::default())
            .unwrap()
            .is_empty()
    );

    // A cursor of another list is refused, not misread.
    let customer = Customer::list(conn, Page::first(1)).unwrap().remove(0);
    let e = TicketComment::list_for_ticket(conn, &ticket, Page::first(5).after(customer.cursor()))
        .unwrap_err();
    assert!(matches!(e, Error::InvalidCursor { .. }), "{e:?}");
}

fn most_common(keys: impl Iterator<Item = String>) -> String {
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
        .expect("the demo data has rows")
}

// ---------------------------------------------------------------------------------------------
// Ticket filter.
// ---------------------------------------------------------------------------------------------

#[test]
fn ticket_filter_walks_exactly_the_matching_tickets_with_rows_inserted_between_pages() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    for key in ["acme", "globex"] {
        Customer::create(conn, &new_customer(key)).unwrap();
    }
    use TicketPriority::*;
    use TicketStatus::*;
    let statuses = [Open, InProgress, Resolved, Closed, WaitingOnCustomer];
    let priorities = [P1, P2, P3];
    let mut seq = 0;
    let mut next_ticket = |client: &str, i: usize| {
        seq += 1;
        new_ticket(
            &format!("T-{seq}"),
            client,
            statuses[i % statuses.len()],
            priorities[i % priorities.len()],
        )
    };
    let initial: Vec<_> = (0..45)
        .map(|i| next_ticket(if i % 3 == 2 { "globex" } else { "acme" }, i))
        .collect();
    SupportTicket::create_many(conn, &initial).unwrap();

    let filter = TicketFilter {
        status: vec![Open, InProgress],
        priority: vec![P1, P3],
        ..Default::default()
    };
    let matches = |t: &SupportTicket| {
        t.client_id == "acme"
            && filter.status.contains(&t.status)
            && filter.priority.contains(&t.priority)
    };
    let (seen, pages) = walk(
        conn,
        2,
        |c, p| SupportTicket::list_filtered(c, "acme", &filter, p),
        |c, page| {
            if page <= 3 {
                // One matching and one not for acme, one matching for globex.
                let mut t = next_ticket("acme", 0);
                t.status = Some(Open);
                t.priority = P1;
                SupportTicket::create(c, &t).unwrap();
                let mut t = next_ticket("acme", 0);
                t.status = Some(Resolved);
                SupportTicket::create(c, &t).unwrap();
                let mut t = next_ticket("globex", 0);
                t.status = Some(Open);
                t.priority = P1;
                SupportTicket::create(c, &t).unwrap();
            }
        },
    );
    let ids: Vec<i64> = seen.iter().map(|t| t.id).collect();
    assert_unique(&ids);
    assert!(seen.iter().all(matches), "{seen:?}");
    // Exactly what one unpaged read of the table, filtered here, holds now.
    let everything = SupportTicket::list(conn, Page::first(10_000)).unwrap();
    let expected: Vec<i64> = everything
        .iter()
        .filter(|t| matches(t))
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, expected);
    assert!(pages >= 4, "{pages} pages for {} rows", expected.len());
    // And the same as the list's own unpaged query.
    let unpaged = SupportTicket::list_filtered(conn, "acme", &filter, Page::first(10_000)).unwrap();
    assert_eq!(unpaged.iter().map(|t| t.id).collect::<Vec<_>>(), expected);

    // Each condition alone, and none.
    let cases = [
        TicketFilter::default(),
        TicketFilter {
            status: vec![Resolved],
            ..Default::default()
        },
        TicketFilter {
            priority: vec![P2],
            ..Default::default()
        },
        TicketFilter {
            category: vec![TicketCategory::BugReport],
            ..Default::default()
        },
    ];
    for f in &cases {
        let got = SupportTicket::list_filtered(conn, "acme", f, Page::first(10_000)).unwrap();
        let want: Vec<i64> = everything
            .iter()
            .filter(|t| {
                t.client_id == "acme"
                    && (f.status.is_empty() || f.status.contains(&t.status))
                    && (f.priority.is_empty() || f.priority.contains(&t.priority))
                    && (f.category.is_empty() || f.category.contains(&t.category))
            })
            .map(|t| t.id)
            .collect();
        assert_eq!(got.iter().map(|t| t.id).collect::<Vec<_>>(), want, "{f:?}");
    }
    assert!(
        SupportTicket::list_filtered(conn, "nobody", &filter, Page::default())
            .unwrap()
            .is_empty()
    );
    // The cursors are the table's: one of list_by_client resumes the filtered list too.
    let first = SupportTicket::list_by_client(conn, "acme", Page::first(1)).unwrap();
    let after = SupportTicket::list_filtered(
        conn,
        "acme",
        &TicketFilter::default(),
        Page::first(10_000).after(first[0].cursor()),
    )
    .unwrap();
    assert!(after.iter().all(|t| t.id > first[0].id));
    // JSON input (MCP tools): unknown fields and values refused.
    let f: TicketFilter = serde_json::from_value(json!({"status": ["open"]})).unwrap();
    assert_eq!(f.status, [Open]);
    assert!(serde_json::from_value::<TicketFilter>(json!({"statuses": ["open"]})).is_err());
    assert!(serde_json::from_value::<TicketFilter>(json!({"status": ["opened"]})).is_err());
}

// ---------------------------------------------------------------------------------------------
// Customer search.
// ---------------------------------------------------------------------------------------------

#[test]
fn customer_search_applies_each_condition_and_matches_names_literally() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let names = [
        "Acme Corp",
        "50% Off Outlet",
        "500 Club",
        "snake_case Ltd",
        "snakeXcase Ltd",
        "Back\\slash",
        "ACME Holdings",
    ];
    let tiers = [CustomerTier::Starter, CustomerTier::Enterprise];
    let statuses = [
        CustomerStatus::Active,
        CustomerStatus::Churned,
        CustomerStatus::Paused,
    ];
    let mut rows = Vec::new();
    for i in 0..30 {
        let key = format!("c{i:02}");
        rows.push(NewCustomer {
            tier: Some(tiers[i % 2]),
            status: Some(statuses[i % 3]),
            lifecycle_stage: Some(if i % 4 == 0 {
                LifecycleStage::Renewal
            } else {
                LifecycleStage::Active
            }),
            csm_assigned: (i % 5 != 0).then(|| format!("csm{}", i % 3)),
            renewal_date: (i % 6 != 0).then(|| day(2026, 1, 1) + Days::new(10 * i as u64)),
            ..NewCustomer::new(
                key.clone(),
                format!("client {key}"),
                names[i % names.len()],
                day(2025, 1, 1),
            )
        });
    }
    Customer::create_many(conn, &rows).unwrap();
    let all = Customer::list(conn, Page::first(10_000)).unwrap();

    let check = |conn: &mut PgConnection, f: &CustomerFilter, want: &dyn Fn(&Customer) -> bool| {
        let got: Vec<i64> = Customer::search(conn, f, Page::first(10_000))
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        let expected: Vec<i64> = all.iter().filter(|c| want(c)).map(|c| c.id).collect();
        assert_eq!(got, expected, "{f:?}");
        got.len()
    };
    assert_eq!(check(conn, &CustomerFilter::default(), &|_| true), 30);
    let n = check(
        conn,
        &CustomerFilter {
            tier: vec![CustomerTier::Enterprise],
            ..Default::default()
        },
        &|c| c.tier == CustomerTier::Enterprise,
    );
    assert_eq!(n, 15);
    let n = check(
        conn,
        &CustomerFilter {
            status: vec![CustomerStatus::Churned, CustomerStatus::Paused],
            ..Default::default()
        },
        &|c| c.status != CustomerStatus::Active,
    );
    assert_eq!(n, 20);
    check(
        conn,
        &CustomerFilter {
            lifecycle_stage: vec![LifecycleStage::Renewal],
            ..Default::default()
        },
        &|c| c.lifecycle_stage == LifecycleStage::Renewal,
    );
    let n = check(
        conn,
        &CustomerFilter {
            csm_assigned: Some("csm1".into()),
            ..Default::default()
        },
        &|c| c.csm_assigned.as_deref() == Some("csm1"),
    );
    assert!(n > 0);
    let (from, to) = (day(2026, 2, 1), day(2026, 4, 1));
    let n = check(
        conn,
        &CustomerFilter {
            renewal_from: Some(from),
            renewal_to: Some(to),
            ..Default::default()
        },
        &|c| c.renewal_date.is_some_and(|d| d >= from && d <= to),
    );
    assert!(n > 0);
    check(
        conn,
        &CustomerFilter {
            renewal_from: Some(to),
            ..Default::default()
        },
        &|c| c.renewal_date.is_some_and(|d| d >= to),
    );
    // One day: both ends inclusive.
    let one = all.iter().find_map(|c| c.renewal_date).unwrap();
    let n = check(
        conn,
        &CustomerFilter {
            renewal_from: Some(one),
            renewal_to: Some(one),
            ..Default::default()
        },
        &|c| c.renewal_date == Some(one),
    );
    assert!(n >= 1);

    // Names: case-insensitive, either name column, `%` `_` `\` literal.
    let by_name = |text: &str| CustomerFilter {
        name_contains: Some(text.into()),
        ..Default::default()
    };
    let contains = |c: &Customer, t: &str| {
        let t = t.to_lowercase();
        c.company_name.to_lowercase().contains(&t) || c.client_name.to_lowercase().contains(&t)
    };
    assert!(check(conn, &by_name("acme"), &|c| contains(c, "acme")) >= 2);
    let n = check(conn, &by_name("50%"), &|c| contains(c, "50%"));
    assert!(n >= 1 && all.iter().any(|c| c.company_name == "500 Club"));
    assert!(check(conn, &by_name("_case"), &|c| contains(c, "_case")) >= 1);
    assert!(check(conn, &by_name("k\\s"), &|c| contains(c, "k\\s")) >= 1);
    assert!(check(conn, &by_name("CLIENT C0"), &|c| contains(c, "client c0")) == 10);
    assert_eq!(check(conn, &by_name("%"), &|c| contains(c, "%")), 5);

    // Conditions combine (AND).
    let combined = CustomerFilter {
        tier: vec![CustomerTier::Starter],
        status: vec![CustomerStatus::Active, CustomerStatus::Paused],
        renewal_from: Some(day(2026, 1, 15)),
        ..Default::default()
    };
    let want = |c: &Customer| {
        c.tier == CustomerTier::Starter
            && c.status != CustomerStatus::Churned
            && c.renewal_date.is_some_and(|d| d >= day(2026, 1, 15))
    };
    let n = check(conn, &combined, &want);
    assert!(n >= 3, "{n}");

    // Walked page by page, with customers added between pages.
    let mut added = 0;
    let (seen, pages) = walk(
        conn,
        2,
        |c, p| Customer::search(c, &combined, p),
        |c, page| {
            if page <= 2 {
                added += 1;
                let yes = NewCustomer {
                    tier: Some(CustomerTier::Starter),
                    status: Some(CustomerStatus::Paused),
                    renewal_date: Some(day(2027, 1, 1)),
                    ..new_customer(&format!("late-yes-{added}"))
                };
                let no = NewCustomer {
                    tier: Some(CustomerTier::Enterprise),
                    renewal_date: Some(day(2027, 1, 1)),
                    ..new_customer(&format!("late-no-{added}"))
                };
                Customer::create_many(c, &[yes, no]).unwrap();
            }
        },
    );
    let ids: Vec<i64> = seen.iter().map(|c| c.id).collect();
    assert_unique(&ids);
    let now = Customer::list(conn, Page::first(10_000)).unwrap();
    let expected: Vec<i64> = now.iter().filter(|c| want(c)).map(|c| c.id).collect();
    assert_eq!(ids, expected);
    assert!(pages >= 3);
    assert!(seen.iter().any(|c| c.client_id == "late-yes-2"));
}

#[test]
fn customer_search_refuses_bad_filters_before_sending() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    let inverted = CustomerFilter {
        renewal_from: Some(day(2026, 3, 1)),
        renewal_to: Some(day(2026, 2, 1)),
        ..Default::default()
    };
    let e = Customer::search(conn, &inverted, Page::default()).unwrap_err();
    match &e {
        Error::Validation(v) => assert_eq!(v.field(), "renewal_from"),
        other => panic!("{other:?}"),
    }
    assert!(Customer::search_query(&inverted, Page::default()).is_err());
    let long = CustomerFilter {
        name_contains: Some("x".repeat(201)),
        ..Default::default()
    };
    let e = Customer::search(conn, &long, Page::default()).unwrap_err();
    assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
    let long = CustomerFilter {
        csm_assigned: Some("x".repeat(201)),
        ..Default::default()
    };
    let e = Customer::search(conn, &long, Page::default()).unwrap_err();
    assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
    let ancient = CustomerFilter {
        renewal_to: NaiveDate::from_ymd_opt(-5000, 1, 1),
        ..Default::default()
    };
    let e = Customer::search(conn, &ancient, Page::default()).unwrap_err();
    assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
    // A cursor of another list.
    Customer::create(conn, &new_customer("acme")).unwrap();
    let t = SupportTicket::create(
        conn,
        &new_ticket("T-1", "acme", TicketStatus::Open, TicketPriority::P1),
    )
    .unwrap();
    let e = Customer::search(
        conn,
        &CustomerFilter::default(),
        Page::first(5).after(t.cursor()),
    )
    .unwrap_err();
    assert!(matches!(e, Error::InvalidCursor { .. }), "{e:?}");
    // Unknown JSON fields are refused.
    assert!(serde_json::from_value::<CustomerFilter>(json!({"csm": "x"})).is_err());
    let f: CustomerFilter =
        serde_json::from_value(json!({"tier": ["enterprise"], "renewal_to": "2026-12-31"}))
            .unwrap();
    assert_eq!(f.tier, [CustomerTier::Enterprise]);
}

// ---------------------------------------------------------------------------------------------
// Index use.
// ---------------------------------------------------------------------------------------------

fn show(name: &str, r: &ExplainReport) {
    eprintln!(
        "{name}: indexes {:?} nodes {:?} ({:.2} ms)",
        r.indexes, r.node_types, r.execution_ms
    );
}

#[test]
fn children_and_filters_use_an_index_leading_with_their_column() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    demo::load(conn, &DemoConfig::new(5_000, 42), &mut |_| {}).unwrap();
    common::vacuum_analyze_all_visible(conn);
    let page = Page::first(100);

    let plan = OnboardingMilestone::list(conn, Page::first(1)).unwrap()[0]
        .plan_id
        .clone();
    let r = queries::explain(conn, OnboardingMilestone::list_for_plan_query(plan, page)).unwrap();
    show("list_for_plan", &r);
    assert_eq!(r.indexes, ["ix_onboarding_milestones_plan_status"], "{r:?}");

    let ticket = TicketComment::list(conn, Page::first(1)).unwrap()[0]
        .ticket_id
        .clone();
    let r = queries::explain(conn, TicketComment::list_for_ticket_query(ticket, page)).unwrap();
    show("list_for_ticket", &r);
    assert_eq!(r.indexes, ["ix_ticket_comments_ticket_created"], "{r:?}");

    // Completions: a module with few of them is read from its index; the most popular one
    // (hundreds of completions) from the primary key in id order, stopping after one page
    // instead of sorting them all.
    let per_module: Vec<(String, i64)> = training_completions::table
        .group_by(training_completions::module_id)
        .select((training_completions::module_id, count_star()))
        .order((count_star().asc(), training_completions::module_id.asc()))
        .load(conn)
        .unwrap();
    // The demo's 20 modules are all popular; add a new one with three completions.
    let (popular, many) = per_module.last().unwrap().clone();
    assert!(many > 300, "{per_module:?}");
    let rare = "mod-new".to_owned();
    let module = NewTrainingModule::builder()
        .module_id(rare.clone())
        .module_name("New module")
        .module_description("Just published")
        .format(TrainingFormat::Video)
        .duration_minutes(Count::new(30).unwrap())
        .learning_objectives(["basics"].into_iter().collect())
        .topics_covered(["basics"].into_iter().collect())
        .build()
        .unwrap();
    TrainingModule::create(conn, &module).unwrap();
    let learner = Customer::list(conn, Page::first(1)).unwrap().remove(0);
    for i in 0..3 {
        let c = NewTrainingCompletion::builder()
            .completion_id(format!("new-{i}"))
            .client_id(learner.client_id.clone())
            .module_id(rare.clone())
            .user_email(format!("u{i}@example.com"))
            .user_name(format!("User {i}"))
            .started_at(chrono::Utc::now())
            .build()
            .unwrap();
        TrainingCompletion::create(conn, &c).unwrap();
    }
    conn.batch_execute("ANALYZE training_completions").unwrap();
    let r = queries::explain(conn, TrainingCompletion::list_for_module_query(rare, page)).unwrap();
    show("list_for_module (rare)", &r);
    assert_eq!(
        r.indexes,
        ["ix_training_completions_module_completed"],
        "{r:?}"
    );
    let r = queries::explain(
        conn,
        TrainingCompletion::list_for_module_query(popular, page),
    )
    .unwrap();
    show("list_for_module (popular)", &r);
    assert_eq!(r.indexes, ["training_completions_pkey"], "{r:?}");
    assert!(!r.node_types.iter().any(|n| n == "Sort"), "{r:?}");

    let client = SupportTicket::list(conn, Page::first(1)).unwrap()[0]
        .client_id
        .clone();
    let filter = TicketFilter {
        status: vec![TicketStatus::Open, TicketStatus::InProgress],
        priority: vec![TicketPriority::P1, TicketPriority::P2],
        ..Default::default()
    };
    let r = queries::explain(
        conn,
        SupportTicket::list_filtered_query(client, &filter, page),
    )
    .unwrap();
    show("list_filtered", &r);
    assert_eq!(r.indexes, ["ix_support_tickets_client_keyset"], "{r:?}");

    // Customers of one CSM. With one lifecycle stage too: one range of the (csm_assigned,
    // lifecycle_stage, id) index (the rows are read from the heap for the whole row, so
    // PostgreSQL prefers a bitmap scan and sorts the range by id).
    let busiest = queries::csm_workload(conn, Page::first(1)).unwrap()[0]
        .csm_assigned
        .clone()
        .unwrap();
    let by_csm_stage = CustomerFilter {
        csm_assigned: Some(busiest.clone()),
        lifecycle_stage: vec![LifecycleStage::Active],
        ..Default::default()
    };
    let r = queries::explain(conn, Customer::search_query(&by_csm_stage, page).unwrap()).unwrap();
    show("search csm + stage", &r);
    assert_eq!(r.indexes, ["ix_customers_csm_stage"], "{r:?}");
    // A CSM with few customers: the same index (then a sort of those few).
    let few: Vec<String> = Customer::list(conn, Page::first(5))
        .unwrap()
        .into_iter()
        .map(|c| c.client_id)
        .collect();
    for key in &few {
        let changes = CustomerChanges {
            csm_assigned: Some(Some("New CSM".into())),
            ..Default::default()
        };
        Customer::update_by_key(conn, key, &changes).unwrap();
    }
    conn.batch_execute("ANALYZE customers").unwrap();
    let by_csm = CustomerFilter {
        csm_assigned: Some("New CSM".into()),
        ..Default::default()
    };
    let r = queries::explain(conn, Customer::search_query(&by_csm, page).unwrap()).unwrap();
    show("search csm (few customers)", &r);
    assert_eq!(r.indexes, ["ix_customers_csm_stage"], "{r:?}");
    // The busiest CSM alone (hundreds of customers): either the primary key in id order,
    // stopping after one page, or the CSM's index and a sort of its rows. Since schema v2's
    // primary key became (id, client_id), a wider index, the planner costs the two within a few
    // per cent of each other and picks either; both read an index, neither the whole table.
    let by_csm = CustomerFilter {
        csm_assigned: Some(busiest),
        ..Default::default()
    };
    let r = queries::explain(conn, Customer::search_query(&by_csm, page).unwrap()).unwrap();
    show("search csm (busiest)", &r);
    assert!(
        r.indexes == ["customers_pkey"] || r.indexes == ["ix_customers_csm_stage"],
        "{r:?}"
    );
    assert!(!r.node_types.iter().any(|n| n == "Seq Scan"), "{r:?}");

    // A status most customers have: the primary key in id order, as for the busiest CSM.
    let by_status = CustomerFilter {
        status: vec![CustomerStatus::Active],
        ..Default::default()
    };
    let r = queries::explain(conn, Customer::search_query(&by_status, page).unwrap()).unwrap();
    show("search status (common)", &r);
    assert_eq!(r.indexes, ["customers_pkey"], "{r:?}");
    // A status few customers have (the demo's rarest, pending, is 5%: still cheaper from the
    // primary key for one page; make it five customers): an index that leads with status.
    diesel::update(customers::table.filter(customers::status.eq(CustomerStatus::Pending)))
        .set(customers::status.eq(CustomerStatus::Paused))
        .execute(conn)
        .unwrap();
    for key in &few {
        let changes = CustomerChanges {
            status: Some(CustomerStatus::Pending),
            ..Default::default()
        };
        Customer::update_by_key(conn, key, &changes).unwrap();
    }
    conn.batch_execute("ANALYZE customers").unwrap();
    let by_status = CustomerFilter {
        status: vec![CustomerStatus::Pending],
        ..Default::default()
    };
    let r = queries::explain(conn, Customer::search_query(&by_status, page).unwrap()).unwrap();
    show("search status", &r);
    assert_eq!(r.indexes.len(), 1, "{r:?}");
    assert!(
        ["ix_customers_health_dashboard", "ix_customers_csm_workload"]
            .contains(&r.indexes[0].as_str()),
        "{r:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Transactions.
// ---------------------------------------------------------------------------------------------

#[test]
fn transaction_commits_on_ok_and_rolls_back_on_err() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let conn = &mut conn;
    // No annotation needed on the closure's Ok.
    let id = transaction(conn, |conn| {
        let c = Customer::create(conn, &new_customer("kept"))?;
        Ok(c.id)
    })
    .unwrap();
    assert_eq!(Customer::get_by_key(conn, "kept").unwrap().id, id);

    let e = transaction(conn, |conn| {
        Customer::create(conn, &new_customer("dropped"))?;
        Customer::get_by_key(conn, "nobody")?;
        Ok(())
    })
    .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    assert!(Customer::find_by_key(conn, "dropped").unwrap().is_none());

    // Nested: the inner failure rolls back only the inner part.
    transaction(conn, |conn| {
        Customer::create(conn, &new_customer("outer"))?;
        let inner = transaction(conn, |conn| {
            Customer::create(conn, &new_customer("inner"))?;
            Customer::create(conn, &new_customer("inner"))?; // unique violation
            Ok(())
        });
        assert!(
            matches!(inner, Err(Error::UniqueViolation { .. })),
            "{inner:?}"
        );
        Ok(())
    })
    .unwrap();
    assert!(Customer::find_by_key(conn, "outer").unwrap().is_some());
    assert!(Customer::find_by_key(conn, "inner").unwrap().is_none());
}

#[test]
fn serializable_transaction_retries_a_serialization_failure() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let mut other = db.connect().unwrap();

    // Write skew: each transaction counts a CSM's customers and adds one if there are none.
    // The other transaction does the same between our count and our insert and commits
    // first, so ours cannot commit serializably; run again, it sees the other's customer.
    let (go_tx, go_rx) = mpsc::channel::<String>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let helper = std::thread::spawn(move || {
        for key in go_rx {
            other
                .build_transaction()
                .serializable()
                .run(|c| {
                    let mine = count_of(c, "skew")?;
                    assert_eq!(mine, 0);
                    Customer::create(
                        c,
                        &NewCustomer {
                            csm_assigned: Some("skew".into()),
                            ..new_customer(&key)
                        },
                    )
                })
                .unwrap();
            done_tx.send(()).unwrap();
        }
    });
    let run = |conn: &mut PgConnection, attempts: Option<u32>, prefix: &str| {
        let mut runs = 0;
        let result = serializable_transaction(conn, attempts, |c| {
            runs += 1;
            let before = count_of(c, prefix)?;
            if runs == 1 {
                go_tx.send(format!("{prefix}-other")).unwrap();
                done_rx.recv().unwrap();
            }
            if before == 0 {
                Customer::create(
                    c,
                    &NewCustomer {
                        csm_assigned: Some(prefix.into()),
                        ..new_customer(&format!("{prefix}-mine"))
                    },
                )?;
            }
            Ok(before)
        });
        (result, runs)
    };

    // Retried: the second run sees the other customer and adds none.
    let (result, runs) = run(&mut conn, None, "skew");
    assert_eq!(runs, 2);
    assert_eq!(result.unwrap(), 1);
    assert_eq!(count_of(&mut conn, "skew").unwrap(), 1);

    drop(go_tx);
    helper.join().unwrap();

    // Inside a caller's transaction it cannot start a serializable one: refused, f not run.
    let mut runs = 0;
    let e = conn
        .transaction(|c| {
            serializable_transaction(c, None, |_| {
                runs += 1;
                Ok(())
            })
        })
        .unwrap_err();
    assert!(matches!(e, Error::Database { .. }), "{e:?}");
    assert_eq!(runs, 0);

    // An error not worth a retry is returned at once.
    let mut runs = 0;
    let e = serializable_transaction(&mut conn, Some(5), |c| {
        runs += 1;
        Customer::get_by_key(c, "nobody")
    })
    .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    assert_eq!(runs, 1);
}

#[test]
fn serializable_transaction_gives_up_after_its_attempts() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let mut other = db.connect().unwrap();
    let mut runs = 0;
    // With one attempt, the serialization failure is returned, and it is transient.
    let e = serializable_transaction(&mut conn, Some(1), |c| {
        runs += 1;
        let before = count_of(c, "csm")?;
        other
            .build_transaction()
            .serializable()
            .run(|o| {
                count_of(o, "csm")?;
                Customer::create(
                    o,
                    &NewCustomer {
                        csm_assigned: Some("csm".into()),
                        ..new_customer(&format!("other-{runs}"))
                    },
                )
            })
            .unwrap();
        Customer::create(
            c,
            &NewCustomer {
                csm_assigned: Some("csm".into()),
                ..new_customer(&format!("mine-{runs}"))
            },
        )?;
        Ok(before)
    })
    .unwrap_err();
    assert_eq!(runs, 1);
    assert!(e.is_transient(), "{e:?}");
    assert!(e.to_string().contains("serializ"), "{e}");
    assert!(Customer::find_by_key(&mut conn, "mine-1")
        .unwrap()
        .is_none());
}

fn count_of(conn: &mut PgConnection, csm: &str) -> customer_success_db::Result<usize> {
    Ok(Customer::search(
        conn,
        &CustomerFilter {
            csm_assigned: Some(csm.into()),
            ..Default::default()
        },
        Page::first(1_000),
    )?
    .len())
}
