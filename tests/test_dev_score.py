"""The dev set as a scoring test: the whole pipeline over ../shared/eval/dev,
scored like the shared referee, held above floors. The floors are the
quality reached so far; raise them as it improves, never pin exact counts."""
from __future__ import annotations

import pytest

from pipeline.evaluate import load_gold, score_dir
from pipeline.executors import run_corpus

FLOORS = {
    "headline_f1": 0.98, "structure_f1": 0.95,
    "meetings": 0.98, "meeting.date": 0.97, "meeting.venue": 0.97, "meeting.chair": 0.95,
    "people": 0.98, "people.title": 0.96, "items": 0.97, "timex.value": 0.95,
    "meeting.name": 0.95, "meeting.attendees": 0.95, "decisions": 0.95,
    "document.title": 0.95, "document.published": 0.95,
}


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory, dev_dir):
    out = tmp_path_factory.mktemp("dev-out")
    run_corpus(dev_dir / "raw", out, workers=1, progress=False)
    return out


@pytest.fixture(scope="module")
def dev_report(dev_out, dev_dir):
    report, _ = score_dir(load_gold(dev_dir / "gold.jsonl"), dev_out)
    return report


def test_the_referee_reads_the_pipelines_tables_as_we_do(dev_out, dev_dir):
    """The tables as the pipeline writes them (people with a titles list,
    participants with every role, decisions with results) score the same
    with `python -m pipeline eval` as with ../shared/eval/score.py."""
    from .test_evaluate import referee

    gold = load_gold(dev_dir / "gold.jsonl")
    ours, ours_per_doc = score_dir(gold, dev_out)
    module = referee()
    theirs, theirs_per_doc = module.score(gold, dev_out)
    theirs["headline_f1"], theirs["structure_f1"] = module.headline(theirs), module.structure(theirs)
    assert ours == theirs and ours_per_doc == theirs_per_doc


@pytest.mark.parametrize("field", FLOORS)
def test_dev_score_holds_its_floor(dev_report, field):
    value = dev_report[field]
    figure = value if isinstance(value, float) else value.get("f1", value.get("acc"))
    assert figure >= FLOORS[field], f"{field} = {figure:.4f}"
