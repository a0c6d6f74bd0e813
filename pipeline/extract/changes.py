"""Growth, change and comparison: multipliers written as words, "N times" after a verb of doing, and
change statements that tie their numbers together ("rose from 40 million to 52 million").

Why a stage of its own: a change statement is a relation between mentions other stages found (money,
user counts, percents, counts) plus numbers nobody else keeps ("from fourteen to 31"), so it runs
after quantities and before facts, reads their rows, and writes one ``changes`` row per statement with
the spans of its from / to / by / multiplier numbers. Every word list lives in rules/changes.yaml;
qualifier words are those of rules/counts.yaml; numbers are read by ``pipeline.numbers`` only.

Three entry points besides the stage:
- ``word_multipliers(doc, rules)``: quantities rows for "doubled", "twice as", "half the size of"
  (called by ``pipeline.extract.counts.extract_quantities``);
- ``action_times(doc, start, rules)``: the verb of doing before an "N times" ("installed 3 million
  times"), which makes it a count of that action, never a multiplier (called by counts);
- ``change_for(start, end, change_rows)``: (change_from, change_pct) for a fact's mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline import patterns as rx
from pipeline.lexicon import alternation
from pipeline.extract import Context, doc_text
from pipeline.numbers import parse_number, vocab
from pipeline.rules import Rules, check_keys

RULE_KEYS = (
    "multiplier_verbs", "multiplier_verb_not_before", "multiplier_nouns", "comparison_determiners", "ratio_adverbs",
    "ratio_adverb_before", "fractions", "ratio_nouns", "action_verbs", "comparison_after", "change_verbs",
    "change_nouns", "change_adverbs", "value_prepositions", "baselines", "baseline_lead", "baseline_standalone", "max_object_words",
    "max_gap_words", "gap_stoppers",
)
VERB_GROUPS = ("direct", "direct_percent", "through_preposition")
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
#: quantities rules (of this module) whose multiplier is a change; the other word forms compare
CHANGE_RULES = frozenset({"multiplier_verb", "multiplier_noun"})
WORD_RE = rx.compile(r"[^\s,;:()\[\]\"“”]+")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _alt(phrases) -> str:  # noqa: ANN001
    """Regex alternation, longest first; spaces match any whitespace."""
    return alternation(phrases, flexible_space=True)


def _words(phrases) -> re.Pattern:  # noqa: ANN001
    return rx.compile(r"(?<![\w-])(?:" + _alt(phrases) + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Cue:
    """One change word: its direction and how its numbers may follow it."""

    direction: str
    role: str  # direct | direct_percent | through_preposition | noun | adverb


@dataclass(frozen=True)
class Compiled:
    """rules/changes.yaml (and the qualifiers of rules/counts.yaml) compiled once."""

    mult_verbs: dict[str, tuple[float, str]]
    mult_verb_re: re.Pattern
    mult_not_before: frozenset[str]
    mult_nouns: frozenset[str]
    comparison_dets: frozenset[str]
    ratio_adverbs: dict[str, float]
    ratio_adverb_re: re.Pattern
    ratio_adverb_before: frozenset[str]
    fractions: dict[str, float]
    fraction_re: re.Pattern
    actions: dict[str, tuple[str, str | None]]
    comparison_after: frozenset[str]
    cues: dict[str, tuple[Cue, ...]]
    cue_re: re.Pattern
    qual_end: re.Pattern
    qual_start: re.Pattern
    qual_map: dict[str, str]
    prep_re: re.Pattern
    prep_map: dict[str, str]
    baseline_re: re.Pattern
    baseline_lead_re: re.Pattern
    max_object_words: int
    max_gap_words: int
    gap_stoppers: frozenset[str]
    number: re.Pattern


def compile_rules(rules: Rules) -> Compiled:
    data = rules.get("changes")
    where = str(rules.path("changes"))
    check_keys(data, where=where, required=RULE_KEYS)
    check_keys(data["change_verbs"], where=f"{where}: change_verbs", required=VERB_GROUPS)
    cues: dict[str, list[Cue]] = {}
    for role in VERB_GROUPS:
        for direction, words in data["change_verbs"][role].items():
            for w in words:
                cues.setdefault(_norm(w), []).append(Cue(str(direction), role))
    for role, key in (("noun", "change_nouns"), ("adverb", "change_adverbs")):
        for direction, words in data[key].items():
            for w in words:
                cues.setdefault(_norm(w), []).append(Cue(str(direction), role))
    qual_map = {_norm(p): q for q, phrases in rules.get("counts")["qualifiers_before"].items() for p in phrases}
    qual_alt = "|".join(
        (r"(?<![\w])" if p[:1].isalnum() else "") + re.escape(p).replace(r"\ ", r"\s+") + (r"(?![\w])" if p[-1:].isalnum() else "")
        for p in sorted(qual_map, key=len, reverse=True)
    )
    prep_map = {_norm(k): str(v) for k, v in data["value_prepositions"].items()}
    fractions = {_norm(k): float(v) for k, v in data["fractions"].items()}
    ratio_nouns = _alt(data["ratio_nouns"])
    return Compiled(
        mult_verbs={_norm(k): (float(v[0]), str(v[1])) for k, v in data["multiplier_verbs"].items()},
        mult_verb_re=_words(data["multiplier_verbs"]),
        mult_not_before=frozenset(_norm(w) for w in data["multiplier_verb_not_before"]),
        mult_nouns=frozenset(_norm(w) for w in data["multiplier_nouns"]),
        comparison_dets=frozenset(_norm(w) for w in data["comparison_determiners"]),
        ratio_adverbs={_norm(k): float(v) for k, v in data["ratio_adverbs"].items()},
        ratio_adverb_re=_words(data["ratio_adverbs"]),
        ratio_adverb_before=frozenset(_norm(w) for w in data["ratio_adverb_before"]),
        fractions=fractions,
        # "half the size of", "a third of the price of", "one-third as large as"
        fraction_re=rx.compile(
            r"(?<![\w-])(?P<f>" + _alt(fractions) + r")(?=\s+(?:of\s+)?(?:the|its|their|his|her|our)\s+(?:" + ratio_nouns
            + r")(?![\w-])|\s+as\s+[A-Za-z-]+\s+as\b)",
            re.I,
        ),
        actions={_norm(k): (str(v[0]), None if v[1] is None else str(v[1])) for k, v in data["action_verbs"].items()},
        comparison_after=frozenset(_norm(w) for w in data["comparison_after"]),
        cues={k: tuple(v) for k, v in cues.items()},
        cue_re=_words(cues),
        qual_end=rx.compile(r"(?P<q>" + qual_alt + r")\s*$", re.I),
        qual_start=rx.compile(r"(?P<q>" + qual_alt + r")\s*", re.I),
        qual_map=qual_map,
        prep_re=rx.compile(r"(?P<p>" + _alt(prep_map) + r")\s+", re.I),
        prep_map=prep_map,
        baseline_re=rx.compile(
            r"(?:(?:" + _alt(data["baseline_lead"]) + r")\s+(?P<b>" + _alt(data["baselines"]) + r")|(?P<s>" + _alt(data["baseline_standalone"]) + r"))(?![\w-])",
            re.I,
        ),
        baseline_lead_re=rx.compile(r"(?P<lead>" + _alt(data["baseline_lead"]) + r")\s+", re.I),
        max_object_words=int(data["max_object_words"]),
        max_gap_words=int(data["max_gap_words"]),
        gap_stoppers=frozenset(_norm(w) for w in data["gap_stoppers"]),
        number=rx.compile(vocab(rules).number, re.I),
    )


def compiled(rules: Rules) -> Compiled:
    return rules.derived("changes", compile_rules)


# --- small helpers over the Doc --------------------------------------------------------------------


def _token_at(doc: Doc, pos: int) -> Token | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _sentence_bounds(doc: Doc, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``pos``, never crossing a line break."""
    tok = _token_at(doc, pos)
    start, end = (tok.sent.start_char, tok.sent.end_char) if tok is not None else (0, len(doc_text(doc)))
    start = max(start, doc_text(doc).rfind("\n", 0, pos) + 1)
    nl = doc_text(doc).find("\n", pos)
    return start, (min(end, nl) if nl != -1 else end)


def _qualifier(doc: Doc, start: int, c: Compiled) -> str:
    """The qualifier written right before ``start`` in its sentence ("more than doubled"), else exact."""
    sent_start, _ = _sentence_bounds(doc, start)
    m = c.qual_end.search(doc_text(doc)[sent_start:start])
    return c.qual_map[_norm(m.group("q"))] if m else "exact"


def _quantity_row(start: int, end: int, value: float, qualifier: str, direction: str | None, rule: str) -> dict:
    return {
        "start": start, "end": end, "kind": "multiplier", "value": value, "value_low": None, "value_high": None,
        "unit": "x", "qualifier": qualifier, "change": direction, "rule": rule,
    }


# --- multipliers written as words ------------------------------------------------------------------


def word_multipliers(doc: Doc, rules: Rules) -> list[dict]:
    """Quantities rows for "doubled", "a doubling of", "double the effort", "twice as fast", "half the size of".

    The parse decides: a verb or a noun before "of" is a change; a predeterminer (or a form before a
    determiner) compares; an adjective ("a double murder"), a hyphenated word ("double-digit") and a
    lone adverb ("arrested twice") are not multipliers."""
    c = compiled(rules)
    text = doc_text(doc)
    rows = []
    for m in c.mult_verb_re.finditer(text):
        tok = _token_at(doc, m.start())
        if tok is None or tok.idx != m.start() or tok.idx + len(tok.text) != m.end():
            continue  # part of a longer token ("double-digit" split oddly) or a name glued to it
        word = _norm(m.group())
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        factor, direction = c.mult_verbs[word]
        if tok.tag_.startswith("VB") and (not tok.is_title or tok.is_sent_start):
            if _object_word(tok) in c.mult_not_before:
                continue
            rule = "multiplier_verb"
        elif word in c.mult_nouns and nxt is not None and nxt.lower_ == "of":
            rule = "multiplier_noun"
        elif tok.tag_ == "PDT" or (nxt is not None and nxt.lower_ in c.comparison_dets and tok.tag_ != "JJ"):
            rule = "multiplier_predeterminer"
        else:
            continue
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), direction, rule))
    for m in c.ratio_adverb_re.finditer(text):
        tok = _token_at(doc, m.end())
        after = re.match(r"\s+([\w-]+)", text[m.end() :])
        nxt = _token_at(doc, m.end() + (after.start(1) if after else 0)) if after else None
        if after is None or not (_norm(after.group(1)) in c.ratio_adverb_before or (nxt is not None and nxt.tag_ in COMPARATIVE_TAGS)):
            continue
        factor = c.ratio_adverbs[_norm(m.group())]
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), "increase", "multiplier_adverb"))
    for m in c.fraction_re.finditer(text):
        factor = c.fractions[_norm(m.group("f"))]
        rows.append(_quantity_row(m.start(), m.end(), factor, _qualifier(doc, m.start(), c), "decrease", "multiplier_fraction"))
    return rows


def _object_word(tok: Token) -> str:
    """The head noun of a verb's direct object ("redoubled its efforts" -> efforts), else ""."""
    for child in tok.children:
        if child.dep_ == "dobj":
            return child.lower_
    return ""


def multiplier_kind(doc: Doc, row: dict, rules: Rules) -> str:
    """``change`` ("revenue doubled", "grew 33-fold") or ``comparison`` ("twice as fast as sales",
    "2.4 times the mass of the Sun", "3x faster than") for a quantities multiplier row."""
    if row["rule"] in CHANGE_RULES:
        return "change"
    if row["rule"].startswith("multiplier_") and row["rule"] not in ("multiplier_word", "multiplier_x"):
        return "comparison"
    c = compiled(rules)
    after = re.match(r"\s+([\w-]+)", doc_text(doc)[row["end"] :])
    if after is None:
        return "change"
    nxt = _token_at(doc, row["end"] + after.start(1))
    if _norm(after.group(1)) in c.comparison_after or (nxt is not None and nxt.tag_ in COMPARATIVE_TAGS):
        return "comparison"
    return "change"


# --- "N times" after a verb of doing ---------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    verb: str
    unit: str
    metric: str | None


def action_times(doc: Doc, start: int, rules: Rules) -> Action | None:
    """The verb of doing an "N times" at ``start`` counts ("was installed 3 million times", "has been
    viewed more than 5 million times on YouTube"), else None.

    Read from the parse (the verb the number's "times" hangs from) and, when the parse is odd, from
    the words right before the number (a qualifier may sit between)."""
    c = compiled(rules)
    sent_start, _ = _sentence_bounds(doc, start)
    prefix = doc_text(doc)[sent_start:start]
    q = c.qual_end.search(prefix)
    if q:
        prefix = prefix[: q.start()]
    last = re.search(r"([A-Za-z]+)\s*$", prefix)
    if last and _norm(last.group(1)) in c.actions:
        unit, metric = c.actions[_norm(last.group(1))]
        return Action(last.group(1), unit, metric)
    times = next((t for t in doc[_token_index(doc, start) :] if t.lower_ == "times"), None) if doc_text(doc) else None
    if times is None or times.idx - start > 40:
        return None
    verb = next((t for t in times.ancestors if t.tag_.startswith("VB")), None)
    if verb is None or verb.idx > start:
        return None
    for form in (verb.lower_, verb.lemma_.lower()):
        if form in c.actions:
            unit, metric = c.actions[form]
            return Action(verb.text, unit, metric)
    return None


def _token_index(doc: Doc, pos: int) -> int:
    tok = _token_at(doc, pos)
    return tok.i if tok is not None else len(doc)


# --- change statements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A number a change statement may use: a mention of another table, or a bare number."""

    start: int
    end: int
    value: float
    unit: str | None
    multiplier: bool = False
    #: for a multiplier: change | comparison (only a change multiplier belongs to a change statement)
    kind: str | None = None


def _values(doc: Doc, found: dict[str, list[dict]], rules: Rules, c: Compiled) -> dict[int, Value]:
    """Numbers by start offset: money, user counts, percents and counts of earlier stages, then bare
    numbers no stage kept ("from fourteen to 31"), never inside a date."""
    out: dict[int, Value] = {}
    spans: list[tuple[int, int]] = []
    for r in found.get("money") or ():
        if r.get("amount") is not None:
            out[r["start"]] = Value(r["start"], r["end"], float(r["amount"]), r.get("currency"))
        spans.append((r["start"], r["end"]))
    for r in found.get("user_counts") or ():
        if r.get("value") is not None:
            out[r["start"]] = Value(r["start"], r["end"], float(r["value"]), r.get("metric"))
        spans.append((r["start"], r["end"]))
    for r in found.get("quantities") or ():
        if r.get("value") is not None and r["kind"] in ("percent", "count", "measure", "multiplier"):
            unit = "%" if r["kind"] == "percent" else r.get("unit")
            kind = multiplier_kind(doc, r, rules) if r["kind"] == "multiplier" else None
            out[r["start"]] = Value(r["start"], r["end"], float(r["value"]), unit, r["kind"] == "multiplier", kind)
        spans.append((r["start"], r["end"]))
    spans += [(r["start"], r["end"]) for r in found.get("dates") or ()]
    text = doc_text(doc)
    for m in c.number.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        if re.fullmatch(r"\d{4}", m.group()) or re.search(r"[A-Za-z][-‐]$|[#/]$", text[max(0, m.start() - 2) : m.start()]):
            continue  # a year, a model code, a list number
        try:
            parsed = parse_number(m.group(), rules)
        except (ArithmeticError, ValueError):
            parsed = None
        if parsed is None:
            continue
        if _norm(m.group()) in c.fractions or (parsed.value < 1 and not any(ch.isdigit() for ch in m.group())):
            out[m.start()] = Value(m.start(), m.end(), float(parsed.value) * 100, "%")  # "up nearly one-third"
        else:
            out[m.start()] = Value(m.start(), m.end(), float(parsed.value), None)
    return out


@dataclass
class Statement:
    cue_start: int
    cue_end: int
    direction: str
    start: int
    end: int
    slots: dict[str, Value]
    baseline: str | None = None
    multiplier: Value | None = None
    rule: str = "change"


def _cue_role(tok: Token | None, cue: tuple[Cue, ...], phrase: str = "") -> Cue | None:
    """Which reading of a change word the parse supports: a noun after a determiner or adjective ("an
    increase of", "a 12% rise"), a verb, or an adverb ("up 12%", never the particle of "made up")."""
    if tok is None:
        return None
    prev = tok.nbor(-1) if tok.i > 0 else None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ == "RP" and nxt.lower_ not in ("up", "down") and " " not in phrase:
        return None  # "cutting off water", "lays off" is a listed phrase of its own
    after_noun = prev is not None and prev.tag_ in ("NN", "NNS") and not (nxt is not None and nxt.tag_ in ("DT", "PRP$"))
    nouny = tok.tag_.startswith("NN") and prev is not None and (prev.tag_ in ("DT", "PRP$", "JJ", "CD", "POS") or prev.text == "%" or after_noun)
    for want in (("noun",) if nouny else ("direct", "direct_percent", "through_preposition", "adverb", "noun")):
        for c in cue:
            if c.role != want:
                continue
            if want == "adverb" and tok.tag_ == "RP":
                continue
            if want == "noun" and not tok.tag_.startswith("NN"):
                continue
            if want in VERB_GROUPS and not (tok.tag_.startswith("VB") or tok.tag_.startswith("NN") or tok.tag_ in ("JJ", "RB", "IN")):
                continue
            return c
    return None


def _read_slots(st: Statement, role: str, text: str, limit: int, values: dict[int, Value], dates: dict[int, int], c: Compiled) -> None:
    """Fill ``st`` from the words after its change word: "from A", "to B", "by C", "of C", a direct
    number, a baseline ("from a year earlier"); stop at a clause boundary or a word too far."""
    i = st.cue_end
    skipped = 0
    first = True
    while i < limit:
        gap = re.match(r"[\s,]*", text[i:limit])
        i += gap.end() if gap else 0
        if i >= limit:
            break
        b = c.baseline_re.match(text, i, limit)
        if b:
            st.baseline = b.group("b") or b.group("s")
            i = b.end()
            continue
        p = c.prep_re.match(text, i, limit)
        slot = None
        j = i
        if p:
            word = _norm(p.group("p"))
            slot = c.prep_map[word]
            if word == "of" and not (first and role == "noun"):
                slot = None
            j = p.end()
        elif first and skipped == 0 and role in ("direct", "direct_percent", "adverb"):
            slot = "by"
        if slot is not None:
            q = c.qual_start.match(text, j, limit)
            if q and j + q.end() - q.start() in values:
                j = q.end()
            v = values.get(j)
            if v is not None and v.kind == "change" and st.multiplier is None and slot == "by":
                st.multiplier = v
                st.end, i, first, skipped = v.end, v.end, False, 0
                continue
            if v is not None and not v.multiplier and slot not in st.slots:
                if role == "direct_percent" and not p and v.unit != "%":
                    break
                st.slots[slot] = v
                st.end, i, first, skipped = v.end, v.end, False, 0
                continue
            if p and slot == "from" and j in dates:  # "from 2023": the baseline period
                st.baseline = text[j : dates[j]]
                i = dates[j]
                continue
        if i in dates:  # "rose in 2024 to": a date is part of the gap
            i = dates[i]
            skipped += 1
            continue
        w = WORD_RE.match(text, i, limit)
        if w is None:
            break
        word = _norm(w.group().rstrip("."))
        if any(ch.isdigit() for ch in word) or word in c.gap_stoppers or (word in c.cues and not first):
            break
        if word in c.cues and first and skipped == 0 and role != "noun":
            break
        skipped += 1
        if skipped > (c.max_object_words if not st.slots and st.multiplier is None else c.max_gap_words):
            break
        i = w.end()


def _statements(doc: Doc, found: dict[str, list[dict]], rules: Rules, c: Compiled) -> list[Statement]:
    text = doc_text(doc)
    values = _values(doc, found, rules, c)
    dates = {r["start"]: r["end"] for r in found.get("dates") or ()}
    by_end = {v.end: v for v in values.values()}
    out: list[Statement] = []
    cue_hits = [(m.start(), m.end(), _norm(m.group()), "cue") for m in c.cue_re.finditer(text)]
    mult_hits = [
        (q["start"], q["end"], "", "multiplier") for q in found.get("quantities") or () if q["kind"] == "multiplier" and q["rule"] == "multiplier_verb"
    ]
    for start, end, word, what in sorted(cue_hits + mult_hits):
        _, limit = _sentence_bounds(doc, start)
        if what == "multiplier":
            mult = values.get(start)
            q = next(r for r in found["quantities"] if r["start"] == start)
            st = Statement(start, end, q.get("change") or "none", start, end, {}, multiplier=mult, rule="change_multiplier")
            _read_slots(st, "through_preposition", text, limit, values, dates, c)
        else:
            tok = _token_at(doc, start)
            cue = _cue_role(tok, c.cues[word], word)
            if cue is None or tok is None or tok.idx != start:
                continue
            if cue.role == "adverb" and re.match(r"\s+to\b", text[end:]):
                continue  # "up to 5 million": a bound, not a change
            st = Statement(start, end, cue.direction, start, end, {}, rule=f"change_{cue.role}")
            _read_slots(st, cue.role, text, limit, values, dates, c)
            if cue.role == "noun" and "by" not in st.slots:
                # "a 12% increase", "a $5 billion cut", "a 25% spending increase"
                for gap_end in range(start - 1, max(0, start - 25), -1):
                    v = by_end.get(gap_end)
                    if v is not None and re.fullmatch(r"[\s-]*(?:[A-Za-z]+\s+)?", text[v.end : start]) and not v.multiplier:
                        st.slots["by"] = v
                        st.start = v.start
                        break
                    if v is not None and v.kind == "change" and re.fullmatch(r"[\s-]*", text[v.end : start]):
                        st.multiplier, st.start = v, v.start
                        break
            comma = re.search(r",\s*$", text[max(0, start - 4) : start])
            if cue.role == "adverb" and comma and st.slots and "to" not in st.slots:
                # "revenue was $5.2 billion, up 12% from a year earlier": the value before is the later one
                v = by_end.get(start - len(comma.group()))
                if v is not None and not v.multiplier:
                    st.slots["to"] = v
                    st.start = v.start
        if not st.slots and st.multiplier is None:
            continue
        out.append(st)
    return _dedupe(out)


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """One statement per number: a later statement reusing a number of an earlier one is dropped."""
    used: set[int] = set()
    kept = []
    for st in statements:
        starts = {v.start for v in st.slots.values()} | ({st.multiplier.start} if st.multiplier else set())
        if starts & used:
            continue
        used |= starts
        kept.append(st)
    return kept


def _change_row(st: Statement) -> dict:
    f, t, b = st.slots.get("from"), st.slots.get("to"), st.slots.get("by")
    sign = {"increase": 1.0, "decrease": -1.0}.get(st.direction)
    absolute = pct = None
    if f is not None and t is not None:
        absolute = t.value - f.value
        pct = absolute / f.value * 100 if f.value else None
    elif b is not None and b.unit != "%" and sign is not None and (t is None or t.unit == b.unit) and (f is None or f.unit == b.unit):
        absolute = sign * b.value
    if pct is None and b is not None and b.unit == "%" and sign is not None and (t is None or t.unit != "%"):
        pct = sign * b.value
    if pct is None and st.multiplier is not None:
        pct = (st.multiplier.value - 1) * 100
    direction = st.direction
    if direction == "none" and absolute is not None:
        direction = "increase" if absolute > 0 else "decrease" if absolute < 0 else "none"
    row = {
        "start": st.start,
        "end": st.end,
        "kind": "change",
        "direction": direction,
        "unit": next((v.unit for v in (t, f) if v is not None and v.unit), None) or (b.unit if b is not None and b.unit != "%" else None),
        "from_value": f.value if f else None,
        "to_value": t.value if t else None,
        "by_value": b.value if b else None,
        "by_unit": b.unit if b else None,
        "absolute_change": absolute,
        "relative_change": pct,
        "multiplier": st.multiplier.value if st.multiplier else None,
        "baseline": st.baseline,
        "rule": st.rule,
    }
    for name, v in (("from", f), ("to", t), ("by", b), ("multiplier", st.multiplier)):
        row[f"{name}_start"], row[f"{name}_end"] = (v.start, v.end) if v is not None else (None, None)
    return row


def _multiplier_row(doc: Doc, q: dict, rules: Rules) -> dict:
    """A multiplier no change statement used: "revenue doubled", "2.4 times the mass of the Sun"."""
    kind = multiplier_kind(doc, q, rules)
    value = float(q["value"])
    if kind == "comparison":
        direction = "increase" if value > 1 else "decrease" if value < 1 else "none"
    else:
        direction = q.get("change") or ("increase" if value > 1 else "decrease" if value < 1 else "none")
    v = Value(q["start"], q["end"], value, "x", True)
    row = _change_row(Statement(q["start"], q["end"], direction, q["start"], q["end"], {}, multiplier=v, rule=f"{kind}_multiplier"))
    row["kind"] = kind
    if kind == "comparison":
        row["relative_change"] = None
    return row


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One row per change statement or multiplier; see the module docstring."""
    c = compiled(ctx.rules)
    rows = [_change_row(st) for st in _statements(doc, found, ctx.rules, c)]
    used = {r["multiplier_start"] for r in rows if r["multiplier_start"] is not None}
    for q in found.get("quantities") or ():
        if q["kind"] == "multiplier" and q["start"] not in used:
            rows.append(_multiplier_row(doc, q, ctx.rules))
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def change_for(mention_start: int, mention_end: int, change_rows: list[dict]) -> tuple[float | None, float | None] | None:
    """(change_from, change_pct) for the fact whose mention spans [mention_start, mention_end): the
    written earlier value and the relative change in percent of the change statement whose later
    ("to") value is that mention — or whose by-amount or multiplier is, when no later value is written
    ("rose 12%", "revenue doubled"). None when no statement produced the mention or it has neither.

    ``change_rows`` are rows of the changes table of the same article, in the same coordinates as the
    mention (clean offsets inside the pipeline, raw offsets when read back from Parquet)."""
    for row in change_rows:
        if row.get("kind") != "change":
            continue
        spans = [(row.get("to_start"), row.get("to_end"))]
        if row.get("to_start") is None:
            spans += [(row.get("by_start"), row.get("by_end")), (row.get("multiplier_start"), row.get("multiplier_end"))]
        if (mention_start, mention_end) in spans:
            result = (row.get("from_value"), row.get("relative_change"))
            return None if result == (None, None) else result
    return None


__all__ = ["Action", "action_times", "change_for", "compiled", "extract", "multiplier_kind", "word_multipliers"]
