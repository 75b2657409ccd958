"""Numbers as the reports write them -> plain numbers.

Arabic with thousands separators and decimals, 万/亿 multipliers (4.2万, 1.6万余, 20余万),
Chinese numerals (三十, 两千, 一百二十; read with cn2an), full-width digits (already normalised)
and spaces inside numbers. Counts come back as ``int``; a value with a fraction (99.9%, 7730.28
万元) as ``float``.
"""

from __future__ import annotations

import re
from decimal import Decimal

MULT = {"万": 10_000, "亿": 100_000_000}
RE_ARABIC = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$")


def cn_to_number(text: str) -> Decimal:
    """三十 -> 30, 两千 -> 2000, 一百二十 -> 120 (cn2an, smart mode)."""
    import cn2an

    return Decimal(str(cn2an.cn2an(text, "smart")))


def to_number(num: str, mult: str | None = None) -> int | float:
    """'6' + '万' -> 60000; '4.2' + '万' -> 42000; '1,234' -> 1234; '三十' -> 30; '99.9' -> 99.9."""
    s = re.sub(r"\s+", "", num)
    value = Decimal(s.replace(",", "")) if RE_ARABIC.match(s) else cn_to_number(s)
    if mult:
        value *= MULT[mult]
    if value == value.to_integral_value():
        return int(value)
    return float(value)
