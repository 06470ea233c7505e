//! Distributing a database over a Citus cluster, by customer.
//!
//! [Citus](https://www.citusdata.com) shards tables by a distribution column over worker nodes
//! and routes each query from a coordinator. A Customer Success database is naturally sharded
//! by customer: [`distribute`] makes the tables of [`DISTRIBUTED_TABLES`] hash-distributed by
//! `client_id`, all co-located with `customers` (one customer's rows of every table live on
//! the same node, so its joins, foreign keys and cascades stay on one node), and the catalogue
//! tables of [`REFERENCE_TABLES`] reference tables (a copy on every node). Tables in neither
//! list (e.g. `__diesel_schema_migrations`) stay local to the coordinator. SCALING.md explains
//! the categories table by table.
//!
//! ```no_run
//! use customer_success_db::{connection, distribute};
//! let mut conn = connection::connect_from_env()?; // the Citus coordinator
//! let report = distribute::distribute(&mut conn)?;
//! println!("{report}");
//! # Ok::<(), customer_success_db::Error>(())
//! ```
//!
//! # What it prepares
//!
//! Schema v2 (migration `2026-11-30-000008_v2_distribution_ready`) is distribution-ready on
//! every server: every key of a per-customer table includes `client_id`, every child carries
//! its parent's `client_id`, and portfolio-wide sentiment analyses have a table of their own.
//! What only Citus needs, [`distribute`] applies first, in its transaction, through the schema's
//! `csdb_prepare_for_citus()` (listed in [`DistributionReport::prepared`]): the statement
//! triggers that keep `customers.health_score`, `churn_predictions.customer_status` and the CSM
//! workload summary cannot run on shards, so the first two become row triggers (each touches
//! one customer's rows, on the node that holds them) and the summary becomes a view computing
//! the same totals (a multi-shard aggregate). One server keeps the statement triggers: a bulk
//! load costs one statement per statement there instead of one per row.
//!
//! # What it checks first
//!
//! Citus refuses a distributed table whose PRIMARY KEY or UNIQUE constraints do not include the
//! distribution column, and foreign keys between distributed tables that do not pair
//! `client_id` with `client_id`; a statement trigger with transition tables cannot run on a
//! shard ("executor could not find named tuplestore" once its function queries a distributed
//! table); a row trigger on a reference table runs on every copy. [`distribute`] looks for all
//! of these in the catalogue (after preparing) and reports each table it cannot distribute
//! with the reasons, instead of failing half-way on Citus's first error. One row trigger on a
//! reference table is accepted, `set_updated_at`: each copy's `updated_at` then comes from its
//! own node's `now()`, so copies of one row may differ by the milliseconds between the nodes'
//! parts of the transaction (SCALING.md, "Limits"). The `customers` group is all or nothing: a child
//! distributed without its parent (or the reverse) would leave a foreign key between a local
//! and a distributed table, which Citus does not support.
//!
//! # Idempotent
//!
//! Tables already distributed (co-located with `customers`) or already reference tables are
//! reported as such and left alone, so [`distribute`] can be run again, e.g. after a migration
//! removed what blocked a table.
//!
//! # One transaction
//!
//! Everything it changes happens in one transaction, with `citus.multi_shard_modify_mode =
//! 'sequential'` (Citus requires it once a transaction has touched a table with a foreign key to
//! a reference table) and `citus.enable_unsafe_triggers = on` for the row triggers of distributed
//! tables (they run on the shard that holds the row: `updated_at` keeps working). Foreign keys
//! from distributed tables to future reference tables (`training_completions.module_id` →
//! `training_modules`) are dropped and re-created around the conversion: Citus cannot make
//! `training_modules` a reference table while a local table referencing it also references
//! `customers`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use diesel::sql_types::{Bool, Integer, Nullable, Text};
use diesel::{Connection, OptionalExtension, PgConnection, QueryableByName, RunQueryDsl};

use crate::error::{Error, Result};

/// The row trigger that keeps `updated_at` (Diesel's `diesel_manage_updated_at`).
const UPDATED_AT_TRIGGER: &str = "set_updated_at";

/// The table every distributed table is co-located with.
pub const COLOCATION_ANCHOR: &str = "customers";

/// The tables distributed by `client_id`, co-located with [`COLOCATION_ANCHOR`], in the order
/// they are distributed (a table after every table it references).
pub const DISTRIBUTED_TABLES: &[&str] = &[
    "customers",
    "churn_predictions",
    "contracts",
    "customer_feedback",
    "engagement_metrics",
    "expansion_opportunities",
    "health_metrics",
    "health_scores",
    "nps_responses",
    "onboarding_plans",
    "onboarding_milestones",
    "renewal_forecasts",
    "risk_indicators",
    "sentiment_analysis",
    "support_tickets",
    "ticket_comments",
    "training_completions",
    "usage_analytics",
];

/// The tables that become reference tables: catalogues and cross-customer analyses that belong
/// to no single customer, are small, and are read together with every customer's rows.
pub const REFERENCE_TABLES: &[&str] = &[
    "cohort_analysis",
    "customer_segments",
    "knowledge_base_articles",
    "renewal_campaigns",
    "survey_templates",
    "training_modules",
    "portfolio_sentiment_analysis",
];

/// A table [`distribute`] left as it was, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Blocked {
    /// The table.
    pub table: String,
    /// Each thing that stands in the way, in words (constraint and trigger names included).
    pub reasons: Vec<String>,
}

/// What [`distribute`] found and did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DistributionReport {
    /// `citus_version()`'s first words, e.g. `Citus 13.2.2`.
    pub citus_version: String,
    /// Active primary worker nodes (the coordinator not counted).
    pub workers: i64,
    /// Tables this call distributed by `client_id`.
    pub distributed: Vec<String>,
    /// Tables this call made reference tables.
    pub reference: Vec<String>,
    /// Tables that already were what the plan wants (distributed and co-located with
    /// `customers`, or reference tables).
    pub already: Vec<String>,
    /// Tables of the plan left as they are, with the reasons.
    pub blocked: Vec<Blocked>,
    /// Tables outside the plan, left local to the coordinator.
    pub local: Vec<String>,
    /// What the schema's `csdb_prepare_for_citus()` changed first (schema v2, migration
    /// `2026-11-30-000008_v2_distribution_ready`): the statement triggers replaced by row
    /// triggers, the CSM workload summary replaced by a view. Empty when done before.
    pub prepared: Vec<String>,
}

impl DistributionReport {
    /// Whether every table of the plan is now distributed or a reference table.
    pub fn is_complete(&self) -> bool {
        self.blocked.is_empty()
    }

    /// The reasons recorded for `table`, if it is blocked.
    pub fn reasons(&self, table: &str) -> Option<&[String]> {
        self.blocked
            .iter()
            .find(|b| b.table == table)
            .map(|b| b.reasons.as_slice())
    }
}

impl fmt::Display for DistributionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} with {} worker(s)", self.citus_version, self.workers)?;
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.join(", ")
            }
        };
        writeln!(f, "prepared for Citus: {}", list(&self.prepared))?;
        writeln!(f, "distributed now: {}", list(&self.distributed))?;
        writeln!(f, "reference tables now: {}", list(&self.reference))?;
        writeln!(f, "already done: {}", list(&self.already))?;
        writeln!(f, "left local (not in the plan): {}", list(&self.local))?;
        if self.blocked.is_empty() {
            return writeln!(f, "blocked: none");
        }
        writeln!(f, "blocked:")?;
        for b in &self.blocked {
            writeln!(f, "  {}:", b.table)?;
            for reason in &b.reasons {
                writeln!(f, "    - {reason}")?;
            }
        }
        Ok(())
    }
}

/// What Citus has made of a table so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Local,
    /// Hash-distributed, in this co-location group.
    Distributed(i32),
    Reference,
    /// Any other Citus table (a Citus local table, an append-distributed one, ...).
    Other,
}

#[derive(QueryableByName)]
struct TextRow {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    count: i64,
}

#[derive(QueryableByName)]
struct PartitionRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    method: String,
    #[diesel(sql_type = Text)]
    repmodel: String,
    #[diesel(sql_type = Integer)]
    colocationid: i32,
}

#[derive(QueryableByName, Debug)]
struct ConstraintRow {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    referenced: Option<String>,
    #[diesel(sql_type = Text)]
    definition: String,
    /// PRIMARY KEY / UNIQUE / EXCLUDE: `client_id` is one of its columns.
    #[diesel(sql_type = Bool)]
    has_client_id: bool,
    /// FOREIGN KEY: one of its column pairs is `client_id` → `client_id`.
    #[diesel(sql_type = Bool)]
    pairs_client_id: bool,
}

#[derive(QueryableByName)]
struct TriggerRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    transition: bool,
    #[diesel(sql_type = Bool)]
    row_level: bool,
}

const TABLES_SQL: &str = "\
SELECT c.relname::text AS value FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition \
ORDER BY 1";

const CLIENT_ID_SQL: &str = "\
SELECT c.relname::text AS value FROM pg_attribute a \
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
WHERE n.nspname = current_schema() AND a.attname = 'client_id' AND NOT a.attisdropped";

const NULLABLE_CLIENT_ID_SQL: &str = "\
SELECT c.relname::text AS value FROM pg_attribute a \
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
WHERE n.nspname = current_schema() AND a.attname = 'client_id' AND NOT a.attisdropped \
  AND NOT a.attnotnull";

const PARTITION_SQL: &str = "\
SELECT c.relname::text AS name, p.partmethod::text AS method, p.repmodel::text AS repmodel, \
       p.colocationid AS colocationid \
FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid \
JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()";

const CONSTRAINTS_SQL: &str = "\
SELECT con.conname::text AS name, con.contype::text AS kind, rel.relname::text AS table_name, \
       ref.relname::text AS referenced, pg_get_constraintdef(con.oid) AS definition, \
       coalesce((SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = rel.oid \
                  AND a.attname = 'client_id' AND NOT a.attisdropped) = ANY (con.conkey), false) \
         AS has_client_id, \
       EXISTS (SELECT 1 FROM unnest(con.conkey, con.confkey) AS k(a, b) \
               JOIN pg_attribute x ON x.attrelid = con.conrelid AND x.attnum = k.a \
               JOIN pg_attribute y ON y.attrelid = con.confrelid AND y.attnum = k.b \
               WHERE x.attname = 'client_id' AND y.attname = 'client_id') AS pairs_client_id \
FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid \
JOIN pg_namespace n ON n.oid = rel.relnamespace LEFT JOIN pg_class ref ON ref.oid = con.confrelid \
WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'x') ORDER BY 3, 1";

const TRIGGERS_SQL: &str = "\
SELECT c.relname::text AS table_name, t.tgname::text AS name, \
       (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL) AS transition, \
       (t.tgtype & 1) = 1 AS row_level \
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid \
JOIN pg_namespace n ON n.oid = c.relnamespace \
WHERE n.nspname = current_schema() AND NOT t.tgisinternal ORDER BY 1, 2";

/// Everything [`distribute`] reads from the catalogue.
struct Catalogue {
    tables: BTreeSet<String>,
    with_client_id: BTreeSet<String>,
    nullable_client_id: BTreeSet<String>,
    states: BTreeMap<String, State>,
    constraints: Vec<ConstraintRow>,
    triggers: Vec<TriggerRow>,
}

impl Catalogue {
    fn read(conn: &mut PgConnection) -> Result<Catalogue> {
        let texts = |conn: &mut PgConnection, sql: &str| -> Result<BTreeSet<String>> {
            Ok(diesel::sql_query(sql)
                .load::<TextRow>(conn)?
                .into_iter()
                .map(|r| r.value)
                .collect())
        };
        let tables = texts(conn, TABLES_SQL)?;
        let with_client_id = texts(conn, CLIENT_ID_SQL)?;
        let nullable_client_id = texts(conn, NULLABLE_CLIENT_ID_SQL)?;
        let mut states: BTreeMap<String, State> =
            tables.iter().map(|t| (t.clone(), State::Local)).collect();
        for p in diesel::sql_query(PARTITION_SQL).load::<PartitionRow>(conn)? {
            let state = match (p.method.as_str(), p.repmodel.as_str()) {
                ("h", _) => State::Distributed(p.colocationid),
                ("n", "t") => State::Reference,
                _ => State::Other,
            };
            states.insert(p.name, state);
        }
        Ok(Catalogue {
            tables,
            with_client_id,
            nullable_client_id,
            states,
            constraints: diesel::sql_query(CONSTRAINTS_SQL).load(conn)?,
            triggers: diesel::sql_query(TRIGGERS_SQL).load(conn)?,
        })
    }

    fn state(&self, table: &str) -> State {
        self.states.get(table).copied().unwrap_or(State::Local)
    }
}

/// Refuses, with what to do, unless `conn` is a Citus coordinator. Returns the Citus version
/// and the number of active primary workers.
fn require_coordinator(conn: &mut PgConnection) -> Result<(String, i64)> {
    let installed = diesel::sql_query(
        "SELECT extversion::text AS value FROM pg_extension WHERE extname = 'citus'",
    )
    .get_result::<TextRow>(conn)
    .optional()?;
    if installed.is_none() {
        let available = diesel::sql_query(
            "SELECT count(*) AS count FROM pg_available_extensions WHERE name = 'citus'",
        )
        .get_result::<CountRow>(conn)?
        .count
            > 0;
        let message = if available {
            "the citus extension is not created in this database: on the coordinator (a server \
             with shared_preload_libraries = 'citus') run CREATE EXTENSION citus, \
             citus_set_coordinator_host(...) and citus_add_node(...) for each worker first"
        } else {
            "this server has no Citus (the citus extension is not available): distribute runs on \
             a Citus coordinator; install Citus (../shared/citus/install.sh builds 13.2.2 for \
             PostgreSQL 15) and start the server with shared_preload_libraries = 'citus'"
        };
        return Err(Error::Distribution {
            message: message.into(),
        });
    }
    let is_coordinator = diesel::sql_query(
        "SELECT CASE WHEN citus_is_coordinator() THEN 'yes' ELSE 'no' END AS value",
    )
    .get_result::<TextRow>(conn)?
    .value
        == "yes";
    if !is_coordinator {
        return Err(Error::Distribution {
            message: "this is not the Citus coordinator (a worker, or a server whose coordinator \
                      is not registered): connect to the coordinator, or register it with \
                      citus_set_coordinator_host(...)"
                .into(),
        });
    }
    let version = diesel::sql_query("SELECT citus_version()::text AS value")
        .get_result::<TextRow>(conn)?
        .value;
    let version = version.split(" on ").next().unwrap_or(&version).to_owned();
    let workers = diesel::sql_query(
        "SELECT count(*) AS count FROM pg_dist_node \
         WHERE isactive AND noderole = 'primary' AND groupid <> 0",
    )
    .get_result::<CountRow>(conn)?
    .count;
    Ok((version, workers))
}

/// The plan for one call: what to do, what is done, what is blocked.
struct Plan {
    distribute: Vec<String>,
    reference: Vec<String>,
    already: Vec<String>,
    blocked: Vec<Blocked>,
    local: Vec<String>,
    /// Foreign keys from tables being distributed to tables becoming reference tables:
    /// (table, constraint, definition), re-created after the conversion.
    deferred_foreign_keys: Vec<(String, String, String)>,
}

fn plan(cat: &Catalogue) -> Plan {
    let distributed: BTreeSet<&str> = DISTRIBUTED_TABLES.iter().copied().collect();
    let reference: BTreeSet<&str> = REFERENCE_TABLES.iter().copied().collect();
    let mut reasons: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut already = Vec::new();
    let anchor = match cat.state(COLOCATION_ANCHOR) {
        State::Distributed(group) => Some(group),
        _ => None,
    };
    let foreign_keys = || cat.constraints.iter().filter(|c| c.kind == "f");

    // 1. Reference tables, on their own: existence, state, triggers, foreign keys out.
    let mut reference_candidates = BTreeSet::new();
    for &table in REFERENCE_TABLES {
        let why = reasons.entry(table).or_default();
        if !cat.tables.contains(table) {
            why.push("does not exist: run the crate's migrations first".into());
            continue;
        }
        match cat.state(table) {
            State::Reference => {
                already.push(table.to_owned());
                continue;
            }
            State::Local => {}
            State::Distributed(_) | State::Other => {
                why.push(
                    "already a Citus table of another kind: undistribute_table() it first".into(),
                );
                continue;
            }
        }
        for t in cat.triggers.iter().filter(|t| t.table_name == table) {
            if t.row_level && t.name == UPDATED_AT_TRIGGER {
                // Accepted: each copy's updated_at comes from its own node's now() (module docs).
                continue;
            }
            if !t.row_level {
                why.push(format!(
                    "statement trigger {} would run on every node's copy, where tables local \
                     to the coordinator do not exist",
                    t.name
                ));
            } else {
                why.push(format!(
                    "row trigger {} would run on every node's copy and give each its own value \
                     (updated_at = now() differs by microseconds between copies): set such \
                     columns in the statement instead (SCALING.md)",
                    t.name
                ));
            }
        }
        for c in foreign_keys().filter(|c| c.table_name == table) {
            let target = c.referenced.as_deref().unwrap_or("?");
            if !reference.contains(target) {
                why.push(format!(
                    "FOREIGN KEY {} references {target}, which is not a reference table",
                    c.name
                ));
            }
        }
        if why.is_empty() {
            reference_candidates.insert(table);
        }
    }
    let is_or_becomes_reference =
        |t: &str| cat.state(t) == State::Reference || reference_candidates.contains(t);

    // 2. The customers group.
    let mut to_distribute = Vec::new();
    for &table in DISTRIBUTED_TABLES {
        let why = reasons.entry(table).or_default();
        if !cat.tables.contains(table) {
            why.push("does not exist: run the crate's migrations first".into());
            continue;
        }
        match cat.state(table) {
            State::Distributed(group) if Some(group) == anchor => {
                already.push(table.to_owned());
                continue;
            }
            State::Local => {}
            State::Distributed(_) => {
                why.push(format!(
                    "already distributed, but not co-located with {COLOCATION_ANCHOR}: \
                     undistribute_table('{table}') it first"
                ));
                continue;
            }
            State::Reference | State::Other => {
                why.push(
                    "already a Citus table of another kind (reference or Citus local table): \
                     undistribute_table() it first"
                        .into(),
                );
                continue;
            }
        }
        to_distribute.push(table);
        if !cat.with_client_id.contains(table) {
            why.push(
                "has no client_id column to distribute by: it needs client_id filled from its \
                 parent and kept equal to it (SCALING.md)"
                    .into(),
            );
        } else if cat.nullable_client_id.contains(table) {
            why.push(
                "client_id may be NULL, and Citus rejects a row without a distribution value \
                 (sentiment_analysis: portfolio-wide rows have none): such rows need a table \
                 of their own, then client_id NOT NULL (SCALING.md)"
                    .into(),
            );
        }
        for c in cat.constraints.iter().filter(|c| c.table_name == table) {
            // pg_get_constraintdef names the kind: "customers_pkey PRIMARY KEY (id)".
            if matches!(c.kind.as_str(), "p" | "u" | "x") && !c.has_client_id {
                why.push(format!(
                    "{} {} does not include client_id (Citus requires every PRIMARY KEY and \
                     UNIQUE constraint of a distributed table to include it)",
                    c.name, c.definition
                ));
            }
        }
        for c in foreign_keys().filter(|c| c.table_name == table) {
            let target = c.referenced.as_deref().unwrap_or("?");
            if distributed.contains(target) {
                if !c.pairs_client_id {
                    why.push(format!(
                        "FOREIGN KEY {} {} does not pair client_id with {target}.client_id \
                         (foreign keys between distributed tables must include the \
                         distribution column)",
                        c.name, c.definition
                    ));
                }
            } else if reference.contains(target) {
                if !is_or_becomes_reference(target) {
                    why.push(format!(
                        "FOREIGN KEY {} references {target}, which cannot become a reference \
                         table yet (see {target})",
                        c.name
                    ));
                }
            } else {
                why.push(format!(
                    "FOREIGN KEY {} references {target}, which is neither distributed nor a \
                     reference table in the plan",
                    c.name
                ));
            }
        }
        for t in cat
            .triggers
            .iter()
            .filter(|t| t.table_name == table && !t.row_level)
        {
            if t.transition {
                why.push(format!(
                    "statement trigger {} uses transition tables, which Citus cannot hand to \
                     the queries its function runs on the shards (\"executor could not find \
                     named tuplestore\"): it needs a row-level equivalent (SCALING.md)",
                    t.name
                ));
            } else {
                why.push(format!(
                    "statement trigger {} would run once per shard on the workers, where tables \
                     local to the coordinator do not exist: it needs a row-level equivalent or \
                     to go (SCALING.md)",
                    t.name
                ));
            }
        }
    }
    // All or nothing: a table of the group distributed without the others would leave foreign
    // keys between local and distributed tables.
    let group_blocked: Vec<&str> = DISTRIBUTED_TABLES
        .iter()
        .copied()
        .filter(|t| reasons.get(t).is_some_and(|r| !r.is_empty()))
        .collect();
    if !group_blocked.is_empty() {
        for &table in &to_distribute {
            let why = reasons.entry(table).or_default();
            if why.is_empty() {
                why.push(format!(
                    "ready, but distributed only together with the rest of the \
                     {COLOCATION_ANCHOR} group, and these are blocked: {}",
                    group_blocked.join(", ")
                ));
            }
        }
        to_distribute.clear();
    }

    // 3. Reference tables again: referenced from a table that stays local, a table cannot
    // become a reference table without Citus converting the whole foreign-key graph.
    let mut to_reference = Vec::new();
    let mut deferred_foreign_keys = Vec::new();
    for &table in REFERENCE_TABLES {
        if !reference_candidates.contains(table) {
            continue;
        }
        let mut deferred = Vec::new();
        let mut why = Vec::new();
        for c in foreign_keys().filter(|c| c.referenced.as_deref() == Some(table)) {
            let from = c.table_name.as_str();
            if from == table || reference.contains(from) {
                continue;
            }
            if to_distribute.contains(&from) {
                deferred.push((c.table_name.clone(), c.name.clone(), c.definition.clone()));
            } else if !matches!(cat.state(from), State::Distributed(_)) {
                why.push(format!(
                    "referenced by {from}.{} while {from} stays local: Citus would turn every \
                     table connected to it by foreign keys into a Citus local table",
                    c.name
                ));
            }
        }
        if why.is_empty() {
            to_reference.push(table.to_owned());
            deferred_foreign_keys.extend(deferred);
        } else {
            reasons.entry(table).or_default().extend(why);
        }
    }

    let blocked = DISTRIBUTED_TABLES
        .iter()
        .chain(REFERENCE_TABLES)
        .filter_map(|&t| {
            let why = reasons.remove(t)?;
            (!why.is_empty()).then(|| Blocked {
                table: t.to_owned(),
                reasons: why,
            })
        })
        .collect();
    let local = cat
        .tables
        .iter()
        .filter(|t| !distributed.contains(t.as_str()) && !reference.contains(t.as_str()))
        .cloned()
        .collect();
    Plan {
        distribute: to_distribute.into_iter().map(str::to_owned).collect(),
        reference: to_reference,
        already,
        blocked,
        local,
        deferred_foreign_keys,
    }
}

fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// What [`distribute`] would do on this coordinator, without changing anything: the report it
/// would return, with the tables it would convert listed as `distributed` / `reference`.
///
/// # Errors
///
/// [`Error::Distribution`] when the database is not on a Citus coordinator; [`Error::Database`]
/// when the catalogue cannot be read.
pub fn check(conn: &mut PgConnection) -> Result<DistributionReport> {
    let (citus_version, workers) = require_coordinator(conn)?;
    // What distribute would plan is what it finds after preparing the schema, so prepare in a
    // transaction that is rolled back.
    let mut found = None;
    let outcome = conn.transaction::<(), Error, _>(|conn| {
        let prepared = prepare(conn)?;
        found = Some((prepared, plan(&Catalogue::read(conn)?)));
        Err(diesel::result::Error::RollbackTransaction.into())
    });
    let (prepared, plan) = match (outcome, found) {
        (
            Err(Error::Database {
                source: diesel::result::Error::RollbackTransaction,
            }),
            Some(found),
        ) => found,
        (Err(e), _) => return Err(e),
        (Ok(()), _) => {
            return Err(Error::Distribution {
                message: "the check's transaction did not roll back as planned".into(),
            })
        }
    };
    Ok(DistributionReport {
        citus_version,
        workers,
        distributed: plan.distribute,
        reference: plan.reference,
        already: plan.already,
        blocked: plan.blocked,
        local: plan.local,
        prepared,
    })
}

/// Runs the schema's `csdb_prepare_for_citus()` when it has one (schema v2; older schemas are
/// reported as blocked by the plan instead); returns what it changed.
fn prepare(conn: &mut PgConnection) -> Result<Vec<String>> {
    let has = diesel::sql_query(
        "SELECT count(*) AS count FROM pg_proc \
         WHERE proname = 'csdb_prepare_for_citus' AND pronamespace = current_schema()::regnamespace",
    )
    .get_result::<CountRow>(conn)?
    .count
        > 0;
    if !has {
        return Ok(Vec::new());
    }
    Ok(
        diesel::sql_query("SELECT unnest(csdb_prepare_for_citus()) AS value")
            .load::<TextRow>(conn)?
            .into_iter()
            .map(|r| r.value)
            .collect(),
    )
}

/// Distributes the crate's tables on a Citus coordinator: the [`DISTRIBUTED_TABLES`] by
/// `client_id` co-located with `customers` (all of them or, if any is blocked, none), the
/// [`REFERENCE_TABLES`] as reference tables (each one that is ready). Idempotent; everything in
/// one transaction. See the module documentation for what is checked.
///
/// The shard count is the coordinator's `citus.shard_count` (32 by default).
///
/// # Errors
///
/// [`Error::Distribution`] when the database is not on a Citus coordinator (no `citus`
/// extension, or a worker); [`Error::Database`] when Citus refuses a conversion the checks did
/// not foresee (nothing is changed then).
pub fn distribute(conn: &mut PgConnection) -> Result<DistributionReport> {
    let (citus_version, workers) = require_coordinator(conn)?;
    conn.transaction(|conn| {
        // Read under the transaction: what is checked is what is converted (Citus's own
        // conversions take the locks they need).
        let prepared = prepare(conn)?;
        let plan = plan(&Catalogue::read(conn)?);
        if !plan.distribute.is_empty() || !plan.reference.is_empty() {
            diesel::sql_query("SET LOCAL citus.multi_shard_modify_mode = 'sequential'")
                .execute(conn)?;
            diesel::sql_query("SET LOCAL citus.enable_unsafe_triggers = on").execute(conn)?;
        }
        for (table, name, _) in &plan.deferred_foreign_keys {
            diesel::sql_query(format!(
                "ALTER TABLE {} DROP CONSTRAINT {}",
                quote_ident(table),
                quote_ident(name)
            ))
            .execute(conn)?;
        }
        for table in &plan.distribute {
            let sql = if table == COLOCATION_ANCHOR {
                format!(
                    "SELECT create_distributed_table({}, 'client_id')::text AS value",
                    quote_literal(table)
                )
            } else {
                format!(
                    "SELECT create_distributed_table({}, 'client_id', colocate_with => {})::text \
                     AS value",
                    quote_literal(table),
                    quote_literal(COLOCATION_ANCHOR)
                )
            };
            diesel::sql_query(sql).load::<TextRow>(conn)?;
        }
        for table in &plan.reference {
            diesel::sql_query(format!(
                "SELECT create_reference_table({})::text AS value",
                quote_literal(table)
            ))
            .load::<TextRow>(conn)?;
        }
        for (table, name, definition) in &plan.deferred_foreign_keys {
            diesel::sql_query(format!(
                "ALTER TABLE {} ADD CONSTRAINT {} {definition}",
                quote_ident(table),
                quote_ident(name)
            ))
            .execute(conn)?;
        }
        Ok(DistributionReport {
            citus_version,
            workers,
            distributed: plan.distribute,
            reference: plan.reference,
            already: plan.already,
            blocked: plan.blocked,
            local: plan.local,
            prepared,
        })
    })
}
