"""spaCy component: what each named person does in the meeting."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.roles import assign_roles
from .extensions import make_span, meeting_index, text_of


@dataclass(frozen=True)
class RoleRecord:
    person: str
    role: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    meeting: int | None


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
        spans, records = [], []
        for k, role, cue_start, cue_end in assign_roles(text_of(doc), [_MentionView(m) for m in mentions]):
            m = mentions[k]
            a, b = m._.offsets
            span = make_span(doc, a, b, role)
            if span is None:
                continue
            spans.append(span)
            # span attributes are keyed by offsets in spaCy, and one mention
            # can play several roles: the records live on the Doc
            records.append(RoleRecord(m._.person, role, a, b, cue_start, cue_end, meeting_index(doc, a)))
        doc.spans[self.spans_key] = spans
        doc._.roles = records
        return doc
