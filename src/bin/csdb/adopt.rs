//! `csdb adopt [--check]`: converting a database created by the original Alembic system (see
//! [`customer_success_db::adopt`]) into one this crate's migrations manage.
//!
//! `--check` is the library's dry run ([`adopt::check`]: the real conversion, in a transaction it
//! rolls back); without it [`adopt::adopt`] converts everything in one transaction or, refusing,
//! changes nothing. Both lock the 24 tables for their duration (other sessions can neither write
//! nor read them meanwhile) and say for how long.

use customer_success_db::adopt::{self, AdoptionRefused, AdoptionReport, DatabaseKind};
use customer_success_db::{migrations, Error};
use diesel::PgConnection;

use super::args::Command;
use super::render::{plural, wrap};
use super::{failure, to_json, version, Failure, Output, EXIT_FAILED};

/// Width the lists of ids are wrapped at.
const WIDTH: usize = 100;

/// Runs `csdb adopt`, or `csdb adopt --check` when `check` is set.
pub fn run(conn: &mut PgConnection, check: bool, url: &str) -> Result<Output, Failure> {
    let command = Command::Adopt { check };
    let fail = |e: &Error| failure(&command, e, url);

    // The library refuses these too; classifying first lets the message say what to do instead.
    match adopt::detect(conn).map_err(|e| fail(&e))? {
        DatabaseKind::Empty => {
            return Err(Failure {
                code: EXIT_FAILED,
                message: "nothing to adopt: the database is empty. `csdb upgrade` creates the \
                          schema."
                    .into(),
            })
        }
        kind @ DatabaseKind::Unknown { .. } => return Err(unknown(&kind)),
        DatabaseKind::Legacy { .. } | DatabaseKind::Current => {}
    }

    let result = if check {
        adopt::check(conn)
    } else {
        adopt::adopt(conn)
    };
    match result {
        Ok(report) if check && !report.problems.is_empty() => Ok(problems_found(&report)),
        Ok(report) => {
            // Read only where the bookkeeping table exists: reading it creates it otherwise,
            // and a legacy database with one is no longer recognised as adoptable.
            let position = if report.applied || report.kind == DatabaseKind::Current {
                position(conn).map_err(|e| fail(&e))?
            } else {
                String::new()
            };
            Ok(Output::ok(
                describe(&report, check, &position),
                json(&report, check),
            ))
        }
        Err(e) => match AdoptionRefused::report_of(&e) {
            Some(report) => Ok(refused(report)),
            None => Err(fail(&e)),
        },
    }
}

fn unknown(kind: &DatabaseKind) -> Failure {
    let mut message = format!(
        "refusing to adopt {kind}. `csdb adopt` converts only a database of the original system \
         at Alembic revision {}. Nothing was changed.",
        adopt::LEGACY_REVISION
    );
    if let DatabaseKind::Unknown { reason } = kind {
        if reason.contains("half adopted") {
            // Adoption itself is all or nothing; the usual cause is a migration command (or
            // Diesel) run on the legacy database, which creates the bookkeeping table.
            message.push_str(
                "\nIf __diesel_schema_migrations was created by mistake on a database of the \
                 original system (a migration command creates it) and is empty, drop it and \
                 run `csdb adopt --check` again.",
            );
        }
    }
    Failure {
        code: EXIT_FAILED,
        message,
    }
}

/// The JSON document: the library's report, plus whether it was a dry run.
fn json(report: &AdoptionReport, check: bool) -> serde_json::Value {
    let mut json = to_json(report);
    if let Some(object) = json.as_object_mut() {
        object.insert("dry_run".into(), check.into());
    }
    json
}

/// Where the migrations stand, for the last line of the report.
fn position(conn: &mut PgConnection) -> Result<String, Error> {
    let applied = migrations::applied(conn)?;
    let pending = migrations::pending(conn)?;
    Ok(match applied.last().map(|v| version(v)) {
        None => "no migration applied; run `csdb upgrade`".to_owned(),
        Some(v) if pending.is_empty() => format!("at {} (head)", v.name),
        Some(v) => format!(
            "at {}, {} behind head; run `csdb upgrade`",
            v.name,
            plural(pending.len(), "migration", "migrations")
        ),
    })
}

/// The text of a dry run without problems, an adoption, or a database with nothing to adopt.
fn describe(report: &AdoptionReport, check: bool, position: &str) -> String {
    if !matches!(report.kind, DatabaseKind::Legacy { .. }) {
        let what = if check {
            "nothing to adopt"
        } else {
            "nothing to do"
        };
        return format!(
            "{what}: the database is already managed by csdb's migrations; it is {position}\n"
        );
    }
    // (dry run, done)
    let verb = |future: &'static str, past: &'static str| if check { future } else { past };
    let mut out = if check {
        format!(
            "{} can be adopted. `csdb adopt` would, in one transaction:\n",
            report.kind
        )
    } else {
        format!("adopted {}, in one transaction:\n", report.kind)
    };

    out.push_str(&format!(
        "  {} {}:\n",
        verb("convert", "converted"),
        plural(report.converted_columns.len(), "column", "columns")
    ));
    let groups = conversions(report);
    let width = groups
        .iter()
        .map(|(_, _, n)| n.to_string().len())
        .max()
        .unwrap_or(0);
    for (from, to, n) in groups {
        out.push_str(&format!(
            "    {n:>width$} {from} -> {to}{}\n",
            conversion_note(to)
        ));
    }
    out.push_str(&format!(
        "  set {} and {}\n",
        plural(
            report.defaults_set.len(),
            "server default",
            "server defaults"
        ),
        plural(
            report.not_null_set.len(),
            "NOT NULL constraint",
            "NOT NULL constraints"
        )
    ));

    if report.filled_nulls.is_empty() {
        out.push_str(verb(
            "  fill no NULLs (there are none in the columns made NOT NULL)\n",
            "  filled no NULLs (there were none in the columns made NOT NULL)\n",
        ));
    } else {
        out.push_str(&format!(
            "  {} {} with the column's default:\n",
            verb("fill", "filled"),
            plural(count(report.filled_rows()), "NULL", "NULLs")
        ));
        for f in &report.filled_nulls {
            out.push_str(&format!(
                "    {}.{}: {} -> {}\n",
                f.table,
                f.column,
                plural(count(f.rows), "row", "rows"),
                f.default
            ));
        }
    }

    if report.rounded_money.is_empty() {
        out.push_str(verb(
            "  round no money amount (every one is in whole cents)\n",
            "  rounded no money amount (every one was in whole cents)\n",
        ));
    } else {
        out.push_str(&format!("  {} money to cents:\n", verb("round", "rounded")));
        for r in &report.rounded_money {
            out.push_str(&format!(
                "    {}.{}: {}, e.g. {}\n",
                r.table,
                r.column,
                plural(count(r.rows), "row", "rows"),
                r.examples.join(", ")
            ));
        }
    }

    out.push_str(&format!(
        "  {} (after the existing ids, never reusing one):\n",
        verb("restart the identities at", "restarted the identities at")
    ));
    let ids: Vec<String> = report
        .identity_restarts
        .iter()
        .map(|i| format!("{} {}", i.table, i.next_id))
        .collect();
    out.push_str(&wrap(&ids, "    ", WIDTH));
    out.push_str(&format!(
        "  {} the updated_at trigger on {}\n",
        verb("install", "installed"),
        plural(report.triggers.len(), "table", "tables")
    ));
    out.push_str(&format!(
        "  {} alembic_version and {} {} as applied:\n",
        verb("drop", "dropped"),
        verb("record", "recorded"),
        plural(report.stamped_migrations.len(), "migration", "migrations")
    ));
    for v in &report.stamped_migrations {
        // The name starts with the version already.
        out.push_str(&format!("    {}\n", version(v).name));
    }

    if !report.migrated.is_empty() {
        out.push_str(&format!(
            "  {} the {} since:\n",
            verb("run", "ran"),
            plural(report.migrated.len(), "later migration", "later migrations")
        ));
        for v in &report.migrated {
            out.push_str(&format!("    {}\n", version(v).name));
        }
    }
    out.push_str(&locked_line(report, check));

    if check {
        out.push_str("Nothing was changed (dry run). `csdb adopt` converts the database.\n");
    } else {
        out.push_str(&format!("The database is now {position}.\n"));
    }
    out
}

/// How long other sessions were locked out of the tables (adoption blocks them throughout).
fn locked_line(report: &AdoptionReport, check: bool) -> String {
    let what = if check { "The dry run" } else { "Adoption" };
    format!(
        "{what} locked the tables (no other session could write or read them) for {:.2} s.\n",
        report.tables_locked_ms as f64 / 1000.0
    )
}

/// The column conversions grouped by (from, to), in the order the report first lists them.
fn conversions(report: &AdoptionReport) -> Vec<(&str, &str, usize)> {
    let mut groups: Vec<(&str, &str, usize)> = Vec::new();
    for c in &report.converted_columns {
        match groups
            .iter_mut()
            .find(|(from, to, _)| *from == c.from && *to == c.to)
        {
            Some(group) => group.2 += 1,
            None => groups.push((&c.from, &c.to, 1)),
        }
    }
    groups
}

fn conversion_note(to: &str) -> &'static str {
    if to.starts_with("numeric") {
        " (money, rounded to cents)"
    } else if to == "timestamptz" {
        " (read as UTC)"
    } else {
        ""
    }
}

/// A row count from the report as a `usize` for [`plural`] (counts are never negative).
fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// `adopt --check` found problems: the report on stdout, exit 1.
fn problems_found(report: &AdoptionReport) -> Output {
    let mut human = format!(
        "{} cannot be adopted, {}:\n",
        report.kind,
        plural(report.problems.len(), "problem", "problems")
    );
    for p in &report.problems {
        human.push_str(&format!("  {p}\n"));
    }
    human.push_str(&locked_line(report, true));
    human.push_str(&format!(
        "Nothing was changed (dry run). {}\n",
        advice(report)
    ));
    Output {
        human,
        json: json(report, true),
        code: EXIT_FAILED,
        stderr: None,
    }
}

/// `adopt` refused: the problems on stderr (and the report as JSON with `--json`), exit 1.
fn refused(report: &AdoptionReport) -> Output {
    let mut message = format!(
        "adopt refused: {} cannot be adopted, {}:",
        report.kind,
        plural(report.problems.len(), "problem", "problems")
    );
    for p in &report.problems {
        message.push_str(&format!("\n  {p}"));
    }
    message.push('\n');
    message.push_str(locked_line(report, false).trim_end());
    message.push_str(&format!("\nNothing was changed. {}", advice(report)));
    Output {
        human: String::new(),
        json: json(report, false),
        code: EXIT_FAILED,
        stderr: Some(message),
    }
}

/// What to fix before `csdb adopt` proceeds.
fn advice(report: &AdoptionReport) -> String {
    let rows = report.problems.iter().any(|p| p.rows > 0);
    let schema = report.problems.iter().any(|p| p.rows == 0);
    let mut advice = String::from("Before `csdb adopt` can convert the database, ");
    if rows {
        advice.push_str(
            "correct or delete the rows shown (with SQL, or in the original system): each value \
             must be one the crate accepts",
        );
    }
    if rows && schema {
        advice.push_str("; and ");
    }
    if schema {
        advice.push_str(&format!(
            "make the schema exactly that of revision {}: drop the objects it does not have \
             (after saving what they hold) and restore what differs",
            adopt::LEGACY_REVISION
        ));
    }
    advice.push_str(". Then run `csdb adopt --check` again.");
    advice
}
