#!/usr/bin/env bash
# The first-run measurement of BENCHMARKS.md ("First run"): in a fresh clone of this repository's
# HEAD with an empty target dir (the crate registry already downloaded), the wall and CPU time of
#   1. `cargo run --example quickstart` (the README's first command: build and run), and
#   2. `cargo build` of a minimal binary crate that depends on the library alone (path
#      dependency, the same dev profile as the workspace),
# one after the other in the same run. Run it on a quiet machine: other builds change both.
#
#   benches/first_run.sh [WORK_DIR]    # default: a new temporary directory, removed afterwards
set -euo pipefail
repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/csdb-first-run.XXXXXX")}"
[ -n "${1:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
cd "$work"
rm -rf clone minimal target-quickstart target-minimal
git clone -q "$repo" clone
cargo new -q --bin minimal
cat >> minimal/Cargo.toml <<'T'
customer-success-db = { path = "../clone" }

[profile.dev.package."*"]
opt-level = 1
T
cat > minimal/src/main.rs <<'T'
fn main() {
    println!("{}", customer_success_db::types::HealthScore::new(50).is_ok());
}
T
unset DATABASE_URL CARGO_TARGET_DIR
TIMEFORMAT='wall %R s, cpu %U s user + %S s sys'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "cargo run --example quickstart (fresh clone, empty target): "
{ time (cd clone && CARGO_TARGET_DIR="$work/target-quickstart" \
    cargo run --example quickstart >"$work/quickstart.out" 2>"$work/quickstart.err"); } 2>&1
echo "  $(grep -c Compiling "$work/quickstart.err") crates compiled; $(grep -h Finished "$work/quickstart.err" | sed 's/^ *//'); run: $(tail -1 "$work/quickstart.out")"
echo -n "cargo build of a minimal binary using the library (empty target): "
{ time (cd minimal && CARGO_TARGET_DIR="$work/target-minimal" cargo build 2>"$work/minimal.err"); } 2>&1
echo "  $(grep -c Compiling "$work/minimal.err") crates compiled"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
