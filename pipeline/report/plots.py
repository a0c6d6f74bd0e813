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


_INTERVAL = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def period_interval(period: object, start: object = None, end: object = None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(first day, last day) of a period: the table's own ``period_start``/``period_end`` when it has
    them, else read from the TIMEX3-style value (2024, 2024-11, 2024-11-03, 2024-Q2, 2024-H1, an ISO
    interval "2024-09-20/2024-12-20"). Why intervals: a year figure and a day figure on one axis are
    only comparable drawn as what they are (a year is not its 1 January)."""
    if start is not None and not pd.isna(start):
        first = pd.Timestamp(start)
        last = pd.Timestamp(end) if end is not None and not pd.isna(end) else first
        return first, max(first, last)
    if isinstance(period, str) and (m := _INTERVAL.match(period)):
        return pd.Timestamp(m[1]), pd.Timestamp(m[2])
    first = period_start(period)
    if first is None:
        return None
    m = _PERIOD.match(str(period))
    assert m is not None
    if m["m"]:
        last = first if len(str(period)) >= 10 else first + pd.offsets.MonthEnd(0)
    elif m["q"]:
        last = first + pd.offsets.MonthEnd(3)
    elif m["h"]:
        last = first + pd.offsets.MonthEnd(6)
    else:
        last = pd.Timestamp(year=first.year, month=12, day=31)
    return first, last


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
    """One row per plottable fact: subject, metric, unit label, period as an interval (``start``,
    ``end``; a fact dated only by its publication is that day), value (money in USD when known)."""
    cols = ["subject", "metric", "unit", "start", "end", "value", "article_id"]
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
        interval = period_interval(r["period"], r["period_start"], r["period_end"])
        if interval is None:
            day = published.get(r["article_id"])
            if day is None or pd.isna(day):
                continue
            interval = (pd.Timestamp(day), pd.Timestamp(day))
        subject = r["subject"] if not pd.isna(r["subject"]) else NO_SUBJECT
        rows.append([str(subject), str(r["metric"]), str(unit if not pd.isna(unit) else ""), *interval, float(value), r["article_id"]])
    return pd.DataFrame(rows, columns=cols)


def consolidated_series(tables: dict[str, pd.DataFrame], theme: Theme) -> pd.DataFrame:
    """One row per consolidated row with a period: subject, metric, unit label, interval, consensus
    value with its min and max (money in US$ where the row has ``value_usd``), status."""
    cols = ["subject", "metric", "unit", "start", "end", "value", "low", "high", "status", "consolidated_id"]
    frame = tables.get("consolidated")
    if frame is None or frame.empty:
        return pd.DataFrame(columns=cols)
    basis = float(theme.plots["rate_basis"])
    rows = []
    for r in frame.to_dict("records"):
        interval = period_interval(r["period"], r["period_start"], r["period_end"])
        if interval is None:
            continue
        value, unit, scale = float(r["value"]), r["unit"], 1.0
        if theme.plots.get("convert_money_to_usd") and not pd.isna(r["value_usd"]) and value:
            scale, unit = float(r["value_usd"]) / value, "USD"
        if not pd.isna(r["per_quantity"]) and r["per_quantity"]:
            scale *= basis / float(r["per_quantity"])
            unit = f"{unit} per {short_number(basis)} {r['per_unit'] or 'unit'}"
        subject = str(r["subject"] if not pd.isna(r["subject"]) else r["subject_id"])
        if r["modality"] != "actual":  # a plan is its own series: never one line with what was reported
            subject = f"{subject} ({r['modality']})"
        rows.append([subject, str(r["metric"]), str(unit if not pd.isna(unit) else ""), *interval, value * scale,
                     float(r["value_min"]) * scale, float(r["value_max"]) * scale, str(r["status"]), str(r["consolidated_id"])])
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
    """One plot per (metric, unit), one line per subject, sorted by metric. A ``status`` column (the
    consolidated series) marks conflicts; a ``low``/``high`` pair draws the sources' spread."""
    plots = []
    if series.empty:
        return plots
    for (metric, unit), group in series.groupby(["metric", "unit"], sort=True):
        plots.append(_draw(str(metric), str(unit), group, theme))
    return plots


def _midpoint(points: pd.DataFrame) -> pd.Series:
    return points["start"] + (points["end"] - points["start"]) / 2


def _pad_dates(ax, group: pd.DataFrame, days: int = 30) -> None:  # noqa: ANN001 - a matplotlib Axes
    """A date axis at least ``days`` wide around the periods: one day alone would otherwise get
    matplotlib's default of several years, a few days hours as ticks."""
    first, last = group["start"].min(), group["end"].max()
    if (last - first) < pd.Timedelta(days=days):
        middle = first + (last - first) / 2
        ax.set_xlim(middle - pd.Timedelta(days=days / 2), middle + pd.Timedelta(days=days / 2))


def _draw(metric: str, unit: str, group: pd.DataFrame, theme: Theme) -> Plot:
    from matplotlib import rc_context
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(theme.plots["width_inches"], theme.plots["height_inches"]), layout="constrained")
    ax = fig.add_subplot()
    subjects = []
    conflict_style = theme.plots.get("conflict") or {}
    for subject, points in group.groupby("subject", sort=True):
        points = points.sort_values(["start", "end"])
        middle = _midpoint(points)
        # a consolidated series has one value per period: a line; facts are separate statements: points only
        (line,) = ax.plot(middle, points["value"], marker="o", markersize=4, linewidth=1 if "status" in points else 0, label=str(subject))
        # each period as the interval it is: a year is a bar across the year, a day a point
        ax.hlines(points["value"], points["start"], points["end"], colors=line.get_color(), linewidth=4, alpha=0.6)
        if "low" in points:
            spread = points[points["high"] > points["low"]]
            ax.vlines(_midpoint(spread), spread["low"], spread["high"], colors=line.get_color(), linewidth=1, linestyles="dotted")
        if "status" in points:
            bad = points[points["status"] == "conflict"]
            if not bad.empty:
                ax.scatter(_midpoint(bad), bad["value"], marker=conflict_style.get("marker", "X"), s=conflict_style.get("size", 90),
                           color=conflict_style.get("color", "#d62828"), zorder=5, label=None)
        subjects.append(str(subject))
    if "status" in group and (group["status"] == "conflict").any():
        ax.scatter([], [], marker=conflict_style.get("marker", "X"), color=conflict_style.get("color", "#d62828"), label="conflict")
    _pad_dates(ax, group)
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
