"""Every error the pipeline raises on purpose, in one place, each naming the file and the problem."""

from __future__ import annotations


class NewsfactsError(Exception):
    """Base class: a problem a user can act on, with a message that says what and where."""


class RulesError(NewsfactsError):
    """A file in rules/ is malformed: duplicate key, unknown key, wrong type, invalid pattern."""


class ManifestError(NewsfactsError):
    """raw/manifest.csv cannot be read at all (a bad row is a reject, not this)."""


class ArticleRejected(NewsfactsError):
    """One article cannot be processed; the batch goes on and the reason lands in rejects.parquet."""

    def __init__(self, article_id: str, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.article_id = article_id
        self.path = path
        self.reason = reason


class SettingsError(NewsfactsError):
    """A setting has an invalid value."""
