"""Grouped cross-validation of the passage taggers: no passage of a test report is seen in training.

``cross_validate`` returns per-tag precision/recall/F1 and macro-F1 for the scikit-learn model,
the spaCy model and the keyword baseline; ``learning_curve`` gives macro-F1 against the number of
training reports. Functions return data and never print.
"""

from __future__ import annotations

import numpy as np

from nlp.classify import LABELS, sk_model, spacy_model
from nlp.classify.corpus import Example
from nlp.classify.features import model_input
from nlp.classify.keywords import keyword_labels


def scores(y: np.ndarray, pred: np.ndarray) -> dict:
    from sklearn.metrics import precision_recall_fscore_support

    p, r, f, support = precision_recall_fscore_support(y, pred, zero_division=0)
    out = {
        lab: {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3), "f1": round(float(f[i]), 3), "support": int(support[i])}
        for i, lab in enumerate(LABELS)
    }
    out["macro_f1"] = round(float(np.mean(f)), 3)
    return out


def _inputs(examples: list[Example]) -> tuple[list[str], np.ndarray, list[str]]:
    texts = [model_input(e.text, e.section, e.heading) for e in examples]
    return texts, sk_model.label_matrix([e.labels for e in examples]), [e.report for e in examples]


def fold_predictions(examples: list[Example], model: str, n_splits: int = 5, seed: int | None = None) -> np.ndarray:
    """0/1 predictions for every example, each from a model trained on the other folds.

    Reports are dealt to folds by size (``GroupKFold``); with ``seed``, in a shuffled order, so
    that repeated runs show how much the scores depend on which reports share a fold."""
    from sklearn.model_selection import GroupKFold

    texts, y, groups = _inputs(examples)
    arr = np.array(texts, dtype=object)
    pred = np.zeros_like(y)
    kfold = GroupKFold(n_splits=n_splits, shuffle=seed is not None, random_state=seed)
    for tr, te in kfold.split(arr, y, groups):
        train_groups = [groups[i] for i in tr]
        if model == "sklearn":
            fitted, thresholds = sk_model.fit(list(arr[tr]), y[tr], train_groups)
            proba = fitted.predict_proba(list(arr[te]))
        else:
            fitted = spacy_model.train(list(arr[tr]), y[tr])
            proba = spacy_model.predict_proba(fitted, list(arr[te]))
            thresholds = [0.5] * len(LABELS)
        pred[te] = (proba >= np.array(thresholds)).astype(int)
    return pred


def cross_validate(examples: list[Example], models=("sklearn", "spacy"), n_splits: int = 5, seed: int | None = None) -> dict:
    _, y, groups = _inputs(examples)
    out = {"n_passages": len(examples), "n_reports": len(set(groups)), "folds": n_splits, "grouped_by": "report"}
    for model in models:
        out[model] = scores(y, fold_predictions(examples, model, n_splits, seed=seed))
    baseline = sk_model.label_matrix([keyword_labels(e.text) for e in examples])
    out["keyword_baseline"] = scores(y, baseline)
    return out


def learning_curve(examples: list[Example], sizes=(20, 40, 80, 120, None), n_splits: int = 5, seed: int = 0) -> list[dict]:
    """Macro-F1 of the scikit-learn model on held-out reports, training on ``size`` reports of
    each fold's training part (``None``: all of them; the point is labelled with the smallest
    training part's size)."""
    from sklearn.model_selection import GroupKFold

    texts, y, groups = _inputs(examples)
    arr = np.array(texts, dtype=object)
    rng = np.random.default_rng(seed)
    out = []
    folds = list(GroupKFold(n_splits=n_splits).split(arr, y, groups))
    smallest = min(len({groups[i] for i in tr}) for tr, _ in folds)
    for size in sizes:
        size = smallest if size is None else size
        preds = np.zeros_like(y)
        for tr, te in folds:
            reports = sorted({groups[i] for i in tr})
            if size < len(reports):
                keep = set(rng.choice(reports, size=size, replace=False))
                tr = np.array([i for i in tr if groups[i] in keep])
            try:
                fitted, thresholds = sk_model.fit(list(arr[tr]), y[tr], [groups[i] for i in tr])
            except ValueError:  # too few positives of a tag in this sample to calibrate on
                break
            preds[te] = (fitted.predict_proba(list(arr[te])) >= np.array(thresholds)).astype(int)
        else:
            s = scores(y, preds)
            out.append({"train_reports": size, "macro_f1": s["macro_f1"], **{lab: s[lab]["f1"] for lab in LABELS}})
            continue
        out.append({"train_reports": size, "macro_f1": None, "note": "too few positive examples of a tag"})
    return out
