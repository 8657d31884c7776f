"""The assembled spaCy pipeline: every segmenter, saving and loading, and
the extraction on the sample pages against the dev gold."""
from __future__ import annotations

import pytest
import spacy

from pipeline.ingest import Page, clean_page
from pipeline.nlp import STAGES, build_pipeline, load_pipeline
from pipeline.page import analyze, process_page
from pipeline.segment import PKUSEG_MODEL_DIR
from pipeline.tables import TABLES

from .conftest import RAW, page_of

needs_pkuseg = pytest.mark.skipif(not (PKUSEG_MODEL_DIR / "weights.npz").exists(),
                                  reason="run `make models` to build the pkuseg model")
SEGMENTERS = ["jieba", "jieba-py", pytest.param("pkuseg", marks=needs_pkuseg)]


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_segmenter_tokens_keep_titles_whole(segmenter):
    nlp = load_pipeline(segmenter)
    doc = nlp.make_doc("2月28日上午,副校长张立峰在一号楼第五会议室主持召开会议")
    words = [t.text for t in doc]
    assert "副校长" in words and "会议室" in "".join(words)
    assert doc.text == "2月28日上午,副校长张立峰在一号楼第五会议室主持召开会议"


@needs_pkuseg
def test_the_two_segmenters_differ():
    text = "陕西省委书记胡和平、省长刘国中和江苏省长吴政隆出席会议"
    jieba_words = [t.text for t in load_pipeline("jieba").make_doc(text)]
    pkuseg_words = [t.text for t in load_pipeline("pkuseg").make_doc(text)]
    assert jieba_words != pkuseg_words


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_span_groups_are_the_records_even_where_a_word_crosses_a_name(segmenter):
    # jieba reads 长马 and 兴瑞发 here: the name's edges fall inside its words
    text = "2024年3月5日上午,广东省长马兴瑞发了言,副省长王伟中在省政府礼堂主持会议。会议要求:一是压实责任。"
    page = clean_page(Page("span-test", "span-test.txt"), "省政府召开常务会议\n" + text)
    doc = analyze(page, load_pipeline(segmenter))
    records = {"people": [(m.start, m.end) for m in doc._.mentions], "timex": [(t.start, t.end) for t in doc._.timexes],
               "roles": [(r.start, r.end) for r in doc._.roles], "items": [(i.start, i.end) for _, i in doc._.items],
               "venues": [(a, b) for a, b, _ in doc._.venues]}
    assert [doc.text[a:b] for a, b in records["people"]] == ["马兴瑞", "王伟中"]
    for key, ranges in records.items():
        assert [(s.start_char, s.end_char) for s in doc.spans[key]] == ranges, key
    assert doc.text == page.text and "".join(t.text_with_ws for t in doc) == page.text


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_saved_pipeline_loads_with_its_config(tmp_path, segmenter):
    nlp = build_pipeline(segmenter)
    nlp.to_disk(tmp_path / "nlp")
    config = (tmp_path / "nlp" / "config.cfg").read_text(encoding="utf-8")
    assert f'segmenter = "{segmenter}"' in config
    assert "lookback_chars = 12" in config and "narrative_reach = 40" in config  # the rules' windows are config
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == STAGES
    assert loaded.tokenizer.backend == segmenter
    sentence = "3月5日，县委书记李岩针对防汛工作作了讲话，副县长王强调研了堤防。"
    assert [t.text for t in loaded.make_doc(sentence)] == [t.text for t in nlp.make_doc(sentence)]
    page = page_of(RAW / "d017.txt")
    doc = analyze(page, loaded)
    assert doc._.meetings[0]["chair"] == "高汉义"


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_sample_pages_match_the_gold(segmenter, dev_gold):
    nlp = load_pipeline(segmenter)
    for path in sorted(RAW.glob("*.txt")):
        page = page_of(path)
        gold = dev_gold[page.doc_id]
        rows = process_page(page, nlp)
        meetings = rows["meetings"]
        assert [m["date"] for m in meetings] == [g["date"] for g in gold["meetings"]], page.doc_id
        assert [m["chair"] for m in meetings] == [g["chair"] for g in gold["meetings"]], page.doc_id
        assert {p["name"] for p in rows["people"]} == {p["name"] for p in gold["people"]}, page.doc_id
        assert [d["value"] for d in rows["dates"]] == [t["value"] for t in gold["timex"]], page.doc_id


def test_offsets_point_into_the_cleaned_text():
    page = page_of(RAW / "d000.txt")
    rows = process_page(page, load_pipeline("jieba"))
    assert rows["texts"] == [{"doc_id": page.doc_id, "text": page.text}]
    for table in ("people", "dates", "venues", "directives", "roles", "participants", "decisions"):
        for row in rows[table]:
            if row.get("start") is None:
                continue
            text = page.text[row["start"]:row["end"]]
            expected = row.get("text") or row.get("name")
            if table in ("people", "roles") and "校长" in text and text != expected:
                continue  # an alias mention (付校长) of the full name
            assert text == expected, (table, row)
    assert set(rows) == set(TABLES)
    for table, schema in TABLES.items():
        for row in rows[table]:
            assert set(row) == set(schema.names), table


def test_messy_pages_report_names_as_written():
    from pipeline.ingest import Page, clean_page

    nlp = load_pipeline("jieba")
    # pinyin glosses between the characters of names
    raw = "国务(wù)院总理李(lǐ)强(qiáng)10日主(zhǔ)持召(zhào)开(kāi)国务(wù)院常务(wù)会议,部署防汛工作。"
    glossed = process_page(clean_page(Page("x", "x.txt"), raw), nlp)
    assert glossed["meetings"][0]["chair"] == "李强"
    assert {p["name"] for p in glossed["people"]} == {"李强"}
    # a Traditional-script page: analysed in Simplified, reported in Traditional
    traditional = process_page(page_of(RAW / "d004.txt"), nlp)
    assert traditional["meetings"][0]["chair"] == "李克強"
    assert ("劉國中", "省長") in {(p["name"], t) for p in traditional["people"] for t in p["titles"]}
    assert traditional["documents"][0]["title"].startswith("李克強主持召開")


def test_html_residue_and_literal_line_breaks(tmp_path):
    raw = ("<p>3月6日上午,副校长孙少平在一号楼第四会议室主持召开安全稳定工作会议。</p>\\r\\n"
           "<div>会上,孙少平分析了学校安全稳定工作面临的形势&nbsp;。</div>")
    (tmp_path / "residue.txt").write_text(raw, encoding="utf-8")
    rows = process_page(page_of(tmp_path / "residue.txt"), load_pipeline("jieba"))
    meeting = rows["meetings"][0]
    assert (meeting["date"], meeting["venue"], meeting["chair"]) == ("XXXX-03-06", "一号楼第四会议室", "孙少平")


@pytest.mark.parametrize("text, date", [
    ("2023年3月,学校召开教学工作会议,校长张三主持会议。", "2023-03-XX"),           # month only: day unknown
    ("为迎接10月份即将召开的党的二十大。9月30日,副校长徐振祥主持召开研判会。", "XXXX-09-30"),
    ("村民会议记录\n日期:2023年10月15日\n下次会议时间:\n2023年11月15日", "2023-10-15"),
    ("根据2023年5月10日省教育厅通知要求,6月1日,我局召开安全工作会议,局长张三主持会议。", "2023-06-01"),
    # the day the notice went out is not the day of the meeting
    ("第八届监事会第九次会议通知于2024年8月16日以电子邮件方式发出,会议于2024年8月26日在公司会议室召开。", "2024-08-26"),
    # a form's time field, numbered (一、時間:) or named with both (日期及時間:)
    ("某縣縣務會議紀錄\n一、時間:中華民國113年5月6日上午9時\n二、地點:本府四樓會議室\n"
     "三、主席致詞:各單位預算執行率應於6月30日前達到50%以上,提請會議注意。", "2024-05-06"),
    ("區議會第三次會議紀錄\n日期及時間:2024年4月16日下午2時30分\n地點:會議廳\n"
     "2. 秘書處已於4月9日向議員發出會議紀錄擬稿,會議通過該紀錄。", "2024-04-16"),
])
def test_meeting_date(text, date):
    from pipeline.ingest import Page

    rows = process_page(Page("x", "x.txt", text=text), load_pipeline("jieba"))
    assert rows["meetings"][0]["date"] == date


def test_records_that_name_no_meeting_take_the_name_of_the_minutes_headline():
    from pipeline.ingest import Page

    text = ("【第12次】\n时间:2021年6月25日上午\n地点:五楼会议室\n主持:雍振宇\n一、研究招标事宜。\n"
            "【第13次】\n时间:2021年7月7日下午\n地点:五楼会议室\n主持:雍振宇\n一、研究采购事宜。")
    rows = process_page(Page("x", "x.txt", text=text, title="总经理办公会议纪要(2021年第12次、第13次)"), load_pipeline("jieba"))
    assert [m["name"] for m in rows["meetings"]] == ["总经理办公会议", "总经理办公会议"]


def test_a_record_on_the_time_of_the_meeting_before_takes_its_day():
    from pipeline.ingest import Page

    text = ("12月15日,协会第四届会员大会在会展中心召开。\n当天下午,协会召开第四届理事会第一次会议,选举了会长。\n"
            "次日,协会召开第四届监事会第一次会议。")
    rows = process_page(Page("x", "x.txt", text=text, published="2022-12-16"), load_pipeline("jieba"))
    assert [(m["date"], m["time_of_day"]) for m in rows["meetings"]] == [
        ("2022-12-15", None), ("2022-12-15", "下午"), ("2022-12-16", None)]


@pytest.mark.parametrize("text, date_end", [
    ("4月27日、28日,县政府召开全县经济工作会议。", "XXXX-04-28"),  # the days listed after the first
    ("11月5日、6日、7日,协会在县城召开年会。", "XXXX-11-07"),
    ("4月27日、5月3日,县政府两次召开专题会议。", None),            # two days of two months: no span
    ("6月13日至16日,县政协召开全体会议。", "XXXX-06-16"),
])
def test_meeting_last_day(text, date_end):
    from pipeline.ingest import Page

    rows = process_page(Page("x", "x.txt", text=text), load_pipeline("jieba"))
    assert rows["meetings"][0]["date_end"] == date_end


@pytest.mark.parametrize("segmenter", ["jieba", "jieba-py"])
def test_fast_jieba_path_aligns_words_like_spacy(corpus_dir, segmenter):
    """The tokenizer's shortcut must give spaCy's own words and spaces."""
    from spacy.util import get_words_and_spaces

    from pipeline.normalize.script import to_simplified

    nlp = load_pipeline(segmenter)
    for path in sorted(RAW.glob("*.txt")) + sorted(corpus_dir.rglob("*.txt")):
        text = to_simplified(page_of(path).text)
        doc = nlp.make_doc(text)
        words, spaces = get_words_and_spaces([w for w in nlp.tokenizer.cut(text) if w], text)
        assert doc.text == text
        assert [t.text for t in doc] == words
        assert [bool(t.whitespace_) for t in doc] == spaces


def test_clock_time_after_the_date_is_the_meetings_time():
    from pipeline.ingest import Page

    rows = process_page(Page("x", "x.txt", text="6月2日,上午9时,公司在三楼会议室召开会议,总经理张三主持。"),
                     load_pipeline("jieba"))
    meeting = rows["meetings"][0]
    assert (meeting["date"], meeting["time_of_day"], meeting["venue"], meeting["chair"]) == (
        "XXXX-06-02", "上午9时", "三楼会议室", "张三")


def test_a_fuller_venue_named_later_wins():
    from pipeline.normalize.meetings import pick_venue

    text = "理事会在昆明召开。11月28日,学会在昆明滇池会堂二号会议厅召开理事会。"
    first, fuller = text.index("昆明"), text.index("昆明滇池")
    venues = [(first, first + 2), (fuller, fuller + len("昆明滇池会堂二号会议厅"))]
    assert text[slice(*pick_venue(text, venues))] == "昆明滇池会堂二号会议厅"
    assert pick_venue(text, venues[:1]) == venues[0] and pick_venue(text, []) is None


@pytest.mark.parametrize("text, is_template, date", [
    # model minutes: blanked names and years; the day it was posted gives them no year
    ("会议记录\n时间:3月13日上午\n主持人:xxx校长\n记录人:xxx\n参会人员:xxx、xxx", True, "XXXX-03-13"),
    # a real report of the same shape takes the year of its published date
    ("会议记录\n时间:3月13日上午\n主持人:王强校长\n记录人:李丽", False, "2024-03-13"),
])
def test_template_pages_are_flagged_and_get_no_invented_year(text, is_template, date):
    from pipeline.ingest import Page

    rows = process_page(Page("x", "x.txt", text=text, published="2024-05-02"), load_pipeline("jieba"))
    assert rows["documents"][0]["is_template"] is is_template
    assert rows["meetings"][0]["date"] == date


def test_the_time_field_under_the_date_field_gives_the_time_of_day():
    from pipeline.ingest import Page

    text = "区议会会议记录\n日期:2023年9月14日(星期四)\n时间:下午2时30分\n地点:区议会会议室\n主席:何国基\n一、通过上次会议记录"
    meeting = process_page(Page("x", "x.txt", text=text), load_pipeline("jieba"))["meetings"][0]
    assert (meeting["date"], meeting["time_of_day"], meeting["chair"]) == ("2023-09-14", "下午2时30分", "何国基")


def test_a_stale_saved_pipeline_says_to_rebuild_it(tmp_path, monkeypatch):
    import pipeline.nlp as nlp_module
    from pipeline.segment import MissingModelError

    build_pipeline("jieba").to_disk(tmp_path / "pipeline-jieba")
    config = tmp_path / "pipeline-jieba" / "config.cfg"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'meetings_key = "meetings"', 'meetings_key = "meetings"\nretired_key = "old"'), encoding="utf-8")
    monkeypatch.setattr(nlp_module, "pipeline_dir", lambda segmenter: tmp_path / f"pipeline-{segmenter}")
    with pytest.raises(MissingModelError, match="make models"):
        load_pipeline.__wrapped__("jieba")


def test_the_warm_up_page_reaches_every_rule():
    """The page a run processes before forking its workers builds every lexicon
    only if each stage finds something on it."""
    from pipeline.ingest import Page, clean_page
    from pipeline.nlp import WARM_UP_PAGE

    page = clean_page(Page("warm-up", "warm-up.txt"), WARM_UP_PAGE)
    assert page.title and page.published
    rows = process_page(page, load_pipeline("jieba"))
    for table in ("meetings", "people", "roles", "participants", "dates", "venues", "directives", "decisions"):
        assert rows[table], table


def test_the_assembler_windows_are_config():
    from pipeline.normalize.meetings import DateRules, meeting_date
    from pipeline.normalize.timex import find_timexes

    text = "6月2日，在三楼会议室，上午9时召开会议。"
    timexes = find_timexes(text, None, None)
    when, date, clock = meeting_date(text, 0, len(text), timexes)
    assert date == "XXXX-06-02" and clock is None  # the clock time is too far after the day
    when, date, clock = meeting_date(text, 0, len(text), timexes, DateRules(clock_gap_chars=10))
    assert text[clock.start:clock.end] == "上午9时"
    nlp = build_pipeline("jieba")
    nlp.replace_pipe("meeting_assembler", "meeting_assembler", config={"clock_gap_chars": 10})
    page = clean_page(Page("w", "w.txt"), "区政府召开会议\n" + text)
    assert analyze(page, nlp)._.meetings[0]["time_of_day"] == "上午9时"
    assert analyze(page, load_pipeline("jieba"))._.meetings[0]["time_of_day"] is None
