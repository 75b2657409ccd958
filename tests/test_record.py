"""The record follows ../shared/spec/record.md: field names, types and enumerations."""

import json
from functools import cache

import pytest

from nlp.pipeline import analyze_file
from tests.conftest import SEEDS

SECTION_KEYS = {"overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"}


@pytest.fixture(scope="module", params=sorted(SEEDS.glob("seed_*.txt")), ids=lambda p: p.name)
def record(request):
    return analyze_file(request.param)


def test_shape(record):
    assert record["schema_version"] == "1"
    assert set(record) >= {
        "source", "status", "errors", "report", "sections", "tables", "checks", "passages", "metrics", "summary",
    }
    src = record["source"]
    assert src["format"] == "txt" and len(src["sha256"]) == 64 and src["pages"] is None
    assert record["status"] in ("ok", "partial", "failed")
    rep = record["report"]
    assert set(rep) == {"title", "issuer", "year", "level", "region", "template"}
    assert rep["level"] in ("central", "province", "city", "county", "township", None)
    assert set(rep["region"]) == {"province", "city", "county"}
    assert rep["template"] in ("2021", "2019", "2008", "unknown")
    assert set(record["tables"]) == {"active_disclosure", "applications", "review_litigation"}
    for s in record["sections"]:
        assert s["key"] in SECTION_KEYS and isinstance(s["title"], str) and s["text"]
    ids = [p["id"] for p in record["passages"]]
    assert ids == list(range(len(ids)))
    for p in record["passages"]:
        assert p["section"] in SECTION_KEYS
        assert set(p["labels"]) <= {"problem", "improvement", "innovation", "participation"}
        assert set(p["scores"]) in ({"problem", "improvement", "innovation", "participation"}, set())
    json.dumps(record, ensure_ascii=False)  # serialisable


@cache
def seed(name: str) -> dict:
    return analyze_file(SEEDS / name)


def test_seed_000_sections_and_passages():
    record = seed("seed_000_jinan_xzsp_2024.txt")
    titles = [s["title"] for s in record["sections"]]
    assert titles == [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "政府信息公开工作存在的主要问题及改进情况",
        "其他需要报告的事项",
    ]
    texts = [p["text"] for p in record["passages"]]
    # the examples of labels.md come out as passages, verbatim
    assert "一是政策主动公开力度不足，与政策文件库的衔接不到位，解读质量有提升空间" in texts
    assert (
        "二是扎实做好公众参与工作，积极开展政策直播、政府开放等活动，回应群众关切，听取意见建议，提升服务效能" in texts
    )
    # table cells and sub-headings are not passages
    assert not any(t.startswith(("（五）监督保障情况", "规章", "行政许可")) for t in texts)
    assert not any("本年收费金额" in t or "三安全一稳定" in t for t in texts)
    # artefacts from the Word conversion are gone, the original is kept
    assert "[image" not in record["sections"][0]["text"] and "[bookmark" not in record["sections"][4]["text"]


def test_seed_001_innovation_passage():
    record = seed("seed_001_jining_xzsp_2022.txt")
    texts = [p["text"] for p in record["passages"]]
    assert any(t.startswith("惠企政策网上查。开发济宁市“惠企通”服务平台") for t in texts)
    assert any(t.startswith("下一步将注重利用短视频、长图、新闻媒体等方式多渠道对政策文件和办公会议进行解读") for t in texts)
    # a sentence broken over a page break in the Word conversion is repaired
    assert any("落实主要负责同志“第一解读人和责任人”制度" in t for t in texts)
