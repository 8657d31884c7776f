"""Injected gambling-site names are cut from the text, ordinary words stay."""
from __future__ import annotations

import pytest

from pipeline.ingest import normalize_text
from pipeline.normalize.spam import is_seo_line, strip_spam


@pytest.mark.parametrize("text, expected", [
    ("全国政协委员、ab体育官网校长王建华传达了会议精神", "全国政协委员、校长王建华传达了会议精神"),
    ("召开安全工作会议 - 金鼎x9官网首页登录", "召开安全工作会议 - "),
    ("会议审议了《xyz888官网登录入口章程修订方案》", "会议审议了《章程修订方案》"),
    ("天游官网党委理论学习中心组召开集中学习会", "党委理论学习中心组召开集中学习会"),
    ("永利娱乐集团召开年会", "集团召开年会"),
])
def test_spam_is_cut(text, expected):
    assert strip_spam(text) == expected


@pytest.mark.parametrize("text", [
    "通过学习强国app线上直播", "通知已在学校官网发布", "金沙县召开体育工作会议",
    "加强全民健身体育平台建设", "举办职工棋牌比赛",
])
def test_ordinary_words_stay(text):
    assert strip_spam(text) == text


def test_ingest_cuts_spam():
    assert normalize_text("副校长李明、cd娱乐官网处长张强出席") == "副校长李明、处长张强出席"


@pytest.mark.parametrize("line, spam", [
    ("欧美高清一区二区,免费在线观看大片,国产精品久久,亚洲无码天堂", True),
    ("会议以线上线下相结合的形式召开,成人教育、福利院、国产化项目负责人参加", False),  # one term a phrase, few of them
    ("成人教育,福利院", False),
])
def test_a_line_of_search_phrases_is_spam(line, spam):
    assert is_seo_line(line) is spam
