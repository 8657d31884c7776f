"""Traditional -> Simplified with a one-to-one character map.

Extraction runs on Simplified text so that one lexicon serves both scripts;
names and venues are then cut from the page's own text at the same offsets,
so what the tables report is what the page wrote.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Simplified text of exactly the same length as `text`."""
    if len(text) <= SHORT:
        return _short_to_simplified(text)
    return _to_simplified(text)


SHORT = 200  # a headline, a line, a name: asked for again and again, and kept


@lru_cache(maxsize=8192)
def _short_to_simplified(text: str) -> str:
    return _to_simplified(text)


def _to_simplified(text: str) -> str:
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # a phrase rule changed the length: fall back to character by character
    return "".join(_char_t2s(ch) for ch in text)


def simplified_lines(lines: list[str]) -> list[str]:
    """to_simplified of each line, in one call of the converter where it can:
    a page's lines one by one cost a call each."""
    converted = _converter().convert("\n".join(lines)).split("\n")
    if len(converted) == len(lines) and all(len(a) == len(b) for a, b in zip(converted, lines)):
        return converted
    return [to_simplified(line) for line in lines]
