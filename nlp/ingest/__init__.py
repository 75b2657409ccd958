"""File -> Document. One module per format; ``read`` picks the reader from the file's bytes and name."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from nlp.errors import XxgkError
from nlp.ingest.document import Document

__all__ = ["Document", "read", "sniff_format", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_MB"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".html", ".htm")
TEXT_FORMATS = ("txt", "md")
DEFAULT_MAX_MB = 50

_SUFFIX_FORMAT = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".html": "html",
    ".htm": "html",
}


def sniff_format(path: str, data: bytes) -> str:
    """The format of a file from its leading bytes, falling back to its suffix."""
    head = data[:1024]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        _SUFFIX_FORMAT.get(Path(path).suffix.lower()) == "html"
    ):
        return "html"
    return _SUFFIX_FORMAT.get(Path(path).suffix.lower(), "txt")


def read(path: str | os.PathLike[str], *, max_mb: float = DEFAULT_MAX_MB) -> Document:
    """Read one report file into a Document. Raises XxgkError with a code on unusable input."""
    path = str(path)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError as exc:
        raise XxgkError("E001", path=path) from exc
    except OSError as exc:
        raise XxgkError("E007", path=path, reason=exc.strerror or str(exc)) from exc
    if size == 0:
        raise XxgkError("E002", path=path)
    if size > max_mb * 1024 * 1024:
        raise XxgkError("E006", path=path, size_mb=size / 1024 / 1024, limit_mb=max_mb)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise XxgkError("E007", path=path, reason=exc.strerror or str(exc)) from exc
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(path, data)
    if fmt in TEXT_FORMATS:
        from nlp.ingest.text import read_text

        return read_text(path, data, fmt, sha256)
    raise XxgkError("E004", path=path, fmt=fmt.upper())
