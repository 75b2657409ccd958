"""How much the tagger's cross-validated scores depend on which reports share a fold.

``scripts/evaluate.py`` deals reports to five folds by size (``GroupKFold``), so adding one
passage to a report can move reports between folds and change the scores. This script repeats
the scikit-learn model's grouped cross-validation with the reports dealt in shuffled orders and
prints each repeat's per-tag F1 and macro-F1, then their mean, minimum and maximum.

    python scripts/cv_spread.py [--corpus ../shared/corpus] [--repeats 10] [--folds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    from nlp.classify import LABELS
    from nlp.classify.corpus import build_examples
    from nlp.classify.evaluate import cross_validate

    t0 = time.perf_counter()
    examples, _ = build_examples(args.corpus)
    print(f"{len(examples)} passages of {len({e.report for e in examples})} reports; {args.folds} folds grouped by report, "
          f"reports dealt in {args.repeats} shuffled orders (scikit-learn model)")
    print(f"{'seed':<6}" + "".join(f"{lab:>15}" for lab in LABELS) + f"{'macro-F1':>10}")
    rows = []
    for seed in range(args.repeats):
        s = cross_validate(examples, models=("sklearn",), n_splits=args.folds, seed=seed)["sklearn"]
        rows.append([s[lab]["f1"] for lab in LABELS] + [s["macro_f1"]])
        print(f"{seed:<6}" + "".join(f"{v:>15.3f}" for v in rows[-1][:-1]) + f"{rows[-1][-1]:>10.3f}")
    for name, fn in (("mean", statistics.mean), ("min", min), ("max", max)):
        cols = [fn(r[i] for r in rows) for i in range(len(LABELS) + 1)]
        print(f"{name:<6}" + "".join(f"{v:>15.3f}" for v in cols[:-1]) + f"{cols[-1]:>10.3f}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
