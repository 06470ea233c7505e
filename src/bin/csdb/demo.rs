//! `csdb demo --customers N [--seed S]`: loads the library's deterministic demo data
//! ([`customer_success_db::demo::load`]) with a progress line, for measuring a real
//! installation (load rate, then `csdb explain` on realistic data).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use customer_success_db::adopt::{self, DatabaseKind};
use customer_success_db::demo::{self, DemoConfig, DemoData, LoadReport, Progress};
use customer_success_db::{migrations, Error};
use diesel::sql_types::{BigInt, Text};
use diesel::{sql_query, PgConnection, QueryableByName, RunQueryDsl};
use serde_json::json;

use super::render::{plural, table, Align};
use super::{failure, Failure, Output, EXIT_FAILED};
use crate::args::Command;

/// How often the non-terminal progress line is repeated: often enough to show a long load is
/// alive in a CI log, rarely enough not to flood it.
const PLAIN_PROGRESS_EVERY: Duration = Duration::from_secs(5);

/// How often the terminal progress line is redrawn.
const TTY_PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// Loads the demo data of `config`.
pub fn run(
    conn: &mut PgConnection,
    command: &Command,
    config: &DemoConfig,
    url: &str,
) -> Result<Output, Failure> {
    let fail = |e: Error| failure(command, &e, url);
    ready_for_demo(conn).map_err(|e| match e {
        Refusal::Db(e) => fail(e),
        Refusal::Not(message) => Failure {
            code: EXIT_FAILED,
            message: format!("demo refused: {message} Nothing was changed."),
        },
    })?;
    let mut line = ProgressLine::new(std::io::stderr().is_terminal());
    let report = demo::load(conn, config, &mut |p| line.update(&p)).map_err(fail)?;
    line.finish(&report);
    Ok(summary(config, &report))
}

enum Refusal {
    Db(Error),
    Not(String),
}

impl From<Error> for Refusal {
    fn from(e: Error) -> Self {
        Refusal::Db(e)
    }
}

#[derive(QueryableByName)]
struct Missing {
    #[diesel(sql_type = Text)]
    table_name: String,
}

#[derive(QueryableByName)]
struct Rows {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The database must be one these migrations manage, have all 24 tables (any applied
/// migration from the original six on: a database downgraded to the original index set is a
/// valid target for comparisons) and no rows in them.
fn ready_for_demo(conn: &mut PgConnection) -> Result<(), Refusal> {
    match adopt::detect(conn)? {
        DatabaseKind::Current => {}
        DatabaseKind::Empty => {
            return Err(Refusal::Not(
                "the database has no schema yet; run `csdb upgrade` first.".into(),
            ))
        }
        kind @ DatabaseKind::Legacy { .. } => {
            return Err(Refusal::Not(format!(
                "this is {kind}; adopt it first (`csdb adopt --check`, then `csdb adopt`), or \
                 load the demo into a new database."
            )))
        }
        kind @ DatabaseKind::Unknown { .. } => {
            return Err(Refusal::Not(format!(
                "this is {kind}, not a customer-success-db database; load the demo into a new \
                 database."
            )))
        }
    }
    let tables: Vec<String> = DemoData::TABLES.iter().map(|t| format!("'{t}'")).collect();
    let missing: Vec<String> = sql_query(format!(
        "SELECT t AS table_name FROM unnest(ARRAY[{}]::text[]) AS t \
         WHERE to_regclass(format('public.%I', t)) IS NULL",
        tables.join(", ")
    ))
    .load::<Missing>(conn)
    .map_err(Error::from)?
    .into_iter()
    .map(|m| m.table_name)
    .collect();
    if !missing.is_empty() {
        let pending = migrations::pending(conn)?.len();
        return Err(Refusal::Not(format!(
            "the database lacks {} ({}) and has {} pending; run `csdb upgrade` first.",
            plural(missing.len(), "table", "tables"),
            missing.join(", "),
            plural(pending, "migration", "migrations"),
        )));
    }
    // `EXISTS` per table: cheap however large the tables are.
    let probes: Vec<String> = DemoData::TABLES
        .iter()
        .map(|t| format!("SELECT '{t}'::text AS table_name, (SELECT count(*) FROM (SELECT 1 FROM {t} LIMIT 1) x) AS n"))
        .collect();
    let filled: Vec<String> = sql_query(probes.join(" UNION ALL "))
        .load::<Rows>(conn)
        .map_err(Error::from)?
        .into_iter()
        .filter(|r| r.n > 0)
        .map(|r| r.table_name)
        .collect();
    if !filled.is_empty() {
        return Err(Refusal::Not(format!(
            "{} already {} rows ({}). The demo's business keys (cust-000001, …) are the same \
             for every seed, so it loads into empty tables only: use a new database, or empty \
             this one with `csdb downgrade base --yes` and `csdb upgrade`.",
            plural(filled.len(), "table", "tables"),
            if filled.len() == 1 { "has" } else { "have" },
            filled.join(", ")
        )));
    }
    Ok(())
}

/// The progress line on stderr: redrawn in place on a terminal, a plain line every few seconds
/// otherwise (a log file should not fill with carriage returns).
struct ProgressLine {
    tty: bool,
    started: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl ProgressLine {
    fn new(tty: bool) -> Self {
        ProgressLine {
            tty,
            started: Instant::now(),
            last: None,
            drawn: false,
        }
    }

    fn update(&mut self, p: &Progress) {
        let every = if self.tty {
            TTY_PROGRESS_EVERY
        } else {
            PLAIN_PROGRESS_EVERY
        };
        let now = Instant::now();
        if self.last.is_some_and(|t| now.duration_since(t) < every) {
            return;
        }
        self.last = Some(now);
        let text = progress_text(p, self.started.elapsed());
        let mut err = std::io::stderr().lock();
        // Progress is informational: a closed stderr must not stop the load.
        let _ = if self.tty {
            self.drawn = true;
            write!(err, "\r\x1b[2K{text}")
        } else {
            writeln!(err, "{text}")
        };
        let _ = err.flush();
    }

    fn finish(&mut self, report: &LoadReport) {
        let mut err = std::io::stderr().lock();
        if self.drawn {
            let _ = write!(err, "\r\x1b[2K");
        }
        let _ = writeln!(
            err,
            "loaded {} rows in {:.1} s ({:.0} rows/s), ANALYZE included",
            report.total_rows,
            report.elapsed.as_secs_f64(),
            report.rows_per_second
        );
    }
}

/// `customers 12000/100000 (12.0%)  rows 516000  86000 rows/s  ETA 52 s`.
fn progress_text(p: &Progress, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    let rate = p.rows_loaded as f64 / secs;
    let fraction = p.fraction();
    // Customers are the only total known in advance (rows are generated as the load goes), and
    // rows per customer vary little, so the share of customers done estimates the time left.
    let eta = if fraction > 0.0 && fraction < 1.0 {
        format!("ETA {:.0} s", secs * (1.0 - fraction) / fraction)
    } else {
        "ETA -".to_owned()
    };
    format!(
        "customers {}/{} ({:.1}%)  rows {}  {:.0} rows/s  {eta}",
        p.customers_done,
        p.customers_total,
        fraction * 100.0,
        p.rows_loaded,
        rate
    )
}

fn summary(config: &DemoConfig, report: &LoadReport) -> Output {
    let rows: Vec<Vec<String>> = report
        .rows_per_table
        .iter()
        .map(|(t, n)| vec![(*t).to_owned(), n.to_string()])
        .collect();
    let mut human = table(&[("TABLE", Align::Left), ("ROWS", Align::Right)], &rows);
    human.push_str(&format!(
        "\n{} rows of {} (seed {}, as of {}) in {:.2} s: {:.0} rows/s (generation {:.2} s \
         beside the writer, {:.2} s waited for; ANALYZE {:.2} s)\n",
        report.total_rows,
        plural(config.customers, "customer", "customers"),
        config.seed,
        config.today,
        report.elapsed.as_secs_f64(),
        report.rows_per_second,
        report.generate_elapsed.as_secs_f64(),
        report.generate_wait.as_secs_f64(),
        report.analyze_elapsed.as_secs_f64(),
    ));
    let per_table: serde_json::Map<String, serde_json::Value> = report
        .rows_per_table
        .iter()
        .map(|(t, n)| ((*t).to_owned(), json!(n)))
        .collect();
    let json = json!({
        "customers": config.customers,
        "seed": config.seed,
        "today": config.today.to_string(),
        "method": report.method.to_string(),
        "rows_per_table": per_table,
        "total_rows": report.total_rows,
        "seconds": report.elapsed.as_secs_f64(),
        "rows_per_second": report.rows_per_second,
        "generate_seconds": report.generate_elapsed.as_secs_f64(),
        "generate_wait_seconds": report.generate_wait.as_secs_f64(),
        "analyze_seconds": report.analyze_elapsed.as_secs_f64(),
    });
    Output::ok(human, json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_text_estimates_the_rest() {
        let p = Progress {
            table: "customers",
            table_rows: 10,
            rows_loaded: 1000,
            customers_done: 25,
            customers_total: 100,
        };
        assert_eq!(
            progress_text(&p, Duration::from_secs(10)),
            "customers 25/100 (25.0%)  rows 1000  100 rows/s  ETA 30 s"
        );
        let done = Progress {
            customers_done: 100,
            ..p
        };
        assert!(progress_text(&done, Duration::from_secs(10)).ends_with("ETA -"));
    }
}
