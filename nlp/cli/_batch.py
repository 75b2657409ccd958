"""The batch loop every command shares: inputs -> records, with progress, failures and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class BatchStats:
    total: int = 0
    statuses: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        counts = ", ".join(f"{k} {self.statuses.get(k, 0)}" for k in ("ok", "partial", "failed"))
        detail = ", ".join(f"{c}×{n}" for c, n in sorted(self.codes.items()))
        return f"{self.total} file(s): {counts}" + (f" ({detail})" if detail else "")


def iter_records(inputs: list[str], *, max_mb: float, console, stats: BatchStats, **analyze_kw) -> Iterator[dict]:
    """Analyse every input in order; report failed files on ``console`` as they happen."""
    from nlp.inputs import expand_inputs
    from nlp.pipeline import analyze_file

    paths = expand_inputs(inputs)
    stats.total = len(paths)
    with console.status("") as status:
        for i, path in enumerate(paths, 1):
            status.update(f"[{i}/{len(paths)}] {path}")
            rec = analyze_file(path, max_mb=max_mb, **analyze_kw)
            stats.statuses[rec["status"]] += 1
            for e in rec["errors"]:
                stats.codes[e["code"]] += 1
                if rec["status"] == "failed":
                    console.print(f"[red]{e['code']}[/red] {e['message']}", markup=True, highlight=False)
            yield rec
