"""Traditional -> Simplified with a one-to-one character map.

Extraction runs on Simplified text so that one lexicon serves both scripts;
names and venues are then cut from the page's own text at the same offsets,
so what the tables report is what the page wrote.
"""
from __future__ import annotations

import re
from functools import lru_cache

# characters that only the Traditional script uses often; a page without any
# skips OpenCC entirely (most pages are Simplified).
_TRADITIONAL_HINT = re.compile(
    "[們個會國過這來時對開說為與後發學經點動場關當產種實體從現應長問間業員應記議議區縣議總"
    "導頭圖義東車門見無類邊專聯隊辦機氣電運達際處務條協號單創劃組織廳黨濟醫院領統計調強請"
    "議歷態參屬興觀讓麼範規觀職團華陳劉馬閆萬宋劉鄭張楊趙黃吳馮陸葉羅韓蔣謝鍾]")


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
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    # a phrase rule changed the length: fall back to character by character
    return "".join(_char_t2s(ch) for ch in text)


def is_traditional(text: str) -> bool:
    return bool(_TRADITIONAL_HINT.search(text)) and to_simplified(text) != text
