"""The arithmetic rules of ``../shared/spec/tables.md`` (the 勾稽关系 and its companions).

A failing rule is a finding about the report, not an error of the toolkit: each rule evaluated
becomes one ``checks`` entry with the cells involved, the expected and the actual value. A rule
whose cells are not all known (null, unreadable, absent) is not evaluated.
"""

from __future__ import annotations

import re

from nlp.tables import vocab as V

# narrative statements of the number of applications received this year
RE_TEXT_RECEIVED = re.compile(
    r"(?:共|全年|本年度?|年内)?(?:受理|收到|新收|办理)[^。；，]{0,12}?(?:政府信息公开|依申请公开|公开)?申请"
    r"(?:共计?|总数)?[为了]?\s*(\d+)\s*件"
)


def _v(table: dict, row: str, col: str):
    cell = table.get(row, {}).get(col)
    if cell is None:
        return None
    v = cell["value"] if isinstance(cell, dict) else cell.value
    return v if isinstance(v, int) else None


def _check(rule: str, where: str, expected: int, actual: int, cells: list[str]) -> dict:
    return {"rule": rule, "where": where, "ok": expected == actual, "expected": expected, "actual": actual, "cells": cells}


def application_checks(apps: dict) -> list[dict]:
    out: list[dict] = []
    if not apps:
        return out
    result_rows = [r for r in V.RESULT_ROWS if r in apps]
    if V.OTHER_PROCESSING in apps:
        result_rows = [r for r in result_rows if r not in V.OTHER_SPLIT] + [V.OTHER_PROCESSING]
    cols = V.APPLICANT_COLUMNS
    for col in cols:
        # rule 1: new + carried over == results total + carried forward
        vals = [_v(apps, r, col) for r in ("new_received", "carried_over", "results_total", "carried_forward")]
        if None not in vals:
            out.append(
                _check(
                    "identity",
                    f"applications[{col}]",
                    vals[0] + vals[1],
                    vals[2] + vals[3],
                    [f"applications.{r}.{col}" for r in ("new_received", "carried_over", "results_total", "carried_forward")],
                )
            )
        # rule 2: results total == sum of the result rows
        parts = [_v(apps, r, col) for r in result_rows]
        total = _v(apps, "results_total", col)
        if result_rows and None not in parts and total is not None:
            out.append(
                _check(
                    "results_sum",
                    f"applications[{col}]",
                    sum(parts),
                    total,
                    [f"applications.{r}.{col}" for r in result_rows] + [f"applications.results_total.{col}"],
                )
            )
    # rule 3: every row's total == the sum of the six applicant columns
    for row in apps:
        parts = [_v(apps, row, c) for c in cols[:-1]]
        total = _v(apps, row, "total")
        if None not in parts and total is not None:
            out.append(
                _check(
                    "row_total",
                    f"applications.{row}",
                    sum(parts),
                    total,
                    [f"applications.{row}.{c}" for c in cols],
                )
            )
    return out


def review_checks(review: dict) -> list[dict]:
    out = []
    for block in V.REVIEW_BLOCKS:
        parts = [_v(review, block, f) for f in V.REVIEW_FIELDS[:-1]]
        total = _v(review, block, "total")
        if block in review and None not in parts and total is not None:
            out.append(
                _check(
                    "review_total",
                    f"review_litigation.{block}",
                    sum(parts),
                    total,
                    [f"review_litigation.{block}.{f}" for f in V.REVIEW_FIELDS],
                )
            )
    return out


def text_checks(apps: dict, narrative: str) -> list[dict]:
    """Rule 5: a count the narrative states for the applications received equals the table's."""
    total = _v(apps, "new_received", "total")
    if total is None:
        return []
    out = []
    for m in RE_TEXT_RECEIVED.finditer(narrative):
        stated = int(m.group(1))
        out.append(
            {
                **_check("text_vs_table", "applications.new_received.total", stated, total, ["applications.new_received.total"]),
                "text": m.group(0),
            }
        )
        break  # the first statement is the headline one
    return out
