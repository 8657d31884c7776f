"""Splitting: one page, several meetings (normalize.splitting, components.splitter)."""
from __future__ import annotations

import pytest

from pipeline.normalize.splitting import meeting_ranges, patterns

from .conftest import RAW, page_of


def test_bundle_of_records_splits_at_headings():
    page = page_of(RAW / "d000.txt")
    ranges = meeting_ranges(page.text, page.body_start)
    assert len(ranges) == 3
    firsts = [page.text[a:b].split("\n")[1][:8] for a, b in ranges]
    assert firsts == ["2月28日上午,", "3月23日上午,", "为了深入贯彻党的"]
    # the link list after the report is no part of the last meeting
    assert page.text[ranges[-1][0]:ranges[-1][1]].endswith("进一步提高水平。")


def test_single_report_is_one_meeting():
    page = page_of(RAW / "d017.txt")
    assert meeting_ranges(page.text, page.body_start) == [(page.body_start, len(page.text))]


def test_forms_of_minutes_split_where_a_new_form_opens():
    text = ("时间:2023年3月5日\n地点:村委会议室\n主持人:张村长\n会议内容:讨论春耕。\n"
            "时间:2023年4月9日\n地点:村部二楼\n主持人:李书记\n会议内容:讨论防汛。")
    ranges = meeting_ranges(text)
    assert len(ranges) == 2
    assert text[ranges[1][0]:].startswith("时间:2023年4月9日")


def test_one_form_is_one_meeting():
    page = page_of(RAW / "d001.txt")
    assert len(meeting_ranges(page.text, page.body_start)) == 1


def test_sentences_end_at_chinese_stops():
    from pipeline.normalize.splitting import sentence_spans

    text = "会议由刘丽华副校长主持。付校长指出,后勤工作是学校的门面!“要加强管理。”\n记录人:李秘书"
    got = [text[a:b] for a, b in sentence_spans(text, 0, len(text))]
    assert got == ["会议由刘丽华副校长主持。", "付校长指出,后勤工作是学校的门面!", "“要加强管理。”", "记录人:李秘书"]


def test_headline_that_is_the_first_record_heading():
    text = ("学院领导班子会议纪要(一)\n2021年9月6日上午,学院在办公楼302室召开领导班子会议,院长于洪涛主持。\n"
            "学院领导班子会议纪要(二)\n2021年9月13日下午,学院在办公楼302室召开领导班子会议,党委书记夏雨主持。")
    body_start = text.index("\n") + 1
    ranges = meeting_ranges(text, body_start)
    assert len(ranges) == 2
    assert text[ranges[0][0]:].startswith("2021年9月6日")


def test_numbered_sessions_split():
    text = "2023年第一次党委会会议纪要\n3月5日,召开党委会。\n2023年第二次党委会会议纪要\n4月6日,召开党委会。"
    assert len(meeting_ranges(text)) == 2


@pytest.mark.parametrize("first, second", [
    ("篇一:学校安全工作会议记录", "篇二:学校教学工作会议记录"),
    ("【篇一】", "【篇二】"),
    ("第一篇 党支部委员会会议记录", "第二篇 党支部委员会会议记录"),
    ("会议记录范文一", "会议记录范文二"),
])
def test_bundled_model_records_split(first, second):
    text = (f"{first}\n时间:3月5日上午\n地点:会议室\n主持人:王强\n内容:讨论安全工作。\n"
            f"{second}\n4月2日下午,学校在会议室召开会议,李明主持。")
    ranges = meeting_ranges(text)
    assert len(ranges) == 2
    assert text[ranges[1][0]:].startswith(second)


def test_an_ordinal_inside_a_sentence_opens_no_record():
    text = "第一篇章是学校的发展,我们召开了会议。\n第一、加强管理\n第二、落实责任"
    assert len(meeting_ranges(text)) == 1


def test_a_news_roundup_reports_one_meeting_per_item():
    text = ("本报讯 3月2日,县长王强主持召开县政府第5次常务会议。\n会议研究了春耕工作。\n"
            "又讯 3月9日,县长王强主持召开县政府第6次常务会议。\n会议研究了防汛工作。")
    ranges = meeting_ranges(text)
    assert len(ranges) == 2 and text[ranges[1][0]:].startswith("又讯")
    # 又讯 on a line that holds no meeting opens none
    assert len(meeting_ranges("3月2日,学校召开安全会议。\n又讯 学校食堂获评A级。")) == 1


def test_a_form_with_its_date_and_time_on_two_lines_is_one_meeting():
    text = ("日期:2023年9月14日(星期四)\n时间:下午2时30分\n地点:区议会会议室\n出席者:\n主席 何国基先生\n"
            "一、通过上次会议记录")
    assert len(meeting_ranges(text)) == 1


def test_a_news_bundle_splits_at_each_further_report():
    text = ("本报讯 3月2日,镇长主持召开镇政府常务会议。\n会议研究了春耕工作。\n"
            "又讯 3月9日,镇长主持召开镇政府第二次常务会议。\n会议研究了防汛工作。")
    ranges = meeting_ranges(text)
    assert [text[a:b].split("\n")[0][:2] for a, b in ranges] == ["本报", "又讯"]
    # 又讯 inside a sentence opens nothing
    assert len(meeting_ranges("本报讯 3月2日,镇里召开会议。\n会上又讯问了几个问题。")) == 1


def test_paragraphs_that_open_with_the_day_of_the_meeting_they_hold_split():
    text = ("11月7日上午,书记王明主持召开第29次党委常委会。会议传达了文件精神。\n会议还研究了其他事项。\n"
            "11月9日下午,校长李华主持召开第25次校长办公会。会议审议通过了两个办法。")
    ranges = meeting_ranges(text)
    assert len(ranges) == 2 and text[ranges[1][0]:].startswith("11月9日下午")
    # a session of the meeting, a meeting asked for, a day that opens no meeting: one report
    assert len(meeting_ranges("3月5日上午,县人大召开常委会会议。\n3月5日下午,常委会召开第二次全体会议。")) == 1
    assert len(meeting_ranges("3月5日上午,县人大召开常委会会议。\n3月6日上午,常委会举行分组会议。")) == 1
    # …but another meeting on the afternoon of the same day is one of its own
    assert len(meeting_ranges("7月12日上午,县长主持召开常务会议。\n7月12日下午,县安委会召开全体(扩大)会议。")) == 2
    assert len(meeting_ranges("3月5日上午,县政府召开常务会议。\n6月1日,各乡镇要召开专题会议传达。")) == 1
    assert len(meeting_ranges("3月5日上午,县政府召开常务会议。\n6月1日前,各乡镇召开专题会议传达。")) == 1
    # the first paragraph must open so too
    assert len(meeting_ranges("会议传达了文件精神。\n11月9日下午,校长李华主持召开校长办公会。")) == 1
    # a short heading of its own opens its record; under one, any verb of holding a meeting serves,
    # and a paragraph that holds none (a visit) stays with the record before it
    text = ("【局务会】\n3月18日上午,县司法局召开局务会。\n【主题党日】\n3月20日下午,局机关党支部组织党员开展主题党日活动。\n"
            "【调研】\n3月21日,副县长一行到县公共法律服务中心调研。\n【例会】\n3月22日,局办公室召开周例会。")
    starts = [text[a:b].split("\n")[0] for a, b in meeting_ranges(text)]
    assert starts == ["【局务会】", "【主题党日】", "【例会】"]


def test_records_under_subheadings_and_a_roundups_items_split_together():
    text = ("镇党委理论学习中心组召开第四次集体学习会\n5月6日上午,镇党委理论学习中心组召开第四次集体学习会。\n"
            "镇人大主席团召开第九次会议\n5月6日下午,镇人大主席团召开第九次会议。\n"
            "村党组织书记例会召开\n今天上午,镇里召开村党组织书记例会。")
    starts = [text[a:b].split("\n")[0] for a, b in meeting_ranges(text)]
    assert starts == ["镇党委理论学习中心组召开第四次集体学习会", "镇人大主席团召开第九次会议", "村党组织书记例会召开"]
    text = ("7月12日上午,县长主持召开县政府常务会议。\n7月12日下午,县安委会召开2024年第三次全体(扩大)会议。\n"
            "又讯 7月11日,县政协召开主席会议。")
    assert len(meeting_ranges(text)) == 3
    # a record's heading and the dated paragraph under it open one record
    text = "村两委会议记录一\n3月5日上午,村两委召开会议。\n会议研究了春耕。\n村两委会议记录二\n4月9日上午,村两委召开会议。"
    assert [text[a:b].split("\n")[0] for a, b in meeting_ranges(text)] == ["村两委会议记录一", "村两委会议记录二"]


def test_paragraphs_that_open_on_the_time_of_the_meeting_before_split():
    text = ("9月12日下午,公司2024年第一次临时股东大会在总部召开。\n会议审议通过了三项议案。\n"
            "股东大会结束后,公司随即召开第五届董事会第一次会议,全体董事出席。\n同日,公司召开第五届监事会第一次会议。")
    starts = [text[a:b][:7] for a, b in meeting_ranges(text)]
    assert starts == ["9月12日下午", "股东大会结束后", "同日,公司召开"]
    # a meeting of no name of its own, or one asked for, opens no record
    assert len(meeting_ranges("9月12日下午,县政府召开常务会议。\n会后,各乡镇召开会议传达。")) == 1
    assert len(meeting_ranges("9月12日下午,县政府召开常务会议。\n会后,各乡镇要召开专题会议传达。")) == 1


def test_doc_sents_are_the_sentences_of_the_page():
    from pipeline.ingest import Page, clean_page
    from pipeline.nlp import load_pipeline
    from pipeline.page import analyze

    text = "区政府召开常务会议\n会议由区长王强主持。副区长李岩指出,要压实责任!“要加强督查。”\n记录:赵丽"
    page = clean_page(Page("s", "s.txt"), text)
    doc = analyze(page, load_pipeline("jieba"))
    assert [s.text for s in doc.sents] == ["区政府召开常务会议", "会议由区长王强主持。", "副区长李岩指出,要压实责任!",
                                          "“要加强督查。”", "记录:赵丽"]


@pytest.mark.parametrize("line, heading", [
    ("学校后勤工作会议记录二", True),       # record word + number
    ("会议纪要(三):", True),
    ("记录 之 4", True),
    ("第二次会议", True),                  # 第N + counter
    ("第3场", True),
    ("纪要 12", True),                     # minutes word + number
    ("校务委员会第三次会议纪要", True),     # a session named with 第N次
    ("【篇二】", True),                    # 篇N, 第N篇
    ("篇一:村民代表大会记录", True),
    ("第四篇", True),
    ("【第18期】", True),                  # the issue of a bulletin, in brackets
    ("【记录一】3月份安全工作领导小组会议", True),  # the record's number before its name
    ("记录一:支部党员大会", True),
    ("记录:李明", False),                   # a credit, no record
    ("会议强调", False),
    ("第二次提出要求的同志有三位", False),
    ("二、加强组织领导", False),
])
def test_record_headings_composed_from_their_words(line, heading):
    assert bool(patterns().record_heading.match(line)) is heading


@pytest.mark.parametrize("line, opening, field", [
    ("会议时间:2023年3月5日", True, False),
    ("日期：5月9日", True, False),
    ("时间 2023年", False, False),
    ("主持人:张三", False, True),
    ("主持 李四", False, True),
    ("会议地点:村部", False, True),
    ("参会人王五", False, True),
])
def test_form_openings_and_fields_composed_from_their_labels(line, opening, field):
    p = patterns()
    assert (bool(p.form_opening.match(line)), bool(p.form_field.match(line))) == (opening, field)
