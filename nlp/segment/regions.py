"""Region and administrative level of an issuing agency, from cpca's administrative-division data.

cpca ships the national adcode table (province / city / county names with their codes) and a
matcher for Chinese place names; we use it instead of a hand-typed list. Special zones that are
not administrative divisions (平潭综合实验区) are mapped to the division they govern in
``patterns.SPECIAL_ZONES``. cpca (and pandas under it) is imported on first use only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nlp import patterns as P

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"province": self.province, "city": self.city, "county": self.county}


def _cpca():
    """cpca, imported on first use (it pulls in pandas); its pkg_resources warning is silenced."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import cpca
    return cpca


@lru_cache(maxsize=1)
def _adcode_names() -> dict[str, str]:
    """adcode (6 digits) -> name, from cpca's bundled table."""
    import csv
    import importlib.resources as resources

    _cpca()
    text = (resources.files("cpca") / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        out[row["adcode"][:6]] = row["name"]
    return out


def region_from_adcode(adcode: str) -> Region:
    names = _adcode_names()
    code = adcode[:6]
    prov = names.get(code[:2] + "0000")
    city = names.get(code[:4] + "00") if code[2:4] != "00" else None
    county = names.get(code) if code[4:6] != "00" else None
    return Region(prov, city, county, code)


@lru_cache(maxsize=4096)
def resolve_region(name: str) -> Region:
    """The region named at the start of an agency name ("济南市行政审批服务局" -> 山东省/济南市)."""
    if not name:
        return Region()
    for zone, (adcode, _level) in P.SPECIAL_ZONES.items():
        if name.startswith(zone):
            return region_from_adcode(adcode)
    df = _cpca().transform([name])
    row = df.iloc[0]
    adcode = row.get("adcode")
    if adcode is None or adcode != adcode:  # NaN
        return Region()
    return region_from_adcode(str(adcode))


def admin_level(issuer: str | None, region: Region) -> str | None:
    """central / province / city / county / township: the level of the issuer's jurisdiction."""
    if not issuer:
        return None
    if P.RE_LEVEL_TOWNSHIP.search(issuer):
        return "township"
    for zone, (_code, level) in P.SPECIAL_ZONES.items():
        if issuer.startswith(zone):
            return level
    if region.county:
        return "county"
    if region.city:
        return "city"
    if region.province:
        return "province"
    if P.RE_LEVEL_CENTRAL.search(issuer):
        return "central"
    return None
