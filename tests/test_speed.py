"""Speed contracts that can be checked without a clock (issue 22): rule regexes are compiled once per
process and kept compiled between processes with the program re.compile makes (plus a first-character
set, tests/test_first_chars.py); no stage
compiles a regex per article; the alternation builder is deterministic. Timings live in
benchmarks/throughput.py, never here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import patterns
from pipeline.extract import Context, doc_text, remember_text
from pipeline.extract.money import money_rules
from pipeline.lexicon import alternation, ordered
from pipeline.numbers import vocab
from pipeline.run import load_stages

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """An empty on-disk cache and an empty in-process memo, restored afterwards."""
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", str(tmp_path / "rx"))
    monkeypatch.setattr(patterns, "_memo", {})
    return tmp_path / "rx"


def _body(source: str, flags: int) -> list[int]:
    """re.compile's program for ``source`` without its info block (the part first_chars may extend)."""
    from re import _compiler, _parser

    code = _compiler._code(_parser.parse(source, flags), flags)
    return code[1 + code[1] :]


def test_stored_program_is_the_one_re_compile_makes(rules, fresh_cache, monkeypatch):
    """The largest rule patterns (money's candidate forms, the number grammar), written to the cache
    and read back in a 'new process' (empty memo), compare equal to the ones compiled from source, and
    their program is re.compile's (same code after the info block, same groups and flags)."""
    sources = [(p.pattern, p.flags) for _, p in money_rules(rules).candidates] + [(vocab(rules).number, re.IGNORECASE)]
    first = [patterns.compile(src, flags) for src, flags in sources]
    assert len(list(fresh_cache.glob("*.marshal"))) >= 5
    monkeypatch.setattr(patterns, "_memo", {})
    before = patterns.compiled_from_source
    again = [patterns.compile(src, flags) for src, flags in sources]
    assert patterns.compiled_from_source == before, "read back, not compiled again"
    for (src, flags), a, b in zip(sources, first, again, strict=True):
        reference = re.compile(src, flags)
        assert a == b
        _, code, *_ = patterns._program(src, flags)
        assert code[1 + code[1] :] == _body(src, flags)
        assert (b.flags, b.groupindex, b.groups) == (reference.flags, reference.groupindex, reference.groups)


@pytest.mark.parametrize(
    "content",
    [pytest.param(b"", id="empty"), pytest.param(b"\x00garbage", id="garbage"), pytest.param(b"\xe9\x01\x00\x00\x00", id="foreign-marshal")],
)
def test_broken_cache_file_falls_back_to_re_compile(fresh_cache, content):
    source = "(?P<w>" + "|".join(f"word{i}" for i in range(200)) + r")\b"
    first = patterns.compile(source, re.I)
    (path,) = fresh_cache.glob("*.marshal")
    path.write_bytes(content)
    patterns._memo.clear()
    assert patterns.compile(source, re.I) == first
    assert first.findall("Word7 sword word199x WORD12") == re.findall(source, "Word7 sword word199x WORD12", re.I)


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFACTS_REGEX_CACHE", "off")
    monkeypatch.setattr(patterns, "_memo", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = "|".join(f"term{i}" for i in range(200))
    assert patterns.compile(source) == re.compile(source)
    assert not any(tmp_path.rglob("*.marshal"))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param(["$", "US$", "HK$", "A$"], ["HK$", "US$", "A$", "$"], id="symbols-longest-first-then-alphabetical"),
        pytest.param({"yen", "won", "euro", "pound"}, ["pound", "euro", "won", "yen"], id="a-set-in-any-order"),
    ],
)
def test_alternation_order_is_total(words, expected):
    assert ordered(words) == expected
    assert alternation(words) == "|".join(re.escape(w) for w in expected)


def test_alternation_flexible_space():
    assert re.fullmatch(alternation(["per cent"], flexible_space=True), "per\n cent")
    assert not re.fullmatch(alternation(["per cent"]), "per\n cent")


def test_doc_text_is_read_once_and_equals_doc_text(nlp):
    doc = nlp("Revenue rose 5% to $2 billion.\nUsers: 3 million.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param((REPO / "raw").glob("*.txt").__next__().read_text(encoding="utf-8"), id="a-raw-article"),
        pytest.param("  Revenue rose 5%.\n\n\nUsers: 3 million.  \n", id="spaces-and-blank-lines-at-both-ends"),
        pytest.param("字节跳动的豆包模型每千tokens仅0.0008元。", id="cjk"),
    ],
)
def test_remembered_text_is_the_doc_text(nlp, text):
    """The runner hands each Doc the text it parsed (pipeline.extract.remember_text): equal to spaCy's."""
    doc = nlp(text)
    remember_text(doc, text)
    assert doc_text(doc) is text and text == doc.text


def test_remember_text_refuses_a_text_of_another_length(nlp):
    doc = nlp("Revenue rose 5% to $2 billion.")
    remember_text(doc, "Revenue rose 5% to $2 billion. And more.")
    assert doc_text(doc) == "Revenue rose 5% to $2 billion."


def test_no_regex_compiled_per_article(nlp, rules, settings, monkeypatch):
    """After raw/ has warmed every stage up, two of its articles run again as new Docs (money, counts,
    dates, changes and facts in them) and call neither re.compile nor patterns.compile (a pattern built per
    article, even one re's cache would answer), and add no ``Rules.derived`` entry (per-article setup
    rebuilt from the rules)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]
    stages = load_stages()

    def run(i: int, doc) -> None:  # noqa: ANN001
        ctx = Context(f"a{i}", None, rules, settings)
        found: dict = {}
        for name, func in stages:
            found[name] = func(doc, ctx, found)

    docs = [nlp(text) for text in texts]  # the model runs outside the counted part
    for i, doc in enumerate(docs):  # lazy one-time setup (pint's registry, first-use literals) happens here
        run(i, doc)
    counted = [nlp(text) for text in texts[-2:]]
    compiles: list[str] = []
    for module, name in ((re, "compile"), (patterns, "compile")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda p, flags=0, real=real: compiles.append(p) or real(p, flags))
    derived = set(rules._cache)
    for i, doc in enumerate(counted):
        run(100 + i, doc)
    assert compiles == [], compiles[:3]
    assert set(rules._cache) == derived, "nothing compiled from the rules per article (Rules.derived)"


# --- one nlp.pipe per batch (pipeline.run.Extractor._parse_together) ---------------------------------


@pytest.fixture(scope="module")
def extractor(settings):
    from pipeline.run import Extractor

    return Extractor(settings)


def _raw_articles() -> list:
    from pipeline.ingest import Article, iter_articles

    return [a for a in iter_articles(REPO / "raw", 50_000_000) if isinstance(a, Article)]


def test_a_batch_parsed_together_gives_the_rows_of_each_article_parsed_alone(extractor, monkeypatch):
    """raw/'s articles in one batch: every table of every article is the same whether the batch is
    parsed in one nlp.pipe or each article alone (the pre-batching path)."""
    articles = _raw_articles()
    assert len(articles) >= 2
    together = [(a.article_id, rows, problem) for a, rows, problem in extractor.process_batch(articles)]
    calls: list[int] = []
    real = extractor.nlp.pipe
    monkeypatch.setattr(extractor, "_parse_together", lambda prepared: [None] * len(prepared))
    monkeypatch.setattr(extractor.nlp, "pipe", lambda texts, **kw: (calls.append(1), real(texts, **kw))[1])
    alone = [(a.article_id, rows, problem) for a, rows, problem in extractor.process_batch(articles)]
    assert len(calls) == len(articles), "the reference run parsed each article on its own"
    assert all(problem is None for _, _, problem in together)
    assert together == alone


def test_a_batch_parse_that_fails_falls_back_to_each_article_alone(extractor, monkeypatch):
    """A text that makes the model raise fails the batch's one pipe; every article is then parsed alone,
    so only that article is rejected (stage spacy) and its neighbours keep their rows."""
    from pipeline.ingest import Article

    real = extractor.nlp.pipe

    def pipe(texts, **kw):  # noqa: ANN001, ANN003, ANN202
        texts = list(texts)
        if any("kaboom" in t for t in texts):
            raise RuntimeError("model failure")
        return real(texts, **kw)

    monkeypatch.setattr(extractor.nlp, "pipe", pipe)
    articles = [
        Article(article_id=f"x{i}", path=f"x{i}.txt", raw_text=text, published=None, published_inferred=False, title=None,
                source=None, url=None, language="en", encoding="utf-8", content_sha256=f"sha{i}")
        for i, text in enumerate(["Alibaba spent $1 billion on cloud.", "It went kaboom with $3 million.", "Tencent spent $2 billion."])
    ]
    outcomes = {a.article_id: (rows, problem) for a, rows, problem in extractor.process_batch(articles)}
    assert outcomes["x1"][0] is None and outcomes["x1"][1].reason == "stage spacy failed: RuntimeError: model failure"
    for good, amount in (("x0", "$1 billion"), ("x2", "$2 billion")):
        rows, problem = outcomes[good]
        assert problem is None and [r["text"] for r in rows["money"]] == [amount]


def test_extract_never_imports_pandas_and_pandas_readers_still_work(tmp_path):
    """`newsfacts extract` (with consolidation) runs without importing pandas (~0.4 s of start-up), and
    in the same process read_table (pandas) afterwards reads what it wrote."""
    import subprocess
    import sys

    out = tmp_path / "out"
    code = (
        "import sys; from pipeline.cli import main\n"
        f"assert main(['extract', '--raw', {str(REPO / 'raw')!r}, '--out', {str(out)!r}, '--full', '--no-progress']) == 0\n"
        "print('pandas' in sys.modules)\n"
        "from pipeline.tables import read_table, read_rows\n"
        f"print(len(read_table('money', {str(out)!r})), len(read_rows('money', {str(out)!r})), 'pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    imported_during_run, read = done.stdout.strip().splitlines()[-2:]
    assert imported_during_run == "False"
    n_frame, n_rows, imported_after = read.split()
    assert int(n_frame) == int(n_rows) > 0 and imported_after == "True"
