"""Summaries, indicators, comparison, trends and the HTML report."""

import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.pipeline import analyze_file
from nlp.summarize.compare import reuse_ratio
from nlp.summarize.indicators import indicators
from tests.conftest import SEEDS

runner = CliRunner()


@pytest.mark.parametrize("name", ["seed_000_jinan_xzsp_2024.txt", "seed_001_jining_xzsp_2022.txt"])
def test_seed_summaries(name):
    rec = analyze_file(SEEDS / name)
    summary = rec["summary"]
    assert 3 <= len(summary) <= 5
    raw = (SEEDS / name).read_text(encoding="utf-8")
    norm = re.sub(r"\s+", "", raw)
    for s in summary:  # verbatim: in its section's text and, whitespace aside, in the file
        assert any(s in sec["text"] for sec in rec["sections"]), s
        assert re.sub(r"\s+", "", s) in norm
    by_text = {p["text"]: p for p in rec["passages"]}
    assert any(re.search(r"申请\s*\d+\s*件|依申请公开\s*\d+\s*件", s) for s in summary)  # headline numbers
    assert any("problem" in by_text[s]["labels"] for s in summary)
    assert any("improvement" in by_text[s]["labels"] for s in summary)


def test_summarize_command():
    result = runner.invoke(app, ["summarize", str(SEEDS / "seed_000_jinan_xzsp_2024.txt"), "-n", "4"])
    assert result.exit_code == 0
    lines = [ln for ln in result.output.splitlines() if ln.startswith("- ")]
    assert len(lines) == 4 and "全年共受理公众提交的政府信息公开申请135件" in result.output


def test_indicators_seed_000():
    rec = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt")
    ind = indicators(rec)
    assert ind["disclosure_rate"] == round((73 + 16) / 135, 4)
    assert ind["not_held_rate"] == round(43 / 135, 4)
    assert ind["non_processing_rate"] == round(3 / 135, 4)
    assert ind["refusal_rate"] == 0.0
    assert ind["carried_forward_share"] == 0.0
    assert ind["review_correction_rate"] is None  # no decided case: denominator 0
    assert ind["litigation_correction_rate"] is None


def test_reuse_ratio():
    last = ["一是加强政策解读工作。", "二是完善公开目录。"]
    assert reuse_ratio(["一是加强政策解读工作。", "三是推进平台建设。"], last) == 0.5
    assert reuse_ratio([], last) is None


def test_compare_trends_report_on_the_corpus(corpus_dir, tmp_path):
    import openpyxl
    import pandas as pd

    inputs = [str(p) for p in sorted(corpus_dir.glob("*_pingtan_jtjsj_*.txt"))]  # one issuer, 2016-2025
    out = tmp_path / "cmp.xlsx"
    result = runner.invoke(app, ["compare", *inputs, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    df = pd.read_excel(out)
    assert len(df) == len(inputs)
    consecutive = df[df["previous_year_path"].notna()]
    assert len(consecutive) >= 5  # 2016/17/18, 2019…2025 pairs
    assert consecutive["reuse_ratio"].between(0, 1).all()
    assert "yoy.applications.new_received.total" in df.columns and "disclosure_rate" in df.columns
    row = df[df["year"] == 2025].iloc[0]
    prev = df[df["year"] == 2024].iloc[0]
    assert row["yoy.n_passages"] == row["n_passages"] - prev["n_passages"]
    assert row["yoy.tag.improvement"] == row["tag.improvement"] - prev["tag.improvement"]
    assert openpyxl.load_workbook(out).active.max_row == len(inputs) + 1

    result = runner.invoke(app, ["trends", *inputs, "-o", str(tmp_path / "trends.xlsx"), "-q"])
    assert result.exit_code == 0, result.output
    sheets = pd.read_excel(tmp_path / "trends.xlsx", sheet_name=None)
    assert set(sheets) == {"frequencies", "keyness"}
    assert set(sheets["keyness"]["tag"]) <= {"problem", "improvement", "innovation", "participation"}

    html = tmp_path / "report.html"
    result = runner.invoke(app, ["report", *inputs, "-o", str(html), "-q"])
    assert result.exit_code == 0, result.output
    text = html.read_text(encoding="utf-8")
    assert "<script" in text and not re.search(r"<script[^>]*\ssrc=", text)  # the chart library is inline
    assert text.count('class="plotly-graph-div"') == 4


CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=15000", "--dump-dom",
]


def test_report_renders_in_headless_chromium(tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    html = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(SEEDS), "-o", str(html), "-q"])
    assert result.exit_code == 0, result.output
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", html.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout
    # plotly draws each chart as SVG into its div when its JavaScript runs
    assert dom.count('class="main-svg"') >= 4, dom[:500]
    assert "济南市行政审批服务局 2024" in dom


