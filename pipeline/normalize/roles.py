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
    labels = [(role, re.compile(p + (r"[\s\u3400-\u9fff、,，]{0,60}$" if "[:：]" in p else r"\s*$")))
              for role, p in d["labels"].items()]
    leave = re.compile(r"[(（](?:" + d["leave_notes"] + r")[^)）]{0,4}[)）]")
    return verbs, labels, re.compile(d["not_chair"]), leave


def assign_roles(text: str, mentions) -> list[tuple[int, str, int, int]]:
    """(mention index, role, cue start, cue end) for every role found."""
    verbs, labels, not_chair, leave = _rules()
    out = []
    ordered = list(mentions)
    starts = [m.start for m in ordered]
    for k, m in enumerate(ordered):
        note = leave.match(text, m.end)
        if note:
            # 出席: 柯文哲(请假)、李四: absent, whatever the label or the clause says of the others
            out.append((k, "absent", note.start(), note.end()))
            continue
        # a label before the name: 主持人: 张村长, 文/张东东
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[max(line_start, m.start - 60):m.start]
        for role, rx in labels:
            lab = rx.search(head)
            if lab:
                cue_start, cue_end = m.start - len(head) + lab.start(), m.start - len(head) + lab.end()
                colon = re.search("[:：]", lab.group(0))
                label_end = cue_start + colon.end() if colon else cue_end
                if role in SINGLE_ROLES and any(label_end <= s < m.start for s in starts[:k]):
                    continue  # 主席: 曹其真 顾问赵向阳: a form names one chair, the first after its label
                out.append((k, role, cue_start, cue_end))
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


def _honorific_len(text: str, i: int) -> int:
    for h in ("同志", "老师", "先生", "女士"):
        if text.startswith(h, i):
            return len(h)
    return 0
