-- Back to v2_churn_levels. Fails, changing nothing, when a business key is used by two
-- customers (it was unique across customers before). Portfolio-wide sentiment analyses move
-- back into sentiment_analysis (client_id NULL, new ids). On a database `distribute::distribute`
-- prepared for Citus (row triggers, the summary as a view), undistribute it first: this does not
-- restore the statement triggers or the summary table.
DROP FUNCTION IF EXISTS csdb_prepare_for_citus();
DROP FUNCTION IF EXISTS csdb_customer_status_to_predictions_row() CASCADE;
DROP FUNCTION IF EXISTS csdb_sync_customer_health_score_row() CASCADE;

ALTER TABLE ticket_comments DROP CONSTRAINT ticket_comments_ticket_id_fkey;
ALTER TABLE onboarding_milestones DROP CONSTRAINT onboarding_milestones_plan_id_fkey;
DO $$
DECLARE
    t text;
    k text;
BEGIN
    FOREACH t IN ARRAY ARRAY['customers', 'churn_predictions', 'contracts', 'customer_feedback',
        'engagement_metrics', 'expansion_opportunities', 'health_metrics', 'health_scores',
        'nps_responses', 'onboarding_plans', 'onboarding_milestones', 'renewal_forecasts',
        'risk_indicators', 'sentiment_analysis', 'support_tickets', 'ticket_comments',
        'training_completions', 'usage_analytics'] LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I PRIMARY KEY (id)',
                       t, t || '_pkey', t || '_pkey');
    END LOOP;
    FOR t, k IN SELECT * FROM (VALUES ('contracts', 'contract_id'), ('customer_feedback', 'feedback_id'),
        ('expansion_opportunities', 'opportunity_id'), ('nps_responses', 'response_id'),
        ('renewal_forecasts', 'forecast_id'), ('sentiment_analysis', 'analysis_id'),
        ('training_completions', 'completion_id'), ('ticket_comments', 'comment_id'),
        ('support_tickets', 'ticket_id'), ('onboarding_plans', 'plan_id')) v LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I UNIQUE (%I)',
                       t, t || '_' || k || '_key', t || '_' || k || '_key', k);
    END LOOP;
END
$$;
ALTER TABLE ticket_comments ADD CONSTRAINT ticket_comments_ticket_id_fkey
    FOREIGN KEY (ticket_id) REFERENCES support_tickets (ticket_id) ON DELETE CASCADE;
ALTER TABLE onboarding_milestones ADD CONSTRAINT onboarding_milestones_plan_id_fkey
    FOREIGN KEY (plan_id) REFERENCES onboarding_plans (plan_id) ON DELETE CASCADE;

ALTER TABLE sentiment_analysis ALTER COLUMN client_id DROP NOT NULL;
INSERT INTO sentiment_analysis (analysis_id, client_id, period_start, period_end,
        total_feedback_items, feedback_by_type, overall_sentiment, overall_sentiment_score,
        sentiment_distribution, sentiment_trend, top_positive_themes, top_negative_themes,
        action_items, nps_score, csat_score, analyzed_at)
    SELECT analysis_id, NULL, period_start, period_end, total_feedback_items, feedback_by_type,
           overall_sentiment, overall_sentiment_score, sentiment_distribution, sentiment_trend,
           top_positive_themes, top_negative_themes, action_items, nps_score, csat_score, analyzed_at
      FROM portfolio_sentiment_analysis ORDER BY id;
DROP TABLE portfolio_sentiment_analysis;

ALTER TABLE onboarding_milestones DROP COLUMN client_id;
ALTER TABLE ticket_comments DROP COLUMN client_id;
