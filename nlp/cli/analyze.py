"""``xxgk analyze INPUTS... -o records.jsonl``"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

Inputs = Annotated[list[str], typer.Argument(help="Report files, folders (searched recursively) or globs.")]
MaxMb = Annotated[float, typer.Option(help="Largest file accepted, in MB.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on standard error.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (each loads the models once).")]
Threshold = Annotated[
    float | None,
    typer.Option(help="One probability cut (0-1) for every passage tag, instead of the model's per-tag thresholds."),
]
Model = Annotated[str | None, typer.Option(help="Passage model: a name under models/ or a directory (default: models/DEFAULT).")]


def check_threshold(threshold: float | None) -> None:
    if threshold is not None and not 0 <= threshold <= 1:
        raise typer.BadParameter("must be between 0 and 1", param_hint="--threshold")


def check_model(model: str | None) -> None:
    if model:
        from nlp.classify.tagger import ModelNotFound, model_dir

        try:
            model_dir(model)
        except ModelNotFound as exc:
            raise typer.BadParameter(str(exc), param_hint="--model") from exc


def analyze(
    inputs: Inputs,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Output: .jsonl (default: standard output), .parquet, or a folder with --format dataset."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="auto (from the suffix), jsonl, parquet or dataset.")] = "auto",
    jobs: Jobs = 1,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip inputs whose record is already in the JSONL output (by file sha256); append the rest.")
    ] = False,
    max_mb: MaxMb = 50,
    threshold: Threshold = None,
    model: Model = None,
    quiet: Quiet = False,
) -> None:
    """Analyse reports: one record per input file, in input order.

    Exit code 0 when every file was read (status ok or partial), 1 when any file failed.
    """
    from rich.console import Console

    from nlp.batch import done_keys, write_parquet
    from nlp.cli._batch import BatchStats, iter_lines

    check_threshold(threshold)
    check_model(model)
    kind = fmt
    if kind == "auto":
        kind = "parquet" if output and output.suffix == ".parquet" else "jsonl"
    if kind not in ("jsonl", "parquet", "dataset"):
        raise typer.BadParameter("use auto, jsonl, parquet or dataset", param_hint="--format")
    if kind != "jsonl" and output is None:
        raise typer.BadParameter(f"--format {kind} needs -o", param_hint="--output")
    if resume and (kind != "jsonl" or output is None):
        raise typer.BadParameter("--resume works on a JSON Lines output file (-o records.jsonl)", param_hint="--resume")
    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    done = done_keys(output) if resume and output else None
    lines = iter_lines(inputs, max_mb=max_mb, console=err, stats=stats, jobs=jobs, model=model, threshold=threshold, done=done)
    if kind == "jsonl":
        out = open(output, "a" if resume else "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            for _status, line in lines:
                out.write(line + "\n")
                out.flush()
        finally:
            if output:
                out.close()
    elif kind == "parquet":
        write_parquet((line for _status, line in lines), output)
    else:
        import tempfile

        import datasets

        with tempfile.TemporaryDirectory() as tmp:
            part = Path(tmp) / "records.parquet"
            write_parquet((line for _status, line in lines), part)
            datasets.Dataset.from_parquet(str(part), cache_dir=str(Path(tmp) / "cache")).save_to_disk(str(output))
    err.print(stats.summary(), highlight=False)
    if output:
        err.print(f"records written to {output}", highlight=False)
    if stats.statuses.get("failed"):
        raise typer.Exit(1)
