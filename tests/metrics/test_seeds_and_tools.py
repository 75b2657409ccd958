"""Every metric of both seed reports against their hand annotation, the spaCy component, the
tokenizer, and ``xxgk metrics``."""

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.pipeline import analyze_file
from tests.conftest import SEEDS

ANN = Path(__file__).resolve().parents[2] / "corpora" / "annotations" / "metrics"

# Where the extractor and the hand annotation of seed_001 differ (checked by hand); everything
# else must match exactly, so a change in either shows up here.
SEED_001_MISSED = Counter(
    {
        (("new_media",), "interpretations", 30): 1,  # 一图读懂30余幅: the list names 新闻发布会 last
        (("new_media",), "views", 300000): 1,
        (("other", "website", "wechat_official", "weibo"), "other", 135): 1,  # 官方宣传账号135个
        (("other", "website", "wechat_official", "weibo"), "posts", 168000): 1,
        (("other",), "other", 1300): 1,  # 为1300多家企业 (the platform named sentences before)
        (("other",), "rate", 99.75): 1,
        (("unspecified",), "events", 25): 1,  # "25期" alone in a table cell
        (("unspecified",), "other", 19): 1,  # 建议、政协提案19件 (combined)
    }
)
SEED_001_EXTRA = Counter(
    {
        (("press_conference",), "interpretations", 30): 1,
        (("press_conference",), "views", 300000): 1,
        (("wechat_official", "weibo"), "other", 135): 1,
        (("wechat_official", "weibo"), "posts", 168000): 1,
        (("unspecified",), "other", 1300): 1,
        (("unspecified",), "rate", 99.75): 1,
        (("unspecified",), "proposals", 19): 1,
    }
)


def key(r):
    return (tuple(sorted(r["channels"])), r["measure"], round(float(r["value"]), 4))


def compare(name):
    gold = Counter(key(json.loads(x)) for x in (ANN / f"{Path(name).stem}.jsonl").read_text(encoding="utf-8").splitlines())
    pred = Counter(key(m) for m in analyze_file(SEEDS / name)["metrics"])
    return gold - pred, pred - gold


def test_seed_000_every_metric():
    missed, extra = compare("seed_000_jinan_xzsp_2024.txt")
    assert missed == Counter() and extra == Counter()


def test_seed_001_every_metric():
    missed, extra = compare("seed_001_jining_xzsp_2022.txt")
    assert missed == SEED_001_MISSED
    assert extra == SEED_001_EXTRA


def test_metric_text_is_verbatim_in_its_section():
    rec = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt")
    for m in rec["metrics"]:
        sec = rec["sections"][m["section_index"]]["text"]
        assert sec[m["start"] : m["end"]] == m["text"]
        if m["passage_id"] is not None:
            assert m["text"] in rec["passages"][m["passage_id"]]["text"]


def test_own_tokenizer_leaves_jieba_global_alone():
    import jieba

    from nlp.tokenizer import cut, get_tokenizer

    assert "微信视频号" in cut("微信视频号、抖音号发布120期短视频")
    assert get_tokenizer() is not jieba.dt
    assert "微信视频号" not in jieba.dt.FREQ  # the domain words went into our instance only


def test_spacy_component():
    spacy = pytest.importorskip("spacy")
    from nlp.metrics.spacy_component import make_pipeline

    nlp = make_pipeline()
    assert nlp.pipe_names == ["xxgk_metrics"] and isinstance(nlp, spacy.language.Language)
    doc = nlp("截至目前，微信公众号对外发布信息5400余篇，关注用户6万余人")
    got = [(s.text, s._.metric["measure"], s._.metric["value"], s._.metric["channels"]) for s in doc.spans["metrics"]]
    assert got == [
        ("信息5400余篇", "posts", 5400, ["wechat_official"]),
        ("关注用户6万余人", "followers", 60000, ["wechat_official"]),
    ]


def test_metrics_command(tmp_path):
    import pandas as pd

    out = tmp_path / "m.parquet"
    result = CliRunner().invoke(app, ["metrics", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    assert set(df["issuer"]) == {"济南市行政审批服务局", "济宁市行政审批服务局"}
    row = df[df["text"] == "关注用户6万余人"].iloc[0]
    assert (row["channels"], row["measure"], row["value"], row["qualifier"], row["period"]) == (
        "wechat_official", "followers", 60000.0, "over", "cumulative",
    )
