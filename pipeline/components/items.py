"""spaCy component: enumerated items with nesting, text and speaker."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.items import find_items
from .extensions import make_span, text_of


class _MentionView:
    def __init__(self, span):
        self.start, self.end = span._.offsets
        self.key = span._.person


@Language.factory("meeting_items", default_config={"spans_key": "items", "people_key": "people"})
def make_items(nlp: Language, name: str, spans_key: str, people_key: str):
    return ItemRecognizer(spans_key, people_key)


class ItemRecognizer:
    def __init__(self, spans_key: str, people_key: str):
        self.spans_key, self.people_key = spans_key, people_key

    def __call__(self, doc: Doc) -> Doc:
        meetings = [(m.start_char, m.end_char) for m in doc.spans.get("meetings", [])]
        mentions = [_MentionView(s) for s in doc.spans.get(self.people_key, [])]
        spans = []
        for k, item in find_items(text_of(doc), meetings, mentions):
            span = make_span(doc, item.start, max(item.end, item.start + 1), "ITEM")
            if span is None:
                continue
            span._.offsets = (item.start, item.end)
            span._.marker = (item.marker_start, item.marker_end)
            span._.level, span._.sequence, span._.item_kind = item.level, item.sequence, item.kind
            span._.speaker = item.speaker
            span._.speaker_offsets = (item.speaker_start, item.speaker_end) if item.speaker else None
            span._.meeting = k
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
