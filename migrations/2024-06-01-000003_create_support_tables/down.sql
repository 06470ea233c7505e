-- Reverts 2024-06-01-000003_create_support_tables: dropping the tables drops their indexes, constraints and triggers too.

DROP TABLE knowledge_base_articles;
DROP TABLE ticket_comments;
DROP TABLE support_tickets;
