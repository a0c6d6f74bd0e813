"""Build the static review site: index.html, facts.html and articles/<id>.html in one folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.report.config import theme as load_theme
from pipeline.report.data import load_run
from pipeline.report.pages import article_page, consolidated_page, facts_page, index_page
from pipeline.report.plots import consolidated_series, draw_plots, fact_series

ARTICLES_DIR = "articles"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Built:
    """What a build wrote: shown by the CLI, checked by tests."""

    out: Path
    articles: int
    facts: int
    plots: int
    gold: int
    consolidated: int
    metrics: bool

    @property
    def index(self) -> Path:
        return self.out / "index.html"


def page_names(article_ids: list[str]) -> dict[str, str]:
    """A file name per article id that is safe on any file system and unique (ids are free text)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for aid in article_ids:
        base = _UNSAFE.sub("_", aid) or "article"
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        names[aid] = f"{ARTICLES_DIR}/{name}.html"
    return names


def build_report(extracted: Path, out: Path, gold: Path | None = None, raw: Path | None = None) -> Built:
    """Read a run (and its gold and raw texts when given) and write the site into ``out``."""
    theme = load_theme()
    data = load_run(Path(extracted), gold, raw)
    out = Path(out)
    (out / ARTICLES_DIR).mkdir(parents=True, exist_ok=True)
    ids = [str(a) for a in data.articles["article_id"]]
    files = page_names(ids)
    for old in (out / ARTICLES_DIR).glob("*.html"):  # pages of articles no longer in the run
        if f"{ARTICLES_DIR}/{old.name}" not in files.values():
            old.unlink()
    reviews: dict[str, dict[str, int]] = {}
    for aid in ids:
        markup, reviews[aid] = article_page(data, aid, theme)
        _write(out / files[aid], markup)
    plots = draw_plots(fact_series(data.tables, theme), theme)
    _write(out / "facts.html", facts_page(data, files, theme, plots))
    _write(out / "consolidated.html", consolidated_page(data, files, theme, draw_plots(consolidated_series(data.tables, theme), theme)))
    _write(out / "index.html", index_page(data, files, theme, reviews))
    return Built(out, len(ids), len(data.tables["facts"]), len(plots), len(data.gold), len(data.tables["consolidated"]), data.metrics is not None)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
