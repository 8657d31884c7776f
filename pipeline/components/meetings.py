"""spaCy component: one record per meeting (date, time, venue, chair)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.patterns import SENTENCE_BREAK
from .extensions import text_of

# a date right after these words is not the day of this meeting
HOLDS_MEETING = re.compile(r"召开|举行|举办|主持|组织|开展|会议|座谈|学习|^(?:会议)?(?:时间|日期)\s*[:：]")
NOTICE_SENT = re.compile(r"通知[^,，。;；]{0,30}(?:发出|送达|发送|发布)|(?:发出|送达|发送)[^,，。;；]{0,6}通知")
CITES_EARLIER = re.compile(r"根据|按照|依据|贯彻|落实|印发|下发")
SENTENCE_END = SENTENCE_BREAK
CLAUSE_END = re.compile(r"[,，;；]")
FORM_TIME_GAP = re.compile(r"[^\n]{0,8}\n\s*(?:会议)?时\s*间\s*[:：]\s*")
MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")
NOT_THIS_MEETING = re.compile(r"(下次会议|下一次会议|下次例会)[^\n。]{0,6}$|《[^》]*$")


@Language.factory("meeting_assembler")
def make_assembler(nlp: Language, name: str):
    return MeetingAssembler()


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


def as_written(doc: Doc, start: int, end: int, part: str | None) -> str | None:
    """`part` of the expression at [start, end), in the page's own script."""
    if not part:
        return part
    source = doc._.source_text
    k = text_of(doc).find(part, start, end)
    return source[k:k + len(part)] if source is not None and k >= 0 else part


class MeetingAssembler:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        persons = doc._.persons or {}
        meetings = []
        for k, span in enumerate(doc.spans.get("meetings", [])):
            a, b = span.start_char, span.end_char
            candidates = [t for t in doc._.timexes or [] if a <= t.start < b
                          and not NOT_THIS_MEETING.search(text[max(a, t.start - 12):t.start])]
            dated = [t for t in candidates if t.has_day]
            # the day of the meeting is told in the sentence that holds it
            sentences = _Sentences(text, a, b)
            when = next((t for t in dated if sentences.holds_meeting(t.start)), dated[0] if dated else None)
            date = when.date if when else None
            if when is None:
                # 2023年3月召开: a month in the meeting's first paragraph, day unknown
                first_paragraph = text.find("\n", a, b) if text.find("\n", a, b) >= 0 else b
                when = next((t for t in candidates if t.start < first_paragraph and MONTH_VALUE.match(t.value)), None)
                date = f"{when.value[:7]}-XX" if when else None
            time_of_day = as_written(doc, when.start, when.end, when.time_of_day) if when else None
            if when is not None and not time_of_day:
                # 6月2日，上午9时，…: a clock time right after the date
                # or in the form's time field under its date field (日期: …\n时间: 下午2时30分)
                clock = next((t for t in candidates if t.value.startswith("XXXX-XX-XXT") and when.end <= t.start
                              and (t.start <= when.end + 2 or FORM_TIME_GAP.fullmatch(text, when.end, t.start))),
                             None)
                time_of_day = as_written(doc, clock.start, clock.end, clock.time_of_day) if clock else None
            venue = _pick_venue(text, [(s, e) for s, e, m in doc._.venues or [] if m == k])
            org = next(((s, e) for s, e, m in doc._.organizations or [] if m == k), None)
            chair = next((r for r in doc._.roles or [] if r.meeting == k and r.role == "chair"), None)
            meetings.append({
                "seq": k + 1, "start": a, "end": b,
                "date": date,
                "date_end": when.date_end if when else None,
                "time_of_day": time_of_day,
                "date_offsets": (when.start, when.end) if when else None,
                "venue_offsets": venue,
                "organizer_offsets": org,
                "chair": persons.get(chair.person, {}).get("name", chair.person) if chair else None,
                "chair_offsets": (chair.start, chair.end) if chair else None,
            })
        doc._.meetings = meetings
        return doc


def _pick_venue(text: str, venues: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first venue named, or a fuller form of it named later: a headline's
    在昆明召开 gives way to the body's 在昆明某会堂四楼二号会议厅召开."""
    if not venues:
        return None
    first = text[venues[0][0]:venues[0][1]]
    fuller = [(s, e) for s, e in venues[1:] if text[s:e].startswith(first) and e - s > len(first)]
    return max(fuller, key=lambda v: v[1] - v[0]) if fuller else venues[0]
