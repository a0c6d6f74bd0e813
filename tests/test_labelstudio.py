"""Gold from labelling tools and predictions to them: Label Studio round trip, doccano import, checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.gold_io import (
    LABEL_CONFIG,
    LabelImportError,
    export_labelstudio,
    import_doccano,
    import_labelstudio,
    raw_texts,
    regions_to_gold,
    write_gold,
)
from pipeline.validate import GoldError, TYPES, read_gold_file
from tests.test_validate import ART, TEXT, pred, span, write_run


@pytest.fixture()
def run(tmp_path: Path) -> tuple[Path, Path]:
    """A raw folder with one article and its extracted tables (money with a conversion, a date, a fact)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{ART}.txt").write_text(TEXT, encoding="utf-8")
    tables = {
        "money": [pred("money", *span("¥1 billion"), amount=1e9, currency="CNY", qualifier="at_least", metric="marketing"),
                  pred("money", *span("$150 million"), amount=1.5e8, currency="USD", qualifier="approx", metric="marketing")],
        "quantities": [pred("quantities", *span("25%"), kind="percent", value=25.0, unit="%", change="increase")],
        "dates": [{k: v for k, v in pred("dates", *span("November 2024"), value="2024-11", granularity="month").items() if k != "qualifier"}],
        "facts": [pred("facts", *span("59.98 million"), subject="Doubao", metric="MAU", value=59_980_000.0, unit="users", period="2024-11")],
    }
    _, out = write_run(tmp_path, [], tables)
    return raw, out


def reviewed(tasks: list[dict]) -> list[dict]:
    """What Label Studio exports after a reviewer accepts every pre-annotation unchanged."""
    return [{**t, "id": i, "annotations": [{"result": t["predictions"][0]["result"], "was_cancelled": False}]} for i, t in enumerate(tasks, 1)]


def test_export_then_import_gives_gold_lines(run: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = run
    tasks = export_labelstudio(out, raw_texts(raw))
    assert [t["data"]["article_id"] for t in tasks] == [ART] and tasks[0]["data"]["text"] == TEXT
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(reviewed(tasks)), encoding="utf-8")
    gold = import_labelstudio(path, raw_texts(raw))[ART]
    by_text = {g.get("text") or g.get("mention_text"): g for g in gold}
    assert by_text["¥1 billion"] == {"type": "money", "text": "¥1 billion", "start": span("¥1 billion")[0], "end": span("¥1 billion")[1],
                                     "value": 1000000000, "unit": "CNY", "qualifier": "at_least", "metric": "marketing"}
    assert by_text["25%"]["value"] == 25 and by_text["25%"]["change"] == "increase" and by_text["25%"]["type"] == "percent"
    assert by_text["November 2024"]["value"] == "2024-11" and by_text["November 2024"]["granularity"] == "month"
    fact = by_text["59.98 million"]
    assert (fact["type"], fact["subject"], fact["metric"], fact["value"], fact["period"]) == ("fact", "Doubao", "MAU", 59980000, "2024-11")
    assert (fact["evidence_start"], fact["evidence_end"]) == (0, len(TEXT))
    written = write_gold({ART: gold}, tmp_path / "imported")
    assert read_gold_file(written[0]) == gold  # the scorer accepts what the import writes


def test_unannotated_and_cancelled_tasks_are_skipped(run: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = run
    tasks = export_labelstudio(out, raw_texts(raw))
    tasks[0]["annotations"] = [{"result": [], "was_cancelled": True}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    assert import_labelstudio(path, raw_texts(raw)) == {}


LS_ERRORS = [
    ("two labels on a region", [{"id": "r", "type": "labels", "value": {"start": 0, "end": 6, "text": "Doubao", "labels": ["money", "date"]}}], r"has label\(s\) \[.money., .date.\]"),
    ("unknown label", [{"id": "r", "type": "labels", "value": {"start": 0, "end": 6, "text": "Doubao", "labels": ["price"]}}], r"has label\(s\) \[.price.\]; expected one of money"),
]


@pytest.mark.parametrize(("results", "message"), [c[1:] for c in LS_ERRORS], ids=[c[0] for c in LS_ERRORS])
def test_bad_regions_are_named(results: list[dict], message: str) -> None:
    with pytest.raises(LabelImportError, match=message):
        regions_to_gold(results, "ls.json: task 1")


def test_span_that_differs_from_raw_text_is_refused(run: tuple[Path, Path], tmp_path: Path) -> None:
    raw, _ = run
    start, end = span("¥1 billion")
    task = {"id": 7, "data": {"article_id": ART, "text": TEXT}, "annotations": [{"result": [
        {"id": "r", "type": "labels", "value": {"start": start, "end": end + 1, "text": "¥1 billion", "labels": ["money"]}}]}]}
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    with pytest.raises(LabelImportError, match="task 7: span"):
        import_labelstudio(path, raw_texts(raw))
    task["data"]["text"] = TEXT + " edited"
    path.write_text(json.dumps([task]), encoding="utf-8")
    with pytest.raises(LabelImportError, match="differs from raw"):
        import_labelstudio(path, raw_texts(raw))


DOCCANO_LINES = [
    ("label lists", {"article_id": ART, "text": TEXT, "label": [[*span("¥1 billion"), "money"], [*span("November 2024"), "date"]]}),
    ("entities", {"article_id": ART, "text": TEXT, "entities": [
        {"id": 1, "start_offset": span("¥1 billion")[0], "end_offset": span("¥1 billion")[1], "label": "money"},
        {"id": 2, "start_offset": span("November 2024")[0], "end_offset": span("November 2024")[1], "label": "date"}]}),
]


@pytest.mark.parametrize("record", [c[1] for c in DOCCANO_LINES], ids=[c[0] for c in DOCCANO_LINES])
def test_doccano_import(record: dict, run: tuple[Path, Path], tmp_path: Path) -> None:
    raw, _ = run
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold = import_doccano(path, raw_texts(raw))[ART]
    assert [(g["type"], g["text"], g["value"]) for g in gold] == [("date", "November 2024", None), ("money", "¥1 billion", None)]


def test_doccano_needs_article_id(tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": []}) + "\n", encoding="utf-8")
    with pytest.raises(LabelImportError, match=r"doccano.jsonl:1: no article_id"):
        import_doccano(path)


def test_existing_gold_is_not_overwritten(tmp_path: Path) -> None:
    row = {"type": "money", "text": "¥1", "start": 0, "end": 2, "value": 1, "unit": "CNY"}
    write_gold({ART: [row]}, tmp_path)
    with pytest.raises(GoldError, match="pass --force"):
        write_gold({ART: [row]}, tmp_path)
    write_gold({ART: [row]}, tmp_path, force=True)


def test_cli_export_and_import(run: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw, out = run
    tasks_path, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    assert main(["gold", "export", "--extracted", str(out), "--raw", str(raw), "--out", str(tasks_path), "--config", str(config)]) == 0
    assert config.read_text(encoding="utf-8") == LABEL_CONFIG and all(f'<Label value="{t}"/>' in LABEL_CONFIG for t in TYPES)
    tasks_path.write_text(json.dumps(reviewed(json.loads(tasks_path.read_text(encoding="utf-8")))), encoding="utf-8")
    gold_dir = tmp_path / "new-gold"
    assert main(["gold", "import", str(tasks_path), "--raw", str(raw), "--out", str(gold_dir)]) == 0
    assert "5 line(s) for 1 article(s)" in capsys.readouterr().out
    assert main(["gold", "import", str(tasks_path), "--raw", str(raw), "--out", str(gold_dir)]) == 2  # exists, no --force
