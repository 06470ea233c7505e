"""Expected-catalog generator (see tools/codegen/README.md).

Renders tests/fixtures/expected_schema.txt, the catalog of a database migrated to the original
schema point (the six `create_<group>_tables` migrations), from the schema specification alone
(`CSDB_SPEC`, default tools/codegen/spec/schema.json in this repository). The format is the one
tests/common/catalog.sql reads out of a live database, so the committed fixture can be checked
against the specification without running, or even reading, the migrations: the migrations are
then checked against the fixture by tests/migrations.rs.

    python3 tools/codegen/gen_expected_schema.py          # rewrite the fixture
    python3 tools/codegen/gen_expected_schema.py --check  # exit 1 if the committed fixture differs

What PostgreSQL itself adds is spelled out here rather than read from a server: the type names
`format_type` prints, the casts `pg_get_expr` / `pg_get_constraintdef` show in defaults and
CHECK expressions, the `<table>_pkey` / `<table>_<col>_key` / `<table>_<col>_fkey` constraint
names, the identity sequence `<table>_id_seq`, and Diesel's `set_updated_at` trigger on every
table with an `updated_at` column (from `diesel_manage_updated_at`, which the crate uses for the
original system's SQLAlchemy `onupdate=`).
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.environ.get("CSDB_SPEC", os.path.join(ROOT, "tools", "codegen", "spec", "schema.json"))
OUT = os.path.join(ROOT, "tests", "fixtures", "expected_schema.txt")

# Diesel's initial setup migration (00000000000000_diesel_initial_setup).
FUNCTIONS = ["function diesel_manage_updated_at(_tbl regclass)", "function diesel_set_updated_at()"]


def format_type(t):
    """The name `format_type` gives the spec's column type."""
    m = re.fullmatch(r"varchar\((\d+)\)", t)
    if m:
        return f"character varying({m.group(1)})"
    names = {
        "timestamptz": "timestamp with time zone",
        "integer": "integer",
        "bigint": "bigint",
        "double precision": "double precision",
        "date": "date",
        "text": "text",
        "boolean": "boolean",
        "jsonb": "jsonb",
    }
    if re.fullmatch(r"numeric\(\d+,\d+\)", t):
        return t
    return names[t]


def default_expr(column):
    """A column default as `pg_get_expr` prints it back."""
    d = column["default"]
    t = column["type"]
    if d.startswith("'") and "::" not in d:
        # A bare string literal is stored coerced to the column's type.
        assert t.startswith("varchar(") or t == "text", column
        return f"{d}::{'text' if t == 'text' else 'character varying'}"
    assert d in ("now()", "true", "false") or "::" in d or re.fullmatch(r"-?\d+(\.\d+)?", d), column
    return d


def column_line(table, pos, c):
    line = f"column {table}.{c['name']} #{pos} {format_type(c['type'])}"
    if c.get("default") == "identity":
        assert c["type"] == "bigint" and not c["nullable"], c
        return line + " not null identity by default"
    if not c["nullable"]:
        line += " not null"
    if "default" in c:
        line += f" default {default_expr(c)}"
    return line


def literal(number, column_type):
    """A numeric literal compared with a column of `column_type`, as the deparser prints it:
    integer literals are cast to the column's type unless it is integer; a negative literal is
    a quoted constant."""
    assert re.fullmatch(r"-?\d+", number), number
    lit = f"'{number}'::integer" if number.startswith("-") else number
    if column_type == "integer":
        return lit
    target = "numeric" if column_type.startswith("numeric") else column_type
    assert target in ("numeric", "double precision"), column_type
    return f"({lit})::{target}"


def check_expr(expression, types):
    """`pg_get_constraintdef` of `CHECK (<expression>)` for the simple shapes the spec uses:
    `col op number`, joined by AND."""
    parts = []
    for term in expression.split(" AND "):
        m = re.fullmatch(r"(\w+) (>=|<=|>|<|=) (-?\d+)", term.strip())
        assert m, f"unsupported CHECK term {term!r}"
        col, op, num = m.groups()
        parts.append(f"({col} {op} {literal(num, types[col])})")
    inner = parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"
    return f"CHECK ({inner})"


def render(spec):
    lines = list(FUNCTIONS)
    for t in spec["tables"]:
        n = t["name"]
        types = {c["name"]: c["type"] for c in t["columns"]}
        lines.append(f"table {n}")
        lines += [column_line(n, i, c) for i, c in enumerate(t["columns"], 1)]
        assert t["primary_key"] == ["id"], t["primary_key"]
        lines.append(f"constraint {n}.{n}_pkey PRIMARY KEY (id)")
        lines += [f"constraint {n}.{n}_{u}_key UNIQUE ({u})" for u in t["unique"]]
        for f in t["foreign_keys"]:
            assert f["on_delete"] == "CASCADE", f
            lines.append(
                f"constraint {n}.{n}_{f['column']}_fkey FOREIGN KEY ({f['column']}) "
                f"REFERENCES {f['references']} ON DELETE CASCADE"
            )
        lines += [f"constraint {n}.{ck['name']} {check_expr(ck['expression'], types)}" for ck in t["checks"]]
        lines += [f"index {n}.{ix['name']} USING btree ({', '.join(ix['columns'])})" for ix in t["indexes"]]
        if any(c.get("default") == "identity" for c in t["columns"]):
            lines.append(f"sequence {n}_id_seq")
        if "updated_at" in types:
            lines.append(
                f"trigger {n}.set_updated_at BEFORE UPDATE ON public.{n} "
                "FOR EACH ROW EXECUTE FUNCTION diesel_set_updated_at()"
            )
    # catalog.sql orders by `line`; the lines are ASCII, where the test cluster's C collation
    # and Python's code-point order agree.
    return "\n".join(sorted(lines)) + "\n"


def main():
    with open(SPEC, encoding="utf-8") as f:
        text = render(json.load(f))
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            committed = f.read()
        if committed != text:
            want, have = set(text.splitlines()), set(committed.splitlines())
            for line in sorted(want - have):
                print(f"missing from the fixture: {line}")
            for line in sorted(have - want):
                print(f"not in the specification: {line}")
            sys.exit(f"{OUT} differs from what {__file__} renders from {SPEC}")
        print(f"{os.path.relpath(OUT, ROOT)}: matches the specification ({len(text.splitlines())} lines)")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
