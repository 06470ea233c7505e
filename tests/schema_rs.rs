//! `src/schema.rs` agrees with the migrated database column for column (name, position, SQL
//! type, nullability), so editing a migration without regenerating `schema.rs` fails here.
//! (`diesel print-schema` with `diesel.toml` reproduces the file byte for byte; this test needs no
//! diesel_cli.)
mod common;

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
        survey_templates,
        health_metrics,
        engagement_metrics,
        usage_analytics,
        cohort_analysis,
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
    assert_eq!(checked, 432);
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
