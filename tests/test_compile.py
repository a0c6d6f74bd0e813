"""A broken rules file stops the run once, before the model loads, with its file and key in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import cli
from tests.conftest import RAW

RULES = Path(__file__).resolve().parent.parent / "rules"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    ("bad-regex", "facts.yaml", "  variant_token: '^(?:", "  variant_token: '^(?:(", "facts.yaml"),
    ("scalar-for-list", "facts.yaml", "  noun_preps: [for, of, against]", "  noun_preps: for", "noun_preps"),
    ("unknown-key", "facts.yaml", "  cue_window: 60", "  cue_window: 60\n  cue_windw: 60", "cue_windw"),
    ("misspelt-confidence-rule", "facts.yaml", "    possessive:", "    posessive:", "posessive"),
    ("duplicate-key", "facts.yaml", "  cue_window: 60", "  cue_window: 60\n  cue_window: 70", "duplicate key"),
    ("word-under-two-metrics", "metrics.yaml", "  budget: [budget, budgets]", "  budget: [budget, budgets, fine]", "fine"),
    ("metrics-bad-key", "metrics.yaml", "money:\n  window: 60", "money:\n  windoww: 60", "metrics.yaml"),
    ("metrics-unknown-priority", "metrics.yaml", "priority: [market_cap,", "priority: [market_capp,", "market_capp"),
    ("money-window-not-a-number", "money.yaml", "  qualifier_before: 40", "  qualifier_before: forty", "qualifier_before"),
    ("money-window-missing", "money.yaml", "  inherit_after: 60\n", "", "inherit_after"),
    ("dates-window-misspelt", "dates.yaml", "  month_cue_before: 16", "  month_cue_befor: 16", "month_cue_befor"),
    ("dates-quarter-not-a-number", "dates.yaml", "  fourth: 4", "  fourth: four", "dates.yaml"),
    ("ambiguous-name-not-in-lexicon", "money.yaml", "ambiguous_names:\n  dinar:", "ambiguous_names:\n  dinnar:", "dinnar"),
    ("articles-scalar-for-list", "numbers.yaml", "indefinite_articles: [a, an]", "indefinite_articles: a", "indefinite_articles"),
    ("article-not-a-unit-word", "numbers.yaml", "indefinite_articles: [a, an]", "indefinite_articles: [a, an, the]", "indefinite_articles"),
    ("dates-placeholder-misspelt", "dates.yaml", "(?-i:<MONTH_NAMES>|", "(?-i:<MONTH_NAME>|", "<MONTH_NAME>"),
    ("changes-valuation-max-not-a-number", "changes.yaml", "valuation_max_modifiers: 3", "valuation_max_modifiers: three",
     "valuation_max_modifiers"),
    ("changes-valuation-tags-scalar", "changes.yaml", "valuation_modifier_tags: [JJ, JJR, JJS, VBN, VBG, CD, HYPH, NN, NNS]",
     "valuation_modifier_tags: JJ", "valuation_modifier_tags"),
    ("changes-object-modifier-deps-scalar", "changes.yaml", "object_modifier_deps: [compound]", "object_modifier_deps: compound",
     "object_modifier_deps"),
    ("changes-earlier-date-prepositions-missing", "changes.yaml", 'earlier_date_prepositions: ["on", in]\n', "", "earlier_date_prepositions"),
    ("changes-passive-deps-scalar", "changes.yaml", "passive_deps: [auxpass]", "passive_deps: auxpass", "passive_deps"),
    ("changes-duration-object-deps-missing", "changes.yaml", "duration_object_deps: [dobj]\n", "", "duration_object_deps"),
    ("counts-singular-endings-scalar", "counts.yaml", "singular_endings: [ss, us]", "singular_endings: ss", "singular_endings"),
    ("counts-singular-endings-missing", "counts.yaml", "  singular_endings: [ss, us]\n", "", "singular_endings"),
    ("changes-participle-max-not-a-number", "changes.yaml", "level_participle_max_words: 2", "level_participle_max_words: two",
     "level_participle_max_words"),
    ("changes-paren-period-max-negative", "changes.yaml", "paren_period_max_words: 4", "paren_period_max_words: -1",
     "paren_period_max_words"),
    ("dates-anaphor-bound-mod-unknown", "dates.yaml", "anaphor_bound_mods: [before, after]", "anaphor_bound_mods: [before, since]",
     "anaphor_bound_mods"),
    ("counts-more-before-window-negative", "counts.yaml", "  more_before_window: 24", "  more_before_window: -1", "more_before_window"),
    ("changes-single-points-not-a-mapping", "changes.yaml", 'single_points:\n  percentage point: "%"\n  point: ""', "single_points: [point]",
     "single_points"),
    ("changes-single-point-deps-scalar", "changes.yaml", "single_point_deps: [dobj, npadvmod]", "single_point_deps: dobj", "single_point_deps"),
    ("changes-point-articles-missing", "changes.yaml", "point_articles: [a, an]\n", "", "point_articles"),
    ("counts-number-brackets-not-a-mapping", "counts.yaml", '  number_brackets: {"(": ")", "[": "]", "{": "}"}', '  number_brackets: ["("]',
     "number_brackets"),
    ("counts-measures-noun-shy-scalar", "counts.yaml", "  noun_shy: [AU]", "  noun_shy: AU", "noun_shy"),
    ("counts-measures-degree-magnitudes-missing", "counts.yaml", "  degree_magnitudes: [hundred, thousand, million, billion]\n", "",
     "degree_magnitudes"),
    # round 14 of the changes (thirteenth session)
    ("changes-share-whole-deps-scalar", "changes.yaml", "share_whole_deps: [pobj]", "share_whole_deps: pobj", "share_whole_deps"),
    ("changes-amount-later-participles-scalar", "changes.yaml",
     "amount_later_participles: [reaching, totaling, totalling, bringing it to, taking it to, lifting it to, pushing it to]",
     "amount_later_participles: reaching", "amount_later_participles"),
    ("changes-since-level-clauses-missing", "changes.yaml",
     "since_level_clauses: [when it stood at, when it was at, when it was, when they stood at, when they were at, when they were]\n", "",
     "since_level_clauses"),
    ("changes-since-level-prepositions-scalar", "changes.yaml", "since_level_prepositions: [since]", "since_level_prepositions: since",
     "since_level_prepositions"),
]


@pytest.mark.parametrize("file,old,new,named", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_rules_stop_before_the_model(tmp_path, monkeypatch, capsys, file, old, new, named) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    _edit(rules / file, old, new)

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded although the rules are broken")

    monkeypatch.setattr("pipeline.nlp.build_nlp", no_model)
    code = cli.main(["extract", "--raw", str(RAW), "--out", str(tmp_path / "out"), "--rules", str(rules)])
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert len(err.splitlines()) == 1, err
    assert file in err and named in err, err


def test_unknown_rules_file_is_an_error(tmp_path, monkeypatch, capsys) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    (rules / "facts_extra.yaml").write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr("pipeline.nlp.build_nlp", lambda *a, **k: (_ for _ in ()).throw(AssertionError("model loaded")))
    code = cli.main(["extract", "--raw", str(RAW), "--out", str(tmp_path / "out"), "--rules", str(rules)])
    err = capsys.readouterr().err
    assert code != 0 and "facts_extra.yaml" in err and "unknown rules file" in err


@pytest.mark.parametrize(
    ("file", "key_path", "word"),
    [
        # the four list words YAML 1.1 read as booleans until 2026-11-28 (review12)
        ("changes.yaml", ("movement_prepositions",), "off"),
        ("cleaning.yaml", ("glue", "sentence_starters"), "On"),
        ("counts.yaml", ("anchor_attachments",), "on"),
        ("counts.yaml", ("measures", "unit_followers"), "on"),
    ],
)
def test_rules_words_are_words_not_booleans(file, key_path, word) -> None:
    """A bare on/off/yes/no in a rules word list is that word: only true/false are booleans in rules/."""
    from pipeline.rules import load_rules

    value = load_rules(RULES).get(file.removesuffix(".yaml"))
    for key in key_path:
        value = value[key]
    assert word in value
    assert not any(isinstance(item, bool) for item in value)


def test_rules_flags_stay_booleans() -> None:
    """The real flags of rules/ (written true/false) are still booleans."""
    from pipeline.rules import load_rules

    assert load_rules(RULES).get("dates")["emit_vague"] is False
    assert load_rules(RULES).get("facts")["subject"]["variant_names"] is True
