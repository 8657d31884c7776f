"""People, titles and aliases on sentences from real reports."""
from __future__ import annotations

import pytest

from pipeline.normalize.people import find_people, merge_persons
from pipeline.normalize.script import to_simplified


def people(text: str) -> dict[str, set[str]]:
    """Person (Simplified key) -> titles as written."""
    persons = merge_persons(find_people(to_simplified(text)), text)
    return {key: set(p["titles"]) for key, p in persons.items()}


@pytest.mark.parametrize("sentence, expected", [
    # title + name
    ("2月28日上午,副校长张立峰在一号楼第五会议室主持召开会议", {"张立峰": {"副校长"}}),
    # a name between two posts holds both
    ("会议由学术委员会主任委员盛维民院士主持", {"盛维民": {"主任委员", "院士"}}),
    # the field a post is for is part of it (安全总监, 技术副总经理)
    ("会议由安全总监张涛主持", {"张涛": {"安全总监"}}),
    ("技术副总经理李明出席会议", {"李明": {"技术副总经理"}}),
    # 第一书记 is one post; 第一, opening a point, is none
    ("驻村第一书记王海涛参加会议", {"王海涛": {"驻村第一书记"}}),
    ("第一,书记王海涛强调要抓落实", {"王海涛": {"书记"}}),
    ("镇里召开县派第一书记对接会", {}),  # 派 (sent) ends no given name
    # posts chained by 、, the second after its unit's long name
    ("区政府副区长、经济开发区管理委员会副主任王立新主持会议", {"王立新": {"副区长", "副主任"}}),
    # name + title, two people joined by 和
    ("付梦印校长和刘丽华副校长出席了会议", {"付梦印": {"校长"}, "刘丽华": {"副校长"}}),
    # an organisation glued before the name
    ("后勤服务中心宋伟华主任汇报了后勤服务中心2016年主要工作", {"宋伟华": {"主任"}}),
    # a chain of titles joined by 、
    ("集团党委书记、董事长刘利民讲话", {"刘利民": {"党委书记", "董事长"}}),
    # a list of names after one title
    ("区政协主席宋丕林主持会议,副主席王向梅、徐生明、县毅、罗荣昌参加会议",
     {"宋丕林": {"主席"}, "王向梅": {"副主席"}, "徐生明": {"副主席"}, "县毅": {"副主席"}, "罗荣昌": {"副主席"}}),
    # province + title: 江苏 is a place, not a name
    ("陕西省委书记胡和平、省长刘国中和江苏省长吴政隆、河南省长陈润儿、广东省长马兴瑞发了言",
     {"胡和平": {"省委书记"}, "刘国中": {"省长"}, "吴政隆": {"省长"}, "陈润儿": {"省长"}, "马兴瑞": {"省长"}}),
    # honorifics are not titles
    ("以习近平同志为核心的党中央", {"习近平": set()}),
    ("最后教导处丁丽丽老师宣读了新学期课务", {"丁丽丽": set()}),
    ("医院引进高志远医生作为学科带头人", {"高志远": set()}),
    ("三年级二班王小明同学代表学生发言", {"王小明": set()}),
    ("会上特别赞许林晓敏校友为校友网所作的贡献", {"林晓敏": set()}),
    # two-character names
    ("校长石维出席会议并讲话,副校长杨建主持会议", {"石维": {"校长"}, "杨建": {"副校长"}}),
    # Traditional script: titles as written
    ("集體學習由黨委副書記馬寅戌主持", {"马寅戌": {"黨委副書記"}}),
])
def test_title_and_name_shapes(sentence, expected):
    assert people(sentence) == expected


def test_a_form_label_of_members_gives_its_post_to_the_names_listed():
    assert people("出席议员 : 曹立真 刘焯明\n缺席议员 : 周锦辉\n出席代表:林美玲") == {
        "曹立真": {"议员"}, "刘焯明": {"议员"}, "周锦辉": {"议员"}, "林美玲": set()}


def test_a_leader_named_in_a_doctrine_or_a_title_is_a_person():
    assert people("会议学习了习近平新时代中国特色社会主义思想。") == {"习近平": set()}
    assert people("领学了《习近平关于全面加强党的纪律建设论述摘编》。") == {"习近平": set()}
    assert people("深入学习习近平总书记重要讲话精神。") == {"习近平": {"总书记"}}


def test_alias_resolves_to_the_full_name():
    text = "会议由包伟强校长主持,包校长对新一届班子成员提出了三个要求"
    found = find_people(text)
    assert {m.key for m in found} == {"包伟强"}
    assert any(m.alias and m.name == "包校长" for m in found)


def test_an_alias_is_not_the_pages_author_unless_the_report_names_the_author():
    assert people("会议由班主任王老师主持。\n(文/图 王进)") == {"王老师": {"班主任"}, "王进": set()}
    assert people("会议由党建老师周路明主持。\n周老师首先布置了工作。\n文/周路明") == {"周路明": set()}


def test_alias_without_full_name_stays_as_written():
    text = "本网讯 6月14日,大发社区召开社区网格化管理工作会议,会议由社区毛主任主持并发表讲话"
    assert people(text) == {"毛主任": {"主任"}}
    assert people("区民政局林副局长莅临指导。") == {"林副局长": {"副局长"}}  # a deputy's post too
    # a school's post before surname + 老师; the post of the alias before it is no post of this one
    assert people("德育处程主任、大队辅导员刘老师以及全体班主任参加了会议。") == {"程主任": {"主任"}, "刘老师": {"辅导员"}}


def test_a_given_name_may_end_in_a_character_that_would_lack_its_object():
    assert people("会议由业务院长景拴让主持。") == {"景拴让": {"业务院长"}}  # 让 (to let) and no object
    assert people("院长李明让主持人宣读名单。") == {"李明": {"院长"}}
    assert people("校长王强让大家发言。") == {"王强": {"校长"}}
    assert people("会议由镇长刘松年主持。") == {"刘松年": {"镇长"}}  # no year stands before a verb without a number
    assert people("镇长刘松出席了2023年年会。") == {"刘松": {"镇长"}}


@pytest.mark.parametrize("sentence", [
    "加强后勤干部职工廉政建设,注意廉政风险点的防控",
    "财务负责人公布了上一季度的财务报告",
    "社区两委成员、网格员、党员代表及居民组长等20余人参会",
    "全镇干部职工和各村居书记参加会议",
])
def test_words_that_look_like_names_are_not_people(sentence):
    assert people(sentence) == {}


def test_a_body_credited_as_the_source_is_no_person():
    assert people("会议召开。\n作者:陶可欣 文章来源:县妇联 点击数:862") == {"陶可欣": set()}
    assert people("会议召开。\n来源:县应急管理局 浏览次数:20") == {}


def test_credit_lines_are_people():
    text = "(编辑:张东方 一审:田淼 二审:梁光华 叁审:叶丹)"
    assert set(people(text)) == {"张东方", "田淼", "梁光华", "叶丹"}
    assert set(people("时间:2023-08-18 19:21:29 文/张东东老师 会议学文网")) == {"张东东"}
    # a name that fills its field may be a word of the dictionary; in running text it is none
    assert set(people("一审:田淼    二审:江山    三审:叶丹")) == {"田淼", "江山", "叶丹"}
    assert set(people("编辑:江山如画")) == set()


def test_compound_surnames_and_their_aliases():
    text = "院党委书记欧阳明辉主持会议,院长司马建国作工作报告。欧阳书记强调,全院职工要凝心聚力。"
    assert people(text) == {"欧阳明辉": {"党委书记"}, "司马建国": {"院长"}}


def test_list_of_names_closed_by_a_comma():
    text = "副院长王芳、李建华,纪委书记张伟出席会议。"
    assert people(text) == {"王芳": {"副院长"}, "李建华": {"副院长"}, "张伟": {"纪委书记"}}


def test_title_after_a_chain_with_organisations():
    text = "中共中央政治局常委、国务院总理李克强在西安主持召开部分省政府主要负责人经济形势座谈会"
    assert people(text) == {"李克强": {"常委", "总理"}}


def test_appointed_post_is_a_title():
    text = "第二项议程由王校长宣布工会主席调整决定,由周建强副校长担任学校工会主席,全体教师举手通过。"
    assert people(text)["周建强"] == {"副校长", "工会主席"}


@pytest.mark.parametrize("sentence, expected", [
    # the posts of courts and procuratorates
    ("会议任命孟凡强等25名同志为人民陪审员。", {"孟凡强": {"人民陪审员"}}),
    ("审判员邱晓梅宣读了判决书", {"邱晓梅": {"审判员"}}),
    # the post ends the clause after a long body's name
    ("会议任命韩振宇为市人大常委会代表工作委员会主任,免去其原职务。", {"韩振宇": {"主任"}}),
    # the holder's own post may stand between 由 and the name
    ("理事长由市中医院院长高立群担任,秘书长由曹丽娟担任。", {"高立群": {"理事长", "院长"}, "曹丽娟": {"秘书长"}}),
    ("检察官周立伟宣读了起诉书", {"周立伟": {"检察官"}}),
    # the posts of a party branch committee
    ("纪律委员郭立文和青年委员吴晓丹参加会议", {"郭立文": {"纪律委员"}, "吴晓丹": {"青年委员"}}),
])
def test_posts_of_courts_and_party_committees(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a married woman's name of four before a verb; the founding president of an association
    ("感謝里長林黃秀琴號召居民籌組協會", {"林黄秀琴": {"里長"}}),
    ("創會長吳振興先生致詞。吳創會長表示,協會成立十年", {"吴振兴": {"創會長"}}),
])
def test_taiwan_names_and_posts(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a surname that is mostly a word: after a post, and opening a clause elsewhere
    ("公司总经理和立军、副总经理曾乃东参加了会议。最后,和立军对工作提出了要求。",
     {"和立军": {"总经理"}, "曾乃东": {"副总经理"}}),
    ("公司总经理和立军出席。", {}),
    ("校长和老师们参加了会议。最后,和老师们一起合影。", {}),
    # ... or a list of posts and names that goes on after it
    ("市法院院长孙建华,市检察院检察长应志强,市监委负责同志列席会议。", {"孙建华": {"院长"}, "应志强": {"检察长"}}),
    ("市法院院长孙建华,市检察院检察长应邀出席。", {"孙建华": {"院长"}}),
    ("市法院院长孙建华,检察长应志强。", {"孙建华": {"院长"}}),
])
def test_rare_surnames_need_a_second_mention(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # surnames of the Hundred Family Surnames: 展, 全, compound 闻人, 赫连
    ("院感科科长展鹏就传染病防控工作作了部署", {"展鹏": {"科长"}}),
    ("教研室主任全晓琪、副主任闻人杰出席会议", {"全晓琪": {"主任"}, "闻人杰": {"副主任"}}),
    # a function word is no given name (與會長官其中2款: 會長 + 官其中)
    ("提供与会长官其中2款", {}),
    # a given name may end in 月, unless it makes a word of time with the character before it
    ("会议由副园长甄晓月主持", {"甄晓月": {"副园长"}}),
    ("会议由副园长张本月主持", {}),
    ("县教研室主任褚永年、县一中校长闻人泰出席会议", {"褚永年": {"主任"}, "闻人泰": {"校长"}}),  # so may 年
    ("副县长李明,副县长张华今年分管教育。", {"李明": {"副县长"}}),  # no 张华今年 nor 华今年
    # a row of a table of votes: the post after 选举…为 ends at a space; 非独立董事, 非职工代表监事
    ("9.04 选举卢嘉禾为第五届董事会非独立董事 186,150,210 99.8380 是", {"卢嘉禾": {"董事会非独立董事"}}),
    ("11.02 选举揭小娟为第五届监事会非职工代表监事 186,287,950 是", {"揭小娟": {"监事会非职工代表监事"}}),
    # an honorific before 为 after an appointing verb; 亲自 before the verb; 股长; 隆, 庹
    ("董事会同意聘任谈晓宇先生为公司副总经理,任期三年。", {"谈晓宇": {"副总经理"}}),
    ("会议由副总经理隆雪梅主持,农村合作经济指导股股长蒲永刚、庹春燕出席会议。",
     {"隆雪梅": {"副总经理"}, "蒲永刚": {"股长"}, "庹春燕": {"股长"}}),
    # 任 before a post is the verb, no character of a name nor a name's surname (由王涛任组长, 任期至)
    ("成立工作专班,由副县长王涛任组长,任期至2026年。", {"王涛": {"副县长", "组长"}}),
    # 作 ends no name (区人大常委会主任公孙慧作报告)
    ("区人大常委会主任公孙慧作常委会工作报告。", {"公孙慧": {"主任"}}),
    # a bracketed aside in the organisation before the post (县工商联(总商会)主席); surname 解
    ("会议选举甘慕白为县工商联(总商会)主席(会长)。", {"甘慕白": {"主席"}}),
    ("区委常委、组织部部长解晓莉出席会议并讲话。", {"解晓莉": {"区委常委", "部长"}}),
    # posts of schools and kindergartens
    ("会上,安全管理员揭永强通报了隐患排查情况", {"揭永强": {"安全管理员"}}),
    ("随后,保健医生欧阳秀兰就体检作了讲解", {"欧阳秀兰": {"保健医生"}}),
])
def test_more_surnames_given_names_and_posts(sentence, expected):
    assert people(sentence) == expected


def test_a_name_that_is_also_a_word_when_the_context_is_clear():
    text = "总经理万里、副总经理常青出席会议。会计公布了上一季度的财务报告。"
    assert people(text) == {"万里": {"总经理"}, "常青": {"副总经理"}}


def test_posts_joined_by_jian():
    assert people("公司副总经理兼财务总监赵五主持会议。") == {"赵五": {"副总经理", "财务总监"}}


def test_names_introduced_by_a_group_word():
    assert people("校领导张三、李四、王五出席会议。") == {"张三": set(), "李四": set(), "王五": set()}
    assert people("专家王建国教授作了报告。") == {"王建国": {"教授"}}
    # 班子成员 (the members of a leadership team) is a group, no post
    assert people("班子成员嵇向东、贲晓梅、车文斌依次作个人对照检查。") == {"嵇向东": set(), "贲晓梅": set(), "车文斌": set()}
    # 教师满意、学生满意: words, not names
    assert people("建立评价标准,即教师满意、学生满意、学校领导满意、后勤职工满意") == {}


@pytest.mark.parametrize("sentence, expected", [
    # a post with a suffix: 助理, 候选人
    ("会议由孙建明行长助理主持", {"孙建明": {"行长助理"}}),
    ("大会确定刘长河为理事长候选人", {"刘长河": {"理事长候选人"}}),
    # national posts and legislators
    ("全国人大常委会副委员长丁志国到会指导", {"丁志国": {"副委员长"}}),
    ("議員林美惠及陳志豪議員服務處主任到場關心", {"林美惠": {"議員"}, "陈志豪": {"議員"}}),
    # a list of names closed by 和 shares the post; a pair joined by 和 does not
    ("监事周立新、孔祥和和卫东升列席会议", {"周立新": {"监事"}, "孔祥和": {"监事"}, "卫东升": {"监事"}}),
    ("村党支部书记马建国和侯文杰同志一同入户走访", {"马建国": {"党支部书记"}, "侯文杰": set()}),
    # names before a counted post: 等4位里长, 2名委员
    ("东区林正雄、黄国华、苏永和等3位里长获评优秀里长", {"林正雄": {"里长"}, "黄国华": {"里长"}, "苏永和": {"里长"}}),
    ("另吴天佑、谢宗翰2位理事列席", {"吴天佑": {"理事"}, "谢宗翰": {"理事"}}),
    # a list of names may follow the unit its people come from
    ("市工作专班孙明霞、吴涛、韩立等同志到会指导。", {"孙明霞": set(), "吴涛": set(), "韩立": set()}),
    # a group word introduces a name when a role verb or a list closes it
    ("会上,村民蒋顺发表示:道路硬化是大家的心愿", {"蒋顺发": set()}),
    ("业主钱先生就停车问题提出了建议", {"钱先生": set()}),
    # bylines: several names in one bracket, a key before the name
    ("推动工作落到实处。(韩晓东 冯丽 曹建军)", {"韩晓东": set(), "冯丽": set(), "曹建军": set()}),
    ("(记者 郑有)4月2日上午,县政府召开常务会议", {"郑有": set()}),
    # a key after the names; several names after one key, the unit they come from before them
    ("切实提高服务水平。(孙立平撰稿)", {"孙立平": set()}),
    ("(撰稿:党委宣传部 韩冰 审稿:党委宣传部 金明华、程远)", {"韩冰": set(), "金明华": set(), "程远": set()}),
    ("编辑:罗晓燕审核:吴建平 钱玲", {"罗晓燕": set(), "吴建平": set(), "钱玲": set()}),
    ("编辑:刘建中 李四", {"刘建中": set(), "李四": set()}),
    ("(文字:杏林路街道 郝岚 单位审核:卫振宇)", {"郝岚": set(), "卫振宇": set()}),  # a unit longer than a name
    ("(审稿:欧阳建中 李四)", {"欧阳建中": set(), "李四": set()}),  # a name of a compound surname is no unit
    # a source may be a unit and its person; a poster is credited too; a site is no person
    ("日期:2015-09-10 编辑: 来源: 医务科 陈晨\n9月8日下午召开会议。", {"陈晨": set()}),
    ("发布者:甘真玉发布时间:2022-05-13", {"甘真玉": set()}),
    ("来源:新华网", {}),
    ("图/唐林海 审/靳攀科", {"唐林海": set(), "靳攀科": set()}),
    ("随后,指导老师罗圣明进行了总结和点评。", {"罗圣明": {"指导老师"}}),
    ("(通讯员 孙立华 审核 罗建平 吴明 )", {"孙立华": set(), "罗建平": set(), "吴明": set()}),
    ("(撰稿人:钱晓东 审稿人:冯立)", {"钱晓东": set(), "冯立": set()}),
    ("完成年度目标。(文字:韩梅;审核:高远征)", {"韩梅": set(), "高远征": set()}),
    ("党委书记领学。(庞国栋摄)", {"庞国栋": set()}),
    # a name the dictionary knows needs no boundary before its post
    ("认真学习贯彻习近平总书记重要讲话精神", {"习近平": {"总书记"}}),
    # nor one after a verb the dictionary tags as something else (落实: a)
    ("深入贯彻落实郝岚书记在年会上的讲话精神", {"郝岚": {"书记"}}),
    # several form fields on one line
    ("主持人:吕国庆 记录人:邵雪梅", {"吕国庆": set(), "邵雪梅": set()}),
])
def test_lists_suffixes_groups_and_bylines(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "不断提升群众幸福感、满意度和安全感",
    "全体党员庄严地举起右手,重温入党誓词",
    "第二支部党员代表业主向社区工作人员表示感谢",
    "关于印发《考核办法(修订)》的通知",
    "全校30名教师参加了培训",
    "公司两名监事列席了会议",
])
def test_group_words_and_counts_without_a_name(sentence):
    assert people(sentence) == {}


@pytest.mark.parametrize("sentence, expected", [
    # a name ends where the next word starts
    ("副县长周强调研了镇村道路建设", {"周强": {"副县长"}}),
    ("党委书记林岩针对存在的问题提出整改意见", {"林岩": {"党委书记"}}),
    ("小组组长何伟作总结讲话", {"何伟": {"组长"}}),
    # ... unless three characters are followed by a whole word, or the name is written again
    ("党委副书记倪明亮出席了会议", {"倪明亮": {"党委副书记"}}),
    ("秘书长吴林生为大家通报筹备情况。吴林生秘书长强调,要抓紧落实。", {"吴林生": {"秘书长"}}),
    # a name opening a clause, an adverb before its verb of speaking; 均 ends a given name
    ("会上,宋明华也表示赞同。随后,黎晓岚又提出了两点建议。", {"宋明华": set(), "黎晓岚": set()}),
    ("会上,范元均通报了上半年工作。", {"范元均": set()}),
    # ... or a preposition and its object; a group word before the name
    ("会上,邓立新对此表示赞同。", {"邓立新": set()}),
    ("优秀党员钟立鹏就入党初心作了发言。", {"钟立鹏": set()}),
    ("会议对下阶段工作作了部署。", {}),
    ("最后,柯文涛对下阶段安全工作进行部署。", {"柯文涛": set()}),
    ("随后,优秀党员钟立鹏就“党的初心”进行了分享。", {"钟立鹏": set()}),
    # a common noun is no name, whatever closes it (负责人关系,)
    ("明确学科负责人与院系、专业负责人关系,提高效率。", {}),
    # 会 may stand inside a given name, not at its end
    ("随后,孙立波、刘会杰两位同志介绍了入党情况", {"孙立波": set(), "刘会杰": set()}),
    # 以 (by means of) ends a name, but may stand inside one
    ("董事长钟志杰以《抢抓机遇》为题作工作报告。", {"钟志杰": {"董事长"}}),
    ("书记王达以“初心”为题讲党课。", {"王达": {"书记"}}),
    ("会长李以军主持。", {"李以军": {"会长"}}),
    # a unit's name (a noun of the dictionary) may stand right before a name and its post
    ("某某冷弯科技黄宏明总经理代表会员单位发言。", {"黄宏明": {"总经理"}}),
    ("初一年级马丽主任对学生管理提出要求。", {"马丽": {"主任"}}),
    # a name ends before 会见 (which jieba tags as a noun)
    ("镇长陈国栋会见了投资考察团一行", {"陈国栋": {"镇长"}}),
    # ... nor inside a word that follows names: 先生 is one word
    ("董事长高峰先生出席签约仪式", {"高峰": {"董事长"}}),
    # a preposition that is also a surname, before a word, is no name
    ("校长向全体教师提出三点要求", {}),
    ("会长向大家介绍了商会的发展情况", {}),
    # a verb of the dictionary before a name and its post, unless the name would open with a word
    ("校长强调胡丽萍局长对安全工作的要求", {"胡丽萍": {"局长"}}),
    ("我们要了解班级和班主任的情况", {}),
    # an organisation after a list comma opens the next post
    ("副县长孔令武、县政协副主席甘小鹏列席会议", {"孔令武": {"副县长"}, "甘小鹏": {"副主席"}}),
    ("总经理顾问钱国良列席会议", {"钱国良": {"顾问"}}),
])
def test_name_edges(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the chair's slot vouches for a name that is also a word
    ("会议由肖大志主持。", {"肖大志": set()}),
    ("会议由办公室主持。", {}),
    # common surnames
    ("县人大常委会副主任衣萍主持会议", {"衣萍": {"副主任"}}),
    ("副校长单立新、涂海波出席", {"单立新": {"副校长"}, "涂海波": {"副校长"}}),
])
def test_chair_slot_and_surnames(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a post with its own modifier before a colon, shared by the list after it
    ("主席团常务主席:孔建国、段明华、卫志强", {"孔建国": {"常务主席"}, "段明华": {"常务主席"}, "卫志强": {"常务主席"}}),
    # a bare form label is a role, not a post
    ("主席:孔建国 纪录:段明华", {"孔建国": set(), "段明华": set()}),
    # a line broken between the post and the name
    ("会议由区委副书记\n孔建国主持", {"孔建国": {"区委副书记"}}),
    # a post in brackets after the name
    ("主持人:孔建国(村支书)", {"孔建国": {"村支书"}}),
])
def test_posts_around_form_labels(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # names transliterated from Uyghur, Tibetan, Mongolian: parts joined by a middle dot
    ("自治区主席艾尔肯·吐尼亚孜主持会议", {"艾尔肯·吐尼亚孜": {"主席"}}),
    ("副主任王建、阿沛·阿旺晋美、李军出席会议", {"王建": {"副主任"}, "阿沛·阿旺晋美": {"副主任"}, "李军": {"副主任"}}),
    ("州委副书记买买提·艾力和县长张强参加", {"买买提·艾力": {"州委副书记"}, "张强": {"县长"}}),
    # a dotted name of a place is no person
    ("新园区·科创中心举办开放日", {}),
])
def test_transliterated_names(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a given name may hold a character that often opens a phrase, but not end with it
    ("最后,镇党委书记贾应蝶同志作总结", {"贾应蝶": {"镇党委书记"}}),
    ("会上,主任王有才主持会议", {"王有才": {"主任"}}),
    ("会上,主任张三应邀出席", {"张三": {"主任"}}),
    # a married woman's name with both surnames (Taiwan)
    ("里长林张素珍出席并致辞", {"林张素珍": {"里长"}}),
    ("现任会长潘金源致欢迎词", {"潘金源": {"会长"}}),
    ("监事吴陈玉兰、高明出席", {"吴陈玉兰": {"监事"}, "高明": {"监事"}}),
    # a frequent word tagged as a name in the dictionary is no name on weak evidence
    ("今年要从组织建设、领导关怀、合作共赢等方面开展工作", {}),
    # a long list: its names may end with 本 before a joiner, and the last one before a verb
    ("特邀理事吕建国、彭少华、王立本和薛志远指导工作", {"吕建国": {"理事"}, "彭少华": {"理事"}, "王立本": {"理事"},
                                          "薛志远": {"理事"}}),
    ("副主任黄东军、雷永发、邓建华和县人大常委会组成人员参加会议",
     {"黄东军": {"副主任"}, "雷永发": {"副主任"}, "邓建华": {"副主任"}}),
    # a post cut to one character names the person but is no title
    ("董事长郭明忠出席。郭董表示,公司将持续投入", {"郭明忠": {"董事长"}}),
    # a name of four from Mongolian, closed by a list comma
    ("传达了省委书记巴音朝鲁、省长王强的讲话", {"巴音朝鲁": {"省委书记"}, "王强": {"省长"}}),
    ("传达了省委书记巴特尔朝、省长王强的讲话", {"巴特尔朝": {"省委书记"}, "王强": {"省长"}}),
    ("学术委员会秘书处就章程修订、学科负责人管理办法、机构方案作了说明", {}),
    # a surname that is also a short post (董) opens a full name
    ("会上,部长董宇龙带领大家学习", {"董宇龙": {"部长"}}),
    # rarer surnames
    ("副镇长禚立新、茆建华参加会议", {"禚立新": {"副镇长"}, "茆建华": {"副镇长"}}),
    # 代表 after a person is the verb "to represent"
    ("党支部书记李博代表支委向全体党员汇报工作", {"李博": {"党支部书记"}}),
    ("镇长杜长江同志代表镇政府签订责任书", {"杜长江": {"镇长"}}),
    ("香港区议会选举中,议员陈美玲代表民主派宣读声明", {"陈美玲": {"议员"}}),
    ("黄文华代表民主派宣读声明", {"黄文华": set()}),
    ("市政府蔡玉如顾问代表卢市长出席", {"蔡玉如": {"顾问"}, "卢市长": {"市长"}}),
    ("会上,代表王芳发言", {"王芳": {"代表"}}),
])
def test_given_name_characters_and_verbs_among_posts(sentence, expected):
    assert people(sentence) == expected


def test_a_frequent_word_on_a_segmenter_boundary_is_no_name():
    import jieba

    text = "李某、陈某等4位里长荣获市府特优里长"
    starts = {a for _, a, _ in jieba.tokenize(text)}
    assert "荣获" not in {m.name for m in find_people(text, 0, starts)}


@pytest.mark.parametrize("sentence, expected", [
    # a surname and a post that the dictionary knows as one word (班主任, 班长) are no alias
    ("参会人员:全体一年级家长、班主任、李明", {"李明": set()}),
    ("会上,班主任代表发言,王校长作总结。", {"王校长": {"校长"}}),
    # ... a rare one may be (黄会计 is in the dictionary twice)
    ("会上,黄会计通报了收支情况。", {"黄会计": {"会计"}}),
])
def test_a_word_of_a_surname_and_a_post_is_no_alias(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a form's list: the name before 及 and the rest, the name after its unit
    ("出席人员:谷建明、毕秋云及各科室主任", {"谷建明": set(), "毕秋云": set()}),
    ("列席:区住建局冯志刚,区教育局谢宁", {"冯志刚": set(), "谢宁": set()}),
    ("参加:沈立群、何振宇、莫晓红", {"沈立群": set(), "何振宇": set(), "莫晓红": set()}),
    # a list closed by 等 and the group it belongs to, an adverb, the verb
    ("课后,卓振华、蒲雅琴、班杰等老师先后发言。", {"卓振华": set(), "蒲雅琴": set(), "班杰": set()}),
    # the elected, counted or not, and appointed in passive
    ("经投票,选出赖建志、钟美玲、许文豪三位老师为教师评审委员会委员。",
     {"赖建志": {"委员"}, "钟美玲": {"委员"}, "许文豪": {"委员"}}),
    ("郑海鹰、卢佳佳等12人当选为副会长,夏一帆被聘任为秘书长。",
     {"郑海鹰": {"副会长"}, "卢佳佳": {"副会长"}, "夏一帆": {"秘书长"}}),
    # 为 may stand inside a given name; a name takes no character of the preposition after it
    ("副县长王为民主持会议", {"王为民": {"副县长"}}),
    ("会议听取了办公室主任甘露关于学风建设的通报。", {"甘露": {"主任"}}),
    # the posts in brackets after a name, each after its unit at most
    ("缺席人员:刘洋(党工委委员、武装部部长)、黄秀琴(委员、妇联主席)",
     {"刘洋": {"党工委委员", "部长"}, "黄秀琴": {"委员", "妇联主席"}}),
    ("主持人:黄志刚(街道党工委书记)", {"黄志刚": {"党工委书记"}}),
    # the longer word is the post (总会计 + 师); 受 (entrusted by) follows a name
    ("副总裁陆菲、总会计师宫建军出席会议。", {"陆菲": {"副总裁"}, "宫建军": {"总会计师"}}),
    ("副校长黎国华受校长委托主持会议。", {"黎国华": {"副校长"}}),
    # the post the appointed name holds already may stand before 为
    ("会议选举韦世杰教授为学术委员会副主任委员。", {"韦世杰": {"教授", "副主任委员"}}),
    # an honorific that opens a longer word (校友会) closes no name; a verb after a group word is none
    ("戚校长代表母校向北京校友会授旗。", {"戚校长": {"校长"}}),
    ("要让在京校友常联系、常走动。", {}),
    # group words before a name: alumni, police
    ("化工系校友汤志勇作了工作报告。", {"汤志勇": set()}),
])
def test_lists_forms_and_elections_in_more_constructions(sentence, expected):
    assert people(sentence) == expected


def test_the_unit_a_page_comes_from_is_no_person():
    import jieba

    text = "发布时间:2024-06-19 来源:石桥镇人民政府 作者:通讯员 罗建新"  # 石桥镇|人民政府: a place
    starts = {a for _, a, _ in jieba.tokenize(text)}
    assert {m.name for m in find_people(text, 0, starts)} == {"罗建新"}


def test_a_name_of_two_surnames_holds_no_function_character():
    import jieba

    text = "董事王强因公出差未能出席。"  # 强 is a surname, but 强因公 no given name: 因 opens a phrase
    starts = {a for _, a, _ in jieba.tokenize(text)}
    assert {m.name for m in find_people(text, 0, starts)} == {"王强"}


def test_a_name_on_a_segmenter_boundary_does_not_run_into_a_post():
    import jieba

    text = "学会推举院长刘卫东教授任名誉理事长。"  # 任|名誉|理事长: 任 is the verb before the post
    starts = {a for _, a, _ in jieba.tokenize(text)}
    assert {m.name for m in find_people(text, 0, starts)} == {"刘卫东"}


@pytest.mark.parametrize("sentence, expected", [
    # names listed without posts, closed by a verb of attending or opened by …的有
    ("会议由王建国同志主持,李明华、赵丽、孙伟等参加。", {"王建国": set(), "李明华": set(), "赵丽": set(), "孙伟": set()}),
    ("张建华、赵丽华参加会议", {"张建华": set(), "赵丽华": set()}),
    # ... or by a verb of speaking or reporting, an adverb before it
    ("会上,张建华、赵丽华先后发言。", {"张建华": set(), "赵丽华": set()}),
    ("会上,王女士、陈先生纷纷发言。", {"王女士": set(), "陈先生": set()}),
    ("会上,各部门、各科室纷纷发言。", {}),
    ("参加会议的有王建国、李明华、赵丽等同志。", {"王建国": set(), "李明华": set(), "赵丽": set()}),
    ("出席会议的领导有:王建国、李明华。", {"王建国": set(), "李明华": set()}),
    # a name opening a clause with 作了/传达了/出席
    ("会上,王建国作了工作报告。随后,李丽传达了会议精神", {"王建国": set(), "李丽": set()}),
    ("会上,高度重视作了部署", {}),
    # a list holding anything but names is no list of names
    ("全体党员、王五参加会议", {}),
    ("安全、环保、质量等部门参加", {}),
])
def test_bare_lists_of_attending_names(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a list of bare names given one post
    ("经会员推荐:钱晓东、孔令华晋升商会副会长;毛丽娟、邹建国、谭宇当选理事。",
     {"钱晓东": {"副会长"}, "孔令华": {"副会长"}, "毛丽娟": {"理事"}, "邹建国": {"理事"}, "谭宇": {"理事"}}),
    ("新一届委员会聘任邵志文为主任委员,龚丽萍、范家俊任副主任委员。",
     {"邵志文": {"主任委员"}, "龚丽萍": {"副主任委员"}, "范家俊": {"副主任委员"}}),
    # a post, then the list that holds it
    ("大会选举产生了新一届理事会,副理事长为丁立新、蒋雅琴和贺晓军。",
     {"丁立新": {"副理事长"}, "蒋雅琴": {"副理事长"}, "贺晓军": {"副理事长"}}),
    ("参加会议的常委有苗志强、温海燕、鲁永生。", {"苗志强": {"常委"}, "温海燕": {"常委"}, "鲁永生": {"常委"}}),
    # one name after the post; a long list may hold one name whose surname we do not know (候 for 侯)
    ("大会推选创会会长为吕建邦,名誉会长有候国平、严丽华、蔡志诚、钟美玲。",
     {"吕建邦": {"创会会长"}, "候国平": {"名誉会长"}, "严丽华": {"名誉会长"}, "蔡志诚": {"名誉会长"}, "钟美玲": {"名誉会长"}}),
    ("名誉会长有候国平、严丽华。", {}),
    ("校长为大家介绍了学校概况。", {}),
    # names counted as persons, with or without a verb after them
    ("支部书记介绍了孟繁星、钟丽两位同志的入党情况。", {"孟繁星": set(), "钟丽": set()}),
    ("会议决定任命邱明远、柏玉芬、蔡俊三位同志为县监察委员会委员。",
     {"邱明远": {"委员"}, "柏玉芬": {"委员"}, "蔡俊": {"委员"}}),
    ("本届委员会共聘任卢家豪等21人为委员。", {"卢家豪": {"委员"}}),
    ("会议同意了彭建业、苏晓梅、霍志刚等12位同志辞去职务的请求。", {"彭建业": set(), "苏晓梅": set(), "霍志刚": set()}),
    # one name given a post by an unambiguous verb, or a post held by a name
    ("大会选举产生了新一届理事会。顾明轩当选第二届理事会会长。", {"顾明轩": {"会长"}}),
    ("大会选举产生了新一届理事会。齐立峰当选第二届理事会会长并发表讲话。", {"齐立峰": {"会长"}}),
    # the appointed keeps the post when an honorific closes the name
    ("本次股东大会选举林素芬女士为公司独立董事。", {"林素芬": {"独立董事"}}),
    ("会议选举聂建平同志为工会主席。", {"聂建平": {"工会主席"}}),
    # a list of appointments after one verb
    ("会议选举梁振东为第一届理事会会长、宋延华为常务副会长。", {"梁振东": {"会长"}, "宋延华": {"常务副会长"}}),
    # a list after the verb of appointing vouches for its names, a post or not
    ("大会选举马德福、孙强、赵卫东为新一届理事会成员。", {"马德福": set(), "孙强": set(), "赵卫东": set()}),
    ("会议通过了报告、方案为下一步工作依据。", {}),
    # each clause of the sentence may appoint again
    ("会议选举梁振东为会长,宋延华、王丽为副会长,王丽为秘书长(兼)。",
     {"梁振东": {"会长"}, "宋延华": {"副会长"}, "王丽": {"副会长", "秘书长"}}),
    # 任 (to serve as) before the post, after the name or its honorific
    ("会议任命李四为办公室主任,王五任副主任。", {"李四": {"主任"}, "王五": {"副主任"}}),
    ("大会推举书记王志芹教授任名誉主任委员。", {"王志芹": {"书记", "教授", "名誉主任委员"}}),
    ("会议由业务副院长刘景明主持。", {"刘景明": {"业务副院长"}}),
    ("理事长由马国庆担任,秘书长由严立红担任。", {"马国庆": {"理事长"}, "严立红": {"秘书长"}}),
    # a list closed by 等 and the group it belongs to
    ("谭振华、鲍丽君、韦国强等县领导出席会议。", {"谭振华": set(), "鲍丽君": set(), "韦国强": set()}),
])
def test_bare_name_lists_vouched_for_by_a_post_or_a_count(sentence, expected):
    assert people(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a name may not end inside a post: 任 is the verb, 名誉教授 the post
    ("会议邀请王丽芹书记任名誉教授。", {"王丽芹": {"书记", "名誉教授"}}),
    # a post that starts a longer word is no post: 会计师, 校长室, 主席台
    ("公司征询律师及会计师意见后决定延期。", {}),
    ("校长张海平在校长室主持召开会议。", {"张海平": {"校长"}}),
    # a post of its own, not 书记 + 员
    ("书记员沈佳怡出席并记录。", {"沈佳怡": {"书记员"}}),
])
def test_name_and_post_edges_respect_whole_words(sentence, expected):
    assert people(sentence) == expected


def test_a_name_may_open_after_de_or_yu():
    # 医院的李志江院长, 关于陈月洪、朱春龙两位同志: 的 and 于 close what stands before a name
    assert people("市传染病医院的韩志江院长当选为主任委员。") == {"韩志江": {"院长", "主任委员"}}
    assert people("会议表决通过了关于邵春华、严立军两位同志辞职的请求。") == {"邵春华": set(), "严立军": set()}


def test_a_form_field_of_surname_post_and_given_name_is_one_name():
    # 主席:鐘校長 長生: Taiwan's minutes put the post between surname and given name
    assert people("主 席:林校長 明德 紀錄:陳怡君") == {"林校长 明德": {"校長"}, "陈怡君": set()}
    # outside a form field, or before a verb, the alias stays an alias
    assert people("会议由王校长 主持") == {"王校长": {"校长"}}


def test_a_verb_before_a_name_and_its_honorific_opens_the_name():
    # 审议并通过何艳华同志代表…: 通过 ends where the name starts, 同志 closes it
    assert people("会议审议并通过邵文华同志代表理事会所作的工作报告。") == {"邵文华": set()}
    assert people("会上派发了褚天佑老师出版的书法作品集。") == {"褚天佑": set()}
