"""2008-era statistics tables are kept under their own row names (nothing mapped onto 2021 keys)."""

from nlp.pipeline import analyze_file

# read by hand from 051_pingtan_2014.txt: 指标名称 计量单位 2014年度 历年累计 …
EXPECTED_051 = {
    "主动公开文件数": (2543, 78967, "条"),
    "政府网站公开数": (2543, 78967, "条"),
    "政府公报公开数": (0, 0, "条"),
    "受理依申请公开信息总数": (1, 1, "条"),
    "当面申请数": (0, 0, "条"),
    "网上申请数": (0, 0, "条"),
    "信函、传真申请数": (1, 1, "条"),
    "对申请的答复总数": (1, 1, "条"),
    "同意公开答复数": (1, 1, "条"),
    "同意部分公开答复数": (0, 0, "条"),
    "不予公开答复数": (0, 0, "条"),
    "其他类型答复数": (0, 0, "条"),
    "政府信息公开收费减免金额": (0, 0, "元"),
    "接受行政诉讼、举报数": (0, 0, "件"),
    "行政复议数": (0, 0, "件"),
    "行政诉讼数": (0, 0, "件"),
}


def test_statistics_2008_own_names(corpus_dir):
    rec = analyze_file(corpus_dir / "051_pingtan_2014.txt")
    assert rec["report"]["template"] == "2008"
    stats = rec["tables"]["statistics_2008"]
    got = {k: (v["year"]["value"], v["cumulative"]["value"], v["unit"]["value"]) for k, v in stats.items()}
    assert got == EXPECTED_051
    # the 2021 canonical tables stay empty: no 2008 row has an exact equivalent
    assert rec["tables"]["applications"] == {} and rec["tables"]["active_disclosure"] == {}


def test_statistics_2008_run_together_are_flagged(corpus_dir):
    # 050: '主动公开文件数条294981916' (2949 | 81916 in the notes) cannot be cut unambiguously
    rec = analyze_file(corpus_dir / "050_pingtan_2015.txt")
    row = rec["tables"]["statistics_2008"]["主动公开文件数"]
    assert row["year"]["value"] is None and row["year"]["unreadable"] and row["year"]["raw"] == "294981916"
    assert any(e["code"] == "E201" and "statistics_2008" in e["message"] for e in rec["errors"])


def test_single_column_statistics(corpus_dir):
    # 057 (2009): 指标名称 计量单位 年末统计 — one value column
    rec = analyze_file(corpus_dir / "057_pingtanxian_czj_2009.txt")
    row = rec["tables"]["statistics_2008"]["主动公开信息数"]
    assert set(row) == {"year", "unit"} and row["year"]["value"] == 6
