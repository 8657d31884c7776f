"""Temporal expressions -> TIMEX3-style values (no spaCy in here).

`find_timexes(text, published, segments)` finds every calendar expression in
NFKC-normalized Simplified text and resolves it:
  2月28日上午        -> 2023-02-28TMO   (year by the anchoring rule)
  xx年6月13日至16日  -> XXXX-06-13/XXXX-06-16
  8月28日上午8点     -> XXXX-08-28T08:00
  2009年12月份       -> 2009-12
  上月 (published 2025-08-04) -> 2025-07;  今年 without a published date -> REL
Anchoring rule (ANNOTATION.md): a date without a year takes the nearest year
written before it in the same segment (meeting); else the latest year that
does not put it after the published date; else XXXX. The words (parts of
day, relative words, weekdays) are data in models/lexicons/timex.json.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json
from .numerals import cn_to_int

CN = "零〇○一二两三四五六七八九十"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    year: int | None
    has_day: bool
    date: str | None
    date_end: str | None
    time_of_day: str | None


def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _lexicon():
    return load_json("timex.json")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    lx = _lexicon()
    # 民国110年, 102年度: the Republic of China's years (Taiwan pages), kept only where the page uses them
    # named blocks, each written once: a day and a month in digits or Chinese numerals
    day_digits = r"3[01]|[12]\d|0?[1-9]"                                  # 1 … 31
    day_cn = r"三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"        # 一 … 三十一
    month_digits = r"1[0-2]|0?[1-9]"                                    # 1 … 12
    month_any = rf"{month_digits}|十[一二]?|[一二三四五六七八九]"            # 1 … 12, 一 … 十二
    # a space may stand between a number and its unit (98 年 2 月 13 日: pages converted from PDF or forms)
    sp = r"[ \t]?"
    # 97学年度, 本(98)年度: school years and fiscal years count as years
    # 九十四年十一月, 一百零二年度: a year of the Republic of China in Chinese numerals (20 … 129)
    roc_cn = r"一百(?:零[一二三四五六七八九]|[一二]?十[一二三四五六七八九]?)?|[二三四五六七八九]十[一二三四五六七八九]?"
    year = (rf"(?P<rocpre>民国)?(?:(?P<year>(?:19|20)\d{{2}}|[{CN}]{{4}}|20[xX]{{2}}|[xX]{{2,4}})"
            rf"|[(（]?(?P<rocy>[1-9]\d{{1,2}})[)）]?|(?P<rocycn>{roc_cn}))"
            rf"{sp}学?年(?P<fy>度)?")
    # 6至8月, 1-10月: a range of months
    month = (rf"{sp}(?P<month>{month_any})(?:(?:{_alt(lx['range_connectors'])})(?P<monthr>{month_any}))?"
             rf"{sp}月(?P<fm>份)?(?:{_alt(lx['month_parts'])})?")  # 6月底, 3月上旬: the month
    # 3月20 at a line's end or before a part of day: the day without its unit, as notes write it
    day = (rf"{sp}(?P<day>{day_digits}|{day_cn})"
           rf"(?:{sp}[日号]|(?=[ \t]*(?:\n|$|{_alt(lx['part_of_day'])})))")
    # (周二), 星期三; a note before the part of day: 9月10日(教师节)上午
    weekday = (r"(?:[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?"
               rf"|[(（][\u3400-\u9fff]{{1,6}}[)）](?={sp}(?:{_alt(lx['part_of_day'])})))?")
    tod = rf"(?:{sp}(?P<tod>{_alt(lx['part_of_day'])}))?"
    clock = (rf"{sp}(?P<hour>[01]?\d|2[0-4]|[{CN}]{{1,3}})"
             rf"(?:[:：](?P<minute>[0-5]\d)|{sp}[点时](?:{sp}(?P<minute2>[0-5]?\d|[{CN}]{{1,3}}){sp}分|(?P<half>半)|(?P<quarter>一刻)|整)?)许?")  # 9时许
    range_end = (rf"(?:(?:{_alt(lx['range_connectors'])})"
                 rf"(?:(?P<year2>(?:19|20)\d{{2}})年)?(?:(?P<month2>{month_any})月)?"
                 rf"(?P<day2>{day_digits}|{day_cn})[日号])?")
    numeric = (rf"(?P<ny>(?:19|20)\d{{2}})(?P<sep>[-/.])(?P<nm>{month_digits})(?P=sep)(?P<nd>{day_digits})(?!\d)日?"
               r"(?:\s*(?P<nh>[01]?\d|2[0-3]):(?P<nmin>[0-5]\d)(?::[0-5]\d)?)?")
    relative = (rf"(?P<rel>{_alt(list(lx['relative_days']) + list(lx['relative_months']) + list(lx['relative_years']))})"
                rf"(?:(?P<reltod>{_alt(lx['part_of_day'])})(?P<rlclk>{clock.replace('?P<', '?P<rl')})?)?")
    # 今(15)日上午10时, 昨(14)日: a relative day with its day of the month in brackets, as Taiwan's news write it
    rel_paren = (rf"(?P<relp>[今昨明])[(（](?P<relpd>{day_digits})[)）](?P<relpu>[日天])"
                 rf"(?:(?P<relptod>{_alt(lx['part_of_day'])})(?P<rpclk>{clock.replace('?P<', '?P<rp')})?)?")
    # 本周四下午3:00: a weekday of a week named relative to the page's date, with its part of day and clock
    rel_week = (rf"(?P<relweek>{_alt(lx['relative_weeks'])})(?P<wd>[一二三四五六日天])"
                rf"(?:(?P<rwtod>{_alt(lx['part_of_day'])})(?P<rwclk>{clock.replace('?P<', '?P<rw')})?)?")
    # 今年9月, 去年6月15日, 今年的12月份: a month (and day) of a year named relative to the page's date
    rel_year_month = (rf"(?P<rely>{_alt(lx['relative_years'])})的?{sp}(?P<rym>{month_any}){sp}月(?:份)?"
                      rf"(?:{sp}(?P<ryd>{day_digits}|{day_cn}){sp}[日号])?(?P<rytod>{_alt(lx['part_of_day'])})?")
    # 本月28日, 下月5号上午: a day of a month named relative to the page's date
    rel_month_day = (rf"(?P<relm>{_alt(lx['relative_months'])}){sp}(?P<relmd>{day_digits}|{day_cn}){sp}[日号]"
                     rf"(?:(?P<relmtod>{_alt(lx['part_of_day'])})(?P<rmclk>{clock.replace('?P<', '?P<rm')})?)?")
    calendar = (rf"(?<![\d.])(?=(?:民国)?[(（]?[\dxX{CN}百]{{1,5}}(?:(?:{_alt(lx['range_connectors'])})[\d{CN}]{{1,2}})?[)）]?{sp}学?[年月])"
                rf"(?:{year})?(?:{month}(?:{day})?)?{weekday}"
                rf"{tod}(?P<clk>{clock})?{range_end}")
    clock_only = rf"(?P<tod3>{_alt(lx['part_of_day'])})(?P<clock3>{clock.replace('?P<', '?P<c3')})"
    colon_clock = r"(?<![\d:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?![\d:])"
    # 8点30分, 九时三十分: an hour with its minutes is a clock time without a part of day (a bare 8点 may
    # count points: 提出8点要求)
    hour_minute = (rf"(?<![\d.:{CN}])(?P<hmh>[01]?\d|2[0-3]|[{CN}]{{1,3}}){sp}[点时]{sp}"
                   rf"(?P<hmm>[0-5]?\d|[{CN}]{{1,3}}){sp}分")
    # 12日上午, 1日-7日: a day whose month the text gave before (a range needs no follower)
    day_only = (rf"(?:(?<=^)|(?<=[\n,，:：。；;、(（\s]))(?P<dayonly>{day_digits})日"
                rf"(?:(?:{_alt(lx['range_connectors'])})(?P<dayonly_end>{day_digits})日|(?=[,，)）\s上下晚早中]))"
                # 11月28日、29日、三十日: the next days of a list of days
                rf"|(?<=[日号]、)(?P<listday>{day_digits}|{day_cn})[日号]")
    # 325傍晚, 512日: a month and day whose 月 the page lost (scraped markup), read only where
    # the digits split into a month and a day one way alone (127 could be 1/27 or 12/7: left)
    glued = (rf"(?:(?<=^)|(?<=[\n,，。；;\s年于在]))(?P<glued>3[2-9]|[4-9]\d|[1-9]\d{{2,3}})"
             rf"(?:日(?P<gtod>{_alt(lx['part_of_day'])})?|(?P<gtod2>{_alt(lx['part_of_day'])}))")
    # 113/05/06, 94.11.30: a numeric date of the Republic of China's calendar (Taiwan pages only)
    roc_numeric = (rf"(?<![\d./-])(?P<rny>1[01]\d|[89]\d)(?P<rsep>[-/.])(?P<rnm>{month_digits})(?P=rsep)"
                   rf"(?P<rnd>{day_digits})(?![\d.])")
    # 20191128日: a date written as one number, closed by 日
    compact = r"(?<![\d.])(?P<cy>(?:19|20)\d{2})(?P<cmo>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])日"
    # 今日(5/29): a month and day in brackets, as Taiwan pages note them
    bracket_md = rf"(?<=[(（])(?P<bm>{month_digits})/(?P<bd>{day_digits})(?=[)）])"
    # 主席会议12日下午在北京举行: a bare day before a part of day, wherever it stands
    day_tod = (rf"(?<![\d第.{CN}廿卅])(?P<dayonly2>{day_digits}|{day_cn}|[廿卅][一二三四五六七八九]?)"
               rf"日(?P<dtod>{_alt(lx['part_of_day'])})")

    # 县政府12日召开, 于12日在县城举行: a day without its month, after a name or 于, before the meeting's verb
    day_held = (rf"(?<![\d第.{CN}廿卅])(?P<dayheld>{day_digits}|{day_cn})日(?={_alt(lx['day_followers'])})"
                rf"|(?<=于)(?P<dayat>{day_digits}|{day_cn})日")
    # 东组通〔2019〕12号: the year of a document's number
    doc_number_year = r"(?<=[〔\[【])(?P<docyear>(?:19|20)\d{2})(?=[〕\]】]\s*\d{1,4}\s*号)"
    # 2019上半年, 2019工作规划: a year written without 年 before a half-year or a plan word
    bare_year = (r"(?<![\dA-Za-z.])(?P<byear>(?:19|20)\d{2})(?=(?:上|下)?半年|(?:"
                 + _alt(lx["bare_year_followers"]) + "))")
    # 97 下半年度: a year of the Republic of China before a half-year
    roc_half = r"(?<![\d.])(?P<rochalf>[1-9]\d{1,2})[ \t]?[上下]半年度?"
    # one cheap look at the first character rejects most positions at once
    first = rf"(?=[\dxX{CN}民(（廿卅{''.join(sorted({w[0] for w in _relative_words(lx)}))}])"
    return re.compile(first + "(?:" + "|".join([
        numeric, roc_numeric, compact, glued, bracket_md, doc_number_year, bare_year, roc_half, day_tod, day_only, day_held, colon_clock, hour_minute, f"(?P<cal>{calendar})", rel_week, rel_year_month, rel_month_day, rel_paren, relative, clock_only])
        + ")")


def _relative_words(lx) -> list[str]:
    return (list(lx["relative_days"]) + list(lx["relative_months"]) + list(lx["relative_years"])
            + list(lx["relative_weeks"]) + list(lx["part_of_day"]))


def _num(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return cn_to_int(s)
    except ValueError:
        return None


def _tod_code(word: str | None) -> str | None:
    return _lexicon()["part_of_day"].get(word) if word else None


def _hour_minute(g: dict, prefix: str = "") -> tuple[int | None, int]:
    """Hour and minute of a clock block's groups (3点半, 9:30, 十点一刻), the block's names prefixed."""
    minute = _num(g.get(prefix + "minute") or g.get(prefix + "minute2"))
    return _num(g.get(prefix + "hour")), minute or (30 if g.get(prefix + "half") else 15 if g.get(prefix + "quarter") else 0)


def _clock(tod: str | None, hour: int | None, minute: int) -> str | None:
    if hour is None:
        return None
    if tod in _lexicon()["pm_words"] and 1 <= hour < 12:
        hour += 12
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _resolve_year(month: int | None, day: int | None, context, published: dt.date | None):
    """The anchoring rule: context year, else published, else unknown."""
    if context is not None:
        return context
    if published is not None and month is not None:
        d = day or 1
        return published.year if (month, d) <= (published.month, published.day) else published.year - 1
    return None


def _fmt(year, month=None, day=None) -> str:
    y = "XXXX" if year in (None, "XXXX") else f"{int(year):04d}"
    out = y
    if month is not None or day is not None:
        out += "-" + (f"{month:02d}" if month is not None else "XX")
    if day is not None:
        out += f"-{day:02d}"
    return out


class _Parse:
    """The fields of one match, before anchoring."""

    def __init__(self, m: re.Match):
        g = m.groupdict()
        self.m = m
        self.kind = "cal"
        self.year = self.month = self.day = None
        self.year_anon = False
        self.year_end = self.month_end = self.day_end = None
        self.tod = None
        self.clock = None
        self.clock_text = None
        self.rel = None
        self.roc = None  # a year of the Republic of China: "explicit" (民国110年) or "bare" (110年)
        self.valid = True
        if g.get("ny"):
            self.year, self.month, self.day = int(g["ny"]), int(g["nm"]), int(g["nd"])
            if g.get("nh"):
                self.clock = f"{int(g['nh']):02d}:{g['nmin']}"
                self.clock_text = f"{g['nh']}:{g['nmin']}"
        elif g.get("rny"):
            self.roc = "bare"
            self.year, self.month, self.day = int(g["rny"]) + 1911, int(g["rnm"]), int(g["rnd"])
        elif g.get("glued"):
            split = _glued_month_day(g["glued"])
            self.valid = split is not None
            self.month, self.day = split or (None, None)
            self.tod = g.get("gtod") or g.get("gtod2")
        elif g.get("cy"):
            self.year, self.month, self.day = int(g["cy"]), int(g["cmo"]), int(g["cd"])
        elif g.get("bm"):
            self.month, self.day = int(g["bm"]), int(g["bd"])
        elif g.get("cal"):
            yr = g.get("year")
            if g.get("rocy") or g.get("rocycn"):
                self.roc = "explicit" if g.get("rocpre") else "bare"
                yr = g.get("rocy") or g["rocycn"]
                self.year = _num(yr) + 1911
                if g.get("rocycn") and not (g.get("month") or g.get("fy")):
                    self.valid = False  # 二十年: a duration in words unless a month or 度 follows
            elif yr:
                if "x" in yr.lower():
                    self.year_anon = True
                else:
                    self.year = _num(yr)
            self.month, self.day = _num(g.get("month")), _num(g.get("day"))
            if g.get("monthr"):
                self.month_end = _num(g["monthr"])  # 6至8月
                if self.day is not None or self.month_end is None or self.month is None or self.month_end <= self.month:
                    self.valid = False  # 6至8月5日, 8至6月: no range of months
            self.tod = g.get("tod")
            hour, minute = _hour_minute(g)
            if hour is not None and not g.get("tod") and self.day is None:
                self.valid = False  # 3点要求: a count, not a time
            self.clock = _clock(self.tod, hour, minute) if hour is not None else None
            if self.clock is not None:
                tod_start = m.start("tod") if g.get("tod") else m.start("clk")
                self.clock_text = m.string[tod_start:m.end("clk")]
            if g.get("day2"):
                self.year_end = _num(g.get("year2"))
                self.month_end = _num(g.get("month2"))
                self.day_end = _num(g.get("day2"))
                if self.day is None:
                    self.valid = False
            if not (yr or self.month or self.day):
                self.valid = False
            if yr and not (self.month or self.day) and re.match(r"[xX]{4}$", yr) is None and self.year is None and not self.year_anon:
                self.valid = False
        elif g.get("relweek"):
            self.kind = "relweek"
            self.rel = (g["relweek"], g["wd"])
            self.tod = g.get("rwtod")
            if g.get("rwclk"):
                self.clock = _clock(self.tod, *_hour_minute(g, "rw"))
        elif g.get("rely") and g.get("rym"):
            self.kind = "rel"
            self.rel = g["rely"]
            self.month, self.day = _num(g["rym"]), _num(g.get("ryd"))
            self.tod = g.get("rytod")
        elif g.get("relm"):
            self.kind = "rel"
            self.rel = g["relm"]
            self.day = _num(g["relmd"])
            self.tod = g.get("relmtod")
            if g.get("rmclk"):
                self.clock = _clock(self.tod, *_hour_minute(g, "rm"))
        elif g.get("relp"):
            self.kind = "rel"
            self.rel = g["relp"] + g["relpu"]  # 今(15)日 is 今日
            self.tod = g.get("relptod")
            if g.get("rpclk"):
                self.clock = _clock(self.tod, *_hour_minute(g, "rp"))
        elif g.get("rel"):
            self.kind = "rel"
            self.rel = g["rel"]
            self.tod = g.get("reltod")
            if g.get("rlclk"):
                self.clock = _clock(self.tod, *_hour_minute(g, "rl"))
        elif g.get("tod3"):
            self.kind = "clock"
            self.tod = g["tod3"]
            self.clock = _clock(self.tod, *_hour_minute(g, "c3"))
            self.clock_text = m.group(0)
            self.valid = self.clock is not None
        elif g.get("hh"):
            self.kind = "clock"
            self.clock = _clock(None, int(g["hh"]), int(g["mm"]))
            self.clock_text = m.group(0)
        elif g.get("hmh"):
            self.kind = "clock"
            hour, minute = _num(g["hmh"]), _num(g["hmm"])
            self.clock = _clock(None, hour, minute) if minute is not None else None
            self.clock_text = m.group(0)
            self.valid = self.clock is not None
        elif g.get("dayonly") or g.get("dayonly2") or g.get("listday") or g.get("dayheld") or g.get("dayat"):
            self.kind = "day"
            self.day = _num(g.get("dayonly") or g.get("dayonly2") or g.get("listday") or g.get("dayheld") or g["dayat"])
            self.tod = g.get("dtod")
            if g.get("dayonly_end"):
                self.day_end = int(g["dayonly_end"])
        elif g.get("rochalf"):
            self.roc = "bare"
            self.year = int(g["rochalf"]) + 1911
        elif g.get("byear") or g.get("docyear"):
            self.year = int(g.get("byear") or g["docyear"])
        if self.kind in ("rel", "relweek") and self.tod:  # 今天上午, 本周四下午3:00: the part of day as written
            tod_group = next(k for k in ("rwtod", "relmtod", "relptod", "rytod", "reltod") if g.get(k))
            self.clock_text = m.string[m.start(tod_group):m.end()]
        if self.month is not None and not 1 <= self.month <= 12:
            self.valid = False
        if self.day is not None and not 1 <= self.day <= 31:
            self.valid = False

    @property
    def written_year(self):
        if self.year_anon:
            return "XXXX"
        return self.year


def _glued_month_day(digits: str) -> tuple[int, int] | None:
    """325 -> (3, 25): the one way the digits read as a month and a day, if
    there is exactly one and the number is no day of its own."""
    if int(digits) <= 31:
        return None  # 12日 is the 12th
    splits = [(int(digits[:k]), int(digits[k:])) for k in (1, 2) if k < len(digits)
              and digits[k] != "0"]
    valid = [(m, d) for m, d in splits if 1 <= m <= 12 and 1 <= d <= 31]
    return valid[0] if len(valid) == 1 else None


def _relative_value(p: _Parse, published: dt.date | None) -> tuple[str, str | None]:
    """(value, date) of a relative expression; REL without an anchor."""
    lx = _lexicon()
    if published is None:
        return "REL", None
    if p.kind == "relweek":
        week, wd = p.rel
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=lx["relative_weeks"][week])
        day = monday + dt.timedelta(days=lx["weekdays"][wd])
        at = f"T{p.clock}" if p.clock else f"T{_tod_code(p.tod)}" if p.tod else ""
        return day.isoformat() + at, day.isoformat()
    word = p.rel
    at = f"T{p.clock}" if p.clock else f"T{_tod_code(p.tod)}" if p.tod else ""
    if word in lx["relative_days"]:
        day = published + dt.timedelta(days=lx["relative_days"][word])
        return day.isoformat() + at, day.isoformat()
    if word in lx["relative_months"]:
        k = published.year * 12 + published.month - 1 + lx["relative_months"][word]
        if p.day is None:
            return f"{k // 12:04d}-{k % 12 + 1:02d}", None
        try:
            day = dt.date(k // 12, k % 12 + 1, p.day)
        except ValueError:
            return "REL", None  # 本月31日 of a month of 30 days: no day to name
        return day.isoformat() + at, day.isoformat()
    year = published.year + lx["relative_years"][word]
    if p.month is not None:  # 去年6月, 今年3月5日上午
        if p.day is None:
            return f"{year:04d}-{p.month:02d}", None
        try:
            day = dt.date(year, p.month, p.day)
        except ValueError:
            return "REL", None
        return day.isoformat() + (f"T{_tod_code(p.tod)}" if p.tod else ""), day.isoformat()
    return f"{year:04d}", None


@lru_cache(maxsize=1)
def FIGURATIVE_BEFORE() -> re.Pattern:
    return re.compile(f"(?:{_alt(_lexicon()['figurative_before'])})$")


ROC_DURATION_BEFORE = re.compile(r"(?:满|近|达|逾|超过|共|历时|长达|将近)$")
ROC_DURATION_AFTER = re.compile(r"(?:来|以上|之久|多|余|间|内|的)")


def find_timexes(text: str, published: dt.date | None = None,
                 segments: list[tuple[int, int]] | None = None, roc_calendar: bool = False,
                 headline_year: int | None = None) -> list[Timex]:
    """All temporal expressions in text, in order, values resolved.
    roc_calendar: the page counts years from 1912 (Taiwan), so 102年度 is 2013.
    headline_year: the year the page's headline states, for dates the meeting's
    own text gives without one (before the published date is tried)."""
    segments = segments or [(0, len(text))]
    out: list[Timex] = []
    last_year: dict[int, object] = {k: headline_year for k in range(len(segments))} if headline_year else {}
    last_month = None
    lx_days = _lexicon()["relative_days"]
    for m in _pattern().finditer(text):
        if m.end() == m.start():
            continue
        p = _Parse(m)
        if not p.valid:
            continue
        if p.roc == "bare" and (not roc_calendar or ROC_DURATION_BEFORE.search(text, max(0, m.start() - 3), m.start())
                                or ROC_DURATION_AFTER.match(text, m.end())):
            continue  # 30年: a duration (年资满30年, 30年来), or the page is of the common calendar
        if text.startswith(("电", "讯"), m.end()):
            last_month = p.month or last_month
            continue  # 新华社北京3月12日电, 红网6月16日讯: the dateline is the page's, not a date of the report
        seg = next((k for k, (a, b) in enumerate(segments) if a <= m.start() < b), -1)
        s, e = m.start(), m.end()
        if text[s] in "(（" and not re.search(r"[)）]", text[s:e]):
            s += 1  # (96学年度): the bracket opens a note around the year
        expr = text[s:e]
        if p.kind == "rel" and p.rel in lx_days and FIGURATIVE_BEFORE().search(text, max(0, s - 4), s):
            continue  # 更加美好的明天: the future, not a day
        if p.kind in ("rel", "relweek"):
            value, date = _relative_value(p, published)
            out.append(Timex(s, e, expr, value, None, date is not None, date, None, p.clock_text))
            continue
        if p.kind == "clock":
            out.append(Timex(s, e, expr, f"XXXX-XX-XXT{p.clock}", None, False, None, None, p.clock_text))
            continue
        written = p.written_year
        if written is not None:
            last_year[seg] = written
            year = written
        elif p.month is not None or p.day is not None:
            if p.kind == "day" and p.month is None:
                p.month = last_month  # 12日下午: the month of the date before it
            year = _resolve_year(p.month, p.day, last_year.get(seg), published)
            if year is None and p.month is None and published is not None:
                year = published.year  # a bare day (14日) of a dated page
        else:
            year = None
        last_month = p.month or last_month
        value = _fmt(year, p.month, p.day) if (p.month or p.day) else _fmt(year)
        date = _fmt(year, p.month, p.day) if p.day else None
        date_end = None
        if p.day_end is not None:
            y2 = p.year_end if p.year_end is not None else year
            m2 = p.month_end if p.month_end is not None else p.month
            date_end = _fmt(y2, m2, p.day_end)
            value = f"{value}/{date_end}"
        elif p.month_end is not None:
            value = f"{value}/{_fmt(year, p.month_end)}"  # 2018-06/2018-08
        elif p.clock:
            value = f"{value}T{p.clock}"
        elif p.tod and p.day is not None:
            value = f"{value}T{_tod_code(p.tod)}"
        time_of_day = p.clock_text if p.clock else p.tod
        out.append(Timex(s, e, expr, value, year if isinstance(year, int) else None,
                         p.day is not None, date, date_end, time_of_day))
    return out


def normalize(expr: str, published: dt.date | None = None, context_year=None) -> str:
    """The value of one expression (for tests and one-off use); full-width
    digits are folded here, as ingest folds them for pages."""
    expr = unicodedata.normalize("NFKC", expr)
    prefix = ""
    if context_year is not None:
        prefix = ("XX" if context_year == "XXXX" else str(context_year)) + "年。"
    found = find_timexes(prefix + expr, published)
    found = [t for t in found if t.start >= len(prefix)]
    if not found:
        raise ValueError(f"no temporal expression in {expr!r}")
    return found[0].value
