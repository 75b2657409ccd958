"""``xxgk metrics INPUTS... -o metrics.csv|.xlsx|.parquet``: one row per narrative count."""

from __future__ import annotations

import typer

from nlp.cli.analyze import Inputs, Jobs, MaxMb, Quiet
from nlp.cli.tables import Output, _check_suffix


def metrics(inputs: Inputs, output: Output, jobs: Jobs = 1, max_mb: MaxMb = 50, quiet: Quiet = False) -> None:
    """Every narrative count (posts, followers, views, videos, interpretations …) as one row."""
    from rich.console import Console

    from nlp.cli._batch import BatchStats, iter_records
    from nlp.io.frames import metrics_frame, write_frame

    _check_suffix(output)
    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    df = metrics_frame(iter_records(inputs, max_mb=max_mb, console=err, stats=stats, jobs=jobs, tag=False))
    write_frame(df, output)
    err.print(stats.summary(), highlight=False)
    err.print(f"{len(df)} metric(s) written to {output}", highlight=False)
    if stats.statuses.get("failed"):
        raise typer.Exit(1)
