//! Domain rules of the original system that the models enforce: the weighted overall health
//! score and the NPS category derived from the score.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    HealthScoreRecord, HealthScoreRecordChanges, NewHealthScoreRecord, NewNpsResponse,
    NpsResponseChanges,
};
use crate::types::{
    ComponentScore, NpsCategory, NpsScore, Sentiment, SentimentScore, ValidationError,
    ValidationErrorKind,
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

/// The five component scores of a health assessment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
        let [wu, we, ws, wsat, wp] = weights.as_array();
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
        let [wu, we, ws, wsat, wp] = weights.as_array();
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
            self.usage_weight,
            self.engagement_weight,
            self.support_weight,
            self.satisfaction_weight,
            self.payment_weight,
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
        response_time_hours: f64,
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
            1.0,
        );
        assert_eq!(r.category(), NpsCategory::Detractor);
        r.set_score(NpsScore::new(9).unwrap());
        assert_eq!(r.category(), NpsCategory::Promoter);
        let ch = NpsResponseChanges::with_score(NpsScore::new(7).unwrap());
        assert_eq!(ch.category, Some(NpsCategory::Passive));
    }
}
