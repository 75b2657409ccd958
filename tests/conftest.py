"""Session fixtures: the shared corpus (skipped cleanly when ../shared is absent) and its records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "corpora" / "reports"
TEXT_FORMATS = ("txt", "md")


def load_manifest() -> list[dict]:
    path = CORPUS / "manifest.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


MANIFEST = load_manifest()
TEXT_ENTRIES = [e for e in MANIFEST if e["format"] in TEXT_FORMATS]
ALL_ENTRIES = MANIFEST


def corpus_params(entries: list[dict]) -> list:
    """One pytest param per corpus entry, named by file (empty, so tests skip, without the corpus)."""
    return [pytest.param(e, id=e["file"]) for e in entries]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_records(corpus_dir: Path) -> dict[str, dict]:
    """file name -> record, for every report of the corpus, in every format (analysed once)."""
    from nlp.pipeline import analyze_file

    return {e["file"]: analyze_file(corpus_dir / e["file"]) for e in ALL_ENTRIES}


def manifest_issuer_names(issuer: str) -> set[str]:
    """The manifest writes notes in brackets: '平潭综合实验区（管委会）' -> both readings."""
    m = re.match(r"^(.*?)（(.*)）$", issuer)
    if not m:
        return {issuer}
    base, note = m.groups()
    names = {base}
    if not note.startswith("代表"):
        names.add(base + note)
    return names
