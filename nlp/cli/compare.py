"""``xxgk summarize``, ``xxgk compare``, ``xxgk trends``, ``xxgk report``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nlp.cli.analyze import Inputs, Jobs, MaxMb, Quiet
from nlp.cli.tables import Output, _check_suffix


def _records(inputs, max_mb, jobs, quiet):
    from rich.console import Console

    from nlp.cli._batch import BatchStats, iter_records

    err = Console(stderr=True, quiet=quiet)
    stats = BatchStats()
    records = [r for r in iter_records(inputs, max_mb=max_mb, console=err, stats=stats, jobs=jobs) if r["status"] != "failed"]
    err.print(stats.summary(), highlight=False)
    return records, err, stats


def summarize(
    input: Annotated[Path, typer.Argument(help="One report file.", exists=True, dir_okay=False)],
    sentences: Annotated[int, typer.Option("-n", "--sentences", min=1, help="How many sentences.")] = 5,
) -> None:
    """Print the report's key sentences (verbatim, in report order)."""
    from nlp.pipeline import analyze_file
    from nlp.summarize.summary import summarize as summ

    rec = analyze_file(input)
    if rec["status"] == "failed":
        typer.echo("\n".join(e["message"] for e in rec["errors"]), err=True)
        raise typer.Exit(1)
    rep = rec["report"]
    typer.echo(f"{rep['title'] or input}  ({rep['issuer']}, {rep['year']})")
    for s in summ(rec, sentences):
        typer.echo(f"- {s}")


def compare(inputs: Inputs, output: Output, jobs: Jobs = 1, max_mb: MaxMb = 50, quiet: Quiet = False) -> None:
    """One row per report: metadata, table cells, indicators, tag counts, metrics per channel ×
    measure; year-over-year changes and text reuse for the same issuer in consecutive years."""
    from nlp.io.frames import write_frame
    from nlp.summarize.compare import compare_frame

    _check_suffix(output)
    records, err, stats = _records(inputs, max_mb, jobs, quiet)
    df = compare_frame(records)
    write_frame(df, output)
    pairs = int(df["previous_year_path"].notna().sum())
    err.print(f"{len(df)} report(s), {pairs} with the previous year's report, {df.shape[1]} columns written to {output}", highlight=False)


def trends(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Also write the tables (.xlsx: two sheets; .csv: two files).")] = None,
    jobs: Jobs = 1,
    max_mb: MaxMb = 50,
    quiet: Quiet = False,
) -> None:
    """How often each tag occurs, per year and level, and each tag's most characteristic words."""
    from rich.console import Console
    from rich.table import Table

    from nlp.summarize.compare import trends as compute

    records, err, _ = _records(inputs, max_mb, jobs, quiet)
    freq, key = compute(records)
    out = Console()
    t = Table(*freq.columns)
    for row in freq.itertuples(index=False):
        t.add_row(*("" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    out.print(t)
    k = Table("tag", "characteristic words (log-likelihood keyness)")
    for lab, grp in key.groupby("tag", sort=False):
        k.add_row(lab, "、".join(grp["word"]))
    out.print(k)
    if output:
        if output.suffix == ".xlsx":
            import pandas as pd

            with pd.ExcelWriter(output, engine="openpyxl") as xw:
                freq.to_excel(xw, sheet_name="frequencies", index=False)
                key.to_excel(xw, sheet_name="keyness", index=False)
        else:
            freq.to_csv(output, index=False, encoding="utf-8-sig")
            key.to_csv(output.with_name(output.stem + "_keyness" + output.suffix), index=False, encoding="utf-8-sig")
        err.print(f"written to {output}", highlight=False)


def report(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file.")],
    title: Annotated[str, typer.Option(help="Title of the page.")] = "xxgk report",
    jobs: Jobs = 1,
    max_mb: MaxMb = 50,
    quiet: Quiet = False,
) -> None:
    """One self-contained HTML page with charts (no network needed to view it)."""
    from nlp.summarize.report import render

    records, err, _ = _records(inputs, max_mb, jobs, quiet)
    output.write_text(render(records, title), encoding="utf-8")
    err.print(f"report of {len(records)} report(s) written to {output}", highlight=False)
