"""Cell values: raw text -> number or null, and splitting a run of digits into cells.

Counts are ints and amounts are exact decimals kept as strings. A blank cell, or one written as
"/", "-", "—" or "无", is null, not 0. The raw text always stays with the value.

Crawled pages often print a table row with its separators missing ("10 0 00 0 1", "2171000218").
A row is read only when its digits can be cut into the expected number of cells in exactly one
way (a number never starts with 0 unless it is 0): "0000000" is seven zeros and "10 0 00 0 1"
is 1,0,0,0,0,0,1, but "2171000218" fits seven cells in many ways, so its cells are left null and
the row is reported as unreadable. The arithmetic rules are never used to choose between
readings: they are what the report is checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from nlp.tables.vocab import NULL_MARKERS

RE_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
MAX_SPLITS = 2  # we only need to know whether there is more than one reading


@dataclass
class Cell:
    value: int | str | None
    raw: str

    def to_dict(self) -> dict:
        return {"value": self.value, "raw": self.raw}


def parse_value(raw: str, *, decimal: bool = False) -> int | str | None:
    """'135' -> 135; '7730.28' -> '7730.28' (decimal fields); '' / '/' / '—' / '无' -> None."""
    s = raw.strip().replace(",", "").replace("，", "")
    if not s or s in NULL_MARKERS:
        return None
    if not RE_NUMBER.match(s):
        return None
    if decimal or "." in s:
        try:
            return str(Decimal(s.lstrip("+")))
        except InvalidOperation:
            return None
    return int(s)


def _pieces(token: str) -> list[list[str]]:
    """All ways to cut one digit string into numbers without leading zeros (at most a few)."""
    return [list(p) for p in _cuts(token)]


@lru_cache(maxsize=4096)
def _cuts(token: str) -> tuple[tuple[str, ...], ...]:
    memo: dict[int, tuple[tuple[str, ...], ...]] = {len(token): ((),)}

    def cut(i: int) -> tuple[tuple[str, ...], ...]:
        if i in memo:
            return memo[i]
        if token[i] == "0":
            out = tuple(("0",) + rest for rest in cut(i + 1))
        else:
            out = tuple((token[i:j],) + rest for j in range(i + 1, len(token) + 1) for rest in cut(j))
        memo[i] = out
        return out

    return cut(0)


def split_cells(tokens: list[str], n: int) -> list[str] | None:
    """Cut whitespace-separated tokens into exactly ``n`` cells when there is one way to; else None.

    A token that is a null marker or a decimal is one cell; a digit token may hold several cells
    run together.
    """
    if len(tokens) == n:
        return tokens
    if len(tokens) > n:
        return None
    options: list[list[list[str]]] = []
    for tok in tokens:
        if tok in NULL_MARKERS or not tok.isdigit():
            options.append([[tok]])
        else:
            options.append(_pieces(tok) if len(tok) <= 18 else [[tok]])
    # count the ways to reach n cells, stopping once a second way appears
    solutions: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(solutions) >= MAX_SPLITS or len(acc) > n:
            return
        if i == len(options):
            if len(acc) == n:
                solutions.append(list(acc))
            return
        remaining_min = len(options) - i - 1
        for piece in options[i]:
            if len(acc) + len(piece) + remaining_min <= n:
                walk(i + 1, acc + piece)

    walk(0, [])
    return solutions[0] if len(solutions) == 1 else None
