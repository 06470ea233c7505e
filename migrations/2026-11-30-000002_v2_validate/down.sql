-- Reverts 2026-11-30-000002_v2_validate: a validated constraint cannot be marked NOT VALID
-- again, and the previous migration's down drops the constraints anyway.
SELECT 1;
