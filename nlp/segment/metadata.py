"""Report metadata: title, issuer, year, level, region, template."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlp import patterns as P
from nlp.ingest.document import Document
from nlp.segment.regions import Region, admin_level, resolve_region

CN_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "O": "0", "0": "0", "一": "1", "二": "2", "三": "3",
                  "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


@dataclass
class ReportMeta:
    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    level: str | None = None
    region: Region = field(default_factory=Region)
    template: str = "unknown"

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "year": self.year,
            "level": self.level,
            "region": self.region.to_dict(),
            "template": self.template,
        }


def _year(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits = "".join(CN_YEAR_DIGITS.get(c, "") for c in text)
    return int(digits) if len(digits) == 4 else None


def _unwrap_title(title: str) -> str:
    m = P.RE_TITLE_WRAPPER.match(title.strip())
    return m.group(1) if m else title.strip()


def _head_lines(text: str, limit: int = 400) -> str:
    """The title block at the top of a body: leading short lines joined (titles wrap over lines)."""
    out = []
    for line in text[:limit].split("\n"):
        s = line.strip()
        if not s:
            continue
        if "。" in s or len(s) > 60 or s.startswith(("本报告", "本年度报告", "根据")):
            out.append(s[:80])
            break
        out.append(s)
    return "".join(out)


def _title_match(text: str) -> re.Match[str] | None:
    m1 = P.RE_TITLE.search(text)
    m2 = P.RE_TITLE_YEAR_FIRST.search(text)
    if m1 and m2:
        return m1 if m1.start() <= m2.start() else m2
    return m1 or m2


def _clean_issuer(name: str) -> str:
    name = re.sub(r"^(?:关于|报送|印发|公布|《|“)+", "", name).strip(" 《》“”:：")
    name = re.sub(r"^(?:19|20)\d{2}年度?", "", name)
    name = re.sub(r"(?:关于(?:报送|印发|公布)?)$", "", name)
    name = re.sub(r"(?<=局)办公室$", "", name)  # a bureau's own office signing for it
    name = re.sub(r"^[^\s]*?〔\d{4}〕\d+号", "", name)  # a document number glued in front
    for short, full in P.AGENCY_ABBREVIATIONS.items():
        if name.endswith(short):
            name = name[: -len(short)] + full
    return name


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _choose_issuer(candidates: list[str]) -> str | None:
    cands = [c for c in (_clean_issuer(c) for c in candidates if c) if len(c) >= 2]
    if not cands:
        return None
    primary = cands[0]
    # a fuller spelling of the same name elsewhere in the report wins (平潭市场监督管理局 ->
    # 平潭综合实验区市场监督管理局, 财金局 -> 平潭综合实验区财政金融局)
    for other in cands[1:]:
        if (
            len(other) > len(primary)
            and (other[:2] == primary[:2] or resolve_region(primary).province is None)
            and other[-1] == primary[-1]
            and _is_subsequence(primary, other)
        ):
            primary = other
        # the same name with its place prefix ("洪泽区人民政府" in a title, "淮安市洪泽区人民政府办公室"
        # in the preamble) -> "淮安市洪泽区人民政府"
        idx = other.find(primary)
        if idx > 0 and resolve_region(other[:idx]).province:
            primary = other[: idx + len(primary)]
    return primary


def detect_template(text: str, year: int | None, section_keys: set[str]) -> str:
    """2021 / 2019 / 2008 (the 2008-era layout) / unknown, read from the report's own wording."""
    if year is not None and year < 2019:
        return "2008"  # the 2019 and 2021 formats did not exist yet
    if P.TABLE2_2021.search(text):
        return "2021"
    if P.TABLE2_2019.search(text):
        return "2019"
    if P.TEMPLATE_2021_MARKERS.search(text):
        return "2021"
    if P.TEMPLATE_2019_MARKERS.search(text):
        return "2021" if (year or 0) >= 2021 else "2019"
    six = {"overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters"}
    if "overview" in section_keys and P.TEMPLATE_2008_MARKERS.search(text):
        return "2008"
    if year is not None and year < 2019:
        return "2008"
    if year is not None and six <= section_keys:
        return "2021" if year >= 2021 else "2019"
    return "unknown"


def signatures(text: str) -> list[str]:
    """Organisations signing the report: a name ending in 局/委/政府/… right before a date,
    looked for from each date backwards."""
    out = []
    end = 0
    for d in P.RE_SIGNATURE_DATE.finditer(text):
        start = max(end, d.start() - P.SIGNATURE_WINDOW)
        m = P.RE_SIGNATURE_ORG_BEFORE.search(text, start, d.start())
        if m:
            out.append(m.group("org"))
            end = d.end()
    return out


def extract_metadata(doc: Document, section_keys: set[str]) -> ReportMeta:
    text = doc.text
    header = doc.header
    titles = [_unwrap_title(t) for t in (header.get("标题"), header.get("页面标题")) if t]
    head = _head_lines(text)
    body_title = _title_match(head) or _title_match(text[:800])
    title = None
    issuer_cands: list[str] = []
    year = None
    for t in titles:
        m = _title_match(t)
        if m:
            title = title or t
            issuer_cands.append(m.group("issuer"))
            year = year or _year(m.group("year"))
    if body_title:
        title = title or body_title.group(0)
        issuer_cands.append(body_title.group("issuer"))
        year = year or _year(body_title.group("year"))
    if title is None and titles:
        title = titles[0]
    # fuller spellings: page header field, signature, preamble
    pub = header.get("发布机构", "")
    if P.RE_ORG.match(pub) and len(pub) > 4:
        issuer_cands.append(pub)
    issuer_cands += signatures(text)
    m = P.RE_ISSUER_PREAMBLE.search(text[:1500])
    if m:
        issuer_cands.append(m.group("org"))
    issuer = _choose_issuer(issuer_cands)
    if year is None:
        m = P.RE_STAT_PERIOD.search(text)
        if m:
            year = int(m.group(1))
    region = resolve_region(issuer) if issuer else Region()
    return ReportMeta(
        title=title,
        issuer=issuer,
        year=year,
        level=admin_level(issuer, region),
        region=region,
        template=detect_template(text, year, section_keys),
    )
