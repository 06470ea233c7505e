-- One line per schema object of the public schema, in a stable order: what the schema-fidelity
-- and round-trip tests compare. Diesel's own bookkeeping table is left out.
WITH rels AS (
    SELECT c.oid, c.relname, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> '__diesel_schema_migrations'
)
SELECT line FROM (
    SELECT 'table ' || r.relname AS line FROM rels r WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')
    UNION ALL
    -- The position among live columns, not attnum: a column dropped and added again (a
    -- migration reverted and re-applied) keeps its place in the schema, not its attnum.
    SELECT format('column %s.%s #%s %s%s%s%s', r.relname, a.attname,
                  (SELECT count(*) FROM pg_attribute p WHERE p.attrelid = r.oid AND p.attnum > 0
                      AND NOT p.attisdropped AND p.attnum <= a.attnum),
                  format_type(a.atttypid, a.atttypmod),
                  CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
                  CASE a.attidentity WHEN 'd' THEN ' identity by default' WHEN 'a' THEN ' identity always' ELSE '' END,
                  COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), ''))
    FROM rels r
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
    WHERE r.relkind = 'r'
    UNION ALL
    SELECT format('constraint %s.%s %s', r.relname, con.conname, pg_get_constraintdef(con.oid))
    FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
    UNION ALL
    SELECT format('index %s.%s %s', r.relname, i.relname,
                  regexp_replace(pg_get_indexdef(i.oid), '^.* USING ', 'USING '))
    FROM pg_index x JOIN rels r ON r.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid)
    UNION ALL
    SELECT format('trigger %s.%s %s', r.relname, t.tgname,
                  regexp_replace(pg_get_triggerdef(t.oid), '^CREATE TRIGGER \S+ ', ''))
    FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
    UNION ALL
    SELECT format('function %s(%s)', p.proname, pg_get_function_identity_arguments(p.oid))
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT format('sequence %s', r.relname) FROM rels r WHERE r.relkind = 'S'
    UNION ALL
    SELECT format('type %s', t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
) objects
ORDER BY line
