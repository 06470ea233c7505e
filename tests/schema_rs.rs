//! `src/schema.rs` against the migrations, two ways:
//!
//! - [`schema_rs_is_what_diesel_print_schema_prints`]: the file is byte for byte what
//!   `diesel print-schema` (diesel_cli 2.3, with the committed `diesel.toml` and so
//!   `src/schema.patch`) prints for a database migrated to the head. It needs the `diesel`
//!   binary, so a plain `cargo test` lists it as ignored (with the reason); `.ci/run` installs
//!   diesel_cli and runs it with `--include-ignored`. Locally:
//!   `cargo install diesel_cli --version ~2.3 --locked --no-default-features --features postgres-bundled`,
//!   then `cargo test --test schema_rs -- --include-ignored` (`DIESEL=/path/to/diesel` picks
//!   another binary).
//! - [`schema_rs_matches_the_database_column_for_column`]: without diesel_cli, every column's
//!   name, position, SQL type and nullability agree with the migrated database.
mod common;

use std::path::Path;
use std::process::Command;

use common::TestDatabase;
use customer_success_db::schema;
use diesel::prelude::*;
use diesel::sql_types::{self as st, Nullable};
use diesel::{Column, Expression};

/// The PostgreSQL type names (`udt_name`) a Diesel SQL type may stand for, and its nullability.
trait PgTypeName {
    const UDT: &'static [&'static str];
    const NULLABLE: bool;
}
macro_rules! pg_type {
    ($($t:ty => [$($udt:literal),+];)*) => {$(
        impl PgTypeName for $t { const UDT: &'static [&'static str] = &[$($udt),+]; const NULLABLE: bool = false; }
    )*};
}
pg_type! {
    st::BigInt => ["int8"];
    st::Integer => ["int4"];
    st::Text => ["varchar", "text"];
    st::Double => ["float8"];
    st::Numeric => ["numeric"];
    st::Timestamptz => ["timestamptz"];
    st::Date => ["date"];
    st::Jsonb => ["jsonb"];
    st::Bool => ["bool"];
}
impl<T: PgTypeName + st::SqlType> PgTypeName for Nullable<T> {
    const UDT: &'static [&'static str] = T::UDT;
    const NULLABLE: bool = true;
}

/// (column name, accepted udt names, nullable) of each column of a tuple of columns.
trait Columns {
    fn describe(out: &mut Vec<(&'static str, &'static [&'static str], bool)>);
}
macro_rules! tuple_columns {
    ($($c:ident),+) => {
        impl<$($c),+> Columns for ($($c,)+)
        where $($c: Column, <$c as Expression>::SqlType: PgTypeName),+
        {
            fn describe(out: &mut Vec<(&'static str, &'static [&'static str], bool)>) {
                $(out.push(($c::NAME, <<$c as Expression>::SqlType as PgTypeName>::UDT,
                            <<$c as Expression>::SqlType as PgTypeName>::NULLABLE));)+
            }
        }
    };
}
// (csm_workload_summary has four columns.)
tuple_columns!(A, B, C, D);
tuple_columns!(A, B, C, D, E, F, G, H, I, J);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y);
tuple_columns!(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z);
tuple_columns!(
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, A1, B1, C1, D1,
    E1, F1
);

fn describe<T: Columns>(_: T) -> Vec<(&'static str, &'static [&'static str], bool)> {
    let mut out = Vec::new();
    T::describe(&mut out);
    out
}

#[derive(QueryableByName, Debug)]
struct DbColumn {
    #[diesel(sql_type = st::Text)]
    table_name: String,
    #[diesel(sql_type = st::Text)]
    column_name: String,
    #[diesel(sql_type = st::Text)]
    udt_name: String,
    #[diesel(sql_type = st::Bool)]
    nullable: bool,
}

macro_rules! schema_tables {
    ($($t:ident),* $(,)?) => {
        vec![$((stringify!($t), describe(schema::$t::all_columns))),*]
    };
}

#[test]
fn schema_rs_matches_the_database_column_for_column() {
    let declared = schema_tables!(
        customers,
        health_scores,
        customer_segments,
        risk_indicators,
        churn_predictions,
        onboarding_plans,
        onboarding_milestones,
        training_modules,
        training_completions,
        support_tickets,
        ticket_comments,
        knowledge_base_articles,
        renewal_forecasts,
        contracts,
        expansion_opportunities,
        renewal_campaigns,
        customer_feedback,
        nps_responses,
        sentiment_analysis,
        portfolio_sentiment_analysis,
        survey_templates,
        health_metrics,
        engagement_metrics,
        usage_analytics,
        cohort_analysis,
        csm_workload_summary,
    );
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let actual: Vec<DbColumn> = diesel::sql_query(
        "SELECT table_name::text, column_name::text, udt_name::text, is_nullable = 'YES' AS nullable
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'
         ORDER BY table_name, ordinal_position",
    )
    .load(&mut conn)
    .unwrap();

    let mut db_tables: Vec<&str> = actual.iter().map(|c| c.table_name.as_str()).collect();
    db_tables.dedup();
    let mut rs_tables: Vec<&str> = declared.iter().map(|(t, _)| *t).collect();
    rs_tables.sort();
    assert_eq!(rs_tables, db_tables, "tables in schema.rs vs database");

    let mut checked = 0;
    for (table, columns) in &declared {
        let db_cols: Vec<&DbColumn> = actual.iter().filter(|c| c.table_name == *table).collect();
        let rs_names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let db_names: Vec<&str> = db_cols.iter().map(|c| c.column_name.as_str()).collect();
        assert_eq!(rs_names, db_names, "{table}: columns (in order)");
        for ((name, udts, nullable), dbc) in columns.iter().zip(&db_cols) {
            assert!(
                udts.contains(&dbc.udt_name.as_str()),
                "{table}.{name}: schema.rs says {udts:?}, database has {}",
                dbc.udt_name
            );
            assert_eq!(*nullable, dbc.nullable, "{table}.{name}: nullability");
            checked += 1;
        }
    }
    // The original 432, schema v2's churn_predictions.customer_status, the 4 columns of its
    // csm_workload_summary, and v2_distribution_ready's two client_ids and the 16 columns of
    // portfolio_sentiment_analysis.
    assert_eq!(checked, 433 + 4 + 2 + 16);
}

#[test]
fn tables_referenced_by_foreign_keys_declare_their_business_key_as_diesel_primary_key() {
    use diesel::Table;
    fn pk<T: Table>(_: T) -> &'static str
    where
        T::PrimaryKey: Column,
    {
        <T::PrimaryKey as Column>::NAME
    }
    assert_eq!(pk(schema::customers::table), "client_id");
    assert_eq!(pk(schema::onboarding_plans::table), "plan_id");
    assert_eq!(pk(schema::training_modules::table), "module_id");
    assert_eq!(pk(schema::support_tickets::table), "ticket_id");
    assert_eq!(pk(schema::health_scores::table), "id");
    assert_eq!(pk(schema::cohort_analysis::table), "id");
}

/// How to get the `diesel` binary this test runs; also what `.ci/run` does.
const INSTALL: &str =
    "cargo install diesel_cli --version ~2.3 --locked --no-default-features --features postgres-bundled";

#[test]
#[ignore = "needs diesel_cli 2.3 (the `diesel` binary, or DIESEL=path); .ci/run installs it and runs this test"]
fn schema_rs_is_what_diesel_print_schema_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let diesel = std::env::var_os("DIESEL").unwrap_or_else(|| "diesel".into());
    let version = Command::new(&diesel)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {diesel:?} ({e}); install it with `{INSTALL}`"));
    let version = String::from_utf8_lossy(&version.stdout);
    // The output's details (e.g. doc comments) vary between minor versions.
    assert!(
        version.contains("Version: 2.3."),
        "{diesel:?} is not diesel_cli 2.3: {version}; install it with `{INSTALL}`"
    );

    let db = TestDatabase::new().unwrap();
    let out = Command::new(&diesel)
        .arg("print-schema")
        .arg("--database-url")
        .arg(db.url())
        .arg("--config-file")
        .arg(root.join("diesel.toml"))
        .current_dir(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "diesel print-schema failed: {stderr}");
    let printed = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(root.join("src/schema.rs")).unwrap();
    if printed != committed {
        let first = printed
            .lines()
            .zip(committed.lines())
            .position(|(p, c)| p != c)
            .unwrap_or(printed.lines().count().min(committed.lines().count()));
        let around = |text: &str| -> String {
            text.lines()
                .enumerate()
                .skip(first.saturating_sub(3))
                .take(7)
                .map(|(i, l)| format!("{:>5} {l}\n", i + 1))
                .collect()
        };
        panic!(
            "src/schema.rs is not what `diesel print-schema` prints for the migrations (with \
             diesel.toml and src/schema.patch); first difference at line {}.\n\
             print-schema:\n{}src/schema.rs:\n{}\
             Regenerate it: `diesel print-schema --database-url <a migrated database> > src/schema.rs`, \
             and update src/schema.patch if the hand-made part changed.{stderr}",
            first + 1,
            around(&printed),
            around(&committed),
        );
    }
}
