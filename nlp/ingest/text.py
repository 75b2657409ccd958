"""Plain-text and Markdown reports: encoding detection, crawler headers, normalisation."""

from __future__ import annotations

import codecs

from nlp import patterns as P
from nlp.errors import XxgkError
from nlp.ingest.document import Document
from nlp.ingest.normalize import TextMap, compose, normalize

# Encodings charset-normalizer may name for Chinese text; GBK/GB2312 are decoded as their
# superset GB18030 so that no character of a GBK file is lost.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936"}


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl / len(sample) > 0.05


def _plausible_text(text: str) -> bool:
    """Mostly Chinese, ASCII printable, punctuation or whitespace: what a report decodes to."""
    if not text:
        return False
    good = sum(
        1
        for c in text
        if c.isspace() or " " <= c <= "~" or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or c in "“”‘’…—·"
    )
    return good / len(text) > 0.9


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: NUL bytes, an even length, and a plausible decoding."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:4096]:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible_text(text[:2000]):
            return text, enc
    return None


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode ``data`` to text: (text, encoding). Raises XxgkError E003 when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise XxgkError("E003", path=path) from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise XxgkError("E003", path=path)
    # Not UTF-8: GB18030 (superset of GBK/GB2312) is the usual legacy encoding of these reports;
    # charset-normalizer decides when GB18030 does not decode to plausible text.
    try:
        text = data.decode("gb18030")
        if _plausible_text(text[:5000]):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        enc = best.encoding.replace("_", "").lower()
        enc = "gb18030" if enc in _GB_FAMILY else best.encoding
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if _plausible_text(text[:5000]):
            return text, enc
    raise XxgkError("E003", path=path)


def parse_crawler_header(raw: str) -> tuple[dict[str, str], int]:
    """Header fields of a crawler dump and the index where its body starts (0 if none)."""
    sep = P.RE_CRAWLER_BODY_SEP.search(raw, 0, 3000)
    head_end = sep.start() if sep else 0
    if not sep:
        # header lines without a separator: accept them only at the very top of the file
        pos = 0
        for line in raw.splitlines(keepends=True):
            if P.RE_CRAWLER_FIELD.match(line.rstrip("\n")) or P.RE_CRAWLER_NOTE.match(line):
                pos += len(line)
            else:
                break
        head_end = pos
    if head_end == 0:
        return {}, 0
    header = {m.group(1): m.group(2).strip() for m in P.RE_CRAWLER_FIELD.finditer(raw, 0, head_end)}
    body_start = sep.end() if sep else head_end
    while body_start < len(raw) and raw[body_start] in "\r\n":
        body_start += 1
    return header, body_start


def read_text(path: str, data: bytes, fmt: str, sha256: str) -> Document:
    raw, encoding = decode(data, path)
    header, body_start = parse_crawler_header(raw)
    tm = TextMap.identity(raw)
    if body_start:
        tm = TextMap(tm.text[body_start:], tm.offsets[body_start:])
    # leaked page chrome at the start of a crawled body (breadcrumb, share bar)
    chrome = P.RE_PAGE_CHROME.search(tm.text, 0, 600)
    if chrome and chrome.start() < 50:
        t = P.RE_PAGE_CHROME_TITLE.search(chrome.group(0))
        if t:
            header.setdefault("页面标题", t.group("title").strip())
        tm = TextMap(tm.text[chrome.end() :], tm.offsets[chrome.end() :])
    # crawler dumps run paragraphs together on one line: spaces there separate blocks
    wrapped = not header
    norm = normalize(tm.text, wrapped=wrapped)
    # compose: norm.offsets index into tm.text; map them on into raw
    composed = compose(tm.offsets, norm.offsets)
    return Document(
        path=path,
        format=fmt,
        sha256=sha256,
        raw=raw,
        textmap=TextMap(norm.text, composed),
        encoding=encoding,
        header=header,
        body_start=body_start,
    )

