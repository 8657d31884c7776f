"""`diff`: what changed between two runs, table by table and page by page.

Rows equal in every column are set aside first (in DuckDB, so two large runs
cost one EXCEPT ALL per table). The rest are paired in two steps:
- by content: equal in everything but ids and offsets, so a row whose ids
  shifted (a meeting found before it, a line added above it) is `moved`,
  not removed and added;
- by the table's stable id (`meeting_id`, `item_id`, …): the same row with
  other values is `changed`, with the columns that differ.
What is left is `removed` (only in the old run) or `added`. Columns are
compared as text, so a CSV run and a Parquet run of the same output agree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .outputs import RunOutput

# the stable id of each table's rows; rows sharing an id are paired in order
KEYS = {
    "documents": ["doc_id"], "texts": ["doc_id"], "meetings": ["meeting_id"], "people": ["person_id"],
    "roles": ["meeting_id", "person_id", "role"], "participants": ["meeting_id", "person_id", "role"],
    "decisions": ["doc_id", "seq"], "dates": ["doc_id", "seq"], "venues": ["meeting_id"],
    "organizations": ["meeting_id"], "directives": ["item_id"],
}
# numbering that shifts when something is found earlier in the page
ID_COLUMNS = {"meeting_id", "person_id", "item_id", "seq", "list_id"}
CHANGE_KINDS = ("added", "removed", "changed", "moved")


def is_offset(column: str) -> bool:
    return column in ("start", "end") or column.endswith(("_start", "_end", "_stop"))


@dataclass
class RowChange:
    table: str
    kind: str                    # added, removed, changed, moved
    doc_id: str | None
    key: str                     # the row's id as printed
    columns: dict[str, tuple] = field(default_factory=dict)   # column -> (old, new) for changed and moved
    row: dict = field(default_factory=dict)                   # the row, for added and removed


@dataclass
class TableDiff:
    table: str
    old_rows: int
    new_rows: int
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    changes: list[RowChange] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)

    @property
    def n_differences(self) -> int:
        return len(self.changes) + len(self.columns_added) + len(self.columns_removed)


@dataclass
class RunDiff:
    old: str
    new: str
    tables: list[TableDiff]

    @property
    def n_differences(self) -> int:
        return sum(t.n_differences for t in self.tables)

    def by_document(self) -> dict[str, list[RowChange]]:
        out: dict[str, list[RowChange]] = defaultdict(list)
        for t in self.tables:
            for c in t.changes:
                out[c.doc_id or "(no document)"].append(c)
        return dict(sorted(out.items()))


def diff_runs(old_dir: Path | str, new_dir: Path | str, ignore: list[str] = ()) -> RunDiff:
    """Compare every table of two output folders; `ignore` names columns
    (`path` or `documents.path`) left out of the comparison."""
    old, new = RunOutput(old_dir), RunOutput(new_dir)
    con = duckdb.connect()
    try:
        old.connect(con, "old")
        new.connect(con, "new")
        tables = [diff_table(con, name, old.columns(name), new.columns(name), _ignored(name, ignore))
                  for name in sorted(set(old.names) | set(new.names))]
    finally:
        con.close()
        old.close()
        new.close()
    return RunDiff(str(old_dir), str(new_dir), tables)


def _ignored(table: str, ignore) -> set[str]:
    out = set()
    for item in ignore:
        name, _, column = item.rpartition(".")
        if not name or name == table:
            out.add(column)
    return out


def diff_table(con, table: str, old_columns: list[str], new_columns: list[str], ignore: set[str]) -> TableDiff:
    n_old = _count(con, "old", table) if old_columns else 0
    n_new = _count(con, "new", table) if new_columns else 0
    result = TableDiff(table, n_old, n_new)
    if old_columns and new_columns:
        result.columns_added = [c for c in new_columns if c not in old_columns and c not in ignore]
        result.columns_removed = [c for c in old_columns if c not in new_columns and c not in ignore]
    columns = [c for c in (old_columns or new_columns) if c in (new_columns or old_columns) and c not in ignore]
    if not columns:
        return result
    select = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in columns)
    if old_columns and new_columns:
        only_old = con.execute(f'SELECT {select} FROM old."{table}" EXCEPT ALL SELECT {select} FROM new."{table}"').fetchall()
        only_new = con.execute(f'SELECT {select} FROM new."{table}" EXCEPT ALL SELECT {select} FROM old."{table}"').fetchall()
    elif old_columns:
        only_old, only_new = con.execute(f'SELECT {select} FROM old."{table}"').fetchall(), []
    else:
        only_old, only_new = [], con.execute(f'SELECT {select} FROM new."{table}"').fetchall()
    result.changes = pair_rows(table, columns, [dict(zip(columns, r)) for r in only_old],
                               [dict(zip(columns, r)) for r in only_new])
    return result


def _count(con, schema: str, table: str) -> int:
    return con.execute(f'SELECT count(*) FROM {schema}."{table}"').fetchone()[0]


def pair_rows(table: str, columns: list[str], old_rows: list[dict], new_rows: list[dict]) -> list[RowChange]:
    """Rows only in the old run and rows only in the new run -> moved,
    changed, removed and added rows (see the module docstring)."""
    content = [c for c in columns if c not in ID_COLUMNS and not is_offset(c)]
    key_columns = [c for c in KEYS.get(table, ["doc_id"]) if c in columns] or content
    changes: list[RowChange] = []

    def matched(key_of, make):
        waiting: dict[tuple, list[int]] = defaultdict(list)
        for k, row in enumerate(new_rows):
            waiting[key_of(row)].append(k)
        used_new, left_old = set(), []
        for row in old_rows:
            candidates = waiting.get(key_of(row))
            if candidates:
                k = candidates.pop(0)
                used_new.add(k)
                changes.append(make(row, new_rows[k]))
            else:
                left_old.append(row)
        return left_old, [r for k, r in enumerate(new_rows) if k not in used_new]

    def between(kind):
        def make(old, new):
            differ = {c: (old.get(c), new.get(c)) for c in columns if old.get(c) != new.get(c)}
            return RowChange(table, kind, new.get("doc_id") or old.get("doc_id"), _key(new, key_columns), differ)
        return make

    if content:
        old_rows, new_rows = matched(lambda r: tuple(r.get(c) for c in content), between("moved"))
    old_rows, new_rows = matched(lambda r: tuple(r.get(c) for c in key_columns), between("changed"))
    changes += [RowChange(table, "removed", r.get("doc_id"), _key(r, key_columns), row=r) for r in old_rows]
    changes += [RowChange(table, "added", r.get("doc_id"), _key(r, key_columns), row=r) for r in new_rows]
    return changes


def _key(row: dict, key_columns: list[str]) -> str:
    values = [str(row.get(c)) for c in key_columns]
    if key_columns[:1] == ["doc_id"] and len(key_columns) > 1:
        return f"{values[0]} " + " ".join(f"{c}={v}" for c, v in zip(key_columns[1:], values[1:]))
    return " ".join(values)


def diff_as_dict(result: RunDiff) -> dict:
    """The whole diff as plain data (for `--json`, a CI job's artifact)."""
    return {
        "old": result.old, "new": result.new, "n_differences": result.n_differences,
        "tables": [{"table": t.table, "old_rows": t.old_rows, "new_rows": t.new_rows,
                    **{k: t.count(k) for k in CHANGE_KINDS},
                    "columns_added": t.columns_added, "columns_removed": t.columns_removed} for t in result.tables],
        "documents": {doc_id: [{"table": c.table, "kind": c.kind, "key": c.key,
                                "columns": {k: list(v) for k, v in c.columns.items()}, "row": c.row}
                               for c in changes] for doc_id, changes in result.by_document().items()},
    }


# ---------------------------------------------------------------- printing

def print_diff(result: RunDiff, max_listed: int = 200, console=None) -> None:
    """A summary table per table, then the changes document by document."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    summary = Table(title=f"{result.old} → {result.new}", header_style="bold")
    for column in ("table", "old rows", "new rows", *CHANGE_KINDS, "columns"):
        summary.add_column(column, justify="left" if column in ("table", "columns") else "right",
                           no_wrap=column == "table", overflow="fold")
    for t in result.tables:
        schema = " ".join([f"+{c}" for c in t.columns_added] + [f"-{c}" for c in t.columns_removed])
        summary.add_row(t.table, str(t.old_rows), str(t.new_rows), *(str(t.count(k)) for k in CHANGE_KINDS),
                        schema, style=None if t.n_differences else "dim")
    console.print(summary)
    for t in result.tables:
        for label, columns in (("added", t.columns_added), ("removed", t.columns_removed)):
            if columns:
                console.print(f"{t.table}: column{'s' if len(columns) > 1 else ''} {label}: {', '.join(columns)}",
                              highlight=False, markup=False)
    listed = 0
    for doc_id, changes in result.by_document().items():
        counts = ", ".join(f"{sum(c.kind == k for c in changes)} {k}" for k in CHANGE_KINDS
                           if any(c.kind == k for c in changes))
        console.print(f"[bold]{doc_id}[/bold]: {counts}", highlight=False)
        for c in changes:
            if listed >= max_listed:
                break
            listed += 1
            console.print(f"  {c.table:<13} {c.kind:<8} {c.key}  {_describe(c)}", highlight=False, markup=False)
    total = sum(len(t.changes) for t in result.tables)
    if listed < total:
        console.print(f"… {total - listed} more changed rows not listed (--max-listed)", style="dim")
    verdict = "the runs agree" if not result.n_differences else f"{result.n_differences} differences"
    console.print(verdict, style="bold")


def _describe(change: RowChange, width: int = 40) -> str:
    if change.kind in ("changed", "moved"):
        return "; ".join(f"{c}: {_short(a, width)} → {_short(b, width)}" for c, (a, b) in change.columns.items())
    text = " | ".join(str(v) for c, v in change.row.items()
                      if v is not None and c not in ID_COLUMNS and not is_offset(c) and c != "doc_id")
    return _short(text, width * 2)


def _short(value, width: int) -> str:
    text = "∅" if value is None else str(value).replace("\n", "⏎")
    return text if len(text) <= width else text[:width - 1] + "…"
