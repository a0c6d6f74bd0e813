"""Physical measures after a number ("6 km", "20cm", "1.2 million barrels a day"), decided with pint.

Why pint and not a list: a word that pint reads as a unit of a physical dimension is a measure, not a
count of that word, so "20 tonnes", "300 megawatts" or "5 acres" need no lexicon. Pint also reads many
English words as units ("5 points", "the World Cup", "units" = micro-nit): rules/counts.yaml
``measures`` holds the deny list, the short symbols accepted and the prefixes allowed. Durations (pint's
``[time]``) are neither measures nor counts: the dates table owns them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.patterns import cache_dir
from pipeline.pint_answers import PintAnswers
from pipeline.rules import Rules, RulesError, check_keys

MEASURE_KEYS = ("deny", "symbols", "glued_only", "prefixes", "compound_first", "rate_words", "rate_periods",
                "duration_dimensions", "weight_units", "degree_sign", "degree_units", "symbol_plurals", "skip_before_unit",
                "slash_periods", "degree_words", "compound_powers", "definitions", "aliases", "noun_shy", "unit_followers",
                "dimension_words", "uncertainty_signs", "dimension_joiners", "list_joiners", "degree_alone", "unit_modifiers",
                "per_unit_words", "degree_magnitudes")
#: keys that are lists of words or pint definitions (a string there would become a set of letters)
MEASURE_LIST_KEYS = ("definitions", "noun_shy", "unit_followers", "dimension_words", "uncertainty_signs", "dimension_joiners",
                     "list_joiners", "degree_alone", "unit_modifiers", "per_unit_words", "degree_magnitudes")
#: a unit word: letters (with "/" for "km/h"); a hyphen may follow only before a digit ("20cm-40cm")
#: an exponent may follow a symbol ("415 km2", "50 m²": square and cubic units)
WORD_BODY = r"[^\S\n]*(?P<w>[A-Za-zµ]+(?:/[A-Za-z]+)?)(?P<exp>[23²³])?"
WORD = re.compile(WORD_BODY + r"(?!\w|[-‐][A-Za-z])")
#: the power an exponent writes
POWERS = {"2": 2, "3": 3, "²": 2, "³": 3}
#: a two-word unit written with a hyphen ("49 light-years"): tried when its first word is compound_first
HYPHENED = re.compile(r"[^\S\n]*(?P<w>[A-Za-z]+)[-‐](?P<w2>[A-Za-z]+)(?!\w|[-‐][A-Za-z])")
#: a number written after an uncertainty sign or a dimension joiner ("± 195", "by 4")
NUMBER = re.compile(r"[^\S\n]*\d[\d,]*(?:\.\d+)?")
#: the next word after a unit (or a punctuation mark, or the end): what a noun-shy alias needs after it
NEXT_WORD = re.compile(r"[^\S\n]*(?P<w>[A-Za-z]+)?")
#: how many characters before a number ``uncertainty_before`` reads for an uncertainty sign and the spaces after it
UNCERTAINTY_LOOKBACK = 8
#: a unit after one of unit_modifiers must be a word longer than this ("route kilometres", "gross tonnes"): a short
#: word or symbol after a modifier is not taken for a unit
MODIFIED_UNIT_MIN_LETTERS = 3


@dataclass(frozen=True)
class Measure:
    """A unit found after a number: pint's unit name, where the unit text ends, the SI value factor."""

    unit: str
    end: int
    duration: bool
    #: where the unit as written starts when a dimension's second side comes first ("3 by 4 metres": "metres")
    start: int | None = None


@dataclass(frozen=True)
class MeasureRules:
    deny: frozenset[str]
    symbols: frozenset[str]
    glued_only: frozenset[str]
    #: plural endings a symbol may carry ("kgs", "kms"): rules/counts.yaml measures.symbol_plurals
    symbol_plurals: tuple[str, ...]
    prefixes: frozenset[str]
    compound_first: frozenset[str]
    #: a country qualifier between number and unit that pint's default unit already means ("U.S. gallons")
    skip_before_unit: re.Pattern
    rate: re.Pattern
    #: "8 m/s", "793.4 Petaflop/s": the symbol after a slash -> the period of a rate unit
    slash_periods: dict[str, str]
    durations: frozenset[str]
    weight_units: frozenset[str]
    #: "67.5°", "28° Celsius": the sign glued to the number, then an optional scale word
    degree: re.Pattern
    degree_units: dict[str, str]
    #: "44 degrees Celsius": the degree word, then a scale of degree_units
    degree_word: re.Pattern
    #: "22 cubic kilometres": square / cubic -> the power of the unit after it
    compound_powers: dict[str, int]
    #: pint definitions added to the registry (solar_mass ...)
    definitions: tuple[str, ...]
    #: "6.3 M☉", "0.3 AU", "sq km": a written alias -> pint's unit, glued or apart (``alias`` matches them)
    aliases: dict[str, str]
    alias: re.Pattern
    #: aliases that are also initials ("AU": the African Union): a unit only before a unit follower, a mark or the end
    noun_shy: frozenset[str]
    #: words after a unit that show it is one ("0.3 AU from Earth"), and that may follow "degrees" alone
    unit_followers: frozenset[str]
    #: "long", "wide", ...: after one, a glued-only symbol written apart is a unit ("370 m wide", never "5 m people")
    dimension_words: frozenset[str]
    #: "± 195" right after a number: the unit after it is the central value's
    uncertainty: re.Pattern
    #: the same signs, read backwards by ``uncertainty_before``: a number after one is an error, no measure of its own
    uncertainty_signs: tuple[str, ...]
    #: "by 4", "x 20" right after a number: the first side of a dimension
    joiner: re.Pattern
    #: a unit joined by a hyphen to a dimension word ("a 100-foot-tall tower", "a 30m-long whale")
    word_dimension: re.Pattern
    #: ", 6", "and 7", ", or 8" right after a number: a list whose last number writes the unit
    lister: re.Pattern
    #: "degrees" alone after a number: pint's degree, an angle or a temperature whose scale is not written
    degree_alone: frozenset[str]
    #: a number written with a digit or a magnitude word (``degree_magnitudes``) right before "degrees" alone, the
    #: hyphen of "180-degree" aside; searched in the last ``degree_number_window`` characters before the word
    degree_number: re.Pattern
    degree_number_window: int
    #: "route", "gross" ...: a modifier read past between a number and its unit ("1300 route kilometres"), kept in unit_text
    unit_modifiers: frozenset[str]
    #: " per " before a unit (not a period: ``rate``): "mg per liter"
    per_unit: re.Pattern
    #: pint's answers kept on disk: a run whose questions were all asked before never imports pint
    answers: PintAnswers = field(compare=False, repr=False)
    #: pint's registry, made on the first unit question not in ``answers`` (see ``ureg``)
    _registry: list = field(default_factory=list, compare=False, repr=False)

    @property
    def ureg(self) -> Any:
        """pint's unit registry, made on first use: importing pint and reading its definitions cost
        about a second, which a run whose articles never put a word after a number need not pay."""
        if not self._registry:
            ureg = unit_registry()
            for definition in self.definitions:
                ureg.define(definition)
            self._registry.append(ureg)
        return self._registry[0]


def unit_registry() -> Any:
    """A new pint default registry, its parsed definitions kept in the newsfacts cache folder (pint's own
    ``cache_folder``: 0.45 s -> 0.04 s a process); without a usable folder, read from pint's files. Also
    money's registry of unit prices (pipeline/extract/money.py), which adds its own units to its copy."""
    import pint

    folder = cache_dir("pint")
    if folder is not None:
        try:
            return pint.UnitRegistry(cache_folder=folder)
        except Exception:  # noqa: BLE001 - a broken cache never stops a run: pint's files are the truth
            pass
    return pint.UnitRegistry()


def _compile(rules: Rules) -> MeasureRules:
    data = rules.get("counts")["measures"]
    check_keys(data, where=f"{rules.path('counts')}: measures", required=MEASURE_KEYS)
    for key in MEASURE_LIST_KEYS:
        # items are not checked to be strings: YAML reads the "on" of unit_followers as True, which str() makes "True";
        # quoting it would change what is read (left to a tuning round)
        if isinstance(data[key], (str, Mapping)) or not data[key]:
            raise RulesError(f"{rules.path('counts')}: measures.{key}: want a non-empty list, got {data[key]!r}")
    if not isinstance(data["aliases"], Mapping):
        raise RulesError(f"{rules.path('counts')}: measures.aliases: want a mapping of symbol to pint unit, got {data['aliases']!r}")
    words = "|".join(re.escape(w) for w in sorted(data["rate_words"], key=len, reverse=True))
    periods = "|".join(re.escape(w) for w in sorted(data["rate_periods"], key=len, reverse=True))
    return MeasureRules(
        deny=frozenset(str(w).lower() for w in data["deny"]),
        symbols=frozenset(str(w) for w in data["symbols"]),
        glued_only=frozenset(str(w) for w in data["glued_only"]),
        symbol_plurals=tuple(str(w) for w in data["symbol_plurals"]),
        prefixes=frozenset(str(w) for w in data["prefixes"]),
        compound_first=frozenset(str(w).lower() for w in data["compound_first"]),
        skip_before_unit=re.compile(
            r"[^\S\n]+(?:" + "|".join(re.escape(str(w)) for w in sorted(data["skip_before_unit"], key=len, reverse=True)) + r")(?=[^\S\n])"
            if data["skip_before_unit"] else r"(?!)"
        ),
        rate=re.compile(r"[^\S\n]+(?:" + words + r")[^\S\n]+(?P<p>" + periods + r")(?![\w-])", re.I),
        slash_periods={str(k): str(v) for k, v in data["slash_periods"].items()},
        durations=frozenset(str(d) for d in data["duration_dimensions"]),
        weight_units=frozenset(str(w) for w in data["weight_units"]),
        degree=re.compile(
            r"(?:" + "|".join(re.escape(str(w)) for w in data["degree_sign"]) + r")(?:[^\S\n]?(?P<scale>"
            + "|".join(re.escape(str(k)) for k in sorted(data["degree_units"], key=len, reverse=True) if k) + r")(?![\w]))?"
        ),
        degree_units={str(k): str(v) for k, v in data["degree_units"].items()},
        degree_word=re.compile(
            r"[^\S\n]+(?:" + "|".join(re.escape(str(w)) for w in data["degree_words"]) + r")[^\S\n]+(?P<scale>"
            + "|".join(re.escape(str(k)) for k in sorted(data["degree_units"], key=len, reverse=True) if k) + r")(?![\w])"
        ),
        compound_powers={str(k).lower(): int(v) for k, v in data["compound_powers"].items()},
        definitions=tuple(str(d) for d in data["definitions"]),
        aliases={str(k): str(v) for k, v in data["aliases"].items()},
        alias=re.compile(r"[^\S\n]*(?P<a>" + "|".join(re.escape(str(k)).replace(r"\ ", r"[^\S\n]+")
                                                      for k in sorted(data["aliases"], key=len, reverse=True)) + r")(?![\w/²³])"),
        noun_shy=frozenset(str(w) for w in data["noun_shy"]),
        unit_followers=frozenset(str(w) for w in data["unit_followers"]),
        dimension_words=frozenset(str(w) for w in data["dimension_words"]),
        uncertainty_signs=tuple(str(w) for w in data["uncertainty_signs"]),
        uncertainty=re.compile(r"[^\S\n]*(?:" + "|".join(re.escape(str(w)) for w in data["uncertainty_signs"]) + r")(?=[^\S\n]*\d)"),
        joiner=re.compile(r"[^\S\n]+(?:" + "|".join(re.escape(str(w)) for w in data["dimension_joiners"]) + r")[^\S\n]+(?=\d)"),
        word_dimension=re.compile(WORD_BODY + r"(?=[-‐](?:" + "|".join(
            re.escape(str(w)) for w in data["dimension_words"]) + r")(?![\w]))"),
        lister=re.compile(r"[^\S\n]*(?P<j>" + "|".join(
            [r",[^\S\n]*" + re.escape(str(w)) for w in data["list_joiners"] if str(w) != ","]
            + [re.escape(str(w)) for w in data["list_joiners"]]) + r")[^\S\n]+(?=\d)"),
        degree_alone=frozenset(str(w) for w in data["degree_alone"]),
        degree_number=re.compile(r"(?:\d|" + "|".join(re.escape(str(w)) for w in data["degree_magnitudes"]) + r")[-‐]?$", re.I),
        degree_number_window=max(len(str(w)) for w in data["degree_magnitudes"]) + 1,
        unit_modifiers=frozenset(str(w).lower() for w in data["unit_modifiers"]),
        per_unit=re.compile(r"[^\S\n]+(?:" + "|".join(re.escape(str(w)) for w in data["per_unit_words"]) + r")(?=[^\S\n])"),
        answers=PintAnswers(data),
    )


def measure_rules(rules: Rules) -> MeasureRules:
    return rules.derived("counts_measures", _compile)


def _unit(word: str, glued: bool, mr: MeasureRules) -> tuple[str, str] | None:
    """(pint's unit, its dimensionality) for one written word, or None when it is not accepted as a unit here."""
    if word.lower() in mr.deny:
        return None
    short = len(word) <= 3 or "/" in word
    if short and word not in mr.symbols:
        word = _symbol_singular(word, mr)
    if short and (word not in mr.symbols or (word in mr.glued_only and not glued)):
        return None
    if not short and not word.islower():
        return None  # "Watts" the name, "Miles Davis"
    stored = mr.answers.get("unit\t" + word)
    if stored is None or (isinstance(stored, list) and len(stored) == 2 and all(isinstance(x, str) for x in stored)):
        return None if stored is None else (stored[0], stored[1])
    found = _pint_unit(word, short, mr)
    mr.answers.put("unit\t" + word, None if found is None else list(found))
    return found


def _closing_unit(word: str, mr: MeasureRules) -> tuple[str, str] | None:
    """pint's unit for the word that closes a bracketed conversion of a measure ("The 30 cm (12 in)-long
    juvenile"): there it can only be a unit, so the words measures.deny and measures.symbols keep out of
    running text ("in", "a") are asked too; a time unit is no conversion of a measure."""
    key = "closing\t" + word
    stored = mr.answers.get(key)
    if stored is None or (isinstance(stored, list) and len(stored) == 2 and all(isinstance(x, str) for x in stored)):
        found = None if stored is None else (stored[0], stored[1])
    else:
        found = _pint_unit(word, True, mr)
        mr.answers.put(key, None if found is None else list(found))
    return None if found is None or found[1] in mr.durations else found


def _symbol_singular(word: str, mr: MeasureRules) -> str:
    """The symbol a short word writes with a plural ending ("kgs" -> "kg", "kms" -> "km"), else the word.
    Never a glued-only symbol ("ms" is not metres) nor a one-letter one."""
    for ending in mr.symbol_plurals:
        stem = word[: -len(ending)] if ending and word.endswith(ending) else ""
        if len(stem) > 1 and stem in mr.symbols and stem not in mr.glued_only:
            return stem
    return word


def _pint_unit(word: str, short: bool, mr: MeasureRules) -> tuple[str, str] | None:
    """pint's own answer for ``_unit`` (the part that depends only on the word, pint and the prefixes)."""
    try:
        if not short:
            parsed = mr.ureg.parse_unit_name(word)
            if not parsed or all(prefix not in mr.prefixes for prefix, _, _ in parsed):
                return None
        unit = mr.ureg.parse_units(word)
    except Exception:  # noqa: BLE001 - pint raises many kinds on odd words: not a unit
        return None
    if unit.dimensionless:
        return None
    return str(unit), str(unit.dimensionality)


def _per(word: str, period: str, mr: MeasureRules) -> str | None:
    """str(the unit of ``word`` / ``period``) as pint writes it ("barrel / day"), None when pint cannot
    divide them."""
    question = f"per\t{word}\t{period}"
    stored = mr.answers.get(question)
    if stored is None or isinstance(stored, str):
        return stored
    try:
        answer: str | None = str(mr.ureg.parse_units(word) / mr.ureg.parse_units(period))
    except Exception:  # noqa: BLE001
        answer = None
    mr.answers.put(question, answer)
    return answer


def _slash_rate(word: str, mr: MeasureRules) -> str | None:
    """The unit of a rate written "<unit>/<time symbol>" ("8 m/s", "793.4 Petaflop/s", "100 Mbit/s"):
    pint's quotient when pint knows the unit before the slash (a symbol that must be glued to a number
    alone, "m", is a unit here: the slash and the time symbol say so), else that word per the period,
    as written ("Petaflop / second": pint has no FLOP) when it has a capital, as unit symbols do. The
    time symbol after the slash (rules/counts.yaml measures.slash_periods) is the evidence: "and/or",
    "24/7" are never rates, and a lower-case word before "/s" is a plural written with a slash ("3
    victim/s")."""
    num, _, den = word.partition("/")
    period = mr.slash_periods.get(den)
    if period is None or not num.isalpha() or num.lower() in mr.deny:
        return None
    unit = _unit(num, True, mr)
    if unit is not None and unit[1] not in mr.durations:
        return _per(num, period, mr)
    if unit is None and len(num) > 1 and not num.islower():
        return f"{num} / {period}"
    return None


def _power(word: str, power: int, mr: MeasureRules) -> str | None:
    """str(the unit of ``word`` to ``power``) as pint writes it ("kilometer ** 2"), None when pint cannot."""
    question = f"pow\t{word}\t{power}"
    stored = mr.answers.get(question)
    if stored is None or isinstance(stored, str):
        return stored
    try:
        answer: str | None = str(mr.ureg.parse_units(word) ** power)
    except Exception:  # noqa: BLE001
        answer = None
    mr.answers.put(question, answer)
    return answer


def _alias(text: str, end: int, mr: MeasureRules) -> Measure | None:
    """The unit of an alias right after a number ("6.3 M☉", "2.5 Mpc", "160 sq mi"); a noun-shy one ("AU") only
    before a word of unit_followers, a punctuation mark or the end ("the 55 AU members" is the African Union)."""
    a = mr.alias.match(text, end)
    if a is None:
        return None
    if a.group("a") in mr.noun_shy:
        nxt = NEXT_WORD.match(text, a.end())
        if nxt.group("w") is not None and nxt.group("w") not in mr.unit_followers:
            return None
    return Measure(mr.aliases[a.group("a")], a.end(), False)


#: how many joined numbers after the first ``_listed`` walks before giving up: a bound on the walk ("5, 6 and 7 metres"
#: takes two)
LIST_MAX_NUMBERS = 8


def _unit_of_later(text: str, number_end: int, after: Measure) -> Measure:
    """The unit written after a later number (the error of an uncertainty, a dimension's second side, a list's last
    number: ``after``, found from ``number_end``) as the earlier number's: its ``start`` is where that unit is written,
    past the white space after the later number, so unit_text is "metres" for "3 by 4 metres", not "by 4 metres"."""
    if after.start is not None:
        return Measure(after.unit, after.end, False, after.start)
    written = text[number_end : after.end]
    return Measure(after.unit, after.end, False, number_end + len(written) - len(written.lstrip()))


def _listed(text: str, end: int, rules: Rules, mr: MeasureRules) -> Measure | None:
    """The unit written after the last number of a list that the number ending at ``end`` opens ("5, 6 and 7
    metres", "30 or 40 km"); a list must hold a joining word, not commas alone ("In 2019, 5 km of road"), and opens
    with a comma or a bare joining word ("He is 45, and 6 feet tall" is no list)."""
    pos, joined = end, False
    for _ in range(LIST_MAX_NUMBERS):
        j = mr.lister.match(text, pos)
        n = NUMBER.match(text, j.end()) if j is not None else None
        if n is None:
            return None
        if pos == end and j.group("j") != "," and j.group("j").startswith(","):
            return None  # "He is 45, and 6 feet tall": ", and" closes a list of commas, never opens one
        joined = joined or j.group("j") != ","
        after = measure_after(text, n.end(), rules, listed=False)
        if after is not None:
            if not joined or after.duration:
                return None
            return _unit_of_later(text, n.end(), after)
        pos = n.end()
    return None


def _degree_alone(text: str, end: int, m: re.Match, mr: MeasureRules) -> bool:
    """Is the word ``m`` after a number "degrees" alone, a measure: the number written with a digit or a magnitude
    word, no noun after the word ("1,000 degrees in the furnace", "turned 180 degrees"; not "200 degree courses")."""
    if m.group("w") not in mr.degree_alone or mr.degree_number.search(text, max(0, end - mr.degree_number_window), end) is None:
        return False
    nxt = NEXT_WORD.match(text, m.end())
    return nxt.group("w") is None or nxt.group("w") in mr.unit_followers


def uncertainty_before(text: str, start: int, rules: Rules) -> bool:
    """Is the number starting at ``start`` the error of an uncertainty ("1010 ± 195 light years": 195)? It
    measures nothing of its own: the unit is the central value's."""
    mr = measure_rules(rules)
    head = text[max(0, start - UNCERTAINTY_LOOKBACK) : start].rstrip()
    return any(head.endswith(sign) for sign in mr.uncertainty_signs)


def lone_symbol_after(text: str, end: int, rules: Rules) -> bool:
    """Is the word right after a number a symbol that must otherwise be glued to it ("50 m")? A cheap test
    before the bracketed-conversion reading of ``measure_after(..., loose=True)``."""
    m = WORD.match(text, end)
    return m is not None and m.start("w") > end and m.group("w") in measure_rules(rules).glued_only


def measure_after(text: str, end: int, rules: Rules, loose: bool = False, listed: bool = True) -> Measure | None:
    """The unit right after a number ending at ``end`` ("6 km", "20cm", "square feet", "barrels a day").
    With ``loose`` (the number restates a measure in brackets: "75 ft (~23 m)") a symbol that must
    otherwise be glued to its number ("m") stands apart too: the conversion says it is a unit. ``listed``:
    a list the number opens may give the unit of its last number ("5, 6 and 7 metres")."""
    mr = measure_rules(rules)
    aliased = _alias(text, end, mr)
    if aliased is not None:
        return aliased
    # "1010 ± 195 light years": the central value's unit; "3 by 4 metres": the first side takes the second's unit
    for lead in (mr.uncertainty, mr.joiner):
        joined = lead.match(text, end)
        if joined is not None:
            n = NUMBER.match(text, joined.end())
            after = measure_after(text, n.end(), rules) if n is not None else None
            return None if after is None or after.duration else _unit_of_later(text, n.end(), after)
    if listed and not text.startswith("-", end):
        in_list = _listed(text, end, rules, mr)
        if in_list is not None:
            return in_list
    deg = mr.degree.match(text, end) or mr.degree.match(text, end + 1) if text[end : end + 1] in (" ", "°") else None
    if deg is not None:  # "67.5°", "28° Celsius", "30 °C": an angle or a temperature
        return Measure(mr.degree_units[deg.group("scale") or ""], deg.end(), False)
    word = mr.degree_word.match(text, end)
    if word is not None:  # "44 degrees Celsius": a temperature written out
        return Measure(mr.degree_units[word.group("scale")], word.end(), False)
    skipped = mr.skip_before_unit.match(text, end)  # "37 billion U.S. gallons": pint's gallon is the US one
    if skipped is not None:
        after = measure_after(text, skipped.end(), rules, loose)
        return after if after is not None and not after.duration else None
    m = WORD.match(text, end) or mr.word_dimension.match(text, end)
    if m is None:
        h = HYPHENED.match(text, end)
        if h is None or h.group("w").lower() not in mr.compound_first:
            return None
        asked = h.group("w").lower() + "_" + h.group("w2").lower()  # "light-years" -> light_year
        unit = _unit(asked, False, mr)
        if unit is None or unit[1] in mr.durations:
            return None
        return Measure(unit[0], h.end(), False)
    if _degree_alone(text, end, m, mr):  # "1,000 degrees in the furnace", "a 180-degree turn"
        return Measure(mr.degree_units[""], m.end(), False)
    glued = m.start("w") == end or loose
    if not glued and m.group("w") in mr.glued_only and not m.group("exp"):
        nxt = NEXT_WORD.match(text, m.end())  # "370 m wide", "a 50 m deep shaft": a dimension says it is a unit
        glued = nxt.group("w") is not None and nxt.group("w") in mr.dimension_words
    first = m.group("w")
    if m.group("exp"):  # "415 km2", "50 m²": the exponent makes the symbol a unit, glued or not
        unit = _unit(first, True, mr)
        if unit is None or unit[1] in mr.durations:
            return None
        powered = _power(first, POWERS[m.group("exp")], mr)
        return None if powered is None else Measure(powered, m.end(), False)
    unit, stop, asked = None, m.end(), first
    if first.lower() in mr.compound_first:  # "square feet" -> square_foot
        m2 = WORD.match(text, m.end())
        if m2 is not None:
            asked = first.lower() + "_" + m2.group("w").lower()
            unit = _unit(asked, False, mr)
            power = mr.compound_powers.get(first.lower())
            if unit is None and power is not None:  # "22 cubic kilometres": pint has no cubic_kilometre
                base = _unit(m2.group("w"), False, mr)
                powered = _power(m2.group("w"), power, mr) if base is not None and base[1] not in mr.durations else None
                if powered is not None:
                    return Measure(powered, m2.end(), False)
            stop = m2.end() if unit is not None else stop
    if unit is None:
        unit, asked = _unit(first, glued, mr), first
        stop = m.end()
    if unit is None and first.lower() in mr.unit_modifiers:  # "1300 route kilometres", "228,000 gross tonnes"
        m2 = WORD.match(text, m.end())
        after = _unit(m2.group("w"), False, mr) if m2 is not None and m2.start("w") > m.end() and len(m2.group("w")) > MODIFIED_UNIT_MIN_LETTERS else None
        if after is not None and after[1] not in mr.durations:
            unit, asked, stop = after, m2.group("w"), m2.end()
    if unit is None and loose and text.startswith(")", m.end()):
        unit = _closing_unit(first, mr)  # "30 cm (12 in)": the word closing a conversion is a unit if pint reads one
    if unit is None:
        rate_unit = _slash_rate(first, mr)
        return None if rate_unit is None else Measure(rate_unit, m.end(), False)
    name, dims = unit
    if dims in mr.durations:
        return Measure(name, stop, True)
    rate = mr.rate.match(text, stop)
    if rate is not None:
        per = _per(asked, rate.group("p").lower(), mr)
        if per is not None:
            name, stop = per, rate.end()
    elif (per_unit := _per_unit(text, stop, asked, mr)) is not None:  # "6 mg per liter", "50 miles per gallon"
        name, stop = per_unit
    return Measure(name, stop, False)


def _per_unit(text: str, stop: int, asked: str, mr: MeasureRules) -> tuple[str, int] | None:
    """(pint's quotient, where it ends) for a unit followed by "per" and another unit pint knows ("1 mg per liter",
    "0.2 moles per cubic meter", "5 tonnes per hectare"), else None ("5 kg per person": a person is no unit)."""
    p = mr.per_unit.match(text, stop)
    w = WORD.match(text, p.end()) if p is not None else None
    if w is None or w.group("exp"):
        return None
    below, end = None, w.end()
    if w.group("w").lower() in mr.compound_first:  # "per cubic meter", "per square metre"
        w2 = WORD.match(text, w.end())
        if w2 is not None and not w2.group("exp"):
            joined = w.group("w").lower() + "_" + w2.group("w").lower()
            power = mr.compound_powers.get(w.group("w").lower())
            if _unit(joined, False, mr) is not None:
                below, end = joined, w2.end()
            elif power is not None and _unit(w2.group("w"), False, mr) is not None:
                below, end = _power(w2.group("w"), power, mr), w2.end()
    if below is None:
        unit = _unit(w.group("w"), False, mr)
        below = w.group("w") if unit is not None and unit[1] not in mr.durations else None
    quotient = _per(asked, below, mr) if below is not None else None
    return None if quotient is None else (quotient, end)


def pint_unit_errors() -> tuple[type[BaseException], ...]:
    """What pint raises on a unit string it cannot build: its own errors (an unknown unit, a dimensionality
    clash), and from its string parser a bad exponent (TypeError), a malformed number ("3..4": ValueError), an empty
    bracket (AssertionError), an unclosed one (tokenize.TokenError) or a division by zero ("1/0"). Anything else is
    a bug and is raised."""
    import tokenize

    from pint.errors import PintError

    return (PintError, TypeError, ValueError, ArithmeticError, AssertionError, tokenize.TokenError)


def same_dimension(unit: str, other: str, rules: Rules) -> bool:
    """Are two of pint's units of one dimension ("light_year" and "parsec")? pint's answer, kept with the
    others on disk: asking pint builds its registry (~0.35 s a process)."""
    mr = measure_rules(rules)
    question = f"samedim\t{unit}\t{other}"
    stored = mr.answers.get(question)
    if type(stored) is bool:
        return stored
    ureg = mr.ureg
    try:
        answer = bool(ureg.Quantity(1, unit).dimensionality == ureg.Quantity(1, other).dimensionality)
    except pint_unit_errors():  # a unit pint names but cannot build: no conversion
        answer = False
    mr.answers.put(question, answer)
    return answer


def to_si(value: float, unit: str, rules: Rules) -> float | None:
    """``value`` of ``unit`` in SI base units (m, kg, m³/s …); None when pint cannot convert it."""
    mr = measure_rules(rules)
    question = f"si\t{type(value).__name__}\t{value!r}\t{unit}"
    stored = mr.answers.get(question)
    if stored is None or type(stored) is float:
        return stored
    try:
        answer: float | None = float(mr.ureg.Quantity(value, unit).to_base_units().magnitude)
    except Exception:  # noqa: BLE001
        answer = None
    mr.answers.put(question, answer)
    return answer
