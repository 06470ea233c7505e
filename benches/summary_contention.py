#!/usr/bin/env python3
"""The write cost of the CSM workload summary (migration v2_csm_summary), under concurrency.

    python3 benches/summary_contention.py --csdb target/release/csdb \
        --url postgres://USER:PASSWORD@localhost/postgres [--clients 8] [--seconds 8]

Creates a scratch database (`csdb_summary_contention`, dropped at the end), migrates it to the
head with `csdb upgrade`, adds 2,000 active customers (20 CSMs, 100 each), and runs pgbench:
`--clients` writers that each insert health assessments (the health-score trigger then updates
the customer, and the summary triggers its CSM's summary) for

- `spread`: random customers (any CSM), or
- `one CSM`: random customers of ONE CSM (the worst case for a per-CSM row),

as autocommit statements, and as transactions that do 5 ms of other work before committing
(`pg_sleep`, standing for the rest of an application's transaction). Each under three
versions of the summary:

- `no summary`: the summary triggers disabled (what writes cost before the migration);
- `one row per CSM`: the summary's slot lookup without SKIP LOCKED, so every writer updates the
  CSM's one row and waits for its lock (the plain hot-row design);
- `slots (shipped)`: the migration as shipped (FOR UPDATE SKIP LOCKED, a new slot when all are
  held).

Prints transactions per second and mean latency per run (pgbench's figures) as a Markdown
table. All variants run in one invocation, alternating, so the machine's drift stays out of the
comparison.
"""
import argparse
import re
import subprocess
import sys
import tempfile
import urllib.parse

DB = "csdb_summary_contention"

SETUP = """
INSERT INTO customers (client_id, client_name, company_name, contract_start_date, status,
                       csm_assigned, health_score)
SELECT 'bench-' || i, 'Customer ' || i, 'Company ' || i, DATE '2025-01-01', 'active',
       'CSM ' || (i % 20), 50
  FROM generate_series(0, 1999) i;
ANALYZE;
"""

# The shipped slot lookup, and the plain hot-row one (FOR UPDATE without SKIP LOCKED).
SHIPPED_LOCK = "FOR UPDATE SKIP LOCKED;"
HOT_ROW_LOCK = "FOR UPDATE;"

TRIGGERS = ["csdb_csm_workload_insert", "csdb_csm_workload_update", "csdb_csm_workload_delete"]


def run(cmd, **kw):
    r = subprocess.run(cmd, text=True, capture_output=True, **kw)
    if r.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {r.stderr or r.stdout}")
    return r.stdout


def with_db(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def psql(url, sql):
    return run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql])


def function_source(url):
    return run(["psql", url, "-XAtq", "-c",
                "SELECT pg_get_functiondef('csdb_csm_workload_add(varchar, integer, bigint)'::regprocedure)"])


def script(one_csm, work_ms):
    # Customers with id % 20 = 0 are CSM 0's (ids start at 1: customer i has id i + 1).
    pick = "\\set k random(0, 99)\n\\set c :k * 20 + 1\n" if one_csm else "\\set c random(1, 2000)\n"
    insert = ("INSERT INTO health_scores (client_id, usage_score, engagement_score, support_score, "
              "satisfaction_score, payment_score, overall_score) "
              "SELECT client_id, s, s, s, s, s, s FROM (SELECT client_id, (random() * 100)::int::float8 AS s "
              "FROM customers WHERE id = :c) x;\n")
    if work_ms:
        return pick + "BEGIN;\n" + insert + f"SELECT pg_sleep({work_ms / 1000});\nCOMMIT;\n"
    return pick + insert


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csdb", required=True)
    ap.add_argument("--url", required=True, help="any database on the server (to create ours)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=int, default=8)
    ap.add_argument("--pgbench", default="pgbench")
    args = ap.parse_args()

    admin = args.url
    url = with_db(args.url, DB)
    psql(admin, f'DROP DATABASE IF EXISTS "{DB}"')
    psql(admin, f'CREATE DATABASE "{DB}"')
    try:
        run([args.csdb, "--database-url", url, "upgrade"])
        psql(url, SETUP)
        shipped = function_source(url)
        assert SHIPPED_LOCK in shipped, "the migration's slot lookup changed; update this script"
        hot_row = shipped.replace(SHIPPED_LOCK, HOT_ROW_LOCK)

        def variant(name):
            enable = "DISABLE" if name == "no summary" else "ENABLE"
            psql(url, "; ".join(f"ALTER TABLE customers {enable} TRIGGER {t}" for t in TRIGGERS))
            psql(url, hot_row if name == "one row per CSM" else shipped)
            # The same starting point: one row per CSM, no dead rows.
            psql(url, "SELECT csdb_rebuild_csm_workload_summary()")
            psql(url, "VACUUM ANALYZE csm_workload_summary")

        variants = ["no summary", "one row per CSM", "slots (shipped)"]
        results = {}
        for one_csm in (False, True):
            for work_ms in (0, 5):
                with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
                    f.write(script(one_csm, work_ms))
                    path = f.name
                for name in variants:
                    variant(name)
                    out = run([args.pgbench, "-n", "-c", str(args.clients), "-j", str(args.clients),
                               "-T", str(args.seconds), "-f", path, url])
                    tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
                    lat = float(re.search(r"latency average = ([0-9.]+) ms", out).group(1))
                    results[(one_csm, work_ms, name)] = (tps, lat)
                    print(f"{'one CSM' if one_csm else 'spread'} / {work_ms} ms / {name}: "
                          f"{tps:.0f} tps, {lat:.2f} ms", file=sys.stderr)
        # The summary must still be exact after all of it.
        drift = run(["psql", url, "-XAtq", "-c", "SELECT csdb_rebuild_csm_workload_summary()"]).strip()
        print(f"\n{args.clients} writers, {args.seconds} s per run; summary drift afterwards: {drift}\n")
        print("| writers' customers | work in the transaction | summary | tps | mean latency (ms) | tps vs no summary |")
        print("|---|---|---|---|---|---|")
        for one_csm in (False, True):
            for work_ms in (0, 5):
                base = results[(one_csm, work_ms, "no summary")][0]
                for name in variants:
                    tps, lat = results[(one_csm, work_ms, name)]
                    print(f"| {'one CSM' if one_csm else 'spread (20 CSMs)'} | "
                          f"{'none (autocommit)' if work_ms == 0 else f'{work_ms} ms'} | {name} | "
                          f"{tps:.0f} | {lat:.2f} | {tps / base:.2f} |")
    finally:
        psql(admin, f'DROP DATABASE IF EXISTS "{DB}"')


if __name__ == "__main__":
    main()
