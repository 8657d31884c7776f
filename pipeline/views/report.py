"""`report`: one self-contained HTML page about a whole run, for analysts.

Charts are Plotly figures with plotly.js inlined once, so the file opens with
no network. The figures are computed by the pure functions below from the
run's tables; the documents with the lowest coverage get a `show` page of
their own beside the report, and the report links to them.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pandas as pd

from .outputs import RunOutput, clean, records
from .show import show_filename, write_show

COVERAGE_FIELDS = ["date", "venue", "chair", "participants"]
TOP = 15             # bars in a ranking
NETWORK_PEOPLE = 40  # nodes of the co-participation network
LOWEST = 10          # documents listed (and given a show page) for lowest coverage
FONT = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif'


# ---------------------------------------------------------------- figures as data

def _present(value) -> bool:
    value = clean(value)
    return value is not None and value != ""


def meeting_coverage(meetings: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """One row per meeting: doc_id, meeting_id and a True/False column per
    coverage field (participants: the meeting has at least one participant)."""
    with_people = {clean(m) for m in participants["meeting_id"]} if len(participants) else set()
    rows = []
    for m in records(meetings):
        row = {"doc_id": m["doc_id"], "meeting_id": m["meeting_id"]}
        for field in COVERAGE_FIELDS[:-1]:
            row[field] = _present(m.get(field))
        row["participants"] = m["meeting_id"] in with_people
        rows.append(row)
    return pd.DataFrame(rows, columns=["doc_id", "meeting_id", *COVERAGE_FIELDS])


def coverage_shares(covered: pd.DataFrame) -> dict[str, float]:
    """Share of meetings with each field (0.0 when there is no meeting)."""
    n = len(covered)
    return {f: (float(covered[f].sum()) / n if n else 0.0) for f in COVERAGE_FIELDS}


def document_coverage(documents: pd.DataFrame, covered: pd.DataFrame) -> list[dict]:
    """Every readable document with the mean share of coverage fields its
    meetings have (0 for a page where no meeting was found) and what is
    missing, lowest first."""
    shares = covered.groupby("doc_id")[COVERAGE_FIELDS].mean() if len(covered) else pd.DataFrame()
    counts = covered.groupby("doc_id").size() if len(covered) else pd.Series(dtype=int)
    out = []
    for d in records(documents[[c for c in ("doc_id", "status", "title") if c in documents.columns]]):
        if d.get("status") != "ok":
            continue
        if d["doc_id"] not in counts.index:
            out.append({"doc_id": d["doc_id"], "title": d.get("title"), "meetings": 0, "coverage": 0.0,
                        "missing": ["meetings"]})
            continue
        row = shares.loc[d["doc_id"]]
        out.append({"doc_id": d["doc_id"], "title": d.get("title"), "meetings": int(counts[d["doc_id"]]),
                    "coverage": float(row.mean()), "missing": [f for f in COVERAGE_FIELDS if row[f] < 1]})
    return sorted(out, key=lambda r: (r["coverage"], r["doc_id"]))


def meetings_per_month(meetings: pd.DataFrame) -> tuple[dict[str, Counter], int]:
    """kind -> Counter(YYYY-MM -> meetings), and the number of meetings whose
    date has no known year and month. Without a `kind` column all meetings
    are of kind 'all'."""
    per_kind: dict[str, Counter] = {}
    undated = 0
    has_kind = "kind" in meetings.columns and meetings["kind"].map(_present).any()
    for m in records(meetings):
        month = re.match(r"(\d{4})-(\d{2})", m.get("date") or "")
        if not month:
            undated += 1
            continue
        kind = (m.get("kind") or "(no kind)") if has_kind else "all"
        per_kind.setdefault(kind, Counter())[month.group(0)] += 1
    return per_kind, undated


def top_counts(values, n: int = TOP) -> list[tuple[str, int]]:
    counts = Counter(v for v in map(clean, values) if v)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def active_participants(participants: pd.DataFrame, n: int = TOP) -> list[tuple[str, int]]:
    """People by the number of meetings they took part in (any role)."""
    pairs = {(clean(r["name"]), clean(r["meeting_id"])) for r in records(participants[["name", "meeting_id"]])}
    return top_counts([name for name, _ in pairs if name], n)


def per_organizer(meetings: pd.DataFrame, directives: pd.DataFrame, decisions: pd.DataFrame,
                  n: int = TOP) -> list[tuple[str, int, int]]:
    """(organizer, directives, decisions), the busiest first; directives of
    kind `other` (narrative sequences) are not counted."""
    organizer = {m["meeting_id"]: (m.get("organizer") or "(organizer not named)") for m in records(meetings)}
    if "kind" in directives.columns:
        directives = directives[directives["kind"].map(clean) != "other"]
    n_directives = Counter(organizer.get(clean(m), "(organizer not named)") for m in directives["meeting_id"])
    n_decisions = Counter(organizer.get(clean(m), "(organizer not named)") for m in decisions["meeting_id"])
    rows = [(o, n_directives[o], n_decisions[o]) for o in set(n_directives) | set(n_decisions)]
    return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0]))[:n]


def co_participation(participants: pd.DataFrame, n: int = NETWORK_PEOPLE):
    """(people, meetings per person, edges {(a, b): shared meetings}) for the
    n people in most meetings. People are told apart by name only, across
    documents."""
    members: dict[str, set[str]] = {}
    for r in records(participants[["name", "meeting_id"]]):
        if r["name"] and r["meeting_id"]:
            members.setdefault(r["meeting_id"], set()).add(r["name"])
    meetings_of = Counter(name for names in members.values() for name in names)
    people = [p for p, _ in sorted(meetings_of.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
    keep = set(people)
    edges: Counter = Counter()
    for names in members.values():
        for a, b in combinations(sorted(names & keep), 2):
            edges[(a, b)] += 1
    return people, {p: meetings_of[p] for p in people}, dict(edges)


def spring_layout(n: int, edges: list[tuple[int, int, float]], iterations: int = 300, seed: int = 7):
    """Fruchterman-Reingold positions in [-1, 1]² for n nodes (deterministic),
    with a pull towards the centre so that separate groups stay in view."""
    import numpy as np

    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2))
    k = 2.0 / math.sqrt(n)  # the ideal distance for n nodes in a 2 × 2 square
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        disp = ((delta / dist[..., None]) * (k * k / dist)[..., None]).sum(axis=1)  # repulsion
        for a, b, w in edges:
            d = pos[a] - pos[b]
            pull = d * float(np.linalg.norm(d)) / k * min(w, 3)
            disp[a] -= pull
            disp[b] += pull
        disp -= pos * (k * 2)  # gravity
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature * 0.985, 0.002)
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max() or 1.0
    return pos / scale


# ---------------------------------------------------------------- charts

class Charts:
    """Plotly figures as HTML fragments; the first carries plotly.js."""

    def __init__(self):
        self.n = 0

    def html(self, fig, height: int = 380) -> str:
        fig.update_layout(height=height, margin=dict(l=10, r=10, t=40, b=10), font=dict(family=FONT),
                          template="plotly_white")
        self.n += 1
        return fig.to_html(full_html=False, include_plotlyjs=self.n == 1, div_id=f"chart-{self.n}",
                           config={"displaylogo": False, "responsive": True})


def _bar(go, pairs, title, xaxis):
    names = [p[0] for p in pairs][::-1]
    values = [p[1] for p in pairs][::-1]
    fig = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color="#4c78a8"))
    fig.update_layout(title=title, xaxis=dict(title=xaxis, **_count_ticks(max(values, default=0))),
                      yaxis=dict(automargin=True))
    return fig


def _count_ticks(largest: int) -> dict:
    """Whole-number ticks for counts (Plotly would mark 0.2, 0.4 … below 5)."""
    return {"dtick": 1, "tick0": 0} if largest <= 8 else {"tickformat": ",d"}


def build_report(run: RunOutput, show_dir: str = "show") -> tuple[str, list[str]]:
    """(the report's HTML, doc ids that need a show page beside it)."""
    import plotly.graph_objects as go

    documents, meetings = run.table("documents"), run.table("meetings")
    participants, directives, decisions = run.table("participants"), run.table("directives"), run.table("decisions")
    charts = Charts()
    sections = []

    # documents processed, errors and empty pages
    status = Counter(clean(s) or "(none)" for s in documents["status"])
    totals = [("documents", len(documents)), ("ok", status.get("ok", 0)), ("empty", status.get("empty", 0)),
              ("errors", status.get("error", 0)), ("meetings", len(meetings)),
              ("characters", int(pd.to_numeric(documents["n_chars"], errors="coerce").fillna(0).sum())),
              ("participants rows", len(participants)), ("directives", len(directives)),
              ("decisions", len(decisions))]
    if "is_template" in run.columns("documents"):  # runs since templates are flagged
        totals.insert(4, ("templates", int(sum(clean(v) is True for v in documents["is_template"]))))
    sections.append("<h2>Documents processed</h2><div class=tiles>" + "".join(
        f'<div class=tile><div class=num>{v:,}</div><div class=lab>{k}</div></div>' for k, v in totals) + "</div>")
    problems = [d for d in records(documents) if d.get("status") != "ok"]
    if problems:
        rows = "".join(f"<tr><td>{_e(d['doc_id'])}</td><td>{_e(d.get('status'))}</td>"
                       f"<td>{_e(d.get('error') or _reason(d))}</td></tr>" for d in problems)
        sections.append(f"<h2>Errors and empty pages ({len(problems)})</h2>"
                        f"<table id=problems><tr><th>doc_id</th><th>status</th><th>reason</th></tr>{rows}</table>")
    else:
        sections.append("<h2>Errors and empty pages</h2><p id=problems>None: every page was read and analysed.</p>")

    # coverage
    covered = meeting_coverage(meetings, participants)
    shares = coverage_shares(covered)
    fig = go.Figure(go.Bar(x=COVERAGE_FIELDS, y=[shares[f] for f in COVERAGE_FIELDS],
                           text=[f"{shares[f]:.0%}" for f in COVERAGE_FIELDS], textposition="outside",
                           marker_color="#59a14f"))
    fig.update_layout(title=f"Share of the {len(covered)} meetings that give a …", yaxis=dict(range=[0, 1.1], tickformat=".0%"))
    sections.append("<h2>Coverage</h2>" + charts.html(fig, 340))

    # meetings per month
    per_kind, undated = meetings_per_month(meetings)
    if per_kind:
        months = sorted({m for c in per_kind.values() for m in c})
        fig = go.Figure([go.Bar(name=kind, x=months, y=[c.get(m, 0) for m in months]) for kind, c in sorted(per_kind.items())])
        by = "by kind" if set(per_kind) != {"all"} else "(no kind column in this run)"
        fig.update_layout(barmode="stack", title=f"Meetings per month {by}", xaxis=dict(type="category"),
                          yaxis=_count_ticks(max(sum(c.get(m, 0) for c in per_kind.values()) for m in months)),
                          showlegend=len(per_kind) > 1)
        note = f"<p class=dim>{undated} meeting(s) without a known year and month are not shown.</p>" if undated else ""
        sections.append("<h2>Meetings per month</h2>" + charts.html(fig) + note)
    else:
        sections.append(f"<h2>Meetings per month</h2><p class=dim>No meeting has a known year and month ({undated} undated).</p>")

    # people
    chairs = top_counts(meetings["chair"])
    active = active_participants(participants)
    people_html = ""
    if chairs:
        people_html += charts.html(_bar(go, chairs, "Top chairs", "meetings chaired"), 60 + 24 * len(chairs))
    if active:
        people_html += charts.html(_bar(go, active, "Most active participants", "meetings taken part in"),
                                   60 + 24 * len(active))
    sections.append("<h2>Chairs and participants</h2>" + (f"<div class=pair>{people_html}</div>" if people_html
                                                         else "<p class=dim>No chair or participant found.</p>"))

    # per organizer
    organizers = per_organizer(meetings, directives, decisions)
    if organizers:
        names = [o[0] for o in organizers][::-1]
        fig = go.Figure([go.Bar(name="directives", y=names, x=[o[1] for o in organizers][::-1], orientation="h"),
                         go.Bar(name="decisions", y=names, x=[o[2] for o in organizers][::-1], orientation="h")])
        fig.update_layout(barmode="group", title="Directives and decisions per organizer", yaxis=dict(automargin=True),
                          xaxis=_count_ticks(max(max(o[1], o[2]) for o in organizers)))
        sections.append("<h2>Organizers</h2>" + charts.html(fig, 80 + 36 * len(organizers)))
    else:
        sections.append("<h2>Organizers</h2><p class=dim>No directive or decision found.</p>")

    # network
    people, n_meetings, edges = co_participation(participants)
    if len(people) > 1:
        index = {p: k for k, p in enumerate(people)}
        pos = spring_layout(len(people), [(index[a], index[b], w) for (a, b), w in edges.items()])
        ex, ey = [], []
        for (a, b) in edges:
            ex += [pos[index[a]][0], pos[index[b]][0], None]
            ey += [pos[index[a]][1], pos[index[b]][1], None]
        fig = go.Figure([
            go.Scatter(x=ex, y=ey, mode="lines", line=dict(width=1, color="#bbb"), hoverinfo="skip", name="together"),
            go.Scatter(x=pos[:, 0], y=pos[:, 1], mode="markers+text", text=people, textposition="top center",
                       marker=dict(size=[8 + 4 * math.sqrt(n_meetings[p]) for p in people], color="#e15759"),
                       hovertext=[f"{p}: {n_meetings[p]} meeting(s)" for p in people], hoverinfo="text",
                       name="people")])
        fig.update_layout(title=f"Who took part in meetings together ({len(people)} people in most meetings,"
                                f" {len(edges)} links)", showlegend=False,
                          xaxis=dict(visible=False), yaxis=dict(visible=False))
        sections.append("<h2>Co-participation</h2>" + charts.html(fig, 560)
                        + "<p class=dim>People are told apart by name; a line joins two people who took part in"
                          " one meeting, thicker bubbles took part in more meetings.</p>")
    else:
        sections.append("<h2>Co-participation</h2><p class=dim>Fewer than two participants.</p>")

    # lowest coverage
    lowest = document_coverage(documents, covered)[:LOWEST]
    rows = "".join(
        f'<tr><td><a href="{_e(show_dir)}/{_e(show_filename(d["doc_id"]))}">{_e(d["doc_id"])}</a></td>'
        f"<td>{_e(d.get('title'))}</td><td>{d['meetings']}</td><td>{d['coverage']:.0%}</td>"
        f"<td>{_e(', '.join(d['missing']))}</td></tr>" for d in lowest)
    sections.append(f"<h2>Lowest coverage</h2><table id=lowest><tr><th>document</th><th>title</th><th>meetings</th>"
                    f"<th>coverage</th><th>missing in some meeting</th></tr>{rows}</table>")

    manifest = _manifest(run.out_dir)
    subtitle = " · ".join(x for x in [str(run.out_dir), manifest.get("created"),
                                      (manifest.get("configuration") or {}).get("segmenter"),
                                      manifest.get("version") and f"version {manifest['version']}"] if x)
    page = PAGE.format(title="Run report", subtitle=_e(subtitle), body="\n".join(sections), style=STYLE)
    return page, [d["doc_id"] for d in lowest]


def write_report(out_dir: Path | str, html_path: Path | None = None) -> Path:
    """Write the report (default OUT_DIR/views/report.html) and a show page for
    each document it links to (in show/ beside it)."""
    run = RunOutput(out_dir)
    try:
        target = Path(html_path) if html_path else Path(out_dir) / "views" / "report.html"
        markup, linked = build_report(run)
        target.parent.mkdir(parents=True, exist_ok=True)
        for doc_id in linked:
            write_show(out_dir, doc_id, target.parent / "show" / show_filename(doc_id),
                       back_href=f"../{target.name}", run=run)
        target.write_text(markup, encoding="utf-8")
    finally:
        run.close()
    return target


def _reason(document: dict) -> str:
    if document.get("status") == "empty":
        return "nothing left after removing page furniture"
    return ""


def _manifest(out_dir: Path) -> dict:
    try:
        return json.loads((Path(out_dir) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


STYLE = f"""
body {{ font-family: {FONT}; margin: 1em 2em 3em; color: #222; max-width: 1300px; }}
h1 {{ margin-bottom: .1em; }} h2 {{ margin-top: 1.6em; border-bottom: 1px solid #ddd; }}
.dim {{ color: #666; font-size: .9em; }}
.tiles {{ display: flex; flex-wrap: wrap; gap: .8em; }}
.tile {{ border: 1px solid #ddd; border-radius: 6px; padding: .5em 1em; min-width: 7em; background: #fafafa; }}
.num {{ font-size: 1.5em; font-weight: bold; }} .lab {{ color: #555; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ddd; padding: .25em .6em; text-align: left; }}
.pair {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }}
@media (max-width: 900px) {{ .pair {{ grid-template-columns: 1fr; }} }}
"""

PAGE = """<!DOCTYPE html>
<html lang="zh">
<head><meta charset="utf-8"><title>{title}</title><style>{style}</style></head>
<body>
<h1>{title}</h1>
<p class="dim">{subtitle}</p>
{body}
</body>
</html>
"""
