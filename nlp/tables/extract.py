"""Find the three standard tables in a report's text and read their cells under canonical keys.

Every reader renders tables into the text the same way the corpus's text dumps show them (one
row per line with tab-separated cells, one cell per line, space-separated, Markdown pipes, or run
together in crawled pages), so one label-anchored reader serves all formats: rows are found by
their labels (fuzzy, in the template's order), and a row's cells are the value run that follows
its label, cut into the expected number of cells by ``cells.split_cells``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp.tables import vocab as V
from nlp.tables.cells import Cell, parse_value, split_cells

# characters a run of cell values is made of (digits, separators, null markers)
# (an item number such as the "2." of "2.其他法律…" is not a value)
RE_VALUE_START = re.compile(r"\d(?![.．、]\s*[\u4e00-\u9fff])|[/／\-－—–]|无(?![\u4e00-\u9fff])")
RE_VALUE_RUN = re.compile(
    r"(?:[0-9.\s|/／\-－—–+]|无(?![\u4e00-\u9fff])|[增减](?=\s*\d)|(?<=\d)(?:万元|元|笔|件|个|项))+"
)
RE_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)(?:万元|元|笔|件|个|项)")
# an item number of the next row glued to the end of a run ("0000000 2.其他法律…")
RE_TRAILING_ITEM_NO = re.compile(r"\s*\d[.．、]$")
RE_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$", re.M)


@dataclass
class RowRead:
    cells: list[Cell]
    raw: str
    readable: bool


@dataclass
class TableResult:
    rows: dict[str, dict[str, Cell]] = field(default_factory=dict)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (row key, raw run)
    empty: list[str] = field(default_factory=list)  # rows printed without any value

    def to_dict(self) -> dict:
        return {row: {f: c.to_dict() for f, c in cells.items()} for row, cells in self.rows.items()}


def _tokens(run: str) -> list[str]:
    run = RE_UNIT_AFTER_NUMBER.sub("", run)
    run = re.sub(r"\s*减\s*", " -", run)  # 2019 table 2: 本年增/减 written "减12", "增3"
    run = re.sub(r"\s*增\s*", " +", run)
    if "|" in run:
        parts = [p.strip() for p in run.split("|")]
    elif "\t" in run:
        parts = [p.strip() for p in re.sub(r"\n[ ]*\t", "\t", run).split("\t")]
    else:
        return run.split()
    while parts and parts[0] == "":
        parts.pop(0)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _tab_row(text: str, start: int, limit: int, n: int) -> list[str] | None:
    """A row written on one line with tab-separated cells (DOCX/PDF/HTML grids, Word dumps): the
    cells after the label's own cells, empty ones kept as blank cells. None if not such a row."""
    eol = text.find("\n", start, limit)
    line = text[start : eol if eol != -1 else limit]
    if "\t" not in line:
        return None
    cells = [c.strip() for c in line.split("\t")]
    # drop the label's own cells (repeated merged label cells, sub-labels with wording)
    while cells and (cells[0] == "" or re.search(r"[\u4e00-\u9fff]", cells[0]) and not RE_VALUE_START.fullmatch(cells[0])):
        if cells[0] == "" and len(cells) <= n:
            break
        cells.pop(0)
    if len(cells) > n:
        cells = _merge_by_header(text, start, cells, n)
    while len(cells) > n and cells[-1] == "":
        cells.pop()
    while len(cells) > n and cells[0] == "":
        cells.pop(0)
    return cells


def _merge_by_header(text: str, start: int, cells: list[str], n: int) -> list[str]:
    """Fold value cells that sit under one merged header cell ("本年新公开数量" spanning two
    columns repeats its value twice in the grid) back into one cell, using the header line."""
    line_start = text.rfind("\n", 0, start) + 1
    header: list[str] | None = None
    end = line_start - 1
    for _ in range(4):  # the header is the nearest line above without numbers
        if end <= 0:
            break
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if "\t" in line and not re.search(r"\d", line):
            header = [c.strip() for c in line.split("\t")]
            break
        end = begin - 1
    if header is None or len(header) < len(cells):
        return cells
    header = header[len(header) - len(cells) :]
    out: list[str] = []
    i = 0
    while i < len(cells):
        j = i
        while j + 1 < len(cells) and header[j + 1] == header[i] and cells[j + 1] == cells[i]:
            j += 1
        out.append(cells[i])
        i = j + 1
    return out if len(out) >= n else cells


def read_values(text: str, start: int, limit: int, n: int, decimal_fields: tuple[bool, ...]) -> RowRead | None:
    """The ``n`` cells after a label ending at ``start`` (not reading past ``limit``)."""
    tab_cells = _tab_row(text, start, limit, n)
    if tab_cells is not None and len(tab_cells) == n and not any(tab_cells):
        return RowRead([Cell(None, "") for _ in range(n)], "", True)  # a grid row left blank
    if tab_cells is not None and tab_cells and any(c for c in tab_cells):
        toks = [RE_UNIT_AFTER_NUMBER.sub("", c) for c in tab_cells]
        if len(toks) > n and len(set(toks)) == 1:
            toks = toks[:n]
        raw = "\t".join(tab_cells)
        pieces = toks if len(toks) == n else split_cells([t for t in toks if t], n) if "" not in toks else None
        if pieces is None:
            return RowRead([Cell(None, raw) for _ in range(n)], raw, False)
        return RowRead([Cell(parse_value(p, decimal=d), p) for p, d in zip(pieces, decimal_fields, strict=True)], raw, True)
    m = RE_VALUE_START.search(text, start, limit)
    if not m:
        return None
    run_m = RE_VALUE_RUN.match(text, m.start(), limit)
    run = run_m.group(0) if run_m else ""
    end = m.start() + len(run)
    nxt = text[end : end + 1]
    if nxt and re.match(r"[\u4e00-\u9fff]", nxt):
        run = RE_TRAILING_ITEM_NO.sub("", run)
    # a run that started with a tab-separated cell keeps the tab before it
    lead = text[start : m.start()]
    if "\t" in lead and "\t" not in run[:1]:
        run = "\t" + run
    toks = _tokens(run)
    if len(toks) > n and len(set(toks)) == 1:
        toks = toks[:n]  # one merged cell repeated over several columns
    pieces = split_cells(toks, n)
    if pieces is None:
        raw = run.strip()
        return RowRead([Cell(None, raw) for _ in range(n)], raw, False)
    cells = [Cell(parse_value(p, decimal=d), p) for p, d in zip(pieces, decimal_fields, strict=True)]
    return RowRead(cells, run.strip(), True)


def _first(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    return pattern.search(text, start, end)


def read_sequence(
    text: str,
    rows: list[tuple[str, re.Pattern[str], tuple[str, ...]]],
    start: int = 0,
    lookahead: int = 3,
) -> TableResult:
    """Rows found one after the other by their labels; a row whose label comes after the next
    rows' labels is taken as absent."""
    result = TableResult()
    pos = start
    found: list[tuple[str, re.Match[str], tuple[str, ...]]] = []
    for i, (key, pattern, fields) in enumerate(rows):
        m = _first(pattern, text, pos if lookahead else start, len(text))
        if not m:
            continue
        later = [_first(p, text, pos, m.start()) for _, p, _ in rows[i + 1 : i + 1 + lookahead]]
        if any(later):
            continue  # the next rows come first: this one is not printed
        found.append((key, m, fields))
        if lookahead:
            pos = m.end()
    found.sort(key=lambda f: f[1].start())
    detached = set()
    for idx in range(len(found) - 1):
        # a label followed by the next label with no value between: the layout has split labels
        # from their values (garbled PDF conversions); neither row's values can be trusted
        key, m, _ = found[idx]
        between = text[m.end() : found[idx + 1][1].start()]
        if "\t" not in between and not RE_VALUE_START.search(between):
            detached.update({key, found[idx + 1][0]})
    for idx, (key, m, fields) in enumerate(found):
        limit = found[idx + 1][1].start() if idx + 1 < len(found) else len(text)
        decimals = tuple(f in V.DECIMAL_FIELDS for f in fields)
        if key in detached:
            raw = text[m.start() : limit].strip()[:80]
            result.rows[key] = {f: Cell(None, raw) for f in fields}
            result.unreadable.append((key, raw))
            continue
        got = read_values(text, m.end(), limit, len(fields), decimals)
        if got is None:
            result.rows[key] = {f: Cell(None, "") for f in fields}
            result.empty.append(key)
            continue
        result.rows[key] = dict(zip(fields, got.cells, strict=True))
        if not got.readable:
            result.unreadable.append((key, got.raw))
    return result


def _region(text: str, spans: list[tuple[int, int]]) -> str:
    return "\n".join(text[s:e] for s, e in spans) if spans else text


def read_applications(region: str) -> TableResult:
    region = RE_MD_RULE.sub("", region)
    start_m = V.RE_APPLICATIONS_START.search(region)
    if not start_m:
        return TableResult()
    cols = V.APPLICANT_COLUMNS
    rows = [(k, p, cols) for k, p in V.APPLICATION_ROWS]
    split_other = any(p.search(region, start_m.start()) for k, p in V.APPLICATION_ROWS if k in V.OTHER_SPLIT[:2])
    if not split_other and V.RE_OTHER_PROCESSING.search(region, start_m.start()):
        # （六）其他处理 as one row (2019 template and some later reports)
        rows = [r for r in rows if r[0] not in V.OTHER_SPLIT]
        at = [k for k, _, _ in rows].index("results_total")
        rows.insert(at, (V.OTHER_PROCESSING, V.RE_OTHER_PROCESSING, cols))
    return read_sequence(region, rows, start_m.start())


def read_review(region: str) -> TableResult:
    region = RE_MD_RULE.sub("", region)
    m = V.RE_REVIEW_START.search(region)
    if not m:
        return TableResult()
    fields = tuple(f"{b}.{f}" for b in V.REVIEW_BLOCKS for f in V.REVIEW_FIELDS)
    got = None
    first = RE_VALUE_START.search(region, m.end())
    if first:
        line_start = region.rfind("\n", 0, first.start()) + 1
        line_end = region.find("\n", first.start())
        line = region[line_start : line_end if line_end != -1 else len(region)]
        cells = [c.strip() for c in line.split("\t")]
        if "\t" in line and len(cells) == len(fields):  # a grid row: blank cells are blank
            got = RowRead([Cell(parse_value(c), c) for c in cells], line, True)
    if got is None:
        got = read_values(region, m.end(), len(region), len(fields), tuple(False for _ in fields))
    result = TableResult()
    if got is None:
        return result
    for i, block in enumerate(V.REVIEW_BLOCKS):
        result.rows[block] = dict(zip(V.REVIEW_FIELDS, got.cells[i * 5 : i * 5 + 5], strict=True))
    if not got.readable:
        result.unreadable.append(("all", got.raw))
    return result


def read_active(region: str, template: str) -> TableResult:
    region = RE_MD_RULE.sub("", region)
    m = V.RE_ACTIVE_START.search(region)
    start = m.start() if m else 0
    rows = V.ACTIVE_ROWS_2019 if template == "2019" else V.ACTIVE_ROWS_2021
    # table 2's rows have distinct labels; garbled layouts print them out of order, so each is
    # looked for on its own (lookahead 0) and read up to the next label found
    return read_sequence(region, list(rows), start, lookahead=0)


def read_statistics_2008(text: str) -> TableResult:
    """The 2008-era statistics table, row by row under the report's own labels: this year's value
    and the cumulative one (历年累计). Nothing is mapped onto the 2021 keys: no row has an exact
    equivalent there."""
    result = TableResult()
    start = V.RE_STATS_2008_START.search(text)
    if not start:
        return result
    fields = V.stats_2008_fields(start.group("cols"))
    for m in V.RE_STATS_2008_ROW.finditer(text, start.end()):
        label = V.RE_STATS_2008_LABEL_PREFIX.sub("", re.sub(r"\s+", "", m.group("label")))
        if not label or len(label) < 2:
            continue
        key = label
        n = 2
        while key in result.rows:
            key = f"{label}#{n}"
            n += 1
        toks = _tokens(m.group("values"))
        pieces = split_cells(toks, len(fields)) if toks else None
        unit = m.group("unit")
        if pieces is None:
            raw = m.group("values").strip()
            result.rows[key] = {f: Cell(None, raw) for f in fields}
            if raw:
                result.unreadable.append((key, raw))
            else:
                result.empty.append(key)
        else:
            result.rows[key] = {
                f: Cell(parse_value(p, decimal=unit in ("元", "万元") and "." in p), p)
                for f, p in zip(fields, pieces, strict=True)
            }
        result.rows[key]["unit"] = Cell(unit, unit)
    return result
