"""Counts of the annotated corpora, as shown in corpora/README.md (the dataset card).

    python scripts/corpus_stats.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    from nlp.classify import LABELS
    from nlp.classify.corpus import build_examples

    examples, summary = build_examples(args.corpus)
    tags = Counter(lab for e in examples for lab in e.labels)
    templates = Counter()
    seen = set()
    for e in examples:
        if e.report not in seen:
            seen.add(e.report)
            templates[e.template] += 1
    print(f"passage labels: {len(seen)} reports, {len(examples)} passages")
    print(f"  reports by template: {dict(sorted(templates.items()))}")
    for lab in LABELS:
        print(f"  {lab:<14} {tags[lab]}")
    print(f"  untagged       {sum(1 for e in examples if not e.labels)}")
    print(f"  two or more    {sum(1 for e in examples if len(e.labels) > 1)}")
    print(f"  missing reports {len(summary['missing_reports'])}, unmatched annotations {summary['unmatched_annotations']}")
    folder = ROOT / "corpora" / "annotations" / "metrics"
    records = [json.loads(x) for f in sorted(folder.glob("*.jsonl")) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    measures = Counter(r["measure"] for r in records)
    print(f"metric annotations: {len(list(folder.glob('*.jsonl')))} reports, {len(records)} records")
    print(f"  by measure: {dict(measures.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
