"""Custom attributes on the Doc that the components fill.

spaCy keys span attributes by character offsets, so every span over the same
characters would share them (a mention that is both chair and speaker, a
timex and a venue on the same words). Each component therefore writes its
span group for spaCy-native access, and its full records (values, speakers,
offsets as found) as a list on the Doc; set_spans keeps the two over the
same characters, splitting a token where the segmenter's word crosses an edge.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "doc_id": None, "source_text": None, "body_start": 0, "body_end": None, "published": None, "title": None,
    "timexes": None,       # [normalize.timex.Timex]
    "mentions": None,      # [normalize.people.Mention]
    "persons": None,       # person key -> {name, titles, mentions, first}
    "venues": None,        # [(start, end, meeting index)]
    "organizations": None,  # [(start, end, meeting index)]
    "roles": None,         # [components.roles.RoleRecord]
    "items": None,         # [(meeting index, normalize.items.Item)]
    "meetings": None,      # [dict] one per meeting, see components.meetings
    "meeting_names": None,  # [(start, end, headline name)] one per meeting, see components.structure
    "meeting_details": None,  # [dict] kind, term, session, year_source, organizer: one per meeting
    "decisions": None,     # [(meeting index, normalize.structure.Decision)]
    "participants": None,  # [(components.roles.RoleRecord, role taken part in)], see normalize.participants
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def set_spans(doc: Doc, key: str, ranges, labels) -> None:
    """doc.spans[key] over exactly the characters of `ranges` (one label, or
    one per range), so that span groups and the records on doc._ agree. Where
    an edge falls inside a word of the segmenter (长马 in 省长马兴瑞主持), that
    token is split there first, and the groups already on the Doc are laid
    again on the new tokens."""
    ranges = [(a, max(b, a + 1)) for a, b in ranges]
    labels = [labels] * len(ranges) if isinstance(labels, str) else list(labels)
    split_tokens_at(doc, {x for r in ranges for x in r})
    spans = (doc.char_span(a, b, label=label, alignment_mode="expand") for (a, b), label in zip(ranges, labels))
    doc.spans[key] = [s for s in spans if s is not None]


def word_starts(doc: Doc) -> set[int]:
    """Where the segmenter's words start, before any token was split."""
    starts = doc.user_data.get("word_starts")
    if starts is None:  # no token split yet: the tokens are the words
        starts = _token_bounds(doc)[0]
    return set(starts.tolist())


def _token_bounds(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    """Where the tokens start and end (before their trailing space), found once
    until a token is split: the edges are read off arrays, not Token objects."""
    bounds = doc.user_data.get("token_bounds")
    if bounds is None:
        if len(doc):
            idx_len = doc.to_array([IDX, LENGTH]).astype(np.int64)
            bounds = (idx_len[:, 0], idx_len[:, 0] + idx_len[:, 1])
        else:
            bounds = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        doc.user_data["token_bounds"] = bounds
    return bounds


def split_tokens_at(doc: Doc, offsets) -> None:
    """Make every character offset in `offsets` a token edge."""
    starts, ends = _token_bounds(doc)
    n = len(text_of(doc))
    cuts = np.array(sorted(x for x in offsets if 0 < x < n), dtype=np.int64)
    if not len(cuts) or not len(starts):
        return
    at = np.searchsorted(starts, cuts, side="right") - 1
    crossing = (cuts != starts[at]) & (cuts < ends[at])  # not at its start, not in its trailing space
    if not crossing.any():
        return
    inside: dict[int, list[int]] = {}
    for cut, i in zip(cuts[crossing].tolist(), at[crossing].tolist()):
        inside.setdefault(i, []).append(cut - int(starts[i]))
    doc.user_data.setdefault("word_starts", starts)  # the segmenter's own words, as the rules saw them
    groups = {key: [(s.start_char, s.end_char, s.label_) for s in group] for key, group in doc.spans.items()}
    with doc.retokenize() as retokenizer:
        for i, pieces in inside.items():
            token = doc[i]
            edges = [0, *pieces, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(edges, edges[1:])]
            retokenizer.split(token, orths, heads=[(token, k) for k in range(len(orths))])
    doc.user_data.pop("token_bounds")  # the new tokens' are found when next asked for
    for key, spans in groups.items():  # their edges were token edges and still are
        doc.spans[key] = [doc.char_span(a, b, label=label, alignment_mode="expand") for a, b, label in spans]


def meeting_index(doc: Doc, start: int) -> int | None:
    for k, m in enumerate(doc.spans.get("meetings", [])):
        if m.start_char <= start < m.end_char:
            return k
    return None


def text_of(doc: Doc) -> str:
    """doc.text, computed once: spaCy joins the tokens on every access."""
    text = doc.user_data.get("meeting_text")
    if text is None:
        text = doc.user_data["meeting_text"] = doc.text
    return text
