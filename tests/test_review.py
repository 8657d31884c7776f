"""The review command flags each kind of suspicious row, and only those."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.review import CHECKS, counts, review

PEOPLE = [
    ("张立峰", "副校长"),      # fine
    ("歐陽靜", "主任"),        # fine: a compound surname in Traditional script
    ("立峰", "主任"),          # no surname
    ("王", "局长"),            # one character
    ("李在会上", None),        # a function word inside
    ("司马相如文", None),      # longer than a name
    ("校长", "校长"),          # a post where the name should be
    ("艾尔肯·吐尼亚孜", "主席"),  # fine: a transliterated name
]


@pytest.fixture
def run_dir(tmp_path):
    pd.DataFrame([{"doc_id": "x1", "person_id": f"x1:p{k}", "name": n, "title": t}
                  for k, (n, t) in enumerate(PEOPLE)]).to_parquet(tmp_path / "people.parquet")
    pd.DataFrame([
        {"doc_id": "x1", "meeting_id": "x1:m1", "name": "校务会议", "date": "2024-03-05", "chair": "张立峰"},
        {"doc_id": "x1", "meeting_id": "x1:m2", "name": "党委会", "date": None, "chair": "的确"},
    ]).to_parquet(tmp_path / "meetings.parquet")
    pd.DataFrame([{"doc_id": "x1", "meeting_id": "x1:m1", "marker": "一是", "text": "加强安全管理"},
                  {"doc_id": "x1", "meeting_id": "x1:m1", "marker": "二是", "text": " "}]).to_parquet(
        tmp_path / "directives.parquet")
    pd.DataFrame([{"doc_id": "x1", "meeting_id": "x1:m1", "text": "行政楼三楼会议室"},
                  {"doc_id": "x1", "meeting_id": "x1:m2", "text": "在学校领导的关心和支持下经过全体教职工的共同努力顺利完成"
                                                                 "各项工作任务后的总结会场"}]).to_parquet(
        tmp_path / "venues.parquet")
    return tmp_path


def test_each_check_flags_its_rows(run_dir):
    found = counts(review(run_dir))
    assert found == {"name_without_surname": 1, "one_character_name": 1, "name_with_function_word": 1,
                     "long_name": 1, "title_without_person": 1, "empty_item": 1, "meeting_without_date": 1,
                     "long_venue": 1, "chair_not_a_person": 1}
    assert set(found) == {c.name for c in CHECKS}


def test_findings_name_the_row(run_dir):
    by_check = {f.check: f for f in review(run_dir)}
    assert by_check["name_without_surname"].what == "name=立峰 title=主任"
    assert by_check["meeting_without_date"].what == "meeting_id=x1:m2 name=党委会"
    assert by_check["name_without_surname"].doc_id == "x1"


def test_missing_tables_review_as_empty(tmp_path):
    assert sum(counts(review(tmp_path)).values()) == 0


def test_command_prints_counts_and_rows(run_dir):
    result = CliRunner().invoke(app, ["review", str(run_dir), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "name_without_surname" in result.output and "立峰" in result.output


def test_command_rejects_an_unknown_check(run_dir):
    result = CliRunner().invoke(app, ["review", str(run_dir), "--check", "no_such_check"])
    assert result.exit_code == 2


def test_a_titles_list_is_shown(tmp_path):
    pd.DataFrame([{"doc_id": "x2", "person_id": "x2:p1", "name": "立峰", "titles": ["主任", "书记"]}]).to_parquet(
        tmp_path / "people.parquet")
    assert [f.what for f in review(tmp_path)] == ["name=立峰 titles=主任、书记"]
