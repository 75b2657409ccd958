"""The one internal model every reader produces: a Document."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.ingest.normalize import TextMap


@dataclass
class Document:
    """A report as read from one file.

    ``text`` is the normalised body (what every later stage reads); ``raw`` is the decoded file
    content, unchanged, and ``textmap.original_span`` maps any span of ``text`` back into it.
    ``header`` holds crawler/page fields found before the body (标题, 发布时间, 发布机构 …).
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
    # table grids (rows of cell strings) where the format has real tables; filled by issue-3 readers
    tables: list[list[list[str]]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.textmap.text

    def original(self, start: int, end: int) -> str:
        """The original (un-normalised) text behind the normalised span [start, end)."""
        s, e = self.textmap.original_span(start, end)
        return self.raw[s:e]
