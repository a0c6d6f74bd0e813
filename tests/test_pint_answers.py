"""pint's answers kept on disk (pipeline/pint_answers.py): a warm memo answers exactly as pint does, without
importing it; the off switch stores nothing; a corrupt or stale file is ignored and pint asked again."""

from __future__ import annotations

import json

import pytest

from pipeline.extract import measures

#: (sentence, the number before the unit, whether a hyphen joins them) from tests/test_counts.py and news
#: sentences; units, rates, compounds, durations and pint's false friends ("cups", "points", "monthly")
CASES = [
    ("The pipeline runs 6 km under the sea.", "6", False),
    ("Forecasters expect some 20cm of snow.", "20", False),
    ("Saudi Arabia lost 5.7 million barrels a day of output.", "5.7 million", False),
    ("The fire burned 40 square miles of forest.", "40", False),
    ("The ship carried 20,000 tonnes of grain.", "20,000", False),
    ("The tank holds 4 litres.", "4", False),
    ("The company bought a 185-acre site.", "185", True),
    ("The club has won 3 cups since 1990.", "3", False),
    ("The index fell 5 points on Friday.", "5", False),
    ("Doubao has 60 million monthly users.", "60 million", False),
    ("The talks lasted 3 years before a deal.", "3", False),
    ("The wind farm will produce 300 megawatts.", "300", False),
]
VALUES = {"6": 6.0, "20": 20.0, "5.7 million": 5_700_000.0, "40": 40.0, "20,000": 20_000.0, "4": 4.0, "185": 185.0,
          "3": 3.0, "5": 5.0, "60 million": 60_000_000.0, "300": 300.0}


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path / "rx"))
    return tmp_path / "rx" / "pint-answers"


def _answers(rules, monkeypatch) -> tuple[list, measures.MeasureRules]:
    """measure_after and to_si for every case with a new MeasureRules (a new process's memo, read from disk)."""
    mr = measures._compile(rules)
    monkeypatch.setattr(measures, "measure_rules", lambda _rules: mr)
    out = []
    for text, number, hyphen in CASES:
        end = text.index(number) + len(number) + (1 if hyphen else 0)
        found = measures.measure_after(text, end, rules)
        si = measures.to_si(VALUES[number], found.unit, rules) if found is not None else None
        out.append((found, si))
    return out, mr


def _registries(monkeypatch) -> list:
    """Count pint registries made (each one is pint imported and its definitions read)."""
    made: list = []
    real = measures.unit_registry
    monkeypatch.setattr(measures, "unit_registry", lambda: made.append(1) or real())
    return made


def test_warm_answers_are_pints_and_pint_is_never_loaded(rules, cache, monkeypatch):
    made = _registries(monkeypatch)
    cold, mr = _answers(rules, monkeypatch)
    assert made == [1]
    units = {found.unit for found, _ in cold if found is not None}
    assert {"kilometer", "centimeter", "barrel / day", "square_mile", "metric_ton", "megawatt", "year"} <= units
    assert sum(found is None for found, _ in cold) >= 2, "pint's false friends are refused"
    mr.answers.flush()
    (path,) = cache.glob("*.json")

    def no_pint():  # noqa: ANN202
        raise AssertionError("pint asked although every answer is stored")

    monkeypatch.setattr(measures, "unit_registry", no_pint)
    warm, _ = _answers(rules, monkeypatch)
    assert warm == cold
    assert [type(si) for _, si in warm] == [type(si) for _, si in cold]


def test_off_switch_stores_nothing_and_asks_pint_each_process(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = _registries(monkeypatch)
    first, mr = _answers(rules, monkeypatch)
    mr.answers.flush()
    again, _ = _answers(rules, monkeypatch)
    assert again == first and made == [1, 1]
    assert mr.answers.path is None and not any(tmp_path.rglob("*.json"))


def _garbage(path) -> None:  # noqa: ANN001
    path.write_bytes(b"\x00not json")


def _foreign(path) -> None:  # noqa: ANN001 - a file of another pint version or rules, under this name
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"key": "0" * 64, "answers": data["answers"]}), encoding="utf-8")


def _wrong_shapes(path) -> None:  # noqa: ANN001 - right key, every answer of the wrong type
    data = json.loads(path.read_text(encoding="utf-8"))
    bad = {q: (7 if a is not None else ["x"]) for q, a in data["answers"].items()}
    path.write_text(json.dumps({"key": data["key"], "answers": bad}), encoding="utf-8")


@pytest.mark.parametrize("spoil", [_garbage, _foreign, _wrong_shapes], ids=["garbage", "foreign-key", "wrong-shapes"])
def test_corrupt_or_stale_memo_is_ignored(rules, cache, monkeypatch, spoil):
    cold, mr = _answers(rules, monkeypatch)
    mr.answers.flush()
    (path,) = cache.glob("*.json")
    spoil(path)
    made = _registries(monkeypatch)
    again, mr2 = _answers(rules, monkeypatch)
    assert again == cold and made == [1], "pint asked again, same answers"
    mr2.answers.flush()
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == mr2.answers.key, "the file is repaired"


def test_memo_key_follows_the_measure_rules(rules):
    """Changing the measures rules (here the allowed prefixes) gives another file: no stale answer is read."""
    from pipeline.pint_answers import PintAnswers

    data = dict(rules.get("counts")["measures"])
    base = PintAnswers(data).key
    data["prefixes"] = [*data["prefixes"], "yotta"]
    assert PintAnswers(data).key != base


def test_memo_file_is_capped_and_still_answers_right(rules, cache, monkeypatch):
    """Past MAX_ANSWERS the file starts again from the last process's answers (never grows without end)."""
    from pipeline import pint_answers

    cold, mr = _answers(rules, monkeypatch)
    mr.answers.flush()
    (path,) = cache.glob("*.json")
    full = len(json.loads(path.read_text(encoding="utf-8"))["answers"])
    monkeypatch.setattr(pint_answers, "MAX_ANSWERS", full - 1)
    mr2 = measures._compile(rules)
    mr2.answers.put("si\tfloat\t1.5\tkilometer", 1500.0)
    mr2.answers.flush()
    assert json.loads(path.read_text(encoding="utf-8"))["answers"] == {"si\tfloat\t1.5\tkilometer": 1500.0}
    again, _ = _answers(rules, monkeypatch)
    assert again == cold


#: (unit, other unit, same dimension?) as pint names units (``Measure.unit``): a bracketed conversion of a
#: measure ("124 light-years (38 pc)", "30 cm (12 in)") against one of another dimension, and a name pint
#: knows but cannot build a quantity of
DIMENSION_CASES = [
    ("light_year", "parsec", True),
    ("centimeter", "inch", True),
    ("kilometer", "mile", True),
    ("kilometer", "kilogram", False),
    ("barrel / day", "liter", False),
    ("square_mile", "acre", True),
    ("kilometer", "not_a_unit_at_all", False),
]


def test_same_dimension_is_pints_answer_and_warm_never_loads_pint(rules, cache, monkeypatch):
    made = _registries(monkeypatch)
    mr = measures._compile(rules)
    monkeypatch.setattr(measures, "measure_rules", lambda _rules: mr)
    cold = [measures.same_dimension(a, b, rules) for a, b, _ in DIMENSION_CASES]
    assert cold == [same for _, _, same in DIMENSION_CASES]
    assert made == [1]
    mr.answers.flush()

    def no_pint():  # noqa: ANN202
        raise AssertionError("pint asked although every answer is stored")

    monkeypatch.setattr(measures, "unit_registry", no_pint)
    fresh = measures._compile(rules)  # a new process's memo, read from disk
    monkeypatch.setattr(measures, "measure_rules", lambda _rules: fresh)
    assert [measures.same_dimension(a, b, rules) for a, b, _ in DIMENSION_CASES] == cold
