"""Runs of the sample pages shared by the view tests (session fixtures: each
run is made once). Import the fixtures a test module needs from here."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.executors import run_corpus

from .conftest import RAW

EDITED_DOC = "d017"
OLD_VENUE, NEW_VENUE = "在办公楼二楼会议室", "在图书馆三楼报告厅"


def run(input_dir: Path, out: Path, fmt: str = "parquet") -> Path:
    run_corpus(input_dir, out, workers=1, fmt=fmt, progress=False)
    return out


@pytest.fixture(scope="session")
def raw_run(tmp_path_factory) -> Path:
    """data/raw as it is."""
    return run(RAW, tmp_path_factory.mktemp("raw") / "out")


@pytest.fixture(scope="session")
def raw_run_csv(tmp_path_factory) -> Path:
    """data/raw again, in another folder and as CSV."""
    return run(RAW, tmp_path_factory.mktemp("raw-csv") / "out", fmt="csv")


@pytest.fixture(scope="session")
def edited_run(tmp_path_factory) -> Path:
    """data/raw with one page edited: d017's meeting moved to another room."""
    src = tmp_path_factory.mktemp("edited") / "in"
    shutil.copytree(RAW, src)
    page = src / f"{EDITED_DOC}.txt"
    text = page.read_text(encoding="utf-8")
    assert OLD_VENUE in text
    page.write_text(text.replace(OLD_VENUE, NEW_VENUE), encoding="utf-8")
    return run(src, src.parent / "out")


@pytest.fixture(scope="session")
def mixed_run(tmp_path_factory) -> Path:
    """data/raw with a binary file and a page of furniture only beside it."""
    src = tmp_path_factory.mktemp("mixed") / "in"
    shutil.copytree(RAW, src)
    (src / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "furniture.txt").write_text("首页 > 新闻中心\n\n", encoding="utf-8")
    return run(src, src.parent / "out")
