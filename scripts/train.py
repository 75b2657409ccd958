"""Train the passage taggers on the annotated corpus, score them by grouped cross-validation,
and save them under models/ with their meta.json; the better one becomes models/DEFAULT.

    python scripts/train.py [--corpus ../shared/corpus] [--models sklearn spacy] [--data extra.jsonl]

--data adds your own labelled passages (JSON Lines: {"text", "labels", "section"?, "group"?}),
see README "Retraining".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--models", nargs="+", default=["sklearn", "spacy"], choices=["sklearn", "spacy"])
    ap.add_argument("--data", type=Path, action="append", default=[], help="extra labelled passages (JSONL)")
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation (scores left out of meta.json)")
    args = ap.parse_args()
    from nlp.classify.train import train_and_save

    t0 = time.perf_counter()
    result = train_and_save(args.corpus, args.models, args.data, args.out, cross_validate=not args.no_cv)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"done in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
