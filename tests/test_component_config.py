"""The rules' windows and thresholds are component config: each value is
read by its rule (changing it changes the result on a sentence written for
it), saved in config.cfg, and read back from it by a loaded pipeline."""
from __future__ import annotations

from dataclasses import asdict, fields, replace

import pytest
import spacy

from pipeline.ingest import Page, clean_page
from pipeline.nlp import STAGES, build_pipeline
from pipeline.normalize.items import ItemRules, find_items
from pipeline.normalize.meetings import DateRules
from pipeline.normalize.people import PeopleRules, find_people
from pipeline.normalize.roles import RoleRules, assign_roles
from pipeline.normalize.splitting import SplitRules, meeting_ranges
from pipeline.normalize.structure import StructureRules, acted_on, find_decisions, is_conveyed, minutes_heading
from pipeline.normalize.venues import VenueRules, find_organizers, find_venues
from pipeline.page import process_page

RULES_OF_COMPONENT = {"meeting_splitter": SplitRules, "meeting_people": PeopleRules, "meeting_venues": VenueRules,
                      "meeting_roles": RoleRules, "meeting_items": ItemRules, "meeting_assembler": DateRules,
                      "meeting_structure": StructureRules}


def roles(text: str, rules: RoleRules) -> list[tuple[str, str]]:
    mentions = find_people(text)
    return sorted((text[mentions[k].start:mentions[k].end], role) for k, role, _, _ in assign_roles(text, mentions, rules))


def people(text: str, rules: PeopleRules) -> list[tuple[str, list[str]]]:
    return sorted((m.name, [text[a:b] for a, b in m.titles]) for m in find_people(text, rules=rules))


def items(text: str, rules: ItemRules) -> list[tuple[str, str | None]]:
    return [(i.marker, i.speaker) for _, i in find_items(text, [(0, len(text))], find_people(text), rules)]


def spans(text: str, found) -> list[str]:
    return [text[a:b] for a, b in found]


def venues(text: str, rules: VenueRules) -> list[str]:
    return spans(text, find_venues(text, 0, len(text), rules))


FORMS = ("时间:2023年3月5日上午\n天气:晴\n整理:办公室\n地点:村委会议室\n内容:讨论春耕。\n"
         "时间:2023年4月9日上午\n天气:雨\n整理:办公室\n地点:村部二楼\n内容:讨论防汛。")
BUNDLE = "学校后勤工作会议记录一\n会议讨论了食堂管理。\n学校后勤工作会议记录二\n会议讨论了宿舍维修。"
LABEL_LIST = "出席者:\n主席 何国基先生\n议员 陈丽芬女士\n议员 黄志强先生\n一、通过上次会议记录"
CONVEYED = "会议传达了省委书记张明同志在全省农村工作会议上的讲话精神。"

# (value, what it decides, its sentence, the result by default, the value changed, the result then)
CASES = [
    ("form_field_lines", lambda t, r: len(meeting_ranges(t, 0, r)), FORMS, 2, SplitRules(form_field_lines=2), 1),
    ("max_heading_chars", lambda t, r: len(meeting_ranges(t, 0, r)), BUNDLE, 2, SplitRules(max_heading_chars=10), 1),
    ("title_lookback_chars", people, "副理事长为王秀阁、孙艳静。", [("孙艳静", ["副理事长"]), ("王秀阁", ["副理事长"])],
     PeopleRules(title_lookback_chars=3), [("孙艳静", ["理事长"]), ("王秀阁", ["理事长"])]),
    ("chain_org_max_chars", people, "区委常委、区人民政府副区长李强出席会议。", [("李强", ["副区长", "区委常委"])],
     PeopleRules(chain_org_max_chars=3), [("李强", ["副区长"])]),
    ("chain_title_lookback_chars", people, "党委书记、董事长刘利民出席会议。", [("刘利民", ["董事长", "党委书记"])],
     PeopleRules(chain_title_lookback_chars=4), [("刘利民", ["董事长", "书记"])]),
    ("colon_list_reach_chars", people, "主席团常务主席:王建国、李明华\n会议审议了报告。", [("王建国", ["常务主席"])],
     PeopleRules(colon_list_reach_chars=3), []),
    ("listing_verb_gap_chars", people, "参加会议的有王建国、李明华。", [("李明华", []), ("王建国", [])],
     PeopleRules(listing_verb_gap_chars=1), []),
    ("post_in_clause_chars", people, "会议任命吕靖、李保庚为县农业局局长。", [("吕靖", ["局长"]), ("李保庚", ["局长"])],
     PeopleRules(post_in_clause_chars=4), [("吕靖", []), ("李保庚", [])]),
    ("posts_before_verb_chars", people, "由周建强副校长同志担任学校工会主席。", [("周建强", ["副校长", "工会主席"])],
     PeopleRules(posts_before_verb_chars=3), [("周建强", ["副校长"])]),
    ("post_after_verb_chars", people, "由周建强副校长担任学校工会主席。", [("周建强", ["副校长", "工会主席"])],
     PeopleRules(post_after_verb_chars=2), [("周建强", ["副校长"])]),
    # jieba counts 关怀 697 times: common at the default threshold, a possible name above 697
    ("vouched_list_min_items", people, "名誉会长有候国平、严丽华、蔡志诚。", [], PeopleRules(vouched_list_min_items=3),
     [("严丽华", ["名誉会长"]), ("候国平", ["名誉会长"]), ("蔡志诚", ["名誉会长"])]),
    ("common_word_freq", people, "社区领导关怀慰问老人。", [], PeopleRules(common_word_freq=800), [("关怀", [])]),
    ("elected_reach_chars", roles, "会议选举梁振东为会长、宋延华为常务副会长。", [("宋延华", "elected"), ("梁振东", "elected")],
     RoleRules(elected_reach_chars=5), [("梁振东", "elected")]),
    ("label_window_chars", roles, "主持人:村党支部书记刘德明\n会议讨论了春耕。", [("刘德明", "chair")],
     RoleRules(label_window_chars=5), []),
    ("object_lookback_chars", roles, "会议向副县长李强汇报了工作。", [], RoleRules(object_lookback_chars=0),
     [("李强", "reporter")]),
    ("list_line_max_chars", roles, LABEL_LIST, [("何国基", "chair"), ("陈丽芬", "attendee"), ("黄志强", "attendee")],
     RoleRules(list_line_max_chars=5), [("何国基", "chair")]),
    ("list_lines_up", roles, LABEL_LIST, [("何国基", "chair"), ("陈丽芬", "attendee"), ("黄志强", "attendee")],
     RoleRules(list_lines_up=1), [("何国基", "chair")]),
    ("list_gap_chars", roles, "区委书记张明、区长李强出席会议。", [("张明", "attendee"), ("李强", "attendee")],
     RoleRules(list_gap_chars=2), [("李强", "attendee")]),
    ("list_piece_max_chars", roles, "区委书记张明、区人民政府办公室主任李强出席会议。",
     [("张明", "attendee"), ("李强", "attendee")], RoleRules(list_piece_max_chars=3), [("李强", "attendee")]),
    ("verb_lead_chars", roles, "副县长李强同志,亲自主持召开会议。", [("李强", "chair")], RoleRules(verb_lead_chars=1), []),
    ("group_clauses_max", roles, "副县长王强,各部门负责同志,部分人大代表列席会议。", [("王强", "attendee")],
     RoleRules(group_clauses_max=0), []),
    ("manner_clause_max_chars", roles, "副县长王强结合分管工作,强调要抓好安全。", [("王强", "speaker")],
     RoleRules(manner_clause_max_chars=3), []),
    ("heading_chars", items, "一、董事会会议召开情况\n（一）审议通过了年度报告。\n（二）审议通过了预算方案。",
     [("一、", None), ("（一）", None), ("（二）", None)], ItemRules(heading_chars=5), [("（一）", None), ("（二）", None)]),
    ("narrative_reach", items, "副县长张明指出：首先要统一思想，其次要落实责任，最后要加强督查。县长李强表示赞同。",
     [("首先", None), ("其次", None), ("最后", None)], ItemRules(narrative_reach=5),
     [("首先", "张明"), ("其次", "张明"), ("最后", "张明")]),
    ("marker_gap_chars", items, "会议要求：一是统一思想，把握好今年工作的方向。会议听取了各村的汇报，讨论了春耕生产、防汛备汛等事项。二是落实责任。",
     [("一是", None), ("二是", None)], ItemRules(marker_gap_chars=20), []),
    ("minutes_heading_max_chars", lambda t, r: minutes_heading(t, 0, len(t), r), "学校后勤工作会议记录一\n时间:3月5日",
     (0, 8), StructureRules(minutes_heading_max_chars=8), None),
    ("document_gap_chars", lambda t, r: acted_on(t, 0, len(t), r), "会议审议通过了《春耕方案》、《防汛预案》。",
     ["春耕方案", "防汛预案"], StructureRules(document_gap_chars=0), ["春耕方案"]),
    ("result_lookback_chars", lambda t, r: [d.result for d in find_decisions(t, 0, len(t), r)],
     "会议以举手表决方式全票通过《春耕方案》。", ["unanimous"], StructureRules(result_lookback_chars=0), ["adopted"]),
    ("conveyed_lookback_chars", lambda t, r: is_conveyed(t, t.index("张明"), t.index("张明") + 2, r), CONVEYED,
     True, StructureRules(conveyed_lookback_chars=5), False),
    ("loose_venue_max_chars", lambda t, r: spans(t, find_venues(t, 0, len(t), r)), "3月5日,学校在城关镇文化站召开会议。",
     ["城关镇文化站"], VenueRules(loose_venue_max_chars=3), []),
    ("form_venue_max_chars", venues, "时间:3月5日上午\n地点:县人民政府三楼第一会议室\n主持人:王强",
     ["县人民政府三楼第一会议室"], VenueRules(form_venue_max_chars=5), ["县人民政府"]),
    ("held_venue_max_chars", venues, "3月5日,区政府在区行政中心主持召开常务会议。", ["区行政中心"],
     VenueRules(held_venue_max_chars=4), []),
    ("venue_lead_chars", venues, "3月5日,县政府在县行政中心四楼会议室,召开防汛工作会议。", ["县行政中心四楼会议室"],
     VenueRules(venue_lead_chars=4), []),
    ("manner_gap_chars", venues, "3月5日,县政府在县行政中心四楼会议室以视频会议形式召开防汛工作会议。", ["县行政中心四楼会议室"],
     VenueRules(manner_gap_chars=3), []),
    ("gathered_venue_lead_chars", venues, "党员们齐聚县城关镇文化活动中心礼堂,共同学习。", ["县城关镇文化活动中心"],
     VenueRules(gathered_venue_lead_chars=4), []),
    ("subject_lookback_chars", lambda t, r: spans(t, find_organizers(t, 0, len(t), rules=r)),
     "3月5日,县农业农村局召开春耕生产工作会议。", ["县农业农村局"], VenueRules(subject_lookback_chars=4), ["业农村局"]),
    ("organizer_max_chars", lambda t, r: spans(t, find_organizers(t, 0, len(t), rules=r)),
     "3月5日,县农业农村局召开春耕生产工作会议。", ["县农业农村局"], VenueRules(organizer_max_chars=4), []),
]


@pytest.mark.parametrize("value, decides, text, by_default, changed, then", CASES, ids=[c[0] for c in CASES])
def test_each_window_is_read_by_its_rule(value, decides, text, by_default, changed, then):
    assert getattr(changed, value) != getattr(type(changed)(), value)
    assert decides(text, type(changed)()) == by_default
    assert decides(text, changed) == then


def test_every_window_has_its_case():
    tested = {c[0] for c in CASES}
    for rules in (SplitRules, PeopleRules, RoleRules, ItemRules, StructureRules, VenueRules):
        assert {f.name for f in fields(rules)} <= tested, rules.__name__


def test_the_saved_pipeline_carries_every_window_in_its_config(tmp_path):
    build_pipeline("jieba").to_disk(tmp_path / "nlp")
    config = spacy.util.load_config(tmp_path / "nlp" / "config.cfg")
    for component, rules in RULES_OF_COMPONENT.items():
        for name, value in asdict(rules()).items():
            assert config["components"][component][name] == value, (component, name)


def test_a_changed_window_is_saved_and_governs_the_loaded_pipeline(tmp_path):
    nlp = build_pipeline("jieba")
    nlp.replace_pipe("meeting_venues", "meeting_venues", config={"organizer_max_chars": 4})
    nlp.to_disk(tmp_path / "nlp")
    assert "organizer_max_chars = 4" in (tmp_path / "nlp" / "config.cfg").read_text(encoding="utf-8")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == STAGES
    assert loaded.get_pipe("meeting_venues").rules == replace(VenueRules(), organizer_max_chars=4)
    text = "农业农村局召开春耕会议\n3月5日,县农业农村局召开春耕生产工作会议,局长王强主持。"
    organizer = [process_page(clean_page(Page("o", "o.txt"), text), pipeline)["meetings"][0]["organizer"]
                 for pipeline in (build_pipeline("jieba"), loaded)]
    assert organizer == ["县农业农村局", None]
