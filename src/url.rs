//! Connection-URL helpers. A password in a URL must never reach an error message, a `Debug` print
//! or a log line, so everything that shows a URL goes through [`redact`].

/// Returns `url` with the password (if any) replaced by `***`.
///
/// Handles both URL form (`postgres://user:secret@host/db`) and key/value form
/// (`host=... password=secret`); anything it does not recognise is returned unchanged.
///
/// ```
/// use customer_success_db::url::redact;
/// assert_eq!(redact("postgres://app:s3cret@db:5432/cs"), "postgres://app:***@db:5432/cs");
/// assert_eq!(redact("host=db password=s3cret dbname=cs"), "host=db password=*** dbname=cs");
/// ```
pub fn redact(url: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let rest = &url[scheme_end + 3..];
        // The authority ends at the first '/', '?' or '#'; the userinfo is what precedes the last
        // '@' inside it (passwords may themselves contain '@' when not percent-encoded).
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        let mut out = String::with_capacity(url.len());
        out.push_str(&url[..scheme_end + 3]);
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.find(':') {
                    Some(colon) => {
                        out.push_str(&userinfo[..colon]);
                        out.push_str(":***");
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        out.push_str(&redact_query_password(&rest[authority_end..]));
        out
    } else {
        redact_key_value(url)
    }
}

/// Removes the password of `url` from `message`, a text from libpq or r2d2 (which do not know
/// which part is secret), structurally: never by searching for the password as a substring,
/// which mangles messages (`conn***ction` for the password `e`) and, by the places it stars,
/// reveals a short password.
///
/// Two places can carry it: the URL itself, repeated verbatim (replaced by [`redact`]ed form),
/// and a token libpq quotes when it cannot parse it (`invalid percent-encoded token: "p%zz"`),
/// replaced by `"***"` when the whole quoted token is the password (as written or decoded).
///
/// ```
/// use customer_success_db::url::scrub_password;
/// let url = "postgres://postgres:postgres@127.0.0.1:5999/postgres";
/// let msg = format!("cannot reach {url}: database connection failed");
/// assert_eq!(
///     scrub_password(&msg, url),
///     "cannot reach postgres://postgres:***@127.0.0.1:5999/postgres: database connection failed"
/// );
/// ```
pub fn scrub_password(message: &str, url: &str) -> String {
    let Some(password) = password_of(url).filter(|p| !p.is_empty()) else {
        return message.to_owned();
    };
    let mut out = if url.is_empty() {
        message.to_owned()
    } else {
        message.replace(url, &redact(url))
    };
    let decoded = percent_decode(&password);
    out = replace_quoted_tokens(&out, |token| token == password || token == decoded);
    out
}

/// Replaces each `"token"` of `text` for which `secret(token)` holds by `"***"`.
fn replace_quoted_tokens(text: &str, secret: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else {
            break;
        };
        let token = &after[..close];
        out.push_str(&rest[..=open]);
        out.push_str(if secret(token) { "***" } else { token });
        out.push('"');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `%XX` decoding as libpq does it for URL components (invalid escapes are kept as written).
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && text.is_char_boundary(i + 3) {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where a URL or key/value connection string points, as far as [`crate::connection`]'s
/// socket search needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The host (name, address or socket directory), `None` when none is given.
    pub host: Option<String>,
    /// The port, when given.
    pub port: Option<String>,
    /// URL form (as opposed to key/value form).
    pub is_url: bool,
}

/// Parses the host and port out of `url` (URL or key/value form); `None` when it is neither.
pub(crate) fn host_and_port(url: &str) -> Option<Target> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
        let rest = &url[url.find("://")? + 3..];
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        let hostport = authority
            .rfind('@')
            .map_or(authority, |at| &authority[at + 1..]);
        let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
            let close = v6.find(']').unwrap_or(v6.len());
            let port = v6[close..].strip_prefix("]:").map(str::to_owned);
            (Some(v6[..close].to_owned()), port)
        } else if hostport.contains(',') {
            (Some(hostport.to_owned()), None)
        } else {
            match hostport.split_once(':') {
                Some((h, p)) => (Some(h.to_owned()), Some(p.to_owned())),
                None => (Some(hostport.to_owned()), None),
            }
        };
        let mut target = Target {
            host: host.filter(|h| !h.is_empty()),
            port: port.filter(|p| !p.is_empty()),
            is_url: true,
        };
        let tail = &rest[authority_end..];
        let tail = &tail[..tail.find('#').unwrap_or(tail.len())];
        if let Some((_, query)) = tail.split_once('?') {
            for (k, v) in query.split('&').filter_map(|kv| kv.split_once('=')) {
                match k {
                    "host" | "hostaddr" if !v.is_empty() => target.host = Some(v.to_owned()),
                    // A service file may name the host: not ours to override.
                    "service" if !v.is_empty() => target.host = Some(format!("service={v}")),
                    "port" if !v.is_empty() => target.port = Some(v.to_owned()),
                    _ => {}
                }
            }
        }
        return Some(target);
    }
    if url.contains("://") {
        return None;
    }
    let mut target = Target {
        host: None,
        port: None,
        is_url: false,
    };
    let mut rest = url.trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let len = conninfo_value_len(after);
        let value = after[..len].trim_matches('\'');
        match key {
            "host" | "hostaddr" if !value.is_empty() => target.host = Some(value.to_owned()),
            "service" if !value.is_empty() => target.host = Some(format!("service={value}")),
            "port" if !value.is_empty() => target.port = Some(value.to_owned()),
            _ => {}
        }
        rest = after[len..].trim_start();
    }
    Some(target)
}

fn password_of(url: &str) -> Option<String> {
    if let Some(scheme_end) = url.find("://") {
        let rest = &url[scheme_end + 3..];
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        if let Some(at) = authority.rfind('@') {
            if let Some((_, pw)) = authority[..at].split_once(':') {
                return Some(pw.to_owned());
            }
        }
        let query = rest[authority_end..].split_once('?')?.1;
        return query
            .split('&')
            .find_map(|kv| {
                kv.split_once('=')
                    .filter(|(k, _)| k.eq_ignore_ascii_case("password"))
            })
            .map(|(_, v)| v.to_owned());
    }
    let start = find_password_key(url)?;
    let after = url[start + "password".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let value = &after[..conninfo_value_len(after)];
    let value = value
        .strip_prefix('\'')
        .map_or(value, |q| q.strip_suffix('\'').unwrap_or(q));
    Some(value.to_owned())
}

/// `?password=...` may also appear as a query parameter.
fn redact_query_password(tail: &str) -> String {
    let Some(q) = tail.find('?') else {
        return tail.to_owned();
    };
    let (path, query) = tail.split_at(q + 1);
    let parts: Vec<String> = query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => kv.to_owned(),
        })
        .collect();
    format!("{path}{}", parts.join("&"))
}

fn redact_key_value(conninfo: &str) -> String {
    // libpq key/value form: `password=value` or `password='quoted value'`.
    let mut out = String::with_capacity(conninfo.len());
    let mut rest = conninfo;
    while let Some(pos) = find_password_key(rest) {
        out.push_str(&rest[..pos]);
        out.push_str("password=***");
        let after = rest[pos + "password".len()..].trim_start();
        let after = after.strip_prefix('=').unwrap_or(after).trim_start();
        rest = &after[conninfo_value_len(after)..];
    }
    out.push_str(rest);
    out
}

/// Length in bytes of the libpq key/value-form value at the start of `after` (the text after
/// `key =`): up to the closing quote of a `'quoted \' value'`, else up to the next whitespace.
pub(crate) fn conninfo_value_len(after: &str) -> usize {
    let Some(quoted) = after.strip_prefix('\'') else {
        return after.find(char::is_whitespace).unwrap_or(after.len());
    };
    let mut escaped = false;
    for (i, c) in quoted.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '\'' {
            return 1 + i + 1;
        }
    }
    after.len()
}

fn find_password_key(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("password") {
        let at = from + i;
        let starts_word = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let next = lower[at + "password".len()..].trim_start();
        if starts_word && next.starts_with('=') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacts_every_form() {
        assert_eq!(redact("postgres://u:p@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgresql://u@h/db"), "postgresql://u@h/db");
        assert_eq!(
            redact("postgres://h/db?password=x&sslmode=disable"),
            "postgres://h/db?password=***&sslmode=disable"
        );
        assert_eq!(redact("postgres://u:p@h"), "postgres://u:***@h");
        assert_eq!(
            redact("host=h password='a b\\'c' user=u"),
            "host=h password=*** user=u"
        );
        assert_eq!(redact("password = x dbname=y"), "password=*** dbname=y");
        assert_eq!(redact("dbname=y"), "dbname=y");
    }

    #[test]
    fn finds_host_and_port() {
        use super::host_and_port;
        let t = host_and_port("postgresql:///customer_success").unwrap();
        assert_eq!((t.host, t.port, t.is_url), (None, None, true));
        let t = host_and_port("postgres://u:p@ss@:6000/db").unwrap();
        assert_eq!((t.host, t.port), (None, Some("6000".into())));
        let t = host_and_port("postgres://u@/db?host=/tmp&port=7").unwrap();
        assert_eq!((t.host, t.port), (Some("/tmp".into()), Some("7".into())));
        let t = host_and_port("postgres://[::1]:5/db").unwrap();
        assert_eq!((t.host, t.port), (Some("::1".into()), Some("5".into())));
        let t = host_and_port("dbname=cs port=5433").unwrap();
        assert_eq!(
            (t.host, t.port, t.is_url),
            (None, Some("5433".into()), false)
        );
        let t = host_and_port("host='/var/run/postgresql' dbname=cs").unwrap();
        assert_eq!(t.host, Some("/var/run/postgresql".into()));
        assert_eq!(host_and_port("mysql://h/db"), None);
        let t = host_and_port("postgresql:///cs?service=prod").unwrap();
        assert_eq!(t.host, Some("service=prod".into()));
    }

    #[test]
    fn scrubs_password_from_messages() {
        use super::scrub_password;
        let msg = "FATAL: bad login for postgres://u:hunter2@h/db";
        assert_eq!(
            scrub_password(msg, "postgres://u:hunter2@h/db"),
            "FATAL: bad login for postgres://u:***@h/db"
        );
        assert_eq!(
            scrub_password(
                "invalid percent-encoded token: \"p%zz\"",
                "postgres://u:p%zz@h/db"
            ),
            "invalid percent-encoded token: \"***\""
        );
        assert_eq!(
            scrub_password("bad token \"hunter2\"", "host=h password=hunter2"),
            "bad token \"***\""
        );
        assert_eq!(
            scrub_password("x \"hunter2\" y", "postgres://h/db?password=hunter2"),
            "x \"***\" y"
        );
        // Never by substring: the word stays, only a token that is exactly the password goes.
        assert_eq!(
            scrub_password("database connection failed", "postgres://u:e@h/db"),
            "database connection failed"
        );
        assert_eq!(
            scrub_password("unchanged", "postgres://u@h/db"),
            "unchanged"
        );
    }
}
