"""Adversarial corpus benchmark (issue 16): seconds per 100 KB of each hostile case vs ordinary news.

Writes the cases of tests/adversarial/generate.py (times ``--scale``) to a temp folder, runs each
article through the same code as ``newsfacts extract`` (one Extractor, clean + spaCy + every stage,
inside the per-article time budget) and prints, per case, its outcome, seconds per 100 KB, the same
for ordinary news of the same size (raw/ repeated) and the ratio. ``--kill-trials N`` also runs N
SIGKILL-then-rerun trials of ``newsfacts extract`` on raw/ and prints how many gave tables identical
to a clean run with no temp files left.

    python benchmarks/adversarial.py [--scale 1.0] [--only NAME ...] [--kill-trials 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "adversarial"))

import generate  # noqa: E402

from pipeline.ingest import iter_articles  # noqa: E402
from pipeline.run import Extractor  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


def timed(extractor: Extractor, path: Path) -> tuple[float, str]:
    """(seconds, outcome) for one article file, as the runner would process it."""
    raw_dir = path.parent
    started = time.perf_counter()
    outcome = "?"
    for item in iter_articles(raw_dir, int(extractor.settings.max_article_mb * 1e6)):
        if getattr(item, "path", None) not in (path.name, str(path)):
            continue
        if hasattr(item, "raw_text"):
            (_, result, problem), = extractor.process_batch([item])
            outcome = "lands" if problem is None else f"rejected: {problem.reason[:50]}"
        elif item.severity == "error":
            outcome = f"rejected: {item.reason[:50]}"
    return time.perf_counter() - started, outcome


def kill_trials(n: int) -> int:
    """Run ``n`` SIGKILL + rerun trials; return how many gave tables identical to a clean run."""
    import subprocess

    import pyarrow.parquet as pq

    from pipeline.tables import TABLE_NAMES
    from tests.test_reliability import kill_and_rerun

    ok = 0
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / "clean"
        subprocess.run([sys.executable, "-m", "pipeline", "extract", "--out", str(clean), "--no-progress"], cwd=REPO, check=True, capture_output=True)
        for seed in range(n):
            out = Path(tmp) / f"trial-{seed}"
            kill_and_rerun(out, seed)
            same = all(pq.read_table(out / f"{t}.parquet").equals(pq.read_table(clean / f"{t}.parquet")) for t in TABLE_NAMES)
            leftovers = list(out.glob(".*tmp*")) + list((out / ".cache").glob(".*tmp*"))
            ok += same and not leftovers
            print(f"  trial {seed:>2}: {'identical' if same else 'DIFFERENT'}{', temp files left' if leftovers else ''}", flush=True)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--kill-trials", type=int, default=0)
    args = parser.parse_args()
    settings = Settings.from_env(raw_dir=REPO / "raw")
    extractor = Extractor(settings)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        expected = generate.write(folder, args.scale, args.only)
        print(f"{'case':<22} {'KB':>7} {'s/100KB':>8} {'ordinary':>9} {'ratio':>6}  outcome (expected)")
        for name, spec in expected.items():
            seconds, outcome = timed(extractor, folder / f"{name}.txt")
            kb = spec["chars"] / 1000
            ordinary = folder / f"ordinary-{name}.txt"
            base = timed(extractor, ordinary)[0] if ordinary.exists() else float("nan")
            ratio = seconds / base if base == base else float("nan")
            print(f"{name:<22} {kb:>7.0f} {seconds / kb * 100:>8.2f} {base / kb * 100:>9.2f} {ratio:>6.1f}  {outcome} ({spec['outcome']})", flush=True)
    if args.kill_trials:
        ok = kill_trials(args.kill_trials)
        print(f"SIGKILL + rerun: {ok}/{args.kill_trials} trials identical to a clean run, no temp files")


if __name__ == "__main__":
    main()
