"""Plain-text and Markdown reports: encoding detection, crawler headers, normalisation."""

from __future__ import annotations

import codecs

from nlp import patterns as P
from nlp.errors import XxgkError
from nlp.ingest.document import Document
from nlp.ingest.normalize import TextMap, normalize

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


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.2 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.2 and odd_nuls < 0.05:
        return "utf-16-be"
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
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise XxgkError("E003", path=path)
    # Not UTF-8: ask charset-normalizer, then fall back to GB18030 (the usual legacy encoding).
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = []
    if best is not None and best.encoding:
        enc = best.encoding.replace("_", "").lower()
        candidates.append("gb18030" if enc in _GB_FAMILY else best.encoding)
    candidates += ["gb18030", "big5"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if P.RE_HAS_CJK.search(text) or enc == candidates[0]:
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
    composed = type(norm.offsets)("l", (tm.offsets[i] for i in norm.offsets))
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

