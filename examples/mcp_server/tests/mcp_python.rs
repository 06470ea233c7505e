//! End to end with the official Python MCP client (PyPI package `mcp`): it starts this crate's
//! server binary as a subprocess over stdio, lists its tools and calls them
//! (`tests/mcp_client.py`); this test then checks what the client saw against the database.
//!
//! Needs `python3` (3.10 or newer) and PyPI. The client is installed into a virtualenv at
//! `target/mcp-venv` by `.ci/python-mcp.sh`, which this test runs itself when the venv is
//! missing. Without Python the test fails and says why; it never passes silently.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use std::collections::BTreeSet;

use customer_success_db::crud::{ByKey, Page};
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::{Customer, NpsResponse, SupportTicket};
use customer_success_db::ops::{CustomerFilter, TicketFilter};
use customer_success_db::reports::{self, NpsGroup, NpsPeriod};
use customer_success_db::schema::support_tickets;
use customer_success_db::types::{CustomerStatus, HealthScore, NpsCategory, TicketStatus};
use diesel::prelude::*;
use serde_json::Value;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The server binary, which cargo builds before this test (the crate's `[[bin]]`).
const SERVER: &str = env!("CARGO_BIN_EXE_csdb-mcp-server");

/// `target/<profile>`, the directory this test binary was built into (`.../deps/` is below it).
/// Derived from the running executable rather than assumed, so `CARGO_TARGET_DIR` and other
/// profiles work.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("path of the test executable");
    exe.parent()
        .and_then(Path::parent)
        .expect("test executable lives in <target>/<profile>/deps")
        .to_path_buf()
}

/// The repository root (this crate is `examples/mcp_server` in it), where `.ci/` lives.
fn repository_root() -> PathBuf {
    Path::new(MANIFEST_DIR).join("..").join("..")
}

/// The virtualenv's python, after making sure `mcp` is installed in it.
fn venv_python() -> PathBuf {
    let target_dir = profile_dir()
        .parent()
        .expect("<target>/<profile>")
        .to_path_buf();
    let venv = target_dir.join("mcp-venv");
    let python = venv.join("bin").join("python");
    let has_mcp = |python: &Path| {
        Command::new(python)
            .args(["-c", "import mcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !has_mcp(&python) {
        let script = repository_root().join(".ci").join("python-mcp.sh");
        let status = Command::new("bash")
            .arg(&script)
            .arg(&venv)
            .current_dir(repository_root())
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => panic!(
                "{} failed ({s}): the Python MCP client could not be installed. This test \
                 needs python3 (3.10+) with venv and pip, and access to PyPI; see the script's \
                 output above",
                script.display()
            ),
            Err(e) => panic!("could not run {}: {e}", script.display()),
        }
        assert!(
            has_mcp(&python),
            "{} ran but `import mcp` still fails in {}",
            script.display(),
            venv.display()
        );
    }
    python
}

#[test]
fn the_python_mcp_client_lists_and_calls_the_tools() {
    let python = venv_python();
    let server = Path::new(SERVER);

    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    demo::load(&mut conn, &DemoConfig::new(40, 11), &mut |_| {}).expect("demo data");
    let client_id: String = support_tickets::table
        .filter(support_tickets::status.eq(TicketStatus::Open))
        .select(support_tickets::client_id)
        .order(support_tickets::client_id)
        .first(&mut conn)
        .expect("a customer with an open ticket");
    let open_tickets: i64 = support_tickets::table
        .filter(support_tickets::client_id.eq(&client_id))
        .filter(support_tickets::status.ne_all([TicketStatus::Resolved, TicketStatus::Closed]))
        .count()
        .get_result(&mut conn)
        .expect("count");

    let output = Command::new(&python)
        .arg(Path::new(MANIFEST_DIR).join("tests").join("mcp_client.py"))
        .arg(server)
        .arg(&client_id)
        .env("DATABASE_URL", db.url())
        .stdin(Stdio::null())
        .output()
        .expect("run tests/mcp_client.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "tests/mcp_client.py failed ({}):\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status
    );
    let summary: Value = stdout
        .lines()
        .last()
        .and_then(|line| serde_json::from_str(line).ok())
        .unwrap_or_else(|| panic!("no JSON summary from the client:\n{stdout}\n{stderr}"));

    assert_eq!(
        summary["tools"].as_array().map(Vec::len),
        Some(14),
        "{summary}"
    );
    assert_eq!(summary["customer_client_id"], client_id.as_str());
    assert_eq!(summary["again_client_id"], client_id.as_str());
    assert_eq!(summary["open_ticket_count"], open_tickets);
    assert_eq!(summary["nps_category"], "promoter");
    let bad = summary["bad_score_error"].as_str().unwrap_or_default();
    assert!(
        bad.contains("score: 42 is out of range (allowed 0 to 10)"),
        "{bad}"
    );

    // The response the Python client recorded is in the database, categorised from the score.
    let response_id = summary["nps_response_id"].as_str().expect("response id");
    let stored = NpsResponse::get_by_key(&mut conn, response_id).expect("stored response");
    assert_eq!(stored.client_id, client_id);
    assert_eq!(i32::from(stored.score), 10);
    assert_eq!(stored.category, NpsCategory::Promoter);

    // The tools of issue 11, as the Python client saw them, against the library on the same
    // database (after every call the client made).
    let everything = NpsPeriod::dates(
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
        chrono::NaiveDate::from_ymd_opt(2100, 1, 1).expect("date"),
    );
    let by_csm = reports::nps_summary(&mut conn, &everything, NpsGroup::Csm).expect("nps");
    assert!(!by_csm.is_empty());
    assert_eq!(summary["nps_by_csm"], json(&by_csm));
    let of_customer = reports::nps_summary(
        &mut conn,
        &everything.clone().for_client(client_id.as_str()),
        NpsGroup::All,
    )
    .expect("nps");
    assert!(
        of_customer[0].responses > 0,
        "the client's own answer at least"
    );
    assert_eq!(summary["nps_customer"], json(&of_customer));

    let active = Customer::search(
        &mut conn,
        &CustomerFilter {
            status: vec![CustomerStatus::Active],
            ..Default::default()
        },
        Page::first(1000),
    )
    .expect("search");
    let active: Vec<&str> = active.iter().map(|c| c.client_id.as_str()).collect();
    assert!(active.len() > 2, "a walk of several pages");
    assert_eq!(summary["searched_active"], serde_json::json!(active));

    // The open tickets the client listed: those open now, plus the one it then resolved.
    let resolved_id = summary["resolved_ticket_id"].as_str().expect("ticket id");
    let not_done = TicketFilter {
        status: TicketStatus::ALL
            .iter()
            .copied()
            .filter(|s| !matches!(s, TicketStatus::Resolved | TicketStatus::Closed))
            .collect(),
        ..Default::default()
    };
    let mut expected: BTreeSet<String> =
        SupportTicket::list_filtered(&mut conn, &client_id, &not_done, Page::first(1000))
            .expect("tickets")
            .into_iter()
            .map(|t| t.ticket_id)
            .collect();
    assert!(
        expected.insert(resolved_id.to_owned()),
        "the resolved ticket is no longer open"
    );
    let listed: BTreeSet<String> = summary["open_ticket_ids"]
        .as_array()
        .expect("ids")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    assert_eq!(listed, expected);
    assert_eq!(summary["open_ticket_count_after"], open_tickets - 1);
    let ticket = SupportTicket::get_by_key(&mut conn, resolved_id).expect("ticket");
    assert_eq!(ticket.status, TicketStatus::Resolved);
    assert!(ticket.resolved_at.is_some());
    assert_eq!(ticket.resolution_notes.as_deref(), Some("fixed by py"));
    assert_ne!(summary["resolved_previous_status"], "resolved");

    // 80 * 0.35 + 70 * 0.25 + 60 * 0.15 + 50 * 0.15 + 40 * 0.10 = 66.
    assert_eq!(summary["health_score"], 66);
    assert_eq!(summary["health_score_after"], 66);
    let customer = Customer::get_by_key(&mut conn, &client_id).expect("customer");
    assert_eq!(customer.health_score, HealthScore::new(66).expect("score"));

    let errors = &summary["errors"];
    for (key, expected) in [
        ("nps_group_by", "group_by: unknown value \"weekly\""),
        (
            "nps_unknown_customer",
            "client_id = \"no-such-client\" not found",
        ),
        ("search_tier", "tier: unknown value \"platinum\""),
        ("search_cursor", "not a cursor token"),
        (
            "tickets_unknown_customer",
            "client_id = \"no-such-client\" not found",
        ),
        ("tickets_cursor", "not a cursor token"),
        ("ticket_status", "status: unknown value \"done\""),
        ("unknown_ticket", "ticket_id = \"no-such-ticket\" not found"),
        ("health_range", "usage: 150"),
    ] {
        let message = errors[key].as_str().unwrap_or_default();
        assert!(
            message.contains(expected),
            "{key}: {message:?} should contain {expected:?}"
        );
    }
}

fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}
