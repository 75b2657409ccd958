"""Command-line inputs (files, folders, globs) -> an ordered list of report paths."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from nlp.ingest import SUPPORTED_SUFFIXES


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files as given; folders searched recursively for report files (sorted); globs expanded.

    An input that matches nothing is kept as it is, so that the batch reports it (E001) instead
    of dropping it silently. Duplicates are kept once, at their first position.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for item in inputs:
        if os.path.isdir(item):
            found = sorted(
                str(p) for p in Path(item).rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            for p in found:
                add(p)
        elif os.path.exists(item):
            add(item)
        elif glob.has_magic(item):
            matches = sorted(m for m in glob.glob(item, recursive=True) if os.path.isfile(m))
            for m in matches or [item]:
                add(m)
        else:
            add(item)
    return out
