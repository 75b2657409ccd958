from nlp.pipeline import analyze_file
from nlp.tables.checks import application_checks, review_checks, text_checks
from nlp.tables.vocab import APPLICANT_COLUMNS, APPLICATION_ROW_KEYS
from tests.conftest import SEEDS


def table(values: dict[str, list[int | None]]) -> dict:
    """applications table from rows of seven values (other rows all zero)."""
    out = {}
    for row in APPLICATION_ROW_KEYS:
        vals = values.get(row, [0] * 7)
        out[row] = {c: {"value": v, "raw": str(v)} for c, v in zip(APPLICANT_COLUMNS, vals, strict=True)}
    return out


def failing(checks):
    return [(c["rule"], c["where"], c["expected"], c["actual"]) for c in checks if not c["ok"]]


def test_consistent_table_passes_every_rule():
    apps = table(
        {
            "new_received": [5, 1, 0, 0, 0, 0, 6],
            "granted": [4, 1, 0, 0, 0, 0, 5],
            "unable_not_held": [1, 0, 0, 0, 0, 0, 1],
            "results_total": [5, 1, 0, 0, 0, 0, 6],
        }
    )
    checks = application_checks(apps)
    assert failing(checks) == []
    assert {c["rule"] for c in checks} == {"identity", "results_sum", "row_total"}
    # rule 1 and 2 for each of the 7 columns, rule 3 for each of the 25 rows
    assert len(checks) == 7 + 7 + 25


def test_each_rule_reports_its_cells():
    # the 151/167 pattern: three applications received, outcomes and 总计 all zero
    apps = table({"new_received": [3, 0, 0, 0, 0, 0, 3]})
    fails = failing(application_checks(apps))
    assert ("identity", "applications[natural_person]", 3, 0) in fails
    assert ("identity", "applications[total]", 3, 0) in fails
    ident = next(c for c in application_checks(apps) if c["rule"] == "identity" and not c["ok"])
    assert ident["cells"] == [
        "applications.new_received.natural_person",
        "applications.carried_over.natural_person",
        "applications.results_total.natural_person",
        "applications.carried_forward.natural_person",
    ]
    # a row whose total is not the sum of its six columns
    apps = table({"granted": [2, 1, 0, 0, 0, 0, 2], "new_received": [2, 1, 0, 0, 0, 0, 3], "results_total": [2, 1, 0, 0, 0, 0, 3]})
    assert ("row_total", "applications.granted", 3, 2) in failing(application_checks(apps))


def test_null_cells_are_not_checked():
    apps = table({"new_received": [None, 0, 0, 0, 0, 0, 3]})
    evaluated = {(c["rule"], c["where"]) for c in application_checks(apps)}
    assert ("identity", "applications[natural_person]") not in evaluated
    assert ("row_total", "applications.new_received") not in evaluated
    assert ("results_sum", "applications[natural_person]") in evaluated  # does not involve the null cell


def test_review_rule():
    review = {
        "review": {f: {"value": v} for f, v in zip(["upheld", "corrected", "other", "pending", "total"], [10, 1, 0, 0, 0], strict=True)},
        "litigation_direct": {f: {"value": 0} for f in ["upheld", "corrected", "other", "pending", "total"]},
    }
    assert failing(review_checks(review)) == [("review_total", "review_litigation.review", 11, 0)]


def test_text_against_table():
    apps = table({"new_received": [16, 1, 0, 0, 0, 0, 17]})
    (check,) = text_checks(apps, "2024年，区政府办代表区政府受理政府信息公开申请95件，均已答复。")
    assert (check["rule"], check["ok"], check["expected"], check["actual"]) == ("text_vs_table", False, 95, 17)
    assert check["text"] == "受理政府信息公开申请95件"
    assert text_checks(apps, "全年共受理公众提交的政府信息公开申请17件") [0]["ok"]


def test_seed_record_checks_and_narrative():
    rec = analyze_file(SEEDS / "seed_000_jinan_xzsp_2024.txt")
    t5 = [c for c in rec["checks"] if c["rule"] == "text_vs_table"]
    assert t5 and t5[0]["ok"] and t5[0]["expected"] == 135
    assert all(c["ok"] for c in rec["checks"])


def test_run_together_rows_are_flagged_not_guessed(corpus_dir):
    rec = analyze_file(corpus_dir / "020_pingtan_2024.txt")
    cell = rec["tables"]["applications"]["new_received"]["total"]
    assert cell == {"value": None, "raw": "21710000218", "unreadable": True}
    assert rec["tables"]["applications"]["carried_over"]["total"]["value"] == 0  # "0000000": one reading
    assert rec["status"] == "partial"
    e201 = [e["message"] for e in rec["errors"] if e["code"] == "E201"]
    assert any("table applications" in m and "new_received '21710000218'" in m for m in e201)
