"""Custom attributes on the Doc that the components fill.

spaCy keys span attributes by character offsets, so every span over the same
characters would share them (a mention that is both chair and speaker, a
timex and a venue on the same words). Each component therefore writes its
span group for spaCy-native access, and its full records (values, speakers,
offsets as found) as a list on the Doc.
"""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "doc_id": None, "source_text": None, "body_start": 0, "published": None, "title": None,
    "timexes": None,       # [normalize.timex.Timex]
    "mentions": None,      # [normalize.people.Mention]
    "persons": None,       # person key -> {name, titles, mentions, first}
    "venues": None,        # [(start, end, meeting index)]
    "organizations": None,  # [(start, end, meeting index)]
    "roles": None,         # [components.roles.RoleRecord]
    "items": None,         # [(meeting index, normalize.items.Item)]
    "meetings": None,      # [dict] one per meeting, see components.meetings
    "meeting_names": None,  # [(start, end, headline name)] one per meeting, see components.structure
    "meeting_details": None,  # [dict] kind, term, session, year_source, organizer: one per meeting
    "decisions": None,     # [(meeting index, normalize.structure.Decision)]
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def make_span(doc: Doc, start: int, end: int, label: str = ""):
    """A span over [start, end), widened to token edges."""
    return doc.char_span(start, max(end, start + 1), label=label, alignment_mode="expand")


def spans_of(doc: Doc, ranges, label: str) -> list:
    return [s for s in (make_span(doc, a, b, label) for a, b in ranges) if s is not None]


def meeting_index(doc: Doc, start: int) -> int | None:
    for k, m in enumerate(doc.spans.get("meetings", [])):
        if m.start_char <= start < m.end_char:
            return k
    return None


def text_of(doc: Doc) -> str:
    """doc.text, computed once: spaCy joins the tokens on every access."""
    text = doc.user_data.get("meeting_text")
    if text is None:
        text = doc.user_data["meeting_text"] = doc.text
    return text
