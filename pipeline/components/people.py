"""spaCy component: people, their titles, and surname+title aliases."""
from __future__ import annotations

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.people import find_people
from .extensions import spans_of, text_of


@Language.factory("meeting_people", default_config={"spans_key": "people"})
def make_people(nlp: Language, name: str, spans_key: str):
    return PeopleRecognizer(spans_key)


class PeopleRecognizer:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        source = doc._.source_text or text_of(doc)
        mentions = find_people(text_of(doc), doc._.body_start or 0,
                               lambda: set(doc.to_array(IDX).tolist()) if len(doc) else set())
        persons: dict[str, dict] = {}
        # full names first, so an alias resolves to the name as the page wrote it
        for m in sorted(mentions, key=lambda m: (m.alias and not m.canonical, m.start)):
            key = m.key
            entry = persons.setdefault(key, {"name": None, "titles": [], "mentions": 0, "first": m.start})
            if entry["name"] is None and not (m.canonical and m.alias):
                entry["name"] = source[m.start:m.end]
            entry["first"] = min(entry["first"], m.start)
            entry["mentions"] += 1
            for a, b in m.titles:
                title = source[a:b]
                if title not in entry["titles"]:
                    entry["titles"].append(title)
        for key, entry in persons.items():
            entry["name"] = entry["name"] or key
            # 高院长 adds 院长 to a 副院长: keep the fuller form only
            titles = entry["titles"]
            entry["titles"] = [t for t in titles if not any(o != t and o.endswith(t) for o in titles)]
        # mentions carry their person, titles and kind on the Doc (span
        # attributes would be shared by every span over the same characters)
        doc.spans[self.spans_key] = spans_of(doc, ((m.start, m.end) for m in mentions), "PERSON")
        doc._.mentions = mentions
        doc._.persons = dict(sorted(persons.items(), key=lambda kv: kv[1]["first"]))
        return doc
