"""Review: suspicious rows of a run's tables, for a person to read.

A run over pages no rule was written for fails quietly: a name that starts
with a verb, a venue that swallowed a clause, a meeting with no date. Each
check below is one such symptom, a predicate over one table's rows; `review`
runs them all and says how often each fires and where, so that failure
classes are found by reading a short list instead of every table.
The words the checks rely on are data (models/lexicons/review.json).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .evaluate import cell, read_table
from .normalize.script import to_simplified
from .resources import load_json, load_lines


@dataclass(frozen=True)
class Check:
    name: str
    table: str
    why: str
    flags: Callable[[dict], bool]
    shown: tuple[str, ...]      # columns that let a reader find the row in its page


@dataclass(frozen=True)
class Finding:
    check: str
    doc_id: str
    what: str


@lru_cache(maxsize=1)
def _words() -> dict:
    data = load_json("review.json")
    surnames = set(load_lines("surnames.txt"))
    posts = set(load_json("people.json")["title_cores"])
    return {"surnames": surnames, "posts": posts,
            "function_chars": set(data["function_chars"]), "max_venue_chars": data["max_venue_chars"],
            "max_name_chars": data["max_name_chars"]}


def _text(row: dict, column: str) -> str:
    value = cell(row, column)
    if value is not None and not isinstance(value, str) and hasattr(value, "__iter__"):
        return "、".join(map(str, value))  # people.titles, a list
    return "" if value is None else str(value)


def _simplified_name(row: dict) -> str:
    return to_simplified(_text(row, "name"))


def _transliterated(name: str) -> bool:
    """艾尔肯·吐尼亚孜: a name of another language, without a Han surname and longer."""
    return any(dot in name for dot in "·•‧・")


def _no_surname(row: dict) -> bool:
    name = _simplified_name(row)
    if _transliterated(name):
        return False
    surnames = _words()["surnames"]
    return (bool(name) and name[0] not in surnames and name[:2] not in surnames
            and name not in _words()["posts"])  # a post is title_without_person's


def _one_character(row: dict) -> bool:
    return len(_simplified_name(row)) == 1


def _function_word(row: dict) -> bool:
    name = _simplified_name(row)
    return any(ch in _words()["function_chars"] for ch in name[1:])


def _too_long_name(row: dict) -> bool:
    name = _simplified_name(row)
    return len(name) > _words()["max_name_chars"] and not _transliterated(name)


def _post_as_name(row: dict) -> bool:
    """校长 as a name: a title that found no person."""
    name = _simplified_name(row)
    return not name or name in _words()["posts"]


CHECKS: tuple[Check, ...] = (
    Check("name_without_surname", "people", "the first character is no surname", _no_surname,
          ("name", "title", "titles")),
    Check("one_character_name", "people", "a name of one character", _one_character, ("name", "title", "titles")),
    Check("name_with_function_word", "people", "a name holding a function word (的, 了, 在 …)",
          _function_word, ("name", "title", "titles")),
    Check("long_name", "people", "a name longer than names are", _too_long_name, ("name", "title", "titles")),
    Check("title_without_person", "people", "a post standing where the name should be", _post_as_name,
          ("name", "title", "titles")),
    Check("empty_item", "directives", "an item with no text",
          lambda row: not _text(row, "text").strip(), ("marker", "meeting_id")),
    Check("meeting_without_date", "meetings", "a meeting with no date",
          lambda row: not _text(row, "date"), ("meeting_id", "name")),
    Check("long_venue", "venues", "a venue longer than places are written",
          lambda row: len(_text(row, "text")) > _words()["max_venue_chars"], ("text",)),
    Check("chair_not_a_person", "meetings", "a chair whose name fails the people checks",
          lambda row: bool(_text(row, "chair")) and (
              _no_surname({"name": _text(row, "chair")}) or _function_word({"name": _text(row, "chair")})),
          ("meeting_id", "chair")),
)


def review(out_dir: Path) -> list[Finding]:
    """Every row of the run in OUT_DIR that a check flags, check by check."""
    tables: dict[str, list[dict]] = {}
    findings: list[Finding] = []
    for check in CHECKS:
        if check.table not in tables:
            frame = read_table(Path(out_dir), check.table)
            tables[check.table] = [] if frame.empty else frame.to_dict("records")
        for row in tables[check.table]:
            if check.flags(row):
                what = " ".join(f"{c}={_text(row, c)}" for c in check.shown if _text(row, c))
                findings.append(Finding(check.name, _text(row, "doc_id"), what))
    return findings


def counts(findings: list[Finding]) -> dict[str, int]:
    """Findings per check, every check listed (0 where it found nothing)."""
    out = {check.name: 0 for check in CHECKS}
    for f in findings:
        out[f.check] += 1
    return out
