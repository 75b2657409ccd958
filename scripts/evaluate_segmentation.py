"""Score report metadata and section segmentation on ../shared/corpus against its manifest.

Prints, over every report (all formats): issuer and year agreement with manifest.jsonl, how many
2019/2021-template reports yield all six sections, and the template/level distribution.

    python scripts/evaluate_segmentation.py [--corpus ../shared/corpus] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIX = {"overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"}


def issuer_names(issuer: str) -> set[str]:
    m = re.match(r"^(.*?)（(.*)）$", issuer)
    if not m:
        return {issuer}
    base, note = m.groups()
    return {base} if note.startswith("代表") else {base, base + note}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    from nlp.pipeline import analyze_file

    manifest = [json.loads(x) for x in (args.corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x]
    entries = manifest
    n = len(entries)
    issuer_ok = year_ok = 0
    six_total = six_ok = 0
    templates: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    passages = 0
    t0 = time.perf_counter()
    misses = []
    for e in entries:
        rec = analyze_file(args.corpus / e["file"])
        rep = rec["report"]
        statuses[rec["status"]] += 1
        templates[rep["template"]] += 1
        levels[str(rep["level"])] += 1
        passages += len(rec["passages"])
        if rep["issuer"] in issuer_names(e["issuer"]):
            issuer_ok += 1
        else:
            misses.append(f"issuer {e['file']}: {rep['issuer']} != {e['issuer']}")
        if rep["year"] == e["year"]:
            year_ok += 1
        else:
            misses.append(f"year {e['file']}: {rep['year']} != {e['year']}")
        if rep["template"] in ("2019", "2021") and e.get("complete"):
            six_total += 1
            keys = {s["key"] for s in rec["sections"]}
            if keys >= SIX:
                six_ok += 1
            else:
                misses.append(f"sections {e['file']}: missing {sorted(SIX - keys)}")
    dt = time.perf_counter() - t0
    formats = Counter(e["format"] for e in entries)
    print(f"reports: {n} {dict(formats)}   analysed in {dt:.1f} s ({n / dt:.1f} reports/s)")
    print(f"issuer = manifest: {issuer_ok}/{n} ({issuer_ok / n:.1%})")
    print(f"year   = manifest: {year_ok}/{n} ({year_ok / n:.1%})")
    print(f"2019/2021-template complete reports with all six sections: {six_ok}/{six_total}")
    print(f"status: {dict(statuses)}")
    print(f"template: {dict(templates)}")
    print(f"level: {dict(levels)}")
    print(f"passages: {passages} ({passages / n:.1f} per report)")
    if args.show_misses:
        for m in misses:
            print("  miss:", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
