"""Grouped cross-validation of the passage taggers (no passage of a test report in training):
per-tag precision/recall/F1 and macro-F1 for the scikit-learn and spaCy models and the keyword
baseline, and the learning curve (macro-F1 against the number of training reports).

    python scripts/evaluate.py [--corpus ../shared/corpus] [--folds 5] [--no-curve]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-curve", action="store_true")
    args = ap.parse_args()
    from nlp.classify import LABELS
    from nlp.classify.corpus import build_examples
    from nlp.classify.evaluate import cross_validate, learning_curve

    t0 = time.perf_counter()
    examples, summary = build_examples(args.corpus)
    res = cross_validate(examples, n_splits=args.folds)
    print(f"{res['n_passages']} passages of {res['n_reports']} reports; {args.folds} folds grouped by report")
    print(f"{'model':<18}" + "".join(f"{lab:>26}" for lab in LABELS) + f"{'macro-F1':>10}")
    for name in ("sklearn", "spacy", "keyword_baseline"):
        s = res[name]
        cells = "".join(f"  P {s[lab]['precision']:.2f} R {s[lab]['recall']:.2f} F1 {s[lab]['f1']:.3f}" for lab in LABELS)
        print(f"{name:<18}{cells}{s['macro_f1']:>10.3f}")
    best = max(("sklearn", "spacy"), key=lambda k: res[k]["macro_f1"])
    print(f"best: {best}, {res[best]['macro_f1'] - res['keyword_baseline']['macro_f1']:+.3f} macro-F1 over the keyword baseline")
    if not args.no_curve:
        print("learning curve (scikit-learn, macro-F1 on held-out reports):")
        for row in learning_curve(examples):
            tags = "  ".join(f"{lab} {row[lab]:.3f}" for lab in LABELS if row.get(lab) is not None)
            print(f"  {row['train_reports']:>3} training reports: macro-F1 {row['macro_f1']}  {tags}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
