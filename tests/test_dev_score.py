"""The dev set as a scoring test: the whole pipeline over ../shared/eval/dev,
scored like the shared referee, held above floors. The floors are the
quality reached so far; raise them as it improves, never pin exact counts."""
from __future__ import annotations

import pytest

from pipeline.evaluate import load_gold, score_dir
from pipeline.executors import run_corpus

FLOORS = {
    "headline_f1": 0.965, "structure_f1": 0.75,
    "meetings": 0.97, "meeting.date": 0.95, "meeting.venue": 0.97, "meeting.chair": 0.95,
    "people": 0.97, "people.title": 0.95, "items": 0.97, "timex.value": 0.91,
    "meeting.name": 0.80, "meeting.attendees": 0.85, "decisions": 0.60,
    "document.title": 0.95, "document.published": 0.95,
}


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory, dev_dir):
    out = tmp_path_factory.mktemp("dev-out")
    run_corpus(dev_dir / "raw", out, workers=1, progress=False)
    report, _ = score_dir(load_gold(dev_dir / "gold.jsonl"), out)
    return report


@pytest.mark.parametrize("field", FLOORS)
def test_dev_score_holds_its_floor(dev_report, field):
    value = dev_report[field]
    figure = value if isinstance(value, float) else value.get("f1", value.get("acc"))
    assert figure >= FLOORS[field], f"{field} = {figure:.4f}"
