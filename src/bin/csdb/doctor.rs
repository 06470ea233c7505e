//! `csdb doctor`: one checklist of what the operations guide asks an operator to watch.
//!
//! Read-only: unlike `csdb current`, it does not create Diesel's bookkeeping table on a database
//! that has none.

use customer_success_db::adopt::{self, DatabaseKind};
use customer_success_db::maintenance::{self, Redundancy};
use customer_success_db::migrations;
use customer_success_db::url::redact;
use customer_success_db::Error;
use diesel::sql_types::{Bool, Integer, Text};
use diesel::{sql_query, PgConnection, QueryableByName, RunQueryDsl};
use serde::Serialize;
use serde_json::json;

use super::render::{bytes, plural};
use super::{connect_failure, error_chain, Output, EXIT_CONNECT, EXIT_FAILED, EXIT_OK};

/// The oldest server the crate's SQL is written for (`WITH … AS MATERIALIZED`, `INCLUDE`).
const MIN_SERVER_VERSION_NUM: i32 = 120_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
enum Status {
    #[serde(rename = "OK")]
    Ok,
    #[serde(rename = "WARN")]
    Warn,
    #[serde(rename = "FAIL")]
    Fail,
}

impl Status {
    fn label(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Fail => "FAIL",
        }
    }
}

#[derive(Debug, Serialize)]
struct Check {
    name: &'static str,
    status: Status,
    detail: String,
}

fn check(name: &'static str, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
    }
}

/// The checklist for a server that could not be reached: one FAIL, exit 3.
pub fn unreachable(e: &Error, url: &str) -> Output {
    let checks = vec![check(
        "connection",
        Status::Fail,
        format!("cannot connect: {}", error_chain(e, url)),
    )];
    let mut output = report(url, None, &checks);
    output.code = EXIT_CONNECT;
    output.stderr = Some(connect_failure(e, url).message);
    output
}

/// Runs every check on `conn`.
pub fn run(conn: &mut PgConnection, url: &str) -> Output {
    let mut checks = Vec::new();

    let version = server_version(conn);
    checks.push(match &version {
        Ok((text, num)) if *num < MIN_SERVER_VERSION_NUM => check(
            "connection",
            Status::Warn,
            format!("connected; PostgreSQL {text} is older than 12, which csdb is not tested on"),
        ),
        Ok((text, _)) => check(
            "connection",
            Status::Ok,
            format!("connected; PostgreSQL {text}"),
        ),
        Err(e) => check(
            "connection",
            Status::Fail,
            format!(
                "connected, but cannot query the server: {}",
                error_chain(e, url)
            ),
        ),
    });

    let at_head = migrations_check(conn, url, &mut checks);

    checks.push(if at_head {
        orphans_check(conn, url)
    } else {
        // The check reads every table; on a partly migrated schema some do not exist.
        check(
            "orphans",
            Status::Warn,
            "not checked: the schema is not fully migrated",
        )
    });

    checks.push(match maintenance::redundant_indexes(conn) {
        Ok(r) if r.is_empty() => check("redundant indexes", Status::Ok, "none"),
        Ok(r) => {
            // A count per kind keeps the line readable; the list is one command away.
            let count = |kind: Redundancy| r.iter().filter(|i| i.kind == kind).count();
            check(
                "redundant indexes",
                Status::Warn,
                format!(
                    "{} using {} ({} duplicating a constraint's index, {} duplicating another \
                     index, {} a prefix of a longer one); see `csdb redundant-indexes`",
                    plural(r.len(), "redundant index", "redundant indexes"),
                    bytes(r.iter().map(|i| i.size_bytes).sum()),
                    count(Redundancy::DuplicatesConstraint),
                    count(Redundancy::Duplicate),
                    count(Redundancy::Prefix),
                ),
            )
        }
        Err(e) => check("redundant indexes", Status::Fail, error_chain(&e, url)),
    });

    checks.push(match maintenance::invalid_indexes(conn) {
        Ok(r) if r.is_empty() => check("invalid indexes", Status::Ok, "none"),
        Ok(r) => check(
            "invalid indexes",
            Status::Fail,
            format!(
                "{} ({}) left by an interrupted CREATE INDEX CONCURRENTLY: every write maintains \
                 them and no query uses them. Run `csdb upgrade` again (the index migration \
                 rebuilds its own), or DROP INDEX CONCURRENTLY the others",
                plural(r.len(), "invalid index", "invalid indexes"),
                r.iter()
                    .map(|i| format!("{}.{}", i.table, i.index))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Err(e) => check("invalid indexes", Status::Fail, error_chain(&e, url)),
    });

    checks.push(match maintenance::slow_query_threshold(conn) {
        Ok(s) => match s.log_min_duration_statement_ms {
            None => check(
                "slow-query logging",
                Status::Warn,
                format!(
                    "disabled (log_min_duration_statement = {}); to log statements slower than \
                     1 s: ALTER SYSTEM SET log_min_duration_statement = {}; SELECT \
                     pg_reload_conf();",
                    s.raw,
                    maintenance::RECOMMENDED_SLOW_QUERY_MS
                ),
            ),
            Some(0) => check(
                "slow-query logging",
                Status::Warn,
                format!(
                    "log_min_duration_statement = 0 logs every statement; {} ms is the \
                     recommended threshold",
                    maintenance::RECOMMENDED_SLOW_QUERY_MS
                ),
            ),
            Some(_) => check(
                "slow-query logging",
                Status::Ok,
                format!("log_min_duration_statement = {}", s.raw),
            ),
        },
        Err(e) => check("slow-query logging", Status::Fail, error_chain(&e, url)),
    });

    report(url, version.ok().map(|(text, _)| text), &checks)
}

fn server_version(conn: &mut PgConnection) -> Result<(String, i32), Error> {
    #[derive(QueryableByName)]
    struct Version {
        #[diesel(sql_type = Text)]
        version: String,
        #[diesel(sql_type = Integer)]
        num: i32,
    }
    let v: Version = sql_query(
        "SELECT current_setting('server_version') AS version,
                current_setting('server_version_num')::int AS num",
    )
    .get_result(conn)?;
    Ok((v.version, v.num))
}

/// Adds the migrations check; returns whether the schema is at head.
fn migrations_check(conn: &mut PgConnection, url: &str, checks: &mut Vec<Check>) -> bool {
    #[derive(QueryableByName)]
    struct Present {
        #[diesel(sql_type = Bool)]
        present: bool,
    }
    let state =
        sql_query("SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL AS present")
            .get_result::<Present>(conn)
            .map_err(Error::from)
            .and_then(|p| {
                if p.present {
                    Ok(Some((
                        migrations::applied(conn)?,
                        migrations::pending(conn)?,
                    )))
                } else {
                    Ok(None)
                }
            });
    let (status, detail, at_head) = match state {
        Err(e) => (Status::Fail, error_chain(&e, url), false),
        Ok(None) => match adopt::detect(conn) {
            // `csdb upgrade` would fail on its existing tables: the way in is adoption.
            Ok(kind @ DatabaseKind::Legacy { .. }) => (
                Status::Fail,
                format!(
                    "{kind}, not managed by csdb's migrations; run `csdb adopt --check`, then \
                     `csdb adopt`"
                ),
                false,
            ),
            _ => (
                Status::Fail,
                format!(
                    "no migration applied (no __diesel_schema_migrations table); run `csdb \
                     upgrade` to create the schema ({} pending)",
                    migrations::SQL.len()
                ),
                false,
            ),
        },
        Ok(Some((_, pending))) if !pending.is_empty() => (
            Status::Fail,
            format!(
                "{} pending: {}; run `csdb upgrade`",
                plural(pending.len(), "migration", "migrations"),
                pending.join(", ")
            ),
            false,
        ),
        Ok(Some((applied, _))) => {
            let known: Vec<String> = migrations::SQL.iter().map(|m| m.version()).collect();
            let unknown: Vec<&String> = applied.iter().filter(|v| !known.contains(v)).collect();
            let current = applied.last().map_or("", String::as_str);
            if unknown.is_empty() {
                (Status::Ok, format!("at head ({current})"), true)
            } else {
                (
                    Status::Warn,
                    format!(
                        "every migration of this csdb is applied, but the database also records \
                         {}, unknown to it: is a newer version of the schema deployed?",
                        unknown
                            .iter()
                            .map(|v| v.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    true,
                )
            }
        }
    };
    checks.push(check("migrations", status, detail));
    at_head
}

fn orphans_check(conn: &mut PgConnection, url: &str) -> Check {
    match maintenance::orphans(conn) {
        Err(e) => check("orphans", Status::Fail, error_chain(&e, url)),
        Ok(reports) => {
            let found: Vec<String> = reports
                .iter()
                .filter(|r| r.orphan_count > 0)
                .map(|r| {
                    format!(
                        "{}.{} {} (e.g. {})",
                        r.table,
                        r.column,
                        r.orphan_count,
                        r.sample
                            .iter()
                            .take(3)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            if found.is_empty() {
                let unguarded = reports.iter().filter(|r| !r.has_foreign_key).count();
                check(
                    "orphans",
                    Status::Ok,
                    format!(
                        "none in {} ({unguarded} without a foreign key)",
                        plural(reports.len(), "reference", "references")
                    ),
                )
            } else {
                check(
                    "orphans",
                    Status::Fail,
                    format!("orphaned rows in {}; see `csdb orphans`", found.join("; ")),
                )
            }
        }
    }
}

fn report(url: &str, server_version: Option<String>, checks: &[Check]) -> Output {
    let failures = checks.iter().filter(|c| c.status == Status::Fail).count();
    let warnings = checks.iter().filter(|c| c.status == Status::Warn).count();
    let verdict = match (failures, warnings) {
        (0, 0) => "healthy".to_owned(),
        (0, w) => format!("healthy, with {}", plural(w, "warning", "warnings")),
        (f, w) => format!(
            "UNHEALTHY: {}, {}",
            plural(f, "failure", "failures"),
            plural(w, "warning", "warnings")
        ),
    };

    let name_width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut human = format!("csdb doctor: {}\n\n", redact(url));
    for c in checks {
        human.push_str(&format!(
            "  {:<6} {:<name_width$}  {}\n",
            format!("[{}]", c.status.label()),
            c.name,
            c.detail
        ));
    }
    human.push_str(&format!("\nverdict: {verdict}\n"));

    Output {
        human,
        json: json!({
            "database": redact(url),
            "server_version": server_version,
            "checks": checks,
            "failures": failures,
            "warnings": warnings,
            "healthy": failures == 0,
            "verdict": verdict,
        }),
        code: if failures == 0 { EXIT_OK } else { EXIT_FAILED },
        stderr: None,
    }
}
