"""Lexicons and patterns are data: files under models/lexicons, read once."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
LEXICON_DIR = MODELS_DIR / "lexicons"


@lru_cache(maxsize=None)
def load_json(name: str):
    return json.loads((LEXICON_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """One entry a line; blank lines and '#' comments skipped."""
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)
