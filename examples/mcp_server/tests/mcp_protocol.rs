//! The server binary over real stdio pipes, as an MCP client runs it: lines that are not
//! JSON-RPC get an answer (rmcp's transport alone drops them and the client waits for its own
//! timeout), and a database failure reaches the client as an error id that is in the server's
//! stderr, without host, port, socket or driver text.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;
use std::time::Duration;

use customer_success_db::demo::{self, DemoConfig};
use customer_success_db::harness::TestDatabase;
use diesel::prelude::*;
use serde_json::{json, Value};

const SERVER: &str = env!("CARGO_BIN_EXE_csdb-mcp-server");

/// Long enough for a loaded CI machine; a reply that never comes fails the test here instead of
/// hanging it.
const REPLY_TIMEOUT: Duration = Duration::from_secs(60);

/// The server process with its stdin, a channel of its stdout lines and its collected stderr.
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stderr: Option<JoinHandle<String>>,
}

impl Server {
    fn start(database_url: &str) -> Server {
        let mut child = Command::new(SERVER)
            .arg("--no-demo")
            .env("DATABASE_URL", database_url)
            .env("RUST_LOG", "info")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server binary");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().expect("stderr");
        let stderr = std::thread::spawn(move || {
            let mut all = String::new();
            let _ = stderr.read_to_string(&mut all);
            all
        });
        Server {
            stdin: child.stdin.take(),
            child,
            lines,
            stderr: Some(stderr),
        }
    }

    fn send_bytes(&mut self, line: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(line).expect("write to the server");
        stdin.write_all(b"\n").expect("write to the server");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: &Value) {
        self.send_bytes(message.to_string().as_bytes());
    }

    /// The next line the server writes, as JSON.
    fn reply(&self, after: &str) -> Value {
        let line = self
            .lines
            .recv_timeout(REPLY_TIMEOUT)
            .unwrap_or_else(|e| panic!("no reply within {REPLY_TIMEOUT:?} to {after}: {e}"));
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("reply is not JSON ({e}): {line}"))
    }

    /// Closes stdin, waits for the server to exit and returns its stderr.
    fn finish(mut self) -> String {
        drop(self.stdin.take());
        let status = self.child.wait().expect("server exits");
        let stderr = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        assert!(status.success(), "server exit {status}:\n{stderr}");
        stderr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Only on a failed assertion: don't leave the process behind.
        if self.stdin.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn assert_error(reply: &Value, id: Value, code: i64, says: &str, what: &str) {
    assert_eq!(reply["jsonrpc"], "2.0", "{what}: {reply}");
    assert_eq!(reply["id"], id, "{what}: {reply}");
    assert_eq!(reply["error"]["code"], code, "{what}: {reply}");
    let message = reply["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains(says), "{what}: {reply}");
    assert!(
        message.len() < 300,
        "{what}: {} bytes of message",
        message.len()
    );
}

fn initialize(server: &mut Server) {
    server.send(&json!({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": { "name": "mcp_protocol.rs", "version": "0" }
        }
    }));
    let reply = server.reply("initialize");
    assert_eq!(reply["id"], 1, "{reply}");
    assert_eq!(
        reply["result"]["serverInfo"]["name"], "customer-success",
        "{reply}"
    );
    server.send(&json!({ "jsonrpc": "2.0", "method": "notifications/initialized" }));
}

fn call(server: &mut Server, id: i64, client_id: &str) -> Value {
    server.send(&json!({
        "jsonrpc": "2.0", "id": id, "method": "tools/call",
        "params": { "name": "get_customer", "arguments": { "client_id": client_id } }
    }));
    let reply = server.reply("tools/call get_customer");
    assert_eq!(reply["id"], id, "{reply}");
    reply
}

fn tool_text(reply: &Value) -> String {
    reply["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn unparsable_lines_get_a_parse_error_and_the_server_keeps_serving() {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    demo::load(&mut conn, &DemoConfig::new(3, 5), &mut |_| {}).expect("demo data");
    let mut server = Server::start(db.url());
    initialize(&mut server);

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated JSON",
            br#"{"jsonrpc":"2.0","id":2,"method":"tools/list""#.to_vec(),
            "Parse error: EOF while parsing",
        ),
        (
            "invalid UTF-8",
            b"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"x\":\"\xff\xfe\"}}"
                .to_vec(),
            "Parse error",
        ),
        (
            "a lone surrogate",
            br#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_customer","arguments":{"client_id":"\ud800"}}}"#
                .to_vec(),
            "Parse error",
        ),
        (
            "nesting deeper than the parser's limit",
            format!("{}{}", "[".repeat(300), "]".repeat(300)).into_bytes(),
            "Parse error: recursion limit exceeded",
        ),
        (
            "a line over the limit",
            format!(
                r#"{{"jsonrpc":"2.0","id":5,"method":"ping","params":{{"pad":"{}"}}}}"#,
                "a".repeat(2 * 1024 * 1024)
            )
            .into_bytes(),
            "longer than the limit of 1048576 bytes",
        ),
    ];
    for (what, line, says) in cases {
        server.send_bytes(&line);
        let reply = server.reply(what);
        assert_error(&reply, Value::Null, -32700, says, what);
        // Still serving, and in order: a ping after each bad line gets its own reply.
        server.send(&json!({ "jsonrpc": "2.0", "id": 100, "method": "ping" }));
        let pong = server.reply("ping");
        assert_eq!(pong["id"], 100, "after {what}: {pong}");
        assert!(pong.get("result").is_some(), "after {what}: {pong}");
    }

    // Well-formed JSON-RPC with arguments that are not an object: invalid params, with the id.
    server.send(&json!({
        "jsonrpc": "2.0", "id": 6, "method": "tools/call",
        "params": { "name": "get_customer", "arguments": "str" }
    }));
    let reply = server.reply("arguments: \"str\"");
    assert_error(
        &reply,
        json!(6),
        -32602,
        "`arguments` must be an object",
        "arguments: str",
    );
    server.send(&json!({ "jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": [1] }));
    let reply = server.reply("params: [1]");
    assert_error(
        &reply,
        json!(7),
        -32602,
        "tools/call needs `params`",
        "params: [1]",
    );

    // A real call still works.
    let reply = call(&mut server, 8, "cust-000001");
    assert_ne!(reply["result"]["isError"], true, "{reply}");
    assert_eq!(
        reply["result"]["structuredContent"]["customer"]["client_id"],
        "cust-000001"
    );
    let stderr = server.finish();
    assert!(!stderr.contains("\\ud800"), "{stderr}");
}

#[test]
fn a_database_failure_shows_the_client_an_error_id_that_is_in_the_server_log() {
    let db = TestDatabase::new().expect("test database");
    let mut conn = db.connect().expect("connect");
    demo::load(&mut conn, &DemoConfig::new(3, 5), &mut |_| {}).expect("demo data");
    let mut server = Server::start(db.url());
    initialize(&mut server);
    let reply = call(&mut server, 2, "cust-000001");
    assert_ne!(reply["result"]["isError"], true, "{reply}");

    // Take the database away from the running server: no new connections, existing ones ended.
    let mut admin = PgConnection::establish(db.server().admin_url()).expect("admin connection");
    let name = db.name().to_owned();
    diesel::sql_query(format!(
        "ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false"
    ))
    .execute(&mut admin)
    .expect("disallow connections");
    diesel::sql_query(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ))
    .execute(&mut admin)
    .expect("terminate the server's connections");

    let reply = call(&mut server, 3, "cust-000001");
    diesel::sql_query(format!(
        "ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true"
    ))
    .execute(&mut admin)
    .expect("allow connections again");
    assert_eq!(reply["result"]["isError"], true, "{reply}");
    let message = tool_text(&reply);
    let id = message
        .split("error id ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap_or_else(|| panic!("no error id in {message:?}"))
        .to_owned();
    let without_id = message.replace(&id, "");
    let mut internals = vec![
        name.clone(),
        "FATAL".to_owned(),
        "socket".to_owned(),
        "connection to server".to_owned(),
        "not currently accepting".to_owned(),
        "127.0.0.1".to_owned(),
        "localhost".to_owned(),
    ];
    if let Some(dir) = db.server().cluster_dir() {
        internals.push(dir.display().to_string());
    }
    for internal in &internals {
        assert!(
            !without_id.contains(internal.as_str()),
            "the client sees {internal:?}: {message:?}"
        );
    }

    let stderr = server.finish();
    // The error line with the details (the tool-error line repeats what the client saw).
    let logged: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("[ERROR") && l.contains(&id))
        .collect();
    assert_eq!(
        logged.len(),
        1,
        "error id {id} in the server's stderr:\n{stderr}"
    );
    assert!(
        logged[0].contains("not currently accepting"),
        "the log line has the details: {}",
        logged[0]
    );
    // The library's `tracing` spans go to the same stderr: each query's SQL (placeholders, no
    // bind values) with its duration.
    let spans: Vec<&str> = stderr.lines().filter(|l| l.contains("db.query")).collect();
    assert!(
        spans
            .iter()
            .any(|l| l.contains("SELECT") && l.contains("close")),
        "no closed db.query span in the server's stderr:\n{stderr}"
    );
}
