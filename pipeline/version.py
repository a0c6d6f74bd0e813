"""The pipeline version: part of every article's cache key, written into articles.parquet."""

__version__ = "0.1.0"
