//! A line filter between the client's byte stream (stdin/stdout) and rmcp's transport, so that
//! every request line gets an answer.
//!
//! rmcp 3.11's stdio transport (`rmcp::transport::async_rw::AsyncRwTransport::receive`) drops a
//! line that is not JSON without answering, on purpose (modelcontextprotocol/rust-sdk#938: "no
//! message id to correlate a response to"), and drops a line over its 16 MiB limit the same way;
//! the server offers no hook to change that. A client that sent a truncated line, invalid UTF-8
//! or a lone surrogate escape (`"\ud800"`) then waits for its own timeout. JSON-RPC 2.0 says to
//! answer with a parse error (-32700, `id: null`), so this filter does, before rmcp sees the line:
//!
//! - a line that is not a JSON value (including invalid UTF-8, lone surrogates, nesting deeper
//!   than serde_json's limit, or a truncated last line at end of input) gets `-32700`;
//! - a line longer than [`MAX_LINE_BYTES`] is discarded without being buffered and gets `-32700`
//!   naming the limit;
//! - a `tools/call` whose `params` is not an object with a string `name` and an object (or
//!   absent) `arguments` gets `-32602` (invalid params) with the request's id; rmcp would answer
//!   `-32601` "method not found", which misleads a client about what was wrong;
//! - every other line goes to rmcp unchanged.
//!
//! Both rmcp's replies and the filter's go to the output one whole line at a time, so they
//! never interleave within a line.

use std::sync::Arc;

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, DuplexStream,
};
use tokio::sync::Mutex;
use tokio::task::JoinHandle;

/// The longest request line accepted, in bytes: 1 MiB. The largest argument a tool accepts is
/// [`crate::limits::FREE_TEXT`] characters (at most 40 KB of UTF-8, 60 KB as `\u` escapes), so
/// this leaves ample room while bounding what one line can make the server buffer.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// JSON-RPC 2.0 "Parse error".
pub const PARSE_ERROR: i64 = -32700;
/// JSON-RPC 2.0 "Invalid params".
pub const INVALID_PARAMS: i64 = -32602;

/// Starts the filter between `input`/`output` (the client's side, e.g. stdin and stdout) and
/// returns the stream to give rmcp as its transport (`server.serve(stream)`), and the task that
/// writes rmcp's replies to `output`. That task ends once rmcp has closed its side (the service
/// has stopped) and everything it wrote has been flushed; the task reading `input` ends at the
/// end of input.
pub fn filter<R, W>(input: R, output: W) -> (DuplexStream, JoinHandle<()>)
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin + Send + 'static,
{
    let (rmcp_side, our_side) = tokio::io::duplex(64 * 1024);
    let (from_rmcp, to_rmcp) = tokio::io::split(our_side);
    let output = Arc::new(Mutex::new(output));
    tokio::spawn(read_requests(input, to_rmcp, Arc::clone(&output)));
    let writer = tokio::spawn(forward_replies(from_rmcp, output));
    (rmcp_side, writer)
}

/// Reads the client's lines, answers the unparsable ones and passes the others to rmcp. At the
/// end of input, closes rmcp's input so that the service stops.
async fn read_requests<R, W>(
    input: R,
    mut to_rmcp: tokio::io::WriteHalf<DuplexStream>,
    output: Arc<Mutex<W>>,
) where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        line.clear();
        // At most one byte more than the limit is buffered: enough to tell that it was exceeded.
        let read = (&mut input)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .await;
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                log::error!("reading the client's input failed: {e}");
                break;
            }
        }
        let complete = line.last() == Some(&b'\n');
        if !complete && line.len() > MAX_LINE_BYTES {
            let skipped = discard_rest_of_line(&mut input).await;
            log::warn!(
                "refused a request line of more than {MAX_LINE_BYTES} bytes ({} bytes)",
                line.len() as u64 + skipped
            );
            let reply = error_reply(
                Value::Null,
                PARSE_ERROR,
                format!("Parse error: the line is longer than the limit of {MAX_LINE_BYTES} bytes"),
            );
            if write_line(&output, &reply).await.is_err() {
                break;
            }
            continue;
        }
        let body = trim_line_end(&line);
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match check(body) {
            Ok(()) => {
                let mut forwarded = to_rmcp.write_all(body).await;
                if forwarded.is_ok() {
                    forwarded = to_rmcp.write_all(b"\n").await;
                }
                if forwarded.is_err() {
                    // rmcp has stopped; nothing more to serve.
                    break;
                }
            }
            Err(reply) => {
                log::info!("answered a request line with: {reply}");
                if write_line(&output, &reply).await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = to_rmcp.shutdown().await;
}

/// Skips the input up to and including the next newline (or the end), without buffering it;
/// returns the number of bytes skipped.
async fn discard_rest_of_line<R: AsyncRead + Unpin>(input: &mut BufReader<R>) -> u64 {
    let mut skipped = 0u64;
    loop {
        let (consumed, done) = match input.fill_buf().await {
            Ok([]) | Err(_) => return skipped,
            Ok(available) => match available.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            },
        };
        input.consume(consumed);
        skipped += consumed as u64;
        if done {
            return skipped;
        }
    }
}

/// Copies rmcp's replies to the output, whole lines at a time, until rmcp closes its side.
async fn forward_replies<W: AsyncWrite + Unpin>(
    from_rmcp: tokio::io::ReadHalf<DuplexStream>,
    output: Arc<Mutex<W>>,
) {
    let mut from_rmcp = BufReader::new(from_rmcp);
    let mut line = Vec::new();
    loop {
        line.clear();
        match from_rmcp.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let mut out = output.lock().await;
                if out.write_all(&line).await.is_err() || out.flush().await.is_err() {
                    break;
                }
            }
        }
    }
}

/// Writes one reply line and flushes it.
async fn write_line<W: AsyncWrite + Unpin>(
    output: &Mutex<W>,
    reply: &Value,
) -> std::io::Result<()> {
    let mut text = reply.to_string();
    text.push('\n');
    let mut out = output.lock().await;
    out.write_all(text.as_bytes()).await?;
    out.flush().await
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `Ok` for a line to pass on to rmcp; otherwise the error reply to send instead.
fn check(line: &[u8]) -> Result<(), Value> {
    // serde_json checks UTF-8, rejects lone surrogate escapes when decoding strings, and stops at
    // 128 levels of nesting: everything rmcp would drop silently fails here with its reason.
    // The reason names a line and column, never the input itself.
    let message: Value = serde_json::from_slice(line)
        .map_err(|e| error_reply(Value::Null, PARSE_ERROR, format!("Parse error: {e}")))?;
    if message.get("method").and_then(Value::as_str) == Some("tools/call") {
        // A notification (no id) cannot be answered; rmcp ignores it.
        if let Some(id) = message.get("id") {
            if let Err(why) = check_tool_call_params(message.get("params")) {
                return Err(error_reply(
                    id.clone(),
                    INVALID_PARAMS,
                    format!("Invalid params: {why}"),
                ));
            }
        }
    }
    Ok(())
}

/// The shape of `tools/call` params that rmcp can route to a tool.
fn check_tool_call_params(params: Option<&Value>) -> Result<(), String> {
    let Some(Value::Object(params)) = params else {
        return Err(format!(
            "tools/call needs `params`, an object with `name` and `arguments`; got {}",
            kind(params)
        ));
    };
    match params.get("name") {
        Some(Value::String(_)) => {}
        other => {
            return Err(format!(
                "tools/call: `name` must be the tool's name as a string; got {}",
                kind(other)
            ))
        }
    }
    match params.get("arguments") {
        None | Some(Value::Null) | Some(Value::Object(_)) => Ok(()),
        other => Err(format!(
            "tools/call: `arguments` must be an object mapping argument names to values; got {}",
            kind(other)
        )),
    }
}

/// What kind of JSON value was given (never the value itself).
fn kind(value: Option<&Value>) -> &'static str {
    match value {
        None => "nothing",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(_)) => "a number",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "an array",
        Some(Value::Object(_)) => "an object",
    }
}

fn error_reply(id: Value, code: i64, message: String) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}
