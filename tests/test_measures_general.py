"""Measures of science, space, engineering and weather reporting (issue 15 item 3, twelfth session): units pint lacks
(rules/counts.yaml measures.definitions), symbols as aliases (measures.aliases, noun_shy), uncertainties, the first
side of a dimension, a lone "m" before a dimension word, lists, "degrees" alone, a modifier before the unit, a unit per a unit. Each rule with a mirror where it must not fire."""

from __future__ import annotations

import pytest

from pipeline.extract import Context
from pipeline.extract.counts import extract_quantities, extract_user_counts


@pytest.fixture(scope="module")
def run(nlp, rules, settings):
    ctx = Context("test", None, rules, settings)

    def go(text: str) -> list[dict]:
        doc = nlp(text)
        found: dict = {}
        found["user_counts"] = extract_user_counts(doc, ctx, found)
        rows = extract_quantities(doc, ctx, found)
        for row in rows:
            row["text"] = text[row["start"] : row["end"]]
        return rows

    return go


# (id, sentence, span, unit, unit_text, qualifier)
MEASURES = [
    ("solar-masses", "Two of the black holes are of the stellar mass, at least 12 solar masses each, the astronomers said.",
     "12", "solar_mass", "solar masses", "at_least"),
    ("solar-symbol-uncertainty", "The companion star has a mass of about 5.0 ± 0.4 M☉ according to the team.",
     "5.0", "solar_mass", "M☉", "approx"),
    ("uncertainty-light-years", "The cluster lies about 1010 ± 195 light years from the Sun.",
     "1010", "light_year", "light years", "approx"),
    ("au-apart", "The comet passed within 0.3 AU of Earth on Tuesday.", "0.3", "astronomical_unit", "AU", "at_most"),
    ("au-glued", "The planet orbits its star at 1.5au, closer than Mars does.", "1.5", "astronomical_unit", "au", "exact"),
    ("megaparsec", "The galaxy group is about 2.5 Mpc away.", "2.5", "megaparsec", "Mpc", "approx"),
    ("gev", "The Higgs boson has a mass of about 125 GeV.", "125", "gigaelectron_volt", "GeV", "approx"),
    ("hectopascal", "The storm's central pressure fell to 915 hPa on Sunday.", "915", "hectopascal", "hPa", "exact"),
    ("sq-km", "The fire has burned 1,200 sq km of forest.", "1,200", "kilometer ** 2", "sq km", "exact"),
    ("dimension-first-side", "The room measures 3 by 4 metres.", "3", "meter", "metres", "exact"),
    ("dimension-second-side", "The room measures 3 by 4 metres.", "4", "meter", "metres", "exact"),
    ("lone-m-dimension", "The asteroid is 370 m wide, NASA said.", "370", "meter", "m", "exact"),
    ("list-first", "Waves of 5, 6 and 7 metres hit the coast.", "5", "meter", "metres", "exact"),
    ("list-middle", "Waves of 5, 6 and 7 metres hit the coast.", "6", "meter", "metres", "exact"),
    ("degrees-alone", "Temperatures reached 1,000 degrees in the furnace.", "1,000", "degree", "degrees", "exact"),
    ("degrees-turn", "The aircraft turned 180 degrees before landing.", "180", "degree", "degrees", "exact"),
    ("route-kilometres", "The network has 1300 route kilometres of track.", "1300", "kilometer", "route kilometres", "exact"),
    ("gross-tonnes", "The ship weighs 228,000 gross tonnes.", "228,000", "metric_ton", "gross tonnes", "exact"),
    # counts-tuning (newsdev-049): "... and spawning migratory fish 6 mg per liter, all within 0.2 moles per cubic meter"
    ("per-unit", "On Earth, worms and clams that live in the muddy sea beds require 1 mg per liter.", "1", "milligram / liter",
     "mg per liter", "exact"),
    ("hyphen-dimension", "Workers finished a 100-foot-tall tower on the site.", "100", "foot", "foot", "exact"),
    ("hyphen-square-unit", "The fire burned a 4-square-mile area of forest.", "4", "square_mile", "square-mile", "exact"),
    ("per-square-unit", "The roof can carry 200 kg per square metre.", "200", "kilogram / meter ** 2", "kg per square metre", "exact"),
    # "per" before a word that is no unit leaves the measure as it was: 5 kg, not kilogram per person
    ("per-no-unit", "Each family received 5 kg per person.", "5", "kilogram", "kg", "exact"),
]


@pytest.mark.parametrize("case,text,span,unit,unit_text,qualifier", MEASURES, ids=[c[0] for c in MEASURES])
def test_measures(run, case, text, span, unit, unit_text, qualifier) -> None:
    rows = [r for r in run(text) if r["text"] == span]
    assert [(r["kind"], r["unit"], r["unit_text"], r["qualifier"]) for r in rows] == [("measure", unit, unit_text, qualifier)]
    assert rows[0]["value_si"] is not None


# (id, sentence, span that must be no measure)
NOT_MEASURES = [
    ("uncertainty-error", "The cluster lies about 1010 ± 195 light years from the Sun.", "195"),
    ("au-union", "All 55 AU members voted for the plan on Monday.", "55"),
    ("lone-m-million", "The town has 5 m people and the company raised 5 m from investors.", "5"),
    ("lone-m-group", "The 4 m group met on Tuesday.", "4"),
    ("star-rating", "She stayed at a 5-star hotel in the city.", "5"),
    ("flight", "Flight 217 landed at 5 pm.", "217"),
    ("event-name", "Warholm set a personal best time of 46.92 seconds in the 400 m hurdles.", "400"),
    ("magnitude", "A 5.3-magnitude quake was recorded at 4:53 a.m Thursday.", "5.3"),
    ("magnitude-after", "The aftershock was recorded as magnitude 6.4 by the US Geological Survey.", "6.4"),
    ("by-votes", "The score was 3 by 4 goals.", "3"),
    ("points", "South Korea's benchmark KOSPI index surpasses 6,000 points for the first time.", "6,000"),
    ("list-comma-only", "In 2019, 5 km of road was built.", "2019"),
    ("list-comma-and-opens", "He is 45, and 6 feet tall.", "45"),
    ("degrees-spelled", "He has two degrees from Oxford.", "two"),
    ("degree-before-noun", "The university offers 200 degree courses.", "200"),
    ("modifier-not-unit", "The 3 parking meters and 2 gun barrels were found.", "3"),
    ("relay-event", "The 4x100m relay team won the final.", "4"),
    ("hyphen-not-dimension", "They wrote 20 light-hearted songs.", "20"),
]


@pytest.mark.parametrize("case,text,span", NOT_MEASURES, ids=[c[0] for c in NOT_MEASURES])
def test_not_measures(run, case, text, span) -> None:
    assert [r for r in run(text) if r["text"] == span and r["kind"] == "measure"] == []


def test_si_of_defined_unit(rules) -> None:
    """A unit of measures.definitions converts like pint's own: 2 solar masses in kilograms."""
    from pipeline.extract.measures import to_si

    assert to_si(2.0, "solar_mass", rules) == pytest.approx(3.97694e30)
