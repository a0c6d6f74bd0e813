"""The one number parser: "1.5", "1,000", "3.5bn", "two to three million", "half a million", "5998万".

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
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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
    #: bare fraction words and their value ("half" -> 0.5): kept for callers of the old field
    fractions: dict[str, Decimal]
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
    digit_denominators: frozenset[int] = frozenset()


def _alternation(words) -> str:  # noqa: ANN001
    """An alternation of ``words`` as a trie ("t(?:en|h(?:ree|irty)|wo)"), longest first at every branch:
    Python's re tries plain alternatives one by one, and these run at every word of every article."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie) if trie else "(?!)"


def _word_grammar(units: list[str], tens: list[str], multipliers: list[str], magnitudes: list[str],
                  denominators: list[str], bare: list[str], point: list[str], point_not_after: list[str]) -> dict[str, str]:
    """Regex sources of the number grammar: ``words`` (a spelled number), ``after_digits`` (what may
    follow digits: "3 hundred", "3 million and a half", "1 point 1") and ``continues`` (what makes a
    lone "one" part of a bigger number).

    card: "seven", "twenty"; multiplier: "hundred", "dozen", which may take "and <card>" ("one hundred
    and six") but never "and <card> hundred" ("between two hundred and three hundred" is two numbers);
    magnitude: "thousand", "million", "lakh", "bn" (+s), which may take "and <card> [hundred]" ("two
    thousand and two hundred") unless a scale follows ("between two million and three million" is two
    numbers); denominator: "thirds", "half", optionally "of a" before a scale ("two thirds of a
    million"); "and a half", "and three quarters"; "point five". Atomic groups keep the "and" lookaheads
    from being escaped by giving words back; every repetition consumes a whole word.
    """
    card = rf"(?:{_alternation(units + tens)}){_END}"
    mult = rf"(?:{_alternation(multipliers)})s?{_END}"
    scale = rf"(?:{_alternation(multipliers + magnitudes)})s?{_END}"
    denom = rf"(?:{_alternation(denominators)}){_END}"
    and_cards = rf"{_SP}and{_SP}{card}(?:{_SEP}{card})?"
    and_small = rf"(?>{and_cards})(?!{_SEP}(?:{scale}|{denom}))"
    and_tail = rf"(?>{and_cards}(?:{_SEP}{mult})?)(?!{_SEP}(?:{scale}|{denom}))"
    scale_item = rf"(?:{mult}(?:{and_small})?|(?:{_alternation(magnitudes)})s?{_END}(?:{and_tail})?)"
    denom_item = rf"{denom}(?:{_SP}of{_SP}an?(?={_SP}{scale}))?"
    frac_and = rf"{_SP}and{_SP}(?:an?{_SP}|(?>{card}(?:{_SEP}{card})?){_SEP}){denom}"
    not_after = "".join(f"(?<!{re.escape(p)})" for p in point_not_after)
    point_tail = rf"{not_after}{_SP}(?:{_alternation(point)}){_SP}(?:{card}|\d+(?![\d.,]))"
    after_digits = rf"(?:{_SEP}{scale_item}|{frac_and}|{point_tail})"
    after_words = rf"(?:{_SEP}(?:{card}|{scale_item}|{denom_item})|{frac_and}|{point_tail})"
    # "half a million", "half million", "quarter of a million", "half a dozen"; a bare "half" or "quarter"
    # is a part of something ("the first half", "the third quarter"), not a number
    bare_lead = (
        rf"(?:{_alternation(bare)}){_END}(?:(?:{_SP}of)?{_SP}an?(?={_SP}{scale})|(?={_SEP}{scale}))" if bare else "(?!)"
    )
    lead = rf"(?:{card}|an?{_SP}(?:{scale_item}|{denom_item})|{bare_lead})"
    return {
        "words": rf"(?:{lead}(?:{after_words})*)",
        "after_digits": after_digits,
        "continues": rf"(?:{_SEP}(?:{scale}|{denom})|{frac_and}|{point_tail})",
    }


def compile_vocab(rules: Rules) -> NumberVocab:
    data = rules.get("numbers")
    check_keys(
        data,
        where=str(rules.path("numbers")),
        required=(
            "magnitudes", "spaced_abbreviations", "units_words", "tens_words", "multiplier_words", "denominators",
            "bare_fractions", "digit_fraction_denominators", "decimal_point_words", "point_not_after",
            "negative_words", "one_pronoun_after", "glued_units", "ordinals",
        ),
    )
    magnitudes = {k.lower(): Decimal(str(v)) for k, v in data["magnitudes"].items()}
    units = {k: int(v) for k, v in data["units_words"].items()}
    tens = {k: int(v) for k, v in data["tens_words"].items()}
    multipliers = {k.lower(): Decimal(str(v)) for k, v in data["multiplier_words"].items()}
    denominators = {k.lower(): Decimal(str(v)) for k, v in data["denominators"].items()}
    bare = [str(w) for w in data["bare_fractions"]]
    fractions = {w: 1 / denominators[w] for w in bare}
    ordinals = {k: int(v) for k, v in data["ordinals"].items()}
    digit_dens = sorted(int(d) for d in data["digit_fraction_denominators"])
    point_words = [str(w) for w in data["decimal_point_words"]]
    negative_words = [str(w) for w in data["negative_words"]]
    spaced = {str(a).lower() for a in data["spaced_abbreviations"]}

    plain = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u2009]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    digits = plain
    dens = "|".join(str(d) for d in digit_dens)
    # "1/2", "2 1/2": only with a usual denominator, and not part of a date or a path ("5/17/2018")
    fraction = rf"(?<![\d/])(?:\d+{_SP})?\d{{1,3}}/(?:{dens})(?![\d/.,]|[^\S\n]*/)"
    latin_mags = [m for m in magnitudes if m.isascii()]
    cjk_mags = [m for m in magnitudes if not m.isascii()]
    word_mags = [m for m in latin_mags if len(m) > 3 or m in spaced]
    short_mags = [m for m in latin_mags if m not in word_mags]
    magnitude = (
        r"(?:\s*(?:" + _alternation(cjk_mags) + r")"
        r"|\s?(?:" + _alternation([m for m in word_mags if m != "hundred"]) + r")s?\b"
        r"|(?:" + _alternation(short_mags) + r")\b)"
    )
    small = [w for w in units if w not in ("a", "an")]
    grammar = _word_grammar(
        small, list(tens), list(multipliers), [m for m in word_mags if m not in multipliers], list(denominators),
        bare, point_words, [str(p) for p in data["point_not_after"]],
    )
    words, after_digits = grammar["words"], grammar["after_digits"]
    digit_number = rf"(?:{fraction}|{plain}(?:{magnitude})?(?:{after_digits})*)"
    pronoun = "|".join(rf"(?<=\b{re.escape(w)} )" for w in data["one_pronoun_after"])
    lone_one = rf"(?!(?=one\b)(?:{pronoun})one(?![\w-])(?!{grammar['continues']}))"
    word_number = rf"{lone_one}{words}(?![\w-])(?:{magnitude})?"
    # a number ends before any letter, except a unit written glued to it in news ("5pc", "3pct")
    touch = [str(w) for w in data["glued_units"]]
    tail = rf"(?:(?![A-Za-z0-9_])|(?=(?:{_alternation(touch)})(?![A-Za-z0-9_])))" if touch else r"(?![A-Za-z0-9_])"
    # signs: "minus 5", "negative one", "-504" (a "-" glued to the digits, not right after a number or a word)
    first = "".join(sorted({re.escape(w[0].lower()) + re.escape(w[0].upper()) for w in negative_words}))
    sign = (  # the first-character lookahead makes the optional sign cheap at the other positions
        rf"(?=[{first}\-−])"
        rf"(?:(?<![\w-])(?:{_alternation(negative_words)}){_SP}"
        r"|(?<![\w%)\].,/+\-−–—])(?<![\d%)\]][^\S\n])[-−](?=\.?\d))"
    )
    number = rf"(?:{sign})?(?:(?<![A-Za-z_]){digit_number}|(?<![\w-]){word_number}){tail}"
    after_letters = rf"(?:(?<![\d.,]){digit_number}|(?<![\w-]){word_number}){tail}"
    return NumberVocab(
        magnitudes, units, tens, fractions, ordinals, digits, words, magnitude, number, after_letters,
        multipliers, denominators, frozenset(w.lower() for w in point_words),
        frozenset(w.lower() for w in negative_words), frozenset(digit_dens),
    )


def vocab(rules: Rules) -> NumberVocab:
    """The compiled vocabulary, built once per Rules object."""
    return rules.derived("numbers", compile_vocab)


_TOKEN = re.compile(r"\d+/\d+|\d[\d,\u202f\u2009]*(?:\.\d+)?|\.\d+|[a-z]+|[万亿千百]+")
_SIGN = re.compile(r"^\s*[-−]\s*")


@dataclass(frozen=True)
class Parsed:
    value: Decimal
    #: the magnitude word multiplied in ("million"), if any: a range's low end may borrow it
    magnitude: Decimal | None


def _small(tokens: list[str], i: int, v: NumberVocab) -> tuple[int, int] | None:
    """(value, tokens used) of a run of unit/tens words at ``i`` ("thirty two"), or None."""
    value, j = 0, i
    while j < len(tokens) and (tokens[j] in v.tens or (tokens[j] in v.units and tokens[j] not in ("a", "an"))):
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
            if nxt in v.units and 0 < v.units[nxt] < 10 and nxt not in ("a", "an"):
                out += str(v.tens[tok] + v.units[nxt])
                j += 1
            else:
                out += str(v.tens[tok])
        elif tok in v.units and tok not in ("a", "an"):
            out += str(v.units[tok])
        else:
            break
        j += 1
    return out, j - i


def _and_fraction(tokens: list[str], i: int, v: NumberVocab) -> tuple[Decimal, int] | None:
    """ "and a half", "and three quarters", "and two thirds" at ``i`` (the "and"): (value, tokens used)."""
    assert v.denominators is not None
    j = i + 1
    if j < len(tokens) and tokens[j] in ("a", "an"):
        num, j = 1, j + 1
    else:
        small = _small(tokens, j, v)
        if small is None:
            return None
        num, j = small[0], j + small[1]
    if j < len(tokens) and tokens[j] in v.denominators:
        return Decimal(num) / v.denominators[tokens[j]], j + 1 - i
    return None


def _scale(tok: str, table: dict[str, Decimal]) -> Decimal | None:
    if tok in table:
        return table[tok]
    if tok.endswith("s") and tok[:-1] in table:
        return table[tok[:-1]]
    return None


def parse_number(text: str, rules: Rules) -> Parsed | None:
    """Parse one number (no currency, no range) or return None when any part is not understood."""
    v = vocab(rules)
    assert v.multipliers is not None and v.denominators is not None
    sign = Decimal(1)
    lowered = text.lower()
    m = _SIGN.match(lowered)
    if m:
        sign, lowered = Decimal(-1), lowered[m.end() :]
    tokens = _TOKEN.findall(lowered.replace("-", " ").replace("‐", " "))
    if tokens and tokens[0] in v.negative_words and sign > 0 and len(tokens) > 1:
        sign, tokens = Decimal(-1), tokens[1:]
    if not tokens:
        return None
    total = Decimal(0)
    current: Decimal | None = None
    magnitude: Decimal | None = None
    last_magnitude: Decimal | None = None
    after_magnitude = False  # the previous token closed a group ("lakh" in "three lakh crore")
    i = -1
    while i + 1 < len(tokens):
        i += 1
        tok = tokens[i]
        closed, after_magnitude = after_magnitude, False
        if tok == "and":
            frac = _and_fraction(tokens, i, v)
            if frac is None:
                continue
            value, used = frac
            i += used - 1
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if current is not None and _scale(nxt, v.magnitudes) is None:
                current += value
            elif _scale(nxt, v.magnitudes) is not None:
                if current is not None:
                    total += current
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
            if current is not None:
                return None  # two numbers in a row: not one number
            try:
                current = Decimal(re.sub(r"[,\u202f\u2009]", "", tok))
            except InvalidOperation:
                return None
        elif tok in v.point_words:
            decimals, used = _decimals(tokens, i + 1, v)
            if not decimals or (current is not None and current != current.to_integral_value()):
                return None
            current = (current or Decimal(0)) + Decimal("0." + decimals)
            i += used
        elif tok in v.units and tok not in ("a", "an"):
            if current is not None and current % 10 != 0:
                return None  # "45 (forty five)", "one two": not one number
            current = (current or Decimal(0)) + v.units[tok]
        elif tok in v.tens:
            if current is not None and current % 100 != 0:
                return None  # "one twenty two": not one number
            current = (current or Decimal(0)) + v.tens[tok]
        elif tok in ("a", "an", "of"):
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
    return Parsed(sign * total, magnitude)


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
