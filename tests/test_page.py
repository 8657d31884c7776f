"""pipeline.page: one page end to end, and what a page that fails keeps."""
from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.ingest import Page, clean_page
from pipeline.nlp import build_pipeline, load_pipeline
from pipeline.page import analyze, failure_record, process_page
from pipeline.tables import TABLES

REPORT = ("镇政府召开安全生产工作会议\n2024年4月8日上午,镇政府在二楼会议室召开安全生产工作会议,"
          "镇长刘建国主持会议,副镇长陈小华出席。会议要求:一要排查隐患;二要落实责任。")


class ExtractionBroke(RuntimeError):
    pass


@Language.component("test_raises_on_every_page")
def raises_on_every_page(doc):
    raise ExtractionBroke("a rule failed on this page")


@pytest.fixture(scope="module")
def breaking_nlp():
    """The real pipeline with one more stage at the end that raises."""
    nlp = build_pipeline("jieba")
    nlp.add_pipe("test_raises_on_every_page")
    return nlp


def test_a_page_runs_through_to_its_rows():
    rows = process_page(clean_page(Page("p", "p.txt"), REPORT), load_pipeline("jieba"))
    assert set(rows) == set(TABLES)
    assert rows["documents"][0]["status"] == "ok" and rows["documents"][0]["n_meetings"] == 1
    assert rows["meetings"][0]["chair"] == "刘建国" and rows["meetings"][0]["date"] == "2024-04-08"
    assert [d["marker"] for d in rows["directives"]] == ["一要", "二要"]


def test_a_page_whose_extraction_raises_keeps_its_documents_row_and_its_text(breaking_nlp):
    page = clean_page(Page("broken", "broken.txt"), REPORT)
    rows = process_page(page, breaking_nlp)
    document = rows["documents"][0]
    assert document["status"] == "error"
    assert document["error"] == "extraction failed: ExtractionBroke: a rule failed on this page"
    assert document["n_chars"] == len(page.text) and document["text_hash"] is not None
    assert rows["texts"] == [{"doc_id": "broken", "text": page.text}]
    assert not rows["meetings"] and not rows["people"]
    # the run's log gets the traceback of the failure
    record = failure_record(page, "broken.txt")
    assert record["error"] == document["error"] and "ExtractionBroke" in record["traceback"]


def test_a_page_that_was_not_read_gets_its_documents_row_alone(breaking_nlp):
    page = Page("unread", "unread.bin", status="error", error="binary file: not a text")
    rows = process_page(page, breaking_nlp)  # not analysed: the breaking stage is never reached
    assert [(d["status"], d["error"]) for d in rows["documents"]] == [("error", "binary file: not a text")]
    assert all(not rows[table] for table in TABLES if table != "documents")


def test_organizations_are_the_cleaned_bodies_the_meetings_name():
    # the subject of 召开 carries the time and the people it gathers: neither is the body
    text = ("幼儿园召开家长会\n今天下午藕塘中心幼儿园组织全体教师召开新学期家长会,园长王丽萍主持。"
            "会后,各班持续召开班级家长会。")
    nlp = load_pipeline("jieba")
    page = clean_page(Page("o", "o.txt"), text)
    rows = process_page(page, nlp)
    assert [r["text"] for r in rows["organizations"]] == ["藕塘中心幼儿园", "各班"]
    assert rows["meetings"][0]["organizer"] == "藕塘中心幼儿园"
    doc = analyze(clean_page(Page("o", "o.txt"), text), nlp)
    assert [s.text for s in doc.spans["organizations"]] == ["藕塘中心幼儿园", "各班"]


def test_the_headline_names_the_meeting_when_it_names_it_more_completely():
    nlp = load_pipeline("jieba")
    fuller = "区政府召开第2次区长办公会议\n3月3日,区长王建国主持召开区长办公会议,研究近期工作。"
    assert process_page(clean_page(Page("h", "h.txt"), fuller), nlp)["meetings"][0]["name"] == "第2次区长办公会议"
    other = "区政府召开专题会议\n3月3日,区长王建国主持召开区长办公会议,研究近期工作。"
    assert process_page(clean_page(Page("h", "h.txt"), other), nlp)["meetings"][0]["name"] == "区长办公会议"


def test_a_sign_off_dates_the_page_and_is_no_date_of_the_meeting():
    text = "6月18日下午,商会在会议室召开常委会例会,会长潘立军主持。\n某某商会\n2016年6月18日"
    rows = process_page(clean_page(Page("s", "s.txt"), text), load_pipeline("jieba"))
    assert rows["documents"][0]["published"] == "2016-06-18"
    assert rows["meetings"][0]["date"] == "2016-06-18"
    assert [d["text"] for d in rows["dates"]] == ["6月18日下午"]
