"""The assembled spaCy pipeline: the stages as a list, saved under models/.

    tokenizer (jieba | jieba-py | pkuseg) -> meeting_splitter -> meeting_timex ->
    meeting_people -> meeting_venues -> meeting_roles -> meeting_items ->
    meeting_assembler -> meeting_structure
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .components import extensions  # noqa: F401
from .components import items, meetings, people, roles, splitter, structure, timex, venues  # noqa: F401
from .ingest import Page, clean_page
from .resources import MODELS_DIR
from .segment import check_segmenter, create_meeting_tokenizer  # noqa: F401
from .userdict import USER_DICT_NAME

STAGES = ["meeting_splitter", "meeting_timex", "meeting_people", "meeting_venues",
          "meeting_roles", "meeting_items", "meeting_assembler", "meeting_structure"]


def pipeline_dir(segmenter: str) -> Path:
    return MODELS_DIR / f"pipeline-{segmenter}"


def build_pipeline(segmenter: str = "jieba") -> Language:
    check_segmenter(segmenter)
    config = {"nlp": {"tokenizer": {"@tokenizers": "meeting.zh_tokenizer.v1", "segmenter": segmenter,
                                    "user_dict": USER_DICT_NAME}}}
    nlp = spacy.blank("zh", config=config)
    for stage in STAGES:
        nlp.add_pipe(stage)
    if segmenter == "pkuseg":
        nlp.tokenizer.initialize()
    return nlp


@lru_cache(maxsize=None)
def load_pipeline(segmenter: str = "jieba") -> Language:
    """The saved pipeline from models/ if `make models` built it, else a fresh one."""
    from confection import ConfigValidationError

    from .segment import MissingModelError

    path = pipeline_dir(segmenter)
    if (path / "config.cfg").exists():
        try:
            return spacy.load(path)
        except ConfigValidationError as exc:
            raise MissingModelError(f"the saved pipeline {path} no longer fits the components' settings "
                                    f"(saved by an older version): run `make models` again.\n{exc}") from None
    return build_pipeline(segmenter)


# a short report that passes through every rule, so that each builds its lexicon
WARM_UP_PAGE = ("首页 > 政务动态\n区政府召开常务会议\n发布时间：2024-03-06\n2024年3月5日上午，区长王强在区政府三楼会议室主持召开第12次常务会议，"
                "副区长李岩、张伟出席。会议强调：一是要压实责任；二是要加强督查。会议决定，通过《工作方案》。\n"
                "（记录：赵丽）")


def warm_up(nlp: Language) -> Language:
    """Run the pipeline once on a short page: the rules build their lexicons
    and patterns on first use, and a run wants that done once, before it forks
    its workers (who then share them) rather than in every worker."""
    from .page import process_page

    process_page(clean_page(Page("warm-up", "warm-up.txt"), WARM_UP_PAGE), nlp)
    return nlp


def save_pipeline(segmenter: str) -> Path:
    path = pipeline_dir(segmenter)
    build_pipeline(segmenter).to_disk(path)
    return path
