"""spaCy component: venues and the organizations that hold the meetings."""
from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.venues import VenueRules, find_organizers, find_venues
from .extensions import set_spans, text_of


@Language.factory("meeting_venues", default_config={
    "venues_key": "venues", "orgs_key": "organizations", **asdict(VenueRules())})
def make_venues(nlp: Language, name: str, venues_key: str, orgs_key: str, loose_venue_max_chars: int,
                subject_lookback_chars: int, organizer_max_chars: int, form_venue_max_chars: int,
                held_venue_max_chars: int, venue_lead_chars: int, manner_gap_chars: int,
                gathered_venue_lead_chars: int):
    return VenueRecognizer(venues_key, orgs_key, VenueRules(
        loose_venue_max_chars, subject_lookback_chars, organizer_max_chars, form_venue_max_chars,
        held_venue_max_chars, venue_lead_chars, manner_gap_chars, gathered_venue_lead_chars))


class VenueRecognizer:
    def __init__(self, venues_key: str, orgs_key: str, rules: VenueRules = VenueRules()):
        self.venues_key, self.orgs_key, self.rules = venues_key, orgs_key, rules

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        people = doc._.mentions or []
        venues, orgs = [], []
        for k, meeting in enumerate(doc.spans.get("meetings", [])):
            a0, b0 = meeting.start_char, meeting.end_char
            venues += [(a, b, k) for a, b in find_venues(text, a0, b0, self.rules)]
            orgs += [(a, b, k) for a, b in find_organizers(text, a0, b0, people, self.rules)]
        doc._.venues, doc._.organizations = venues, orgs
        set_spans(doc, self.venues_key, ((a, b) for a, b, _ in venues), "VENUE")
        set_spans(doc, self.orgs_key, ((a, b) for a, b, _ in orgs), "ORG")
        return doc
