"""Ingest: every encoding decodes; every bad input becomes a named reject and the batch goes on."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import ArticleRejected
from pipeline.ingest import Article, Problem, decode_bytes, iter_articles
from pipeline.published import infer_published

TEXT = "ByteDance 字节跳动 will invest ¥160 billion by 2025; Doubao reached 59.98 million MAU.\n"

ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8-bom", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-be-bom", b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
    ("gb18030", (TEXT * 3).encode("gb18030"), "gb18030"),
]


@pytest.mark.parametrize("data,encoding", [(d, e) for _, d, e in ENCODINGS], ids=[i for i, _, _ in ENCODINGS])
def test_decoding(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data, "x.txt", "x")
    assert text.startswith("ByteDance 字节跳动")
    assert "\ufeff" not in text  # the BOM is dropped, offsets count from the first real character
    assert used == encoding


def test_newlines_are_kept_as_in_the_file() -> None:
    text, _ = decode_bytes(b"line one\r\nline two\n", "x.txt", "x")
    assert text == "line one\r\nline two\n"


BAD_BYTES = [
    ("empty", b"", "empty file"),
    ("whitespace", b"  \n\n ", "empty file"),
    ("binary-nul", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file"),
    ("control-chars", bytes(range(1, 32)) * 20, "binary content"),
    ("undecodable-after-utf8-bom", b"\xef\xbb\xbfDoubao \xc3\x28 reached \xa0\xa1 users", "undecodable utf-8-sig"),
    ("undecodable-utf16", b"\xff\xfe" + "Doubao".encode("utf-16-le") + b"\x00\xd8\x41", "undecodable utf-16"),
]


@pytest.mark.parametrize("data,reason", [(d, r) for _, d, r in BAD_BYTES], ids=[i for i, _, _ in BAD_BYTES])
def test_bad_bytes_are_rejected_with_the_file_named(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleRejected) as info:
        decode_bytes(data, "raw/bad.txt", "bad")
    assert reason in info.value.reason
    assert "raw/bad.txt" in str(info.value)


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


@pytest.fixture()
def messy_raw(tmp_path: Path) -> Path:
    """A raw folder with one of every problem, and two good articles."""
    _write(tmp_path, "good-one.txt", "Doubao had 59.98 million MAU in November 2024.\n")
    _write(tmp_path, "good-two.txt", "ByteDance was valued at about $300 billion.\n")
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "binary.txt", os.urandom(64).replace(b"\x00", b"\x01") + b"\x00\x00")
    _write(tmp_path, "baddate.txt", "Published text about May 2024.\n")
    _write(
        tmp_path,
        "manifest.csv",
        "article_id,path,title,published,source,url,language\n"
        "good-one,good-one.txt,Good one,2024-12-20,,,en\n"
        "good-one,good-two.txt,Duplicate id,2024-12-20,,,en\n"
        "missing,missing.txt,Missing file,2024-12-20,,,en\n"
        "baddate,baddate.txt,Bad date,20/12/2024,,,en\n",
    )
    return tmp_path


def test_every_problem_is_reported_and_the_rest_is_read(messy_raw: Path) -> None:
    items = list(iter_articles(messy_raw))
    articles = {a.article_id: a for a in items if isinstance(a, Article)}
    problems = [p for p in items if isinstance(p, Problem)]
    assert set(articles) == {"good-one", "good-two", "baddate"}
    reasons = {(p.article_id, p.severity): p.reason for p in problems}
    assert "duplicate article_id" in reasons[("good-one", "error")]
    assert "missing file" in reasons[("missing", "error")]
    assert "empty file" in reasons[("empty", "error")]
    assert "binary" in reasons[("binary", "error")] or "undecodable" in reasons[("binary", "error")]
    assert "not YYYY-MM-DD" in reasons[("baddate", "warning")]
    # every problem names its file
    assert all(p.path.endswith((".txt", ".csv")) or ".txt" in p.path for p in problems)
    # the malformed date falls back to inference, flagged as inferred
    assert articles["baddate"].published == date(2024, 5, 31)
    assert articles["baddate"].published_inferred is True
    assert articles["good-one"].published == date(2024, 12, 20)
    assert articles["good-one"].published_inferred is False
    assert articles["good-two"].published_inferred is True


def test_legacy_encoding_is_decoded_with_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, "gbk.txt", ("字节跳动的豆包月活跃用户达到5998万。" * 5).encode("gb18030"))
    items = list(iter_articles(tmp_path))
    article = next(a for a in items if isinstance(a, Article))
    assert article.raw_text.startswith("字节跳动的豆包")
    warning = next(p for p in items if isinstance(p, Problem))
    assert warning.severity == "warning" and "gb18030" in warning.reason and "gbk.txt" in warning.path


def test_order_is_deterministic(messy_raw: Path) -> None:
    first = [getattr(x, "article_id", None) for x in iter_articles(messy_raw)]
    second = [getattr(x, "article_id", None) for x in iter_articles(messy_raw)]
    assert first == second


PUBLISHED = [
    ("full-date", "By January 28, 2025, DeepSeek's daily active user count outstripped Doubao.", date(2025, 1, 28)),
    ("mid-month", "As of mid-December 2024, the daily token usage exceeded 4 trillion. In November 2024 it was less.", date(2024, 12, 20)),
    ("month-year", "Launched in August 2023, Doubao has rapidly ascended.", date(2023, 8, 31)),
    ("years-only", "At the 2024 all-staff meeting; by 2026 it will grow.", date(2024, 12, 31)),
    ("nothing", "No date here at all.", None),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in PUBLISHED], ids=[i for i, _, _ in PUBLISHED])
def test_infer_published(text: str, expected: date | None) -> None:
    assert infer_published(text) == expected


def test_published_reads_the_month_names_of_the_rules(tmp_path) -> None:
    """One month list, rules/dates.yaml ``months``: a name added there dates an article too."""
    import shutil

    from pipeline.rules import load_rules
    from tests.conftest import RULES

    rules_dir = tmp_path / "rules"
    shutil.copytree(RULES, rules_dir)
    path = rules_dir / "dates.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  Dec: 12\n" in text, "update this test"
    path.write_text(text.replace("  Dec: 12\n", "  Dec: 12\n  Decembre: 12\n", 1), encoding="utf-8")
    article = "Publié Decembre 5, 2024. The 2023 results were flat."
    assert infer_published(article) == date(2024, 12, 31)  # the project's rules: no such month, the bare year
    assert infer_published(article, load_rules(rules_dir)) == date(2024, 12, 5)
