"""Stage 6, store: rows -> a state store -> final tables, atomically.

While a run goes on, each finished batch of documents is written as one
Parquet part per table under OUT/_state/parts/ and then recorded in a small
SQLite ledger (source file -> content hash -> part). The ledger commit is the
moment a batch counts: a run killed before it leaves an orphan part that is
ignored and removed, never a half-counted batch. Finalizing reads the parts
through DuckDB (streaming, spilling to disk for big corpora), keeps only the
rows of each source's current version, sorts them, and writes the whole
table set (NAME.parquet or NAME.csv, meetings.duckdb) into a new generation
folder OUT/_tables/GEN. One os.replace of the symbolic link OUT/current then
switches every table at once: a reader sees one run's tables or the next
run's, never a mix, and a kill at any moment leaves the last complete set.
OUT/NAME.parquet and OUT/meetings.duckdb are fixed links into OUT/current.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import sqlite3
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .contract import create_table_sql, creation_order, finish, has_key, primary_key
from .tables import TABLES

STATE_DIR = "_state"
DUCKDB_NAME = "meetings.duckdb"
GENERATIONS_DIR = "_tables"   # OUT/_tables/GEN: one complete table set per finished run
CURRENT = "current"           # OUT/current -> _tables/GEN, replaced in one step
# order of rows within a table: by document, then as the document produced them
ROW_COLUMNS = [("_source", pa.string()), ("_hash", pa.string()), ("_row", pa.int64())]


@dataclass(frozen=True)
class Entry:
    source: str       # path of the input file, relative to the input folder
    digest: str       # sha256 of its bytes
    n_pages: int
    n_errors: int
    n_chars: int


class ChunkResult:
    """What a worker sends back for a chunk of files: ledger entries and the
    rows of every table as Arrow IPC bytes (cheap to pickle, no Python rows
    to rebuild in the main process)."""

    def __init__(self, results: list[tuple[str, str, dict[str, list[dict]]]]):
        self.entries = []
        tables = {}
        for table, schema in TABLES.items():
            rows, sources, digests, order = [], [], [], []
            for source, digest, by_table in results:
                table_rows = by_table.get(table)
                if table_rows:
                    rows += table_rows
                    sources += [source] * len(table_rows)
                    digests += [digest] * len(table_rows)
                    order += range(len(table_rows))
            columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
            columns["_source"], columns["_hash"], columns["_row"] = sources, digests, order
            full = pa.schema(list(schema) + [pa.field(n, t) for n, t in ROW_COLUMNS])
            data = pa.table({f.name: _column(columns[f.name], f.type) for f in full}, schema=full)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, full) as writer:
                writer.write_table(data)
            tables[table] = sink.getvalue().to_pybytes()
        # what the run's log says about each failed page (see executors.process_file)
        self.failures = [f for _, _, rows in results for f in rows.get("_failures", [])]
        for source, digest, rows in results:
            docs = rows.get("documents", [])
            self.entries.append(Entry(source, digest, len(docs), sum(d.get("status") == "error" for d in docs),
                                      sum(d.get("n_chars") or 0 for d in docs)))
        self._tables = tables
        self.n_chars = sum(e.n_chars for e in self.entries)  # asked for at every arrival of a batch's chunk

    def table(self, name: str) -> pa.Table:
        return pa.ipc.open_stream(self._tables[name]).read_all()


def _column(values: list, type_: pa.DataType) -> pa.Array:
    """pa.array(values, type_) for the tables' column types, built without
    pa.array: that imports pandas on first use (to check for pandas objects),
    half a second and 26 MB in every worker for nothing."""
    import datetime as dt

    import numpy as np

    if type_ == pa.string():
        builder = pa.lib.StringBuilder()
        builder.append_values(values)
        return builder.finish()
    n = len(values)
    valid = np.fromiter((v is not None for v in values), dtype=bool, count=n)
    nulls = n - int(valid.sum())
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    if type_ == pa.int64():
        data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
        return pa.Array.from_buffers(type_, n, [bitmap, pa.py_buffer(data)], null_count=nulls)
    if type_ == pa.bool_():
        data = np.packbits(np.fromiter((bool(v) for v in values), dtype=bool, count=n), bitorder="little")
        return pa.Array.from_buffers(type_, n, [bitmap, pa.py_buffer(data)], null_count=nulls)
    if type_ == pa.date32():
        epoch = dt.date(1970, 1, 1)
        data = np.fromiter((0 if v is None else (v - epoch).days for v in values), dtype=np.int32, count=n)
        return pa.Array.from_buffers(type_, n, [bitmap, pa.py_buffer(data)], null_count=nulls)
    if pa.types.is_list(type_) and type_.value_type == pa.string():
        lengths = np.fromiter((0 if v is None else len(v) for v in values), dtype=np.int32, count=n)
        offsets = np.concatenate([np.zeros(1, dtype=np.int32), np.cumsum(lengths, dtype=np.int32)])
        items = _column([x for v in values if v is not None for x in v], pa.string())
        return pa.Array.from_buffers(type_, n, [bitmap, pa.py_buffer(offsets)], null_count=nulls, children=[items])
    return pa.array(values, type=type_)


class StateStore:
    """The parts and the ledger of one output folder."""

    def __init__(self, out_dir: Path, fingerprint: str):
        self.out_dir = Path(out_dir)
        self.root = self.out_dir / STATE_DIR
        self.parts = self.root / "parts"
        self.root.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.root / "ledger.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS docs (source TEXT PRIMARY KEY, hash TEXT, part TEXT,"
                        " n_pages INTEGER, n_errors INTEGER, n_chars INTEGER)")
        old = self.db.execute("SELECT value FROM meta WHERE key='fingerprint'").fetchone()
        self.reset = bool(old and old[0] != fingerprint)
        if self.reset:  # configuration or models changed: everything is stale
            self.db.execute("DELETE FROM docs")
            shutil.rmtree(self.parts, ignore_errors=True)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        self.parts.mkdir(parents=True, exist_ok=True)

    def known(self) -> dict[str, str]:
        """source -> content hash of what is already committed."""
        return dict(self.db.execute("SELECT source, hash FROM docs"))

    def commit(self, chunks: list["ChunkResult"]) -> None:
        """Write one batch of chunk results as one part per table, then record
        its files in the ledger (the moment the batch counts)."""
        chunks = [c for c in chunks if c.entries]
        if not chunks:
            return
        part = uuid.uuid4().hex
        for table in TABLES:
            data = pa.concat_tables([c.table(table) for c in chunks])
            folder = self.parts / table
            folder.mkdir(exist_ok=True)
            tmp = folder / f".{part}.parquet.tmp"
            pq.write_table(data, tmp)
            os.replace(tmp, folder / f"{part}.parquet")
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                                [(e.source, e.digest, part, e.n_pages, e.n_errors, e.n_chars)
                                 for c in chunks for e in c.entries])
            self.db.execute("COMMIT")

    def forget(self, sources: Iterable[str]) -> int:
        """Drop files that are gone from the input folder."""
        sources = list(sources)
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM docs WHERE source = ?", [(s,) for s in sources])
            self.db.execute("COMMIT")
        return len(sources)

    def counts(self) -> dict[str, int]:
        n_files, n_pages, n_errors, n_chars = self.db.execute(
            "SELECT count(*), coalesce(sum(n_pages),0), coalesce(sum(n_errors),0), coalesce(sum(n_chars),0) FROM docs"
        ).fetchone()
        return {"files": n_files, "documents": n_pages, "errors": n_errors, "chars": n_chars}

    def live_parts(self) -> set[str]:
        return {p for (p,) in self.db.execute("SELECT DISTINCT part FROM docs")}

    def sweep(self) -> None:
        """Remove parts no ledger row points to (killed batches, replaced versions)."""
        live = self.live_parts()
        for folder in self.parts.iterdir() if self.parts.exists() else []:
            for f in folder.iterdir():
                if f.name.startswith(".") or f.stem not in live:
                    f.unlink(missing_ok=True)

    def finalize(self, fmt: str = "parquet") -> dict[str, int]:
        """Write the output tables from the live parts; returns row counts.

        Each table's query runs once, into a Parquet file in its order (the
        table's file, or for CSV a staging file from which the CSV is
        written). meetings.duckdb is filled from those files as they come, on
        a second connection in a thread of its own: its keys are checked row
        by row on one core (DuckDB's foreign keys), while the next table's
        query runs on the other."""
        import duckdb

        self.sweep()
        generation = self.out_dir / GENERATIONS_DIR / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        generation.mkdir(parents=True)
        staging = self.root / "duckdb_tmp"
        staging.mkdir(exist_ok=True)
        database = duckdb.connect(str(generation / DUCKDB_NAME))
        database.execute(f"SET temp_directory='{staging.as_posix()}'")
        # a file is written, and read back, in the order of its query
        database.execute("SET preserve_insertion_order = true")
        con = database.cursor()  # the files' connection; the database's own is the thread's
        sources, hashes = [], []
        for source, digest in self.db.execute("SELECT source, hash FROM docs"):
            sources.append(source)
            hashes.append(digest)
        # built as _column builds the parts' columns: pa.array would import pandas, a second for nothing
        con.register("ledger", pa.table({"source": _column(sources, pa.string()),
                                         "hash": _column(hashes, pa.string())}))
        ready: queue.Queue = queue.Queue()
        with ThreadPoolExecutor(1, thread_name_prefix="finalize-db") as pool:
            counts = pool.submit(_fill_database, database, ready)
            try:
                for table in creation_order():  # parents before the tables whose keys point to them
                    final = generation / f"{table}.{fmt}"
                    ordered = final if fmt == "parquet" else staging / f"{table}.parquet"
                    con.execute(f"COPY ({self._table_query(table)}) TO '{ordered.as_posix()}' (FORMAT parquet)")
                    ready.put((table, ordered))
                    if fmt == "csv":
                        rows = f"SELECT * FROM read_parquet('{ordered.as_posix()}')"
                        con.execute(f"COPY ({csv_query(rows, TABLES[table])}) TO '{final.as_posix()}' "
                                    "(FORMAT csv, HEADER true)")
            finally:
                ready.put(None)
            counts = counts.result()
        con.close()
        database.close()
        _fsync_folder(generation)
        publish(self.out_dir, generation, [f"{table}.{fmt}" for table in TABLES] + [DUCKDB_NAME])
        other = "csv" if fmt == "parquet" else "parquet"
        for table in TABLES:  # a table file of the other format would be stale
            (self.out_dir / f"{table}.{other}").unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        return counts

    def _table_query(self, table: str) -> str:
        """The rows of a table: its parts' rows of each source's current version, ordered."""
        schema = TABLES[table]
        folder = self.parts / table
        if not any(folder.glob("*.parquet")):
            return "SELECT " + ", ".join(f'CAST(NULL AS {_duck_type(f.type)}) AS "{f.name}"' for f in schema) + " WHERE false"
        cols = ", ".join(f'p."{f.name}"' for f in schema)
        parts = f"read_parquet('{(folder / '*.parquet').as_posix()}')"
        # a repeated key (two records with one id) is kept once, the first
        once = (f" QUALIFY row_number() OVER (PARTITION BY {', '.join(f'p.{c}' for c in primary_key(table))}"
                f" ORDER BY p.doc_id, p._row) = 1" if has_key(table) else "")
        return (f"SELECT {cols} FROM {parts} p JOIN ledger l ON p._source = l.source AND p._hash = l.hash"
                f"{once} ORDER BY p.doc_id, p._row")

    def close(self) -> None:
        self.db.close()


def _fill_database(con, ready: "queue.Queue") -> dict[str, int]:
    """The tables of meetings.duckdb, with their keys and types from
    pipeline/columns.json, each filled from its ordered file once `ready`
    holds it (None: no more); then its views and comments, and one commit
    (the keys are checked and the file written once). Returns row counts."""
    con.execute("BEGIN")
    counts = {}
    while (item := ready.get()) is not None:
        table, ordered = item
        con.execute(create_table_sql(table))
        con.execute(f"INSERT INTO \"{table}\" SELECT * FROM read_parquet('{ordered.as_posix()}')")
        counts[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    if set(counts) != set(TABLES):  # the files' side failed: its error is the one raised
        con.execute("ROLLBACK")
        return counts
    finish(con)  # the meeting_overview view, COMMENT ON every table and column
    con.execute("COMMIT")
    return counts


def publish(out_dir: Path, generation: Path, names: list[str]) -> None:
    """Make `generation` the current table set: one atomic replace of the
    link OUT/current, then fixed links OUT/NAME -> current/NAME (made once; a
    table file of an older version of this tool is replaced by its link).
    Generations older than the previous one are removed."""
    out_dir = Path(out_dir)
    current = out_dir / CURRENT
    previous = (out_dir / os.readlink(current)).resolve() if current.is_symlink() else None
    tmp = out_dir / f".{CURRENT}.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(generation.relative_to(out_dir).as_posix(), tmp)
    os.replace(tmp, current)
    for name in names:
        link = out_dir / name
        target = f"{CURRENT}/{name}"
        if link.is_symlink() and os.readlink(link) == target:
            continue
        tmp = out_dir / f".{name}.tmp"
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, link)
    # by what was current, not by name: names of two runs within one second sort at random
    keep = {generation.resolve(), previous}
    for old in (out_dir / GENERATIONS_DIR).iterdir():
        if old.is_dir() and old.resolve() not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _fsync_folder(folder: Path) -> None:
    """Flush a finished generation's files to disk before it becomes current."""
    for f in folder.iterdir():
        with open(f, "rb") as handle:
            os.fsync(handle.fileno())


# CSV has no lists: a list column is written one row per element under its singular name
# (people.titles -> people.csv, one row per person and title), the form the referee reads
CSV_LONG_FORM = {"titles": "title"}


def csv_query(query: str, schema: pa.Schema) -> str:
    lists = [f.name for f in schema if pa.types.is_list(f.type)]
    if not lists:
        return query
    cols = []
    for f in schema:
        if f.name in lists:
            one = CSV_LONG_FORM[f.name]
            cols.append(f'unnest(CASE WHEN len(q."{f.name}") > 0 THEN q."{f.name}" ELSE [NULL] END) AS "{one}"')
        else:
            cols.append(f'q."{f.name}"')
    return f"SELECT {', '.join(cols)} FROM ({query}) q"


def _duck_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return _duck_type(t.value_type) + "[]"
    if pa.types.is_date(t):
        return "DATE"
    return "BIGINT" if pa.types.is_integer(t) else "BOOLEAN" if pa.types.is_boolean(t) else "VARCHAR"


def write_manifest(out_dir: Path, manifest: dict) -> None:
    path = Path(out_dir) / "manifest.json"
    tmp = path.with_name(".manifest.json.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
