"""The annotated corpus, the saved models (provenance, no pickle) and tagging."""

import json

import pytest

from nlp.classify import LABELS
from nlp.classify.corpus import ANNOTATIONS, build_examples, load_annotations
from nlp.classify.keywords import keyword_labels
from nlp.classify.tagger import MODELS, Tagger, default_name, model_dir, sha256_of
from tests.conftest import MANIFEST, SEEDS


def test_annotations_are_references_only():
    files = sorted(ANNOTATIONS.glob("*.jsonl"))
    assert len(files) >= 60
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            assert set(a) <= {"sha256", "fingerprint", "id", "labels", "annotator"}, f  # no report text
            assert set(a["labels"]) <= set(LABELS)


def test_annotated_reports_cover_what_the_issue_asks(corpus_dir):
    annotated = set(load_annotations())
    by_sha = {e["sha256"]: e for e in MANIFEST}
    not_pingtan = {e["sha256"] for e in MANIFEST if "pingtan" not in e["file"]}
    zone_level = {e["sha256"] for e in MANIFEST if e["issuer"].startswith("平潭综合实验区（管委会）")}
    assert not_pingtan <= annotated
    assert zone_level <= annotated
    years = {by_sha[s]["year"] for s in annotated}
    assert min(years) <= 2010 and max(years) >= 2025


def test_every_annotation_finds_its_passage(corpus_dir):
    examples, summary = build_examples(corpus_dir)
    assert summary["missing_reports"] == [] and summary["unmatched_annotations"] == 0
    assert len(examples) >= 2000
    assert all(set(e.labels) <= set(LABELS) for e in examples)


def test_keyword_baseline():
    assert keyword_labels("下一步将加强政策解读，积极开展意见征集") == ["improvement", "participation"]
    assert keyword_labels("全年共发布信息184条") == []


@pytest.fixture(scope="module")
def default_dir():
    try:
        return model_dir()
    except FileNotFoundError:
        pytest.skip("no trained model under models/")


def test_model_directories_carry_provenance(default_dir):
    for d in sorted(p for p in MODELS.iterdir() if (p / "meta.json").exists()):
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        assert meta["labels"] == list(LABELS)
        assert meta["sha256"] == sha256_of(d), f"{d}: files changed since training"
        assert meta["corpus"]["reports"] >= 60 and meta["corpus"]["passages"] >= 2000
        assert meta["scores"]["macro_f1"] > meta["keyword_baseline"]["macro_f1"]
        assert not list(d.rglob("*.pkl")) and not list(d.rglob("*.pickle")) and not list(d.rglob("*.joblib"))
    assert default_name().startswith(("sklearn-", "spacy-"))


def test_default_is_the_better_model(default_dir):
    scores = {}
    for d in MODELS.iterdir():
        if (d / "meta.json").exists():
            meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
            scores[d.name] = meta["scores"]["macro_f1"]
    assert default_dir.name == max(scores, key=scores.get)


def test_skops_refuses_foreign_types(default_dir, tmp_path):
    from nlp.classify.sk_model import TRUSTED_PREFIXES

    skops_io = pytest.importorskip("skops.io")
    path = MODELS / "sklearn-passages-v1" / "model.skops"
    if not path.exists():
        pytest.skip("no sklearn model")
    assert all(t.startswith(TRUSTED_PREFIXES) for t in skops_io.get_untrusted_types(file=path))


def test_tagging_the_seed(default_dir):
    from nlp.pipeline import analyze_file

    rec = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt")
    assert rec["model"] == default_dir.name
    by_text = {p["text"]: p for p in rec["passages"]}
    p = by_text["一是政策主动公开力度不足，与政策文件库的衔接不到位，解读质量有提升空间"]
    assert "problem" in p["labels"] and set(p["scores"]) == set(LABELS)
    p = by_text["下一步，济南市行政审批服务局将聚焦短板问题，进一步压实工作责任，将政务公开纳入重要议事日程，提高公开质效。"]
    assert "improvement" in p["labels"]
    # the threshold option: 0 tags everything, 1 nothing
    everything = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt", threshold=0.0)
    assert all(set(p["labels"]) == set(LABELS) for p in everything["passages"])
    nothing = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt", threshold=1.0)
    assert all(p["labels"] == [] for p in nothing["passages"])


def test_both_models_load_and_agree_on_shape(default_dir):
    for d in sorted(p for p in MODELS.iterdir() if (p / "meta.json").exists()):
        tagger = Tagger(d)
        out = tagger.tag([{"text": "下一步将积极开展意见征集、政策评价等工作", "section": "problems"}])
        labels, scores = out[0]
        assert set(scores) == set(LABELS) and all(0 <= v <= 1 for v in scores.values())


def test_retrain_on_own_data(tmp_path):
    """`xxgk train --data my.jsonl`: the documented JSONL format, no corpus needed."""
    from typer.testing import CliRunner

    from nlp.cli import app

    rows = []
    texts = {
        "problem": ["政策解读形式单一，有待提升。", "信息公开的及时性还不够。", "网站栏目更新较慢，存在不足。", "公开深度与广度仍有差距。"],
        "improvement": ["下一步将加强政策解读。", "明年将完善公开目录。", "我们将持续优化网站栏目。", "针对问题开展整改。"],
        "innovation": ["创新推出“一卡通”服务。", "上线惠企政策平台。", "首创政策直达机制。", "打造政务公开品牌。"],
        "participation": ["开展意见征集3期。", "举办政府开放日活动。", "通过在线访谈回应关切。", "畅通政民互动留言渠道。"],
    }
    for label, items in texts.items():
        for i, t in enumerate(items):
            rows.append({"text": t, "labels": [label], "group": f"{label}-{i}"})
    rows += [{"text": f"全年发布信息{n}条。", "labels": [], "group": f"n{n}"} for n in range(8)]
    data = tmp_path / "mine.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "models"
    result = CliRunner().invoke(
        app, ["train", "--data", str(data), "--corpus", str(tmp_path / "none"), "--out", str(out), "--no-cv", "--model-kind", "sklearn"]
    )
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "sklearn-passages-v1" / "meta.json").read_text(encoding="utf-8"))
    # the user's passages are added to the annotated corpus (here only the seeds are at hand)
    assert meta["corpus"]["passages"] >= len(rows) and meta["corpus"]["extra_data"] == [str(data)]
    tagger = Tagger(out / "sklearn-passages-v1")
    labels, _ = tagger.tag([{"text": "下一步将加强政策解读工作。", "section": "none"}])[0]
    assert isinstance(labels, list)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "labels": ["good"]}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", "--data", str(bad), "--corpus", str(tmp_path / "none"), "--out", str(out), "--no-cv"])
    assert result.exit_code != 0 and "unknown label" in str(result.exception)


