"""``xxgk tables`` (one row per report, one column per canonical cell) and ``xxgk check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli.analyze import Inputs, Jobs, MaxMb, Quiet

Output = Annotated[Path, typer.Option("-o", "--output", help="Output file: .csv, .xlsx, .parquet or .jsonl.")]


def _check_suffix(path: Path | None) -> None:
    from nlp.io.frames import SUFFIXES

    if path is not None and path.suffix.lower() not in SUFFIXES:
        raise typer.BadParameter(f"{path}: use a file ending in {', '.join(SUFFIXES)}", param_hint="--output")


def tables(inputs: Inputs, output: Output, jobs: Jobs = 1, max_mb: MaxMb = 50, quiet: Quiet = False) -> None:
    """The three standard tables of every report as one row each (metadata + canonical cells)."""
    from nlp.cli._batch import frame_command
    from nlp.io.frames import tables_frame

    _check_suffix(output)
    frame_command(inputs, output, tables_frame, what="report row(s)", jobs=jobs, max_mb=max_mb, quiet=quiet, tag=False)


def check(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Also write the failing checks here.")] = None,
    jobs: Jobs = 1,
    max_mb: MaxMb = 50,
    quiet: Quiet = False,
) -> None:
    """List the reports whose tables fail an arithmetic rule (勾稽关系), with the cells involved.

    A failing rule is a finding about the report, not an error: the exit code is 0 unless a file
    could not be read.
    """
    from rich.console import Console
    from rich.table import Table

    from nlp.cli._batch import BatchStats, iter_records
    from nlp.io.frames import checks_frame, write_frame

    _check_suffix(output)
    out = Console()
    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    records = list(iter_records(inputs, max_mb=max_mb, console=err, stats=stats, jobs=jobs, tag=False))
    df = checks_frame(records)
    evaluated = sum(len(r["checks"]) for r in records)
    if len(df):
        table = Table("report", "rule", "where", "expected", "actual", "cells", show_lines=False)
        for row in df.itertuples(index=False):
            cells = row.cells if len(row.cells) <= 60 else row.cells[:57] + "…"
            table.add_row(Path(row.path).name, row.rule, row.where, str(row.expected), str(row.actual), cells)
        out.print(table)
    reports = df["path"].nunique() if len(df) else 0
    out.print(f"{len(df)} failing check(s) in {reports} report(s); {evaluated} check(s) evaluated on {len(records)} file(s)")
    if output:
        write_frame(df, output)
        err.print(f"failing checks written to {output}", highlight=False)
    err.print(stats.summary(), highlight=False)
    if stats.statuses.get("failed"):
        raise typer.Exit(1)
