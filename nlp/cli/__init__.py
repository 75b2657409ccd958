"""The ``xxgk`` command. One module per command group; each is a thin wrapper over nlp functions."""

from __future__ import annotations

import typer

from nlp.cli import analyze as _analyze
from nlp.cli import compare as _compare
from nlp.cli import metrics as _metrics
from nlp.cli import tables as _tables
from nlp.cli import tag as _tag

app = typer.Typer(
    name="xxgk",
    help="Read government information-disclosure annual reports (政府信息公开工作年度报告) into records.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("analyze")(_analyze.analyze)
app.command("tables")(_tables.tables)
app.command("check")(_tables.check)
app.command("metrics")(_metrics.metrics)
app.command("tag")(_tag.tag)
app.command("train")(_tag.train)
app.command("evaluate")(_tag.evaluate)
app.command("corpus-export")(_tag.corpus_export)
app.command("summarize")(_compare.summarize)
app.command("compare")(_compare.compare)
app.command("trends")(_compare.trends)
app.command("report")(_compare.report)


@app.callback()
def _root() -> None:
    """xxgk: tables, sections, passages and metrics of 政府信息公开工作年度报告."""


def main() -> None:
    app()
