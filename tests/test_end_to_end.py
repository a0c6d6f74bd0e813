"""The whole pipeline on raw/: every row's span is exact, re-runs are identical, entities canonical."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.run import run
from pipeline.tables import MENTION_TABLES, SCHEMAS
from tests.conftest import RAW


def _raw_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8-sig") for p in RAW.glob("*.txt")}


def test_all_articles_processed_without_problems(extracted_raw) -> None:
    out, summary = extracted_raw
    assert summary.articles == len(list(RAW.glob("*.txt"))) == 5
    assert summary.errors == []
    for name in SCHEMAS:
        assert pq.read_schema(out / f"{name}.parquet").equals(SCHEMAS[name]), name


@pytest.mark.parametrize("table", MENTION_TABLES)
def test_every_span_is_exact_in_the_raw_text(extracted_raw, table: str) -> None:
    out, _ = extracted_raw
    texts = _raw_texts()
    for row in pq.read_table(out / f"{table}.parquet").to_pylist():
        raw = texts[row["article_id"]]
        assert raw[row["start"] : row["end"]] == row["text"], row


def test_published_dates_come_from_the_manifest(extracted_raw) -> None:
    out, _ = extracted_raw
    rows = {r["article_id"]: r for r in pq.read_table(out / "articles.parquet").to_pylist()}
    assert str(rows["doubao-2024-overview"]["published"]) == "2024-12-20"
    assert not any(r["published_inferred"] for r in rows.values())


ALIASES = [
    ("ByteDance", "ByteDance's aggressive hiring spree"),
    ("Bytedance", "Most people have heard of Bytedance’s super product"),
    ("字节跳动", "字节跳动 will invest"),
    ("阶跃星辰", "Stepfun [阶跃星辰] is low-key"),
    ("Tongyi Qianwen", "companies like Alibaba's Tongyi Qianwen drastically slashed prices"),
]


@pytest.mark.parametrize("surface,sentence", ALIASES, ids=[a for a, _ in ALIASES])
def test_aliases_resolve_to_one_canonical_id(nlp, rules, settings, surface: str, sentence: str) -> None:
    from pipeline.extract import Context
    from pipeline.extract.entities import extract

    doc = nlp(sentence)
    rows = extract(doc, Context("t", None, rules, settings), {})
    hit = [r for r in rows if sentence[r["start"] : r["end"]] == surface]
    assert hit, rows
    expected = {"ByteDance": "bytedance", "Bytedance": "bytedance", "字节跳动": "bytedance", "阶跃星辰": "stepfun", "Tongyi Qianwen": "qwen"}[surface]
    assert hit[0]["canonical_id"] == expected
    assert hit[0]["source"] == "gazetteer"


def test_entity_noise_is_filtered(extracted_raw) -> None:
    out, _ = extracted_raw
    texts = {r["text"] for r in pq.read_table(out / "entities.parquet").to_pylist() if r["label"] == "ORG"}
    assert not texts & {"AI", "API", "MAU", "GPUs"}


def test_reruns_are_identical(extracted_raw, settings, tmp_path: Path) -> None:
    out, _ = extracted_raw
    again = tmp_path / "again"
    run(replace(settings, out_dir=again, incremental=False))
    for name in SCHEMAS:
        assert pq.read_table(out / f"{name}.parquet").equals(pq.read_table(again / f"{name}.parquet")), name


def test_one_bad_article_does_not_stop_the_batch(settings, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text("Doubao recorded 59.98 million monthly active users in November 2024.\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    summary = run(replace(settings, raw_dir=raw, out_dir=tmp_path / "out", incremental=False))
    assert summary.articles == 1
    rejects = pq.read_table(tmp_path / "out" / "rejects.parquet").to_pylist()
    assert {r["article_id"] for r in rejects if r["severity"] == "error"} == {"empty", "binary"}
    assert all(r["path"].endswith(".txt") for r in rejects)


def test_cli_extract_and_summary(tmp_path: Path, capsys) -> None:
    from pipeline.cli import main

    code = main(["extract", "--raw", str(RAW), "--out", str(tmp_path), "--no-progress"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "extracted 5 article(s)" in printed and "entities" in printed


def test_cli_exits_non_zero_when_nothing_could_be_processed(tmp_path: Path) -> None:
    from pipeline.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    assert main(["extract", "--raw", str(raw), "--out", str(tmp_path / "out"), "--no-progress"]) == 1
    assert main(["extract", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2


def test_incremental_run_reuses_unchanged_articles_and_redoes_changed_ones(settings, tmp_path: Path) -> None:
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    first = run(replace(settings, raw_dir=raw, out_dir=out))
    tables_first = {n: pq.read_table(out / f"{n}.parquet") for n in SCHEMAS}
    second = run(replace(settings, raw_dir=raw, out_dir=out))
    assert (first.cached, second.cached) == (0, 5)
    for name, table in tables_first.items():
        assert pq.read_table(out / f"{name}.parquet").equals(table), name
    # one article changes: only it is processed again
    path = raw / "bytedance-infra-boost.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nByteDance added 5 million users.\n", encoding="utf-8")
    third = run(replace(settings, raw_dir=raw, out_dir=out))
    assert third.cached == 4
    assert len(list((out / ".cache").glob("*.pickle"))) == 5  # the stale entry was pruned


def test_worker_processes_give_identical_tables(extracted_raw, settings, tmp_path: Path) -> None:
    out, _ = extracted_raw
    parallel = tmp_path / "parallel"
    summary = run(replace(settings, out_dir=parallel, workers=2, batch_size=2, incremental=False))
    assert summary.articles == 5
    for name in SCHEMAS:
        assert pq.read_table(out / f"{name}.parquet").equals(pq.read_table(parallel / f"{name}.parquet")), name
