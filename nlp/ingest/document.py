"""The one internal model every reader produces: a Document."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from nlp.ingest.normalize import TextMap, normalize


@dataclass
class TableGrid:
    """A table as the source has it: rows of cell strings, merged cells resolved.

    A cell that spans several grid positions (colspan/rowspan, gridSpan/vMerge, a merged PDF
    cell) repeats its text in every position it covers. An empty cell (including one holding only
    ``&nbsp;``) is ``""``, never ``"0"``. ``page`` is 1-based where the format has pages;
    ``start``/``end`` locate the table's rendering in the document text.
    """

    rows: list[list[str]]
    page: int | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return {"rows": self.rows, "page": self.page}


@dataclass
class Document:
    """A report as read from one file.

    ``text`` is the normalised body (what every later stage reads); ``raw`` is the decoded file
    content, unchanged (for PDF/DOCX/HTML: the text the reader extracted, before normalisation),
    and ``textmap.original_span`` maps any span of ``text`` back into it. ``header`` holds
    crawler/page fields found before the body (标题, 发布时间, 发布机构 …). ``tables`` holds the
    real table grids of formats that have them; their rows also appear in ``text``, one row per
    line with cells separated by tabs, where the table stands.
    """

    path: str
    format: str
    sha256: str
    raw: str
    textmap: TextMap
    encoding: str | None = None
    header: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    body_start: int = 0  # index in ``raw`` where the body begins (after crawler header lines)
    tables: list[TableGrid] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.textmap.text

    def original(self, start: int, end: int) -> str:
        """The original (un-normalised) text behind the normalised span [start, end)."""
        s, e = self.textmap.original_span(start, end)
        return self.raw[s:e]


RE_WORDING = re.compile(r"[\u4e00-\u9fff]")

# A block of a structured document: a paragraph (its text) or a table.
Block = str | TableGrid


def render_cell(cell: str) -> str:
    """A cell as it stands in the rendered text: one line, no tabs."""
    return " ".join(cell.replace("\t", " ").split())


def _render_row(row: list[str]) -> str:
    """Cells joined by tabs; a row that is one wording cell spanning the table (a title such as
    "第二十条第（一）项" or a section heading caught in a frame) is written once, as a line. A row
    of equal numbers ("0" fifteen times) stays a row."""
    cells = [render_cell(c) for c in row]
    if len(set(cells)) == 1 and RE_WORDING.search(cells[0]):
        return cells[0]
    return "\t".join(cells)


def from_blocks(
    path: str,
    fmt: str,
    sha256: str,
    blocks: list[Block],
    *,
    pages: int | None = None,
    header: dict[str, str] | None = None,
) -> Document:
    """Build a Document from ordered blocks (what the PDF, DOCX and HTML readers produce).

    Paragraphs become lines; a table becomes one line per row, cells joined by tabs (so the
    text-based stages see tables the way DOCX-derived text dumps show them).
    """
    parts: list[str] = []
    table_spans: list[tuple[TableGrid, int, int]] = []
    pos = 0
    for block in blocks:
        if isinstance(block, TableGrid):
            rendered = "\n".join(_render_row(row) for row in block.rows)
            table_spans.append((block, pos, pos + len(rendered)))
        else:
            rendered = block.strip("\n")
        if not rendered:
            continue
        parts.append(rendered)
        pos += len(rendered) + 1
    raw = "\n".join(parts)
    tm = normalize(raw, wrapped=True)
    offsets = tm.offsets
    tables = []
    for grid, s, e in table_spans:
        grid.start = bisect.bisect_left(offsets, s)
        grid.end = bisect.bisect_left(offsets, e)
        tables.append(grid)
    return Document(
        path=path, format=fmt, sha256=sha256, raw=raw, textmap=tm, header=header or {}, pages=pages, tables=tables
    )
