-- Reverts 2024-06-01-000002_create_onboarding_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE training_completions;
DROP TABLE training_modules;
DROP TABLE onboarding_milestones;
DROP TABLE onboarding_plans;
