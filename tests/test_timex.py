"""Temporal expressions: (text, anchor, expected value) tables from real reports."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.numerals import cn_to_int
from pipeline.normalize.timex import find_timexes, normalize

PUB = dt.date(2024, 1, 3)


@pytest.mark.parametrize("numeral, value", [
    ("二十八", 28), ("二〇二三", 2023), ("二零一六", 2016), ("十", 10), ("三十一", 31), ("十二", 12),
    ("两", 2), ("一百零五", 105), ("12", 12),
])
def test_numerals(numeral, value):
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("expr, published, context, value", [
    # full dates in every notation
    ("2023年10月15日", None, None, "2023-10-15"),
    ("二〇二三年三月五日", None, None, "2023-03-05"),
    ("２０２３年３月５日", None, None, "2023-03-05"),
    ("2023.3.5", None, None, "2023-03-05"),
    ("2023/03/05", None, None, "2023-03-05"),
    ("2023-03-05", None, None, "2023-03-05"),
    # the anchoring rule: an earlier year, else the published date, else XXXX
    ("3月23日上午", None, 2016, "2016-03-23TMO"),
    ("5月26日", None, "XXXX", "XXXX-05-26"),
    ("12月28日", PUB, None, "2023-12-28"),
    ("1月2日", PUB, None, "2024-01-02"),
    ("二月二十八日上午", dt.date(2023, 8, 18), None, "2023-02-28TMO"),
    ("8月25日上午", None, None, "XXXX-08-25TMO"),
    ("2017年1月12日下午", None, None, "2017-01-12TAF"),
    # clock times
    ("8月28日上午8点", None, None, "XXXX-08-28T08:00"),
    ("下午2点半", None, None, "XXXX-XX-XXT14:30"),
    ("上午9:00", None, None, "XXXX-XX-XXT09:00"),
    ("晚7时", None, None, "XXXX-XX-XXT19:00"),
    ("14:30", None, None, "XXXX-XX-XXT14:30"),
    ("1月5日下午2点半", dt.date(2024, 1, 8), None, "2024-01-05T14:30"),
    ("1月5日下午2点半", PUB, None, "2023-01-05T14:30"),  # not after the page's own date
    ("8点30分", None, None, "XXXX-XX-XXT08:30"),  # an hour with its minutes needs no part of day
    ("九时三十分", None, None, "XXXX-XX-XXT09:30"),
    # ranges, also across months
    ("xx年6月13日至16日", None, None, "XXXX-06-13/XXXX-06-16"),
    ("3月5日至7日", None, 2023, "2023-03-05/2023-03-07"),
    ("3月5日-7日", None, 2023, "2023-03-05/2023-03-07"),
    ("3月30日至4月2日", None, 2023, "2023-03-30/2023-04-02"),
    ("2023年1至6月", None, None, "2023-01/2023-06"),  # a range of months
    ("1-10月", None, 2024, "2024-01/2024-10"),
    # years and months
    ("XX年", None, None, "XXXX"),
    ("20xx年", None, None, "XXXX"),
    ("2016年度", None, None, "2016"),
    ("2009年12月份", None, None, "2009-12"),
    ("10月份", None, None, "XXXX-10"),
    # weekdays stay in the text, the date is the value
    ("3月5日(星期二)", None, 2024, "2024-03-05"),
    ("3月5日周二", None, 2024, "2024-03-05"),
    # relative expressions need the published date
    ("上月", dt.date(2025, 8, 4), None, "2025-07"),
    ("下月", dt.date(2025, 8, 4), None, "2025-09"),
    ("下个月", None, None, "REL"),
    ("今年", None, None, "REL"),
    ("今年", PUB, None, "2024"),
    ("昨天", PUB, None, "2024-01-02"),
    ("本周三", PUB, None, "2024-01-03"),
    ("本周四下午3:00", PUB, None, "2024-01-04T15:00"),  # a weekday of this week, with its clock
    ("下周一上午", PUB, None, "2024-01-08TMO"),
    ("本周四下午3:00", None, None, "REL"),
    # a month of a relative year is one expression
    ("去年6月", PUB, None, "2023-06"),
    ("今年的12月份", dt.date(2018, 5, 1), None, "2018-12"),
    ("今年3月5日上午", dt.date(2018, 5, 1), None, "2018-03-05TMO"),
    ("今年9月", None, None, "REL"),
    ("今年度", PUB, None, "2024"),
    # a part of the month and an approximate clock time keep their words
    ("6月底", None, 2016, "2016-06"),
    ("早上9时许", None, None, "XXXX-XX-XXT09:00"),
    # the year of a document's number
    ("东组通〔2019〕12号", None, None, "2019"),
])
def test_values(expr, published, context, value):
    assert normalize(expr, published, context) == value


@pytest.mark.parametrize("text", [
    "提出3点要求", "30年来", "十年来", "近年来", "第一次全体会议", "河南高考排名195560左右",
    "在行政楼8520会议室召开", "在综合楼124会议室", "2000多人参会", "用4句话评价", "开展消防安全检查12次",
    "十三五", "上半年", "下一阶段", "新的一年里", "20余人参会", "113所高等院校",
])
def test_not_temporal(text):
    assert find_timexes(text) == []


def test_a_note_in_brackets_may_stand_before_the_part_of_day():
    t = find_timexes("实验小学于9月10日(教师节)上午召开家长会。")[0]
    assert (t.text, t.value, t.time_of_day) == ("9月10日(教师节)上午", "XXXX-09-10TMO", "上午")
    assert [x.text for x in find_timexes("9月10日(教师节)召开家长会。")] == ["9月10日"]


def test_a_relative_day_keeps_its_part_of_day_for_the_meeting():
    t = find_timexes("本周三下午3点半,全体教师在会议室开会。")[0]
    assert (t.text, t.time_of_day) == ("本周三下午3点半", "下午3点半")
    assert find_timexes("今天上午,村委召开会议。")[0].time_of_day == "上午"


def test_a_news_dateline_is_the_pages_not_the_meetings():
    found = find_timexes("红网时刻新闻6月16日讯(通讯员陈准)6月15日晚,某村召开院坝会。")
    assert [(t.text, t.value) for t in found] == [("6月15日晚", "XXXX-06-15TEV")]


def test_nearest_year_before_in_the_same_segment_only():
    text = "2016年工作总结。3月23日召开会议。\n记录二\n5月6日召开会议。"
    second = text.index("记录二")
    found = find_timexes(text, None, [(0, second), (second, len(text))])
    assert [(t.text, t.value) for t in found] == [
        ("2016年", "2016"), ("3月23日", "2016-03-23"), ("5月6日", "XXXX-05-06")]


def test_year_written_after_does_not_anchor():
    found = find_timexes("7月12日,集团召开2024半年工作座谈会。会议指出,2024年是攻坚之年。")
    assert [(t.text, t.value) for t in found] == [("7月12日", "XXXX-07-12"), ("2024", "2024"), ("2024年", "2024")]


def test_meeting_fields_of_an_expression():
    t = find_timexes("8月28日上午8点,政平小学在学校阶梯教室召开新学期开学会议")[0]
    assert (t.text, t.date, t.has_day, t.time_of_day) == ("8月28日上午8点", "XXXX-08-28", True, "上午8点")
    r = find_timexes("于xx年6月13日至16日在武汉召开")[0]
    assert (r.date, r.date_end) == ("XXXX-06-13", "XXXX-06-16")


def test_bare_day_at_a_clause_start():
    found = find_timexes("央视网消息(新闻联播):14日,中共中央政治局常委、国务院总理李克强在西安主持召开座谈会")
    assert [(t.text, t.value) for t in found] == [("14日", "XXXX-XX-14")]


def values(text, published=None, roc=False, headline_year=None):
    return [(t.text, t.value) for t in find_timexes(text, published, None, roc, headline_year)]


@pytest.mark.parametrize("text, published, roc, expected", [
    # a relative day with its part of day
    ("今天下午,学校召开安全工作会议", dt.date(2023, 5, 9), False, [("今天下午", "2023-05-09TAF")]),
    ("上一年度工作完成良好", dt.date(2023, 5, 9), False, [("上一年度", "2022")]),
    # a dateline is the page's, and a bare day before a part of day takes its month
    ("新华社北京4月8日电 常务会议8日上午在京召开", None, False, [("8日上午", "XXXX-04-08TMO")]),
    # years of the Republic of China on a Traditional page, not durations
    ("召開105年度第一次會議,年資滿30年的里長獲表揚", None, True, [("105年度", "2016")]),
    ("本所(112)年3月2日上午召開會議", None, True, [("(112)年3月2日上午", "2023-03-02TMO")]),
    ("本校110学年度第1学期校务会议", None, True, [("110学年度", "2021")]),
    ("檢討109 下半年度預算執行情形", None, True, [("109 下半年度", "2020")]),
    ("改在下学年度(96学年度)举行", None, True, [("96学年度", "2007")]),
    ("事实发生日:94/11/30,董事会决议撤销", None, True, [("94/11/30", "2005-11-30")]),
    ("比分94/11/30不是日期", None, False, []),
    ("民国99年5月10日召开", None, False, [("民国99年5月10日", "2010-05-10")]),
    # ... in Chinese numerals, as announcements write them; a year in words needs its month or 度
    ("本公司九十九年十二月三日董事会决议通过九十八年度盈余分配案", None, True,
     [("九十九年十二月三日", "2010-12-03"), ("九十八年度", "2009")]),
    ("一百零一年五月八日召开会员大会", None, True, [("一百零一年五月八日", "2012-05-08")]),
    ("服务社区二十年的里长,六十年代的老照片", None, True, []),
    # ... while on a page of the common calendar 30年 is no year
    ("建校30年来,学校召开了多次会议", None, False, []),
])
def test_relative_days_datelines_and_roc_years(text, published, roc, expected):
    assert values(text, published, roc) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a space between a number and its unit, as pages converted from PDF or forms write it
    ("会议时间:2024 年 3 月 8 日下午 2 时 30 分", None, [("2024 年 3 月 8 日下午 2 时 30 分", "2024-03-08T14:30")]),
    ("于 2022年 12 月 6 日召开", None, [("2022年 12 月 6 日", "2022-12-06")]),
    # the day without its unit at a line's end or before a part of day
    ("2021年5月8日通知。局长在5月12\n", None, [("2021年5月8日", "2021-05-08"), ("5月12", "2021-05-12")]),
    ("定于6月3上午召开", dt.date(2023, 7, 1), [("6月3上午", "2023-06-03TMO")]),
    # a range of bare days takes the month the text gave before it
    ("十月份安排:1日-7日放假,8日上午开会", None, [("十月份", "XXXX-10"), ("1日-7日", "XXXX-10-01/XXXX-10-07"),
                                               ("8日上午", "XXXX-10-08TMO")]),
    # ... and so do the next days of a list of days
    ("于十一月二十八日、二十九日、三十日三天内完成", None,
     [("十一月二十八日", "XXXX-11-28"), ("二十九日", "XXXX-11-29"), ("三十日", "XXXX-11-30")]),
    ("第3日、第4日", None, []),
    # a bare day in brackets after a relative day, Chinese numerals before a part of day, 5/29 in brackets
    ("5月3日通知,本周四(7日)上午开会", None, [("5月3日", "XXXX-05-03"), ("本周四", "REL"), ("7日", "XXXX-05-07")]),
    ("里业务会报,十七日上午在公所召开", dt.date(2019, 9, 20), [("十七日上午", "2019-XX-17TMO")]),
    ("卅一日下午举行", None, [("卅一日下午", "XXXX-XX-31TAF")]),
    ("本公所于今日(5/29)召开会报,比例1/3", dt.date(2019, 6, 1), [("今日", "2019-06-01"), ("5/29", "2019-05-29")]),
    # a month and day that lost 月 to the page's markup, where the digits split one way only
    ("512日,学校召开全体会议", None, [("512日", "XXXX-05-12")]),
    ("2017年310日,在505室召开", None, [("2017年", "2017"), ("310日", "2017-03-10")]),
    ("325傍晚,全体教师齐聚会议室", None, [("325傍晚", "XXXX-03-25TEV")]),
    ("127下午,校长主持会议", None, []),
    ("共有325名代表,12日上午报到", None, [("12日上午", "XXXX-XX-12TMO")]),
    # a day after a name or 于, before the meeting's verb, as news tell it; a count of days is none
    ("县政府12日召开常务会议", None, [("12日", "XXXX-XX-12")]),
    ("5月8日发出通知,会议定于12日在县城举行", None, [("5月8日", "XXXX-05-08"), ("12日", "XXXX-05-12")]),
    ("为期3日的培训,第3日在党校结业", None, []),
    # a day of a month named relative to the page's date: one expression, resolved by the published date alone
    ("定于本月28日下午召开理事会", None, [("本月28日下午", "REL")]),
    ("定于本月28日下午召开理事会", dt.date(2024, 3, 2), [("本月28日下午", "2024-03-28TAF")]),
    # ... with its clock time; a relative day with its day of the month in brackets (Taiwan's news)
    ("定于本月12日下午3时召开理事会", dt.date(2024, 3, 2), [("本月12日下午3时", "2024-03-12T15:00")]),
    ("今天下午3点召开会议", dt.date(2024, 3, 2), [("今天下午3点", "2024-03-02T15:00")]),
    ("市政府今(15)日上午10时召开市政会议", dt.date(2024, 10, 15), [("今(15)日上午10时", "2024-10-15T10:00")]),
    ("昨(14)日举行座谈会", None, [("昨(14)日", "REL")]),
    ("下月31日前报送材料", dt.date(2024, 3, 2), [("下月31日", "REL")]),
    # 整 after a clock time belongs to it
    ("会议于11月28日上午9点整开始", None, [("11月28日上午9点整", "XXXX-11-28T09:00")]),
    # a date written as one number and closed by 日; other long numbers are no dates
    ("20191128日,学会在昆明召开理事会,编号20191128", None, [("20191128日", "2019-11-28")]),
    # a year without 年 before a plan word, not inside a code
    ("审议2023工作计划和2024预算,听取ISO9001认证汇报", None, [("2023", "2023"), ("2024", "2024")]),
    ("2024年度工作计划", None, [("2024年度", "2024")]),
    ("参加EAFES2020筹备会", None, []),
    # 明天 and 今天 as the future and the present, not days
    ("为建设更加美好的明天而奋斗", dt.date(2023, 5, 9), []),
    ("共创辉煌明天", dt.date(2023, 5, 9), []),
    ("明天上午召开全体大会", dt.date(2023, 5, 9), [("明天上午", "2023-05-10TMO")]),
])
def test_spaced_unitless_ranged_and_figurative(text, published, expected):
    assert values(text, published) == expected


def test_the_headline_year_anchors_the_report():
    assert values("6月21日下午3时在礼堂召开", dt.date(2014, 1, 5), True, headline_year=2013) == [
        ("6月21日下午3时", "2013-06-21T15:00")]
