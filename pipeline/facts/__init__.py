"""Facts: join each money / user-count / quantity mention to its subject, metric and period.

Why a separate stage: the mention tables say *what* a number is ("59.98 million MAU"); analysts ask
*whose* and *when* ("Doubao's MAU in November 2024"). The steps are pure functions, one module each:

- ``identity``   the article's subject candidates (gazetteer + NER) and their keys
- ``subject``    the parse rules that find whose number it is (``discourse`` for "the company", "It")
- ``metric``     what the number measures
- ``period``     when: the sentence's date, else the paragraph's, else the publication date
- ``confidence`` how far to trust the row

When no rule applies the fact keeps ``subject`` null with low confidence: we never attach a number
to the nearest name by guess. Cue words, patterns and weights live in rules/facts.yaml.
"""

from __future__ import annotations

import hashlib
from itertools import islice

from spacy.tokens import Doc, Span

from pipeline.extract import Context, doc_text
from pipeline.facts.candidates import Scene, variant_owner_map, without_non_names
from pipeline.facts.config import FactRules, compile_fact_rules, fact_rules
from pipeline.facts.confidence import confidence
from pipeline.facts.discourse import paragraphs
from pipeline.facts.gapped import gapped_items, item_growth, item_metric, item_subject, item_words, names_something
from pipeline.facts.identity import EntityIndex, build_index, entity_rows, label_of_id
from pipeline.facts.metric import at_auction, borrowed_by_state, describe, for_a_person, listed_other, names_what_it_is, not_for_profit, passive_verb
from pipeline.extract.changes import change_for
from pipeline.extract.entities import gazetteer_owner
from pipeline.extract.fiscal import CalendarChooser, calendars
from pipeline.facts.period import (
    claimed_year_ago,
    date_period,
    earlier_value_roots,
    find_period,
    lede_period,
    not_yet_reported,
    of_a_year_ago_noun,
    on_stated_calendar,
    on_subject_calendar,
    running_period_of_year_ago,
    usable_dates,
    year_ago_dates,
    year_before,
    year_earlier,
    year_to_date,
)
from pipeline.facts.discourse import article_topic, fitting, headline_topic, paragraph_topic, person_lent_across, recent_topic, sentence_actor, sentence_entity
from pipeline.facts.records import AMBIGUOUS, JOINT_RULE, NO_SUBJECT, OTHER_METRIC, Entity, Period, Subject
from pipeline.facts.subject import common_owner, generic_actor, group_named, in_sentence, of_another_party, respectively, said_by_us
from pipeline.nlp import word_class

__all__ = ["SOURCE_TABLES", "FactRules", "compile_fact_rules", "date_period", "describe", "extract", "fact_id", "paragraphs"]

#: rows of these tables become facts, in this order
SOURCE_TABLES = ("money", "user_counts", "quantities")


def fact_id(article_id: str, start: int, end: int, metric: str, subject_key: str | None) -> str:
    """Stable id of a fact: its article, raw span, metric and subject (id, else name)."""
    key = f"{article_id}|{start}|{end}|{metric}|{subject_key or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _evidence(sent: Span, text: str) -> tuple[int, int]:
    """The sentence's span without surrounding whitespace (sliced from the article text read once:
    ``Span.text`` re-joins its tokens on every access)."""
    chunk = text[sent.start_char : sent.end_char]
    start = sent.start_char + (len(chunk) - len(chunk.lstrip()))
    end = sent.start_char + len(chunk.rstrip())
    return start, max(start, end)


#: tried in this order when no clause rule finds a subject (rules/facts.yaml confidence says how far each is trusted)
FALLBACKS = (sentence_entity, recent_topic, paragraph_topic, headline_topic, article_topic, sentence_actor)


def publisher_names(source: str | None, url: str | None) -> frozenset[str]:
    """Lowercased names the publisher goes by: the manifest's ``source`` and the site name of its URL
    ("https://en.wikinews.org/wiki/..." -> wikinews)."""
    from urllib.parse import urlsplit

    names = {source.strip().lower()} if source and source.strip() else set()
    host = urlsplit(url).hostname if url else None
    labels = [p for p in (host or "").split(".") if p]  # the label before the top-level domain
    if len(labels) >= 2:
        names.add(labels[-2])
    return frozenset(names)


def number_rooted(span: Span, fr: FactRules) -> Span:
    """The amount's span cut to its number's own words when the parse hangs the span from a currency
    word it read as a verb ("19.2 trillion won" with "won"/VBD heading a clause of its own): the rules
    climb from the span's root, and a misread "won" would hand them the wrong clause."""
    if word_class(span.root, fr.word_classes) != "verb":
        return span
    numbers = [t for t in span if t.tag_ in fr.number_tags and not (span.start <= t.head.i < span.end)]
    if not numbers:
        return span
    inside = [t.i for t in numbers[0].subtree if span.start <= t.i < span.end]
    return span.doc[min(inside) : max(inside) + 1]


def said_of_several(span: Span, fr: FactRules) -> bool:
    """'combined expenditures approximating ¥100 billion': the number is a total over several."""
    node = span.root
    for _ in range(fr.governor_depth):
        if node.lower_ in fr.collective_words or any(c.lower_ in fr.collective_words for c in islice(node.children, 64)):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def restates(span: Span, metric_of_amount: dict[int, str], fr: FactRules) -> str | None:
    """The metric of the amount this one restates ("net of $45.2 million, or 65 cents a share"; "4.7
    billion francs, or $754 million"): an amount joined by "or" to an earlier amount measures the same
    thing, whatever its own rate word says."""
    root = span.root
    if root.dep_ != "conj" or root.head.i not in metric_of_amount:
        return None
    if not any(c.dep_ == "cc" and c.lower_ in fr.restating_conjunctions for c in root.head.children):
        return None
    return metric_of_amount[root.head.i]


def _no_person(ent: Entity) -> bool:
    """Not a person: neither this mention's label nor the one its id was made from ("Mbadi" of "John Mbadi")."""
    return "PERSON" not in (ent.label, label_of_id(ent.id))


def _anyone(ent: Entity) -> bool:
    return True


def attach(scene: Scene, span: Span, person_free: bool = False, metric: str | None = None, metric_text: str | None = None) -> Subject:
    """The clause's subject by the parse rules; when they find none, the fallbacks beyond the clause in
    order (the sentence's only entity, the latest earlier sentence's topic, the paragraph's, the headline's
    actor, the article's). A number no person owns (``person_free``: a company's kind of metric, a user
    count) or one a "we" says is never lent a person from beyond its clause."""
    if said_of_several(span, scene.fr):  # a total over several: theirs together when they are named as one coordination
        joint = in_sentence(scene, span)  # ("Mastercard and Visa are ordered to pay a combined £1.1 billion"), else the
        return joint if joint.rule == JOINT_RULE else (   # group one name classifies ("Premier League clubs together
            group_named(scene, span) or Subject(None, None, None, AMBIGUOUS, 0, source=None))  # spent"), else no one's
    subject = respectively(scene, span) or in_sentence(scene, span, metric in scene.fr.own_clause_metrics)
    if subject.name is not None or subject.rule != NO_SUBJECT:
        return subject
    if of_another_party(scene, span):  # "its creator ... is reported to earn": not the topic's
        return subject
    if generic_actor(scene, span):  # "A buyer ... faces a monthly payment of about $2,200": the buyer's, not the topic's
        return subject
    owned = common_owner(scene, span)  # "Average hourly earnings of production ... employees rose 4 cents": theirs
    if owned is not None:
        return owned
    sent = scene.sentence(span.start)
    eligible = _no_person if person_free or said_by_us(span, scene.fr) else _anyone
    lendable = fitting(scene.fr, eligible, metric)  # a lent topic can own the amount's metric
    for fallback in FALLBACKS:
        found = fallback(scene, sent, eligible if fallback in (sentence_entity, sentence_actor) else lendable)
        if found is not None and person_lent_across(scene.fr, found, metric, metric_text):
            return Subject(found.name, found.id, found.text, found.rule, subject.climbs, found.gazetteer, found.source)
    return subject


def _fact_row(row: dict, subject: Subject, described: tuple, period: Period, change: tuple | None,
              evidence: tuple[int, int], fr: FactRules) -> dict:
    """One row of the facts table (its columns are documented in extracted/README.md)."""
    metric, value, unit, metric_text = described
    return {
        "start": row["start"],
        "end": row["end"],
        "subject": subject.name,
        "subject_id": subject.id,
        "subject_text": subject.text,
        "subject_source": subject.source if subject.name is not None else None,
        "metric": metric,
        "metric_text": metric_text,
        "value": value,
        "unit": unit,
        "qualifier": row.get("qualifier") or "exact",
        "per_quantity": row.get("per_quantity"),
        "per_unit": row.get("per_unit"),
        "period": period.value,
        "period_start": period.start,
        "period_end": period.end,
        "period_source": period.source,
        "change_from": change[0] if change else None,
        "change_pct": change[1] if change else None,
        "evidence_start": evidence[0],
        "evidence_end": evidence[1],
        "confidence": confidence(subject, period, fr),
        "rule": subject.rule,
    }


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One fact per money / user-count / quantity mention whose metric is clear."""
    fr = fact_rules(ctx.rules)
    text = doc_text(doc)  # read once per Doc (the stages share it): Doc.text re-joins every token
    numbers = [(r["start"], r["end"]) for t in SOURCE_TABLES for r in found.get(t, ()) if r.get("start") is not None and r.get("end") is not None]
    publisher = publisher_names(ctx.source, ctx.url)
    index = without_non_names(doc, build_index(doc, text, ctx, entity_rows(doc, ctx, found), fr, numbers),
                              ctx.settings.model, publisher, fr)
    paras = paragraphs(text)
    sents = tuple(doc.sents)
    amounts = tuple(sorted((r["start"], r["end"]) for t in ("money", "user_counts") for r in found.get(t, ())
                           if r.get("start") is not None and r.get("end") is not None and r.get("equivalent_of") is None))
    scene = Scene(doc, text, index, fr, paras, variant_owner_map(doc, index, fr), sents, tuple(s.start for s in sents),
                  title=ctx.title or "", amounts=amounts, publisher=publisher)
    owners, fiscal = gazetteer_owner(ctx.rules), calendars(ctx.rules)
    stated: CalendarChooser | None = None  # the fiscal calendars the article states, read on the first unplaced fiscal period
    changes = list(found.get("changes", ()))
    items = gapped_items(changes) if changes else {}  # "..., profit 8% to $900 million and WTI 1.5% to $76"
    done: dict[tuple[int, int], dict] = {}  # span -> fact row, for a gapped item that measures what the one before does
    dates = [d for d in found.get("dates", ()) if d.get("start") is not None and d.get("end") is not None]
    dates = usable_dates(year_to_date(dates, text, ctx.published, paras, fr), text, fr)
    mentions = sorted(
        ((table, row) for table in SOURCE_TABLES for row in found.get(table, ())),
        key=lambda tr: (tr[1].get("start", 0), tr[1].get("end", 0)),
    )
    lede = lede_period(dates, paras, fr)  # the article's reporting period, read once
    lede_names = _lede_names(index, paras) if lede else frozenset()
    compared = year_ago_dates(dates, [row for _, row in mentions], text, fr)
    claimed = claimed_year_ago([row for _, row in mentions], text, fr)  # "from $2.27 billion in the year-earlier quarter"
    earlier = earlier_value_roots(doc, changes)  # "down from £815 million in January 2023": that date is the earlier value's
    rows: list[dict] = []
    metric_of_amount: dict[int, str] = {}  # head token of each amount described so far -> its metric
    previous: tuple[int, str] | None = None  # (end, metric) of the amount described last
    previous_span: tuple[int, int] | None = None  # (start, end) of that amount
    restating: dict[tuple[int, int], tuple[int, int]] = {}  # "or 83 cents a share" -> the amount it restates
    shifted: dict[tuple[int, int], tuple[Period, Period]] = {}  # an amount a year-ago noun moved -> its period before, after
    for table, row in mentions:
        try:
            span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span = number_rooted(span, fr)
            described = describe(table, row, doc, fr, text, span, changes)
        except (KeyError, TypeError, ValueError):
            continue
        if described is None and items:
            described = item_growth(table, row, items.get((row["start"], row["end"])), fr)
        if described is None:
            continue
        metric, value, unit, metric_text = described
        restated = restates(span, metric_of_amount, fr)
        if restated is None and previous is not None and fr.restating_gap.fullmatch(text, previous[0], row["start"]):
            restated = previous[1]  # the parse did not join them, the words do: "$76.8 million, or $3.66 a share"
        if restated is not None:  # "$45.2 million, or 65 cents a share": the same figure per share
            metric = restated
            if previous_span is not None:
                restating[(row["start"], row["end"])] = previous_span
        item = items.get((row["start"], row["end"])) if items and restated is None else None
        words = item_words(scene, item) if item is not None else None
        if words is not None and table == "money":  # the item's own words name what it measures, not the first clause's
            named = item_metric(words, fr)
            before = done.get(item.before) if item.before is not None else None
            if named is None and before is not None and before["unit"] == unit:
                named = (before["metric"], before["metric_text"])  # "and WTI 1.5% to $76": what Brent's $80 measures
            if named is not None:
                metric, metric_text = named
        metric_of_amount[span.root.i] = metric
        previous = (row["end"], metric)
        previous_span = (row["start"], row["end"])
        subject = attach(scene, span, table == "user_counts" or metric in fr.person_free_metrics, metric, metric_text)
        if words is not None:  # a name among the item's words owns it; a name the index lacks: no one we know
            subject = item_subject(scene, words) or (Subject(None, None, None, NO_SUBJECT, 0, source=None)
                                                     if names_something(words, fr) else subject)
        rate = metric in fr.rate_price_metrics and fr.rate_after.match(text, row["end"]) is not None  # "A C$30-a-share bid"
        thing = False
        if table == "money" and (metric == OTHER_METRIC or (metric in fr.rate_price_metrics and (row.get("per_unit") or rate))):
            thing = (metric == OTHER_METRIC and bool(rate or row.get("per_unit"))  # "a dividend of €0.30 per share"
                     and names_what_it_is(span, metric_text, fr))
            metric = priced(row, subject, fr, rate, thing) or metric  # "an offer of $26.50 a share": a deal's amount per share is a price
        if table == "money":
            # a transfer fee (a price for a person: a deal), an auction's sale (a deal for one thing: its price)
            metric = at_auction(for_a_person(persons_metric(metric, metric_text, subject, fr, span), span, fr), span, fr)
            metric = not_for_profit(metric, metric_text, span, fr)  # a film's or a charity's income: revenue
            metric = borrowed_by_state(metric, metric_text, label_of_id(subject.id), span, fr)  # a state's borrowing: its deficit
        sent = scene.sentence(span.start)
        # a thing per share ("raised its quarterly dividend to $1.20 a share") is a level set at a moment, as a price is;
        # so is what rules/metrics.yaml lists as `other` (a dividend, a payout, a termination fee): no reported result
        point = metric in fr.point_metrics or thing or (metric == OTHER_METRIC and listed_other(metric_text, fr))  # a level at a moment, no result of a period
        own_lede = lede if not point and (metric in fr.lede_metrics or (metric not in fr.unlent_lede_metrics and _of_the_lede(subject, lede_names))) else None
        to_come = (own_lede is not None or metric in fr.lede_metrics) and not_yet_reported(span, text, fr)
        if to_come:  # "will pay $1.1 billion", "$33 million a year"
            own_lede = None
        results = metric in fr.lede_metrics and not to_come  # "says it will spend 380 billion yuan": no reported result
        period = find_period(span, dates, paras, ctx.published, fr, text, sent, own_lede, results, point, earlier)
        if compared:  # a date that dates another amount's year-ago comparison yields to a reporting period
            own_dates = [d for d in dates if compared.get(id(d), row["end"]) == row["end"]]
            if len(own_dates) != len(dates):
                running = find_period(span, own_dates, paras, ctx.published, fr, text, sent, own_lede, results, point, earlier)
                if running.value is not None and fr.lede_values.fullmatch(running.value):
                    period = running
        period = on_subject_calendar(period, subject.id, owners, fiscal.companies)
        if period.start is None and str(period.value or "").startswith("FY") and subject.text:
            stated = stated or CalendarChooser(doc, ctx.rules)  # built only for an unplaced fiscal period
            period = on_stated_calendar(period, stated.stated_for(subject.id, subject.text))
        period = running_period_of_year_ago(period, span, row["end"], dates, paras, ctx.published, text, sent, own_lede, fr)
        moved = year_before(period, row["end"], text, fr, sent, claimed)
        # "Year-earlier results included ... $1.6 million": a period its sentence did not name (not "The year-ago results
        # included a $415 million charge in the 1988 second quarter")
        # ... and any period by a year-ago phrase between the amount's noun and the amount ("compared with earnings a year
        # earlier of $382.2 million")
        if moved == period and (fr.year_ago_before.search(text, max(0, row["start"] - fr.baseline_window), row["start"]) or (
                period.source in fr.borrowed_period_sources and of_a_year_ago_noun(span, text, fr))):
            moved = year_earlier(period, fr)
            shifted[(row["start"], row["end"])] = (period, moved)
        source = shifted.get(restating.get((row["start"], row["end"]), (-1, -1)))
        if source is not None and moved == source[0]:  # "... of $382.2 million, or $2.22 a share": the restatement moves too
            moved = source[1]
        period = moved
        change = change_for(row["start"], row["end"], changes) if changes else None
        rows.append(_fact_row(row, subject, (metric, value, unit, metric_text), period, change, _evidence(sent, text), fr))
        done[(row["start"], row["end"])] = rows[-1]
    return earlier_values_of_changes(rows, changes, fr, restating)


def _lede_names(index: EntityIndex, paras: list[tuple[int, int]]) -> frozenset[str]:
    """Keys of the entities the first paragraph names (the actors of a reporting-period lede)."""
    if not paras:
        return frozenset()
    start, end = paras[0]
    return frozenset(e.key for e in index.ents if start <= e.start and e.end <= end)


def _of_the_lede(subject: Subject, lede_names: frozenset[str]) -> bool:
    """Does the lede's reporting period reach an amount whose metric is not a reported result
    (``lede_metrics``)? Only when its subject is unknown or one the first paragraph names: a later story of
    a Current-events day ("Alphabet reports fourth-quarter net income ... / Bitcoin falls to US$63,000",
    "Waymo raises US$16 billion") is not of that quarter, while an earnings story's later results are."""
    if subject.name is None:
        return True
    keys = subject.id.split("+") if subject.id else [subject.name]
    return any(k in lede_names for k in keys) or (subject.id or subject.name) in lede_names


def persons_metric(metric: str, metric_text: str | None, subject: Subject, fr: FactRules, span: Span | None = None) -> str:
    """What a person's amount measures, when the word says it of a company ("Georges Elhedery, who earned $8.6
    million last year": pay, not profit; "Larry Ellison is worth $250 billion": wealth, not a valuation;
    "received total compensation of £14.7 million": pay, not a court's award): ``person_metric_words``, by the
    governing word; ``person_passive_metric_words`` only under a passive verb (``span``, the amount: "Jamie Dimon, who was
    paid $39 million")."""
    if label_of_id(subject.id) != "PERSON":
        return metric
    word = (metric_text or "").lower()
    if span is not None and word in fr.person_passive_metric_words and passive_verb(span, fr):
        return fr.person_passive_metric_words[word]
    return fr.person_metric_words.get(word, metric)


def priced(row: dict, subject: Subject, fr: FactRules, rate: bool = False, thing: bool = False) -> str | None:
    """``price_metric`` for an amount no word names a metric of, when it is a rate ("US$4,000 per ounce"; ``rate``:
    the text says so where the money table did not) or its subject is a traded thing ("Bitcoin falls below
    US$90,000": its level is its price); ``thing``: the amount quantifies a noun that names what it is, and a rate of
    it is that thing per unit ("an interim dividend of 16.5 Australian cents a share"), no price."""
    if (not thing and (rate or row.get("per_unit"))) or label_of_id(subject.id) in fr.price_subject_labels:
        return fr.price_metric
    return None


def earlier_values_of_changes(rows: list[dict], changes: list[dict], fr: FactRules,
                              restating: dict[tuple[int, int], tuple[int, int]] | None = None) -> list[dict]:
    """'Sales increased to $747.8 million from $623.5 million': the earlier value of a change statement
    measures what its later value measures, so it takes that fact's metric (its own governing word is
    often out of reach of the parse, and a cue word nearby then decides wrongly); and when both carry the
    same reporting period (a quarter, half or fiscal year: ``lede_values``) the earlier value is of that
    period a year before ("Net fell 16% to $123.1 million from $145.7 million" in a third-quarter report:
    results are compared with the year-ago quarter), and so is its restatement per share (``restating``: the
    amount each "or 83 cents a share" restates)."""
    later = {(c.get("from_start"), c.get("from_end")): (c.get("to_start"), c.get("to_end")) for c in changes
             if c.get("kind") == "change" and c.get("from_start") is not None and c.get("to_start") is not None}
    if not later:
        return rows
    by_span = {(r["start"], r["end"]): r for r in rows}
    restaters: dict[tuple[int, int], list[tuple[int, int]]] = {}  # an amount -> the amounts that restate it
    for span, source in (restating or {}).items():
        restaters.setdefault(source, []).append(span)
    for row in rows:
        to = by_span.get(later.get((row["start"], row["end"]), (None, None)))
        if to is not None and to["unit"] == row["unit"]:
            row["metric"], row["metric_text"] = to["metric"], to["metric_text"]
            # the same period, or none of its own (its own metric, read from a cue before it took the later value's,
            # may have kept the lede's period from it: "Revenue declined 8% to $85.7 million, from $93.3 million")
            borrowed = (row["period_source"] in fr.borrowed_period_sources and to["period"] is not None
                        and fr.lede_values.fullmatch(str(to["period"])) is not None)
            if (row["period"] == to["period"] and row["period_source"] == to["period_source"]) or borrowed:
                row["period"], row["period_start"], row["period_end"], row["period_source"] = (
                    to["period"], to["period_start"], to["period_end"], to["period_source"])
                before = row["period"]
                shifted = Period(row["period"], row["period_start"], row["period_end"], row["period_source"])
                if fr.lede_values.fullmatch(str(row["period"])):  # no year-ago phrase: a reporting period only
                    shifted = year_earlier(shifted, fr)
                row["period"], row["period_start"], row["period_end"] = shifted.value, shifted.start, shifted.end
                # "... from $85 million, or 83 cents a share": its restatement moves with it
                for span in restaters.get((row["start"], row["end"]), ()):
                    other = by_span.get(span)
                    if other is not None and other["period"] == before:
                        other["period"], other["period_start"], other["period_end"] = row["period"], row["period_start"], row["period_end"]
    return rows
