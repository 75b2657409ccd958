"""PDF reading speed: pages per second of `nlp.ingest.read` on the corpus PDFs.

    python scripts/bench_pdf.py [--corpus ../shared/corpus] [--repeat 3]
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
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from nlp.ingest import read

    files = sorted(args.corpus.glob("*.pdf"))
    if not files:
        print(f"no PDF files in {args.corpus}")
        return 1
    read(files[0])  # warm up imports (pdfplumber, pdfminer)
    pages = 0
    tables = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for f in files:
            doc = read(f)
            pages += doc.pages or 0
            tables += len(doc.tables)
    dt = time.perf_counter() - t0
    print(f"{len(files)} PDF(s) x {args.repeat}: {pages} pages in {dt:.2f} s = {pages / dt:.1f} pages/s "
          f"({tables // args.repeat} table grids per pass)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
