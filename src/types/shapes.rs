//! Typed shapes of the `jsonb` columns whose content the original system defines.
//!
//! The columns themselves stay [`serde_json::Value`] in the models, so free-form data (a
//! shape a later version adds, or data another system wrote) still stores and loads: that is
//! the escape hatch. Where a shape is known, its type here validates it both ways:
//!
//! - [`JsonShape::from_value`] reads a column's value, and fails with
//!   [`Error::Deserialize`](crate::Error::Deserialize) naming the JSON path of the bad field
//!   (`[1].done`, `usage`) and what was wrong;
//! - the constructors (`new`) check the same rules for values built in Rust, and
//!   [`JsonShape::to_value`] (or `Value::from`) gives the column's value.
//!
//! | type | column(s) | shape | unknown keys |
//! |---|---|---|---|
//! | [`TextList`] | `onboarding_plans.customer_goals`, `onboarding_plans.success_criteria`, `training_modules.learning_objectives`, `training_modules.topics_covered` (stored as [`StringList`](super::StringList); check with `TextList::new`) | non-empty array of non-blank strings | - |
//! | [`MilestoneTasks`] | `onboarding_milestones.tasks` | non-empty array of `{"task", "done"}` (a bare string is a task not done) | rejected |
//! | [`HealthComponents`](crate::models::HealthComponents) | `health_metrics.health_components` | `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100 | rejected |
//! | [`ComponentTrends`] | `health_metrics.component_trends` | the same five keys, each `"up"`, `"flat"` or `"down"` | rejected |
//! | [`FeatureAdoption`] | `engagement_metrics.feature_adoption` | object: feature name to a fraction 0 to 1 | keys are data |
//! | [`TopFeatures`] | `usage_analytics.top_features` | array of `{"feature", "events"}` | rejected |
//!
//! Unknown keys are rejected where the keys are a fixed vocabulary (a misspelt `"don"` would
//! otherwise silently lose a task's state, a sixth health component would be ignored by every
//! reader); they are the data itself in [`FeatureAdoption`], whose keys are feature names.
//!
//! ```
//! use customer_success_db::types::{JsonShape, MilestoneTask, MilestoneTasks};
//! let tasks = MilestoneTasks::new(vec![MilestoneTask::new("Kickoff call", true)?])?;
//! let value = tasks.to_value();                     // what `onboarding_milestones.tasks` stores
//! assert_eq!(MilestoneTasks::from_value(&value)?, tasks);
//! let bad = serde_json::json!([{"task": "Kickoff call", "done": "yes"}]);
//! let err = MilestoneTasks::from_value(&bad).unwrap_err();
//! assert!(err.to_string().contains("[0].done"), "{err}");
//! # Ok::<(), customer_success_db::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::{Fraction, ValidationError, ValidationErrorKind};
use crate::models::HealthComponents;
use crate::Result;

/// A typed shape of a `jsonb` column: read it from the column's value, write it back as one.
pub trait JsonShape: DeserializeOwned + Sized {
    /// The columns that hold this shape, as `table.column`.
    const COLUMNS: &'static [&'static str];

    /// Reads and validates a column's value.
    ///
    /// # Errors
    /// [`Error::Deserialize`](crate::Error::Deserialize) with the JSON path of the first bad
    /// field and what was wrong with it.
    fn from_value(value: &Value) -> Result<Self> {
        crate::input::from_json_value(value.clone())
    }

    /// The value to store in the column.
    fn to_value(&self) -> Value;
}

fn blank(
    field: &'static str,
    what: impl std::fmt::Display,
    allowed: &'static str,
) -> ValidationError {
    ValidationError::new(field, what, allowed, ValidationErrorKind::OutOfRange)
}

/// A non-empty list of non-blank strings: goals, success criteria, learning objectives, topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct TextList(Vec<String>);

impl TextList {
    const ALLOWED: &'static str = "at least one item, none blank";

    /// Validates the items.
    ///
    /// # Errors
    /// A [`ValidationError`] (field `text_list`) for an empty list or a blank item, naming its
    /// index.
    pub fn new<S: Into<String>>(
        items: impl IntoIterator<Item = S>,
    ) -> Result<Self, ValidationError> {
        let items: Vec<String> = items.into_iter().map(Into::into).collect();
        if items.is_empty() {
            return Err(blank("text_list", "an empty list", Self::ALLOWED));
        }
        if let Some(i) = items.iter().position(|s| s.trim().is_empty()) {
            return Err(blank(
                "text_list",
                format!("item {i} (blank)"),
                Self::ALLOWED,
            ));
        }
        Ok(Self(items))
    }

    /// The items.
    pub fn items(&self) -> &[String] {
        &self.0
    }
}

impl TryFrom<Vec<String>> for TextList {
    type Error = ValidationError;
    fn try_from(items: Vec<String>) -> Result<Self, ValidationError> {
        Self::new(items)
    }
}

impl From<TextList> for Vec<String> {
    fn from(list: TextList) -> Self {
        list.0
    }
}

impl From<TextList> for Value {
    fn from(list: TextList) -> Value {
        list.to_value()
    }
}

impl JsonShape for TextList {
    const COLUMNS: &'static [&'static str] = &[
        "onboarding_plans.customer_goals",
        "onboarding_plans.success_criteria",
        "training_modules.learning_objectives",
        "training_modules.topics_covered",
    ];
    fn to_value(&self) -> Value {
        Value::Array(self.0.iter().cloned().map(Value::String).collect())
    }
}

/// One task of an onboarding milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TaskInput")]
pub struct MilestoneTask {
    task: String,
    done: bool,
}

/// What JSON may hold for a task: the original system's bare string, or the object.
enum TaskInput {
    Text(String),
    Object(TaskObject),
}

// By hand rather than `#[serde(untagged)]`: an untagged enum buffers the value and reports
// only "did not match any variant", where this visitor hands the object's own map to
// `TaskObject`, so an error names the key (`[0].done: invalid type …`).
impl<'de> Deserialize<'de> for TaskInput {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TaskInput;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(r#"a task: a string, or {"task": text, "done": bool}"#)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TaskInput, E> {
                Ok(TaskInput::Text(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<TaskInput, A::Error> {
                TaskObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(TaskInput::Object)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskObject {
    task: String,
    #[serde(default)]
    done: bool,
}

impl TryFrom<TaskInput> for MilestoneTask {
    type Error = ValidationError;
    fn try_from(input: TaskInput) -> Result<Self, ValidationError> {
        match input {
            TaskInput::Text(task) => Self::new(task, false),
            TaskInput::Object(o) => Self::new(o.task, o.done),
        }
    }
}

impl MilestoneTask {
    /// A task and whether it is done.
    ///
    /// # Errors
    /// A [`ValidationError`] (field `task`) when the text is blank.
    pub fn new(task: impl Into<String>, done: bool) -> Result<Self, ValidationError> {
        let task = task.into();
        if task.trim().is_empty() {
            return Err(blank("task", "a blank task", "non-blank text"));
        }
        Ok(Self { task, done })
    }

    /// What is to be done.
    pub fn task(&self) -> &str {
        &self.task
    }

    /// Whether it is done.
    pub fn done(&self) -> bool {
        self.done
    }
}

/// The tasks of an onboarding milestone (`onboarding_milestones.tasks`): at least one.
///
/// Objects with a key other than `task` and `done` are rejected: `{"task": "x", "don": true}`
/// is a typo that would otherwise store the task as not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<MilestoneTask>")]
pub struct MilestoneTasks(Vec<MilestoneTask>);

impl MilestoneTasks {
    /// Validates the list.
    ///
    /// # Errors
    /// A [`ValidationError`] (field `tasks`) for an empty list.
    pub fn new(tasks: Vec<MilestoneTask>) -> Result<Self, ValidationError> {
        if tasks.is_empty() {
            return Err(blank("tasks", "an empty list", "at least one task"));
        }
        Ok(Self(tasks))
    }

    /// The tasks.
    pub fn tasks(&self) -> &[MilestoneTask] {
        &self.0
    }

    /// The share of tasks done, 0 to 1.
    pub fn done_fraction(&self) -> Fraction {
        let done = self.0.iter().filter(|t| t.done).count();
        Fraction::clamped(done as f64 / self.0.len().max(1) as f64)
    }
}

impl TryFrom<Vec<MilestoneTask>> for MilestoneTasks {
    type Error = ValidationError;
    fn try_from(tasks: Vec<MilestoneTask>) -> Result<Self, ValidationError> {
        Self::new(tasks)
    }
}

impl From<MilestoneTasks> for Value {
    fn from(tasks: MilestoneTasks) -> Value {
        tasks.to_value()
    }
}

impl JsonShape for MilestoneTasks {
    const COLUMNS: &'static [&'static str] = &["onboarding_milestones.tasks"];
    fn to_value(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|t| json!({"task": t.task, "done": t.done}))
                .collect(),
        )
    }
}

/// `health_metrics.health_components`: the five component scores of a period, the same
/// components (and the same 0–100 range) as a `health_scores` row.
impl JsonShape for HealthComponents {
    const COLUMNS: &'static [&'static str] = &["health_metrics.health_components"];
    fn to_value(&self) -> Value {
        json!({
            "usage": self.usage.get(),
            "engagement": self.engagement.get(),
            "support": self.support.get(),
            "satisfaction": self.satisfaction.get(),
            "payment": self.payment.get(),
        })
    }
}

impl From<HealthComponents> for Value {
    fn from(components: HealthComponents) -> Value {
        components.to_value()
    }
}

/// The direction of one health component over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ComponentTrend {
    /// Improved.
    Up,
    /// About the same.
    Flat,
    /// Worsened.
    Down,
}

impl ComponentTrend {
    /// The stored text: `up`, `flat` or `down`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Up => "up",
            Self::Flat => "flat",
            Self::Down => "down",
        }
    }
}

/// `health_metrics.component_trends`: the direction of each of the five health components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentTrends {
    /// Product usage.
    pub usage: ComponentTrend,
    /// Engagement.
    pub engagement: ComponentTrend,
    /// Support experience.
    pub support: ComponentTrend,
    /// Satisfaction.
    pub satisfaction: ComponentTrend,
    /// Payment behaviour.
    pub payment: ComponentTrend,
}

impl JsonShape for ComponentTrends {
    const COLUMNS: &'static [&'static str] = &["health_metrics.component_trends"];
    fn to_value(&self) -> Value {
        json!({
            "usage": self.usage.as_str(),
            "engagement": self.engagement.as_str(),
            "support": self.support.as_str(),
            "satisfaction": self.satisfaction.as_str(),
            "payment": self.payment.as_str(),
        })
    }
}

impl From<ComponentTrends> for Value {
    fn from(trends: ComponentTrends) -> Value {
        trends.to_value()
    }
}

/// `engagement_metrics.feature_adoption`: for each feature, the fraction (0 to 1) of active
/// users who used it in the period. Feature names are data, so any non-blank name is allowed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<String, Fraction>")]
pub struct FeatureAdoption(BTreeMap<String, Fraction>);

impl FeatureAdoption {
    /// Validates the feature names.
    ///
    /// # Errors
    /// A [`ValidationError`] (field `feature`) for a blank name.
    pub fn new<S: Into<String>>(
        rates: impl IntoIterator<Item = (S, Fraction)>,
    ) -> Result<Self, ValidationError> {
        let rates: BTreeMap<String, Fraction> =
            rates.into_iter().map(|(k, v)| (k.into(), v)).collect();
        if rates.keys().any(|k| k.trim().is_empty()) {
            return Err(blank("feature", "a blank feature name", "non-blank names"));
        }
        Ok(Self(rates))
    }

    /// The adoption rate of each feature.
    pub fn rates(&self) -> &BTreeMap<String, Fraction> {
        &self.0
    }
}

impl TryFrom<BTreeMap<String, Fraction>> for FeatureAdoption {
    type Error = ValidationError;
    fn try_from(rates: BTreeMap<String, Fraction>) -> Result<Self, ValidationError> {
        Self::new(rates)
    }
}

impl JsonShape for FeatureAdoption {
    const COLUMNS: &'static [&'static str] = &["engagement_metrics.feature_adoption"];
    fn to_value(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, v)| (k.clone(), json!(v.get())))
                .collect::<Map<String, Value>>(),
        )
    }
}

impl From<FeatureAdoption> for Value {
    fn from(adoption: FeatureAdoption) -> Value {
        adoption.to_value()
    }
}

/// One entry of `usage_analytics.top_features`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "TopFeatureInput")]
pub struct TopFeature {
    /// The feature's name (non-blank).
    feature: String,
    /// How many usage events it had in the period.
    events: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopFeatureInput {
    feature: String,
    events: u64,
}

impl TryFrom<TopFeatureInput> for TopFeature {
    type Error = ValidationError;
    fn try_from(input: TopFeatureInput) -> Result<Self, ValidationError> {
        Self::new(input.feature, input.events)
    }
}

impl TopFeature {
    /// A feature and its number of usage events in the period.
    ///
    /// # Errors
    /// A [`ValidationError`] (field `feature`) for a blank name.
    pub fn new(feature: impl Into<String>, events: u64) -> Result<Self, ValidationError> {
        let feature = feature.into();
        if feature.trim().is_empty() {
            return Err(blank("feature", "a blank feature name", "non-blank names"));
        }
        Ok(Self { feature, events })
    }

    /// The feature's name.
    pub fn feature(&self) -> &str {
        &self.feature
    }

    /// Its usage events in the period.
    pub fn events(&self) -> u64 {
        self.events
    }
}

/// `usage_analytics.top_features`: the most used features, most used first (may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopFeatures(pub Vec<TopFeature>);

impl JsonShape for TopFeatures {
    const COLUMNS: &'static [&'static str] = &["usage_analytics.top_features"];
    fn to_value(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|f| json!({"feature": f.feature, "events": f.events}))
                .collect(),
        )
    }
}

impl From<TopFeatures> for Value {
    fn from(features: TopFeatures) -> Value {
        features.to_value()
    }
}

/// Reads a shape from a column's value: `shape::<MilestoneTasks>(&row.tasks)`.
///
/// # Errors
/// As [`JsonShape::from_value`].
pub fn shape<T: JsonShape>(value: &Value) -> Result<T> {
    T::from_value(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_validate() {
        assert!(TextList::new(Vec::<String>::new()).is_err());
        let e = TextList::new(["a", " "]).unwrap_err();
        assert!(e.to_string().contains("item 1"), "{e}");
        assert!(MilestoneTask::new("", false).is_err());
        assert!(MilestoneTasks::new(vec![]).is_err());
        assert!(FeatureAdoption::new([("", Fraction::clamped(0.5))]).is_err());
        assert!(TopFeature::new(" ", 1).is_err());
    }

    #[test]
    fn bare_strings_are_tasks_not_done() {
        let t = MilestoneTasks::from_value(&json!(["a", {"task": "b", "done": true}])).unwrap();
        assert_eq!(t.tasks()[0], MilestoneTask::new("a", false).unwrap());
        assert!(t.tasks()[1].done());
        assert_eq!(t.done_fraction().get(), 0.5);
    }
}
