"""spaCy component: each meeting's own name, kind, term and session, the
source of its year, its organizer resolved within the page, the decisions
it took and the people taking part in it."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.participants import participant_role
from ..normalize.script import to_simplified
from ..normalize.structure import (StructureRules, clean_organizer, find_decisions, meeting_kind, meeting_name,
                                   name_from_headline, records_name_from_headline, resolve_organizer, term_and_session,
                                   year_source)
from .extensions import set_spans, text_of
from .timex import headline_year


@Language.factory("meeting_structure", default_config={
    "decisions_key": "decisions", "orgs_key": "organizations",
    "minutes_heading_max_chars": StructureRules.minutes_heading_max_chars,
    "document_gap_chars": StructureRules.document_gap_chars,
    "result_lookback_chars": StructureRules.result_lookback_chars,
    "conveyed_lookback_chars": StructureRules.conveyed_lookback_chars})
def make_structure(nlp: Language, name: str, decisions_key: str, orgs_key: str, minutes_heading_max_chars: int,
                   document_gap_chars: int, result_lookback_chars: int, conveyed_lookback_chars: int):
    return MeetingStructure(decisions_key, orgs_key, StructureRules(minutes_heading_max_chars, document_gap_chars,
                                                                    result_lookback_chars, conveyed_lookback_chars))


class MeetingStructure:
    """Also cleans the organizers that meeting_venues found (the subjects of
    召开): only here are the meeting's name and dates known, which a subject
    must not run into, so doc._.organizations and its span group become the
    cleaned bodies, and a subject that is no body goes."""

    def __init__(self, decisions_key: str, orgs_key: str = "organizations", rules: StructureRules = StructureRules()):
        self.decisions_key, self.orgs_key, self.rules = decisions_key, orgs_key, rules

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        names, decisions = [], []
        meetings = list(doc.spans.get("meetings", []))
        for k, span in enumerate(meetings):
            a, b = span.start_char, span.end_char
            found = meeting_name(text, a, b, self.rules)
            headline = name_from_headline(to_simplified(doc._.title)) if len(meetings) == 1 and doc._.title else None
            if found is None and headline is None and len(meetings) > 1:
                headline = records_name_from_headline(to_simplified(doc._.title)) if doc._.title else None
            if headline and (found is None or len(headline) > found[1] - found[0] and headline.endswith(text[found[0]:found[1]])):
                # a page that names its meeting only in the headline, or more completely there
                # (区政府召开第2次区长办公会议 over the body's 区长办公会议)
                names.append((None, None, _as_written(doc._.title, headline)))
            else:
                names.append((*found, None) if found else (None, None, None))
            decisions += [(k, d) for d in find_decisions(text, a, b, self.rules)]
        doc._.meeting_names = names
        doc._.decisions = decisions
        first = self.clean_organizations(doc, names)
        doc._.meeting_details = [self.details(doc, k, names[k], first.get(k)) for k in range(len(meetings))]
        doc._.participants = self.participants(doc)
        set_spans(doc, self.decisions_key, ((d.start, d.end) for _, d in decisions), "DECISION")
        return doc

    def participants(self, doc: Doc) -> list:
        """(role record, role taken part in) of everyone taking part in a meeting of the page."""
        text, persons = text_of(doc), doc._.persons or {}
        mentions = {(m.start, m.end): m for m in doc._.mentions or []}
        out = []
        for r in doc._.roles or []:
            if r.meeting is None:
                continue
            role = participant_role(text, r.role, mentions.get((r.start, r.end)),
                                    persons.get(r.person, {}).get("titles", []), r.cue_start, r.cue_end, self.rules)
            if role is not None:
                out.append((r, role))
        return out

    def clean_organizations(self, doc: Doc, names) -> dict:
        """doc._.organizations without the time, adverbs, venue and meeting name
        around each body (clean_organizer); meeting index -> its first subject,
        cleaned, or None when that subject is no body."""
        text = text_of(doc)
        meetings = doc._.meetings or []
        cleaned, first = [], {}
        for a, b, k in doc._.organizations or []:
            meeting = meetings[k] if k < len(meetings) else {}
            name_start, name_end = names[k][:2] if k < len(names) else (None, None)
            cuts = [(t.start, t.end) for t in doc._.timexes or [] if meeting.get("start", 0) <= t.start < meeting.get("end", 0)]
            cuts += [(name_start, name_end)] if name_start is not None else []
            cuts += [(x, y) for x, y, m in doc._.venues or [] if m == k]  # 我公司二楼会议室
            span = clean_organizer(text, a, b, cuts)
            first.setdefault(k, span)
            if span is not None:
                cleaned.append((*span, k))
        doc._.organizations = cleaned
        set_spans(doc, self.orgs_key, ((a, b) for a, b, _ in cleaned), "ORG")
        return first

    def details(self, doc: Doc, k: int, name, organizer) -> dict:
        """kind, term, session, year_source and the organizer of meeting k."""
        text = text_of(doc)
        meeting = (doc._.meetings or [{}] * (k + 1))[k]
        name_start, name_end, headline_name = name
        simple_name = text[name_start:name_end] if name_start is not None else to_simplified(headline_name or "")
        simple_title = to_simplified(doc._.title or "")
        term, session = term_and_session(simple_name)
        timexes = [t for t in doc._.timexes or [] if meeting.get("start", 0) <= t.start < meeting.get("end", 0)]
        date_offsets = meeting.get("date_offsets")
        roc = bool(doc._.source_text) and doc._.source_text != text
        source = year_source(meeting.get("date"), text[date_offsets[0]:date_offsets[1]] if date_offsets else None,
                             [text[t.start:t.end] for t in timexes if date_offsets and t.start < date_offsets[0]],
                             headline_year(doc, roc), doc._.published)
        return {"kind": meeting_kind(simple_name or None, simple_title or None), "term": term, "session": session,
                "year_source": source, "organizer": self.organizer(doc, meeting, organizer)}

    @staticmethod
    def organizer(doc: Doc, meeting: dict, cleaned) -> str | None:
        """The body that held the meeting (its first subject, cleaned), as the
        page writes it: 我院 replaced by the body the page names."""
        if cleaned is None:
            return None
        text, src = text_of(doc), doc._.source_text or text_of(doc)
        written = text[cleaned[0]:cleaned[1]]
        # where a page names itself: its headline, the lines above the report, the meeting before this mention
        body_start = doc._.body_start or 0
        places = [(to_simplified(doc._.title or ""), doc._.title or ""), (text[:body_start], src[:body_start]),
                  (text[meeting["start"]:cleaned[0]], src[meeting["start"]:cleaned[0]])]
        resolved = resolve_organizer(written, [simple for simple, _ in places])
        if resolved == written:
            return src[cleaned[0]:cleaned[1]]
        for simple, original in places:
            i = simple.find(resolved)
            if i >= 0:
                return original[i:i + len(resolved)]
        return resolved


def _as_written(title: str, simplified_name: str | None) -> str | None:
    """The headline's name in the headline's own script (one character for one)."""
    if not simplified_name:
        return None
    k = to_simplified(title).find(simplified_name)
    return title[k:k + len(simplified_name)] if k >= 0 else simplified_name
