"""Sub-commands as data: each command's options are a table of ``(flags, kwargs)`` rows for argparse.

Why: every command (cli.py's extract and consolidate, validate, gold, report) used to spell out its
parser as a run of ``add_argument`` calls of one shape, so the same folder options (``--extracted``,
``--rules``) were written again per command and a change of wording had to be made in each copy.
Here the row builders say what kind an option is (a path, a switch, anything else) and the folder
options that several commands share are defined once. Imports nothing of the pipeline: any module
may describe its command without pulling in another.
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: one option: its flags and the keyword arguments of ``ArgumentParser.add_argument``
Option = tuple[tuple[str, ...], dict[str, Any]]
Command = Callable[[argparse.Namespace], int]


def option(flag: str, help: str, **kwargs: Any) -> Option:  # noqa: A002 - argparse's own name
    """Any option: ``add_argument(flag, help=help, **kwargs)``."""
    return (flag,), {**kwargs, "help": help}


def path(flag: str, default: str | None, help: str, **kwargs: Any) -> Option:  # noqa: A002
    """A file or folder option; ``default`` is a path relative to the working directory, or None."""
    return option(flag, help, type=Path, default=None if default is None else Path(default), **kwargs)


def switch(flag: str, help: str, **kwargs: Any) -> Option:  # noqa: A002
    """An on/off flag (``store_true``)."""
    return option(flag, help, action="store_true", **kwargs)


#: the folder options several commands share, worded once
EXTRACTED = path("--extracted", "extracted", "folder of the Parquet tables (default: extracted/)")
RULES = path("--rules", None, "rules folder (default: ./rules, or NEWSFACTS_RULES)")


def add_command(sub: argparse._SubParsersAction, command: Command, options: Iterable[Option] = ()) -> None:
    """Register ``command`` (a ``cmd_<name>`` function) as sub-command ``<name>`` with ``options`` in order.

    The first paragraph of its docstring is the one-line help of the command list, the rest (white space
    folded) its ``--help`` description: what a command does is written once, where the code is read."""
    summary, _, description = inspect.cleandoc(command.__doc__ or "").partition("\n\n")
    p = sub.add_parser(
        command.__name__.removeprefix("cmd_"),
        help=" ".join(summary.split()),
        description=" ".join(description.split()) or None,
    )
    for flags, kwargs in options:
        p.add_argument(*flags, **kwargs)
    p.set_defaults(func=command)


def add_group(sub: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:  # noqa: A002
    """A command that only groups sub-commands (``newsfacts gold import``): their ``add_command`` target."""
    return sub.add_parser(name, help=help).add_subparsers(dest=f"{name}_command", required=True)
