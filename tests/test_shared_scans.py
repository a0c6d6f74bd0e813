"""Speed edits that must not change a match (issue 22, round 11): the number grammar's whole-text scan shared
per Doc (``doc_matches``), and the look-ahead put before the qualifier phrases (``counts._start_guard``).
Each is checked against the plain form it replaces, on real sentences."""

from __future__ import annotations

import re

import pytest

from pipeline.extract import counts, doc_matches, remember_text
from pipeline.extract.counts import search_tail

SENTENCES = [
    "The company said it had approximately 2.1 million paying subscribers at the end of June.",
    "Police said more than 300 people were arrested, and nearly 40 were injured in the clashes.",
    "Shares fell by as much as 12% to $45.10 after the company cut its forecast for fiscal 2026.",
    "About 1,200 workers, up to 15 percent of the staff, will lose their jobs over the next two years.",
    "The quake killed at least 87 people and left some 4,000 homes without power, officials said.",
    "Revenue was ~$3.4 billion, in excess of the $3.1 billion analysts expected, up from $2.9 billion.",
    "No fewer than a dozen ships and roughly 200 sailors took part in the exercise on Tuesday.",
]


def _plain_qualifiers(rules) -> re.Pattern:
    """The qualifier pattern as it was written before the guard: the branches alone."""
    data = rules.get("counts")
    phrases = sorted({counts._norm(p) for ps in data["qualifiers_before"].values() for p in ps}, key=len, reverse=True)
    return re.compile(r"(?P<q>" + "|".join(counts._edge(p) for p in phrases) + r")\s*$", re.I)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_guarded_qualifiers_match_as_the_plain_pattern(rules, sentence):
    guarded, plain = counts.compiled(rules).qual_before, _plain_qualifiers(rules)
    assert guarded.pattern != plain.pattern  # the guard is there
    longest = counts.compiled(rules).qual_before_longest
    for m in re.finditer(r"\d", sentence):  # every number's prefix, as the stages pass it
        for cut in range(m.start() + 1):
            prefix = sentence[cut : m.start()]
            a, b = guarded.search(prefix), plain.search(prefix)
            assert (a and (a.span(), a.group("q"))) == (b and (b.span(), b.group("q"))), prefix
            t = search_tail(guarded, prefix, longest)
            assert (t and t.group("q")) == (b and b.group("q")), prefix


def test_qualifier_tries_match_as_the_plain_pattern_on_real_text(rules):
    """The qualifiers as two tries (``counts._tail_phrases``, speed round 14): before every number of raw/ and of the
    counts tests' sentences, the tail search finds the plain pattern's span and phrase."""
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "raw").glob("*.txt"))]
    texts += [s for s in re.findall(r'"([^"\n]{12,})"', (repo / "tests" / "test_counts.py").read_text(encoding="utf-8"))]
    c, plain = counts.compiled(rules), _plain_qualifiers(rules)
    found = 0
    for text in texts:
        for m in re.finditer(r"\d+", text):
            prefix = text[max(0, m.start() - 200) : m.start()]
            want = plain.search(prefix)
            got = search_tail(c.qual_before, prefix, c.qual_before_longest)
            assert (got and (got.span(), got.group("q"))) == (want and (want.span(), want.group("q"))), prefix
            found += want is not None
    assert found > 100  # qualifiers were found: the comparison is not over misses only


def test_tail_phrases_keep_the_edges_that_matter():
    """Mirror cases of the two tries: a phrase glued to a word character before it is no phrase ("xabout"), one
    starting with a symbol needs no boundary ("x~"), a space in a phrase takes any whitespace, a phrase followed by a
    word character is none ("more thanx"); no phrase gives the empty group, as the empty alternation did."""
    pattern = re.compile(counts._tail_phrases(["about", "~", "more than"]) + r"\s*$", re.I)
    assert pattern.search("costs xabout ") is None
    assert pattern.search("costs About  ").group() == "About  "
    assert pattern.search("costs x~").group() == "~"
    assert pattern.search("MORE\n than ").group() == "MORE\n than "
    assert pattern.search("more thanx") is None
    assert counts._tail_phrases([]) == "(?:)"


def test_every_qualifier_phrase_still_found(rules):
    c = counts.compiled(rules)
    for phrases in rules.get("counts")["qualifiers_before"].values():
        for phrase in phrases:
            prefix = f"The report said {phrase} "
            m = search_tail(c.qual_before, prefix, c.qual_before_longest)
            assert m is not None and counts._norm(m.group("q")) == counts._norm(phrase), phrase


def test_start_guard_gives_up_on_an_empty_or_spaced_phrase():
    assert counts._start_guard(["about", ""]) == ""
    assert counts._start_guard([" about"]) == ""
    assert counts._start_guard([]) == ""


def test_doc_matches_is_the_scan_once_per_doc(nlp, rules):
    text = " ".join(SENTENCES)
    doc = nlp(text)
    remember_text(doc, text)
    number = counts.compiled(rules).number
    first = doc_matches(doc, number)
    assert [m.span() for m in first] == [m.span() for m in number.finditer(text)]
    assert len(first) > 10
    assert doc_matches(doc, number) is first  # the second stage reads the same list
    other = re.compile(r"\d+")
    assert [m.group() for m in doc_matches(doc, other)] == re.findall(r"\d+", text)  # another pattern: its own
