"""meetings.duckdb as a contract: keys, comments and views from one source.

pipeline/columns.json says what every table and column means; from it come
the `CREATE TABLE` statements with PRIMARY KEY and FOREIGN KEY constraints
and the `COMMENT ON` statements that store.finalize runs, and the tables part
of docs/data-dictionary.md, so that the two never disagree
(tests/test_contract.py checks it). The analyst questions of the data
dictionary are plain SQL run against a finished database.

    python -m pipeline.contract OUT_DIR     # rewrite docs/data-dictionary.md (tables, query outputs on OUT_DIR)
"""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from .tables import TABLES

COLUMNS_FILE = Path(__file__).with_name("columns.json")
DICTIONARY = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"
TABLES_BEGIN = "<!-- tables: generated from pipeline/columns.json by `python -m pipeline.contract`; edit that file -->"
TABLES_END = "<!-- end of the generated tables -->"
QUESTIONS_HEADING = "## Ten analyst questions"

OVERVIEW_SQL = """
CREATE VIEW meeting_overview AS
SELECT m.meeting_id, m.doc_id, d.title, d.published, m.name, m.kind, m.day, m.date, m.venue, m.chair, m.organizer,
       (SELECT count(DISTINCT p.person_id) FROM participants p
         WHERE p.meeting_id = m.meeting_id AND p.role <> 'absent') AS n_participants,
       (SELECT count(DISTINCT p.person_id) FROM participants p
         WHERE p.meeting_id = m.meeting_id AND p.role = 'absent') AS n_absent,
       (SELECT count(*) FROM decisions x WHERE x.meeting_id = m.meeting_id) AS n_decisions,
       (SELECT count(*) FROM directives x WHERE x.meeting_id = m.meeting_id) AS n_directives
FROM meetings m JOIN documents d USING (doc_id)
"""


@lru_cache(maxsize=1)
def described() -> dict:
    return json.loads(COLUMNS_FILE.read_text(encoding="utf-8"))


def creation_order() -> list[str]:
    """The tables, each after the tables its foreign keys point to."""
    spec = described()["tables"]
    done: list[str] = []

    def visit(table: str) -> None:
        if table in done:
            return
        for parent in spec.get(table, {}).get("foreign_keys", {}).values():
            if parent != table:
                visit(parent)
        done.append(table)
    for table in TABLES:
        visit(table)
    return done


def primary_key(table: str) -> list[str]:
    return described()["tables"][table].get("primary_key", [])


def has_key(table: str) -> bool:
    return bool(primary_key(table))


def sql_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return sql_type(t.value_type) + "[]"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_integer(t):
        return "BIGINT"
    return "BOOLEAN" if pa.types.is_boolean(t) else "VARCHAR"


def create_table_sql(table: str) -> str:
    """CREATE TABLE with the table's columns, primary key and foreign keys."""
    spec = described()["tables"][table]
    parts = [f'"{f.name}" {sql_type(f.type)}' for f in TABLES[table]]
    if spec.get("primary_key"):
        parts.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in spec["primary_key"]) + ")")
    for column, parent in spec.get("foreign_keys", {}).items():
        key = described()["tables"][parent]["primary_key"]
        parts.append(f'FOREIGN KEY ("{column}") REFERENCES "{parent}" ("{key[0]}")')
    return f'CREATE TABLE "{table}" (' + ", ".join(parts) + ")"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_sql() -> list[str]:
    out = []
    for table, spec in described()["tables"].items():
        out.append(f'COMMENT ON TABLE "{table}" IS {_quote(spec["title"])}')
        for column, meaning in spec["columns"].items():
            out.append(f'COMMENT ON COLUMN "{table}"."{column}" IS {_quote(meaning)}')
    for view, meaning in described()["views"].items():
        out.append(f'COMMENT ON VIEW "{view}" IS {_quote(meaning)}')
    return out


def finish(con) -> None:
    """The views and comments of a database whose tables are filled."""
    con.execute(OVERVIEW_SQL)
    for statement in comment_sql():
        con.execute(statement)


# ---------------------------------------------------------------- the data dictionary

TYPE_NAMES = {"VARCHAR": "string", "BIGINT": "int", "BOOLEAN": "bool", "DATE": "date", "VARCHAR[]": "list of strings"}


def tables_markdown() -> str:
    """The tables part of docs/data-dictionary.md."""
    lines = [TABLES_BEGIN]
    for table, spec in described()["tables"].items():
        lines += ["", f"## {table} — {spec['title']}"]
        keys = []
        if spec.get("primary_key"):
            keys.append("primary key (" + ", ".join(spec["primary_key"]) + ")")
        keys += [f"{c} → {p}" for c, p in spec.get("foreign_keys", {}).items()]
        if keys:
            lines.append("Keys: " + "; ".join(keys) + ".")
        lines += ["", "| column | type | meaning |", "|---|---|---|"]
        types = {f.name: TYPE_NAMES[sql_type(f.type)] for f in TABLES[table]}
        for column, meaning in spec["columns"].items():
            lines.append(f"| {column} | {types[column]} | {meaning} |")
    for view, meaning in described()["views"].items():
        lines += ["", f"## {view} (view) — {meaning}"]
    kinds = json.loads((Path(__file__).resolve().parents[1] / "models" / "lexicons" / "meeting_kinds.json")
                       .read_text(encoding="utf-8"))
    lines += ["", "## Meeting kinds — the values of meetings.kind (models/lexicons/meeting_kinds.json)", "",
              kinds["_doc"].split(" Read by ")[0], "", "| kind | label | words of the name |", "|---|---|---|"]
    lines += [f"| {k['code']} | {k['label']} | {'、'.join(k['words'])} |" for k in kinds["kinds"]]
    lines += [f"| {kinds['other']['code']} | {kinds['other']['label']} | (none of the above) |", "", TABLES_END]
    return "\n".join(lines)


def question_blocks(markdown: str) -> list[tuple[str, str]]:
    """(title, sql) of every analyst question in the data dictionary."""
    section = markdown.split(QUESTIONS_HEADING, 1)[1]
    return [(title.strip(), sql.strip()) for title, sql in
            re.findall(r"^### (.+?)\n+```sql\n(.+?)```", section, flags=re.S | re.M)]


def result_markdown(con, sql: str, max_rows: int = 8) -> str:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for row in rows[:max_rows]:
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    if len(rows) > max_rows:
        lines.append(f"| … {len(rows) - max_rows} more rows |" + " |" * (len(names) - 1))
    return "\n".join(lines)


def _cell(value) -> str:
    text = "" if value is None else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 60 else text[:59] + "…"


def write_dictionary(out_dir: Path | None = None, path: Path = DICTIONARY) -> None:
    """Rewrite the generated tables and, given a run's folder, the output under each question."""
    markdown = path.read_text(encoding="utf-8")
    head, rest = markdown.split(TABLES_BEGIN, 1)
    markdown = head + tables_markdown() + rest.split(TABLES_END, 1)[1]
    if out_dir is not None:
        import duckdb

        con = duckdb.connect(str(Path(out_dir) / "meetings.duckdb"), read_only=True)
        before, section = markdown.split(QUESTIONS_HEADING, 1)

        def with_output(m: re.Match) -> str:
            return f"### {m.group(1)}\n\n```sql\n{m.group(2)}```\n\n{result_markdown(con, m.group(2))}\n"
        section = re.sub(r"^### (.+?)\n+```sql\n(.+?)```\n(?:\n(?:\|[^\n]*\n)+)?", with_output, section,
                         flags=re.S | re.M)
        markdown = before + QUESTIONS_HEADING + section
        con.close()
    path.write_text(markdown, encoding="utf-8")


if __name__ == "__main__":
    write_dictionary(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
