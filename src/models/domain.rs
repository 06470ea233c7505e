//! Domain rules of the original system that the models enforce: the weighted overall health
//! score and the NPS category derived from the score.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    HealthScoreRecord, HealthScoreRecordChanges, HealthScoreRecordChangesInput,
    NewHealthScoreRecord, NewHealthScoreRecordBuilder, NewNpsResponse, NewNpsResponseBuilder,
    NpsResponseChanges, NpsResponseChangesInput,
};
use crate::types::{
    ComponentScore, Fraction, NonNegativeF64, NpsCategory, NpsScore, Sentiment, SentimentScore,
    SlaStatus, ValidationError, ValidationErrorKind,
};

/// How much each component contributes to the overall health score. The weights are each in
/// `0..=1` and sum to 1 (within floating-point rounding).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HealthWeights {
    usage: f64,
    engagement: f64,
    support: f64,
    satisfaction: f64,
    payment: f64,
}

impl HealthWeights {
    /// The original system's weights: usage 0.35, engagement 0.25, support 0.15,
    /// satisfaction 0.15, payment 0.10 (also the database defaults).
    pub const DEFAULT: HealthWeights = HealthWeights {
        usage: 0.35,
        engagement: 0.25,
        support: 0.15,
        satisfaction: 0.15,
        payment: 0.10,
    };

    /// How far from 1 the sum may be: the default weights themselves sum to 0.9999999999999999.
    const SUM_TOLERANCE: f64 = 1e-9;

    /// Validates a set of weights.
    ///
    /// # Errors
    /// A [`ValidationError`] naming the weight that is negative, above 1 or not finite, or
    /// `health_weights` when they do not sum to 1.
    pub fn new(
        usage: f64,
        engagement: f64,
        support: f64,
        satisfaction: f64,
        payment: f64,
    ) -> Result<Self, ValidationError> {
        for (field, w) in [
            ("usage_weight", usage),
            ("engagement_weight", engagement),
            ("support_weight", support),
            ("satisfaction_weight", satisfaction),
            ("payment_weight", payment),
        ] {
            if !w.is_finite() {
                return Err(ValidationError::new(
                    field,
                    w,
                    "0 to 1",
                    ValidationErrorKind::NotFinite,
                ));
            }
            if !(0.0..=1.0).contains(&w) {
                return Err(ValidationError::new(
                    field,
                    w,
                    "0 to 1",
                    ValidationErrorKind::OutOfRange,
                ));
            }
        }
        let sum = usage + engagement + support + satisfaction + payment;
        if (sum - 1.0).abs() > Self::SUM_TOLERANCE {
            return Err(ValidationError::new(
                "health_weights",
                format!("sum {sum}"),
                "weights that sum to 1",
                ValidationErrorKind::OutOfRange,
            ));
        }
        Ok(HealthWeights {
            usage,
            engagement,
            support,
            satisfaction,
            payment,
        })
    }

    /// The weights as `[usage, engagement, support, satisfaction, payment]`.
    pub fn as_array(&self) -> [f64; 5] {
        [
            self.usage,
            self.engagement,
            self.support,
            self.satisfaction,
            self.payment,
        ]
    }

    /// The weights as the [`Fraction`]s the `*_weight` columns store (each is 0–1 by
    /// construction).
    pub fn as_fractions(&self) -> [Fraction; 5] {
        self.as_array().map(Fraction::clamped)
    }
}

impl Default for HealthWeights {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl<'de> Deserialize<'de> for HealthWeights {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            usage: f64,
            engagement: f64,
            support: f64,
            satisfaction: f64,
            payment: f64,
        }
        let r = Raw::deserialize(d)?;
        HealthWeights::new(r.usage, r.engagement, r.support, r.satisfaction, r.payment)
            .map_err(serde::de::Error::custom)
    }
}

/// The five component scores of a health assessment; also the shape of
/// `health_metrics.health_components` ([`JsonShape`](crate::types::JsonShape)).
///
/// Unknown keys are rejected: the five components are a fixed set, and a sixth (or a
/// misspelt one) would be silently ignored by every reader.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthComponents {
    /// Product usage.
    pub usage: ComponentScore,
    /// Engagement with the CSM team and the product.
    pub engagement: ComponentScore,
    /// Support experience.
    pub support: ComponentScore,
    /// Customer satisfaction (surveys).
    pub satisfaction: ComponentScore,
    /// Payment behaviour.
    pub payment: ComponentScore,
}

impl HealthComponents {
    /// The weighted overall score. Weights sum to 1 and every component is in `0..=100`, so
    /// the result is too; the clamp only absorbs floating-point rounding at the edges.
    pub fn overall(&self, weights: &HealthWeights) -> ComponentScore {
        let [wu, we, ws, wsat, wp] = weights.as_array();
        let raw = self.usage.get() * wu
            + self.engagement.get() * we
            + self.support.get() * ws
            + self.satisfaction.get() * wsat
            + self.payment.get() * wp;
        ComponentScore::new(raw.clamp(0.0, 100.0)).unwrap_or(ComponentScore::MIN)
    }
}

impl NewHealthScoreRecord {
    /// A health assessment of `client_id`: the components, the weights and the overall score
    /// computed from them, stored together.
    pub fn new(
        client_id: impl Into<String>,
        components: HealthComponents,
        weights: HealthWeights,
    ) -> Self {
        let [wu, we, ws, wsat, wp] = weights.as_fractions();
        NewHealthScoreRecord {
            client_id: client_id.into(),
            usage_score: components.usage,
            engagement_score: components.engagement,
            support_score: components.support,
            satisfaction_score: components.satisfaction,
            payment_score: components.payment,
            usage_weight: Some(wu),
            engagement_weight: Some(we),
            support_weight: Some(ws),
            satisfaction_weight: Some(wsat),
            payment_weight: Some(wp),
            overall_score: Some(components.overall(&weights)),
            created_at: None,
            updated_at: None,
        }
    }

    /// The overall score that will be stored.
    pub fn overall_score(&self) -> Option<ComponentScore> {
        self.overall_score
    }
}

impl HealthScoreRecordChanges {
    /// Replaces the components and weights of an assessment and recomputes its overall score.
    pub fn recompute(components: HealthComponents, weights: HealthWeights) -> Self {
        let [wu, we, ws, wsat, wp] = weights.as_fractions();
        HealthScoreRecordChanges {
            usage_score: Some(components.usage),
            engagement_score: Some(components.engagement),
            support_score: Some(components.support),
            satisfaction_score: Some(components.satisfaction),
            payment_score: Some(components.payment),
            usage_weight: Some(wu),
            engagement_weight: Some(we),
            support_weight: Some(ws),
            satisfaction_weight: Some(wsat),
            payment_weight: Some(wp),
            overall_score: Some(Some(components.overall(&weights))),
            ..Default::default()
        }
    }
}

impl HealthScoreRecord {
    /// The five component scores of this row.
    pub fn components(&self) -> HealthComponents {
        HealthComponents {
            usage: self.usage_score,
            engagement: self.engagement_score,
            support: self.support_score,
            satisfaction: self.satisfaction_score,
            payment: self.payment_score,
        }
    }

    /// The weights stored with this row.
    ///
    /// # Errors
    /// When a row written outside this crate holds weights that do not sum to 1.
    pub fn weights(&self) -> Result<HealthWeights, ValidationError> {
        HealthWeights::new(
            self.usage_weight.get(),
            self.engagement_weight.get(),
            self.support_weight.get(),
            self.satisfaction_weight.get(),
            self.payment_weight.get(),
        )
    }
}

impl NewNpsResponse {
    /// An NPS response; its category (detractor, passive, promoter) is derived from `score`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        response_id: impl Into<String>,
        client_id: impl Into<String>,
        survey_id: impl Into<String>,
        respondent_email: impl Into<String>,
        respondent_name: impl Into<String>,
        score: NpsScore,
        sentiment: Sentiment,
        sentiment_score: SentimentScore,
        survey_sent_at: DateTime<Utc>,
        response_time_hours: NonNegativeF64,
    ) -> Self {
        NewNpsResponse {
            response_id: response_id.into(),
            client_id: client_id.into(),
            survey_id: survey_id.into(),
            respondent_email: respondent_email.into(),
            respondent_name: respondent_name.into(),
            score,
            category: score.category(),
            reason: None,
            follow_up_question_1: None,
            follow_up_answer_1: None,
            follow_up_question_2: None,
            follow_up_answer_2: None,
            sentiment,
            sentiment_score,
            follow_up_required: None,
            contacted: None,
            survey_sent_at,
            responded_at: None,
            response_time_hours,
        }
    }

    /// The score.
    pub fn score(&self) -> NpsScore {
        self.score
    }

    /// The category that will be stored, always `score().category()`.
    pub fn category(&self) -> NpsCategory {
        self.category
    }

    /// Changes the score and, with it, the category.
    pub fn set_score(&mut self, score: NpsScore) {
        self.score = score;
        self.category = score.category();
    }
}

impl NewNpsResponseBuilder {
    /// `score`: the answer to "how likely are you to recommend us", 0 to 10. Required; sets the
    /// derived `category` (0-6 detractor, 7-8 passive, 9-10 promoter) with it.
    pub fn score(mut self, score: NpsScore) -> Self {
        self.score = Some(score);
        self.category = Some(score.category());
        self
    }
}

impl NewHealthScoreRecordBuilder {
    /// The five component scores (`usage_score` … `payment_score`). Required.
    pub fn components(mut self, components: HealthComponents) -> Self {
        self.usage_score = Some(components.usage);
        self.engagement_score = Some(components.engagement);
        self.support_score = Some(components.support);
        self.satisfaction_score = Some(components.satisfaction);
        self.payment_score = Some(components.payment);
        self
    }

    /// The five weights (`usage_weight` … `payment_weight`). Optional: unset,
    /// [`HealthWeights::DEFAULT`].
    pub fn weights(mut self, weights: HealthWeights) -> Self {
        let [wu, we, ws, wsat, wp] = weights.as_fractions();
        self.usage_weight = Some(wu);
        self.engagement_weight = Some(we);
        self.support_weight = Some(ws);
        self.satisfaction_weight = Some(wsat);
        self.payment_weight = Some(wp);
        self
    }
}

impl NewHealthScoreRecord {
    /// The last step of [`NewHealthScoreRecordBuilder::build`]: stores the weights (the
    /// defaults when none were given) and the overall score computed from them, so a rebuilt
    /// row (`into_builder`) never keeps a stale overall score.
    pub(crate) fn finish_build(mut self) -> crate::Result<Self> {
        let default = HealthWeights::DEFAULT.as_fractions();
        let w = |given: Option<Fraction>, i: usize| given.unwrap_or(default[i]).get();
        let weights = HealthWeights::new(
            w(self.usage_weight, 0),
            w(self.engagement_weight, 1),
            w(self.support_weight, 2),
            w(self.satisfaction_weight, 3),
            w(self.payment_weight, 4),
        )?;
        let components = HealthComponents {
            usage: self.usage_score,
            engagement: self.engagement_score,
            support: self.support_score,
            satisfaction: self.satisfaction_score,
            payment: self.payment_score,
        };
        let [wu, we, ws, wsat, wp] = weights.as_fractions();
        self.usage_weight = Some(wu);
        self.engagement_weight = Some(we);
        self.support_weight = Some(ws);
        self.satisfaction_weight = Some(wsat);
        self.payment_weight = Some(wp);
        self.overall_score = Some(components.overall(&weights));
        self.check_derived()?;
        Ok(self)
    }
}

impl NewNpsResponse {
    /// The last step of [`NewNpsResponseBuilder::build`]: the category follows the score even
    /// when a rebuilt row (`into_builder`) changed the score.
    pub(crate) fn finish_build(mut self) -> crate::Result<Self> {
        self.category = self.score.category();
        self.check_derived()?;
        Ok(self)
    }

    /// The category must be the score's (`check_nps_category_matches_score`); the constructor
    /// guarantees it, this re-checks it before the row is sent.
    pub(crate) fn check_derived(&self) -> Result<(), ValidationError> {
        check_category(self.score, self.category)
    }
}

fn check_category(score: NpsScore, category: NpsCategory) -> Result<(), ValidationError> {
    if score.category() == category {
        Ok(())
    } else {
        Err(ValidationError::new(
            "category",
            format!("{category} for score {score}"),
            "the score's category (0-6 detractor, 7-8 passive, 9-10 promoter)",
            ValidationErrorKind::OutOfRange,
        ))
    }
}

impl NewHealthScoreRecord {
    /// Weights summing to 1 and `overall_score` equal to the weighted sum
    /// (`check_weights_sum_to_one`, `check_overall_score_is_weighted_sum`); the constructor
    /// guarantees both, this re-checks them before the row is sent.
    pub(crate) fn check_derived(&self) -> Result<(), ValidationError> {
        let default = HealthWeights::DEFAULT.as_fractions();
        let w = |given: Option<Fraction>, i: usize| given.unwrap_or(default[i]).get();
        let weights = HealthWeights::new(
            w(self.usage_weight, 0),
            w(self.engagement_weight, 1),
            w(self.support_weight, 2),
            w(self.satisfaction_weight, 3),
            w(self.payment_weight, 4),
        )?;
        let components = HealthComponents {
            usage: self.usage_score,
            engagement: self.engagement_score,
            support: self.support_score,
            satisfaction: self.satisfaction_score,
            payment: self.payment_score,
        };
        check_overall(self.overall_score, &components, &weights)
    }
}

/// The tolerance of `check_overall_score_is_weighted_sum`: the same sum in the same order
/// agrees to the last bit; this only absorbs the clamp to 0–100.
const OVERALL_TOLERANCE: f64 = 1e-6;

fn check_overall(
    overall: Option<ComponentScore>,
    components: &HealthComponents,
    weights: &HealthWeights,
) -> Result<(), ValidationError> {
    let expected = components.overall(weights);
    match overall {
        Some(given) if (given.get() - expected.get()).abs() > OVERALL_TOLERANCE => {
            Err(ValidationError::new(
                "overall_score",
                format!("{given} (the weighted sum is {expected})"),
                "the weighted sum of the component scores",
                ValidationErrorKind::OutOfRange,
            ))
        }
        _ => Ok(()),
    }
}

/// Checks the derived columns of a JSON change: `score` brings its `category` along, and a
/// `category` alone (or one that contradicts the score) is refused.
impl TryFrom<NpsResponseChangesInput> for NpsResponseChanges {
    type Error = ValidationError;

    fn try_from(input: NpsResponseChangesInput) -> Result<Self, ValidationError> {
        let mut changes = input.into_unchecked();
        match (changes.score, changes.category) {
            (Some(score), Some(category)) => check_category(score, category)?,
            (None, Some(category)) => {
                return Err(ValidationError::new(
                    "category",
                    category,
                    "no value: the category is derived from score; change score instead",
                    ValidationErrorKind::OutOfRange,
                ))
            }
            (Some(score), None) => changes.set_score(score),
            (None, None) => {}
        }
        Ok(changes)
    }
}

/// Checks the derived columns of a JSON change: the five component scores and five weights
/// change together (all ten, weights summing to 1), and `overall_score` is then computed (or,
/// when given, must equal the weighted sum). Anything partial is refused, because the new
/// overall score would depend on values the change does not contain.
impl TryFrom<HealthScoreRecordChangesInput> for HealthScoreRecordChanges {
    type Error = ValidationError;

    fn try_from(input: HealthScoreRecordChangesInput) -> Result<Self, ValidationError> {
        let changes = input.into_unchecked();
        let c = &changes;
        let scores = [
            c.usage_score,
            c.engagement_score,
            c.support_score,
            c.satisfaction_score,
            c.payment_score,
        ];
        let weights = [
            c.usage_weight,
            c.engagement_weight,
            c.support_weight,
            c.satisfaction_weight,
            c.payment_weight,
        ];
        let given = scores.iter().filter(|s| s.is_some()).count()
            + weights.iter().filter(|w| w.is_some()).count();
        if given == 0 {
            if let Some(overall) = c.overall_score {
                return Err(ValidationError::new(
                    "overall_score",
                    overall.map_or_else(|| "null".to_owned(), |o| o.to_string()),
                    "no value: overall_score is derived; give all five *_score and five *_weight fields instead",
                    ValidationErrorKind::OutOfRange,
                ));
            }
            return Ok(changes);
        }
        match (scores, weights) {
            (
                [Some(usage), Some(engagement), Some(support), Some(satisfaction), Some(payment)],
                [Some(wu), Some(we), Some(ws), Some(wsat), Some(wp)],
            ) => {
                let components = HealthComponents {
                    usage,
                    engagement,
                    support,
                    satisfaction,
                    payment,
                };
                let weights =
                    HealthWeights::new(wu.get(), we.get(), ws.get(), wsat.get(), wp.get())?;
                if let Some(overall) = c.overall_score {
                    check_overall(overall, &components, &weights)?;
                }
                Ok(HealthScoreRecordChanges::recompute(components, weights))
            }
            _ => Err(ValidationError::new(
                "health_scores",
                format!("{given} of the 10 score and weight fields"),
                "all five *_score and all five *_weight fields together, or none",
                ValidationErrorKind::OutOfRange,
            )),
        }
    }
}

impl SlaStatus {
    /// The state of one SLA at moment `now`, as the database's `csdb_sla_status()` computes
    /// it: `finished` is when the work was done (the first response, or the resolution), `None`
    /// while pending. Finished: [`Met`](SlaStatus::Met) within `sla_minutes`, else
    /// [`Breached`](SlaStatus::Breached). Pending: `Breached` past the deadline,
    /// [`AtRisk`](SlaStatus::AtRisk) after 75 % of it, [`NotApplicable`](SlaStatus::NotApplicable)
    /// (no verdict yet) before.
    pub fn at(
        started: DateTime<Utc>,
        finished: Option<DateTime<Utc>>,
        sla_minutes: i32,
        now: DateTime<Utc>,
    ) -> SlaStatus {
        // Microseconds, like PostgreSQL's timestamps; i128 so no difference can overflow.
        let micros = |end: DateTime<Utc>| {
            i128::from(
                (end - started)
                    .num_microseconds()
                    .unwrap_or(if end > started { i64::MAX } else { i64::MIN }),
            )
        };
        let sla = i128::from(sla_minutes) * 60_000_000;
        match finished {
            Some(done) if micros(done) <= sla => SlaStatus::Met,
            Some(_) => SlaStatus::Breached,
            None if micros(now) > sla => SlaStatus::Breached,
            None if micros(now) * 4 > sla * 3 => SlaStatus::AtRisk,
            None => SlaStatus::NotApplicable,
        }
    }
}

impl NpsResponseChanges {
    /// Changes the score, and the category with it.
    pub fn set_score(&mut self, score: NpsScore) {
        self.score = Some(score);
        self.category = Some(score.category());
    }

    /// A changeset that only changes the score (and the category with it).
    pub fn with_score(score: NpsScore) -> Self {
        let mut c = Self::default();
        c.set_score(score);
        c
    }
}

/// The Net Promoter Score of a set of responses: % promoters − % detractors, from −100 to 100.
/// `None` when there are no responses.
///
/// ```
/// use customer_success_db::models::net_promoter_score;
/// use customer_success_db::types::NpsScore;
/// let scores = [10, 9, 8, 3].map(|s| NpsScore::new(s).unwrap());
/// assert_eq!(net_promoter_score(scores), Some(25.0));
/// ```
pub fn net_promoter_score(scores: impl IntoIterator<Item = NpsScore>) -> Option<f64> {
    let (mut total, mut promoters, mut detractors) = (0u64, 0u64, 0u64);
    for s in scores {
        total += 1;
        match s.category() {
            NpsCategory::Promoter => promoters += 1,
            NpsCategory::Detractor => detractors += 1,
            NpsCategory::Passive => {}
        }
    }
    (total > 0).then(|| (promoters as f64 - detractors as f64) * 100.0 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(v: f64) -> ComponentScore {
        ComponentScore::new(v).unwrap()
    }

    #[test]
    fn overall_uses_the_weights() {
        let comps = HealthComponents {
            usage: c(100.0),
            engagement: c(80.0),
            support: c(60.0),
            satisfaction: c(40.0),
            payment: c(20.0),
        };
        let overall = comps.overall(&HealthWeights::DEFAULT).get();
        assert!(
            (overall - (35.0 + 20.0 + 9.0 + 6.0 + 2.0)).abs() < 1e-9,
            "{overall}"
        );
        let all_usage = HealthWeights::new(1.0, 0.0, 0.0, 0.0, 0.0).unwrap();
        assert_eq!(comps.overall(&all_usage).get(), 100.0);
        let max = HealthComponents {
            usage: c(100.0),
            engagement: c(100.0),
            support: c(100.0),
            satisfaction: c(100.0),
            payment: c(100.0),
        };
        assert!(max.overall(&HealthWeights::DEFAULT).get() <= 100.0);
    }

    #[test]
    fn weights_must_sum_to_one_and_be_in_range() {
        assert!(HealthWeights::new(0.35, 0.25, 0.15, 0.15, 0.10).is_ok());
        let e = HealthWeights::new(0.5, 0.5, 0.5, 0.0, 0.0).unwrap_err();
        assert_eq!(e.field(), "health_weights");
        let e = HealthWeights::new(-0.1, 0.6, 0.2, 0.2, 0.1).unwrap_err();
        assert_eq!(e.field(), "usage_weight");
        let e = HealthWeights::new(f64::NAN, 0.6, 0.2, 0.2, 0.0).unwrap_err();
        assert_eq!(e.kind(), ValidationErrorKind::NotFinite);
        let json = r#"{"usage":0.9,"engagement":0.9,"support":0,"satisfaction":0,"payment":0}"#;
        let e = serde_json::from_str::<HealthWeights>(json).unwrap_err();
        assert!(e.to_string().contains("health_weights"), "{e}");
    }

    #[test]
    fn nps_of_responses() {
        let s = |v: i32| NpsScore::new(v).unwrap();
        assert_eq!(net_promoter_score([]), None);
        assert_eq!(net_promoter_score([s(10), s(10)]), Some(100.0));
        assert_eq!(net_promoter_score([s(0), s(6)]), Some(-100.0));
        assert_eq!(net_promoter_score([s(7), s(8)]), Some(0.0));
        assert_eq!(net_promoter_score([s(9), s(6), s(7), s(8)]), Some(0.0));
    }

    #[test]
    fn category_follows_the_score() {
        let mut r = NewNpsResponse::new(
            "r",
            "c",
            "s",
            "e@x",
            "n",
            NpsScore::new(3).unwrap(),
            Sentiment::Negative,
            SentimentScore::new(-0.5).unwrap(),
            Utc::now(),
            NonNegativeF64::new(1.0).unwrap(),
        );
        assert_eq!(r.category(), NpsCategory::Detractor);
        r.set_score(NpsScore::new(9).unwrap());
        assert_eq!(r.category(), NpsCategory::Promoter);
        let ch = NpsResponseChanges::with_score(NpsScore::new(7).unwrap());
        assert_eq!(ch.category, Some(NpsCategory::Passive));
    }
}
