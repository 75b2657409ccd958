"""Training and saving the passage taggers (used by scripts/train.py and ``xxgk train``)."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from nlp.classify import LABELS, sk_model, spacy_model
from nlp.classify.corpus import ANNOTATIONS, Example, build_examples
from nlp.classify.evaluate import _inputs, cross_validate, learning_curve
from nlp.classify.tagger import sha256_of

VERSION = 1


def user_examples(path: Path) -> list[Example]:
    """Labelled passages of the user's own (JSON Lines: text, labels, optional section/group)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        d = json.loads(line)
        if "text" not in d or "labels" not in d:
            raise ValueError(f"{path}:{n}: each line needs 'text' and 'labels' (a list of {', '.join(LABELS)})")
        bad = set(d["labels"]) - set(LABELS)
        if bad:
            raise ValueError(f"{path}:{n}: unknown label(s) {sorted(bad)}; allowed: {', '.join(LABELS)}")
        out.append(
            Example(
                d.get("group", f"{path.name}:{n}"), path.name, None, None, None, "unknown",
                d.get("section", "none"), d.get("heading", ""), d["text"], "", sorted(d["labels"]),
            )
        )
    return out


def corpus_revision() -> str:
    try:
        return subprocess.run(
            ["git", "log", "-1", "--format=%H", "--", str(ANNOTATIONS)], capture_output=True, text=True, cwd=ANNOTATIONS, check=True
        ).stdout.strip() or "uncommitted"
    except Exception:  # noqa: BLE001
        return "unknown"


def train_and_save(corpus: Path, models: list[str], extra: list[Path], out: Path, *, cross_validate: bool = True) -> dict:
    examples, summary = build_examples(corpus)
    for path in extra:
        examples += user_examples(path)
    texts, y, groups = _inputs(examples)
    counts = Counter(lab for e in examples for lab in e.labels)
    cv = cross_validate_models(examples, models) if cross_validate else {}
    curve = learning_curve(examples) if cross_validate and "sklearn" in models else []
    common = {
        "version": VERSION,
        "labels": list(LABELS),
        "trained": date.today().isoformat(),
        "corpus": {
            "annotations": "corpora/annotations/passages",
            "revision": corpus_revision(),
            "reports": len(set(groups)),
            "passages": len(examples),
            "label_counts": {lab: counts.get(lab, 0) for lab in LABELS},
            "extra_data": [str(p) for p in extra],
            **summary,
        },
        "evaluation": {k: v for k, v in cv.items() if k not in ("sklearn", "spacy")},
        "keyword_baseline": cv.get("keyword_baseline"),
        "learning_curve": curve,
    }
    saved = {}
    for kind in models:
        d = out / f"{kind}-passages-v{VERSION}"
        d.mkdir(parents=True, exist_ok=True)
        if kind == "sklearn":
            model, thresholds = sk_model.fit(texts, y, groups)
            sk_model.save(model, d / "model.skops")
            sk_model.FastProba.from_pipeline(model).save(d / "inference.npz")
            extra_meta = {"skops_trusted": sk_model.trusted_types(d / "model.skops")}
        else:
            nlp = spacy_model.train(texts, y)
            nlp.to_disk(d / "pipeline")
            thresholds = [0.5] * len(LABELS)
            extra_meta = {}
        meta = {
            **common,
            "name": d.name,
            "kind": kind,
            "thresholds": thresholds,
            "scores": cv.get(kind),
            "sha256": sha256_of(d),
            **extra_meta,
        }
        (d / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        saved[kind] = {"dir": str(d), "macro_f1": (cv.get(kind) or {}).get("macro_f1")}
    scored = {k: v["macro_f1"] for k, v in saved.items() if v["macro_f1"] is not None}
    if scored:
        best = max(scored, key=scored.get)
        (out / "DEFAULT").write_text(f"{best}-passages-v{VERSION}\n", encoding="utf-8")
        saved["default"] = f"{best}-passages-v{VERSION}"
    return {"saved": saved, "cv": cv, "learning_curve": curve}


def cross_validate_models(examples: list[Example], models: list[str]) -> dict:
    return cross_validate(examples, tuple(models))


__all__ = ["train_and_save", "user_examples", "np"]
