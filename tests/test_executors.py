"""Corpus runs: CLI end to end, local vs Dask, incremental, resume after
kill -9, bad files, atomic output. All on the dev and sample pages."""
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

from .conftest import RAW, ROOT


def tables(out: Path, fmt: str = "parquet") -> dict[str, pd.DataFrame]:
    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    return {name: read(out / f"{name}.{fmt}") for name in TABLES}


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for name in TABLES:
        pd.testing.assert_frame_equal(ta[name], tb[name], check_dtype=False, obj=name)


def corpus(tmp_path: Path, dev_dir: Path, copies: int = 1) -> Path:
    """The dev pages, copied `copies` times into sub-folders."""
    src = tmp_path / "in"
    for k in range(copies):
        shutil.copytree(dev_dir / "raw", src / f"batch{k}")
    return src


def n_pages(dev_dir: Path) -> int:
    return len(list((dev_dir / "raw").glob("*.txt")))


def test_cli_run_on_the_samples(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(RAW), "--out", str(out), "--workers", "1"],
                          capture_output=True, text=True, cwd=ROOT)
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


def test_csv_output_replaces_parquet(tmp_path, dev_dir):
    out = tmp_path / "out"
    run_corpus(dev_dir / "raw", out, workers=1, progress=False)
    run_corpus(dev_dir / "raw", out, workers=1, progress=False, fmt="csv")
    assert (out / "people.csv").exists() and not (out / "people.parquet").exists()
    assert len(pd.read_csv(out / "documents.csv")) == n_pages(dev_dir)


def test_local_and_dask_write_the_same_tables(tmp_path, dev_dir):
    src = corpus(tmp_path, dev_dir, copies=2)
    run_corpus(src, tmp_path / "local", workers=2, progress=False)
    run_corpus(src, tmp_path / "dask", workers=2, executor="dask", progress=False)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(tables(tmp_path / "local")["documents"]) == 2 * n_pages(dev_dir)


def test_incremental_run_processes_only_new_and_changed_files(tmp_path, dev_dir):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("d000.txt", "d001.txt", "d002.txt"):
        shutil.copy(dev_dir / "raw" / name, src / name)
    out = tmp_path / "out"
    first = run_corpus(src, out, workers=1, progress=False)
    assert first.files_processed == 3
    shutil.copy(dev_dir / "raw" / "d005.txt", src / "d005.txt")                  # new
    (src / "d001.txt").write_text((dev_dir / "raw" / "d017.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")                           # changed
    (src / "d002.txt").unlink()                                               # removed
    second = run_corpus(src, out, workers=1, progress=False)
    assert (second.files_processed, second.files_unchanged, second.files_removed) == (2, 1, 1)
    fresh = tmp_path / "fresh"
    run_corpus(src, fresh, workers=1, progress=False)
    assert_same_tables(out, fresh)
    docs = tables(out)["documents"]
    assert sorted(docs.doc_id) == ["d000", "d001", "d005"]
    assert docs.set_index("doc_id").loc["d001", "title"] == "我院召开反恐防范安全维稳工作会议"


def test_a_configuration_change_reprocesses_everything(tmp_path, dev_dir):
    out = tmp_path / "out"
    run_corpus(dev_dir / "raw", out, workers=1, progress=False)
    again = run_corpus(dev_dir / "raw", out, workers=1, progress=False)
    assert again.files_processed == 0
    if not (ROOT / "models" / "pkuseg" / "ctb8" / "weights.npz").exists():
        pytest.skip("the pkuseg model is not built")
    switched = run_corpus(dev_dir / "raw", out, workers=1, progress=False, segmenter="pkuseg")
    assert switched.files_processed == n_pages(dev_dir)


def test_bad_files_get_a_documents_row_and_the_run_goes_on(tmp_path, dev_dir):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(dev_dir / "raw" / "d005.txt", src / "good.txt")
    (src / "broken.json").write_text("{\"text\": ", encoding="utf-8")
    (src / "empty.txt").write_text("\n \n", encoding="utf-8")
    (src / "notext.jsonl").write_text(json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(src, out, workers=1, progress=False)
    docs = tables(out)["documents"].set_index("doc_id")
    assert docs.loc["good", "status"] == "ok"
    assert docs.loc["broken", "status"] == "error" and "invalid JSON" in docs.loc["broken", "error"]
    assert docs.loc["empty", "status"] == "empty"
    assert docs.loc["notext#1", "status"] == "error" and "no text field" in docs.loc["notext#1", "error"]


def test_killed_run_resumes_to_the_same_tables(tmp_path, dev_dir):
    src = corpus(tmp_path, dev_dir, copies=6)
    reference = tmp_path / "reference"
    run_corpus(src, reference, workers=1, progress=False)

    out = tmp_path / "out"
    driver = ("import sys; from pipeline.executors import run_corpus; "
              "run_corpus(sys.argv[1], sys.argv[2], workers=1, progress=False, batch_files=16)")
    proc = subprocess.Popen([sys.executable, "-c", driver, str(src), str(out)], cwd=ROOT)
    ledger = out / "_state" / "ledger.sqlite"
    deadline = time.time() + 120
    committed = 0
    while time.time() < deadline and proc.poll() is None:
        if ledger.exists():
            try:
                with sqlite3.connect(ledger) as db:
                    committed = db.execute("SELECT count(*) FROM docs").fetchone()[0]
            except sqlite3.Error:
                committed = 0
            if committed >= 32:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "documents.parquet").exists()

    resumed = run_corpus(src, out, workers=1, progress=False)
    assert resumed.files_unchanged >= 32
    assert resumed.files_processed + resumed.files_unchanged == 6 * n_pages(dev_dir)
    assert_same_tables(out, reference)
