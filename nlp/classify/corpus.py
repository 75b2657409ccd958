"""The annotated passage corpus: hand labels stored by reference, joined with the reports' passages.

Annotations live in ``corpora/annotations/passages/<report>.jsonl``: one line per passage with the
report's sha256, the passage fingerprint (``nlp.segment.passages.fingerprint``) and its labels.
The report texts are not committed (except the seeds): ``build_examples`` re-reads each report
from ``../shared/corpus`` (or ``corpora/reports``), re-cuts its passages and joins the labels on
(sha256, fingerprint).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from nlp.classify import LABELS

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "corpora" / "annotations" / "passages"
SEEDS = ROOT / "corpora" / "reports"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class Example:
    report: str  # sha256 of the report file (the group for cross-validation)
    file: str
    issuer: str | None
    year: int | None
    level: str | None
    template: str
    section: str
    heading: str
    text: str
    fingerprint: str
    labels: list[str]

    def to_dict(self) -> dict:
        return asdict(self)


def load_annotations(folder: Path = ANNOTATIONS) -> dict[str, dict[str, list[str]]]:
    """sha256 -> fingerprint -> labels."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            a = json.loads(line)
            bad = set(a["labels"]) - set(LABELS)
            if bad:
                raise ValueError(f"{path}: unknown label(s) {sorted(bad)}; allowed: {', '.join(LABELS)}")
            out.setdefault(a["sha256"], {})[a["fingerprint"]] = sorted(a["labels"])
    return out


def report_paths(corpus: Path = DEFAULT_CORPUS) -> dict[str, Path]:
    """sha256 -> file, for the seeds and every report in the corpus manifest."""
    import hashlib

    paths: dict[str, Path] = {}
    manifest = corpus / "manifest.jsonl"
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            if e.get("sha256") and (corpus / e["file"]).exists():
                paths[e["sha256"]] = corpus / e["file"]
    for f in sorted(SEEDS.glob("*")):
        if f.is_file() and f.suffix in (".txt", ".md"):
            paths[hashlib.sha256(f.read_bytes()).hexdigest()] = f
    return paths


def build_examples(corpus: Path = DEFAULT_CORPUS, annotations: Path = ANNOTATIONS) -> tuple[list[Example], dict]:
    """Labelled passages of every annotated report, and a summary (reports found/missing)."""
    from nlp.pipeline import analyze_file

    labels = load_annotations(annotations)
    paths = report_paths(corpus)
    examples: list[Example] = []
    missing, unmatched = [], 0
    for sha, by_fp in labels.items():
        path = paths.get(sha)
        if path is None:
            missing.append(sha)
            continue
        rec = analyze_file(path)
        rep = rec["report"]
        seen = set()
        for p in rec["passages"]:
            fp = p["fingerprint"]
            if fp not in by_fp or fp in seen:
                continue
            seen.add(fp)
            examples.append(
                Example(
                    sha, path.name, rep["issuer"], rep["year"], rep["level"], rep["template"],
                    p["section"], p["heading"], p["text"], fp, by_fp[fp],
                )
            )
        unmatched += len(set(by_fp) - seen)
    summary = {"reports": len(labels) - len(missing), "missing_reports": missing, "unmatched_annotations": unmatched}
    return examples, summary


def to_dataset(examples: list[Example]):
    """A ``datasets.Dataset`` with a multi-label column and one 0/1 column per tag."""
    import datasets

    rows = [e.to_dict() for e in examples]
    for r in rows:
        for lab in LABELS:
            r[lab] = int(lab in r["labels"])
    return datasets.Dataset.from_list(rows)
