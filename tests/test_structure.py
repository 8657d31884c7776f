"""The meeting-structure layer: names, decisions and participants."""
from __future__ import annotations

import pytest

from pipeline.normalize.structure import find_decisions, meeting_name, name_from_headline


def name(text):
    found = meeting_name(text, 0, len(text))
    return text[found[0]:found[1]] if found else None


def decisions(text):
    return [(text[d.start:d.end], d.document) for d in find_decisions(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("3月2日,区政府召开2024年第八次常务会议,区长主持。", "2024年第八次常务会议"),
    ("5月9日,学校在报告厅举行新学期开学典礼暨教师大会。", "新学期开学典礼暨教师大会"),
    ("镇党委召开了一次党建工作推进会,镇长出席。", "党建工作推进会"),
    ("社区组织开展居民代表大会,审议年度计划。", "居民代表大会"),
    ("会议强调,要落实责任。", None),
    # attending names the meeting too; the subject of 在…举行 when no verb holds it
    ("8月25日,全体教师参加新学期的第一次校务会议。", "新学期的第一次校务会议"),
    ("区政协第五届第二次主席会议12日下午在区政府举行。", "区政协第五届第二次主席会议"),
    # ... but a body that holds the meeting is no name, nor is a list marker
    ("生态学会于11月在昆明隆重召开。", None),
    ("(三)本次董事会会议于5月8日在公司举行。", "董事会会议"),
])
def test_meeting_name_is_what_is_held(text, expected):
    assert name(text) == expected


@pytest.mark.parametrize("title, expected", [
    ("村民议事会议纪要", "村民议事会议"), ("某某小学召开家长会", "家长会"), ("春季植树活动", None), (None, None),
])
def test_name_from_headline(title, expected):
    assert name_from_headline(title) == expected


@pytest.mark.parametrize("text, expected", [
    # the body decides; each document acted on is an entry
    ("会议审议通过了《财务管理办法》《采购制度》。",
     [("审议通过了《财务管理办法》《采购制度》", "财务管理办法"), ("审议通过了《财务管理办法》《采购制度》", "采购制度")]),
    ("会上研究决定,成立安全工作领导小组。", [("研究决定,成立安全工作领导小组", None)]),
    # a series opened by the body goes on with bare verbs
    ("会议同意年度预算方案;通过李明为协会副秘书长。",
     [("同意年度预算方案", None), ("通过李明为协会副秘书长", None)]),
    # entries under a heading that announces decisions
    ("议定事项:\n1、同意增加防汛经费\n2、批准村道修缮计划\n散会。",
     [("同意增加防汛经费", None), ("批准村道修缮计划", None)]),
    # a speaker's requirement and a means are no decisions
    ("张书记强调,要决定性地推进改革。", []),
    ("通过学习,大家提高了认识。", []),
])
def test_decisions(text, expected):
    assert decisions(text) == expected


def test_participants_exclude_the_cited_and_the_author():
    from pipeline.ingest import Page
    from pipeline.nlp import load_pipeline
    from pipeline.tables import page_rows

    text = ("镇政府召开安全生产会议\n文/记者 周文\n3月5日上午,镇政府在三楼会议室召开安全生产会议。"
            "镇长王海主持会议,副镇长李强、刘明出席,张红缺席。会议传达学习了陈国书记在全会上的讲话。"
            "会议审议通过了《安全生产责任制》。")
    page = Page(doc_id="t", path="t", text=text, title="镇政府召开安全生产会议", body_start=text.index("3月"))
    rows = page_rows(page, load_pipeline("jieba"))
    roles = {(r["name"], r["role"]) for r in rows["participants"]}
    assert {("王海", "chair"), ("李强", "attendee"), ("刘明", "attendee"), ("张红", "absent")} <= roles
    assert not {name for name, _ in roles} & {"陈国", "周文"}
    assert rows["meetings"][0]["name"] == "安全生产会议"
    assert [(d["text"], d["document"]) for d in rows["decisions"]] == [("审议通过了《安全生产责任制》", "安全生产责任制")]


@pytest.mark.parametrize("text, taking_part, not_taking_part", [
    ("会上,镇长王海作了重要讲话,副镇长李强汇报了工作,会议传达了习近平总书记重要讲话精神。",
     {"王海", "李强"}, {"习近平"}),
    ("会议由书记吴涛主持。大家诵读了毛泽东同志的文章,县委书记赵刚在全会上的讲话也一并学习。",
     {"吴涛"}, {"毛泽东", "赵刚"}),
    ("理事长韩明主持会议,应到理事九人,实到九人,其中理事孙伟、钱丽为通讯表决。", {"韩明", "孙伟", "钱丽"}, set()),
])
def test_who_takes_part(text, taking_part, not_taking_part):
    from pipeline.ingest import Page
    from pipeline.nlp import load_pipeline
    from pipeline.tables import page_rows

    text = "某某单位召开会议\n3月5日上午,某某单位召开工作会议。" + text
    page = Page(doc_id="t", path="t", text=text, title="某某单位召开会议", body_start=text.index("3月"))
    names = {r["name"] for r in page_rows(page, load_pipeline("jieba"))["participants"] if r["role"] != "absent"}
    assert taking_part <= names and not names & not_taking_part
