-- Reverts 2024-06-01-000005_create_feedback_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE survey_templates;
DROP TABLE sentiment_analysis;
DROP TABLE nps_responses;
DROP TABLE customer_feedback;
