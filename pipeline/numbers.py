"""The one number parser: "1.5", "1,000", "3.5bn", "two to three million", "half a million", "5998万".

Every extractor goes through here, so a fix to number reading fixes money, user counts and quantities
at once. Values are ``Decimal`` built from the text (never from floats) so "59.98 million" is exactly
59980000. Vocabulary (number words, magnitudes, 亿/万) lives in rules/numbers.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.rules import Rules, check_keys


@dataclass(frozen=True)
class NumberVocab:
    magnitudes: dict[str, Decimal]
    units: dict[str, int]
    tens: dict[str, int]
    fractions: dict[str, Decimal]
    ordinals: dict[str, int]
    #: regex source for a digit number: "1,000", "1.5", ".5"
    digits: str
    #: regex source for a spelled-out number ("twenty-five", "a hundred", "half a")
    words: str
    #: regex source for a magnitude after a number ("million", "bn", "k", "亿")
    magnitude: str
    #: regex source for a whole number: digits or words, optional magnitude(s)
    number: str
    #: ``number`` that may follow a letter directly ("USD3.14", "RM42"): for use after a currency anchor
    number_after_letters: str = ""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def compile_vocab(rules: Rules) -> NumberVocab:
    data = rules.get("numbers")
    check_keys(
        data,
        where=str(rules.path("numbers")),
        required=("magnitudes", "units_words", "tens_words", "fraction_words", "ordinals"),
    )
    magnitudes = {k.lower(): Decimal(str(v)) for k, v in data["magnitudes"].items()}
    units = {k: int(v) for k, v in data["units_words"].items()}
    tens = {k: int(v) for k, v in data["tens_words"].items()}
    fractions = {k: Decimal(str(v)) for k, v in data["fraction_words"].items()}
    ordinals = {k: int(v) for k, v in data["ordinals"].items()}
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    latin_mags = [m for m in magnitudes if m.isascii()]
    cjk_mags = [m for m in magnitudes if not m.isascii()]
    word_mags = [m for m in latin_mags if len(m) > 3 or m in ("mn", "mln", "bn", "tn")]
    short_mags = [m for m in latin_mags if m not in word_mags]
    magnitude = (
        r"(?:\s*(?:" + _alternation(cjk_mags) + r")"
        r"|\s?(?:" + _alternation([m for m in word_mags if m != "hundred"]) + r")s?\b"
        r"|(?:" + _alternation(short_mags) + r")\b)"
    )
    small = [w for w in units if w not in ("a", "an")]
    word = _alternation(small + list(tens))
    words = (
        r"(?:(?:" + _alternation(list(fractions)) + r")\s+(?:a|an)\b"
        r"|(?:a|an)(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)"
        r"|(?:" + word + r")(?:[- ](?:" + word + r"))?(?:\s+hundred(?:\s+(?:and\s+)?(?:" + word + r"))?)?)"
    )
    tail = r"(?:(?:\s+hundred)?" + magnitude + r")?(?![A-Za-z0-9_]))"
    number = r"(?:(?:(?<![A-Za-z_])" + digits + r"|(?<![\w-])" + words + r"(?![\w-]))" + tail
    after_letters = r"(?:(?:(?<![\d.,])" + digits + r"|(?<![\w-])" + words + r"(?![\w-]))" + tail
    return NumberVocab(magnitudes, units, tens, fractions, ordinals, digits, words, magnitude, number, after_letters)


def vocab(rules: Rules) -> NumberVocab:
    """The compiled vocabulary, built once per Rules object."""
    return rules.derived("numbers", compile_vocab)


_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+|[万亿千百]+")


@dataclass(frozen=True)
class Parsed:
    value: Decimal
    #: the magnitude word multiplied in ("million"), if any: a range's low end may borrow it
    magnitude: Decimal | None


def parse_number(text: str, rules: Rules) -> Parsed | None:
    """Parse one number (no currency, no range) or return None when any part is not understood."""
    v = vocab(rules)
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    if not tokens:
        return None
    total = Decimal(0)
    current: Decimal | None = None
    magnitude: Decimal | None = None
    last_magnitude: Decimal | None = None
    i = -1
    while i + 1 < len(tokens):
        i += 1
        tok = tokens[i]
        # "one and a half", "3 million and a half": an added fraction (of the last magnitude, if any)
        if tok == "and" and i + 2 < len(tokens) and tokens[i + 1] in ("a", "an", "one") and tokens[i + 2] in v.fractions and tokens[i + 2] != "dozen":
            frac = v.fractions[tokens[i + 2]]
            if current is not None:
                current += frac
            elif last_magnitude is not None:
                total += frac * last_magnitude
            else:
                return None
            i += 2
            continue
        if tok[0].isdigit() or tok[0] == ".":
            if current is not None:
                return None  # two numbers in a row: not one number
            try:
                current = Decimal(tok.replace(",", ""))
            except InvalidOperation:
                return None
        elif tok in v.units and tok not in ("a", "an"):
            if current is not None and current % 10 != 0:
                return None  # "45 (forty five)", "one two": not one number
            current = (current or Decimal(0)) + v.units[tok]
        elif tok in v.tens:
            if current is not None and current % 100 != 0:
                return None  # "one twenty two": not one number
            current = (current or Decimal(0)) + v.tens[tok]
        elif tok in ("a", "an"):
            if current is None:
                current = Decimal(1)
        elif tok == "and":
            continue
        elif tok in v.fractions:
            current = (current or Decimal(1)) * v.fractions[tok] if current else v.fractions[tok]
        elif tok == "hundred":
            current = (current or Decimal(1)) * 100
        elif tok in v.magnitudes or tok.rstrip("s") in v.magnitudes:
            mag = v.magnitudes.get(tok, v.magnitudes.get(tok.rstrip("s")))
            assert mag is not None
            total += (current if current is not None else Decimal(1)) * mag
            magnitude = mag if magnitude is None else magnitude * mag
            last_magnitude = mag
            current = None
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
