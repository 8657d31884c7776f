"""The project's scorer agrees with the shared referee and guards thresholds."""
from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from pipeline.evaluate import check_thresholds, load_gold, score_dir

from .conftest import DEV, missing


def gold_as_tables(gold: list[dict], out, drop_person=None, shift_date=None, extra_item=False,
                   drop_attendee=None, extra_decision=False, titles_as_list=False, extra_absent=False):
    """Write the gold itself as system tables, optionally spoiled."""
    docs, meetings, people, items, dates, participants, decisions = [], [], [], [], [], [], []
    for g in gold:
        did = g["doc_id"]
        docs.append({"doc_id": did, "title": g["title"], "published": g["published"]})
        for k, m in enumerate(g["meetings"], 1):
            date = m["date"]
            if shift_date == (did, k):
                date = date[:-2] + ("01" if date[-2:] != "01" else "02")
            meetings.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "seq": k, "date": date,
                             "date_end": m["date_end"], "time_of_day": m["time_of_day"],
                             "venue": m["venue"], "chair": m["chair"], "name": m.get("name")})
            for role, key in (("attendee", "attendees"), ("absent", "absent")):
                for name in m.get(key) or []:
                    if drop_attendee != (did, name):
                        participants.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "name": name, "role": role})
            if extra_absent and k == 1:
                participants.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "name": "缺席者", "role": "absent"})
            for d in m.get("decisions") or []:
                decisions.append({"doc_id": did, "meeting_id": f"{did}:m{k}", **d})
            if extra_decision and k == 1:
                decisions.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "text": "会议决定增加一项多余的决定",
                                  "document": None})
            for n, it in enumerate(m["items"], 1):
                items.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "seq": n, "marker": it["marker"],
                              "level": it["level"], "text": it["text"], "speaker": it["speaker"]})
            if extra_item and k == 1:
                items.append({"doc_id": did, "meeting_id": f"{did}:m{k}", "seq": 99, "marker": "五是",
                              "level": 1, "text": "这是一个多出来的条目内容", "speaker": None})
        for p in g["people"]:
            if drop_person == (did, p["name"]):
                continue
            if titles_as_list:  # one row per person, as the pipeline writes it
                people.append({"doc_id": did, "name": p["name"], "titles": list(p["titles"] or [])})
                continue
            for t in p["titles"] or [None]:
                people.append({"doc_id": did, "name": p["name"], "title": t})
        for t in g["timex"]:
            dates.append({"doc_id": did, "text": t["text"], "value": t["value"]})
    for name, rows in (("documents", docs), ("meetings", meetings), ("people", people),
                       ("directives", items), ("dates", dates), ("participants", participants),
                       ("decisions", decisions)):
        pd.DataFrame(rows).to_parquet(out / f"{name}.parquet")


def referee():
    path = DEV.parent / "score.py"
    if not path.exists():
        missing("the shared referee is not beside this checkout")
    spec = importlib.util.spec_from_file_location("referee_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_scores_perfectly(tmp_path, dev_dir):
    gold = load_gold(dev_dir / "gold.jsonl")
    gold_as_tables(gold, tmp_path)
    report, _ = score_dir(gold, tmp_path)
    assert report["headline_f1"] == 1.0
    assert report["structure_f1"] == 1.0
    assert report["document.title"]["acc"] == 1.0


def test_each_spoiled_field_costs_exactly_its_count(tmp_path, dev_dir):
    gold = load_gold(dev_dir / "gold.jsonl")
    gold_as_tables(gold, tmp_path, drop_person=("d000", "朱育理"), shift_date=("d000", 2), extra_item=True)
    report, _ = score_dir(gold, tmp_path)
    assert (report["people"]["fn"], report["people"]["fp"]) == (1, 0)
    assert report["people.title"]["fn"] == 3  # 朱育理 had three titles
    assert (report["meeting.date"]["fn"], report["meeting.date"]["fp"]) == (1, 1)
    assert report["items"]["fp"] == len(gold)  # one spurious item per document
    assert report["headline_f1"] < 1.0


@pytest.mark.parametrize("spoil", [
    {}, {"drop_person": ("d004", "習近平")}, {"shift_date": ("d000", 3)}, {"extra_item": True},
    {"drop_attendee": ("d000", "张立峰")}, {"extra_decision": True},
    {"titles_as_list": True}, {"titles_as_list": True, "drop_person": ("d000", "朱育理")}, {"extra_absent": True},
])
def test_agrees_with_the_shared_referee(tmp_path, dev_dir, spoil):
    gold = load_gold(dev_dir / "gold.jsonl")
    gold_as_tables(gold, tmp_path, **spoil)
    ours, ours_per_doc = score_dir(gold, tmp_path)
    theirs, theirs_per_doc = referee().score(gold, tmp_path)
    theirs["headline_f1"] = referee().headline(theirs)
    theirs["structure_f1"] = referee().structure(theirs)
    assert ours == theirs
    assert ours_per_doc == theirs_per_doc


def test_thresholds():
    report = {"people": {"f1": 0.8}, "document.title": {"acc": 0.5, "n": 2}, "headline_f1": 0.7}
    assert check_thresholds(report, {"people": 0.75, "headline_f1": 0.6}) == []
    failures = check_thresholds(report, {"people": 0.9, "document.title": 0.9, "headline_f1": 0.9, "nope": 1})
    assert len(failures) == 4 and failures[0].startswith("people")
