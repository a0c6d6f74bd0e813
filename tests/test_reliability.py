"""Reliability under hostile input and faults (issue 16): no article can stop, stall or lose a batch.

Small, fast versions of the adversarial corpus (tests/adversarial/generate.py); the full sizes and the
speed figures are in benchmarks/adversarial.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pipeline.errors import SettingsError
from pipeline.run import Extractor, out_lock, run
from pipeline.segment import segment_spans
from pipeline.tables import SCHEMAS, TABLE_NAMES

from tests.conftest import RAW, REPO

sys.path.insert(0, str(REPO / "tests" / "adversarial"))
import generate  # noqa: E402

# --- segments --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size", "first_cut"),
    [
        ("a" * 10 + "\n\n" + "b" * 40 + "\n" + "c" * 30, 70, "a" * 10 + "\n\n" + "b" * 40 + "\n"),
        ("a" * 30 + "\n\n" + "b" * 50, 60, "a" * 30 + "\n\n"),
        ("One sentence here. Two sentences here. Three sentences", 45, "One sentence here. Two sentences here. "),
        ("word " * 20, 23, "word word word word "),
        ("x" * 100, 40, "x" * 40),
    ],
    ids=["line-break-when-no-paragraph-in-the-last-three-quarters", "paragraph", "sentence-end", "whitespace", "one-token-hard-cut"],
)
def test_segments_cut_at_the_best_boundary(text: str, size: int, first_cut: str) -> None:
    spans = segment_spans(text, size)
    assert text[spans[0][0] : spans[0][1]] == first_cut
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= size for s, e in spans)


def test_short_text_is_one_segment() -> None:
    assert segment_spans("Doubao has 60 million users.", 1000) == [(0, 28)]


def _check_spans(out: Path) -> int:
    raw = {p.stem: p.read_text(encoding="utf-8") for p in out.parent.joinpath("raw").glob("*.txt")}
    n = 0
    for name in ("money", "dates", "quantities", "user_counts", "facts", "entities"):
        for row in pq.read_table(out / f"{name}.parquet").to_pylist():
            assert raw[row["article_id"]][row["start"] : row["end"]] == row["text"], (name, row)
            n += 1
    return n


def test_long_article_lands_in_segments_with_valid_offsets(settings, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    long_text = generate.ordinary(60_000)
    (raw / "long.txt").write_text(long_text, encoding="utf-8")
    (raw / "short.txt").write_text("Doubao recorded 59.98 million monthly active users in November 2024.\n", encoding="utf-8")
    summary = run(replace(settings, raw_dir=raw, out_dir=tmp_path / "out", segment_chars=5_000, incremental=False))
    assert summary.articles == 2 and not summary.errors
    assert _check_spans(tmp_path / "out") > 100
    money = [r for r in pq.read_table(tmp_path / "out" / "money.parquet").to_pylist() if r["article_id"] == "long"]
    assert max(r["start"] for r in money) > 50_000  # rows from the last segments, shifted back


def test_article_over_the_ceiling_is_rejected_with_a_reason(settings, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.txt").write_text(generate.ordinary(3_000), encoding="utf-8")
    (raw / "small.txt").write_text("ByteDance spent $2 billion.\n", encoding="utf-8")
    summary = run(replace(settings, raw_dir=raw, out_dir=tmp_path / "out", max_article_mb=0.002, incremental=False))
    assert summary.articles == 1
    (reject,) = summary.errors
    assert reject.article_id == "big" and reject.reason.startswith("too large: 0.0 MB, over the 0.002 MB ceiling")


# --- the article boundary: errors and time budgets -------------------------------------------------


def _boom(doc, ctx, found):  # noqa: ANN001, ANN202
    if "boom" in doc.text:
        raise RuntimeError("extractor bug")
    return []


def _spin(doc, ctx, found):  # noqa: ANN001, ANN202
    while "spin" in doc.text:
        pass
    return []


@pytest.mark.parametrize(("stage", "word", "reason"), [(_boom, "boom", "stage quantities failed: RuntimeError: extractor bug"), (_spin, "spin", "timeout: over the 1 s budget (stopped in stage quantities)")], ids=["raises", "never-ends"])
def test_a_failing_or_stalled_article_is_rejected_and_the_batch_goes_on(settings, tmp_path: Path, stage, word: str, reason: str) -> None:  # noqa: ANN001
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in (("a", "Alibaba spent $1 billion."), ("bad", f"It went {word} with $3 million."), ("c", "Tencent spent $2 billion.")):
        (raw / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    fast = replace(settings, raw_dir=raw, out_dir=tmp_path / "out", incremental=False, budget_base_s=1.0, budget_s_per_100kb=0.01)
    extractor = Extractor(fast)
    extractor.stages = [(name, stage if name == "quantities" else func) for name, func in extractor.stages]  # a bad stage
    summary = run(fast, extractor=extractor)
    assert summary.articles == 2
    assert [(p.article_id, p.reason) for p in summary.errors] == [("bad", reason)]
    assert {r["article_id"] for r in pq.read_table(tmp_path / "out" / "money.parquet").to_pylist()} == {"a", "c"}


# --- no extractor raises on any str --------------------------------------------------------------

ATOMS = ["1", "23", "4,567", "8.9", "0.", ",", ".", "$", "€", "¥", "£", "₹", "RMB", "USD", "million", "billion", "bn",
         "k", "%", "per cent", "-", "–", "/", "x", "times", "users", "MAU", "2024", "Q3", "May", "last year", "１２３",
         "٣", "½", "e99999", "1e308", "10^999", "9" * 40, "\u200b", "🙂", "(", ")", "~", "about", "to", "of", "\n", "\n\n"]
hostile = st.lists(st.one_of(st.sampled_from(ATOMS), st.text(max_size=6), st.text(alphabet="0123456789,.", min_size=30, max_size=400)), max_size=60).map(" ".join)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=hostile)
def test_no_extractor_raises_on_hostile_text(nlp, rules, settings, text: str) -> None:
    from pipeline.extract import Context
    from pipeline.run import load_stages

    doc = nlp(text)
    found: dict[str, list[dict]] = {}
    for stage, func in load_stages():
        found[stage] = func(doc, Context("x", None, rules, settings), found)


@pytest.mark.parametrize(
    "text",
    ["Revenue was " + ",".join(["123"] * 40) + " dollars.", "Revenue was $" + "9" * 100 + " billion.", "It had 1e99999 users and 10^100 MAU.", "Sales were $1.1.1.1.1.1.5 billion."],
    ids=["comma-groups-past-precision", "hundred-digit-amount", "exponent-overflow", "dotted-amount"],
)
def test_numbers_beyond_a_sane_range_are_left_alone(nlp, rules, settings, text: str) -> None:
    from pipeline.extract import Context
    from pipeline.run import load_stages

    doc = nlp(text)
    found: dict[str, list[dict]] = {}
    for stage, func in load_stages():
        found[stage] = func(doc, Context("x", None, rules, settings), found)
    assert all(r["amount"] is None or abs(r["amount"]) < 1e31 for r in found["money"])


# --- output folder: lock, unwritable, SIGKILL ------------------------------------------------------


def test_second_run_on_the_same_out_exits_with_a_clear_message(settings, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with out_lock(out):
        with pytest.raises(SettingsError, match="another newsfacts run is writing here"):
            run(replace(settings, out_dir=out))
    assert not list(out.glob("*.parquet"))


def test_output_folder_with_a_missing_parent_fails_before_the_model_loads(settings, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("pipeline.run.Extractor", lambda *a: pytest.fail("model loaded"))
    with pytest.raises(SettingsError, match="parent folder .* does not exist"):
        run(replace(settings, out_dir=tmp_path / "missing" / "out"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_fails_before_the_model_loads(settings, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr("pipeline.run.Extractor", lambda *a: pytest.fail("model loaded"))
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    with pytest.raises(SettingsError, match="cannot write tables"):
        run(replace(settings, out_dir=out))


def kill_and_rerun(out: Path, seed: int, raw: Path = RAW) -> None:
    """Start ``newsfacts extract``, SIGKILL it after a random delay, then run it again to the end."""
    # no time budget (--time-budget 0): a loaded machine must not turn an article into a timeout in one run only
    cmd = [sys.executable, "-m", "pipeline", "extract", "--raw", str(raw), "--out", str(out), "--no-progress", "--time-budget", "0"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random(seed).uniform(0.5, 8.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run(cmd, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_then_rerun_gives_identical_tables_and_no_temp_files(extracted_raw, tmp_path: Path) -> None:
    clean_out, _ = extracted_raw
    out = tmp_path / "out"
    for seed in (1, 2):
        kill_and_rerun(out, seed)
        for name in TABLE_NAMES:
            assert pq.read_table(out / f"{name}.parquet").equals(pq.read_table(clean_out / f"{name}.parquet")), (seed, name)
        assert not [p.name for p in (*out.glob(".*tmp*"), *(out / ".cache").glob(".*tmp*"))]


# --- the adversarial corpus, small -----------------------------------------------------------------


def test_adversarial_corpus_small(settings, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    expected = generate.write(raw, scale=0.02, only=[n for n in generate.CASES if n != "too-large-60mb"])
    summary = run(replace(settings, raw_dir=raw, out_dir=tmp_path / "out", incremental=False, segment_chars=20_000))
    errors = {p.article_id: p.reason for p in summary.errors}
    for name, spec in expected.items():
        assert spec["outcome"] in ("lands", "lands_or_timeout")
        assert name not in errors or (spec["outcome"] == "lands_or_timeout" and errors[name].startswith("timeout")), errors.get(name)
    _check_spans(tmp_path / "out")
