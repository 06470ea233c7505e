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

# The files git knows of (tracked or new, not ignored), as they are in the working tree.
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$scratch"
mkdir -p "$scratch/target" # gen_models.py writes its mapping tables there

python3 "$scratch/tools/codegen/gen_migrations.py"
python3 "$scratch/tools/codegen/gen_models.py"
python3 "$scratch/tools/codegen/gen_tests.py"
# The generated Rust, formatted the way `cargo fmt --all` formats the committed files.
find "$scratch/src/models" "$scratch/tests/models_round_trip.rs" -name '*.rs' -print0 |
    xargs -0 rustfmt --edition 2021

status=0
for path in migrations src/models tests/models_round_trip.rs; do
    if ! diff -ru "$path" "$scratch/$path"; then
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "codegen check: regenerating from ${CSDB_SPEC:-tools/codegen/spec/schema.json} changes the files above;" >&2
    echo "run the generators (tools/codegen/README.md) and commit their output, or fix the generators" >&2
    exit 1
fi
echo "codegen check: migrations/, src/models/ and tests/models_round_trip.rs match the generators' output"
