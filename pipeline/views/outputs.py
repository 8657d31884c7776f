"""Reading a run's output folder, whatever version of the pipeline wrote it.

A folder holds `NAME.parquet` or `NAME.csv` per table and `meetings.duckdb`;
a reviewed expected output may hold only CSVs. Every table found becomes a
DuckDB view of the same name, so SQL sees one set of tables whichever files
are there. Tables and columns the current pipeline declares but the folder
lacks read as empty or null: a view never crashes on an older or newer run.
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

DUCKDB_NAME = "meetings.duckdb"  # as store.DUCKDB_NAME, without importing the pipeline (and spaCy) to read a run
FILE_FORMATS = ("parquet", "csv")  # preferred first when a table has both
CSV_LONG_FORM = {"titles": "title"}  # as store.CSV_LONG_FORM: a list column of a CSV table, a row per element


class NoTablesError(FileNotFoundError):
    """The folder holds no table the pipeline writes."""


class RunOutput:
    """The tables of one output folder."""

    def __init__(self, out_dir: Path | str):
        self.out_dir = Path(out_dir)
        if not self.out_dir.is_dir():
            raise NoTablesError(f"{self.out_dir} is not a folder")
        self.sources = find_sources(self.out_dir)
        if not self.sources:
            raise NoTablesError(f"no tables in {self.out_dir} (NAME.parquet, NAME.csv or {DUCKDB_NAME})")
        self._con: duckdb.DuckDBPyConnection | None = None
        self._cache: dict[str, pd.DataFrame] = {}

    @property
    def names(self) -> list[str]:
        return sorted(self.sources)

    def has(self, table: str) -> bool:
        return table in self.sources

    def connect(self, con: duckdb.DuckDBPyConnection | None = None, schema: str | None = None
                ) -> duckdb.DuckDBPyConnection:
        """A connection with one view per table (in `schema` when given, so two
        runs can sit in one connection)."""
        con = con or duckdb.connect()
        prefix = ""
        if schema:
            con.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            prefix = f'"{schema}".'
        attached = None
        for name, (fmt, path) in sorted(self.sources.items()):
            if fmt == "duckdb":
                if attached is None:
                    attached = f"{schema or 'run'}_db"
                    con.execute(f"ATTACH {_sql_str(path)} AS \"{attached}\" (READ_ONLY)")
                source = f'"{attached}".main."{name}"'
            elif fmt == "parquet":
                source = f"read_parquet({_sql_str(path)})"
            else:
                source = _read_csv_sql(name, path)
            con.execute(f'CREATE VIEW {prefix}"{name}" AS SELECT * FROM {source}')
        return con

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self.connect()
        return self._con

    def columns(self, table: str) -> list[str]:
        if not self.has(table):
            return []
        return [row[0] for row in self.con.execute(f'DESCRIBE "{table}"').fetchall()]

    def table(self, table: str, doc_id: str | None = None) -> pd.DataFrame:
        """The table (or one document's rows) as a DataFrame, with every column
        the pipeline declares (null where the run did not write it) and any
        extra column it wrote."""
        key = table if doc_id is None else f"{table}\0{doc_id}"
        if key not in self._cache:
            if not self.has(table):
                frame = pd.DataFrame()
            elif doc_id is None:
                frame = self.con.execute(f'SELECT * FROM "{table}"').df()
            elif "doc_id" in self.columns(table):
                frame = self.con.execute(f'SELECT * FROM "{table}" WHERE doc_id = ?', [doc_id]).df()
            else:
                frame = self.con.execute(f'SELECT * FROM "{table}" WHERE false').df()
            for field in declared_schema(table):
                if field.name not in frame.columns:
                    frame[field.name] = pd.Series([None] * len(frame), dtype="object")
            self._cache[key] = frame
        return self._cache[key]

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


def find_sources(out_dir: Path) -> dict[str, tuple[str, Path]]:
    """table name -> (format, file): table files first, then tables only the
    DuckDB file has."""
    found: dict[str, tuple[str, Path]] = {}
    for fmt in FILE_FORMATS:
        for path in sorted(out_dir.glob(f"*.{fmt}")):
            if not path.name.startswith(".") and re.fullmatch(r"\w+", path.stem):
                found.setdefault(path.stem, (fmt, path))
    db = out_dir / DUCKDB_NAME
    if db.is_file():
        with duckdb.connect(str(db), read_only=True) as con:
            for (name,) in con.execute("SELECT table_name FROM information_schema.tables"  # not the views
                                       " WHERE table_schema = 'main' AND table_type = 'BASE TABLE'").fetchall():
                found.setdefault(name, ("duckdb", db))
    return found


def _read_csv_sql(table: str, path: Path) -> str:
    """CSV with the declared types for the columns the pipeline knows (a doc id
    of digits stays a string), inferred types for the others."""
    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f), [])
    schema = declared_schema(table)
    declared = {field.name: _duck_type(field.type) for field in schema}
    types = {c: declared[c] for c in header if c in declared}
    args = [_sql_str(path), "header = true"]
    if types:
        args.append("types = {" + ", ".join(f"{_sql_str(c)}: {_sql_str(t)}" for c, t in types.items()) + "}")
    source = f"read_csv({', '.join(args)})"
    # a list column written one row per element (people.csv: a title a row) reads as the list again
    long_form = {f.name: CSV_LONG_FORM[f.name] for f in schema
                 if pa.types.is_list(f.type) and CSV_LONG_FORM.get(f.name) in header and f.name not in header}
    if not long_form:
        return source
    singles = set(long_form.values())
    keys = [c for c in header if c not in singles]
    lists = [f'coalesce(list("{one}" ORDER BY _n) FILTER (WHERE "{one}" IS NOT NULL), []) AS "{many}"'
             for many, one in long_form.items()]
    grouped = ", ".join(f'"{c}"' for c in keys)
    return (f"(SELECT {grouped}, {', '.join(lists)} FROM (SELECT *, row_number() OVER () AS _n FROM {source}) "
            f"GROUP BY {grouped} ORDER BY min(_n))")


def declared_schema(table: str) -> list[pa.Field]:
    """The columns the current pipeline writes for a table (none for a table it does not know)."""
    from ..tables import TABLES

    return list(TABLES.get(table, []))


def _duck_type(arrow_type: pa.DataType) -> str:
    return "BIGINT" if pa.types.is_integer(arrow_type) else "BOOLEAN" if pa.types.is_boolean(arrow_type) else "VARCHAR"


def _sql_str(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def is_null(value) -> bool:
    """None, NaN and pandas' NA alike."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def clean(value):
    """A cell as a plain Python value: None for any kind of null, int for
    whole numbers pandas stored as floats or numpy ints."""
    if isinstance(value, (list, tuple)) or getattr(value, "ndim", 0) > 0:
        return [clean(v) for v in list(value)]  # a list column (people.titles)
    if is_null(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain values."""
    columns = list(frame.columns)
    return [{c: clean(v) for c, v in zip(columns, row)} for row in frame.itertuples(index=False, name=None)]
