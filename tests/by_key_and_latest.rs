//! `ByKey::update_by_key` (one statement, no id lookup) and `Latest::latest_for_client` (a
//! customer's newest health score, churn prediction, renewal forecast), against real
//! PostgreSQL, with their error cases and the index the latest lookup reads.
mod common;

use common::{insert_minimal, TestDatabase};
use customer_success_db::crud::{ByKey, Latest};
use customer_success_db::models::{
    ChurnPrediction, Customer, CustomerChanges, HealthScoreRecord, RenewalForecast,
};
use customer_success_db::types::CustomerTier;
use customer_success_db::Error;
use diesel::PgConnection;

fn customer(conn: &mut PgConnection, key: &str) {
    insert_minimal(conn, "customers", &[("client_id", &format!("'{key}'"))]).unwrap();
}

#[test]
fn update_by_key_changes_the_row_in_one_statement_and_reports_a_missing_key() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "acme");
    let before = Customer::get_by_key(&mut conn, "acme").unwrap();

    let changes = CustomerChanges {
        tier: Some(CustomerTier::Enterprise),
        client_name: Some("Acme Renamed".into()),
        ..Default::default()
    };
    let after = Customer::update_by_key(&mut conn, "acme", &changes).unwrap();
    assert_eq!(after.id, before.id);
    assert_eq!(after.tier, CustomerTier::Enterprise);
    assert_eq!(after.client_name, "Acme Renamed");
    assert_eq!(Customer::get_by_key(&mut conn, "acme").unwrap(), after);

    // An empty changeset is the row as it is.
    let same = Customer::update_by_key(&mut conn, "acme", &CustomerChanges::default()).unwrap();
    assert_eq!(same, after);

    // No such key: NotFound naming it, for both an empty and a real changeset.
    for changes in [CustomerChanges::default(), changes.clone()] {
        let e = Customer::update_by_key(&mut conn, "nobody", &changes).unwrap_err();
        assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
        assert!(e.to_string().contains("nobody"), "{e}");
    }

    // Oversize input is refused before anything is sent, and nothing changes.
    let too_long = CustomerChanges {
        client_name: Some("x".repeat(10_000)),
        ..Default::default()
    };
    let e = Customer::update_by_key(&mut conn, "acme", &too_long).unwrap_err();
    assert!(matches!(e, Error::InvalidData { .. }), "{e:?}");
    assert_eq!(Customer::get_by_key(&mut conn, "acme").unwrap(), after);
}

#[test]
fn latest_for_client_is_the_newest_row_or_none() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    customer(&mut conn, "acme");
    customer(&mut conn, "globex");
    customer(&mut conn, "initech");

    // Inserted out of order: the newest by time wins, the id breaks a tie.
    for (client, at) in [
        ("acme", "2026-03-01"),
        ("acme", "2026-05-01"),
        ("acme", "2026-04-01"),
        ("globex", "2026-01-01"),
        ("globex", "2026-01-01"),
    ] {
        let client = format!("'{client}'");
        let at = format!("'{at} 12:00+00'");
        insert_minimal(
            &mut conn,
            "health_scores",
            &[("client_id", &client), ("created_at", &at)],
        )
        .unwrap();
        insert_minimal(
            &mut conn,
            "churn_predictions",
            &[
                ("client_id", &client),
                ("prediction_date", &at),
                ("churn_risk_level", "'high'"),
            ],
        )
        .unwrap();
        insert_minimal(
            &mut conn,
            "renewal_forecasts",
            &[
                ("client_id", &client),
                ("forecast_created_at", &at),
                ("renewal_status", "'at_risk'"),
            ],
        )
        .unwrap();
    }
    let day = |t: chrono::DateTime<chrono::Utc>| t.date_naive().to_string();

    let h = HealthScoreRecord::latest_for_client(&mut conn, "acme")
        .unwrap()
        .unwrap();
    assert_eq!(day(h.created_at), "2026-05-01");
    let p = ChurnPrediction::latest_for_client(&mut conn, "acme")
        .unwrap()
        .unwrap();
    assert_eq!(day(p.prediction_date), "2026-05-01");
    let f = RenewalForecast::latest_for_client(&mut conn, "acme")
        .unwrap()
        .unwrap();
    assert_eq!(day(f.forecast_created_at), "2026-05-01");

    // A tie on time: the later row.
    let globex = HealthScoreRecord::latest_for_client(&mut conn, "globex")
        .unwrap()
        .unwrap();
    let ids: Vec<i64> = customer_success_db::crud::ByClient::list_by_client(
        &mut conn,
        "globex",
        customer_success_db::crud::Page::first(10),
    )
    .unwrap()
    .into_iter()
    .map(|r: HealthScoreRecord| r.id)
    .collect();
    assert_eq!(globex.id, *ids.iter().max().unwrap());

    // No history, or no customer: None.
    assert!(HealthScoreRecord::latest_for_client(&mut conn, "initech")
        .unwrap()
        .is_none());
    assert!(ChurnPrediction::latest_for_client(&mut conn, "nobody")
        .unwrap()
        .is_none());
}
