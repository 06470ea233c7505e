//! An MCP (Model Context Protocol) server over stdio that embeds the crate:
//! `cargo run -p csdb-mcp-server` (from the repository root).
//!
//! It gives an assistant the tools an account manager uses: `get_customer` (the customer 360),
//! the six dashboards (`health_dashboard`, `csm_workload`, `renewal_pipeline`, `sla_monitoring`,
//! `churn_risk_list`, `csm_customers`), `search_customers`, `customer_tickets`, `nps_summary`,
//! and the writes `record_nps_response`, `create_support_ticket`, `update_ticket_status` and
//! `upsert_health_score`. The tools live in `src/server.rs`, this crate's library.
//!
//! stdout carries the protocol, so everything else (logs, progress) goes to stderr.
//!
//! Where the database comes from, as in the quickstart: `DATABASE_URL` if set; otherwise a
//! throwaway PostgreSQL server started from the installed binaries, with a database named
//! `customer_success`. The database is migrated on start, and when it has no customers a small
//! demo data set is loaded so the tools have something to show. Options:
//!
//! - `--no-demo` (or `CSDB_MCP_NO_DEMO=1`): never load demo data;
//! - `--customers N` (default 200): size of that demo data set;
//! - `--keep` (or `CSDB_KEEP=1`): keep the throwaway server's data for the next run.
//!
//! Log level: `RUST_LOG=error|warn|info|debug|trace` (default `info`). A tool call that fails
//! for a database or connection reason is logged here with the error id its client was given.

use std::io::Write;
use std::process::ExitCode;

use customer_success_db::async_pool::{AsyncDb, AsyncOptions};
use customer_success_db::crud::Crud;
use customer_success_db::harness::{self, AppDatabaseSource};
use customer_success_db::models::Customer;
use customer_success_db::{connection, demo, migrations, Error};
use rmcp::ServiceExt;

use csdb_mcp_server::{stdio, CustomerSuccessServer};

const DATABASE: &str = "customer_success";

struct Options {
    demo: bool,
    customers: usize,
    keep: bool,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        demo: !std::env::var("CSDB_MCP_NO_DEMO").is_ok_and(|v| v == "1"),
        customers: 200,
        keep: std::env::var("CSDB_KEEP").is_ok_and(|v| v == "1"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--no-demo" => o.demo = false,
            "--keep" => o.keep = true,
            "--customers" => {
                let n = args.next().ok_or("--customers needs a number")?;
                o.customers = n
                    .parse()
                    .map_err(|_| format!("--customers: not a number: {n}"))?;
            }
            "-h" | "--help" => {
                // Help is for a person at a terminal, not a protocol message: stderr too.
                eprintln!("usage: mcp_server [--no-demo] [--customers N] [--keep]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other} (try --help)")),
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    StderrLogger::install();
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("mcp_server: {e}");
            return ExitCode::from(2);
        }
    };
    // Start-up (finding or starting the server, migrating, loading demo data) is synchronous
    // and happens before the runtime exists, so nothing async is blocked by it.
    let db = match prepare(&o) {
        Ok(db) => db,
        Err(e) => {
            report("mcp_server: start-up failed", &e);
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            report("mcp_server: could not start the async runtime", &e);
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(serve(db));
    // The task reading stdin may still be blocked in a read that never returns (tokio reads
    // stdin on a blocking thread); don't wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_millis(100));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report("mcp_server", e.as_ref());
            ExitCode::FAILURE
        }
    }
}

/// Serves the tools on stdin/stdout until the client closes the connection. rmcp reads and
/// writes through [`stdio::filter`], which answers lines that are not JSON-RPC with a parse
/// error (rmcp's own stdio transport drops them without a reply).
async fn serve(db: AsyncDb) -> Result<(), Box<dyn std::error::Error>> {
    let (transport, replies) = stdio::filter(tokio::io::stdin(), tokio::io::stdout());
    let service = CustomerSuccessServer::new(db).serve(transport).await?;
    log::info!("serving MCP on stdio");
    let reason = service.waiting().await?;
    log::info!("client disconnected ({reason:?})");
    // The service has closed its side; let the last replies reach stdout.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), replies).await;
    Ok(())
}

fn database_url(o: &Options) -> Result<String, Error> {
    let (url, source) = harness::app_database(DATABASE, o.keep).map_err(|e| Error::Connection {
        message: e.to_string(),
    })?;
    match source {
        AppDatabaseSource::DatabaseUrl => {
            log::info!("using DATABASE_URL ({})", customer_success_db::url::redact(&url))
        }
        AppDatabaseSource::Throwaway => {
            log::info!("DATABASE_URL is not set: using a throwaway PostgreSQL server")
        }
        AppDatabaseSource::ThrowawayKept => log::info!(
            "DATABASE_URL is not set: using a throwaway PostgreSQL server (data kept for the next run)"
        ),
    }
    Ok(url)
}

/// Selects and migrates the database, loads demo data into an empty one, and wraps the pool.
fn prepare(o: &Options) -> Result<AsyncDb, Error> {
    let url = database_url(o)?;
    let pool = connection::pool(&url)?;
    let mut conn = pool.get()?;
    let applied = migrations::run_pending(&mut conn)?;
    if !applied.is_empty() {
        log::info!("applied {} migrations", applied.len());
    }
    let customers = Customer::count(&mut conn)?;
    if customers > 0 {
        log::info!("{customers} customers in the database");
    } else if !o.demo {
        log::info!("the database has no customers (demo data disabled)");
    } else {
        let config = demo::DemoConfig {
            customers: o.customers,
            // As of this moment, so "renewals in the next 90 days" means what it says and no
            // ticket was opened in the future.
            ..demo::DemoConfig::as_of(chrono::Utc::now())
        };
        log::info!("loading demo data for {} customers", o.customers);
        match demo::load(&mut conn, &config, &mut |_| {}) {
            Ok(report) => log::info!(
                "loaded {} rows in {:.1} s",
                report.total_rows,
                report.elapsed.as_secs_f64()
            ),
            // Another server process started on the same empty database at the same time and
            // won the race; its data serves just as well.
            Err(Error::UniqueViolation { .. }) => {
                log::warn!("demo data was loaded concurrently by another process")
            }
            Err(e) => return Err(e),
        }
    }
    drop(conn);
    Ok(AsyncDb::new(pool, AsyncOptions::default()))
}

fn report(context: &str, e: &dyn std::error::Error) {
    eprintln!("{context}: {e}");
    let mut source = e.source();
    while let Some(s) = source {
        eprintln!("  caused by: {s}");
        source = s.source();
    }
}

/// A `log` backend that writes to stderr (stdout belongs to the protocol), plus a `tracing`
/// subscriber, also on stderr, for the library's `tracing` feature: one `db.query` span per
/// query (SQL without bind values, duration, error class; logged when it closes), slow-query
/// warnings and pool events, in the same log as the tools' error ids. `RUST_LOG` (a level:
/// `error` … `trace`) sets both; the default is `info`.
struct StderrLogger {
    level: log::LevelFilter,
}

impl StderrLogger {
    fn install() {
        let level = std::env::var("RUST_LOG")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(log::LevelFilter::Info);
        let spans = tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .with_max_level(match level {
                log::LevelFilter::Off => tracing_subscriber::filter::LevelFilter::OFF,
                log::LevelFilter::Error => tracing_subscriber::filter::LevelFilter::ERROR,
                log::LevelFilter::Warn => tracing_subscriber::filter::LevelFilter::WARN,
                log::LevelFilter::Info => tracing_subscriber::filter::LevelFilter::INFO,
                log::LevelFilter::Debug => tracing_subscriber::filter::LevelFilter::DEBUG,
                log::LevelFilter::Trace => tracing_subscriber::filter::LevelFilter::TRACE,
            })
            .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
            .try_init();
        if let Err(e) = spans {
            eprintln!("query tracing is off: {e}");
        }
        let logger = Box::leak(Box::new(StderrLogger { level }));
        // Fails only when a logger is already installed, and then that one is used.
        if log::set_logger(logger).is_ok() {
            log::set_max_level(level);
        }
    }
}

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            // A closed stderr must not stop the server.
            let _ = writeln!(
                std::io::stderr().lock(),
                "[{} {}] {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
    }

    fn flush(&self) {
        let _ = std::io::stderr().flush();
    }
}
