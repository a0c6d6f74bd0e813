"""Plots of each fact metric over time per subject, drawn with matplotlib into self-contained SVG.

Uses ``matplotlib.figure.Figure`` directly (no pyplot global state, no display needed). Each plot is
an ``<img>`` with a base64 SVG data URI, so plots need no file beside the page and the ids inside one
SVG cannot clash with another's.
"""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass

import pandas as pd

from pipeline.report.config import Theme

_PERIOD = re.compile(r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])))?")
NO_SUBJECT = "(no subject)"


@dataclass(frozen=True)
class Plot:
    metric: str
    unit: str
    points: int
    subjects: list[str]
    data_uri: str

    def html(self) -> str:
        alt = f"{self.metric} ({self.unit}) over time for {', '.join(self.subjects)}"
        return (
            f'<figure class="plot" data-metric="{html.escape(self.metric)}">'
            f'<img src="{self.data_uri}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(self.metric)} ({html.escape(self.unit)}): {self.points} point(s)</figcaption></figure>"
        )


def period_start(period: object) -> pd.Timestamp | None:
    """First day of a TIMEX3-style period (2024, 2024-11, 2024-11-03, 2024-Q2, 2024-H1)."""
    if not isinstance(period, str):
        return None
    m = _PERIOD.match(period)
    if not m:
        return None
    if m["m"]:
        day = pd.to_datetime(period[:10], format="%Y-%m-%d", errors="coerce")
        if not pd.isna(day):
            return day
        month = int(m["m"])
    elif m["q"]:
        month = (int(m["q"]) - 1) * 3 + 1
    elif m["h"]:
        month = (int(m["h"]) - 1) * 6 + 1
    else:
        month = 1
    return pd.Timestamp(year=int(m["y"]), month=month, day=1) if 1 <= month <= 12 else None


def fact_series(tables: dict[str, pd.DataFrame], theme: Theme) -> pd.DataFrame:
    """One row per plottable fact: subject, metric, unit label, date, value (money in USD when known)."""
    cols = ["subject", "metric", "unit", "when", "value", "article_id"]
    facts = tables["facts"]
    if facts.empty:
        return pd.DataFrame(columns=cols)
    money = tables["money"][["article_id", "start", "end", "amount_usd", "equivalent_of"]]
    frame = facts.merge(money, on=["article_id", "start", "end"], how="left")
    published = tables["articles"].set_index("article_id")["published"]
    basis = float(theme.plots["rate_basis"])
    rows = []
    for r in frame.to_dict("records"):
        if not pd.isna(r["equivalent_of"]):  # "(approximately $150 million)" repeats the amount it converts
            continue
        value, unit = r["value"], r["unit"]
        if theme.plots.get("convert_money_to_usd") and not pd.isna(r["amount_usd"]):
            value, unit = r["amount_usd"], "USD"
        if pd.isna(value):
            continue
        if not pd.isna(r["per_quantity"]) and r["per_quantity"]:
            value = value * basis / r["per_quantity"]
            unit = f"{unit} per {short_number(basis)} {r['per_unit'] or 'unit'}"
        when = r["period_start"] if not pd.isna(r["period_start"]) else period_start(r["period"])
        if when is None or pd.isna(when):
            when = published.get(r["article_id"])
        if when is None or pd.isna(when):
            continue
        subject = r["subject"] if not pd.isna(r["subject"]) else NO_SUBJECT
        rows.append([str(subject), str(r["metric"]), str(unit if not pd.isna(unit) else ""), pd.Timestamp(when), float(value), r["article_id"]])
    return pd.DataFrame(rows, columns=cols)


#: Magnitude suffixes as news write them (B for billion, not SI's G).
_MAGNITUDES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def short_number(number: float) -> str:
    """60000000 -> 60M, 1.2e10 -> 12B: axis ticks and rate units a reader can take in at a glance."""
    for size, suffix in _MAGNITUDES:
        if abs(number) >= size:
            return f"{number / size:.3g}{suffix}"
    return f"{number:.3g}"


def draw_plots(series: pd.DataFrame, theme: Theme) -> list[Plot]:
    """One plot per (metric, unit), one line per subject, sorted by metric."""
    plots = []
    if series.empty:
        return plots
    for (metric, unit), group in series.groupby(["metric", "unit"], sort=True):
        plots.append(_draw(str(metric), str(unit), group, theme))
    return plots


def _draw(metric: str, unit: str, group: pd.DataFrame, theme: Theme) -> Plot:
    from matplotlib import rc_context
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(theme.plots["width_inches"], theme.plots["height_inches"]), layout="constrained")
    ax = fig.add_subplot()
    subjects = []
    for subject, points in group.groupby("subject", sort=True):
        points = points.sort_values("when")
        ax.plot(points["when"], points["value"], marker="o", label=str(subject))
        subjects.append(str(subject))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: short_number(y)))
    ax.set_title(f"{metric} ({unit})")
    ax.set_ylabel(unit)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    buf = io.StringIO()
    with rc_context({"svg.hashsalt": "newsfacts"}):  # same input, same bytes: reports can be diffed
        fig.savefig(buf, format="svg", metadata={"Date": None})
    uri = "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue().encode("utf-8")).decode("ascii")
    return Plot(metric, unit, len(group), subjects, uri)
