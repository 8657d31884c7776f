"""Benchmark: `make bench` (or python scripts/bench.py [--docs N]).

Measures, in one run on the same text:
  1. full pipeline throughput (chars/s, one process) vs raw jieba.lcut, ratio
  2. the same for the pkuseg segmenter (vs raw spacy-pkuseg cut)
  3. 1 worker vs all workers through the local executor (speed-up)
  4. peak resident memory per worker
  5. a generated corpus (100,000 pages by default) end to end, memory sampled
Targets: ratio >= 0.5 with jieba; 2 workers >= 1.7 x 1 worker; <= 400 MB per
worker; constant memory over the large run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT / "bench-out"


def sample_pages():
    from pipeline.ingest import iter_input_files, read_pages

    folders = [ROOT / "data" / "raw", ROOT.parent / "shared" / "eval" / "dev" / "raw"]
    pages, seen = [], set()
    for folder in folders:
        if not folder.exists():
            continue
        for path in iter_input_files(folder):
            if path.name not in seen:
                seen.add(path.name)
                pages.extend(read_pages(path, folder))
    return pages


def timed(fn, repeat: int) -> float:
    fn()  # warm up: models, caches
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def throughput(segmenter: str, pages, repeat: int) -> tuple[float, float]:
    """(pipeline chars/s, raw segmenter chars/s) on the same texts."""
    from pipeline.nlp import load_pipeline
    from pipeline.normalize.script import to_simplified
    from pipeline.tables import page_rows

    nlp = load_pipeline(segmenter)
    texts = [to_simplified(p.text) for p in pages]
    n_chars = sum(len(p.text) for p in pages)
    if segmenter == "jieba":
        import jieba

        raw = lambda: [jieba.lcut(t) for t in texts]  # noqa: E731
    else:
        seg = nlp.tokenizer.pkuseg_seg
        raw = lambda: [seg.cut(t) for t in texts]  # noqa: E731
    t_raw = timed(raw, repeat)
    t_full = timed(lambda: [page_rows(p, nlp) for p in pages], repeat)
    return n_chars / t_full, n_chars / t_raw


class MemorySampler(threading.Thread):
    """Samples the RSS of a run's main process and of each of its workers."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak_worker = 0
        self.main_series: list[tuple[float, int]] = []
        self.worker_series: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self):
        start = time.perf_counter()
        while not self.stop.is_set():
            t = time.perf_counter() - start
            try:
                self.main_series.append((t, self.proc.memory_info().rss))
                rss = [c.memory_info().rss for c in self.proc.children(recursive=True)]
            except psutil.Error:
                rss = []
            if rss:
                self.peak_worker = max(self.peak_worker, max(rss))
                self.worker_series.append((t, max(rss)))
            self.stop.wait(self.interval)


def corpus_run(src: Path, out: Path, workers: int) -> tuple[dict, MemorySampler]:
    """`python -m pipeline run` in a fresh process, its memory sampled."""
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out),
                             "--workers", str(workers), "--no-progress"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"pipeline run failed: {err}")
    return json.loads((out / "manifest.json").read_text(encoding="utf-8")), sampler


def flat(series) -> str:
    """Memory over the run: mean RSS of each fifth of the run, in MB."""
    if len(series) < 5:
        return "n/a"
    k = len(series) // 5
    return " ".join(f"{sum(r for _, r in series[i * k:(i + 1) * k]) / k / 2**20:.0f}" for i in range(5))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="pipeline benchmark")
    ap.add_argument("--docs", type=int, default=100_000, help="pages in the generated corpus (0: skip that run)")
    ap.add_argument("--speedup-docs", type=int, default=10_000, help="pages for the 1-vs-all workers run")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    cores = os.cpu_count() or 1
    pages = sample_pages()
    print(f"machine: {cores} cores; sample text: {len(pages)} pages, {sum(len(p.text) for p in pages):,} chars")
    results = []

    full, raw = throughput("jieba", pages, a.repeat)
    results.append(("pipeline (jieba) >= 0.5 x jieba.lcut", full / raw >= 0.5))
    print(f"[1] jieba : pipeline {full:,.0f} chars/s, jieba.lcut {raw:,.0f} chars/s, ratio {full / raw:.2f}")
    from pipeline.segment import PKUSEG_MODEL_DIR

    if (PKUSEG_MODEL_DIR / "weights.npz").exists():
        full_p, raw_p = throughput("pkuseg", pages, max(1, a.repeat // 2))
        print(f"[2] pkuseg: pipeline {full_p:,.0f} chars/s, pkuseg cut {raw_p:,.0f} chars/s, ratio {full_p / raw_p:.2f}")
    else:
        print("[2] pkuseg: skipped, run `make models` first")

    BENCH.mkdir(exist_ok=True)
    small = BENCH / f"corpus-{a.speedup_docs}"
    if not small.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(small),
                        "--docs", str(a.speedup_docs)], check=True, stdout=subprocess.DEVNULL)
    one, _ = corpus_run(small, BENCH / "out-1", 1)
    many, sampler = corpus_run(small, BENCH / f"out-{cores}", cores)
    t1, tn = one["timings"]["seconds"], many["timings"]["seconds"]
    f1, fn = one["timings"]["finalize_seconds"], many["timings"]["finalize_seconds"]
    speedup = t1 / tn
    print(f"[3] {a.speedup_docs} pages: 1 worker {t1:.1f} s ({one['timings']['files_per_s']:.0f} pages/s), "
          f"{cores} workers {tn:.1f} s ({many['timings']['files_per_s']:.0f} pages/s), speed-up {speedup:.2f} "
          f"end to end; {(t1 - f1) / (tn - fn):.2f} for processing alone (writing the tables: {f1:.1f} s, {fn:.1f} s)")
    results.append((f"{cores} workers >= 1.7 x 1 worker", speedup >= 1.7 or cores < 2))
    print(f"[4] peak resident memory per worker: {sampler.peak_worker / 2**20:.0f} MB")
    results.append(("peak memory <= 400 MB per worker", sampler.peak_worker <= 400 * 2**20))

    if a.docs <= 0:
        print("[5] skipped (--docs 0)")
        return _report(results)
    big = BENCH / f"corpus-{a.docs}"
    if not big.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(big), "--docs", str(a.docs)],
                       check=True, stdout=subprocess.DEVNULL)
    manifest, sampler = corpus_run(big, BENCH / "out-big", cores)
    timings, counts = manifest["timings"], manifest["counts"]
    workers_mb = [r for _, r in sampler.worker_series]
    half = len(workers_mb) // 2
    steady = (max(workers_mb[half:]) <= 1.1 * max(workers_mb[:half])) if half else True
    print(f"[5] {a.docs:,} pages: {timings['seconds']:.0f} s, {timings['files_per_s']:.0f} pages/s, "
          f"{timings['chars_per_s']:,.0f} chars/s; {counts['documents']:,} documents, {counts['errors']} errors")
    print(f"    RSS by fifths of the run, MB: main {flat(sampler.main_series)}; largest worker {flat(sampler.worker_series)}; "
          f"peak worker {sampler.peak_worker / 2**20:.0f} MB")
    results.append(("large run with constant memory", steady))
    return _report(results)


def _report(results) -> int:
    print("\ntargets:")
    for name, ok in results:
        print(f"  {'met   ' if ok else 'MISSED'}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
