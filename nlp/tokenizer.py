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
_LOCK = threading.Lock()


def userdict_path(version: str = USERDICT_VERSION) -> Path:
    return Path(str(resources.files("nlp") / "resources" / f"userdict-{version}.txt"))


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "xxgk"
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=4)
def get_tokenizer(version: str = USERDICT_VERSION):
    """A ``jieba.Tokenizer`` with the domain dictionary loaded (built once per process)."""
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


def cut(text: str, version: str = USERDICT_VERSION) -> list[str]:
    return get_tokenizer(version).lcut(text)


def tokens_with_offsets(text: str, version: str = USERDICT_VERSION) -> list[tuple[str, int, int]]:
    return list(get_tokenizer(version).tokenize(text))
