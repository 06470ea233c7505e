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

/// Replaces every occurrence of the password of `url` (if it has one) inside `message` by `***`.
///
/// Used on error texts that come from libpq or r2d2, which do not know which part is secret.
pub fn scrub_password(message: &str, url: &str) -> String {
    match password_of(url) {
        Some(pw) if !pw.is_empty() => message.replace(&pw, "***"),
        _ => message.to_owned(),
    }
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
    fn scrubs_password_from_messages() {
        use super::scrub_password;
        let msg = "FATAL: bad login hunter2 for postgres://u:hunter2@h/db";
        assert_eq!(
            scrub_password(msg, "postgres://u:hunter2@h/db"),
            "FATAL: bad login *** for postgres://u:***@h/db"
        );
        assert_eq!(
            scrub_password("x hunter2", "host=h password=hunter2"),
            "x ***"
        );
        assert_eq!(
            scrub_password("x hunter2", "postgres://h/db?password=hunter2"),
            "x ***"
        );
        assert_eq!(
            scrub_password("unchanged", "postgres://u@h/db"),
            "unchanged"
        );
    }
}
