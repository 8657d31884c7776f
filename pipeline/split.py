"""Stage 2, split: a page -> the meetings it reports -> paragraphs.

Bundles of records (记录一, 记录二 …) split at their headings; pages of
form-style minutes split where a new form opens (时间: followed by 地点:,
主持人: …). Anything else is one meeting: the whole body. The component
writes `doc.spans["meetings"]`, which the later components read, and makes
`doc.sents` give the sentences (sentence_spans: 。！？ and line breaks, the
marks every rule reads from normalize.patterns).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .components.extensions import set_spans, text_of
from .normalize.patterns import SENTENCE_MARKS
from .resources import load_json


# named blocks of the patterns below, each written once
RECORD_NUMBER = r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})"  # 二, 十三, 3: 记录二, 会议纪要(3)
ORDINAL = r"[一二三四五六七八九十\d]{1,3}"                  # after 第 or 篇: 第二, 第12, 篇三
COLON = r"\s*[:：]?"                                       # a heading may end in a colon


def _words(words) -> str:
    """An alternation of words, tried in the lexicon's order."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def record_heading_pattern(data: dict) -> str:
    """A short line opening one record of a bundle, from the words of splitting.json."""
    record, counter = _words(data["record_words"]), _words(data["session_counters"])
    minutes, meeting = _words(data["minutes_words"]), _words(data["meeting_words"])
    after = _words(data["minutes_suffixes"])
    numbered = rf"^.{{0,30}}?{record}\s*(?:之)?\s*[(（]?{RECORD_NUMBER}[)）]?{COLON}$"  # 工作会议记录二, 记录(三):
    nth = rf"^(?:第{ORDINAL}{counter}(?:会议)?|(?:会议)?{minutes}\s*{ORDINAL}){COLON}$"   # 第二次会议, 纪要3
    session = rf"^.{{0,20}}第{ORDINAL}次.{{0,15}}{meeting}{after}?{COLON}$"              # 校务会第三次会议纪要
    piece = rf"^[【\[(（]?(?:篇{ORDINAL}|第{ORDINAL}篇)[】\])）]?(?:\s*[:：、.．]\s*.{{0,30}}|\s+.{{0,30}}|\s*)$"  # 【篇二】
    return "|".join((numbered, nth, session, piece))


@lru_cache(maxsize=1)
def _rules():
    data = load_json("splitting.json")
    openings = "|".join(map(re.escape, sorted(data["news_item_openings"], key=len, reverse=True)))
    form_opening = r"^(?:会议)?" + _words(data["form_opening_labels"]) + r"\s*[:：]"       # 会议时间:
    form_field = r"^(?:会议)?" + _words(data["form_field_labels"]) + r"\s*[:：]?"          # 地点:, 主持人
    return (re.compile(record_heading_pattern(data)), re.compile(form_opening),
            re.compile(form_field), int(data["max_heading_chars"]),
            re.compile(r"^\s*(?:" + openings + r")[\s,，:：]"))


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    spans, pos = [], start
    for line in text[start:].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def meeting_ranges(text: str, body_start: int = 0) -> list[tuple[int, int]]:
    """Character ranges of the meetings a page reports, in order."""
    heading, form_opening, form_field, max_heading, news_item = _rules()
    lines = line_spans(text, body_start)
    if not lines:
        return []
    def is_heading(s: int, e: int) -> bool:
        return e - s <= max_heading and bool(heading.match(text[s:e])) and not re.search(r"[。；;]", text[s:e])

    cuts = [s for s, e in lines if is_heading(s, e)]
    if len(cuts) == 1 and body_start > 0:
        # the page's headline may be the first record's heading: 会议纪要(一) … 会议纪要(二)
        title_start = text.rfind("\n", 0, body_start - 1) + 1
        if is_heading(title_start, body_start - 1):
            cuts = [lines[0][0]] + cuts
    if len(cuts) < 2:
        # 本报讯 5月23日…召开… 又讯 5月29日…召开…: a news roundup reports one meeting per item
        items = [s for s, e in lines[1:] if news_item.match(text[s:e]) and HELD.search(text, s, e)]
        if items:
            cuts = [lines[0][0]] + items
    if len(cuts) < 2:
        cuts = []
        for k, (s, e) in enumerate(lines):
            if k and form_opening.match(text[lines[k - 1][0]:lines[k - 1][1]]):
                continue  # 日期: …\n时间: …: the date and the time of one form
            if form_opening.match(text[s:e]):
                nxt = [text[a:b] for a, b in lines[k + 1:k + 4]]
                if any(form_field.match(x) for x in nxt):
                    cuts.append(s)
        if len(cuts) < 2:
            cuts = []
    end = lines[-1][1]
    if not cuts:
        return [(lines[0][0], end)]
    # text before the first record (an introduction) belongs to the first one
    starts = [lines[0][0]] + cuts[1:]
    return [(a, b - 1 if b < end else end) for a, b in zip(starts, starts[1:] + [end])]


HELD = re.compile(r"召开|举行|召開|舉行")
SENTENCE = re.compile(rf"[^{SENTENCE_MARKS}\n]+(?:[{SENTENCE_MARKS}]+[”’」』)]?|$)", re.M)


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


@Language.factory("meeting_splitter", default_config={"meetings_key": "meetings"})
def make_meeting_splitter(nlp: Language, name: str, meetings_key: str):
    return MeetingSplitter(meetings_key)


class MeetingSplitter:
    def __init__(self, meetings_key: str):
        self.meetings_key = meetings_key

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        set_spans(doc, self.meetings_key, meeting_ranges(text, doc._.body_start or 0), "MEETING")
        doc.user_hooks["sents"] = sentences  # doc.sents, found only when someone asks
        return doc


def sentences(doc: Doc):
    """The Doc's sentences (sentence_spans) as spans widened to token edges:
    spaCy's `sents` user hook, so no rule pays for them on every page."""
    text = text_of(doc)
    for a, b in sentence_spans(text, 0, len(text)):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            yield span
