"""What a number measures: the metric of a money, user-count or quantity row, with its value and unit.

Money and user-count rows carry their metric from their extractor; quantities get one from their kind,
their counted noun, or (percentages) a change word or the nearest cue word.
"""

from __future__ import annotations

import re
from itertools import islice

from spacy.tokens import Doc, Span, Token

from pipeline.facts.config import FactRules
from pipeline.facts.records import OTHER_METRIC
from pipeline.lexicon import nearest_cue

def _near_cue(text: str, start: int, end: int, cues: tuple[tuple[str, re.Pattern], ...], window: int) -> str | None:
    """The metric whose cue is nearest to [start, end) within ``window`` characters."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    best: tuple[int, str] | None = None
    for metric, pattern in cues:
        near = nearest_cue([(m.start(), m.end()) for m in pattern.finditer(text, lo, hi)], start, end)
        if near is not None and (best is None or near[0] < best[0]):
            best = (near[0], metric)
    return best[1] if best else None


def _stems(word: str) -> tuple[str, ...]:
    """The word and its likely base forms ("fines" -> fine, "fined" -> fine, "taxes" -> tax): the
    pipeline runs no lemmatizer, and inflections should not need their own lexicon entries."""
    out = [word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return tuple(out)


def word_metric(tok: Token, fr: FactRules) -> str | None:
    """The metric a word names in ``money_words``: with the word before it ("net income"), else by one of its stems
    ("earnings"); None when it names none. Public because period.py asks whether a noun names a result's metric.
    A verb is looked up in ``verb_metrics`` first, with its particle ("buy back") and alone ("value")."""
    if tok.tag_.startswith("VB") and fr.verb_metrics:
        # its particle: the word right after it that hangs from it ("buy back": prt, or advmod as the parse often has it)
        particle = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) and tok.nbor(1).head.i == tok.i else None
        for key in ((tok.lower_ + " " + particle) if particle else None, tok.lower_):
            if key is not None and key in fr.verb_metrics:
                return fr.verb_metrics[key]
    if tok.i > 1 and tok.nbor(-1).text == "-" and not tok.nbor(-2).whitespace_ and not tok.nbor(-1).whitespace_:
        return None  # the second half of a hyphenated word ("its weight-loss drug", "a low-cost carrier"), as in the money table
    prev = tok.nbor(-1).lower_ + " " + tok.lower_ if tok.i > 0 else None
    if prev and prev in fr.money_words:
        return fr.money_words[prev]
    for form in _stems(tok.lower_):
        if form in fr.money_words:
            return fr.money_words[form]
    return None


def _object_metric(node: Token, fr: FactRules, preps: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(metric, word) of the object of a ``preps`` preposition (default ``governor_preps``) under
    ``node``, if it names one."""
    for prep in node.children:
        if prep.dep_ == "prep" and prep.lower_ in (fr.governor_preps if preps is None else preps):
            for obj in prep.children:
                metric = word_metric(obj, fr) if obj.dep_ == "pobj" else None
                if metric:
                    return metric, obj.text
    return None


def _raised_object(verb: Token, metric: str, fr: FactRules) -> tuple[str, str] | None:
    """'raised its revenue forecast to $5 billion', 'raised its offer to $30 a share': a verb of these metrics
    (``object_first_metrics``: "raise" is a funding word) whose direct object names another metric changes that
    object; "raised $5 million" has no such object and stays funding."""
    if metric not in fr.object_first_metrics or not verb.tag_.startswith("VB"):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = _names_metric(obj, fr)
        if found and found[0] != metric:
            return found
    return None


def _named_by_compound(noun: Token, fr: FactRules) -> tuple[str, str] | None:
    """(metric, word) of a compound before ``noun`` that names a metric ("earnings estimate", "revenue forecast")."""
    return _names_metric(noun, fr, own=False)


def _names_metric(noun: Token, fr: FactRules, skip: str | None = None, own: bool = True) -> tuple[str, str] | None:
    """(metric, word) the noun names: its own word (with ``own``), else a compound before it ("a bonus pool":
    salary); a word of metric ``skip`` names none."""
    words = (noun, *(c for c in noun.lefts if c.dep_ == "compound")) if own else (c for c in noun.lefts if c.dep_ == "compound")
    for tok in words:
        metric = word_metric(tok, fr)
        if metric and metric != skip:
            return metric, tok.text
    return None


def _earned_from(verb: Token, fr: FactRules) -> tuple[str, str] | None:
    """'OpenAI will earn around $500 million from API sales': what the amount comes from, when it names
    a metric, says what it is (revenue), whatever the verb says alone (earned: profit); a name it comes from does not
    ("borrow US$358 million from the African Development Fund")."""
    if not verb.tag_.startswith("VB"):
        return None
    found = _object_metric(verb, fr, fr.source_preps)
    if found is None:
        return None
    source = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ in fr.source_preps
                   for o in p.children if o.dep_ == "pobj" and o.text == found[1]), None)
    # a name is whom the money comes from, not what ("borrow US$358 million from the African Development Fund": a loan)
    return None if source is not None and source.tag_ in fr.proper_noun_tags else found


def _set_aside_for(verb: Token, metric: str, fr: FactRules) -> tuple[str, str] | None:
    """'The government also set aside ₹12.2 lakh crore for capital expenditure': a verb of ``verb_metrics`` that names
    `other` (set aside, save) takes the metric of what the money is for (``verb_for_preps``), when that names one; "set
    aside $1.2 billion for the breach" stays `other`."""
    if metric != OTHER_METRIC or not verb.tag_.startswith("VB"):
        return None
    for node in (verb, *(c for c in verb.children if c.dep_ == "dobj")):  # the parse hangs "for" from either
        found = _object_metric(node, fr, fr.verb_for_preps)
        if found:
            return found
    return None


def _in_what(verb: Token, metric: str, fr: FactRules) -> tuple[str, str] | None:
    """'earned US$1.4 billion in revenue': a verb whose ``governor_preps`` object names another metric says what the
    amount is (as "$5 million in damages" does under the amount itself), when that object is a bare noun of measure;
    "raises $1.37 billion in its initial public offering" keeps the verb's."""
    if not verb.tag_.startswith("VB"):
        return None
    found = _object_metric(verb, fr)
    if found is None or found[0] == metric:
        return None
    # a bare noun of measure ("in revenue", "in fines"), not an event or place ("raises $1.37 billion in its initial
    # public offering": funding)
    obj = next(o for p in verb.children if p.dep_ == "prep" and p.lower_ in fr.governor_preps
               for o in p.children if o.dep_ == "pobj" and o.text == found[1])
    return None if any(c.dep_ in fr.measure_noun_blocking_deps for c in obj.children) else found


def _valued_thing(word: Token, fr: FactRules) -> tuple[str, str] | None:
    """'a deal valued at $55 billion', 'an agreement worth up to US$35 billion', '$60 billion worth of
    agreements': a word of valuing says what the thing it describes is worth, so that thing's metric is
    the amount's (deal_value), when it names one; a company "valued at" keeps valuation."""
    if word_metric(word, fr) != fr.valuing_metric:
        return None
    objects = [o for o in word.children if o.dep_ == "dobj"] if word.tag_.startswith("VB") else []
    if objects:  # "an all-stock deal that values X at $33 billion", "The Paribas offer values Navigation Mixte at": what
        things = objects  # the verb values is its object, not the deal or offer the clause hangs from or its subject
    else:
        things = [word.head] if word.head.i != word.i and word.head.tag_.startswith("NN") else []
        things += [o for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if word.tag_.startswith("VB"):  # "SpaceX was valued at": its subject (none when it has an object)
        things += [o for o in word.children if o.dep_ in fr.subject_deps] if not objects else []
    elif word.dep_ in fr.valuing_clause_deps:  # "signs the largest export agreement ..., worth up to US$35 billion",
        things += [o for o in word.head.children if o.dep_ in ("dobj", *fr.subject_deps)]  # "exports were worth $40 billion"
    things = [t for t in things if not t.like_num and t.tag_ not in fr.number_tags and t.ent_type_ != "MONEY"]
    for thing in things:  # the thing's own word, else a compound before it ("a bonus pool worth $1.5 billion": salary)
        found = _names_metric(thing, fr, skip=fr.valuing_metric)
        if found:
            return found
    for thing in things:  # else the noun it is the "of" of ("an interim award of 96 million shares worth about US$29
        of = thing.head if thing.dep_ == "pobj" and thing.head.lower_ in fr.amount_of_preps else None  # billion": salary)
        found = _names_metric(of.head, fr, skip=fr.valuing_metric) if of is not None and of.head.i != of.i else None
        if found:
            return found
    if things and not word.tag_.startswith("VB") and not any(_organisation(t, fr) for t in things):
        # "vouchers worth ₩50,000", "the first person to be worth $600 billion": what a thing or a person is
        # worth, no organisation's valuation (a company is "valued at", whatever the NER calls its name)
        return OTHER_METRIC, word.text
    return None


def _organisation(tok: Token, fr: FactRules) -> bool:
    """Does the token name or describe an organisation ("Tesla", "the company", "a startup")?"""
    if tok.tag_ in fr.proper_noun_tags and tok.ent_type_ not in fr.person_labels:
        return True  # a name other than a person's: the NER often mislabels a company's
    return tok.ent_type_ == fr.company_label or fr.company_label in fr.descriptions.get(tok.lower_, ())


def measured_noun(span: Span, fr: FactRules) -> Token | None:
    """The common noun an amount quantifies, which names what it measures ("a $5 million reward", "a
    reward of up to $5 million", "a ₩100 trillion stabilization fund"): the noun it modifies, or the
    noun whose "of" it is the object of. None when the amount stands alone ("paid $5 million")."""
    root = span.root
    head = root.head
    if head.i == root.i or span.start <= head.i < span.end:
        return None
    if root.dep_ in fr.measured_noun_deps and head.tag_ in fr.common_noun_tags and head.i > root.i:
        noun = head
    elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ in fr.common_noun_tags and head.head.i < root.i:
        noun = head.head
    else:
        return None
    if noun.ent_type_ in fr.measured_noun_skip_entities or noun.lower_ in fr.time_nouns:
        return None  # "net income for the fiscal second-quarter of $8.6 million": a time, not what is measured
    return noun


def _measured_noun_metric(noun: Token, fr: FactRules) -> str | None:
    """The metric the noun an amount quantifies names by ``measured_noun_metrics``, or as a market's size by
    ``sized_noun_metrics`` unless a modifier of it is one of ``sized_noun_skips`` ("the $200 billion junk market": what is
    outstanding, no sales)."""
    if noun.lower_ in fr.sized_noun_metrics:
        return None if any(c.lower_ in fr.sized_noun_skips for c in noun.lefts) else fr.sized_noun_metrics[noun.lower_]
    return fr.measured_noun_metrics.get(noun.lower_)


def governing_word(span: Span, fr: FactRules) -> tuple[str | None, str | None]:
    """(metric, word as written) of the word that governs an amount in the parse: its heads up to
    ``governor_depth`` ("a fine of $5 million", "agreed to buy X for $5 billion"), and at a verb the
    words of its subject ("The purchase price is 2.1 billion kronor"). (None, nearest head word) when no
    word of ``money_words`` governs it."""
    node = span.root
    first_word: str | None = None
    found = _object_metric(node, fr) or _object_metric(node, fr, fr.amount_of_preps)  # "$5 million in damages",
    if found:                                                                           # "US$4.3 billion of bonds"
        return found
    noun = measured_noun(span, fr)
    if noun is not None:  # "a $5 million reward has been offered": the reward, not the offer
        named = _names_metric(noun, fr)  # its own word, else a compound before it ("a R$50 billion credit line": a loan)
        # a noun of measured_noun_metrics (or sized_noun_metrics) before a compound ("net realized investment gains of
        # $31 million": profit; "the $6 billion ready-to-eat cereal market": revenue)
        metric = _measured_noun_metric(noun, fr) or (named[0] if named else fr.built_noun_metrics.get(noun.lower_))
        found = _valued_thing(noun, fr) or (metric, noun.text)
        if found[0] is not None or noun.lower_ not in fr.quantity_nouns or noun.dep_ not in fr.climbed_quantity_deps:
            return found
        # "was awarded a total of €9.1 million": a word of how much names nothing; what it is the object of does
        node, first_word = noun, noun.text
    for _ in range(fr.governor_depth):
        if node.head.i == node.i:
            break
        node = node.head
        if node.is_punct:
            continue
        if first_word is None and node.tag_.startswith(("NN", "VB")):
            first_word = node.text
        metric = word_metric(node, fr)
        if metric:
            return (_valued_thing(node, fr) or _earned_from(node, fr) or _set_aside_for(node, metric, fr) or _raised_object(node, metric, fr)
                    or _in_what(node, metric, fr) or (metric, node.text))
        found = _named_by_compound(node, fr) if node.tag_.startswith("NN") else None
        if found:  # "the earnings estimate of $2 a share": the noun's compound names it
            return found
        if node.tag_.startswith("VB"):  # "cutting his earnings estimate for next year to $2 a share": what the verb changes
            for obj in (c for c in node.children if c.dep_ == "dobj"):
                found = _names_metric(obj, fr)
                if found:
                    return found
        if node.tag_.startswith(("VB", "NN")):  # "pay AU$240 million in penalties", "paid $5 million as a fine",
            found = _object_metric(node, fr)  # "a 4% decline in revenue to $713.5 million"
            if found:
                return found
        found = _purpose(node, fr) if node.tag_.startswith("VB") else None
        if found:  # "has agreed to pay $93 million ... to buy 117 acres of land"
            return found
        if node.tag_.startswith("VB") or node.dep_ == "ROOT":
            for child in node.children:
                if child.dep_ in fr.subject_deps:  # its head first ("Revenue at Europe's largest bank by assets")
                    if child.lower_ in fr.measured_noun_metrics:  # "Norway's sovereign wealth fund has grown to ..."
                        return fr.measured_noun_metrics[child.lower_], child.text
                    for tok in (child, *(t for t in reversed(list(child.subtree)) if t.i != child.i)):
                        metric = word_metric(tok, fr)
                        if metric:
                            return metric, tok.text
    return None, first_word


def _purpose(verb: Token, fr: FactRules) -> tuple[str, str] | None:
    """(metric, word) of a to-infinitive of purpose under a verb that names no metric ("agreed to pay $93 million and
    nearly 1.8 million common shares to buy 117 acres": deal_value; "would pay A$120 million to settle a lawsuit": fine):
    what the money is paid for says what it is."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [t for o in objects for t in o.conjuncts]  # "pay $4 million in cash, ... and 1.6 million common shares
    clauses = [c for c in verb.children if c.dep_ in fr.purpose_deps]  # to acquire ...": the parse hangs the clause
    clauses += [c for o in objects for c in o.children if c.dep_ in fr.purpose_object_deps]  # from the last object
    for clause in clauses:
        if clause.tag_.startswith("VB") and any(c.dep_ == "aux" and c.lower_ in fr.purpose_markers for c in clause.children):
            metric = word_metric(clause, fr)
            if metric:
                return metric, clause.text
    return None


def _is_measured_noun(span: Span | None, word: str | None, fr: FactRules) -> bool:
    """Is ``word`` the common noun the amount quantifies (``measured_noun``)?"""
    noun = measured_noun(span, fr) if span is not None and word is not None else None
    return noun is not None and noun.text == word


def _is_direct_verb(span: Span | None, word: str | None) -> bool:
    """Is ``word`` the verb whose direct object the amount is ("Alphabet's Waymo unit raises $16 billion ... at a
    valuation of $126 billion": funding, not the valuation beside it)? Only a verb of ``object_first_metrics`` is taken
    so: "costs $349" is a price and "funneled ¥1 billion into consumer-facing marketing" marketing, whatever the verb
    alone says."""
    root = span.root if span is not None else None
    return root is not None and root.dep_ == "dobj" and root.head.tag_.startswith("VB") and root.head.text == word


def _names_nothing_measured(span: Span | None, word: str, fr: FactRules) -> bool:
    """Is ``word`` the common noun the amount quantifies (``measured_noun``: "a $24 million one-time charge", "a
    write-down of $143.6 million", "an interim dividend of 16.5 Australian cents"), which names no metric?"""
    noun = measured_noun(span, fr) if span is not None else None
    if noun is None or noun.text != word or noun.lower_ in fr.quantity_nouns or noun.lower_ in fr.source_words:
        return False
    of_amount = span is not None and span.root.head.lower_ in fr.amount_of_preps  # "... operations of $4 million"
    if of_amount and noun.dep_ == "pobj" and noun.head.head.i != noun.head.i and _names_metric(noun.head.head, fr) is not None:
        return False  # "profit from continuing operations of $4 million": the amount is the profit's
    return _names_metric(noun, fr) is None


def money_metric(row: dict, span: Span | None, fr: FactRules) -> tuple[str, str | None]:
    """(metric, metric_text) of a money mention: a word of ``money_words_first`` governing it, else the
    extractor's metric, else any governing word of ``money_words``, else ``other`` (still a fact: the
    governing word as written is kept so nothing is lost)."""
    governed_metric, word = governing_word(span, fr) if span is not None else (None, None)
    own = row.get("metric")
    if governed_metric == OTHER_METRIC and word is not None and fr.money_words.get(word.lower()) != fr.valuing_metric:
        # a word rules/metrics.yaml lists as `other` ("its quarterly dividend", "a termination fee") says what the amount
        # is, whatever cue of the money table is near ("investment plan", "fee": a price); not "worth" (``_valued_thing``)
        return OTHER_METRIC, word
    if governed_metric is None and word is not None and own and own != OTHER_METRIC and _names_nothing_measured(span, word, fr):
        # "a one-time charge of $8.3 million, resulting in a net loss": the noun the amount quantifies says what it is
        # and names no metric; the money table's cue is another word of the sentence ("loss"), not this amount's
        return OTHER_METRIC, word
    if governed_metric in fr.money_words_first:
        return governed_metric, word
    if governed_metric in fr.lent_over_metrics and span is not None and lent(span, fr):
        # "The World Bank approves US$1.5 billion in financing for Pakistan's energy sector": a lender's financing is a
        # loan, whatever cue of the money table agrees with the word
        return fr.lender_metric, word
    if governed_metric and own and governed_metric != own and (_is_measured_noun(span, word, fr) or (
            (governed_metric in fr.object_first_metrics or word.lower() in fr.verb_metrics) and _is_direct_verb(span, word))):
        # "a US$1 billion telecommunications project" beside "a joint low-cost carrier": the noun the amount quantifies
        # names its metric, the money table's cue is another word of the sentence
        return governed_metric, word
    if governed_metric and own in fr.object_first_metrics and governed_metric != own:
        return governed_metric, word  # the cue "raised" of the money table; the parse found what was raised
    if governed_metric and word is not None and own and fr.money_words.get(word.lower()) == own:
        # the extractor's cue is the very word the parse found governing the amount, and the parse read more
        # of it ("tokens worth $1.5 billion": what a thing is worth, no organisation's valuation)
        return governed_metric, word
    if governed_metric in (None, fr.price_metric) and span is not None and own != fr.price_metric and of_shares(span, fr):
        # "Shares rose 9% to US$583 in New York trading, giving the firm a market value of more than US$118 billion":
        # what shares rose to is their price, whatever cue of the money table is near
        return fr.price_metric, word
    if own and own != OTHER_METRIC:
        return own, word if governed_metric == own else None
    if governed_metric is None and span is not None and lent(span, fr):
        # "The International Monetary Fund (IMF) approves the release of US$1.2 billion to Pakistan", "has already
        # received $3.3 billion from the IMF": what a lender pays out is a loan, whatever the word for it
        return fr.lender_metric, word
    return (governed_metric or OTHER_METRIC), word


def of_shares(span: Span, fr: FactRules) -> bool:
    """Is the amount the object of a preposition under a verb ("rose ... to", "closed at") whose subject is a word of
    ``share_nouns`` ("its shares rose as much as 2.8% to a record US$164.42"; not "5,745,188 shares of Connaught and
    C$44.3 million face amount of debentures ... had been tendered")? No word governing the amount names a metric other than a price (the caller checks: "in New
    York trading" is a price word): the amount is a share's price."""
    root = span.root
    if root.dep_ != "pobj" and root.head.dep_ == "pobj" and root.head.lower_ in fr.quantity_nouns:
        root = root.head  # "to a record US$164.42": the parse hangs the amount from the word of how much
    if root.dep_ != "pobj" or root.head.dep_ != "prep" or not root.head.head.tag_.startswith("VB"):
        return False  # "rose to US$583", "closed at $10": a level the verb reaches through a preposition
    verb = root.head.head
    return any(c.dep_ in fr.subject_deps and c.lower_ in fr.share_nouns for c in verb.children)


def _lender(tok: Token, fr: FactRules) -> bool:
    """Does ``tok`` head a name of ``lenders`` ("the International Monetary Fund (IMF)", "the IMF's executive board")?"""
    for head in (tok, *(c for c in tok.children if c.dep_ in ("poss", "appos"))):
        name = " ".join(t.lower_ for t in head.lefts if t.dep_ in fr.name_internal_deps) + " " + head.lower_
        if name.strip() in fr.lenders:
            return True
        if any(c.dep_ == "appos" and c.lower_ in fr.lenders for c in head.children):
            return True
    return False


def lent(span: Span, fr: FactRules) -> bool:
    """Is the amount paid out by a lender (``lenders``): the subject of a verb above it, or its subject's owner ("The
    IMF's executive board approves a 48-month, US$7 billion extended fund facility"), or whom a verb above it has the
    money from (``source_preps``: "received $3.3 billion from the IMF")? Not a lender named as a source of a figure
    ("needs about €135 billion ..., according to the International Monetary Fund")."""
    for verb in islice(span.root.ancestors, fr.governor_depth):
        if not verb.tag_.startswith("VB"):
            continue
        for child in verb.children:
            if child.dep_ in fr.subject_deps:
                names = [child]
            elif child.dep_ == "prep" and child.lower_ in fr.source_preps:
                names = [o for o in child.children if o.dep_ == "pobj"]
            else:
                continue
            if any(_lender(n, fr) for n in names):
                return True
    return False


def listed_other(word: str | None, fr: FactRules) -> bool:
    """Does rules/metrics.yaml list ``word`` under `other` (a dividend, a payout, a termination fee)? Such a word says
    what the amount is though FACTS_BRIEF.md has no metric for it: the amount keeps `other`, and a rate of it is that
    thing per share, a level set at a moment, no price and no reported result."""
    return word is not None and fr.money_words.get(word.lower()) == OTHER_METRIC


def names_what_it_is(span: Span | None, word: str | None, fr: FactRules) -> bool:
    """Is ``word`` the noun the amount quantifies, naming what it is though no metric ("an interim dividend of 16.5
    Australian cents a share", "a $42-a-share payout"), or a word rules/metrics.yaml lists as `other` wherever it
    governs the amount ("raised its quarterly dividend to $1.20 a share")? Such an amount written as a rate is that
    thing per share, not a price."""
    if word is None:
        return False
    if listed_other(word, fr):
        return True
    noun = measured_noun(span, fr) if span is not None else None
    named = _names_metric(noun, fr) if noun is not None and noun.text == word else None
    if named is not None and named[0] == OTHER_METRIC:  # "a dividend rate of $1.76 a year": named by its compound
        return True
    return _names_nothing_measured(span, word, fr)


def _person(tok: Token, fr: FactRules) -> bool:
    """Does ``tok`` name a person (itself or its apposition: "the Egyptian striker Omar Marmoush"), or is it a relative
    pronoun of one ("..., who joined ...")?"""
    if tok.lower_ in fr.relative_pronouns and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return any(t.ent_type_ in fr.person_labels for t in (tok, *(c for c in tok.children if c.dep_ == "appos")))


def for_a_person(metric: str, span: Span, fr: FactRules) -> str:
    """A price paid for a person is a transfer's value (``person_price_metric``; FACTS_BRIEF.md: a price is a product's,
    a share's, a barrel's, a ticket's): "Chelsea F.C. have agreed to sign the Palmeiras forward Estêvão Willian for a
    fee of €61.5 million", "Marmoush, who joined from Eintracht Frankfurt for a fee of £59 million". The first verb
    above the amount, reached through "for" (``transfer_preps``), has a person as its object, or has no object and a
    person as its subject; "The singer charged a fee of $100" (an object, not a person) keeps its price."""
    if metric != fr.price_metric:
        return metric
    for tok in islice(span.root.ancestors, fr.governor_depth):
        if tok.dep_ == "prep" and tok.lower_ in fr.transfer_preps and tok.head.tag_.startswith("VB"):
            verb = tok.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            people = objects or [c for c in verb.children if c.dep_ in fr.subject_deps]
            return fr.person_price_metric if any(_person(p, fr) for p in people) else metric
    return metric


def at_auction(metric: str, span: Span, fr: FactRules) -> str:
    """What one thing sells for at an auction is its price (``price_metric``; FACTS_BRIEF.md: a price is a product's, a
    deal's value a company's or an asset's sale): "A Sotheby's auction in Hong Kong sells a Qing dynasty porcelain vase
    for HK$98 million", "A Pikachu Illustrator Card ... sells at auction by Logan Paul for US$16,492,000". The first verb
    above the amount names a deal (``money_words``) and its subject, or the object of a preposition under it, is a word
    of ``auction_words``; "Sotheby's agreed to sell its auction business to Acme for $500 million" (an auction house's
    business, not at an auction) stays a deal."""
    if metric != fr.deal_metric:
        return metric
    verb = next((t for t in islice(span.root.ancestors, fr.governor_depth) if t.tag_.startswith("VB")), None)
    if verb is None or word_metric(verb, fr) != fr.deal_metric:
        return metric
    for child in verb.children:
        if child.dep_ in fr.subject_deps and (child.lower_ in fr.auction_words or any(
                c.dep_ in fr.name_internal_deps and c.lower_ in fr.auction_words for c in child.children)):
            return fr.price_metric
        if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in fr.auction_words for o in child.children):
            return fr.price_metric
    return metric


def not_for_profit(metric: str, metric_text: str | None, span: Span, fr: FactRules) -> str:
    """What a film, a charity or a stadium takes in is its revenue (``revenue_owner_metric``), not a profit:
    the word that named the profit is a bare ``gross_income_words`` word ("earned", "its income"; not "net income")
    governing the amount, and the sentence names such a thing (``revenue_owner_nouns``, not as a compound: "the film
    maker earned" is a company's profit)."""
    said = (metric_text or "").lower()
    if said not in fr.gross_income_words or metric not in (fr.money_words.get(said), fr.person_metric_words.get(said)):
        return metric  # the metric the word names (profit), or a person's (a film the NER calls a person "earned": salary)
    sent = span.sent
    word = next((t for t in islice(span.root.ancestors, fr.governor_depth) if t.text == metric_text), None)
    if word is None:
        word = next((t for t in sent if t.text == metric_text), None)
    if word is None or any(c.dep_ in fr.income_modifier_deps for c in word.lefts):
        return metric
    owned = any(t.lower_ in fr.revenue_owner_nouns and t.tag_ in fr.common_noun_tags and t.dep_ != "compound" for t in sent)
    return fr.revenue_owner_metric if owned else metric


def borrowed_by_state(metric: str, metric_text: str | None, label: str | None, span: Span, fr: FactRules) -> str:
    """What a state borrows (a loan, ``lender_metric``) with no lender named is its deficit (``state_borrowing_metric``; public borrowing is the gap
    between what it spends and takes in): "The UK government borrowed £20.2 billion in April", "the UK government's
    borrowing for August comes in at £18 billion". The word is one of ``state_borrowing_words``, the subject's label one
    of ``subject.state_labels``; a lender under the word or a verb above the amount (``source_preps``: "will borrow
    US$358 million from the African Development Fund") keeps the loan."""
    said = (metric_text or "").lower()
    if metric != fr.lender_metric or said not in fr.state_borrowing_words or label not in fr.state_labels:
        return metric
    words = [t for t in islice(span.root.ancestors, fr.governor_depth) if t.tag_.startswith("VB") or t.text == metric_text]
    words += [t for t in span.sent if t.text == metric_text and t not in words]
    if any(p.dep_ == "prep" and p.lower_ in fr.source_preps and any(o.dep_ == "pobj" for o in p.children)
           for w in words for p in w.children):
        return metric
    return fr.state_borrowing_metric


def passive_verb(span: Span, fr: FactRules) -> bool:
    """Is the first verb above the amount passive ("Jamie Dimon, who was paid $39 million")? A person's "paid" is
    then what the person was paid (``person_passive_metric_words``), not what the person paid."""
    verb = next((t for t in islice(span.root.ancestors, fr.governor_depth) if t.tag_.startswith("VB")), None)
    return verb is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def compared_multiplier(row: dict, changes: list[dict] | tuple[dict, ...], fr: FactRules) -> bool:
    """Is the multiplier a comparison of two things ("trades at 12 times earnings", "twice as fast as sales"): its row in
    the changes table (the multiplier's own span) is of a kind of ``comparison_kinds``?"""
    span = (row.get("start"), row.get("end"))
    return any(c.get("kind") in fr.comparison_kinds and (c.get("multiplier_start"), c.get("multiplier_end")) == span
               for c in changes)


def describe(
    table: str, row: dict, doc: Doc, fr: FactRules, text: str | None = None, span: Span | None = None,
    changes: list[dict] | tuple[dict, ...] = (),
) -> tuple[str, float | None, str | None, str | None] | None:
    """(metric, value, unit, metric_text) of one mention, or None when it makes no fact. ``text`` is
    ``doc.text`` when the caller already has it (Doc.text re-joins every token on each access); ``changes``
    the article's changes rows (a multiplier they read as a comparison measures no growth)."""
    if table == "money":
        if fr.money_skip_equivalents and row.get("equivalent_of") is not None:
            return None
        metric, word = money_metric(row, span, fr)
        if metric in fr.money_skip_metrics:
            return None
        return metric, _value(row, "amount"), row.get("currency"), word
    if table == "user_counts":
        return (row["metric"], _value(row, "value"), "users", None) if row.get("metric") else None
    kind = row.get("kind")
    unit = row.get("unit")
    if kind == "multiplier" and compared_multiplier(row, changes, fr):
        return None
    if kind == "rank" and span is not None and named_list(span, fr):
        return None
    metric = fr.quantity_kinds.get(kind or "")
    if metric is None and unit and unit.lower() in fr.count_units:
        metric = fr.count_units[unit.lower()]
    if metric is None and kind == "percent":
        metric = fr.percent_change.get(row.get("change") or "")
        if metric is None:
            metric = _near_cue(doc.text if text is None else text, row["start"], row["end"], fr.percent_cues, fr.cue_window)
        if metric is not None and span is not None and of_a_whole(span, fr):
            metric = fr.percent_of_whole_metric  # a share, not the rise a change word near it suggests; no new fact
    return (metric, _value(row, "value"), unit, None) if metric else None


def named_list(span: Span, fr: FactRules) -> bool:
    """Is the rank a list's name ("placing it 4th in the Top 500")? Its first word is a proper noun
    (``proper_noun_tags``), capitalised, not the first of its sentence: a name, no rank of anyone."""
    first = span[0]
    return first.tag_ in fr.proper_noun_tags and first.text[:1].isupper() and not first.is_sent_start


def of_a_whole(span: Span, fr: FactRules) -> bool:
    """Is the percentage one of a whole: "of" (``percent_of_whole_preps``) with a common noun under it ("made up 3.8% of
    the population")? A share, whatever change word is near; not a part of what changed (``percent_of_whole_changes``:
    "lost 20% of its value")."""
    return any(p.dep_ == "prep" and p.lower_ in fr.percent_of_whole_preps and any(
        o.dep_ == "pobj" and o.tag_ in fr.common_noun_tags and o.lower_ not in fr.percent_of_whole_changes
        for o in p.children) for p in span.root.children)


def _value(row: dict, key: str) -> float | None:
    value = row.get(key)
    if value is None and row.get(f"{key}_low") is not None and row.get(f"{key}_high") is not None:
        value = (row[f"{key}_low"] + row[f"{key}_high"]) / 2
    return None if value is None else float(value)
