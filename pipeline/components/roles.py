"""spaCy component: what each named person does in the meeting."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.roles import RoleRules, assign_roles
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


@Language.factory("meeting_roles", default_config={
    "spans_key": "roles", "label_window_chars": RoleRules.label_window_chars,
    "object_lookback_chars": RoleRules.object_lookback_chars, "list_line_max_chars": RoleRules.list_line_max_chars,
    "list_lines_up": RoleRules.list_lines_up, "list_gap_chars": RoleRules.list_gap_chars,
    "list_piece_max_chars": RoleRules.list_piece_max_chars, "verb_lead_chars": RoleRules.verb_lead_chars,
    "group_clauses_max": RoleRules.group_clauses_max, "elected_reach_chars": RoleRules.elected_reach_chars,
    "manner_clause_max_chars": RoleRules.manner_clause_max_chars})
def make_roles(nlp: Language, name: str, spans_key: str, label_window_chars: int, object_lookback_chars: int,
               list_line_max_chars: int, list_lines_up: int, list_gap_chars: int, list_piece_max_chars: int,
               verb_lead_chars: int, group_clauses_max: int, elected_reach_chars: int, manner_clause_max_chars: int):
    return RoleTagger(spans_key, RoleRules(label_window_chars, object_lookback_chars, list_line_max_chars,
                                           list_lines_up, list_gap_chars, list_piece_max_chars, verb_lead_chars,
                                           group_clauses_max, elected_reach_chars, manner_clause_max_chars))


class RoleTagger:
    def __init__(self, spans_key: str, rules: RoleRules = RoleRules()):
        self.spans_key, self.rules = spans_key, rules

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        records = [RoleRecord(mentions[k].key, role, mentions[k].start, mentions[k].end, cue_start, cue_end,
                              meeting_index(doc, mentions[k].start))
                   for k, role, cue_start, cue_end in assign_roles(text_of(doc), mentions, self.rules)]
        doc._.roles = records
        set_spans(doc, self.spans_key, ((r.start, r.end) for r in records), [r.role for r in records])
        return doc
