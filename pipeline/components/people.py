"""spaCy component: people, their titles, and surname+title aliases."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.people import find_people, merge_persons
from .extensions import set_spans, text_of, word_starts


@Language.factory("meeting_people", default_config={"spans_key": "people"})
def make_people(nlp: Language, name: str, spans_key: str):
    return PeopleRecognizer(spans_key)


class PeopleRecognizer:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        source = doc._.source_text or text_of(doc)
        mentions = find_people(text_of(doc), doc._.body_start or 0, lambda: word_starts(doc))
        # mentions carry their person, titles and kind on the Doc (span
        # attributes would be shared by every span over the same characters)
        set_spans(doc, self.spans_key, ((m.start, m.end) for m in mentions), "PERSON")
        doc._.mentions = mentions
        doc._.persons = merge_persons(mentions, source)
        return doc
