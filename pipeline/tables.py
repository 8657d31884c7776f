"""Stage 5, tables: the schema of every output table, and the rows an
analysed page adds to each (pipeline.page runs a page through to here).

Every extracted value is cut from the page's cleaned text (stored in the
`texts` table; `start`/`end` columns are offsets into it), so names, venues
and items are reported in the page's own script. The columns are described in
pipeline/columns.json, the one source of docs/data-dictionary.md and of the
DuckDB comments.
"""
from __future__ import annotations

import hashlib

import pyarrow as pa

from .components.extensions import text_of
from .components.meetings import as_written
from .ingest import Page
from .normalize.placeholders import is_template
from .normalize.structure import known_day, url_in_text

S, I, B, D, L = pa.string(), pa.int64(), pa.bool_(), pa.date32(), pa.list_(pa.string())

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", S), ("path", S), ("status", S), ("error", S), ("title", S), ("published", S),
        ("author", S), ("url", S), ("source_format", S), ("encoding", S), ("n_chars", I),
        ("n_meetings", I), ("text_hash", S), ("is_template", B)]),
    "meetings": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("seq", I), ("name", S), ("kind", S), ("term", I), ("session", I),
        ("date", S), ("day", D), ("year_source", S), ("date_end", S), ("time_of_day", S),
        ("venue", S), ("chair", S), ("chair_person_id", S), ("organizer", S), ("start", I), ("end", I),
        ("name_start", I), ("name_end", I), ("date_start", I), ("date_stop", I), ("venue_start", I), ("venue_end", I),
        ("chair_start", I), ("chair_end", I)]),
    "people": pa.schema([
        ("doc_id", S), ("person_id", S), ("name", S), ("titles", L), ("n_mentions", I),
        ("start", I), ("end", I)]),
    "roles": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("person_id", S), ("name", S), ("role", S),
        ("start", I), ("end", I), ("cue", S)]),
    "participants": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("person_id", S), ("name", S), ("role", S), ("cue", S),
        ("start", I), ("end", I)]),
    "decisions": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("seq", I), ("verb", S), ("text", S), ("document", S),
        ("result", S), ("votes_for", I), ("votes_against", I), ("abstentions", I), ("present", I), ("expected", I),
        ("start", I), ("end", I)]),
    "dates": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("seq", I), ("text", S), ("value", S), ("date", S),
        ("date_end", S), ("time_of_day", S), ("start", I), ("end", I)]),
    "venues": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("text", S), ("start", I), ("end", I)]),
    "organizations": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("text", S), ("role", S), ("start", I), ("end", I)]),
    "directives": pa.schema([
        ("doc_id", S), ("meeting_id", S), ("seq", I), ("item_id", S), ("marker", S), ("level", I),
        ("text", S), ("speaker", S), ("speaker_person_id", S), ("kind", S), ("list_id", I), ("start", I), ("end", I),
        ("marker_start", I), ("marker_end", I), ("speaker_start", I), ("speaker_end", I)]),
    "texts": pa.schema([("doc_id", S), ("text", S)]),
}


def empty_rows() -> dict[str, list[dict]]:
    return {name: [] for name in TABLES}


def document_row(page: Page, n_meetings: int = 0, author: str | None = None) -> dict:
    return {
        "doc_id": page.doc_id, "path": page.path, "status": page.status, "error": page.error,
        "title": page.title, "published": page.published, "author": author, "url": page.url or url_in_text(page.text),
        "source_format": page.source_format, "encoding": page.encoding, "n_chars": len(page.text or ""),
        "n_meetings": n_meetings,
        "text_hash": hashlib.sha256(page.text.encode("utf-8")).hexdigest() if page.text else None,
        "is_template": is_template(page.text) if page.text else None,
    }


def doc_rows(page: Page, doc) -> dict[str, list[dict]]:
    """The rows of every table from a page and its analysed Doc."""
    rows = empty_rows()
    src = page.text
    did = page.doc_id
    meetings = doc._.meetings or []
    mid = [f"{did}:m{m['seq']}" for m in meetings]

    def meeting_of(offset: int) -> str | None:
        for k, m in enumerate(meetings):
            if m["start"] <= offset < m["end"]:
                return mid[k]
        return None

    def cut(offsets):
        return src[offsets[0]:offsets[1]] if offsets else None

    persons = doc._.persons or {}
    person_ids = {key: f"{did}:p{n}" for n, key in enumerate(persons, 1)}
    first_span = {}
    for m in doc._.mentions or []:
        first_span.setdefault(m.key, (m.start, m.end))
    for key, p in persons.items():
        a, b = first_span.get(key, (None, None))
        rows["people"].append({"doc_id": did, "person_id": person_ids[key], "name": p["name"],
                               "titles": list(p["titles"] or []), "n_mentions": p["mentions"], "start": a, "end": b})

    authors = []
    for r in doc._.roles or []:
        name = persons.get(r.person, {}).get("name", src[r.start:r.end])
        if r.role == "author":
            authors.append(name)
        rows["roles"].append({"doc_id": did, "meeting_id": meeting_of(r.start), "person_id": person_ids.get(r.person),
                              "name": name, "role": r.role, "start": r.start, "end": r.end,
                              "cue": src[r.cue_start:r.cue_end]})

    rows["participants"] = participant_rows(doc, did, mid, person_ids, persons)
    names = doc._.meeting_names or [(None, None, None)] * len(meetings)
    for k, (d_meeting, decision) in enumerate(doc._.decisions or [], 1):
        rows["decisions"].append({
            "doc_id": did, "meeting_id": mid[d_meeting], "seq": k, "verb": decision.verb or None,
            "text": src[decision.start:decision.end], "document": _as_in(src, doc, decision.document),
            "result": decision.result, **{k: decision.votes.get(k) for k in VOTE_COLUMNS},
            "start": decision.start, "end": decision.end})

    details = doc._.meeting_details or [{}] * len(meetings)
    person_of_name = {p["name"]: person_ids[key] for key, p in persons.items()}
    for k, m in enumerate(meetings):
        name_start, name_end, headline_name = names[k]
        rows["meetings"].append({
            "doc_id": did, "meeting_id": mid[k], "seq": m["seq"],
            "name": src[name_start:name_end] if name_start is not None else headline_name,
            "kind": details[k].get("kind"), "term": details[k].get("term"), "session": details[k].get("session"),
            "name_start": name_start, "name_end": name_end, "date": m["date"], "day": known_day(m["date"]),
            "year_source": details[k].get("year_source"),
            "date_end": m["date_end"], "time_of_day": m["time_of_day"],
            "venue": cut(m["venue_offsets"]), "chair": m["chair"], "chair_person_id": person_of_name.get(m["chair"]),
            "organizer": details[k].get("organizer", cut(m["organizer_offsets"])),
            "start": m["start"], "end": m["end"],
            "date_start": (m["date_offsets"] or (None, None))[0], "date_stop": (m["date_offsets"] or (None, None))[1],
            "venue_start": (m["venue_offsets"] or (None, None))[0], "venue_end": (m["venue_offsets"] or (None, None))[1],
            "chair_start": (m["chair_offsets"] or (None, None))[0], "chair_end": (m["chair_offsets"] or (None, None))[1],
        })

    for n, t in enumerate(doc._.timexes or [], 1):
        rows["dates"].append({"doc_id": did, "meeting_id": meeting_of(t.start), "seq": n,
                              "text": src[t.start:t.end], "value": t.value, "date": t.date,
                              "date_end": t.date_end, "time_of_day": as_written(doc, t.start, t.end, t.time_of_day),
                              "start": t.start, "end": t.end})

    for a, b, k in doc._.venues or []:
        rows["venues"].append({"doc_id": did, "meeting_id": mid[k], "text": src[a:b], "start": a, "end": b})
    for a, b, k in doc._.organizations or []:
        rows["organizations"].append({"doc_id": did, "meeting_id": mid[k], "text": src[a:b], "role": "organizer",
                                      "start": a, "end": b})

    seq_in_meeting: dict[str, int] = {}
    list_kind = _kind_of_lists(doc._.items or [])
    for k, item in doc._.items or []:
        m_id = mid[k]
        seq_in_meeting[m_id] = seq_in_meeting.get(m_id, 0) + 1
        speaker = persons.get(item.speaker, {}).get("name", item.speaker) if item.speaker else None
        rows["directives"].append({
            "doc_id": did, "meeting_id": m_id, "seq": seq_in_meeting[m_id],
            "item_id": f"{m_id}:i{seq_in_meeting[m_id]}",
            "marker": src[item.marker_start:item.marker_end].rstrip(",，:："),
            "level": item.level, "text": src[item.start:item.end], "speaker": speaker,
            "speaker_person_id": person_ids.get(item.speaker) if item.speaker else None,
            "kind": list_kind.get((k, item.sequence), item.kind),
            "list_id": item.sequence, "start": item.start, "end": item.end,
            "marker_start": item.marker_start, "marker_end": item.marker_end,
            "speaker_start": item.speaker_start, "speaker_end": item.speaker_end})

    rows["documents"].append(document_row(page, len(meetings), "、".join(dict.fromkeys(authors)) or None))
    rows["texts"].append({"doc_id": did, "text": src})
    return rows


VOTE_COLUMNS = ("votes_for", "votes_against", "abstentions", "present", "expected")


def _kind_of_lists(items) -> dict:
    """One kind for every item of a list: `directive` when most of them are (a tie too)."""
    votes: dict = {}
    for k, item in items:
        votes.setdefault((k, item.sequence), []).append(item.kind)
    return {key: ("directive" if kinds.count("directive") * 2 >= len(kinds) else "other") for key, kinds in votes.items()}


def participant_rows(doc, did: str, mid: list[str], person_ids: dict, persons: dict) -> list[dict]:
    """One row per meeting, person and role taking part (the table's key;
    who takes part is normalize.participants', found by meeting_structure)."""
    src = doc._.source_text or text_of(doc)
    rows, seen = [], set()
    for r, role in doc._.participants or []:
        key = (mid[r.meeting], r.person, role)
        if key in seen or person_ids.get(r.person) is None:
            continue  # a participant is a person
        seen.add(key)
        rows.append({"doc_id": did, "meeting_id": mid[r.meeting], "person_id": person_ids.get(r.person),
                     "name": persons.get(r.person, {}).get("name", src[r.start:r.end]), "role": role,
                     "cue": src[r.cue_start:r.cue_end], "start": r.start, "end": r.end})
    return rows


def _as_in(src: str, doc, simplified: str | None) -> str | None:
    """A value found in the Simplified text, as the page wrote it."""
    if not simplified:
        return simplified
    k = text_of(doc).find(simplified)
    return src[k:k + len(simplified)] if k >= 0 else simplified
