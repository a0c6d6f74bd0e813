"""newsfacts: typed, span-grounded facts from news articles.

Data flows one way: ingest -> clean -> nlp -> extract -> facts -> tables. Each stage lives in its own
module; see README.md for the map.
"""

from pipeline.version import __version__

__all__ = ["Price", "__version__", "load", "parse_price"]


def load(table: str, extracted: str = "extracted"):  # noqa: ANN201 - pandas is imported lazily
    """Load one extracted table as a pandas DataFrame with the documented dtypes.

    Kept lazy so that ``import pipeline`` stays cheap for the CLI and for spaCy factory lookup.
    """
    from pipeline.tables import read_table

    return read_table(table, extracted)


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: ``pipeline.parse_price`` without importing spaCy up front
    """``pipeline.parse_price`` / ``pipeline.Price`` (pipeline/prices.py), imported on first use."""
    if name in ("parse_price", "Price"):
        from pipeline import prices

        return getattr(prices, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
