"""Generate the adversarial corpus: hostile articles, each with the outcome it must have.

Not committed in bulk: the texts are written by this script (deterministic) into a folder you name,
with ``expected.json`` beside them. ``tests/test_adversarial.py`` runs small versions (``--scale``),
``benchmarks/adversarial.py`` the full sizes and prints seconds per 100 KB against ordinary news of
the same size (``ordinary-*`` articles: the texts of raw/ repeated).

    python tests/adversarial/generate.py OUT_DIR [--scale 1.0]

Outcomes: ``lands`` (processed, every span valid), ``rejected:<reason prefix>`` (a row in rejects
with that reason), ``lands_or_timeout`` (processed within its budget, or stopped with ``timeout``).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KB = 1000


def ordinary(size: int) -> str:
    """Real news text (the articles of raw/) repeated up to ``size`` characters, cut at a paragraph."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "raw").glob("*.txt"))]
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        text = texts[i % len(texts)].strip() + "\n\n"
        out.append(text)
        n += len(text)
        i += 1
    return "".join(out)[:size].rsplit("\n", 1)[0] + "\n"


def repeat(unit: str, size: int, sep: str = " ") -> str:
    return (unit + sep) * max(1, size // (len(unit) + len(sep)))


def dense_dates(size: int) -> str:
    phrases = ["Monday", "last year", "Q3 2024", "next week", "in March", "the first half of 2023", "2024-11-05",
               "earlier this month", "FY2025", "on Tuesday", "two years ago", "mid-October", "H1 2024", "this quarter"]
    rng = random.Random(3)
    words = []
    n = 0
    while n < size:
        w = rng.choice(phrases) + rng.choice([",", "", " and", ";", "."])
        words.append(w)
        n += len(w) + 1
    return " ".join(words)


def dotted_money(size: int) -> str:
    return "$" + ".".join(["1"] * (size // 2)) + "5 billion"


def comma_money(size: int) -> str:
    return "Revenue was " + ",".join(["123"] * (size // 4)) + " dollars."


def hostile_mix(size: int) -> str:
    """Random mixes of digits, separators, currency signs, magnitude words, dates, unicode and long tokens."""
    rng = random.Random(11)
    atoms = ["1", "23", "4,567", "8.9", "0.", ",", ".", "$", "€", "¥", "£", "₹", "RMB", "USD", "million", "billion",
             "trillion", "bn", "k", "%", "per cent", "-", "–", "/", "x", "times", "users", "MAU", "2024", "Q3", "May",
             "last year", "１２３", "٣", "½", "e99999", "1e308", "9" * 40, "\u200b", "🙂", "(", ")", "~", "+", "about",
             "over", "to", "and", "of", "'", "\n", "\n\n"]
    out = []
    n = 0
    while n < size:
        a = rng.choice(atoms)
        out.append(a + rng.choice(["", " ", " "]))
        n += len(out[-1])
    return "".join(out)


#: name -> (builder(size), size in characters at scale 1, expected outcome)
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "long-article-2.3mb": (ordinary, 2_300 * KB, "lands"),
    "dense-dates-295kb": (dense_dates, 295 * KB, "lands_or_timeout"),
    "dotted-money-60kb": (dotted_money, 60 * KB, "lands_or_timeout"),
    "comma-money-80kb": (comma_money, 80 * KB, "lands_or_timeout"),
    "huge-numbers": (lambda n: repeat("Revenue was $" + "9" * 400 + " billion and 1e999999 users, 10^99999 MAU.", n), 40 * KB, "lands_or_timeout"),
    "one-long-token": (lambda n: "x" * n, 200 * KB, "lands_or_timeout"),
    "no-newlines-money": (lambda n: repeat("Alibaba spent $1.5 billion (¥10.8 bn) on 300 million users in Q3 2024", n, ", "), 200 * KB, "lands_or_timeout"),
    "magnitude-chain": (lambda n: repeat("5 million million billion trillion thousand", n), 60 * KB, "lands_or_timeout"),
    "separator-soup": (lambda n: repeat("1,2.3,4.5,6.7-8–9/10 %", n), 60 * KB, "lands_or_timeout"),
    "hostile-mix": (hostile_mix, 100 * KB, "lands_or_timeout"),
    "unicode-digits": (lambda n: repeat("收入为１２３，４５６亿元，同比增长٣٤٪，用户 ½ 百万", n), 40 * KB, "lands_or_timeout"),
    "too-large-60mb": (ordinary, 60_000 * KB, "rejected:too large"),
}


def write(out_dir: Path, scale: float = 1.0, only: list[str] | None = None) -> dict[str, dict]:
    """Write the cases (sizes times ``scale``, at least 1 KB) and expected.json; return the expectations.

    ``too-large-*`` keeps its size relative to the ceiling: the test passes ``--max-article-mb``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    expected: dict[str, dict] = {}
    for name, (build, size, outcome) in CASES.items():
        if only and name not in only:
            continue
        n = max(KB, int(size * scale))
        text = build(n)
        (out_dir / f"{name}.txt").write_text(text, encoding="utf-8")
        if not outcome.startswith("rejected"):
            (out_dir / f"ordinary-{name}.txt").write_text(ordinary(len(text)), encoding="utf-8")
        expected[name] = {"outcome": outcome, "chars": len(text)}
    (out_dir / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case size (default 1.0)")
    parser.add_argument("--only", nargs="*", help="case names to write")
    args = parser.parse_args()
    for name, spec in write(args.out, args.scale, args.only).items():
        print(f"{name:<24} {spec['chars']:>10} chars  expect {spec['outcome']}")


if __name__ == "__main__":
    main()
