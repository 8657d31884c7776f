"""Stage 3, segment: the spaCy `zh` tokenizer, jieba (default) or pkuseg.

Both segmenters read the user dictionary under models/lexicons, so titles,
venue words and list markers come out as whole tokens. The pkuseg model is
the CTB8 model of the PyPI package pkuseg==0.0.12, converted by
`make models` into models/pkuseg/ctb8 (see scripts/fetch_pkuseg.py).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.util import registry

from .resources import LEXICON_DIR, MODELS_DIR

SEGMENTERS = ("jieba", "pkuseg")
USER_DICT = LEXICON_DIR / "userdict.txt"
PKUSEG_MODEL_DIR = MODELS_DIR / "pkuseg" / "ctb8"


def _quiet_jieba() -> None:
    """jieba logs its dictionary loading at DEBUG to stderr in every process."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)


_quiet_jieba()


class MissingModelError(RuntimeError):
    pass


@lru_cache(maxsize=None)
def _jieba_with_user_dict(user_dict: str):
    import jieba

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


class MeetingTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer with our user dictionary loaded into jieba."""

    def __init__(self, vocab, segmenter: str = "jieba", user_dict: str | None = None):
        if segmenter not in SEGMENTERS:
            raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
        super().__init__(vocab, segmenter=segmenter)
        self.user_dict = user_dict
        if segmenter == "jieba":
            self.jieba_seg = _jieba_with_user_dict(str(user_dict or ""))

    def __call__(self, text: str) -> Doc:
        if self.segmenter == "jieba" and "  " not in text and not text.startswith(" "):
            # jieba's words cover the text exactly, single spaces as words of
            # their own: attach each to the word before, as spaCy would, without
            # its general (and slow) word/space alignment
            words, spaces = [], []
            for w in self.jieba_seg.cut(text, cut_all=False):
                if w == " " and words and not spaces[-1]:
                    spaces[-1] = True
                elif w:
                    words.append(w)
                    spaces.append(False)
            if sum(map(len, words)) + sum(spaces) == len(text):
                return Doc(self.vocab, words=words, spaces=spaces)
        return super().__call__(text)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None, pkuseg_user_dict="default"):
        if self.segmenter == "pkuseg":
            pkuseg_model = pkuseg_model or str(pkuseg_model_dir())
            pkuseg_user_dict = str(self.user_dict) if self.user_dict else pkuseg_user_dict
        super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model,
                           pkuseg_user_dict=pkuseg_user_dict)


@registry.tokenizers("meeting.zh_tokenizer.v1")
def create_meeting_tokenizer(segmenter: str = "jieba", user_dict: str = "userdict.txt"):
    path = LEXICON_DIR / user_dict if user_dict else None

    def make(nlp):
        return MeetingTokenizer(nlp.vocab, segmenter=segmenter, user_dict=str(path) if path else None)

    return make
