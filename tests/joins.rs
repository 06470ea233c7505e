//! `joinable!` joins every foreign-key pair on the business key the foreign key references
//! (e.g. `health_scores.client_id = customers.client_id`), not on `id`.
mod common;

use common::{insert_minimal, TestDatabase};
use customer_success_db::schema::*;
use diesel::prelude::*;

macro_rules! check_join {
    ($conn:expr, $child:ident . $col:ident -> $parent:ident . $pcol:ident) => {{
        let query = $child::table.inner_join($parent::table).select($child::id);
        let sql = diesel::debug_query::<diesel::pg::Pg, _>(&query).to_string();
        let on = format!(
            "ON (\"{}\".\"{}\" = \"{}\".\"{}\")",
            stringify!($parent),
            stringify!($pcol),
            stringify!($child),
            stringify!($col)
        );
        let on_reversed = format!(
            "ON (\"{}\".\"{}\" = \"{}\".\"{}\")",
            stringify!($child),
            stringify!($col),
            stringify!($parent),
            stringify!($pcol)
        );
        assert!(sql.contains(&on) || sql.contains(&on_reversed), "{sql}");
        let ids: Vec<i64> = query.load($conn).unwrap();
        assert_eq!(
            ids.len(),
            1,
            "{} join {}",
            stringify!($child),
            stringify!($parent)
        );
        // The parent side of the join resolves the child's key, whatever its numeric id.
        let keys: Vec<String> = $child::table
            .inner_join($parent::table)
            .select($parent::$pcol)
            .load($conn)
            .unwrap();
        assert_eq!(keys, vec![format!("k-{}", stringify!($parent))]);
    }};
}

#[test]
fn every_foreign_key_pair_joins_on_its_business_key() {
    let db = TestDatabase::new().unwrap();
    let mut conn = db.connect().unwrap();
    let c = &mut conn;
    // Burn a few ids so `id` values of parents and children differ.
    for i in 0..3 {
        insert_minimal(c, "customers", &[("client_id", &format!("'filler-{i}'"))]).unwrap();
    }
    insert_minimal(c, "customers", &[("client_id", "'k-customers'")]).unwrap();
    insert_minimal(
        c,
        "onboarding_plans",
        &[
            ("client_id", "'k-customers'"),
            ("plan_id", "'k-onboarding_plans'"),
        ],
    )
    .unwrap();
    insert_minimal(
        c,
        "training_modules",
        &[("module_id", "'k-training_modules'")],
    )
    .unwrap();
    insert_minimal(
        c,
        "support_tickets",
        &[
            ("client_id", "'k-customers'"),
            ("ticket_id", "'k-support_tickets'"),
        ],
    )
    .unwrap();
    for child in [
        "health_scores",
        "risk_indicators",
        "churn_predictions",
        "renewal_forecasts",
        "contracts",
        "customer_feedback",
    ] {
        insert_minimal(c, child, &[("client_id", "'k-customers'")]).unwrap();
    }
    // Schema v2: the NPS category must be the score's.
    insert_minimal(
        c,
        "nps_responses",
        &[
            ("client_id", "'k-customers'"),
            ("score", "9"),
            ("category", "'promoter'"),
        ],
    )
    .unwrap();
    insert_minimal(
        c,
        "onboarding_milestones",
        &[
            ("plan_id", "'k-onboarding_plans'"),
            ("client_id", "'k-customers'"),
        ],
    )
    .unwrap();
    insert_minimal(
        c,
        "training_completions",
        &[
            ("module_id", "'k-training_modules'"),
            ("client_id", "'k-customers'"),
        ],
    )
    .unwrap();
    insert_minimal(
        c,
        "ticket_comments",
        &[
            ("ticket_id", "'k-support_tickets'"),
            ("client_id", "'k-customers'"),
        ],
    )
    .unwrap();

    check_join!(c, health_scores.client_id -> customers.client_id);
    check_join!(c, risk_indicators.client_id -> customers.client_id);
    check_join!(c, churn_predictions.client_id -> customers.client_id);
    check_join!(c, onboarding_plans.client_id -> customers.client_id);
    check_join!(c, training_completions.module_id -> training_modules.module_id);
    check_join!(c, support_tickets.client_id -> customers.client_id);
    check_join!(c, renewal_forecasts.client_id -> customers.client_id);
    check_join!(c, contracts.client_id -> customers.client_id);
    check_join!(c, customer_feedback.client_id -> customers.client_id);
    check_join!(c, nps_responses.client_id -> customers.client_id);

    // Schema v2: the two children whose foreign key is (parent key, client_id) have no
    // `joinable!` (a join on the business key alone could pair two customers' rows); they join
    // on both columns, and the database refuses a child whose client_id is not its parent's.
    let comments: Vec<(String, String)> = ticket_comments::table
        .inner_join(
            support_tickets::table.on(support_tickets::ticket_id
                .eq(ticket_comments::ticket_id)
                .and(support_tickets::client_id.eq(ticket_comments::client_id))),
        )
        .select((ticket_comments::ticket_id, support_tickets::client_id))
        .load(c)
        .unwrap();
    assert_eq!(
        comments,
        [("k-support_tickets".to_owned(), "k-customers".to_owned())]
    );
    let milestones: Vec<String> = onboarding_milestones::table
        .inner_join(
            onboarding_plans::table.on(onboarding_plans::plan_id
                .eq(onboarding_milestones::plan_id)
                .and(onboarding_plans::client_id.eq(onboarding_milestones::client_id))),
        )
        .select(onboarding_plans::plan_id)
        .load(c)
        .unwrap();
    assert_eq!(milestones, ["k-onboarding_plans"]);
    for (child, parent_key) in [
        ("ticket_comments", ("ticket_id", "'k-support_tickets'")),
        ("onboarding_milestones", ("plan_id", "'k-onboarding_plans'")),
    ] {
        let err = insert_minimal(c, child, &[parent_key, ("client_id", "'filler-0'")])
            .expect_err("a child of another customer's parent");
        assert!(err.to_string().contains("_fkey"), "{child}: {err}");
    }
}
