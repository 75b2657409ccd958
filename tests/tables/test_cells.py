import pytest

from nlp.tables.cells import parse_value, split_cells


@pytest.mark.parametrize(
    "raw,decimal,value",
    [
        ("135", False, 135),
        (" 0 ", False, 0),
        ("7730.28", True, "7730.28"),
        ("0", True, "0"),
        ("18651.064104", True, "18651.064104"),
        ("", False, None),
        ("/", False, None),
        ("—", False, None),
        ("-", False, None),
        ("无", False, None),
        ("-12", False, -12),  # 2019 table 2: 本年增/减
        ("+1", False, 1),
        ("1,234", False, 1234),
        ("abc", False, None),
    ],
)
def test_parse_value(raw, decimal, value):
    assert parse_value(raw, decimal=decimal) == value


@pytest.mark.parametrize(
    "tokens,n,cells",
    [
        # seven cells printed with their separators
        (["119", "16", "0", "0", "0", "0", "135"], 7, ["119", "16", "0", "0", "0", "0", "135"]),
        # crawled pages: separators missing, one reading only (numbers never start with 0)
        (["0000000"], 7, ["0"] * 7),
        (["6000006"], 7, ["6", "0", "0", "0", "0", "0", "6"]),
        (["10", "0", "00", "0", "1"], 7, ["1", "0", "0", "0", "0", "0", "1"]),
        (["0", "0", "0", "0", "0", "00"], 7, ["0"] * 7),
        (["000000000000000"], 15, ["0"] * 15),
        (["100010000000101"], 15, list("100010000000101")),
        # more than one reading: left unread rather than guessed
        (["2171000218"], 7, None),  # 217|1|0|0|0|0|218 or 21|71|0|0|0|0|218 or …
        (["230000023"], 7, None),
        (["2025"], 3, None),  # 行政规范性文件2025: 2|0|25 or 20|2|5
        (["21317000001324019"], 15, None),
        # no reading at all
        (["1", "2"], 3, None),
        (["1", "2", "3", "4"], 3, None),
        # null markers and decimals are single cells
        (["/", "0", "—"], 3, ["/", "0", "—"]),
        (["18651.06"], 1, ["18651.06"]),
    ],
)
def test_split_cells(tokens, n, cells):
    assert split_cells(tokens, n) == cells
