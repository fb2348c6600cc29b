"""Dates in news text: "Aug. 8", "July 25, 2023", "In March", "on Tuesday", "Aug. 1 and 2", "in 1999".

Expressions are found with patterns; their values are read here where they are a month's name, with
or without a day and a year (nearly all of them), and otherwise by python-dateutil, which parses the
many ways English writes a date. A date without a year takes the year that puts it nearest the
reference date: the document's date when it is known (then it may not lie more than a week after
it), else the latest full date the text itself gives. Weekdays and "yesterday" need the document's
date and stay unresolved without it. A year alone is a date only after a word of time ("in 1999",
"since 2014"), never as a bare number ("2021 tanks"). A date that would fall before 0001-01-01 or after 9999-12-31
is no date (None); years are always written with 4 digits.

>>> import datetime as dt
>>> [(d.text, d.value, d.precision) for d in find_dates("On Aug. 8 and in March", dt.date(2023, 8, 10))]
[('Aug. 8', '2023-08-08', 'day'), ('March', '2023-03', 'month')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS = [
    ("iso", re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b")),
    ("weekday_date", re.compile(rf"\b{_WEEKDAY},? {_MONTH} {_DAY}(?:,? {_YEAR})?(?![\w])")),
    ("day_range", re.compile(rf"\b{_MONTH} {_DAY}(?: ?[-–] ?| (?:and|to) ){_DAY}(?:,? {_YEAR})?(?![\w])")),
    ("month_day", re.compile(rf"\b{_MONTH} {_DAY}(?:,? {_YEAR})?(?![\w])")),
    ("day_month", re.compile(rf"\b{_DAY} {_MONTH}(?: {_YEAR})?(?![\w])")),
    ("month_year", re.compile(rf"\b{_MONTH},? {_YEAR}\b")),
    ("month", re.compile(rf"\b(?i:in|since|until|by|last|this|early|late|mid|of|the) (?P<d>{_MONTH})(?!\w)")),
    ("weekday", re.compile(rf"\b{_WEEKDAY}\b")),
    # "\b(?i:yesterday|today)\b", written to open with the letters a match can start with (no other
    # character matches y or t ignoring case), which the engine skips to without trying the rest
    ("relative", re.compile(r"[YyTt](?<=\b[YyTt])(?i:(?<=[Yy])esterday|(?<=[Tt])oday)\b")),
    # a year alone, after a word that makes it a time ("in 1999", "since 2014"), not a count or a name
    ("year", re.compile(rf"\b(?i:in|since|until|by|during|from|early|late|mid)[ -](?P<d>{_YEAR})(?![\w/-])")),
]


@dataclass(frozen=True)
class DateMention:
    """A date expression: text[start:end], its ISO value (a day, a month, a range) or None."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None  # day, month or year


# Where each pattern may start: "relative" anywhere; the others at a month's or a weekday's name or
# a number, "month" at the word before a month's name and "year" at the word before a year. Trying
# a pattern only there gives what its finditer gives, without scanning the text once for each
# pattern. A number is a start only
# where what follows may make a date: three more digits and a dash ("iso"), or a day's digits
# and a month's name ("day_month"); news has many numbers, and few are dates. Likewise a month's or
# a weekday's name only where the whole name ends a word ("March", not "Marine"; "Sunday", not
# "Sunni"): every pattern needs that.
# The pattern opens with every character a start may be, which the engine skips to without trying
# the rest; a look-behind then checks that character for what follows it. A match is one character
# long: its start and its group are what is used (the rest of a name or a year starts no match).
_ANCHOR = re.compile(
    rf"[JFMASONDTW\d](?<=\b(?:(?P<month>(?={_MONTH}(?!\w)).)"
    rf"|(?P<weekday>(?={_WEEKDAY}\b).)"
    r"|\d(?=\d\d\d-|\d?(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
    rf"|(?P<year>(?={_YEAR}(?![\w/-])).)))"
)
_STARTS = {
    "iso": "number", "weekday_date": "weekday", "day_range": "month", "month_day": "month", "day_month": "number",
    "month_year": "month", "month": "word_before_month", "weekday": "weekday", "year": "word_before_year",
}  # fmt: skip


def find_dates(text: str, document_date: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `text`, resolved where the text and the document date allow."""
    matches = _matches(text)
    spans: list[tuple[int, int, str]] = []  # in text order, none overlapping another
    for kind, pattern in _PATTERNS:
        for m in matches[kind]:
            start, end = m.span("d") if "d" in pattern.groupindex else m.span()
            i = bisect.bisect_left(spans, (end,))  # the spans before i start before this one ends
            if i == 0 or spans[i - 1][1] <= start:  # and the last of them (ending last) ends before it starts
                spans.insert(i, (start, end, kind))
    reference = document_date or _latest_full_date(matches)
    return [DateMention(s, e, text[s:e], *_resolve(text[s:e], kind, reference, document_date)) for s, e, kind in spans]


def _matches(text: str) -> dict[str, list[re.Match[str]]]:
    """Each pattern's matches in `text`, as its finditer gives them."""
    starts: dict[str, list[int]] = {"month": [], "weekday": [], "number": [], "year": []}
    for m in _ANCHOR.finditer(text):
        starts[m.lastgroup or "number"].append(m.start())
    starts["word_before_month"] = _words_before(text, starts["month"], " ")
    starts["word_before_year"] = _words_before(text, starts["year"], " -")
    out: dict[str, list[re.Match[str]]] = {}
    for kind, pattern in _PATTERNS:
        if kind not in _STARTS:
            out[kind] = list(pattern.finditer(text))
            continue
        found: list[re.Match[str]] = []
        for p in starts[_STARTS[kind]]:
            if not found or p >= found[-1].end():
                m = pattern.match(text, p)
                if m:
                    found.append(m)
        out[kind] = found
    return out


def _words_before(text: str, positions: list[int], gaps: str) -> list[int]:
    """Where the word before each position starts, if one of `gaps` alone stands between them."""
    out = []
    for p in positions:
        if p >= 2 and text[p - 1] in gaps:
            word = p - 1
            while word > 0 and (text[word - 1].isalnum() or text[word - 1] == "_"):
                word -= 1
            out.append(word)
    return out


def latest_full_date(text: str) -> dt.date | None:
    """The latest date with day, month and year that the text writes out ("July 25, 2023")."""
    return _latest_full_date(_matches(text))


def _latest_full_date(matches: dict[str, list[re.Match[str]]]) -> dt.date | None:
    found = []
    for kind in ("iso", "month_day", "day_month"):
        for m in matches[kind]:
            if re.search(_YEAR, m.group()):
                parsed = _parse(m.group(), dt.date(2000, 1, 1))
                if parsed:
                    found.append(parsed)
    return max(found, default=None)


# What the patterns find is nearly always a month's name with a day or a year ("Aug. 8", "8 August",
# "July 25, 2023", "April, 2007", "March"): those are read here, as dateutil reads them (a missing
# year or day from the default, a day the month lacks no date), and anything else by dateutil, which
# costs a hundred times as much.
_NAMED_DATE = re.compile(
    rf"(?:(?P<day_first>{_DAY}) )?(?P<month>{_MONTH})(?: (?P<day>{_DAY}))?(?:,? (?P<year>{_YEAR}))?"
)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_NUMBERS = {name: n for n, name in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAY[3:-1].split("|"))}


def _parse(expression: str, default: dt.date) -> dt.date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", expression).replace("Sept.", "Sep.")
    named = _NAMED_DATE.fullmatch(cleaned)
    if named and not (named["day_first"] and named["day"]):
        year = int(named["year"]) if named["year"] else default.year
        day = named["day_first"] or named["day"]
        try:
            return dt.date(year, _MONTH_NUMBERS[named["month"][:3]], int(day) if day else 1)
        except ValueError:  # "Feb. 30"
            return None
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            pass  # dateutil decides
    try:
        return date_parser.parse(cleaned, default=dt.datetime(default.year, default.month, 1)).date()
    except (ValueError, OverflowError):
        return None


def _shift(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days`, or None past either end of the calendar (0001-01-01, 9999-12-31)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _iso(day: dt.date | None, precision: str) -> tuple[str | None, str | None]:
    """The ISO value of `day` as a day or a month, always with a 4-digit year (strftime's %Y does not pad)."""
    if day is None:
        return None, None
    return (day.isoformat() if precision == "day" else f"{day.year:04d}-{day.month:02d}"), precision


def _nearest_year(month: int, day: int, reference: dt.date, strict: bool) -> dt.date | None:
    """The date with this month and day nearest `reference` (not a week after it when strict)."""
    options = []
    latest = _shift(reference, 7) or dt.date.max  # from 9999-12-25 on, every date is within the week
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # also year 0 and 10000
            continue
        if strict and candidate > latest:
            continue
        options.append((abs((candidate - reference).days), candidate))
    return min(options)[1] if options else None


def _resolve(
    expression: str, kind: str, reference: dt.date | None, document_date: dt.date | None
) -> tuple[str | None, str | None]:
    if kind == "weekday_date":  # "Tuesday, July 25, 2023": the weekday adds nothing
        expression, kind = re.sub(rf"^{_WEEKDAY},? ", "", expression), "month_day"
    has_year = re.search(_YEAR, expression) is not None
    strict = document_date is not None
    if kind == "weekday":
        if document_date is None:
            return None, None
        weekday = _WEEKDAY_NUMBERS[expression]
        return _iso(_shift(document_date, -((document_date.weekday() - weekday) % 7)), "day")  # on or before it
    if kind == "year":
        return expression, "year"
    if kind == "relative":
        if document_date is None:
            return None, None
        shift = -1 if expression.lower() == "yesterday" else 0
        return _iso(_shift(document_date, shift), "day")
    if kind in ("month", "month_year"):
        parsed = _parse(expression, reference or dt.date(2000, 1, 1))
        if parsed is None or (not has_year and reference is None):
            return None, None
        if not has_year:
            parsed = _nearest_year(parsed.month, 1, reference.replace(day=1), strict) or parsed  # type: ignore[union-attr]
        return _iso(parsed, "month")
    if kind == "day_range":
        # the start is resolved as a date of its own; the end is a later day of the same month
        first, last = re.split(r"\s*(?:\band\b|-|–|\bto\b)\s*", expression.split(",")[0], maxsplit=1)
        year = re.search(_YEAR, expression)
        start_value, _ = _resolve(first + (f", {year.group()}" if year else ""), "month_day", reference, document_date)
        if start_value is None:
            return None, None
        start = dt.date.fromisoformat(start_value)
        try:
            end = start.replace(day=int(re.match(r"\d+", last).group()))  # type: ignore[union-attr]
        except ValueError:  # Feb. 28 and 30
            return None, None
        return (f"{start_value}/{end.isoformat()}", "day") if end > start else (None, None)
    parsed = _parse(expression, reference or dt.date(2000, 1, 1))
    if parsed is None:
        return None, None
    if not has_year and kind != "iso":
        if reference is None:
            return None, None
        parsed = _nearest_year(parsed.month, parsed.day, reference, strict) or parsed
    return _iso(parsed, "day")


_DATELINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Date)[:\s|]*)?({_MONTH} {_DAY},? {_YEAR}|{_YEAR}-\d\d-\d\d)\b"
)


def dateline(text: str) -> dt.date | None:
    """The document's own date where its opening says so: 'Published Aug. 10, 2023', a line that
    is only a date, or a full date in the first 200 characters."""
    head = text[:200]
    for line in text.splitlines()[:15]:
        stripped = line.strip()
        match = _DATELINE.match(stripped)
        if match and (stripped == match.group() or stripped[:1] in "PUD"):
            return _parse(match.group(1), dt.date(2000, 1, 1))
    match = re.search(rf"{_MONTH} {_DAY},? {_YEAR}", head)
    return _parse(match.group(), dt.date(2000, 1, 1)) if match else None
