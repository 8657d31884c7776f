"""The segmenters behind the tokenizer, on short sentences of the genre:
the Rust jieba (`jieba`), Python jieba (`jieba-py`) and the user dictionary."""
from __future__ import annotations

import pytest

from pipeline.nlp import build_pipeline
from pipeline.segment import MeetingTokenizer, user_dict_entries

JIEBAS = ["jieba", "jieba-py"]


@pytest.fixture(scope="module", params=JIEBAS)
def nlp(request):
    return build_pipeline(request.param)


@pytest.mark.parametrize("text", [
    "下午，党委书记张立峰主持召开专题会议。",
    "  会议地点：三楼会议室",            # leading spaces
    "出席：王五  李四 赵六",              # two spaces between names
    "一是要压实责任；\n\n二是要加强督查。 ",  # blank line, trailing space
    "会议由ＡＢＣ公司 CEO Tom 主持",        # Latin words between spaces
    "",
])
def test_tokens_cover_the_text_exactly(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert all(t.text.strip() or t.text for t in doc)
    assert [t.idx for t in doc] == sorted(t.idx for t in doc)


@pytest.mark.parametrize("text, word", [
    ("校长主持召开校务会议", "主持召开"),
    ("一是要统一思想，二是要狠抓落实", "一是"),
    ("二要强化责任", "二要"),
])
def test_user_dictionary_words_are_whole_tokens(nlp, text, word):
    assert word in [t.text for t in nlp.make_doc(text)]


def test_user_dictionary_decides_those_words():
    """Without our dictionary jieba cuts 主持召开 in two: the test above is the dictionary's doing."""
    import rjieba

    assert "主持召开" not in rjieba.Jieba().cut("校长主持召开校务会议")


@pytest.mark.parametrize("text, words", [
    ("副县长王强调研了堤防", ["副县长", "王强", "调研"]),   # a name ends where a verb starts
    ("李岩针对问题作了部署", ["李岩", "针对"]),
    ("会议在区政府三楼会议室召开", ["会议室", "召开"]),
])
def test_both_jiebas_keep_these_words_apart(nlp, text, words):
    tokens = [t.text for t in nlp.make_doc(text)]
    assert all(w in tokens for w in words), tokens


def test_spaces_attach_to_the_word_before(nlp):
    doc = nlp.make_doc("主持人：王五 记录：李四")
    assert [(t.text, t.whitespace_) for t in doc if t.text == "王五"] == [("王五", " ")]


def test_user_dict_lines_with_frequency_and_tag(tmp_path):
    path = tmp_path / "userdict.txt"
    path.write_text("主持召开\n常务会议 30 n\n党组书记 nz\n\n", encoding="utf-8")
    assert user_dict_entries(path) == [("主持召开", None, None), ("常务会议", 30, "n"), ("党组书记", None, "nz")]


def test_unknown_segmenter_is_refused():
    from spacy.vocab import Vocab

    with pytest.raises(ValueError, match="jieba-py"):
        MeetingTokenizer(Vocab(), segmenter="rjieba")


def test_saved_tokenizer_must_match_its_config(tmp_path):
    build_pipeline("jieba").tokenizer.to_disk(tmp_path / "tok")
    other = build_pipeline("jieba-py").tokenizer
    with pytest.raises(ValueError, match="saved tokenizer is for 'jieba'"):
        other.from_disk(tmp_path / "tok")


def test_word_tags_are_jieba_posseg_tags():
    """The rules' word tags, read straight from jieba's dict.txt, are what jieba.posseg reads,
    and their frequencies what jieba counts."""
    import jieba
    import jieba.posseg

    from pipeline.resources import jieba_word_table

    table = jieba_word_table()
    posseg = jieba.posseg.dt.word_tag_tab
    assert len(table) == len(posseg) and dict(table.items()) == posseg
    assert all(table.get(w) == tag and w in table for w, tag in posseg.items())
    assert table.get("召开").startswith("v") and table.get("北京") == "ns"
    plain = jieba.Tokenizer()  # not jieba.dt, which other tests give the user dictionary
    plain.initialize()
    assert all(table.freq(w) == plain.FREQ[w] for w in ("会议", "召开", "北京", "的"))
    # what is no word of it: like a dict, nothing, whatever the key holds
    for key in ("", "会议\t", "会\n议", "不是一个词语", "\ud800"):
        assert key not in table and table.get(key) is None and table.get(key, "nr") == "nr" and table.freq(key) == 0
