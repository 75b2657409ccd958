"""The scikit-learn passage tagger: jieba word n-grams + character n-grams, a linear SVM per tag
with sigmoid-calibrated probabilities, and per-tag thresholds chosen on out-of-fold predictions.

Saved with skops (``model.skops``), never pickle; ``meta.json`` beside it carries labels,
thresholds, corpus revision, scores and the file's sha256.
"""

from __future__ import annotations

import re

import numpy as np

from nlp.classify import LABELS

DEFAULT_C = 1.0
RE_WHITESPACES = re.compile(r"\s\s+")  # scikit-learn's own whitespace rule for char_wb


def build_pipeline(c: float = DEFAULT_C, cv: int = 3):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    from nlp.classify.features import jieba_tokens

    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    tokenizer=jieba_tokens, token_pattern=None, lowercase=False, ngram_range=(1, 2), min_df=2,
                    sublinear_tf=True, max_features=30000,
                ),
            ),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 2), min_df=2, sublinear_tf=True, max_features=30000)),
        ]
    )
    clf = OneVsRestClassifier(
        CalibratedClassifierCV(LinearSVC(C=c, class_weight="balanced"), cv=cv, method="sigmoid")
    )
    return Pipeline([("features", features), ("clf", clf)])


def label_matrix(labels: list[list[str]]) -> np.ndarray:
    return np.array([[int(lab in ls) for lab in LABELS] for ls in labels])


def best_thresholds(y: np.ndarray, proba: np.ndarray) -> list[float]:
    """Per tag, the probability cut that maximises F1 on out-of-fold predictions."""
    from sklearn.metrics import f1_score

    out = []
    for j in range(y.shape[1]):
        grid = np.arange(0.1, 0.91, 0.05)
        scores = [f1_score(y[:, j], proba[:, j] >= t, zero_division=0) for t in grid]
        out.append(round(float(grid[int(np.argmax(scores))]), 2))
    return out


def _cv_for(y: np.ndarray) -> int:
    """Calibration folds the rarest tag allows (each fold needs a positive example)."""
    fewest = int(y.sum(axis=0).min()) if len(y) else 0
    if fewest < 2:
        raise ValueError(
            f"too few examples of tag(s) {[LABELS[j] for j in np.where(y.sum(axis=0) < 2)[0]]} to train: "
            "every tag needs at least 2 labelled passages"
        )
    return min(3, fewest)


def oof_proba(texts: list[str], y: np.ndarray, groups: list[str], n_splits: int = 3, c: float = DEFAULT_C) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by report."""
    from sklearn.model_selection import GroupKFold

    proba = np.zeros(y.shape, dtype=float)
    texts_arr = np.array(texts, dtype=object)
    for tr, te in GroupKFold(n_splits=n_splits).split(texts_arr, y, groups):
        model = build_pipeline(c, _cv_for(y[tr])).fit(list(texts_arr[tr]), y[tr])
        proba[te] = model.predict_proba(list(texts_arr[te]))
    return proba


def fit(texts: list[str], y: np.ndarray, groups: list[str], c: float = DEFAULT_C):
    """The fitted pipeline and its per-tag thresholds (tuned on inner grouped folds)."""
    thresholds = best_thresholds(y, oof_proba(texts, y, groups, c=c))
    model = build_pipeline(c, _cv_for(y)).fit(texts, y)
    for _, vec in model.named_steps["features"].transformer_list:
        vec.stop_words_ = None  # every pruned term: only for introspection, and most of the file
    return model, thresholds


def _vectorizers(model):
    return [vec for _, vec in model.named_steps["features"].transformer_list]


def save(model, path) -> None:
    """Save with skops. Each vectorizer's vocabulary is written as one array of terms in index
    order (``terms_``): skops stores a dict entry by entry, and 60k entries took seconds to load."""
    import zipfile

    import skops.io as sio

    vocabularies = []
    for vec in _vectorizers(model):
        vocabularies.append(vec.vocabulary_)
        vec.terms_ = np.array(sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__), dtype=str)
        del vec.vocabulary_
    try:
        sio.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    finally:
        for vec, vocabulary in zip(_vectorizers(model), vocabularies, strict=True):
            vec.vocabulary_ = vocabulary
            del vec.terms_


TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "nlp.classify.features.", "builtins.")


def trusted_types(path) -> list[str]:
    """The non-default types a skops file needs, checked against what we allow."""
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=path)
    unexpected = [t for t in untrusted if not t.startswith(TRUSTED_PREFIXES)]
    if unexpected:
        raise ValueError(f"{path}: refusing to load unexpected types {unexpected}")
    return untrusted


def load(path, trusted: list[str] | None = None):
    """Load a skops file written by ``save``, trusting only scikit-learn/numpy/scipy types and our
    own tokenizer, and rebuild the vectorizers' vocabularies.

    ``trusted``: the list recorded in meta.json at training time (saves scanning the file twice);
    skops refuses the file if it needs any type outside it."""
    import skops.io as sio

    if trusted is None or any(not t.startswith(TRUSTED_PREFIXES) for t in trusted):
        trusted = trusted_types(path)
    model = sio.load(path, trusted=trusted)
    for vec in _vectorizers(model):
        if hasattr(vec, "terms_"):
            vec.vocabulary_ = {term: i for i, term in enumerate(vec.terms_.tolist())}
            del vec.terms_
    return model


def char_wb_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """The n-grams of scikit-learn's ``analyzer="char_wb"`` (lowercased, whitespace runs made one
    space, each word padded with a space), built with list comprehensions: the same multiset of
    n-grams, about twice as fast on Chinese passages."""
    out: list[str] = []
    for w in _char_wb_words(text):
        out.extend(_word_char_ngrams(w, lo, hi))
    return out


def _char_wb_words(text: str) -> list[str]:
    """The words char_wb cuts n-grams in: lowercased, split at whitespace."""
    return RE_WHITESPACES.sub(" ", text.lower()).split()


def _word_char_ngrams(w: str, lo: int, hi: int) -> list[str]:
    w = f" {w} "
    size = len(w)
    out: list[str] = []
    for n in range(lo, hi + 1):
        if size <= n:  # a short word counts once, whole
            out.append(w)
            break
        out.extend([w[i : i + n] for i in range(size - n + 1)])
    return out


def word_ngrams(tokens: list[str], lo: int, hi: int) -> list[str]:
    """scikit-learn's word n-grams (space-joined), for a tokenizer without stop words."""
    out = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), hi + 1):
        out.extend([" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)])
    return out


class FastVectorizer:
    """The ``transform`` of a fitted TfidfVectorizer (l2-normalised tf-idf, optionally sublinear)
    from its terms and idf alone: no scikit-learn at run time, and no per-term exception
    handling (most character n-grams are not in the vocabulary). ``kind`` is "word" (tokens from
    ``nlp.classify.features.jieba_tokens``) or "char_wb". Same matrix as scikit-learn's (tests
    compare them)."""

    def __init__(self, terms: list[str], idf: np.ndarray, kind: str, ngram_range: tuple[int, int], sublinear: bool) -> None:
        from functools import lru_cache

        if kind not in ("word", "char_wb"):
            raise ValueError(f"unsupported vectorizer kind {kind!r}")
        self.terms = list(terms)
        self.vocabulary = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.kind = kind
        self.lo, self.hi = (int(x) for x in ngram_range)
        self.sublinear = bool(sublinear)
        # char_wb n-grams never cross a space: the indices of each space-separated word are
        # cached (the "SEC… 〔heading〕" context repeats on every passage of a section)
        self._word_indices = lru_cache(maxsize=4096)(self._indices_of_word)

    @classmethod
    def from_sklearn(cls, vec) -> FastVectorizer:
        from nlp.classify.features import jieba_tokens

        if vec.norm != "l2" or not vec.use_idf or vec.preprocessor is not None or vec.strip_accents is not None:
            raise ValueError("FastVectorizer handles plain l2-normalised tf-idf only")
        if vec.analyzer == "char_wb" and vec.lowercase:
            kind = "char_wb"
        elif vec.analyzer == "word" and vec.tokenizer is jieba_tokens and not vec.lowercase and vec.stop_words is None:
            kind = "word"
        else:
            raise ValueError(f"FastVectorizer cannot reproduce analyzer {vec.analyzer!r} with these settings")
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        return cls(terms, vec.idf_, kind, vec.ngram_range, vec.sublinear_tf)

    def settings(self) -> dict:
        return {"kind": self.kind, "ngram_range": [self.lo, self.hi], "sublinear": self.sublinear}

    def _indices_of_word(self, word: str) -> list[int]:
        get = self.vocabulary.get
        return [j for j in map(get, _word_char_ngrams(word, self.lo, self.hi)) if j is not None]

    def indices(self, text: str) -> list[int]:
        if self.kind == "char_wb":
            out: list[int] = []
            for w in _char_wb_words(text):
                out.extend(self._word_indices(w))
            return out
        from nlp.classify.features import jieba_tokens

        get = self.vocabulary.get
        return [j for j in map(get, word_ngrams(jieba_tokens(text), self.lo, self.hi)) if j is not None]

    def transform(self, texts: list[str]):
        import scipy.sparse as sp

        indices: list[int] = []
        indptr = [0]
        for text in texts:
            indices.extend(self.indices(text))
            indptr.append(len(indices))
        x = sp.csr_matrix(
            (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
            shape=(len(texts), len(self.idf)),
        )
        x.sum_duplicates()
        if self.sublinear:
            np.log(x.data, out=x.data)
            x.data += 1
        x.data *= self.idf[x.indices]
        # l2 norm of each row (a row without known terms stays zero)
        rows = np.repeat(np.arange(len(texts)), np.diff(x.indptr))
        norms = np.sqrt(np.bincount(rows, weights=x.data * x.data, minlength=len(texts)))
        norms[norms == 0] = 1.0
        x.data /= norms[rows]
        return x


class FastProba:
    """``predict_proba`` of the fitted pipeline from plain arrays: tf-idf per feature block, then
    per tag the mean over the calibration folds of expit(-(a·(x·w + c) + b)) — scikit-learn's
    arithmetic without scikit-learn, so tagging needs neither its import (2 s) nor skops.

    ``save`` writes the arrays to one ``.npz`` (loaded with ``allow_pickle=False``); the skops
    file stays the model of record."""

    def __init__(self, blocks: list[FastVectorizer], w: np.ndarray, c, a, b, owner, n_labels: int) -> None:
        self.blocks = blocks
        self.w = np.asarray(w, dtype=np.float64)
        self.c = np.asarray(c, dtype=np.float64)
        self.a = np.asarray(a, dtype=np.float64)
        self.b = np.asarray(b, dtype=np.float64)
        self.owner = np.asarray(owner)
        self.n_labels = int(n_labels)
        bounds = np.cumsum([0] + [len(bl.idf) for bl in blocks])
        if bounds[-1] != self.w.shape[0]:
            raise ValueError(f"weights have {self.w.shape[0]} rows for {bounds[-1]} features")
        self.w_blocks = [self.w[bounds[i] : bounds[i + 1]] for i in range(len(blocks))]

    @classmethod
    def from_pipeline(cls, model) -> FastProba:
        clf = model.named_steps["clf"]
        blocks = [FastVectorizer.from_sklearn(vec) for vec in _vectorizers(model)]
        cols, intercepts, a, b, owner = [], [], [], [], []
        for j, est in enumerate(clf.estimators_):
            for cc in est.calibrated_classifiers_:
                svm, cal = cc.estimator, cc.calibrators[0]
                cols.append(np.asarray(svm.coef_, dtype=float).ravel())
                intercepts.append(float(np.ravel(svm.intercept_)[0]))
                a.append(float(cal.a_))
                b.append(float(cal.b_))
                owner.append(j)
        return cls(blocks, np.column_stack(cols), intercepts, a, b, owner, len(clf.estimators_))

    def save(self, path) -> None:
        import json

        arrays = {"w": self.w, "c": self.c, "a": self.a, "b": self.b, "owner": self.owner}
        for i, bl in enumerate(self.blocks):
            arrays[f"terms_{i}"] = np.array(bl.terms, dtype=str)
            arrays[f"idf_{i}"] = bl.idf
        settings = {"n_labels": self.n_labels, "blocks": [bl.settings() for bl in self.blocks]}
        arrays["settings"] = np.array(json.dumps(settings))
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path) -> FastProba:
        import json

        with np.load(path, allow_pickle=False) as z:
            settings = json.loads(str(z["settings"]))
            blocks = [
                FastVectorizer(z[f"terms_{i}"].tolist(), z[f"idf_{i}"], s["kind"], tuple(s["ngram_range"]), s["sublinear"])
                for i, s in enumerate(settings["blocks"])
            ]
            return cls(blocks, z["w"], z["c"], z["a"], z["b"], z["owner"], settings["n_labels"])

    def __call__(self, texts: list[str]) -> np.ndarray:
        from scipy.special import expit

        d = self.c + sum(block.transform(texts) @ w for block, w in zip(self.blocks, self.w_blocks, strict=True))
        p = expit(-(self.a * d + self.b))
        out = np.zeros((p.shape[0], self.n_labels))
        for j in range(self.n_labels):
            out[:, j] = p[:, self.owner == j].mean(axis=1)
        return out
