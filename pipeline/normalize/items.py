"""Enumerated items: 一要/二要, 一是/二是, 第一/第二, 一、, （一）, 1., (1), ①, 首先/其次/最后.

Markers match as characters (one regular expression per family, over the
text), not over tokens: （一） is three tokens, and whether a marker opens an
item depends on the characters before it (a line start, a colon), not on words.

A marker is an item only when its family forms a sequence (一是 … 二是 …);
sequences that open inside another sequence's item are nested one level
deeper. An item's text runs from its marker to the end of its first
sentence or the next marker. The speaker is whoever set the list out in the
clause that introduces it (张立峰强调，一要…; 他提出几点要求，一是…); lists
the meeting adopted as a body (会议要求, 大家认为) have none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json, vocabulary
from .numerals import cn_to_int
from .patterns import CLAUSE_BREAK, SENTENCE_BREAK
from .people import lexicon as people_lexicon

# named blocks of the marker families; each family's words are in items.json. An ordinal is
# (its first character's class, the rest): a run X{1,3} is written X X{0,2}, so that a pattern
# opening with it opens with a class, which the engine skips to at C speed (a repeat it would
# try to match at every position)
CN_DIGIT = "[一二三四五六七八九十]"
CN_NUM = (CN_DIGIT, CN_DIGIT + "{0,2}")        # 一, 十二, 二十三
CN_FORMAL = ("[壹贰叁参肆伍陆柒捌玖拾]", "[壹贰叁参肆伍陆柒捌玖拾]?")  # 壹、贰、 (Traditional 貳 參 read after conversion)
DIGITS = (r"\d", r"\d?")                      # 1. 12、
ENCLOSED_SERIES = {"circled": "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳", "parenthesized": "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"}
ENCLOSED = {ch: k + 1 for series in ENCLOSED_SERIES.values() for k, ch in enumerate(series)}
ORDINALS = {"chinese": CN_NUM, "financial": CN_FORMAL, "digits": DIGITS}
OPEN_BRACKET, CLOSE_BRACKET = "[(（]", "[)）]"   # （一）, (3)
MARK = "[:：,，]?"                              # 第一项议程是: / 首先,
HAN = r"[\u4e00-\u9fff]"
ITEM_END = CLAUSE_BREAK
SENTENCE_START = SENTENCE_BREAK
# a sentence that announces a list after it: 应着重抓好以下几方面的工作。第一，…
ANNOUNCES = re.compile(r"以下|如下|几点|几个?方面|[一二三四五六七八九十两\d]+(?:点|条|项|个?方面)")
HEADING_END = re.compile(r"[。；;！？!?,，]$")


@dataclass(frozen=True)
class ItemRules:
    """The item finder's windows (its config in config.cfg)."""

    heading_chars: int = 30      # （三）加强领导: the longest line that heads the list under it
    narrative_reach: int = 40    # 首先…最后李四讲话: how far after a step-by-step sequence another actor makes it the meeting's steps
    marker_gap_chars: int = 700  # 一是…二是: how far after one marker the next of its list may stand


@dataclass
class Marker:
    start: int
    end: int
    family: str
    ordinal: int
    text: str


@dataclass
class Item:
    marker_start: int
    marker_end: int
    start: int            # the item's text
    end: int
    marker: str
    family: str
    ordinal: int
    level: int = 1
    sequence: int = 0
    speaker_start: int | None = None   # offsets of the speaker's mention
    speaker_end: int | None = None
    speaker: str | None = None         # canonical key of the speaker (Simplified)
    kind: str = "directive"


@lru_cache(maxsize=1)
def _rules():
    data = load_json("items.json")
    families, min_items = [], {}
    for fam in data["families"]:
        pattern = family_pattern(fam, data)
        opens = "\n:：;；。" + ("，," if fam.get("after_comma") else "") if fam["line_start"] else None
        families.append((fam["name"], re.compile(pattern), opens))
        min_items[fam["name"]] = fam.get("min_items", 2)
    return (families, data["sequence_words"],
            re.compile(_alt(list_speech_verbs())), re.compile(_alt(load_json("structure.json")["body_subjects"])),
            re.compile(_alt(data["directive_cues"])), min_items, data["continues"])


@lru_cache(maxsize=1)
def chair_address():
    """壹、主席致词 / 三、主持人讲话: a heading that is the chair's address."""
    speech = sorted(set(vocabulary("verbs.json", "speech") + vocabulary("verbs.json", "report")), key=len, reverse=True)
    return re.compile(r"\s*(?:" + _alt(load_json("items.json")["chair_address"]) + r")\s*(?:" + _alt(speech) + r")")


def _alt(words) -> str:
    """Words as alternatives, in the lexicon's order."""
    return "|".join(map(re.escape, words))


def _one_of(words) -> str:
    """One word as itself, a class of characters when every word is one, else the words as alternatives."""
    if len(words) == 1:
        return re.escape(words[0])
    if all(len(w) == 1 for w in words):
        return "[" + "".join(re.escape(w) for w in words) + "]"
    return "(?:" + _alt(words) + ")"


def family_pattern(fam: dict, data: dict) -> str:
    """The pattern of one marker family of items.json, its ordinal in the first
    group that matches: what stands before the ordinal (prefix 第, brackets),
    the ordinal's class, the words that close it (要, 项议程, 、) and what may or
    may not follow (not_followed_by: 一要 but not 一要素)."""
    if fam["ordinal"] == "sequence_words":
        first, rest = _alt(data["sequence_words"]), ""
    elif fam["ordinal"] in ENCLOSED_SERIES:
        first, rest = "[" + ENCLOSED_SERIES[fam["ordinal"]] + "]", ""
    else:
        first, rest = ORDINALS[fam["ordinal"]]
    ordinal = first + rest
    not_after = f"(?<!{_one_of(fam['not_after'])})" if fam.get("not_after") else ""
    if not_after and rest and not fam.get("prefix") and not fam.get("bracketed"):
        # 一要 not after 第: tested after the ordinal's first character ((?<!第一) once 一 is read), so
        # that the pattern opens with the ordinal's class
        p = f"({first}(?<!{_one_of(fam['not_after'])}{first}){rest})"
    else:
        p = not_after + re.escape(fam.get("prefix", ""))
        p += OPEN_BRACKET + f"({ordinal})" + CLOSE_BRACKET if fam.get("bracketed") else f"({ordinal})"
    if fam.get("may_close_with"):  # (1)、: the mark after the bracket is the marker's
        p += _one_of(fam["may_close_with"]) + "?"
    if fam.get("or_followed_by"):  # 第一, / 第一要: a mark closes it, or a verb follows it
        p += f"(?:{_one_of(fam['closed_by'])}|(?={_one_of(fam['or_followed_by'])}))"
    elif fam.get("closed_by"):
        p += _one_of(fam["closed_by"])
    if fam.get("copula"):  # 第一项议程是:
        p += _one_of(data["copula_words"]) + "?" + MARK
    if fam.get("mark"):
        p += MARK
    if fam.get("then_text_not"):  # 一是 with its item after it, not 一是,
        p += "(?=[^" + "".join(map(re.escape, fam["then_text_not"])) + "])"
    if fam.get("not_a_run"):  # 一、 but not 一、二、三、 (a run of numbers)
        p += f"(?!{CN_DIGIT}+{_one_of(fam['closed_by'])})"
    if fam.get("not_followed_by_digit"):  # 1. but not 1.5
        p += r"(?!\d)"
    if fam.get("then_han"):  # a bare numeral with its item's text right after it
        p += f"(?={HAN})"
    if fam.get("not_followed_by"):
        p += f"(?!{_one_of(fam['not_followed_by'])})"
    if fam.get("or_enclosed"):  # (1) or ⑴
        p += "|([" + ENCLOSED_SERIES[fam["or_enclosed"]] + "])"
    return p


def list_speech_verbs() -> tuple[str, ...]:
    """The verbs of speaking and of reporting (verbs.json) that make a list the speaker's."""
    return vocabulary("verbs.json", "speech", "introduces_list") + vocabulary("verbs.json", "report", "introduces_list")


def _ordinal(family: str, token: str, seq_words: dict) -> int | None:
    if family == "sequence_words":
        return seq_words.get(token)
    if token in ENCLOSED:
        return ENCLOSED[token]
    if token.isdigit():
        return int(token)
    try:
        return cn_to_int(token)
    except (ValueError, KeyError):
        return None


SENTENCE_OPENED = ("", *"。！？!?；;\n")  # what stands before a step that opens a sentence (nothing at the start)


@lru_cache(maxsize=1)
def _sentence_opening_steps() -> frozenset[str]:
    return frozenset(load_json("items.json")["sentence_opening_steps"])


def find_markers(text: str, start: int, end: int) -> list[Marker]:
    families, seq_words, *_ = _rules()
    sentence_steps = _sentence_opening_steps()
    found: list[Marker] = []
    for name, rx, opens in families:
        for m in rx.finditer(text, start, end):
            if opens:  # a family that counts only where a paragraph, clause or list opens
                before = text[max(start, m.start() - 2):m.start()].strip(" ")
                if m.start() != start and not (before == "" or before[-1] in opens):
                    continue
            token = next(g for g in m.groups() if g)
            if token in sentence_steps and m.start() != start \
                    and text[max(start, m.start() - 2):m.start()].strip(" ")[-1:] not in SENTENCE_OPENED:
                continue  # 首先由…报告,随后就…讨论: one sentence told in order, no list
            ordinal = _ordinal(name, token, seq_words)
            if ordinal is None:
                continue
            found.append(Marker(m.start(), m.end(), name, ordinal, m.group(0)))
    # one marker per position: the longest wins (第一项议程是 over 第一)
    found.sort(key=lambda k: (k.start, -(k.end - k.start)))
    kept: list[Marker] = []
    for mk in found:
        if kept and mk.start < kept[-1].end:
            continue
        kept.append(mk)
    return kept


def sequences(markers: list[Marker], max_gap: int, min_items: dict | None = None,
              continues: dict | None = None) -> list[list[Marker]]:
    """Runs of consecutive ordinals within one family. A family may carry on
    a sibling's run (一要…二是…三是: `continues`); a family may need more than
    two items to count (bare numerals: `min_items`)."""
    min_items, continues = min_items or {}, continues or {}
    open_seq: dict[str, list[Marker]] = {}
    done: list[list[Marker]] = []
    for mk in markers:
        seq = open_seq.get(mk.family)
        sibling = continues.get(mk.family)
        if not seq and sibling and mk.ordinal > 1 and open_seq.get(sibling) \
                and open_seq[sibling][-1].ordinal == mk.ordinal - 1:
            seq = open_seq.pop(sibling)
            open_seq[mk.family] = seq
        if seq and mk.start - seq[-1].end > max_gap:
            done.append(open_seq.pop(mk.family))
            seq = None
        if mk.ordinal == 1:
            if seq:
                done.append(seq)
            open_seq[mk.family] = [mk]
        elif seq and (mk.ordinal == seq[-1].ordinal + 1 or (mk.ordinal == 99 and seq[-1].ordinal != 99)
                      or (mk.family == "sequence_words" and mk.ordinal in (2, 3) and seq[-1].ordinal < 99)):
            seq.append(mk)
            if mk.ordinal == 99:
                done.append(open_seq.pop(mk.family))
    done.extend(open_seq.values())
    return sorted((s for s in done if len(s) >= min_items.get(s[0].family, 2)), key=lambda s: s[0].start)


HEADING_FAMILIES = ("dun", "dun_formal")  # 一、 壹、: the section numbers of formal minutes


def _with_lone_headings(text: str, markers: list[Marker], seqs: list[list[Marker]], end: int,
                        heading_chars: int) -> list[list[Marker]]:
    """一、董事会会议召开情况\n（一）…（二）…: a first section heading with a list
    right under it is an item though the page shows no second section (one
    section announced, or the page cut after it)."""
    in_seq = {mk.start for s in seqs for mk in s}
    firsts = {s[0].start: s[0].family for s in seqs}
    out = list(seqs)
    for mk in markers:
        if mk.ordinal != 1 or mk.family not in HEADING_FAMILIES or mk.start in in_seq:
            continue
        if mk.start > 0 and text[mk.start - 1] not in "\n":
            continue
        line_end = _paragraph_end(text, mk.end, end)
        line = text[mk.end:line_end]
        if len(line) > heading_chars or HEADING_END.search(line):
            continue
        nxt = line_end
        while nxt < end and text[nxt] in "\n \t":
            nxt += 1
        if nxt in firsts and firsts[nxt] != mk.family:
            out.append([mk])
    return sorted(out, key=lambda s: s[0].start)


def _next_line_is_marked(text: str, line_end: int, end: int, marker_starts: list[int]) -> bool:
    """Does the next non-empty line open with a list marker? A short last item
    followed by plain text (十二月份, 会议结束) heads nothing."""
    i = line_end
    while i < end and text[i] in "\n \t":
        i += 1
    return i in marker_starts


def _introduces_sub_list(text: str, line_end: int, end: int, family_at: dict[int, str], family: str,
                         max_chars: int) -> bool:
    """Is the next line a short one ending with a colon (主席裁示:), with a line
    under it marked in another family than the item's? Then that list belongs to
    the item above it (贰、确认纪录。\n主席裁示:\n(一)…); the same family again
    (二、…\n会议要求:\n一、…) is a list of its own."""
    i = line_end
    while i < end and text[i] in "\n \t":
        i += 1
    stop = _paragraph_end(text, i, end)
    line = text[i:stop].rstrip()
    if not (0 < len(line) <= max_chars and line.endswith((":", "："))) or line.startswith("会议"):
        return False  # 会议议定事项:, 会议要求: a section of the meeting's own, not the item's
    j = stop
    while j < end and text[j] in "\n \t":
        j += 1
    return j in family_at and family_at[j] != family


def _opens_line(text: str, i: int) -> bool:
    """Does nothing but spaces stand between the line's start and i?"""
    return not text[text.rfind("\n", 0, i) + 1:i].strip()


def _paragraph_end(text: str, i: int, end: int) -> int:
    j = text.find("\n", i, end)
    return end if j < 0 else j


def find_items(text: str, meetings: list[tuple[int, int]], mentions=(),
               rules: ItemRules = ItemRules(), chairs=None) -> list[tuple[int, Item]]:
    """(meeting index, Item) for every item, in text order. chairs: meeting
    index -> (start, end, key) of its chair, who speaks the lists under a
    heading of the chair's address (主席致词)."""
    chairs = chairs or {}
    _, _, speech, body_subject, directive, min_items, continues = _rules()
    heading_chars, narrative_reach = rules.heading_chars, rules.narrative_reach
    out: list[tuple[int, Item]] = []
    seq_id = 0
    for mi, (ms, me) in enumerate(meetings):
        markers = find_markers(text, ms, me)
        seqs = _with_lone_headings(text, markers, sequences(markers, rules.marker_gap_chars, min_items, continues), me, heading_chars)
        all_starts = sorted(mk.start for s in seqs for mk in s)
        family_at = {mk.start: mk.family for s in seqs for mk in s}
        # extents of items, for nesting: to the next marker of the same list,
        # the last one to the end of its paragraph
        extents = []
        for s in seqs:
            for k, mk in enumerate(s):
                if k + 1 < len(s):
                    stop = s[k + 1].start
                else:
                    stop = _paragraph_end(text, mk.end, me)
                    line = text[mk.end:stop].rstrip()
                    if line.endswith((":", "：")) or (len(line) <= heading_chars and not HEADING_END.search(line)
                                                        and _next_line_is_marked(text, stop, me, all_starts)) \
                            or _introduces_sub_list(text, stop, me, family_at, mk.family, heading_chars):
                        # 三、部署下阶段工作：\n1、… or a heading line (（三）加强领导) with a list
                        # right under it, or under the line after it (贰、确认纪录。\n主席裁示:\n(一)…):
                        # the lines below belong to it
                        stop = me
                    else:
                        # in running text the last item ends with its sentence: a list
                        # that opens after it (…三是…。履行好职能，第一要…) is no sub-list
                        sentence_end = SENTENCE_START.search(text, mk.end, stop)
                        if sentence_end and not ANNOUNCES.search(text, mk.end, sentence_end.start()):
                            stop = sentence_end.end()
                extents.append((mk.start, stop, s[0].start))
        level_of: dict[int, int] = {}
        parent_of: dict[int, int] = {}
        parent_item: dict[int, int] = {}  # a sub-list's first marker -> its parent item's marker
        for s in seqs:
            first = s[0].start
            parents = [(a, b, owner) for a, b, owner in extents if a < first < b and owner != first
                       and not (family_at[owner] == "sequence_words" and _opens_line(text, first)
                                and not _opens_line(text, a))]
            # 首先听取汇报,然后…作出决定:\n一、…: a list on lines of its own is no step of a sentence told in order
            if parents:
                a, b, owner = max(parents, key=lambda x: x[0])
                level_of[first] = level_of.get(owner, 1) + 1
                parent_of[first] = owner
                parent_item[first] = a
            else:
                level_of[first] = 1
        speaker_of: dict[int, tuple] = {}
        for s in seqs:
            seq_id += 1
            first = s[0].start
            who = _speaker(text, first, ms, mentions, speech, body_subject, own_only=first in parent_of)
            if first in parent_of and who[0] is None:
                who = speaker_of.get(parent_of[first], (None, None, None))  # a sub-list speaks for its item
            if first in parent_item and who[0] is None and mi in chairs and _heads_chair_address(text, parent_item[first]):
                who = chairs[mi]  # 壹、主席致词\n一、…: the chair's address
            reach = min(s[-1].end + narrative_reach, _paragraph_end(text, s[-1].end, me))
            if who[0] is not None and s[0].family == "sequence_words" and any(
                    m.key != who[2] and first <= m.start < reach for m in mentions):
                who = (None, None, None)  # 首先张三传达…最后李四讲话: steps of the meeting, each its own actor
            speaker_of[first] = who
            for mk in s:
                nxt = [p for p in all_starts if p > mk.start]
                stop = min([nxt[0]] if nxt else [me])
                m_end = ITEM_END.search(text, mk.end, stop)
                end = m_end.start() if m_end else stop
                start = mk.end
                while start < end and text[start] in " ,，、:：":
                    start += 1
                body = text[start:end].rstrip(" ,，、:：")
                item = Item(mk.start, mk.end, start, start + len(body), mk.text.rstrip(",，:："),
                            mk.family, mk.ordinal, level_of[first], seq_id,
                            who[0], who[1], who[2],
                            "directive" if directive.search(body) else "other")
                out.append((mi, item))
    out.sort(key=lambda pair: (pair[0], pair[1].marker_start))
    return out


def _speaker(text, marker_start, meeting_start, mentions, speech, body_subject, own_only=False):
    """Who set out the list that begins at marker_start. own_only: only a
    person named with a speech verb in the list's own sentence counts."""
    sent = meeting_start
    for m in SENTENCE_START.finditer(text, meeting_start, marker_start):
        sent = m.end()
    intro = text[sent:marker_start]
    if not intro.strip():
        before = text[meeting_start:marker_start].rstrip()
        if not before.endswith((":", "：")):
            if own_only:
                return None, None, None
            if text[sent - 1:sent] in ("\n", ""):
                return _speaker_of_paragraph_before(text, marker_start, meeting_start, mentions, speech,
                                                    body_subject)
            # 张三发表讲话，提出四点希望。一是…: the sentence before, in the same paragraph
            return _previous_speaker(text, sent, meeting_start, mentions, speech, body_subject)
        # a list on lines of its own, introduced by the line before:
        # 张三在讲话中强调：\n一、…
        sent = meeting_start
        for m in SENTENCE_START.finditer(text, meeting_start, meeting_start + len(before)):
            sent = m.end()
        intro = text[sent:meeting_start + len(before)]
    verb = speech.search(intro)
    in_sentence = [m for m in mentions if sent <= m.start and m.end <= marker_start and not is_cited(text, m)]
    if in_sentence and verb:
        m = in_sentence[-1]
        return m.start, m.end, m.key
    if in_sentence and _only_post_between(text, in_sentence[-1].end, marker_start):
        m = in_sentence[-1]  # 会上,李占山校长首先传达了…: the person right before the first item sets it out
        return m.start, m.end, m.key
    if own_only:
        return None, None, None
    if not verb:
        lead = intro.lstrip()
        body = body_subject.match(lead)
        if body and not in_sentence and lead[body.end():body.end() + 1] not in ",，":
            return None, None, None  # 大会主要有三项议题:(一)…: the body's list (会上, is no subject)
        return _previous_speaker(text, sent, meeting_start, mentions, speech, body_subject)
    subject = body_subject.search(intro[:verb.start()])
    if subject:
        return None, None, None
    # 他提出几点要求 / 对…提出3点要求: the person last named in the paragraph of the intro
    para = text.rfind("\n", meeting_start, max(sent, meeting_start)) + 1
    earlier = [m for m in mentions if max(para, meeting_start) <= m.start and m.end <= marker_start
               and not is_cited(text, m)]  # 他强调,要贯彻落实某书记的讲话精神: not the cited one
    if earlier:
        m = earlier[-1]
        return m.start, m.end, m.key
    return None, None, None


def _heads_chair_address(text: str, marker_start: int) -> bool:
    """Is the item whose marker starts here a heading of the chair's address?"""
    mark = next((m for _, rx, _ in _rules()[0] for m in [rx.match(text, marker_start)] if m), None)
    return bool(mark) and bool(chair_address().match(text, mark.end()))


def _only_post_between(text: str, a: int, b: int) -> bool:
    """Nothing but a post, an honorific or a comma between a person and the
    list (李占山校长首先, 邓强同志,首先; not 文小平主持,首先: the chair's act)."""
    gap = text[a:b].strip(" \t,，")
    lex = people_lexicon()
    return not gap or gap in lex.honorifics or bool(lex.title_re.fullmatch(gap))
CITED_BEFORE = re.compile(r"(?:" + _alt(vocabulary("verbs.json", "citing", "before_name")) + r")了?$")
# 某某书记在全会上的讲话, 某某总书记重要讲话精神 (not 某某作了重要讲话: that one speaks here)
CITED_AFTER = re.compile(r"(?:(?!" + _alt(load_json("items.json")["own_acts"]) + r")[^，,。；;]){0,24}?"
                         r"(?:的|重要)(?:重要)?(?:" + _alt(load_json("items.json")["cited_words"]) + ")")


def is_cited(text, mention) -> bool:
    """传达学习了魏民洲书记在全会上的讲话: a person whose speech is studied or
    conveyed is cited, never the speaker of this meeting's items."""
    return bool(CITED_BEFORE.search(text, max(0, mention.start - 6), mention.start)
                or CITED_AFTER.match(text, mention.end))


def _previous_speaker(text, sent, meeting_start, mentions, speech, body_subject):
    """张三指出,安全很重要。要做好三件事:一是… — the speaker of the nearest
    sentence before, in the same paragraph, that is a person speaking; a
    paragraph opened by 张三指出 is 张三's speech to its end. A sentence in
    which the meeting speaks as a body (会议要求) ends the search."""
    para = max(text.rfind("\n", meeting_start, sent) + 1, meeting_start)
    if sent <= para:
        return None, None, None
    starts = [para] + [m.end() for m in SENTENCE_START.finditer(text, para, sent - 1)]
    for prev, stop in zip(reversed(starts), [sent] + list(reversed(starts))[:-1]):
        sentence = text[prev:stop]
        verb = speech.search(sentence)
        if not verb:
            continue
        if body_subject.match(sentence.lstrip(" ,，")):
            return None, None, None
        who = [m for m in mentions if prev <= m.start and m.end <= prev + verb.start() and not is_cited(text, m)]
        if who:
            return who[-1].start, who[-1].end, who[-1].key
    return None, None, None


def _speaker_of_paragraph_before(text, marker_start, meeting_start, mentions, speech, body_subject):
    """A list on lines of its own right after a paragraph that a person's
    speech opens (胡华军院长指出，…\n一是…): that person."""
    para_end = text.rfind("\n", meeting_start, marker_start)
    if para_end <= meeting_start or text[para_end:marker_start].strip():
        return None, None, None
    para_start = max(text.rfind("\n", meeting_start, para_end - 1) + 1, meeting_start)
    first = SENTENCE_START.search(text, para_start, para_end)
    opening = text[para_start:first.start() if first else para_end]
    verb = speech.search(opening)
    if not verb or body_subject.search(opening[:verb.start()]):
        return None, None, None
    who = [m for m in mentions if para_start <= m.start and m.end <= para_start + verb.start()
           and not is_cited(text, m)]
    return (who[-1].start, who[-1].end, who[-1].key) if who else (None, None, None)
