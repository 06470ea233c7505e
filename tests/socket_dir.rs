//! A host-less URL (`postgresql:///customer_success`, what `psql` accepts on Debian/Ubuntu)
//! reaches the local server's socket where the platform's libpq would look: `PGHOST`, then the
//! usual socket directories. Against the harness's server, whose socket is in its private
//! directory. One test in its own binary, because it sets `PGHOST` for the process.

use std::path::Path;

use customer_success_db::connection::{self, with_local_socket_in};
use customer_success_db::harness::TestDatabase;
use diesel::connection::SimpleConnection;

#[test]
fn host_less_urls_find_the_local_socket() {
    let db = TestDatabase::new().unwrap();
    let server = db.server();
    let dir = server.cluster_dir().unwrap_or_else(|| {
        panic!(
            "this test needs the harness's own server, whose socket directory it knows; \
             run it without DATABASE_URL"
        )
    });
    let port = db
        .url()
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("port="))
        .expect("the harness URL names its port")
        .to_owned();
    assert!(
        dir.join(format!(".s.PGSQL.{port}")).exists(),
        "the server's socket is in {}",
        dir.display()
    );
    let host_less = format!("postgresql://postgres@/{}?port={port}", db.name());

    // The directory search: the first directory holding the socket wins.
    let missing = Path::new("/nonexistent/csdb-socket-dir");
    let resolved = with_local_socket_in(&host_less, &[missing, dir], None);
    assert_eq!(
        resolved,
        format!("{host_less}&host={}", dir.display()),
        "host added as a parameter"
    );
    connection::connect(&resolved)
        .expect("the resolved URL reaches the server")
        .batch_execute("SELECT 1")
        .unwrap();
    // No socket in any directory: the URL is left to libpq, which reports it in its words.
    let untouched = with_local_socket_in(&host_less, &[missing], None);
    assert_eq!(untouched, host_less);
    // The port comes from PGPORT when the URL has none.
    let no_port = format!("postgresql://postgres@/{}", db.name());
    assert_eq!(
        with_local_socket_in(&no_port, &[dir], Some(&port)),
        format!("{no_port}?host={}", dir.display())
    );

    // PGHOST, as libpq reads it, comes first: the crate leaves the URL alone and libpq finds
    // the server there. (Only this test runs in this binary, so setting it is safe.)
    std::env::set_var("PGHOST", dir);
    let mut conn = connection::connect(&host_less).expect("PGHOST names the socket directory");
    conn.batch_execute("SELECT 1").unwrap();
    let pool = connection::pool(&host_less).expect("pool through PGHOST");
    pool.get().unwrap().batch_execute("SELECT 1").unwrap();
    std::env::remove_var("PGHOST");
}
