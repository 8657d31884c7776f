"""Injected spam: gambling-site names that scraped pages carry in place of
an organisation (ld体育官网校长金雄 -> 校长金雄).

Three shapes, composed from the vocabularies in models/lexicons/spam.json:
  latin site    凯发k8官网首页登录, bat365官网登录入口, ld体育官网   (letters or digits + a site word)
  brand         天游官网, 永利娱乐, 开云体育app                 (a known brand + a site/trade word or Latin)
  trade site    某某体育官网, 某某娱乐官网登录                   (a trade word + a site word)
  latin brand   1929cc威尼斯                                   (Latin letters or digits + a known brand)
A bare word (学校官网, 学习强国app) is left alone: only these shapes are spam.
Search-engine spam lines (日本高清一区二区久久,国产精品视频,…) above a report are
told by `is_seo_line`: most of the line's comma-parted phrases hold a spam term.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json
from .patterns import trie_pattern

CJK = r"\u4e00-\u9fff"


@lru_cache(maxsize=1)
def spam_pattern() -> re.Pattern:
    data = load_json("spam.json")
    brand = trie_pattern(data["brands"])
    trade = trie_pattern(data["trades"])
    site = trie_pattern(data["site_words"])
    tail = "(?:" + trie_pattern(data["tail_words"]) + ")*"
    latin = r"[A-Za-z][A-Za-z0-9]{0,9}|\d{2,6}"
    latin_site = rf"[{CJK}]{{0,4}}(?:{latin})(?:{trade})?(?:{site}){tail}"
    brand_site = rf"(?:{brand})(?:[A-Za-z0-9]{{1,8}})?(?:(?:{trade})(?:{site})?|{site}|[A-Za-z0-9]+){tail}"
    trade_site = rf"[{CJK}]{{2,4}}(?:{trade})(?:{site}){tail}"
    latin_brand = rf"(?:[A-Za-z0-9]{{2,10}})(?:{brand})(?:{trade})?(?:{site})?{tail}"
    return re.compile(f"(?:{latin_site}|{brand_site}|{trade_site}|{latin_brand})")


@lru_cache(maxsize=1)
def _spam_words() -> re.Pattern:
    """Each shape above holds a site word or a brand."""
    data = load_json("spam.json")
    return re.compile(trie_pattern(list(data["brands"]) + list(data["site_words"])))


def strip_spam(text: str) -> str:
    if not _spam_words().search(text):
        return text  # a page with neither word has no spam (and the full pattern is slow to scan)
    return spam_pattern().sub("", text)


@lru_cache(maxsize=1)
def _seo_terms() -> re.Pattern:
    return re.compile(trie_pattern(load_json("spam.json")["seo_terms"]))


SEO_LINE_MIN_PHRASES = 3  # a line this many spam phrases long at least; one such word in a sentence is no spam


def is_seo_line(line: str) -> bool:
    """日本高清一区二区久久,一本大道香蕉大vr在线吗视频,国产美女白丝袜精品: a line of
    search phrases parted by commas, two in three of which hold a spam term
    (spam.json seo_terms), and no sentence."""
    if not _seo_terms().search(line) or "。" in line:
        return False
    phrases = [p for p in re.split(r"[,，;；|\s]+", line) if p]
    spam = sum(1 for p in phrases if _seo_terms().search(p))
    return spam >= SEO_LINE_MIN_PHRASES and 3 * spam >= 2 * len(phrases)
