"""Stage 1: decoding, HTML, JSON, normalization, page furniture, header fields."""
from __future__ import annotations

import json
import re

import pytest

from pipeline.ingest import NEVER_NOISE, _is_noise_char, decode_bytes, normalize_text, read_pages

from .conftest import RAW, page_of

D000_SENTENCE = "2月28日上午,副校长张立峰在一号楼第五会议室主持召开会议"


def test_sample_page_keeps_title_date_and_drops_link_lists():
    page = page_of(RAW / "d000.txt")
    assert page.status == "ok"
    assert page.title == "学校后勤工作会议记录"
    assert page.published == "2023-08-18T19:21:29"
    assert D000_SENTENCE in page.text
    # the 推荐文章 list after the report carries dates that are not the page's
    assert "推荐文章" not in page.text and "2024-06-08" not in page.text
    assert page.text.rstrip().endswith("使高校后勤工作进一步提高水平。")
    assert any("文/张东东" in line for line, _, _ in page.bylines)


def test_published_line_with_other_fields(tmp_path):
    page = page_of(RAW / "d017.txt")
    assert page.title == "我院召开反恐防范安全维稳工作会议"
    assert page.published == "2016-10-26T13:14:00"
    assert page.text[page.body_start:].startswith("2016年10月25日上午")


def test_date_line_of_a_form_is_the_meeting_not_the_page():
    page = page_of(RAW / "d001.txt")
    assert page.published is None
    assert page.text[page.body_start:].startswith("日期:2023年10月15日")


def test_standalone_datetime_and_credit_value_on_next_line():
    page = page_of(RAW / "d011.txt")
    assert page.published == "2025-08-04T11:23:50"
    assert page.text[page.body_start:].startswith("为总结近期工作成效")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"])
def test_encodings_round_trip(tmp_path, encoding):
    text = "陝西省委書記胡和平、省長劉國中出席會議。" if encoding == "big5" else "副校长张立峰在一号楼第五会议室主持召开会议。"
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    decoded, used = decode_bytes(path.read_bytes())
    assert decoded.lstrip("\ufeff") == text


def test_html_page(tmp_path):
    html = ("<html><head><title>区政协召开主席会议 - 区政协网</title>"
            "<meta name='pubdate' content='2023-05-15 10:00'><script>var x=1;</script></head>"
            "<body><nav>首页 > 新闻</nav><h1>区政协召开主席会议</h1>"
            "<p>5月14日，区政协召开主席会议。区政协主席宋丕林主持会议。</p>"
            "<p>上一篇：区政协开展调研</p></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    page = next(read_pages(tmp_path / "a.html", tmp_path))
    assert page.title == "区政协召开主席会议"
    assert page.published == "2023-05-15T10:00:00"
    assert "宋丕林主持会议" in page.text
    assert "var x" not in page.text and "上一篇" not in page.text


def test_jsonl_records_and_bad_lines(tmp_path):
    records = [{"id": "a1", "title": "社区召开月度工作会议", "text": "8月4日，社区召开月度工作会议，会议由社区党委书记王国臣主持。"},
               {"id": "a2", "content": "3月6日上午，副校长孙少平主持召开安全稳定工作会议。", "url": "http://x"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["{not json"]
    (tmp_path / "export.jsonl").write_text("\n".join(lines), encoding="utf-8")
    pages = list(read_pages(tmp_path / "export.jsonl", tmp_path))
    assert [p.doc_id for p in pages] == ["export#a1", "export#a2", "export#3"]
    assert pages[0].status == "ok" and "王国臣主持" in pages[0].text
    assert pages[1].url == "http://x"
    assert pages[2].status == "error" and "invalid JSON" in pages[2].error


def test_records_that_share_an_id_keep_apart(tmp_path):
    records = [{"id": 7, "text": "社区召开月度工作会议。"}, {"id": 7, "text": "村委召开党员大会。"}, {"text": "镇政府召开例会。"},
               {"id": 7, "text": "社区召开月度工作会议。"}]
    (tmp_path / "export.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    pages = list(read_pages(tmp_path / "export.json", tmp_path))
    assert [p.doc_id for p in pages] == ["export#7", "export#7@2", "export#3", "export#7"]  # the last: sent twice


def test_undecodable_file_is_an_error_page(tmp_path):
    (tmp_path / "bad.txt").write_bytes(bytes(range(128, 256)) * 10)  # no Chinese encoding decodes this
    page = next(read_pages(tmp_path / "bad.txt", tmp_path))
    assert (page.doc_id, page.status) == ("bad", "error")
    assert "cannot read bad.txt" in page.error


def test_messy_text_is_normalized():
    raw = "国(guo)⛦(guo)务院(yuan)(yuan)总理李(li)强(qiang)３月１７日主持召开<br/>会议&nbsp;\\r\\n第二行"
    assert normalize_text(raw) == "国务院总理李强3月17日主持召开会议\n第二行"
    # a gloss may hold a space before its closing bracket: 會(huì )議
    assert normalize_text("公司二樓會(huì )議室召開(kāi )動員會(huì)") == "公司二樓會議室召開動員會"


def test_injected_symbols_go_and_the_characters_passed_over_are_never_noise():
    assert normalize_text("县长★王强🌟主持\ue000会议，“一是”……《方案》·×") == "县长王强主持会议,“一是”......《方案》·×"
    # a white circle among numerals is their zero, elsewhere a dingbat
    assert normalize_text("会长作二○二二年会务报告○") == "会长作二〇二二年会务报告"
    never = re.compile(f"[{NEVER_NOISE}]")
    assert not [hex(cp) for cp in range(0x110000) if never.match(chr(cp)) and _is_noise_char(chr(cp))]


@pytest.mark.parametrize("site", ["北京大学新闻中心", "欢迎访问某某县人民政府门户网站", "学文网",
                                  "某某日报提供每日在地新闻、时事评论、旅游动态等!"])
def test_site_name_line_is_not_the_headline(site):
    from pipeline.ingest import Page, clean_page

    page = clean_page(Page("x", "x.txt"), f"{site}\n县政府召开常务会议\n5月5日,县政府召开常务会议。")
    assert page.title == "县政府召开常务会议"


@pytest.mark.parametrize("raw, title, published", [
    # a date of its own between a byline's fields, a unit's name and its date, a stamp with seconds
    ("区人大常委会举行第五次会议\n来源:某某区人大常委会办公室　　2024-08-30　　【打印】\n8月29日上午,会议召开。",
     "区人大常委会举行第五次会议", "2024-08-30"),
    ("区政府第15次区长办公会议纪要\n某某区人民政府办公室　　　　2024年7月9日\n7月5日上午,区长主持召开会议。",
     "区政府第15次区长办公会议纪要", "2024-07-09"),
    ("区政协常委会第十一次会议召开\n某某政协网　2023-06-16 10:20:11　【字体:大 中 小】\n6月13日,会议召开。",
     "区政协常委会第十一次会议召开", "2023-06-16T10:20:11"),
    # the issue of a bulletin under its headline; a key of the page's date
    ("校长办公会议纪要\n第8期\n党政办公室　　　2023年5月9日\n5月8日下午,校长主持召开会议。", "校长办公会议纪要", "2023-05-09"),
    ("某某小学校务会议纪录\n张贴单位:教务处　更新日期:2024-08-30\n8月28日召开校务会议。", "某某小学校务会议纪录", "2024-08-30"),
    # breadcrumbs, an ad, the site and its section are no headline
    ("某某检察网 > 检务公开 > 检委会纪要\n检察委员会第5次会议纪要\n6月19日,检察委员会召开会议。", "检察委员会第5次会议纪要", None),
    ("【广告】专业代写各类会议纪要,质优价廉\n上半年经营分析会会议纪要\n会议纪要  2019-07-15  阅读(2.3k)\n7月12日,公司召开经营分析会。",
     "上半年经营分析会会议纪要", "2019-07-15"),
    ("某某实验中学 · 教研动态\n数学组开展主题教研活动\n10月16日,数学组开展教研活动。", "数学组开展主题教研活动", None),
    # a public account's byline under the headline, its name ending in a body's (业委会)
    ("某某花园第二届业主委员会第九次会议记录\n原创 某某花园业委会 某某业主之家 2024-03-18 19:20 广东\n"
     "现将会议记录公示如下。\n会议时间:2024年3月16日19:30", "某某花园第二届业主委员会第九次会议记录", "2024-03-18T19:20:00"),    # a government's table of disclosure above the headline: its fields are the byline's, 成文日期 no date of the page
    ("某某县人民政府信息公开\n索 引 号:11361024-3/2023-01182 主题分类:综合政务\n发布机构:县政府办公室 成文日期:2023-11-06\n"
     "发布日期:2023-11-08 有效性:有效\n某某县人民政府县长办公会议纪要\n会议时间:2023年11月2日上午9:00\n会议地点:县政府四楼会议室",
     "某某县人民政府县长办公会议纪要", "2023-11-08"),
    # a people's congress's standing committee names the site, not a meeting
    ("某某区人民代表大会常务委员会\n区三届人大常委会第十七次会议纪要\n发布时间:2024-01-12 16:20:45\n时间:二〇二四年一月九日上午九时\n"
     "地点:区人大常委会第一会议室", "区三届人大常委会第十七次会议纪要", "2024-01-12T16:20:45"),
])
def test_headlines_and_dates_of_more_page_headers(raw, title, published):
    from pipeline.ingest import Page, clean_page

    page = clean_page(Page("x", "x.txt"), raw)
    assert (page.title, page.published) == (title, published)


@pytest.mark.parametrize("raw, title, published", [
    # the site's name, a bar of its links and its section above the headline and its byline
    ("某某县人民医院\n首页 医院概况 新闻中心 科室导航 就医指南\n新闻中心 > 医院动态\n医院召开第8期院周会\n"
     "发布时间:2023-05-16 09:30:00 来源:院办\n5月15日上午,医院召开院周会。", "医院召开第8期院周会", "2023-05-16T09:30:00"),
    ("某某学院\n登录 | 注册 | 旧版回顾\n学院召开教职工大会部署新学期工作\n时间:2024-09-03 作者:某某\n9月2日下午,学院召开大会。",
     "学院召开教职工大会部署新学期工作", "2024-09-03"),
    # a headline that names no meeting, right above the byline, under the site's name
    ("某某市实验小学\n双减之下谈作业设计\n发布日期:2021-10-22 来源:教科室\n10月20日,数学组开展教研活动。",
     "双减之下谈作业设计", "2021-10-22"),
    # a site's bar of settings (无障碍浏览, 长者模式), then the byline, then the headline
    ("某某县教育局\n网站支持IPv6 无障碍浏览 长者模式\n【发布时间:2025-03-10】【字体:大 中 小】\n全县复习备考教研会在县一中召开\n"
     "3月6日,教研会召开。", "全县复习备考教研会在县一中召开", "2025-03-10"),
    # a slogan and the meeting it heads, parted by ——, are one headline; a browser tab's _site is not
    ("某某幼儿园\n家园携手 共育花开——我园召开新生家长会\n发布时间:2024-08-31\n今天上午,我园召开家长会。",
     "家园携手 共育花开——我园召开新生家长会", "2024-08-31"),
    ("某某中学召开开学安全工作会议_某某中学\n2月12日上午,学校召开安全工作会议。", "某某中学召开开学安全工作会议", None),
    # a body's name ending in 会 reports no meeting; a line of the site ending in a colon holds no value
    ("中共某某县委直属机关工作委员会\n首页 机关党建 支部风采 党员教育 通知公告\n第二党支部开展主题党日活动\n"
     "时间:2024-05-31 15:08:41 来源:县市场监管局\n5月30日,第二党支部开展主题党日活动。",
     "第二党支部开展主题党日活动", "2024-05-31T15:08:41"),
    ("某某县司法局\n用户登录 用户注册 今天是:\n县司法局工作动态(第5期)\n发布时间:2024-03-25 09:12:33\n3月18日上午,县司法局召开局务会。",
     "县司法局工作动态(第5期)", "2024-03-25T09:12:33"),
    # two short links make a bar; a body's name may carry its other name in brackets; a byline's stamp
    # may carry its clock time without seconds
    ("某某市软件行业协会\n会员登录 | 入会申请\n协会第四届会员大会胜利召开\n2022-12-16 17:42:10 来源:协会秘书处\n12月15日,大会召开。",
     "协会第四届会员大会胜利召开", "2022-12-16T17:42:10"),
    ("某某市工商业联合会(总商会)\n眼镜商会召开第一次会长办公会议\n2025-02-18 16:40 来源:区工商联\n今天上午,商会召开会长办公会议。",
     "眼镜商会召开第一次会长办公会议", "2025-02-18T16:40:00"),
    # the site's name opening its bar of links; a council names the site; the size of the text is furniture
    ("某某县人民政府 首页 | 政务公开 | 政策文件 | 会议纪要 | 政务服务\n关于研究学位扩容有关问题的会议纪要\n"
     "发布时间:2022-06-13 10:26:18 来源:县政府办公室\n6月8日下午,副县长主持召开专题会议。",
     "关于研究学位扩容有关问题的会议纪要", "2022-06-13T10:26:18"),
    ("海灣區議會\n文字大小 A A A 列印 English\n海灣區議會第三次會議紀錄\n發布日期:2024-04-20\n區議會於4月16日舉行會議。",
     "海灣區議會第三次會議紀錄", "2024-04-20"),
    # a ticker of notices is furniture
    ("某某区人民检察院\n通知公告:关于检察开放日活动报名的公告 | 关于公开招聘书记员的公告\n区检察院召开党组会议\n"
     "时间:2025-03-06 18:02:11\n3月5日,区检察院召开党组会议。", "区检察院召开党组会议", "2025-03-06T18:02:11"),
    # a first line that reports a meeting stays the headline, whatever follows it
    ("县政府召开常务会议\n首页 | 政务公开 | 联系我们\n发布时间:2024-03-06\n3月5日,县政府召开常务会议。",
     "县政府召开常务会议", "2024-03-06"),
])
def test_the_headline_under_the_sites_own_lines(raw, title, published):
    from pipeline.ingest import Page, clean_page

    page = clean_page(Page("x", "x.txt"), raw)
    assert (page.title, page.published) == (title, published)
    assert page.text[page.body_start:].startswith(raw.rsplit("\n", 1)[-1])


def test_bars_and_menus_above_the_report_go_but_a_form_keeps_its_fields():
    from pipeline.ingest import Page, clean_page

    raw = ("无障碍浏览 | 长者模式 | 简体 | 繁體 | 登录 | 注册\n今天是: 天气:\n某某县人民政府\n"
           "走进某县:县情概况 历史沿革 行政区划 自然资源 旅游景点 特色产业\n互动交流:县长信箱 在线咨询 网上调查 征集调查 常见问题\n"
           "首页 政务公开 政策文件 会议纪要 政务服务\n县政府召开第三十七次常务会议\n发布时间:2024-07-19 17:42:06\n"
           "【字体:大 中 小】【打印】【关闭】\n7月18日下午,县长主持召开县政府第三十七次常务会议。")
    page = clean_page(Page("x", "x.txt"), raw)
    assert (page.title, page.published) == ("县政府召开第三十七次常务会议", "2024-07-19T17:42:06")
    assert page.text[page.body_start:] == "7月18日下午,县长主持召开县政府第三十七次常务会议。"
    assert "走进某县" not in page.text and "互动交流" not in page.text
    assert clean_page(Page("x", "x.txt"), "↑点击上方“某某发布”蓝字,关注我们\n镇里召开会议\n5月6日,镇里召开会议。").title == "镇里召开会议"
    # the names under a label of their own, parted by spaces as a table's cells, are no bar of links
    table = "院感委员会会议记录\n主持人:副院长甄国华\n参会人员\n甄国华 侯建新 蓝海燕 符振华 韩冬梅\n会议讨论了三项工作。"
    assert "参会人员:甄国华 侯建新 蓝海燕 符振华 韩冬梅" in clean_page(Page("x", "x.txt"), table).text
    form = "村两委会议记录\n参加人员:张三 李四 王五 赵六 钱七\n会议时间:2023年3月5日\n会议讨论了春耕工作。"
    assert "参加人员:张三 李四 王五 赵六 钱七" in clean_page(Page("x", "x.txt"), form).text


def test_lists_of_other_articles_after_the_report_are_cut():
    from pipeline.ingest import Page, clean_page

    report = "医院召开院务会议\n5月8日下午,医院召开院务会议。会议研究了三项工作。\n"
    for tail in ("【相关新闻】\n· 我院召开党风廉政建设工作会议 2024-03-12\n", "热点文章\n· 2023年第13次校长办公会议纪要 2023-06-16\n",
                 "· 我院开展义诊活动　2024-05-19\n· 区检察院召开检委会　12-26\n"):
        page = clean_page(Page("x", "x.txt"), report + tail + "上一篇:医院召开第7次院务会议")
        assert page.text.endswith("会议研究了三项工作。"), tail


def test_a_page_action_after_the_headline_is_no_part_of_it():
    from pipeline.ingest import Page, clean_page

    page = clean_page(Page("x", "x.txt"), "某某股份:第三届董事会第九次会议决议公告 下载公告\n公告日期:2025-04-24\n"
                                          "某某股份有限公司第三届董事会第九次会议于2025年4月23日召开。")
    assert page.title == "某某股份:第三届董事会第九次会议决议公告"


def test_dateline_before_a_bundle_of_forms_is_the_page_date():
    from pipeline.ingest import Page, clean_page

    raw = ("范文网\n班主任工作会议记录\n时间:2022-09-10 08:12:33 作者:小编\n班主任工作会议记录1\n"
           "时间:2022年9月5日下午4:00\n地点:学校三楼会议室\n主持人:教导主任李华")
    page = clean_page(Page("x", "x.txt"), raw)
    assert (page.title, page.published) == ("班主任工作会议记录", "2022-09-10T08:12:33")
    assert page.text[page.body_start:].startswith("班主任工作会议记录1")


def test_unsupported_and_binary_files_are_error_pages(tmp_path):
    (tmp_path / "minutes.pdf").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "page").write_bytes("3月6日上午,副校长孙少平主持召开会议。".encode("utf-8"))
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    pdf = next(read_pages(tmp_path / "minutes.pdf", tmp_path))
    assert pdf.status == "error" and "unsupported file type .pdf" in pdf.error
    assert next(read_pages(tmp_path / "page", tmp_path)).status == "ok"  # no suffix: plain text
    blob = next(read_pages(tmp_path / "blob.txt", tmp_path))
    assert blob.status == "error"


def header(tmp_path, text: str):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    page = page_of(path)
    return page.title, page.published


BODY = "3月5日上午,镇政府在三楼会议室召开安全生产工作会议。镇长王海主持会议,要求各村做好排查。"


@pytest.mark.parametrize("text, title, published", [
    # a published line whose key carries a prefix, glued to the source field
    ("县政府召开常务会议\n内容更新时间:2024-03-06 08:15:02来源:某某报\n" + BODY,
     "县政府召开常务会议", "2024-03-06T08:15:02"),
    # a browser-tab headline with the site after a separator; a stamped date among credits
    ("镇政府召开安全生产工作会议 —— 某某融媒| 频道\n来源: 李明 王芳 2024-03-06 09:10:51 责编: 赵强\n" + BODY,
     "镇政府召开安全生产工作会议", "2024-03-06T09:10:51"),
    # breadcrumbs in several notations, Traditional included, are never the title
    ("当前位置在:首页 >工作动态\n镇政府召开安全生产工作会议\n" + BODY, "镇政府召开安全生产工作会议", None),
    ("首页 - 新闻动态 - 重要新闻\n镇政府召开安全生产工作会议\n发布时间:2024-03-06点击量:88\n" + BODY,
     "镇政府召开安全生产工作会议", "2024-03-06"),
    ("當前位置:首頁>工作動態>\n鎮政府召開安全生產工作會議\n" + BODY, "鎮政府召開安全生產工作會議", None),
    ("跳到主要內容區塊\n鎮政府召開安全生產工作會議\n" + BODY, "鎮政府召開安全生產工作會議", None),
    # markup residue, contact lines and a search box before the headline
    ("-->\n某某@example.cn\n010-12345678\n搜索\n镇政府召开安全生产工作会议\n" + BODY, "镇政府召开安全生产工作会议", None),
    # a welcome line and a section name before the headline
    ("某某县教育网欢迎您!\n学校要闻\n实验小学召开安全专题会议\n" + BODY, "实验小学召开安全专题会议", None),
    # a form's time field is never the title
    ("会议时间:2024年4月19日\n会议地点:村委会议室\n主持人:郑大勇\n" + BODY, None, None),
    # published keys in Traditional script, alone or after a counter
    ("鎮政府召開安全生產工作會議\n發布時間:2019-11-22\n" + BODY, "鎮政府召開安全生產工作會議", "2019-11-22"),
    ("點擊數:35發佈日期:2018-11-28\n" + BODY, None, "2018-11-28"),
    ("鎮政府召開安全生產工作會議\n來源:某某新聞網 發布時間:2023-02-13 12:26 瀏覽:88次\n" + BODY,
     "鎮政府召開安全生產工作會議", "2023-02-13T12:26:00"),
    # a time stamp opening the credits; a reporter's name beside the date
    ("镇政府召开安全生产工作会议\n2023-09-22 08:33   某某街道   张三、李四\n" + BODY,
     "镇政府召开安全生产工作会议", "2023-09-22T08:33:00"),
    ("鎮政府召開安全生產工作會議\n王小明 2025/05/19 187\n" + BODY, "鎮政府召開安全生產工作會議", "2025-05-19"),
    # ... but a form's time field under the headline is the meeting's
    ("医院周会纪要\n时 间:2012年9月4日(周二)\n地 点:三楼会议室\n" + BODY, "医院周会纪要", None),
    # breadcrumbs however the page words them, section names with 会 in them, search boxes, welcome lines
    ("您当前的位置:首页>>新闻中心>>基层信息\n" + BODY, None, None),
    ("协会要闻 News\n首页> 协会要闻> 协会资讯\n省行业协会召开理事长办公会议\n" + BODY, "省行业协会召开理事长办公会议", None),
    ("搜尋新聞關鍵字\n某某協會第四屆會員大會隆重登場\n" + BODY, "某某協會第四屆會員大會隆重登場", None),
    ("欢迎进入某某县人民政府网站!\n首页>领导活动\n县政府召开第2次县长办公会议\n发布日期:2025-03-04\n" + BODY,
     "县政府召开第2次县长办公会议", "2025-03-04"),
    # the header of a listed company's announcement is no title
    ("证券代码:600123 证券简称:某某股份 公告编号:2024-031\n某某股份有限公司第八届监事会第九次会议决议公告\n" + BODY,
     "某某股份有限公司第八届监事会第九次会议决议公告", None),
    # an activity's form: its time field is the meeting's, not the page's
    ("初二数学组教研活动记录\n活动时间:2022年10月12日下午\n活动地点:初二年级办公室\n" + BODY, "初二数学组教研活动记录", None),
    # a published date in the Republic of China's calendar
    ("光明里113年度第一次里民大會\n發布日期:113-03-20\n" + BODY, "光明里113年度第一次里民大會", "2024-03-20"),
    # ad slots are furniture
    ("自動輪播廣告(右)橫式1欄\n廣告\n光明社區發展協會召開成立大會\n" + BODY, "光明社區發展協會召開成立大會", None),
    # search-engine spam lines above the headline are furniture
    ("欧美高清一区二区,免费在线观看大片,国产精品久久,亚洲无码天堂\n村委召开院坝会\n2025-04-30 09:42:36 来源: 某某网\n" + BODY,
     "村委召开院坝会", "2025-04-30T09:42:36"),
    # a section named with its English gloss; the date on the line under its key
    ("医院动态 / HOSPITAL DYNAMICS\n我院召开质量管理委员会会议\n发布时间:\n2017-03-01\n" + BODY,
     "我院召开质量管理委员会会议", "2017-03-01"),
    # a site's name over its English name is no headline
    ("某某中学家长会\nWelcome To Some High School\n九十九学年度第三次会员代表大会会议纪录\n" + BODY,
     "九十九学年度第三次会员代表大会会议纪录", None),
    ("镇政府召开对接会\n2019-07-10\n" + BODY, "镇政府召开对接会", "2019-07-10"),
    # a bar of the site's links, closed by 欢迎访问某某网!, and a line holding an address are no headline
    ("会员登录 - 设为首页 - 加入收藏 欢迎访问某某日报网!\n湖南某镇某村:院落小会议 宣传入民心\n"
     "时间:2022-09-18 09:53 来源:某某日报 作者:刘和平\n" + BODY, "湖南某镇某村:院落小会议 宣传入民心", "2022-09-18T09:53:00"),
    ("时间:2023/9/19来源:本站原创\n某某医院网站 http://m.example.net/a_1.html\n" + BODY, None, "2023-09-19"),
    # a wire dateline before 题: is no part of the headline
    ("中新社某地12月20日电 题:乡村“屋场会”探索基层治理新路径\n作者 王昊\n" + BODY, "乡村“屋场会”探索基层治理新路径", None),
    # a site's name with its tagline; 时间: on a line of the byline's fields is the page's date
    ("某某范文网 -工作总结,演讲稿等各种范文。\n医院周会会议纪要\n时间:2016-03-14 作者:叶某 来源:某某网\n时间:9月27日\n地点:八楼\n" + BODY,
     "医院周会会议纪要", "2016-03-14"),
    # the date line repeated under the headline is no body
    ("老湖镇中心小学召开家长会\n2018-11-26\n2018-11-26\n" + BODY, "老湖镇中心小学召开家长会", "2018-11-26"),
    # an official account's name is the site's
    ("官方微信公众号\n医院动态\n我院召开青年骨干座谈会\n" + BODY, "我院召开青年骨干座谈会", None),
    # a headline may ask; a stray ? of a lost character keeps a credits line a credits line
    ("老房子加装电梯 居民提出反对怎么办?\n来源:某某网 ?作者:? 2022-01-19 09:08:38\n" + BODY,
     "老房子加装电梯 居民提出反对怎么办?", "2022-01-19T09:08:38"),
    # a reading-time line is furniture
    ("本篇文章434字,读完约1分钟\n" + BODY, None, None),
    # a byline, a numbered form field and a line of figures are never the title
    ("記者王小明/高雄報導\n" + BODY, None, None),
    ("二、會議地點:五甲國小視聽教室\n三、參加人員:如簽到簿\n" + BODY, None, None),
    ("昨收盘:0.000今开盘:0.000最高价:0.000\n某某环保:董事会决议公告\n" + BODY, "某某环保:董事会决议公告", None),
])
def test_page_metadata(tmp_path, text, title, published):
    assert header(tmp_path, text) == (title, published)


def test_a_repeated_headline_is_no_body(tmp_path):
    text = ("镇政府召开安全生产工作会议 - 某某网\n镇政府召开安全生产工作会议\n"
            "来源: 李明 2024-03-06 09:10:51 责编: 赵强\n" + BODY)
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    page = page_of(path)
    assert (page.title, page.published) == ("镇政府召开安全生产工作会议", "2024-03-06T09:10:51")
    assert page.text[page.body_start:].startswith("3月5日上午")


def test_a_link_list_heading_above_the_report_cuts_nothing(tmp_path):
    text = "某某日报\n熱門文章\n鎮政府召開安全生產工作會議\n" + BODY + "\n相关阅读\n其他新闻标题一则"
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    page = page_of(path)
    assert page.title == "鎮政府召開安全生產工作會議"
    assert "王海主持会议" in page.text and "其他新闻" not in page.text


@pytest.mark.parametrize("text, expected", [
    # model minutes with blanked dates and names
    ("会议时间:20xx年3月13日\n主持人:xxx\n1、xxx校长谈论办公桌椅老化问题", True),
    ("××局召开会议,由某某同志主持,某某、某某参加", True),
    # a real page that anonymises one or two years
    ("对后勤系统XX年工作作了总体部署,xx年6月13日召开会议", False),
    # Latin letters around x are no blanks
    ("参加EXXON和Linux xxxx-dev项目的会议", False),
])
def test_template_pages(text, expected):
    from pipeline.normalize.placeholders import is_template

    assert is_template(text) is expected


def test_form_fields_run_onto_one_line_are_parted_again():
    from pipeline.ingest import Page, clean_page

    raw = ("第五村民小组户代表会议记录\n会议时间:2023年12月10日晚上7点会议地点:小组活动室 主持人:组长阙永福"
           "记录人:仉红梅请假:邬德才(外出务工)缺席:蒯长林会议内容:阙永福:今天召集大家来,议定两件事。")
    lines = clean_page(Page("x", "x.txt"), raw).text.split("\n")
    assert lines[1:] == ["会议时间:2023年12月10日晚上7点", "会议地点:小组活动室", "主持人:组长阙永福", "记录人:仉红梅",
                         "请假:邬德才(外出务工)", "缺席:蒯长林", "会议内容:阙永福:今天召集大家来,议定两件事。"]
    # two fields on a line part too; a field of content, or a sentence with colons, stays whole
    two = "会议召开\n参会人员:鲁建伟、邵一鸣缺席人员:牛丽(出差)\n会议内容:春耕:备耕:防汛\n会议要求:一要抓落实:二要抓督查。"
    assert clean_page(Page("x", "x.txt"), two).text.split("\n")[1:] == [
        "参会人员:鲁建伟、邵一鸣", "缺席人员:牛丽(出差)", "会议内容:春耕:备耕:防汛", "会议要求:一要抓落实:二要抓督查。"]


def test_label_lines_over_value_lines_become_fields():
    from pipeline.ingest import Page, clean_page

    raw = ("市政府第2122次市政会议\n\n开会日期\n\n2020-12-22 09:00:00\n\n开会地点\n\n市政大楼12楼礼堂\n\n"
           "主席\n\n王国强\n\n纪录\n\n李丽\n\n壹、颁奖\n表扬优良旅馆业。")
    page = clean_page(Page("x", "x.txt"), raw)
    assert "开会地点:市政大楼12楼礼堂\n主席:王国强\n纪录:李丽" in page.text
    assert page.title == "市政府第2122次市政会议"
    # a label line followed by another label stays as it is
    assert "出席\n列席:张三" in clean_page(Page("y", "y.txt"), "会议记录\n出席\n列席\n张三\n会议内容").text


def test_a_stray_byte_in_utf8_keeps_the_page_and_is_noted():
    text = "3月6日上午,副校长孙少平在行政楼会议室主持召开安全稳定工作会议,各部门负责人参加会议。" * 3
    data = text.encode("utf-8")
    data = data[:30] + b"\xff" + data[30:]
    decoded, encoding = decode_bytes(data)
    assert encoding == "utf-8 (1 invalid byte replaced)"
    assert decoded.replace("\ufffd", "") == text
    # a GBK page is no UTF-8 page with many stray bytes
    assert decode_bytes(text.encode("gbk"))[1] == "gb18030"


def test_html_that_the_parser_rejects_is_an_error_page_naming_the_file(tmp_path):
    (tmp_path / "a.html").write_text("<html><body><![foo]><p>5月5日,县政府召开常务会议。</p></body></html>",
                                     encoding="utf-8")
    page = next(read_pages(tmp_path / "a.html", tmp_path))
    assert page.status == "error" and page.error.startswith("malformed HTML in a.html: AssertionError")
    assert "AssertionError" in page.traceback


def test_json_nested_past_the_recursion_limit_is_an_error_page(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text(json.dumps({"text": "5月5日,县政府召开常务会议。"}, ensure_ascii=False)
                                          + "\n" + "[" * 100000 + "]" * 100000 + "\n", encoding="utf-8")
    assert next(read_pages(tmp_path / "deep.json", tmp_path)).error == "invalid JSON in deep.json: nested too deeply to read"
    first, second = read_pages(tmp_path / "mixed.jsonl", tmp_path)
    assert first.status == "ok" and second.error == "invalid JSON record: nested too deeply to read"


def test_a_named_pipe_is_an_error_page_and_never_opened(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    page = next(read_pages(tmp_path / "pipe.txt", tmp_path))  # would block for ever if opened
    assert page.status == "error" and page.error == "cannot read pipe.txt: it is a named pipe, not a file"


def test_a_page_longer_than_the_limit_is_rejected_not_cut(tmp_path):
    (tmp_path / "long.txt").write_text("县政府召开常务会议\n" + "5月5日,县政府召开常务会议。" * 20, encoding="utf-8")
    page = next(read_pages(tmp_path / "long.txt", tmp_path, max_chars=100))
    assert page.status == "error" and page.error.startswith("page too long: 310 characters after cleaning")
    assert next(read_pages(tmp_path / "long.txt", tmp_path)).status == "ok"


@pytest.mark.parametrize("names, ids", [
    (["a.txt", "b.txt"], {"a.txt": "a", "b.txt": "b"}),                       # the usual case: no extension
    (["a.txt", "a.html", "a.json", "b.txt"], {"a.txt": "a.txt", "a.html": "a.html", "a.json": "a.json", "b.txt": "b"}),
    (["a", "a.txt"], {"a": "a", "a.txt": "a.txt"}),
    (["d.1", "d.2"], {"d.1": "d.1", "d.2": "d.2"}),
])
def test_doc_ids_keep_the_extension_only_when_names_collide(names, ids):
    from pathlib import Path

    from pipeline.ingest import folder_doc_ids

    assert folder_doc_ids(Path("."), names) == ids
    assert folder_doc_ids(Path("sub"), names) == {n: f"sub/{i}" for n, i in ids.items()}


def test_iter_inputs_leaves_out_the_output_folder(tmp_path):
    from pipeline.ingest import iter_inputs

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.parquet").write_bytes(b"PAR1")
    (tmp_path / "page.txt").write_text("5月5日,县政府召开常务会议。", encoding="utf-8")
    assert [i for _, i in iter_inputs(tmp_path, exclude=[tmp_path / "out"])] == ["page"]
    assert [i for _, i in iter_inputs(tmp_path)] == ["page", "out/documents"]


def test_a_sign_off_closing_the_page_gives_its_date_and_ends_the_report(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(BODY + "\n会议要求各村抓好落实。\n某某镇人民政府\n2016年 6 月 18 日\n", encoding="utf-8")
    page = page_of(path)
    assert page.published == "2016-06-18" and page.text[page.body_end:] == "某某镇人民政府\n2016年 6 月 18 日"
    # the headline and its date closing the page
    path.write_text(BODY + "\n镇政府召开安全生产工作会议\n2018-02-11\n", encoding="utf-8")
    assert header(tmp_path, path.read_text(encoding="utf-8")) == ("镇政府召开安全生产工作会议", "2018-02-11")
    # a published date in the header stays the page's date; a last line that is no date alone is no sign-off
    path.write_text("镇政府召开会议\n发布时间:2016-07-01\n" + BODY + "\n某某镇\n2016年6月18日\n", encoding="utf-8")
    assert page_of(path).published == "2016-07-01" and page_of(path).body_end is None
    path.write_text(BODY + "\n会议于2016年6月18日结束。\n", encoding="utf-8")
    assert page_of(path).published is None
