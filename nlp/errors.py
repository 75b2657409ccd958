"""Every user-facing message of the toolkit, with a stable code and the way out.

A message says what went wrong, where (the file), what is allowed and how to fix it. Codes are
stable: scripts and users filter on them. Problems that make a whole file unusable raise
:class:`XxgkError`; problems with one part of a report become entries in the record's ``errors``
list (the record is then ``partial``).
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> message template. Placeholders are filled by ``message(code, **kw)``.
MESSAGES: dict[str, str] = {
    # --- reading files (the whole file is unusable: status "failed") ---
    "E001": "{path}: no such file. Check the path; folders are searched for .txt, .md, .pdf, .docx, .doc and .html files.",
    "E002": "{path}: the file is empty (0 bytes). Download the report again; nothing was analysed.",
    "E003": (
        "{path}: the bytes are not text in any encoding tried (UTF-8, UTF-16, GB18030). "
        "If this is a binary document, give it its real extension (.pdf, .docx, .doc); if it is text, "
        "re-save it as UTF-8."
    ),
    "E004": (
        "{path}: {fmt} files are not read by xxgk. Save the report as PDF, DOCX, HTML or text "
        "and analyse that file."
    ),
    "E005": (
        "{path}: this does not look like a government information-disclosure annual report "
        "(no report title, section headings or standard tables were found in {chars} characters of text). "
        "Check that the right file was given."
    ),
    "E006": (
        "{path}: the file is {size_mb:.4g} MB, over the {limit_mb:g} MB limit for one report. "
        "Split it into one file per report, or raise the limit with --max-mb."
    ),
    "E007": "{path}: cannot be read ({reason}). Check the file's permissions and that it is not open elsewhere.",
    "E008": (
        "{path}: legacy Word .doc files need LibreOffice to be read, and `soffice` was not found. "
        "Install LibreOffice (e.g. `apt-get install libreoffice-writer-nogui`) or save the file as .docx "
        "(or `soffice --headless --convert-to docx FILE.doc`) and analyse that."
    ),
    "E009": (
        "{path}: this PDF has no text layer ({pages} page(s) of images only): it is a scan. "
        "Run OCR first (e.g. `ocrmypdf -l chi_sim FILE.pdf OUT.pdf`) and analyse the OCR'd PDF."
    ),
    "E010": (
        "{path}: the {fmt} file is password-protected or encrypted. Open it with the password and save "
        "an unprotected copy, then analyse that."
    ),
    "E011": (
        "{path}: the {fmt} file is damaged or truncated ({reason}). Download it again; if it opens in a "
        "viewer, re-save or print it to a new file and analyse that."
    ),
    # --- parts of a report (the record is "partial") ---
    "E101": "{path}: the report year was not found in the title, header or statistics period. Fill report.year by hand.",
    "E102": "{path}: the issuing agency was not found in the title, header or signature. Fill report.issuer by hand.",
    "E103": (
        "{path}: section(s) {missing} of the {template} template were not found. "
        "Their headings may be missing or unusual; the text is kept under the sections that were found."
    ),
    "E104": (
        "{path}: no numbered section headings (一、… 二、…) were found; the whole text is kept as one "
        "'overview' section."
    ),
    "E201": (
        "{path}: table {table}: {n} row(s) print their numbers run together so that the cells cannot "
        "be told apart ({rows}). Those cells are null; the raw digits are kept in each cell's 'raw'. "
        "Check the published page and fill them by hand."
    ),
    "E202": (
        "{path}: the {template}-template table(s) {tables} were not found in the text (no row labels "
        "such as 本年新收… / 行政许可 / 行政复议). The tables' cells are missing from the record."
    ),
    "E301": "{path}: passages were not tagged: {reason}",
    # --- the toolkit itself ---
    "E900": (
        "{path}: internal error while {stage}: {reason}. The rest of the batch goes on; please report this "
        "with the file."
    ),
}


def message(code: str, **kw: object) -> str:
    """Return the filled-in message for ``code``."""
    return MESSAGES[code].format(**kw)


@dataclass
class Issue:
    """One entry of a record's ``errors`` list."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def issue(code: str, **kw: object) -> Issue:
    return Issue(code, message(code, **kw))


class XxgkError(Exception):
    """A problem that makes a whole input file unusable."""

    def __init__(self, code: str, **kw: object) -> None:
        self.code = code
        self.text = message(code, **kw)
        super().__init__(self.text)

    def to_issue(self) -> Issue:
        return Issue(self.code, self.text)
