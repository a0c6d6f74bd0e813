"""Parse sweep of change statements (issue 21, twelfth session): every verb or noun whose lemma means a change of a
quantity, with a number among its dependents, that no ``changes`` row covers.

Why: the regex sweeps of earlier rounds looked for a change word within 40 characters of a number; this one asks the
parse instead (a number in the dobj / npadvmod / attr subtree of the word, in the pobj of a "by"/"to"/"from"/"of"...
child, or under an "up"/"down" advmod), so a wording no pattern foresaw is still a candidate. Candidates are printed
with ``covered`` (a changes row spans the word or one of its numbers) for reading; the lemma list is data,
``benchmarks/newsdev/changes-parse-sweep-lemmas.json``. Run it only on text that may be read (devreads, which ``benchmarks/devreads.py OUT`` writes
as ``OUT/raw``; the tuning sets), never on held-out documents.

    python benchmarks/changes_parse_sweep.py RAW_DIR OUT.json [--docbin CACHE.spacy]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
LEMMAS = REPO / "benchmarks" / "newsdev" / "changes-parse-sweep-lemmas.json"
#: a year is no value of a change
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d(?:s)?$")


def _forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular inflections of a lemma (both with and without a doubled last consonant) and its irregular forms."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return out | set(irregular.get(lemma, ()))


def _lemma_map(groups: dict[str, list[str]], irregular: dict[str, list[str]]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for direction, lemmas in groups.items():
        for lemma in lemmas:
            for form in _forms(lemma, irregular):
                out.setdefault(form, (lemma, direction))
    return out


class Sweep:
    def __init__(self, data: dict) -> None:
        self.verbs = _lemma_map(data["verbs"], data["irregular_forms"])
        self.nouns = _lemma_map(data["nouns"], data["irregular_forms"])
        self.adverbs = {w: d for d, ws in data["adverbs"].items() for w in ws}
        self.preps = set(data["value_prepositions"])
        self.value_deps = set(data["value_deps"])
        self.clause_deps = set(data["clause_deps"])

    def numbers(self, tok, depth: int = 0) -> list:  # noqa: ANN001
        """Number tokens in ``tok``'s subtree, bounded by clauses and other prepositions (no year, date or ordinal)."""
        out = []
        if (tok.like_num or tok.tag_ == "CD") and not YEAR_RE.match(tok.text) and tok.ent_type_ not in ("DATE", "TIME", "ORDINAL"):
            out.append(tok)
        if depth > 3:
            return out
        for ch in tok.children:
            if ch.dep_ in self.clause_deps or (ch.dep_ == "prep" and ch.lower_ not in self.preps and depth > 0):
                continue
            out += self.numbers(ch, depth + 1)
        return out

    def candidates(self, doc):  # noqa: ANN001, ANN201
        for tok in doc:
            w = tok.lower_
            if tok.tag_.startswith("VB") and w in self.verbs:
                klass, (lemma, direction) = "verb", self.verbs[w]
            elif tok.tag_ in ("NN", "NNS") and w in self.nouns:
                klass, (lemma, direction) = "noun", self.nouns[w]
            elif w in self.adverbs and tok.tag_ in ("RB", "RP", "IN", "JJR", "RBR"):
                klass, lemma, direction = "adverb", w, self.adverbs[w]
            elif tok.tag_ in ("NN", "NNS", "JJ") and w in self.verbs:
                klass, (lemma, direction) = "verb_tagged_noun", self.verbs[w]
            else:
                continue
            found = []
            for ch in tok.children:
                if ch.dep_ in self.value_deps:
                    found += [(ch.dep_, q) for q in self.numbers(ch)]
                elif ch.dep_ == "prep" and ch.lower_ in self.preps:
                    found += [(ch.lower_, q) for p in ch.children if p.dep_ == "pobj" for q in self.numbers(p)]
                elif ch.dep_ in ("advmod", "prt") and ch.lower_ in ("up", "down"):
                    found += [(ch.lower_, q) for p in ch.children if p.dep_ in ("npadvmod", "pobj", "prep") for q in self.numbers(p)]
            if found:
                yield tok, klass, lemma, direction, found


def _covered(tok, numbers, rows: list[dict]) -> bool:  # noqa: ANN001
    for r in rows:
        if r["start"] <= tok.idx < r["end"]:
            return True
        spans = [(r.get(f"{k}_start"), r.get(f"{k}_end")) for k in ("from", "to", "by", "multiplier")]
        if any(s is not None and s <= q.idx < e for _, q in numbers for s, e in spans):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--docbin", type=Path, help="parse cache (written when missing)")
    args = parser.parse_args()

    import spacy
    from spacy.tokens import DocBin

    from pipeline.clean import clean
    from pipeline.extract import Context, remember_text
    from pipeline.nlp import build_nlp
    from pipeline.rules import load_rules
    from pipeline.run import load_stages
    from pipeline.settings import Settings

    rules = load_rules(REPO / "rules")
    settings = Settings(rules_dir=REPO / "rules").validated()
    paths = sorted(args.raw.glob("*.txt"))
    if args.docbin is not None and args.docbin.exists():
        docs = list(DocBin().from_disk(args.docbin).get_docs(spacy.blank("en").vocab))
    else:
        nlp = build_nlp(settings.model, rules)
        docs = list(nlp.pipe((clean(p.read_text(encoding="utf-8"), rules).text for p in paths), batch_size=32))
        if args.docbin is not None:
            cache = DocBin(store_user_data=False)
            for doc in docs:
                cache.add(doc)
            cache.to_disk(args.docbin)
    sweep = Sweep(json.loads(LEMMAS.read_text(encoding="utf-8")))
    stages = load_stages()
    out, n_rows = [], 0
    for path, doc in zip(paths, docs, strict=True):
        remember_text(doc, doc.text)
        found: dict = {}
        for name, func in stages:
            found[name] = func(doc, Context(path.stem, None, rules, settings), found)
            if name == "changes":
                break
        n_rows += len(found["changes"])
        for tok, klass, lemma, direction, numbers in sweep.candidates(doc):
            out.append({"doc": path.stem, "offset": tok.idx, "word": tok.text, "lemma": lemma, "tag": tok.tag_, "class": klass,
                        "direction": direction, "numbers": [[dep, q.text, q.idx] for dep, q in numbers],
                        "covered": _covered(tok, numbers, found["changes"]), "sentence": tok.sent.text.strip()})
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    by_class = Counter(c["class"] for c in out)
    open_ = Counter(c["class"] for c in out if not c["covered"])
    print(f"{len(docs)} documents, {n_rows} changes rows; {len(out)} candidates, {sum(c['covered'] for c in out)} covered")
    print("  by class (all / not covered): " + ", ".join(f"{k} {v}/{open_[k]}" for k, v in by_class.most_common()))


if __name__ == "__main__":
    main()
