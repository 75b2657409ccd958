"""The bad-input suite: one batch of unusable files; each gets its own error code, none stops the batch."""

import json

import pytest
from typer.testing import CliRunner

from nlp.cli import app
from tests.conftest import SEEDS

SEED = SEEDS / "seed_000_jinan_xzsp_2024.txt"


def _pdf_fixtures():
    pytest.importorskip("reportlab")
    from tests.ingest.test_pdf import _encrypted, _image_only, make_pdf

    good = make_pdf()
    return {
        "truncated.pdf": good[: len(good) // 2],
        "password.pdf": _encrypted(good),
        "scan.pdf": _image_only(),
        "renamed-pdf.docx": good,  # a PDF with the wrong extension is still read as PDF
    }


def test_bad_input_batch(tmp_path):
    files = {
        "zero.txt": b"",
        "blank.txt": b"   \n\n  \n",
        "random.txt": bytes((i * 7919) % 256 for i in range(50_000)),
        "nav.html": (
            "<html><body><nav><a href='/'>首页</a><a href='/a'>政务公开</a></nav>"
            "<footer>版权所有</footer></body></html>"
        ).encode(),
        "not-a-docx.docx": b"PK\x03\x04" + bytes(200),
        "renamed-text.pdf": SEED.read_bytes(),  # a text report named .pdf is read as text
        **_pdf_fixtures(),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # a 51 MB text file
        chunk = ("全年共受理政府信息公开申请135件。\n" * 1000).encode()
        while fh.tell() < 51 * 1024 * 1024:
            fh.write(chunk)
    paths.append(big)
    paths.append(tmp_path / "missing.txt")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", *map(str, paths), "-o", str(out)])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["path"] for r in recs] == [str(p) for p in paths]
    got = {rec["source"]["path"].rsplit("/", 1)[1]: [e["code"] for e in rec["errors"]] for rec in recs}
    assert got == {
        "zero.txt": ["E002"],
        "blank.txt": ["E005"],
        "random.txt": ["E003"],
        "nav.html": ["E005"],
        "not-a-docx.docx": ["E011"],
        "renamed-text.pdf": [],
        "truncated.pdf": ["E011"],
        "password.pdf": ["E010"],
        "scan.pdf": ["E009"],
        "renamed-pdf.docx": ["E103", "E202"],  # read as PDF; the fixture has 4 of 6 sections, no table 3/4
        "huge.txt": ["E006"],
        "missing.txt": ["E001"],
    }
    by_name = {r["source"]["path"].rsplit("/", 1)[1]: r for r in recs}
    assert by_name["renamed-text.pdf"]["source"]["format"] == "txt"
    assert by_name["renamed-text.pdf"]["report"]["issuer"] == "济南市行政审批服务局"
    assert by_name["renamed-pdf.docx"]["source"]["format"] == "pdf"
    for rec in recs:
        for e in rec["errors"]:
            assert rec["source"]["path"] in e["message"], e  # every message names its file
    assert "12 file(s): ok 1, partial 1, failed 10" in result.output
    assert "Traceback" not in result.output
