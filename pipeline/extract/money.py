"""Money mentions: "¥80 billion", "380 billion RMB", "$2-3 billion", "¥0.008 per 1,000 tokens".

Anchor-first: a currency symbol, code or name is found first, then the number next to it is read by
pipeline/numbers.py (the one number parser), so "32k", "GPT-4o" or "billions" can never become money
(no anchor, or no number). Around each amount we then read, in this order: a conversion in brackets
("(approximately $150 million)", linked by ``equivalent_of``), the ¥ reading (yuan or yen), the
qualifier ("no less than" → at_least, outside the span), a rate ("per 1,000 tokens"), the metric from
cue words, and the US$ value: the article's own conversion when it gives one, else the ECB reference
rate of the publication date (pipeline/fx.py; the threshold for an old rate is in rules/fx.yaml). All
vocabulary is in rules/money.yaml. Money without a number ("billions", "multi-million dollar", a bare "dollar") is not
a row: we never invent an amount.

Readings decided here, each from rules/money.yaml: a name several currencies share ("dinars", "kr",
"pennies") gets the code its cue words name, else a documented default (``ambiguous_names``);
"pound" without a magnitude is money unless a weight cue is near ("5 pounds of flour"); "from $5 to
$8" and "fell $1.625 to $108.625" are two amounts (a change, a level), while "range from $10 to $20"
is one range; "one kuai five" is 1.5 yuan and "one dollar and two" 1.02 (a minor-unit tail).
Single price strings ("1 298,00 €") are read by pipeline/prices.py with the same lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from pipeline import patterns as rx
from pipeline.lexicon import YEN_SIGN, Currencies, all_subunits, alternation, bounded, currencies, metric_vocabulary, nearest_cue, trie
from pipeline.errors import RulesError
from pipeline.extract import Context, doc_text
from pipeline.fx import fx_table
from pipeline.numbers import parse_digits, parse_number, parse_range, vocab
from pipeline.prefilter import Regions, break_class
from pipeline.rules import Rules, check_keys, check_windows

__all__ = ["YEN_SIGN", "MoneyRules", "compile_money", "extract", "is_weight", "money_rules"]


def _alt(words: Any) -> str:
    """Regex alternation, longest first, so "US$" wins over "$" and "hong kong dollar" over "dollar"."""
    return alternation(words)


@dataclass(frozen=True)
class MoneyRules:
    """rules/money.yaml and rules/fx.yaml compiled once per run."""

    candidates: tuple[tuple[str, re.Pattern], ...]
    #: the currency lexicon (pipeline/lexicon.py), shared with pipeline/prices.py
    currencies: Currencies
    qual_before: re.Pattern
    qual_after: re.Pattern
    qual_of: dict[str, str]
    from_before: re.Pattern
    skip_bracket: re.Pattern
    rate: re.Pattern
    inherit: re.Pattern
    unit_of: dict[str, str]
    a_units: frozenset[str]
    conversion_gap: re.Pattern
    conversion_close: re.Pattern
    yen: dict[str, Any]
    metric_cues: tuple[tuple[str, re.Pattern], ...]
    metric_window: int
    #: rules/money.yaml ``windows``
    windows: dict[str, int]
    negatives: tuple[re.Pattern, ...]
    #: digits in a non-English format ("129,99", "9 800") at the start of a number, and what to drop
    format_head: re.Pattern | None = None
    group_chars: str = ""
    dot_thousands: re.Pattern | None = None
    dot_thousands_currencies: frozenset[str] = frozenset()
    compound_gap: re.Pattern | None = None
    cents_tail: re.Pattern | None = None
    #: a sign word or mark right before an amount ("minus US$37.63", "-$37.63"), ending at the amount
    sign_before: re.Pattern | None = None
    cents_factor: Decimal = Decimal("0.01")
    cents_tail_below: Decimal = Decimal(0)
    article_words: frozenset[str] = frozenset()
    article_reject_deps: frozenset[str] = frozenset()
    #: a rate more than this many days before the publication date is used, with a note (rules/fx.yaml)
    fx_stale_after_days: int = 7
    #: names that are also weights ("pound") and what says "weight" around them
    weight_names: frozenset[str] = frozenset()
    weight_after: re.Pattern | None = None
    weight_cues: re.Pattern | None = None
    weight_window: int = 0
    #: a range after "from" stays a range after these words, or at the start of a text or line
    range_from_ok: re.Pattern | None = None
    #: a weak name written after a magnitude word ("1.5 trillion won"): the article's own cue for a bare one later
    weak_after_magnitude: re.Pattern | None = None
    #: "fell $1.625 to $108.625": a change word right before a range form
    change_before: re.Pattern | None = None
    by_change_ratio: Decimal = Decimal(3)
    by_before: re.Pattern | None = None
    #: cents-tail factor per lexicon key ("kuai" -> 0.1); sub-units not listed take no tail
    tail_factor_after: dict[str, Decimal] = field(default_factory=dict)
    #: the stretches of a text that can hold a candidate (``_anchors``); None: search whole texts
    regions: Regions | None = None


MONEY_KEYS = (
    "prefix_symbols", "codes", "names", "subunits", "weak_names", "yen", "qualifiers_before",
    "qualifiers_after", "range_separators", "between_words", "not_range_after", "rates", "negative_contexts",
    "compound_joiners", "cents_tail", "sign", "ambiguous_names", "names_before_number", "number_formats", "group_characters",
    "dot_thousands", "article_amounts", "lowercase_codes", "subunits_before_number", "weight_names", "range_from_after",
    "change_words", "windows", "qualified_subunits", "by_change_ratio", "by_change_words",
)
#: rules/money.yaml ``windows``: how far each reading looks around an amount (characters)
WINDOW_KEYS = (
    "qualifier_before", "qualifier_after", "negative_before", "negative_after", "rate_bracket", "bracket_length",
    "rate_after", "inherit_after", "change_before", "weight_after", "weak_name_cue",
)
#: rules/money.yaml keys read only by pipeline/prices.py (single price strings, not running text)
PRICE_KEYS = ("price_strings",)


def _check(rules: Rules) -> dict:
    data = rules.get("money")
    where = str(rules.path("money"))
    check_keys(data, where=where, required=MONEY_KEYS, optional=PRICE_KEYS)
    check_keys(data["cents_tail"], where=f"{where}: cents_tail", required=("joiners", "marks", "then", "factor", "only_below", "factor_after"))
    check_keys(data["sign"], where=f"{where}: sign", required=("words", "marks"))
    check_keys(data["weight_names"], where=f"{where}: weight_names", required=("names", "after", "cues", "window"))
    check_keys(data["yen"], where=f"{where}: yen", required=("cny_ratio", "jpy_ratio", "cny_cues", "jpy_cues", "cny_entities", "jpy_entities"))
    check_keys(data["rates"], where=f"{where}: rates", required=("per_words", "units", "a_units", "max_modifiers", "inherit_phrases"))
    check_keys(data["dot_thousands"], where=f"{where}: dot_thousands", required=("pattern", "currencies"))
    check_keys(data["article_amounts"], where=f"{where}: article_amounts", required=("words", "not_names", "reject_deps"))
    check_windows(data["windows"], where=f"{where}: windows", keys=WINDOW_KEYS)
    fx = rules.get("fx")
    check_keys(fx, where=str(rules.path("fx")), required=("stale_after_days",))
    if not isinstance(fx["stale_after_days"], int) or fx["stale_after_days"] < 0:
        raise RulesError(f"{rules.path('fx')}: stale_after_days: want a whole number of days >= 0")
    return data


def compile_money(rules: Rules) -> MoneyRules:
    data = _check(rules)
    num = vocab(rules).number
    glued = vocab(rules).number_after_letters  # "USD3.14", "RM42": after an anchor a letter may touch

    symbols = list(data["prefix_symbols"])
    letter_syms = [s for s in symbols if s[0].isalpha() and s.isascii()]
    other_syms = [s for s in symbols if s not in letter_syms]
    codes = list(data["codes"])
    # Codes and letter symbols are case-sensitive: "try 5 times" and "rm 5" are not money.
    pre = r"(?:(?<![A-Za-z])(?-i:" + _alt(letter_syms + codes) + r")|" + _alt(other_syms) + r")"
    # one-letter sub-unit marks ("10c") are case-sensitive and take no plural ("30 C" is Celsius)
    subunits = all_subunits(data)  # with the qualified ones ("canadian cent", "euro cent")
    letter_marks = [n for n in subunits if n.isascii() and len(n) == 1 and n.isalpha()]
    latin_names = [n for n in list(data["names"]) + list(subunits) if n.isascii() and n not in letter_marks]
    cjk_names = [n for n in list(data["names"]) + list(subunits) if not n.isascii()]
    post_syms = [s for s in letter_syms if " " not in s]  # "c $" is only written before the number
    post = (
        r"(?:(?<![A-Za-z])(?:" + _alt(latin_names) + r")(?:s|es)?(?![A-Za-z])"
        r"|(?<![A-Za-z])(?-i:" + _alt(codes) + r")(?![A-Za-z])"
        r"|(?:" + _alt(cjk_names) + r")"
        r"|(?:" + _alt(other_syms) + r")(?![\d])"
        r"|(?<![A-Za-z])(?-i:" + _alt(post_syms) + r")(?![\w$])"
        r"|(?<![A-Za-z])(?:" + _alt(data["lowercase_codes"]) + r")(?![A-Za-z])"
        + (r"|(?<![A-Za-z])(?-i:" + _alt(letter_marks) + r")(?![\w$'])" if letter_marks else "")
        + r")"
    )
    # non-English digit formats, tried before the English reading ("129,99 €" is not 99 €)
    v = vocab(rules)
    formats = "(?:" + "|".join(f"(?:{p})" for p in data["number_formats"].values()) + r")(?!\d|-\d)"
    foreign = r"(?<![\w.,'])" + formats + r"(?:" + v.magnitude + r")?(?![A-Za-z0-9_])"
    # "$5-million": a hyphen between digits and a magnitude word
    hyphen_mag = r"(?<![\w.,-])" + v.digits + r"-(?:" + _alt(v.spelled_magnitudes) + r")s?(?![\w-])"
    num = f"(?:{foreign}|{hyphen_mag}|{num})"
    glued = f"(?:{foreign}|{hyphen_mag}|{glued})"
    art = data["article_amounts"]
    article_names = [n for n in latin_names if n not in art["not_names"] and n not in data["weak_names"]]
    sep = r"\s*(?:" + _alt(data["range_separators"]) + r")\s*"
    between = r"(?<!\w)(?:" + _alt(data["between_words"]) + r")\s+"
    both = r"\s*(?:" + _alt(data["range_separators"]) + r"|and)\s*"
    n1, n2 = f"(?P<n1>{num})", f"(?P<n2>{num})"
    g1, g2 = f"(?P<n1>{glued})", f"(?P<n2>{glued})"
    c1, c2, cp = f"(?P<c1>{pre})", f"(?P<c2>{pre})?", f"(?P<cp>{post})"
    gap = r"[ \t]?"
    forms = (
        ("between_prefix", between + f"(?P<body>{c1}{gap}{g1}{both}{c2}{gap}{g2})"),
        ("between_suffix", between + f"(?P<body>{n1}{both}{n2}{gap}{cp})"),
        ("between_suffix", between + f"(?P<body>{n1}{gap}(?P<cq>{post})\\s+and\\s+{n2}{gap}{cp})"),
        ("range_prefix", f"(?P<body>{c1}{gap}{g1}{sep}{c2}{gap}{g2})"),
        # "10-20 dollars"; "from 10 dollars to 20 dollars" (the name after both ends: the same currency,
        # checked in _read). One pattern, so the text is scanned once.
        ("range_suffix", f"(?P<body>{n1}(?:{gap}(?P<cq>{post}))?{sep}{n2}{gap}{cp})"),
        # "one-to-two million dollars": spelled-out ends joined by the number grammar's hyphenated range joiners
        # (rules/numbers.yaml hyphen_range_words, as counts read "one-to-two hundred people"); the number pattern
        # itself never starts a word after a hyphen ("ten-year"), so the two ends are matched here
        *((("range_suffix", r"(?P<body>(?<![\w-])(?P<n1>" + v.words + r")(?:" + _alt(v.range_joiners) + r")(?P<n2>" + v.words + r")"
             + f"{gap}{cp})"),) if v.range_joiners else ()),
        ("prefix", f"(?P<body>{c1}{gap}{g1})"),
        ("suffix", f"(?P<body>{n1}{gap}{cp})"),
        # "a 12-cent dividend", "its one-yen bid", "a 100-billion-forint support package"
        ("hyphen_suffix", r"(?P<body>(?P<n1>(?<![\w.,-])(?:" + v.digits + r"-(?:" + _alt(v.spelled_magnitudes) + r")|" + v.digits + "|" + v.words
         + r"))-(?P<cp>(?:" + _alt(latin_names) + r")(?:s|es)?)(?!\w))"),
        # "3.14US$", "42MYR", "10c": a code, letter symbol or cent mark glued after the digits
        ("suffix_glued", r"(?P<body>(?P<n1>(?<![\w.,])" + v.digits + r")(?P<cp>(?-i:" + _alt(post_syms + codes + other_syms + letter_marks) + r")))(?![A-Za-z])"),
        # "Rupees 500 crore", "ringgit 42": a name before the number, for the names listed (not "Euro 2024")
        ("name_prefix", r"(?<!\w)(?P<body>(?P<c1>(?:" + _alt(data["names_before_number"]) + r")s?|(?-i:" + _alt(data["subunits_before_number"])
         + r"))\s(?P<n1>" + v.number + r"))(?!\s*(?:%|per\s?cent))"),
        # "a dollar" (checked against the parse in _article_ok)
        ("article", r"(?<!\w)(?P<body>(?P<n1>" + _alt(art["words"]) + r")\s+(?P<cp>" + _alt(article_names) + r"))(?![\w-])"),
    )
    anchors, folded_anchors, anchor_words = _anchors(data, letter_syms + codes, other_syms, letter_marks, latin_names, cjk_names)
    # before the forms are compiled: a form compiled from source then gives its break characters from
    # the same parse (pipeline/patterns.py ``unconsumed``)
    regions = Regions(
        breaks=break_class(((src, re.IGNORECASE) for _, src in forms), keep=anchor_words),
        anchors=anchors,
        folded_anchors=folded_anchors,
    )
    candidates = tuple((name, rx.compile(src, re.IGNORECASE)) for name, src in forms)

    qual_of: dict[str, str] = {}
    for qual, words in data["qualifiers_before"].items():
        for w in words:
            qual_of[w.lower()] = qual
    after_of = {w.lower(): q for q, ws in data["qualifiers_after"].items() for w in ws}
    for w, q in after_of.items():
        qual_of.setdefault(w, q)
    qual_before = rx.compile(
        r"(?<![\w.])(?P<q>" + _alt(w for ws in data["qualifiers_before"].values() for w in ws) + r")"
        r"\s*(?:(?:the|a|an)\s+)?$",
        re.IGNORECASE,
    )
    qual_after = rx.compile(r"^\s*(?P<q>" + _alt(after_of) + r")(?!\w)", re.IGNORECASE)

    r = data["rates"]
    unit_of = {form.lower(): canon for canon, forms in r["units"].items() for form in forms}
    quantity = r"(?P<qty>" + num + r"|(?<!\w)(?:" + _alt(v.spelled_magnitudes) + r")(?!\w))"
    units = r"(?P<unit>" + _alt(unit_of) + r")(?!\w)"
    mods = r"(?:[\w-]+\s+){0," + str(int(r["max_modifiers"])) + r"}?"
    per = [w for w in r["per_words"] if w != "/"]
    rate = rx.compile(
        r"^\s*(?P<per>/|(?<!\w)(?:" + _alt([*per, "for"]) + r")(?!\w))\s*(?:" + quantity + r"\s+)?" + mods + units,
        re.IGNORECASE,
    )
    inherit = rx.compile(
        r"^\s*for\s+(?:(?P<same>" + _alt(r["inherit_phrases"]) + r")(?!\w)|" + mods + units + r")",
        re.IGNORECASE,
    )
    mv = metric_vocabulary(rules)
    priority = mv.money_priority
    # a cue is no second half of a hyphenated word ("its weight-loss drug", "a low-cost carrier": no loss, no cost)
    cues = {name: rx.compile(r"(?<!-)" + bounded(mv.words[name]), re.IGNORECASE) for name in priority}
    y = data["yen"]
    qual_words = _alt(qual_of)
    w = data["weight_names"]
    approx = [q for q in data["qualifiers_before"]["approx"] if q[:1].isalpha()]
    return MoneyRules(
        candidates=candidates,
        currencies=currencies(rules),
        qual_before=qual_before,
        qual_after=qual_after,
        qual_of=qual_of,
        from_before=rx.compile(bounded(data["not_range_after"]) + r"\s*$", re.IGNORECASE),
        skip_bracket=rx.compile(r"^\s*[)\]]?(?:\s*[(\[][^()\[\]]{0,%d}[)\]])?" % data["windows"]["bracket_length"]),
        rate=rate,
        inherit=inherit,
        unit_of=unit_of,
        a_units=frozenset(r["a_units"]),
        conversion_gap=rx.compile(r"^\s*(?:[(\[]|,\s*or|—|–)\s*(?:(?P<q>" + qual_words + r")\s*)?$", re.IGNORECASE),
        conversion_close=rx.compile(r"^\s*(?:[)\]]|,|—|–|$)"),
        yen=dict(y),
        metric_cues=tuple((p, cues[p]) for p in priority if p in cues),
        metric_window=mv.money_window,
        windows=dict(data["windows"]),
        negatives=tuple(rx.compile(p) for p in data["negative_contexts"]),
        format_head=rx.compile(formats),
        group_chars=str(data["group_characters"]),
        dot_thousands=rx.compile(r"(?:" + data["dot_thousands"]["pattern"] + r")(?![\d.,])"),
        dot_thousands_currencies=frozenset(data["dot_thousands"]["currencies"]),
        cents_tail=rx.compile(
            r"(?:\s+(?:" + _alt(data["cents_tail"]["joiners"]) + r"))?\s+(?P<n>\d{1,2}|" + v.words + r")"
            r"(?:\s?(?:" + _alt(data["cents_tail"]["marks"]) + r")(?!\w)|(?![\w-]))(?=" + data["cents_tail"]["then"] + r")",
            re.IGNORECASE,
        ),
        sign_before=rx.compile(
            r"(?:(?P<sign>(?<![\w$€£¥.,-])(?:" + _alt(data["sign"]["marks"]) + r"))|(?P<word>(?<![\w-])(?:"
            + _alt(data["sign"]["words"]) + r"))\s+)\Z",
            re.IGNORECASE,
        ),
        cents_factor=Decimal(str(data["cents_tail"]["factor"])),
        cents_tail_below=Decimal(str(data["cents_tail"]["only_below"])),
        compound_gap=rx.compile(r"\s*(?:(?:" + _alt(data["compound_joiners"]) + r")\s*)?", re.IGNORECASE),
        article_words=frozenset(w.lower() for w in art["words"]),
        article_reject_deps=frozenset(art["reject_deps"]),
        fx_stale_after_days=int(rules.get("fx")["stale_after_days"]),
        weight_names=frozenset(n.lower() for n in w["names"]),
        weight_after=rx.compile(w["after"], re.IGNORECASE),
        weight_cues=rx.compile(bounded(w["cues"]), re.IGNORECASE),
        weight_window=int(w["window"]),
        weak_after_magnitude=rx.compile(
            r"(?<!\w)(?:" + _alt(v.spelled_magnitudes) + r")\s+(?P<name>" + _alt([n for n in data["weak_names"] if n.isalpha()]) + r")(?:s|es)?(?!\w)",
            re.IGNORECASE,
        ),
        range_from_ok=rx.compile(r"(?:(?:^|\n)[^\S\n]*|" + bounded(data["range_from_after"]) + r"\s+)$", re.IGNORECASE),
        change_before=rx.compile(
            bounded(data["change_words"]) + r"\s+(?:by\s+)?(?:(?:" + _alt(approx) + r")\s+)?$", re.IGNORECASE
        ),
        tail_factor_after={k.lower(): Decimal(str(v)) for k, v in data["cents_tail"]["factor_after"].items()},
        by_change_ratio=Decimal(str(data["by_change_ratio"])),
        by_before=rx.compile(bounded(data["by_change_words"]) + r"\s+$", re.IGNORECASE),
        regions=regions,
    )


def _anchors(data: dict, cased: list[str], other_syms: list[str], letter_marks: list[str], latin_names: list[str],
             cjk_names: list[str]) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...], list[str]]:
    r"""The currency marks every candidate form holds, as a lookup cheaper than the forms: (patterns
    searched in the text, patterns searched in the folded text, every anchor word).

    Every form's match holds the currency of ``pre`` (prefix forms), of ``post`` (suffix forms), a
    name after a hyphen (``hyphen_suffix``), a glued code, symbol or mark (``suffix_glued``), a name
    before the number (``name_prefix``) or after an article (``article``). Each anchor below is
    matched wherever one of those can be, with at most the boundaries the forms put around it (a
    superset of places, so pipeline/prefilter.py ``Regions`` never skips a match):
    - codes and letter symbols ("USD", "RM", "Rs."), case-sensitive: no ASCII letter before (``pre``
      and ``post`` say so; a glued one follows a digit);
    - one-letter sub-unit marks ("c"), case-sensitive: no ASCII letter before or after (``post``
      says ``(?![\w$'])``, a glued one follows a digit and ends before ``(?![A-Za-z])``);
    - other symbols and every name with a non-ASCII letter ("$", "€", "Kč", "元"), case-insensitive
      like the forms, anywhere (from the word's first non-ASCII character on: "č" of "Kč");
    - ASCII names, lowercase codes and names before the number ("dollar", "rmb", "ringgit"), in the
      folded text (``fold``: an ignore-case match there is a plain one here, offsets kept), with an
      optional plural and no ASCII letter on either side: every form puts ``(?<![A-Za-z])``,
      ``(?<!\w)``, a hyphen or a space before them and ``(?![A-Za-z])``, ``(?![\w-])``, ``(?!\w)`` or
      a space after (under ignore-case, the non-ASCII letters those classes match are exactly those
      ``fold`` turns into ASCII letters; a test checks all of Unicode).
    A lexicon word in none of these shapes falls in the case-insensitive, unbounded one."""
    words_before = [*data["names_before_number"], *data["subunits_before_number"]]
    ascii_names = [*latin_names, *data["lowercase_codes"], *words_before]
    plain = [w for w in ascii_names if w.isascii() and w[:1].isalpha()]
    cased_ok = [w for w in cased if w.isascii() and w[:1].isalpha()]
    loose = [w for w in [*cased, *other_syms, *cjk_names, *ascii_names] if w not in plain and w not in cased_ok]
    # from its first non-ASCII character on ("Kč" -> "č", "E£" -> "£"): inside every occurrence of the
    # word, and the search no longer stops at every "K" and "E" of an English text
    loose = [w[next((i for i, ch in enumerate(w) if not ch.isascii()), 0) :] for w in loose]
    in_text = [
        rx.compile(r"(?<![A-Za-z])(?:" + trie(cased_ok) + r")"),
        rx.compile(r"(?<![A-Za-z])(?:" + trie(letter_marks) + r")(?![A-Za-z])") if letter_marks else None,
        rx.compile(r"(?:" + trie(loose) + r")", re.IGNORECASE) if loose else None,
    ]
    folded = rx.compile(r"(?<![a-z])(?:" + trie({w.lower() for w in plain}) + r")(?:s|es)?(?![a-z])")
    words = [*cased, *other_syms, *letter_marks, *latin_names, *cjk_names, *ascii_names, "es"]
    words += [w.upper() for w in words] + [w.lower() for w in words]  # what ignore-case matches too
    return tuple(p for p in in_text if p is not None), (folded,), words


def money_rules(rules: Rules) -> MoneyRules:
    return rules.derived("money", compile_money)


@dataclass
class Mention:
    """One money candidate while it is being read; becomes a row at the end."""

    start: int
    end: int
    form: str
    amount: Decimal
    low: Decimal | None
    high: Decimal | None
    currency_raw: str
    currency: str | None
    currency_rule: str
    qualifier: str = "exact"
    per_quantity: Decimal | None = None
    per_unit: str | None = None
    rate_rule: str | None = None
    equivalent_of: int | None = None
    partner: "Mention | None" = None
    metric: str = "other"
    #: the lexicon entry the currency came from ("dinar" for "dinars"): ambiguous names are decided by it
    key: str = ""


# --- reading candidates ---------------------------------------------------------------------------

def _currency(raw: str, mr: MoneyRules) -> tuple[str | None, str, Decimal]:
    return mr.currencies.entry(raw)[:3]


def _plain(number: str, code: str | None, mr: MoneyRules) -> str:
    """A number in a non-English format ("129,99", "9 800", "31.500" IDR) rewritten in the English one."""
    head = mr.format_head.match(number) if mr.format_head else None
    if head is None and code in mr.dot_thousands_currencies and mr.dot_thousands is not None:
        head = mr.dot_thousands.fullmatch(number)
    if head is None:
        return number
    digits = head.group(0)
    # the format said which one it is: a comma is the mark, else a dot before one or two final digits
    mark = "," if "," in digits else "." if re.search(r"\.\d{1,2}$", digits) else None
    value = parse_digits(digits, mark, grouping=mr.group_chars)
    return number if value is None else format(value, "f") + number[head.end() :]


def is_weight(text: str, start: int, end: int, mr: MoneyRules) -> bool:
    """ "5 pounds of flour", "weighs 150 to 175 pounds": a weight, not money (see weight_names).

    Public for pipeline/extract/counts.py, which counts such a weight ("pound") with the same reading."""
    if mr.weight_after is not None and mr.weight_after.match(text[end : end + mr.windows["weight_after"]]):
        return True
    window = text[max(0, start - mr.weight_window) : end + mr.weight_window]
    return mr.weight_cues is not None and mr.weight_cues.search(window) is not None


def _cued(key: str, m: re.Match, mr: MoneyRules) -> bool:
    """Does a cue word of the shared name ``key`` (rules/money.yaml ambiguous_names) stand within
    ``windows.weak_name_cue`` characters of the match? Why: "20,000 marks" is money in a sentence about
    German law and not in "she got top marks", and only the cue tells them apart."""
    if _written_with_magnitude(key, m, mr):
        return True
    if key not in mr.currencies.ambiguous:
        return False
    window = mr.windows["weak_name_cue"]
    start, end = m.start("body"), m.end("body")
    return mr.currencies.shared_name(key, m.string[max(0, start - window) : start] + " " + m.string[end : end + window]) is not None


def _written_with_magnitude(key: str, m: re.Match, mr: MoneyRules) -> bool:
    """Has the text written this weak name after a magnitude before the match ("pay 1.5 trillion won (US$1
    billion) ... Each affected customer will receive 50,000 won in vouchers")? The article has then said which
    currency the word is, as a cue word would."""
    if mr.weak_after_magnitude is None:
        return False
    first = _first_after_magnitude(mr.weak_after_magnitude, m.string).get(key)
    return first is not None and first < m.start("body")


@lru_cache(maxsize=4)
def _first_after_magnitude(pattern: re.Pattern, text: str) -> dict[str, int]:
    """Where each weak currency name is first written after a magnitude in ``text`` (lowercased name -> offset of
    the match's start): one scan per article instead of one per weak-name amount."""
    first: dict[str, int] = {}
    for found in pattern.finditer(text):
        first.setdefault(found.group("name").lower(), found.start())
    return first


def _read(form: str, m: re.Match, rules: Rules, mr: MoneyRules) -> Mention | None:
    """Turn one regex match into a Mention, or None when the number does not parse."""
    groups = m.groupdict()
    raw = groups.get("c1") or groups.get("cp") or ""
    if groups.get("c1") and groups.get("c2"):
        if _currency(groups["c1"], mr)[0] != _currency(groups["c2"], mr)[0]:
            return None  # "$2-¥3": two amounts, not a range
    code, rule, factor, key = mr.currencies.entry(raw)
    if code is None:
        return None
    if groups.get("cq") and _currency(groups["cq"], mr)[0] != code:
        return None  # "between 10 dollars and 20 euros"
    n1 = _plain(groups["n1"], code, mr)
    last = parse_number(_plain(groups["n2"], code, mr) if groups.get("n2") is not None else n1, rules)
    if last is None:
        return None
    if last.magnitude is None and key in mr.currencies.weak_names and not _cued(key, m, mr):
        return None  # "he won 3": need "3 billion won", or a cue of a shared name ("German ... 20,000 marks")
    if last.magnitude is None and key in mr.weight_names and is_weight(m.string, m.start("body"), m.end("body"), mr):
        return None  # "5 pounds of flour"
    if groups.get("n2") is not None:
        parsed = parse_range(n1, _plain(groups["n2"], code, mr), rules)
        if parsed is None or parsed[0] >= parsed[1]:
            return None
        low, high = parsed[0] * factor, parsed[1] * factor
        amount = (low + high) / 2
    else:
        amount, low, high = last.value * factor, None, None
    mention = Mention(m.start("body"), m.end("body"), form, amount, low, high, raw, code, rule, key=key)
    _cents_tail(m.string, mention, last.value, rules, mr)
    _signed(m.string, mention, mr)
    return mention


def _signed(text: str, mention: Mention, mr: MoneyRules) -> None:
    """ "fell to minus US$37.63 a barrel", "-$37.63": a sign word or mark right before a single amount makes it
    negative and joins the span (a dash after a digit is a range's, "$2-$5", and is left alone)."""
    if mr.sign_before is None or mention.low is not None:
        return
    sign = mr.sign_before.search(text, max(0, mention.start - 12), mention.start)
    if sign is None:
        return
    start = sign.start("sign") if sign.group("sign") is not None else sign.start("word")
    mention.amount, mention.start, mention.form = -mention.amount, start, mention.form + "+sign"


def _cents_tail(text: str, mention: Mention, number: Decimal, rules: Rules, mr: MoneyRules) -> None:
    """ "thirteen dollars forty five" = 13.45, "one kuai five" = 1.5, "five mao five" = 0.55: a bare
    1-2 digit number closing the clause after a whole amount is its minor unit."""
    if mr.cents_tail is None or mention.low is not None or number % 1 or number >= mr.cents_tail_below:
        return
    factor = mr.tail_factor_after.get(mention.key)
    if factor is None:
        if mention.currency_rule == "subunit":
            return
        factor = mr.cents_factor
    tail = mr.cents_tail.match(text, mention.end)
    if tail is None or tail.group("n").split()[0].lower() in mr.article_words:  # "$6 a dozen": a rate, no cents
        return
    cents = parse_number(tail.group("n"), rules)
    if cents is not None and cents.value < 100 and cents.value * factor < 1:
        mention.amount += cents.value * factor
        mention.end = tail.end()
        mention.form += "+cents"


def _candidates(text: str, rules: Rules, mr: MoneyRules) -> list[Mention]:
    """All readable matches of every form, then the longest non-overlapping ones, left to right."""
    found: list[Mention] = []
    windows = mr.regions.windows(text) if mr.regions is not None else [(0, len(text))]
    for form, pattern in mr.candidates:
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            try:
                if form.startswith("range") and _two_amounts(text, m, rules, mr):
                    continue
                mention = _read(form, m, rules, mr)
            except ArithmeticError:  # beyond Decimal's precision (a 100-digit amount): left alone
                continue
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    chosen: list[Mention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            continue
        if chosen and _compound(text, chosen[-1], mention, mr):
            continue
        chosen.append(mention)
    return [c for c in chosen if not _negative(text, c, mr)]


def _two_amounts(text: str, m: re.Match, rules: Rules, mr: MoneyRules) -> bool:
    """A range form that is really two amounts: "rose from $5 to $8" (but "range from $10 to $20"),
    "fell $1.625 to $108.625" (but "rose $2 to $3 billion", where the low end borrows "billion")."""
    begin = max(0, m.start() - mr.windows["change_before"])
    before = ("" if begin == 0 else "\x00") + text[begin : m.start()]  # "^" only at the real start
    by_from = mr.from_before.search(before)
    if by_from:
        return mr.range_from_ok is None or mr.range_from_ok.search(before[: by_from.start()]) is None
    low, high = parse_number(_plain(m.group("n1"), None, mr), rules), parse_number(_plain(m.group("n2"), None, mr), rules)
    borrows = low is not None and high is not None and low.magnitude is None and high.magnitude is not None  # "$2 to $3 billion"
    if (mr.by_before is not None and mr.by_before.search(before) and low is not None and high is not None and not borrows and low.value > 0
            and high.value > mr.by_change_ratio * low.value):
        return True  # "raise the price ... by $2.50 to $17.99": a change and the level it leads to
    if mr.change_before is None or not mr.change_before.search(before):
        return False
    return not (low is not None and high is not None and low.magnitude is None and high.magnitude is not None)


def _compound(text: str, first: Mention, sub: Mention, mr: MoneyRules) -> bool:
    """ "3 dollars 50 cents": fold a following sub-unit amount into ``first``; True when folded."""
    if sub.currency_rule != "subunit" or first.currency_rule == "subunit" or first.low is not None or sub.low is not None:
        return False
    if mr.compound_gap is None or mr.compound_gap.fullmatch(text[first.end : sub.start]) is None or not 0 < sub.amount < 1:
        return False
    first.end, first.amount, first.form = sub.end, first.amount + sub.amount, first.form + "+subunit"
    return True


def _article_ok(doc: Doc, m: Mention, mr: MoneyRules) -> bool:
    """ "a dollar" is money only when "dollar" heads its phrase: not "a dollar store", "a euro crisis"."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ not in mr.article_words:
        return False
    return span[1].dep_ not in mr.article_reject_deps


def _negative(text: str, m: Mention, mr: MoneyRules) -> bool:
    window = text[max(0, m.start - mr.windows["negative_before"]) : m.end + mr.windows["negative_after"]]
    return any(p.search(window) for p in mr.negatives)


# --- context ----------------------------------------------------------------------------------------

def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence holding the span (whole text when there are no sentences)."""
    if not doc.has_annotation("SENT_START") and not doc.has_annotation("DEP"):
        return 0, len(doc_text(doc))
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0, len(doc_text(doc))
    sent = span[0].sent
    last = span[-1].sent
    return sent.start_char, max(sent.end_char, last.end_char)


def _link_conversions(text: str, mentions: list[Mention], mr: MoneyRules) -> None:
    """ "¥1 billion (approximately $150 million)": the bracketed one converts the one before it."""
    for a, b in zip(mentions, mentions[1:]):
        if a.equivalent_of is not None:
            continue
        gap = mr.conversion_gap.match(text[a.end : b.start])
        if gap is None or not mr.conversion_close.match(text[b.end :]):
            continue
        if a.currency == b.currency and a.currency != YEN_SIGN:
            continue  # same currency: a list or a correction, not a conversion
        b.equivalent_of, b.partner, a.partner = a.start, a, b


def _resolve_yen(doc: Doc, ctx: Context, found: dict[str, list[dict]], mentions: list[Mention], mr: MoneyRules) -> None:
    """Decide ¥ as CNY or JPY: conversion ratio, then sentence cues, then article cues, then the default."""
    article_vote: int | None = None
    for m in mentions:
        if m.currency != YEN_SIGN:
            continue
        decided = _yen_by_ratio(m, mr)
        if decided is None:
            s, e = _sentence_bounds(doc, m.start, m.end)
            vote = mr.currencies.yen_vote(doc_text(doc)[s:e])
            if vote:
                decided = ("CNY" if vote > 0 else "JPY", "yen_sentence_cue")
        if decided is None:
            if article_vote is None:
                article_vote = mr.currencies.yen_vote(doc_text(doc)) + _entity_vote(ctx, found, mr)
            if article_vote:
                decided = ("CNY" if article_vote > 0 else "JPY", "yen_article_cue")
        if decided is None:
            decided = (ctx.settings.yen_default, "yen_default")
        m.currency, m.currency_rule = decided


def _resolve_ambiguous(doc: Doc, mentions: list[Mention], mr: MoneyRules) -> None:
    """A name several currencies share ("dinars", "kr", "pennies"): cue words in the sentence, then in
    the article, else the name's default code (rules/money.yaml ambiguous_names)."""
    lexicon = mr.currencies
    for m in mentions:
        if m.key not in lexicon.ambiguous:
            continue
        s, e = _sentence_bounds(doc, m.start, m.end)
        code, rule = lexicon.shared_name(m.key, doc_text(doc)[s:m.start] + " " + doc_text(doc)[m.end:e]), "ambiguous_sentence_cue"
        if code is None:
            code, rule = lexicon.shared_name(m.key, doc_text(doc)[: m.start] + " " + doc_text(doc)[m.end :]), "ambiguous_article_cue"
        if code is None:
            code, rule = m.currency, "ambiguous_default"
        m.currency, m.currency_rule = code, rule


def _yen_by_ratio(m: Mention, mr: MoneyRules) -> tuple[str, str] | None:
    other = m.partner
    if other is None or other.currency != "USD" or not other.amount:
        return None
    ratio = float(m.amount / other.amount)
    lo, hi = mr.yen["cny_ratio"]
    if lo <= ratio <= hi:
        return "CNY", "yen_conversion_ratio"
    lo, hi = mr.yen["jpy_ratio"]
    if lo <= ratio <= hi:
        return "JPY", "yen_conversion_ratio"
    return None


def _entity_vote(ctx: Context, found: dict[str, list[dict]], mr: MoneyRules) -> int:
    from pipeline.extract.entities import gazetteer_owner

    owner = gazetteer_owner(ctx.rules)
    cny, jpy = set(mr.yen["cny_entities"]), set(mr.yen["jpy_entities"])
    vote = 0
    for row in found.get("entities", ()):
        ent = row.get("canonical_id")
        if not ent:
            continue
        ent = owner.get(ent, ent)
        vote += (ent in cny) - (ent in jpy)
    return vote


def _qualifier(text: str, m: Mention, mr: MoneyRules) -> None:
    if m.low is not None:
        m.qualifier = "range"
        return
    before = mr.qual_before.search(text[max(0, m.start - mr.windows["qualifier_before"]) : m.start])
    if before:
        m.qualifier = mr.qual_of[before.group("q").lower()]
        return
    after = mr.qual_after.match(text[m.end : m.end + mr.windows["qualifier_after"]])
    if after:
        m.qualifier = mr.qual_of[after.group("q").lower()]


def _rate(text: str, m: Mention, rules: Rules, mr: MoneyRules) -> None:
    """ "per 1,000 tokens" after the amount (past a bracketed conversion) → per_quantity, per_unit."""
    if m.per_unit is not None:
        return
    pos = m.end + mr.skip_bracket.match(text[m.end : m.end + mr.windows["rate_bracket"]]).end()
    hit = mr.rate.match(text[pos : pos + mr.windows["rate_after"]])
    if not hit:
        return
    unit = mr.unit_of[hit.group("unit").lower()]
    per = (hit.group("per") or "").lower()
    qty_text = hit.group("qty")
    if per == "for" and not qty_text:
        return  # "for output tokens" is an inherited rate, handled by _inherit_rate
    if per in ("a", "an"):
        if qty_text or unit not in mr.a_units or hit.group(0).strip().count(" ") > 1:
            return
    qty = Decimal(1)
    if qty_text:
        parsed = parse_number(qty_text, rules)
        if parsed is None or parsed.value <= 0:
            return
        qty = parsed.value
    m.per_quantity, m.per_unit, m.rate_rule = qty, unit, "rate"


def _inherit_rate(text: str, m: Mention, previous: Mention | None, mr: MoneyRules) -> None:
    """ "¥1 per million input tokens and ¥2 for output tokens": ¥2 takes the rate of ¥1."""
    if m.per_unit is not None or previous is None or previous.per_unit is None:
        return
    hit = mr.inherit.match(text[m.end : m.end + mr.windows["inherit_after"]])
    if not hit:
        return
    if hit.group("unit") and mr.unit_of[hit.group("unit").lower()] != previous.per_unit:
        return
    m.per_quantity, m.per_unit, m.rate_rule = previous.per_quantity, previous.per_unit, "inherited_rate"


def _sentence_cues(text: str, bounds: tuple[int, int], mr: MoneyRules) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """Every metric cue of one sentence, per metric in priority order, as sorted (start, end) offsets:
    found once per sentence, not once per amount (a run-on sentence with many amounts was quadratic)."""
    s, e = bounds
    sentence = text[s:e]
    return tuple((metric, tuple((c.start() + s, c.end() + s) for c in pattern.finditer(sentence))) for metric, pattern in mr.metric_cues)


def _metric(text: str, m: Mention, bounds: tuple[int, int], mr: MoneyRules, cache: dict | None = None) -> str:
    """The first metric (by priority) with a cue within the window, else the nearest cue, else other."""
    if m.per_unit is not None:
        return "price"
    cues = cache.get(bounds) if cache is not None else None
    if cues is None:
        cues = _sentence_cues(text, bounds, mr)
        if cache is not None:
            cache[bounds] = cues
    window = mr.metric_window
    nearest: tuple[int, str] | None = None
    for metric, spans in cues:
        near = nearest_cue(spans, m.start, m.end)
        if near is None:
            continue
        distance = near[0]
        if distance <= window:
            return metric
        if nearest is None or distance < nearest[0]:
            nearest = (distance, metric)
    return nearest[1] if nearest else "other"


def _usd(m: Mention, ctx: Context, mr: MoneyRules) -> dict:
    """The US$ columns: the article's own conversion when it gives one, else the reference rate.

    Why the article's figure first: "380 billion yuan ($52.4 billion)" is what the writer meant, at
    the rate of the day of the deal; the ECB figure is kept beside it (``amount_usd_reference``) so a
    reader can see where the two disagree.
    """
    ref = fx_table(ctx.settings.fx_rates).rate(m.currency, ctx.published)
    reference = _scaled(m, ref.usd_per_unit)
    note = ref.reason or _stale_note(ref.on, ctx.published, mr)
    own = m.partner if m.currency != "USD" and m.partner is not None and m.partner.currency == "USD" else None
    if own is None or not m.amount:
        return {
            "amount_usd": reference[0], "amount_low_usd": reference[1], "amount_high_usd": reference[2],
            "amount_usd_reference": None, "fx_rate": ref.usd_per_unit, "fx_rate_date": ref.on,
            "fx_source": ref.source, "fx_note": note,
        }
    implied = own.amount / m.amount
    low, high = (own.low, own.high) if own.low is not None else (_times(m.low, implied), _times(m.high, implied))
    about = f"reference {ref.source} {ref.on.isoformat()}" if ref.on is not None else None
    return {
        "amount_usd": float(own.amount), "amount_low_usd": _float(low), "amount_high_usd": _float(high),
        "amount_usd_reference": reference[0], "fx_rate": float(implied), "fx_rate_date": ctx.published,
        "fx_source": "article", "fx_note": "; ".join(n for n in (about, note) if n),
    }


def _scaled(m: Mention, usd_per_unit: float | None) -> tuple[float | None, float | None, float | None]:
    if usd_per_unit is None:
        return None, None, None
    return (float(m.amount) * usd_per_unit, float(m.low) * usd_per_unit if m.low is not None else None,
            float(m.high) * usd_per_unit if m.high is not None else None)


def _times(value: Decimal | None, factor: Decimal) -> Decimal | None:
    return value * factor if value is not None else None


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def _stale_note(on: date | None, published: date | None, mr: MoneyRules) -> str | None:
    """ "rate of 2026-10-30, 21 days before publication": an old rate is used, never silently."""
    if on is None or published is None or (published - on).days <= mr.fx_stale_after_days:
        return None
    return f"rate of {on.isoformat()}, {(published - on).days} days before publication"


def _unit_price(amount: Decimal, qty: Decimal, unit: str, rules: Rules) -> float | None:
    """amount per single unit, through pint so the unit is a real unit ("1/token").

    pint's answer is the float division of the two magnitudes whenever it reads "1/<unit>" as the
    reciprocal of the unit itself (no factor): that is asked of pint once per unit and kept on disk
    (``_pint_divides``), so a process whose rate units were asked before never builds pint's registry
    (~0.4 s)."""
    if _pint_divides(unit, rules):
        return float(amount) / float(qty)
    ureg = rules.derived("money_pint", _pint_registry)
    try:
        q = ureg.Quantity(float(amount), "dimensionless") / ureg.Quantity(float(qty), unit)
        return float(q.to(f"1/{unit}").magnitude)
    except Exception:  # noqa: BLE001 - an odd unit never stops extraction: fall back to the division
        return float(amount / qty) if qty else None


#: magnitudes the per-unit question tries: pint must give exactly a / q for each (the last two tell a
#: division from a multiplication by the reciprocal)
_DIVISION_PROBES = ((1.0, 3.0), (0.0008, 1000.0), (2.5, 7.0), (0.1, 3.0), (1e9, 1e6))


def _pint_divides(unit: str, rules: Rules) -> bool:
    """Whether pint's unit price for ``unit`` is exactly ``float(amount) / float(qty)``: asked of pint
    (the registry of ``_pint_registry``) the first time, then read from pint's answers on disk."""
    answers = rules.derived("money_pint_answers", _unit_price_answers)
    question = "divides\t" + unit
    stored = answers.get(question)
    if isinstance(stored, bool):
        return stored
    ureg = rules.derived("money_pint", _pint_registry)
    try:
        divides = all(
            float((ureg.Quantity(a, "dimensionless") / ureg.Quantity(q, unit)).to(f"1/{unit}").magnitude) == a / q
            for a, q in _DIVISION_PROBES
        )
    except Exception:  # noqa: BLE001 - pint cannot: _unit_price's own fallback decides
        divides = False
    answers.put(question, divides)
    return divides


def _unit_price_answers(rules: Rules) -> Any:
    from pipeline.pint_answers import PintAnswers

    return PintAnswers(["money-unit-price", 1, sorted(rules.get("money")["rates"]["units"])])


def _pint_registry(rules: Rules) -> Any:
    """pint's default registry (its parsed definitions read from the cache folder, as for measures) with
    the rate units pint lacks defined as new base units."""
    from pipeline.extract.measures import unit_registry

    ureg = unit_registry()
    for canon in rules.get("money")["rates"]["units"]:
        try:
            ureg.Unit(canon)
        except Exception:  # noqa: BLE001 - pint does not know it: a new base unit ("token")
            ureg.define(f"{canon} = [{canon}]")
    return ureg


def _row(m: Mention, ctx: Context, mr: MoneyRules) -> dict:
    per_q = float(m.per_quantity) if m.per_quantity is not None else None
    rule = m.form + (f"+{m.rate_rule}" if m.rate_rule else "") + ("+conversion" if m.equivalent_of is not None else "")
    return {
        "start": m.start,
        "end": m.end,
        "amount": float(m.amount),
        "amount_low": float(m.low) if m.low is not None else None,
        "amount_high": float(m.high) if m.high is not None else None,
        "currency": m.currency,
        "currency_raw": m.currency_raw,
        "currency_rule": m.currency_rule,
        "qualifier": m.qualifier,
        "per_quantity": per_q,
        "per_unit": m.per_unit,
        "unit_price": _unit_price(m.amount, m.per_quantity, m.per_unit, ctx.rules) if m.per_unit and m.per_quantity else None,
        **_usd(m, ctx, mr),
        "equivalent_of": m.equivalent_of,
        "metric": m.metric,
        "rule": rule,
    }


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One row per money amount with a number; see the module docstring for the reading order."""
    mr = money_rules(ctx.rules)
    text = doc_text(doc)
    mentions = [m for m in _candidates(text, ctx.rules, mr) if not m.form.startswith("article") or _article_ok(doc, m, mr)]
    _link_conversions(text, mentions, mr)
    _resolve_yen(doc, ctx, found, mentions, mr)
    _resolve_ambiguous(doc, mentions, mr)
    previous: Mention | None = None
    bounds: dict[int, tuple[int, int]] = {}
    for m in mentions:
        bounds[m.start] = _sentence_bounds(doc, m.start, m.end)
        _qualifier(text, m, mr)
        _rate(text, m, ctx.rules, mr)
        same_sentence = previous is not None and bounds.get(previous.start) == bounds[m.start]
        _inherit_rate(text, m, previous if same_sentence else None, mr)
        previous = m
    for m in mentions:  # both sides of a conversion share the rate
        if m.partner is not None and m.per_unit is None and m.partner.per_unit is not None:
            m.per_quantity, m.per_unit, m.rate_rule = m.partner.per_quantity, m.partner.per_unit, "conversion_rate"
    cue_cache: dict = {}
    for m in mentions:
        if m.equivalent_of is None:
            m.metric = _metric(text, m, bounds[m.start], mr, cue_cache)
    for m in mentions:  # a conversion is about the same thing as what it converts
        if m.equivalent_of is not None and m.partner is not None:
            m.metric = m.partner.metric if m.per_unit is None or m.partner.per_unit else "price"
    return [_row(m, ctx, mr) for m in mentions]
