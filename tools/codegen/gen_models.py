"""Code generator (see tools/codegen/README.md). Reads the schema specification
(`CSDB_SPEC`, default tools/codegen/spec/schema.json in this repository) and writes into the crate."""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.environ.get("CSDB_SPEC", os.path.join(ROOT, "tools", "codegen", "spec", "schema.json"))
import json, re, os
spec = json.load(open(SPEC))

# Schema v2's changes to the tables themselves (the specification describes the original point):
# migration 2026-11-30-000008_v2_distribution_ready gives ticket_comments and
# onboarding_milestones their parent's client_id (appended, as ALTER TABLE ADD COLUMN does), makes
# sentiment_analysis.client_id required and moves the portfolio-wide analyses (no customer) to
# portfolio_sentiment_analysis, a copy of sentiment_analysis without client_id.
def _v2_tables(spec):
    import copy
    tables = {t['name']: t for t in spec['tables']}
    for name in ('ticket_comments', 'onboarding_milestones'):
        tables[name]['columns'].append({'name': 'client_id', 'type': 'varchar(100)', 'nullable': False})
    for c in tables['sentiment_analysis']['columns']:
        if c['name'] == 'client_id': c['nullable'] = False
    portfolio = copy.deepcopy(tables['sentiment_analysis'])
    portfolio['name'] = 'portfolio_sentiment_analysis'
    portfolio['columns'] = [c for c in portfolio['columns'] if c['name'] != 'client_id']
    portfolio['indexes'] = [i for i in portfolio['indexes'] if 'client_id' not in i['columns']]
    at = spec['tables'].index(tables['sentiment_analysis']) + 1
    spec['tables'].insert(at, portfolio)
_v2_tables(spec)
# Tables whose keys include client_id (distributed by it on Citus; src/distribute.rs): a business
# key is unique per customer there, so `upsert_by_key` conflicts on (key, client_id).
PER_CUSTOMER_KEYS = {'contracts', 'customer_feedback', 'expansion_opportunities', 'nps_responses',
                     'renewal_forecasts', 'sentiment_analysis', 'training_completions',
                     'ticket_comments', 'support_tickets', 'onboarding_plans'}
OUT = os.path.join(ROOT, 'src', 'models')
os.makedirs(OUT, exist_ok=True)

STRUCT = {
 'customers':'Customer','health_scores':'HealthScoreRecord','customer_segments':'CustomerSegment',
 'risk_indicators':'RiskIndicator','churn_predictions':'ChurnPrediction','onboarding_plans':'OnboardingPlan',
 'onboarding_milestones':'OnboardingMilestone','training_modules':'TrainingModule','training_completions':'TrainingCompletion',
 'support_tickets':'SupportTicket','ticket_comments':'TicketComment','knowledge_base_articles':'KnowledgeBaseArticle',
 'renewal_forecasts':'RenewalForecast','contracts':'Contract','expansion_opportunities':'ExpansionOpportunity',
 'renewal_campaigns':'RenewalCampaign','customer_feedback':'CustomerFeedback','nps_responses':'NpsResponse',
 'sentiment_analysis':'SentimentAnalysis','survey_templates':'SurveyTemplate','health_metrics':'HealthMetric',
 'engagement_metrics':'EngagementMetric','usage_analytics':'UsageAnalytics','cohort_analysis':'CohortAnalysis',
 'portfolio_sentiment_analysis':'PortfolioSentimentAnalysis',
}
ENUMS = {
 'customers.tier':'CustomerTier','customers.lifecycle_stage':'LifecycleStage','customers.health_trend':'HealthTrend',
 'customers.status':'CustomerStatus','risk_indicators.severity':'RiskLevel','churn_predictions.churn_risk_level':'RiskLevel',
 'onboarding_plans.status':'OnboardingStatus','onboarding_milestones.status':'MilestoneStatus','training_modules.format':'TrainingFormat',
 'training_modules.certification_level':'CertificationLevel','support_tickets.priority':'TicketPriority',
 'support_tickets.category':'TicketCategory','support_tickets.status':'TicketStatus',
 'support_tickets.first_response_sla_status':'SlaStatus','support_tickets.resolution_sla_status':'SlaStatus',
 'ticket_comments.author_type':'AuthorType','knowledge_base_articles.status':'ArticleStatus',
 'renewal_forecasts.renewal_status':'RenewalStatus','contracts.contract_type':'ContractType',
 'contracts.billing_frequency':'BillingFrequency','contracts.payment_status':'PaymentStatus',
 'expansion_opportunities.expansion_type':'ExpansionType','expansion_opportunities.current_stage':'OpportunityStage',
 'expansion_opportunities.competitive_pressure':'CompetitivePressure','customer_feedback.feedback_type':'FeedbackType',
 'survey_templates.template_type':'FeedbackType','customer_feedback.sentiment':'Sentiment','nps_responses.sentiment':'Sentiment',
 'sentiment_analysis.overall_sentiment':'Sentiment','customer_feedback.priority':'FeedbackPriority',
 'customer_feedback.status':'FeedbackStatus','nps_responses.category':'NpsCategory',
 'sentiment_analysis.sentiment_trend':'SentimentTrend','survey_templates.frequency':'SurveyFrequency',
 'health_metrics.health_score_trend':'MetricTrend','engagement_metrics.engagement_trend':'MetricTrend',
 'usage_analytics.usage_trend':'MetricTrend',
}
NEWTYPES = {
 'customers.health_score':'HealthScore','customers.contract_value':'Money',
 'health_scores.usage_score':'ComponentScore','health_scores.engagement_score':'ComponentScore',
 'health_scores.support_score':'ComponentScore','health_scores.satisfaction_score':'ComponentScore',
 'health_scores.payment_score':'ComponentScore','health_scores.overall_score':'ComponentScore',
 'customer_segments.total_arr':'Money',
 'churn_predictions.churn_probability':'Probability',
 'support_tickets.satisfaction_rating':'SatisfactionRating',
 'renewal_forecasts.current_arr':'Money','renewal_forecasts.forecasted_arr':'Money',
 'renewal_forecasts.renewal_probability':'Probability','renewal_forecasts.health_score':'HealthScore',
 'renewal_forecasts.expansion_probability':'Probability','renewal_forecasts.estimated_expansion_value':'Money',
 'contracts.contract_value':'Money',
 'expansion_opportunities.estimated_value':'Money','expansion_opportunities.probability':'Probability',
 'renewal_campaigns.total_arr_at_risk':'Money','renewal_campaigns.expansion_value_identified':'Money',
 'customer_feedback.sentiment_score':'SentimentScore',
 'nps_responses.score':'NpsScore','nps_responses.sentiment_score':'SentimentScore',
 'sentiment_analysis.overall_sentiment_score':'SentimentScore',
 'health_metrics.overall_health_score':'HealthScore','health_metrics.predicted_next_period_score':'HealthScore',
}

# Schema v2 (tools/codegen/gen_v2.py): every further range-checked column has a newtype too.
V2_NEWTYPES = {
 'health_scores': {c: 'Fraction' for c in ['usage_weight','engagement_weight','support_weight','satisfaction_weight','payment_weight']},
 'customer_segments': {'customer_count':'Count','avg_health_score':'ComponentScore'},
 'risk_indicators': {'current_value':'FiniteF64','threshold_value':'FiniteF64'},
 'churn_predictions': {'confidence_score':'Fraction'},
 'onboarding_plans': {'timeline_weeks':'Count','total_estimated_hours':'Count','completion_percentage':'Percentage'},
 'onboarding_milestones': {'week':'Count','sequence_order':'Count','estimated_hours':'Count','actual_hours':'Count','completion_percentage':'Percentage'},
 'training_modules': {'duration_minutes':'Count','passing_score':'Percentage','max_attempts':'Count'},
 'training_completions': {'time_spent_minutes':'Count','assessment_score':'Percentage','attempts_used':'Count','feedback_rating':'Rating'},
 'support_tickets': {c:'Count' for c in ['sla_first_response_minutes','sla_resolution_minutes','time_to_first_response_minutes','time_to_resolution_minutes']},
 'knowledge_base_articles': {'version':'Count','view_count':'Count','helpful_votes':'Count','not_helpful_votes':'Count','helpfulness_score':'Fraction'},
 'renewal_forecasts': {'confidence_score':'Fraction'},
 'contracts': {'notice_period_days':'Count','included_users':'Count','discount_percentage':'Percentage'},
 'expansion_opportunities': {'confidence_score':'Fraction'},
 'renewal_campaigns': {'total_customers':'Count','customers_contacted':'Count','customers_committed':'Count','customers_at_risk':'Count','win_rate':'Fraction','expansion_opportunities_identified':'Count'},
 'nps_responses': {'response_time_hours':'NonNegativeF64'},
 'sentiment_analysis': {'total_feedback_items':'Count','nps_score':'NetPromoterScore','csat_score':'Rating'},
 'health_metrics': {'health_score_change':'ScoreChange','confidence':'Fraction'},
 'engagement_metrics': dict({c:'Count' for c in ['total_users','active_users','daily_active_users','weekly_active_users','monthly_active_users','total_logins','total_session_minutes','total_actions','power_users','inactive_users','at_risk_users']},
     activation_rate='Fraction', engagement_rate='Fraction', avg_logins_per_user='NonNegativeF64',
     avg_session_duration_minutes='NonNegativeF64', avg_actions_per_session='NonNegativeF64'),
 'usage_analytics': {'total_usage_events':'Count','unique_features_used':'Count','total_features_available':'Count','feature_utilization_rate':'Fraction','usage_growth_rate':'GrowthRate'},
 'cohort_analysis': {'cohort_size':'Count','months_since_cohort':'Count'},
}
for _t, _cols in V2_NEWTYPES.items():
    for _c, _ty in _cols.items():
        assert f"{_t}.{_c}" not in NEWTYPES, (_t, _c)
        NEWTYPES[f"{_t}.{_c}"] = _ty
STRING_LISTS = {
 'support_tickets.tags','knowledge_base_articles.tags','customer_feedback.tags','knowledge_base_articles.search_keywords',
 'knowledge_base_articles.related_articles','knowledge_base_articles.product_tier_restrictions',
 'training_modules.prerequisites','training_modules.learning_objectives','training_modules.topics_covered',
 'onboarding_plans.assigned_implementation_team','onboarding_milestones.dependencies',
 'expansion_opportunities.decision_makers','expansion_opportunities.value_drivers','expansion_opportunities.requirements',
}
BUSINESS_KEY = {}  # table -> unique key column used for get_by_key
DIESEL_PK = {'customers':'client_id','onboarding_plans':'plan_id','training_modules':'module_id','support_tickets':'ticket_id'}
PARENT = {}  # (table) -> (parent struct, fk col)
for t in spec['tables']:
    if t['unique']: BUSINESS_KEY[t['name']] = t['unique'][0]
    for f in t['foreign_keys']:
        ptable = f['references'].split('(')[0]
        PARENT[t['name']] = (STRUCT[ptable], f['column'], ptable)
# Columns a caller may not set through the generic changeset (invariants kept by the domain API).
GUARDED = {'nps_responses': {'score','category'}, 'health_scores': {'usage_score','engagement_score','support_score','satisfaction_score','payment_score','usage_weight','engagement_weight','support_weight','satisfaction_weight','payment_weight','overall_score'}}
# Columns of the insert struct that are private (set by a constructor).
PRIVATE_INSERT = {'nps_responses': {'score','category'}, 'health_scores': GUARDED['health_scores']}
NO_CHANGE = {'id','created_at','updated_at'}

def rust_base(t, c):
    key = f"{t}.{c['name']}"
    if key in ENUMS: return ENUMS[key]
    if key in NEWTYPES: return NEWTYPES[key]
    if key in STRING_LISTS: return 'StringList'
    ty = c['type']
    if ty.startswith('varchar') or ty == 'text': return 'String'
    return {'bigint':'i64','integer':'i32','double precision':'f64','numeric(14,2)':'Money','date':'NaiveDate',
            'timestamptz':'DateTime<Utc>','jsonb':'Value','boolean':'bool'}[ty]

# What a column means where its name and type do not say it (schema v2's decisions).
MEANING = {
 'renewal_forecasts.contract_id': 'The contract this forecast is for. Not a foreign key: the original system can record a forecast before (or without) the contract row, with the CRM\'s id.',
 'renewal_forecasts.days_until_renewal': 'Days from the forecast to `renewal_date` when it was written (negative: overdue); a snapshot that `maintenance::refresh_derived_values` (`csdb refresh`) brings up to date. Queries select by `renewal_date`.',
 'ticket_comments.client_id': 'The ticket\'s customer: with `ticket_id` a foreign key to the ticket\'s `(ticket_id, client_id)`, so it always equals the ticket\'s (schema v2; what Citus places the comment by).',
 'onboarding_milestones.client_id': 'The plan\'s customer: with `plan_id` a foreign key to the plan\'s `(plan_id, client_id)`, so it always equals the plan\'s (schema v2; what Citus places the milestone by).',
 'customers.health_score': 'Follows the latest `health_scores` row (its overall score rounded half up, kept by a trigger); a customer without assessments keeps the value it was given.',
 'support_tickets.first_response_sla_status': 'Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.',
 'support_tickets.resolution_sla_status': 'Stored state; the SLA monitor computes the live one (`SlaStatus::at`), and `csdb refresh` rewrites this column.',
}

# What each JSON column holds. Where the original system's Pydantic models (or the crate's own
# demo data) fix a shape, a validated type in `crate::types::shapes` names it; the column itself
# stays a `serde_json::Value`, so free-form data still stores (the escape hatch).
JSON_MEANING = {
 'onboarding_plans.customer_goals': "The customer's stated success goals: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList).",
 'onboarding_plans.success_criteria': 'Measurable criteria for completing the plan: a non-empty JSON array of non-blank strings; typed as [`TextList`](crate::types::TextList).',
 'onboarding_milestones.tasks': 'The tasks of the milestone: a non-empty JSON array of `{"task": text, "done": bool}` (a bare string is read as a task not yet done); typed as [`MilestoneTasks`](crate::types::MilestoneTasks).',
 'onboarding_milestones.success_criteria': 'Criteria for completing the milestone: a JSON array of strings (may be empty).',
 'onboarding_milestones.blockers': 'What currently blocks progress: a JSON array of strings (empty when nothing does).',
 'training_modules.learning_objectives': 'What a learner can do afterwards; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it).',
 'training_modules.topics_covered': 'Topics of the module; the original system requires at least one ([`TextList::new`](crate::types::TextList::new) checks it).',
 'training_modules.prerequisites': '`module_id`s to complete first.',
 'health_metrics.health_components': 'The five component scores of the period: `{"usage", "engagement", "support", "satisfaction", "payment"}`, each 0 to 100; typed as [`HealthComponents`](crate::models::HealthComponents).',
 'health_metrics.component_trends': 'The direction of each component over the period: `{"usage": "up" | "flat" | "down", …}` for the same five components; typed as [`ComponentTrends`](crate::types::ComponentTrends).',
 'health_metrics.risk_indicators': 'Risk signals seen in the period (e.g. `"declining_usage"`): a JSON array of strings.',
 'health_metrics.positive_indicators': 'Positive signals seen in the period (e.g. `"executive_sponsor"`): a JSON array of strings.',
 'health_metrics.benchmark_comparison': 'Free-form comparison with peers (e.g. `{"tier_average": 70.5, "percentile": 62}`).',
 'engagement_metrics.feature_adoption': 'Share of active users using each feature: a JSON object of feature name to a fraction 0 to 1; typed as [`FeatureAdoption`](crate::types::FeatureAdoption).',
 'engagement_metrics.vs_previous_period': 'Free-form changes against the previous period (e.g. `{"active_users_change_pct": 4.2}`, percent).',
 'usage_analytics.top_features': 'The most used features: a JSON array of `{"feature": name, "events": count}`; typed as [`TopFeatures`](crate::types::TopFeatures).',
 'usage_analytics.underutilized_features': 'Features the customer pays for and barely uses: a JSON array of names.',
 'usage_analytics.new_feature_adoption': 'Free-form: feature name to the fraction (0 to 1) of users who tried it.',
 'customer_segments.criteria': 'Free-form rules that put a customer in the segment (e.g. `{"tier": ["enterprise"]}`).',
 'churn_predictions.contributing_factors': 'Free-form: what drove the prediction (a JSON array).',
 'churn_predictions.retention_recommendations': 'Free-form: recommended retention actions (a JSON array).',
 'renewal_campaigns.target_renewal_date_range': 'Free-form: the renewal dates the campaign targets (e.g. `{"start": "2026-01-01", "end": "2026-03-31"}`).',
 'contracts.products_included': 'Free-form: the products the contract covers (a JSON array).',
 'survey_templates.questions': 'Free-form: the survey questions (a JSON array).',
 'cohort_analysis.retention_by_month': 'Free-form: months since the cohort started to the fraction (0 to 1) of customers retained.',
}

def unit_for(t, c):
    """The unit and range of a column, from its newtype and name: what a caller must know to
    put the right number in (a fraction or a percentage? minutes or hours?)."""
    name = c['name']; ty = NEWTYPES.get(f"{t}.{name}")
    if ty == 'Fraction':
        if name.endswith('_weight'):
            return 'Weight of this component in the overall score, a fraction from 0 to 1; the five weights sum to 1.'
        if 'confidence' in name:
            return 'Confidence in the estimate, a fraction from 0 (none) to 1 (certain).'
        return 'A fraction from 0 to 1 (0.25 means 25 %), not a percentage.'
    if ty == 'Probability': return 'A probability from 0 to 1 (0.8 means 80 %).'
    if ty == 'Percentage': return 'Percent, from 0 to 100 (75.0 means 75 %), not a 0-1 fraction.'
    if ty == 'ComponentScore': return 'A score from 0 (worst) to 100 (best).'
    if ty == 'HealthScore': return 'A whole-number health score from 0 (worst) to 100 (best).'
    if ty == 'Count':
        for suffix, unit in (('_minutes', 'Whole minutes'), ('_hours', 'Whole hours'), ('_days', 'Whole days'), ('_weeks', 'Whole weeks')):
            if name.endswith(suffix): return f'{unit}, 0 or more.'
        if name == 'week': return 'Week of the onboarding timeline (1 is the first week), 0 or more.'
        if name == 'sequence_order': return 'Position among the plan\'s milestones (1 runs first), 0 or more.'
        if name == 'months_since_cohort': return 'Whole months since the cohort started, 0 or more.'
        if name == 'version': return 'Revision number of the article, 0 or more.'
        return 'A count, 0 or more.'
    if ty == 'Money':
        cur = ' in the contract\'s `currency`' if t == 'contracts' else ' (the schema stores no currency: the account\'s)'
        return f'An amount of money{cur}, 0 to 999 999 999 999.99, at most 2 decimals.'
    if ty == 'NonNegativeF64':
        if name.endswith('_hours'): return 'Hours (fractional), 0 or more.'
        if name.endswith('_minutes'): return 'Minutes (fractional), 0 or more.'
        return 'An average, 0 or more.'
    if ty == 'SentimentScore': return 'Sentiment from -1 (negative) through 0 (neutral) to 1 (positive).'
    if ty == 'Rating': return 'A rating from 1 to 5 (fractional averages allowed).'
    if ty == 'SatisfactionRating': return 'The customer\'s rating, a whole number from 1 to 5.'
    if ty == 'NpsScore': return 'The answer to "how likely are you to recommend us", 0 to 10.'
    if ty == 'NetPromoterScore': return 'Net Promoter Score: % promoters minus % detractors, -100 to 100.'
    if ty == 'ScoreChange': return 'Change of the score since the previous period, in points, -100 to 100.'
    if ty == 'GrowthRate': return 'Growth since the previous period as a fraction, -1 (all gone) or more (0.1 means +10 %).'
    if ty == 'FiniteF64': return 'Any finite number, in the indicator\'s own unit.'
    if f"{t}.{name}" in STRING_LISTS: return 'A JSON array of strings.'
    if f"{t}.{name}" in ENUMS: return f"One of [`{ENUMS[f'{t}.{name}']}`]'s values (stored as text)."
    if name == 'currency': return 'ISO 4217 code of the currency of this row\'s money columns (e.g. `USD`).'
    if c['type'] == 'jsonb' and f"{t}.{name}" not in JSON_MEANING:
        kind = 'object' if c.get('default') == "'{}'::jsonb" else 'array' if c.get('default') == "'[]'::jsonb" else 'value'
        return f'Free-form JSON {kind}: the original system defines no shape for it, so any JSON stores.'
    if c['type'] == 'timestamptz': return 'A moment in time (stored in UTC).'
    return None

def doc_for(t, c):
    parts = [f"SQL `{c['type']}`"]
    if c['nullable']: parts.append('nullable')
    if 'default' in c and c['default'] != 'identity': parts.append(f"default `{c['default']}`")
    sql = ', '.join(parts) + '.'
    key = f"{t}.{c['name']}"
    meaning = ' '.join(x for x in [unit_for(t, c), JSON_MEANING.get(key), MEANING.get(key)] if x)
    return f"`{c['name']}`: {meaning} {sql}" if meaning else f"`{c['name']}`: {sql}"

# Positional `New*::new` constructors with more arguments than this point to the builder.
POSITIONAL_MAX = 6
# The `#[deprecated]` attribute on them waits until the crate's own callers (the demo generator,
# the examples, the tests) use the builders: until then it would fail `clippy -D warnings`.
DEPRECATE_POSITIONAL = False

def builder(n, S, cols):
    """`New{S}::builder()`: named setters, so two values of one type cannot change places, and a
    `build()` that names a required column nobody set."""
    priv = PRIVATE_INSERT.get(n, set())
    fields = [c for c in cols if c['name'] != 'id']
    def stored(c):
        ty = rust_base(n, c)
        return ty
    out = []
    out.append(f"impl New{S} {{")
    out.append(f"    /// Named-field construction: one setter per column, then [`build`](New{S}Builder::build),")
    out.append("    /// which fails with [`ValidationErrorKind::Missing`] naming a required column left unset.")
    out.append("    /// Optional columns left unset get the database default (or NULL).")
    out.append(f"    pub fn builder() -> New{S}Builder {{")
    out.append(f"        New{S}Builder::default()")
    out.append("    }\n")
    out.append(f"    /// A builder holding this row's values: change some with the setters and `build()` again")
    out.append("    /// (what struct update syntax does for the types whose fields are all public).")
    out.append(f"    pub fn into_builder(self) -> New{S}Builder {{")
    out.append(f"        New{S}Builder {{")
    for c in fields:
        optional = c['nullable'] or 'default' in c
        out.append(f"            {c['name']}: self.{c['name']}," if optional else f"            {c['name']}: Some(self.{c['name']}),")
    out.append("        }")
    out.append("    }")
    out.append("}\n")
    out.append(f"/// Builds a [`New{S}`] by naming every value; see [`New{S}::builder`].")
    if priv:
        out.append(f"///\n/// {', '.join('`'+p+'`' for p in sorted(priv))} are set by the derived setters (see the")
        out.append("/// crate's domain rules), which keep them consistent.")
    out.append("#[derive(Debug, Clone, Default, PartialEq)]")
    out.append("#[must_use]")
    out.append(f"pub struct New{S}Builder {{")
    for c in fields:
        out.append(f"    pub(crate) {c['name']}: Option<{stored(c)}>,")
    out.append("}\n")
    out.append(f"impl New{S}Builder {{")
    for c in fields:
        if c['name'] in priv: continue
        ty = stored(c)
        optional = c['nullable'] or 'default' in c
        if optional:
            how = ' Optional: unset, the database default applies.' if not c['nullable'] else ' Optional: unset, NULL.'
        else:
            how = ' Required.'
        out.append(f"    /// {doc_for(n, c)}{how}")
        if ty == 'String':
            out.append(f"    pub fn {c['name']}(mut self, value: impl Into<String>) -> Self {{")
            out.append(f"        self.{c['name']} = Some(value.into());")
        else:
            out.append(f"    pub fn {c['name']}(mut self, value: {ty}) -> Self {{")
            out.append(f"        self.{c['name']} = Some(value);")
        out.append("        self")
        out.append("    }\n")
    req = [c for c in fields if not (c['nullable'] or 'default' in c)]
    out.append(f"    /// The row, once every required column ({', '.join('`'+c['name']+'`' for c in req)}) is set.")
    out.append("    ///")
    out.append("    /// # Errors")
    out.append("    /// [`Error::Validation`](crate::Error::Validation) of kind [`ValidationErrorKind::Missing`]")
    out.append("    /// naming the first required column that was not set" + (", or one whose derived columns" if priv else "."))
    if priv:
        out.append("    /// are inconsistent.")
    out.append(f"    pub fn build(self) -> crate::Result<New{S}> {{")
    bind = 'let row = ' if priv else 'Ok('
    out.append(f"        {bind}New{S} {{")
    for c in fields:
        optional = c['nullable'] or 'default' in c
        if optional:
            out.append(f"            {c['name']}: self.{c['name']},")
        else:
            out.append(f'            {c["name"]}: crate::models::required(self.{c["name"]}, "{c["name"]}")?,')
    if priv:
        out.append("        };")
        out.append("        row.finish_build()")
    else:
        out.append("        })")
    out.append("    }")
    out.append("}\n")
    return out

# The portfolio-wide sentiment analyses have sentiment_analysis's columns, and their types.
for _name, _value in list(globals().items()):
    if _name.startswith('_') or _name == 'PER_CUSTOMER_KEYS' or not isinstance(_value, (dict, set)): continue
    for _k in list(_value):
        if isinstance(_k, str) and (_k == 'sentiment_analysis' or _k.startswith('sentiment_analysis.')):
            _p = 'portfolio_' + _k
            if _p in _value: continue
            if isinstance(_value, dict): _value[_p] = _value[_k]
            else: _value.add(_p)

groups = {}
for t in spec['tables']:
    groups.setdefault(t['group'], []).append(t)

GROUP_DOC = {
 'customer':'Customer tables: customers, health scores, segments, risk indicators, churn predictions.',
 'onboarding':'Onboarding tables: plans, milestones, training modules and completions.',
 'support':'Support tables: tickets, ticket comments, knowledge-base articles.',
 'renewal':'Renewal tables: forecasts, contracts, expansion opportunities, renewal campaigns.',
 'feedback':'Feedback tables: customer feedback, NPS responses, sentiment analyses, survey templates.',
 'analytics':'Analytics tables: health, engagement and usage metrics, cohort analyses.',
}

def max_len(c):
    m = re.match(r'varchar\((\d+)\)', c['type'])
    return int(m.group(1)) if m else None

for g, tables in groups.items():
    out = [f"//! {GROUP_DOC[g]}", "//!", "//! Generated from the schema specification; see the crate docs for the naming scheme",
           "//! (`Foo` row, `NewFoo` insert, `FooChanges` changeset).", "",
           "use chrono::{DateTime, NaiveDate, Utc};", "use diesel::prelude::*;", "use serde::{Deserialize, Serialize};",
           "use serde_json::Value;", "", "use crate::schema::*;", "use crate::types::*;"]
    parents = sorted({PARENT[t['name']][0] for t in tables if t['name'] in PARENT and PARENT[t['name']][2] not in [x['name'] for x in tables]})
    used_parents = {}
    for t in tables:
        if t['name'] in PARENT:
            ps, col, ptable = PARENT[t['name']]
            if ptable not in [x['name'] for x in tables]:
                pg = [x for x in spec['tables'] if x['name']==ptable][0]['group']
                used_parents.setdefault(pg, set()).add(ps)
    for pg, names in sorted(used_parents.items()):
        out.append(f"use super::{pg}::{{{', '.join(sorted(names))}}};")
    out.append("")
    for t in tables:
        n = t['name']; S = STRUCT[n]
        cols = t['columns']
        used = set()
        # ---- row struct
        pk = DIESEL_PK.get(n, 'id')
        out.append(f"/// A row of `{n}`.")
        if n in DIESEL_PK:
            out.append(f"///\n/// Identified by its business key `{pk}` (what foreign keys reference); `id` is the SQL primary key.")
        derives = "Debug, Clone, PartialEq, Queryable, Selectable, Identifiable, Serialize, Deserialize"
        if n in PARENT: derives += ", Associations"
        out.append(f"#[derive({derives})]")
        out.append(f"#[diesel(table_name = {n}, check_for_backend(diesel::pg::Pg))]")
        if pk != 'id': out.append(f"#[diesel(primary_key({pk}))]")
        if n in PARENT:
            ps, col, _ = PARENT[n]
            out.append(f"#[diesel(belongs_to({ps}, foreign_key = {col}))]")
        out.append(f"pub struct {S} {{")
        for c in cols:
            ty = rust_base(n, c)
            if c['nullable']: ty = f"Option<{ty}>"
            out.append(f"    /// {doc_for(n, c)}")
            out.append(f"    pub {c['name']}: {ty},")
        out.append("}\n")
        # ---- insert struct
        priv = PRIVATE_INSERT.get(n, set())
        out.append(f"/// A new row of `{n}`. Columns with a database default are `Option`: `None` lets the")
        out.append("/// database fill them in.")
        out.append("///")
        out.append(f"/// [`New{S}::builder`] names every value (no positional mix-ups) and reports a missing")
        out.append("/// required column; see the [module docs](crate::models) for an example.")
        if priv:
            out.append(f"///\n/// Built with [`{'New'+S}::new`] or [`{'New'+S}::builder`], which derive {', '.join('`'+p+'`' for p in sorted(priv))}.")
        out.append("#[derive(Debug, Clone, PartialEq, Insertable, Serialize%s)]" % ("" if priv else ", Deserialize"))
        out.append(f"#[diesel(table_name = {n}, check_for_backend(diesel::pg::Pg))]")
        if not priv:
            # A misspelt field ("priorty") is an error, not a silently dropped value.
            out.append("#[serde(deny_unknown_fields)]")
        out.append(f"pub struct New{S} {{")
        for c in cols:
            if c['name'] == 'id': continue
            ty = rust_base(n, c)
            optional = c['nullable'] or 'default' in c
            if optional: ty = f"Option<{ty}>"
            vis = 'pub(crate) ' if c['name'] in priv else 'pub '
            extra = ''
            if optional and not c['nullable']: extra = ' `None`: the database default.'
            if c['name'] in priv: extra += ' Derived by the constructor.'
            out.append(f"    /// {doc_for(n, c)}{extra}")
            if optional and c['name'] not in priv:
                out.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
            out.append(f"    {vis}{c['name']}: {ty},")
        out.append("}\n")
        if n not in PRIVATE_INSERT:
            req = [c for c in cols if c['name'] != 'id' and not (c['nullable'] or 'default' in c)]
            opt = [c for c in cols if c['name'] != 'id' and (c['nullable'] or 'default' in c)]
            params = []
            for c in req:
                ty = rust_base(n, c)
                if ty == 'String': params.append(f"{c['name']}: impl Into<String>")
                else: params.append(f"{c['name']}: {ty}")
            out.append(f"impl New{S} {{")
            out.append(f"    /// A new row with every required column; the optional ones start as `None` (database")
            out.append(f"    /// default or NULL) and can be set with struct update syntax.")
            if len(params) > POSITIONAL_MAX:
                out.append("    ///")
                out.append(f"    /// Prefer [`New{S}::builder`]: with {len(params)} positional arguments, two of the same type")
                out.append("    /// can be swapped without a compile error.")
                if DEPRECATE_POSITIONAL:
                    out.append(f'    #[deprecated(note = "use New{S}::builder(), which names every field")]')
            if len(params) > 7: out.append("    #[allow(clippy::too_many_arguments)]")
            out.append(f"    pub fn new({', '.join(params)}) -> Self {{")
            out.append(f"        New{S} {{")
            for c in req:
                ty = rust_base(n, c)
                out.append(f"            {c['name']}: {c['name']}.into()," if ty == 'String' else f"            {c['name']},")
            for c in opt:
                out.append(f"            {c['name']}: None,")
            out.append("        }")
            out.append("    }")
            out.append("}\n")
        out.extend(builder(n, S, cols))
        # ---- changeset
        guarded = GUARDED.get(n, set())
        bkey = BUSINESS_KEY.get(n)
        out.append(f"/// Changes to a row of `{n}`: `None` leaves a column alone; for nullable columns")
        out.append("/// `Some(None)` sets NULL. The id, the business key and the timestamps the database")
        out.append("/// maintains are not part of it.")
        if guarded:
            out.append(f"///\n/// {', '.join('`'+x+'`' for x in sorted(guarded))} change only through the constructors below, which keep")
            out.append("/// derived columns consistent.")
        out.append("#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Serialize, Deserialize)]")
        out.append(f"#[diesel(table_name = {n}, check_for_backend(diesel::pg::Pg))]")
        if guarded:
            # Derived columns: JSON input goes through `{S}ChangesInput` and the hand-written
            # `TryFrom` in domain.rs, which derives or rejects them.
            out.append(f'#[serde(try_from = "{S}ChangesInput")]')
        else:
            out.append("#[serde(deny_unknown_fields)]")
        out.append(f"pub struct {S}Changes {{")
        fields = []
        for c in cols:
            if c['name'] in NO_CHANGE or c['name'] == bkey: continue
            ty = rust_base(n, c)
            ty = f"Option<Option<{ty}>>" if c['nullable'] else f"Option<{ty}>"
            vis = 'pub(crate) ' if c['name'] in guarded else 'pub '
            if c['nullable']:
                attr = '    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::models::double_option")]'
            else:
                attr = '    #[serde(default, skip_serializing_if = "Option::is_none")]'
            fields.append((c, ty, attr))
            out.append(f"    /// {doc_for(n, c)}")
            out.append(attr)
            out.append(f"    {vis}{c['name']}: {ty},")
        out.append("}\n")
        if guarded:
            out.append(f"/// What JSON may say about a `{n}` change, before the derived columns are checked")
            out.append(f"/// (see the `TryFrom` impl of [`{S}Changes`]).")
            out.append("#[derive(Debug, Default, Deserialize)]")
            out.append("#[serde(deny_unknown_fields)]")
            out.append(f"pub struct {S}ChangesInput {{")
            for c, ty, attr in fields:
                out.append(f"    /// {doc_for(n, c)}")
                out.append(attr.replace('skip_serializing_if = "Option::is_none", ', '').replace(', skip_serializing_if = "Option::is_none"', ''))
                out.append(f"    pub {c['name']}: {ty},")
            out.append("}\n")
            out.append(f"impl {S}ChangesInput {{")
            out.append(f"    /// Every field moved into a changeset, derived columns unchecked.")
            out.append(f"    pub(crate) fn into_unchecked(self) -> {S}Changes {{")
            out.append(f"        {S}Changes {{")
            for c, ty, attr in fields:
                out.append(f"            {c['name']}: self.{c['name']},")
            out.append("        }")
            out.append("    }")
            out.append("}\n")
        # ---- crud
        client = 'client_id' if any(c['name']=='client_id' for c in cols) else None
        ncols = len(cols)
        args = [f"{S}", f"New{S}", f"{S}Changes", n, f"columns = {ncols}"]
        if bkey:
            args.append(f"key = {bkey}")
            # What `upsert_by_key` sets from `excluded`: every column of the insert struct but the
            # key itself and the ones the database keeps (id, created_at; updated_at is the trigger's).
            conflict = [bkey, 'client_id'] if n in PER_CUSTOMER_KEYS else [bkey]
            args.append(f"conflict = ({', '.join(conflict)})")
            upsert = [c['name'] for c in cols if c['name'] not in NO_CHANGE and c['name'] not in conflict]
            args.append(f"upsert = [{', '.join(upsert)}]")
        if client: args.append(f"client = {client}")
        out.append(f"crate::crud::impl_crud!({', '.join(args)});\n")
    text = "\n".join(out)
    body = text.split("use crate::types::*;", 1)[1]
    chrono_items = [x for x in ["DateTime", "NaiveDate", "Utc"] if x in body]
    text = text.replace("use chrono::{DateTime, NaiveDate, Utc};", f"use chrono::{{{', '.join(chrono_items)}}};")
    if "Value" not in body.replace("Value::", ""):
        text = text.replace("use serde_json::Value;\n", "")
    open(os.path.join(OUT, f"{g}.rs"), 'w').write(text)

# README mapping table
rows = ["| table | row | insert | changes | business key |", "|---|---|---|---|---|"]
for t in spec['tables']:
    S = STRUCT[t['name']]
    rows.append(f"| `{t['name']}` | [`{S}`] | [`New{S}`] | [`{S}Changes`] | {('`'+BUSINESS_KEY[t['name']]+'`') if t['name'] in BUSINESS_KEY else '-'} |")
open(os.path.join(ROOT, 'target', 'models_table.md'),'w').write("\n".join(rows)+"\n")
json.dump({'struct':STRUCT,'enums':ENUMS,'newtypes':NEWTYPES,'lists':sorted(STRING_LISTS)}, open(os.path.join(ROOT, 'target', 'models_mapping.json'),'w'), indent=1)
