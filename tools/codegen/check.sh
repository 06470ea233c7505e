#!/usr/bin/env bash
# CI check: regenerating the migrations, the models and the round-trip tests from the in-repo
# specification (tools/codegen/spec/schema.json, or $CSDB_SPEC) reproduces the committed files.
#
#   tools/codegen/check.sh
#
# Works on a scratch copy of the working tree (the checkout itself is never written), formats the
# generated Rust as `cargo fmt` does (rustfmt, edition 2021, no rustfmt.toml), and fails with a
# diff when anything differs. Needs python3 and rustfmt only (no build, no network).
set -euo pipefail
cd "$(dirname "$0")/../.."

scratch="$(mktemp -d "${TMPDIR:-/tmp}/csdb-codegen.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/committed" "$scratch/generated"

# The files git knows of (tracked or new, not ignored), as they are in the working tree: one
# copy to compare with, one for the generators to write into.
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf "$scratch/tree.tar"
tar -xf "$scratch/tree.tar" -C "$scratch/committed"
tar -xf "$scratch/tree.tar" -C "$scratch/generated"
mkdir -p "$scratch/generated/target" # gen_models.py writes its mapping tables there

# The three generators of the original schema first (gen_tests.py reuses gen_models.py's maps),
# then any other generator (e.g. a later schema version's migrations), in name order.
gens=(gen_migrations.py gen_models.py gen_tests.py)
for g in tools/codegen/gen_*.py; do
    case " ${gens[*]} " in *" $(basename "$g") "*) ;; *) gens+=("$(basename "$g")") ;; esac
done
for g in "${gens[@]}"; do
    echo "codegen check: python3 tools/codegen/$g"
    python3 "$scratch/generated/tools/codegen/$g"
done
# The Rust files the generators rewrote, formatted the way `cargo fmt --all` formats the
# committed ones (only those: rustfmt would also touch files cargo fmt never formats, such as
# trybuild's tests/ui cases).
(cd "$scratch" && diff -rqN --exclude=target committed generated || true) |
    awk '$1 == "Files" && $4 ~ /\.rs$/ { print $4 }' |
    while read -r f; do rustfmt --edition 2021 "$scratch/$f"; done

# Any difference anywhere: a generated file edited by hand, a generator changed without
# regenerating, or a generated file not committed.
if ! (cd "$scratch" && diff -ruN --exclude=target committed generated); then
    echo "codegen check: regenerating from ${CSDB_SPEC:-tools/codegen/spec/schema.json} changes the files above;" >&2
    echo "run the generators (tools/codegen/README.md) and commit their output, or fix the generators" >&2
    exit 1
fi
echo "codegen check: the generators' output matches the committed files"
