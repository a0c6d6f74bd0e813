"""The scorer on tiny synthetic gold files and tables: matching, tolerance, facts, thresholds, bad gold."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.tables import AtomicTableWriter, TABLE_NAMES
from pipeline.validate import (
    GoldError,
    ThresholdError,
    below_thresholds,
    close,
    load_params,
    match_one_to_one,
    read_gold_file,
    sentence_of,
    validate,
)

ART = "a1"
TEXT = "Doubao had 59.98 million MAU in November 2024, and ByteDance spent ¥1 billion (about $150 million) on ads, up 25%."


def span(text: str, start_at: int = 0) -> tuple[int, int]:
    start = TEXT.index(text, start_at)
    return start, start + len(text)


def gold_mention(kind: str, text: str, value: Any, **extra: Any) -> dict:
    start, end = span(text)
    return {"type": kind, "text": text, "start": start, "end": end, "value": value, **extra}


def article_row() -> dict:
    return {"article_id": ART, "path": f"{ART}.txt", "published_inferred": False, "encoding": "utf-8",
            "n_chars": len(TEXT), "content_sha256": "x", "pipeline_version": "0", "rules_sha256": "x"}


def pred(table: str, start: int, end: int, **extra: Any) -> dict:
    base = {"article_id": ART, "start": start, "end": end, "text": TEXT[start:end], "qualifier": "exact", "rule": "t"}
    if table in ("money", "user_counts"):
        base["metric"] = extra.pop("metric", "other")
    if table == "dates":
        del base["qualifier"]
        base.update(type="date", is_relative=False)
    if table == "facts":
        base.update(fact_id=f"f{start}", metric=extra.pop("metric", "other"), evidence_start=0,
                    evidence_end=len(TEXT), evidence=TEXT, confidence=1.0)
    return {**base, **extra}


def write_run(root: Path, gold: list[dict], tables: dict[str, list[dict]]) -> tuple[Path, Path]:
    gold_dir, out = root / "gold", root / "extracted"
    gold_dir.mkdir()
    (gold_dir / f"{ART}.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    rows = {"articles": [article_row()], **tables}
    for name in TABLE_NAMES:
        with AtomicTableWriter(name, out) as writer:
            writer.write(rows.get(name, []))
    return gold_dir, out


def figures(tmp_path: Path, gold: list[dict], tables: dict[str, list[dict]]) -> dict:
    return validate(*write_run(tmp_path, gold, tables)).metrics()


M_TEXT = "¥1 billion"
MS, ME = span(M_TEXT)
MONEY_GOLD = gold_mention("money", M_TEXT, 1_000_000_000, unit="CNY", qualifier="at_least")

# (id, predicted money rows, expected (tp, predicted, exact_tp, value_accuracy))
MONEY_CASES = [
    ("exact span, right value", [pred("money", MS, ME, amount=1e9, currency="CNY")], (1, 1, 1, 1.0)),
    ("overlap only (number without symbol)", [pred("money", MS + 1, ME, amount=1e9, currency="CNY")], (1, 1, 0, 1.0)),
    ("no overlap is a miss and a false positive", [pred("money", *span("$150 million"), amount=1.5e8, currency="USD")], (0, 1, 0, 0.0)),
    ("within 0.5 % is right", [pred("money", MS, ME, amount=1.004e9, currency="CNY")], (1, 1, 1, 1.0)),
    ("beyond 0.5 % is wrong", [pred("money", MS, ME, amount=1.006e9, currency="CNY")], (1, 1, 1, 0.0)),
    ("currency mismatch is wrong", [pred("money", MS, ME, amount=1e9, currency="JPY")], (1, 1, 1, 0.0)),
    ("missing amount is wrong", [pred("money", MS, ME, currency="CNY")], (1, 1, 1, 0.0)),
    ("one-to-one: the second overlapping prediction is a false positive",
     [pred("money", MS, ME, amount=1e9, currency="CNY"), pred("money", MS + 1, ME, amount=1e9, currency="CNY")], (1, 2, 1, 1.0)),
]


@pytest.mark.parametrize(("preds", "expected"), [c[1:] for c in MONEY_CASES], ids=[c[0] for c in MONEY_CASES])
def test_money_matching_and_values(tmp_path: Path, preds: list[dict], expected: tuple) -> None:
    m = figures(tmp_path, [MONEY_GOLD], {"money": preds})["money"]
    assert (m["tp"], m["predicted"], m["exact_tp"], m["value_accuracy"]) == expected
    assert m["gold"] == 1


def test_one_to_one_prefers_the_best_overlap(tmp_path: Path) -> None:
    """Two gold spans, one prediction overlapping both: it goes to the larger overlap."""
    gold = [gold_mention("money", "¥1 billion", 1e9, unit="CNY"), gold_mention("money", "$150 million", 1.5e8, unit="USD")]
    start = span("¥1 billion")[0]
    end = span("$150 million")[0] + 2  # covers all of ¥1 billion and "$1"
    m = figures(tmp_path, gold, {"money": [pred("money", start, end, amount=1e9, currency="CNY")]})["money"]
    assert (m["tp"], m["precision"], m["recall"], m["value_accuracy"]) == (1, 1.0, 0.5, 1.0)


def test_match_one_to_one_is_greedy_by_score() -> None:
    assert match_one_to_one([(0.5, 0, 0), (0.9, 0, 1), (0.8, 1, 1), (0.0, 1, 0)]) == [(0, 1)]
    assert sorted(match_one_to_one([(0.5, 0, 0), (0.9, 1, 1)])) == [(0, 0), (1, 1)]


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [(100, 100.4, True), (100, 100.6, False), (0, 0, True), (0, 1e-9, False), (None, 1, False), (1, float("nan"), False)],
    ids=["0.4%", "0.6%", "zeros", "zero-vs-tiny", "none", "nan"],
)
def test_close_uses_relative_tolerance(a: Any, b: Any, ok: bool) -> None:
    assert close(a, b, 0.005) is ok


DATE_CASES = [
    ("same value", "2024-11", 1.0),
    ("different value", "2024-12", 0.0),
    ("no value", None, 0.0),
]


@pytest.mark.parametrize(("value", "accuracy"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES])
def test_date_value_is_compared_as_a_string(tmp_path: Path, value: str | None, accuracy: float) -> None:
    gold = [gold_mention("date", "November 2024", "2024-11", date_type="date", granularity="month")]
    m = figures(tmp_path, gold, {"dates": [pred("dates", *span("November 2024"), value=value)]})["date"]
    assert (m["tp"], m["value_accuracy"]) == (1, accuracy)


def test_quantity_kinds_are_scored_apart(tmp_path: Path) -> None:
    gold = [gold_mention("percent", "25%", 25, unit="%")]
    rows = [pred("quantities", *span("25%"), kind="percent", value=25.0), pred("quantities", *span("59.98"), kind="count", value=59.98)]
    m = figures(tmp_path, gold, {"quantities": rows})
    assert (m["percent"]["tp"], m["percent"]["f1"], m["percent"]["value_accuracy"]) == (1, 1.0, 1.0)
    assert (m["count"]["gold"], m["count"]["predicted"], m["count"]["precision"]) == (0, 1, 0.0)
    assert m["rank"]["f1"] == 1.0  # nothing to find, nothing found


def test_range_matches_on_its_ends(tmp_path: Path) -> None:
    gold = [gold_mention("user_count", "59.98 million", 59_980_000, unit="users", value_low=59_000_000, value_high=61_000_000)]
    row = pred("user_counts", *span("59.98 million"), value=60_000_000.0, value_low=59_000_000.0, value_high=61_000_000.0)
    assert figures(tmp_path, gold, {"user_counts": [row]})["user_count"]["value_accuracy"] == 1.0


FACT_GOLD = {"type": "fact", "subject": "Doubao", "metric": "MAU", "value": 59_980_000, "unit": "users", "qualifier": "exact",
             "period": "2024-11", "evidence_start": 0, "evidence_end": len(TEXT), "mention_text": "59.98 million"}
FACT_CASES = [
    ("all fields right", {}, {"subject": 1.0, "metric": 1.0, "value": 1.0, "period": 1.0, "fields": 1.0}),
    ("wrong period", {"period": "2024-12"}, {"subject": 1.0, "metric": 1.0, "value": 1.0, "period": 0.0, "fields": 0.0}),
    ("subject by id, case-insensitive", {"subject": None, "subject_id": "doubao"}, {"subject": 1.0, "fields": 1.0}),
    ("wrong subject and unit", {"subject": "ByteDance", "unit": "CNY"}, {"subject": 0.0, "value": 0.0, "metric": 1.0}),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in FACT_CASES], ids=[c[0] for c in FACT_CASES])
def test_fact_fields_on_the_number_span(tmp_path: Path, change: dict, expected: dict) -> None:
    mention = gold_mention("user_count", "59.98 million", 59_980_000, unit="users")
    row = pred("facts", *span("59.98 million"), **{"subject": "Doubao", "metric": "MAU", "value": 59_980_000.0, "unit": "users", "period": "2024-11", **change})
    m = figures(tmp_path, [mention, FACT_GOLD], {"facts": [row]})["fact"]
    assert (m["tp"], m["exact_tp"]) == (1, 1)
    assert {k: m[f"{k}_accuracy"] for k in expected} == expected


def test_fact_span_found_in_predicted_evidence_without_gold_mention(tmp_path: Path) -> None:
    row = pred("facts", *span("59.98"), subject="Doubao", metric="MAU", value=59_980_000.0, unit="users", period="2024-11")
    m = figures(tmp_path, [FACT_GOLD], {"facts": [row]})["fact"]
    assert (m["tp"], m["exact_tp"], m["fields_accuracy"]) == (1, 0, 1.0)


def test_fact_without_mention_text_matches_on_subject_metric_value(tmp_path: Path) -> None:
    gold = {k: v for k, v in FACT_GOLD.items() if k != "mention_text"}
    good = pred("facts", *span("59.98 million"), subject="Doubao", metric="MAU", value=59_980_000.0, unit="users", period="2024-11")
    other = pred("facts", *span("25%"), subject="ByteDance", metric="growth", value=25.0, unit="%")
    m = figures(tmp_path, [gold], {"facts": [other, good]})["fact"]
    assert (m["tp"], m["predicted"], m["precision"]) == (1, 2, 0.5)


BAD_GOLD = [
    ("not json", '{"type": "money", ', "not valid JSON"),
    ("not an object", "[1, 2]", "expected a JSON object"),
    ("unknown type", '{"type": "price", "text": "x", "start": 0, "end": 1, "value": 1}', "unknown type 'price'"),
    ("missing value", '{"type": "money", "text": "x", "start": 0, "end": 1}', "lacks field(s) value"),
    ("end before start", '{"type": "money", "text": "x", "start": 3, "end": 1, "value": 1}', "0 <= start < end"),
    ("text length differs", '{"type": "money", "text": "xy", "start": 0, "end": 1, "value": 1}', "has 2 characters"),
    ("fact without evidence", '{"type": "fact", "subject": null, "metric": "MAU", "value": 1}', "evidence_start"),
]


@pytest.mark.parametrize(("line", "message"), [c[1:] for c in BAD_GOLD], ids=[c[0] for c in BAD_GOLD])
def test_malformed_gold_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "money", "text": "¥1", "start": 0, "end": 2, "value": 1, "unit": "CNY"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(message)) as info:
        read_gold_file(path)
    assert f"{path}:3:" in str(info.value)


def test_cli_exit_codes_follow_thresholds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, out = write_run(tmp_path, [MONEY_GOLD], {"money": [pred("money", MS, ME, amount=1e9, currency="USD")]})
    args = ["validate", "--gold", str(gold_dir), "--extracted", str(out), "--raw", str(tmp_path / "none")]
    params = tmp_path / "params.yaml"
    params.write_text("validate:\n  thresholds:\n    money: {f1: 1.0, value_accuracy: 0.0}\n", encoding="utf-8")
    assert main([*args, "--params", str(params)]) == 0
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["money"]["f1"] == 1.0 and metrics["money"]["value_accuracy"] == 0.0
    plots = json.loads((out / "plots" / "scores.json").read_text(encoding="utf-8"))
    assert {"type": "money", "precision": 1.0, "recall": 1.0, "f1": 1.0, "exact_f1": 1.0, "value_accuracy": 0.0} in plots
    params.write_text("validate:\n  thresholds:\n    money: {value_accuracy: 0.5}\n", encoding="utf-8")
    assert main([*args, "--params", str(params), "--metrics", str(tmp_path / "m.json")]) == 1
    err = capsys.readouterr().err
    assert "money.value_accuracy = 0.0 < threshold 0.5" in err
    assert (tmp_path / "m.json").is_file()  # written even when failing, so `dvc metrics` can show why


def test_cli_lists_misses_and_false_positives_with_their_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, out = write_run(tmp_path, [MONEY_GOLD], {"money": [pred("money", *span("$150 million"), amount=1.5e8, currency="USD")]})
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{ART}.txt").write_text(TEXT, encoding="utf-8")
    assert main(["validate", "--gold", str(gold_dir), "--extracted", str(out), "--raw", str(raw), "--params", str(tmp_path / "none.yaml")]) == 0
    printed = capsys.readouterr().out
    assert "MISS   a1" in printed and "'¥1 billion'" in printed
    assert "FP     a1" in printed and "'$150 million'" in printed
    assert f"> {TEXT}" in printed


def test_malformed_gold_is_a_clear_cli_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, out = write_run(tmp_path, [MONEY_GOLD], {})
    (gold_dir / "b.jsonl").write_text("not json\n", encoding="utf-8")
    assert main(["validate", "--gold", str(gold_dir), "--extracted", str(out)]) == 2
    assert f"{gold_dir / 'b.jsonl'}:1: not valid JSON" in capsys.readouterr().err


PARAMS_CASES = [
    ("unknown type", "validate:\n  thresholds:\n    price: {f1: 0.5}\n", "unknown type 'price'"),
    ("unknown measure", "validate:\n  thresholds:\n    money: {f2: 0.5}\n", "unknown measure 'f2'"),
    ("not a number", "validate:\n  thresholds:\n    money: {f1: high}\n", "must be a number"),
    ("unknown key", "validate:\n  treshold: {}\n", "unknown key"),
    ("bad tolerance", "validate:\n  tolerance: 2\n", "tolerance"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in PARAMS_CASES], ids=[c[0] for c in PARAMS_CASES])
def test_params_are_checked_strictly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThresholdError, match=message):
        load_params(path)


def test_repo_params_name_known_types_and_measures() -> None:
    thresholds, tolerance = load_params(Path(__file__).resolve().parent.parent / "params.yaml")
    assert thresholds and tolerance == 0.005


def test_below_thresholds_reports_missing_figures() -> None:
    assert below_thresholds({"money": {"f1": 0.9}}, {"money": {"f1": 0.9}, "date": {"f1": 0.1}}) == ["date.f1 = missing < threshold 0.1"]


def test_sentence_of_cuts_long_glued_paragraphs() -> None:
    text = "First one. " + "x" * 1000 + " ¥1 billion " + "y" * 1000 + ". Last one."
    start = text.index("¥")
    shown = sentence_of(text, start, start + 10)
    assert "¥1 billion" in shown and len(shown) < 400 and "First" not in shown
    assert sentence_of("One. Two ¥1. Three.", 9, 11) == "Two ¥1."


def test_qualifier_and_metric_are_reported_but_not_the_value(tmp_path: Path) -> None:
    row = pred("money", MS, ME, amount=1e9, currency="CNY", qualifier="exact", metric="marketing")
    m = figures(tmp_path, [{**MONEY_GOLD, "metric": "marketing"}], {"money": [row]})["money"]
    assert (m["value_accuracy"], m["qualifier_accuracy"], m["metric_accuracy"]) == (1.0, 0.0, 1.0)


# --- consolidated rows ------------------------------------------------------------------------------

CONSOLIDATED_GOLD = {"type": "consolidated", "subject": "Doubao", "metric": "MAU", "unit": "users", "period": "2024-11",
                     "value": 59_980_000, "status": "rounded", "articles": ["a", "b"]}
CONSOLIDATED_PRED = {"subject": "Doubao", "subject_id": "doubao", "metric": "MAU", "unit": "users", "period": "2024-11",
                     "period_basis": "text", "modality": "actual", "value": 59_980_000.0, "status": "rounded", "article_ids": ["b", "a"]}

SCORED_CONSOLIDATED = [
    ("right", {}, {"tp": 1, "value_accuracy": 1.0, "status_accuracy": 1.0, "articles_accuracy": 1.0, "fields_accuracy": 1.0}),
    ("wrong status", {"status": "conflict"}, {"tp": 1, "status_accuracy": 0.0, "fields_accuracy": 0.0}),
    ("one article missing", {"article_ids": ["a"]}, {"tp": 1, "articles_accuracy": 0.0}),
    ("other period", {"period": "2024-12"}, {"tp": 0, "recall": 0.0}),
    ("as-of row is another row", {"period_basis": "published"}, {"tp": 0}),
    ("subject by id", {"subject": "豆包"}, {"tp": 1}),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in SCORED_CONSOLIDATED], ids=[c[0] for c in SCORED_CONSOLIDATED])
def test_score_consolidated(change: dict, expected: dict) -> None:
    from pipeline.validate import score_consolidated

    got = score_consolidated([CONSOLIDATED_GOLD, dict(CONSOLIDATED_GOLD)], [CONSOLIDATED_PRED | change], 0.005)
    assert got["gold"] == 1  # the same row listed twice counts once
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"type": "consolidated", "subject": "X", "metric": "MAU", "unit": "users", "period": "2024", "value": 1, "status": "agreed"}', "lacks field(s) articles"),
        ('{"type": "consolidated", "subject": "X", "metric": "MAU", "unit": "users", "period": "2024", "value": 1, "status": "same", "articles": ["a"]}', "status must be"),
        ('{"type": "consolidated", "subject": "X", "metric": "MAU", "unit": "users", "period": "2024", "value": 1, "status": "agreed", "articles": []}', "non-empty list"),
    ],
    ids=["no articles", "unknown status", "empty articles"],
)
def test_bad_consolidated_gold_lines(tmp_path, line: str, message: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(message)):
        read_gold_file(path)
