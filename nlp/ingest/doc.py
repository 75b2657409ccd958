"""Legacy Word (.doc) reports, and the other OLE compound files that arrive under that name.

A .doc is converted to DOCX by LibreOffice (``soffice --headless --convert-to docx``) in a
temporary directory with its own LibreOffice profile, and the DOCX is read by
:mod:`nlp.ingest.docx`; the Document keeps the format ``"doc"``.

Before that, the compound file's directory says what it holds:

- an ``EncryptedPackage`` stream: a password-protected DOCX (Office wraps encrypted OOXML in
  an OLE file) -> E010;
- a ``WordDocument`` stream whose FIB has ``fEncrypted`` set: a password-protected .doc -> E010;
- no ``WordDocument`` but a ``Workbook``/``Book`` or ``PowerPoint Document`` stream: an Excel or
  PowerPoint file -> E004.
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from nlp.errors import XxgkError
from nlp.ingest.document import Document, from_blocks

CONVERT_TIMEOUT_S = 120
SOFFICE_NAMES = ("soffice", "libreoffice")

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_MINI_STREAM_CUTOFF = 4096  # smaller streams live in the mini stream
_FIB_IDENTS = (0xA5EC, 0xA5DC)  # Word 97-2003, Word 6/95
_FIB_ENCRYPTED = 0x0100  # FibBase.fEncrypted
# stream name -> the format it betrays when there is no WordDocument stream
_OTHER_OFFICE_STREAMS = {"Workbook": "XLS", "Book": "XLS", "PowerPoint Document": "PPT"}


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    for name in SOFFICE_NAMES:
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def cfb_stream(data: bytes, name: str) -> tuple[int, int] | None:
    """(start sector, size) of the stream ``name`` in a compound file's directory, or None.

    Directory entries are 128 bytes at 128-byte-aligned offsets: the UTF-16-LE name, its byte
    length (with the terminating NUL) at 0x40, the object type (2 = stream) at 0x42, the start
    sector at 0x74 and the size at 0x78.
    """
    key = name.encode("utf-16-le") + b"\x00\x00"
    pos = data.find(key, 512)
    while pos != -1:
        if pos % 128 == 0 and pos + 128 <= len(data):
            name_len, obj_type = struct.unpack_from("<HB", data, pos + 0x40)
            if name_len == len(key) and obj_type == 2:
                start, size = struct.unpack_from("<IQ", data, pos + 0x74)
                return start, size
        pos = data.find(key, pos + 1)
    return None


def doc_is_encrypted(data: bytes) -> bool:
    """True when the WordDocument stream's FIB says the .doc is encrypted (or XOR-obfuscated)."""
    entry = cfb_stream(data, "WordDocument")
    if entry is None or len(data) < 0x20:
        return False
    start, size = entry
    if size < _MINI_STREAM_CUTOFF:
        return False
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    offset = (start + 1) * sector_size
    if offset + 0x0C > len(data):
        return False
    (ident,) = struct.unpack_from("<H", data, offset)
    (flags,) = struct.unpack_from("<H", data, offset + 0x0A)
    return ident in _FIB_IDENTS and bool(flags & _FIB_ENCRYPTED)


def check_compound_file(path: str, data: bytes) -> None:
    """Raise E010/E004 for an OLE file that is encrypted or not a Word document."""
    if not data.startswith(CFB_MAGIC):
        return  # RTF or MHT saved as .doc: LibreOffice reads those too
    if ENCRYPTED_PACKAGE in data:
        raise XxgkError("E010", path=path, fmt="DOCX")
    if cfb_stream(data, "WordDocument") is None:
        for stream, fmt in _OTHER_OFFICE_STREAMS.items():
            if cfb_stream(data, stream) is not None:
                raise XxgkError("E004", path=path, fmt=fmt)
        return
    if doc_is_encrypted(data):
        raise XxgkError("E010", path=path, fmt="DOC")


def _run(cmd: list[str], timeout: float) -> tuple[int | None, str]:
    """Run ``cmd`` in its own process group; (return code or None on timeout, stderr+stdout tail)."""
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # soffice starts soffice.bin as a child: end the whole group it leads, not just the wrapper
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        return None, ""
    text = (err or b"").decode("utf-8", "replace").strip() or (out or b"").decode("utf-8", "replace").strip()
    return proc.returncode, text.splitlines()[-1] if text else ""


def convert_to_docx(path: str, data: bytes, soffice: str, *, timeout: float | None = None) -> bytes:
    """The bytes of the DOCX LibreOffice makes of ``data``; E011 when it makes none.

    ``timeout`` defaults to ``CONVERT_TIMEOUT_S`` (seconds).
    """
    timeout = CONVERT_TIMEOUT_S if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="xxgk-doc-") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / "report.doc"
        src.write_bytes(data)
        outdir = tmpdir / "out"
        outdir.mkdir()
        cmd = [
            soffice,
            f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(outdir),
            str(src),
        ]
        try:
            code, said = _run(cmd, timeout)
        except OSError as exc:
            raise XxgkError(
                "E011", path=path, fmt="DOC", reason=f"LibreOffice could not be started: {exc}"
            ) from exc
        if code is None:
            raise XxgkError(
                "E011", path=path, fmt="DOC", reason=f"LibreOffice did not convert it within {timeout:g} s"
            )
        out = outdir / "report.docx"
        if not out.is_file() or out.stat().st_size == 0:
            detail = f": {said}" if said else ""
            raise XxgkError(
                "E011", path=path, fmt="DOC", reason=f"LibreOffice could not convert it (exit {code}){detail}"
            )
        return out.read_bytes()


def read_doc(path: str, data: bytes, sha256: str) -> Document:
    """Read a legacy .doc report through LibreOffice.

    Raises XxgkError: E010 encrypted, E004 an Excel/PowerPoint file, E008 no LibreOffice, E011
    conversion failed.
    """
    from nlp.ingest.docx import docx_blocks

    check_compound_file(path, data)
    soffice = find_soffice()
    if soffice is None:
        raise XxgkError("E008", path=path)
    converted = convert_to_docx(path, data, soffice)
    return from_blocks(path, "doc", sha256, docx_blocks(path, converted, fmt="DOC"))
