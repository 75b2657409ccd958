"""HTML reports: the report body of a government article page (or a page fragment) -> Document.

A crawled article page carries the report inside site chrome (header, navigation, breadcrumbs,
share bars, footer, scripts). The body is found in three steps:

1. scripts, styles, comments, forms' controls, iframes and other non-text elements are dropped,
   and chrome elements (``<nav>``, ``<footer>``, class/id names such as ``breadcrumb``, ``share``,
   ``footer``) are marked so that their text never counts as report text;
2. a known content container of the government CMSs (``<ucapcontent>``, ``#zoom``,
   ``.TRS_Editor``, ``.article-content``, ``#content`` …) is taken when it holds most of the
   page's non-link Chinese text; otherwise the element whose own paragraphs hold the most
   Chinese text that is not link text (a text-density rule);
3. the report's title line just before the container (``<h1 class="article-title">``) is put
   back in front of the body, and the page's fields around it (发布时间, 发布机构, 索引号 …) go
   into the Document header with the page ``<title>`` (页面标题).

The body is read into ordered blocks: every block-level element (p, div with its own text,
h1–h6, li, br-separated lines) is a paragraph and every data ``<table>`` a :class:`TableGrid`
with rowspan/colspan resolved (a merged cell repeats its text in every grid position it covers;
an empty or ``&nbsp;`` cell is ``""``; a table nested in a cell is flattened into the cell's
text). A table used for page layout (one column, a cell holding running text, or a cell holding
a whole table) is read as paragraphs, and the tables inside it as grids.
"""

from __future__ import annotations

import codecs
import re

from nlp import patterns as P
from nlp.errors import XxgkError
from nlp.ingest.document import Block, Document, TableGrid, from_blocks
from nlp.ingest.text import decode

# ---------------------------------------------------------------------------------------------
# Patterns and word lists of the HTML reader (named and compiled once; candidates for
# nlp/patterns.py)
# ---------------------------------------------------------------------------------------------
# <meta charset="gbk"> / <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
RE_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# characters that are never text in HTML (libxml2 rejects them)
RE_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
RE_WHITESPACE = re.compile(r"\s+")
RE_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)  # tags and comments, for a first look at the text
RE_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Chinese characters and CJK/full-width punctuation: no space is needed between two of them
CJK_OR_PUNCT = rf"{P.CJK}\u3000-\u303f\uff00-\uffef“”‘’…—·"
RE_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK_OR_PUNCT}]) (?=[{CJK_OR_PUNCT}])")
RE_CJK_PAIR = re.compile(rf"[{CJK_OR_PUNCT}]{{2}}")
RE_CJK_CHAR = re.compile(P.CJK_CHAR)
# class/id names of site chrome: a name token that starts or ends with one of the affixes
# ("mainNav", "bdsharebuttonbox", "header-t", "pagefooter"), or is one of the exact words
CHROME_NAME_AFFIXES = (
    "nav", "menu", "breadcrumb", "crumb", "share", "bdshare", "jiathis", "footer", "header", "sidebar", "banner",
    "search", "login", "copyright", "toolbar", "pagination", "qrcode", "fontsize", "position", "location",
)
CHROME_NAME_EXACT = frozenset(
    {"head", "foot", "top", "tool", "tools", "print", "related", "dqwz", "wzdh", "pager", "comment", "comments", "ewm"}
)
RE_NAME_SPLIT = re.compile(r"[\s_\-]+")
# Known body containers of government-site CMSs, most specific first: (what, value). ``what`` is
# "tag", "id" or "class" (one class token); compared case-insensitively.
CONTENT_CONTAINERS = (
    ("tag", "ucapcontent"),  # 开普云 UCAP (江苏 county sites)
    ("id", "ucap-content"),
    ("class", "trs_editor"),  # TRS WCM (most provincial sites)
    ("class", "trs_ueditor"),
    ("class", "trs_editor_view"),
    ("class", "trs_paper_default"),
    ("id", "zoom"),
    ("id", "zoomcon"),
    ("id", "ivs_content"),
    ("class", "article-content"),
    ("class", "article_content"),
    ("class", "pages_content"),
    ("class", "news_content"),
    ("class", "zwnr"),
    ("class", "article"),
    ("class", "content"),
    ("id", "content"),
    ("id", "article"),
    ("tag", "article"),
    ("tag", "main"),
)
# Page fields around the body: "发布日期：2020-01-31", "发布机构 沭阳县发展和改革局" (a grid row).
PAGE_FIELD_KEYS = {
    "发布日期": "发布时间",
    "发布时间": "发布时间",
    "公开日期": "发布时间",
    "公开时间": "发布时间",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "索引号": "索引号",
    "文号": "文号",
    "名称": "标题",
    "标题": "标题",
}
RE_DATE_VALUE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
RE_PUBLISH_DATE = re.compile(r"(?:发布日期|发布时间|公开日期|公开时间)\s*[:：]?\s*(?P<value>" + RE_DATE_VALUE.pattern + ")")
RE_TEXT_FIELD = re.compile(r"(?P<key>发布机构|发文机关|索引号|文号)\s*[:：]\s*(?P<value>[^\s:：]+)")
# Chrome lines that survive inside a body: breadcrumbs, previous/next links, share/print/close bars.
RE_CHROME_LINE = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|你的位置|所在位置|上一篇|下一篇|上一条|下一条)\s*[:：]"
    r"|^[\s【】\[\]（）()|｜/:：>»]*(?:(?:分享到|分享|打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|收藏|字号|字体"
    r"|扫一扫|在手机上打开|微信|微博|QQ空间|大|中|小|默认)[\s【】\[\]（）()|｜/:：>»]*)+$"
)
RE_CHROME_LINE_WORD = re.compile(r"分享|打印|关闭|返回顶部|收藏|字号|字体|扫一扫|手机|微信|微博|QQ空间|当前位置|位置|上一|下一")

# ---------------------------------------------------------------------------------------------
# Tags and thresholds
# ---------------------------------------------------------------------------------------------
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
        "svg", "canvas", "audio", "video", "input", "select", "button", "textarea", "option", "link",
        "meta", "map", "area", "head", "title", "img",
    }
)
CHROME_TAGS = frozenset({"nav", "aside", "header", "footer", "menu", "form"})
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
        "section", "summary", "ul", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
        "ucapcontent", "ucaptitle", "legend",
    }
)
PARAGRAPH_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "address", "legend", "summary"}
)
TABLE_PART_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
TITLE_TAGS = frozenset({"h1", "h2", "h3", "h4", "ucaptitle"})
MIN_BODY_CJK = 50  # a body holds at least this many Chinese characters outside links
CONTAINER_SHARE = 0.5  # a known container must hold this share of the page's non-link Chinese text
CLIMB_SHARE = 0.25  # the density winner's parent is taken when it adds this much more text
CHROME_MAX_CJK = 300  # an element with more non-link Chinese text than this is never chrome
LAYOUT_CELL_CJK = 200  # a table cell with this much Chinese text is page layout, not data
LAYOUT_NESTED_ROWS = 3  # a table cell holding a table of this many rows is page layout
MAX_SPAN = 1000  # colspan/rowspan beyond this are typos
HEAD_BLOCKS = 5  # the publication date is looked for in this many blocks at the top of the body
MAX_ANCESTOR_LEVELS = 6  # how far up from the body the title and page fields are looked for


# ---------------------------------------------------------------------------------------------
# Decoding and parsing
# ---------------------------------------------------------------------------------------------
def _declared_charset(data: bytes) -> str | None:
    m = RE_META_CHARSET.search(data[:16384])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").strip().lower()
    if name in ("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "gb18030"):
        return "gb18030"  # the superset: no character of a GBK page is lost
    if name.startswith("utf-16") or name in ("utf8", "unicode"):
        return "utf-8"  # a meta tag cannot really declare UTF-16 (HTML standard); utf8 is a typo
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """The page as text and its encoding: a byte-order mark, else the meta charset, else detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = _declared_charset(data)
        if enc:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass  # a wrong declaration: detect instead
    return decode(data, path)


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _collapse(text: str) -> str:
    return RE_WHITESPACE.sub(" ", RE_INVISIBLE.sub("", text)).strip()


def _cjk_count(text: str | None) -> int:
    return len(RE_CJK_CHAR.findall(text)) if text else 0


def _name_tokens(el) -> list[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return [t for t in RE_NAME_SPLIT.split(names) if t]


# ---------------------------------------------------------------------------------------------
# Text statistics: Chinese characters outside links, outside chrome
# ---------------------------------------------------------------------------------------------
class _Stats:
    """Per element: own non-link Chinese characters, subtree totals (non-link and link)."""

    def __init__(self, root, chrome: set) -> None:
        self.own: dict = {}
        self.total: dict = {}
        self.links: dict = {}
        self.chrome = chrome
        self._count(root, in_link=False, owner=root)

    def _count(self, el, in_link: bool, owner) -> tuple[int, int]:
        tag = _tag(el)
        if el in self.chrome:
            return 0, 0
        in_link = in_link or tag == "a"
        if tag in BLOCK_TAGS:
            owner = el
        nonlink = link = 0

        def add(text) -> None:  # text directly in ``el`` (its own text or a child's tail)
            nonlocal nonlink, link
            n = _cjk_count(text)
            if in_link:
                link += n
            else:
                nonlink += n
                self.own[owner] = self.own.get(owner, 0) + n

        add(el.text)
        for child in el:
            if isinstance(child.tag, str):
                a, b = self._count(child, in_link, owner)
                nonlink += a
                link += b
            add(child.tail)
        self.total[el] = nonlink
        self.links[el] = link
        return nonlink, link


def _is_chrome_name(el) -> bool:
    for token in _name_tokens(el):
        if token in CHROME_NAME_EXACT or token.startswith(CHROME_NAME_AFFIXES) or token.endswith(CHROME_NAME_AFFIXES):
            return True
    return False


def _mark_chrome(root) -> set:
    """Chrome elements: chrome tags and class/id names, unless they hold report-sized text."""
    chrome: set = set()
    plain = _Stats(root, set())
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root:
            continue
        if _tag(el) in ("body", "html"):
            continue
        if _tag(el) in CHROME_TAGS or _is_chrome_name(el):
            if plain.total.get(el, 0) > CHROME_MAX_CJK:
                continue
            if _has_report_title(el):
                continue
            chrome.add(el)
    return chrome


def _has_report_title(el) -> bool:
    """Whether the element's own (non-link) text holds a report title line."""
    for node in el.iter():
        if not isinstance(node.tag, str) or _tag(node) == "a":
            continue
        if _tag(node) in TITLE_TAGS or "title" in " ".join(_name_tokens(node)):
            text = _collapse(node.text_content())
            if _looks_like_title(text):
                return True
    return False


def _looks_like_title(text: str) -> bool:
    return 6 <= len(text) <= 120 and "。" not in text and bool(P.RE_TITLE.search(text) or P.RE_TITLE_YEAR_FIRST.search(text))


# ---------------------------------------------------------------------------------------------
# Finding the body
# ---------------------------------------------------------------------------------------------
def _inside(el, ancestors: set) -> bool:
    node = el
    while node is not None:
        if node in ancestors:
            return True
        node = node.getparent()
    return False


def _matches(el, what: str, value: str) -> bool:
    if what == "tag":
        return _tag(el) == value
    if what == "id":
        return (el.get("id") or "").strip().lower() == value
    return value in (el.get("class") or "").lower().split()


def _known_container(root, stats: _Stats, page_total: int):
    elements = [el for el in root.iter() if isinstance(el.tag, str) and not _inside(el, stats.chrome)]
    for what, value in CONTENT_CONTAINERS:
        found = [el for el in elements if _matches(el, what, value)]
        good = [
            el
            for el in found
            if stats.total.get(el, 0) >= MIN_BODY_CJK and stats.total.get(el, 0) >= CONTAINER_SHARE * page_total
        ]
        if good:
            best = max(stats.total[el] for el in good)
            # the innermost of nested matches that still holds (nearly) all the text
            close = [el for el in good if stats.total[el] >= 0.9 * best]
            return max(close, key=lambda el: _depth(el))
    return None


def _depth(el) -> int:
    d = 0
    while el.getparent() is not None:
        el = el.getparent()
        d += 1
    return d


def _logical_parent(el):
    """The parent, seen through table rows and row groups (a cell's parent is its table)."""
    parent = el.getparent()
    while parent is not None and _tag(parent) in ("tr", "tbody", "thead", "tfoot"):
        parent = parent.getparent()
    return parent


def _density_container(root, stats: _Stats):
    """The element whose own paragraphs hold the most non-link Chinese text (readability-style)."""
    score: dict = {}
    for block, n in stats.own.items():
        if not n or block in stats.chrome:
            continue
        score[block] = score.get(block, 0) + n
        parent = _logical_parent(block)
        if parent is not None:
            score[parent] = score.get(parent, 0) + n
            grand = _logical_parent(parent)
            if grand is not None:
                score[grand] = score.get(grand, 0) + n / 2
    if not score:
        return None
    best = max(score, key=lambda el: (score[el], _depth(el)))
    # a paragraph is not a body (a page of one long paragraph): take what holds it
    while _tag(best) in PARAGRAPH_TAGS and best.getparent() is not None:
        best = best.getparent()
    # a row or cell of a data table is not a body: take the whole table and what is around it
    table = best if _tag(best) == "table" else _owner_table(best)
    while table is not None and _tag(best) in TABLE_PART_TAGS and not _is_layout_table(table):
        best = table.getparent() if table.getparent() is not None else table
        table = _owner_table(best) if _tag(best) in TABLE_PART_TAGS else None
    # take the parent while it adds a good share of non-link text (a body split over siblings)
    while True:
        parent = best.getparent()
        if parent is None or _tag(best) in ("body", "html"):
            break
        extra = stats.total.get(parent, 0) - stats.total.get(best, 0)
        links = stats.links.get(parent, 0)
        if extra > CLIMB_SHARE * stats.total.get(best, 0) and links < 0.35 * (links + stats.total.get(parent, 0)):
            best = parent
        else:
            break
    return best


# ---------------------------------------------------------------------------------------------
# Blocks: paragraphs and table grids
# ---------------------------------------------------------------------------------------------
class _Flow:
    """Collects text into paragraphs; a block boundary or <br> ends the current one."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buf: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._buf.append(text)

    def flush(self) -> None:
        if self._buf:
            text = _collapse("".join(self._buf))
            self._buf = []
            if text:
                self.blocks.append(text)


def _walk(el, flow: _Flow, *, in_cell: bool = False, pre: bool = False) -> None:
    tag = _tag(el)
    if not tag:
        return
    if tag == "br":
        flow.flush()
        return
    if tag == "table" and in_cell:
        flow.flush()
        flow.blocks.append(_NestedTable(_nested_table_text(el)))
        return
    if tag == "table":
        flow.flush()
        if _is_layout_table(el):
            _walk_children(el, flow, in_cell=in_cell, pre=pre)
        else:
            grid = table_grid(el)
            if grid:
                flow.blocks.append(TableGrid(grid))
        flow.flush()
        return
    block = tag in BLOCK_TAGS
    if block:
        flow.flush()
    _walk_children(el, flow, in_cell=in_cell, pre=pre or tag == "pre")
    if block:
        flow.flush()


def _walk_children(el, flow: _Flow, *, in_cell: bool, pre: bool) -> None:
    _add_text(flow, el.text, pre)
    for child in el:
        _walk(child, flow, in_cell=in_cell, pre=pre)
        _add_text(flow, child.tail, pre)


def _add_text(flow: _Flow, text: str | None, pre: bool) -> None:
    if not text:
        return
    if not pre:
        flow.add(text)
        return
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i:
            flow.flush()
        flow.add(line)


def _own_rows(table) -> list:
    return [tr for tr in table.iter("tr") if _owner_table(tr) is table]


def _owner_table(el):
    node = el.getparent()
    while node is not None and _tag(node) != "table":
        node = node.getparent()
    return node


def _cells(tr) -> list:
    return [td for td in tr if _tag(td) in ("td", "th")]


def _is_layout_table(table) -> bool:
    """A table that lays out a page or a text, not data: one column, a cell of running text, or a
    cell holding a whole table of its own."""
    rows = _own_rows(table)
    if all(len(_cells(tr)) <= 1 for tr in rows):
        return True
    for tr in rows:
        for td in _cells(tr):
            if _cjk_count(td.text_content()) >= LAYOUT_CELL_CJK:
                return True
            if any(len(_own_rows(inner)) >= LAYOUT_NESTED_ROWS for inner in td.iter("table")):
                return True
    return False


class _NestedTable(str):
    """The text of a table nested in a cell (its cells joined by spaces)."""


def _nested_table_text(table) -> str:
    texts = (cell_text(td) for tr in _own_rows(table) for td in _cells(tr))
    return " ".join(t for t in texts if t)


def cell_text(td) -> str:
    """A cell's text on one line: lines and nested tables joined, whitespace collapsed; "" if empty.

    Lines of a cell (``<p>``, ``<br>``) are joined without a space between Chinese characters
    ("本年新<br>制作数量" -> "本年新制作数量") and with one elsewhere; the cells of a table
    nested in the cell are joined by spaces.
    """
    flow = _Flow()
    _walk_children(td, flow, in_cell=True, pre=False)
    flow.flush()
    out = ""
    prev_nested = False
    for block in flow.blocks:
        if not isinstance(block, str) or not block:
            continue
        nested = isinstance(block, _NestedTable)
        piece = str(block) if nested else RE_SPACE_BETWEEN_CJK.sub("", block)
        if out:
            glue = not nested and not prev_nested and bool(RE_CJK_PAIR.match(out[-1] + piece[0]))
            out += "" if glue else " "
        out += piece
        prev_nested = nested
    return out


def _span(value: str | None) -> int:
    try:
        n = int(str(value).strip().rstrip(";"))
    except (TypeError, ValueError):
        return 1
    return max(0, min(n, MAX_SPAN))


def table_grid(table) -> list[list[str]]:
    """Rows of a table with merged cells resolved; rows with no text are left out."""
    rows = _own_rows(table)
    n_rows = len(rows)
    filled: dict[tuple[int, int], str] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in _cells(tr):
            while (r, c) in filled:
                c += 1
            rowspan = _span(td.get("rowspan")) if td.get("rowspan") is not None else 1
            colspan = max(1, _span(td.get("colspan"))) if td.get("colspan") is not None else 1
            if rowspan == 0:  # HTML: to the end of the table
                rowspan = n_rows - r
            rowspan = min(rowspan, n_rows - r)
            text = cell_text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    filled[(r + dr, c + dc)] = text
            c += colspan
            width = max(width, c)
    grid = [[filled.get((r, c), "") for c in range(width)] for r in range(n_rows)]
    return [row for row in grid if any(row)]


def _blocks(el) -> list[Block]:
    flow = _Flow()
    _walk(el, flow)
    flow.flush()
    return flow.blocks


# ---------------------------------------------------------------------------------------------
# Title and page fields around the body
# ---------------------------------------------------------------------------------------------
def _preceding(container):
    """Elements before the body, nearest first: preceding siblings of the body and its ancestors."""
    node = container
    for _ in range(MAX_ANCESTOR_LEVELS):
        parent = node.getparent()
        if parent is None:
            return
        for sib in node.itersiblings(preceding=True):
            if isinstance(sib.tag, str):
                yield sib
        if _tag(parent) in ("body", "html"):
            return
        node = parent


def _title_before(container) -> str | None:
    for sib in _preceding(container):
        for node in reversed(list(sib.iter())):
            if not isinstance(node.tag, str):
                continue
            if _tag(node) in TITLE_TAGS or any("title" in t or t.endswith("tit") for t in _name_tokens(node)):
                text = _collapse(node.text_content())
                if _looks_like_title(text):
                    return text
    return None


def _fields_from_blocks(blocks: list[Block], header: dict[str, str]) -> None:
    for block in blocks:
        if isinstance(block, TableGrid):
            for row in block.rows:
                for label, value in zip(row, row[1:], strict=False):
                    key = PAGE_FIELD_KEYS.get(label.rstrip(":： "))
                    if not key or not value or key in header:
                        continue
                    if key == "发布时间":
                        m = RE_DATE_VALUE.search(value)
                        if not m:
                            continue
                        value = m.group(0)
                    header[key] = value
            continue
        m = RE_PUBLISH_DATE.search(block)
        if m and "发布时间" not in header:
            header["发布时间"] = m.group("value")
        for m in RE_TEXT_FIELD.finditer(block):
            key = PAGE_FIELD_KEYS[m.group("key")]
            header.setdefault(key, m.group("value"))


def _is_chrome_line(text: str) -> bool:
    return len(text) <= 200 and bool(RE_CHROME_LINE.match(text)) and bool(RE_CHROME_LINE_WORD.search(text))


def _is_date_line(text: str) -> bool:
    """A line of page fields at the top of the body: "发布日期：2020-01-31" (no sentence)."""
    return len(text) <= 80 and "。" not in text and bool(RE_PUBLISH_DATE.search(text))


# ---------------------------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------------------------
def read_html(path: str, data: bytes, sha256: str) -> Document:
    """Read an HTML report page (or fragment) into a Document (see module doc)."""
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(data, path)
    text = RE_CONTROL_CHARS.sub("", text)
    if not _collapse(RE_MARKUP.sub(" ", text)):
        raise XxgkError("E005", path=path, chars=0)  # markup and comments only
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise XxgkError("E011", path=path, fmt="HTML", reason=f"{type(exc).__name__}: {exc}"[:200]) from exc

    header: dict[str, str] = {}
    title_el = root.find(".//title")
    if title_el is not None:
        page_title = _collapse(title_el.text_content())
        if page_title:
            header["页面标题"] = page_title
    for el in list(root.iter()):
        if _tag(el) in DROP_TAGS and el.getparent() is not None:
            el.drop_tree()
    page_chars = len(_collapse(root.text_content()))

    chrome = _mark_chrome(root)
    stats = _Stats(root, chrome)
    page_total = stats.total.get(root, 0)
    container = _known_container(root, stats, page_total)
    if container is None:
        container = _density_container(root, stats)
    if container is None or stats.total.get(container, 0) < MIN_BODY_CJK:
        fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
        if fatal:  # the parser gave up (e.g. nesting deeper than libxml2's limit): the text was lost
            raise XxgkError("E011", path=path, fmt="HTML", reason=f"line {fatal[0].line}: {fatal[0].message}"[:200])
        raise XxgkError("E005", path=path, chars=page_chars)

    # the title line and page fields just before the body
    title = _title_before(container)
    for sib in _preceding(container):  # nearest first: the first value found is kept
        _fields_from_blocks(_blocks(sib), header)

    for el in list(container.iter()):
        if el in chrome and el.getparent() is not None:
            el.drop_tree()
    blocks = [b for b in _blocks(container) if not (isinstance(b, str) and _is_chrome_line(b))]

    # a field line at the top of the body goes to the header
    for i, block in enumerate(blocks[:HEAD_BLOCKS]):
        if isinstance(block, str) and _is_date_line(block):
            header.setdefault("发布时间", RE_PUBLISH_DATE.search(block).group("value"))
            del blocks[i]
            break
    if title and not any(isinstance(b, str) and title in b for b in blocks[:3]):
        blocks.insert(0, title)

    doc = from_blocks(path, "html", sha256, blocks, header=header)
    doc.encoding = encoding
    return doc
