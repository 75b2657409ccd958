"""Time `xxgk --help` (CLI start-up) and list heavy modules imported by it.

    python scripts/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time

HEAVY = ("pandas", "sklearn", "spacy", "datasets", "jieba", "cpca", "pyarrow", "numpy")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    exe = shutil.which("xxgk")
    cmd = [exe, "--help"] if exe else [sys.executable, "-m", "nlp.cli", "--help"]
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    probe = f"import sys, nlp.cli; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    print(f"`{' '.join(cmd)}`: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over {args.runs} runs")
    print(f"heavy modules imported by nlp.cli: {loaded or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
