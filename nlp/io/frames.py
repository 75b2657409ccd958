"""Records -> DataFrames, and DataFrames -> files (format from the file's suffix).

Counts become nullable integers (``Int64``), so a null cell stays null in pandas, Excel and
Parquet instead of turning into NaN floats; amounts stay exact decimal strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from nlp.tables import vocab as V

META_COLUMNS = ("path", "sha256", "format", "status", "issuer", "year", "level", "province", "city", "county", "template")
SUFFIXES = (".csv", ".xlsx", ".parquet", ".jsonl")


def canonical_cell_columns() -> list[str]:
    """Every canonical cell of tables.md, in the template's order."""
    cols = []
    for row, _, fields in V.ACTIVE_ROWS_2021:
        cols += [f"active_disclosure.{row}.{f}" for f in fields]
    for row in V.APPLICATION_ROW_KEYS:
        cols += [f"applications.{row}.{c}" for c in V.APPLICANT_COLUMNS]
    for block in V.REVIEW_BLOCKS:
        cols += [f"review_litigation.{block}.{f}" for f in V.REVIEW_FIELDS]
    return cols


def meta_row(rec: dict) -> dict:
    rep, src = rec["report"], rec["source"]
    region = rep.get("region") or {}
    return {
        "path": src["path"],
        "sha256": src.get("sha256"),
        "format": src.get("format"),
        "status": rec["status"],
        "issuer": rep.get("issuer"),
        "year": rep.get("year"),
        "level": rep.get("level"),
        "province": region.get("province"),
        "city": region.get("city"),
        "county": region.get("county"),
        "template": rep.get("template"),
    }


def flat_cells(rec: dict) -> dict[str, object]:
    out: dict[str, object] = {}
    for table, rows in (rec.get("tables") or {}).items():
        for row, fields in rows.items():
            for f, cell in fields.items():
                out[f"{table}.{row}.{f}"] = cell.get("value")
    return out


def tables_frame(records: Iterable[dict]):
    """One row per report: metadata, then every canonical cell, then cells kept under their own
    names (2019-template fields), then the number of failing checks."""
    import pandas as pd

    canonical = canonical_cell_columns()
    rows, extra = [], []
    for rec in records:
        cells = flat_cells(rec)
        for k in cells:
            if k not in canonical and k not in extra:
                extra.append(k)
        row = meta_row(rec)
        row.update(cells)
        row["checks_failed"] = sum(1 for c in rec.get("checks", []) if not c.get("ok"))
        rows.append(row)
    columns = [*META_COLUMNS, *canonical, *sorted(extra), "checks_failed"]
    data = {}
    for col in columns:
        values = [row.get(col) for row in rows]
        if col in META_COLUMNS:
            data[col] = pd.Series(values, dtype="Int64" if col == "year" else "object")
        elif any(isinstance(v, str) for v in values):
            data[col] = pd.Series([None if v is None else str(v) for v in values], dtype="string")  # amounts
        else:
            data[col] = pd.Series(values, dtype="Int64")  # counts; a null cell stays null
    return pd.DataFrame(data, columns=columns)


def checks_frame(records: Iterable[dict], *, failing_only: bool = True):
    """One row per arithmetic check (failing ones by default), with the report's metadata."""
    import pandas as pd

    rows = []
    for rec in records:
        meta = meta_row(rec)
        for c in rec.get("checks", []):
            if failing_only and c.get("ok"):
                continue
            rows.append(
                {
                    **{k: meta[k] for k in ("path", "issuer", "year")},
                    "rule": c["rule"],
                    "where": c["where"],
                    "ok": c["ok"],
                    "expected": c["expected"],
                    "actual": c["actual"],
                    "cells": ", ".join(c.get("cells", [])),
                }
            )
    cols = ["path", "issuer", "year", "rule", "where", "ok", "expected", "actual", "cells"]
    df = pd.DataFrame(rows, columns=cols)
    for col in ("year", "expected", "actual"):
        df[col] = df[col].astype("Int64")
    return df


def write_frame(df, path: str | Path) -> None:
    """Write by suffix: .csv (UTF-8 with BOM, so Excel shows Chinese), .xlsx, .parquet, .jsonl."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        df.to_csv(path, index=False, encoding="utf-8-sig")
    elif suffix == ".xlsx":
        df.to_excel(path, index=False, engine="openpyxl")
    elif suffix == ".parquet":
        df.to_parquet(path, index=False)
    elif suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"{path}: unknown output format {suffix!r}; use one of {', '.join(SUFFIXES)}")


def metrics_frame(records: Iterable[dict]):
    """One row per narrative metric, with the report's id (path, sha256), issuer and year."""
    import pandas as pd

    rows = []
    for rec in records:
        meta = meta_row(rec)
        for m in rec.get("metrics", []):
            rows.append(
                {
                    **{k: meta[k] for k in ("path", "sha256", "issuer", "year", "level")},
                    "channels": "|".join(m["channels"]),
                    "account": m.get("account"),
                    "measure": m["measure"],
                    "value": float(m["value"]),
                    "qualifier": m["qualifier"],
                    "unit": m["unit"],
                    "period": m["period"],
                    "text": m["text"],
                    "passage_id": m.get("passage_id"),
                }
            )
    cols = ["path", "sha256", "issuer", "year", "level", "channels", "account", "measure", "value", "qualifier",
            "unit", "period", "text", "passage_id"]
    df = pd.DataFrame(rows, columns=cols)
    df["year"] = df["year"].astype("Int64")
    df["passage_id"] = df["passage_id"].astype("Int64")
    return df


def passages_frame(records: Iterable[dict]):
    """One row per passage: report id, issuer, year, section, text, labels, one score per tag."""
    import pandas as pd

    from nlp.classify import LABELS

    rows = []
    for rec in records:
        meta = meta_row(rec)
        for p in rec.get("passages", []):
            rows.append(
                {
                    **{k: meta[k] for k in ("path", "sha256", "issuer", "year", "level", "template")},
                    "passage_id": p["id"],
                    "section": p["section"],
                    "heading": p.get("heading", ""),
                    "text": p["text"],
                    "labels": "|".join(p["labels"]),
                    **{f"score_{lab}": p["scores"].get(lab) for lab in LABELS},
                }
            )
    cols = ["path", "sha256", "issuer", "year", "level", "template", "passage_id", "section", "heading", "text", "labels"]
    cols += [f"score_{lab}" for lab in LABELS]
    df = pd.DataFrame(rows, columns=cols)
    df["year"] = df["year"].astype("Int64")
    return df
