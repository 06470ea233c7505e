//! Pure helpers: identifier quoting, URL building, database names and the migrations
//! fingerprint. Nothing here touches a server, so all of it is unit-tested below.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use diesel::migration::MigrationSource;
use diesel::pg::Pg;

use super::HarnessError;

/// Prefix of every database `TestDatabase` creates; the leftover sweep relies on it.
pub(super) const TEST_PREFIX: &str = "csdb_test_";
/// Prefix of the migrated template databases.
pub(super) const TEMPLATE_PREFIX: &str = "csdb_template_";
/// PostgreSQL truncates identifiers to 63 bytes; a silently truncated name would defeat
/// `ensure_database`'s existence check.
pub(super) const MAX_IDENTIFIER_LEN: usize = 63;

/// `"name"` with embedded double quotes doubled, valid for any identifier.
pub(super) fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `'value'` for postgresql.conf and SQL literals.
pub(super) fn quote_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// Names a caller may pass to `ensure_database`: unambiguous in URLs, shells and SQL.
pub(super) fn validate_database_name(name: &str) -> Result<(), HarnessError> {
    let ok = !name.is_empty()
        && name.len() <= MAX_IDENTIFIER_LEN
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(HarnessError::InvalidDatabaseName {
            name: name.to_owned(),
        })
    }
}

/// A name no other test database on the server has: the pid keeps processes apart (and lets the
/// sweep find databases of dead processes), the counter keeps threads apart, and the clock
/// guards against a recycled pid meeting a database its previous owner left behind.
pub(super) fn unique_test_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{TEST_PREFIX}{}_{n}_{nanos:09}", std::process::id())
}

/// The pid embedded by [`unique_test_name`], if `name` is one of its names.
pub(super) fn test_name_pid(name: &str) -> Option<u32> {
    name.strip_prefix(TEST_PREFIX)?
        .split('_')
        .next()?
        .parse()
        .ok()
}

/// Percent-encodes everything but RFC 3986 unreserved characters (and `/` where allowed), which
/// every URL parser in use (libpq, the `postgres` crate, the `url` crate) decodes the same way.
pub(super) fn percent_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (keep_slash && b == b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// URL of `dbname` on the throwaway cluster listening on a unix socket in `socket_dir`.
///
/// The port is explicit so that a `PGPORT` in the environment cannot make libpq look for a
/// different socket file.
pub(super) fn socket_url(socket_dir: &str, port: u16, dbname: &str) -> String {
    format!(
        "postgres://postgres@/{}?host={}&port={port}",
        percent_encode(dbname, false),
        percent_encode(socket_dir, true)
    )
}

/// `url` (the `DATABASE_URL`) pointed at database `dbname` instead, keeping every other
/// parameter (user, password, host, port, sslmode, ...).
///
/// Both libpq forms are accepted: URLs and `key=value` strings.
pub(super) fn with_database(url: &str, dbname: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return with_database_key_value(url, dbname);
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let after_authority = &rest[authority_end..];
    let (before_fragment, fragment) = match after_authority.find('#') {
        Some(i) => after_authority.split_at(i),
        None => (after_authority, ""),
    };
    let query = before_fragment
        .find('?')
        .map(|i| &before_fragment[i + 1..])
        .unwrap_or("");
    // A `dbname` query parameter would override the path for libpq.
    let kept: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .filter(|kv| {
            let key = kv.split('=').next().unwrap_or("");
            !key.eq_ignore_ascii_case("dbname")
        })
        .collect();
    let mut out = String::with_capacity(url.len() + dbname.len());
    out.push_str(&url[..scheme_end + 3 + authority_end]);
    out.push('/');
    out.push_str(&percent_encode(dbname, false));
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out.push_str(fragment);
    out
}

fn with_database_key_value(conninfo: &str, dbname: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = conninfo.trim_start();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else {
            // Not a key=value string libpq would accept either; leave the remainder alone so
            // that libpq reports the problem.
            parts.push(rest.trim().to_owned());
            break;
        };
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let value_len = crate::url::conninfo_value_len(after);
        let value = &after[..value_len];
        if !key.eq_ignore_ascii_case("dbname") {
            parts.push(format!("{key}={value}"));
        }
        rest = after[value_len..].trim_start();
    }
    parts.push(format!("dbname={dbname}"));
    parts.join(" ")
}

/// 64-bit FNV-1a: tiny, and unlike `DefaultHasher` its output never changes between Rust
/// releases, so template names stay the same across toolchains.
pub(super) struct Fnv1a(u64);

impl Fnv1a {
    pub(super) fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Writes a length first, so that ("ab","c") and ("a","bc") hash differently.
    pub(super) fn write_field(&mut self, bytes: &[u8]) {
        self.write(&(bytes.len() as u64).to_le_bytes());
        self.write(bytes);
    }

    pub(super) fn finish(&self) -> u64 {
        self.0
    }
}

/// The template database's name: it changes whenever the crate version or any file under
/// `migrations/` changes, so a server never hands out a database built from other migrations.
pub(super) fn template_name() -> String {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"));
    format!("{TEMPLATE_PREFIX}{:016x}", migrations_fingerprint(dir))
}

pub(super) fn migrations_fingerprint(dir: &Path) -> u64 {
    let mut hash = Fnv1a::new();
    hash.write_field(env!("CARGO_PKG_VERSION").as_bytes());
    // The embedded names are always available, even where the source tree is not (a binary
    // copied to another machine); the files, when present, also catch edits to a migration.
    let source: &dyn MigrationSource<Pg> = &crate::migrations::MIGRATIONS;
    if let Ok(migrations) = source.migrations() {
        for m in migrations {
            hash.write_field(m.name().to_string().as_bytes());
        }
    }
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files.sort();
    for file in files {
        let Ok(contents) = std::fs::read(&file) else {
            continue;
        };
        let relative = file.strip_prefix(dir).unwrap_or(&file);
        hash.write_field(relative.to_string_lossy().as_bytes());
        hash.write_field(&contents);
    }
    hash.finish()
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_literal("it's"), "'it''s'");
    }

    #[test]
    fn database_names() {
        assert!(validate_database_name("customer_success_2").is_ok());
        for bad in ["", "a-b", "a b", "x\"", "é", &"a".repeat(64)] {
            assert!(validate_database_name(bad).is_err(), "{bad:?} accepted");
        }
        let name = unique_test_name();
        assert!(name.len() <= MAX_IDENTIFIER_LEN);
        assert!(validate_database_name(&name).is_ok());
        assert_eq!(test_name_pid(&name), Some(std::process::id()));
        assert_ne!(unique_test_name(), name);
        assert_eq!(test_name_pid("csdb_test_x_1_2"), None);
        assert_eq!(test_name_pid("other_12_1_2"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(
            socket_url("/tmp/a b", 5432, "db"),
            "postgres://postgres@/db?host=/tmp/a%20b&port=5432"
        );
        assert_eq!(
            with_database("postgres://u:p@h:5432/postgres", "x"),
            "postgres://u:p@h:5432/x"
        );
        assert_eq!(with_database("postgres://u:p@h", "x"), "postgres://u:p@h/x");
        assert_eq!(
            with_database("postgresql://h/db?sslmode=disable&dbname=y#f", "x"),
            "postgresql://h/x?sslmode=disable#f"
        );
        assert_eq!(
            with_database("postgres://u@h?dbname=y", "x"),
            "postgres://u@h/x"
        );
        assert_eq!(
            with_database("host=h dbname='a b' password='p q'", "x"),
            "host=h password='p q' dbname=x"
        );
    }

    #[test]
    fn fnv_is_stable() {
        let mut h = Fnv1a::new();
        h.write(b"a");
        // The published FNV-1a 64 test vector for "a".
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
        let name = template_name();
        assert_eq!(name.len(), TEMPLATE_PREFIX.len() + 16);
        assert_eq!(name, template_name());
    }

    #[test]
    fn fingerprint_follows_file_contents() {
        let dir = std::env::temp_dir().join(format!("csdb-fingerprint-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("m1")).unwrap();
        std::fs::write(dir.join("m1/up.sql"), "CREATE TABLE a (id int);").unwrap();
        let before = migrations_fingerprint(&dir);
        std::fs::write(dir.join("m1/up.sql"), "CREATE TABLE a (id bigint);").unwrap();
        let after = migrations_fingerprint(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_ne!(before, after);
        // Without the directory the embedded migration names still give a stable value.
        assert_eq!(migrations_fingerprint(&dir), migrations_fingerprint(&dir));
    }
}
