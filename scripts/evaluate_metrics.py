"""Metric extraction against the hand annotations in corpora/annotations/metrics/*.jsonl.

Precision, recall and F1 over all annotated reports, for the strict match (channels, measure,
value) and for (measure, value). Records are matched as multisets per report (the same fact
stated twice is two records on both sides). The figures are printed for the development
reports (whose errors were read while writing the rules), for the held-out reports (annotated
afterwards and scored once the rules were written) and for all of them.

    python scripts/evaluate_metrics.py [--corpus ../shared/corpus] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ANNOTATIONS = ROOT / "corpora" / "annotations" / "metrics"
# annotated after the extraction rules were last revised, and not looked at while writing them
# (the thirteenth and fourteenth held-out sets, 15 reports each, both annotated after the rules of
# 25ff74b and scored on them; the first twelve sets became development data once their errors
# were read)
HELD_OUT = {
    "057_pingtanxian_czj_2009", "067_pingtan_gzj_2020", "119_pingtan_gzj_2019", "128_pingtan_htpq_2019",
    "129_pingtan_jjpq_2019", "131_pingtan_sppq_2019", "143_pingtan_zrzystj_2022", "155_pingtan_scjgj_2023",
    "158_pingtan_zrzystj_2023", "160_pingtan_jjpq_2023", "174_pingtan_zrzystj_2024", "176_pingtan_jjpq_2024",
    "178_pingtan_sppq_2024", "181_pingtan_tzcjj_2025", "182_pingtan_jjfzj_2025", "188_pingtan_zhzfyjj_2025",
    "202_pingtan_zhzfyjj_2020", "210_pingtan_gwbgs_2018", "221_pingtan_xspypj_2013", "229_pingtan_xjjfzj_2013",
    "230_pingtan_xwsj_2012", "231_pingtan_xjyj_2012", "237_pingtan_xnyj_2011", "238_pingtan_xlyj_2011",
    "240_pingtan_xhbj_2010", "241_pingtan_xgaj_2010", "250_pingtan_zhzfj_2017", "260_pingtan_zhzfj_2016",
    "261_pingtan_hjgtj_2016", "265_pingtan_zhzfj_2015",
}


def keys(records: list[dict], strict: bool) -> Counter:
    out: Counter = Counter()
    for r in records:
        value = round(float(r["value"]), 4)
        k = (tuple(sorted(r["channels"])), r["measure"], value) if strict else (r["measure"], value)
        out[k] += 1
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def locate(sha256: str, corpus: Path) -> Path | None:
    for folder in (ROOT / "corpora" / "reports", corpus):
        manifest = corpus / "manifest.jsonl"
        if folder == corpus and manifest.exists():
            for line in manifest.read_text(encoding="utf-8").splitlines():
                e = json.loads(line)
                if e.get("sha256") == sha256:
                    return corpus / e["file"]
        elif folder != corpus:
            import hashlib

            for f in folder.glob("*"):
                if hashlib.sha256(f.read_bytes()).hexdigest() == sha256:
                    return f
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--show", action="store_true", help="list missed and spurious records")
    args = ap.parse_args()
    from nlp.pipeline import analyze_file

    totals = {(split, strict): Counter() for split in ("development", "held-out") for strict in (True, False)}
    lines = []
    files = sorted(ANNOTATIONS.glob("*.jsonl"))
    for ann in files:
        gold = [json.loads(x) for x in ann.read_text(encoding="utf-8").splitlines() if x.strip()]
        if not gold:
            continue
        path = locate(gold[0]["sha256"], args.corpus)
        if path is None:
            print(f"{ann.name}: report not found, skipped")
            continue
        pred = analyze_file(path)["metrics"]
        row = []
        split = "held-out" if ann.stem in HELD_OUT else "development"
        for strict in (True, False):
            g, p = keys(gold, strict), keys(pred, strict)
            tp = sum((g & p).values())
            totals[split, strict].update({"tp": tp, "pred": sum(p.values()), "gold": sum(g.values())})
            row.append(prf(tp, sum(p.values()), sum(g.values())))
            if args.show and strict:
                for k in sorted((g - p).elements(), key=str):
                    lines.append(f"  missed   {path.name}: {k}")
                for k in sorted((p - g).elements(), key=str):
                    lines.append(f"  spurious {path.name}: {k}")
        mark = "  (held out)" if split == "held-out" else ""
        print(f"{path.name:<34} gold {len(gold):>3} pred {len(pred):>3}  strict F1 {row[0][2]:.2f}  (measure,value) F1 {row[1][2]:.2f}{mark}")
    for split in ("development", "held-out", "all"):
        n = sum(1 for a in files if (a.stem in HELD_OUT) == (split == "held-out")) if split != "all" else len(files)
        print(f"\n{split} ({n} reports)")
        for strict, name in ((True, "strict (channels, measure, value)"), (False, "(measure, value)")):
            t = totals[split, strict] if split != "all" else totals["development", strict] + totals["held-out", strict]
            p, r, f = prf(t["tp"], t["pred"], t["gold"])
            print(f"{name:<36} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {t['gold']}, predicted {t['pred']}, matched {t['tp']})")
    for ln in lines:
        print(ln)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
