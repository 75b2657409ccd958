"""A self-contained HTML report with charts (plotly, its JavaScript embedded: no network needed)."""

from __future__ import annotations

import html
from collections import Counter, defaultdict

from nlp.classify import LABELS
from nlp.summarize.indicators import DENIED, REJECTED

OUTCOMES = {
    "予以公开": ("granted",),
    "部分公开": ("partially_granted",),
    "不予公开": DENIED,
    "无法提供": ("unable_not_held", "unable_needs_creation", "unable_unclear"),
    "不予处理": REJECTED,
    "其他处理": ("other_no_correction", "other_unpaid_fee", "other_other", "other_processing"),
}
DENIED_NAMES = ("国家秘密", "法律法规禁止", "三安全一稳定", "第三方权益", "内部事务", "过程性信息", "执法案卷", "行政查询")


def _val(rec: dict, row: str) -> int:
    cell = (rec.get("tables", {}).get("applications") or {}).get(row, {}).get("total", {})
    v = cell.get("value") if isinstance(cell, dict) else None
    return v if isinstance(v, int) else 0


def _label(rec: dict) -> str:
    return f"{rec['report'].get('issuer') or rec['source']['path']} {rec['report'].get('year') or ''}".strip()


def figures(records: list[dict]) -> list[tuple[str, object]]:
    import plotly.graph_objects as go

    figs = []
    with_tables = [r for r in records if r.get("tables", {}).get("applications")]
    labels = [_label(r) for r in with_tables]
    fig = go.Figure()
    for name, rows in OUTCOMES.items():
        fig.add_bar(name=name, x=labels, y=[sum(_val(r, row) for row in rows) for r in with_tables])
    fig.update_layout(barmode="stack", title="办理结果 Outcomes of applications by report", xaxis_tickangle=-45, height=520)
    figs.append(("Applications and outcomes by report", fig))

    totals = [sum(_val(r, row) for r in with_tables) for row in DENIED]
    fig = go.Figure(go.Bar(x=list(DENIED_NAMES), y=totals))
    fig.update_layout(title="不予公开理由 Refusal reasons (all reports)")
    figs.append(("Refusal reasons", fig))

    followers: dict[str, float] = defaultdict(float)
    for r in records:
        for m in r.get("metrics", []):
            if m["measure"] == "followers":
                followers[_label(r)] = max(followers[_label(r)], float(m["value"]))
    top = sorted(followers.items(), key=lambda kv: -kv[1])[:30]
    fig = go.Figure(go.Bar(x=[k for k, _ in top], y=[v for _, v in top]))
    fig.update_layout(title="新媒体粉丝 New-media followers by agency (largest stated count)", xaxis_tickangle=-45, height=520)
    figs.append(("New-media followers by agency", fig))

    per_year: dict[int, Counter] = defaultdict(Counter)
    for r in records:
        y = r["report"].get("year")
        if not y:
            continue
        for p in r.get("passages", []):
            per_year[y]["passages"] += 1
            for lab in p.get("labels", []):
                per_year[y][lab] += 1
    years = sorted(per_year)
    fig = go.Figure()
    for lab in LABELS:
        fig.add_scatter(name=lab, x=years, y=[per_year[y][lab] / max(1, per_year[y]["passages"]) for y in years], mode="lines+markers")
    fig.update_layout(title="Share of passages per tag, by year", yaxis_tickformat=".0%")
    figs.append(("Tag frequencies by year", fig))
    return figs


def failing_checks_table(records: list[dict]) -> str:
    rows = []
    for r in records:
        for c in r.get("checks", []):
            if not c["ok"]:
                rows.append(
                    f"<tr><td>{html.escape(_label(r))}</td><td>{c['rule']}</td><td>{html.escape(c['where'])}</td>"
                    f"<td>{c['expected']}</td><td>{c['actual']}</td></tr>"
                )
    if not rows:
        return "<p>No arithmetic check fails.</p>"
    head = "<tr><th>report</th><th>rule</th><th>where</th><th>expected</th><th>actual</th></tr>"
    return f"<table class='checks'>{head}{''.join(rows)}</table>"


def render(records: list[dict], title: str = "xxgk report") -> str:
    """One HTML page: the plotly library is embedded once, then every chart and the checks."""
    parts = []
    for i, (heading, fig) in enumerate(figures(records)):
        div = fig.to_html(full_html=False, include_plotlyjs="inline" if i == 0 else False, div_id=f"chart{i}")
        parts.append(f"<section><h2>{html.escape(heading)}</h2>{div}</section>")
    parts.append(f"<section><h2>Failing arithmetic checks</h2>{failing_checks_table(records)}</section>")
    n = len(records)
    return (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table.checks{border-collapse:collapse}"
        "table.checks td,table.checks th{border:1px solid #ccc;padding:2px 6px}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{n} report(s)</p>" + "".join(parts) + "</body></html>"
    )
