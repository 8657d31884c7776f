"""spaCy component: one record per meeting (date, time, venue, chair)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import text_of

# a date right after these words is not the day of this meeting
MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")
NOT_THIS_MEETING = re.compile(r"(下次会议|下一次会议|下次例会)[^\n。]{0,6}$|《[^》]*$")


@Language.factory("meeting_assembler")
def make_assembler(nlp: Language, name: str):
    return MeetingAssembler()


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
            when = next((t for t in candidates if t.has_day), None)
            date = when.date if when else None
            if when is None:
                # 2023年3月召开: a month in the meeting's first paragraph, day unknown
                first_paragraph = text.find("\n", a, b) if text.find("\n", a, b) >= 0 else b
                when = next((t for t in candidates if t.start < first_paragraph and MONTH_VALUE.match(t.value)), None)
                date = f"{when.value[:7]}-XX" if when else None
            venue = next(((s, e) for s, e, m in doc._.venues or [] if m == k), None)
            org = next(((s, e) for s, e, m in doc._.organizations or [] if m == k), None)
            chair = next((r for r in doc._.roles or [] if r.meeting == k and r.role == "chair"), None)
            meetings.append({
                "seq": k + 1, "start": a, "end": b,
                "date": date,
                "date_end": when.date_end if when else None,
                "time_of_day": as_written(doc, when.start, when.end, when.time_of_day) if when else None,
                "date_offsets": (when.start, when.end) if when else None,
                "venue_offsets": venue,
                "organizer_offsets": org,
                "chair": persons.get(chair.person, {}).get("name", chair.person) if chair else None,
                "chair_offsets": (chair.start, chair.end) if chair else None,
            })
        doc._.meetings = meetings
        return doc
