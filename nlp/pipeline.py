"""Document -> record: the one place where the stages are chained.

``analyze_file`` never raises for a bad input: whatever happens, it returns a record whose
``status`` and ``errors`` say what went wrong, so a batch always has one record per input.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Iterator

from nlp.errors import Issue, XxgkError, issue
from nlp.ingest import DEFAULT_MAX_MB, Document, read
from nlp.segment.metadata import ReportMeta, extract_metadata
from nlp.segment.passages import fingerprint, heading_before, split_passages
from nlp.segment.sections import segment_sections

SCHEMA_VERSION = "1"
TABLE_KEYS = ("active_disclosure", "applications", "review_litigation")
SIX = ("overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters")


def empty_record(path: str, fmt: str | None = None, sha256: str | None = None) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": path, "format": fmt, "sha256": sha256, "pages": None},
        "status": "failed",
        "errors": [],
        "report": ReportMeta().to_dict(),
        "preamble": "",
        "sections": [],
        "tables": {k: {} for k in TABLE_KEYS},
        "checks": [],
        "passages": [],
        "metrics": [],
        "summary": [],
    }


def _format_of(path: str) -> str | None:
    """The format by the file's leading bytes where it can be read, else by its suffix."""
    from nlp.ingest import _SUFFIX_FORMAT, sniff_format

    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return _SUFFIX_FORMAT.get(os.path.splitext(path)[1].lower())
    return sniff_format(path, head) if head else _SUFFIX_FORMAT.get(os.path.splitext(path)[1].lower())


def failed_record(path: str, problem: Issue) -> dict:
    rec = empty_record(path, _format_of(path))
    rec["errors"].append(problem.to_dict())
    return rec


def analyze_document(doc: Document, *, tagger=None, threshold: float | None = None) -> dict:
    """Build the record of a Document that has been read."""
    from nlp.tokenizer import forget

    forget()
    rec = empty_record(doc.path, doc.format, doc.sha256)
    rec["source"]["pages"] = doc.pages
    rec["source"]["encoding"] = doc.encoding
    text = doc.text
    sections, preamble_end = segment_sections(text)
    keys = {s.key for s in sections}
    meta = extract_metadata(doc, keys)
    errors: list[Issue] = []
    if not sections and meta.title is None and meta.year is None:
        rec["errors"].append(issue("E005", path=doc.path, chars=len(text)).to_dict())
        return rec
    if meta.year is None:
        errors.append(issue("E101", path=doc.path))
    if meta.issuer is None:
        errors.append(issue("E102", path=doc.path))
    if not sections:
        errors.append(issue("E104", path=doc.path))
    elif meta.template in ("2019", "2021"):
        missing = [k for k in SIX if k not in keys]
        if missing:
            errors.append(issue("E103", path=doc.path, missing=", ".join(missing), template=meta.template))
    rec["report"] = meta.to_dict()
    rec["preamble"] = text[:preamble_end].strip()
    passages = []
    if not sections:
        rec["sections"].append({"key": "overview", "title": "", "text": text.strip()})
        sec_texts = [("overview", text.strip())]
    else:
        sec_texts = []
        for s in sections:
            stext = s.text(text)
            rec["sections"].append({"key": s.key, "title": s.title, "text": stext, "start": s.start})
            sec_texts.append((s.key, stext))
    for idx, (key, stext) in enumerate(sec_texts):
        for p in split_passages(key, stext):
            passages.append(
                {
                    "id": len(passages),
                    "section": key,
                    "section_index": idx,
                    "start": p.start,
                    "end": p.end,
                    "text": p.text,
                    "fingerprint": fingerprint(p.text),
                    "heading": heading_before(stext, p.start),
                    "labels": [],
                    "scores": {},
                }
            )
    rec["passages"] = passages
    _add_labels(rec, tagger, threshold, errors)
    _add_metrics(rec)
    from nlp.summarize.summary import summarize

    rec["summary"] = summarize(rec)
    _add_tables(rec, text, sections, meta.template, doc.path, errors)
    rec["errors"] = [e.to_dict() for e in errors]
    rec["status"] = "partial" if errors else "ok"
    return rec


def _add_labels(rec: dict, tagger, threshold: float | None, errors: list[Issue]) -> None:
    """Tag every passage with the default (or given) passage model; without a model the labels
    stay empty and the record says why."""
    from nlp.classify.tagger import ModelNotFound, get_tagger

    if tagger is False:
        return
    try:
        tagger = tagger or get_tagger()
    except ModelNotFound as exc:
        errors.append(issue("E301", path=rec["source"]["path"], reason=str(exc)))
        return
    for p, (labels, scores) in zip(rec["passages"], tagger.tag(rec["passages"], threshold), strict=True):
        p["labels"] = labels
        p["scores"] = scores
    rec["model"] = tagger.meta["name"]


def _add_metrics(rec: dict) -> None:
    """Narrative counts of every passage, and of prose written in cells of tables other than the
    three standard ones (e.g. a work-plan table's 具体措施和成效 column). The standard tables'
    cells are never metrics: they have their own records."""
    from nlp.metrics.extract import extract_metrics
    from nlp.segment.passages import prose_cells

    metrics = []
    prev: dict[int, dict] = {}
    for p in rec["passages"]:
        before = prev.get(p["section_index"])
        sec_text = rec["sections"][p["section_index"]]["text"]
        same_paragraph = before is not None and "\n" not in sec_text[before["end"] : p["start"]]
        context = before["text"] if same_paragraph else ""
        for m in extract_metrics(p["text"], passage_id=p["id"], context=context):
            metrics.append(_metric_dict(m, p["section_index"], p["start"]))
        prev[p["section_index"]] = p
    for idx, sec in enumerate(rec["sections"]):
        for start, cell in prose_cells(sec["text"]):
            for m in extract_metrics(cell):
                metrics.append(_metric_dict(m, idx, start))
    metrics.sort(key=lambda d: (d["section_index"], d["start"]))
    rec["metrics"] = metrics


def _metric_dict(m, section_index: int, offset: int) -> dict:
    d = m.to_dict()
    d["section_index"] = section_index  # start/end index into sections[section_index].text
    d["start"] += offset
    d["end"] += offset
    return d


def _add_tables(rec: dict, text: str, sections, template: str, path: str, errors: list[Issue]) -> None:
    from nlp.tables import extract_tables

    spans: dict[str, list[tuple[int, int]]] = {}
    for s in sections:
        spans.setdefault(s.key, []).append((s.body, s.end))
    narrative = "\n".join(x["text"] for x in rec["sections"] if x["key"] in ("overview", "applications"))
    out = extract_tables(text, spans, template, narrative)
    rec["tables"] = out.tables
    rec["checks"] = out.checks
    for table, rows in out.unreadable.items():
        names = ", ".join(f"{r} '{raw[:30]}'" for r, raw in rows[:6]) + (" …" if len(rows) > 6 else "")
        errors.append(issue("E201", path=path, table=table, n=len(rows), rows=names))
    if out.missing and template in ("2019", "2021"):
        errors.append(issue("E202", path=path, template=template, tables=", ".join(out.missing)))


def analyze_file(
    path: str | os.PathLike[str], *, max_mb: float = DEFAULT_MAX_MB, tagger=None, threshold: float | None = None
) -> dict:
    """Read and analyse one file; always returns a record (``status`` says how it went).

    ``tagger``: a ``nlp.classify.tagger.Tagger`` (default: the default model), or ``False`` to
    leave passage labels empty; ``threshold``: one probability cut for every tag instead of the
    model's own per-tag thresholds."""
    path = str(path)
    try:
        doc = read(path, max_mb=max_mb)
    except XxgkError as exc:
        return failed_record(path, exc.to_issue())
    except Exception as exc:  # noqa: BLE001 - a batch must go on; the record says what happened
        return failed_record(path, issue("E900", path=path, stage="reading", reason=_reason(exc)))
    try:
        return analyze_document(doc, tagger=tagger, threshold=threshold)
    except Exception as exc:  # noqa: BLE001
        rec = empty_record(path, doc.format, doc.sha256)
        rec["errors"].append(issue("E900", path=path, stage="analysing", reason=_reason(exc)).to_dict())
        return rec


def _reason(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {os.path.basename(tb[-1].filename)}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


def analyze(paths: Iterable[str | os.PathLike[str]], *, max_mb: float = DEFAULT_MAX_MB) -> Iterator[dict]:
    """One record per path, in order."""
    for p in paths:
        yield analyze_file(p, max_mb=max_mb)
