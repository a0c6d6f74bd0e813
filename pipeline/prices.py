"""One price string → one amount: ``parse_price("1 298,00 €")`` → 1298.00 EUR.

For short strings that are known to be a price (a table cell, a scraped price field, a product feed),
not for articles: pipeline/extract/money.py finds money in running text. The two share one lexicon,
rules/money.yaml (its ``price_strings`` section adds the symbols that are only safe in a price string,
such as "Ft" or "KM"), and the magnitude words of rules/numbers.yaml.

What a price string needs that news does not:
- the **decimal separator is decided from the digits** (or given): "1.234,56", "1,234.56", "129.900"
  (a dot before exactly three digits groups thousands), "1 298,00", "1'049.95", "119. 95", "35€99";
- the **currency may come from outside the text** (``currency_hint``: the label next to the price on
  the page, "Price in EUR"), used only when the text names none;
- the **first amount is the price** ("Was: $124.95 Now: $99.00" → 124.95; "From 26 to 50 €" → 26);
- "Free" with no digits is 0.

A name several currencies share ("kr", "dinar", "¥") is decided as in money.py: cue words in the text
and the hint, else the default of rules/money.yaml (¥: ``yen_default``, as ``--yen-default``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from decimal import Decimal

from pipeline import patterns as rx
from pipeline.errors import RulesError
from pipeline.lexicon import YEN_SIGN, Currencies, alternation, currencies, nearest_cue, ordered
from pipeline.numbers import PRICE_DIGITS, NumberVocab, decimal_mark, parse_digits, vocab
from pipeline.rules import Rules, check_keys, load_rules
from pipeline.settings import Settings

_SPACES = " \u00a0\u202f\u2009"
_LETTER_BEFORE = r"(?<![^\W\d_])"
_LETTER_AFTER = r"(?![^\W\d_])"
#: between a currency and its number: "US$:12.99", "€ 11.69", "Rs. 20"
_GLUE = rx.compile(r"[" + _SPACES + r":]*")
_DEFAULT_YEN = next(f.default for f in fields(Settings) if f.name == "yen_default")


@dataclass(frozen=True)
class Price:
    """The primary amount of a price string."""

    #: in units of ``currency`` ("99¢" → 0.99; "157,000 toman" → 1,570,000 IRR)
    amount: Decimal
    #: ISO 4217 code; None when neither the text nor the hint names a currency
    currency: str | None
    #: the currency as written ("€", "kr", "USD"), None when there is none
    currency_raw: str | None
    #: where the currency came from: "text", "hint" or None
    currency_source: str | None
    #: the amount as written, and its offsets in the text (``text[start:end] == amount_text``)
    amount_text: str
    start: int
    end: int
    #: the decimal mark that was used ("," "." or a given one), None for a whole number
    decimal_separator: str | None

    @property
    def amount_float(self) -> float:
        return float(self.amount)


@dataclass(frozen=True)
class _Token:
    """A currency as found in a string."""

    start: int
    end: int
    raw: str
    code: str | None
    factor: Decimal
    key: str
    is_code: bool


@dataclass(frozen=True)
class PriceRules:
    """The money lexicon compiled for price strings."""

    currencies: Currencies
    #: every currency token (symbols, codes, names, sub-units, price-only entries), longest first
    tokens: re.Pattern
    #: the same without sub-units, for the hint ("¢" alone in a label says nothing about the amount)
    hint_tokens: re.Pattern
    extra: dict[str, tuple[str, Decimal]]
    codes: frozenset[str]
    three_decimals: frozenset[str]
    free: re.Pattern
    date: re.Pattern
    range_gap: re.Pattern
    magnitude: re.Pattern
    numbers: NumberVocab


def _bounded(words: list[str]) -> str:
    """Alternation whose letter ends may not touch other letters ("Ft" not in "Gift"; "RM50" is fine)."""
    out = []
    for w in ordered(words):
        head = _LETTER_BEFORE if w[:1].isalpha() else ""
        tail = _LETTER_AFTER if w[-1:].isalpha() else ""
        out.append(head + re.escape(w) + tail)
    return "|".join(out)


def compile_prices(rules: Rules) -> PriceRules:
    data = rules.get("money")
    if "price_strings" not in data:
        raise RulesError(f"{rules.path('money')}: missing key 'price_strings' (read by pipeline/prices.py)")
    where = f"{rules.path('money')}: price_strings"
    ps = data["price_strings"]
    check_keys(ps, where=where, required=("symbols", "names", "multiples", "three_decimals", "glued_magnitudes", "date", "free_words"))
    lexicon = currencies(rules)
    extra: dict[str, tuple[str, Decimal]] = {k.lower(): (v, Decimal(1)) for k, v in ps["symbols"].items()}
    extra.update({k.lower(): (v, Decimal(1)) for k, v in ps["names"].items()})
    for k, v in ps["multiples"].items():
        check_keys(v, where=f"{where}: multiples.{k}", required=("currency", "factor"))
        extra[k.lower()] = (v["currency"], Decimal(str(v["factor"])))
    letter_marks = [n for n in data["subunits"] if n.isascii() and len(n) == 1 and n.isalpha()]
    sensitive = list(data["prefix_symbols"]) + list(data["codes"]) + list(ps["symbols"])
    words = list(data["names"]) + list(ps["names"]) + list(ps["multiples"]) + list(data["lowercase_codes"])
    subunits = [n for n in data["subunits"] if n not in letter_marks]

    def pattern(with_subunits: bool) -> re.Pattern:
        """Every currency token; for a hint (``with_subunits`` False) no sub-units and no names that are
        also ordinary words ("You won!", weak_names)."""
        names = words if with_subunits else [w for w in words if w.lower() not in lexicon.weak_names]
        parts = [r"(?-i:" + _bounded(sensitive) + r")", _bounded([w + s for w in names for s in ("", "s", "es")])]
        if with_subunits:
            parts.append(_bounded([w + s for w in subunits for s in ("", "s", "es")]))
            if letter_marks:  # "10c": lower case, and only right after the digits
                parts.append(r"(?<=[\d ])(?-i:" + alternation(letter_marks) + r")(?![\w$'])")
        return rx.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)

    v = vocab(rules)
    glued = [str(m).lower() for m in ps["glued_magnitudes"]]
    unknown = [m for m in glued if m not in v.magnitudes]
    if unknown:
        raise RulesError(f"{where}: glued_magnitudes {unknown} are not magnitudes of rules/numbers.yaml")
    magnitude = rx.compile(
        r"(?:" + alternation(glued) + r")(?![A-Za-z])"
        r"|[" + _SPACES + r"]?(?:(?:" + alternation(v.spelled_magnitudes) + r")s?(?![A-Za-z])|" + alternation(v.cjk_magnitudes) + r")",
        re.IGNORECASE,
    )
    return PriceRules(
        currencies=lexicon,
        tokens=pattern(True),
        hint_tokens=pattern(False),
        extra=extra,
        codes=frozenset(data["codes"]),
        three_decimals=frozenset(ps["three_decimals"]),
        free=rx.compile(r"(?<!\w)(?:" + alternation(ps["free_words"]) + r")(?!\w)", re.IGNORECASE),
        date=rx.compile(ps["date"]),
        range_gap=rx.compile(r"\s*(?:" + alternation(data["range_separators"]) + r")\s*", re.IGNORECASE),
        magnitude=magnitude,
        numbers=v,
    )


def price_rules(rules: Rules) -> PriceRules:
    return rules.derived("prices", compile_prices)


# --- currencies -------------------------------------------------------------------------------------

def _tokens(text: str, pattern: re.Pattern, pr: PriceRules) -> list[_Token]:
    out = []
    for m in pattern.finditer(text):
        raw = m.group(0)
        key = raw.lower()
        stem = next((key[: -len(s)] for s in ("es", "s") if key.endswith(s) and key[: -len(s)] in pr.extra), key)
        if stem in pr.extra:
            code, factor = pr.extra[stem]
            out.append(_Token(m.start(), m.end(), raw, code, factor, stem, False))
            continue
        code, _, factor, key = pr.currencies.entry(raw)
        if code is not None:
            out.append(_Token(m.start(), m.end(), raw, code, factor, key, raw in pr.codes))
    return out


def _adjacent(text: str, start: int, end: int, tokens: list[_Token]) -> list[_Token]:
    """Tokens touching the amount: a chain right before it ("NZD $100.70") or right after ("49,96 €")."""
    before, pos = [], start
    for tok in sorted((t for t in tokens if t.end <= start), key=lambda t: -t.end):
        if _GLUE.fullmatch(text[tok.end : pos]) is None:
            break
        before.append(tok)
        pos = tok.start
    after = [t for t in tokens if t.start >= end and text[end : t.start].strip(_SPACES) == ""][:1]
    return before + after


def _pick(text: str, start: int, end: int, tokens: list[_Token]) -> _Token | None:
    """The amount's currency: a code touching it ("$1,190.00 AUD" is AUD), else the symbol touching it
    (the one before first), else the nearest currency in the string ("From 26 to 50 €")."""
    touching = _adjacent(text, start, end, tokens)
    if touching:
        return next((t for t in touching if t.is_code), touching[0])
    near = nearest_cue([(t.start, t.end) for t in tokens], start, end)
    return tokens[near[1]] if near is not None else None


def _decide(token: _Token, context: str, yen_default: str, pr: PriceRules) -> str:
    """An ambiguous code (¥, kr, dinar) decided by cue words of the text and hint, else its default."""
    if token.code == YEN_SIGN:
        vote = pr.currencies.yen_vote(context)
        return "CNY" if vote > 0 else "JPY" if vote < 0 else yen_default
    assert token.code is not None
    return pr.currencies.shared_name(token.key, context) or token.code


# --- the amount ---------------------------------------------------------------------------------------

def _candidates(text: str, tokens: list[_Token], pr: PriceRules) -> list[re.Match]:
    """Numbers that can be a price: not a percentage, not glued to a word that is no currency
    ("12x", "MX924", "4K"); a currency glued to it is fine ("RM50", "42MYR", "469.00zł")."""
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    found = []
    for m in PRICE_DIGITS.finditer(text):
        s, e = m.start(), m.end()
        if re.match(r"[" + _SPACES + r"]?%", text[e:]) or pr.date.fullmatch(m.group(0)):
            continue
        if s and text[s - 1].isascii() and text[s - 1].isalpha() and s not in ends:
            continue
        if e < len(text) and text[e].isascii() and text[e].isalpha() and e not in starts and not pr.magnitude.match(text, e):
            continue
        found.append(m)
    return found


def _primary(text: str, numbers: list[re.Match], tokens: list[_Token], pr: PriceRules) -> re.Match:
    """The first number touching a currency ("3 Ausgaben für nur 14,85 EUR" → 14,85), or the number
    opening a range that such a number closes ("From 26 to 50 €" → 26); with no currency, the first."""
    touching = [i for i, m in enumerate(numbers) if _adjacent(text, m.start(), m.end(), tokens)]
    if not touching:
        return numbers[0]
    i = touching[0]
    m = numbers[i]
    suffix = any(t.start >= m.end() for t in _adjacent(text, m.start(), m.end(), tokens))
    if i and suffix and pr.range_gap.fullmatch(text[numbers[i - 1].end() : m.start()]):
        return numbers[i - 1]
    return m


def _value(digits: str, decimal: str | None, three_decimals: bool) -> tuple[Decimal, str | None]:
    """The digits as a number, and the decimal mark used: the given one ("." or ","), else the one
    ``numbers.decimal_mark`` reads from the digits; a mark that does not occur reads a whole number."""
    mark = decimal if decimal in (".", ",") else decimal_mark(digits, three_decimals=three_decimals)
    mark = mark if mark is not None and mark in digits else None
    value = parse_digits(digits, mark)
    assert value is not None  # every non-digit of a price's digits is a mark or a group: always read
    return value, mark


def _cents_after(text: str, end: int, token: _Token | None, decimal: str | None) -> re.Match | None:
    """Cents after a mark that is not "." or ",": the given ``decimal_separator`` ("1250€600" with "€"),
    or a currency symbol between whole units and two cent digits at the end ("35€ 99", French style)."""
    if decimal and decimal not in ".,":
        return rx.compile(re.escape(decimal) + r"(?:\d+|[" + _SPACES + r"]\d{1,2}(?![\d.,]))(?![\d.,])").match(text, end)
    if token is None or token.start != end or token.raw.isalpha():
        return None
    return rx.compile(re.escape(token.raw) + r"[" + _SPACES + r"]?\d{2}(?![\d.,])(?!\S)").match(text, end)


def _sign(text: str, start: int, tokens: list[_Token]) -> Decimal:
    """ "-$5.00", "−5,00 €", "$-5": negative; "- $44.99" (a dash and a space: a bullet) and "10-20" are not."""
    touching = [t for t in tokens if t.end <= start and _GLUE.fullmatch(text[t.end : start])]
    at = max(touching, key=lambda t: t.end).start if touching else start
    for pos in {start, at}:
        if pos and text[pos - 1] in "-−" and (pos < 2 or not text[pos - 2].isalnum()):
            return Decimal(-1)
    return Decimal(1)


def parse_price(
    text: str,
    currency_hint: str | None = None,
    decimal_separator: str | None = None,
    *,
    yen_default: str = _DEFAULT_YEN,
    rules: Rules | None = None,
) -> Price | None:
    """The primary price of one price string, or None when it holds no amount.

    ``currency_hint``: text from outside the string that may name the currency ("EUR", "Price in £");
    used only when the string itself names none. ``decimal_separator``: the decimal mark when known
    (".", "," or another character such as "€"); otherwise it is decided from the digits.
    ``yen_default``: the reading of a bare ¥ that no cue decides. ``rules``: the rules folder to use
    (default: the project's rules/, as ``newsfacts extract``).
    """
    if decimal_separator is not None and len(decimal_separator) != 1:
        raise ValueError(f"decimal_separator must be one character, got {decimal_separator!r}")
    rules = rules if rules is not None else load_rules(Settings().rules_dir)
    pr = price_rules(rules)
    tokens = _tokens(text, pr.tokens, pr)
    numbers = _candidates(text, tokens, pr)
    if not numbers:
        free = pr.free.search(text) if not re.search(r"\d", text) else None
        if free is None:
            return None
        return _finish(Decimal(0), None, free.start(), free.end(), None, text, currency_hint, yen_default, pr)
    m = _primary(text, numbers, tokens, pr)
    start, end = m.start(), m.end()
    token = _pick(text, start, end, tokens)
    value, mark = _value(m.group(0), decimal_separator, token is not None and token.code in pr.three_decimals)
    cents = _cents_after(text, end, token, decimal_separator) if mark is None else None
    if cents is not None:
        frac = "".join(ch for ch in cents.group(0) if ch.isdigit())
        value = Decimal(f"{value}.{frac}")
        mark = decimal_separator or (token.raw if token else None)
        end = cents.end()
    elif (mag := pr.magnitude.match(text, end)) is not None:
        factor = pr.numbers.magnitude_of(mag.group(0).strip(_SPACES))
        assert factor is not None  # the pattern holds magnitudes of the vocabulary only
        value *= factor
        end = mag.end()
    value *= _sign(text, start, tokens)
    return _finish(value, mark, start, end, token, text, currency_hint, yen_default, pr)


def _finish(value: Decimal, mark: str | None, start: int, end: int, token: _Token | None, text: str,
            hint: str | None, yen_default: str, pr: PriceRules) -> Price:
    """Attach the currency (the text's, else the hint's) and build the Price."""
    source = "text" if token is not None else None
    if token is None and hint:
        found = _tokens(hint, pr.hint_tokens, pr)
        token = next((t for t in found if t.is_code), found[0]) if found else None
        source = "hint" if token is not None else None
    code = None
    if token is not None:
        code = _decide(token, f"{text} {hint or ''}", yen_default, pr)
        value = value * token.factor
    return Price(value, code, token.raw if token else None, source, text[start:end], start, end, mark)
