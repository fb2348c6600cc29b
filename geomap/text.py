"""The first stage: the text of an article, from a .txt, .md or .html file, and its tokens.

HTML is read with the standard library's HTML parser; its visible text (no scripts, styles or
markup, block elements on lines of their own) is what the later stages see, and every offset
they report points into that text.
"""

from __future__ import annotations

import re
from functools import partial
from html.parser import HTMLParser
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import NamedTuple

from geomap.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_text(path: str | Path) -> str:
    """The text of a .txt/.md file as it is, or the visible text of an .html file."""
    return read_article(path)[0]


def read_article(path: str | Path) -> tuple[str, str | None]:
    """An article file's text (as `read_text`) and, for a page, its headline: its first <h1>, else its
    <title>, white space collapsed (None for plain text or a page with neither)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r}; expected .txt, .md or .html")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    return _decode(raw, str(path), html=suffix in HTML_SUFFIXES)


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether text (read from standard input, with no name to go by) is an HTML page.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>"), looks_like_html("Paris <b>shipped</b> arms")
    (True, False)
    """
    return _HTML_START.match(text[:4096]) is not None


def decode_article(raw: bytes, where: str, *, html: bool | None = None) -> str:
    """An article's text from its bytes: strict UTF-8 (a BOM dropped), HTML reduced to its visible
    text (by default, if it looks like a page: standard input has no name to go by); InputError
    naming `where` for bytes that are not UTF-8 or an article with no text."""
    return _decode(raw, where, html=html)[0]


def _decode(raw: bytes, where: str, *, html: bool | None) -> tuple[str, str | None]:
    """`decode_article`'s text, and the page's headline (None for plain text)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: not UTF-8 text (byte {e.start})") from None
    if html is None:
        html = looks_like_html(text)
    headline = None
    if html:
        text, headline = _page(text)
    if not text.strip():
        raise InputError(f"{where}: is empty: no text to read")
    return text, headline


_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "footer", "aside", "form"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "title", "tr", "ul",
}  # fmt: skip


class _VisibleText(HTMLParser):
    """The page's title and first <h1>, all its visible text, and the text inside <article> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article: list[str] = []
        self.skipping = 0
        self.in_article = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.in_h1 = False

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self.in_article:
            self.article.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag == "h1" and not "".join(self.h1).strip():
            self.in_h1 = not self.skipping
        elif tag in _SKIP:
            self.skipping += 1
        elif tag == "article":
            self.in_article += 1
        if tag in _BLOCK:
            self._add("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        elif tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "article":
            self.in_article = max(0, self.in_article - 1)
        if tag in _BLOCK:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self._add(data)
            if self.in_h1:
                self.h1.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page: its headline (the first <h1>, else the <title>), then the
    body's text, one block a line (so a headline read from the first line keeps its case). Where the
    page marks its story with <article>, only that (menus, footers and sidebars name places too);
    elsewhere navigation, footers, sidebars and forms are left out.

    >>> html_to_text("<html><head><title>Arms</title><script>x='Paris'</script></head>"
    ...              "<body><p>Left <b>Pyongyang</b>&nbsp;for Russia.</p><p>Next</p></body></html>")
    'Arms\\nLeft Pyongyang for Russia.\\nNext'
    >>> html_to_text("<title>Arms to Russia - The Site</title><h1>North Korea Airlifts Arms</h1><p>Text")
    'North Korea Airlifts Arms\\nText'
    """
    return _page(html)[0]


def _page(html: str) -> tuple[str, str | None]:
    """A page's visible text (as `html_to_text`) and its headline, in one parse.

    >>> _page("<title>Arms to Russia - The Site</title><h1>North Korea  Airlifts Arms</h1><p>Text")
    ('North Korea Airlifts Arms\\nText', 'North Korea Airlifts Arms')
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.h1).split()) or " ".join("".join(parser.title).split())
    article = "".join(parser.article)
    body = (article if len(article.strip()) >= 200 else "".join(parser.parts)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in body.splitlines()]
    lines = [line for line in lines if line]
    text = "\n".join(line for line in [title, *lines[lines[:1] == [title] :]] if line)  # the <h1> once
    return text, title or None


# --- Datelines -------------------------------------------------------------------------------------

# What follows a dateline's place: "SEOUL, South Korea (AP) - ", "KYIV (Reuters) - ", "ADRE, Chad — ",
# "LAMPEDUSA, Italy, Sept 16 - "
_DATELINE_DATE = r"(?:, ?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"  # ", Sept 16"
DATELINE_TAIL = re.compile(
    r"(?:,[ \w.]{2,30})?" + _DATELINE_DATE + r"\s*(?:\([A-Za-z][\w. ]{0,20}\)\s*)?[—–-]{1,2}\s|\s*\([A-Z][\w. ]{0,20}\)"
)
# a dateline opening a sentence: the place in capitals, then the tail
DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?=[,(\s])" + f"(?:{DATELINE_TAIL.pattern})")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is where a report was filed: 'BEIRUT (AP) —', 'BAIKONUR, Kazakhstan —'.
    A dateline opens a line, or, in text whose lines were run together, a sentence in capitals
    ("… said. SAN FRANCISCO — A fourth officer")."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    if before and not (before[-1] in '.!?"”' and text[start:end].isupper()):
        return False
    return DATELINE_TAIL.match(text, end) is not None


# --- Tokens ---------------------------------------------------------------------------------------


class Token(NamedTuple):
    """A word of the text: its characters are text[start:end].

    A named tuple rather than a dataclass: a text has a token for every word, and building one is
    most of what tokenising costs; whether it is capitalised is asked so often that it is a field."""

    start: int
    end: int
    text: str
    sentence_start: bool  # the first word of a sentence, a line or a quotation
    capitalised: bool  # its first letter is a capital

    @property
    def upper(self) -> bool:
        return self.text.isupper() and len(self.text.replace(".", "")) > 1


# Letter abbreviations with dots (U.S., W.Va.), then words: letters with inner apostrophes
# ("O'Hare"); a possessive 's is a token of its own ("Russia" "'s"), and hyphens split words
# ("Russia-North Korea"); a place name spans several tokens where it must ("People's Republic").
_TOKEN = re.compile(r"(?:[A-Z][a-z]{0,2}\.){2,}|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*|['’][sS]\b|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*\s+$|\n\s*$|^\s*$|[\"“‘(\[:]\s*$")


def tokens(text: str) -> list[Token]:
    """The words of a text, each knowing whether it starts a sentence, in one pass.

    >>> [(t.text, t.sentence_start) for t in tokens("Arms left Pyongyang. The U.S. said")]
    [('Arms', True), ('left', False), ('Pyongyang', False), ('The', True), ('U.S.', False), ('said', False)]
    """
    # One split gives the words and the gaps between them (gap, word, gap, word, ..., gap), and the
    # running sum of their lengths every offset: no match object and no Python call per word.
    parts = _SPLIT(text)
    words = parts[1::2]
    if not words:
        return []
    bounds = list(accumulate(map(len, parts)))
    starts = [False] * len(words)
    starts[0] = True
    # Only a gap other than one space, or one space after a dotted abbreviation, may start a
    # sentence: the rest (most words) keep False without a look.
    for i, gap in enumerate(parts[2:-1:2], start=1):
        if gap == " ":
            previous = words[i - 1]
            if previous[-1] == ".":
                # after a dotted abbreviation, a word that usually opens a sentence does ("in the U.S. The")
                starts[i] = words[i] in _SENTENCE_OPENERS and previous.count(".") > 1
        elif gap in _NO_BREAK:
            pass
        elif gap == ". " and _abbreviation_word(words[i - 1]):
            pass  # "Aug. 8", "Rep. Yoo", "Brian E. Nelson"
        elif words[i][0].islower() and "\n" not in gap:
            pass  # "at 3 a.m. after leaving Calgary", "(see p. ii)": a sentence opens with a capital
        else:
            end = bounds[2 * i - 1]  # the end of the word before
            starts[i] = _SENTENCE_END.search(text[max(0, end - 3) : bounds[2 * i]]) is not None
    capitalised = map(str.isupper, map(itemgetter(0), words))
    # tuple.__new__ is what Token._make calls, here without a Python call per word
    return list(map(_new_token, zip(bounds[0:-1:2], bounds[1::2], words, starts, capitalised, strict=True)))


# _TOKEN for the split, written to open with a class of every character a token starts with (the
# engine skips to those without trying each alternative) and to check that character in a
# look-behind: the same matches, a fifth faster on news.
_SPLIT = re.compile(
    r"([\w'’](?:(?<=[A-Z])[a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+|(?<=[^\W\d_])[^\W\d_]*(?:['’](?![sS]\b)[^\W\d_]+)*"
    r"|(?<=['’])[sS]\b|(?<=\d)\d*(?:[.,]\d+)*))"
).split
# Gaps after which no sentence starts (_SENTENCE_END finds nothing): most that are not one space.
_NO_BREAK = frozenset({", ", "-", ""})
_new_token = partial(tuple.__new__, Token)


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_STOP = re.compile(r"[.!?…]")


def word_after(text: str, end: int) -> str:
    """The word right after offset `end`, lowercased ('sanctioned' in 'Washington sanctioned')."""
    match = _WORD_AFTER.match(text, end, end + 30)
    return match.group(1).lower() if match else ""


def sentences(text: str, toks: list[Token] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence, from the tokens that open one; line breaks end sentences.

    >>> text = "Arms left Pyongyang. The U.S. Treasury said so.\\nNext line"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Arms left Pyongyang.', 'The U.S. Treasury said so.', 'Next line']
    """
    toks = tokens(text) if toks is None else toks
    # the first token, and those marked as opening a sentence (a few) that follow its end
    opening = compress(range(1, len(toks)), map(attrgetter("sentence_start"), toks[1:]))
    starts = [toks[0].start] if toks else []
    starts += [toks[i].start for i in opening if _ends_sentence(text, toks[i - 1], toks[i])]
    # an opening quotation mark belongs to the sentence it opens
    starts = [s - 1 if s > 0 and text[s - 1] in "\"“‘'(" else s for s in starts]
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        spans.append((start, start + len(text[start:end].rstrip())))
    return spans


def _ends_sentence(text: str, before: Token, token: Token) -> bool:
    """A full stop, question or exclamation mark, or a line break, between two tokens (an opening
    quotation mark alone starts no new sentence)."""
    gap = text[before.end : token.start]
    if gap == ". " and _abbreviation(before):
        return False
    return "\n" in gap or _STOP.search(gap) is not None or before.text.endswith(".")


def _abbreviation(token: Token) -> bool:
    """A word written with a full stop that does not end a sentence: 'Aug.', 'Rep.', 'E.'."""
    return _abbreviation_word(token.text)


def _abbreviation_word(word: str) -> bool:
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


_ABBREVIATIONS = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Capt Sgt "
    "Adm Maj Cmdr Rev St Mt Ft No Nos Vol Jr Sr Inc Corp Co Ltd vs etc".split()
)


# After an abbreviation such as "U.S.", a capitalised word starts a new sentence only if it is a
# word that usually opens one; "the U.S. Treasury" goes on, "in the U.S. The" does not.
_SENTENCE_OPENERS = frozenset(
    "The A An It He She They We I In On At But And Or So This That These Those There Its His Her "
    "Their Our After Before When While If As For With From By Meanwhile However Of Among Since Despite "
    "Although Though During Until Once Then Yet Also Still Some Many Most Both Each Several What Why How "
    "Who You My Your".split()
)
