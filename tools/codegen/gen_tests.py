"""Code generator (see tools/codegen/README.md). Reads the schema specification
(`CSDB_SPEC`, default tools/codegen/spec/schema.json in this repository) and writes into the crate."""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.environ.get("CSDB_SPEC", os.path.join(ROOT, "tools", "codegen", "spec", "schema.json"))
import json, re
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen_models.py')).read().split("groups = {}")[0])  # reuse maps & rust_base
PARENT_KEYS = {'client_id': 'CLIENT', 'plan_id': 'PLAN', 'module_id': 'MODULE', 'ticket_id': 'TICKET'}
NON_COPY = {'String', 'Value', 'StringList', 'Money'}
def cl(t, c):
    return '.clone()' if rust_base(t, c) in NON_COPY else ''
def position(t, c):
    return [x['name'] for x in next(x for x in spec['tables'] if x['name']==t)['columns']].index(c['name'])

def sample(t, c, variant):
    """Rust expression of a populated value for column c (variant 0/1 for two distinct values).

    Values differ from column to column (they depend on the column's position), so two columns
    wired to each other by mistake cannot pass; dates and timestamps grow with the position,
    which keeps every start before its end, as schema v2's CHECKs require."""
    n = c['name']; ty = rust_base(t, c); i = position(t, c)
    fk = [f for f in next(x for x in spec['tables'] if x['name']==t)['foreign_keys'] if f['column']==n]
    if fk: return f'{PARENT_KEYS[n]}.to_owned()'
    if n == 'client_id' and t != 'customers': return 'CLIENT.to_owned()'
    if ty == 'String':
        m = re.match(r'varchar\((\d+)\)', c['type'])
        ln = int(m.group(1)) if m else 300
        return f'fill("{n}", {ln}, {variant})'
    if (t, n) == ('engagement_metrics', 'active_users'): return f'Count::new({3 + variant}).unwrap()'
    if ty in ('i64','i32'): return str(7 + i + variant)
    if ty == 'f64': return f'{3.25 + i + variant}'
    if ty == 'bool': return 'false' if c.get('default') == 'true' else 'true'
    if ty == 'NaiveDate': return f'date(2025, 3, {1 + i + variant})'
    if ty == 'DateTime<Utc>': return f'ts({1000 * i + variant})'
    if ty == 'Value': return f'json_sample({100 * variant + i})'
    if ty == 'StringList': return f'StringList::from(vec!["alpha".to_owned(), "beta ü".to_owned(), "{n}-{variant}".to_owned()])'
    if ty == 'Money': return f'money("{12345.67 + 100 * i + variant:.2f}")'
    if ty == 'HealthScore': return f'HealthScore::new({40 + i + variant}).unwrap()'
    if ty == 'ComponentScore': return f'ComponentScore::new({50.5 + i + variant}).unwrap()'
    if ty == 'Probability': return f'Probability::new({0.1 + i / 100 + variant / 10}).unwrap()'
    if ty == 'Fraction': return f'Fraction::new({0.3 + i / 100 + variant / 10}).unwrap()'
    if ty == 'Percentage': return f'Percentage::new({10.5 + i + variant}).unwrap()'
    if ty == 'Rating': return f'Rating::new({1 + (i % 40) / 10 + variant / 10}).unwrap()'
    if ty == 'NonNegativeF64': return f'NonNegativeF64::new({3.25 + i + variant}).unwrap()'
    if ty == 'FiniteF64': return f'FiniteF64::new({-3.25 - i - variant}).unwrap()'
    if ty == 'GrowthRate': return f'GrowthRate::new({-0.5 + i / 20 + variant / 10}).unwrap()'
    if ty == 'Count': return f'Count::new({7 + i + variant}).unwrap()'
    if ty == 'ScoreChange': return f'ScoreChange::new({-5 - i - variant}).unwrap()'
    if ty == 'NetPromoterScore': return f'NetPromoterScore::new({10 + i + variant}).unwrap()'
    if ty == 'SentimentScore': return f'SentimentScore::new({-0.5 + i / 100 - variant / 10}).unwrap()'
    if ty == 'SatisfactionRating': return f'SatisfactionRating::new({4 - variant}).unwrap()'
    if ty == 'NpsScore': return f'NpsScore::new({9 - variant}).unwrap()'
    # enum: a value that depends on the column, so two columns of one enum type differ
    return f'{ty}::ALL[{i + variant} % {ty}::ALL.len()]'

out = ['//! Every table through its typed structs: insert with every column populated and with every',
       '//! nullable column NULL, read back equal, update through the changeset, delete.',
       '//! (Generated from the schema specification.)',
       '#![allow(clippy::field_reassign_with_default)]',
       'mod common;', '', 'use chrono::{DateTime, NaiveDate, TimeZone, Utc};',
       'use common::TestDatabase;', 'use customer_success_db::crud::{ByClient, ByKey, Crud, Page};',
       'use customer_success_db::models::*;', 'use customer_success_db::types::*;', 'use customer_success_db::Error;',
       'use diesel::PgConnection;', '',
       'const CLIENT: &str = "cust-1";', 'const PLAN: &str = "plan-1";', 'const MODULE: &str = "module-1";', 'const TICKET: &str = "ticket-1";', '',
       '/// A string of exactly `len` characters (multi-byte ones included: varchar counts characters).',
       'fn fill(prefix: &str, len: usize, variant: usize) -> String {',
       '    let mut s = format!("{prefix}-{variant}-{}-", common::unique());',
       '    while s.chars().count() < len { s.push(if s.len() % 2 == 0 { \'ü\' } else { \'x\' }); }',
       '    s.chars().take(len).collect()', '}', '',
       'fn date(y: i32, m: u32, d: u32) -> NaiveDate { NaiveDate::from_ymd_opt(y, m, d).unwrap() }',
       '/// PostgreSQL keeps microseconds; a value with nanoseconds would not round-trip.',
       'fn ts(variant: i64) -> DateTime<Utc> { Utc.with_ymd_and_hms(2025, 6, 1, 12, 30, 45).unwrap() + chrono::Duration::microseconds(123_456 + variant) }',
       'fn money(s: &str) -> Money { s.parse().unwrap() }',
       'fn json_sample(variant: i64) -> serde_json::Value { serde_json::json!({"k": [1, "two", {"three": 3.5}], "unicode": "ü", "v": variant}) }', '',
       'fn parents(conn: &mut PgConnection) {',
       '    Customer::create(conn, &NewCustomer::new(CLIENT, "Client", "Client Co", date(2024, 1, 1))).unwrap();',
       '    let plan = NewOnboardingPlan::new(PLAN, CLIENT, "Plan", "enterprise", date(2024, 1, 1), date(2024, 3, 1), Count::new(8).unwrap(), json_sample(0), json_sample(0));',
       '    OnboardingPlan::create(conn, &plan).unwrap();',
       '    let module = NewTrainingModule::new(MODULE, "Module", "About", TrainingFormat::Video, Count::new(30).unwrap(), StringList::default(), StringList::default());',
       '    TrainingModule::create(conn, &module).unwrap();',
       '    let ticket = NewSupportTicket::new(TICKET, CLIENT, "Subject", "Body", TicketPriority::P1, TicketCategory::Other, "r@x.io", "R", Count::new(60).unwrap(), Count::new(240).unwrap());',
       '    SupportTicket::create(conn, &ticket).unwrap();', '}', '']
for t in spec['tables']:
    n = t['name']; S = STRUCT[n]; cols = t['columns']
    priv = PRIVATE_INSERT.get(n, set())
    req = [c for c in cols if c['name'] != 'id' and not (c['nullable'] or 'default' in c)]
    opt = [c for c in cols if c['name'] != 'id' and (c['nullable'] or 'default' in c)]
    bkey = BUSINESS_KEY.get(n)
    has_client = any(c['name']=='client_id' for c in cols)
    out.append('#[test]')
    out.append(f'fn {n}_round_trip() {{')
    out.append('    let db = TestDatabase::new().unwrap();')
    out.append('    let mut conn = db.connect().unwrap();')
    out.append('    let conn = &mut conn;')
    out.append('    parents(conn);')
    # constructor
    def ctor(variant):
        if n == 'nps_responses':
            return (f'NewNpsResponse::new({sample(n, cols[1], variant)}, CLIENT.to_owned(), {sample(n, cols[3], variant)}, {sample(n, cols[4], variant)}, '
                    f'{sample(n, cols[5], variant)}, NpsScore::new({9 - variant}).unwrap(), Sentiment::Positive, SentimentScore::new(0.5).unwrap(), ts(0), NonNegativeF64::new(1.5).unwrap())')
        if n == 'health_scores':
            # Five different scores and five different weights, so a swapped pair changes the
            # overall score and fails the checks below.
            return ('NewHealthScoreRecord::new(CLIENT, HealthComponents { usage: ComponentScore::new(90.0).unwrap(), engagement: ComponentScore::new(80.0).unwrap(), '
                    'support: ComponentScore::new(70.0).unwrap(), satisfaction: ComponentScore::new(60.0).unwrap(), payment: ComponentScore::new(50.0).unwrap() }, '
                    'HealthWeights::new(0.4, 0.3, 0.15, 0.1, 0.05).unwrap())')
        args = ', '.join(sample(n, c, variant) for c in req)
        return f'New{S}::new({args})'
    out.append(f'    let base = {ctor(0)};')
    # full
    out.append('    let mut full = base.clone();')
    for c in opt:
        if c['name'] in priv: continue
        out.append(f'    full.{c["name"]} = Some({sample(n, c, 0)});')
    out.append(f'    let row = {S}::create(conn, &full).unwrap();')
    out.append(f'    assert_eq!({S}::get(conn, row.id).unwrap(), row);')
    for c in cols:
        if c['name'] == 'id': continue
        nm = c['name']
        if nm in priv: continue
        if c['nullable'] or 'default' in c:
            out.append(f'    assert_eq!(Some(row.{nm}.clone()), {"Some(" if c["nullable"] else ""}full.{nm}.clone(){")" if c["nullable"] else ""}, "{n}.{nm}");' if False else
                       (f'    assert_eq!(row.{nm}, full.{nm}, "{n}.{nm}");' if c['nullable'] else f'    assert_eq!(Some(row.{nm}{cl(n, c)}), full.{nm}, "{n}.{nm}");'))
        else:
            out.append(f'    assert_eq!(row.{nm}, full.{nm}, "{n}.{nm}");')
    if n == 'nps_responses':
        out.append('    assert_eq!(row.score, full.score());')
        out.append('    assert_eq!(row.category, NpsCategory::Promoter);')
    if n == 'health_scores':
        # Every one of the 14 columns: the five scores, the five weights, the overall score
        # (0.4·90 + 0.3·80 + 0.15·70 + 0.1·60 + 0.05·50 = 79) and the customer key.
        for col, v in [('usage_score', 90.0), ('engagement_score', 80.0), ('support_score', 70.0), ('satisfaction_score', 60.0), ('payment_score', 50.0),
                       ('usage_weight', 0.4), ('engagement_weight', 0.3), ('support_weight', 0.15), ('satisfaction_weight', 0.1), ('payment_weight', 0.05)]:
            out.append(f'    assert_eq!(row.{col}.get(), {v}, "health_scores.{col}");')
        out.append('    assert_eq!(row.overall_score, full.overall_score());')
        out.append('    assert!((row.overall_score.unwrap().get() - 79.0).abs() < 1e-9);')
    # JSON round trip of the row
    out.append(f'    let json = serde_json::to_string(&row).unwrap();')
    out.append(f'    assert_eq!(serde_json::from_str::<{S}>(&json).unwrap(), row);')
    # minimal row: nullable columns NULL
    out.append(f'    let minimal = {S}::create(conn, &{ctor(1)}).unwrap();')
    out.append(f'    assert_eq!({S}::get(conn, minimal.id).unwrap(), minimal);')
    for c in opt:
        if c['nullable'] and c['name'] not in priv:
            out.append(f'    assert_eq!(minimal.{c["name"]}, None, "{n}.{c["name"]}");')
    # update via changeset
    changeable = [c for c in cols if c['name'] not in NO_CHANGE and c['name'] != bkey and c['name'] not in GUARDED.get(n, set()) and not [f for f in t['foreign_keys'] if f['column']==c['name']] and c['name'] != 'client_id']
    nonnull = [c for c in changeable if not c['nullable']][:2]
    nullable = [c for c in changeable if c['nullable']][:1]
    out.append(f'    let {"mut " if (nonnull or nullable) else ""}changes = {S}Changes::default();')
    for c in nonnull:
        out.append(f'    changes.{c["name"]} = Some({sample(n, c, 1)});')
    for c in nullable:
        out.append(f'    changes.{c["name"]} = Some(None);')
    out.append(f'    let updated = {S}::update(conn, row.id, &changes).unwrap();')
    for c in nonnull:
        out.append(f'    assert_eq!(Some(updated.{c["name"]}{cl(n, c)}), changes.{c["name"]}, "{n}.{c["name"]} updated");')
    for c in nullable:
        out.append(f'    assert_eq!(updated.{c["name"]}, None, "{n}.{c["name"]} set NULL");')
    untouched = [c for c in changeable if c not in nonnull and c not in nullable][:3]
    for c in untouched:
        out.append(f'    assert_eq!(updated.{c["name"]}, row.{c["name"]}, "{n}.{c["name"]} left alone");')
    out.append(f'    assert_eq!({S}::update(conn, row.id, &{S}Changes::default()).unwrap(), updated, "empty changeset");')
    if n == 'nps_responses':
        out.append('    let rescored = NpsResponse::update(conn, row.id, &NpsResponseChanges::with_score(NpsScore::new(2).unwrap())).unwrap();')
        out.append('    assert_eq!(rescored.category, NpsCategory::Detractor);')
    if n == 'health_scores':
        # Unequal weights again: 0.1·90 + 0.2·80 + 0.3·70 + 0.25·60 + 0.15·50 = 68.5.
        out.append('    let w = HealthWeights::new(0.1, 0.2, 0.3, 0.25, 0.15).unwrap();')
        out.append('    let re = HealthScoreRecord::update(conn, row.id, &HealthScoreRecordChanges::recompute(row.components(), w)).unwrap();')
        out.append('    assert!((re.overall_score.unwrap().get() - 68.5).abs() < 1e-9);')
        out.append('    assert_eq!(re.weights().unwrap(), w);')
        out.append('    assert_eq!(re.components(), row.components());')
    if bkey:
        out.append(f'    let key = {"row." + bkey + ".clone()" }' + (';' ))
        out.append(f'    assert_eq!({S}::get_by_key(conn, &key).unwrap().id, row.id);')
        out.append(f'    assert!({S}::find_by_key(conn, "no-such-key").unwrap().is_none());')
        out.append(f'    assert!(matches!({S}::get_by_key(conn, "no-such-key"), Err(Error::NotFound {{ .. }})));')
    if has_client:
        expected = {'customers': 1, 'onboarding_plans': 3, 'support_tickets': 3}.get(n, 2)
        out.append(f'    assert_eq!({S}::list_by_client(conn, CLIENT, Page::first(10)).unwrap().len(), {expected});')
        out.append(f'    assert_eq!({S}::list_by_client(conn, CLIENT, Page::new(1, 1)).unwrap().len(), {min(1, expected - 1)});')
    out.append(f'    assert_eq!({S}::list(conn, Page::default()).unwrap().len() as i64, {S}::count(conn).unwrap());')
    out.append(f'    assert!({S}::delete(conn, row.id).unwrap());')
    out.append(f'    assert!(!{S}::delete(conn, row.id).unwrap());')
    out.append(f'    match {S}::get(conn, row.id) {{ Err(Error::NotFound {{ what, .. }}) => assert!(what.contains("{n}")), other => panic!("{{other:?}}") }}')
    out.append(f'    assert!(matches!({S}::update(conn, row.id, &changes), Err(Error::NotFound {{ .. }})));')
    out.append('}\n')
open(os.path.join(ROOT, 'tests', 'models_round_trip.rs'),'w').write("\n".join(out))
