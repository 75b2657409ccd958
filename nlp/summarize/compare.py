"""Cross-report comparison: one row per report (metadata, every canonical table cell, indicators,
tag counts, metric aggregates per channel × measure), year-over-year changes and text reuse for
the same issuer in consecutive years; trends of tags by year and level, with keyness."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from nlp.classify import LABELS
from nlp.summarize.indicators import INDICATORS, indicators

REUSE_JACCARD = 0.8  # a sentence "repeats" last year's when their character trigrams overlap this much


def _grams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i : i + 3] for i in range(max(1, len(t) - 2))}


def reuse_ratio(current: list[str], previous: list[str]) -> float | None:
    """Share of this year's sentences that repeat one of last year's (trigram Jaccard ≥ 0.8)."""
    if not current or not previous:
        return None
    prev = [_grams(p) for p in previous]
    reused = 0
    for s in current:
        g = _grams(s)
        if any(len(g & q) / max(1, len(g | q)) >= REUSE_JACCARD for q in prev):
            reused += 1
    return round(reused / len(current), 4)


def report_row_extras(rec: dict) -> dict:
    row = dict(indicators(rec))
    row["n_passages"] = len(rec.get("passages", []))
    for lab in LABELS:
        row[f"tag.{lab}"] = sum(1 for p in rec.get("passages", []) if lab in p.get("labels", []))
    agg: dict[str, float] = defaultdict(float)
    for m in rec.get("metrics", []):
        if m.get("period") == "year":
            for ch in m["channels"]:
                agg[f"metric.{ch}.{m['measure']}"] += float(m["value"])
    row.update(agg)
    return row


def compare_frame(records: list[dict]):
    import pandas as pd

    from nlp.io.frames import tables_frame

    base = tables_frame(records)
    extras = pd.DataFrame([report_row_extras(r) for r in records])
    metric_cols = sorted(c for c in extras.columns if c.startswith("metric."))
    extras = extras[[*INDICATORS, "n_passages", *[f"tag.{lab}" for lab in LABELS], *metric_cols]]
    df = pd.concat([base.reset_index(drop=True), extras.reset_index(drop=True)], axis=1)
    numeric = [c for c in df.columns if c not in ("path", "sha256", "format", "status", "issuer", "level", "province", "city", "county", "template", "year")]
    numeric = [c for c in numeric if pd.api.types.is_numeric_dtype(df[c])]
    df["previous_year_path"] = None
    df["reuse_ratio"] = None
    yoy = {f"yoy.{c}": [None] * len(df) for c in numeric}
    by_key = {(r["report"]["issuer"], r["report"]["year"]): i for i, r in enumerate(records) if r["report"]["issuer"] and r["report"]["year"]}
    for i, rec in enumerate(records):
        issuer, year = rec["report"]["issuer"], rec["report"]["year"]
        j = by_key.get((issuer, year - 1)) if issuer and year else None
        if j is None:
            continue
        df.loc[i, "previous_year_path"] = records[j]["source"]["path"]
        df.loc[i, "reuse_ratio"] = reuse_ratio(
            [p["text"] for p in rec["passages"]], [p["text"] for p in records[j]["passages"]]
        )
        for c in numeric:
            a, b = df.at[i, c], df.at[j, c]
            if pd.notna(a) and pd.notna(b):
                yoy[f"yoy.{c}"][i] = float(a) - float(b)
    df = pd.concat([df, pd.DataFrame(yoy)], axis=1)
    df["reuse_ratio"] = pd.to_numeric(df["reuse_ratio"])
    return df


def trends(records: list[dict], top: int = 10):
    """(frequencies, keyness): share of passages carrying each tag per year and level, and each
    tag's most characteristic words (log-likelihood keyness of its passages against the rest)."""
    import pandas as pd

    from nlp.tokenizer import cut

    groups: dict[tuple, Counter] = defaultdict(Counter)
    reports: dict[tuple, set] = defaultdict(set)
    words_in: dict[str, Counter] = {lab: Counter() for lab in LABELS}
    words_out: dict[str, Counter] = {lab: Counter() for lab in LABELS}
    for rec in records:
        key = (rec["report"]["year"], rec["report"]["level"])
        reports[key].add(rec["source"]["path"])
        for p in rec.get("passages", []):
            groups[key]["passages"] += 1
            toks = [t for t in cut(p["text"]) if len(t) > 1 and re.search(r"[\u4e00-\u9fff]", t)]
            for lab in LABELS:
                if lab in p.get("labels", []):
                    groups[key][lab] += 1
                    words_in[lab].update(toks)
                else:
                    words_out[lab].update(toks)
    rows = []
    for (year, level), c in sorted(groups.items(), key=lambda kv: (kv[0][0] or 0, str(kv[0][1]))):
        n = c["passages"]
        rows.append(
            {"year": year, "level": level, "reports": len(reports[(year, level)]), "passages": n,
             **{f"share.{lab}": round(c[lab] / n, 4) if n else None for lab in LABELS}}
        )
    freq = pd.DataFrame(rows)
    key_rows = []
    for lab in LABELS:
        a_tot, b_tot = sum(words_in[lab].values()), sum(words_out[lab].values())
        scored = []
        for w, a in words_in[lab].items():
            b = words_out[lab].get(w, 0)
            e1 = a_tot * (a + b) / max(1, a_tot + b_tot)
            e2 = b_tot * (a + b) / max(1, a_tot + b_tot)
            g2 = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
            if a / max(1, a_tot) > b / max(1, b_tot):  # over-represented in the tag's passages
                scored.append((g2, w, a, b))
        for rank, (g2, w, a, b) in enumerate(sorted(scored, reverse=True)[:top], 1):
            key_rows.append({"tag": lab, "rank": rank, "word": w, "g2": round(g2, 2), "in_tag": a, "elsewhere": b})
    return freq, pd.DataFrame(key_rows)
