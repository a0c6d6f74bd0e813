"""The review report: built from a real run over raw/ and from a synthetic run that tries to break it.

The synthetic article starts with ``<script>``: the report must show it as text. The browser tests load
pages in Debian's chromium (headless, offline) and save screenshots to tests/artifacts/.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.report import build_report
from pipeline.report.highlight import Mark, render_text
from pipeline.report.plots import period_interval, period_start
from pipeline.tables import SCHEMAS, AtomicTableWriter
from tests.conftest import GOLD, RAW

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# --- a synthetic run ------------------------------------------------------------------------------

ARTICLE_ID = "synthetic-escape"
TEXT = (
    "<script>window.__pwned = 1</script> & <b>bold</b>\n"
    "Doubao had 59.98 million monthly active users in November 2024, ByteDance said.\n"
    "ByteDance plans $12 billion (approximately ¥86 billion) of capex in 2025.\n"
    "Doubao charged ¥0.8 per million tokens, and DeepSeek had 22 million DAU in January 2025.\n"
)
def _at(needle: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(needle, after)
    return start, start + len(needle)


def _span(needle: str) -> dict:
    start, end = _at(needle)
    return {"article_id": ARTICLE_ID, "start": start, "end": end, "text": needle}


def _sentence(needle: str) -> tuple[int, int, str]:
    start, _ = _at(needle)
    lo = TEXT.rindex("\n", 0, start) + 1
    hi = TEXT.index("\n", start)
    return lo, hi, TEXT[lo:hi]


def _fact(needle: str, subject: str, metric: str, value: float, unit: str, period: str, **extra: object) -> dict:
    lo, hi, evidence = _sentence(needle)
    row = _span(needle) | {
        "fact_id": f"f{abs(hash((needle, metric))) % 10**8:08d}",
        "subject": subject, "subject_id": subject.lower(), "subject_text": subject, "metric": metric,
        "value": value, "unit": unit, "qualifier": "exact", "period": period,
        "evidence_start": lo, "evidence_end": hi, "evidence": evidence, "confidence": 0.9, "rule": "test",
    }
    return row | extra


def write_run(root: Path) -> tuple[Path, Path, Path]:
    """Write raw/, extracted/ (every table, metrics.json) and gold/ under ``root``; return the three."""
    raw, out, gold = root / "raw", root / "extracted", root / "gold"
    for d in (raw, out, gold):
        d.mkdir(parents=True, exist_ok=True)
    (raw / f"{ARTICLE_ID}.txt").write_text(TEXT, encoding="utf-8")
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    rows["articles"].append({
        "article_id": ARTICLE_ID, "path": f"{ARTICLE_ID}.txt", "title": "<i>Synthetic</i> & escaped",
        "published": date(2025, 2, 1), "published_inferred": False, "source": "<script>x</script>", "url": "javascript:alert(1)",
        "language": "en", "encoding": "utf-8", "n_chars": len(TEXT), "content_sha256": "0" * 64,
        "pipeline_version": "test", "rules_sha256": "0" * 64,
    })
    rows["entities"] += [
        _span("Doubao") | {"label": "PRODUCT", "canonical_id": "doubao", "canonical_name": "Doubao", "entity_type": "product", "source": "gazetteer"},
        _span("ByteDance") | {"label": "ORG", "canonical_id": "bytedance", "canonical_name": "ByteDance", "entity_type": "company", "source": "gazetteer"},
    ]
    rows["money"] += [
        _span("$12 billion") | {"amount": 12e9, "currency": "USD", "currency_raw": "$", "qualifier": "exact", "amount_usd": 12e9, "metric": "capex", "rule": "test"},
        _span("¥86 billion") | {"amount": 86e9, "currency": "CNY", "currency_raw": "¥", "qualifier": "approx", "amount_usd": 12e9, "amount_usd_reference": 11e9, "fx_rate": 12 / 86, "fx_source": "article", "fx_note": "reference ECB 2025-01-31", "metric": "capex", "rule": "test", "equivalent_of": _at("$12 billion")[0]},
        _span("¥0.8") | {"amount": 0.8, "currency": "CNY", "currency_raw": "¥", "qualifier": "exact", "per_quantity": 1e6, "per_unit": "token", "unit_price": 0.8e-6, "amount_usd": 0.11, "metric": "price", "rule": "test"},
    ]
    rows["user_counts"] += [
        _span("59.98 million") | {"value": 59.98e6, "qualifier": "exact", "metric": "MAU", "rule": "test"},
        _span("22 million") | {"value": 22e6, "qualifier": "exact", "metric": "DAU", "rule": "test"},
    ]
    rows["dates"] += [
        _span("November 2024") | {"value": "2024-11", "type": "date", "start_date": date(2024, 11, 1), "end_date": date(2024, 11, 30), "granularity": "month", "is_relative": False, "rule": "test"},
        _span("2025") | {"value": "2025", "type": "date", "granularity": "year", "is_relative": False, "rule": "test"},
    ]
    rows["quantities"].append(_span("0.8 per") | {"kind": "count", "value": 0.8, "qualifier": "exact", "rule": "test"})
    rows["facts"] += [
        _fact("59.98 million", "Doubao", "MAU", 59.98e6, "users", "2024-11"),
        _fact("22 million", "DeepSeek", "DAU", 22e6, "users", "2025-01"),
        _fact("$12 billion", "ByteDance", "capex", 12e9, "USD", "2025"),
        _fact("¥0.8", "Doubao", "price", 0.8, "CNY", "2025-02", per_quantity=1e6, per_unit="token"),
    ]
    for name, table_rows in rows.items():
        with AtomicTableWriter(name, out) as writer:
            writer.write(table_rows)
    (out / "metrics.json").write_text(json.dumps({"money.precision": 0.5, "money.recall": 1.0, "money.f1": 0.667, "user_counts.f1": 1.0}), encoding="utf-8")
    start, end = _at("59.98 million")
    gold_rows = [
        {"type": "user_count", "text": "59.98 million", "start": start, "end": end, "value": 59980000, "unit": "users", "qualifier": "exact", "metric": "MAU", "subject": "Doubao"},
        {"type": "money", "text": "$12 billion", **dict(zip(("start", "end"), _at("$12 billion"))), "value": 12e9, "unit": "USD", "qualifier": "exact", "metric": "capex", "subject": "ByteDance"},
        {"type": "money", "text": "¥0.8", **dict(zip(("start", "end"), _at("¥0.8"))), "value": 0.8, "unit": "CNY", "qualifier": "exact", "metric": "price", "per_quantity": 1000000, "per_unit": "token"},
        {"type": "percent", "text": "98", **dict(zip(("start", "end"), _at("98 million"))), "value": 98, "unit": "%", "qualifier": "exact"},
        {"type": "date", "text": "January 2025", **dict(zip(("start", "end"), _at("January 2025"))), "value": "2025-01", "date_type": "date", "granularity": "month"},
        {"type": "fact", "subject": "Doubao", "metric": "MAU", "value": 59980000, "unit": "users", "qualifier": "exact", "period": "2024-11", "evidence_start": _sentence("59.98")[0], "evidence_end": _sentence("59.98")[1], "mention_text": "59.98 million"},
        {"type": "fact", "subject": "DeepSeek", "metric": "DAU", "value": 22000000, "unit": "users", "qualifier": "exact", "period": "2025-01", "evidence_start": 0, "evidence_end": 0, "mention_text": "22 million"},
    ]
    (gold / f"{ARTICLE_ID}.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in gold_rows) + "\n", encoding="utf-8")
    return raw, out, gold


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> tuple[Path, Path, Path, Path]:
    """(raw, extracted, gold, site) of the synthetic run, the site built once."""
    raw, out, gold = write_run(tmp_path_factory.mktemp("synthetic"))
    site = out / "report"
    build_report(out, site, gold=gold, raw=raw)
    return raw, out, gold, site


SECOND_ID = "synthetic-second"
SECOND_TEXT = "ByteDance plans to spend $15 billion on capex in 2025, a rival report said.\n"


def add_second_source(raw: Path, out: Path) -> None:
    """A second article that gives ByteDance's 2025 capex as $15 billion where the first says $12
    billion; then the real consolidation over both (a conflict, with its two sources)."""
    import pyarrow.parquet as pq

    from pipeline.consolidate import write_consolidated
    from pipeline.rules import load_rules
    from tests.conftest import RULES

    (raw / f"{SECOND_ID}.txt").write_text(SECOND_TEXT, encoding="utf-8")
    start = SECOND_TEXT.index("$15 billion")
    span = {"article_id": SECOND_ID, "start": start, "end": start + len("$15 billion"), "text": "$15 billion"}
    extra = {
        "articles": [{"article_id": SECOND_ID, "path": f"{SECOND_ID}.txt", "title": "Second", "published": date(2025, 3, 1),
                      "published_inferred": False, "language": "en", "encoding": "utf-8", "n_chars": len(SECOND_TEXT),
                      "content_sha256": "1" * 64, "pipeline_version": "test", "rules_sha256": "0" * 64}],
        "money": [span | {"amount": 15e9, "currency": "USD", "currency_raw": "$", "qualifier": "exact", "amount_usd": 15e9, "metric": "capex", "rule": "test"}],
        "facts": [span | {"fact_id": "second-capex", "subject": "ByteDance", "subject_id": "bytedance", "metric": "capex", "value": 15e9,
                          "unit": "USD", "qualifier": "exact", "period": "2025", "evidence_start": 0, "evidence_end": len(SECOND_TEXT) - 1,
                          "evidence": SECOND_TEXT.strip(), "confidence": 0.9, "rule": "test"}],
    }
    for name, rows in extra.items():
        old = pq.read_table(out / f"{name}.parquet").to_pylist()
        with AtomicTableWriter(name, out) as writer:
            writer.write(old + rows)
    write_consolidated(out, load_rules(RULES))


@pytest.fixture(scope="module")
def conflict_site(tmp_path_factory) -> tuple[Path, Path]:
    """(extracted, site) of the synthetic run plus a second article that contradicts it."""
    raw, out, gold = write_run(tmp_path_factory.mktemp("conflict"))
    add_second_source(raw, out)
    site = out / "report"
    build_report(out, site, gold=gold, raw=raw)
    return out, site


@pytest.fixture(scope="module")
def raw_site(extracted_raw, tmp_path_factory) -> Path:
    """The report of the real run over raw/, with the repository's gold files (if any)."""
    out, _ = extracted_raw
    site = tmp_path_factory.mktemp("raw-report")
    assert main(["report", "--extracted", str(out), "--gold", str(GOLD), "--raw", str(RAW), "--out", str(site)]) == 0
    return site


class _Collect(HTMLParser):
    """Tags, attributes and visible text of a page, to check structure without a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def count(self, tag: str, cls: str | None = None) -> int:
        return sum(1 for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split()))


def parse(path: Path) -> _Collect:
    collect = _Collect()
    collect.feed(path.read_text(encoding="utf-8"))
    return collect


# --- structure of the real run's site -----------------------------------------------------------


def test_site_has_index_facts_and_one_page_per_article(raw_site: Path) -> None:
    articles = sorted(p.stem for p in RAW.glob("*.txt"))
    assert sorted(p.stem for p in (raw_site / "articles").glob("*.html")) == articles
    index = (raw_site / "index.html").read_text(encoding="utf-8")
    for article_id in articles:
        assert f'href="articles/{article_id}.html"' in index
    assert 'href="facts.html"' in index
    assert (raw_site / "facts.html").is_file()


def test_every_article_page_highlights_its_spans(raw_site: Path, extracted_raw) -> None:
    import pipeline

    out, _ = extracted_raw
    entities = pipeline.load("entities", out)
    for page in (raw_site / "articles").glob("*.html"):
        n_entities = int((entities["article_id"] == page.stem).sum())
        doc = parse(page)
        assert doc.count("span", "nf-label") >= min(n_entities, 1), page.name
        assert doc.count("table") >= 1


@pytest.mark.parametrize("page", ["index.html", "facts.html", "consolidated.html", "articles/doubao-2024-overview.html"])
def test_pages_are_self_contained(raw_site: Path, page: str) -> None:
    """No CDN, no external script or style: the site opens from disk on a machine without internet."""
    doc = parse(raw_site / page)
    for tag, attrs in doc.tags:
        assert not (tag == "script" and attrs.get("src")), attrs
        assert tag != "link", attrs
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http://", "https://", "//")), (tag, attrs)


def test_report_runs_without_metrics_or_gold(extracted_raw, tmp_path: Path) -> None:
    out, _ = extracted_raw
    site = tmp_path / "site"
    assert main(["report", "--extracted", str(out), "--gold", str(tmp_path / "no-gold"), "--out", str(site)]) == 0
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="no-metrics"' in index
    page = (site / "articles" / "doubao-2024-overview.html").read_text(encoding="utf-8")
    assert "no gold file for this article" in page
    assert 'class="status-fp"' not in page and 'class="status-miss"' not in page


def test_report_of_a_missing_run_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["report", "--extracted", str(tmp_path / "nothing")]) == 2
    assert "newsfacts extract" in capsys.readouterr().err


# --- the synthetic run: escaping, gold marks, metrics, plots -------------------------------------


def test_article_text_is_escaped_not_executed(synthetic) -> None:
    *_, site = synthetic
    page = (site / "articles" / f"{ARTICLE_ID}.html").read_text(encoding="utf-8")
    doc = parse(site / "articles" / f"{ARTICLE_ID}.html")
    assert doc.count("script") == 0  # article pages need no script at all
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert "&lt;i&gt;Synthetic&lt;/i&gt; &amp; escaped" in page  # the title too
    assert 'href="javascript:' not in page  # a url that is not http(s) is not linked


def test_facts_page_escapes_evidence_and_has_only_its_own_script(synthetic) -> None:
    *_, site = synthetic
    doc = parse(site / "facts.html")
    assert doc.count("script") == 1
    assert "__pwned" not in "".join(doc.scripts)


def test_gold_marks_matches_false_positives_and_misses(synthetic) -> None:
    *_, site = synthetic
    page = (site / "articles" / f"{ARTICLE_ID}.html").read_text(encoding="utf-8")
    status = {html.unescape(text): cls for cls, text in re.findall(r'<tr id="m\d+" class="status-(\w+)"[^>]*><td class="num">\d+</td><td>[^<]*</td><td>([^<]*)</td>', page)}
    assert status["59.98 million"] == "match"
    assert status["$12 billion"] == "match"
    assert status["¥86 billion"] == "fp"  # no gold row for the conversion
    assert status["January 2025"] == "miss"  # gold only
    assert status["98 million"] == "miss"  # a gold percent overlapping a user count is a different table
    assert "MISSED" in page and "✗" in page and "✓" in page  # readable without colour
    facts = re.findall(r'<tr id="f-\w+" class="status-(\w+)"><td>([^<]*)</td>', page)
    assert ("match", "22 million") in facts  # placed by mention_text when the gold has no offsets


def test_index_shows_scores_per_type_from_the_metrics_file(synthetic) -> None:
    *_, site = synthetic
    index = (site / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr><th>money</th>(.*?)</tr>", index)
    assert row and "0.667" in row.group(1) and "0.500" in row.group(1)
    assert "<th>user_counts</th>" in index


def test_index_lists_article_conversions_that_disagree_with_the_reference(synthetic) -> None:
    *_, site = synthetic
    index = (site / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<table id="conversions-table">.*?<tbody>\n(.*?)</tbody>', index, re.S)
    assert "1 amount(s) converted to US$ by the article itself; 1 differ" in index
    assert row and "¥86 billion" in row.group(1) and "+9.1%" in row.group(1) and "reference ECB 2025-01-31" in row.group(1)


#: (id, article's US$, reference US$, listed at 5 %?)
DISAGREEMENTS = [
    ("agrees", 12e9, 11.9e9, False),
    ("just-under", 10.49e9, 10e9, False),
    ("over", 10.6e9, 10e9, True),
    ("under-by-more", 9.4e9, 10e9, True),
    ("no-reference", 10e9, None, False),
]


@pytest.mark.parametrize(("usd", "reference", "listed"), [c[1:] for c in DISAGREEMENTS], ids=[c[0] for c in DISAGREEMENTS])
def test_conversion_disagreements(usd, reference, listed) -> None:
    import pandas as pd

    from pipeline.report.pages import conversion_disagreements

    money = pd.DataFrame([{"amount_usd": usd, "amount_usd_reference": reference, "fx_source": "article"},
                          {"amount_usd": 5.0, "amount_usd_reference": None, "fx_source": "ECB"}])
    checked, off = conversion_disagreements(money, 0.05)
    assert (checked, len(off)) == (int(reference is not None), int(listed))


def test_facts_page_has_a_plot_per_metric(synthetic) -> None:
    *_, site = synthetic
    doc = parse(site / "facts.html")
    plots = [a for t, a in doc.tags if t == "figure" and "plot" in (a.get("class") or "")]
    assert sorted(a["data-metric"] for a in plots) == ["DAU", "MAU", "capex", "price"]
    imgs = [a["src"] for t, a in doc.tags if t == "img"]
    assert imgs and all(src.startswith("data:image/svg+xml;base64,") for src in imgs)
    assert doc.count("tr") == 4 + 1


def test_missing_tables_are_shown_empty(synthetic, tmp_path: Path) -> None:
    raw, out, gold, _ = synthetic
    copy = tmp_path / "extracted"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("report", "quantities.parquet", "metrics.json"))
    built = build_report(copy, tmp_path / "site", gold=gold, raw=raw)
    assert built.articles == 1 and not built.metrics
    assert "Tables not in this run (shown empty): quantities" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_loader_gives_typed_frames_and_typed_empty_frames_for_missing_tables(synthetic, tmp_path: Path) -> None:
    import pandas as pd

    import pipeline
    from pipeline.tables import read_table

    _, out, _, _ = synthetic
    money = pipeline.load("money", out)
    assert isinstance(money["amount"].dtype, pd.Float64Dtype) and isinstance(money["start"].dtype, pd.Int64Dtype)
    assert pd.api.types.is_datetime64_any_dtype(pipeline.load("dates", out)["start_date"])
    empty = read_table("money", tmp_path, missing_ok=True)
    assert empty.empty and list(empty.columns) == list(money.columns) and (empty.dtypes == money.dtypes).all()
    with pytest.raises(FileNotFoundError):
        read_table("money", tmp_path)


# --- the consolidated page ------------------------------------------------------------------------------


def test_consolidated_page_lists_the_conflict_with_both_sources(conflict_site) -> None:
    import pipeline

    out, site = conflict_site
    table = pipeline.load("consolidated", out)
    capex = table[table["metric"] == "capex"].iloc[0]
    assert (capex["status"], capex["n_articles"], capex["value"]) == ("conflict", 2, 12e9)
    page = (site / "consolidated.html").read_text(encoding="utf-8")
    row = re.search(rf'<tr id="c-{capex["consolidated_id"]}" class="cstatus-conflict".*?</tr>', page, re.S)
    assert row and "synthetic-escape" in row.group(0) and SECOND_ID in row.group(0)
    block = re.search(rf'<section class="conflict" id="conflict-{capex["consolidated_id"]}">(.*?)</section>', page, re.S)
    assert block, "the conflict is listed"
    cards = re.findall(r'<div class="source (agrees|disagrees)"><p><b>([^<]*)</b>', block.group(1))
    assert cards == [("agrees", "$12 billion"), ("disagrees", "$15 billion")]  # side by side, oldest first
    assert 'id="consolidated-plots"' in page and page.count('<figure class="plot"') == len(set(zip(table["metric"], table["unit"])))


def test_facts_page_links_each_fact_to_its_consolidated_row(conflict_site) -> None:
    import pipeline

    out, site = conflict_site
    table = pipeline.load("consolidated", out)
    page = (site / "facts.html").read_text(encoding="utf-8")
    for cid, status in zip(table["consolidated_id"], table["status"], strict=True):
        assert f'<a class="cstatus-{status}" href="consolidated.html#c-{cid}">{status}</a>' in page
    assert page.count('href="consolidated.html#c-') == sum(len(ids) for ids in table["fact_ids"])


PERIODS = [
    ("year", "2024", None, None, ("2024-01-01", "2024-12-31")),
    ("month", "2024-11", None, None, ("2024-11-01", "2024-11-30")),
    ("day", "2024-11-03", None, None, ("2024-11-03", "2024-11-03")),
    ("quarter", "2024-Q4", None, None, ("2024-10-01", "2024-12-31")),
    ("half", "2024-H1", None, None, ("2024-01-01", "2024-06-30")),
    ("iso-interval", "2024-09-20/2024-12-20", None, None, ("2024-09-20", "2024-12-20")),
    ("table-columns-win", "2024", date(2024, 5, 1), date(2024, 5, 31), ("2024-05-01", "2024-05-31")),
    ("unreadable", "P3M", None, None, None),
]


@pytest.mark.parametrize(("period", "start", "end", "expected"), [c[1:] for c in PERIODS], ids=[c[0] for c in PERIODS])
def test_period_interval(period, start, end, expected) -> None:
    got = period_interval(period, start, end)
    assert (None if got is None else tuple(t.date().isoformat() for t in got)) == expected


# --- highlighting and periods, unit level ---------------------------------------------------------


class _Visible(HTMLParser):
    """The text a reader sees, without displaCy's span labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip or "nf-start" in (dict(attrs).get("class") or ""):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def visible(markup: str) -> str:
    v = _Visible()
    v.feed(markup)
    return re.sub(r"\s+", " ", "".join(v.text)).strip()


def test_highlighting_keeps_the_text_exactly() -> None:
    text = "It spent ($3 billion) on <GPUs>, i.e. ¥21.6 billion.\nNext line"
    marks = [Mark(10, 20, "MONEY", "#ff0", 1), Mark(11, 20, "NUM", "#0ff", 2), Mark(38, 51, "MONEY", "#ff0", 3), Mark(50, 58, "X", "#ccc")]
    assert visible(render_text(text, marks)) == re.sub(r"\s+", " ", text)


@hsettings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'\n$¥1.")), min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.sampled_from(["A", "B<", "C&"])), max_size=6),
)
def test_highlighting_never_loses_or_injects_text(text: str, raw_marks: list[tuple[int, int, str]]) -> None:
    marks = [Mark(s, min(s + n, len(text)), label, "#eee", i) for i, (s, n, label) in enumerate(raw_marks) if s < len(text)]
    markup = render_text(text, marks)
    assert {tag for tag in re.findall(r"</?([A-Za-z]+)", markup)} <= {"div", "span", "a"}  # text never becomes a tag
    assert visible(markup) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "period,expected",
    [("2024", "2024-01-01"), ("2024-11", "2024-11-01"), ("2024-11-03", "2024-11-03"), ("2024-Q2", "2024-04-01"),
     ("2024-H2", "2024-07-01"), ("201X", None), ("P3M", None), (None, None)],
    ids=lambda v: str(v),
)
def test_period_start(period, expected) -> None:
    got = period_start(period)
    assert (None if got is None else got.date().isoformat()) == expected


# --- in a real browser ----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium); browser checks skipped")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium(page: Path, tmp_path: Path, *args: str, fragment: str = "") -> str:
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000", *args, page.as_uri() + fragment]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, tmp_path: Path, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    target.unlink(missing_ok=True)
    chromium(page, tmp_path, f"--screenshot={target}")
    assert target.is_file() and target.stat().st_size > 10_000
    return target


@needs_chromium
def test_browser_article_page_shows_highlighted_spans(raw_site: Path, tmp_path: Path) -> None:
    page = raw_site / "articles" / "doubao-2024-overview.html"
    dom = chromium(page, tmp_path, "--dump-dom")
    assert dom.count('class="nf-label"') >= 10
    assert 'id="mentions-table"' in dom or "No mentions." in dom
    screenshot(page, tmp_path, "report-article.png")


@needs_chromium
def test_browser_does_not_run_article_script(synthetic, tmp_path: Path) -> None:
    *_, site = synthetic
    dom = chromium(site / "articles" / f"{ARTICLE_ID}.html", tmp_path, "--dump-dom")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in dom
    assert "<script" not in dom
    screenshot(site / "articles" / f"{ARTICLE_ID}.html", tmp_path, "report-article-gold.png")


@needs_chromium
def test_browser_facts_page_shows_plots_and_filters(synthetic, raw_site: Path, tmp_path: Path) -> None:
    *_, site = synthetic
    dom = chromium(site / "facts.html", tmp_path, "--dump-dom", fragment="#subject=Doubao")
    assert dom.count('<figure class="plot"') == 4
    assert '<span id="facts-shown">2</span>' in dom  # the script ran and filtered to Doubao's two facts
    screenshot(site / "facts.html", tmp_path, "report-facts.png")
    dom = chromium(raw_site / "facts.html", tmp_path, "--dump-dom")
    assert 'id="plots"' in dom or 'id="no-plots"' in dom
    screenshot(raw_site / "facts.html", tmp_path, "report-facts-raw.png")


@needs_chromium
def test_browser_consolidated_page_shows_series_and_conflicts(conflict_site, raw_site: Path, tmp_path: Path) -> None:
    _, site = conflict_site
    dom = chromium(site / "consolidated.html", tmp_path, "--dump-dom")
    assert dom.count('<section class="conflict"') == 1 and dom.count('class="source disagrees"') == 1
    assert dom.count('<figure class="plot"') >= 1
    screenshot(site / "consolidated.html", tmp_path, "report-consolidated.png")
    dom = chromium(raw_site / "consolidated.html", tmp_path, "--dump-dom")
    assert 'id="consolidated-table"' in dom and "Doubao" in dom
    screenshot(raw_site / "consolidated.html", tmp_path, "report-consolidated-raw.png")


def test_facts_page_shows_where_each_subject_came_from(raw_site: Path, extracted_raw) -> None:
    import pipeline

    out, _ = extracted_raw
    facts = pipeline.load("facts", out)
    page = (raw_site / "facts.html").read_text(encoding="utf-8")
    assert "<th>subject source</th>" in page
    for source in set(facts["subject_source"].dropna()):
        assert f'<td class="subject-source" title="' in page and f">{source}</td>" in page
