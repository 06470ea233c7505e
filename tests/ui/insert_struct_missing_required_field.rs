// Every column without a database default (here `contract_start_date`) must be given.
use customer_success_db::models::NewCustomer;

fn main() {
    let _customer = NewCustomer {
        client_id: "acme".to_owned(),
        client_name: "Acme".to_owned(),
        company_name: "Acme Corp".to_owned(),
        industry: None,
        tier: None,
        lifecycle_stage: None,
        contract_value: None,
        contract_end_date: None,
        renewal_date: None,
        primary_contact_email: None,
        primary_contact_name: None,
        csm_assigned: None,
        health_score: None,
        health_trend: None,
        last_engagement_date: None,
        status: None,
        created_at: None,
        updated_at: None,
    };
}
