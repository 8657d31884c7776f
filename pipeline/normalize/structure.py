"""The meeting-structure layer: a meeting's own name and what it decided.

Names: Chinese reports name a meeting as the object of the verb that holds it
(学校召开2024年第十四次校长办公会议) or of attending it (参加新学期第一次校务会议),
the object ending in 会议/大会/会; the organizer before the verb is not part of
it. A name may list its parts (楼组长、片区长年终总结会) and quote a slogan
(村“两委”换届工作推进会). Else the name is the subject of 在…举行 or of
隆重召开 (县人民医院第七届职工代表大会隆重召开), after a news dateline; else a
heading of minutes names the record below it (学校后勤工作会议记录一); a page
that names no meeting in its body may in its headline (村民会议记录 -> 村民会议).
A generic word (会议, 本次会议) names no meeting.
Decisions: a clause whose subject is the meeting as a body (会议审议通过…, 会上
研究决定…, 全体教师举手通过), that goes on a series the body opened (…;
听取并通过…; 四是表决通过…), or that concludes the body's procedure (经无记名
投票表决,通过…), from the verb to the clause's end; each 《document》 it acts
on is its own entry; every entry listed under a heading that announces
decisions (议定事项:) is one. A bare 通过 adopts only what is adopted (…的报告,
…草案, X为Y候选人); else it is the preposition 'by means of' (通过走访…). A
speaker's requirement (张三强调,要…) is none: its subject is a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_json, vocabulary
from .items import CN_DIGIT, ENCLOSED
from .numerals import cn_to_int
from .patterns import CLAUSE_BREAK, trie_pattern

CLAUSE_END = SENTENCE_END = CLAUSE_BREAK
DOCUMENT = re.compile(r"《([^《》]{1,60})》")
# a subject ending in one of these (structure.json body_suffixes) is the body holding the meeting: 某某学会在…召开
BODY_NAME = re.compile("(?:" + trie_pattern(vocabulary("structure.json", "body_suffixes", "not_named")) + ")$")
# a list marker before a name: (三)本次董事会会议; 一、 1. (一) ①
NAME_MARKER = re.compile(r"[一二三四五六七八九十\d]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳]")
# …before an entry or a decision clause, also - • 一是 第一,
LIST_MARKER = re.compile(NAME_MARKER.pattern + r"|[-•·●▪]\s*|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,2}[,，、]")
# one character of a name, or a quoted slogan inside it: 村“两委”换届工作推进会
NAME_PIECE = r"(?:[^，。,；;\n:：“”\"]|“[^“”\n]{1,20}”|\"[^\"\n]{1,20}\")"
# a news dateline before the first subject: 新华社北京3月12日电, 本报讯
DATELINE_DATE = r"[^，。,；;\n\s]{0,16}?(?:\d{1,2}月)?\d{1,2}日电"
ALIAS_NOTE = re.compile(r"[(（](?:以下简称|以下称|下称|简称)[^)）]{0,30}[)）]")
NUMBER = r"[0-9零〇一二三四五六七八九十百两]+"


@dataclass(frozen=True)
class StructureRules:
    """The meeting structure's windows (its config in config.cfg)."""

    minutes_heading_max_chars: int = 60  # 学校后勤工作会议记录一: a line this short at most names the record
    document_gap_chars: int = 10   # 《A》、《B》和《C》: what may stand between documents acted on together
    result_lookback_chars: int = 6  # 全票通过…: how far before a decision its result may be told
    conveyed_lookback_chars: int = 200  # 传达了…某院长…精神: how far back the sentence that conveys may begin


@dataclass(frozen=True)
class Decision:
    verb: str
    start: int          # the decision's text (from the verb, or the entry's own text)
    end: int
    document: str | None
    result: str | None = None
    votes: dict = field(default_factory=dict)   # votes_for, votes_against, abstentions, present, expected


@lru_cache(maxsize=1)
def _lexicon():
    return load_json("structure.json")


def parts_of_day() -> list[str]:
    """上午, 下午, 晚上 (timex.json part_of_day) before a name or an organizer are no part of it; a
    one-character one (晚, 夜) opens words of its own (晚会)."""
    return [w for w in load_json("timex.json")["part_of_day"] if len(w) > 1]


@lru_cache(maxsize=1)
def _rules():
    d = _lexicon()
    ends = trie_pattern(d["name_ends"])
    held = trie_pattern(vocabulary("verbs.json", "held", "subject"))  # 隆重召开, 开幕
    name = (r"(?:" + trie_pattern(vocabulary("verbs.json", "held", "object") + vocabulary("verbs.json", "attend", "object")) + r")(?:了)?(?P<name>" + NAME_PIECE + r"{1,40}?(?:"
            + ends + r"))(?=$|[，。,；;、\n\s(（]|上|后|期间|结束|于|在|并|，|"
            + trie_pattern(d["name_closing_acts"]) + r")")
    # 召开了“辽城卫生院工作会议”: a name in quotes, the quotes left out
    quoted = re.compile(r"(?:" + trie_pattern(vocabulary("verbs.json", "held", "object") + vocabulary("verbs.json", "attend", "object"))
                        + r")(?:了)?[“\"](?P<name>[^“”\"\n]{2,40}?(?:" + ends + r"))[”\"]")
    minutes = re.compile(r"^\s*(?P<name>.{2,40}?(?:" + ends + r"))\s*(?:" + trie_pattern(load_json("splitting.json")["minutes_suffixes"] + d["name_only_minutes_suffixes"])
                         # 记录一, 纪要(三), 纪要20230904, 纪要(9月4日): the record's number or date after it
                         + r")\s*(?:之?\s*[(（]?[一二三四五六七八九十\d]{1,3}[)）]?|\d{6,8}|[(（][\d年月日号./-]{3,12}[)）]"
                         + r"|[(（][\d年第次期、,，\s]{3,24}[)）]|[(（][\u4e00-\u9fff]{2,4}[)）])?\s*$")  # 纪要(2021年第12次、第13次), 记录(公示)
    # 我校党委理论学习中心组会议: the page's word for its own body (organizers.deictic 我…/本…) is the organizer
    own_body = [w for w in d["organizers"]["deictic"] if w[0] in "我本"]
    strip = re.compile(r"(?:" + trie_pattern(d["name_strip_prefixes"] + parts_of_day() + own_body) + r")")
    resolving = d["resolving_verb"]  # 董事会决议撤销…: 决议 as a verb, not the noun (决议案, 原决议)
    resolves = ("(?<![" + re.escape(resolving["not_after"]) + "])" + re.escape(resolving["word"])
                + "(?=[\u4e00-\u9fff])(?!" + trie_pattern(resolving["not_before"]) + ")")
    verbs = trie_pattern(d["decision_verbs"]) + "|" + resolves
    body = trie_pattern(d["body_subjects"])
    tally = trie_pattern(d["votes"]["votes_for"] + d["votes"]["votes_against"] + d["votes"]["abstentions"])
    # 本公司十一月三十日董事会决议撤销…, 。另决议依…: 决议 after its body's name, or opening a clause
    resolved = re.compile("(?:(?:" + body + r")|(?<=[，,。；;\n])\s*(?:" + trie_pattern(resolving["clause_leads"]) + "))(?P<verb>"
                          + resolves + ")")
    decision = re.compile(r"(?:^|[。；;\n，,:：])\s*(?P<marker>" + LIST_MARKER.pattern + r")?\s*(?P<body>(?:" + body
                          + r")[^，。,；;\n]{0,20}?)?(?P<join>" + trie_pattern(d["joined_acts"]) + r")?"
                          + r"(?:以[^，。,；;\n]{1,8}?(?:方式|形式)|以[^，。,；;\n]{1,24}?(?:" + tally + "))?(?:"  # 以鼓掌方式, 以9票赞成、0票弃权: how it was taken
                          + trie_pattern(d["decision_adverbs"]) + r"){0,2}(?P<verb>"  # 最终一致同意
                          + verbs + r")")
    # 决议: 照案通过 — a heading of its own only where it opens its line (the pattern opens with the word;
    # find_decisions checks what stands before it)
    heading = re.compile(r"(?:(?:" + trie_pattern(d["decision_headings"]) + r")(?:如下)?|(?P<line>" + trie_pattern(d["line_decision_headings"])
                         + r"))(?:\s*[:：][ \t]*|(?P<alone>[ \t]*(?=\n[ \t]*(?:" + LIST_MARKER.pattern + "))))")  # 会议议定事项如下: / 三、会议决定\n1.…
    # 政协第十二届全国委员会第一次主席会议12日下午在北京举行; 县第七届职代会隆重召开
    dateline = r"(?:" + DATELINE_DATE + r"|" + trie_pattern(d["datelines"]) + r")\s*"
    # …会报,十七日上午在公所大礼堂召开: the time and place may follow the name after a comma
    subject = (r"(?:^|(?<=[，。,；;\n]))\s*(?:" + dateline + r")?(?P<name2>" + NAME_PIECE + r"{2,40}?(?:" + ends + r"))"
               r"(?:(?=[于在\d]|(?:" + trie_pattern(d["held_adverbs"]) + r")?(?:" + held + r"))"
               r"|[,，](?=[^，。,；;\n]{1,12}?[于在]))"
               r"[^，。,；;\n]{0,40}?(?:" + held + r")")
    procedure = re.compile(r"经[^，。,；;\n]{0,16}?(?:" + trie_pattern(d["procedure_frames"]) + r")[，,]?\s*$")
    adopted = re.compile(r"(?:" + trie_pattern(d["bare_adoption_objects"]) + r")(?:[(（]草案[)）])?$|为[^，,。；;]{1,20}(?:"
                         + trie_pattern(d["appointed_posts"]) + r")$")
    # 村委会召开会议: a held verb with an object of its own makes its subject the organizer
    has_object = re.compile(r"了?" + NAME_PIECE + r"{0,40}?(?:" + ends + r")(?=$|[，。,；;、\n\s(（]|上|后|于|在|并)")
    # 台北市政府第2122次市政会议: a headline that is a numbered meeting's name and nothing else
    numbered = re.compile(r"(?P<name>" + NAME_PIECE + r"{0,30}?第[\d一二三四五六七八九十百零〇]{1,5}[次届]" + NAME_PIECE
                          + r"{0,30}?(?:" + ends + r"))")
    # 会议名称: …: the label of a form's field that names the meeting (form_labels.json, use meeting_name)
    name_field = re.compile(r"(?:^|(?<=\n))[ \t]*(?:" + trie_pattern(vocabulary("form_labels.json", "labels", "meeting_name"))
                            + r")[ \t]*[:：][ \t]*(?P<name>[^\n]{2,60}?)[ \t]*(?=\n|$)")
    return {"adopting_leads": tuple(d["adopting_leads"]), "numbered": numbered, "name_field": name_field, "held_as_noun": tuple(d["held_as_noun"]), "object": re.compile(name), "quoted": quoted, "subject": re.compile(subject), "held": re.compile(held),
            "has_object": has_object, "minutes": minutes, "strip": strip,
            "decision": decision, "heading": heading, "body": re.compile(body), "procedure": procedure,
            "adopted": adopted, "act": re.compile(trie_pattern(d["adopted_actions"])),
            "verb": re.compile(verbs), "body_only": frozenset(d["body_only_verbs"]), "resolved": resolved,
            "resolving_word": resolving["word"], "directive": re.compile(trie_pattern(vocabulary("verbs.json", "speech", "frames_directive"))), "generic": frozenset(d["generic_names"]),
            "other_meeting": re.compile(trie_pattern(d["other_meeting_markers"])),
            "result_headings": frozenset(d["result_headings"]),
            "counters": frozenset(d["name_counters"])}


# 以…为主题的, “…”为主题的, 题为“…,…”的 (a quoted theme may hold commas)
THEME = r"(?:“[^”\n]{1,40}”|[^，,。；;\n“]){1,30}?"
THEME_FRAME = re.compile(r"(?:以" + THEME + r"为(?:主题|题)|“[^”\n]{1,40}”为主题|(?:主题|题)为" + THEME + r")的")


def _clean_name(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Without a list marker and the words around a name (了, 本次, 关于); None when only a generic word is left."""
    r = _rules()
    for note in ALIAS_NOTE.finditer(text, a, b):  # 某公司(以下简称“公司”)第九届董事会…: the organizer ends there
        a = note.end()
    while a < b and text[a].isspace():
        a += 1
    marker = NAME_MARKER.match(text, a, b)
    if marker:
        a = marker.end()
    theme = THEME_FRAME.match(text, a, b)  # 以“牢记初心使命”为主题的“党员政治生日”主题活动: the theme describes it
    if theme and b - theme.end() >= 2:
        a = theme.end()
    counted = False
    while True:
        lead = r["strip"].match(text, a, b)
        if not lead or lead.end() == a:
            break
        counted = counted or lead.group(0) in r["counters"]
        a = lead.end()
    while a < b and text[a].isspace():
        a += 1
    if counted:
        a = _past_description(text, a, b)
    if b - a < 2 or text[a:b] in r["generic"] or text[a] in "并和及与":
        return None  # 出席并主持会议: a second verb, not a name
    return a, b


def _past_description(text: str, a: int, b: int) -> int:
    """一场别开生面的议事会, 一次十分重要的会议: after a counter, an idiom, a set
    phrase or an adjective (an adverb before it) with 的 describes the meeting and
    names none; 关于安全生产的专题会议 keeps its 的 (安全生产 is no description)."""
    m = re.match(r"([^的，。,；;\s]{2,6})的", text[a:b])
    if not m or b - a - m.end() < 2:
        return a
    from .people import lexicon  # jieba's word tags, loaded once with the people finder's

    tags = lexicon().word_tags
    words = m.group(1)

    def describes(w: str) -> bool:
        return tags.get(w, "")[:1] in ("i", "l", "a")  # idiom, set phrase, adjective

    # jieba tags the degree adverb 十分 as a numeral (m)
    if describes(words) or any(tags.get(words[:k], "")[:1] in ("d", "m") and describes(words[k:])
                               for k in range(1, len(words) - 1)):
        return a + m.end()
    return a


def meeting_name(text: str, start: int, end: int, rules: StructureRules = StructureRules()) -> tuple[int, int] | None:
    """Offsets of the first name a meeting's text gives itself: a form's field
    (会议名称: …), the object of 召开/举行/参加, or the subject of 在…举行/隆重召开
    told before it, else a heading of minutes (…会议记录一) within the meeting."""
    r = _rules()
    field = r["name_field"].search(text, start, end) if text.find("名称", start, end) >= 0 else None
    if field:  # 会议名称: 某某公司上半年经营分析会 — a form names its meeting in a field
        found = _clean_name(text, *field.span("name"))
        if found:
            return found
    objects = sorted(list(r["object"].finditer(text, start, end)) + list(r["quoted"].finditer(text, start, end)),
                     key=lambda m: m.start())
    by_object = None
    for m in objects:
        clause = max(text.rfind(c, start, m.start()) for c in "，,。；;\n") + 1
        if r["other_meeting"].search(text, max(clause, start), m.start()):
            continue  # 决定在12月份召开两会: a meeting yet to come
        by_object = _clean_name(text, *m.span("name"))
        if by_object:
            break
    # the subject's pattern ends on a held verb, and opens with a choice (the engine would try it at
    # every position): a meeting without one skips it; a subject told before the first object wins
    # (院周会在…举行…\n5、节后召开党员代表大会: the object is another meeting's)
    before = by_object[0] if by_object else end
    for m in r["subject"].finditer(text, start, before) if r["held"].search(text, start, end) else ():
        # …unless it is the body that holds the meeting (某某学会在…召开)
        if BODY_NAME.search(m.group("name2")) or r["has_object"].match(text, m.end()) \
                or text.startswith(r["held_as_noun"], m.end()):
            continue  # …unless the held verb is a noun's (董事会会议召开情况)
        found = _clean_name(text, *m.span("name2"))
        if found:
            return found
    return by_object or minutes_heading(text, start, end, rules)


# 【记录一】3月份安全工作领导小组会议, 记录一:支部党员大会: a record's number, then the name of its meeting
RECORD_BEFORE_NAME = re.compile(r"^\s*(?:[【\[(（](?:记录|纪要|会议)?[一二三四五六七八九十\d]{1,3}[】\])）]|(?:记录|纪要)[一二三四五六七八九十\d]{1,3}\s*[:：])"
                                r"\s*(?P<name>[^\s【\[]{2,40}?(?:会议|会))\s*$")


def minutes_heading(text: str, start: int, end: int, rules: StructureRules = StructureRules()) -> tuple[int, int] | None:
    """学校后勤工作会议记录一 / 某校97学年度期初校务会议纪录 on a line of its own: the name of the record."""
    minutes = _rules()["minutes"]
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = text[pos:stop]
        if len(line) <= rules.minutes_heading_max_chars and not re.search(r"[。；;，,]", line) \
                and not _rules()["other_meeting"].search(line):  # 通过上次会议纪录: an item of the agenda
            numbered = RECORD_BEFORE_NAME.match(line)  # 【记录一】3月份安全工作领导小组会议
            if numbered:
                found = _clean_name(text, pos + numbered.start("name"), pos + numbered.end("name"))
                if found:
                    return found
            m = minutes.match(line)
            if m:
                found = _clean_name(text, pos + m.start("name"), pos + m.end("name"))
                if found:
                    return found
        pos = stop + 1
    return None


# 某某股份:, 兴齐眼药(300573) - : the issuer of an announcement, its code in brackets or not
ISSUER_BEFORE_COLON = re.compile(r"^[^:：\s(（]{2,12}(?:[(（]\d{6}[)）])?\s*(?:[:：]|\s[-—－]\s)\s*")


def records_name_from_headline(title: str | None) -> str | None:
    """总经理办公会议纪要(2021年第12次、第13次): the name a headline of minutes
    gives every record under it that names no meeting of its own."""
    if not title:
        return None
    m = _rules()["minutes"].match(ISSUER_BEFORE_COLON.sub(lambda x: " " * len(x.group()), title))
    found = _clean_name(title, *m.span("name")) if m else None
    return title[found[0]:found[1]] if found else None


def name_from_headline(title: str | None) -> str | None:
    """村民会议记录 -> 村民会议; 学校召开安全工作会议 -> 安全工作会议; 市政府第2122次市政会议 whole;
    某某股份:第三届董事会第十八次会议决议公告 -> 第三届董事会第十八次会议 (the issuer before a colon)."""
    if not title:
        return None
    title = ISSUER_BEFORE_COLON.sub(lambda m: " " * len(m.group()), title)  # offsets kept
    r = _rules()
    for m in r["object"].finditer(title):
        found = _clean_name(title, *m.span("name"))
        if found:
            return title[found[0]:found[1]]
    m = r["minutes"].match(title) or r["numbered"].fullmatch(title.strip())
    if m:
        found = _clean_name(title, *m.span("name"))
        return title[found[0]:found[1]] if found else None
    return None


def find_decisions(text: str, start: int, end: int, rules: StructureRules = StructureRules()) -> list[Decision]:
    r = _rules()
    out: list[Decision] = []
    taken: list[tuple[int, int]] = []
    for h in r["heading"].finditer(text, start, end):
        before = text[text.rfind("\n", start, h.start()) + 1:h.start()]
        if h.group("line") and before.strip(" \t"):
            continue  # 依据代表大会决议: — 决议 opens no line there
        if h.group("alone") and not HEADING_LEAD.fullmatch(before):
            continue  # a heading without its colon fills its line (三、会议决定), a list under it
        taken.append(h.span())
        # 议定事项: 1、… 2、… / - …: each entry, up to the first paragraph without a marker, or with a
        # marker of another shape (1.…4.…\n四、某某讲话: the next section of the minutes)
        i = h.end()
        shape = None
        while i < end:
            line_end = text.find("\n", i, end)
            line_end = end if line_end < 0 else line_end
            while i < line_end and text[i].isspace():
                i += 1
            marker = LIST_MARKER.match(text, i)
            if marker is None and i > h.end():
                break
            if marker is not None:
                if shape is not None and _marker_shape(marker.group()) != shape:
                    break
                shape = _marker_shape(marker.group())
            a = marker.end() if marker else i
            while a < line_end and text[a] in " \t\u3000":
                a += 1  # (一) 修正后确定: the space after the marker
            stop = CLAUSE_END.search(text, a, line_end)
            b = stop.start() if stop else line_end
            if b > a:
                if a == h.end() and marker is None:
                    # 决议: 通过确认 — the decision on the heading's own line is its one entry; where the
                    # heading ends on a decision verb (会议决定: 由某某负责…), the text starts at the verb
                    word = text[h.start():h.end()].rstrip(" \t:：")
                    verb = next((v for v in r["verb"].finditer(word) if v.end() == len(word)), None)
                    if verb:
                        out += _entries(verb.group(), h.start() + verb.start(), b, text, start, rules)
                        taken.append((h.start(), b))
                        break
                entries = _entries("", a, b, text, start, rules)
                if h.group("line") in r["result_headings"] and entries[0].document is None:
                    # 议案名称:《A》\n审议结果:通过 — the result of the item named on the line above
                    above = text.rfind("\n", start, text.rfind("\n", start, h.start()))
                    named = acted_on(text, max(above + 1, start), h.start(), rules)
                    entries = [Decision(e.verb, e.start, e.end, named[0], e.result, e.votes) for e in entries] if named else entries
                out += entries
                taken.append((a, b))
                if a == h.end() and marker is None:
                    break
            nxt = b + 1  # 会议决定:一、…;二、…: the next entry may follow on the same line
            while nxt < line_end and text[nxt] in " \t\u3000":
                nxt += 1
            i = nxt if marker is not None and nxt < line_end and LIST_MARKER.match(text, nxt) else line_end + 1
    # every decision ends on a decision verb: where the meeting has none, the pattern (which opens
    # with a choice, so the engine would try it at every position) is not run
    decisions = r["decision"].finditer(text, start, end) if r["verb"].search(text, start, end) else ()
    for m in decisions:
        a = m.start("verb")
        if any(x <= a < y for x, y in taken):
            continue
        if m.group("body") and r["directive"].search(m.group("body")):
            continue  # 会议要求各部门确定专人负责: a requirement
        # a line opened by the verb, a list marker at most before it (三、审议通过《…议案》; 同意公司…): the
        # minutes' own decision, the meeting its subject unsaid
        if VOTE_COUNT.match(text, m.end("verb")):
            continue  # 同意9票: a count of the votes, no decision
        opens_line = not m.group("join") and (m.start() == start or "\n" in text[m.start():m.start("verb")])
        if not m.group("body") and not opens_line and m.group("verb") not in r["body_only"] \
                and not _bodys_sentence(text, start, m.start("verb") if not m.group("join") else m.start("join")):
            continue  # 通过学习: a bare verb in a sentence the body did not open; but only a body 审议通过
        stop = CLAUSE_END.search(text, a, end)
        b = stop.start() if stop else end
        verb, verb_end = m.group("verb"), m.end("verb")
        adopting = verb == "通过" and text.endswith(r["adopting_leads"], start, a)  # 讨论通过: adopts whatever follows
        while verb == "通过" and not adopting and not _adopts(text, verb_end, b):
            # 通过走访…: the preposition; 通过举手表决方式通过工作报告: the verb comes later in the clause
            later = r["verb"].search(text, verb_end, b)
            if later is None:
                break
            a, verb, verb_end = later.start(), later.group(), later.end()
        if verb == "通过" and not adopting and not _adopts(text, verb_end, b):
            continue
        while b > verb_end and text[b - 1] in ",，、 ":
            b -= 1  # 一致同意,。: no comma closes the text
        if HEADING_REST.fullmatch(text, verb_end, b):
            continue  # 二、议定事项 (no list under it): a heading of the minutes, no decision
        out += _entries(verb, a, b, text, start, rules)
    for m in r["resolved"].finditer(text, start, end) if text.find(r["resolving_word"], start, end) >= 0 else ():
        a = m.start("verb")
        if not any(x <= a < y for x, y in taken) and not any(d.start == a for d in out):
            stop = CLAUSE_END.search(text, a, end)
            out += _entries(m.group("verb"), a, stop.start() if stop else end, text, start, rules)
    # 包保方案获得了一致通过, 各项报告均获会员一致审议通过: adopted, told of what was adopted
    passive = text.find("获", start, end) >= 0 or text.find("得到", start, end) >= 0  # what PASSIVE_ADOPTION opens with
    for m in PASSIVE_ADOPTION.finditer(text, start, end) if passive else ():
        a = m.start("verb")
        clause = max(text.rfind(c, start, m.start()) for c in "，,。；;\n") + 1
        if ANAPHORIC.match(text, clause, m.start()):
            continue  # 本议案获得通过: how the proposal above was decided, no decision of its own
        if not any(x <= a < y for x, y in taken) and not any(d.start <= a < d.end for d in out):
            out += _entries(m.group("verb"), a, m.end("verb"), text, start, rules)
    out.sort(key=lambda d: d.start)
    return _without_repeats(text, out)


MARKER_NUMERALS = re.compile("[\\d" + CN_DIGIT[1:-1] + "".join(ENCLOSED) + "]+")  # 1, 十二, ①: a marker's ordinal


def _marker_shape(marker: str) -> str:
    """1. and 2. share a shape, 四、 has another: the numerals left out."""
    return MARKER_NUMERALS.sub("#", marker.strip())


HEADING_REST = re.compile(r"\s*事项(?:如下)?\s*[:：]?\s*")  # 议定事项, 确定事项如下: a heading's noun after the verb
HEADING_LEAD = re.compile(r"\s*(?:" + LIST_MARKER.pattern + r")?\s*(?:会议)?")  # what may open a heading's line: 三、会议
VOTE_COUNT = re.compile(r"\s*[\d一二三四五六七八九十两]+\s*票")
ANAPHORIC = re.compile(r"\s*(?:本|该|上述|此|以上)")
PASSIVE_ADOPTION = re.compile(r"(?:获得?了?|得到了?)[^，。,；;\n]{0,8}?(?P<verb>审议通过|表决通过|通过)(?=[。；;，,！!\n]|$)")


def _without_repeats(text: str, found: list[Decision]) -> list[Decision]:
    """Each decision once, each document acted on once; a verb without an object inside the text of the one
    before it (决定…,与会校友一致同意,热烈鼓掌通过) is how that one was taken, not another."""
    out: list[Decision] = []
    seen, documents = set(), set()
    for d in found:
        if (d.start, d.document) in seen:
            continue
        if d.document in documents:
            # an entry under 审议通过了如下议案:, then the clause that adopts it: one decision, with the clause's verb
            out = [Decision(d.verb, x.start, x.end, x.document, d.result, x.votes) if x.document == d.document
                   and not x.verb else x for x in out]
            continue
        seen.add((d.start, d.document))
        if d.document:
            documents.add(d.document)
        before = next((x for x in reversed(out) if x.start < d.start), None)
        rest = text[d.start + len(d.verb):d.end]
        if before and d.verb and before.start < d.start < before.end and not d.document \
                and not re.split(r"[，,]", rest, maxsplit=1)[0].strip():
            if before.result == "adopted" and d.result == "unanimous":
                out = [Decision(x.verb, x.start, x.end, x.document, "unanimous", x.votes) if x.start == before.start
                       else x for x in out]
            continue
        out.append(d)
    return out


def _bodys_sentence(text: str, start: int, verb_start: int) -> bool:
    """通过学习, 决定性: a bare verb is the body's only in a sentence the body
    opened, or when it concludes the body's procedure (经…表决,通过)."""
    r = _rules()
    sentence = max(text.rfind("。", start, verb_start), text.rfind("\n", start, verb_start), start - 1) + 1
    return bool(r["body"].search(text, sentence, verb_start) or r["procedure"].search(text[sentence:verb_start]))


def _adopts(text: str, after_verb: int, clause_end: int) -> bool:
    """A bare 通过 adopts when it ends its clause, takes 了 or a 《document》, or
    its object (up to the next comma) is a document or an appointment."""
    rest = text[after_verb:clause_end]
    if not rest.strip() or rest[0] in "了《,，":
        return True
    if _rules()["act"].match(rest):
        return True  # 通过成立工作小组
    obj = re.split(r"[，,]", DOCUMENT.sub("《》", rest), maxsplit=1)[0].strip()
    if _rules()["verb"].search(obj):
        return False  # 通过举手表决方式通过…: the verb is the later one
    return obj.endswith("《》") or bool(_rules()["adopted"].search(obj))


def acted_on(text: str, a: int, b: int, rules: StructureRules = StructureRules()) -> list[str]:
    """The 《documents》 a decision acts on: the first in its text and those
    listed right after it (《A》《B》, 《A》、《B》和《C》), not a later one the
    clause only mentions (…听取了某某所作的《工作报告》)."""
    out, pos = [], None
    for m in DOCUMENT.finditer(text, a, b):
        gap = text[pos:m.start()] if pos is not None else ""
        if pos is not None and not (len(gap.strip()) == 0 or len(gap) <= rules.document_gap_chars and re.search(r"[、和及与]", gap)
                                    and not re.search(r"[,，。；;]", gap)):
            break
        out.append(m.group(1))
        pos = m.end()
    return out


def _entries(verb: str, a: int, b: int, text: str, meeting_start: int, rules: StructureRules) -> list[Decision]:
    documents = acted_on(text, a, b, rules)
    result = decision_result(text[max(meeting_start, a - rules.result_lookback_chars):b], verb)
    sentence = max(text.rfind("。", meeting_start, a), text.rfind("\n", meeting_start, a), meeting_start - 1) + 1
    votes = vote_counts(text, sentence, _sentence_end(text, b)) | attendance(text, meeting_start, _sentence_end(text, b))
    if not documents:
        return [Decision(verb, a, b, None, result, votes)]
    return [Decision(verb, a, b, doc, result, votes) for doc in documents]


def _sentence_end(text: str, i: int) -> int:
    m = re.compile(r"[。\n]").search(text, i)
    return m.start() if m else len(text)


@lru_cache(maxsize=1)
def _result_rules():
    d = _lexicon()["results"]
    return [(result, re.compile(trie_pattern(words))) for result, words in
            (("rejected", d["rejected"]), ("unanimous", d["unanimous"]), ("adopted", d["adopted"]))]


def decision_result(clause: str, verb: str) -> str | None:
    """unanimous (一致通过, 全票通过), rejected (未通过, 否决), adopted (a decision
    verb), or None for an entry under a heading that states none."""
    for result, rx in _result_rules():
        if rx.search(clause):
            return result
    return "adopted" if verb else None


@lru_cache(maxsize=1)
def _vote_rules():
    d = _lexicon()
    members = r"(?:" + trie_pattern(d["counted_members"]) + r")?"
    unit = r"\s*(?:票|人|名|位)"
    out = {}
    for key, words in d["votes"].items():
        word = r"(?:" + trie_pattern(words) + r")"
        # 赞成9票 / 应到董事9人 / 9票赞成
        out[key] = re.compile(word + members + r"(?:票数|人数)?\s*[:：为]?\s*(?P<n>" + NUMBER + r")" + unit
                              + r"|(?P<m>" + NUMBER + r")" + unit + r"\s*" + word)
    return out


ATTENDANCE = ("present", "expected")


def vote_counts(text: str, start: int, end: int) -> dict:
    """赞成9票,反对0票,弃权1票 (or 9票赞成…) -> integers; None where not stated."""
    out = {}
    for key, rx in _vote_rules().items():
        if key in ATTENDANCE:
            continue
        m = rx.search(text, start, end)
        out[key] = _number(m.group("n") or m.group("m")) if m else None
    return out


def attendance(text: str, start: int, end: int) -> dict:
    """应到董事9人,实到8人: the last figures stated in [start, end)."""
    out = {}
    for key in ATTENDANCE:
        found = list(_vote_rules()[key].finditer(text, start, end))
        out[key] = _number(found[-1].group("n") or found[-1].group("m")) if found else None
    return out


def _number(numeral: str) -> int | None:
    try:
        return cn_to_int(numeral)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _conveyed_rules():
    d = _lexicon()
    return (re.compile(trie_pattern(vocabulary("verbs.json", "citing", "conveys"))), re.compile(r"(?:" + trie_pattern(d["cited_nouns"]) + r")$"),
            re.compile(r"[^，,。；;\n]{0,16}?(?:" + trie_pattern(d["cited_after"]) + r")"))


def is_conveyed(text: str, start: int, end: int, rules: StructureRules = StructureRules()) -> bool:
    """传达了省法院某院长座谈会精神, 按照某院长提出的要求, 以及某市长批示要求
    (in a sentence that conveys), 以某某同志为核心, 某某新时代…思想: the
    person's words or doctrine are conveyed; the person takes no part."""
    citing, cited_end, doctrine = _conveyed_rules()
    if doctrine.match(text, end):
        return True
    lookback = max(0, start - rules.conveyed_lookback_chars)
    sentence = max((m.end() for m in SENTENCE_END.finditer(text, lookback, start)), default=lookback)
    if not citing.search(text, sentence, start):
        return False
    clause = re.compile(r"[，,。；;\n]").search(text, end)
    return bool(cited_end.search(text[end:clause.start() if clause else len(text)]))


# ---------------------------------------------------------------- columns of a meeting

@lru_cache(maxsize=1)
def _kinds():
    d = load_json("meeting_kinds.json")
    return [(k["code"], tuple(k["words"])) for k in d["kinds"]], d["other"]["code"]


def meeting_kind(*names: str | None) -> str | None:
    """The kind (a code of models/lexicons/meeting_kinds.json) of the first of
    `names` (the meeting's name, then the headline) that has a kind's word;
    'other' when a name is given but none has one; None without any name."""
    kinds, other = _kinds()
    given = [n for n in names if n]
    for name in given:
        for code, words in kinds:
            if any(w in name for w in words):
                return code
    return other if given else None


TERM = re.compile(r"第?(?P<n>[0-9零〇一二三四五六七八九十百两]{1,4})\s*届")
SESSION = re.compile(r"第?(?P<n>[0-9零〇一二三四五六七八九十百两]{1,4})\s*次")


def term_and_session(name: str | None) -> tuple[int | None, int | None]:
    """第三届…第五次 -> (3, 5); 十届二次 -> (10, 2); 2025年第17次常务会议 -> (None, 17).
    The session counted after the term when the name gives one."""
    if not name:
        return None, None
    term = TERM.search(name)
    session = SESSION.search(name, term.end() if term else 0)
    return (_number(term.group("n")) if term else None), (_number(session.group("n")) if session else None)


YEAR_WRITTEN = re.compile(r"(?:\d{2,4}|[〇零一二三四五六七八九]{2,4})\s*年(?!代)|\d{4}\s*[-/.]\s*\d{1,2}|\d{8}")


def year_source(date: str | None, date_text: str | None, earlier_texts, headline_year: int | None,
                published: str | None) -> str:
    """Where the year of a meeting's day comes from: `text` (the date or an
    earlier date of the meeting writes it), `headline`, `published` (the
    anchoring rule took the page's date), or `unknown` (no year)."""
    if not date or not date[:4].isdigit():
        return "unknown"
    if date_text and YEAR_WRITTEN.search(date_text):
        return "text"
    if any(YEAR_WRITTEN.search(t) for t in earlier_texts):
        return "text"
    if headline_year is not None and int(date[:4]) == headline_year:
        return "headline"
    if published:
        return "published"
    return "text"


DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def known_day(date: str | None):
    """A datetime.date when year, month and day are all known, else None."""
    import datetime as dt

    m = DAY.match(date or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# ---------------------------------------------------------------- the organizer, resolved within the page

@lru_cache(maxsize=1)
def _organizer_rules():
    whole = load_json("structure.json")
    d = whole["organizers"]
    deictic = {word: tuple(heads) for word, heads in d["deictic"].items()}
    # 本报讯 市政府…: a news dateline before the body is no part of it
    return (deictic, re.compile(r"(?:(?:" + trie_pattern(d["leading_words"] + parts_of_day() + whole["datelines"]) + r")\s*)+"),
            re.compile(r"(?:" + trie_pattern(d["trailing_words"]) + r")+$"), re.compile(trie_pattern(d["not_openers"])),
            re.compile(trie_pattern(d["stop_words"])))


def clean_organizer(text: str, a: int, b: int, cuts=()) -> tuple[int, int] | None:
    """The organizer's offsets without the time or the adverbs around it
    (今天下午藕塘中心幼儿园 -> 藕塘中心幼儿园; 中西区公所6月21日下午3时 -> 中西区公所);
    `cuts` are offsets of dates and of the meeting's name it must not run into."""
    _, leading, trailing, not_openers, stop_words = _organizer_rules()
    while a < b and text[a].isspace():
        a += 1
    marker = LIST_MARKER.match(text, a, b)
    if marker:
        a = marker.end()  # 2、本次董事会
    if not_openers.match(text, a, b) or text[a:a + 1] in "“\"「" or "们" in text[a:b]:
        return None  # 以及上级部门, “屋场会”一般, 党员们: a fragment, not a body
    stop = stop_words.search(text, a + 2, b)
    if stop:
        b = stop.start()  # 某小学组织全体教师
    note = ALIAS_NOTE.search(text, a, b)
    if note:
        b = note.start()  # 某公司(以下简称“公司”)
    for x, y in sorted(cuts):
        if x <= a < y:
            a = y
        elif a < x < b:
            b = x
    lead = leading.match(text, a, b)
    if lead:
        a = lead.end()
    tail = trailing.search(text[a:b])
    if tail:
        b = a + tail.start()
    while a < b and text[a] in " ,，、":
        a += 1
    while b > a and text[b - 1] in " ,，、:：":
        b -= 1
    if b - a < 2 or re.search(r"[年月日]$", text[a:b]):
        return None  # (三)九十四年: a date, not a body
    from .people import lexicon  # jieba's word tags, loaded once with the people finder's

    tags = lexicon().word_tags
    if tags.get(text[a:b], "")[:1] in ("v", "d"):
        return None  # 持续召开, 审核召开: a verb or an adverb, not a body
    if b - a > 3 and tags.get(text[b - 2:b]) in ("d", "vd", "ad"):
        b -= 2  # 各支部持续召开: an adverb before the verb
    return a, b


def resolve_organizer(organizer: str | None, page_texts) -> str | None:
    """我院/学校/本公司 -> the body the page names (新邵县人民医院), looked for in
    `page_texts` (the headline, the lines of the page) as a run of words ending in
    the deictic's head; the organizer as written when none is found."""
    if not organizer:
        return organizer
    deictic = _organizer_rules()[0]
    heads = deictic.get(organizer)
    if not heads:
        return organizer
    body = re.compile(r"(?:^|(?<=[\s，。,；;:：、“”()（）]))(?P<body>[\u3400-\u9fff]{2,14}?(?:"
                      + "|".join(map(re.escape, heads)) + r"))(?=$|[\s，。,；;:：、“”()（）]|召开|举行|组织|第|\d)")
    for t in page_texts:
        for m in body.finditer(t or ""):
            found = m.group("body")
            if found not in deictic and not found.startswith(("我", "本", "该")) and len(found) > len(heads[0]) + 1:
                return found
    return organizer


URL = re.compile(r"(?:" + trie_pattern(load_json("bylines.json")["url_keys"]) + r")\s*[:：]\s*(?P<url>https?://[^\s，。<>\"“”]+)",
                 re.I)  # 原文网址: the page's own address


def url_in_text(text: str | None) -> str | None:
    """转载请注明原文网址:http://…: the URL a page gives as its own."""
    if not text or "://" not in text:
        return None  # most pages give none: the pattern (case-insensitive, so slow to search) is not run
    m = URL.search(text)
    return m.group("url") if m else None
