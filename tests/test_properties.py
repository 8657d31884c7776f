"""Property-based tests (hypothesis): ingest on arbitrary bytes, HTML and
JSON never raises, and the rules on arbitrary text never raise and report
offsets that lie inside the text and cut out the strings they report.
Example counts are kept modest so that the suite stays fast."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize.meetings import (CITES_EARLIER, CLAUSE_END, HOLDS_MEETING, NOTICE_SENT, SENTENCE_END,
                                         _Sentences)
from pipeline.ingest import Page, clean_page, decode_bytes, read_pages, UndecodableError
from pipeline.normalize.items import find_items, find_markers
from pipeline.normalize.people import find_people
from pipeline.normalize.roles import assign_roles
from pipeline.normalize.structure import find_decisions, meeting_name
from pipeline.normalize.timex import find_timexes
from pipeline.normalize.venues import find_organizers, find_venues

# the characters meeting reports are made of, so that the rules fire often
GENRE = ("0123456789年月日时分上下午晚。，,、；：:！？\n 一二三四五六七八九十第次要是（）()《》“”"
         "召开举行会议主持出席参加列席缺席讲话强调指出要求传达学习审议通过决定同意批准"
         "县市区镇村校委员会政府党在于室厅楼号记录时间地点主持人参会人员"
         "王李张刘陈赵周吴孙马书记主任校长局长副同志老师根据按照通知")
TEXT = st.one_of(st.text(max_size=200), st.text(alphabet=GENRE, max_size=400))
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def inside(text: str, start, end) -> bool:
    return start is not None and end is not None and 0 <= start <= end <= len(text)


# ---------------------------------------------------------------- ingest

@SETTINGS
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ""]))
def test_reading_arbitrary_bytes_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(data)
        pages = list(read_pages(path, Path(folder)))
    assert pages and all(p.status in ("ok", "empty", "error") for p in pages)
    assert all(p.error for p in pages if p.status == "error")


@SETTINGS
@given(markup=st.lists(st.one_of(TEXT, st.sampled_from(
    ["<p>", "</p>", "<div>", "<br/>", "<script>", "</script>", "<title>", "</title>", "<h1>", "</h1>",
     "<![foo]>", "<!--", "-->", "<!DOCTYPE html>", "<meta name='pubdate' content='2023-05-15'>", "&nbsp;", "&#x"])),
    max_size=30).map("".join))
def test_reading_arbitrary_html_never_raises(markup):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(markup, encoding="utf-8")
        (page,) = read_pages(path, Path(folder))
    assert page.status in ("ok", "empty", "error")


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.sampled_from(["text", "title", "id", "content", "published", "url", "x"]),
                                             children, max_size=5), max_leaves=20)


@SETTINGS
@given(value=JSON_VALUES, lines=st.booleans())
def test_reading_arbitrary_json_never_raises(value, lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("export.jsonl" if lines else "export.json")
        records = value if lines and isinstance(value, list) else [value]
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) if lines
                        else json.dumps(value, ensure_ascii=False), encoding="utf-8")
        pages = list(read_pages(path, Path(folder)))
    assert all(p.status in ("ok", "empty", "error") for p in pages)
    # ids of a JSON file are unique but for a record repeated whole (kept once in the tables)
    assert len({p.doc_id for p in pages}) == len({(p.doc_id, p.text) for p in pages})


@SETTINGS
@given(data=st.binary(max_size=400))
def test_decoding_gives_text_or_a_clear_refusal(data):
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(raw=TEXT)
def test_cleaning_keeps_its_offsets_inside_the_text(raw):
    page = clean_page(Page("x", "x.txt"), raw)
    assert 0 <= page.body_start <= len(page.text)
    for line, start, end in page.bylines:
        assert page.text[start:end] == line


# ---------------------------------------------------------------- rules

@SETTINGS
@given(text=TEXT)
def test_timexes_cut_out_their_text(text):
    for t in find_timexes(text):
        assert inside(text, t.start, t.end) and text[t.start:t.end] == t.text


@SETTINGS
@given(text=TEXT)
def test_markers_and_items_lie_inside_the_text(text):
    for m in find_markers(text, 0, len(text)):
        assert inside(text, m.start, m.end) and text[m.start:m.end] == m.text
    for meeting, item in find_items(text, [(0, len(text))]):
        assert meeting == 0
        assert inside(text, item.start, item.end) and inside(text, item.marker_start, item.marker_end)


@SETTINGS
@given(text=TEXT)
def test_people_and_their_roles_lie_inside_the_text(text):
    mentions = find_people(text)
    for m in mentions:
        assert inside(text, m.start, m.end) and text[m.start:m.end] == m.name
    for k, role, cue_start, cue_end in assign_roles(text, mentions):
        assert 0 <= k < len(mentions) and role and inside(text, cue_start, cue_end)


@SETTINGS
@given(text=TEXT)
def test_venues_organizers_names_and_decisions_lie_inside_the_meeting(text):
    n = len(text)
    for a, b in find_venues(text, 0, n) + find_organizers(text, 0, n, find_people(text)):
        assert inside(text, a, b) and a < b
    name = meeting_name(text, 0, n)
    assert name is None or inside(text, *name)
    for d in find_decisions(text, 0, n):
        assert inside(text, d.start, d.end)


def holds_meeting_by_scanning(text: str, i: int, lo: int, hi: int) -> bool:
    """The quadratic form _Sentences replaced: scan back from each date."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, lo, i)), default=lo)
    stop = SENTENCE_END.search(text, i, hi)
    sentence = text[start:stop.start() if stop else hi]
    clause = max((m.end() for m in CLAUSE_END.finditer(text, start, i)), default=start)
    clause_stop = CLAUSE_END.search(text, i, stop.start() if stop else hi)
    if NOTICE_SENT.search(text, clause, clause_stop.start() if clause_stop else (stop.start() if stop else hi)):
        return False
    return bool(HOLDS_MEETING.search(sentence)) and not CITES_EARLIER.search(text[clause:i])


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="。,，;\n召开会议根据按照贯彻时间:日期5月通知于发出送达", max_size=80), data=st.data())
def test_the_sentence_index_answers_as_the_scan_did(text, data):
    sentences = _Sentences(text, 0, len(text))
    for i in sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))):
        assert sentences.holds_meeting(i) == holds_meeting_by_scanning(text, i, 0, len(text))
