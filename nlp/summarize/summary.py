"""Extractive summaries: a few key sentences, verbatim, chosen by TextRank over jieba tokens and
made section-aware.

The passages are the candidate sentences. TextRank (PageRank on a graph whose edges are the
token overlap of two sentences, normalised by their lengths) ranks them; the summary then takes,
in report order: the best-ranked sentence of the overview, the sentence that states the headline
application numbers, the problem sentence and the improvement sentence the passage tagger scores
highest, and fills up to ``n`` with the next best-ranked sentences.
"""

from __future__ import annotations

import re

import numpy as np

RE_HEADLINE = re.compile(r"(?:受理|收到|新收|办理|办结).{0,16}?申请.{0,4}?\d+\s*件|申请\s*\d+\s*件")
DAMPING = 0.85
MIN_CHARS = 15
DENSE_LIMIT = 2_000_000  # sentence × word cells up to which the 0/1 matrix is dense (16 MB)
RE_HAN = re.compile(r"[\u4e00-\u9fff]")


def _tokens(text: str) -> set[str]:
    from nlp.tokenizer import cut

    han = RE_HAN.search
    return {t for t in cut(text) if len(t) > 1 and han(t)}


def textrank(sentences: list[str], iterations: int = 50) -> np.ndarray:
    """PageRank scores of sentences on the token-overlap graph (Mihalcea & Tarau 2004)."""
    n = len(sentences)
    if n == 0:
        return np.zeros(0)
    toks = [_tokens(s) for s in sentences]
    # common[i, j] = |toks[i] & toks[j]|, as a product of 0/1 sentence × word matrices
    vocab: dict[str, int] = {}
    cols = [[vocab.setdefault(t, len(vocab)) for t in ts] for ts in toks]
    if n * len(vocab) <= DENSE_LIMIT:
        rows = np.zeros((n, len(vocab)))
        for i, c in enumerate(cols):
            rows[i, c] = 1.0
        common = rows @ rows.T
    else:  # a very long report: thousands of sentences and words
        from scipy.sparse import csr_matrix

        indptr = np.cumsum([0] + [len(c) for c in cols])
        indices = np.array([j for c in cols for j in c], dtype=np.int64)
        rows = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, len(vocab)))
        common = (rows @ rows.T).toarray()
    sizes = np.array([len(ts) for ts in toks], dtype=float)
    logs = np.log(np.where(sizes > 1, sizes, 2.0))
    w = np.where(np.outer(sizes > 1, sizes > 1), common / (logs[:, None] + logs[None, :]), 0.0)
    np.fill_diagonal(w, 0.0)
    out = w.sum(axis=1)
    out[out == 0] = 1
    m = w / out[:, None]
    score = np.full(n, 1 / n)
    for _ in range(iterations):
        score = (1 - DAMPING) / n + DAMPING * m.T @ score
    return score


def summarize(record: dict, n: int = 5) -> list[str]:
    """Key sentences of an analysed record, verbatim, in report order."""
    passages = [p for p in record.get("passages", []) if len(p["text"]) >= MIN_CHARS]
    if not passages:
        return []
    ranks = textrank([p["text"] for p in passages])
    chosen: list[int] = []

    def take(i: int | None) -> None:
        if i is not None and i not in chosen and len(chosen) < n:
            chosen.append(i)

    def best(indices: list[int], key) -> int | None:
        return max(indices, key=key) if indices else None

    overview = [i for i, p in enumerate(passages) if p["section"] == "overview"]
    take(best(overview, lambda i: ranks[i]))
    headline = [i for i, p in enumerate(passages) if RE_HEADLINE.search(p["text"])]
    take(headline[0] if headline else None)
    for tag in ("problem", "improvement"):
        tagged = [i for i, p in enumerate(passages) if tag in p.get("labels", [])]
        take(best(tagged, lambda i, tag=tag: passages[i]["scores"].get(tag, 0)))
    for i in np.argsort(-ranks):
        take(int(i))
    return [passages[i]["text"] for i in sorted(chosen)]
