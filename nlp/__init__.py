"""xxgk: government information-disclosure annual reports (政府信息公开工作年度报告) as data.

Importing this package loads nothing heavy and has no side effects; the names below are
resolved on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_file", "read", "__version__"]


def __getattr__(name: str):
    if name in ("analyze", "analyze_file"):
        from nlp import pipeline

        return getattr(pipeline, name)
    if name == "read":
        from nlp.ingest import read

        return read
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")
