//! `csdb`: migrations, maintenance and health checks of a customer-success-db database from the
//! command line (feature `cli`: `cargo install --path . --features cli`, or
//! `cargo run --features cli --bin csdb -- doctor`).
//!
//! It is the command-line face of [`customer_success_db::migrations`] (the operations guide's
//! Alembic commands) and [`customer_success_db::maintenance`]; `csdb --help` lists the commands.
//!
//! ```text
//! csdb upgrade                     # alembic upgrade head
//! csdb upgrade --sql > schema.sql  # alembic upgrade head --sql (no database needed)
//! csdb upgrade --to v2_query_support  # alembic upgrade <rev> (here: v2 with the original indexes)
//! csdb current | history | stamp   # alembic current / history / stamp head
//! csdb downgrade                   # alembic downgrade -1
//! csdb downgrade base --yes        # alembic downgrade base (refused without --yes)
//! csdb adopt --check               # what adopting an original-system database would do
//! csdb adopt                       # convert it (Alembic revision 6b022f57af5f), all or nothing
//! csdb vacuum customers            # VACUUM ANALYZE customers
//! csdb --json orphans | jq '.[] | select(.orphan_count > 0)'
//! csdb doctor                      # checklist with OK / WARN / FAIL and a verdict
//! csdb demo --customers 100000     # load the demo data (progress on stderr), then ANALYZE
//! csdb --json explain              # the six dashboards under EXPLAIN ANALYZE
//! csdb explain --page 500 --limit 20  # keyset page 500 of each, reached by cursor
//! ```
//!
//! The database is `--database-url URL`, else the `DATABASE_URL` environment variable. With
//! `--json` the result is one JSON document on stdout; otherwise aligned text. Errors go to
//! stderr, say what to do, and never show a password.
//!
//! # Exit codes
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success; `doctor` found the database healthy or only warned |
//! | 1 | the operation failed, or the database is unhealthy (`doctor` FAIL, `orphans` found some); `adopt` refused, or `adopt --check` found problems; `demo` refused (no schema, or tables not empty) |
//! | 2 | usage error: unknown command or option, bad table name, `downgrade base` without `--yes`, no database URL, `demo --customers` missing or outside 1–5,000,000 |
//! | 3 | cannot connect to the database (or the connection was lost) |

// A crate root resolves `mod` paths from its own directory (src/bin/), hence the explicit paths.
#[path = "csdb/adopt.rs"]
mod adoption;
#[path = "csdb/args.rs"]
mod args;
#[path = "csdb/demo.rs"]
mod demo;
#[path = "csdb/doctor.rs"]
mod doctor;
#[path = "csdb/explain.rs"]
mod explain;
#[path = "csdb/render.rs"]
mod render;

use std::io::Write;
use std::process::ExitCode;

use customer_success_db::adopt::{self, DatabaseKind};
use customer_success_db::maintenance::{self, MaintenanceRun};
use customer_success_db::url::{redact, scrub_password};
use customer_success_db::{connection, migrations, Error};
use diesel::PgConnection;
use serde::Serialize;
use serde_json::{json, Value};

use args::{Command, Invocation, Request, UsageError};
use render::{bytes, plural, table, Align};

/// Success; `doctor`: healthy or warnings only.
const EXIT_OK: u8 = 0;
/// The operation failed, or the database is unhealthy.
const EXIT_FAILED: u8 = 1;
/// Usage error.
const EXIT_USAGE: u8 = 2;
/// Cannot connect.
const EXIT_CONNECT: u8 = 3;

/// Seconds libpq waits for a connection when neither the URL nor the environment says: without
/// a limit, a firewalled host would hang `csdb` (and a cron job running it) indefinitely.
const DEFAULT_CONNECT_TIMEOUT: &str = "10";

/// What a command produced: text, the same as JSON, and the exit code.
struct Output {
    human: String,
    json: Value,
    code: u8,
    /// An error line for stderr that goes with a result (doctor's connection failure).
    stderr: Option<String>,
}

impl Output {
    fn ok(human: String, json: Value) -> Output {
        Output {
            human,
            json,
            code: EXIT_OK,
            stderr: None,
        }
    }
}

/// A command that produced no result.
struct Failure {
    code: u8,
    message: String,
}

fn main() -> ExitCode {
    let invocation = match args::parse(std::env::args_os().skip(1)) {
        Ok(Request::Help) => return finish(args::HELP, EXIT_OK),
        Ok(Request::Version) => {
            return finish(&format!("csdb {}\n", env!("CARGO_PKG_VERSION")), EXIT_OK)
        }
        Ok(Request::Run(invocation)) => invocation,
        Err(UsageError(message)) => {
            report_error(&format!("{message}\n(run `csdb --help` for usage)"));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match run(&invocation) {
        Ok(output) => {
            if let Some(message) = &output.stderr {
                report_error(message);
            }
            let text = if invocation.json {
                // Serializing a `Value` cannot fail; fall back to compact output regardless.
                let mut s = serde_json::to_string_pretty(&output.json)
                    .unwrap_or_else(|_| output.json.to_string());
                s.push('\n');
                s
            } else {
                output.human
            };
            finish(&text, output.code)
        }
        Err(failure) => {
            report_error(&failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// Writes `text` to stdout and exits with `code`. A closed pipe (`csdb history | head -1`) is
/// not an error worth a message; any other write failure is exit 1.
fn finish(text: &str, code: u8) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(e) => {
            report_error(&format!("cannot write the output: {e}"));
            ExitCode::from(EXIT_FAILED)
        }
    }
}

fn report_error(message: &str) {
    // Nothing sensible is left to do when stderr itself is gone.
    let _ = writeln!(std::io::stderr(), "csdb: {message}");
}

fn run(inv: &Invocation) -> Result<Output, Failure> {
    // Offline commands and refusals come first: they need no database, not even a URL.
    match inv.command {
        Command::Upgrade { sql: true } => return Ok(script(migrations::upgrade_sql())),
        Command::Downgrade { sql: true, .. } => return Ok(script(migrations::downgrade_sql())),
        Command::Downgrade {
            all: true,
            yes: false,
            ..
        } => {
            return Err(Failure {
                code: EXIT_USAGE,
                message: "refusing to revert every migration without --yes: it drops all 24 \
                          tables and every row in them. Re-run as `csdb downgrade base --yes` \
                          if that is what you want (`csdb downgrade base --sql` prints the \
                          SQL instead)."
                    .into(),
            })
        }
        _ => {}
    }

    let url = database_url(inv)?;
    if std::env::var_os("PGCONNECT_TIMEOUT").is_none() {
        std::env::set_var("PGCONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT);
    }
    let mut conn = match (connection::connect(&url), &inv.command) {
        (Ok(conn), _) => conn,
        // The doctor's checklist reports the failure itself (and still exits 3).
        (Err(e), Command::Doctor) => return Ok(doctor::unreachable(&e, &url)),
        (Err(e), _) => return Err(connect_failure(&e, &url)),
    };
    let conn = &mut conn;
    refuse_legacy(conn, &inv.command, &url)?;
    let result = match &inv.command {
        Command::Upgrade { .. } => upgrade(conn),
        Command::UpgradeTo(rev) => upgrade_to(conn, rev),
        Command::DowngradeTo(rev) => downgrade_to(conn, rev),
        Command::Current => current(conn),
        Command::History => history(conn),
        Command::Downgrade { all, .. } => downgrade(conn, *all),
        Command::Stamp => stamp(conn),
        Command::Adopt { check } => {
            let outcome = adoption::run(conn, *check, &url);
            return lost_connection(conn, outcome);
        }
        Command::Analyze(t) => maintenance::analyze(conn, *t).map(ran),
        Command::Vacuum(t) => maintenance::vacuum_analyze(conn, *t).map(ran),
        Command::Reindex(t) => maintenance::reindex_table(conn, *t).map(ran),
        Command::IndexUsage => index_usage(conn),
        Command::TableSizes => table_sizes(conn),
        Command::IndexSizes => index_sizes(conn),
        Command::RedundantIndexes => redundant_indexes(conn),
        Command::SlowQueries => slow_queries(conn),
        Command::Orphans { delete: false } => orphans(conn),
        Command::Orphans { delete: true } => delete_orphans(conn),
        Command::Refresh => refresh(conn),
        Command::Distribute { check } => distribute(conn, *check),
        Command::Doctor => {
            let outcome = Ok(doctor::run(conn, &url));
            return lost_connection(conn, outcome);
        }
        Command::Demo {
            customers,
            seed,
            today,
        } => {
            use customer_success_db::demo::DemoConfig;
            // As of the clock by default, as the quickstart does, so that the SLA and renewal
            // dashboards (which compare with now()) see current-looking data; `--today` pins
            // the data to noon UTC of that date (reproducible output).
            let anchor = match today {
                Some(day) => DemoConfig {
                    today: *day,
                    ..DemoConfig::default()
                },
                None => DemoConfig::as_of(chrono::Utc::now()),
            };
            let config = DemoConfig {
                customers: *customers,
                seed: *seed,
                ..anchor
            };
            return demo::run(conn, &inv.command, &config, &url);
        }
        Command::Explain { limit, page } => {
            return explain::run(conn, &inv.command, *limit, *page, &url)
        }
    };
    result.map_err(|e| failure(&inv.command, &e, &url))
}

/// Refuses the migration commands on a database of the original system: Diesel would create its
/// bookkeeping table there (even `current` does), after which the database is neither adoptable
/// nor managed, and `stamp` would record as applied migrations whose column types it lacks.
fn refuse_legacy(conn: &mut PgConnection, command: &Command, url: &str) -> Result<(), Failure> {
    if !matches!(
        command,
        Command::Upgrade { .. }
            | Command::UpgradeTo(_)
            | Command::DowngradeTo(_)
            | Command::Current
            | Command::History
            | Command::Downgrade { .. }
            | Command::Stamp
    ) {
        return Ok(());
    }
    match adopt::detect(conn) {
        Err(e) => Err(failure(command, &e, url)),
        Ok(kind @ DatabaseKind::Legacy { .. }) => Err(Failure {
            code: EXIT_FAILED,
            message: format!(
                "{} refused: this is {kind}, which csdb's migrations do not manage until it is \
                 adopted. Nothing was changed. Run `csdb adopt --check` to see what \
                 adoption does, then `csdb adopt`.",
                command_name(command)
            ),
        }),
        Ok(_) => Ok(()),
    }
}

fn database_url(inv: &Invocation) -> Result<String, Failure> {
    let from_env = std::env::var(connection::DATABASE_URL_VAR)
        .ok()
        .filter(|u| !u.trim().is_empty());
    match inv.database_url.clone().filter(|u| !u.trim().is_empty()) {
        Some(url) => Ok(url),
        None => from_env.ok_or_else(|| Failure {
            code: EXIT_USAGE,
            message: "no database given: set DATABASE_URL (e.g. \
                      DATABASE_URL=postgres://user:password@localhost:5432/customer_success) \
                      or pass --database-url URL"
                .into(),
        }),
    }
}

fn connect_failure(e: &Error, url: &str) -> Failure {
    let chain = error_chain(e, url);
    // The library's message usually names the (redacted) URL already.
    let target = if chain.contains(&redact(url)) {
        String::new()
    } else {
        format!(" to {}", redact(url))
    };
    Failure {
        code: EXIT_CONNECT,
        message: format!(
            "cannot connect{target}: {chain}\nCheck that the server is running and accepts \
             connections, and that --database-url or DATABASE_URL names the right host, port, \
             database, user and password."
        ),
    }
}

/// The error and its causes on one line, without repeating a cause its parent already shows, and
/// without the password of `url`. (libpq's messages span lines; one line keeps the doctor's
/// checklist aligned and a log line whole.)
fn error_chain(e: &Error, url: &str) -> String {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    // Scrubbed before the whitespace is collapsed, so a password containing spaces still matches.
    let scrubbed = scrub_password(&message, url);
    let one_line: Vec<&str> = scrubbed.split_whitespace().collect();
    one_line.join(" ")
}

/// Exit 3 for a command whose connection was lost while it ran: the commands that report
/// failures themselves (`doctor`'s checklist, `adopt`'s report) say "failed" (exit 1), but the
/// cause is the connection, as `csdb`'s exit codes promise.
fn lost_connection(
    conn: &mut PgConnection,
    outcome: Result<Output, Failure>,
) -> Result<Output, Failure> {
    use diesel::connection::SimpleConnection;
    let failed = match &outcome {
        Ok(output) => output.code == EXIT_FAILED,
        Err(failure) => failure.code == EXIT_FAILED,
    };
    if !failed || conn.batch_execute("SELECT 1").is_ok() {
        return outcome;
    }
    const LOST: &str = "the connection to the server was lost while the command ran";
    match outcome {
        Ok(mut output) => {
            output.code = EXIT_CONNECT;
            output.stderr = Some(match output.stderr {
                Some(message) => format!("{message}\n{LOST}"),
                None => LOST.to_owned(),
            });
            Ok(output)
        }
        Err(mut failure) => {
            failure.code = EXIT_CONNECT;
            failure.message.push_str(&format!("\n{LOST}"));
            Err(failure)
        }
    }
}

fn failure(command: &Command, e: &Error, url: &str) -> Failure {
    let code = match e {
        _ if e.is_connection_error() => EXIT_CONNECT,
        Error::Validation(_) | Error::UnknownValue(_) => EXIT_USAGE,
        _ => EXIT_FAILED,
    };
    let hint = match command {
        // Whatever the command, a lost connection is the thing to fix.
        _ if code == EXIT_CONNECT => {
            "\nThe connection to the server failed or was lost; check that the server is running \
             and reachable, then run the command again."
        }
        Command::Upgrade { .. }
        | Command::UpgradeTo(_)
        | Command::DowngradeTo(_)
        | Command::Downgrade { .. }
        | Command::Stamp => {
            "\n`csdb history` shows which migrations are applied; each migration runs in its own \
             transaction, so the database is at the last one that succeeded."
        }
        Command::Analyze(_) | Command::Vacuum(_) | Command::Reindex(_) => {
            "\nMaintenance commands need a user that owns the tables (or a superuser)."
        }
        Command::Orphans { .. } => {
            "\nThe orphan check needs every table: run `csdb upgrade` if migrations are pending."
        }
        Command::Demo { .. } => {
            "\nThe load runs in one transaction, so a failed one leaves the tables as they were."
        }
        Command::Explain { .. } => {
            "\nThe dashboards need every table: run `csdb upgrade` if migrations are pending."
        }
        Command::Adopt { check: false } => {
            "\nAdoption runs in one transaction, so a failed one changes nothing; `csdb adopt \
             --check` shows what it would do."
        }
        _ => "",
    };
    Failure {
        code,
        message: format!(
            "{} failed: {}{hint}",
            command_name(command),
            error_chain(e, url)
        ),
    }
}

fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Upgrade { .. } => "upgrade",
        Command::UpgradeTo(_) => "upgrade --to",
        Command::DowngradeTo(_) => "downgrade --to",
        Command::Current => "current",
        Command::History => "history",
        Command::Downgrade { .. } => "downgrade",
        Command::Stamp => "stamp",
        Command::Adopt { check: false } => "adopt",
        Command::Adopt { check: true } => "adopt --check",
        Command::Analyze(_) => "analyze",
        Command::Vacuum(_) => "vacuum",
        Command::Reindex(_) => "reindex",
        Command::IndexUsage => "index-usage",
        Command::TableSizes => "table-sizes",
        Command::IndexSizes => "index-sizes",
        Command::RedundantIndexes => "redundant-indexes",
        Command::SlowQueries => "slow-queries",
        Command::Orphans { delete: false } => "orphans",
        Command::Orphans { delete: true } => "orphans --delete",
        Command::Refresh => "refresh",
        Command::Doctor => "doctor",
        Command::Demo { .. } => "demo",
        Command::Explain { .. } => "explain",
        Command::Distribute { .. } => "distribute",
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    // Every result type is plain data (strings, numbers, bools); this cannot fail in practice,
    // and a null is better than a crash if it ever did.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn script(sql: String) -> Output {
    let json = json!({ "sql": sql });
    Output::ok(sql, json)
}

// ---------------------------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------------------------

/// A migration version with its name, for output.
#[derive(Serialize, PartialEq)]
struct Version {
    version: String,
    name: String,
}

fn version(v: &str) -> Version {
    let name = migrations::SQL
        .iter()
        .find(|m| m.version() == v)
        .map_or_else(
            || format!("(unknown to this csdb: {v})"),
            |m| m.name.to_owned(),
        );
    Version {
        version: v.to_owned(),
        name,
    }
}

fn head() -> Option<Version> {
    migrations::SQL.last().map(|m| version(&m.version()))
}

fn version_lines(versions: &[String]) -> String {
    versions
        .iter()
        .map(|v| format!("  {}  {}\n", v, version(v).name))
        .collect()
}

/// The output of a command that applied or reverted (`verb`) `versions`, oldest first for
/// "applied", newest first for "reverted": the versions, then where the database is now
/// (`nothing` words the case of an empty list).
fn moved(
    conn: &mut PgConnection,
    verb: &str,
    versions: Vec<String>,
    nothing: impl FnOnce(&str) -> String,
) -> Result<Output, Error> {
    let now = migrations::applied(conn)?.last().map(|v| version(v));
    let at = match &now {
        None => "base (no migration applied)".to_owned(),
        Some(v) if Some(v) == head().as_ref() => format!("{} {} (head)", v.version, v.name),
        Some(v) => format!("{} {}", v.version, v.name),
    };
    let human = if versions.is_empty() {
        nothing(&at)
    } else {
        format!(
            "{verb} {}:\n{}now at {at}\n",
            plural(versions.len(), "migration", "migrations"),
            version_lines(&versions)
        )
    };
    let versions: Vec<Version> = versions.iter().map(|v| version(v)).collect();
    Ok(Output::ok(human, json!({ verb: versions, "current": now })))
}

fn upgrade(conn: &mut PgConnection) -> Result<Output, Error> {
    let applied = migrations::run_pending(conn)?;
    moved(conn, "applied", applied, |at| {
        format!("already at {at}; nothing to apply\n")
    })
}

fn upgrade_to(conn: &mut PgConnection, rev: &str) -> Result<Output, Error> {
    let target = migrations::find(rev)?;
    let applied = migrations::upgrade_to(conn, &target.version())?;
    moved(conn, "applied", applied, |at| {
        format!("nothing to apply up to {}; now at {at}\n", target.name)
    })
}

fn downgrade_to(conn: &mut PgConnection, rev: &str) -> Result<Output, Error> {
    let reverted = migrations::downgrade_to(conn, rev)?;
    moved(conn, "reverted", reverted, |at| {
        format!("nothing to revert; already at {at}\n")
    })
}

fn current(conn: &mut PgConnection) -> Result<Output, Error> {
    let applied = migrations::applied(conn)?;
    let pending = migrations::pending(conn)?;
    let now = applied.last().map(|v| version(v));
    let human = match &now {
        None => "no migration applied (empty database); run `csdb upgrade`\n".to_owned(),
        Some(v) if pending.is_empty() => format!("{}  {}  (head)\n", v.version, v.name),
        Some(v) => format!(
            "{}  {}  ({} behind head; run `csdb upgrade`)\n",
            v.version,
            v.name,
            plural(pending.len(), "migration", "migrations")
        ),
    };
    Ok(Output::ok(
        human,
        json!({
            "current": now,
            "head": head(),
            "at_head": pending.is_empty(),
            "pending": pending,
        }),
    ))
}

fn history(conn: &mut PgConnection) -> Result<Output, Error> {
    let history = migrations::history(conn)?;
    let newest_applied = history.iter().rposition(|m| m.applied);
    let rows: Vec<Vec<String>> = history
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let state = match (m.applied, Some(i) == newest_applied) {
                (true, true) => "applied (current)",
                (true, false) => "applied",
                (false, _) => "pending",
            };
            vec![m.version.clone(), m.name.clone(), state.to_owned()]
        })
        .collect();
    let pending = history.iter().filter(|m| !m.applied).count();
    let mut human = table(
        &[
            ("VERSION", Align::Left),
            ("NAME", Align::Left),
            ("STATE", Align::Left),
        ],
        &rows,
    );
    human.push_str(&format!(
        "\n{} applied, {} pending\n",
        history.len() - pending,
        pending
    ));
    Ok(Output::ok(human, to_json(&history)))
}

fn downgrade(conn: &mut PgConnection, all: bool) -> Result<Output, Error> {
    let reverted = if all {
        migrations::revert_all(conn)?
    } else {
        vec![migrations::revert_last(conn)?]
    };
    moved(conn, "reverted", reverted, |at| {
        format!("nothing to revert; already at {at}\n")
    })
}

fn stamp(conn: &mut PgConnection) -> Result<Output, Error> {
    let stamped = migrations::stamp_all(conn)?;
    let human = if stamped.is_empty() {
        "every migration was already recorded as applied; nothing to stamp\n".to_owned()
    } else {
        format!(
            "recorded {} as applied without running them:\n{}now at head\n",
            plural(stamped.len(), "migration", "migrations"),
            version_lines(&stamped)
        )
    };
    let stamped: Vec<Version> = stamped.iter().map(|v| version(v)).collect();
    Ok(Output::ok(
        human,
        json!({ "stamped": stamped, "current": head() }),
    ))
}

// ---------------------------------------------------------------------------------------------
// Maintenance and diagnostics
// ---------------------------------------------------------------------------------------------

fn ran(run: MaintenanceRun) -> Output {
    let human = format!("{}: done in {} ms\n", run.statement, run.elapsed_ms);
    Output::ok(human, to_json(&run))
}

fn index_usage(conn: &mut PgConnection) -> Result<Output, Error> {
    let usage = maintenance::index_usage(conn)?;
    let rows: Vec<Vec<String>> = usage
        .iter()
        .map(|u| {
            vec![
                u.table.clone(),
                u.index.clone(),
                u.scans.to_string(),
                bytes(u.size_bytes),
                if u.unused { "unused" } else { "" }.to_owned(),
                if u.backs_constraint { "constraint" } else { "" }.to_owned(),
            ]
        })
        .collect();
    let unused = usage.iter().filter(|u| u.unused).count();
    let needed = usage
        .iter()
        .filter(|u| u.unused && u.backs_constraint)
        .count();
    let mut human = table(
        &[
            ("TABLE", Align::Left),
            ("INDEX", Align::Left),
            ("SCANS", Align::Right),
            ("SIZE", Align::Right),
            ("UNUSED", Align::Left),
            ("ENFORCES", Align::Left),
        ],
        &rows,
    );
    human.push_str(&format!(
        "\n{unused} of {} never scanned ({needed} of them enforce a constraint and are needed \
         anyway). Counts are since the statistics were last reset, on this server only.\n",
        plural(usage.len(), "index", "indexes"),
    ));
    Ok(Output::ok(human, to_json(&usage)))
}

fn table_sizes(conn: &mut PgConnection) -> Result<Output, Error> {
    let sizes = maintenance::table_sizes(conn)?;
    let rows: Vec<Vec<String>> = sizes
        .iter()
        .map(|s| {
            vec![
                s.table.clone(),
                s.pretty.clone(),
                s.total_bytes.to_string(),
                s.rows_estimate
                    .map_or_else(|| "-".to_owned(), |n| n.to_string()),
            ]
        })
        .collect();
    let total: i64 = sizes.iter().map(|s| s.total_bytes).sum();
    let mut human = table(
        &[
            ("TABLE", Align::Left),
            ("SIZE", Align::Right),
            ("BYTES", Align::Right),
            ("ROWS (EST.)", Align::Right),
        ],
        &rows,
    );
    human.push_str(&format!(
        "\n{} in {} (tables, indexes and TOAST). ROWS is the planner's estimate; - means \
         never analyzed.\n",
        bytes(total),
        plural(sizes.len(), "table", "tables")
    ));
    Ok(Output::ok(human, to_json(&sizes)))
}

fn index_sizes(conn: &mut PgConnection) -> Result<Output, Error> {
    let sizes = maintenance::index_sizes(conn)?;
    let rows: Vec<Vec<String>> = sizes
        .iter()
        .map(|s| {
            vec![
                s.table.clone(),
                s.index.clone(),
                s.pretty.clone(),
                s.bytes.to_string(),
            ]
        })
        .collect();
    let total: i64 = sizes.iter().map(|s| s.bytes).sum();
    let mut human = table(
        &[
            ("TABLE", Align::Left),
            ("INDEX", Align::Left),
            ("SIZE", Align::Right),
            ("BYTES", Align::Right),
        ],
        &rows,
    );
    human.push_str(&format!(
        "\n{} in {}\n",
        bytes(total),
        plural(sizes.len(), "index", "indexes")
    ));
    Ok(Output::ok(human, to_json(&sizes)))
}

fn redundant_indexes(conn: &mut PgConnection) -> Result<Output, Error> {
    let redundant = maintenance::redundant_indexes(conn)?;
    let human = if redundant.is_empty() {
        "no redundant indexes\n".to_owned()
    } else {
        let rows: Vec<Vec<String>> = redundant
            .iter()
            .map(|r| {
                vec![
                    r.table.clone(),
                    r.index.clone(),
                    r.columns.join(", "),
                    bytes(r.size_bytes),
                    r.reason.clone(),
                ]
            })
            .collect();
        let total: i64 = redundant.iter().map(|r| r.size_bytes).sum();
        let mut human = table(
            &[
                ("TABLE", Align::Left),
                ("INDEX", Align::Left),
                ("COLUMNS", Align::Left),
                ("SIZE", Align::Right),
                ("REDUNDANT BECAUSE", Align::Left),
            ],
            &rows,
        );
        human.push_str(&format!(
            "\n{} using {}. Nothing was dropped; after review, `DROP INDEX CONCURRENTLY <index>` \
             removes one without blocking writes (an index that backs a constraint goes with \
             `ALTER TABLE … DROP CONSTRAINT`).\n",
            plural(redundant.len(), "redundant index", "redundant indexes"),
            bytes(total)
        ));
        human
    };
    Ok(Output::ok(human, to_json(&redundant)))
}

fn slow_queries(conn: &mut PgConnection) -> Result<Output, Error> {
    let setting = maintenance::slow_query_threshold(conn)?;
    let human = match setting.log_min_duration_statement_ms {
        None => format!(
            "slow-query logging is disabled (log_min_duration_statement = {}).\n\
             To log statements slower than {} ms as the operations guide recommends, as a \
             superuser:\n  ALTER SYSTEM SET log_min_duration_statement = {};\n  SELECT \
             pg_reload_conf();\n",
            setting.raw,
            maintenance::RECOMMENDED_SLOW_QUERY_MS,
            maintenance::RECOMMENDED_SLOW_QUERY_MS
        ),
        Some(0) => format!(
            "log_min_duration_statement = {}: every statement is logged with its duration\n",
            setting.raw
        ),
        Some(ms) => format!(
            "log_min_duration_statement = {}: statements slower than {ms} ms are logged\n",
            setting.raw
        ),
    };
    Ok(Output::ok(
        human,
        json!({
            "log_min_duration_statement_ms": setting.log_min_duration_statement_ms,
            "raw": setting.raw,
            "enabled": setting.is_enabled(),
            "recommended_ms": maintenance::RECOMMENDED_SLOW_QUERY_MS,
        }),
    ))
}

fn delete_orphans(conn: &mut PgConnection) -> Result<Output, Error> {
    let deleted = maintenance::delete_orphans(conn)?;
    let rows: Vec<Vec<String>> = deleted
        .iter()
        .map(|d| {
            vec![
                d.table.to_string(),
                d.column.clone(),
                d.references.clone(),
                d.deleted.to_string(),
                d.sample.join(", "),
            ]
        })
        .collect();
    let total: i64 = deleted.iter().map(|d| d.deleted).sum();
    let mut human = if deleted.is_empty() {
        String::new()
    } else {
        table(
            &[
                ("TABLE", Align::Left),
                ("COLUMN", Align::Left),
                ("REFERENCES", Align::Left),
                ("DELETED", Align::Right),
                ("SAMPLE", Align::Left),
            ],
            &rows,
        )
    };
    human.push_str(&format!(
        "
deleted {} (one transaction; rows their foreign keys cascade to went with them)
",
        plural(
            usize::try_from(total).unwrap_or(usize::MAX),
            "orphaned row",
            "orphaned rows"
        )
    ));
    Ok(Output {
        human,
        json: to_json(&deleted),
        code: EXIT_OK,
        stderr: None,
    })
}

fn refresh(conn: &mut PgConnection) -> Result<Output, Error> {
    let changed = maintenance::refresh_derived_values(conn)?;
    Ok(Output {
        human: format!(
            "refreshed the SLA states and days until renewal: {} changed\n",
            plural(
                usize::try_from(changed).unwrap_or(usize::MAX),
                "row",
                "rows"
            )
        ),
        json: serde_json::json!({ "changed": changed }),
        code: EXIT_OK,
        stderr: None,
    })
}

fn distribute(conn: &mut PgConnection, check: bool) -> Result<Output, Error> {
    let report = if check {
        customer_success_db::distribute::check(conn)?
    } else {
        customer_success_db::distribute::distribute(conn)?
    };
    let mut human = report.to_string();
    if check {
        human.push_str("(--check: nothing was changed)\n");
    }
    Ok(Output {
        human,
        json: to_json(&report),
        // Blocked tables are work left to do: a script must not take them for success.
        code: if report.is_complete() {
            EXIT_OK
        } else {
            EXIT_FAILED
        },
        stderr: None,
    })
}

fn orphans(conn: &mut PgConnection) -> Result<Output, Error> {
    let reports = maintenance::orphans(conn)?;
    let rows: Vec<Vec<String>> = reports
        .iter()
        .map(|r| {
            vec![
                r.table.to_string(),
                r.column.clone(),
                r.references.clone(),
                if r.has_foreign_key { "yes" } else { "no" }.to_owned(),
                r.orphan_count.to_string(),
                r.sample.join(", "),
            ]
        })
        .collect();
    let mut human = table(
        &[
            ("TABLE", Align::Left),
            ("COLUMN", Align::Left),
            ("REFERENCES", Align::Left),
            ("FK", Align::Left),
            ("ORPHANS", Align::Right),
            ("SAMPLE", Align::Left),
        ],
        &rows,
    );
    let found: Vec<_> = reports.iter().filter(|r| r.orphan_count > 0).collect();
    let total: i64 = found.iter().map(|r| r.orphan_count).sum();
    let code = if found.is_empty() {
        human.push_str(&format!(
            "\nno orphaned rows in {}\n",
            plural(reports.len(), "reference", "references")
        ));
        EXIT_OK
    } else {
        human.push_str(&format!(
            "\n{} in {} of {}. Nothing was changed; decide per table whether to create the \
             missing parents or delete the rows.\n",
            plural(
                usize::try_from(total).unwrap_or(usize::MAX),
                "orphaned row",
                "orphaned rows"
            ),
            found.len(),
            plural(reports.len(), "reference", "references")
        ));
        EXIT_FAILED
    };
    Ok(Output {
        human,
        json: to_json(&reports),
        code,
        stderr: None,
    })
}
