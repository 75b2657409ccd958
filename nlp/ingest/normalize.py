"""Text normalisation that keeps the original recoverable.

Every step either replaces one character by one character or deletes characters, so each
character of the normalised text keeps the index of the character it came from in the original
(``TextMap.offsets``). ``TextMap.original_span(start, end)`` gives back the original slice of any
span found in the normalised text.

The steps, in order (see ``normalize``):
1. line ends ``\\r\\n``/``\\r`` -> ``\\n``;
2. converter artefacts removed: ``[image: …]``, ``[bookmark: …]``, Word-HTML ``<!--[if …]-->``,
   zero-width characters;
3. full-width digits/letters/spaces -> ASCII (Chinese punctuation is kept);
4. trailing spaces, and leading spaces before text, removed on every line;
5. line breaks inside a sentence (wrapped lines of PDF/Word conversions) removed;
6. in wrapped (converted, non-crawler) text only: spaces around a lone number in running text
   removed ("解读 16 篇" -> "解读16篇"), never inside a run of numbers (table rows keep their
   separators), and a space between two Chinese characters removed. In crawler text a space
   separates blocks and is kept.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from nlp import patterns as P

_OFFSET_DTYPE = f"=i{array('l').itemsize}"  # numpy's twin of array('l') on this platform


def compose(outer: array, inner: array) -> array:
    """``outer[i]`` for each ``i`` of ``inner``: offsets of a text derived from a derived text."""
    import numpy as np

    if not inner:
        return array("l")
    picked = np.frombuffer(outer, dtype=_OFFSET_DTYPE)[np.frombuffer(inner, dtype=_OFFSET_DTYPE)]
    return array("l", picked.tobytes())


@dataclass
class TextMap:
    """A text and, for each of its characters, the index of its source character."""

    text: str
    offsets: array

    @classmethod
    def identity(cls, text: str) -> TextMap:
        import numpy as np  # arange fills the offsets in C; range() does it item by item

        return cls(text, array("l", np.arange(len(text), dtype=_OFFSET_DTYPE).tobytes()))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    # -- edits ---------------------------------------------------------------------------------
    def translate(self, table: dict[str, str]) -> TextMap:
        """Replace single characters by single characters (1:1, offsets unchanged)."""
        tr = str.maketrans(table)
        return TextMap(self.text.translate(tr), self.offsets)

    def delete(
        self,
        pattern: re.Pattern[str],
        group: int | str = 0,
        keep: Callable[[re.Match[str], str], bool] | None = None,
    ) -> TextMap:
        """Delete the span of ``group`` in every match of ``pattern`` (unless ``keep`` says not)."""
        text = self.text
        spans = []
        for m in pattern.finditer(text):
            if keep is not None and keep(m, text):
                continue
            s, e = m.span(group)
            if e > s:
                spans.append((s, e))
        if not spans:
            return self
        pieces: list[str] = []
        offs = array("l")
        pos = 0
        for s, e in spans:
            if s < pos:  # overlapping spans cannot occur with finditer, but be safe
                s = pos
            pieces.append(text[pos:s])
            offs.extend(self.offsets[pos:s])
            pos = max(pos, e)
        pieces.append(text[pos:])
        offs.extend(self.offsets[pos:])
        return TextMap("".join(pieces), offs)

    def sub_1to1(self, pattern: re.Pattern[str], repl: str) -> TextMap:
        """Replace each (single-character) match by the single character ``repl``."""
        chars = list(self.text)
        for m in pattern.finditer(self.text):
            for i in range(m.start(), m.end()):
                chars[i] = repl
        return TextMap("".join(chars), self.offsets)


# ---- line-break repair ------------------------------------------------------------------------
_RE_NEWLINE = re.compile(r"\n(?:[ ]*\n)?")  # a wrap, or a wrap across a page-break blank line
_RE_LINE_CONTINUES = re.compile(rf"[{P.CJK}，、“《（(a-zA-Z0-9\-－]$")
# a line with two numbers separated by a space is a table row, never a wrapped sentence
_RE_TABLE_ROW = re.compile(r"\d\s+\d")
# a report title on its own line ("…2024年政府信息公开工作年度报告") ends there
_RE_TITLE_LINE_END = re.compile(r"报告$")
_RE_NEXT_LINE_STARTS_SENTENCE_PART = re.compile(
    rf"^(?![{P.CN_HEADING_NUMERALS}][、．.]|[（(][{P.CN_HEADING_NUMERALS}\d]{{1,2}}[）)]|\d{{1,2}}[.、．](?!\d)"
    rf"|第[{P.CN_HEADING_NUMERALS}]+[条项]|[#|\t]|附件|附表)[{P.CJK}“”《》（）0-9a-zA-Z，。、；：？！）》”]"
)
# a numbered sub-heading on its own line ("（四）政府信息公开平台建设情况") ends there
_RE_ENUMERATED_TITLE = re.compile(
    rf"^\s*(?:[（(][{P.CN_HEADING_NUMERALS}\d]{{1,2}}[）)]|\d{{1,2}}[.、．]|[{P.CN_HEADING_NUMERALS}]{{1,2}}[、．])"
    rf"(?:[^，。；,;]{{0,40}}|[^。；;]{{0,30}}[^，、。；,;])$"
)
WRAP_MIN_LINE = 15  # wrapped lines of converted PDFs/Word files are at least this long


def _keep_newline(m: re.Match[str], text: str) -> bool:
    """True when the line break at ``m`` is a real one (not a wrap inside a sentence)."""
    i = m.start()
    line_start = text.rfind("\n", 0, i) + 1
    prev = text[line_start:i]
    if len(prev.strip()) < WRAP_MIN_LINE or prev.startswith(("\t", "|", "#")) or "\t" in prev:
        return True
    if _RE_TABLE_ROW.search(prev):
        return True
    if not _RE_LINE_CONTINUES.search(prev) or _RE_ENUMERATED_TITLE.match(prev) or _RE_TITLE_LINE_END.search(prev):
        return True
    j = m.end()
    nxt_end = text.find("\n", j)
    nxt = text[j : nxt_end if nxt_end != -1 else len(text)]
    if not nxt.strip() or "\t" in nxt:
        return True
    return not _RE_NEXT_LINE_STARTS_SENTENCE_PART.match(nxt)


_RE_LINE_END = re.compile(r"\r\n?")
_RE_CR = re.compile(r"\r")
_RE_SPACE_LEFT_OF_NUMBER = re.compile(
    rf"(?<=[{P.CJK}，、（《“。；：])(?P<del>[ ])(?=\d+(?:[.,]\d+)*%?[ ]?[{P.CJK}%])"
)
_RE_SPACE_RIGHT_OF_NUMBER = re.compile(
    rf"(?:(?<=[{P.CJK}，、（《“。；：])|^)\d+(?:[.,]\d+)*(?P<del>[ ])(?=[{P.CJK}%])", re.M
)


def normalize(raw: str, *, wrapped: bool = True) -> TextMap:
    """Normalise ``raw`` (see module doc). ``wrapped=False`` for run-together crawler text."""
    tm = TextMap.identity(raw)
    # 1. line ends: "\r\n" -> drop "\r"; lone "\r" -> "\n"
    tm = tm.delete(re.compile(r"\r(?=\n)"))
    tm = tm.sub_1to1(_RE_CR, "\n")
    # 2. artefacts
    tm = tm.delete(P.RE_ARTEFACT)
    # 3. full-width characters
    tm = tm.translate(P.FULLWIDTH_MAP)
    tm = tm.sub_1to1(P.RE_FULLWIDTH_DOT_IN_NUMBER, ".")
    # 4. spaces at line ends / before text
    tm = tm.delete(P.RE_LINE_SPACES)
    # 5. wrapped lines
    if wrapped:
        tm = tm.delete(_RE_NEWLINE, keep=_keep_newline)
    # 6./7. converter spaces: around lone numbers, and between Chinese characters. Only in
    # wrapped (converted) text: in run-together crawler text a space separates blocks.
    if wrapped:
        tm = tm.delete(_RE_SPACE_LEFT_OF_NUMBER, group="del")
        tm = tm.delete(_RE_SPACE_RIGHT_OF_NUMBER, group="del")
        tm = tm.delete(P.RE_CJK_SPACE_CJK)
    return tm
