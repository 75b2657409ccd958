"""Table cell accuracy against the hand-read values in tests/data/tables/*.json.

For every cell a person read from a report, the toolkit's cell is counted as correct, missing
(null where the report has a value) or wrong (a different value). Rows the source prints with
their digits run together are counted apart: there the toolkit may leave cells null (it flags
them) but must never give a wrong number.

    python scripts/evaluate_tables.py [--corpus ../shared/corpus] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EXPECT = ROOT / "tests" / "data" / "tables"

from nlp.tables.vocab import APPLICANT_COLUMNS, REVIEW_FIELDS  # noqa: E402


def norm(v):
    """Compare numbers as numbers: 7545 == '7545', '251000元' == '251000', '0.00' == 0."""
    if v is None:
        return None
    s = re.sub(r"[元万\s笔件]", "", str(v))
    try:
        return Decimal(s).normalize()
    except InvalidOperation:
        return s


def expected_cells(exp: dict):
    """(table, row, field, value) for every hand-read cell."""
    for row, fields in exp.get("active_disclosure", {}).items():
        for f, v in fields.items():
            yield "active_disclosure", row, f, v
    for row, values in exp.get("applications", {}).items():
        for col, v in zip(APPLICANT_COLUMNS, values, strict=False):
            yield "applications", row, col, v
    for block, values in exp.get("review_litigation", {}).items():
        for f, v in zip(REVIEW_FIELDS, values, strict=False):
            yield "review_litigation", block, f, v


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--show", action="store_true", help="list every cell that is not correct")
    args = ap.parse_args()
    from nlp.pipeline import analyze_file

    totals: Counter[str] = Counter()
    lines = []
    files = sorted(EXPECT.glob("*.json"))
    for path in files:
        exp = json.loads(path.read_text(encoding="utf-8"))
        rec = analyze_file(args.corpus / exp["file"])
        run_together = set(exp.get("run_together", []))
        garbled = exp.get("layout") == "garbled"
        per: Counter[str] = Counter()
        for table, row, f, want in expected_cells(exp):
            kind = "jammed" if f"{table}.{row}" in run_together or f"{table}.all" in run_together else "clear"
            if garbled:
                kind = "garbled"
            cell = rec["tables"].get(table, {}).get(row, {}).get(f)
            got = cell["value"] if cell else None
            if norm(got) == norm(want):
                outcome = "correct"
            elif got is None:
                outcome = "missing"
            else:
                outcome = "wrong"
            per[f"{kind}_{outcome}"] += 1
            if outcome != "correct" and args.show:
                lines.append(f"  {exp['file']} {table}.{row}.{f}: want {want!r} got {got!r} ({kind})")
        totals.update(per)
        clear = per["clear_correct"] + per["clear_missing"] + per["clear_wrong"]
        if garbled:
            g = per["garbled_correct"] + per["garbled_missing"] + per["garbled_wrong"]
            print(f"{exp['file']:<34} garbled layout: {per['garbled_correct']}/{g} read, {per['garbled_wrong']} wrong")
            continue
        print(
            f"{exp['file']:<34} clear {per['clear_correct']:>3}/{clear:<3} "
            f"jammed correct {per['jammed_correct']:>3} null {per['jammed_missing']:>3} wrong {per['jammed_wrong']:>2}"
            f"  checks failing {sum(1 for c in rec['checks'] if not c['ok'])}"
        )
    clear = totals["clear_correct"] + totals["clear_missing"] + totals["clear_wrong"]
    jammed = totals["jammed_correct"] + totals["jammed_missing"] + totals["jammed_wrong"]
    print()
    print(f"reports: {len(files)}")
    print(
        f"cells with clear separators: {totals['clear_correct']}/{clear} correct "
        f"({totals['clear_correct'] / max(clear, 1):.1%}), {totals['clear_missing']} missing, {totals['clear_wrong']} wrong"
    )
    print(
        f"cells run together in the source: {jammed}: {totals['jammed_correct']} read "
        f"({totals['jammed_correct'] / max(jammed, 1):.1%}), {totals['jammed_missing']} left null and flagged, "
        f"{totals['jammed_wrong']} wrong"
    )
    garbled = totals["garbled_correct"] + totals["garbled_missing"] + totals["garbled_wrong"]
    print(
        f"cells of garbled layouts (labels detached from values): {garbled}: {totals['garbled_correct']} read, "
        f"{totals['garbled_missing']} left null, {totals['garbled_wrong']} wrong"
    )
    all_cells = clear + jammed + garbled
    wrong = totals["clear_wrong"] + totals["jammed_wrong"] + totals["garbled_wrong"]
    correct = totals["clear_correct"] + totals["jammed_correct"] + totals["garbled_correct"]
    print(f"all cells: {all_cells}; correct {correct} ({correct / max(all_cells, 1):.1%}), wrong {wrong}")
    for ln in lines:
        print(ln)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
