"""``xxgk analyze INPUTS... -o records.jsonl``"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer


def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Report files, folders (searched recursively) or globs.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here (default: standard output).")
    ] = None,
    max_mb: Annotated[float, typer.Option(help="Largest file accepted, in MB.")] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")] = False,
) -> None:
    """Analyse reports: one JSON record per input file, in input order.

    Exit code 0 when every file was read (status ok or partial), 1 when any file failed.
    """
    from rich.console import Console

    from nlp.inputs import expand_inputs
    from nlp.pipeline import analyze_file

    err = Console(stderr=True, quiet=quiet)
    paths = expand_inputs(inputs)
    statuses: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        with err.status("") as status:
            for i, path in enumerate(paths, 1):
                status.update(f"[{i}/{len(paths)}] {path}")
                rec = analyze_file(path, max_mb=max_mb)
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                out.flush()
                statuses[rec["status"]] += 1
                for e in rec["errors"]:
                    codes[e["code"]] += 1
                    if rec["status"] == "failed":
                        err.print(f"[red]{e['code']}[/red] {e['message']}", markup=True, highlight=False)
    finally:
        if output:
            out.close()
    summary = ", ".join(f"{k} {statuses.get(k, 0)}" for k in ("ok", "partial", "failed"))
    detail = ", ".join(f"{c}×{n}" for c, n in sorted(codes.items()))
    err.print(f"{len(paths)} file(s): {summary}" + (f" ({detail})" if detail else ""), highlight=False)
    if output:
        err.print(f"records written to {output}", highlight=False)
    if statuses.get("failed"):
        raise typer.Exit(1)
