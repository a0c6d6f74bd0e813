"""Held-out multipliers and change statements: the pipeline on 30 news-dev documents it was not tuned on.

Gold: ``benchmarks/heldout/newsdev-changes.jsonl`` (5 multipliers, 26 change statements; conventions in
``newsdev-changes.md``), labelled and frozen before the change work of issue 21. The texts come from
``<shared>/news-dev/news-dev.jsonl``; the 30 documents of the ``changes`` set of
``benchmarks/newsdev/split.json`` are written to a temporary raw folder (``benchmarks/newsdev/corpus.py``:
byte for byte, so gold offsets are raw offsets), the whole pipeline runs on them, and:

- multipliers: ``quantities`` rows of kind ``multiplier`` against gold ``multiplier`` rows;
- change statements: ``changes`` rows of kind ``change`` with at least one of from/to/by values (a
  bare "revenue doubled" is a multiplier, not a change statement, by the gold's convention) against
  gold ``change`` rows.

A prediction matches a gold row of the same document when their spans overlap (one-to-one, in text
order). On matched pairs the script also reports whether the multiplier value / qualifier / kind, and
the change's from, to and by values agree (a value written in neither is agreement). Documents with
no gold row are run and scored too: whatever is found there is a false positive. Not part of pytest.

One rule applies to every set alike (argued in ``benchmarks/README.md``): a change row whose only value is its
amount written before the change word ("20% gain", "a 47% decline") is optional, since the sets' conventions
differ on it and the issue allows both: unmatched, it is neither a miss nor a false positive. The strict figure
(every row counted) is printed below the change-statement line.

    python benchmarks/changes_heldout.py [--shared ../shared] [--details] [--keep DIR]
    python benchmarks/changes_heldout.py --set tuning [--details]         # the tuning set, scored
    python benchmarks/changes_heldout.py --set dev [--limit N] --details   # tuning: print rows, no scores

``--set tuning`` scores ``benchmarks/newsdev/changes-tuning.jsonl`` (labelled for round 2 of issue 21, tuned
on; conventions in its ``.md``): 59 ``dev`` documents of news-dev and 12 TimeBank documents of
``<shared>/peer-suites/tempeval3/timebank.jsonl`` (``dct`` as the publication date), listed in
``changes-tuning.ids.json``. ``--details`` is for this set and ``dev`` only, never for the held-out one.

``--set tuning`` also runs the round-3 batch (``changes-tuning-3.ids.json``: 312 more ``dev`` documents, all
remaining Wikipedia Current-events days and 82 Wikinews articles, read whole; rows appended to the same
``changes-tuning.jsonl``); ``--set tuning3`` scores that batch alone. The round-4 batch (``changes-tuning-4.ids.json``:
15 TimeBank WSJ documents, conventions of the fresh held-out where they differ, see ``changes-tuning-4.md``) is in
``--set tuning`` too and alone in ``--set tuning4``.

``--set fresh`` scores the second, fresh held-out set ``benchmarks/heldout/newsdev-changes-2.jsonl`` (labelled and
frozen before it was scored; conventions in its ``.md``) on the documents listed in the table of
``newsdev-changes-2.md`` (news-dev documents of the ``counts`` split that were read in full, with or without rows),
exactly as the default held-out set is scored. ``--details`` is refused for it.

    python benchmarks/changes_heldout.py --set fresh

``--set written`` scores ``benchmarks/newsdev/written-changes.jsonl`` on the texts of
``written-changes.texts.jsonl`` (issue 21, round 5): ~40 items WRITTEN in the style of 2019-2026 portal days and
Wikinews articles by a writer who never ran the pipeline, with planted non-changes (conventions in
``written-changes.md``). It is written text, not real news: report its figure as such. It is a tuning set
(``--details`` allowed); every text is run and scored, rows or not.

    python benchmarks/changes_heldout.py --set written|written2|written3|written4|written5 [--details]

``--set written3`` scores the third written corpus (round 6, ``written-changes-3.jsonl`` on ``written-changes-3.texts.jsonl``:
40 items written in the same style by a third writer who never ran the pipeline; written text, not real news).

``--set written4`` scores the fourth written corpus (round 7, ``written-changes-4.jsonl`` on ``written-changes-4.texts.jsonl``:
40 items of general Wikinews news, the fresh held-out's genre, written by a fourth writer who never ran the pipeline; written
text, not real news).

``--set written5`` scores the fifth written corpus (round 11, ``written-changes-5.jsonl`` on ``written-changes-5.texts.jsonl``:
32 Wikinews articles and Current-events days of 2019-2026 news on prices, jobs, elections, polls, disease, migration,
tourism, currencies, indices, records, budgets and population, written and labelled by the round-11 session BEFORE any
run on them; the same session then tuned on it, so it is a tuning set whose first score alone is clean).

``--set fresh-b`` and ``--set fresh-adj`` score a second labeller's independent labels of the fresh held-out documents
(``benchmarks/heldout/newsdev-changes-2b.jsonl``) and the adjudicated set of both labellings
(``newsdev-changes-2-adj.jsonl``) on the same documents as ``--set fresh`` (the table of ``newsdev-changes-2.md``), exactly
as ``fresh`` is scored. They are held-out: aggregate figures only, ``--details`` is refused.

    python benchmarks/changes_heldout.py --set fresh-b|fresh-adj

``--set tempeval`` scores ``benchmarks/newsdev/changes-tempeval.jsonl`` (round 8: the 122 TempEval-3 general-news documents
no other changes set used, AQUAINT and TimeBank non-WSJ, labelled before any run on them) on the documents its .md
table lists; a tuning set (``--details`` allowed) whose first score is the clean figure.

``--set wsj`` (held out: figures only) and ``--set wsj-tuning`` (tuning) score the TimeBank WSJ documents of the eighth
session (2026-11-28): 84 documents no changes set had used, split by a fixed hash into halves of 41 and 43, each labelled
by a helper who never ran the pipeline, before any run on them (``benchmarks/heldout/wsj-changes.jsonl`` and
``benchmarks/newsdev/wsj-changes-tuning.jsonl``, documents from the tables of their .md; conventions there).
``--set wsj-b`` scores a second labeller's independent labels of the held-out half (``wsj-changes-b.jsonl``) on the
same documents (figures only).

``--set changes-b`` and ``--set changes-adj`` do the same for the first held-out set: a second labeller's independent
labels of its 30 documents (``newsdev-changes-1b.jsonl``) and the set adjudicated between the two labellers
(``newsdev-changes-1-adj.jsonl``, see ``newsdev-changes-1b.md``). ``--details`` is refused for all three.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.intervals import interval_text  # noqa: E402
from benchmarks.labels import table_doc_ids  # noqa: E402
from benchmarks.newsdev.corpus import DEFAULT_SHARED, load_newsdev, load_split, write_raw  # noqa: E402

GOLD = REPO / "benchmarks" / "heldout" / "newsdev-changes.jsonl"
TUNING = REPO / "benchmarks" / "newsdev" / "changes-tuning.jsonl"
FRESH = REPO / "benchmarks" / "heldout" / "newsdev-changes-2.jsonl"
FRESH_MD = FRESH.with_suffix(".md")
TUNING_IDS = REPO / "benchmarks" / "newsdev" / "changes-tuning.ids.json"
#: the round-3 batch of tuning documents (all read whole; labelled before the pipeline was run on them)
TUNING3_IDS = REPO / "benchmarks" / "newsdev" / "changes-tuning-3.ids.json"
#: the round-4 batch: 15 TimeBank WSJ documents (fixed selection rule in changes-tuning-4.md; labelled before any run)
TUNING4_IDS = REPO / "benchmarks" / "newsdev" / "changes-tuning-4.ids.json"
#: the round-5 written corpus (texts written in the portal/Wikinews style, labelled by their writer)
WRITTEN = REPO / "benchmarks" / "newsdev" / "written-changes.jsonl"
WRITTEN_TEXTS = REPO / "benchmarks" / "newsdev" / "written-changes.texts.jsonl"
#: a second written corpus (round 5, end of session): longer articles, statements across sentences, many
#: planted non-changes; written by another helper who never saw the first (written-changes-2.md)
WRITTEN2 = REPO / "benchmarks" / "newsdev" / "written-changes-2.jsonl"
WRITTEN2_TEXTS = REPO / "benchmarks" / "newsdev" / "written-changes-2.texts.jsonl"
#: a third written corpus (round 6): a third writer, 40 items, many planted non-changes (written-changes-3.md)
WRITTEN3 = REPO / "benchmarks" / "newsdev" / "written-changes-3.jsonl"
WRITTEN3_TEXTS = REPO / "benchmarks" / "newsdev" / "written-changes-3.texts.jsonl"
#: a fourth written corpus (round 7): a fourth writer, 40 general-news items of the fresh held-out's genre (crashes, disasters,
#: elections, epidemics, science, sport, obituaries; written-changes-4.md)
WRITTEN4 = REPO / "benchmarks" / "newsdev" / "written-changes-4.jsonl"
WRITTEN4_TEXTS = REPO / "benchmarks" / "newsdev" / "written-changes-4.texts.jsonl"
#: a fifth written corpus (round 11): 32 items of the fresh held-out's genre (Wikinews articles and Current-events days on
#: elections, polls, fuel and food prices, inflation, jobs, disease, migration, tourism, currencies, indices, sport records,
#: budgets, population), labelled before any run on them (written-changes-5.md)
WRITTEN5 = REPO / "benchmarks" / "newsdev" / "written-changes-5.jsonl"
WRITTEN5_TEXTS = REPO / "benchmarks" / "newsdev" / "written-changes-5.texts.jsonl"
#: a second labeller's independent labels of the fresh held-out documents, and the adjudicated set (held-out)
FRESH_B = REPO / "benchmarks" / "heldout" / "newsdev-changes-2b.jsonl"
FRESH_ADJ = REPO / "benchmarks" / "heldout" / "newsdev-changes-2-adj.jsonl"
#: the held-out sets of the fresh documents: figures only, never --details
FRESH_SETS = ("fresh", "fresh-b", "fresh-adj")
#: change statements and multipliers of the TempEval-3 general-news documents (AQUAINT + TimeBank non-WSJ) no other
#: changes set used (changes-tempeval.ids.json), labelled on 2026-11-28 (seventh session) by a helper who never ran the
#: pipeline, before any run on them: a tuning set whose first score is a clean figure on real general news (``--set tempeval``)
TEMPEVAL = REPO / "benchmarks" / "newsdev" / "changes-tempeval.jsonl"
#: a second labeller's independent labels of the FIRST held-out set's 30 documents (2026-11-28, seventh session),
#: and the set adjudicated between the two (newsdev-changes-1b.md): held-out, scored on the ``changes`` documents
FIRST_B = REPO / "benchmarks" / "heldout" / "newsdev-changes-1b.jsonl"
FIRST_ADJ = REPO / "benchmarks" / "heldout" / "newsdev-changes-1-adj.jsonl"
FIRST_SETS = ("changes", "changes-b", "changes-adj")
#: TimeBank documents (1989-90 WSJ) no changes set used, split by sha256('changes' + doc_id) parity and labelled on
#: 2026-11-28 (eighth session) by two helpers who never ran the pipeline, before any run on them: a held-out half
#: (``--set wsj``, figures only) and a tuning half (``--set wsj-tuning``); documents from the table of each .md
WSJ = REPO / "benchmarks" / "heldout" / "wsj-changes.jsonl"
WSJ_TUNING = REPO / "benchmarks" / "newsdev" / "wsj-changes-tuning.jsonl"
#: a second labeller's independent labels of the held-out half's documents (``--set wsj-b``, figures only)
WSJ_B = REPO / "benchmarks" / "heldout" / "wsj-changes-b.jsonl"
#: eleventh session (2026-11-28): change statements and multipliers of the ``facts`` split's 78 documents (held out from all
#: tuning, never labelled for changes), sha256 order (benchmarks/heldout/newsdev-changes-3.ids.json), labelled blind by two
#: helpers who never ran the pipeline, one per half (parts a and b), frozen before any score; documents from each part's
#: .md table (``--set fresh3``, figures only)
FRESH3_PARTS = [REPO / "benchmarks" / "heldout" / f"newsdev-changes-3{k}.jsonl" for k in "ab"]
FRESH3_IDS = REPO / "benchmarks" / "heldout" / "newsdev-changes-3.ids.json"
#: its documents in the facts set's retired part (``retired_from_facts``: free to read for facts since 2026-11-27) are a
#: tuning part (``--set fresh3-tuning``, details allowed); the rest stays held out (``--set fresh3``); ``fresh3-full``
#: scores both, as the set's first score did
FRESH3_SETS = ("fresh3", "fresh3-tuning", "fresh3-full")
#: a second labeller's independent labels of the held-out part's 49 documents (``--set fresh3-c``, figures only)
FRESH3_C = REPO / "benchmarks" / "heldout" / "newsdev-changes-3c.jsonl"
#: the two labellings of those 49 documents adjudicated row by row (newsdev-changes-3-adj.md; ``--set fresh3-adj``)
FRESH3_ADJ = REPO / "benchmarks" / "heldout" / "newsdev-changes-3-adj.jsonl"
#: the fourth blind set (twelfth session): the 27 TempEval-3 documents with a change cue that no changes file had named,
#: every one held out for another issue, so held out here too; labelled blind by A and by B (``--set te3 / te3-b``,
#: figures only), documents from the table of each .md (``| # | doc_id | rows |``)
TE3_IDS = REPO / "benchmarks" / "heldout" / "te3-changes.ids.json"
TE3_SETS = {"te3": REPO / "benchmarks" / "heldout" / "te3-changes-a.jsonl",
            "te3-b": REPO / "benchmarks" / "heldout" / "te3-changes-b.jsonl",
            "te3-adj": REPO / "benchmarks" / "heldout" / "te3-changes-adj.jsonl"}
#: every held-out set: figures only, --details refused
HELDOUT_SETS = (*FIRST_SETS, "fresh", "fresh-b", "fresh-adj", "wsj", "wsj-b", "fresh3", "fresh3-full", "fresh3-c", "fresh3-adj", *TE3_SETS)
#: the written corpora: --set name -> (labels, texts)
WRITTEN_SETS = {"written": (WRITTEN, WRITTEN_TEXTS), "written2": (WRITTEN2, WRITTEN2_TEXTS), "written3": (WRITTEN3, WRITTEN3_TEXTS),
                "written4": (WRITTEN4, WRITTEN4_TEXTS), "written5": (WRITTEN5, WRITTEN5_TEXTS)}
#: ../shared beside the repository, or beside the folder of worktrees (a git worktree under wt/)
SHARED = next((p for p in (DEFAULT_SHARED, REPO.parent.parent / "shared") if (p / "news-dev").is_dir()), DEFAULT_SHARED)


def load_gold(path: Path = GOLD) -> dict[str, list[dict[str, Any]]]:
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                gold[row["doc_id"]].append(row)
    return dict(gold)


def fresh_doc_ids(path: Path = FRESH_MD, columns: int = 4) -> list[str]:
    """The documents read for the fresh held-out set: the doc_id column of the table in its .md, in order
    (``columns``: the table's width, ``| # | doc_id | multiplier | change |`` there, ``| # | doc_id | rows |`` in fresh3)."""
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == columns and cells[0].isdigit():
            ids.append(cells[1])
    if not ids or len(ids) != len(set(ids)):
        sys.exit(f"no or duplicate documents in the table of {path}")
    return ids


def fresh3(which: str = "fresh3-full") -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """The third fresh set: the documents of both labellers' tables (each inside its half of the id list) and their rows;
    ``which`` picks the held-out part, the tuning part or both (see FRESH3_SETS)."""
    from benchmarks.newsdev.split import retired_from_facts

    listed = json.loads(FRESH3_IDS.read_text(encoding="utf-8"))
    missing = [p.name for p in FRESH3_PARTS if not p.is_file()]
    if missing:
        sys.exit(f"label file(s) not found: {', '.join(missing)}")
    doc_ids: list[str] = []
    gold: dict[str, list[dict[str, Any]]] = {}
    for part, key in zip(FRESH3_PARTS, ("doc_ids_a", "doc_ids_b")):
        ids = fresh_doc_ids(part.with_suffix(".md"), columns=3)
        if set(ids) - set(listed[key]):
            sys.exit(f"{part.name}: documents outside its half of {FRESH3_IDS.name}: {sorted(set(ids) - set(listed[key]))[:2]}")
        rows = load_gold(part)
        if set(rows) - set(ids):
            sys.exit(f"{part.name}: rows of documents not in the table of its .md: {sorted(set(rows) - set(ids))[:2]}")
        doc_ids += ids
        gold.update(rows)
    if which != "fresh3-full":
        doc_ids = [d for d in doc_ids if retired_from_facts(d) == (which == "fresh3-tuning")]
        gold = {d: rows for d, rows in gold.items() if d in set(doc_ids)}
    return doc_ids, gold


def load_written(path: Path = WRITTEN_TEXTS) -> list[dict]:
    """The written texts in file order, news-dev-shaped (``set`` says they are written, not real news)."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                d = json.loads(line)
                docs.append({"doc_id": d["doc_id"], "text": d["text"], "published": d["published"], "title": d.get("title", ""), "set": "written"})
    if len({d["doc_id"] for d in docs}) != len(docs):
        sys.exit(f"duplicate doc_id in {path}")
    return docs


def load_timebank(shared: Path, suite: str = "timebank") -> dict[str, dict]:
    """TimeBank (or another TempEval-3 suite's) documents as news-dev-shaped dicts (``dct`` is the publication date)."""
    docs = {}
    with (shared / "peer-suites" / "tempeval3" / f"{suite}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                d = json.loads(line)
                docs[d["doc_id"]] = {"doc_id": d["doc_id"], "text": d["text"], "published": d["dct"], "title": "", "set": suite}
    return docs


def tempeval_doc_ids(path: Path) -> list[str]:
    """The documents read for a TempEval-3 changes set: the doc_id column (``| T1 | <doc_id> | <rows> |``) of its .md."""
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 3 and re.fullmatch(r"T\d+", cells[0]):
            ids.append(cells[1])
    if not ids or len(ids) != len(set(ids)):
        sys.exit(f"no or duplicate documents in the table of {path}")
    return ids


def run_pipeline(docs: list[dict], work: Path) -> tuple[dict[str, str], dict[str, list[dict]]]:
    """Run newsfacts on ``docs``; return (article_id -> doc_id, table -> rows as dicts)."""
    from pipeline.run import run
    from pipeline.settings import Settings
    from pipeline.tables import SCHEMAS, read_table

    raw, out = work / "raw", work / "extracted"
    ids = write_raw(docs, raw)
    run(Settings(raw_dir=raw, out_dir=out, rules_dir=REPO / "rules", incremental=False).validated())
    tables = {}
    for name in ("quantities", "changes", "money", "user_counts"):
        if name in SCHEMAS and (out / f"{name}.parquet").exists():
            frame = read_table(name, out)
            tables[name] = [{k: (None if _missing(v) else v) for k, v in r.items()} for r in frame.to_dict("records")]
        else:
            tables[name] = []
    return {aid: did for did, aid in ids.items()}, tables


def _missing(v: Any) -> bool:
    try:
        import pandas as pd

        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-9)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, greedily in text order (largest overlap first)."""
    pairs, used = [], set()
    for g in sorted(gold, key=lambda r: r["start"]):
        best, best_overlap = None, 0
        for i, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


#: gold by-units written in basis points (the written corpus keeps them as written); the pipeline gives percentage points
BASIS_POINT_UNITS = frozenset({"basis points", "basis point", "bps", "bp"})


def gold_value(g: dict, part: str) -> Any:
    """A gold from/to/by value in the pipeline's unit: a by-amount labelled in basis points ("drops 14 basis points",
    by 14 'basis points' in ``written-changes.jsonl``) is compared in percentage points (0.14), as the pipeline
    writes it (by_unit %). Nothing else is converted."""
    v = g[f"{part}_value"]
    if part == "by" and v is not None and (g.get("by_unit") or "").lower() in BASIS_POINT_UNITS:
        return float(v) / 100
    return v


#: a number as written, for finding a predicted value in a label's note
NOTE_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def named_before(g: dict, p: dict, part: str) -> bool:
    """Whether a predicted value the gold row leaves null is the one its labeller named as written before the labelled span
    (round 4, convention 1: "$66.50 a share, up $1.50": the held-out-style sets start the span at the change word, set
    ``to`` null and name the later value in the note, "later value $66.50 before the change word"; the pipeline links it,
    as the issue asks). True when the gold value is null, the predicted value's text ends at or before the gold span's
    start, and the note names that text (its number, or the words when it has no digit). A value of the same place the
    note does not name ("held from 11 April to 19 May, an increase of 84 million", note "later value 'About 900 million'")
    stays a disagreement. See ``benchmarks/README.md`` (changes, round 14)."""
    if g[f"{part}_value"] is not None or p.get(f"{part}_value") is None:
        return False
    start, end = p.get(f"{part}_start"), p.get(f"{part}_end")
    if start is None or end is None or end > g["start"] or start < p["start"]:
        return False
    written = p["text"][start - p["start"] : end - p["start"]]
    note = g.get("note") or ""
    numbers = NOTE_NUMBER_RE.findall(written)
    if not numbers:
        return bool(written.strip()) and written.strip().lower() in note.lower()
    return re.search(r"(?<![\d.,])" + re.escape(numbers[0]) + r"(?![\d]|[.,]\d)", note) is not None


def optional_gold(g: dict) -> bool:
    """A gold change row both readings of the conventions allow: its only value is its amount, written first
    and followed by the change word ("20% gain", "a 47% decline in earnings" labelled as "47% decline"); a gapped
    number-only row ("and profit 8%": span "8%") is not one. See ``benchmarks/README.md``."""
    by = g["by_text"] or ""
    return g["from_value"] is None and g["to_value"] is None and bool(by) and g["text"].startswith(by) and len(g["text"]) > len(by)


def optional_pred(p: dict) -> bool:
    """The same for a predicted change row: no from or to value, the span starts at the amount and goes on past it."""
    return (p["from_value"] is None and p["to_value"] is None and p.get("by_start") is not None and p["by_start"] == p["start"]
            and p["end"] > p["by_end"])


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"P {p:.3f} ({tp}/{n_pred}) {interval_text(tp, n_pred)}  R {r:.3f} ({tp}/{n_gold}) {interval_text(tp, n_gold)}"
            f"  F1 {f:.3f}")


def predictions(by_doc: dict[str, str], tables: dict[str, list[dict]]) -> tuple[dict, dict]:
    """(doc_id -> multiplier rows, doc_id -> change-statement rows), multipliers carrying their kind."""
    kinds: dict[tuple[str, int, int], str] = {}
    for c in tables["changes"]:
        if c.get("multiplier_start") is not None:
            kinds[(c["article_id"], c["multiplier_start"], c["multiplier_end"])] = c["kind"]
    mults: dict[str, list[dict]] = defaultdict(list)
    for q in tables["quantities"]:
        if q["kind"] == "multiplier":
            mults[by_doc[q["article_id"]]].append({**q, "mkind": kinds.get((q["article_id"], q["start"], q["end"]))})
    changes: dict[str, list[dict]] = defaultdict(list)
    for c in tables["changes"]:
        if c["kind"] == "change" and any(c.get(k) is not None for k in ("from_value", "to_value", "by_value")):
            changes[by_doc[c["article_id"]]].append(c)
    return mults, changes


def score(gold: dict[str, list[dict]], mults: dict, changes: dict, doc_ids: list[str], details: bool) -> None:
    tp_m = n_pred_m = n_gold_m = 0
    agree_m = defaultdict(int)
    tp_c = n_pred_c = n_gold_c = 0
    #: unmatched optional rows (gold, predicted): left out of the counts by the optional-row rule
    opt_g = opt_p = 0
    agree_c = defaultdict(int)
    for doc_id in doc_ids:
        g_m = [g for g in gold.get(doc_id, []) if g["type"] == "multiplier"]
        g_c = [g for g in gold.get(doc_id, []) if g["type"] == "change"]
        p_m, p_c = mults.get(doc_id, []), changes.get(doc_id, [])
        pairs_m, pairs_c = match(g_m, p_m), match(g_c, p_c)
        tp_m, n_pred_m, n_gold_m = tp_m + len(pairs_m), n_pred_m + len(p_m), n_gold_m + len(g_m)
        tp_c, n_pred_c, n_gold_c = tp_c + len(pairs_c), n_pred_c + len(p_c), n_gold_c + len(g_c)
        matched_gc, matched_pc = {id(g) for g, _ in pairs_c}, {id(p) for _, p in pairs_c}
        opt_g += sum(1 for g in g_c if id(g) not in matched_gc and optional_gold(g))
        opt_p += sum(1 for p in p_c if id(p) not in matched_pc and optional_pred(p))
        for g, p in pairs_m:
            agree_m["value"] += same(g["value"], p["value"])
            agree_m["qualifier"] += g["qualifier"] == p["qualifier"]
            agree_m["kind"] += g["kind"] == p["mkind"]
        for g, p in pairs_c:
            for part in ("from", "to", "by"):
                agree_c[part] += same(gold_value(g, part), p[f"{part}_value"])
                agree_c[f"{part}_named"] += same(gold_value(g, part), p[f"{part}_value"]) or named_before(g, p, part)
            agree_c["direction"] += g["direction"] == p["direction"]
        if details:
            matched_g = {id(g) for g, _ in pairs_m + pairs_c}
            matched_p = {id(p) for _, p in pairs_m + pairs_c}
            for g in g_m + g_c:
                if id(g) not in matched_g:
                    opt = " optional" if g["type"] == "change" and optional_gold(g) else ""
                    print(f"  MISS {g['type']:10} {doc_id[:50]} {g['start']}:{g['end']} {g['text']!r}{opt}")
            for p in p_m + p_c:
                if id(p) not in matched_p:
                    what = "multiplier" if p in p_m else "change"
                    opt = " optional" if what == "change" and optional_pred(p) else ""
                    print(f"  FP   {what:10} {doc_id[:50]} {p['start']}:{p['end']} {p['text']!r} ({p['rule']}){opt}")
            for g, p in pairs_c:
                bad = [k for k in ("from", "to", "by") if not same(gold_value(g, k), p[f"{k}_value"])]
                if bad:
                    named = [k for k in bad if named_before(g, p, k)]
                    tag = f" (named in the note, before the span: {', '.join(named)})" if named else ""
                    print(f"  VALUE change     {doc_id[:50]} {p['text']!r}: " + ", ".join(f"{k} gold {gold_value(g, k)} got {p[f'{k}_value']}" for k in bad) + tag)
            for g, p in pairs_m:
                if not same(g["value"], p["value"]) or g["qualifier"] != p["qualifier"] or g["kind"] != p["mkind"]:
                    print(f"  VALUE multiplier {doc_id[:50]} {p['text']!r}: gold {g['value']} {g['qualifier']} {g['kind']}, got {p['value']} {p['qualifier']} {p['mkind']}")
    print(f"multipliers        {prf(tp_m, n_pred_m, n_gold_m)}")
    print(f"  on matched ({tp_m}): value {agree_m['value']}, qualifier {agree_m['qualifier']}, kind {agree_m['kind']}")
    print(f"change statements  {prf(tp_c, n_pred_c - opt_p, n_gold_c - opt_g)}")
    print(f"  on matched ({tp_c}): from {agree_c['from']}, to {agree_c['to']}, by {agree_c['by']}, direction {agree_c['direction']}")
    print(f"  on matched, a value the label leaves null but its note names as written before the span counted right: from "
          f"{agree_c['from_named']}, to {agree_c['to_named']}, by {agree_c['by_named']}")
    print(f"  strict (every row counted; {opt_g} optional gold, {opt_p} optional predicted rows unmatched): {prf(tp_c, n_pred_c, n_gold_c)}")


def dump(mults: dict, changes: dict, doc_ids: list[str]) -> None:
    """Every predicted row, for reading by eye (tuning on dev documents)."""
    for doc_id in doc_ids:
        for m in mults.get(doc_id, []):
            print(f"  MULT   {doc_id[:40]} {m['text']!r} {m['value']} {m['qualifier']} {m['mkind']} ({m['rule']})")
        for c in changes.get(doc_id, []):
            print(f"  CHANGE {doc_id[:40]} {c['text']!r} from {c['from_value']} to {c['to_value']} by {c['by_value']} {c['by_unit']} {c['direction']} ({c['rule']})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--set", default="changes", choices=(*FIRST_SETS, *FRESH_SETS, *FRESH3_SETS, "fresh3-c", "fresh3-adj", *TE3_SETS, "wsj", "wsj-b", "wsj-tuning", "tuning", "tuning3", "tuning4", "tempeval", *WRITTEN_SETS, "dev"),
                        help="changes: the held-out set, scored; fresh: the second (fresh) held-out set, scored; fresh-b / fresh-adj: "
                        "a second labeller's labels of the fresh documents / the adjudicated set, scored; changes-b / changes-adj: the same "
                        "for the first held-out set's documents; fresh3: the third held-out set (the facts split's kept documents, labelled blind in the eleventh session); fresh3-tuning: its documents retired to tuning; fresh3-full: both; fresh3-c: a second labeller's labels of fresh3's documents; fresh3-adj: the two adjudicated; te3 / te3-b / te3-adj: the fourth held-out set (27 TempEval-3 documents held out for other issues, labelled blind in the twelfth session by A / by B / adjudicated); wsj / wsj-tuning: the TimeBank WSJ held-out / tuning halves of the eighth session"
                        "; "
                        "tuning: the tuning set, scored; tuning3 / tuning4: its round-3 / round-4 batch alone; "
                        "written / written2 / written3 / written4 / written5: the written corpora (texts written in the portal or Wikinews style, not real news), scored; "
                        "dev: tuning documents, rows printed")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of the set (dev only)")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--keep", type=Path, default=None, help="keep raw/ and extracted/ here")
    args = parser.parse_args(argv)
    if args.set in HELDOUT_SETS and args.details:
        parser.error(f"--details is refused for the held-out set {args.set}")
    newsdev = load_newsdev(args.shared)
    if args.set in ("tuning", "tuning3", "tuning4"):
        newsdev = {**load_timebank(args.shared), **newsdev}
        batches = {name: json.loads(path.read_text(encoding="utf-8"))
                   for name, path in (("tuning2", TUNING_IDS), ("tuning3", TUNING3_IDS), ("tuning4", TUNING4_IDS))}
        doc_ids = batches[args.set] if args.set in batches else [d for ids in batches.values() for d in ids]
    elif args.set in FRESH_SETS:
        doc_ids = fresh_doc_ids()
    elif args.set in FRESH3_SETS:
        doc_ids, fresh3_gold = fresh3(args.set)
    elif args.set in ("fresh3-c", "fresh3-adj"):
        labels = FRESH3_C if args.set == "fresh3-c" else FRESH3_ADJ
        doc_ids = fresh_doc_ids(labels.with_suffix(".md"), columns=3)
        if set(doc_ids) != set(fresh3("fresh3")[0]):
            sys.exit(f"{labels.name}: its documents are not the held-out part of fresh3")
    elif args.set in WRITTEN_SETS:
        written = load_written(WRITTEN_SETS[args.set][1])
        newsdev = {**newsdev, **{d["doc_id"]: d for d in written}}
        doc_ids = [d["doc_id"] for d in written]
    elif args.set in TE3_SETS:
        suites = {d["suite"] for d in json.loads(TE3_IDS.read_text(encoding="utf-8"))["docs"]}
        newsdev = {**newsdev, **{k: v for suite in sorted(suites) for k, v in load_timebank(args.shared, suite).items()}}
        if not TE3_SETS[args.set].is_file():
            sys.exit(f"label file not found: {TE3_SETS[args.set].name}")
        listed = {d["doc_id"] for d in json.loads(TE3_IDS.read_text(encoding="utf-8"))["docs"]}
        doc_ids = table_doc_ids(TE3_SETS[args.set].with_suffix(".md"), listed)
    elif args.set in ("wsj", "wsj-b", "wsj-tuning"):
        newsdev = {**newsdev, **load_timebank(args.shared)}
        doc_ids = tempeval_doc_ids((WSJ_TUNING if args.set == "wsj-tuning" else WSJ).with_suffix(".md"))
    elif args.set == "tempeval":
        newsdev = {**newsdev, **load_timebank(args.shared), **load_timebank(args.shared, "aquaint")}
        doc_ids = tempeval_doc_ids(TEMPEVAL.with_suffix(".md"))
    elif args.set in FIRST_SETS:
        doc_ids = list(load_split()["changes"])
    else:
        doc_ids = list(load_split()[args.set])
    if args.set == "dev" and args.limit:
        doc_ids = doc_ids[: args.limit]
    docs = [newsdev[d] for d in doc_ids]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        by_doc, tables = run_pipeline(docs, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            by_doc, tables = run_pipeline(docs, Path(tmp))
    mults, changes = predictions(by_doc, tables)
    if args.set == "dev":
        dump(mults, changes, doc_ids)
        return
    golds = {"tuning": TUNING, "tuning3": TUNING, "tuning4": TUNING, "fresh": FRESH, "fresh-b": FRESH_B, "fresh-adj": FRESH_ADJ,
             "changes-b": FIRST_B, "changes-adj": FIRST_ADJ, "tempeval": TEMPEVAL, "wsj": WSJ, "wsj-b": WSJ_B, "wsj-tuning": WSJ_TUNING, "fresh3-c": FRESH3_C, "fresh3-adj": FRESH3_ADJ, **TE3_SETS}
    gold = fresh3_gold if args.set in FRESH3_SETS else load_gold({**golds, **{name: labels for name, (labels, _) in WRITTEN_SETS.items()}}.get(args.set, GOLD))
    if args.set in ("tuning3", "tuning4"):
        gold = {d: rows for d, rows in gold.items() if d in set(doc_ids)}
    unknown = set(gold) - set(doc_ids)
    if unknown:
        sys.exit(f"gold documents not in the {args.set} set: {sorted(unknown)}")
    print(f"{len(doc_ids)} documents, {sum(len(v) for v in gold.values())} gold rows")
    score(gold, mults, changes, doc_ids, args.details)


if __name__ == "__main__":
    main()
