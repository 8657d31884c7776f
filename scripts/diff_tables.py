"""How two runs' tables differ: rows per table and rows found in only one run.

usage: python scripts/diff_tables.py OUT_A OUT_B [--show N]

Compares the tables as rows (Parquet or CSV, whatever the runs wrote), so
two runs with the same segmenter must print 0 differing rows everywhere; two
segmenters print how much of what they extract they do not share, and on
how many pages.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def read_rows(out: Path, table: str) -> list[tuple] | None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    for path, read in ((out / f"{table}.parquet", pq.read_table), (out / f"{table}.csv", pacsv.read_csv)):
        if path.exists():
            data = read(path).to_pylist()
            return [tuple(str(v) for v in row.values()) for row in data]
    return None


def diff(out_a: Path, out_b: Path, show: int = 0) -> dict[str, tuple[int, int, int, int, int]]:
    """table -> (rows in a, rows in b, rows only in a, rows only in b, pages whose rows differ)."""
    from pipeline.tables import TABLES

    result = {}
    for table in TABLES:
        a, b = read_rows(out_a, table), read_rows(out_b, table)
        if a is None or b is None:
            continue
        ca, cb = Counter(a), Counter(b)
        only_a, only_b = ca - cb, cb - ca
        pages = {row[0] for row in only_a.elements()} | {row[0] for row in only_b.elements()}
        result[table] = (len(a), len(b), sum(only_a.values()), sum(only_b.values()), len(pages))
        for label, rows in (("<", only_a), (">", only_b)):
            for row in list(rows.elements())[:show]:
                print(f"  {table} {label} {' | '.join(row)}")
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_a", type=Path)
    ap.add_argument("out_b", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print up to N differing rows of each side per table")
    a = ap.parse_args(argv)
    result = diff(a.out_a, a.out_b, a.show)
    print(f"{'table':<14} {'rows A':>7} {'rows B':>7} {'only A':>7} {'only B':>7} {'pages':>6}")
    for table, (na, nb, oa, ob, pages) in result.items():
        print(f"{table:<14} {na:>7} {nb:>7} {oa:>7} {ob:>7} {pages:>6}")
    return 1 if any(oa or ob for _, _, oa, ob, _ in result.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
