"""Chinese numerals to integers: 二十八 -> 28, 二〇二三 -> 2023 (digit by digit)."""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9,
          # the financial (大写) forms, which also number the sections of formal minutes: 壹、贰、
          "壹": 1, "贰": 2, "叁": 3, "参": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100}
# 廿 (20), 卅 (30): contracted tens that dates in Traditional pages still use (卅一日)
TENS = {"廿": 20, "卅": 30}


def cn_to_int(text: str) -> int:
    """Value of a numeral written with Chinese or Arabic digits.

    Positional numerals (二〇二三, used for years) are read digit by digit;
    others with their units (二十八, 一百零五). Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in TENS and total == current == 0:
            total = TENS[ch]
        elif ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (current or 1) * UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a numeral: {text!r}")
    return total + current
