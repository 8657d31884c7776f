"""Roles of people in a meeting (chair, attendee, speaker, reporter,
recorder, author, editor) from the clause around each mention."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json, vocabulary, vocabulary_entries
from .patterns import CREDIT_MARKS, LABEL_GAP, trie_pattern

CLAUSE_END = re.compile(r"[,，。；;\n:：!！?？]")
SINGLE_ROLES = ("chair", "recorder")
BRACKETED = re.compile(r"[(（][^()（）]{0,8}[)）]")  # roles a form label gives to one person


@dataclass(frozen=True)
class RoleRules:
    """The role tagger's windows (its config in config.cfg)."""

    label_window_chars: int = 60  # 主持人: 村党支部书记刘德明: how far before a name its form label may stand
    object_lookback_chars: int = 4  # 颁发给某某: how far before a name (and its posts) a word making it an object
    list_line_max_chars: int = 40  # 出席者:\n主席 何国基先生: a line of a list under a label is this short at most
    list_lines_up: int = 8        # how many lines above such a line the label may stand
    list_gap_chars: int = 80      # 省委书记A、省长B: how far apart two names of one list may start and end
    list_piece_max_chars: int = 12  # what may stand between one listed name's posts and the next (a short body)
    verb_lead_chars: int = 2      # 高汉义同志,主持召开: what may stand before the verb of a clause after a lone name
    group_clauses_max: int = 8    # 院长张军,各部门负责同志,部分代表等列席: the clauses of groups a lone name's list runs through
    elected_reach_chars: int = 80  # 会议选举A为会长、B为副会长…: how far after the act of electing its sentence elects
    manner_clause_max_chars: int = 20  # 朱银圣以外院医疗事故为实例,重申了: how long a clause of manner before the verb may be


# named blocks of the role patterns; the words are in roles.json
COLON = r"\s*[:：]"
CHAIR_LEAD = r"(?<!副)(?:会议)?"  # 会议主持人:, but 副主席: is no chair's label


def _alt(words) -> str:
    return "(?:" + "|".join(map(re.escape, words)) + ")"


def _spaced(words) -> str:
    """Labels, spaces allowed between their characters, as tables space them out (主 席, 秘 书)."""
    return "(?:" + trie_pattern(words, LABEL_GAP) + ")"


# the roles a label gives, in the order they are tried: a form label's field (form_labels.json, use role),
# a credit's role (bylines.json) and the attend verbs of use listing (参会人员:)
LABELLED_ROLES = ("chair", "recorder", "author", "editor", "absent", "attendee")
CREDIT_ROLES = ("author", "editor")
# every credit word (bylines.json), marked or not: a later one in a byline governs the names after it
CREDIT_WORD = re.compile(trie_pattern(e["word"] for e in vocabulary_entries("bylines.json", "credits", "name")))


# each role and the concept of verbs.json its verbs are, in the order the roles are tried
ROLE_VERBS = (("chair", "chair"), ("attendee", "attend"), ("speaker", "speech"), ("reporter", "report"),
              ("recorder", "record"), ("absent", "absent"), ("elected", "elected"))


def role_patterns(d: dict) -> tuple[dict[str, str], dict[str, str], str]:
    """The patterns of each role's verbs (verbs.json), its labels (form_labels.json,
    bylines.json) and of not_chair, from the words of roles.json."""
    verbs = {role: "|".join(map(re.escape, vocabulary("verbs.json", concept, "role"))) for role, concept in ROLE_VERBS}
    listing = vocabulary("verbs.json", "attend", "listing")
    not_after = "(?<![" + re.escape(d["made_speech_not_after"]) + "])"  # 工作, 合作: no verb of making
    made = [not_after + "(?:" + "|".join(map(re.escape, m["verbs"])) + ")" + f".{{0,{m['gap']}}}" + _alt(m["nouns"])
            for m in d["made_speech"]]  # 作了重要讲话, 做出了表态
    verbs["speaker"] = "|".join([verbs["speaker"], *made])
    labels = {}
    for role in LABELLED_ROLES:
        if role in CREDIT_ROLES:  # 文 /, 作者:, 记者, 责编:
            credits = [e for e in vocabulary_entries("bylines.json", "credits", "name") if e["role"] == role]
            labels[role] = "(?:" + "|".join(_spaced([e["word"]]) + CREDIT_MARKS[e["mark"]] for e in credits) + ")"
            continue
        words = listing if role == "attendee" else vocabulary("form_labels.json", "labels", "role", field=role)
        if role in d["label_suffixes"]:  # 参会人员:, 缺席者:
            p = _spaced(words) + "(?:" + "|".join(map(re.escape, d["label_suffixes"][role])) + ")?" + COLON
        else:  # 主持人:, 主 席:
            p = _spaced(words) + COLON
        if role == "chair":
            p = CHAIR_LEAD + p
        alone = vocabulary("form_labels.json", "labels", "line_opening", field=role)
        if alone:  # 主 席 柯文哲: a label opening a line, a space for its colon
            p += r"|^\s*" + _spaced(alone) + r"\s+"
        if role == "attendee":  # 出席的领导有:, 参加会议的副会长有
            p += "|" + _alt(listing) + "?的?" + _alt(d["listing_nouns"]) + r"有\s*[:：]?"
            p += "|(?:" + _alt(listing) + r")(?:本次|此次|这次)?(?:会议)?的[\u4e00-\u9fff]{1,8}?有\s*[:：]?"  # 参加本次会议的人员有:
        labels[role] = p
    not_chair = _alt(d["not_chair"]["without_colon"]) + "[^:：]|" + _alt(d["not_chair"]["words"])
    return verbs, labels, not_chair


@lru_cache(maxsize=1)
def _rules():
    d = load_json("roles.json")
    verb_patterns, label_patterns, not_chair = role_patterns(d)
    verbs = [(role, re.compile(p)) for role, p in verb_patterns.items()]
    # a form label (主持人:) may be followed by the person's post (主持人: 村党支部书记刘德明)
    # or by the names listed before this one (参会人员: 李四、王五、赵六), a count among them (家委会成员共7人)
    labels = [(role, re.compile("(?:" + p + ")" + (r"[\s\d\u3400-\u9fff、,，()（）]{0,60}$" if "[:：]" in p else r"\s*$")))
              for role, p in label_patterns.items()]
    # a label alone on its line (出席者:), heading the names on the lines under it
    heads = [(role, re.compile(r"\s*(?:" + p + r")\s*")) for role, p in label_patterns.items() if "[:：]" in p]
    # 柯文哲(请假), 马德山(因病请假), 杜文斌(外出务工): a reason may open the note
    leave = re.compile(r"[(（](?:因[^)）]{1,4}?)?(?:" + "|".join(map(re.escape, d["leave_notes"])) + r")[^)）]{0,4}[)）]")
    return verbs, labels, re.compile(not_chair), leave, heads


@lru_cache(maxsize=1)
def _word_rules():
    d = load_json("roles.json")
    objects = sorted(d["object_markers"], key=len, reverse=True)
    return (tuple(d["not_verbs"]), re.compile("(?:" + "|".join(map(re.escape, objects)) + r")$"),
            re.compile("|".join(map(re.escape, d["modifier_bodies"]))),
            tuple(sorted(d["list_continuations"], key=len, reverse=True)))


def _verb_in(text: str, rx: re.Pattern, a: int, b: int):
    """The first match of a role verb in text[a:b] that is a word of its own
    (谈 in 座谈会 and 发言 in 发言人 are none)."""
    not_verbs = _word_rules()[0]
    for v in rx.finditer(text, a, b):
        inside = False
        for word in not_verbs:
            k = word.find(v.group())
            if k >= 0 and text.startswith(word, v.start() - k):
                inside = True
                break
        if not inside:
            return v
    return None


def assign_roles(text: str, mentions, rules: RoleRules = RoleRules()) -> list[tuple[int, str, int, int]]:
    """(mention index, role, cue start, cue end) for every role found."""
    verbs, labels, not_chair, leave, heads = _rules()
    _, object_marker, _, continuations = _word_rules()
    out = []
    ordered = list(mentions)
    starts = [m.start for m in ordered]
    on_leave = {m.start for m in ordered if leave.match(text, m.end + _honorific_len(text, m.end))}
    for k, m in enumerate(ordered):
        note = leave.match(text, m.end + _honorific_len(text, m.end))
        if note:
            # 出席: 柯文哲(请假)、李四: absent, whatever the label or the clause says of the others
            out.append((k, "absent", note.start(), note.end()))
            continue
        # a label before the name: 主持人: 张村长, 文/张东东
        line_start = text.rfind("\n", 0, m.start) + 1
        head = text[max(line_start, m.start - rules.label_window_chars):m.start]
        labelled = False
        for role, rx in labels:
            lab = rx.search(head)
            while lab and role in CREDIT_ROLES and _credit_taken_over(head, lab.start()):
                lab = rx.search(head, lab.start() + 1)  # (通讯员 刘宜高 审核 周平): 通讯员 credits 刘宜高 only
            if lab and role in CREDIT_ROLES and _credit_closed(head, lab.start()):
                lab = None  # (通讯员 李华)3月15日上午,县委书记张三…: the credit closed before the name
            if lab:
                labelled = True
                cue_start, cue_end = m.start - len(head) + lab.start(), m.start - len(head) + lab.end()
                colon = re.search("[:：]", lab.group(0))
                label_end = cue_start + colon.end() if colon else cue_end
                if role in SINGLE_ROLES and any(label_end <= s < m.start and s not in on_leave for s in starts[:k]):
                    continue  # 主席: 曹其真 顾问赵向阳: a form names one chair, the first after its label
                    # who is there (主席: 柯文哲(请假)邓家基(代): 邓家基 chairs)
                out.append((k, role, cue_start, cue_end))
        line_end = text.find("\n", m.end)
        own_line = text[line_start:line_end if line_end >= 0 else len(text)]
        said = SAID_AFTER_NAME.match(text, m.end + _honorific_len(text, m.end), line_end if line_end >= 0 else len(text))
        if not labelled and said and not text[line_start:_lead_start(m)].strip():
            out.append((k, "speaker", said.start(), said.start() + 1))  # 党员郜立华:希望…: the minutes of what one said
        if not labelled and len(own_line) <= rules.list_line_max_chars and not re.search(r"[。；;]", own_line):
            heading = _label_line_above(text, line_start, heads, rules)
            if heading:
                out.append((k,) + heading)
        # the clause after the name, through a list of names joined by 、/和
        j, end = m.end, len(text)
        nxt = next((s for s in starts[k + 1:] if s >= m.end), end)
        stop = _clause_stop(text, j)
        clause_end = stop.start() if stop else end
        opens_next = None  # where the next clause starts, when the name's own clause is the name alone
        if stop and text[stop.start()] in ",，" and (clause_end == j + _honorific_len(text, j) or _manner_only(text, j, clause_end, rules)):
            # 高汉义同志,主持召开: the verb opens the next clause
            opens_next = clause_end + 1 - j
            stop2 = _clause_stop(text, clause_end + 1)
            clause_end = stop2.start() if stop2 else end
            # 院长张军,各部门负责同志,部分代表等列席会议: clauses of groups, without a verb or a
            # name of their own, go on to the verb they share
            for _ in range(rules.group_clauses_max):
                if not stop2 or text[stop2.start()] not in ",，" or nxt < clause_end or not _ends_with_noun(text, clause_end) \
                        or any(_verb_in(text, rx, j, clause_end) for _, rx in verbs):
                    break
                stop2 = _clause_stop(text, clause_end + 1)
                clause_end = stop2.start() if stop2 else end
        # a later name in the same clause owns what follows it, unless the
        # names are listed together (A、B参加; A和B出席)
        if nxt < clause_end:
            between = text[m.end:nxt]
            if not re.fullmatch(r"[^,，。；;]{0,8}?[、和与及]", between):
                clause_end = nxt
        if object_marker.search(text, max(0, _lead_start(m) - rules.object_lookback_chars), _lead_start(m)):
            continue  # 颁发给某某: an object, not the subject of what follows
        clause = BRACKETED.sub(lambda b: " " * len(b.group(0)), text[j:clause_end])  # notes on other names
        for role, rx in verbs:
            v = _verb_in(clause, rx, 0, len(clause))
            if v:
                if opens_next is not None and v.start() > opens_next + rules.verb_lead_chars \
                        and not clause.startswith(continuations, opens_next) \
                        and (role != "attendee" or any(o[0] == k and o[1] == "attendee" for o in out)):
                    # 王五,各组长汇报了…: a next clause with a subject of its own is not the name's; but
                    # taking part is shared down a list (副总工程师叶志华,所属单位负责人参加会议), unless
                    # the name takes part already (参加的副会长有冯锐、喻发兵,各召集人列席会议)
                    continue
                if role == "chair" and not_chair.match(text, j + v.start()):
                    continue
                out.append((k, role, j + v.start(), j + v.end()))
    out += _elected(text, ordered, out, rules)
    # 刘飞女士因会议冲突无法参会: the verb of taking part inside the verb of absence is none, nor one in
    # the reason told before it (颜俊因在外地参加培训请假)
    absences = {(r[0], _reason_start(text, ordered[r[0]], r[2]), r[3]) for r in out if r[1] == "absent"}
    out = [r for r in out if not any(k == r[0] and a <= r[2] and r[3] <= b and r[1] != "absent" for k, a, b in absences)]
    return _substitutes_take_part(text, ordered, _share_in_lists(text, ordered, out, rules))


@lru_cache(maxsize=1)
def _election_results() -> re.Pattern:
    """选举,结果如下: / 选举结果: — the heading of a paragraph of who was elected."""
    d = load_json("roles.json")["election_results"]
    return re.compile(_alt(d["acts"]) + r"[^。；;\n]{0,12}?" + _alt(d["nouns"]) + r"(?:如下)?\s*[:：]")


@lru_cache(maxsize=1)
def _electing_acts() -> re.Pattern:
    d = load_json("roles.json")
    return re.compile("(?:" + _alt(d["electing_acts"]) + ")(?!" + _alt(d["electing_act_not_before"]) + ")")


SENTENCE_STOP = re.compile(r"[。；;!！?？\n]")


def _elected(text: str, ordered, found, rules: RoleRules) -> list:
    """Who is elected: everyone named after an election's results heading, to the
    end of its paragraph (选举,结果如下:理事长陈黄淑媛;常务理事田爱龄、纪慧卿), and after
    the act of electing, to the end of its sentence (会议选举梁镇东为会长、宋延清为常务副会长)."""
    if "选" not in text:
        return []
    absent = {r[0] for r in found if r[1] == "absent"}
    reaches = []  # (cue start, cue end, where what it elects ends)
    for h in _election_results().finditer(text):
        stop = text.find("\n", h.end())
        reaches.append((h.start(), h.end(), len(text) if stop < 0 else stop))
    for act in _electing_acts().finditer(text):
        stop = SENTENCE_STOP.search(text, act.end(), act.end() + rules.elected_reach_chars)
        end = stop.start() if stop else min(len(text), act.end() + rules.elected_reach_chars)
        if stop and stop.group() == "。" and _posts_given_at(text, stop.end()):
            # 大会选举产生了第八届理事会。理事长由孙良金担任,副理事长为王秀阁、孙艳静: the sentence after
            # the act that gives the posts is its result
            after = SENTENCE_STOP.search(text, stop.end(), stop.end() + rules.elected_reach_chars)
            end = after.start() if after else min(len(text), stop.end() + rules.elected_reach_chars)
        reaches.append((act.start(), act.end(), end))
    return [(k, "elected", a, b) for a, b, stop in reaches for k, m in enumerate(ordered)
            if b <= m.start < stop and k not in absent]


def _reason_start(text: str, mention, cue_start: int) -> int:
    """Where the reason for an absence opens (颜俊因在外地参加培训请假: at 因), or the cue itself."""
    i = mention.end + _honorific_len(text, mention.end)
    return i if text.startswith("因", i) and i < cue_start and not CLAUSE_END.search(text, i, cue_start) else cue_start


def _posts_given_at(text: str, i: int) -> bool:
    """Does a sentence open at i with a post that 由 or 为 gives (理事长由…担任, 副会长为…)?"""
    from .people import lexicon

    while i < len(text) and text[i] in " \t\u3000":
        i += 1
    post = lexicon().title_re.match(text, i)
    return bool(post) and text.startswith(("由", "为"), post.end())


def _substitutes_take_part(text: str, ordered, found):
    """傅永茂(杜英辉代): the substitute in the note takes the part of the person
    before it, who was not there: that person is absent (a leave note or absence
    of that person's is theirs alone)."""
    marks = _substitute_marks()
    out = list(found)
    for k, m in enumerate(ordered):
        if not (m.start > 0 and text[m.start - 1] in "(（" and text.startswith(marks, m.end)):
            continue
        before = [i for i, o in enumerate(ordered) if o.end == m.start - 1]
        if not before:
            continue
        have = {r[1] for r in found if r[0] == k}
        for rec in [r for r in found if r[0] == before[0] and r[1] not in ("absent",) and r[1] not in have]:
            out.append((k,) + rec[1:])
            have.add(rec[1])
        note = (m.start - 1, m.end + next(len(w) for w in marks if text.startswith(w, m.end)) + 1)
        out = [r for r in out if r[0] != before[0]] + [(before[0], "absent") + note]
    return out


@lru_cache(maxsize=1)
def _substitute_marks() -> tuple[str, ...]:
    return tuple(sorted(load_json("roles.json")["substitute_marks"], key=len, reverse=True))


def _clause_stop(text: str, i: int):
    """The mark that ends the clause from i, a title in 《》 read whole (…所作的《继往开来,
    锐意创新》工作报告: its comma ends nothing)."""
    stop = CLAUSE_END.search(text, i)
    while stop and text.count("《", i, stop.start()) > text.count("》", i, stop.start()):
        close = text.find("》", stop.start())
        if close < 0:
            break
        stop = CLAUSE_END.search(text, close)
    return stop


def _manner_only(text: str, a: int, b: int, rules: RoleRules) -> bool:
    """范小俊开门见山,鼓励…; 朱银圣以外院事故为实例,重申了…: the name's own clause is an idiom
    or adverb of the dictionary, or a preposition of manner and its object: how it acts next."""
    from .people import lexicon

    if 2 <= b - a <= 4 and lexicon().word_tags.get(text[a:b], "")[:1] in ("i", "d", "l"):
        return True
    return b - a <= rules.manner_clause_max_chars and bool(_manner_prepositions().match(text, a))


@lru_cache(maxsize=1)
def _manner_prepositions() -> re.Pattern:
    return re.compile(trie_pattern(load_json("roles.json")["manner_prepositions"]))


def _introduced(text: str, a: int, b: int) -> bool:
    """Does a word that introduces names (区领导, people.json name_introducers) end at b, a short body at most before it?"""
    from .people import lexicon

    intro = lexicon().introducer_re
    return any(m.end() == b for m in intro.finditer(text, max(a, b - 12), b)) and "\n" not in text[a:b]


def _ends_with_noun(text: str, i: int) -> bool:
    """Does a noun of jieba's dictionary end at i (负责同志, 成员, 人大代表), or a post
    and a short name (检察长应勇)? A clause of a list of groups does; 今天天气很好 does not."""
    from .people import lexicon

    lex = lexicon()
    if any(lex.word_tags.get(text[i - n:i], "").startswith("n") for n in (4, 3, 2) if i >= n):
        return True
    return any(m.end() in (i - 2, i - 3) for m in lex.title_re.finditer(text, max(0, i - 12), i - 1))


CREDIT_CLOSED = re.compile(r"[)）】。，,；;]")  # what ends a credit's names


def _credit_closed(head: str, label_start: int) -> bool:
    """Does the credit at label_start close (a bracket, a clause) before the end of head?"""
    own = CREDIT_WORD.match(head, label_start)
    return bool(CREDIT_CLOSED.search(head, own.end() if own else label_start + 1))


def _credit_taken_over(head: str, label_start: int) -> bool:
    """(通讯员 刘宜高 审核 周平): after the names of the credit at label_start, another
    credit word (审核) governs the names that follow it; 文/图 张三 has no names between."""
    own = CREDIT_WORD.match(head, label_start)
    pos = own.end() if own else label_start + 1
    for later in CREDIT_WORD.finditer(head, pos):
        if re.search(r"[\u3400-\u9fff]{2}", head[pos:later.start()]):
            return True
        pos = later.end()
    return False


# 郜立华:希望组织委员…。: a name opening its line, a colon, and what the person said, a sentence
# (not a list of names or a field's value: 记录:李四、王五)
SAID_AFTER_NAME = re.compile(r"\s*[:：]\s*(?=[^、\n]{2,}?[,，。；;!！?？])")


def _lead_start(mention) -> int:
    """Where a mention with its posts before it begins (副校长张三 -> 副)."""
    before = [a for a, b in mention.titles if b <= mention.start]
    return min(before + [mention.start])



LIST_SEPARATOR = re.compile(r"(?:以及|、|,|，|和|及|与|同)")
SPACES = re.compile(r"[ \t\u3000]+")


def listed_together(text: str, a, b, rules: RoleRules = RoleRules()) -> bool:
    """Are mentions a and b named in one list, b with its posts (省委书记A、省长B;
    A主任、议员B; 区委书记A,区委副书记、代区长B)? After a (and its own posts)
    comes a separator, then posts of b, each with at most a short body before
    it, and no verb of a role."""
    if b.start <= a.end or b.start - a.end > rules.list_gap_chars:
        return False
    after_b = max([y for x, y in b.titles if x == b.end] + [b.end])
    if _word_rules()[2].match(text, after_b):
        return False  # 某议员服务处秘书: b owns a body, the list goes on with its staff
    pos = a.end
    for x, y in sorted(a.titles):  # A主任、…: a's posts after its name
        if x == pos:
            pos = y
    pos += _honorific_len(text, pos)
    note = BRACKETED.match(text, pos)  # 林钦荣(公假)、陈景峻; 彭振声(张郁慧代)、陈学台: a note on a
    if note:
        pos = note.end()
    sep = LIST_SEPARATOR.match(text, pos)
    if not sep and a.kind == b.kind == "label":
        sep = SPACES.match(text, pos)  # 出席议员: 曹其真 刘焯华 欧安利: a form's list parted by spaces
    if not sep or b.start < sep.end():
        return False
    own_posts = sorted((x, y) for x, y in b.titles if sep.end() <= x and y <= b.start)
    if text[pos] in ",，" and not own_posts and not _introduced(text, sep.end(), b.start):
        return False  # 张三,李四: a comma lists only people introduced by their posts (or 经开区领导)
    pieces, at = [], sep.end()
    for x, y in own_posts:
        pieces.append(text[at:x])
        at = max(at, y)
    pieces.append(text[at:b.start])
    verbs = _rules()[0]
    for piece in pieces:
        piece = piece.strip("、,，和及与兼 ")
        if len(piece) > rules.list_piece_max_chars or re.search(r"[。；;:：!！?？\n]", piece):
            return False
        if any(_verb_in(piece, rx, 0, len(piece)) for _, rx in verbs):
            return False
    return True


def _share_in_lists(text: str, ordered, found, rules: RoleRules):
    """Everyone in a list takes the roles of its last name's verb and its first name's label."""
    by_mention: dict[int, list] = {}
    for rec in found:
        by_mention.setdefault(rec[0], []).append(rec)
    ends = {m.end for m in ordered}
    # a name in a note on the name before it (彭振声(张郁慧代)) is not an item of the list
    order = sorted((k for k, m in enumerate(ordered) if not (text[m.start - 1:m.start] in ("(", "（") and m.start - 1 in ends)),
                   key=lambda k: ordered[k].start)
    chains, chain = [], [order[0]] if order else []
    for prev, nxt in zip(order, order[1:]):
        if listed_together(text, ordered[prev], ordered[nxt], rules):
            chain.append(nxt)
        else:
            chains.append(chain)
            chain = [nxt]
    if chain:
        chains.append(chain)
    out = list(found)
    for chain in chains:
        if len(chain) < 2:
            continue
        last, first = chain[-1], chain[0]
        # the verb after the list's last name (whoever's clause reached it) and the label before its first
        # (a leave note, 周建民(公假), is its one name's: neither shared nor overruled)
        shared = [r for k in chain for r in by_mention.get(k, []) if r[2] >= ordered[last].end
                  and text[r[2]] not in "(（"]
        # (the label reaches names the form label window does not; the first name may be on leave)
        shared += [r for k in chain for r in by_mention.get(k, []) if r[2] < ordered[first].start]
        for k in chain:
            have = {r[1] for r in by_mention.get(k, [])}
            if "absent" in have:
                continue
            for _, role, cue_start, cue_end in sorted(set(shared), key=lambda r: (r[2], r[3], r[1])):
                if role not in have:
                    out.append((k, role, cue_start, cue_end))
                    have.add(role)
    return out


def _label_line_above(text: str, line_start: int, heads, rules: RoleRules) -> tuple[str, int, int] | None:
    """出席者:\n主席 何国基先生\n议员 陈丽芬女士: the role of the label line
    that heads the short lines of names this line belongs to."""
    end = line_start - 1
    for _ in range(rules.list_lines_up):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        for role, rx in heads:
            if rx.fullmatch(line):
                return role, start, end
        if len(line) > rules.list_line_max_chars or re.search(r"[。；;:：]", line):
            return None
        end = start - 1
    return None


@lru_cache(maxsize=1)
def _honorifics() -> tuple[str, ...]:
    """The forms of address after a name (同志, 老师): people.json honorifics for address, as the people finder reads them."""
    return vocabulary("people.json", "honorifics", "address")


def _honorific_len(text: str, i: int) -> int:
    for h in _honorifics():
        if text.startswith(h, i):
            return len(h)
    return 0
