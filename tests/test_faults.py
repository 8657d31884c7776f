"""Fault injection: a run whose workers and main process are killed with
SIGKILL at random points resumes to the tables of an uninterrupted run, and
a run killed while replacing the tables leaves the previous set whole.

The corpus is FAULT_PAGES generated pages (2,000 by default, about a minute and
a half on two cores; a smaller FAULT_PAGES gives a quicker run while debugging).
The seed is printed on failure; FAULT_SEED replays it."""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from pipeline.executors import run_corpus

from .conftest import CORPUS, ROOT
from .test_executors import _committed, assert_same_tables

PAGES = int(os.environ.get("FAULT_PAGES", 2000))
SEED = int(os.environ.get("FAULT_SEED", time.time_ns() % 100_000))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红"


def make_corpus(folder: Path, n: int, rng: random.Random) -> None:
    """Pages in the fixture's genre, each with its own day, chair and folder."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for k in range(n):
        text = re.sub(r"(\d{1,2})月(\d{1,2})日", lambda m: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                      texts[k % len(texts)])
        chair = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        text = re.sub(r"(区长|校长|书记|鎮長)([\u4e00-\u9fff]{2,3})", lambda m: m.group(1) + chair, text, count=1)
        path = folder / f"batch{k % 10}" / f"p{k:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def start(src: Path, out: Path, force: bool = False) -> subprocess.Popen:
    """A run in a process of its own, committing every 32 files."""
    driver = ("import sys; from pipeline.executors import run_corpus; run_corpus(sys.argv[1], sys.argv[2], "
              f"workers=2, progress=False, batch_files=32, batch_chars=0, force={force})")
    return subprocess.Popen([sys.executable, "-c", driver, str(src), str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until(condition, proc: subprocess.Popen, timeout: float = 300) -> bool:
    """True when the condition held while the run was still going."""
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        if condition():
            return True
        time.sleep(0.02)
    return False


def kill_all(proc: subprocess.Popen) -> None:
    children = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
    proc.kill()
    proc.wait()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, "workers outlived the main process"


def test_random_kills_resume_to_the_uninterrupted_tables(tmp_path):
    rng = random.Random(SEED)
    note = f"FAULT_SEED={SEED} FAULT_PAGES={PAGES}"
    src = tmp_path / "in"
    make_corpus(src, PAGES, rng)
    reference = tmp_path / "reference"
    run_corpus(src, reference, workers=2, progress=False)

    out = tmp_path / "out"
    # 1. kill a worker at a random point, then the main process at a later one
    proc = start(src, out)
    first, second = sorted(rng.sample(range(PAGES // 10, PAGES * 7 // 10), 2))
    killed = []
    if wait_until(lambda: _committed(out) >= first and len(psutil.Process(proc.pid).children()) == 2, proc):
        os.kill(rng.choice(psutil.Process(proc.pid).children()).pid, signal.SIGKILL)
        killed.append(f"a worker after {first} files")
    if wait_until(lambda: _committed(out) >= second, proc):
        kill_all(proc)
        killed.append(f"the main process after {second} files")
    proc.wait()
    assert len(killed) == 2, f"{note}: the run ended before the kills ({killed})"
    # 2. resume, killed again after a random delay (it may be finishing by then)
    proc = start(src, out)
    time.sleep(rng.uniform(0.5, 6.0))
    if proc.poll() is None:
        kill_all(proc)
    # 3. resume to the end
    resumed = run_corpus(src, out, workers=2, progress=False)
    assert resumed.files_unchanged + resumed.files_processed == PAGES, note
    assert resumed.files_unchanged >= second, note
    assert_same_tables(out, reference)

    # 4. a forced rerun killed at a random moment leaves one whole table set: the last one
    proc = start(src, out, force=True)
    time.sleep(rng.uniform(1.0, 8.0))
    kill_all(proc)
    assert_same_tables(out, reference)
