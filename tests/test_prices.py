"""parse_price: one price string (a table cell, a scraped price field) -> its primary amount."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from pipeline.errors import RulesError
from pipeline.prices import Price, parse_price

#: (id, text, currency_hint, decimal_separator, expected: amount, currency, amount_text, currency_source)
#: An expected of None means "no price".
CASES = [
    # --- European formats: the decimal mark is decided from the digits -------------------------------
    ("eu-space-groups-comma", "1 298,00 €", None, None, ("1298.00", "EUR", "1 298,00", "text")),
    ("eu-nbsp-groups", "1\u00a0298,00 €", None, None, ("1298.00", "EUR", "1\u00a0298,00", "text")),
    ("eu-dot-groups-comma", "Der Preis: 2.130,00 € *", None, None, ("2130.00", "EUR", "2.130,00", "text")),
    ("ch-apostrophe", "CHF 1'049.95", None, None, ("1049.95", "CHF", "1'049.95", "text")),
    ("eu-apostrophe-comma", "€1'049,95", None, None, ("1049.95", "EUR", "1'049,95", "text")),
    ("en-comma-groups", "$6,200.00", None, None, ("6200.00", "USD", "6,200.00", "text")),
    ("dot-then-three-digits-groups", "Rp 1.550.000", None, None, ("1550000", "IDR", "1.550.000", "text")),
    ("single-dot-three-digits-groups", "129.900", None, None, ("129900", None, "129.900", None)),
    ("comma-three-digits-groups", "$ 119,999", None, None, ("119999", "USD", "119,999", "text")),
    ("four-decimals", "฿ 3.3900", None, None, ("3.3900", "THB", "3.3900", "text")),
    ("one-decimal-comma", "19,1€", None, None, ("19.1", "EUR", "19,1", "text")),
    ("three-decimal-currency", "423.923 KD", None, None, ("423.923", "KWD", "423.923", "text")),
    ("zero-then-three-digits", "0.750 €", None, None, ("0.750", "EUR", "0.750", "text")),
    ("stray-space-after-mark", "$119. 95", None, None, ("119.95", "USD", "119. 95", "text")),
    ("stray-space-after-comma", "1.837, 32 €", None, None, ("1837.32", "EUR", "1.837, 32", "text")),
    ("dash-for-zero-cents", "50,- Kč", None, None, ("50", "CZK", "50", "text")),
    ("czech-space-groups", "Běžná cena 9 800 Kč", None, None, ("9800", "CZK", "9 800", "text")),
    ("euro-sign-between", "35€ 99", None, None, ("35.99", "EUR", "35€ 99", "text")),
    # --- the decimal mark given ------------------------------------------------------------------------
    ("hint-dot", "$..75,333", None, ".", ("0.75333", "USD", "..75,333", "text")),
    ("hint-comma", "$..75,333", None, ",", ("75.333", "USD", "..75,333", "text")),
    ("hint-euro-sign", "1250€600", None, "€", ("1250.600", "EUR", "1250€600", "text")),
    ("hint-euro-sign-three-after-space", "1250€ 600", None, "€", ("1250", "EUR", "1250", "text")),
    # --- the currency: text first, then the hint -------------------------------------------------------
    ("hint-symbol", "28", "$", None, ("28", "USD", "28", "hint")),
    ("hint-code-in-label", "17,35", "Pris NOK 1 999,00", None, ("17.35", "NOK", "17,35", "hint")),
    ("hint-rouble", "100,00", "100,00 руб.", None, ("100.00", "RUB", "100,00", "hint")),
    ("text-beats-hint", "£54.17", "USD", None, ("54.17", "GBP", "54.17", "text")),
    ("hint-without-currency", "39.95", "(Out of Stock)", None, ("39.95", None, "39.95", None)),
    ("code-beats-dollar-sign", "$1,190.00 AUD", None, None, ("1190.00", "AUD", "1,190.00", "text")),
    ("code-glued-before-dollar", "SGD$4.90", None, None, ("4.90", "SGD", "4.90", "text")),
    ("price-only-symbol", "3,990 Ft", None, None, ("3990", "HUF", "3,990", "text")),
    ("ambiguous-kr-default", "Pris från 172 kr", None, None, ("172", "SEK", "172", "text")),
    ("ambiguous-kr-cue", "150 kr", "Oslo store", None, ("150", "NOK", "150", "text")),
    ("yen-default", "¥3,500", None, None, ("3500", "CNY", "3,500", "text")),
    ("yen-sign-japanese", "3,500円", None, None, ("3500", "JPY", "3,500", "text")),
    ("toman-is-ten-rials", "157,000 تومان", None, None, ("1570000", "IRR", "157,000", "text")),
    ("cents", "99¢", None, None, ("0.99", "USD", "99", "text")),
    # --- which amount is the price -----------------------------------------------------------------------
    ("first-of-old-new", "Was: $124.95 Now: $99.00", None, None, ("124.95", "USD", "124.95", "text")),
    ("first-of-conversion", "AED 8000 (USD 2179)", None, None, ("8000", "AED", "8000", "text")),
    ("range-start", "From 26 to 50 €", None, None, ("26", "EUR", "26", "text")),
    ("number-touching-currency", "3 Ausgaben für nur 14,85 EUR", None, None, ("14.85", "EUR", "14,85", "text")),
    ("skip-multiplier", "12x de R$ 44,00 sem juros", None, None, ("44.00", "BRL", "44,00", "text")),
    ("skip-percent", "(-30,00%) 69,99 EUR", None, None, ("69.99", "EUR", "69,99", "text")),
    ("magnitude-word", "$3.5 million", None, None, ("3500000.0", "USD", "3.5 million", "text")),
    ("magnitude-glued", "€2.5m", None, None, ("2500000.0", "EUR", "2.5m", "text")),
    # --- signs --------------------------------------------------------------------------------------------
    ("negative-before-symbol", "-$5.00", None, None, ("-5.00", "USD", "5.00", "text")),
    ("negative-unicode-minus", "−12,50 €", None, None, ("-12.50", "EUR", "12,50", "text")),
    ("bullet-dash-is-not-a-sign", "- $44.99", None, None, ("44.99", "USD", "44.99", "text")),
    # --- no price, or free ------------------------------------------------------------------------------
    ("free", "Free!", None, None, ("0", None, "Free", None)),
    ("neg-percent-off", "40% OFF", None, None, None),
    ("neg-no-digits", "Out of stock", "€", None, None),
    ("neg-date", "15.08.2017", None, None, None),
    ("neg-empty", "", "$", None, None),
]


@pytest.mark.parametrize(("text", "hint", "decimal", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_price(rules, text, hint, decimal, expected):
    price = parse_price(text, hint, decimal, rules=rules)
    if expected is None:
        assert price is None
        return
    amount, currency, amount_text, source = expected
    assert isinstance(price, Price)
    assert (price.amount, price.currency, price.amount_text, price.currency_source) == (Decimal(amount), currency, amount_text, source)
    assert text[price.start : price.end] == price.amount_text
    assert price.amount_float == float(Decimal(amount))


def test_yen_default_can_be_japanese(rules):
    price = parse_price("¥3,500", yen_default="JPY", rules=rules)
    assert price is not None and price.currency == "JPY"


def test_yen_cue_in_hint_decides(rules):
    price = parse_price("¥3,500", "Tokyo store, Japan", rules=rules)
    assert price is not None and price.currency == "JPY"


def test_default_rules_are_the_project_rules():
    price = parse_price("1 298,00 €")
    assert price is not None and price.amount == Decimal("1298.00") and price.currency == "EUR"


def test_exported_lazily_from_the_package():
    import pipeline

    assert pipeline.parse_price("€ 11.69").amount == Decimal("11.69")
    assert pipeline.Price is Price


def test_decimal_separator_must_be_one_character(rules):
    with pytest.raises(ValueError, match="one character"):
        parse_price("1,00", decimal_separator="..", rules=rules)


def test_missing_price_strings_section_is_an_error(tmp_path, rules):
    shutil.copytree(rules.root, tmp_path / "rules")
    path = tmp_path / "rules" / "money.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nprice_strings:")] + "\n", encoding="utf-8")
    from pipeline.rules import load_rules

    with pytest.raises(RulesError, match="price_strings"):
        parse_price("1,00 €", rules=load_rules(tmp_path / "rules"))
