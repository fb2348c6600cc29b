"""Dates at the ends of the calendar: no OverflowError, and every value ISO with a 4-digit year."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import geomap
from geomap.dates import find_dates

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def _values(text: str, when: dt.date) -> list[str | None]:
    return [d.value for d in find_dates(text, when)]


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("yesterday", dt.date.min, [None]),  # the day before 0001-01-01 is no date
        ("today", dt.date.min, ["0001-01-01"]),
        ("yesterday", dt.date(1, 1, 2), ["0001-01-01"]),
        ("on Sunday", dt.date.min, [None]),  # 0001-01-01 is a Monday: the Sunday before it is year 0
        ("on Monday", dt.date.min, ["0001-01-01"]),
        ("on Tuesday", dt.date.max, ["9999-12-28"]),
        ("today", dt.date.max, ["9999-12-31"]),
    ],
)
def test_yesterday_and_weekdays_at_the_ends_of_the_calendar(text, when, expected):
    assert _values(text, when) == expected


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("On November 1", dt.date.max, ["9999-11-01"]),  # the week's grace after 9999-12-31 is past date.max
        ("on January 3", dt.date(9999, 12, 25), ["9999-01-03"]),  # 10000-01-03 would be nearer, but is no date
        ("Aug. 1 and 2", dt.date(9999, 12, 31), ["9999-08-01/9999-08-02"]),
        ("On Dec. 30", dt.date.min, ["0001-12-30"]),  # year 0 does not exist
    ],
)
def test_a_date_without_a_year_near_the_ends_of_the_calendar(text, when, expected):
    assert _values(text, when) == expected


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("In March", dt.date(1, 5, 5), ["0001-03"]),
        ("in December", dt.date.min, ["0001-12"]),
        ("In March", dt.date(999, 5, 5), ["0999-03"]),
        ("On Aug. 8", dt.date(999, 5, 5), ["0998-08-08"]),
        ("in January", dt.date(9999, 12, 25), ["9999-01"]),
    ],
)
def test_years_before_1000_are_written_with_four_digits(text, when, expected):
    assert _values(text, when) == expected


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Yesterday, North Korea shipped arms to Russia.", dt.date.min),
        ("On Sunday, North Korea shipped arms to Russia.", dt.date.min),
        ("On November 1, North Korea shipped arms to Russia.", dt.date.max),
        ("In March, North Korea shipped arms to Russia.", dt.date(1, 5, 5)),
        ("In March, North Korea shipped arms to Russia.", dt.date(999, 5, 5)),
    ],
)
def test_extract_gives_iso_event_dates_or_none_at_the_ends_of_the_calendar(gazetteer, text, when):
    doc = geomap.extract(text, date=when, gazetteer=gazetteer)
    assert doc.events
    for event in doc.events:
        assert event.date is None or ISO_DATE.match(event.date), event.date
        assert (event.date is None) == (event.date_precision is None)


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("Aug. 1-12", dt.date(2023, 8, 3), ["2023-08-01/2023-08-12"]),  # the end was put in 2022, before the start
        ("Aug. 8-2", dt.date(2023, 9, 3), [None]),  # no range ends before it starts
        ("Feb. 28 and 30", dt.date(2023, 3, 3), [None]),
        ("Dec. 30 and 31", dt.date(2024, 1, 1), ["2023-12-30/2023-12-31"]),
    ],
)
def test_a_day_range_ends_in_its_start_month_and_not_before_its_start(text, when, expected):
    assert _values(text, when) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In March, on Monday May 5 and 6, 2023, since June, mid July 2022; 5 June; 2023-05-06 and today.",
        "xin March, _in May, Mayday, Sept. 3-4, by Aug. 8, THE JUNE 2, 12 March 2021, yesterday",
        "in  March (two spaces), in\nMarch, the March, Tuesday, July 25, 2023 and 30 Dec",
        "Marine Sunni Mayor Monroe, Jan.5, in Jan. 5 Sept.; Mondays 1234-5 2023-05-06 12th June 3 Decembers",
    ],
)
def test_patterns_tried_where_they_may_start_find_what_a_scan_finds(text):
    from geomap.dates import _PATTERNS, _matches

    found = _matches(text)
    for kind, pattern in _PATTERNS:
        assert [m.span() for m in found[kind]] == [m.span() for m in pattern.finditer(text)], kind


@pytest.mark.parametrize("text", ["Jun 5and3", "Arms left on Aug. 1to2.", "May 3and 4"])
def test_words_glued_to_a_day_make_no_range_and_never_raise(text):
    """'and' and 'to' join a range only as words: 'Jun 5and3' once crashed the range split."""
    found = find_dates(text, dt.date(2023, 8, 10))
    assert all("/" not in (d.value or "") for d in found)


def test_month_names_read_as_dateutil_reads_them():
    """_parse reads "Aug. 8", "8 August 2023", "April, 2007" itself (dateutil costs a hundred times
    as much): the same dates as dateutil, a day the month lacks included."""
    import itertools
    import re

    from dateutil import parser as date_parser

    from geomap.dates import _parse

    def dateutil(expression: str, default: dt.date) -> dt.date | None:
        cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", expression).replace("Sept.", "Sep.")
        try:
            return date_parser.parse(cleaned, default=dt.datetime(default.year, default.month, 1)).date()
        except ValueError:
            return None

    months = ["Jan.", "February", "Mar", "May", "June", "Jul", "Sep.", "Sept", "Sept.", "September", "Dec"]
    days = ["1", "09", "22nd", "28", "29", "30", "31st"]
    defaults = [dt.date(2023, 2, 1), dt.date(2024, 2, 1), dt.date(1, 1, 1), dt.date(9999, 12, 1)]
    forms = [*months, *(f"{m}, 2024" for m in months), "2023-08-15", "2023-02-30", "2023-19-09"]
    forms += [f for m, d in itertools.product(months, days) for f in (f"{m} {d}", f"{d} {m} 2023", f"{m} {d}, 2024")]
    for expression, default in itertools.product(forms, defaults):
        assert _parse(expression, default) == dateutil(expression, default), (expression, default)


def test_a_year_after_a_word_of_time_is_a_date():
    found = [(d.text, d.value, d.precision) for d in find_dates("They arrived in 1999, since 2014 and by 2020-21.")]
    assert found == [("1999", "1999", "year"), ("2014", "2014", "year")]
    # a month and year is the month's; a count or a range of seasons is no year
    assert [(d.value, d.precision) for d in find_dates("In December 2004 the jury met.")] == [("2004-12", "month")]
    assert find_dates("He scored 2017 points in 1999-2000.") == []
