"""Where one page's meetings and sentences begin and end.

Bundles of records (记录一, 记录二 …) split at their headings; a news roundup
(本报讯 … 又讯 …) at each further item that holds a meeting, and a report of
meetings on several days at each paragraph that opens with its day and holds
one (11月7日上午,…召开党委常委会 … 11月9日下午,…召开校长办公会); pages of
form-style minutes where a new form opens (时间: followed by 地点:, 主持人:
…). Anything else is one meeting: the whole body. Sentences end at 。！？ and
line breaks, the marks every rule reads from normalize.patterns. Pure
functions over the text; components.splitter lays them on the Doc.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json, vocabulary
from .patterns import SENTENCE_MARKS, trie_pattern

# named blocks of the patterns below, each written once
RECORD_NUMBER = r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})"  # 二, 十三, 3: 记录二, 会议纪要(3)
ORDINAL = r"[一二三四五六七八九十\d]{1,3}"                  # after 第 or 篇: 第二, 第12, 篇三
COLON = r"\s*[:：]?"                                       # a heading may end in a colon
# a news item that holds one of these reports another meeting (the text is Simplified: 召開 reads 召开)
HELD = re.compile(trie_pattern(vocabulary("verbs.json", "held", "news_item")))
HELD_ANY = re.compile(trie_pattern(vocabulary("verbs.json", "held")))  # 组织, 开展 too
SENTENCE = re.compile(rf"[^{SENTENCE_MARKS}\n]+(?:[{SENTENCE_MARKS}]+[”’」』)]?|$)", re.M)


@dataclass(frozen=True)
class SplitRules:
    """The splitter's windows (its config in config.cfg)."""

    form_field_lines: int = 3   # 时间: …: how many lines under it a form's next field (地点:, 主持人:) may stand
    max_heading_chars: int = 40  # 学校后勤工作会议记录二: a record's heading line is this short at most


def _words(words) -> str:
    """An alternation of words, tried in the lexicon's order."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def record_heading_pattern(data: dict) -> str:
    """A short line opening one record of a bundle, from the words of splitting.json."""
    record, counter = _words(data["record_words"]), _words(data["session_counters"])
    minutes, meeting = _words(data["minutes_words"]), _words(data["meeting_words"])
    after = _words(data["minutes_suffixes"])
    numbered = rf"^.{{0,30}}?{record}\s*(?:之)?\s*[(（]?{RECORD_NUMBER}[)）]?{COLON}$"  # 工作会议记录二, 记录(三):
    nth = rf"^[【\[(（]?(?:第{ORDINAL}{counter}(?:会议)?|(?:会议)?{minutes}\s*{ORDINAL})[】\])）]?{COLON}$"  # 第二次会议, 纪要3, 【第18期】
    session = rf"^.{{0,20}}第{ORDINAL}次.{{0,15}}{meeting}{after}?{COLON}$"              # 校务会第三次会议纪要
    piece = rf"^[【\[(（]?(?:篇{ORDINAL}|第{ORDINAL}篇)[】\])）]?(?:\s*[:：、.．]\s*.{{0,30}}|\s+.{{0,30}}|\s*)$"  # 【篇二】
    first = rf"^(?:[【\[(（]{record}\s*{RECORD_NUMBER}[】\])）]|{record}\s*{RECORD_NUMBER}\s*[:：])\s*.{{0,30}}$"  # 【记录一】…, 记录一:支部党员大会
    return "|".join((numbered, nth, session, piece, first))


@dataclass(frozen=True)
class _Patterns:
    record_heading: re.Pattern
    form_opening: re.Pattern
    form_field: re.Pattern
    news_item: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The splitting patterns, composed once from the words of splitting.json
    and the form labels of form_labels.json."""
    data = load_json("splitting.json")
    opening_labels = trie_pattern(vocabulary("form_labels.json", "labels", "opens_form"))
    field_labels = trie_pattern(vocabulary("form_labels.json", "labels", "form_field"))
    openings = "|".join(map(re.escape, sorted(data["news_item_openings"], key=len, reverse=True)))
    form_opening = r"^(?:会议)?(?:" + opening_labels + r")\s*[:：]"       # 会议时间:
    form_field = r"^(?:会议)?(?:" + field_labels + r")\s*[:：]?"          # 地点:, 主持人
    return _Patterns(re.compile(record_heading_pattern(data)), re.compile(form_opening),
                     re.compile(form_field),
                     re.compile(r"^\s*(?:" + openings + r")[\s,，:：]"))


# 11月7日上午, 二〇二五年五月十二日,: the day a paragraph opens with, a part of the day and a comma after it
# (6月1日前,各单位要召开… opens with no day of a meeting)
CN_NUMBER = "[〇零一二三四五六七八九十]"
LEDE_DAY = re.compile(rf"(?:(?:(?:19|20)\d{{2}}年|{CN_NUMBER}{{4}}年)?(?:\d{{1,2}}|{CN_NUMBER}{{1,3}})月(?:\d{{1,2}}|{CN_NUMBER}{{1,3}})日"
                      rf"|今天|今日|昨天|昨日|前天)(?:{trie_pattern(load_json('timex.json')['part_of_day'])})?(?=[,，])")
# 3月5日下午,大会召开第二次全体会议 / 举行分组会议: a session of the meeting before, no meeting of its own
SESSION_OBJECT = re.compile(r"(?:了)?(?:第[一二三四五六七八九十\d]{1,3}次全体|分组|预备|开幕|闭幕)")


PLANNED = re.compile("要|将|拟|应|须|需|计划|准备")
BRACKETED_HEADING = re.compile(r"[【\[][^】\]\n]{1,16}[】\]]\s*$")


# 同日,公司召开第五届监事会第一次会议; 股东大会结束后,公司随即召开…; 当天下午,协会召开…: a paragraph
# that opens on the time of the meeting before it and holds a meeting of its own name (召开会议 names none)
SEQUEL = re.compile(r"(?:同日|当日|当天|次日|随后|会后|[^\s,，。]{2,12}结束后)(?:" + trie_pattern(load_json("timex.json")["part_of_day"])
                    + r")?[,，]")
NAMED_AFTER_HELD = re.compile(r"(?!会议)[^，,。；;\n]{3,30}?会")


def _sequel(text: str, s: int, e: int) -> bool:
    m = SEQUEL.match(text, s, e)
    if not m:
        return False
    first = re.search(rf"[{SENTENCE_MARKS}]", text[m.end():e])
    held = HELD.search(text, m.end(), m.end() + first.start() if first else e)
    return bool(held) and not PLANNED.search(text, max(m.end(), held.start() - 6), held.start()) \
        and bool(NAMED_AFTER_HELD.match(text, held.end(), e))


def _subheading(text: str, s: int, e: int) -> bool:
    """A short line of its own over a record: in brackets (【局务会】), or one that
    holds a meeting without a sentence's stop (镇人大主席团召开第九次会议)."""
    return bool(BRACKETED_HEADING.match(text, s, e)) or (
        e - s <= 40 and not re.search(rf"[{SENTENCE_MARKS}]", text[s:e]) and bool(HELD.search(text, s, e)))


def _lede_day(text: str, s: int, e: int, held_verb: re.Pattern = HELD) -> str | None:
    """The day a line opens with, when its first sentence holds a meeting (召开, 举行;
    under a heading of its own, any verb of holding one: 开展…主题党日活动)."""
    m = LEDE_DAY.match(text, s, e)
    if not m:
        return None
    first = re.search(rf"[{SENTENCE_MARKS}]", text[m.end():e])
    held = held_verb.search(text, m.end(), m.end() + first.start() if first else e)
    if not held or PLANNED.search(text, max(m.end(), held.start() - 6), held.start()):
        return None  # 6月1日,各乡镇要召开…: a meeting asked for, not held
    if SESSION_OBJECT.match(text, held.end(), e):
        return None
    return m.group()  # the day and its part: 7月12日上午 … 7月12日下午, two meetings


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every line of text[start:] that is not blank."""
    spans, pos = [], start
    for line in text[start:].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def meeting_ranges(text: str, body_start: int = 0, rules: SplitRules = SplitRules()) -> list[tuple[int, int]]:
    """Character ranges of the meetings a page reports, in order."""
    p = patterns()
    lines = line_spans(text, body_start)
    if not lines:
        return []

    def is_heading(s: int, e: int) -> bool:
        return e - s <= rules.max_heading_chars and bool(p.record_heading.match(text[s:e])) \
            and not re.search(r"[。；;]", text[s:e])

    cuts = [s for s, e in lines if is_heading(s, e)]
    if len(cuts) == 1 and body_start > 0:
        # the page's headline may be the first record's heading: 会议纪要(一) … 会议纪要(二)
        title_start = text.rfind("\n", 0, body_start - 1) + 1
        if is_heading(title_start, body_start - 1):
            cuts = [lines[0][0]] + cuts
    if len(cuts) < 2:
        # 本报讯 5月23日…召开… 又讯 5月29日…召开…: a news roundup reports one meeting per item
        items = [s for s, e in lines[1:] if p.news_item.match(text[s:e]) and HELD.search(text, s, e)]
        if items:
            cuts = [lines[0][0]] + items
    # 11月7日上午,书记主持召开党委常委会。…\n11月9日下午,校长主持召开校长办公会。…: paragraphs that
    # each open with the day of a meeting they hold, on days (or parts of a day) of their own, or on
    # the time of the meeting before (同日,公司召开第五届监事会第一次会议); the records found so far
    # (headings, a roundup's items) are records too
    ledes = [(k, day) for k, (s, e) in enumerate(lines)
             if (day := _lede_day(text, s, e, HELD_ANY if k and BRACKETED_HEADING.match(text, *lines[k - 1]) else HELD)
                 or (k and _sequel(text, s, e) and f"after line {k}"))]
    # a short heading of its own over a paragraph (【局务会】, 镇人大主席团召开第九次会议) opens its record
    firsts = [k - 1 if k and _subheading(text, *lines[k - 1]) else k for k, _ in ledes]
    if len(ledes) >= 2 and all(_subheading(text, *lines[k]) for k in range(firsts[0])) \
            and len({day for _, day in ledes}) == len(ledes):
        # a heading that opens a record right above a paragraph is that paragraph's (记录二\n3月5日…)
        opening = {k for k, _ in ledes}
        found = {lines[k][0] for k in firsts if not (k and lines[k - 1][0] in cuts and k - 1 not in opening)}
        cuts = sorted(found | set(cuts))
    if len(cuts) < 2:
        cuts = []
        for k, (s, e) in enumerate(lines):
            if k and p.form_opening.match(text[lines[k - 1][0]:lines[k - 1][1]]):
                continue  # 日期: …\n时间: …: the date and the time of one form
            if p.form_opening.match(text[s:e]):
                below = [text[a:b] for a, b in lines[k + 1:k + 1 + rules.form_field_lines]]
                if any(p.form_field.match(x) for x in below):
                    cuts.append(s)
        if len(cuts) < 2:
            cuts = []
    end = lines[-1][1]
    if not cuts:
        return [(lines[0][0], end)]
    # text before the first record (an introduction) belongs to the first one
    starts = [lines[0][0]] + cuts[1:]
    return [(a, b - 1 if b < end else end) for a, b in zip(starts, starts[1:] + [end])]


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences end at 。！？ (with a closing quote) or at a line break."""
    out = []
    for m in SENTENCE.finditer(text, start, end):
        a, b = m.span()
        while a < b and text[a] == " ":
            a += 1
        if a < b:
            out.append((a, b))
    return out
