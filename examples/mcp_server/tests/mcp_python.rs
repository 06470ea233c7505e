//! End to end with the official Python MCP client (PyPI package `mcp`): it starts this crate's
//! server binary as a subprocess over stdio, lists its tools and calls them
//! (`tests/mcp_client.py`); this test then checks what the client saw against the database.
//!
//! Needs `python3` (3.10 or newer) and PyPI. The client is installed into a virtualenv at
//! `target/mcp-venv` by `.ci/python-mcp.sh`, which this test runs itself when the venv is
//! missing. Without Python the test fails and says why; it never passes silently.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use customer_success_db::crud::ByKey;
use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::NpsResponse;
use customer_success_db::schema::support_tickets;
use customer_success_db::types::{NpsCategory, TicketStatus};
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
        Some(9),
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
}
