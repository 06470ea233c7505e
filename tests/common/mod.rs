//! Helpers shared by the integration tests.
#![allow(dead_code)]

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::Text;

pub use customer_success_db::harness::TestDatabase;

/// The schema as one line per object (see `catalog.sql`).
pub fn dump(conn: &mut PgConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = Text)]
        line: String,
    }
    diesel::sql_query(include_str!("catalog.sql"))
        .load::<Line>(conn)
        .expect("catalog query")
        .into_iter()
        .map(|l| l.line)
        .collect()
}

/// The expected schema: the catalog lines of the 24-table target schema.
pub fn expected_schema() -> Vec<String> {
    include_str!("../fixtures/expected_schema.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The catalog at the head of the migrations (schema v2): `expected_schema.txt` pins the
/// original point, this the state after every migration of the crate.
pub fn expected_schema_head() -> Vec<String> {
    include_str!("../fixtures/expected_schema_head.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How many embedded migrations make up the original system's schema (up to and including
/// `adopt::ORIGINAL_POINT`; the crate's own migrations follow).
pub fn original_migration_count() -> usize {
    customer_success_db::migrations::SQL
        .iter()
        .position(|m| m.name == customer_success_db::adopt::ORIGINAL_POINT)
        .expect("the original point is an embedded migration")
        + 1
}

/// The version of the original system's last migration, e.g. `20240601000006`.
pub fn original_head() -> String {
    customer_success_db::migrations::SQL[original_migration_count() - 1].version()
}

/// Reverts the crate's own migrations, leaving the database at the original point.
pub fn revert_to_original(conn: &mut PgConnection) {
    use customer_success_db::migrations;
    let original = original_head();
    while migrations::applied(conn).unwrap().last() != Some(&original) {
        migrations::revert_last(conn).unwrap();
    }
}

/// Prints a readable difference and fails when the two line sets differ.
pub fn assert_same_lines(actual: &[String], expected: &[String], what: &str) {
    let missing: Vec<_> = expected.iter().filter(|l| !actual.contains(l)).collect();
    let extra: Vec<_> = actual.iter().filter(|l| !expected.contains(l)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: schema differs\nmissing ({}):\n  {}\nextra ({}):\n  {}",
        missing.len(),
        missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        extra.len(),
        extra
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
    );
    assert_eq!(actual.len(), expected.len(), "{what}: duplicate lines");
}

/// Inserts one row into `table` with every required column (NOT NULL, no default) filled with a
/// plausible value of its type, except the columns given in `overrides` (raw SQL literals).
pub fn insert_minimal(
    conn: &mut PgConnection,
    table: &str,
    overrides: &[(&str, &str)],
) -> QueryResult<()> {
    #[derive(QueryableByName)]
    struct Col {
        #[diesel(sql_type = Text)]
        column_name: String,
        #[diesel(sql_type = Text)]
        data_type: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
        max_len: Option<i32>,
    }
    let cols: Vec<Col> = diesel::sql_query(
        "SELECT column_name::text, data_type::text, character_maximum_length::int AS max_len FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_nullable = 'NO'
           AND column_default IS NULL AND is_identity = 'NO' ORDER BY ordinal_position",
    )
    .bind::<Text, _>(table)
    .load(conn)?;
    assert!(!cols.is_empty(), "no such table {table}");
    let mut names = Vec::new();
    let mut values = Vec::new();
    for c in &cols {
        names.push(c.column_name.clone());
        // Schema v2: a comment's or milestone's client_id must be its parent's, so when the
        // parent key is given and the client_id is not, take the parent's.
        let parent = match table {
            "ticket_comments" => Some(("ticket_id", "support_tickets")),
            "onboarding_milestones" => Some(("plan_id", "onboarding_plans")),
            _ => None,
        };
        let from_parent = parent.and_then(|(key, parent)| {
            let (_, v) = overrides.iter().find(|(n, _)| *n == key)?;
            // (A generic value when there is no such parent: an orphan for the foreign key
            // to refuse.)
            (c.column_name == "client_id").then(|| {
                format!(
                    "coalesce((SELECT client_id FROM {parent} WHERE {key} = {v} LIMIT 1), \
                     'client_id-{}')",
                    unique()
                )
            })
        });
        let v = match overrides.iter().find(|(n, _)| *n == c.column_name) {
            Some((_, v)) => (*v).to_owned(),
            None if from_parent.is_some() => from_parent.unwrap_or_default(),
            None => match c.data_type.as_str() {
                "character varying" | "text" => {
                    // Keep the unique suffix when the column is short (e.g. varchar(10)).
                    let v = format!("{}-{}", c.column_name, unique());
                    let max = c.max_len.map_or(v.len(), |m| m as usize);
                    format!("'{}'", &v[v.len().saturating_sub(max)..])
                }
                "integer" | "bigint" => "1".to_owned(),
                "double precision" | "numeric" => "0.5".to_owned(),
                "date" => "'2024-01-01'".to_owned(),
                "timestamp with time zone" => "now()".to_owned(),
                "jsonb" => "'[]'".to_owned(),
                "boolean" => "false".to_owned(),
                other => panic!("no sample value for type {other}"),
            },
        };
        values.push(v);
    }
    for (n, v) in overrides {
        if !names.iter().any(|c| c == n) {
            names.push((*n).to_owned());
            values.push((*v).to_owned());
        }
    }
    conn.batch_execute(&format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        values.join(", ")
    ))
}

/// A process-unique number, to keep generated business keys distinct.
pub fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    N.fetch_add(1, Ordering::Relaxed)
}

/// `SELECT count(*) FROM <table> [WHERE ...]`.
pub fn count(conn: &mut PgConnection, table: &str, filter: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = if filter.is_empty() {
        format!("SELECT count(*) AS n FROM {table}")
    } else {
        format!("SELECT count(*) AS n FROM {table} WHERE {filter}")
    };
    diesel::sql_query(sql)
        .get_result::<N>(conn)
        .expect("count")
        .n
}

/// The names of the indexes of the current schema, sorted.
pub fn index_names(conn: &mut PgConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }
    diesel::sql_query(
        "SELECT indexname::text AS name FROM pg_indexes WHERE schemaname = current_schema() \
         ORDER BY indexname",
    )
    .load::<Name>(conn)
    .expect("list the indexes")
    .into_iter()
    .map(|n| n.name)
    .collect()
}

/// Makes a missing Citus a failure instead of a skip (`.ci/run` sets it after installing Citus).
pub const REQUIRE_CITUS_ENV: &str = "CSDB_REQUIRE_CITUS";

/// A migrated test database on the harness's Citus cluster, or `None` (after saying so loudly)
/// when Citus is not installed and `CSDB_REQUIRE_CITUS` is not `1`.
pub fn citus_db(test: &str) -> Option<TestDatabase> {
    use customer_success_db::harness::HarnessError;
    let missing = |e: &HarnessError| match e {
        HarnessError::CitusNotInstalled { .. } => true,
        // The same failure remembered from an earlier test of this process.
        HarnessError::Earlier { message } => message.starts_with("citus.so is not installed"),
        _ => false,
    };
    match TestDatabase::new_citus() {
        Ok(db) => Some(db),
        Err(e) if missing(&e) => {
            if std::env::var(REQUIRE_CITUS_ENV).is_ok_and(|v| v == "1") {
                panic!("{REQUIRE_CITUS_ENV}=1 but Citus is missing: {e}");
            }
            eprintln!(
                "\n*** SKIPPED {test}: {e}\n*** (set {REQUIRE_CITUS_ENV}=1 to make this a failure)\n"
            );
            None
        }
        Err(e) => panic!("could not get a database on the Citus cluster: {e}"),
    }
}

/// `VACUUM ANALYZE`, repeated until every table's visibility map covers all its pages
/// (`relallvisible = relpages`), so that the planner costs index-only scans as such.
///
/// One VACUUM is not always enough right after a bulk load: autovacuum's ANALYZE of the new
/// database, or another test's open transaction, holds a snapshot older than the load's last
/// updates, and VACUUM may not mark those pages all-visible until it ends. A plan pinned on an
/// index-only scan then flips to a heap or bitmap scan (seen in CI).
pub fn vacuum_analyze_all_visible(conn: &mut PgConnection) {
    #[derive(QueryableByName)]
    struct Lagging {
        #[diesel(sql_type = Text)]
        tables: String,
    }
    let mut lagging = String::new();
    for _ in 0..60 {
        conn.batch_execute("VACUUM ANALYZE")
            .expect("VACUUM ANALYZE");
        lagging = diesel::sql_query(
            "SELECT coalesce(string_agg(format('%s (%s of %s pages)', c.relname, \
             c.relallvisible, c.relpages), ', '), '') AS tables \
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
             WHERE n.nspname = current_schema() AND c.relkind = 'r' \
             AND c.relallvisible < c.relpages",
        )
        .get_result::<Lagging>(conn)
        .expect("visibility map")
        .tables;
        if lagging.is_empty() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    panic!("VACUUM could not make every page all-visible within 30 s: {lagging}");
}

/// A migrated test database on the harness's Citus cluster with every table distributed
/// (`distribute::distribute`, which must report a complete distribution), or `None` when Citus
/// is missing (see [`citus_db`]).
pub fn distributed_db(test: &str) -> Option<TestDatabase> {
    let db = citus_db(test)?;
    let mut conn = db.connect().expect("connect to the coordinator");
    let report = customer_success_db::distribute::distribute(&mut conn).expect("distribute");
    assert!(report.is_complete(), "{report}");
    Some(db)
}

/// Takes a database at the head back to before schema v2's distribution-ready migration (its
/// `down.sql`, and its row in `__diesel_schema_migrations`): the schema `distribute` finds
/// blocked.
pub fn revert_distribution_ready(conn: &mut PgConnection) {
    const NAME: &str = "2026-11-30-000008_v2_distribution_ready";
    let m = customer_success_db::migrations::SQL
        .iter()
        .find(|m| m.name == NAME)
        .expect("the distribution-ready migration is embedded");
    conn.batch_execute(m.down)
        .expect("revert v2_distribution_ready");
    diesel::sql_query("DELETE FROM __diesel_schema_migrations WHERE version = $1")
        .bind::<Text, _>(m.version())
        .execute(conn)
        .expect("forget v2_distribution_ready");
}

/// The `count` column of the one row `sql` returns (e.g. `SELECT count(*) AS count FROM …`).
pub fn count_sql(conn: &mut PgConnection, sql: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        count: i64,
    }
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .count
}

/// The `line` column of every row `sql` returns.
pub fn lines_sql(conn: &mut PgConnection, sql: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = Text)]
        line: String,
    }
    diesel::sql_query(sql)
        .load::<Line>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|l| l.line)
        .collect()
}

/// A connection to `url`, or a panic naming why not.
pub fn connect_url(url: &str) -> PgConnection {
    PgConnection::establish(url).unwrap_or_else(|e| panic!("connect: {e}"))
}
