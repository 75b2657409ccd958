"""Corpus-scale benchmark of the full pipeline on text reports.

Builds a corpus of N reports from the text/Markdown reports of ../shared/corpus (copies made
distinct by a trailing line), runs `xxgk analyze` on it with --jobs 1 and --jobs 2 (read,
segment, tables, metrics, tags, summary), and measures in the same run, on the same text, the
throughput of bare `jieba.lcut`. Prints reports/s, MB/s, peak RSS, the ratio to jieba, and the
speed-up of --jobs 2 over --jobs 1.

    python scripts/bench.py [--n 5000] [--repeat 3] [--ceiling] [--corpus ../shared/corpus] [--keep DIR]

This machine's speed varies from minute to minute (the same run has taken 42 s and 59 s);
``--repeat`` measures the three in rounds and prints every round and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(src: Path, n: int, dest: Path) -> int:
    reports = sorted(p for p in src.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    if not reports:
        raise SystemExit(f"no text reports in {src}")
    total = 0
    for i in range(n):
        p = reports[i % len(reports)]
        data = p.read_bytes() + f"\n（副本{i}）\n".encode()
        (dest / f"{i:06d}_{p.name}").write_bytes(data)
        total += len(data)
    return total


# runs a command and prints the peak RSS of its process tree (its own waited-for children only,
# so neither the benchmark's other runs nor the jieba probe are counted)
RSS_PROBE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def run_analyze(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, peak RSS of the run in MB — the largest process, workers included)."""
    exe = shutil.which("xxgk")
    cmd = [exe] if exe else [sys.executable, "-m", "nlp.cli"]
    cmd += ["analyze", str(folder), "-o", str(out), "-j", str(jobs), "-q"]
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RSS_PROBE, *cmd], check=False, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    lines = done.stdout.split()
    return wall, (int(lines[-1]) / 1024 if lines else float("nan"))


def parallel_ceiling(text_file: Path) -> float:
    """Speed-up of two bare-jieba processes run at once over one alone, on the same text: what
    this machine gives two CPU-bound processes at the moment (the --jobs 2 figure's ceiling)."""
    probe = [sys.executable, "-c", JIEBA_PROBE, str(text_file)]
    t0 = time.perf_counter()
    subprocess.run(probe, check=True, capture_output=True)
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    pair = [subprocess.Popen(probe, stdout=subprocess.DEVNULL) for _ in range(2)]
    for proc in pair:
        proc.wait()
    return 2 * one / (time.perf_counter() - t0)


JIEBA_PROBE = """
import sys, time, jieba, logging
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
n = sum(len(jieba.lcut(line)) for line in text.splitlines())
print(time.perf_counter() - t)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--keep", type=Path, help="keep the generated corpus and outputs here")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the three measurements; medians are printed")
    ap.add_argument("--ceiling", action="store_true", help="also time two bare-jieba processes at once (the machine's parallel capacity)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="xxgk-bench-")) if not args.keep else args.keep
    tmp.mkdir(parents=True, exist_ok=True)
    folder = tmp / "reports"
    folder.mkdir(exist_ok=True)
    nbytes = build_corpus(args.corpus, args.n, folder)
    mb = nbytes / 1024 / 1024
    # the same text, decoded, for bare jieba
    text_file = tmp / "all.txt"
    with open(text_file, "w", encoding="utf-8") as fh:
        for p in sorted(folder.iterdir()):
            fh.write(p.read_bytes().decode("utf-8", errors="replace") + "\n")
    rounds = []
    for r in range(args.repeat):
        # each round measures bare jieba and both runs back to back, so a slow spell of the
        # machine weighs on the figures it compares
        jieba_s = float(
            subprocess.run([sys.executable, "-c", JIEBA_PROBE, str(text_file)], capture_output=True, text=True, check=True).stdout
        )
        results = {}
        for jobs in (1, 2):
            out = tmp / f"records-j{jobs}.jsonl"
            wall, peak = run_analyze(folder, out, jobs)
            lines = sum(1 for _ in open(out, encoding="utf-8"))
            results[jobs] = (wall, peak, lines)
        same = (tmp / "records-j1.jsonl").read_bytes() == (tmp / "records-j2.jsonl").read_bytes()
        ceiling = parallel_ceiling(text_file) if args.ceiling else None
        rounds.append({"jieba_s": jieba_s, "runs": results, "identical": same, "ceiling": ceiling})
        if r == 0:
            print(f"corpus: {args.n} text reports, {mb:.1f} MB (from {args.corpus})")
        if args.repeat > 1:
            print(f"round {r + 1} of {args.repeat}")
        print(f"bare jieba.lcut on the same text: {mb / jieba_s:.2f} MB/s ({jieba_s:.1f} s)")
        for jobs, (wall, peak, lines) in results.items():
            print(
                f"xxgk analyze --jobs {jobs}: {lines} records in {wall:.1f} s = {lines / wall:.1f} reports/s, {mb / wall:.2f} MB/s, "
                f"peak RSS {peak:.0f} MB (largest process)"
            )
        w1, w2 = results[1][0], results[2][0]
        print(f"full pipeline vs bare jieba (--jobs 1): {jieba_s / w1:.2f}x")
        print(f"speed-up of --jobs 2 over --jobs 1: {w1 / w2:.2f}x on {os.cpu_count()} cores")
        if ceiling is not None:
            print(f"two bare-jieba processes at once vs one alone, measured just after: {ceiling:.2f}x")
        print(f"records identical whatever --jobs: {same}", flush=True)
    if args.repeat > 1:
        ratios = [x["jieba_s"] / x["runs"][1][0] for x in rounds]
        speedups = [x["runs"][1][0] / x["runs"][2][0] for x in rounds]
        print(f"over {args.repeat} rounds: pipeline vs bare jieba median {statistics.median(ratios):.2f}x "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}); --jobs 2 speed-up median {statistics.median(speedups):.2f}x "
              f"(min {min(speedups):.2f}, max {max(speedups):.2f}); peak RSS at most "
              f"{max(p for x in rounds for _, p, _ in x['runs'].values()):.0f} MB; records identical in every round: "
              f"{all(x['identical'] for x in rounds)}")
        if args.ceiling:
            ceilings = [x["ceiling"] for x in rounds]
            print(f"two bare-jieba processes at once: median {statistics.median(ceilings):.2f}x "
                  f"(min {min(ceilings):.2f}, max {max(ceilings):.2f})")
    summary = {
        "n": args.n,
        "mb": mb,
        "rounds": [
            {"jieba_s": x["jieba_s"], "runs": {str(k): v for k, v in x["runs"].items()}, "identical": x["identical"], "ceiling": x["ceiling"]}
            for x in rounds
        ],
    }
    (tmp / "bench.json").write_text(json.dumps(summary, indent=1))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
