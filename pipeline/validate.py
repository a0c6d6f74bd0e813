"""``newsfacts validate``: score an extraction run against the hand-labelled gold files.

Reads only the gold JSONL files (``tests/gold/<article_id>.jsonl``) and the Parquet tables (through
``pipeline.tables.read_table``); it never imports an extractor, so it scores what a user would load.
Per gold type a prediction matches a gold mention when both are in the same article and their spans
overlap (one-to-one, best overlap first); exact spans are counted separately. Values are compared on
matched spans only, so a span error and a value error are never counted twice. Thresholds live in
``params.yaml`` (``validate.thresholds``): a figure under its threshold makes the command exit 1, which
is what stops a change that makes extraction worse.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.commands import EXTRACTED, add_command, path, switch
from pipeline.errors import NewsfactsError
from pipeline.gold import (  # noqa: F401 - re-exported: validate's public reading API is the gold module's
    CONSOLIDATED,
    CONSOLIDATED_STATUSES,
    FACT,
    GOLD_TYPES,
    REQUIRED_CONSOLIDATED,
    REQUIRED_FACT,
    REQUIRED_MENTION,
    TYPE_TABLES,
    TYPES,
    GoldError,
    iter_jsonl,
    plain,
    read_gold,
    read_gold_file,
)

#: Consolidated gold lists some rows, not all: recall and per-field accuracy, no precision.
CONSOLIDATED_FIELDS = ("value", "status", "articles")
CONSOLIDATED_MEASURES = ("gold", "tp", "recall", *(f"{f}_accuracy" for f in CONSOLIDATED_FIELDS), "fields_accuracy")

#: Measures written per type; thresholds may name any of them.
MEASURES = ("gold", "predicted", "tp", "precision", "recall", "f1", "exact_tp", "exact_f1", "value_accuracy",
            "qualifier_accuracy", "metric_accuracy")
FACT_FIELDS = ("subject", "metric", "value", "period")
FACT_MEASURES = (*MEASURES[:-2], *(f"{f}_accuracy" for f in FACT_FIELDS if f != "value"), "fields_accuracy")

DEFAULT_TOLERANCE = 0.005
#: Keys of the ``validate`` section of params.yaml (paths are read by dvc.yaml, the rest here).
PARAM_KEYS = ("gold", "extracted", "metrics", "plots", "tolerance", "thresholds")


class ThresholdError(NewsfactsError):
    """The ``validate`` section of the params file is malformed."""


def read_predictions(extracted: Path, article_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every scored table, restricted to the articles that have gold, as plain dicts."""
    from pipeline.tables import read_table, table_path

    extracted = Path(extracted)
    if not table_path("articles", extracted).exists():
        raise NewsfactsError(f"{extracted}: no articles table; run `newsfacts extract --out {extracted}` first")
    wanted = set(article_ids)
    tables = {t for t, _ in TYPE_TABLES.values()} | {"facts"}
    out: dict[str, list[dict[str, Any]]] = {}
    for name in sorted(tables):
        frame = read_table(name, extracted, missing_ok=True)
        frame = frame[frame["article_id"].isin(wanted)]
        out[name] = [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    return out





# --- matching --------------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts of one type and the matched/missed/spurious rows behind them."""

    kind: str
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    exact_tp: int = 0
    correct: dict[str, int] = field(default_factory=dict)
    matches: list[tuple[dict, dict]] = field(default_factory=list)
    #: matched pairs with the names of the checks they fail (value, subject, period...)
    wrong: list[tuple[dict, dict, list[str]]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        precision = _ratio(self.tp, self.predicted, self.gold == 0)
        recall = _ratio(self.tp, self.gold, self.predicted == 0)
        out: dict[str, float] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "exact_tp": self.exact_tp,
            "exact_f1": _f1(_ratio(self.exact_tp, self.predicted, self.gold == 0), _ratio(self.exact_tp, self.gold, self.predicted == 0)),
        }
        for name, n in self.correct.items():
            out[f"{name}_accuracy"] = _ratio(n, self.tp, self.gold == 0)
        return out


def _ratio(n: int, d: int, empty_is_perfect: bool) -> float:
    """n/d; with nothing to count it is 1.0 when there was nothing to find either, else 0.0."""
    if d:
        return round(n / d, 4)
    return 1.0 if empty_is_perfect else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap over union (0 when the spans do not overlap)."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match_one_to_one(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment over (score, gold index, predicted index), best score first."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, g, p in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if score <= 0 or g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p))
    return out


def close(a: Any, b: Any, tolerance: float) -> bool:
    """Numbers equal within a relative ``tolerance`` (0.005 = 0.5 %)."""
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return False
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if math.isnan(a) or math.isnan(b):
        return False
    return abs(a - b) <= tolerance * max(abs(a), abs(b)) if a or b else True


def _number_ok(gold: Mapping[str, Any], value: Any, low: Any, high: Any, tolerance: float) -> bool:
    """The value (range midpoint) agrees, or both ends of a range agree."""
    if close(gold.get("value"), value, tolerance):
        return True
    return close(gold.get("value_low"), low, tolerance) and close(gold.get("value_high"), high, tolerance)


def _same_text(a: Any, b: Any) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and str(a).casefold() == str(b).casefold())


def value_ok(kind: str, gold: Mapping[str, Any], pred: Mapping[str, Any], tolerance: float) -> bool:
    """Value comparison of a matched mention: money also needs the same currency, dates equal values."""
    if kind == "money":
        return _same_text(gold.get("unit"), pred.get("currency")) and _number_ok(gold, pred.get("amount"), pred.get("amount_low"), pred.get("amount_high"), tolerance)
    if kind == "date":
        return gold.get("value") is not None and str(gold.get("value")) == str(pred.get("value"))
    return _number_ok(gold, pred.get("value"), pred.get("value_low"), pred.get("value_high"), tolerance)


def score_mentions(kind: str, gold: Mapping[str, list[dict]], preds: list[dict], tolerance: float) -> Score:
    """Match one mention type over every gold article; see the module docstring."""
    table, sub_kind = TYPE_TABLES[kind]
    checks = mention_checks(kind, tolerance)
    score = Score(kind, correct={name: 0 for name in checks})
    for article_id, rows in gold.items():
        g_rows = [r for r in rows if r.get("type") == kind]
        p_rows = [r for r in preds if r["article_id"] == article_id and (sub_kind is None or r.get("kind") == sub_kind)]
        _score_article(score, g_rows, p_rows, lambda g: (g["start"], g["end"]), checks["value"], checks=checks)
    return score


def mention_checks(kind: str, tolerance: float) -> dict[str, Callable[[dict, dict], bool]]:
    """value (the scored one); also qualifier for numbers and metric for money and user counts
    (informational ``*_accuracy`` figures that thresholds may name)."""
    checks: dict[str, Callable[[dict, dict], bool]] = {"value": lambda g, p: value_ok(kind, g, p, tolerance)}
    if kind != "date":
        checks["qualifier"] = lambda g, p: _same_text(g.get("qualifier") or "exact", p.get("qualifier"))
    if kind in ("money", "user_count"):
        checks["metric"] = lambda g, p: _same_text(g.get("metric"), p.get("metric"))
    return checks


def _score_article(
    score: Score,
    g_rows: list[dict],
    p_rows: list[dict],
    gold_span: Callable[[dict], tuple[int, int] | None],
    agree: Callable[[dict, dict], bool],
    fallback: Callable[[dict, dict], float] | None = None,
    checks: Mapping[str, Callable[[dict, dict], bool]] | None = None,
) -> None:
    pairs = []
    for gi, g in enumerate(g_rows):
        span = gold_span(g)
        for pi, p in enumerate(p_rows):
            if span is not None:
                ov = _overlap(span, (p["start"], p["end"]))
                # ties on overlap go to the prediction whose value agrees
                pairs.append((ov + (0.001 if ov and agree(g, p) else 0.0), gi, pi))
            elif fallback is not None:
                pairs.append((fallback(g, p), gi, pi))
    matched = match_one_to_one(pairs)
    score.gold += len(g_rows)
    score.predicted += len(p_rows)
    score.tp += len(matched)
    checks = checks or {"value": agree}
    for gi, pi in matched:
        g, p = g_rows[gi], p_rows[pi]
        score.matches.append((g, p))
        if gold_span(g) == (p["start"], p["end"]):
            score.exact_tp += 1
        failed = []
        for name, check in checks.items():
            ok = check(g, p)
            score.correct[name] = score.correct.get(name, 0) + int(ok)
            if not ok and name != "fields":
                failed.append(name)
        if failed:
            score.wrong.append((g, p, failed))
    done_g = {g for g, _ in matched}
    done_p = {p for _, p in matched}
    score.misses.extend(g for i, g in enumerate(g_rows) if i not in done_g)
    score.false_positives.extend(p for i, p in enumerate(p_rows) if i not in done_p)


# --- facts -------------------------------------------------------------------------------------------


def fact_checks(tolerance: float) -> dict[str, Callable[[dict, dict], bool]]:
    """Field comparisons of a matched fact (subject by canonical name or id, case-insensitive)."""

    def subject(g: dict, p: dict) -> bool:
        want = g.get("subject")
        if want is None:
            return p.get("subject") is None and p.get("subject_id") is None
        return any(_same_text(want, p.get(k)) for k in ("subject", "subject_id"))

    def value(g: dict, p: dict) -> bool:
        unit_ok = g.get("unit") is None or _same_text(g.get("unit"), p.get("unit"))
        return unit_ok and close(g.get("value"), p.get("value"), tolerance)

    checks = {
        "subject": subject,
        "metric": lambda g, p: _same_text(g.get("metric"), p.get("metric")),
        "value": value,
        "period": lambda g, p: _same_text(g.get("period"), p.get("period")),
    }
    checks["fields"] = lambda g, p: all(checks[f](g, p) for f in FACT_FIELDS)
    return checks


def fact_span(fact: Mapping[str, Any], mentions: list[dict], preds: list[dict]) -> tuple[int, int] | None:
    """Raw span of the fact's number: a gold mention with its ``mention_text`` inside the evidence,
    else the text found inside an overlapping predicted evidence sentence, else None."""
    text = fact.get("mention_text")
    if not text:
        return None
    ev = (fact["evidence_start"], fact["evidence_end"])
    for m in sorted(mentions, key=lambda m: m["start"]):
        if m.get("text") == text and ev[0] <= m["start"] and m["end"] <= ev[1]:
            return m["start"], m["end"]
    for p in preds:
        evidence = p.get("evidence") or ""
        at = evidence.find(text)
        if at >= 0:
            start = p["evidence_start"] + at
            if ev[0] <= start and start + len(text) <= ev[1]:
                return start, start + len(text)
    return None


def score_facts(gold: Mapping[str, list[dict]], preds: list[dict], tolerance: float) -> Score:
    """Facts match on the number's span; without a span on evidence overlap plus subject, metric, value."""
    checks = fact_checks(tolerance)
    score = Score(FACT, correct={name: 0 for name in checks})
    for article_id, rows in gold.items():
        g_rows = [r for r in rows if r.get("type") == FACT]
        mentions = [r for r in rows if r.get("type") not in (FACT, CONSOLIDATED)]
        p_rows = [r for r in preds if r["article_id"] == article_id]
        spans = {id(g): fact_span(g, mentions, p_rows) for g in g_rows}
        for g in g_rows:  # keep the resolved span for listings and the exact count
            if spans[id(g)] is not None:
                g["start"], g["end"] = spans[id(g)]

        def fallback(g: dict, p: dict) -> float:
            ev = _overlap((g["evidence_start"], g["evidence_end"]), (p["evidence_start"], p["evidence_end"]))
            same = checks["subject"](g, p) and checks["metric"](g, p) and checks["value"](g, p)
            return ev if same else 0.0

        _score_article(score, g_rows, p_rows, lambda g: spans[id(g)], checks["fields"], fallback, checks)
    return score


# --- consolidated rows ---------------------------------------------------------------------------------


def consolidated_key(row: Mapping[str, Any]) -> tuple:
    """What names a consolidated row: metric, unit, period, period basis and modality (casefolded);
    the subject is compared apart (gold writes a name, the table has a name and an id)."""
    return tuple(str(row.get(k) if row.get(k) is not None else default).casefold() for k, default in
                 (("metric", ""), ("unit", ""), ("period", ""), ("period_basis", "text"), ("modality", "actual")))


def score_consolidated(gold_rows: list[dict], preds: list[dict], tolerance: float) -> dict[str, float]:
    """Each gold row finds the predicted row of its subject and key; value (within ``tolerance``),
    status and the set of source articles are then compared. Gold lists a few rows, not every row,
    so there is no precision."""
    checks: dict[str, Callable[[dict, dict], bool]] = {
        "value": lambda g, p: close(g.get("value"), p.get("value"), tolerance),
        "status": lambda g, p: g.get("status") == p.get("status"),
        "articles": lambda g, p: sorted(g.get("articles") or []) == sorted(p.get("article_ids") or []),
    }
    tp = 0
    correct = {name: 0 for name in (*checks, "fields")}
    seen: set[tuple] = set()
    for g in gold_rows:
        key = (str(g.get("subject")).casefold(), consolidated_key(g))
        if key in seen:  # the same row listed in two articles' files
            continue
        seen.add(key)
        found = [p for p in preds if consolidated_key(p) == key[1] and key[0] in (str(p.get("subject")).casefold(), str(p.get("subject_id")).casefold())]
        if not found:
            continue
        tp += 1
        p = found[0]
        results = {name: check(g, p) for name, check in checks.items()}
        for name, ok in results.items():
            correct[name] += int(ok)
        correct["fields"] += int(all(results.values()))
    n = len(seen)
    out: dict[str, float] = {"gold": n, "tp": tp, "recall": _ratio(tp, n, True)}
    for name, k in correct.items():
        out[f"{name}_accuracy"] = _ratio(k, tp, n == 0)
    return out


def read_consolidated(extracted: Path) -> list[dict[str, Any]]:
    from pipeline.tables import read_table

    frame = read_table(CONSOLIDATED, extracted, missing_ok=True)
    rows = []
    for row in frame.to_dict("records"):
        rows.append({k: plain(v) if not hasattr(v, "__len__") or isinstance(v, str) else [str(x) for x in v] for k, v in row.items()})
    return rows


# --- the whole run -------------------------------------------------------------------------------------


@dataclass
class Result:
    scores: dict[str, Score]
    articles: list[str]
    #: figures of the consolidated rows when a gold file lists some (score_consolidated)
    consolidated: dict[str, float] | None = None

    def metrics(self) -> dict[str, dict[str, float]]:
        out = {kind: s.figures() for kind, s in self.scores.items()}
        if self.consolidated is not None:
            out[CONSOLIDATED] = dict(self.consolidated)
        mentions = [s for k, s in self.scores.items() if k != FACT]
        if mentions:
            total = Score("overall", correct={"value": sum(s.correct.get("value", 0) for s in mentions)})
            for s in mentions:
                total.gold += s.gold
                total.predicted += s.predicted
                total.tp += s.tp
                total.exact_tp += s.exact_tp
            out["mentions"] = total.figures()
        if CONSOLIDATED in out:  # after the pooled mentions, so the file's order stays as before
            out[CONSOLIDATED] = out.pop(CONSOLIDATED)
        return out


def validate(gold_dir: Path, extracted: Path, tolerance: float = DEFAULT_TOLERANCE) -> Result:
    """Score every type over the articles that have a gold file."""
    gold = read_gold(gold_dir)
    if not gold:
        raise GoldError(f"{gold_dir}: no gold files (<article_id>.jsonl)")
    preds = read_predictions(extracted, gold)
    scores = {kind: score_mentions(kind, gold, preds[table], tolerance) for kind, (table, _) in TYPE_TABLES.items()}
    scores[FACT] = score_facts(gold, preds["facts"], tolerance)
    consolidated_gold = [r for rows in gold.values() for r in rows if r.get("type") == CONSOLIDATED]
    consolidated = score_consolidated(consolidated_gold, read_consolidated(extracted), tolerance) if consolidated_gold else None
    return Result(scores, sorted(gold), consolidated)


def load_params(path: Path | None) -> tuple[dict[str, dict[str, float]], float]:
    """(thresholds per type and measure, value tolerance) from the ``validate`` section of params.yaml."""
    if path is None or not Path(path).is_file():
        return {}, DEFAULT_TOLERANCE
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    section = data.get("validate") or {}
    if not isinstance(section, dict):
        raise ThresholdError(f"{path}: validate: must be a mapping")
    unknown = set(section) - set(PARAM_KEYS)
    if unknown:
        raise ThresholdError(f"{path}: validate: unknown key(s) {sorted(unknown)}; allowed: {', '.join(PARAM_KEYS)}")
    tolerance = section.get("tolerance", DEFAULT_TOLERANCE)
    if not isinstance(tolerance, (int, float)) or not 0 <= tolerance < 1:
        raise ThresholdError(f"{path}: validate.tolerance must be a number in [0, 1), got {tolerance!r}")
    thresholds = section.get("thresholds") or {}
    allowed_kinds = (*TYPES, "mentions", CONSOLIDATED)
    for kind, measures in thresholds.items():
        if kind not in allowed_kinds:
            raise ThresholdError(f"{path}: validate.thresholds: unknown type {kind!r}; allowed: {', '.join(allowed_kinds)}")
        if not isinstance(measures, dict):
            raise ThresholdError(f"{path}: validate.thresholds.{kind}: must map measures to minimum values")
        allowed = FACT_MEASURES if kind == FACT else CONSOLIDATED_MEASURES if kind == CONSOLIDATED else MEASURES
        for measure, minimum in measures.items():
            if measure not in allowed:
                raise ThresholdError(f"{path}: validate.thresholds.{kind}: unknown measure {measure!r}; allowed: {', '.join(allowed)}")
            if not isinstance(minimum, (int, float)) or isinstance(minimum, bool):
                raise ThresholdError(f"{path}: validate.thresholds.{kind}.{measure}: must be a number, got {minimum!r}")
    return {k: dict(v) for k, v in thresholds.items()}, float(tolerance)


def below_thresholds(metrics: Mapping[str, Mapping[str, float]], thresholds: Mapping[str, Mapping[str, float]]) -> list[str]:
    """One message per figure under its threshold."""
    out = []
    for kind, measures in thresholds.items():
        for measure, minimum in measures.items():
            got = metrics.get(kind, {}).get(measure)
            if got is None or got < minimum - 1e-9:
                out.append(f"{kind}.{measure} = {got if got is not None else 'missing'} < threshold {minimum}")
    return out


# --- output --------------------------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
#: characters shown either side of a span when its sentence is longer than twice this
_CONTEXT = 160


def sentence_of(text: str | None, start: int, end: int) -> str:
    """The line/sentence around a span, for the miss and false-positive listings."""
    if not text:
        return ""
    lo, hi = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    if hi - lo > 2 * _CONTEXT:  # glued sentences ("fruitionAmidst") can make a "sentence" a paragraph
        lo, hi = max(lo, start - _CONTEXT), min(hi, end + _CONTEXT)
    return " ".join(text[lo:hi].split())


def _describe(row: Mapping[str, Any], gold: bool) -> str:
    keys = ("value", "unit", "qualifier", "subject", "metric", "period") if gold else (
        "amount", "currency", "value", "unit", "kind", "qualifier", "subject", "metric", "period")
    parts = [f"{k}={row[k]!r}" for k in keys if row.get(k) is not None and k in row]
    return " ".join(parts)


def render(result: Result, texts: Mapping[str, str | None], listings: bool = True, out: Any = None) -> None:
    """Print the score table, then every miss, false positive and value error with its sentence."""
    out = out or sys.stdout
    metrics = result.metrics()
    header = f"{'type':<11} {'gold':>5} {'pred':>5} {'TP':>4} {'P':>6} {'R':>6} {'F1':>6} {'exactF1':>8} {'value':>6}"
    print(f"validated {len(result.articles)} article(s) with gold: {', '.join(result.articles)}", file=out)
    print(header, file=out)
    print("-" * len(header), file=out)
    for kind in (*TYPES, "mentions"):
        m = metrics.get(kind)
        if m is None:
            continue
        print(f"{kind:<11} {m['gold']:>5} {m['predicted']:>5} {m['tp']:>4} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m['exact_f1']:>8.3f} {m['value_accuracy']:>6.3f}", file=out)
    f = metrics[FACT]
    print("facts, on matched spans: " + ", ".join(f"{n} {f[f'{n}_accuracy']:.3f}" for n in (*FACT_FIELDS, "fields")), file=out)
    c = metrics.get(CONSOLIDATED)
    if c is not None:
        print(f"consolidated rows: {int(c['tp'])} of {int(c['gold'])} gold row(s) found (recall {c['recall']:.3f}); "
              + ", ".join(f"{n} {c[f'{n}_accuracy']:.3f}" for n in (*CONSOLIDATED_FIELDS, "fields")), file=out)
    if not listings:
        return
    for kind, score in result.scores.items():
        lines = [_line("MISS", g, texts, _describe(g, True)) for g in score.misses]
        lines += [_line("FP", p, texts, _describe(p, False)) for p in score.false_positives]
        lines += [
            _line("WRONG " + "/".join(failed), p, texts, f"gold: {_describe(g, True)} | got: {_describe(p, False)}")
            for g, p, failed in score.wrong
        ]
        if lines:
            print(f"\n## {kind}: {len(score.misses)} missed, {len(score.false_positives)} false positive(s), {len(score.wrong)} wrong", file=out)
            for line in lines:
                print(line, file=out)


def _line(tag: str, row: Mapping[str, Any], texts: Mapping[str, str | None], detail: str) -> str:
    article = row.get("article_id", "")
    start, end = row.get("start"), row.get("end")
    if start is None:
        start, end = row.get("evidence_start"), row.get("evidence_end")
    text = row.get("text") or row.get("mention_text") or ""
    sentence = row.get("evidence") or sentence_of(texts.get(article), start, end)
    return f"  {tag:<6} {article} [{start}:{end}] {text!r} {detail}\n         > {sentence}"


def read_texts(extracted: Path, raw: Path | None) -> dict[str, str | None]:
    """Raw texts for the listings only (decoded as the run recorded it); absent raw is fine."""
    from pipeline.tables import read_table

    texts: dict[str, str | None] = {}
    if raw is None:
        return texts
    for row in read_table("articles", extracted).itertuples(index=False):
        try:
            texts[str(row.article_id)] = (Path(raw) / str(row.path)).read_bytes().decode(str(row.encoding))
        except (OSError, UnicodeDecodeError, LookupError):
            texts[str(row.article_id)] = None
    return texts


def write_outputs(metrics: Mapping[str, Mapping[str, float]], metrics_path: Path, plots_path: Path | None) -> None:
    """The metrics JSON (for ``dvc metrics``, the report) and one plot row per type (for ``dvc plots``)."""
    metrics_path = Path(metrics_path)
    metrics_path.parent.mkdir(parents=True, exist_ok=True)
    metrics_path.write_text(json.dumps(metrics, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    if plots_path is not None:
        plots_path = Path(plots_path)
        plots_path.parent.mkdir(parents=True, exist_ok=True)
        rows = [
            {"type": kind, **{k: m[k] for k in ("precision", "recall", "f1", "exact_f1", "value_accuracy")}}
            for kind, m in metrics.items()
            if kind != CONSOLIDATED  # recall and accuracies only: not a bar of the same plots
        ]
        plots_path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


# --- command -------------------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:
    add_command(
        sub,
        cmd_validate,
        (
            path("--gold", "tests/gold", "folder of <article_id>.jsonl gold files (default: tests/gold/)"),
            EXTRACTED,
            path("--metrics", None, "metrics JSON to write (default: EXTRACTED/metrics.json)"),
            path("--plots", None, "plot data JSON to write (default: EXTRACTED/plots/scores.json)"),
            path("--params", "params.yaml", "params file with validate.thresholds (default: params.yaml; absent = no thresholds)"),
            path("--raw", "raw", "raw articles, only to show sentences in the listings (default: raw/)"),
            switch("--quiet", "print the score table only, not the listings"),
        ),
    )


def cmd_validate(args: argparse.Namespace) -> int:
    """score the extracted tables against the gold files

    Match the extracted mentions and facts to the hand-labelled gold files (same article, overlapping
    span, one-to-one), print precision, recall, F1 and value accuracy per type with every miss and false
    positive, write the metrics JSON and DVC plot data, and exit 1 when a figure falls below its
    threshold in the params file (validate.thresholds).
    """
    thresholds, tolerance = load_params(args.params)
    result = validate(args.gold, args.extracted, tolerance)
    metrics = result.metrics()
    texts = read_texts(args.extracted, args.raw if args.raw and Path(args.raw).is_dir() else None)
    render(result, texts, listings=not args.quiet)
    metrics_path = args.metrics or args.extracted / "metrics.json"
    plots_path = args.plots or args.extracted / "plots" / "scores.json"
    write_outputs(metrics, metrics_path, plots_path)
    print(f"\nmetrics written to {metrics_path}, plot data to {plots_path}")
    failed = below_thresholds(metrics, thresholds)
    if not thresholds:
        print(f"no thresholds ({args.params} has no validate.thresholds): not checked")
    elif failed:
        print(f"\nFAILED: {len(failed)} figure(s) below threshold ({args.params}):", file=sys.stderr)
        for line in failed:
            print(f"  {line}", file=sys.stderr)
        return 1
    else:
        print(f"all figures at or above the thresholds in {args.params}")
    return 0
