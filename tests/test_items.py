"""Enumerated items: marker families, sequences, nesting, text and speaker."""
from __future__ import annotations

import pytest

from pipeline.normalize.items import find_items
from pipeline.normalize.people import find_people
from pipeline.normalize.script import to_simplified


def items(text: str):
    s = to_simplified(text)
    found = find_items(s, [(0, len(s))], find_people(s))
    return [(text[i.marker_start:i.marker_end].rstrip(",，:："), i.level, text[i.start:i.end], i.speaker)
            for _, i in found]


def test_yao_list_with_speaker():
    text = ("张立峰强调,一要加强后勤干部职工学习、教育和培训工作,逐步提升后勤干部的综合素质;"
            "二要继续推进后勤社会化改革,选好适合社会化的项目,进一步深化改革;三要加强后勤干部职工廉政建设。")
    got = items(text)
    assert [g[0] for g in got] == ["一要", "二要", "三要"]
    assert got[0][2] == "加强后勤干部职工学习、教育和培训工作,逐步提升后勤干部的综合素质"
    assert {g[3] for g in got} == {"张立峰"}


def test_shi_list_ends_at_next_marker_and_alias_speaker():
    text = "会议由包伟强校长主持,包校长对新一届班子成员提出了三个要求,一是统一思想,二是加强自身建设,三是注意会议纪律。"
    assert items(text) == [("一是", 1, "统一思想", "包伟强"), ("二是", 1, "加强自身建设", "包伟强"),
                           ("三是", 1, "注意会议纪律", "包伟强")]


def test_pronoun_speaker_from_the_paragraph():
    text = ("市委常委、镇委书记张渊在会上作重要讲话。他指出,此次会议,既是动员会,也是部署会。"
            "他提出几点要求,一是要充分认识到市县换届的重要性,要逢会必谈。二是要充分实现民主集中政治。")
    got = items(text)
    assert [g[0] for g in got] == ["一是", "二是"]
    assert got[0][2] == "要充分认识到市县换届的重要性,要逢会必谈"
    assert {g[3] for g in got} == {"张渊"}


def test_meeting_as_a_body_has_no_speaker():
    text = "会议强调,一是要压实责任;二是要加强督导。"
    assert [g[3] for g in items(text)] == [None, None]


def test_nested_lists():
    text = ("经过讨论,大家在以下几个问题上统一了认识:\n一、高校后勤战线广大职工努力工作。\n"
            "二、今后高校后勤应着重抓好以下几方面的工作。第一,要确立新的后勤工作体制;"
            "第二,要加强后勤队伍建设。第三,继续加强高校后勤管理理论学科的建设。")
    got = items(text)
    assert [(g[0], g[1]) for g in got] == [("一、", 1), ("二、", 1), ("第一", 2), ("第二", 2), ("第三", 2)]
    assert got[2][2] == "要确立新的后勤工作体制"
    assert all(g[3] is None for g in got)


def test_agenda_items_with_nested_sequence_words():
    text = ("会议正式开始。第一项议程是学校中层干部岗位竞聘述职。第二项议程由王校长宣布工会主席调整决定。"
            "第三项议程是工作布置:首先周建强副校长从榜样树立、常规工作两方面谈起;接着褚程丹副校长对新学期防疫工作提出要求;"
            "最后教导处丁丽丽老师宣读了新学期课务。第四项议程是王校长讲话。")
    got = items(text)
    assert [(g[0], g[1]) for g in got] == [("第一项议程是", 1), ("第二项议程", 1), ("第三项议程是", 1),
                                           ("首先", 2), ("接着", 2), ("最后", 2), ("第四项议程是", 1)]
    assert got[2][2] == "工作布置"


def test_numbered_lines_of_a_form():
    text = "会议主要\n1. 村庄发展规划讨论\n- 张村长首先介绍了规划。\n2. 农田灌溉问题解决\n3. 文化活动安排"
    got = items(text)
    assert [(g[0], g[2], g[3]) for g in got] == [("1.", "村庄发展规划讨论", None), ("2.", "农田灌溉问题解决", None),
                                                 ("3.", "文化活动安排", None)]


@pytest.mark.parametrize("text", [
    "抓好发展第一要务,把稳增长放在更加突出位置。",            # 第一要务 is no list
    "节后第一天上班用4句话评价第一天的工作。",
    "2023.3.5 召开会议,增长1.5倍。",
    "区十六届人大一次会议主席团举行第四次会议。",
])
def test_no_list(text):
    assert items(text) == []


def test_traditional_text_reported_as_written():
    text = "田鳳閣書記對理論中心組學習提出了四點要求:一是堅守政治定位,強化思想自覺;二是突出理論底色,落實首要任務。"
    got = items(text)
    assert [g[2] for g in got] == ["堅守政治定位,強化思想自覺", "突出理論底色,落實首要任務"]
    assert {g[3] for g in got} == {"田凤阁"}


def test_list_on_its_own_lines_after_a_colon():
    text = "会上,县长张三在讲话中强调:\n一、要提高认识。\n二、要狠抓落实。\n会议要求:\n一、加强领导。\n二、强化督查。"
    assert [(g[0], g[3]) for g in items(text)] == [("一、", "张三"), ("二、", "张三"), ("一、", None), ("二、", None)]


def test_speaker_of_the_sentence_before_the_list():
    assert {g[3] for g in items("张三指出,安全很重要。要做好三件事:一是压实责任;二是加强检查。")} == {"张三"}
    assert {g[3] for g in items("会议指出,安全很重要。要做好三件事:一是压实责任;二是加强检查。")} == {None}


def test_sub_list_under_a_heading_item_nests():
    text = "(一)统一思想\n要提高认识。\n(二)加强领导\n1.成立领导小组;\n2.明确责任分工。"
    assert [(g[0], g[1]) for g in items(text)] == [("(一)", 1), ("(二)", 1), ("1.", 2), ("2.", 2)]


def test_a_list_under_a_label_line_nests_in_the_item_above():
    text = "壹、頒獎。\n貳、確認上次會議紀錄。\n主席裁示:\n(一)修正後確定。\n(二)請各局處依限辦理。"
    assert [(g[0], g[1]) for g in items(text)] == [("壹、", 1), ("貳、", 1), ("(一)", 2), ("(二)", 2)]
    # ... but a label of the meeting's own section (会议议定事项:) heads a list of its own
    text = "会议议题:\n一、传达全会精神\n二、研究培训计划\n会议议定事项:\n1.原则同意培训计划。\n2.同意成立指挥部。"
    assert [(g[0], g[1]) for g in items(text)] == [("一、", 1), ("二、", 1), ("1.", 1), ("2.", 1)]


def test_the_bodys_agenda_is_no_speakers_list():
    text = "公司党委书记李国华出席会议并讲话。大会主要有三项议题:(一)审议工作报告;(二)审议财务报告;(三)选举工会委员。"
    assert {g[3] for g in items(text)} == {None}


def test_sub_list_with_its_own_speaker():
    text = "会议内容:\n一、传达了学校工作计划。\n二、李主任提出要求:1.加强学生安全教育;2.抓好常规管理。"
    got = items("主持人:教导主任李华\n" + text)
    assert [(g[0], g[1], g[3]) for g in got] == [("一、", 1, None), ("二、", 1, None), ("1.", 2, "李华"), ("2.", 2, "李华")]


@pytest.mark.parametrize("text, expected", [
    # 一要 carried on by 二是/三是: one list
    ("董事长韩立新强调,一要稳住基本盘;二是拓展新市场;三是控制成本。",
     [("一要", 1, "稳住基本盘", "韩立新"), ("二是", 1, "拓展新市场", "韩立新"), ("三是", 1, "控制成本", "韩立新")]),
    # 一、 after a comma in running text
    ("会议分三个环节进行,一、校长通报学期工作;二、表彰优秀学生;三、家长代表发言。",
     [("一、", 1, "校长通报学期工作", None), ("二、", 1, "表彰优秀学生", None), ("三、", 1, "家长代表发言", None)]),
    # bare numerals opening sentences, three or more
    ("书记周海涛提出要求:一压实责任。二强化督查。三严肃问责。",
     [("一", 1, "压实责任", "周海涛"), ("二", 1, "强化督查", "周海涛"), ("三", 1, "严肃问责", "周海涛")]),
    # financial numerals number the sections of formal minutes
    ("壹、頒獎\n貳、報告事項\n一、上次會議決議執行情形\n二、財務報告\n參、討論事項",
     [("壹、", 1, "頒獎", None), ("貳、", 1, "報告事項", None), ("一、", 2, "上次會議決議執行情形", None),
      ("二、", 2, "財務報告", None), ("參、", 1, "討論事項", None)]),
    # the speaker of the sentence before, in the same paragraph
    ("副县长罗文斌发表讲话,提出三点意见。一是提高站位;二是压实责任;三是强化保障。",
     [("一是", 1, "提高站位", "罗文斌"), ("二是", 1, "压实责任", "罗文斌"), ("三是", 1, "强化保障", "罗文斌")]),
    # a list after the last item's sentence is no sub-list of it
    ("职责有二:一是协商议政,二是民主监督。做好工作,第一要坚定方向,第二要带头履职。",
     [("一是", 1, "协商议政", None), ("二是", 1, "民主监督", None),
      ("第一", 1, "要坚定方向", None), ("第二", 1, "要带头履职", None)]),
    # ... unless that sentence announces the list
    ("一、总结经验。二、今后应抓好以下几方面的工作。第一,要建章立制;第二,要加强培训。",
     [("一、", 1, "总结经验", None), ("二、", 1, "今后应抓好以下几方面的工作", None),
      ("第一", 2, "要建章立制", None), ("第二", 2, "要加强培训", None)]),
])
def test_families_sequences_and_speakers(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize("text", [
    "全校一、二、三年级学生参加了活动。",
    "一些同志认为,工作还要加强。二是指第二项工作。",
    "会议指出:一年来成绩显著。二季度工作要抓紧。",
])
def test_numerals_that_open_no_list(text):
    assert items(text) == []


def test_the_last_as_an_adjective_is_no_step():
    # 最后的 is 'the last', no step of the sequence
    text = "首先由各单位介绍情况。接着大家展开讨论,为最后的总结环节打下基础。"
    assert [g[0] for g in items(text)] == ["首先", "接着"]


@pytest.mark.parametrize("text, speaker", [
    # a paragraph opened by a person's speech is that person's to its end
    ("县长郑国华指出,今年任务艰巨。防汛工作是重中之重。主要任务:一是加固堤防;二是疏通河道。", "郑国华"),
    # a list on its own lines after a paragraph a person's speech opens
    ("院长姜永明强调,全院要抓好落实。\n一是压实责任。\n二是强化督导。", "姜永明"),
    # a person whose speech is studied is cited, not the speaker
    ("书记郭宁传达学习了黄建军书记在全会上的讲话。一是抓好安全;二是做好值班。", "郭宁"),
    ("会议传达学习了黄建军书记在全会上的重要讲话。一是抓好安全;二是做好值班。", None),
    # a sentence where the meeting speaks as a body ends the search
    ("局长吴晓东指出,形势严峻。会议要求,一是强化巡查;二是严格执法。", None),
    # the person right before the first item, with only a post between, sets the list out
    ("会上,何建中校长首先传达了上级的安全指示,其次布置了本周工作。", "何建中"),
    ("周末,校长孙立新同志,首先要求各班排查隐患;其次要求做好值日。", "孙立新"),
    # ... but not the chair whose act stands between
    ("会议由副书记文建平主持,首先组织党员学习党章,其次开展谈心谈话。", None),
    # a step of the meeting per actor: no single speaker
    ("会上,副院长李明华首先强调了会议的意义;最后,院长黄建文作重要讲话。", None),
    # 讲意见 is speech too; a pronoun takes the person of the intro's paragraph
    ("最后镇长米志强讲意见:一是狠抓落实;二是强化督查。", "米志强"),
    ("会上,会长周立明宣读了工作计划。他强调,要团结协作。并指出:\n一、严格会员入会制度。\n二、做好内在服务。",
     "周立明"),
    ("会上,会长周立明宣读了工作计划。他强调,要贯彻落实黄建军书记在年会上的讲话精神。并指出:\n一、严格会员入会制度。\n二、做好内在服务。",
     "周立明"),  # ... not a person cited in that paragraph
])
def test_speaker_from_the_paragraph_and_cited_people(text, speaker):
    assert {i[3] for i in items(text)} == {speaker}


def test_a_short_last_item_heads_only_a_list_right_under_it():
    # 园务计划 heads the month lists below it; 组织秋游, a short last item, heads nothing
    text = "一、后勤保障\n二、园务计划\n(1)、开展助教活动\n(2)、组织秋游\n十月份\n(1)、家长学校\n(2)、亲子运动会"
    assert [lvl for _, lvl, _, _ in items(text)] == [1, 1, 2, 2, 2, 2]


def test_a_lone_first_section_with_a_list_under_it_is_an_item():
    text = "一、董事会会议召开情况\n(一)本次会议通知于8月14日发出。\n(二)本次会议应到董事九人,实到九人。"
    assert [(g[0], g[1]) for g in items(text)] == [("一、", 1), ("(一)", 2), ("(二)", 2)]
    # a lone 一、 in running text, or with no list under it, is none
    assert [g[0] for g in items("会议决定:一、同意该方案。\n其他事项另行研究。")] == []


def test_the_lists_under_the_chairs_address_are_the_chairs():
    # a form's minutes: 壹、主席致詞 heads what the chair said, numbered under it
    text = ("主 席:林校長 明德 紀錄:陳怡君\n壹、主席致詞\n一、本學期請各處室落實校園安全檢查。\n"
            "二、請導師加強學生出缺席管理。\n貳、業務報告\n一、教務處:期中考試日程已公告。\n二、學務處:運動會延期。")
    s = to_simplified(text)
    mentions = find_people(s)
    chair = next(m for m in mentions if m.name.startswith("林"))
    found = find_items(s, [(0, len(s))], mentions, chairs={0: (chair.start, chair.end, chair.key)})
    said = {text[i.start:i.end][:4]: i.speaker for _, i in found}
    assert said["本學期請"] == said["請導師加"] == chair.key == "林校长 明德"
    assert said["教務處:"] is None and said["學務處:"] is None  # the offices' reports are no address of the chair


def test_a_mark_after_a_bracketed_ordinal_belongs_to_the_marker():
    got = items("活动安排:\n(1)、开展亲子运动会。\n(2)、组织春游活动。")
    assert [(marker, text) for marker, _, text, _ in got] == [("(1)、", "开展亲子运动会"), ("(2)、", "组织春游活动")]


def test_steps_told_with_sui_hou_and_jie_xia_lai():
    text = "会上,王校长首先介绍了学期安排。随后,刘老师就学生医保作了说明。最后,吴副校长提出要求。"
    assert [g[0] for g in items(text)] == ["首先", "随后", "最后"]
    assert [g[0] for g in items("首先,校长传达了文件精神。接下来,校长对工作进行了部署。")] == ["首先", "接下来"]
    assert items("会议在国歌声中开幕。随后,与会人员参观了展厅。") == []  # no sequence without its first step
    # ... and 随后 is a step only where it opens a sentence
    assert items("会议首先由各科室进行业务报告,随后就各里提案进行讨论。") == []


def test_a_list_on_its_own_lines_is_no_step_of_a_sentence_told_in_order():
    text = ("会上,首先听取了筹备组的工作汇报,然后对换届工作进行讨论,并作出决定:\n"
            "一、换届大会于年底前召开。\n二、会长候选人由理事会推荐。")
    got = items(text)
    assert [(g[0], g[1]) for g in got if g[0] in ("一、", "二、")] == [("一、", 1), ("二、", 1)]
    # a step that opens its own line still heads the list under it
    text = "会议议程:\n首先,审议以下事项:\n1.年度工作报告。\n2.财务预算。\n最后,选举理事。"
    assert [(g[0], g[1]) for g in items(text)] == [("首先", 1), ("1.", 2), ("2.", 2), ("最后", 1)]


def test_the_points_of_a_report_are_the_reporters():
    text = "会议听取了各部门汇报。\n观光局刘局长口头报告:\n(一)本局与企业合作设计口罩。\n(二)本局推动夜间观光。"
    assert [(g[0], g[3]) for g in items(text)] == [("(一)", "刘局长"), ("(二)", "刘局长")]
    text = "会上,办公室主任王芳汇报了上半年工作,一是完成了档案整理;二是推进了制度建设。"
    assert [(g[0], g[3]) for g in items(text)] == [("一是", "王芳"), ("二是", "王芳")]


def test_a_speakers_steps_end_with_their_paragraph():
    text = ("柴校长对家长提出三点希望:首先,要关注孩子的情绪;其次,要做好作业管理;最后,要注意安全。\n"
            "龚卫红老师就期末复习作了安排:一是提前结束新课;二是实行分层辅导。")
    got = [(g[0], g[3]) for g in items(text)]
    assert got == [("首先", "柴校长"), ("其次", "柴校长"), ("最后", "柴校长"), ("一是", "龚卫红"), ("二是", "龚卫红")]
