"""UN-style dates and the meeting date ranges resolutions use."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from reslint.vocab.dates import (
    DATE_PATTERN,
    DATE_RANGE_PATTERN,
    MONTHS,
    format_date,
    month_number,
    parse_date,
    parse_date_range,
)

DATE_RE = re.compile(DATE_PATTERN)
RANGE_RE = re.compile(DATE_RANGE_PATTERN)


def test_months() -> None:
    assert len(MONTHS) == 12
    for i, name in enumerate(MONTHS, start=1):
        assert month_number(name) == i
        assert month_number(name.upper()) == i
        assert month_number(name.lower()) == i
        assert month_number(f" {name} ") == i


@pytest.mark.parametrize("name", ["", "Dec", "Sept", "Decembre", "13", "Mayo"])
def test_month_number_rejects(name: str) -> None:
    assert month_number(name) is None


def test_format_date() -> None:
    assert format_date(date(2021, 12, 6)) == "6 December 2021"
    assert format_date(date(2025, 1, 31)) == "31 January 2025"


def test_every_day_round_trips() -> None:
    day = date(2023, 1, 1)
    while day < date(2025, 1, 1):  # includes 29 February 2024
        text = format_date(day)
        assert parse_date(text) == day
        assert DATE_RE.fullmatch(text)
        assert parse_date_range(text) == [(day, day)]
        day += timedelta(days=1)


@pytest.mark.parametrize(
    "text",
    [
        "6 December 2021",
        "06 December 2021",
        "6  December   2021",
        "6\nDecember\n2021",
        "6\u00a0December\u00a02021",
        " 6 December 2021 ",
        "6 december 2021",
        "6 DECEMBER 2021",
    ],
)
def test_parse_date_tolerates_spacing_and_case(text: str) -> None:
    assert parse_date(text) == date(2021, 12, 6)
    assert DATE_RE.fullmatch(text.strip())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "31 November 2021",
        "29 February 2023",
        "0 December 2021",
        "32 December 2021",
        "December 6, 2021",
        "December 6 2021",
        "6 December, 2021",
        "6 Dec 2021",
        "6 December 21",
        "2021-12-06",
        "06/12/2021",
        "6th December 2021",
        "6 December 2021 and 7 December 2021",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_date_pattern_in_text() -> None:
    text = (
        "resolutions 76/1 of 6 December 2021 and 77/2 of 7\u00a0December 2022; "
        "not 16 December 20210, nor 6 Dec 2021, nor A6 December 2021"
    )
    assert DATE_RE.findall(text) == ["6 December 2021", "7\u00a0December 2022"]


def test_patterns_have_no_groups() -> None:
    assert DATE_RE.groups == 0
    assert RANGE_RE.groups == 0


D = date
EXAMPLES = [
    ("6 December 2021", [(D(2021, 12, 6), D(2021, 12, 6))]),
    ("on 6 December 2021", [(D(2021, 12, 6), D(2021, 12, 6))]),
    ("held on 6 December 2021", [(D(2021, 12, 6), D(2021, 12, 6))]),
    ("30 August to 2 September 2022", [(D(2022, 8, 30), D(2022, 9, 2))]),
    ("30 August–2 September 2022", [(D(2022, 8, 30), D(2022, 9, 2))]),
    ("10 to 13 September 2024", [(D(2024, 9, 10), D(2024, 9, 13))]),
    ("from 10 to 13 September 2024", [(D(2024, 9, 10), D(2024, 9, 13))]),
    ("From 10 to 13 September 2024", [(D(2024, 9, 10), D(2024, 9, 13))]),
    (
        "from 25 to 27 November 2020 and on 20 and 21 September 2021",
        [(D(2020, 11, 25), D(2020, 11, 27)), (D(2021, 9, 20), D(2021, 9, 21))],
    ),
    ("18 and 19 March 2025", [(D(2025, 3, 18), D(2025, 3, 19))]),
    ("18–19 March 2025", [(D(2025, 3, 18), D(2025, 3, 19))]),
    ("18 – 19 March 2025", [(D(2025, 3, 18), D(2025, 3, 19))]),
    ("18-19 March 2025", [(D(2025, 3, 18), D(2025, 3, 19))]),
    ("18 and 20 March 2025", [(D(2025, 3, 18), D(2025, 3, 18)), (D(2025, 3, 20), D(2025, 3, 20))]),
    ("during the week of 15 September 2025", [(D(2025, 9, 15), D(2025, 9, 21))]),
    ("the week of 15 September 2025", [(D(2025, 9, 15), D(2025, 9, 21))]),
    ("during the week of 14 to 18 September 2026", [(D(2026, 9, 14), D(2026, 9, 18))]),
    ("30 December 2025 to 2 January 2026", [(D(2025, 12, 30), D(2026, 1, 2))]),
    ("30 November and 1 December 2025", [(D(2025, 11, 30), D(2025, 12, 1))]),
    ("6 December 2021, and 7 December 2022", [(D(2021, 12, 6),) * 2, (D(2022, 12, 7),) * 2]),
    ("10 to\n13\u00a0September  2024", [(D(2024, 9, 10), D(2024, 9, 13))]),
    ("from 10 to 10 September 2024", [(D(2024, 9, 10), D(2024, 9, 10))]),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_parse_date_range(text: str, expected: list[tuple[date, date]]) -> None:
    assert parse_date_range(text) == expected
    assert parse_date_range(f"  {text}\n") == expected


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_range_pattern_finds_what_parses(text: str, expected: list[tuple[date, date]]) -> None:
    match = RANGE_RE.search(f"The meeting will take place {text}.")
    assert match is not None
    assert match.group() == text
    assert parse_date_range(match.group()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "nothing",
        "December 2021",
        "27 to 25 November 2020",
        "30 December to 2 January 2026",
        "31 November to 2 December 2021",
        "29 and 30 February 2025",
        "6 December 2021 and",
        "from 25 to 27 November",
        "from 25 to 27 November 2020 and on",
        "6 December 2021 or 7 December 2021",
        "between 6 and 7 December 2021",
        "2021–2026",
    ],
)
def test_parse_date_range_rejects(text: str) -> None:
    assert parse_date_range(text) is None


def test_range_pattern_in_text() -> None:
    text = (
        "The Conference held from 25 to 27 November 2020 and on 20 and 21 September 2021 "
        "decided to meet during the week of 15 September 2025, in 2021–2026."
    )
    assert RANGE_RE.findall(text) == [
        "held from 25 to 27 November 2020 and on 20 and 21 September 2021",
        "during the week of 15 September 2025",
    ]
