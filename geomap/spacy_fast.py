"""The English model's rule-based components, made faster without changing what they set.

Profiled over LGL, the syntax reader spent about a fifth of spaCy's time in two rule-based
components that a parse needs no more than once per word form:

- the attribute ruler runs spaCy's `Matcher` over each of its ~180 rules on every token, although
  almost every rule is one token naming an exact word or tag. Here those rules are looked up by
  the token's word and tag, and the few others (several tokens, `IN`, `REGEX`) are matched as
  before; the matches are applied in the ruler's own order, so every token gets the same
  attributes.
- the lemmatizer caches a lemma only when it is not a base form, so most words are lemmatized
  again each time. Here each (word, part of speech, morphology) is lemmatized once per process.

And since a one-token rule reads nothing but a token's word, tag, dependency and whether it is a
space, what those rules give each such combination is worked out once per process too. Both
memories are bounded (MEMO_SIZE forms, then they start afresh), for runs over millions of texts.

Both are changed on the loaded pipeline's own components, from their own rules: a model with
rules this module cannot read keeps its components as they are. Nothing here changes a parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# The token attributes the ruler's patterns may test, as the Matcher reads them.
READS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
OPERATORS = ("IN", "NOT_IN", "REGEX")
MEMO_SIZE = 200_000  # word forms remembered by the ruler and the lemmatizer before starting afresh


def quicken(nlp: Any) -> Any:
    """`nlp`, its attribute ruler and lemmatizer made faster where their rules allow; same output."""
    if "attribute_ruler" in nlp.pipe_names:
        _quicken_ruler(nlp.get_pipe("attribute_ruler"), nlp.vocab)
    if "lemmatizer" in nlp.pipe_names:
        _memoise_lemmas(nlp.get_pipe("lemmatizer"))
    return nlp


def _quicken_ruler(ruler: Any, vocab: Any) -> None:
    """Give `ruler` a `match` that finds its one-token rules by the token's word and tag."""
    from spacy.matcher import Matcher

    by_word: dict[str, list[tuple[int, int, dict]]] = {}
    by_tag: dict[str, list[tuple[int, int, dict]]] = {}
    others: list[tuple[int, int, dict]] = []
    longer = Matcher(vocab)
    for n in range(len(ruler.attrs)):
        _, patterns = ruler.matcher.get(str(n))
        for pattern in patterns:
            if not all(_readable(test) for token in pattern for test in token.items()):
                return  # rules this module cannot test: the ruler stays as it is
            if len(pattern) > 1:
                longer.add(str(n), [pattern])
                continue
            rule = (n, vocab.strings.add(str(n)), pattern[0])
            if isinstance(pattern[0].get("LOWER"), str):
                by_word.setdefault(pattern[0]["LOWER"], []).append(rule)
            elif isinstance(pattern[0].get("TAG"), str):
                by_tag.setdefault(pattern[0]["TAG"], []).append(rule)
            else:
                others.append(rule)

    # what a token's one-token rules give depends only on the attributes they read: worked out once
    # per (word, tag, dependency, space) in a process, as the lemmatizer's lemmas are
    found: dict[tuple[str, str, str, bool], tuple[tuple[int, int], ...]] = {}

    def single(token: Any) -> tuple[tuple[int, int], ...]:
        key = (token.lower_, token.tag_, token.dep_, token.is_space)  # (every attribute of READS)
        hits = found.get(key)
        if hits is None:
            if len(found) > MEMO_SIZE:
                found.clear()  # (a bound on a long run's memory: new words keep coming)
            hits = found[key] = tuple(
                (n, rule)
                for n, rule, pattern in (*by_word.get(key[0], ()), *by_tag.get(key[1], ()), *others)
                if all(_holds(test, READS[attr](token)) for attr, test in pattern.items())
            )
        return hits

    def match(doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler's matches, as `AttributeRuler.match` gives them: (rule, key, start, end), sorted."""
        matches = [(n, key, token.i, token.i + 1) for token in doc for n, key in single(token)]
        matches += [(int(vocab.strings[key]), key, s, e) for key, s, e in longer(doc, allow_missing=True)]
        matches.sort()
        return matches

    ruler.match = match


def _readable(test: tuple[str, Any]) -> bool:
    attr, value = test
    return attr in READS and (not isinstance(value, dict) or (len(value) == 1 and next(iter(value)) in OPERATORS))


def _holds(test: Any, value: Any) -> bool:
    """Whether a token's attribute `value` passes a pattern's `test`, as the Matcher decides it."""
    if not isinstance(test, dict):
        return bool(value == test)
    ((operator, argument),) = test.items()
    if operator == "IN":
        return value in argument
    if operator == "NOT_IN":
        return value not in argument
    return re.search(argument, value) is not None


def _memoise_lemmas(lemmatizer: Any) -> None:
    """Lemmatize each (word, part of speech, morphology) once: spaCy's own cache skips base forms."""
    lemmatize = lemmatizer.lemmatize
    known: dict[tuple[int, int, int], list[str]] = {}

    def memoised(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        if key not in known:
            if len(known) > MEMO_SIZE:
                known.clear()
            known[key] = lemmatize(token)
        return known[key]

    lemmatizer.lemmatize = memoised
