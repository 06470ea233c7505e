#!/usr/bin/env python3
"""Schema v2's indexes against the original index set, on the same data, in one run.

    python3 benches/index_sets.py --csdb target/release/csdb --url postgres://.../demo [--runs 7]
        [--pages 1,500] [--original-csdb PATH]

`--url` names a database at the head of the migrations holding demo data (`csdb demo
--customers 100000`). The script copies it (CREATE DATABASE ... TEMPLATE, so nobody may be
connected to it), takes the copy back to the original index set (`csdb downgrade --to
v2_query_support`, which recreates the 58 dropped indexes and drops v2's 10), runs
VACUUM ANALYZE on both, then alternates `csdb --json explain --page P` between the two databases
`--runs` times and prints the median execution time of each dashboard on each, their ratio and
v2's plan. Alternating in one run keeps a shared, noisy machine's drift out of the ratio. The
copy is dropped at the end unless --keep.
"""
import argparse
import json
import statistics
import subprocess
import sys
import urllib.parse


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def with_db(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csdb", required=True)
    ap.add_argument("--url", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", default="1")
    ap.add_argument("--limit", type=int, default=100, help="rows per page")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument(
        "--original-csdb",
        help="the csdb that explains the original index set (default: --csdb). Since schema v2's "
        "CSM workload reads a summary table (migration v2_csm_summary) that the original index "
        "set does not have, give a csdb built before that migration (it aggregates the "
        "customers, as the original system did)",
    )
    args = ap.parse_args()

    db = urllib.parse.urlsplit(args.url).path.lstrip("/")
    orig = db + "_original_indexes"
    admin = with_db(args.url, "postgres")
    run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{orig}"'])
    run(["psql", admin, "-qc", f'CREATE DATABASE "{orig}" TEMPLATE "{db}"'])
    orig_url = with_db(args.url, orig)
    try:
        run([args.csdb, "--database-url", orig_url, "downgrade", "--to", "v2_query_support"])
        for url in (args.url, orig_url):
            run([args.csdb, "--database-url", url, "vacuum"])
        pages = [int(p) for p in args.pages.split(",")]
        times = {}  # (page, set, dashboard) -> [ms]
        plans = {}
        for _ in range(args.runs):
            for label, url in (("original", orig_url), ("v2", args.url)):
                for page in pages:
                    csdb = args.original_csdb or args.csdb if label == "original" else args.csdb
                    cmd = [csdb, "--database-url", url, "--json", "explain"]
                    cmd += ["--limit", str(args.limit)]
                    if page != 1:
                        cmd += ["--page", str(page)]
                    doc = json.loads(run(cmd))
                    for d in doc["dashboards"]:
                        times.setdefault((page, label, d["name"]), []).append(d["execution_ms"])
                        plans[(page, label, d["name"])] = (d["indexes"], d["node_types"], d["page"])
        names = [k[2] for k in times if k[0] == pages[0] and k[1] == "v2"]
        print(
            f"median of {args.runs} runs, EXPLAIN ANALYZE execution time, pages of {args.limit} "
            "rows; `page` is the keyset page asked for, `reached` the one explained (the last "
            "page when a dashboard has fewer)"
        )
        print("| page | reached | dashboard | original indexes (ms) | v2 (ms) | speed-up | v2 plan |")
        print("|---|---|---|---|---|---|---|")
        for page in pages:
            for name in names:
                o = statistics.median(times[(page, "original", name)])
                v = statistics.median(times[(page, "v2", name)])
                indexes, nodes, reached = plans[(page, "v2", name)]
                nodes = list(dict.fromkeys(nodes))
                print(
                    f"| {page} | {reached} | {name} | {o:.3f} | {v:.3f} | {o / v:.1f}x | "
                    f"{', '.join(nodes)} on {', '.join(indexes) or '-'} |"
                )
    finally:
        if not args.keep:
            subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{orig}"'])


if __name__ == "__main__":
    sys.exit(main())
