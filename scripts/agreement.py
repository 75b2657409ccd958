"""Agreement between two independent annotators, beside the toolkit's own scores on the same data.

Passages: the second annotation (``corpora/annotations/second/passages``, made blind to the first)
covers the tags it names in each record's ``tags`` field. Per tag: the two annotators' counts, the
second annotator's precision/recall/F1 taking the first as reference, and Cohen's kappa. With
``--model``, the scikit-learn tagger's cross-validated predictions (5 folds grouped by report,
as in ``scripts/evaluate.py``) are scored against each annotator too.

Metrics: the second annotation (``corpora/annotations/second/metrics``) of some reports, scored
against the first exactly as ``scripts/evaluate_metrics.py`` scores the extractor (strict and
(measure, value)), beside the extractor's own scores on the same reports.

    python scripts/agreement.py [--corpus ../shared/corpus] [--model]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SECOND = ROOT / "corpora" / "annotations" / "second"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def tag_scores(ref: list[int], other: list[int]) -> dict:
    from sklearn.metrics import cohen_kappa_score, precision_recall_fscore_support

    p, r, f, _ = precision_recall_fscore_support(ref, other, average="binary", zero_division=0)
    return {"p": p, "r": r, "f1": f, "kappa": cohen_kappa_score(ref, other)}


def passages(corpus: Path, with_model: bool) -> None:
    from nlp.classify import LABELS
    from nlp.classify.corpus import build_examples

    second: dict[tuple[str, str], dict] = {}
    for path in sorted((SECOND / "passages").glob("*.jsonl")):
        for r in read_jsonl(path):
            second[r["sha256"], r["fingerprint"]] = r
    if not second:
        print("passages: no second annotation found")
        return
    examples, _ = build_examples(corpus)
    pairs = [(i, second.get((e.report, e.fingerprint))) for i, e in enumerate(examples)]
    # a record with no tags stands for a passage the second annotators never saw (one that the
    # passage splitter found after their pass)
    covered = [(i, s) for i, s in pairs if s is not None and s["tags"]]
    unseen = sum(1 for _, s in pairs if s is not None and not s["tags"])
    print(f"passages: {len(covered)} of {len(examples)} passages of {len({examples[i].report for i, _ in covered})} reports "
          f"have a second annotation ({unseen} added after it; "
          f"{len(second) - len(covered) - unseen} second labels match no current passage)")
    model_pred = None
    if with_model:
        from nlp.classify.evaluate import fold_predictions

        model_pred = fold_predictions(examples, "sklearn")
    tags = sorted({t for _, s in covered for t in s["tags"]}, key=LABELS.index)
    header = f"{'tag':<14} {'first':>5} {'second':>6}   second vs first: P     R     F1    kappa"
    if model_pred is not None:
        header += "   model vs first: F1  kappa   model vs second: F1  kappa"
    print(header)
    for tag in tags:
        rows = [(i, s) for i, s in covered if tag in s["tags"]]
        first = [int(tag in examples[i].labels) for i, _ in rows]
        other = [int(tag in s["labels"]) for _, s in rows]
        a = tag_scores(first, other)
        line = f"{tag:<14} {sum(first):>5} {sum(other):>6}   {'':<16}{a['p']:.3f} {a['r']:.3f} {a['f1']:.3f} {a['kappa']:.3f}"
        if model_pred is not None:
            j = LABELS.index(tag)
            pred = [int(model_pred[i, j]) for i, _ in rows]
            m1, m2 = tag_scores(first, pred), tag_scores(other, pred)
            line += f"   {'':<15}{m1['f1']:.3f} {m1['kappa']:.3f}   {'':<16}{m2['f1']:.3f} {m2['kappa']:.3f}"
        print(line)


def metrics(corpus: Path) -> None:
    from evaluate_metrics import ANNOTATIONS, keys, locate, prf

    from nlp.pipeline import analyze_file

    files = sorted((SECOND / "metrics").glob("*.jsonl"))
    if not files:
        print("metrics: no second annotation found")
        return
    totals = {(who, strict): Counter() for who in ("second", "extractor") for strict in (True, False)}
    for path in files:
        first = read_jsonl(ANNOTATIONS / path.name)
        second = read_jsonl(path)
        report = locate(first[0]["sha256"], corpus)
        if report is None:
            print(f"{path.name}: report not found, skipped")
            continue
        extracted = analyze_file(report)["metrics"]
        for who, records in (("second", second), ("extractor", extracted)):
            for strict in (True, False):
                g, p = keys(first, strict), keys(records, strict)
                totals[who, strict].update({"tp": sum((g & p).values()), "pred": sum(p.values()), "gold": sum(g.values())})
        print(f"{report.name:<34} first {len(first):>3}  second {len(second):>3}  extractor {len(extracted):>3}")
    print(f"\nmetrics: {len(files)} reports, scored against the first annotation")
    for who in ("second", "extractor"):
        for strict, name in ((True, "strict (channels, measure, value)"), (False, "(measure, value)")):
            t = totals[who, strict]
            p, r, f = prf(t["tp"], t["pred"], t["gold"])
            print(f"{who + ' annotator' if who == 'second' else who:<17} {name:<36} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--model", action="store_true", help="also score the tagger's cross-validated predictions (minutes)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    passages(args.corpus, args.model)
    print()
    metrics(args.corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
