//! The demo data generator: per-customer rows from per-customer random streams, global
//! catalogue tables, and aggregate tables computed from the generated customers.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde_json::{json, Value};

use super::rng::Rng;
use super::text::*;
use super::{DemoConfig, DemoData};
use crate::models::*;
use crate::types::*;

/// Random streams of the global tables; customers use streams `1..=customers`.
const STREAM_HEAD: u64 = 1 << 62;
const STREAM_TAIL: u64 = (1 << 62) + 1;

const SEGMENTS: usize = 8;
const CAMPAIGNS: usize = 4;
const COHORTS: usize = 10;
const SENTIMENT_MONTHS: usize = 12;

const MINUTES_PER_DAY: i64 = 24 * 60;

// ---------------------------------------------------------------------------------------------
// Small total helpers: dates that cannot overflow for any sane anchor fall back to their input
// instead of panicking, and the newtype constructors get values that are clamped into range
// first, so their fallbacks are unreachable.

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    TimeDelta::try_days(n)
        .and_then(|t| d.checked_add_signed(t))
        .unwrap_or(d)
}

fn add_minutes(t: DateTime<Utc>, n: i64) -> DateTime<Utc> {
    TimeDelta::try_minutes(n)
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(t)
}

/// Midnight UTC of `d` plus `minute` minutes.
fn at(d: NaiveDate, minute: i64) -> DateTime<Utc> {
    add_minutes(d.and_time(NaiveTime::MIN).and_utc(), minute)
}

fn minutes_between(a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    b.signed_duration_since(a).num_minutes()
}

fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    b.signed_duration_since(a).num_days()
}

/// Month index (`year * 12 + month0`) of `d`.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

fn from_month_index(i: i64, fallback: NaiveDate) -> NaiveDate {
    let year = i32::try_from(i.div_euclid(12)).ok();
    let month = u32::try_from(i.rem_euclid(12) + 1).ok();
    match (year, month) {
        (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(fallback),
        _ => fallback,
    }
}

/// First day of the month `back` months before `d`'s month (negative: after).
fn month_start(d: NaiveDate, back: i64) -> NaiveDate {
    from_month_index(month_index(d) - back, d)
}

/// First day of the quarter `back` quarters before `d`'s quarter (negative: after).
fn quarter_start(d: NaiveDate, back: i64) -> NaiveDate {
    let q = month_index(d).div_euclid(3) - back;
    from_month_index(q * 3, d)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

fn money(cents: i64) -> Money {
    Money::from_cents(cents.max(0)).unwrap_or_else(|_| Money::zero())
}

fn dollars(cents: i64) -> f64 {
    cents as f64 / 100.0
}

fn health_score(v: f64) -> HealthScore {
    HealthScore::new(v.round().clamp(0.0, 100.0) as i32).unwrap_or(HealthScore::MIN)
}

fn component(v: f64) -> ComponentScore {
    ComponentScore::new(round1(v.clamp(0.0, 100.0))).unwrap_or(ComponentScore::MIN)
}

fn probability(v: f64) -> Probability {
    Probability::new(round4(v.clamp(0.0, 1.0))).unwrap_or(Probability::MIN)
}

fn sentiment_score(v: f64) -> SentimentScore {
    SentimentScore::new(round2(v.clamp(-1.0, 1.0))).unwrap_or(SentimentScore::MIN)
}

fn sentiment_of(score: f64) -> Sentiment {
    if score >= 0.6 {
        Sentiment::VeryPositive
    } else if score >= 0.2 {
        Sentiment::Positive
    } else if score > -0.2 {
        Sentiment::Neutral
    } else if score > -0.6 {
        Sentiment::Negative
    } else {
        Sentiment::VeryNegative
    }
}

/// The churn risk level of a probability: below 0.25 low, below 0.5 medium, below 0.75 high,
/// else critical.
fn churn_level(p: f64) -> RiskLevel {
    if p < 0.25 {
        RiskLevel::Low
    } else if p < 0.5 {
        RiskLevel::Medium
    } else if p < 0.75 {
        RiskLevel::High
    } else {
        RiskLevel::Critical
    }
}

fn metric_trend(change_ratio: f64, threshold: f64) -> MetricTrend {
    if change_ratio > threshold {
        MetricTrend::Up
    } else if change_ratio < -threshold {
        MetricTrend::Down
    } else {
        MetricTrend::Flat
    }
}

/// `k` distinct items of `items` (fewer if `items` is shorter), in random order.
fn sample<'a, T>(r: &mut Rng, items: &'a [T], k: usize) -> Vec<&'a T> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let k = k.min(idx.len());
    for i in 0..k {
        let j = i + r.below((idx.len() - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx.truncate(k);
    idx.into_iter().filter_map(|i| items.get(i)).collect()
}

fn sample_strs(r: &mut Rng, items: &[&'static str], k: usize) -> Vec<String> {
    sample(r, items, k)
        .into_iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// Between `lo` and `hi` distinct items of `items`, as owned strings.
fn sample_between(r: &mut Rng, items: &[&'static str], lo: i64, hi: i64) -> Vec<String> {
    let k = r.int(lo, hi) as usize;
    sample_strs(r, items, k)
}

fn email(first: &str, last: &str, domain: &str) -> String {
    format!(
        "{}.{}@{}",
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
        domain
    )
}

fn tier_index(t: CustomerTier) -> usize {
    match t {
        CustomerTier::Starter => 0,
        CustomerTier::Standard => 1,
        CustomerTier::Professional => 2,
        CustomerTier::Enterprise => 3,
    }
}

// ---------------------------------------------------------------------------------------------

/// What the customer tables need to know about a training module.
#[derive(Debug, Clone)]
struct ModuleInfo {
    id: String,
    duration: i32,
    passing: f64,
    assessed: bool,
    certification: bool,
    max_attempts: i32,
}

/// The customer-level facts every per-customer table is derived from.
struct Profile {
    n: usize,
    key: String,
    company: String,
    domain: String,
    tier: CustomerTier,
    status: CustomerStatus,
    health: i32,
    csm: Option<String>,
    since: NaiveDate,
    created: DateTime<Utc>,
    contract_start: NaiveDate,
    renewal: NaiveDate,
    days_to_renewal: i64,
    years_before: i64,
    contract_type: ContractType,
    arr_cents: i64,
    users: i32,
    /// Minutes between the customer's creation and "now".
    age_minutes: i64,
    /// Health at the start of the history (for trends and time series).
    prev_health: f64,
}

impl Profile {
    fn age_days(&self) -> i64 {
        self.age_minutes / MINUTES_PER_DAY
    }

    /// A person at the customer: (name, email).
    fn person(&self, r: &mut Rng) -> (String, String) {
        let first = r.text(FIRST_NAMES);
        let last = r.text(LAST_NAMES);
        (format!("{first} {last}"), email(first, last, &self.domain))
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Bucket {
    count: i64,
    arr_cents: i64,
    health_sum: i64,
}

#[derive(Debug, Clone, Copy, Default)]
struct CampaignAcc {
    customers: i64,
    at_risk: i64,
    at_risk_cents: i64,
    opportunities: i64,
    opportunity_cents: i64,
}

#[derive(Debug, Clone, Copy, Default)]
struct CohortAcc {
    size: i64,
    churned: i64,
    arr_cents: i64,
    health_sum: i64,
}

#[derive(Debug, Clone, Copy, Default)]
struct MonthAcc {
    feedback: i64,
    by_type: [i64; 8],
    by_sentiment: [i64; 5],
    /// Sum of sentiment scores in hundredths (integers keep the sum exact and order-free).
    score_sum: i64,
    promoters: i64,
    passives: i64,
    detractors: i64,
    csat_sum: i64,
    csat_count: i64,
}

/// Running aggregates over the generated customers, for the tail tables.
#[derive(Debug, Clone, Default)]
struct Aggregates {
    segments: [Bucket; SEGMENTS],
    campaigns: [CampaignAcc; CAMPAIGNS],
    cohorts: [CohortAcc; COHORTS],
    months: [MonthAcc; SENTIMENT_MONTHS],
}

/// The generator behind [`super::batches`].
#[derive(Debug)]
pub(crate) struct Generator {
    seed: u64,
    today: NaiveDate,
    now: DateTime<Utc>,
    months: u32,
    customers: usize,
    next: usize,
    csms: Vec<String>,
    modules: Vec<ModuleInfo>,
    head: Option<DemoData>,
    agg: Aggregates,
}

impl Generator {
    pub(crate) fn new(config: &DemoConfig) -> Self {
        let mut csms = Vec::with_capacity(CSM_FIRST_NAMES.len() * CSM_LAST_NAMES.len());
        for last in CSM_LAST_NAMES {
            for first in CSM_FIRST_NAMES {
                csms.push(format!("{first} {last}"));
            }
        }
        let mut g = Generator {
            seed: config.seed,
            today: config.today,
            now: config.now(),
            months: config.months_of_history,
            customers: config.customers,
            next: 0,
            csms,
            modules: Vec::new(),
            head: None,
            agg: Aggregates::default(),
        };
        let head = g.generate_head();
        g.head = Some(head);
        g
    }

    pub(crate) fn customers_done(&self) -> usize {
        self.next
    }

    /// The global catalogue tables (generated in `new`, because customers refer to modules).
    pub(crate) fn head(&mut self) -> DemoData {
        self.head.take().unwrap_or_default()
    }

    /// The rows of the next `max` customers, or `None` when all are generated.
    pub(crate) fn next_batch(&mut self, max: usize) -> Option<DemoData> {
        if self.next >= self.customers {
            return None;
        }
        let end = self.customers.min(self.next.saturating_add(max.max(1)));
        let mut out = DemoData::default();
        for index in self.next..end {
            self.customer(index + 1, &mut out);
        }
        self.next = end;
        Some(out)
    }

    fn ago(&self, r: &mut Rng, min_days: i64, max_days: i64) -> DateTime<Utc> {
        add_minutes(
            self.now,
            -r.int(min_days * MINUTES_PER_DAY, max_days * MINUTES_PER_DAY),
        )
    }

    // -----------------------------------------------------------------------------------------
    // Global catalogue tables.

    fn generate_head(&mut self) -> DemoData {
        let mut r = Rng::new(self.seed, STREAM_HEAD);
        let mut out = DemoData::default();
        self.training_modules(&mut r, &mut out);
        self.knowledge_base(&mut r, &mut out);
        self.survey_templates(&mut r, &mut out);
        out
    }

    fn training_modules(&mut self, r: &mut Rng, out: &mut DemoData) {
        let count = TRAINING_MODULES.len();
        for (k, &(name, topic)) in TRAINING_MODULES.iter().enumerate() {
            let id = format!("mod-{:03}", k + 1);
            let level = if k < count * 2 / 5 {
                CertificationLevel::Basic
            } else if k < count * 7 / 10 {
                CertificationLevel::Intermediate
            } else if k < count * 9 / 10 {
                CertificationLevel::Advanced
            } else {
                CertificationLevel::Expert
            };
            let format = r.weighted(&[
                (TrainingFormat::SelfPaced, 35),
                (TrainingFormat::Video, 20),
                (TrainingFormat::LiveWebinar, 15),
                (TrainingFormat::Workshop, 10),
                (TrainingFormat::Documentation, 15),
                (TrainingFormat::OneOnOne, 5),
            ]);
            let duration = match format {
                TrainingFormat::Documentation => r.int32(15, 45),
                TrainingFormat::Video => r.int32(20, 60),
                TrainingFormat::Workshop => r.int32(120, 240),
                _ => r.int32(45, 120),
            };
            let assessed = !matches!(
                format,
                TrainingFormat::Documentation | TrainingFormat::Video
            ) || r.chance(0.5);
            let certification = matches!(
                level,
                CertificationLevel::Advanced | CertificationLevel::Expert
            );
            let passing = match level {
                CertificationLevel::Basic => 0.7,
                CertificationLevel::Intermediate => 0.75,
                _ => 0.8,
            };
            let max_attempts = if level == CertificationLevel::Expert {
                2
            } else {
                3
            };
            let prerequisites = if k > 0 && level != CertificationLevel::Basic {
                StringList(vec![format!("mod-{k:03}")])
            } else {
                StringList::new()
            };
            let created = self.ago(r, 500, 900);
            let updated = add_minutes(created, r.int(0, 300 * MINUTES_PER_DAY));
            out.training_modules.push(NewTrainingModule {
                certification_level: Some(level),
                content_url: Some(format!("https://learn.example.com/modules/{id}")),
                prerequisites: Some(prerequisites),
                assessment_required: Some(assessed),
                passing_score: Some(Percentage::clamped(passing)),
                certification_awarded: certification
                    .then(|| format!("Certified {name} Specialist")),
                max_attempts: Some(Count::clamped(max_attempts.into())),
                created_at: Some(created),
                updated_at: Some(updated),
                ..NewTrainingModule::new(
                    id.clone(),
                    name,
                    format!("{name}: a {} course on {topic}.", level.as_str()),
                    format,
                    Count::clamped(duration.into()),
                    StringList(vec![
                        format!("Understand {topic} concepts"),
                        format!("Configure {topic} for your team"),
                        format!("Measure the impact of {topic}"),
                    ]),
                    StringList(vec![
                        topic.to_owned(),
                        "best practices".to_owned(),
                        "troubleshooting".to_owned(),
                    ]),
                )
            });
            self.modules.push(ModuleInfo {
                id,
                duration,
                passing,
                assessed,
                certification,
                max_attempts,
            });
        }
    }

    fn knowledge_base(&self, r: &mut Rng, out: &mut DemoData) {
        let count = KB_TITLES.len();
        for (k, &title) in KB_TITLES.iter().enumerate() {
            let id = format!("kb-{:04}", k + 1);
            let category = KB_CATEGORIES
                .get(k % KB_CATEGORIES.len())
                .copied()
                .unwrap_or("getting_started");
            let status = r.weighted(&[
                (ArticleStatus::Published, 75),
                (ArticleStatus::Draft, 10),
                (ArticleStatus::Review, 5),
                (ArticleStatus::Archived, 10),
            ]);
            let created = self.ago(r, 60, 900);
            let published = matches!(status, ArticleStatus::Published | ArticleStatus::Archived)
                .then(|| add_minutes(created, r.int(MINUTES_PER_DAY, 10 * MINUTES_PER_DAY)));
            let updated = add_minutes(
                published.unwrap_or(created),
                r.int(
                    0,
                    minutes_between(published.unwrap_or(created), self.now).max(0),
                ),
            );
            // Heavy-tailed views: a few articles get most of the traffic.
            let u = r.unit();
            let views = if published.is_some() {
                (u * u * u * 20_000.0) as i32 + r.int32(5, 50)
            } else {
                0
            };
            let helpful = (f64::from(views) * r.uniform(0.01, 0.08)) as i32;
            let not_helpful = (f64::from(views) * r.uniform(0.002, 0.02)) as i32;
            let score = if helpful + not_helpful > 0 {
                round4(f64::from(helpful) / f64::from(helpful + not_helpful))
            } else {
                0.0
            };
            let related: Vec<String> = (0..r.int(0, 3))
                .map(|_| format!("kb-{:04}", r.int(1, count as i64)))
                .filter(|other| *other != id)
                .collect();
            let keywords: Vec<String> = title
                .split_whitespace()
                .filter(|w| w.len() > 4)
                .take(4)
                .map(|w| w.trim_matches('?').to_ascii_lowercase())
                .collect();
            let restricted = if r.chance(0.15) {
                StringList(vec!["professional".into(), "enterprise".into()])
            } else {
                StringList::new()
            };
            out.knowledge_base_articles.push(NewKnowledgeBaseArticle {
                subcategory: r.chance(0.5).then(|| format!("{category}_basics")),
                status: Some(status),
                created_at: Some(created),
                updated_at: Some(updated),
                published_at: published,
                version: Some(Count::clamped((r.int32(1, 5)).into())),
                view_count: Some(Count::clamped(views.into())),
                helpful_votes: Some(Count::clamped(helpful.into())),
                not_helpful_votes: Some(Count::clamped(not_helpful.into())),
                helpfulness_score: Some(Fraction::clamped(score)),
                related_articles: Some(StringList(related)),
                search_keywords: Some(StringList(keywords)),
                customer_facing: Some(r.chance(0.85)),
                requires_authentication: Some(r.chance(0.3)),
                product_tier_restrictions: Some(restricted),
                ..NewKnowledgeBaseArticle::new(
                    id,
                    title,
                    format!("Step-by-step: {}.", title.to_lowercase()),
                    format!(
                        "# {title}\n\nThis article explains {}.\n\n1. Open the settings.\n2. Follow the steps.\n3. Save your changes.",
                        title.to_lowercase()
                    ),
                    category,
                    StringList(vec![category.to_owned(), "how-to".to_owned()]),
                    r.text(AGENT_NAMES),
                )
            });
        }
    }

    fn survey_templates(&self, r: &mut Rng, out: &mut DemoData) {
        let templates: [(&str, &str, FeedbackType, SurveyFrequency, bool, Value); 6] = [
            (
                "tpl-nps-quarterly",
                "Quarterly NPS",
                FeedbackType::Nps,
                SurveyFrequency::Quarterly,
                true,
                json!([
                    {"id": "q1", "type": "scale", "min": 0, "max": 10, "text": "How likely are you to recommend us to a colleague?"},
                    {"id": "q2", "type": "text", "text": "What is the primary reason for your score?"}
                ]),
            ),
            (
                "tpl-csat-ticket",
                "Support ticket CSAT",
                FeedbackType::Csat,
                SurveyFrequency::OneTime,
                true,
                json!([
                    {"id": "q1", "type": "scale", "min": 1, "max": 5, "text": "How satisfied are you with the resolution?"}
                ]),
            ),
            (
                "tpl-ces-onboarding",
                "Onboarding effort score",
                FeedbackType::Ces,
                SurveyFrequency::OneTime,
                true,
                json!([
                    {"id": "q1", "type": "scale", "min": 1, "max": 7, "text": "How easy was it to get started?"}
                ]),
            ),
            (
                "tpl-product-annual",
                "Annual product survey",
                FeedbackType::ProductFeedback,
                SurveyFrequency::Annual,
                true,
                json!([
                    {"id": "q1", "type": "multi_choice", "options": ["dashboards", "reports", "workflows", "integrations"], "text": "Which features do you use most?"},
                    {"id": "q2", "type": "text", "text": "What should we build next?"}
                ]),
            ),
            (
                "tpl-service-review",
                "Service review",
                FeedbackType::ServiceFeedback,
                SurveyFrequency::Annual,
                r.chance(0.8),
                json!([
                    {"id": "q1", "type": "scale", "min": 1, "max": 5, "text": "How would you rate your CSM?"}
                ]),
            ),
            (
                "tpl-feature-requests",
                "Monthly feature requests",
                FeedbackType::FeatureRequest,
                SurveyFrequency::Monthly,
                false,
                json!([
                    {"id": "q1", "type": "text", "text": "Which capability is missing for your team?"}
                ]),
            ),
        ];
        for (id, name, kind, frequency, active, questions) in templates {
            let created = self.ago(r, 200, 700);
            let updated = add_minutes(created, r.int(0, 150 * MINUTES_PER_DAY));
            out.survey_templates.push(NewSurveyTemplate {
                targeting: Some(json!({
                    "tiers": ["starter", "standard", "professional", "enterprise"],
                    "lifecycle_stages": ["active", "renewal", "expansion"],
                    "min_days_since_last_survey": 90
                })),
                frequency: Some(frequency),
                active: Some(active),
                created_at: Some(created),
                updated_at: Some(updated),
                ..NewSurveyTemplate::new(
                    id,
                    name,
                    kind,
                    format!("{name} survey template."),
                    questions,
                )
            });
        }
    }

    // -----------------------------------------------------------------------------------------
    // Customers.

    fn profile(&self, n: usize, r: &mut Rng) -> Profile {
        let tier = r.weighted(&[
            (CustomerTier::Starter, 40),
            (CustomerTier::Standard, 30),
            (CustomerTier::Professional, 20),
            (CustomerTier::Enterprise, 10),
        ]);
        let status = r.weighted(&[
            (CustomerStatus::Active, 80),
            (CustomerStatus::Paused, 7),
            (CustomerStatus::Pending, 5),
            (CustomerStatus::Churned, 8),
        ]);
        // Health by status: the mixture is about normal(70, 16) overall.
        let target = match status {
            CustomerStatus::Active => r.normal(74.0, 13.0),
            CustomerStatus::Paused => r.normal(60.0, 15.0),
            CustomerStatus::Pending => r.normal(65.0, 10.0),
            CustomerStatus::Churned => r.normal(38.0, 12.0),
        }
        .clamp(0.0, 100.0);
        // Unhealthy customers were healthier before (declining), very healthy ones improved.
        let prev_health = if target < 50.0 {
            target + r.normal(6.0, 6.0)
        } else if target > 80.0 {
            target + r.normal(-3.0, 5.0)
        } else {
            target + r.normal(0.0, 5.0)
        }
        .clamp(0.0, 100.0);

        let contract_type = if status == CustomerStatus::Pending {
            ContractType::Annual
        } else {
            r.weighted(&[
                (ContractType::Annual, 70),
                (ContractType::MultiYear, 25),
                (ContractType::Quarterly, 5),
            ])
        };
        let term_days = match contract_type {
            ContractType::MultiYear => {
                if r.chance(0.5) {
                    730
                } else {
                    1095
                }
            }
            ContractType::Quarterly | ContractType::Monthly => 91,
            ContractType::Annual => 365,
        };
        let (since, contract_start, renewal, years_before) = if status == CustomerStatus::Pending {
            let since = add_days(self.today, -r.int(0, 30));
            (since, since, add_days(since, term_days), 0)
        } else {
            // Churned customers too: they gave notice and their contract runs out, so their
            // start dates (and cohorts) spread like everyone else's.
            let days = match contract_type {
                ContractType::Quarterly | ContractType::Monthly => r.int(-30, 91),
                _ => r.int(-30, 365),
            };
            let renewal = add_days(self.today, days);
            let contract_start = add_days(renewal, -term_days);
            let years_before = r.weighted(&[(0i64, 55), (1, 25), (2, 12), (3, 8)]);
            let since = add_days(contract_start, -365 * years_before);
            (since, contract_start, renewal, years_before)
        };
        // Business hours of the start date, but never after "now".
        let created = at(since, r.int(8 * 60, 18 * 60)).min(add_minutes(self.now, -30));
        let age_minutes = minutes_between(created, self.now).max(1);

        let (lo, hi) = match tier {
            CustomerTier::Starter => (3_000, 15_000),
            CustomerTier::Standard => (15_000, 50_000),
            CustomerTier::Professional => (50_000, 150_000),
            CustomerTier::Enterprise => (150_000, 1_000_000),
        };
        // Skewed towards the low end of the tier's range; most amounts are round.
        let u = r.unit();
        let dollars = lo + ((hi - lo) as f64 * u * u) as i64;
        let arr_cents = if r.chance(0.7) {
            dollars / 10 * 1000
        } else {
            dollars * 100 + r.int(0, 99)
        };
        let users = match tier {
            CustomerTier::Starter => r.int32(5, 25),
            CustomerTier::Standard => r.int32(20, 80),
            CustomerTier::Professional => r.int32(60, 250),
            CustomerTier::Enterprise => r.int32(200, 2000),
        };
        let csm_missing = if status == CustomerStatus::Pending {
            0.2
        } else {
            0.015
        };
        let csm = if r.chance(csm_missing) {
            None
        } else {
            // The first half of the team carries more accounts, as senior CSMs do.
            let pool = if r.chance(0.5) {
                self.csms.len()
            } else {
                self.csms.len() / 2
            };
            r.pick(&self.csms[..pool]).cloned()
        };
        let prefix = r.text(COMPANY_PREFIXES);
        let suffix = r.text(COMPANY_SUFFIXES);
        let company = format!("{prefix} {suffix}");
        let domain = format!(
            "{}-{n}.example.com",
            company.to_ascii_lowercase().replace(' ', "-")
        );
        Profile {
            n,
            key: format!("cust-{n:06}"),
            company,
            domain,
            tier,
            status,
            health: target.round() as i32,
            csm,
            since,
            created,
            contract_start,
            renewal,
            days_to_renewal: days_between(self.today, renewal),
            years_before,
            contract_type,
            arr_cents,
            users,
            age_minutes,
            prev_health,
        }
    }

    fn customer(&mut self, n: usize, out: &mut DemoData) {
        let mut r = Rng::new(self.seed, n as u64);
        let r = &mut r;
        let mut p = self.profile(n, r);

        // Health history first: the customer's score is the latest assessment's overall score.
        p.health = self.health_scores(&p, r, out);
        let change = f64::from(p.health) - p.prev_health;
        let trend = if change > 3.0 {
            HealthTrend::Improving
        } else if change < -3.0 {
            HealthTrend::Declining
        } else {
            HealthTrend::Stable
        };
        let stage = match p.status {
            CustomerStatus::Churned => LifecycleStage::Churned,
            CustomerStatus::Pending => LifecycleStage::Onboarding,
            CustomerStatus::Paused => r.weighted(&[
                (LifecycleStage::AtRisk, 50),
                (LifecycleStage::Active, 35),
                (LifecycleStage::Renewal, 15),
            ]),
            CustomerStatus::Active => {
                if days_between(p.since, self.today) < 90 {
                    LifecycleStage::Onboarding
                } else if p.health < 50 {
                    LifecycleStage::AtRisk
                } else if p.days_to_renewal <= 30 && r.chance(0.6) {
                    LifecycleStage::Renewal
                } else if p.health >= 85 && r.chance(0.35) {
                    LifecycleStage::Expansion
                } else {
                    LifecycleStage::Active
                }
            }
        };
        let last_engagement = match p.status {
            CustomerStatus::Churned => self.ago(r, 60, 300),
            _ if p.health < 60 => self.ago(r, 3, 45),
            _ => self.ago(r, 0, 14),
        }
        .max(p.created);
        let updated = self.ago(r, 0, 30).max(p.created);
        let contact_first = r.text(FIRST_NAMES);
        let contact_last = r.text(LAST_NAMES);
        let industry = r.weighted(INDUSTRIES);
        let legal = r.text(LEGAL_FORMS);
        out.customers.push(NewCustomer {
            industry: Some(industry.to_owned()),
            tier: Some(p.tier),
            lifecycle_stage: Some(stage),
            contract_value: Some(money(p.arr_cents)),
            contract_end_date: Some(add_days(p.renewal, -1)),
            renewal_date: Some(p.renewal),
            primary_contact_email: Some(email(contact_first, contact_last, &p.domain)),
            primary_contact_name: Some(format!("{contact_first} {contact_last}")),
            csm_assigned: p.csm.clone(),
            health_score: Some(health_score(f64::from(p.health))),
            health_trend: Some(trend),
            last_engagement_date: Some(last_engagement),
            status: Some(p.status),
            created_at: Some(p.created),
            updated_at: Some(updated),
            ..NewCustomer::new(
                p.key.clone(),
                p.company.clone(),
                format!("{} {legal}", p.company),
                p.contract_start,
            )
        });

        self.risk_indicators(&p, r, out);
        self.churn_prediction(&p, r, out);
        self.onboarding(&p, r, out);
        self.training_completions(&p, r, out);
        self.support_tickets(&p, r, out);
        self.contracts(&p, r, out);
        let renewal_status = self.renewal_forecast(&p, r, out);
        let opportunities = self.expansion(&p, r, out);
        self.feedback(&p, r, out);
        self.nps(&p, r, out);
        self.analytics(&p, r, out);
        self.observe(&p, renewal_status, opportunities);
    }

    /// 1–3 assessments from the previous towards the current health; returns the customer's
    /// health score (the latest overall score, rounded).
    fn health_scores(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) -> i32 {
        let k = r.weighted(&[(1i64, 30), (2, 40), (3, 30)]);
        let target = f64::from(p.health);
        let mut last = target;
        for j in 0..k {
            let value = if k == 1 {
                target
            } else {
                p.prev_health + (target - p.prev_health) * j as f64 / (k - 1) as f64
            };
            // Component biases cancel out under the default weights (0.35·−1 + 0.25·−1 +
            // 0.15·3 + 0.10·5 ≈ 0), so the overall score tracks `value`.
            let components = HealthComponents {
                usage: component(value + r.normal(-1.0, 8.0)),
                engagement: component(value + r.normal(-1.0, 8.0)),
                support: component(value + r.normal(3.0, 8.0)),
                satisfaction: component(value + r.normal(0.0, 8.0)),
                payment: component(value + r.normal(5.0, 8.0)),
            };
            let created = add_minutes(
                self.now,
                -((k - 1 - j) * 30 * MINUTES_PER_DAY + r.int(60, 3 * MINUTES_PER_DAY)),
            )
            .max(p.created);
            let mut record =
                NewHealthScoreRecord::new(p.key.clone(), components, HealthWeights::DEFAULT);
            record.created_at = Some(created);
            record.updated_at = Some(created);
            last = record.overall_score().map_or(value, ComponentScore::get);
            out.health_scores.push(record);
        }
        // Half up, exactly as the database's health-score trigger rounds (floor(x + 0.5)).
        (last + 0.5).floor().clamp(0.0, 100.0) as i32
    }

    fn risk_indicators(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let count = if p.health < 40 {
            r.int(2, 3)
        } else if p.health < 60 {
            r.int(1, 3)
        } else if p.health < 75 {
            r.weighted(&[(0i64, 50), (1, 35), (2, 15)])
        } else {
            r.weighted(&[(0i64, 80), (1, 20)])
        };
        let chosen = sample(r, RISK_INDICATORS, count as usize);
        for (j, &(name, category, threshold, above, description)) in chosen.into_iter().enumerate()
        {
            let severity = if p.health < 40 {
                r.weighted(&[
                    (RiskLevel::Critical, 50),
                    (RiskLevel::High, 40),
                    (RiskLevel::Medium, 10),
                ])
            } else if p.health < 60 {
                r.weighted(&[
                    (RiskLevel::Critical, 10),
                    (RiskLevel::High, 45),
                    (RiskLevel::Medium, 35),
                    (RiskLevel::Low, 10),
                ])
            } else {
                r.weighted(&[
                    (RiskLevel::High, 10),
                    (RiskLevel::Medium, 45),
                    (RiskLevel::Low, 45),
                ])
            };
            let current = if above {
                round2(threshold * r.uniform(1.0, 3.0))
            } else {
                round2(threshold * r.uniform(0.3, 0.95))
            };
            let detected = self.ago(r, 1, 90).max(p.created);
            let resolve_chance = if p.health >= 60 { 0.4 } else { 0.15 };
            let resolved = r.chance(resolve_chance).then(|| {
                add_minutes(detected, r.int(MINUTES_PER_DAY, 30 * MINUTES_PER_DAY)).min(self.now)
            });
            let k = r.int(1, 2) as usize;
            out.risk_indicators.push(NewRiskIndicator {
                mitigation_actions: Some(json!(sample_strs(r, MITIGATIONS, k))),
                detected_at: Some(detected),
                resolved_at: resolved,
                ..NewRiskIndicator::new(
                    p.key.clone(),
                    format!("risk-{:06}-{}", p.n, j + 1),
                    name,
                    category,
                    severity,
                    FiniteF64::clamped(current),
                    FiniteF64::clamped(threshold),
                    description,
                )
            });
        }
    }

    fn churn_prediction(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let raw = (85.0 - f64::from(p.health)) / 70.0 + r.normal(0.0, 0.06);
        let prob = round4(raw.clamp(0.01, 0.99));
        let level = churn_level(prob);
        let k = r.int(2, 3) as usize;
        let factors: Vec<Value> = sample(r, CHURN_FACTORS, k)
            .into_iter()
            .map(|f| json!({"factor": f, "weight": round2(r.uniform(0.1, 0.5))}))
            .collect();
        let k = r.int(1, 3) as usize;
        out.churn_predictions.push(NewChurnPrediction {
            prediction_date: Some(self.ago(r, 0, 7)),
            contributing_factors: Some(Value::Array(factors)),
            // A churned customer leaves when its contract runs out.
            predicted_churn_date: if p.status == CustomerStatus::Churned {
                Some(p.renewal)
            } else {
                (prob >= 0.5).then(|| add_days(self.today, r.int(30, 180)))
            },
            retention_recommendations: Some(json!(sample_strs(r, RETENTION_ACTIONS, k))),
            model_version: Some("v1.4.2".to_owned()),
            ..NewChurnPrediction::new(
                p.key.clone(),
                probability(prob),
                level,
                Fraction::clamped(round4(r.uniform(0.6, 0.95))),
            )
        });
    }

    fn onboarding(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let plan_id = format!("plan-{:06}", p.n);
        let weeks = match p.tier {
            CustomerTier::Starter => 4,
            CustomerTier::Standard => 6,
            CustomerTier::Professional => 8,
            CustomerTier::Enterprise => 12,
        } + r.int32(-1, 2);
        let start = p.since;
        let target = add_days(start, i64::from(weeks) * 7);
        let status = if p.status == CustomerStatus::Churned && r.chance(0.3) {
            OnboardingStatus::Cancelled
        } else if target < self.today {
            if r.chance(0.92) {
                OnboardingStatus::Completed
            } else {
                OnboardingStatus::Delayed
            }
        } else if start > self.today {
            OnboardingStatus::Scheduled
        } else if r.chance(0.2) {
            OnboardingStatus::Delayed
        } else {
            OnboardingStatus::InProgress
        };
        let elapsed =
            days_between(start, self.today) as f64 / days_between(start, target).max(1) as f64;
        let completion = match status {
            OnboardingStatus::Completed => 100.0,
            OnboardingStatus::Cancelled => round1(r.uniform(10.0, 70.0)),
            OnboardingStatus::Scheduled | OnboardingStatus::Draft => 0.0,
            OnboardingStatus::Delayed => round1((elapsed * 70.0).clamp(5.0, 95.0)),
            OnboardingStatus::InProgress => round1((elapsed * 100.0).clamp(1.0, 99.0)),
        };
        let actual_completion = (status == OnboardingStatus::Completed)
            .then(|| add_days(target, r.int(-7, 14)).clamp(start, self.today));

        // Milestones: always the kickoff and the go-live review, 1–4 steps in between.
        let k = r.int(3, 6) as usize;
        let last = MILESTONES.len().saturating_sub(1);
        let mut picked: Vec<usize> = sample(r, &[1usize, 2, 3, 4], k - 2)
            .into_iter()
            .copied()
            .collect();
        picked.sort_unstable();
        let mut order = vec![0usize];
        order.extend(picked);
        order.push(last);
        let mut total_hours = 0;
        let mut previous: Option<String> = None;
        let mut blocked_one = false;
        for (j, &m) in order.iter().enumerate() {
            let Some(&(name, description, hours)) = MILESTONES.get(m) else {
                continue;
            };
            let milestone_id = format!("ms-{:06}-{}", p.n, j + 1);
            let week = 1 + (weeks - 1) * j as i32 / (order.len() as i32 - 1).max(1);
            let due = add_days(start, i64::from(week) * 7);
            let ms_status = match status {
                OnboardingStatus::Completed => MilestoneStatus::Completed,
                OnboardingStatus::Cancelled => {
                    if due < self.today && j * 2 < order.len() {
                        MilestoneStatus::Completed
                    } else {
                        MilestoneStatus::Skipped
                    }
                }
                _ if due < add_days(self.today, -3) => {
                    if status == OnboardingStatus::Delayed && !blocked_one {
                        blocked_one = true;
                        MilestoneStatus::Blocked
                    } else {
                        MilestoneStatus::Completed
                    }
                }
                _ if due <= add_days(self.today, 7) => MilestoneStatus::InProgress,
                _ => MilestoneStatus::NotStarted,
            };
            let pct = match ms_status {
                MilestoneStatus::Completed => 100.0,
                MilestoneStatus::InProgress => round1(r.uniform(10.0, 90.0)),
                MilestoneStatus::Blocked => round1(r.uniform(10.0, 60.0)),
                _ => 0.0,
            };
            let done = ms_status == MilestoneStatus::Completed;
            let tasks: Vec<Value> = sample(r, MILESTONE_TASKS, 3)
                .into_iter()
                .map(|t| json!({"task": t, "done": done || r.chance(pct / 100.0)}))
                .collect();
            total_hours += hours;
            let assigned = if r.chance(0.6) {
                p.csm.clone()
            } else {
                Some(r.text(AGENT_NAMES).to_owned())
            };
            out.onboarding_milestones.push(NewOnboardingMilestone {
                success_criteria: Some(json!([format!("{name} signed off by the customer")])),
                dependencies: Some(StringList(previous.iter().cloned().collect())),
                actual_hours: (done
                    .then(|| (f64::from(hours) * r.uniform(0.7, 1.5)).round() as i32))
                .map(|v| Count::clamped(v.into())),
                assigned_to: assigned,
                due_date: Some(due),
                completion_date: done.then(|| add_days(due, r.int(-3, 5)).clamp(start, self.today)),
                status: Some(ms_status),
                completion_percentage: Some(Percentage::clamped(pct)),
                blockers: Some(if ms_status == MilestoneStatus::Blocked {
                    json!(["Waiting on customer IT for SSO metadata"])
                } else {
                    json!([])
                }),
                ..NewOnboardingMilestone::new(
                    milestone_id.clone(),
                    plan_id.clone(),
                    name,
                    description,
                    Count::clamped(week.into()),
                    Count::clamped((j as i32 + 1).into()),
                    Value::Array(tasks),
                    Count::clamped(hours.into()),
                    p.key.clone(),
                )
            });
            previous = Some(milestone_id);
        }
        let plan_created = add_minutes(p.created, r.int(10, 2 * MINUTES_PER_DAY)).min(self.now);
        let plan_updated = match actual_completion {
            Some(d) => at(d, 17 * 60).clamp(plan_created, self.now),
            None => self.ago(r, 0, 14).max(plan_created),
        };
        let team: Vec<String> = sample_between(r, AGENT_NAMES, 1, 2);
        let goals = sample_strs(r, CUSTOMER_GOALS, 2);
        let criteria = sample_strs(r, SUCCESS_CRITERIA, 2);
        out.onboarding_plans.push(NewOnboardingPlan {
            actual_completion_date: actual_completion,
            total_estimated_hours: Some(Count::clamped(total_hours.into())),
            assigned_csm: p.csm.clone(),
            assigned_implementation_team: Some(StringList(team)),
            status: Some(status),
            completion_percentage: Some(Percentage::clamped(completion)),
            created_at: Some(plan_created),
            updated_at: Some(plan_updated),
            ..NewOnboardingPlan::new(
                plan_id,
                p.key.clone(),
                format!("{} onboarding", p.company),
                p.tier.as_str(),
                start,
                target,
                Count::clamped(weeks.into()),
                json!(goals),
                json!(criteria),
            )
        });
    }

    fn training_completions(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let count = r.weighted(&[(0usize, 15), (1, 25), (2, 25), (3, 20), (4, 15)]);
        for j in 1..=count {
            let Some(module) = r.pick(&self.modules) else {
                return;
            };
            let (name, mail) = p.person(r);
            let started = self.ago(r, 1, 365.min(p.age_days()).max(1)).max(p.created);
            let completed = if r.chance(0.8) {
                let end = add_minutes(
                    started,
                    i64::from(module.duration) * 2 + r.int(0, 14 * MINUTES_PER_DAY),
                );
                (end <= self.now).then_some(end)
            } else {
                None
            };
            let done = completed.is_some();
            let spent_factor = if done {
                r.uniform(0.6, 1.6)
            } else {
                r.uniform(0.1, 0.7)
            };
            let spent = (f64::from(module.duration) * spent_factor).round() as i32;
            let score = (done && module.assessed)
                .then(|| round4((r.uniform(0.45, 0.85) + f64::from(p.health) / 500.0).min(1.0)));
            let passed = done && score.is_none_or(|s| s >= module.passing);
            let attempts = if passed {
                r.weighted(&[(1, 70), (2, 20), (3, 10)])
                    .min(module.max_attempts)
            } else if done {
                r.int32(1, module.max_attempts)
            } else {
                r.int32(0, 1)
            };
            let certified = passed && module.certification;
            let rating = (done && r.chance(0.6)).then(|| round1(r.uniform(3.0, 5.0)));
            out.training_completions.push(NewTrainingCompletion {
                completed_at: completed,
                time_spent_minutes: Some(Count::clamped(spent.into())),
                assessment_score: score.map(Percentage::clamped),
                attempts_used: Some(Count::clamped(attempts.into())),
                passed: Some(passed),
                certification_issued: Some(certified),
                certification_id: certified.then(|| format!("cert-{:06}-{j}", p.n)),
                feedback_rating: rating.map(Rating::clamped),
                feedback_comments: (rating.is_some() && r.chance(0.3))
                    .then(|| "Clear and practical, would recommend.".to_owned()),
                ..NewTrainingCompletion::new(
                    format!("tc-{:06}-{j}", p.n),
                    p.key.clone(),
                    module.id.clone(),
                    mail,
                    name,
                    started,
                )
            });
        }
    }

    fn support_tickets(&mut self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let bonus = match p.tier {
            CustomerTier::Starter | CustomerTier::Standard => 0,
            CustomerTier::Professional => 1,
            CustomerTier::Enterprise => 2,
        } + i64::from(p.health < 50);
        let count = r.int(0, 6) + bonus;
        for j in 1..=count {
            let ticket_id = format!("tkt-{:06}-{j:02}", p.n);
            let priority = r.weighted(&[
                (TicketPriority::P0, 2),
                (TicketPriority::P1, 8),
                (TicketPriority::P2, 30),
                (TicketPriority::P3, 40),
                (TicketPriority::P4, 20),
            ]);
            let cat = r.weighted(&[
                (0usize, 25),
                (1, 15),
                (2, 8),
                (3, 20),
                (4, 8),
                (5, 10),
                (6, 4),
                (7, 5),
                (8, 4),
                (9, 1),
            ]);
            let category = TicketCategory::ALL
                .get(cat)
                .copied()
                .unwrap_or(TicketCategory::Other);
            let subject = TICKET_SUBJECTS
                .get(cat)
                .map_or("Support request", |s| r.text(s));
            let (sla_fr, sla_res): (i64, i64) = match priority {
                TicketPriority::P0 => (15, 240),
                TicketPriority::P1 => (60, 480),
                TicketPriority::P2 => (240, 1440),
                TicketPriority::P3 => (480, 4320),
                TicketPriority::P4 => (1440, 10080),
            };
            let mut status = r.weighted(&[
                (TicketStatus::Open, 10),
                (TicketStatus::InProgress, 10),
                (TicketStatus::WaitingOnCustomer, 4),
                (TicketStatus::WaitingOnEngineering, 2),
                (TicketStatus::Reopened, 1),
                (TicketStatus::Resolved, 33),
                (TicketStatus::Closed, 40),
            ]);
            let late_fr = !r.chance(0.9);
            let ttfr_closed = ((sla_fr as f64)
                * if late_fr {
                    r.uniform(1.05, 3.0)
                } else {
                    r.uniform(0.05, 0.95)
                })
            .round() as i64;
            let late_res = !r.chance(0.85);
            let ttr_closed = (((sla_res as f64)
                * if late_res {
                    r.uniform(1.05, 2.5)
                } else {
                    r.uniform(0.1, 0.95)
                })
            .round() as i64)
                .max(ttfr_closed + 5);
            let closed_like = matches!(status, TicketStatus::Resolved | TicketStatus::Closed);
            // A resolved ticket needs a customer old enough to have had it; else it is open.
            if closed_like && p.age_minutes < ttr_closed + 3 * MINUTES_PER_DAY + 60 {
                status = TicketStatus::Open;
            }

            let created;
            let mut first_response = None;
            let mut resolved = None;
            let mut closed = None;
            let fr_status;
            let res_status;
            if matches!(status, TicketStatus::Resolved | TicketStatus::Closed) {
                let span = (p.age_minutes - ttr_closed - 3 * MINUTES_PER_DAY)
                    .clamp(60, 365 * MINUTES_PER_DAY);
                let age = ttr_closed + 3 * MINUTES_PER_DAY + r.int(60, span);
                created = add_minutes(self.now, -age);
                first_response = Some(add_minutes(created, ttfr_closed));
                let res = add_minutes(created, ttr_closed);
                resolved = Some(res);
                if status == TicketStatus::Closed {
                    closed = Some(add_minutes(
                        res,
                        r.int(MINUTES_PER_DAY, 3 * MINUTES_PER_DAY),
                    ));
                }
                fr_status = if late_fr {
                    SlaStatus::Breached
                } else {
                    SlaStatus::Met
                };
                res_status = if late_res {
                    SlaStatus::Breached
                } else {
                    SlaStatus::Met
                };
            } else {
                // Open work: the resolution SLA state sets the ticket's age.
                let factor = r.weighted(&[(0u8, 84), (1, 10), (2, 6)]);
                let intended = (sla_res as f64
                    * match factor {
                        0 => r.uniform(0.02, 0.7),
                        1 => r.uniform(0.76, 0.99),
                        _ => r.uniform(1.05, 3.0),
                    })
                .round() as i64;
                let age = intended.min(p.age_minutes - 1).max(1);
                created = add_minutes(self.now, -age);
                res_status = if age > sla_res {
                    SlaStatus::Breached
                } else if age * 4 > sla_res * 3 {
                    SlaStatus::AtRisk
                } else {
                    SlaStatus::NotApplicable
                };
                fr_status = if age <= sla_fr {
                    if r.chance(0.5) {
                        first_response = Some(add_minutes(
                            created,
                            (age as f64 * r.uniform(0.1, 0.9)) as i64,
                        ));
                        SlaStatus::Met
                    } else if age * 4 > sla_fr * 3 {
                        SlaStatus::AtRisk
                    } else {
                        SlaStatus::NotApplicable
                    }
                } else {
                    let roll = r.unit();
                    if roll < 0.05 {
                        let hi = (age as f64 / sla_fr as f64).min(3.0);
                        let ttfr = (sla_fr as f64 * r.uniform(1.05, hi.max(1.06))) as i64;
                        first_response = Some(add_minutes(created, ttfr.min(age)));
                        SlaStatus::Breached
                    } else if roll < 0.08 {
                        SlaStatus::Breached
                    } else {
                        let ttfr = (sla_fr as f64 * r.uniform(0.1, 0.95)) as i64;
                        first_response = Some(add_minutes(created, ttfr));
                        SlaStatus::Met
                    }
                };
            }
            let ttfr = first_response.map(|t| minutes_between(created, t) as i32);
            let ttr = resolved.map(|t| minutes_between(created, t) as i32);
            let rating = resolved.filter(|_| r.chance(0.6)).map(|_| {
                let v = if fr_status == SlaStatus::Breached || res_status == SlaStatus::Breached {
                    r.weighted(&[(5, 15), (4, 20), (3, 25), (2, 20), (1, 20)])
                } else {
                    r.weighted(&[(5, 45), (4, 30), (3, 13), (2, 7), (1, 5)])
                };
                SatisfactionRating::new(v).unwrap_or(SatisfactionRating::MAX)
            });
            let escalate_chance = if priority <= TicketPriority::P1 {
                0.25
            } else {
                0.03
            };
            let escalated_at = r.chance(escalate_chance).then(|| {
                let window = minutes_between(created, resolved.unwrap_or(self.now)).max(2);
                add_minutes(created, r.int(1, window - 1))
            });
            let agent = if first_response.is_some() || r.chance(0.4) {
                Some(r.text(AGENT_NAMES).to_owned())
            } else {
                None
            };
            let team = match category {
                TicketCategory::AccountBilling => "Billing",
                TicketCategory::TrainingRequest => "Onboarding",
                TicketCategory::BugReport
                | TicketCategory::Performance
                | TicketCategory::DataIssue => "Engineering",
                TicketCategory::IntegrationSupport => "Tier 2 Support",
                _ => "Tier 1 Support",
            };
            let (requester, requester_mail) = p.person(r);

            // Comments between creation and resolution (or now), alternating customer and agent.
            let end = closed.or(resolved).unwrap_or(self.now);
            let span = minutes_between(created, end).max(1);
            let n_comments = r.weighted(&[(0i64, 20), (1, 25), (2, 25), (3, 15), (4, 15)]);
            let mut last_activity = [
                Some(created),
                first_response,
                resolved,
                closed,
                escalated_at,
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(created);
            for k in 0..n_comments {
                let t = add_minutes(created, span * (k + 1) / (n_comments + 1));
                let author = if r.chance(0.08) {
                    AuthorType::System
                } else if first_response.is_some_and(|fr| t >= fr) && k % 2 == 1 {
                    AuthorType::Agent
                } else {
                    AuthorType::Customer
                };
                let (author_name, author_mail) = match author {
                    AuthorType::Agent => {
                        let name = agent
                            .clone()
                            .unwrap_or_else(|| r.text(AGENT_NAMES).to_owned());
                        let mail = format!(
                            "{}@support.example.com",
                            name.to_ascii_lowercase().replace(' ', ".")
                        );
                        (name, mail)
                    }
                    AuthorType::System => (
                        "SLA Monitor".to_owned(),
                        "noreply@support.example.com".to_owned(),
                    ),
                    AuthorType::Customer => (requester.clone(), requester_mail.clone()),
                };
                let text = match author {
                    AuthorType::System => COMMENT_TEXTS.get(7).copied().unwrap_or("Updated."),
                    AuthorType::Agent => r.text(&COMMENT_TEXTS[..5]),
                    AuthorType::Customer => r.text(&COMMENT_TEXTS[2..7]),
                };
                let attachments = if author == AuthorType::Customer && r.chance(0.15) {
                    json!([{"name": "screenshot.png", "size_bytes": r.int(20_000, 900_000)}])
                } else {
                    json!([])
                };
                out.ticket_comments.push(NewTicketComment {
                    is_public: Some(!(author == AuthorType::Agent && r.chance(0.15))),
                    attachments: Some(attachments),
                    created_at: Some(t),
                    ..NewTicketComment::new(
                        format!("cmt-{:06}-{j:02}-{}", p.n, k + 1),
                        ticket_id.clone(),
                        author_mail,
                        author_name,
                        author,
                        text,
                        p.key.clone(),
                    )
                });
                last_activity = last_activity.max(t);
            }

            if let (Some(res), Some(rating)) = (resolved, rating) {
                self.observe_csat(res.date_naive(), rating.get());
            }
            let tags = sample_between(r, TICKET_TAGS, 0, 3);
            out.support_tickets.push(NewSupportTicket {
                status: Some(status),
                assigned_agent: agent,
                assigned_team: Some(team.to_owned()),
                tags: Some(StringList(tags)),
                created_at: Some(created),
                updated_at: Some(last_activity),
                first_response_at: first_response,
                resolved_at: resolved,
                closed_at: closed,
                first_response_sla_status: Some(fr_status),
                resolution_sla_status: Some(res_status),
                time_to_first_response_minutes: ttfr.map(|v| Count::clamped(v.into())),
                time_to_resolution_minutes: ttr.map(|v| Count::clamped(v.into())),
                satisfaction_rating: rating,
                satisfaction_comment: rating.filter(|v| v.get() <= 2 || r.chance(0.2)).map(|v| {
                    if v.get() <= 2 {
                        "Took too long to resolve."
                    } else {
                        "Quick and helpful."
                    }
                    .to_owned()
                }),
                escalated: Some(escalated_at.is_some()),
                escalated_at,
                escalation_reason: escalated_at
                    .map(|_| "Customer impact on production workflows".to_owned()),
                resolution_notes: resolved
                    .map(|_| "Root cause identified and fixed; customer confirmed.".to_owned()),
                internal_notes: r
                    .chance(0.2)
                    .then(|| format!("Account {} ({})", p.key, p.tier.as_str())),
                customer_visible_notes: None,
                ..NewSupportTicket::new(
                    ticket_id.clone(),
                    p.key.clone(),
                    subject,
                    format!(
                        "{subject}{} Reported by {requester} at {}.",
                        if subject.ends_with('?') { "" } else { "." },
                        p.company
                    ),
                    priority,
                    category,
                    requester_mail,
                    requester,
                    Count::clamped((sla_fr as i32).into()),
                    Count::clamped((sla_res as i32).into()),
                )
            });
        }
    }

    fn contracts(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let products = match p.tier {
            CustomerTier::Starter => 1,
            CustomerTier::Standard => 2,
            CustomerTier::Professional => 3,
            CustomerTier::Enterprise => r.int(4, PRODUCTS.len() as i64) as usize,
        };
        let products = json!(PRODUCTS.iter().take(products).collect::<Vec<_>>());
        let previous = p.status != CustomerStatus::Pending
            && r.chance(if p.years_before >= 1 { 0.4 } else { 0.15 });
        let mut terms = vec![(
            1,
            p.contract_type,
            p.arr_cents,
            p.contract_start,
            add_days(p.renewal, -1),
            p.renewal,
        )];
        if previous {
            let start = add_days(p.contract_start, -365);
            let value = (p.arr_cents as f64 * r.uniform(0.75, 1.0)).round() as i64;
            terms.push((
                2,
                ContractType::Annual,
                value,
                start,
                add_days(p.contract_start, -1),
                p.contract_start,
            ));
        }
        for (j, kind, cents, start, end, renewal) in terms {
            let contract_id = format!("ctr-{:06}-{j}", p.n);
            let current = j == 1;
            let payment_status = if !current {
                PaymentStatus::Current
            } else if p.health < 50 {
                r.weighted(&[
                    (PaymentStatus::Current, 60),
                    (PaymentStatus::Overdue, 20),
                    (PaymentStatus::AtRisk, 15),
                    (PaymentStatus::PaymentPlan, 5),
                ])
            } else {
                r.weighted(&[
                    (PaymentStatus::Current, 93),
                    (PaymentStatus::Overdue, 4),
                    (PaymentStatus::PaymentPlan, 1),
                    (PaymentStatus::AtRisk, 2),
                ])
            };
            let discount = if r.chance(0.4) {
                round1(r.uniform(5.0, 25.0))
            } else {
                0.0
            };
            let addons = sample_between(r, ADDONS, 0, 2);
            let (signer, _) = p.person(r);
            let modified = at(start, r.int(9 * 60, 17 * 60)).min(self.now);
            out.contracts.push(NewContract {
                currency: Some("USD".to_owned()),
                auto_renew: Some(r.chance(0.6)),
                notice_period_days: Some(r.weighted(&[
                    (Count::clamped(30.into()), 60),
                    (Count::clamped(60.into()), 25),
                    (Count::clamped(90.into()), 15),
                ])),
                payment_status: Some(payment_status),
                included_users: Some(Count::clamped(((p.users + 4) / 5 * 5).into())),
                included_usage: Some(json!({
                    "api_calls_per_month": 10_000 * (tier_index(p.tier) as i64 + 1) * 10,
                    "storage_gb": 50 * (tier_index(p.tier) as i64 + 1)
                })),
                addons: Some(json!(addons)),
                discount_percentage: Some(Percentage::clamped(discount)),
                discount_reason: (discount > 0.0).then(|| {
                    r.text(&[
                        "Multi-year commitment",
                        "Strategic logo",
                        "Competitive displacement",
                        "Nonprofit pricing",
                    ])
                    .to_owned()
                }),
                signed_by: Some(signer),
                owner_csm: p.csm.clone(),
                last_modified: Some(modified),
                contract_url: Some(format!("https://contracts.example.com/{contract_id}.pdf")),
                ..NewContract::new(
                    contract_id,
                    p.key.clone(),
                    kind,
                    money(cents),
                    r.weighted(&[
                        (BillingFrequency::Annual, 50),
                        (BillingFrequency::Quarterly, 30),
                        (BillingFrequency::Monthly, 20),
                    ]),
                    start,
                    end,
                    renewal,
                    r.text(&["Net 30", "Net 45", "Net 60", "Due on receipt"]),
                    p.tier.as_str(),
                    products.clone(),
                )
            });
        }
    }

    fn renewal_forecast(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) -> RenewalStatus {
        let score = f64::from(p.health) + r.normal(0.0, 8.0);
        let status = if p.status == CustomerStatus::Churned {
            r.weighted(&[(RenewalStatus::Churned, 70), (RenewalStatus::Lost, 30)])
        } else if score < 45.0 {
            RenewalStatus::HighRisk
        } else if score < 60.0 {
            RenewalStatus::AtRisk
        } else if p.days_to_renewal < 0 && r.chance(0.5) {
            RenewalStatus::Won
        } else {
            RenewalStatus::OnTrack
        };
        let (prob, arr_factor) = match status {
            RenewalStatus::OnTrack => (r.uniform(0.75, 0.97), r.uniform(1.0, 1.1)),
            RenewalStatus::AtRisk => (r.uniform(0.45, 0.72), r.uniform(0.7, 0.95)),
            RenewalStatus::HighRisk => (r.uniform(0.15, 0.45), r.uniform(0.3, 0.7)),
            RenewalStatus::Won => (1.0, r.uniform(1.0, 1.15)),
            RenewalStatus::Lost | RenewalStatus::Churned => (r.uniform(0.0, 0.05), 0.0),
        };
        let risks = match status {
            RenewalStatus::OnTrack | RenewalStatus::Won => 0,
            RenewalStatus::AtRisk => 1,
            _ => 2,
        } + r.int(0, 1) as usize;
        let expansion_prob =
            ((f64::from(p.health) - 50.0) / 60.0 + r.normal(0.0, 0.1)).clamp(0.0, 0.9);
        let created = self.ago(r, 1, 30);
        let updated = add_minutes(created, r.int(0, minutes_between(created, self.now).max(0)));
        let k = r.int(1, 3) as usize;
        out.renewal_forecasts.push(NewRenewalForecast {
            risk_factors: Some(json!(sample_strs(r, CHURN_FACTORS, risks))),
            positive_indicators: Some(json!(sample_strs(r, POSITIVE_THEMES, 3 - risks.min(3)))),
            expansion_probability: Some(probability(expansion_prob)),
            estimated_expansion_value: Some(money(
                (p.arr_cents as f64 * expansion_prob * r.uniform(0.1, 0.4)).round() as i64,
            )),
            last_csm_touchpoint: p.csm.as_ref().map(|_| add_days(self.today, -r.int(1, 45))),
            next_scheduled_touchpoint: (p.csm.is_some() && p.status != CustomerStatus::Churned)
                .then(|| add_days(self.today, r.int(1, 30))),
            recommended_actions: Some(json!(sample_strs(r, RETENTION_ACTIONS, k))),
            forecast_created_at: Some(created),
            forecast_updated_at: Some(updated),
            model_version: Some("v2.1.0".to_owned()),
            ..NewRenewalForecast::new(
                format!("fc-{:06}", p.n),
                p.key.clone(),
                format!("ctr-{:06}-1", p.n),
                p.renewal,
                money(p.arr_cents),
                money((p.arr_cents as f64 * arr_factor).round() as i64),
                probability(prob),
                status,
                Fraction::clamped(round4(r.uniform(0.55, 0.92))),
                health_score(f64::from(p.health)),
                i32::try_from(p.days_to_renewal).unwrap_or(i32::MAX),
            )
        });
        status
    }

    /// 0–2 opportunities; returns their number and total estimated value in cents.
    fn expansion(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) -> (i64, i64) {
        let count = if p.status == CustomerStatus::Churned {
            0
        } else if p.health > 75 {
            r.weighted(&[(0i64, 30), (1, 45), (2, 25)])
        } else if p.health >= 50 {
            r.weighted(&[(0i64, 60), (1, 35), (2, 5)])
        } else {
            r.weighted(&[(0i64, 90), (1, 10)])
        };
        let mut total = 0;
        for j in 1..=count {
            let kind = r.weighted(&[
                (ExpansionType::Upsell, 30),
                (ExpansionType::CrossSell, 20),
                (ExpansionType::UserExpansion, 25),
                (ExpansionType::UsageExpansion, 12),
                (ExpansionType::ProfessionalServices, 8),
                (ExpansionType::Training, 5),
            ]);
            let stage = r.weighted(&[
                (OpportunityStage::Awareness, 25),
                (OpportunityStage::Qualification, 25),
                (OpportunityStage::Proposal, 20),
                (OpportunityStage::Negotiation, 15),
                (OpportunityStage::Closed, 15),
            ]);
            let base = match stage {
                OpportunityStage::Awareness => 0.1,
                OpportunityStage::Qualification => 0.25,
                OpportunityStage::Proposal => 0.5,
                OpportunityStage::Negotiation => 0.75,
                OpportunityStage::Closed => 0.95,
            };
            let cents = (p.arr_cents as f64 * r.uniform(0.1, 0.6)).round() as i64 / 100 * 100;
            total += cents;
            let closed = stage == OpportunityStage::Closed;
            let close_date = if closed {
                add_days(self.today, -r.int(1, 60))
            } else {
                add_days(self.today, r.int(10, 180))
            };
            let created = self.ago(r, 5, 120).max(p.created);
            let updated = add_minutes(created, r.int(0, minutes_between(created, self.now).max(0)));
            let decision_makers: Vec<String> = (0..r.int(1, 3)).map(|_| p.person(r).0).collect();
            let drivers = sample_between(r, VALUE_DRIVERS, 1, 3);
            out.expansion_opportunities.push(NewExpansionOpportunity {
                confidence_score: Some(Fraction::clamped(round2(r.uniform(0.3, 0.9)))),
                expected_close_date: Some(close_date),
                requirements: Some(StringList(vec![
                    "Security review".to_owned(),
                    "Budget approval".to_owned(),
                ])),
                value_drivers: Some(StringList(drivers)),
                blockers: Some(if !closed && r.chance(0.3) {
                    json!(["Procurement freeze until next quarter"])
                } else {
                    json!([])
                }),
                champion: r.chance(0.7).then(|| p.person(r).0),
                decision_makers: Some(StringList(decision_makers)),
                competitive_pressure: Some(r.weighted(&[
                    (CompetitivePressure::None, 20),
                    (CompetitivePressure::Low, 30),
                    (CompetitivePressure::Medium, 25),
                    (CompetitivePressure::High, 10),
                    (CompetitivePressure::Unknown, 15),
                ])),
                assigned_to: p.csm.clone(),
                next_action: (!closed).then(|| r.text(NEXT_ACTIONS).to_owned()),
                next_action_date: (!closed).then(|| add_days(self.today, r.int(1, 21))),
                created_at: Some(created),
                updated_at: Some(updated),
                ..NewExpansionOpportunity::new(
                    format!("opp-{:06}-{j}", p.n),
                    p.key.clone(),
                    format!("{}: {}", p.company, r.text(OPPORTUNITY_NAMES)),
                    kind,
                    money(cents),
                    probability(base + r.normal(0.0, 0.05)),
                    stage,
                )
            });
        }
        (count, total)
    }

    fn feedback(&mut self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let count = r.weighted(&[(0usize, 35), (1, 35), (2, 20), (3, 10)]);
        // (created, type, sentiment, score) of each item, for the customer's sentiment analysis.
        let mut items: Vec<(DateTime<Utc>, FeedbackType, Sentiment, f64)> = Vec::new();
        for j in 1..=count {
            let raw = (f64::from(p.health) - 60.0) / 40.0 + r.normal(0.0, 0.35);
            let score = round2(raw.clamp(-1.0, 1.0));
            let sentiment = sentiment_of(score);
            let positive: Vec<_> = FEEDBACK_TOPICS
                .iter()
                .filter(|t| t.3 == (score >= 0.0))
                .collect();
            let Some(&&(category, title, content, _)) = r.pick(&positive) else {
                continue;
            };
            let kind = r.weighted(&[
                (FeedbackType::ProductFeedback, 30),
                (FeedbackType::ServiceFeedback, 20),
                (FeedbackType::FeatureRequest, 15),
                (FeedbackType::BugReport, 10),
                (FeedbackType::General, 10),
                (FeedbackType::Csat, 8),
                (FeedbackType::Nps, 4),
                (FeedbackType::Ces, 3),
            ]);
            let priority = match sentiment {
                Sentiment::VeryNegative => r.weighted(&[
                    (FeedbackPriority::Critical, 40),
                    (FeedbackPriority::High, 60),
                ]),
                Sentiment::Negative => {
                    r.weighted(&[(FeedbackPriority::High, 50), (FeedbackPriority::Medium, 50)])
                }
                _ => r.weighted(&[(FeedbackPriority::Medium, 50), (FeedbackPriority::Low, 50)]),
            };
            let created = self.ago(r, 1, 365.min(p.age_days()).max(1)).max(p.created);
            let recent = minutes_between(created, self.now) < 7 * MINUTES_PER_DAY;
            let status = if recent {
                r.weighted(&[(FeedbackStatus::New, 60), (FeedbackStatus::Reviewed, 40)])
            } else {
                r.weighted(&[
                    (FeedbackStatus::New, 10),
                    (FeedbackStatus::Reviewed, 20),
                    (FeedbackStatus::InProgress, 15),
                    (FeedbackStatus::Resolved, 30),
                    (FeedbackStatus::Closed, 20),
                    (FeedbackStatus::WontFix, 5),
                ])
            };
            let reviewed = (status != FeedbackStatus::New)
                .then(|| add_minutes(created, r.int(60, 3 * MINUTES_PER_DAY)).min(self.now));
            let resolved = matches!(
                status,
                FeedbackStatus::Resolved | FeedbackStatus::Closed | FeedbackStatus::WontFix
            )
            .then(|| {
                let from = reviewed.unwrap_or(created);
                add_minutes(from, r.int(MINUTES_PER_DAY, 20 * MINUTES_PER_DAY)).min(self.now)
            });
            let negative = score < -0.2;
            let follow_up = negative || r.chance(0.1);
            let (name, mail) = p.person(r);
            let tags = sample_between(r, FEEDBACK_TAGS, 1, 3);
            let updated = [Some(created), reviewed, resolved]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(created);
            self.observe_feedback(created.date_naive(), kind, sentiment, score);
            items.push((created, kind, sentiment, score));
            out.customer_feedback.push(NewCustomerFeedback {
                subcategory: r.chance(0.5).then(|| format!("{category}_general")),
                tags: Some(StringList(tags)),
                priority: Some(priority),
                status: Some(status),
                impact_assessment: negative.then(|| "May affect renewal if unresolved.".to_owned()),
                assigned_to: reviewed.and(p.csm.clone()),
                follow_up_required: Some(follow_up),
                follow_up_by: follow_up.then(|| add_days(created.date_naive(), 7)),
                customer_responded: Some(follow_up && r.chance(0.4)),
                resolution_notes: (status == FeedbackStatus::Resolved).then(|| {
                    "Shared with the product team and followed up with the customer.".to_owned()
                }),
                created_at: Some(created),
                updated_at: Some(updated),
                reviewed_at: reviewed,
                resolved_at: resolved,
                ..NewCustomerFeedback::new(
                    format!("fb-{:06}-{j}", p.n),
                    p.key.clone(),
                    kind,
                    r.text(&["in_app", "email", "csm_call", "survey", "support_ticket"]),
                    mail,
                    name,
                    title,
                    content,
                    category,
                    sentiment,
                    sentiment_score(score),
                )
            });
        }
        self.customer_sentiment(p, &items, out);
    }

    /// One sentiment analysis of a customer with two or more feedback items, over the period
    /// they span. Derived from the items alone (no random draw), so adding it changed none of
    /// the other generated rows.
    fn customer_sentiment(
        &self,
        p: &Profile,
        items: &[(DateTime<Utc>, FeedbackType, Sentiment, f64)],
        out: &mut DemoData,
    ) {
        if items.len() < 2 {
            return;
        }
        let mut items = items.to_vec();
        items.sort_by_key(|i| i.0);
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let (start, end) = (first.0, last.0);
        let mean = |part: &[(DateTime<Utc>, FeedbackType, Sentiment, f64)]| {
            part.iter().map(|i| i.3).sum::<f64>() / part.len().max(1) as f64
        };
        let avg = round4(mean(&items).clamp(-1.0, 1.0));
        let half = items.len() / 2;
        let (early, late) = (mean(&items[..half]), mean(&items[half..]));
        let trend = if late > early + 0.05 {
            SentimentTrend::Improving
        } else if late < early - 0.05 {
            SentimentTrend::Declining
        } else {
            SentimentTrend::Stable
        };
        let by_type: serde_json::Map<String, Value> = FeedbackType::ALL
            .iter()
            .map(|t| {
                let n = items.iter().filter(|i| i.1 == *t).count();
                (t.as_str().to_owned(), json!(n))
            })
            .collect();
        let distribution: serde_json::Map<String, Value> = Sentiment::ALL
            .iter()
            .map(|s| {
                let n = items.iter().filter(|i| i.2 == *s).count();
                (s.as_str().to_owned(), json!(n))
            })
            .collect();
        // The themes are the portfolio analyses' (a customer's few items name none); COPY needs
        // every column, so the defaults are spelt out.
        out.sentiment_analysis.push(NewSentimentAnalysis {
            top_positive_themes: Some(json!([])),
            top_negative_themes: Some(json!([])),
            action_items: Some(json!([])),
            analyzed_at: Some(add_minutes(end, 6 * 60).min(self.now).max(end)),
            ..NewSentimentAnalysis::new(
                format!("sa-{:06}", p.n),
                p.key.clone(),
                start,
                end,
                Count::clamped((items.len() as i64).min(i64::from(i32::MAX))),
                Value::Object(by_type),
                sentiment_of(avg),
                sentiment_score(avg),
                Value::Object(distribution),
                trend,
            )
        });
    }

    fn nps(&mut self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let count = r.weighted(&[(1usize, 50), (2, 35), (3, 15)]);
        for j in 1..=count {
            let value = if p.health >= 75 {
                r.weighted(&[
                    (0, 0),
                    (1, 0),
                    (2, 0),
                    (3, 1),
                    (4, 1),
                    (5, 2),
                    (6, 3),
                    (7, 10),
                    (8, 17),
                    (9, 28),
                    (10, 38),
                ])
            } else if p.health >= 50 {
                r.weighted(&[
                    (0, 1),
                    (1, 1),
                    (2, 1),
                    (3, 2),
                    (4, 3),
                    (5, 5),
                    (6, 8),
                    (7, 17),
                    (8, 20),
                    (9, 22),
                    (10, 20),
                ])
            } else {
                r.weighted(&[
                    (0, 5),
                    (1, 4),
                    (2, 5),
                    (3, 7),
                    (4, 8),
                    (5, 11),
                    (6, 12),
                    (7, 14),
                    (8, 12),
                    (9, 12),
                    (10, 10),
                ])
            };
            let score = NpsScore::new(value).unwrap_or(NpsScore::MIN);
            let senti =
                round2(((f64::from(value) - 5.0) / 5.0 + r.normal(0.0, 0.15)).clamp(-1.0, 1.0));
            let sent = self.ago(r, 2, 365.min(p.age_days()).max(2)).max(p.created);
            let hours = round2(r.uniform(0.2, 96.0));
            let responded = add_minutes(sent, (hours * 60.0) as i64).min(self.now);
            let q = sent.month0() / 3 + 1;
            let detractor = value <= 6;
            let reasons = if detractor {
                NPS_REASONS_BAD
            } else {
                NPS_REASONS_GOOD
            };
            let (name, mail) = p.person(r);
            let mut response = NewNpsResponse::new(
                format!("nps-{:06}-{j}", p.n),
                p.key.clone(),
                format!("nps-{}-q{q}", sent.year()),
                mail,
                name,
                score,
                sentiment_of(senti),
                sentiment_score(senti),
                sent,
                NonNegativeF64::clamped(hours),
            );
            response.reason = r.chance(0.7).then(|| r.text(reasons).to_owned());
            if r.chance(0.5) {
                response.follow_up_question_1 =
                    Some("What is the primary reason for your score?".to_owned());
                response.follow_up_answer_1 = Some(r.text(reasons).to_owned());
                if r.chance(0.4) {
                    response.follow_up_question_2 = Some("What could we do better?".to_owned());
                    response.follow_up_answer_2 = Some(r.text(NEGATIVE_THEMES).to_owned());
                }
            }
            response.follow_up_required = Some(detractor);
            response.contacted = Some(detractor && r.chance(0.6));
            response.responded_at = Some(responded);
            self.observe_nps(responded.date_naive(), score.category());
            out.nps_responses.push(response);
        }
    }

    /// Monthly health, engagement and usage rows for the complete months before `today`,
    /// skipping months that ended before the customer started.
    fn analytics(&self, p: &Profile, r: &mut Rng, out: &mut DemoData) {
        let months = i64::from(self.months);
        let health = f64::from(p.health);
        let drift = p.prev_health - health;
        let value_at = |m: i64, r: &mut Rng| {
            // From the previous health (oldest month) to the current one (latest month).
            let share = if months > 1 {
                (months - 1 - m) as f64 / (months - 1) as f64
            } else {
                0.0
            };
            (health + drift * share + r.normal(0.0, 2.0))
                .clamp(0.0, 100.0)
                .round()
        };
        let mut prev_score = (p.prev_health + drift / months.max(1) as f64)
            .clamp(0.0, 100.0)
            .round();
        let available = match p.tier {
            CustomerTier::Starter => 20,
            CustomerTier::Standard => 35,
            CustomerTier::Professional => 50,
            CustomerTier::Enterprise => 80,
        };
        let mut prev_active: Option<i32> = None;
        let mut prev_events: Option<i32> = None;
        for m in 0..months {
            let start = month_start(self.today, months - m);
            let end = month_start(self.today, months - m - 1);
            let score = value_at(m, r);
            if end <= p.since {
                prev_score = score;
                continue;
            }
            let period_start = at(start, 0);
            let period_end = at(end, 0);
            let created = at(end, r.int(60, 6 * 60)).min(self.now);
            let change = (score - prev_score) as i32;
            let comp =
                |r: &mut Rng, bias: f64| round1((score + r.normal(bias, 6.0)).clamp(0.0, 100.0));
            let components = json!({
                "usage": comp(r, -1.0),
                "engagement": comp(r, -1.0),
                "support": comp(r, 3.0),
                "satisfaction": comp(r, 0.0),
                "payment": comp(r, 5.0)
            });
            let trend_of = |r: &mut Rng| r.text(&["up", "flat", "down"]);
            let component_trends = json!({
                "usage": trend_of(r), "engagement": trend_of(r), "support": trend_of(r),
                "satisfaction": trend_of(r), "payment": trend_of(r)
            });
            let risks: Vec<&str> = if score < 60.0 {
                vec!["declining_usage", "low_engagement"]
            } else if score < 75.0 {
                vec!["low_engagement"]
            } else {
                Vec::new()
            };
            let positives: Vec<&str> = if score >= 75.0 {
                vec!["high_adoption", "executive_sponsor"]
            } else if score >= 60.0 {
                vec!["stable_usage"]
            } else {
                Vec::new()
            };
            let predicted = (score + f64::from(change) / 2.0).clamp(0.0, 100.0);
            out.health_metrics.push(NewHealthMetric {
                risk_indicators: Some(json!(risks)),
                positive_indicators: Some(json!(positives)),
                benchmark_comparison: Some(json!({
                    "tier_average": round1(70.0 + r.normal(0.0, 3.0)),
                    "percentile": r.int(1, 99)
                })),
                predicted_next_period_score: Some(health_score(predicted)),
                confidence: Some(Fraction::clamped(round2(r.uniform(0.6, 0.9)))),
                created_at: Some(created),
                ..NewHealthMetric::new(
                    p.key.clone(),
                    period_start,
                    period_end,
                    health_score(score),
                    metric_trend(f64::from(change), 2.0),
                    ScoreChange::clamped(change.into()),
                    components,
                    component_trends,
                )
            });

            // Engagement: users grow slowly over the window; activity follows health.
            let total = ((f64::from(p.users) * (0.85 + 0.15 * (m + 1) as f64 / months as f64))
                .round() as i32)
                .max(1);
            let activation = (score / 100.0 * r.uniform(0.75, 1.05)).clamp(0.05, 1.0);
            let active = ((f64::from(total) * activation).round() as i32).clamp(1, total);
            let dau = ((f64::from(active) * r.uniform(0.15, 0.45)).round() as i32).max(1);
            let wau = ((f64::from(active) * r.uniform(0.45, 0.8)).round() as i32)
                .clamp(dau, active.max(dau));
            let logins = (f64::from(active) * r.uniform(6.0, 30.0)).round() as i32;
            let session_minutes = (f64::from(logins) * r.uniform(5.0, 25.0)).round() as i32;
            let actions = (f64::from(logins) * r.uniform(10.0, 60.0)).round() as i32;
            let logins_div = f64::from(logins.max(1));
            let adoption: serde_json::Map<String, Value> = sample(r, FEATURES, 4)
                .into_iter()
                .map(|f| {
                    (
                        (*f).to_owned(),
                        json!(round2((score / 100.0 * r.uniform(0.4, 1.0)).min(1.0))),
                    )
                })
                .collect();
            let active_change = prev_active.map_or(0.0, |pa| {
                (f64::from(active) - f64::from(pa)) / f64::from(pa.max(1))
            });
            out.engagement_metrics.push(NewEngagementMetric {
                power_users: Some(Count::clamped(
                    ((f64::from(active) * r.uniform(0.05, 0.2)).round() as i32).into(),
                )),
                inactive_users: Some(Count::clamped((total - active).into())),
                at_risk_users: Some(Count::clamped(
                    ((f64::from(active) * (1.0 - score / 100.0) * r.uniform(0.1, 0.4)).round()
                        as i32)
                        .into(),
                )),
                vs_previous_period: Some(
                    json!({"active_users_change_pct": round2(active_change * 100.0)}),
                ),
                created_at: Some(created),
                ..NewEngagementMetric::new(
                    p.key.clone(),
                    period_start,
                    period_end,
                    Count::clamped(total.into()),
                    Count::clamped(active.into()),
                    Count::clamped(dau.into()),
                    Count::clamped(wau.into()),
                    Count::clamped(active.into()),
                    Fraction::clamped(round4(f64::from(active) / f64::from(total))),
                    Fraction::clamped(round4(f64::from(dau) / f64::from(active))),
                    Count::clamped(logins.into()),
                    NonNegativeF64::clamped(round2(f64::from(logins) / f64::from(active))),
                    Count::clamped(session_minutes.into()),
                    NonNegativeF64::clamped(round2(f64::from(session_minutes) / logins_div)),
                    Count::clamped(actions.into()),
                    NonNegativeF64::clamped(round2(f64::from(actions) / logins_div)),
                    Value::Object(adoption),
                    metric_trend(active_change, 0.03),
                )
            });
            prev_active = Some(active);

            // Usage.
            let utilization = (score / 100.0 * r.uniform(0.5, 1.0)).clamp(0.02, 1.0);
            let used = ((f64::from(available) * utilization).round() as i32).clamp(1, available);
            let events = (f64::from(active) * r.uniform(40.0, 300.0)).round() as i32;
            let growth = prev_events.map_or(0.0, |pe| {
                (f64::from(events) - f64::from(pe)) / f64::from(pe.max(1))
            });
            let top: Vec<Value> = sample(r, FEATURES, 3)
                .into_iter()
                .map(|f| json!({"feature": f, "events": (f64::from(events) * r.uniform(0.05, 0.3)).round() as i64}))
                .collect();
            let api_calls = r.int(0, i64::from(events) * 2);
            out.usage_analytics.push(NewUsageAnalytics {
                underutilized_features: Some(json!(sample_strs(r, FEATURES, 2))),
                new_feature_adoption: Some(json!({"forecasting": round2(r.uniform(0.0, 0.5))})),
                usage_by_user_role: Some(json!({
                    "admin": (f64::from(events) * 0.2).round() as i64,
                    "member": (f64::from(events) * 0.7).round() as i64,
                    "viewer": (f64::from(events) * 0.1).round() as i64
                })),
                integration_usage: Some(Value::Object(
                    sample(r, INTEGRATIONS, 2)
                        .into_iter()
                        .map(|i| ((*i).to_owned(), json!(r.int(0, i64::from(events) / 4))))
                        .collect(),
                )),
                api_usage: Some(json!({"calls": api_calls, "errors": api_calls / 100})),
                created_at: Some(created),
                ..NewUsageAnalytics::new(
                    p.key.clone(),
                    period_start,
                    period_end,
                    Count::clamped(events.into()),
                    Count::clamped(used.into()),
                    Count::clamped(available.into()),
                    Fraction::clamped(round4(f64::from(used) / f64::from(available))),
                    Value::Array(top),
                    metric_trend(growth, 0.05),
                    GrowthRate::clamped(round4(growth)),
                )
            });
            prev_events = Some(events);
            prev_score = score;
        }
    }

    // -----------------------------------------------------------------------------------------
    // Aggregates for the tail tables.

    fn campaign_window(&self, k: usize) -> (NaiveDate, NaiveDate) {
        let start = quarter_start(self.today, -(k as i64));
        let end = add_days(quarter_start(self.today, -(k as i64) - 1), -1);
        (start, end)
    }

    fn cohort_window(&self, k: usize) -> (NaiveDate, NaiveDate) {
        let back = (COHORTS - k) as i64;
        (
            quarter_start(self.today, back),
            add_days(quarter_start(self.today, back - 1), -1),
        )
    }

    fn sentiment_month(&self, date: NaiveDate) -> Option<usize> {
        let first = month_index(month_start(self.today, SENTIMENT_MONTHS as i64));
        let i = month_index(date) - first;
        usize::try_from(i).ok().filter(|&i| i < SENTIMENT_MONTHS)
    }

    fn observe(&mut self, p: &Profile, renewal: RenewalStatus, (opps, opp_cents): (i64, i64)) {
        let churned = p.status == CustomerStatus::Churned;
        let health = i64::from(p.health);
        let add = |i: usize, agg: &mut Aggregates| {
            if let Some(b) = agg.segments.get_mut(i) {
                b.count += 1;
                b.arr_cents += p.arr_cents;
                b.health_sum += health;
            }
        };
        if !churned {
            add(tier_index(p.tier), &mut self.agg);
            if p.health < 50 {
                add(4, &mut self.agg);
            }
            if p.health >= 85 {
                add(5, &mut self.agg);
            }
            if days_between(p.since, self.today) < 90 {
                add(6, &mut self.agg);
            }
            if (0..=90).contains(&p.days_to_renewal) {
                add(7, &mut self.agg);
            }
            for k in 0..CAMPAIGNS {
                let (start, end) = self.campaign_window(k);
                if (start..=end).contains(&p.renewal) {
                    let c = &mut self.agg.campaigns[k];
                    c.customers += 1;
                    if matches!(renewal, RenewalStatus::AtRisk | RenewalStatus::HighRisk) {
                        c.at_risk += 1;
                        c.at_risk_cents += p.arr_cents;
                    }
                    c.opportunities += opps;
                    c.opportunity_cents += opp_cents;
                }
            }
        }
        for k in 0..COHORTS {
            let (start, end) = self.cohort_window(k);
            if (start..=end).contains(&p.since) {
                let c = &mut self.agg.cohorts[k];
                c.size += 1;
                c.churned += i64::from(churned);
                c.arr_cents += p.arr_cents;
                c.health_sum += health;
            }
        }
    }

    fn observe_feedback(
        &mut self,
        date: NaiveDate,
        kind: FeedbackType,
        sentiment: Sentiment,
        score: f64,
    ) {
        if let Some(m) = self.sentiment_month(date) {
            let acc = &mut self.agg.months[m];
            acc.feedback += 1;
            if let Some(i) = FeedbackType::ALL.iter().position(|t| *t == kind) {
                acc.by_type[i] += 1;
            }
            if let Some(i) = Sentiment::ALL.iter().position(|s| *s == sentiment) {
                acc.by_sentiment[i] += 1;
            }
            acc.score_sum += (score * 100.0).round() as i64;
        }
    }

    fn observe_nps(&mut self, date: NaiveDate, category: NpsCategory) {
        if let Some(m) = self.sentiment_month(date) {
            let acc = &mut self.agg.months[m];
            match category {
                NpsCategory::Promoter => acc.promoters += 1,
                NpsCategory::Passive => acc.passives += 1,
                NpsCategory::Detractor => acc.detractors += 1,
            }
        }
    }

    fn observe_csat(&mut self, date: NaiveDate, rating: i32) {
        if let Some(m) = self.sentiment_month(date) {
            let acc = &mut self.agg.months[m];
            acc.csat_sum += i64::from(rating);
            acc.csat_count += 1;
        }
    }

    // -----------------------------------------------------------------------------------------
    // Tail tables.

    pub(crate) fn tail(&mut self) -> DemoData {
        let mut r = Rng::new(self.seed, STREAM_TAIL);
        let mut out = DemoData::default();
        self.segments(&mut r, &mut out);
        self.campaigns(&mut r, &mut out);
        self.cohorts(&mut r, &mut out);
        self.sentiment(&mut r, &mut out);
        out
    }

    fn segments(&self, r: &mut Rng, out: &mut DemoData) {
        let defs: [(&str, &str, &str, Value); SEGMENTS] = [
            (
                "seg-tier-starter",
                "Starter tier",
                "tier",
                json!({"tier": "starter", "status": {"ne": "churned"}}),
            ),
            (
                "seg-tier-standard",
                "Standard tier",
                "tier",
                json!({"tier": "standard", "status": {"ne": "churned"}}),
            ),
            (
                "seg-tier-professional",
                "Professional tier",
                "tier",
                json!({"tier": "professional", "status": {"ne": "churned"}}),
            ),
            (
                "seg-tier-enterprise",
                "Enterprise tier",
                "tier",
                json!({"tier": "enterprise", "status": {"ne": "churned"}}),
            ),
            (
                "seg-at-risk",
                "At-risk accounts",
                "health",
                json!({"health_score": {"lt": 50}, "status": {"ne": "churned"}}),
            ),
            (
                "seg-champions",
                "Champions",
                "health",
                json!({"health_score": {"gte": 85}, "status": {"ne": "churned"}}),
            ),
            (
                "seg-new-customers",
                "New customers",
                "lifecycle",
                json!({"customer_since_days": {"lt": 90}, "status": {"ne": "churned"}}),
            ),
            (
                "seg-renewal-window",
                "Renewal window (90 days)",
                "renewal",
                json!({"days_until_renewal": {"between": [0, 90]}, "status": {"ne": "churned"}}),
            ),
        ];
        for (k, (id, name, kind, criteria)) in defs.into_iter().enumerate() {
            let b = self.agg.segments.get(k).copied().unwrap_or_default();
            let avg = if b.count > 0 {
                round1(b.health_sum as f64 / b.count as f64)
            } else {
                0.0
            };
            let created = self.ago(r, 200, 600);
            let strategy = match kind {
                "health" if k == 4 => {
                    json!({"cadence": "weekly", "owner": "csm", "playbook": "save"})
                }
                "health" => json!({"cadence": "quarterly", "owner": "csm", "playbook": "advocacy"}),
                "lifecycle" => {
                    json!({"cadence": "weekly", "owner": "onboarding", "playbook": "time_to_value"})
                }
                "renewal" => json!({"cadence": "biweekly", "owner": "csm", "playbook": "renewal"}),
                _ => {
                    json!({"cadence": if k == 3 { "weekly" } else { "monthly" }, "owner": "csm", "playbook": "tiered_touch"})
                }
            };
            out.customer_segments.push(NewCustomerSegment {
                characteristics: Some(json!({
                    "avg_contract_value": if b.count > 0 { round2(dollars(b.arr_cents) / b.count as f64) } else { 0.0 },
                    "avg_health_score": avg
                })),
                engagement_strategy: Some(strategy),
                success_metrics: Some(json!({"target_health_score": 75, "target_nrr": 1.1})),
                customer_count: Some(Count::clamped((i32::try_from(b.count).unwrap_or(i32::MAX)).into())),
                total_arr: Some(money(b.arr_cents)),
                avg_health_score: Some(ComponentScore::clamped(avg)),
                created_at: Some(created),
                updated_at: Some(self.ago(r, 0, 3).max(created)),
                ..NewCustomerSegment::new(id, name, kind, criteria)
            });
        }
    }

    fn campaigns(&self, r: &mut Rng, out: &mut DemoData) {
        // Campaigns start a quarter ahead of their renewals; the current one is furthest along.
        let progress = [(0.7, 0.4), (0.35, 0.15), (0.1, 0.03), (0.0, 0.0)];
        for k in 0..CAMPAIGNS {
            let (start, end) = self.campaign_window(k);
            let c = self.agg.campaigns[k];
            let (contacted_share, committed_share) = progress.get(k).copied().unwrap_or((0.0, 0.0));
            let contacted = (c.customers as f64 * contacted_share).floor() as i64;
            let committed = (c.customers as f64 * committed_share).floor() as i64;
            let win_rate = if contacted > 0 {
                round4(committed as f64 / contacted as f64)
            } else {
                0.0
            };
            let campaign_start = add_days(start, -90);
            let created = at(add_days(campaign_start, -14), r.int(9 * 60, 17 * 60)).min(self.now);
            let quarter = start.month0() / 3 + 1;
            out.renewal_campaigns.push(NewRenewalCampaign {
                customers_contacted: Some(Count::clamped((i32::try_from(contacted).unwrap_or(i32::MAX)).into())),
                customers_committed: Some(Count::clamped((i32::try_from(committed).unwrap_or(i32::MAX)).into())),
                customers_at_risk: Some(Count::clamped((i32::try_from(c.at_risk).unwrap_or(i32::MAX)).into())),
                win_rate: Some(Fraction::clamped(win_rate)),
                expansion_opportunities_identified: Some(Count::clamped((i32::try_from(c.opportunities).unwrap_or(i32::MAX)).into())),
                expansion_value_identified: Some(money(c.opportunity_cents)),
                campaign_activities: Some(json!([
                    {"type": "email_sequence", "status": if k == 0 { "completed" } else { "scheduled" }},
                    {"type": "executive_review", "status": if k == 0 { "in_progress" } else { "planned" }}
                ])),
                success_metrics: Some(json!({"target_win_rate": 0.9, "target_expansion_rate": 0.15})),
                created_at: Some(created),
                updated_at: Some(self.ago(r, 0, 7).max(created)),
                ..NewRenewalCampaign::new(
                    format!("rc-{}-q{quarter}", start.year()),
                    format!("{} Q{quarter} renewals", start.year()),
                    campaign_start,
                    end,
                    json!({"start": start.to_string(), "end": end.to_string()}),
                    Count::clamped((i32::try_from(c.customers).unwrap_or(i32::MAX)).into()),
                    money(c.at_risk_cents),
                )
            });
        }
    }

    fn cohorts(&self, r: &mut Rng, out: &mut DemoData) {
        for k in 0..COHORTS {
            let (start, end) = self.cohort_window(k);
            let c = self.agg.cohorts[k];
            let months_since = (month_index(self.today) - month_index(start)).max(0);
            let final_retention = if c.size > 0 {
                1.0 - c.churned as f64 / c.size as f64
            } else {
                1.0
            };
            let avg_health = if c.size > 0 {
                c.health_sum as f64 / c.size as f64
            } else {
                0.0
            };
            let mut retention = serde_json::Map::new();
            let mut engagement = serde_json::Map::new();
            for m in [1i64, 3, 6, 12, 24] {
                if m > months_since {
                    break;
                }
                // Churn accrues over the cohort's life: linear from 100% to today's retention.
                let share = m as f64 / months_since.max(1) as f64;
                retention.insert(
                    format!("month_{m}"),
                    json!(round4(1.0 - (1.0 - final_retention) * share)),
                );
                engagement.insert(
                    format!("month_{m}"),
                    json!(round1((avg_health + r.normal(0.0, 2.0)).clamp(0.0, 100.0))),
                );
            }
            let quarter = start.month0() / 3 + 1;
            out.cohort_analysis.push(NewCohortAnalysis {
                benchmark_comparison: Some(json!({"industry_retention_12m": 0.85, "company_avg_retention": round4(final_retention)})),
                created_at: Some(at(self.today, 6 * 60).min(self.now)),
                ..NewCohortAnalysis::new(
                    format!("cohort-{}-q{quarter}", start.year()),
                    format!("Customers who started in {} Q{quarter}", start.year()),
                    json!({"customer_since": {"from": start.to_string(), "to": end.to_string()}}),
                    Count::clamped((i32::try_from(c.size).unwrap_or(i32::MAX)).into()),
                    self.today,
                    Count::clamped((i32::try_from(months_since).unwrap_or(i32::MAX)).into()),
                    Value::Object(retention),
                    Value::Object(engagement),
                    json!({
                        "total_arr": round2(dollars(c.arr_cents)),
                        "avg_arr": if c.size > 0 { round2(dollars(c.arr_cents) / c.size as f64) } else { 0.0 },
                        "net_revenue_retention": round4(final_retention * 1.08)
                    }),
                )
            });
        }
    }

    fn sentiment(&self, r: &mut Rng, out: &mut DemoData) {
        let mut previous: Option<f64> = None;
        for m in 0..SENTIMENT_MONTHS {
            let acc = self.agg.months[m];
            let start = month_start(self.today, (SENTIMENT_MONTHS - m) as i64);
            let end = month_start(self.today, (SENTIMENT_MONTHS - m - 1) as i64);
            let avg = if acc.feedback > 0 {
                acc.score_sum as f64 / 100.0 / acc.feedback as f64
            } else {
                0.0
            };
            let avg = round4(avg.clamp(-1.0, 1.0));
            let trend = match previous {
                None => SentimentTrend::Unknown,
                Some(p) if avg > p + 0.05 => SentimentTrend::Improving,
                Some(p) if avg < p - 0.05 => SentimentTrend::Declining,
                Some(_) => SentimentTrend::Stable,
            };
            previous = Some(avg);
            let by_type: serde_json::Map<String, Value> = FeedbackType::ALL
                .iter()
                .zip(acc.by_type)
                .map(|(t, n)| (t.as_str().to_owned(), json!(n)))
                .collect();
            let distribution: serde_json::Map<String, Value> = Sentiment::ALL
                .iter()
                .zip(acc.by_sentiment)
                .map(|(s, n)| (s.as_str().to_owned(), json!(n)))
                .collect();
            let responses = acc.promoters + acc.passives + acc.detractors;
            let nps = (responses > 0).then(|| {
                ((acc.promoters - acc.detractors) as f64 * 100.0 / responses as f64).round() as i32
            });
            let csat =
                (acc.csat_count > 0).then(|| round2(acc.csat_sum as f64 / acc.csat_count as f64));
            out.portfolio_sentiment_analysis
                .push(NewPortfolioSentimentAnalysis {
                    top_positive_themes: Some(json!(sample_strs(r, POSITIVE_THEMES, 3))),
                    top_negative_themes: Some(json!(sample_strs(r, NEGATIVE_THEMES, 3))),
                    action_items: Some(json!(sample_strs(r, RETENTION_ACTIONS, 2))),
                    nps_score: nps.map(|v| NetPromoterScore::clamped(v.into())),
                    csat_score: csat.map(Rating::clamped),
                    analyzed_at: Some(at(end, 6 * 60).min(self.now)),
                    ..NewPortfolioSentimentAnalysis::new(
                        format!("sa-{:04}-{:02}", start.year(), start.month()),
                        at(start, 0),
                        at(end, 0),
                        Count::clamped((i32::try_from(acc.feedback).unwrap_or(i32::MAX)).into()),
                        Value::Object(by_type),
                        sentiment_of(avg),
                        sentiment_score(avg),
                        Value::Object(distribution),
                        trend,
                    )
                });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(month_start(d(2026, 1, 15), 1), d(2025, 12, 1));
        assert_eq!(month_start(d(2026, 1, 15), 0), d(2026, 1, 1));
        assert_eq!(month_start(d(2026, 1, 15), -2), d(2026, 3, 1));
        assert_eq!(quarter_start(d(2026, 5, 20), 0), d(2026, 4, 1));
        assert_eq!(quarter_start(d(2026, 1, 15), 1), d(2025, 10, 1));
        assert_eq!(quarter_start(d(2026, 1, 15), -1), d(2026, 4, 1));
        assert_eq!(add_days(d(2026, 1, 15), -15), d(2025, 12, 31));
        assert_eq!(add_days(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn churn_levels_follow_the_thresholds() {
        assert_eq!(churn_level(0.0), RiskLevel::Low);
        assert_eq!(churn_level(0.2499), RiskLevel::Low);
        assert_eq!(churn_level(0.25), RiskLevel::Medium);
        assert_eq!(churn_level(0.5), RiskLevel::High);
        assert_eq!(churn_level(0.75), RiskLevel::Critical);
        assert_eq!(churn_level(1.0), RiskLevel::Critical);
    }

    #[test]
    fn sample_is_distinct_and_bounded() {
        let mut r = Rng::new(3, 3);
        let items = [1, 2, 3, 4, 5];
        for k in 0..=7 {
            let s = sample(&mut r, &items, k);
            assert_eq!(s.len(), k.min(5));
            let mut v: Vec<i32> = s.into_iter().copied().collect();
            v.sort_unstable();
            v.dedup();
            assert_eq!(v.len(), k.min(5));
        }
    }
}
