"""spaCy component: temporal expressions with TIMEX3-style values."""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.placeholders import is_template
from ..normalize.script import to_simplified
from ..normalize.timex import find_timexes
from .extensions import set_spans, text_of


def published_date(doc: Doc) -> dt.date | None:
    value = doc._.published
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


PERIOD_YEAR = re.compile(r"年度|学年")


def headline_year(doc: Doc, roc: bool) -> int | None:
    """区公所召开102年度…会议: the year a headline states anchors the dates of the report."""
    if not doc._.title:
        return None
    found = [t for t in find_timexes(to_simplified(doc._.title), None, None, roc) if t.year]
    if not found:
        return None
    if PERIOD_YEAR.search(found[0].text) and published_date(doc) is not None:
        return None  # 召开2024年度成员大会, posted 2025-01-08: the year reviewed, not the year it met
    return found[0].year


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
            # a page written in Traditional script counts years as the Republic of China does
            roc = bool(doc._.source_text) and doc._.source_text != text_of(doc)
            # a template's dates are blanks: the day it was posted is no year of theirs
            anchor = None if is_template(text_of(doc)) else published_date(doc)
            found = [t for t in find_timexes(body, anchor, segments, roc, headline_year(doc, roc))
                     if t.start >= segments[0][0]]
        doc._.timexes = found
        set_spans(doc, self.spans_key, ((t.start, t.end) for t in found), "TIMEX")
        return doc
