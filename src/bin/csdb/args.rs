//! The command line: parsing, validation (before any database is contacted) and `--help`.

use std::ffi::OsString;

use customer_success_db::maintenance::Table;
use customer_success_db::url::redact;
use lexopt::prelude::*;

/// The text of `csdb --help`.
pub const HELP: &str = "\
csdb: migrations, maintenance and health checks of a customer-success-db database

Usage: csdb [--database-url URL] [--json] <COMMAND> [ARGS]

Migrations (the Alembic commands of the operations guide):
  upgrade              apply every pending migration (alembic upgrade head)
  upgrade --sql        print the SQL script that builds the schema on an empty database;
                       needs no database
  upgrade --to REV     apply the pending migrations up to and including REV (alembic upgrade
                       <rev>); REV is a version, a name, or a name without its date, e.g.
                       `csdb upgrade --to v2_derived_values` (schema v2 with the original indexes)
  current              show the newest applied migration (alembic current)
  history              list every migration, applied or pending (alembic history)
  downgrade            revert the newest applied migration (alembic downgrade -1)
  downgrade base --yes revert every migration, dropping all tables and their data
                       (alembic downgrade base; also --base); refused without --yes
  downgrade base --sql print the SQL script that reverts every migration; needs no database
  downgrade --to REV   revert the migrations newer than REV (alembic downgrade <rev>)
  stamp                record every migration as applied without running it (alembic stamp head)
  adopt [--check]      convert a database created by the original Alembic system (revision
                       6b022f57af5f) into one these migrations manage, in one transaction: column
                       types, NULLs filled with defaults, money rounded to cents, identities,
                       triggers, and every migration recorded as applied. Refused, changing
                       nothing, if a row or the schema does not fit. --check only prints what it
                       would do, or the problems; exits 1 when there are problems

Maintenance:
  analyze [TABLE]      refresh planner statistics of TABLE, or of every table
  vacuum [TABLE]       VACUUM ANALYZE TABLE, or every table
  reindex TABLE        rebuild every index of TABLE (blocks its writes meanwhile)

Diagnostics:
  index-usage          scans per index since the statistics were reset, unused first
  table-sizes          total size of every table, largest first
  index-sizes          size of every index, largest first
  redundant-indexes    indexes another index makes unnecessary (reported, never dropped)
  slow-queries         the slow-query logging threshold (log_min_duration_statement)
  orphans              rows whose client_id, plan_id, module_id or ticket_id has no parent row;
                       exits 1 when there are any
  orphans --delete     delete those rows, in one transaction, and print what was removed (the
                       repair before upgrading a database with orphans to schema v2)
  refresh              rewrite the stored values that depend on the clock: the tickets'
                       *_sla_status and renewal_forecasts.days_until_renewal (run it from cron;
                       the dashboards compute them live and do not need it)
  distribute [--check] on a Citus coordinator: distribute the tables by client_id, co-located
                       with customers, and make the catalogue tables reference tables (one
                       transaction, idempotent; SCALING.md). Tables whose keys or triggers
                       Citus refuses are listed with the reasons and left as they are; exits 1
                       then. --check only prints what it would do. Refused on a server
                       without Citus
  doctor               checklist: connection and server version, pending migrations, orphans,
                       redundant indexes, invalid indexes, slow-query logging; exits 1 on any
                       FAIL

Measuring:
  demo --customers N [--seed S] [--today YYYY-MM-DD]
                       load the deterministic demo data of N customers (about 43 rows each; 1 to
                       5,000,000) into the database, all or nothing, then ANALYZE. The data is
                       as of now (UTC) by default, so the clock-based dashboards look current;
                       with --today as of noon UTC of that date, and the same seed and --today
                       give the same rows. The database
                       must have the schema (`csdb upgrade`) and empty tables: the demo's
                       business keys (cust-000001, ...) are the same for every seed, so a second
                       load could only collide. Progress on stderr (one updating line on a
                       terminal); summary on stdout: rows per table, seconds, rows/s
  explain [--limit N] [--page P]
                       run each of the six dashboards under EXPLAIN ANALYZE, read-only, with the
                       quickstart's parameters, first page of N rows (default 100, at most
                       10000): execution and planning ms, rows, indexes and plan node types.
                       --page P explains keyset page P instead, reached by walking the pages
                       before it with cursors (or the last page, if there are fewer)

TABLE is one of the schema's tables, e.g. customers or health_scores.

Options:
  --database-url URL   the PostgreSQL URL (default: the DATABASE_URL environment variable)
  --json               print one JSON document on stdout instead of text
  -h, --help           print this help
  -V, --version        print the version

Exit codes:
  0  success (doctor: healthy, or warnings only)
  1  the operation failed, or the database is unhealthy (doctor FAIL, orphans found,
     adopt refused or adopt --check found problems, demo refused: no schema or tables not
     empty)
  2  usage error: unknown command or option, bad table name, missing --yes, no database URL,
     demo --customers missing or out of range
  3  cannot connect to the database

Errors go to stderr and never show a password. libpq gives up connecting after
PGCONNECT_TIMEOUT seconds (csdb sets 10 unless it is set).
";

/// A parsed subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `upgrade`; `sql` prints the offline script instead.
    Upgrade {
        /// `--sql`.
        sql: bool,
    },
    /// `upgrade --to REV`: the pending migrations up to and including REV.
    UpgradeTo(String),
    /// `downgrade --to REV`: revert the migrations newer than REV.
    DowngradeTo(String),
    /// `current`.
    Current,
    /// `history`.
    History,
    /// `downgrade`, `downgrade -1`, `downgrade base`.
    Downgrade {
        /// `base` / `--base`: revert everything.
        all: bool,
        /// `--yes`: confirmed.
        yes: bool,
        /// `--sql`: print the offline script.
        sql: bool,
    },
    /// `stamp`.
    Stamp,
    /// `adopt`, `adopt --check`.
    Adopt {
        /// `--check`: dry run.
        check: bool,
    },
    /// `analyze [TABLE]`.
    Analyze(Option<Table>),
    /// `vacuum [TABLE]`.
    Vacuum(Option<Table>),
    /// `reindex TABLE`.
    Reindex(Table),
    /// `index-usage`.
    IndexUsage,
    /// `table-sizes`.
    TableSizes,
    /// `index-sizes`.
    IndexSizes,
    /// `redundant-indexes`.
    RedundantIndexes,
    /// `slow-queries`.
    SlowQueries,
    /// `orphans [--delete]`.
    Orphans {
        /// Delete the orphaned rows (one transaction) instead of only listing them.
        delete: bool,
    },
    /// `refresh`.
    Refresh,
    /// `distribute [--check]`.
    Distribute {
        /// `--check`: only report what would be done.
        check: bool,
    },
    /// `doctor`.
    Doctor,
    /// `demo --customers N [--seed S]`.
    Demo {
        /// Customers to generate (validated: 1..=[`MAX_DEMO_CUSTOMERS`]).
        customers: usize,
        /// Seed of the generator.
        seed: u64,
        /// `--today`: the data is as of noon UTC of this date (default: as of now).
        today: Option<chrono::NaiveDate>,
    },
    /// `explain [--limit N] [--page P]`.
    Explain {
        /// `--page`: the keyset page to explain (1 = the first), reached by walking the pages
        /// before it with cursors.
        page: u32,
        /// Rows per dashboard page (validated: 1..=`MAX_PAGE_SIZE`).
        limit: i64,
    },
}

/// The largest `demo --customers`: about 43 rows and 20 KB of database per customer, so 5M
/// customers is about 100 GB. More is almost certainly a typo.
pub const MAX_DEMO_CUSTOMERS: usize = 5_000_000;

/// `demo`'s default seed (the library's `DemoConfig::default()`).
pub const DEFAULT_DEMO_SEED: u64 = 42;

/// `explain`'s default page size: the quickstart's and the MCP server's first page.
pub const DEFAULT_EXPLAIN_LIMIT: i64 = 100;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `--help` (or `help`).
    Help,
    /// `--version`.
    Version,
    /// A command to run.
    Run(Invocation),
}

/// A command with the global options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// The subcommand.
    pub command: Command,
    /// `--database-url`.
    pub database_url: Option<String>,
    /// `--json`.
    pub json: bool,
}

/// A usage error (exit code 2); the message says what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> Self {
        // A mistyped command line can carry a URL with a password (e.g. a URL given without
        // --database-url), and lexopt repeats the offending argument.
        UsageError(redact(&e.to_string()))
    }
}

/// Parses the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Request, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut database_url = None;
    let mut json = false;
    let (mut sql, mut base, mut yes, mut minus_one) = (false, false, false, false);
    let (mut check, mut delete) = (false, false);
    // `demo` and `explain` options, validated once the command is known.
    let mut page: Option<String> = None;
    let (mut customers, mut seed, mut limit): (Option<String>, Option<String>, Option<String>) =
        (None, None, None);
    let mut today: Option<String> = None;
    let mut to: Option<String> = None;
    let mut words: Vec<String> = Vec::new();
    let mut help = false;

    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => help = true,
            Short('V') | Long("version") => return Ok(Request::Version),
            Long("database-url") => database_url = Some(parser.value()?.string()?),
            Long("json") => json = true,
            Long("sql") => sql = true,
            Long("base") => base = true,
            Long("yes") | Short('y') => yes = true,
            Long("check") => check = true,
            Long("delete") => delete = true,
            Long("customers") => customers = Some(parser.value()?.string()?),
            Long("seed") => seed = Some(parser.value()?.string()?),
            Long("limit") => limit = Some(parser.value()?.string()?),
            Long("page") => page = Some(parser.value()?.string()?),
            Long("today") => today = Some(parser.value()?.string()?),
            Long("to") => to = Some(parser.value()?.string()?),
            // `downgrade -1`, as in Alembic.
            Short('1') => minus_one = true,
            Value(v) => words.push(v.string()?),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if help || words.first().is_some_and(|w| w == "help") {
        return Ok(Request::Help);
    }
    let Some((name, rest)) = words.split_first() else {
        return Err(UsageError(
            "no command given; run `csdb --help` for the list of commands".into(),
        ));
    };

    let no_args = |rest: &[String]| -> Result<(), UsageError> {
        match rest.first() {
            Some(extra) => Err(UsageError(format!(
                "unexpected argument {:?} for `{name}`",
                redact(extra)
            ))),
            None => Ok(()),
        }
    };
    let optional_table = |rest: &[String]| -> Result<Option<Table>, UsageError> {
        match rest {
            [] => Ok(None),
            [t] => table(t).map(Some),
            [_, extra, ..] => Err(UsageError(format!(
                "`{name}` takes at most one table; unexpected {:?}",
                redact(extra)
            ))),
        }
    };

    let command =
        match name.as_str() {
            "upgrade" => {
                only_head(name, rest)?;
                match to.take() {
                    Some(_) if sql => {
                        return Err(UsageError(
                            "`upgrade --sql` prints the whole schema and cannot stop at --to; run \
                         `upgrade --to REV` against a database instead"
                                .into(),
                        ))
                    }
                    Some(rev) => Command::UpgradeTo(rev),
                    None => Command::Upgrade { sql },
                }
            }
            "current" => no_args(rest).map(|()| Command::Current)?,
            "history" => no_args(rest).map(|()| Command::History)?,
            "downgrade" => {
                let all = match rest {
                    [] => base,
                    [w] if w == "base" => true,
                    [w] if w == "-1" => base,
                    [extra, ..] => {
                        return Err(UsageError(format!(
                            "unexpected argument {:?} for `downgrade`; use `downgrade` (one \
                         migration) or `downgrade base --yes` (all)",
                            redact(extra)
                        )))
                    }
                };
                if all && minus_one {
                    return Err(UsageError(
                        "`-1` and `base` contradict each other; choose one".into(),
                    ));
                }
                if sql && !all {
                    return Err(UsageError(
                        "`downgrade --sql` is offline and can only print the script that reverts \
                     every migration: use `downgrade base --sql`"
                            .into(),
                    ));
                }
                match to.take() {
                    Some(_) if all || sql || minus_one => return Err(UsageError(
                        "`downgrade --to REV` stops at REV; it cannot be combined with `base`, \
                         `-1` or `--sql`"
                            .into(),
                    )),
                    Some(rev) => Command::DowngradeTo(rev),
                    None => Command::Downgrade { all, yes, sql },
                }
            }
            "stamp" => {
                only_head(name, rest)?;
                Command::Stamp
            }
            "adopt" => no_args(rest).map(|()| Command::Adopt { check })?,
            "analyze" => Command::Analyze(optional_table(rest)?),
            "vacuum" => Command::Vacuum(optional_table(rest)?),
            "reindex" => match rest {
                [t] => Command::Reindex(table(t)?),
                [] => {
                    return Err(UsageError(
                        "`reindex` needs a table, e.g. `csdb reindex customers`".into(),
                    ))
                }
                [_, extra, ..] => {
                    return Err(UsageError(format!(
                        "`reindex` takes one table; unexpected {:?}",
                        redact(extra)
                    )))
                }
            },
            "index-usage" => no_args(rest).map(|()| Command::IndexUsage)?,
            "table-sizes" => no_args(rest).map(|()| Command::TableSizes)?,
            "index-sizes" => no_args(rest).map(|()| Command::IndexSizes)?,
            "redundant-indexes" => no_args(rest).map(|()| Command::RedundantIndexes)?,
            "slow-queries" => no_args(rest).map(|()| Command::SlowQueries)?,
            "orphans" => no_args(rest).map(|()| Command::Orphans { delete })?,
            "refresh" => no_args(rest).map(|()| Command::Refresh)?,
            "distribute" => no_args(rest).map(|()| Command::Distribute { check })?,
            "doctor" => no_args(rest).map(|()| Command::Doctor)?,
            "demo" => {
                no_args(rest)?;
                demo(customers.as_deref(), seed.as_deref(), today.as_deref())?
            }
            "explain" => {
                no_args(rest)?;
                Command::Explain {
                    page: explain_page(page.as_deref())?,
                    limit: explain_limit(limit.as_deref())?,
                }
            }
            other => {
                return Err(UsageError(format!(
                    "unknown command {:?}; run `csdb --help` for the list of commands",
                    redact(other)
                )))
            }
        };

    // Options that belong to other commands are mistakes, not something to ignore silently.
    let misplaced = [
        (
            sql,
            "--sql",
            matches!(command, Command::Upgrade { .. } | Command::Downgrade { .. }),
        ),
        (base, "--base", matches!(command, Command::Downgrade { .. })),
        (yes, "--yes", matches!(command, Command::Downgrade { .. })),
        (
            minus_one,
            "-1",
            matches!(command, Command::Downgrade { .. }),
        ),
        (
            check,
            "--check",
            matches!(command, Command::Adopt { .. } | Command::Distribute { .. }),
        ),
        (to.is_some(), "--to", false),
        (
            delete,
            "--delete",
            matches!(command, Command::Orphans { .. }),
        ),
        (
            customers.is_some(),
            "--customers",
            matches!(command, Command::Demo { .. }),
        ),
        (
            seed.is_some(),
            "--seed",
            matches!(command, Command::Demo { .. }),
        ),
        (
            today.is_some(),
            "--today",
            matches!(command, Command::Demo { .. }),
        ),
        (
            limit.is_some(),
            "--limit",
            matches!(command, Command::Explain { .. }),
        ),
        (
            page.is_some(),
            "--page",
            matches!(command, Command::Explain { .. }),
        ),
    ];
    if let Some((_, flag, _)) = misplaced
        .iter()
        .find(|(given, _, allowed)| *given && !allowed)
    {
        return Err(UsageError(format!("`{name}` does not take {flag}")));
    }
    Ok(Request::Run(Invocation {
        command,
        database_url,
        json,
    }))
}

fn only_head(name: &str, rest: &[String]) -> Result<(), UsageError> {
    match rest {
        [] => Ok(()),
        [w] if w == "head" => Ok(()),
        [extra, ..] => Err(UsageError(format!(
            "`{name}` always goes to head; unexpected argument {:?}",
            redact(extra)
        ))),
    }
}

/// `demo`'s options: `--customers` is required and bounded, `--seed` any unsigned integer.
fn demo(
    customers: Option<&str>,
    seed: Option<&str>,
    today: Option<&str>,
) -> Result<Command, UsageError> {
    let Some(customers) = customers else {
        return Err(UsageError(
            "`demo` needs --customers N, e.g. `csdb demo --customers 1000`".into(),
        ));
    };
    let customers = match customers.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_DEMO_CUSTOMERS).contains(&n) => n,
        _ => {
            return Err(UsageError(format!(
                "--customers must be a whole number from 1 to {MAX_DEMO_CUSTOMERS} (about 43 \
                 rows and 20 KB of database per customer), not {:?}",
                redact(customers)
            )))
        }
    };
    let seed = match seed {
        None => DEFAULT_DEMO_SEED,
        Some(s) => s.trim().parse::<u64>().map_err(|_| {
            UsageError(format!(
                "--seed must be a whole number from 0 to {}, not {:?}",
                u64::MAX,
                redact(s)
            ))
        })?,
    };
    let today = match today {
        None => None,
        Some(s) => Some(
            chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
                UsageError(format!(
                    "--today must be a date like 2026-01-15, not {:?}",
                    redact(s)
                ))
            })?,
        ),
    };
    Ok(Command::Demo {
        customers,
        seed,
        today,
    })
}

/// `explain --page`: which keyset page (1 = the first; at most 100,000, so that a typo cannot
/// walk a server for hours).
fn explain_page(page: Option<&str>) -> Result<u32, UsageError> {
    match page {
        None => Ok(1),
        Some(p) => match p.trim().parse::<u32>() {
            Ok(n @ 1..=100_000) => Ok(n),
            _ => Err(UsageError(format!(
                "--page must be a whole number from 1 to 100000, not {:?}",
                redact(p)
            ))),
        },
    }
}

/// `explain --limit`: a page size the dashboards accept without clamping it.
fn explain_limit(limit: Option<&str>) -> Result<i64, UsageError> {
    use customer_success_db::crud::MAX_PAGE_SIZE;
    match limit {
        None => Ok(DEFAULT_EXPLAIN_LIMIT),
        Some(s) => match s.trim().parse::<i64>() {
            Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
            _ => Err(UsageError(format!(
                "--limit must be a whole number from 1 to {MAX_PAGE_SIZE}, not {:?}",
                redact(s)
            ))),
        },
    }
}

fn table(name: &str) -> Result<Table, UsageError> {
    // The library's error says the same in its generic validation wording; a command line
    // deserves a plainer sentence.
    Table::parse(name).map_err(|_| {
        let valid: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
        UsageError(format!(
            "unknown table {:?}; the tables are: {}",
            redact(name),
            valid.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Request, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn command(args: &[&str]) -> Option<Command> {
        match run(args) {
            Ok(Request::Run(i)) => Some(i.command),
            _ => None,
        }
    }

    #[test]
    fn commands_and_global_options_anywhere() {
        assert_eq!(
            run(&["--json", "doctor", "--database-url", "postgres://h/db"]),
            Ok(Request::Run(Invocation {
                command: Command::Doctor,
                database_url: Some("postgres://h/db".into()),
                json: true,
            }))
        );
        assert_eq!(
            command(&["upgrade", "head", "--sql"]),
            Some(Command::Upgrade { sql: true })
        );
        assert_eq!(
            command(&["downgrade", "-1"]),
            Some(Command::Downgrade {
                all: false,
                yes: false,
                sql: false
            })
        );
        assert_eq!(
            command(&["downgrade", "base", "--yes"]),
            Some(Command::Downgrade {
                all: true,
                yes: true,
                sql: false
            })
        );
        assert_eq!(
            command(&["downgrade", "--base"]),
            Some(Command::Downgrade {
                all: true,
                yes: false,
                sql: false
            })
        );
        assert_eq!(command(&["vacuum"]), Some(Command::Vacuum(None)));
        assert_eq!(
            command(&["reindex", "customers"]),
            Some(Command::Reindex(Table::Customers))
        );
        assert_eq!(
            command(&["adopt", "--check"]),
            Some(Command::Adopt { check: true })
        );
        assert_eq!(command(&["adopt"]), Some(Command::Adopt { check: false }));
        assert_eq!(run(&["help"]), Ok(Request::Help));
        assert_eq!(run(&["doctor", "-h"]), Ok(Request::Help));
        assert_eq!(run(&["-V"]), Ok(Request::Version));
        assert_eq!(
            command(&["demo", "--customers", "50"]),
            Some(Command::Demo {
                customers: 50,
                seed: DEFAULT_DEMO_SEED,
                today: None,
            })
        );
        assert_eq!(
            command(&[
                "demo",
                "--seed",
                "7",
                "--customers",
                "5000000",
                "--today",
                "2026-01-15"
            ]),
            Some(Command::Demo {
                customers: 5_000_000,
                seed: 7,
                today: chrono::NaiveDate::from_ymd_opt(2026, 1, 15),
            })
        );
        assert_eq!(
            command(&["explain"]),
            Some(Command::Explain {
                page: 1,
                limit: DEFAULT_EXPLAIN_LIMIT
            })
        );
        assert_eq!(
            command(&["explain", "--limit", "10"]),
            Some(Command::Explain { page: 1, limit: 10 })
        );
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for bad in [
            &[][..],
            &["frobnicate"],
            &["--frobnicate", "doctor"],
            &["reindex"],
            &["reindex", "nope"],
            &["analyze", "customers", "contracts"],
            &["history", "extra"],
            &["doctor", "--yes"],
            &["current", "--sql"],
            &["adopt", "head"],
            &["adopt", "--sql"],
            &["upgrade", "--check"],
            &["downgrade", "--sql"],
            &["downgrade", "-1", "base"],
            &["upgrade", "base"],
            &["--database-url"],
            &["demo"],
            &["demo", "--customers", "0"],
            &["demo", "--customers", "-5"],
            &["demo", "--customers", "5000001"],
            &["demo", "--customers", "lots"],
            &["demo", "--customers", "5", "--seed", "-1"],
            &["demo", "--customers", "5", "extra"],
            &["demo", "--customers", "5", "--limit", "3"],
            &["explain", "--limit", "0"],
            &["explain", "--limit", "10001"],
            &["explain", "--customers", "3"],
            &["doctor", "--seed", "3"],
            &["demo", "--customers", "5", "--today", "15.01.2026"],
            &["explain", "--today", "2026-01-15"],
        ] {
            assert!(run(bad).is_err(), "{bad:?} was accepted");
        }
        let Err(UsageError(msg)) = run(&["upgrade", "postgres://u:secret@h/db"]) else {
            panic!("accepted");
        };
        assert!(!msg.contains("secret"), "{msg}");
    }
}
