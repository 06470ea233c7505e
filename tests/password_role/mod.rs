//! A login role that needs its password, on the test server (shared by tests/errors.rs and
//! tests/logging.rs).
//!
//! The harness's throwaway cluster trusts every local connection, so a password would not
//! matter there. Members of the group role `csdb_password_roles` are made to authenticate with
//! SCRAM instead, by one `pg_hba.conf` line for that group (other roles, and so every other
//! test, keep trust authentication). On a `DATABASE_URL` server whose `pg_hba.conf` this process
//! cannot edit, the server must already ask for passwords; otherwise the test fails saying so.
#![allow(dead_code)]

use std::time::{Duration, Instant};

use customer_success_db::harness::TestDatabase;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;

const GROUP: &str = "csdb_password_roles";
const HBA_LINES: &str = "local all +csdb_password_roles scram-sha-256\n\
                         host all +csdb_password_roles all scram-sha-256\n";

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

/// Percent-encodes everything but unreserved characters, for a URL's userinfo.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `url` (a harness URL) with its user and password replaced.
pub fn with_credentials(url: &str, user: &str, password: &str) -> String {
    let scheme_end = url.find("://").expect("a URL") + 3;
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let hostport = match rest[..authority_end].rfind('@') {
        Some(at) => &rest[at + 1..authority_end],
        None => &rest[..authority_end],
    };
    format!(
        "{}{}:{}@{hostport}{}",
        &url[..scheme_end],
        encode(user),
        encode(password),
        &rest[authority_end..]
    )
}

/// Creates (or resets) login role `role` with `password`, able to use `db`, and makes sure the
/// server asks it for its password. Returns the URL of `db` as that role.
pub fn password_role(db: &TestDatabase, role: &str, password: &str) -> String {
    let mut admin = PgConnection::establish(db.server().admin_url()).expect("admin connection");
    let literal = password.replace('\'', "''");
    let setup = format!(
        "DO $$ BEGIN
             IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{GROUP}') THEN
                 CREATE ROLE {GROUP} NOLOGIN;
             END IF;
             IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                 CREATE ROLE {role} LOGIN IN ROLE {GROUP};
             END IF;
         END $$;
         ALTER ROLE {role} PASSWORD '{literal}';
         GRANT ALL ON DATABASE {db} TO {role};",
        db = db.name()
    );
    // Another test process may create the group at the same moment: one retry settles it.
    if let Err(first) = admin.batch_execute(&setup) {
        admin
            .batch_execute(&setup)
            .unwrap_or_else(|e| panic!("creating role {role}: {first}; then {e}"));
    }
    // Inside the test database: its tables (owned by the harness's user) for the role.
    db.connect()
        .expect("test database")
        .batch_execute(&format!(
            "GRANT ALL ON SCHEMA public TO {role};
             GRANT ALL ON ALL TABLES IN SCHEMA public TO {role};
             GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role};"
        ))
        .unwrap_or_else(|e| panic!("granting {role} the test tables: {e}"));
    let url = with_credentials(db.url(), role, password);
    let wrong = with_credentials(db.url(), role, &format!("{password}-wrong"));
    if PgConnection::establish(&wrong).is_err() {
        return url; // the server already checks passwords
    }
    let hba: Setting =
        diesel::sql_query("SELECT setting AS value FROM pg_settings WHERE name = 'hba_file'")
            .get_result(&mut admin)
            .expect("hba_file");
    let text = std::fs::read_to_string(&hba.value).unwrap_or_else(|e| {
        panic!(
            "the server accepts role {role} without its password, and its pg_hba.conf ({}) \
             cannot be edited from here ({e}): run this test against a server that asks for \
             passwords, or without DATABASE_URL (the harness's own server)",
            hba.value
        )
    });
    if !text.contains(HBA_LINES) {
        std::fs::write(&hba.value, format!("{HBA_LINES}{text}")).expect("write pg_hba.conf");
    }
    admin
        .batch_execute("SELECT pg_reload_conf()")
        .expect("reload");
    // The reload is asynchronous: wait until a wrong password is refused.
    let deadline = Instant::now() + Duration::from_secs(10);
    while PgConnection::establish(&wrong).is_ok() {
        assert!(
            Instant::now() < deadline,
            "pg_hba.conf reloaded, but role {role} still gets in with a wrong password"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    PgConnection::establish(&url).expect("the right password is accepted");
    url
}
