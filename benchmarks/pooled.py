"""Every held-out set of issues 14, 15 and 21 pooled per issue, with 95 % Wilson intervals.

Why: each held-out set is small (9 to 254 items), so one set's figure moves by a row or two and its interval is wide.
Pooled over every clean held-out set of an issue, the figure is the best estimate the project has of what a user gets
on text nobody tuned on. The pooled table used to be added up by hand from the scorers' printouts; this script runs the
three held-out scorers (`facts_heldout.py`, `counts_heldout.py`, `changes_heldout.py`: aggregates only, never
``--details``), reads the numerator and denominator of every figure from their output, and adds them up, so the table
can be re-made on any commit.

Which sets pool (first labels; written text and sets that lost their clean status stay out):
- #14 facts, subject + value (and all four fields): the kept news-dev half, WSJ, WSJ2, te3, heldout3 (adjudicated).
- #15 counts (kind ``count``): platinum, newsdev-counts, current events, WSJ, newsdev3, te3. ``newsdev4`` is printed
  beside the pool, not in it: a developer read its labelling decisions in the twelfth session, so its figures are
  tuning figures (its clean first score, count R 71/88 P 71/83, is in benchmarks/heldout/README.md).
- #21 change statements (and multipliers): the first news-dev set, fresh, fresh3, WSJ, te3.

    python benchmarks/pooled.py [--shared ../shared] [--issue 14 21 15]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from intervals import interval_text  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"

FACTS_SETS = (("kept news-dev half", "heldout"), ("WSJ", "wsj"), ("WSJ2", "wsj2"), ("te3", "te3"), ("heldout3 adj", "heldout3-adj"))
COUNTS_SETS = ("heldout", "currentevents", "wsj", "newsdev3", "te3")
COUNTS_BESIDE = ("newsdev4",)
CHANGES_SETS = (("first news-dev set", "changes"), ("fresh", "fresh"), ("fresh3", "fresh3"), ("WSJ", "wsj"), ("te3", "te3"))

FACTS_COUNTS = re.compile(r"counts \(right / of\): (.*)$", re.M)
COUNT_ROW = re.compile(r"^ours (count|user_count|measure)\s+(\d+)\s+(\d+)\s+(\d+)\s", re.M)
COUNT_SECTION = re.compile(r"^## ([\w-]+):", re.M)
CHANGE_LINE = re.compile(r"^(multipliers|change statements)\s+P [\d.]+ \((\d+)/(\d+)\).*?R [\d.]+ \((\d+)/(\d+)\)", re.M)
CHANGE_MATCHED = re.compile(r"on matched \((\d+)\): from (\d+), to (\d+), by (\d+), direction (\d+)")
#: the scorer's second reading of the matched values: a value the label leaves null by its convention (the later value
#: written before the change word) but names in its note counts as right (changes14, thirteenth session)
CHANGE_NOTED = re.compile(r"on matched, a value the label leaves null but its note names .*?: from (\d+), to (\d+), by (\d+)")


def run(script: str, which: str, shared: Path, *extra: str) -> str:
    """One scorer on one held-out set, figures only; its whole output (an error stops the pooling: a figure that
    silently drops a set would read better than it is)."""
    cmd = [sys.executable, str(BENCH / script), "--set", which, "--shared", str(shared), *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        sys.exit(f"pooled: {script} --set {which} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def line(label: str, n: int, d: int) -> str:
    rate = n / d if d else float("nan")
    return f"{label:34} {n:4d} / {d:<4d} = {rate:.3f} {interval_text(n, d)}"


def facts(shared: Path) -> None:
    total: dict[str, list[int]] = {}
    print("\n#14 facts (subject + value; all four fields)")
    for label, which in FACTS_SETS:
        out = run("facts_heldout.py", which, shared, "--no-baseline")
        found = FACTS_COUNTS.findall(out)
        if len(found) != 1:
            sys.exit(f"pooled: facts_heldout.py --set {which}: expected one counts line, found {len(found)}")
        parts = dict((k, tuple(map(int, v.split("/")))) for k, v in (p.split(" ") for p in found[0].split(", ")))
        rsv, psv = parts["recall_sv"], parts["precision_sv"]
        print(f"  {label:22} S+V R {rsv[0]}/{rsv[1]}  P {psv[0]}/{psv[1]}   all four R {parts['recall_all'][0]}/{parts['recall_all'][1]}"
              f"  P {parts['precision_all'][0]}/{parts['precision_all'][1]}   with a subject {parts['share_with_subject'][0]}/{parts['share_with_subject'][1]}")
        for key, (n, d) in parts.items():
            acc = total.setdefault(key, [0, 0])
            acc[0] += n
            acc[1] += d
    print("  pooled:")
    for key, label in (("recall_sv", "recall subject + value"), ("precision_sv", "precision subject + value"),
                       ("recall_all", "recall all four fields"), ("precision_all", "precision all four fields"),
                       ("share_with_subject", "rows with a subject")):
        print("    " + line(label, *total[key]))


def counts(shared: Path) -> None:
    print("\n#15 counts (kind count; span overlap, one-to-one)")
    pool = {"count": [0, 0, 0], "user_count": [0, 0, 0]}

    def sections(which: str) -> list[tuple[str, dict[str, tuple[int, int, int]]]]:
        out = run("counts_heldout.py", which, shared, "--no-peers")
        heads = list(COUNT_SECTION.finditer(out))
        found = []
        for k, head in enumerate(heads):
            body = out[head.end(): heads[k + 1].start() if k + 1 < len(heads) else len(out)]
            rows = {m.group(1): (int(m.group(2)), int(m.group(3)), int(m.group(4))) for m in COUNT_ROW.finditer(body)}
            found.append((head.group(1), rows))
        if not found:
            sys.exit(f"pooled: counts_heldout.py --set {which}: no section found")
        return found

    for which in COUNTS_SETS:
        for name, rows in sections(which):
            g, p, tp = rows["count"]
            print(f"  {name:22} count R {tp}/{g}  P {tp}/{p}")
            for kind in pool:
                if kind in rows:
                    for i, v in enumerate(rows[kind]):
                        pool[kind][i] += v
    g, p, tp = pool["count"]
    print("  pooled:")
    print("    " + line("count recall", tp, g))
    print("    " + line("count precision", tp, p))
    g, p, tp = pool["user_count"]
    print("    " + line("user-count recall", tp, g))
    print("    " + line("user-count precision", tp, p))
    for which in COUNTS_BESIDE:
        for name, rows in sections(which):
            g, p, tp = rows["count"]
            print(f"  beside the pool (tuning-contaminated): {name} count R {tp}/{g}  P {tp}/{p}")


def changes(shared: Path) -> None:
    print("\n#21 change statements and multipliers")
    pool = {"change statements": [0, 0, 0, 0], "multipliers": [0, 0, 0, 0]}
    matched = [0] * 5
    noted = [0] * 3
    for label, which in CHANGES_SETS:
        out = run("changes_heldout.py", which, shared)
        found = {m.group(1): tuple(int(x) for x in m.groups()[1:]) for m in CHANGE_LINE.finditer(out)}
        if set(found) != set(pool):
            sys.exit(f"pooled: changes_heldout.py --set {which}: expected both figure lines, found {sorted(found)}")
        ms = CHANGE_MATCHED.findall(out)
        st = found["change statements"]
        print(f"  {label:22} statements R {st[2]}/{st[3]}  P {st[0]}/{st[1]}   multipliers R {found['multipliers'][2]}/{found['multipliers'][3]}"
              + (f"   on matched {ms[0][0]}: to right {ms[0][2]}" if ms else ""))
        for kind, vals in found.items():
            for i, v in enumerate(vals):
                pool[kind][i] += v
        if ms:
            for i, v in enumerate(ms[0]):
                matched[i] += int(v)
        for i, v in enumerate(next(iter(CHANGE_NOTED.findall(out)), ms[0][1:4] if ms else (0, 0, 0))):
            noted[i] += int(v)
    print("  pooled:")
    for kind in ("change statements", "multipliers"):
        tp_p, pred, tp_r, gold = pool[kind]
        print("    " + line(f"{kind} recall", tp_r, gold))
        print("    " + line(f"{kind} precision", tp_p, pred))
    print("    " + line("matched statements with `to` right", matched[2], matched[0]))
    print("    " + line("matched statements with `by` right", matched[3], matched[0]))
    print("    " + line("... `to` right, labels' noted values", noted[1], matched[0]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--issue", nargs="+", choices=("14", "15", "21"), default=["14", "15", "21"])
    args = ap.parse_args()
    for issue in args.issue:
        {"14": facts, "15": counts, "21": changes}[issue](args.shared)


if __name__ == "__main__":
    main()
