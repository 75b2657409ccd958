"""DOCX reports: body paragraphs and tables in document order, merged cells resolved.

The body's block children are read in order: a ``w:p`` becomes a paragraph, a ``w:tbl`` a
:class:`TableGrid`; block-level content controls (``w:sdt``) and custom-XML wrappers are read
through. Text boxes, headers, footers, footnotes and comments are not read.

A table's grid comes from python-docx's ``row.cells``, which repeats a cell once per grid column
it spans (``w:gridSpan``) and gives the top cell for every row a vertical merge covers
(``w:vMerge``): a merged cell's text stands in every grid position it covers. A cell's text is its
paragraphs (and line breaks) joined with no separator, as Chinese is written, with whitespace
collapsed; an empty cell is ``""``. Rows that start late or end early (``w:gridBefore`` /
``w:gridAfter``) are padded with ``""`` so that every row of a grid has the same length.

Inside a body paragraph a tab becomes a space: in the document text tabs separate table cells.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from nlp.errors import XxgkError
from nlp.ingest.document import Block, Document, TableGrid, from_blocks

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_W = f"{{{_NS['w']}}}"
_P, _TBL, _SDT, _SDT_CONTENT, _CUSTOM_XML = (_W + t for t in ("p", "tbl", "sdt", "sdtContent", "customXml"))

# The runs whose text a paragraph shows: not those of text boxes anchored in it (their own
# paragraphs), of tracked deletions/moves away, of the fallback copy of alternate content, or of
# ruby annotations (the phonetic guide above the base text).
_XP_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:txbxContent or ancestor::w:del or ancestor::w:moveFrom"
    " or ancestor::mc:Fallback or ancestor::w:rt)]",
    namespaces=_NS,
)
# A cell's paragraphs, those of tables nested in it included, text boxes excluded.
_XP_CELL_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:txbxContent)]", namespaces=_NS)

# Main-part content types of Word packages: document, template, and their macro-enabled forms.
_WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def paragraph_text(p: etree._Element) -> str:
    """The text of a ``w:p``: its runs' text, tabs and line breaks as ``\\t`` and ``\\n``."""
    return "".join(r.text for r in _XP_RUNS(p))


def _join_lines(lines: list[str]) -> str:
    """Lines of a cell joined with no separator (Chinese), except a space between two
    ASCII letters/digits ("Total" + "2024" stays two words)."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def cell_text(tc: etree._Element) -> str:
    """A ``w:tc``'s text: paragraphs and line breaks joined with no separator, whitespace collapsed."""
    lines: list[str] = []
    for p in _XP_CELL_PARAGRAPHS(tc):
        lines.extend(paragraph_text(p).split("\n"))
    return _join_lines(lines)


def _row_tcs(row, above: list[etree._Element | None]) -> list[etree._Element | None]:
    """The ``w:tc`` standing in each grid position of a row (None where the row has no cell).

    ``above`` is the previous row's result: python-docx gives up on a vertical merge that continues
    from nothing (a first row marked "continue", a misaligned grid); then each continuing cell takes
    the cell above it when there is one, else stands for itself.
    """
    tcs: list[etree._Element | None] = [None] * row.grid_cols_before
    try:
        tcs += [cell._tc for cell in row.cells]
    except (ValueError, IndexError):
        for tc in row._tr.tc_lst:
            span, pos = tc.grid_span, len(tcs)
            if tc.vMerge == "continue" and pos < len(above) and above[pos] is not None:
                tc = above[pos]
            tcs += [tc] * span
    return tcs + [None] * row.grid_cols_after


def table_grid(tbl: etree._Element) -> TableGrid:
    """The grid of a ``w:tbl`` (python-docx ``CT_Tbl``), merged cells repeated."""
    from docx.table import Table

    rows: list[list[str]] = []
    above: list[etree._Element | None] = []
    for row in Table(tbl, None).rows:
        above = _row_tcs(row, above)
        rows.append([cell_text(tc) if tc is not None else "" for tc in above])
    width = max((len(r) for r in rows), default=0)
    return TableGrid([r + [""] * (width - len(r)) for r in rows])


def iter_blocks(container: etree._Element) -> Iterator[Block]:
    """Paragraph texts and table grids of a body (or content control), in document order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield paragraph_text(child).replace("\t", " ")
        elif child.tag == _TBL:
            grid = table_grid(child)
            if grid.rows:
                yield grid
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from iter_blocks(content)
        elif child.tag == _CUSTOM_XML:
            yield from iter_blocks(child)


# Other Office formats that arrive as ZIP archives: main-part content type / ODF mimetype -> name
_OTHER_OOXML = {"spreadsheetml": "XLSX", "presentationml": "PPTX"}
_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/vnd.oasis.opendocument.presentation": "ODP",
}


def _other_format(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The name of an OpenDocument format from its ``mimetype`` member, or None."""
    if "mimetype" not in names:
        return None
    try:
        mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        return None
    return _ODF_MIMETYPES.get(mimetype)


def _damaged(path: str, fmt: str, reason: str) -> XxgkError:
    return XxgkError("E011", path=path, fmt=fmt, reason=reason)


def _document_element(path: str, data: bytes, fmt: str) -> etree._Element:
    """The ``w:document`` element of a Word package.

    Raises E004 for another Office format in a ZIP (XLSX, PPTX, ODT …), E011 for anything else
    that is not a readable Word package.
    """
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.package import OpcPackage
    from docx.oxml.parser import parse_xml

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged(
            path, fmt, "truncated, or not a ZIP archive: the archive's directory is missing"
        ) from exc
    if "[Content_Types].xml" not in names:
        other = _other_format(zf, names)
        if other:
            raise XxgkError("E004", path=path, fmt=other)
        raise _damaged(path, fmt, "a ZIP archive but not a Word document: it has no [Content_Types].xml")
    try:
        part = OpcPackage.open(io.BytesIO(data)).main_document_part
        if part.content_type not in _WORD_MAIN_TYPES:
            for marker, other in _OTHER_OOXML.items():
                if marker in part.content_type:
                    raise XxgkError("E004", path=path, fmt=other)
            raise _damaged(
                path, fmt, f"an Office package but not a Word document (main part {part.content_type})"
            )
        element = getattr(part, "element", None)
        if element is None:  # template/macro-enabled parts are not parsed by python-docx
            element = parse_xml(part.blob)
    except XxgkError:
        raise
    except KeyError as exc:
        raise _damaged(path, fmt, f"a part is missing: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise _damaged(path, fmt, f"broken XML: {exc}") from exc
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        PackageNotFoundError,
        ValueError,
    ) as exc:
        raise _damaged(path, fmt, f"{type(exc).__name__}: {exc}") from exc
    if element.find(_W + "body") is None:
        raise _damaged(path, fmt, "the Word document has no body")
    return element


def docx_blocks(path: str, data: bytes, fmt: str = "DOCX") -> list[Block]:
    """The blocks of a DOCX file's body; ``fmt`` names the format in error messages."""
    body = _document_element(path, data, fmt).find(_W + "body")
    return list(iter_blocks(body))


def read_docx(path: str, data: bytes, sha256: str) -> Document:
    """Read a DOCX report. Raises XxgkError E011 (damaged, not a Word package) or E004 (XLSX …)."""
    return from_blocks(path, "docx", sha256, docx_blocks(path, data))
