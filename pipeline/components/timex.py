"""spaCy component: temporal expressions with TIMEX3-style values."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.timex import find_timexes
from .extensions import spans_of, text_of


def published_date(doc: Doc) -> dt.date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@Language.factory("meeting_timex", default_config={"spans_key": "timex"})
def make_timex(nlp: Language, name: str, spans_key: str):
    return TimexRecognizer(spans_key)


class TimexRecognizer:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        segments = [(m.start_char, m.end_char) for m in doc.spans.get("meetings", [])]
        found = []
        if segments:
            # only the report's own text: not the headline or the dateline
            body = text_of(doc)[: segments[-1][1]]
            found = [t for t in find_timexes(body, published_date(doc), segments) if t.start >= segments[0][0]]
        doc._.timexes = found
        doc.spans[self.spans_key] = spans_of(doc, ((t.start, t.end) for t in found), "TIMEX")
        return doc
