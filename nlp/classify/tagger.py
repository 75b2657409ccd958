"""Load a trained passage tagger and tag passages: per-tag scores and labels.

Models are directories under ``models/`` (``sklearn-passages-v1``, ``spacy-passages-v1``) with a
``meta.json``; ``models/DEFAULT`` names the default one (the better on the grouped-CV scores).
``XXGK_MODELS`` points elsewhere. A model is loaded once per process, on first use.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from nlp.classify import LABELS
from nlp.classify.features import model_input

MODELS = Path(os.environ.get("XXGK_MODELS", Path(__file__).resolve().parents[2] / "models"))


class ModelNotFound(FileNotFoundError):
    pass


def default_name(models: Path = MODELS) -> str:
    path = models / "DEFAULT"
    if not path.exists():
        raise ModelNotFound(f"{path}: no default passage model. Train one with `python scripts/train.py`.")
    return path.read_text(encoding="utf-8").strip()


def model_dir(name: str | None = None, models: Path = MODELS) -> Path:
    if name and Path(name).is_dir():
        return Path(name)
    d = models / (name or default_name(models))
    if not (d / "meta.json").exists():
        raise ModelNotFound(f"{d}: no passage model there (meta.json missing). Train one with `python scripts/train.py`.")
    return d


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if p.is_file() and p.name != "meta.json":
            h.update(p.read_bytes())
    return h.hexdigest()


class Tagger:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.meta = json.loads((self.directory / "meta.json").read_text(encoding="utf-8"))
        self.kind = self.meta["kind"]
        self.thresholds = np.array(self.meta.get("thresholds") or [0.5] * len(LABELS))
        if self.kind == "sklearn":
            from nlp.classify.sk_model import FastProba, load

            fast = self.directory / "inference.npz"
            if fast.exists():  # plain arrays written at training time: no scikit-learn import
                self.model = None
                self._fast = FastProba.load(fast)
            else:
                self.model = load(self.directory / "model.skops", self.meta.get("skops_trusted"))
                self._fast = FastProba.from_pipeline(self.model)
        elif self.kind == "spacy":
            from nlp.classify.spacy_model import load

            self.model = load(self.directory / "pipeline")
        else:
            raise ValueError(f"{self.directory}: unknown model kind {self.kind!r}")

    def proba(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(LABELS)))
        if self.kind == "sklearn":
            return self._fast(texts)
        from nlp.classify.spacy_model import predict_proba

        return predict_proba(self.model, texts)

    def tag(self, passages: list[dict], threshold: float | None = None) -> list[tuple[list[str], dict[str, float]]]:
        """(labels, scores) for each passage record (text, section, heading)."""
        texts = [model_input(p["text"], p.get("section"), p.get("heading", "")) for p in passages]
        proba = self.proba(texts)
        cut = np.full(len(LABELS), threshold) if threshold is not None else self.thresholds
        out = []
        for row in proba:
            scores = {lab: round(float(v), 4) for lab, v in zip(LABELS, row, strict=True)}
            out.append(([lab for lab, v, t in zip(LABELS, row, cut, strict=True) if v >= t], scores))
        return out


@lru_cache(maxsize=4)
def get_tagger(name: str | None = None) -> Tagger:
    return Tagger(model_dir(name))
