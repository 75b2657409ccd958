"""``xxgk metrics INPUTS... -o metrics.csv|.xlsx|.parquet``: one row per narrative count."""

from __future__ import annotations

from nlp.cli.analyze import Inputs, Jobs, MaxMb, Quiet
from nlp.cli.tables import Output, _check_suffix


def metrics(inputs: Inputs, output: Output, jobs: Jobs = 1, max_mb: MaxMb = 50, quiet: Quiet = False) -> None:
    """Every narrative count (posts, followers, views, videos, interpretations …) as one row."""
    from nlp.cli._batch import frame_command
    from nlp.io.frames import metrics_frame

    _check_suffix(output)
    frame_command(inputs, output, metrics_frame, what="metric(s)", jobs=jobs, max_mb=max_mb, quiet=quiet, tag=False)
