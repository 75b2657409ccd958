"""PDF reading: fixtures drawn with reportlab from the seed report's own wording, bad PDFs, the corpus."""

from __future__ import annotations

import io

import pytest

from nlp.errors import XxgkError
from nlp.ingest import read
from nlp.pipeline import analyze_file

reportlab = pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

TITLE = "济南市行政审批服务局2024年政府信息公开工作年度报告"
# seed_000, section 一（一）, wrapped at 25 characters a line as a PDF page would
PARA = (
    "持续推进政府网站栏目优化和内容建设，围绕审批服务重点、群众关注焦点、经验做法亮点，高效规范做好主动公开工作。"
    "通过政府网站发布机构职能、公示公告、工作进展等信息184条。"
)
PROBLEM = "一是政策主动公开力度不足，与政策文件库的衔接不到位，解读质量有提升空间。"
TABLE2 = [
    ["第二十条第（一）项", None, None, None],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "0", "0", "2"],
]


def _wrap(text: str, width: int = 25) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _draw_table(c, rows, x0, y_top, col_w=100, row_h=20):
    """A ruled table; None cells are merged into the cell on their left."""
    n_rows, n_cols = len(rows), len(rows[0])
    for r in range(n_rows + 1):
        y = y_top - r * row_h
        # horizontal rules
        c.line(x0, y, x0 + n_cols * col_w, y)
    for r, row in enumerate(rows):
        y1, y0 = y_top - r * row_h, y_top - (r + 1) * row_h
        c.line(x0, y0, x0, y1)
        span_start = 0
        for col in range(1, n_cols + 1):
            if col == n_cols or row[col] is not None:
                c.line(x0 + col * col_w, y0, x0 + col * col_w, y1)
                text = row[span_start]
                c.drawString(x0 + span_start * col_w + 4, y0 + 6, text)
                span_start = col
    return y_top - n_rows * row_h


def make_pdf(pages: int = 2) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    w, h = A4
    for page in range(1, pages + 1):
        c.setFont(FONT, 9)
        c.drawString(60, h - 30, "济南市人民政府门户网站")  # running header
        c.setFont(FONT, 12)
        y = h - 70
        if page == 1:
            c.drawString(60, y, TITLE)
            y -= 30
            c.drawString(60, y, "一、总体情况")
            y -= 22
            for line in _wrap(PARA):
                c.drawString(60, y, line)
                y -= 18
            y -= 10
            c.drawString(60, y, "二、主动公开政府信息情况")
            y = _draw_table(c, TABLE2, 60, y - 10) - 20
            c.drawString(60, y, "五、存在的主要问题及改进情况")
            y -= 22
            for line in _wrap(PROBLEM):
                c.drawString(60, y, line)
                y -= 18
        else:
            c.drawString(60, y, "六、其他需要报告的事项")
            c.drawString(60, y - 22, "本年度未收取信息处理费。")
        c.setFont(FONT, 10)
        c.drawString(w / 2 - 10, 30, f"- {page} -")  # page number
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(make_pdf())
    return read(path)


def test_text_order_furniture_and_wraps(pdf_doc):
    text = pdf_doc.text
    assert pdf_doc.format == "pdf" and pdf_doc.pages == 2
    assert "- 1 -" not in text and "- 2 -" not in text
    assert "济南市人民政府门户网站" not in text  # repeated at the top of every page
    assert PARA in text  # the sentence wrapped over five lines is whole again
    assert PROBLEM in text
    order = [text.index(s) for s in (TITLE, "一、总体情况", "第二十条第（一）项", "五、存在的主要问题", "六、其他需要报告的事项")]
    assert order == sorted(order)


def test_table_grid_with_merged_title_row(pdf_doc):
    assert len(pdf_doc.tables) == 1
    grid = pdf_doc.tables[0]
    assert grid.page == 1
    assert grid.rows == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "0", "0", "2"],
    ]
    # in the text the table stands where it was, one row per line, cells tab-separated
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0" in pdf_doc.text
    assert pdf_doc.text[grid.start : grid.end].startswith("第二十条第（一）项")


def test_record_from_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf())
    rec = analyze_file(path)
    assert rec["report"]["issuer"] == "济南市行政审批服务局" and rec["report"]["year"] == 2024
    assert rec["source"]["format"] == "pdf" and rec["source"]["pages"] == 2
    assert [s["key"] for s in rec["sections"]] == ["overview", "active_disclosure", "problems", "other_matters"]
    texts = [p["text"] for p in rec["passages"]]
    assert "一是政策主动公开力度不足，与政策文件库的衔接不到位，解读质量有提升空间。" in texts
    assert not any("本年制发件数" in t or t == "第二十条第（一）项" for t in texts)


def _encrypted(data: bytes) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 800), "white").save(out, format="PDF")
    return out.getvalue()


@pytest.mark.parametrize(
    "make,code,words",
    [
        pytest.param(lambda: make_pdf()[: len(make_pdf()) // 2], "E011", "damaged or truncated", id="truncated"),
        pytest.param(lambda: _encrypted(make_pdf()), "E010", "password-protected", id="password"),
        pytest.param(_image_only, "E009", "Run OCR first", id="image-only"),
        pytest.param(lambda: b"%PDF-1.4\n", "E011", "damaged or truncated", id="header-only"),
    ],
)
def test_bad_pdfs(tmp_path, make, code, words):
    path = tmp_path / "bad.pdf"
    path.write_bytes(make())
    with pytest.raises(XxgkError) as info:
        read(path)
    assert info.value.code == code
    assert str(path) in str(info.value) and words in str(info.value)


@pytest.mark.parametrize(
    "name,issuer,year,new_received",
    [
        ("002_huaian_hongzequ_2024.pdf", "淮安市洪泽区人民政府", 2024, "95"),
        ("003_huaian_hongzequ_2023.pdf", "淮安市洪泽区人民政府", 2023, "21"),
    ],
)
def test_corpus_pdfs(corpus_dir, name, issuer, year, new_received):
    doc = read(corpus_dir / name)
    assert doc.pages == 5
    assert "- 1 -" not in doc.text
    rows = [row for grid in doc.tables for row in grid.rows]
    new = next(r for r in rows if r[0].startswith("一、本年新收政府信息公开申请数量"))
    assert new[-7:] == [new_received, "0", "0", "0", "0", "0", new_received]
    review = next(r for r in rows if r[:2] == ["结果维持", "结果纠正"])
    assert len(review) == 15
    rec = analyze_file(corpus_dir / name)
    assert rec["status"] == "ok", rec["errors"]
    assert rec["report"]["issuer"] == issuer and rec["report"]["year"] == year
    assert [s["key"] for s in rec["sections"]] == [
        "overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters",
    ]
