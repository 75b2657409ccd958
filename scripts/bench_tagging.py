"""Passage tagging speed: a report of about 10,000 characters, after the model is loaded.

    python scripts/bench_tagging.py [--repeat 5]
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
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from nlp.classify.tagger import get_tagger
    from nlp.ingest.document import from_blocks
    from nlp.pipeline import analyze_document

    seed = (ROOT / "corpora" / "reports" / "seed_001_jining_xzsp_2022.txt").read_text(encoding="utf-8")
    text = seed
    while len(text) < 10_000:  # a long report: the seed's narrative twice over
        text += "\n" + seed
    text = text[:10_000]
    t0 = time.perf_counter()
    tagger = get_tagger()
    load = time.perf_counter() - t0
    doc = from_blocks("bench.txt", "txt", "0" * 64, [text])
    analyze_document(doc, tagger=tagger)  # warm-up: tokenizer dictionary, caches
    tag_times, full_times = [], []
    rec = analyze_document(doc, tagger=False)
    for _ in range(args.repeat):
        t = time.perf_counter()
        tagger.tag(rec["passages"])
        tag_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        analyze_document(doc, tagger=tagger)
        full_times.append(time.perf_counter() - t)
    print(f"model {tagger.meta['name']}: loaded in {load:.2f} s")
    print(f"report of {len(text)} characters, {len(rec['passages'])} passages:")
    print(f"  tagging its passages: median {statistics.median(tag_times) * 1000:.0f} ms")
    print(f"  whole record (sections, passages, tags, metrics, tables): median {statistics.median(full_times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
