"""Facts benchmark (#14): are money and user-count amounts attached to the right subject?

Two sets, scored the same way, in one run:
- ``gold``     our five articles (``tests/gold``): the facts' spans are resolved as ``newsfacts validate`` does;
- ``heldout``  ``benchmarks/heldout/newsdev-facts.jsonl``: 106 facts in 75 news-dev documents labelled
               and frozen before the facts work (see its .md); texts from ``../shared/news-dev``. Since
               2026-11-27 (third session) two fifths of its documents are retired to tuning by a fixed hash
               rule (``retired``; ``--set retired``): ``heldout`` scores the 49 documents still held out
               (``--details`` refused), ``heldout-full`` both halves.

For each set the pipeline runs on the documents (``newsfacts extract`` in a temporary folder) and only
the money / user-count facts are scored (unit a currency code or ``users``). A predicted fact matches
the gold fact whose span it overlaps (one-to-one). Printed:
- recall: gold facts with a subject, found with the right subject and value (``subj+val``), and also
  with the right metric and period (``all4``);
- precision: predicted rows that carry a subject and are right (subject + value; ``all4``);
- the share of predicted rows that carry a subject;
- calibration: rows with a subject by confidence band, and the share right (subject + value);
- baseline, same run: every money / user-count mention of the money and user_counts tables gets the
  nearest ORG / PRODUCT entity of the model (spaCy NER) in its sentence.

A subject is right when, case-insensitively with a leading "the" and possessive dropped, it equals the
gold subject, one of its aliases or alt subjects, or one contains the other as whole words.

    python benchmarks/facts_heldout.py [--shared ../shared] [--set gold|heldout|retired|heldout-full|dev|timebank|aquaint|tempeval|tempeval-heldout|written|written2|written3|written4|tuning|both|all] [--details]
    python benchmarks/facts_heldout.py --set tuning --dump rows.jsonl   # every amount row, to diff two versions of the code
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "newsdev"))
sys.path.insert(0, str(REPO / "benchmarks"))
from intervals import interval_text  # noqa: E402
from labels import table_doc_ids  # noqa: E402

HELDOUT = REPO / "benchmarks" / "heldout" / "newsdev-facts.jsonl"
#: labelled like the held-out set, on the 18 money documents of the `dev` split: tuned on, freely
DEV = REPO / "benchmarks" / "newsdev" / "facts-dev.jsonl"
DEV_IDS = REPO / "benchmarks" / "newsdev" / "facts-dev.ids.json"
#: facts of the 12 TimeBank WSJ documents of benchmarks/heldout/timebank-numbers.jsonl: a tuning set
TIMEBANK = REPO / "benchmarks" / "newsdev" / "timebank-facts.jsonl"
#: TempEval-3 documents (AQUAINT + TimeBank non-WSJ) no other set used, with a money or user word, split
#: by sha256("facts2:" + doc_id) % 2 before labelling (2026-11-28): a held-out half and a tuning half.
TEMPEVAL_HELDOUT_IDS = REPO / "benchmarks" / "heldout" / "tempeval-facts.ids.json"
TEMPEVAL_HELDOUT = [REPO / "benchmarks" / "heldout" / "tempeval-facts.jsonl"]
TEMPEVAL_TUNING_IDS = REPO / "benchmarks" / "newsdev" / "tempeval-facts-tuning.ids.json"
TEMPEVAL_TUNING = [REPO / "benchmarks" / "newsdev" / f"tempeval-facts-tuning-{k}.jsonl" for k in (1, 2)]
#: 2026-11-28 (fifth session): 40 portal-day / Wikinews-style items WRITTEN for this check by a helper who
#: never ran the pipeline (texts and labels in the project; see written-facts.md): a tuning set of the
#: held-out genre's forms, not real news, so its figure is not comparable with the held-out ones.
WRITTEN_TEXTS = REPO / "benchmarks" / "newsdev" / "written-facts.texts.jsonl"
WRITTEN = REPO / "benchmarks" / "newsdev" / "written-facts.jsonl"
#: a second written corpus (written-facts-2.md): longer articles, owners named earlier, generic amounts
WRITTEN2_TEXTS = REPO / "benchmarks" / "newsdev" / "written-facts-2.texts.jsonl"
WRITTEN2 = REPO / "benchmarks" / "newsdev" / "written-facts-2.jsonl"
#: a third (written-facts-3.md, tuning) and a fourth (written-facts-4.md: the blind check of the round of
#: 2026-11-28, scored once at its end and never tuned on) written corpus, by writers who saw no other corpus
WRITTEN3_TEXTS = REPO / "benchmarks" / "newsdev" / "written-facts-3.texts.jsonl"
WRITTEN3 = REPO / "benchmarks" / "newsdev" / "written-facts-3.jsonl"
WRITTEN4_TEXTS = REPO / "benchmarks" / "newsdev" / "written-facts-4.texts.jsonl"
WRITTEN4 = REPO / "benchmarks" / "newsdev" / "written-facts-4.jsonl"
#: facts of the 16 AQUAINT documents of benchmarks/heldout/aquaint-numbers.jsonl: a tuning set
AQUAINT = REPO / "benchmarks" / "newsdev" / "aquaint-facts.jsonl"
#: 2026-11-27 (third session): two fifths of the held-out documents were retired to tuning, chosen by
#: this rule before anything was tuned on them (see benchmarks/heldout/newsdev-facts.md); the rest stays
#: held out and its errors are never listed.
#: 2026-11-28 (seventh session): a second labeller re-labelled the kept half blind, then adjudicated it against the
#: first labels (newsdev-facts-2b-{1,2}.md); ``--set heldout-adj`` scores the kept half on the adjudicated rows
HELDOUT_ADJ = [REPO / "benchmarks" / "heldout" / f"newsdev-facts-adj-{k}.jsonl" for k in (1, 2)]
#: 30 TimeBank WSJ documents in no other facts set (the rule is in the ids file), split by a fixed hash into a
#: held-out part (``--set wsj``, never tuned on) and a tuning part (``--set wsj-tuning``), labelled before any run
WSJ_IDS = REPO / "benchmarks" / "newsdev" / "wsj-facts.ids.json"
WSJ_HELDOUT = [REPO / "benchmarks" / "heldout" / "wsj-facts.jsonl"]
WSJ_TUNING = [REPO / "benchmarks" / "newsdev" / "wsj-facts-tuning.jsonl"]
#: a second WSJ set (eighth session, 2026-11-28): the 39 TimeBank documents with money words no facts set and no held-out
#: file named, split by a fixed hash (benchmarks/newsdev/wsj2-facts.ids.json), labelled by two helpers who never ran the
#: pipeline, before any run on them: held out (``--set wsj2``) and tuning (``--set wsj2-tuning``)
WSJ2_IDS = REPO / "benchmarks" / "newsdev" / "wsj2-facts.ids.json"
WSJ2_HELDOUT = [REPO / "benchmarks" / "heldout" / "wsj2-facts.jsonl"]
WSJ2_TUNING = [REPO / "benchmarks" / "newsdev" / "wsj2-facts-tuning.jsonl"]
#: a second labeller's independent labels of the wsj2 held-out documents (``--set wsj2-b``, figures only)
WSJ2_HELDOUT_B = [REPO / "benchmarks" / "heldout" / "wsj2-facts-b.jsonl"]
#: ninth session (2026-11-28): every amount row main 4beb983 left without a subject on tuning text (dev-split news-dev
#: documents no held-out file names, the retired half, every facts tuning set), judged by FACTS_BRIEF.md
#: (``--set nullsubj``, a tuning set; null-subjects-tuning.md): only these rows are scored, in their documents
NULLSUBJ = REPO / "benchmarks" / "newsdev" / "null-subjects-tuning.jsonl"
#: eleventh session (2026-11-28): a third news-dev facts set, labelled blind by a helper who never ran the pipeline and
#: frozen before any score, on the held-out documents of the counts and changes splits with a currency or user word
#: (benchmarks/heldout/newsdev-facts-3.ids.json: never tuned on, never labelled for facts); the documents scored are the
#: table of its .md, zero-row documents included (``--set heldout3``, figures only)
HELDOUT3 = REPO / "benchmarks" / "heldout" / "newsdev-facts-3.jsonl"
HELDOUT3_IDS = REPO / "benchmarks" / "heldout" / "newsdev-facts-3.ids.json"
#: a second labeller's independent labels of the same 28 documents (``--set heldout3-b``, figures only)
HELDOUT3_B = REPO / "benchmarks" / "heldout" / "newsdev-facts-3b.jsonl"
#: the two labellings adjudicated row by row (newsdev-facts-3-adj.md; ``--set heldout3-adj``, figures only)
HELDOUT3_ADJ = REPO / "benchmarks" / "heldout" / "newsdev-facts-3-adj.jsonl"
#: the fourth blind set (twelfth session): 56 TempEval-3 documents with money words that no facts file had named, every
#: one held out for another issue, so held out here too (figures only). Labeller A took the two halves of the id list
#: (a1, a2), labeller B all of it (b); each labeller's .md table lists the documents read whole (``--set te3 / te3-b``).
TE3_IDS = REPO / "benchmarks" / "heldout" / "te3-facts.ids.json"
TE3_LABELS = {
    "te3": [REPO / "benchmarks" / "heldout" / "te3-facts-a1.jsonl", REPO / "benchmarks" / "heldout" / "te3-facts-a2.jsonl"],
    "te3-b": [REPO / "benchmarks" / "heldout" / "te3-facts-b.jsonl"],
    "te3-adj": [REPO / "benchmarks" / "heldout" / "te3-facts-adj.jsonl"],
}


def retired(doc_id: str) -> bool:
    """Is this held-out document one of those retired to tuning (a fixed hash rule, not a choice; split.py holds it)?"""
    from split import retired_from_facts

    return retired_from_facts(doc_id)

BANDS = ((0.8, 1.01), (0.6, 0.8), (0.4, 0.6), (0.0, 0.4))
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def norm(name: Any) -> str:
    text = str(name or "").lower().replace("’", "'")
    text = re.sub(r"'s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


def subject_ok(gold: dict, predicted: Any) -> bool:
    if predicted is None or gold.get("subject") is None:
        return False
    p = norm(predicted)
    if not p:
        return False
    for name in [gold["subject"], *gold.get("subject_aliases", ()), *gold.get("alt_subjects", ())]:
        g = norm(name)
        if not g:
            continue
        if g == p:
            return True
        short, long_ = sorted((g, p), key=len)
        if len(short) >= 3 and re.search(rf"\b{re.escape(short)}\b", long_):
            return True
    return False


def value_ok(gold: dict, value: Any) -> bool:
    if value is None or gold.get("value") is None:
        return False
    want = float(gold["value"])
    return abs(float(value) - want) <= 1e-6 * max(1.0, abs(want))


def is_amount(row: dict) -> bool:
    unit = row.get("unit")
    return unit == "users" or bool(unit and _CURRENCY.match(str(unit)))


def match(gold: list[dict], preds: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one by span overlap (largest overlap first)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                pairs.append((ov, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            out.append((gold[gi], preds[pi]))
    return out


CONTEXT = 0  # characters of text shown before each listed error (--context N); 0 = none


def _window(text: str, start: int, end: int) -> str:
    """The text before an amount (CONTEXT characters) and a little after, the amount in [brackets]."""
    before = text[max(0, start - CONTEXT) : start].replace("\n", " / ")
    after = text[end : end + 80].replace("\n", " / ")
    return f"        …{before}[{text[start:end]}]{after}…"


def _loss(g: dict, p: dict) -> str:
    """Why a gold fact with a subject was not found right (an aggregate class, for the report)."""
    if not value_ok(g, p.get("value")):
        return "wrong value"
    if p.get("subject") is None:
        return f"null subject ({p.get('rule')})"
    return f"wrong subject ({p.get('rule')})"


def _interval(period: str) -> tuple[str, str] | None:
    """An ISO interval of days or of months, or a quarter or half, as its first and last day ("1989-01/1989-09",
    "1989-01-01/1989-09-30" are one interval; "1989-Q3" is "1989-07/1989-09"), else None."""
    import calendar

    quarter = re.fullmatch(r"(\d{4})-([QH])([1-4])", period)
    if quarter:  # "1989-Q3" is 1989-07/1989-09, "1989-H1" 1989-01/1989-06
        year, kind, k = int(quarter.group(1)), quarter.group(2), int(quarter.group(3))
        months = 3 if kind == "Q" else 6
        if kind == "H" and k > 2:
            return None
        first, last = (k - 1) * months + 1, k * months
        period = f"{year}-{first:02d}/{year}-{last:02d}"
    parts = period.split("/")
    if len(parts) != 2:
        return None
    out = []
    for k, part in enumerate(parts):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", part):
            out.append(part)
        elif re.fullmatch(r"\d{4}-\d{2}", part):
            y, m = map(int, part.split("-"))
            out.append(f"{part}-01" if k == 0 else f"{part}-{calendar.monthrange(y, m)[1]:02d}")
        else:
            return None
    return out[0], out[1]


#: the project's finer metrics (tests/gold/README.md) in the labelling vocabulary of benchmarks/heldout/briefs/
#: FACTS_BRIEF.md, which every facts label set follows: its `spending` is "spending, cost, expenditure, capex";
#: issue 15 names paying users subscribers. Both sides are compared in the coarser vocabulary.
LABEL_METRICS = {"cost": "spending", "capex": "spending", "marketing": "spending", "paying_users": "subscribers",
                 "active_users": "users"}


def same_metric(pred: Any, gold: Any) -> bool:
    """The same metric in the labels' vocabulary (``LABEL_METRICS``)."""
    return LABEL_METRICS.get(str(pred), str(pred)) == LABEL_METRICS.get(str(gold), str(gold))


def same_period(pred: Any, gold: Any, bounds: tuple[Any, Any] | None = None) -> bool:
    """The same period: the same string, or the same interval written at another grain (the project's facts write a
    duration's interval in days, "2024-01-01/2024-11-30", and "the quarter ended Sept. 30" in months,
    "1989-07/1989-09"; some label sets write whole months, "1989-01/1989-09", or the quarter, "1989-Q3").
    ``bounds``: the predicted row's ``period_start`` / ``period_end``. A fiscal period is written as the company names
    it (``FY1989``) with its days there, where label sets write the interval ("1988-07/1989-06"): that interval is
    compared too."""
    if str(pred) == str(gold):
        return True
    b = _interval(str(gold))
    if b is None:
        return False
    if _interval(str(pred)) == b:
        return True
    if bounds and bounds[0] is not None and bounds[1] is not None:
        return (str(bounds[0])[:10], str(bounds[1])[:10]) == b
    return False


def _bounds(row: dict) -> tuple[Any, Any]:
    return row.get("period_start"), row.get("period_end")


def score(gold: dict[str, list[dict]], preds: dict[str, list[dict]], details: bool, texts: dict[str, str]) -> dict[str, Any]:
    g_subj = sum(1 for rows in gold.values() for g in rows if g.get("subject"))
    found_sv = found_all = 0
    pred_rows = with_subject = right_sv = right_all = 0
    bands: dict[tuple[float, float], list[int]] = {b: [0, 0] for b in BANDS}
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    rows: list[dict] = []
    lost: dict[str, int] = defaultdict(int)
    #: of the gold facts found with subject + value, which of the other two fields differ (an aggregate that says
    #: where "all four fields" is lost, without naming a row)
    fields_off: dict[str, int] = {"metric only": 0, "period only": 0, "metric and period": 0}
    for aid in gold:
        g_rows, p_rows = gold[aid], [p for p in preds.get(aid, []) if is_amount(p)]
        pairs = match(g_rows, p_rows)
        matched = {id(p): g for g, p in pairs}
        for g, p in pairs:
            sv = subject_ok(g, p.get("subject")) and value_ok(g, p.get("value"))
            full = sv and same_metric(p.get("metric"), g.get("metric")) and same_period(p.get("period"), g.get("period"), _bounds(p))
            found_sv += sv and bool(g.get("subject"))
            found_all += full and bool(g.get("subject"))
            if sv and g.get("subject") and not full:
                metric_off = not same_metric(p.get("metric"), g.get("metric"))
                period_off = not same_period(p.get("period"), g.get("period"), _bounds(p))
                fields_off["metric and period" if metric_off and period_off else "metric only" if metric_off else "period only"] += 1
            if g.get("subject") and not sv:
                lost[_loss(g, p)] += 1
        matched_gold = {id(g) for g, _ in pairs}
        lost["no amount row"] += sum(1 for g in g_rows if g.get("subject") and id(g) not in matched_gold)
        for p in p_rows:
            pred_rows += 1
            if details:  # every amount row, for ``--dump``: what a change of code changed, row by row
                g = matched.get(id(p))
                rows.append({"article_id": aid, "start": p.get("start"), "text": p.get("text"), "subject": p.get("subject"),
                             "subject_id": p.get("subject_id"), "metric": p.get("metric"), "metric_text": p.get("metric_text"), "rule": p.get("rule"), "source": p.get("subject_source"), "confidence": p.get("confidence"),
                             "gold": g.get("subject") if g else None, "gold_row": g is not None,
                             "right": g is not None and subject_ok(g, p.get("subject")) and value_ok(g, p.get("value"))})
            if p.get("subject") is None:
                continue
            with_subject += 1
            g = matched.get(id(p))
            sv = g is not None and subject_ok(g, p.get("subject")) and value_ok(g, p.get("value"))
            full = sv and same_metric(p.get("metric"), g.get("metric")) and same_period(p.get("period"), g.get("period"), _bounds(p))
            right_sv += sv
            right_all += full
            by_rule[f"{p.get('rule')}/{p.get('subject_source')}"][0] += 1
            by_rule[f"{p.get('rule')}/{p.get('subject_source')}"][1] += sv
            for lo, hi in BANDS:
                if lo <= float(p.get("confidence") or 0) < hi:
                    bands[(lo, hi)][0] += 1
                    bands[(lo, hi)][1] += sv
            if details and not sv:
                errors.append(f"  WRONG {aid} {p.get('text')!r} pred={p.get('subject')!r} ({p.get('rule')}/{p.get('subject_source')}, {p.get('confidence')}) gold={g.get('subject') if g else 'no gold row'!r}")
                if CONTEXT:
                    errors.append(_window(texts[aid], int(p["start"]), int(p["end"])))
        if details:
            for g in g_rows:
                p = next((p for gg, p in pairs if gg is g), None)
                if g.get("subject") and (p is None or p.get("subject") is None):
                    errors.append(f"  MISS  {aid} {g['mention_text']!r} gold={g['subject']!r} pred={'no row' if p is None else 'null subject (' + str(p.get('rule')) + ')'}")
                    if CONTEXT:
                        errors.append(_window(texts[aid], int(g["start"]), int(g["end"])))
    return {
        "rows": rows,
        "gold_with_subject": g_subj, "recall_sv": found_sv / g_subj if g_subj else 1.0,
        "recall_all": found_all / g_subj if g_subj else 1.0,
        "pred_rows": pred_rows, "with_subject": with_subject,
        "precision_sv": right_sv / with_subject if with_subject else 1.0,
        "precision_all": right_all / with_subject if with_subject else 1.0,
        "share_with_subject": with_subject / pred_rows if pred_rows else 0.0,
        "bands": bands, "errors": errors, "by_rule": dict(by_rule), "lost": dict(lost),
        "fields_off": fields_off,
        "counts": {"recall_sv": (found_sv, g_subj), "recall_all": (found_all, g_subj), "precision_sv": (right_sv, with_subject),
                   "precision_all": (right_all, with_subject), "share_with_subject": (with_subject, pred_rows)},
    }


def baseline(raw: Path, out: Path, gold: dict[str, list[dict]], model: str) -> dict[str, Any]:
    """Nearest ORG / PRODUCT of the model's NER in the mention's sentence, for every amount mention."""
    import pandas as pd
    import spacy

    nlp = spacy.load(model)
    money = pd.read_parquet(out / "money.parquet")
    money = money.astype(object).where(money.notna(), None)
    users = pd.read_parquet(out / "user_counts.parquet")
    rows: dict[str, list[dict]] = defaultdict(list)
    for aid in gold:
        text = (raw / f"{aid}.txt").read_text(encoding="utf-8-sig")
        doc = nlp(text)
        mentions = [dict(r, value=r["amount"], unit=r["currency"]) for r in money[money.article_id == aid].to_dict("records") if r.get("equivalent_of") is None]
        mentions += [dict(r, unit="users") for r in users[users.article_id == aid].to_dict("records")]
        for m in mentions:
            sent = next((s for s in doc.sents if s.start_char <= m["start"] < s.end_char), None)
            ents = [e for e in (sent.ents if sent is not None else ()) if e.label_ in ("ORG", "PRODUCT")]
            near = min(ents, key=lambda e: abs(e.start_char - m["start"]), default=None)
            rows[aid].append({**m, "subject": near.text if near is not None else None, "confidence": 0.5, "metric": None, "period": None})
    return score(gold, rows, False, {})


def run_pipeline(raw: Path, out: Path) -> float:
    from pipeline.run import run
    from pipeline.settings import Settings

    settings = Settings(rules_dir=REPO / "rules", raw_dir=raw).validated()
    summary = run(replace(settings, out_dir=out, incremental=False))
    if summary.errors:
        sys.exit(f"pipeline rejected articles: {summary.errors}")
    return summary.seconds


def load_heldout(shared: Path, tmp: Path, labels: Path | list[Path] = HELDOUT, doc_ids: list[str] | None = None) -> tuple[Path, dict[str, list[dict]]]:
    """Texts of the labelled news-dev documents as a raw folder, and their gold rows per article id
    (``labels``: one file, or the parts of one set labelled by several people)."""
    from corpus import load_newsdev, load_split, write_raw

    files = labels if isinstance(labels, list) else [labels]
    missing = [f.name for f in files if not f.exists()]
    if missing:
        sys.exit(f"label file(s) not found: {', '.join(missing)}")
    docs = load_newsdev(shared)
    doc_ids = doc_ids if doc_ids is not None else load_split()["facts"]
    raw = tmp / f"raw-{files[0].stem}-{len(doc_ids)}-{doc_ids[0] if doc_ids else ''}"
    ids = write_raw([docs[d] for d in doc_ids], raw)
    gold: dict[str, list[dict]] = {ids[d]: [] for d in doc_ids}
    for row in _jsonl_rows(files):
        if row["doc_id"] not in ids:
            continue
        if docs[row["doc_id"]]["text"][row["start"] : row["end"]] != row["mention_text"]:
            sys.exit(f"gold span does not match the text: {row}")
        gold[ids[row["doc_id"]]].append(row)
    return raw, gold


def documents_read(report: Path) -> list[str]:
    """The doc_id column of a labeller's table (``| # | doc_id | rows |``) in ``report``, in order: every document read
    whole, zero-row ones included, so that anything found in them counts against precision (an id may be in backticks)."""
    if not report.is_file():
        sys.exit(f"report not found: {report.name}")
    ids = re.findall(r"^\|\s*\d+\s*\|\s*`?([^`\s]+)`?\s*\|\s*\d+\s*\|\s*$", report.read_text(encoding="utf-8"), re.M)
    if not ids or len(ids) != len(set(ids)):
        sys.exit(f"no or duplicate documents in the table of {report.name}")
    return ids


def load_heldout3(shared: Path, tmp: Path, labels: Path = HELDOUT3) -> tuple[Path, dict[str, list[dict]]]:
    """The third news-dev facts set: the documents its labeller read (inside its id list) and their rows."""
    ids = documents_read(labels.with_suffix(".md"))
    listed = set(json.loads(HELDOUT3_IDS.read_text(encoding="utf-8"))["doc_ids"])
    if set(ids) - listed:
        sys.exit(f"{labels.name}: documents outside {HELDOUT3_IDS.name}: {sorted(set(ids) - listed)[:2]}")
    stray = {row["doc_id"] for row in _jsonl_rows([labels])} - set(ids)
    if stray:
        sys.exit(f"{labels.name}: rows of documents not in the table of its .md: {sorted(stray)[:2]}")
    return load_heldout(shared, tmp, labels, ids)


def load_te3(shared: Path, tmp: Path, labels: list[Path]) -> tuple[Path, dict[str, list[dict]]]:
    """The fourth blind set: the documents its labeller(s) read whole (the tables of their .md files, inside the id
    list), every one run, and their rows."""
    listed = {d["doc_id"]: d for d in json.loads(TE3_IDS.read_text(encoding="utf-8"))["docs"]}
    read = [d for f in labels for d in table_doc_ids(f.with_suffix(".md"), set(listed))]
    if set(read) - set(listed) or len(read) != len(set(read)):
        sys.exit(f"{labels[0].name}: documents outside {TE3_IDS.name}, or read twice: {sorted(set(read) - set(listed))[:2]}")
    rows = _jsonl_rows(labels)
    stray = {row["doc_id"] for row in rows} - set(read)
    if stray:
        sys.exit(f"{labels[0].name}: rows of documents not in the table of its .md: {sorted(stray)[:2]}")
    return _tempeval_raw(shared, tmp / f"raw-{labels[0].stem}", [listed[d] for d in read], rows, "TempEval-3", TE3_IDS.name)


def load_written(tmp: Path, texts: Path = WRITTEN_TEXTS, labels: Path = WRITTEN) -> tuple[Path, dict[str, list[dict]]]:
    """The written corpus (texts in the project, not in ../shared) as a raw folder, and its gold rows."""
    from corpus import write_raw

    docs = {d["doc_id"]: {**d, "set": "written"} for d in _jsonl_rows([texts])}
    raw = tmp / f"raw-{labels.stem}"
    ids = write_raw(list(docs.values()), raw)
    gold: dict[str, list[dict]] = {ids[d]: [] for d in docs}
    for row in _jsonl_rows([labels]):
        if row["doc_id"] not in docs or docs[row["doc_id"]]["text"][row["start"] : row["end"]] != row["mention_text"]:
            sys.exit(f"gold row of no document, or its span does not match the text: {row}")
        gold[ids[row["doc_id"]]].append(row)
    return raw, gold


def load_timebank(shared: Path, tmp: Path, labels: Path = TIMEBANK, suite_name: str = "timebank") -> tuple[Path, dict[str, list[dict]]]:
    """A TempEval-3 tuning set (TimeBank, AQUAINT): the labelled documents of one suite."""
    rows = _jsonl_rows([labels])
    listed = [{"suite": suite_name, "doc_id": d} for d in sorted({r["doc_id"] for r in rows})]
    return _tempeval_raw(shared, tmp / f"raw-{suite_name}", listed, rows, f"TempEval-3 {suite_name}", labels.name)


def load_tempeval(shared: Path, tmp: Path, ids_file: Path, label_files: list[Path], name: str) -> tuple[Path, dict[str, list[dict]]]:
    """A TempEval-3 facts set over documents of both suites (AQUAINT, TimeBank): every listed document is
    run, also those with no labelled amount (an amount found there is a false positive)."""
    import json

    listed = json.loads(ids_file.read_text(encoding="utf-8"))
    return _tempeval_raw(shared, tmp / f"raw-{name}", listed, _jsonl_rows(label_files), "TempEval-3", ids_file.name)


def load_wsj(shared: Path, tmp: Path, part: str, label_files: list[Path], ids_file: Path = WSJ_IDS) -> tuple[Path, dict[str, list[dict]]]:
    """One part (``heldout`` or ``tuning``) of a set of WSJ facts documents: every listed document is run."""
    import json

    missing = [f.name for f in label_files if not f.exists()]
    if missing:
        sys.exit(f"label file(s) not found: {', '.join(missing)}")
    listed = [{"suite": "timebank", "doc_id": d} for d in json.loads(ids_file.read_text(encoding="utf-8"))[part]]
    return _tempeval_raw(shared, tmp / f"raw-{ids_file.stem}-{part}", listed, _jsonl_rows(label_files), "TempEval-3 timebank", ids_file.name)


def _jsonl_rows(files: list[Path]) -> list[dict]:
    import json

    return [json.loads(line) for f in files if f.exists() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tempeval_raw(shared: Path, raw: Path, listed: list[dict], rows: list[dict], source: str, where: str) -> tuple[Path, dict[str, list[dict]]]:
    """Write the ``listed`` ({suite, doc_id}) TempEval-3 documents as a raw/ folder (published = the
    document date) and group the gold ``rows`` by document, checking every span against the text."""
    import csv
    import json

    docs: dict[str, dict] = {}
    for suite_name in sorted({x["suite"] for x in listed}):
        wanted = {x["doc_id"] for x in listed if x["suite"] == suite_name}
        suite = shared / "peer-suites" / "tempeval3" / f"{suite_name}.jsonl"
        for d in map(json.loads, suite.read_text(encoding="utf-8").splitlines()):
            if d["doc_id"] in wanted:
                docs[d["doc_id"]] = d
    raw.mkdir(parents=True)
    with (raw / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "path", "title", "published", "source", "url", "language"])
        for doc_id in sorted(docs):
            (raw / f"{doc_id}.txt").write_bytes(docs[doc_id]["text"].encode("utf-8"))
            writer.writerow([doc_id, f"{doc_id}.txt", "", docs[doc_id]["dct"], source, "", "en"])
    gold: dict[str, list[dict]] = {d: [] for d in sorted(docs)}
    for row in rows:
        if row["doc_id"] not in docs:
            sys.exit(f"gold row of a document not in {where}: {row}")
        if docs[row["doc_id"]]["text"][row["start"] : row["end"]] != row["mention_text"]:
            sys.exit(f"gold span does not match the text: {row}")
        gold[row["doc_id"]].append(row)
    return raw, gold


def load_nullsubj(shared: Path, tmp: Path) -> list[tuple[str, Path, dict[str, list[dict]]]]:
    """The judged null-subject rows (``NULLSUBJ``), one scored part per kind of source: news-dev documents, the
    written corpora, TempEval-3 documents, tests/gold. Only the judged rows are gold: predicted rows elsewhere in
    these documents are not scored (``only_judged``)."""
    rows = _jsonl_rows([NULLSUBJ])
    parts: list[tuple[str, Path, dict[str, list[dict]]]] = []
    news = [r for r in rows if r["pool"] == "newsdev"]
    if news:
        from corpus import load_newsdev, write_raw

        docs = load_newsdev(shared)
        raw = tmp / "raw-nullsubj-newsdev"
        ids = write_raw([docs[d] for d in sorted({r["doc_id"] for r in news})], raw)
        gold: dict[str, list[dict]] = {a: [] for a in ids.values()}
        for r in news:
            gold[ids[r["doc_id"]]].append(r)
        parts.append(("null subjects judged: news-dev (tuning)", raw, gold))
    written = [r for r in rows if r["pool"].startswith("written")]
    if written:
        from corpus import article_id_for, write_raw

        texts = {d["doc_id"]: {**d, "set": "written"} for f in (WRITTEN_TEXTS, WRITTEN2_TEXTS, WRITTEN3_TEXTS) for d in _jsonl_rows([f])}
        raw = tmp / "raw-nullsubj-written"
        ids = write_raw([texts[d] for d in sorted({r["doc_id"] for r in written})], raw)
        gold = {a: [] for a in ids.values()}
        for r in written:
            gold[ids[r["doc_id"]]].append(r)
        parts.append(("null subjects judged: written corpora (tuning)", raw, gold))
    tempeval = [r for r in rows if r.get("suite")]
    if tempeval:
        listed = [{"suite": s, "doc_id": d} for s, d in sorted({(r["suite"], r["doc_id"]) for r in tempeval})]
        parts.append(("null subjects judged: TempEval-3 documents (tuning)", *_tempeval_raw(shared, tmp / "raw-nullsubj-tempeval", listed, tempeval, "TempEval-3", NULLSUBJ.name)))
    ours = [r for r in rows if r["pool"] == "gold"]
    if ours:
        raw_gold, _ = load_gold_articles()
        gold = defaultdict(list)
        for r in ours:
            gold[r["doc_id"]].append(r)
        parts.append(("null subjects judged: tests/gold (tuning)", raw_gold, dict(gold)))
    for name, raw, gold in parts:
        for aid, g_rows in gold.items():
            text = (raw / f"{aid}.txt").read_text(encoding="utf-8-sig")
            for r in g_rows:
                if text[r["start"] : r["end"]] != r["mention_text"]:
                    sys.exit(f"judged span does not match the text: {r}")
    return parts


def only_judged(gold: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The predicted rows that overlap a judged row (a set that judges some rows of its documents, not all)."""
    return {aid: [p for p in preds.get(aid, []) if any(min(g["end"], p["end"]) > max(g["start"], p["start"]) for g in rows)]
            for aid, rows in gold.items()}


def load_gold_articles() -> tuple[Path, dict[str, list[dict]]]:
    from pipeline.validate import fact_span, read_gold

    gold_all = read_gold(REPO / "tests" / "gold")
    gold: dict[str, list[dict]] = {}
    for aid, rows in gold_all.items():
        mentions = [r for r in rows if r.get("type") != "fact" and "start" in r]
        facts = []
        for f in rows:
            if f.get("type") != "fact" or not (f.get("unit") == "users" or _CURRENCY.match(str(f.get("unit") or ""))):
                continue
            span = fact_span(f, mentions, [])
            if span is not None:
                facts.append({**f, "start": span[0], "end": span[1]})
        gold[aid] = facts
    return REPO / "raw", gold


def report(name: str, s: dict[str, Any], b: dict[str, Any] | None, seconds: float) -> None:
    print(f"\n== {name}: {s['gold_with_subject']} gold facts with a subject; {s['pred_rows']} predicted amount rows ({seconds:.1f} s)")
    print(f"  {'':28} {'newsfacts':>10} {'baseline':>10}  {'newsfacts 95% CI':>16}")

    def figure(label: str, key: str, baseline: bool = True) -> None:
        base = (f"{b[key]:>10.3f}" if b else f"{float('nan'):>10.3f}") if baseline else f"{'-':>10}"
        print(f"  {label:28} {s[key]:>10.3f} {base}  {interval_text(*s['counts'][key]):>16}")

    figure("recall subject+value", "recall_sv")
    figure("precision subject+value", "precision_sv")
    figure("recall all four fields", "recall_all", baseline=False)
    figure("precision all four fields", "precision_all", baseline=False)
    print(f"  {'':28} (found with subject + value, other fields off: " + ", ".join(f"{k} {v}" for k, v in s["fields_off"].items()) + ")")
    figure("rows with a subject", "share_with_subject")
    # the numerators and denominators behind the rates, for benchmarks/pooled.py (which pools sets without re-deriving them)
    print("  counts (right / of): " + ", ".join(f"{k} {n}/{d}" for k, (n, d) in s["counts"].items()))
    print("  calibration (rows with a subject): band  rows  right(subject+value)")
    for (lo, hi), (n, ok) in s["bands"].items():
        print(f"    [{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}  {n:4d}  {ok / n if n else float('nan'):.3f}  {interval_text(ok, n)}")
    print("  gold facts not found right, by class: " + ", ".join(f"{k} {v}" for k, v in sorted(s["lost"].items(), key=lambda kv: -kv[1])))
    print("  by rule/subject_source: rows right")
    for rule, (n, ok) in sorted(s["by_rule"].items(), key=lambda kv: -kv[1][0]):
        print(f"    {rule:32} {n:4d} {ok:4d}")


#: The genre of each tuning set, for ``--calibrate``: the TimeBank facts are WSJ 1989 (288 facts, more
#: than all the other tuning sets together); the rest are general news (our articles, news-dev, AP/NYT).
GENRES = {"TimeBank WSJ facts (tuned on)": "wsj", "WSJ facts, tuning part (tuned on)": "wsj",
          "second WSJ facts, tuning part (tuned on)": "wsj"}
#: A genre's figure for a rule counts only from this many rows on (fewer is noise, not evidence).
CALIBRATE_MIN_ROWS = 5


def calibrate(by_set: dict[str, dict[str, list[int]]]) -> dict[str, tuple[float, str]]:
    """Base confidence per attachment rule from the tuning sets: (right + 1) / (rows + 2) pooled over
    every set, lowered to the same estimate on any genre where the rule has at least
    ``CALIBRATE_MIN_ROWS`` rows and does worse, rounded down to 0.05.

    Why the genre minimum: pooled counts are mostly WSJ 1989 prose, where a paragraph's running topic is
    nearly always the amount's subject; on general news it is right far less often. A confidence that
    holds for users' unseen news must be what the rule earns on the genre it does worst on.
    """
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_genre: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for set_name, by_rule in by_set.items():
        genre = GENRES.get(set_name, "news")
        for key, (n, ok) in by_rule.items():
            rule = key.split("/")[0]
            for acc in (pooled[rule], by_genre[(rule, genre)]):
                acc[0] += n
                acc[1] += ok
    out = {}
    for rule, (n, ok) in sorted(pooled.items()):
        estimate, why = (ok + 1) / (n + 2), f"{ok} / {n} pooled"
        for (r, genre), (gn, gok) in sorted(by_genre.items()):
            if r == rule and gn >= CALIBRATE_MIN_ROWS and (gok + 1) / (gn + 2) < estimate:
                estimate, why = (gok + 1) / (gn + 2), f"{gok} / {gn} on {genre} ({ok} / {n} pooled)"
        genres = ", ".join(f"{g} {gok}/{gn}" for (r, g), (gn, gok) in sorted(by_genre.items()) if r == rule)
        out[rule] = (int(estimate * 20 + 1e-9) / 20, f"{why} [{genres}]")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--set", choices=("gold", "heldout", "retired", "heldout-full", "dev", "timebank", "aquaint", "tempeval",
                                     "tempeval-heldout", "written", "written2", "written3", "written4", "heldout-adj", "heldout3", "heldout3-b", "heldout3-adj", "te3", "te3-b", "te3-adj", "wsj", "wsj-tuning",
                                     "wsj2", "wsj2-b", "wsj2-tuning", "nullsubj", "tuning", "both", "all"),
                    default="both",
                    help="both = gold + heldout; heldout = the documents still held out; retired = the held-out documents "
                    "retired to tuning on 2026-11-27; heldout-full = both halves (comparable with figures before that day); "
                    "dev / timebank / aquaint / tempeval = labelled tuning sets; tempeval-heldout = the held-out half of the TempEval "
                    "facts documents; written / written2 / written3 = the written portal/Wikinews-style corpora (tuning); written4 = "
                    "the blind written corpus of the round of 2026-11-28 (not in tuning); heldout-adj = the kept half on its "
                    "adjudicated labels (a second labeller's check); heldout3 = the third news-dev set, labelled blind in the eleventh session on the counts/changes held-out documents with money or user words; heldout3-b = a second labeller's labels of them; heldout3-adj = the two adjudicated; te3 / te3-b / te3-adj = the fourth blind set (twelfth session: 56 TempEval-3 documents held out for other issues, labelled blind by A and by B, and adjudicated); wsj / wsj-tuning = the held-out / tuning part of 30 TimeBank "
                    "WSJ documents labelled on 2026-11-28; wsj2 / wsj2-tuning = the same for 39 more TimeBank documents (eighth session); wsj2-b = a second labeller's labels of the wsj2 documents; nullsubj = the amount rows main 4beb983 left without a subject on tuning text, judged (only they are scored); tuning = gold + dev + timebank + aquaint + tempeval + written + written2 + "
                    "written3 + wsj-tuning + wsj2-tuning + retired; all = every set")
    ap.add_argument("--details", action="store_true", help="list every wrong and missed subject")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="with --details: write every amount row (subject, rule, confidence, gold subject, right) as JSON lines, "
                         "to compare two versions of the code row by row on the tuning sets")
    ap.add_argument("--calibrate", action="store_true",
                    help="with --set tuning: print each attachment rule's base confidence as rules/facts.yaml derives it")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--context", type=int, default=0, metavar="N",
                    help="with --details: show N characters of text before each listed amount")
    args = ap.parse_args()
    if args.dump:  # a row-by-row listing is a listing of errors: only where --details is allowed
        args.details = True
    global CONTEXT
    CONTEXT = args.context
    import pandas as pd

    from pipeline.settings import Settings

    model = Settings().model
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sets = []
        if args.set in ("gold", "both", "all", "tuning"):
            sets.append(("tests/gold (our 5 articles)", *load_gold_articles()))
        if args.set in ("timebank", "all", "tuning"):
            sets.append(("TimeBank WSJ facts (tuned on)", *load_timebank(args.shared, tmp)))
        if args.set in ("aquaint", "all", "tuning"):
            sets.append(("AQUAINT news facts (tuned on)", *load_timebank(args.shared, tmp, AQUAINT, "aquaint")))
        if args.set in ("tempeval", "all", "tuning"):
            sets.append(("TempEval AP/NYT/broadcast facts (tuned on)",
                         *load_tempeval(args.shared, tmp, TEMPEVAL_TUNING_IDS, TEMPEVAL_TUNING, "tempeval")))
        if args.set in ("written", "all", "tuning"):
            sets.append(("written portal/Wikinews-style facts (tuning; not real news)", *load_written(tmp)))
        if args.set in ("written2", "all", "tuning"):
            sets.append(("second written corpus, longer articles (tuning; not real news)", *load_written(tmp, WRITTEN2_TEXTS, WRITTEN2)))
        if args.set in ("written3", "all", "tuning") and WRITTEN3.exists():
            sets.append(("third written corpus (tuning; not real news)", *load_written(tmp, WRITTEN3_TEXTS, WRITTEN3)))
        if args.set in ("written4", "all"):
            if args.details:
                sys.exit("--details lists errors: not on the blind written corpus (written4)")
            sets.append(("fourth written corpus, blind check (not tuned on; not real news)", *load_written(tmp, WRITTEN4_TEXTS, WRITTEN4)))
        if args.set in ("tempeval-heldout", "all"):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("held-out TempEval facts", *load_tempeval(args.shared, tmp, TEMPEVAL_HELDOUT_IDS, TEMPEVAL_HELDOUT, "tempeval-heldout")))
        if args.set in ("wsj-tuning", "all", "tuning") and all(f.exists() for f in WSJ_TUNING):
            sets.append(("WSJ facts, tuning part (tuned on)", *load_wsj(args.shared, tmp, "tuning", WSJ_TUNING)))
        if args.set in ("wsj", "all"):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("held-out WSJ facts", *load_wsj(args.shared, tmp, "heldout", WSJ_HELDOUT)))
        if args.set in ("wsj2-tuning", "all", "tuning") and all(f.exists() for f in WSJ2_TUNING):
            sets.append(("second WSJ facts, tuning part (tuned on)", *load_wsj(args.shared, tmp, "tuning", WSJ2_TUNING, WSJ2_IDS)))
        if args.set in ("wsj2", "all"):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("second held-out WSJ facts", *load_wsj(args.shared, tmp, "heldout", WSJ2_HELDOUT, WSJ2_IDS)))
        if args.set == "wsj2-b":
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("second held-out WSJ facts, second labeller", *load_wsj(args.shared, tmp, "heldout", WSJ2_HELDOUT_B, WSJ2_IDS)))
        judged = set()
        if args.set in ("nullsubj", "all"):
            for part in load_nullsubj(args.shared, tmp):
                sets.append(part)
                judged.add(part[0])
        if args.set in ("dev", "all", "tuning"):
            import json

            dev_ids = json.loads(DEV_IDS.read_text(encoding="utf-8"))
            sets.append(("news-dev dev facts (tuned on)", *load_heldout(args.shared, tmp, DEV, dev_ids)))
        from corpus import load_split

        facts_ids = load_split()["facts"]
        if args.set in ("retired", "all", "tuning"):
            ids = [d for d in facts_ids if retired(d)]
            sets.append(("news-dev facts retired to tuning (tuned on)", *load_heldout(args.shared, tmp, HELDOUT, ids)))
        if args.set in ("heldout", "both", "all"):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents (use --set retired, dev, timebank, aquaint, gold)")
            ids = [d for d in facts_ids if not retired(d)]
            sets.append(("held-out news-dev facts (kept)", *load_heldout(args.shared, tmp, HELDOUT, ids)))
        if args.set == "heldout-adj":
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            ids = [d for d in facts_ids if not retired(d)]
            sets.append(("held-out news-dev facts (kept), adjudicated labels", *load_heldout(args.shared, tmp, HELDOUT_ADJ, ids)))
        if args.set == "heldout3" or (args.set == "all" and HELDOUT3.exists()):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("third held-out news-dev facts (blind, eleventh session)", *load_heldout3(args.shared, tmp)))
        for name, labels, title in (("heldout3-b", HELDOUT3_B, "second labeller"), ("heldout3-adj", HELDOUT3_ADJ, "adjudicated labels")):
            if args.set == name:
                if args.details:
                    sys.exit("--details lists errors: not on the held-out documents")
                sets.append((f"third held-out news-dev facts, {title}", *load_heldout3(args.shared, tmp, labels)))
        if args.set in TE3_LABELS or (args.set == "all" and all(f.exists() for f in TE3_LABELS["te3"])):
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            name = "te3" if args.set == "all" else args.set
            sets.append((f"fourth held-out facts set, TempEval-3 documents ({name}, blind, twelfth session)",
                         *load_te3(args.shared, tmp, TE3_LABELS[name])))
        if args.set == "heldout-full":
            if args.details:
                sys.exit("--details lists errors: not on the held-out documents")
            sets.append(("held-out news-dev facts, both halves", *load_heldout(args.shared, tmp)))
        by_set: dict[str, dict[str, list[int]]] = {}
        dumped: list[dict] = []
        for k, (name, raw, gold) in enumerate(sets):
            out = tmp / f"out{k}"
            seconds = run_pipeline(raw, out)
            facts = pd.read_parquet(out / "facts.parquet")
            facts = facts.astype(object).where(facts.notna(), None)
            preds: dict[str, list[dict]] = defaultdict(list)
            for row in facts.to_dict("records"):
                preds[row["article_id"]].append(row)
            texts = {aid: (raw / f"{aid}.txt").read_text(encoding="utf-8-sig") for aid in gold}
            if name in judged:
                preds = only_judged(gold, preds)
            s = score(gold, preds, args.details, texts)
            b = None if args.no_baseline or name in judged else baseline(raw, out, gold, model)
            report(name, s, b, seconds)
            for line in s["errors"]:
                print(line)
            by_set[name] = s["by_rule"]
            dumped.extend({"set": name, **row} for row in s["rows"])
        if args.dump:
            args.dump.write_text("".join(json.dumps(row, default=str) + "\n" for row in dumped), encoding="utf-8")
        if args.calibrate:
            if args.set != "tuning":
                sys.exit("--calibrate reads the tuning sets only: use it with --set tuning")
            print("\n== base confidence per rule (rules/facts.yaml confidence.rules), from the tuning sets")
            for rule, (value, why) in calibrate(by_set).items():
                print(f"    {rule + ':':22} {value:.2f}   # {why}")


if __name__ == "__main__":
    main()
