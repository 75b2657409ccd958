import json
import subprocess
import sys

from typer.testing import CliRunner

from nlp.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def run(args):
    return runner.invoke(app, args)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_analyze_seeds(tmp_path):
    out = tmp_path / "records.jsonl"
    result = run(["analyze", str(SEEDS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    recs = read_jsonl(out)
    assert [r["report"]["issuer"] for r in recs] == ["济南市行政审批服务局", "济宁市行政审批服务局"]
    assert [r["report"]["year"] for r in recs] == [2024, 2022]
    assert all(r["status"] == "ok" and r["errors"] == [] for r in recs)
    assert recs[0]["report"]["region"] == {"province": "山东省", "city": "济南市", "county": None}
    assert recs[0]["report"]["level"] == "city" and recs[0]["report"]["template"] == "2021"


def test_batch_goes_on_and_accounts_for_every_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "noise.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    notreport = tmp_path / "notes.txt"
    notreport.write_text("今天天气很好，我们去公园散步。", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    seed = SEEDS / "seed_000_jinan_xzsp_2024.txt"
    inputs = [empty, seed, binary, missing, pdf, notreport]
    out = tmp_path / "out.jsonl"
    result = run(["analyze", *map(str, inputs), "-o", str(out)])
    assert result.exit_code == 1
    recs = read_jsonl(out)
    assert [r["source"]["path"] for r in recs] == [str(p) for p in inputs]
    codes = [[e["code"] for e in r["errors"]] for r in recs]
    assert codes == [["E002"], [], ["E003"], ["E001"], ["E011"], ["E005"]]
    assert [r["status"] for r in recs] == ["failed", "ok", "failed", "failed", "failed", "failed"]
    for rec, path in zip(recs, inputs, strict=True):
        for e in rec["errors"]:
            assert str(path) in e["message"]
    assert "6 file(s): ok 1, partial 0, failed 5" in result.output


def test_globs_and_unmatched_glob(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run(["analyze", str(SEEDS / "seed_*.txt"), str(tmp_path / "nothing-*.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    recs = read_jsonl(out)
    assert [r["status"] for r in recs] == ["ok", "ok", "failed"]
    assert recs[2]["errors"][0]["code"] == "E001"


def test_help_does_not_import_heavy_libraries():
    probe = (
        "import sys, nlp, nlp.cli\n"
        "heavy = [m for m in ('pandas','sklearn','spacy','datasets','jieba','cpca','pyarrow','numpy') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_records_open_in_pandas_and_datasets(tmp_path):
    import datasets
    import pandas as pd

    out = tmp_path / "records.jsonl"
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert run(["analyze", str(SEEDS), str(bad), "-o", str(out), "-q"]).exit_code == 1
    df = pd.read_json(out, lines=True)
    assert list(df["status"]) == ["ok", "ok", "failed"]
    ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    assert ds.num_rows == 3 and ds[0]["report"]["issuer"] == "济南市行政审批服务局"


def test_tables_and_check_commands(tmp_path):
    import openpyxl
    import pandas as pd

    xlsx, parquet, csv, checks = (tmp_path / n for n in ("t.xlsx", "t.parquet", "t.csv", "c.csv"))
    for out in (xlsx, parquet, csv):
        result = run(["tables", str(SEEDS), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
    df = pd.read_parquet(parquet)
    assert list(df["issuer"]) == ["济南市行政审批服务局", "济宁市行政审批服务局"]
    assert list(df["applications.new_received.total"]) == [135, 5]
    assert str(df["applications.new_received.total"].dtype) == "Int64"
    assert list(df["active_disclosure.administrative_fees.amount"]) == ["0", "0"]
    assert list(pd.read_csv(csv)["year"]) == [2024, 2022]
    sheet = openpyxl.load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["path", "sha256", "format", "status"] and "review_litigation.review.total" in header
    assert sheet.max_row == 3
    result = run(["check", str(SEEDS), "-o", str(checks), "-q"])
    assert result.exit_code == 0
    assert "0 failing check(s) in 0 report(s)" in result.output
    assert run(["tables", str(SEEDS), "-o", str(tmp_path / "t.txt")]).exit_code == 2  # unknown format
