"""Discourse: paragraphs, and what "the company" or a sentence-initial "It" refers to.

Why separate: these rules look beyond the number's clause (earlier sentences, the paragraph), so they
are where a subject can be taken from the wrong place; keeping them apart keeps that reach visible.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from pipeline.facts.candidates import candidates_in, drop_owners, named_apposition, phrase_tokens
from pipeline.facts.identity import label_of_id, slug
from pipeline.facts.records import KIND_ANAPHOR, Subject
from pipeline.nlp import word_class

if TYPE_CHECKING:
    from collections.abc import Callable

    from pipeline.facts.candidates import Scene
    from pipeline.facts.config import FactRules
    from pipeline.facts.records import Entity

    #: which entities a fallback may lend (not a person for a company's kind of number)
    Eligible = Callable[[Entity], bool]


#: the words of an entity's name, for its head word (``kinds``): compiled once, not per article
NAME_WORD_RE = re.compile(r"[\w'’.&-]+")


def _any(ent: "Entity") -> bool:
    """Every entity may be lent (the fallbacks' default)."""
    return True


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Line spans of the clean text: scraped articles keep one paragraph per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line) + 1))
        pos += len(line) + 1
    return spans


def containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The span holding ``pos`` ((0, 0) when none does)."""
    for s, e in spans:
        if s <= pos < e or (s == e == pos):
            return s, e
    return 0, 0


def compatible(ent: "Entity", noun: str, fr: "FactRules") -> bool:
    """Can ``noun`` ("company", "retailer", "government") stand for ``ent``? Never a business description
    for a public body ("the airline" is not "the Federal Court of Australia")."""
    words = ent.name.lower().split()
    if noun not in fr.public_body_descriptions and any(w in fr.public_body_words for w in words):
        return False
    kinds = [fr.name_kinds[w] for w in words if w in fr.name_kinds]
    generic = noun in fr.generic_descriptions and not any(w in fr.strict_name_kinds for w in words)
    if kinds and not generic and not any(noun in k for k in kinds):
        return False  # "the design software maker" is not "the New York Stock Exchange"; nor is "the company"
    if ent.listed and ent.type in fr.anaphor_entity_types and noun in fr.anaphor_nouns:
        return True
    return ent.label is not None and ent.label in fr.descriptions.get(noun, ())


def fits(scene: "Scene", ent: "Entity", noun: str) -> bool:
    """Can ``noun`` stand for ``ent``: by its label and kind (``compatible``), or because the article itself names the
    entity with that noun (``kinds``: "St Mary's Hospital" ... "the hospital"; "the fund, the Government Pension Fund
    Global", whose "Government" would make it a public body)?"""
    heads, apposed = kinds(scene)
    if compatible(ent, noun, scene.fr) or noun in apposed.get(ent.key, ()):
        return True
    # a noun `descriptions` lists keeps its labels against a head word: "the state" is not "Islamic State"
    return noun not in scene.fr.descriptions and noun in heads.get(ent.key, ())


def kinds(scene: "Scene") -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Entity key -> the common nouns the article names it by, as two maps: its name's head word (the last word, a
    legal suffix dropped, before any of ``name_head_breaks``: "Bank of England" -> bank), and a common noun in
    apposition with it either way round ("Coupang, the country's largest online retailer"; "Norway's sovereign wealth
    fund, the Government Pension Fund Global"). Read once per article: the model's parse and the names, no lexicon."""
    if "kinds" not in scene.memo:
        fr = scene.fr
        heads: dict[str, set[str]] = {}
        apposed: dict[str, set[str]] = {}
        for ent in scene.index.ents:
            own = heads.setdefault(ent.key, set())
            words = NAME_WORD_RE.findall(ent.name.lower())
            while len(words) > 1 and words[-1] in fr.corporate_suffixes:
                words.pop()
            cut = next((i for i, w in enumerate(words) if i > 0 and w in fr.name_head_breaks), len(words))
            if cut > 1 or len(words) == 1:
                own.add(words[cut - 1])
            span = scene.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            nouns = [c for c in root.children if c.dep_ in fr.kind_apposition_deps]
            if root.dep_ in fr.kind_apposition_deps:
                nouns.append(root.head)
            apposed.setdefault(ent.key, set()).update(
                n.lower_ for n in nouns if n.tag_ in fr.common_noun_tags and scene.index.at(n.i) is None
                # a description ("a toymaker", "the country's largest online retailer"), not a count in a list ("Alliance
                # Party of Northern Ireland - 1 seat")
                and any(c.dep_ in fr.kind_apposition_marks for c in n.children) and not any(c.tag_ in fr.number_tags for c in n.children))
        scene.memo["kinds"] = ({k: frozenset(v) for k, v in heads.items()}, {k: frozenset(v) for k, v in apposed.items()})
        scene.memo["kind_words"] = frozenset(w for m in (heads, apposed) for v in m.values() for w in v)
    return scene.memo["kinds"]


def kind_word(scene: "Scene", tok: Token) -> bool:
    """Is ``tok`` a singular common noun, no metric or money word, that the article names some entity by (``kinds``)?
    Then "the <noun>" is a description of it even when ``descriptions`` does not list the noun ("the hospital")."""
    fr = scene.fr
    noun = tok.lower_
    if tok.tag_ not in fr.kind_noun_tags or fr.is_metric_noun(noun) or noun in fr.money_words:
        return False
    kinds(scene)
    return noun in scene.memo["kind_words"]


def description_first(scene: Scene, subj: Token) -> bool:
    """'The Wilmington, Del., company reported ...': a definite description heads the subject, and the
    names inside it only locate or qualify it; it stands for an entity named before. Not when a name
    inside is of the kind the description stands for: "The U.S. government" is the United States."""
    fr = scene.fr
    noun = subj.lower_
    if not (noun in fr.descriptions or noun in fr.anaphor_nouns or kind_word(scene, subj)) or scene.index.at(subj.i) is not None:
        return False
    if not any(_definite(scene, c) for c in subj.children):
        return False
    if any(c.dep_ == "appos" and candidates_in(scene, phrase_tokens(c, fr), c) for c in subj.children):
        return False  # "Poland's central bank, Narodowy Bank Polski, said": named right there
    # a possessor is an owner, not the description's own name ("Europe's largest bank"; "the U.S. government" is);
    # a name written "X, <place>," right before the description is where it is, whatever the NER calls it
    # ("the Blue Bell, Pa., concern": Blue Bell read as an ORG)
    return not any(fits(scene, ent, noun) for ent, tok in candidates_in(scene, phrase_tokens(subj, fr), subj)
                   if tok.dep_ != "poss" and not _placed_by_state(scene, ent, subj))


def _placed_by_state(scene: Scene, ent: "Entity", noun: Token) -> bool:
    """Is the text between ``ent`` and the description ``noun`` a place between commas and nothing else (", Pa., "
    of "the Blue Bell, Pa., concern")? The name before it is then a town the description is located in."""
    gap = scene.text[ent.end : noun.idx]
    if not (gap.startswith(",") and gap.rstrip().endswith(",")):
        return False
    span = scene.doc.char_span(ent.end, noun.idx, alignment_mode="contract")
    words = [t for t in span or () if not t.is_punct and not t.is_space]
    return bool(words) and all((e := scene.index.at(t.i)) is not None and e.label in scene.fr.place_labels
                               or t.ent_type_ in scene.fr.place_labels for t in words)


def _definite(scene: Scene, child: Token) -> bool:
    """Does ``child`` make its head noun a definite description: "the", "this", a place's or a
    description's possessive ("the country's largest online retailer": one of a kind in a place, which
    the article has named), or any possessive before a superlative ("Europe's largest bank by assets")?"""
    fr = scene.fr
    if child.dep_ == "det":
        return child.lower_ in fr.anaphor_determiners
    if child.dep_ != "poss":
        return False
    if any(c.tag_ == "JJS" for c in child.head.children):  # "the world's largest carmaker", "Europe's biggest bank"
        return True
    ent = scene.index.at(child.i)
    if ent is not None:
        return ent.label in fr.place_labels
    return child.lower_ in fr.descriptions and any(c.dep_ == "det" and c.lower_ in fr.anaphor_determiners for c in child.children)


def _named_subject(scene: "Scene", sent: "Span") -> "Entity | None":
    """The one entity named in the main clause subject of ``sent`` (no description resolved: what the
    sentence itself says it is about)."""
    key = ("named_subject", sent.start)
    if key not in scene.memo:
        subjects = [c for c in sent.root.children if c.dep_ in scene.fr.subject_deps]
        found = _single(scene, phrase_tokens(subjects[0], scene.fr)) if subjects else None
        if subjects and (found is None or found[1].dep_ == "poss"):  # "India's largest airline IndiGo": the apposition names it
            named = _single(scene, [t for a in subjects[0].children if a.dep_ == "appos" for t in phrase_tokens(a, scene.fr)])
            found = named or found
        if found is not None and found[1].dep_ == "poss" and description_first(scene, found[1].head):
            found = None  # "Revenue at Europe's largest bank rose": about the bank, not Europe
        scene.memo[key] = found[0] if found is not None else None
    return scene.memo[key]


def _clause_subject_before(scene: "Scene", here: "Span", tok: Token, noun: str) -> "Entity | None":
    """The latest entity before ``tok`` in its sentence that is the subject of a clause there and that
    ``noun`` can stand for: a subject is what a clause is about, an object or a by-agent only passes through."""
    found = None
    for t in here:
        if t.i >= tok.i:
            break
        # a coordination ("Saudi Arabia and Qatar announce") is no antecedent of a singular description
        if t.dep_ in scene.fr.subject_deps and not any(c.dep_ == "conj" for c in t.children):
            ent = scene.index.at(t.i)
            if ent is not None and fits(scene, ent, noun):
                found = ent
    return found


def _subject_before(scene: "Scene", here: "Span", noun: str, p_start: int) -> "Entity | None":
    """The named subject of the nearest sentence before ``here`` that ``noun`` can stand for: back to the
    start of its paragraph, then at most ``topic_lookback`` sentences further (a paragraph that opens with
    a quote or a judge's words still speaks of the company the one before was about)."""
    k, further = here.start, 0
    while k > 0:
        sent = scene.sentence(k - 1)
        if sent.start_char < p_start:
            further += 1
            if further > scene.fr.topic_lookback:
                return None
        previous = _named_subject(scene, sent)
        if previous is not None and fits(scene, previous, noun):
            return previous
        k = sent.start
    return None


def anaphor(scene: "Scene", tokens: list[Token], climbs: int, exclude: frozenset[str] = frozenset()) -> "Subject | None":
    """'The company's valuation', 'the retailer said': the entity its own sentence is about when that
    one is compatible and named before it ("The Evergrande Group announces it will be delisted from the
    Hong Kong Stock Exchange ..., with the company owing more than US$300 billion": Evergrande, not the
    exchange named last); else the latest compatible entity named before it in the same paragraph, else
    earlier in the article (``source`` says which)."""
    fr = scene.fr
    for tok in tokens:
        noun = tok.lower_
        if (noun not in fr.anaphor_nouns and noun not in fr.descriptions and not kind_word(scene, tok)) or scene.index.at(tok.i) is not None:
            continue
        if not any(_definite(scene, c) for c in tok.children):
            continue
        p_start = containing(scene.paragraphs, tok.idx)[0]
        opens = tok.left_edge.idx  # not a name inside the description itself ("Europe's largest bank")
        before = [e for e in scene.index.ents if e.end <= opens and fits(scene, e, noun) and e.key not in exclude]
        if not before:
            continue
        ent = before[-1]
        here = scene.sentence(tok.i)
        topic = _named_subject(scene, here)
        acting = _clause_subject_before(scene, here, tok, noun)
        topic = None if topic is not None and topic.key in exclude else topic
        acting = None if acting is not None and acting.key in exclude else acting
        if topic is not None and topic.end <= opens and fits(scene, topic, noun) and topic.start >= here.start_char:
            ent = topic
        elif acting is not None:  # "Pinterest agrees to be acquired by Amazon ...; the image-sharing platform, which has"
            ent = acting
        elif here.start > 0 and not any(e.start >= here.start_char for e in before):
            # no compatible name earlier in its own sentence: the nearest earlier sentence of the paragraph
            # whose named subject is compatible ("Coda Energy Inc. said it arranged a credit facility with
            # NCNB Texas National Bank ... The Dallas oil and gas concern said"; "Qantas was fined ... Judge
            # Lee said part should be paid to the Transport Workers Union ... The airline had agreed"): a
            # subject is what a paragraph is about, an object only passes through; else the latest compatible name
            previous = _subject_before(scene, here, noun, p_start)
            if previous is not None and previous.key not in exclude:
                ent = previous
            else:  # "India's budget ... after the country's brief conflict with Pakistan. The government also set
                # aside ...": a name a preposition only brings in is a weaker antecedent than one that acts or owns
                acting_names = [e for e in before if not _only_in_prep_phrase(scene, e)]
                ent = acting_names[-1] if acting_names else ent
        source = "paragraph" if ent.start >= p_start else "article"
        rule = "anaphor" if compatible(ent, noun, fr) else KIND_ANAPHOR  # named so by the article alone: its own confidence
        return Subject(ent.name, ent.id, scene.text[tok.idx : tok.idx + len(tok)], rule, climbs, gazetteer=ent.listed, source=source)
    return None


def _only_in_prep_phrase(scene: "Scene", ent: "Entity") -> bool:
    """Is the name the object of a preposition ("a conflict with Pakistan", "in May"), or a modifier of one (round 21:
    "during the COVID-19 pandemic" is no antecedent of "The airline" two sentences on)?"""
    span = scene.doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    node = span.root
    for _ in range(scene.fr.max_depth):
        if node.dep_ not in scene.fr.modifier_deps or node.head.i == node.i or scene.index.at(node.head.i) is not None:
            break
        node = node.head
    return node.dep_ == "pobj"


def pronoun(scene: "Scene", subj: Token, climbs: int) -> "Subject | None":
    """A pronoun subject ("Uganda announces that it will borrow", "It has ranked among the top 10"):
    the entity subject of an enclosing clause before it in the same sentence, else the one name before
    it in its sentence, else, for the main clause's pronoun with no name before it, the previous
    sentence's subject entity (same paragraph) when it has exactly one."""
    came = subj
    for anc in subj.ancestors:
        # "OpenAI says ChatGPT has ... and that its revenue reached": a clause with its own "that" coordinated
        # with another is a second complement of the verb above, not part of the first one's clause
        parallel = came.dep_ == "conj" and any(c.dep_ == "mark" for c in came.children)
        came = anc
        for c in () if parallel else anc.children:
            if (c.dep_ in scene.fr.subject_deps and c.i < subj.i and c.lower_ not in scene.fr.pronouns
                    and c.lower_ not in scene.fr.relative_pronouns):  # "..., which values it at": the clause above's
                if description_first(scene, c):  # "The Oklahoma City energy concern said it ...": the company meant
                    found = anaphor(scene, [c], climbs)
                    return Subject(found.name, found.id, subj.text, "pronoun", climbs, found.gazetteer, "sentence") if found else None
                cands = drop_owners(candidates_in(scene, phrase_tokens(c, scene.fr), c))
                if all(t.dep_ == "poss" for _, t in cands):  # "Poland's central bank, Narodowy Bank Polski, said it"
                    cands = named_apposition(scene, c) or cands
                if len(cands) == 1:
                    ent, _ = cands[0]
                    return Subject(ent.name, ent.id, subj.text, "pronoun", climbs, gazetteer=ent.listed, source="sentence")
                return None
    sent = scene.sentence(subj.i)
    # "First of America Bank Corp. said it completed ...": the one name before it in its sentence
    named = [(e, t) for e, t in drop_owners(candidates_in(scene, [t for t in sent if t.i < subj.i], None)) if e.label != "PERSON"]
    if len(named) > 1:  # "Figma's shares more than double in their New York Stock Exchange debut, ...; it had priced its
        # shares at $33": of several names before it, the one that is (or owns) a clause subject is what "it" continues
        acting = [(e, t) for e, t in named if _subject_or_owner(scene, e, t)]
        named = acting if len(acting) == 1 else named
    if len(named) == 1:
        ent, _ = named[0]
        return Subject(ent.name, ent.id, subj.text, "pronoun", climbs, gazetteer=ent.listed, source="sentence")
    # "In fiscal 1989, it had sales of $40 million": the main clause's pronoun, no name before it
    if named or sent.start == 0 or subj.head.i != sent.root.i:
        return None
    before = scene.sentence(sent.start - 1)
    if containing(scene.paragraphs, before.start_char) != containing(scene.paragraphs, sent.start_char):
        return None
    subjects = [t for t in before if t.dep_ in scene.fr.subject_deps and t.head.dep_ == "ROOT"]
    for s in subjects:
        cands = drop_owners(candidates_in(scene, phrase_tokens(s, scene.fr), s))
        if len(cands) == 1:
            ent, _ = cands[0]
            return Subject(ent.name, ent.id, subj.text, "pronoun", climbs, gazetteer=ent.listed, source="sentence")
    return None


def _subject_or_owner(scene: "Scene", ent: "Entity", tok: Token) -> bool:
    """Is the name (climbed to its last word inside the name) a clause subject, or the owner of one by one of
    ``subject_owner_deps`` ("Figma's shares ... double")?"""
    fr = scene.fr
    head = tok
    while head.head.i != head.i and ent.start <= head.head.idx < ent.end:
        head = head.head
    return head.dep_ in fr.subject_deps or (head.dep_ in fr.subject_owner_deps and head.head.dep_ in fr.subject_deps)


def first_person(scene: "Scene", tok: Token, climbs: int) -> "Subject | None":
    """'"We will invest $5 billion," said Satya Nadella, the chief executive of Microsoft': "we" in a
    quote is the organisation of the person who says it (named beside them: apposition, "of X", "X's",
    "X chief executive Y"), when exactly one is named there."""
    fr = scene.fr
    if tok.lower_ not in fr.first_person:
        return None
    sent = scene.sentence(tok.i)
    for speaker in sent:
        ent = scene.index.at(speaker.i)
        if speaker.dep_ not in fr.subject_deps or speaker.head.lower_ not in fr.speech_verbs or ent is None or ent.label != "PERSON":
            continue
        around = [t for t in speaker.subtree if scene.index.at(t.i) is None or scene.index.at(t.i).key != ent.key]
        orgs = [(e, t) for e, t in drop_owners(candidates_in(scene, around, speaker)) if e.label not in ("PERSON", *fr.place_labels)]
        if len(orgs) == 1:
            org, _ = orgs[0]
            return Subject(org.name, org.id, tok.text, "pronoun", climbs, gazetteer=org.listed, source="sentence")
        return None
    return None


def _single(scene: "Scene", tokens: list[Token]) -> "tuple[Entity, Token] | None":
    cands = drop_owners(candidates_in(scene, tokens, None))
    return cands[0] if len(cands) == 1 else None


def acts_in_sentence(scene: "Scene", ent: "Entity", tok: Token) -> bool:
    """Is the entity an actor of its sentence (a clause subject or object, "profit at EDS", "gains for
    Du Pont") rather than a detail of another noun ("the sale of Federated Investors", "losses in
    California", "New York Stock Exchange trading")? Climbs the name's own tokens first, so "Norton"
    of "Norton Co." counts as the company; a person who says or estimates a number is its source."""
    fr = scene.fr
    head = tok
    while head.head.i != head.i and (
        ent.start <= head.head.idx < ent.end
        or (head.dep_ in fr.name_internal_deps and (head.head.lower_ in fr.corporate_suffixes or head.head.tag_ in fr.proper_noun_tags))
    ):
        head = head.head
    if head.dep_ == "appos":  # "The app's counterpart, Cici, boasts ...": an apposition plays its anchor's part
        head = head.head
    if head.dep_ in fr.subject_deps:
        return not (ent.label == "PERSON" and head.head.lower_ in fr.speech_verbs)
    if head.dep_ in fr.sentence_actor_deps:
        return True
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and ent.label not in fr.place_labels and ent.label != "COMMODITY":
        # "protest in Nairobi": where, not who; "21 cents for each dollar": a traded thing only as subject or object
        prep = head.head
        return prep.lower_ in fr.actor_preps or word_class(prep.head, fr.word_classes) == "verb"
    return False


def sentence_entity(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The number's sentence names exactly one usable entity that acts in it: it (no clause rule found one)."""
    key = ("sentence_entity", sent.start)
    if key not in scene.memo:
        found = _single(scene, list(sent))
        scene.memo[key] = found if found is not None and acts_in_sentence(scene, *found) else None
    found = scene.memo[key]
    if found is None or not eligible(found[0]):
        return None
    ent, tok = found
    return Subject(ent.name, ent.id, scene.text[ent.start : ent.end], "sentence_entity", 0, gazetteer=ent.listed, source="sentence")


def sentence_actor(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The number's sentence names several entities and exactly one of them acts in it (``acts_in_sentence``), the
    others only locate or qualify ("Hurricane Melissa makes landfall in Jamaica as a Category 5 storm; early estimates
    put insured losses at $3–5 billion": Jamaica is where); two acting mentions, even of one name, give none. The last
    fallback, after the topics: tried before them it took, on the tuning sets, a running topic's numbers for a name
    that acts in passing ("Hugo" of a storm's cost in a story about an insurer); its own confidence
    (``sentence_actor``)."""
    key = ("sentence_actor", sent.start)
    if key not in scene.memo:
        cands = drop_owners(candidates_in(scene, list(sent), None))
        acting = [(e, t) for e, t in cands if acts_in_sentence(scene, e, t)]
        scene.memo[key] = acting[0] if len(cands) > 1 and len(acting) == 1 else None
    found = scene.memo[key]
    if found is None or not eligible(found[0]):
        return None
    ent, _ = found
    return Subject(ent.name, ent.id, scene.text[ent.start : ent.end], "sentence_actor", 0, gazetteer=ent.listed, source="sentence")


def _topic(scene: "Scene", sent: "Span") -> "Entity | None":
    """The entity a sentence is about: the one entity of its main clause's subject (memoised)."""
    key = ("topic", sent.start)
    if key not in scene.memo:
        scene.memo[key] = _find_topic(scene, sent)
    return scene.memo[key]


def _find_topic(scene: "Scene", sent: "Span") -> "Entity | None":
    """The one entity of the main clause's subject; a person who says something ("says Louis Harvey,
    Dalbar's president") is the story's source, not its topic. A subject with no entity of its own under
    an opening "At X," / "For X," (``actor_preps``) is about X ("At EDS, third-quarter profit jumped 16%")."""
    root = sent.root
    found_topic = _subject_topic(scene, root)
    if found_topic is not None:
        return found_topic
    named_root = scene.index.at(root.i)  # "Spotify/VB Technology reported ...": a name the tagger made the verb
    if (named_root is not None and named_root.start <= sent[0].idx and named_root.label not in scene.fr.place_labels
            and word_class(root, scene.fr.word_classes) == "verb"):  # not a dateline ("ATLANTA (AP) --")
        return named_root
    for child in root.children:
        if child.i < root.i and child.dep_ == "prep" and child.lower_ in scene.fr.actor_preps and child.i == sent.start:
            found = _single(scene, [t for o in child.children if o.dep_ == "pobj" for t in phrase_tokens(o, scene.fr)])
            if found is not None and found[0].label not in scene.fr.place_labels:
                return found[0]
    return _listing_item(scene, sent)


def _listing_item(scene: "Scene", sent: "Span") -> "Entity | None":
    """'... as compiled by Dow Jones Capital Markets Report: @ CORPORATES Sun Microsystems Inc. -- $125 million of 6
    3/8% convertible subordinated debentures due Oct. 15, 1999, priced at 84.90': a sentence whose main clause names
    no topic but which opens an item of a listing (exactly one name written right before ``listing_item_gap`` and an
    amount) is about that name; the item's next sentences ("The debentures are convertible into common stock at $25 a
    share") are lent it by ``recent_topic``."""
    if "listing_starts" not in scene.memo:  # once per article: most write no listing gap at all
        written = scene.amounts and scene.fr.listing_item_gap.search(scene.text) is not None
        scene.memo["listing_starts"] = frozenset(a for a, _ in scene.amounts) if written else frozenset()
    starts = scene.memo["listing_starts"]
    if not starts:
        return None
    index = scene.index
    lo, hi = bisect.bisect_left(index.starts, sent.start_char), bisect.bisect_left(index.starts, sent.end_char)
    found = []
    for ent in index.ents[lo:hi]:
        gap = scene.fr.listing_item_gap.match(scene.text, ent.end)
        if gap is not None and gap.end() in starts:
            found.append(ent)
    return listing_name(scene, found[0]) if len(found) == 1 else None


def listing_name(scene: "Scene", ent: "Entity") -> "Entity":
    """The name of a listing item as the NER tagged it, without the name of the item before it that the splitter ran
    into it: "... underwriters led by Goldman, Sachs amp Co. Hertz Corp. -- $100 million of senior notes" is one span to
    the NER; the words after its last inner ``corporate_suffixes`` word ("Co.") followed by a capitalised word are the
    item's name ("Hertz Corp."). A name with no such inner suffix is kept whole ("Toyota Motor Co. Ltd." ends in two)."""
    surface = scene.text[ent.start : ent.end]
    words = [(m.start(), m.group()) for m in NAME_WORD_RE.finditer(surface)]
    cut = None
    for k in range(len(words) - 1):
        word, after = words[k][1].lower(), words[k + 1][1]
        if word in scene.fr.corporate_suffixes and after[:1].isupper() and after.lower() not in scene.fr.corporate_suffixes:
            cut = words[k + 1][0]
    if cut is None or ent.listed:
        return ent
    name = surface[cut:]
    return replace(ent, start=ent.start + cut, name=name, id=f"{ent.label.lower()}:{slug(name)}")


def _subject_topic(scene: "Scene", root: "Token") -> "Entity | None":
    """The one entity of the clause subject under ``root`` (see ``_find_topic``)."""
    for child in root.children:
        if child.dep_ in scene.fr.subject_deps:
            if reports_another(scene, root, child):  # "..., 427 fugitives have been taken into custody, the FBI said"
                return None
            found = None if description_first(scene, child) else _single(scene, phrase_tokens(child, scene.fr))
            if found is not None and only_locates(scene, *found, child):  # "A court in Seoul ordered": not about Seoul
                return None
            if found is not None and not (found[0].label == "PERSON" and root.lower_ in scene.fr.speech_verbs):
                return found[0]
            if found is None:  # "The company also retained an adviser": the entity the description stands for
                described = anaphor(scene, [child], 0)
                # a noun only this article's names give ("kind_anaphor": "the news" after "ABC News") resolves a
                # description in its own clause but does not make a topic to lend on: "the news about real estate
                # here was that ..." is not about ABC News, and "he'd double his money" two sentences on is not its
                if described is not None and described.id is not None and described.rule != KIND_ANAPHOR:
                    return next((e for e in scene.index.ents if e.id == described.id), None)
    return None


def recent_topic(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The topic of the nearest earlier sentence that has an ``eligible`` one (at most ``topic_lookback``
    back): a story keeps talking about the entity its last sentences were about ("America West said ...
    Net income was $5.8 million")."""
    start = sent.start
    for _ in range(scene.fr.topic_lookback):
        if start == 0:
            return None
        before = scene.sentence(start - 1)
        same = containing(scene.paragraphs, before.start_char) == containing(scene.paragraphs, sent.start_char)
        if not same and scene.items:
            return None
        ent = _topic(scene, before)
        if ent is not None and eligible(ent):
            return Subject(ent.name, ent.id, None, "recent_topic", 0, gazetteer=ent.listed, source="paragraph" if same else "article")
        start = before.start
    return None


def paragraph_topic(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The topic of the paragraph's first sentence, when the number's sentence comes after it."""
    p_start, _ = containing(scene.paragraphs, sent.start_char)
    first = scene.doc.char_span(p_start, p_start + 1, alignment_mode="expand") if p_start < len(scene.text) else None
    if first is None or len(first) == 0:
        return None
    lead = scene.sentence(first[0].i)
    if lead.start >= sent.start:
        return None
    ent = _topic(scene, lead)
    if ent is None or not eligible(ent):
        return None
    return Subject(ent.name, ent.id, None, "paragraph_topic", 0, gazetteer=ent.listed, source="paragraph")


def headline_topic(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The headline's actor: the article's entity named first in its headline ("Kone to buy TK Elevator
    for €29.4 billion" -> Kone), when the headline starts with it: a headline leads with who acts."""
    if not scene.title or scene.items:
        return None
    if "headline_topic" not in scene.memo:  # per article, not per number
        scene.memo["headline_topic"] = _find_headline_topic(scene)
    ent = scene.memo["headline_topic"]
    if ent is None or not eligible(ent):
        return None
    return Subject(ent.name, ent.id, None, "headline_topic", 0, gazetteer=ent.listed, source="headline")


def _find_headline_topic(scene: "Scene") -> "Entity | None":
    fr = scene.fr
    title = scene.title
    best: "tuple[int, Entity] | None" = None
    for ent in scene.index.ents:
        if ent.label not in fr.headline_labels or ent.name.lower() in scene.publisher:  # "Wikinews interviews ..."
            continue
        for name in {ent.name, scene.text[ent.start : ent.end]}:
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title)
            if found and (best is None or found.start() < best[0]):
                best = (found.start(), ent)
    if best is None or title[: best[0]].strip(" '\"‘“").split():  # the headline does not start with it
        return None
    return best[1]


def article_topic(scene: "Scene", sent: "Span", eligible: "Eligible" = _any) -> "Subject | None":
    """The lede's topic, when it is also the entity the article names most often: an article about one
    organisation (or person, or country) lends it to numbers no clause attaches."""
    if scene.items:
        return None
    if "entity_counts" not in scene.memo:  # per article, not per number
        counts: dict[str, int] = {}
        for e in scene.index.ents:
            counts[e.key] = counts.get(e.key, 0) + 1
        scene.memo["entity_counts"] = counts
    counts = scene.memo["entity_counts"]
    if not counts:
        return None
    most = max(counts.values())
    for lead in list(scene.doc.sents)[:3]:
        if lead.start >= sent.start:
            return None
        ent = _topic(scene, lead)
        if ent is not None:
            if ent.label in scene.fr.article_topic_skip_labels:  # a profile's person is not whose figures the article gives
                return None
            if counts.get(ent.key, 0) == most and most >= 2 and sum(v == most for v in counts.values()) == 1 and eligible(ent):
                return Subject(ent.name, ent.id, None, "article_topic", 0, gazetteer=ent.listed, source="article")
            return None
    return None


def fitting(fr: "FactRules", eligible: "Eligible", metric: str | None) -> "Eligible":
    """``eligible`` narrowed to the topics that can own the amount's metric (``lent_topic_unfit_metrics``: a
    company's profit or share price, a fund's valuation is no place's). The label read is the id's, when the id
    was made from one, else the mention's: a topic lent from beyond the clause has only its type to say whether
    it fits. A metric of ``unlent_metrics`` (a rank) no topic from beyond the sentence owns."""
    def fits(ent: "Entity") -> bool:
        label = label_of_id(ent.id) or ent.label
        return eligible(ent) and metric not in fr.lent_topic_unfit_metrics.get(label, ()) and metric not in fr.unlent_metrics

    return fits


def person_lent_across(fr: "FactRules", found: "Subject", metric: str | None, metric_text: str | None) -> bool:
    """May this person topic, taken from another paragraph, own the amount? Only when a person's word governs it
    ("worth", "earned": ``person_metric_words``) or it is of a person's metric (``person_across_paragraphs_metrics``):
    across a paragraph break, a person an earlier paragraph was about rarely owns a reward, assets or a budget."""
    if found.source != "article" or label_of_id(found.id) != "PERSON":
        return True
    return metric in fr.person_across_paragraphs_metrics or (metric_text or "").lower() in fr.person_metric_words


def only_locates(scene: "Scene", ent: "Entity", tok: Token, subj: Token) -> bool:
    """Is the place ``ent`` (at ``tok``) only where the indefinite common-noun subject ``subj`` is ("A court in Seoul", "A
    seat at a group-stage match in the United States"): the object of one of ``locating_preps`` inside it, climbing the
    name's own words? Then the sentence is about one court or seat, not the place (round 21); a definite one is the
    place's own ("The tourism industry in Kenya": Kenya's)."""
    fr = scene.fr
    if ent.label not in fr.place_labels or subj.tag_ not in fr.common_noun_tags or scene.index.at(subj.i) is not None:
        return False
    # one of a kind there ("A court in Seoul"), not the place's own ("The tourism industry in Kenya has been troubled")
    if not any(c.dep_ == "det" and c.lower_ in fr.indefinite_determiners for c in subj.children):
        return False
    node = tok
    while node.head.i != node.i and ent.start <= node.head.idx < ent.end:
        node = node.head
    return node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in fr.locating_preps


def other_party(scene: "Scene", subj: "Token | None") -> bool:
    """Is the amount's clause subject a noun of a party other than the story's own (``other_party_nouns``: "its
    creator", "His kidnappers", "Its main rival") that names no one itself? Then no fallback owns the amount: the topic
    is the one party the noun says it is not, and the sentence's other names are not it either (round 21)."""
    if subj is None or subj.lower_ not in scene.fr.other_party_nouns:
        return False
    return not candidates_in(scene, phrase_tokens(subj, scene.fr), subj)


def reports_another(scene: "Scene", root: Token, speaker: Token) -> bool:
    """Is the sentence what its speaker (the subject of a verb of saying, written after the words it reports: "...,
    the FBI said") reports of someone else: the reported clause's own subject a common noun that is no metric word and
    names no one ("Since then, 427 fugitives have been taken into custody ..., the FBI said")? Then the sentence is about
    that noun, not the speaker, and lends no topic (round 21). "Net income rose 5%, the company said" keeps the company:
    a metric noun says nothing about whose it is."""
    fr = scene.fr
    if root.lower_ not in fr.speech_verbs:
        return False
    for clause in (c for c in root.children if c.dep_ in fr.complement_deps and c.i < speaker.i):
        for subj in (c for c in clause.children if c.dep_ in fr.subject_deps):
            if (subj.tag_ in fr.common_noun_tags and not fr.is_metric_noun(subj.lower_) and scene.index.at(subj.i) is None
                    and not candidates_in(scene, phrase_tokens(subj, fr), subj)
                    and not any(t.lower_ in fr.possessive_pronouns for t in subj.subtree)):
                return True
    return False

