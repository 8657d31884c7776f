"""People in a report: names, their titles, and surname+title aliases.

Pure functions over Simplified text (no spaCy). Chinese reports write a
person in a few fixed shapes, and each shape fixes where the name's edges are:
  title + name        副校长张立峰在…      (the name ends where a follower word starts)
  name + title        付梦印校长和…        (the name starts after a boundary or an org word)
  title、title + name 党委书记、董事长刘利民 (every title of the chain is the person's)
  list after a title  副主席王向梅、徐生明、县毅参加  (items of the same shape)
  name + honorific    习近平同志, 丁丽丽老师
  credit lines        文/张东东, 编辑:张东方, (包丽)
  surname + title     付校长, 张村长     (the same person as a full name with that surname)

Mechanism: the word lists (titles, followers, honorifics, introducers) match as
character tries (patterns.trie_pattern) over the text, not as spaCy matchers
over tokens, because the segmenters glue a post to a name or a name to a verb
(广东省长马兴瑞发了言: jieba 广东省|长马|兴瑞发, pkuseg 省长|马兴瑞发) and a
name's edge must still be found inside such a word. The segmenter's words decide one thing only: where a name
with no other evidence ends (name_after's fallback on a word boundary).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import load_json, load_lines, vocabulary, vocabulary_entries
from .patterns import CREDIT_MARKS, LABEL_GAP, trie_pattern

CJK = r"\u3400-\u9fff"


@dataclass(frozen=True)
class PeopleRules:
    """The people finder's windows and thresholds (its config in config.cfg)."""

    title_lookback_chars: int = 12   # 常务副理事长为王五: how long a post ending right before a name or a list may be
    chain_org_max_chars: int = 16    # 副区长、北外滩功能区管理委员会副主任: how long the organisation before a chained post may be
    chain_title_lookback_chars: int = 16  # how far back from its 、 the chain's previous post may start
    colon_list_reach_chars: int = 40  # 常务主席:王五、李四: how far along the line a list comma shows a shared post
    listing_verb_gap_chars: int = 8  # 参加会议的有: what may stand between the verb of attending and 的有
    post_in_clause_chars: int = 20   # 任命李四为全国人大常委会代表工作委员会主任。: how far after 为 the post that ends the clause may start
    posts_before_verb_chars: int = 8  # 由周建强副校长担任: how far after a name its posts and 同志 may run before 担任
    post_after_verb_chars: int = 10  # 担任学校工会主席: how far after 担任 its post may start
    # a word jieba counts this often (关怀, 荣获) is a name only where a post or a follower closes it,
    # not on a segmenter boundary or after a group word
    common_word_freq: int = 300
    # 名誉会长有候沐天、李志诚、林文玲、卢文辉: in a list a post vouches for, this long at least, one
    # three-character item may begin with a surname we do not know (a rare one, or a typo's)
    vouched_list_min_items: int = 4


@dataclass
class Mention:
    start: int              # the name's offsets in the text
    end: int
    name: str               # as found (Simplified); aliases like 付校长 included
    titles: list[tuple[int, int]] = field(default_factory=list)  # title offsets
    kind: str = "title"     # title | honorific | credit | list | verb | repeat | known | …
    alias: bool = False     # surname + title, no given name
    canonical: str | None = None

    @property
    def key(self) -> str:
        return self.canonical or self.name


class Lexicon:
    def __init__(self):
        data = load_json("people.json")
        self.surnames = set(load_lines("surnames.txt"))
        self.compound = {s for s in self.surnames if len(s) == 2}
        cores = sorted(set(data["title_cores"]), key=len, reverse=True)
        prefixes = sorted(set(data["title_prefixes"]), key=len, reverse=True)
        self.cores = set(cores)
        first = "".join(sorted({w[0] for w in prefixes + cores}))
        suffix = "(?:" + trie_pattern(data["title_suffixes"]) + ")?"
        self.title_re = re.compile(f"(?=[{re.escape(first)}])(?:" + trie_pattern(prefixes) + ")*(?:"
                                   + trie_pattern(cores) + ")" + suffix)
        self.core_re = re.compile("(?:" + "|".join(map(re.escape, cores)) + ")" + suffix + "$")
        self.honorifics = sorted(vocabulary("people.json", "honorifics", "stripped"), key=len, reverse=True)
        self.kinship = set(vocabulary("people.json", "honorifics", "kinship"))
        self.org_suffixes = set(data["org_suffixes"])
        self.followers = sorted(set(data["name_followers"]) | set(self.honorifics) | set(verbs_after_name()),
                                key=len, reverse=True)
        self.bad_chars = set(data["bad_name_chars"])
        self.bad_last_chars = self.bad_chars | set(data["division_suffixes"])  # 石桥镇: a place
        self.bad_inner_chars = self.bad_chars - set(data["name_chars_not_last"])
        self.verb_posts = set(data["posts_that_are_verbs"])
        self.not_names = set(data["not_names"]) | set(data["place_names"])
        self.not_name_prefix = re.compile(trie_pattern(n for n in self.not_names if len(n) >= 2))
        self.follower_re = re.compile(trie_pattern(self.followers))
        self.boundaries = set(data["name_boundaries"])
        self.preceders = tuple(data["name_preceders"])
        self.verbs_before_names = frozenset(data["verbs_before_names"])  # 落实 (tagged a), 会见 (n)
        self.last_before_role_verb = frozenset(data["last_chars_before_a_role_verb"])  # 景拴让主持
        self.verbs_before_a_post = frozenset(data["verbs_before_a_post"])  # 王五任副主任
        self.member_posts = tuple(data["member_posts"])  # 出席议员: 曹其真 …
        self.doctrine_names = data["named_in_doctrines"]
        self.doctrine_names_re = re.compile(trie_pattern(self.doctrine_names))
        key_words, key_pattern = credit_keys()
        self.credit_key_re = re.compile(key_pattern)
        self.credit_re = re.compile(self.credit_key_re.pattern + r"\s*\n?\s*([" + CJK + r"]{2,4})")
        # 审稿:宣传部 夏雅凤、董淑平: the unit, then the names credited, parted by spaces or 、
        self.credit_run_re = re.compile(r"[ \t\u3000]*((?:[" + CJK + r"]{2,12}[ \t\u3000]+)?[" + CJK
                                        + r"]{2,4}(?:(?:[ \t\u3000]+|[ \t\u3000]*、[ \t\u3000]*)[" + CJK + r"]{2,4}){0,5})")
        self.unit_then_name_re = re.compile(r"[ \t\u3000]+[" + CJK + r"]{2,4}")
        alias_cores = sorted(data["alias_cores"], key=len, reverse=True)
        self.alias_core_re = re.compile(trie_pattern(alias_cores))
        self.alias_excluded = set(data["alias_excluded_surnames"])
        self.rare_surnames = frozenset(data["rare_surnames"])
        self.function_tags = tuple(data["function_word_tags"])
        self.last_unless_after = dict(data["last_chars_unless_after"])  # 晓月 is a given name, 本月 none
        # 对下阶段工作 (进行部署): a preposition and its object before a verb of speaking
        prepositional = r"(?:" + trie_pattern(data["prepositions_before_verb"]) + r")[^,，。；;!！?？\n]{1,20}?"
        self.prepositional = "(?:" + prepositional + ")?"
        self.prepositional_verb_re = re.compile(prepositional + ROLE_VERBS.pattern)
        self.word_tags = _jieba_words()  # word -> tag, like a dict
        self.closing_honorifics = vocabulary("people.json", "honorifics", "closes_name")  # 同志, 先生, 女士
        self.honorific_re = re.compile(trie_pattern(vocabulary("people.json", "honorifics", "address")))
        # words that introduce names without being posts: 校领导张三、李四出席
        self.introducer_re = re.compile(trie_pattern(data["name_introducers"]))
        self.preceders += tuple(data["name_introducers"])
        # group words (党员, 居民, 业主) introduce a name only when a role verb or list closes it:
        # 党员周兴水表示 is a person, 居民幸福感 is not
        self.group_re = re.compile(trie_pattern(data["group_introducers"]))
        # a form label opens a line or follows a space (several fields on one line: 主席:王五 记录:李四)
        labels = trie_pattern(vocabulary("form_labels.json", "labels", "names"), LABEL_GAP)  # 主 持 人:
        self.list_label_re = re.compile(r"(?:^|(?<=\s))(?:" + labels + r")\s*[:：]\s*([^\n]+?)(?=\s+(?:" + labels
                                        + r")\s*[:：]|\n|$)")
        self.address_honorifics = vocabulary("people.json", "honorifics", "address")
        # what only follows a name: a form of address (同志) or the verb of taking part or chairing (出席, 主持)
        self.name_closers = tuple(sorted({*vocabulary("people.json", "honorifics", "closes_name"),
                                          *vocabulary("verbs.json", "attend", "closes_list"),
                                          *vocabulary("verbs.json", "chair", "name_cue")}, key=len, reverse=True))
        self.abbreviated_posts = set(data["abbreviated_posts"])
        self.appointment_re = re.compile(trie_pattern(data["appointment_verbs"]))
        byline_keys = trie_pattern(key_words)
        # a list of bare names opens where a name may open: after a boundary (、, 了, 由 …) or a line
        opening = "(?:^|(?<=[" + re.escape("".join(sorted(self.boundaries))) + "]))"
        self.list_given_post_re = re.compile(opening + LIST_GIVEN_POST, re.M)
        self.counted_list_re = re.compile(opening + COUNTED_LIST, re.M)
        self.name_given_post_re = re.compile(opening + NAME_GIVEN_POST, re.M)
        # the verbs those two end on: a page without one skips them (each pattern opens with a choice
        # of boundaries, so the engine would try it at every position)
        self.list_post_verb_re = re.compile(trie_pattern(vocabulary("people.json", "post_verbs", "list")))
        self.one_post_verb_re = re.compile(trie_pattern(vocabulary("people.json", "post_verbs", "one")))
        # the form labels of a field that names one person (主席:, 记录:): the chair's and the recorder's labels
        # of form_labels.json that give their role
        self.one_person_labels = tuple(sorted(vocabulary("form_labels.json", "labels", "role", field=("chair", "recorder")),
                                              key=len, reverse=True))
        self.credit_words = frozenset(key_words)
        # (the character before the bracket is tested once the bracket is read: the pattern opens with it)
        self.substitute_re = re.compile(r"[(（](?<=[" + CJK + r"][(（])([" + CJK + r"]{2,4}?)(?:"
                                        + trie_pattern(load_json("roles.json")["substitute_marks"]) + r")[)）]")
        # (通讯员 刘宜高 审核 周平 李功成): a bracket of credit words, each before its names
        self.credit_bracket_re = re.compile(r"[(（]([^()（）\n]{4,80})[)）]")
        # (包丽), (记者 杜有), (丁明强撰稿): a key may stand before the names or after them
        self.clause_speaker_re = re.compile(r"[。；;!！?？\n,，]([" + CJK + r"]{2,4}?)(?:"
                                            + trie_pattern(data["adverbs_before_verb"]) + ")?" + self.prepositional
                                            + ROLE_VERBS.pattern)
        self.byline_re = re.compile(r"(?:[(（]|(?<=\s))(?:(?:" + byline_keys + r")\s*)?((?:[" + CJK + r"]{2,3}\s+){0,5}["
                                    + CJK + r"]{2,3}?)(?:\s*(?:" + byline_keys + r"))?[)）]")


def verbs_after_name() -> tuple[str, ...]:
    """The verbs whose subject a name is, right before them (verbs.json): every
    role's verbs (use role: 主持, 出席, 强调, 汇报, 当选) and those that hold a
    meeting (use organizer: 召开, 主持召开). A name ends where one begins."""
    from .roles import ROLE_VERBS

    words = [w for _, concept in ROLE_VERBS for w in vocabulary("verbs.json", concept, "role")]
    return tuple(dict.fromkeys(words + list(vocabulary("verbs.json", "held", "organizer"))))




def credit_keys() -> tuple[list[str], str]:
    """The words of every key after which a name is credited, and one pattern
    of them all: the byline's credits (bylines.json, use name) with their
    marks, and the form labels of use credit (记录: 张三), with a colon;
    spaces may stand between a key's characters (记 录:); longest first. A key
    that opens a line may take a space for its colon (作者 王昊昊). Every
    alternative opens with its word's characters, so that the engine skips to
    where one stands (the line break is looked for behind the word); what
    follows a line-opening key is a letter of no Latin script, as a class of
    categories (CJK as a range would cost a millisecond to compile, once a key)."""
    credits = vocabulary_entries("bylines.json", "credits", "name")
    keys = [(e["word"], trie_pattern([e["word"]], LABEL_GAP) + CREDIT_MARKS[e["mark"]]) for e in credits]
    keys += [(e["word"], re.escape(e["word"]) + r"(?<=\n" + re.escape(e["word"]) + r")(?=[ \t\u3000]+[^\W\d_a-zA-Z])")
             for e in credits if e["mark"] == ":" and len(e["word"]) >= 2]
    keys += [(w, trie_pattern([w], LABEL_GAP) + CREDIT_MARKS[":"]) for w in vocabulary("form_labels.json", "labels", "credit")]
    keys.sort(key=lambda k: len(k[0]), reverse=True)
    return list(dict.fromkeys(word for word, _ in keys)), "(?:" + "|".join(key for _, key in keys) + ")"


def _jieba_words():
    """jieba's dictionary: its part-of-speech tags (a candidate that the dictionary
    knows as a common word, 公布 v, 居民 n, is no name) and its frequencies
    (关怀 and 荣获 carry a name's tag there, but a word that common is a name
    only where strong evidence makes it one): a resources.WordTable."""
    from ..resources import jieba_word_table

    return jieba_word_table()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


@lru_cache(maxsize=1 << 16)  # the same few thousand candidates, page after page
def _plausible_name(lex: Lexicon, name: str, word_ok: bool = False) -> bool:
    """Could `name` be a personal name? A common word of jieba's dictionary
    (公布, 居民) is not, unless the context leaves no doubt (word_ok:
    总经理万里、副总经理常青)."""
    if name in lex.not_names or len(name) < 2:
        return False
    sl = 2 if name[:2] in lex.compound else 1
    given = name[sl:]
    if not given or len(given) > 2:
        return False
    last_ok = len(given) == 2 and given[0] not in lex.last_unless_after.get(given[-1], given[0])
    if not all("\u3400" <= ch <= "\u9fff" for ch in given) or (given[-1] in lex.bad_last_chars and not last_ok) \
            or any(ch in lex.bad_inner_chars for ch in given[:-1]):
        return False
    if len(given) == 2 and lex.word_tags.get(given, "nr").startswith(lex.function_tags):
        return False  # 官其中, 全其他: a function word is no given name
    if given in lex.cores:
        return False  # 由他任组长: 任 serves as a post, it names no one
    tag = lex.word_tags.get(name)
    if tag is not None and not tag.startswith("nr") and not word_ok:
        return False
    if name[0] in lex.alias_excluded and lex.word_tags.get(given, "nr")[:2] not in ("nr", "ns"):
        return False  # 校长向全体, 会长向大家: a preposition before a word
    return not lex.not_name_prefix.match(name)


CHAIRED_BY = re.compile(r"由([" + CJK + r"]{2,3}?)(?:同志)?(?:主持|召集)")
LIST_JOINERS = "、和及与"  # 监事吕宪国、彭少麟和薛达元
_NAME = "[" + CJK + "]{2,3}?(?:同志)?"
# 李明华、赵丽、孙伟等参加会议: a bare list closed by a verb of attending, opening a clause
# or after the unit its people come from (县工作专班刘彩凤、李靖等同志到会: people.json org_suffixes);
# 张三、李四先后发言, 王五、赵六分别作了汇报: or by a verb of speaking, reporting or absence, an adverb
# or a reason (因病) before it
# 作了, 做了: the verbs of making a speech (roles.json made_speech) that open a clause after a name
MADE_SPEECH_VERBS = frozenset(v for m in load_json("roles.json")["made_speech"] for v in m["verbs"] if v.endswith("了"))
LIST_CLOSING_VERBS = sorted({*vocabulary("verbs.json", "attend", "closes_list"),
                             *(w for c in ("speech", "report", "absent") for w in vocabulary("verbs.json", c, "name_cue")),
                             *MADE_SPEECH_VERBS})
ATTENDING_LIST = re.compile(r"(?:^|(?<=[,，。；;:：\n\s" + re.escape(load_json("people.json")["org_suffixes"]) + r"]))(" + _NAME + r"(?:、" + _NAME + r")+)"
                            r"(?:等(?:同志|人|\d+人|[一二三四五六七八九十]+人|[" + CJK + r"]{0,2}(?:领导|老师|代表|委员|党员|同学))?)?(?:"
                            + trie_pattern(load_json("people.json")["adverbs_before_verb"]) + r")?(?:因[^，,。；;\n]{1,12}?)?(?:"
                            + trie_pattern(LIST_CLOSING_VERBS) + ")")  # 杨春生、吴金水因病缺席: the reason before the verb
ATTENDING_VERB = re.compile(trie_pattern(LIST_CLOSING_VERBS))  # what ATTENDING_LIST ends on


@lru_cache(maxsize=None)
def listed_have(gap_chars: int) -> re.Pattern:
    """参加会议的有王建国、李明华 / 出席会议的领导有: a verb of attending, up to
    gap_chars of its object, then 的有 opening the list."""
    return re.compile(r"(?:" + trie_pattern(vocabulary("verbs.json", "attend", "listing")) + r")[^,，。；;\n]{0,"
                      + str(gap_chars) + r"}?的(?:领导|人员|同志|嘉宾|代表)?有\s*[:：]?\s*")


# 雪克来提·扎克尔, 阿沛·阿旺晋美: names transliterated from Uyghur, Tibetan, Mongolian …, parts joined
# by a middle dot and no Han surname in front
TRANSLITERATED = re.compile(r"[" + CJK + r"]{2,6}(?:[·•‧・][" + CJK + r"]{2,6}){1,2}")
# a list of bare names joined by 、 (the last may follow 和/及/与), each item 2-3 characters
NAME_LIST = "(" + _NAME + "(?:、" + _NAME + ")*(?:[、和及与]" + _NAME + "))"
COUNTED_PERSONS = r"等?(?:[两二三四五六七八九十]|\d{1,3})(?:位|名)(?:同志|老师|教师|代表|委员|党员|同学)"  # 两位同志, 等15位同志, 三位老师
# 肖苏燕、范元均晋升商会副会长 / 陈哲、董会生当选常务委员: the names of a list given one post
# (people.json post_verbs, use list; the list opens after a name boundary: see Lexicon)
LIST_GIVEN_POST = (NAME_LIST + r"(?:" + COUNTED_PERSONS + r"|等(?:\d{1,3}|[两二三四五六七八九十]{1,3})[人名位]|等)?(?:"  # 等12人当选
                   + trie_pattern(vocabulary("people.json", "post_verbs", "list")) + ")")
# 齐利锋当选第二届理事会会长: one name, and a verb that gives it the post after it (use one)
NAME_GIVEN_POST = "(" + _NAME + r")(?:" + trie_pattern(vocabulary("people.json", "post_verbs", "one")) + ")"
# 秘书长由曹亚丽担任, 理事长由市中医院院长孙良金担任: a post, then who holds it (use held_by)
HELD_BY = re.compile(r"由(?:[^，。,；;、\n]{2,20}?)?(" + _NAME + r")(?:" + trie_pattern(vocabulary("people.json", "post_verbs", "held_by")) + ")")
# 副理事长为王秀阁、孙艳静 / 名誉会长有李志诚、林文玲 / 永远会长为周锦辉: a post, then the name or list that holds it
ONE_NAME = re.compile(_NAME)
POST_THEN_NAMES = re.compile(r"[为有]\s*[:：]?\s*(" + _NAME + "(?:、" + _NAME + ")*(?:[、和及与]" + _NAME + r")?)(?=[,，。；;\n]|等|$)")
# 张红波、李会杰两位同志: names counted as persons
COUNTED_LIST = NAME_LIST + COUNTED_PERSONS
# 任命吕靖、李保庚三位同志为委员 / 聘任傅廷栋等29人为委员 / 聘任谈晓宇先生为副总经理: after an appointment verb
APPOINTED_LIST = re.compile("(" + _NAME + "(?:[、和及与]" + _NAME + ")*)(?:" + COUNTED_PERSONS
                            + r"|等(?:\d{1,4}|[一二两三四五六七八九十百]{1,4})?(?:人|名|位)?(?:同志)?|"
                            + trie_pattern(vocabulary("people.json", "honorifics", "address")) + ")?为")
BRACKET_CLOSE = re.compile(r"[)）]")
SENTENCE_ENDS = re.compile(r"[。！？!?\n]")
CLAUSE_COMMA = re.compile(r"[，,；;]")
COUNTED_POST = re.compile(r"等?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:位|名)")  # …等4位里长
# verbs of a role (verbs.json, name_cue) and of making a speech (roles.json made_speech: 作了, 做了)
NAME_CUE_VERBS = sorted({w for concept in ("chair", "speech", "report", "absent") for w in vocabulary("verbs.json", concept, "name_cue")}
                        | set(vocabulary("verbs.json", "attend", "object"))
                        | MADE_SPEECH_VERBS)
ROLE_VERBS = re.compile("(" + trie_pattern(NAME_CUE_VERBS) + ")")
UNIT_TAGS = frozenset({"n", "b", "nz", "nt"})  # jieba's tags of the nouns a unit's name ends in (科技 n, 年级 b)
COMMON_CLASSES = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d"})  # jieba's tags of nouns, verbs, adjectives, adverbs


class PeopleFinder:
    def __init__(self, text: str, body_start: int = 0, token_starts=None, rules: PeopleRules = PeopleRules()):
        self.text = text
        self.body_start = body_start
        self.lex = lexicon()
        self.rules = rules
        self.common_words = self.lex.word_tags.common(rules.common_word_freq)
        self._token_starts = token_starts  # the segmenter's word starts, or a function giving them
        self.mentions: dict[int, Mention] = {}
        self._title_inside = bytearray(len(text) + 1)  # positions strictly inside a post, set by find
        self._title_starts = bytearray(len(text) + 1)  # where a post starts, set by find

    @property
    def token_starts(self) -> set[int]:
        if callable(self._token_starts):
            self._token_starts = self._token_starts()
        return self._token_starts or set()

    # ------------------------------------------------------------ name shapes
    def _surname_len(self, i: int) -> int:
        t = self.text
        if t[i:i + 2] in self.lex.compound:
            return 2
        return 1 if t[i:i + 1] in self.lex.surnames else 0

    def _plausible(self, name: str, word_ok: bool = False) -> bool:
        return _plausible_name(self.lex, name, word_ok)

    def alias_at(self, i: int) -> int | None:
        """End of a surname + post alias (付校长, 欧阳书记) starting at i."""
        t = self.text
        sl = self._surname_len(i)
        if not sl or t[i] in self.lex.alias_excluded:
            return None
        m = self.lex.alias_core_re.match(t, i + sl)
        if m and self._follower_at(m.end()) and not self._common_alias(i, m.end()):
            return m.end()
        return None

    def _common_alias(self, a: int, b: int) -> bool:
        """班主任, 班长: a surname and a post that make a frequent word of the dictionary are no alias
        (黄会计, a rare one, may be)."""
        return self._common_word(a, b) and not self.lex.word_tags.get(self.text[a:b], "nr").startswith("nr")

    def _alias_title(self, a: int, b: int) -> list[tuple[int, int]]:
        """The post of a surname + post alias (付校长 -> 校长); a form of
        address (郭先生, 杨老师) is no post."""
        start = a + (self._surname_len(a) or 1)
        post = self.text[start:b]
        return [] if post in self.lex.address_honorifics or post in self.lex.abbreviated_posts else [(start, b)]

    def _follower_at(self, i: int) -> bool:
        t = self.text
        if i >= len(t) or t[i] in self.lex.boundaries or not ("\u3400" <= t[i] <= "\u9fff"):
            return True
        if self.lex.follower_re.match(t, i):
            return True
        m = self.lex.title_re.match(t, i)
        return bool(m)

    def _rare_surname_name(self, i: int, listed: bool = False) -> tuple[int, int] | None:
        """总经理和向钧、…最后,和向钧对工作提出要求: a name whose surname is mostly a word
        (people.json rare_surnames), right after a post, closed there, and opening a clause
        elsewhere on the page; one mention alone is no evidence (校长和老师们), unless the
        post is an item of a list of posts and names, and the list goes on after the name
        (最高人民法院院长张军,最高人民检察院检察长应勇,…)."""
        t, lex = self.text, self.lex
        for n in (3, 2):
            b = i + n
            given = t[i + 1:b]
            if len(given) != n - 1 or not self._plausible(t[i:b]) or lex.word_tags.get(given, "nr")[:1] != "n" \
                    or not (self._closes_name(b) or self._follower_word_at(b)):
                continue
            if re.search(r"[,，。；;!！?？\n]" + re.escape(t[i:b]), t[b:]):
                return i, b
            if listed and t[b:b + 1] in ("、", ",", "，") and t[i:i + 2] not in lex.word_tags:
                return i, b
        return None

    def _in_list_of_posted_names(self, s: int) -> bool:
        """Does a post starting at s follow a named person and a list comma, an
        organisation at most between (院长张军,最高人民检察院检察长…)?"""
        t = self.text
        ends = {m.end for m in self.mentions.values()}
        for k in range(max(0, s - self.rules.chain_org_max_chars - 1), s):
            if t[k] in ("、", ",", "，") and k in ends \
                    and not re.search(r"[，,。；;、\s]", t[k + 1:s]):
                return True
        return False

    def _word_ends_at(self, i: int) -> bool:
        """Does a verb, or a noun a unit's name ends in, of two characters of the dictionary
        end at i, and not run into i (强调|吴, 冷弯科技|黄宏江总经理, 初一年级|马丽主任)?"""
        t = self.text
        if i < 2 or t[i - 1:i + 1] in self.lex.word_tags:
            return False
        word = t[i - 2:i]
        tag = self.lex.word_tags.get(word, "")
        return tag[:1] == "v" or tag in UNIT_TAGS or word in self.lex.verbs_before_names

    def _follower_spans(self, a: int, e: int) -> bool:
        """Does a follower word of two or more characters (先生, 同志, 出席) start at a
        and run past e? A name that ended at e would cut it in two."""
        m = self.lex.follower_re.match(self.text, a)
        return bool(m) and m.end() > e and m.end() - a >= 2

    def _follower_word_at(self, e: int) -> bool:
        """A whole follower word of two or more characters at e (表示, 出席)."""
        m = self.lex.follower_re.match(self.text, e)
        return bool(m) and m.end() - e >= 2

    def name_after(self, i: int, allow_words: bool = True) -> tuple[int, int] | None:
        """A name starting at i (after a title), its end fixed by what follows.
        allow_words: a dictionary word may be a name when the context closes it."""
        translit_end = self._transliterated_end(i)
        if translit_end:
            return i, translit_end
        sl = self._surname_len(i)
        if not sl:
            return None
        alias_end = self.alias_at(i)
        if alias_end:
            return i, alias_end
        options = []
        for given in (2, 1):
            e = i + sl + given
            name = self.text[i:e]
            # 王启川特别莅临, 范小俊开门见山: a name also ends where an adverb, verb or idiom starts
            if e < len(self._title_inside) and self._title_inside[e]:
                continue
            if given == 2 and self._follower_spans(e - 1, e) and not self._follower_word_at(e):
                continue  # 高峰先生出席: 先生 is one word, so the name is 高峰; but 蒋顺发表示
            word_ok = allow_words and self._closes_name(e) and not self._common_noun_or_verb(i, e)  # not 负责人关系,
            if self._plausible(name, word_ok=word_ok) and (
                    self._follower_at(e) or self._word_opens_at(e)):
                options.append(e)
            elif given == 2 and name[-1] in self.lex.last_before_role_verb and self._plausible(name[:-1]):
                verb = ROLE_VERBS.match(self.text, e)
                if verb and self.text[e:verb.end() + 1] not in self.lex.word_tags:  # not 让主持人宣读
                    options.append(e)  # 景拴让主持: 让 (to let) would have no object
        if options and options[0] == i + sl + 2 and self._opens_preposition(options[0] - 1) \
                and self._plausible(self.text[i:options[0] - 1], word_ok=True):
            return i, options[0] - 1  # 主任甘露关于…的通报: a name takes no character of the preposition after it
        if options and options[0] == i + sl + 2 <= len(self.text) and self.text[options[0] - 1] in self.lex.verbs_before_a_post \
                and self.lex.title_re.match(self.text, options[0]) and self._plausible(self.text[i:options[0] - 1], word_ok=True):
            return i, options[0] - 1  # 副县长王涛任组长: 任 serves as the post after it
        if len(options) == 2 and self._splits_a_word(i, options[1], options[0]):
            return i, options[1]
        if options:
            return i, options[0]
        e = i + 4
        if sl == 1 and self._surname_len(i + 1) == 1 and self._plausible(self.text[i + 1:e]) \
                and not any(ch in self.lex.bad_chars for ch in self.text[i + 2:e]) and (
                self._follower_at(e) or self._closes_name(e) or self._word_opens_at(e)):
            return i, e  # 陈黄淑媛: a married woman's name with both surnames, as Taiwan writes it
        four = self.text[i:e]
        if sl == 1 and self.text[e:e + 1] == "、" and all(self.lex.word_tags.get(w, "nr")[:2] in ("nr", "ns", "nz") for w in (four, four[:2], four[2:])) \
                and all("\u3400" <= ch <= "\u9fff" and ch not in self.lex.bad_chars for ch in four) \
                and not self.lex.title_re.search(four):
            return i, e  # 省委书记巴音朝鲁、省长…: a Mongolian name of four, closed by the list comma
        # fall back on the segmenter: a token boundary 2-3 characters on, the name not
        # running into a post (教授任名誉主任委员: 任 is the verb before the post)
        for given in (2, 1):
            e = i + sl + given
            if e in self.token_starts and self._plausible(self.text[i:e]) and not self._common_word(i, e) \
                    and not any(self._title_inside[k] or self._title_starts[k] for k in range(i + 1, e + 1)):
                return i, e
        return None

    def _common_noun_or_verb(self, a: int, b: int) -> bool:
        """关系, 建设: a frequent noun or verb of the dictionary, which no context makes a
        name (万里, a numeral, and 常青, a name, may be one: 总经理万里、副总经理常青)."""
        return self._common_word(a, b) and self.lex.word_tags.get(self.text[a:b], "")[:2] in COMMON_CLASSES

    def _common_word(self, a: int, b: int) -> bool:
        """荣获, 关怀: a frequent word of the dictionary, whatever its tag."""
        return self.text[a:b] in self.common_words

    def _transliterated_end(self, i: int) -> int | None:
        """End of a dotted transliterated name at i (艾尔肯·吐尼亚孜主持): its last part
        ends at the first list joiner, punctuation or follower word (主持, 出席)."""
        m = TRANSLITERATED.match(self.text, i)
        if not m:
            return None
        last_dot = max(m.group(0).rfind(d) for d in "·•‧・") + i
        for e in range(last_dot + 3, m.end() + 1):
            if self.text[e:e + 1] in "、" + LIST_JOINERS or self._follower_at(e):
                return e
        return None

    def _opens_preposition(self, i: int) -> bool:
        """Does a preposition of the dictionary (关于, 对于, 按照) start at i?"""
        return self.lex.word_tags.get(self.text[i:i + 2], "")[:1] == "p"

    def _splits_a_word(self, i: int, short_end: int, long_end: int) -> bool:
        """王强调研, 李岩针对: would the longer name take the first character of
        the next word? Not when the longer name is followed by a whole follower
        word (倪明亮出席, 蒋顺发表示), is written again elsewhere with another
        continuation (钟林生为…, 钟林生秘书长), or the shorter one is a word (许昌)."""
        t = self.text
        if not self._word_opens_at(short_end) or self.lex.word_tags.get(t[i:short_end], "nr")[:2] not in ("nr",):
            return False
        if t[short_end] in "作做":
            return True  # 张伟作讲话: a light verb before its speech word
        follower = self.lex.follower_re.match(t, long_end) or self.lex.title_re.match(t, long_end)
        if follower and follower.end() - long_end >= 2:
            return False
        name = t[i:long_end]
        continuations = {t[m.end():m.end() + 1] for m in re.finditer(re.escape(name), t)}
        return len(continuations) < 2

    def _word_opens_at(self, i: int) -> bool:
        """Does a verb, preposition, adverb or conjunction of the dictionary
        start at i (调研, 针对, 布置), or a light verb before a speech word (作讲话)?
        Then a name that reached past i would cut that word in two."""
        t = self.text
        for n in (4, 3, 2):
            tag = self.lex.word_tags.get(t[i:i + n])
            if tag and (tag[0] in "vpdc" or tag in ("i", "ad")):
                return True
        return t[i:i + 1] in "作做" and bool(self.lex.follower_re.match(t, i + 1))

    def _closes_name(self, i: int) -> bool:
        """What only follows a name: a list comma, 同志, or the verb of a
        meeting role (出席, 主持)."""
        t = self.text
        if i < len(t) and t[i] in "和及与":  # 书记马建国和侯文杰: closed when a name follows the 和
            return bool(self._surname_len(i + 1)) and self._plausible(t[i + 1:i + 4]) or self._plausible(t[i + 1:i + 3])
        return i >= len(t) or t[i] in "、,，。;；" or t.startswith(self.lex.name_closers, i)

    def _boundary_before(self, i: int) -> bool:
        if i <= 0:
            return True
        ch = self.text[i - 1]
        if self.text[i - 1:i + 1] in self.lex.word_tags:
            return False  # 社区毛主任: 区 belongs to 社区, the name starts after it
        return (ch in self.lex.boundaries or ch in self.lex.org_suffixes or not ("\u3400" <= ch <= "\u9fff")
                or self.text.endswith(self.lex.preceders, 0, i))

    def name_before(self, j: int) -> tuple[int, int, bool] | None:
        """A name ending at j (before a title): (start, end, is_alias)."""
        if self.text[j - 1:j] in self.lex.verbs_before_a_post:
            for n in (3, 2):  # 王五任副主任: the name, then the verb giving it the post
                s = j - 1 - n
                if s >= 0 and self._surname_len(s) and self._plausible(self.text[s:j - 1]) and self._boundary_before(s) \
                        and not self.lex.word_tags.get(self.text[s:j], "").startswith("nr"):
                    return s, j - 1, False
        for n in (3, 2, 4):
            s = j - n
            if s < 0:
                continue
            name = self.text[s:j]
            known = s in self.mentions and self.mentions[s].end == j  # 主任委员黄维院士: found after a post
            if self._surname_len(s) and self._plausible(name) and (
                    known or self._boundary_before(s) or self.lex.word_tags.get(name, "").startswith("nr")
                    or self._word_ends_at(s) and self.lex.word_tags.get(name[:2], "nr").startswith("nr")):
                # a name the dictionary knows needs no boundary (贯彻习近平总书记), nor one after a
                # verb or noun of the dictionary that opens with no word of it (强调吴映红局长对…,
                # 冷弯科技黄宏江总经理; not 了解班级和班主任)
                return s, j, False
        for s in (j - 2, j - 1):
            if s >= 0 and self._surname_len(s) == j - s and self.text[s] not in self.lex.alias_excluded \
                    and self._boundary_before(s) and not self._common_alias(s, self._post_end(j)):
                return s, j, True
        return None

    def _post_end(self, j: int) -> int:
        """The end of the post starting at j (j itself when none does)."""
        m = self.lex.title_re.match(self.text, j)
        return m.end() if m else j

    # ------------------------------------------------------------ passes
    def _add(self, m: Mention) -> Mention:
        old = self.mentions.get(m.start)
        if old is None or (old.end - old.start) < (m.end - m.start) and old.kind != "title":
            self.mentions[m.start] = m
            return m
        for t in m.titles:
            if t not in old.titles:
                old.titles.append(t)
        return old

    def _title_chain_before(self, s: int) -> list[tuple[int, int]]:
        """Titles joined by 、 (or 兼) before position s, each possibly after its
        organisation: 政治局常委、国务院总理李克强."""
        chain = []
        t = self.text
        while s > 0:
            j = s
            while j > 0 and s - j < self.rules.chain_org_max_chars and t[j - 1] not in "、兼" and "\u3400" <= t[j - 1] <= "\u9fff":
                j -= 1  # the organisation written before this title
            if j == 0 or t[j - 1] not in "、兼":
                break
            best = None
            for m in self.lex.title_re.finditer(t, max(0, j - self.rules.chain_title_lookback_chars), j - 1):
                if m.end() == j - 1:
                    best = m
                    break
            if best is None or self._inside_mention(best.start()):
                break  # 程主任、大队辅导员刘老师: 主任 is 程主任's, not a post of the next one
            chain.append((best.start(), best.end()))
            s = best.start()
        return chain

    def _form_lists(self):
        """参会人员: 李四、王五、赵六 — the names a form lists after its label."""
        t = self.text
        if ":" not in t and "：" not in t:
            return  # every label has its colon
        for m in self.lex.list_label_re.finditer(t):
            # 出席议员: 曹其真 …, 列席委员: …: the members' post that the label names is each one's
            label = t[m.start():m.start(1)].rstrip(" \t:：")
            member = self.lex.title_re.fullmatch(t, m.start() + len(label) - 2, m.start() + len(label)) \
                if label.endswith(self.lex.member_posts) else None
            titles = [member.span()] if member else []
            for item in re.finditer(r"[^、,，;；\s()（）]+", m.group(1)):
                a, b = m.start(1) + item.start(), m.start(1) + item.end()
                if self._inside_mention(a):
                    continue  # 村党支部书记刘德明: found with its post
                a, b = self._form_item_name(a, b)
                name = t[a:b]
                for h in self.lex.honorifics:
                    if name.endswith(h) and len(name) - len(h) >= 2:
                        name, b = name[: -len(h)], b - len(h)
                alias_end = self.alias_at(a)
                if alias_end == b:
                    self._add(Mention(a, b, name, titles=self._alias_title(a, b), kind="label", alias=True))
                elif 2 <= len(name) <= 4 and self._surname_len(a) and self._plausible(name, word_ok=True) \
                        and not self.lex.alias_core_re.fullmatch(t, a + self._surname_len(a), b):
                    # 参会人员: 家长、班主任: a surname and a post that make a word (班主任) are no name
                    self._add(Mention(a, b, name, titles=list(titles), kind="label"))

    def _form_item_name(self, a: int, b: int) -> tuple[int, int]:
        """The name an item of a form's list holds: 冼美华及各科室主任 -> 冼美华 (the rest joined by
        及/和/与), 区住建局冯志刚 -> 冯志刚 (after the unit that ends in an organisation's suffix)."""
        t = self.text
        for k in range(a + 2, min(b - 1, a + 4)):
            if t[k] in "及和与" and self._surname_len(a) and self._plausible(t[a:k]):
                return a, k
        if b - a > 4:
            for n in (3, 2):
                x = b - n
                if t[x - 1] in self.lex.org_suffixes and self._surname_len(x) and self._plausible(t[x:b]) \
                        and not self._common_word(x, b):
                    return x, b
        return a, b

    def _attending_lists(self):
        """李明华、赵丽、孙伟等参加 / 参加会议的有王建国、李明华: names listed
        without posts, closed by a verb of attending or opened by …的有. Every
        item must look like a name, and none may be a common word."""
        t = self.text
        listed = t.find("、", self.body_start) >= 0 and ATTENDING_VERB.search(t, self.body_start)
        for m in ATTENDING_LIST.finditer(t, self.body_start) if listed else ():
            self._add_bare_list(m.start(1), m.end(1))
        for m in listed_have(self.rules.listing_verb_gap_chars).finditer(t, self.body_start):
            end = m.end()
            stop = re.search(r"[。;；\n]|等", t[end:])
            self._add_bare_list(end, end + (stop.start() if stop else len(t) - end))

    def _add_bare_list(self, a: int, b: int, titles=()):
        """Every item of the list a..b as a name, when each looks like one (the
        list vouches for them all, or for none: 全体党员、王五 is no list of names).
        A long list that a post vouches for may hold one name whose surname is
        not in our list."""
        t = self.text
        items = self._list_items(a, b)

        def name_like(x: int, y: int, surname_known: bool = True) -> bool:
            return 2 <= y - x <= 3 and (self._surname_len(x) > 0) == surname_known and self._plausible(t[x:y]) \
                and not self._common_word(x, y) and t[x:y] not in self.lex.not_names
        good = [(x, y) for x, y in items if name_like(x, y)]
        if titles and len(items) >= self.rules.vouched_list_min_items and len(good) == len(items) - 1:
            stranger = next(item for item in items if item not in good)
            if stranger[1] - stranger[0] == 3 and "\u3400" <= t[stranger[0]] <= "\u9fff" and name_like(*stranger, surname_known=False):
                good = items
        if len(items) < 2 or len(good) < len(items):
            return
        for x, y in good:
            if not self._inside_mention(x):
                self._add(Mention(x, y, t[x:y], titles=list(titles), kind="list"))
            elif titles and x in self.mentions:
                self._add(Mention(x, y, t[x:y], titles=list(titles), kind="list"))  # adds the post

    def _list_items(self, a: int, b: int) -> list[tuple[int, int]]:
        """The items of a list of names, 同志 after an item left out; the last
        item may follow 和/及/与 (李四、王五和赵六)."""
        t = self.text
        items = [(x.start() + a, x.end() + a) for x in re.finditer(r"[^、,，\s]+", t[a:b])]
        if len(items) > 1 and items[-1][1] - items[-1][0] > 3:
            x, y = items[-1]
            joiner = next((k for k in range(x + 2, min(y - 1, x + 4)) if t[k] in "和及与"), None)
            if joiner:
                items[-1:] = [(x, joiner), (joiner + 1, y)]
        for k, (x, y) in enumerate(items):
            if t[y - 2:y] == "同志":
                items[k] = (x, y - 2)
        return items

    def _posted_lists(self):
        """Lists of bare names that a post, an appointment or a count vouches
        for: 肖苏燕、范元均晋升副会长; 副理事长为王秀阁、孙艳静 (会长为周锦辉); 任命吕靖、李保庚
        三位同志为委员; 张红波、李会杰两位同志."""
        t = self.text
        lists = self.lex.list_post_verb_re.search(t, self.body_start)
        for m in self.lex.list_given_post_re.finditer(t, self.body_start) if lists else ():
            post = self._post_at_clause_end(m.end())
            if post:
                self._add_bare_list(m.start(1), m.end(1), [post])
        for m in POST_THEN_NAMES.finditer(t, self.body_start):
            post = self._title_ending_at(m.start())
            if not post:
                continue
            if not ONE_NAME.fullmatch(m.group(1)):
                self._add_bare_list(m.start(1), m.end(1), [post])
            elif m.start(1) not in self.mentions and not t.startswith("等", m.end()):
                self._add_posted_name(*m.span(1), post, common_ok=False)
        counted = t.find("同志", self.body_start) >= 0  # what COUNTED_PERSONS ends on
        for m in self.lex.counted_list_re.finditer(t, self.body_start) if counted else ():
            self._add_bare_list(m.start(1), m.end(1))
        ones = self.lex.one_post_verb_re.search(t, self.body_start)
        for m in self.lex.name_given_post_re.finditer(t, self.body_start) if ones else ():
            post = self._post_at_clause_end(m.end())
            if post and m.start(1) not in self.mentions:
                self._add_posted_name(*m.span(1), post, common_ok=False)
        for m in HELD_BY.finditer(t, self.body_start):
            post = self._title_ending_at(m.start())
            if post and (m.start(1) == m.start() + 1 or self._title_ends_at(m.start(1))):
                # 秘书长由曹亚丽担任; 理事长由市中医院院长孙良金担任: the holder's own post before the name
                self._add_posted_name(*m.span(1), post)
        for verb in self.lex.appointment_re.finditer(t, self.body_start):
            m = APPOINTED_LIST.match(t, verb.end())
            post = self._post_at_clause_end(m.end()) if m else None
            if m and re.search("[、和及与]", m.group(1)):
                # 选举马德福、孙强、赵卫东为新一届理事会成员: the list vouches for its names, a post or not
                self._add_bare_list(m.start(1), m.end(1), [post] if post else [])
            elif post and m.group(0) != m.group(1) + "为":  # 聘任傅廷栋等29人为委员: one name and a count
                self._add_posted_name(*m.span(1), post)

    def _add_posted_name(self, a: int, b: int, post: tuple[int, int], common_ok: bool = True) -> None:
        """One bare name a..b (同志 after it left out) given `post`, when it looks like a name."""
        t = self.text
        b = b - 2 if t.startswith("同志", b - 2) else b
        if 2 <= b - a <= 3 and self._surname_len(a) and self._plausible(t[a:b]) \
                and (common_ok or not self._common_word(a, b)):
            self._add(Mention(a, b, t[a:b], titles=[post], kind="title"))

    def _title_ending_at(self, i: int) -> tuple[int, int] | None:
        """The longest post that ends at i (常务副会长, not 会长)."""
        for k in range(max(0, i - self.rules.title_lookback_chars), i):
            if self.lex.title_re.fullmatch(self.text, k, i):
                return k, i
        return None

    def _listed_after_colon(self, s: int, e: int) -> bool:
        """A post with its own modifier (常务主席, 副主任) before a colon and a
        list of two or more names: a post the list shares. A bare form label
        (主席: 王五) is a role, not a post."""
        t = self.text
        core = self.lex.core_re.search(t[s:e])
        line = t[e + 1:t.find("\n", e) if t.find("\n", e) >= 0 else len(t)]
        return bool(core) and core.start() > 0 and len(re.findall("[、，,]", line[:self.rules.colon_list_reach_chars])) >= 1

    def _parenthesized_posts(self):
        """主持人:王建国(村支书), 刘洋(党工委委员、武装部部长), 黄志刚(街道党工委书记): the posts in
        brackets right after the name, each closing its piece, its unit before it at most."""
        t = self.text
        for m in list(self.mentions.values()):
            if t[m.end:m.end + 1] not in ("(", "（"):
                continue
            close = BRACKET_CLOSE.search(t, m.end + 1, m.end + 2 + self.rules.chain_org_max_chars * 2)
            if not close:
                continue
            for piece in re.finditer(r"[^、,，)）]+", t[m.end + 1:close.start()]):
                a, b = m.end + 1 + piece.start(), m.end + 1 + piece.end()
                title = next((x for x in self.lex.title_re.finditer(t, a, b) if x.end() == b), None)
                if title and title.start() - a <= self.rules.chain_org_max_chars and title.span() not in m.titles:
                    m.titles.append(title.span())

    def _counted_lists(self):
        """李源荣、陈弘烈等4位里长 / 王五和赵六2名委员: names before a counted
        post all hold it."""
        t = self.text
        for m in COUNTED_POST.finditer(t) if "位" in t or "名" in t else ():
            title = self.lex.title_re.match(t, m.end())
            if not title:
                continue
            names, j = [], m.start()
            while j > 0:
                hit = next(((j - n, j) for n in (3, 2) if j - n >= 0 and self._surname_len(j - n)
                            and self._plausible(t[j - n:j])), None)
                if not hit:
                    break
                names.append(hit)
                j = hit[0]
                if j == 0 or t[j - 1] not in LIST_JOINERS:
                    break
                j -= 1
            if not names or (len(names) == 1 and not self._boundary_before(names[0][0])):
                continue  # a list vouches for its own edges; a lone name needs a boundary
            for a, b in names:
                self._add(Mention(a, b, t[a:b], titles=[title.span()], kind="list"))

    def _appointments(self):
        """确定刘长河为理事长候选人 (选举黄虹女士为独立董事): a post given to a named person vouches for the name.
        Each clause of the sentence may appoint again (选举A为会长,B、C为副会长,B为秘书长)."""
        t = self.text
        for m in self.lex.appointment_re.finditer(t, self.body_start):
            stop = SENTENCE_ENDS.search(t, m.end())
            stop = stop.start() if stop else len(t)
            a = m.end()
            while a is not None and a < stop:
                nxt = self._appointed_at(a)
                if nxt is None:
                    comma = CLAUSE_COMMA.search(t, a, stop)
                    nxt = comma.end() if comma else None
                a = nxt

    def _appointed_at(self, a: int) -> int | None:
        """The name at a given the post after 为; where the next of a list of
        appointments starts (选举A为会长、B为常务副会长), or None."""
        t = self.text
        for n in (3, 2):
            b = a + n
            known = a in self.mentions and self.mentions[a].end == b  # 选举王五同志为主任: found by 同志
            if not known and (a in self.mentions or not (self._surname_len(a) and self._plausible(t[a:b], word_ok=True))):
                continue
            c = b + next((len(h) for h in self.lex.closing_honorifics if t.startswith(h, b)), 0)  # 选举黄虹女士为
            post = self.lex.title_re.match(t, c) if t[c:c + 1] != "为" else None
            if post and t[post.end():post.end() + 1] == "为":
                c = post.end()  # 选举农学院韦世杰教授为副主任委员: the post the name holds already
            if t[c:c + 1] != "为":
                continue
            title = self._post_at_clause_end(c + 1)
            if title:
                self._add(Mention(a, b, t[a:b], titles=[title], kind="title"))
                return title[1] + 1 if t[title[1]:title[1] + 1] in ("、", ",", "，") else None
        return None

    def _post_at_clause_end(self, i: int) -> tuple[int, int] | None:
        """A post within a few characters (after its organisation) that ends the clause."""
        t = self.text
        aside = -1  # where a bracketed aside in the organisation's name ends: 县工商联(总商会)主席
        for k in range(i, min(len(t), i + self.rules.post_in_clause_chars)):
            if k < aside:
                continue
            title = self.lex.title_re.match(t, k)
            if title and (title.end() >= len(t) or t[title.end()] in "，,。；;、\n并(（ \t\u3000"):  # 当选会长并发表讲话, 为秘书长(兼), 为独立董事 186,297 (a row of a table)
                return title.span()
            if t[k] in "(（" and k > i:
                close = BRACKET_CLOSE.search(t, k, k + 10)
                if close:
                    aside = close.end()
                    continue
            if not ("\u3400" <= t[k] <= "\u9fff"):
                return None
        return None

    def _appointed_titles(self):
        """由周建强副校长担任学校工会主席: the post after 担任 is a title too."""
        t = self.text
        for m in self.mentions.values():
            i = m.end
            while i < len(t) and i - m.end < self.rules.posts_before_verb_chars and (self.lex.title_re.match(t, i) or t.startswith(("同志",), i)):
                i = self.lex.title_re.match(t, i).end() if self.lex.title_re.match(t, i) else i + 2
            v = re.match(r"(?:担任|出任|当选为|当选|兼任|任)", t[i:i + 3])  # 王志芹教授任名誉主任委员
            if not v:
                continue
            j = i + v.end()
            for k in range(j, min(len(t), j + self.rules.post_after_verb_chars)):
                title = self.lex.title_re.match(t, k)
                if title and title.end() < len(t) and t[title.start():title.end() + 1] in self.lex.word_tags:
                    continue  # 当选理事会会长: 理事 opens the body 理事会, the post comes after it
                if title and not ("\u3400" <= t[title.end():title.end() + 1] <= "\u9fff"
                                  and self._surname_len(title.end())):
                    if (title.start(), title.end()) not in m.titles:
                        m.titles.append((title.start(), title.end()))
                    break
                if not ("\u3400" <= t[k] <= "\u9fff"):
                    break

    def find(self) -> list[Mention]:
        t, lex = self.text, self.lex
        body = self.body_start
        titles = []
        for m in lex.title_re.finditer(t):
            s, e = m.span()
            core = lex.core_re.search(m.group(0)).group(0)
            if e < len(t) and t[e] in "会团们" and core in ("委员", "代表", "常委", "主席", "主任"):
                continue  # 委员会, 代表团, 主席团: bodies, not posts
            if e < len(t) and t[s:e + 1] in lex.word_tags:
                if lex.title_re.fullmatch(t, s, e + 1):
                    titles.append((s, e + 1))  # 总会计 + 师: the longer word is the post (总会计师)
                continue  # 校长室, 主席台, 会计师: the post is the start of a longer word
            titles.append((s, e))
        self._title_inside = inside = bytearray(len(t) + 1)
        self._title_starts = starts = bytearray(len(t) + 1)
        for s, e in titles:  # a name may not end inside a post: 书记任名誉教授 names no 任名誉
            inside[s + 1:e] = b"\x01" * (e - s - 1)
            starts[s] = 1
        for s, e in titles:
            if t[s:e] in lex.verb_posts and (t.endswith("同志", 0, s) or self.name_before(s)
                                             or any(b == s for _, b in titles)):
                # 李博代表支委发言, 顾问代表卢市长出席: to represent, not a post; only a person
                # named by surname and post (卢市长) is represented, never a body (支委, 镇政府)
                before = self.name_before(s)
                if before and not before[2] and not lex.title_re.fullmatch(t, before[0], before[1]):
                    self._add(Mention(before[0], before[1], t[before[0]:before[1]], kind="verb"))
                alias_end = self.alias_at(e)
                if alias_end:
                    self._add(Mention(e, alias_end, t[e:alias_end], titles=self._alias_title(e, alias_end),
                                      kind="title", alias=True))
                continue
            after = self.name_after(e)
            if not after and t[e:e + 1] in " \n" and self._surname_len(e + 1):
                after = self.name_after(e + 1)  # 会议由区委副书记\n王建国主持: a line broken after the post
            if not after and t[e:e + 1] in ":：" and self._listed_after_colon(s, e):
                after = self.name_after(e + 1)  # 主席团常务主席:王建国、李明华…
            if not after and t[e:e + 1] in lex.rare_surnames:
                after = self._rare_surname_name(e, listed=self._in_list_of_posted_names(s))
            if after:
                a, b = after
                chain = [(s, e)] + self._title_chain_before(s)
                alias = bool(lex.alias_core_re.fullmatch(t, a + (self._surname_len(a) or 1), b))  # 付校长, not 董宇龙
                if alias:
                    chain += self._alias_title(a, b)
                ment = self._add(Mention(a, b, t[a:b], titles=chain, kind="title", alias=alias))
                self._list_after(ment)
                continue
            before = self.name_before(s)
            if before:
                a, b, alias = before
                name = t[a:e] if alias else t[a:b]
                if alias and not lex.alias_core_re.fullmatch(t[s:e]):
                    continue
                ment = Mention(a, e if alias else b, name, titles=[(s, e)], kind="title", alias=alias)
                self._add(ment)
        for m in lex.introducer_re.finditer(t, body):
            after = self.name_after(m.end(), allow_words=False)
            if after and after[0] not in self.mentions and t[after[0]] not in lex.alias_excluded \
                    and lex.word_tags.get(t[after[0]:after[0] + 2], "nr").startswith("nr") \
                    and not self._common_word(*after):
                # 代表业主向社区…, 领导班子能…: a preposition or a common word is no name
                a, b = after
                self._list_after(self._add(Mention(a, b, t[a:b], kind="introduced",
                                                   alias=bool(lex.alias_core_re.fullmatch(t[a + 1:b])))))
        for m in lex.group_re.finditer(t, body):
            after = self.name_after(m.end(), allow_words=False)
            if not after or after[0] in self.mentions or t[after[0]] in lex.alias_excluded:
                continue
            a, b = after
            alias = bool(lex.alias_core_re.fullmatch(t[a + 1:b]))
            if not alias and (not lex.word_tags.get(t[a:a + 2], "nr").startswith("nr") or self._common_word(a, b)
                              or self._common_noun_or_verb(a + (self._surname_len(a) or 1), b)):
                continue  # 群众幸福感, 领导关怀, 校友常联系: the name would open with, or be, a common word
            if alias or self._closes_name(b) or ROLE_VERBS.match(t, b) or lex.prepositional_verb_re.match(t, b):
                self._list_after(self._add(Mention(a, b, t[a:b], kind="introduced", alias=alias)))  # 党员A、B、C因…请假
        for m in lex.credit_re.finditer(t):
            name = m.group(1)
            a = m.start(1)
            for h in lex.honorifics:
                if name.endswith(h) and len(name) - len(h) >= 2:
                    name = name[: len(name) - len(h)]
            cut = self.name_after(a)
            if cut and cut[1] - a <= len(name):
                name = t[a:cut[1]]
            if self._credited_unit(a, a + len(name)):
                continue  # the unit before the names: _credit_runs reads them
            # 二审:高山 : a name that fills its field, nothing but a space or the line's end after it,
            # may be a word of the dictionary, one the rules keep from names elsewhere too if the
            # dictionary knows it as a name (记录人:黎明)
            fills = a + len(name) == len(t) or t[a + len(name)] in " \t\u3000\n)）"
            if self._surname_len(a) and (self._plausible(name, word_ok=fills) or lex.core_re.search(name)
                                         or fills and lex.word_tags.get(name) == "nr"):
                alias = bool(lex.core_re.search(name)) and len(name) <= 3
                titles = self._alias_title(a, a + len(name)) if alias else []
                self._add(Mention(a, a + len(name), name, titles=titles, kind="credit", alias=alias))
        for m in lex.honorific_re.finditer(t, body):
            e = m.start()  # the name ends where the honorific starts
            if t[e:m.end() + 1] in lex.word_tags:
                continue  # 北京校友会: the honorific opens a longer word
            for n in (3, 2):
                a = e - n
                if a >= body and self._surname_len(a) and self._plausible(t[a:e]) and (
                        self._boundary_before(a) or a in self.mentions or self._title_ends_at(a)
                        or self.lex.word_tags.get(t[a - 2:a], "")[:1] in ("v", "p")):
                    # 审议并通过何艳华同志代表…: a verb of the dictionary before name and honorific
                    self._add(Mention(a, e, t[a:e], kind="honorific"))
                    break
        self._credit_runs()
        self._credit_brackets()
        # bylines in parentheses: (包丽), 政协办 何虹霞), (张云龙 王洁 孙雨静), (记者 杜有)
        for m in lex.byline_re.finditer(t) if ")" in t or "）" in t else ():  # a byline closes its bracket
            for name in re.finditer(r"[" + CJK + r"]+", m.group(1)):
                a, b = m.start(1) + name.start(), m.start(1) + name.end()
                if self._byline_name(a, b):
                    self._add(Mention(a, b, t[a:b], kind="credit"))
        # a name opening a clause with a speech verb, an adverb may stand between: 徐振祥指出, 张明华也表示
        # (the body's start, written as a line break before it, is a clause boundary too: the pattern
        # then opens with a class of characters, which the engine skips to at C speed)
        for m in lex.clause_speaker_re.finditer("\n" + t[body:]):
            a, b = m.start(1) + body - 1, m.end(1) + body - 1
            if b - a >= 2 and self._surname_len(a) and a not in self.mentions:
                alias_end = self.alias_at(a)
                if alias_end == b:
                    self._add(Mention(a, b, t[a:b], titles=self._alias_title(a, b), kind="verb", alias=True))
                elif self._plausible(t[a:b]) and not self._common_word(a, b):
                    self._add(Mention(a, b, t[a:b], kind="verb"))
        # 会议由肖大志主持: the chair's slot vouches even for a name that is also a word
        for m in CHAIRED_BY.finditer(t, body):
            a, b = m.span(1)
            if a not in self.mentions and self._surname_len(a) and self._plausible(t[a:b], word_ok=True):
                self._add(Mention(a, b, t[a:b], kind="verb"))
        self._named_in_doctrines()
        self._substitutes()
        self._form_lists()
        self._attending_lists()
        self._counted_lists()
        self._posted_lists()
        self._parenthesized_posts()
        self._appointments()
        self._appointed_titles()
        self._kinship_aliases()
        self._spaced_given_names()
        self._resolve_aliases()
        self._repeats()
        return sorted(self.mentions.values(), key=lambda m: m.start)

    def _inside_mention(self, i: int) -> bool:
        """Does a mention found already cover position i?"""
        return any(m.start <= i < m.end for m in self.mentions.values())

    def _credit_runs(self):
        """核稿:宣传部 张雷, 审稿:向敏 肖亦然, 审核:庄娜莎 蔡任午: after a credit key,
        the unit the credited come from may stand first, and several names may
        follow one key. Each part is a name of the byline's shape, or the run ends;
        a name glued to the next key (赖慧娜审核:) ends where that key starts."""
        t = self.text
        for credit in self.lex.credit_key_re.finditer(t):
            m = self.lex.credit_run_re.match(t, credit.end())
            if not m:
                continue
            for k, part in enumerate(re.finditer(r"[" + CJK + r"]+", m.group(1))):
                a, b = m.start(1) + part.start(), m.start(1) + part.end()
                key = self.lex.credit_key_re.search(t, a + 2, b)
                if key:
                    b = key.start()
                if k == 0 and self._credited_unit(a, b):
                    continue  # 宣传部 before the names is their unit
                if not self._byline_name(a, b):
                    break
                if not self._inside_mention(a):
                    self._add(Mention(a, b, t[a:b], kind="credit"))
                if key:
                    break

    def _substitutes(self):
        """傅永茂(杜英辉代): the one who sits in for the person named before the note."""
        t = self.text
        for m in self.lex.substitute_re.finditer(t, self.body_start):
            a, b = m.span(1)
            if self._byline_name(a, b) and not self._inside_mention(a):
                self._add(Mention(a, b, t[a:b], kind="list"))

    def _credit_brackets(self):
        """(通讯员 刘宜高 审核 周平 李功成 高亚庆): a bracket that holds only credit
        words, parted from the names by spaces, colons or slashes, and names of a
        byline's shape; a bracket with anything else in it is no byline."""
        t = self.text
        for m in self.lex.credit_bracket_re.finditer(t):
            parts = [(p.start() + m.start(1), p.end() + m.start(1)) for p in re.finditer(r"[^\s:：/;；]+", m.group(1))]
            keys = [t[a:b] in self.lex.credit_words for a, b in parts]
            if not keys or not keys[0] or all(keys):
                continue
            names = [(a, b) for (a, b), key in zip(parts, keys) if not key]
            if all(self._byline_name(a, b) for a, b in names):
                for a, b in names:
                    if not self._inside_mention(a):
                        self._add(Mention(a, b, t[a:b], kind="credit"))

    def _credited_unit(self, a: int, b: int) -> bool:
        """宣传部 in 审稿:宣传部 夏雅凤: a name after it, and it ends like a body's
        name and opens with a word of the dictionary (宣传, not 刘建 of 刘建中 李四)
        or is longer than a name (新新街街道 景岩; not 欧阳建中)."""
        t = self.text
        longer_than_name = b - a > 4 or b - a == 4 and t[a:a + 2] not in self.lex.compound
        return (b - a >= 3 and t[b - 1] in self.lex.org_suffixes and bool(self.lex.unit_then_name_re.match(t, b))
                and (longer_than_name or not self.lex.word_tags.get(t[a:a + 2], "nr").startswith("nr")))

    def _byline_name(self, a: int, b: int) -> bool:
        """A name in a byline: the bracket vouches for it, so any given-name
        character goes (杜有), but a dictionary word (修订, 试行) does not."""
        name = self.text[a:b]
        sl = self._surname_len(a)
        tag = self.lex.word_tags.get(name)
        return bool(sl) and 1 <= len(name) - sl <= 2 and name not in self.lex.not_names \
            and (tag is None or tag.startswith("nr")) and not self.lex.title_re.search(name)

    def _title_ends_at(self, i: int) -> bool:
        return any(m.end() == i for m in self.lex.title_re.finditer(self.text, max(0, i - self.rules.title_lookback_chars), i))

    def _list_after(self, first: Mention):
        """副主席王向梅、徐生明、县毅: names of the same shape after the first."""
        t = self.text
        i = first.end
        listed = False
        while i < len(t) and t[i] in LIST_JOINERS:
            j = i + 1
            found = None
            translit_end = self._transliterated_end(j)
            if translit_end:
                found = (j, translit_end)
            for n in () if found else (3, 2, 4):
                e = j + n
                cand = t[j:e]
                # in a list closed by a joiner (王孟本和薛达元) a name may end with 本, 有 …
                bad = self.lex.bad_inner_chars if t[e:e + 1] in "、,，。；;" + LIST_JOINERS else self.lex.bad_chars
                # the last of a list (A、B和C) may end where a verb starts, or anywhere once the
                # list is long and the name no word (…王孟本和薛达元指导工作)
                verb_after = t[i] != "、" and (self._word_opens_at(e) or (
                    listed and n == 3 and cand not in self.lex.word_tags and cand[-1] not in self.lex.org_suffixes
                    and not self.lex.title_re.match(t, e) and not re.match("常委|委员|代表|组成", t[e:e + 2])))
                if e <= len(t) and (t[e:e + 1] == "、" or self._follower_at(e) or verb_after) and len(cand) == n \
                        and all("\u3400" <= c <= "\u9fff" and c not in bad for c in cand) \
                        and cand not in self.lex.not_names and not self.lex.title_re.search(cand):
                    if t[i] != "、" and not (self._surname_len(j) and self._plausible(cand)):
                        continue  # after 和/及/与 only a name that looks like one: 王五和薛六
                    if cand[-1] in self.lex.org_suffixes and self.lex.title_re.match(t, e):
                        break  # 副县长武晓俊、县政协副主席王小鹏: an organisation opens the next post
                    if t[e:e + 1] == "、" or self.lex.follower_re.match(t, e) or (
                            (t[e:e + 1] in ",，。；;" + LIST_JOINERS or verb_after)
                            and self._surname_len(j) and self._plausible(cand)):
                        found = (j, e)
                        break
            if not found:
                break
            a, b = found
            # 王玉锁和张爱群: a pair joined by 和 shares no post; a list (A、B和C) does
            shared = t[i] == "、" or listed
            self._add(Mention(a, b, t[a:b], titles=list(first.titles) if shared else [], kind="list"))
            listed = listed or t[i] == "、"
            i = b

    def _spaced_given_names(self):
        """主席:鐘校長 長生: surname, post, a space, then the given name, as
        Taiwan's minutes write a person in a form's field; the whole is the
        name, as written. Only in a field that names one person (主席:,
        记录:), where the field ends at a space or the line's end."""
        t = self.text
        for colon in re.finditer(r"[:：][ \t]*", t):
            if not t[max(0, colon.start() - 6):colon.start()].replace(" ", "").endswith(self.lex.one_person_labels):
                continue  # 出席:王校长 李四: a field of several names, each its own
            a = colon.end()
            sl = self._surname_len(a)
            post = self.lex.title_re.match(t, a + sl) if sl else None
            if not post or t[post.end():post.end() + 1] != " " or not self.lex.alias_core_re.fullmatch(t, a + sl, post.end()):
                continue
            g = post.end() + 1
            for n in (2, 1):
                given, after = t[g:g + n], t[g + n:g + n + 1]
                if len(given) == n and all("\u3400" <= ch <= "\u9fff" and ch not in self.lex.bad_chars for ch in given) \
                        and (not after or after.isspace()) and self.lex.word_tags.get(given, "nr")[:1] not in "vpdc" \
                        and not self.lex.title_re.match(t, g):
                    for k in range(a, g + n):  # what was read of it alone: 鐘校長, or 長生 as a name after a post
                        self.mentions.pop(k, None)
                    self.mentions[a] = Mention(a, g + n, t[a:g + n], titles=[post.span()], kind="label")
                    break

    def _named_in_doctrines(self):
        """习近平新时代中国特色社会主义思想: a leader the body names in a doctrine or a
        book's title, with no post or form of address (people.json named_in_doctrines)."""
        t = self.text
        for m in self.lex.doctrine_names_re.finditer(t, self.body_start) if self.lex.doctrine_names else ():
            if not self._inside_mention(m.start()):
                self._add(Mention(m.start(), m.end(), m.group(0), kind="known"))

    def _kinship_aliases(self):
        """王大伯, 周叔: surname + kinship word, a name as far as the page goes."""
        for m in list(self.mentions.values()):
            if len(m.name) >= 2 and m.name[1:] in self.lex.kinship:
                m.alias = False

    def _resolve_aliases(self):
        full = [m for m in self.mentions.values() if not m.alias and len(m.name) >= 2]
        for m in self.mentions.values():
            if not m.alias:
                continue
            surname = m.name[:self._surname_len(m.start) or 1]
            same = [f for f in full if f.name.startswith(surname) and f.name != m.name]
            if not same:
                continue
            core = self.lex.core_re.search(m.name)
            core = core.group(0) if core else ""

            def shares_title(f):
                return any(self.text[a:b].endswith(core) for a, b in f.titles) if core else False

            # the page's author (文/图 王进) is no teacher 王老师 of the report, unless a post says so
            # or the report names the author too (会议由周路路主持 … 文/周路路)
            same = [f for f in same if f.kind != "credit" or shares_title(f) or self.text.count(f.name) > 1]
            if not same:
                continue
            same.sort(key=lambda f: (not shares_title(f), abs(f.start - m.start)))
            m.canonical = same[0].name

    def _repeats(self):
        """Later mentions of a known full name (张立峰强调) carry roles too."""
        names = {m.name for m in self.mentions.values() if not m.alias and m.kind != "repeat"}
        aliases = {m.name: m.canonical for m in self.mentions.values() if m.alias}
        t = self.text
        # characters inside a mention: a new one may neither start nor end in one
        # (a mask, not a list of spans to test each time: long pages have thousands)
        covered = bytearray(len(t) + 1)
        for m in self.mentions.values():
            covered[m.start:m.end] = b"\x01" * max(m.end - m.start, 0)
        for name in sorted(names | set(aliases), key=len, reverse=True):
            a = t.find(name) if name else -1
            while a >= 0:  # what re.finditer(re.escape(name)) finds, without compiling a pattern per name
                b = a + len(name)
                if not (covered[a] or covered[b - 1]):
                    alias = name in aliases
                    self.mentions[a] = Mention(a, b, name, kind="repeat", alias=alias,
                                               canonical=aliases.get(name))
                    covered[a:b] = b"\x01" * (b - a)
                a = t.find(name, b)


def find_people(text: str, body_start: int = 0, token_starts=None, rules: PeopleRules = PeopleRules()) -> list[Mention]:
    """All mentions of people; token_starts (a set, or a function returning
    one) lets the segmenter settle name edges no rule settles."""
    return PeopleFinder(text, body_start, token_starts, rules).find()


def merge_persons(mentions: list[Mention], source: str) -> dict[str, dict]:
    """One entry per person, in order of first mention: the name and titles
    as the page wrote them (source: the page's text at the same offsets)."""
    persons: dict[str, dict] = {}
    # full names first, so an alias resolves to the name as the page wrote it
    for m in sorted(mentions, key=lambda m: (m.alias and not m.canonical, m.start)):
        entry = persons.setdefault(m.key, {"name": None, "titles": [], "mentions": 0, "first": m.start})
        if entry["name"] is None and not (m.canonical and m.alias):
            entry["name"] = source[m.start:m.end]
        entry["first"] = min(entry["first"], m.start)
        entry["mentions"] += 1
        for a, b in m.titles:
            if source[a:b] not in entry["titles"]:
                entry["titles"].append(source[a:b])
    for key, entry in persons.items():
        entry["name"] = entry["name"] or key
        # 高院长 adds 院长 to a 副院长: keep the fuller form only
        titles = entry["titles"]
        entry["titles"] = [t for t in titles if not any(o != t and o.endswith(t) for o in titles)]
    return dict(sorted(persons.items(), key=lambda kv: kv[1]["first"]))
