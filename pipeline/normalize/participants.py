"""Who takes part in a meeting: the people whose role is one of taking part
(the page's author and editor are the page's, not the meeting's), less those
a report only quotes or cites (传达学习了某某书记的讲话, 总书记指出…)."""
from __future__ import annotations

from functools import lru_cache

from ..resources import load_json
from .items import is_cited
from .script import to_simplified
from .structure import StructureRules, is_conveyed

PARTICIPANT_ROLES = frozenset({"chair", "attendee", "nonvoting", "absent", "speaker", "reporter", "recorder", "elected"})


@lru_cache(maxsize=1)
def _quoted_posts() -> tuple[str, ...]:
    return tuple(load_json("structure.json")["quoted_posts"])


def participant_role(text: str, role: str, mention, titles, cue_start: int, cue_end: int,
                     rules: StructureRules = StructureRules()) -> str | None:
    """The role in which the person of `mention` (None: no mention at these
    offsets) takes part in the meeting, or None: 列席 makes an attendee
    nonvoting; one cited or conveyed takes no part, nor one whose post is
    quoted (总书记) unless chairing."""
    if role not in PARTICIPANT_ROLES:
        return None
    if mention is not None and (is_cited(text, mention) or is_conveyed(text, mention.start, mention.end, rules)):
        return None
    if role != "chair" and any(to_simplified(t).endswith(_quoted_posts()) for t in titles):
        return None  # 总书记指出…: quoted in a report of another meeting
    return "nonvoting" if role == "attendee" and "列席" in text[cue_start:cue_end] else role
