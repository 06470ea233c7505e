"""Code generator for schema v2, part 1 (see tools/codegen/README.md): the integrity migrations.

Writes `migrations/2026-11-30-000001_v2_constraints` and `..._000002_v2_validate` from the rule
list below, which is the one place the v2 CHECK constraints and foreign keys are written down.
Each rule is (table, constraint name, columns shown in a violation report, SQL expression, the
Rust type or rule that is its twin). The Rust side is listed in `src/types/rules.rs`'s docs and
proven equal by `tests/newtypes_vs_checks.rs`; `tests/v2.rs` checks the catalog against it.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "migrations")

# ---- rule builders: each returns (name, columns, expression)
# PostgreSQL sorts NaN above every number (and above +Infinity), so an upper bound rejects NaN and
# +Infinity, and a lower bound rejects -Infinity; a column with only a lower bound needs
# `< 'Infinity'` to stay finite.
# A key must contain a character other than the six ASCII whitespace characters (a fixed set,
# so the answer does not depend on the database's locale; Rust's twin uses the same set). The
# regular expression's escapes keep the constraint's text on one line.
NOT_BLANK = r"[^ \t\n\r\f\v]"


def rng(col, lo, hi, suffix="range"):
    return (f"check_{col}_{suffix}", [col], f"{col} >= {lo} AND {col} <= {hi}")


def nonneg_int(col):
    return (f"check_{col}_non_negative", [col], f"{col} >= 0")


def nonneg_float(col):
    return (f"check_{col}_non_negative", [col], f"{col} >= 0 AND {col} < 'Infinity'")


def finite(col):
    return (f"check_{col}_finite", [col], f"{col} > '-Infinity' AND {col} < 'Infinity'")


def money(col):
    # numeric: NaN sorts above 'Infinity' too.
    return (f"check_{col}_non_negative", [col], f"{col} >= 0 AND {col} < 'Infinity'")


def money_finite(col):
    # customers/contracts.contract_value keep the original `check_contract_value_positive`
    # (>= 0), which lets 'NaN' through; this adds the upper bound.
    return (f"check_{col}_finite", [col], f"{col} < 'Infinity'")


def not_blank(col):
    return (f"check_{col}_not_blank", [col], f"{col} ~ '{NOT_BLANK}'")


def ordered(start, end, name=None):
    return (name or f"check_{end}_not_before_{start}", [start, end], f"{end} >= {start}")


FRACTION = (0, 1)
PERCENT = (0, 100)

RULES = {
    "customers": [
        not_blank("client_id"),
        money_finite("contract_value"),
        ordered("contract_start_date", "contract_end_date"),
        ordered("contract_start_date", "renewal_date"),
    ],
    "health_scores": [
        rng("support_score", *PERCENT),
        rng("satisfaction_score", *PERCENT),
        rng("payment_score", *PERCENT),
        rng("overall_score", *PERCENT),
        rng("usage_weight", *FRACTION),
        rng("engagement_weight", *FRACTION),
        rng("support_weight", *FRACTION),
        rng("satisfaction_weight", *FRACTION),
        rng("payment_weight", *FRACTION),
        ("check_weights_sum_to_one",
         ["usage_weight", "engagement_weight", "support_weight", "satisfaction_weight", "payment_weight"],
         "abs(usage_weight + engagement_weight + support_weight + satisfaction_weight + payment_weight - 1) <= 1e-9"),
        # The weighted sum of `HealthComponents::overall`, computed in numeric: float8
        # multiplication raises an error when a product underflows to 0 (a component of 5e-324),
        # numeric does not. The tolerance absorbs float rounding and the clamp to 0-100.
        ("check_overall_score_is_weighted_sum",
         ["overall_score", "usage_score", "engagement_score", "support_score", "satisfaction_score", "payment_score"],
         "overall_score IS NULL OR abs(overall_score::numeric - greatest(0, least(100,"
         " usage_score::numeric * usage_weight::numeric + engagement_score::numeric * engagement_weight::numeric"
         " + support_score::numeric * support_weight::numeric + satisfaction_score::numeric * satisfaction_weight::numeric"
         " + payment_score::numeric * payment_weight::numeric))) <= 0.000001"),
    ],
    "customer_segments": [
        not_blank("segment_id"),
        nonneg_int("customer_count"),
        money("total_arr"),
        rng("avg_health_score", *PERCENT),
    ],
    "risk_indicators": [
        finite("current_value"),
        finite("threshold_value"),
        ordered("detected_at", "resolved_at"),
    ],
    "churn_predictions": [
        rng("confidence_score", *FRACTION),
    ],
    "onboarding_plans": [
        not_blank("plan_id"),
        nonneg_int("timeline_weeks"),
        nonneg_int("total_estimated_hours"),
        rng("completion_percentage", *PERCENT),
        ordered("start_date", "target_completion_date"),
        ordered("start_date", "actual_completion_date"),
    ],
    "onboarding_milestones": [
        nonneg_int("week"),
        nonneg_int("sequence_order"),
        nonneg_int("estimated_hours"),
        nonneg_int("actual_hours"),
        rng("completion_percentage", *PERCENT),
    ],
    "training_modules": [
        not_blank("module_id"),
        nonneg_int("duration_minutes"),
        rng("passing_score", *PERCENT),
        nonneg_int("max_attempts"),
    ],
    "training_completions": [
        not_blank("completion_id"),
        nonneg_int("time_spent_minutes"),
        rng("assessment_score", *PERCENT),
        nonneg_int("attempts_used"),
        rng("feedback_rating", 1, 5),
        ordered("started_at", "completed_at"),
    ],
    "support_tickets": [
        not_blank("ticket_id"),
        nonneg_int("sla_first_response_minutes"),
        nonneg_int("sla_resolution_minutes"),
        nonneg_int("time_to_first_response_minutes"),
        nonneg_int("time_to_resolution_minutes"),
    ],
    "ticket_comments": [
        not_blank("comment_id"),
    ],
    "knowledge_base_articles": [
        not_blank("article_id"),
        nonneg_int("version"),
        nonneg_int("view_count"),
        nonneg_int("helpful_votes"),
        nonneg_int("not_helpful_votes"),
        rng("helpfulness_score", *FRACTION),
    ],
    "renewal_forecasts": [
        not_blank("forecast_id"),
        money("current_arr"),
        money("forecasted_arr"),
        rng("confidence_score", *FRACTION),
        rng("health_score", *PERCENT),
        rng("expansion_probability", *FRACTION),
        money("estimated_expansion_value"),
    ],
    "contracts": [
        not_blank("contract_id"),
        money_finite("contract_value"),
        ordered("start_date", "end_date"),
        ordered("start_date", "renewal_date"),
        nonneg_int("notice_period_days"),
        nonneg_int("included_users"),
        rng("discount_percentage", *PERCENT),
    ],
    "expansion_opportunities": [
        not_blank("opportunity_id"),
        money("estimated_value"),
        rng("confidence_score", *FRACTION),
    ],
    "renewal_campaigns": [
        not_blank("campaign_id"),
        ordered("start_date", "end_date"),
        nonneg_int("total_customers"),
        money("total_arr_at_risk"),
        nonneg_int("customers_contacted"),
        nonneg_int("customers_committed"),
        nonneg_int("customers_at_risk"),
        rng("win_rate", *FRACTION),
        nonneg_int("expansion_opportunities_identified"),
        money("expansion_value_identified"),
    ],
    "customer_feedback": [
        not_blank("feedback_id"),
    ],
    "nps_responses": [
        not_blank("response_id"),
        nonneg_float("response_time_hours"),
        ("check_nps_category_matches_score", ["score", "category"],
         "(score >= 9 AND category = 'promoter') OR (score BETWEEN 7 AND 8 AND category = 'passive')"
         " OR (score <= 6 AND category = 'detractor')"),
    ],
    "sentiment_analysis": [
        not_blank("analysis_id"),
        nonneg_int("total_feedback_items"),
        rng("overall_sentiment_score", -1, 1),
        rng("nps_score", -100, 100),
        rng("csat_score", 1, 5),
        ordered("period_start", "period_end"),
    ],
    "survey_templates": [
        not_blank("template_id"),
    ],
    "health_metrics": [
        rng("overall_health_score", *PERCENT),
        rng("health_score_change", -100, 100),
        rng("predicted_next_period_score", *PERCENT),
        rng("confidence", *FRACTION),
        ordered("period_start", "period_end"),
    ],
    "engagement_metrics": [
        nonneg_int("total_users"),
        nonneg_int("active_users"),
        nonneg_int("daily_active_users"),
        nonneg_int("weekly_active_users"),
        nonneg_int("monthly_active_users"),
        rng("activation_rate", *FRACTION),
        rng("engagement_rate", *FRACTION),
        nonneg_int("total_logins"),
        nonneg_float("avg_logins_per_user"),
        nonneg_int("total_session_minutes"),
        nonneg_float("avg_session_duration_minutes"),
        nonneg_int("total_actions"),
        nonneg_float("avg_actions_per_session"),
        nonneg_int("power_users"),
        nonneg_int("inactive_users"),
        nonneg_int("at_risk_users"),
        ("check_active_users_within_total", ["active_users", "total_users"], "active_users <= total_users"),
        ordered("period_start", "period_end"),
    ],
    "usage_analytics": [
        nonneg_int("total_usage_events"),
        nonneg_int("unique_features_used"),
        nonneg_int("total_features_available"),
        rng("feature_utilization_rate", *FRACTION),
        # A relative change: -1 is "down 100 %"; no upper bound but finite.
        ("check_usage_growth_rate_range", ["usage_growth_rate"],
         "usage_growth_rate >= -1 AND usage_growth_rate < 'Infinity'"),
        ordered("period_start", "period_end"),
    ],
    "cohort_analysis": [
        not_blank("cohort_id"),
        nonneg_int("cohort_size"),
        nonneg_int("months_since_cohort"),
    ],
}

# The six client_id columns without a foreign key in the original schema.
NEW_CLIENT_FKS = [
    "training_completions", "expansion_opportunities", "sentiment_analysis",
    "health_metrics", "engagement_metrics", "usage_analytics",
]
# (table, constraint, columns, parent, parent columns): every new foreign key.
FKS = [(t, f"fk_{t}_client_id", ["client_id"], "customers", ["client_id"]) for t in NEW_CLIENT_FKS]
# renewal_forecasts.contract_id stays a plain reference, not a foreign key: the original system
# may record a forecast before (or without) the contract row, whose id then comes from the CRM,
# and a cascade from contracts would delete forecasts, the history of a renewal, with the
# contract. It is documented as such on `RenewalForecast::contract_id`.



def q(text):
    return "'" + text.replace("'", "''") + "'"


def violation_query(table, rules):
    """One scan of `table` that reports every rule it breaks: name, columns, count, a sample."""
    parts = []
    for name, cols, expr in rules:
        bad = f"NOT ({expr})"
        shown = " || ', ' || ".join(f"'{c}=' || coalesce({c}::text, 'NULL')" for c in cols)
        parts.append(
            f"    CASE WHEN count(*) FILTER (WHERE {bad}) > 0 THEN format(%L, count(*) FILTER (WHERE {bad}), "
            f"min('id ' || id || ': ' || {shown}) FILTER (WHERE {bad})) END".replace(
                "%L", q(f"{table}.{'/'.join(cols)} ({name}): %s row(s) violate `{expr}`, e.g. %s"))
        )
    return f"  SELECT concat_ws(E'\\n',\n" + ",\n".join(parts) + f")\n  INTO problems FROM {table};"


def orphan_query(table, cols, parent, pcols):
    cond = " AND ".join(f"p.{pc} = c.{cc}" for cc, pc in zip(cols, pcols))
    shown = " || '/' || ".join(f"c.{c}" for c in cols)
    notnull = " AND ".join(f"c.{c} IS NOT NULL" for c in cols)
    return (
        f"  SELECT CASE WHEN count(*) > 0 THEN format({q(table + '.' + '/'.join(cols) + ': %s row(s) reference no ' + parent + ' row, e.g. %s')}, count(*), min({shown})) END\n"
        f"  INTO problems FROM {table} c WHERE {notnull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {cond});"
    )


def up_constraints():
    out = [
        "-- Schema v2, part 1: the database keeps the promises the types make (see README, \"Schema v2\").",
        "-- Generated by tools/codegen/gen_v2.py from its rule list; edit the list, not this file.",
        "--",
        "-- 1. Refuse, with a report and before taking any exclusive lock, when existing rows break a",
        "--    new rule: orphans (a client_id with no customer) and CHECK violations, each named with",
        "--    its table, columns, row count and an example. Nothing is deleted or changed; repair with",
        "--    `csdb orphans --delete` or by fixing the rows, then run the migration again.",
        "-- 2. Add the constraints NOT VALID: they hold for every new write at once, and adding them",
        "--    takes the table's exclusive lock only for a catalog update. The next migration",
        "--    validates the existing rows under a lock that does not block writers.",
        "",
        "DO $$",
        "DECLARE",
        "  problems text;",
        "  report text[] := '{}';",
        "BEGIN",
    ]
    checks = []
    for (t, name, cols, parent, pcols) in FKS:
        checks.append(orphan_query(t, cols, parent, pcols))
    for t, rules in RULES.items():
        checks.append(violation_query(t, rules))
    for c in checks:
        out.append(c)
        out.append("  IF problems <> '' THEN report := report || problems; END IF;")
    out += [
        "  IF cardinality(report) > 0 THEN",
        "    RAISE EXCEPTION USING",
        "      ERRCODE = 'check_violation',",
        "      -- The report is in the message too: clients that show only the message (Diesel's",
        "      -- migration errors do) still say what to repair. DETAIL has it one problem per line.",
        "      MESSAGE = 'schema v2 cannot be applied: existing rows break its rules (nothing was changed):'",
        "        || E'\\n' || array_to_string(report, E'\\n')",
        "        || E'\\nDelete orphaned rows with `csdb orphans --delete` (or maintenance::delete_orphans), fix the other rows, then run the migrations again.',",
        "      DETAIL = array_to_string(report, E'\\n'),",
        "      HINT = 'Delete orphaned rows with `csdb orphans --delete` (or maintenance::delete_orphans), fix the other rows, then run the migrations again.';",
        "  END IF;",
        "END",
        "$$;",
        "",
    ]
    for (t, name, cols, parent, pcols) in FKS:
        out.append(
            f"ALTER TABLE {t} ADD CONSTRAINT {name} FOREIGN KEY ({', '.join(cols)}) "
            f"REFERENCES {parent} ({', '.join(pcols)}) ON DELETE CASCADE NOT VALID;")
    out.append("")
    for t, rules in RULES.items():
        for name, cols, expr in rules:
            out.append(f"ALTER TABLE {t} ADD CONSTRAINT {name} CHECK ({expr}) NOT VALID;")
        out.append("")
    return "\n".join(out)


def down_constraints():
    out = ["-- Reverts 2026-11-30-000001_v2_constraints (generated by tools/codegen/gen_v2.py).", ""]
    for t, rules in reversed(list(RULES.items())):
        for name, cols, expr in reversed(rules):
            out.append(f"ALTER TABLE {t} DROP CONSTRAINT {name};")
    for (t, name, cols, parent, pcols) in reversed(FKS):
        out.append(f"ALTER TABLE {t} DROP CONSTRAINT {name};")
    return "\n".join(out) + "\n"


def up_validate():
    out = [
        "-- Schema v2, part 1: validates the constraints the previous migration added NOT VALID.",
        "-- VALIDATE CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock: reads and writes go on while it",
        "-- scans. (Generated by tools/codegen/gen_v2.py.)",
        "",
    ]
    for (t, name, cols, parent, pcols) in FKS:
        out.append(f"ALTER TABLE {t} VALIDATE CONSTRAINT {name};")
    for t, rules in RULES.items():
        for name, cols, expr in rules:
            out.append(f"ALTER TABLE {t} VALIDATE CONSTRAINT {name};")
    return "\n".join(out) + "\n"


def down_validate():
    return ("-- Reverts 2026-11-30-000002_v2_validate: a validated constraint cannot be marked NOT VALID\n"
            "-- again, and the previous migration's down drops the constraints anyway.\n"
            "SELECT 1;\n")


def write(name, up, down):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "up.sql"), "w").write(up if up.endswith("\n") else up + "\n")
    open(os.path.join(d, "down.sql"), "w").write(down)


if __name__ == "__main__":
    write("2026-11-30-000001_v2_constraints", up_constraints(), down_constraints())
    write("2026-11-30-000002_v2_validate", up_validate(), down_validate())
    n = sum(len(r) for r in RULES.values())
    print(f"{n} CHECK constraints, {len(FKS)} foreign keys")
