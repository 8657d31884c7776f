"""Stage 1, ingest: files on disk -> `Page` records with clean text.

A page is whatever a scraper saved: plain text, an HTML document, or a JSON
export, in any of the encodings Chinese sites use. Ingest decodes it, turns
markup into lines, normalizes width and whitespace, removes the site's
furniture (link lists, navigation, copyright) and keeps the page's own title,
byline and publication date apart from the body. Every input gives a Page;
one that cannot be read carries `status="error"` and the reason.
"""
from __future__ import annotations

import codecs
import html
import json
import os
import re
import stat
import traceback
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from .normalize.patterns import CLAUSE_MARKS, CREDIT_MARKS, LABEL_GAP, trie_pattern
from .normalize.script import simplified_lines, to_simplified
from .normalize.spam import is_seo_line, strip_spam
from .normalize.timex import find_timexes  # a sign-off's date in any of the report's notations (二〇二三年五月六日)
from .resources import load_json, vocabulary, vocabulary_entries

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# JSON exports name their fields in many ways; the first present wins.
JSON_TEXT_KEYS = ("text", "content", "body", "article", "html", "正文", "内容")
JSON_TITLE_KEYS = ("title", "headline", "标题")
JSON_URL_KEYS = ("url", "link", "source_url", "href")
JSON_DATE_KEYS = ("published", "publish_time", "pub_date", "date", "time", "发布时间")
JSON_ID_KEYS = ("id", "doc_id", "uid")


@dataclass
class Page:
    doc_id: str
    path: str
    text: str = ""                 # cleaned text; every offset in the tables points here
    body_start: int = 0            # where the report itself begins in `text`
    body_end: int | None = None    # where it ends, when a sign-off follows it (某某商会\n2016年6月18日)
    title: str | None = None
    published: str | None = None   # ISO date or datetime, as the page shows it
    bylines: list[tuple[str, int, int]] = field(default_factory=list)  # (credit line, start, end)
    url: str | None = None
    source_format: str = "txt"
    encoding: str | None = None
    status: str = "ok"             # ok | empty | error
    error: str | None = None
    traceback: str | None = None   # of the exception behind `error`, for the run's log


# ---------------------------------------------------------------- decoding

class UndecodableError(ValueError):
    pass


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode scraped bytes: BOMs first, then strict UTF-8, then the Chinese
    legacy encodings, letting charset-normalizer arbitrate between GB and Big5
    because both accept most byte sequences."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8:
        return mostly_utf8
    if _looks_utf16(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                continue
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
        chosen = (best.encoding or "gb18030").replace("_", "").lower() if best else "gb18030"
        for text, enc in candidates:
            if enc.replace("_", "") == chosen:
                return text, enc
        return candidates[0]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    raise UndecodableError("no encoding tried (UTF-8, UTF-16, GB18030, Big5) decodes it")


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few stray bytes (a truncated copy, one byte flipped): keep
    the page, each bad byte replaced by U+FFFD and counted in the encoding
    noted. GBK or Big5 read as UTF-8 gives a bad byte for nearly every
    character, so a page counts as UTF-8 only when its valid multi-byte
    characters outnumber its bad bytes fifty to one."""
    text = data.decode("utf-8", errors="replace")
    n_bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    n_wide = sum(1 for ch in text if ord(ch) > 127) - n_bad
    if n_bad and n_wide >= 50 * n_bad:
        return text, f"utf-8 ({n_bad} invalid byte{'s' if n_bad > 1 else ''} replaced)"
    return None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4


# ---------------------------------------------------------------- HTML

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "td", "th"}
SKIP_TAGS = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form",
             "select", "button", "iframe", "svg", "template", "head"}
META_DATE_NAMES = {"article:published_time", "pubdate", "publishdate", "publish_date",
                   "date", "dc.date", "dc.date.issued", "og:published_time", "weibo:article:create_at"}


class _HtmlText(HTMLParser):
    """Keep the visible text of a page as lines; remember <title>, <h1> and
    the publication date that <meta> tags carry."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.meta_date: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.in_h1 = True
        if tag == "meta":
            a = {k.lower(): (v or "") for k, v in attrs}
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if name in META_DATE_NAMES and a.get("content") and not self.meta_date:
                self.meta_date = a["content"]
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIP_TAGS:
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None, str | None]:
    """(visible text, headline, meta publication date) of an HTML page."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    headline = (parser.h1 or parser.title).strip() or None
    if headline and not parser.h1:
        # <title> often carries "headline - site name"
        headline = re.split(r"\s*[-_|｜—]+\s*", headline)[0].strip() or None
    return "".join(parser.parts), headline, parser.meta_date


# ---------------------------------------------------------------- text normalization

TAG_RESIDUE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
ENTITY_RESIDUE = re.compile(r"&(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|mdash|hellip|middot|#\d+|#x[0-9a-fA-F]+);")
LITERAL_NEWLINES = re.compile(r"(?:\\r\\n|\\n|\\r|\\t)")
# 國(guo)務(wù)院, 會(huì )議: glosses that some pages put after each character (the character before the
# bracket is tested once the bracket is read, so that the pattern opens with it and the engine skips to one)
PINYIN_GLOSS = re.compile(
    r"\((?<=[\u3400-\u9fff\)]\()\ ?(?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*|[a-z]{1,6})\ ?\)")
# a run of a class is written X X*, not X+: a pattern that opens with a class lets the
# engine skip at C speed to where one of its characters stands (X+ opens with a repeat,
# which it would try to match at every position)
PROTECTED_MARKS = re.compile(r"[\u2460-\u249b\u3220-\u3229][\u2460-\u249b\u3220-\u3229]*")
PROTECTED_MARKS_SPLIT = re.compile(r"([\u2460-\u249b\u3220-\u3229]+)")
HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a][ \t\u00a0\u3000\u2002-\u200a]*")
INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060\ufeff]")


# characters that are never noise, so most of a page is passed over at C speed:
# ASCII, CJK symbols and punctuation, the unified ideographs, general punctuation, full-width forms
NEVER_NOISE = r"\x00-\x7f\u00b7\u00d7\u2010-\u2027\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e"
MAYBE_NOISE = re.compile(f"[^{NEVER_NOISE}]")
# 二○二三年: a white circle among numerals is their zero (〇), not a dingbat
NUMERAL_CIRCLE = re.compile(r"○(?=[〇○零一二三四五六七八九])|(?<=[〇零一二三四五六七八九])○")


@lru_cache(maxsize=None)
def _is_noise_char(ch: str) -> bool:
    """Pictographs and dingbats injected into text by spam filters and emoji."""
    return unicodedata.category(ch) in ("So", "Co", "Cs", "Cn") and not ("\u3000" <= ch <= "\u303f")


def normalize_text(text: str) -> str:
    """Width-fold, drop markup residue, pinyin glosses and injected symbols,
    and tidy whitespace, line by line."""
    text = LITERAL_NEWLINES.sub("\n", text)
    text = TAG_RESIDUE.sub("", text)
    text = ENTITY_RESIDUE.sub(lambda m: html.unescape(m.group(0)), text)
    # NFKC folds full-width digits and letters, but would also turn the
    # circled list markers (①, ⑴, ㈠) into plain digits: keep those
    if PROTECTED_MARKS.search(text):
        text = "".join(part if PROTECTED_MARKS.fullmatch(part) else unicodedata.normalize("NFKC", part)
                       for part in PROTECTED_MARKS_SPLIT.split(text))
    else:
        text = unicodedata.normalize("NFKC", text)
    text = INVISIBLE.sub("", text)
    if "○" in text:
        text = NUMERAL_CIRCLE.sub("〇", text)
    noise = [ch for ch in set(MAYBE_NOISE.findall(text)) if _is_noise_char(ch)]  # each distinct character once
    if noise:
        text = text.translate(dict.fromkeys(map(ord, noise)))
    # glosses may repeat: 国(guo)(guo); each is in brackets, and most pages have none
    previous = None if "(" in text else text
    while previous != text:
        previous, text = text, PINYIN_GLOSS.sub("", text)
    text = strip_spam(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # horizontal space never spans a line break: one pass over the text, not one a line
    lines = (line.strip() for line in HORIZONTAL_SPACE.sub(" ", text).split("\n"))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- page furniture

# named blocks of the furniture patterns; the words are in boilerplate.json
COLON = r"\s*[:：]"
OPTIONAL_COLON = r"\s*[:：]?"
END_MARK = "[!！。]?"
NO_WORD = r"^[^\w\u3400-\u9fff]+$"      # a line of symbols only
LATIN_ONLY = r"^[A-Za-z0-9 ._-]+$"      # a site's name or address in Latin letters
WIRE_HEADLINE = re.compile(r"^\S{2,16}?\d{1,2}月\d{1,2}日电\s*题\s*[:：]\s*")
URL_IN_LINE = re.compile(r"https?://|www\.")  # a line holding an address is never the headline
LATIN_LINE = re.compile(r"(?=.*[A-Za-z]{3})" + LATIN_ONLY)  # words in Latin letters, not a date


def _words(words) -> str:
    """Words as alternatives, in the lexicon's order."""
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def _characters(words) -> str:
    return "[" + "".join(map(re.escape, words)) + "]"


def furniture_patterns(d: dict) -> tuple[list[str], list[str], list[str]]:
    """The patterns of whole furniture lines, of furniture inside a kept line,
    and of a first line that names the site, from the words of boilerplate.json."""
    def w(key: str) -> str:
        return _words(d[key])

    lines = [
        rf"^{w('neighbour_links')}{OPTIONAL_COLON}.*$",                                 # 上一篇: …
        rf"^{w('page_actions')}.{{0,10}}$",                                              # 返回列表, 打印本页
        rf"^{w('addressee')}?{w('now_words')}?(?:所在)?的?位置\s*在?{COLON}.*$",          # 您现在的位置:
        rf"^{w('home_pages')}\s*{_characters(d['path_separators'])}.*$",                 # 首页 > 新闻
        rf"^.{{0,20}}{w('copyright_marks')}.*$",                                         # 版权所有 ©
        rf"^{w('share_words')}{OPTIONAL_COLON}.{{0,20}}$",                               # 分享到:
        rf"^[【\[]?{w('font_words')}(?:{COLON}|\s).{{0,30}}$",                          # 字号: 大 中 小, 【字体:大 中 小】【打印】, 文字大小 A A A
        rf"^{w('today_words')}{COLON}[^。！？!?]{{0,40}}$",                                  # 今天是: 2025年3月7日 星期五
        rf"^.{{0,4}}点击.{{0,20}}{w('follow_words')}.{{0,12}}$",                              # ↑点击上方“某某发布”蓝字,关注我们
        rf"^{w('counter_words')}{OPTIONAL_COLON}\s*\d*$",                                # 浏览次数: 120
        rf"^{w('admin_names')}$",
        rf"^{_characters(d['rule_characters'])}+$",                                      # ———— , ||||
        rf"^.{{0,40}}{w('breadcrumb_arrows')}\s*正文\s*$",                               # 首页 > 新闻 > 正文
        rf"^{w('skip_links')}\s*$",                                                      # 跳到主要内容
        NO_WORD,
        rf"^.{{0,24}}欢迎{w('addressee')}{w('welcome_words')}?{END_MARK}$",                   # 欢迎您的到来!
        rf"^.{{0,24}}欢迎{w('addressee')}?{w('welcome_words')}.{{0,24}}{w('site_words')}{END_MARK}$",  # 欢迎访问某某网
        rf"^.{{0,6}}{w('article_words')}共?\s*\d+\s*字.{{0,20}}$",                         # 本文共1200字
        rf"^{w('reading_words')}(?:全文)?{w('reading_time_words')}{OPTIONAL_COLON}\s*\d+\s*分钟.{{0,10}}$",  # 阅读时间约5分钟
        rf"^{w('ad_kinds')}?广告(?:位|[(（].{{1,4}}[)）])?.{{0,12}}$",                      # 广告位, 横幅广告
        r"^[【\[(（]广告[】\])）].*$",                                                     # 【广告】专业代写…
        rf"^{w('ticker_words')}{COLON}.*[|｜].*$",                                         # 通知公告: …的公告 | …
        r"^[·•●▪]\s*\S.{2,80}?\s(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}$",                 # · 某某会议召开　2023-06-20
        rf"^[^\n]{{1,16}}(?:\s*{_characters(d['breadcrumb_arrows'])}\s*[^\n]{{1,16}}){{2,}}$",  # 某某网 > 检务公开 > 纪要
    ]
    inline = [
        rf"\s*{w('share_words')}{OPTIONAL_COLON}\s*$",                            # …分享到:
        rf"\s*{w('counter_words')}{COLON}\s*\d+",                                # 点击数: 35
    ]
    site = [
        rf"^[\u4e00-\u9fff]{{1,12}}{w('site_words')}$",                          # 某某市政府网
        rf"^[\u4e00-\u9fff]{{1,12}}{w('site_words')}\s*[-–—|_]",                 # 某某范文网 -工作总结,演讲稿…
        rf"^[\u4e00-\u9fff]{{1,12}}{w('site_words')}{w('site_offers')}[^\n]{{0,80}}$",  # 某某日报提供每日新闻、评论等!
        w("url_marks"),
        LATIN_ONLY,
        rf"欢迎{w('welcome_words')}|{w('site_actions')}",                                 # 欢迎访问, 设为首页
        rf"^{w('search_words')}?.{{0,6}}{w('keyword_words')}$|^{w('search_words')}$",  # 搜索 关键词
    ]
    return lines, inline, site


@lru_cache(maxsize=1)
def _boilerplate():
    data = load_json("boilerplate.json")
    heading = re.compile(r"^\s*[【\[]?(?:" + "|".join(map(re.escape, data["section_headings"])) + r")[】\]]?\s*[:：>›»]?\s*$")
    line_sources, inline_sources, site_sources = furniture_patterns(data)
    lines = re.compile("|".join(f"(?:{p})" for p in line_sources))  # one match a line, not one a pattern
    inline = [re.compile(p) for p in inline_sources]
    # every inline pattern holds one of these words: a page without them skips those patterns
    inline_words = re.compile(trie_pattern([*data["share_words"], *data["counter_words"]]))
    site = [re.compile(p) for p in site_sources]
    return heading, lines, inline, inline_words, site


DATE_VALUE = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?")
# 113-03-20, 113/3/20 after a published key: a date of the Republic of China's calendar
ROC_DATE_VALUE = re.compile(
    r"\s*(1[01]\d|[89]\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?(?!\d)")
# the keys of a byline (bylines.json) and of a form (form_labels.json), as words; the patterns below are composed of them
PUBLISHED_KEYS = frozenset(vocabulary("bylines.json", "published"))  # 发布时间: the page's date
AMBIGUOUS_DATE_KEYS = frozenset(vocabulary("form_labels.json", "labels", "opens_form"))  # 时间: a dateline, unless it heads a form
# a field of the byline line: its key and colon (来源: 某某网 发布时间: 2024-03-01 浏览: 12)
META_KEY = re.compile("(" + trie_pattern([*PUBLISHED_KEYS, *AMBIGUOUS_DATE_KEYS, *vocabulary("bylines.json", "counters"),
                                          *(e["word"] for e in vocabulary_entries("bylines.json", "credits", "meta")
                                            if e["mark"] != "/")]) + r")\s*[:：]")
FIELD_NUMBER = r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])"  # 二、会议地点: a form may number its fields
# a field of form-style minutes (地点: …, 主持人: …): a label (会议 in front or not) and, within three more
# characters (参会人员:), its colon
FORM_FIELD = re.compile("^" + FIELD_NUMBER + "?(会议)?(?:" + trie_pattern(vocabulary("form_labels.json", "labels", "form_field"))
                        + r")[^:：]{0,3}[:：]")


# after 日期: a field of the same form, its time included (日期: … / 时 间: …): the date is the meeting's
FORM_FIELD_AFTER_DATE = re.compile(
    "^(?:" + trie_pattern(vocabulary("form_labels.json", "labels", "field", field=("time", "place")), LABEL_GAP)
    + r")\s*[:：]|" + FORM_FIELD.pattern[1:])
# 阅读(2.3k), 浏览 128: a count of readers, which only a byline holds (会议纪要 2019-07-15 阅读(2.3k))
READ_COUNT = re.compile("(?:" + trie_pattern(vocabulary("bylines.json", "counters")) + r")(?:量|数|次数)?\s*[(（]?\s*[\d.]+[kKwW万]?")
# 第8期, (第12期): the issue of a bulletin of minutes, under its headline
ISSUE_NUMBER = re.compile(r"^\s*[(（]?第\s*\d{1,4}\s*期[)）]?\s*$")
# 证券代码:600123 证券简称:某某 公告编号:2024-031: the header of a listed company's announcement
ANNOUNCEMENT_KEYS = re.compile(r"(?:证券|股票|债券)(?:代码|简称)\s*[:：]|公告编号\s*[:：]")
# any labelled field, the meeting's time included (会议时间: …): never a headline
@lru_cache(maxsize=1)
def _labelled_field() -> re.Pattern:
    labels = vocabulary("form_labels.json", "labels", "field")
    return re.compile("^" + FIELD_NUMBER + "?(?:" + trie_pattern(labels) + r")\s*[:：]")
@lru_cache(maxsize=1)
def _form_label_set() -> tuple[frozenset[str], int]:
    labels = vocabulary("form_labels.json", "labels", "field")
    return frozenset(labels), max(map(len, labels))


@lru_cache(maxsize=1)
def _field_label() -> tuple[re.Pattern, frozenset[str]]:
    """A form's field label with its colon (会议地点:, 主持人:), and the labels of
    the fields whose value runs to the end of the form (会议内容:, 议题:)."""
    entries = vocabulary_entries("form_labels.json", "labels", "field")
    label = re.compile("(?:" + trie_pattern([e["word"] for e in entries]) + r")\s*[:：]")
    return label, frozenset(e["word"] for e in entries if e["field"] in ("content", "topic"))


def _split_run_together_fields(lines: list[str]) -> list[str]:
    """会议时间:…会议地点:…主持人:…记录人:…: a form whose fields the scrape ran onto
    one line, each back on a line of its own (a space before a label becomes the
    line break). Only a line that opens with a field is one; a field of content
    (会议内容:, 议题:) runs to the end of the line, colons and all."""
    label, running = _field_label()
    out: list[str] = []
    for line in lines:
        first = label.match(line)
        if not first or line.count(":") + line.count("：") < 2:
            out.append(line)
            continue
        cuts, pos = [], first.end()
        if line[:first.end()].rstrip(" :：") not in running:
            for m in label.finditer(line, first.end()):
                if m.start() > pos:
                    cuts.append(m.start())
                pos = m.end()
                if line[m.start():m.end()].rstrip(" :：") in running:
                    break
        if not cuts:
            out.append(line)
            continue
        parts = [line[a:b].rstrip() for a, b in zip([0, *cuts], [*cuts, len(line)])]
        out.extend(x for x in parts if x)
    return out


def _is_label(line: str, colon_ok: bool = False) -> bool:
    """参会人员: a form's label alone on its line (with a colon after it, if colon_ok).
    The length test first: most lines are longer than any label."""
    labels, longest = _form_label_set()
    line = line.strip()
    if colon_ok:
        line = line.rstrip(":：")
    return len(line) <= longest and to_simplified(line) in labels


def _join_label_lines(lines: list[str]) -> list[str]:
    """主席\n柯文哲: a form laid out as a label line over a value line (a flattened
    table) becomes 主席:柯文哲. The line break turns into the colon, so the text
    keeps its length."""
    is_label = _is_label
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if k + 1 < len(lines) and is_label(line) and not is_label(lines[k + 1]):
            out.append(line + ":" + lines[k + 1])
            k += 2
            continue
        out.append(line)
        k += 1
    return out


# a line of credits: 文/张三, 记者 李四, 责编: 王五, 来源: 某某网
CREDIT_LINE = re.compile("|".join(re.escape(e["word"]) + CREDIT_MARKS[e["mark"]]
                                  for e in sorted(vocabulary_entries("bylines.json", "credits", "line"),
                                                  key=lambda e: len(e["word"]), reverse=True)))
SENTENCE_END = re.compile(f"[{CLAUSE_MARKS}]")  # on one line
# 昨收盘:0.000今开盘:0.000: a line of figures under labels (quotes, counters), never a headline
NUMERIC_FIELDS = re.compile(r"(?:[\u3400-\u9fff]{1,6}\s*[:：]\s*[\d.,%+-]+\s*){2,}")


def _sign_off(lines: list[str], body_from: int) -> tuple[int, str] | None:
    """某某商会\n2016年6月18日 closing the page: the sign-off of the body that
    issued it, and the date it was issued. (index of its first line, ISO date)
    when the last line is a full date alone, after the report's own lines."""
    k = len(lines) - 1
    if k <= body_from:
        return None
    last = to_simplified(lines[k].strip())
    found = find_timexes(last) if len(last) <= 20 else []
    if len(found) != 1 or found[0].start > 0 or found[0].end < len(last) or not found[0].date \
            or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found[0].date):
        return None
    signer = lines[k - 1].strip()
    first = k - 1 if k - 1 > body_from and len(signer) <= 30 and not SENTENCE_END.search(signer) \
        and not re.search("[:：,，]", signer) else k
    return first, found[0].date


def _iso(m: re.Match) -> str:
    y, mo, d, hh, mm, ss = m.groups()
    if len(y) < 4:
        y = str(int(y) + 1911)  # a year of the Republic of China
    date = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    if hh is None:
        return date
    return f"{date}T{int(hh):02d}:{int(mm):02d}:{int(ss or 0):02d}"


@lru_cache(maxsize=1)
def _title_action_tail() -> re.Pattern:
    return re.compile(r"[ \t\u3000]+(?:" + trie_pattern(load_json("boilerplate.json")["page_actions"]) + r")\s*$")


TITLE_SUFFIX = re.compile(r"\s*(?:——|--|\s[-|_–]\s|[|｜]|_(?=[^\n_]{1,24}$))\s*[^\n]*$")


def _without_site_suffix(title: str) -> str:
    """会议召开 —— 某某党媒云| 社区融: a browser-tab headline carries the site after a separator
    (a part that reports an event is the headline's own: 标语——某某召开某某会, ——数学组开展教研活动);
    某某决议公告 下载公告: a page's action after a space is no part of it."""
    title = _title_action_tail().sub("", title)
    cut = TITLE_SUFFIX.search(title)
    if cut and len(re.findall(r"[\u3400-\u9fff]", title[:cut.start()])) >= 6 \
            and not HELD_OR_MEETING.search(to_simplified(title[cut.start():])):  # 标语——我园召开家长会
        return title[:cut.start()]
    return title


# a line that reports a meeting: a meeting word (会), a minutes suffix (纪要; splitting.json) or a held verb
# (召开, 座谈; verbs.json, use headline)
HEADLINE_VERB = re.compile(trie_pattern(vocabulary("verbs.json", "held", "headline")))  # 召开, 举行
_MEETING_WORDS = [*load_json("splitting.json")["meeting_words"], *load_json("splitting.json")["minutes_suffixes"],
                  *vocabulary("verbs.json", "held", "headline")]
MEETING_WORDS = re.compile(trie_pattern(_MEETING_WORDS))
# any verb of holding one (开展, 举办) too: a clause that reports an event
HELD_OR_MEETING = re.compile(trie_pattern([*_MEETING_WORDS, *vocabulary("verbs.json", "held", "object")]))


@lru_cache(maxsize=1)
def _section_word() -> re.Pattern:
    words = sorted(load_json("boilerplate.json")["section_words"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\s*(?:[/|｜]\s*)?[A-Za-z ]*$")  # 医院动态 / HOSPITAL DYNAMICS


def _is_section_name(lines: list[str], i: int, n_header: int) -> bool:
    """A short header line without a meeting word, followed in the header by a
    longer one that has it: a section of the site, not the headline."""
    line = to_simplified(lines[i])
    n_cjk = len(re.findall(r"[\u3400-\u9fff]", line))
    if n_cjk <= 8 and _section_word().search(line):
        return True  # 协会要闻 News, 研究会新闻: a section, though 会 stands in it
    parts = re.split(r"\s*[·•|｜]\s*", line)
    if len(parts) == 2 and len(parts[1]) <= 8 and _section_word().search(parts[1]) and not MEETING_WORDS.search(parts[1]):
        return True  # 某某中学 · 教研动态: the site and its section
    if n_cjk > 6 or MEETING_WORDS.search(line):
        return False
    return any(len(lines[k]) > len(line) and MEETING_WORDS.search(to_simplified(lines[k]))
               for k in range(i + 1, n_header))


def _is_header_line(line: str) -> bool:
    """Short lines without sentence punctuation: site name, headline, meta. A
    headline may ask a question (居民提出反对怎么办?), if it is no clause of a sentence."""
    if len(line) > 60:
        return False
    line = line.replace(" ?", " ").replace("? ", " ")  # 来源:新华网 ?作者:? 2022-01-19: a character the page lost
    asked = line.rstrip(" ?？")
    return not SENTENCE_END.search(asked if len(asked) < len(line) and not re.search("[,，]", line) else line)


# 首页 学校简介 新闻中心 德育园地, 登录 | 注册 | 旧版回顾: a bar of the site's links, each a short word,
# parted by spaces (four links or more) or by bars and dots (three or more; two short ones), or a path
# of sections parted by arrows (院务公开 > 会议纪要)
LINK_BAR_PARTS = re.compile(r"\s*[|｜·•]\s*")
PATH_PARTS = re.compile(r"\s*[>＞»›]+\s*")
MENU_LABEL = re.compile(r"[^\s:：]{2,6}[:：]\s*")  # a menu's label before its links
LINK_BAR_MARKS = re.compile(r"[\s|｜·•>＞»›:：]")


def _is_link_bar(line: str) -> bool:
    if not LINK_BAR_MARKS.search(line):
        return False  # most lines: no space, bar, dot, arrow or colon to part links
    menu = MENU_LABEL.match(line)
    if menu and not _labelled_field().match(line):  # 走进某县:概况 历史沿革 行政区划 …, not 参加人员: 张三 李四 …
        items = line[menu.end():].split()
        return len(items) >= 5 and all(len(x) <= 8 for x in items) and not SENTENCE_END.search(line)
    parts = [x for x in LINK_BAR_PARTS.split(line.strip()) if x]
    path = [x for x in PATH_PARTS.split(line.strip()) if x]
    bar_links = 2 if all(len(x) <= 6 for x in parts) else 3  # 会员登录 | 入会申请: two short links
    links = parts[1:] if len(parts) >= 4 and len(parts[0]) <= 16 else parts  # 某某县人民政府 首页 | 政务公开 | …
    if (len(parts) < bar_links or any(len(x) > 8 for x in links)) and (len(path) < 2 or any(len(x) > 8 for x in path)):
        parts = line.split()
        if len(parts) < 4 or any(len(x) > 6 for x in parts):
            return False
    return not SENTENCE_END.search(line) and not re.search(r"\d{1,2}月|[:：]", line)


# 某某县委直属机关工作委员会, 某某市红十字会: a body's name ends in 会 (structure.json body_suffixes)
BODY_AT_END = re.compile("(?:" + trie_pattern(vocabulary("structure.json", "body_suffixes", "site"))
                         + r")\s*(?:[(（][^)）]{1,12}[)）])?\s*$")  # 某某市工商业联合会(总商会)


def _reports_a_meeting(line: str) -> bool:
    return bool(MEETING_WORDS.search(BODY_AT_END.sub("", to_simplified(line))))


def _headline_after_site_lines(kept: list[str], simple_kept: list[str], n_header: int, site_patterns) -> int | None:
    """The headline's line when a page opens with the site's own lines: its
    name (某某市第一人民医院, 某某学院), bars of links, its sections. The first line
    that could be a headline names no meeting, and a later one below the site's
    lines does, or stands right above the byline (发布时间: …): that one is the
    headline. None when the first such line is the headline."""
    def candidate(i: int) -> bool:
        line, simple = kept[i], simple_kept[i]
        return (len(re.findall(r"[\u3400-\u9fff]", line)) >= 4 and not _labelled_field().match(simple)
                and not META_KEY.search(simple) and not CREDIT_LINE.search(simple) and not _is_link_bar(line)
                and not any(p.search(simple) for p in site_patterns) and not _is_section_name(kept, i, n_header)
                and not re.match(r"[—–\-－~～]", line))  # ——副标题: the headline's second line

    first = next((i for i in range(n_header) if candidate(i)), None)
    if first is None or _reports_a_meeting(kept[first]):
        return None
    for i in range(first + 1, n_header):
        if candidate(i) and (_reports_a_meeting(kept[i])
                             or (i + 1 < len(kept) and _published_from(simple_kept, i + 1, title_seen=True))):
            return i
    return None


def _published_from(lines: list[str], i: int, title_seen: bool = False) -> re.Match | None:
    """The publication date on meta line i (Simplified), if the line states one."""
    line = lines[i]
    keys = list(META_KEY.finditer(line))
    for k, key in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(line)
        value = DATE_VALUE.search(line, key.end(), end)
        name = key.group(1)
        if not value and name in PUBLISHED_KEYS:
            value = ROC_DATE_VALUE.match(line, key.end(), end)  # 發布日期:113-03-20 on a Taiwan page
        if not value:
            continue
        if name in PUBLISHED_KEYS:
            return value
        if name in AMBIGUOUS_DATE_KEYS:
            # 日期: heading a form of minutes (日期: … / 地点: …) is the meeting's, unless the
            # line holds the byline's other fields (时间:2016-03-14 作者:某某 来源:某某网)
            if len(keys) > 1 or not (i + 1 < len(lines) and FORM_FIELD_AFTER_DATE.match(lines[i + 1])):
                return value
    # a date with its clock time on a line of source/author fields: 来源: 某某 2021-09-15 09:10:51 责编: 某某,
    # or a date of its own between the fields' spaces: 来源:某某办公室  2024-08-30  【打印】
    if keys:
        stamped = next((m for m in DATE_VALUE.finditer(line) if m.group(4)), None)
        if stamped:
            return stamped
        spaced = next((m for m in DATE_VALUE.finditer(line) if m.start() > 0 and line[m.start() - 1].isspace()
                       and not META_KEY.search(line[max(0, m.start() - 8):m.start()])), None)
        if spaced:
            return spaced
    # a dateline: the date alone, or first on a line of source/author fields
    m = DATE_VALUE.match(line.strip())
    if m and (not keys or m.end() <= keys[0].start()):
        rest = line.strip()[m.end():]
        if not rest or keys or not re.search(r"[\u3400-\u9fff]{4}", rest) or m.group(4):
            return DATE_VALUE.search(line)  # 2023-09-22 08:33  车站街道  张三: a stamp opens the credits
    # under the headline, a line of credits around a full date: 张三 2025/05/19 187, 某某区人民政府办公室  2024年7月9日;
    # or a stamp with its clock time: 某某政协网 2023-06-16 10:20:11 【字体:大 中 小】
    # (a public account's name may end in a body's: 原创 某某花园业委会 2024-03-18 19:20 广东)
    if title_seen and not keys and (not any(map(_reports_a_meeting, line.split())) or READ_COUNT.search(line)):
        m = DATE_VALUE.search(line)
        if m and m.group(4) and m.group(6):
            return m
        if m and not re.search("[:：]", line[:m.start()] + line[m.end():]) and all(
                len(w) <= 12 for w in re.findall(r"[\u3400-\u9fff、]+", line[:m.start()] + " " + line[m.end():])):
            return m
    return None


def clean_page(page: Page, raw_text: str, title_hint: str | None = None,
               published_hint: str | None = None) -> Page:
    """Fill page.text, title, published and bylines from the decoded text."""
    heading, line_patterns, inline_patterns, inline_words, site_patterns = _boilerplate()
    normalized = normalize_text(raw_text)
    lines = normalized.split("\n")
    if not inline_words.search(normalized):
        inline_patterns = ()  # none can match; each line is already stripped (normalize_text)

    kept: list[str] = []
    body_seen = False  # a line of sentences kept: the report has begun
    for line, simple in zip(lines, simplified_lines(lines)):  # one set of patterns for both scripts
        if heading.match(simple):
            if any("。" in k for k in kept):
                break  # a list of other articles after the report: nothing after it is the report
            continue  # 热门文章 in the page's top bar, before the report
        if line_patterns.match(simple) or is_seo_line(simple):
            continue
        for p in inline_patterns:
            line = p.sub("", line).strip()
        if line and not body_seen and _is_link_bar(simple) and not (kept and _is_label(kept[-1], colon_ok=True)):
            continue  # the site's bars of links and menus above the report (not the names under 参会人员)
        if line:
            kept.append(line)
            body_seen = body_seen or bool(SENTENCE_END.search(line))
    kept = _split_run_together_fields(_join_label_lines(kept))

    # header: the leading short lines before the first paragraph of the body
    n_header = 0
    while n_header < len(kept) and n_header < 8 and (
            _is_header_line(kept[n_header]) or any(p.search(to_simplified(kept[n_header])) for p in site_patterns)):
        # (a site's bar of links may end in 欢迎访问某某网!)
        if FORM_FIELD.match(kept[n_header]) and n_header > 0:
            break
        n_header += 1
    if n_header == len(kept):
        n_header = min(n_header, 1)  # a page of short lines: only its first can be a headline

    title = None
    published = None
    header_lines: list[tuple[int, str, str]] = []  # (index, kind, line)
    # keys and labels are matched on the Simplified form: 發布時間 is 发布时间
    simple_kept = [to_simplified(line) for line in kept[:n_header + 1]]
    headline_at = _headline_after_site_lines(kept, simple_kept, n_header, site_patterns)
    for i in range(n_header):
        line, simple = kept[i], simple_kept[i]
        if headline_at is not None and i < headline_at and not _published_from(simple_kept, i, title_seen=False):
            header_lines.append((i, "site", line))  # the site's name and its bars, above the headline
            continue
        m = _published_from(simple_kept, i, title_seen=title is not None)
        if m and (published is None or _iso(m) == published):  # (the page may repeat its date line)
            published = _iso(m)
            header_lines.append((i, "meta", line))
            continue
        key = META_KEY.match(simple)
        if key and key.group(1) in AMBIGUOUS_DATE_KEYS:
            break  # the date of the meeting itself, heading a form of minutes
        if key or CREDIT_LINE.search(simple) or NUMERIC_FIELDS.search(simple) or ANNOUNCEMENT_KEYS.search(simple) \
                or ISSUE_NUMBER.match(simple):
            header_lines.append((i, "meta", line))
            continue
        if header_lines and header_lines[-1][0] == i - 1 and header_lines[-1][1] == "meta" \
                and header_lines[-1][2].endswith((":", "：")):
            header_lines.append((i, "meta", line))  # the value of "责编:" on its own line
            continue
        if _is_link_bar(line) or title is None and (i < n_header - 1 or URL_IN_LINE.search(line)) and (
                any(p.search(simple) for p in site_patterns) or len(re.findall(r"[\u3400-\u9fff]", line)) < 4):
            header_lines.append((i, "site", line))  # site name, contact lines, 搜索 …: before the headline
            continue
        if title is not None and _without_site_suffix(line) == title:
            header_lines.append((i, "title", line))  # the headline again, as the page repeats it
            continue
        if title is None and i < n_header - 2 and LATIN_LINE.match(kept[i + 1]):
            header_lines.append((i, "site", line))  # 北一女中家长会 over Welcome To …: the site's name in two scripts
            continue
        if title is None and _is_section_name(kept, i, n_header):
            header_lines.append((i, "site", line))  # 学校要闻, 工作动态: the section, the headline follows
            continue
        if title is None and len(re.findall(r"[\u3400-\u9fff]", line)) >= 4 and not _labelled_field().match(simple):
            title = WIRE_HEADLINE.sub("", _without_site_suffix(line))  # 中新社某地12月20日电 题:…: the headline after 题:
            header_lines.append((i, "title", line))
            continue
        break
    # The body starts after the last header line we could explain.
    body_from = max((i for i, _, _ in header_lines), default=-1) + 1
    if title is None and title_hint:
        title = normalize_text(title_hint) or None
    if published is None and published_hint:
        m = DATE_VALUE.search(unicodedata.normalize("NFKC", str(published_hint)))
        if m:
            published = _iso(m)

    text = "\n".join(kept)
    offsets, pos = [], 0
    for line in kept:
        offsets.append(pos)
        pos += len(line) + 1
    page.text = text
    page.body_start = offsets[body_from] if body_from < len(kept) else len(text)
    signed = _sign_off(kept, body_from)
    if signed and published is None:
        first_line, published = signed
        page.body_end = offsets[first_line]
        if title is None and first_line < len(kept) - 1 and HEADLINE_VERB.search(to_simplified(kept[first_line])):
            title = kept[first_line]  # 公司召开安全工作会议\n2018-02-11: the headline and date close the page
    page.title = title
    page.published = published
    page.bylines = [(kept[i], offsets[i], offsets[i] + len(kept[i]))
                    for i, kind, _ in header_lines if kind == "meta"]
    if not text[page.body_start:].strip():
        page.status, page.error = "empty", "no report text left after removing page furniture"
    return page


# ---------------------------------------------------------------- reading files

MAX_PAGE_CHARS = 1_000_000   # spaCy's max_length: a longer page is rejected with its length


def doc_id_for(path: Path, root: Path) -> str:
    """The path relative to root without its extension; when another input
    file in the same folder has the same path without extension (a.txt beside
    a.html), each keeps its extension, so ids never collide."""
    path = Path(path)
    rel = path.relative_to(root) if path != root else Path(path.name)
    try:
        ids = _listed_folder_ids(str(path.parent), os.stat(path.parent).st_mtime_ns, rel.parent.as_posix())
    except OSError:
        ids = folder_doc_ids(rel.parent, [path.name])
    return ids.get(path.name, _without_extension(rel))


@lru_cache(maxsize=16)
def _listed_folder_ids(folder: str, mtime_ns: int, rel_folder: str) -> dict[str, str]:
    """folder_doc_ids of a folder as listed now: asked for each of its files,
    it is listed once (while its modification time stays), not once a file."""
    return folder_doc_ids(Path(rel_folder), [n for n in os.listdir(folder) if not n.startswith(".")])


def _without_extension(rel: Path) -> str:
    return rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix()


def folder_doc_ids(rel_folder: Path, names) -> dict[str, str]:
    """name -> doc_id for the input files of one folder (see doc_id_for)."""
    stems: dict[str, list[str]] = {}
    for name in names:
        stems.setdefault(_without_extension(rel_folder / name), []).append(name)
    ids = {}
    for stem, group in stems.items():
        for name in group:
            ids[name] = stem if len(group) == 1 else (rel_folder / name).as_posix()
    return ids


def iter_inputs(root: Path, exclude=()) -> Iterator[tuple[Path, str]]:
    """(path, doc_id) of every input under root in a stable order, hidden
    files and folders skipped, folders in `exclude` (the output folder) left
    out; streams folder by folder, so a corpus of millions is no list. A
    folder that cannot be listed is yielded itself, to become an error row."""
    root = Path(root)
    if not root.is_dir():
        yield root, _without_extension(Path(root.name))
        return
    skip = {Path(p).resolve() for p in exclude}
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        while unreadable:
            failed = Path(unreadable.pop(0).filename)
            yield failed, failed.relative_to(root).as_posix()
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(folder) / d).resolve() not in skip)
        names = sorted(n for n in files if not n.startswith("."))
        ids = folder_doc_ids(Path(folder).relative_to(root), names)
        for name in names:
            yield Path(folder) / name, ids[name]
    for error in unreadable:  # the root itself
        yield Path(error.filename), Path(error.filename).name


def iter_input_files(root: Path, exclude=()) -> Iterator[Path]:
    """Every input file under root (see iter_inputs)."""
    for path, _ in iter_inputs(root, exclude):
        yield path


def special_file_kind(path: Path) -> str | None:
    """'a named pipe', 'a folder' …: what a path is when it is no regular
    file, which must never be opened (a FIFO blocks the reader for ever)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it will give the reason
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a regular file"


def _first(record: dict, keys) -> str | None:
    for k in keys:
        v = record.get(k)
        if v not in (None, ""):
            return str(v)
    return None


def read_pages(path: Path, root: Path, doc_id: str | None = None,
               max_chars: int = MAX_PAGE_CHARS) -> Iterator[Page]:
    """All pages stored in one input file (a .jsonl file holds many). Never
    raises: whatever goes wrong with a file (a parser's assertion, JSON nested
    past the recursion limit) becomes an error page naming it."""
    path, root = Path(path), Path(root)
    base_id = doc_id or doc_id_for(path, root if root.is_dir() else path.parent)
    n = 0
    try:
        for page in _read_pages(path, base_id):
            if page.status == "ok" and len(page.text) > max_chars:
                page.status, page.error = "error", (
                    f"page too long: {len(page.text):,} characters after cleaning, over the limit of "
                    f"{max_chars:,} (--max-page-chars); not cut, not processed")
            n += 1
            yield page
    except Exception as exc:  # noqa: BLE001  one malformed file must not stop a corpus run
        yield Page(base_id if n == 0 else f"{base_id}#error", str(path), status="error",
                   source_format=path.suffix.lstrip(".").lower() or "txt",
                   error=f"cannot parse {path.name}: {type(exc).__name__}: {exc}"[:2000],
                   traceback=traceback.format_exc())


def _read_pages(path: Path, base_id: str) -> Iterator[Page]:
    suffix = path.suffix.lower()
    fmt = ("html" if suffix in HTML_SUFFIXES else "json" if suffix in JSON_SUFFIXES else "txt")
    kind = special_file_kind(path)
    if kind == "a folder":
        try:
            os.listdir(path)
            reason = "is a folder"
        except OSError as exc:
            reason = f"is a folder that cannot be listed: {exc.strerror}"
        yield Page(base_id, str(path), source_format="folder", status="error",
                   error=f"cannot read {path.name}: {reason}; its pages are not in the tables")
        return
    if kind:
        yield Page(base_id, str(path), source_format=fmt, status="error",
                   error=f"cannot read {path.name}: it is {kind}, not a file")
        return
    if suffix and suffix not in SUPPORTED_SUFFIXES and not re.fullmatch(r"\.\d+", suffix):
        yield Page(base_id, str(path), source_format=suffix.lstrip("."), status="error",
                   error=f"unsupported file type {suffix} (read: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        return
    try:
        data = path.read_bytes()
        raw, encoding = decode_bytes(data)
    except (OSError, UndecodableError) as exc:
        yield Page(base_id, str(path), source_format=fmt, status="error",
                   error=f"cannot read {path.name}: {exc}")
        return
    if "\x00" in raw[:4096] and not encoding.startswith("utf-16"):
        yield Page(base_id, str(path), source_format=fmt, encoding=encoding, status="error",
                   error=f"{path.name} is a binary file, not a page")
        return

    if fmt == "json":
        yield from _json_pages(path, base_id, raw, encoding)
        return
    page = Page(base_id, str(path), source_format=fmt, encoding=encoding)
    title_hint = published_hint = None
    if fmt == "html" or (fmt == "txt" and re.match(r"\s*(<!doctype html|<html)", raw[:200], re.I)):
        try:
            raw, title_hint, published_hint = html_to_text(raw)
        except Exception as exc:  # html.parser asserts on some declarations (<![foo]>)
            page.status, page.error = "error", f"malformed HTML in {path.name}: {type(exc).__name__}: {exc}"
            page.traceback = traceback.format_exc()
            yield page
            return
    yield _clean_safely(page, raw, title_hint, published_hint)


def _clean_safely(page: Page, raw: str, title_hint=None, published_hint=None) -> Page:
    try:
        return clean_page(page, raw, title_hint, published_hint)
    except Exception as exc:  # a malformed page must not stop a corpus run
        page.status, page.error = "error", f"cleaning failed: {type(exc).__name__}: {exc}"
        page.traceback = traceback.format_exc()
        return page


def _json_pages(path: Path, base_id: str, raw: str, encoding: str) -> Iterator[Page]:
    records: list[tuple[str, object]] = []
    stripped = raw.lstrip()
    if path.suffix.lower() in (".jsonl", ".ndjson") or (stripped and stripped[0] == "{" and "\n{" in stripped):
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                records.append((f"{base_id}#{n}", line))
    else:
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Page(base_id, str(path), source_format="json", encoding=encoding, status="error",
                       error=f"invalid JSON in {path.name}: {_json_problem(exc)}")
            return
        items = obj if isinstance(obj, list) else [obj]
        records = [(base_id if len(items) == 1 else f"{base_id}#{n}", item)
                   for n, item in enumerate(items, 1)]
    if not records:  # every input gets a row, an empty export too
        yield Page(base_id, str(path), source_format="json", encoding=encoding, status="empty",
                   error=f"{path.name} holds no record")
        return
    seen: dict[str, str] = {}  # doc_id -> its text
    for n, (doc_id, item) in enumerate(records, 1):
        try:
            page = _json_record_page(path, base_id, doc_id, item, encoding)
        except Exception as exc:  # noqa: BLE001  one bad record, not the whole export
            page = Page(doc_id, str(path), source_format="json", encoding=encoding, status="error",
                        error=f"cannot parse a record of {path.name}: {type(exc).__name__}: {exc}"[:2000],
                        traceback=traceback.format_exc())
        # one id for two texts: the later record adds its place in the file; the same record
        # sent twice keeps its id, and the tables keep it once
        while page.doc_id in seen and seen[page.doc_id] != page.text:
            page.doc_id = f"{page.doc_id}@{n}"
        seen[page.doc_id] = page.text
        yield page


def _json_problem(exc: Exception) -> str:
    return "nested too deeply to read" if isinstance(exc, RecursionError) else str(exc)


def _json_record_page(path: Path, base_id: str, doc_id: str, item, encoding: str) -> Page:
    if isinstance(item, str):
        try:
            item = json.loads(item)
        except (json.JSONDecodeError, RecursionError) as exc:
            return Page(doc_id, str(path), source_format="json", encoding=encoding,
                        status="error", error=f"invalid JSON record: {_json_problem(exc)}")
    if not isinstance(item, dict):
        return Page(doc_id, str(path), source_format="json", encoding=encoding,
                    status="error", error="JSON record is not an object")
    rid = _first(item, JSON_ID_KEYS)
    if rid and doc_id != base_id:
        doc_id = f"{base_id}#{rid}"
    text = _first(item, JSON_TEXT_KEYS)
    page = Page(doc_id, str(path), source_format="json", encoding=encoding,
                url=_first(item, JSON_URL_KEYS))
    if text is None:
        page.status, page.error = "error", f"record has no text field (looked for {', '.join(JSON_TEXT_KEYS)})"
        return page
    title_hint, published_hint = _first(item, JSON_TITLE_KEYS), _first(item, JSON_DATE_KEYS)
    if re.search(r"<(p|div|br|html|body)\b", text[:2000], re.I):
        text, h, d = html_to_text(text)
        title_hint, published_hint = title_hint or h, published_hint or d
    page = _clean_safely(page, text, title_hint, published_hint)
    explicit_title = _first(item, JSON_TITLE_KEYS)
    if explicit_title and page.status != "error":
        page.title = normalize_text(explicit_title) or page.title  # the export's own field wins
    return page
