"""Roles of people in a meeting (chair, attendee, speaker, reporter,
recorder, author, editor) from the clause around each mention."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json

CLAUSE_END = re.compile(r"[,，。；;\n:：!！?？]")
SINGLE_ROLES = ("chair", "recorder")
BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")  # roles a form label gives to one person


@lru_cache(maxsize=1)
def _rules():
    d = load_json("roles.json")
    verbs = [(role, re.compile(p)) for role, p in d["verbs"].items()]
    # a form label (主持人:) may be followed by the person's post (主持人: 村党支部书记刘德明)
    # or by the names listed before this one (参会人员: 李四、王五、赵六)
    labels = [(role, re.compile("(?:" + p + ")" + (r"[\s\u3400-\u9fff、,，()（）]{0,60}$" if "[:：]" in p else r"\s*$")))
              for role, p in d["labels"].items()]
    # a label alone on its line (出席者:), heading the names on the lines under it
    heads = [(role, re.compile(r"\s*(?:" + p + r")\s*")) for role, p in d["labels"].items() if "[:：]" in p]
    leave = re.compile(r"[(（](?:" + d["leave_notes"] + r")[^)）]{0,4}[)）]")
    return verbs, labels, re.compile(d["not_chair"]), leave, heads


def assign_roles(text: str, mentions) -> list[tuple[int, str, int, int]]:
    """(mention index, role, cue start, cue end) for every role found."""
    verbs, labels, not_chair, leave, heads = _rules()
    out = []
    ordered = list(mentions)
    starts = [m.start for m in ordered]
    for k, m in enumerate(ordered):
        note = leave.match(text, m.end + _honorific_len(text, m.end))
        if note:
            # 出席: 柯文哲(请假)、李四: absent, whatever the label or the clause says of the others
            out.append((k, "absent", note.start(), note.end()))
            continue
        # a label before the name: 主持人: 张村长, 文/张东东
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[max(line_start, m.start - 60):m.start]
        labelled = False
        for role, rx in labels:
            lab = rx.search(head)
            if lab:
                labelled = True
                cue_start, cue_end = m.start - len(head) + lab.start(), m.start - len(head) + lab.end()
                colon = re.search("[:：]", lab.group(0))
                label_end = cue_start + colon.end() if colon else cue_end
                if role in SINGLE_ROLES and any(label_end <= s < m.start for s in starts[:k]):
                    continue  # 主席: 曹其真 顾问赵向阳: a form names one chair, the first after its label
                out.append((k, role, cue_start, cue_end))
        line_end = text.find("\n", m.end)
        own_line = text[line_start:line_end if line_end >= 0 else len(text)]
        if not labelled and len(own_line) <= LIST_LINE_MAX and not re.search(r"[。；;]", own_line):
            heading = _label_line_above(text, line_start, heads)
            if heading:
                out.append((k,) + heading)
        # the clause after the name, through a list of names joined by 、/和
        j, end = m.end, len(text)
        nxt = next((s for s in starts[k + 1:] if s >= m.end), end)
        stop = CLAUSE_END.search(text, j)
        clause_end = stop.start() if stop else end
        if stop and text[stop.start()] in ",，" and clause_end == j + _honorific_len(text, j):
            # 高汉义同志,主持召开: the verb opens the next clause
            stop2 = CLAUSE_END.search(text, clause_end + 1)
            clause_end = stop2.start() if stop2 else end
        # a later name in the same clause owns what follows it, unless the
        # names are listed together (A、B参加; A和B出席)
        if nxt < clause_end:
            between = text[m.end:nxt]
            if not re.fullmatch(r"[^,，。；;]{0,8}?[、和与及]", between):
                clause_end = nxt
        clause = BRACKETED.sub(lambda b: " " * len(b.group(0)), text[j:clause_end])  # notes on other names
        for role, rx in verbs:
            v = rx.search(clause)
            if v:
                if role == "chair" and not_chair.match(text, j + v.start()):
                    continue
                out.append((k, role, j + v.start(), j + v.end()))
    return out


LIST_LINE_MAX = 40     # a line of a list under a label: short, no sentence in it
LIST_LINES_UP = 8      # how far up the label may stand


def _label_line_above(text: str, line_start: int, heads) -> tuple[str, int, int] | None:
    """出席者:\n主席 何国基先生\n议员 陈丽芬女士: the role of the label line
    that heads the short lines of names this line belongs to."""
    end = line_start - 1
    for _ in range(LIST_LINES_UP):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        for role, rx in heads:
            if rx.fullmatch(line):
                return role, start, end
        if len(line) > LIST_LINE_MAX or re.search(r"[。；;:：]", line):
            return None
        end = start - 1
    return None


def _honorific_len(text: str, i: int) -> int:
    for h in ("同志", "老师", "先生", "女士"):
        if text.startswith(h, i):
            return len(h)
    return 0
