"""Whose number it is: one small function per parse rule, tried from the number up its clauses.

The search starts at the number's head token and climbs its ancestors: inside a noun phrase it looks
for a possessive, compound, apposition or "for/of X"; at a verb it takes the clause subject (with
relative-clause, pronoun and "the company" handling). The first rule that finds exactly one usable
entity wins; names that are the conjuncts of one coordination (and nothing else) own it together
(``coordination``: "Saudi Arabia and Syria sign agreements ..."); any other two or more is ``ambiguous``:
we never pick the nearest name by guess.
"""

from __future__ import annotations

from itertools import chain, islice

from spacy.tokens import Span, Token

from pipeline.facts.candidates import (
    Scene,
    candidates_in,
    drop_owners,
    named_apposition,
    phrase_tokens,
    possessive_variant,
    variant_tokens,
)
from pipeline.facts.identity import misread_verb, slug
from pipeline.facts.discourse import anaphor, description_first, first_person, listing_name, other_party, pronoun
from pipeline.facts.records import AMBIGUOUS, COMMON_OWNER, JOINT_RULE, NESTED_RULE, NO_SUBJECT, TITLED_RULE, UNNAMED_OWNER, Entity, Subject
from pipeline.facts.config import FactRules
from pipeline.nlp import word_class

Cands = list[tuple[Entity, Token]]


def subject_of(scene: Scene, ent: Entity, tok: Token, rule: str, climbs: int) -> Subject:
    """The subject for one chosen entity; a possessed product variant names the variant."""
    variant = possessive_variant(tok, scene.fr)
    if variant:
        name = " ".join([ent.name, *(t.text for t in variant)])
        return Subject(name, None, scene.text[ent.start : variant[-1].idx + len(variant[-1])], "product_variant", climbs)
    issuer = share_issuer(scene, ent)  # "GM Class H ... closed at $29": General Motors' shares
    if issuer is not None:
        return Subject(issuer.name, issuer.id, scene.text[ent.start : ent.end], rule, climbs, gazetteer=issuer.listed)
    return Subject(ent.name, ent.id, scene.text[ent.start : ent.end], rule, climbs, gazetteer=ent.listed)


def share_issuer(scene: Scene, ent: Entity) -> Entity | None:
    """The issuer of a share class the NER took for a name of its own ("GM Class H", ``share_class_name``): the entity
    the article names by the words before the class, when it names one (round 21)."""
    found = scene.fr.share_class_name.match(ent.name)
    if found is None:
        return None
    issuer = found.group("issuer").strip()
    return next((e for e in scene.index.ents if e.key != ent.key and issuer in (e.name, scene.text[e.start : e.end])), None)


def collective(scene: Scene, tok: Token) -> bool:
    """'Kimi, Doubao, and several other domestic models collectively ...': no single subject."""
    own = scene.index.at(tok.i)

    def inside(t: Token) -> bool:  # "Marks & Spencer", "Lilo & Stitch": a coordination inside one name is that name
        return own is not None and scene.index.at(t.i) is own

    if tok.dep_ == "conj" and scene.index.at(tok.head.i) is not None and not inside(tok.head):
        return True
    return any((c.dep_ == "conj" and not inside(c)) or (c.dep_ == "appos" and scene.index.at(c.i) is not None and not _locator(own, c, scene.index.at(c.i), scene.fr))
               for c in tok.children)


def _locator(anchor: Entity | None, appos: Token, ent: Entity | None, fr: FactRules) -> bool:
    """'Chicago, Illinois': a place (``ent``, at token ``appos``) in apposition to a place (``anchor``) only
    locates it; not in a list the parser hung on an apposition ("Saudi Arabia, Qatar, and Kuwait")."""
    if appos.dep_ != "appos" or any(c.dep_ in ("conj", "cc") for t in (appos, appos.head) for c in t.children):
        return False
    return anchor is not None and ent is not None and anchor.label in fr.place_labels and ent.label in fr.place_labels


def _modifies_another(tok: Token, ent: Entity, cands: Cands, fr: FactRules) -> bool:
    """'U.S. President Bill Clinton': a name that only qualifies another candidate's name (through
    compound / modifier links) is not what the phrase is about."""
    others = [(e.start, e.end) for e, _ in cands if e.key != ent.key]
    node = tok
    for _ in range(fr.max_depth):
        if node.dep_ not in fr.modifier_deps or node.head.i == node.i:
            return False
        node = node.head
        if any(start <= node.idx < end for start, end in others):
            return True
    return False


def prefer_named_thing(cands: Cands, fr: FactRules) -> Cands:
    """Among several candidates of one phrase: the traded thing a price is of ("the national average gas
    price" -> gas); a traded thing that only describes another noun ("gas" of "gas field") and a possessor
    of another named thing ("Israel" of "Israel's Leviathan field") are not what the phrase is about."""
    if len(cands) < 2:
        return cands
    cands = [(e, t) for e, t in cands if not _modifies_another(t, e, cands, fr)] or cands
    # "Gold futures in New York", "its Premium plan in the United States": a place a preposition only
    # locates the phrase in is not what it is about, when something else is named
    cands = [(e, t) for e, t in cands if not (e.label in fr.place_labels and _in_prep_phrase(_entity_head(e, t), fr)
                                              and not _names_place_description(_entity_head(e, t), fr))] or cands
    # "the city of Chicago, Illinois": a place in apposition to another place locates it
    heads = {_entity_head(e, t).i: e for e, t in cands}
    cands = [(e, t) for e, t in cands if not _locator(heads.get(_entity_head(e, t).head.i), _entity_head(e, t), e, fr)] or cands
    if len(cands) < 2:
        return cands
    # "Kenya's Treasury presented a budget": a body that acts for the state it belongs to is that state
    states = [(e, t) for e, t in cands if e.label in fr.state_labels and _entity_head(e, t).dep_ == "poss"]
    bodies = [e for e, _ in cands if e.label not in fr.state_labels and set(e.name.lower().split()) & fr.state_body_words]
    if len(states) == 1 and bodies and len(bodies) == len(cands) - 1:
        return states
    priced = [(e, t) for e, t in cands if e.label == "COMMODITY" and fr.is_price_word(t.head.lower_)]
    if len(priced) == 1:
        return priced
    kept = [(e, t) for e, t in cands if not (e.label == "COMMODITY" and t.dep_ in ("compound", "nmod", "amod"))]
    if len(kept) > 1:
        kept = [(e, t) for e, t in kept if _entity_head(e, t).dep_ != "poss"] or kept  # "Elon Musk's xAI"
    return kept or cands


def _titled_after(cands: Cands, fr: FactRules) -> tuple[Entity, Token, int] | None:
    """'Gustav Klimt's Portrait of Elisabeth Lederer sells for $236.4 million': a name the NER missed (a proper noun
    the parse found, ``unnamed_title_labels``) that heads the phrase, with every other name of it either its possessor
    (the maker, the owner) or a person it is named after (``titled_after_labels``, the object of one of its
    ``naming_preps``), is what the phrase names: the work, not its painter or sitter. A title word with a company or a
    place after "of" ("the President of Acme") is no such name and keeps the rules below. Returns the name, its token
    and where its title ends (after the last person it is named after)."""
    heads = [(e, t, _entity_head(e, t)) for e, t in cands]
    for ent, tok, head in heads:
        if ent.label not in fr.unnamed_title_labels:
            continue
        others = [(e, h) for e, _, h in heads if e.key != ent.key]
        after = [e for e, h in others if h.dep_ == "pobj" and h.head.lower_ in fr.naming_preps and h.head.head.i == head.i]
        owners = [e for e, h in others if h.dep_ == "poss" and h.head.i == head.i]
        if after and len(after) + len(owners) == len(others) and all(e.label in fr.titled_after_labels for e in after):
            return ent, tok, max(e.end for e in after)
    return None


def _names_place_description(head: Token, fr: FactRules) -> bool:
    """'the city of Chicago', 'the state of Texas': the object of a naming preposition under a description
    of a place's kind is that place's name, not where the phrase is located."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in fr.naming_preps:
        return False
    return bool(fr.descriptions.get(prep.head.lower_, frozenset()) & fr.place_labels)


def _generic(scene: Scene, subj: Token) -> bool:
    """Is the clause subject a kind, not a party: a common noun with an indefinite determiner as the object
    of its "of" ("the median price of an existing home sold in the United States"), or itself with a place
    that locates it ("A seat at a match in the United States costs"), naming nobody but places? Its number is
    nobody's, and no fallback lends it one. A bare indefinite subject ("a family plan already costs €21.99")
    is left to the fallbacks: it is often the article's own product."""
    fr = scene.fr
    # a statistic of a kind ("the average UK house price"): any place, located or modifying, is no party
    statistic = any(c.dep_ == "amod" and c.lower_ in fr.statistic_modifiers for c in subj.children)
    kind = subj if _indefinite(subj, fr) or statistic else next(
        (o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj" and _indefinite(o, fr)), None)
    if kind is None:
        return False
    named = candidates_in(scene, list(subj.subtree), subj)
    if kind.i == subj.i and not named:
        return False  # "a family plan already costs €21.99": the article's product, not a kind

    def placed(t: Token) -> bool:
        return statistic or _in_prep_phrase(t, fr)

    # only places: "A consortium led by Silver Lake agreed to pay" is a party's, and a name that classifies
    # the kind is most often its maker's ("the price of a Netflix subscription"), whatever "a FTSE 100 chief
    # executive" says
    for t in kind.subtree:  # a name in the kind's own phrase ("a Netflix subscription", tagged or not) is most
        if t.tag_ in fr.proper_noun_tags:  # often its maker; only a place it is located in is no party
            ent = scene.index.at(t.i)
            if ent is None or ent.label not in fr.place_labels or not placed(t):
                return False
    return all(ent.label in fr.place_labels and placed(_entity_head(ent, tok)) for ent, tok in named)  # "sold in the United States"


def _indefinite(tok: Token, fr: FactRules) -> bool:
    return tok.tag_ in fr.common_noun_tags and any(c.dep_ == "det" and c.lower_ in fr.indefinite_determiners for c in tok.children)


def _described(scene: Scene, ent: Entity, head: Token) -> Token | None:
    """The definite description a name only possesses or locates ("Europe's largest bank", "the
    Shenzhen-based company"), or None."""
    if head.dep_ == "poss":
        return head.head if description_first(scene, head.head) else None
    if ent.label not in scene.fr.place_labels:
        return None
    node = head
    for _ in range(3):  # Shenzhen -npadvmod-> based -amod-> company
        if node.dep_ not in scene.fr.place_modifier_deps or node.head.i == node.i:
            return None
        node = node.head
        if node.tag_ in scene.fr.common_noun_tags:
            return node if description_first(scene, node) else None
    return None


def _in_prep_phrase(tok: Token, fr: FactRules) -> bool:
    """Is ``tok`` (a name's token) inside the object of a preposition, climbing through the name's own words?"""
    node = tok  # climbing the name's own words only: "United" -> "States", never "Netflix" -> "subscription"
    while node.dep_ in fr.name_internal_deps and node.head.i != node.i and node.head.tag_ in fr.proper_noun_tags:
        node = node.head
    return node.dep_ == "pobj" and node.head.dep_ == "prep"


def _entity_head(ent: Entity, tok: Token) -> Token:
    """The token of the entity's words that the parse hangs them from (its head lies outside them)."""
    node = tok
    for _ in range(len(tok.doc)):
        head = node.head
        if head.i == node.i or not (ent.start <= head.idx < ent.end):
            return node
        node = head
    return node


def conjuncts_of(tok: Token) -> list[Token]:
    """Every conjunct of the coordination ``tok`` is part of (itself included), in text order."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    out, frontier = [node], [node]
    while frontier:
        for child in frontier.pop().children:
            if child.dep_ == "conj":
                out.append(child)
                frontier.append(child)
    return sorted(out, key=lambda t: t.i)


def joint(scene: Scene, cands: Cands, climbs: int) -> Subject | None:
    """'Saudi Arabia and Syria sign agreements covering a US$1 billion project', 'fines luxury brands Gucci,
    Chloé, and Loewe over €157 million': names that are the conjuncts of one coordination, and nothing but
    names, own the amount together; the subject is the coordination as written. A coordination with a
    conjunct that is no name ("Kimi, Doubao, and several other domestic models") stays ambiguous, and so
    do names a "respectively" pairs with amounts one by one."""
    if len(cands) < 2:
        return None
    sentence = scene.sentence(cands[0][1].i)
    if any(t.lower_ in scene.fr.respective_words for t in sentence):  # "..., respectively": each its own, not together
        return None
    heads = {_entity_head(e, t).i: (e, t) for e, t in cands}
    if len(heads) != len(cands):
        return None
    if {t.i for t in conjuncts_of(scene.doc[next(iter(heads))])} != set(heads) and not written_coordination(scene, cands):
        return None
    start = min(e.start for e, _ in cands)
    end = max(e.end for e, _ in cands)
    name = scene.text[start:end]
    members = [e.id for e, _ in sorted(cands, key=lambda c: c[0].start)]
    group_id = "+".join(members) if all(members) else None  # "gpe:saudi-arabia+gpe:syria": stable, and each member's id is in it
    return Subject(name, group_id, name, JOINT_RULE, climbs, gazetteer=False)


def written_coordination(scene: Scene, cands: Cands) -> bool:
    """'fined Apple and Meta Platforms a combined €700 million': two or more names written one after the other with
    nothing but commas and a last "and" between them (``coordination_gaps``) are one coordination, whatever the parse
    hung them from (it read "Apple" as a modifier of "Meta Platforms"). A possessor is no conjunct ("Apple and
    Google's ..." owns nothing together)."""
    if len(cands) < 2 or any(_entity_head(e, t).dep_ == "poss" for e, t in cands):
        return False
    ents = sorted({e.key: e for e, _ in cands}.values(), key=lambda e: e.start)
    if len(ents) != len(cands):
        return False
    gaps = [scene.text[a.end : b.start] for a, b in zip(ents, ents[1:])]
    between, last = scene.fr.coordination_gaps
    return all(between.fullmatch(g) for g in gaps[:-1]) and last.fullmatch(gaps[-1]) is not None


def choose(scene: Scene, cands: Cands, rule: str, climbs: int) -> Subject:
    """Exactly one candidate (owners dropped, not a coordination): it; names coordinated with nothing
    else, by the parse or as written: all of them together (``joint``); else ambiguous."""
    owned = drop_owners(cands)
    together = joint(scene, owned, climbs) if written_coordination(scene, owned) else None
    if together is not None:
        return together
    titled = _titled_after(owned, scene.fr)
    if titled is not None:  # "Gustav Klimt's Portrait of Elisabeth Lederer": the work, named with its title
        ent, _, end = titled
        name = scene.text[ent.start : end]
        return Subject(name, f"propn:{slug(name)}", name, TITLED_RULE, climbs, gazetteer=False)
    cands = prefer_named_thing(owned, scene.fr)
    if len(cands) == 1:
        ent, tok = cands[0]
        if not collective(scene, tok):
            return subject_of(scene, ent, tok, rule, climbs)
        cands = coordinated_with(scene, ent, tok)
    return joint(scene, cands, climbs) or Subject(None, None, None, AMBIGUOUS, climbs, source=None)


def coordinated_with(scene: Scene, ent: Entity, tok: Token) -> Cands:
    """The entity and the entities of every other conjunct of its coordination ('... Chloé, and Loewe
    over €157 million': the amount hangs from the last name, the coordination owns it)."""
    found: Cands = []
    for conjunct in conjuncts_of(_entity_head(ent, tok)):
        named = candidates_in(scene, [conjunct], conjunct)
        if not named:
            return [(ent, tok)]
        found.extend(named)
    return found


def inherited_variant(scene: Scene, np: Token, climbs: int, before: int) -> Subject | None:
    """'..., while the Pro 128k model was set at ¥0.05': same owner as the variant before it."""
    fr = scene.fr
    owners = [ent for i, ent in scene.variant_owners.get(scene.sentence(np.i).start, ()) if i < before]
    if not owners or not fr.variant_names or np.lower_ not in fr.product_heads:
        return None
    variant = variant_tokens(np, set(), fr)
    if not variant:
        return None
    name = " ".join([owners[-1].name, *(t.text for t in variant)])
    return Subject(name, None, scene.text[variant[0].idx : variant[-1].idx + len(variant[-1])], "product_variant", climbs)


def in_noun_phrase(scene: Scene, node: Token, prev: Token | None, climbs: int, amount: bool = False) -> Subject | None:
    """Subject written inside the noun phrase: possessive, compound, apposition, 'for X'/'of X'. An
    apposition of the ``amount`` itself restates the number, it does not name its owner ("loses US$593
    billion in market value, the largest one-day drop ... of the U.S. stock market")."""
    fr = scene.fr
    if not amount and node.dep_ == "appos" and scene.index.at(node.head.i) is not None:
        cands = candidates_in(scene, [node.head], node.head)  # "fined Coupang, the country's largest online retailer, ₩150 billion"
        if cands:
            return choose(scene, cands, "appos", climbs)
    for child in () if amount else node.children:  # "top five players — Alibaba, Bytedance, Zhipu": a group, no one subject
        if child.dep_ == "appos" and (prev is None or child.i != prev.i):
            listed = drop_owners(candidates_in(scene, list(child.subtree), child))
            if len(listed) > 1:
                return choose(scene, listed, "appos", climbs)
    for child in node.children:
        if prev is not None and child.i == prev.i:
            continue
        if child.dep_ == "poss" and description_first(scene, node):  # "the country's largest online retailer": the retailer meant
            found = anaphor(scene, [node], climbs)
            if found:
                return found
        if child.dep_ == "poss" and ranked_in_place(scene, node, child):  # "the country's second-richest person": a rank
            continue  # in a place, not the place's; the apposition or the clause says who
        if child.dep_ in ("poss", "compound") and scene.index.at(child.i) is not None:
            cands = candidates_in(scene, [child], child)
            if cands:
                return choose(scene, cands, "possessive", climbs)
        if child.dep_ == "poss":
            found = anaphor(scene, list(child.subtree), climbs) or first_person(scene, child, climbs)
            if not found and child.lower_ in fr.possessive_pronouns:  # "completes its $14.9 billion acquisition of U.S. Steel"
                found = pronoun(scene, child, climbs)
            if found:
                return found
        if child.dep_ == "appos" and not amount:
            cands = candidates_in(scene, list(child.subtree), child)
            if cands:
                return choose(scene, cands, "appos", climbs)
        # "for X", not "for information that leads to X's arrest"; "by X" under a noun is "prep" or "agent" to the parser
        if (child.dep_ == "prep" and child.lower_ in fr.noun_preps) or (
                child.dep_ in ("prep", "agent") and child.lower_ in fr.agent_noun_preps and word_class(node, fr.word_classes) is None
                and fr.money_words.get(node.lower_) not in fr.agent_free_metrics):
            cands = candidates_in(scene, [t for o in child.children if o.dep_ == "pobj" for t in phrase_tokens(o, fr)], child)
            # "the biggest opening for a Hollywood film": a place that only locates the object's noun owns nothing
            cands = [(e, t) for e, t in cands if not _place_modifier(scene, e, t)]
            if cands:
                return choose(scene, cands, "noun_prep", climbs)
        if child.dep_ == "acl" and child.lower_ not in fr.speech_verbs:  # "a $500,000 reward announced earlier by Janet Reno": the agent of its participle (not "a deal described by Bloomberg")
            cands = candidates_in(scene, [t for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                                         for t in phrase_tokens(o, fr)], child)
            if cands:
                return choose(scene, cands, "agent", climbs)
    return None


def with_objects(scene: Scene, node: Token, prev: Token | None) -> Cands:
    """'DeepSeek announced its DeepSeek-V2, with ... pricing of ¥1': a 'with' phrase describes the object."""
    if prev is None or prev.dep_ != "prep" or prev.lower_ != "with":
        return []
    objects = [c for c in node.children if c.dep_ == "dobj"]
    objects += [g for c in node.children if c.dep_ == "prep" and c.i != prev.i for g in c.children if g.dep_ == "pobj"]
    # "secured a place on the ballot in Oklahoma with a US$35,000 payment": a place the object is located
    # in is not what the "with" phrase describes
    return [(e, t) for o in objects for e, t in candidates_in(scene, list(o.subtree), o)
            if not (e.label in scene.fr.place_labels and t.i != o.i and _located(t, o))]


def _located(tok: Token, top: Token) -> bool:
    """Is ``tok`` the object of a preposition somewhere below ``top`` ("in Oklahoma" of "a place on the ballot in Oklahoma")?"""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "pobj":
            return True
        node = node.head
    return False


def _place_modifier(scene: Scene, ent: Entity, tok: Token) -> bool:
    """'the California earthquake', 'the Texas plant': a place right before a common noun, which it only
    locates, is not the subject when that noun is neither a metric ("U.S. sales"), a description ("the U.S. government") nor a people's noun is
    not whose number it is."""
    fr = scene.fr
    anchor = scene.index.at(tok.head.i) if tok.dep_ == "appos" else None
    if ent.label in fr.place_labels and anchor is not None and anchor.label in fr.place_labels and anchor.key != ent.key:
        return _place_modifier(scene, anchor, tok.head)  # "Calif." of "The Van Nuys, Calif., thrift": as its anchor
    if ent.label not in fr.place_labels or tok.dep_ not in fr.modifier_deps:
        return False
    head = tok.head
    while head.dep_ in fr.modifier_deps and ent.start <= head.idx < ent.end:  # "New York" -> the noun after it
        head = head.head
    gap = scene.text[ent.end : head.idx]
    if head.idx < ent.end or (gap.strip(" ,") and not _locating_gap(scene, ent.end, head.idx)):  # not right after the name:
        return False  # "Leviathan natural gas field"; but "The Van Nuys, Calif., thrift": a place that locates it
    word = head.lower_
    return head.tag_ not in fr.proper_noun_tags and not (fr.is_metric_noun(word) or word in fr.descriptions or word in fr.norp_heads)


def _taxed_thing(scene: Scene, tok: Token, top: Token) -> bool:
    """'the tariff on steel and aluminum imports will be doubled': a name inside the object of a preposition of
    ``taxed_preps`` under a noun of the tax metric (rules/metrics.yaml) is what is taxed, not whose tax it is."""
    fr = scene.fr
    node = tok
    for _ in range(fr.max_depth):
        if node.i == top.i or node.head.i == node.i:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in fr.taxed_preps and fr.money_words.get(node.head.head.lower_) == fr.tax_metric:
            return True
        node = node.head
    return False


def _locating_gap(scene: Scene, start: int, end: int) -> bool:
    """Is the text between a place and its noun only another place between commas ("Van Nuys, Calif., thrift")?"""
    span = scene.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    names = [t for t in span if not t.is_punct and not t.is_space]
    return bool(names) and all((e := scene.index.at(t.i)) is not None and e.label in scene.fr.place_labels
                               or t.ent_type_ in scene.fr.place_labels for t in names)


def payer_object(scene: Scene, node: Token, prev: Token | None, climbs: int) -> Subject | None:
    """'The European Commission fines Google €2.4 billion': the object of a verb of fining pays; 'a deal
    that values the video game publisher at US$55 billion': the object of a verb of valuing is valued."""
    fr = scene.fr
    if node.lower_ in fr.payer_object_verbs:
        deps, rule = fr.payer_object_deps, "payer_object"
    elif node.lower_ in fr.valued_object_verbs:
        deps, rule = fr.valued_object_deps, "valued_object"
    else:
        return None
    objects = [c for c in node.children if c.dep_ in deps and (prev is None or c.i != prev.i)]
    for obj in objects:  # "valuing the Pittsburgh steelmaker at $14.9 billion": the steelmaker meant, not Pittsburgh,
        if description_first(scene, obj) and not named_apposition(scene, obj):  # and not the clause's own subject
            found = anaphor(scene, [obj], climbs, _subject_keys(scene, node))  # ("The Tokyo-based company paid ..., valuing")
            if found:
                return found
    cands = [c for o in objects for c in candidates_in(scene, phrase_tokens(o, fr), o) or named_apposition(scene, o)]
    if cands:
        return choose(scene, cands, rule, climbs)
    for obj in objects:  # "which values it at", "values the video game publisher at"
        found = (pronoun(scene, obj, climbs) if obj.lower_ in fr.pronouns else
                 anaphor(scene, [obj], climbs) if description_first(scene, obj) else None)
        if found:
            return found
    return None


def valued_thing(scene: Scene, node: Token, prev: Token | None, climbs: int) -> Subject | None:
    """'Dominic Hare ... placed the value of the artwork in the range of five to six million US dollars': an amount
    a verb sets for its object "the value / price / cost of X" (``valued_nouns`` with ``valued_noun_preps``) is X's,
    not the estimating agent's; so is an amount a verb takes "off / from the value of X" ("DeepSeek's release wipes
    US$590 billion off the market value of Nvidia": Nvidia's loss, ``valued_from_preps``). X a name: that name; "its" /
    "the company": whom they stand for; a common noun naming nobody ("the artwork"): no one's when the verb is one of
    estimating (``estimating_verbs``: the estimator is no owner), else the clause decides ("Acme set the price of the
    shares at $20": who sets a price is most often whose it is)."""
    fr = scene.fr
    if prev is None:
        return None
    if prev.dep_ == "prep":  # "placed the value of X at/in ... $5 million"
        valued = [c for c in node.children if c.dep_ in fr.valued_object_deps and c.i != prev.i]
    elif prev.dep_ in fr.valued_object_deps:  # "wipes US$590 billion off the market value of Nvidia"
        valued = [o for c in node.children if c.dep_ == "prep" and c.lower_ in fr.valued_from_preps for o in c.children if o.dep_ == "pobj"]
    else:
        return None
    things = [o for c in valued if c.lower_ in fr.valued_nouns
              for p in c.children if p.dep_ == "prep" and p.lower_ in fr.valued_noun_preps for o in p.children if o.dep_ == "pobj"]
    if not things:
        return None
    # "the price of its cheapest model, the Seagull": the name in apposition; "the price of its Premium plan in the
    # United States": a place the thing is located in is not the thing
    cands = drop_owners([(e, t) for o in things for e, t in candidates_in(scene, phrase_tokens(o, fr), o) or named_apposition(scene, o)
                         if not (e.label in fr.place_labels and t.i != o.i and _located(t, o))])
    if cands:  # several things that share no one owner ("its drug Wegovy and its treatment Ozempic"): the clause decides
        chosen = choose(scene, cands, "valued_object", climbs)
        return chosen if chosen.name is not None else None
    for obj in things:
        owner = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in fr.possessive_pronouns), None)
        found = (pronoun(scene, owner, climbs) if owner is not None else
                 pronoun(scene, obj, climbs) if obj.lower_ in fr.pronouns else
                 anaphor(scene, [obj], climbs) if description_first(scene, obj) else None)
        if found:
            return found
    if node.lower_ in fr.estimating_verbs:  # an outside estimator's figure for an unnamed thing: no one's
        return Subject(None, None, None, AMBIGUOUS, climbs, source=None)
    return None  # "Acme set the price of the shares at $20": who sets a price is most often whose it is


def recipient(scene: Scene, node: Token, prev: Token | None, subj: Token, climbs: int) -> Subject | None:
    """'International donors pledged $4.2 billion to Pakistan': when the givers are a common noun that names
    nobody, the one name the amount is given to (``recipient_preps`` under a verb of giving, ``recipient_verbs``)
    is whose aid it is; a named giver keeps it by the clause rule ("The World Bank approves a grant to Syria")."""
    fr = scene.fr
    if (node.lower_ not in fr.recipient_verbs or prev is None or prev.dep_ not in fr.recipient_amount_deps
            or subj.tag_ not in fr.common_noun_tags):
        return None
    objects = [o for c in node.children if c.dep_ == "prep" and c.lower_ in fr.recipient_preps for o in c.children if o.dep_ == "pobj"]
    cands = drop_owners([c for o in objects for c in candidates_in(scene, phrase_tokens(o, fr), o)])
    if len(cands) != 1:
        return None
    return subject_of(scene, *cands[0], "recipient", climbs)


def passed_to(scene: Scene, node: Token, prev: Token | None, climbs: int) -> Subject | None:
    """'Third place and the bronze medal went to Abderrahman Samba of Qatar': an amount in the common-noun subject of
    a verb of passing (``passing_verbs``: "went to", "was awarded to") is the one name it went to (the object of
    ``recipient_preps``), not a name of the sentence before."""
    fr = scene.fr
    if (node.lower_ not in fr.passing_verbs or prev is None or prev.dep_ not in fr.subject_deps
            or prev.tag_ not in fr.common_noun_tags or scene.index.at(prev.i) is not None):
        return None
    objects = [o for c in node.children if c.dep_ == "prep" and c.lower_ in fr.recipient_preps for o in c.children if o.dep_ == "pobj"]
    if any(o.conjuncts for o in objects):  # "went to Ohio State and Michigan": shared, no one's alone
        return None
    # the object's own name, not a place that only locates it ("Abderrahman Samba of Qatar")
    cands = [c for o in objects for c in candidates_in(scene, [o], o)]
    if len(cands) != 1:
        return None
    return subject_of(scene, *cands[0], "recipient", climbs)


def _subject_keys(scene: Scene, verb: Token) -> frozenset[str]:
    """What a description subject of ``verb`` (or of the verb it hangs from, for a participle clause) stands
    for: two descriptions in one clause name two parties ("The Tokyo-based company paid $55 a share, valuing
    the Pittsburgh steelmaker at $14.9 billion"), while a description after a name often repeats it
    ("Klarna raises $1.37 billion, valuing the company at $15.1 billion")."""
    for node in (verb, verb.head):
        for c in node.children:
            if c.dep_ in scene.fr.subject_deps:
                found = anaphor(scene, [c], 0) if description_first(scene, c) else None
                return frozenset({found.id or found.name}) if found is not None and found.name else frozenset()
        if node.head.i == node.i:
            break
    return frozenset()


def controller(scene: Scene, node: Token, prev: Token | None, climbs: int) -> Subject | None:
    """'A court in Paris orders Google to pay €250 million': a verb with no subject of its own under a
    verb with an object is that object's doing (object control), not the upper verb's subject's."""
    fr = scene.fr
    if prev is None or prev.dep_ not in fr.controlled_deps or any(c.dep_ in fr.subject_deps for c in prev.children):
        return None
    for obj in (c for c in node.children if c.dep_ in fr.controller_deps and c.i < prev.i):
        cands = drop_owners(candidates_in(scene, phrase_tokens(obj, fr), obj)) or named_apposition(scene, obj)
        if cands:
            return choose(scene, cands, "object_control", climbs)
        if description_first(scene, obj):  # "ordered the company to pay $1.5 billion"
            found = anaphor(scene, [obj], climbs)
            if found:
                return found
    return None



def in_clause(scene: Scene, node: Token, prev: Token | None, climbs: int, before: int) -> tuple[Subject | None, bool]:
    """Subject of a clause: (subject, keep climbing?)."""
    fr = scene.fr
    later = _later_conjunct(node, prev, fr)
    if later is not None:  # the parse hung the amount's phrase across a coordinated clause: that clause's
        return in_clause(scene, later, None, climbs, before)
    paid = (payer_object(scene, node, prev, climbs) or controller(scene, node, prev, climbs) or valued_thing(scene, node, prev, climbs)
            or passed_to(scene, node, prev, climbs))
    if paid is not None:
        return paid, False
    subjects = [c for c in node.children if c.dep_ in fr.subject_deps and (prev is None or c.i != prev.i)]
    if not subjects and node.dep_ == "ROOT":  # "Bitcoin climbs/NNS back above $93,000": a verb read as a noun
        subjects = [c for c in node.lefts if scene.index.at(c.i) is not None and misread_verb(c, fr)]
    obj_cands = with_objects(scene, node, prev)
    if not subjects and not obj_cands:
        return None, True
    subj = subjects[0] if subjects else None
    whose = subj is not None and any(c.dep_ == "poss" and c.lower_ in fr.relative_possessives for c in subj.children)
    if whose and node.dep_ == "relcl":  # "Tesla, whose revenue fell to $44 billion": the clause's antecedent's
        head = node.head
        ent = scene.index.at(head.i) or _untagged_name(scene, head)
        if ent is not None:
            return subject_of(scene, ent, head, "relative_clause", climbs), False
        if description_first(scene, head):  # "The company, whose market value has fallen to kr 1.4 trillion"
            found = anaphor(scene, [head], climbs)
            if found:
                return found, False
    if subj is not None and _generic(scene, subj):  # "The median price of an existing home sold in the United States rose"
        return Subject(None, None, None, AMBIGUOUS, climbs, source=None), False
    if subj is not None and subj.lower_ in fr.relative_pronouns and node.dep_ == "relcl":
        head = node.head
        cands = candidates_in(scene, [head], head) if scene.index.at(head.i) is not None else []
        if cands:
            return choose(scene, cands, "relative_clause", climbs), False
        found = in_noun_phrase(scene, head, None, climbs)
        if found is None and description_first(scene, head):  # "the image-sharing platform, which has about 600 million"
            found = anaphor(scene, [head], climbs)
        untagged = _untagged_name(scene, head) if found is None else None
        if untagged is not None:  # "the value of SpaceX, which was valued at $1.5 trillion": a name the NER missed
            found = subject_of(scene, untagged, head, "relative_clause", climbs)
        if found is None:  # "The G7, a group of the world's richest democracies that together pledged $600 billion"
            found = _group_antecedent(scene, head)
        return found, False
    if subj is not None and subj.lower_ in fr.pronouns:
        found = pronoun(scene, subj, climbs)
        if found:
            return found, False
    if subj is not None and subj.lower_ in fr.first_person:
        # '"We expect to collect ...," Mbadi told reporters': "we" is the speaker's organisation, never
        # the clause that quotes them; unnamed there, the fallbacks may lend one (no person)
        return first_person(scene, subj, climbs), False
    if subj is not None and description_first(scene, subj):
        found = anaphor(scene, [subj], climbs)
        if found:
            return found, False
    owner = next((c for c in subj.children if c.dep_ == "poss" and c.lower_ in fr.possessive_pronouns), None) if (
        subj is not None and (fr.is_metric_noun(subj.lower_) or subj.lower_ in fr.money_words)) else None
    if owner is not None:  # "its annualised revenue has reached $10 billion": whom "its" stands for (not "its rival")
        found = pronoun(scene, owner, climbs)
        if found:
            return found, False
    cands = candidates_in(scene, phrase_tokens(subj, fr), subj) if subj is not None else []
    cands = [(e, t) for e, t in cands if not _place_modifier(scene, e, t) and not _taxed_thing(scene, t, subj)]
    for ent, tok in cands:  # "Revenue at Europe's largest bank by assets rose": the bank meant, not Europe
        described = _described(scene, ent, _entity_head(ent, tok))
        if described is not None:
            found = anaphor(scene, [described], climbs)
            if found:
                return found, False
    if not cands and not obj_cands and subj is not None and fr.is_metric_noun(subj.lower_):
        written = _written_possessor(scene, subj)  # "Navigation Mixte's 1989 unconsolidated, or parent-company, profit"
        if written is not None:
            return subject_of(scene, *written, "possessive", climbs), False
    if subj is not None and (not cands or all(_entity_head(e, t).dep_ == "poss" for e, t in cands)):
        # "Norway's sovereign wealth fund, the Government Pension Fund Global, reported": the apposition
        # names the fund; its possessor only owns it
        cands = named_apposition(scene, subj) or cands
    if cands and node.lower_ in fr.speech_verbs and prev is not None:  # a person who says a number is its source
        speaker = scene.index.at(subj.i)
        if speaker is not None and speaker.label == "PERSON":  # ... and so is where they work ("Steve Milunovich at First Boston said")
            cands = []
        cands = [(e, t) for e, t in cands if e.label != "PERSON"]
        if not cands and not obj_cands:
            return None, True
    if cands or obj_cands:
        chosen = choose(scene, cands + obj_cands, "clause_subject", climbs)
        if chosen.rule == "clause_subject" and subj is not None and _nested_in_subject(cands, chosen, subj):
            chosen = Subject(chosen.name, chosen.id, chosen.text, NESTED_RULE, climbs, chosen.gazetteer, chosen.source)
        if obj_cands and chosen.name and any(chosen.id == e.id for e, _ in obj_cands):
            chosen = Subject(chosen.name, chosen.id, chosen.text, "with_object", climbs, chosen.gazetteer, chosen.source)
        return chosen, False
    if subj is None:
        return None, True
    found = (anaphor(scene, list(subj.subtree), climbs) or inherited_variant(scene, subj, climbs, before)
             or recipient(scene, node, prev, subj, climbs))
    if found:
        return found, False
    # A metric noun as subject ("capital expenditures will expand to ...") lets the search go on; so does
    # a complement clause, whose number is reported by the clause above ("the ministry reports that
    # exports reached ₩21 trillion").
    return None, fr.is_metric_noun(subj.lower_) or node.dep_ in fr.complement_deps


def _later_conjunct(node: Token, prev: Token | None, fr: FactRules) -> Token | None:
    """'the Dow Jones Industrial Average rises more than 1,100 points and Brent crude climbs 4% to US$66.60 a barrel':
    a preposition of the amount hung from a verb across a clause coordinated with it, which has its own subject
    and lies wholly between the verb and the preposition, belongs to that nearer clause (the small parser attaches
    "to US$66.60" to "rises"). The last such conjunct is taken."""
    if prev is None or prev.dep_ != "prep" or prev.i < node.i:
        return None
    for conj in sorted((c for c in node.children if c.dep_ == "conj" and node.i < c.i < prev.i), key=lambda c: -c.i):
        if any(c.dep_ in fr.subject_deps and node.i < c.i < conj.i for c in conj.children):
            return conj
    return None


def _written_possessor(scene: Scene, noun: Token) -> tuple[Entity, Token] | None:
    """'Navigation Mixte's 1989 unconsolidated, or parent-company, profit is likely to be 4.7 billion francs': the
    parser hung the possessive on a word inside the long modifier run, so the metric noun has no owner in its
    phrase; the text still writes "<name>'s" right before it with nothing but modifiers between (tags in
    ``possessor_gap_tags``, at most ``possessor_gap_max`` of them): that name owns it."""
    fr = scene.fr
    i = noun.i - 1
    for _ in range(fr.possessor_gap_max + 1):
        if i < 1 or scene.sentence(i).start != scene.sentence(noun.i).start:
            return None
        tok = scene.doc[i]
        if tok.tag_ == "POS":
            ent = scene.index.at(i - 1)
            if ent is None:
                return None
            return ent, scene.doc[i - 1]
        if tok.tag_ not in fr.possessor_gap_tags:
            return None
        i -= 1
    return None


def _clause_subject(span: Span, fr: FactRules) -> Token | None:
    """The subject of the nearest clause above the amount (within ``max_depth`` heads), or None."""
    for node in islice(chain((span.root,), span.root.ancestors), fr.max_depth):
        subjects = [c for c in node.children if c.dep_ in fr.subject_deps]
        if subjects:
            return subjects[0]
    return None


def of_another_party(scene: Scene, span: Span) -> bool:
    """Is the amount's clause subject a noun of another party than the story's own ("its creator", "Its main rival":
    ``discourse.other_party``)? Then no fallback (a topic, the sentence's only name) gives it a subject (round 21)."""
    return other_party(scene, _clause_subject(span, scene.fr))


def generic_actor(scene: Scene, span: Span) -> bool:
    """Is the amount's clause subject a class of people or things its own restrictive relative clause defines ("A buyer
    who puts down 20% on a median-priced home now faces a monthly mortgage payment of about $2,200", "Developers who
    build games on Roblox earned $1.1 billion"): a common noun, no metric word, no name in its phrase, no definite
    determiner, its relative clause not set off by a comma? Then the amount is that class's, not the entity the
    story's last sentences were about, and no fallback lends it a subject (twelfth session, facts22). A non-restrictive
    clause ("unsecured creditors, who are owed about $430 million, would receive about $92 million") describes the
    topic's own creditors and keeps the topic; so does a metric noun ("Net income was $5.8 million")."""
    fr = scene.fr
    subj = _clause_subject(span, fr)
    if subj is None or subj.tag_ not in fr.common_noun_tags or fr.is_metric_noun(subj.lower_) or fr.is_metric_noun(subj.lemma_.lower()):
        return False
    defining = [c for c in subj.children if c.dep_ in fr.defining_clause_deps and c.i > subj.i
                and not any(t.is_punct for t in subj.doc[subj.i + 1 : c.left_edge.i])]
    if not defining or any(c.dep_ == "det" and c.lower_ not in fr.indefinite_determiners for c in subj.children):
        return False
    if any(span.start <= t.i < span.end for t in subj.subtree) or any(t.lower_ in fr.possessive_pronouns for t in subj.subtree):
        return False  # "A $100 million offering that ...": the issuer's; "its customers who ...": the topic's
    return scene.index.at(subj.i) is None and not candidates_in(scene, [t for t in phrase_tokens(subj, fr) if t.i < defining[0].left_edge.i], subj)


def common_owner(scene: Scene, span: Span) -> Subject | None:
    """'Average hourly earnings of production and nonsupervisory employees rose 4 cents, to $12.51', 'the cost of the
    accurate test strip kit was 75 cents': the amount's clause subject is a metric noun (``is_metric_noun``) whose
    owner a preposition of ``common_owner_preps`` writes as a common noun phrase, with no name, no "its"/"our", no
    description of a named entity ("the company") and no metric word of its own: the amount is that class's or thing's,
    as a reader names it (the phrase without its determiner, at most ``common_owner_max_words`` words), not the entity
    the story's last sentences were about (thirteenth session, facts23). "Net income of the unit" (a description) and
    "the price of Nvidia's shares" (a name) are left to the rules that resolve them."""
    fr = scene.fr
    subj = _clause_subject(span, fr)
    if subj is None or subj.tag_ not in fr.common_noun_tags or not (fr.is_metric_noun(subj.lower_) or fr.is_metric_noun(subj.lemma_.lower())):
        return None
    if any(span.start <= t.i < span.end for t in subj.subtree):
        return None
    objects = [o for c in subj.children if c.dep_ == "prep" and c.lower_ in fr.common_owner_preps and c.i > subj.i
               for o in c.children if o.dep_ == "pobj"]
    if len(objects) != 1:
        return None
    obj = objects[0]
    last = obj  # "production and nonsupervisory employees": the coordination's last conjunct heads the phrase, also
    for node in (obj, subj):  # when the parser hung it from the metric noun ("earnings of production and ... employees")
        while (nxt := next((c for c in node.children if c.dep_ == "conj" and c.i > last.i and not fr.is_metric_noun(c.lower_)), None)) is not None:
            node = last = nxt
    heads = (obj, last)
    if any(h.tag_ not in fr.common_noun_tags or fr.is_metric_noun(h.lower_) or fr.is_metric_noun(h.lemma_.lower())
           or h.lower_ in fr.stock_nouns or h.lower_ in fr.common_owner_part_nouns for h in heads):
        return None  # "the price of the shares", "sales of the division": the topic's own stock or part
    words = list(scene.doc[obj.left_edge.i : last.i + 1])  # the phrase up to its head: "the accurate test strip kit"
    if any(t.lower_ in fr.possessive_pronouns or t.lower_ in fr.first_person or t.lower_ in fr.pronouns
           or scene.index.at(t.i) is not None or t.ent_type_ in fr.ner_labels or t.tag_ in fr.proper_noun_tags
           or t.tag_ in fr.number_tags for t in words):  # a name in it ("the Indonesian stock market"): not this rule's
        return None
    if description_first(scene, obj):
        return None
    while words and words[0].dep_ in fr.common_owner_dropped_deps:
        words = words[1:]
    if not words or len(words) > fr.common_owner_max_words:
        return None
    name = scene.text[words[0].idx : words[-1].idx + len(words[-1].text)]
    return Subject(name, f"thing:{slug(name)}", name, COMMON_OWNER, 0, gazetteer=False, source="clause")


def said_by_us(span: Span, fr: FactRules) -> bool:
    """Is the amount in a clause whose subject is "we" / "our ..." ('"We expect to collect 2.6 trillion
    shillings in taxes," Mbadi told reporters')? Its owner is an organisation, never the person quoted."""
    subj = _clause_subject(span, fr)  # "we", "our revenue", "the annual volume of our exports"
    return subj is not None and (subj.lower_ in fr.first_person or any(t.dep_ == "poss" and t.lower_ in fr.first_person for t in subj.subtree))


def group_named(scene: Scene, span: Span) -> Subject | None:
    """'Premier League clubs together spent about £370 million': a total said of a plural common noun that
    exactly one name classifies (its compound or possessor) is that name's, the group of its members."""
    fr = scene.fr
    subj = _clause_subject(span, fr)
    if subj is not None and subj.lower_ in fr.relative_pronouns and subj.head.dep_ == "relcl":
        return _group_antecedent(scene, subj.head.head)  # "..., a group of domestic models that have collectively generated"
    if subj is None or subj.tag_ not in fr.plural_noun_tags:
        return None
    cands = drop_owners(candidates_in(scene, [t for c in subj.children if c.dep_ in ("compound", "poss") for t in c.subtree], subj))
    if len(cands) != 1:
        return None
    ent, tok = cands[0]
    return subject_of(scene, ent, tok, "possessive", 0)


def _group_antecedent(scene: Scene, noun: Token) -> Subject | None:
    """The one name a relative clause's antecedent gives a group: the antecedent itself ("OPEC+, which together
    pumps ..."), or the name it stands in apposition to, through "a group of X" ("the 'Six Small Tigers,' a group
    of domestic models that have collectively generated ¥20 billion"). None when no single name is there."""
    fr = scene.fr
    node = noun
    for _ in range(fr.max_depth):
        ent = scene.index.at(node.i)
        if ent is not None:
            return subject_of(scene, ent, node, "relative_clause", 0)
        if node.dep_ == "appos":
            cands = drop_owners(candidates_in(scene, [node.head], node.head))
            return subject_of(scene, *cands[0], "appos", 0) if len(cands) == 1 else None
        if node.dep_ == "pobj" and node.head.lower_ in fr.naming_preps and node.head.head.tag_ in fr.common_noun_tags:
            node = node.head.head  # "models" of "a group of domestic models": the group
            continue
        return None
    return None


def by_surface(scene: Scene, span: Span) -> Subject | None:
    """Written patterns the parser gets wrong: 'with ChatGPT trailing at 41.6%'."""
    sent = scene.sentence(span.start)
    last = scene.index.last_before(span.start_char, sent.start_char)
    for ent in (last,) if last is not None else ():
        gap = scene.text[ent.end : span.start_char]
        tok = scene.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if ent.label in scene.fr.place_labels and tok is not None and _in_prep_phrase(tok.root, scene.fr):
            continue  # "raises the price of its Premium plan in the United States to US$12.99": a place, located
        if scene.fr.listing_item_gap.fullmatch(gap):  # "Hertz Corp. -- $100 million of senior notes": a listing's item
            item = listing_name(scene, ent)
            return Subject(item.name, item.id, scene.text[item.start : item.end], "surface", 0, gazetteer=item.listed)
        if any(pattern.fullmatch(gap) for _, pattern in scene.fr.surface):
            return Subject(ent.name, ent.id, scene.text[ent.start : ent.end], "surface", 0, gazetteer=ent.listed)
    return None


def _conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the names coordinated with it ("Brent Crude and West Texas Intermediate"), in order."""
    out, todo = [], [tok]
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in node.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def respectively(scene: Scene, span: Span) -> Subject | None:
    """'Oil prices, including Brent Crude and West Texas Intermediate, rise to over US$95 and $86 per
    barrel, respectively': as many coordinated names as amounts before the word, paired in order."""
    sent = scene.sentence(span.start)
    key = ("respectively", sent.start)
    if key not in scene.memo:  # once per sentence: a run-on sentence with many amounts stays linear
        scene.memo[key] = _respective_pairs(scene, sent)
    ent = scene.memo[key].get((span.start_char, span.end_char))
    if ent is None:
        return None
    return Subject(ent.name, ent.id, scene.text[ent.start : ent.end], "respectively", 0, gazetteer=ent.listed)


def _respective_pairs(scene: Scene, sent: Span) -> dict[tuple[int, int], Entity]:
    """Amount span -> name, for the amounts before the sentence's "respectively" and the first coordination
    of as many distinct names before the first of them."""
    marker = next((t for t in sent if t.lower_ in scene.fr.respective_words), None)
    if marker is None:
        return {}
    amounts = [a for a in scene.amounts if sent.start_char <= a[0] and a[1] <= marker.idx]
    if len(amounts) < 2:
        return {}
    for tok in sent:
        if tok.idx >= amounts[0][0]:
            break
        if tok.dep_ == "conj" or not any(c.dep_ == "conj" for c in tok.children):
            continue
        ents = [scene.index.at(t.i) or _untagged_name(scene, t) for t in _conjuncts(tok)]
        if len(ents) == len(amounts) and all(e is not None for e in ents) and len({e.key for e in ents}) == len(ents):  # type: ignore[union-attr]
            return dict(zip(amounts, ents))  # type: ignore[arg-type]
    return {}


def _untagged_name(scene: Scene, tok: Token) -> Entity | None:
    """A proper noun the NER left untagged, as a name ("West Texas Intermediate"): its compound words."""
    if tok.tag_ not in scene.fr.proper_noun_tags:
        return None
    words = sorted([t for t in tok.subtree if t.i <= tok.i and (t.i == tok.i or (t.dep_ == "compound" and t.tag_ in scene.fr.proper_noun_tags))], key=lambda t: t.i)
    if words[-1].i - words[0].i + 1 != len(words):
        words = [tok]
    start, end = words[0].idx, tok.idx + len(tok)
    name = scene.text[start:end]
    return Entity(start, end, f"propn:{slug(name)}", name, None, None, "PROPN", False)


def market_size(scene: Scene, span: Span) -> Subject | None:
    """'the $6 billion ready-to-eat cereal market', 'the $950 billion mutual fund industry': an amount that
    sizes a market (``market_nouns``) it modifies is that market's, whoever the sentence is about. The
    subject is the market as written after the amount (no name: its id is a slug of that phrase)."""
    root = span.root
    head = root.head
    if root.dep_ not in scene.fr.market_size_deps or head.lower_ not in scene.fr.market_nouns or head.i < span.end:
        return None
    words = span.doc[span.end : head.i + 1]
    if any(t.head.i < span.end and t.i != head.i for t in words) or any(scene.index.at(t.i) is not None for t in words):
        return None  # not one phrase, or a name in it ("the $5 billion Chinese EV market" names a place: kept simple)
    name = words.text
    return Subject(name, f"thing:{slug(name)}", name, "market_size", 0, gazetteer=False, source="clause")


def _own_unnamed_subject(scene: Scene, node: Token) -> bool:
    """Does the clause headed by ``node`` have a subject of its own that stands for someone: a definite description
    ("the province") or a proper noun the NER did not tag? Called where that subject named no candidate. A common
    noun ("exports", "consumer prices") is no one: the clause above may still say whose it is."""
    fr = scene.fr
    return any(c.dep_ in fr.subject_deps and (c.tag_ in fr.proper_noun_tags or description_first(scene, c)) for c in node.children)


def _unnamed_possessor(scene: Scene, verb: Token) -> bool:
    """Does the verb of change the number hangs from change something a common noun owns ("aimed at doubling the two
    nations' trade turnover")? Then what changed is that noun's, and it names no one: not the subject of a clause
    further up ("A major goal of Kuchma's state visit was ...")."""
    fr = scene.fr
    return any(o.dep_ in fr.changed_object_deps and any(
        p.dep_ == "poss" and p.tag_ in fr.common_noun_tags and scene.index.at(p.i) is None and not description_first(scene, p)
        for p in o.children) for o in verb.children)


def in_sentence(scene: Scene, span: Span, own_clause: bool = False) -> Subject:
    """The subject the number's own sentence gives it, by the parse rules above. ``own_clause``: the number is of a
    metric said of its own clause's subject (``own_clause_metrics``: a rank, a growth, a share), so a complement clause
    whose subject stands for someone it cannot name does not hand the search to the clause above, whose subject only
    says or announces it ("Doug Ford announces that the province will charge 25% more"), nor does a verb changing
    what a common noun owns ("doubling the two nations' trade turnover"): the row keeps no subject (rule
    ``unnamed_owner``), and no topic is lent."""
    found = by_surface(scene, span) or market_size(scene, span)
    if found:
        return found
    root = span.root
    prev: Token | None = None
    climbs = 0
    for k, node in enumerate(islice(chain((root,), root.ancestors), scene.fr.max_depth)):
        if 0 < k <= 2 and prev is not None and prev.dep_ in scene.fr.sibling_deps and scene.index.at(node.i) is not None:
            # "the company's investment in Conner Peripherals Inc. and a $7.6 million gain": the amount's own phrase (the
            # number, or the noun it counts) is a conjunct the parser hung from a name, coordinated with it, not owned by
            # it: the name is passed over. A conjunct further up ("Kimi, Doubao, and several other domestic models
            # collectively engaged in ... at a cost of ¥1.5 billion") is the coordination the amount is said of.
            prev = node
            continue
        if k > 0 and scene.index.at(node.i) is not None and not (span.start <= node.i < span.end):
            cands = candidates_in(scene, [node], node)
            if cands:
                return choose(scene, cands, "head_entity", climbs)
        kind = word_class(node, scene.fr.word_classes)
        if kind is None or k == 0:
            found = in_noun_phrase(scene, node, prev, climbs, amount=k == 0) or (own_relative_clause(scene, node) if k == 0 else None)
            if found:
                return found
        # a word with a subject of its own heads a clause whatever its tag ("while gold climbs/NNS to ...")
        if kind == "verb" or node.dep_ == "ROOT" or any(c.dep_ in scene.fr.subject_deps for c in node.children):
            found, go_on = in_clause(scene, node, prev, climbs, span.start)
            if found:
                return found
            if not go_on:
                break
            if own_clause and ((node.dep_ in scene.fr.complement_deps and _own_unnamed_subject(scene, node))
                               or (climbs == 0 and _unnamed_possessor(scene, node))):
                return Subject(None, None, None, UNNAMED_OWNER, climbs, source=None)
            climbs += 1
        prev = node
    return Subject(None, None, None, NO_SUBJECT, climbs, source=None)


def own_relative_clause(scene: Scene, amount: Token) -> Subject | None:
    """'ahead of the US$1.4 billion that Google agreed to pay the state of Texas': a relative clause on the amount itself
    says whose it is by its own subject (a name, or a pronoun resolved as a clause subject's), whatever the clause the
    amount stands in is about ("It is the largest privacy settlement ...": Meta's). Round 21."""
    fr = scene.fr
    for clause in (c for c in amount.children if c.dep_ == "relcl"):
        subjects = [c for c in clause.children if c.dep_ in fr.subject_deps and c.lower_ not in fr.relative_pronouns]
        if not subjects:
            continue
        subj = subjects[0]
        if subj.lower_ in fr.pronouns:
            return pronoun(scene, subj, 0)
        cands = drop_owners(candidates_in(scene, phrase_tokens(subj, fr), subj))
        if len(cands) == 1 and not (cands[0][0].label == "PERSON" and clause.lower_ in fr.speech_verbs):
            return choose(scene, cands, "clause_subject", 0)
    return None


def ranked_in_place(scene: Scene, node: Token, owner: Token) -> bool:
    """'Pony Ma remains the country's second-richest person, with a fortune estimated at US$70 billion', "India's
    richest man, Mukesh Ambani": a place's possessive (a place name, or a description of a place: "the country") before
    a superlative (tag JJS) ranks the noun within the place; the place owns nothing of it. Not a metric noun: "Kenya's
    largest budget" is Kenya's. Round 21."""
    fr = scene.fr
    if fr.is_metric_noun(node.lower_):  # "Kenya's largest budget of 3.6 trillion shillings": Kenya's own
        return False
    if not any(t.tag_ == "JJS" for c in node.children if c.dep_ in fr.modifier_deps for t in c.subtree):
        return False
    ent = scene.index.at(owner.i)
    if ent is not None:
        return ent.label in fr.place_labels
    return bool(fr.descriptions.get(owner.lower_, frozenset()) & fr.place_labels)


def _nested_in_subject(cands: Cands, chosen: Subject, subj: Token) -> bool:
    """Is the chosen name carried only by the object of a preposition inside the clause subject ("A major goal of
    Kuchma's four-day state visit was ...", "The average price of a new home in Canada's Greater Toronto Area falls
    ...")? Such a name is more often a detail of what the subject is about than its owner: on the tuning sets 26 of 30
    such rows are right against 448 of 454 for the other clause subjects, so the row takes its own rule and confidence
    (round 21)."""
    tok = next((t for e, t in cands if e.id == chosen.id and e.name == chosen.name), None)
    node = tok
    while node is not None and node.i != subj.i and node.head.i != node.i:
        if node.dep_ == "pobj":
            return True
        node = node.head
    return False
