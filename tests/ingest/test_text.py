"""Plain-text reports: encoding detection, unusable input, normalisation, offsets, crawler dumps.

Every expectation is a literal written from the report wording, never from the toolkit's output.
"""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from nlp.errors import XxgkError
from nlp.ingest import read
from nlp.ingest.normalize import normalize

# ---------------------------------------------------------------------------------------------
# 1. Encoding detection
# ---------------------------------------------------------------------------------------------
SNIPPET = "济南市行政审批服务局2024年政府信息公开工作年度报告\n一、总体情况\n全年共受理申请135件。"
TITLE = "济南市行政审批服务局2024年政府信息公开工作年度报告"

# (text written, its bytes, encoding the Document must report)
ENCODED = [
    pytest.param(SNIPPET, SNIPPET.encode("utf-8"), "utf-8", id="utf-8"),
    pytest.param(SNIPPET, SNIPPET.encode("utf-8-sig"), "utf-8-sig", id="utf-8-bom"),
    pytest.param(SNIPPET, SNIPPET.encode("gb18030"), "gb18030", id="gb18030"),
    pytest.param(SNIPPET, SNIPPET.encode("gbk"), "gb18030", id="gbk"),
    pytest.param(SNIPPET, SNIPPET.replace("\n", "\r\n").encode("gbk"), "gb18030", id="gbk-crlf"),
    pytest.param(SNIPPET, SNIPPET.encode("utf-16"), "utf-16", id="utf-16-bom"),
    pytest.param(SNIPPET, b"\xfe\xff" + SNIPPET.encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
    pytest.param(SNIPPET, SNIPPET.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(SNIPPET, SNIPPET.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
    pytest.param(SNIPPET, SNIPPET.encode("utf-8").replace(b"\n", b"\r\n"), "utf-8", id="utf-8-crlf"),
    pytest.param(TITLE + "\n", (TITLE + "\n").encode("gbk"), "gb18030", id="gbk-title-line"),
    pytest.param(TITLE, TITLE.encode("gbk"), "gb18030", id="gbk-title-no-newline"),
]


@pytest.mark.parametrize("text,data,encoding", ENCODED)
def test_read_detects_encoding(tmp_path, text, data, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    doc = read(path)
    assert doc.text == text
    assert doc.raw.replace("\r\n", "\n") == text
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.format == "txt"
    assert doc.path == str(path)


def test_read_same_text_in_every_encoding(tmp_path):
    texts = set()
    for i, codec in enumerate(("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16")):
        path = tmp_path / f"report{i}.txt"
        path.write_bytes(SNIPPET.encode(codec))
        texts.add(read(path).text)
    assert texts == {SNIPPET}


# ---------------------------------------------------------------------------------------------
# 2. Unusable input
# ---------------------------------------------------------------------------------------------
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
DOCX_BYTES = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml" + bytes(64)
LONG_TEXT = ("全年共受理政府信息公开申请135件。\n" * 60).encode("utf-8")  # about 2.6 KB

# (file name, bytes or None for no file, max_mb, code, words the message must contain)
BAD_INPUT = [
    pytest.param("missing.txt", None, 50, "E001", "no such file", id="missing"),
    pytest.param("empty.txt", b"", 50, "E002", "0 bytes", id="empty"),
    pytest.param("binary.txt", bytes(range(256)) * 20, 50, "E003", "not text", id="binary"),
    pytest.param("big.txt", LONG_TEXT, 0.001, "E006", "--max-mb", id="too-big"),
    # a truncated PDF is recognised by its bytes whatever its name, and reported as damaged
    pytest.param("report.txt", PDF_BYTES, 50, "E011", "PDF file is damaged or truncated", id="pdf-named-txt"),
    pytest.param("report.pdf", PDF_BYTES, 50, "E011", "PDF file is damaged or truncated", id="pdf"),
    pytest.param("report.docx", DOCX_BYTES, 50, "E011", "DOCX file is damaged or truncated", id="docx"),
    pytest.param("report.ofd", b"PK\x03\x04OFD", 50, "E004", "OFD files are not read", id="ofd"),
]


@pytest.mark.parametrize("name,data,max_mb,code,words", BAD_INPUT)
def test_read_rejects_bad_input(tmp_path, name, data, max_mb, code, words):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(XxgkError) as info:
        read(path, max_mb=max_mb)
    assert info.value.code == code
    assert str(path) in str(info.value)
    assert words in str(info.value)


def test_read_big_file_under_default_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(LONG_TEXT)
    assert read(path).text.startswith("全年共受理政府信息公开申请135件。\n")


# ---------------------------------------------------------------------------------------------
# 3. Normalisation
# ---------------------------------------------------------------------------------------------
NORMALIZE_CASES = [
    # full-width digits and letters; Chinese punctuation stays
    ("２０２４年", True, "2024年"),
    ("ＡＰＰ", True, "APP"),
    ("本年度主动公开政府信息１２３４条", True, "本年度主动公开政府信息1234条"),
    ("同比增长１２．５％", True, "同比增长12.5%"),
    ("（２０２４）", True, "（2024）"),
    # ideographic space and NBSP become spaces, stripped at line ends and line starts
    ("一、总体情况\u3000\u3000\n全年共受理申请135件。", True, "一、总体情况\n全年共受理申请135件。"),
    ("\u3000\u3000全年共受理申请135件。", True, "全年共受理申请135件。"),
    ("全年共受理申请135件。\u00a0\n", True, "全年共受理申请135件。\n"),
    ("Microsoft\u00a0Word", True, "Microsoft Word"),
    ("Ａ\u3000Ｂ", True, "A B"),
    ("政务公开\u3000专栏", True, "政务公开专栏"),
    ("政务公开\u3000专栏", False, "政务公开 专栏"),
    # converter artefacts removed
    ("[image: 1111]全年共受理申请135件。", True, "全年共受理申请135件。"),
    ("[image]全年共受理申请135件。", True, "全年共受理申请135件。"),
    ("本机关[bookmark: _Hlk66973412]全年共受理申请135件。", True, "本机关全年共受理申请135件。"),
    ("<!--[if !supportLists]-->（一）主动公开情况<!--[endif]-->", True, "（一）主动公开情况"),
    ("主动\u200b公开", True, "主动公开"),
    ("主动\ufeff公开", False, "主动公开"),
    # line ends
    ("一、总体情况\r\n全年共受理申请。\r共办结。", True, "一、总体情况\n全年共受理申请。\n共办结。"),
    # spaces around a lone number in running text
    ("解读 16 篇", True, "解读16篇"),
    ("解读 16 篇", False, "解读 16 篇"),  # crawler text: spaces separate blocks
    ("2022 年，我局受理依申请公开 5 件", True, "2022年，我局受理依申请公开5件"),
    ("2022 年，我局受理依申请公开 5 件", False, "2022 年，我局受理依申请公开 5 件"),
    ("第 3 条", True, "第3条"),
    ("本年度共发布政务信息 1,234 条，同比增长 12.5%。", True, "本年度共发布政务信息1,234条，同比增长12.5%。"),
    pytest.param("办结率 100 %", True, "办结率100%"),
    # table rows keep their separators
    ("行政规范性文件 4 0 16", True, "行政规范性文件 4 0 16"),
    ("行政规范性文件 4 0 16", False, "行政规范性文件 4 0 16"),
    ("0 0 0 0 0 0 0", True, "0 0 0 0 0 0 0"),
    ("行政规范性文件\t4\t0\t16\n规章\t0\t0\t0", True, "行政规范性文件\t4\t0\t16\n规章\t0\t0\t0"),
    pytest.param(
        "本年新收政府信息公开申请数量 135 0 0 0 0 0 135\n上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        True,
        "本年新收政府信息公开申请数量 135 0 0 0 0 0 135\n上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
    ),
    # wrapped lines joined only when wrapped=True
    (
        "根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求",
        True,
        "根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》的要求",
    ),
    (
        "根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求",
        False,
        "根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求",
    ),
    (
        "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、\n服务、结果公开。",
        True,
        "本机关坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
    ),
    (
        "全年共受理政府信息公开申请135件，其中当面申请\n20件，网上申请115件。",
        True,
        "全年共受理政府信息公开申请135件，其中当面申请20件，网上申请115件。",
    ),
    (  # a wrap across a page-break blank line
        "推进决策、执行、管理、服务、结果公开，全年共发布\n\n政府信息1234条。",
        True,
        "推进决策、执行、管理、服务、结果公开，全年共发布政府信息1234条。",
    ),
    # ... but kept after a sentence end, a short heading, a numbered sub-heading, before an item
    (
        "全年共受理政府信息公开申请135件，办结率达到100%。\n本年度未发生行政复议。",
        True,
        "全年共受理政府信息公开申请135件，办结率达到100%。\n本年度未发生行政复议。",
    ),
    (
        "一、总体情况\n上海市科委深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署。",
        True,
        "一、总体情况\n上海市科委深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署。",
    ),
    (
        "（四）政府信息公开平台建设情况\n聚力打造政府网站集约化平台。",
        True,
        "（四）政府信息公开平台建设情况\n聚力打造政府网站集约化平台。",
    ),
    (
        "2024年，本机关深入贯彻落实党中央、国务院关于政务公开的决策部署：\n1.加强组织领导。",
        True,
        "2024年，本机关深入贯彻落实党中央、国务院关于政务公开的决策部署：\n1.加强组织领导。",
    ),
    pytest.param(
        "济南市行政审批服务局2024年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。",
        True,
        "济南市行政审批服务局2024年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。",
    ),
    # spaces between Chinese characters: removed in wrapped text, kept in crawler text
    ("政府信息公开工作年度报告 一、总体情况", True, "政府信息公开工作年度报告一、总体情况"),
    ("政府信息公开工作年度报告 一、总体情况", False, "政府信息公开工作年度报告 一、总体情况"),
    pytest.param(
        "一、总体情况 2024年，我区深入贯彻落实《条例》。",
        False,
        "一、总体情况 2024年，我区深入贯彻落实《条例》。",
    ),
    pytest.param(
        "本年新收政府信息公开申请数量 135 二、上年结转政府信息公开申请数量 0",
        False,
        "本年新收政府信息公开申请数量 135 二、上年结转政府信息公开申请数量 0",
    ),
]


@pytest.mark.parametrize("raw,wrapped,expected", NORMALIZE_CASES)
def test_normalize(raw, wrapped, expected):
    assert normalize(raw, wrapped=wrapped).text == expected


# ---------------------------------------------------------------------------------------------
# 4. Offsets back into the original
# ---------------------------------------------------------------------------------------------
# (raw, wrapped, substring of the normalised text, the original characters behind it)
OFFSET_CASES = [
    ("２０２４年，本机关主动公开政府信息１２３４条。", True, "2024年", "２０２４年"),
    ("２０２４年，本机关主动公开政府信息１２３４条。", True, "1234条。", "１２３４条。"),
    ("[image: 1111]全年共受理申请135件。", True, "全年共受理", "全年共受理"),
    ("本机关[image: x]主动公开政府信息1234条。", True, "主动公开政府信息", "主动公开政府信息"),
    ("本机关[image: x]主动公开政府信息1234条。", True, "本机关主动", "本机关[image: x]主动"),
    ("本机关[bookmark: _Hlk66973412]全年共受理申请１３５件。", True, "135件", "１３５件"),
    ("解读 16 篇", True, "解读16篇", "解读 16 篇"),
    ("解读 16 篇", True, "16篇", "16 篇"),
    ("2022 年，我局受理依申请公开 5 件", True, "2022年", "2022 年"),
    ("2022 年，我局受理依申请公开 5 件", True, "5件", "5 件"),
    ("<!--[if !supportLists]-->（一）主动\u200b公开", True, "（一）", "（一）"),
    ("<!--[if !supportLists]-->（一）主动\u200b公开", True, "主动公开", "主动\u200b公开"),
    ("\u3000\u3000全年共受理申请135件。", True, "全年", "全年"),
    ("一、总体情况\r\n全年共受理申请。", True, "全年共受理申请。", "全年共受理申请。"),
    (
        "根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求",
        True,
        "上海市政府信息公开规定",
        "上海市政府\n信息公开规定",
    ),
    (
        "根据《中华人民共和国政府信息公开条例》和《上海市政府\n信息公开规定》的要求",
        True,
        "的要求",
        "的要求",
    ),
]


@pytest.mark.parametrize("raw,wrapped,found,original", OFFSET_CASES)
def test_original_span(raw, wrapped, found, original):
    tm = normalize(raw, wrapped=wrapped)
    start = tm.text.index(found)
    s, e = tm.original_span(start, start + len(found))
    assert raw[s:e] == original


def ascii_form(ch: str) -> str:
    """What normalisation may turn one original character into: full-width forms and odd spaces
    become ASCII, a lone carriage return a line feed; everything else (Chinese punctuation too)
    stays as it is."""
    if ch == "\r":
        return "\n"
    if (ch.isalnum() and "\uff10" <= ch <= "\uff5a") or ch in "％＠．\u3000\u00a0\u2002\u2003\u2009":
        return unicodedata.normalize("NFKC", ch)
    return ch


@pytest.mark.parametrize("raw", sorted({case[0] for case in OFFSET_CASES}))
def test_every_character_comes_from_its_original(raw):
    tm = normalize(raw)
    assert len(tm.offsets) == len(tm.text)
    assert list(tm.offsets) == sorted(set(tm.offsets))
    for ch, i in zip(tm.text, tm.offsets, strict=True):
        assert ascii_form(raw[i]) == ch


# ---------------------------------------------------------------------------------------------
# 5. Crawler dumps
# ---------------------------------------------------------------------------------------------
BODY = "2024年，平潭综合实验区管委会办公室深入贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1234条。"
DUMP = "\n".join(
    [
        "标题: 平潭综合实验区2024年度政府信息公开工作年度报告",
        "发布时间: 2025-03-10 15:35",
        "文号: ",
        "发布机构: 平潭综合实验区管委会办公室",
        "原文链接: https://example/a.htm",
        "页面链接与图片详见 links.tsv(同目录)",
        "==================== 正文 ====================",
        BODY,
        "",
    ]
)

HEADER_FIELDS = [
    ("标题", "平潭综合实验区2024年度政府信息公开工作年度报告"),
    ("发布时间", "2025-03-10 15:35"),
    ("文号", ""),
    ("发布机构", "平潭综合实验区管委会办公室"),
    ("原文链接", "https://example/a.htm"),
]


@pytest.fixture
def dump_doc(tmp_path):
    path = tmp_path / "pingtan_2024.txt"
    path.write_text(DUMP, encoding="utf-8")
    return read(path)


@pytest.mark.parametrize("key,value", HEADER_FIELDS)
def test_crawler_header_field(dump_doc, key, value):
    assert dump_doc.header[key] == value


def test_crawler_header_has_only_its_fields(dump_doc):
    assert set(dump_doc.header) == {key for key, _ in HEADER_FIELDS}


def test_crawler_body_without_header(dump_doc):
    assert dump_doc.text.startswith(BODY)
    for word in ("标题", "发布机构", "原文链接", "links.tsv", "====", "正文"):
        assert word not in dump_doc.text
    assert dump_doc.raw[dump_doc.body_start :].startswith(BODY)
    assert dump_doc.original(0, 10) == BODY[:10]


CHROME = (
    "当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2017年度政府信息公开工作年度报告 "
    "来源：平潭县人民政府 时间：2018-01-23 08:51 微信 微博 QQ空间 全真版 文字版 文件下载 "
)
CHROME_BODY = (
    "一、概述2017年，平潭综合实验区管委会按照《中华人民共和国政府信息公开条例》要求，推进政府信息公开工作。"
)
CHROME_HEADER = (
    "标题: 平潭综合实验区2017年度政府信息公开工作年度报告\n==================== 正文 ====================\n"
)


@pytest.mark.parametrize("head", ["", CHROME_HEADER], ids=["bare", "with-header"])
def test_crawler_page_chrome_removed(tmp_path, head):
    path = tmp_path / "pingtan_2017.txt"
    path.write_text(head + CHROME + CHROME_BODY, encoding="utf-8")
    doc = read(path)
    assert doc.text == CHROME_BODY
    for word in ("当前位置", "来源", "微信", "QQ空间", "文件下载"):
        assert word not in doc.text
    assert doc.header["页面标题"] == "平潭综合实验区2017年度政府信息公开工作年度报告"
    assert doc.original(0, 10) == "一、概述2017年，"
