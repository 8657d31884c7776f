"""spaCy component: one record per meeting (date, time, venue, chair); the
choice among what the other components found is in normalize.meetings."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.meetings import DateRules, listed_days_end, meeting_date, pick_venue, sequel_date
from .extensions import text_of


@Language.factory("meeting_assembler", default_config={
    "lookback_chars": DateRules.lookback_chars, "clock_gap_chars": DateRules.clock_gap_chars,
    "form_gap_chars": DateRules.form_gap_chars})
def make_assembler(nlp: Language, name: str, lookback_chars: int, clock_gap_chars: int, form_gap_chars: int):
    return MeetingAssembler(DateRules(lookback_chars, clock_gap_chars, form_gap_chars))


def as_written(doc: Doc, start: int, end: int, part: str | None) -> str | None:
    """`part` of the expression at [start, end), in the page's own script."""
    if not part:
        return part
    source = doc._.source_text
    k = text_of(doc).find(part, start, end)
    return source[k:k + len(part)] if source is not None and k >= 0 else part


class MeetingAssembler:
    def __init__(self, rules: DateRules = DateRules()):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        persons = doc._.persons or {}
        meetings = []
        for k, span in enumerate(doc.spans.get("meetings", [])):
            a, b = span.start_char, span.end_char
            when, date, clock = meeting_date(text, a, b, doc._.timexes or [], self.rules)
            date = (sequel_date(text, a, b, when, meetings[-1]["date"]) if meetings else None) or date
            time_of_day = as_written(doc, when.start, when.end, when.time_of_day) if when else None
            if clock is not None:
                time_of_day = as_written(doc, clock.start, clock.end, clock.time_of_day)
            venue = pick_venue(text, [(s, e) for s, e, m in doc._.venues or [] if m == k])
            org = next(((s, e) for s, e, m in doc._.organizations or [] if m == k), None)
            chair = next((r for r in doc._.roles or [] if r.meeting == k and r.role == "chair"), None)
            meetings.append({
                "seq": k + 1, "start": a, "end": b,
                "date": date,
                "date_end": (when.date_end or listed_days_end(text, when, doc._.timexes or [])) if when else None,
                "time_of_day": time_of_day,
                "date_offsets": (when.start, when.end) if when else None,
                "venue_offsets": venue,
                "organizer_offsets": org,
                "chair": persons.get(chair.person, {}).get("name", chair.person) if chair else None,
                "chair_offsets": (chair.start, chair.end) if chair else None,
            })
        doc._.meetings = meetings
        return doc
