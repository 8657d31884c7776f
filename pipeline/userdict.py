"""The segmenters' user dictionary, generated from the vocabularies.

Every segmenter (see segment.py) reads one user dictionary so that the words
the rules stand on come out as whole tokens. It is not written by hand: it is
built from the lexicons under models/lexicons, one source per kind of word,

    posts         people.json  title_cores, and compound_posts (prefix + core:
                               副市长, 党委书记; only the pairs written as a post,
                               not every prefix with every core: no 党委区长)
    list markers  items.json   whole_markers (ordinal + word: 一是, 二要)
    rooms         venues.json  rooms (会议室, 第一会议室, 报告厅), each ending in a
                               venue word
    meetings      meeting_kinds.json  the kinds' words that name a meeting (end
                               as structure.json name_ends: 常务会议, 座谈会; not
                               人大, 教研), a name in 会 with its form in 会议 too
                               (座谈会议: pkuseg, which takes the dictionary's
                               longest word first, would cut 座谈会|议)
    held verbs    verbs.json   held, the verbs whose object is a meeting's name
                               (主持召开, 组织召开)

sorted and without duplicates, one word a line with no frequency or tag
(jieba then gives each the frequency that keeps it whole; pkuseg matches them
first, longest first). `make models` writes it (`python -m pipeline
build-models`) to models/generated/userdict.txt, which git ignores; every
consumer calls user_dict_path(), which writes the file when it is missing or
no longer what the lexicons give (a lexicon changed, or the file was edited),
so a fresh clone and an installed wheel (whose file goes to the user's cache
folder) work without `make models`.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .resources import generated_dir, load_json, vocabulary, write_generated

USER_DICT_NAME = "userdict.txt"
_CJK_WORD = re.compile(r"[\u3400-\u9fff]+")


def user_dict_sources() -> list[tuple[str, str]]:
    """(word, where it comes from) for every word of the user dictionary, in
    the order of the sources; a word may come from more than one."""
    out: list[tuple[str, str]] = []
    people = load_json("people.json")
    out += [(core, "people.json title_cores") for core in people["title_cores"]]
    for prefix, cores in people["compound_posts"].items():
        out += [(prefix + core, f"people.json compound_posts {prefix}+{core}") for core in cores]
    markers = load_json("items.json")["whole_markers"]
    out += [(n + w, f"items.json whole_markers {n}+{w}") for w in markers["words"] for n in markers["ordinals"]]
    out += [(room, "venues.json rooms") for room in load_json("venues.json")["rooms"]]
    name_ends = tuple(load_json("structure.json")["name_ends"])
    for kind in load_json("meeting_kinds.json")["kinds"]:
        for w in kind["words"]:
            if _CJK_WORD.fullmatch(w) and w.endswith(name_ends):
                out.append((w, f"meeting_kinds.json {kind['code']}"))
                if w.endswith("会") and not w.endswith("大会"):
                    out.append((w + "议", f"meeting_kinds.json {kind['code']} {w}+议"))
    out += [(v, "verbs.json held") for v in vocabulary("verbs.json", "held", "object")]
    return out


def user_dict_words() -> list[str]:
    """The words of the user dictionary: sorted, each once."""
    return sorted({w for w, _ in user_dict_sources()})


def render_user_dict() -> str:
    return "".join(w + "\n" for w in user_dict_words())


def _write(path: Path, text: str) -> None:
    write_generated(path, text.encode("utf-8"))


def user_dict_is_current(path: Path) -> bool:
    try:
        return path.read_text(encoding="utf-8") == render_user_dict()
    except (OSError, UnicodeDecodeError):
        return False


def user_dict_path(path: str | Path | None = None) -> Path:
    """The generated user dictionary, (re)built first when it is missing or
    stale; a folder that cannot be written falls back on the temporary one."""
    path = Path(path) if path else generated_dir() / USER_DICT_NAME
    if user_dict_is_current(path):
        return path
    try:
        _write(path, render_user_dict())
    except OSError:
        if path.parent == Path(tempfile.gettempdir()) / f"meeting-pipeline-{os.getuid()}":
            raise
        return user_dict_path(Path(tempfile.gettempdir()) / f"meeting-pipeline-{os.getuid()}" / USER_DICT_NAME)
    return path


def build_user_dict(path: str | Path | None = None) -> Path:
    """Write the user dictionary whether or not it is current (`make models`)."""
    path = Path(path) if path else generated_dir() / USER_DICT_NAME
    _write(path, render_user_dict())
    return path
