//! Feature `tracing`: a server embedding the crate sees one span per query with the SQL (never
//! the bind values) and its duration, a warning for a slow query, and the pool's checkouts and
//! timeouts; and never the password of the URL. The spans are captured by a small
//! `tracing-subscriber` layer.
mod password_role;

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use customer_success_db::connection::{self, PoolOptions};
use customer_success_db::crud::{ByKey, Crud, Page};
use customer_success_db::harness::TestDatabase;
use customer_success_db::models::{Customer, NewCustomer};
use customer_success_db::types::HealthScore;
use customer_success_db::{queries, trace};
use diesel::connection::SimpleConnection;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

const PASSWORD: &str = "Tr4ce-secret";
const KEY: &str = "bind-value-7f3a";

/// A span or event as recorded: its name (or message), target, level and fields.
#[derive(Debug, Clone, Default)]
struct Captured {
    name: String,
    target: String,
    level: String,
    fields: HashMap<String, String>,
}

impl Visit for Captured {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.fields
            .insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.fields
            .insert(field.name().to_owned(), value.to_owned());
    }
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.fields
            .insert(field.name().to_owned(), value.to_string());
    }
}

#[derive(Default)]
struct Store {
    open: HashMap<u64, Captured>,
    closed: Vec<Captured>,
    events: Vec<Captured>,
}

#[derive(Clone, Default)]
struct CaptureLayer(Arc<Mutex<Store>>);

impl<S: Subscriber> Layer<S> for CaptureLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut span = Captured {
            name: attrs.metadata().name().to_owned(),
            target: attrs.metadata().target().to_owned(),
            level: attrs.metadata().level().to_string(),
            ..Captured::default()
        };
        attrs.record(&mut span);
        self.0.lock().unwrap().open.insert(id.into_u64(), span);
    }
    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        if let Some(span) = self.0.lock().unwrap().open.get_mut(&id.into_u64()) {
            values.record(span);
        }
    }
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut captured = Captured {
            target: event.metadata().target().to_owned(),
            level: event.metadata().level().to_string(),
            ..Captured::default()
        };
        event.record(&mut captured);
        captured.name = captured.fields.get("message").cloned().unwrap_or_default();
        self.0.lock().unwrap().events.push(captured);
    }
    fn on_close(&self, id: Id, _: Context<'_, S>) {
        let mut store = self.0.lock().unwrap();
        if let Some(span) = store.open.remove(&id.into_u64()) {
            store.closed.push(span);
        }
    }
}

#[test]
fn a_dashboard_call_is_traced_without_binds_or_password() {
    let db = TestDatabase::new().unwrap();
    let url = password_role::password_role(&db, "csdb_pw_tracing", PASSWORD);
    let layer = CaptureLayer::default();
    let subscriber = tracing_subscriber::registry().with(layer.clone());
    trace::set_slow_query_threshold(Duration::from_millis(100));

    tracing::subscriber::with_default(subscriber, || {
        let pool = connection::pool_with(
            &url,
            &PoolOptions {
                max_size: 1,
                connection_timeout: Duration::from_millis(300),
                ..PoolOptions::default()
            },
        )
        .unwrap();
        let mut conn = pool.get().unwrap();
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        Customer::create(
            &mut conn,
            &NewCustomer {
                health_score: Some(HealthScore::new(20).unwrap()),
                ..NewCustomer::new(KEY, "Traced", "Traced Inc", start)
            },
        )
        .unwrap();
        let rows =
            queries::health_dashboard(&mut conn, HealthScore::new(43).unwrap(), Page::first(7))
                .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            Customer::get_by_key(&mut conn, KEY).unwrap().client_name,
            "Traced"
        );
        // A failing query records its class; a slow one warns.
        Customer::create(&mut conn, &NewCustomer::new(KEY, "Again", "Again", start))
            .expect_err("duplicate client_id");
        conn.batch_execute("SELECT pg_sleep(0.15)").unwrap();
        // The pool's only connection is out: the next checkout times out.
        assert!(pool.get().is_err(), "pool exhausted");
        drop(conn);
    });

    let store = layer.0.lock().unwrap();
    let queries: Vec<&Captured> = store
        .closed
        .iter()
        .filter(|s| s.name == "db.query")
        .collect();
    let statement = |s: &Captured| s.fields.get("db.statement").cloned().unwrap_or_default();

    // The dashboard's span: its SQL with placeholders, and a duration.
    let dashboard = queries
        .iter()
        .find(|s| statement(s).contains("ORDER BY \"customers\".\"health_score\" ASC"))
        .unwrap_or_else(|| panic!("no dashboard span among {queries:#?}"));
    assert_eq!(dashboard.target, "customer_success_db::query");
    assert_eq!(dashboard.level, "INFO");
    assert_eq!(
        dashboard.fields.get("db.system").map(String::as_str),
        Some("postgresql")
    );
    let sql = statement(dashboard);
    assert!(sql.contains("\"health_score\" < $1"), "{sql}");
    // $3 and $4 are the keyset cursor (a key before every row on the first page).
    assert!(sql.contains("LIMIT $5 OFFSET $6"), "{sql}");
    let duration: f64 = dashboard.fields["duration_ms"].parse().unwrap();
    assert!(duration > 0.0 && duration < 60_000.0, "{duration}");
    assert!(!dashboard.fields.contains_key("error.class"));

    // The failed insert names its class; the slow query warned inside its span.
    assert!(
        queries
            .iter()
            .any(|s| statement(s).starts_with("INSERT INTO \"customers\"")
                && s.fields.get("error.class").map(String::as_str) == Some("unique_violation")),
        "{queries:#?}"
    );
    let slow = store
        .events
        .iter()
        .find(|e| e.target == "customer_success_db::slow_query")
        .expect("a slow-query warning");
    assert_eq!(slow.level, "WARN");
    assert!(slow.fields["db.statement"].contains("pg_sleep"), "{slow:?}");
    assert!(slow.fields["duration_ms"].parse::<f64>().unwrap() >= 150.0);
    assert!(
        !store
            .events
            .iter()
            .any(|e| e.target == "customer_success_db::slow_query"
                && e.fields["db.statement"].contains("health_score")),
        "fast queries do not warn"
    );

    // Pool events: a checkout with its wait, and the timeout.
    let pool_events: Vec<&Captured> = store
        .events
        .iter()
        .filter(|e| e.target == "customer_success_db::pool")
        .collect();
    assert!(
        pool_events
            .iter()
            .any(|e| e.name == "connection checked out" && e.fields.contains_key("wait_ms")),
        "{pool_events:#?}"
    );
    assert!(
        pool_events
            .iter()
            .any(|e| e.level == "WARN"
                && e.fields.get("timeout_ms").map(String::as_str) == Some("300")),
        "{pool_events:#?}"
    );

    // Nothing recorded holds a bind value or the password.
    let everything = format!("{:?} {:?}", store.closed, store.events);
    assert!(queries.len() >= 5, "{} query spans", queries.len());
    for secret in [
        KEY,
        "Traced Inc",
        PASSWORD,
        &password_role::encode(PASSWORD),
    ] {
        assert!(
            !everything.contains(secret),
            "{secret:?} was recorded: {everything}"
        );
    }
}
