"""Benchmark: `make bench` (or python scripts/bench.py [--chars N]).

Every figure is the wall clock of a fresh process over the same corpus, from
its start to its exit, so start-up (imports, dictionaries, models) and, for
the pipeline, writing the tables are included:

  1. the full pipeline (jieba, one worker) vs raw `jieba.lcut` of the same files
  2. the full pipeline (pkuseg, one worker) vs raw spacy-pkuseg `cut`
  3. peak resident memory of a worker
  4. 2 workers vs 1 worker (jieba)
  5. start-up: a run over one short page
  6. the steady state of 1. in one warm process (CPU time, best of N passes)
  7. with --large-docs N: N generated pages with all cores, peak memory

The corpus (bench-out/corpus-5M, generated, not committed) repeats the dev
pages and the unlabeled corpus beside the repo, file for file, until it holds
5,000,000 characters. Targets: 1. >= 1.5 x, 2. >= 0.9 x, 3. <= 300 MB,
4. >= 1.8 x. On a machine shared with other work the figures vary: the
benchmark wants the cores to itself.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench-out"
SOURCES = [ROOT.parent / "shared" / "eval" / "dev" / "raw", ROOT.parent / "shared" / "corpus" / "unlabeled" / "raw"]
PKUSEG_MODEL = ROOT / "models" / "pkuseg" / "ctb8"

# the segmenters alone, over the same files, in a fresh interpreter
RAW_JIEBA = """
import sys, pathlib, jieba
jieba.setLogLevel(60)
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    jieba.lcut(path.read_text(encoding="utf-8"))
"""
RAW_PKUSEG = """
import sys, pathlib, spacy_pkuseg
seg = spacy_pkuseg.pkuseg(sys.argv[2], user_dict=sys.argv[3])
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    seg.cut(path.read_text(encoding="utf-8"))
"""


def build_corpus(target_chars: int) -> tuple[Path, int, int]:
    """The real pages, repeated as files r000/…, r001/… until target_chars."""
    pages = [p for folder in SOURCES if folder.exists() for p in sorted(folder.glob("*.txt"))]
    if not pages:
        raise SystemExit("no pages: the dev set and the unlabeled corpus must be beside the repo (../shared)")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in pages]
    out = BENCH / f"corpus-{target_chars // 1_000_000}M"
    stamp = out / ".complete"
    n_files = n_chars = 0
    if stamp.exists():
        n_files, n_chars = map(int, stamp.read_text().split())
        return out, n_files, n_chars
    shutil.rmtree(out, ignore_errors=True)
    repeat = 0
    while n_chars < target_chars:
        folder = out / f"r{repeat:03d}"
        folder.mkdir(parents=True)
        for name, text in texts:
            if n_chars >= target_chars:
                break
            (folder / name).write_text(text, encoding="utf-8")
            n_files += 1
            n_chars += len(text)
        repeat += 1
    stamp.write_text(f"{n_files} {n_chars}")
    return out, n_files, n_chars


class MemorySampler(threading.Thread):
    """Peak RSS of a process and of its child processes, sampled."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak_main = 0
        self.peak_child = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                self.peak_main = max(self.peak_main, self.proc.memory_info().rss)
                for child in self.proc.children(recursive=True):
                    self.peak_child = max(self.peak_child, child.memory_info().rss)
            except psutil.Error:
                pass
            self.stop.wait(self.interval)


class Timing(float):
    """Wall-clock seconds, with the CPU seconds of the process and its workers
    (user + system) as .cpu: on a busy machine the CPU time varies less."""

    cpu: float = 0.0

    def __str__(self) -> str:
        return f"{float(self):.1f} s (cpu {self.cpu:.1f} s)"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(args: list[str]) -> tuple[Timing, MemorySampler]:
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    seconds = Timing(time.perf_counter() - start)
    seconds.cpu = _children_cpu() - cpu_before
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} … failed:\n{err}")
    return seconds, sampler


def pipeline_run(corpus: Path, segmenter: str, workers: int) -> tuple[float, MemorySampler, dict]:
    out = BENCH / f"out-{segmenter}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    seconds, sampler = timed_process([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
                                      "--segmenter", segmenter, "--workers", str(workers), "--no-progress"])
    return seconds, sampler, json.loads((out / "manifest.json").read_text(encoding="utf-8"))


STEADY = """
import sys, time, pathlib
sys.path.insert(0, sys.argv[2])
import jieba
jieba.setLogLevel(60)
jieba.initialize()
from pipeline.executors import _nlp, process_file
from pipeline.ingest import iter_inputs
from pipeline.store import ChunkResult
root = pathlib.Path(sys.argv[1])
inputs = list(iter_inputs(root))  # (path, doc_id), as a run hands them to its workers
files = [path for path, _ in inputs]
n_chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
_nlp("jieba")

def pipeline():
    for k in range(0, len(inputs), 32):
        ChunkResult([(p.name, "x", process_file(str(p), str(root), "jieba", doc_id)) for p, doc_id in inputs[k:k + 32]])

def raw():
    for p in files:
        jieba.lcut(p.read_text(encoding="utf-8"))

best_pipeline = best_raw = float("inf")
for _ in range(int(sys.argv[3])):
    t = time.process_time(); pipeline(); best_pipeline = min(best_pipeline, time.process_time() - t)
    t = time.process_time(); raw(); best_raw = min(best_raw, time.process_time() - t)
print(n_chars / best_pipeline, n_chars / best_raw)
"""


def steady_state(corpus: Path, repeat: int) -> tuple[float, float]:
    """(pipeline, raw jieba.lcut) chars per CPU second in one warm process over
    the real pages once each, the best of `repeat` interleaved passes: what
    the figures above come to without start-up and writing, and the least
    disturbed by other work on the machine."""
    out = subprocess.run([sys.executable, "-c", STEADY, str(corpus / "r000"), str(ROOT), str(repeat)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout.split()
    return float(out[0]), float(out[1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="pipeline benchmark")
    ap.add_argument("--chars", type=int, default=5_000_000, help="characters of real pages in the corpus")
    ap.add_argument("--no-pkuseg", action="store_true", help="skip the pkuseg measures (the slowest)")
    ap.add_argument("--large-docs", type=int, default=0,
                    help="also run this many generated pages (scripts/make_corpus.py) with all cores, memory sampled")
    ap.add_argument("--steady", type=int, default=6, help="passes of the steady-state measure (0: skip it)")
    a = ap.parse_args(argv)
    corpus, n_files, n_chars = build_corpus(a.chars)
    cores = os.cpu_count() or 1
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; machine: {cores} cores, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; corpus: {n_files:,} files, {n_chars:,} chars")
    results = []

    t_raw, _ = timed_process([sys.executable, "-c", RAW_JIEBA, str(corpus)])
    t1, sampler1, manifest = pipeline_run(corpus, "jieba", 1)
    ratio = t_raw / t1
    print(f"[1] jieba : pipeline {t1} = {n_chars / t1:,.0f} chars/s (writing the tables "
          f"{manifest['timings']['finalize_seconds']:.1f} s), raw jieba.lcut {t_raw} = "
          f"{n_chars / t_raw:,.0f} chars/s: {ratio:.2f} x ({t_raw.cpu / t1.cpu:.2f} x in CPU time)")
    results.append(("pipeline (jieba) >= 1.5 x raw jieba.lcut", ratio >= 1.5))

    if a.no_pkuseg or not (PKUSEG_MODEL / "weights.npz").exists():
        print("[2] pkuseg: skipped" + ("" if a.no_pkuseg else ", run `make models` first"))
    else:
        from pipeline.userdict import user_dict_path  # the user dictionary the pipeline's pkuseg reads

        t_raw_p, _ = timed_process([sys.executable, "-c", RAW_PKUSEG, str(corpus), str(PKUSEG_MODEL),
                                    str(user_dict_path())])
        t1_p, sampler_p, _ = pipeline_run(corpus, "pkuseg", 1)
        ratio_p = t_raw_p / t1_p
        print(f"[2] pkuseg: pipeline {t1_p} = {n_chars / t1_p:,.0f} chars/s, raw pkuseg cut "
              f"{t_raw_p} = {n_chars / t_raw_p:,.0f} chars/s: {ratio_p:.2f} x "
              f"({t_raw_p.cpu / t1_p.cpu:.2f} x in CPU time)")
        results.append(("pipeline (pkuseg) >= 0.9 x raw pkuseg", ratio_p >= 0.9))
        print(f"    peak memory of the pkuseg worker: {sampler_p.peak_main / 2**20:.0f} MB")

    t2, sampler2, _ = pipeline_run(corpus, "jieba", 2)
    print(f"[3] peak resident memory per worker (jieba): {sampler1.peak_main / 2**20:.0f} MB with one "
          f"(in-process), {sampler2.peak_child / 2**20:.0f} MB each of two (main process "
          f"{sampler2.peak_main / 2**20:.0f} MB)")
    results.append(("peak memory <= 300 MB per worker process", sampler2.peak_child <= 300 * 2**20))
    print(f"[4] 2 workers {t2} vs 1 worker {t1}: {t1 / t2:.2f} x")
    results.append(("2 workers >= 1.8 x 1 worker", t1 / t2 >= 1.8))

    one = BENCH / "one-page"
    shutil.rmtree(one, ignore_errors=True)
    one.mkdir(parents=True)
    shutil.copy(sorted(SOURCES[0].glob("*.txt"))[0], one)
    t_one, _, _ = pipeline_run(one, "jieba", 1)
    t_import, _ = timed_process([sys.executable, "-c", "import pipeline.executors, pipeline.cli"])
    t_load, _ = timed_process([sys.executable, "-c", "from pipeline.executors import _nlp; _nlp('jieba')"])
    print(f"[5] start-up: interpreter and imports {t_import}; with the pipeline loaded and warmed up "
          f"{t_load}; a whole run over one page {t_one}")

    if a.steady:
        full_cpu, raw_cpu = steady_state(corpus, a.steady)
        print(f"[6] steady state in one process, best of {a.steady} passes over the pages once each: pipeline "
              f"{full_cpu:,.0f} chars per CPU second, raw jieba.lcut {raw_cpu:,.0f}: {full_cpu / raw_cpu:.2f} x")

    if a.large_docs:
        big = BENCH / f"corpus-{a.large_docs}"
        if not big.exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(big), "--docs",
                            str(a.large_docs)], check=True, stdout=subprocess.DEVNULL)
        t_big, sampler_big, manifest_big = pipeline_run(big, "jieba", cores)
        print(f"[7] {a.large_docs:,} generated pages, {cores} workers: {t_big}, "
              f"{manifest_big['timings']['chars_per_s']:,.0f} chars/s; peak worker {sampler_big.peak_child / 2**20:.0f} MB, "
              f"main {sampler_big.peak_main / 2**20:.0f} MB")
        results.append(("large run: peak worker <= 300 MB", sampler_big.peak_child <= 300 * 2**20))

    print("\ntargets:")
    for name, ok in results:
        print(f"  {'met   ' if ok else 'MISSED'}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
