#!/usr/bin/env bash
# Installs the official Python MCP client (PyPI package `mcp`) into a virtualenv, for
# examples/mcp_server/tests/mcp_python.rs (the MCP server's member crate). Idempotent: does nothing when the venv already has the pinned version.
#
#   .ci/python-mcp.sh [VENV_DIR]
#
# VENV_DIR defaults to $CARGO_TARGET_DIR/mcp-venv, else target/mcp-venv (inside target/ so that
# `cargo clean` removes it and git ignores it). The test runs this script itself when the venv is
# missing, so a plain `cargo test --workspace --all-features` works on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned so CI and developers exercise the same client; bump deliberately.
MCP_VERSION="${MCP_VERSION:-2.3.0}"
PYTHON="${PYTHON:-python3}"
VENV="${1:-${CARGO_TARGET_DIR:-target}/mcp-venv}"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "python-mcp.sh: $PYTHON not found; install CPython 3.10 or newer (e.g. apt-get install python3 python3-venv)" >&2
    exit 1
fi

if [ -x "$VENV/bin/python" ] &&
    "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('mcp') != '$MCP_VERSION')" 2>/dev/null; then
    echo "python-mcp.sh: mcp $MCP_VERSION already installed in $VENV"
    exit 0
fi

echo "python-mcp.sh: installing mcp $MCP_VERSION into $VENV"
if ! "$PYTHON" -m venv "$VENV"; then
    echo "python-mcp.sh: '$PYTHON -m venv' failed; on Debian/Ubuntu install python3-venv" >&2
    exit 1
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "mcp==$MCP_VERSION"
"$VENV/bin/python" -c "import mcp, importlib.metadata as m; print('python-mcp.sh: mcp', m.version('mcp'), 'ready')"
