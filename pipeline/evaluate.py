"""The project's scorer: output tables against gold annotations.

It applies the rules of ANNOTATION.md the way the shared referee
(`../shared/eval/score.py`) does, so that CI jobs can guard extraction
quality with `python -m pipeline eval GOLD OUT --min-headline 0.9` and get the
referee's figures. Comparisons are made as a reader would: width-folded,
without punctuation, symbols or pinyin glosses.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PUNCT = re.compile(r"[\s\u3000，。、；：！？,.;:!?“”\"'‘’（）()《》<>【】\[\]—\-·…]+")
PINYIN_GLOSS = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*|[a-z]+)\)")
DATE = re.compile(r"^(\d{4}|X{4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?")
PART_OF_DAY = [("凌晨", "NI"), ("早上", "MO"), ("早晨", "MO"), ("上午", "MO"), ("中午", "MI"),
               ("下午", "AF"), ("傍晚", "EV"), ("晚上", "EV"), ("晚", "EV"), ("夜", "NI"), ("午", "MI"),
               ("MO", "MO"), ("AF", "AF"), ("EV", "EV"), ("NI", "NI"), ("MI", "MI")]
HEADLINE_FIELDS = ["meetings", "meeting.date", "meeting.venue", "meeting.chair",
                   "people", "people.title", "items", "timex.value"]
STRUCTURE_FIELDS = ["meeting.name", "meeting.attendees", "decisions"]
TABLE_NAMES = ("documents", "meetings", "people", "directives", "dates", "participants", "decisions")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def as_dict(self) -> dict:
        if self.tp + self.fp + self.fn == 0:
            p = r = f = 1.0  # nothing to find and nothing found
        else:
            p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
            r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


# ---------------------------------------------------------------- comparing values

def norm(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    s = unicodedata.normalize("NFKC", str(value))
    s = PINYIN_GLOSS.sub("", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("So", "Sk", "Cf"))
    return PUNCT.sub("", s)


def present(value) -> bool:
    return norm(value) != ""


def norm_date(value) -> str:
    if not present(value):
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip().upper().split(" ")[0]


def date_parts(value):
    m = DATE.match(norm_date(value))
    return (m.group(1), m.group(2) or "XX", m.group(3) or "XX") if m else None


def date_match(system, gold) -> bool:
    """Month and day agree, and the year wherever both give digits."""
    a, b = date_parts(system), date_parts(gold)
    if not a or not b or a[1:] != b[1:]:
        return False
    return a[0] == b[0] if a[0].isdigit() and b[0].isdigit() else True


def date_strict(system, gold) -> bool:
    return present(gold) and norm_date(system)[:10] == norm_date(gold)[:10]


def part_of_day(value) -> str:
    s = unicodedata.normalize("NFKC", str(value or "")).upper()
    for key, code in PART_OF_DAY:
        if key in s:
            return code
    m = re.search(r"(\d{1,2})[:：点时]", s)
    if m:
        hour = int(m.group(1))
        return "MO" if hour < 12 else "AF" if hour < 18 else "EV"
    return s


def _contained(a: str, b: str, min_ratio: float) -> bool:
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 2 and len(short) / len(long_) >= min_ratio


def venue_match(system, gold) -> bool:
    a, b = norm(system), norm(gold)
    return bool(a and b) and (a == b or _contained(a, b, 0.5))


def title_match(system, gold) -> bool:
    """司长 matches 条件装备司司长: one title ending the other counts."""
    a, b = norm(system), norm(gold)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 2 and long_.endswith(short))


def item_match(system, gold) -> bool:
    """Items agree on their first twelve characters, three in four at least."""
    a, b = norm(system)[:12], norm(gold)[:12]
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return sum(x == y for x, y in zip(a, b)) / max(len(a), len(b)) >= 0.75


# ---------------------------------------------------------------- loading

def load_gold(path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def read_table(out_dir: Path, name: str):
    import pandas as pd

    for ext, reader in (("parquet", pd.read_parquet), ("csv", pd.read_csv)):
        path = Path(out_dir) / f"{name}.{ext}"
        if path.exists():
            df = reader(path)
            df.columns = [str(c) for c in df.columns]
            return df
    return pd.DataFrame()


def cell(row: dict, name: str):
    value = row.get(name)
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass  # lists and arrays are values
    return value


def titles_of(row: dict) -> list:
    """A people row's titles: a `title` string (a row per title) or a `titles` list (a row per person)."""
    many = cell(row, "titles")
    if many is not None and not isinstance(many, str):
        return [t for t in list(many) if t is not None]
    return [cell(row, "title")]


def system_rows(out_dir: Path) -> dict[str, dict[str, list[dict]]]:
    """doc_id -> table -> rows."""
    by_doc: dict = defaultdict(lambda: defaultdict(list))
    for name in TABLE_NAMES:
        df = read_table(out_dir, name)
        for row in ([] if df.empty else df.to_dict("records")):
            by_doc[str(cell(row, "doc_id"))][name].append(row)
    return by_doc


# ---------------------------------------------------------------- scoring

def align_meetings(gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    """Pair meetings that share a date, venue or chair; best pairs first.
    A document with one meeting on each side pairs them regardless."""
    def similarity(s, g) -> int:
        score = 0
        if present(g.get("date")) and date_match(cell(s, "date"), g.get("date")):
            score += 2
        if present(g.get("venue")) and venue_match(cell(s, "venue"), g.get("venue")):
            score += 1
        if present(g.get("chair")) and norm(cell(s, "chair")) == norm(g.get("chair")):
            score += 1
        return score

    candidates = sorted(((similarity(s, g), -abs(i - j), i, j)
                         for i, g in enumerate(gold) for j, s in enumerate(system)), reverse=True)
    pairs, used_g, used_s = [], set(), set()
    for score, _, i, j in candidates:
        if score > 0 and i not in used_g and j not in used_s:
            pairs.append((i, j))
            used_g.add(i)
            used_s.add(j)
    if not pairs and len(gold) == 1 and len(system) == 1:
        pairs.append((0, 0))
    return pairs


MEETING_FIELDS = {
    "meeting.date": ("date", date_match),
    "meeting.date_strict": ("date", date_strict),
    "meeting.date_end": ("date_end", date_match),
    "meeting.time_of_day": ("time_of_day", lambda s, g: part_of_day(s) == part_of_day(g)),
    "meeting.venue": ("venue", venue_match),
    "meeting.venue_strict": ("venue", lambda s, g: norm(s) == norm(g)),
    "meeting.chair": ("chair", lambda s, g: norm(s) == norm(g)),
}


def _score_meetings(gm, sm, metrics, doc_metrics) -> list[tuple[int, int]]:
    pairs = align_meetings(gm, sm)
    for target in (metrics, doc_metrics):
        target["meetings"].add(tp=len(pairs), fp=len(sm) - len(pairs), fn=len(gm) - len(pairs))
    by_gold = dict(pairs)
    paired_system = {j for _, j in pairs}
    for metric, (key, same) in MEETING_FIELDS.items():
        counts = PRF()
        for i, meeting in enumerate(gm):
            gv = meeting.get(key)
            j = by_gold.get(i)
            sv = cell(sm[j], key) if j is not None else None
            if present(gv) and present(sv) and same(sv, gv):
                counts.add(tp=1)
            else:
                counts.add(fn=int(present(gv)), fp=int(present(sv)))
        counts.add(fp=sum(1 for j, s in enumerate(sm) if j not in paired_system and present(cell(s, key))))
        if counts.tp + counts.fp + counts.fn:  # a field no meeting has is not scored
            for target in (metrics, doc_metrics):
                target[metric].add(counts.tp, counts.fp, counts.fn)
    return pairs


def _score_structure(gm, sm, pairs, s, metrics, doc_metrics) -> None:
    """The second layer (name, attendees, absent, decisions), only where the gold carries it."""
    by_gold = dict(pairs)
    parts_by_meeting = defaultdict(list)
    for row in s.get("participants", []):
        parts_by_meeting[str(cell(row, "meeting_id"))].append(row)
    for i, meeting in enumerate(gm):
        j = by_gold.get(i)
        system = sm[j] if j is not None else {}
        if "name" in meeting:
            gv, sv = meeting.get("name"), cell(system, "name") if j is not None else None
            hit = present(gv) and present(sv) and venue_match(sv, gv)
            for target in (metrics, doc_metrics):
                target["meeting.name"].add(tp=int(hit), fn=int(present(gv) and not hit),
                                           fp=int(present(sv) and not hit))
        here = parts_by_meeting.get(str(cell(system, "meeting_id")), []) if j is not None else []
        for key, metric, wanted in (("attendees", "meeting.attendees", lambda role: role != "absent"),
                                    ("absent", "meeting.absent", lambda role: role == "absent")):
            if key not in meeting:
                continue
            gold_set = {norm(n) for n in meeting.get(key) or [] if present(n)}
            sys_set = {norm(cell(r, "name")) for r in here
                       if present(cell(r, "name")) and wanted(str(cell(r, "role") or ""))}
            tp = len(gold_set & sys_set)
            for target in (metrics, doc_metrics):
                target[metric].add(tp=tp, fp=len(sys_set) - tp, fn=len(gold_set) - tp)
    if any("decisions" in meeting for meeting in gm):
        gold_decisions = [d for meeting in gm for d in meeting.get("decisions") or []]
        sys_decisions = list(s.get("decisions", []))
        used, tp = set(), 0
        for decision in gold_decisions:
            def same(row):
                gd, sd = norm(decision.get("document")), norm(cell(row, "document"))
                return gd == sd if gd and sd else item_match(cell(row, "text"), decision.get("text"))
            k = next((k for k, row in enumerate(sys_decisions) if k not in used and same(row)), None)
            if k is not None:
                used.add(k)
                tp += 1
        for target in (metrics, doc_metrics):
            target["decisions"].add(tp=tp, fp=len(sys_decisions) - tp, fn=len(gold_decisions) - tp)


def _score_people(g, s, metrics, doc_metrics) -> None:
    gold_names = {norm(p["name"]) for p in g.get("people", []) if present(p.get("name"))}
    sys_names = {norm(cell(r, "name")) for r in s.get("people", []) if present(cell(r, "name"))}
    tp = len(gold_names & sys_names)
    for target in (metrics, doc_metrics):
        target["people"].add(tp=tp, fp=len(sys_names) - tp, fn=len(gold_names) - tp)
    gold_titles = [(norm(p["name"]), t) for p in g.get("people", []) for t in p.get("titles", []) if present(t)]
    sys_titles = {(norm(cell(r, "name")), norm(t)) for r in s.get("people", [])
                  for t in titles_of(r) if present(cell(r, "name")) and present(t)}
    matched, t_tp = set(), 0
    for name, title in gold_titles:
        hit = next((st for st in sys_titles
                    if st not in matched and st[0] == name and title_match(st[1], title)), None)
        if hit:
            matched.add(hit)
            t_tp += 1
    for target in (metrics, doc_metrics):
        target["people.title"].add(tp=t_tp, fp=len(sys_titles) - t_tp, fn=len(gold_titles) - t_tp)


def _score_items(gm, s, metrics, doc_metrics) -> None:
    gold_items = [it for meeting in gm for it in meeting.get("items", [])]
    sys_items = sorted(s.get("directives", []), key=lambda r: (str(cell(r, "meeting_id")), cell(r, "seq") or 0))
    used, tp, speaker_ok, speaker_n, level_ok = set(), 0, 0, 0, 0
    for item in gold_items:
        has_speaker = present(item.get("speaker"))
        speaker_n += has_speaker
        j = next((k for k, r in enumerate(sys_items)
                  if k not in used and item_match(cell(r, "text"), item.get("text"))), None)
        if j is None:
            continue
        used.add(j)
        tp += 1
        level_ok += int(cell(sys_items[j], "level") or 1) == int(item.get("level") or 1)
        if has_speaker:
            speaker_ok += norm(cell(sys_items[j], "speaker")) == norm(item["speaker"])
    for target in (metrics, doc_metrics):
        target["items"].add(tp=tp, fp=len(sys_items) - tp, fn=len(gold_items) - tp)
    # speaker and level count over every gold item: an item not found is missed
    metrics["items.speaker"].add(tp=speaker_ok, fn=speaker_n - speaker_ok)
    metrics["items.level"].add(tp=level_ok, fn=len(gold_items) - level_ok)


def _score_timex(g, s, metrics, doc_metrics) -> None:
    gold_values = Counter(norm_date(t["value"]) for t in g.get("timex", []) if t.get("value") not in (None, "REL"))
    sys_values = Counter(norm_date(cell(r, "value")) for r in s.get("dates", [])
                         if present(cell(r, "value")) and norm_date(cell(r, "value")) != "REL")
    tp = sum((gold_values & sys_values).values())
    for target in (metrics, doc_metrics):
        target["timex.value"].add(tp=tp, fp=sum(sys_values.values()) - tp, fn=sum(gold_values.values()) - tp)
    gold_text = Counter(norm(t["text"]) for t in g.get("timex", []))
    sys_text = Counter(norm(cell(r, "text")) for r in s.get("dates", []) if present(cell(r, "text")))
    tp = sum((gold_text & sys_text).values())
    metrics["timex.text"].add(tp=tp, fp=sum(sys_text.values()) - tp, fn=sum(gold_text.values()) - tp)


def score_dir(gold_docs: list[dict], out_dir, only: set[str] | None = None) -> tuple[dict, dict]:
    """(report, per-document F1) of the tables in out_dir against the gold."""
    by_doc = system_rows(Path(out_dir))
    metrics: dict[str, PRF] = defaultdict(PRF)
    title_ok = title_n = pub_ok = pub_n = 0
    per_doc = {}
    for g in gold_docs:
        doc_id = g["doc_id"]
        if only and doc_id not in only:
            continue
        s = by_doc.get(doc_id, {})
        doc_row = (s.get("documents") or [{}])[0]
        doc_metrics: dict[str, PRF] = defaultdict(PRF)
        if present(g.get("title")):
            title_n += 1
            title_ok += norm(cell(doc_row, "title")) == norm(g["title"])
        if present(g.get("published")):
            pub_n += 1
            pub_ok += date_strict(cell(doc_row, "published"), g["published"])
        gm = g.get("meetings", [])
        sm = sorted(s.get("meetings", []), key=lambda r: cell(r, "seq") or 0)
        pairs = _score_meetings(gm, sm, metrics, doc_metrics)
        _score_structure(gm, sm, pairs, s, metrics, doc_metrics)
        _score_people(g, s, metrics, doc_metrics)
        _score_items(gm, s, metrics, doc_metrics)
        _score_timex(g, s, metrics, doc_metrics)
        per_doc[doc_id] = {k: v.as_dict()["f1"] for k, v in doc_metrics.items()}
    report = {k: v.as_dict() for k, v in sorted(metrics.items())}
    report["document.title"] = {"acc": round(title_ok / title_n, 4) if title_n else 1.0, "n": title_n}
    report["document.published"] = {"acc": round(pub_ok / pub_n, 4) if pub_n else 1.0, "n": pub_n}
    report["headline_f1"] = headline(report)
    report["structure_f1"] = structure(report)
    return report, per_doc


def headline(report: dict) -> float:
    """The mean F1 of the fields an analyst needs most."""
    return round(sum(report[k]["f1"] for k in HEADLINE_FIELDS) / len(HEADLINE_FIELDS), 4)


def structure(report: dict) -> float | None:
    """The mean F1 of the meeting-structure layer; None where no gold carries it."""
    if not any(k in report for k in STRUCTURE_FIELDS):
        return None
    return round(sum(report[k]["f1"] for k in STRUCTURE_FIELDS if k in report) / len(STRUCTURE_FIELDS), 4)


def format_report(report: dict) -> str:
    width = max(len(k) for k in report)
    lines = []
    for k, v in report.items():
        if isinstance(v, dict) and "f1" in v:
            lines.append(f"{k:<{width}}  P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  "
                         f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})")
        elif isinstance(v, dict):
            lines.append(f"{k:<{width}}  acc {v['acc']:.3f}  (n {v['n']})")
    if report.get("structure_f1") is not None:
        lines.append(f"structure_f1 {report['structure_f1']:.4f}")
    lines.append(f"headline_f1 {report['headline_f1']:.4f}")
    return "\n".join(lines)


def check_thresholds(report: dict, thresholds: dict[str, float]) -> list[str]:
    """The fields below their threshold, as readable lines."""
    failures = []
    for field, minimum in thresholds.items():
        value = report.get(field)
        if value is None:
            failures.append(f"{field}: no such field in the report")
            continue
        figure = value if isinstance(value, float) else value.get("f1", value.get("acc"))
        if figure < minimum:
            failures.append(f"{field} = {figure:.4f} < {minimum}")
    return failures
