"""spaCy component: what each named person does in the meeting."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.roles import assign_roles
from .extensions import make_span, meeting_index


class _MentionView:
    def __init__(self, span):
        self.start, self.end = span._.offsets


@Language.factory("meeting_roles", default_config={"spans_key": "roles", "people_key": "people"})
def make_roles(nlp: Language, name: str, spans_key: str, people_key: str):
    return RoleTagger(spans_key, people_key)


class RoleTagger:
    def __init__(self, spans_key: str, people_key: str):
        self.spans_key, self.people_key = spans_key, people_key

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc.spans.get(self.people_key, []))
        spans = []
        for k, role, cue_start, cue_end in assign_roles(doc.text, [_MentionView(m) for m in mentions]):
            m = mentions[k]
            a, b = m._.offsets
            span = make_span(doc, a, b, role.upper())
            if span is None:
                continue
            span._.person, span._.role, span._.cue = m._.person, role, (cue_start, cue_end)
            span._.meeting = meeting_index(doc, a)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
