"""Shared fixtures: the sample pages in data/raw, the fixture corpus in
tests/fixtures/corpus (pages written for the tests) and the dev set beside
the repo. Where CI runs (CI set, as .ci/run does) missing test data fails
the test instead of skipping it: a test that skips in CI does not run."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "corpus"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def missing(reason: str):
    """Skip for want of data, except in CI, where it is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not (DEV / "gold.jsonl").exists():
        missing("the dev set (../shared/eval/dev) is not beside this checkout")
    return DEV


@pytest.fixture(scope="session")
def dev_gold(dev_dir) -> dict:
    lines = (dev_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {g["doc_id"]: g for g in map(json.loads, filter(None, lines))}


def page_of(path: Path):
    from pipeline.ingest import read_pages

    return next(read_pages(path, path.parent))
