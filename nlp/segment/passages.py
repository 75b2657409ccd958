"""Cut section text into passages, the unit that gets tagged (``../shared/spec/labels.md``).

A passage is a sentence (ending in 。！？ or a line end) or one enumerated item inside a sentence
(一是…；二是…, （一）…, 1.…, 首先/其次). Headings are context, not passages; table rows and the
run-together cells of crawled tables are not passages either. A short lead-in title that ends a
sentence on its own ("惠企政策网上查。") is joined to the sentence it introduces. Enumeration
labels such as "（一）" and "1." are left out of the passage text; "一是" stays (it is wording).

Every passage is a verbatim slice of its section's text: ``start``/``end`` index into it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from nlp import patterns as P

RE_ROW_END = re.compile(r"[\u4e00-\u9fff）)]\s*\d[\d\s.]*$")
LEAD_IN_MAX = 12  # a sentence this short (without its label) that is followed by more is a lead-in
MIN_PASSAGE = 4


@dataclass
class Passage:
    section: str
    text: str
    start: int  # offsets into the section text
    end: int


def fingerprint(text: str) -> str:
    """A stable id of a passage's wording (whitespace ignored): annotations refer to passages by it,
    so that they survive changes of offsets or of the passages around them."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()[:16]


RE_DIGIT = re.compile(r"\d")
RE_PROSE_PUNCT = re.compile(r"[，。；]")


def _is_table_text(s: str) -> bool:
    if "\t" in s or s.lstrip().startswith("|") or P.RE_TABLE_TITLE_LINE.match(s.strip()):
        return True
    digits = len(RE_DIGIT.findall(s))
    prose = bool(RE_PROSE_PUNCT.search(s))
    if len(s) >= 8 and digits / len(s) > 0.3 and not prose:
        return True
    if len(s) <= 24 and not prose and RE_ROW_END.search(s):
        return True  # a table row in plain text: "行政许可 97", "规章 0 0 0"
    if len(P.RE_TABLE_TERMS.findall(s)) < 2:
        return False
    # table wording: a table, unless it reads as a sentence that counts (…答复9件，…不予处理0件)
    # or as a written sentence: one that ends in 。 with clauses no longer than a sentence's
    # (run-together table cells run on for a hundred characters without punctuation)
    if _is_sentence(s):
        return False
    counted = len(re.findall(r"\d+\s*[件条个次]", s))
    return not (prose and counted >= 2 and digits / len(s) < 0.2)


RE_CLAUSE = re.compile(r"[^，。；：、,;:！？]+")
SENTENCE_CLAUSE_MAX = 50


def _is_sentence(s: str) -> bool:
    s = s.strip()
    if not s.endswith(("。", "！", "？")) or not RE_PROSE_PUNCT.search(s[:-1]):
        return False
    return max(len(c) for c in RE_CLAUSE.findall(s)) <= SENTENCE_CLAUSE_MAX and len(RE_DIGIT.findall(s)) / len(s) < 0.3


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans, then split at enumeration starts inside a sentence."""
    out: list[tuple[int, int]] = []
    for m in P.RE_SENTENCE.finditer(text):
        s, e = m.span()
        if e <= s:
            continue
        cuts = [c.start() for c in P.RE_ENUM_START.finditer(text, s, e) if c.start() > s]
        bounds = [s, *cuts, e]
        for a, b in zip(bounds, bounds[1:], strict=False):
            out.append((a, b))
    return out


_RE_TRIM_END = re.compile(r"[；;，,、：:\s]+$")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    m = P.RE_ENUM_LABEL.match(text, a, b)
    if m and m.end() < b:
        a = m.end()
    seg = text[a:b]
    t = _RE_TRIM_END.search(seg)
    if t:
        b = a + t.start()
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_passages(section_key: str, text: str) -> list[Passage]:
    raw_spans = _spans(text)
    pieces: list[tuple[int, int]] = []
    for a0, b0 in raw_spans:
        a, b = _trim(text, a0, b0)
        seg = text[a:b]
        if b - a < 1 or not P.RE_HAS_CJK.search(seg):
            continue
        line_start = text.rfind("\n", 0, a) + 1
        line_end = text.find("\n", b)
        if _is_table_text(seg) or "\t" in text[line_start : line_end if line_end != -1 else len(text)]:
            continue
        ends_sentence = seg[-1] in P.SENTENCE_END or seg.endswith(("”", "）"))
        if not ends_sentence and P.RE_SUBHEADING.match(seg) and b - a <= 30:
            # a heading on its own line, before a colon, or glued before a run-together paragraph
            after = text[b:b0].strip() or text[b0 : b0 + 1]
            if after in ("\n", "", "：", ":") or b - a <= 20:
                continue
        pieces.append((a, b))
    # join a short lead-in title ("惠企政策网上查。") with the sentence it introduces
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        a, b = pieces[i]
        seg = text[a:b]
        if (
            i + 1 < len(pieces)
            and len(seg.rstrip("。")) <= LEAD_IN_MAX
            and seg.endswith("。")
            and "\n" not in text[b : pieces[i + 1][0]]
        ):
            merged.append((a, pieces[i + 1][1]))
            i += 2
            continue
        merged.append((a, b))
        i += 1
    return [Passage(section_key, text[a:b], a, b) for a, b in merged if b - a >= MIN_PASSAGE]


PROSE_CELL_MIN = 20


def prose_cells(text: str) -> list[tuple[int, str]]:
    """(offset, text) of table cells that hold running text (a sentence with 。 or ，) in tab rows
    that are not rows of the standard tables (no table-header or row-label wording)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if "\t" in line and not P.RE_TABLE_TERMS.search(line):
            cell_start = pos
            for cell in line.split("\t"):
                stripped = cell.strip()
                if len(stripped) >= PROSE_CELL_MIN and re.search(r"[。，]", stripped):
                    out.append((cell_start + cell.index(stripped), stripped))
                cell_start += len(cell) + 1
        pos += len(line) + 1
    return out


RE_HEADING_LINE = re.compile(
    rf"(?:^|\n)\s*(?P<h>(?:[（(][{P.CN_HEADING_NUMERALS}\d]{{1,2}}[）)]|\d{{1,2}}[.、．]|[{P.CN_HEADING_NUMERALS}]{{1,2}}[、．])"
    rf"[^。；\n]{{2,40}}?)(?:[：:。]|\n|$)"
)


def heading_before(section_text: str, start: int) -> str:
    """The nearest numbered sub-heading before ``start`` in the section ("（四）本行政机关年度政务公开
    工作创新情况"), or "" — context for a passage (an item under 创新情况 is an innovation)."""
    last = ""
    for m in RE_HEADING_LINE.finditer(section_text, 0, start):
        last = m.group("h").strip()
    return last
