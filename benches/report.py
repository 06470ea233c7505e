#!/usr/bin/env python3
"""Prints the Markdown table of BENCHMARKS.md from criterion's estimates under target/criterion.

Run after `cargo bench`: `python3 benches/report.py`. Uses the mean of each benchmark's last run.
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")


def mean_ns(path):
    with open(path / "new" / "estimates.json") as f:
        return json.load(f)["mean"]["point_estimate"]


def fmt(ns):
    return f"{ns / 1000:.1f} µs" if ns < 1_000_000 else f"{ns / 1_000_000:.2f} ms"


print("| query | customers | library (Diesel) | raw `postgres`, prepared | library / raw |")
print("|---|---|---|---|---|")
for group in ["health_dashboard", "csm_workload", "renewal_pipeline", "sla_monitoring", "churn_risk", "csm_customers"]:
    g = root / group
    if not (g / "diesel").is_dir():
        continue
    for size in sorted((p.name for p in (g / "diesel").iterdir() if p.name.isdigit()), key=int):
        d, r = mean_ns(g / "diesel" / size), mean_ns(g / "raw_postgres" / size)
        print(f"| {group} | {int(size):,} | {fmt(d)} | {fmt(r)} | {d / r:.2f} |")

g = root / "bulk_load"
if g.is_dir():
    print()
    print("| method | customers | rows per load | time per load | rows / second |")
    print("|---|---|---|---|---|")
    for method in ["COPY", "INSERT"]:
        for size in sorted((p.name for p in (g / method).iterdir() if p.name.isdigit()), key=int):
            ns = mean_ns(g / method / size)
            with open(g / method / size / "new" / "benchmark.json") as f:
                rows = json.load(f)["throughput"]["Elements"]
            print(f"| {method} | {int(size):,} | {rows:,} | {fmt(ns)} | {rows / (ns / 1e9):,.0f} |")

# benches/citus.rs: the same operation on one server and on the 3-node Citus cluster.
citus_groups = ["customer_and_tickets", "customer_360", "insert_health_score", "health_dashboard",
                "csm_workload", "renewal_pipeline", "sla_monitoring", "churn_risk", "csm_customers"]
if (root / "citus_customer_360").is_dir():
    print()
    print("| operation | customers | single node | Citus, coordinator + 2 workers | cluster / single |")
    print("|---|---|---|---|---|")
    for name in citus_groups:
        g = root / f"citus_{name}"
        if not (g / "single_node").is_dir():
            continue
        for size in sorted((p.name for p in (g / "single_node").iterdir() if p.name.isdigit()), key=int):
            s, c = mean_ns(g / "single_node" / size), mean_ns(g / "citus_3_nodes" / size)
            print(f"| {name} | {int(size):,} | {fmt(s)} | {fmt(c)} | {c / s:.2f} |")
