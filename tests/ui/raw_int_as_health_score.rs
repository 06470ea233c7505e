// A bare i32 is not a HealthScore: range checks cannot be skipped by accident.
use customer_success_db::models::NewCustomer;

fn main() {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let _customer = NewCustomer {
        health_score: Some(75),
        ..NewCustomer::new("acme", "Acme", "Acme Corp", start)
    };
}
