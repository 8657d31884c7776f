"""spaCy component: what each named person does in the meeting."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.roles import assign_roles
from .extensions import meeting_index, set_spans, text_of


@dataclass(frozen=True)
class RoleRecord:
    person: str
    role: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    meeting: int | None


@Language.factory("meeting_roles", default_config={"spans_key": "roles"})
def make_roles(nlp: Language, name: str, spans_key: str):
    return RoleTagger(spans_key)


class RoleTagger:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        records = [RoleRecord(mentions[k].key, role, mentions[k].start, mentions[k].end, cue_start, cue_end,
                              meeting_index(doc, mentions[k].start))
                   for k, role, cue_start, cue_end in assign_roles(text_of(doc), mentions)]
        doc._.roles = records
        set_spans(doc, self.spans_key, ((r.start, r.end) for r in records), [r.role for r in records])
        return doc
