// A NewCustomer is Insertable into `customers` only.
use customer_success_db::models::NewCustomer;
use customer_success_db::schema::support_tickets;
use diesel::prelude::*;

fn main() {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let customer = NewCustomer::new("acme", "Acme", "Acme Corp", start);
    let mut conn = PgConnection::establish("postgres://localhost/never").unwrap();
    diesel::insert_into(support_tickets::table)
        .values(&customer)
        .execute(&mut conn)
        .unwrap();
}
