"""spaCy component: temporal expressions with TIMEX3-style values."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.timex import find_timexes
from .extensions import make_span, text_of


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
        spans = []
        if segments:
            body = text_of(doc)[: segments[-1][1]]
            for t in find_timexes(body, published_date(doc), segments):
                if t.start < segments[0][0]:
                    continue
                span = make_span(doc, t.start, t.end, "TIMEX")
                if span is None:
                    continue
                span._.value, span._.date, span._.date_end = t.value, t.date, t.date_end
                span._.time_of_day, span._.has_day = t.time_of_day, t.has_day
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
