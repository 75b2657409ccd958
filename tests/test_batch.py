"""Corpus-scale runs: --jobs, deterministic output, resume after SIGKILL, Parquet and datasets."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def make_reports(folder: Path, n: int) -> list[Path]:
    """n distinct report files (the seeds with a line that makes each file's bytes unique)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("seed_*.txt"))
    out = []
    for i in range(n):
        p = folder / f"r{i:03d}.txt"
        p.write_bytes(seeds[i % 2].read_bytes() + f"\n（副本{i}）\n".encode())
        out.append(p)
    return out


def test_jobs_give_byte_identical_records(tmp_path):
    make_reports(tmp_path / "in", 6)
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.jsonl"
        result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(out), "-j", str(jobs), "-q"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    recs = [json.loads(x) for x in outs[0].decode().splitlines()]
    assert [Path(r["source"]["path"]).name for r in recs] == [f"r{i:03d}.txt" for i in range(6)]


def test_resume_after_sigkill(tmp_path):
    inputs = make_reports(tmp_path / "in", 40)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "nlp.cli", "analyze", str(tmp_path / "in"), "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd, cwd=Path(__file__).resolve().parents[1])
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until some records are written, then kill hard
        if out.exists() and out.read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = out.read_bytes().count(b"\n")
    assert 5 <= before < 40
    with open(out, "ab") as fh:  # as if the kill had hit in the middle of a line
        fh.write(b'{"schema_version": "1", "source": {"pa')
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(out), "--resume", "-j", "2"])
    assert result.exit_code == 0, result.output
    assert f"{before} already in the output, skipped" in result.output
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    paths = [r["source"]["path"] for r in recs]
    assert sorted(paths) == sorted(str(p) for p in inputs)  # each input exactly once
    assert len(set(r["source"]["sha256"] for r in recs)) == 40
    # resuming a finished run does nothing
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(out), "--resume", "-q"])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").count("\n") == 40


def test_parquet_and_dataset_outputs(tmp_path):
    import datasets
    import pandas as pd

    pq = tmp_path / "records.parquet"
    result = runner.invoke(app, ["analyze", str(SEEDS), "-o", str(pq), "-q"])
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(pq)
    assert list(df["issuer"]) == ["济南市行政审批服务局", "济宁市行政审批服务局"]
    assert json.loads(df["record"][0])["report"]["year"] == 2024  # the whole record, nothing lost
    ds_dir = tmp_path / "ds"
    result = runner.invoke(app, ["analyze", str(SEEDS), "-o", str(ds_dir), "--format", "dataset", "-q"])
    assert result.exit_code == 0, result.output
    ds = datasets.load_from_disk(str(ds_dir))
    assert ds.num_rows == 2 and ds[1]["year"] == 2022
    assert runner.invoke(app, ["analyze", str(SEEDS), "-o", str(pq), "--resume"]).exit_code == 2


def test_analyze_dataset_paths_and_texts(tmp_path):
    import datasets

    from nlp.batch import analyze_dataset

    paths = datasets.Dataset.from_dict({"path": [str(p) for p in sorted(SEEDS.glob("seed_*.txt"))]})
    out = analyze_dataset(paths, num_proc=2)
    assert list(out["issuer"]) == ["济南市行政审批服务局", "济宁市行政审批服务局"]
    texts = datasets.Dataset.from_dict({"text": [(SEEDS / "seed_000_jinan_xzsp_2024.txt").read_text(encoding="utf-8")]})
    out = analyze_dataset(texts)
    assert out[0]["year"] == 2024 and out[0]["n_passages"] > 20
    with pytest.raises(ValueError, match="'path' or a 'text' column"):
        analyze_dataset(datasets.Dataset.from_dict({"x": [1]}))


def test_rjieba_agrees_with_jieba_except_documented(corpus_dir):
    """Documented difference: rjieba keeps a run of Latin letters/digits joined by '-' or '.'
    (2021-2035, 0591-23163387, www.pingtan.gov.cn) as one token; jieba splits it."""
    import re

    pytest.importorskip("rjieba")
    from nlp.pipeline import analyze_file
    from nlp.tokenizer import get_tokenizer

    j, r = get_tokenizer(name="jieba"), get_tokenizer(name="rjieba")
    run = re.compile(r"^[0-9A-Za-z.\-_/:]+$")

    def merged(tokens):
        out = []
        for t in tokens:
            if out and run.match(t) and run.match(out[-1]):
                out[-1] += t
            else:
                out.append(t)
        return out

    n = 0
    for path in sorted(corpus_dir.glob("[0-9]*.txt"))[::4]:
        for p in analyze_file(path, tagger=False)["passages"]:
            assert merged(j.lcut(p["text"])) == merged(r.cut(p["text"], True)), p["text"]
            n += 1
    assert n > 500
