"""The quickened attribute ruler and lemmatizer set exactly what spaCy's own components set."""

from __future__ import annotations

import pytest

from geomap.spacy_fast import quicken

# Sentences we wrote to reach the model's rules: one-token rules by word and by tag, the
# several-token rules ("ain't", "gonna", "y'all", "let's", an expletive "there is") and `IN`/`REGEX`
# tests, beside the news prose the reader parses.
SENTENCES = [
    "A planeload of arms left Pyongyang for Russia on Aug. 8, officials said.",
    "There is no sign that the convoy ain't gonna reach Kherson, y'all.",
    "Let's say the tanker was loaded with 30,000 barrels of diesel and sailed from Rotterdam.",
    "She'd've got there sooner if they hadn't been stopped at the border; he gets by.",
    "Were there any flights? There are two, and there were three last week.",
    "The U.S. imposed sanctions on Iran's oil exports, the Treasury said Tuesday.",
    "Gotta go: c'mon, the buses are leaving for Cirencester from Gloucester!",
    "Migrants' boats, refugees' tents and the ministers' talks were discussed.",
]


@pytest.fixture(scope="module")
def pipelines(syntax_model):
    import spacy

    plain = spacy.load(syntax_model, exclude=["senter"])
    quick = quicken(spacy.load(syntax_model, exclude=["senter"]))
    return plain, quick


def _annotations(nlp, texts):
    with nlp.select_pipes(disable=["ner"]):
        return [
            [(t.text, t.tag_, t.pos_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)
        ]


def test_the_quickened_components_are_in_place(pipelines):
    _, quick = pipelines
    assert "match" in vars(quick.get_pipe("attribute_ruler"))
    assert "lemmatize" in vars(quick.get_pipe("lemmatizer"))


def test_every_token_gets_the_same_attributes(pipelines):
    plain, quick = pipelines
    expected = _annotations(plain, SENTENCES)
    assert _annotations(quick, SENTENCES) == expected
    assert _annotations(quick, SENTENCES) == expected  # and again, from the remembered lemmas


def test_forgetting_what_was_remembered_changes_nothing(pipelines, monkeypatch):
    from geomap import spacy_fast

    plain, quick = pipelines
    monkeypatch.setattr(spacy_fast, "MEMO_SIZE", 3)  # (forms and rules remembered, then forgotten, many times)
    assert _annotations(quick, SENTENCES) == _annotations(plain, SENTENCES)


def test_rules_of_several_tokens_still_apply(pipelines):
    _, quick = pipelines
    with quick.select_pipes(disable=["ner"]):
        doc = quick("They ain't gonna stop, and there is a convoy.")
    lemmas = {t.text.lower(): t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert next(t for t in doc if t.text == "is").pos_ == "VERB"  # "there is": an expletive's verb


def test_the_same_matches_as_the_matcher_on_a_long_text(pipelines):
    plain, quick = pipelines
    text = " ".join(SENTENCES * 3)
    with plain.select_pipes(disable=["ner", "attribute_ruler", "lemmatizer"]):
        doc = plain(text)
    ruler = plain.get_pipe("attribute_ruler")
    assert quick.get_pipe("attribute_ruler").match(doc) == ruler.match(doc)


def test_a_ruler_with_rules_it_cannot_read_is_left_alone():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Kyiv"}]], {"LEMMA": "Kyiv"})  # ORTH: not among the attributes read here
    ruler.add([[{"LOWER": "kiev"}]], {"LEMMA": "Kyiv"})
    quicken(nlp)
    assert "match" not in vars(ruler)
    assert [t.lemma_ for t in nlp("Kiev and Kyiv")] == ["Kyiv", "", "Kyiv"]


def test_a_ruler_it_can_read_gives_the_matchers_answer():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "kiev"}]], {"LEMMA": "Kyiv"})
    ruler.add([[{"LOWER": {"REGEX": "^kyi"}}]], {"LEMMA": "Kyiv"})
    ruler.add([[{"LOWER": {"IN": ["odessa", "odesa"]}}]], {"LEMMA": "Odesa"})
    ruler.add([[{"LOWER": "port"}, {"LOWER": "of"}]], {"LEMMA": "harbour"}, index=0)
    ruler.add([[{"LOWER": "kiev"}]], {"LEMMA": "Kyiv (old spelling)"})  # a later rule wins, as in spaCy
    text = "the port of Odessa, Kiev and Kyiv"
    expected = [t.lemma_ for t in nlp(text)]
    quicken(nlp)
    assert "match" in vars(ruler)
    assert expected == ["", "harbour", "", "Odesa", "", "Kyiv (old spelling)", "", "Kyiv"]
    assert [t.lemma_ for t in nlp(text)] == expected
