"""One vocabulary per concept (issue 8): each concept's words live in one
lexicon list, the rules' patterns are built from that list (and only from the
part of it marked for their use), no lexicon stores a whole regex, and every
lexicon is validated before a run starts. The sentences are written for the
rules whose vocabulary moved."""
from __future__ import annotations

import json
import re

import pytest

from pipeline import ingest, userdict
from pipeline.normalize import items, meetings, people, roles, splitting, structure, venues
from pipeline.normalize.people import find_people
from pipeline.normalize.roles import assign_roles
from pipeline.normalize.venues import find_organizers
from pipeline.normalize.venues import find_venues
from pipeline.resources import LEXICON_DIR, LexiconError, VOCABULARIES, validate_lexicons, vocabulary, vocabulary_entries

VERB_CONCEPTS = VOCABULARIES["verbs.json"]


def word_lists():
    """(where, words) for every list of words in every JSON lexicon; a vocabulary's
    concept (VOCABULARIES) is the list of its entries' words."""
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith("_"):
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            if all(isinstance(x, str) for x in node):
                yield where, node
            else:
                for k, x in enumerate(node):
                    yield from walk(x, f"{where}[{k}]")
    for path in sorted(LEXICON_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for concept in VOCABULARIES.get(path.name, ()):
            yield f"{path.name}.{concept}", list(vocabulary(path.name, concept))
            del data[concept]
        yield from walk(data, path.name)


CONCEPTS = ([("verbs.json", c) for c in VERB_CONCEPTS] + [("people.json", "honorifics")]
            + [("form_labels.json", "labels"), ("bylines.json", "credits")])


@pytest.mark.parametrize("concept", CONCEPTS)
def test_no_other_list_holds_a_copy_of_the_concept(concept):
    """A list elsewhere that shares three or more words, and half of the shorter
    list, with a concept is a second copy of it under another name."""
    name, key = concept
    words = set(vocabulary(name, key))
    copies = []
    for where, other in word_lists():
        if where == f"{name}.{key}":
            continue
        common = words & set(other)
        if len(common) >= 3 and 2 * len(common) >= min(len(words), len(other)):
            copies.append((where, sorted(common)))
    assert not copies


def test_no_lexicon_stores_a_whole_pattern():
    """The lexicons hold words; the modules compose the patterns."""
    syntax = re.compile(r"\(\?|\\[dswDSW]|\[\^|\{\w\}|\{\d+,\d*\}")
    found = [(where, w) for where, words in word_lists() for w in words if syntax.search(w)]
    keys = [where for where, _ in word_lists() if where.rsplit(".", 1)[-1].endswith(("pattern", "patterns"))]
    assert not found and not keys


def test_every_lexicon_is_validated():
    assert validate_lexicons() == len([p for p in LEXICON_DIR.iterdir() if p.suffix in (".json", ".txt")])


def test_a_vocabulary_has_only_its_declared_uses():
    with pytest.raises(KeyError, match="no use 'sermon'"):
        vocabulary("verbs.json", "speech", "sermon")


def test_validation_names_an_undeclared_use(tmp_path):
    for path in LEXICON_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    data = json.loads((tmp_path / "verbs.json").read_text(encoding="utf-8"))
    data["held"].append({"word": "开会", "for": ["objet"]})
    (tmp_path / "verbs.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError, match="开会 is for objet, which is no use of held"):
        validate_lexicons(tmp_path)


# ------------------------------------------------ the rules read the one list, and only their part of it

def _whole(rx: re.Pattern, word: str) -> bool:
    return bool(rx.fullmatch(word))


def test_role_verbs_are_the_role_entries():
    compiled = dict(roles._rules()[0])
    for role, concept in roles.ROLE_VERBS:
        for word in vocabulary("verbs.json", concept, "role"):
            assert _whole(compiled[role], word), (role, word)
    assert not _whole(compiled["speaker"], "讲")        # 讲 alone only introduces a list (讲解, 讲座)
    assert not _whole(compiled["speaker"], "号召")      # a frame of the body's requirement, no role


def test_list_intro_verbs_are_speech_and_report_entries():
    speech = items._rules()[2]
    for word in vocabulary("verbs.json", "speech", "introduces_list") + vocabulary("verbs.json", "report", "introduces_list"):
        assert _whole(speech, word), word
    assert not _whole(speech, "宣读")  # a report verb of no use introduces_list


def test_held_verbs_by_use():
    object_verbs = vocabulary("verbs.json", "held", "object")
    assert set(object_verbs) <= set(userdict.user_dict_words())
    for word in vocabulary("verbs.json", "held", "organizer"):
        assert _whole(venues.HELD, word), word
    for word in ("举办", "组织开展"):  # they take activities as objects: 组织举办学术交流活动
        assert word in object_verbs and not venues.HELD.fullmatch(word)
    for word in vocabulary("verbs.json", "held", "sentence"):
        assert meetings.HOLDS_MEETING.search(word), word
    place_verbs = re.compile(venues._rules()[2].pattern)
    for word in vocabulary("verbs.json", "held", "place"):
        assert _whole(place_verbs, word), word


def test_citing_verbs_by_use():
    for word in vocabulary("verbs.json", "citing", "before_name"):
        assert items.CITED_BEFORE.search(word + "了")
    for word in vocabulary("verbs.json", "citing", "before_date"):
        assert _whole(meetings.CITES_EARLIER, word)
    assert not meetings.CITES_EARLIER.search("学习")  # 理论学习中心组于3月5日…: the day is the meeting's
    assert all(structure._conveyed_rules()[0].fullmatch(w) for w in vocabulary("verbs.json", "citing", "conveys"))


def test_directive_frames_are_the_framing_speech_entries():
    frames = structure._rules()["directive"]
    for word in vocabulary("verbs.json", "speech", "frames_directive"):
        assert _whole(frames, word)
    assert not frames.fullmatch("讲话")  # 会议听取了某某的讲话,审议通过…: still a decision


def test_name_cues_and_honorifics_by_use():
    for concept in ("chair", "speech", "report", "absent"):
        for word in vocabulary("verbs.json", concept, "name_cue"):
            assert people.ROLE_VERBS.fullmatch(word), word
    lex = people.lexicon()
    address = set(vocabulary("people.json", "honorifics", "address"))
    assert address >= {"同志", "老师", "先生", "女士"} and address <= set(lex.honorifics)
    assert "教授" in lex.honorifics and "伯" not in lex.honorifics and "伯" in lex.kinship


def test_a_name_ends_before_every_verb_of_a_role():
    followers = people.lexicon().follower_re
    for _, concept in roles.ROLE_VERBS:
        for word in vocabulary("verbs.json", concept, "role"):
            assert followers.fullmatch(word), (concept, word)
    assert all(followers.fullmatch(w) for w in vocabulary("verbs.json", "held", "organizer"))
    assert not followers.fullmatch("举办")  # a held verb of activities, no organizer's


def test_body_suffixes_by_use():
    for word in vocabulary("structure.json", "body_suffixes", "not_named"):
        assert structure.BODY_NAME.search("东湖街道" + word), word
    for word in vocabulary("structure.json", "body_suffixes", "organizer"):
        assert venues.BODY_NAME.search("东湖街道" + word), word
    assert venues.BODY_NAME.search("公司董事会") and not structure.BODY_NAME.search("公司董事会")


@pytest.mark.parametrize("text, name", [
    ("12月5日,东方电力公司第三届董事会在总部三楼会议室举行。", "东方电力公司第三届董事会"),  # the board's meeting
    ("12月5日,市青年企业家协会在市工商联三楼会议室隆重召开。", None),                # the body that holds one
])
def test_a_subject_named_after_a_body_is_a_meeting_only_where_the_body_names_its_meetings(text, name):
    found = structure.meeting_name(text, 0, len(text))
    assert (text[found[0]:found[1]] if found else None) == name


def test_a_body_holding_a_meeting_is_its_organizer():
    text = "3月2日上午,东方电力公司董事会召开临时会议,审议通过了年度预算。"
    assert [text[a:b] for a, b in find_organizers(text, 0, len(text), find_people(text))] == ["东方电力公司董事会"]


def test_what_closes_a_name_is_read_from_the_honorifics_and_the_verbs():
    closers = set(people.lexicon().name_closers)
    assert set(vocabulary("people.json", "honorifics", "closes_name")) | {"同志", "女士"} <= closers
    assert set(vocabulary("verbs.json", "attend", "closes_list")) | {"主持"} <= closers
    assert "老师" not in closers and "教授" not in closers  # they follow nouns too (语文老师, 客座教授)


@pytest.mark.parametrize("text, name", [
    ("镇长江海到会并讲话。", "江海"),             # a word, but a name before a verb of taking part
    ("县委书记赵海洋隆重召开座谈会。", "赵海洋"),  # a name ends before a held verb
])
def test_a_name_closed_by_what_follows_it(text, name):
    assert name in {m.name for m in find_people(text)}


def test_a_teacher_after_a_post_is_no_name():
    assert not find_people("校长金牌老师讲话。")


def test_cited_words_and_own_acts_are_read_from_items_json():
    lexicon = json.loads((LEXICON_DIR / "items.json").read_text(encoding="utf-8"))
    for word in lexicon["cited_words"]:
        assert items.CITED_AFTER.match("在全会上的" + word), word
    for act in lexicon["own_acts"]:
        assert not items.CITED_AFTER.match(act + "大家学习县委全会上的讲话"), act
    assert items.CITED_AFTER.match("在学习贯彻全会精神会议上的讲话")  # 学习 alone names that meeting


def test_url_keys_are_read_from_bylines_json():
    for key in json.loads((LEXICON_DIR / "bylines.json").read_text(encoding="utf-8"))["url_keys"]:
        assert structure.url_in_text(f"转载请注明{key}:http://www.example.cn/a/1.html") == "http://www.example.cn/a/1.html"
    assert structure.url_in_text("http://www.example.cn/a/1.html") is None


def labels(use, **attributes):
    return vocabulary("form_labels.json", "labels", use, **attributes)


def test_validation_names_a_credit_without_its_mark(tmp_path):
    for path in LEXICON_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    data = json.loads((tmp_path / "bylines.json").read_text(encoding="utf-8"))
    data["credits"].append({"word": "美编", "mark": "：", "role": "editor"})
    (tmp_path / "bylines.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LexiconError, match="美编 needs a mark"):
        validate_lexicons(tmp_path)


def test_a_form_label_is_selected_by_its_field():
    assert set(labels("venue")) <= set(vocabulary("form_labels.json", "labels", field="place"))
    assert "主持人" in labels("role", field="chair") and "主持人" not in labels("role", field="recorder")
    assert set(labels("opens_form")) == set(vocabulary("form_labels.json", "labels", field=("time", "date")))


def test_form_openings_and_fields_are_the_form_label_entries():
    split = splitting.patterns()
    for word in labels("opens_form"):
        assert split.form_opening.match(word + ":") and split.form_opening.match("会议" + word + ":")
        assert meetings.HOLDS_MEETING.search(word + ":") and word in ingest.AMBIGUOUS_DATE_KEYS
        assert ingest.META_KEY.match(word + ":")
    assert not split.form_opening.match("地点:")
    for word in labels("form_field"):
        assert split.form_field.match(word) and ingest.FORM_FIELD.match(word + ":"), word
    assert not ingest.FORM_FIELD.match("时间:")  # the opening is no field after it
    for word in labels("field"):
        assert ingest._labelled_field().match(word + ":"), word
    for word in labels("field", field=("time", "place")):
        assert ingest.FORM_FIELD_AFTER_DATE.match(" ".join(word) + ":"), word  # 时 间:


def test_role_labels_are_the_form_labels_of_their_field_and_the_credits_of_their_role():
    compiled = dict(roles._rules()[1])
    for role in ("chair", "recorder", "absent"):
        for word in labels("role", field=role):
            assert compiled[role].search(" ".join(word) + ":"), word  # 主 持 人:, 秘 书:
    for entry in vocabulary_entries("bylines.json", "credits", "name"):
        if entry["role"] in ("author", "editor"):
            assert compiled[entry["role"]].search(entry["word"] + entry["mark"]), entry
    assert not compiled["chair"].search("副主席:")


def test_the_people_finder_reads_the_form_labels_and_the_credits():
    lex = people.lexicon()
    for word in labels("names"):
        assert lex.list_label_re.match(word + ":张三"), word
    assert not lex.list_label_re.match("地点:张三")  # a place's label heads no names
    for entry in vocabulary_entries("bylines.json", "credits", "name"):
        m = lex.credit_re.match(entry["word"] + entry["mark"] + "张三")
        assert m and m.group(1) == "张三", entry
    assert not lex.credit_re.match("阅读:张三")  # a counter's key credits no one
    for word in labels("credit"):
        assert lex.credit_re.match(word + ":张三"), word


def test_byline_lines_are_the_credit_entries():
    for entry in vocabulary_entries("bylines.json", "credits", "line"):
        assert ingest.CREDIT_LINE.search("(" + entry["word"] + entry["mark"] + "张三)"), entry
    for entry in vocabulary_entries("bylines.json", "credits", "meta"):
        if entry["mark"] != "/":
            assert ingest.META_KEY.match(entry["word"] + ":"), entry
    assert not ingest.CREDIT_LINE.search("区政协召开提案审核工作会议")  # 审核 with no colon credits no one
    for word in vocabulary("bylines.json", "published"):
        assert ingest.META_KEY.match(word + ":") and word in ingest.PUBLISHED_KEYS


def test_venue_fields_are_the_place_labels():
    for word in labels("venue"):
        text = f"{word}:镇政府三楼会议室\n"
        assert [text[a:b] for a, b in find_venues(text, 0, len(text))] == ["镇政府三楼会议室"], word


# ------------------------------------------------ sentences for the rules whose words changed


# minutes of a Taiwan district office, each label on a line of its own above its value
DISTRICT_MINUTES = ("新北市板橋區公所第36次區務會議\n\n    發文機關\n\n    板橋區公所秘書室\n\n    開會日期\n\n"
                    "    2021-03-16 14:30:00\n\n    開會地點\n\n    區公所5樓第一會議室\n\n    主席\n\n    王大明\n\n"
                    "    紀錄\n\n    林小華\n\n    出席\n\n    陳志明、李文華\n\n"
                    "    宣讀本所第35次區務會議(2021年3月2日)紀錄:無異議,確定。\n\n    散會:下午4時。\n")


def test_every_label_of_a_time_or_date_opens_a_form_and_tells_the_day():
    from pipeline.ingest import Page, clean_page
    from pipeline.nlp import load_pipeline
    from pipeline.page import process_page

    rows = process_page(clean_page(Page("p", "p.txt"), DISTRICT_MINUTES), load_pipeline("jieba"))
    meeting = rows["meetings"][0]
    assert (meeting["date"], meeting["time_of_day"], meeting["chair"]) == ("2021-03-16", "14:30", "王大明")


@pytest.mark.parametrize("text, expected", [
    ("(通讯员:刘晓东 记者:王佳)", {("刘晓东", "author"), ("王佳", "author")}),  # a colon after 记者, 通讯员
    ("(文/周明 审核/陈建华)", {("周明", "author"), ("陈建华", "editor")}),   # a slash after 审核
])
def test_a_credit_key_takes_a_colon_or_a_slash(text, expected):
    assert expected <= role_set(text)


def test_a_spaced_out_label_gives_its_role():
    text = "时 间:2019年3月5日\n地 点:镇政府二楼会议室\n主 持 人:李国强镇长\n记 录:王小红\n"
    assert {("李国强", "chair"), ("王小红", "recorder")} <= role_set(text)


def role_set(text):
    mentions = find_people(text)
    return {(mentions[k].key, role) for k, role, _, _ in assign_roles(text, mentions)}


@pytest.mark.parametrize("text, person", [
    ("最后,镇党委副书记、镇长冯立山讲意见:一是要提高认识,二是要落实责任。", "冯立山"),
    ("协会副会长吴海涛希望各会员单位加强交流,共同开拓市场。", "吴海涛"),
])
def test_speaker_by_a_verb_of_the_list_intro(text, person):
    assert (person, "speaker") in role_set(text)


def test_a_list_after_a_speech_is_the_speakers():
    text = "会上,县长周明远作了发言,他发言说,一要稳住就业;二要守住底线;三要抓好项目。"
    assert {speaker for *_, speaker in items_of(text)} == {"周明远"}


def items_of(text):
    return [(i.marker, i.speaker) for _, i in items.find_items(text, [(0, len(text))], find_people(text))]


def test_the_organizer_ends_before_a_held_verb_with_its_adverb():
    text = "3月6日,市卫生局2023年度工作总结表彰大会隆重召开。"
    assert [text[a:b] for a, b in find_organizers(text, 0, len(text), find_people(text))] == []
    text = "3月6日上午,区文联隆重召开第三次代表大会。"
    assert [text[a:b] for a, b in find_organizers(text, 0, len(text), find_people(text))] == ["区文联"]


def test_a_part_of_the_day_opens_no_organizer():
    text = "12日傍晚,东湖街道社区居委会召开居民议事会。"
    cut = structure.clean_organizer(text, text.index("傍晚"), text.index("召开"))
    assert text[cut[0]:cut[1]] == "东湖街道社区居委会"


def test_everyone_deciding_is_the_body():
    text = "大家一致同意成立志愿服务队。"  # 大家: one of the body subjects that items and structure share
    assert [(text[d.start:d.end], d.result) for d in structure.find_decisions(text, 0, len(text))] == \
        [("同意成立志愿服务队", "unanimous")]
