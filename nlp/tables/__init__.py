"""The three standard tables as canonical numbers, with the arithmetic checks.

``extract_tables(text, section_spans, template)`` returns the record's ``tables`` and ``checks``
and the problems found (rows printed with their digits run together, tables not found).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.tables.checks import application_checks, review_checks, text_checks
from nlp.tables.extract import TableResult, read_active, read_applications, read_review, read_statistics_2008

TABLE_KEYS = ("active_disclosure", "applications", "review_litigation")


@dataclass
class TablesOut:
    tables: dict = field(default_factory=lambda: {k: {} for k in TABLE_KEYS})
    checks: list[dict] = field(default_factory=list)
    unreadable: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # table -> rows
    missing: list[str] = field(default_factory=list)  # tables expected but not found


def _with_flags(result: TableResult) -> dict:
    out = result.to_dict()
    for row, raw in result.unreadable:
        rows = out.keys() if row == "all" else [row]
        for r in rows:
            for cell in out[r].values():
                cell["unreadable"] = True
                cell["raw"] = raw
    return out


def extract_tables(text: str, spans: dict[str, list[tuple[int, int]]], template: str, narrative: str = "") -> TablesOut:
    """``spans``: section key -> [(start, end)] of its text in ``text``; a table is read from its
    section, or from the whole text when the section was not found."""
    out = TablesOut()
    if template == "2008":
        # the 2008-era statistics table has no exact equivalent of the 2021 cells: it is kept under
        # its own row names, and the three canonical tables stay empty (nothing is invented)
        stats = read_statistics_2008(text)
        if stats.rows:
            out.tables["statistics_2008"] = _with_flags(stats)
            if stats.unreadable:
                out.unreadable["statistics_2008"] = stats.unreadable
        return out
    if template not in ("2019", "2021"):
        return out

    def region(key: str) -> str:
        return "\n".join(text[s:e] for s, e in spans.get(key, [])) or text

    readers = {
        "active_disclosure": lambda r: read_active(r, template),
        "applications": read_applications,
        "review_litigation": read_review,
    }
    for key, reader in readers.items():
        result = reader(region(key))
        if not result.rows:
            out.missing.append(key)
            continue
        out.tables[key] = _with_flags(result)
        if result.unreadable:
            out.unreadable[key] = result.unreadable
    out.checks = (
        application_checks(out.tables["applications"])
        + review_checks(out.tables["review_litigation"])
        + text_checks(out.tables["applications"], narrative)
    )
    return out
