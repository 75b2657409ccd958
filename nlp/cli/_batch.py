"""The batch loop every command shares: inputs -> records, with a progress bar, failures as they
happen, and a summary (ok / partial / failed per error code)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class BatchStats:
    total: int = 0
    skipped: int = 0
    statuses: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        counts = ", ".join(f"{k} {self.statuses.get(k, 0)}" for k in ("ok", "partial", "failed"))
        detail = ", ".join(f"{c}×{n}" for c, n in sorted(self.codes.items()))
        skipped = f"; {self.skipped} already in the output, skipped" if self.skipped else ""
        return f"{self.total} file(s): {counts}" + (f" ({detail})" if detail else "") + skipped


def _progress(console):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[bold]xxgk"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} files/s"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        console=console,
        transient=False,
    )


def iter_lines(
    inputs: list[str],
    *,
    max_mb: float,
    console,
    stats: BatchStats,
    jobs: int = 1,
    model: str | None = None,
    threshold: float | None = None,
    tag: bool = True,
    done: set[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(status, record as a JSON line) for every input in order, skipping those in ``done``."""
    import time

    from nlp.batch import is_done, run
    from nlp.inputs import expand_inputs

    paths = expand_inputs(inputs)
    if done:
        todo = [p for p in paths if not is_done(p, done)]
        stats.skipped = len(paths) - len(todo)
        paths = todo
    stats.total = len(paths)
    t0 = time.perf_counter()
    with _progress(console) as progress:
        task = progress.add_task("analyse", total=len(paths), rate="-", failed=0)
        runs = run(paths, jobs=jobs, model=model, threshold=threshold, max_mb=max_mb, tag=tag)
        for n, (_path, (line, status, errors)) in enumerate(runs, 1):
            stats.statuses[status] += 1
            for code, message in errors:
                stats.codes[code] += 1
                if status == "failed":
                    progress.console.print(f"[red]{code}[/red] {message}", markup=True, highlight=False)
            if n % 10 == 0 or n == len(paths):
                rate = n / max(time.perf_counter() - t0, 1e-9)
                progress.update(task, completed=n, rate=f"{rate:.1f}", failed=stats.statuses.get("failed", 0))
            yield status, line


def iter_records(inputs: list[str], **kw) -> Iterator[dict]:
    for _status, line in iter_lines(inputs, **kw):
        yield json.loads(line)


def frame_command(inputs: list[str], output, frame, *, what: str, jobs: int, max_mb: float, quiet: bool, **kw) -> None:
    """Analyse, build a DataFrame with ``frame(records)``, write it by suffix, report; exit 1 when a
    file failed. The body of ``xxgk tables`` / ``metrics`` / ``tag``."""
    import typer
    from rich.console import Console

    from nlp.io.frames import write_frame

    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    df = frame(iter_records(inputs, max_mb=max_mb, console=err, stats=stats, jobs=jobs, **kw))
    write_frame(df, output)
    err.print(stats.summary(), highlight=False)
    err.print(f"{len(df)} {what} written to {output}", highlight=False)
    if stats.statuses.get("failed"):
        raise typer.Exit(1)
