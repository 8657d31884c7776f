"""Custom attributes on Doc and Span that the components fill."""
from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "doc_id": None, "source_text": None, "body_start": 0, "published": None, "title": None,
    "persons": None, "meetings": None, "roles": None,
}
# spaCy keys span attributes by character offsets: every span over the same
# characters shares them, so only offset-bound facts belong here.
SPAN_EXTENSIONS = {
    "offsets": None,      # exact (start, end) character offsets; spans may be token-expanded
    "value": None, "date": None, "date_end": None, "time_of_day": None, "has_day": False,
    "person": None, "titles": None, "alias": False, "mention_kind": None,
    "marker": None, "level": None, "sequence": None, "speaker": None, "speaker_offsets": None,
    "item_kind": None, "meeting": None,
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()


def make_span(doc: Doc, start: int, end: int, label: str = ""):
    """A span covering [start, end) that remembers the exact offsets."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return None
    span._.offsets = (start, end)
    return span


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
