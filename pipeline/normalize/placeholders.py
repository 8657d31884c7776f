"""Template pages: model minutes (范文) whose dates and names are placeholders.

Pages copied from writing guides keep the form of a report but blank out what
would identify it: `20xx年3月13日`, `xxx校长`, `××局`, `某某同志`. Such a page
reports no real meeting; analysts want to count it apart. A single `XX年` is
how real pages anonymise one year, so a page is a template only when
placeholders stand in several places. The marks are data (placeholders.json).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json

CJK = r"\u3400-\u9fff"


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, tuple[re.Pattern, tuple[str, ...]], int]:
    data = load_json("placeholders.json")
    letters = "".join(map(re.escape, data["blank_letters"]))
    blank = rf"(?<![A-Za-z])(?:19|20)?[{letters}]{{2,}}(?![A-Za-z])"
    words = "|".join(map(re.escape, data["blank_words"]))
    # a blank counts where Chinese text or a line runs on from it or into it: 20xx年, xxx校长, 由××主持
    placeholder = re.compile(rf"(?m)(?:(?:(?<=[{CJK}])|^)(?:{blank})|(?:{blank})(?=[{CJK}]|$)|{words})")
    # what every placeholder holds, without the lookarounds: most pages have none, and say so at once
    # (two blank letters, a pattern that opens with a class, so the engine skips to one; or a blank word)
    candidate = re.compile(rf"[{letters}][{letters}]")
    return placeholder, (candidate, tuple(data["blank_words"])), int(data["min_placeholders"])


def placeholders(text: str) -> list[tuple[int, int]]:
    """Offsets of every placeholder in the text."""
    placeholder, (letters, words), _ = _pattern()
    if not text or not (letters.search(text) or any(w in text for w in words)):
        return []
    return [m.span() for m in placeholder.finditer(text)]


def is_template(text: str) -> bool:
    return len(placeholders(text)) >= _pattern()[2]
