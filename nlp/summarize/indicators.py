"""Indicators the published studies of these reports compute from table 3 and table 4, each
defined once here. An indicator is null where its denominator is zero or a cell is missing.

- disclosure_rate: (予以公开 + 部分公开) / 办理结果总计
- refusal_rate: 不予公开 (the eight reasons) / 办理结果总计
- not_held_rate: 本机关不掌握相关政府信息 / 办理结果总计
- non_processing_rate: 不予处理 (the five reasons) / 办理结果总计
- carried_forward_share: 结转下年度继续办理 / (本年新收 + 上年结转)
- review_correction_rate: 复议结果纠正 / (复议总计 − 尚未审结)
- litigation_correction_rate: 诉讼结果纠正 / (诉讼总计 − 尚未审结), both kinds of litigation
"""

from __future__ import annotations

DENIED = tuple(
    f"denied_{k}"
    for k in (
        "state_secret", "prohibited_by_law", "security_stability", "third_party_rights",
        "internal_affairs", "process_information", "enforcement_files", "administrative_inquiry",
    )
)
REJECTED = tuple(f"rejected_{k}" for k in ("petition", "duplicate", "publication", "excessive", "confirmation"))
INDICATORS = (
    "disclosure_rate", "refusal_rate", "not_held_rate", "non_processing_rate", "carried_forward_share",
    "review_correction_rate", "litigation_correction_rate",
)


def _v(table: dict, row: str, field: str):
    v = (table.get(row) or {}).get(field, {}).get("value")
    return v if isinstance(v, int) else None


def _ratio(num, den):
    if num is None or den is None or den == 0:
        return None
    return round(num / den, 4)


def _sum(values):
    return None if any(v is None for v in values) else sum(values)


def indicators(record: dict) -> dict[str, float | None]:
    apps = record.get("tables", {}).get("applications") or {}
    rev = record.get("tables", {}).get("review_litigation") or {}
    total = _v(apps, "results_total", "total")
    out = {
        "disclosure_rate": _ratio(_sum([_v(apps, "granted", "total"), _v(apps, "partially_granted", "total")]), total),
        "refusal_rate": _ratio(_sum([_v(apps, r, "total") for r in DENIED]), total),
        "not_held_rate": _ratio(_v(apps, "unable_not_held", "total"), total),
        "non_processing_rate": _ratio(_sum([_v(apps, r, "total") for r in REJECTED]), total),
        "carried_forward_share": _ratio(
            _v(apps, "carried_forward", "total"), _sum([_v(apps, "new_received", "total"), _v(apps, "carried_over", "total")])
        ),
    }
    rt, rp = _v(rev, "review", "total"), _v(rev, "review", "pending")
    out["review_correction_rate"] = _ratio(_v(rev, "review", "corrected"), None if rt is None or rp is None else rt - rp)
    lit = ("litigation_direct", "litigation_after_review")
    corrected = _sum([_v(rev, b, "corrected") for b in lit])
    decided = _sum([_v(rev, b, "total") for b in lit])
    pending = _sum([_v(rev, b, "pending") for b in lit])
    out["litigation_correction_rate"] = _ratio(corrected, None if decided is None or pending is None else decided - pending)
    return out
