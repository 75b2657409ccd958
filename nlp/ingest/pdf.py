"""Text PDFs, with pdfplumber (on pdfminer.six): reading order, table grids, page furniture.

Per page: ruled tables are found with pdfplumber's table finder and read cell by cell (a merged
cell's text fills every grid position it covers); the text between tables is read band by band
from top to bottom, so paragraphs and tables keep their order. Page numbers ("- 4 -", "第 4 页")
and running headers/footers repeated across pages are dropped; a vertical label written one
character per line is joined into one line. Lines wrapped inside a sentence are rejoined by the
shared normalisation (``from_blocks``).
"""

from __future__ import annotations

import io
import re
from collections import Counter

from nlp.errors import XxgkError
from nlp.ingest.document import Block, Document, TableGrid, from_blocks

RE_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)
RE_SINGLE_CHAR_LINE = re.compile(r"^\s*[\u4e00-\u9fff、，。（）()]\s*$")
MIN_TABLE_ROWS = 2
MIN_TABLE_COLS = 2
TOL = 1.5  # points: edges closer than this are the same grid line
PROSE_ROW_MIN = 15  # a full-width 'cell' longer than this is running text, not a table row


def _merge_edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _index_range(edges: list[float], lo: float, hi: float) -> range:
    start = min(range(len(edges)), key=lambda i: abs(edges[i] - lo))
    end = min(range(len(edges)), key=lambda i: abs(edges[i] - hi))
    return range(start, max(start + 1, end))


def _cell_text(page, bbox) -> str:
    text = page.within_bbox(bbox).extract_text() or ""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    # Chinese cell text wraps without spaces; keep a space only between two Latin/digit runs
    out = ""
    for ln in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and ln[0].isascii() and ln[0].isalnum():
            out += " "
        out += ln
    return out


def _grid(page, table) -> tuple[list[list[str]], list[tuple[float, float]]]:
    """Rows of cell text (merged cells repeated over every position they cover) and row extents."""
    cells = [c for c in table.cells if c]
    xs = _merge_edges([c[0] for c in cells] + [c[2] for c in cells])
    ys = _merge_edges([c[1] for c in cells] + [c[3] for c in cells])
    if len(xs) < 2 or len(ys) < 2:
        return [], []
    grid = [["" for _ in range(len(xs) - 1)] for _ in range(len(ys) - 1)]
    region = page.within_bbox(table.bbox, strict=False)  # filter the page's objects once per table
    for bbox in cells:
        text = _cell_text(region, bbox)
        for r in _index_range(ys, bbox[1], bbox[3]):
            for c in _index_range(xs, bbox[0], bbox[2]):
                if r < len(grid) and c < len(grid[0]):
                    grid[r][c] = text
    return grid, list(zip(ys, ys[1:], strict=False))


def _is_prose_row(row: list[str]) -> bool:
    """A 'row' that is one line of running text: page frames and boxed paragraphs look like
    tables to a ruling-line finder; their rows are single cells spanning the width, holding prose."""
    values = {c for c in row if c}
    if len(values) != 1 or len(row) < 2:
        return False
    value = next(iter(values))
    return len(value) > PROSE_ROW_MIN or value.endswith(("。", "；", "，"))


def _collapse_vertical_labels(lines: list[str]) -> list[str]:
    """Join runs of one-character lines (a vertical label such as 三/、/本/年/度…) into one line."""
    out: list[str] = []
    run: list[str] = []
    for ln in lines + [None]:  # type: ignore[list-item]
        if ln is not None and RE_SINGLE_CHAR_LINE.match(ln):
            run.append(ln.strip())
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if ln is not None:
            out.append(ln)
    return out


def _page_blocks(page) -> list[Block]:
    tables = [
        t
        for t in page.find_tables()
        if len(t.rows) >= MIN_TABLE_ROWS and max((len(r.cells) for r in t.rows), default=0) >= MIN_TABLE_COLS
    ]
    tables.sort(key=lambda t: t.bbox[1])
    blocks: list[Block] = []
    top = page.bbox[1]
    bands: list[tuple[float, float]] = []
    for t in tables:
        bands.append((top, t.bbox[1]))
        top = t.bbox[3]
    bands.append((top, page.bbox[3]))
    table_boxes = [t.bbox for t in tables]

    def outside_tables(obj) -> bool:
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in table_boxes)

    def band_text(y0: float, y1: float) -> str | None:
        if y1 - y0 <= 1:
            return None
        band = page.crop((page.bbox[0], y0, page.bbox[2], y1), strict=False).filter(outside_tables)
        lines = _collapse_vertical_labels([ln for ln in (band.extract_text() or "").split("\n") if ln.strip()])
        return "\n".join(lines) if lines else None

    for i, (y0, y1) in enumerate(bands):
        text = band_text(y0, y1)
        if text:
            blocks.append(text)
        if i == len(tables):
            break
        table = tables[i]
        rows, extents = _grid(page, table)
        # rows of running text inside a ruled frame are read as text over the page's full width
        table_boxes.remove(table.bbox)
        segment: list[list[str]] = []
        for row, (top_y, bottom_y) in zip(rows, extents, strict=False):
            if _is_prose_row(row):
                if segment:
                    blocks.append(TableGrid(segment, page=page.page_number))
                    segment = []
                text = band_text(top_y, bottom_y)
                if text:
                    blocks.append(text)
            else:
                segment.append(row)
        if segment:
            blocks.append(TableGrid(segment, page=page.page_number))
        table_boxes.append(table.bbox)
    return blocks


def _drop_furniture(pages: list[list[Block]]) -> list[Block]:
    """Remove page numbers and running headers/footers (same first/last line on most pages)."""
    firsts: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    for blocks in pages:
        texts = [b for b in blocks if isinstance(b, str)]
        if texts:
            firsts[texts[0].split("\n")[0].strip()] += 1
            lasts[texts[-1].split("\n")[-1].strip()] += 1
    n = len(pages)
    repeated = {ln for ln, k in (firsts + lasts).items() if n >= 2 and k >= max(2, (n + 1) // 2) and len(ln) < 60}
    out: list[Block] = []
    for blocks in pages:
        for b in blocks:
            if isinstance(b, str):
                lines = [ln for ln in b.split("\n") if not RE_PAGE_NUMBER.match(ln) and ln.strip() not in repeated]
                if lines:
                    out.append("\n".join(lines))
            else:
                out.append(b)
    return out


def read_pdf(path: str, data: bytes, sha256: str) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(cause).lower():
            raise XxgkError("E010", path=path, fmt="PDF") from exc
        raise XxgkError("E011", path=path, fmt="PDF", reason=f"{type(cause).__name__}: {cause}"[:200]) from exc
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        raise XxgkError("E011", path=path, fmt="PDF", reason=f"{type(exc).__name__}: {exc}"[:200]) from exc
    with pdf:
        try:
            n_pages = len(pdf.pages)
            n_chars = sum(len(p.chars) for p in pdf.pages)
            if n_pages == 0:
                raise XxgkError("E011", path=path, fmt="PDF", reason="no pages")
            if n_chars == 0:
                raise XxgkError("E009", path=path, pages=n_pages)
            pages = [_page_blocks(p) for p in pdf.pages]
        except XxgkError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise XxgkError("E011", path=path, fmt="PDF", reason=f"{type(exc).__name__}: {exc}"[:200]) from exc
    return from_blocks(path, "pdf", sha256, _drop_furniture(pages), pages=n_pages)
