"""The one number parser: "1.5", "1,000", "1 234 567", "3.5bn", "1.3e6", "two to three million", "half a
million", "one over three", "5998万".

Every extractor goes through here, so a fix to number reading fixes money, user counts and quantities
at once. Values are ``Decimal`` built from the text (never from floats) so "59.98 million" is exactly
59980000. Vocabulary (number words, magnitudes, 亿/万, lakh/crore, fractions, sign and point words)
lives in rules/numbers.yaml.

Two halves that must agree: ``vocab(rules).number``, a regex that *finds* a number in running text
(compiled once per run; every repetition in it consumes a whole word so it cannot backtrack
catastrophically), and ``parse_number``, which *reads* a found span and returns None when the words do
not make one number ("one twenty two", "45 (forty five)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pipeline import patterns as rx
from pipeline.lexicon import trie as _trie
from pipeline.errors import RulesError
from pipeline.rules import Rules, check_keys

#: spaces inside one line (a number never continues on the next line)
_SP = r"[^\S\n]+"
#: a hyphen between number words, maybe spaced: "fifty-two", "fifty - two", "one-eighth"
_HY = r"[^\S\n]*[-‐][^\S\n]*"
_SEP = rf"(?:{_HY}|{_SP})"
_END = r"(?![A-Za-z])"


@dataclass(frozen=True)
class NumberVocab:
    magnitudes: dict[str, Decimal]
    units: dict[str, int]
    tens: dict[str, int]
    ordinals: dict[str, int]
    #: regex source for a digit number: "1,000", "1.5", ".5"
    digits: str
    #: regex source for a spelled-out number ("twenty-five", "a hundred", "two thirds", "half a")
    words: str
    #: regex source for a magnitude after a number ("million", "bn", "k", "亿")
    magnitude: str
    #: regex source for a whole number: optional sign, digits or words, magnitude(s), fractions
    number: str
    #: ``number`` that may follow a letter directly ("USD3.14", "RM42"): for use after a currency anchor
    number_after_letters: str = ""
    #: words multiplying the number before them inside a group: hundred, dozen
    multipliers: dict[str, Decimal] | None = None
    #: fraction denominators: "thirds" -> 3, "half" -> 2
    denominators: dict[str, Decimal] | None = None
    point_words: frozenset[str] = frozenset()
    negative_words: frozenset[str] = frozenset()
    #: ordinals that end a compound denominator after a tens word ("twenty-fifth" -> 5)
    compound_ordinals: dict[str, int] | None = None
    #: finds the word between a numerator and a denominator (" over ", " out of ")
    ratio_split: re.Pattern | None = None
    max_exponent: int = 100
    #: one number's tokens: digits, words, and the CJK magnitude characters of the vocabulary
    token: re.Pattern | None = None
    #: magnitudes spelled out as words ("million", "lakh"; not "bn", not the multiplier "hundred"): what
    #: money's "$5-million" and rates and prices' "3.5 million" read; derived here once
    spelled_magnitudes: tuple[str, ...] = ()
    #: magnitudes written in CJK characters ("万", "亿", "万亿")
    cjk_magnitudes: tuple[str, ...] = ()
    #: the indefinite articles of rules/numbers.yaml ("a", "an"): they count 1 only before a scale or a
    #: fraction ("a million", "a third"), never alone and never as a digit after "point" or a tens word
    articles: frozenset[str] = frozenset()
    #: a hyphenated range of spelled-out ends ("one-to-two hundred"): the joiner ("-to-"), the low end right
    #: before it (matched at the end of the text before the joiner) and the high end right after it
    range_joiner: re.Pattern | None = None
    range_low: re.Pattern | None = None
    range_high: re.Pattern | None = None
    #: the joiners as written ("-to-", "-To-", "‐to‐"): a text with none is not searched
    range_joiners: tuple[str, ...] = ()
    #: a bare magnitude and a fraction ("million-and-a-half"), which the number pattern does not start with, and
    #: the fraction words it can end with (rules/numbers.yaml bare_fractions: a text without one is not searched)
    magnitude_fraction: re.Pattern | None = None
    bare_fractions: tuple[str, ...] = ()

    def magnitude_of(self, word: str) -> Decimal | None:
        """The value of one magnitude word as found ("million", "Millions", "bn", "万亿"), else None."""
        return _scale(word.lower(), self.magnitudes)


def _word_grammar(units: list[str], tens: list[str], multipliers: list[str], magnitudes: list[str],
                  denominators: list[str], bare: list[str], point: list[str], point_not_after: list[str],
                  compound_ordinals: list[str], articles: list[str], and_magnitude: bool) -> dict[str, str]:
    """Regex sources of the number grammar: ``words`` (a spelled number), ``after_digits`` (what may
    follow digits: "3 hundred", "3 million and a half", "1 point 1"), ``after_magnitude`` (what may follow
    a magnitude written after digits: "6 crore and two hundred", "4 thousand 3 hundred and 21") and
    ``continues`` (what makes a lone "one" part of a bigger number).

    card: "seven", "twenty"; multiplier: "hundred", "dozen", which may take "and <card>" ("one hundred
    and six", "3 hundred and 21") but never "and <card> hundred" ("between two hundred and three hundred"
    is two numbers); with ``and_magnitude`` a magnitude may follow ("two hundred and fifty thousand");
    magnitude: "thousand", "million", "lakh", "bn" (+s), which may take "and <card> [hundred]" ("two
    thousand and two hundred") unless a scale follows ("between two million and three million" is two
    numbers); denominator: "thirds", "half", optionally "of a" before a scale ("two thirds of a
    million"), or after a numerator a compound ordinal ("one twenty-fifth"); "and a half", "and three
    quarters"; "point five". Atomic groups keep the "and" lookaheads from being escaped by giving words
    back; every repetition consumes a whole word.
    """
    card = rf"(?:{_trie(units + tens)}){_END}"
    digit_card = r"(?<![\d.,])\d{1,2}(?!\d|[.,/]\d)"
    mult = rf"(?:{_trie(multipliers)})s?{_END}"
    mag = rf"(?:{_trie(magnitudes)})s?{_END}"
    scale = rf"(?:{_trie(multipliers + magnitudes)})s?{_END}"
    denom = rf"(?:{_trie(denominators)}){_END}"
    art = rf"(?:{_trie(articles)})"
    compound = rf"(?:{_trie(tens)}){_SEP}(?:{_trie(compound_ordinals)})s?{_END}"
    and_cards = rf"{_SP}and{_SP}(?:{card}(?:{_SEP}{card})?|{digit_card})"
    no_scale = rf"(?!{_SEP}(?:{scale}|{denom}))"
    and_small = rf"(?>{and_cards})(?:(?={_SEP}{mag})|{no_scale})" if and_magnitude else rf"(?>{and_cards}){no_scale}"
    and_tail = rf"(?>{and_cards}(?:{_SEP}{mult})?){no_scale}"
    scale_item = rf"(?:{mult}(?:{and_small})?|{mag}(?:{and_tail})?)"
    denom_item = rf"{denom}(?:{_SP}of{_SP}{art}(?={_SP}{scale}))?"
    # "and a half" spaced or hyphenated ("a million-and-a-half", "one-and-a-half")
    frac_and = rf"{_SEP}and{_SEP}(?:{art}{_SEP}|(?>{card}(?:{_SEP}{card})?){_SEP}){denom}"
    not_after = "".join(f"(?<!{re.escape(p)})" for p in point_not_after)
    point_tail = rf"{not_after}{_SP}(?:{_trie(point)}){_SP}(?:{card}|\d+(?![\d.,]))"
    after_digits = rf"(?:{_SEP}{scale_item}|{frac_and}|{point_tail})"
    after_words = rf"(?:{_SEP}(?:{compound}|{card}|{scale_item}|{denom_item})|{frac_and}|{point_tail})"
    # after "6 crore": "and two hundred" (a multiplier must end it: "5 million and two new apps" is not
    # 5,000,002), or "3 hundred [and 21]"
    after_magnitude = (
        rf"(?:(?>{_SP}and{_SP}{card}(?:{_SEP}{card})?{_SEP}{mult}){no_scale}"
        rf"|{_SP}\d{{1,3}}(?![\d.,]){_SP}{mult}(?:{and_small})?)"
    )
    # "half a million", "half million", "quarter of a million", "half a dozen"; a bare "half" or "quarter"
    # is a part of something ("the first half", "the third quarter"), not a number
    bare_lead = (
        rf"(?:{_trie(bare)}){_END}(?:(?:{_SP}of)?{_SP}{art}(?={_SP}{scale})|(?={_SEP}{scale}))" if bare else "(?!)"
    )
    lead = rf"(?:{card}|{art}{_SP}(?:{scale_item}|{denom_item})|{bare_lead})"
    # the high end of a hyphenated range after "-to-": "one-to-two hundred" (no hyphen after it: "five-to-ten-year")
    range_end = rf"(?:{card}|{art}{_SP}{scale})(?:{_SEP}(?:{card}|{scale}))*(?![\w-])"
    return {
        "words": rf"(?:{lead}(?:{after_words})*)",
        "range_end": range_end,
        # a magnitude standing for "a <magnitude>" before "and a half": "an additional million-and-a-half expressed
        # interest" (read apart from ``words``, and only in a text with one of the bare fractions: as one of its
        # leads it cost a fifth of the number pattern's time)
        "magnitude_fraction": rf"\b(?:{mag}){_SEP}and{_SEP}{art}{_SEP}(?:{_trie(bare)}){_END}(?![\w-])" if bare else "(?!)",
        "after_digits": after_digits,
        "after_magnitude": after_magnitude,
        "continues": rf"(?:{_SEP}(?:{scale}|{denom})|{frac_and}|{point_tail})",
    }


#: digit groups one number may have ("1,234,567" has 2 after the first): 12 is 39 digits, beyond any
#: amount (numbers over 30 digits are left alone anyway); unbounded, a run of thousands of "123,"
#: groups was rescanned from every group start (quadratic)
MAX_GROUPS = 12


def _digit_forms(space_not_after: list[str], max_exponent: int) -> str:
    """Regex source of a number written in digits, tried in this order inside one atomic group (so a
    decimal is never cut back to its integer part: "180.25ml" is no number, not "180"):

    "1.3e6", "1.1^23", "2.5^-1" (exponent); "1,234,567.5" (comma thousands); "1,00,000" (lakh groups);
    "1 234 567", "40 000", "1 234 567.89" (groups of exactly three digits after a space, a no-break or a
    thin space; not after a month name, not followed by another digit group: "555 123 4567"); "1,3",
    "5,00" (a decimal comma: one or two digits, not in a list "22,24,26"); the parts of a dotted run
    ("192.168.1.2", "5.17.2018": each part alone); "1.5", "10"; ".5".
    """
    exp_digits = len(str(max_exponent))
    exponent = rf"(?:[eE][+-]?\d{{1,{exp_digits}}}|\^[+-]{{0,2}}\d{{1,{exp_digits}}})(?![\w^]|\.\d)"
    space = "[ \u00a0\u202f\u2009]"
    months = "".join(rf"(?<!\b{re.escape(w)} )" for w in space_not_after)
    forms = (
        rf"(?:\d+(?:\.\d+)?|\.\d+){exponent}",
        rf"\d{{1,3}}(?:,\d{{3}}(?!\d)){{1,{MAX_GROUPS}}}(?:\.\d+)?",
        rf"\d{{1,2}}(?:,\d\d){{1,{MAX_GROUPS}}},\d{{3}}(?!\d)(?:\.\d+)?",
        rf"{months}\d{{1,3}}(?:{space}\d{{3}}(?!\d)){{1,{MAX_GROUPS}}}(?!{space}\d)(?:\.\d+)?",
        r"(?<!\d,)\d{1,3},\d{1,2}(?!\d|,\d)",
        r"(?<=\d\.)\d+",
        r"\d+(?:\.\d+(?!\.?\d))?",
        r"\.\d+",
    )
    return r"(?=\.?\d)(?<!\d)(?>" + "|".join(forms) + ")"  # the lookahead keeps the other positions cheap


def _magnitude_words(
    magnitudes: Iterable[str], multipliers: Iterable[str], spaced: Iterable[str]
) -> tuple[list[str], list[str], list[str], list[str]]:
    """The magnitude words by how they are written, the only place they are told apart: spelled out
    ("million", "lakh"; a multiplier such as "hundred" is not one), written after a space (the spelled
    ones and the ``spaced_abbreviations``: "3 bn"), only glued ("3k", "5m"), and CJK ("万", "亿")."""
    latin, multipliers, spaced = [m for m in magnitudes if m.isascii()], set(multipliers), set(spaced)
    spelled = [m for m in latin if len(m) > 3 and m not in multipliers]
    return (
        spelled,
        spelled + [m for m in latin if len(m) <= 3 and m in spaced],
        [m for m in latin if len(m) <= 3 and m not in spaced],
        [m for m in magnitudes if not m.isascii()],
    )


def compile_vocab(rules: Rules) -> NumberVocab:
    data = rules.get("numbers")
    check_keys(
        data,
        where=str(rules.path("numbers")),
        required=(
            "magnitudes", "spaced_abbreviations", "units_words", "tens_words", "multiplier_words", "denominators",
            "bare_fractions", "digit_fraction_denominators", "decimal_point_words", "point_not_after",
            "negative_words", "one_pronoun_after", "glued_units", "ordinals", "compound_denominator_ordinals",
            "ratio_words", "and_magnitude_not_after", "max_exponent", "indefinite_articles", "hyphen_range_words",
        ),
    )
    magnitudes = {k.lower(): Decimal(str(v)) for k, v in data["magnitudes"].items()}
    units = {k: int(v) for k, v in data["units_words"].items()}
    articles = _articles(data["indefinite_articles"], units, where=str(rules.path("numbers")))
    tens = {k: int(v) for k, v in data["tens_words"].items()}
    multipliers = {k.lower(): Decimal(str(v)) for k, v in data["multiplier_words"].items()}
    denominators = {k.lower(): Decimal(str(v)) for k, v in data["denominators"].items()}
    bare = [str(w) for w in data["bare_fractions"]]
    ordinals = {k: int(v) for k, v in data["ordinals"].items()}
    compound_ordinals = {str(w).lower(): ordinals[str(w).lower()] for w in data["compound_denominator_ordinals"]}
    ratio_words = [str(w).lower() for w in data["ratio_words"]]
    max_exponent = int(data["max_exponent"])
    digit_dens = sorted(int(d) for d in data["digit_fraction_denominators"])
    point_words = [str(w) for w in data["decimal_point_words"]]
    negative_words = [str(w) for w in data["negative_words"]]
    spaced = {str(a).lower() for a in data["spaced_abbreviations"]}

    # not after a month name (rules/dates.yaml ``months``, the one list): there the first group is a day
    plain = _digit_forms([str(w) for w in rules.get("dates")["months"]], max_exponent)
    digits = plain
    dens = "|".join(str(d) for d in digit_dens)
    # "1/2", "2 1/2": only with a usual denominator, and not part of a date or a path ("5/17/2018")
    fraction = rf"(?<![\d/])(?:\d+{_SP})?\d{{1,3}}/(?:{dens})(?![\d/.,]|[^\S\n]*/)"
    spelled, spaced_mags, short_mags, cjk_mags = _magnitude_words(magnitudes, multipliers, spaced)
    magnitude = (
        r"(?:\s*(?:" + _trie(cjk_mags) + r")"
        r"|\s?(?:" + _trie(spaced_mags) + r")s?\b"
        r"|(?:" + _trie(short_mags) + r")\b)"
    )
    small = [w for w in units if w not in articles]
    grammars = [
        _word_grammar(
            small, list(tens), list(multipliers), spaced_mags, list(denominators),
            bare, point_words, [str(p) for p in data["point_not_after"]], list(compound_ordinals),
            sorted(articles), and_magnitude,
        )
        for and_magnitude in (True, False)
    ]
    grammar = grammars[0]
    after_digits = grammar["after_digits"]
    digit_number = (
        rf"(?:{fraction}|{plain}(?:{magnitude}(?:{grammar['after_magnitude']})?)?(?:{after_digits})*)"
    )
    pronoun = "|".join(rf"(?<=\b{re.escape(w)} )" for w in data["one_pronoun_after"])
    lone_one = rf"(?!(?=one\b)(?:{pronoun})one(?![\w-])(?!{grammar['continues']}))"
    # after "between" an "and" joins the two ends of a range, never two parts of one number
    openers = [str(w) for w in data["and_magnitude_not_after"]]
    not_opened = "".join(rf"(?<!\b{re.escape(w)} )" for w in openers)
    opened = "|".join(rf"(?<=\b{re.escape(w)} )" for w in openers) or "(?!)"
    words = rf"(?:{not_opened}{grammar['words']}|(?:{opened}){grammars[1]['words']})"
    word_number = rf"{lone_one}{words}(?![\w-])(?:{magnitude})?"
    # a hyphenated range of spelled-out ends ("one-to-two hundred"): the number pattern stops at hyphens ("ten-year"),
    # so ``hyphen_ranges`` finds the joiner first and reads each end beside it (scanning for the joiner costs
    # nothing; a look-behind for it at every word start of the number pattern cost a third of its time)
    range_words = [str(w).lower() for w in data["hyphen_range_words"]]
    joiner = rx.compile(rf"[-‐](?:{_trie(range_words)})[-‐]", re.I) if range_words else None
    low_words = _trie([w for w in (*units, *tens) if w not in articles])
    low_end = rx.compile(rf"(?<![\w-])(?:{low_words}){_END}(?:{_HY}(?:{low_words}){_END})?$", re.I)
    high_end = rx.compile(grammar["range_end"], re.I)
    magnitude_fraction = rx.compile(grammar["magnitude_fraction"], re.I)
    # "one over three", "1 over 20", "one out of three": only where the clause ends after it
    ratio_alt = "|".join(re.escape(w).replace(r"\ ", _SP) for w in sorted(ratio_words, key=len, reverse=True))
    ratio = (
        # ... never over a year ("an increase of 84 million over 2014": a comparison, not 84 million / 2014)
        rf"(?:{_SP}(?:{ratio_alt}){_SP}(?!(?:1[89]|20)\d\d(?![\d,]|\.\d))(?:(?<![A-Za-z_]){digit_number}|(?<![\w-]){word_number})"
        r"(?![^\S\n]*[\w-]))"
    ) if ratio_words else "(?!)"
    # a number ends before any letter, except a unit written glued to it in news ("5pc", "3pct")
    touch = [str(w) for w in data["glued_units"]]
    tail = rf"(?:(?![A-Za-z0-9_])|(?=(?:{_trie(touch)})(?![A-Za-z0-9_])))" if touch else r"(?![A-Za-z0-9_])"
    # signs: "minus 5", "negative one", "-504" (a "-" glued to the digits, not right after a number or a word)
    first = "".join(sorted({re.escape(w[0].lower()) + re.escape(w[0].upper()) for w in negative_words}))
    sign = (  # the first-character lookahead makes the optional sign cheap at the other positions
        rf"(?=[{first}\-−])"
        rf"(?:(?<![\w-])(?:{_trie(negative_words)}){_SP}"
        r"|(?<![\w%)\].,/+\-−–—])(?<![\d%)\]][^\S\n])[-−](?=\.?\d))"
    )
    number = rf"(?:{sign})?(?:(?<![A-Za-z_]){digit_number}|(?<![\w-]){word_number})(?:{ratio})?{tail}"
    # after a symbol a period may touch the digits when it is the symbol's own ("Rs.200"), not a decimal point
    after_letters = rf"(?:(?<![\d,])(?<!\d\.){digit_number}|(?<![\w-]){word_number}){tail}"
    return NumberVocab(
        magnitudes=magnitudes, units=units, tens=tens, ordinals=ordinals, digits=digits, words=words,
        magnitude=magnitude, number=number, number_after_letters=after_letters, multipliers=multipliers,
        denominators=denominators, point_words=frozenset(w.lower() for w in point_words),
        negative_words=frozenset(w.lower() for w in negative_words), compound_ordinals=compound_ordinals,
        ratio_split=rx.compile(rf"\s(?:{ratio_alt})\s", re.I) if ratio_words else None, max_exponent=max_exponent,
        token=_token_pattern(magnitudes),
        spelled_magnitudes=tuple(spelled),
        cjk_magnitudes=tuple(cjk_mags),
        articles=articles,
        range_joiner=joiner,
        range_low=low_end,
        range_high=high_end,
        range_joiners=tuple(f"{h}{form}{h}" for w in range_words for form in (w, w.capitalize(), w.upper()) for h in "-‐"),
        magnitude_fraction=magnitude_fraction,
        bare_fractions=tuple(w.lower() for w in bare),
    )


#: how many characters before a range joiner its low end is looked for in: the longest low end, two spelled words and
#: a hyphen ("seventy-seven"), fits well inside (a bound on the search, not a rule)
RANGE_LOW_REACH = 40


def hyphen_ranges(text: str, v: NumberVocab) -> list[tuple[int, int, int, int]]:
    """(low start, low end, high start, high end) of every hyphenated range of spelled-out ends ("an estimated
    one-to-two hundred people", "twenty-to-thirty"): rules/numbers.yaml ``hyphen_range_words``. Not after a word
    that is no number ("up-to-two"), nor with a word glued after the high end ("five-to-ten-year")."""
    if v.range_joiner is None or v.range_low is None or v.range_high is None or not any(j in text for j in v.range_joiners):
        return []
    out = []
    for m in v.range_joiner.finditer(text):
        low = v.range_low.search(text, max(0, m.start() - RANGE_LOW_REACH), m.start())
        high = v.range_high.match(text, m.end())
        if low is not None and high is not None:
            out.append((low.start(), low.end(), high.start(), high.end()))
    return out


def magnitude_fractions(text: str, v: NumberVocab) -> list[tuple[int, int]]:
    """(start, end) of every bare magnitude with a fraction after it ("an additional million-and-a-half",
    "million and a half"), read by ``parse_number`` as one of the magnitude and the part; "a million and a
    half" is the number pattern's (the caller keeps the longer match)."""
    if v.magnitude_fraction is None or not any(w in text for w in v.bare_fractions):
        return []
    return [m.span() for m in v.magnitude_fraction.finditer(text)]


def _articles(words: object, units: dict[str, int], *, where: str) -> frozenset[str]:
    """``indefinite_articles``: a list of lowercase words, each a ``units_words`` entry worth 1 (the
    grammar reads "a million" through the unit words, and the parser counts the article as that 1)."""
    if not isinstance(words, tuple) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise RulesError(f"{where}: indefinite_articles: want a list of lowercase words, got {words!r}")
    wrong = [w for w in words if units.get(w) != 1]
    if wrong:
        raise RulesError(f"{where}: indefinite_articles: {wrong} must be units_words entries worth 1")
    return frozenset(words)


def vocab(rules: Rules) -> NumberVocab:
    """The compiled vocabulary, built once per Rules object."""
    return rules.derived("numbers", compile_vocab)


def _token_pattern(magnitude_words: Iterable[str]) -> re.Pattern:
    """The tokens of one number; the CJK magnitude characters come from rules/numbers.yaml (万, 亿, 千, 百
    today), so a magnitude added there is read here too."""
    cjk = "".join(sorted({ch for word in magnitude_words for ch in word if not ch.isascii()}))
    return rx.compile(
        r"\d+/\d+"
        r"|(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+|\^[+-]*\d+)"  # "1.3e6", "2.5^-1"
        r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+(?:\.\d+)?"  # "1 234 567"
        r"|\d[\d,\u202f\u2009]*(?:\.\d+)?|\.\d+|[a-z]+" + (f"|[{re.escape(cjk)}]+" if cjk else "")
    )
_SIGN = rx.compile(r"^\s*[-−]\s*")
_DECIMAL_COMMA = rx.compile(r"\d{1,3},\d{1,2}")


@dataclass(frozen=True)
class Parsed:
    value: Decimal
    #: the magnitude word multiplied in ("million"), if any: a range's low end may borrow it
    magnitude: Decimal | None


#: Longest plain digit run read as a number (past Decimal's 28-digit precision, arithmetic raises).
MAX_DIGITS = 30
#: what groups the digits of a number found in running text: "1,234", "1 234 567" (also no-break and thin)
TEXT_GROUPING = ", \u00a0\u202f\u2009"
_PARTS = rx.compile(r"\d+|\D+")


def parse_digits(s: str, decimal: str | None = None, grouping: str | None = None,
                 *, max_length: int | None = None) -> Decimal | None:
    """The value of digits written with marks: the one place a written number becomes a ``Decimal``.

    ``decimal``: the decimal mark, decided by the caller (the number grammar, money's non-English
    formats, ``decimal_mark`` for price strings); its last occurrence splits whole from fraction, None
    reads a whole number. ``grouping``: the characters that group digits and are dropped ("1,234",
    "1 298", "1'049"); None drops every non-digit but the mark (a price string already cut to one
    amount: "119. 95", "..5"). Any other character: None. A mark followed by a dash alone ("25,-") ends
    a whole amount. ``max_length``: more characters than this once the groups are dropped is no amount
    in news: None. Built from the text, never from a float, so "59.98" is exactly 59.98.
    """
    point = s.rfind(decimal) if decimal else -1
    whole, frac = (s[:point], s[point + len(decimal) :]) if decimal and point >= 0 else (s, "")
    if point >= 0 and frac == "-":
        frac = ""
    if grouping is None:
        whole, frac = "".join(ch for ch in whole if ch.isdecimal()), "".join(ch for ch in frac if ch.isdecimal())
    else:
        whole, frac = (part.translate({ord(ch): None for ch in grouping}) for part in (whole, frac))
        if not (whole.isdecimal() or (not whole and point >= 0)) or not (frac.isdecimal() or not frac):
            return None
    text = f"{whole}.{frac}" if frac else whole
    if max_length is not None and len(text if point < 0 else f"{whole}.{frac}") > max_length:
        return None
    try:
        return Decimal(text if whole else f"0{text}" if frac else "0")
    except ArithmeticError:
        return None


_PRICE_SPACES = " \u00a0\u202f\u2009"
#: the digits of one amount in a price string, the grammar ``decimal_mark`` reads: "1 298,00", "1'049.95",
#: ".75", "119. 95" (a stray space after the mark); pipeline/prices.py finds them with it
PRICE_DIGITS = rx.compile(
    r"(?:\.{1,2}(?=\d))?\d+"
    r"(?:(?:[.,'’](?=\d)|[" + _PRICE_SPACES + r"](?=\d{3}(?![\d])))\d+)*"
    r"(?:[.,] (?=\d{1,2}(?![\d.,]))\d+)?"
)


def decimal_mark(s: str, *, three_decimals: bool = False) -> str | None:
    """The decimal mark of a price string's digits when no one says: "." or "," or None (a whole number).

    A mark followed by a space ("119. 95"); else the last of "." and "," when the other one comes before
    it or a space/apostrophe groups ("1.234,56", "1 298,00"); else a single mark not followed by exactly
    three digits ("3.3900", "19,1"; but "129.900" and "$119,999" group thousands, except after a zero or
    for a currency with three decimals); a leading "." (".75") is one too. The same mark twice groups
    thousands ("1.144.000").
    """
    lead = len(s) - len(s.lstrip("."))
    parts = _PARTS.findall(s[lead:])
    groups, seps = parts[0::2], parts[1::2]
    marks = [i for i, sep in enumerate(seps) if sep in (".", ",", ". ", ", ")]
    if not marks:
        return "." if lead else None
    last = marks[-1]
    mark = seps[last].strip()
    if any(seps[i].endswith(" ") for i in marks):
        return mark
    if seps[last] in [seps[i] for i in marks[:-1]]:
        return None
    if len(marks) > 1 or any(sep not in (".", ",") for sep in seps[:last]):
        return mark
    if len(groups[last + 1]) == 3 and groups[0].lstrip("0") and not three_decimals:
        return None
    return mark


def _digit_value(tok: str, v: NumberVocab) -> Decimal | None:
    """The value of one digit token: "1,234", "1 234", "1,3" (decimal comma), "1.3e6", "2.5^-1".

    An exponent form whose value lies beyond 10^±max_exponent is a code, not a number: None."""
    try:
        if "^" in tok:
            base, _, exp = tok.partition("^")
            power = int(exp.lstrip("+-"))
            value = Decimal(base)
            if power > v.max_exponent or (value == 0 and exp.count("-") % 2):
                return None
            # "^-1" is a reciprocal, "^--23" two signs that cancel
            value = value ** (-power if exp.count("-") % 2 else power)
        elif "e" in tok:
            value = Decimal(tok)
        elif _DECIMAL_COMMA.fullmatch(tok):
            return parse_digits(tok, ",", grouping="")
        else:
            # more digits than any amount in news ("123,123,...,123" over 80 KB): left alone, not read
            return parse_digits(tok, ".", grouping=TEXT_GROUPING, max_length=MAX_DIGITS)
    except (ArithmeticError, ValueError):
        return None
    return value if value == 0 or abs(value.adjusted()) <= v.max_exponent else None


def _small(tokens: list[str], i: int, v: NumberVocab) -> tuple[int, int] | None:
    """(value, tokens used) of a run of unit/tens words at ``i`` ("thirty two"), or None."""
    value, j = 0, i
    while j < len(tokens) and (tokens[j] in v.tens or (tokens[j] in v.units and tokens[j] not in v.articles)):
        word = tokens[j]
        if word in v.tens and value % 100:
            return None
        if word in v.units and value % 10:
            return None
        value += v.tens.get(word, v.units.get(word, 0))
        j += 1
    return (value, j - i) if j > i else None


def _decimals(tokens: list[str], i: int, v: NumberVocab) -> tuple[str, int]:
    """Digits after "point": "five" -> "5", "nought four" -> "04", "seventy-one" -> "71", "77" -> "77"."""
    out, j = "", i
    while j < len(tokens):
        tok = tokens[j]
        if tok.isdigit():
            out += tok
        elif tok in v.tens:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
            if nxt in v.units and 0 < v.units[nxt] < 10 and nxt not in v.articles:
                out += str(v.tens[tok] + v.units[nxt])
                j += 1
            else:
                out += str(v.tens[tok])
        elif tok in v.units and tok not in v.articles:
            out += str(v.units[tok])
        else:
            break
        j += 1
    return out, j - i


def _and_fraction(tokens: list[str], i: int, v: NumberVocab) -> tuple[Decimal, int] | None:
    """ "and a half", "and three quarters", "and two thirds" at ``i`` (the "and"): (value, tokens used).

    Only a proper fraction is added: in "one hundred and thirty fifths" the "and" joins "thirty" to the
    numerator (130/5), since "thirty fifths" (6) would not be a part added to a hundred."""
    assert v.denominators is not None
    j = i + 1
    if j < len(tokens) and tokens[j] in v.articles:
        num, j = 1, j + 1
    else:
        small = _small(tokens, j, v)
        if small is None:
            return None
        num, j = small[0], j + small[1]
    if j < len(tokens) and tokens[j] in v.denominators and num < v.denominators[tokens[j]]:
        return Decimal(num) / v.denominators[tokens[j]], j + 1 - i
    return None


def _scale(tok: str, table: dict[str, Decimal]) -> Decimal | None:
    if tok in table:
        return table[tok]
    if tok.endswith("s") and tok[:-1] in table:
        return table[tok[:-1]]
    return None


def _compound_ordinal(tok: str, v: NumberVocab) -> int | None:
    """5 for "fifth" or "fifths" (the end of "twenty-fifth"), else None."""
    table = v.compound_ordinals or {}
    if tok in table:
        return table[tok]
    return table.get(tok[:-1]) if tok.endswith("s") else None


def _ratio(text: str, rules: Rules) -> Parsed | None | bool:
    """ "one over three", "negative one over 20", "one out of three": the quotient; False when the text
    holds no ratio word, None when it holds one but does not read."""
    split = vocab(rules).ratio_split
    m = split.search(text) if split is not None else None
    if m is None:
        return False
    top, bottom = parse_number(text[: m.start()], rules), parse_number(text[m.end() :], rules)
    if top is None or bottom is None or bottom.value <= 0:
        return None
    return Parsed(top.value / bottom.value, None)


#: how many answers of ``parse_number`` a Rules object keeps (emptied when full, so a long run's memory stays bounded)
PARSED_MEMO_SIZE = 4096


def _parsed_memo(_: Rules) -> dict[str, Parsed | None]:
    return {}


def parse_number(text: str, rules: Rules) -> Parsed | None:
    """Parse one number (no currency, no range) or return None when any part is not understood.

    The answer depends on the text and the rules only (``Parsed`` is frozen), so it is kept per Rules object:
    the stages read the same few number strings again and again (5,778 calls for 551 distinct texts over the
    throughput corpus: the counts stages, changes, money and dates each parse an article's numbers)."""
    memo = rules.derived("numbers.parsed", _parsed_memo)
    parsed = memo.get(text, memo)  # the memo itself stands for "not kept" (None is an answer)
    if parsed is memo:
        parsed = _parse_number(text, rules)
        if len(memo) >= PARSED_MEMO_SIZE:
            memo.clear()
        memo[text] = parsed
    return parsed


def _parse_number(text: str, rules: Rules) -> Parsed | None:
    v = vocab(rules)
    assert v.multipliers is not None and v.denominators is not None
    ratio = _ratio(text, rules)
    if ratio is not False:
        return ratio
    sign = Decimal(1)
    lowered = text.lower()
    m = _SIGN.match(lowered)
    if m:
        sign, lowered = Decimal(-1), lowered[m.end() :]
    assert v.token is not None
    tokens = v.token.findall(lowered)
    if tokens and tokens[0] in v.negative_words and sign > 0 and len(tokens) > 1:
        sign, tokens = Decimal(-1), tokens[1:]
    if not tokens:
        return None
    try:
        parsed = _read_tokens(tokens, v)
    except ArithmeticError:  # beyond Decimal's precision ("9^99 one"): not a number we can read
        return None
    return None if parsed is None else Parsed(sign * parsed.value, parsed.magnitude)


def _read_tokens(tokens: list[str], v: NumberVocab) -> Parsed | None:
    """The value of a number's tokens (sign already removed), or None when they are not one number."""
    assert v.multipliers is not None and v.denominators is not None
    total = Decimal(0)
    current: Decimal | None = None
    magnitude: Decimal | None = None
    last_magnitude: Decimal | None = None
    after_magnitude = False  # the previous token closed a group ("lakh" in "three lakh crore")
    i = -1
    while i + 1 < len(tokens):
        i += 1
        tok = tokens[i]
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        closed, after_magnitude = after_magnitude, False
        if tok == "and":
            frac = _and_fraction(tokens, i, v)
            if frac is None:
                continue
            value, used = frac
            i += used - 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if current is not None:
                current += value  # "one and a half", "two and a half million" (2.5 million, not 2 + 500,000)
            elif _scale(nxt, v.magnitudes) is not None:
                current = value  # "one billion and a half million": the fraction takes the magnitude
            elif last_magnitude is not None:
                total += value * last_magnitude  # "3 million and a half"
            else:
                return None
            continue
        if "/" in tok:
            num, den = (Decimal(x) for x in tok.split("/"))
            if den == 0:
                return None
            frac_value = num / den
            if current is None:
                current = frac_value
            elif current == current.to_integral_value() and frac_value < 1:
                current += frac_value  # "2 1/2"
            else:
                return None
        elif tok[0].isdigit() or tok[0] == ".":
            value = _digit_value(tok, v)
            if value is None:
                return None
            if current is None:
                current = value
            elif prev == "and" and current % 100 == 0 and value < 100 and value == value.to_integral_value():
                current += value  # "3 hundred and 21"
            else:
                return None  # two numbers in a row: not one number
        elif tok in v.point_words:
            decimals, used = _decimals(tokens, i + 1, v)
            if not decimals or (current is not None and current != current.to_integral_value()):
                return None
            current = (current or Decimal(0)) + Decimal("0." + decimals)
            i += used
        elif tok in v.units and tok not in v.articles:
            if current is not None and current % 10 != 0:
                return None  # "45 (forty five)", "one two": not one number
            current = (current or Decimal(0)) + v.units[tok]
        elif tok in v.tens:
            ordinal = _compound_ordinal(nxt, v)
            if ordinal is not None and prev != "and":
                if current is None and not total:
                    if not nxt.endswith("s"):
                        return None  # "twenty-fifth" is an ordinal; "twenty fifths" is 20/5
                else:  # "one twenty-fifth", "one hundred thirty-fifths": a compound denominator
                    numerator = total + (current or Decimal(0))
                    current, total = numerator / (v.tens[tok] + ordinal), Decimal(0)
                    i += 1
                    continue
            if current is not None and current % 100 != 0:
                if not (prev in v.units and 0 < current < 10 and not total and magnitude is None):
                    return None  # "forty twenty": not one number
                current *= 100  # "one twenty two" is 122, as said aloud
            current = (current or Decimal(0)) + v.tens[tok]
        elif tok in v.articles or tok == "of":
            if current is None and tok != "of":
                current = Decimal(1)
        elif tok in v.denominators:
            numerator = total + current if current is not None else (total or Decimal(1))
            current, total = numerator / v.denominators[tok], Decimal(0)
        elif _scale(tok, v.multipliers) is not None:
            current = (current if current is not None else Decimal(1)) * _scale(tok, v.multipliers)
        elif _scale(tok, v.magnitudes) is not None:
            mag = _scale(tok, v.magnitudes)
            assert mag is not None
            if current is None and closed and last_magnitude is not None and mag > last_magnitude:
                total *= mag  # "three lakh crore", "three thousand millions"
                magnitude = (magnitude or Decimal(1)) * mag
            else:
                total += (current if current is not None else Decimal(1)) * mag
                magnitude = mag if magnitude is None else max(magnitude, mag)
            last_magnitude = mag
            current = None
            after_magnitude = True
        elif all(ch in v.magnitudes for ch in tok):  # 亿, 万, 万亿 written together
            mult = Decimal(1)
            for ch in tok:
                mult *= v.magnitudes[ch]
            total += (current if current is not None else Decimal(1)) * mult
            magnitude = mult
            last_magnitude = mult
            current = None
        else:
            return None
    if current is not None:
        total += current
    return Parsed(total, magnitude)


def parse_range(low_text: str, high_text: str, rules: Rules) -> tuple[Decimal, Decimal] | None:
    """Parse "two" .. "three million": a bare low end borrows the high end's magnitude."""
    low, high = parse_number(low_text, rules), parse_number(high_text, rules)
    if low is None or high is None:
        return None
    low_value = low.value
    if low.magnitude is None and high.magnitude is not None:
        low_value = low.value * high.magnitude
    return low_value, high.value


def parse_ordinal(text: str, rules: Rules) -> int | None:
    """ "22nd" -> 22, "second" -> 2, "1st" -> 1."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    return vocab(rules).ordinals.get(t)
