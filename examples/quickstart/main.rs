//! The README's first command: `cargo run --example quickstart`.
//!
//! Migrates a database, loads realistic demo data, records a customer, an NPS response and a
//! health score through the typed API, and prints the six dashboards of the seed document.
//!
//! Where the database comes from: `DATABASE_URL` if set (that database is migrated and filled);
//! otherwise a throwaway PostgreSQL server started from the installed binaries, exactly as the
//! test harness does. Options:
//!
//! - `--keep` (or `CSDB_KEEP=1`): keep the throwaway server's data directory, so a second run
//!   reuses the loaded data instead of loading it again;
//! - `--customers N` (default 5000): size of the demo data set.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use chrono::{Duration, NaiveDate, Utc};
use customer_success_db::crud::{ByKey, Crud, Page};
use customer_success_db::harness::{self, AppDatabaseSource};
use customer_success_db::models::*;
use customer_success_db::types::*;
use customer_success_db::url::redact;
use customer_success_db::{connection, demo, migrations, queries, Result};
use diesel::PgConnection;

const DATABASE: &str = "customer_success";

struct Options {
    keep: bool,
    customers: usize,
}

fn options() -> std::result::Result<Options, String> {
    let mut o = Options {
        keep: std::env::var("CSDB_KEEP").is_ok_and(|v| v == "1"),
        customers: 5000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--keep" => o.keep = true,
            "--customers" => {
                let n = args.next().ok_or("--customers needs a number")?;
                o.customers = n
                    .parse()
                    .map_err(|_| format!("--customers: not a number: {n}"))?;
            }
            "-h" | "--help" => {
                println!("usage: quickstart [--keep] [--customers N]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    Ok(o)
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("quickstart: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&o) {
        eprintln!("quickstart failed: {e}");
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            eprintln!("  caused by: {s}");
            source = s.source();
        }
        std::process::exit(1);
    }
}

fn database_url(o: &Options) -> Result<String> {
    let (url, source) = harness::app_database(DATABASE, o.keep).map_err(|e| {
        customer_success_db::Error::Connection {
            message: e.to_string(),
        }
    })?;
    match source {
        AppDatabaseSource::DatabaseUrl => println!("Using DATABASE_URL ({})", redact(&url)),
        AppDatabaseSource::Throwaway => {
            println!("DATABASE_URL is not set: using a throwaway PostgreSQL server")
        }
        AppDatabaseSource::ThrowawayKept => println!(
            "DATABASE_URL is not set: using a throwaway PostgreSQL server (data kept for the next run)"
        ),
    }
    Ok(url)
}

fn run(o: &Options) -> Result<()> {
    let started = Instant::now();
    let url = database_url(o)?;
    let mut conn = connection::connect(&url)?;

    let newly = migrations::run_pending(&mut conn)?;
    let applied = migrations::applied(&mut conn)?;
    println!(
        "\nMigrations ({} applied, {} in this run):",
        applied.len(),
        newly.len()
    );
    for m in migrations::history(&mut conn)? {
        println!("  [{}] {}", if m.applied { "x" } else { " " }, m.name);
    }
    println!("Tables in the public schema: {}", table_count(&mut conn)?);

    if Customer::count(&mut conn)? == 0 {
        let config = demo::DemoConfig {
            customers: o.customers,
            // As of this moment, so the dashboards (which compare with now()) look current.
            ..demo::DemoConfig::as_of(Utc::now())
        };
        println!(
            "\nLoading demo data for {} customers, as of {} UTC…",
            o.customers,
            config.now().format("%Y-%m-%d %H:%M")
        );
        // A live progress line on a terminal; one line per batch in a log or a pipe.
        let live = std::io::stderr().is_terminal();
        let mut last_done = usize::MAX;
        let report = demo::load(&mut conn, &config, &mut |p: demo::Progress| {
            if live {
                eprint!(
                    "\r  {:>5.1}%  customers {:>6}/{:<6}  rows {:>8}  {:<26}",
                    p.fraction() * 100.0,
                    p.customers_done,
                    p.customers_total,
                    p.rows_loaded,
                    p.table
                );
                let _ = std::io::stderr().flush();
            } else if p.customers_done != last_done {
                last_done = p.customers_done;
                eprintln!(
                    "  {:>5.1}%  customers {}/{}",
                    p.fraction() * 100.0,
                    p.customers_done,
                    p.customers_total
                );
            }
        })?;
        if live {
            eprintln!();
        }
        println!(
            "  {} rows in {:.1} s ({:.0} rows/s)",
            report.total_rows,
            report.elapsed.as_secs_f64(),
            report.rows_per_second
        );
    } else {
        println!(
            "\nDemo data already present: {} customers",
            Customer::count(&mut conn)?
        );
    }

    typed_api_tour(&mut conn)?;
    dashboards(&mut conn)?;
    println!("\nDone in {:.1} s.", started.elapsed().as_secs_f64());
    Ok(())
}

fn table_count(conn: &mut PgConnection) -> Result<i64> {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' \
         AND tablename <> '__diesel_schema_migrations'",
    )
    .get_result(conn)?;
    Ok(n.n)
}

/// A customer, an NPS response and a health score, through the typed API.
fn typed_api_tour(conn: &mut PgConnection) -> Result<()> {
    println!("\nTyped API:");
    let key = "quickstart-acme";
    let customer = match Customer::find_by_key(conn, key)? {
        Some(c) => c,
        None => {
            let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
            let new = NewCustomer {
                tier: Some(CustomerTier::Enterprise),
                csm_assigned: Some("Sarah Johnson".into()),
                contract_value: Some("240000.00".parse()?),
                ..NewCustomer::new(key, "Acme", "Acme Corporation", start)
            };
            Customer::create(conn, &new)?
        }
    };
    println!(
        "  customer   {} ({}, {})",
        customer.client_id, customer.tier, customer.status
    );

    let response = NewNpsResponse::new(
        format!("quickstart-{}", Utc::now().timestamp_micros()),
        key,
        "survey-q4",
        "cto@acme.example",
        "Ada",
        NpsScore::new(9)?,
        Sentiment::Positive,
        SentimentScore::new(0.8)?,
        Utc::now() - Duration::hours(5),
        NonNegativeF64::new(5.0)?,
    );
    let nps = NpsResponse::create(conn, &response)?;
    println!(
        "  NPS        score {} -> category {}",
        nps.score, nps.category
    );

    let components = HealthComponents {
        usage: ComponentScore::new(82.0)?,
        engagement: ComponentScore::new(74.0)?,
        support: ComponentScore::new(90.0)?,
        satisfaction: ComponentScore::new(88.0)?,
        payment: ComponentScore::new(100.0)?,
    };
    let health = HealthScoreRecord::create(
        conn,
        &NewHealthScoreRecord::new(key, components, HealthWeights::default()),
    )?;
    println!(
        "  health     overall {:.1} from usage {} / engagement {} / support {} / satisfaction {} / payment {}",
        health.overall_score.map(|s| s.get()).unwrap_or_default(),
        health.usage_score,
        health.engagement_score,
        health.support_score,
        health.satisfaction_score,
        health.payment_score
    );
    match HealthScore::new(150) {
        Err(e) => println!("  rejected   {e}"),
        Ok(_) => unreachable!("150 is out of range"),
    }
    Ok(())
}

/// Prints rows as an aligned table.
fn table(title: &str, headers: &[&str], rows: Vec<Vec<String>>) {
    println!("\n{title}");
    if rows.is_empty() {
        println!("  (no rows)");
        return;
    }
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        println!("  {}", parts.join("  ").trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    line(widths.iter().map(|w| "-".repeat(*w)).collect());
    for r in rows {
        line(r);
    }
}

fn dashboards(conn: &mut PgConnection) -> Result<()> {
    let page = Page::first(8);

    let rows = queries::health_dashboard(conn, HealthScore::new(70)?, page)?;
    table(
        "1. Customer health dashboard (active, health < 70)",
        &["client_id", "client_name", "health", "trend", "stage"],
        rows.into_iter()
            .map(|r| {
                vec![
                    r.client_id,
                    r.client_name,
                    r.health_score.to_string(),
                    r.health_trend.to_string(),
                    r.lifecycle_stage.to_string(),
                ]
            })
            .collect(),
    );

    let rows = queries::csm_workload(conn, page)?;
    table(
        "2. CSM workload (active customers per CSM)",
        &["csm", "customers", "avg health"],
        rows.into_iter()
            .map(|r| {
                vec![
                    r.csm_assigned.unwrap_or_else(|| "(unassigned)".into()),
                    r.customer_count.to_string(),
                    format!("{:.1}", r.avg_health),
                ]
            })
            .collect(),
    );

    let rows = queries::renewal_pipeline(conn, 90, RenewalStatus::AtRisk, page)?;
    let today = Utc::now().date_naive();
    table(
        "3. Renewal pipeline (at risk, renewal date at most 90 days away: overdue ones first)",
        &[
            "client_id",
            "renewal_date",
            "due",
            "probability",
            "forecasted_arr",
        ],
        rows.into_iter()
            .map(|r| {
                let days = (r.renewal_date - today).num_days();
                vec![
                    r.client_id,
                    r.renewal_date.to_string(),
                    match days {
                        d if d < 0 => format!("overdue {} d", -d),
                        0 => "today".to_string(),
                        d => format!("in {d} d"),
                    },
                    format!("{:.2}", r.renewal_probability.get()),
                    r.forecasted_arr.to_string(),
                ]
            })
            .collect(),
    );

    let rows = queries::sla_monitoring(conn, page)?;
    table(
        "4. Support SLA monitoring (open, first response breached or resolution at risk)",
        &[
            "ticket_id",
            "client_id",
            "priority",
            "created_at",
            "first response",
            "resolution",
        ],
        rows.into_iter()
            .map(|r| {
                vec![
                    r.ticket_id,
                    r.client_id,
                    r.priority.to_string(),
                    r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                    r.first_response_sla_status.to_string(),
                    r.resolution_sla_status.to_string(),
                ]
            })
            .collect(),
    );

    let rows = queries::churn_risk(conn, &[RiskLevel::High, RiskLevel::Critical], page)?;
    table(
        "5. Churn risk (active customers, high or critical)",
        &["client_id", "client_name", "health", "churn prob.", "level"],
        rows.into_iter()
            .map(|r| {
                vec![
                    r.client_id,
                    r.client_name,
                    r.health_score.to_string(),
                    format!("{:.2}", r.churn_probability.get()),
                    r.churn_risk_level.to_string(),
                ]
            })
            .collect(),
    );

    // The busiest CSM of the workload dashboard, so the lookup always finds someone.
    let csm = queries::csm_workload(conn, Page::first(1))?
        .into_iter()
        .find_map(|r| r.csm_assigned)
        .unwrap_or_else(|| "Sarah Johnson".into());
    let rows = queries::csm_customers(conn, &csm, LifecycleStage::Active, page)?;
    table(
        &format!("6. Customers of {csm} in lifecycle stage 'active'"),
        &["client_id", "client_name", "health"],
        rows.into_iter()
            .map(|r| vec![r.client_id, r.client_name, r.health_score.to_string()])
            .collect(),
    );
    Ok(())
}
