"""Shared fixtures: the sample pages in data/raw and the dev set beside the repo."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not (DEV / "gold.jsonl").exists():
        pytest.skip("the dev set (../shared/eval/dev) is not beside this checkout")
    return DEV


@pytest.fixture(scope="session")
def dev_gold(dev_dir) -> dict:
    lines = (dev_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {g["doc_id"]: g for g in map(json.loads, filter(None, lines))}


def page_of(path: Path):
    from pipeline.ingest import read_pages

    return next(read_pages(path, path.parent))
