"""`show`: one page's cleaned text with every extracted span highlighted, beside
a card per meeting, so a reader can check the tables against the page.

The highlights are rendered by spaCy's displaCy span renderer from the
offsets the tables hold, plus every further occurrence of a listed person's
name and the title written beside it (the people table keeps only the first
mention); nothing is extracted again. The cleaned text comes
from the run's `texts` table when it has one, else the page is read again
from `documents.path` with the same ingest stage; `documents.text_hash` tells
whether that text is still the one the offsets point into.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .outputs import RunOutput, clean, records

# label -> colour of its bar in the text and its swatch in the legend
LABELS = {
    "PERSON": "#a29bfe", "TITLE": "#fd79a8", "DATE": "#55efc4", "VENUE": "#fdcb6e",
    "ORG": "#74b9ff", "MEETING": "#ff7675", "ITEM": "#b2bec3", "DECISION": "#e17055",
}
LABEL_NAMES = {
    "PERSON": "people", "TITLE": "titles", "DATE": "dates", "VENUE": "venues", "ORG": "organizers",
    "MEETING": "meeting names", "ITEM": "items", "DECISION": "decisions",
}
ROLE_ORDER = ["chair", "attendee", "nonvoting", "speaker", "reporter", "recorder", "elected", "absent"]
ROLE_NAMES = {"chair": "chair", "attendee": "attendees", "nonvoting": "nonvoting (列席)", "speaker": "speakers",
              "reporter": "reporters", "recorder": "recorder", "elected": "elected", "absent": "absent"}
# displaCy writes a space after every token outside a span (right for English,
# wrong for Chinese): plain runs end with this mark, and the mark with its
# space is removed from the markup.
_PLAIN_END = "\ue000"


class UnknownDocument(KeyError):
    """The run has no documents row with this id."""

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    label: str


@dataclass
class PageText:
    text: str | None
    source: str         # where the text came from, for the reader
    stale: bool = False  # the text is not the one the run analysed


def show_filename(doc_id: str) -> str:
    """A file name for a document's view (doc ids hold / and #)."""
    return re.sub(r"[^\w.-]", "_", doc_id) + ".html"


def cleaned_text(run: RunOutput, document: dict) -> PageText:
    """The page's cleaned text: from the `texts` table, else by reading the page again."""
    doc_id = document["doc_id"]
    if run.has("texts") and "text" in run.columns("texts"):
        rows = run.table("texts", doc_id)
        if len(rows):
            return _checked(PageText(clean(rows["text"].iloc[0]), "the run's texts table"), document)
    path = document.get("path")
    if not path:
        return PageText(None, "no path recorded for this page")
    from ..ingest import read_pages

    path = Path(path)
    if not path.exists():
        return PageText(None, f"{path} is not there any more")
    depth = len(doc_id.split("#", 1)[0].split("/"))
    root = path.parents[depth - 1] if len(path.parents) >= depth else path.parent
    for page in read_pages(path, root):
        if page.doc_id == doc_id:
            return _checked(PageText(page.text, f"read again from {path}"), document)
    return PageText(None, f"{path} no longer holds {doc_id}")


def _checked(page_text: PageText, document: dict) -> PageText:
    digest = document.get("text_hash")
    if page_text.text and digest:
        page_text.stale = hashlib.sha256(page_text.text.encode("utf-8")).hexdigest() != digest
    return page_text


def highlights(run: RunOutput, doc_id: str, text: str) -> list[Highlight]:
    """Every extracted span of the page, by kind, from the tables' offsets."""
    found: list[Highlight] = []

    def add(start, end, label):
        start, end = clean(start), clean(end)
        if start is not None and end is not None and 0 <= start < end <= len(text):
            found.append(Highlight(int(start), int(end), label))

    for m in records(run.table("meetings", doc_id)):
        add(m.get("name_start"), m.get("name_end"), "MEETING")
        add(m.get("chair_start"), m.get("chair_end"), "PERSON")
        add(m.get("venue_start"), m.get("venue_end"), "VENUE")
        add(m.get("date_start"), m.get("date_stop"), "DATE")
    for table, label in (("dates", "DATE"), ("venues", "VENUE"), ("organizations", "ORG"),
                         ("decisions", "DECISION"), ("roles", "PERSON"), ("participants", "PERSON")):
        for row in records(run.table(table, doc_id)):
            add(row.get("start"), row.get("end"), label)
    for item in records(run.table("directives", doc_id)):
        marker_start = item.get("marker_start")
        add(item.get("start") if marker_start is None else marker_start, item.get("end"), "ITEM")
        add(item.get("speaker_start"), item.get("speaker_end"), "PERSON")
    people = records(run.table("people", doc_id))
    for person in people:
        add(person.get("start"), person.get("end"), "PERSON")
    found += mention_spans(text, people)
    return sorted(set(found), key=lambda h: (h.start, -h.end, h.label))


def mention_spans(text: str, people: list[dict]) -> list[Highlight]:
    """Every occurrence of a person's full name, and of their title written
    right before or after it (副校长张立峰, 张立峰副校长): the people table keeps
    only the first mention."""
    spans = []
    titles: dict[str, set[str]] = {}
    for p in people:
        if p.get("name"):
            titles.setdefault(p["name"], set()).update(
                p.get("titles") or ([p["title"]] if p.get("title") else []))  # a titles list, or a title a row
    for name, name_titles in titles.items():
        if len(name) < 2:
            continue
        for m in re.finditer(re.escape(name), text):
            spans.append(Highlight(m.start(), m.end(), "PERSON"))
            for title in name_titles:
                if text.endswith(title, 0, m.start()):
                    spans.append(Highlight(m.start() - len(title), m.start(), "TITLE"))
                if text.startswith(title, m.end()):
                    spans.append(Highlight(m.end(), m.end() + len(title), "TITLE"))
    return spans


def displacy_lines(text: str, spans: list[Highlight]) -> list[str]:
    """The text line by line as displaCy span markup (one `div.spans` per
    line, highlights clipped at line ends)."""
    from spacy import displacy

    parsed, line_start = [], 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        inside = [Highlight(max(h.start, line_start) - line_start, min(h.end, line_end) - line_start, h.label)
                  for h in spans if h.start < line_end and h.end > line_start]
        parsed.append(_manual_line(line, inside))
        line_start = line_end + 1
    markup = displacy.render(parsed, style="span", manual=True, minify=True,
                             options={"colors": LABELS})
    return [part.replace(_PLAIN_END + " ", "") for part in _split_lines(markup, len(parsed))]


def _manual_line(line: str, spans: list[Highlight]) -> dict:
    """displaCy's manual input for one line: a token per highlighted
    character (so long highlights wrap), one token per run of plain text."""
    covered = [False] * len(line)
    for h in spans:
        for k in range(h.start, h.end):
            covered[k] = True
    tokens, token_of, k = [], [0] * (len(line) + 1), 0
    while k < len(line):
        token_of[k] = len(tokens)
        if covered[k]:
            tokens.append(line[k])
            k += 1
            continue
        j = k
        while j < len(line) and not covered[j]:
            j += 1
        tokens.append(line[k:j] + _PLAIN_END)
        k = j
    token_of[len(line)] = len(tokens)
    return {"text": line, "tokens": tokens or [_PLAIN_END],
            "spans": [{"start_token": token_of[h.start], "end_token": token_of[h.end], "label": h.label}
                      for h in spans]}


def _split_lines(markup: str, n_lines: int) -> list[str]:
    parts = re.split(r'(?=<div class="spans")', markup.strip())
    parts = [p for p in parts if p.strip()]
    assert len(parts) == n_lines, (len(parts), n_lines)
    return parts


# ---------------------------------------------------------------- the page

def render_show(run: RunOutput, doc_id: str, back_href: str | None = None) -> str:
    """One self-contained HTML page for a document."""
    documents = records(run.table("documents", doc_id))
    if not documents:
        ids = [clean(v) for v in run.table("documents")["doc_id"]]
        close = difflib.get_close_matches(doc_id, [i for i in ids if i], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownDocument(f"no document {doc_id!r} in {run.out_dir}{hint}")
    document = documents[0]
    page_text = cleaned_text(run, document) if document.get("status") == "ok" else PageText(None, "")
    meetings = sorted(records(run.table("meetings", doc_id)), key=lambda m: m.get("seq") or 0)
    text_html, legend = "", ""
    if page_text.text:
        spans = highlights(run, doc_id, page_text.text)
        lines = displacy_lines(page_text.text, spans)
        line_of = _line_index(page_text.text)
        anchors = {}
        for m in meetings:
            if m.get("start") is not None:
                anchors.setdefault(line_of(int(m["start"])), f"meeting-{m.get('seq')}")
        text_html = "\n".join(
            f'<div class="line" id="L{n + 1}">'
            + (f'<a class="anchor" id="text-{anchors[n]}"></a>' if n in anchors else "")
            + f"{line}</div>" for n, line in enumerate(lines))
        counts = {label: sum(h.label == label for h in spans) for label in LABELS}
        legend = "".join(
            f'<span class="swatch" style="background:{color}">{label}</span> {LABEL_NAMES[label]} ({counts[label]}) '
            for label, color in LABELS.items())
    elif document.get("status") == "ok":
        text_html = f'<p class="warn">The cleaned text is not available: {_e(page_text.source)}.</p>'
    cards = "\n".join(meeting_card(run, doc_id, m) for m in meetings) or '<p class="dim">No meeting found.</p>'
    return PAGE.format(
        title=_e(document.get("title") or doc_id), header=document_header(document, page_text, back_href),
        legend=legend, text=text_html, cards=cards, style=STYLE)


def document_header(document: dict, page_text: PageText, back_href: str | None) -> str:
    fields = [("doc_id", document.get("doc_id")), ("status", document.get("status")),
              ("published", document.get("published")), ("author", document.get("author")),
              ("url", document.get("url")), ("characters", document.get("n_chars")),
              ("meetings", document.get("n_meetings")), ("file", document.get("path"))]
    parts = [f"<b>{name}</b> {_e(value)}" for name, value in fields if value not in (None, "")]
    out = f'<h1>{_e(document.get("title") or document["doc_id"])}</h1><p class="meta">{" · ".join(parts)}</p>'
    if back_href:
        out = f'<p><a href="{_e(back_href)}">← report</a></p>' + out
    if document.get("error"):
        out += f'<p class="warn">{_e(document["error"])}</p>'
    if page_text.text:
        note = f"Text: {_e(page_text.source)}."
        if page_text.stale:
            note += (' <span class="warn">This is not the text the run analysed (its hash differs):'
                     " the page changed since, and the highlights may be off.</span>")
        out += f'<p class="dim">{note}</p>'
    return out


def meeting_card(run: RunOutput, doc_id: str, meeting: dict) -> str:
    mid = meeting.get("meeting_id")
    seq = meeting.get("seq")
    date = meeting.get("date") or ""
    if meeting.get("date_end"):
        date += f" – {meeting['date_end']}"
    if meeting.get("time_of_day"):
        date += f" ({meeting['time_of_day']})"
    fields = [("kind", meeting.get("kind")), ("date", date), ("venue", meeting.get("venue")),
              ("chair", meeting.get("chair")), ("organizer", meeting.get("organizer"))]
    rows = "".join(f"<dt>{k}</dt><dd>{_e(v) if v else '<span class=dim>—</span>'}</dd>"
                   for k, v in fields if k != "kind" or "kind" in meeting)
    participants = [p for p in records(run.table("participants", doc_id)) if p.get("meeting_id") == mid]
    by_role: dict[str, list[str]] = {}
    for p in participants:
        names = by_role.setdefault(p.get("role") or "other", [])
        if p.get("name") and p["name"] not in names:
            names.append(p["name"])
    roles = sorted(by_role, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))
    body = f"<dl>{rows}</dl>"
    if roles:
        body += "<h3>Participants</h3><dl>" + "".join(
            f"<dt>{_e(ROLE_NAMES.get(r, r))}</dt><dd>{_e('、'.join(by_role[r]))}</dd>" for r in roles) + "</dl>"
    decisions = [d for d in records(run.table("decisions", doc_id)) if d.get("meeting_id") == mid]
    directives = [d for d in records(run.table("directives", doc_id)) if d.get("meeting_id") == mid]
    if decisions:
        body += "<h3>Decisions</h3><ol class=decisions>" + "".join(
            f"<li>{_e(d.get('text'))}" + (f" <span class=doc>《{_e(d['document'])}》</span>" if d.get("document") else "")
            + "</li>" for d in sorted(decisions, key=lambda d: d.get("seq") or 0)) + "</ol>"
    if directives:
        body += "<h3>Directives</h3>" + directive_tree(sorted(directives, key=lambda d: d.get("seq") or 0))
    name = meeting.get("name") or "(meeting)"
    return (f'<section class="card" id="meeting-{seq}"><h2><a href="#text-meeting-{seq}">{seq}.</a> {_e(name)}'
            f' <span class="dim">{_e(mid)}</span></h2>{body}</section>')


def directive_tree(items: list[dict]) -> str:
    """Nested lists by level, each item with its marker and speaker."""
    out, depth = [], 0
    for item in items:
        level = max(1, int(item.get("level") or 1))
        if level > depth:
            out.append("<ul class=\"tree\">" * (level - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - level))
        depth = level
        speaker = f' <span class="speaker">{_e(item["speaker"])}</span>' if item.get("speaker") else ""
        kind = " other" if item.get("kind") == "other" else ""
        out.append(f'<li class="item{kind}"><span class="marker">{_e(item.get("marker"))}</span> '
                   f"{_e(item.get('text'))}{speaker}")
    if depth:
        out.append("</li>" + "</ul></li>" * (depth - 1) + "</ul>")
    return "".join(out)


def _line_index(text: str):
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        import bisect
        return bisect.bisect_right(starts, offset) - 1
    return line_of


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def write_show(out_dir: Path | str, doc_id: str, html_path: Path | None = None,
               back_href: str | None = None, run: RunOutput | None = None) -> Path:
    """Write a document's view; by default to OUT_DIR/views/show/DOC.html."""
    own = run is None
    run = run or RunOutput(out_dir)
    try:
        markup = render_show(run, doc_id, back_href)
    finally:
        if own:
            run.close()
    target = Path(html_path) if html_path else Path(out_dir) / "views" / "show" / show_filename(doc_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markup, encoding="utf-8")
    return target


STYLE = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 0 1.5em 2em; color: #222; }
h1 { font-size: 1.4em; margin-bottom: .2em; }
.meta, .dim { color: #666; font-size: .9em; }
.warn { color: #b00020; }
.legend { position: sticky; top: 0; background: #fff; padding: .4em 0; border-bottom: 1px solid #ddd; z-index: 20; }
.swatch { padding: 1px 5px; border-radius: 3px; font-size: .75em; font-weight: bold; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5em; align-items: start; }
.text .spans { font-size: 1.05em; }
.text .line:empty { height: .5em; }
.cards { position: sticky; top: 2.5em; max-height: calc(100vh - 3em); overflow-y: auto; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: .6em .9em; margin: .8em 0; background: #fafafa; }
.card h2 { font-size: 1.05em; margin: .2em 0 .5em; }
.card h3 { font-size: .95em; margin: .6em 0 .2em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15em .8em; margin: 0; }
dt { color: #555; } dd { margin: 0; }
ul.tree { padding-left: 1.2em; margin: .2em 0; }
.item.other { color: #777; }
.marker { font-weight: bold; }
.speaker { background: #a29bfe55; border-radius: 3px; padding: 0 4px; font-size: .85em; }
.doc { color: #555; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } .cards { position: static; max-height: none; } }
"""

PAGE = """<!DOCTYPE html>
<html lang="zh">
<head><meta charset="utf-8"><title>{title}</title><style>{style}</style></head>
<body>
<header>{header}</header>
<div class="legend">{legend}</div>
<main>
<div class="text">{text}</div>
<div class="cards">{cards}</div>
</main>
</body>
</html>
"""
