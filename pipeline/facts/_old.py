"""Facts: join each money / user-count / quantity mention to its subject, metric and period.

Why a separate stage: the mention tables say *what* a number is ("59.98 million MAU"); analysts ask
*whose* and *when* ("Doubao's MAU in November 2024"). The subject comes from the sentence's dependency
parse through a few explicit patterns (possessive, clause subject, "for X", apposition, the head a
number hangs from, product variants, "the company" back to the latest company named in the
paragraph); when none applies the fact keeps ``subject`` null with low confidence: we never attach a
number to the nearest name by guess. The period is the date closest in the parse within the sentence,
else the latest date earlier in the paragraph, else the publication date; ``period_source`` says which.
Cue words, patterns and confidence weights live in rules/facts.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.extract import Context
from pipeline.extract.entities import by_id, gazetteer_owner
from pipeline.nlp import WordClasses, word_class, word_classes
from pipeline.rules import Rules, check_keys

#: rows of these tables become facts, in this order
SOURCE_TABLES = ("money", "user_counts", "quantities")


# --------------------------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class FactRules:
    money_skip_metrics: frozenset[str]
    money_skip_equivalents: bool
    quantity_kinds: dict[str, str]
    count_units: dict[str, str]
    percent_cues: tuple[tuple[str, re.Pattern], ...]
    percent_change: dict[str, str]
    cue_window: int
    ner_labels: frozenset[str]
    source_words: frozenset[str]
    entity_suffix_skip: tuple[str, ...]
    anaphor_nouns: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_entity_types: frozenset[str]
    relative_pronouns: frozenset[str]
    pronouns: frozenset[str]
    surface: tuple[tuple[str, re.Pattern], ...]
    product_heads: frozenset[str]
    variant_names: bool
    variant_token: re.Pattern
    noun_preps: frozenset[str]
    metric_nouns: frozenset[str]
    subject_deps: frozenset[str]
    date_types: frozenset[str]
    paragraph_date_types: frozenset[str]
    skip_values: re.Pattern
    baseline_before: re.Pattern
    baseline_after: re.Pattern
    baseline_window: int
    published_granularity: str
    rule_confidence: dict[str, float]
    per_clause_climb: float
    non_gazetteer: float
    period_penalty: dict[str, float]
    floor: float
    #: verb / adposition from tag and label (rules/pos.yaml): the model's attribute_ruler is not run
    word_classes: WordClasses


def _words(words: object) -> re.Pattern:
    alternation = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE)


def compile_fact_rules(rules: Rules) -> FactRules:
    """Validate rules/facts.yaml strictly and compile its cue lists once per run."""
    data = rules.get("facts")
    where = str(rules.path("facts"))
    check_keys(data, where=where, required=("metrics", "subject", "period", "confidence"))
    m, s, p, c = data["metrics"], data["subject"], data["period"], data["confidence"]
    check_keys(m, where=f"{where}: metrics", required=(
        "money_skip_metrics", "money_skip_equivalents", "quantity_kinds", "count_units", "percent_cues",
        "percent_change", "cue_window"))
    check_keys(s, where=f"{where}: subject", required=(
        "ner_labels", "source_words", "entity_suffix_skip", "anaphor_nouns", "anaphor_determiners",
        "anaphor_entity_types", "relative_pronouns", "pronouns", "surface_patterns", "product_heads", "variant_names", "variant_token", "noun_preps",
        "metric_nouns", "subject_deps"))
    check_keys(p, where=f"{where}: period", required=(
        "date_types", "paragraph_date_types", "skip_values", "baseline_before", "baseline_after", "baseline_window",
        "published_granularity"))
    check_keys(c, where=f"{where}: confidence", required=("rules", "per_clause_climb", "non_gazetteer", "period", "floor"))
    if p["published_granularity"] not in ("year", "month", "day"):
        from pipeline.errors import RulesError

        raise RulesError(f"{where}: period.published_granularity must be year, month or day")
    return FactRules(
        money_skip_metrics=frozenset(m["money_skip_metrics"]),
        money_skip_equivalents=bool(m["money_skip_equivalents"]),
        quantity_kinds=dict(m["quantity_kinds"]),
        count_units={k.lower(): v for k, v in m["count_units"].items()},
        percent_cues=tuple((metric, _words(words)) for metric, words in m["percent_cues"].items()),
        percent_change=dict(m["percent_change"]),
        cue_window=int(m["cue_window"]),
        ner_labels=frozenset(s["ner_labels"]),
        source_words=frozenset(w.lower() for w in s["source_words"]),
        entity_suffix_skip=tuple(s["entity_suffix_skip"]),
        anaphor_nouns=frozenset(w.lower() for w in s["anaphor_nouns"]),
        anaphor_determiners=frozenset(w.lower() for w in s["anaphor_determiners"]),
        anaphor_entity_types=frozenset(s["anaphor_entity_types"]),
        relative_pronouns=frozenset(w.lower() for w in s["relative_pronouns"]),
        pronouns=frozenset(w.lower() for w in s["pronouns"]),
        surface=tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in s["surface_patterns"].items()),
        product_heads=frozenset(w.lower() for w in s["product_heads"]),
        variant_names=bool(s["variant_names"]),
        variant_token=re.compile(s["variant_token"]),
        noun_preps=frozenset(w.lower() for w in s["noun_preps"]),
        metric_nouns=frozenset(w.lower() for w in s["metric_nouns"]),
        subject_deps=frozenset(s["subject_deps"]),
        date_types=frozenset(p["date_types"]),
        paragraph_date_types=frozenset(p["paragraph_date_types"]),
        skip_values=re.compile(p["skip_values"]),
        baseline_before=re.compile(r"(?:" + "|".join(re.escape(w) for w in p["baseline_before"]) + r")\s*$", re.IGNORECASE),
        baseline_after=re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in p["baseline_after"]) + r")\b", re.IGNORECASE),
        baseline_window=int(p["baseline_window"]),
        published_granularity=p["published_granularity"],
        rule_confidence={k: float(v) for k, v in c["rules"].items()},
        per_clause_climb=float(c["per_clause_climb"]),
        non_gazetteer=float(c["non_gazetteer"]),
        period_penalty={k: float(v) for k, v in c["period"].items()},
        floor=float(c["floor"]),
        word_classes=word_classes(rules),
    )


def fact_rules(rules: Rules) -> FactRules:
    return rules.derived("facts", compile_fact_rules)


# ---------------------------------------------------------------------------------------- entities
@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    id: str | None
    name: str
    type: str | None
    owner: str | None

    @property
    def key(self) -> str:
        return self.id or self.name


def _entities(doc: Doc, ctx: Context, found: dict[str, list[dict]], fr: FactRules) -> tuple[list[Entity], dict[int, Entity]]:
    """Subject candidates (gazetteer entities, plus NER names of the allowed labels) and a token index."""
    owners = gazetteer_owner(ctx.rules)
    rows = found.get("entities")
    if rows is None:  # entities stage not run: read the Doc's own entities
        ids = by_id(ctx.rules)
        rows = [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "canonical_id": e.ent_id_ or None,
             "canonical_name": ids.get(e.ent_id_, (None, None, None))[1], "entity_type": ids.get(e.ent_id_, (None, None, None))[2]}
            for e in doc.ents
        ]
    ents: list[Entity] = []
    index: dict[int, Entity] = {}
    doc_text = doc.text  # Doc.text re-joins every token on each access: read it once per article
    for row in rows:
        cid = row.get("canonical_id")
        text = doc_text[row["start"] : row["end"]]
        if not cid and (row.get("label") not in fr.ner_labels or len(re.findall(r"[A-Za-z]", text)) < 3):
            continue
        ent = Entity(row["start"], row["end"], cid, row.get("canonical_name") or text, row.get("entity_type"), owners.get(cid or ""))
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None:
            continue
        ents.append(ent)
        for tok in span:
            index.setdefault(tok.i, ent)
    ents.sort(key=lambda e: e.start)
    return ents, index


# ---------------------------------------------------------------------------------------- subjects
@dataclass(frozen=True)
class Subject:
    name: str | None
    id: str | None
    text: str | None
    rule: str
    climbs: int = 0
    gazetteer: bool = True


class Attacher:
    """Find the subject of one number in its sentence; remembers product variants per sentence."""

    def __init__(self, doc: Doc, ents: list[Entity], index: dict[int, Entity], fr: FactRules, paragraphs: list[tuple[int, int]]) -> None:
        self.doc, self.ents, self.index, self.fr, self.paragraphs = doc, ents, index, fr, paragraphs
        #: Doc.text re-joins every token on each access: read once, sliced many times
        self.text = doc.text
        #: sentence start -> owner entity of the last product variant seen ("Doubao" of "Doubao's Pro 32k")
        self.variant_owner: dict[int, Entity] = {}

    # -- candidate filtering --------------------------------------------------------------------
    def _usable(self, ent: Entity, tok: Token, top: Token | None) -> bool:
        after = self.text[ent.end : ent.end + 8]
        if any(after.startswith(s) for s in self.fr.entity_suffix_skip):
            return False
        for anc in [tok, *tok.ancestors]:  # an entity under "data from", "according to" is a source
            if anc.lower_ in self.fr.source_words:
                return False
            if top is not None and anc.i == top.i:
                break
        return True

    def _in(self, tokens: list[Token], top: Token | None) -> list[tuple[Entity, Token]]:
        seen: dict[str, tuple[Entity, Token]] = {}
        for tok in tokens:
            ent = self.index.get(tok.i)
            if ent is not None and ent.key not in seen and self._usable(ent, tok, top):
                seen[ent.key] = (ent, tok)
        return list(seen.values())

    @staticmethod
    def _reduce(cands: list[tuple[Entity, Token]]) -> list[tuple[Entity, Token]]:
        """A product and its owner in one phrase ("Baidu's Wenxin model"): the product is the subject."""
        ids = {e.id for e, _ in cands if e.id}
        owned = {e.owner for e, _ in cands if e.owner in ids}
        return [(e, t) for e, t in cands if e.id not in owned]

    # -- subject construction -------------------------------------------------------------------
    def _subject(self, ent: Entity, tok: Token, rule: str, climbs: int) -> Subject:
        variant = self._variant(tok) if self.fr.variant_names else []
        if variant:
            self.variant_owner[tok.sent.start] = ent
            name = " ".join([ent.name, *(t.text for t in variant)])
            return Subject(name, None, self.text[ent.start : variant[-1].idx + len(variant[-1])], "product_variant", climbs)
        return Subject(ent.name, ent.id, self.text[ent.start : ent.end], rule, climbs, gazetteer=ent.id is not None)

    def _variant_tokens(self, head: Token, skip: set[int]) -> list[Token]:
        return [
            t for t in head.subtree
            if t.i < head.i and t.i not in skip and t.dep_ in ("compound", "nmod", "nummod") and self.fr.variant_token.match(t.text)
        ]

    def _variant(self, tok: Token) -> list[Token]:
        """'Doubao's Pro 32k model': the possessor's name plus the name-like modifiers of the head."""
        if tok.dep_ != "poss" or tok.head.lower_ not in self.fr.product_heads:
            return []
        skip = {t.i for t in tok.subtree}
        return self._variant_tokens(tok.head, skip)

    def _inherited_variant(self, np: Token, climbs: int) -> Subject | None:
        """'..., while the Pro 128k model was set at ¥0.05': same owner as the variant before it."""
        owner = self.variant_owner.get(np.sent.start)
        if owner is None or not self.fr.variant_names or np.lower_ not in self.fr.product_heads:
            return None
        variant = self._variant_tokens(np, set())
        if not variant:
            return None
        name = " ".join([owner.name, *(t.text for t in variant)])
        return Subject(name, None, self.text[variant[0].idx : variant[-1].idx + len(variant[-1])], "product_variant", climbs)

    def _anaphor(self, tokens: list[Token], climbs: int) -> Subject | None:
        """'The company's valuation': the latest company named earlier in the same paragraph."""
        for tok in tokens:
            if tok.lower_ not in self.fr.anaphor_nouns or tok.i in self.index:
                continue
            if not any(c.dep_ == "det" and c.lower_ in self.fr.anaphor_determiners for c in tok.children):
                continue
            p_start = _containing(self.paragraphs, tok.idx)[0]
            before = [e for e in self.ents if p_start <= e.start and e.end <= tok.idx and e.id and e.type in self.fr.anaphor_entity_types]
            if before:
                ent = before[-1]
                return Subject(ent.name, ent.id, self.text[tok.idx : tok.idx + len(tok)], "anaphor", climbs)
        return None

    def _choose(self, cands: list[tuple[Entity, Token]], rule: str, climbs: int) -> Subject:
        cands = self._reduce(cands)
        if len(cands) == 1:
            ent, tok = cands[0]
            if not self._collective(tok):
                return self._subject(ent, tok, rule, climbs)
        return Subject(None, None, None, "ambiguous", climbs)

    def _collective(self, tok: Token) -> bool:
        """'Kimi, Doubao, and several other domestic models collectively ...': no single subject."""
        if tok.dep_ == "conj" and tok.head.i in self.index:
            return True
        return any(c.dep_ == "conj" or (c.dep_ == "appos" and c.i in self.index) for c in tok.children)

    # -- the search -----------------------------------------------------------------------------
    def _noun(self, node: Token, prev: Token | None, climbs: int) -> Subject | None:
        """Subject written inside the noun phrase: possessive, compound, apposition, 'for X'/'of X'."""
        for child in node.children:
            if prev is not None and child.i == prev.i:
                continue
            if child.dep_ in ("poss", "compound") and child.i in self.index:
                cands = self._in([child], child)
                if cands:
                    return self._choose(cands, "possessive", climbs)
            if child.dep_ == "poss":
                found = self._anaphor(list(child.subtree), climbs)
                if found:
                    return found
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in self.fr.noun_preps):
                cands = self._in(list(child.subtree), child)
                if cands:
                    return self._choose(cands, "appos" if child.dep_ == "appos" else "noun_prep", climbs)
        return None

    def _with_objects(self, node: Token, prev: Token | None) -> list[tuple[Entity, Token]]:
        """'DeepSeek announced its DeepSeek-V2, with ... pricing of ¥1': a 'with' phrase describes the object."""
        if prev is None or prev.dep_ != "prep" or prev.lower_ != "with":
            return []
        objects = [c for c in node.children if c.dep_ == "dobj"]
        objects += [g for c in node.children if c.dep_ == "prep" and c.i != prev.i for g in c.children if g.dep_ == "pobj"]
        return [c for o in objects for c in self._in(list(o.subtree), o)]

    def _pronoun(self, subj: Token, climbs: int) -> Subject | None:
        """'Stepfun has earned ... It has ranked among the top 10': a sentence-initial pronoun is the
        previous sentence's subject entity, when that sentence (same paragraph) has exactly one."""
        sent = subj.sent
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        if _containing(self.paragraphs, before.start_char) != _containing(self.paragraphs, sent.start_char):
            return None
        subjects = [t for t in before if t.dep_ in self.fr.subject_deps and t.head.dep_ == "ROOT"]
        for s in subjects:
            cands = self._reduce(self._in(list(s.subtree), s))
            if len(cands) == 1:
                ent, tok = cands[0]
                return Subject(ent.name, ent.id, subj.text, "pronoun", climbs, gazetteer=ent.id is not None)
        return None

    def _clause(self, node: Token, prev: Token | None, climbs: int) -> tuple[Subject | None, bool]:
        """Subject of a clause: (subject, keep climbing?)."""
        subjects = [c for c in node.children if c.dep_ in self.fr.subject_deps and (prev is None or c.i != prev.i)]
        obj_cands = self._with_objects(node, prev)
        if not subjects and not obj_cands:
            return None, True
        subj = subjects[0] if subjects else None
        if subj is not None and subj.lower_ in self.fr.relative_pronouns and node.dep_ == "relcl":
            head = node.head
            cands = self._in([head], head) if head.i in self.index else []
            if cands:
                return self._choose(cands, "relative_clause", climbs), False
            return self._noun(head, None, climbs), False
        if subj is not None and subj.lower_ in self.fr.pronouns and subj.i == subj.sent.start:
            found = self._pronoun(subj, climbs)
            if found:
                return found, False
        cands = self._in(list(subj.subtree), subj) if subj is not None else []
        if cands or obj_cands:
            chosen = self._choose(cands + obj_cands, "clause_subject", climbs)
            if obj_cands and chosen.name and any(chosen.id == e.id for e, _ in obj_cands):
                chosen = Subject(chosen.name, chosen.id, chosen.text, "with_object", climbs, chosen.gazetteer)
            return chosen, False
        if subj is None:
            return None, True
        found = self._anaphor(list(subj.subtree), climbs) or self._inherited_variant(subj, climbs)
        if found:
            return found, False
        # A metric noun as subject ("capital expenditures will expand to ...") lets the search go on.
        return None, subj.lower_ in self.fr.metric_nouns

    def _surface(self, span: Span) -> Subject | None:
        """Written patterns the parser gets wrong: 'with ChatGPT trailing at 41.6%'."""
        sent = span.sent
        before = [e for e in self.ents if sent.start_char <= e.start and e.end <= span.start_char]
        for ent in reversed(before[-1:]):
            gap = self.text[ent.end : span.start_char]
            if any(pattern.fullmatch(gap) for _, pattern in self.fr.surface):
                return Subject(ent.name, ent.id, self.text[ent.start : ent.end], "surface", 0, gazetteer=ent.id is not None)
        return None

    def attach(self, span: Span) -> Subject:
        found = self._surface(span)
        if found:
            return found
        root = span.root
        prev: Token | None = None
        climbs = 0
        for k, node in enumerate([root, *root.ancestors]):
            if k > 0 and node.i in self.index and not (span.start <= node.i < span.end):
                cands = self._in([node], node)
                if cands:
                    return self._choose(cands, "head_entity", climbs)
            kind = word_class(node, self.fr.word_classes)
            if kind is None or k == 0:
                found = self._noun(node, prev, climbs)
                if found:
                    return found
            if kind == "verb" or node.dep_ == "ROOT":
                found, go_on = self._clause(node, prev, climbs)
                if found:
                    return found
                if not go_on:
                    break
                climbs += 1
            prev = node
        return Subject(None, None, None, "no_subject", climbs)


# ------------------------------------------------------------------------------------------- metric
def _near_cue(text: str, start: int, end: int, cues: tuple[tuple[str, re.Pattern], ...], window: int) -> str | None:
    """The metric whose cue is nearest to [start, end) within ``window`` characters."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    best: tuple[int, str] | None = None
    for metric, pattern in cues:
        for m in pattern.finditer(text, lo, hi):
            dist = start - m.end() if m.end() <= start else max(0, m.start() - end)
            if best is None or dist < best[0]:
                best = (dist, metric)
    return best[1] if best else None


def describe(table: str, row: dict, doc: Doc, fr: FactRules, text: str | None = None) -> tuple[str, float | None, str | None] | None:
    """(metric, value, unit) of one mention, or None when its metric is not clear. ``text`` is
    ``doc.text`` when the caller already has it (Doc.text re-joins every token on each access)."""
    if table == "money":
        metric = row.get("metric")
        if not metric or metric in fr.money_skip_metrics:
            return None
        if fr.money_skip_equivalents and row.get("equivalent_of") is not None:
            return None
        return metric, _value(row, "amount"), row.get("currency")
    if table == "user_counts":
        return (row["metric"], _value(row, "value"), "users") if row.get("metric") else None
    kind = row.get("kind")
    unit = row.get("unit")
    metric = fr.quantity_kinds.get(kind or "")
    if metric is None and unit and unit.lower() in fr.count_units:
        metric = fr.count_units[unit.lower()]
    if metric is None and kind == "percent":
        metric = fr.percent_change.get(row.get("change") or "")
        if metric is None:
            metric = _near_cue(doc.text if text is None else text, row["start"], row["end"], fr.percent_cues, fr.cue_window)
    return (metric, _value(row, "value"), unit) if metric else None


def _value(row: dict, key: str) -> float | None:
    value = row.get(key)
    if value is None and row.get(f"{key}_low") is not None and row.get(f"{key}_high") is not None:
        value = (row[f"{key}_low"] + row[f"{key}_high"]) / 2
    return None if value is None else float(value)


# ------------------------------------------------------------------------------------------- period
@dataclass(frozen=True)
class Period:
    value: str | None
    start: date | None
    end: date | None
    source: str | None


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e or (s == e == pos):
            return s, e
    return 0, 0


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line spans of the clean text: scraped articles keep one paragraph per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line) + 1))
        pos += len(line) + 1
    return spans


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    index_a = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in index_a:
            return k + index_a[t.i]
    return 10_000


def _usable_date(row: dict, text: str, fr: FactRules) -> bool:
    value = row.get("value")
    if row.get("type") not in fr.date_types or not value or fr.skip_values.fullmatch(str(value)):
        return False
    if row.get("type") == "duration" and row.get("start_date") is None:
        return False
    before = text[max(0, row["start"] - fr.baseline_window) : row["start"]]
    after = text[row["end"] : row["end"] + fr.baseline_window]
    words = text[row["start"] : row["end"]].split()
    last_word = words[-1] if words else ""
    return not (fr.baseline_before.search(before) or fr.baseline_after.match(after) or fr.baseline_after.match(last_word))


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def date_period(row: dict, source: str) -> Period:
    """The period written for a date mention (tests/gold/README.md, "Fact periods"): its value, or for
    a duration the ISO interval it resolves to ("the past three months" -> 2024-09-20/2024-12-20)."""
    value, start, end = str(row["value"]), row.get("start_date"), row.get("end_date")
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


def find_period(
    span: Span, dates: list[dict], paras: list[tuple[int, int]], published: date | None, fr: FactRules, text: str | None = None
) -> Period:
    """``text`` is ``span.doc.text`` when the caller has it: Doc.text re-joins every token on each access."""
    doc, sent = span.doc, span.sent
    text = doc.text if text is None else text
    usable = [d for d in dates if _usable_date(d, text, fr)]
    in_sent = [d for d in usable if sent.start_char <= d["start"] and d["end"] <= sent.end_char]
    if in_sent:

        def rank(d: dict) -> tuple[int, int]:
            date_span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            tree = _tree_distance(span.root, date_span.root) if date_span is not None and len(date_span) else 10_000
            return tree, abs(d["start"] - span.start_char)

        return date_period(min(in_sent, key=rank), "sentence")
    p_start, _ = _containing(paras, sent.start_char)
    earlier = [d for d in usable if p_start <= d["start"] and d["end"] <= sent.start_char and d.get("type") in fr.paragraph_date_types]
    if earlier:
        return date_period(max(earlier, key=lambda d: d["start"]), "paragraph")
    return _published(published, fr)


# ------------------------------------------------------------------------------------------ extract
def _evidence(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return start, max(start, end)


def _confidence(subject: Subject, period: Period, fr: FactRules) -> float:
    conf = fr.rule_confidence.get(subject.rule, fr.rule_confidence.get("no_subject", 0.3))
    if subject.name is not None:
        conf -= fr.per_clause_climb * subject.climbs
        if not subject.gazetteer:
            conf -= fr.non_gazetteer
    conf -= fr.period_penalty.get(period.source or "published_date", 0.0)
    return round(min(1.0, max(fr.floor, conf)), 3)


def extract(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """One fact per money / user-count / quantity mention whose metric is clear."""
    fr = fact_rules(ctx.rules)
    ents, index = _entities(doc, ctx, found, fr)
    text = doc.text  # read once: Doc.text re-joins every token on each access
    paras = paragraphs(text)
    attacher = Attacher(doc, ents, index, fr, paras)
    dates = [d for d in found.get("dates", ()) if d.get("start") is not None and d.get("end") is not None]
    mentions = sorted(
        ((table, row) for table in SOURCE_TABLES for row in found.get(table, ())),
        key=lambda tr: (tr[1].get("start", 0), tr[1].get("end", 0)),
    )
    rows: list[dict] = []
    for table, row in mentions:
        try:
            described = describe(table, row, doc, fr, text)
            span = doc.char_span(row["start"], row["end"], alignment_mode="expand") if described else None
        except (KeyError, TypeError, ValueError):
            continue
        if described is None or span is None or len(span) == 0:
            continue
        metric, value, unit = described
        subject = attacher.attach(span)
        period = find_period(span, dates, paras, ctx.published, fr, text)
        ev_start, ev_end = _evidence(span.sent)
        rows.append(
            {
                "start": row["start"],
                "end": row["end"],
                "subject": subject.name,
                "subject_id": subject.id,
                "subject_text": subject.text,
                "metric": metric,
                "value": value,
                "unit": unit,
                "qualifier": row.get("qualifier") or "exact",
                "per_quantity": row.get("per_quantity"),
                "per_unit": row.get("per_unit"),
                "period": period.value,
                "period_start": period.start,
                "period_end": period.end,
                "period_source": period.source,
                "evidence_start": ev_start,
                "evidence_end": ev_end,
                "confidence": _confidence(subject, period, fr),
                "rule": subject.rule,
            }
        )
    return rows
