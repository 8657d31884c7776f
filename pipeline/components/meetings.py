"""spaCy component: one record per meeting (date, time, venue, chair)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import text_of

NOT_THIS_MEETING = re.compile(r"(下次会议|下一次会议|下次例会)[^\n。]{0,6}$|《[^》]*$")


@Language.factory("meeting_assembler")
def make_assembler(nlp: Language, name: str):
    return MeetingAssembler()


class MeetingAssembler:
    def __call__(self, doc: Doc) -> Doc:
        persons = doc._.persons or {}
        meetings = []
        for k, span in enumerate(doc.spans.get("meetings", [])):
            a, b = span.start_char, span.end_char
            inside = [t for t in doc.spans.get("timex", []) if a <= t._.offsets[0] < b]
            dated = [t for t in inside if t._.has_day
                     and not NOT_THIS_MEETING.search(text_of(doc)[max(a, t._.offsets[0] - 12):t._.offsets[0]])]
            when = dated[0] if dated else None
            venue = next((v for v in doc.spans.get("venues", []) if v._.meeting == k), None)
            org = next((o for o in doc.spans.get("organizations", []) if o._.meeting == k), None)
            chair = next((r for r in doc._.roles or [] if r.meeting == k and r.role == "chair"), None)
            meetings.append({
                "seq": k + 1, "start": a, "end": b,
                "date": when._.date if when else None,
                "date_end": when._.date_end if when else None,
                "time_of_day": when._.time_of_day if when else None,
                "date_offsets": when._.offsets if when else None,
                "venue_offsets": venue._.offsets if venue else None,
                "organizer_offsets": org._.offsets if org else None,
                "chair": persons.get(chair.person, {}).get("name", chair.person) if chair else None,
                "chair_offsets": (chair.start, chair.end) if chair else None,
            })
        doc._.meetings = meetings
        return doc
