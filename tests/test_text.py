from __future__ import annotations

import pytest

from geomap.errors import InputError
from geomap.text import html_to_text, read_text, sentences, tokens


def test_html_visible_text_skips_scripts_styles_and_markup(tmp_path):
    page = tmp_path / "article.html"
    page.write_text(
        "<!doctype html><html><head><title>Arms &amp; Russia</title><style>p{}</style>"
        "<script>var city = 'Paris';</script></head><body><nav>Home</nav>"
        "<article><h1>Airlift</h1><p>A plane left <a href='x'>Pyongyang</a> for Russia.</p>"
        "<p>Second&nbsp;paragraph<br>next line</p></article></body></html>",
        encoding="utf-8",
    )
    text = read_text(page)
    assert text == "Airlift\nA plane left Pyongyang for Russia.\nSecond paragraph\nnext line"
    assert "Paris" not in text


def test_html_parser_survives_broken_markup():
    assert html_to_text("<p>Open <b>Kyiv <i>and</b> Seoul") == "Open Kyiv and Seoul"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_files_are_read_as_they_are(tmp_path, suffix):
    path = tmp_path / f"a{suffix}"
    path.write_text("# Title\n\n*Kyiv* and [Seoul](http://x)\n", encoding="utf-8")
    assert read_text(path) == "# Title\n\n*Kyiv* and [Seoul](http://x)\n"


def test_unreadable_inputs_are_one_line_errors(tmp_path):
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'"):
        read_text(tmp_path / "a.pdf")
    with pytest.raises(InputError, match="cannot read"):
        read_text(tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Zürich".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_text(latin1)


def test_tokens_keep_abbreviations_whole_and_split_possessives():
    toks = [t.text for t in tokens("The U.S. and W.Va. met Russia's envoy; People's Republic")]
    assert toks == ["The", "U.S.", "and", "W.Va.", "met", "Russia", "'s", "envoy", "People", "'s", "Republic"]


def test_sentence_starts_after_abbreviation_only_when_a_new_sentence_begins():
    starts = {t.text: t.sentence_start for t in tokens("In the U.S. Treasury. Then Kyiv. “Seoul")}
    assert starts == {
        "In": True,
        "the": False,
        "U.S.": False,
        "Treasury": False,
        "Then": True,
        "Kyiv": False,
        "Seoul": True,
    }


def test_a_function_word_after_an_abbreviation_opens_a_sentence():
    text = "Both had traveled to the U.S. Of the cases, nine are in Sao Paulo. The U.S. Army came."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Both had traveled to the U.S.",
        "Of the cases, nine are in Sao Paulo.",
        "The U.S. Army came.",
    ]
    # but not a word that goes on a name or a headline ("the U.S. No. 2 diplomat", "U.S. To Send")
    for text in ("The U.S. No. 2 diplomat flew to Moscow.", "U.S. To Send 3,000 Troops To Poland"):
        assert sentences(text) == [(0, len(text))]


def test_a_word_in_lower_case_opens_no_sentence_after_a_full_stop():
    text = 'The bus arrived at 3 a.m. after leaving Calgary. "Go now!" he shouted. It ended.\nand then'
    assert [text[s:e] for s, e in sentences(text)] == [
        "The bus arrived at 3 a.m. after leaving Calgary.",
        '"Go now!" he shouted.',
        "It ended.",
        "and then",  # a line break still ends one
    ]


def test_an_article_element_is_the_story_without_menus_and_sidebars():
    story = "<p>" + "A planeload of arms left Pyongyang for Russia on Aug. 8, officials said. " * 4 + "</p>"
    page = (
        "<html><head><title>Arms</title></head><body><div class='menu'>Paris London Tokyo</div>"
        f"<article><h1>Airlift</h1>{story}</article><div class='sidebar'>Weather in Nairobi</div>"
        "<footer>222 Lakeview Avenue, West Palm Beach</footer></body></html>"
    )
    text = html_to_text(page)
    assert text.startswith("Airlift\nA planeload") and "Pyongyang" in text
    assert "Paris" not in text and "Nairobi" not in text and "West Palm Beach" not in text


def test_without_an_article_navigation_and_footers_are_left_out():
    page = "<body><nav>Home World Paris</nav><p>Talks in Seoul.</p><aside>Ads</aside><footer>Miami</footer></body>"
    assert html_to_text(page) == "Talks in Seoul."


def test_the_headline_is_the_first_h1_else_the_title_case_kept():
    assert html_to_text("<title>Arms - Site</title><p>Intro</p><h1>North Korea Airlifts Arms</h1><p>Text</p>") == (
        "North Korea Airlifts Arms\nIntro\nNorth Korea Airlifts Arms\nText"
    )
    assert html_to_text("<title>North Korea Airlifts Arms</title><p>Text</p>").startswith("North Korea Airlifts Arms\n")
    assert html_to_text("<title>T</title><nav><h1>Menu</h1></nav><h1></h1><h1>Real</h1>x").startswith("Real\n")


def test_an_html_article_s_headline_is_its_record_s_title(tmp_path, gazetteer):
    from geomap.document import read_documents

    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Arms - The Site</title></head><body><h1>North Korea  Airlifts Arms</h1>"
        "<p>A planeload of arms left Pyongyang for Russia.</p></body></html>",
        encoding="utf-8",
    )
    (doc,) = read_documents(page, gazetteer=gazetteer, reader="rules")
    assert doc.to_dict()["title"] == "North Korea Airlifts Arms"
    text = tmp_path / "a.txt"
    text.write_text("A planeload of arms left Pyongyang for Russia.", encoding="utf-8")
    (doc,) = read_documents(text, gazetteer=gazetteer, reader="rules")
    assert "title" not in doc.to_dict()  # a text file says no title
