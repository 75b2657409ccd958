"""Narrative counts -> metric records (channel, measure, normalised value, qualifier, unit, period)."""

from __future__ import annotations

__all__ = ["extract_metrics", "Metric"]


def __getattr__(name: str):
    if name in __all__:
        from nlp.metrics import extract

        return getattr(extract, name)
    raise AttributeError(name)
