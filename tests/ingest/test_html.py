"""HTML reports: body found inside site chrome, paragraphs and table grids, page fields, no-report pages.

The handcrafted pages are built from the wording of the seed report
(corpora/reports/seed_000_jinan_xzsp_2024.txt); every expectation is a literal written from
that wording and the markup, never from the reader's own output. The two corpus pages are
checked against their manifest entries and notes.
"""

from __future__ import annotations

import pytest

from nlp.errors import XxgkError
from nlp.ingest import read
from nlp.pipeline import analyze_file

TITLE = "济南市行政审批服务局2024年政府信息公开工作年度报告"
PREAMBLE = (
    "本年度报告根据《中华人民共和国政府信息公开条例》相关要求编制，内容包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
    "其他需要报告的事项等六个部分。本年度报告中所列数据统计期限从2024年1月1日到2024年12月31日。"
)
ACTIVE = "持续推进政府网站栏目优化和内容建设，围绕审批服务重点、群众关注焦点、经验做法亮点，高效规范做好主动公开工作。"
REQUESTS = "全年共受理公众提交的政府信息公开申请135件，申请内容主要涵盖政务服务、城市建设、优化营商环境等方面，依法办结135件。"
PLATFORM = "聚力打造功能完善的政务公开专区，充实政策文件，更新设备标识，提高服务质量。"

# Table 2 of the seed (parts (一) and (八)): colspan, and a header cell wrapped with <br>.
TABLE2_HTML = (
    '<table border="1"><tbody>'
    '<tr><td colspan="4"><p align="center">第二十条第（一）项</p></td></tr>'
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
    "<tr><td>行政规范性文件</td><td>0</td><td>0</td><td>2</td></tr>"
    '<tr><td colspan="4">第二十条第（八）项</td></tr>'
    '<tr><td>信息内容</td><td colspan="3">本年收费金额<br/>（单位：万元）</td></tr>'
    '<tr><td>行政事业性收费</td><td colspan="3"><p>0</p></td></tr>'
    "</tbody></table>"
)
TABLE2_GRID = [
    ["第二十条第（一）项"] * 4,
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "0", "0", "2"],
    ["第二十条第（八）项"] * 4,
    ["信息内容", "本年收费金额（单位：万元）", "本年收费金额（单位：万元）", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "0", "0", "0"],
]

# The head of table 3 of the seed: rowspan and colspan together, &nbsp; and blank cells.
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_HTML = (
    '<table border="1">'
    f'<tr><td colspan="3" rowspan="3"><p>{NOTE}</p></td><td colspan="7">申请人情况</td></tr>'
    '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
    "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
    '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>'
    "<td>119</td><td>16</td><td>0</td><td>0</td><td>0</td><td>0</td><td>135</td></tr>"
    '<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>'
    "<td>62</td><td>11</td><td>&nbsp;</td><td><p>&nbsp;</p></td><td> </td><td></td><td>73</td></tr>"
    '<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td>'
    "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
    "<tr><td>2.其他法律行政法规禁止公开</td>"
    "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
    "</table>"
)
TABLE3_GRID = [
    [NOTE, NOTE, NOTE] + ["申请人情况"] * 7,
    [NOTE, NOTE, NOTE, "自然人"] + ["法人或其他组织"] * 5 + ["总计"],
    [NOTE, NOTE, NOTE, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    ["一、本年新收政府信息公开申请数量"] * 3 + ["119", "16", "0", "0", "0", "0", "135"],
    ["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "62", "11", "", "", "", "", "73"],
    ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"],
    ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"],
]


def body_lines(doc) -> list[str]:
    """The lines of the Document text, each table replaced by one line "<table N>"."""
    parts, pos = [], 0
    for i, table in enumerate(doc.tables):
        parts += [doc.text[pos : table.start], f"<table {i}>"]
        pos = table.end
    parts.append(doc.text[pos:])
    return [line for part in parts for line in part.split("\n") if line]


CHROME_HEAD = (
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    f"<title>{TITLE}_济南市行政审批服务局</title>"
    "<style>.nav{color:#333}</style><script>var title = '一、总体情况';</script></head><body>"
    '<div class="header"><div class="logo">济南市行政审批服务局</div>'
    '<ul class="mainNav"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li>'
    '<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>'
    '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>'
)
CHROME_TAIL = (
    '<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div>'
    "<p>【打印本页】【关闭窗口】</p>"
    "</div></div>"
    '<div class="footer"><p>主办：济南市行政审批服务局 地址：济南市市中区 <a href="/map">网站地图</a></p></div>'
    "<!-- 统计代码 --><script>document.write('<p>访问量统计</p>');</script>"
    "</body></html>"
)

# A TRS-style article page: chrome all round, the title <h1> and the date line outside div#zoom.
ARTICLE_PAGE = (
    CHROME_HEAD
    + '<div class="main">'
    + f'<h1 class="article-title">{TITLE}</h1>'
    + '<div class="info">发布时间：2025-01-20 来源：济南市行政审批服务局</div>'
    + '<div id="zoom" class="TRS_Editor">'
    + f"<p>{PREAMBLE}</p>"
    + "<p>一、总体情况</p><p>（一）主动公开情况</p>"
    + f"<p>{ACTIVE}</p>"
    + "<p>（二）依申请公开情况</p>"
    + f'<p style="text-indent:2em">&nbsp;&nbsp;<span>{REQUESTS[:20]}</span><span>{REQUESTS[20:]}</span></p>'
    + "<p>二、主动公开政府信息情况</p>"
    + TABLE2_HTML
    + "<p>三、收到和处理政府信息公开申请情况</p>"
    + TABLE3_HTML
    + CHROME_TAIL
)
ARTICLE_LINES = [
    TITLE,
    PREAMBLE,
    "一、总体情况",
    "（一）主动公开情况",
    ACTIVE,
    "（二）依申请公开情况",
    REQUESTS,
    "二、主动公开政府信息情况",
    "<table 0>",
    "三、收到和处理政府信息公开申请情况",
    "<table 1>",
]

# A fragment (no <html>/<body>), like a report body kept in a JS string: the title line and the
# date line are in the body; headings as <h3>, lines separated by <br>, a list.
FRAGMENT = (
    f"<p style='text-align: center;font-weight: bold;'>{TITLE}</p>"
    "<p style='text-align: center'>发布日期：2025-01-20</p>"
    f"<p>{PREAMBLE}</p>"
    "<h3>一、总体情况</h3>"
    f"<div>{ACTIVE}<br />{REQUESTS}<br/><br/></div>"
    "<h3>（四）政府信息公开平台建设情况</h3>"
    f"<ul><li>{PLATFORM}</li><li>微信公众号对外发布信息5400余篇，关注用户6万余人。</li></ul>"
    + TABLE2_HTML
)
FRAGMENT_LINES = [
    TITLE,
    PREAMBLE,
    "一、总体情况",
    ACTIVE,
    REQUESTS,
    "（四）政府信息公开平台建设情况",
    PLATFORM,
    "微信公众号对外发布信息5400余篇，关注用户6万余人。",
    "<table 0>",
]

# No known container names: the body is the element whose own paragraphs hold the most Chinese
# text outside links; the sidebar's link list and the footer text are left out.
DENSITY_PAGE = (
    '<html><head><meta charset="utf-8"><title>年度报告</title></head><body>'
    '<div class="wrap"><div class="left-box"><h4>相关信息</h4><ul>'
    + "".join(f'<li><a href="/n{i}">济南市行政审批服务局关于印发行政审批服务保障若干措施的通知{i}</a></li>' for i in range(8))
    + "</ul></div>"
    + '<div class="box">'
    + f"<div>{TITLE}</div>"
    + f"<div>{PREAMBLE}</div>"
    + "<div><b>一、总体情况</b></div>"
    + f"<div>{ACTIVE}</div>"
    + f"<div>{REQUESTS}</div>"
    + "</div></div>"
    + '<div class="bottom">版权所有：济南市行政审批服务局　联系电话：0531-00000000</div>'
    + "</body></html>"
)
DENSITY_LINES = [TITLE, PREAMBLE, "一、总体情况", ACTIVE, REQUESTS]

# A page laid out with tables: the navigation cell and the body cell of one outer table; the
# report's own table, nested in the body cell, is a grid; a table nested in a data cell is
# flattened into the cell's text.
LAYOUT_PAGE = (
    '<html><head><meta charset="utf-8"><title>济南市行政审批服务局</title></head><body>'
    '<table width="1000"><tr>'
    '<td width="200"><a href="/">首页</a><br><a href="/xxgk/">政府信息公开</a><br><a href="/zwfw/">政务服务</a></td>'
    "<td>"
    f"<p>{TITLE}</p><p>{PREAMBLE}</p><p>一、总体情况</p><p>{ACTIVE}</p>"
    "<p>二、主动公开政府信息情况</p>"
    '<table border="1">'
    "<tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
    "<tr><td>行政许可</td><td>51463</td></tr>"
    "<tr><td>行政处罚<table><tr><td>行政强制</td><td>0</td></tr></table></td><td>0</td></tr>"
    "</table>"
    "</td></tr></table>"
    "</body></html>"
)
LAYOUT_LINES = [
    TITLE,
    PREAMBLE,
    "一、总体情况",
    ACTIVE,
    "二、主动公开政府信息情况",
    "<table 0>",
]

# An old CMS page: one paragraph per row of a one-column table (page layout, not data); the
# report's table 4 sits in a cell of an outer two-column table next to the navigation cell.
ONE_COLUMN_PAGE = (
    "<html><body><table>"
    f"<tr><td><b>{TITLE}</b></td></tr><tr><td>{PREAMBLE}</td></tr>"
    "<tr><td>四、政府信息公开行政复议、行政诉讼情况</td></tr>"
    '<tr><td><table><tr><td width="20">&nbsp;</td><td>'
    '<table border="1"><tr><td colspan="5">行政复议</td></tr>'
    "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>"
    "<tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
    "</td></tr></table></td></tr>"
    f"<tr><td>{ACTIVE}</td></tr>"
    "</table></body></html>"
)
ONE_COLUMN_LINES = [TITLE, PREAMBLE, "四、政府信息公开行政复议、行政诉讼情况", "<table 0>", ACTIVE]


@pytest.mark.parametrize(
    "html,lines,header,n_tables",
    [
        pytest.param(
            ARTICLE_PAGE,
            ARTICLE_LINES,
            {"页面标题": f"{TITLE}_济南市行政审批服务局", "发布时间": "2025-01-20"},
            2,
            id="article-page-with-chrome",
        ),
        pytest.param(FRAGMENT, FRAGMENT_LINES, {"发布时间": "2025-01-20"}, 1, id="fragment"),
        pytest.param(DENSITY_PAGE, DENSITY_LINES, {"页面标题": "年度报告"}, 0, id="text-density"),
        pytest.param(LAYOUT_PAGE, LAYOUT_LINES, {"页面标题": "济南市行政审批服务局"}, 1, id="layout-table"),
        pytest.param(ONE_COLUMN_PAGE, ONE_COLUMN_LINES, {}, 1, id="one-column-layout-table"),
    ],
)
def test_body_blocks_and_header(tmp_path, html, lines, header, n_tables):
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    doc = read(path)
    assert doc.format == "html"
    assert doc.encoding == "utf-8"
    assert body_lines(doc) == lines
    assert doc.header == header
    assert len(doc.tables) == n_tables


@pytest.mark.parametrize(
    "html,grids",
    [
        pytest.param(ARTICLE_PAGE, [TABLE2_GRID, TABLE3_GRID], id="colspan-rowspan-nbsp"),
        pytest.param(
            LAYOUT_PAGE,
            [[["信息内容", "本年处理决定数量"], ["行政许可", "51463"], ["行政处罚 行政强制 0", "0"]]],
            id="nested-table-flattened",
        ),
        pytest.param(
            ONE_COLUMN_PAGE,
            [[["行政复议"] * 5, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ["0"] * 5]],
            id="table-inside-layout-tables",
        ),
        pytest.param(
            # th cells, a row of blank cells, a rowspan reaching past the last row
            "<p>" + PREAMBLE + "</p><table><tr><th>信息内容</th><th>本年处理决定数量</th></tr>"
            "<tr><td>&nbsp;</td><td> </td></tr>"
            '<tr><td>行政许可</td><td rowspan="5">51463</td></tr></table>',
            [[["信息内容", "本年处理决定数量"], ["行政许可", "51463"]]],
            id="rowspan-past-end-and-blank-row",
        ),
    ],
)
def test_table_grids(tmp_path, html, grids):
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    doc = read(path)
    assert [t.rows for t in doc.tables] == grids
    for table in doc.tables:
        # each grid stands in the text where the table stands, one line per row
        assert doc.text[table.start : table.end].count("\n") == len(table.rows) - 1


def test_meta_charset_gbk(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{TITLE}</title></head><body><div id=\"zoom\"><p>{PREAMBLE}</p><p>一、总体情况</p></div></body></html>"
    )
    path = tmp_path / "report.htm"
    path.write_bytes(page.encode("gbk"))
    doc = read(path)
    assert doc.encoding == "gb18030"
    assert doc.raw.split("\n") == [PREAMBLE, "一、总体情况"]
    assert doc.header == {"页面标题": TITLE}


NAV_ONLY = (
    "<html><head><title>济南市行政审批服务局</title></head><body>"
    '<ul class="menu"><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li>'
    '<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul>'
    "<script>var s = '一、总体情况 二、主动公开政府信息情况';</script></body></html>"
)


@pytest.mark.parametrize(
    "html,chars",
    [
        pytest.param(NAV_ONLY, 16, id="navigation-links-only"),  # 首页 政府信息公开 政务服务 互动交流
        pytest.param("<html><body><p>附件下载</p><!-- 一、总体情况 --></body></html>", 4, id="too-little-text"),
        pytest.param("<html><body><p>2024 annual report</p></body></html>", 18, id="no-chinese"),
    ],
)
def test_page_without_report_is_e005(tmp_path, html, chars):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(XxgkError) as err:
        read(path)
    assert err.value.code == "E005"
    assert f"in {chars} characters of text" in str(err.value)
    assert str(path) in str(err.value)
    record = analyze_file(path)
    assert record["status"] == "failed"
    assert record["errors"][0]["code"] == "E005"


def test_page_the_parser_gives_up_on_is_e011(tmp_path):
    # nesting deeper than libxml2's limit (256 levels): the report text is lost, say so
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 300 + f"<p>{PREAMBLE}</p>" + "</div>" * 300, encoding="utf-8")
    with pytest.raises(XxgkError) as err:
        read(path)
    assert err.value.code == "E011"
    assert "the HTML file is damaged or truncated" in str(err.value)
    assert "Excessive depth" in str(err.value)


# ---------------------------------------------------------------------------------------------
# The two HTML reports of ../shared/corpus (skipped without it)
# ---------------------------------------------------------------------------------------------
SIX = ["overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"]

# file -> (issuer, year, header fields, (rows, columns) of tables 2/3/4, the value row of table 4)
CORPUS_HTML = {
    # 2019 template: table 2 has 本年新制作数量 and the （九） 政府集中采购 part; table 3's labels
    # span three columns and 其他处理 is one row; blank cells are &nbsp;
    "040_shanghai_szfbgt_2019.html": (
        "上海市人民政府办公厅",
        2019,
        {"发布时间": "2020-01-31"},
        [(18, 5), (26, 10), (4, 15)],
        ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""],
    ),
    # 2021 template: 其他处理 in three rows; one review pending (尚未审结 1)
    "056_shuyang_fgj_2023.html": (
        "沭阳县发展和改革局",
        2023,
        {
            "页面标题": "沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局",
            "发布时间": "2024-01-17",
            "发布机构": "沭阳县发展和改革局",
        },
        [(14, 4), (28, 10), (4, 15)],
        ["0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS_HTML))
def test_corpus_html_tables(corpus_dir, name):
    _, _, fields, shapes, review_values = CORPUS_HTML[name]
    doc = read(corpus_dir / name)
    assert [(len(t.rows), len(t.rows[0])) for t in doc.tables] == shapes
    assert all(len(row) == len(t.rows[0]) for t in doc.tables for row in t.rows)
    table2, table3, table4 = (t.rows for t in doc.tables)
    assert table2[0] == ["第二十条第（一）项"] * len(table2[0])
    assert table3[1][3:] == ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert table3[2][3:] == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert table3[-1][:3] == ["四、结转下年度继续办理"] * 3
    assert table4[0] == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert table4[1][5:] == ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert table4[3] == review_values
    for key, value in fields.items():
        assert doc.header[key] == value
    # the body holds no site chrome and no script
    for chrome in ("首页", "当前位置", "function", "websiteId", "无障碍", "繁體版"):
        assert chrome not in doc.text


def test_corpus_040_cells(corpus_dir):
    doc = read(corpus_dir / "040_shanghai_szfbgt_2019.html")
    table2, table3, _ = (t.rows for t in doc.tables)
    assert table2[1] == ["信息内容", "本年新制作数量", "本年新公开数量", "本年新公开数量", "对外公开总数量"]
    assert table2[-1] == ["政府集中采购", "6", "6", "251000元", "251000元"]
    assert table3[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["821", "35", "", "", "2", "1", "859"]
    assert table3[-2] == ["三、本年度办理结果", "（七）总计", "（七）总计", "767", "35", "", "", "2", "1", "805"]
    assert table3[-1][3:] == ["72", "", "", "", "", "", "72"]
    # the title line stays in the body; the date line goes to the header
    assert doc.text.startswith("2019年上海市人民政府办公厅政府信息公开工作年度报告\n本年度报告根据")
    assert "发布日期" not in doc.text
    assert doc.text.endswith("六、其他需要报告的事项\n无。")


def test_corpus_056_cells(corpus_dir):
    doc = read(corpus_dir / "056_shuyang_fgj_2023.html")
    table2, table3, _ = (t.rows for t in doc.tables)
    assert table2[3] == ["规范性文件", "8", "0", "18"]
    # header words split over spans (申请人情|况, 总|计) are joined
    assert table3[0][3:] == ["申请人情况"] * 7
    assert table3[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["26", "", "", "", "", "", "26"]
    assert table3[-5][1:3] == ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
    # the article title (an <h1> outside <ucapcontent>) opens the body; the signature closes it
    assert doc.text.startswith("沭阳县发展和改革局2023年政府信息公开年度报告\n根据《中华人民共和国政府信息公开条例》")
    assert doc.text.endswith("沭阳县发展和改革局\n2024年1月17日")


@pytest.mark.parametrize("name", sorted(CORPUS_HTML))
def test_corpus_html_record(corpus_dir, name):
    issuer, year, _, _, _ = CORPUS_HTML[name]
    record = analyze_file(corpus_dir / name)
    assert record["status"] == "ok", record["errors"]
    assert [s["key"] for s in record["sections"]] == SIX
    assert record["report"]["issuer"] == issuer
    assert record["report"]["year"] == year
    assert record["source"]["format"] == "html"
