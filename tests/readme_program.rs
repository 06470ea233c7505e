//! README's "Using it from your crate" program (issue 11), compiled and run against a real
//! database: `the_readme_program_runs` runs it, `the_readme_shows_this_program` checks that the
//! README shows exactly the lines between the markers below, so the two cannot drift apart.

// README program: begin
use customer_success_db::chrono::{Duration, NaiveDate, Utc};
use customer_success_db::crud::{ByKey, Crud, Latest, Page, Paged};
use customer_success_db::ops::{CustomerFilter, TicketFilter};
use customer_success_db::reports::{nps_summary, NpsGroup, NpsPeriod};
use customer_success_db::{bigdecimal::BigDecimal, serde_json};
use customer_success_db::{connection, migrations, models::*, transaction, types::*};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = connection::pool(&connection::database_url()?)?; // r2d2, size 10
    let conn = &mut pool.get()?;
    migrations::run_pending(conn)?; // the embedded migrations
    let today = Utc::now().date_naive();
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let value = Money::new("120000.00".parse::<BigDecimal>()?)?; // exact, 2 decimals
    let tags: StringList = serde_json::from_value(serde_json::json!(["sso"]))?;

    // Create: a customer and its first ticket, both or neither.
    transaction(conn, |conn| {
        Customer::create(
            conn,
            &NewCustomer {
                tier: Some(CustomerTier::Enterprise),
                csm_assigned: Some("Sarah Johnson".into()),
                contract_value: Some(value),
                renewal_date: Some(today + Duration::days(45)),
                ..NewCustomer::new("acme", "Acme", "Acme Corp", start)
            },
        )?;
        SupportTicket::create(
            conn,
            &NewSupportTicket::builder() // named fields: no mix-ups
                .ticket_id("T-1")
                .client_id("acme")
                .subject("SSO fails")
                .description("Since 9:00")
                .priority(TicketPriority::P1)
                .category(TicketCategory::TechnicalIssue)
                .requester_email("ops@acme.example")
                .requester_name("Ops")
                .tags(tags)
                .sla_first_response_minutes(Count::new(60)?)
                .sla_resolution_minutes(Count::new(480)?)
                .build()?,
        )?; // an Err names a required field left unset
        Ok(())
    })?;

    // Update by business key: one UPDATE … WHERE ticket_id = $1, no lookup of the id first.
    let changes = SupportTicketChanges {
        status: Some(TicketStatus::InProgress),
        ..Default::default()
    };
    SupportTicket::update_by_key(conn, "T-1", &changes)?;

    // A health assessment and an NPS answer; the database moves the customer's health score.
    let score = |s: f64| ComponentScore::new(s);
    let components = HealthComponents {
        usage: score(82.0)?,
        engagement: score(74.0)?,
        support: score(90.0)?,
        satisfaction: score(88.0)?,
        payment: score(100.0)?,
    };
    HealthScoreRecord::create(
        conn,
        &NewHealthScoreRecord::new("acme", components, HealthWeights::default()),
    )?;
    let answer = NewNpsResponse::builder()
        .response_id("nps-1")
        .client_id("acme")
        .survey_id("q4")
        .respondent_email("cto@acme.example")
        .respondent_name("Ada")
        .score(NpsScore::new(9)?) // and with it the category: promoter
        .sentiment(Sentiment::Positive)
        .sentiment_score(SentimentScore::new(0.8)?)
        .survey_sent_at(Utc::now() - Duration::hours(5))
        .response_time_hours(NonNegativeF64::new(4.0)?)
        .build()?;
    NpsResponse::create(conn, &answer)?;

    // Filter: Sarah's enterprise customers renewing within 90 days, a page at a time.
    let filter = CustomerFilter {
        tier: vec![CustomerTier::Enterprise],
        csm_assigned: Some("Sarah Johnson".into()),
        renewal_from: Some(today),
        renewal_to: Some(today + Duration::days(90)),
        ..Default::default()
    };
    let renewing = Paged::load(Page::first(50), |page| {
        Customer::search(conn, &filter, page)
    })?;
    let open = TicketFilter {
        status: vec![TicketStatus::Open, TicketStatus::InProgress],
        ..Default::default()
    };
    let tickets = SupportTicket::list_filtered(conn, "acme", &open, Page::first(20))?;
    println!(
        "{} renewing, has more: {}; {} open tickets",
        renewing.rows.len(),
        renewing.has_more,
        tickets.len()
    );

    // Latest per customer: one index entry, not the whole history.
    let latest = HealthScoreRecord::latest_for_client(conn, "acme")?.expect("just recorded");
    let acme = Customer::get_by_key(conn, "acme")?;
    assert_eq!(
        acme.health_score.get(),
        latest.overall_score.map_or(0, |s| s.get().round() as i32)
    );

    // NPS of the last 90 days, per CSM: promoters, passives, detractors and the score.
    for row in nps_summary(conn, &NpsPeriod::last_days(Utc::now(), 90), NpsGroup::Csm)? {
        println!(
            "{:?}: NPS {:?} from {} answers",
            row.group, row.nps, row.responses
        );
    }

    // Delete: the customer, and with it (ON DELETE CASCADE) its tickets, scores and answers.
    assert!(Customer::delete_by_key(conn, "acme")?);
    assert!(SupportTicket::find_by_key(conn, "T-1")?.is_none());
    Ok(())
}
// README program: end

use customer_success_db::harness::TestDatabase;

#[test]
fn the_readme_program_runs() {
    let db = TestDatabase::new().expect("test database");
    // The program reads DATABASE_URL, as an application would. Each test of this file that
    // touches the environment is this one, so no other thread reads it meanwhile.
    std::env::set_var("DATABASE_URL", db.url());
    main().expect("the README's program");
    let mut conn = db.connect().expect("connect");
    // What the program leaves behind: nothing, since it deleted its customer.
    assert_eq!(Customer::count(&mut conn).unwrap(), 0);
    assert_eq!(NpsResponse::count(&mut conn).unwrap(), 0);
}

#[test]
fn the_readme_shows_this_program() {
    let this = include_str!("readme_program.rs");
    let begin = this
        .find("// README program: begin\n")
        .expect("begin marker");
    let end = this.find("// README program: end").expect("end marker");
    let program = &this[begin + "// README program: begin\n".len()..end];
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&format!("```rust\n{program}```\n")),
        "README.md's \"Using it from your crate\" program differs from tests/readme_program.rs \
         (copy the lines between the markers into the README's rust block)"
    );
}
