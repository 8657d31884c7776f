"""`query`: DuckDB SQL over a run's tables, printed or written to a file.

The tables are views over the run's files (see `outputs.RunOutput`), so a
query reads Parquet, CSV or the DuckDB file alike and never changes them.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .outputs import RunOutput, clean


class QueryError(ValueError):
    """The SQL did not run (syntax, unknown table or column)."""


def run_query(out_dir: Path | str, sql: str):
    """(column names, rows) of the query's result."""
    run = RunOutput(out_dir)
    try:
        result = run.con.execute(sql)
        columns = [d[0] for d in result.description or []]
        rows = [tuple(clean(v) for v in row) for row in result.fetchall()]
    except duckdb.Error as exc:
        raise QueryError(f"{exc}\ntables: {', '.join(run.names)}") from exc
    finally:
        run.close()
    return columns, rows


def export_query(out_dir: Path | str, sql: str, target: Path, fmt: str) -> int:
    """Write the result to a CSV or Parquet file; returns its row count."""
    run = RunOutput(out_dir)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    try:
        written = run.con.execute(f"COPY ({sql.strip().rstrip(';')}) TO '{target.as_posix()}' ({options})")
        n_rows = written.fetchone()[0]
    except duckdb.Error as exc:
        raise QueryError(f"{exc}\ntables: {', '.join(run.names)}") from exc
    finally:
        run.close()
    return n_rows


def print_rows(columns: list[str], rows: list[tuple], limit: int, console=None) -> None:
    """The result as a rich table; the first `limit` rows and a count of the rest."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    table = Table(show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows[:limit] if limit > 0 else rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
    shown = min(len(rows), limit) if limit > 0 else len(rows)
    more = f" (first {shown} shown; --limit 0 prints all)" if shown < len(rows) else ""
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}{more}", style="dim")
