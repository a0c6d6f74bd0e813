"""When a fact holds: the date closest in the parse within the sentence, else the latest date earlier
in the paragraph, else the publication date (``source`` says which). Comparison baselines ("a year
earlier", "compared with 2023") are never a fact's period.
"""

from __future__ import annotations

import re
from datetime import date

from itertools import chain, islice

from spacy.tokens import Doc, Span, Token

from pipeline.extract.fiscal import FiscalCalendar, resolve_fiscal
from pipeline.facts.config import FactRules
from pipeline.facts.discourse import containing
from pipeline.facts.metric import word_metric
from pipeline.facts.records import Period

#: how far up the tree the distance between a number and a date is looked for, and how many of the
#: sentence's dates (nearest in the text first) are ranked: bounds that real sentences never reach,
#: so a run-on "sentence" of thousands of words stays linear
TREE_DEPTH = 64
PERIOD_CANDIDATES = 12


def _tree_distance(a: Token, b: Token) -> int:
    index_a = {t.i: k for k, t in enumerate(islice(chain((a,), a.ancestors), TREE_DEPTH))}
    for k, t in enumerate(islice(chain((b,), b.ancestors), TREE_DEPTH)):
        if t.i in index_a:
            return k + index_a[t.i]
    return 10_000


def _meeting_depth(a: Token, b: Token) -> int:
    """How many steps up from ``a`` its path meets the path up from ``b``: the lower the meeting point, the more the
    date ``b`` belongs to the amount ``a``'s own clause ("said on Thursday that it averaged 121 million daily active users
    in the first three months of 2026": the months meet the amount at "averaged", the day only at "said")."""
    index_b = {t.i for t in islice(chain((b,), b.ancestors), TREE_DEPTH)}
    for k, t in enumerate(islice(chain((a,), a.ancestors), TREE_DEPTH)):
        if t.i in index_b:
            return k
    return 10_000


def _date_root(doc: Doc, row: dict) -> Token | None:
    """The parse root of a dates-table row's words (None when they cover no token): where the date hangs in the
    sentence, for ``_meeting_depth`` and ``_of_another_thing``."""
    date_span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
    return date_span.root if date_span is not None and len(date_span) > 0 else None


def _clause_below(top: Token, low: Token, fr: FactRules) -> bool:
    """Is there, on the way from ``low`` up to its ancestor ``top``, a verb with a subject of its own ("which is
    estimated to cost at least $400 billion": a clause of its own under the noun)?"""
    for tok in islice(chain((low,), low.ancestors), TREE_DEPTH):
        if tok.i == top.i:
            return False
        if tok.tag_.startswith("VB") and any(c.dep_ in fr.subject_deps for c in tok.children):
            return True
    return False


def _of_another_thing(amount: Token, when: Token, fr: FactRules, reporting: bool = False,
                      earlier: frozenset[int] = frozenset()) -> bool:
    """'... after trading remained suspended following a court-ordered liquidation in January 2024, with
    the company owing more than US$300 billion': a date that dates another noun of the sentence (the
    liquidation) is not the amount's period. The path from the date up to the amount's clause may pass
    prepositions, verbs without a subject of their own ("the deal, announced in March, ..."), time nouns
    ("the quarter ended Sept. 30") and the clause's subject ("sales in 2024 rose to $5 billion"), but no
    other noun and no other clause. With ``reporting`` (the date is a reporting period and the amount a result) a noun
    of a result's metric right under the amount's path is passed too ("reported a third-quarter profit before tax of
    $1.7 billion on Thursday", where the parse hangs the amount from "tax": the quarter dates the profit the amount is;
    not "had set aside $1.2 billion ... and reported a net loss of $310 million for the fourth quarter"). Two clauses that meet at a noun
    are two things ("the country accumulated throughout its civil war from 2011, ..., which is estimated to cost at
    least $400 billion": the war's year is not the estimate's), when the amount's clause has a subject of its own.
    A clause of ``own_clause_deps`` under the amount or the noun it counts (``measured_noun_deps``) is the amount's own
    ("the fourteen dollars we're seeing today", "the 33.7 million customers whose personal data was leaked last year"). A
    date under the earlier value of a change (``earlier``: token ids of those values' roots), or under the preposition
    that governs it, is that value's ("spent about £370 million in the window, down from £815 million in January
    2023": January 2023 is not the £370 million's)."""
    above = {t.i for t in islice(chain((amount,), amount.ancestors), TREE_DEPTH)}
    own = {amount.i, amount.head.i} if amount.dep_ in fr.measured_noun_deps and amount.head.tag_ in fr.common_noun_tags else {amount.i}
    node = when
    for _ in range(TREE_DEPTH):
        if node.i in above:
            return False
        if node.head.i == node.i:
            return False
        parent = node.head
        if earlier and parent.i not in above and (parent.i in earlier or any(
                c.i in earlier for c in parent.children if c.dep_ in fr.earlier_value_deps)):
            return True
        if parent.i in above:
            return (parent.tag_ in fr.common_noun_tags and node.tag_.startswith("VB") and node.dep_ in fr.nested_aside_deps
                    and _clause_below(parent, amount, fr))
        if parent.tag_ in fr.common_noun_tags and parent.lower_ not in fr.time_nouns and not (
            parent.dep_ in fr.subject_deps and parent.head.i in above
        ) and not (reporting and parent.head.i in above and word_metric(parent, fr) in fr.lede_metrics):
            return True
        if parent.tag_.startswith("VB") and any(c.dep_ in fr.subject_deps for c in parent.children) and not (
                parent.dep_ in fr.own_clause_deps and parent.head.i in own):
            return True  # "after trading remained suspended ... in January 2024": another clause's event
        if parent.tag_.startswith("VB") and parent.dep_ in fr.event_clause_deps:
            return True  # "fined ... for abusing its position from April 2023": the abuse's dates
        node = parent
    return False


def _dates_another_thing(span: Span, row: dict, fr: FactRules, results: bool = False, earlier: frozenset[int] = frozenset()) -> bool:
    """``results``: the amount is of a metric a reporting period dates (a date of ``lede_values`` may then date it
    through the noun of its metric)."""
    root = _date_root(span.doc, row)
    reporting = results and fr.lede_values.fullmatch(str(row.get("value"))) is not None
    return root is not None and _of_another_thing(span.root, root, fr, reporting, earlier)


def opens_sentence(text: str, begins: int, fr: FactRules) -> bool:
    """Does the date phrase at ``begins`` open its sentence after a preposition ("For the nine months, Norton had net",
    "For the quarter a year ago, Columbia reported": ``year_to_date_with_lede_before``, searched in the
    ``year_to_date_with_lede_window`` characters before it)? Such a phrase frames the sentence's amounts."""
    return fr.year_to_date_with_lede_before.search(text[max(0, begins - fr.year_to_date_with_lede_window) : begins]) is not None


def _usable_date(row: dict, text: str, fr: FactRules) -> bool:
    value = row.get("value")
    if not row["start"] < row["end"]:  # an empty or reversed span dates nothing (and spaCy cannot slice it)
        return False
    if row.get("type") not in fr.date_types or not value or fr.skip_values.fullmatch(str(value)):
        return False
    if row.get("type") in ("duration", "time") and row.get("start_date") is None:
        return False
    before = text[max(0, row["start"] - fr.baseline_window) : row["start"]]
    first = text[row["start"] : row["start"] + 1]
    if (first.isdigit() or first.isupper()) and fr.maturity_before.search(before):
        return False  # "$100 million of senior notes due Nov. 1, 2009": a debt's maturity, no fact's period
    after = text[row["end"] : row["end"] + fr.baseline_window]
    words = text[row["start"] : row["end"]].split()
    last_word = words[-1] if words else ""
    if fr.baseline_after.match(last_word) and fr.lede_values.fullmatch(str(value)) and opens_sentence(text, row["start"], fr):
        # "For the quarter a year ago, Columbia reported earnings of $16.3 million": a reporting period of the year
        # before (the dates stage read it so: 1988-Q3) that opens its sentence frames it, no comparison baseline
        return True
    # "a shortfall of about €240 million this year after several governments cut their aid budgets": a date anchored by
    # its own first word (``self_anchored_dates``) counts no time from anything, and the word after it opens a clause
    counted = not fr.self_anchored_dates.match(text, row["start"])
    return not (fr.baseline_before.search(before) or (counted and fr.baseline_after.match(after)) or fr.baseline_after.match(last_word))


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def date_period(row: dict, source: str) -> Period:
    """The period written for a date mention (tests/gold/README.md, "Fact periods"): its value, or for
    a duration the ISO interval it resolves to ("the past three months" -> 2024-09-20/2024-12-20)."""
    value, start, end = str(row["value"]), row.get("start_date"), row.get("end_date")
    if row.get("type") == "time" and start is not None:  # "at 7:37 p.m.", "Sunday morning": the day it is of
        return Period(start.isoformat(), start, start, source)
    if row.get("type") == "duration" and start is not None and end is not None:
        return Period(f"{start.isoformat()}/{end.isoformat()}", start, end, source)
    return Period(value, start, end, source)


def _published(published: date | None, fr: FactRules) -> Period:
    if published is None:
        return Period(None, None, None, None)
    if fr.published_granularity == "year":
        return Period(str(published.year), date(published.year, 1, 1), date(published.year, 12, 31), "published_date")
    if fr.published_granularity == "month":
        return Period(published.strftime("%Y-%m"), published.replace(day=1), _month_end(published.year, published.month), "published_date")
    return Period(published.isoformat(), published, published, "published_date")


def usable_dates(dates: list[dict], text: str, fr: FactRules) -> list[dict]:
    """The article's dates that can be a fact's period (not a comparison baseline, not vague): decided
    once per article, not once per number."""
    return [d for d in dates if _usable_date(d, text, fr)]


def _since(span: Span, row: dict, fr: FactRules, text: str) -> bool:
    """Is the date the start of a change ("the highest since 2022", ``level_baseline_before``), with the amount outside
    its phrase ("since August, when they traded at about $10" keeps August)?"""
    if not fr.level_baseline_before.search(text, max(0, row["start"] - fr.baseline_window), row["start"]):
        return False
    date_span = span.doc.char_span(row["start"], row["end"], alignment_mode="expand")
    return date_span is None or not any(t.i == date_span.root.i for t in span.root.ancestors)


def find_period(
    span: Span, usable: list[dict], paras: list[tuple[int, int]], published: date | None, fr: FactRules, text: str | None = None,
    sent: Span | None = None, lede: dict | None | bool = False, results: bool = False, point: bool = False,
    earlier: frozenset[int] = frozenset(),
) -> Period:
    """``usable`` comes from ``usable_dates``; ``text`` is ``span.doc.text`` and ``sent`` the number's
    sentence when the caller has them (both cost a walk over the sentence to compute); ``lede`` is
    ``lede_period(usable, paras, fr)`` when the caller computed it once for the article; ``results``: the
    amount is of a metric a reporting period dates (``lede_metrics``); ``point``: of a level at a moment
    (``point_metrics``), which a date after ``level_baseline_before`` ("the highest since 2022") does not date;
    ``earlier``: token ids of the roots of the article's earlier values of changes (``earlier_value_roots``)."""
    doc = span.doc
    sent = span.sent if sent is None else sent
    in_sent = [d for d in usable if sent.start_char <= d["start"] and d["end"] <= sent.end_char]
    if len(in_sent) > PERIOD_CANDIDATES:
        in_sent = sorted(in_sent, key=lambda d: (abs(d["start"] - span.start_char), d["start"]))[:PERIOD_CANDIDATES]
    in_sent = [d for d in in_sent if not _dates_another_thing(span, d, fr, results, earlier)
               and not (point and _since(span, d, fr, text if text is not None else doc.text))]
    if in_sent:

        roots = {id(d): _date_root(doc, d) for d in in_sent}
        meets = {k: _meeting_depth(span.root, r) if r is not None else 10_000 for k, r in roots.items()}
        lowest = min(meets.values())

        def rank(d: dict) -> tuple[bool, bool, int, int]:
            root = roots[id(d)]
            tree = _tree_distance(span.root, root) if root is not None else 10_000
            # a result is of the reporting period its sentence names, not of the day it was announced
            # ("reported ... profit to $7.3 billion for the third quarter on Tuesday")
            day_of_a_result = results and d.get("granularity") == "day" and any(
                fr.lede_values.fullmatch(str(o.get("value"))) for o in in_sent)
            # ... and so is a flow (no level at a moment) of the year or reporting period that meets it as low as the day
            # ("on Tuesday approved an extra €10.5 billion for defence and security this year", "on Wednesday presented a
            # budget of 4.2 trillion shillings for the 2025/26 fiscal year")
            day_of_a_result = day_of_a_result or (not point and d.get("granularity") == "day" and any(
                meets[id(o)] <= meets[id(d)] and (fr.lede_values.fullmatch(str(o.get("value")))
                                                  or fr.year_values.fullmatch(str(o.get("value")))) for o in in_sent))
            # a day that meets the amount's path only above a date that meets it lower is the day the amount was told
            # ("said on Thursday that it averaged 121 million daily active users in the first three months of 2026",
            # "reported on Tuesday a return of 2.5 trillion kroner for 2025"), not the time it is of
            told = d.get("granularity") == "day" and meets[id(d)] > lowest
            return day_of_a_result, told, tree, abs(d["start"] - span.start_char)

        return date_period(min(in_sent, key=rank), "sentence")
    p_start, _ = containing(paras, sent.start_char)
    prior = [d for d in usable if p_start <= d["start"] and d["end"] <= sent.start_char and d.get("type") in fr.paragraph_date_types]
    if prior:
        return date_period(max(prior, key=lambda d: d["start"]), "paragraph")
    if lede is False:
        lede = lede_period(usable, paras, fr)
    if isinstance(lede, dict) and lede["start"] < sent.start_char:
        return date_period(lede, "lede")
    return _published(published, fr)


def earlier_value_roots(doc: Doc, changes: list[dict]) -> frozenset[int]:
    """Token ids of the roots of the earlier values of the changes table's statements ("down from £815 million")."""
    out = set()
    for c in changes:
        if c.get("from_start") is None or c.get("from_end") is None or c.get("to_start") is None:
            continue
        earlier = doc.char_span(c["from_start"], c["from_end"], alignment_mode="expand")
        if earlier is not None and len(earlier) > 0:
            out.add(earlier.root.i)
    return frozenset(out)


def not_yet_reported(span: Span, text: str, fr: FactRules) -> bool:
    """Is the amount still to come or a rate of time, and so of no reporting period the lede names? Its verb (the
    first verb above it, or the verb that one completes: "will have to pay") carries a modal of ``future_auxiliaries``
    ("The tax payments will leave Unisys with $225 million in loss carry-forwards"), or a rate of time follows it
    (``time_rate_after``: "must pay about $100 million in interest every quarter", "$33 million a year")."""
    if fr.time_rate_after.match(text, span.end_char):
        return True
    verb = next((t for t in islice(span.root.ancestors, TREE_DEPTH) if t.tag_.startswith("VB")), None)
    for _ in range(TREE_DEPTH):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in fr.future_auxiliaries for c in verb.children):
            return True
        verb = verb.head if verb.dep_ in fr.controlled_deps and verb.head.tag_.startswith("VB") else None
    return False


def year_before(period: Period, span_end: int, text: str, fr: FactRules, sent: Span | None = None,
                claimed: tuple[tuple[int, int], ...] = ()) -> Period:
    """The same reporting period (``year_ago_values``, with an interval) of an earlier year, when the text says so
    (a plain year, ``year_values``, only by a phrase of ``year_ago_year_after``, which names no date of its own):
    - an amount followed right away (after an optional per-share restatement) by a year-ago phrase
      (``year_ago_after``: "compared with $84.9 million, or $1.24 a share, a year earlier"), or by "in the
      1988 period" (its group ``year``: that year);
    - an amount whose period came from its paragraph or the lede (its sentence names no date of its own)
      in a sentence that names the year-ago period (``year_ago_sentence``: "In the year-earlier period,
      the company had net of $77.2 million"), unless that phrase is the one right after another amount (``claimed``,
      from ``claimed_year_ago``: "revenue inched up 3.7% in the quarter to $2.35 billion from $2.27 billion in the
      year-earlier quarter, had an operating loss of about $30 million": only $2.27 billion is of the year before)."""
    if period.value is not None and fr.year_values.fullmatch(period.value) and fr.year_ago_year_after.match(text, span_end):
        year = int(period.value) - 1  # "compared with a loss of €532 million a year earlier" in a sentence of 2024
        return Period(str(year), date(year, 1, 1), date(year, 12, 31), period.source)
    if period.value is None or period.start is None or period.end is None or not fr.year_ago_values.fullmatch(period.value):
        return period
    after = fr.year_ago_after.match(text, span_end)
    if after is not None:
        named = after.groupdict().get("year")
        years = period.start.year - int(named) if named else 1
        return year_earlier(period, fr, years) if years > 0 else period
    if sent is not None and period.source in ("paragraph", "lede") and any(
            not any(a <= m.start() and m.end() <= b for a, b in claimed)
            for m in fr.year_ago_sentence.finditer(text, sent.start_char, sent.end_char)):
        return year_earlier(period, fr)
    return period


def of_a_year_ago_noun(span: Span, text: str, fr: FactRules) -> bool:
    """Is the amount of a noun a year-ago modifier (``year_ago_modifier``, among the noun's words before it) dates: a noun
    the amount quantifies on its way up to its verb, or that verb's subject ("Year-earlier results included an
    extraordinary gain of $1.6 million", "compared with year-earlier profit of $3.8 million")?"""
    for tok in islice(span.root.ancestors, TREE_DEPTH):
        if tok.tag_.startswith("VB"):
            return any(fr.year_ago_modifier.search(text, c.left_edge.idx, c.idx) for c in tok.children if c.dep_ in fr.subject_deps)
        if tok.tag_ in fr.common_noun_tags and fr.year_ago_modifier.search(text, tok.left_edge.idx, tok.idx):
            return True
    return False


def claimed_year_ago(amounts: list[dict], text: str, fr: FactRules) -> tuple[tuple[int, int], ...]:
    """The spans of the year-ago phrases right after an amount (``year_ago_after``: "from $2.27 billion in the
    year-earlier quarter"): each says that amount is of the year before, not the other amounts of its sentence."""
    out = []
    for row in amounts:
        end = row.get("end")
        after = fr.year_ago_after.match(text, end) if isinstance(end, int) else None
        if after is not None:
            out.append(after.span())
    return tuple(out)


def year_ago_dates(usable: list[dict], amounts: list[dict], text: str, fr: FactRules) -> dict[int, int]:
    """id of each date inside the year-ago phrase right after an amount (``year_ago_after``: "from $504.2
    million, or $4.41 a share, last year") -> that amount's end: the date dates that comparison, never
    another amount of the sentence ("net rose 4.3% to $525.8 million ... from $504.2 million ... last year")."""
    out: dict[int, int] = {}
    if not usable:
        return out
    for row in amounts:
        end = row.get("end")
        if not isinstance(end, int):
            continue
        after = fr.year_ago_after.match(text, end)
        if after is None:
            continue
        for d in usable:
            if after.start() <= d["start"] and d["end"] <= after.end():
                out[id(d)] = end
    return out


def running_period_of_year_ago(
    period: Period, span: Span, span_end: int, usable: list[dict], paras: list[tuple[int, int]], published: date | None,
    text: str, sent: Span, lede: dict | None, fr: FactRules,
) -> Period:
    """'... compared with earnings of $33 million last year' in a quarter's report: when the year-ago phrase
    right after the amount (``year_ago_after``) holds a date ("last year", "1988") and the period found is
    that date, the amount's period is found again without it; if that is a reporting period
    (``lede_values``), it is returned (``year_before`` then moves it to the year said). Otherwise, as in
    "revenue of $5 million last year" in an article that runs no reporting period, the date stands."""
    after = fr.year_ago_after.match(text, span_end)
    if after is None:
        return period
    if not (period.value is not None and fr.lede_values.fullmatch(period.value)):
        # "Crossland reported a third-quarter loss of $175.5 million, compared with net income of $27.1
        # million a year ago": the comparison is of the reporting period its sentence named before it, even
        # where that date dates the other amount's noun
        # (or a plain year, when the phrase names no date of its own: "reported ... profit of €2.1 billion for 2025, up
        # from €1.6 billion a year earlier")
        plain_year = fr.year_ago_year_after.match(text, span_end) is not None
        named = [d for d in usable if sent.start_char <= d["start"] and d["end"] <= span.start_char
                 and (fr.lede_values.fullmatch(str(d.get("value"))) or (plain_year and fr.year_values.fullmatch(str(d.get("value")))))]
        if named:
            return date_period(max(named, key=lambda d: d["start"]), "sentence")
    if period.source != "sentence":
        return period
    inside = [d for d in usable if after.start() <= d["start"] and d["end"] <= after.end()]
    if not inside:
        return period
    rest = [d for d in usable if not any(d is x for x in inside)]
    running = find_period(span, rest, paras, published, fr, text, sent, lede)
    if running.value is not None and fr.lede_values.fullmatch(running.value):
        return running
    return period


def year_earlier(period: Period, fr: FactRules, years: int = 1) -> Period:
    """The same reporting period (``year_ago_values``) ``years`` before; any other period unchanged."""
    if period.value is None or period.start is None or period.end is None or not fr.year_ago_values.fullmatch(period.value):
        return period
    value = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) - years), period.value)
    try:
        start = period.start.replace(year=period.start.year - years)
        end = period.end
        for _ in range(years):
            end = _same_day_a_year_before(end)
    except ValueError:
        return period
    return Period(value, start, end, period.source)


def year_to_date(rows: list[dict], text: str, published: date | None, paras: list[tuple[int, int]], fr: FactRules) -> list[dict]:
    """'In the first nine months, net was $306 million': a duration of a year's first months (``year_to_date``,
    or with a reporting-period lede ``year_to_date_with_lede``: "For the nine months") becomes, for the facts,
    a date of those months of the latest year whose last month had ended by publication (1989-01/1989-09 for
    an article of 1989-10-26). The dates table keeps the duration; only the facts' copy changes."""
    if published is None:
        return rows
    lede = None
    out = []
    for row in rows:
        match = _MONTHS.fullmatch(str(row.get("value") or ""))
        if match is None or row.get("type") != "duration" or row.get("start_date") is not None:
            out.append(row)
            continue
        months = int(match.group(1))
        words, begins = text[row["start"] : row["end"]], row["start"]
        if text[max(0, begins - 4) : begins].lower() == "the ":  # "For the nine months": the article is outside the span
            words, begins = "the " + words, begins - 4
        if not 1 <= months <= 11:
            out.append(row)
            continue
        if not fr.year_to_date.fullmatch(words):
            if lede is None:
                lede = lede_period(usable_dates(rows, text, fr), paras, fr) or {}
            if not (lede and opens_sentence(text, begins, fr) and fr.year_to_date_with_lede.fullmatch(words)):
                out.append(row)
                continue
        year = published.year if _month_end(published.year, months) <= published else published.year - 1
        value = f"{year}-01/{year}-{months:02d}"
        out.append({**row, "type": "date", "value": value, "start_date": date(year, 1, 1), "end_date": _month_end(year, months)})
    return out


_MONTHS = re.compile(r"P(\d+)M")


def _same_day_a_year_before(d: date) -> date:
    """The same calendar day a year before; a period ending February 29 ends on the 28th."""
    return d.replace(year=d.year - 1, day=min(d.day, 28)) if (d.month, d.day) == (2, 29) else d.replace(year=d.year - 1)


def lede_period(usable: list[dict], paras: list[tuple[int, int]], fr: FactRules) -> dict | None:
    """The reporting period the article's first paragraph names ("Ralston Purina Co. reported a 47% decline
    in fourth-quarter earnings"): an earnings story's later figures are of that period unless their own
    sentence or paragraph names another. Only a period of `lede_values` (a quarter, a half, a fiscal
    year): a day or a month in a lede dates an event, not the figures that follow."""
    first = next(((s, e) for s, e in paras if e - s > 1), None)
    if first is None:
        return None
    return next((d for d in usable if first[0] <= d["start"] and d["end"] <= first[1] and fr.lede_values.fullmatch(str(d.get("value")))), None)


def on_subject_calendar(period: Period, subject_id: str | None, owners: dict[str, str], companies: dict) -> Period:
    """A fiscal period the dates stage could not place (its calendar unknown there) placed on the
    fiscal calendar of the fact's own subject (or its owner), when rules/fiscal_calendars.yaml has it."""
    if period.value is None or not str(period.value).startswith("FY") or period.start is not None or not subject_id:
        return period
    return _placed_on(period, companies.get(subject_id) or companies.get(owners.get(subject_id, "")))


def on_stated_calendar(period: Period, calendar: FiscalCalendar | None) -> Period:
    """A fiscal period still unplaced, placed on the calendar the article states for the fact's subject
    (``CalendarChooser.stated_for``: "the fiscal year ending June 30" said of it)."""
    return _placed_on(period, calendar)


def _placed_on(period: Period, calendar: FiscalCalendar | None) -> Period:
    """``period`` with the interval ``calendar`` gives it, when it is a fiscal period (``FY...``) no stage has placed
    and the calendar knows its year end and naming; else ``period`` as it was (never a guess)."""
    if calendar is None or period.value is None or not str(period.value).startswith("FY") or period.start is not None:
        return period
    start, end = resolve_fiscal(period.value, calendar.fiscal_year_end, calendar.named_for)
    return Period(period.value, start, end, period.source) if start is not None else period
