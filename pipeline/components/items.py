"""spaCy component: enumerated items with nesting, text and speaker."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.items import ItemRules, find_items
from .extensions import set_spans, text_of


@Language.factory("meeting_items", default_config={
    "spans_key": "items", "heading_chars": ItemRules.heading_chars, "narrative_reach": ItemRules.narrative_reach,
    "marker_gap_chars": ItemRules.marker_gap_chars})
def make_items(nlp: Language, name: str, spans_key: str, heading_chars: int, narrative_reach: int,
               marker_gap_chars: int):
    return ItemRecognizer(spans_key, ItemRules(heading_chars, narrative_reach, marker_gap_chars))


class ItemRecognizer:
    def __init__(self, spans_key: str, rules: ItemRules = ItemRules()):
        self.spans_key, self.rules = spans_key, rules

    def __call__(self, doc: Doc) -> Doc:
        meetings = [(m.start_char, m.end_char) for m in doc.spans.get("meetings", [])]
        chairs = {}  # the first chair of each meeting, who speaks under a heading 主席致词
        for r in doc._.roles or []:
            if r.role == "chair" and r.meeting is not None:
                chairs.setdefault(r.meeting, (r.start, r.end, r.person))
        found = find_items(text_of(doc), meetings, doc._.mentions or [], self.rules, chairs)
        doc._.items = found
        set_spans(doc, self.spans_key, ((i.start, i.end) for _, i in found), "ITEM")
        return doc
