"""Stage 3, segment: the spaCy `zh` tokenizer over one of three segmenters.

- `jieba` (default): jieba-rs through its Python binding `rjieba`, jieba's
  dictionary and HMM in Rust, about twenty times faster than Python jieba; it
  segments some new words (the HMM's guesses) differently from it.
- `jieba-py`: Python jieba, the reference the rules were first written against.
- `pkuseg`: spacy-pkuseg with the CTB8 model of the PyPI package pkuseg==0.0.12,
  converted by `make models` into models/pkuseg/ctb8 (see scripts/fetch_pkuseg.py).

All three read the user dictionary generated from the lexicons (userdict.py),
so titles, rooms and list markers come out as whole tokens. Each segmenter is loaded
once per process, and only when a pipeline asks for it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy import util
from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.util import registry

from .resources import LEXICON_DIR, MODELS_DIR
from .userdict import USER_DICT_NAME, user_dict_path

SEGMENTERS = ("jieba", "jieba-py", "pkuseg")
# what each of ours is to spaCy's ChineseTokenizer: the Rust backend is ours
# alone, so spaCy sees "char" and loads nothing for it
SPACY_SEGMENTER = {"jieba": "char", "jieba-py": "jieba", "pkuseg": "pkuseg"}
PKUSEG_MODEL_DIR = MODELS_DIR / "pkuseg" / "ctb8"


class MissingModelError(RuntimeError):
    pass


def check_segmenter(segmenter: str) -> str:
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    return segmenter


def user_dict_entries(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, tag) of each line of a jieba user dictionary
    (`word [freq] [tag]`); the frequency and tag are optional, as in jieba."""
    entries = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            continue
        word, rest = parts[0], parts[1:]
        freq = int(rest.pop(0)) if rest and rest[0].isdigit() else None
        entries.append((word, freq, rest[0] if rest else None))
    return entries


@lru_cache(maxsize=None)
def _rust_jieba(user_dict: str):
    """rjieba's process-wide segmenter (built when the module is imported),
    with the user dictionary added to it once."""
    import rjieba

    for word, freq, tag in user_dict_entries(user_dict) if user_dict else []:
        rjieba.add_word(word, freq, tag)
    return rjieba


@lru_cache(maxsize=None)
def _python_jieba(user_dict: str):
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it logs its dictionary loading in every process
    jieba.initialize()
    if user_dict:
        jieba.load_userdict(user_dict)
    return jieba


def pkuseg_model_dir() -> Path:
    if not (PKUSEG_MODEL_DIR / "weights.npz").exists():
        raise MissingModelError(
            f"the pkuseg model is not built: {PKUSEG_MODEL_DIR} has no weights.npz. "
            "Run `make models` (it converts the CTB8 model shipped by the PyPI package pkuseg==0.0.12).")
    return PKUSEG_MODEL_DIR


def segmenter_version(segmenter: str) -> str:
    """The package that segments, with its version: part of a run's fingerprint,
    since another version may cut words elsewhere."""
    from importlib.metadata import version

    package = {"jieba": "rjieba", "jieba-py": "jieba", "pkuseg": "spacy-pkuseg"}[check_segmenter(segmenter)]
    return f"{package}=={version(package)}"


class MeetingTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer with our segmenters and user dictionary."""

    def __init__(self, vocab, segmenter: str = "jieba", user_dict: str | None = None):
        self.backend = check_segmenter(segmenter)
        if segmenter == "jieba-py":
            _python_jieba(str(user_dict or ""))  # before spaCy imports jieba, so it stays quiet
        super().__init__(vocab, segmenter=SPACY_SEGMENTER[segmenter])
        self.user_dict = user_dict
        if segmenter == "jieba":
            self.jieba_seg = _rust_jieba(str(user_dict or ""))
        elif segmenter == "jieba-py":
            self.jieba_seg = _python_jieba(str(user_dict or ""))

    def cut(self, text: str) -> list[str]:
        """The segmenter's words, covering the text (spaces and line breaks as words)."""
        if self.backend == "jieba":
            return self.jieba_seg.cut(text)
        return list(self.jieba_seg.cut(text, cut_all=False))

    def __call__(self, text: str) -> Doc:
        if self.backend == "pkuseg":
            return super().__call__(text)
        words = self.cut(text)
        if " " not in text and "" not in words and sum(map(len, words)) == len(text):
            # no space at all: the words are spaCy's words, none followed by a space
            return Doc(self.vocab, words=words, spaces=[False] * len(words))
        if "  " not in text and not text.startswith(" "):
            # jieba's words cover the text exactly, single spaces as words of
            # their own: attach each to the word before, as spaCy would, without
            # its general (and slow) word/space alignment
            out, spaces = [], []
            for w in words:
                if w == " " and out and not spaces[-1]:
                    spaces[-1] = True
                elif w:
                    out.append(w)
                    spaces.append(False)
            if sum(map(len, out)) + sum(spaces) == len(text):
                return Doc(self.vocab, words=out, spaces=spaces)
            words = out
        words, spaces = util.get_words_and_spaces([w for w in words if w], text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None, pkuseg_user_dict="default"):
        if self.backend == "pkuseg":
            pkuseg_model = pkuseg_model or str(pkuseg_model_dir())
            pkuseg_user_dict = str(self.user_dict) if self.user_dict else pkuseg_user_dict
        super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model,
                           pkuseg_user_dict=pkuseg_user_dict)

    # the saved tokenizer/cfg names our segmenter, not spaCy's stand-in for it
    def _get_config(self) -> dict:
        return {"segmenter": self.backend}

    def _set_config(self, config: dict = {}) -> None:  # noqa: B006 (spaCy's signature)
        saved = config.get("segmenter", self.backend)
        if saved != self.backend:
            raise ValueError(f"the saved tokenizer is for {saved!r}, the pipeline's config says {self.backend!r}")

    def from_disk(self, path, **kwargs):
        if self.backend == "pkuseg":
            super().from_disk(path, **kwargs)
            if self.user_dict:
                # the user dictionary of today's lexicons, not the one saved with the model
                import spacy_pkuseg

                self.pkuseg_seg.preprocesser = spacy_pkuseg.Preprocesser(str(self.user_dict))
            return self
        # nothing but the config: spaCy's own loader would import pkuseg for nothing
        util.from_disk(util.ensure_path(path), {"cfg": lambda p: self._set_config(util.srsly.read_json(p))}, [])
        return self


def resolve_user_dict(user_dict: str) -> Path | None:
    """The config's user_dict: "userdict.txt" is the dictionary generated from
    the lexicons (built first if missing or stale); any other value a file of
    one's own (absolute, or under models/lexicons); empty for none."""
    if not user_dict:
        return None
    if user_dict == USER_DICT_NAME:
        return user_dict_path()
    return Path(user_dict) if Path(user_dict).is_absolute() else LEXICON_DIR / user_dict


@registry.tokenizers("meeting.zh_tokenizer.v1")
def create_meeting_tokenizer(segmenter: str = "jieba", user_dict: str = USER_DICT_NAME):
    path = resolve_user_dict(user_dict)

    def make(nlp):
        return MeetingTokenizer(nlp.vocab, segmenter=segmenter, user_dict=str(path) if path else None)

    return make
