"""DOCX and legacy .doc reports: document order, table grids with merged cells, unusable files.

The fixtures are Word files built with python-docx from the two seed reports' own content
(``corpora/reports/seed_000_jinan_xzsp_2024.txt``, ``seed_001_jining_xzsp_2022.txt``): their
narrative lines become paragraphs, and their tables 2, 3 and 4 become real Word tables with the
merged cells of the 2021 template (国办公开办函〔2021〕30号) — the seed texts, being conversions,
show a merged cell once and leave the positions it covers blank. Table cells hold the seed's own
labels and numbers. Every expected grid is a literal written from the seed text.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml.parser import parse_xml  # noqa: E402

from nlp.errors import XxgkError  # noqa: E402
from nlp.ingest import doc as doc_reader  # noqa: E402
from nlp.ingest import read  # noqa: E402
from nlp.pipeline import SIX, analyze_file  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "corpora" / "reports"
JINAN = "seed_000_jinan_xzsp_2024.txt"
JINING = "seed_001_jining_xzsp_2022.txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# ---------------------------------------------------------------------------------------------
# Table specs. "<": this grid position belongs to the cell on its left (w:gridSpan); "^": to the
# cell above (w:vMerge). "\n" separates the paragraphs of a cell. Empty strings are empty cells.
# ---------------------------------------------------------------------------------------------
Z7 = ["0"] * 7

JINAN_T2 = [
    ["第二十条第（一）项", "<", "<", "<"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "0", "0", "2"],
    ["第二十条第（五）项", "<", "<", "<"],
    ["信息内容", "本年处理决定数量", "<", "<"],
    ["行政许可", "51463", "<", "<"],
    ["第二十条第（六）项", "<", "<", "<"],
    ["信息内容", "本年处理决定数量", "<", "<"],
    ["行政处罚", "0", "<", "<"],
    ["行政强制", "0", "<", "<"],
    ["第二十条第（八）项", "<", "<", "<"],
    ["信息内容", "本年收费金额（单位：万元）", "<", "<"],
    ["行政事业性收费", "0", "<", "<"],
]

JINAN_T3 = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<", "申请人情况", "<", "<", "<", "<", "<", "<"],
    ["^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
    ["^", "^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"],
    ["一、本年新收政府信息公开申请数量", "<", "<", "119", "16", "0", "0", "0", "0", "135"],
    ["二、上年结转政府信息公开申请数量", "<", "<", *Z7],
    ["三、本年度办理结果", "（一）予以公开", "<", "62", "11", "0", "0", "0", "0", "73"],
    ["^", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "<", "16", "0", "0", "0", "0", "0", "16"],
    ["^", "（三）不予公开", "1.属于国家秘密", *Z7],
    ["^", "^", "2.其他法律行政法规禁止公开", *Z7],
    ["^", "^", "3.危及“三安全一稳定”", *Z7],
    ["^", "^", "4.保护第三方合法权益", *Z7],
    ["^", "^", "5.属于三类内部事务信息", *Z7],
    ["^", "^", "6.属于四类过程性信息", *Z7],
    ["^", "^", "7.属于行政执法案卷", *Z7],
    ["^", "^", "8.属于行政查询事项", *Z7],
    ["^", "（四）无法提供", "1.本机关不掌握相关政府信息", "38", "5", "0", "0", "0", "0", "43"],
    ["^", "^", "2.没有现成信息需要另行制作", *Z7],
    ["^", "^", "3.补正后申请内容仍不明确", *Z7],
    ["^", "（五）不予处理", "1.信访举报投诉类申请", *Z7],
    ["^", "^", "2.重复申请", "3", "0", "0", "0", "0", "0", "3"],
    ["^", "^", "3.要求提供公开出版物", *Z7],
    ["^", "^", "4.无正当理由大量反复申请", *Z7],
    ["^", "^", "5.要求行政机关确认或重新出具已获取信息", *Z7],
    ["^", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *Z7],
    ["^", "^", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *Z7],
    ["^", "^", "3.其他", *Z7],
    ["^", "（七）总计", "<", "119", "16", "0", "0", "0", "0", "135"],
    ["四、结转下年度继续办理", "<", "<", *Z7],
]

_REVIEW_HEAD = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
JINAN_T4 = [
    ["行政复议", "<", "<", "<", "<", "行政诉讼", *["<"] * 9],
    ["结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计", "未经复议直接起诉", *["<"] * 4, "复议后起诉", *["<"] * 4],
    [*["^"] * 5, *_REVIEW_HEAD, *_REVIEW_HEAD],
    # the seed's cells hold no-break spaces around the zeros
    [*["\u00a00"] * 9, "0\u00a0", "0\u00a0", *["\u00a00"] * 3, "0"],
]

# Jining's table 2 breaks across a page in the seed: two Word tables, the second two columns wide.
JINING_T2A = [
    ["第二十条第（一）项", "<", "<", "<"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "0", "0", "0"],
    ["第二十条第（五）项", "<", "<", "<"],
    ["信息内容", "本年处理决定数量", "<", "<"],
    ["行政许可", "42520", "<", "<"],
    ["第二十条第（六）项", "<", "<", "<"],
    ["信息内容", "本年处理决定数量", "<", "<"],
]
JINING_T2B = [
    ["行政处罚", "0"],
    ["行政强制", "0"],
    ["第二十条第（八）项", "<"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "0"],
]
JINING_T3 = [
    ["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "<", "<", "申请人情况", "<", "<", "<", "<", "<", "<"],
    ["^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
    ["^", "^", "^", "^", "商业企业", "科研机构", "社会组织", "法律服务机构", "其他", "^"],
    ["一、本年新收政府信息公开申请数量", "<", "<", "5", "0", "0", "0", "0", "0", "5"],
    ["二、上年结转政府信息公开申请数量", "<", "<", *Z7],
    ["三、本年度办理结果", "(一) 予以公开", "<", "4", "0", "0", "0", "0", "0", "4"],
    ["^", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）", "<", *Z7],
    ["^", "(三) 不予公开", "1.属于国家秘密", *Z7],
    ["^", "^", "2.其他法律行政法规禁止公开", *Z7],
    ["^", "^", "3.危及“三安全一稳定”", *Z7],
    ["^", "^", "4.保护第三方合法权益", *Z7],
    ["^", "^", "5.属于三类内部事务信息", *Z7],
    ["^", "^", "6.属于四类过程性信息", *Z7],
    ["^", "^", "7.属于行政执法案卷", *Z7],
    ["^", "^", "8.属于行政查询事项", *Z7],
    ["^", "(四) 无法提供", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"],
    ["^", "^", "2.没有现成信息需要另行制作", *Z7],
    ["^", "^", "3.补正后申请内容仍不明确", *Z7],
    ["^", "(五) 不予处理", "1.信访举报投诉类申请", *Z7],
    ["^", "^", "2.重复申请", *Z7],
    ["^", "^", "3.要求提供公开出版物", *Z7],
    ["^", "^", "4.无正当理由大量反复申请", *Z7],
    ["^", "^", "5.要求行政机关确认或重新出具已获取信息", *Z7],
    ["^", "(六) 其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *Z7],
    ["^", "^", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *Z7],
    ["^", "^", "3.其他", *Z7],
    ["^", "(七) 总计", "<", "5", "0", "0", "0", "0", "0", "5"],
    ["四、结转下年度继续办理", "<", "<", *Z7],
]
JINING_T4 = [
    ["行政复议", "<", "<", "<", "<", "行政诉讼", *["<"] * 9],
    ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总 计", "未经复议直接起诉", *["<"] * 4, "复议后起诉", *["<"] * 4],
    [*["^"] * 5, *["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总 计"] * 2],
    ["0"] * 15,
]

# Where the tables stand: (line after which they start, start of the line before which they end,
# the tables; None = the seed's own tab-separated rows, blank-line-separated tables, no merges).
SEED_TABLES = {
    JINAN: [
        ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", [JINAN_T2]),
        ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", [JINAN_T3]),
        ("四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开工作存在的主要问题及改进情况", [JINAN_T4]),
    ],
    JINING: [
        ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", [JINING_T2A, JINING_T2B]),
        ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", [JINING_T3]),
        ("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", [JINING_T4]),
        ("(二) 落实上级年度政务公开工作要点情况", "(三) 2022年市行政审批服务局共承办", None),
    ],
}

_RE_CONVERTER_ARTEFACT = re.compile(r"\[(?:image|bookmark):[^\]\n]*\]")


def seed_blocks(name: str) -> list[str | list[list[str]]]:
    """The seed report as blocks: paragraph texts and table specs, in document order.

    Narrative lines become paragraphs (blank lines and the converter's ``[image: …]`` /
    ``[bookmark: …]`` marks are dropped: in a Word file those are no text); the lines of a table
    region are replaced by its specs.
    """
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    blocks: list[str | list[list[str]]] = []
    regions = iter(SEED_TABLES[name])
    after, until, tables = next(regions)
    i = 0
    while i < len(lines):
        line = _RE_CONVERTER_ARTEFACT.sub("", lines[i])
        i += 1
        if line.strip():
            blocks.append(line)
        if after is None or line.strip() != after:
            continue
        start = i
        while not lines[i].strip().startswith(until):
            i += 1
        if tables is None:
            tables = [
                [row.split("\t") for row in group.split("\n")]
                for group in re.split(r"\n\s*\n", "\n".join(lines[start:i]).strip("\n"))
            ]
        blocks.extend(tables)
        after, until, tables = next(regions, (None, None, None))
    assert after is None, f"table region after {after!r} not found in {name}"
    return blocks


def add_table(document, spec: list[list[str]]) -> None:
    """A Word table holding ``spec``, its "<"/"^" positions merged into the cell they extend."""
    n_rows, n_cols = len(spec), len(spec[0])
    assert all(len(row) == n_cols for row in spec)
    table = document.add_table(rows=n_rows, cols=n_cols)
    for r, row in enumerate(spec):
        for c, value in enumerate(row):
            if value in ("<", "^"):
                continue
            r2, c2 = r, c
            while c2 + 1 < n_cols and row[c2 + 1] == "<":
                c2 += 1
            while r2 + 1 < n_rows and spec[r2 + 1][c] == "^":
                r2 += 1
            cell = table.cell(r, c)
            if (r2, c2) != (r, c):
                cell = cell.merge(table.cell(r2, c2))
            first, *more = value.split("\n")
            cell.paragraphs[0].text = first
            for text in more:
                cell.add_paragraph(text)


def build_docx(path: Path, blocks: list[str | list[list[str]]]) -> Path:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            add_table(document, block)
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory) -> dict[str, Path]:
    """seed name -> the DOCX built from it."""
    out = tmp_path_factory.mktemp("seed_docx")
    return {name: build_docx(out / name.replace(".txt", ".docx"), seed_blocks(name)) for name in (JINAN, JINING)}


# ---------------------------------------------------------------------------------------------
# 1. Grids: merged cells repeat their text in every grid position they cover
# ---------------------------------------------------------------------------------------------
Z = "0"
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_RESULT = "三、本年度办理结果"
ROW_HEAD = "法人或其他组织"

EXPECTED_JINAN_T2 = [
    ["第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "0", "0", "2"],
    ["第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"],
    ["信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"],
    ["行政许可", "51463", "51463", "51463"],
    ["第二十条第（六）项", "第二十条第（六）项", "第二十条第（六）项", "第二十条第（六）项"],
    ["信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"],
    ["行政处罚", "0", "0", "0"],
    ["行政强制", "0", "0", "0"],
    ["第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项", "第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）", "本年收费金额（单位：万元）", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "0", "0", "0"],
]

EXPECTED_JINAN_T3 = [
    [T3_NOTE, T3_NOTE, T3_NOTE, "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况", "申请人情况"],
    [T3_NOTE, T3_NOTE, T3_NOTE, "自然人", ROW_HEAD, ROW_HEAD, ROW_HEAD, ROW_HEAD, ROW_HEAD, "总计"],
    [T3_NOTE, T3_NOTE, T3_NOTE, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    ["一、本年新收政府信息公开申请数量"] * 3 + ["119", "16", Z, Z, Z, Z, "135"],
    ["二、上年结转政府信息公开申请数量"] * 3 + [Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（一）予以公开", "（一）予以公开", "62", "11", Z, Z, Z, Z, "73"],
    [T3_RESULT, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "16", Z, Z, Z, Z, Z, "16"],
    [T3_RESULT, "（三）不予公开", "1.属于国家秘密", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "2.其他法律行政法规禁止公开", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "3.危及“三安全一稳定”", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "4.保护第三方合法权益", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "5.属于三类内部事务信息", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "6.属于四类过程性信息", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "7.属于行政执法案卷", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（三）不予公开", "8.属于行政查询事项", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（四）无法提供", "1.本机关不掌握相关政府信息", "38", "5", Z, Z, Z, Z, "43"],
    [T3_RESULT, "（四）无法提供", "2.没有现成信息需要另行制作", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（四）无法提供", "3.补正后申请内容仍不明确", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（五）不予处理", "1.信访举报投诉类申请", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（五）不予处理", "2.重复申请", "3", Z, Z, Z, Z, Z, "3"],
    [T3_RESULT, "（五）不予处理", "3.要求提供公开出版物", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（五）不予处理", "4.无正当理由大量反复申请", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（六）其他处理", "3.其他", Z, Z, Z, Z, Z, Z, Z],
    [T3_RESULT, "（七）总计", "（七）总计", "119", "16", Z, Z, Z, Z, "135"],
    ["四、结转下年度继续办理"] * 3 + [Z, Z, Z, Z, Z, Z, Z],
]

_REVIEW = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
EXPECTED_JINAN_T4 = [
    ["行政复议"] * 5 + ["行政诉讼"] * 10,
    _REVIEW + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
    _REVIEW + _REVIEW + _REVIEW,
    ["0"] * 15,
]


@pytest.mark.parametrize(
    "index,expected",
    [
        pytest.param(0, EXPECTED_JINAN_T2, id="table2"),
        pytest.param(1, EXPECTED_JINAN_T3, id="table3"),
        pytest.param(2, EXPECTED_JINAN_T4, id="table4"),
    ],
)
def test_jinan_grids(seed_docx, index, expected):
    doc = read(seed_docx[JINAN])
    assert len(doc.tables) == 3
    assert doc.tables[index].rows == expected


# (table index, row, expected row) of the Jining DOCX: the cells the brief singles out
JINING_ROWS = [
    pytest.param(0, 6, ["行政许可", "42520", "42520", "42520"], id="t2-licence-colspan"),
    pytest.param(1, 2, ["第二十条第（八）项", "第二十条第（八）项"], id="t2-second-part"),
    pytest.param(
        2,
        1,
        ["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)"] * 3
        + ["自然人", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "法人或其他组织", "总计"],
        id="t3-header-colspan",
    ),
    pytest.param(2, 5, ["三、本年度办理结果", "(一) 予以公开", "(一) 予以公开", "4", "0", "0", "0", "0", "0", "4"], id="t3-result"),
    pytest.param(
        2, 15, ["三、本年度办理结果", "(四) 无法提供", "1.本机关不掌握相关政府信息", "1", "0", "0", "0", "0", "0", "1"], id="t3-rowspan"
    ),
    pytest.param(2, 25, ["三、本年度办理结果", "(六) 其他处理", "3.其他", "0", "0", "0", "0", "0", "0", "0"], id="t3-last-of-rowspan"),
    pytest.param(2, 26, ["三、本年度办理结果", "(七) 总计", "(七) 总计", "5", "0", "0", "0", "0", "0", "5"], id="t3-total"),
    pytest.param(
        3,
        2,
        ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总 计"] * 3,
        id="t4-rowspan-and-spaces",
    ),
    pytest.param(4, 1, ["一、深化重点领域信息公开", "", "", "", "", ""], id="work-points-empty-cells"),
    pytest.param(5, 1, ["", "", "", "", "25期。", ""], id="work-points-page-two"),
]


@pytest.mark.parametrize("index,row,expected", JINING_ROWS)
def test_jining_rows(seed_docx, index, row, expected):
    doc = read(seed_docx[JINING])
    assert doc.tables[index].rows[row] == expected


def test_jining_table3_column0_is_one_merged_cell(seed_docx):
    grid = read(seed_docx[JINING]).tables[2].rows
    assert [r[0] for r in grid[5:27]] == ["三、本年度办理结果"] * 22
    assert [len(r) for r in grid] == [10] * 28


def test_jining_table_shapes(seed_docx):
    doc = read(seed_docx[JINING])
    assert [(len(t.rows), len(t.rows[0])) for t in doc.tables] == [(9, 4), (5, 2), (28, 10), (4, 15), (4, 6), (6, 6), (4, 6)]


# ---------------------------------------------------------------------------------------------
# 2. Document order: paragraph, table, paragraph
# ---------------------------------------------------------------------------------------------
# (seed, heading before, first table index, table count, heading after, a row line of the tables)
ORDER = [
    pytest.param(
        JINAN, "二、主动公开政府信息情况", 0, 1, "三、收到和处理政府信息公开申请情况", "行政许可\t51463\t51463\t51463", id="jinan-t2"
    ),
    pytest.param(
        JINAN,
        "三、收到和处理政府信息公开申请情况",
        1,
        1,
        "四、政府信息公开行政复议、行政诉讼情况",
        "三、本年度办理结果\t（一）予以公开\t（一）予以公开\t62\t11\t0\t0\t0\t0\t73",
        id="jinan-t3",
    ),
    pytest.param(
        JINAN,
        "四、政府信息公开行政复议、行政诉讼情况",
        2,
        1,
        "五、政府信息公开工作存在的主要问题及改进情况",
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t" + "\t".join(["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5),
        id="jinan-t4",
    ),
    pytest.param(
        JINING, "二、主动公开政府信息情况", 0, 2, "三、收到和处理政府信息公开申请情况", "行政处罚\t0", id="jining-t2"
    ),
    pytest.param(
        JINING,
        "四、政府信息公开行政复议、行政诉讼情况",
        3,
        1,
        "五、存在的主要问题及改进情况",
        "行政复议\t行政复议\t行政复议\t行政复议\t行政复议\t" + "\t".join(["行政诉讼"] * 10),
        id="jining-t4",
    ),
    pytest.param(
        JINING,
        "(二) 落实上级年度政务公开工作要点情况",
        4,
        3,
        "(三) 2022年市行政审批服务局共承办市级人大代表建议、政协提案19件,其中:人大代表建议9件、政协提案10件。",
        "\t\t\t\t25期。\t",
        id="jining-work-points",
    ),
]


@pytest.mark.parametrize("seed,before,first,count,after,row", ORDER)
def test_tables_stand_between_their_paragraphs(seed_docx, seed, before, first, count, after, row):
    doc = read(seed_docx[seed])
    text = doc.text
    tables = doc.tables[first : first + count]
    heading_end = text.index(f"\n{before}\n") + len(before) + 2
    # the first table starts on the line after the heading, each next one on the line after the
    # one before, and the paragraph after the last one is the next heading
    starts = [t.start for t in tables]
    ends = [t.end for t in tables]
    assert starts == [heading_end] + [e + 1 for e in ends[:-1]]
    assert text[ends[-1] : ends[-1] + 1 + len(after)] == f"\n{after}"
    # the rows stand in the text one per line, cells tab-separated
    assert row in text[starts[0] : ends[-1]].split("\n")


def test_document_opens_with_the_title_paragraphs(seed_docx):
    assert read(seed_docx[JINAN]).text.split("\n")[:2] == [
        "济南市行政审批服务局2024年政府信息公开工作年度报告",
        "本年度报告根据《中华人民共和国政府信息公开条例》相关要求编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。本年度报告中所列数据统计期限从2024年1月1日到2024年12月31日。",
    ]
    assert read(seed_docx[JINING]).text.split("\n")[:2] == ["济宁市行政审批服务局", "2022年政府信息公开工作年度报告"]


def test_document_fields(seed_docx):
    path = seed_docx[JINAN]
    doc = read(path)
    assert doc.format == "docx"
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.pages is None
    assert doc.header == {}
    # raw is the extracted text; the normalised text maps back into it
    start = doc.text.index("全年共受理公众提交的政府信息公开申请135件")
    assert doc.original(start, start + 7) == "全年共受理公众"


# ---------------------------------------------------------------------------------------------
# 3. The pipeline on the DOCX: same report, same passages as the seed text
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "seed,issuer,year",
    [
        pytest.param(JINAN, "济南市行政审批服务局", 2024, id="jinan"),
        pytest.param(JINING, "济宁市行政审批服务局", 2022, id="jining"),
    ],
)
def test_analyze_docx(seed_docx, seed, issuer, year):
    rec = analyze_file(seed_docx[seed])
    assert rec["status"] == "ok", rec["errors"]
    assert rec["source"]["format"] == "docx"
    assert rec["report"]["issuer"] == issuer
    assert rec["report"]["year"] == year
    assert [s["key"] for s in rec["sections"]] == list(SIX)


def _passages(rec: dict, key: str) -> list[str]:
    return [p["text"] for p in rec["passages"] if p["section"] == key]


NARRATIVE = ("overview", "active_disclosure", "problems", "other_matters")
TABLE_SECTIONS = ("applications", "review_litigation")


@pytest.mark.parametrize("seed", [JINAN, JINING])
@pytest.mark.parametrize("key", NARRATIVE)
def test_passages_equal_those_of_the_seed_text(seed_docx, seed, key):
    from_docx = analyze_file(seed_docx[seed])
    from_text = analyze_file(SEEDS / seed)
    assert _passages(from_docx, key) == _passages(from_text, key)


@pytest.mark.parametrize("seed", [JINAN, JINING])
@pytest.mark.parametrize("key", TABLE_SECTIONS)
def test_table_sections_have_no_passages(seed_docx, seed, key):
    """Tables 3 and 4 are all a section holds: no passages from the DOCX.

    The Jinan seed text writes those tables one cell per line, each line tab-indented; the section
    text is stripped, so the first cell ("（本列数据的勾稽关系为…）", "行政复议") loses its tab
    and reads as a passage there. Whatever the text gives beyond the DOCX is such a table cell.
    """
    assert _passages(analyze_file(seed_docx[seed]), key) == []
    cells = {cell for t in read(seed_docx[seed]).tables for row in t.rows for cell in row}
    assert set(_passages(analyze_file(SEEDS / seed), key)) <= cells


@pytest.mark.parametrize(
    "seed,key,count,first",
    [
        pytest.param(JINAN, "overview", 13, "持续推进政府网站栏目优化和内容建设，围绕审批服务重点、群众关注焦点、经验做法亮点，高效规范做好主动公开工作。", id="jinan-overview"),
        pytest.param(JINAN, "problems", 7, "2024年，济南市行政审批服务局政府信息公开工作取得了一定成果，但仍存在一些问题和不足，主要表现在", id="jinan-problems"),
        pytest.param(JINING, "problems", 2, "2022年，市行政审批服务局信息公开工作取得了一定成效，但在政策、会议解读的多样新上还有待提升，向上推送宣传材料较少，尚未有被政务公开看山东公众号采纳的文稿。", id="jining-problems"),
    ],
)
def test_narrative_passages(seed_docx, seed, key, count, first):
    passages = _passages(analyze_file(seed_docx[seed]), key)
    assert len(passages) == count
    assert passages[0] == first


# ---------------------------------------------------------------------------------------------
# 4. Cell and paragraph text
# ---------------------------------------------------------------------------------------------
# (paragraphs of one cell, the cell's text)
CELLS = [
    pytest.param(["结果", "纠正"], "结果纠正", id="paragraphs-joined"),
    pytest.param(["本年收费金额", "（单位：万元）"], "本年收费金额（单位：万元）", id="unit-on-second-line"),
    pytest.param(["\u00a00"], "0", id="nbsp-before"),
    pytest.param(["0\u00a0"], "0", id="nbsp-after"),
    pytest.param(["  51463  "], "51463", id="spaces"),
    pytest.param(["结果 维持"], "结果 维持", id="inner-space-kept"),
    pytest.param(["法人或其他\u3000\u3000组织"], "法人或其他 组织", id="ideographic-spaces-collapsed"),
    pytest.param([""], "", id="empty"),
    pytest.param(["", "", ""], "", id="empty-paragraphs"),
    pytest.param(["Total", "2024"], "Total 2024", id="ascii-words-kept-apart"),
]


@pytest.mark.parametrize("paragraphs,expected", CELLS)
def test_cell_text(tmp_path, paragraphs, expected):
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.paragraphs[0].text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)
    document.save(str(tmp_path / "cell.docx"))
    assert read(tmp_path / "cell.docx").tables[0].rows == [[expected, ""]]


def test_cell_line_break_joins_like_a_paragraph(tmp_path):
    document = docx.Document()
    run = document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("尚未")
    run.add_break()
    run.add_text("审结")
    document.save(str(tmp_path / "br.docx"))
    assert read(tmp_path / "br.docx").tables[0].rows == [["尚未审结"]]


# (body XML, the document text)
BODY_XML = [
    pytest.param(
        "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>全年共受理申请135件。</w:t></w:r></w:p>",
        "一、总体情况\n全年共受理申请135件。",
        id="empty-paragraph-dropped",
    ),
    pytest.param(
        "<w:p><w:r><w:t>全年共受理申请</w:t></w:r><w:ins><w:r><w:t>135</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>120</w:delText></w:r></w:del><w:r><w:t>件。</w:t></w:r></w:p>",
        "全年共受理申请135件。",
        id="tracked-insertion-kept-deletion-dropped",
    ),
    pytest.param(
        '<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink><w:r><w:t>政府信息公开专栏</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>',
        "详见政府信息公开专栏。",
        id="hyperlink",
    ),
    pytest.param(
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>济南市行政审批服务局</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>2024年政府信息公开工作年度报告</w:t></w:r></w:p>",
        "济南市行政审批服务局\n2024年政府信息公开工作年度报告",
        id="content-control",
    ),
    pytest.param(
        "<w:p><w:r><w:t>一、总体情况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>",
        "一、总体情况 1",
        id="tab-in-paragraph-is-a-space",
    ),
    pytest.param(
        '<w:p><w:r><w:t xml:space="preserve">本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、</w:t></w:r>'
        "<w:r><w:br/><w:t>服务、结果公开。</w:t></w:r></w:p>",
        "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
        id="soft-line-break-in-a-sentence",
    ),
    pytest.param(
        "<w:p><w:r><w:t>一、总体情况</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>图1 依申请数量</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
        "一、总体情况",
        id="text-box-not-read",
    ),
    pytest.param(
        "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"/>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>图2</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        "二、主动公开政府信息情况",
        id="alternate-content-fallback-not-read",
    ),
]

BODY_NS = f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:mc="{MC_NS}"'


def docx_with_body(path: Path, xml: str) -> Path:
    """A DOCX whose body is ``xml`` (then the default section properties)."""
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W_NS}}}sectPr":
            body.remove(child)
    for element in parse_xml(f"<w:root {BODY_NS}>{xml}</w:root>"):
        body.insert(len(body) - 1, element)
    document.save(str(path))
    return path


@pytest.mark.parametrize("xml,text", BODY_XML)
def test_body_xml(tmp_path, xml, text):
    assert read(docx_with_body(tmp_path / "body.docx", xml)).text == text


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


GRID_SPAN_2 = '<w:gridSpan w:val="2"/>'

# (table XML, its grid): rows that start late or end early, a vertical merge continuing from
# nothing, a table nested in a cell
TABLE_XML = [
    pytest.param(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{_tc('行政复议')}{_tc('行政诉讼', GRID_SPAN_2)}</w:tr>"
        f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{_tc("0")}{_tc("1")}</w:tr>'
        f'<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>{_tc("合计")}</w:tr></w:tbl>',
        [["行政复议", "行政诉讼", "行政诉讼"], ["", "0", "1"], ["合计", "", ""]],
        id="grid-before-after",
    ),
    pytest.param(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{_tc('信息内容', '<w:vMerge/>')}{_tc('本年处理决定数量')}</w:tr>"
        f"<w:tr>{_tc('', '<w:vMerge/>')}{_tc('51463')}</w:tr></w:tbl>",
        [["信息内容", "本年处理决定数量"], ["信息内容", "51463"]],
        id="vmerge-continue-in-first-row",
    ),
    pytest.param(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>"
        "<w:tc><w:p><w:r><w:t>说明：</w:t></w:r></w:p><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
        f"<w:tr>{_tc('当面申请')}</w:tr><w:tr>{_tc('网上申请')}</w:tr></w:tbl><w:p/></w:tc>"
        f"{_tc('135')}</w:tr></w:tbl>",
        [["说明：当面申请网上申请", "135"]],
        id="nested-table",
    ),
]


@pytest.mark.parametrize("xml,grid", TABLE_XML)
def test_table_xml(tmp_path, xml, grid):
    assert read(docx_with_body(tmp_path / "table.docx", xml)).tables[0].rows == grid


@pytest.mark.parametrize(
    "content_type",
    [
        pytest.param("application/vnd.ms-word.document.macroEnabled.main+xml", id="docm"),
        pytest.param("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", id="dotx"),
    ],
)
def test_other_word_packages(tmp_path, content_type):
    data = _small_docx()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert main in types
    path = tmp_path / "report.docx"
    path.write_bytes(_with_member(data, "[Content_Types].xml", types.replace(main, content_type).encode()))
    assert read(path).text.split("\n")[1:] == ["一、总体情况", "全年共受理公众提交的政府信息公开申请135件，依法办结135件。"]


# ---------------------------------------------------------------------------------------------
# 5. Unusable files
# ---------------------------------------------------------------------------------------------
def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _small_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("济南市行政审批服务局2024年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("全年共受理公众提交的政府信息公开申请135件，依法办结135件。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    return _zip({n: (content if n == name else src.read(n)) for n in src.namelist()})


_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
XLSX_MEMBERS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        "</Types>"
    ).encode(),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ).encode(),
    "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
}


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors) holding ``streams``.

    Sector 0 is the FAT, then the directory, then each stream (padded to the 4096-byte mini-stream
    cutoff, so every stream lives in regular sectors).
    """
    sect, free, end, fatsect, nostream = 512, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    n_dir = (len(streams) + 1 + 3) // 4
    fat = [fatsect] + [1 + k + 1 for k in range(n_dir - 1)] + [end]
    entries = [("Root Entry", 5, end, 0, 1 if streams else nostream, nostream)]
    body = b""
    for k, (name, data) in enumerate(streams.items(), start=1):
        blob = data.ljust(4096, b"\0")
        blob = blob.ljust(-(-len(blob) // sect) * sect, b"\0")
        first = len(fat)
        n = len(blob) // sect
        fat += [first + m + 1 for m in range(n - 1)] + [end]
        right = k + 1 if k < len(streams) else nostream
        entries.append((name, 2, first, max(len(data), 4096), nostream, right))
        body += blob
    assert len(fat) <= sect // 4
    directory = b"".join(
        struct.pack(
            "<64sHBB3I16sIQQIQ",
            name.encode("utf-16-le").ljust(64, b"\0"),
            (len(name) + 1) * 2,
            kind,
            1,
            nostream,
            right,
            child,
            bytes(16),
            0,
            0,
            0,
            start,
            size,
        )
        for name, kind, start, size, child, right in entries
    ).ljust(n_dir * sect, b"\0")
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        1,
        1,
        0,
        4096,
        end,
        0,
        end,
        0,
    ) + struct.pack("<109I", 0, *[free] * 108)
    fat_sector = struct.pack(f"<{sect // 4}I", *fat, *[free] * (sect // 4 - len(fat)))
    return header + fat_sector + directory + body


def word_document_stream(encrypted: bool = False) -> bytes:
    """The start of a WordDocument stream: a Word 97-2003 FIB (wIdent 0xA5EC, nFib 0xC1)."""
    flags = 0x0100 if encrypted else 0
    return struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0, flags)


PLAIN_DOC = cfb({"WordDocument": word_document_stream(), "1Table": b"\x00" * 16})
ENCRYPTED_DOC = cfb({"WordDocument": word_document_stream(encrypted=True), "1Table": b"\x00" * 16})
ENCRYPTED_DOCX = cfb({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": struct.pack("<Q", 10240)})
XLS = cfb({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})

# (file name, bytes, code, words the message must contain)
BAD_FILES = [
    pytest.param("report.docx", _zip({"data/random.bin": bytes(range(256)) * 4}), "E011", "not a Word document", id="zip-not-docx"),
    pytest.param("report.docx", _small_docx()[: len(_small_docx()) // 2], "E011", "truncated", id="truncated-docx"),
    pytest.param(
        "report.docx",
        _with_member(_small_docx(), "word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'.encode()),
        "E011",
        "broken XML",
        id="broken-document-xml",
    ),
    pytest.param("report.docx", _zip(XLSX_MEMBERS), "E004", "XLSX files are not read", id="xlsx-named-docx"),
    pytest.param(
        "report.odt",
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}),
        "E004",
        "ODT files are not read",
        id="odt",
    ),
    pytest.param("report.docx", ENCRYPTED_DOCX, "E010", "DOCX file is password-protected", id="encrypted-docx"),
    pytest.param("report.doc", ENCRYPTED_DOCX, "E010", "DOCX file is password-protected", id="encrypted-docx-named-doc"),
    pytest.param("report.doc", ENCRYPTED_DOC, "E010", "DOC file is password-protected", id="encrypted-doc"),
    pytest.param("report.doc", XLS, "E004", "XLS files are not read", id="xls-named-doc"),
]


@pytest.mark.parametrize("name,data,code,words", BAD_FILES)
def test_unusable_files(tmp_path, name, data, code, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == code
    assert str(path) in str(info.value)
    assert words in str(info.value)
    rec = analyze_file(path)
    assert rec["status"] == "failed"
    assert [e["code"] for e in rec["errors"]] == [code]


def test_cfb_fixture_directory():
    """The hand-built compound file puts its streams where the .doc reader looks for them."""
    assert doc_reader.cfb_stream(PLAIN_DOC, "WordDocument") == (2, 4096)
    assert doc_reader.cfb_stream(PLAIN_DOC, "1Table") == (10, 4096)
    assert doc_reader.cfb_stream(PLAIN_DOC, "Workbook") is None
    assert not doc_reader.doc_is_encrypted(PLAIN_DOC)
    assert doc_reader.doc_is_encrypted(ENCRYPTED_DOC)


# ---------------------------------------------------------------------------------------------
# 6. Legacy .doc through LibreOffice
# ---------------------------------------------------------------------------------------------
def test_doc_without_libreoffice(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    path = tmp_path / "report.doc"
    path.write_bytes(PLAIN_DOC)
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == "E008"
    assert str(path) in str(info.value)
    assert "apt-get install libreoffice-writer-nogui" in str(info.value)


FAKE_SOFFICE = """#!/bin/sh
# records its arguments, then does what its mode says
printf '%s\\n' "$@" > "$XXGK_TEST_ARGS"
outdir=""; prev=""; src=""
for a in "$@"; do
  [ "$prev" = "--outdir" ] && outdir="$a"
  prev="$a"; src="$a"
done
case "$XXGK_TEST_MODE" in
  convert) cp "$XXGK_TEST_DOCX" "$outdir/$(basename "$src" .doc).docx" ;;
  fail) echo "Error: source file could not be loaded" >&2; exit 1 ;;
  hang) exec sleep 30 ;;
esac
"""


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in ``soffice`` first on PATH; returns a function setting its mode."""
    if os.name != "posix":
        pytest.skip("the stand-in soffice is a POSIX shell script")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "soffice"
    exe.write_text(FAKE_SOFFICE)
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("XXGK_TEST_ARGS", str(tmp_path / "args.txt"))

    def mode(name: str, docx_path: Path | None = None) -> Path:
        monkeypatch.setenv("XXGK_TEST_MODE", name)
        if docx_path is not None:
            monkeypatch.setenv("XXGK_TEST_DOCX", str(docx_path))
        return tmp_path / "args.txt"

    return mode


def test_doc_converted_by_libreoffice(tmp_path, seed_docx, fake_soffice):
    args_file = fake_soffice("convert", seed_docx[JINAN])
    path = tmp_path / "济南市2024年报.doc"
    path.write_bytes(PLAIN_DOC)
    doc = read(path)
    assert doc.format == "doc"
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(PLAIN_DOC).hexdigest()
    assert doc.text == read(seed_docx[JINAN]).text
    assert doc.tables[0].rows == EXPECTED_JINAN_T2
    args = args_file.read_text().splitlines()
    assert args[0].startswith("-env:UserInstallation=file:///")
    profile = Path(args[0].split("file://", 1)[1])
    assert profile.name == "profile"
    assert args[1:6] == ["--headless", "--norestore", "--convert-to", "docx", "--outdir"]
    assert Path(args[6]).parent == profile.parent == Path(args[7]).parent
    assert not profile.parent.exists()  # the temporary directory is gone
    rec = analyze_file(path)
    assert rec["status"] == "ok"
    assert rec["source"]["format"] == "doc"
    assert rec["report"]["issuer"] == "济南市行政审批服务局"


def test_doc_conversion_fails(tmp_path, fake_soffice):
    fake_soffice("fail")
    path = tmp_path / "report.doc"
    path.write_bytes(PLAIN_DOC)
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == "E011"
    assert "the DOC file is damaged or truncated" in str(info.value)
    assert "LibreOffice could not convert it (exit 1): Error: source file could not be loaded" in str(info.value)


def test_doc_conversion_times_out(tmp_path, fake_soffice, monkeypatch):
    fake_soffice("hang")
    monkeypatch.setattr(doc_reader, "CONVERT_TIMEOUT_S", 1)
    path = tmp_path / "report.doc"
    path.write_bytes(PLAIN_DOC)
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == "E011"
    assert "did not convert it within 1 s" in str(info.value)


def test_doc_converted_docx_is_broken(tmp_path, fake_soffice):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(_small_docx()[:300])
    fake_soffice("convert", broken)
    path = tmp_path / "report.doc"
    path.write_bytes(PLAIN_DOC)
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == "E011"
    assert "the DOC file is damaged" in str(info.value)


@pytest.mark.skipif(doc_reader.find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_real_doc_through_libreoffice(tmp_path, seed_docx):
    """Save the Jinan DOCX as a real .doc with LibreOffice, then read that .doc."""
    soffice = doc_reader.find_soffice()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(seed_docx[JINAN]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    path = tmp_path / seed_docx[JINAN].with_suffix(".doc").name
    doc = read(path)
    assert doc.format == "doc"
    assert doc.tables[0].rows == EXPECTED_JINAN_T2
    assert doc.tables[1].rows == EXPECTED_JINAN_T3
    rec = analyze_file(path)
    assert rec["status"] == "ok", rec["errors"]
    assert (rec["report"]["issuer"], rec["report"]["year"]) == ("济南市行政审批服务局", 2024)
    assert _passages(rec, "overview") == _passages(analyze_file(SEEDS / JINAN), "overview")
