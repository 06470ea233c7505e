"""Legacy fixture generator (see tools/codegen/README.md).

Writes the two halves of the legacy database that tests/adopt.rs adopts:

- tests/fixtures/legacy_6b022f57af5f.sql: the DDL that the original system's only Alembic
  revision (6b022f57af5f) created through SQLAlchemy, in the form `alembic upgrade head --sql`
  prints it;
- the `SAMPLE_ROWS` block of tests/adopt.rs (between `// BEGIN GENERATED sample rows` and
  `// END GENERATED sample rows`): three rows in every table, the first with every column set
  and the lowest allowed values, the second with NULL wherever the original system allowed it,
  the third with the highest allowed values and the awkward text and JSON.

Everything comes from the schema specification (`CSDB_SPEC`, default tools/codegen/spec/schema.json
in this repository) and schema v2's range rules (gen_v2.py): names, each column's `legacy_type` / `legacy_nullable`, the allowed
`values` of enum columns, and the CHECK ranges; plus the short tables below for the columns whose
range the crate's newtypes narrow. Nothing is read from the migrations or from a database, so the
fixture is an independent description of the starting point of `customer_success_db::adopt`.

    python3 tools/codegen/gen_legacy.py          # rewrite the fixture and the block
    python3 tools/codegen/gen_legacy.py --check  # exit 1 if either committed copy differs
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.environ.get("CSDB_SPEC", os.path.join(ROOT, "tools", "codegen", "spec", "schema.json"))
OUT = os.path.join(ROOT, "tests", "fixtures", "legacy_6b022f57af5f.sql")
REVISION = "6b022f57af5f"

HEADER = """\
-- The schema of the original system's database: what `alembic upgrade head` of its only
-- revision, 6b022f57af5f, created through SQLAlchemy on PostgreSQL (the offline form,
-- `alembic upgrade head --sql`). Column types and nullability are the `legacy` column of the
-- schema specification: `json` instead of `jsonb`, money as `double precision`,
-- `timestamp` without time zone, `serial` ids, and the columns with a client-side
-- (SQLAlchemy `default=`) default left nullable and without a server default. Tables, indexes,
-- foreign keys, unique and CHECK constraints carry the same names as the crate's schema.
--
-- Used by tests/adopt.rs to build a database for `customer_success_db::adopt`.

BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 6b022f57af5f
"""

# How SQLAlchemy's PostgreSQL dialect spells each legacy type in CREATE TABLE (`Float` renders
# as FLOAT, `DateTime` as TIMESTAMP WITHOUT TIME ZONE, `String(n)` as VARCHAR(n)).
TYPES = {
    "integer": "INTEGER",
    "double precision": "FLOAT",
    "timestamp": "TIMESTAMP WITHOUT TIME ZONE",
    "json": "JSON",
    "text": "TEXT",
    "date": "DATE",
    "boolean": "BOOLEAN",
}


def legacy_type(column):
    t = column["legacy_type"]
    if column.get("default") == "identity":
        # An Integer primary key with autoincrement: SQLAlchemy emits SERIAL.
        assert t == "integer", column
        return "SERIAL"
    if t.startswith("varchar("):
        return "VARCHAR" + t[len("varchar"):]
    return TYPES[t]


def column_line(column):
    line = f"    {column['name']} {legacy_type(column)}"
    if not column["legacy_nullable"]:
        line += " NOT NULL"
    return line


def table(t):
    lines = [column_line(c) for c in t["columns"]]
    # SQLAlchemy's order: primary key, unique constraints, foreign keys, then the named CHECKs.
    lines.append(f"    PRIMARY KEY ({', '.join(t['primary_key'])})")
    for u in t["unique"]:
        lines.append(f"    UNIQUE ({u})")
    for f in t["foreign_keys"]:
        assert f["on_delete"] == "CASCADE", f
        target = f["references"].replace("(", " (")
        lines.append(f"    FOREIGN KEY({f['column']}) REFERENCES {target} ON DELETE CASCADE")
    for ck in t["checks"]:
        lines.append(f"    CONSTRAINT {ck['name']} CHECK ({ck['expression']})")
    out = [f"CREATE TABLE {t['name']} (\n" + ",\n".join(lines) + "\n);", ""]
    out += [f"CREATE INDEX {ix['name']} ON {t['name']} ({', '.join(ix['columns'])});" for ix in t["indexes"]]
    return "\n".join(out) + "\n"


def render(spec):
    parts = [HEADER]
    parts += [table(t) for t in spec["tables"]]
    parts.append(f"INSERT INTO alembic_version (version_num) VALUES ('{REVISION}');\n\nCOMMIT;\n")
    return "\n".join(parts)



# ---------------------------------------------------------------------------------------------
# The sample rows.

ADOPT_RS = os.path.join(ROOT, "tests", "adopt.rs")
BEGIN = "// BEGIN GENERATED sample rows\n"
END = "// END GENERATED sample rows\n"

# The ids of the three rows: a gap, so that adoption must restart each identity after the
# largest id (6), not after the row count. health_scores is filled through its serial instead.
IDS = ["1", "2", "5"]
DATES = ["'2024-01-15'", "'2024-02-29'", "'2025-12-31'"]
# A whole second, a microsecond before a daylight-saving change in Europe, and microseconds.
TIMESTAMPS = ["'2024-01-15 08:30:00'", "'2024-03-31 01:59:59.999999'", "'2025-06-30 23:59:59.123456'"]
NOTE = "It''s O''Brien''s \"quoted\" note\nwith a second line"
JSON = [
    '\'{"b": 1, "a": [1, 2.5, "x"], "nested": {"k": null}}\'',
    "'[{\"step\": 1}, {\"step\": 2}]'",
    '\'{"emoji": "\\ud83d\\ude00", "text": "café", "big": 12345678901234567890}\'',
]
# Columns the crate reads as a list of strings (`StringList`): their JSON must be such a list.
STRING_LIST_JSON = ["'[\"alpha\", \"beta\"]'", "'[]'", "'[\"gamma\", \"O''Brien\"]'"]
STRING_LISTS = {
    "onboarding_plans.assigned_implementation_team", "onboarding_milestones.dependencies",
    "training_modules.prerequisites", "training_modules.learning_objectives",
    "training_modules.topics_covered", "support_tickets.tags", "knowledge_base_articles.tags",
    "knowledge_base_articles.related_articles", "knowledge_base_articles.search_keywords",
    "knowledge_base_articles.product_tier_restrictions", "expansion_opportunities.requirements",
    "expansion_opportunities.value_drivers", "expansion_opportunities.decision_makers",
    "customer_feedback.tags",
}
# Money: double precision in the original system, numeric(14,2) in the crate. The middle value
# is a binary-floating-point artefact that is still 0.30 to the cent; the last is the largest
# numeric(14,2).
MONEY = ["1234.56", "0.30000000000000004", "999999999999.99"]
# Amounts that adoption must round to the cent (and report): one it rounds away, one it rounds up.
MONEY_ROUNDED = {"customers.contract_value": "1234.5600000001", "contracts.contract_value": "10.005"}
INTEGERS = ["0", "7", "2147483647"]
# Schema v2 keeps hours and averages non-negative, so the tiny value is positive.
FLOATS = ["0.1", "12.5", "3.75e-5"]
BOOLEANS = ["true", None, "false"]  # every boolean of the original system is nullable
# Ranges the crate's newtypes enforce on columns that have no CHECK constraint of their own
# (HealthScore, ComponentScore, Probability, SentimentScore); the others come from the CHECKs.
RANGES = {
    "customers.health_score": (0, 100),
    "renewal_forecasts.health_score": (0, 100),
    "health_metrics.overall_health_score": (0, 100),
    "health_metrics.predicted_next_period_score": (0, 100),
    "health_scores.support_score": (0, 100),
    "health_scores.satisfaction_score": (0, 100),
    "health_scores.payment_score": (0, 100),
    "health_scores.overall_score": (0, 100),
    "renewal_forecasts.expansion_probability": (0, 1),
    "sentiment_analysis.overall_sentiment_score": (-1, 1),
}
# Schema v2's range CHECKs (tools/codegen/gen_v2.py): adoption brings a database to the head of
# the migrations, so the sample rows that must adopt cleanly keep those rules too.
def _v2_ranges():
    here = os.path.dirname(os.path.abspath(__file__))
    source = open(os.path.join(here, "gen_v2.py"), encoding="utf-8").read().split("def q(text)")[0]
    scope = {"__file__": os.path.join(here, "gen_v2.py")}
    exec(source, scope)
    out = {}
    for table, rules in scope["RULES"].items():
        for _name, cols, expr in rules:
            m = re.fullmatch(r"(\w+) >= (-?\d+) AND (\w+) <= (-?\d+)", expr)
            if len(cols) == 1 and m and m.group(1) == m.group(3):
                out[f"{table}.{cols[0]}"] = (int(m.group(2)), int(m.group(4)))
    return out


for _key, _range in _v2_ranges().items():
    RANGES.setdefault(_key, _range)
# Columns whose generic value would not fit (varchar(3)), and v2's rules that span columns: the
# health weights sum to 1 (NULL becomes the defaults, which do), and the NPS category is the
# score's (the scores are 0, 5 and 10).
SPECIAL = {
    "contracts.currency": ["'USD'", None, "'GBP'"],
    "health_scores.usage_weight": ["0.35", "NULL", "0.2"],
    "health_scores.engagement_weight": ["0.25", "NULL", "0.2"],
    "health_scores.support_weight": ["0.15", "NULL", "0.2"],
    "health_scores.satisfaction_weight": ["0.15", "NULL", "0.2"],
    "health_scores.payment_weight": ["0.10", "NULL", "0.2"],
    "nps_responses.category": ["'detractor'", "'detractor'", "'promoter'"],
}


def check_ranges(t):
    """{column: (lo, hi)} from CHECKs of the form `col >= lo AND col <= hi`."""
    out = {}
    for ck in t["checks"]:
        m = re.fullmatch(r"(\w+) >= (-?\d+) AND (\w+) <= (-?\d+)", ck["expression"])
        if m and m.group(1) == m.group(3):
            out[m.group(1)] = (int(m.group(2)), int(m.group(4)))
    return out


def values(t, c, ranges):
    """The three sample values of column `c` of table `t` (SQL literals); the second is NULL
    wherever the original system allowed NULL."""
    key = f"{t['name']}.{c['name']}"
    lt = c["legacy_type"]
    if c.get("default") == "identity":
        v = list(IDS)
    elif key in SPECIAL:
        v = list(SPECIAL[key])
    elif "values" in c:
        allowed = c["values"]
        v = [f"'{allowed[0]}'", f"'{allowed[len(allowed) // 2]}'", f"'{allowed[-1]}'"]
    elif c["name"] in ranges or key in RANGES:
        lo, hi = ranges.get(c["name"]) or RANGES[key]
        mid = (lo + hi) // 2 if lt == "integer" else (lo + hi) / 2
        v = [str(lo), str(mid), str(hi)]
    elif lt == "double precision" and c["type"].startswith("numeric"):
        v = list(MONEY)
        v[0] = MONEY_ROUNDED.get(key, v[0])
    elif lt == "integer":
        v = list(INTEGERS)
    elif lt == "double precision":
        v = list(FLOATS)
    elif lt == "boolean":
        v = list(BOOLEANS)
    elif lt == "date":
        v = list(DATES)
    elif lt == "timestamp":
        v = list(TIMESTAMPS)
    elif lt == "json":
        v = list(STRING_LIST_JSON if key in STRING_LISTS else JSON)
    elif lt == "text":
        v = [f"'{c['name']}-1'", f"'{c['name']}-2'", f"'{NOTE}'"]
    elif lt.startswith("varchar("):
        v = [f"'{c['name']}-{k}'" for k in (1, 2, 3)]
        width = int(lt[len("varchar("):-1])
        assert all(len(x) - 2 <= width for x in v), key
    else:
        raise SystemExit(f"no sample values for {key} ({lt})")
    if c["legacy_nullable"]:
        v[1] = "NULL"
    assert None not in v, f"{key}: no NOT NULL value for the second row"
    return v


def insert(table, columns, rows):
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES\n"
    return head + ",\n".join(f"    ({', '.join(r)})" for r in rows) + ";\n"


def sample_rows(spec):
    out = ['const SAMPLE_ROWS: &str = r#"\n']
    for t in spec["tables"]:
        ranges = check_ranges(t)
        cols = t["columns"]
        if t["name"] == "health_scores":
            # Through the serial, as the original system wrote them: ids 1 to 3, then a fourth
            # row that is deleted again, so the sequence is ahead of the largest id.
            cols = [c for c in cols if c.get("default") != "identity"]
        per_column = [values(t, c, ranges) for c in cols]
        rows = [[v[k] for v in per_column] for k in range(3)]
        names = [c["name"] for c in cols]
        out.append(insert(t["name"], names, rows))
        if t["name"] == "health_scores":
            out.append(insert(t["name"], names, rows[:1]))
            out.append("DELETE FROM health_scores WHERE id = 4;\n")
    out.append('"#;\n')
    return "".join(out)


def splice(rust, block):
    """`rust` with the text between the BEGIN and END markers replaced by `block`."""
    start = rust.index(BEGIN) + len(BEGIN)
    end = rust.index(END)
    return rust[:start] + block + rust[end:]


def main():
    with open(SPEC, encoding="utf-8") as f:
        spec = json.load(f)
    ddl = render(spec)
    with open(ADOPT_RS, encoding="utf-8") as f:
        adopt_rs = f.read()
    new_adopt_rs = splice(adopt_rs, sample_rows(spec))
    if "--check" in sys.argv[1:]:
        failed = False
        with open(OUT, encoding="utf-8") as f:
            if f.read() != ddl:
                print(f"{OUT} differs from what {__file__} renders from {SPEC}")
                failed = True
        if new_adopt_rs != adopt_rs:
            print(f"the sample rows in {ADOPT_RS} differ from what {__file__} renders from {SPEC}")
            failed = True
        if failed:
            sys.exit(1)
        print("tests/fixtures/legacy_6b022f57af5f.sql and the sample rows of tests/adopt.rs: match the specification")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(ddl)
    with open(ADOPT_RS, "w", encoding="utf-8") as f:
        f.write(new_adopt_rs)


if __name__ == "__main__":
    main()
