"""spaCy component: each meeting's own name and the decisions it took."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.script import to_simplified
from ..normalize.structure import find_decisions, meeting_name, name_from_headline
from .extensions import spans_of, text_of


@Language.factory("meeting_structure", default_config={"decisions_key": "decisions"})
def make_structure(nlp: Language, name: str, decisions_key: str):
    return MeetingStructure(decisions_key)


class MeetingStructure:
    def __init__(self, decisions_key: str):
        self.decisions_key = decisions_key

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        names, decisions = [], []
        meetings = list(doc.spans.get("meetings", []))
        for k, span in enumerate(meetings):
            a, b = span.start_char, span.end_char
            found = meeting_name(text, a, b)
            if found is None and len(meetings) == 1 and doc._.title:
                # a page that names its meeting only in the headline
                headline = name_from_headline(to_simplified(doc._.title))
                names.append((None, None, _as_written(doc._.title, headline)))
            else:
                names.append((*found, None) if found else (None, None, None))
            decisions += [(k, d) for d in find_decisions(text, a, b)]
        doc._.meeting_names = names
        doc._.decisions = decisions
        doc.spans[self.decisions_key] = spans_of(doc, ((d.start, d.end) for _, d in decisions), "DECISION")
        return doc


def _as_written(title: str, simplified_name: str | None) -> str | None:
    """The headline's name in the headline's own script (one character for one)."""
    if not simplified_name:
        return None
    k = to_simplified(title).find(simplified_name)
    return title[k:k + len(simplified_name)] if k >= 0 else simplified_name
