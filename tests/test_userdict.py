"""The user dictionary is generated from the vocabularies (pipeline/userdict.py):
every entry traces to a lexicon entry, none is empty or repeated, the words
the rules need whole are in it, it is rebuilt identically, and a missing or
stale file is rebuilt before a segmenter reads it."""
from __future__ import annotations

import re

import pytest

from pipeline import userdict
from pipeline.nlp import build_pipeline
from pipeline.resources import load_json, vocabulary
from pipeline.segment import PKUSEG_MODEL_DIR, create_meeting_tokenizer, user_dict_entries

from .conftest import missing

PEOPLE = load_json("people.json")
ITEMS = load_json("items.json")
VENUES = load_json("venues.json")
KINDS = [w for kind in load_json("meeting_kinds.json")["kinds"] for w in kind["words"]]
STRUCTURE = load_json("structure.json")


def traces(word: str, source: str) -> bool:
    """Does the word come from the vocabulary entry its source names?"""
    file, key, *rest = source.split()
    if (file, key) == ("people.json", "title_cores"):
        return word in PEOPLE["title_cores"]
    if (file, key) == ("people.json", "compound_posts"):
        prefix, core = rest[0].split("+")
        return (word == prefix + core and prefix in PEOPLE["title_prefixes"] and core in PEOPLE["title_cores"]
                and core in PEOPLE["compound_posts"][prefix])
    if (file, key) == ("items.json", "whole_markers"):
        ordinal, marker = rest[0].split("+")
        # the marker word is the one a family of list markers puts after its Chinese numeral: 一是
        return (word == ordinal + marker and ordinal in ITEMS["whole_markers"]["ordinals"]
                and any(f["ordinal"] == "chinese" and f.get("closed_by") == [marker] for f in ITEMS["families"]))
    if (file, key) == ("venues.json", "rooms"):
        return word in VENUES["rooms"] and word.endswith(tuple(VENUES["venue_words"]))
    if file == "meeting_kinds.json":
        if rest:  # a name in 会 written in 会议: 座谈会 -> 座谈会议
            name, _ = rest[0].split("+")
            return word == name + "议" and name in KINDS and name.endswith("会")
        return word in KINDS and word.endswith(tuple(STRUCTURE["name_ends"]))
    if (file, key) == ("verbs.json", "held"):
        return word in vocabulary("verbs.json", "held", "object")
    return False


def test_every_entry_traces_to_a_vocabulary_entry():
    sources = userdict.user_dict_sources()
    untraced = [(w, s) for w, s in sources if not traces(w, s)]
    assert not untraced
    assert set(userdict.user_dict_words()) == {w for w, _ in sources}


def test_entries_are_sorted_once_each_and_whole_han_words():
    lines = userdict.render_user_dict().split("\n")
    assert lines[-1] == ""  # one word a line, the last one ended too
    words = lines[:-1]
    assert words == sorted(set(words))
    assert all(re.fullmatch(r"[\u3400-\u9fff]{2,}", w) for w in words), [w for w in words if not w.strip()]


def test_what_must_stay_whole_is_in_it():
    words = set(userdict.user_dict_words())
    markers = {n + w for w in ITEMS["whole_markers"]["words"] for n in ITEMS["whole_markers"]["ordinals"]}
    posts = set(PEOPLE["title_cores"]) | {p + c for p, cores in PEOPLE["compound_posts"].items() for c in cores}
    assert markers <= words and posts <= words and set(VENUES["rooms"]) <= words
    assert {"一是", "二要", "六是", "主持召开", "党委书记", "副县长", "常务副市长", "会议室", "第一会议室",
            "常务会议", "座谈会"} <= words


@pytest.mark.parametrize("nobody_writes", ["党委区长", "纪委董事长", "常务副副书记", "副常委", "镇委镇长"])
def test_no_post_that_nobody_writes(nobody_writes):
    assert nobody_writes not in userdict.user_dict_words()


def test_built_identically_twice(tmp_path):
    a = userdict.build_user_dict(tmp_path / "a" / "userdict.txt").read_bytes()
    b = userdict.build_user_dict(tmp_path / "b" / "userdict.txt").read_bytes()
    assert a == b == userdict.render_user_dict().encode("utf-8")


def test_a_missing_or_stale_file_is_rebuilt(tmp_path):
    path = tmp_path / "userdict.txt"
    assert userdict.user_dict_path(path) == path and userdict.user_dict_is_current(path)
    path.write_text("党委区长\n", encoding="utf-8")  # edited by hand, or from older lexicons
    assert not userdict.user_dict_is_current(path)
    userdict.user_dict_path(path)
    assert path.read_text(encoding="utf-8") == userdict.render_user_dict()


def test_a_changed_lexicon_makes_the_file_stale(tmp_path, monkeypatch):
    path = userdict.build_user_dict(tmp_path / "userdict.txt")

    def with_a_new_core(name):
        data = load_json(name)
        return {**data, "title_cores": [*data["title_cores"], "楼道长"]} if name == "people.json" else data

    monkeypatch.setattr(userdict, "load_json", with_a_new_core)
    assert not userdict.user_dict_is_current(path)
    userdict.user_dict_path(path)
    assert "楼道长\n" in path.read_text(encoding="utf-8")


def test_an_unwritable_folder_falls_back_on_the_temporary_one(tmp_path, monkeypatch):
    refused = tmp_path / "read-only" / "userdict.txt"
    write = userdict._write

    def refuse(path, text):
        if path == refused:
            raise PermissionError(13, "Permission denied", str(path))
        write(path, text)

    monkeypatch.setattr(userdict, "_write", refuse)
    path = userdict.user_dict_path(refused)
    assert path != refused and path.name == "userdict.txt" and userdict.user_dict_is_current(path)


def test_the_tokenizer_reads_the_generated_file():
    tokenizer = build_pipeline("jieba").tokenizer
    assert tokenizer.user_dict == str(userdict.user_dict_path())
    assert [w for w, _, _ in user_dict_entries(tokenizer.user_dict)] == userdict.user_dict_words()
    assert create_meeting_tokenizer("jieba", "")(build_pipeline("jieba")).user_dict is None


SENTENCE = "党委书记张立峰在第一会议室主持召开常务会议，一是要压实责任，六是要加强督查。"


@pytest.mark.parametrize("segmenter", ["jieba", "jieba-py", "pkuseg"])
def test_every_segmenter_keeps_them_whole(segmenter):
    if segmenter == "pkuseg" and not (PKUSEG_MODEL_DIR / "weights.npz").exists():
        missing("the pkuseg model is not built (make models)")
    tokens = [t.text for t in build_pipeline(segmenter).make_doc(SENTENCE)]
    assert {"党委书记", "第一会议室", "主持召开", "一是", "六是"} <= set(tokens), tokens


def test_a_saved_pkuseg_pipeline_reads_todays_dictionary(tmp_path):
    """A pkuseg pipeline is saved with the user dictionary of its day; loaded, it
    reads the file its config names instead (the generated one, rebuilt if stale)."""
    if not (PKUSEG_MODEL_DIR / "weights.npz").exists():
        missing("the pkuseg model is not built (make models)")
    import spacy

    build_pipeline("pkuseg").to_disk(tmp_path / "saved")
    mine = tmp_path / "mine.txt"
    mine.write_text(userdict.render_user_dict() + "张立峰在\n", encoding="utf-8")
    loaded = spacy.load(tmp_path / "saved", config={"nlp": {"tokenizer": {"user_dict": str(mine)}}})
    assert "张立峰在" in [t.text for t in loaded.make_doc(SENTENCE)]


def test_jieba_word_tags_are_kept_and_a_broken_copy_is_read_again(tmp_path, monkeypatch):
    from importlib.util import find_spec
    from pathlib import Path

    from pipeline import resources

    monkeypatch.setattr(resources, "generated_dir", lambda: tmp_path)
    read = resources.jieba_word_table.__wrapped__  # past the process's own cache
    dict_txt = str(Path(find_spec("jieba").origin).parent / "dict.txt")
    direct = resources._read_jieba_table(dict_txt)
    assert read().buckets == direct.buckets  # read from dict.txt, and kept
    kept = list(tmp_path.glob("jieba-table-*.pickle"))
    assert len(kept) == 1
    assert read().buckets == direct.buckets  # from the kept copy
    kept[0].write_bytes(b"not a pickle")
    assert read().buckets == direct.buckets and kept[0].read_bytes() != b"not a pickle"
    common = direct.common(20000)
    assert direct.get("会议").startswith("n") and "会议" in common and len(direct) > 300_000
    assert "开会" in direct and "开会" not in common and not direct.common(0).__contains__("会议")


def test_word_table_reads_duplicates_as_jieba_does():
    """A word on two lines of dict.txt (B超): the last line's tag, as jieba.posseg's dict
    keeps it, and the highest count, so that it is common if any of its lines says so."""
    from pipeline.resources import WordTable

    table = WordTable.from_entries([("B超", "n", 500), ("会议", "n", 20), ("B超", "nz", 3)])
    assert table.get("B超") == "nz" and table.freq("B超") == 500 and "B超" in table.common(300)
    assert table.get("会议") == "n" and "会议" not in table.common(300) and len(table) == 2
