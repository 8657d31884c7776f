"""Running the pipeline over a corpus: local worker processes or Dask.

Files stream from the input folder; each is keyed by its path and a hash of
its bytes, and only files whose key the state store has not seen are sent to
workers (incremental runs). Workers load the models once and return the rows
of each file; the main process commits them in batches to the state store
(resumable: a killed run keeps every committed batch) and finally writes the
tables. Both executors feed the same store, so they write the same tables.
"""
from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from . import __version__
from .ingest import iter_input_files, read_pages
from .resources import LEXICON_DIR
from .store import ChunkResult, StateStore, write_manifest
from .tables import empty_rows

CHUNK_FILES = 32       # files per task sent to a worker
BATCH_FILES = 256      # files per committed batch


@dataclass
class RunSummary:
    input_dir: str
    out_dir: str
    executor: str
    segmenter: str
    workers: int
    files_seen: int = 0
    files_processed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    documents: int = 0
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    finalize_seconds: float = 0.0
    table_rows: dict = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.files_processed / self.seconds if self.seconds else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return (f"{self.files_processed} files processed, {self.files_unchanged} unchanged, "
                f"{self.files_removed} removed; {self.documents} documents in the tables "
                f"({self.errors} with errors); {self.seconds:.1f} s, {self.docs_per_s:.1f} files/s, "
                f"{self.chars_per_s:,.0f} chars/s -> {self.out_dir}")


# ---------------------------------------------------------------- fingerprint

def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def model_checksums(segmenter: str) -> dict[str, str]:
    """Checksums of everything that changes what the pipeline extracts."""
    from .nlp import pipeline_dir
    from .segment import PKUSEG_MODEL_DIR

    files = sorted(LEXICON_DIR.glob("*"))
    if segmenter == "pkuseg":
        files += sorted(PKUSEG_MODEL_DIR.glob("*"))
    saved = pipeline_dir(segmenter) / "config.cfg"
    if saved.exists():
        files.append(saved)
    root = LEXICON_DIR.parents[1]
    return {p.relative_to(root).as_posix(): _file_digest(p) for p in files if p.is_file()}


def fingerprint(segmenter: str, checksums: dict[str, str]) -> str:
    h = hashlib.sha256(f"{__version__}|{segmenter}".encode())
    for name, digest in sorted(checksums.items()):
        h.update(f"|{name}={digest}".encode())
    return h.hexdigest()


# ---------------------------------------------------------------- work

@lru_cache(maxsize=None)
def _nlp(segmenter: str):
    from .nlp import load_pipeline

    return load_pipeline(segmenter)


def _init_worker(segmenter: str) -> None:
    _nlp(segmenter)


def process_file(path: str, root: str, segmenter: str) -> dict[str, list[dict]]:
    """All rows of one input file (a JSON Lines file holds many pages)."""
    from .tables import page_rows

    nlp = _nlp(segmenter)
    out = empty_rows()
    for page in read_pages(Path(path), Path(root)):
        for table, rows in page_rows(page, nlp).items():
            out[table].extend(rows)
    return out


def process_chunk(chunk: list[tuple[str, str, str]], root: str, segmenter: str) -> ChunkResult:
    """[(path, source, hash)] -> the chunk's rows as Arrow; used by both executors."""
    return ChunkResult([(source, digest, process_file(path, root, segmenter)) for path, source, digest in chunk])


def _scan(root: Path, known: dict[str, str], summary: RunSummary, seen: set[str], force: bool
          ) -> Iterator[tuple[str, str, str]]:
    """New and changed files, hashed as they stream by."""
    base = root if root.is_dir() else root.parent
    for path in iter_input_files(root):
        source = path.relative_to(base).as_posix()
        seen.add(source)
        summary.files_seen += 1
        try:
            digest = _file_digest(path)
        except OSError as exc:
            digest = f"unreadable:{exc.errno}"
        if not force and known.get(source) == digest:
            summary.files_unchanged += 1
            continue
        yield str(path), source, digest


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ---------------------------------------------------------------- progress

class _Progress:
    """A rich progress bar with files/s and chars/s, or nothing."""

    def __init__(self, enabled: bool, total: int | None):
        self.enabled = enabled
        if not enabled:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
        self.task = self.progress.add_task("pages", total=total, rate="")
        self.start = time.perf_counter()
        self.chars = 0
        self.progress.start()

    def advance(self, n_files: int, n_chars: int) -> None:
        if not self.enabled:
            return
        self.chars += n_chars
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        done = self.progress.tasks[0].completed + n_files
        self.progress.update(self.task, advance=n_files,
                             rate=f"{done / elapsed:,.1f} files/s {self.chars / elapsed:,.0f} chars/s")

    def close(self) -> None:
        if self.enabled:
            self.progress.stop()


# ---------------------------------------------------------------- executors

def run_corpus(input_dir, out_dir, *, segmenter: str = "jieba", fmt: str = "parquet",
               workers: int | None = None, executor: str = "local", scheduler: str | None = None,
               progress: bool = True, force: bool = False, batch_files: int = BATCH_FILES) -> RunSummary:
    """Process every file under input_dir into the tables under out_dir."""
    from .segment import SEGMENTERS, pkuseg_model_dir

    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}; choose parquet or csv")
    if segmenter == "pkuseg":
        pkuseg_model_dir()  # a clear error now rather than in every worker
    root, out = Path(input_dir).resolve(), Path(out_dir)
    if not root.exists():
        raise FileNotFoundError(f"input folder {input_dir} does not exist")
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, workers or os.cpu_count() or 1)
    started = time.perf_counter()
    checksums = model_checksums(segmenter)
    store = StateStore(out, fingerprint(segmenter, checksums))
    summary = RunSummary(str(input_dir), str(out_dir), executor, segmenter, workers)
    known = store.known()
    seen: set[str] = set()
    total = sum(1 for _ in iter_input_files(root)) if progress else None
    bar = _Progress(progress, total)
    if bar.enabled and known and not force:
        bar.progress.update(bar.task, description="pages (new and changed)")
    pending = _chunks(_scan(root, known, summary, seen, force or store.reset), CHUNK_FILES)
    batch: list = []

    def collect(result: ChunkResult) -> None:
        nonlocal batch
        batch.append(result)
        summary.files_processed += len(result.entries)
        summary.chars += result.n_chars
        bar.advance(len(result.entries), result.n_chars)
        if sum(len(c.entries) for c in batch) >= batch_files:
            store.commit(batch)
            batch = []

    try:
        if executor == "dask":
            _run_dask(pending, str(root), segmenter, workers, scheduler, collect)
        elif workers == 1:
            for chunk in pending:
                collect(process_chunk(chunk, str(root), segmenter))
        else:
            _run_local(pending, str(root), segmenter, workers, collect)
        store.commit(batch)
        batch = []
        gone = set(known) - seen
        summary.files_removed = store.forget(gone) if gone else 0
        finalize_started = time.perf_counter()
        summary.table_rows = store.finalize(fmt)
        summary.finalize_seconds = time.perf_counter() - finalize_started
    finally:
        bar.close()
    counts = store.counts()
    store.close()
    summary.documents, summary.errors = counts["documents"], counts["errors"]
    summary.seconds = time.perf_counter() - started
    write_manifest(out, {
        "version": __version__, "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "configuration": {"input_dir": str(input_dir), "segmenter": segmenter, "format": fmt,
                          "executor": executor, "workers": workers, "scheduler": scheduler, "force": force},
        "model_checksums": checksums, "fingerprint": fingerprint(segmenter, checksums),
        "counts": {**counts, "files_seen": summary.files_seen, "files_processed": summary.files_processed,
                   "files_unchanged": summary.files_unchanged, "files_removed": summary.files_removed,
                   "table_rows": summary.table_rows},
        "timings": {"seconds": round(summary.seconds, 3), "finalize_seconds": round(summary.finalize_seconds, 3),
                    "files_per_s": round(summary.docs_per_s, 2),
                    "chars_per_s": round(summary.chars_per_s)},
    })
    return summary


def _run_local(pending, root: str, segmenter: str, workers: int, collect) -> None:
    """Worker processes with a bounded number of chunks in flight."""
    import multiprocessing as mp

    if hasattr(os, "fork"):
        # load the models once here: forked workers share them and start at once
        _nlp(segmenter)
        ctx = mp.get_context("fork")
    else:
        ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(segmenter,)) as pool:
        in_flight = set()
        limit = workers * 4
        for chunk in pending:
            in_flight.add(pool.submit(process_chunk, chunk, root, segmenter))
            if len(in_flight) >= limit:
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for f in done:
                    collect(f.result())
        for f in in_flight:
            collect(f.result())


def _run_dask(pending, root: str, segmenter: str, workers: int, scheduler: str | None, collect) -> None:
    """The same tasks on a Dask cluster (a local one when no scheduler is named)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        limit = workers * 4
        queue = as_completed()
        n = 0
        for chunk in pending:
            queue.add(client.submit(process_chunk, chunk, root, segmenter, pure=False))
            n += 1
            if n >= limit:
                collect(next(queue).result())
                n -= 1
        for f in queue:
            collect(f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
