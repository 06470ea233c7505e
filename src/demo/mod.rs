//! Deterministic demo data: a seeded generator that fills all 25 tables consistently for any
//! number of customers, and a bulk loader (PostgreSQL `COPY` or chunked multi-row `INSERT`).
//!
//! ```no_run
//! use customer_success_db::demo::{self, DemoConfig};
//! # fn run(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
//! let config = DemoConfig { customers: 10_000, ..DemoConfig::default() };
//! let report = demo::load(conn, &config, &mut |p| {
//!     eprint!("\r{:>5.1}% {:<24} {:>9} rows", p.fraction() * 100.0, p.table, p.rows_loaded);
//! })?;
//! println!("\n{report}");
//! # Ok(()) }
//! ```
//!
//! # Determinism
//!
//! The same [`DemoConfig`] (seed, size, history length and anchor date) always produces the
//! same rows, byte for byte, on every platform: the generator uses its own PRNG (no `rand`,
//! whose `StdRng` is not value-stable), only integer arithmetic and exactly rounded float
//! operations (`+ - * /`, `round`; no `ln`/`exp`/`cos`, whose last bit varies between math
//! libraries), and every timestamp is derived from [`DemoConfig::today`] instead of the clock,
//! including the `created_at`/`updated_at` columns that would otherwise default to `now()`. Every
//! customer draws from its own random stream, so the batch size of the streaming loader does
//! not change the data either. Loaded into an empty database, two loads of one config give
//! identical tables including the identity `id`s, whichever [`LoadMethod`] is used.
//!
//! # What is generated
//!
//! Per customer (business key `cust-000001`, `cust-000002`, …):
//!
//! | table | rows per customer | shape |
//! |---|---|---|
//! | `customers` | 1 | tier starter 40% / standard 30% / professional 20% / enterprise 10%; status active 80% / paused 7% / pending 5% / churned 8%; lifecycle stage follows status (≈59% active, 14% onboarding, 9% renewal, 8.5% churned, 5.5% at risk, 4.5% expansion); health ≈ normal(70, 15), trend correlated; 50 CSMs (≈2.5% unassigned); contract value by tier; renewal date `today − 30 … today + 365` |
//! | `health_scores` | 1–3 | history ending at the customer's health score |
//! | `risk_indicators` | 0–3 | more and more severe when health is low |
//! | `churn_predictions` | 1 | probability falls as health rises; level `< .25` low, `< .5` medium, `< .75` high, else critical (high + critical ≈ 12.5%) |
//! | `onboarding_plans` / `onboarding_milestones` | 1 / 3–6 | status follows the timeline |
//! | `training_completions` | 0–4 (≈2) | of the ~20 global modules |
//! | `support_tickets` / `ticket_comments` | 0–8 (≈3.5) / 0–4 each (≈1.8) | priority P0 2%, P1 8%, P2 30%, P3 40%, P4 20%; ≈20% open or in progress, of which ≈7% have a breached first-response SLA and ≈10% an at-risk resolution SLA |
//! | `contracts` | 1–2 | the current term (value = `customers.contract_value`) and sometimes the previous one |
//! | `renewal_forecasts` | 1 | `days_until_renewal` −30…365; mostly on track, ≈15% at risk, ≈4% high risk |
//! | `expansion_opportunities` | 0–2 | more for healthy customers |
//! | `customer_feedback` | 0–3 | sentiment follows health |
//! | `nps_responses` | 1–3 | skewed to 7–10, lower for unhealthy customers |
//! | `health_metrics`, `engagement_metrics`, `usage_analytics` | one per month of [`DemoConfig::months_of_history`] | the complete months before `today`, from the month the customer started |
//!
//! Global tables: 20 `training_modules`, 30 `knowledge_base_articles`, 6 `survey_templates`,
//! 8 `customer_segments` and 4 `renewal_campaigns` (their counts and ARR are the real
//! aggregates of the generated customers), 10 quarterly `cohort_analysis` rows and 12 monthly
//! `sentiment_analysis` rows (aggregated from the generated feedback, NPS and CSAT).
//!
//! All CHECK constraints hold, every foreign key (declared or implied, such as
//! `renewal_forecasts.contract_id`) points at an existing row, and every business key is unique
//! and derived from the customer number (`tkt-000042-03`, `plan-000042`, …), so the keys are the
//! same for every seed: load into an empty database.
//!
//! # Loading
//!
//! [`load`] streams: it generates and loads [`DemoConfig::batch_customers`] customers at a time
//! (memory stays flat, about 80 MB of rows per batch at the default batch size, two batches at
//! once, whatever the number of customers), table by table in foreign-key order, all inside one
//! transaction, and runs `ANALYZE` on the 25 tables afterwards so the planner's statistics
//! match the new data. A second thread generates the next batch while the current one is
//! written, so generation costs almost nothing end to end on a machine with two cores: the
//! load is bound by the server (index maintenance, foreign-key checks, `ANALYZE`; see
//! BENCHMARKS.md).
//! [`LoadMethod::Copy`] (the default, the faster one) uses binary `COPY … FROM STDIN` through
//! Diesel's `copy_from`; [`LoadMethod::Insert`] uses [`Crud::insert_many`].

mod copy;
mod gen;
mod rng;
mod text;

use std::fmt;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use serde::Serialize;

use crate::crud::Crud;
use crate::models::*;

/// Calls `$m!` with the 25 tables as `table: NewRow => Row` in loading (foreign-key) order:
/// parents before children, the tables aggregated from customers last.
macro_rules! for_each_table {
    ($m:ident) => {
        $m! {
            customers: NewCustomer => Customer,
            training_modules: NewTrainingModule => TrainingModule,
            knowledge_base_articles: NewKnowledgeBaseArticle => KnowledgeBaseArticle,
            survey_templates: NewSurveyTemplate => SurveyTemplate,
            health_scores: NewHealthScoreRecord => HealthScoreRecord,
            risk_indicators: NewRiskIndicator => RiskIndicator,
            churn_predictions: NewChurnPrediction => ChurnPrediction,
            onboarding_plans: NewOnboardingPlan => OnboardingPlan,
            onboarding_milestones: NewOnboardingMilestone => OnboardingMilestone,
            training_completions: NewTrainingCompletion => TrainingCompletion,
            support_tickets: NewSupportTicket => SupportTicket,
            ticket_comments: NewTicketComment => TicketComment,
            contracts: NewContract => Contract,
            renewal_forecasts: NewRenewalForecast => RenewalForecast,
            expansion_opportunities: NewExpansionOpportunity => ExpansionOpportunity,
            customer_feedback: NewCustomerFeedback => CustomerFeedback,
            nps_responses: NewNpsResponse => NpsResponse,
            health_metrics: NewHealthMetric => HealthMetric,
            engagement_metrics: NewEngagementMetric => EngagementMetric,
            usage_analytics: NewUsageAnalytics => UsageAnalytics,
            customer_segments: NewCustomerSegment => CustomerSegment,
            renewal_campaigns: NewRenewalCampaign => RenewalCampaign,
            cohort_analysis: NewCohortAnalysis => CohortAnalysis,
            sentiment_analysis: NewSentimentAnalysis => SentimentAnalysis,
            portfolio_sentiment_analysis: NewPortfolioSentimentAnalysis => PortfolioSentimentAnalysis,
        }
    };
}

/// How [`load`] writes rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum LoadMethod {
    /// Binary `COPY <table> (<columns>) FROM STDIN` per table and batch, via Diesel's
    /// `copy_from(..).from_insertable(..)`. The faster method, hence the default: about 2× the
    /// rows per second of `Insert` end to end and 2.5–3× for the writing alone (measured with
    /// 1,000 to 100,000 customers by `tests/demo.rs`'s `measure_load_methods`). Needs every
    /// column given explicitly, which the generator does.
    #[default]
    Copy,
    /// Multi-row `INSERT` statements as large as the bind-parameter limit allows, via
    /// [`Crud::insert_many`].
    Insert,
}

impl fmt::Display for LoadMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            LoadMethod::Copy => "COPY",
            LoadMethod::Insert => "INSERT",
        })
    }
}

/// What to generate and how to load it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoConfig {
    /// Number of customers; every per-customer table scales with it (about 43 rows per
    /// customer with the default 6 months of history).
    pub customers: usize,
    /// Seed of the random streams. Same seed and config, same rows.
    pub seed: u64,
    /// Length of the monthly analytics time series (`health_metrics`, `engagement_metrics`,
    /// `usage_analytics`): the complete calendar months before [`today`](Self::today).
    /// Default 6.
    pub months_of_history: u32,
    /// The date the data is "as of": renewal dates, ages and every timestamp are relative to
    /// it, and [`time_of_day`](Self::time_of_day) of this day (UTC) is "now". Default
    /// [`DemoConfig::DEFAULT_TODAY`], fixed so that the output does not depend on the clock;
    /// use [`DemoConfig::as_of`] with the current time when queries compare against
    /// `CURRENT_DATE`/`now()` (the SLA and renewal dashboards do).
    pub today: NaiveDate,
    /// The time (UTC) of [`today`](Self::today) that the generated data treats as "now": no
    /// timestamp is later, open tickets' ages count up to it. Default 12:00.
    pub time_of_day: NaiveTime,
    /// COPY or INSERT (only used by [`load`]).
    pub method: LoadMethod,
    /// Customers generated and loaded per batch by [`load`]; bounds memory use. Does not
    /// change the generated rows. Default 1000.
    pub batch_customers: usize,
}

impl DemoConfig {
    /// The default anchor date, 2026-01-15.
    pub const DEFAULT_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 1, 15) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };

    /// The default configuration, as of `now`: its date is [`today`](Self::today), its time
    /// [`time_of_day`](Self::time_of_day). With `chrono::Utc::now()` the data looks current to
    /// the dashboards: nothing is in the future, and a ticket opened "2 hours ago" was opened two
    /// hours before the call.
    ///
    /// ```
    /// use customer_success_db::{chrono::Utc, demo::DemoConfig};
    /// let config = DemoConfig { customers: 500, ..DemoConfig::as_of(Utc::now()) };
    /// assert_eq!(config.today, Utc::now().date_naive());
    /// ```
    pub fn as_of(now: DateTime<Utc>) -> Self {
        DemoConfig {
            today: now.date_naive(),
            time_of_day: now.time(),
            ..DemoConfig::default()
        }
    }

    /// "Now" for the generated data: [`today`](Self::today) at
    /// [`time_of_day`](Self::time_of_day), UTC.
    pub fn now(&self) -> DateTime<Utc> {
        self.today.and_time(self.time_of_day).and_utc()
    }

    /// The default [`time_of_day`](Self::time_of_day), noon UTC.
    pub const DEFAULT_TIME_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    };

    /// The default configuration with `customers` customers and `seed`.
    pub fn new(customers: usize, seed: u64) -> Self {
        DemoConfig {
            customers,
            seed,
            ..DemoConfig::default()
        }
    }
}

impl Default for DemoConfig {
    /// 1000 customers, seed 42, 6 months of history, as of noon UTC of
    /// [`DemoConfig::DEFAULT_TODAY`], loaded with [`LoadMethod::default`] in batches of 1000 customers.
    fn default() -> Self {
        DemoConfig {
            customers: 1000,
            seed: 42,
            months_of_history: 6,
            today: Self::DEFAULT_TODAY,
            time_of_day: Self::DEFAULT_TIME_OF_DAY,
            method: LoadMethod::default(),
            batch_customers: 1000,
        }
    }
}

macro_rules! define_demo_data {
    ($($table:ident: $new:ident => $row:ident,)+) => {
        /// Generated rows of all 25 tables, one `Vec` of insert structs per table. Every
        /// column is set explicitly (no `None` that would mean "database default"), so the
        /// rows are complete for COPY and do not depend on the clock.
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        pub struct DemoData {
            $(
                #[doc = concat!("Rows of `", stringify!($table), "`.")]
                pub $table: Vec<$new>,
            )+
        }

        impl DemoData {
            /// Table names in loading (foreign-key) order.
            pub const TABLES: [&'static str; 25] = [$(stringify!($table)),+];

            /// `(table, rows)` for all 25 tables, in loading order.
            pub fn row_counts(&self) -> Vec<(&'static str, usize)> {
                vec![$((stringify!($table), self.$table.len())),+]
            }

            /// Total number of rows.
            pub fn total_rows(&self) -> usize {
                0 $(+ self.$table.len())+
            }

            /// Moves all rows of `other` to the end of `self`'s tables.
            pub fn append(&mut self, other: &mut DemoData) {
                $(self.$table.append(&mut other.$table);)+
            }
        }

        /// Loads one part of the stream, table by table in foreign-key order.
        fn load_part(
            conn: &mut PgConnection,
            data: &DemoData,
            method: LoadMethod,
            state: &mut LoadState,
            progress: &mut dyn FnMut(Progress),
        ) -> crate::Result<()> {
            let mut slot = 0usize;
            $(
                if !data.$table.is_empty() {
                    let n = match method {
                        LoadMethod::Copy => copy::$table(conn, &data.$table)?,
                        LoadMethod::Insert => <$row as Crud>::insert_many(conn, &data.$table)?,
                    };
                    state.record(slot, stringify!($table), n, progress);
                }
                slot += 1;
            )+
            let _ = slot;
            Ok(())
        }
    };
}

for_each_table!(define_demo_data);

/// Progress of [`load`], reported after every table of every batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The table just written to.
    pub table: &'static str,
    /// Rows of [`table`](Self::table) loaded so far (all batches).
    pub table_rows: usize,
    /// Rows loaded so far over all tables.
    pub rows_loaded: usize,
    /// Customers whose rows are loaded (the global tables count as done with the last
    /// customer).
    pub customers_done: usize,
    /// Customers to load in total ([`DemoConfig::customers`]).
    pub customers_total: usize,
}

impl Progress {
    /// Completed share in `0.0..=1.0`, by customers: the row total is not known before the
    /// data is generated, but rows per customer vary little.
    pub fn fraction(&self) -> f64 {
        if self.customers_total == 0 {
            1.0
        } else {
            self.customers_done as f64 / self.customers_total as f64
        }
    }
}

/// What [`load`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadReport {
    /// `(table, rows inserted)` for all 25 tables, in loading order.
    pub rows_per_table: Vec<(&'static str, usize)>,
    /// Sum of [`rows_per_table`](Self::rows_per_table).
    pub total_rows: usize,
    /// Wall time of the whole [`load`]: generation, writing, commit and `ANALYZE`.
    pub elapsed: Duration,
    /// Time the generator thread spent generating rows in memory. It runs beside the writer,
    /// so this overlaps [`elapsed`](Self::elapsed) rather than being a share of it.
    pub generate_elapsed: Duration,
    /// Of [`elapsed`](Self::elapsed), the time the writer waited for the generator (the part
    /// of generation that did not overlap writing).
    pub generate_wait: Duration,
    /// Of [`elapsed`](Self::elapsed), the time spent in `ANALYZE`.
    pub analyze_elapsed: Duration,
    /// `total_rows / elapsed`, end to end.
    pub rows_per_second: f64,
    /// The method used.
    pub method: LoadMethod,
}

impl LoadReport {
    /// Rows of `table` (0 for an unknown name).
    pub fn rows(&self, table: &str) -> usize {
        self.rows_per_table
            .iter()
            .find(|(t, _)| *t == table)
            .map_or(0, |&(_, n)| n)
    }
}

impl fmt::Display for LoadReport {
    /// A one-line summary, e.g.
    /// `COPY: 54321 rows in 2.10 s (25867 rows/s; generate 0.40 s, waited 0.05 s, ANALYZE 0.20 s)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} rows in {:.2} s ({:.0} rows/s; generate {:.2} s, waited {:.2} s, ANALYZE {:.2} s)",
            self.method,
            self.total_rows,
            self.elapsed.as_secs_f64(),
            self.rows_per_second,
            self.generate_elapsed.as_secs_f64(),
            self.generate_wait.as_secs_f64(),
            self.analyze_elapsed.as_secs_f64(),
        )
    }
}

/// Running totals of [`load`].
struct LoadState {
    per_table: [usize; DemoData::TABLES.len()],
    total: usize,
    customers_done: usize,
    customers_total: usize,
}

impl LoadState {
    fn record(
        &mut self,
        slot: usize,
        table: &'static str,
        n: usize,
        progress: &mut dyn FnMut(Progress),
    ) {
        if let Some(count) = self.per_table.get_mut(slot) {
            *count += n;
            self.total += n;
            progress(Progress {
                table,
                table_rows: *count,
                rows_loaded: self.total,
                customers_done: self.customers_done,
                customers_total: self.customers_total,
            });
        }
    }
}

/// The generated data in parts: first the global catalogue tables (training modules,
/// knowledge base, survey templates), then one part per batch of customers with all their
/// rows, then the tables aggregated over all customers (segments, campaigns, cohorts,
/// sentiment). Concatenated, the parts equal [`generate`]'s result whatever the batch size.
#[derive(Debug)]
pub struct DemoBatches {
    gen: gen::Generator,
    batch: usize,
    stage: Stage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Head,
    Customers,
    Tail,
    Done,
}

impl DemoBatches {
    /// Customers generated so far.
    pub fn customers_done(&self) -> usize {
        self.gen.customers_done()
    }
}

impl Iterator for DemoBatches {
    type Item = DemoData;

    fn next(&mut self) -> Option<DemoData> {
        loop {
            match self.stage {
                Stage::Head => {
                    self.stage = Stage::Customers;
                    return Some(self.gen.head());
                }
                Stage::Customers => match self.gen.next_batch(self.batch) {
                    Some(part) => return Some(part),
                    None => self.stage = Stage::Tail,
                },
                Stage::Tail => {
                    self.stage = Stage::Done;
                    return Some(self.gen.tail());
                }
                Stage::Done => return None,
            }
        }
    }
}

/// The demo data of `config` in parts of at most [`DemoConfig::batch_customers`] customers
/// (at least 1), for streaming; see [`DemoBatches`].
pub fn batches(config: &DemoConfig) -> DemoBatches {
    DemoBatches {
        gen: gen::Generator::new(config),
        batch: config.batch_customers.max(1),
        stage: Stage::Head,
    }
}

/// All demo data of `config` in memory. Deterministic: the same config gives equal data.
///
/// Needs roughly 2 KB of memory per row, about 80 MB per 1000 customers (the JSON columns
/// dominate); for large configs prefer [`load`] or [`batches`], which stream.
pub fn generate(config: &DemoConfig) -> DemoData {
    let mut all = DemoData::default();
    for mut part in batches(config) {
        all.append(&mut part);
    }
    all
}

/// Generates the demo data of `config` and loads it into the (empty, migrated) database
/// behind `conn` in one transaction, batch by batch, with [`DemoConfig::method`]; then runs
/// `ANALYZE` on the 25 tables. `progress` is called after every table of every batch.
///
/// Generation and writing overlap: a second thread generates the next batch while this one
/// writes the current one (on two cores the generator costs almost nothing end to end; one
/// batch of lookahead, so memory stays at about two batches). The transaction commits with
/// `synchronous_commit = off` (`SET LOCAL`, this transaction only): a server crash right after
/// the commit could lose the load, never corrupt the database, and the load does not wait
/// for its WAL to reach disk. Every constraint, foreign key and trigger stays in force.
///
/// # Errors
/// Any database error, e.g. [`crate::Error::UniqueViolation`] when the database already holds
/// demo rows with the same keys. Nothing is left behind on error (the transaction rolls back).
pub fn load(
    conn: &mut PgConnection,
    config: &DemoConfig,
    progress: &mut dyn FnMut(Progress),
) -> crate::Result<LoadReport> {
    let started = Instant::now();
    let mut state = LoadState {
        per_table: [0; DemoData::TABLES.len()],
        total: 0,
        customers_done: 0,
        customers_total: config.customers,
    };
    let mut generate_elapsed = Duration::ZERO;
    let mut generate_wait = Duration::ZERO;
    std::thread::scope(|scope| -> crate::Result<()> {
        // A rendezvous channel: the generator hands over a finished batch only when the writer
        // asks for the next one, so at most one batch waits besides the one being written.
        let (parts_tx, parts_rx) = std::sync::mpsc::sync_channel::<Part>(0);
        let generator = scope.spawn(move || {
            let mut parts = batches(config);
            loop {
                let generating = Instant::now();
                let Some(data) = parts.next() else { break };
                let part = Part {
                    data,
                    customers_done: parts.customers_done(),
                    generated_in: generating.elapsed(),
                };
                // The writer hung up (a database error): stop generating.
                if parts_tx.send(part).is_err() {
                    break;
                }
            }
        });
        let written = conn.transaction::<_, crate::Error, _>(|conn| {
            conn.batch_execute("SET LOCAL synchronous_commit = off")?;
            // On a Citus coordinator the load writes reference tables (the catalogues and the
            // cross-customer analyses) after distributed ones in one transaction, which Citus
            // allows only when the distributed writes used one connection per node (the demo's
            // second batch would fail otherwise). Elsewhere this sets a placeholder setting
            // nothing reads.
            conn.batch_execute("SET LOCAL citus.multi_shard_modify_mode = 'sequential'")?;
            loop {
                let waiting = Instant::now();
                let Ok(part) = parts_rx.recv() else { break };
                generate_wait += waiting.elapsed();
                generate_elapsed += part.generated_in;
                state.customers_done = part.customers_done;
                log::debug!(
                    "demo: loading {} rows ({} of {} customers)",
                    part.data.total_rows(),
                    state.customers_done,
                    config.customers
                );
                load_part(conn, &part.data, config.method, &mut state, progress)?;
            }
            Ok(())
        });
        // Dropping the receiver ends a generator still waiting to hand over a batch.
        drop(parts_rx);
        if let Err(panic) = generator.join() {
            // A panic in the generator is a bug, not a database condition: let it surface.
            std::panic::resume_unwind(panic);
        }
        written
    })?;

    // After the commit, so the statistics describe the committed rows; the dashboards' plans
    // (index or sequential scan) depend on them.
    let analyzing = Instant::now();
    // One statement per table: on a Citus coordinator, one ANALYZE of several tables is one
    // transaction that reaches the shards over parallel connections, after which Citus refuses
    // to touch a reference table that distributed tables reference.
    for table in DemoData::TABLES {
        conn.batch_execute(&format!("ANALYZE {table}"))?;
    }
    let analyze_elapsed = analyzing.elapsed();

    let elapsed = started.elapsed();
    let rows_per_table = DemoData::TABLES
        .iter()
        .zip(state.per_table)
        .map(|(&t, n)| (t, n))
        .collect();
    Ok(LoadReport {
        rows_per_table,
        total_rows: state.total,
        elapsed,
        generate_elapsed,
        generate_wait,
        analyze_elapsed,
        rows_per_second: state.total as f64 / elapsed.as_secs_f64().max(1e-9),
        method: config.method,
    })
}

/// One generated batch on its way from the generator thread to the writer.
struct Part {
    data: DemoData,
    customers_done: usize,
    generated_in: Duration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_today_is_the_documented_date() {
        assert_eq!(DemoConfig::DEFAULT_TODAY.to_string(), "2026-01-15");
    }

    #[test]
    fn degenerate_configs_work() {
        let none = generate(&DemoConfig {
            customers: 0,
            months_of_history: 0,
            batch_customers: 0,
            ..DemoConfig::default()
        });
        assert!(none.customers.is_empty() && none.health_metrics.is_empty());
        assert_eq!(none.training_modules.len(), 20);
        assert_eq!(none.customer_segments.len(), 8);
        let one_month = generate(&DemoConfig {
            customers: 3,
            months_of_history: 1,
            ..DemoConfig::default()
        });
        assert!(one_month.usage_analytics.len() <= 3);
    }

    #[test]
    fn batch_size_does_not_change_the_data() {
        let config = DemoConfig {
            customers: 23,
            ..DemoConfig::default()
        };
        let whole = generate(&config);
        let small = generate(&DemoConfig {
            batch_customers: 4,
            ..config.clone()
        });
        assert_eq!(whole, small);
        assert_eq!(batches(&config).count(), 3);
        assert_eq!(
            batches(&DemoConfig {
                batch_customers: 4,
                ..config
            })
            .count(),
            2 + 6
        );
    }
}
