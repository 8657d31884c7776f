"""The record of one meeting: which of the dates, venues and clock times
found inside its range are the meeting's own.

A report names many days (of the notice, of the documents it cites, of the
next meeting); the meeting's day is the first one told in the sentence that
holds the meeting (召开, 举行, 主持 … or a form's 时间: field), outside a
clause about a notice going out and after no citing word (根据, 按照).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..resources import vocabulary
from .patterns import SENTENCE_BREAK, trie_pattern
from .splitting import SEQUEL

# a sentence that holds the meeting: a held verb (verbs.json), 会议, or the label opening a form (时间:, form_labels.json),
# numbered or not (一、时间:)
HOLDS_MEETING = re.compile(trie_pattern(vocabulary("verbs.json", "held", "sentence")) + r"|会议|^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])?(?:会议)?(?:"
                           + trie_pattern(vocabulary("form_labels.json", "labels", "opens_form")) + r")\s*[:：]")
NOTICE_SENT = re.compile(r"通知[^,，。;；]{0,30}(?:发出|送达|发送|发布)|(?:发出|送达|发送)[^,，。;；]{0,6}通知")
# a date right after these words is not the day of this meeting
CITES_EARLIER = re.compile(trie_pattern(vocabulary("verbs.json", "citing", "before_date")))
SENTENCE_END = SENTENCE_BREAK
CLAUSE_END = re.compile(r"[,，;；]")
MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")
NOT_THIS_MEETING = re.compile(r"(下次会议|下一次会议|下次例会)[^\n。]{0,6}$|《[^》]*$")


@dataclass(frozen=True)
class DateRules:
    """The windows of the meeting assembler's date choice (its config in config.cfg)."""

    lookback_chars: int = 12    # how far before a date 下次会议 or an open 《 makes it another meeting's
    clock_gap_chars: int = 2    # 6月2日，上午9时: how far after the day a clock time may follow
    form_gap_chars: int = 8     # 日期: 6月2日 …\n时间: 下午2时: what may stand between a form's date and time

    def form_time_gap(self) -> re.Pattern:
        return _form_time_gap(self.form_gap_chars)


@lru_cache(maxsize=None)
def _form_time_gap(n: int) -> re.Pattern:
    return re.compile(r"[^\n]{0,%d}\n\s*(?:会议)?时\s*间\s*[:：]\s*" % n)


class _Sentences:
    """Sentence and clause boundaries of one meeting, found once. Scanning
    back from each date instead takes time quadratic in the length of a text
    without 。 or line breaks (a page of 50,000 dates ran for minutes)."""

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        self.sentence_ends = [m.end() for m in SENTENCE_END.finditer(text, lo, hi)]
        self.clause_ends = [m.end() for m in CLAUSE_END.finditer(text, lo, hi)]
        cites = list(CITES_EARLIER.finditer(text, lo, hi))
        self.cite_starts = [m.start() for m in cites]
        self.cite_ends = [m.end() for m in cites]
        self.holding = {}
        self.notices = {}

    def holds_meeting(self, i: int) -> bool:
        """Is the date at i told in the sentence that holds the meeting, rather
        than citing an earlier document (根据5月10日的通知…)?"""
        k = bisect_right(self.sentence_ends, i)
        start = self.sentence_ends[k - 1] if k else self.lo
        stop = self.sentence_ends[k] - 1 if k < len(self.sentence_ends) else self.hi
        if (start, stop) not in self.holding:
            self.holding[start, stop] = bool(HOLDS_MEETING.search(self.text[start:stop]))
        if not self.holding[start, stop]:
            return False
        j = bisect_right(self.clause_ends, i)
        clause = self.clause_ends[j - 1] if j and self.clause_ends[j - 1] > start else start
        clause_stop = self.clause_ends[j] - 1 if j < len(self.clause_ends) and self.clause_ends[j] - 1 < stop else stop
        if (clause, clause_stop) not in self.notices:
            self.notices[clause, clause_stop] = bool(NOTICE_SENT.search(self.text, clause, clause_stop))
        if self.notices[clause, clause_stop]:
            return False  # 会议通知于8月16日以电子邮件方式发出: the day the notice went out
        c = bisect_left(self.cite_starts, clause)
        return not (c < len(self.cite_starts) and self.cite_ends[c] <= i)


def meeting_date(text: str, a: int, b: int, timexes, rules: DateRules = DateRules()):
    """(when, date, clock) of the meeting in text[a:b]: the timex that gives its
    day (or its month: 2023年3月召开, day unknown, date 2023-03-XX), and a clock
    time of that day found apart from it when the day's own expression has none."""
    candidates = [t for t in timexes if a <= t.start < b
                  and not NOT_THIS_MEETING.search(text[max(a, t.start - rules.lookback_chars):t.start])]
    dated = [t for t in candidates if t.has_day]
    # the day of the meeting is told in the sentence that holds it
    sentences = _Sentences(text, a, b)
    when = next((t for t in dated if sentences.holds_meeting(t.start)), dated[0] if dated else None)
    date = when.date if when else None
    if when is None:
        # a month in the meeting's first paragraph
        first_paragraph = text.find("\n", a, b) if text.find("\n", a, b) >= 0 else b
        when = next((t for t in candidates if t.start < first_paragraph and MONTH_VALUE.match(t.value)), None)
        date = f"{when.value[:7]}-XX" if when else None
    clock = None
    if when is not None and not when.time_of_day:
        # 6月2日，上午9时，…: a clock time right after the date,
        # or in the form's time field under its date field (日期: …\n时间: 下午2时30分)
        gap = rules.form_time_gap()
        clock = next((t for t in candidates if t.value.startswith("XXXX-XX-XXT") and when.end <= t.start
                      and (t.start <= when.end + rules.clock_gap_chars or gap.fullmatch(text, when.end, t.start))),
                     None)
    return when, date, clock


def sequel_date(text: str, a: int, b: int, when, previous_date: str | None) -> str | None:
    """The day of a meeting whose record opens on the time of the meeting before
    (同日, 当天下午, 会后, 股东大会结束后; 次日: the day after): that meeting's day,
    when its own day is none or the opening word itself (当天 is the day of that
    meeting, not of the page). None for any other record."""
    opening = SEQUEL.match(text, a, b)
    if not opening or not previous_date or (when is not None and when.start >= opening.end()):
        return None
    if not opening.group().startswith("次日"):
        return previous_date
    try:
        return (date.fromisoformat(previous_date) + timedelta(days=1)).isoformat()
    except ValueError:
        return None  # XXXX-05-12: no calendar to step on


def pick_venue(text: str, venues: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first venue named, or a fuller form of it named later: a headline's
    在昆明召开 gives way to the body's 在昆明某会堂四楼二号会议厅召开."""
    if not venues:
        return None
    first = text[venues[0][0]:venues[0][1]]
    fuller = [(s, e) for s, e in venues[1:] if text[s:e].startswith(first) and e - s > len(first)]
    return max(fuller, key=lambda v: v[1] - v[0]) if fuller else venues[0]


def listed_days_end(text: str, when, timexes) -> str | None:
    """4月27日、28日召开: the last of the days listed right after the meeting's
    day, one list comma between each, is its last day (None without such a list)."""
    if when is None or not when.has_day or when.date_end is not None or not when.date:
        return None
    last, end = when, None
    for t in sorted((t for t in timexes if t.start > when.start), key=lambda t: t.start):
        if t.start != last.end + 1 or text[last.end] != "、" or not (t.has_day and t.date) \
                or t.date[:7] != when.date[:7] or t.date <= (end or when.date):
            break
        last, end = t, t.date
    return end

