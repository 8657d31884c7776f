"""spaCy component: venues and the organizations that hold the meetings."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.venues import find_organizers, find_venues
from .extensions import make_span, text_of


class _Offsets:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


@Language.factory("meeting_venues", default_config={"venues_key": "venues", "orgs_key": "organizations"})
def make_venues(nlp: Language, name: str, venues_key: str, orgs_key: str):
    return VenueRecognizer(venues_key, orgs_key)


class VenueRecognizer:
    def __init__(self, venues_key: str, orgs_key: str):
        self.venues_key, self.orgs_key = venues_key, orgs_key

    def __call__(self, doc: Doc) -> Doc:
        venues, orgs = [], []
        people = [_Offsets(*s._.offsets) for s in doc.spans.get("people", [])]
        for k, meeting in enumerate(doc.spans.get("meetings", [])):
            a0, b0 = meeting.start_char, meeting.end_char
            for label, found, out in (("VENUE", find_venues(text_of(doc), a0, b0), venues),
                                      ("ORG", find_organizers(text_of(doc), a0, b0, people), orgs)):
                for a, b in found:
                    span = make_span(doc, a, b, label)
                    if span is not None:
                        span._.meeting = k
                        out.append(span)
        doc.spans[self.venues_key] = venues
        doc.spans[self.orgs_key] = orgs
        return doc
