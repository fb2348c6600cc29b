"""Properties of `geomap.extract` for any text and any document date, checked with hypothesis.

Derandomized and bounded so CI is reproducible and quick; benchmarks/fuzz.py runs the same checks
(tests/fuzztext.py) over 100,000 texts outside CI.
"""

from __future__ import annotations

import datetime as dt

from fuzztext import DATES, EDGE_DATES, GLUE, PEOPLE, PLACES, PUNCT, SEPARATORS, iso_date, problems, triggers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geomap
from geomap.dates import find_dates


def bounded(max_examples: int) -> settings:
    """Reproducible in CI (derandomized, no example database) and bounded in time."""
    return settings(
        max_examples=max_examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


pieces = st.one_of(
    st.sampled_from(PLACES + PEOPLE),
    st.sampled_from(triggers()),
    st.sampled_from(DATES),
    st.sampled_from(GLUE),
    st.sampled_from(PUNCT),
    st.text(max_size=6),
)
news = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts)
)
document_dates = st.one_of(
    st.none(),
    st.sampled_from(EDGE_DATES),
    st.dates(),
    st.dates(max_value=dt.date(999, 12, 31)),
    st.dates(min_value=dt.date(9990, 1, 1)),
)


def _check(text: str, when: dt.date | None, gazetteer, reader: str = "rules") -> None:
    doc = geomap.extract(text, date=when, gazetteer=gazetteer, reader=reader)
    assert problems(text, doc) == []


@bounded(1000)
@given(text=news, when=document_dates)
def test_extract_keeps_its_properties_on_news_like_text(gazetteer, text, when):
    _check(text, when, gazetteer)


@bounded(300)
@given(text=st.text(max_size=200), when=document_dates)
def test_extract_keeps_its_properties_on_any_unicode(gazetteer, text, when):
    _check(text, when, gazetteer)


@bounded(300)
@given(text=news, when=document_dates)
def test_the_syntax_reader_keeps_the_same_properties(gazetteer, syntax_model, text, when):
    _check(text, when, gazetteer, reader="syntax")


@bounded(400)
@given(text=st.lists(st.sampled_from(DATES + SEPARATORS), max_size=8).map("".join), when=document_dates)
def test_every_date_value_is_iso_or_none(text, when):
    for d in find_dates(text, when):
        assert text[d.start : d.end] == d.text
        assert (d.value is None) == (d.precision is None)
        if d.value is not None:
            assert iso_date(d.value), d.value


def test_the_place_names_drawn_from_are_in_the_bundled_gazetteer(gazetteer):
    assert [p for p in PLACES if gazetteer.get(p) is None] == []
