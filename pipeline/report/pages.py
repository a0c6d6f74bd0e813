"""The three kinds of page (index, article, facts) as HTML strings.

Every value that comes from data goes through ``h`` (HTML escape) or through displaCy, which escapes
text itself; CSS and JS are inlined from static/ so a page opened from disk needs nothing else.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from pipeline.report.config import Theme, asset
from pipeline.report.data import RunData
from pipeline.report.highlight import Mark, render_snippet, render_text
from pipeline.report.plots import Plot
from pipeline.report.spans import Span, clean, extracted_spans, fact_spans, gold_spans, review
from pipeline.version import __version__

#: Review statuses counted per article on the index, in this order.
REVIEWED = ("match", "partial", "fp", "miss")
#: Order of measures in the scores table; others follow alphabetically.
MEASURE_ORDER = ("precision", "recall", "f1", "tp", "fp", "fn")


def h(value: Any) -> str:
    value = clean(value)
    return "" if value is None else html.escape(str(value))


def fmt_number(value: Any) -> str:
    value = clean(value)
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and float(value).is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.6g}"
    return str(value)


def fmt_value(fields: dict[str, Any]) -> str:
    low, high, value = fields.get("low"), fields.get("high"), fields.get("value")
    if low is not None and high is not None:
        return h(f"{fmt_number(low)}–{fmt_number(high)}")
    return h(fmt_number(value))


def fmt_unit(fields: dict[str, Any]) -> str:
    unit = fmt_number(fields.get("unit"))
    per_q, per_u = fields.get("per_quantity"), fields.get("per_unit")
    if per_q is not None or per_u is not None:
        unit += f" per {fmt_number(per_q) if per_q is not None else ''} {per_u or ''}".rstrip()
    return h(unit)


def page(title: str, body: str, root: str = "", script: str = "") -> str:
    """A complete page; ``root`` is the relative path back to the site's top folder."""
    js = f"<script>\n{script}\n</script>" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsfacts {h(__version__)}">
<title>{h(title)} · newsfacts report</title>
<style>
{asset("report.css")}
</style>
</head>
<body>
<header><span class="brand">newsfacts report</span><a href="{root}index.html">Articles</a><a href="{root}facts.html">Facts</a><a href="{root}consolidated.html">Consolidated</a></header>
<main>
{body}
</main>
{js}
</body>
</html>
"""


def table(headers: Iterable[str], rows: Iterable[str], attrs: str = "") -> str:
    head = "".join(f"<th>{h(x)}</th>" for x in headers)
    return f"<table{attrs}><thead><tr>{head}</tr></thead><tbody>\n{''.join(rows)}</tbody></table>"


# --- index -------------------------------------------------------------------------------------


def index_page(data: RunData, files: dict[str, str], theme: Theme, reviews: dict[str, dict[str, int]]) -> str:
    parts = ["<h1>Articles</h1>", _run_summary(data), "<h2>Validation scores</h2>", scores_table(data.metrics)]
    mention_tables = [*theme.types, "facts"]
    rows = []
    for a in data.articles.to_dict("records"):
        aid = str(a["article_id"])
        counts = "".join(f'<td class="num">{len(data.rows(t, aid))}</td>' for t in mention_tables)
        review = reviews.get(aid) or {}
        gold = " / ".join(str(review.get(s, 0)) for s in REVIEWED) if review else "no gold"
        published = "" if clean(a["published"]) is None else pd.Timestamp(a["published"]).date().isoformat()
        rows.append(
            f'<tr><td><a href="{h(files[aid])}">{h(aid)}</a></td><td>{h(a["title"])}</td><td>{h(published)}</td>'
            f'{counts}<td class="num">{h(gold)}</td></tr>\n'
        )
    headers = ["article", "title", "published", *mention_tables, "vs gold: " + " / ".join(theme.status_text[s] for s in REVIEWED)]
    parts += ["<h2>Articles and extracted rows</h2>", table(headers, rows, ' id="articles-table"')]
    parts += conversions_section(data, files, theme)
    rejects = data.tables["rejects"]
    if not rejects.empty:
        rej = [f"<tr><td>{h(r['severity'])}</td><td>{h(r['path'])}</td><td>{h(r['reason'])}</td></tr>\n" for r in rejects.to_dict("records")]
        parts += ["<h2>Problems</h2>", table(["severity", "file", "reason"], rej)]
    return page("Articles", "\n".join(parts))


def conversion_disagreements(money: pd.DataFrame, threshold: float) -> tuple[int, pd.DataFrame]:
    """(conversions the articles make, those whose US$ differs from the reference by more than
    ``threshold``), largest difference first. A user's own reading of the money table, nothing more."""
    if "amount_usd_reference" not in money.columns:  # a run from before the reference column
        return 0, money.iloc[0:0]
    pairs = money[(money["fx_source"] == "article") & money["amount_usd_reference"].notna() & (money["amount_usd_reference"] != 0)]
    diff = pairs["amount_usd"] / pairs["amount_usd_reference"] - 1
    out = pairs.assign(difference=diff)[diff.abs() > threshold]
    return len(pairs), out.sort_values("difference", key=lambda d: d.abs(), ascending=False)


def conversions_section(data: RunData, files: dict[str, str], theme: Theme) -> list[str]:
    threshold = float(theme.conversions["disagreement"])
    checked, off = conversion_disagreements(data.tables["money"], threshold)
    if not checked:
        return []
    note = (f'<p class="note">{checked} amount(s) converted to US$ by the article itself; {len(off)} differ from the '
            f'reference rate of the publication date by more than {threshold:.0%}.</p>')
    rows = [
        f'<tr><td><a href="{h(files.get(str(r["article_id"]), ""))}">{h(r["article_id"])}</a></td><td>{h(r["text"])}</td>'
        f'<td>{h(r["currency"])}</td><td class="num">{fmt_number(r["amount_usd"])}</td><td class="num">{fmt_number(r["amount_usd_reference"])}</td>'
        f'<td class="num">{r["difference"]:+.1%}</td><td>{h(r["fx_note"])}</td></tr>\n'
        for r in off.to_dict("records")
    ]
    headers = ["article", "amount", "currency", "article's US$", "reference US$", "difference", "reference rate"]
    return ["<h2>Currency conversions</h2>", note, table(headers, rows, ' id="conversions-table"') if rows else ""]


def _run_summary(data: RunData) -> str:
    arts = data.articles
    versions = ", ".join(sorted({str(v) for v in arts["pipeline_version"]})) or "-"
    rules = ", ".join(sorted({str(v)[:12] for v in arts["rules_sha256"]})) or "-"
    out = f'<p class="note">{len(arts)} article(s); pipeline {h(versions)}; rules {h(rules)}; gold for {len(data.gold)} article(s). <a href="facts.html">All facts and plots</a>.</p>'
    if data.missing_tables:
        out += f'<p class="warn">Tables not in this run (shown empty): {h(", ".join(data.missing_tables))}</p>'
    return out


def scores_table(metrics: dict[str, float] | None) -> str:
    """Validation scores per type from the flat metrics file (``money.f1``): types as rows."""
    if not metrics:
        return '<p class="note" id="no-metrics">No metrics file: run <code>newsfacts validate</code> to score this run against the gold files.</p>'
    grid: dict[str, dict[str, float]] = {}
    for key, value in metrics.items():
        kind, _, measure = key.rpartition(".")
        grid.setdefault(kind or "all", {})[measure] = value
    measures = sorted({m for row in grid.values() for m in row}, key=lambda m: (m not in MEASURE_ORDER, MEASURE_ORDER.index(m) if m in MEASURE_ORDER else 0, m))
    rows = []
    for kind in sorted(grid):
        cells = "".join(f'<td class="num">{_score(grid[kind].get(m))}</td>' for m in measures)
        rows.append(f"<tr><th>{h(kind)}</th>{cells}</tr>\n")
    return table(["type", *measures], rows, ' id="scores-table"')


def _score(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) > 1 else f"{value:.3f}"


# --- article -----------------------------------------------------------------------------------


def review_counts(spans: Iterable[Span]) -> dict[str, int]:
    """match / partial / fp / miss counts of an article's reviewed spans (entities are never reviewed)."""
    counts = {status: 0 for status in REVIEWED}
    for span in spans:
        if span.status in counts:
            counts[span.status] += 1
    return counts


def article_page(data: RunData, article_id: str, theme: Theme) -> tuple[str, dict[str, int]]:
    """The page, and its review counts for the index (empty without gold)."""
    text = data.texts.get(article_id)
    meta = data.articles[data.articles["article_id"] == article_id].to_dict("records")[0]
    has_gold = article_id in data.gold
    gold = gold_spans(data.gold.get(article_id, []), text, theme) if has_gold else []
    facts = fact_spans(data.tables, article_id, text, theme)
    fact_misses = review(facts, [g for g in gold if g.table == "facts"]) if has_gold else []
    spans = extracted_spans(data.tables, article_id, text, theme, facts)
    misses = review([s for s in spans if s.table != "facts"], [g for g in gold if g.table != "facts"]) if has_gold else []
    shown = sorted(spans + misses, key=lambda s: (s.start, -(s.end - s.start), s.table))
    for n, span in enumerate(shown, 1):
        span.n = n

    parts = [f"<h1>{h(meta['title'] or article_id)}</h1>", _article_meta(meta, article_id, has_gold)]
    bad = [s for s in spans if not s.text_ok]
    if bad:
        parts.append(f'<p class="warn badtext">{len(bad)} span(s) whose text does not match the raw text at their offsets (marked ⚠ in the tables).</p>')
    parts.append(_legend(theme, has_gold))
    if text is None:
        body_text = '<p class="warn">Raw text not found (pass <code>--raw</code>); the extracted rows follow.</p>'
    else:
        marks = [Mark(s.start, s.end, s.label + theme.status[s.status]["suffix"], theme.background(s.table, s.status, s.label), s.n) for s in shown]
        body_text = render_text(text, marks)
    side = [
        "<h2>Mentions</h2>",
        _mention_table([s for s in shown if s.table != "entities"], theme, has_gold),
        "<h2>Facts</h2>",
        _facts_table(facts + fact_misses, theme, has_gold),
        "<details open><summary><h2 style=\"display:inline\">Entities</h2></summary>",
        _entity_table([s for s in shown if s.table == "entities"]),
        "</details>",
    ]
    parts.append(f'<div class="article-grid"><div class="article-text" id="article-text">{body_text}</div><aside class="side">{"".join(side)}</aside></div>')
    counts = review_counts([*shown, *facts, *fact_misses]) if has_gold else {}
    return page(article_id, "\n".join(parts), root="../"), counts


def _article_meta(meta: dict[str, Any], article_id: str, has_gold: bool) -> str:
    published = "unknown" if clean(meta["published"]) is None else pd.Timestamp(meta["published"]).date().isoformat()
    inferred = " (inferred from the text)" if clean(meta["published_inferred"]) else ""
    url = clean(meta.get("url"))
    link = f' · <a href="{h(url)}">source</a>' if url and str(url).startswith(("http://", "https://")) else ""
    gold = "gold file present: extracted spans are marked against it" if has_gold else "no gold file for this article"
    source = f" · {h(meta.get('source'))}" if clean(meta.get("source")) else ""
    return f'<p class="note">{h(article_id)} · published {h(published)}{h(inferred)}{source}{link} · {gold}</p>'


def _legend(theme: Theme, has_gold: bool) -> str:
    items = [f'<span style="background:{theme.background(t, "none")}">{h(t)}</span>' for t in theme.types]
    if has_gold:
        for status in ("match", "partial", "fp", "miss"):
            items.append(f'<span style="background:{theme.background("money", status)}">MONEY{h(theme.status[status]["suffix"])} = {h(theme.status_text[status])}</span>')
    return f'<div class="legend">{"".join(items)}</div>'


def _status_cells(span: Span, theme: Theme, has_gold: bool) -> str:
    if not has_gold:
        return ""
    note = "; ".join(span.differs)
    return f'<td class="status">{h(theme.status_text[span.status])}</td><td>{h(note)}</td>'


def _mention_table(spans: list[Span], theme: Theme, has_gold: bool) -> str:
    rows = []
    for s in spans:
        f = s.fields
        warn = "" if s.text_ok else ' <span class="badtext" title="text differs from the raw text">⚠</span>'
        rows.append(
            f'<tr id="m{s.n}" class="status-{s.status}" data-table="{h(s.table)}"><td class="num">{s.n}</td><td>{h(s.label)}</td>'
            f"<td>{h(s.text)}{warn}</td>{_status_cells(s, theme, has_gold)}<td class=\"num\">{fmt_value(f)}</td><td>{fmt_unit(f)}</td>"
            f"<td>{h(f.get('qualifier'))}</td><td>{h(f.get('detail'))}</td><td>{h(f.get('subject'))}</td><td>{h(f.get('period'))}</td></tr>\n"
        )
    review_headers = ["review", "differs"] if has_gold else []
    headers = ["#", "type", "text", *review_headers, "value", "unit", "qualifier", "metric/kind", "subject", "period"]
    return table(headers, rows, ' id="mentions-table"') if rows else '<p class="note">No mentions.</p>'


def _facts_table(facts: list[Span], theme: Theme, has_gold: bool) -> str:
    rows = []
    for s in sorted(facts, key=lambda s: (s.start, s.end)):
        f = s.fields
        fid = f' id="f-{h(s.fields.get("fact_id"))}"' if s.fields.get("fact_id") else ""
        rows.append(
            f'<tr{fid} class="status-{s.status}"><td>{h(s.text)}</td>{_status_cells(s, theme, has_gold)}<td>{h(f.get("subject"))}</td>'
            f'<td>{h(f.get("metric"))}</td><td class="num">{fmt_value(f)}</td><td>{fmt_unit(f)}</td><td>{h(f.get("qualifier"))}</td><td>{h(f.get("period"))}</td></tr>\n'
        )
    review_headers = ["review", "differs"] if has_gold else []
    headers = ["text", *review_headers, "subject", "metric", "value", "unit", "qualifier", "period"]
    return table(headers, rows, ' id="article-facts-table"') if rows else '<p class="note">No facts.</p>'


def _entity_table(spans: list[Span]) -> str:
    rows = [
        f'<tr id="m{s.n}"><td class="num">{s.n}</td><td>{h(s.label)}</td><td>{h(s.text)}</td><td>{h(s.fields.get("value"))}</td><td>{h(s.fields.get("unit"))}</td></tr>\n'
        for s in spans
    ]
    return table(["#", "label", "text", "canonical name", "type"], rows, ' id="entities-table"') if rows else '<p class="note">No entities.</p>'


# --- facts -------------------------------------------------------------------------------------


def consolidated_of(data: RunData) -> dict[str, str]:
    """fact_id -> consolidated_id of the consolidated row that counts it."""
    out: dict[str, str] = {}
    for cid, fact_ids in zip(data.tables["consolidated"]["consolidated_id"], data.tables["consolidated"]["fact_ids"], strict=True):
        for fid in fact_ids if fact_ids is not None else ():
            out[str(fid)] = str(cid)
    return out


def facts_page(data: RunData, files: dict[str, str], theme: Theme, plots: list[Plot]) -> str:
    facts = data.tables["facts"]
    consolidated = consolidated_of(data)
    rows = []
    for r in facts.sort_values(["subject", "metric", "period", "article_id", "start"], na_position="last").to_dict("records"):
        aid = str(r["article_id"])
        fields = {"value": clean(r["value"]), "unit": clean(r["unit"]), "per_quantity": clean(r["per_quantity"]), "per_unit": clean(r["per_unit"])}
        ev_start = int(r["evidence_start"])
        snippet = render_snippet(str(r["evidence"]), int(r["start"]) - ev_start, int(r["end"]) - ev_start, str(r["metric"]), theme.background("facts", "none"))
        href = f"{files[aid]}#f-{r['fact_id']}" if aid in files else ""
        subject = clean(r["subject"]) or ""
        rows.append(
            f'<tr data-subject="{h(subject)}" data-metric="{h(r["metric"])}"><td>{h(subject)}</td>'
            f'<td class="subject-source" title="{h(r.get("rule"))}">{h(clean(r.get("subject_source")) or "")}</td><td>{h(r["metric"])}</td>'
            f'<td class="num">{fmt_value(fields)}</td><td>{fmt_unit(fields)}</td><td>{h(r["qualifier"])}</td><td>{h(r["period"])}</td>'
            f'<td><a href="{h(href)}">{h(aid)}</a></td><td class="evidence">{snippet}</td><td class="num">{fmt_number(r["confidence"])}</td>'
            f'<td>{_consolidated_link(consolidated.get(str(r["fact_id"])), data)}</td></tr>\n'
        )
    subjects = sorted({str(s) for s in facts["subject"].dropna()})
    metrics = sorted({str(m) for m in facts["metric"].dropna()})
    parts = [
        "<h1>Facts</h1>",
        '<h2>Over time</h2>',
        f'<div class="plots" id="plots">{"".join(p.html() for p in plots)}</div>' if plots else '<p class="note" id="no-plots">No dated facts to plot.</p>',
        "<h2>Table</h2>",
        (
            '<div class="filters"><input type="search" id="filter-text" placeholder="filter: any text">'
            f'<label>subject {_select("filter-subject", subjects)}</label><label>metric {_select("filter-metric", metrics)}</label>'
            f'<span class="note"><span id="facts-shown">{len(rows)}</span> of {len(rows)} fact(s) shown</span></div>'
        ),
        table(["subject", "subject source", "metric", "value", "unit", "qualifier", "period", "article", "evidence", "confidence", "consolidated"], rows, ' id="facts-table"'),
    ]
    return page("Facts", "\n".join(parts), script=asset("facts.js"))


def _select(element_id: str, values: list[str]) -> str:
    options = "".join(f'<option value="{h(v)}">{h(v)}</option>' for v in values)
    return f'<select id="{element_id}"><option value="">all</option>{options}</select>'


def _consolidated_link(cid: str | None, data: RunData) -> str:
    if cid is None:
        return '<span class="note">not consolidated</span>'
    frame = data.tables["consolidated"]
    status = str(frame.loc[frame["consolidated_id"] == cid, "status"].iloc[0])
    return f'<a class="cstatus-{h(status)}" href="consolidated.html#c-{h(cid)}">{h(status)}</a>'


# --- consolidated --------------------------------------------------------------------------------------


def _period_text(r: dict[str, Any]) -> str:
    basis = " (as of publication)" if r.get("period_basis") == "published" else ""
    modality = "" if r.get("modality") == "actual" else f" · {r.get('modality')}"
    return f"{r['period']}{basis}{modality}"


def _day(value: Any) -> str:
    value = clean(value)
    return "" if value is None else pd.Timestamp(value).date().isoformat()


def consolidated_page(data: RunData, files: dict[str, str], theme: Theme, plots: list[Plot]) -> str:
    """Consolidated rows by subject and metric, plots of their series on a date axis, and every
    conflict with its sources side by side."""
    frame = data.tables["consolidated"]
    facts = data.tables["facts"].set_index("fact_id", drop=False) if not data.tables["facts"].empty else data.tables["facts"]
    ordered = frame.sort_values(["subject_id", "metric", "period_start", "period"], na_position="last").to_dict("records")
    rows = []
    for r in ordered:
        cid = str(r["consolidated_id"])
        fields = {"value": clean(r["value"]), "unit": clean(r["unit"]), "per_quantity": clean(r["per_quantity"]), "per_unit": clean(r["per_unit"])}
        spread = "" if clean(r["spread"]) is None else f"{r['spread']:.1%}"
        sources = ", ".join(f'<a href="{h(files.get(str(a), ""))}">{h(a)}</a>' for a in r["article_ids"])
        rows.append(
            f'<tr id="c-{h(cid)}" class="cstatus-{h(r["status"])}" data-subject="{h(r["subject"])}" data-metric="{h(r["metric"])}">'
            f'<td>{h(r["subject"] or r["subject_id"])}</td><td>{h(r["metric"])}</td><td>{h(_period_text(r))}</td>'
            f'<td class="num">{fmt_value(fields)}</td><td>{fmt_unit(fields)}</td><td>{h(r["qualifier"])}</td>'
            f'<td class="num">{fmt_number(r["value_usd"])}</td><td class="status">{h(r["status"])}</td>'
            f'<td class="num">{fmt_number(r["value_min"])}–{fmt_number(r["value_max"])}</td><td class="num">{h(spread)}</td>'
            f'<td class="num">{int(r["n_facts"])}</td><td>{sources}</td><td>{h(_day(r["first_published"]))} – {h(_day(r["last_published"]))}</td>'
            f'<td class="evidence">{h(r["evidence"])}</td></tr>\n'
        )
    conflicts = [r for r in ordered if r["status"] == "conflict"]
    counts = frame["status"].value_counts().to_dict() if not frame.empty else {}
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("agreed", "rounded", "conflict"))
    cross = int((frame["n_articles"] > 1).sum()) if not frame.empty else 0
    parts = [
        "<h1>Consolidated facts</h1>",
        f'<p class="note">{len(frame)} row(s), one per subject, metric, unit and period ({h(summary)}); {cross} draw on two or more articles. '
        "A period is drawn as the interval it covers; a dotted line spans the sources' values; ✕ marks a conflict. "
        "Rules of sameness: <code>rules/consolidate.yaml</code>.</p>",
        "<h2>Series over time</h2>",
        f'<div class="plots" id="consolidated-plots">{"".join(p.html() for p in plots)}</div>' if plots else '<p class="note" id="no-plots">No consolidated rows to plot.</p>',
        f'<h2 id="conflicts">Conflicts ({len(conflicts)})</h2>',
        "".join(_conflict_block(r, facts, files) for r in conflicts) or '<p class="note" id="no-conflicts">No conflicts.</p>',
        "<h2>Table</h2>",
        table(["subject", "metric", "period", "value", "unit", "qualifier", "US$", "status", "sources' values", "spread", "facts", "articles", "published", "best evidence"],
              rows, ' id="consolidated-table"') if rows else '<p class="note">No consolidated rows (run <code>newsfacts consolidate</code>).</p>',
    ]
    return page("Consolidated", "\n".join(parts))


def _conflict_block(r: dict[str, Any], facts: pd.DataFrame, files: dict[str, str]) -> str:
    """One conflict: the consensus, then each source as a card, side by side, disagreeing ones marked."""
    outside = {str(f) for f in r["conflict_fact_ids"]}
    cards = []
    for fid in r["fact_ids"]:
        fid = str(fid)
        if fid not in facts.index:
            cards.append(f'<div class="source"><p class="warn">fact {h(fid)} is not in the facts table</p></div>')
            continue
        f = facts.loc[fid]
        aid = str(f["article_id"])
        href = f"{files.get(aid, '')}#f-{fid}"
        verdict = "disagrees" if fid in outside else "agrees"
        cards.append(
            f'<div class="source {verdict}"><p><b>{h(f["text"])}</b> {h(f["qualifier"])} · {verdict}</p>'
            f'<p><a href="{h(href)}">{h(aid)}</a></p><p class="evidence">{h(f["evidence"])}</p></div>'
        )
    fields = {"value": clean(r["value"]), "unit": clean(r["unit"]), "per_quantity": clean(r["per_quantity"]), "per_unit": clean(r["per_unit"])}
    return (
        f'<section class="conflict" id="conflict-{h(r["consolidated_id"])}"><h3><a href="#c-{h(r["consolidated_id"])}">'
        f'{h(r["subject"] or r["subject_id"])} · {h(r["metric"])} · {h(_period_text(r))}</a>: consensus {fmt_value(fields)} {fmt_unit(fields)}, '
        f"sources from {fmt_number(r['value_min'])} to {fmt_number(r['value_max'])}</h3>"
        f'<div class="sources">{"".join(cards)}</div></section>\n'
    )
