"""Read articles and the manifest; turn every problem into a named reject, never a crash.

One bad article must not stop a batch: each problem becomes an ``ArticleRejected`` (the article is
skipped) or a warning (the article is processed, the problem recorded), both naming the file.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.errors import ArticleRejected, ManifestError
from pipeline.published import infer_published
from pipeline.rules import Rules

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("article_id", "path", "title", "published", "source", "url", "language")
OPTIONAL_MANIFEST_COLUMNS = ("notes",)
ARTICLE_SUFFIXES = (".txt",)
UNICODE_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16")
_ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
#: Share of control characters (other than whitespace) above which decoded text is treated as binary.
_MAX_CONTROL_SHARE = 0.01
#: control characters that are not whitespace: code points below 32 but tab, newline, vertical tab, form
#: feed and carriage return (counted by the regex engine, not a Python loop over every character)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class Article:
    """One article as read from raw/: the text every offset refers to, plus its metadata."""

    article_id: str
    path: str
    raw_text: str
    published: date | None
    published_inferred: bool
    title: str | None
    source: str | None
    url: str | None
    language: str | None
    encoding: str
    content_sha256: str


@dataclass(frozen=True)
class Problem:
    """A reject (article skipped) or a warning (article processed) with the file it concerns."""

    article_id: str | None
    path: str
    severity: str  # "error" | "warning"
    reason: str


@dataclass(frozen=True)
class ManifestRow:
    article_id: str
    path: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None


def decode_bytes(data: bytes, path: str, article_id: str) -> tuple[str, str]:
    """Decode article bytes to ``str``: BOMs first, then strict UTF-8, then a charset detector.

    Returns (text, encoding). Raises ArticleRejected for empty, binary or undecodable input.
    """
    if not data.strip():
        raise ArticleRejected(article_id, path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = [("utf-16", data)]
    else:
        candidates = []
    for encoding, payload in candidates:
        try:
            return _check_text(payload.decode(encoding), path, article_id), encoding
        except UnicodeDecodeError as exc:
            raise ArticleRejected(article_id, path, f"undecodable {encoding} bytes ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        raise ArticleRejected(article_id, path, "binary file (NUL bytes and no UTF-16 byte-order mark)")
    try:
        return _check_text(data.decode("utf-8"), path, article_id), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ArticleRejected(article_id, path, "undecodable bytes: not UTF-8/UTF-16 and no legacy encoding fits")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ArticleRejected(article_id, path, f"undecodable bytes (detector guessed {encoding})") from None
    return _check_text(text, path, article_id), encoding


def _check_text(text: str, path: str, article_id: str) -> str:
    if not text.strip():
        raise ArticleRejected(article_id, path, "empty file (whitespace only)")
    control = len(_CONTROL.findall(text))
    if control / len(text) > _MAX_CONTROL_SHARE:
        raise ArticleRejected(article_id, path, f"binary content ({control} control characters)")
    return text


def _clean_cell(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def read_manifest(raw_dir: Path) -> tuple[list[ManifestRow], list[Problem]]:
    """Parse raw/manifest.csv. A missing manifest is fine (every article's date is then inferred)."""
    path = raw_dir / MANIFEST_NAME
    problems: list[Problem] = []
    if not path.exists():
        return [], problems
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            if "article_id" not in header:
                raise ManifestError(f"{path}: no 'article_id' column (header: {header})")
            unknown = set(header) - set(MANIFEST_COLUMNS) - set(OPTIONAL_MANIFEST_COLUMNS)
            if unknown:
                problems.append(Problem(None, str(path), "warning", f"unknown manifest column(s) ignored: {sorted(unknown)}"))
            rows = []
            for line_no, record in enumerate(reader, start=2):
                article_id = _clean_cell(record.get("article_id"))
                if not article_id or not _ARTICLE_ID.match(article_id):
                    problems.append(Problem(article_id, f"{path}:{line_no}", "error", f"invalid article_id {article_id!r}"))
                    continue
                rows.append(
                    ManifestRow(
                        article_id=article_id,
                        path=_clean_cell(record.get("path")) or f"{article_id}.txt",
                        title=_clean_cell(record.get("title")),
                        published=_clean_cell(record.get("published")),
                        source=_clean_cell(record.get("source")),
                        url=_clean_cell(record.get("url")),
                        language=_clean_cell(record.get("language")),
                    )
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot read manifest ({exc})") from exc
    return rows, problems


def _parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"published {value!r} is not YYYY-MM-DD")
    return date.fromisoformat(value)


def plan_articles(raw_dir: Path) -> tuple[list[ManifestRow], list[Problem]]:
    """Decide which files make up the batch: manifest rows first, then unlisted article files.

    Duplicate ids and rows pointing at missing files become problems here, before any reading.
    """
    rows, problems = read_manifest(raw_dir)
    planned: list[ManifestRow] = []
    seen: dict[str, str] = {}
    for row in rows:
        where = str(raw_dir / row.path)
        if row.article_id in seen:
            problems.append(Problem(row.article_id, where, "error", f"duplicate article_id (first used by {seen[row.article_id]})"))
            continue
        if not (raw_dir / row.path).is_file():
            problems.append(Problem(row.article_id, where, "error", "manifest row points at a missing file"))
            seen[row.article_id] = where
            continue
        seen[row.article_id] = where
        planned.append(row)
    # Only files taken by an accepted row count as listed: a file whose row was rejected (duplicate id)
    # is still read under its own file name, so nothing is lost.
    listed = {str((raw_dir / r.path).resolve()) for r in planned}
    for path in sorted(raw_dir.iterdir()):
        if path.suffix not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        if str(path.resolve()) in listed:
            continue
        article_id = path.stem
        if article_id in seen:
            problems.append(Problem(article_id, str(path), "error", f"duplicate article_id (first used by {seen[article_id]})"))
            continue
        if not _ARTICLE_ID.match(article_id):
            problems.append(Problem(article_id, str(path), "error", "file name is not a valid article id"))
            continue
        seen[article_id] = str(path)
        planned.append(ManifestRow(article_id, path.name, None, None, None, None, None))
    return planned, problems


def read_article(
    raw_dir: Path, row: ManifestRow, max_bytes: int | None = None, rules: Rules | None = None
) -> tuple[Article, list[Problem]]:
    """Read and decode one planned article. Raises ArticleRejected; returns warnings otherwise.

    A file over ``max_bytes`` is rejected before it is read, so one huge file cannot exhaust memory."""
    path = raw_dir / row.path
    shown = str(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ArticleRejected(row.article_id, shown, f"too large: {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB ceiling (--max-article-mb)")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleRejected(row.article_id, shown, f"cannot read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, shown, row.article_id)
    warnings: list[Problem] = []
    if encoding not in UNICODE_ENCODINGS:
        warnings.append(Problem(row.article_id, shown, "warning", f"not UTF-8/UTF-16: decoded as {encoding} by detection; check the text"))
    try:
        published = _parse_published(row.published)
    except ValueError as exc:
        warnings.append(Problem(row.article_id, shown, "warning", f"{exc}; date inferred from the text instead"))
        published = None
    inferred = False
    if published is None:
        published = infer_published(text, rules)
        inferred = True
        if published is None:
            warnings.append(Problem(row.article_id, shown, "warning", "no publication date in the manifest and none could be inferred; relative dates stay unresolved"))
    return (
        Article(
            article_id=row.article_id,
            path=row.path,
            raw_text=text,
            published=published,
            published_inferred=inferred,
            title=row.title,
            source=row.source,
            url=row.url,
            language=row.language or "en",
            encoding=encoding,
            content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        ),
        warnings,
    )


def iter_articles(raw_dir: Path, max_bytes: int | None = None, rules: Rules | None = None) -> Iterator[Article | Problem]:
    """Yield every readable article of ``raw_dir`` and every problem, in a deterministic order.
    ``rules``: whose month names date an article the manifest gives no date (default: the project's)."""
    planned, problems = plan_articles(raw_dir)
    yield from problems
    for row in planned:
        try:
            article, warnings = read_article(raw_dir, row, max_bytes, rules)
        except ArticleRejected as exc:
            yield Problem(exc.article_id, exc.path, "error", exc.reason)
            continue
        yield from warnings
        yield article
