"""Generate a synthetic raw/ folder of N articles from templates of real news sentences.

For scale tests only (issue #8): the corpus is written to a folder you name and is never committed.
Each article has 3–8 sentences drawn from templates taken from the articles in raw/, with companies,
products, numbers and dates varied, plus a manifest with publication dates. Deterministic for a seed.

    python benchmarks/synthetic_corpus.py OUT_DIR --articles 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

COMPANIES = ["ByteDance", "Alibaba", "Baidu", "Tencent", "DeepSeek", "Zhipu", "StepFun", "OpenAI", "Anthropic", "NVIDIA"]
PRODUCTS = ["Doubao", "Cici", "Kimi", "Qwen", "Wenxiaoyan", "ChatGPT", "Claude", "DeepSeek-V2"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
TEMPLATES = [
    "In {month} of this year, {product}'s app recorded {n1}.{n2} million monthly active users (MAU), making it second only to {product2}.",
    "{company} reportedly committed ¥{b} billion (approx${b2} billion) to its AI capital expenditures.",
    "{company}'s valuation sat at about ${v} billion during a recent share buyback programme.",
    "The app's international counterpart, {product}, also boasts an impressive MAU of {n1}.{n2} million, placing it {rank}th globally.",
    "As of mid-{month} {year}, the daily token usage of {product}'s general model exceeded {t} trillion, marking a {f}-fold increase.",
    "{company} will invest {b} billion RMB in AI infrastructure over the next three years.",
    "In May {year}, {company} announced new pricing of just ¥{p} per million input tokens and ¥{p2} for output tokens.",
    "{company} plans to increase AI infrastructure spending by {pct}%, according to people familiar with the matter.",
    "The {product} APP shattered records with daily active users (DAU) exceeding {n1} million just {d} days after launch.",
    "Projections for {year} suggest that {company} will earn around ${m} million from API sales, contributing {pct}% to its total revenue.",
    "Over the first eleven months of this year, the number of projects has soared to {c}, {x}.{n2} times the total of last year.",
    "Analysts said the competition would intensify in the latter half of {year}, as prices fell by {pct}%.",
]


def sentence(rng: random.Random, year: int) -> str:
    return rng.choice(TEMPLATES).format(
        month=rng.choice(MONTHS), product=rng.choice(PRODUCTS), product2=rng.choice(PRODUCTS),
        company=rng.choice(COMPANIES), n1=rng.randint(1, 400), n2=rng.randint(10, 99), b=rng.randint(1, 400),
        b2=rng.randint(1, 60), v=rng.randint(50, 500), rank=rng.randint(4, 40), year=year, t=rng.randint(1, 9),
        f=rng.randint(2, 60), p=rng.randint(1, 9), p2=rng.randint(1, 9), pct=rng.randint(2, 97), d=rng.randint(5, 60),
        m=rng.randint(50, 900), c=rng.randint(100, 2000), x=rng.randint(1, 9),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    words = 0
    with (args.out / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "path", "title", "published", "source", "url", "language"])
        for i in range(args.articles):
            published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
            text = "\n".join(sentence(rng, published.year) for _ in range(rng.randint(3, 8))) + "\n"
            words += len(text.split())
            article_id = f"synthetic-{i:07d}"
            (args.out / f"{article_id}.txt").write_text(text, encoding="utf-8")
            writer.writerow([article_id, f"{article_id}.txt", f"Synthetic {i}", published.isoformat(), "synthetic", "", "en"])
    print(f"wrote {args.articles} articles, {words} words, into {args.out}")


if __name__ == "__main__":
    main()
