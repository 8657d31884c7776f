"""spaCy component: enumerated items with nesting, text and speaker."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.items import find_items
from .extensions import set_spans, text_of


@Language.factory("meeting_items", default_config={"spans_key": "items", "heading_chars": 30, "narrative_reach": 40})
def make_items(nlp: Language, name: str, spans_key: str, heading_chars: int, narrative_reach: int):
    return ItemRecognizer(spans_key, heading_chars, narrative_reach)


class ItemRecognizer:
    def __init__(self, spans_key: str, heading_chars: int = 30, narrative_reach: int = 40):
        self.spans_key = spans_key
        self.heading_chars, self.narrative_reach = heading_chars, narrative_reach

    def __call__(self, doc: Doc) -> Doc:
        meetings = [(m.start_char, m.end_char) for m in doc.spans.get("meetings", [])]
        chairs = {}  # the first chair of each meeting, who speaks under a heading 主席致词
        for r in doc._.roles or []:
            if r.role == "chair" and r.meeting is not None:
                chairs.setdefault(r.meeting, (r.start, r.end, r.person))
        found = find_items(text_of(doc), meetings, doc._.mentions or [], self.heading_chars, self.narrative_reach,
                           chairs)
        doc._.items = found
        set_spans(doc, self.spans_key, ((i.start, i.end) for _, i in found), "ITEM")
        return doc
