"""Corpus runs: CLI end to end, local vs Dask, incremental, resume after
kill -9, bad files, atomic output. All on the fixture corpus
(tests/fixtures/corpus) and the sample pages, so they run on any clone."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.executors import run_corpus
from pipeline.tables import TABLES

from .conftest import CORPUS, RAW, ROOT, missing

N_FIXTURE_PAGES = 8     # documents rows of one copy of tests/fixtures/corpus
N_FIXTURE_FILES = 7


def tables(out: Path, fmt: str = "parquet") -> dict[str, pd.DataFrame]:
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    return {name: read(out / f"{name}.{fmt}") for name in TABLES}


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for name in TABLES:
        pd.testing.assert_frame_equal(ta[name], tb[name], check_dtype=False, obj=name)


def corpus(tmp_path: Path, copies: int = 1) -> Path:
    """The fixture corpus, copied `copies` times into sub-folders."""
    src = tmp_path / "in"
    for k in range(copies):
        shutil.copytree(CORPUS, src / f"batch{k}")
    return src


def cli(*args, cwd=ROOT, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, **kwargs)


def test_cli_run_on_the_samples(tmp_path):
    out = tmp_path / "out"
    proc = cli("run", RAW, "--out", out, "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    t = tables(out)
    assert sorted(t["documents"].doc_id) == sorted(p.stem for p in RAW.glob("*.txt"))
    d000 = t["meetings"][t["meetings"].doc_id == "d000"]
    assert list(d000.chair.fillna("")) == ["张立峰", "刘丽华", ""]
    con = duckdb.connect(str(out / "meetings.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM people").fetchone()[0] == len(t["people"])
    con.close()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["segmenter"] == "jieba"
    assert "models/lexicons/people.json" in manifest["model_checksums"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_csv_output_replaces_parquet(tmp_path):
    out = tmp_path / "out"
    run_corpus(CORPUS, out, workers=1, progress=False)
    run_corpus(CORPUS, out, workers=1, progress=False, fmt="csv")
    assert (out / "people.csv").exists() and not (out / "people.parquet").exists()
    assert len(pd.read_csv(out / "documents.csv")) == N_FIXTURE_PAGES


def test_local_and_dask_write_the_same_tables(tmp_path):
    src = corpus(tmp_path, copies=2)
    run_corpus(src, tmp_path / "local", workers=2, progress=False)
    run_corpus(src, tmp_path / "dask", workers=2, executor="dask", progress=False)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(tables(tmp_path / "local")["documents"]) == 2 * N_FIXTURE_PAGES


def test_incremental_run_processes_only_new_and_changed_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("f001.txt", "f002.txt", "f003.txt"):
        shutil.copy(CORPUS / name, src / name)
    out = tmp_path / "out"
    first = run_corpus(src, out, workers=1, progress=False)
    assert first.files_processed == 3
    shutil.copy(CORPUS / "f004.txt", src / "f005.txt")                          # new
    (src / "f001.txt").write_text((CORPUS / "f002.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")                           # changed
    (src / "f003.txt").unlink()                                               # removed
    second = run_corpus(src, out, workers=1, progress=False)
    assert (second.files_processed, second.files_unchanged, second.files_removed) == (2, 1, 1)
    fresh = tmp_path / "fresh"
    run_corpus(src, fresh, workers=1, progress=False)
    assert_same_tables(out, fresh)
    docs = tables(out)["documents"]
    assert sorted(docs.doc_id) == ["f001", "f002", "f005"]
    assert docs.set_index("doc_id").loc["f001", "title"] == "实验中学召开期中教学质量分析会"


def test_a_configuration_change_reprocesses_everything(tmp_path):
    out = tmp_path / "out"
    run_corpus(CORPUS, out, workers=1, progress=False)
    again = run_corpus(CORPUS, out, workers=1, progress=False)
    assert again.files_processed == 0
    if not (ROOT / "models" / "pkuseg" / "ctb8" / "weights.npz").exists():
        missing("the pkuseg model is not built (make models)")
    switched = run_corpus(CORPUS, out, workers=1, progress=False, segmenter="pkuseg")
    assert switched.files_processed == N_FIXTURE_FILES


def test_a_change_to_the_code_reprocesses_everything(tmp_path, monkeypatch):
    """The fingerprint hashes the package's source: stale rows after a rule change are impossible."""
    import pipeline.executors as executors

    code = tmp_path / "code"
    shutil.copytree(executors.CODE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(executors, "CODE_DIR", code)
    out = tmp_path / "out"
    run_corpus(CORPUS, out, workers=1, progress=False)
    assert run_corpus(CORPUS, out, workers=1, progress=False).files_processed == 0
    rule = code / "normalize" / "timex.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# a changed rule\n", encoding="utf-8")
    assert run_corpus(CORPUS, out, workers=1, progress=False).files_processed == N_FIXTURE_FILES


def test_bad_files_get_a_documents_row_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "f001.txt", src / "good.txt")
    (src / "broken.json").write_text("{\"text\": ", encoding="utf-8")
    (src / "empty.txt").write_text("\n \n", encoding="utf-8")
    (src / "notext.jsonl").write_text(json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    (src / "declaration.html").write_text("<html><body><![foo]><p>5月5日,县政府召开常务会议。</p></body></html>",
                                          encoding="utf-8")
    (src / "deep.json").write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    out = tmp_path / "out"
    summary = run_corpus(src, out, workers=1, progress=False)
    docs = tables(out)["documents"].set_index("doc_id")
    assert docs.loc["good", "status"] == "ok"
    assert docs.loc["broken", "status"] == "error" and "invalid JSON" in docs.loc["broken", "error"]
    assert docs.loc["empty", "status"] == "empty"
    assert docs.loc["notext#1", "status"] == "error" and "no text field" in docs.loc["notext#1", "error"]
    assert "malformed HTML in declaration.html" in docs.loc["declaration", "error"]
    assert "invalid JSON in deep.json: nested too deeply" in docs.loc["deep", "error"]
    assert "pipe.txt: it is a named pipe" in docs.loc["pipe", "error"]
    assert summary.errors_by_reason == {"invalid JSON": 2, "no text field": 1, "malformed HTML": 1, "unreadable": 1}
    log = (out / "_state" / "run.log").read_text(encoding="utf-8")
    assert "--- declaration" in log and "AssertionError" in log  # the parser's traceback


def test_an_unreadable_folder_is_an_error_row(tmp_path):
    """Read by a forked child that drops to an unprivileged user when the
    tests run as root (root can list any folder)."""
    from pipeline.ingest import iter_inputs, read_pages

    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    shutil.copy(CORPUS / "f001.txt", src / "f001.txt")
    shutil.copy(CORPUS / "f002.txt", src / "locked" / "f002.txt")
    modes = {folder: os.stat(folder).st_mode for folder in (tmp_path.parents[1], tmp_path.parent, tmp_path)}
    for folder, mode in modes.items():
        os.chmod(folder, mode | 0o005)
    os.chmod(src / "f001.txt", 0o644)
    os.chmod(src / "locked", 0)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child)
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            lines = [f"{p.doc_id}|{p.status}|{p.error}" for path, doc_id in iter_inputs(src)
                     for p in read_pages(path, src, doc_id)]
        except BaseException as exc:
            lines = [f"child failed: {type(exc).__name__}: {exc}"]
        os.write(write, "\n".join(lines).encode("utf-8"))
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        lines = pipe.read().splitlines()
    os.waitpid(child, 0)
    os.chmod(src / "locked", 0o755)
    for folder, mode in modes.items():
        os.chmod(folder, mode)
    assert lines and lines[0].startswith("f001|ok"), lines
    assert lines[1].startswith("locked|error|cannot read locked: is a folder that cannot be listed: Permission denied")
    assert len(lines) == 2


def test_doc_ids_stay_unique_when_files_share_a_name(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "f001.txt", src / "a.txt")
    shutil.copy(CORPUS / "news" / "f005.html", src / "a.html")
    shutil.copy(CORPUS / "news" / "f006.json", src / "a.json")
    shutil.copy(CORPUS / "f002.txt", src / "b.txt")
    shutil.copy(CORPUS / "f003.txt", src / "sub" / "a.txt")
    out = tmp_path / "out"
    run_corpus(src, out, workers=1, progress=False)
    t = tables(out)
    assert sorted(t["documents"].doc_id) == ["a.html", "a.json", "a.txt", "b", "sub/a"]
    assert t["meetings"].meeting_id.is_unique
    # a file joining later renames its namesake: the incremental run equals a fresh one
    (src / "b.html").write_text("<p>3月6日上午,镇政府召开安全生产工作会议。</p>", encoding="utf-8")
    run_corpus(src, out, workers=1, progress=False)
    run_corpus(src, tmp_path / "fresh", workers=1, progress=False)
    assert_same_tables(out, tmp_path / "fresh")
    assert {"b.txt", "b.html"} <= set(tables(out)["documents"].doc_id)


def test_an_output_folder_inside_the_input_is_not_read_back(tmp_path):
    src = corpus(tmp_path)
    out = src / "out"
    for _ in range(3):
        summary = run_corpus(src, out, workers=1, progress=False, force=True)
    assert summary.documents == N_FIXTURE_PAGES


def test_one_run_per_output_folder(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pipeline.executors import OutputLock; "
                               "OutputLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)", str(out)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        proc = cli("run", CORPUS, "--out", out, "--workers", "1")
        assert proc.returncode == 2
        assert f"is in use by another run (pid {holder.pid}" in proc.stderr
        assert not (out / "documents.parquet").exists()
    finally:
        holder.kill()
        holder.wait()
    assert run_corpus(CORPUS, out, workers=1, progress=False).documents == N_FIXTURE_PAGES  # the lock died with its holder


@pytest.mark.parametrize("args, message", [
    (["--workers", "-1"], "--workers must be 0 (one per core) or a positive number"),
    (["--page-timeout", "-5"], "--page-timeout must be positive"),
])
def test_usage_errors_exit_2_with_one_line(tmp_path, args, message):
    proc = cli("run", CORPUS, "--out", tmp_path / "out", *args)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"error: {proc.stderr.strip()[7:]}"] and message in proc.stderr


def test_an_output_folder_that_is_a_file_exits_2(tmp_path):
    from pipeline.executors import ConfigError

    (tmp_path / "taken").write_text("x", encoding="utf-8")
    proc = cli("run", CORPUS, "--out", tmp_path / "taken")
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [f"error: --out {tmp_path / 'taken'} is a file, not a folder"]
    with pytest.raises(ConfigError, match="cannot write to the output folder .*: Not a directory"):
        run_corpus(CORPUS, tmp_path / "taken" / "sub", workers=1, progress=False)


def test_too_many_workers_are_bounded_with_a_notice():
    from pipeline.executors import resolve_workers

    cores = os.cpu_count() or 1
    workers, notice = resolve_workers(1000, "local", None)
    assert workers == cores and f"--workers 1000 is more than the {cores} cores" in notice
    assert resolve_workers(1, "local", None) == (1, None)


@pytest.mark.parametrize("lexicon, key, break_it, message", [
    ("boilerplate.json", "share_words", "、".join, r"share_words: must be a list of words"),
    ("verbs.json", "speech", lambda v: v + [{"word": "布道", "for": ["sermon"]}], r"speech: 布道 is for sermon, which is no use"),
    ("venues.json", "venue_words", "|".join, r"venue_words: must be a list of words"),  # a pattern where words belong
])
def test_a_broken_lexicon_stops_the_run_before_it_starts(tmp_path, monkeypatch, lexicon, key, break_it, message):
    import pipeline.resources as resources
    from pipeline.executors import ConfigError

    lexicons = tmp_path / "lexicons"
    shutil.copytree(resources.LEXICON_DIR, lexicons)
    data = json.loads((lexicons / lexicon).read_text(encoding="utf-8"))
    data[key] = break_it(data[key])
    (lexicons / lexicon).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(resources, "LEXICON_DIR", lexicons)
    with pytest.raises(ConfigError, match=f"lexicon {lexicon}, {message}"):
        run_corpus(CORPUS, tmp_path / "out", workers=1, progress=False)
    assert not (tmp_path / "out" / "_state" / "ledger.sqlite").exists()  # nothing started


def test_exit_codes_and_the_error_rate(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(CORPUS, src)
    (src / "broken.json").write_text("{", encoding="utf-8")
    failed = cli("run", src, "--out", tmp_path / "a", "--workers", "1")
    assert failed.returncode == 1 and "1 of 9 pages are errors" in failed.stderr
    assert "errors in this run: invalid JSON 1" in failed.stderr
    tolerated = cli("run", src, "--out", tmp_path / "b", "--workers", "1", "--max-error-rate", "0.2")
    assert tolerated.returncode == 0, tolerated.stderr


def test_a_page_over_the_time_limit_gets_an_error_row(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "f001.txt", src / "short.txt")
    paragraph = "11月17日下午,实验中学在学术报告厅召开期中教学质量分析会,校长赵明远主持会议。\n"
    # the long page runs for seconds, the short one for a fraction of the limit even on a loaded machine
    (src / "long.txt").write_text("实验中学召开期中教学质量分析会\n" + paragraph * 10000, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_corpus(src, out, workers=2, progress=False, page_timeout=1.5)
    docs = tables(out)["documents"].set_index("doc_id")
    assert docs.loc["short", "status"] == "ok"
    assert docs.loc["long", "status"] == "error" and docs.loc["long", "error"].startswith("time limit: page 1 of long.txt")
    assert summary.errors_by_reason == {"time limit": 1}
    # a page that ran out of time is tried again by the next run
    again = run_corpus(src, out, workers=1, progress=False)
    assert again.files_processed == 1
    assert tables(out)["documents"].set_index("doc_id").loc["long", "status"] == "ok"


def test_a_page_over_the_size_limit_is_rejected_with_its_length(tmp_path):
    out = tmp_path / "out"
    run_corpus(CORPUS, out, workers=1, progress=False, max_page_chars=200)
    docs = tables(out)["documents"].set_index("doc_id")
    long_page = docs.loc["f001"]
    assert long_page.status == "error" and "page too long" in long_page.error and "over the limit of 200" in long_page.error
    assert docs.loc["news/f007#n1", "status"] == "ok"


def test_the_table_set_is_replaced_as_one_unit(tmp_path):
    out = tmp_path / "out"
    run_corpus(CORPUS, out, workers=1, progress=False)
    first = os.readlink(out / "current")
    run_corpus(CORPUS, out, workers=1, progress=False, force=True)
    second = os.readlink(out / "current")
    assert first != second
    for name in list(TABLES) + ["meetings.duckdb"]:
        link = out / (name if name.endswith(".duckdb") else f"{name}.parquet")
        assert os.readlink(link) == f"current/{link.name}"  # every table follows the one pointer
    assert (out / first).exists()  # the previous set stays for readers that opened it
    run_corpus(CORPUS, out, workers=1, progress=False, force=True)
    assert not (out / first).exists() and len(list((out / "_tables").iterdir())) == 2


def _start(src: Path, out: Path, workers: int, batch_files: int = 8) -> subprocess.Popen:
    driver = ("import sys; from pipeline.executors import run_corpus; "
              f"run_corpus(sys.argv[1], sys.argv[2], workers={workers}, progress=False, batch_files={batch_files}, batch_chars=0)")
    return subprocess.Popen([sys.executable, "-c", driver, str(src), str(out)], cwd=ROOT)


def _committed(out: Path) -> int:
    ledger = out / "_state" / "ledger.sqlite"
    if not ledger.exists():
        return 0
    try:
        with sqlite3.connect(ledger) as db:
            return db.execute("SELECT count(*) FROM docs").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None and not condition():
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"


def test_killed_run_resumes_to_the_same_tables(tmp_path):
    src = corpus(tmp_path, copies=30)
    reference = tmp_path / "reference"
    run_corpus(src, reference, workers=1, progress=False)

    out = tmp_path / "out"
    proc = _start(src, out, workers=1)
    _wait_for(lambda: _committed(out) >= 16, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "documents.parquet").exists()

    resumed = run_corpus(src, out, workers=1, progress=False)
    assert resumed.files_unchanged >= 16
    assert resumed.files_processed + resumed.files_unchanged == 30 * N_FIXTURE_FILES
    assert_same_tables(out, reference)


def test_workers_die_with_the_main_process(tmp_path):
    import psutil

    src = corpus(tmp_path, copies=60)
    proc = _start(src, tmp_path / "out", workers=2)
    main = psutil.Process(proc.pid)
    _wait_for(lambda: _committed(tmp_path / "out") >= 8, proc)
    workers = main.children()
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive


def test_a_worker_sends_back_a_path_that_one_pipe_write_holds(tmp_path):
    """A worker killed while sending a result must not leave half a message in the
    pool's pipe (the pool's reader would wait for the rest for ever): the rows go
    through a file, and what the pipe carries fits in one atomic write."""
    import pickle
    import select

    from pipeline.executors import PageLimits, _from_spool, process_chunk, process_chunk_to_spool

    src = corpus(tmp_path)
    chunk = [(str(f), f.name, "key", f.stem) for f in sorted(src.iterdir())[:8]]
    spool = tmp_path / "spool"
    spool.mkdir()
    path = process_chunk_to_spool(chunk, str(src), "jieba", PageLimits(), str(spool))
    assert len(pickle.dumps(path)) < select.PIPE_BUF
    result = _from_spool(path)
    assert not list(spool.iterdir())  # read once, then gone
    direct = process_chunk(chunk, str(src), "jieba", PageLimits())
    assert [e.source for e in result.entries] == [e.source for e in direct.entries]
    assert result.table("people").equals(direct.table("people"))


def test_a_killed_worker_costs_no_page(tmp_path):
    import psutil

    src = corpus(tmp_path, copies=30)
    reference = tmp_path / "reference"
    run_corpus(src, reference, workers=1, progress=False)
    out = tmp_path / "out"
    proc = _start(src, out, workers=2)
    _wait_for(lambda: _committed(out) >= 8 and len(psutil.Process(proc.pid).children()) == 2, proc)
    os.kill(psutil.Process(proc.pid).children()[0].pid, signal.SIGKILL)
    assert proc.wait(timeout=300) == 0
    assert_same_tables(out, reference)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_exits_130_and_resumes(tmp_path, signum):
    import psutil

    src = corpus(tmp_path, copies=40)  # enough work that the run is still going when the signal comes
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "--workers", "2"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: len(psutil.Process(proc.pid).children()) == 2, proc)
    workers = psutil.Process(proc.pid).children()
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted: the batches committed so far are kept" in stderr
    assert not psutil.wait_procs(workers, timeout=10)[1]  # no worker left behind
    assert "run stopped: KeyboardInterrupt" in (out / "_state" / "run.log").read_text(encoding="utf-8")
    assert cli("run", src, "--out", out, "--workers", "2").returncode == 0  # the lock went with it


def test_csv_output_writes_titles_a_row_each_and_reads_them_back(tmp_path, corpus_dir):
    import pandas as pd

    from pipeline.evaluate import read_table, titles_of
    from pipeline.views.outputs import RunOutput

    run_corpus(corpus_dir, tmp_path / "pq", workers=1, progress=False)
    run_corpus(corpus_dir, tmp_path / "csv", fmt="csv", workers=1, progress=False)
    long = pd.read_csv(tmp_path / "csv" / "people.csv")
    assert "title" in long.columns and "titles" not in long.columns
    listed = pd.read_parquet(tmp_path / "pq" / "people.parquet")
    # the referee's reading: the same titles per person from either form
    as_set = lambda df: {(r["doc_id"], r["name"], t) for r in df.to_dict("records") for t in titles_of(r) if t}
    assert as_set(read_table(tmp_path / "csv", "people")) == as_set(listed) != set()
    # the views read the rows back as the list
    back = RunOutput(tmp_path / "csv").con.execute("SELECT person_id, titles FROM people ORDER BY person_id").fetchall()
    assert back == [(p, list(t)) for p, t in listed.sort_values("person_id")[["person_id", "titles"]].itertuples(index=False)]
