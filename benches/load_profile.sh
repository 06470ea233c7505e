#!/bin/bash
# Where the time of `csdb demo` goes, on the server: the same load into scratch copies of a
# migrated database with one part of the schema removed each, and the server backend's CPU
# seconds per statement kind (COPY, ANALYZE) from `log_statement_stats`. CPU seconds, unlike
# wall time, barely move when other work shares the machine.
#
#   CSDB=target/release/csdb PGHOST=/path/to/socket PGPORT=5432 PGUSER=postgres \
#     bash benches/load_profile.sh 10000 head noplain nofk nocheck notrig bare original diet
#
# Needs a SCRATCH server you are superuser on (it turns on log_statement_stats with ALTER SYSTEM
# and reads the server log, `$PGLOG`, default $PGHOST/log) and creates/drops databases named
# csdb_profile_*. Never point it at a server that matters. Variants: head (the migration head),
# original (the six original migrations), diet (head without `csdb redundant-indexes`), noplain
# (no secondary index that backs no constraint), nofk, nocheck, notrig (no foreign keys / CHECKs
# / user triggers), nojsonstats (head, but ANALYZE skips the json/jsonb columns: SET STATISTICS 0),
# bare (no index, constraint or trigger at all).
set -euo pipefail
N=${1:?customers}; shift
CSDB=${CSDB:-target/release/csdb}
PGLOG=${PGLOG:-$PGHOST/log}
P="psql -q -X -v ON_ERROR_STOP=1"
url() { echo "postgres://${PGUSER:-postgres}@localhost/$1?host=$PGHOST&port=${PGPORT:-5432}"; }

$P -d postgres -c "ALTER SYSTEM SET log_statement_stats = on" -c "SELECT pg_reload_conf()" >/dev/null

strip() { # strip DB WHAT: drop one kind of schema object in a scratch database
  local sel
  case $2 in
    fk) sel="SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'f'";;
    check) sel="SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'c'";;
    trigger) sel="SELECT format('DROP TRIGGER %I ON %s', tgname, tgrelid::regclass) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT tgisinternal";;
    plain) sel="SELECT format('DROP INDEX %s', i.indexrelid::regclass) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> '__diesel_schema_migrations' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)";;
    jsonstats) sel="SELECT format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS 0', table_name, column_name) FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('json', 'jsonb')";;
    keys) sel="SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE connamespace = 'public'::regnamespace AND contype IN ('u', 'p') AND c.relname <> '__diesel_schema_migrations'";;
  esac
  $P -d "$1" -tAc "$sel" | sed 's/$/;/' | $P -d "$1" >/dev/null
}

prepare() { # prepare DB VARIANT
  $P -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  "$CSDB" --database-url "$(url "$1")" upgrade >/dev/null
  case $2 in
    head) ;;
    original)
      until "$CSDB" --json --database-url "$(url "$1")" current | grep -q '"20240601000006"'; do
        "$CSDB" --database-url "$(url "$1")" downgrade >/dev/null
      done;;
    diet)
      "$CSDB" --json --database-url "$(url "$1")" redundant-indexes | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    # An index that backs a constraint goes with its constraint.
    print(f"""DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = {r["index"]!r})
      THEN ALTER TABLE {r["table"]} DROP CONSTRAINT {r["index"]}; ELSE DROP INDEX {r["index"]}; END IF; END $$;""")
' | $P -d "$1" >/dev/null;;
    noplain) strip "$1" plain;;
    nofk) strip "$1" fk;;
    nocheck) strip "$1" check;;
    notrig) strip "$1" trigger;;
    nojsonstats) strip "$1" jsonstats;;
    bare) strip "$1" trigger; strip "$1" check; strip "$1" fk; strip "$1" plain; strip "$1" keys;;
    *) echo "unknown variant $2" >&2; exit 2;;
  esac
}

for v in "$@"; do
  db=csdb_profile_$v
  prepare "$db" "$v"
  off=$(stat -c %s "$PGLOG")
  /usr/bin/time -f "%U %S" -o /tmp/csdb_profile_client "$CSDB" --json --database-url "$(url "$db")" \
    demo --customers "$N" 2>/dev/null >/tmp/csdb_profile.json
  sleep 0.5
  tail -c +$((off + 1)) "$PGLOG" | python3 -c '
import json, re, sys
v = sys.argv[1]
r = json.load(open("/tmp/csdb_profile.json"))
cu, cs = map(float, open("/tmp/csdb_profile_client").read().split())
cpu, pending = {}, None
for line in sys.stdin:
    m = re.search(r"!\s+([\d.]+) s user, ([\d.]+) s system", line)
    if m:
        pending = float(m.group(1)) + float(m.group(2))
        continue
    m = re.search(r"STATEMENT:\s+(\w+)", line)
    if m and pending is not None:
        kind = m.group(1).upper()
        kind = kind if kind in ("COPY", "ANALYZE") else "other"
        cpu[kind] = cpu.get(kind, 0) + pending
        pending = None
total = sum(cpu.values())
print("%-9s %d rows  wall %6.2f s (%6.0f rows/s)  server CPU: COPY %6.2f s, ANALYZE %5.2f s, other %4.2f s  client CPU %5.2f s" % (
    v, r["total_rows"], r["seconds"], r["rows_per_second"], cpu.get("COPY", 0), cpu.get("ANALYZE", 0), cpu.get("other", 0), cu + cs))
' "$v"
  $P -d postgres -c "DROP DATABASE $db"
done
