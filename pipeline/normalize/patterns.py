"""Word lists as regular expressions that match fast.

A plain alternation (a|ab|abc …) makes the regex engine try every word at
every position; factoring the words into a trie lets it reject a position
after one character. Lexicons of hundreds of titles stay cheap this way."""
from __future__ import annotations

import re

# where a sentence ends, and where a clause of a list, a decision or a role ends
# (a semicolon too): one definition for every rule, and for doc.sents
SENTENCE_MARKS = "。！？!?"
CLAUSE_MARKS = SENTENCE_MARKS + "；;"
SENTENCE_BREAK = re.compile(f"[{SENTENCE_MARKS}\n]")
CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}\n]")


# what follows a credit's key (bylines.json mark): a slash (文/), a colon or a slash (作者:, 审核/谢勇志), or a
# colon, a slash or nothing (记者 张三)
CREDIT_MARKS = {"/": r"\s*/", ":": r"\s*(?:[:：]|/)", "": r"(?:\s*(?:[:：]|/))?"}

# what may stand between the characters of a label: tables space their labels out (主 持 人:, 时 间:)
LABEL_GAP = r"\s*"


def trie_pattern(words, gap: str = "") -> str:
    """A regex source matching any of `words`, longest match first; with `gap`,
    that pattern may stand between a word's characters (LABEL_GAP)."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _emit(trie, gap, "")


def _emit(node: dict, gap: str, before: str) -> str:
    end = node.get("") is True
    branches = [before + re.escape(ch) + _emit(child, gap, gap) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body
