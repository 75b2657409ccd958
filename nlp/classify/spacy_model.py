"""The spaCy passage tagger: ``textcat_multilabel`` (bag-of-words, ``spacy.TextCatBOW.v3``) on a
blank Chinese pipeline whose tokenizer is the jieba segmenter. Saved with ``nlp.to_disk`` (config
+ weights, no pickle)."""

from __future__ import annotations

import random

import numpy as np

from nlp.classify import LABELS

EPOCHS = 12
SEED = 0


def blank():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def train(texts: list[str], y: np.ndarray, *, epochs: int = EPOCHS, seed: int = SEED):
    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    spacy.util.fix_random_seed(seed)
    nlp = blank()
    textcat = nlp.add_pipe(
        "textcat_multilabel",
        config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2, "no_output_layer": False}},
    )
    for lab in LABELS:
        textcat.add_label(lab)
    examples = [
        Example.from_dict(nlp.make_doc(t), {"cats": {lab: float(v) for lab, v in zip(LABELS, row, strict=True)}})
        for t, row in zip(texts, y, strict=True)
    ]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=16):
            nlp.update(batch, drop=0.2)
    return nlp


def predict_proba(nlp, texts: list[str]) -> np.ndarray:
    return np.array([[doc.cats[lab] for lab in LABELS] for doc in nlp.pipe(texts, batch_size=64)])


def load(path):
    import spacy

    return spacy.load(path)
