"""spaCy component: people, their titles, and surname+title aliases."""
from __future__ import annotations

from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.people import PeopleRules, find_people, merge_persons
from .extensions import set_spans, text_of, word_starts


@Language.factory("meeting_people", default_config={"spans_key": "people", **asdict(PeopleRules())})
def make_people(nlp: Language, name: str, spans_key: str, title_lookback_chars: int, chain_org_max_chars: int,
                chain_title_lookback_chars: int, colon_list_reach_chars: int, listing_verb_gap_chars: int,
                post_in_clause_chars: int, posts_before_verb_chars: int, post_after_verb_chars: int,
                common_word_freq: int, vouched_list_min_items: int):
    return PeopleRecognizer(spans_key, PeopleRules(
        title_lookback_chars, chain_org_max_chars, chain_title_lookback_chars, colon_list_reach_chars,
        listing_verb_gap_chars, post_in_clause_chars, posts_before_verb_chars, post_after_verb_chars,
        common_word_freq, vouched_list_min_items))


class PeopleRecognizer:
    def __init__(self, spans_key: str, rules: PeopleRules = PeopleRules()):
        self.spans_key, self.rules = spans_key, rules

    def __call__(self, doc: Doc) -> Doc:
        source = doc._.source_text or text_of(doc)
        mentions = find_people(text_of(doc), doc._.body_start or 0, lambda: word_starts(doc), self.rules)
        # mentions carry their person, titles and kind on the Doc (span
        # attributes would be shared by every span over the same characters)
        set_spans(doc, self.spans_key, ((m.start, m.end) for m in mentions), "PERSON")
        doc._.mentions = mentions
        doc._.persons = merge_persons(mentions, source)
        return doc
