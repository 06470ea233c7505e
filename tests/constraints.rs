//! Foreign keys cascade and reject orphans, CHECK constraints hold at their boundaries,
//! `updated_at` is maintained, and real violations map onto the right `Error` variants.
mod common;

use common::{count, insert_minimal, TestDatabase};
use customer_success_db::Error;
use diesel::connection::SimpleConnection;
use diesel::PgConnection;

/// (child table, child column, parent table, parent column)
const FOREIGN_KEYS: [(&str, &str, &str, &str); 12] = [
    ("health_scores", "client_id", "customers", "client_id"),
    ("risk_indicators", "client_id", "customers", "client_id"),
    ("churn_predictions", "client_id", "customers", "client_id"),
    ("onboarding_plans", "client_id", "customers", "client_id"),
    (
        "onboarding_milestones",
        "plan_id",
        "onboarding_plans",
        "plan_id",
    ),
    (
        "training_completions",
        "module_id",
        "training_modules",
        "module_id",
    ),
    ("support_tickets", "client_id", "customers", "client_id"),
    (
        "ticket_comments",
        "ticket_id",
        "support_tickets",
        "ticket_id",
    ),
    ("renewal_forecasts", "client_id", "customers", "client_id"),
    ("contracts", "client_id", "customers", "client_id"),
    ("customer_feedback", "client_id", "customers", "client_id"),
    ("nps_responses", "client_id", "customers", "client_id"),
];

/// Inserts a row of `table` whose business key `column` is `key`, creating its own parents.
fn insert_parent(conn: &mut PgConnection, table: &str, column: &str, key: &str) {
    let quoted = format!("'{key}'");
    match table {
        "customers" | "training_modules" => insert_minimal(conn, table, &[(column, &quoted)]),
        "onboarding_plans" | "support_tickets" => {
            let customer = format!("{key}-owner");
            insert_parent(conn, "customers", "client_id", &customer);
            insert_minimal(
                conn,
                table,
                &[(column, &quoted), ("client_id", &format!("'{customer}'"))],
            )
        }
        other => panic!("unexpected parent {other}"),
    }
    .unwrap();
}

/// A row of `child` whose `col` is `key`; schema v2 adds what else it needs: a customer for a
/// training completion (its client_id has a foreign key too) and an NPS category that matches
/// the score.
fn child_values(
    conn: &mut PgConnection,
    child: &str,
    col: &str,
    key: &str,
) -> Vec<(String, String)> {
    let mut values = vec![(col.to_owned(), format!("'{key}'"))];
    if child == "training_completions" && col != "client_id" {
        if common::count(conn, "customers", "client_id = 'completions-owner'") == 0 {
            insert_minimal(conn, "customers", &[("client_id", "'completions-owner'")]).unwrap();
        }
        values.push(("client_id".to_owned(), "'completions-owner'".to_owned()));
    }
    if child == "nps_responses" {
        values.push(("score".to_owned(), "9".to_owned()));
        values.push(("category".to_owned(), "'promoter'".to_owned()));
    }
    values
}

fn insert_values(
    conn: &mut PgConnection,
    table: &str,
    values: &[(String, String)],
) -> diesel::QueryResult<()> {
    let refs: Vec<(&str, &str)> = values
        .iter()
        .map(|(c, v)| (c.as_str(), v.as_str()))
        .collect();
    insert_minimal(conn, table, &refs)
}

#[test]
fn every_foreign_key_cascades_on_delete() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    for (i, (child, col, parent, pcol)) in FOREIGN_KEYS.iter().enumerate() {
        let key = format!("fk-parent-{i}");
        insert_parent(&mut conn, parent, pcol, &key);
        for _ in 0..2 {
            let values = child_values(&mut conn, child, col, &key);
            insert_values(&mut conn, child, &values).unwrap();
        }
        let filter = format!("{col} = '{key}'");
        assert_eq!(count(&mut conn, child, &filter), 2, "{child}");
        conn.batch_execute(&format!("DELETE FROM {parent} WHERE {pcol} = '{key}'"))
            .unwrap();
        assert_eq!(
            count(&mut conn, child, &filter),
            0,
            "{child} rows survived deleting their {parent}"
        );
    }
}

#[test]
fn deleting_a_customer_removes_grandchildren_too() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_minimal(&mut conn, "customers", &[("client_id", "'acme'")]).unwrap();
    insert_minimal(
        &mut conn,
        "support_tickets",
        &[("client_id", "'acme'"), ("ticket_id", "'T-1'")],
    )
    .unwrap();
    insert_minimal(&mut conn, "ticket_comments", &[("ticket_id", "'T-1'")]).unwrap();
    insert_minimal(
        &mut conn,
        "onboarding_plans",
        &[("client_id", "'acme'"), ("plan_id", "'P-1'")],
    )
    .unwrap();
    insert_minimal(&mut conn, "onboarding_milestones", &[("plan_id", "'P-1'")]).unwrap();
    conn.batch_execute("DELETE FROM customers WHERE client_id = 'acme'")
        .unwrap();
    assert_eq!(count(&mut conn, "ticket_comments", ""), 0);
    assert_eq!(count(&mut conn, "onboarding_milestones", ""), 0);
}

#[test]
fn every_foreign_key_rejects_an_orphan() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    for (child, col, _, _) in FOREIGN_KEYS {
        let values = child_values(&mut conn, child, col, "no-such-parent");
        let err: Error = insert_values(&mut conn, child, &values).unwrap_err().into();
        match err {
            Error::ForeignKeyViolation {
                constraint,
                table,
                detail,
                ..
            } => {
                assert_eq!(constraint, format!("{child}_{col}_fkey"));
                assert_eq!(table, child);
                assert!(detail.contains("no-such-parent"), "{detail}");
            }
            other => panic!("{child}: expected ForeignKeyViolation, got {other:?}"),
        }
    }
}

/// (table, column, constraint, accepted, rejected) as SQL literals.
type CheckCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);
const CHECKS: [CheckCase; 12] = [
    (
        "customers",
        "health_score",
        "check_health_score_range",
        &["0", "100"],
        &["-1", "101"],
    ),
    (
        "customers",
        "contract_value",
        "check_contract_value_positive",
        &["0", "0.01", "999999999999.99"],
        &["-0.01"],
    ),
    (
        "health_scores",
        "usage_score",
        "check_usage_score_range",
        &["0", "100"],
        &[
            "-0.000001",
            "100.000001",
            "'NaN'",
            "'Infinity'",
            "'-Infinity'",
        ],
    ),
    (
        "health_scores",
        "engagement_score",
        "check_engagement_score_range",
        &["0", "100"],
        &["-0.000001", "100.000001", "'NaN'"],
    ),
    (
        "churn_predictions",
        "churn_probability",
        "check_churn_probability_range",
        &["0", "1"],
        &["-0.000001", "1.000001", "'NaN'", "'Infinity'"],
    ),
    (
        "support_tickets",
        "satisfaction_rating",
        "check_satisfaction_range",
        &["1", "5", "NULL"],
        &["0", "6"],
    ),
    (
        "renewal_forecasts",
        "renewal_probability",
        "check_renewal_probability_range",
        &["0", "1"],
        &["-0.000001", "1.000001", "'NaN'"],
    ),
    (
        "contracts",
        "contract_value",
        "check_contract_value_positive",
        &["0", "0.01"],
        &["-0.01"],
    ),
    (
        "expansion_opportunities",
        "probability",
        "check_probability_range",
        &["0", "1"],
        &["-0.000001", "1.000001", "'NaN'"],
    ),
    (
        "customer_feedback",
        "sentiment_score",
        "check_sentiment_score_range",
        &["-1", "1"],
        &["-1.000001", "1.000001", "'NaN'", "'-Infinity'"],
    ),
    (
        "nps_responses",
        "score",
        "check_nps_score_range",
        &["0", "10"],
        &["-1", "11"],
    ),
    (
        "nps_responses",
        "sentiment_score",
        "check_nps_sentiment_range",
        &["-1", "1"],
        &["-1.000001", "1.000001", "'NaN'"],
    ),
];

#[test]
fn every_check_constraint_accepts_its_boundaries_and_rejects_just_outside() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_minimal(&mut conn, "customers", &[("client_id", "'c'")]).unwrap();
    for (table, column, constraint, accepted, rejected) in CHECKS {
        let fk: &[(&str, &str)] = if table == "customers" {
            &[]
        } else {
            &[("client_id", "'c'")]
        };
        // Schema v2's category rule: the category must be the score's.
        let category = |v: &str| match v.parse::<i32>() {
            Ok(9..) => "'promoter'",
            Ok(7 | 8) => "'passive'",
            _ => "'detractor'",
        };
        for v in accepted {
            let mut values = fk.to_vec();
            values.push((column, v));
            if table == "nps_responses" {
                values.push(("category", category(v)));
                values.push(("score", "0"));
            }
            insert_minimal(&mut conn, table, &values)
                .unwrap_or_else(|e| panic!("{table}.{column} = {v} rejected: {e}"));
        }
        for v in rejected {
            let mut values = fk.to_vec();
            values.push((column, v));
            if table == "nps_responses" {
                values.push(("category", category(v)));
                values.push(("score", "0"));
            }
            let err: Error = insert_minimal(&mut conn, table, &values)
                .expect_err(&format!("{table}.{column} = {v} accepted"))
                .into();
            match err {
                Error::CheckViolation {
                    constraint: c,
                    table: t,
                    ..
                } => {
                    assert_eq!((c.as_str(), t.as_str()), (constraint, table), "{v}");
                }
                other => panic!("{table}.{column} = {v}: expected CheckViolation, got {other:?}"),
            }
        }
    }
}

#[test]
fn updated_at_changes_on_update_in_every_table_that_has_it() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let tables = [
        ("customers", "client_name"),
        ("health_scores", "usage_score"),
        ("customer_segments", "segment_name"),
        ("onboarding_plans", "plan_name"),
        ("training_modules", "module_name"),
        ("support_tickets", "subject"),
        ("knowledge_base_articles", "title"),
        ("expansion_opportunities", "opportunity_name"),
        ("renewal_campaigns", "campaign_name"),
        ("customer_feedback", "title"),
        ("survey_templates", "template_name"),
    ];
    for (table, column) in tables {
        // Backdate the row so "changed" cannot be confused with "inserted a moment ago".
        insert_minimal(
            &mut conn,
            table,
            &[
                ("client_id", "'c'"),
                ("updated_at", "'2000-01-01T00:00:00Z'"),
            ],
        )
        .or_else(|_| {
            insert_minimal(
                &mut conn,
                table,
                &[("updated_at", "'2000-01-01T00:00:00Z'")],
            )
        })
        .unwrap();
        let old = "updated_at = '2000-01-01T00:00:00Z'";
        assert_eq!(count(&mut conn, table, old), 1, "{table}");
        let value = if column == "usage_score" {
            "42"
        } else {
            "'renamed'"
        };
        conn.batch_execute(&format!("UPDATE {table} SET {column} = {value}"))
            .unwrap();
        assert_eq!(
            count(&mut conn, table, old),
            0,
            "{table}.updated_at not maintained"
        );
        assert_eq!(
            count(&mut conn, table, "updated_at > now() - interval '1 minute'"),
            1,
            "{table}"
        );
        // An explicit value in the UPDATE wins over the trigger.
        conn.batch_execute(&format!(
            "UPDATE {table} SET updated_at = '2001-01-01T00:00:00Z'"
        ))
        .unwrap();
        assert_eq!(
            count(&mut conn, table, "updated_at = '2001-01-01T00:00:00Z'"),
            1,
            "{table}"
        );
    }
}

#[test]
fn violations_map_to_error_variants_naming_the_constraint() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    insert_minimal(&mut conn, "customers", &[("client_id", "'dup'")]).unwrap();

    let err: Error = insert_minimal(&mut conn, "customers", &[("client_id", "'dup'")])
        .unwrap_err()
        .into();
    assert_eq!(err.constraint(), Some("customers_client_id_key"));
    assert!(
        matches!(&err, Error::UniqueViolation { table, detail, .. } if table == "customers" && detail.contains("dup")),
        "{err:?}"
    );
    assert!(err.to_string().contains("customers_client_id_key"));
    assert!(
        std::error::Error::source(&err).is_some(),
        "keeps the Diesel error"
    );

    let err: Error = conn
        .batch_execute("INSERT INTO customers (client_id, client_name, company_name, contract_start_date) VALUES ('n', NULL, 'x', '2024-01-01')")
        .unwrap_err()
        .into();
    assert!(
        matches!(&err, Error::NotNullViolation { column, table, .. } if column == "client_name" && table == "customers"),
        "{err:?}"
    );

    let long = "x".repeat(101);
    let err: Error = insert_minimal(
        &mut conn,
        "customers",
        &[("client_id", &format!("'{long}'"))],
    )
    .unwrap_err()
    .into();
    assert!(
        matches!(&err, Error::InvalidData { message, .. } if message.contains("character varying(100)")),
        "{err:?}"
    );

    let err: Error = insert_minimal(
        &mut conn,
        "customers",
        &[("client_id", "'bad-json'"), ("contract_value", "1e13")],
    )
    .unwrap_err()
    .into();
    assert!(
        matches!(&err, Error::InvalidData { message, .. } if message.contains("numeric field overflow")),
        "{err:?}"
    );

    let err: Error = insert_minimal(
        &mut conn,
        "health_scores",
        &[("client_id", "'dup'"), ("usage_score", "-1")],
    )
    .unwrap_err()
    .into();
    assert_eq!(err.constraint(), Some("check_usage_score_range"));
    assert!(!err.is_transient());
}
