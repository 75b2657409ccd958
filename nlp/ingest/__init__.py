"""File -> Document. One module per format; ``read`` picks the reader from the file's bytes and name."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from nlp.errors import XxgkError
from nlp.ingest.document import Document, TableGrid

__all__ = ["Document", "TableGrid", "read", "sniff_format", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_MB"]

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
    # formats reports also come in that xxgk does not read (reported with E004)
    ".ofd": "ofd",
    ".wps": "wps",
    ".xls": "xls",
    ".xlsx": "xlsx",
}


def sniff_format(path: str, data: bytes) -> str:
    """The format of a file from its leading bytes; the suffix only decides between text kinds.

    A PDF/DOCX/DOC is recognised by its magic bytes whatever its name; a file named .pdf/.docx/.doc
    without them is read as text (and fails with E003 if it is not text either).
    """
    head = data[:1024]
    suffix_fmt = _SUFFIX_FORMAT.get(Path(path).suffix.lower())
    if suffix_fmt in ("ofd", "wps", "xls", "xlsx"):
        return suffix_fmt
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or suffix_fmt == "html":
        return "html"
    if suffix_fmt in ("md",):
        return "md"
    return "txt"


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
    reader = _READERS.get(fmt)
    if reader is None:
        raise XxgkError("E004", path=path, fmt=fmt.upper())
    module_name, func_name = reader
    import importlib

    return getattr(importlib.import_module(module_name), func_name)(path, data, sha256)


# format -> (module, function(path, data, sha256) -> Document); imported on first use
_READERS = {
    "pdf": ("nlp.ingest.pdf", "read_pdf"),
    "docx": ("nlp.ingest.docx", "read_docx"),
    "doc": ("nlp.ingest.doc", "read_doc"),
    "html": ("nlp.ingest.html", "read_html"),
}
