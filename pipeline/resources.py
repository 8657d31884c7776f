"""Lexicons and patterns are data: files under models/lexicons, read once.

In a checkout they are read in place from models/lexicons; an installed wheel
carries the same files as the package data of `pipeline.lexicons` (see
pyproject.toml), found through importlib.resources.
"""
from __future__ import annotations

import json
import os
import pickle
import re
import tempfile
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"


def _lexicon_dir() -> Path:
    checkout = MODELS_DIR / "lexicons"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("pipeline") / "lexicons"))


LEXICON_DIR = _lexicon_dir()


@lru_cache(maxsize=None)
def load_json(name: str):
    return json.loads((LEXICON_DIR / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """One entry a line; blank lines and '#' comments skipped."""
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def vocabulary_entries(name: str, concept: str, use: str | None = None) -> tuple[dict, ...]:
    """The entries of one concept of a vocabulary file (verbs.json: held, attend,
    speech …; form_labels.json: labels), in the file's order, each as a dict
    with its "word" and its attributes (a form label's "field", a credit's
    "mark" and "role"); with `use`, those a rule of that use reads. An entry is
    a word, or {"word": …} with attributes, which every use of its concept
    reads, or the same with "for": [uses], which only those uses read: one list
    per concept, the subsets marked in the data (the uses each concept has are
    in its _uses)."""
    data = load_json(name)
    if use is not None and use not in data["_uses"][concept]:
        raise KeyError(f"{name}: {concept} has no use {use!r}")
    entries = ({"word": e} if isinstance(e, str) else e for e in data[concept])
    return tuple(e for e in entries if use is None or use in e.get("for", (use,)))


@lru_cache(maxsize=None)
def vocabulary(name: str, concept: str, use: str | None = None, **attributes) -> tuple[str, ...]:
    """The words of vocabulary_entries(name, concept, use); with attributes
    (field="place", or a tuple of values: field=("time", "date")), only the
    entries that have one of those values."""
    def selected(entry: dict) -> bool:
        return all(entry.get(key) in (value if isinstance(value, tuple) else (value,))
                   for key, value in attributes.items())
    return tuple(e["word"] for e in vocabulary_entries(name, concept, use) if selected(e))


# string fields that are sets of characters, not patterns
CHARACTER_SETS = {("people.json", "name_boundaries"), ("people.json", "org_suffixes"),
                  ("people.json", "last_chars_before_a_role_verb")}


# word lists the rules compose their patterns from (a mapping: of lists): a
# string there would be read as a list of characters, so it stops the run
WORD_LISTS = {
    "splitting.json": ("record_words", "session_counters", "minutes_words", "meeting_words", "minutes_suffixes",
                       "news_item_openings"),
    "bylines.json": ("published", "counters", "url_keys"),
    "roles.json": ("label_suffixes", "listing_nouns",
                   "not_chair", "leave_notes", "substitute_marks"),
    "items.json": ("directive_cues", "chair_address", "cited_words", "own_acts"),
    "boilerplate.json": ("section_headings", "neighbour_links", "page_actions", "addressee", "now_words", "home_pages",
                         "path_separators", "copyright_marks", "share_words", "font_words", "counter_words",
                         "admin_names", "rule_characters", "breadcrumb_arrows", "skip_links", "welcome_words",
                         "site_words", "article_words", "reading_words", "reading_time_words", "ad_kinds", "url_marks",
                         "site_actions", "search_words", "keyword_words", "section_words"),
    "structure.json": ("body_subjects", "name_only_minutes_suffixes", "name_strip_prefixes", "decision_verbs",
                       "cited_nouns", "name_closing_acts", "name_ends", "name_counters", "decision_adverbs"),
    "venues.json": ("venue_words", "rooms", "lead_words", "not_leading", "gather_words",
                    "manner_words", "held_adverbs", "not_venues"),
}


# vocabulary files (see vocabulary_entries): the concepts whose entries are words or {"word", attributes, "for": [uses]}
VOCABULARIES = {
    "verbs.json": ("held", "attend", "speech", "report", "chair", "record", "absent", "elected", "citing"),
    "people.json": ("honorifics", "post_verbs"),
    "form_labels.json": ("labels",),
    "bylines.json": ("credits",),
    "structure.json": ("body_suffixes",),
}


# the attributes every entry of a vocabulary carries, with the values they may take (None: any word)
ATTRIBUTES = {
    ("form_labels.json", "labels"): {"field": None},
    ("bylines.json", "credits"): {"mark": ("/", ":", ""), "role": None},
}


class LexiconError(ValueError):
    """A lexicon file that cannot be read, holds a pattern that does not compile
    or a word list that is no list of words."""


def _check_words(name: str, data: dict) -> None:
    for key in WORD_LISTS.get(name, ()):
        value = data.get(key)
        lists = value.values() if isinstance(value, dict) else [value]
        for words in lists:
            if not (isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)):
                raise LexiconError(f"lexicon {name}, {key}: must be a list of words (or a mapping of lists), "
                                   f"not {str(words)[:80]!r}")


def _check_vocabulary(name: str, data: dict) -> None:
    for concept in VOCABULARIES.get(name, ()):
        uses = data.get("_uses", {}).get(concept)
        if not isinstance(uses, dict) or not uses:
            raise LexiconError(f"lexicon {name}, {concept}: _uses must name the uses of the concept")
        entries = data.get(concept)
        if not isinstance(entries, list) or not entries:
            raise LexiconError(f"lexicon {name}, {concept}: must be a list of entries")
        for entry in entries:
            if isinstance(entry, str) and entry.strip():
                entry = {"word": entry}
            if not (isinstance(entry, dict) and isinstance(entry.get("word"), str) and entry["word"].strip()
                    and all(isinstance(v, str) for k, v in entry.items() if k != "for")
                    and (isinstance(entry.get("for"), list) and entry["for"] or "for" not in entry)):
                raise LexiconError(f"lexicon {name}, {concept}: an entry is a word or {{\"word\", attributes, "
                                   f"\"for\": [uses]}}, not {str(entry)[:80]!r}")
            for key, values in ATTRIBUTES.get((name, concept), {}).items():
                value = entry.get(key)
                if not isinstance(value, str) or (values is None and not value.strip()) \
                        or (values is not None and value not in values):
                    raise LexiconError(f"lexicon {name}, {concept}: {entry['word']} needs a {key}"
                                       + (f" ({' or '.join(map(repr, values))})" if values else "")
                                       + f", not {value!r}")
            unknown = [u for u in entry.get("for", ()) if u not in uses]
            if unknown:
                raise LexiconError(f"lexicon {name}, {concept}: {entry['word']} is for {', '.join(map(str, unknown))}, "
                                   f"which is no use of {concept} ({', '.join(uses)})")


def validate_lexicons(folder: Path | None = None) -> int:
    """Read every lexicon, check its word lists (WORD_LISTS) and vocabularies
    (VOCABULARIES: entries, their ATTRIBUTES and uses) and compile every pattern in it, so that a broken file stops a run before any worker starts
    instead of turning every page into an error row. No lexicon stores a whole
    pattern (the modules compose theirs from the words); what is still compiled
    are the string fields of a JSON lexicon, the values of its mappings and the
    entries of lists named *patterns (other lists are words, matched literally;
    CHARACTER_SETS are sets of characters). Returns the number of files checked."""
    folder = Path(folder or LEXICON_DIR)
    files = sorted(p for p in folder.iterdir() if p.suffix in (".json", ".txt"))
    if not files:
        raise LexiconError(f"no lexicon in {folder}")
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if path.suffix == ".json" else None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LexiconError(f"lexicon {path.name} cannot be read: {exc}") from None
        if data is not None:
            _check_words(path.name, data)
            _check_vocabulary(path.name, data)
            for where, pattern in _patterns(data, ""):
                if (path.name, where) in CHARACTER_SETS:
                    continue
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise LexiconError(f"lexicon {path.name}, {where}: the pattern {pattern[:80]!r} "
                                       f"does not compile: {exc}") from None
    return len(files)


def _patterns(node, where: str, in_patterns: bool = False):
    if isinstance(node, dict):
        for key, value in node.items():
            if not str(key).startswith("_"):
                yield from _patterns(value, f"{where}.{key}" if where else str(key),
                                     str(key).endswith("patterns") or key == "pattern")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            if isinstance(value, str):
                if in_patterns:
                    yield f"{where}[{k}]", value
            else:
                yield from _patterns(value, f"{where}[{k}]")
    elif isinstance(node, str):
        yield where, node


def generated_dir() -> Path:
    """Where generated files go: models/generated in a checkout; an installed
    wheel has no models/ folder beside the package, so the user's cache folder."""
    if (MODELS_DIR / "lexicons").is_dir():
        return MODELS_DIR / "generated"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "meeting-pipeline"


def write_generated(path: Path, data: bytes) -> None:
    """Atomically: processes that start at once never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # readable as any generated file, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


class WordTable:
    """jieba's dictionary (jieba/dict.txt, lines `word freq tag`): each word's
    part-of-speech tag, as jieba.posseg reads it (word_tag_tab: the last line of
    a word wins), and its frequency (the highest of its lines). Kept compact, as
    some 33,000 strings of lines `word<TAB>tag<TAB>freq` bucketed by a CRC of the
    word, not as a dict of 349,000 words: it loads in a few milliseconds instead
    of 0.15 s, while a look-up (the rules make a few dozen a page) finds its line
    in a bucket of a dozen."""

    BUCKETS = 32749

    __slots__ = ("buckets", "size", "_entry")

    def __init__(self, buckets: tuple[str, ...], size: int):
        self.buckets, self.size = buckets, size
        # (tag, frequency) of a word, or None; the rules look up the same few thousand
        # substrings page after page
        self._entry = lru_cache(maxsize=1 << 16)(self._lookup)

    @classmethod
    def from_entries(cls, entries) -> "WordTable":
        """From (word, tag, freq) in the dictionary's order."""
        words: dict[str, list] = {}
        for word, tag, freq in entries:
            old = words.get(word)
            words[word] = [tag, max(freq, old[1]) if old else freq]
        buckets: list[list[str]] = [[] for _ in range(cls.BUCKETS)]
        for word, (tag, freq) in words.items():
            buckets[zlib.crc32(word.encode("utf-8")) % cls.BUCKETS].append(f"{word}\t{tag}\t{freq}")
        return cls(tuple("\n" + "\n".join(b) + "\n" if b else "" for b in buckets), len(words))

    def _lookup(self, word: str) -> tuple[str, int] | None:
        # a word of the dictionary holds no white space: one with a tab or a line break would
        # match across the fields of a line
        if not word or "\t" in word or "\n" in word:
            return None
        bucket = self.buckets[zlib.crc32(word.encode("utf-8", "surrogatepass")) % self.BUCKETS]
        i = bucket.find("\n" + word + "\t")
        if i < 0:
            return None
        tag_at = i + len(word) + 2
        freq_at = bucket.index("\t", tag_at) + 1
        return bucket[tag_at:freq_at - 1], int(bucket[freq_at:bucket.index("\n", freq_at)])

    def get(self, word: str, default: str | None = None) -> str | None:
        """The word's tag, like dict.get."""
        entry = self._entry(word)
        return entry[0] if entry else default

    def __contains__(self, word) -> bool:
        return isinstance(word, str) and self._entry(word) is not None

    def freq(self, word: str) -> int:
        """How often jieba counts the word (0: not in the dictionary)."""
        entry = self._entry(word)
        return entry[1] if entry else 0

    def common(self, min_freq: int) -> "CommonWords":
        """The words counted at least min_freq times (none for 0), as a set to test words against."""
        return CommonWords(self, min_freq)

    def __len__(self) -> int:
        return self.size

    def items(self):
        for bucket in self.buckets:
            for line in bucket.split("\n"):
                if line:
                    word, tag, _ = line.split("\t")
                    yield word, tag


class CommonWords:
    """`word in common`: the words of a WordTable counted at least min_freq times."""

    __slots__ = ("table", "min_freq")

    def __init__(self, table: WordTable, min_freq: int):
        self.table, self.min_freq = table, min_freq

    def __contains__(self, word) -> bool:
        if not self.min_freq or not isinstance(word, str):
            return False
        entry = self.table._entry(word)
        return entry is not None and entry[1] >= self.min_freq


@lru_cache(maxsize=None)
def jieba_word_table() -> WordTable:
    """jieba's dictionary as a WordTable: read once from the file and kept as a
    pickle beside the generated user dictionary, named by the file's size and
    time. The file is found without importing jieba (which would parse it line
    by line and load its HMM tables too, for tags alone)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")  # locates the package without running it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed: its dictionary gives the rules their word tags")
    path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
    stat = os.stat(path)
    cache = generated_dir() / f"jieba-table-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    try:
        with open(cache, "rb") as f:
            buckets, size = pickle.load(f)
        if isinstance(buckets, tuple) and len(buckets) == WordTable.BUCKETS:
            return WordTable(buckets, size)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        pass  # none yet, or unreadable: read the dictionary itself
    value = _read_jieba_table(path)
    try:
        write_generated(cache, pickle.dumps((value.buckets, value.size), protocol=pickle.HIGHEST_PROTOCOL))
        for old in cache.parent.glob("jieba-*.pickle"):  # an older dictionary's, or the former dict's
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a folder that cannot be written: read the dictionary at every start
    return value


def _read_jieba_table(path: str) -> WordTable:
    with open(path, "rb") as f:
        fields = f.read().decode("utf-8").split()
    if len(fields) % 3:
        raise ValueError("jieba's dict.txt is not `word freq tag` on every line")
    return WordTable.from_entries(zip(fields[0::3], fields[2::3], map(int, fields[1::3])))
