"""Generate a large corpus of meeting reports from the dev and sample pages,
for the benchmark: every page is a real page with its dates, paragraph
order and byline varied, so no two files are the same.

usage: python scripts/make_corpus.py OUT_DIR [--docs N] [--seed S]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "raw", ROOT.parent / "shared" / "eval" / "dev" / "raw"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红志国文斌宇浩凯健俊峰波辉鹏"
DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def load_texts() -> list[str]:
    seen, texts = set(), []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
            if path.name not in seen:
                seen.add(path.name)
                texts.append(path.read_text(encoding="utf-8"))
    if not texts:
        raise SystemExit("no sample pages found in data/raw")
    return texts


def vary(text: str, rng: random.Random) -> str:
    text = DATE.sub(lambda m: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", text)
    lines = text.split("\n")
    if len(lines) > 4:
        middle = lines[2:-1]
        rng.shuffle(middle)
        lines = lines[:2] + middle + lines[-1:]
    tag = "".join(rng.choice(GIVEN) for _ in range(2))
    return "\n".join(lines) + f"\n（{rng.choice(SURNAMES)}{tag}）\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    texts = load_texts()
    out = Path(a.out_dir)
    for n in range(a.docs):
        folder = out / f"{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc{n:07d}.txt").write_text(vary(rng.choice(texts), rng), encoding="utf-8")
    print(f"wrote {a.docs} pages under {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
