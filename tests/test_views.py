"""The views over a run: diff, query, show and report, on runs of the sample
pages and on small tables written for the test."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.views.diff import diff_runs, pair_rows
from pipeline.views.outputs import RunOutput
from pipeline.views.query import QueryError, export_query, run_query
from pipeline.views.report import (active_participants, build_report, co_participation, coverage_shares,
                                   document_coverage, meeting_coverage, meetings_per_month, per_organizer,
                                   spring_layout, write_report)
from pipeline.views.show import (Highlight, directive_tree, displacy_lines, highlights, mention_spans,
                                 render_show, UnknownDocument, write_show)

from .conftest import ROOT
from .runs import EDITED_DOC, NEW_VENUE, OLD_VENUE, edited_run, mixed_run, raw_run, raw_run_csv  # noqa: F401


def cli(*args):
    """The command line, in process (exit code, stdout and stderr apart)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def write_tables(folder: Path, tables: dict[str, list[dict]]) -> Path:
    """A hand-made output folder of CSV tables."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        pd.DataFrame(rows).to_csv(folder / f"{name}.csv", index=False)
    return folder


# ---------------------------------------------------------------- diff

def test_two_runs_of_the_same_pages_agree(raw_run, raw_run_csv):
    result = diff_runs(raw_run, raw_run_csv)
    assert result.n_differences == 0
    assert {t.table for t in result.tables} >= {"documents", "meetings", "people", "directives"}
    assert all(t.old_rows == t.new_rows for t in result.tables)
    proc = cli("diff", raw_run, raw_run_csv)
    assert proc.exit_code == 0, proc.output
    assert "the runs agree" in proc.stdout


def test_one_edited_page_is_all_the_diff_shows(raw_run, edited_run, tmp_path):
    result = diff_runs(raw_run, edited_run, ignore=["documents.path"])
    by_doc = result.by_document()
    assert list(by_doc) == [EDITED_DOC]
    changes = {(c.table, c.kind): c for c in by_doc[EDITED_DOC]}
    assert set(changes["documents", "changed"].columns) == {"text_hash"}  # same length, other text
    assert changes["meetings", "changed"].columns["venue"] == (OLD_VENUE[1:], NEW_VENUE[1:])
    assert changes["meetings", "changed"].key == f"{EDITED_DOC}:m1"
    assert not any(c.kind in ("added", "removed") for c in by_doc[EDITED_DOC])

    proc = cli("diff", raw_run, edited_run, "--ignore", "documents.path", "--json", tmp_path / "diff.json")
    assert proc.exit_code == 1
    assert EDITED_DOC in proc.stdout and NEW_VENUE[1:] in proc.stdout
    saved = json.loads((tmp_path / "diff.json").read_text(encoding="utf-8"))
    assert saved["n_differences"] == result.n_differences and list(saved["documents"]) == [EDITED_DOC]
    venue = next(c for c in saved["documents"][EDITED_DOC] if c["table"] == "meetings")["columns"]["venue"]
    assert venue == [OLD_VENUE[1:], NEW_VENUE[1:]]
    assert cli("diff", raw_run, edited_run, "--ignore", "documents.path",
               "--max-changed", result.n_differences).exit_code == 0
    # every page's path differs between the two input folders unless ignored
    assert diff_runs(raw_run, edited_run).n_differences > result.n_differences


def test_rows_whose_ids_shifted_are_moved_not_removed_and_added():
    columns = ["doc_id", "person_id", "name", "title", "start", "end"]
    old = [{"doc_id": "a", "person_id": "a:p1", "name": "张三", "title": "主任", "start": "0", "end": "2"}]
    new = [{"doc_id": "a", "person_id": "a:p1", "name": "李四", "title": "处长", "start": "0", "end": "2"},
           {"doc_id": "a", "person_id": "a:p2", "name": "张三", "title": "主任", "start": "9", "end": "11"}]
    changes = pair_rows("people", columns, old, new)
    kinds = sorted((c.kind, c.key) for c in changes)
    assert kinds == [("added", "a:p1"), ("moved", "a:p2")]
    moved = next(c for c in changes if c.kind == "moved")
    assert moved.columns == {"person_id": ("a:p1", "a:p2"), "start": ("0", "9"), "end": ("2", "11")}


def test_a_new_column_and_a_new_table_are_differences(tmp_path):
    old = write_tables(tmp_path / "old", {"documents": [{"doc_id": "001", "status": "ok"}]})
    new = write_tables(tmp_path / "new", {"documents": [{"doc_id": "001", "status": "ok", "kind": "x"}],
                                          "texts": [{"doc_id": "001", "text": "会议"}]})
    result = diff_runs(old, new)
    documents = next(t for t in result.tables if t.table == "documents")
    assert documents.columns_added == ["kind"] and not documents.changes
    texts = next(t for t in result.tables if t.table == "texts")
    assert [c.kind for c in texts.changes] == ["added"]
    assert result.n_differences == 2
    proc = cli("diff", old, new)
    assert proc.exit_code == 1 and "documents: column added: kind" in proc.stdout
    assert diff_runs(old, new, ignore=["kind", "texts.text", "texts.doc_id"]).n_differences == 0


def test_the_samples_match_the_reviewed_expected_output(raw_run):
    """The CI recipe: regenerate with `make expected` when a change is meant."""
    expected = ROOT / "tests" / "expected" / "raw"
    result = diff_runs(expected, raw_run, ignore=["documents.path"])
    listing = "\n".join(f"{c.table} {c.kind} {c.key} {c.columns or c.row}"
                        for t in result.tables for c in t.changes[:20])
    assert result.n_differences == 0, (
        f"the samples' output differs from tests/expected/raw; if the change is meant, run `make expected`"
        f" and review `git diff tests/expected`:\n{listing}")


# ---------------------------------------------------------------- query

def test_query_reads_the_run_tables(raw_run):
    columns, rows = run_query(raw_run, "SELECT doc_id, count(*) AS n FROM meetings GROUP BY doc_id ORDER BY doc_id")
    meetings = pd.read_parquet(raw_run / "meetings.parquet")
    assert columns == ["doc_id", "n"]
    assert rows == sorted(meetings.groupby("doc_id").size().items())


def test_query_writes_csv_and_parquet(raw_run, tmp_path):
    sql = ("SELECT name, title FROM (SELECT person_id, name, unnest(titles) AS title FROM people)"
           " ORDER BY person_id, title;")
    assert export_query(raw_run, sql, tmp_path / "p.csv", "csv") == export_query(raw_run, sql, tmp_path / "p.parquet", "parquet")
    people = pd.read_parquet(raw_run / "people.parquet").explode("titles").dropna(subset=["titles"])
    assert pd.read_csv(tmp_path / "p.csv")["name"].tolist() == pd.read_parquet(tmp_path / "p.parquet")["name"].tolist()
    assert len(pd.read_csv(tmp_path / "p.csv")) == len(people)


def test_query_of_a_csv_folder_keeps_declared_types(tmp_path):
    folder = write_tables(tmp_path / "out", {"documents": [{"doc_id": "007", "status": "ok", "n_chars": 12}]})
    assert run_query(folder, "SELECT doc_id, n_chars + 1 FROM documents") == (["doc_id", "(n_chars + 1)"], [("007", 13)])


def test_query_errors_name_the_tables(raw_run):
    with pytest.raises(QueryError, match="tables: .*meetings"):
        run_query(raw_run, "SELECT nothing FROM meetings")
    proc = cli("query", raw_run, "SELECT * FROM nowhere")
    assert proc.exit_code == 2 and "nowhere" in proc.stderr
    assert cli("query", raw_run, "SELECT 1", "--csv", "a.csv", "--parquet", "b.parquet").exit_code == 2


def test_query_also_reads_the_duckdb_file_alone(raw_run, tmp_path):
    from pipeline import store
    from pipeline.views import outputs

    assert outputs.DUCKDB_NAME == store.DUCKDB_NAME
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "meetings.duckdb").write_bytes((raw_run / "meetings.duckdb").read_bytes())
    (n,), = run_query(tmp_path / "out", "SELECT count(*) FROM people")[1]
    assert n == len(pd.read_parquet(raw_run / "people.parquet"))


# ---------------------------------------------------------------- show

def _strip_tags(markup: str) -> str:
    markup = re.sub(r'<span style="background: [^"]*; z-index: 10;[^>]*>.*?</span>', "", markup, flags=re.S)
    return re.sub(r"<[^>]+>", "", markup)


def test_displacy_lines_keep_the_text_as_written():
    text = "上午,张三在会议室主持会议。\n李四出席"
    spans = [Highlight(3, 5, "PERSON"), Highlight(6, 9, "VENUE"), Highlight(3, 14, "ITEM"), Highlight(15, 17, "PERSON")]
    lines = displacy_lines(text, spans)
    assert len(lines) == 2
    assert [_strip_tags(line).strip() for line in lines] == text.split("\n")
    assert "VENUE" in lines[0] and "ITEM" in lines[0] and "PERSON" in lines[1] and "VENUE" not in lines[1]


def test_every_mention_of_a_name_and_the_title_beside_it():
    text = "副校长张立峰主持会议,张立峰强调,王五处长发言"
    people = [{"name": "张立峰", "title": "副校长"}, {"name": "王五", "title": "处长"}]
    spans = {(text[h.start:h.end], h.label, h.start) for h in mention_spans(text, people)}
    assert spans == {("副校长", "TITLE", 0), ("张立峰", "PERSON", 3), ("张立峰", "PERSON", 11),
                     ("王五", "PERSON", 17), ("处长", "TITLE", 19)}


def test_directive_tree_nests_by_level():
    items = [{"marker": "一是", "text": "抓安全", "level": 1, "speaker": "张三"},
             {"marker": "1.", "text": "查隐患", "level": 2},
             {"marker": "2.", "text": "补短板", "level": 2},
             {"marker": "二是", "text": "抓发展", "level": 1, "kind": "other"}]
    tree = ET.fromstring(f"<div>{directive_tree(items)}</div>")
    top = tree.find("ul").findall("li")
    assert [li.find("span").text for li in top] == ["一是", "二是"]
    assert [li.find("span").text for li in top[0].find("ul").findall("li")] == ["1.", "2."]
    assert top[0].find("span[@class='speaker']").text == "张三"
    assert top[1].get("class") == "item other"


def test_highlights_point_at_what_the_tables_say(raw_run):
    run = RunOutput(raw_run)
    from pipeline.views.show import cleaned_text

    document = run.table("documents", EDITED_DOC).iloc[0].to_dict()
    page_text = cleaned_text(run, document)
    # the run has a texts table: the text every offset points into
    assert page_text.text and not page_text.stale and "texts table" in page_text.source
    spans = highlights(run, EDITED_DOC, page_text.text)
    meeting = run.table("meetings", EDITED_DOC).iloc[0]
    found = {(page_text.text[h.start:h.end], h.label) for h in spans}
    assert (meeting["venue"], "VENUE") in found and (meeting["chair"], "PERSON") in found
    for item in run.table("directives", EDITED_DOC).itertuples():
        assert page_text.text[item.start:item.end] == item.text
    assert {h.label for h in spans} >= {"PERSON", "DATE", "VENUE", "TITLE"}


def test_show_page_has_the_text_and_a_card_per_meeting(raw_run, tmp_path):
    target = write_show(raw_run, "d000", tmp_path / "d000.html")
    markup = target.read_text(encoding="utf-8")
    meetings = pd.read_parquet(raw_run / "meetings.parquet").query("doc_id == 'd000'")
    assert markup.count('class="card"') == len(meetings) == 3
    assert 'class="spans"' in markup and "<script" not in markup and "<link" not in markup
    for chair in meetings.chair.dropna():
        assert f"<dd>{chair}</dd>" in markup
    directives = pd.read_parquet(raw_run / "directives.parquet").query("doc_id == 'd000'")
    assert markup.count('<li class="item') == len(directives)


def test_show_prefers_a_texts_table_and_says_when_the_text_changed(raw_run, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("documents", "meetings", "people"):
        (out / f"{name}.parquet").write_bytes((raw_run / f"{name}.parquet").read_bytes())
    con = duckdb.connect()
    text = "2016年10月25日上午,高汉义主持召开会议。"
    con.execute(f"COPY (SELECT '{EDITED_DOC}' AS doc_id, '{text}' AS text) TO '{(out / 'texts.parquet').as_posix()}'")
    markup = render_show(RunOutput(out), EDITED_DOC)
    assert "texts table" in markup and "its hash differs" in markup
    assert "ITEM" not in re.sub(r"<div class=\"legend\">.*?</div>", "", markup, flags=re.S)  # no directives table here


def test_show_of_a_failed_page_gives_the_reason_and_unknown_ids_a_hint(mixed_run):
    run = RunOutput(mixed_run)
    reason = run.table("documents", "broken")["error"].iloc[0]
    assert reason and reason in render_show(run, "broken")
    with pytest.raises(UnknownDocument, match="did you mean d017"):
        render_show(run, "d01")
    proc = cli("show", mixed_run, "nothing-like-this")
    assert proc.exit_code == 2 and "no document" in proc.stderr


# ---------------------------------------------------------------- report

MEETINGS = pd.DataFrame([
    {"doc_id": "a", "meeting_id": "a:m1", "date": "2024-03-05", "venue": "会议室", "chair": "张三", "organizer": "党委"},
    {"doc_id": "a", "meeting_id": "a:m2", "date": "2024-03-20", "venue": None, "chair": None, "organizer": None},
    {"doc_id": "b", "meeting_id": "b:m1", "date": "XXXX-04-01", "venue": None, "chair": "张三", "organizer": "党委"},
])
PARTICIPANTS = pd.DataFrame([
    {"meeting_id": "a:m1", "name": "张三", "role": "chair"}, {"meeting_id": "a:m1", "name": "李四", "role": "attendee"},
    {"meeting_id": "a:m1", "name": "王五", "role": "attendee"}, {"meeting_id": "b:m1", "name": "张三", "role": "chair"},
    {"meeting_id": "b:m1", "name": "李四", "role": "speaker"}, {"meeting_id": "b:m1", "name": "李四", "role": "attendee"},
])


def test_coverage_per_field_and_per_document():
    covered = meeting_coverage(MEETINGS, PARTICIPANTS)
    assert coverage_shares(covered) == {"date": 1.0, "venue": 1 / 3, "chair": 2 / 3, "participants": 2 / 3}
    documents = pd.DataFrame([{"doc_id": "a", "status": "ok"}, {"doc_id": "b", "status": "ok"},
                              {"doc_id": "c", "status": "ok"}, {"doc_id": "d", "status": "error"}])
    ranked = document_coverage(documents, covered)
    assert [(d["doc_id"], d["coverage"]) for d in ranked] == [("c", 0.0), ("a", 0.625), ("b", 0.75)]
    assert ranked[1]["missing"] == ["venue", "chair", "participants"]


def test_meetings_per_month_by_kind_when_the_run_has_kinds():
    per_kind, undated = meetings_per_month(MEETINGS)
    assert per_kind == {"all": {"2024-03": 2}} and undated == 1
    kinds = MEETINGS.assign(kind=["党委会", "办公会", "党委会"])
    per_kind, _ = meetings_per_month(kinds)
    assert per_kind == {"党委会": {"2024-03": 1}, "办公会": {"2024-03": 1}}


def test_rankings_and_the_co_participation_network():
    assert active_participants(PARTICIPANTS) == [("张三", 2), ("李四", 2), ("王五", 1)]
    people, n_meetings, edges = co_participation(PARTICIPANTS)
    assert people[:2] == ["张三", "李四"] and n_meetings["王五"] == 1
    assert edges == {("张三", "李四"): 2, ("张三", "王五"): 1, ("李四", "王五"): 1}
    directives = pd.DataFrame([{"meeting_id": "a:m1", "kind": "directive"}, {"meeting_id": "a:m1", "kind": "other"},
                               {"meeting_id": "a:m2", "kind": "directive"}])
    decisions = pd.DataFrame([{"meeting_id": "b:m1"}])
    assert per_organizer(MEETINGS, directives, decisions) == [("党委", 1, 1), ("(organizer not named)", 1, 0)]


def test_spring_layout_keeps_groups_together():
    import numpy as np

    clique = [(a, b, 1) for a in range(4) for b in range(a + 1, 4)]
    edges = clique + [(a + 4, b + 4, w) for a, b, w in clique]
    pos = spring_layout(8, edges)
    assert pos.shape == (8, 2) and np.abs(pos).max() <= 1.0
    dist = np.linalg.norm(pos[:, None] - pos[None], axis=-1)
    within = np.mean([dist[a, b] for a, b, _ in edges])
    between = np.mean([dist[a, b] for a in range(4) for b in range(4, 8)])
    assert within < between / 2
    assert np.allclose(spring_layout(8, edges), pos)


def test_report_is_self_contained_and_links_the_weakest_pages(mixed_run, tmp_path):
    target = write_report(mixed_run, tmp_path / "report.html")
    markup = target.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", markup) and "<link" not in markup
    assert markup.count("Plotly.newPlot") >= 6 and len(markup) > 1_000_000  # plotly.js is inline
    problems = re.search(r"<table id=problems>(.*?)</table>", markup, re.S).group(1)
    documents = pd.read_parquet(mixed_run / "documents.parquet").set_index("doc_id")
    assert "broken" in problems and documents.error["broken"] in problems
    assert "furniture" in problems and documents.error["furniture"] in problems
    links = re.findall(r'<a href="(show/[^"]+)">', markup)
    assert links and all((tmp_path / link).is_file() for link in links)
    n_ok = int((documents.status == "ok").sum())
    assert len(links) == min(10, n_ok)


def test_report_of_a_run_without_optional_tables(tmp_path):
    folder = write_tables(tmp_path / "out", {
        "documents": [{"doc_id": "a", "status": "ok", "n_chars": 10}],
        "meetings": MEETINGS.assign(kind=["党委会", "办公会", "党委会"]).to_dict("records")})
    markup, linked = build_report(RunOutput(folder))
    assert "Meetings per month by kind" in markup and linked == ["a"]
    assert "Fewer than two participants" in markup
