"""Each dates pattern searched only in the stretches around its required literals (pipeline/prefilter.py
``Anchored``; issue 22, round 12): the matches are the whole-text search's, for every pattern and negative
context of rules/dates.yaml, on raw/, on every sentence of tests/test_dates.py and on edge texts (a date at
a text's start and end, next to quotes and brackets, lowercase names, folded capitals); a stretch set wrong
is caught; which patterns take stretches follows from their first characters."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.extract import dates
from pipeline.prefilter import Anchored, first_ascii, fold

REPO = Path(__file__).resolve().parent.parent
RAW_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]


def _sentences_of(test_file: str) -> list[str]:
    """Every sentence-like string constant of a test module (at least 12 characters, with a space): the real
    sentences its tables check, reused here as texts on which the stretch search must equal the whole-text one."""
    tree = ast.parse((REPO / "tests" / test_file).read_text(encoding="utf-8"))
    return sorted({
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 12 and " " in node.value
    })


#: every sentence-like string of the dates tests: real dates in real contexts, hundreds of them
DATE_SENTENCES = _sentences_of("test_dates.py")

EDGE_TEXTS = [
    pytest.param("", id="empty-text"),
    pytest.param("Monday", id="text-is-one-weekday"),
    pytest.param("last week", id="text-is-one-duration"),
    pytest.param("Now, the company sees growth in the foreseeable future", id="ref-at-text-start"),
    pytest.param("The deal closed on March 3, 2024", id="date-at-text-end"),
    pytest.param("He said (on Tuesday) that \"next month\" was 'the third quarter'; [fiscal 2025]: {Q3 2024}",
                 id="dates-next-to-breaks"),
    pytest.param("it happened in january and in jan. 2024, monday, and two years ago.", id="lowercase-names"),
    pytest.param("In the \u212aNOWN past, 3 \u017fecond\u017f later, on \u0130stanbul day: MAY 2024 and the YEAR AGO",
                 id="folded-capitals"),
    pytest.param("The market decided; a dec. May may be; marched in Mar 2024.", id="month-strings-inside-words"),
    pytest.param("the 1990s, the '90s, mid-2024, 2024-25, FY2025, H1 2024, Q3/2024 and 24/7", id="codes-and-decades"),
    pytest.param("two-year-old 5-day-old a 30-year-old man, one day in AI is like a year", id="negative-contexts"),
    pytest.param("In the past, currently, right now, recently;these days.at present,nowadays", id="refs-glued-to-breaks"),
    pytest.param("x" * 5000 + " last week " + "k" * 5000 + " on Monday", id="long-text"),
]


@pytest.fixture(scope="module")
def compiled(rules):
    return dates.compiled(rules)


def _searches(c: dates.Compiled) -> list[tuple[str, int, re.Pattern]]:
    """(name, gate index, regex) of every pattern, then every negative context."""
    out = [(name, i, regex) for i, (name, _, regex, _) in enumerate(c.patterns)]
    out += [(f"negative {j}", len(c.patterns) + j, regex) for j, regex in enumerate(c.negatives)]
    return out


def _matches(text: str, c: dates.Compiled, anchored: bool) -> dict[str, list]:
    gates = c.gates.for_text(text)
    found = {}
    for name, i, regex in _searches(c):
        if not gates.may_match(i):
            continue
        matches = gates.finditer(regex, c.anchored[i]) if anchored else regex.finditer(text)
        found[name] = [(m.span(), m.groups()) for m in matches]
    return found


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts_match_as_whole_text(text, compiled):
    assert _matches(text, compiled, True) == _matches(text, compiled, False)


def test_real_texts_match_as_whole_text(compiled):
    texts = RAW_TEXTS + DATE_SENTENCES + [" ".join(DATE_SENTENCES)]
    assert len(DATE_SENTENCES) > 200
    found = 0
    for text in texts:
        got, want = _matches(text, compiled, True), _matches(text, compiled, False)
        assert got == want, text[:200]
        found += sum(len(v) for v in want.values())
    assert found > 1000  # the texts hold dates: the comparison is not over empty lists


def test_candidates_unchanged(compiled):
    """The stage's candidates (every pattern, best first) as with whole-text searches."""
    plain = replace(compiled, anchored=(None,) * len(compiled.anchored))
    for text in RAW_TEXTS + DATE_SENTENCES:
        got = [(s, e, name, m.groups()) for s, e, name, _, m in dates.candidates(text, compiled)]
        want = [(s, e, name, m.groups()) for s, e, name, _, m in dates.candidates(text, plain)]
        assert got == want


def test_most_costly_patterns_take_stretches(compiled):
    """The patterns that begin at many lowercase letters (tried at most words of a text) search stretches;
    those re's first-character skip already keeps to a few places (a capital, a digit, a "t") do not."""
    by_name = {name: compiled.anchored[i] for name, i, _ in _searches(compiled)}
    for name in ("ago", "duration", "rel_unit", "ref", "weekday", "month", "full_date", "fiscal_quarter_rel"):
        assert by_name[name] is not None, name
    for name in ("month_day", "full_date_dmy", "months_to", "first_n_of"):
        assert by_name[name] is None, name
    ref = by_name["ref"]
    assert ref.breaks.search("k") and not ref.breaks.search(" ") and not ref.breaks.search("\n")


@pytest.mark.parametrize(
    ("pattern", "text", "spans"),
    [
        pytest.param(r"\bab+c\b", "abc", [(0, 3)], id="match-is-the-text"),
        pytest.param(r"\bab+c\b", "x; abbc;abc; y abc", [(3, 7), (8, 11), (15, 18)], id="matches-between-breaks"),
        pytest.param(r"\bab+c\b", "xabc; abc", [(6, 9)], id="word-boundary-sees-before-the-stretch"),
        pytest.param(r"(?<=; )abc", "; abc;abc", [(2, 5)], id="lookbehind-sees-the-break"),
        pytest.param(r"abc(?!;)", "abc;abc", [(4, 7)], id="lookahead-sees-the-closing-break"),
    ],
)
def test_stretches_by_hand(pattern, text, spans):
    regex = re.compile(pattern)
    anchored = Anchored(anchor=re.compile("ab"), breaks=re.compile("[;]"))
    got = [m.span() for m in anchored.finditer(regex, text, fold(text), text[::-1])]
    assert got == spans == [m.span() for m in regex.finditer(text)]


def test_wrong_breaks_are_caught(compiled):
    """The comparison above fails when a stretch is cut where a match can go (a space as a break)."""
    i = next(i for i, (name, *_) in enumerate(compiled.patterns) if name == "rel_unit")
    regex, right = compiled.patterns[i][2], compiled.anchored[i]
    wrong = Anchored(anchor=right.anchor, breaks=re.compile("[ k]"))
    text = "Sales rose last year and fell next month."
    want = [m.span() for m in regex.finditer(text)]
    assert want and [m.span() for m in right.finditer(regex, text, fold(text), text[::-1])] == want
    assert [m.span() for m in wrong.finditer(regex, text, fold(text), text[::-1])] != want


def test_first_ascii():
    assert first_ascii(r"\b(?:last|next)\s+week", re.IGNORECASE) == frozenset("lLnN")
    assert first_ascii(r"(?-i:\bMonday)", re.IGNORECASE) == frozenset("M")
    assert len(first_ascii(r"a*")) == 128  # may match empty: every character


def test_stretches_compile_no_pattern_twice(compiled):
    """Working out a pattern's stretches asks for its break characters with the flags it was compiled with, not
    with the UNICODE flag ``re`` adds to them (which compiled, or read back, each pattern a second time)."""
    from pipeline import patterns

    flags_of: dict[str, set[int]] = {}
    for key in patterns._memo:
        if isinstance(key[0], str):
            flags_of.setdefault(key[0], set()).add(key[1])
    for name, i, regex in _searches(compiled):
        if compiled.anchored[i] is not None:
            assert flags_of.get(regex.pattern) == {regex.flags & ~re.UNICODE}, name


#: every sentence-like string of the changes tests: multipliers and fractions in real contexts
CHANGE_SENTENCES = _sentences_of("test_changes.py")

CHANGE_EDGE_TEXTS = [
    "Doubled.", "half", "a third", "Sales DOUBLED; profit halved, (quadrupling) and 'trebled'", "two-thirds of its staff",
    "half that now, half those of its rival", "lost half its value.half the price", "behalf of the thirdparty; redoubled",
    "the ſecond half, \u212aELVIN tripled", "x" * 3000 + " doubled " + "y" * 3000 + " a quarter of",
]


def test_changes_stretches_match_as_whole_text(rules):
    """The changes stage's whole-text scans searched in stretches (``changes.STRETCHED``, speed round 13) give the
    whole-text matches on raw/, on every sentence of tests/test_changes.py (joined too) and on edge texts."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.extract import changes, doc_stretch_matches

    c = changes.compiled(rules)
    assert all(c.stretches[name] is not None for name in changes.STRETCHED)  # each takes stretches
    for text in RAW_TEXTS + CHANGE_SENTENCES + [" ".join(CHANGE_SENTENCES)] + CHANGE_EDGE_TEXTS:
        doc = Doc(Vocab(), words=[text], spaces=[False])
        for name in changes.STRETCHED:
            regex = getattr(c, name)
            got = [(m.span(), m.groupdict()) for m in doc_stretch_matches(doc, regex, c.stretches[name])]
            assert got == [(m.span(), m.groupdict()) for m in regex.finditer(text)], (name, text[:80])
