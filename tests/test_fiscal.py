"""Fiscal periods (issue 18): fiscal values, company calendars, the pure resolver, TimeML mode.

Sentence forms are those of earnings news and government budget news; the expected intervals come
from the companies' own filings (rules/fiscal_calendars.yaml gives the source of each calendar).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.errors import SettingsError
from pipeline.extract import Context
from pipeline.extract.dates import extract
from pipeline.extract.fiscal import resolve_fiscal
from pipeline.settings import Settings
from tests.test_dates import one

D = date.fromisoformat


def run(nlp, rules, settings, text: str, published: str | None, timeml: bool | None = None) -> list[dict]:
    rows = extract(nlp(text), Context("t", published and D(published), rules, settings), {}, timeml=timeml)
    for row in rows:
        row["text"] = text[row["start"] : row["end"]]
    return rows


# (id, value, fiscal_year_end, named_for, start, end)
RESOLVE = [
    ("nvidia-fy-named-for-end-year", "FY2026", "01-31", "end_year", "2025-02-01", "2026-01-31"),
    ("nvidia-q4", "FY2026-Q4", "01-31", "end_year", "2025-11-01", "2026-01-31"),
    ("microsoft-h1", "FY2025-H1", "06-30", "end_year", "2024-07-01", "2024-12-31"),
    ("microsoft-q3", "FY2025-Q3", "06-30", "end_year", "2025-01-01", "2025-03-31"),
    ("sony-fy-named-for-start-year", "FY2024", "03-31", "start_year", "2024-04-01", "2025-03-31"),
    ("sony-q1", "FY2024-Q1", "03-31", "start_year", "2024-04-01", "2024-06-30"),
    ("december-year-end-either-naming", "FY2024-Q2", "12-31", "start_year", "2024-04-01", "2024-06-30"),
    ("uk-tax-year-q1", "FY2025-Q1", "04-05", "start_year", "2025-04-06", "2025-07-05"),
    ("us-government-fy", "FY2026", "09-30", "end_year", "2025-10-01", "2026-09-30"),
    ("unknown-naming", "FY2025", "03-31", None, None, None),
    ("unknown-year-end", "FY2025-Q1", None, "end_year", None, None),
    ("unknown-year", "FYXXXX-Q3", "01-31", "end_year", None, None),
    ("calendar-value", "2025-Q1", "03-31", "end_year", None, None),
    ("bad-half", "FY2025-H3", "03-31", "end_year", None, None),
]


@pytest.mark.parametrize(("value", "fye", "named_for", "start", "end"), [c[1:] for c in RESOLVE], ids=[c[0] for c in RESOLVE])
def test_resolve_fiscal(value, fye, named_for, start, end) -> None:
    assert resolve_fiscal(value, fye, named_for) == (start and D(start), end and D(end))


# (id, published, sentence, span, value, start, end, fiscal_year_end, calendar_of)
CASES = [
    ("nvidia-quarter-of-fiscal-year", "2024-11-20", "Nvidia reported revenue of $35.1 billion for the third quarter of fiscal 2025.",
     "the third quarter of fiscal 2025", "FY2025-Q3", "2024-08-01", "2024-10-31", "01-31", "nvidia"),
    ("nvidia-outlook-fourth-quarter", "2025-11-19", "Nvidia expects revenue for the fourth quarter of fiscal 2026 to be $65 billion.",
     "the fourth quarter of fiscal 2026", "FY2026-Q4", "2025-11-01", "2026-01-31", "01-31", "nvidia"),
    ("nvidia-fiscal-year", "2025-02-26", "NVIDIA's revenue for fiscal 2025 was a record $130.5 billion, up 114%.",
     "fiscal 2025", "FY2025", "2024-02-01", "2025-01-31", "01-31", "nvidia"),
    ("microsoft-q-fy-code", "2025-04-30", "Microsoft posted revenue of $70.1 billion in Q3 FY25, up 13%.",
     "Q3 FY25", "FY2025-Q3", "2025-01-01", "2025-03-31", "06-30", "microsoft"),
    ("microsoft-h-fy-code", "2025-01-29", "Microsoft said its H1 FY25 cloud revenue grew faster than expected.",
     "H1 FY25", "FY2025-H1", "2024-07-01", "2024-12-31", "06-30", "microsoft"),
    ("walmart-fy-four-digits", "2025-02-20", "Walmart said FY2025 revenue reached $681 billion.",
     "FY2025", "FY2025", "2024-02-01", "2025-01-31", "01-31", "walmart"),
    ("walmart-first-half", "2024-08-15", "Walmart raised its outlook after the first half of fiscal 2025.",
     "the first half of fiscal 2025", "FY2025-H1", "2024-02-01", "2024-07-31", "01-31", "walmart"),
    ("apple-approximate-september", "2024-10-31", "Apple reported revenue of $94.9 billion for its fiscal 2024 fourth quarter.",
     "fiscal 2024 fourth quarter", "FY2024-Q4", "2024-07-01", "2024-09-30", "09-30", "apple"),
    ("oracle-this-fiscal-year", "2025-03-10", "Oracle said revenue for this fiscal year will grow 8%.",
     "this fiscal year", "FY2025", "2024-06-01", "2025-05-31", "05-31", "oracle"),
    ("alibaba-fiscal-year-ended", "2025-05-15", "Alibaba said revenue for the fiscal year ended March 31 rose 6%.",
     "the fiscal year ended March 31", "FY2025", "2024-04-01", "2025-03-31", "03-31", "alibaba"),
    ("microsoft-fiscal-year-ending-with-year", "2024-10-30", "Microsoft expects capital spending to rise in the fiscal year ending June 30, 2025.",
     "the fiscal year ending June 30, 2025", "FY2025", "2024-07-01", "2025-06-30", "06-30", "microsoft"),
    ("sony-named-for-start-year", "2025-05-14", "Sony said operating income for fiscal 2024 rose 16%.",
     "fiscal 2024", "FY2024", "2024-04-01", "2025-03-31", "03-31", "sony"),
    ("sony-start-year-from-end-date", "2025-05-14", "Sony reported results for the fiscal year ended March 31, 2025.",
     "the fiscal year ended March 31, 2025", "FY2024", "2024-04-01", "2025-03-31", "03-31", "sony"),
    ("nvidia-fiscal-quarter-year-from-publication", "2024-11-20", "Nvidia said revenue in the fiscal third quarter rose 94%.",
     "the fiscal third quarter", "FY2025-Q3", "2024-08-01", "2024-10-31", "01-31", "nvidia"),
    ("nvidia-fiscal-q4-reported-after-year-end", "2025-02-26", "Nvidia said data center revenue in the fiscal fourth quarter rose 93%.",
     "the fiscal fourth quarter", "FY2025-Q4", "2024-11-01", "2025-01-31", "01-31", "nvidia"),
    ("fiscal-quarter-year-from-context", "2025-05-28", "Nvidia raised its fiscal 2026 forecast. The fiscal first quarter brought $44.1 billion.",
     "The fiscal first quarter", "FY2026-Q1", "2025-02-01", "2025-04-30", "01-31", "nvidia"),
    ("us-government-from-org", "2025-03-01", "The Pentagon requested $850 billion for fiscal 2026.",
     "fiscal 2026", "FY2026", "2025-10-01", "2026-09-30", "09-30", "us_federal_government"),
    ("india-country-default-two-year-form", "2025-03-01", "India's economy is expected to grow 6.5% in FY2024-25.",
     "FY2024-25", "FY2025", "2024-04-01", "2025-03-31", "03-31", "country:IN"),
    # the country entry is the government's year, named for its start year (fiscal 2024 = April 2024 - March 2025)
    ("japan-government-start-year", "2025-03-01", "Japan's budget deficit narrowed in fiscal 2024.",
     "fiscal 2024", "FY2024", "2024-04-01", "2025-03-31", "03-31", "country:JP"),
    ("japan-next-fiscal-year-is-named-for-its-start", "2025-12-26",
     "Japan's cabinet approves a ¥122.3 trillion (US$785 billion) budget for the next fiscal year.",
     "the next fiscal year", "FY2026", "2026-04-01", "2027-03-31", "03-31", "country:JP"),
    ("unknown-company-null-interval", "2025-05-20", "Acme Corp said sales rose 10% to $2 billion in fiscal 2025.",
     "fiscal 2025", "FY2025", None, None, None, None),
    ("unknown-company-quarter", "2025-05-20", "Acme Corp reported a loss in Q2 FY26.",
     "Q2 FY26", "FY2026-Q2", None, None, None, None),
    ("unknown-company-year-end-written", "2025-05-20", "Acme Corp said sales rose 10% in the fiscal year ended March 31.",
     "the fiscal year ended March 31", "FY2025", "2024-04-01", "2025-03-31", "03-31", "article:acme"),
    ("no-company-this-fiscal-year", "2013-03-22", "Spending cuts are expected this fiscal year.",
     "this fiscal year", "FY2013", None, None, None, None),
    # "the 2025/26 fiscal year": a year written with its end year before "fiscal year"
    ("sony-slash-years-before-fiscal-year", "2026-05-13", "Sony said operating income for the 2025/26 fiscal year rose 10%.",
     "the 2025/26 fiscal year", "FY2025", "2025-04-01", "2026-03-31", "03-31", "sony"),
    # a quarter that says fiscal itself, of a plain year (was FY1989-Q2 and a separate 1988)
    ("unknown-company-fiscal-quarter-of-year", "1989-10-26", "Acme Corp's net income for the fiscal second quarter of 1988 fell.",
     "the fiscal second quarter of 1988", "FY1988-Q2", None, None, None, None),
]


@pytest.mark.parametrize(("published", "sentence", "span", "value", "start", "end", "fye", "of"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fiscal_dates(nlp, rules, settings, published, sentence, span, value, start, end, fye, of) -> None:
    row = one(run(nlp, rules, settings, sentence, published), span)
    got = (row["value"], row["start_date"], row["end_date"], row["calendar"], row["fiscal_year_end"], row["calendar_of"])
    assert got == (value, start and D(start), end and D(end), "fiscal", fye, of)
    if row["start_date"] is not None:  # the row's interval is the one the facts stage would compute from its value
        from pipeline.extract.fiscal import calendars

        cal = calendars(rules).companies.get(of) or calendars(rules).countries.get(of)
        if cal is not None and cal.named_for and cal.fiscal_year_end == fye:
            assert resolve_fiscal(value, fye, cal.named_for) == (row["start_date"], row["end_date"])


# (id, sentence, span, value): calendar dates near fiscal words stay Gregorian
GREGORIAN = [
    ("calendar-quarter-code", "Shipments rose in Q2 2024, the company said.", "Q2 2024", "2024-Q2"),
    ("calendar-quarter-words", "In the second quarter of 2024, Doubao doubled its users.", "the second quarter of 2024", "2024-Q2"),
    ("calendar-half-code", "Revenue rose in H1 2024.", "H1 2024", "2024-H1"),
]


@pytest.mark.parametrize(("sentence", "span", "value"), [c[1:] for c in GREGORIAN], ids=[c[0] for c in GREGORIAN])
def test_calendar_periods_stay_gregorian(nlp, rules, settings, sentence, span, value) -> None:
    row = one(run(nlp, rules, settings, sentence, "2025-03-01"), span)
    assert (row["value"], row["calendar"], row["fiscal_year_end"], row["calendar_of"]) == (value, "gregorian", None, None)


def test_the_fiscal_year_alone_is_not_a_date(nlp, rules, settings) -> None:
    assert [r["text"] for r in run(nlp, rules, settings, "The fiscal year was hard for retailers.", "2025-03-01")] == []


# --- TimeML mode ------------------------------------------------------------------------------------
# (id, dct, sentence, span, TimeML value): TimeBank writes "fiscal 1989" as 1989 and "the fiscal first
# quarter" as 1989-Q1 (wsj_0006, wsj_0376 forms)
TIMEML = [
    ("fiscal-year", "1989-11-02", "Net income rose 12% in fiscal 1989.", "fiscal 1989", "1989"),
    ("fiscal-quarter-bare", "1989-11-02", "Profit fell in the fiscal first quarter.", "the fiscal first quarter", "1989-Q1"),
    ("this-fiscal-year", "2013-03-22", "Spending cuts are expected this fiscal year.", "this fiscal year", "2013"),
]


@pytest.mark.parametrize(("dct", "sentence", "span", "value"), [c[1:] for c in TIMEML], ids=[c[0] for c in TIMEML])
def test_timeml_values_from_settings(nlp, rules, settings, dct, sentence, span, value) -> None:
    row = one(run(nlp, rules, replace(settings, timeml=True), sentence, dct), span)
    assert (row["value"], row["calendar"]) == (value, "fiscal")


def test_timeml_setting_turns_on_vague_references(nlp, rules, settings) -> None:
    text = "Now, investments grew in recent quarters."
    assert run(nlp, rules, settings, text, "2024-04-01") == []
    got = [(r["text"], r["value"]) for r in run(nlp, rules, replace(settings, timeml=True), text, "2024-04-01")]
    assert got == [("Now", "PRESENT_REF"), ("recent quarters", "PXQ")]


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("Yes", True), ("0", False), ("off", False)])
def test_timeml_environment_variable(monkeypatch, raw, expected) -> None:
    monkeypatch.setenv("NEWSFACTS_TIMEML", raw)
    assert Settings.from_env().timeml is expected
    assert Settings.from_env(timeml=True).timeml is True  # the flag wins over the environment


def test_timeml_environment_typo_fails_early(monkeypatch) -> None:
    monkeypatch.setenv("NEWSFACTS_TIMEML", "ture")
    with pytest.raises(SettingsError, match="NEWSFACTS_TIMEML"):
        Settings.from_env()


# --- end to end: fiscal dates flow into facts; --timeml invalidates the cache -------------------------
ARTICLES = {
    "nvidia-q3": ("2024-11-20", "Nvidia reported revenue of $35.1 billion for the third quarter of fiscal 2025.\n"),
    "acme-fy": ("2025-05-20", "Acme Corp reported revenue of $2.1 billion for fiscal 2025.\n"),
}


@pytest.fixture(scope="module")
def fiscal_raw(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("fiscal_raw")
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "path", "title", "published", "source", "url", "language", "notes"])
        for aid, (published, text) in ARTICLES.items():
            (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
            writer.writerow([aid, f"{aid}.txt", aid, published, "", "", "en", ""])
    return raw


def test_fiscal_period_flows_into_facts_and_timeml_reruns(fiscal_raw, tmp_path) -> None:
    from pipeline.cli import main

    out = tmp_path / "out"
    assert main(["extract", "--raw", str(fiscal_raw), "--out", str(out), "--no-progress"]) == 0
    facts = {r["article_id"]: r for r in pq.read_table(out / "facts.parquet").to_pylist() if r["metric"] == "revenue"}
    got = {aid: (r["period"], r["period_start"], r["period_end"], r["period_source"]) for aid, r in facts.items()}
    assert got == {
        "nvidia-q3": ("FY2025-Q3", D("2024-08-01"), D("2024-10-31"), "sentence"),
        "acme-fy": ("FY2025", None, None, "sentence"),  # unknown company: fiscal period, no interval
    }
    assert facts["nvidia-q3"]["subject_id"] == "nvidia"
    dates = {r["article_id"]: r["value"] for r in pq.read_table(out / "dates.parquet").to_pylist()}
    assert dates == {"nvidia-q3": "FY2025-Q3", "acme-fy": "FY2025"}
    # same articles, same rules, --timeml: nothing may come from the cache of the default run
    assert main(["extract", "--raw", str(fiscal_raw), "--out", str(out), "--no-progress", "--timeml"]) == 0
    dates = {r["article_id"]: r["value"] for r in pq.read_table(out / "dates.parquet").to_pylist()}
    assert dates == {"nvidia-q3": "2025-Q3", "acme-fy": "2025"}


def test_cache_key_includes_timeml(settings, rules) -> None:
    from pipeline.run import ResultCache

    plain = ResultCache(Path("/nonexistent"), settings, rules)
    timeml = ResultCache(Path("/nonexistent"), replace(settings, timeml=True), rules)
    assert plain.salt != timeml.salt


# --- a fiscal calendar the article states (rules/fiscal_calendars.yaml `stated`) ----------------------------------
ELCO = ("Elco Industries Inc. said it expects net income in the year ending June 30, 1990, to fall below a recent "
        "analyst's estimate of $1.65 a share. The Rockford, Ill., maker of fasteners also said it expects to post sales "
        "in the current fiscal year that are \"slightly above\" fiscal 1989 sales of $155 million.")
DELTA = ("Delta Air Lines earnings soared 33% to a record in the fiscal first quarter, bucking the industry trend toward "
         "declining profits. For the quarter ended Sept. 30, Delta posted net income of $133.1 million, or $2.53 a share, "
         "up from $100 million, or $2.03 a share, a year earlier.")
DOMINION = ("Dominion Textile Inc. posted net income of 4.7 million Canadian dollars ($4 million), or 12 Canadian cents a "
            "share, for the fiscal-first quarter ended Sept. 30. Dominion Textile expects a stronger fiscal second quarter.")

# (id, published, text, span, value, start, end, fiscal_year_end, calendar_of)
STATED = [
    # TimeBank wsj_0135: "the year ending June 30, 1990" (a June year: fiscal) fixes the year end; the naming is
    # not written, so "fiscal 1989" keeps a null interval
    ("elco-year-ending-gives-the-year-end", "1989-11-02", ELCO, "the current fiscal year", "FY1990",
     "1989-07-01", "1990-06-30", "06-30", "article:elco industries"),
    ("elco-naming-unknown-stays-unplaced", "1989-11-02", ELCO, "fiscal 1989", "FY1989", None, None, "06-30", "article:elco industries"),
    # TimeBank wsj_1011: "the quarter ended Sept. 30" right after "the fiscal first quarter": a July year
    ("delta-the-quarter-ended-after-a-fiscal-quarter", "1989-10-26", DELTA, "the fiscal first quarter", "FY1990-Q1",
     "1989-07-01", "1989-09-30", "06-30", "article:delta"),
    # TimeBank wsj_0924: a fiscal quarter's own end gives the year's end for the article's other fiscal dates
    ("dominion-quarter-end-fixes-the-year", "1989-10-26", DOMINION, "fiscal second quarter", "FY1990-Q2",
     "1989-10-01", "1989-12-31", "06-30", "article:dominion textile"),
    # a written fiscal year with its last day gives the naming too
    ("named-year-with-its-end", "1989-11-02",
     "Acme Corp expects fiscal 1990, which ends June 30, 1990, to bring record sales. In fiscal 1989, Acme earned $7.8 million.",
     "fiscal 1989", "FY1989", "1988-07-01", "1989-06-30", "06-30", "article:acme"),
    ("named-for-its-start-year", "2025-05-14",
     "Kobe Gadgets said fiscal 2024, which ended March 31, 2025, was its best year. Kobe Gadgets expects fiscal 2025 to be better.",
     "fiscal 2025", "FY2025", "2025-04-01", "2026-03-31", "03-31", "article:kobe gadgets"),
    ("fiscal-year-begins-in-october", "2025-11-20",
     "Acme Corp's fiscal year begins in October. Acme said sales in the fiscal first quarter rose 4%.",
     "the fiscal first quarter", "FY2026-Q1", "2025-10-01", "2025-12-31", "09-30", "article:acme"),
    # mirrors: a December year or calendar quarter states no fiscal calendar
    ("mirror-year-ended-december", "1989-11-02",
     "Acme Corp said net income for the year ended Dec. 31 rose 5%. Acme expects sales in the fiscal third quarter to rise.",
     "the fiscal third quarter", "FY1989-Q3", None, None, None, None),
    ("mirror-calendar-third-quarter", "1989-10-26",
     "For the third quarter ended Sept. 30, Acme Corp posted net income of $5 million. Acme expects a loss in the fiscal fourth quarter.",
     "the fiscal fourth quarter", "FY1989-Q4", None, None, None, None),
    # two companies, two calendars: each fiscal date takes its own company's
    ("two-companies-first", "2025-11-20",
     "Acme Corp's fiscal year ends June 30. Widget Inc.'s fiscal year ends March 31. "
     "Acme expects a loss in the fiscal first quarter. Widget Inc. expects a profit in its fiscal third quarter.",
     "the fiscal first quarter", "FY2026-Q1", "2025-07-01", "2025-09-30", "06-30", "article:acme"),
    ("two-companies-second", "2025-11-20",
     "Acme Corp's fiscal year ends June 30. Widget Inc.'s fiscal year ends March 31. "
     "Acme expects a loss in the fiscal first quarter. Widget Inc. expects a profit in its fiscal third quarter.",
     "fiscal third quarter", "FY2026-Q3", "2025-10-01", "2025-12-31", "03-31", "article:widget"),
    # a company the statement is not about keeps no calendar
    ("other-company-unplaced", "1989-10-26",
     DELTA + " Separately, America West Airlines said profit rose in its fiscal second quarter.",
     "fiscal second quarter", "FY1989-Q2", None, None, None, None),
    # a listed calendar wins over a statement that contradicts it (Microsoft's year ends June 30)
    ("listed-calendar-wins", "2025-05-20",
     "Microsoft's fiscal year ends March 31, the filing said. Microsoft said revenue rose in fiscal 2025.",
     "fiscal 2025", "FY2025", "2024-07-01", "2025-06-30", "06-30", "microsoft"),
]


@pytest.mark.parametrize(("published", "text", "span", "value", "start", "end", "fye", "of"), [c[1:] for c in STATED], ids=[c[0] for c in STATED])
def test_calendar_the_article_states(nlp, rules, settings, published, text, span, value, start, end, fye, of) -> None:
    row = one(run(nlp, rules, settings, text, published), span)
    got = (row["value"], row["start_date"], row["end_date"], row["fiscal_year_end"], row["calendar_of"])
    assert got == (value, start and D(start), end and D(end), fye, of)


def test_a_contradicted_listed_calendar_is_reported(nlp, rules) -> None:
    from pipeline.extract.fiscal import CalendarChooser

    chooser = CalendarChooser(nlp("Microsoft's fiscal year ends March 31, the filing said. Microsoft said revenue rose."), rules)
    assert (chooser.stated, chooser.contradicted) == ({}, {"microsoft": "03-31"})


def test_facts_take_the_stated_calendar_of_their_subject(nlp, rules) -> None:
    from pipeline.extract.fiscal import CalendarChooser
    from pipeline.facts.period import on_stated_calendar
    from pipeline.facts.records import Period

    chooser = CalendarChooser(nlp("Acme Corp expects fiscal 1990, which ends June 30, 1990, to bring record sales. "
                                  "Separately, America West Airlines said profit rose."), rules)
    unplaced = Period("FY1989", None, None, "sentence")
    placed = on_stated_calendar(unplaced, chooser.stated_for(None, "Acme"))
    assert (placed.start, placed.end) == (date(1988, 7, 1), date(1989, 6, 30))
    # a company the article states no calendar for keeps the null interval
    assert on_stated_calendar(unplaced, chooser.stated_for(None, "America West Airlines")) == unplaced
    # a stated year end without its naming places no written fiscal year
    unnamed = CalendarChooser(nlp(DELTA), rules)
    assert unnamed.stated_for(None, "Delta").fiscal_year_end == "06-30"
    assert on_stated_calendar(unplaced, unnamed.stated_for(None, "Delta")) == unplaced


@pytest.mark.parametrize("key,value,message", [
    ("end_verbs", [], "end_verbs"),
    ("month_end_within", 30, "month_end_within"),
    ("fiscal_words", "fiscal", "fiscal_words"),
    ("quarter_words", [""], "quarter_words"),
    ("typo_key", 1, "typo_key"),
])
def test_bad_stated_rules_name_the_key(rules, key, value, message) -> None:
    from types import MappingProxyType

    from pipeline.errors import RulesError
    from pipeline.extract.fiscal import compile_calendars
    from pipeline.rules import Rules

    data = dict(rules.get("fiscal_calendars"))
    stated = dict(data["stated"])
    stated[key] = value
    data["stated"] = MappingProxyType(stated)
    broken = Rules(root=rules.root, files=MappingProxyType({**rules.files, "fiscal_calendars": MappingProxyType(data)}), sha256="x")
    with pytest.raises(RulesError, match=message):
        compile_calendars(broken)
