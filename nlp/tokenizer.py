"""The project's own jieba tokenizer, with its domain dictionary (``resources/userdict-v1.txt``).

jieba's module-level tokenizer is global state shared with every other user of jieba in the
process; we never touch it. ``get_tokenizer()`` builds one ``jieba.Tokenizer`` on first use,
loads the domain words into it, and keeps its cache file in the user's cache directory (not the
system temp dir). The dictionary is versioned: a change of its words is a new file (v2), so
models trained with v1 keep their tokenisation.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

USERDICT_VERSION = "v1"
BACKENDS = ("jieba", "rjieba")
_LOCK = threading.Lock()


def backend() -> str:
    """The tokenizer backend: ``jieba`` (default) or ``rjieba`` (the Rust port, an optional extra),
    chosen with the environment variable ``XXGK_TOKENIZER``."""
    name = os.environ.get("XXGK_TOKENIZER", "jieba").strip().lower() or "jieba"
    if name not in BACKENDS:
        raise ValueError(f"XXGK_TOKENIZER={name!r}: use one of {', '.join(BACKENDS)}")
    return name


def _userdict_entries(version: str) -> list[tuple[str, int, str]]:
    out = []
    for line in userdict_path(version).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts:
            out.append((parts[0], int(parts[1]) if len(parts) > 1 else 100, parts[2] if len(parts) > 2 else "n"))
    return out


def userdict_path(version: str = USERDICT_VERSION) -> Path:
    return Path(str(resources.files("nlp") / "resources" / f"userdict-{version}.txt"))


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "xxgk"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=4)
def get_tokenizer(version: str = USERDICT_VERSION, name: str | None = None):
    """The tokenizer with the domain dictionary loaded (built once per process): a
    ``jieba.Tokenizer``, or an ``rjieba.Jieba`` when the backend is rjieba."""
    if (name or backend()) == "rjieba":
        return _rjieba(version)
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover - jieba is a hard dependency
        raise ImportError("xxgk needs jieba: pip install jieba") from exc
    import logging

    jieba.setLogLevel(logging.WARNING)
    with _LOCK:
        tok = jieba.Tokenizer()
        tok.tmp_dir = str(_cache_dir())
        tok.cache_file = "jieba.cache"
        tok.initialize()
        tok.load_userdict(str(userdict_path(version)))
    return tok


def _rjieba(version: str):
    try:
        import rjieba
    except ImportError as exc:
        raise ImportError("XXGK_TOKENIZER=rjieba needs the optional extra: pip install 'xxgk[rjieba]'") from exc
    tok = rjieba.Jieba()
    for word, freq, tag in _userdict_entries(version):
        tok.add_word(word, freq, tag)
    return tok


def cut(text: str, version: str = USERDICT_VERSION) -> list[str]:
    return [w for w, _s, _e in tokens_with_offsets(text, version)]


@lru_cache(maxsize=8192)
def _tokens(text: str, version: str, name: str) -> tuple[tuple[str, int, int], ...]:
    tok = get_tokenizer(version, name)
    if hasattr(tok, "lcut"):
        return tuple(tok.tokenize(text))
    return tuple(tok.tokenize(text, "default", True))


def tokens_with_offsets(text: str, version: str = USERDICT_VERSION) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) of ``text``. Cached: a passage is tokenised once, for its tag features,
    its metrics and the summary alike."""
    return _tokens(text, version, backend())


@lru_cache(maxsize=8192)
def _starts(text: str, version: str, name: str) -> tuple[int, ...]:
    return tuple(s for _, s, _ in _tokens(text, version, name))


def token_starts(text: str, version: str = USERDICT_VERSION) -> tuple[int, ...]:
    """Start offsets of ``tokens_with_offsets(text)``, for bisecting a span's tokens."""
    return _starts(text, version, backend())


def forget() -> None:
    """Empty the token cache. The pipeline calls it before each report: the cache is for sharing
    tokens inside one report, and a speed that depended on passages repeated across reports
    (or on a benchmark's copies of the same report) would mislead."""
    _tokens.cache_clear()
    _starts.cache_clear()
