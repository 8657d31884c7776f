"""Rules over a whole meeting stay linear in its length: each answers the
same as the quadratic form it replaced, on sentences written for it."""
from __future__ import annotations

import pytest

from pipeline.normalize.meetings import _Sentences
from pipeline.normalize.venues import find_organizers


@pytest.mark.parametrize("text, date, holds", [
    ("6月2日上午,县政府召开常务会议。", "6月2日", True),
    ("根据5月10日的通知,6月2日上午召开会议。", "5月10日", False),      # cites an earlier document
    ("根据5月10日的通知,6月2日上午召开会议。", "6月2日", True),        # a new clause after the comma
    ("5月1日天气晴朗。6月2日召开会议。", "5月1日", False),              # no meeting in its sentence
    ("5月1日天气晴朗。6月2日召开会议。", "6月2日", True),
    ("会议时间:2024年3月8日\n地点:村委会", "2024年3月8日", True),      # a form's time field
    ("按照部署2023年1月1日2023年1月1日开展学习", "2023年1月1日", False),
    ("会议通知于8月16日以电子邮件方式发出,8月20日召开会议。", "8月16日", False),  # the day a notice went out
    ("会议通知于8月16日以电子邮件方式发出,8月20日召开会议。", "8月20日", True),
])
def test_a_date_is_told_in_the_sentence_that_holds_the_meeting(text, date, holds):
    assert _Sentences(text, 0, len(text)).holds_meeting(text.index(date)) is holds


def test_organizers_are_no_people():
    class Person:
        def __init__(self, start, end):
            self.start, self.end = start, end

    text = "3月5日,区政协在三楼会议室召开主席会议。王海召开专题会议。"
    found = [text[a:b] for a, b in find_organizers(text, 0, len(text))]
    assert "区政协" in found and "王海" in found
    person = text.index("王海")
    found = [text[a:b] for a, b in find_organizers(text, 0, len(text), [Person(person, person + 2)])]
    assert found == ["区政协"]
