"""The meeting-structure layer: a meeting's own name and what it decided.

Names: Chinese reports name a meeting as the object of the verb that holds it
(学校召开2024年第十四次校长办公会议) or of attending it (参加新学期第一次校务会议),
the object ending in 会议/大会/会; the organizer before the verb is not part of
it. Else as the subject of 在…举行 (第一次主席会议12日在北京举行). A page that names no meeting in
its body may in its headline (村民会议记录 -> 村民会议).
Decisions: a clause whose subject is the meeting as a body (会议审议通过…, 会上
研究决定…) or that opens with a decision verb, from the verb to the clause's
end; each 《document》 it acts on is its own entry; every entry listed under a
heading that announces decisions (议定事项:) is one. A speaker's requirement
(张三强调，要…) is none: its subject is a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json
from .patterns import trie_pattern

CLAUSE_END = re.compile(r"[。；;！!？?\n]")
DOCUMENT = re.compile(r"《([^《》]{1,60})》")
BODY_NAME = re.compile(r"(?:委员会|学会|协会|商会|工会|联合会|基金会|研究会|促进会)$")
LIST_MARKER = re.compile(r"[一二三四五六七八九十\d]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]")


@dataclass(frozen=True)
class Decision:
    verb: str
    start: int          # the decision's text (from the verb, or the entry's own text)
    end: int
    document: str | None


@lru_cache(maxsize=1)
def _rules():
    d = load_json("structure.json")
    ends = trie_pattern(d["name_ends"])
    name = (r"(?:" + trie_pattern(d["held_verbs"] + d["attend_verbs"]) + r")(?:了)?(?P<name>[^，。,；;、\n“”:：]{1,40}?(?:" + ends
            + r"))(?=$|[，。,；;、\n\s(（]|上|后|期间|结束|于|在|并|，)")
    minutes = re.compile(r"^(?P<name>.{2,40}?(?:" + ends + r"))(?:" + trie_pattern(d["minutes_suffixes"]) + r")\s*$")
    strip = re.compile(r"(?:" + trie_pattern(d["name_strip_prefixes"]) + r")")
    verbs = trie_pattern(d["decision_verbs"])
    body = trie_pattern(d["body_subjects"])
    decision = re.compile(r"(?:^|[。；;\n，,:：])\s*(?P<body>(?:" + body + r")[^，。,；;\n]{0,12}?)?(?P<verb>" + verbs + r")")
    heading = re.compile(r"(?:" + trie_pattern(d["decision_headings"]) + r")\s*[:：]\s*")
    # 政协第十二届全国委员会第一次主席会议12日下午在北京举行: the name as the subject
    subject = (r"(?:^|(?<=[，。,；;\n]))(?P<name2>[^，。,；;、\n“”:：]{2,40}?(?:" + ends + r"))(?=[于在\d])"
               r"[^，。,；;\n]{0,40}?(?:" + trie_pattern(d["held_verbs"]) + r"|开幕)")
    return (re.compile(name), re.compile(subject)), minutes, strip, decision, heading, re.compile(body)


def meeting_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of the first name a meeting's text gives itself."""
    (object_re, subject_re), _, strip, _, _, _ = _rules()
    m = object_re.search(text, start, end)
    if m:
        a, b = m.span("name")
    else:
        # the subject of 在…举行, unless it is the body that holds the meeting (某某学会在…召开)
        m = next((s for s in subject_re.finditer(text, start, end) if not BODY_NAME.search(s.group("name2"))), None)
        if not m:
            return None
        a, b = m.span("name2")
    marker = LIST_MARKER.match(text, a, b)
    if marker:
        a = marker.end()
    lead = strip.match(text, a, b)
    if lead:
        a = lead.end()
    return (a, b) if b - a >= 2 and text[a:b] not in ("会议", "大会") else None


def name_from_headline(title: str | None) -> str | None:
    """村民会议记录 -> 村民会议; 学校召开安全工作会议 -> 安全工作会议."""
    if not title:
        return None
    (name_re, _), minutes, strip, _, _, _ = _rules()
    m = name_re.search(title)
    if m:
        found = m.group("name")
        lead = strip.match(found)
        return found[lead.end() if lead else 0:]
    m = minutes.match(title)
    return m.group("name") if m else None


def find_decisions(text: str, start: int, end: int) -> list[Decision]:
    _, _, _, decision_re, heading_re, body_re = _rules()
    out: list[Decision] = []
    taken: list[tuple[int, int]] = []
    for h in heading_re.finditer(text, start, end):
        taken.append(h.span())
        # 议定事项: 1、… 2、…: each entry, up to the first paragraph without a marker
        i = h.end()
        while i < end:
            line_end = text.find("\n", i, end)
            line_end = end if line_end < 0 else line_end
            marker = LIST_MARKER.match(text, i)
            if marker is None and i > h.end():
                break
            a = marker.end() if marker else i
            stop = CLAUSE_END.search(text, a, line_end)
            b = stop.start() if stop else line_end
            if b > a:
                out += _entries("", a, b, text)
                taken.append((a, b))
            i = line_end + 1
    for m in decision_re.finditer(text, start, end):
        a = m.start("verb")
        if any(x <= a < y for x, y in taken):
            continue
        if not m.group("body"):
            # 通过学习, 决定性: a bare verb is the body's only in a sentence the body opened
            sentence = max(text.rfind("。", start, a), text.rfind("\n", start, a), start - 1) + 1
            if not body_re.search(text, sentence, a):
                continue
        stop = CLAUSE_END.search(text, a, end)
        b = stop.start() if stop else end
        out += _entries(m.group("verb"), a, b, text)
    out.sort(key=lambda d: d.start)
    return out


def _entries(verb: str, a: int, b: int, text: str) -> list[Decision]:
    documents = DOCUMENT.findall(text, a, b)
    if not documents:
        return [Decision(verb, a, b, None)]
    return [Decision(verb, a, b, doc) for doc in documents]
