import pytest

from nlp.segment.sections import classify_heading, segment_sections


@pytest.mark.parametrize(
    "title,key",
    [
        ("总体情况", "overview"),
        ("概述", "overview"),
        ("年度政府信息公开工作概述", "overview"),
        ("主动公开政府信息情况", "active_disclosure"),
        ("主动公开政府信息情况（有关情况附表）", "active_disclosure"),
        ("收到和处理政府信息公开申请情况", "applications"),
        ("政府信息依申请公开工作情况", "applications"),
        ("政府信息公开行政复议、行政诉讼情况", "review_litigation"),
        ("政府信息公开行政法复议、行政诉讼情况", "review_litigation"),
        ("因政府信息公开申请行政复议、提起行政诉讼的情况", "review_litigation"),
        ("存在的主要问题及改进情况", "problems"),
        ("存在的主要问题及明年工作计划", "problems"),
        ("其他需要报告的事项", "other_matters"),
        ("需要说明的其他事项与附表", "other_matters"),
        ("政府信息公开的收费及减免情况", "other_matters"),
        ("政府信息公开情况统计表", "other_matters"),
        ("本年新收政府信息公开申请数量", "applications"),
        ("深入学习贯彻", None),
    ],
)
def test_classify_heading(title, key):
    assert classify_heading(title) == key


GLUED = (
    "本报告所列数据统计期限为2024年1月1日至2024年12月31日。一、总体情况 2024年，我区持续深化政务公开。"
    "（一）主动公开方面。全年主动公开信息10407条。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
    "规章000三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    "一、本年新收政府信息公开申请数量2171000218二、上年结转政府信息公开申请数量0000000三、本年度办理结果"
    "（一）予以公开710000071四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议"
    "结果维持000五、存在的主要问题及改进情况2024年，工作仍存在不足。一是优化目录；二是增强解读。"
    "六、其他需要报告的事项2024年，无收取信息处理费情况。"
)


def test_glued_headings_and_table_rows():
    secs, preamble_end = segment_sections(GLUED)
    assert [s.key for s in secs] == [
        "overview",
        "active_disclosure",
        "applications",
        "review_litigation",
        "problems",
        "other_matters",
    ]
    assert [s.title for s in secs][3:] == ["政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
    assert GLUED[:preamble_end].endswith("12月31日。")
    # the table-3 rows numbered 一、二、三、四 stay inside the applications section
    assert "上年结转" in secs[2].text(GLUED) and "结转下年度" in secs[2].text(GLUED)


def test_preamble_list_of_parts_is_not_an_outline():
    text = (
        "本报告包括一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。\n"
        "一、总体情况\n全年公开信息100条。\n二、主动公开政府信息情况\n见下表。\n"
    )
    secs, _ = segment_sections(text)
    assert [(s.key, s.text(text)) for s in secs] == [
        ("overview", "全年公开信息100条。"),
        ("active_disclosure", "见下表。"),
    ]


def test_numbering_restart_and_lost_problems_heading():
    # the Shanghai-department layout: narrative parts 一~三, table parts renumbered, problems
    # heading lost (only its sub-heading "（一）主要问题" is left)
    text = (
        "一、总体情况\n概况正文。\n二、工作机制保障\n机制正文。\n三、主动公开工作情况\n公开正文。\n"
        "一、主动公开政府信息情况\n表二\n二、收到和处理政府信息公开申请情况\n表三\n"
        "三、政府信息公开行政复议、行政诉讼情况\n表四\n（一）主要问题\n问题正文。\n（二）改进情况\n改进正文。\n"
        "五、其他需要报告的事项\n无。\n"
    )
    secs, _ = segment_sections(text)
    keys = [s.key for s in secs]
    assert set(keys) == {"overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"}
    problems = next(s for s in secs if s.key == "problems")
    assert problems.text(text).startswith("问题正文。") and "改进正文。" in problems.text(text)
    # 二、工作机制保障 is one of the overview's parts in the 2021 template
    assert [(s.key, s.title) for s in secs][:2] == [("overview", "总体情况"), ("overview", "工作机制保障")]


def test_heading_without_delimiter():
    text = "前言。\n一总体情况\n正文一。\n二、主动公开政府信息情况\n正文二。\n"
    secs, _ = segment_sections(text)
    assert [(s.key, s.title) for s in secs] == [("overview", "总体情况"), ("active_disclosure", "主动公开政府信息情况")]


def test_no_headings():
    secs, preamble_end = segment_sections("只是一段没有标题的文字。")
    assert secs == [] and preamble_end == len("只是一段没有标题的文字。")
