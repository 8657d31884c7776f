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


@pytest.mark.parametrize("text, expected", [
    # a name may quote a slogan and list its parts
    ("街道召开“清洁家园”行动推进会,各社区参加。", "“清洁家园”行动推进会"),
    ("公司召开安全员、质检员季度例会。", "安全员、质检员季度例会"),
    ("学校召开了关于校园安全的专题会议。", "校园安全的专题会议"),
    # a generic object gives way to the subject: of 在…召开, of 隆重召开, after a dateline
    ("5月6日,学院教学工作会议在图书馆召开。院长出席了会议。", "学院教学工作会议"),
    ("3月8日,市妇联第五届执委会第二次全体会议隆重召开。", "市妇联第五届执委会第二次全体会议"),
    ("新华社广州5月3日电 全省春耕生产座谈会3日在广州举行。", "全省春耕生产座谈会"),
    ("今天上午首次全体大会在礼堂举行。", "首次全体大会"),
    ("新华社北京3月11日电 十四届全国人大二次会议11日下午在人民大会堂闭幕。", "十四届全国人大二次会议"),
    ("7月4日晚,某某村分片区开展屋场院子会,镇村干部齐参与。", "屋场院子会"),
    # the organizer ends where the page says how it will call itself
    ("某某股份有限公司(以下简称“公司”)第三届董事会第二次会议于6月5日在公司会议室召开。", "第三届董事会第二次会议"),
    ("局党组组织开展理论学习中心组学习,局长主持。", "理论学习中心组学习"),
    # a party day's activity names itself; the theme it is held on describes it
    ("第三党支部在会议室开展以“不忘初心”为主题的“党员政治生日”主题活动。", "“党员政治生日”主题活动"),
    ("机关党支部组织开展“重温入党誓词”主题党日活动,书记主持。", "“重温入党誓词”主题党日活动"),
    ("社区开展了丰富多彩的活动。", None),
    ("学校邀请家长到校召开“家校同心”为主题的家长座谈会。", "家长座谈会"),
    ("支部开展了题为“共庆政治生日,不忘入党初心”的主题党日活动。", "主题党日活动"),
    ("6月5日,机关第二党支部开展6月主题党日。", "6月主题党日"),
    # the subject told before the first object: the object is another meeting's
    ("9月27日,院周会在行政楼多功能厅举行,主要内容如下:\n1、节后召开党员代表大会。", "院周会"),
    # a heading of minutes names its record
    ("社区工作例会记录二\n3月2日,主任主持召开会议,布置工作。", "社区工作例会"),
    ("出席者:主席陈大文\n通过上次会议纪录\n1. 会议纪录获得通过。", None),  # an item of the agenda, no heading
    # a form names its meeting in a field
    ("会议名称:某某食品公司上半年经营分析会\n会议时间:2019年7月12日\n主持人:张三", "某某食品公司上半年经营分析会"),
    ("活动名称:高二语文组第二次集体备课暨教研活动\n时间:2023年3月1日", "高二语文组第二次集体备课暨教研活动"),
    ("【记录一】3月份安全工作领导小组会议\n会议时间:2023年3月1日下午\n主持人:园长", "3月份安全工作领导小组会议"),
    ("记录一:支部党员大会\n时间:2023年10月17日晚7:30\n主持人:支部书记", "支部党员大会"),
    # a section's heading (…召开情况) names no meeting
    ("一、董事会会议召开情况\n某某股份有限公司(以下简称“公司”)第八届董事会第十二次会议于2024年4月25日以通讯方式召开。",
     "第八届董事会第十二次会议"),
    # a meeting yet to come is not this one, nor a second verb
    ("会议研究了年会方案,计划于12月召开理事会年会。", None),
    ("会议同意工会于6月中旬组织开展“迎端午”职工趣味运动会。", None),  # agreed to, yet to come
    ("本议案尚需提交公司2023年年度股东大会审议。", None),
    ("校长出席并主持会议。", None),
    # a name followed straight by what the meeting did, a quoted name, a briefing (会报) of Taiwan's offices
    ("9月2日,我院召开院周会传达上级文件精神。", "院周会"),
    ("某某区公所第一次里业务会报,十七日上午在公所大礼堂召开。", "某某区公所第一次里业务会报"),  # time and place after a comma
    ("3月12日上午,我校党委理论学习中心组(扩大)会议在图书馆召开。", "党委理论学习中心组(扩大)会议"),  # 我校 is the organizer
    ("近日,中心在三楼会议室召开了“年终总结和安全生产会议”。", "年终总结和安全生产会议"),
    ("本所于今日在二楼会议室召开108年度上半年里长业务联系会报。", "108年度上半年里长业务联系会报"),
    # after a counter, a description with 的 is no part of the name; what it describes may be generic
    ("近日,一场别开生面的议事会在小区二楼活动室召开。", "议事会"),
    ("镇党委召开一次特殊的党员大会,全体党员参加。", "党员大会"),
    ("学校召开了一次十分重要的会议。", None),
    ("学校召开一次全体教师的会议。", "全体教师的会议"),
])
def test_meeting_name_in_more_constructions(text, expected):
    assert name(text) == expected


@pytest.mark.parametrize("title, expected", [
    ("村民议事会议纪要", "村民议事会议"), ("某某小学召开家长会", "家长会"), ("春季植树活动", None), (None, None),
    ("某某中学期中家长会记录20231108", "某某中学期中家长会"), ("关于召开本次会议的通知", None),
    ("卫生院周会纪要(3月12日)", "卫生院周会"),  # the record's date in brackets after it
    ("总经理办公会议纪要(2021年第12次、第13次)", "总经理办公会议"),  # the records' numbers in brackets
    ("某某花园第二届业主委员会第九次会议记录(公示)", "某某花园第二届业主委员会第九次会议"),  # a word in brackets after it
    # a headline that is a numbered meeting's name and nothing else
    ("县政府第58次常务会议", "县政府第58次常务会议"), ("关于召开第三次理事会议的通知", None),
    # an announcement of a meeting's resolutions names it, without its issuer before a colon or a dash
    ("第五届董事会第七次会议决议公告", "第五届董事会第七次会议"),
    ("天衡精密:第三届董事会第十八次会议决议公告", "第三届董事会第十八次会议"),
    ("兴齐眼药(300573) - 董事会决议公告", "董事会"),
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


@pytest.mark.parametrize("text, expected", [
    # the body as subject with a manner (全体职工举手通过), a series the body opened
    ("会议宣布了奖励方案,全体职工举手通过。", [("通过", None)]),
    ("会议听取并通过了财务预算报告。", [("通过了财务预算报告", None)]),
    ("大会议程:一是听取工作报告;二是表决通过年度计划。", [("表决通过年度计划", None)]),
    # the conclusion of the body's procedure
    ("经投票表决,通过王强为村民小组组长。", [("通过王强为村民小组组长", None)]),
    # a bare 通过 adopting an act; a preposition then the verb
    ("会上通过成立志愿服务队的提议。", [("通过成立志愿服务队的提议", None)]),
    ("会议通过举手表决的方式通过了《村规民约》。", [("通过了《村规民约》", "村规民约")]),
    # documents listed together are acted on; one the clause only mentions is not
    ("会议审议通过了《章程修正案》和《选举办法》,听取了主任所作的《工作报告》。",
     [("审议通过了《章程修正案》和《选举办法》,听取了主任所作的《工作报告》", "章程修正案"),
      ("审议通过了《章程修正案》和《选举办法》,听取了主任所作的《工作报告》", "选举办法")]),
    # entries marked with bullets under a heading
    ("会议决议:\n- 增设图书角\n- 调整值日安排\n散会。", [("增设图书角", None), ("调整值日安排", None)]),
    # 通过 as 'by means of' is no decision
    ("会议强调,要通过入户走访及时掌握民意。", []),
    ("此次会议通过交流研讨,明确了方向。", []),
    # a requirement the body sets is no decision
    ("会议要求各部门确定专人负责。", []),
    # how a decision was taken is no second one; a heading that announces entries is none itself
    ("会议决定下届年会在杭州举办,全体理事一致同意,鼓掌通过。", [("决定下届年会在杭州举办,全体理事一致同意,鼓掌通过", None)]),
    ("会议审议通过了如下议案:\n1、同意修订财务制度\n2、同意增补理事", [("同意修订财务制度", None), ("同意增补理事", None)]),
    # entries under 作出决定:
    ("会上统一认识并作出决定:\n一、制作职位铭牌。\n二、办公室年底前搬迁。", [("制作职位铭牌", None), ("办公室年底前搬迁", None)]),
    # adverbs before the verb of the body's clause (the text starts at the verb, the result reads 一致)
    ("会议审议了年会方案,初步决定在11月召开年会。", [("决定在11月召开年会", None)]),
    ("会议经过讨论,最终一致同意增设两个停车位。", [("同意增设两个停车位", None)]),
    # 讨论通过 adopts whatever its object; the leadership team is the body of its meeting
    ("会上讨论通过商会年度发展规划及会费收缴的办法。", [("通过商会年度发展规划及会费收缴的办法", None)]),
    ("会上,领导班子成员研讨通过了“关于评优评先推荐名单”等3个议题。", [("通过了“关于评优评先推荐名单”等3个议题", None)]),
    ("会议通过走访了解情况。", []),
    # a line opened by 决议: holds the decision of the case above it, and that one alone
    ("三、确认上次会议纪录。\n决议: 照案通过\n四、校长致词", [("照案通过", None)]),
    ("依据代表大会决议:开展工作。", []),
    # a heading may fill its line without a colon, a list under it (三、会议决定); 研究决定: heads one too
    ("三、会议决定\n1.原则通过《管理制度》,自10月1日起施行;\n2.下次会议定于12月27日召开。",
     [("原则通过《管理制度》,自10月1日起施行", "管理制度"), ("下次会议定于12月27日召开", None)]),
    ("会议研究决定:\n(一)成立领导小组;\n(二)同意增资扩股方案。", [("成立领导小组", None), ("同意增资扩股方案", None)]),
    ("社区将对议定事项落实情况进行跟踪。", []),
    ("三、会议议定事项\n1.完成劳保用品检查;\n2.同意更换行车。\n四、副总经理讲话", [("完成劳保用品检查", None), ("同意更换行车", None)]),
    ("二、议定事项\n经充分协商,会议议定:\n①物业公司完成维修;\n②门禁由物业更换。",
     [("物业公司完成维修", None), ("门禁由物业更换", None)]),
    # where the heading ends on a decision verb and the decision shares its line, the text starts at the verb
    ("会议决定:本学期广播站由秦月具体负责。", [("决定:本学期广播站由秦月具体负责", None)]),
    # the entries under a heading may follow one another on its line
    ("经讨论,会议决定:一、由物业公司负责维修电梯;二、费用由维修基金列支。",
     [("由物业公司负责维修电梯", None), ("费用由维修基金列支", None)]),
    # 如下 may close a heading before its colon
    ("会议议定事项如下:\n一、原则同意《停车管理办法》。\n二、同意校舍维修方案。",
     [("原则同意《停车管理办法》", "停车管理办法"), ("同意校舍维修方案", None)]),
    # the chair's ruling under a case of Taiwan's minutes: on its line, or the entries under it
    ("一、确认上次会议纪录。\n主席裁示:纪录确定。\n二、讨论事项\n主席裁示:\n(一) 修正后确定。\n(二) 请各局配合办理。",
     [("纪录确定", None), ("修正后确定", None), ("请各局配合办理", None)]),
    # what was adopted may be the subject: 获得通过
    ("会上,包保方案获得了一致通过。", [("通过", None)]),
    ("各项报告均获会员一致审议通过。", [("审议通过", None)]),
    ("该项目获得通过验收的资格。", []),
    ("会议审议了《考核办法》。本议案获得通过。", []),  # how the case above was decided
    # a line the verb opens, a list marker at most before it, is the minutes' own decision; a count of votes is none
    ("会议的召开符合规定。\n三、审议通过《关于修订<公司章程>的议案》。表决情况:同意9票。",
     [("审议通过《关于修订<公司章程>的议案》", "关于修订<公司章程>的议案")]),
    ("会议的召开符合规定。\n同意公司不再设置监事会。", [("同意公司不再设置监事会", None)]),
    ("同意9票,反对0票。", []),
    # how the body took it may stand before the verb
    ("会上,与会理事充分肯定协会工作,并以鼓掌方式一致通过《秘书处工作报告》。",
     [("通过《秘书处工作报告》", "秘书处工作报告")]),
    # ... or the tally of its vote
    ("会员大会于当天举行,以56票赞成、1票反对及2票弃权通过决议案。", [("通过决议案", None)]),
    # only a body 审议通过 or 表决通过, whoever the clause's subject
    ("秘书长王伟宣读关于修改《协会章程》的说明,并审议表决通过了《协会章程》修正案。",
     [("审议表决通过了《协会章程》修正案", "协会章程")]),
    ("秘书长王伟宣读了说明,并通过了这一做法。", []),
    # 决议 as a verb (Taiwan's minutes and announcements) after its body or opening a clause, not the noun
    ("本公司九十九年三月五日董事会决议发放现金股利。另决议订定四月一日为除息基准日。",
     [("决议发放现金股利", None), ("决议订定四月一日为除息基准日", None)]),
    ("依据理事会决议,成立工作组。三月五日理事会之决议因故暂缓执行。董事会决议事项公告", []),
    ("与会党员进行表决,并通过支部接收预备党员决议。", [("通过支部接收预备党员决议", None)]),
    # a shareholders' meeting's result of each item, on the line under the item's name
    ("1、议案名称:《2023年度董事会工作报告》\n审议结果:通过\n表决情况:同意186票\n2、议案名称:《年度报告》\n审议结果:通过",
     [("通过", "2023年度董事会工作报告"), ("通过", "年度报告")]),
])
def test_decisions_in_more_constructions(text, expected):
    assert decisions(text) == expected


@pytest.mark.parametrize("text, result, counts", [
    ("会议应到董事9人,实到董事8人。会议以8票赞成、0票反对、0票弃权审议通过了《年度预算》。", "adopted",
     {"votes_for": 8, "votes_against": 0, "abstentions": 0, "present": 8, "expected": 9}),
    ("表决结果:赞成11票,反对1票,弃权2票,会议表决通过了该议案。", "adopted",
     {"votes_for": 11, "votes_against": 1, "abstentions": 2, "present": None, "expected": None}),
    ("全体委员一致通过了换届方案。", "unanimous",
     {"votes_for": None, "votes_against": None, "abstentions": None, "present": None, "expected": None}),
    ("会议同意增补2名委员。", "adopted",
     {"votes_for": None, "votes_against": None, "abstentions": None, "present": None, "expected": None}),
])
def test_decision_result_and_votes(text, result, counts):
    found = find_decisions(text, 0, len(text))
    assert len(found) == 1
    assert found[0].result == result and found[0].votes == counts


def test_participants_exclude_the_cited_and_the_author():
    from pipeline.ingest import Page
    from pipeline.nlp import load_pipeline
    from pipeline.page import process_page

    text = ("镇政府召开安全生产会议\n文/记者 周文\n3月5日上午,镇政府在三楼会议室召开安全生产会议。"
            "镇长王海主持会议,副镇长李强、刘明出席,张红缺席。会议传达学习了陈国书记在全会上的讲话。"
            "会议审议通过了《安全生产责任制》。")
    page = Page(doc_id="t", path="t", text=text, title="镇政府召开安全生产会议", body_start=text.index("3月"))
    rows = process_page(page, load_pipeline("jieba"))
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
    # people whose words or requirements are conveyed, and the name of a doctrine, take no part
    ("局长吴涛主持会议。会议传达了市局副局长钱立在座谈会上提出的要求。", {"吴涛"}, {"钱立"}),
    ("局长吴涛主持会议。会议还传达学习了孙平市长批示要求,研究了贯彻意见。", {"吴涛"}, {"孙平"}),
    ("局长吴涛主持会议。会议强调,要以习近平新时代中国特色社会主义思想为指导。", {"吴涛"}, {"习近平"}),
])
def test_who_takes_part(text, taking_part, not_taking_part):
    from pipeline.ingest import Page
    from pipeline.nlp import load_pipeline
    from pipeline.page import process_page

    text = "某某单位召开会议\n3月5日上午,某某单位召开工作会议。" + text
    page = Page(doc_id="t", path="t", text=text, title="某某单位召开会议", body_start=text.index("3月"))
    names = {r["name"] for r in process_page(page, load_pipeline("jieba"))["participants"] if r["role"] != "absent"}
    assert taking_part <= names and not names & not_taking_part


@pytest.mark.parametrize("names, kind", [
    (("2024年第十四次校长办公会议",), "office"),
    (("县十六届人大常委会第二次会议",), "peoples_congress"),   # not a standing meeting
    (("局党组理论学习中心组扩大会议",), "theory_study"),       # not a party committee
    (("公司第三届董事会第五次会议",), "board"),
    (("镇村民代表大会",), "residents_assembly"),
    (("秋季安全工作推进会",), "work_meeting"),
    (("迎新春茶话会",), "symposium"),
    (("膳食委员会会议",), "other"),
    ((None, "某县政府召开第12次常务会议"), "standing"),          # the headline when the name is not known
    ((None, None), None),
])
def test_meeting_kind_from_the_controlled_vocabulary(names, kind):
    from pipeline.normalize.structure import meeting_kind

    assert meeting_kind(*names) == kind


@pytest.mark.parametrize("name, term, session", [
    ("第三届理事会第五次会议", 3, 5), ("区十七届人大一次会议", 17, 1), ("2025年第17次常务会议", None, 17),
    ("第八届二次居民代表大会", 8, 2), ("年终总结会", None, None), (None, None, None),
])
def test_term_and_session(name, term, session):
    from pipeline.normalize.structure import term_and_session

    assert term_and_session(name) == (term, session)


@pytest.mark.parametrize("date, date_text, earlier, headline_year, published, source", [
    ("2023-05-06", "2023年5月6日", [], None, None, "text"),
    ("2023-05-06", "5月6日", ["2023年工作计划"], None, None, "text"),
    ("2013-06-21", "6月21日", [], 2013, "2013-06-25", "headline"),
    ("2023-05-06", "5月6日", [], None, "2023-05-08", "published"),
    ("XXXX-05-06", "5月6日", [], None, None, "unknown"),
    (None, None, [], None, None, "unknown"),
])
def test_year_source(date, date_text, earlier, headline_year, published, source):
    from pipeline.normalize.structure import year_source

    assert year_source(date, date_text, earlier, headline_year, published) == source


def test_a_day_only_when_year_month_and_day_are_known():
    import datetime as dt

    from pipeline.normalize.structure import known_day

    assert known_day("2023-02-28TMO") == dt.date(2023, 2, 28)
    assert [known_day(v) for v in ("XXXX-02-28", "2023-02-XX", "2023-02-30", None)] == [None] * 4


@pytest.mark.parametrize("text, organizer", [
    ("今天下午藕塘中心幼儿园召开会议", "藕塘中心幼儿园"),
    ("乡村振兴战略实施小组(下称“实施小组”)召开首次会议", "乡村振兴战略实施小组"),
    ("某某社区居委会圆满召开", "某某社区居委会"),
    ("以及上级部门召开", None),
    # a list marker before it, a stop word or people after it, a fragment that is no body
    ("2、本次董事会召开", "董事会"),
    ("本报讯 市政府召开", "市政府"),  # a news dateline before it
    ("某某镇中心小学组织全体教师召开", "某某镇中心小学"),
    ("科技中心党支部全体党员召开", "科技中心党支部"),
    ("“院坝会”一般召开", None),
    ("(三)九十四年召开", None),
    # a verb, an adverb, a modal or the copula is no body
    ("各支部持续召开", "各支部"),
    ("持续召开", None),
    ("必须依上市公司召开", None),
    ("是新年伊始医院召开", None),
])
def test_organizer_without_time_adverbs_and_notes(text, organizer):
    from pipeline.normalize.structure import clean_organizer

    verb = text.index("召开")
    found = clean_organizer(text, 0, verb)
    assert (text[found[0]:found[1]] if found else None) == organizer


@pytest.mark.parametrize("organizer, page, resolved", [
    ("我院", ["我院召开职代会", "首页\n新邵县人民医院\n"], "新邵县人民医院"),
    ("我校", ["我校召开安全会议", "首页 - 正文\n"], "我校"),          # the page names no school: as written
    ("本公司", ["东方电气股份有限公司第二届董事会决议公告"], "东方电气股份有限公司"),
    ("区政协", ["区政协召开主席会议"], "区政协"),
])
def test_organizer_resolved_within_the_page(organizer, page, resolved):
    from pipeline.normalize.structure import resolve_organizer

    assert resolve_organizer(organizer, page) == resolved


def test_the_url_a_page_gives_as_its_own():
    from pipeline.normalize.structure import url_in_text

    assert url_in_text("……完。\n转载请注明原文网址:http://www.example.cn/news/12.html\n") == "http://www.example.cn/news/12.html"
    assert url_in_text("详见 http://www.example.cn 的通知") is None


@pytest.mark.parametrize("text", [
    "会议记录\n会议强调,要落实安全责任,通过走访掌握民意。",      # no date, no name, no decision
    "5月6日,村委会召开会议。\n会上大家讨论了道路修缮问题。",   # a day without a year
    "",                                                          # nothing at all
])
def test_partial_input_gives_nulls_not_invented_values(text):
    from pipeline.ingest import Page
    from pipeline.nlp import load_pipeline
    from pipeline.page import process_page

    page = Page(doc_id="t", path="t", text=text, title=None, body_start=0)
    rows = process_page(page, load_pipeline("jieba"))
    assert rows["decisions"] == []
    for m in rows["meetings"]:
        assert m["day"] is None and m["year_source"] == "unknown" and m["name"] is None
        assert m["term"] is None and m["session"] is None
    assert len(rows["documents"]) == 1


def test_an_entry_and_the_clause_adopting_it_are_one_decision():
    text = "会议审议通过了如下议案:\n1、关于修订《财务制度》的议案\n会议同意修订《财务制度》。"
    found = find_decisions(text, 0, len(text))
    assert [(text[d.start:d.end], d.document, d.verb, d.result) for d in found] == [
        ("关于修订《财务制度》的议案", "财务制度", "同意", "adopted")]


def test_the_kind_vocabulary_is_well_formed():
    from pipeline.resources import load_json

    kinds = load_json("meeting_kinds.json")
    codes = [k["code"] for k in kinds["kinds"]] + [kinds["other"]["code"]]
    assert len(codes) == len(set(codes)) and all(k["label"] and k["words"] for k in kinds["kinds"])
    # a narrower kind is tried before a wider one whose word it contains
    order = {w: i for i, k in enumerate(kinds["kinds"]) for w in k["words"]}
    for narrow, i in order.items():
        for wide, j in order.items():
            if wide != narrow and wide in narrow:
                assert i <= j, (narrow, wide)
