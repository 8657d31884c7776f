"""Venues, organizers and roles on sentences from real reports."""
from __future__ import annotations

import pytest

from pipeline.normalize.people import find_people
from pipeline.normalize.roles import _rules as role_rules, assign_roles
from pipeline.normalize.venues import find_organizers, find_venues


def venues(text):
    return [text[a:b] for a, b in find_venues(text, 0, len(text))]


@pytest.mark.parametrize("sentence, venue", [
    ("2月28日上午,副校长张立峰在一号楼第五会议室主持召开会议", "一号楼第五会议室"),
    ("国家教育委员会于xx年6月13日至16日在武汉华中理工大学召开了全国高等学校后勤工作会议", "武汉华中理工大学"),
    ("14日,中共中央政治局常委、国务院总理李克强在西安主持召开部分省政府主要负责人经济形势座谈会", "西安"),
    ("8月25日上午,下甸庙小学的全体中层以上干部齐聚小会议室,参加新学期的第一次校务会议", "小会议室"),
    ("2016年10月25日上午,在办公楼二楼会议室,我院副院长高汉义同志,主持召开了反恐防范安全维稳工作会议", "办公楼二楼会议室"),
    ("12月25日,我校在行政楼8520会议室召开安全稳定工作调度会", "行政楼8520会议室"),
    ("地点:村委会议室", "村委会议室"),
    ("时 间:2023年9月4日(周二)\n地 点:卫生院三楼会议室\n参加人员:全体职工", "卫生院三楼会议室"),  # a spaced-out label
    # a date in Chinese numerals before the place; communities and villages are places
    ("繁荣促进会于四月二十三日下午三时在沙梨头活动中心礼堂召开本年度会员大会", "沙梨头活动中心礼堂"),
    ("一场协商会议在宜都市陆城街道名都社区召开", "宜都市陆城街道名都社区"),
    # 假 opens a place in Taiwan and Hong Kong reports
    ("嘉义市某某协会于5月18日假福满楼隆重举行第四届会员大会", "福满楼"),
    ("校友会假观塘富临海鲜酒楼举行理事扩大会", "观塘富临海鲜酒楼"),
    # a named room in quotes
    ("10月18日下午,数学教研组老师在“名师工作室”召开本月教研组会议", "名师工作室"),
    # the place they went to for it
    ("7月5日,学生党支部前往革命历史纪念馆开展主题党日活动", "革命历史纪念馆"),
    # a room as the subject of 召开, 在 left out
    ("3月6日上午,我公司三楼会议室召开二季度安全生产例会", "我公司三楼会议室"),
])
def test_venue(sentence, venue):
    assert venues(sentence)[0] == venue


@pytest.mark.parametrize("sentence", [
    "根据市委部署,八所镇党委安排在2016年下半年进行换届",
    "农田灌溉系统将在下个月进行全面升级",
    "8月4日,合肥市蜀山区合作化南路社区于8月4日组织召开月度工作会议",
    # demonstratives, manners and vague places name no venue
    "镇党委书记带领村干部与村民在这里举行院坝会",
    "期中检测结束后,学校于11月21日下午以班为单位召开了家长会",
    "各单位于3月14日晚在外地各个单位召开专题组织生活会",
    "会上针对上述环节召开了专题讨论",
    "国庆节放假期间学校举行了升旗仪式",
])
def test_no_venue(sentence):
    assert venues(sentence) == []


def test_organizer_is_a_body_not_a_person():
    text = "3月6日上午,副校长孙少平在一号楼第四会议室主持召开安全稳定工作会议。5月14日,区政协召开主席会议"
    found = [text[a:b] for a, b in find_organizers(text, 0, len(text), find_people(text))]
    assert found == ["区政协"]
    text = "3月6日上午,我公司三楼会议室召开二季度安全生产例会。4月2日,村委会召开村民代表会议"
    assert [text[a:b] for a, b in find_organizers(text, 0, len(text))] == ["村委会"]


def roles(text):
    mentions = find_people(text)
    return {(mentions[k].key, role) for k, role, _, _ in assign_roles(text, mentions)}


def test_chair_and_attendees():
    text = "付梦印校长和刘丽华副校长出席了会议,党政办副主任杨韵、后勤服务中心班子成员参加了会议。会议由刘丽华副校长主持。"
    got = roles(text)
    assert ("刘丽华", "chair") in got and ("付梦印", "chair") not in got
    assert {("付梦印", "attendee"), ("刘丽华", "attendee"), ("杨韵", "attendee")} <= got


def test_chair_across_a_comma_and_a_list_of_attendees():
    got = roles("在办公楼二楼会议室,我院副院长高汉义同志,主持召开了会议。区政协主席宋丕林主持会议,副主席王向梅、徐生明参加会议")
    assert {("高汉义", "chair"), ("宋丕林", "chair"), ("王向梅", "attendee"), ("徐生明", "attendee")} <= got
    assert ("王向梅", "chair") not in got


def test_a_clause_with_its_own_subject_is_not_the_names_before_it():
    # 召集人 is a post, not the verb 召集; the report after the comma is the group leaders', not the list's
    assert roles("会议由会长王海主持,副会长韩立平、邹国栋,各片区召集人汇报了工作。") == {("王海", "chair")}
    # taking part is shared down a list of posts and groups
    got = roles("集团常务副总经理苏立华,副总工程师叶志明,所属各单位负责人参加会议。")
    assert {("苏立华", "attendee"), ("叶志明", "attendee")} <= got
    # 以及 goes on with the same subject: the list shares the verb after it
    got = roles("学会副理事长钟立华、石晓东,以及常务理事、理事50余人出席会议。")
    assert {("钟立华", "attendee"), ("石晓东", "attendee")} <= got


def test_form_labels():
    got = roles("会议主持:张村长\n记录人:李秘书")
    assert got == {("张村长", "chair"), ("李秘书", "recorder")}


def test_form_label_followed_by_a_post():
    got = roles("主持人:村党支部书记刘德明\n记录人:张晓丽")
    assert got == {("刘德明", "chair"), ("张晓丽", "recorder")}


def test_reporter_is_not_an_author():
    assert ("张三", "author") not in roles("接受记者采访的张三表示,会议开得很成功。")


def test_a_title_in_brackets_is_read_whole():
    text = "会议审议通过了刘玉珍同志代表第七届理事会所作的《继往开来,锐意创新》工作报告,回顾了五年工作。"
    assert roles(text) == {("刘玉珍", "reporter")}


def test_an_opening_address_is_a_speech():
    assert roles("市中医院院长高立群致开幕词,他希望学会再创佳绩。") == {("高立群", "speaker")}


def test_a_substitute_takes_the_part_of_the_person_before_the_note_who_is_absent():
    got = roles("出席:林志明、张国华(吴佩琪代)、陈文雄(请假)\n列席:王淑芬")
    assert {("吴佩琪", "attendee"), ("张国华", "absent"), ("王淑芬", "attendee"), ("林志明", "attendee")} <= got
    assert ("陈文雄", "absent") in got and not {("陈文雄", "attendee"), ("张国华", "attendee")} & got


def test_more_ways_of_speaking_and_of_making_a_speech():
    assert roles("会议期间,荣誉会长张高明向大家讲述了一件感人的事迹。") == {("张高明", "speaker")}
    assert roles("紧接着,理事长戴建华作两年来会务工作回顾。") == {("戴建华", "speaker")}
    assert roles("副理事长兼司库卢宏远作财务报告。") == {("卢宏远", "reporter")}
    # a self-examination at a 民主生活会, a deployment
    assert roles("班子成员嵇向东、车文斌依次作个人对照检查。") == {("嵇向东", "speaker"), ("车文斌", "speaker")}
    assert roles("副县长王涛就春耕工作作了部署。") == {("王涛", "speaker")}
    # the minutes of what each said: a name opening its line, a colon, a sentence; not a field's names
    assert roles("发言记录:\n组织委员郜立华:希望再下功夫,规范记录。\n支部委员张晓东:我同意。") \
        == {("郜立华", "speaker"), ("张晓东", "speaker")}
    assert ("王五", "speaker") not in roles("参会人员:李四、王五\n王五、赵六:负责会场布置")
    # the one who keeps the minutes, though the dictionary keeps the name from names elsewhere
    assert roles("会议召开。\n记录人:黎明") == {("黎明", "recorder")}


def test_an_idiom_of_manner_leaves_the_verb_to_the_next_clause():
    assert roles("社区副主任范小丽开门见山,鼓励各位代表踊跃发言。") == {("范小丽", "speaker")}


@pytest.mark.parametrize("sentence, expected", [
    # a preposition of manner and its object, then the verb opening the next clause
    ("院长周明以一起医疗纠纷为例,重申了核心制度。", {("周明", "speaker")}),
    ("副镇长刘芳结合分管工作,强调要抓好防汛。", {("刘芳", "speaker")}),
    # the next clause has a subject of its own
    ("校长王刚通过视频连线,各分校校长汇报了工作。", set()),
    # 对…进行了分析: an analysis reported to the meeting
    ("会上,年级主任郑晓峰对期末考试成绩进行了分析。", {("郑晓峰", "reporter")}),
])
def test_a_clause_of_manner_leaves_the_verb_to_the_next_clause(sentence, expected):
    assert roles(sentence) == expected


def test_who_cannot_take_part_is_absent_and_no_attendee():
    got = roles("独立董事刘明芳女士因会议冲突无法参会,委托独立董事薛志涛先生代为参会并表决。")
    assert got == {("刘明芳", "absent"), ("薛志涛", "attendee")}


def test_lists_of_names_each_introduced_by_its_group_share_the_verb():
    got = roles("区领导王明远、黄丽红、陈廷华,经开区领导侯宗明、谢德华及相关单位负责人参加会议。")
    assert got == {(n, "attendee") for n in ("王明远", "黄丽红", "陈廷华", "侯宗明", "谢德华")}


def test_everyone_named_after_the_act_of_electing_in_its_sentence_is_elected():
    got = roles("会议选举梁振东为会长、宋延华为常务副会长,余晓明、胡星辰为副会长。梁振东表示感谢。")
    assert {(n, "elected") for n in ("梁振东", "宋延华", "余晓明", "胡星辰")} <= got
    assert roles("选举工作由王明远主持。") == {("王明远", "chair")}
    # the sentence after the act that gives the posts is its result; the one after that is not
    got = roles("大会选举产生了第五届理事会。理事长由市医院院长周建明担任,副理事长为王秀兰、孙丽。市卫健委李强处长讲话。")
    assert {(n, "elected") for n in ("周建明", "王秀兰", "孙丽")} <= got and ("李强", "elected") not in got
    got = roles("大会选举产生了第五届理事会。会后,理事长周建明主持召开理事会。")
    assert ("周建明", "elected") not in got


def test_a_listing_label_may_name_the_meeting_and_hold_a_count():
    got = roles("参加本次会议的人员有:家委会成员共7人,年级组长卢老师,班主任王老师,总共10人。")
    assert {("卢老师", "attendee"), ("王老师", "attendee")} <= got


def test_everyone_named_under_an_election_results_heading_is_elected():
    got = roles("会中进行理监事选举,结果如下:理事长林淑媛;常务理事田爱玲、纪慧珍;理事许丽红。监事蓝春锦。\n"
                "社会处长周柏松表示祝贺。")
    assert {("林淑媛", "elected"), ("田爱玲", "elected"), ("纪慧珍", "elected"), ("许丽红", "elected"),
            ("蓝春锦", "elected")} <= got
    assert ("周柏松", "elected") not in got


def test_a_form_label_of_members_lists_names_parted_by_spaces():
    listed = " ".join(["曹立真", "刘焯明", "欧安泰", "高开贤", "许光明", "梁庆庭", "冯志强", "关翠华", "贺定国", "崔世昌",
                       "容永恩", "吴国昌", "张立群", "徐伟坤", "陈泽武", "梁玉华"])
    got = roles("出席议员 : " + listed + "\n缺席议员 : 周锦辉\n列席委员:林美玲、黄国栋")
    assert {("曹立真", "attendee"), ("欧安泰", "attendee"), ("梁玉华", "attendee"), ("周锦辉", "absent"),
            ("林美玲", "attendee"), ("黄国栋", "attendee")} <= got
    assert ("周锦辉", "attendee") not in got


def test_a_list_under_a_form_label_runs_past_notes_and_its_label_window():
    listed = "、".join(["林志明", "陈文雄(公假)", "周建华", "赵丽娟(请假)", "孙国强", "郑美玲", "黄志伟(吴佩琪代)",
                        "刘德胜", "杨淑芬", "许国栋", "何振宇", "罗文斌", "高明辉", "郭丽华"])
    got = roles("主席:王国强(请假)刘德明(代)\n出席:" + listed + "\n列席:王淑芬")
    assert {("刘德明", "chair"), ("王国强", "absent"), ("郭丽华", "attendee"), ("罗文斌", "attendee"),
            ("吴佩琪", "attendee"), ("黄志伟", "absent"), ("赵丽娟", "absent"), ("王淑芬", "attendee")} <= got
    assert not {("王国强", "chair"), ("赵丽娟", "attendee"), ("黄志伟", "attendee")} & got
    first_on_leave = roles("出席:" + "、".join(["陈文雄(公假)"] + listed[1:].split("、")[1:]) + "\n列席:王淑芬")
    assert {("陈文雄", "absent"), ("郭丽华", "attendee"), ("周建华", "attendee")} <= first_on_leave


def test_a_comma_list_of_posts_and_groups_shares_its_verb():
    text = "市政府副市长周国清,市法院院长王立军,市监察委员会负责同志,部分市人大代表等列席会议。"
    assert roles(text) == {("周国清", "attendee"), ("王立军", "attendee")}
    assert roles("县长王强,今天天气很好,大家都很高兴,全体干部参加会议。") == set()


def test_a_list_of_those_taking_part_keeps_its_role():
    # 参加会议的…有: a label of any group; the next clause's own subject does not take them over
    text = "参加会议的副会长有冯立新、张春梅,各片区召集人列席会议。"
    mentions = find_people(text)
    got = {(mentions[k].key, role, text[a:b]) for k, role, a, b in assign_roles(text, mentions)}
    assert {(name, role) for name, role, _ in got} == {("冯立新", "attendee"), ("张春梅", "attendee")}
    assert not [cue for _, _, cue in got if "列席" in cue]  # 列席 would make them nonvoting


def test_each_credit_word_credits_the_names_after_it():
    got = roles("工作落到实处。(通讯员 孙立华 审核:罗建平 吴明)")
    assert got == {("孙立华", "author"), ("罗建平", "editor"), ("吴明", "editor")}
    assert roles("(记者 郑有 通讯员 王明)") == {("郑有", "author"), ("王明", "author")}
    assert roles("文/图 李明华") == {("李明华", "author")}
    # a credit closes with its bracket: the people of the report after it are no authors
    got = roles("本报讯(记者 郑有 通讯员 王明)3月15日上午,县委书记张华主持召开会议。")
    assert got == {("郑有", "author"), ("王明", "author"), ("张华", "chair")}


def test_names_listed_after_a_form_label():
    got = roles("主持人:张三\n参会人员:李四、王五、赵六\n记录人:周八")
    assert got == {("张三", "chair"), ("李四", "attendee"), ("王五", "attendee"), ("赵六", "attendee"),
                   ("周八", "recorder")}


@pytest.mark.parametrize("sentence, venue", [
    # a form field whose value runs into the next label, with or without a space
    ("时间:2023年5月6日14:30地点:图书馆报告厅记录:陶然", "图书馆报告厅"),
    ("地点: 镇政府三楼会议室 列席者 : 各村支书", "镇政府三楼会议室"),
    # the first line of a meeting's range is a form field too
    ("会议地点:社区党群服务中心", "社区党群服务中心"),
    # a circumstance frame before the place
    ("全体党员在支部书记何静同志的带领下来到县革命纪念馆,重温入党誓词", "县革命纪念馆"),
])
def test_venue_in_forms_and_frames(sentence, venue):
    assert venues(sentence)[0] == venue


def test_an_activity_is_no_venue():
    assert venues("传达了副省长在山区调研和开展督查时的讲话精神") == []


def test_the_first_line_of_a_range_is_read():
    text = "会议纪要\n会议地点:村委会议室\n主持人:郑大勇"
    assert [text[a:b] for a, b in find_venues(text, 5, len(text))] == ["村委会议室"]


def test_who_organizes_the_meeting_chairs_it():
    text = "4月2日,市公安局副局长吴德明组织召开全市治安工作推进会。"
    mentions = find_people(text)
    roles = {(mentions[k].key, role) for k, role, _, _ in assign_roles(text, mentions)}
    assert ("吴德明", "chair") in roles


@pytest.mark.parametrize("sentence, venue", [
    ("我院业务工作会在四楼会议室顺利召开", "四楼会议室"),
    ("董事会于 2025 年 4 月 18 日在公司会议室以现场与通讯表决相结合的方式召开", "公司会议室"),
    ("3月10日,在1205室由党支部书记吴娜组织召开组织生活会", "1205室"),
    ("协会第五次会长办公会在松江区某某实业集团召开", "松江区某某实业集团"),
])
def test_venue_with_adverbs_manner_and_org_places(sentence, venue):
    assert venues(sentence)[0] == venue


def test_a_part_of_a_month_is_no_venue():
    assert venues("会议决定第十九次会议于11月下旬召开。") == []


def test_the_chair_label_of_traditional_minutes():
    text = "主席:曹國華 記錄:林美惠"
    from pipeline.normalize.script import to_simplified
    simple = to_simplified(text)
    mentions = find_people(simple)
    roles = {(mentions[k].key, role) for k, role, _, _ in assign_roles(simple, mentions)}
    assert ("曹国华", "chair") in roles and ("林美惠", "chair") not in roles
    assert ("林美惠", "recorder") in roles  # 紀錄 is 纪录, a recorder's label as 记录 is


def test_a_form_names_one_chair_and_a_vice_chair_is_none():
    got = roles("列席者:局长陈丽华 主席:王国强 办公室顾问李明远 副主席:刘德华 顾问赵向东")
    assert ("王国强", "chair") in got
    assert not {("李明远", "chair"), ("刘德华", "chair"), ("赵向东", "chair")} & got


def test_a_leave_note_makes_only_its_name_absent():
    got = roles("出席:王国强(请假)刘德明(代)、陈丽华、周建民(公假)、李明远")
    assert {("王国强", "absent"), ("周建民", "absent"), ("刘德明", "attendee"), ("陈丽华", "attendee"),
            ("李明远", "attendee")} <= got
    assert not {("王国强", "attendee"), ("周建民", "attendee"), ("陈丽华", "absent"), ("李明远", "absent")} & got
    assert not any(name in ("请假", "公假") for name, _ in got)


def test_a_label_line_heads_the_lines_of_names_under_it():
    got = roles("出席者:\n主席 何国基先生\n副主席 黄志明先生\n议员 陈丽芬女士、李家豪先生\n缺席者:王大文先生(事假)\n秘书:刘美玲女士")
    assert got == {("何国基", "chair"), ("黄志明", "attendee"), ("陈丽芬", "attendee"),
                   ("李家豪", "attendee"), ("王大文", "absent"), ("刘美玲", "recorder")}
    # a sentence between the label and the name ends the list
    assert ("李四", "attendee") not in roles("出席者:\n会议由张三主持,会上讨论了工作。\n李四发言")
    # a paragraph under a short list is no line of it
    got = roles("责编:\n余红霞\n会议由社区党委书记王国臣主持,居民代表参会。")
    assert ("余红霞", "editor") in got and ("王国臣", "editor") not in got


def test_a_heading_or_a_field_holds_no_meeting():
    text = "四、主席致词:说明本次召开理由。\n议程:召开常务会议"
    assert find_organizers(text, 0, len(text), find_people(text)) == []


@pytest.mark.parametrize("text, expected", [
    # each name with the posts before it, the verb after the last one
    ("县委书记王刚、县长周立平和副县长赵强出席会议。",
     {("王刚", "attendee"), ("周立平", "attendee"), ("赵强", "attendee")}),
    # posts that themselves contain 、 make commas separate the people
    ("市委书记孙立,市委副书记、市长周平,市政协主席吴凯参加会议。",
     {("孙立", "attendee"), ("周平", "attendee"), ("吴凯", "attendee")}),
    # a post after the name, then a post before the next one
    ("区妇联张华主任、区团委书记刘洋到会指导。", {("张华", "attendee"), ("刘洋", "attendee")}),
    # a list under a label, a post with a body in brackets
    ("参会人员:某某(集团)公司总经理陈立,副总经理吴敏", {("陈立", "attendee"), ("吴敏", "attendee")}),
])
def test_a_list_of_people_shares_its_verb_and_label(text, expected):
    assert expected <= roles(text)


@pytest.mark.parametrize("text, person, role", [
    # a verb of someone else's clause is not shared across a comma without posts
    ("会议由王刚主持,李明出席。", "王刚", "attendee"),
    # a name that owns a body is not one of the list
    ("区长钱进及周红议员服务处秘书孙平到场。", "周红", "attendee"),
    # an object of 向/予/给 is not the subject of the verb after it
    ("协会向副会长刘芳颁发证书并表示感谢。", "刘芳", "speaker"),
    # words that contain a verb without being it
    ("会后,社区书记陈红参加座谈交流。", "陈红", "speaker"),
    ("会议通过钱明为新闻发言人。", "钱明", "speaker"),
])
def test_no_role_from_a_clause_that_is_not_the_persons(text, person, role):
    assert (person, role) not in roles(text)


@pytest.mark.parametrize("text, expected", [
    ("主 席:林校长\n纪录:黄美玲", {("林校长", "chair"), ("黄美玲", "recorder")}),
    ("村民代表王大妈提议修建文化广场。", {("王大妈", "speaker")}),
    ("居民代表孙大爷作了简短发言。", {("孙大爷", "speaker")}),
    ("会上,副会长钱立当选为第二届会长。", {("钱立", "elected")}),
])
def test_more_ways_to_take_part(text, expected):
    assert expected <= roles(text)


# the role labels and verbs, composed from the words of roles.json (pipeline/normalize/roles.py)
@pytest.mark.parametrize("head, role", [
    ("主持人:", "chair"),
    ("会议主持:", "chair"),
    ("主 席 :", "chair"),          # a space stands for any spaces
    ("主席 ", "chair"),            # a label opening the line, a space for its colon
    ("副主席:", None),              # a deputy's label is no chair's
    ("记录人：", "recorder"),
    ("纪录:", "recorder"),
    ("参会人员:", "attendee"),
    ("列席领导:", "attendee"),
    ("出席的领导有", "attendee"),
    ("文 / ", "author"),
    ("记者 ", "author"),
    ("责任编辑:", "editor"),
    ("缺席者:", "absent"),
    ("会议强调", None),
])
def test_role_labels_composed_from_their_words(head, role):
    _, labels, _, _, _ = role_rules()
    assert next((r for r, rx in labels if rx.search(head)), None) == role


@pytest.mark.parametrize("clause, role, cue", [
    ("作了重要讲话", "speaker", "作了重要讲话"),      # a speech made: 作了 … 讲话
    ("做出了深刻阐述", "speaker", "做出了深刻阐述"),
    ("强调", "speaker", "强调"),
    ("主持召开会议", "chair", "主持"),
    ("因公未出席", "absent", "因公未出席"),
])
def test_role_verbs_composed_from_their_words(clause, role, cue):
    verbs, _, not_chair, _, _ = role_rules()
    assert dict(verbs)[role].search(clause).group() == cue
    assert not_chair.match("主持人宣布") and not_chair.match("主持词") and not not_chair.match("主持人:")


@pytest.mark.parametrize("sentence, expected", [
    # a reason between the names and the verb of absence; the list shares it, posts or not
    ("常委张德明、李秀兰因病请假。", {("张德明", "absent"), ("李秀兰", "absent")}),
    ("实到41名,杨春林、吴金海因病缺席。", {("杨春林", "absent"), ("吴金海", "absent")}),
    ("党员郝成林、张秀芬、刘国强因外出务工请假。", {("郝成林", "absent"), ("张秀芬", "absent"), ("刘国强", "absent")}),
    # the reason's own verbs give no part in the meeting
    ("法官颜俊因在外地参加集中培训请假。", {("颜俊", "absent")}),
    # a form's label of absent members, each name with its note
    ("缺席党员:马德山(因病请假)、杜文斌(外出务工)", {("马德山", "absent"), ("杜文斌", "absent")}),
])
def test_absence_with_its_reason(sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a duty of the meeting taken on, a seat on the rostrum: taking part
    ("由村民代表邢小娟、周永亮担任监票人。", {("邢小娟", "attendee"), ("周永亮", "attendee")}),
    ("纪委书记潘向东在主席台就座。", {("潘向东", "attendee")}),
    ("支委委员包晓东、杨思琪逐一发言。", {("包晓东", "speaker"), ("杨思琪", "speaker")}),
    # 作了…安排 is a speech made; 作 closing 工作 is no verb of making
    ("龚卫红老师就期末复习作了安排。", {("龚卫红", "speaker")}),
    ("马丽主任听取了各组工作的安排。", set()),
])
def test_duties_seats_and_turns_of_speaking(sentence, expected):
    assert roles(sentence) == expected

