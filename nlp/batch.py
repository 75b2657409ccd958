"""Corpus-scale runs: records in input order from a pool of worker processes, streamed to JSON
Lines or Parquet, resumable after a crash.

- ``run(paths, jobs=N)``: one record per path, in input order, at most ``window`` in flight, so
  memory does not grow with the corpus; every worker loads the passage model once.
- Records are serialised in the worker (``json.dumps``, ``ensure_ascii=False``, keys in record
  order): the same inputs give byte-identical lines whatever ``jobs``.
- ``done_keys(output)``: what a JSONL output already holds (by file sha256, or by path for files
  that could not be read), after cutting off a last line that a killed run left half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from nlp.ingest import DEFAULT_MAX_MB

_WORKER: dict = {}


def _one_blas_thread():
    """Keep BLAS (numpy's OpenBLAS) to one thread in a batch process. Its matrices here are
    small (TextRank, tagging) and its idle threads spin: with two of them per process a
    ``--jobs 2`` run on two cores spent a third of its CPU time spinning and reached 1.5x instead
    of 2x. The returned limiter is kept for the life of the process (or used as a context)."""
    import numpy  # noqa: F401 - load OpenBLAS so that threadpoolctl sees it
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _init_worker(model: str | None, threshold: float | None, max_mb: float, tag: bool, worker: bool = True) -> None:
    if worker:  # a process of our own: decided before OpenBLAS starts its threads
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        _WORKER["blas"] = _one_blas_thread()
    _WORKER.update(threshold=threshold, max_mb=max_mb, tagger=None)
    if tag:
        from nlp.classify.tagger import ModelNotFound, get_tagger

        try:
            _WORKER["tagger"] = get_tagger(model)
        except ModelNotFound:
            _WORKER["tagger"] = None  # each record then says why (E301)
    else:
        _WORKER["tagger"] = False


def _analyze(path: str) -> dict:
    from nlp.pipeline import analyze_file

    return analyze_file(path, max_mb=_WORKER["max_mb"], tagger=_WORKER["tagger"], threshold=_WORKER["threshold"])


def _work(path: str) -> str:
    return json.dumps(_analyze(path), ensure_ascii=False)


def _work_with_status(path: str) -> tuple[str, str, list[tuple[str, str]]]:
    """The record line plus what the main process needs for its counters, so that it does not
    have to parse every record again (it would become the bottleneck of a parallel run)."""
    rec = _analyze(path)
    return json.dumps(rec, ensure_ascii=False), rec["status"], [(e["code"], e["message"]) for e in rec["errors"]]


def run(
    paths: Iterable[str],
    *,
    jobs: int = 1,
    model: str | None = None,
    threshold: float | None = None,
    max_mb: float = DEFAULT_MAX_MB,
    tag: bool = True,
    window: int | None = None,
) -> Iterator[tuple[str, tuple[str, str, list[tuple[str, str]]]]]:
    """(path, (record as a JSON line, status, [(error code, message)])) for every path, in order."""
    if jobs <= 1:
        _init_worker(model, threshold, max_mb, tag, worker=False)
        with _one_blas_thread():  # this process is the caller's: the limit ends with the run
            for p in paths:
                yield p, _work_with_status(p)
        return
    window = window or jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model, threshold, max_mb, tag)) as pool:
        pending: deque[tuple[str, Future]] = deque()
        it = iter(paths)
        for p in it:
            pending.append((p, pool.submit(_work_with_status, p)))
            if len(pending) >= window:
                break
        while pending:
            p, fut = pending.popleft()
            yield p, fut.result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(_work_with_status, nxt)))


def file_sha256(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def repair_tail(output: Path) -> int:
    """Cut a half-written last line (a run killed while writing); returns the bytes removed."""
    if not output.exists():
        return 0
    size = output.stat().st_size
    if size == 0:
        return 0
    with open(output, "rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return 0
        # find the last newline
        pos = size - 1
        step = 1 << 16
        while pos > 0:
            start = max(0, pos - step)
            fh.seek(start)
            chunk = fh.read(pos - start)
            idx = chunk.rfind(b"\n")
            if idx != -1:
                cut = start + idx + 1
                fh.truncate(cut)
                return size - cut
            pos = start
        fh.truncate(0)
        return size


def done_keys(output: Path) -> set[str]:
    """Keys of the records already in a JSONL output: ``sha:<sha256>`` and ``path:<path>``."""
    keys: set[str] = set()
    if not output.exists():
        return keys
    repair_tail(output)
    with open(output, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            src = json.loads(line)["source"]
            if src.get("sha256"):
                keys.add("sha:" + src["sha256"])
            keys.add("path:" + src["path"])
    return keys


def is_done(path: str, keys: set[str]) -> bool:
    """An input is done when a record of the same file content (or, for a file that could not be
    read, the same path) is already in the output."""
    sha = file_sha256(path)
    return ("sha:" + sha) in keys if sha else ("path:" + path) in keys


# ---- outputs -------------------------------------------------------------------------------------
FLAT_COLUMNS = (
    "path", "format", "sha256", "status", "title", "issuer", "year", "level", "province", "city", "county",
    "template", "n_sections", "n_passages", "n_metrics", "n_checks_failed", "errors", "record",
)


def flat_row(line: str) -> dict:
    """One record as a flat row for Parquet / ``datasets``: the metadata as columns, the errors
    and the whole record as JSON text (nothing lost)."""
    from nlp.io.frames import meta_row

    rec = json.loads(line)
    return {
        **meta_row(rec),
        "title": rec["report"].get("title"),
        "n_sections": len(rec["sections"]),
        "n_passages": len(rec["passages"]),
        "n_metrics": len(rec["metrics"]),
        "n_checks_failed": sum(1 for c in rec["checks"] if not c["ok"]),
        "errors": json.dumps(rec["errors"], ensure_ascii=False),
        "record": line,
    }


def arrow_schema():
    import pyarrow as pa

    types = {"year": pa.int64(), "n_sections": pa.int64(), "n_passages": pa.int64(), "n_metrics": pa.int64(), "n_checks_failed": pa.int64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])


class ParquetSink:
    """Rows written in batches (memory bounded by ``batch``)."""

    def __init__(self, path: Path, batch: int = 256) -> None:
        import pyarrow.parquet as pq

        self.schema = arrow_schema()
        self.writer = pq.ParquetWriter(str(path), self.schema)
        self.rows: list[dict] = []
        self.batch = batch

    def write(self, line: str) -> None:
        self.rows.append(flat_row(line))
        if len(self.rows) >= self.batch:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def write_parquet(lines: Iterable[str], path: Path) -> None:
    """Stream record lines into a Parquet file (closed even when the run stops early)."""
    sink = ParquetSink(path)
    try:
        for line in lines:
            sink.write(line)
    finally:
        sink.close()


def analyze_dataset(ds, *, num_proc: int | None = None, model: str | None = None, threshold: float | None = None):
    """Analyse a ``datasets.Dataset`` whose rows hold a ``path`` (a report file) or a ``text`` (a
    report's text): returns it with the flat record columns added (``record`` holds the full JSON).
    Workers load the model once each (``num_proc`` processes)."""
    if "path" not in ds.column_names and "text" not in ds.column_names:
        raise ValueError(f"the dataset needs a 'path' or a 'text' column; it has {ds.column_names}")

    def fn(row: dict) -> dict:
        if _WORKER.get("pid") != os.getpid():
            # in a worker process of datasets' own, BLAS is limited for good; in the caller's
            # process (num_proc None) the caller's settings are left alone
            _init_worker(model, threshold, DEFAULT_MAX_MB, True, worker=bool(num_proc and num_proc > 1))
            _WORKER["pid"] = os.getpid()
        if row.get("path"):
            line = _work(row["path"])
        else:
            line = json.dumps(_analyze_text(row["text"], row.get("name") or "text"), ensure_ascii=False)
        return flat_row(line)

    return ds.map(fn, num_proc=num_proc, desc="xxgk analyze")


def _analyze_text(text: str, name: str) -> dict:
    """A record for a report given as text (not a file)."""
    from nlp.ingest.text import read_text
    from nlp.pipeline import analyze_document

    data = text.encode("utf-8")
    doc = read_text(name, data, "txt", hashlib.sha256(data).hexdigest())
    return analyze_document(doc, tagger=_WORKER.get("tagger"), threshold=_WORKER.get("threshold"))
