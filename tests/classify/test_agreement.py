"""The second (agreement) annotations: references only, on the same passages and reports as the
first, and the agreement script's scoring."""

import json
import sys
from pathlib import Path

from nlp.classify import LABELS
from nlp.classify.corpus import ANNOTATIONS

ROOT = Path(__file__).resolve().parents[2]
SECOND = ROOT / "corpora" / "annotations" / "second"
METRIC_KEYS = {"sha256", "start", "end", "channels", "account", "measure", "value", "qualifier", "unit", "period"}


def read(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_second_passage_labels_match_the_first_passage_for_passage():
    files = sorted((SECOND / "passages").glob("*.jsonl"))
    assert files
    for f in files:
        first = read(ANNOTATIONS / f.name)
        second = read(f)
        assert [(a["sha256"], a["fingerprint"]) for a in first] == [(b["sha256"], b["fingerprint"]) for b in second], f
        for b in second:
            assert set(b) == {"sha256", "fingerprint", "id", "tags", "labels"}  # no report text
            assert set(b["tags"]) <= set(LABELS) and set(b["labels"]) <= set(b["tags"])


def test_second_metric_annotations_are_references_to_first_annotated_reports():
    files = sorted((SECOND / "metrics").glob("*.jsonl"))
    assert files
    for f in files:
        first = read(ROOT / "corpora" / "annotations" / "metrics" / f.name)
        for r in read(f):
            assert set(r) == METRIC_KEYS and r["sha256"] == first[0]["sha256"] and r["start"] < r["end"]


def test_tag_scores():
    sys.path.insert(0, str(ROOT / "scripts"))
    from agreement import tag_scores

    same = tag_scores([1, 0, 1, 0], [1, 0, 1, 0])
    assert same["f1"] == 1.0 and same["kappa"] == 1.0
    half = tag_scores([1, 1, 0, 0], [1, 0, 1, 0])
    assert half["p"] == 0.5 and half["r"] == 0.5 and half["kappa"] == 0.0
