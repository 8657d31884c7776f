"""spaCy component: the meetings of a page as `doc.spans["meetings"]`, which
the later components read, and the sentences as `doc.sents`; the rules are
in normalize.splitting."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.splitting import SplitRules, meeting_ranges, sentence_spans
from .extensions import set_spans, text_of


@Language.factory("meeting_splitter", default_config={
    "meetings_key": "meetings", "form_field_lines": SplitRules.form_field_lines,
    "max_heading_chars": SplitRules.max_heading_chars})
def make_meeting_splitter(nlp: Language, name: str, meetings_key: str, form_field_lines: int, max_heading_chars: int):
    return MeetingSplitter(meetings_key, SplitRules(form_field_lines, max_heading_chars))


class MeetingSplitter:
    def __init__(self, meetings_key: str, rules: SplitRules = SplitRules()):
        self.meetings_key, self.rules = meetings_key, rules

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        report = text[:doc._.body_end] if doc._.body_end else text  # not the sign-off after it
        set_spans(doc, self.meetings_key, meeting_ranges(report, doc._.body_start or 0, self.rules), "MEETING")
        doc.user_hooks["sents"] = sentences  # doc.sents, found only when someone asks
        return doc


def sentences(doc: Doc):
    """The Doc's sentences (sentence_spans) as spans widened to token edges:
    spaCy's `sents` user hook, so no rule pays for them on every page."""
    text = text_of(doc)
    for a, b in sentence_spans(text, 0, len(text)):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            yield span
