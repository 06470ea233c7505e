-- Reverts 2024-06-01-000006_create_analytics_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE cohort_analysis;
DROP TABLE usage_analytics;
DROP TABLE engagement_metrics;
DROP TABLE health_metrics;
