"""Code generator for schema v2, part 2 (see tools/codegen/README.md): indexes designed from the
queries, and the index diet.

Writes `migrations/2026-11-30-000004_v2_indexes` from the two lists below, which are the one place
the change is written down: NEW (each index with the query it serves) and DROPPED (each original
index with the reason no plan needs it). The migration runs outside a transaction
(`metadata.toml`: `run_in_transaction = false`) so that every statement can be CONCURRENTLY: an
upgrade of a live database never blocks writers. The crate's runner sends its statements one at a
time (PostgreSQL refuses CONCURRENTLY inside a multi-statement string), and a build that failed
half-way (an INVALID index) is dropped and rebuilt by the next run. `down.sql` restores the original
set from the specification's definitions.
"""
import json
import os
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.environ.get("CSDB_SPEC") or os.path.join(ROOT, "tools", "codegen", "spec", "schema.json")
NAME = "2026-11-30-000005_v2_indexes"

# (name, table, definition after `ON table`, the query it serves). Every ordering ends with `id`,
# the dashboards' tie-breaker, so a keyset cursor `(key, id) > ($1, $2)` is one index condition
# and page 500 reads what page 1 reads.
NEW = [
    (
        "ix_customers_health_dashboard",
        "customers",
        "(status, health_score, id) INCLUDE (client_id, client_name, health_trend, lifecycle_stage)",
        "queries::health_dashboard: customers of one status (active) below a score, least healthy "
        "first. Covering, so the first page is an index-only range scan. The status leads rather "
        "than being a partial-index predicate: the query binds it as a parameter, and a generic "
        "plan of a prepared statement cannot prove a partial index's predicate.",
    ),
    (
        "ix_customers_csm_workload",
        "customers",
        "(status, csm_assigned) INCLUDE (health_score)",
        "queries::csm_workload: customers of one status grouped by CSM with their average score. "
        "It aggregates every active customer, so it stays O(customers); covering makes it an "
        "index-only scan in group order (no heap, no sort before the aggregate).",
    ),
    (
        "ix_customers_client_summary",
        "customers",
        "(client_id) INCLUDE (status, client_name, health_score)",
        "queries::churn_risk's customer lookup (one per row shown, by client_id): covering, so each "
        "is an index-only probe instead of a heap visit (0.97 -> 0.36 ms for the first page at "
        "100k customers). The unique constraint's own index cannot carry INCLUDE columns without "
        "recreating the constraint every foreign key depends on.",
    ),
    (
        "ix_customers_csm_stage",
        "customers",
        "(csm_assigned, lifecycle_stage, id) INCLUDE (client_id, client_name, health_score)",
        "queries::csm_customers (the seed's EXPLAIN example): one CSM's customers in one stage, "
        "by id. Replaces ix_customers_csm_lifecycle, which needed a sort of every match.",
    ),
    (
        "ix_renewal_forecasts_pipeline",
        "renewal_forecasts",
        "(renewal_status, renewal_date, id) INCLUDE (client_id, renewal_probability, forecasted_arr)",
        "queries::renewal_pipeline: one status, due on or before a date, soonest first.",
    ),
    (
        "ix_support_tickets_sla_open",
        "support_tickets",
        "(priority, created_at, id) INCLUDE (ticket_id, client_id, first_response_at, resolved_at, "
        "sla_first_response_minutes, sla_resolution_minutes) WHERE status IN ('open', 'in_progress')",
        "queries::sla_monitoring: open and in-progress tickets by priority, oldest first. Partial, "
        "so the scan never walks resolved or closed tickets (the original walked every ticket of "
        "a priority). Covering: the SLA states are computed from the included columns, so the "
        "page is an index-only scan.",
    ),
    (
        "ix_support_tickets_client_keyset",
        "support_tickets",
        "(client_id, id)",
        "a customer's tickets by id (list_by_client): the keyset `client_id = $1 AND (id) > ($2)` "
        "is one index range, so a customer's page 50 costs what page 1 costs. A customer's "
        "tickets of one status are filtered from that range (tens of rows, not worth a second "
        "index). Also the index the cascade from customers uses. Replaces "
        "ix_support_tickets_client_status.",
    ),
    (
        "ix_churn_predictions_probability",
        "churn_predictions",
        "(customer_status, churn_probability, id) INCLUDE (churn_risk_level, client_id)",
        "queries::churn_risk: the predictions of active customers, most likely to churn first "
        "(read backwards), the risk level filtered from the index, then one customer lookup per "
        "row shown. customer_status (kept equal to the customer's status by the database, "
        "migration v2_query_support) is what makes it fast: most high-risk predictions "
        "belong to customers who already left, and without it the scan looked up thousands of "
        "customers to find a page of active ones.",
    ),
    (
        "ix_churn_predictions_client_latest",
        "churn_predictions",
        "(client_id, prediction_date, id)",
        "a customer's predictions and its latest one (newest date, then id). Replaces "
        "ix_churn_predictions_client_date; also the cascade's index.",
    ),
    (
        "ix_health_scores_client_latest",
        "health_scores",
        "(client_id, created_at, id)",
        "a customer's latest health score, exactly the order the derived-value triggers read "
        "(created_at DESC, id DESC). Replaces ix_health_scores_client_created; also the cascade's "
        "index.",
    ),
]

UNIQUE = "same columns as the unique constraint's own index {}"
PREFIX = "a leading prefix of {}, which serves every query it could"
DUP = "an exact duplicate of {}"

# name -> why no plan needs it. Every FK column keeps an index that leads with it (checked below).
DROPPED = {
    # Copies of a UNIQUE constraint's index (the original declared both).
    "ix_customers_client_id": UNIQUE.format("customers_client_id_key"),
    "ix_cohort_analysis_cohort_id": UNIQUE.format("cohort_analysis_cohort_id_key"),
    "ix_contracts_contract_id": UNIQUE.format("contracts_contract_id_key"),
    "ix_customer_feedback_feedback_id": UNIQUE.format("customer_feedback_feedback_id_key"),
    "ix_customer_segments_segment_id": UNIQUE.format("customer_segments_segment_id_key"),
    "ix_expansion_opportunities_opportunity_id": UNIQUE.format(
        "expansion_opportunities_opportunity_id_key"
    ),
    "ix_kb_articles_article_id": UNIQUE.format("knowledge_base_articles_article_id_key"),
    "ix_nps_responses_response_id": UNIQUE.format("nps_responses_response_id_key"),
    "ix_onboarding_plans_plan_id": UNIQUE.format("onboarding_plans_plan_id_key"),
    "ix_renewal_campaigns_campaign_id": UNIQUE.format("renewal_campaigns_campaign_id_key"),
    "ix_renewal_forecasts_forecast_id": UNIQUE.format("renewal_forecasts_forecast_id_key"),
    "ix_sentiment_analysis_analysis_id": UNIQUE.format("sentiment_analysis_analysis_id_key"),
    "ix_support_tickets_ticket_id": UNIQUE.format("support_tickets_ticket_id_key"),
    "ix_survey_templates_template_id": UNIQUE.format("survey_templates_template_id_key"),
    "ix_ticket_comments_comment_id": UNIQUE.format("ticket_comments_comment_id_key"),
    "ix_training_completions_completion_id": UNIQUE.format(
        "training_completions_completion_id_key"
    ),
    "ix_training_modules_module_id": UNIQUE.format("training_modules_module_id_key"),
    "ix_customers_client_id_created_at": "client_id is unique, so a second column after it "
    "orders nothing (customers_client_id_key serves every lookup)",
    # Exact duplicates.
    "ix_churn_predictions_risk_level": DUP.format("ix_churn_predictions_churn_risk_level"),
    "ix_expansion_opportunities_expected_close_date": DUP.format(
        "ix_expansion_opportunities_close_date"
    ),
    "ix_kb_articles_published_at": DUP.format("ix_kb_articles_published"),
    "ix_risk_indicators_detected_at": DUP.format("ix_risk_indicators_detected"),
    # Leading prefixes of a composite index that stays.
    "ix_contracts_client_id": PREFIX.format("ix_contracts_client_status"),
    "ix_customer_feedback_client_id": PREFIX.format("ix_customer_feedback_client_status"),
    "ix_customer_feedback_priority": PREFIX.format("ix_customer_feedback_priority_status"),
    "ix_customer_feedback_sentiment": PREFIX.format("ix_customer_feedback_sentiment_created"),
    "ix_engagement_metrics_client_id": PREFIX.format("ix_engagement_metrics_client_period"),
    "ix_expansion_opportunities_client_id": PREFIX.format("ix_expansion_opportunities_client_stage"),
    "ix_health_metrics_client_id": PREFIX.format("ix_health_metrics_client_period"),
    "ix_kb_articles_category": PREFIX.format("ix_kb_articles_category_status"),
    "ix_nps_responses_client_id": PREFIX.format("ix_nps_responses_client_score"),
    "ix_nps_responses_survey_id": PREFIX.format("ix_nps_responses_survey_category"),
    "ix_onboarding_milestones_plan_id": PREFIX.format("ix_onboarding_milestones_plan_status"),
    "ix_onboarding_plans_client_id": PREFIX.format("ix_onboarding_plans_client_status"),
    "ix_renewal_forecasts_client_id": PREFIX.format("ix_renewal_forecasts_client_date"),
    "ix_risk_indicators_client_id": PREFIX.format("ix_risk_indicators_client_severity"),
    "ix_sentiment_analysis_client_id": PREFIX.format("ix_sentiment_analysis_client_period"),
    "ix_support_tickets_assigned_agent": PREFIX.format("ix_support_tickets_assigned_status"),
    "ix_ticket_comments_ticket_id": PREFIX.format("ix_ticket_comments_ticket_created"),
    "ix_training_completions_client_id": PREFIX.format("ix_training_completions_client_user"),
    "ix_training_completions_module_id": PREFIX.format("ix_training_completions_module_completed"),
    "ix_usage_analytics_client_id": PREFIX.format("ix_usage_analytics_client_period"),
    # Leading prefixes of a new index, and the indexes the new ones replace.
    "ix_customers_csm_assigned": PREFIX.format("ix_customers_csm_stage"),
    "ix_customers_csm_lifecycle": "replaced by ix_customers_csm_stage (same lookup, already in "
    "id order, covering)",
    "ix_customers_health_score": "replaced by ix_customers_health_dashboard; the only documented "
    "query on health_score is the dashboard over active customers",
    "ix_customers_health_score_status": "replaced by ix_customers_health_dashboard (status is an "
    "equality, so it belongs before the range column, not after it)",
    "ix_customers_status": PREFIX.format("ix_customers_health_dashboard"),
    "ix_churn_predictions_client_id": PREFIX.format("ix_churn_predictions_client_latest"),
    "ix_churn_predictions_client_date": "replaced by ix_churn_predictions_client_latest (same "
    "columns, then id)",
    "ix_health_scores_client_id": PREFIX.format("ix_health_scores_client_latest"),
    "ix_health_scores_client_created": "replaced by ix_health_scores_client_latest (same columns, "
    "then id)",
    "ix_renewal_forecasts_renewal_status": PREFIX.format("ix_renewal_forecasts_pipeline"),
    "ix_renewal_forecasts_status_days": "replaced by ix_renewal_forecasts_pipeline: "
    "days_until_renewal is a snapshot that goes stale, and the pipeline selects by renewal_date",
    "ix_renewal_forecasts_days_until_renewal": "no query reads the days_until_renewal snapshot "
    "by range (schema v2's pipeline uses renewal_date)",
    "ix_support_tickets_client_id": PREFIX.format("ix_support_tickets_client_keyset"),
    "ix_support_tickets_client_status": "replaced by ix_support_tickets_client_keyset: a "
    "customer's tickets are few, so one status is filtered from the customer's range, and the "
    "range in id order serves the keyset list",
    "ix_support_tickets_priority": "a prefix of ix_support_tickets_priority_created, itself "
    "replaced by the partial ix_support_tickets_sla_open",
    "ix_support_tickets_priority_created": "replaced by the partial ix_support_tickets_sla_open "
    "(the SLA monitor reads open and in-progress tickets only)",
}

HEADER = """\
-- Generated by tools/codegen/gen_v2_indexes.py; edit the lists there, not this file.
-- Schema v2, part 2: {what}
-- Runs outside a transaction (metadata.toml): every statement is CONCURRENTLY, so writers are never
-- blocked. The crate's runner sends the statements one by one; a run that failed half-way is
-- simply run again (IF [NOT] EXISTS everywhere, and the first statement drops any INVALID index a
-- failed CONCURRENTLY build left behind under one of the names this migration creates).
"""


def comment(text):
    return "".join(f"-- {line}\n" for line in textwrap.wrap(text, 97))


def cleanup(names):
    quoted = ", ".join(f"'{n}'" for n in names)
    return f"""DO $$
DECLARE
    leftover record;
BEGIN
    -- An index whose CONCURRENTLY build failed stays behind INVALID: never used by a query, yet
    -- maintained by every write, and `IF NOT EXISTS` would keep it. Drop it (it is not in use,
    -- so the short exclusive lock only waits for transactions already running).
    FOR leftover IN
        SELECT c.relname
          FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema()
           AND NOT i.indisvalid
           AND c.relname = ANY (ARRAY[{quoted}])
    LOOP
        EXECUTE format('DROP INDEX %I', leftover.relname);
    END LOOP;
END
$$;

"""


def main():
    spec = json.load(open(SPEC))
    original = {}
    for t in spec["tables"]:
        for ix in t["indexes"]:
            original[ix["name"]] = (t["name"], ix["columns"])
    missing = [n for n in DROPPED if n not in original]
    assert not missing, f"DROPPED names that are not original indexes: {missing}"

    # Every foreign key (the original's and schema v2's) keeps an index that leads with its
    # column: a cascade delete from the parent looks the children up by it.
    kept = {}
    for name, (table, cols) in original.items():
        if name not in DROPPED:
            kept.setdefault(table, []).append(cols)
    for name, table, definition, _ in NEW:
        cols = definition.split(")")[0].strip("(").replace(" ", "").split(",")
        kept.setdefault(table, []).append(cols)
    fk_columns = [
        ("onboarding_milestones", "plan_id"),
        ("training_completions", "module_id"),
        ("ticket_comments", "ticket_id"),
    ] + [
        (t["name"], "client_id")
        for t in spec["tables"]
        if any(c["name"] == "client_id" for c in t["columns"]) and t["name"] != "customers"
    ]
    for table, col in fk_columns:
        leading = [cols for cols in kept.get(table, []) if cols[0] == col]
        assert leading, f"{table}.{col} references a parent but would keep no index leading with it"

    out = os.path.join(ROOT, "migrations", NAME)
    os.makedirs(out, exist_ok=True)
    new_names = [n for n, *_ in NEW]

    up = [HEADER.format(what="indexes designed from the queries, and the index diet.")]
    up.append(cleanup(new_names))
    up.append("-- 1. The new indexes, before anything is dropped, so no query is left without one.\n")
    for name, table, definition, purpose in NEW:
        up.append(comment(purpose))
        up.append(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} {definition};\n\n")
    up.append(
        f"-- 2. The index diet: {len(DROPPED)} of the original 134 indexes that no documented query,"
        " constraint\n-- or foreign-key lookup needs. Each costs every INSERT, COPY and non-HOT"
        " UPDATE of its table.\n"
    )
    for name in sorted(DROPPED, key=lambda n: (original[n][0], n)):
        table, cols = original[name]
        up.append(comment(f"{table} ({', '.join(cols)}): {DROPPED[name]}."))
        up.append(f"DROP INDEX CONCURRENTLY IF EXISTS {name};\n\n")

    down = [HEADER.format(what="back to the original index set.")]
    down.append(cleanup(sorted(DROPPED)))
    for name in sorted(DROPPED, key=lambda n: (original[n][0], n)):
        table, cols = original[name]
        down.append(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} ({', '.join(cols)});\n"
        )
    down.append("\n")
    for name in reversed(new_names):
        down.append(f"DROP INDEX CONCURRENTLY IF EXISTS {name};\n")

    with open(os.path.join(out, "up.sql"), "w") as f:
        f.write("".join(up).rstrip("\n") + "\n")
    with open(os.path.join(out, "down.sql"), "w") as f:
        f.write("".join(down).rstrip("\n") + "\n")
    with open(os.path.join(out, "metadata.toml"), "w") as f:
        f.write(
            "# CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction block; the crate's runner\n"
            "# sends this migration's statements one at a time (src/migrations.rs).\n"
            "run_in_transaction = false\n"
        )


if __name__ == "__main__":
    main()
