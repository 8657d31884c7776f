"""Running the pipeline over a corpus: local worker processes or Dask.

Files stream from the input folder; each is keyed by its path and a hash of
its bytes, and only files whose key the state store has not seen are sent to
workers (incremental runs). Workers load the models once and return the rows
of each file; the main process commits them in batches to the state store
(resumable: a killed run keeps every committed batch) and finally writes the
tables. Both executors feed the same store, so they write the same tables.

What no page can do: stop the run (every failure is an error row with its
reason, and a traceback in OUT/_state/run.log), hold it up for good (a time
limit per page, enforced by an alarm in the worker and, should that not fire,
by killing the worker), or take its worker down with the run (the files of a
dead worker's tasks are retried one by one, and the one that kills a worker
again gets an error row). What no mistake can do: start a run on a broken
configuration (options, output folder and lexicons are checked before any
worker starts), mix two runs in one output folder (a lock), or leave workers
behind when the main process dies.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from . import __version__
from .ingest import MAX_PAGE_CHARS, Page, clean_page, iter_input_files, iter_inputs, read_pages, special_file_kind
from .resources import LEXICON_DIR, LexiconError, validate_lexicons
from .store import STATE_DIR, ChunkResult, StateStore, write_manifest
from .page import failed_page_rows, failure_record, process_page
from .tables import empty_rows

CHUNK_FILES = 32       # files per task sent to a worker
BATCH_FILES = 256      # files per committed batch, at least …
BATCH_CHARS = 1_000_000  # … and characters: a batch of short pages is seconds of work, its parts cost time
PAGE_TIMEOUT = 300.0   # seconds one page may take (a long page takes a few)
CODE_DIR = Path(__file__).resolve().parent
RUN_LOG = "run.log"


class ConfigError(ValueError):
    """A usage or configuration mistake, found before any work starts (exit 2)."""


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
    errors_by_reason: dict = field(default_factory=dict)   # of the pages processed in this run
    notices: list = field(default_factory=list)

    @property
    def error_rate(self) -> float:
        return self.errors / self.documents if self.documents else 0.0

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
                f"{self.chars_per_s:,.0f} chars/s -> {self.out_dir}"
                + ("; errors in this run: " + ", ".join(f"{reason} {n}" for reason, n in
                                                        sorted(self.errors_by_reason.items(), key=lambda x: -x[1]))
                   if self.errors_by_reason else ""))


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


def code_checksum(package_dir: Path | None = None) -> str:
    """One hash over the package's source files: a change to a rule makes
    every stored row stale, as a change to a lexicon does."""
    package_dir = Path(package_dir or CODE_DIR)
    h = hashlib.sha256()
    for path in sorted(package_dir.rglob("*.py")):
        h.update(f"{path.relative_to(package_dir).as_posix()}={_file_digest(path)}|".encode())
    return h.hexdigest()


def fingerprint(segmenter: str, checksums: dict[str, str], code: str = "", max_page_chars: int = MAX_PAGE_CHARS) -> str:
    from .segment import segmenter_version

    h = hashlib.sha256(f"{__version__}|{segmenter}|{segmenter_version(segmenter)}|code={code}"
                       f"|max_page_chars={max_page_chars}".encode())
    for name, digest in sorted(checksums.items()):
        h.update(f"|{name}={digest}".encode())
    return h.hexdigest()


# ---------------------------------------------------------------- work

@dataclass(frozen=True)
class PageLimits:
    """What one page may take: seconds of work and characters of text."""
    timeout: float = PAGE_TIMEOUT
    max_chars: int = MAX_PAGE_CHARS


class PageTimeout(BaseException):
    """Raised by the alarm inside a page's work. A BaseException, so that no
    `except Exception` in a rule can swallow it and carry on."""


@lru_cache(maxsize=None)
def _nlp(segmenter: str, max_chars: int = MAX_PAGE_CHARS):
    from .nlp import load_pipeline, warm_up

    nlp = load_pipeline(segmenter)
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    return warm_up(nlp)


# the worker's slot in the heartbeat arrays of _run_local: when its current
# page started (0: idle) and its pid, so the main process can stop a worker
# stuck where the alarm cannot reach (inside C code)
_WORKER: dict = {}


def _init_worker(segmenter: str, max_chars: int = MAX_PAGE_CHARS, beats=None, pids=None, counter=None) -> None:
    _die_with_parent()
    if beats is not None:
        with counter.get_lock():
            slot = counter.value
            counter.value += 1
        pids[slot] = os.getpid()
        _WORKER.update(beats=beats, slot=slot)
    _nlp(segmenter, max_chars)


def _die_with_parent() -> None:
    """A worker ends when the main process does, even by kill -9: on Linux the
    kernel kills it (PR_SET_PDEATHSIG); wherever that is not available, a
    watcher thread sees within a second that its parent is gone."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _beat(started: float) -> None:
    if _WORKER:
        _WORKER["beats"][_WORKER["slot"]] = started


@contextmanager
def _time_limit(seconds: float | None, what: str):
    """Raise PageTimeout in this thread after `seconds`. Only the main thread
    of a process receives signals: elsewhere (Dask's worker threads) the
    limit is not applied."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise PageTimeout(f"time limit: {what} took longer than {seconds:g} s (--page-timeout); not processed")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_file(path: str, root: str, segmenter: str, doc_id: str | None = None,
                 limits: PageLimits = PageLimits()) -> dict[str, list[dict]]:
    """All rows of one input file (a JSON Lines file holds many pages), and
    under "_failures" what the run's log says about each failed page. Each
    page goes through page.process_page under the time limit."""
    nlp = _nlp(segmenter, limits.max_chars)
    out = empty_rows()
    failures = []
    pages = read_pages(Path(path), Path(root), doc_id, max_chars=limits.max_chars)
    base_id = doc_id or Path(path).stem
    n = 0
    while True:
        _beat(time.time())
        page = None
        try:
            with _time_limit(limits.timeout, f"page {n + 1} of {Path(path).name}"):
                page = next(pages, None)
                if page is None:
                    break
                rows = process_page(page, nlp)
        except PageTimeout as exc:
            if page is None:  # reading the file timed out: the rest of it is lost
                page = Page(base_id if n == 0 else f"{base_id}#timeout", path, status="error")
                pages = iter(())
            page.status, page.error = "error", str(exc)
            page.traceback = traceback.format_exc()
            rows = failed_page_rows(page)
        n += 1
        for table, table_rows in rows.items():
            out[table].extend(table_rows)
        if page.status == "error":
            failures.append(failure_record(page, path))
    _beat(0.0)
    out["_failures"] = failures
    return out


def process_chunk(chunk: list[tuple], root: str, segmenter: str, limits: PageLimits = PageLimits()) -> ChunkResult:
    """[(path, source, key, doc_id)] -> the chunk's rows as Arrow; used by both
    executors. A file that ran out of time is keyed for a retry next run."""
    results = []
    for path, source, key, doc_id in chunk:
        rows = process_file(path, root, segmenter, doc_id, limits)
        if any(error_reason(f["error"]) == "time limit" for f in rows["_failures"]):
            key = RETRY + key
        results.append((source, key, rows))
    return ChunkResult(results)


RETRY = "retry:"  # a key no file hashes to: the file is processed again next run


def process_chunk_to_spool(chunk: list[tuple], root: str, segmenter: str, limits: PageLimits, spool: str) -> str:
    """process_chunk in a pool's worker, its result written to a file of `spool`;
    only the file's path goes back through the pool's pipe. A worker killed while
    it sends a large result leaves half a message in that pipe, and the pool's
    reading thread then waits for the rest for ever; a path is one write, which a
    pipe never splits (less than PIPE_BUF bytes). A worker killed while it writes
    the file leaves no result: the chunk's files run again."""
    import pickle

    result = process_chunk(chunk, root, segmenter, limits)
    fd, tmp = tempfile.mkstemp(dir=spool, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    path = tmp[:-len(".tmp")] + ".chunk"
    os.replace(tmp, path)
    return path


def _from_spool(path: str) -> ChunkResult:
    import pickle

    with open(path, "rb") as f:
        result = pickle.load(f)
    os.unlink(path)
    return result


def failed_file(item: tuple, error: str) -> ChunkResult:
    """The documents row of a file no worker could process."""
    path, source, key, doc_id = item
    page = Page(doc_id, path, status="error", error=error)
    rows = failed_page_rows(page)
    rows["_failures"] = [failure_record(page, path)]
    return ChunkResult([(source, RETRY + key, rows)])


# an error row's reason, for the summary: the first needle found in its message
ERROR_REASONS = (
    ("time limit", "time limit"), ("worker process died", "worker died"), ("page too long", "page too long"),
    ("malformed HTML", "malformed HTML"), ("invalid JSON", "invalid JSON"), ("not an object", "invalid JSON"),
    ("cannot parse", "malformed file"), ("cannot read", "unreadable"), ("unsupported file type", "unsupported file type"),
    ("binary file", "binary file"), ("no text field", "no text field"), ("cleaning failed", "cleaning failed"),
    ("extraction failed", "extraction failed"))


def error_reason(error: str | None) -> str:
    for needle, reason in ERROR_REASONS:
        if needle in (error or ""):
            return reason
    return (error or "unknown").split(":")[0][:40]


def file_key(digest: str, source: str, doc_id: str) -> str:
    """What the ledger compares to decide a file is unchanged: its hash, and
    its doc_id when that is not the plain one (a.txt once a.html joins it)."""
    plain = source.rsplit(".", 1)[0] if "." in source.rsplit("/", 1)[-1] else source
    return digest if doc_id == plain else f"{digest} as {doc_id}"


def _scan(root: Path, known: dict[str, str], summary: RunSummary, seen: set[str], force: bool,
          exclude=()) -> Iterator[tuple[str, str, str, str]]:
    """New and changed files, hashed as they stream by."""
    base = root if root.is_dir() else root.parent
    for path, doc_id in iter_inputs(root, exclude):
        source = path.relative_to(base).as_posix()
        seen.add(source)
        summary.files_seen += 1
        kind = special_file_kind(path)
        if kind:
            digest = f"special:{kind}"  # never opened: a named pipe would block the run
        else:
            try:
                digest = _file_digest(path)
            except OSError as exc:
                digest = f"unreadable:{exc.errno}"
        key = file_key(digest, source, doc_id)
        if not force and known.get(source) == key:
            summary.files_unchanged += 1
            continue
        yield str(path), source, key, doc_id


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


# ---------------------------------------------------------------- checks before work

def resolve_workers(workers: int | None, executor: str, scheduler: str | None) -> tuple[int, str | None]:
    """The number of workers to start, and a notice when it is not the one asked for.
    More local workers than cores only cost memory (each holds the models)."""
    cores = os.cpu_count() or 1
    if workers is None or workers == 0:
        return cores, None
    if workers < 0:
        raise ConfigError(f"--workers must be 0 (one per core) or a positive number, not {workers}")
    if scheduler:  # a remote cluster: only bounds the tasks in flight
        return workers, None
    if workers > cores:
        return cores, f"--workers {workers} is more than the {cores} cores of this machine: using {cores}"
    return workers, None


def check_output_folder(out: Path, root: Path) -> None:
    """The output folder exists or can be made, is a folder, can be written,
    and is not the input folder itself."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file, not a folder")
    if out.resolve() == root.resolve():
        raise ConfigError(f"--out {out} is the input folder: choose another folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        raise ConfigError(f"cannot write to the output folder {out}: {exc.strerror or exc}") from None


PROBE_PAGE = ("县政府召开常务会议\n发布时间:2024-03-06 08:15:02\n"
              "3月5日上午,县政府在三楼会议室召开第12次常务会议。县长王海主持会议,副县长李明、张强出席。"
              "会议传达学习了省政府工作会议精神,审议通过了《关于加强安全生产工作的意见》。"
              "王海强调,一要提高认识;二要压实责任;三要狠抓落实。")


def check_pipeline(segmenter: str, max_chars: int):
    """Lexicons read and their patterns compile, and the assembled pipeline
    processes a probe page: a broken configuration stops here, once, rather
    than on every page in every worker."""
    try:
        validate_lexicons()
    except LexiconError as exc:
        raise ConfigError(str(exc)) from None
    try:
        nlp = _nlp(segmenter, max_chars)
        page = clean_page(Page("probe", "probe.txt"), PROBE_PAGE)
        documents = process_page(page, nlp)["documents"]
    except Exception as exc:  # noqa: BLE001
        raise ConfigError(f"the pipeline cannot be built: {type(exc).__name__}: {exc}") from None
    if documents[0]["status"] != "ok":
        raise ConfigError(f"the pipeline fails on a probe page ({documents[0]['error']}): "
                          f"check the lexicons under {LEXICON_DIR}")
    return nlp


class OutputLock:
    """One run per output folder: an exclusive lock on OUT/_state/run.lock,
    which names its holder. The kernel releases it when the holder dies, so
    a killed run never leaves a stale lock; worker processes do not keep it."""

    def __init__(self, out: Path):
        self.path = Path(out) / STATE_DIR / "run.lock"
        self.fd: int | None = None

    def acquire(self) -> None:
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 4096).decode("utf-8", "replace").strip() or "unknown"
            os.close(fd)
            raise ConfigError(f"{self.path.parents[1]} is in use by another run ({holder}); "
                              "wait for it to end or choose another --out") from None
        holder = {"pid": os.getpid(), "host": socket.gethostname(),
                  "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "command": " ".join(sys.argv)[:300]}
        os.ftruncate(fd, 0)
        os.write(fd, ", ".join(f"{k} {v}" for k, v in holder.items()).encode("utf-8"))
        self.fd = fd
        _LOCK_FDS.add(fd)

    def release(self) -> None:
        if self.fd is not None:
            _LOCK_FDS.discard(self.fd)
            os.ftruncate(self.fd, 0)
            os.close(self.fd)
            self.fd = None


_LOCK_FDS: set[int] = set()


def _close_lock_fds() -> None:
    for fd in list(_LOCK_FDS):  # a forked worker must not hold the run's lock
        try:
            os.close(fd)
        except OSError:
            pass
    _LOCK_FDS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_lock_fds)


class RunLog:
    """OUT/_state/run.log: the last run's configuration, a traceback per
    failed page, and its summary."""

    def __init__(self, out: Path, configuration: dict):
        self.path = Path(out) / STATE_DIR / RUN_LOG
        self.file = open(self.path, "w", encoding="utf-8")
        self.write(f"run started {time.strftime('%Y-%m-%dT%H:%M:%S')} by pid {os.getpid()}\n"
                   f"configuration: {json.dumps(configuration, ensure_ascii=False)}\n")

    def write(self, text: str) -> None:
        self.file.write(text)
        self.file.flush()

    def failures(self, failures: list[dict]) -> None:
        for f in failures:
            self.write(f"\n--- {f['doc_id']} ({f['path']})\nerror: {f['error']}\n"
                       + (f["traceback"] or "(no traceback: rejected before processing)\n"))

    def close(self, summary: str) -> None:
        self.write(f"\n{summary}\n")
        self.file.close()


# ---------------------------------------------------------------- executors

def run_corpus(input_dir, out_dir, *, segmenter: str = "jieba", fmt: str = "parquet",
               workers: int | None = None, executor: str = "local", scheduler: str | None = None,
               progress: bool = True, force: bool = False, batch_files: int = BATCH_FILES,
               batch_chars: int = BATCH_CHARS, page_timeout: float | None = PAGE_TIMEOUT,
               max_page_chars: int = MAX_PAGE_CHARS, notify=None) -> RunSummary:
    """Process every file under input_dir into the tables under out_dir.
    Raises ConfigError, before any work, for a mistake in the options, the
    output folder or the lexicons."""
    from .segment import SEGMENTERS, MissingModelError, pkuseg_model_dir

    notify = notify or (lambda message: print(message, file=sys.stderr))
    if segmenter not in SEGMENTERS:
        raise ConfigError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    if fmt not in ("parquet", "csv"):
        raise ConfigError(f"unknown format {fmt!r}; choose parquet or csv")
    if executor not in ("local", "dask"):
        raise ConfigError(f"unknown executor {executor!r}; choose local or dask")
    if page_timeout is not None and page_timeout < 0:
        raise ConfigError(f"--page-timeout must be positive (0: no limit), not {page_timeout}")
    if max_page_chars < 1:
        raise ConfigError(f"--max-page-chars must be positive, not {max_page_chars}")
    if segmenter == "pkuseg":
        try:
            pkuseg_model_dir()  # a clear error now rather than in every worker
        except MissingModelError as exc:
            raise ConfigError(str(exc)) from None
    root, out = Path(input_dir).resolve(), Path(out_dir)
    if not root.exists():
        raise ConfigError(f"input folder {input_dir} does not exist")
    workers, notice = resolve_workers(workers, executor, scheduler)
    summary = RunSummary(str(input_dir), str(out_dir), executor, segmenter, workers)
    if notice:
        summary.notices.append(notice)
        notify(notice)
    check_output_folder(out, root)
    limits = PageLimits(page_timeout or 0.0, max_page_chars)
    lock = OutputLock(out)
    lock.acquire()
    try:
        check_pipeline(segmenter, max_page_chars)
        return _run_locked(root, out, summary, input_dir, segmenter, fmt, workers, executor, scheduler,
                           progress, force, (batch_files, batch_chars), limits)
    finally:
        lock.release()


def _run_locked(root: Path, out: Path, summary: RunSummary, input_dir, segmenter: str, fmt: str, workers: int,
                executor: str, scheduler: str | None, progress: bool, force: bool, batch_size: tuple[int, int],
                limits: PageLimits) -> RunSummary:
    started = time.perf_counter()
    checksums = model_checksums(segmenter)
    code = code_checksum()
    run_fingerprint = fingerprint(segmenter, checksums, code, limits.max_chars)
    store = StateStore(out, run_fingerprint)
    configuration = {"input_dir": str(input_dir), "segmenter": segmenter, "format": fmt, "executor": executor,
                     "workers": workers, "scheduler": scheduler, "force": force,
                     "page_timeout": limits.timeout, "max_page_chars": limits.max_chars}
    log = RunLog(out, configuration)
    known = store.known()
    seen: set[str] = set()
    exclude = [out.resolve()]
    total = sum(1 for _ in iter_input_files(root, exclude)) if progress else None
    bar = _Progress(progress, total)
    if bar.enabled and known and not force:
        bar.progress.update(bar.task, description="pages (new and changed)")
    pending = _chunks(_scan(root, known, summary, seen, force or store.reset, exclude), CHUNK_FILES)
    batch: list = []
    reasons: Counter = Counter()

    def collect(result: ChunkResult) -> None:
        nonlocal batch
        batch.append(result)
        summary.files_processed += len(result.entries)
        summary.chars += result.n_chars
        reasons.update(error_reason(f["error"]) for f in result.failures)
        log.failures(result.failures)
        bar.advance(len(result.entries), result.n_chars)
        if sum(len(c.entries) for c in batch) >= batch_size[0] and sum(c.n_chars for c in batch) >= batch_size[1]:
            store.commit(batch)
            batch = []

    try:
        if executor == "dask":
            _run_dask(pending, str(root), segmenter, workers, scheduler, collect, limits)
        elif workers == 1:
            for chunk in pending:
                collect(process_chunk(chunk, str(root), segmenter, limits))
        else:
            _run_local(pending, str(root), segmenter, workers, collect, limits)
        store.commit(batch)
        batch = []
        gone = set(known) - seen
        summary.files_removed = store.forget(gone) if gone else 0
        finalize_started = time.perf_counter()
        summary.table_rows = store.finalize(fmt)
        summary.finalize_seconds = time.perf_counter() - finalize_started
    except BaseException as exc:
        log.close(f"run stopped: {type(exc).__name__}: {exc}\n" + traceback.format_exc())
        store.close()
        raise
    finally:
        bar.close()
    counts = store.counts()
    store.close()
    summary.documents, summary.errors = counts["documents"], counts["errors"]
    summary.errors_by_reason = dict(reasons)
    summary.seconds = time.perf_counter() - started
    write_manifest(out, {
        "version": __version__, "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "configuration": configuration,
        "model_checksums": checksums, "code_checksum": code, "fingerprint": run_fingerprint,
        "counts": {**counts, "files_seen": summary.files_seen, "files_processed": summary.files_processed,
                   "files_unchanged": summary.files_unchanged, "files_removed": summary.files_removed,
                   "errors_by_reason": summary.errors_by_reason, "table_rows": summary.table_rows},
        "timings": {"seconds": round(summary.seconds, 3), "finalize_seconds": round(summary.finalize_seconds, 3),
                    "files_per_s": round(summary.docs_per_s, 2),
                    "chars_per_s": round(summary.chars_per_s)},
    })
    log.close(str(summary))
    return summary


def _run_local(pending, root: str, segmenter: str, workers: int, collect, limits: PageLimits = PageLimits()) -> None:
    """Worker processes with a bounded number of chunks in flight. When a
    worker dies (killed, out of memory, a crash in C code) or is stopped for
    running past the hard time limit, the files of every chunk in flight are
    run again one at a time, alone; the one that brings a worker down again
    gets an error row and the run goes on."""
    import multiprocessing as mp

    if hasattr(os, "fork"):
        # load the models once here: forked workers share them and start at once
        _nlp(segmenter, limits.max_chars)
        ctx = mp.get_context("fork")
    else:
        ctx = mp.get_context("spawn")
    hard_limit = 2 * limits.timeout + 10 if limits.timeout else None
    pending = iter(pending)
    spool = tempfile.mkdtemp(prefix="meeting-pipeline-spool-")  # the workers' results (process_chunk_to_spool)
    try:
        while True:
            suspects = _run_pool(pending, ctx, root, segmenter, workers, collect, limits, hard_limit, spool, per_worker=4)
            if suspects is None:
                return
            # again, one file per task and one task per worker: should a worker
            # die again, at most `workers` files were in flight; each runs alone
            retry = iter([[item] for item in suspects])
            while True:
                culprits = _run_pool(retry, ctx, root, segmenter, workers, collect, limits, hard_limit, spool,
                                     per_worker=1)
                if culprits is None:
                    break
                for item in culprits:
                    _run_alone(item, ctx, root, segmenter, collect, limits, hard_limit, spool)
    finally:
        import shutil

        shutil.rmtree(spool, ignore_errors=True)  # what a killed worker left half written


def _start_pool(ctx, workers: int, segmenter: str, limits: PageLimits):
    beats, pids, counter = ctx.Array("d", workers, lock=False), ctx.Array("i", workers, lock=False), ctx.Value("i", 0)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(segmenter, limits.max_chars, beats, pids, counter))
    return pool, beats, pids


def _stop_pool(pool) -> None:
    """Shut a pool down without waiting for its tasks: its workers are killed."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        if p.is_alive():
            p.kill()
    for p in processes:
        p.join(timeout=5)
    # the pool's own threads must be gone before the next pool forks: a child forked while
    # one of them holds a lock (its queue's) inherits the lock held, and waits on it for ever
    for thread in (getattr(pool, "_executor_manager_thread", None),
                   getattr(getattr(pool, "_call_queue", None), "_thread", None)):
        if thread is not None and thread.is_alive():
            thread.join(timeout=5)


def _overdue(beats, pids, hard_limit: float | None) -> list[int]:
    """Pids of workers whose current page started longer than hard_limit ago."""
    if not hard_limit:
        return []
    now = time.time()
    return [pids[k] for k in range(len(beats)) if beats[k] and now - beats[k] > hard_limit and pids[k]]


def _run_pool(pending, ctx, root, segmenter, workers, collect, limits, hard_limit, spool: str,
              per_worker: int = 4) -> list | None:
    """Feed chunks to one pool until the input ends (None) or the pool breaks
    (the files of the chunks it had in flight)."""
    pool, beats, pids = _start_pool(ctx, workers, segmenter, limits)
    in_flight: dict = {}
    limit = workers * per_worker
    exhausted = False
    try:
        while True:
            while not exhausted and len(in_flight) < limit:
                chunk = next(pending, None)
                if chunk is None:
                    exhausted = True
                    break
                in_flight[pool.submit(process_chunk_to_spool, chunk, root, segmenter, limits, spool)] = chunk
            if not in_flight:
                return None
            done, _ = wait(in_flight, timeout=1.0, return_when=FIRST_COMPLETED)
            for f in done:
                chunk = in_flight.pop(f)
                try:
                    result = f.result()
                except BrokenProcessPool:
                    in_flight[f] = chunk
                    raise
                collect(_from_spool(result))
            for pid in _overdue(beats, pids, hard_limit):
                _kill(pid)
    except BrokenProcessPool:
        suspects = []
        for f, chunk in in_flight.items():
            if f.done() and not f.cancelled() and f.exception() is None:
                collect(_from_spool(f.result()))  # finished before the pool broke
            else:
                suspects.extend(chunk)
        return suspects
    finally:
        _stop_pool(pool)


def _kill(pid: int) -> None:
    if pid:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _run_alone(item: tuple, ctx, root, segmenter, collect, limits, hard_limit, spool: str) -> None:
    """One file in a pool of its own: its result, or its error row."""
    pool, beats, pids = _start_pool(ctx, 1, segmenter, limits)
    try:
        future = pool.submit(process_chunk_to_spool, [item], root, segmenter, limits, spool)
        started = time.time()
        while True:
            done, _ = wait([future], timeout=1.0)
            if done:
                break
            if hard_limit and time.time() - started > hard_limit + 5:
                for pid in pids:
                    _kill(pid)
        try:
            collect(_from_spool(future.result()))
        except BrokenProcessPool:
            collect(failed_file(item, f"the worker process died while processing {Path(item[0]).name} "
                                      f"(killed, out of memory, or over the hard time limit of "
                                      f"{hard_limit or 0:g} s); not processed"))
    finally:
        _stop_pool(pool)


def _run_dask(pending, root: str, segmenter: str, workers: int, scheduler: str | None, collect,
              limits: PageLimits = PageLimits()) -> None:
    """The same tasks on a Dask cluster (a local one when no scheduler is named).
    Dask runs tasks in worker threads, where no alarm can be set: the page
    time limit does not apply; Dask itself retries the tasks of a lost worker,
    and the files of a task it gives up on get error rows (retried next run)."""
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
        chunks = {}
        n = 0

        def collect_done(future) -> None:
            chunk = chunks.pop(future.key)
            try:
                collect(future.result())
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as exc:  # noqa: BLE001  a task Dask gave up on (KilledWorker …)
                for item in chunk:
                    collect(failed_file(item, f"the Dask task failed: {type(exc).__name__}: {exc}; not processed"))

        for chunk in pending:
            future = client.submit(process_chunk, chunk, root, segmenter, limits, pure=False)
            chunks[future.key] = chunk
            queue.add(future)
            n += 1
            if n >= limit:
                collect_done(next(queue))
                n -= 1
        for f in queue:
            collect_done(f)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
