"""Write the passages of some reports as JSON Lines, for annotators (a working file: it holds
report text, so it is not committed).

    python scripts/export_passages.py FILE... -o passages.jsonl

Each line: file, sha256, id, section, section_title, fingerprint, text, and the text of the
passage before it (context).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    from nlp.pipeline import analyze_file

    n = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for path in args.files:
            rec = analyze_file(path)
            prev = ""
            for p in rec["passages"]:
                sec = rec["sections"][p["section_index"]]
                row = {
                    "file": path.name,
                    "sha256": rec["source"]["sha256"],
                    "id": p["id"],
                    "section": p["section"],
                    "section_title": sec["title"],
                    "fingerprint": p["fingerprint"],
                    "text": p["text"],
                    "previous": prev,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                prev = p["text"]
                n += 1
    print(f"{n} passages of {len(args.files)} report(s) written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
