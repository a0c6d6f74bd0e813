"""Entity identity for facts: one index of subject candidates per article, one key function.

Why one place: the subject rules, the fact id and the entities table must agree on what "the same
entity" is; before this module each decided it its own way.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.attrs import LOWER, TAG
from spacy.tokens import Doc, Token

from pipeline.extract import Context
from pipeline.extract.entities import by_id, gazetteer_owner
from pipeline.facts.config import FactRules
from pipeline.facts.records import Entity

_LETTER = re.compile(r"[A-Za-z]")
#: a two-letter name is kept only as an acronym ("U.S.", "EU", "UN"): otherwise it is mostly tagging noise
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2}")
_RUN = re.compile(r"[\w-]+")
#: the runs ``slug`` joins with hyphens, and the words ``_initials`` reads: compiled once (``re.sub`` and ``re.findall``
#: with a pattern string look it up in re's cache on every call, thousands of names per stage)
_NON_WORD = re.compile(r"[^\w]+")
_INITIAL_WORD = re.compile(r"[A-Za-z][\w&-]*")


@dataclass(frozen=True)
class EntityIndex:
    """Subject candidates of one article, in text order, and the candidate of each token."""

    ents: tuple[Entity, ...]
    by_token: dict[int, Entity]
    #: start offset of each entity of ``ents`` (sorted), for ``before``
    starts: tuple[int, ...] = ()

    def at(self, i: int) -> Entity | None:
        return self.by_token.get(i)

    def last_before(self, pos: int, since: int = 0) -> Entity | None:
        """The last entity that starts at or after ``since`` and ends by ``pos`` (binary search: called
        once per number, so it must not scan the article)."""
        lo = bisect.bisect_left(self.starts, since)
        for k in range(bisect.bisect_right(self.starts, pos) - 1, lo - 1, -1):
            if self.ents[k].end <= pos:
                return self.ents[k]
        return None


def entity_rows(doc: Doc, ctx: Context, found: dict[str, list[dict]]) -> list[dict]:
    """The entities stage's rows, or the Doc's own entities when that stage did not run."""
    rows = found.get("entities")
    if rows is not None:
        return rows
    ids = by_id(ctx.rules)
    return [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "canonical_id": e.ent_id_ or None,
         "canonical_name": ids.get(e.ent_id_, (None, None, None))[1], "entity_type": ids.get(e.ent_id_, (None, None, None))[2]}
        for e in doc.ents
    ]


def slug(name: str) -> str:
    """Lower-case ASCII-ish slug of a name: letters and digits joined by hyphens."""
    return _NON_WORD.sub("-", name.lower()).strip("-_") or "x"


def label_of_id(entity_id: str | None) -> str | None:
    """The label an id was made from ("person:john-mbadi" -> PERSON; see ``canonical_names``), None for an id
    without one (a gazetteer id such as "doubao")."""
    return entity_id.split(":", 1)[0].upper() if entity_id and ":" in entity_id else None


#: double quotation marks, straight and curly: never part of a name's own letters
_QUOTES = '"“”'
#: a leading "the" of a name (``_base``, ``canonical_names``), compiled once: ``re.sub`` with flags looks its
#: pattern up in re's cache on each of the thousands of names a stage reads
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _base(name: str, fr: FactRules) -> str:
    """The name without a leading "the", the double quotes the NER keeps around a coined name ('the "Six Small
    Tigers' -> Six Small Tigers) and trailing corporate suffixes ("Northwind plc" -> "Northwind")."""
    words = _LEADING_THE.sub("", name.strip()).strip(_QUOTES).split()
    while len(words) > 1 and words[-1].lower().strip(",") in fr.corporate_suffixes:
        words.pop()
    return " ".join(words).strip(" ," + _QUOTES)


def _initials(name: str) -> str:
    return "".join(w[0] for w in _INITIAL_WORD.findall(name) if w[0].isupper())


def _same_entity(short: str, long_: str, label: str | None) -> bool:
    """Is ``short`` a variant of ``long_``: an acronym of it, its leading words (organisations,
    products) or its trailing words (a person's surname)?"""
    if short == long_:
        return True
    if short.isupper() and 2 <= len(short) <= 6 and _initials(long_) == short:
        return True
    s, l = short.split(), long_.split()
    if len(s) >= len(l):
        return False
    if label == "PERSON":
        return l[-len(s):] == s
    if label in _PREFIX_LABELS:
        return l[: len(s)] == s
    return False


#: labels whose short form is the name's leading words (a person's is the trailing words)
_PREFIX_LABELS = ("ORG", "PRODUCT", "FAC", "EVENT", None)


def _shared_prefix(base: str, variants: list[str], label: str | None) -> bool:
    """'GM' beside 'GM Hughes Electronics' and 'GM Class H': a name that leads two longer names which are
    not variants of each other is their common part (a parent, a family), not a short form of one."""
    if len(variants) < 2:  # most names: no two longer names to compare (the sort below is the cost)
        return False
    longer = sorted({v for v in variants if len(v.split()) > len(base.split()) and v.split()[: len(base.split())] == base.split()})
    return any(not _same_entity(a, b, label) and not _same_entity(b, a, label) for i, a in enumerate(longer) for b in longer[i + 1 :])


def canonical_names(ents: list[Entity], fr: FactRules) -> dict[str, tuple[str, str]]:
    """Name of each unlisted entity -> (canonical name, id) for this article: variants merge into the
    longest form they are part of ("Northwind plc", "Northwind" -> Northwind; "EBRD" -> European Bank
    for Reconstruction and Development); the id is a stable slug of that name plus its type."""
    names: dict[str, str | None] = {}
    for e in ents:
        if not e.listed:
            names.setdefault(e.name, e.label)
    bases = {n: _base(n, fr) for n in names}
    # a name written with its legal suffix is a company's full name: "Ogden Corp." is not the leading word of
    # "Ogden Projects Inc." (its subsidiary), and a bare "Ogden" beside both is the former; a longer name that
    # starts with the suffixed one ("Service Corp." of "Service Corp. International") is still its full form
    plain = {n: _LEADING_THE.sub("", n.strip()).strip(" ,") for n in names}
    incorporated = {bases[n]: plain[n].split() for n in names if bases[n] != plain[n]}

    # each name against every other is the costly part (an article has dozens of names): the test of
    # ``_same_entity`` is written out below on each name's base split once, its initials worked out at most once
    entries = [(o, ol, bases[o], bases[o].split()) for o, ol in names.items()]
    initials: dict[str, str] = {}
    out: dict[str, tuple[str, str]] = {}
    for name, label in names.items():
        base = bases[name]
        words = base.split()
        n = len(words)
        acronym = base.isupper() and 2 <= len(base) <= 6
        others = []
        for o, ol, other, other_words in entries:
            if ol != label and ol != "PROPN" and label != "PROPN":  # a name the parse found (PROPN) may be any labelled one
                continue
            if other == base:
                others.append(o)
                continue
            if acronym:
                got = initials.get(other)
                if got is None:
                    got = initials[other] = _initials(other)
                if got == base:
                    others.append(o)
                    continue
            if n >= len(other_words):
                continue
            kind = ol if ol != "PROPN" else label
            if kind == "PERSON":
                if other_words[-n:] == words:
                    others.append(o)
            elif kind in _PREFIX_LABELS and other_words[:n] == words:
                others.append(o)
        if base in incorporated:
            full = incorporated[base]
            others = [o for o in others if bases[o] == base or plain[o].split()[: len(full)] == full]
        group = [(bases[o], names[o]) for o in others]
        if _shared_prefix(base, [g[0] for g in group], label):
            group = [(base, label)]
        canonical, _ = max(group, key=lambda g: (len(g[0].split()), len(g[0]), g[0])) if group else (base, label)
        labels = [ol for b, ol in group if b == canonical and ol != "PROPN"] or [label]
        out[name] = (canonical, f"{(labels[0] or 'thing').lower()}:{slug(canonical)}")
    return out


def _phrase(tok: Token, deps: frozenset[str]) -> list[Token]:
    """The token and the contiguous modifiers on its left with one of ``deps`` ("Brent crude oil")."""
    words = [tok]
    left = sorted((c for c in tok.lefts if c.dep_ in deps), key=lambda t: -t.i)
    for child in left:
        if child.i != words[0].i - 1 and not (child.i == words[0].i - 2 and words[0].nbor(-1).dep_ in deps):
            break
        words = [t for t in child.subtree if t.i < tok.i and t.dep_ in deps | {"punct"} and not t.is_punct] + words
        words.sort(key=lambda t: t.i)
    return words


#: the string ids of a set of words or labels (spaCy's ids are hashes of the string, the same in every
#: vocabulary), worked out once per set instead of once per article
_IDS: dict[frozenset[str], frozenset[int]] = {}


def _string_ids(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy stores for ``words`` in a token attribute (TAG, LOWER, ENT_TYPE)."""
    ids = _IDS.get(words)
    if ids is None:
        ids = _IDS[words] = frozenset(doc.vocab.strings.add(w) for w in words)
    return ids


def _tokens_where(doc: Doc, attr: int, values: frozenset[int]) -> list[Token]:
    """The tokens whose ``attr`` (a spaCy attribute id: TAG, LOWER) is one of ``values`` (string ids),
    found on the Doc's attribute array: a Python Token is made only for them, not for every token of the
    article (making them all was most of the facts stage's time). A set lookup per value of the column's
    list: numpy's ``isin`` costs more than that for an article's few hundred tokens."""
    if not len(doc):
        return []
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in values]


def _entity_token_indices(doc: Doc, labels: frozenset[str]) -> list[int]:
    """The indices of the tokens inside a named entity of ``doc.ents`` whose label is one of ``labels``, compared
    by their label's string id (no ``label_`` string per entity). ``doc.ents`` makes a Span per entity, yet over
    a stage it costs less than reading the IOB and type columns with numpy did (~0.014 against ~0.039 s per 100k
    words, measured in the facts stage: the columns' arrays and numpy's calls cost more than an article's few
    dozen Spans)."""
    wanted = _string_ids(doc, labels)
    out: list[int] = []
    for ent in doc.ents:
        if ent.label in wanted:
            out.extend(range(ent.start, ent.end))
    return out


@functools.lru_cache(maxsize=8)
def _last_words(traded_nouns: frozenset[str]) -> frozenset[str]:
    """The last word of each traded noun ("ore" of "iron ore"), once per set of rules."""
    return frozenset(w.rsplit(" ", 1)[-1] for w in traded_nouns)


def _traded_chunks(doc: Doc, text: str, taken: set[int], fr: FactRules) -> list[tuple[int, int, str]]:
    """Noun phrases that name a traded thing or benchmark ("Brent crude oil", "gold", "iron ore"),
    read from tags and dependencies (the pipeline sets no coarse POS, so no ``noun_chunks``)."""
    out = []
    last_words = _last_words(fr.traded_nouns)  # "ore" of "iron ore": most tokens are no traded word
    for tok in _tokens_where(doc, LOWER, _string_ids(doc, last_words)):
        word = tok.lower_
        # a word heading a clause subject is a noun whatever its tag ("while gold climbs": gold/JJ); so is one
        # modifying a sentence root the tagger read as a noun (``misread_verb``: "Bitcoin/JJ climbs/NNS back above")
        misread = misread_verb(tok, fr)
        if word not in last_words or tok.i in taken or not (tok.tag_.startswith("NN") or tok.dep_ in fr.subject_deps or misread):
            continue
        pair = f"{tok.nbor(-1).lower_} {word}" if tok.i > 0 else ""
        if word not in fr.traded_nouns and pair not in fr.traded_nouns:
            continue
        if tok.dep_ in fr.traded_modifier_deps and not fr.is_price_word(tok.head.lower_) and not misread:
            continue  # "coal operations", "gas field": the traded word only describes another noun
        words = [t for t in _phrase(tok, fr.traded_modifier_deps) if t.i not in taken]
        start, end = words[0].idx, tok.idx + len(tok)
        out.append((start, end, text[start:end]))
    return out


def misread_verb(tok: Token, fr: FactRules) -> bool:
    """'Bitcoin climbs back above $93,000', 'the S&P 500 gains 9.5%': the parser read the sentence's verb as the head
    of a noun phrase and the name right before it as its modifier (a root of ``misread_verb_tags``: a plural noun
    with no determiner of its own, or a verb, which takes no nominal modifier); the modifier is the clause's subject."""
    head = tok.head
    if tok.dep_ not in fr.traded_modifier_deps or head.dep_ != "ROOT" or head.tag_ not in fr.misread_verb_tags:
        return False
    if head.i <= tok.i or tok.right_edge.i + 1 != head.i:
        return False
    if head.tag_ not in fr.common_noun_tags:
        return True
    # a plural noun is a misread verb only with a verb's dependents: no determiner, and a preposition taking an amount
    # ("climbs back above $93,000"); a heading ("ChinAI Links (Four to Forward)") is a noun phrase
    return not any(c.dep_ == "det" for c in head.children) and any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in fr.misread_verb_amounts for o in c.children)
        for c in head.children)


def _lexicon_word(word: str, fr: FactRules) -> bool:
    """A word of the facts lexicons (a metric, a money word, a description): never a name on its own."""
    return word in fr.money_words or word in fr.metric_nouns or word in fr.descriptions


def _common_word(word: str, runs: frozenset[str], text: str, fr: FactRules) -> bool:
    """A word of the facts lexicons, or one the article also writes in lower case. ``runs`` are the
    article's maximal runs of word characters and hyphens, read once: a word made of those characters
    is written standing alone exactly when it is one of them."""
    if _lexicon_word(word, fr):
        return True
    if _RUN.fullmatch(word):
        return word in runs
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


#: the label of a traded thing or benchmark (identity slug prefix ``commodity:``)
TRADED_LABEL = "COMMODITY"


def _mixed_case(tok: Token) -> bool:
    """'IndiGo', 'xAI', 'eBay', 'OpenAI': a capital after a lower-case letter marks a name whatever the
    tagger says (it tags "IndiGo" NNS)."""
    text = tok.text
    return len(text) > 1 and not text.isupper() and any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))


#: a lower-case letter then a capital inside one word: the words ``_mixed_case`` accepts, found by the
#: regex engine over the text instead of a Python loop over every token. The match is the capital, the letter
#: before it read by a look-behind: a pattern that opens with a capital lets the engine skip to the text's
#: capitals, where one opening with "[^\W\d_A-Z]" tries (and mostly fails) at every lower-case letter (5x
#: slower over an article); ``_tokens_found`` takes its span from the letter before (``before=1``)
_MIXED_CASE = re.compile(r"[A-Z](?<=[^\W\d_A-Z][A-Z])")
#: a capital letter standing alone: not inside a word, an initial ("J. Smith") or an abbreviation ("U.S.").
#: The capital first, then the character before it read by a look-behind over both (at the text's start that
#: look-behind finds nothing, as one before the capital would): the engine skips to the text's capitals instead of
#: testing a look-behind at every character (3x faster)
_LONE_CAPITAL = re.compile(r"[A-Z](?<![\w.'&-][A-Z])(?![\w.'&-])")


def _tokens_found(doc: Doc, text: str, pattern: re.Pattern, accept: Callable[[Token], bool], before: int = 0) -> list[Token]:
    """The tokens of ``doc`` that ``accept`` takes among those holding a match of ``pattern`` (with the ``before``
    characters ahead of it that the pattern reads by a look-behind), each once, in text order: the regex engine
    finds the few places over the whole text (most articles have none), instead of a Python loop over every
    token; the tokens there are then checked whole."""
    out: dict[int, Token] = {}
    for m in pattern.finditer(text):
        span = doc.char_span(m.start() - before, m.end(), alignment_mode="expand")
        for tok in span if span is not None else ():
            if accept(tok):
                out.setdefault(tok.i, tok)
    return [out[i] for i in sorted(out)]


def _mixed_case_tokens(doc: Doc, text: str) -> list[Token]:
    """The tokens of ``doc`` that ``_mixed_case`` accepts (the regex finds the lower-upper pairs)."""
    return _tokens_found(doc, text, _MIXED_CASE, _mixed_case, before=1)


def _lone_capital_tokens(doc: Doc, text: str) -> list[Token]:
    """The one-letter capital words of ``doc``: a token that is the regex's capital and nothing more."""
    return _tokens_found(doc, text, _LONE_CAPITAL, lambda tok: len(tok.text) == 1)


def _name_like(tok: Token, fr: FactRules) -> bool:
    """Whether a token may be (part of) a name the NER missed: tagged a proper noun, or written like one whatever
    the tag (mixed case, a lone capital)."""
    return tok.tag_ in fr.proper_noun_tags or _mixed_case(tok) or _lone_capital(tok, fr)


def _lone_capital(tok: Token, fr: FactRules) -> bool:
    """'while X reports about 250 million': a capital letter standing alone as a word is a name (the platform X),
    whatever the tagger says (it tags "X" NN); not the words "A" and "I" (``lone_capital_skip``)."""
    text = tok.text
    return len(text) == 1 and text.isupper() and text not in fr.lone_capital_skip


def _unnamed_subjects(doc: Doc, text: str, taken: set[int], fr: FactRules, title: str = "") -> list[tuple[int, int, str]]:
    """Proper nouns heading a clause subject or a possessive, or naming a clause subject's noun ("BellSouth
    shares fell"), that NER did not tag ("Nigeria fully repays its debt", "Turkish airline Pegasus
    announces"): the small model misses many
    sentence-initial names, and the parse still says this is a name and what the clause is about.
    A one-word candidate opening its sentence that the article writes in lower case elsewhere is a capitalised
    common word; the headline is part of the article for that ("India raises defence spending in budget" ...
    "Defence receives ₹7.8 lakh crore": a budget head, not a name)."""
    out = []
    runs: frozenset[str] | None = None
    written = f"{text}\n{title}" if title else text
    proper = [*_tokens_where(doc, TAG, _string_ids(doc, fr.proper_noun_tags)),
              *(t for t in _mixed_case_tokens(doc, text) if t.tag_ not in fr.proper_noun_tags),
              *(t for t in _lone_capital_tokens(doc, text) if t.tag_ not in fr.proper_noun_tags)]
    for tok in proper:
        if not _name_like(tok, fr) or tok.i in taken:
            continue
        qualifies_subject = (tok.dep_ == "compound" and tok.head.dep_ in fr.subject_deps and tok.head.tag_ not in fr.proper_noun_tags
                             and tok.head.lower_ not in fr.product_heads)  # "the Pro 128k model": a product variant, not a name
        pays = tok.dep_ in fr.payer_object_deps and tok.head.lower_ in fr.payer_object_verbs  # "fines network Reddit £14.5m"
        names_subject = tok.dep_ == "appos" and tok.head.dep_ in fr.subject_deps  # "India's largest airline IndiGo ... placed"
        valued = tok.dep_ in fr.valued_object_deps and tok.head.lower_ in fr.valued_object_verbs  # "a deal that values X at"
        misread = misread_verb(tok, fr)  # "the S&P/nmod 500 gains/VBZ 9.5%": the subject of a misparsed clause
        # "Tickets for the FIFA Club World Cup opening match in Miami are cut to $55": the name of the noun a clause
        # subject is "for" or "of" (``noun_preps``)
        names_subjects_noun = (tok.dep_ == "compound" and tok.head.tag_ in fr.common_noun_tags and tok.head.dep_ == "pobj"
                               and tok.head.head.lower_ in fr.noun_preps and tok.head.head.head.dep_ in fr.subject_deps)
        if (tok.dep_ not in fr.subject_deps | {"poss"} and not qualifies_subject and not pays and not names_subject
                and not valued and not misread and not names_subjects_noun):  # "BellSouth shares fell": the name of the subject noun
            continue
        if any(c.i in taken for c in tok.lefts if c.dep_ == "compound"):  # "Alphabet Inc.": a tagged name's tail
            continue
        if _lone_capital(tok, fr) and any(c.dep_ == "compound" for c in tok.children):
            continue  # "Class C warrants", "Plan B": a letter that designates, not a name of its own
        if (tok.lower_ in fr.descriptions or tok.lower_ in fr.norp_heads) and not any(  # "The Government of Pakistan": the
                c.dep_ == "compound" and _name_like(c, fr) for c in tok.lefts):  # name is after "of"; "Premier League" is one
            tok = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                        if o.dep_ == "pobj" and o.tag_ in fr.proper_noun_tags and o.i not in taken), None)
            if tok is None:
                continue
        words = [t for t in _phrase(tok, frozenset({"compound"})) if _name_like(t, fr) and t.i not in taken]
        if not words or words[-1].i != tok.i:
            continue
        if len(words) == 1 and tok.is_sent_start:
            runs = frozenset(_RUN.findall(written)) if runs is None else runs
        if len(words) == 1 and tok.is_sent_start and _common_word(tok.lower_, runs, written, fr):
            continue  # "Net rose 5%", "Profit fell": a capitalized common word, not a name
        start, end = words[0].idx, tok.idx + len(tok)
        if len(_LETTER.findall(text[start:end])) >= 2 or (start == tok.idx and _lone_capital(tok, fr)):
            out.append((start, end, text[start:end]))
    return out


def _as_country(ent: Entity, places: list[Entity], fr: FactRules) -> Entity:
    """A people's name as the country the article also names ("the Kenyan government" -> Kenya when
    "Kenya" is written: the longest common prefix covers all but the last two letters of the place),
    else as the country of rules/facts.yaml ``demonym_countries`` ("the South Korean trade ministry")."""
    if ent.label != "NORP" or ent.listed:
        return ent
    name = ent.name.lower()
    for place in places:
        p = place.name.lower()
        common = len(next((a for a in (p[:k] for k in range(len(p), 0, -1)) if name.startswith(a)), ""))
        if common >= 4 and common >= len(p) - 2:
            return Entity(ent.start, ent.end, place.id, place.name, place.type, place.owner, "GPE", place.listed)
    country = fr.demonym_countries.get(name.removeprefix("the ").strip())
    if country is not None:
        return Entity(ent.start, ent.end, None, country, None, None, "GPE", False)
    return ent


def _companies_by_stock(rows: list[dict], spans: list, text: str, fr: FactRules) -> frozenset[str]:
    """Names (lower-cased; any mention is evidence) the article gives shares, stock or executives ("Netflix shares fall 10%", "Petrobras
    chief executive Magda Chambriard") or calls a company in an apposition ("Klarna, the Swedish
    buy-now-pay-later company"): whatever the NER said, such a name is a company's, in every mention."""
    out = set()
    for row, span in zip(rows, spans, strict=True):
        if span is None:
            continue
        root = span.root
        owned = False
        if root.dep_ in fr.stock_owner_deps:
            head = root.head  # "Netflix shares"; "Petrobras [chief executive] Magda Chambriard"
            owned = head.lower_ in fr.stock_nouns or any(c.dep_ == "compound" and c.lower_ in fr.stock_nouns for c in head.lefts)
        elif root.dep_ == "pobj" and root.head.lower_ in fr.naming_preps:  # "Shares of Novo Nordisk fall 20%"
            owned = root.head.head.lower_ in fr.stock_nouns
        if not owned and root.n_rights:  # "Klarna, the Swedish buy-now-pay-later company"
            owned = any(c.dep_ == "appos" and fr.company_label in fr.descriptions.get(c.lower_, ()) for c in root.rights)
        if not owned and row.get("label") in fr.relabelled_as_company:  # "the Finnish lift maker Kone": a description
            # that classifies the name (as its compound or its head)
            described = [c for c in root.lefts if c.dep_ == "compound"] + ([root.head] if root.dep_ == "appos" else [])
            owned = any(t.tag_ in fr.common_noun_tags and fr.company_label in fr.descriptions.get(t.lower_, ()) for t in described)
        if not owned and root.dep_ in fr.subject_deps and row.get("label") in fr.relabelled_as_company:
            owned = _owns_with_its(root, text, fr)  # "Novo Nordisk says it will cut the price of its drug"
        if owned:
            out.add(text[row["start"] : row["end"]].lower())
    return frozenset(out)


def _owns_with_its(name: Token, text: str, fr: FactRules) -> bool:
    """Does a neuter possessive in the name's clause refer back to it ("Novo Nordisk says it will cut the
    price of its weight-loss drug": the possessive's clause subject is the name, or an "it" of a clause
    under the name's verb)? A person's things are "his" or "her", so the name is an organisation's."""
    verb = name.head
    right = verb.right_edge
    if not fr.neuter_possessive_words.search(text, name.idx, right.idx + len(right)):
        return False  # no "its" after the name in its clause: the common case, read off the text
    for tok in verb.subtree:
        if tok.i <= name.i or tok.lower_ not in fr.neuter_possessives or tok.dep_ != "poss":
            continue
        for node in tok.ancestors:
            subjects = [c for c in node.children if c.dep_ in fr.subject_deps]
            if subjects:
                subj = subjects[0]
                if subj.i == name.i or (subj.lower_ in fr.neuter_pronouns and node.head.i == verb.i):
                    return True
                break
    return False


def _occurrences(text: str, names: dict[str, Entity]) -> list[tuple[int, int, Entity]]:
    """Where each name is written as a whole word sequence (str.find, no per-article regex), longest names
    first and never inside a longer one found already."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, int, Entity]] = []
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            whole = (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end]))
            if whole and not any(a <= at and end <= b for a, b in taken):
                taken.append((at, end))
                out.append((at, end, names[name]))
            at = text.find(name, at + 1)
    return sorted(out, key=lambda o: o[0])


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’"


def _name_everywhere(doc: Doc, text: str, found: list[tuple[Entity, object]], fr: FactRules) -> list[tuple[Entity, object]]:
    """One name, one reading per article: a company name of several words the NER tagged once ("Hudson's Bay/ORG
    shares closed at C$35") is that company wherever else it is written, also where the NER split or mislabelled
    it ("Hudson/PERSON's Bay said it will redeem"); a longer name containing it stays as it is."""
    names = {text[e.start : e.end]: e for e, _ in found
             if not e.listed and e.label in fr.propagated_labels and len(text[e.start : e.end].split()) > 1}
    if not names:
        return found
    spans = {(e.start, e.end) for e, _ in found}
    added: list[tuple[Entity, object]] = []
    for start, end, model in _occurrences(text, names):
        if (start, end) in spans or any(e.start <= start and end <= e.end and (e.start, e.end) != (start, end) for e, _ in found):
            continue  # tagged already, or part of a longer name ("Hudson's Bay Co.")
        span = doc.char_span(start, end)
        if span is None or any(e.start < start < e.end or e.start < end < e.end for e, _ in found if not (start <= e.start and e.end <= end)):
            continue  # the text's tokens do not make this name, or a name overlaps it partly
        added.append((replace(model, start=start, end=end), span))
    if not added:
        return found
    inside = [(a.start, a.end) for a, _ in added]
    kept = [(e, sp) for e, sp in found if not any(s0 <= e.start and e.end <= s1 for s0, s1 in inside)]
    return sorted(kept + added, key=lambda pair: pair[0].start)


def build_index(
    doc: Doc, text: str, ctx: Context, rows: list[dict], fr: FactRules, numbers: list[tuple[int, int]] = ()
) -> EntityIndex:
    """Subject candidates of the article (never inside one of the ``numbers`` spans): gazetteer entities, NER names of the allowed labels (a
    NORP only where it names a government or people), and traded things, indexed by token."""
    owners = gazetteer_owner(ctx.rules)
    found: list[tuple[Entity, object]] = []
    spans = [doc.char_span(row["start"], row["end"], alignment_mode="expand") for row in rows]
    traded_names = _companies_by_stock(rows, spans, text, fr)
    for row, span in zip(rows, spans, strict=True):
        cid = row.get("canonical_id")
        surface = text[row["start"] : row["end"]]
        label = row.get("label")
        if not cid and label in fr.relabelled_as_company and surface.lower() in traded_names:
            label = fr.company_label  # "Netflix/GPE shares fall 10%": a name with shares is a company's
        letters = len(_LETTER.findall(surface))
        if not cid and (label not in fr.ner_labels or letters < 2 or (letters == 2 and not _ACRONYM.fullmatch(surface.strip()))):
            continue
        if span is None:
            continue
        if not cid and len(span) == 1 and span[0].is_sent_start and _lexicon_word(span[0].lower_, fr):
            continue  # "Damages totalled $3 billion": a capitalised metric word the tagger took for a name
        if not cid and label == "NORP" and not (span.root.head.lower_ in fr.norp_heads or span.root.lower_ in fr.norp_heads):
            continue
        start, end = row["start"], row["end"]
        if not cid and surface.lower().removeprefix("the ").strip() in fr.traded_nouns:
            label = TRADED_LABEL  # "Bitcoin falls to US$63,000": a traded thing, whatever the NER says
        elif (not cid and span.root.dep_ in fr.traded_modifier_deps and span.root.head.i == span.end
              and span.root.head.lower_ in fr.traded_nouns):  # "the price of Brent/ORG crude": the name of a traded thing
            label, span = TRADED_LABEL, doc[span.start : span.end + 1]
            end = span.end_char
            surface = text[start:end]
        ent = Entity(start, end, cid, row.get("canonical_name") or surface, row.get("entity_type"),
                     owners.get(cid or ""), label, cid is not None)
        found.append((ent, span))
    found = _name_everywhere(doc, text, found, fr)
    # token indices from each span's bounds: iterating a Span makes a Python Token per token
    taken = {i for _, span in found for i in range(span.start, span.end)}  # type: ignore[attr-defined]
    taken.update(_entity_token_indices(doc, fr.not_name_labels))  # "December's peak": a date
    for start, end in numbers:  # "three million yuan": the currency word of an amount is not a subject
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    for label, chunks in ((TRADED_LABEL, _traded_chunks(doc, text, taken, fr)), ("PROPN", _unnamed_subjects(doc, text, taken, fr, ctx.title or ""))):
        for start, end, surface in chunks:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and not any(i in taken for i in range(span.start, span.end)):
                found.append((Entity(start, end, None, surface, None, None, label, False), span))
                taken.update(range(span.start, span.end))
    places = [g for g, _ in found if g.label == "GPE"]
    found = [(_as_country(e, places, fr), span) for e, span in found]
    names = canonical_names([e for e, _ in found], fr)
    ents: list[Entity] = []
    index: dict[int, Entity] = {}
    for ent, span in found:
        if not ent.listed and ent.name in names:
            canonical, eid = names[ent.name]
            ent = Entity(ent.start, ent.end, eid, canonical, ent.type, ent.owner, ent.label, False)
        ents.append(ent)
        for i in range(span.start, span.end):  # type: ignore[attr-defined]
            index.setdefault(i, ent)
    ents.sort(key=lambda e: e.start)
    return EntityIndex(tuple(ents), index, tuple(e.start for e in ents))
