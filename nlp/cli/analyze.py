"""``xxgk analyze INPUTS... -o records.jsonl``"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

Inputs = Annotated[list[str], typer.Argument(help="Report files, folders (searched recursively) or globs.")]
MaxMb = Annotated[float, typer.Option(help="Largest file accepted, in MB.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")]
Threshold = Annotated[
    float | None,
    typer.Option(help="One probability cut (0-1) for every passage tag, instead of the model's per-tag thresholds."),
]
Model = Annotated[str | None, typer.Option(help="Passage model: a name under models/ or a directory (default: models/DEFAULT).")]


def tagger_kwargs(model: str | None, threshold: float | None) -> dict:
    """Keyword arguments for ``analyze_file``: the chosen tagger, loaded once for the batch."""
    if threshold is not None and not 0 <= threshold <= 1:
        raise typer.BadParameter("must be between 0 and 1", param_hint="--threshold")
    kw: dict = {"threshold": threshold}
    if model:
        from nlp.classify.tagger import ModelNotFound, get_tagger

        try:
            kw["tagger"] = get_tagger(model)
        except ModelNotFound as exc:
            raise typer.BadParameter(str(exc), param_hint="--model") from exc
    return kw


def analyze(
    inputs: Inputs,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON Lines here (default: standard output).")
    ] = None,
    max_mb: MaxMb = 50,
    threshold: Threshold = None,
    model: Model = None,
    quiet: Quiet = False,
) -> None:
    """Analyse reports: one JSON record per input file, in input order.

    Exit code 0 when every file was read (status ok or partial), 1 when any file failed.
    """
    from rich.console import Console

    from nlp.cli._batch import BatchStats, iter_records

    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    try:
        for rec in iter_records(inputs, max_mb=max_mb, console=err, stats=stats, **tagger_kwargs(model, threshold)):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if output:
            out.close()
    err.print(stats.summary(), highlight=False)
    if output:
        err.print(f"records written to {output}", highlight=False)
    if stats.statuses.get("failed"):
        raise typer.Exit(1)
