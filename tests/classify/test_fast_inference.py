"""The fast inference path computes what scikit-learn computes: same n-grams, same tf-idf matrix,
same probabilities (on the seed passages and on awkward whitespace)."""

import numpy as np
import pytest

from nlp.classify.features import model_input
from nlp.classify.sk_model import FastProba, FastVectorizer, build_pipeline, char_wb_ngrams, label_matrix
from tests.conftest import SEEDS

ODD = ["", " ", "a", "ab", "SECproblems 〔一、总体情况〕  全年  发布信息\t184条", "ＡＢＣ Abc\n\n12345热线", "一"]


@pytest.fixture(scope="module")
def seed_texts():
    from nlp.pipeline import analyze_file

    out = []
    for path in sorted(SEEDS.glob("seed_*.txt")):
        rec = analyze_file(path, tagger=False)
        out += [model_input(p["text"], p["section"], p["heading"]) for p in rec["passages"]]
    return out


@pytest.mark.parametrize("lo,hi", [(2, 4), (1, 3), (3, 3)])
def test_char_wb_ngrams_match_scikit_learn(seed_texts, lo, hi):
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=(lo, hi)).build_analyzer()
    for text in seed_texts + ODD:
        assert sorted(char_wb_ngrams(text, lo, hi)) == sorted(analyzer(text)), text


@pytest.fixture(scope="module")
def fitted(seed_texts):
    rng = np.random.default_rng(0)
    labels = [[lab for lab in ("problem", "improvement", "innovation", "participation") if rng.random() < 0.3] for _ in seed_texts]
    model = build_pipeline(cv=2).fit(seed_texts, label_matrix(labels))
    return model


def test_fast_vectorizer_is_scikit_learns_transform(fitted, seed_texts):
    texts = seed_texts + ODD
    for _, vec in fitted.named_steps["features"].transformer_list:
        ours = FastVectorizer.from_sklearn(vec).transform(texts)
        theirs = vec.transform(texts)
        assert ours.shape == theirs.shape
        assert abs(ours - theirs).max() < 1e-12


def test_fast_proba_is_predict_proba(fitted, seed_texts):
    texts = seed_texts + ODD
    assert np.allclose(FastProba.from_pipeline(fitted)(texts), fitted.predict_proba(texts), atol=1e-10)


def test_inference_arrays_round_trip(fitted, seed_texts, tmp_path):
    texts = seed_texts + ODD
    fast = FastProba.from_pipeline(fitted)
    fast.save(tmp_path / "inference.npz")
    loaded = FastProba.load(tmp_path / "inference.npz")
    # terms padded with spaces (" 公开", "开 ") come back as they were
    assert [b.terms for b in loaded.blocks] == [b.terms for b in fast.blocks]
    assert any(t.endswith(" ") for t in loaded.blocks[1].terms)
    assert np.allclose(loaded(texts), fitted.predict_proba(texts), atol=1e-10)


def test_save_and_load_keep_every_term(fitted, seed_texts, tmp_path):
    from nlp.classify.sk_model import load, save

    before = [dict(vec.vocabulary_) for _, vec in fitted.named_steps["features"].transformer_list]
    assert any(term.startswith(" ") or term.endswith(" ") for term in before[1])  # char_wb padding
    save(fitted, tmp_path / "m.skops")
    # saving leaves the fitted model as it was
    assert [vec.vocabulary_ for _, vec in fitted.named_steps["features"].transformer_list] == before
    loaded = load(tmp_path / "m.skops")
    assert [vec.vocabulary_ for _, vec in loaded.named_steps["features"].transformer_list] == before
    assert np.allclose(loaded.predict_proba(seed_texts), fitted.predict_proba(seed_texts))
