"""``xxgk tag``: one row per passage with its tags; ``xxgk train``; ``xxgk evaluate``;
``xxgk corpus-export``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nlp.cli.analyze import Inputs, Jobs, MaxMb, Model, Quiet, Threshold, check_model, check_threshold
from nlp.cli.tables import Output, _check_suffix


def tag(
    inputs: Inputs,
    output: Output,
    threshold: Threshold = None,
    model: Model = None,
    jobs: Jobs = 1,
    max_mb: MaxMb = 50,
    quiet: Quiet = False,
) -> None:
    """Tag every narrative passage (problem / improvement / innovation / participation)."""
    from nlp.cli._batch import frame_command
    from nlp.io.frames import passages_frame

    _check_suffix(output)
    check_threshold(threshold)
    check_model(model)
    frame_command(
        inputs, output, passages_frame, what="passage(s)", jobs=jobs, max_mb=max_mb, quiet=quiet, model=model, threshold=threshold
    )


Corpus = Annotated[Path, typer.Option(help="Folder of the reports the annotations refer to.")]
DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
DEFAULT_MODELS = Path(__file__).resolve().parents[2] / "models"


def train(
    data: Annotated[list[Path] | None, typer.Option("--data", help="Your own labelled passages (JSONL: text, labels, section?, group?). Repeatable.")] = None,
    models: Annotated[list[str] | None, typer.Option("--model-kind", help="sklearn and/or spacy (default both).")] = None,
    corpus: Corpus = DEFAULT_CORPUS,
    out: Annotated[Path, typer.Option(help="Where to save the models.")] = DEFAULT_MODELS,
    no_cv: Annotated[bool, typer.Option("--no-cv", help="Skip cross-validation (faster; no scores in meta.json).")] = False,
) -> None:
    """Train the passage taggers on the annotated corpus (plus --data), save them with meta.json."""
    from nlp.classify.train import train_and_save

    for p in data or []:
        if not p.exists():
            raise typer.BadParameter(f"{p}: no such file", param_hint="--data")
    result = train_and_save(corpus, models or ["sklearn", "spacy"], data or [], out, cross_validate=not no_cv)
    typer.echo(json.dumps(result["saved"], ensure_ascii=False, indent=1))


def evaluate(corpus: Corpus = DEFAULT_CORPUS, folds: Annotated[int, typer.Option(help="Grouped folds.")] = 5) -> None:
    """Grouped cross-validation (by report) of both taggers and the keyword baseline."""
    from rich.console import Console
    from rich.table import Table

    from nlp.classify import LABELS
    from nlp.classify.corpus import build_examples
    from nlp.classify.evaluate import cross_validate

    examples, _ = build_examples(corpus)
    res = cross_validate(examples, n_splits=folds)
    table = Table("model", *LABELS, "macro-F1")
    for name in ("sklearn", "spacy", "keyword_baseline"):
        table.add_row(name, *(f"{res[name][lab]['f1']:.3f}" for lab in LABELS), f"{res[name]['macro_f1']:.3f}")
    Console().print(table)
    typer.echo(f"{res['n_passages']} passages of {res['n_reports']} reports, {folds} folds grouped by report")


def corpus_export(
    output: Annotated[Path, typer.Option("-o", "--output", help="A folder (datasets.DatasetDict) or a .parquet file.")],
    corpus: Corpus = DEFAULT_CORPUS,
) -> None:
    """Build the labelled passage corpus from the reports and the annotations."""
    from nlp.classify.corpus import build_examples, to_dataset

    examples, summary = build_examples(corpus)
    ds = to_dataset(examples)
    if output.suffix == ".parquet":
        ds.to_parquet(str(output))
    else:
        import datasets

        datasets.DatasetDict({"train": ds}).save_to_disk(str(output))
    typer.echo(f"{len(ds)} passages of {summary['reports']} reports written to {output}")
