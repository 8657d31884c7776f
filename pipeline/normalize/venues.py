"""Venues (在一号楼第五会议室召开, 地点: 村委会议室) and the bodies that hold
meetings (区政协召开…, 集团在总部大楼召开…).

Venue words and organization suffixes match as characters (regular
expressions over the text), not over tokens: a venue's edges are set by the
frame around it (在…召开, 地点:), and the segmenters cut the same venue
differently (在村委会议室召开: jieba 村委|会议室, pkuseg 村委会|议室), so a
lexicon over tokens would find 会议室 with one and not the other."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json, vocabulary
from .patterns import LABEL_GAP, trie_pattern

TEMPORAL = re.compile(r"[年月日天周时期下]$|^(?:上|下|本|今|明|去|近|前|后)(?:个|半)?[年月周天]|期间|之际|过程中|基础上|情况下")
CIRCUMSTANCE = re.compile(r"^.*?的(?:带领|领导|陪同|主持|组织|指导|带队)下(?:来到|走进|前往|赴|到)?")
CN = "一二三四五六七八九十〇零"
MONTH_PARTS = trie_pattern(load_json("timex.json")["month_parts"])  # 下旬, 月底
PART_OF_DAY = trie_pattern(w for w in load_json("timex.json")["part_of_day"] if len(w) > 1)  # 上午, 傍晚
# 2023年3月5日上午9时, 四月二十三日下午三时, 11月下旬: a date and time before the place
DATE_LIKE = re.compile(rf"^\s*(?:(?:\d{{2,4}}|[xX]{{2}}|20[xX]{{2}}|[{CN}]{{4}})\s*年\s*)?(?:[\d{CN}]{{1,3}}\s*月(?:{MONTH_PARTS})?\s*)?"
                       rf"(?:(?:\d{{1,2}}\s*[日号]|[{CN}]{{1,3}}\s*日)\s*)?(?:至\d{{1,2}}[日号])?(?:{PART_OF_DAY})?"
                       rf"(?:[\d{CN}]{{1,3}}[:：点时][\d{CN}]{{0,3}}分?正?)?\s*")


@dataclass(frozen=True)
class VenueRules:
    """The venue and organizer finder's windows (its config in config.cfg)."""

    loose_venue_max_chars: int = 6  # 在…召开: a place without a venue word (会议室, 礼堂) is this short at most
    subject_lookback_chars: int = 70  # 区政协召开: how far before 召开 the clause of its subject may begin
    organizer_max_chars: int = 24   # a longer subject is no body's name
    form_venue_max_chars: int = 40  # 地点: 村委会议室: a form's venue field is this long at most
    held_venue_max_chars: int = 30  # 在一号楼第五会议室主持召开: the place between 在 and 召开 is this long at most
    venue_lead_chars: int = 28      # 在县行政中心四楼会议室, …: how much may stand between 在 and the venue word
    manner_gap_chars: int = 24      # 会议室以视频会议形式召开: what may stand between the manner word and 召开
    gathered_venue_lead_chars: int = 24  # 齐聚小会议室: how much may stand between 齐聚 and the venue word


def _alt(words) -> str:
    """Words as alternatives, in the lexicon's order."""
    return "|".join(map(re.escape, words))


def lead_pattern(d: dict) -> str:
    """在|于|假, each lead word but where it ends a word that opens no place (放假, 寒假).
    The test looks back from after the word (假(?<![放寒]假), not (?<![放寒])假), so that every
    choice opens with its word and the engine skips at C speed to where one stands."""
    out = []
    for w in d["lead_words"]:
        before = "".join(x[:-len(w)] for x in d["not_leading"] if x.endswith(w) and len(x) == len(w) + 1)
        out.append(f"{re.escape(w)}(?<![{before}]{re.escape(w)})" if before else re.escape(w))
    return "|".join(out)


@lru_cache(maxsize=None)
def _rules(rules: VenueRules = VenueRules()):
    """The venue patterns, composed from venues.json's words and the windows of `rules`."""
    d = dict(load_json("venues.json"))
    d["held_verbs"] = vocabulary("verbs.json", "held", "place")
    for key in ("held_verbs", "held_adverbs", "gather_words", "manner_words"):
        d[key] = _alt(d[key])
    d["lead_words"] = lead_pattern(d)
    # 会议地点:, 地 点: (tables space a label's characters out)
    d["place_labels"] = "(?:会议)?(?:" + trie_pattern(vocabulary("form_labels.json", "labels", "venue"), LABEL_GAP) + ")"
    words = sorted(d["venue_words"], key=len, reverse=True)
    venue_end = "(?:" + "|".join(map(re.escape, words)) + ")"
    place = r"[^,，。；;、:：\n“”《》()（）]"
    held = d["held_verbs"]
    adverb = "(?:" + d["held_adverbs"] + ")?"
    venue_lead = "{1," + str(rules.venue_lead_chars) + "}?"  # what stands before the venue word
    # the next field: a known label, or any short word and a colon after a space (列席者 : …)
    next_label = (r"\s*(?:" + trie_pattern(vocabulary("form_labels.json", "labels", "field")) + r")\s*[:：]"
                  r"|\s+[\u4e00-\u9fff]{1,6}\s*[:：]")
    patterns = [
        # 地点: 村委会议室
        # (the value stops where the next field's label starts: 地點:多功能廳記錄:邱天)
        re.compile(d["place_labels"] + r"\s*[:：]\s*((?:(?!" + next_label + r")[^\n]){2," + str(rules.form_venue_max_chars) + r"})"),
        # 在一号楼第五会议室主持召开 / 在西安主持召开 / 在四楼会议室顺利召开
        re.compile(r"(?:" + d["lead_words"] + r")(" + place + "{2," + str(rules.held_venue_max_chars) + "}?)" + adverb + r"(?:" + held + ")"),
        # 在“周茜工作室”召开: a named room in quotes, the quotes left out
        re.compile(r"(?:" + d["lead_words"] + r")[“\"](" + place + venue_lead + venue_end + r")[”\"]" + adverb
                   + r"(?:" + held + ")"),
        # 在县行政中心四楼会议室以视频会议形式召开
        re.compile(r"(?:" + d["lead_words"] + r")(" + place + venue_lead + venue_end + r")(?:" + d["manner_words"]
                   + r")[^,，。；;\n]{0," + str(rules.manner_gap_chars) + "}?(?:" + held + ")"),
        # 在办公楼二楼会议室, …召开 / 在1005室由某某主持召开
        re.compile(r"(?:" + d["lead_words"] + r")(" + place + venue_lead + venue_end + r")(?=[,，]|由)"),
        # 我公司二楼会议室召开: a room as the subject of 召开, 在 left out
        re.compile(r"(?<![^,，。；;\n])\s*([^,，。；;、:：\n“”《》()（）在于]" + venue_lead + rooms_pattern() + r")"
                   + adverb + r"(?:" + held + ")"),
        # 齐聚小会议室
        re.compile(r"(?:" + d["gather_words"] + r")(" + place + "{1," + str(rules.gathered_venue_lead_chars) + "}?" + venue_end + r")"),
    ]
    not_venue = re.compile(r"(?:" + "|".join(map(re.escape, sorted(d["not_venues"], key=len, reverse=True)))
                           + r")$|^(?:" + d["manner_words"] + ")")
    # the labels every form's venue holds (the first pattern opens with an optional 会议, so the
    # engine would try it at every position): a meeting without one skips that pattern
    labels = re.compile(trie_pattern(vocabulary("form_labels.json", "labels", "venue"), LABEL_GAP))
    return patterns, re.compile(venue_end + "$"), re.compile("(?:" + held + ")"), not_venue, labels


@lru_cache(maxsize=1)
def rooms_pattern() -> str:
    """The rooms of venues.json but those named after a body (村委会): a subject
    ending in one is a place, not who holds the meeting."""
    return "(?:" + trie_pattern(w for w in load_json("venues.json")["rooms"] if not BODY_NAME.search(w)) + ")"


def find_venues(text: str, start: int, end: int, rules: VenueRules = VenueRules()) -> list[tuple[int, int]]:
    """Venue spans inside [start, end), in order of appearance."""
    patterns, ends_with_venue, held, not_venue, labels = _rules(rules)
    spans = []
    for k, rx in enumerate(patterns):
        if k == 0 and not labels.search(text, start, end):
            continue
        for m in rx.finditer(text, start, end):
            a, b = m.span(1)
            value = text[a:b]
            lead = DATE_LIKE.match(value)
            if lead and lead.end():
                a += lead.end()
                value = text[a:b]
                if value.startswith(("在", "假")):
                    a += 1
                    value = value[1:]
            frame = CIRCUMSTANCE.match(value)
            if frame:  # 在书记某某的带领下来到教育基地: the place is what follows the frame
                a += frame.end()
                value = value[frame.end():]
            a += len(value) - len(value.lstrip())
            value = value.strip()
            if len(value) < 2 or re.search(r"[\d一二三四五六七八九十]+月|召开|会议$", value):
                continue
            if k == 1 and not ends_with_venue.search(value) and (len(value) > rules.loose_venue_max_chars or "的" in value):
                continue  # 在…召开 with a long non-place phrase between
            if held.search(value) or TEMPORAL.search(value) or value[-1] in "和与及并的了时":
                continue  # 在福建调研和开展检查时: an activity, not a place
            if not_venue.search(value):
                continue  # 在这里召开, 以班为单位召开: no place named
            spans.append((a, a + len(value)))
    spans.sort()
    out = []
    for s in spans:
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


HELD = re.compile(trie_pattern(vocabulary("verbs.json", "held", "organizer")))  # 召开, 组织召开
MEETING_NAME = re.compile(r"会$")
# a name ending in one of these (structure.json body_suffixes) is a body's, not a meeting's: 村委会, 董事会
BODY_NAME = re.compile("(?:" + trie_pattern(vocabulary("structure.json", "body_suffixes", "organizer")) + ")$")
CLAUSE_START = re.compile(r"[,，。；;\n]")
SUBJECT_END = re.compile(r"(?:于|在)")
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[、.]|[(（][一二三四五六七八九十\d]{1,3}[)）])")


def find_organizers(text: str, start: int, end: int, people=(),
                    rules: VenueRules = VenueRules()) -> list[tuple[int, int]]:
    """The body that holds a meeting: the subject of 召开/举行 (not a person):
    区政协召开…, 集团在总部大楼召开…, 社区于8月4日组织召开…"""
    out = []
    # characters inside a person's name, marked once: testing every subject
    # against every person takes time quadratic in a long page
    in_person = bytearray(max(end - start, 0))
    for p in people:
        lo, hi = max(p.start, start), min(p.end, end)
        if lo < hi:
            in_person[lo - start:hi - start] = b"\x01" * (hi - lo)
    for held in HELD.finditer(text, start, end):
        stop = held.start()
        lookback = max(start, stop - rules.subject_lookback_chars)
        clause = max((m.end() for m in CLAUSE_START.finditer(text, lookback, stop)), default=lookback)
        # the subject ends where 在/于 opens the place or time, if one does
        lead = SUBJECT_END.search(text, clause, stop)
        a, b = clause, lead.start() if lead else stop
        if b - a > rules.organizer_max_chars:
            continue
        date = DATE_LIKE.match(text, a, b)
        if date and date.end() > a:
            a = date.end()
        value = text[a:b].strip()
        if len(value) < 2 or any(in_person[max(a, start) - start:max(b, start) - start]):
            continue
        if MEETING_NAME.search(value) and not BODY_NAME.search(value):
            continue  # 全县脱贫攻坚推进会 is held, it holds nothing
        if re.search(rooms_pattern() + "$", value):
            continue  # 公司二楼会议室召开: a room holds nothing (find_venues takes it)
        if re.search(r"[:：]", value) or NUMBERED.match(value):
            continue  # 四、主席致词: a heading or a field, not a body
        if not re.search(r"[的将要已]|主持|会议|同志|即将", value):
            out.append((a, b))
    return out
